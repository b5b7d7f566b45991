#!/usr/bin/env python3
"""Benchmark: list the catalogue from the bundled snapshot vs parse the same GPF capabilities with OWSLib.

The dock reads the snapshot when it first opens, inside QGIS: it must feel instant. Both sides are timed as
whole processes (interpreter start-up and imports included), best of N runs: (a) load the snapshot and list
every layer; (b) parse the recorded WMTS, WMS-R and WFS capabilities with OWSLib (what a plugin without a
snapshot does; OWSLib gives up on the FeatureTypeList-only WFS document, and its time up to that point
counts). Goals: ratio (b)/(a) >= 20; search over the whole catalogue < 30 ms per query. Also what scripts
call: `gpf-bascule catalog --json` (whole process, output to /dev/null) against OWSLib parsing the same WMTS +
WMS-R documents (whole process): goal >= 5x. Nothing asserts: the figures are printed for a human to read.

Usage: tools/bench_catalog.py [--runs N] [--data DIR]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = Path(os.environ.get("GPF_SHARED_DATA", ROOT.parent / "shared" / "gpf-data"))
RATIO_GOAL = 20.0
JSON_RATIO_GOAL = 5.0
SEARCH_GOAL_MS = 30.0
QUERIES = ("bati 2154", "ortho 1950", "plan ign", "parcellaire", "BÂTI", "scan 25", "o", "route", "zzz")

LOAD = """
import runpy, sys
runpy.run_path(sys.argv[1] + "/gpf-bascule", run_name="bench")["load_package"]()
from gpf_bascule.catalog.snapshot import load_snapshot
catalog = load_snapshot()
names = [entry.name for entry in catalog.layers]
print(len(names))
"""

BUILD = """
import runpy, sys
root, data = sys.argv[1].split("|")
runpy.run_path(root + "/gpf-bascule", run_name="bench")["load_package"]()
from gpf_bascule.catalog.sources import load
from gpf_bascule.catalog.parse import build_catalog
documents = load(data)
print(len(build_catalog(documents.data, labels=documents.labels).layers))
"""

OWSLIB_RASTER = """
import sys
from owslib.wmts import WebMapTileService
from owslib.wms import WebMapService
caps = sys.argv[1] + "/capabilities/"
count = len(WebMapTileService("https://data.geopf.fr/wmts",
                              xml=open(caps + "gpf_wmts_2024-06-06.xml", "rb").read()).contents)
count += len(WebMapService("https://data.geopf.fr/wms-r/wms", version="1.3.0",
                           xml=open(caps + "gpf_wms-r_2024-06-06.xml", "rb").read()).contents)
print(count)
"""

OWSLIB = """
import sys
from owslib.wmts import WebMapTileService
from owslib.wms import WebMapService
from owslib.wfs import WebFeatureService
caps = sys.argv[1] + "/capabilities/"
count = len(WebMapTileService("https://data.geopf.fr/wmts",
                              xml=open(caps + "gpf_wmts_2024-06-06.xml", "rb").read()).contents)
count += len(WebMapService("https://data.geopf.fr/wms-r/wms", version="1.3.0",
                           xml=open(caps + "gpf_wms-r_2024-06-06.xml", "rb").read()).contents)
try:
    count += len(WebFeatureService("https://data.geopf.fr/wfs/ows", version="2.0.0",
                                   xml=open(caps + "gpf_wfs_2025-06-25.xml", "rb").read()).contents)
except Exception:
    pass  # OWSLib 0.27 cannot read this document (see catalog/capabilities.py)
