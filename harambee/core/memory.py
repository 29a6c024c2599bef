"""Memory management for commands that read one big document and exit.

Python's cyclic garbage collector runs whenever enough new container objects exist, and each of
its full passes walks every object alive. A command that decodes a large JSON document and builds
hundreds of thousands of tuples from it (`harambee allocate` on 10,000 requests × 1,000 offers)
creates no reference cycles, yet spent half its time in those passes. Reference counting still
frees everything as usual while the collector is paused.
"""

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the block; it is enabled again after it if it was before."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
