"""`gpf-bascule catalog`: print the catalogue in use, or build a snapshot from GPF documents.

Kept out of cli.py so that `migrate` loads none of it. Exit status: 0 done, 1 the snapshot or the source
could not be read (or gave no layer at all), 2 usage errors.
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

    from .entry import Catalog

# `catalog --json` is what scripts call: it reads the snapshot's JSON and writes it out again without building
# the catalogue's objects (no dataclasses, no entry module: each costs more than the whole copy). Every key
# CatalogEntry.to_json writes, in its order, with the value an absent key stands for (tests pin the equality).
JSON_DEFAULTS = {
    "service": "", "name": "", "title": "", "provider": "", "uri": "", "themes": ["autres"], "abstract": "",
    "bbox": None, "metadata_url": "", "needs_key": False, "crs": "", "note": "", "sandbox": False,
    "crs_options": [], "keywords": [],
}
_STATUS_KEYS = ("service", "status", "source", "error", "count", "parser", "note")


def run_catalog(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    if args.build:
        if not args.output:
            print("error: --build demande --output FICHIER", file=sys.stderr)
            return 2
        return _build(args.source, args.output)
    if args.source or args.output:
        print("error: --source et --output ne vont qu'avec --build", file=sys.stderr)
        return 2
    if args.json and not args.search and write_fast_json(args.snapshot):
        return 0
    from .snapshot import load_snapshot

    try:
        catalog = load_snapshot(args.snapshot)
    except (OSError, ValueError) as error:
        print(f"error: catalogue illisible : {getattr(error, 'strerror', None) or error}"
              + (f" ({args.snapshot})" if isinstance(error, OSError) and args.snapshot else ""), file=sys.stderr)
        return 1
    layers = list(catalog.layers)
    if args.search:
        from .search import SearchIndex

        layers = SearchIndex(layers).search(args.search)
    if args.json:
        # A reader that goes away (`| head`) is cli.main's to handle, as for every subcommand.
        sys.stdout.write(json_document(catalog, layers))
        sys.stdout.flush()
        return 0
    _print_table(catalog, layers, args.search)
    return 0


def write_fast_json(path: str | None) -> bool:
    """`--json` written straight from the snapshot file, in one write (a reader that goes away, `| head`, is
    cli.main's to handle); False, with nothing written, when the file needs the ordinary path."""
    text = fast_json(path)
    if text is None:
        return False
    sys.stdout.write(text)
    sys.stdout.flush()
    return True


def fast_json(path: str | None) -> str | None:
    """The `--json` text straight from the snapshot file, or None when the file is not a plain, well-formed
    snapshot (the ordinary path then reads it and says what is wrong)."""
    import zlib  # gzip's own module costs more to import than the whole decompression
    from pathlib import Path

    snapshot = Path(path) if path else Path(__file__).resolve().parent.parent / "resources" / "catalog" / \
        "gpf_catalog.json.gz"  # catalog/snapshot.py BUNDLED, without importing the catalogue's classes
    try:
        raw = snapshot.read_bytes()
        data = json.loads(zlib.decompress(raw, 31) if raw[:2] == b"\x1f\x8b" else raw)  # 31: a gzip stream
    except (OSError, ValueError, zlib.error):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("layers"), list):
        return None
    layers = []
    defaults, required = JSON_DEFAULTS, {"service", "name", "provider", "uri"}
    for layer in data["layers"]:
        if not isinstance(layer, dict) or not required <= layer.keys():
            return None
        entry = {**defaults, **layer}
        if not entry["title"]:
            entry["title"] = entry["name"]
        if not entry["themes"]:
            entry["themes"] = ["autres"]
        if not entry["crs_options"] and entry["crs"]:
            entry["crs_options"] = [entry["crs"]]
        layers.append(entry)
    statuses = [{key: status.get(key, "" if key != "count" else 0) for key in _STATUS_KEYS}
                for status in data.get("services") or () if isinstance(status, dict)]
    return _document(data.get("generated", ""), statuses, layers)


def _document(generated: str, statuses: list, layers: list) -> str:
    """`{"generated", "services", "layers"}` as one text, for one write.

    json.dump with `indent` runs the pure-Python encoder and hands the stream ~100,000 pieces; one json.dumps
    without indent runs the C encoder over everything. Non-ASCII characters are written as JSON escapes
    (`\\u00e9`): the same strings for any JSON reader, the C encoder's fastest form, and no console encoding
    can refuse them.
    """
    return json.dumps({"generated": generated, "services": statuses, "layers": layers}) + "\n"


def json_document(catalog: Catalog, layers) -> str:
    """The `--json` text of catalogue entries (after a search)."""
    return _document(catalog.generated, [vars(status) for status in catalog.services],
                     [entry.to_json() for entry in layers])


