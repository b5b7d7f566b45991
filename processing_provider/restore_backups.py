"""Processing algorithm `gpf_bascule:restore_backups`: undo an in-place bascule from its .bak-gpf-DATE backups."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterString,
)

from ..bascule.folder_task import store_problem
from ..i18n import tr, tr_message
from .base import INPUT, INPUT_FOLDER, GpfAlgorithm, add_count_outputs, add_inputs, check_inputs, inputs


class RestoreBackupsAlgorithm(GpfAlgorithm):
    """Undo an in-place bascule (the folder dialog's "sur place", `gpf-bascule migrate --in-place`)."""

    STORE = "STORE"
    FORCE = "FORCE"
    DRY_RUN = "DRY_RUN"
    COUNTS = ("RESTORED", "MODIFIED", "NO_BACKUP", "ERRORS")

    def name(self) -> str:
        return "restore_backups"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return tr("Annuler une bascule sur place (remettre les sauvegardes)")

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS API)
        return tr(
            "Remet, pour chaque projet (ou chaque projet d'un dossier), la sauvegarde .bak-gpf-DATE la plus récente "
            "qu'une bascule sur place a laissée à côté. Un projet modifié depuis la bascule (ou enregistré par "
            "QGIS) est laissé tel quel, sauf si « Remettre aussi les projets modifiés » est coché : il est alors "
            "gardé à côté (.bak-gpf-avant-restauration-DATE). Pour des projets enregistrés dans un GeoPackage ou "
            "dans PostgreSQL, donnez leur adresse (geopackage:… ou postgresql://…) : la dernière sauvegarde de chaque "
            "projet est reprise de la table qgis_projects_gpf_backup, à la même condition."
        )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: N802 (QGIS API)
        add_inputs(self, tr("Projet basculé sur place, ou dossier"))
        self.addParameter(QgsProcessingParameterString(
            self.STORE, tr("Ou projets enregistrés en base (geopackage:… ou postgresql://…)"), optional=True
        ))
        self.addParameter(QgsProcessingParameterBoolean(
            self.FORCE, tr("Remettre aussi les projets modifiés depuis la bascule"), False
        ))
        self.addParameter(QgsProcessingParameterBoolean(self.DRY_RUN, tr("Simulation : ne rien écrire"), False))
        add_count_outputs(self, self.COUNTS)

    def checkParameterValues(  # noqa: N802 (QGIS API)
        self, parameters: dict[str, Any], context: QgsProcessingContext
    ) -> tuple[bool, str]:
        store = self._store(parameters, context)
        if store:
            problem = store_problem(store)
            if problem:
                return False, problem
            return super().checkParameterValues(parameters, context)
        ok, message = check_inputs(self, parameters, context)
        return super().checkParameterValues(parameters, context) if ok else (ok, message)

    def _store(self, parameters: dict[str, Any], context: QgsProcessingContext) -> str:
        return (self.parameterAsString(parameters, self.STORE, context) or "").strip()

    def processAlgorithm(  # noqa: N802 (QGIS API)
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        from ..mapping import restore

        store = self._store(parameters, context)
        if store:
            problem = store_problem(store)
            if problem:
                raise QgsProcessingException(problem)
        given_files = any(parameters.get(name) not in (None, "") for name in (INPUT, INPUT_FOLDER))
        sources = inputs(self, parameters, context) if given_files or not store else []
        if store:
            sources.append(store)

        def show(result: restore.RestoreResult) -> None:
            if result.status == restore.RESTORED:  # a backup row's name has no "/": shown whole
                feedback.pushInfo(tr("{path} : remis depuis {backup}").format(
                    path=result.path, backup=Path(result.backup).name))
            elif result.status == restore.NO_BACKUP:
                feedback.pushInfo(f"{result.path} : {tr_message(result.message)}")
            else:
                feedback.reportError(f"{result.path} : {tr_message(result.message)}", False)

        results = restore.restore(sources, force=self.parameterAsBoolean(parameters, self.FORCE, context),
                                  dry_run=self.parameterAsBoolean(parameters, self.DRY_RUN, context), on_result=show)
        statuses = {"RESTORED": restore.RESTORED, "MODIFIED": restore.MODIFIED, "NO_BACKUP": restore.NO_BACKUP,
                    "ERRORS": restore.ERROR}
        return {name: sum(result.status == status for result in results) for name, status in statuses.items()}
