"""Migrate a folder of projects in a QgsTask: the batch engine in a worker thread, the report at the end.

The task's `run()` calls only `mapping.batch` and the report writer (no Qt widget, no iface: it runs in a
worker thread); everything the user sees (message bar, opening the report) happens in `finished()`, which
QGIS calls in the main thread. Cancelling stops between two files, so no file is ever left half-written,
and the report still lists the files done before the cancel.
"""

from __future__ import annotations

import contextlib
import html
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Callable
from urllib.parse import urlsplit

from qgis.core import Qgis, QgsApplication, QgsTask
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QDesktopServices

from .. import log
from ..i18n import report_language, tr, tr_message
from ..mapping import batch, vocabulary
from ..mapping.outcome import FILE_ERROR, FileResult, InputError
from ..mapping.project_storage import is_store_uri, open_store
from ..mapping.redact import redact
from ..mapping.report import summarize, summarize_references, write_report
from ..mapping.vocabulary import sources_sentence

REPORT_NAME = "rapport-bascule.html"

_alive: list[FolderMigrationTask] = []  # Python must keep a task object alive until QGIS is done with it


@dataclass(frozen=True)
class FolderJob:
    """What the dialog asks for: inputs, where results go (`output_dir`, or in place) and where the report goes."""

    paths: tuple[str, ...]
    output_dir: str | None
    in_place: bool
    dry_run: bool
    report_path: str

    @property
    def stored(self) -> bool:
        """Projects stored in a GeoPackage or PostgreSQL (`geopackage:…`, `postgresql://…`): always in place."""
        return any(is_store_uri(path) for path in self.paths)


def store_problem(uri: str) -> str:
    """Why a stored-projects address cannot be run (translated), "" when it can. Nothing is opened.

    Refused: not a store address, a password in it (it would stay in clear in Processing's history or in the
    dialog's remembered fields: libpq reads it from a service file, .pgpass or PGPASSWORD), and what the engine
    cannot read (no schema, authcfg, geopackage://host...)."""
    uri = uri.strip()
    if not uri:
        return tr("Donnez l'adresse des projets enregistrés (geopackage:… ou postgresql://…).")
    if not is_store_uri(uri):
        return tr("Adresse de projets enregistrés attendue (geopackage:/chemin/fichier.gpkg ou "
                  "postgresql://…?dbname=…&schema=…) : pour des fichiers, utilisez « Basculer des projets QGIS ».")
    try:
        password = urlsplit(uri).password
    except ValueError:  # a port that is not a number: open_store says it below
        password = None
    if password:
        return tr("Pas de mot de passe dans l'adresse : il y resterait en clair (historique de Processing, champs "
                  "mémorisés). Donnez-le par un fichier de service (service=…), le fichier .pgpass ou la variable "
                  "PGPASSWORD.")
    try:
        open_store(uri)
    except InputError as exc:
        return tr_message(batch.message_of(exc))
    return ""


def geopackage_path(uri: str) -> str:
    """The file a `geopackage:` address names ("" for another address or one that cannot be read)."""
    with contextlib.suppress(InputError):
        return getattr(open_store(uri), "path", "") if uri.lower().startswith("geopackage:") else ""
    return ""


def geopackage_uri(path: str) -> str:
    """The store address of a GeoPackage file chosen in a file picker (all the projects it holds)."""
    return "geopackage:" + str(Path(path).resolve())


def default_report_path(paths: tuple[str, ...] | list[str], output_dir: str | None, in_place: bool) -> str:
    """In the output folder; in place, beside (not inside) the input folder so that it never sits among projects.

    The in-place name carries the folder name and a time stamp: a second run must not overwrite the first
    run's report, which is the only record of what the backups belong to. Stored projects: beside the
    GeoPackage file, or in the home folder for PostgreSQL (the report is the only file such a run writes).
    """
    if output_dir and not in_place:
        return str(Path(output_dir) / REPORT_NAME)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    if paths and is_store_uri(paths[0]):
        gpkg = geopackage_path(paths[0])
        if gpkg:
            gpkg_path = Path(gpkg).resolve()
            return str(gpkg_path.parent / f"rapport-bascule-{gpkg_path.stem}-{stamp}.html")
        return str(Path.home() / f"rapport-bascule-postgresql-{stamp}.html")
    first = Path(paths[0]) if paths else Path.cwd()
    folder = first if first.is_dir() else first.parent
    folder = folder.resolve()
    return str(folder.parent / f"rapport-bascule-{folder.name or 'racine'}-{stamp}.html")


@dataclass
class FolderOutcome:
    """What the run did, read by `finished()` and by tests."""

    results: list[FileResult] = field(default_factory=list)
    summary: dict = field(default_factory=dict)
    cancelled: bool = False
    report_written: bool = False
    error: str = ""


