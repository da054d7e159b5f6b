#!/usr/bin/env python3
"""Checks a map's SVG (render --layout map): geography, overlaps, ties through actors.

usage: tests/map-places.py SVG [RELATION...]

A RELATION is "A east B", "A west B", "A north B" or "A south B" (actor ids):
A's centre lies that way from B's. Besides, no two actors may overlap, no
tie may pass through an actor it does not join (its curve sampled, the
actor's box less a point), and the map's country outlines must be there
(class="map"). Prints what fails and exits 1, or a line of what it checked
and exits 0.
"""
import re
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"


def box(element):
    """The bounding box (x0, y0, x1, y1) of a node's shape, or None."""
    tag = element.tag.replace(SVG, "")
    if tag == "ellipse":
        cx, cy, rx, ry = (float(element.get(a)) for a in ("cx", "cy", "rx", "ry"))
        return (cx - rx, cy - ry, cx + rx, cy + ry)
    if tag in ("polygon", "path") and element.get("points"):
        points = [tuple(map(float, p.split(","))) for p in element.get("points").split()]
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        return (min(xs), min(ys), max(xs), max(ys))
    if tag == "path" and element.get("d"):
        numbers = list(map(float, re.findall(r"-?\d+(?:\.\d+)?", element.get("d"))))
        xs, ys = numbers[0::2], numbers[1::2]
        return (min(xs), min(ys), max(xs), max(ys))
    return None


def curve_points(d):
    """Points along an SVG path of M and C commands (Graphviz's), 16 per cubic piece."""
    numbers = list(map(float, re.findall(r"-?\d+(?:\.\d+)?", d)))
    pts = list(zip(numbers[0::2], numbers[1::2]))
    out = [pts[0]]
    for k in range(1, len(pts) - 2, 3):
        p0, p1, p2, p3 = pts[k - 1], pts[k], pts[k + 1], pts[k + 2]
        for s in range(1, 17):
            t = s / 16
            u = 1 - t
            out.append(tuple(u ** 3 * a + 3 * u * u * t * b + 3 * u * t * t * c + t ** 3 * e
                             for a, b, c, e in zip(p0, p1, p2, p3)))
    return out


def main(argv):
    root = ET.parse(argv[1]).getroot()
    actors, ties, problems = {}, [], []
    for g in root.iter(SVG + "g"):
        classes = (g.get("class") or "").split()
        title = g.find(SVG + "title")
        if "node" in classes and "actor" in classes:
            shape = next((b for b in map(box, g.iter()) if b), None)
            if shape:
                actors[title.text] = shape
        elif "edge" in classes and title is not None and "->" in title.text:
            tail, head = title.text.split("->")
            for path in g.iter(SVG + "path"):
                ties.append((tail, head, curve_points(path.get("d"))))
    outlines = sum(1 for e in root.iter() if e.get("class") == "map")
    if outlines == 0:
        problems.append("no country outline (class=\"map\")")
    centre = {a: ((b[0] + b[2]) / 2, (b[1] + b[3]) / 2) for a, b in actors.items()}
    relations = argv[2:]
    for r in relations:
        a, way, b = r.split()
        if a not in centre or b not in centre:
            problems.append("%s: %s is not drawn" % (r, a if a not in centre else b))
            continue
        (ax, ay), (bx, by) = centre[a], centre[b]
        ok = {"east": ax > bx, "west": ax < bx, "north": ay < by, "south": ay > by}[way]
        if not ok:
            problems.append("%s is not %s of %s (%.1f,%.1f against %.1f,%.1f)" % (a, way, b, ax, ay, bx, by))
    names = sorted(actors)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            p, q = actors[a], actors[b]
            if p[0] < q[2] and q[0] < p[2] and p[1] < q[3] and q[1] < p[3]:
                problems.append("%s and %s overlap" % (a, b))
    for tail, head, points in ties:
        for a, (x0, y0, x1, y1) in actors.items():
            if a in (tail, head):
                continue
            if any(x0 + 1 < x < x1 - 1 and y0 + 1 < y < y1 - 1 for x, y in points):
                problems.append("the tie %s -> %s runs through %s" % (tail, head, a))
    for p in problems:
        print(p)
    if problems:
        return 1
    print("%d actors, %d tie curves, %d outlines, %d relations" % (len(actors), len(ties), outlines, len(relations)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
