#!/usr/bin/python3
"""Times actornet against its peers and against Graphviz's and libyaml's own
cost in one run on one machine, and writes bench/RESULTS.md.

usage: bench/run.py [--runs N] [--quick] [--peers DIR] [--out FILE]
  --runs N     timed runs of each command (default 5; 3 for the slow groups, at
               least 15 for loading against its floor)
  --quick      one run each, and no all-dot comparison of the 1,000-actor
               network (minutes of dot): for trying the harness, not for RESULTS.md
  --peers DIR  the folder of gen_network.py, peer_python.py and node-peer/
               (default ../shared/bench)
  --out FILE   where the report goes (default bench/RESULTS.md)

`make bench` builds what this needs and runs it. Every command runs as a
whole process. The commands of one comparison take turns, run after run, so
that a change in the machine's load touches them alike; each comparison
starts with one untimed run of each command (file and font caches warm).
Reported per command: the median wall time, the spread (fastest to slowest),
the median CPU time (user + system, all threads and children) and the peak
resident memory (the largest of the process and of the children it waited for).
"""
import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "build", "bench")
ACTORNET = os.path.join(ROOT, "bin", "actornet")
YAML_PARSE = os.path.join(WORK, "yaml_parse")
GRAPHVIZ_FLOOR = os.path.join(WORK, "graphviz_floor")
SEED = os.path.join(ROOT, "networks", "iran-dprk.yaml")
ANALYSIS = os.path.join(ROOT, "bench", "analysis.md")


# ----------------------------------------------------------------- measuring

class Sample:
    def __init__(self, wall=0.0, cpu=0.0, rss_kb=0):
        self.wall, self.cpu, self.rss_kb = wall, cpu, rss_kb

    def add(self, other):
        """The cost of two processes run one after the other."""
        return Sample(self.wall + other.wall, self.cpu + other.cpu, max(self.rss_kb, other.rss_kb))


def run_process(argv):
    """Runs argv to completion; its Sample. Fails loudly when it fails.

    The command runs under GNU time, which reports its peak memory: a process
    forked from this one would count this Python's memory as its own (a peak
    resident set survives exec).
    """
    rss_file = os.path.join(WORK, "rss.txt")
    with open(os.path.join(WORK, "stderr.txt"), "w+b") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", rss_file, *argv],
                                stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            err.seek(0)
            sys.exit("bench: %s failed (exit %d):\n%s" % (" ".join(argv), code,
                                                          err.read().decode(errors="replace")[-2000:]))
    with open(rss_file) as f:
        rss_kb = int(f.read().split()[-1])
    return Sample(wall, usage.ru_utime + usage.ru_stime, rss_kb)


def run_job(job):
    """A job is a list of commands run one after the other (the floor runs dot once per period)."""
    total = Sample()
    for argv in job:
        total = total.add(run_process(argv))
    return total


class Stats:
    def __init__(self, samples):
        walls = [s.wall for s in samples]
        self.runs = len(samples)
        self.wall = statistics.median(walls)
        self.fastest, self.slowest = min(walls), max(walls)
        self.cpu = statistics.median([s.cpu for s in samples])
        self.rss_mb = max(s.rss_kb for s in samples) / 1024


def compare(title, candidates, runs):
    """Times the candidates [(label, job)], taking turns; {label: Stats}."""
    print("bench: %s (%d runs)" % (title, runs), flush=True)
    samples = {label: [] for label, _ in candidates}
    for label, job in candidates:
        run_job(job)  # untimed: warms the caches
    for r in range(runs):
        for label, job in candidates:
            samples[label].append(run_job(job))
    stats = {label: Stats(s) for label, s in samples.items()}
    for label, _ in candidates:
        st = stats[label]
        print("  %-48s %8.3f s  (%.3f-%.3f)  cpu %7.3f s  %7.1f MB" % (
            label, st.wall, st.fastest, st.slowest, st.cpu, st.rss_mb), flush=True)
    return stats


# --------------------------------------------------------------------- setup