class FolderMigrationTask(QgsTask):
    """The batch over a folder (or files), cancellable between files, with the HTML report written at the end."""

    def __init__(
        self,
        job: FolderJob,
        iface: Any = None,
        open_report: bool = True,
        on_done: Callable[[FolderMigrationTask], None] | None = None,
    ) -> None:
        super().__init__(tr("GPF Bascule : bascule d'un dossier de projets"), QgsTask.Flag.CanCancel)
        self.job = job
        self.iface = iface
        self.open_report = open_report
        self.on_done = on_done
        self.outcome = FolderOutcome()
        self.report_language = report_language()  # read here, in the main thread (QgsSettings)

    # -- worker thread: no widget, no iface ------------------------------------------------------------------
    def run(self) -> bool:
        def progress(done: int, total: int) -> bool:
            self.setProgress(100.0 * done / total if total else 100.0)
            return self.isCanceled()

        try:
            results = batch.run(
                list(self.job.paths),
                output_dir=None if self.job.in_place else self.job.output_dir,
                in_place=self.job.in_place,
                dry_run=self.job.dry_run,
                on_progress=progress,
            )
        except Exception as exc:  # noqa: BLE001 - the engine reports bad files itself; this is a bug, say it
            self.outcome.error = f"{type(exc).__name__}: {exc}"
            return False
        self.outcome.results = results
        self.outcome.summary = summarize(results)
        self.outcome.cancelled = self.isCanceled()
        try:
            Path(self.job.report_path).parent.mkdir(parents=True, exist_ok=True)
            write_report(
                self.job.report_path, results, dry_run=self.job.dry_run, translate=tr, language=self.report_language
            )
            self.outcome.report_written = True
        except OSError as exc:
            self.outcome.error = tr("rapport impossible à écrire ({})").format(exc.strerror or exc)
        if not self.outcome.cancelled:
            self.setProgress(100.0)
        return not self.outcome.cancelled and not self.outcome.error

    # -- main thread ----------------------------------------------------------------------------------------
    def finished(self, result: bool) -> None:  # noqa: ARG002 - the outcome says more than the flag
        level, text = self.message()
        log.log(text, level)
        for file_result in self.outcome.results:
            if file_result.status == FILE_ERROR:
                log.warning(f"{file_result.path} : {redact(tr_message(file_result.error))}")
        if self.iface is not None:  # the counts on the bar (two lines), the rest behind its "More" button
            shown, more = log.short_and_more(self.message_parts()[1])
            log.push_message(self.iface, "folder", html.escape(shown), level, 15, tr("GPF Bascule"), more=more)
        if self.outcome.report_written and self.open_report:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.job.report_path))
        if self.on_done is not None:
            self.on_done(self)
        if self in _alive:
            _alive.remove(self)

    def message(self) -> tuple[Qgis.MessageLevel, str]:
        """One text for the log: counts, cancel, errors, where the report is."""
        level, sentences = self.message_parts()
        return level, " ".join(sentences)

    def message_parts(self) -> tuple[Qgis.MessageLevel, list[str]]:
        """The message as sentences, the counts first (what the message bar keeps when it must cut)."""
        outcome = self.outcome
        if outcome.error and not outcome.results:
            return Qgis.MessageLevel.Critical, [tr("Bascule du dossier impossible : {}").format(outcome.error)]
        files = outcome.summary.get("files", {})
        layers = outcome.summary.get("layers", {})
        # the sources counted as the bascule dialog counts them (needs-key ones are switched too): one vocabulary
        text = tr("{total} fichier(s) traité(s) : {migrated} modifié(s), {unchanged} inchangé(s), "
                  "{error} en erreur.").format(
            total=files.get("total", 0), migrated=files.get("migrated", 0), unchanged=files.get("unchanged", 0),
            error=files.get("error", 0),
        )
        sources = vocabulary.capitalized(tr_message(sources_sentence(layers, preview=self.job.dry_run))) + "."
        sentences = [text, sources]
        references = summarize_references(outcome.results)
        if references["total"]:  # actions, expressions, layouts... (mapping/elsewhere.py)
            sentences.append(tr("Adresses anciennes hors sources de données : {rewritten} réécrite(s), {to_fix} à "
                                "corriger à la main (voir le rapport).").format(
                rewritten=references["rewritten"], to_fix=references["to-fix"]))
        if outcome.cancelled:
            sentences.insert(0, tr("Bascule annulée entre deux fichiers."))
        if self.job.dry_run and self.job.stored:
            sentences.append(tr("Simulation : rien n'a été modifié dans la base."))
        elif self.job.dry_run:
            sentences.append(tr("Simulation : aucun fichier écrit."))
        if outcome.report_written:
            sentences.append(tr("Rapport : {}").format(self.job.report_path))
        elif outcome.error:
            sentences.append(outcome.error)
        if outcome.error or files.get("error"):
            return Qgis.MessageLevel.Warning, sentences
        if outcome.cancelled:
            return Qgis.MessageLevel.Info, sentences
        return Qgis.MessageLevel.Success, sentences


def cancel_folder_tasks() -> None:
    """Plugin unload: ask the running tasks to stop after their current file."""
    for task in list(_alive):
        try:
            task.cancel()
        except RuntimeError:  # the C++ task is already gone
            _alive.remove(task)


def start_folder_task(job: FolderJob, iface: Any = None, open_report: bool = True) -> FolderMigrationTask:
    """Queue the task in QGIS's task manager (which shows its progress bar and cancel button)."""
    task = FolderMigrationTask(job, iface, open_report)
    _alive.append(task)
    QgsApplication.taskManager().addTask(task)
    return task
