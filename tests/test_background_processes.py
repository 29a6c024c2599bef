"""Task workers as real processes, on the database the suite runs on (a migrated SQLite file, or this
test's PostgreSQL database): a worker killed -9 mid-task and a fresh worker that completes the task; two
workers that start together and enqueue each periodic job once; `harambee serve` and `harambee demo`,
which start workers beside the web server and stop them when they stop."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from tests.test_serve_and_concurrency import HARAMBEE, ROOT, free_port

# transactional: on PostgreSQL the workers read what the test committed (and the suite's hook then puts the
# reference data back for the next test)
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PYTHON = [sys.executable, "-m", "harambee.cli"]  # run from the root, so that `tests.background_helpers` imports


@pytest.fixture
def worker_env(tmp_path):
    """The environment of processes that share this test's database: its PostgreSQL database (committed
    data, since the test is transactional), or a fresh migrated SQLite file."""
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update(
        HARAMBEE_DATA_DIR=str(tmp_path / "data"),
        DJANGO_SETTINGS_MODULE="config.settings.local",
        HARAMBEE_EMBEDDER="none",
        HARAMBEE_TASK_BACKEND="database",
    )
    if connection.vendor == "postgresql":
        db = connection.settings_dict
        env["DATABASE_URL"] = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    else:
        subprocess.run([*PYTHON, "migrate", "--no-input", "-v", "0"], cwd=ROOT, env=env, check=True, timeout=300)
    return env


def shell(env, code: str) -> object:
    """Run ``code`` in a `harambee shell` of its own; the JSON it printed last."""
    done = subprocess.run(
        [*PYTHON, "shell", "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def _task(env, task_id: str) -> dict:
    return shell(
        env,
        "import json\nfrom django_tasks_db.models import DBTaskResult as T\n"
        f"t = T.objects.get(pk='{task_id}')\n"
        "print(json.dumps({'status': t.status, 'workers': t.worker_ids, 'value': t.return_value}))",
    )


def _wait_for(predicate, timeout: float = 120.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = predicate()
        if found:
            return found
        time.sleep(0.1)
    raise AssertionError("waited in vain")


def test_a_task_whose_worker_was_killed_completes_under_a_fresh_worker(worker_env, tmp_path):
    # given a queued task that waits for a file, and a worker that has started it
    folder = tmp_path / "task"
    folder.mkdir()
    task_id = shell(
        worker_env,
        "import json\nfrom tests.background_helpers import wait_for_file\n"
        f"print(json.dumps(str(wait_for_file.enqueue({str(folder)!r}).id)))",
    )
    first = subprocess.Popen([*PYTHON, "worker", "--interval", "0.1"], cwd=ROOT, env=worker_env)
    try:
        _wait_for(lambda: list(folder.glob("started-*")))
    finally:
        # when the worker is killed -9 in the middle of the task
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)
    assert _task(worker_env, task_id)["status"] == "RUNNING"
    # and a fresh worker starts (the task may now finish)
    (folder / "proceed").touch()
    fresh = subprocess.run(
        [*PYTHON, "worker", "--batch"], cwd=ROOT, env=worker_env, capture_output=True, text=True, timeout=300
    )
    assert fresh.returncode == 0, fresh.stderr
    # then the task was recovered and completed, on its second attempt, by the fresh worker
    task = _task(worker_env, task_id)
    assert (task["status"], task["value"], len(task["workers"])) == ("SUCCESSFUL", "done", 2)
    assert f":{first.pid}:" in task["workers"][0]
    assert len(list(folder.glob("started-*"))) == 2


def test_two_workers_started_together_enqueue_each_periodic_job_once(worker_env):
    # given two workers that start at the same moment and run what is ready
    workers = [
        subprocess.Popen([*PYTHON, "worker", "--batch"], cwd=ROOT, env=worker_env, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    results = [(w.wait(timeout=300), w.stderr.read()) for w in workers]
    assert [code for code, _err in results] == [0, 0], results
    # then each job of the schedule has one row for this period and was run once
    counts = shell(
        worker_env,
        "import json\nfrom django.conf import settings\nfrom django_tasks_db.models import DBTaskResult as T\n"
        "from harambee.background.models import ScheduledRun as R\n"
        "print(json.dumps({j['name']: [R.objects.filter(job=j['name']).count(),"
        " list(T.objects.filter(task_path=j['task']).values_list('status', flat=True))]"
        " for j in settings.HARAMBEE_SCHEDULE}))",
    )
    assert counts == {
        "postings-housekeeping": [1, ["SUCCESSFUL"]],
        "cooperations-housekeeping": [1, ["SUCCESSFUL"]],
        "matching-features-catch-up": [1, ["SUCCESSFUL"]],
        "postings-machine-translation-catch-up": [1, ["SUCCESSFUL"]],
        "matching-index-catch-up": [1, ["SUCCESSFUL"]],
        "accounts-housekeeping": [1, ["SUCCESSFUL"]],
        "background-prune": [1, ["SUCCESSFUL"]],
        "follows-digest": [1, ["SUCCESSFUL"]],
        "transparency-figures": [1, ["SUCCESSFUL"]],
        "operations-retention": [1, ["SUCCESSFUL"]],
        "operations-backup": [1, ["SUCCESSFUL"]],
    }


def _workers_of(pid: int) -> list[int]:
    """The `harambee worker` processes whose parent is ``pid`` (read from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            argv = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        if parent == pid and b"worker" in argv and b"harambee.cli" in argv:
            found.append(int(entry.name))
    return found


def _gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return True
    return state == "Z"


def _start_and_stop(argv, env, *, workers: int, timeout: float = 300) -> None:
    server = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        # then the command started its task workers as processes of its own
        pids = _wait_for(lambda: len(_workers_of(server.pid)) == workers and _workers_of(server.pid), timeout)
        # when it is stopped
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    # then its workers stopped with it
    _wait_for(lambda: all(_gone(pid) for pid in pids), 45)


def test_serve_starts_task_workers_beside_gunicorn_and_stops_them(worker_env):
    # given the production server with two task workers
    env = {**worker_env, "DJANGO_SETTINGS_MODULE": "config.settings.production"}
    env["HARAMBEE_SECRET_KEY"] = "test-secret-key-for-the-serve-test-0123456789"
    argv = [HARAMBEE, "serve", "--workers", "1", "--task-workers", "2", "--bind", f"127.0.0.1:{free_port()}"]
    _start_and_stop(argv, env, workers=2)


def test_demo_starts_a_task_worker_beside_its_server_and_stops_it(tmp_path):
    # given a demo in a fresh data folder (SQLite), with one task worker
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update(HARAMBEE_DATA_DIR=str(tmp_path / "demo"), HARAMBEE_EMBEDDER="none")
    argv = [HARAMBEE, "demo", "--port", str(free_port()), "--task-workers", "1"]
    _start_and_stop(argv, env, workers=1, timeout=600)
