"""The scale-out shape of docs/deployment.md, as real processes against one PostgreSQL server: two app
servers (`harambee serve --task-workers 0`, production settings, one data folder shared by both) and one
task worker (`harambee worker`).

- An offer created through server A gets its concepts and vector from the worker, the worker rebuilds
  the shared matching index, and server B suggests the offer for the need it was written for.
- A worker killed with SIGKILL in the middle of a task: a new worker runs the task again to the end.

Every process uses the test hashing embedder (``class:harambee.matching.testing.HashingEmbedder``): the
shipped model would spend minutes on the demo's postings; the test is about processes, not match quality.

Runs only when DATABASE_URL points at PostgreSQL (the PostgreSQL stage of `.ci/run`); the test makes a
database of its own on that server and drops it at the end.
"""

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
HARAMBEE = [sys.executable, "-m", "harambee.cli"]
DATABASE_URL = os.environ.get("DATABASE_URL", "")
EMBEDDER = "class:harambee.matching.testing.HashingEmbedder"
WAIT = 120.0  # seconds, for anything the worker has to do

pytestmark = [
    pytest.mark.deployment,
    pytest.mark.skipif(
        not DATABASE_URL.startswith(("postgres://", "postgresql://")),
        reason="the scale-out test needs a PostgreSQL server: set DATABASE_URL=postgres://… (.ci/run does)",
    ),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def database():
    """A fresh database on the server of DATABASE_URL, named after it; its URL. Dropped at the end."""
    import psycopg

    parts = urlsplit(DATABASE_URL)
    name = f"{parts.path.lstrip('/') or 'harambee'}_scale_{secrets.token_hex(4)}"
    with psycopg.connect(DATABASE_URL, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(DATABASE_URL, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class Site:
    """The processes of one deployment and the environment they share."""

    def __init__(self, url: str, data_dir: Path, logs: Path):
        self.url = url
        self.logs = logs
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("HARAMBEE_", "DJANGO_"))}
        self.env.update(
            DATABASE_URL=url,
            DJANGO_SETTINGS_MODULE="config.settings.production",
            HARAMBEE_DATA_DIR=str(data_dir),
            HARAMBEE_SECRET_KEY=secrets.token_urlsafe(50),
            HARAMBEE_ALLOWED_HOSTS="127.0.0.1,localhost",
            HARAMBEE_TRUSTED_PROXIES="127.0.0.1",
            HARAMBEE_EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
            HARAMBEE_EMBEDDER=EMBEDDER,
            HARAMBEE_TASK_BACKEND="database",
            HARAMBEE_LOG_LEVEL="WARNING",
        )
        self.processes: list[subprocess.Popen] = []

    def run(self, *argv: str, settings: str | None = None, stdin: str | None = None) -> str:
        env = dict(self.env, **({"DJANGO_SETTINGS_MODULE": settings, "HARAMBEE_DEBUG": "0"} if settings else {}))
        done = subprocess.run(
            [*HARAMBEE, *argv], cwd=ROOT, env=env, input=stdin, capture_output=True, text=True, timeout=300
        )
        assert done.returncode == 0, f"harambee {argv[0]} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
        return done.stdout

    def start(self, name: str, *argv: str) -> subprocess.Popen:
        log = open(self.logs / f"{name}.log", "ab")  # noqa: SIM115 - closed with the process
        process = subprocess.Popen(
            [*HARAMBEE, *argv], cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        process.log = log
        self.processes.append(process)
        return process

    def log(self, name: str) -> str:
        path = self.logs / f"{name}.log"
        return path.read_text(errors="replace")[-4000:] if path.exists() else ""

    def stop_all(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                try:
                    os.killpg(process.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
        deadline = time.monotonic() + 15
        for process in self.processes:
            try:
                process.wait(timeout=max(deadline - time.monotonic(), 0.1))
            except subprocess.TimeoutExpired:
                pass
            try:
                os.killpg(process.pid, signal.SIGKILL)  # the group: gunicorn's own workers too
            except ProcessLookupError:
                pass
            process.wait(timeout=10)
            process.log.close()


def http(base: str, method: str, path: str, body=None, token: str = "") -> tuple[int, object]:
    """A request as the TLS-terminating proxy would pass it on (X-Forwarded-Proto: https); status, JSON."""
    headers = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.7", "Accept": "application/json"}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(base + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")


def wait_for(what: str, predicate, timeout: float = WAIT, every: float = 0.5):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = predicate()
        if found:
            return found
        time.sleep(every)
    raise AssertionError(f"waited {timeout:.0f} s in vain for {what}")


def wait_for_server(site: Site, name: str, base: str, process: subprocess.Popen) -> None:
    def answers():
        assert process.poll() is None, f"server {name} stopped:\n{site.log(name)}"
        try:
            return http(base, "GET", "/api/v1/members?limit=1")[0] == 200
        except OSError:
            return False

    wait_for(f"server {name} at {base}", answers, timeout=60)


SETUP = """
import json
from harambee.accounts.models import User
from harambee.accounts.services import api_token_create
from harambee.postings.models import Posting
user = User.objects.get(email="egypt.manager@demo.harambee.test")
need = (Posting.objects.filter(kind="need", status="published", language="en", eligible_members=None)
        .exclude(member__code="egy").order_by("pk").first())
issued = api_token_create(user=user, name="scale-out test")
print(json.dumps({"token": issued.key, "need": need.external_id}))
"""


def features_of(url: str, external_ids: list[str]) -> int:
    """How many of the postings have stored concepts and a vector."""
    import psycopg

    with psycopg.connect(url) as db:
        return db.execute(
            "SELECT count(*) FROM matching_postingfeatures f JOIN postings_posting p ON p.id = f.posting_id "
            "WHERE p.external_id = ANY(%s) AND f.embedder <> ''",
            (external_ids,),
        ).fetchone()[0]


def features_task(url: str, first_id: str) -> tuple[str, str, int] | None:
    """The features task of the imported postings: (id, status, attempts), or None before it is queued."""
    import psycopg

    with psycopg.connect(url) as db:
        posting = db.execute("SELECT id FROM postings_posting WHERE external_id = %s", (first_id,)).fetchone()
        if posting is None:
            return None
        row = db.execute(
            "SELECT id::text, status, jsonb_array_length(worker_ids) FROM django_tasks_database_dbtaskresult "
            "WHERE task_path = 'harambee.matching.tasks.matching_features_refresh' "
            "AND args_kwargs -> 'args' -> 0 @> %s::jsonb",
            (json.dumps([posting[0]]),),
        ).fetchone()
        return tuple(row) if row else None


def long_offers(count: int) -> str:
    """JSON Lines of `count` offers with long descriptions, so that computing their features takes seconds."""
    words = (
        "training of civil servants in artificial intelligence procurement, data governance and open data "
        "platforms for ministries, with scholarships, advisory services and a joint laboratory on machine "
        "learning for health, agriculture and climate adaptation; "
    )
    lines = []
    for number in range(count):
        description = f"Offer {number}: " + words * 50
        lines.append(
            json.dumps(
                {
                    "id": f"SCALE-O-{number:04d}",
                    "kind": "offer",
                    "title": f"Course number {number} on artificial intelligence for the public sector",
                    "description": description[:12000],
                    "language": "en",
                    "modalities": ["training"],
                    "delivery_languages": ["en"],
                }
            )
        )
    return "\n".join(lines) + "\n"


def test_two_app_servers_and_a_worker_share_one_database_and_one_index(database, tmp_path):
    logs = tmp_path / "logs"
    logs.mkdir()
    site = Site(database, tmp_path / "data", logs)
    try:
        # given a migrated database with the demo data (loaddemo refuses the production settings)
        site.run("migrate", "--no-input", "-v", "0")
        site.run("loaddemo", settings="config.settings.local")
        setup = json.loads(site.run("shell", "-c", SETUP).strip().splitlines()[-1])
        token, need = setup["token"], setup["need"]

        # and two app servers without task workers, sharing the data folder, and one worker
        port_a, port_b = free_port(), free_port()
        server_a = site.start("server-a", "serve", "--task-workers", "0", "--workers", "1", "--threads", "2",
                              "--bind", f"127.0.0.1:{port_a}")  # fmt: skip
        server_b = site.start("server-b", "serve", "--task-workers", "0", "--workers", "1", "--threads", "2",
                              "--bind", f"127.0.0.1:{port_b}")  # fmt: skip
        worker = site.start("worker-1", "worker")
        a, b = f"http://127.0.0.1:{port_a}", f"http://127.0.0.1:{port_b}"
        wait_for_server(site, "server-a", a, server_a)
        wait_for_server(site, "server-b", b, server_b)

        # when an offer written for the need is created through server A
        status, shown = http(b, "GET", f"/api/v1/needs/{need}")
        assert status == 200, shown
        offer = {
            "member": "egy",
            "title": shown["title"],
            "description": shown["description"],
            "language": shown["language"],
            "modalities": shown["modalities"],
            "themes": shown["themes"],
            "sectors": shown["sectors"],
            "delivery_languages": shown["delivery_languages"],
            "submit": True,
        }
        status, created = http(a, "POST", "/api/v1/offers", offer, token=token)
        assert status == 201, created
        assert created["status"] == "published"
        offer_id = created["id"]

        # then the worker computes its features
        wait_for(f"the features of {offer_id}", lambda: features_of(database, [offer_id]) == 1)

        # and server B suggests it for the need once the worker has rebuilt the shared index
        def suggested_by_b():
            assert worker.poll() is None, f"the worker stopped:\n{site.log('worker-1')}"
            status, answer = http(b, "GET", f"/api/v1/needs/{need}/suggestions?limit=50")
            assert status == 200, answer
            return [r["id"] for r in answer["results"]] if not answer["pending"] else []

        wait_for(f"server B to suggest {offer_id}", lambda: offer_id in suggested_by_b())
        assert suggested_by_b()[0] == offer_id  # the same text, concepts and tags: the best counterpart

        # given a bulk import whose features task takes seconds, and the worker running it
        imported = [f"SCALE-O-{n:04d}" for n in range(200)]
        site.run("import", "postings", "-", "--member", "egy", stdin=long_offers(len(imported)))
        running = wait_for(
            "the worker to start the features task of the import",
            lambda: (row := features_task(database, imported[0])) and row[1] == "RUNNING" and row[2] == 1 and row,
            every=0.05,
        )

        # when the worker is killed mid-task and a new worker starts
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait(timeout=10)
        assert features_of(database, imported) < len(imported)  # killed before it had done them all
        assert features_task(database, imported[0])[1] == "RUNNING"  # nobody has noticed yet
        site.start("worker-2", "worker")

        # then the new worker runs the task again to the end, and every imported posting has its features
        finished = wait_for(
            "the task to complete under the new worker",
            lambda: (row := features_task(database, imported[0])) and row[1] in ("SUCCESSFUL", "FAILED") and row,
        )
        assert finished == (running[0], "SUCCESSFUL", 2), site.log("worker-2")
        assert features_of(database, imported) == len(imported)
    finally:
        site.stop_all()
