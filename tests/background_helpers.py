"""Background tasks that exist only for the tests of background work (tests/test_background*.py): a worker
started as a separate process imports them from here (its working directory is the project's root)."""

import os
import time
from collections import Counter
from pathlib import Path

from harambee.background.queue import background_task

CALLS: Counter = Counter()


@background_task(label="Test: wait for a file", attempts=3, backoff=0)
def wait_for_file(folder: str) -> str:
    """Note this attempt's process, then wait until the test creates ``folder/proceed``."""
    folder_path = Path(folder)
    (folder_path / f"started-{os.getpid()}").touch()
    deadline = time.monotonic() + 120
    while not (folder_path / "proceed").exists():
        if time.monotonic() > deadline:
            raise TimeoutError("nobody created the proceed file")
        time.sleep(0.05)
    return "done"


@background_task(label="Test: always fails", attempts=3, backoff=0)
def always_fails(message: str) -> None:
    CALLS[message] += 1
    raise ConnectionError(message)


@background_task(label="Test: fails once", attempts=3, backoff=30)
def fails_once(key: str) -> int:
    CALLS[key] += 1
    if CALLS[key] == 1:
        raise ConnectionError("the mail server is away")
    return CALLS[key]
