"""A radar chart as a self-contained, accessible SVG string (server-rendered, no JavaScript).

One polygon per series on N axes (N ≥ 3), rings for the levels 0..max_value with their numbers, axis
labels outside the rings (wrapped, anchored away from the chart: `start` on the right, `end` on the
left, mirrored for right-to-left pages, whose axes also run counter-clockwise), and a legend. The
viewBox is narrow (400 units, wider only for a label word too long to wrap) and the width
100 %, so it fits a 375 px screen. Every text is escaped.
The caller shows the same figures in a data table (the text alternative).
"""

import hashlib
import html
import math
from collections.abc import Sequence
from dataclasses import dataclass

WIDTH = 400
RADIUS = 100
LABEL_GAP = 10
FONT = 12
LINE = 14
MARGIN = 8
SIDE_EM = 7.75  # line length (in em) of a label left or right of the chart: 14 Latin letters, about 88 units
MIDDLE_EM = 14.3  # of a label above or below it: 26 Latin letters
LEGEND_ROW = 18
#: Default looks of the series (the caller's CSS class may override them): colour, dash pattern.
STYLES = (
    ("#1f5f99", ""),
    ("#c2410c", "6 3"),
    ("#4d7c0f", "2 3"),
    ("#7e22ce", "8 3 2 3"),
    ("#0f766e", "4 4"),
)


@dataclass(frozen=True)
class RadarSeries:
    name: str
    values: Sequence[float | None]
    css_class: str = ""


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))


def _wide(char: str) -> bool:
    return ord(char) >= 0x2E80  # CJK and other full-width scripts take about twice the width


def _length(text: str) -> int:
    return sum(2 if _wide(c) else 1 for c in text)


def _em(char: str) -> float:
    """The estimated advance of a character in em: full-width 1, Cyrillic 0.63, Arabic 0.5, others 0.55."""
    if _wide(char):
        return 1.0
    if "\u0400" <= char <= "\u04ff":
        return 0.63
    return 0.5 if "\u0600" <= char <= "\u06ff" else 0.55


def _ems(text: str) -> float:
    return sum(_em(c) for c in text)


def _width(lines: list[str]) -> float:
    """The estimated width of the longest line, in viewBox units."""
    return max((_ems(line) for line in lines), default=0) * FONT


def _wrap(label: str, width: float) -> list[str]:
    """Greedy lines of at most `width` em (a longer word stays whole; text without spaces breaks anywhere
    when it is full-width, as Chinese is)."""
    words = label.split()
    if len(words) <= 1 and _ems(label) > width and any(_wide(c) for c in label):
        lines, line = [], ""
        for char in label.strip():
            if _ems(line + char) > width:
                lines.append(line)
                line = ""
            line += char
        return [*lines, line] if line else lines
    lines, line = [], ""
    for word in words:
        candidate = f"{line} {word}" if line else word
        if line and _ems(candidate) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    lines = [*lines, line] if line else lines or [""]
    # A short word alone on a line ("and", "et", "и" between two long words) stays with the line before.
    merged: list[str] = []
    for line in lines:
        if merged and " " not in line and _length(line) <= 3:
            merged[-1] = f"{merged[-1]} {line}"
        else:
            merged.append(line)
    return merged


def _angle(index: int, count: int, rtl: bool) -> float:
    """Axis angle in radians, 0 at the top, clockwise (counter-clockwise when rtl); y grows downwards."""
    step = 2 * math.pi * index / count
    return -math.pi / 2 + (-step if rtl else step)


def _label(index: int, count: int, text: str, rtl: bool) -> tuple[float, float, str, list[str], float, float]:
    """Anchor point, text-anchor, lines and the label's vertical extent, relative to the centre."""
    angle = _angle(index, count, rtl)
    cos, sin = math.cos(angle), math.sin(angle)
    x, y = (RADIUS + LABEL_GAP) * cos, (RADIUS + LABEL_GAP) * sin
    if abs(cos) < 0.2:
        side, lines = "middle", _wrap(text, MIDDLE_EM)
    else:
        right = cos > 0
        # In a right-to-left text run "start" is the right end: mirror so labels grow away from the chart.
        side = ("start" if right else "end") if not rtl else ("end" if right else "start")
        lines = _wrap(text, SIDE_EM)
    height = LINE * len(lines)
    if side == "middle" and sin < 0:  # above: the last line's baseline sits just above the point
        top = y - height - 2
    elif side == "middle":  # below
        top = y + 2
    else:  # beside: centred on the point
        top = y - height / 2
    return x, top, side, lines, top, top + height


