"""Old Géoportail projects redirected to GPF as they open, against the loopback GPF (or offline).

The project open handler is called as QGIS's own File ▸ Open calls it (`QgisApp::addProject` asks each
registered handler first); a project read by a script and a .qlr go the late way (layers given their GPF source
once added). Every version of QGIS the suite runs on takes the same path.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsProject, QgsProjectBadLayerHandler, QgsSettings

import gpf_bascule
from gpf_bascule.bascule.load_redirect import SETTING_KEY, STORAGE_TYPE, RedirectRegistration
from gpf_bascule.mapping.batch import default_migrator
from gpf_bascule.mapping.project_files import rewrite_file

ROOT = Path(gpf_bascule.__file__).resolve().parent
DEMO = ROOT / "resources" / "demo" / "projet_geoportail_2019.qgz"
# The demo layers the engine leaves alone (test_migrated_project_opens.py); the 16 others open from GPF.
NEEDS_KEY = {"Carte IGN SCAN 25 (clé personnelle)"}
UNMAPPED = {"Ortho express 2022"}
NOT_REDIRECTED = UNMAPPED | {"Limites administratives (déjà Géoplateforme)", "OpenStreetMap", "Zones d'étude"}
# The demo's old key, password and user name (tools/make_demo_project.py).
SECRETS = ("abcd1234efgh5678ijkl9012", "Geoportail2019!", "ign2019")
OLD_HOSTS = re.compile(r"wxs\.ign\.fr|gpp3-wxs\.ign\.fr|wxs-gpu\.mongeoportail|vectortiles\.ign\.fr")


class HandlerIface:
    """QGIS's interface as the tests' iface, plus the project open handler registry of QGIS's main window."""

    def __init__(self, iface) -> None:  # noqa: ANN001
        self._iface = iface
        self.handlers: list = []

    def __getattr__(self, name: str):  # noqa: ANN204
        return getattr(self._iface, name)

    def registerCustomProjectOpenHandler(self, handler) -> None:  # noqa: N802, ANN001
        self.handlers.append(handler)

    def unregisterCustomProjectOpenHandler(self, handler) -> None:  # noqa: N802, ANN001
        self.handlers.remove(handler)

    def open_project(self, path: Path, project: QgsProject) -> None:
        """What QgisApp::addProject does: each handler first, QGIS itself when none takes the file."""
        if not any(handler.handleProjectOpen(str(path)) for handler in self.handlers):
            assert project.read(str(path)), project.error()


@pytest.fixture
def iface(qgis_iface) -> HandlerIface:
    return HandlerIface(qgis_iface)


@pytest.fixture
def registration(iface, project):
    from gpf_bascule.ui.connections_dialog import ChangesDialog

    QgsSettings().remove(SETTING_KEY)  # default: on
    reg = RedirectRegistration(iface, project, details_view=ChangesDialog)  # as plugin.py wires it
    reg.register()
    yield reg
    reg.unregister()
    QgsSettings().remove(SETTING_KEY)


class RecordingBadLayers(QgsProjectBadLayerHandler):
    """Stands for QGIS's bad-layers dialog: it is given the same XML nodes the dialog lists."""

    def __init__(self) -> None:
        super().__init__()
        self.sources: dict[str, str] = {}

    def handleBadLayers(self, layers) -> None:  # noqa: N802, ANN001
        for node in layers:
            element = node.toElement()
            self.sources[element.firstChildElement("layername").text()] = element.firstChildElement("datasource").text()


@pytest.fixture
def bad_layers(project):
    handler = RecordingBadLayers()
    project.setBadLayerHandler(handler)
    yield handler
    project.setBadLayerHandler(QgsProjectBadLayerHandler())


def _source(project: QgsProject, name: str) -> str:
    return project.mapLayersByName(name)[0].source()


def _demo(tmp_path: Path, suffix: str = ".qgz") -> Path:
    shutil.copytree(DEMO.parent / "donnees", tmp_path / "donnees")
    path = Path(shutil.copy(DEMO, tmp_path / DEMO.name))
    if suffix == ".qgs":
        with zipfile.ZipFile(path) as archive:
            (entry,) = [name for name in archive.namelist() if name.endswith(".qgs")]
            qgs = path.with_suffix(".qgs")
            qgs.write_bytes(archive.read(entry))
        path.unlink()
        return qgs
    return path


def _saved_layers(path: Path) -> dict[str, str]:
    """Layer name -> data source, as written in a saved .qgs or .qgz."""
    from lxml import etree

    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            (entry,) = [name for name in archive.namelist() if name.endswith(".qgs")]
            data = archive.read(entry)
    else:
        data = path.read_bytes()
    root = etree.fromstring(data)
    return {
        layer.findtext("layername"): layer.findtext("datasource") or ""
        for layer in root.iter("maplayer")
    }


def _cli_redirects(path: Path) -> set[str]:
    """The layers the command line migrates (migrated or moved to the private service) in this file."""
    rewrite = rewrite_file(path.name, path.read_bytes(), default_migrator())
    return {s.name for s in rewrite.sources if s.status in ("migrated", "needs-key") and s.new_source != s.old_source}


