"""`gpf-bascule catalog`: print the catalogue in use, or build a snapshot from GPF documents.

Kept out of cli.py so that `migrate` loads none of it. Exit status: 0 done, 1 the snapshot or the source
could not be read (or gave no layer at all), 2 usage errors.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from datetime import datetime, timezone

from .entry import SERVICE_LABELS, SERVICES, Catalog


def run_catalog(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    if args.build:
        if not args.output:
            print("error: --build demande --output FICHIER", file=sys.stderr)
            return 2
        return _build(args.source, args.output)
    if args.source or args.output:
        print("error: --source et --output ne vont qu'avec --build", file=sys.stderr)
        return 2
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
        document = {
            "generated": catalog.generated,
            "services": [vars(status) for status in catalog.services],
            "layers": [entry.to_json() for entry in layers],
        }
        # A reader that goes away (`| head`) is cli.main's to handle, as for every subcommand.
        json.dump(document, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        sys.stdout.flush()
        return 0
    _print_table(catalog, layers, args.search)
    return 0


def _print_table(catalog: Catalog, layers: list, query: str | None) -> None:
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
    themes = Counter(theme for entry in layers for theme in entry.themes)
    if themes:
        columns = [s for s in SERVICES if by_service.get(s)]
        print(f"\n{'Thème':<20}" + "".join(f"{s:>8}" for s in columns) + f"{'total':>8}")
        per = Counter((theme, entry.service) for entry in layers for theme in entry.themes)
        for theme, total in sorted(themes.items(), key=lambda item: (-item[1], item[0])):
            print(f"{theme:<20}" + "".join(f"{per.get((theme, s), 0):>8}" for s in columns) + f"{total:>8}")
    if query:
        print()
        for entry in layers[:50]:
            print(f"  {entry.service:<6} {entry.name}  —  {entry.title}")
        if len(layers) > 50:
            print(f"  … et {len(layers) - 50} autres (--json pour tout voir)")


def _generated(labels: dict[str, str], from_folder: bool) -> str:
    """A folder's catalogue is dated by its newest recorded document (file names carry YYYY-MM-DD), so
    that rebuilding the bundled snapshot from the same files gives the same bytes."""
    if from_folder:
        dates = sorted(d for label in labels.values() for d in re.findall(r"(\d{4}-\d{2}-\d{2})", label))
        if dates:
            return f"{dates[-1]}T00:00:00+00:00"
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _build(source: str | None, output: str) -> int:
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
    return 0