def shares(layers) -> tuple[int, int, int]:
    """(layers, layers under no subject theme (« Autres »), test and demo layers) of a list of entries."""
    from .themes import other_share, sandbox_count

    other, total = other_share(layers)
    return total, other, sandbox_count(layers)


def _print_table(catalog: Catalog, layers: list, query: str | None) -> None:
    from collections import Counter

    from .entry import SERVICE_LABELS, SERVICES

    print(f"Catalogue de la Géoplateforme — généré le {catalog.generated or 'date inconnue'}")
    for status in catalog.services:
        detail = f"{status.count} couches" if status.status == "ok" else status.error
        extra = f" [{status.parser}]" if status.parser else ""
        print(f"  {status.service:<9} {status.status:<7} {detail}{extra}")
    by_service = Counter(entry.service for entry in layers)
    keys = sum(entry.needs_key for entry in layers)
    title = f"Couches « {query} »" if query else "Couches"
    print(f"\n{title} : {len(layers)} (dont {keys} sous licence, clé requise)")
    for service in SERVICES:
        print(f"  {SERVICE_LABELS[service]:<27} {by_service.get(service, 0):>5}")
    total, other, sandbox = shares(layers)
    if total:
        print(f"  {'sous « Autres » (aucun thème)':<27} {other:>5} ({other / total:.1%})")
        print(f"  {'couches de test (masquées)':<27} {sandbox:>5} ({sandbox / total:.1%})")
    themes = Counter(theme for entry in layers for theme in entry.themes)
    if themes:
        columns = [s for s in SERVICES if by_service.get(s)]
        from .themes import theme_label

        labels = {theme: _cut(str(theme_label(theme)), 44) for theme in themes}
        width = max(len("Thème"), *map(len, labels.values())) + 2
        print(f"\n{'Thème':<{width}}" + "".join(f"{s:>8}" for s in columns) + f"{'total':>8}")
        per = Counter((theme, entry.service) for entry in layers for theme in entry.themes)
        for theme, total in sorted(themes.items(), key=lambda item: (-item[1], item[0])):
            print(f"{labels[theme]:<{width}}" + "".join(f"{per.get((theme, s), 0):>8}" for s in columns)
                  + f"{total:>8}")
    if query:
        print()
        for entry in layers[:50]:
            print(f"  {entry.service:<6} {entry.name}  —  {entry.title}")
        if len(layers) > 50:
            print(f"  … et {len(layers) - 50} autres (--json pour tout voir)")


def _generated(labels: dict[str, str], from_folder: bool) -> str:
    """A folder's catalogue is dated by its newest recorded document (file names carry YYYY-MM-DD), so
    that rebuilding the bundled snapshot from the same files gives the same bytes."""
    import re
    from datetime import datetime, timezone

    if from_folder:
        dates = sorted(d for label in labels.values() for d in re.findall(r"(\d{4}-\d{2}-\d{2})", label))
        if dates:
            return f"{dates[-1]}T00:00:00+00:00"
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _build(source: str | None, output: str) -> int:
    from collections import Counter

    from .entry import SERVICES
    from .parse import build_catalog
    from .snapshot import save_snapshot
    from .sources import SourceError, load

    try:
        documents = load(source)
    except SourceError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    from_folder = bool(source) and not str(source).startswith(("http://", "https://"))
    catalog = build_catalog(documents.data, _generated(documents.labels, from_folder), documents.labels,
                            documents.errors)
    for status in catalog.services:
        if status.status == "error":
            print(f"warning: {status.service} : {status.error}" + (f" ({status.source})" if status.source else ""),
                  file=sys.stderr)
        elif status.note:
            print(f"note: {status.service} : {status.note}")
    for line in documents.ignored:
        print(f"note: {line}")
    if not catalog.layers:
        print("error: aucune couche lue : instantané non écrit", file=sys.stderr)
        return 1
    try:
        save_snapshot(catalog, output)
    except OSError as error:
        print(f"error: {output} : écriture impossible ({error.strerror or error})", file=sys.stderr)
        return 1
    counts = Counter(entry.service for entry in catalog.layers)
    print(f"{len(catalog.layers)} couches ({', '.join(f'{s} {counts.get(s, 0)}' for s in SERVICES)}) → {output}")
    total, other, sandbox = shares(catalog.layers)
    print(f"« Autres » (aucun thème) : {other} ({other / total:.1%}) ; couches de test : {sandbox} "
          f"({sandbox / total:.1%})")
    return 0


def _cut(text: str, size: int) -> str:
    """A label kept to one table cell."""
    return text if len(text) <= size else text[: size - 1] + "…"
