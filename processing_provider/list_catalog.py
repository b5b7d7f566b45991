"""Processing algorithm `gpf_bascule:list_catalog`: the GPF catalogue as a table (no geometry)."""

from __future__ import annotations

from typing import Any

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
)
from qgis.PyQt.QtCore import QVariant

from ..i18n import tr
from .base import FILE_BEHAVIOR, NO_GEOMETRY, VECTOR_TYPE, GpfAlgorithm

CATALOG_FIELDS = ("service", "name", "title", "themes", "provider", "uri", "needs_key")


def _field(name: str, kind: str) -> QgsField:
    """A string or boolean field; QMetaType from QGIS 3.38 (QVariant types are gone under Qt6)."""
    if Qgis.QGIS_VERSION_INT >= 33800:
        from qgis.PyQt.QtCore import QMetaType

        return QgsField(name, QMetaType.Type.Bool if kind == "bool" else QMetaType.Type.QString)
    return QgsField(name, QVariant.Bool if kind == "bool" else QVariant.String)


def load_catalog(path: str | None):  # noqa: ANN201 - a catalog.entry.Catalog
    """The given snapshot, or the one the plugin's views use (catalog.snapshot decides which)."""
    from ..catalog.snapshot import cached_snapshot_path, load_current, load_snapshot

    if path:
        return load_snapshot(path)
    current = load_current(cached_snapshot_path(QgsApplication.qgisSettingsDirPath()))
    if current.error:
        raise ValueError(current.error)
    return current.catalog


class ListCatalogAlgorithm(GpfAlgorithm):
    """The GPF catalogue as a table, to filter, join or export like any other layer (no geometry)."""

    SNAPSHOT = "SNAPSHOT"
    WITHOUT_TESTS = "WITHOUT_TESTS"
    OUTPUT = "OUTPUT"

    def name(self) -> str:
        return "list_catalog"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return tr("Catalogue de la Géoplateforme (table)")

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS API)
        return tr(
            "Une ligne par couche de la Géoplateforme : service, nom, titre, thèmes, fournisseur QGIS, source de "
            "données prête à charger, clé requise ; dans l'ordre du catalogue (titre, accents ignorés, puis "
            "service). Sans instantané donné : le plus récent entre celui fourni avec l'extension et celui de la "
            "dernière mise à jour du catalogue. Les couches de test, de démonstration ou de tutoriel peuvent être "
            "laissées de côté."
        )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: N802 (QGIS API)
        self.addParameter(QgsProcessingParameterFile(
            self.SNAPSHOT, tr("Instantané du catalogue (.json ou .json.gz, facultatif)"), FILE_BEHAVIOR,
            optional=True, fileFilter=tr("Instantané du catalogue (*.json *.json.gz *.gz)"),
        ))
        self.addParameter(QgsProcessingParameterBoolean(
            self.WITHOUT_TESTS, tr("Laisser de côté les couches de test"), False
        ))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Catalogue"), VECTOR_TYPE))

    def processAlgorithm(  # noqa: N802 (QGIS API)
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        path = self.parameterAsFile(parameters, self.SNAPSHOT, context)
        try:
            catalog = load_catalog(path or None)
        except (OSError, ValueError) as exc:
            raise QgsProcessingException(str(exc)) from exc
        from ..catalog.tree import CatalogTree

        tree = CatalogTree(catalog.layers)  # the order every view shows
        entries = tree.visible_entries(show_sandbox=not self.parameterAsBoolean(parameters, self.WITHOUT_TESTS,
                                                                                context))
        fields = QgsFields()
        for name in CATALOG_FIELDS:
            fields.append(_field(name, "bool" if name == "needs_key" else "string"))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, NO_GEOMETRY)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        total = len(entries) or 1
        for index, entry in enumerate(entries):
            if feedback.isCanceled():
                break
            feature = QgsFeature(fields)
            feature.setAttributes([
                entry.service, entry.name, entry.title, ",".join(entry.themes), entry.provider, entry.uri,
                entry.needs_key,
            ])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
            feedback.setProgress(100.0 * (index + 1) / total)
        feedback.pushInfo(tr("{} couches ; catalogue du {}").format(len(entries), catalog.generated or "?"))
        return {self.OUTPUT: dest_id}
