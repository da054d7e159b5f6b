#!/usr/bin/python3
"""Measures how readable actornet's diagrams are at the size they are read at,
beside Graphviz's own engines on the same graphs, and writes bench/READABILITY.md.

usage: bench/readability.py [--quick] [--all-targets] [--peers DIR] [--metrics PATH] [--out FILE]
  --quick         only the 16:9 target, and only ../shared/networks/syria.yaml's
                  2010s and networks/iran-dprk.yaml's whole span: for trying the
                  harness (about a minute), not for READABILITY.md
  --all-targets   also the 4:3 and letter targets (default: 16:9 and a4)
  --peers DIR     the folder of gen_network.py (default ../shared/bench)
  --metrics PATH  the measuring script (default ../shared/layout-metrics/layout-metrics.mjs)
  --out FILE      where the report goes (default bench/READABILITY.md); it is also printed

`make bench-readability` installs what this needs and runs it (`make bench` runs
it last). The graphs: networks/iran-dprk.yaml's whole span and its decade series
(`--each decade`), syria.yaml's 2010s (`--period 2010s`) and its decade series,
`gen_network.py 40 120` and `gen_network.py 60 200`, whole, and on a map
(`--layout map`) iran-dprk.yaml's 2020s and syria.yaml's 2010s (their anchors
are the same graphs' dot and neato drawings). For each graph and target (16:9,
a4; 4:3 and letter with --all-targets) three drawings:

  actornet     `bin/actornet render NET [--period P] --size TARGET -o X.svg` (one
               run, its wall time reported; a series is one `--each decade` run);
               a failed render is a row of the table, not the end of the run
  dot          `dot -Tsvg` on actornet's DOT of the same drawing without --size
               (`-o X.dot`: the graph before layout)
  neato-prism  `neato -Goverlap=prism -Gsplines=true -Tsvg` on the same DOT

Every SVG is measured in Chromium by layout-metrics.mjs at the target's size (a
drawing larger than the target is shrunk to fit: that scale is what its fonts
are read at): the smallest and median font, label overlaps, edges through
labels and through actors, crossings, the largest detour (drawn length ÷
straight distance), loops (detour > 2) and how much of the canvas is used.
Each actornet row gets a verdict against the thresholds in THRESHOLDS below.
The run uses a copy of bin/actornet taken at its start (a build during the run
cannot mix two versions). Every SVG is left in build/bench/readability/, the
raw measurements in build/bench/readability/metrics.json.
"""
import argparse
import glob
import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "build", "bench", "readability")
ACTORNET = os.path.join(ROOT, "bin", "actornet")
# The binary the run uses: bin/actornet copied at the start, so that a build during the run
# (another engineer's `make`) cannot mix two versions in one report.
SNAPSHOT = os.path.join(WORK, "actornet")
SEED = os.path.join(ROOT, "networks", "iran-dprk.yaml")
SYRIA = os.path.join(ROOT, "..", "shared", "networks", "syria.yaml")
PLAYWRIGHT = os.path.join(ROOT, "tests", "browser", "node_modules", "playwright-core")
CHROMIUM = "/usr/bin/chromium"

TARGETS = ["16:9", "a4"]
MORE_TARGETS = ["4:3", "letter"]
# The smallest font a reader gets, after the drawing is shrunk to the target: a slide is
# read from across a room, a page in the hand.
MIN_FONT = {"16:9": 10, "4:3": 10, "a4": 7, "letter": 7}
THRESHOLDS = {"label_overlaps": 0, "edges_through_nodes": 0, "through_labels_pct": 2.0, "max_detour": 2.5}
ANCHORS = [
    ("dot", ["dot", "-Tsvg"]),
    ("neato-prism", ["neato", "-Goverlap=prism", "-Gsplines=true", "-Tsvg"]),
]
TIMEOUT = 900  # seconds: any one command; past it, a failure of that row


# ---------------------------------------------------------------- running

def rel(path):
    return os.path.relpath(path, ROOT)


