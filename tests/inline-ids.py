#!/usr/bin/python3
"""Inlines SVG files into one XHTML page, as a deck or a report page would, and checks its ids.

usage: tests/inline-ids.py FILE.svg...
Exits 0 when no id repeats in the page and every reference (href="#X",
xlink:href="#X", url(#X)) names an id of the page; else prints what is wrong
and exits 1. Used by tests/e2e.sh for render's --id-prefix.
"""
import re
import sys
import xml.etree.ElementTree as ET

XLINK = "{http://www.w3.org/1999/xlink}href"


def main(paths):
    body = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        body.append(text[text.index("<svg"):])  # without the XML declaration and DOCTYPE
    page = '<html xmlns="http://www.w3.org/1999/xhtml"><body>%s</body></html>' % "".join(body)
    root = ET.fromstring(page)
    ids, refs = {}, []
    for el in root.iter():
        for name, value in el.attrib.items():
            if name == "id":
                ids[value] = ids.get(value, 0) + 1
            elif name in ("href", XLINK) and value.startswith("#"):
                refs.append(value[1:])
            else:
                refs += re.findall(r"url\(#([^)]+)\)", value)
    repeated = sorted(i for i, n in ids.items() if n > 1)
    missing = sorted(set(r for r in refs if r not in ids))
    for i in repeated[:5]:
        print("id repeated: %s (%d times)" % (i, ids[i]))
    for r in missing[:5]:
        print("reference to no id: #%s" % r)
    print("%d ids, %d repeated, %d references, %d to no id" % (len(ids), len(repeated), len(refs), len(missing)))
    return 1 if repeated or missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
