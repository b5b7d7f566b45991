#!/usr/bin/env python3
"""Benchmark: migrate a 10,000-layer .qgz with the command line, next to the floor of any zip/XML rewrite.

Big administrations keep projects with thousands of Géoportail layers; the switch must not be the slow part.
The floor is a separate process that does only what every rewrite has to do (unzip, lxml parse, serialise,
zip) on the same file; the command line is timed as a whole process too (start-up included), best of N runs.
Goals: time ratio CLI / floor <= 2, peak memory of the CLI process <= 300 MB. Nothing here asserts: the
figures are printed (and written to .bench/result.json) for a human to read.

The project is generated from the demo's QGIS-written <maplayer> elements (resources/demo), one per kind of
source, so each of the 10,000 layers carries the XML QGIS 3.22 really writes (renderer, metadata, srs...):
WMTS 40 %, WFS 20 %, WMS raster 20 %, WMS vector 10 %, vector tiles 10 %, in groups of 100 in the layer tree.

Usage: tools/bench.py [--layers N] [--runs N]
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import random
import re
import subprocess
import sys
import zipfile
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / ".bench"
DEMO = ROOT / "resources" / "demo" / "projet_geoportail_2019.qgz"
TIME_GOAL = 2.0
MEMORY_GOAL_MB = 300

# Demo layers whose XML serves as the template of each kind, and the share of each kind in the project.
TEMPLATES = {
    "wmts": ("Photographies aériennes", 0.40),
    "wfs": ("Bâtiments BD TOPO", 0.20),
    "wms-r": ("BD ORTHO (WMS raster)", 0.20),
    "wms-v": ("Hydrographie BD CARTO (WMS vecteur)", 0.10),
    "tms": ("Plan IGN vectoriel", 0.10),
}
KEYS = ("essentiels", "ortho", "cartes", "environnement", "administratif", "parcellaire", "abcd1234efgh5678ijkl9012")

# Runs a command and reports its wall time and peak resident memory as JSON. A fresh measuring process per
# run, whose only child is the command: RUSAGE_CHILDREN is then that command's own peak (the CLI's shell
# wrapper execs Python, so it is one process), never the bench's (which builds the project) nor the floor's.
MEASURE = r"""
import json, resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
elapsed = time.perf_counter() - start
print(json.dumps({"seconds": elapsed, "max_rss_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
                  "returncode": code}))
"""

# The floor: what any rewrite of a .qgz must do, and nothing else.
FLOOR = r"""
import sys, zipfile
from lxml import etree
source, target = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(source) as archive:
    members = {name: archive.read(name) for name in archive.namelist()}
parser = etree.XMLParser(huge_tree=True, resolve_entities=False, no_network=True)
with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
    for name, data in members.items():
        if name.endswith(".qgs"):
            data = etree.tostring(etree.fromstring(data, parser), encoding="UTF-8", xml_declaration=False)
        archive.writestr(name, data)
