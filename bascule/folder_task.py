"""Migrate a folder of projects in a QgsTask: the batch engine in a worker thread, the report at the end.

The task's `run()` calls only `mapping.batch` and the report writer (no Qt widget, no iface: it runs in a
worker thread); everything the user sees (message bar, opening the report) happens in `finished()`, which
QGIS calls in the main thread. Cancelling stops between two files, so no file is ever left half-written,
and the report still lists the files done before the cancel.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

from qgis.core import Qgis, QgsApplication, QgsTask
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QDesktopServices

from .. import log
from ..i18n import report_language, tr, tr_message
from ..mapping import batch
from ..mapping.outcome import FILE_ERROR, FileResult
from ..mapping.redact import redact
from ..mapping.report import summarize, write_report

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


def default_report_path(paths: tuple[str, ...] | list[str], output_dir: str | None, in_place: bool) -> str:
    """In the output folder; in place, beside (not inside) the input folder so that it never sits among projects.

    The in-place name carries the folder name and a time stamp: a second run must not overwrite the first
    run's report, which is the only record of what the backups belong to.
    """
    if output_dir and not in_place:
        return str(Path(output_dir) / REPORT_NAME)
    first = Path(paths[0]) if paths else Path.cwd()
    folder = first if first.is_dir() else first.parent
    folder = folder.resolve()
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
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
        if self.iface is not None:
            log.push_message(self.iface, "folder", html.escape(text), level, 15, tr("GPF Bascule"))
        if self.outcome.report_written and self.open_report:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.job.report_path))
        if self.on_done is not None:
            self.on_done(self)
        if self in _alive:
            _alive.remove(self)

    def message(self) -> tuple[Qgis.MessageLevel, str]:
        """One sentence for the message bar and the log: counts, cancel, errors, where the report is."""
        outcome = self.outcome
        if outcome.error and not outcome.results:
            return Qgis.MessageLevel.Critical, tr("Bascule du dossier impossible : {}").format(outcome.error)
        files = outcome.summary.get("files", {})
        layers = outcome.summary.get("layers", {})
        text = tr("{total} fichier(s) traité(s) : {migrated} modifié(s), {unchanged} inchangé(s), {error} en erreur ; "
                  "{sources} source(s) basculée(s), {unmapped} sans correspondance.").format(
            total=files.get("total", 0), migrated=files.get("migrated", 0), unchanged=files.get("unchanged", 0),
            error=files.get("error", 0), sources=layers.get("migrated", 0), unmapped=layers.get("unmapped", 0),
        )
        if outcome.cancelled:
            text = tr("Bascule annulée entre deux fichiers.") + " " + text
        if self.job.dry_run:
            text += " " + tr("Simulation : aucun fichier écrit.")
        if outcome.report_written:
            text += " " + tr("Rapport : {}").format(self.job.report_path)
        elif outcome.error:
            text += " " + outcome.error
        if outcome.error or files.get("error"):
            return Qgis.MessageLevel.Warning, text
        if outcome.cancelled:
            return Qgis.MessageLevel.Info, text
        return Qgis.MessageLevel.Success, text


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
