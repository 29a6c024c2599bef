"""Task workers beside the web server: `harambee demo` and `harambee serve` start ``HARAMBEE_TASK_WORKERS``
worker processes (``harambee worker``), start again one that dies, and stop them when the web server
stops. Processes, never threads: each worker is a ``harambee worker`` of its own.

A worker started here also stops by itself when the process that started it is gone (killed -9), so
that no worker outlives its web server (``HARAMBEE_WORKER_PARENT``, checked by the worker between tasks).
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time

from .queue import tasks_run_at_once

logger = logging.getLogger(__name__)

PARENT_ENV = "HARAMBEE_WORKER_PARENT"
STOP_GRACE_SECONDS = 30.0  # a worker finishes its task within this, else it is killed (the task is retried)


def worker_command(*, verbosity: int = 1) -> list[str]:
    """The command line of one worker: this Python, the `harambee` console script's module."""
    return [sys.executable, "-m", "harambee.cli", "worker", "--verbosity", str(verbosity)]


class WorkerProcesses:
    """``count`` worker processes, started on ``start`` and stopped on ``stop`` (or as a context manager).

    ``env`` adds to the workers' environment what the web server changed at run time (the demo's site
    address). With the immediate backend no worker is started: tasks run where they are enqueued.
    """

    def __init__(self, *, count: int, env: dict[str, str] | None = None, verbosity: int = 1, stdout=None) -> None:
        self.count = 0 if tasks_run_at_once() else max(count, 0)
        self.env = {**os.environ, **(env or {}), PARENT_ENV: str(os.getpid())}
        self.verbosity = verbosity
        self.stdout = stdout
        self.processes: list[subprocess.Popen] = []

    def _spawn(self) -> subprocess.Popen:
        process = subprocess.Popen(worker_command(verbosity=self.verbosity), env=self.env, stdout=self.stdout)
        logger.debug("task worker started (process %s)", process.pid)
        return process

    def start(self) -> WorkerProcesses:
        self.processes = [self._spawn() for _ in range(self.count)]
        return self

    def restart_dead(self) -> int:
        """Start again the workers that stopped (crashed, killed); how many. The tasks they were running
        are queued again by the next worker's upkeep."""
        restarted = 0
        for index, process in enumerate(self.processes):
            if process.poll() is not None:
                logger.warning("task worker %s stopped (exit %s); starting another", process.pid, process.returncode)
                self.processes[index] = self._spawn()
                restarted += 1
        return restarted

    def stop(self, *, grace: float = STOP_GRACE_SECONDS) -> None:
        """SIGTERM every worker (each finishes its current task), then SIGKILL those still running after
        ``grace`` seconds."""
        for process in self.processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + grace
        for process in self.processes:
            try:
                process.wait(timeout=max(deadline - time.monotonic(), 0.1))
            except subprocess.TimeoutExpired:
                logger.warning("task worker %s did not stop in %s s; killed", process.pid, grace)
                process.kill()
                process.wait()
        self.processes = []

    def __enter__(self) -> WorkerProcesses:
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()


def supervise(web: subprocess.Popen, workers: WorkerProcesses, *, poll: float = 1.0) -> int:
    """Wait for the web server ``web`` to exit, restarting workers that die meanwhile; SIGTERM or SIGINT
    to this process is passed on to the web server. Stops the workers and returns the server's exit code."""

    def forward(signum, frame):
        if web.poll() is None:
            web.send_signal(signum)

    previous = {signum: signal.signal(signum, forward) for signum in (signal.SIGTERM, signal.SIGINT)}
    try:
        while web.poll() is None:
            workers.restart_dead()
            try:
                web.wait(timeout=poll)
            except subprocess.TimeoutExpired:
                pass
        return web.returncode
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        workers.stop()