def radar_svg(
    *,
    axes: Sequence[str],
    series: Sequence[RadarSeries],
    max_value: float = 4,
    title: str,
    description: str,
    rtl: bool = False,
    ring_labels: Sequence[str] | None = None,
    id_prefix: str | None = None,
) -> str:
    """The chart as an `<svg role="img">` string labelled by its `<title>` and `<desc>`.

    A None value is drawn at 0 with a hollow marker on its axis (class "radar-missing").
    `ring_labels` names the rings 0..max_value (default: the numbers); `id_prefix` makes the ids of
    the title and description unique on a page (default: derived from the content).
    """
    count = len(axes)
    if count < 3:
        raise ValueError("a radar chart needs at least 3 axes")
    if max_value <= 0:
        raise ValueError("max_value must be above 0")
    for item in series:
        if len(item.values) != count:
            raise ValueError(f"series {item.name!r} has {len(item.values)} values for {count} axes")
    rings = int(max_value)
    ring_labels = list(ring_labels) if ring_labels is not None else [str(level) for level in range(rings + 1)]
    if len(ring_labels) != rings + 1:
        raise ValueError(f"ring_labels needs {rings + 1} labels")
    if id_prefix is None:
        content = repr((list(axes), [(s.name, list(s.values)) for s in series], title, description, rtl))
        id_prefix = "radar-" + hashlib.sha1(content.encode(), usedforsecurity=False).hexdigest()[:10]

    labels = [_label(i, count, axis, rtl) for i, axis in enumerate(axes)]
    top = min([-RADIUS - 2, *(label[4] for label in labels)])
    bottom = max([RADIUS + 2, *(label[5] for label in labels)])
    # A word too long to wrap widens the viewBox rather than being cut off at its edge.
    half = max(
        (abs(x) + (_width(lines) / 2 if side == "middle" else _width(lines)) for x, _, side, lines, _, _ in labels),
        default=0,
    )
    width = max(WIDTH, 2 * math.ceil(half + MARGIN))
    cx, cy = width / 2, MARGIN - top
    legend_top = cy + bottom + 2 * MARGIN
    height = legend_top + LEGEND_ROW * len(series) + MARGIN

    def point(index: int, value: float) -> tuple[float, float]:
        angle = _angle(index, count, rtl)
        r = RADIUS * max(0.0, min(value, max_value)) / max_value
        return cx + r * math.cos(angle), cy + r * math.sin(angle)

    def points(values: Sequence[float]) -> str:
        return " ".join(f"{x:.1f},{y:.1f}" for x, y in (point(i, v) for i, v in enumerate(values)))

    direction = "rtl" if rtl else "ltr"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="radar" viewBox="0 0 {width} {height:.0f}" '
        f'width="100%" role="img" aria-labelledby="{_e(id_prefix)}-title {_e(id_prefix)}-desc" '
        f'direction="{direction}" font-size="{FONT}">',
        f'<title id="{_e(id_prefix)}-title">{_e(title)}</title>',
        f'<desc id="{_e(id_prefix)}-desc">{_e(description)}</desc>',
        '<g class="radar-grid" fill="none" stroke="#9ca3af" stroke-width="0.75">',
    ]
    for level in range(1, rings + 1):
        out.append(f'<polygon class="radar-ring" points="{points([level] * count)}"/>')
    for i in range(count):
        x, y = point(i, max_value)
        out.append(f'<line class="radar-axis" x1="{cx:.1f}" y1="{cy:.1f}" x2="{x:.1f}" y2="{y:.1f}"/>')
    out.append("</g>")
    out.append('<g class="radar-levels" fill="#4b5563" font-size="9" text-anchor="middle" aria-hidden="true">')
    for level, label in enumerate(ring_labels):
        out.append(
            f'<text x="{cx + (-4 if rtl else 4):.1f}" y="{cy - RADIUS * level / rings - 2:.1f}">{_e(label)}</text>'
        )
    out.append("</g>")
    for n, item in enumerate(series):
        colour, dash = STYLES[n % len(STYLES)]
        values = [0.0 if v is None else float(v) for v in item.values]
        classes = f"radar-series radar-series-{n}" + (f" {item.css_class}" if item.css_class else "")
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(f'<g class="{_e(classes)}" stroke="{colour}" fill="{colour}">')
        out.append(
            f'<polygon points="{points(values)}" fill-opacity="0.12" stroke-width="2"{dash_attr}>'
            f"<title>{_e(item.name)}</title></polygon>"
        )
        for i, value in enumerate(item.values):
            if value is None:
                angle = _angle(i, count, rtl)
                mx, my = cx + 8 * math.cos(angle), cy + 8 * math.sin(angle)
                out.append(
                    f'<circle class="radar-missing" cx="{mx:.1f}" cy="{my:.1f}" r="3" '
                    'fill="#ffffff" stroke-width="1.5"/>'
                )
            else:
                x, y = point(i, float(value))
                out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.5" stroke="none"/>')
        out.append("</g>")
    out.append('<g class="radar-labels" fill="#111827">')
    for x, line_top, side, lines, _, _ in labels:
        tspans = "".join(
            f'<tspan x="{cx + x:.1f}" dy="{0 if k == 0 else LINE}">{_e(line)}</tspan>' for k, line in enumerate(lines)
        )
        out.append(f'<text x="{cx + x:.1f}" y="{cy + line_top + FONT:.1f}" text-anchor="{side}">{tspans}</text>')
    out.append("</g>")
    out.append('<g class="radar-legend">')
    for n, item in enumerate(series):
        colour, dash = STYLES[n % len(STYLES)]
        y = legend_top + LEGEND_ROW * n
        x1, x2 = (width - MARGIN - 24, width - MARGIN) if rtl else (MARGIN, MARGIN + 24)
        text_x = x1 - 6 if rtl else x2 + 6
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        classes = f"radar-series-{n}" + (f" {item.css_class}" if item.css_class else "")
        out.append(
            f'<line class="{_e(classes)}" x1="{x1}" y1="{y + 5:.1f}" x2="{x2}" y2="{y + 5:.1f}" '
            f'stroke="{colour}" stroke-width="2"{dash_attr}/>'
        )
        out.append(f'<text x="{text_x}" y="{y + 9:.1f}" text-anchor="start" fill="#111827">{_e(item.name)}</text>')
    out.append("</g>")
    out.append("</svg>")
    return "\n".join(out)
