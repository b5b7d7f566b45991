#!/usr/bin/env python3
"""Rebuild catalog/ign_catalogue.csv from IGN's own catalogues in the recorded GPF data (run by `make catalog`).

Two IGN lists name layers with a title and a subject; the catalogue builder and the refresh read the extract
(they run without the recorded data):
- gpf_idg_catalogue_2025-01-03.csv (IGN's GPF catalogue project for the IDG plugin): service, layer, title and
  the keyword IGN groups it under (group path "WFS Layers / Ecologie" → "Ecologie"). It is also the only
  record of the whole WMS vecteur layer list (479 names with titles).
- gpf_layers_thematic_entreeCarto_2026-06-15.csv (cartes.gouv.fr): the ISO 19115 topic of 799 layers.

Output columns: service (wmts, wms-r, wms-v, wfs, tms), layer, title, keyword path (from the IDG catalogue), topic
(from cartes.gouv.fr). One row per (service, layer); a layer IGN lists under several keywords keeps the first
keyword that is not a catch-all; a row only cartes.gouv.fr gives has its title from there.
"""

from __future__ import annotations

import csv
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "catalog" / "ign_catalogue.csv"
IDG = "gpf_idg_catalogue_2025-01-03.csv"
THEMATIC = "gpf_layers_thematic_entreeCarto_2026-06-15.csv"
GENERIC_KEYWORDS = {"other", "défaut", "defaut", "features", "wfs", "wms", ""}  # IGN's catch-alls: no subject
THEMATIC_SERVICES = {"OGC:WMTS": ("wmts",), "OGC:WMS": ("wms-r", "wms-v"), "GPP:TMS": ("tms",)}


def keyword(group_path: str) -> str:
    """`WMSV Layers / OTHER / Cours d'eau` → `Cours d'eau`: IGN's keyword path without the service and the
    catch-alls (`Occupation du sol / CORINE Land Cover - 2018` keeps both levels)."""
    parts = [part.strip() for part in group_path.split(" / ")[1:]]
    return " / ".join(part for part in parts if part.casefold() not in GENERIC_KEYWORDS)


def build(data_dir: Path) -> list[dict[str, str]]:
    rows: dict[tuple[str, str], dict[str, str]] = {}
    with (data_dir / IDG).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            key = (row["service"], row["layer"])
            found = rows.get(key)
            word = keyword(row["group_path"])
            if found is None:
                rows[key] = {"service": row["service"], "layer": row["layer"], "title": row["title"].strip(),
                             "keyword": word, "topic": ""}
            elif not found["keyword"] and word:
                found["keyword"] = word
    with (data_dir / THEMATIC).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            topic = row["thematic"].strip()
            for service in THEMATIC_SERVICES.get(row["service"], ()):
                key = (service, row["name"])
                if key not in rows:
                    if service == "wms-v":
                        continue  # a WMS row of cartes.gouv.fr is kept once, as WMS raster unless IGN says vector
                    rows[key] = {"service": service, "layer": row["name"], "title": row["title"].strip(),
                                 "keyword": "", "topic": ""}
                rows[key]["topic"] = topic
    return sorted(rows.values(), key=lambda r: (r["service"], r["layer"]))


def main() -> int:
    data_dir = Path(sys.argv[1] if len(sys.argv) > 1 else os.environ.get("GPF_SHARED_DATA", ROOT.parent / "shared"
                                                                          / "gpf-data")) / "mapping"
    if not (data_dir / IDG).is_file():
        print(f"error: {data_dir / IDG} introuvable", file=sys.stderr)
        return 1
    rows = build(data_dir)
    tmp = OUTPUT.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, ["service", "layer", "title", "keyword", "topic"],
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    tmp.replace(OUTPUT)
    print(f"{len(rows)} couches → {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