def run(argv, timeout=TIMEOUT):
    """Runs argv once from the repository's root: {argv, exit, wall, error}."""
    start = time.perf_counter()
    try:
        proc = subprocess.run(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              timeout=timeout)
        code, err = proc.returncode, proc.stderr.decode(errors="replace")
    except subprocess.TimeoutExpired:
        code, err = -1, "timed out after %d s" % timeout
    wall = time.perf_counter() - start
    error = ""
    if code != 0:
        lines = [l for l in err.splitlines() if l.strip()]
        error = lines[0] if lines else "no message"
    shown = ["bin/actornet" if a == SNAPSHOT else rel(a) if a.startswith(ROOT) else a for a in argv]
    return {"argv": shown, "exit": code,
            "wall": round(wall, 3), "error": error}


def generate(peers, actors, ties):
    path = os.path.join(WORK, "g%d-%d.yaml" % (actors, ties))
    if not os.path.exists(path):
        with open(path + ".tmp", "wb") as out:
            subprocess.run(["/usr/bin/python3", os.path.join(peers, "gen_network.py"), str(actors), str(ties)],
                           stdout=out, check=True)
        os.rename(path + ".tmp", path)
    return path


def fresh_dir(*parts):
    path = os.path.join(WORK, *parts)
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    return path


def tag(target):
    return target.replace(":", "x")


# ----------------------------------------------------------------- graphs

class Source:
    """What one actornet command draws: a network's whole span, one period, or its decade series."""

    def __init__(self, name, network, period=None, series=False, layout=None):
        self.name, self.network, self.period, self.series, self.layout = name, network, period, series, layout
        self.stem = (name + ("-" + period if period else "") + ("-series" if series else "") +
                     ("-" + layout if layout else ""))

    def argv(self, folder, ext, target=None):
        argv = [SNAPSHOT, "render", self.network]
        if self.layout:
            argv += ["--layout", self.layout]
        if self.period:
            argv += ["--period", self.period]
        if self.series:
            argv += ["--each", "decade"]
        if target:
            argv += ["--size", target]
        return argv + ["-o", self.path(folder, "{period}" if self.series else None, ext)]

    def path(self, folder, period, ext):
        return os.path.join(folder, self.stem + ("-" + period if self.series else "") + "." + ext)

    def periods_in(self, folder, ext):
        """The periods a series wrote into folder, in order."""
        head = os.path.join(folder, self.stem + "-")
        return sorted(p[len(head):-len(ext) - 1] for p in glob.glob(head + "*." + ext))

    def label(self, period=None):
        on = " on a map" if self.layout == "map" else ""
        if self.series:
            return "%s %s (series)%s" % (self.name, period, on) if period else "%s (series)%s" % (self.name, on)
        return "%s %s%s" % (self.name, self.period, on) if self.period else "%s (whole)%s" % (self.name, on)


def sources(peers, quick):
    if quick:
        return [Source("iran-dprk", SEED), Source("syria", SYRIA, period="2010s")]
    return [Source("iran-dprk", SEED), Source("iran-dprk", SEED, series=True),
            Source("syria", SYRIA, period="2010s"), Source("syria", SYRIA, series=True),
            Source("g40-120", generate(peers, 40, 120)), Source("g60-200", generate(peers, 60, 200)),
            Source("iran-dprk", SEED, period="2020s", layout="map"),
            Source("syria", SYRIA, period="2010s", layout="map")]


def draw_anchors(srcs):
    """actornet's DOT of each graph (no --size), drawn by dot and neato; {(source, period): {drawer: run}}."""
    folder = fresh_dir("anchors")
    anchors, by_hash = {}, {}
    for src in srcs:
        made = run(src.argv(folder, "dot"))
        periods = src.periods_in(folder, "dot") if src.series else [None]
        if made["exit"] != 0 or not periods:
            print("  %-28s DOT failed: %s" % (src.label(), made["error"] or "no DOT written"), flush=True)
            failed = dict(made, error="DOT: " + (made["error"] or "no DOT written"))
            anchors[(src.stem, None)] = {d: dict(failed, file=None) for d, _ in ANCHORS}
            continue
        for period in periods:
            dot_file = src.path(folder, period, "dot")
            with open(dot_file, "rb") as f:
                digest = hashlib.sha256(f.read()).hexdigest()
            if digest in by_hash:  # the same graph drawn twice (syria's 2010s, alone and in its series)
                anchors[(src.stem, period)] = by_hash[digest]
                continue
            drawn = {}
            for drawer, cmd in ANCHORS:
                svg = dot_file[:-4] + "." + drawer + ".svg"
                r = run(cmd + ["-o", svg, dot_file])
                r["file"] = svg if r["exit"] == 0 else None
                r["dot"] = rel(dot_file)
                drawn[drawer] = r
            print("  %-28s %s" % (src.label(period), "  ".join(
                "%s %.2f s%s" % (d, r["wall"], "" if r["file"] else " FAILED") for d, r in drawn.items())),
                flush=True)
            anchors[(src.stem, period)] = by_hash[digest] = drawn
    return anchors


