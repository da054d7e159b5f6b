#!/usr/bin/env python3
"""Checks that the strands of each merged edge of an SVG run side by side.

usage: tests/strands.py SVG

A merged edge of several types is drawn as strands, an edge per type with
the id ID-TYPE (classes `edge tie TYPE CONFIDENCE merged`); drawn packed,
ID-TYPE is the half from the tail to the label. Every point of each strand
must lie within STRAND_GAP points per strand of the first strand's curve,
measured across it (route.c lays them 3 pt apart along one route; each ends
at its nodes' borders). Prints the first strand that strays and exits 1, or
how many bundles it checked and exits 0; exits 1 too when there is none.
"""
import math
import re
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
STRAND_GAP = 3.0
TOLERANCE = 1.5  # Graphviz writes two decimals, and clips each strand at its own place


def curve_points(d, samples=16):
    """Points along a Graphviz path (M then cubic C pieces), in order."""
    numbers = [float(x) for x in re.findall(r"-?\d+(?:\.\d+)?(?:e-?\d+)?", d)]
    points = list(zip(numbers[0::2], numbers[1::2]))
    out = [points[0]]
    for i in range(0, len(points) - 3, 3):
        p0, p1, p2, p3 = points[i:i + 4]
        for s in range(1, samples + 1):
            t = s / samples
            u = 1 - t
            out.append(tuple(u**3 * a + 3 * u * u * t * b + 3 * u * t * t * c + t**3 * e
                             for a, b, c, e in zip(p0, p1, p2, p3)))
    return out


def distance_to(polyline, p):
    """The distance from p to the polyline, across it: None where p lies past either of its ends
    (strands side by side end at their nodes' borders a little apart)."""
    best = None
    for (ax, ay), (bx, by) in zip(polyline, polyline[1:]):
        dx, dy = bx - ax, by - ay
        length = dx * dx + dy * dy
        t = 0 if length == 0 else ((p[0] - ax) * dx + (p[1] - ay) * dy) / length
        if 0 <= t <= 1:
            d = math.hypot(ax + t * dx - p[0], ay + t * dy - p[1])
            best = d if best is None else min(best, d)
    return best


def main():
    bundles = {}
    for g in ET.parse(sys.argv[1]).iter(SVG + "g"):
        classes = (g.get("class") or "").split()
        if "merged" not in classes or "edge" not in classes:
            continue
        kind = classes[classes.index("tie") + 1]
        ident = g.get("id")
        path = g.find(".//" + SVG + "path")
        if ident.endswith("-" + kind) and path is not None:
            bundles.setdefault(ident[: -len(kind) - 1], []).append((ident, path.get("d")))
    checked = 0
    for key, strands in bundles.items():
        if len(strands) < 2:
            continue
        checked += 1
        first = curve_points(strands[0][1])
        allowed = (len(strands) - 1) * STRAND_GAP + TOLERANCE
        for ident, d in strands[1:]:
            far = max((x for x in (distance_to(first, p) for p in curve_points(d, 4)) if x is not None),
                      default=0.0)
            if far > allowed:
                print(f"{ident} strays {far:.1f} pt from {strands[0][0]} (at most {allowed:.1f})")
                return 1
    if not checked:
        print("no merged edge of two strands or more")
        return 1
    print(f"{checked} bundles of strands side by side")
    return 0


if __name__ == "__main__":
    sys.exit(main())
