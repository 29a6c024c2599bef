"""Progress and a closing summary for commands that run for more than a few seconds.

The progress bar (tqdm) goes to the command's stderr, and only when that is a terminal and the
verbosity is not 0, so that pipes, logs and tests stay clean; `--verbosity 2` (or more) asks for it
anywhere (a log file, CI). The summary (count, time, rate) is for the command to print on stdout.

A service that does the long work (an export, a backfill) takes a `progress` argument of type
:class:`Progress` — :func:`no_progress` by default, :func:`command_progress` from a command — and
wraps its loop in it, so that it needs to know nothing about terminals.
"""

import functools
import time
from collections.abc import Iterable, Iterator
from typing import Protocol

from django.utils.formats import number_format
from tqdm import tqdm


class Progress(Protocol):
    """Wraps an iterable of ``total`` items (None: unknown) to show how far its consumer got."""

    def __call__(self, iterable: Iterable, *, total: int | None) -> Iterable: ...


def no_progress(iterable: Iterable, *, total: int | None = None) -> Iterable:
    """The iterable itself: for services called from code that shows no progress."""
    return iterable


def command_progress(command, *, label: str, unit: str, verbosity: int, then: str = "") -> Progress:
    """:func:`progress` on the command's stderr, for a service to wrap its loop in once it knows the total."""
    return functools.partial(progress, label=label, unit=unit, stream=command.stderr, verbosity=verbosity, then=then)


def progress(
    iterable: Iterable, *, total: int | None, label: str, unit: str, stream, verbosity: int, then: str = ""
) -> Iterator:
    """``iterable``, drawing a progress bar on ``stream`` (a command's stderr) while it is consumed.

    ``then`` is a line to show once everything is consumed, for work that follows (e.g. saving).
    """
    # Django's OutputWrapper ends every write with a new line; tqdm redraws with \r on the stream itself.
    out = getattr(stream, "_out", stream)
    bar = tqdm(
        iterable,
        total=total,
        desc=label,
        unit=" " + unit,  # tqdm writes "12.5 postings/s"
        file=out,
        disable=True if verbosity == 0 else (False if verbosity >= 2 else None),  # None: only on a terminal
        leave=False,
        dynamic_ncols=True,
        mininterval=0.2,
    )
    return _followed(bar, then, out) if then and not bar.disable else bar


def _followed(bar: tqdm, then: str, out) -> Iterator:
    yield from bar
    out.write(then + "\n")
    out.flush()


class Stopwatch:
    """Time since it was made, and a summary of how many things were done in it, for messages."""

    def __init__(self) -> None:
        self.started = time.perf_counter()

    def summary(self, count: int) -> dict[str, str]:
        """``count``, the seconds so far and the rate per second, as numbers the active language writes."""
        seconds = time.perf_counter() - self.started
        return {
            "count": number_format(count, force_grouping=True),
            "seconds": number_format(seconds, decimal_pos=1),
            "rate": number_format(round(count / seconds) if seconds > 0 else count, force_grouping=True),
        }
