#!/usr/bin/env python3
"""Checks that the SVGs of a stable series keep every actor in its place.

usage: tests/same-places.py [--exact] SVG...

Every pair of diagrams must be drawn at the same scale, and every actor
drawn in both in the same place relative to every other actor drawn in
both: left of, right of or level with it, and above, below or level with
it; and at the same size, unless its name differs (a dated name). Each
period's picture is cropped to what it draws and its empty bands are
narrowed, so positions may shift; that order may not. No two actors of a
diagram may overlap. With --exact (a map series, every period on one map),
every actor drawn in two diagrams must be at the same coordinates in both,
and the diagrams must have the same viewBox and transform.
Prints what differs and exits 1, or prints how many actors and pairs it
compared and exits 0.
"""
import itertools
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
# Graphviz writes coordinates with two decimals: closer than this is level.
LEVEL = 0.05


def box(element):
    """The bounding box (x0, y0, x1, y1) of an actor's shape, or None."""
    tag = element.tag.replace(SVG, "")
    if tag == "ellipse":
        cx, cy, rx, ry = (float(element.get(a)) for a in ("cx", "cy", "rx", "ry"))
        return (cx - rx, cy - ry, cx + rx, cy + ry)
    if tag == "polygon":
        points = [tuple(map(float, p.split(","))) for p in element.get("points").split()]
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        return (min(xs), min(ys), max(xs), max(ys))
    return None


def read(path):
    root = ET.parse(path).getroot()
    graph = root.find(SVG + "g")
    transform = graph.get("transform") or ""
    scale = transform[:transform.find(")") + 1]  # scale(...)
    actors = {}
    for g in graph.iter(SVG + "g"):
        # A series' ids carry its period ("p1990s_actor-IRN"): the actor is the part from "actor-" on.
        key = (g.get("id") or "")[(g.get("id") or "").find("actor-"):]
        if "node" not in (g.get("class") or "").split() or not key.startswith("actor-"):
            continue
        shape = next((b for b in map(box, g.iter()) if b), None)
        if shape:
            actors[key] = (shape, " ".join(t.text or "" for t in g.iter(SVG + "text")))
    return scale, actors, (root.get("viewBox"), transform)


def order(a, b):
    """-1, 0 or 1: whether a lies before, level with or after b."""
    return 0 if abs(a - b) < LEVEL else (1 if a > b else -1)


def relation(p, q):
    """Where box p lies from box q: (left/level/right, above/level/below), by their centres."""
    return (order(p[0] + p[2], q[0] + q[2]), order(p[1] + p[3], q[1] + q[3]))


def overlap(p, q):
    """Whether boxes p and q overlap by more than Graphviz's rounding."""
    return min(p[2], q[2]) - max(p[0], q[0]) > LEVEL and min(p[3], q[3]) - max(p[1], q[1]) > LEVEL


def size(b):
    return (round(b[2] - b[0], 1), round(b[3] - b[1], 1))


def main(paths):
    exact = paths[:1] == ["--exact"]
    paths = paths[1:] if exact else paths
    if len(paths) < 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    drawn = {path: read(path) for path in paths}
    problems = []
    first = paths[0]
    for path in paths[1:]:
        if drawn[path][0] != drawn[first][0]:
            problems.append(f"{path}: scale {drawn[path][0]} differs from {first}'s {drawn[first][0]}")
        if exact and drawn[path][2] != drawn[first][2]:
            problems.append(f"{path}: viewBox and transform {drawn[path][2]} differ from {first}'s {drawn[first][2]}")
    for path in paths:
        for (p, (pb, _)), (q, (qb, _)) in itertools.combinations(sorted(drawn[path][1].items()), 2):
            if overlap(pb, qb):
                problems.append(f"{p} overlaps {q} in {path}")
    actors = set()
    pairs = 0
    for one, other in itertools.combinations(paths, 2):
        named = drawn[one][1], drawn[other][1]
        a, b = ({actor: shape for actor, (shape, _) in d.items()} for d in named)
        both = sorted(set(a) & set(b))
        actors.update(both)
        for actor in both:
            if size(a[actor]) != size(b[actor]) and named[0][actor][1] == named[1][actor][1]:
                problems.append(f"{actor}: {size(a[actor])} in {one} but {size(b[actor])} in {other}")
            centres = [((s[0] + s[2]) / 2, (s[1] + s[3]) / 2) for s in (a[actor], b[actor])]
            if exact and max(abs(u - v) for u, v in zip(*centres)) >= LEVEL:
                problems.append(f"{actor}: at {centres[0]} in {one} but at {centres[1]} in {other}")
        for p, q in itertools.combinations(both, 2):
            pairs += 1
            if relation(a[p], a[q]) != relation(b[p], b[q]):
                problems.append(f"{p} from {q}: {relation(a[p], a[q])} in {one} but "
                                f"{relation(b[p], b[q])} in {other} (x, y: -1 before, 0 level, 1 after)")
    for problem in problems[:20]:
        print(problem)
    if problems:
        print(f"{len(problems)} differences")
        return 1
    if not actors:
        print("no actor is drawn in two of these diagrams: nothing compared")
        return 1
    print(f"{len(actors)} actors, {pairs} pairs compared across {len(paths)} diagrams: all in place")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
