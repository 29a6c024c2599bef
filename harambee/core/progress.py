"""Progress and a closing summary for commands that run for more than a few seconds.

The progress bar (tqdm) goes to the command's stderr, and only when that is a terminal and the
verbosity is not 0, so that pipes, logs and tests stay clean. The summary (count, time, rate) is
for the command to print on stdout.
"""

import time
from collections.abc import Iterable, Iterator

from django.utils.formats import number_format
from tqdm import tqdm


def progress(
    iterable: Iterable, *, total: int, label: str, unit: str, stream, verbosity: int, then: str = ""
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
        disable=True if verbosity == 0 else None,  # None: only on a terminal
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
