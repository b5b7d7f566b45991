#!/usr/bin/env python3
"""Write docs/registre.md from the registry CSV files, so that the documentation cannot drift from the rules.

The page is generated, never edited by hand: `make docs` rewrites it, and a unit test fails when the committed
page differs from what the registry gives (someone changed a rule without regenerating).

Usage: tools/registry_doc.py [--output FILE]   (default: docs/registre.md)
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REGISTRY_DIR = ROOT / "mapping" / "registry"
DEFAULT_OUTPUT = ROOT / "docs" / "registre.md"
SERVICE_LABELS = {
    "wmts": "WMTS", "wms-r": "WMS raster", "wms-v": "WMS vecteur", "wfs": "WFS", "tms": "TMS (tuiles vectorielles)",
    "csw": "CSW (catalogue)", "vt-resources": "ressources des tuiles vectorielles",
}


def _rows(name: str, directory: Path) -> list[dict[str, str]]:
    with (directory / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def cell(value: str) -> str:
    """A Markdown table cell: one line, pipes escaped."""
    return " ".join(value.split()).replace("|", "\\|")


def code(value: str) -> str:
    """A code span in a table cell ("—" when empty)."""
    return f"`{cell(value)}`" if value else "—"


def readable_path(pattern: str) -> str:
    """The endpoint's path regex as people write the address: the key becomes {clé}, optional parts [..]."""
    text = pattern.replace("(?P<key>[^/]+)", "{clé}")
    text = re.sub(r"\(\?:([^()]*)\)\?", r"[\1]", text)
    text = re.sub(r"\(\?:([^()]*)\)", r"(\1)", text)
    return text.replace("\\.", ".")


def table(headers: Iterable[str], rows: Iterable[Iterable[str]]) -> list[str]:
    headers = list(headers)
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return lines


def label(service: str) -> str:
    return SERVICE_LABELS.get(service, service)


