#!/usr/bin/env python3
"""Derive the registry's table of GPF layer facts from the recorded GPF documents.

The engine must name a style, TileMatrixSet and format that GPF really links to each layer, and only
migrate to layers that exist. Those facts come from GetCapabilities documents; this script reads the
recorded ones (../shared/gpf-data) and writes `mapping/registry/gpf_layers.csv` and `wmts_style_renames.csv`,
which are committed so that the engine needs neither the network nor the shared folder. Run it again
(`make registry`) when newer recorded documents arrive, and review the diff.

Usage: tools/build_registry.py [--data DIR] [--output DIR]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "gpf-data"
DEFAULT_OUTPUT = ROOT / "mapping" / "registry"

NS = {
    "wmts": "http://www.opengis.net/wmts/1.0",
    "ows": "http://www.opengis.net/ows/1.1",
    "wms": "http://www.opengis.net/wms",
    "wfs": "http://www.opengis.net/wfs/2.0",
}
COLUMNS = ["service", "name", "access", "tile_matrix_sets", "crs", "styles", "formats", "evidence"]
SEP = "|"  # list separator inside a cell: style names may contain spaces
CRS_ALIASES = {"IGNF:LAMB93": "EPSG:2154", "IGNF:WGS84G": "EPSG:4326"}


def _parse(path: Path) -> etree._ElementTree:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    return etree.parse(str(path), parser)


def _default_first(styles: list[tuple[str, bool]]) -> list[str]:
    return [name for name, default in styles if default] + [name for name, default in styles if not default]


def wmts_rows(path: Path, access: str = "free") -> list[dict]:
    tree = _parse(path)
    set_crs = {
        tms.findtext("ows:Identifier", namespaces=NS): tms.findtext("ows:SupportedCRS", namespaces=NS)
        for tms in tree.iterfind(".//wmts:Contents/wmts:TileMatrixSet", NS)
    }
    rows = []
    for layer in tree.iterfind(".//wmts:Contents/wmts:Layer", NS):
        sets = [e.text for e in layer.iterfind("wmts:TileMatrixSetLink/wmts:TileMatrixSet", NS)]
        styles = [
            (s.findtext("ows:Identifier", namespaces=NS), s.get("isDefault") == "true")
            for s in layer.iterfind("wmts:Style", NS)
        ]
        crs = set_crs.get(sets[0], "") if sets else ""
        rows.append(
            {
                "service": "wmts",
                "name": layer.findtext("ows:Identifier", namespaces=NS),
                "access": access,
                "tile_matrix_sets": SEP.join(sets),
                "crs": CRS_ALIASES.get(crs, crs),
                "styles": SEP.join(_default_first(styles)),
                "formats": SEP.join(e.text for e in layer.iterfind("wmts:Format", NS)),
                "evidence": path.name,
            }
        )
    return rows


def wms_r_rows(path: Path) -> list[dict]:
    tree = _parse(path)
    rows = []
    for layer in tree.iterfind(".//wms:Layer[wms:Name]", NS):
        rows.append(
            {
                "service": "wms-r",
                "name": layer.findtext("wms:Name", namespaces=NS),
                "access": "free",
                "styles": SEP.join(s.findtext("wms:Name", namespaces=NS) for s in layer.iterfind("wms:Style", NS)),
                "formats": SEP.join(e.text for e in tree.iterfind(".//wms:GetMap/wms:Format", NS)),
                "evidence": path.name,
            }
        )
    return rows


def wfs_rows(path: Path) -> list[dict]:
    tree = _parse(path)
    return [
        {"service": "wfs", "name": name, "access": "free", "evidence": path.name}
        for name in (e.text for e in tree.iterfind(".//wfs:FeatureType/wfs:Name", NS))
    ]


def services_list_rows(path: Path, wms_r_names: set[str]) -> list[dict]:
    """WMS-V and TMS layers: no capabilities were recorded, IGN's official services list names them."""
    rows, seen = [], set()
    with path.open(encoding="utf-8") as handle:
        for record in csv.DictReader(handle):
            service = {"WMS": "wms-v", "TMS": "tms"}.get(record["service"])
            name = record["layer"]
            if not service or (service == "wms-v" and name in wms_r_names) or (service, name) in seen:
                continue
            seen.add((service, name))
            rows.append({"service": service, "name": name, "access": "free", "evidence": path.name})
    return rows


