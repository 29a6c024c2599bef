"""Is a process still there? Used to tell work whose process died (an import run, a task whose worker
was killed) from work that is still going on."""

import os
import socket


def this_host() -> str:
    """This machine's name, as recorded beside a process id (at most 255 characters)."""
    return socket.gethostname()[:255]


def process_alive(pid: int) -> bool:
    """Whether a process of this id exists on this machine (one we may not signal counts as alive)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
