"""What the Processing algorithms share: their group, the file/folder inputs, the count outputs, the log lines.

Kept apart so that each algorithm module holds only its own parameters and its call into the engine. The
algorithms run in Processing's worker thread: nothing here touches a widget; progress and cancel go through
`feedback`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qgis.core import (
    Qgis,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFile,
    QgsWkbTypes,
)

from ..i18n import tr, tr_message
from ..mapping.outcome import FILE_ERROR, FileResult
from ..mapping.report import summarize
from ..mapping.vocabulary import FILE_LABELS, sources_sentence

INPUT, INPUT_FOLDER = "INPUT", "INPUT_FOLDER"

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


class GpfAlgorithm(QgsProcessingAlgorithm):
    """What the algorithms share: group, translation, a fresh instance per run."""

    def group(self) -> str:
        return tr("Bascule Géoportail → Géoplateforme")

    def groupId(self) -> str:  # noqa: N802 (QGIS API)
        return "bascule"

    def createInstance(self) -> QgsProcessingAlgorithm:  # noqa: N802 (QGIS API)
        return type(self)()


def log_results(results: list[FileResult], feedback: QgsProcessingFeedback) -> None:
    from ..mapping.redact import redact

    for result in results:
        if result.status == FILE_ERROR:
            feedback.reportError(f"{result.path} : {redact(tr_message(result.error))}", False)
        else:
            feedback.pushInfo(f"{result.path} : {tr_message(FILE_LABELS.get(result.status, result.status))}")
        for note in result.notes:
            feedback.pushInfo(f"{result.path} : {redact(tr_message(note))}")
    # the sources counted in the words of the bascule dialog and the folder task (mapping/vocabulary.py)
    feedback.pushInfo(tr_message(sources_sentence(summarize(results)["layers"])))


def count_outputs(results: list[FileResult]) -> dict[str, int]:
    summary = summarize(results)
    files, layers = summary["files"], summary["layers"]
    return {
        "FILES": files["total"], "FILES_MIGRATED": files["migrated"], "FILES_UNCHANGED": files["unchanged"],
        "FILES_ERROR": files["error"], "LAYERS_MIGRATED": layers["migrated"], "LAYERS_UNCHANGED": layers["unchanged"],
        "LAYERS_UNMAPPED": layers["unmapped"], "LAYERS_NEEDS_KEY": layers["needs-key"],
    }


def add_count_outputs(algorithm: QgsProcessingAlgorithm, names: tuple[str, ...]) -> None:
    labels = {
        "FILES": tr("Fichiers traités"), "FILES_MIGRATED": tr("Fichiers modifiés"),
        "FILES_UNCHANGED": tr("Fichiers inchangés"), "FILES_ERROR": tr("Fichiers en erreur"),
        "LAYERS_MIGRATED": tr("Sources basculées (sans clé personnelle)"), "LAYERS_UNCHANGED": tr("Sources inchangées"),
        "LAYERS_UNMAPPED": tr("Sources sans équivalent"),
        "LAYERS_NEEDS_KEY": tr("Sources basculées, clé personnelle requise"),
        "RESTORED": tr("Projets remis"), "MODIFIED": tr("Projets modifiés depuis la bascule (laissés)"),
        "NO_BACKUP": tr("Projets sans sauvegarde"), "ERRORS": tr("Projets en erreur"),
    }
    for name in names:
        algorithm.addOutput(QgsProcessingOutputNumber(name, labels[name]))


def add_inputs(algorithm: QgsProcessingAlgorithm, file_label: str) -> None:
    """A file field and a folder field: one of the two is needed, so both are optional to Processing.

    Processing has no "one of these" parameter: it marks each field "[optionnel]". The labels say that one of
    the two is required, and `check_inputs` refuses a run with neither before the algorithm starts.
    """
    # File behaviour so that the picker offers projects, with "(*)" in the filter so that a folder typed or
    # pasted is accepted too (3.22's default "*.*" refuses a folder name without a dot).
    algorithm.addParameter(QgsProcessingParameterFile(
        INPUT, tr("{} — ce champ ou le dossier ci-dessous (l'un des deux est requis)").format(file_label),
        FILE_BEHAVIOR,
        fileFilter=tr("Projets et couches QGIS (*.qgs *.qgz *.qlr *.xml);;Tous les fichiers et dossiers (*)"),
        optional=True,
    ))
    algorithm.addParameter(QgsProcessingParameterFile(
        INPUT_FOLDER,
        tr("Dossier de projets, sous-dossiers compris — ce champ ou le précédent (l'un des deux est requis)"),
        FOLDER_BEHAVIOR, optional=True,
    ))


def no_input_message() -> str:
    return tr("Donnez un fichier ou un dossier : l'un des deux champs est requis.")


def check_inputs(
    algorithm: QgsProcessingAlgorithm, parameters: dict[str, Any], context: QgsProcessingContext
) -> tuple[bool, str]:
    """The dialog's check before a run: at least one of the file and folder fields is filled."""
    given = [value for value in (parameters.get(INPUT), parameters.get(INPUT_FOLDER)) if value not in (None, "")]
    if not given:
        return False, no_input_message()
    return True, ""


def inputs(algorithm: QgsProcessingAlgorithm, parameters: dict[str, Any], context: QgsProcessingContext) -> list[str]:
    """The file and/or folder given; an exception when neither is, or one does not exist."""
    sources = [path for path in (algorithm.parameterAsFile(parameters, INPUT, context),
                                 algorithm.parameterAsFile(parameters, INPUT_FOLDER, context)) if path]
    if not sources:
        raise QgsProcessingException(no_input_message())
    for source in sources:
        if not Path(source).exists():
            raise QgsProcessingException(tr("Introuvable : {}").format(source))
    return sources
