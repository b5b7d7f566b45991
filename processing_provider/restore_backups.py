"""Processing algorithm `gpf_bascule:restore_backups`: undo an in-place bascule from its .bak-gpf-DATE backups."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProcessingParameterBoolean

from ..i18n import tr, tr_message
from .base import GpfAlgorithm, add_count_outputs, add_inputs, check_inputs, inputs


class RestoreBackupsAlgorithm(GpfAlgorithm):
    """Undo an in-place bascule (the folder dialog's "sur place", `gpf-bascule migrate --in-place`)."""

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
            "gardé à côté (.bak-gpf-avant-restauration-DATE)."
        )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: N802 (QGIS API)
        add_inputs(self, tr("Projet basculé sur place, ou dossier"))
        self.addParameter(QgsProcessingParameterBoolean(
            self.FORCE, tr("Remettre aussi les projets modifiés depuis la bascule"), False
        ))
        self.addParameter(QgsProcessingParameterBoolean(self.DRY_RUN, tr("Simulation : ne rien écrire"), False))
        add_count_outputs(self, self.COUNTS)

    def checkParameterValues(  # noqa: N802 (QGIS API)
        self, parameters: dict[str, Any], context: QgsProcessingContext
    ) -> tuple[bool, str]:
        ok, message = check_inputs(self, parameters, context)
        return super().checkParameterValues(parameters, context) if ok else (ok, message)

    def processAlgorithm(  # noqa: N802 (QGIS API)
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        from ..mapping import restore

        sources = inputs(self, parameters, context)

        def show(result: restore.RestoreResult) -> None:
            if result.status == restore.RESTORED:
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