def render(directory: Path = REGISTRY_DIR) -> str:
    """The whole page, deterministic (registry order, no date) so that the comparison test is exact."""
    endpoints = _rows("endpoints.csv", directory)
    services = _rows("gpf_services.csv", directory)
    layers = _rows("gpf_layers.csv", directory)
    rules = _rows("layer_rules.csv", directory)
    styles = _rows("wmts_style_renames.csv", directory)
    vt_styles = _rows("vectortile_styles.csv", directory)
    replacements = _rows("replacements.csv", directory)
    renames = [r for r in rules if r["decision"] == "rename"]
    removals = [r for r in rules if r["decision"] == "removed"]
    service_order = [s["service"] for s in services]

    out: list[str] = [
        "# Registre de correspondances (Correspondence registry)",
        "",
        "<!-- Généré par tools/registry_doc.py (make docs) à partir de mapping/registry/*.csv : ne pas modifier à la"
        " main. Generated from the registry: do not edit. -->",
        "",
        "Tout ce que GPF Bascule sait du passage des anciens services Géoportail à la Géoplateforme est dans les"
        " fichiers CSV de `mapping/registry/`. Cette page en est la transcription complète, régénérée par"
        " `make docs` ; un test vérifie qu'elle correspond au registre.",
        "",
        "*(English: every rule of the registry, with its evidence, generated from the CSV files by `make docs`.)*",
        "",
        "## En bref (Summary)",
        "",
    ]
    out += table(("contenu", "nombre"), [
        ("anciennes adresses (`endpoints.csv`)", str(len(endpoints))),
        ("services de la Géoplateforme (`gpf_services.csv`)", str(len(services))),
        ("couches publiées par la Géoplateforme (`gpf_layers.csv`)", str(len(layers))),
        ("couches renommées ou déplacées (`layer_rules.csv`, `rename`)", str(len(renames))),
        ("couches sans équivalent (`layer_rules.csv`, `removed`)", str(len(removals))),
        ("remplacements proposés (`replacements.csv`)", str(len(replacements))),
        ("styles WMTS renommés (`wmts_style_renames.csv`)", str(len(styles))),
        ("styles de tuiles vectorielles renommés (`vectortile_styles.csv`)", str(len(vt_styles))),
    ])

    out += ["", "## Anciennes adresses (Endpoint rules)", "",
            "Un ancien hôte et un chemin mènent à un service de la Géoplateforme ; la clé Géoportail du chemin"
            " (`{clé}`) est retirée. Le chemin est une expression régulière, ici sous sa forme lisible et exacte.", ""]
    free_urls = {s["service"]: s["free_url"] for s in services}
    out += table(
        ("id", "ancienne adresse", "motif exact", "service", "nouvelle adresse", "preuve (evidence)"),
        ((code(e["id"]), code(f"{e['host']}/{readable_path(e['path'])}"), code(e["path"]), cell(label(e["service"])),
          code(free_urls.get(e["service"], "")), cell(e["evidence"])) for e in endpoints),
    )

    out += ["", "## Services de la Géoplateforme (GPF services)", "",
            "Adresse libre et adresse privée (clé personnelle cartes.gouv.fr) de chaque service.", ""]
    out += table(
        ("service", "adresse libre", "adresse privée", "preuve (evidence)"),
        ((cell(label(s["service"])), code(s["free_url"]), code(s["private_url"]), cell(s["evidence"]))
         for s in services),
    )

    out += ["", "## Couches publiées par service (GPF layer facts)", "",
            "Dérivé des documents GetCapabilities enregistrés par `tools/build_registry.py` (`make registry`) ;"
            " jamais modifié à la main. Aucune capacité du WMS vecteur n'a été enregistrée : ses couches sont"
            " celles de la liste des services de l'IGN et du projet catalogue GPF de l'IGN du 3 janvier 2025"
            " (`gpf_idg_catalogue_2025-01-03.csv`), chaque ligne nommant ses preuves dans la colonne `evidence`.",
            ""]
    counts = Counter((r["service"], r["access"]) for r in layers)
    layer_services = [s for s in service_order if any(k[0] == s for k in counts)]
    layer_services += sorted({k[0] for k in counts} - set(layer_services))
    out += table(
        ("service", "libres", "sous licence", "total"),
        [(cell(label(s)), str(counts[(s, "free")]), str(counts[(s, "private")]),
          str(sum(n for (svc, _), n in counts.items() if svc == s))) for s in layer_services]
        + [("**total**", str(sum(n for (_, a), n in counts.items() if a == "free")),
            str(sum(n for (_, a), n in counts.items() if a == "private")), str(len(layers)))],
    )
    wms_v = [r for r in layers if r["service"] == "wms-v"]
    if wms_v:
        evidence = Counter(part.strip() for r in wms_v for part in r["evidence"].split(";") if part.strip())
        out += ["", f"Preuves des {len(wms_v)} couches du WMS vecteur (une couche peut en avoir plusieurs) :", ""]
        out += table(("preuve (evidence)", "couches"),
                     [(cell(name), str(n)) for name, n in sorted(evidence.items(), key=lambda kv: (-kv[1], kv[0]))])

    out += ["", "## Couches renommées ou déplacées (Layer renames)", "",
            "L'ancienne couche n'est pas publiée sous le même nom ou le même service : la source est réécrite vers"
            " la nouvelle couche, et la raison est donnée à l'utilisateur.", ""]
    for service in _ordered_services(renames, service_order):
        subset = [r for r in renames if r["service"] == service]
        out += [f"### {label(service)} ({len(subset)})", ""]
        out += table(
            ("ancienne couche", "nouvelle couche", "raison", "preuve (evidence)"),
            ((code(r["old_name"]),
              code(r["new_name"]) + ("" if r["new_service"] == r["service"] else f" ({cell(label(r['new_service']))})"),
              cell(r["reason"]), cell(r["evidence"])) for r in subset),
        )
        out.append("")

    out += ["## Couches sans équivalent (Layer removals)", "",
            "La Géoplateforme ne publie rien qui les remplace : la source est laissée telle quelle (statut"
            " `unmapped`) et la raison est donnée.", ""]
    for service in _ordered_services(removals, service_order):
        subset = [r for r in removals if r["service"] == service]
        out += [f"### {label(service)} ({len(subset)})", ""]
        out += table(
            ("ancienne couche", "raison", "preuve (evidence)"),
            ((code(r["old_name"]), cell(r["reason"]), cell(r["evidence"])) for r in subset),
        )
        out.append("")

    out += ["## Remplacements proposés (Proposed replacements)", "",
            "Une couche retirée qui a un successeur évident : le remplacement change ce que la couche montre"
            " (style, date, échelles), il est donc seulement proposé (statut `unmapped` inchangé) et appliqué"
            " quand l'utilisateur l'accepte (case dans la fenêtre de bascule, `--accept-replacements`, paramètre"
            " Processing).", ""]
    out += table(
        ("ancienne couche", "couche proposée", "ce qui change", "preuve (evidence)"),
        ((code(r["old_layer"]) + f" ({cell(label(r['old_service']))})",
          code(r["new_layer"]) + f" ({cell(label(r['new_service']))}, {cell(r['title'])})",
          cell(r["changes"]), cell(r["evidence"])) for r in replacements),
    )
    out.append("")

    out += ["## Styles WMTS renommés (WMTS style renames)", "",
            "Dérivé des documents enregistrés : l'ancien style de la couche devient celui que la Géoplateforme"
            " lui associe.", ""]
    out += table(
        ("couche", "ancien style", "nouveau style", "preuve (evidence)"),
        ((code(s["layer"]), code(s["old_style"]), code(s["new_style"]), cell(s["evidence"])) for s in styles),
    )

    out += ["", "## Styles de tuiles vectorielles renommés (Vector-tile style renames)", "",
            "Chemins sous `wxs.ign.fr/static/vectorTiles/`, devenus"
            f" `{free_urls.get('vt-resources', 'data.geopf.fr/annexes/ressources/vectorTiles/')}`.", ""]
    out += table(
        ("ancien chemin", "nouveau chemin", "preuve (evidence)"),
        ((code(s["old"]), code(s["new"]), cell(s["evidence"])) for s in vt_styles),
    )

    out += [
        "",
        "## Proposer une règle (How to propose a rule)",
        "",
        "1. Ajoutez une ligne à `mapping/registry/layer_rules.csv` (couche renommée : `rename` avec `new_service`"
        " et `new_name` ; couche disparue : `removed`) ou à `mapping/registry/endpoints.csv` (ancienne adresse),"
        " avec une raison lisible par l'utilisateur et sa **preuve** dans la colonne `evidence` (document"
        " GetCapabilities, liste de l'IGN, annonce...).",
        "2. Ne modifiez pas `gpf_layers.csv` ni `wmts_style_renames.csv` à la main : ils sont dérivés des documents"
        " enregistrés (`make registry`).",
        "3. Lancez `make docs` pour régénérer cette page, puis `make test` : les tests refusent une règle dont la"
        " cible n'est pas publiée par la Géoplateforme ou qui masquerait une couche publiée, et une page qui ne"
        " correspond plus au registre.",
        "4. Proposez la modification (demande de fusion) avec le CSV et cette page.",
        "",
        "*(English: add a row with its evidence to `layer_rules.csv` or `endpoints.csv`, run `make docs` then"
        " `make test`, and open a pull request with both files.)*",
    ]
    return "\n".join(out) + "\n"


def _ordered_services(rows: list[dict[str, str]], order: list[str]) -> list[str]:
    present = {r["service"] for r in rows}
    return [s for s in order if s in present] + sorted(present - set(order))


def main(argv: Iterable[str] | None = None) -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="default: docs/registre.md")
    args.add_argument("--registry", type=Path, default=REGISTRY_DIR, help=argparse.SUPPRESS)
    options = args.parse_args(list(argv) if argv is not None else None)
    options.output.parent.mkdir(parents=True, exist_ok=True)
    options.output.write_text(render(options.registry), encoding="utf-8")
    print(options.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
