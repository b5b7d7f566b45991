"""The "Basculer un dossier de projets…" dialog: choose the inputs and where results go, then run the folder task.

The dialog only collects a `FolderJob`; the rules (what is a project, backups, refusing an output folder
inside the input folder) stay in `mapping.batch`, which reports them per file in the report.
"""

from __future__ import annotations

from pathlib import Path

from qgis.gui import QgsFileWidget
from qgis.PyQt.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..bascule.folder_task import FolderJob, default_report_path
from ..i18n import tr

UNDO = 2  # the dialog's result when the user asks to undo an in-place bascule instead


class FolderDialog(QDialog):
    """Inputs (a folder, or files), target (in place with backups, or an output folder), dry run."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gpf_bascule_folder_dialog")
        self.setWindowTitle(tr("Basculer un dossier de projets"))
        self.setMinimumWidth(640)  # the group titles do not widen a dialog by themselves
        layout = QVBoxLayout(self)

        inputs = QGroupBox(tr("Projets à basculer (.qgs, .qgz, .qlr, exports de connexions .xml)"))
        inputs_layout = QVBoxLayout(inputs)
        self.folder_radio = QRadioButton(tr("Un dossier (sous-dossiers compris)"))
        self.files_radio = QRadioButton(tr("Des fichiers"))
        self.folder_radio.setChecked(True)
        self._input_kind = QButtonGroup(self)
        self._input_kind.addButton(self.folder_radio)
        self._input_kind.addButton(self.files_radio)
        self.input_widget = QgsFileWidget()
        self.input_widget.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.input_widget.setFilter(tr("Projets et couches QGIS (*.qgs *.qgz *.qlr *.xml)"))
        for widget in (self.folder_radio, self.files_radio, self.input_widget):
            inputs_layout.addWidget(widget)
        layout.addWidget(inputs)

        target = QGroupBox(tr("Où écrire les projets basculés"))
        target_layout = QVBoxLayout(target)
        self.in_place_radio = QRadioButton(tr("À côté des originaux (avec sauvegarde)"))
        self.output_radio = QRadioButton(tr("Dans un dossier de sortie (originaux intacts)"))
        self.output_radio.setChecked(True)
        self._target_kind = QButtonGroup(self)
        self._target_kind.addButton(self.in_place_radio)
        self._target_kind.addButton(self.output_radio)
        self.output_widget = QgsFileWidget()
        self.output_widget.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        for widget in (self.output_radio, self.output_widget, self.in_place_radio):
            target_layout.addWidget(widget)
        layout.addWidget(target)

        self.dry_run_check = QCheckBox(tr("Simulation : ne rien écrire d'autre que le rapport"))
        layout.addWidget(self.dry_run_check)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Basculer"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.undo_button = self.buttons.addButton(tr("Annuler une bascule sur place…"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.undo_button.setToolTip(tr("Remettre les sauvegardes .bak-gpf-DATE qu'une bascule sur place a laissées"))
        self.undo_button.clicked.connect(lambda: self.done(UNDO))
        layout.addWidget(self.buttons)

        self.folder_radio.toggled.connect(self._input_kind_changed)
        for radio in (self.in_place_radio, self.output_radio, self.dry_run_check):
            radio.toggled.connect(self._update)
        self.input_widget.fileChanged.connect(self._update)
        self.output_widget.fileChanged.connect(self._update)
        self._update()

    def _input_kind_changed(self) -> None:
        mode = QgsFileWidget.StorageMode.GetDirectory if self.folder_radio.isChecked() else (
            QgsFileWidget.StorageMode.GetMultipleFiles
        )
        self.input_widget.setStorageMode(mode)
        self.input_widget.setFilePath("")
        self._update()

    def input_paths(self) -> tuple[str, ...]:
        text = self.input_widget.filePath().strip()
        if not text:
            return ()
        if self.files_radio.isChecked():
            return tuple(path for path in QgsFileWidget.splitFilePaths(text) if path)
        return (text,)

    def undo_parameters(self) -> dict[str, str]:
        """The restore tool's inputs prefilled from the chosen folder (or the chosen files' folder)."""
        paths = self.input_paths()
        if not paths:
            return {}
        if self.folder_radio.isChecked():
            return {"INPUT_FOLDER": paths[0]}
        if len(paths) == 1:
            return {"INPUT": paths[0]}
        return {"INPUT_FOLDER": str(Path(paths[0]).parent)}

    def problem(self) -> str:
        """Why the dialog cannot start yet (empty when it can): said in the dialog, not after a failed run."""
        paths = self.input_paths()
        if not paths:
            return tr("Choisissez un dossier ou des fichiers à basculer.")
        missing = [path for path in paths if not Path(path).exists()]
        if missing:
            return tr("Introuvable : {}").format(missing[0])
        if self.output_radio.isChecked():
            output = self.output_widget.filePath().strip()
            if not output:
                return tr("Choisissez le dossier de sortie.")
            out = Path(output).resolve()
            for path in paths:
                folder = Path(path).resolve()
                if folder.is_dir() and (out == folder or folder in out.parents):
                    return tr("Le dossier de sortie ne peut pas être dans le dossier à basculer.")
        return ""

    def job(self) -> FolderJob | None:
        """The task's parameters, or None while the fields are incomplete."""
        if self.problem():
            return None
        paths = self.input_paths()
        in_place = self.in_place_radio.isChecked()
        output_dir = None if in_place else self.output_widget.filePath().strip()
        return FolderJob(
            paths=paths,
            output_dir=output_dir,
            in_place=in_place,
            dry_run=self.dry_run_check.isChecked(),
            report_path=default_report_path(paths, output_dir, in_place),
        )

    def _update(self) -> None:
        self.output_widget.setEnabled(self.output_radio.isChecked())
        problem = self.problem()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)
        if problem:
            self.hint.setText(problem)
        elif self.dry_run_check.isChecked():
            self.hint.setText(tr("Simulation : seul le rapport sera écrit."))
        elif self.in_place_radio.isChecked():
            self.hint.setText(tr("Chaque fichier modifié garde une sauvegarde .bak-gpf-DATE à côté de lui."))
        else:
            self.hint.setText(tr("Les originaux restent intacts ; les données locales liées sont copiées."))
