#!/usr/bin/python3
"""Prints a PNG's width, height and number of distinct colours: a screenshot that rendered is not blank.

usage: png-stats.py FILE.png [RRGGBB]   (8-bit RGB or RGBA, as Chromium writes them; standard library only)

With a colour, also the per cent of the picture in it (within 4 of each
component: a map's land, say), from every fourth pixel of every fourth row.
"""
import struct
import sys
import zlib


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else b if pb <= pc else c


def main():
    data = open(sys.argv[1], "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit("not a PNG")
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    if depth != 8 or colour not in (2, 6):
        sys.exit("unsupported PNG (depth %d, colour type %d)" % (depth, colour))
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    previous = bytearray(stride)
    colours = set()
    want = bytes.fromhex(sys.argv[2]) if len(sys.argv) > 2 else None
    sampled = matching = 0
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = previous[x]
            c = previous[x - bpp] if x >= bpp else 0
            line[x] = (line[x] + (0, a, b, (a + b) // 2, paeth(a, b, c))[kind]) & 0xFF
        if y % 4 == 0:
            pixels = [bytes(line[i:i + 3]) for i in range(0, stride, bpp * 4)]
            colours.update(pixels)
            sampled += len(pixels)
            if want:
                matching += sum(all(abs(p[k] - want[k]) <= 4 for k in range(3)) for p in pixels)
        previous = line
    print(width, height, len(colours), *(["%.1f" % (100 * matching / max(sampled, 1))] if want else []))


if __name__ == "__main__":
    main()
