"""QGIS entry point of gpf_bascule: wiring only.

Start-up must stay light (QGIS loads every plugin before showing its window): this module registers actions,
the dock (built when first shown), the Browser provider and the locator; no catalogue is read, no request sent.
"""

from __future__ import annotations

from pathlib import Path

from qgis.PyQt.QtCore import QCoreApplication, Qt, QTranslator
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QMessageBox, QWidget

from .__about__ import __homepage__, __icon_path__, __title__, __version__
from .i18n import tr, user_language

PLUGIN_DIR = Path(__file__).resolve().parent


class GpfBasculePlugin:
    """What QGIS sees of the plugin: `initGui` adds the menu entry, `unload` takes it away again."""

    def __init__(self, iface) -> None:  # noqa: ANN001 (QgisInterface, or a test stub)
        self.iface = iface
        self.menu_name = tr("GPF Bascule")
        self.actions: list[QAction] = []
        self.about_action: QAction | None = None
        self.catalog_dock = None  # ui.catalog_dock.DockRegistration, once initGui ran
        self.browser = None  # ui.browser.BrowserRegistration
        self.locator = None  # ui.locator.LocatorRegistration
        self.project_bascule = None  # ui.bascule_dialog.BasculeRegistration
        self.redirect = None  # bascule.load_redirect.RedirectRegistration
        self.connections = None  # ui.connections_dialog.ConnectionsRegistration
        self.folder = None  # ui.bascule_actions.FolderRegistration
        self.processing = None  # processing_provider.provider.ProcessingRegistration
        self.options = None  # ui.options_page.OptionsRegistration
        self.refresh_retry = None  # bascule.refresh_retry.RefreshRetry: a failed catalogue refresh is tried again
        self._translator: QTranslator | None = None
        self._install_translator()

    def _install_translator(self) -> None:
        """Load resources/i18n/gpf_bascule_<lang>.qm when one exists; no file means French source strings."""
        qm = PLUGIN_DIR / "resources" / "i18n" / f"gpf_bascule_{user_language()}.qm"
        if qm.is_file():
            translator = QTranslator()
            if translator.load(str(qm)):
                QCoreApplication.installTranslator(translator)
                self._translator = translator

    def initGui(self) -> None:  # noqa: N802 (name imposed by QGIS)
        """Add the actions, the dock, the Browser provider and the locator; QGIS calls this once its window exists."""
        action = QAction(QIcon(str(__icon_path__)), tr("GPF Bascule — à propos"), self.iface.mainWindow())
        action.setObjectName("gpf_bascule_about")
        action.setStatusTip(tr("Comment basculer un projet Géoportail vers la Géoplateforme"))
        action.triggered.connect(self.show_about)
        self.iface.addPluginToWebMenu(self.menu_name, action)
        self.about_action = action
        self.actions.append(action)
        self._register_catalog_views()
        self._register_bascule()

    def _register_bascule(self) -> None:
        """The bascule inside QGIS: open project (dialog, undo, backup), old projects as they open, connections."""
        from .bascule import private_key
        from .bascule.load_redirect import RedirectRegistration
        from .ui.bascule_actions import BasculeRegistration, ConnectionsRegistration, FolderRegistration
        from .ui.connections_dialog import ChangesDialog
        from .ui.key_dialog import ask_key

        private_key.set_key_asker(ask_key)  # the key dialog is the ui's: the key service only calls it
        self.project_bascule = BasculeRegistration(self.iface, self.menu_name)
        self.project_bascule.register()
        self.catalog_dock.dock.basculeRequested.connect(self.project_bascule.show_dialog)
        self.redirect = RedirectRegistration(self.iface, details_view=ChangesDialog)
        self.redirect.register()
        self.connections = ConnectionsRegistration(self.iface, self.menu_name)
        self.connections.register()
        self.folder = FolderRegistration(self.iface, self.menu_name)
        self.folder.register()
        self.initProcessing()
        from .ui.options_page import OptionsRegistration

        self.options = OptionsRegistration(self.iface, self.redirect)
        self.options.register()

    def initProcessing(self) -> None:  # noqa: N802 (called by QGIS, and by qgis_process with hasProcessingProvider=yes)
        """Register the "Géoplateforme" Processing provider (qgis_process never calls initGui)."""
        if self.processing is None:
            from .processing_provider.provider import ProcessingRegistration

            self.processing = ProcessingRegistration()
        self.processing.register()

    def _register_catalog_views(self) -> None:
        """The catalogue's three views: dock (built when first shown), Browser provider, locator filter.

        None of them reads the catalogue now; the first view a user opens loads the bundled snapshot, and the
        dock's first showing starts a background refresh when the last one is more than a day old.
        """
        from .ui.browser import BrowserRegistration
        from .ui.catalog_dock import DockRegistration
        from .ui.locator import LocatorRegistration

        self.catalog_dock = DockRegistration(self.iface, self.menu_name)
        dock = self.catalog_dock.register()
        dock.refreshRequested.connect(self._refresh_catalog)
        dock.visibilityChanged.connect(self._refresh_catalog_if_due)
        self.browser = BrowserRegistration(self.iface)
        self.browser.register()
        self.locator = LocatorRegistration(self.iface)
        self.locator.register()
        from .bascule.refresh_retry import RefreshRetry

        self.refresh_retry = RefreshRetry(self.iface)

    def _refresh_catalog(self) -> None:
        from .bascule.catalog_refresh import start_refresh

        self._watch_refresh(start_refresh(self.iface))

    def _refresh_catalog_if_due(self, visible: bool) -> None:
        if visible:
            from .bascule.catalog_refresh import refresh_if_due

            self._watch_refresh(refresh_if_due(self.iface))

    def _watch_refresh(self, task) -> None:  # noqa: ANN001 (bascule.catalog_refresh.RefreshTask or None)
        """A failed refresh is tried again in this session, on catalog/schedule.py's back-off."""
        if self.refresh_retry is not None:
            self.refresh_retry.watch(task)

    def unload(self) -> None:
        """Remove everything initGui added, so that reloading the plugin leaves no duplicate entry."""
        from .bascule.catalog_refresh import cancel_refresh
        from .log import release_messages

        cancel_refresh()
        release_messages()  # the plugin's message-bar items go with it
        from .bascule.private_key import set_key_asker

        set_key_asker(None)
        for registration in (
            "options", "processing", "folder", "connections", "redirect", "project_bascule", "locator", "browser",
            "catalog_dock", "refresh_retry",
        ):
            if getattr(self, registration, None) is not None:
                getattr(self, registration).unregister()
                setattr(self, registration, None)
        for action in self.actions:
            self.iface.removePluginWebMenu(self.menu_name, action)
            action.deleteLater()
        self.actions.clear()
        self.about_action = None
        if self._translator is not None:
            QCoreApplication.removeTranslator(self._translator)
            self._translator = None

    @staticmethod
    def about_text() -> str:
        """What the about box says: what the plugin does today and how to run the command line."""
        return tr(
            "<p><b>{title} {version}</b></p>"
            "<p>Les anciens services Géoportail (<code>wxs.ign.fr</code>) sont arrêtés. "
            "GPF Bascule réécrit les sources de données de vos projets QGIS (WMTS, WMS raster et vecteur, "
            "WFS, tuiles vectorielles) vers la Géoplateforme (<code>data.geopf.fr</code>), "
            "en gardant styles, groupes et mises en page.</p>"
            "<p>Dans le menu Internet ▸ GPF Bascule : le catalogue de la Géoplateforme, la bascule du projet "
            "ouvert, d'un dossier de projets et des connexions enregistrées. Les administrateurs ont aussi la "
            "ligne de commande, depuis le dossier de l'extension, et les traitements « Géoplateforme » :</p>"
            "<pre>./gpf-bascule migrate projet.qgz --output-dir bascule/ --report rapport.html</pre>"
            "<p><code>--dry-run</code> montre ce qui changerait sans rien écrire ; "
            "<code>--in-place</code> réécrit les fichiers eux-mêmes, en gardant une sauvegarde à côté.</p>"
            '<p><a href="{homepage}">{homepage}</a></p>'
        ).format(title=__title__, version=__version__, homepage=__homepage__)

    def build_about_box(self, parent: QWidget | None = None) -> QMessageBox:
        """The about box, built apart from `show_about` so that tests can inspect it without a modal loop."""
        box = QMessageBox(parent if parent is not None else self.iface.mainWindow())
        box.setObjectName("gpf_bascule_about_box")
        box.setIcon(QMessageBox.Icon.Information)
        box.setIconPixmap(QIcon(str(__icon_path__)).pixmap(64, 64))
        box.setWindowTitle(tr("GPF Bascule — à propos"))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(self.about_text())
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        return box

    def show_about(self) -> None:
        """Show the about box (modal, like QGIS's own about boxes)."""
        self.build_about_box().exec()
