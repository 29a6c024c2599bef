"""The production server and the embedded database under concurrent writers, as real processes."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HARAMBEE = str(Path(sys.executable).parent / "harambee")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def data_env(tmp_path_factory):
    """A fresh SQLite data folder, migrated, with one organisation to write to."""
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update(
        HARAMBEE_DATA_DIR=str(tmp_path_factory.mktemp("data")),
        DJANGO_SETTINGS_MODULE="config.settings.local",
        HARAMBEE_SECRET_KEY="test-secret-key-for-the-serve-test-0123456789",
    )
    script = (
        "from harambee.registry.services import member_create_organisation as c;"
        "c(actor=None, code='shared', name='Shared', organisation_type='ngo', country=None)"
    )
    for argv in (["migrate", "--no-input", "-v", "0"], ["shell", "-c", script]):
        subprocess.run([HARAMBEE, *argv], cwd=ROOT, env=env, check=True, capture_output=True, timeout=300)
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        env["DATABASE_URL"] = ""  # this module is about the embedded database
    return env


def test_concurrent_writers_wait_instead_of_failing(data_env):
    # given four processes that each change the same member 25 times through the service
    script = (
        "from harambee.registry.models import Member\n"
        "from harambee.registry.services import member_update\n"
        "for i in range(25):\n"
        "    m = Member.objects.get(code='shared')\n"
        "    member_update(member=m, actor=None, data={'description': WORKER + str(i)})\n"
    )
    # when they run at the same time
    workers = [
        subprocess.Popen(
            [HARAMBEE, "shell", "-c", f"WORKER = 'w{n}-'\n" + script],
            cwd=ROOT,
            env=data_env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(4)
    ]
    results = [(w.wait(timeout=300), w.stderr.read()) for w in workers]
    # then every write succeeded (WAL, immediate transactions, busy timeout) and each is audited
    assert [code for code, _err in results] == [0, 0, 0, 0], [err for _code, err in results]
    count = subprocess.run(
        [
            HARAMBEE,
            "shell",
            "-c",
            "from harambee.audit.models import AuditEntry as A; print(A.objects.filter(action='update').count())",
        ],
        cwd=ROOT,
        env=data_env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert count.stdout.strip().splitlines()[-1] == "100"


def test_serve_runs_gunicorn_workers_in_production_settings(data_env):
    # given the production server with two workers on a free port
    port = free_port()
    env = {**data_env, "HARAMBEE_SECURE_COOKIES": "0"}
    env.pop("DJANGO_SETTINGS_MODULE")
    server = subprocess.Popen(
        [HARAMBEE, "serve", "--workers", "2", "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        # when a browser asks, through the TLS-terminating proxy, for a page and its stylesheet
        def through_proxy(path):
            request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"X-Forwarded-Proto": "https"})
            return urllib.request.urlopen(request, timeout=30)

        # (generous: on a loaded 2-core machine starting gunicorn, its workers and a task worker is slow)
        deadline, page = time.monotonic() + 180, None
        while time.monotonic() < deadline and page is None and server.poll() is None:
            try:
                page = through_proxy("/fr/")
            except OSError:
                time.sleep(0.5)
        assert page is not None, f"the server did not start (exit code {server.poll()})"
        css = through_proxy("/static/harambee/harambee.css")
        # then both are served, in French, without debug pages
        assert page.status == 200 and 'lang="fr"' in page.read().decode()
        assert css.status == 200
        try:
            through_proxy("/fr/members/none/")
        except urllib.error.HTTPError as error:
            assert error.code == 404 and "Traceback" not in error.read().decode()
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_serve_refuses_zero_workers(data_env):
    result = subprocess.run(
        [HARAMBEE, "serve", "--workers", "0"], cwd=ROOT, env=data_env, capture_output=True, text=True
    )
    assert result.returncode != 0 and "--workers" in result.stderr