def test_the_open_handler_is_registered_with_qgis_and_removed(iface, project) -> None:
    reg = RedirectRegistration(iface, project)
    reg.register()
    assert reg.installed and iface.handlers == [reg.open_handler]
    reg.set_enabled(False)
    assert iface.handlers == []
    reg.set_enabled(True)
    assert iface.handlers == [reg.open_handler]
    reg.unregister()
    assert iface.handlers == [] and not reg.installed
    assert QgsApplication.projectStorageRegistry().projectStorageFromType(STORAGE_TYPE) is None
    # A plugin reloaded in the same QGIS registers again (the registry deleted the first storage).
    again = RedirectRegistration(iface, project)
    again.register()
    assert QgsApplication.projectStorageRegistry().projectStorageFromType(STORAGE_TYPE) is not None
    again.unregister()
    QgsSettings().remove(SETTING_KEY)


def test_demo_project_opens_from_gpf_and_says_how_many_layers(fake_gpf, registration, iface, project, tmp_path):
    demo = _demo(tmp_path)
    before = demo.read_bytes()
    iface.open_project(demo, project)
    report = registration.last_report
    names = {item.name for item in report}
    layers = {layer.name(): layer for layer in project.mapLayers().values()}
    assert len(report) == 16, sorted(names)
    assert names == set(layers) - NOT_REDIRECTED == _cli_redirects(demo)
    assert {item.name for item in report if item.status == "needs-key"} == NEEDS_KEY
    for name in names - NEEDS_KEY:
        assert layers[name].isValid(), name
        assert not OLD_HOSTS.search(layers[name].source()), name
    assert layers["Zones d'étude"].isValid()  # a relative path, resolved against the real project folder
    assert not layers["Ortho express 2022"].isValid()  # unmapped: left as it was
    assert fake_gpf.old_hosts() <= {"wxs.ign.fr"}  # only the unmapped layer still asks the old host
    bar = registration.iface.messageBar()
    texts = [widget.text() for widget in bar.items()] if hasattr(bar, "items") else []
    assert any("16 couche(s)" in text for text in texts), texts
    # QGIS goes on as with any project: its own file name (recent projects, title, Save), unsaved changes.
    assert Path(project.fileName()) == demo and project.isDirty()
    assert demo.read_bytes() == before  # nothing written until the user saves


def test_the_redirected_list_shows_what_changed_and_stretches(fake_gpf, registration, iface, project, tmp_path,
                                                               qtbot):
    iface.open_project(_demo(tmp_path), project)
    registration.show_details(registration.last_report)
    dialog = registration._dialog
    qtbot.addWidget(dialog)
    rows = {dialog.tree.topLevelItem(index).text(0): dialog.tree.topLevelItem(index)
            for index in range(dialog.tree.topLevelItemCount())}
    photo = rows["Photographies aériennes"]
    assert photo.text(3) == "basculée"  # done, in the one vocabulary, without the machine word
    assert rows["Carte IGN SCAN 25 (clé personnelle)"].text(3) == "basculée, clé personnelle requise"
    assert photo.text(1).startswith("…tileMatrixSet=PM …url=https://wxs.ign.fr")  # the changed part, not the head
    assert photo.text(2).startswith("…tileMatrixSet=PM_0_21 …url=https://data.geopf.fr")
    assert photo.toolTip(1).startswith("contextualWMSLegend=") and "wxs.ign.fr" in photo.toolTip(1)  # whole text
    dialog.tree.setCurrentItem(photo)
    assert "background-color" in dialog.details.toHtml()
    dialog.resize(1000, 400)
    dialog.show()
    qtbot.waitExposed(dialog)
    narrow = dialog.tree.columnWidth(1)
    dialog.resize(2000, 400)
    qtbot.waitUntil(lambda: dialog.tree.columnWidth(1) > narrow)
    assert not [secret for secret in SECRETS if any(secret in photo.toolTip(column) for column in (1, 2))]
    dialog.close()


@pytest.mark.parametrize("suffix", [".qgz", ".qgs"])
@pytest.mark.parametrize("network", ["offline", "fake_gpf"])
def test_save_after_opening_keeps_every_gpf_source(network, suffix, request, registration, iface, project, tmp_path):
    """Loaded or not (offline: no layer loads), every redirected layer is saved with its GPF source."""
    request.getfixturevalue(network)
    demo = _demo(tmp_path, suffix)
    before = demo.read_bytes()
    iface.open_project(demo, project)
    assert len(registration.last_report) == 16
    assert project.write(), project.error()
    saved = _saved_layers(demo)
    old = {name for name, source in saved.items() if OLD_HOSTS.search(source)}
    assert old == UNMAPPED, old
    for name, source in saved.items():
        if name not in UNMAPPED:
            assert not any(secret in source for secret in SECRETS), name
    assert zipfile.is_zipfile(demo) == (suffix == ".qgz")  # a .qgs stays a plain .qgs
    assert saved["Zones d'étude"].startswith("./donnees/")  # relative paths stay relative
    (backup,) = tmp_path.glob(f"{demo.name}.bak-gpf-*")
    assert backup.read_bytes() == before