print(count)
"""


def _best(code: str, argument: str, runs: int) -> tuple[float, str]:
    best, output = float("inf"), ""
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-W", "ignore", "-c", code, argument], capture_output=True, text=True,
                              check=True)
        best = min(best, time.perf_counter() - start)
        output = done.stdout.strip()
    return best, output


def _best_command(command: list[str], runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        best = min(best, time.perf_counter() - start)
    return best


def _json_command(data: Path, runs: int) -> None:
    """`gpf-bascule catalog --json` (what scripts call) against OWSLib reading WMTS + WMS-R, both whole processes."""
    json_time = _best_command([sys.executable, str(ROOT / "gpf-bascule"), "catalog", "--json"], runs)
    owslib_time, parsed = _best(OWSLIB_RASTER, str(data), runs)
    ratio = owslib_time / json_time
    print(f"catalog --json, whole process                                      {json_time * 1000:8.1f} ms")
    print(f"OWSLib: parse WMTS+WMS-R capabilities ({parsed} layers), whole process {owslib_time * 1000:8.1f} ms")
    print(f"catalog --json: ratio OWSLib / catalog --json = {ratio:.1f}x (goal >= {JSON_RATIO_GOAL:.0f}x) "
          f"{'OK' if ratio >= JSON_RATIO_GOAL else 'BELOW GOAL'}")


def _in_process(data: Path) -> None:
    """The same two reads inside one running interpreter: what the dock pays inside QGIS."""
    import warnings

    warnings.simplefilter("ignore")
    namespace: dict = {}
    exec(compile("import owslib.wmts, owslib.wms, owslib.wfs", "bench", "exec"), namespace)  # imports not timed
    start = time.perf_counter()
    exec(compile(OWSLIB.replace("sys.argv[1]", repr(str(data))).replace("print(count)", ""), "bench", "exec"),
         namespace)
    owslib_time = time.perf_counter() - start
    runpy = __import__("runpy")
    runpy.run_path(str(ROOT / "gpf-bascule"), run_name="bench")["load_package"]()
    from gpf_bascule.catalog.snapshot import load_snapshot

    start = time.perf_counter()
    load_snapshot()
    snapshot_time = time.perf_counter() - start
    print(f"catalogue, in process: snapshot {snapshot_time * 1000:.1f} ms, OWSLib {owslib_time * 1000:.1f} ms, "
          f"ratio {owslib_time / snapshot_time:.0f}x")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args(argv)
    floor, _ = _best("pass", "", args.runs)
    print(f"python start-up alone (floor of any whole-process figure)           {floor * 1000:8.1f} ms")
    snapshot_time, layers = _best(LOAD, str(ROOT), args.runs)
    print(f"catalogue: list {layers} layers from the snapshot (whole process)   {snapshot_time * 1000:8.1f} ms")
    if args.data.is_dir():
        owslib_time, parsed = _best(OWSLIB, str(args.data), args.runs)
        ratio = owslib_time / snapshot_time
        print(f"catalogue: parse WMTS+WMS-R+WFS capabilities with OWSLib ({parsed} layers) "
              f"{owslib_time * 1000:8.1f} ms")
        print(f"catalogue: ratio OWSLib / snapshot = {ratio:.1f}x (goal >= {RATIO_GOAL:.0f}x) "
              f"{'OK' if ratio >= RATIO_GOAL else 'BELOW GOAL'}; start-up excluded: "
              f"{(owslib_time - floor) / max(snapshot_time - floor, 1e-6):.1f}x")
        build_time, built = _best(BUILD, f"{ROOT}|{args.data}", max(1, args.runs // 2))
        print(f"catalogue: build it from the same documents (OWSLib + lxml fallback + themes), whole process "
              f"({built} layers) {build_time * 1000:8.1f} ms: ratio {build_time / snapshot_time:.1f}x "
              f"(what a plugin without a snapshot pays to show the catalogue)")
        _in_process(args.data)
        _json_command(args.data, args.runs)
    else:
        print(f"catalogue: recorded GPF data not found at {args.data}: OWSLib side skipped")

    sys.path.insert(0, str(ROOT.parent))
    import runpy

    runpy.run_path(str(ROOT / "gpf-bascule"), run_name="bench")["load_package"]()
    from gpf_bascule.catalog.search import SearchIndex
    from gpf_bascule.catalog.snapshot import load_snapshot

    entries = load_snapshot().layers
    start = time.perf_counter()
    index = SearchIndex(entries)
    print(f"search: index of {len(entries)} entries built in {(time.perf_counter() - start) * 1000:.1f} ms (once)")
    worst = 0.0
    for query in QUERIES:
        timings = []
        for _ in range(20):
            start = time.perf_counter()
            found = index.search(query)
            timings.append(time.perf_counter() - start)
        median = sorted(timings)[len(timings) // 2] * 1000
        worst = max(worst, median)
        print(f"search: {query!r:14} {len(found):5} results  {median:6.2f} ms")
    print(f"search: slowest query {worst:.2f} ms (goal < {SEARCH_GOAL_MS:.0f} ms) "
          f"{'OK' if worst < SEARCH_GOAL_MS else 'ABOVE GOAL'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