def draw_actornet(srcs, target):
    """actornet's drawings at target; {source stem: (run, {period: file})}."""
    folder = fresh_dir(tag(target))
    drawn = {}
    for src in srcs:
        r = run(src.argv(folder, "svg", target))
        if r["exit"] != 0:
            files = {}
        elif src.series:
            files = {p: src.path(folder, p, "svg") for p in src.periods_in(folder, "svg")}
        else:
            files = {None: src.path(folder, None, "svg")}
        print("  %-28s %6.2f s  %s" % (src.label(), r["wall"], "%d SVG" % len(files) if r["exit"] == 0
                                      else "FAILED (exit %d): %s" % (r["exit"], r["error"])), flush=True)
        drawn[src.stem] = (r, files)
    return drawn


# -------------------------------------------------------------- measuring

def measure(metrics, target, files):
    """layout-metrics.mjs on the files at target, many files per Chromium; {file: metrics or {error}}."""
    env = dict(os.environ, PLAYWRIGHT_CORE=PLAYWRIGHT)
    found = {}

    def batch(group):
        try:
            proc = subprocess.run(["node", metrics, "--target", target, *group], cwd=ROOT, env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=TIMEOUT)
            out, err = proc.stdout.decode(errors="replace"), proc.stderr.decode(errors="replace")
        except subprocess.TimeoutExpired as e:
            out, err = (e.stdout or b"").decode(errors="replace"), "timed out after %d s" % TIMEOUT
        for line in out.splitlines():
            try:
                m = json.loads(line)
            except ValueError:
                continue
            found[m.pop("file")] = m
        return err.strip().splitlines()[-1:] or ["no message"]

    err = batch(files)
    missing = [f for f in files if f not in found]
    if missing and len(files) > 1:
        # One file stopped the batch: the rest one by one, so that only it fails.
        print("  layout-metrics stopped (%s): measuring %d files one by one" % (err[0], len(missing)), flush=True)
        for f in missing:
            e = batch([f])
            if f not in found:
                found[f] = {"error": "layout-metrics: " + e[0]}
    for f in missing:
        found.setdefault(f, {"error": "layout-metrics: " + err[0]})
    return found


def through_labels_pct(m):
    return 100.0 * m["edges_through_labels"] / m["edges"] if m.get("edges") else 0.0


def judge(m, target, dot_anchor):
    """The criteria an actornet drawing fails, as short phrases ([] when it passes all)."""
    failed = []
    if m["min_font_pt"] < MIN_FONT[target]:
        failed.append("min font %g < %d pt" % (m["min_font_pt"], MIN_FONT[target]))
    if m["label_overlaps"] > THRESHOLDS["label_overlaps"]:
        failed.append("%d label overlap%s" % (m["label_overlaps"], "s" * (m["label_overlaps"] != 1)))
    if m["edges_through_nodes"] > THRESHOLDS["edges_through_nodes"]:
        failed.append("%d edge%s through actors" % (m["edges_through_nodes"], "s" * (m["edges_through_nodes"] != 1)))
    pct = through_labels_pct(m)
    if pct > THRESHOLDS["through_labels_pct"]:
        failed.append("through labels %.1f%% > %g%%" % (pct, THRESHOLDS["through_labels_pct"]))
    if m["max_detour"] > THRESHOLDS["max_detour"]:
        failed.append("detour %g > %g" % (m["max_detour"], THRESHOLDS["max_detour"]))
    if dot_anchor and "crossings" in dot_anchor and m["crossings"] > dot_anchor["crossings"]:
        failed.append("crossings %d > dot's %d" % (m["crossings"], dot_anchor["crossings"]))
    return failed


