"""Command line: `gpf-bascule migrate PATH... (--output-dir DIR | --in-place) [--report FILE] [--dry-run]`
and `gpf-bascule catalog [--json] [--snapshot FILE] | catalog --build [--source DIR_OR_URL] --output FILE`.

Exit status: 0 when every file was processed (layers without a Géoplateforme equivalent are reported,
they are not errors), 1 when a file or the report could not be processed, 2 on usage errors.
Only argparse is imported at start-up; the engine and lxml load once the arguments are known.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence

REPORT_FORMATS = (".json", ".csv", ".html")
_ATTENTION_LINES = 20


def _report_path(value: str) -> str:
    if not value.lower().endswith(REPORT_FORMATS):
        raise argparse.ArgumentTypeError("le rapport doit finir par .json, .csv ou .html")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gpf-bascule",
        description="Bascule des projets QGIS des anciens services Géoportail (wxs.ign.fr) vers la Géoplateforme.",
    )
    parser.add_argument("--version", action="version", version=_version())
    commands = parser.add_subparsers(dest="command", metavar="COMMANDE")
    commands.required = True
    migrate = commands.add_parser(
        "migrate",
        help="réécrire les sources de données de projets, définitions de couches et exports de connexions",
        description="Réécrit les sources Géoportail des fichiers .qgs, .qgz, .qlr et des exports de connexions "
        "QGIS (.xml), ou de tous ceux d'un dossier (récursivement).",
    )
    migrate.add_argument("paths", nargs="+", metavar="PATH", help="fichier ou dossier à traiter")
    target = migrate.add_mutually_exclusive_group(required=True)
    target.add_argument("--output-dir", metavar="DIR", help="écrire les résultats dans DIR (entrées intactes)")
    target.add_argument(
        "--in-place", action="store_true", help="modifier les fichiers, avec une sauvegarde .bak-gpf-DATE à côté"
    )
    migrate.add_argument("--report", metavar="FILE", type=_report_path, help="rapport .json, .csv ou .html")
    migrate.add_argument("--dry-run", action="store_true", help="ne rien écrire d'autre que le rapport")
    restore = commands.add_parser(
        "restore",
        help="annuler une bascule sur place : remettre les sauvegardes .bak-gpf-DATE",
        description="Remet, pour chaque fichier (ou chaque fichier d'un dossier), la sauvegarde .bak-gpf-DATE la "
        "plus récente qu'une bascule --in-place a laissée à côté. Un fichier modifié depuis la bascule est laissé "
        "tel quel, sauf avec --force (il est alors gardé à côté).",
    )
    restore.add_argument("paths", nargs="+", metavar="PATH", help="fichier ou dossier basculé sur place")
    restore.add_argument("--force", action="store_true",
                         help="remettre aussi les fichiers modifiés depuis la bascule (gardés en .bak-gpf-avant-"
                         "restauration-DATE)")
    restore.add_argument("--dry-run", action="store_true", help="montrer ce qui serait remis, sans rien écrire")
    catalog = commands.add_parser(
        "catalog",
        help="afficher le catalogue de la Géoplateforme, ou le construire (--build)",
        description="Affiche le catalogue des couches de la Géoplateforme en usage (instantané fourni avec "
        "l'extension, ou --snapshot), ou le construit depuis les documents de capacités (--build).",
    )
    catalog.add_argument("--json", action="store_true", help="sortie JSON : {\"layers\": [...]}")
    catalog.add_argument("--snapshot", metavar="FILE", help="instantané à lire (défaut : celui de l'extension)")
    catalog.add_argument("--search", metavar="TEXTE", help="ne garder que les couches qui répondent à TEXTE")
    catalog.add_argument("--build", action="store_true", help="construire un instantané au lieu d'en lire un")
    catalog.add_argument(
        "--source", metavar="DIR_OR_URL",
        help="avec --build : dossier de documents de capacités (noms libres) ou adresse "
        "(défaut : https://data.geopf.fr/, proxy via https_proxy)",
    )
    catalog.add_argument("--output", metavar="FILE", help="avec --build : fichier .json.gz à écrire")
    return parser


def _version() -> str:
    from .__about__ import __tool_name__

    return __tool_name__


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # usage errors (2) and --help/--version (0) return instead of exiting
        return exit_.code if isinstance(exit_.code, int) else 2
    try:
        if args.command == "catalog":
            from .catalog.cli import run_catalog

            return run_catalog(args, parser)
        if args.command == "restore":
            return _restore(args)
        return _migrate(args)
    except BrokenPipeError:  # `| head` closed the pipe: the reader has what it wanted, the work is done
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _migrate(args: argparse.Namespace) -> int:
    from .mapping import batch
    from .mapping.outcome import FILE_ERROR
    from .mapping.redact import redact
    from .mapping.report import summarize, write_report

    def show_error(result) -> None:
        if result.status == FILE_ERROR:
            print(f"error: {result.path}: {redact(result.error)}", file=sys.stderr, flush=True)
        for note in result.notes:
            print(f"note: {result.path}: {redact(note)}", flush=True)

    results = batch.run(
        args.paths,
        output_dir=args.output_dir,
        in_place=args.in_place,
        dry_run=args.dry_run,
        on_result=show_error,
    )
    status = 1 if any(result.status == FILE_ERROR for result in results) else 0
    _print_summary(results, summarize(results), args.dry_run, redact)
    if args.report:
        try:
            write_report(args.report, results, dry_run=args.dry_run)
        except OSError as exc:
            print(f"error: {args.report}: rapport impossible à écrire ({exc.strerror or exc})", file=sys.stderr)
            return 1
        print(f"Rapport : {args.report}")
    return status


def _restore(args: argparse.Namespace) -> int:
    from .mapping import restore

    def show(result: restore.RestoreResult) -> None:
        if result.status == restore.RESTORED:
            print(f"{'à remettre' if args.dry_run else 'remis'} : {result.path} ← {Path(result.backup).name}"
                  + (f" (fichier actuel gardé : {Path(result.kept).name})" if result.kept else ""), flush=True)
        else:
            stream = sys.stdout if result.status == restore.NO_BACKUP else sys.stderr
            print(f"{result.status}: {result.path}: {result.message}", file=stream, flush=True)

    results = restore.restore(args.paths, force=args.force, dry_run=args.dry_run, on_result=show)
    counts = {status: sum(result.status == status for result in results)
              for status in (restore.RESTORED, restore.MODIFIED, restore.NO_BACKUP, restore.ERROR)}
    print(f"Fichiers : {counts[restore.RESTORED]} {'à remettre' if args.dry_run else 'remis'}, "
          f"{counts[restore.MODIFIED]} modifiés depuis la bascule (laissés), {counts[restore.NO_BACKUP]} sans "
          f"sauvegarde, {counts[restore.ERROR]} en erreur.")
    if counts[restore.MODIFIED] and not args.force:
        print("--force les remet quand même, chacun gardé à côté en .bak-gpf-avant-restauration-DATE.")
    if args.dry_run:
        print("Simulation (--dry-run) : aucun fichier écrit.")
    return 1 if counts[restore.MODIFIED] or counts[restore.ERROR] else 0


def _print_summary(results, summary: dict, dry_run: bool, redact) -> None:
    files, layers = summary["files"], summary["layers"]
    if not files["total"]:
        print("Aucun fichier QGIS (.qgs, .qgz, .qlr, export de connexions .xml) trouvé.")
        return
    print(
        f"Fichiers : {files['total']} traités, {files['migrated']} modifiés, {files['unchanged']} inchangés, "
        f"{files['error']} en erreur."
    )
    print(
        f"Sources : {layers['migrated']} migrated (basculées), {layers['unchanged']} unchanged (inchangées), "
        f"{layers['unmapped']} unmapped (sans correspondance), {layers['needs-key']} needs-key (clé requise)."
    )
    attention = [
        (result.path, source)
        for result in results
        for source in result.sources
        if source.status in ("unmapped", "needs-key")
    ]
    for path, source in attention[:_ATTENTION_LINES]:
        label = source.name or source.id
        print(f"  {source.status}: {path}: {redact(label)}: {redact(source.reason)}")
    if len(attention) > _ATTENTION_LINES:
        print(f"  … et {len(attention) - _ATTENTION_LINES} autres (voir --report).")
    if dry_run:
        print("Simulation (--dry-run) : aucun fichier écrit.")


if __name__ == "__main__":  # pragma: no cover - the gpf-bascule script is the entry point
    sys.exit(main())