"""


def _layer_names(service: str) -> list[str]:
    """Real GPF layer names (from the committed registry) so that the engine does its real work on each."""
    import csv

    path = ROOT / "mapping" / "registry" / "gpf_layers.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row["service"] == service and row["access"] == "free"]
    return [row["name"] for row in rows] or ["ORTHOIMAGERY.ORTHOPHOTOS"]


def _source(kind: str, name: str, key: str) -> str:
    if kind == "wmts":
        return (
            "contextualWMSLegend=0&crs=EPSG:3857&dpiMode=7&featureCount=10&format=image/png"
            f"&layers={name}&styles=normal&tileMatrixSet=PM"
            f"&url=https://wxs.ign.fr/{key}/geoportail/wmts?SERVICE%3DWMTS%26REQUEST%3DGetCapabilities"
        )
    if kind in ("wms-r", "wms-v"):
        path = "r/wms" if kind == "wms-r" else "v/wms"
        return (
            "contextualWMSLegend=0&crs=EPSG:2154&dpiMode=7&featureCount=10&format=image/png"
            f"&layers={name}&styles&url=https://wxs.ign.fr/{key}/geoportail/{path}"
        )
    if kind == "wfs":
        return (
            "pagingEnabled='true' preferCoordinatesForWfsT11='false' restrictToRequestBBOX='1' srsname='EPSG:2154' "
            f"typename='{name}' url='https://wxs.ign.fr/{key}/geoportail/wfs' version='auto'"
        )
    return (
        f"styleUrl=https://wxs.ign.fr/static/vectorTiles/styles/{name}/essentiels/standard.json&type=xyz"
        f"&url=https://wxs.ign.fr/{key}/geoportail/tms/1.0.0/{name}/%7Bz%7D/%7Bx%7D/%7By%7D.pbf&zmax=18&zmin=0"
    )


def build_project(path: Path, count: int, seed: int = 2019) -> None:
    """Write a .qgz of `count` old layers, cloned from the demo's real <maplayer> elements."""
    rng = random.Random(seed)
    with zipfile.ZipFile(DEMO) as archive:
        member = next(name for name in archive.namelist() if name.endswith(".qgs"))
        root = etree.fromstring(archive.read(member), etree.XMLParser(huge_tree=True))
    by_name = {m.findtext("layername"): m for m in root.iter("maplayer")}
    templates = {kind: by_name[name] for kind, (name, _) in TEMPLATES.items()}
    service_of = {"wmts": "wmts", "wfs": "wfs", "wms-r": "wms-r", "wms-v": "wms-v", "tms": "tms"}
    names = {kind: _layer_names(service_of[kind]) for kind in TEMPLATES}
    kinds = [kind for kind, (_, share) in TEMPLATES.items() for _ in range(round(share * 100))]

    project_layers = root.find("projectlayers")
    tree_root = root.find("layer-tree-group")
    for element in list(project_layers):
        project_layers.remove(element)
    for element in list(tree_root):
        if element.tag in ("layer-tree-group", "layer-tree-layer"):
            tree_root.remove(element)
    order = root.find("layerorder")
    if order is not None:
        for element in list(order):
            order.remove(element)

    group = None
    for index in range(count):
        if index % 100 == 0:
            group = etree.SubElement(tree_root, "layer-tree-group", name=f"Thème {index // 100 + 1:03d}")
            group.set("checked", "Qt::Checked")
            group.set("expanded", "0")
            etree.SubElement(group, "customproperties")
        kind = kinds[index % len(kinds)]
        name = rng.choice(names[kind])
        key = rng.choice(KEYS)
        layer_id = f"couche_{index:05d}_{rng.getrandbits(64):016x}"
        source = _source(kind, name, key)
        layer = copy.deepcopy(templates[kind])
        layer.find("id").text = layer_id
        layer.find("datasource").text = source
        layer.find("layername").text = f"{name} ({index})"
        project_layers.append(layer)
        node = etree.SubElement(group, "layer-tree-layer", id=layer_id, name=f"{name} ({index})", source=source)
        node.set("providerKey", templates[kind].findtext("provider") or "wms")
        node.set("checked", "Qt::Checked" if index % 7 == 0 else "Qt::Unchecked")
        node.set("expanded", "0")
        etree.SubElement(node, "customproperties")
        if order is not None:
            etree.SubElement(order, "layer", id=layer_id)

    data = etree.tostring(root, encoding="UTF-8", xml_declaration=False)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(member.replace(DEMO.stem, path.stem), data)


