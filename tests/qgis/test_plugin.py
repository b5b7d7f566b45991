"""The plugin loads in QGIS, adds its menu entry, and leaves nothing behind when unloaded."""

from __future__ import annotations

import configparser
from pathlib import Path

import pytest
from qgis.PyQt.QtWidgets import QAction, QMessageBox

import gpf_bascule
from gpf_bascule import __about__

ROOT = Path(gpf_bascule.__file__).resolve().parent
REQUIRED_METADATA = ("name", "qgisMinimumVersion", "description", "about", "version", "author", "email", "repository")


@pytest.fixture
def plugin(qgis_iface):
    """The plugin as QGIS builds it: classFactory(iface), then initGui; unloaded afterwards."""
    qgis_iface.addPluginToWebMenu.reset_mock()
    qgis_iface.removePluginWebMenu.reset_mock()
    instance = gpf_bascule.classFactory(qgis_iface)
    instance.initGui()
    yield instance
    instance.unload()


def test_class_factory_builds_the_plugin_without_touching_the_gui(qgis_iface) -> None:
    qgis_iface.addPluginToWebMenu.reset_mock()
    instance = gpf_bascule.classFactory(qgis_iface)
    assert type(instance).__name__ == "GpfBasculePlugin"
    assert not qgis_iface.addPluginToWebMenu.called  # nothing before initGui


def test_init_gui_adds_the_about_action_to_the_web_menu(plugin, qgis_iface) -> None:
    action = plugin.about_action
    assert isinstance(action, QAction)
    assert action.text() == "GPF Bascule — à propos"
    assert not action.icon().isNull()
    qgis_iface.addPluginToWebMenu.assert_any_call("GPF Bascule", action)


def test_init_gui_registers_the_catalogue_views_without_reading_the_catalogue(plugin, qgis_iface) -> None:
    from qgis.core import QgsApplication

    dock_action = plugin.catalog_dock.action
    assert dock_action.text() == "Géoplateforme"
    qgis_iface.addPluginToWebMenu.assert_any_call("GPF Bascule", dock_action)
    assert not plugin.catalog_dock.dock.is_built  # built when first shown
    assert plugin.browser.provider in QgsApplication.dataItemProviderRegistry().providers()
    assert plugin.locator.filter is not None


def test_unload_takes_every_catalogue_view_away(qgis_iface) -> None:
    from qgis.core import QgsApplication

    instance = gpf_bascule.classFactory(qgis_iface)
    instance.initGui()
    provider = instance.browser.provider
    dock_action = instance.catalog_dock.action
    instance.unload()
    qgis_iface.removePluginWebMenu.assert_any_call("GPF Bascule", dock_action)
    assert provider not in QgsApplication.dataItemProviderRegistry().providers()
    assert (instance.catalog_dock, instance.browser, instance.locator) == (None, None, None)


def test_unload_removes_the_action(qgis_iface) -> None:
    instance = gpf_bascule.classFactory(qgis_iface)
    instance.initGui()
    action = instance.about_action
    instance.unload()
    qgis_iface.removePluginWebMenu.assert_called_with("GPF Bascule", action)
    assert instance.actions == []
    assert instance.about_action is None


def test_about_box_tells_how_to_run_the_command_line(plugin, qgis_iface, qtbot, tmp_path) -> None:
    box = plugin.build_about_box()
    qtbot.addWidget(box)
    assert box.windowTitle() == "GPF Bascule — à propos"
    assert "./gpf-bascule migrate" in box.text()
    assert __about__.__version__ in box.text()
    assert box.standardButtons() == QMessageBox.Ok
    box.show()
    qtbot.waitExposed(box)
    assert not box.grab().isNull()
    box.grab().save(str(tmp_path / "about.png"))


def test_action_trigger_opens_the_about_box(plugin, qtbot, monkeypatch) -> None:
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or QMessageBox.StandardButton.Ok)
    plugin.about_action.trigger()
    assert shown and "data.geopf.fr" in shown[0]


def test_metadata_has_the_fields_the_plugin_repository_requires() -> None:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(ROOT / "metadata.txt", encoding="utf-8")
    general = parser["general"]
    missing = [key for key in REQUIRED_METADATA if not general.get(key, "").strip()]
    assert not missing
    assert (ROOT / general["icon"]).is_file()
    assert general["version"] == __about__.__version__
    assert tuple(int(p) for p in general["qgisMinimumVersion"].split(".")) >= (3, 22)