def sh(argv, **kw):
    return subprocess.run(argv, check=True, **kw)


def output(argv):
    proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    return proc.stdout.decode(errors="replace").strip()


def generate(peers, actors, ties):
    path = os.path.join(WORK, "g%d-%d.yaml" % (actors, ties))
    if not os.path.exists(path):
        with open(path + ".tmp", "wb") as out:
            sh(["/usr/bin/python3", os.path.join(peers, "gen_network.py"), str(actors), str(ties)], stdout=out)
        os.rename(path + ".tmp", path)
    return path


def node_peer(peers):
    """A writable copy of the Node peer with its packages (npm ci once)."""
    src = os.path.join(peers, "node-peer")
    dst = os.path.join(WORK, "node-peer")
    lock = os.path.join(src, "package-lock.json")
    stamp = os.path.join(dst, "node_modules", ".installed-lock")
    if not (os.path.exists(stamp) and open(stamp).read() == open(lock).read()):
        shutil.rmtree(dst, ignore_errors=True)
        shutil.copytree(src, dst, ignore=shutil.ignore_patterns("node_modules"))
        sh(["npm", "ci", "--no-audit", "--no-fund", "--silent"], cwd=dst)
        shutil.copyfile(lock, stamp)
    return os.path.join(dst, "peer_node.mjs")


def fresh_dir(*parts):
    path = os.path.join(WORK, "out", *parts)
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    return path


def svg_count(folder):
    return sum(1 for f in os.listdir(folder) if f.endswith(".svg"))


VERBOSE_LINE = re.compile(r"^actornet: (\S+): laid out (\d+) actors and (\d+) ties with (\S+) in")


def periods_and_engines(network, folder, layout="auto"):
    """Writes each period's DOT as actornet draws it; [(period, actors, ties, engine)]."""
    proc = subprocess.run([ACTORNET, "render", "-v", "-q", network, "--each", "decade", "--no-stable",
                           "-j", "1", "-l", layout, "-o", os.path.join(folder, "{period}.dot"),
                           "-o", os.path.join(folder, "{period}.svg")],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True)
    found = []
    for line in proc.stderr.decode().splitlines():
        m = VERBOSE_LINE.match(line)
        if m:
            found.append((m.group(1), int(m.group(2)), int(m.group(3)), m.group(4)))
    return found


def floor_job(folder, periods, engine=None, extra=()):
    """Graphviz's own cost: dot run on each period's DOT file, with the engine actornet chose."""
    return [["dot", "-K" + (engine or e), *extra, "-Tsvg", "-o", os.path.join(folder, p + ".floor.svg"),
             os.path.join(folder, p + ".dot")] for p, _, _, e in periods]


GRAPHVIZ_ENGINES = ("dot", "neato", "fdp", "sfdp", "circo", "twopi")


def inprocess_floor_job(folder, periods, jobs=1):
    """Graphviz's library laying out each period's DOT file and rendering it, in one process
    (bench/graphviz_floor.c), or in `jobs` processes taking the files in turn."""
    for p, _, _, e in periods:
        if e not in GRAPHVIZ_ENGINES:
            sys.exit("bench: %s was laid out with %s, which Graphviz alone does not do: no floor" % (p, e))
    return [[GRAPHVIZ_FLOOR, "-j", str(jobs)] +
            ["%s:%s" % (e, os.path.join(folder, p + ".dot")) for p, _, _, e in periods]]


def actornet_series(network, folder, *options, formats=("svg",)):
    return [[ACTORNET, "render", "-q", network, "--each", "decade", *options] +
            [a for f in formats for a in ("-o", os.path.join(folder, "{period}." + f))]]


class burner:
    """A process that keeps one core busy while the `with` block runs."""
    def __enter__(self):
        self.proc = subprocess.Popen(["/bin/sh", "-c", "while :; do :; done"])
        return self

    def __exit__(self, *exc):
        self.proc.kill()
        self.proc.wait()


# ---------------------------------------------------------------- the groups

