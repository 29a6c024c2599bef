"""The world map as SVG path data: the shipped country rings (data/world-110m.json, Natural Earth,
public domain) projected with Equal Earth into a fixed view box, and colour bins for a measure."""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .projection import X_MAX, Y_MAX, equal_earth

DATA = Path(__file__).resolve().parent.parent / "data" / "world-110m.json"

#: The view box: 1000 wide, cut at 60° south (Antarctica is not drawn).
WIDTH = 1000
SCALE = WIDTH / (2 * X_MAX)
SOUTH = equal_earth(0, -60)[1]
HEIGHT = round((Y_MAX - SOUTH) * SCALE)


@dataclass(frozen=True)
class Shape:
    m49: str  # "" for areas without an M49 code in the source
    d: str  # SVG path data


def _path(rings: list[list[float]]) -> str:
    parts = []
    for ring in rings:
        # a ring that crosses the antimeridian (Russia, Fiji) is cut there into pieces, so that no
        # line runs across the whole map
        pieces: list[list[tuple[int, int]]] = [[]]
        last, last_lon = None, None
        for i in range(0, len(ring), 2):
            lon = ring[i]
            if last_lon is not None and abs(lon - last_lon) > 180:
                pieces.append([])
                last = None
            x, y = equal_earth(lon, ring[i + 1])
            point = (round((x + X_MAX) * SCALE), round((Y_MAX - y) * SCALE))
            if point != last:
                pieces[-1].append(point)
                last = point
            last_lon = lon
        parts.extend(_piece(points) for points in pieces if len(points) >= 3)
    return "".join(parts)


def _piece(points: list[tuple[int, int]]) -> str:
    """A closed sub-path: the first point absolute, then relative moves (shorter text)."""
    (x0, y0), steps, (px, py) = points[0], [], points[0]
    for x, y in points[1:]:
        steps.append(f"{x - px} {y - py}")
        px, py = x, y
    return f"M{x0} {y0}l" + " ".join(steps) + "z"


@cache
def world_shapes(path: Path = DATA) -> tuple[Shape, ...]:
    """Every country's shape, projected once per process."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return tuple(Shape(c["m49"], d) for c in data["countries"] if (d := _path(c["rings"])))


@cache
def map_source(path: Path = DATA) -> dict[str, str]:
    """Where the geometry comes from: source, address, version, licence."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {key: data[key] for key in ("source", "source_url", "version", "licence")}


#: Fill colours of the map's classes: 0 (nothing recorded), then light to dark (ColorBrewer Blues).
BIN_COLOURS = ("#dde1e6", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c")


def bin_edges(values: list[float], bins: int = 5) -> list[float]:
    """Upper edges of up to `bins` classes of the positive values (quantiles, without repeats);
    zero is a class of its own (no data)."""
    positive = sorted(v for v in values if v > 0)
    if not positive:
        return []
    edges = []
    for k in range(1, bins + 1):
        edge = positive[min(len(positive) - 1, round(k * len(positive) / bins) - 1)]
        if not edges or edge > edges[-1]:
            edges.append(edge)
    return edges


def bin_of(value: float, edges: list[float]) -> int:
    """The class of a value: 0 for none, else 1..len(edges)."""
    if value <= 0:
        return 0
    for index, edge in enumerate(edges, start=1):
        if value <= edge:
            return index
    return len(edges)
