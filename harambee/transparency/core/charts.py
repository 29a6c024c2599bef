"""Geometry of the dashboard's charts, independent of any framework: bars as percentages of the
largest value (the SVG scales with the page while its text keeps the page's size), mirrored for
right-to-left languages."""

from dataclasses import dataclass

#: Fill colours of a chart's series, in order.
SERIES_COLOURS = ("#3182bd", "#e6550d", "#31a354", "#756bb1", "#636363")

#: The width of a chart in a printed document, in px (WeasyPrint's SVG takes no percentages).
DOCUMENT_WIDTH = 640

LABEL = 22  # px: the label line of a row
BAR = 12  # px: one series' bar
GAP = 10  # px between rows


@dataclass(frozen=True)
class Segment:
    series: int  # index of the series (its colour class)
    value: float
    shown: str  # the value formatted for the reader
    x: float  # percent from the left
    width: float  # percent
    y: int  # px

    @property
    def fill(self) -> str:
        return SERIES_COLOURS[self.series % len(SERIES_COLOURS)]

    @property
    def doc_x(self) -> float:
        return round(self.x * DOCUMENT_WIDTH / 100, 1)

    @property
    def doc_width(self) -> float:
        return round(self.width * DOCUMENT_WIDTH / 100, 1)


@dataclass(frozen=True)
class BarRow:
    label: str
    y: int  # px: the baseline of the label
    segments: tuple[Segment, ...]


def bars(rows: list[tuple[str, list[float], list[str]]], *, rtl: bool = False) -> tuple[list[BarRow], int]:
    """Horizontal bars for (label, values, shown) rows, one bar per series; the bars grow from the
    start side (the right in Arabic). Returns the rows and the chart's height in px."""
    top = max((v for _, values, _ in rows for v in values), default=0) or 1
    out, y = [], 0
    for label, values, shown in rows:
        segments = []
        for index, (value, text) in enumerate(zip(values, shown, strict=True)):
            width = round(100 * value / top, 2) if value > 0 else 0
            x = round(100 - width, 2) if rtl else 0
            segments.append(Segment(index, value, text, x, width, y + LABEL + index * (BAR + 2)))
        out.append(BarRow(label, y + LABEL - 6, tuple(segments)))
        y += LABEL + len(values) * (BAR + 2) + GAP
    return out, max(y, LABEL)


@dataclass(frozen=True)
class Column:
    label: str
    value: float
    shown: str
    x: float  # percent: the column's left edge
    width: float  # percent
    y: int  # px: the column's top
    h: int  # px: its height
    mid: float  # percent: the column's centre, for its label
    tick: tuple[str, ...] = ()  # the axis label's lines under it (default: the label)

    @property
    def doc_x(self) -> float:
        return round(self.x * DOCUMENT_WIDTH / 100, 1)

    @property
    def doc_width(self) -> float:
        return round(self.width * DOCUMENT_WIDTH / 100, 1)


def columns(rows: list[tuple], *, rtl: bool = False, plot: int = 150) -> list[Column]:
    """Vertical columns for (label, value, shown) rows in time order, each with the lines of its axis
    label after them if they are shorter than the label; in right-to-left languages time runs from
    right to left."""
    top = max((row[1] for row in rows), default=0) or 1
    n = max(1, len(rows))
    slot = 100 / n
    out = []
    for index, (label, value, shown, *tick) in enumerate(rows):
        place = n - 1 - index if rtl else index
        out.append(
            Column(
                label,
                value,
                shown,
                round(place * slot + slot * 0.15, 2),
                round(slot * 0.7, 2),
                plot - round(plot * value / top),
                round(plot * value / top),
                round(place * slot + slot / 2, 2),
                tuple(tick) or (label,),
            )
        )
    return out
