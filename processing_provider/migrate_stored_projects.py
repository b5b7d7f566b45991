"""Processing algorithm `gpf_bascule:migrate_stored_projects`: projects saved in a GeoPackage or PostgreSQL,
rewritten in their row (in place), the row copied first to the backup table `qgis_projects_gpf_backup`.

A dry run by default: unlike `migrate_projects` (always into an output folder), this one changes what QGIS and
QGIS Server open, so a model or a script run by mistake only reports. The store address is a plain string
parameter, which Processing keeps in its history and log: an address carrying a password is refused before the
run (a service, the PG* variables or .pgpass give it instead), and every line this algorithm writes shows the
address without user name nor password (`project_storage.shown_uri`, the report's).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ..bascule.folder_task import store_problem
from ..i18n import tr
from .base import GpfAlgorithm, add_count_outputs, count_outputs, log_results
from .migrate_projects import REPORT_FILTER


class MigrateStoredProjectsAlgorithm(GpfAlgorithm):
    """Projects stored in a GeoPackage or a PostgreSQL schema → rewritten in place, one transaction each."""

    STORE = "STORE"
    DRY_RUN = "DRY_RUN"
    ACCEPT_REPLACEMENTS = "ACCEPT_REPLACEMENTS"
    REPORT = "REPORT"
    COUNTS = ("FILES", "FILES_MIGRATED", "FILES_UNCHANGED", "FILES_ERROR", "LAYERS_MIGRATED", "LAYERS_UNCHANGED",
              "LAYERS_UNMAPPED", "LAYERS_NEEDS_KEY")

    def name(self) -> str:
        return "migrate_stored_projects"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return tr("Basculer des projets enregistrés en base (GeoPackage, PostgreSQL)")

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS API)
        return tr(
            "Réécrit vers la Géoplateforme les sources Géoportail des projets QGIS enregistrés dans un GeoPackage "
            "(geopackage:/chemin/fichier.gpkg, ou …?projectName=nom pour un seul projet) ou dans PostgreSQL "
            "(postgresql://hôte:port?dbname=…&schema=…, ou …&project=nom ; service=… accepté). Les projets "
            "changent sur place, dans leur ligne : avant chaque écriture, la ligne d'origine est copiée dans la "
            "table qgis_projects_gpf_backup (même fichier ou même schéma), dans la même transaction ; la commande "
            "« gpf-bascule restore » la remet. La simulation est cochée par défaut : elle ne modifie rien et "
            "dit ce qui changerait ; décochez-la pour basculer. Le mot de passe ne s'écrit pas dans l'adresse "
            "(fichier de service, .pgpass ou PGPASSWORD). Après la bascule, rechargez QGIS Server ou Lizmap s'ils "
            "gardent les projets en cache."
        )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: N802 (QGIS API)
        self.addParameter(QgsProcessingParameterString(
            self.STORE, tr("Adresse des projets enregistrés (geopackage:… ou postgresql://…)"),
        ))
        self.addParameter(QgsProcessingParameterBoolean(
            self.DRY_RUN, tr("Simulation : ne rien modifier dans la base (décocher pour basculer sur place)"), True
        ))
        self.addParameter(QgsProcessingParameterBoolean(
            self.ACCEPT_REPLACEMENTS,
            tr("Remplacer les couches retirées par celle qui leur succède (ce que la couche montre change : style, "
               "date, échelles ; sinon le remplacement est seulement proposé dans le rapport)"),
            False,
        ))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.REPORT, tr("Rapport (HTML, JSON ou CSV)"), REPORT_FILTER, optional=True, createByDefault=False,
        ))
        add_count_outputs(self, self.COUNTS)

    def checkParameterValues(  # noqa: N802 (QGIS API)
        self, parameters: dict[str, Any], context: QgsProcessingContext
    ) -> tuple[bool, str]:
        problem = store_problem(self.parameterAsString(parameters, self.STORE, context) or "")
        return (False, problem) if problem else super().checkParameterValues(parameters, context)

    def processAlgorithm(  # noqa: N802 (QGIS API)
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        from ..i18n import report_language
        from ..mapping import batch
        from ..mapping.project_storage import shown_uri
        from ..mapping.report import write_report

        uri = (self.parameterAsString(parameters, self.STORE, context) or "").strip()
        problem = store_problem(uri)
        if problem:  # checked again: processAlgorithm may be called without the dialog's check
            raise QgsProcessingException(problem)
        report = self.parameterAsFileOutput(parameters, self.REPORT, context)
        if report and not report.lower().endswith((".html", ".json", ".csv")):
            report += ".html"
        dry_run = self.parameterAsBoolean(parameters, self.DRY_RUN, context)
        feedback.pushInfo((tr("Simulation sur {}") if dry_run else tr("Bascule sur place de {}")).format(
            shown_uri(uri)))

        def progress(done: int, total: int) -> bool:
            feedback.setProgress(100.0 * done / total if total else 100.0)
            return feedback.isCanceled()

        accept = self.parameterAsBoolean(parameters, self.ACCEPT_REPLACEMENTS, context)
        results = batch.run([uri], in_place=True, dry_run=dry_run, on_progress=progress,
                            accept_replacements=accept)
        log_results(results, feedback)
        if feedback.isCanceled():
            feedback.pushWarning(tr("Annulé entre deux projets : les projets déjà traités restent basculés, "
                                    "chacun avec sa sauvegarde."))
        if dry_run:
            feedback.pushInfo(tr("Simulation : rien n'a été modifié. Décochez « Simulation » pour basculer."))
        outputs: dict[str, Any] = count_outputs(results)
        if report:
            try:
                Path(report).parent.mkdir(parents=True, exist_ok=True)
                write_report(report, results, dry_run=dry_run, translate=tr, language=report_language())
            except OSError as exc:
                raise QgsProcessingException(
                    tr("Rapport impossible à écrire : {}").format(exc.strerror or exc)) from exc
            outputs[self.REPORT] = report
        return outputs