def _measure(command: list[str]) -> dict:
    out = subprocess.run([sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, check=True)
    result = json.loads(out.stdout)
    if result["returncode"] != 0:
        raise SystemExit(f"command failed ({result['returncode']}): {' '.join(command)}")
    return result


def _best(command: list[str], runs: int, before=None) -> dict:  # noqa: ANN001
    results = []
    for _ in range(runs):
        if before:
            before()
        results.append(_measure(command))
    best = min(results, key=lambda r: r["seconds"])
    return {
        "seconds": best["seconds"],
        "all_seconds": [round(r["seconds"], 3) for r in results],
        "peak_mb": max(r["max_rss_kb"] for r in results) / 1024,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--layers", type=int, default=10_000, help="layers in the generated project")
    parser.add_argument("--runs", type=int, default=3, help="runs of each command; the best time counts")
    args = parser.parse_args(argv)

    BENCH.mkdir(exist_ok=True)
    project = BENCH / f"projet_{args.layers}_couches.qgz"
    build_project(project, args.layers)
    with zipfile.ZipFile(project) as archive:
        qgs_mb = sum(info.file_size for info in archive.infolist()) / 1e6
    print(
        f"project: {project.relative_to(ROOT)} — {args.layers} layers, {project.stat().st_size / 1e6:.1f} MB zipped, "
        f"{qgs_mb:.1f} MB of XML ({qgs_mb * 1000 / args.layers:.1f} kB per layer)"
    )

    out_dir = BENCH / "out"

    def clean_output() -> None:
        for child in out_dir.glob("*") if out_dir.is_dir() else ():
            if child.is_file():
                child.unlink()

    python = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else sys.executable
    cli = [python, str(ROOT / "gpf-bascule"), "migrate", str(project), "--output-dir", str(out_dir)]
    floor = [python, "-c", FLOOR, str(project), str(BENCH / "floor.qgz")]

    floor_result = _best(floor, args.runs)
    cli_result = _best(cli, args.runs, before=clean_output)
    migrated = out_dir / project.name
    if not migrated.is_file():
        raise SystemExit("the command line wrote no output project")
    with zipfile.ZipFile(migrated) as archive:
        text = archive.read(archive.namelist()[0])
    remaining = len(re.findall(rb"<datasource>[^<]*wxs\.ign\.fr", text))

    ratio = cli_result["seconds"] / floor_result["seconds"]
    print(
        f"floor (unzip + lxml parse + serialise + zip): {floor_result['seconds']:.2f} s  "
        f"runs {floor_result['all_seconds']}  peak {floor_result['peak_mb']:.0f} MB"
    )
    print(
        f"gpf-bascule migrate --output-dir:              {cli_result['seconds']:.2f} s  "
        f"runs {cli_result['all_seconds']}  peak {cli_result['peak_mb']:.0f} MB"
    )
    print(
        f"ratio: {ratio:.2f} (goal <= {TIME_GOAL})   peak memory: CLI {cli_result['peak_mb']:.0f} MB "
        f"(goal <= {MEMORY_GOAL_MB} MB), floor {floor_result['peak_mb']:.0f} MB   "
        f"data sources still on wxs.ign.fr: {remaining}"
    )
    bare = BENCH / "bare" / project.with_suffix(".qgs").name  # the same project as an unzipped .qgs
    bare.parent.mkdir(exist_ok=True)
    with zipfile.ZipFile(project) as archive:
        bare.write_bytes(archive.read(archive.namelist()[0]))
    bare_result = _best([python, str(ROOT / "gpf-bascule"), "migrate", str(bare), "--output-dir", str(out_dir)],
                        args.runs, before=clean_output)
    print(
        f"same project as a bare .qgs ({bare.stat().st_size / 1e6:.1f} MB):       {bare_result['seconds']:.2f} s  "
        f"runs {bare_result['all_seconds']}  peak {bare_result['peak_mb']:.0f} MB"
    )
    summary = {
        "layers": args.layers,
        "bare_qgs": bare_result,
        "qgs_mb": round(qgs_mb, 1),
        "floor": floor_result,
        "cli": cli_result,
        "ratio": round(ratio, 2),
        "time_goal_met": ratio <= TIME_GOAL,
        "memory_goal_met": cli_result["peak_mb"] <= MEMORY_GOAL_MB,
        "sources_left_on_wxs": remaining,
        "python": python,
        "cpu_count": os.cpu_count(),
    }
    (BENCH / "result.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
