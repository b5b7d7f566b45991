"""The Processing algorithms: the batch engine and the catalogue, for the toolbox, models and `qgis_process`.

They stay thin: parameters in, `mapping.batch` / `catalog.snapshot` called, counts out. They run in
Processing's worker thread, so they touch no widget; progress and cancel go through `feedback`.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from qgis.core import (
    Qgis,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..i18n import tr, tr_message
from ..mapping.outcome import FILE_ERROR, FileResult
from ..mapping.report import summarize

INPUT, INPUT_FOLDER = "INPUT", "INPUT_FOLDER"
REPORT_NAME = "rapport-bascule.html"
REPORT_FILTER = "HTML (*.html);;JSON (*.json);;CSV (*.csv)"
CATALOG_FIELDS = ("service", "name", "title", "themes", "provider", "uri", "needs_key")


# --- enums that moved between 3.22 and 3.40 (scoped Qgis.* enums since 3.30-3.36) ----------------------------
if hasattr(Qgis, "ProcessingFileParameterBehavior"):  # QGIS >= 3.36
    FILE_BEHAVIOR = Qgis.ProcessingFileParameterBehavior.File
    FOLDER_BEHAVIOR = Qgis.ProcessingFileParameterBehavior.Folder
else:
    FILE_BEHAVIOR = QgsProcessingParameterFile.Behavior.File
    FOLDER_BEHAVIOR = QgsProcessingParameterFile.Behavior.Folder
if hasattr(Qgis, "ProcessingSourceType"):  # QGIS >= 3.36
    VECTOR_TYPE = Qgis.ProcessingSourceType.Vector
else:
    VECTOR_TYPE = QgsProcessing.SourceType.TypeVector
NO_GEOMETRY = Qgis.WkbType.NoGeometry if hasattr(Qgis, "WkbType") else QgsWkbTypes.Type.NoGeometry


def _field(name: str, kind: str) -> QgsField:
    """A string or boolean field; QMetaType from QGIS 3.38 (QVariant types are gone under Qt6)."""
    if Qgis.QGIS_VERSION_INT >= 33800:
        from qgis.PyQt.QtCore import QMetaType

        return QgsField(name, QMetaType.Type.Bool if kind == "bool" else QMetaType.Type.QString)
    return QgsField(name, QVariant.Bool if kind == "bool" else QVariant.String)


class _Algorithm(QgsProcessingAlgorithm):
    """What the algorithms share: group, translation, a fresh instance per run."""

    def group(self) -> str:
        return tr("Bascule Géoportail → Géoplateforme")

    def groupId(self) -> str:  # noqa: N802 (QGIS API)
        return "bascule"

    def createInstance(self) -> QgsProcessingAlgorithm:  # noqa: N802 (QGIS API)
        return type(self)()


def _log_results(results: list[FileResult], feedback: QgsProcessingFeedback) -> None:
    from ..mapping.redact import redact

    for result in results:
        if result.status == FILE_ERROR:
            feedback.reportError(f"{result.path} : {redact(tr_message(result.error))}", False)
        else:
            feedback.pushInfo(f"{result.path} : {result.status}")
        for note in result.notes:
            feedback.pushInfo(f"{result.path} : {redact(tr_message(note))}")


def _count_outputs(results: list[FileResult]) -> dict[str, int]:
    summary = summarize(results)
    files, layers = summary["files"], summary["layers"]
    return {
        "FILES": files["total"], "FILES_MIGRATED": files["migrated"], "FILES_UNCHANGED": files["unchanged"],
        "FILES_ERROR": files["error"], "LAYERS_MIGRATED": layers["migrated"], "LAYERS_UNCHANGED": layers["unchanged"],
        "LAYERS_UNMAPPED": layers["unmapped"], "LAYERS_NEEDS_KEY": layers["needs-key"],
    }


def _add_count_outputs(algorithm: QgsProcessingAlgorithm, names: tuple[str, ...]) -> None:
    labels = {
        "FILES": tr("Fichiers traités"), "FILES_MIGRATED": tr("Fichiers modifiés"),
        "FILES_UNCHANGED": tr("Fichiers inchangés"), "FILES_ERROR": tr("Fichiers en erreur"),
        "LAYERS_MIGRATED": tr("Sources basculées"), "LAYERS_UNCHANGED": tr("Sources inchangées"),
        "LAYERS_UNMAPPED": tr("Sources sans correspondance"), "LAYERS_NEEDS_KEY": tr("Sources à clé personnelle"),
        "RESTORED": tr("Projets remis"), "MODIFIED": tr("Projets modifiés depuis la bascule (laissés)"),
        "NO_BACKUP": tr("Projets sans sauvegarde"), "ERRORS": tr("Projets en erreur"),
    }
    for name in names:
        algorithm.addOutput(QgsProcessingOutputNumber(name, labels[name]))


def _add_inputs(algorithm: QgsProcessingAlgorithm, file_label: str) -> None:
    """A file field and a folder field, both optional (one is needed): the toolbox has no picker for either."""
    # File behaviour so that the picker offers projects, with "(*)" in the filter so that a folder typed or
    # pasted is accepted too (3.22's default "*.*" refuses a folder name without a dot).
    algorithm.addParameter(QgsProcessingParameterFile(
        INPUT, file_label, FILE_BEHAVIOR,
        fileFilter=tr("Projets et couches QGIS (*.qgs *.qgz *.qlr *.xml);;Tous les fichiers et dossiers (*)"),
        optional=True,
    ))
    algorithm.addParameter(QgsProcessingParameterFile(
        INPUT_FOLDER, tr("Dossier de projets (sous-dossiers compris)"), FOLDER_BEHAVIOR, optional=True,
    ))


def _inputs(algorithm: QgsProcessingAlgorithm, parameters: dict[str, Any], context: QgsProcessingContext) -> list[str]:
    """The file and/or folder given; an exception when neither is, or one does not exist."""
    sources = [path for path in (algorithm.parameterAsFile(parameters, INPUT, context),
                                 algorithm.parameterAsFile(parameters, INPUT_FOLDER, context)) if path]
    if not sources:
        raise QgsProcessingException(tr("Donnez un fichier ou un dossier."))
    for source in sources:
        if not Path(source).exists():
            raise QgsProcessingException(tr("Introuvable : {}").format(source))
    return sources


class MigrateProjectsAlgorithm(_Algorithm):
    """Project files (.qgs, .qgz, .qlr, connection exports) or a whole folder → an output folder + a report.

    Always into an output folder, never in place: a model or a script run by mistake must not touch originals.
    """

    INPUT = INPUT
    INPUT_FOLDER = INPUT_FOLDER
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    REPORT = "REPORT"
    DRY_RUN = "DRY_RUN"
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
        _add_inputs(self, tr("Projet, définition de couches, export de connexions ou dossier"))
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, tr("Dossier de sortie")))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.REPORT, tr("Rapport (HTML, JSON ou CSV ; par défaut dans le dossier de sortie)"), REPORT_FILTER,
            optional=True, createByDefault=False,
        ))
        self.addParameter(QgsProcessingParameterBoolean(
            self.DRY_RUN, tr("Simulation : ne rien écrire d'autre que le rapport"), False
        ))
        _add_count_outputs(self, self.COUNTS)

    def processAlgorithm(  # noqa: N802 (QGIS API)
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        from ..i18n import report_language
        from ..mapping import batch
        from ..mapping.report import write_report

        sources = _inputs(self, parameters, context)
        output = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context)
        report = self.parameterAsFileOutput(parameters, self.REPORT, context) or str(Path(output) / REPORT_NAME)
        if not report.lower().endswith((".html", ".json", ".csv")):
            report += ".html"
        dry_run = self.parameterAsBoolean(parameters, self.DRY_RUN, context)

        def progress(done: int, total: int) -> bool:
            feedback.setProgress(100.0 * done / total if total else 100.0)
            return feedback.isCanceled()

        results = batch.run(sources, output_dir=output, dry_run=dry_run, on_progress=progress)
        _log_results(results, feedback)
        if feedback.isCanceled():
            feedback.pushWarning(tr("Annulé entre deux fichiers : le rapport ne liste que les fichiers traités."))
        try:
            Path(report).parent.mkdir(parents=True, exist_ok=True)
            write_report(report, results, dry_run=dry_run, translate=tr, language=report_language())
        except OSError as exc:
            raise QgsProcessingException(tr("Rapport impossible à écrire : {}").format(exc.strerror or exc)) from exc
        return {self.REPORT: report, self.OUTPUT_FOLDER: output, **_count_outputs(results)}


class RestoreBackupsAlgorithm(_Algorithm):
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
        _add_inputs(self, tr("Projet basculé sur place, ou dossier"))
        self.addParameter(QgsProcessingParameterBoolean(
            self.FORCE, tr("Remettre aussi les projets modifiés depuis la bascule"), False
        ))
        self.addParameter(QgsProcessingParameterBoolean(self.DRY_RUN, tr("Simulation : ne rien écrire"), False))
        _add_count_outputs(self, self.COUNTS)

    def processAlgorithm(  # noqa: N802 (QGIS API)
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        from ..mapping import restore

        sources = _inputs(self, parameters, context)

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


class MigrateConnectionsAlgorithm(_Algorithm):
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
        _add_count_outputs(self, self.COUNTS)

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
        _log_results([result], feedback)
        if result.status == FILE_ERROR:
            from ..mapping.redact import redact

            raise QgsProcessingException(f"{source} : {redact(tr_message(result.error))}")
        counts = _count_outputs([result])
        return {self.OUTPUT: str(target), **{name: counts[name] for name in self.COUNTS}}


class ListCatalogAlgorithm(_Algorithm):
    """The GPF catalogue as a table, to filter, join or export like any other layer (no geometry)."""

    SNAPSHOT = "SNAPSHOT"
    OUTPUT = "OUTPUT"

    def name(self) -> str:
        return "list_catalog"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return tr("Catalogue de la Géoplateforme (table)")

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS API)
        return tr(
            "Une ligne par couche de la Géoplateforme : service, nom, titre, thèmes, fournisseur QGIS, source de "
            "données prête à charger, clé requise. Sans instantané donné : le plus récent entre celui fourni avec "
            "l'extension et celui de la dernière mise à jour du catalogue."
        )

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: N802 (QGIS API)
        self.addParameter(QgsProcessingParameterFile(
            self.SNAPSHOT, tr("Instantané du catalogue (.json ou .json.gz, facultatif)"), FILE_BEHAVIOR,
            optional=True, fileFilter=tr("Instantané du catalogue (*.json *.json.gz *.gz)"),
        ))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Catalogue"), VECTOR_TYPE))

    def processAlgorithm(  # noqa: N802 (QGIS API)
        self, parameters: dict[str, Any], context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict[str, Any]:
        path = self.parameterAsFile(parameters, self.SNAPSHOT, context)
        try:
            catalog = _load_catalog(path or None)
        except (OSError, ValueError) as exc:
            raise QgsProcessingException(str(exc)) from exc
        fields = QgsFields()
        for name in CATALOG_FIELDS:
            fields.append(_field(name, "bool" if name == "needs_key" else "string"))
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, NO_GEOMETRY)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        total = len(catalog.layers) or 1
        for index, entry in enumerate(catalog.layers):
            if feedback.isCanceled():
                break
            feature = QgsFeature(fields)
            feature.setAttributes([
                entry.service, entry.name, entry.title, ",".join(entry.themes), entry.provider, entry.uri,
                entry.needs_key,
            ])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
            feedback.setProgress(100.0 * (index + 1) / total)
        feedback.pushInfo(tr("{} couches ; catalogue du {}").format(len(catalog.layers), catalog.generated or "?"))
        return {self.OUTPUT: dest_id}


def _load_catalog(path: str | None):  # noqa: ANN202 - a catalog.entry.Catalog
    """The given snapshot, or the newer of the bundled one and the one the last refresh cached in the profile."""
    from ..catalog.snapshot import load_snapshot

    if path:
        return load_snapshot(path)
    bundled = load_snapshot()
    try:
        from ..catalog.refresh import cached_snapshot_path

        cached_path = cached_snapshot_path()
        cached = load_snapshot(cached_path) if cached_path.is_file() else None
    except Exception:  # noqa: BLE001 - a damaged cache must not stop the algorithm: the bundled one serves
        cached = None
    if cached is not None and cached.layers and _when(cached.generated) > _when(bundled.generated):
        return cached
    return bundled


def _when(text: str) -> datetime:
    try:
        value = datetime.fromisoformat((text or "").replace("Z", "+00:00"))
    except ValueError:
        return datetime.min.replace(tzinfo=timezone.utc)
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
