"""The bascule actions of the Web menu, kept apart from their dialogs so that QGIS start-up stays light.

Registering only creates actions; the dialogs, the engine and lxml are imported when a user triggers one.
"""

from __future__ import annotations

import sys
from typing import Any

from qgis.core import QgsProject
from qgis.PyQt.QtWidgets import QAction, QDialog

from .catalog_model import tr
from .icons import plugin_icon


class BasculeRegistration:
    """The "Basculer vers la Géoplateforme" action in the Web menu's GPF Bascule submenu and the Web toolbar."""

    def __init__(self, iface: Any, menu_name: str | None = None) -> None:
        self.iface = iface
        self.menu_name = menu_name or tr("GPF Bascule")
        self.action: QAction | None = None
        self.dialog: Any = None  # ui.bascule_dialog.BasculeDialog, built on first use
        self.history: list[Any] = []  # one undo record per applied bascule, for the open project

    def register(self) -> QAction:
        # its own icon (old map → arrow), not the catalogue's: both sit side by side on the Web toolbar
        self.action = QAction(plugin_icon("bascule"), tr("Basculer vers la Géoplateforme…"), self.iface.mainWindow())
        self.action.setObjectName("gpf_bascule_project")
        self.action.setToolTip(tr("Faire pointer les couches Géoportail du projet ouvert vers la Géoplateforme"))
        self.action.triggered.connect(self.show_dialog)
        self.iface.addPluginToWebMenu(self.menu_name, self.action)
        self.iface.addWebToolBarIcon(self.action)
        QgsProject.instance().cleared.connect(self._forget)
        return self.action

    def _forget(self) -> None:
        """A new project: the undo records point at layers that are gone."""
        self.history.clear()
        if self.dialog is not None:
            self.dialog.close()

    def show_dialog(self) -> Any:
        from .bascule_dialog import BasculeDialog

        if self.dialog is None:
            self.dialog = BasculeDialog(QgsProject.instance(), self.iface, self.history, self.iface.mainWindow())
        else:
            self.dialog.refresh()
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog

    def unregister(self) -> None:
        try:
            QgsProject.instance().cleared.disconnect(self._forget)
        except (TypeError, RuntimeError):
            pass
        if self.action is not None:
            self.iface.removePluginWebMenu(self.menu_name, self.action)
            self.iface.removeWebToolBarIcon(self.action)
            self.action.deleteLater()
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        bascule = sys.modules.get(f"{__package__.rpartition('.')[0]}.bascule.project_bascule")
        if bascule is not None:  # backup hooks exist only once the bascule module was used
            bascule.BackupGuard.disarm_all()
        self.action = None
        self.dialog = None
        self.history.clear()


class ConnectionsRegistration:
    """The Web ▸ GPF Bascule action "Basculer les connexions enregistrées…"."""

    def __init__(self, iface: Any, menu_name: str | None = None) -> None:
        self.iface = iface
        self.menu_name = menu_name or tr("GPF Bascule")
        self.action: QAction | None = None
        self.dialog: Any = None  # ui.connections_dialog.ConnectionsDialog, built on first use

    def register(self) -> QAction:
        self.action = QAction(tr("Basculer les connexions enregistrées…"), self.iface.mainWindow())
        self.action.setObjectName("gpf_bascule_connections")
        self.action.setStatusTip(tr("Réécrire vers la Géoplateforme les connexions WMS, WFS, XYZ et tuiles "
                                    "vectorielles qui pointent vers les anciens services Géoportail"))
        self.action.triggered.connect(self.show)
        self.iface.addPluginToWebMenu(self.menu_name, self.action)
        return self.action

    def show(self) -> Any:
        from .connections_dialog import ConnectionsDialog

        self.dialog = ConnectionsDialog(self.iface, self.iface.mainWindow())
        self.dialog.show()
        return self.dialog

    def unregister(self) -> None:
        if self.action is not None:
            self.iface.removePluginWebMenu(self.menu_name, self.action)
            self.action.deleteLater()
            self.action = None
        if self.dialog is not None:
            self.dialog.close()
            self.dialog = None


class FolderRegistration:
    """The Web menu action "Basculer un dossier de projets…" and the tasks it starts."""

    def __init__(self, iface: Any, menu_name: str | None = None) -> None:
        self.iface = iface
        self.menu_name = menu_name or tr("GPF Bascule")
        self.action: QAction | None = None

    def register(self) -> QAction:
        action = QAction(plugin_icon("bascule-dossier"), tr("Basculer un dossier de projets…"), self.iface.mainWindow())
        action.setObjectName("gpf_bascule_folder")
        action.setStatusTip(tr("Basculer vers la Géoplateforme tous les projets QGIS d'un dossier, avec un rapport"))
        action.triggered.connect(self.show_dialog)
        self.iface.addPluginToWebMenu(self.menu_name, action)
        self.action = action
        return action

    def unregister(self) -> None:
        task = sys.modules.get(f"{__package__.rpartition('.')[0]}.bascule.folder_task")
        if task is not None:  # only once a folder was migrated in this session
            task.cancel_folder_tasks()
        if self.action is not None:
            self.iface.removePluginWebMenu(self.menu_name, self.action)
            self.action.deleteLater()
            self.action = None

    def build_dialog(self) -> Any:
        """The dialog with the fields of last time (GpfSettings keeps them: state, not a setting)."""
        from ..settings import GpfSettings
        from .folder_dialog import FolderDialog

        return FolderDialog(self.iface.mainWindow(), GpfSettings.load_folder_state())

    def show_dialog(self) -> None:
        from ..settings import GpfSettings
        from .folder_dialog import UNDO

        dialog = self.build_dialog()
        answer = dialog.exec()
        if answer in (UNDO, QDialog.DialogCode.Accepted):
            GpfSettings.save_folder_state(dialog.state())  # what was chosen comes back next time
        if answer == UNDO:
            self.open_restore_tool(dialog.undo_parameters())
        elif answer == QDialog.DialogCode.Accepted:
            job = dialog.job()
            if job is not None:
                from ..bascule.folder_task import start_folder_task

                start_folder_task(job, self.iface)

    @staticmethod
    def open_restore_tool(parameters: dict[str, str]) -> None:
        """The Processing dialog of restore_backups (preview, progress and log come with it)."""
        import processing

        processing.execAlgorithmDialog("gpf_bascule:restore_backups", parameters)
