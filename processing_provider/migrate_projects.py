"""Processing algorithm `gpf_bascule:migrate_projects`: project files or a folder → an output folder + a report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
)

from ..i18n import tr
from .base import (
    INPUT,
    INPUT_FOLDER,
    GpfAlgorithm,
    add_count_outputs,
    add_inputs,
    check_inputs,
    count_outputs,
    inputs,
    log_results,
)

REPORT_NAME = "rapport-bascule.html"
REPORT_FILTER = "HTML (*.html);;JSON (*.json);;CSV (*.csv)"


class MigrateProjectsAlgorithm(GpfAlgorithm):
    """Project files (.qgs, .qgz, .qlr, connection exports) or a whole folder → an output folder + a report.

    Always into an output folder, never in place: a model or a script run by mistake must not touch originals.
    """

    INPUT = INPUT
    INPUT_FOLDER = INPUT_FOLDER
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    REPORT = "REPORT"
    DRY_RUN = "DRY_RUN"
    ACCEPT_REPLACEMENTS = "ACCEPT_REPLACEMENTS"
    COUNTS = ("FILES", "FILES_MIGRATED", "FILES_UNCHANGED", "FILES_ERROR", "LAYERS_MIGRATED", "LAYERS_UNCHANGED",
              "LAYERS_UNMAPPED", "LAYERS_NEEDS_KEY")

    def name(self) -> str:
        return "migrate_projects"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return tr("Basculer des projets QGIS (fichier ou dossier)")

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS API)
        return tr(
            "Réécrit les sources Géoportail (wxs.ign.fr) d'un projet .qgs/.qgz, d'une définition de couches .qlr, "
            "d'un export de connexions .xml, ou de tous ceux d'un dossier (sous-dossiers compris), vers la "
            "Géoplateforme. Les résultats vont dans le dossier de sortie (les originaux restent intacts, les "
            "données locales liées sont copiées). Un fichier illisible est signalé dans le rapport, les autres "
            "sont traités. Donnez un fichier, un dossier (choisi avec le second champ ou saisi dans le premier), "
            "ou les deux."
        )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: N802 (QGIS API)
        add_inputs(self, tr("Projet, définition de couches, export de connexions ou dossier"))
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, tr("Dossier de sortie")))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.REPORT, tr("Rapport (HTML, JSON ou CSV ; par défaut dans le dossier de sortie)"), REPORT_FILTER,
            optional=True, createByDefault=False,
        ))
        self.addParameter(QgsProcessingParameterBoolean(
            self.DRY_RUN, tr("Simulation : ne rien écrire d'autre que le rapport"), False
        ))
        self.addParameter(QgsProcessingParameterBoolean(
            self.ACCEPT_REPLACEMENTS,
            tr("Remplacer les couches retirées par celle qui leur succède (ce que la couche montre change : style, "
               "date, échelles ; sinon le remplacement est seulement proposé dans le rapport)"),
            False,
        ))
        add_count_outputs(self, self.COUNTS)

    def checkParameterValues(  # noqa: N802 (QGIS API)
        self, parameters: dict[str, Any], context: QgsProcessingContext
    ) -> tuple[bool, str]:
        ok, message = check_inputs(self, parameters, context)
        return super().checkParameterValues(parameters, context) if ok else (ok, message)

    def processAlgorithm(  # noqa: N802 (QGIS API)
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        from ..i18n import report_language
        from ..mapping import batch
        from ..mapping.report import write_report

        sources = inputs(self, parameters, context)
        output = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context)
        report = self.parameterAsFileOutput(parameters, self.REPORT, context) or str(Path(output) / REPORT_NAME)
        if not report.lower().endswith((".html", ".json", ".csv")):
            report += ".html"
        dry_run = self.parameterAsBoolean(parameters, self.DRY_RUN, context)

        def progress(done: int, total: int) -> bool:
            feedback.setProgress(100.0 * done / total if total else 100.0)
            return feedback.isCanceled()

        accept = self.parameterAsBoolean(parameters, self.ACCEPT_REPLACEMENTS, context)
        results = batch.run(sources, output_dir=output, dry_run=dry_run, on_progress=progress,
                            accept_replacements=accept)
        log_results(results, feedback)
        if feedback.isCanceled():
            feedback.pushWarning(tr("Annulé entre deux fichiers : le rapport ne liste que les fichiers traités."))
        try:
            Path(report).parent.mkdir(parents=True, exist_ok=True)
            write_report(report, results, dry_run=dry_run, translate=tr, language=report_language())
        except OSError as exc:
            raise QgsProcessingException(tr("Rapport impossible à écrire : {}").format(exc.strerror or exc)) from exc
        return {self.REPORT: report, self.OUTPUT_FOLDER: output, **count_outputs(results)}