def test_plugin_import_stays_light() -> None:
    """QGIS imports every plugin at start-up: plugin.py must not pull the engine or lxml in."""
    import subprocess
    import sys

    code = (
        "import sys, runpy; runpy.run_path(sys.argv[1], run_name='x')['load_package']();"
        "import gpf_bascule.plugin;"
        "heavy = [m for m in ('lxml', 'gpf_bascule.mapping.engine', 'owslib') if m in sys.modules];"
        "print(','.join(heavy))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(ROOT / "gpf-bascule")], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == ""


LOAD_LIKE_QGIS = r"""
import os, sys
from pathlib import Path
from unittest.mock import MagicMock
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QMainWindow

QCoreApplication.setOrganizationName("gpf_bascule_tests")
QCoreApplication.setApplicationName("plugin_load")
app = QgsApplication([], True)
app.initQgis()
import qgis.utils

plugins_dir = sys.argv[1]
sys.path.insert(0, plugins_dir)
window = QMainWindow()
iface = MagicMock()
iface.mainWindow.return_value = window
qgis.utils.iface = iface
qgis.utils.plugin_paths = [plugins_dir]
qgis.utils.updateAvailablePlugins()
assert "gpf_bascule" in qgis.utils.available_plugins, qgis.utils.available_plugins
found = dict(qgis.utils.findPlugins(plugins_dir))
assert "gpf_bascule" in found, found
assert found["gpf_bascule"].get("general", "name") == "GPF Bascule"
assert qgis.utils.loadPlugin("gpf_bascule"), "loadPlugin failed"
assert qgis.utils.startPlugin("gpf_bascule"), "startPlugin failed"
assert iface.addPluginToWebMenu.called
state = sys.modules.get("gpf_bascule.ui.catalog_state")
assert state is None or state.CatalogState._instance is None or state.CatalogState._instance._catalog is None, \
    "initGui read the catalogue"
assert "owslib" not in sys.modules and "gpf_bascule.catalog.parse" not in sys.modules
assert qgis.utils.unloadPlugin("gpf_bascule"), "unloadPlugin failed"
assert iface.removePluginWebMenu.called
window.deleteLater()
app.exitQgis()
print("loaded-started-unloaded")
"""


def test_qgis_loads_starts_and_unloads_the_plugin_folder(tmp_path: Path) -> None:
    """The path QGIS itself takes (qgis.utils, a folder named gpf_bascule), in a fresh process.

    A fresh process because unloadPlugin removes the package from sys.modules, and because a crash at exit
    (status 139) must show as a failure.
    """
    import os
    import subprocess
    import sys

    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "gpf_bascule").symlink_to(ROOT, target_is_directory=True)
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config"), "HOME": str(tmp_path / "home")}
    result = subprocess.run(
        [sys.executable, "-c", LOAD_LIKE_QGIS, str(plugins)], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "loaded-started-unloaded" in result.stdout


def test_the_dock_opens_the_bascule_of_the_open_project(plugin, qtbot) -> None:
    dock = plugin.catalog_dock.dock
    dock.show()
    qtbot.waitExposed(dock)
    assert plugin.project_bascule.dialog is None
    dock.bascule_button.click()
    dialog = plugin.project_bascule.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.close()
    dock.hide()


def test_the_redirect_report_opens_the_plugin_s_list_of_changes(plugin, qtbot) -> None:
    """The redirect service shows its details in the dialog plugin.py hands it (it never imports ui/ itself)."""
    from gpf_bascule.bascule.load_redirect import RedirectedLayer
    from gpf_bascule.mapping.result import MIGRATED, Migration

    old = "url=https://wxs.ign.fr/cle/geoportail/wmts&layers=X"
    new = "url=https://data.geopf.fr/wmts&layers=X"
    report = [RedirectedLayer("id", "Plan", Migration("wms", old, new, MIGRATED))]
    plugin.redirect.show_details(report)
    dialog = plugin.redirect._dialog
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and dialog.tree.topLevelItem(0).text(0) == "Plan"
    assert dialog.tree.topLevelItem(0).text(3) == "basculée"
    dialog.close()