# ------------------------------------------------------------------ rows

def collect(srcs, targets, anchors, metrics_path):
    """Draws, measures and judges: {target: [row]}, a row a dict per (graph, drawer)."""
    results = {}
    for target in targets:
        print("readability: actornet --size %s" % target, flush=True)
        drawn = draw_actornet(srcs, target)
        rows = []
        for src in srcs:
            r, files = drawn[src.stem]
            periods = [None]
            if src.series:
                periods = sorted(set(files) | {p for (s, p) in anchors if s == src.stem and p})
                periods = periods or [None]
            for period in periods:
                label = src.label(period)
                graph_rows = []
                actornet_file = files.get(period)
                row = {"graph": label, "drawer": "actornet", "target": target, "run": r,
                       "file": actornet_file, "series_of": len(files) if src.series else 0}
                if r["exit"] == 0 and not actornet_file:
                    row["error"] = "no SVG for this period"
                elif r["exit"] != 0:
                    row["error"] = "render failed (exit %d): %s" % (r["exit"], r["error"])
                graph_rows.append(row)
                pair = anchors.get((src.stem, period)) or anchors.get((src.stem, None)) or {}
                for drawer, _ in ANCHORS:
                    a = pair.get(drawer)
                    arow = {"graph": label, "drawer": drawer, "target": target, "run": a,
                            "file": a and a.get("file")}
                    if not a:
                        arow["error"] = "no DOT for this period"
                    elif not a.get("file"):
                        arow["error"] = "%s failed (exit %d): %s" % (drawer, a["exit"], a["error"])
                    graph_rows.append(arow)
                rows.extend(graph_rows)
        files = sorted({row["file"] for row in rows if row.get("file")})
        print("readability: measuring %d SVG at %s in Chromium" % (len(files), target), flush=True)
        start = time.perf_counter()
        measured = measure(metrics_path, target, files)
        print("  %.1f s" % (time.perf_counter() - start), flush=True)
        for row in rows:
            if row.get("file"):
                m = measured.get(row["file"], {"error": "not measured"})
                if "error" in m:
                    row["error"] = m["error"]
                else:
                    row["metrics"] = m
        by_graph = {}
        for row in rows:
            by_graph.setdefault(row["graph"], {})[row["drawer"]] = row
        for row in rows:
            if row["drawer"] == "actornet" and "metrics" in row:
                dot_row = by_graph[row["graph"]].get("dot", {})
                row["dot_crossings"] = dot_row.get("metrics", {}).get("crossings")
                row["failed"] = judge(row["metrics"], target, dot_row.get("metrics"))
        results[target] = rows
    return results


# ----------------------------------------------------------------- report

def output(argv):
    try:
        proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        text = proc.stdout.decode(errors="replace").strip() or proc.stderr.decode(errors="replace").strip()
        return text.splitlines()[0]
    except (OSError, IndexError):
        return "unknown"


def machine():
    system = platform.platform()
    if os.path.exists("/etc/os-release"):
        for line in open("/etc/os-release"):
            if line.startswith("PRETTY_NAME="):
                system = line.split("=", 1)[1].strip().strip('"')
    return [("System", "%s, %d cores" % (system, os.cpu_count())),
            ("actornet", "%s, bin/actornet built %s (copied at the start of the run)" % (
                output([SNAPSHOT, "--version"]),
                time.strftime("%Y-%m-%d %H:%M", time.localtime(os.stat(SNAPSHOT).st_mtime)))),
            ("Graphviz", output(["dot", "-V"])),
            ("Chromium", output([CHROMIUM, "--version"])),
            ("Node.js", output(["node", "--version"]))]


def cell_time(row):
    r = row["run"]
    if row["drawer"] != "actornet" or not r:
        return ""
    return "%.2f s%s" % (r["wall"], "†" if row["series_of"] else "")