def seed_series(peers, node_script, runs):
    out = {name: fresh_dir("seed", name) for name in ("stable", "stable-j2", "per-period", "python", "node")}
    candidates = [
        ("actornet (its defaults: stable layout)", actornet_series(SEED, out["stable"])),
        ("actornet --jobs 2 (stable layout, 2 workers)", actornet_series(SEED, out["stable-j2"], "-j", "2")),
        ("actornet --no-stable", actornet_series(SEED, out["per-period"], "--no-stable")),
        ("Python peer (PyYAML + dot)", [["/usr/bin/python3", os.path.join(peers, "peer_python.py"),
                                          SEED, out["python"], "--each", "decade"]]),
        ("Node peer (js-yaml + Graphviz WebAssembly)", [["node", node_script, SEED, out["node"],
                                                          "--each", "decade"]]),
    ]
    stats = compare("seed series: every decade of networks/iran-dprk.yaml to SVG", candidates, runs)
    counts = {name: svg_count(folder) for name, folder in out.items()}
    if len(set(counts.values())) != 1:
        sys.exit("bench: the seed series drew different numbers of diagrams: %s" % counts)
    # SVG and PNG: actornet draws both from one layout; the peer runs once for each format.
    both = {name: fresh_dir("seed-png", name) for name in ("stable", "python")}
    png_candidates = [
        ("actornet, SVG and PNG", actornet_series(SEED, both["stable"], formats=("svg", "png"))),
        ("Python peer, SVG then PNG", [["/usr/bin/python3", os.path.join(peers, "peer_python.py"),
                                        SEED, both["python"], "--each", "decade", "--format", f]
                                       for f in ("svg", "png")]),
    ]
    png_stats = compare("seed series: every decade to SVG and PNG", png_candidates, runs)
    # Start-up: one diagram, against Graphviz's dot drawing a one-node graph.
    one_node = os.path.join(WORK, "one-node.dot")
    with open(one_node, "w") as f:
        f.write('digraph { a [label="Iran"] }\n')
    one = fresh_dir("seed-one")
    one_candidates = [
        ("actornet, one diagram (the 1990s)", [[ACTORNET, "render", "-q", SEED, "-p", "1990s",
                                               "-o", os.path.join(one, "1990s.svg")]]),
        ("dot -Tsvg, a one-node graph", [["dot", "-Tsvg", "-o", os.path.join(one, "one.svg"), one_node]]),
    ]
    one_stats = compare("start-up: one diagram", one_candidates, runs)
    return {"stats": stats, "diagrams": counts["stable"], "order": [c[0] for c in candidates],
            "png": png_stats, "png_order": [c[0] for c in png_candidates],
            "one": one_stats, "one_order": [c[0] for c in one_candidates]}


INPROC = "in-process floor: Graphviz's library, one process (bench/graphviz_floor.c)"
INPROC2 = "in-process floor, two processes taking periods in turn"


