"""Test settings: fast hashing, in-memory e-mail; the database comes from DATABASE_URL or SQLite."""

import os
import tempfile

from .base import *

HARAMBEE_ALLOW_DEMO = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["TEST"] = {"NAME": None}
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}

# Tests never touch the data folder: an in-memory SQLite unless DATABASE_URL names a server.
if DATABASES["default"]["ENGINE"].endswith("sqlite3") and "DATABASE_URL" not in os.environ:
    DATABASES["default"]["NAME"] = ":memory:"
# Tests use a small deterministic embedder; tests of the real model ask for it explicitly.
HARAMBEE_EMBEDDER = "class:harambee.matching.testing.HashingEmbedder"
# Tasks run at once when the transaction commits, so that tests stay deterministic; tests of the worker
# switch to the database backend (tests/test_background*.py).
HARAMBEE_TASK_BACKEND = "immediate"
TASKS = {"default": {"BACKEND": TASK_BACKENDS["immediate"], "QUEUES": ["default", "mail"]}}
# The page cache is on in tests (conftest.py empties it before each test), in memory.
CACHES["pages"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"}
# The matching index of a test run lives in a temporary folder (each test gets its own, conftest.py),
# never in the data folder.
HARAMBEE_MATCHING_INDEX_DIR = tempfile.mkdtemp(prefix="harambee-test-index-")
