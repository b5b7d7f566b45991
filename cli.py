"""Command line: `gpf-bascule migrate PATH... (--output-dir DIR | --in-place) [--report FILE] [--dry-run]
[--accept-replacements]`
and `gpf-bascule catalog [--json] [--snapshot FILE] | catalog --build [--source DIR_OR_URL] --output FILE`.

Exit status: 0 when every file was processed (layers without a Géoplateforme equivalent are reported,
they are not errors), 1 when a file or the report could not be processed, or when the standard output closed
before the end (`| head -1`: the work and the report are still done, only the printing stops), 2 on usage
errors (nothing written).
Nothing heavy is imported at start-up (argparse itself waits for a command line that needs it): the engine and
lxml load once the arguments are known, and `catalog --json`, what scripts call, runs without a parser.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:
    import argparse

REPORT_FORMATS = (".json", ".csv", ".html")
_ATTENTION_LINES = 20


def _report_path(value: str) -> str:
    import argparse

    name = os.path.basename(value)
    if Path(name).suffix.lower() not in REPORT_FORMATS or name.lower() in REPORT_FORMATS:
        raise argparse.ArgumentTypeError(
            "le rapport doit être un nom de fichier finissant par .json, .csv ou .html (par exemple rapport.html)"
        )
    if os.path.isdir(value):
        raise argparse.ArgumentTypeError(f"{value!r} est un dossier : donnez un nom de fichier de rapport")
    return value


def _output_dir(value: str) -> str:
    """Refused before any work: an empty name would write into the current folder, a file cannot hold outputs."""
    import argparse

    if not value.strip():
        raise argparse.ArgumentTypeError("nom de dossier vide")
    if os.path.lexists(value) and not os.path.isdir(value):
        raise argparse.ArgumentTypeError(f"{value!r} existe et n'est pas un dossier")
    return value


class _Console:
    """A standard stream that outlives its reader: when `| head -1` closes the pipe, printing stops and the
    run goes on (every file, the report); `main` then says so on stderr and exits 1. A character the terminal
    cannot show is written escaped rather than stopping the run."""

    def __init__(self, stream):
        self.stream = stream
        self.lost = stream is None  # started with the stream closed (`>&-`): Python gives None
        self.interrupted = False

    def write(self, text: str) -> int:
        if not self.lost:
            try:
                try:
                    self.stream.write(text)
                except UnicodeEncodeError:
                    encoding = getattr(self.stream, "encoding", None) or "utf-8"
                    self.stream.write(text.encode(encoding, "backslashreplace").decode(encoding))
            except BrokenPipeError:
                self._lose()
        return len(text)

    def flush(self) -> None:
        if not self.lost:
            try:
                self.stream.flush()
            except BrokenPipeError:
                self._lose()

    def _lose(self) -> None:
        self.lost = True
        try:  # what is still buffered goes nowhere instead of failing again when Python exits
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, self.stream.fileno())
            os.close(devnull)
        except (OSError, ValueError, AttributeError):
            pass

    def __getattr__(self, name: str):
        return getattr(self.stream, name)


def build_parser() -> argparse.ArgumentParser:
    import argparse

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
        "QGIS (.xml), ou de tous ceux d'un dossier (récursivement), et les projets enregistrés en base : "
        "'geopackage:/chemin/f.gpkg[?projectName=NOM]', 'postgresql://hôte?dbname=BASE&schema=SCHEMA[&project=NOM]' "
        "(sur place, sauvegarde dans la table qgis_projects_gpf_backup). Aussi : les connexions d'un profil QGIS "
        "(QGIS3.ini, ou le dossier du profil) et la configuration Lizmap (projet.qgs.cfg) basculée avec son projet.",
    )
    migrate.add_argument("paths", nargs="+", metavar="PATH",
                         help="fichier, dossier, geopackage:… ou postgresql://… à traiter")
    target = migrate.add_mutually_exclusive_group(required=True)
    target.add_argument("--output-dir", metavar="DIR", type=_output_dir,
                        help="écrire les résultats dans DIR (entrées intactes)")
    target.add_argument(
        "--in-place", action="store_true", help="modifier les fichiers, avec une sauvegarde .bak-gpf-DATE à côté"
    )
    migrate.add_argument("--report", metavar="FILE", type=_report_path, help="rapport .json, .csv ou .html")
    migrate.add_argument("--dry-run", action="store_true", help="ne rien écrire d'autre que le rapport")
    migrate.add_argument(
        "--accept-replacements", action="store_true",
        help="remplacer aussi les couches retirées par la couche qui leur succède (Plan IGN v1 → v2…) : ce que "
        "la couche montre change (style, date, échelles) ; sans cette option, le remplacement est seulement proposé",
    )
    restore = commands.add_parser(
        "restore",
        help="annuler une bascule sur place : remettre les sauvegardes .bak-gpf-DATE",
        description="Remet, pour chaque fichier (ou chaque fichier d'un dossier), la sauvegarde .bak-gpf-DATE la "
        "plus récente qu'une bascule --in-place a laissée à côté. Un fichier modifié depuis la bascule est laissé "
        "tel quel, sauf avec --force (il est alors gardé à côté).",
    )
    restore.add_argument("paths", nargs="+", metavar="PATH",
                         help="fichier, dossier, geopackage:… ou postgresql://… basculé sur place")
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
    out, err = _Console(sys.stdout), _Console(sys.stderr)
    sys.stdout, sys.stderr = out, err
    try:
        code = _main(argv)
        if out.lost:
            print("error: sortie standard fermée avant la fin (| head ?) : " + (
                "traitement interrompu" if out.interrupted
                else "le traitement est allé à son terme, seul l'affichage est incomplet"
            ), file=err, flush=True)
            code = code or 1
        return code
    finally:
        sys.stdout, sys.stderr = out.stream, err.stream


def _main(argv: Sequence[str] | None) -> int:
    if list(sys.argv[1:] if argv is None else argv) == ["catalog", "--json"]:
        from .catalog.cli import write_fast_json  # what scripts call: no parser to build

        if write_fast_json(None):
            return 0
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
    except BrokenPipeError:  # a write that went around _Console: the work may not be done, say so
        sys.stdout._lose()
        sys.stdout.interrupted = True
        return 1


def _migrate(args: argparse.Namespace) -> int:
    from .mapping import batch
    from .mapping.outcome import FILE_ERROR
    from .mapping.redact import redact as redact_only
    from .mapping.report import console_text, summarize, write_report

    def redact(text: str) -> str:  # every text from a project or a file name: no secret, no control character
        return console_text(redact_only(text))

    def show_error(result) -> None:
        if result.status == FILE_ERROR:
            print(f"error: {console_text(result.path)}: {redact(result.error)}", file=sys.stderr, flush=True)
        for note in result.notes:
            print(f"note: {console_text(result.path)}: {redact(note)}", flush=True)

    results = batch.run(
        args.paths,
        output_dir=args.output_dir,
        in_place=args.in_place,
        dry_run=args.dry_run,
        on_result=show_error,
        accept_replacements=args.accept_replacements,
    )
    status = 1 if any(result.status == FILE_ERROR for result in results) else 0
    _print_summary(results, summarize(results), args.dry_run, redact)
    _print_replacements(results, args.accept_replacements)
    _print_references(results)
    if args.report:
        try:
            write_report(args.report, results, dry_run=args.dry_run)
        except OSError as exc:
            print(f"error: {console_text(args.report)}: rapport impossible à écrire ({exc.strerror or exc})",
                  file=sys.stderr)
            return 1
        print(f"Rapport : {console_text(args.report)}")
    return status


def _restore(args: argparse.Namespace) -> int:
    from .mapping import restore
    from .mapping.report import console_text as shown

    def show(result: restore.RestoreResult) -> None:
        if result.status == restore.RESTORED:
            print(f"{'à remettre' if args.dry_run else 'remis'} : {shown(result.path)} ← "
                  f"{shown(Path(result.backup).name)}"
                  + (f" (fichier actuel gardé : {shown(Path(result.kept).name)})" if result.kept else ""), flush=True)
        else:
            stream = sys.stdout if result.status == restore.NO_BACKUP else sys.stderr
            print(f"{result.status}: {shown(result.path)}: {shown(result.message)}", file=stream, flush=True)

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


def _print_replacements(results, accepted: bool) -> None:
    """Successors of withdrawn layers: proposed (applied only with --accept-replacements), or applied."""
    from .mapping.report import replacement_lines

    lines = replacement_lines(results)
    for line in lines[:_ATTENTION_LINES]:
        print(f"  {line}")
    if len(lines) > _ATTENTION_LINES:
        print(f"  … et {len(lines) - _ATTENTION_LINES} autres (voir --report).")
    if lines and not accepted:
        print("--accept-replacements applique ces remplacements (ce que les couches montrent change).")


def _print_references(results) -> None:
    """Old addresses outside data sources (actions, expressions, layouts...): the count, then those to fix."""
    from .mapping.report import reference_lines

    lines = reference_lines(results)
    if lines:
        print(lines[0])
    for line in lines[1:_ATTENTION_LINES + 1]:
        print(f"  {line}")
    if len(lines) - 1 > _ATTENTION_LINES:
        print(f"  … et {len(lines) - 1 - _ATTENTION_LINES} autres (voir --report).")


def _print_summary(results, summary: dict, dry_run: bool, redact) -> None:
    files, layers = summary["files"], summary["layers"]
    if not files["total"]:
        print("Aucun fichier QGIS (.qgs, .qgz, .qlr, export de connexions .xml) trouvé.")
        return
    print(
        f"Fichiers : {files['total']} traités, {files['migrated']} modifiés, {files['unchanged']} inchangés, "
        f"{files['error']} en erreur."
    )
    from .mapping.vocabulary import capitalized, sources_sentence, status_label  # the dialog's words and counts

    print(f"Sources : {sources_sentence(layers, preview=dry_run)}.")
    attention = [
        (result.path, source)
        for result in results
        for source in result.sources
        if source.status in ("unmapped", "needs-key")
    ]
    for path, source in attention[:_ATTENTION_LINES]:
        label = source.name or source.id
        status = capitalized(status_label(source.status, preview=dry_run))
        print(f"  {status} : {redact(path)} : {redact(label)} : {redact(source.reason)}")
    if len(attention) > _ATTENTION_LINES:
        print(f"  … et {len(attention) - _ATTENTION_LINES} autres (voir --report).")
    if dry_run:
        print("Simulation (--dry-run) : aucun fichier écrit.")


if __name__ == "__main__":  # pragma: no cover - the gpf-bascule script is the entry point
    sys.exit(main())
