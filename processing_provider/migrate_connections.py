"""Processing algorithm `gpf_bascule:migrate_connections`: a QGIS connections export → the same file, basculed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
)

from ..i18n import tr, tr_message
from ..mapping.outcome import FILE_ERROR
from .base import FILE_BEHAVIOR, GpfAlgorithm, add_count_outputs, count_outputs, log_results


class MigrateConnectionsAlgorithm(GpfAlgorithm):
    """A QGIS connections export (Paramètres ▸ Gérer les connexions ▸ Exporter) → the same file, basculed."""

    INPUT = "INPUT"
    OUTPUT = "OUTPUT"
    COUNTS = ("LAYERS_MIGRATED", "LAYERS_UNCHANGED", "LAYERS_UNMAPPED", "LAYERS_NEEDS_KEY")

    def name(self) -> str:
        return "migrate_connections"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return tr("Basculer un export de connexions")

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS API)
        return tr(
            "Réécrit vers la Géoplateforme les connexions WMS/WMTS, WFS, XYZ et tuiles vectorielles d'un export "
            "de connexions QGIS (.xml). Le fichier de sortie s'importe ensuite dans QGIS (Gérer les connexions ▸ "
            "Importer)."
        )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: N802 (QGIS API)
        self.addParameter(QgsProcessingParameterFile(
            self.INPUT, tr("Export de connexions QGIS"), FILE_BEHAVIOR, extension="xml"
        ))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, tr("Export de connexions basculé"), tr("Export de connexions QGIS (*.xml)")
        ))
        add_count_outputs(self, self.COUNTS)

    def processAlgorithm(  # noqa: N802 (QGIS API)
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        from ..mapping import batch

        source = Path(self.parameterAsFile(parameters, self.INPUT, context))
        target = Path(self.parameterAsFileOutput(parameters, self.OUTPUT, context))
        if not source.is_file():
            raise QgsProcessingException(tr("Introuvable : {}").format(source))
        if target.resolve() == source.resolve():
            raise QgsProcessingException(tr("Le fichier de sortie doit être différent de l'export d'origine."))
        result = batch.process(batch.Job(source, str(source), target), batch.default_migrator())
        log_results([result], feedback)
        if result.status == FILE_ERROR:
            from ..mapping.redact import redact

            raise QgsProcessingException(f"{source} : {redact(tr_message(result.error))}")
        counts = count_outputs([result])
        return {self.OUTPUT: str(target), **{name: counts[name] for name in self.COUNTS}}
