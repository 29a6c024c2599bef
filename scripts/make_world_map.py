"""Make the dashboard's world map data (harambee/transparency/data/world-110m.json), once.

Source: Natural Earth 1:110m Admin 0 countries (public domain) as TopoJSON in the npm package
world-atlas (https://github.com/topojson/world-atlas, ISC licence for the packaging), whose ids are
ISO 3166-1 numeric codes, i.e. UN M49 codes. Fetch the package with its registry client and run:

    npm pack world-atlas@2 && tar xzf world-atlas-2.0.2.tgz
    uv run python scripts/make_world_map.py package/countries-110m.json 2.0.2

The rings are decoded from the TopoJSON arcs, simplified (Douglas–Peucker, 0.15°) and rounded to
0.1°; Antarctica is left out (no member). The app projects them (harambee/transparency/core) and
never downloads anything at run time.
"""

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "harambee" / "transparency" / "data" / "world-110m.json"
TOLERANCE = 0.15  # degrees
LEFT_OUT = {"010"}  # Antarctica


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """The arcs as lists of (longitude, latitude): TopoJSON's quantised, delta-encoded positions."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_of(indexes: list[int], arcs) -> list[tuple[float, float]]:
    ring: list[tuple[float, float]] = []
    for index in indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points if not ring else points[1:])
    return ring


def simplify(points, tolerance):
    """Douglas–Peucker on a ring (its first and last points kept)."""
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        best, where = 0.0, None
        for i in range(first + 1, last):
            px, py = points[i]
            dist = abs(dy * (px - x1) - dx * (py - y1)) / norm if norm else ((px - x1) ** 2 + (py - y1) ** 2) ** 0.5
            if dist > best:
                best, where = dist, i
        if where is not None and best > tolerance:
            keep[where] = True
            stack += [(first, where), (where, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def main(path: str, version: str) -> None:
    topology = json.loads(Path(path).read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = geometry.get("id", "")
        if code in LEFT_OUT or geometry["type"] not in ("Polygon", "MultiPolygon"):
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = []
        for polygon in polygons:
            for indexes in polygon:
                ring = simplify(ring_of(indexes, arcs), TOLERANCE)
                flat = [round(v, 1) for point in ring for v in point]
                if len(flat) >= 6:
                    rings.append(flat)
        if rings:
            countries.append({"m49": code, "name": geometry["properties"].get("name", ""), "rings": rings})
    data = {
        "source": "Natural Earth 1:110m Admin 0 – Countries, via the npm package world-atlas",
        "source_url": "https://github.com/topojson/world-atlas",
        "version": f"world-atlas {version}",
        "licence": "Public domain (Natural Earth); packaging ISC",
        "simplified": f"Douglas–Peucker {TOLERANCE}°, rounded to 0.1°; Antarctica left out",
        "countries": countries,
    }
    OUT.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(countries)} countries, {OUT.stat().st_size:,} bytes → {OUT}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