@pytest.mark.parametrize("beside", ["{stem}.qgd", "{stem}_attachments.zip", "{stem}_fr.qm"])
def test_a_project_with_files_beside_it_is_read_by_qgis_then_redirected(
    beside, offline, registration, iface, project, tmp_path
) -> None:
    """QGIS reads a .qgs's .qgd and attachments, and translations, only beside a file it reads itself."""
    demo = _demo(tmp_path, ".qgz" if beside.endswith(".qm") else ".qgs")
    sidecar = tmp_path / beside.format(stem=demo.stem)
    sidecar.write_bytes(b"")
    assert registration.open_handler.handleProjectOpen(str(demo)) is False
    iface.open_project(demo, project)  # QGIS reads it; the layers get their GPF source once read
    assert len(registration.last_report) == 16
    assert project.write(), project.error()
    old = {name for name, source in _saved_layers(demo).items() if OLD_HOSTS.search(source)}
    assert old == UNMAPPED, old
    assert sidecar.exists()
    assert list(tmp_path.glob(f"{demo.name}.bak-gpf-*"))


def test_the_bad_layers_dialog_lists_gpf_addresses(offline, registration, iface, project, tmp_path, bad_layers):
    iface.open_project(_demo(tmp_path), project)
    # Offline, every layer that asks its server at once is unavailable (tile layers ask later, when drawn).
    assert len(bad_layers.sources) >= 10
    assert set(bad_layers.sources) <= {layer.name() for layer in project.mapLayers().values()}
    old = {name for name, source in bad_layers.sources.items() if OLD_HOSTS.search(source)}
    assert old == UNMAPPED, old
    assert any("data.geopf.fr" in source for source in bad_layers.sources.values())


def test_a_project_without_old_sources_is_left_to_qgis(registration, project_without_old_sources, tmp_path):
    assert registration.open_handler.handleProjectOpen(str(project_without_old_sources)) is False
    assert registration.open_handler.handleProjectOpen(str(tmp_path / "absent.qgz")) is False
    assert registration.open_handler.handleProjectOpen("postgresql://host?dbname=x&project=y") is False


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 not a zip", b"<html>proxy error</html>"])
def test_a_damaged_project_is_left_to_qgis_untouched(content, registration, project, tmp_path) -> None:
    path = tmp_path / "abime.qgz"
    path.write_bytes(content)
    assert registration.open_handler.handleProjectOpen(str(path)) is False
    assert path.read_bytes() == content and registration.last_report == []


def test_setting_off_redirects_nothing(fake_gpf, iface, project, tmp_path) -> None:
    QgsSettings().setValue(SETTING_KEY, False)
    reg = RedirectRegistration(iface, project)
    reg.register()
    try:
        assert not reg.installed and not reg.open_handler.handleProjectOpen(str(_demo(tmp_path)))
        project.read(str(tmp_path / DEMO.name))
        assert reg.last_report == []
        assert "wxs.ign.fr" in _source(project, "Adresses BAN")
    finally:
        reg.unregister()
        QgsSettings().remove(SETTING_KEY)


def test_a_project_read_by_a_script_is_redirected_once_read(offline, registration, project, tmp_path) -> None:
    """No open handler on this path (another plugin, a script): the layers get their GPF source once added."""
    demo = _demo(tmp_path)
    assert project.read(str(demo))
    # The layer whose authcfg QGIS could not open (no master password here) is read again without it.
    assert {item.name for item in registration.last_report} == _cli_redirects(demo)
    assert len(registration.last_report) == 16
    assert project.write()
    old = {name for name, source in _saved_layers(demo).items() if OLD_HOSTS.search(source)}
    assert old == UNMAPPED


def test_a_layer_file_is_redirected_too(fake_gpf, registration, project, tmp_path, qtbot) -> None:
    from qgis.core import QgsLayerDefinition, QgsRasterLayer

    old = (
        "contextualWMSLegend=0&crs=EPSG:3857&dpiMode=7&featureCount=10&format=image/jpeg"
        "&layers=ORTHOIMAGERY.ORTHOPHOTOS&styles=normal&tileMatrixSet=PM"
        "&url=https://wxs.ign.fr/ortho/geoportail/wmts?SERVICE%3DWMTS%26REQUEST%3DGetCapabilities"
    )
    registration.set_enabled(False)
    layer = QgsRasterLayer(old, "Ortho (qlr)", "wms")
    project.addMapLayer(layer)
    qlr = tmp_path / "ortho.qlr"
    ok, error = QgsLayerDefinition.exportLayerDefinition(str(qlr), [project.layerTreeRoot().findLayer(layer.id())])
    assert ok, error
    project.clear()
    registration.set_enabled(True)
    ok, error = QgsLayerDefinition.loadLayerDefinition(str(qlr), project, project.layerTreeRoot())
    assert ok, error
    qtbot.waitUntil(lambda: bool(registration.last_report), timeout=5000)
    (item,) = registration.last_report
    assert item.name == "Ortho (qlr)" and item.status == "migrated"
    assert project.mapLayer(item.layer_id).isValid()
