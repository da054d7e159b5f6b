#!/usr/bin/python3
"""Writes a network file as the three CSV files `actornet import` reads (for the round-trip test).

usage: tests/network-to-csv.py NETWORK.yaml DIR
Writes DIR/actors.csv, DIR/ties.csv, DIR/sources.csv and DIR/types.csv the way a spreadsheet
saves "CSV UTF-8": a byte order mark, CRLF line ends, fields quoted only when
they must be. Lists become ids separated by ';'. Independent of actornet's own
code on purpose: the test compares what actornet makes of both files.
"""
import csv
import os
import sys

import yaml


class Loader(yaml.SafeLoader):
    """YAML as the network format reads it: dates stay texts."""


Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

ACTOR_COLUMNS = ["id", "name", "label", "kind", "type", "region", "part_of", "when", "url", "note", "latitude",
                 "longitude"]
TIE_COLUMNS = ["id", "from", "to", "type", "when", "confidence", "label", "sources", "mutual", "grade", "note"]
SOURCE_COLUMNS = ["key", "text", "title", "author", "date", "url"]
TYPE_COLUMNS = ["name", "label", "color"]


def cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"  # as spreadsheets write booleans
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    return str(value)


def write(path, columns, rows):
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        out = csv.writer(f, lineterminator="\r\n")
        out.writerow(columns)
        for row in rows:
            out.writerow([cell(row.get(c)) for c in columns])


def main():
    network, folder = sys.argv[1], sys.argv[2]
    with open(network, encoding="utf-8") as f:
        net = yaml.load(f, Loader=Loader)
    os.makedirs(folder, exist_ok=True)
    actors = [dict(v, id=k) for k, v in (net.get("actors") or {}).items()]
    for a in actors:  # `at: [LAT, LON]` is two columns in a spreadsheet
        if a.get("at"):
            a["latitude"], a["longitude"] = a.pop("at")
    extra = sorted({k for a in actors for k in a if k.startswith("x-")})
    write(os.path.join(folder, "actors.csv"), ACTOR_COLUMNS + extra, actors)
    ties = net.get("ties") or []
    extra = sorted({k for t in ties for k in t if k.startswith("x-")})
    write(os.path.join(folder, "ties.csv"), TIE_COLUMNS + extra, ties)
    sources = []
    for key, value in (net.get("sources") or {}).items():
        sources.append(dict(value, key=key) if isinstance(value, dict) else {"key": key, "text": value})
    write(os.path.join(folder, "sources.csv"), SOURCE_COLUMNS, sources)
    types = [dict(v or {}, name=k) for k, v in (net.get("types") or {}).items()]
    write(os.path.join(folder, "types.csv"), TYPE_COLUMNS, types)
    # What the command line gives: the title and the default source.
    with open(os.path.join(folder, "options"), "w", encoding="utf-8") as f:
        f.write(net["title"] + "\n" + (net.get("default_source") or "") + "\n")


if __name__ == "__main__":
    main()