def large_series(peers, node_script, network, runs, all_dot):
    name = os.path.splitext(os.path.basename(network))[0]
    dots = fresh_dir(name, "dot")
    periods = periods_and_engines(network, dots)
    out = {k: fresh_dir(name, k) for k in ("s1", "s2", "p1", "p2", "d1", "d2", "draft", "python", "node")}
    candidates = [
        ("actornet --no-stable --jobs 1", actornet_series(network, out["p1"], "--no-stable", "-j", "1")),
        ("actornet --no-stable --jobs 2", actornet_series(network, out["p2"], "--no-stable", "-j", "2")),
        ("actornet (stable layout) --jobs 1", actornet_series(network, out["s1"], "-j", "1")),
        ("actornet (stable layout) --jobs 2", actornet_series(network, out["s2"], "-j", "2")),
        ("floor: Graphviz on actornet's DOT, same engines", floor_job(dots, periods)),
        (INPROC, inprocess_floor_job(dots, periods)),
        (INPROC2, inprocess_floor_job(dots, periods, 2)),
    ]
    result = {"network": network, "periods": periods, "auto": compare(
        "large series, %s: every decade to SVG, engines as --layout auto chooses" % name, candidates, runs),
        "auto_order": [c[0] for c in candidates]}
    if all_dot:
        # The peers run dot on every period: so do actornet and the floor here.
        candidates = [
            ("actornet --layout dot --no-stable --jobs 1",
             actornet_series(network, out["d1"], "-l", "dot", "--no-stable", "-j", "1")),
            ("actornet --layout dot --no-stable --jobs 2",
             actornet_series(network, out["d2"], "-l", "dot", "--no-stable", "-j", "2")),
            ("actornet --layout dot --draft --no-stable --jobs 1",
             actornet_series(network, out["draft"], "-l", "dot", "--draft", "--no-stable", "-j", "1")),
            ("floor: dot on actornet's DOT", floor_job(dots, periods, "dot")),
            ("Python peer (PyYAML + dot)", [["/usr/bin/python3", os.path.join(peers, "peer_python.py"),
                                              network, out["python"], "--each", "decade"]]),
            ("Node peer (js-yaml + Graphviz WebAssembly)", [["node", node_script, network, out["node"],
                                                              "--each", "decade"]]),
        ]
        result["dot"] = compare("large series, %s: every decade to SVG, all with dot" % name, candidates, runs)
        result["dot_order"] = [c[0] for c in candidates]
        counts = {k: svg_count(out[k]) for k in ("d1", "python", "node")}
        if len(set(counts.values())) != 1 or counts["d1"] != len(periods):
            sys.exit("bench: %s: different numbers of diagrams: %s" % (name, counts))
    return result


def loading(network, runs, floor_runs):
    """actornet against the floor in floor_runs turns (a third of a second each: a median of
    three would move with the machine's noise), and against PyYAML's loader (seconds) in runs."""
    candidates = [
        ("actornet check", [[ACTORNET, "check", network]]),
        ("bare libyaml event parse (floor)", [[YAML_PARSE, network]]),
        ("PyYAML C loader (yaml.CSafeLoader)", [["/usr/bin/python3", "-c",
                                                 "import sys, yaml\nwith open(sys.argv[1], 'rb') as f: "
                                                 "yaml.load(f, Loader=yaml.CSafeLoader)", network]]),
    ]
    stats = compare("loading %s (%.1f MB)" % (os.path.basename(network), os.path.getsize(network) / 1e6),
                    candidates[:2], floor_runs)
    peer = compare("loading, beside PyYAML's C loader", [candidates[0], candidates[2]], runs)
    stats[candidates[2][0]] = peer[candidates[2][0]]
    with burner():
        busy = compare("loading, the other core kept busy", candidates[:2], floor_runs)
    return {"stats": stats, "peer": peer, "busy": busy, "size": os.path.getsize(network),
            "order": [c[0] for c in candidates], "runs": (floor_runs, runs)}


# dot's settings that trade layout quality for time.
DRAFT = "nslimit=10 searchsize=10 remincross=false (--draft)"
DOT_SETTINGS = [
    ("dot's defaults", []),
    ("nslimit1=1 (ranking)", ["-Gnslimit1=1"]),
    ("nslimit=1 (x positions)", ["-Gnslimit=1"]),
    ("nslimit=5", ["-Gnslimit=5"]),
    ("nslimit=10", ["-Gnslimit=10"]),
    ("mclimit=0.1", ["-Gmclimit=0.1"]),
    ("searchsize=10", ["-Gsearchsize=10"]),
    ("remincross=false", ["-Gremincross=false"]),
    (DRAFT, ["-Gnslimit=10", "-Gsearchsize=10", "-Gremincross=false"]),
]