def private_rows(path: Path) -> list[dict]:
    """Non-free SCAN layers under data.geopf.fr/private (IGN's configuration for the test key)."""
    config = json.loads(path.read_text(encoding="utf-8"))
    rows = []
    for key, layer in config["layers"].items():
        service = {"GEOPORTAIL:OGC:WMTS": "wmts", "GEOPORTAIL:OGC:WMS": "wms-r"}.get(key.split("$", 1)[1])
        if not service:
            continue
        wmts = layer.get("wmtsOptions") or {}
        projection = layer.get("defaultProjection", "")
        styles = [(s["name"], bool(s.get("current"))) for s in layer.get("styles", [])]
        rows.append(
            {
                "service": service,
                "name": layer["name"],
                "access": "private",
                "tile_matrix_sets": wmts.get("tileMatrixSetLink", ""),
                "crs": CRS_ALIASES.get(projection, projection) if service == "wmts" else "",
                "styles": SEP.join(_default_first(styles)),
                "formats": SEP.join(f["name"] for f in layer.get("formats", [])),
                "evidence": path.name,
            }
        )
    return rows


def tms_style_rows(caps: Path) -> dict[str, str]:
    """Style names of the TMS layers whose TileMap document was recorded (e.g. PLAN.IGN → standard ...)."""
    styles = {}
    for path in sorted(caps.glob("gpf_tms_TileMap_*.xml")):
        tree = _parse(path)
        urls = [e.get("href") or "" for e in tree.iter("{*}Metadata")]
        names = [Path(url).stem for url in urls if "/vectorTiles/styles/" in url and url.endswith(".json")]
        default = [n for n in names if n == "standard"]
        styles[path.stem.removeprefix("gpf_tms_TileMap_")] = SEP.join(default + [n for n in names if n not in default])
    return styles


def style_rename_rows(path: Path, layers: list[dict]) -> list[dict]:
    """Old WMTS styles GPF no longer links to a layer: they become the layer's GPF default style."""
    gpf = {r["name"]: r["styles"].split(SEP) for r in layers if r["service"] == "wmts" and r["access"] == "free"}
    rows = []
    with path.open(encoding="utf-8") as handle:
        for record in csv.DictReader(handle):
            styles = gpf.get(record["layer"])
            if record["in_wxs_2023_05"] != "True" or not styles:
                continue
            old_styles = record["old_styles"]  # space-separated, yet some style names hold spaces
            for old in [old_styles] if old_styles in styles else old_styles.split(" ") if old_styles else []:
                if old and old not in styles:
                    rows.append({"layer": record["layer"], "old_style": old, "new_style": styles[0],
                                 "evidence": f"{path.name}; gpf_wmts_2024-06-06.xml"})
    return rows


def build(data: Path) -> list[dict]:
    caps = data / "capabilities"
    mapping = data / "mapping"
    wms_r = wms_r_rows(caps / "gpf_wms-r_2024-06-06.xml")
    rows = (
        wmts_rows(caps / "gpf_wmts_2024-06-06.xml")
        + wms_r
        + wfs_rows(caps / "gpf_wfs_2025-06-25.xml")
        + services_list_rows(mapping / "gpf_services_by_theme.csv", {r["name"] for r in wms_r})
        + private_rows(mapping / "gpf_private_scan_config.json")
    )
    tms_styles = tms_style_rows(caps)
    for row in rows:
        if row["service"] == "tms" and row["name"] in tms_styles:
            row["styles"] = tms_styles[row["name"]]
            row["evidence"] += " + gpf_tms_TileMap_" + row["name"] + ".xml"
    unique = {(r["service"], r["name"], r["access"]): r for r in rows}
    return sorted(unique.values(), key=lambda r: (r["service"], r["name"], r["access"]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"error: recorded GPF data not found: {args.data}", file=sys.stderr)
        return 2
    layers = build(args.data)
    renames = style_rename_rows(args.data / "mapping" / "wmts_layers_old_vs_gpf_tms_styles.csv", layers)
    args.output.mkdir(parents=True, exist_ok=True)
    _write(args.output / "gpf_layers.csv", COLUMNS, layers)
    _write(args.output / "wmts_style_renames.csv", ["layer", "old_style", "new_style", "evidence"], renames)
    print(f"{len(layers)} GPF layer facts and {len(renames)} WMTS style renames written to {args.output}")
    return 0


def _write(path: Path, columns: list[str], rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows({c: r.get(c, "") for c in columns} for r in rows)


if __name__ == "__main__":
    sys.exit(main())
