"""Run by `tools/run_qgis.sh --screenshot` inside QGIS (`qgis --code`): open the plugin's views, grab, quit.

Environment: GPF_RUN_SCREENSHOT (PNG path), GPF_RUN_SHOW (comma list: dock, browser, bascule, options),
GPF_RUN_DELAY (seconds QGIS gets to settle before the picture), GPF_RUN_GRAB (screen, or dialog for the open
dialog alone), GPF_RUN_PROJECT (opened here, not on the command
line, so that the layers a machine without network cannot reach do not stop everything behind QGIS's modal
"unavailable layers" dialog: they are listed in the log instead). The picture is the whole X screen, the way a
user sees it, taken by Qt from the root window (no ImageMagick needed).
"""

import os

from qgis.core import Qgis, QgsApplication, QgsMessageLog, QgsProject, QgsProjectBadLayerHandler
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QAbstractItemView, QApplication, QDockWidget, QTreeView, QWidget
from qgis.utils import iface, plugins

OUTPUT = os.environ.get("GPF_RUN_SCREENSHOT", "")
SHOW = {word.strip() for word in os.environ.get("GPF_RUN_SHOW", "dock,bascule").split(",") if word.strip()}
DELAY_MS = int(float(os.environ.get("GPF_RUN_DELAY", "25")) * 1000)
PROJECT = os.environ.get("GPF_RUN_PROJECT", "")
GRAB = os.environ.get("GPF_RUN_GRAB", "screen")  # screen, or dialog: the open dialog alone


class QuietBadLayers(QgsProjectBadLayerHandler):
    """Logs the unavailable layers (the base class does) instead of asking about them in a modal dialog."""


def _log(text: str) -> None:
    QgsMessageLog.logMessage(text, "GPF Bascule run", Qgis.Info)
    print(f"[run_qgis] {text}", flush=True)


def open_views() -> None:
    plugin = plugins.get("gpf_bascule")
    if plugin is None:
        _log("the plugin is not loaded")
        return
    window = iface.mainWindow()
    window.setGeometry(QApplication.primaryScreen().availableGeometry())  # Xvfb has no window manager to maximize
    if "browser" in SHOW:
        browser = window.findChild(QDockWidget, "Browser")
        if browser is not None:
            browser.show()
            browser.raise_()
            QTimer.singleShot(300, lambda: expand_browser(browser))
    if "dock" in SHOW and plugin.catalog_dock is not None:
        plugin.catalog_dock.dock.show()
        plugin.catalog_dock.dock.raise_()
    if "bascule" in SHOW and plugin.project_bascule is not None:
        dialog = plugin.project_bascule.show_dialog()
        dialog.resize(1100, 620)
        dialog.move(window.geometry().center() - dialog.rect().center())
        QTimer.singleShot(500, lambda: select_second_row(dialog))
    if "options" in SHOW:
        if getattr(plugin, "options", None) is None:  # until plugin.py registers the page itself
            from gpf_bascule.ui.options_page import OptionsRegistration

            plugin.options = OptionsRegistration(iface, plugin.redirect)
            plugin.options.register()
        QTimer.singleShot(1500, arrange_dialogs)
        QTimer.singleShot(DELAY_MS // 3, grab_and_quit)  # the options dialog is modal: the grab runs inside it
        iface.showOptionsDialog(window, "gpf_bascule_options")


def select_second_row(dialog: QWidget) -> None:
    """Show a layer that moves (the first row of the sample project is a local file) in the details pane."""
    for view in dialog.findChildren(QAbstractItemView):
        model = view.model()
        if view.isVisible() and model is not None and model.rowCount() > 2:  # not a combo box's hidden list
            view.setCurrentIndex(model.index(1, 0))
            return


def expand_browser(browser: QDockWidget) -> None:
    """Open the Browser's "Géoplateforme" item and its first group, as a user would to look for a layer."""
    view = browser.findChild(QTreeView)
    if view is None:
        return
    model = view.model()
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if model.data(index) == "Géoplateforme":
            view.expand(index)
            view.scrollTo(index, QTreeView.ScrollHint.PositionAtTop)
            QTimer.singleShot(1500, lambda parent=index: view.expand(model.index(0, 0, parent)))
            return


def arrange_dialogs() -> None:
    """Without a window manager a dialog opens small in a corner: give the modal one room, centred."""
    screen = QApplication.primaryScreen().availableGeometry()
    for widget in QApplication.topLevelWidgets():
        if widget.isModal() and widget.isVisible():
            widget.resize(min(1150, screen.width()), min(860, screen.height()))
            widget.move(screen.center() - widget.rect().center())


def grab_and_quit() -> None:
    if OUTPUT:
        dialogs = [widget for widget in QApplication.topLevelWidgets() if widget.isVisible() and
                   widget is not iface.mainWindow() and widget.width() > 300]
        if GRAB == "dialog" and dialogs:  # the dialog alone (its own rendering: no window frame without a WM)
            picture = max(dialogs, key=lambda widget: widget.isModal()).grab()
        else:
            picture = QApplication.primaryScreen().grabWindow(0)
        _log(f"screenshot {picture.width()}x{picture.height()} -> {OUTPUT}: {picture.save(OUTPUT, 'PNG')}")
    for widget in QApplication.topLevelWidgets():
        if widget.isModal() and widget.isVisible():
            widget.close()
    QgsProject.instance().setDirty(False)  # no "save the project?" question on the way out
    QApplication.instance().exit(0)


def open_project() -> None:
    if PROJECT:
        # A layer with an authcfg (the old project has one) makes QGIS ask for a master password in this fresh
        # profile; the profile is thrown away, so a throw-away password answers it in advance.
        QgsApplication.authManager().setMasterPassword("gpf-run", True)
        QgsProject.instance().setBadLayerHandler(QuietBadLayers())
        iface.addProject(PROJECT)
        QgsProject.instance().setDirty(False)


if OUTPUT:
    iface.mainWindow().setGeometry(QApplication.primaryScreen().availableGeometry())
    QTimer.singleShot(500, open_project)
    QTimer.singleShot(DELAY_MS * 2 // 3, open_views)
    if "options" not in SHOW:
        QTimer.singleShot(DELAY_MS, grab_and_quit)
