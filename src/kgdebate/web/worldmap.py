"""Country shapes for the stance map: Natural Earth's, as the npm package ``world-atlas`` ships
them (TopoJSON, ids are ISO 3166-1 numeric codes), drawn as SVG paths on the server.

The package is fetched at build time (``make vendor``), never at run time; without it there is
no map, and pages say so. Equirectangular, Antarctica left out: the map is for finding a country
and its colour, and every country on it is also a row of the table beside it.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

WIDTH, NORTH, SOUTH = 960.0, 84.0, -58.0
SCALE = WIDTH / 360.0
HEIGHT = (NORTH - SOUTH) * SCALE


@cache
def country_paths() -> dict[str, str] | None:
    """SVG path data by ISO 3166-1 numeric code ("804"), or None without the package."""
    source = resources.files("kgdebate.web").joinpath(
        "static", "vendor", "world-atlas", "countries-110m.json"
    )
    try:
        topology = json.loads(source.read_text("utf-8"))
    except (FileNotFoundError, NotADirectoryError):
        return None
    arcs = _decoded_arcs(topology)
    paths = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = geometry.get("id")
        if code is None or geometry.get("type") not in ("Polygon", "MultiPolygon"):
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        data = "".join(_ring(ring, arcs) for polygon in polygons for ring in polygon if ring)
        if data:
            paths[str(code)] = data
    return paths


def _decoded_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Each arc as (longitude, latitude) points: TopoJSON stores quantised deltas."""
    (kx, ky), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * kx + tx, y * ky + ty))
        decoded.append(points)
    return decoded


def _ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> str:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]  # ~i: arc i, reversed
        points.extend(arc if not points else arc[1:])  # arcs share their end points
    if all(lat <= SOUTH for _, lat in points):
        return ""  # wholly south of the map (Antarctica)
    # A ring that crosses the antimeridian (Russia, Fiji) jumps by ~360 degrees: unwrap it so it
    # stays whole, and draw it again a world to the side; the view box cuts what lies outside.
    unwrapped = [points[0]]
    for lon, lat in points[1:]:
        previous = unwrapped[-1][0]
        lon += 360.0 * round((previous - lon) / 360.0)
        unwrapped.append((lon, lat))
    lons = [lon for lon, _ in unwrapped]
    shifts = [0.0] + ([-360.0] if max(lons) > 180 else []) + ([360.0] if min(lons) < -180 else [])
    return "".join(_path([(lon + shift, lat) for lon, lat in unwrapped]) for shift in shifts)


def _path(points: list[tuple[float, float]]) -> str:
    rounded: list[tuple[int, int]] = []
    for lon, lat in points:  # whole units of a 960-wide map: enough to tell countries apart
        point = (round((lon + 180.0) * SCALE), round((NORTH - max(lat, SOUTH)) * SCALE))
        if not rounded or point != rounded[-1]:
            rounded.append(point)
    if len(rounded) < 3:
        return ""
    head, *rest = rounded
    return f"M{head[0]},{head[1]}" + "".join(f"L{x},{y}" for x, y in rest) + "Z"
