"""The public mix of pages for `benchmarks/load.py` (locust): what visitors and scripts read most.

Weights follow what a public platform sees: lists and searches first, then a need with its
suggestions, the home page and the API. Every request says it came through the TLS proxy
(`X-Forwarded-Proto: https`), as behind the documented nginx. Visitors are anonymous and send no
cookies back, as most of a public platform's readers do.
"""

import os
import random

from locust import FastHttpUser, between, constant, task

THINK = float(os.environ.get("HARAMBEE_LOAD_THINK", "0"))
LANGUAGES = ("en", "fr", "ar", "es", "ru", "zh-hans")
SEARCHES = ("training", "données", "gobernanza", "данные", "الذكاء", "人工智能", "civil servants", "health")
NEEDS = [n for n in os.environ.get("HARAMBEE_LOAD_NEEDS", "").split(",") if n]
HEADERS = {"X-Forwarded-Proto": "https"}


class Visitor(FastHttpUser):  # geventhttpclient: far less CPU per request than requests, on the same 2 cores
    wait_time = constant(0) if THINK <= 0 else between(THINK * 0.5, THINK * 1.5)

    def _get(self, path: str, name: str) -> None:
        with self.client.get(path, headers=HEADERS, name=name, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code}")

    @task(2)
    def home(self):
        self._get(f"/{random.choice(LANGUAGES)}/", "home")

    @task(4)
    def lists(self):
        kind = random.choice(("needs", "offers"))
        self._get(f"/{random.choice(LANGUAGES)}/{kind}/", "list")

    @task(3)
    def search(self):
        kind = random.choice(("needs", "offers"))
        self._get(f"/{random.choice(LANGUAGES)}/{kind}/?q={random.choice(SEARCHES)}", "search")

    @task(3)
    def need_with_suggestions(self):
        if NEEDS:
            self._get(f"/{random.choice(LANGUAGES)}/needs/{random.choice(NEEDS)}/", "need + suggestions")

    @task(2)
    def api_list(self):
        kind = random.choice(("needs", "offers"))
        self._get(f"/api/v1/{kind}?page={random.randint(1, 5)}", "API list")
