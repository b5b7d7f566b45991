#!/usr/bin/env python3
"""Derive the registry's table of GPF layer facts from the recorded GPF documents.

The engine must name a style, TileMatrixSet and format that GPF really links to each layer, and only
migrate to layers that exist. Those facts come from GetCapabilities documents, read by the catalogue's
parser (catalog/capabilities.py, catalog/parse.py: one parser for the engine and the catalogue, so they
cannot disagree); this script reads the recorded ones (../shared/gpf-data) and writes
`mapping/registry/gpf_layers.csv` and `wmts_style_renames.csv`, committed so that the engine needs neither
the network nor the shared folder. No WMS vecteur capabilities were recorded: its layers are those of IGN's
services list (through the catalogue's parser) and of IGN's own GPF catalogue project of January 2025
(`mapping/gpf_idg_catalogue_2025-01-03.csv`, every layer a ready data.geopf.fr/wms-v source), each row naming
the documents that list it in `evidence`. Run it again (`make registry`) when newer recorded documents arrive, and
review the diff.

Usage: tools/build_registry.py [--data DIR] [--output DIR]
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "gpf-data"
DEFAULT_OUTPUT = ROOT / "mapping" / "registry"

#: IGN's GPF catalogue project for its IDG plugin (2025-01-03), extracted: the fullest evidence of the WMS-V layers.
IDG_CATALOGUE = "gpf_idg_catalogue_2025-01-03.csv"
COLUMNS = ["service", "name", "access", "tile_matrix_sets", "crs", "styles", "formats", "evidence"]
SEP = "|"  # list separator inside a cell: style names may contain spaces


def _load_package() -> None:
    """Import the checkout as `gpf_bascule` (this script runs outside any installed package)."""
    import runpy

    runpy.run_path(str(ROOT / "gpf-bascule"), run_name="gpf_bascule_loader")["load_package"]()


def layer_row(layer) -> dict:
    """One registry row from the catalogue's parser facts (catalog.capabilities.LayerFacts).

    The CRS column is the WMTS matrix set's CRS (the engine reprojects a WMTS layer with it); WMS and WFS
    sources keep their own CRS, so it stays empty for them, as before.
    """
    return {
        "service": layer.service,
        "name": layer.name,
        "access": layer.access,
        "tile_matrix_sets": SEP.join(layer.tile_matrix_sets),
        "crs": layer.crs if layer.service == "wmts" else "",
        "styles": SEP.join(layer.styles) if layer.service in ("wmts", "wms-r", "tms") else "",
        "formats": SEP.join(layer.formats) if layer.service in ("wmts", "wms-r") else "",
        "evidence": layer.evidence,
    }


def build(data: Path) -> list[dict]:
    """Every GPF layer fact, read by the catalogue's own parser from the recorded documents under `data`."""
    _load_package()
    from gpf_bascule.catalog.parse import read_facts
    from gpf_bascule.catalog.sources import from_directory

    documents = from_directory(data)
    facts = read_facts(documents.data, documents.labels, documents.errors)
    failed = [f"{s.service}: {s.error}" for s in facts.statuses.values() if s.status == "error"]
    if failed:
        raise SystemExit("error: unreadable GPF documents: " + "; ".join(failed))
    rows = [layer_row(layer) for layer in facts.layers]
    unique = {(r["service"], r["name"], r["access"]): r for r in rows}
    for name in wms_v_catalogue_names(data / "mapping" / IDG_CATALOGUE):
        known = unique.get(("wms-v", name, "free"))
        if known is None:
            unique[("wms-v", name, "free")] = {"service": "wms-v", "name": name, "access": "free",
                                               "evidence": IDG_CATALOGUE}
        elif IDG_CATALOGUE not in known["evidence"]:
            known["evidence"] = f"{known['evidence']}; {IDG_CATALOGUE}"
    return sorted(unique.values(), key=lambda r: (r["service"], r["name"], r["access"]))


def wms_v_catalogue_names(path: Path) -> list[str]:
    """The distinct WMS vecteur layer names of IGN's GPF catalogue project (none when the file is absent)."""
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        names = {row["layer"].strip() for row in csv.DictReader(handle) if row["service"] == "wms-v"}
    return sorted(name for name in names if name)


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
