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
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..bascule.folder_task import FolderJob, default_report_path, geopackage_path, geopackage_uri, store_problem
from ..i18n import tr

UNDO = 2  # the dialog's result when the user asks to undo an in-place bascule instead


class FolderDialog(QDialog):
    """Inputs (a folder, files, or projects stored in a GeoPackage or PostgreSQL), target (in place with backups,
    or an output folder: not for stored projects, which change in their row), dry run.

    `state` is what the dialog had last time (`state()`, kept by the caller through GpfSettings): the fields come
    back as they were, so the restore button opens on the folder processed last.
    """

    def __init__(self, parent: QWidget | None = None, state: dict[str, str] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gpf_bascule_folder_dialog")
        self.setWindowTitle(tr("Basculer un dossier de projets"))
        self.setMinimumWidth(640)  # the group titles do not widen a dialog by themselves
        self._last_processed = ""  # the input folder of the last run (from `state`)
        layout = QVBoxLayout(self)

        inputs = QGroupBox(tr("Projets à basculer (.qgs, .qgz, .qlr, exports de connexions .xml)"))
        inputs_layout = QVBoxLayout(inputs)
        self.folder_radio = QRadioButton(tr("Un dossier (sous-dossiers compris)"))
        self.files_radio = QRadioButton(tr("Des fichiers"))
        self.store_radio = QRadioButton(tr("Des projets enregistrés dans un GeoPackage ou dans PostgreSQL "
                                           "(basculés sur place)"))
        self.folder_radio.setChecked(True)
        self._input_kind = QButtonGroup(self)
        for radio in (self.folder_radio, self.files_radio, self.store_radio):
            self._input_kind.addButton(radio)
        self.input_widget = QgsFileWidget()
        self.input_widget.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.input_widget.setFilter(tr("Projets et couches QGIS (*.qgs *.qgz *.qlr *.xml)"))
        # a stored-projects address: typed (postgresql://…) or built from a GeoPackage file picked
        self.store_row = QWidget()
        store_layout = QHBoxLayout(self.store_row)
        store_layout.setContentsMargins(0, 0, 0, 0)
        self.store_edit = QLineEdit()
        self.store_edit.setObjectName("gpf_bascule_store_uri")
        self.store_edit.setPlaceholderText(tr("geopackage:/chemin/projets.gpkg ou "
                                              "postgresql://hôte:5432?dbname=…&schema=…[&project=…]"))
        self.store_edit.setToolTip(tr("Tous les projets du GeoPackage ou du schéma, ou un seul (?projectName=… "
                                      "pour un GeoPackage, &project=… pour PostgreSQL). Pas de mot de passe : "
                                      "fichier de service (service=…), .pgpass ou PGPASSWORD."))
        self.geopackage_button = QPushButton(tr("GeoPackage…"))
        self.geopackage_button.setAutoDefault(False)
        self.geopackage_button.clicked.connect(self.choose_geopackage)
        store_layout.addWidget(self.store_edit, 1)
        store_layout.addWidget(self.geopackage_button)
        self.store_row.setVisible(False)
        for widget in (self.folder_radio, self.files_radio, self.input_widget, self.store_radio, self.store_row):
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
        # Undoing an in-place bascule belongs with "in place", far from the dialog's own Cancel, and is not
        # called "Annuler…" (which reads as that Cancel)
        restore_row = QHBoxLayout()
        restore_row.addSpacing(24)
        self.undo_button = QPushButton(tr("Restaurer les originaux d'une bascule sur place…"))
        self.undo_button.setObjectName("gpf_bascule_restore_backups")
        self.undo_button.setAutoDefault(False)
        self.undo_button.setToolTip(tr("Remettre les sauvegardes .bak-gpf-DATE qu'une bascule sur place a laissées "
                                       "(outil Processing, avec aperçu), dans le dossier choisi ci-dessus"))
        self.undo_button.clicked.connect(lambda: self.done(UNDO))
        restore_row.addWidget(self.undo_button)
        restore_row.addStretch(1)
        target_layout.addLayout(restore_row)
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
        layout.addWidget(self.buttons)

        self.folder_radio.toggled.connect(self._input_kind_changed)
        self.store_radio.toggled.connect(self._input_kind_changed)
        self.store_edit.textChanged.connect(self._update)
        for radio in (self.in_place_radio, self.output_radio, self.dry_run_check):
            radio.toggled.connect(self._update)
        self.input_widget.fileChanged.connect(self._update)
        self.output_widget.fileChanged.connect(self._update)
        if state:
            self.restore_state(state)
        self._update()

    # --- remembered fields ---------------------------------------------------------------------------------

    def state(self) -> dict[str, str]:
        """The fields as settings.FOLDER_KEYS names them (the caller saves them through GpfSettings)."""
        paths = self.input_paths()
        last = ""
        if self.store_radio.isChecked():
            last = self._last_processed  # the restore tool takes files and folders only: keep the last folder
        elif paths:
            first = Path(paths[0])
            last = str(first if self.folder_radio.isChecked() else first.parent)
        kind = "store" if self.store_radio.isChecked() else "folder" if self.folder_radio.isChecked() else "files"
        return {
            "input_kind": kind,
            "inputs": self.store_edit.text().strip() if kind == "store" else self.input_widget.filePath().strip(),
            "target": "in_place" if self.in_place_radio.isChecked() else "output",
            "output_dir": self.output_widget.filePath().strip(),
            "dry_run": "1" if self.dry_run_check.isChecked() else "",
            "last_processed": last,
        }

    def restore_state(self, state: dict[str, str]) -> None:
        """Put back what `state()` gave (unknown or empty values keep the defaults)."""
        if state.get("input_kind") == "files":
            self.files_radio.setChecked(True)  # empties the path: set it after
        if state.get("input_kind") == "store":
            self.store_radio.setChecked(True)
            self.store_edit.setText(state.get("inputs", ""))
        else:
            self.input_widget.setFilePath(state.get("inputs", ""))
        if state.get("target") == "in_place":
            self.in_place_radio.setChecked(True)
        self.output_widget.setFilePath(state.get("output_dir", ""))
        self.dry_run_check.setChecked(state.get("dry_run") == "1")
        self._last_processed = state.get("last_processed", "")

    def choose_geopackage(self) -> None:
        """The GeoPackage file picker: its address (all the projects it holds) goes into the address field."""
        path, _filter = QFileDialog.getOpenFileName(self, tr("GeoPackage contenant des projets QGIS"), "",
                                                    tr("GeoPackage (*.gpkg);;Tous les fichiers (*)"))
        if path:
            self.store_edit.setText(geopackage_uri(path))

    def _input_kind_changed(self) -> None:
        stored = self.store_radio.isChecked()
        self.input_widget.setVisible(not stored)
        self.store_row.setVisible(stored)
        self.output_radio.setEnabled(not stored)
        self.undo_button.setEnabled(not stored)
        if stored:
            self.in_place_radio.setChecked(True)
            self.in_place_radio.setText(tr("Sur place, dans la base (avec sauvegarde de la ligne)"))
            self._update()
            return
        self.in_place_radio.setText(tr("À côté des originaux (avec sauvegarde)"))
        mode = QgsFileWidget.StorageMode.GetDirectory if self.folder_radio.isChecked() else (
            QgsFileWidget.StorageMode.GetMultipleFiles
        )
        self.input_widget.setStorageMode(mode)
        self.input_widget.setFilePath("")
        self._update()

    def input_paths(self) -> tuple[str, ...]:
        if self.store_radio.isChecked():
            uri = self.store_edit.text().strip()
            return (uri,) if uri else ()
        text = self.input_widget.filePath().strip()
        if not text:
            return ()
        if self.files_radio.isChecked():
            return tuple(path for path in QgsFileWidget.splitFilePaths(text) if path)
        return (text,)

    def undo_parameters(self) -> dict[str, str]:
        """The restore tool's inputs prefilled from the chosen folder (or the chosen files' folder); with nothing
        chosen, the folder of the last run."""
        paths = self.input_paths()
        if self.store_radio.isChecked():
            paths = ()
        if not paths:
            last = self._last_processed
            return {"INPUT_FOLDER": last} if last and Path(last).is_dir() else {}
        if self.folder_radio.isChecked():
            return {"INPUT_FOLDER": paths[0]}
        if len(paths) == 1:
            return {"INPUT": paths[0]}
        return {"INPUT_FOLDER": str(Path(paths[0]).parent)}

    def problem(self) -> str:
        """Why the dialog cannot start yet (empty when it can): said in the dialog, not after a failed run."""
        if self.store_radio.isChecked():
            return self._store_problem()
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

    def _store_problem(self) -> str:
        uri = self.store_edit.text().strip()
        problem = store_problem(uri)
        if problem:
            return problem
        gpkg = geopackage_path(uri)
        if gpkg and not Path(gpkg).is_file():
            return tr("Introuvable : {}").format(gpkg)
        return ""

    def job(self) -> FolderJob | None:
        """The task's parameters, or None while the fields are incomplete."""
        if self.problem():
            return None
        paths = self.input_paths()
        in_place = self.in_place_radio.isChecked() or self.store_radio.isChecked()
        output_dir = None if in_place else self.output_widget.filePath().strip()
        return FolderJob(
            paths=paths,
            output_dir=output_dir,
            in_place=in_place,
            dry_run=self.dry_run_check.isChecked(),
            report_path=default_report_path(paths, output_dir, in_place),
        )

    def _update(self) -> None:
        self.output_widget.setEnabled(self.output_radio.isChecked() and not self.store_radio.isChecked())
        problem = self.problem()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)
        if problem:
            self.hint.setText(problem)
        elif self.store_radio.isChecked() and self.dry_run_check.isChecked():
            self.hint.setText(tr("Simulation : rien n'est modifié dans la base, seul le rapport est écrit."))
        elif self.store_radio.isChecked():
            self.hint.setText(tr("Les projets changent sur place, dans leur ligne : la ligne d'origine est d'abord "
                                 "copiée dans la table qgis_projects_gpf_backup (même fichier ou même schéma), "
                                 "dans la même transaction ; « gpf-bascule restore » la remet. Rechargez QGIS "
                                 "Server ou Lizmap ensuite s'ils gardent les projets en cache."))
        elif self.dry_run_check.isChecked():
            self.hint.setText(tr("Simulation : seul le rapport sera écrit."))
        elif self.in_place_radio.isChecked():
            self.hint.setText(tr("Chaque fichier modifié garde une sauvegarde .bak-gpf-DATE à côté de lui."))
        else:
            self.hint.setText(tr("Les originaux restent intacts ; les données locales liées sont copiées."))
