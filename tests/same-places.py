#!/usr/bin/env python3
"""Checks that the SVGs of a stable series draw every actor in the same place.

usage: tests/same-places.py SVG...

Every pair of diagrams must be drawn at the same scale (each period's canvas
is cropped to what it draws), and every actor drawn in both must have
identical shapes and text positions (Graphviz writes them with two decimals,
in the series' coordinates). Prints what differs and exits 1,
or prints how many actors it compared and exits 0.
"""
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
GEOMETRY = {"ellipse": ("cx", "cy", "rx", "ry"), "polygon": ("points",), "path": ("d",),
            "text": ("x", "y")}


def read(path):
    root = ET.parse(path).getroot()
    graph = root.find(SVG + "g")
    transform = graph.get("transform") or ""
    canvas = (transform[:transform.find(")") + 1],)  # scale(...)
    actors = {}
    for g in graph.iter(SVG + "g"):
        if "node" not in (g.get("class") or "").split() or not (g.get("id") or "").startswith("actor-"):
            continue
        shapes = []
        for element in g.iter():
            tag = element.tag.replace(SVG, "")
            if tag in GEOMETRY:
                shapes.append((tag,) + tuple(element.get(a) for a in GEOMETRY[tag]))
        actors[g.get("id")] = shapes
    return canvas, actors


def main(paths):
    if len(paths) < 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    drawn = {path: read(path) for path in paths}
    problems = []
    compared = 0
    first = paths[0]
    for path in paths[1:]:
        if drawn[path][0] != drawn[first][0]:
            problems.append(f"{path}: scale {drawn[path][0]} differs from {first}'s {drawn[first][0]}")
    places = {}  # actor id -> (path, shapes) where first seen
    for path in paths:
        for actor, shapes in drawn[path][1].items():
            if actor not in places:
                places[actor] = (path, shapes)
                continue
            compared += 1
            seen_in, seen_shapes = places[actor]
            if shapes != seen_shapes:
                problems.append(f"{actor}: {seen_shapes} in {seen_in} but {shapes} in {path}")
    for problem in problems[:20]:
        print(problem)
    if problems:
        print(f"{len(problems)} differences")
        return 1
    if compared == 0:
        print("no actor is drawn in two of these diagrams: nothing compared")
        return 1
    print(f"{len(places)} actors, {compared} comparisons across {len(paths)} diagrams: all in place")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