def layout_quality(plain_files):
    """Sums over the diagrams: edge crossings, edge length (inches), drawing area (square inches)."""
    crossings = length = area = 0.0
    for path in plain_files:
        edges = []
        with open(path) as f:
            for line in f:
                parts = line.split()
                if parts and parts[0] == "graph":
                    area += float(parts[2]) * float(parts[3])
                elif parts and parts[0] == "edge":
                    n = int(parts[3])
                    pts = [(float(parts[4 + 2 * i]), float(parts[5 + 2 * i])) for i in range(n)]
                    edges.append(pts)
                    length += sum(((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5
                                  for (x1, y1), (x2, y2) in zip(pts, pts[1:]))
        crossings += count_crossings(edges)
    return crossings, length, area


def count_crossings(edges):
    """Crossings of the edges' control polygons (a proxy for their splines), found through a grid."""
    cell = 0.5
    grid = {}
    segments = []
    for e, pts in enumerate(edges):
        for a, b in zip(pts, pts[1:]):
            s = len(segments)
            segments.append((e, a, b))
            for gx in range(int(min(a[0], b[0]) / cell), int(max(a[0], b[0]) / cell) + 1):
                for gy in range(int(min(a[1], b[1]) / cell), int(max(a[1], b[1]) / cell) + 1):
                    grid.setdefault((gx, gy), []).append(s)
    seen = set()
    count = 0
    for members in grid.values():
        for i in range(len(members)):
            for j in range(i + 1, len(members)):
                s, t = members[i], members[j]
                if segments[s][0] == segments[t][0] or (s, t) in seen:
                    continue
                seen.add((s, t))
                if proper_intersection(segments[s][1], segments[s][2], segments[t][1], segments[t][2]):
                    count += 1
    return count


def proper_intersection(p1, p2, q1, q2):
    def orient(a, b, c):
        v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
        return (v > 1e-9) - (v < -1e-9)
    return (orient(p1, p2, q1) * orient(p1, p2, q2) < 0 and orient(q1, q2, p1) * orient(q1, q2, p2) < 0)


def dot_settings(network, periods, runs):
    name = os.path.splitext(os.path.basename(network))[0]
    dots = os.path.join(WORK, "out", name, "dot")
    jobs = []
    for label, flags in DOT_SETTINGS:
        tag = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
        jobs.append((label, [["dot", "-Kdot", *flags, "-Tsvg", "-o", os.path.join(dots, "%s.%s.svg" % (p, tag)),
                              "-Tplain", "-o", os.path.join(dots, "%s.%s.plain" % (p, tag)),
                              os.path.join(dots, p + ".dot")] for p, _, _, _ in periods], tag))
    stats = compare("dot's settings on %s, every decade, dot" % name, [(l, j) for l, j, _ in jobs], runs)
    quality = {}
    for label, _, tag in jobs:
        quality[label] = layout_quality([os.path.join(dots, "%s.%s.plain" % (p, tag)) for p, _, _, _ in periods])
    return {"stats": stats, "quality": quality, "order": [l for l, _, _ in jobs], "network": network}


# -------------------------------------------------------------------- report

def machine():
    cpu = "unknown"
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem = 0
    for line in open("/proc/meminfo"):
        if line.startswith("MemTotal"):
            mem = int(line.split()[1]) / 1024 / 1024
    system = platform.platform()
    if os.path.exists("/etc/os-release"):
        for line in open("/etc/os-release"):
            if line.startswith("PRETTY_NAME="):
                system = line.split("=", 1)[1].strip().strip('"')
    return [
        ("CPU", "%s, %d cores" % (cpu, os.cpu_count())),
        ("Memory", "%.0f GiB" % mem),
        ("System", "%s, Linux %s" % (system, platform.release())),
        ("actornet", output([ACTORNET, "--version"])),
        ("Graphviz", output(["dot", "-V"])),
        ("libyaml", output(["pkg-config", "--modversion", "yaml-0.1"])),
        ("Python", output(["/usr/bin/python3", "--version"]) + ", PyYAML " +
         output(["/usr/bin/python3", "-c", "import yaml; print(yaml.__version__)"])),
        ("Node.js", output(["node", "--version"])),
    ]


def table(stats, order, base=None, base_label="ratio"):
    rows = ["| command | median | spread | CPU | peak memory |%s" % (" %s |" % base_label if base else ""),
            "|---|---:|---:|---:|---:|%s" % ("---:|" if base else "")]
    for label in order:
        st = stats[label]
        ratio = " %.2f |" % (st.wall / stats[base].wall) if base else ""
        rows.append("| %s | %.3f s | %.3f–%.3f s | %.3f s | %.1f MB |%s" % (
            label, st.wall, st.fastest, st.slowest, st.cpu, st.rss_mb, ratio))
    return "\n".join(rows)


def verdict(ok):
    return "**met**" if ok else "**not met**"


def report(args, seed, large, load, settings):
    lines = ["# actornet benchmarks", "",
             "Written by `make bench` (`bench/run.py`) on %s; %s. Ratios, not absolute times, are "
             "what carry over to another machine: every comparison below was measured in one run, "
             "its commands taking turns." % (time.strftime("%Y-%m-%d"),
                                              "quick run: not for comparison" if args.quick else
                                              "%d timed runs per command (%d for the slow groups)" %
                                              (args.runs, max(1, min(args.runs, 3)))),
             "", "| machine | |", "|---|---|"]
    lines += ["| %s | %s |" % kv for kv in machine()]
    lines += ["", "Median: the median wall time of the runs; spread: the fastest and the slowest run; "
              "CPU: user + system time of all threads and children (median); peak memory: the largest "
              "resident set of the process or of a child it waited for.", ""]

    targets = []
    st = seed["stats"]
    a = "actornet (its defaults: stable layout)"
    py, node = "Python peer (PyYAML + dot)", "Node peer (js-yaml + Graphviz WebAssembly)"
    targets.append(("Seed series (SVG): actornet vs Python peer", "≥ 8× faster",
                    "%.1f×" % (st[py].wall / st[a].wall), st[py].wall / st[a].wall >= 8))
    targets.append(("Seed series (SVG): actornet vs Node peer", "≥ 5× faster",
                    "%.1f×" % (st[node].wall / st[a].wall), st[node].wall / st[a].wall >= 5))
    ps = seed["png"]
    pa, pp = "actornet, SVG and PNG", "Python peer, SVG then PNG"
    targets.append(("Seed series (SVG and PNG): actornet vs Python peer", "≥ 5× faster",
                    "%.1f×" % (ps[pp].wall / ps[pa].wall), ps[pp].wall / ps[pa].wall >= 5))
    one = seed["one"]
    oa, od = seed["one_order"]
    targets.append(("One seed diagram ÷ `dot -Tsvg` of a one-node graph", "≤ 1.1",
                    "%.2f" % (one[oa].wall / one[od].wall), one[oa].wall / one[od].wall <= 1.1))
    for res in large:
        name = os.path.basename(res["network"])
        s = res["auto"]
        r1 = s["actornet --no-stable --jobs 1"].wall / s[INPROC].wall
        r2 = s["actornet --no-stable --jobs 2"].wall / s[INPROC2].wall
        targets.append(("%s, per-period layout, --jobs 1 ÷ in-process floor" % name, "≤ 1.05", "%.2f" % r1,
                        r1 <= 1.05))
        targets.append(("%s, per-period layout, --jobs 2 ÷ in-process floor in two processes" % name, "≤ 1.05",
                        "%.2f" % r2, r2 <= 1.05))
    ls, lb = load["stats"], load["busy"]
    c, y, p = "actornet check", "bare libyaml event parse (floor)", "PyYAML C loader (yaml.CSafeLoader)"
    lp = load["peer"]
    targets.append(("Loading: actornet vs PyYAML's C loader", "≥ 5× faster",
                    "%.1f×" % (lp[p].wall / lp[c].wall), lp[p].wall / lp[c].wall >= 5))
    targets.append(("Loading: actornet ÷ bare libyaml parse, CPU time", "≤ 1.5", "%.2f" % (ls[c].cpu / ls[y].cpu),
                    ls[c].cpu / ls[y].cpu <= 1.5))
    targets.append(("Loading: actornet ÷ bare libyaml parse, wall time, the other core busy", "≤ 1.5",
                    "%.2f" % (lb[c].wall / lb[y].wall), lb[c].wall / lb[y].wall <= 1.5))
    mem_ratio = ls[c].rss_mb * 1024 * 1024 / load["size"]
    targets.append(("Loading: actornet's peak memory ÷ file size", "≤ 4", "%.2f" % mem_ratio, mem_ratio <= 4))

    lines += ["## Targets", "", "| target | wanted | measured | |", "|---|---|---:|---|"]
    lines += ["| %s | %s | %s | %s |" % (t, w, m, verdict(ok)) for t, w, m, ok in targets]

    lines += ["", "## 1. Seed series", "",
              "Every decade of `networks/iran-dprk.yaml` (%d diagrams) to SVG. The peers draw a plainer "
              "diagram (no title block, legend or sources); actornet draws its full diagram. "
              "Ratio: ÷ actornet with its defaults (a stable layout; workers only when the periods are slow to draw)." % seed["diagrams"], "",
              table(st, seed["order"], a, "÷ actornet"), "",
              "The same series to SVG and PNG: actornet draws both from one layout in one run; the "
              "Python peer runs once per format, as its options allow. Ratio: ÷ actornet.", "",
              table(ps, seed["png_order"], pa, "÷ actornet"), "",
              "Start-up: one diagram of the seed (its 1990s, to SVG), beside Graphviz's `dot` drawing "
              "a graph of one labelled node. Ratio: ÷ dot.", "",
              table(one, seed["one_order"], od, "÷ dot")]

    lines += ["", "## 2. Large series", ""]
    for res in large:
        name = os.path.basename(res["network"])
        engines = ", ".join("%s %s (%d actors, %d ties)" % (p, e, n, t) for p, n, t, e in res["periods"])
        lines += ["### %s" % name, "", "Periods, with the engine `--layout auto` chose for each: %s." % engines, "",
                  "Engines as `auto` chooses them. Floors: `dot -K<engine> -Tsvg` run on each period's DOT "
                  "file as actornet writes it (`-o '{period}.dot'`), one process after another (it "
                  "starts Graphviz once per period); and the in-process floor, Graphviz's library "
                  "reading those DOT files and laying each out and rendering it in one process "
                  "(`bench/graphviz_floor.c`; with two processes, each taking the next period as "
                  "actornet's workers do). Both lay out the DOT file's graph, whose edges come in "
                  "another order than in actornet's own graph, so their work differs a little. "
                  "Ratio: ÷ the in-process floor.", "",
                  table(res["auto"], res["auto_order"], INPROC, "÷ in-process floor")]
        if "dot" in res:
            lines += ["", "Every period with dot, as the peers do (a stable layout of the whole series with "
                      "dot is not timed: the whole network is far past dot's limits). Ratio: ÷ the floor "
                      "(dot on actornet's DOT); dot lays out the DOT file's graph with its edges in "
                      "another order than actornet's, so its work differs (see *Where the time goes*).", "",
                      table(res["dot"], res["dot_order"], "floor: dot on actornet's DOT", "÷ floor")]
        lines.append("")

    lines += ["## 3. Loading", "",
              "`actornet check` (read, validate, report) on `gen_network.py 20000 100000` "
              "(%.1f MB); the floor is libyaml's event parse of the file and nothing else "
              "(`bench/yaml_parse.c`), %d runs each; PyYAML's loader, seconds a run, in %d runs of "
              "its own beside actornet's. Ratio: ÷ the floor. Peak memory of `actornet check`: %.2f× "
              "the file's size." % (load["size"] / 1e6, load["runs"][0], load["runs"][1], mem_ratio), "",
              table(ls, load["order"], y, "÷ floor"), "",
              "The same, with the machine's other core kept busy by a process that loops "
              "(actornet parses in a second thread only where that pays).", "",
              table(lb, load["order"][:2], y, "÷ floor")]

    if settings:
        name = os.path.basename(settings["network"])
        lines += ["", "## 4. dot's settings", "",
                  "dot on the DOT files of every decade of %s, one process per period, with "
                  "settings that end dot's optimisation sooner (%d runs each: differences of a few "
                  "percent are noise). Readability, summed over the diagrams: crossings of the edges' "
                  "control polygons, total edge length and drawing area (from `-Tplain`)." %
                  (name, settings["stats"]["dot's defaults"].runs), "",
                  "| settings | median | ÷ defaults | crossings | edge length | area |",
                  "|---|---:|---:|---:|---:|---:|"]
        base = settings["stats"]["dot's defaults"].wall
        qb = settings["quality"]["dot's defaults"]
        for label in settings["order"]:
            s = settings["stats"][label]
            q = settings["quality"][label]
            lines.append("| %s | %.2f s | %.2f | %d (%+.0f%%) | %.0f in (%+.0f%%) | %.0f in² (%+.0f%%) |" % (
                label, s.wall, s.wall / base, q[0], 100 * (q[0] / qb[0] - 1), q[1], 100 * (q[1] / qb[1] - 1),
                q[2], 100 * (q[2] / qb[2] - 1)))

    lines += ["", "## Where the time goes", ""]
    if os.path.exists(ANALYSIS):
        lines += [open(ANALYSIS).read().rstrip()]
    lines += ["", "---", "Command: `make bench` (on this machine: `bench/run.py %s`)." %
              " ".join(sys.argv[1:]), ""]
    return "\n".join(lines), targets


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, metavar="N",
                        help="timed runs of each command (default 5; at most 3 for the slow groups)")
    parser.add_argument("--quick", action="store_true",
                        help="one run each, without the all-dot 1000-actor comparison and dot's "
                             "settings: a trial of the harness, not a result")
    parser.add_argument("--peers", default=os.path.join(ROOT, "..", "shared", "bench"), metavar="DIR",
                        help="the folder of gen_network.py, peer_python.py and node-peer/ "
                             "(default ../shared/bench)")
    parser.add_argument("--out", default=os.path.join(ROOT, "bench", "RESULTS.md"), metavar="FILE",
                        help="where the report goes (default bench/RESULTS.md)")
    args = parser.parse_args()
    peers = os.path.abspath(args.peers)
    for need in ("gen_network.py", "peer_python.py", "node-peer/peer_node.mjs"):
        if not os.path.exists(os.path.join(peers, need)):
            sys.exit("bench: %s not found: give the peers' folder with --peers DIR" % os.path.join(peers, need))
    for need in (ACTORNET, YAML_PARSE, GRAPHVIZ_FLOOR):
        if not os.path.exists(need):
            sys.exit("bench: %s is missing: run `make bench`" % need)
    runs = 1 if args.quick else args.runs
    slow_runs = 1 if args.quick else max(1, min(args.runs, 3))
    os.makedirs(WORK, exist_ok=True)

    node_script = node_peer(peers)
    g300 = generate(peers, 300, 1500)
    g1000 = generate(peers, 1000, 5000)
    g20000 = generate(peers, 20000, 100000)

    seed = seed_series(peers, node_script, max(runs, 10) if not args.quick else 1)
    large = [large_series(peers, node_script, g300, runs, True),
             large_series(peers, node_script, g1000, slow_runs, not args.quick)]
    load = loading(g20000, slow_runs, 1 if args.quick else max(args.runs, 15))
    settings = None if args.quick else dot_settings(g1000, large[1]["periods"], min(slow_runs, 2))
    text, targets = report(args, seed, large, load, settings)
    with open(args.out + ".tmp", "w") as f:
        f.write(text)
    os.replace(args.out + ".tmp", args.out)
    print("bench: wrote %s" % os.path.relpath(args.out))
    for t, w, m, ok in targets:
        print("  %-52s %-12s %8s  %s" % (t, w, m, "met" if ok else "NOT MET"))


if __name__ == "__main__":
    main()