def table(rows):
    lines = ["| graph | drawer | size (pt) | scale | min font | median font | label overlaps | "
             "edges through labels | edges through actors | crossings | max detour | loops | fill | "
             "time | verdict |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for row in rows:
        name = row["graph"] if row["drawer"] == "actornet" else ""
        m = row.get("metrics")
        if not m:
            lines.append("| %s | %s | %s |  |  |  |  |  |  |  |  |  |  | %s | %s |" % (
                name, row["drawer"], row.get("error", "?").replace("|", "\\|"), cell_time(row),
                "**failed**" if row["drawer"] == "actornet" else ""))
            continue
        verdict = ""
        if row["drawer"] == "actornet":
            verdict = "ok" if not row["failed"] else "; ".join(row["failed"])
        lines.append("| %s | %s | %g×%g | %.2f | %.1f | %.1f | %d | %d (%.1f%%) | %d | %d | %.2f | %d | %.2f | %s | %s |" % (
            name, row["drawer"], m["width_pt"], m["height_pt"], m["scale"], m["min_font_pt"],
            m["median_font_pt"], m["label_overlaps"], m["edges_through_labels"], through_labels_pct(m),
            m["edges_through_nodes"], m["crossings"], m["max_detour"], m["loops"], m["content_fill"],
            cell_time(row), verdict))
    return "\n".join(lines)


def summary(target, rows):
    mine = [r for r in rows if r["drawer"] == "actornet"]
    passed = sum(1 for r in mine if "metrics" in r and not r["failed"])
    failed_render = sum(1 for r in mine if "metrics" not in r)
    counts = {}
    for r in mine:
        for f in r.get("failed", []):
            key = next(k for k in ("min font", "label overlap", "through actors", "through labels",
                                   "detour", "crossings") if k in f)
            key = {"label overlap": "label overlaps", "through actors": "edges through actors",
                   "through labels": "edges through labels", "detour": "max detour"}.get(key, key)
            counts[key] = counts.get(key, 0) + 1
    text = "**%s: %d of %d actornet drawings pass every criterion**" % (target, passed, len(mine))
    if failed_render:
        text += "; %d not drawn or not measured" % failed_render
    if counts:
        text += "; failed: " + ", ".join("%s %d" % (k, v) for k, v in sorted(counts.items(), key=lambda kv: -kv[1]))
    return text + "."


def report(args, targets, results, elapsed):
    lines = ["# actornet readability", "",
             "Written by `make bench-readability` (`bench/readability.py`) on %s in %.0f s%s. "
             "How readable each diagram is at the size it is read at, beside Graphviz's own engines "
             "on the same graph." % (time.strftime("%Y-%m-%d"), elapsed,
                                     "; **quick run**: a trial of the harness, not a result" if args.quick else ""),
             "", "| machine | |", "|---|---|"]
    lines += ["| %s | %s |" % kv for kv in machine()]
    lines += ["",
              "Drawers: **actornet** `bin/actornet render NET [--period P] --size TARGET -o X.svg` "
              "(a series: one `--each decade` run); **dot** `dot -Tsvg` and **neato-prism** "
              "`neato -Goverlap=prism -Gsplines=true -Tsvg` on actornet's DOT of the same graph "
              "without `--size` (`-o X.dot`, the graph before layout). actornet's DOT sets "
              "`overlap=false`, which overrides `-Goverlap=prism`; in Graphviz 2.43 `overlap=false` "
              "is prism (the same layout, byte for byte).", "",
              "Measured by `layout-metrics.mjs` in Chromium at the target's size (16:9 960×540 pt, "
              "4:3 720×540 pt, a4 451×698 pt and letter 468×648 pt, a page's text block): a larger "
              "drawing is shrunk to fit (*scale*), and its fonts are given as read after that. "
              "*Edges through labels*: (edge, label) pairs, and as % of the edges. *Crossings*: "
              "points where two edges cross, away from actors. *Max detour*: an edge's drawn "
              "length ÷ the straight distance between its ends; *loops*: edges with a detour over 2. "
              "*Fill*: share of the canvas covered by something drawn. *Time*: wall time of "
              "actornet's render, one run (†: one `--each decade` run drawing the whole series).", "",
              "Verdict (actornet rows): min font ≥ 10 pt on 16:9 and 4:3, ≥ 7 pt on a4 and letter; "
              "no label overlaps; no edges through actors; edges through labels ≤ 2%% of the edges; "
              "max detour ≤ %g; no more crossings than the dot anchor of the same graph at the same "
              "target. It lists the criteria failed, or says ok." % THRESHOLDS["max_detour"], ""]
    lines += ["## Summary", ""] + ["- " + summary(t, results[t]) for t in targets] + [""]
    for target in targets:
        lines += ["## %s" % target, "", summary(target, results[target]), "", table(results[target]), ""]
    lines += ["---", "Command: `make bench-readability` (on this machine: `%s`)." %
              " ".join(["bench/readability.py"] + sys.argv[1:]), ""]
    return "\n".join(lines)


# ------------------------------------------------------------------- main

def plain(row):
    """A row for metrics.json: paths relative to the repository."""
    row = dict(row, file=row["file"] and rel(row["file"]))
    if row.get("run"):
        row["run"] = dict(row["run"], file=row["run"].get("file") and rel(row["run"]["file"]))
    return row


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="\n\n".join(__doc__.split("\n\n")[2:]))
    parser.add_argument("--quick", action="store_true",
                        help="only 16:9, syria.yaml's 2010s and iran-dprk.yaml's whole span: "
                             "a trial of the harness (about a minute), not a result")
    parser.add_argument("--all-targets", action="store_true",
                        help="also the 4:3 and letter targets (default: 16:9 and a4)")
    parser.add_argument("--peers", default=os.path.join(ROOT, "..", "shared", "bench"), metavar="DIR",
                        help="the folder of gen_network.py (default ../shared/bench)")
    parser.add_argument("--metrics", default=os.path.join(ROOT, "..", "shared", "layout-metrics",
                                                          "layout-metrics.mjs"), metavar="PATH",
                        help="the measuring script (default ../shared/layout-metrics/layout-metrics.mjs)")
    parser.add_argument("--out", default=os.path.join(ROOT, "bench", "READABILITY.md"), metavar="FILE",
                        help="where the report goes (default bench/READABILITY.md)")
    args = parser.parse_args()
    peers, metrics_path = os.path.abspath(args.peers), os.path.abspath(args.metrics)
    needs = [(ACTORNET, "run `make bench-readability`"), (SEED, ""), (SYRIA, ""),
             (metrics_path, "give it with --metrics PATH"),
             (PLAYWRIGHT, "run `cd tests/browser && npm ci`"), (CHROMIUM, "run scripts/install-deps")]
    if not args.quick:
        needs.append((os.path.join(peers, "gen_network.py"), "give its folder with --peers DIR"))
    for path, hint in needs:
        if not os.path.exists(path):
            sys.exit("readability: %s not found%s" % (path, ": " + hint if hint else ""))
    for cmd in ("dot", "neato", "node"):
        if not shutil.which(cmd):
            sys.exit("readability: %s not found: run scripts/install-deps --bench" % cmd)
    targets = ["16:9"] if args.quick else TARGETS + (MORE_TARGETS if args.all_targets else [])
    os.makedirs(WORK, exist_ok=True)
    shutil.copy2(ACTORNET, SNAPSHOT + ".tmp")
    os.replace(SNAPSHOT + ".tmp", SNAPSHOT)
    start = time.perf_counter()

    srcs = sources(peers, args.quick)
    print("readability: anchors (dot, neato-prism) on actornet's DOT", flush=True)
    anchors = draw_anchors(srcs)
    results = collect(srcs, targets, anchors, metrics_path)
    elapsed = time.perf_counter() - start

    with open(os.path.join(WORK, "metrics.json"), "w") as f:
        json.dump({"date": time.strftime("%Y-%m-%d %H:%M:%S"), "argv": sys.argv[1:], "seconds": round(elapsed, 1),
                   "thresholds": dict(THRESHOLDS, min_font_pt=MIN_FONT),
                   "rows": [plain(r) for t in targets for r in results[t]]},
                  f, indent=1)
    text = report(args, targets, results, elapsed)
    out = os.path.abspath(args.out)
    with open(out + ".tmp", "w") as f:
        f.write(text)
    os.replace(out + ".tmp", out)
    print()
    print(text)
    print("readability: wrote %s and %s (%.0f s)" % (rel(out), rel(os.path.join(WORK, "metrics.json")), elapsed))


if __name__ == "__main__":
    main()
