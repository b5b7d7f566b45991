"""Old Géoportail projects redirected to GPF as they open (path pre-processor), against the loopback GPF."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from qgis.core import QgsPathResolver, QgsProject, QgsSettings

import gpf_bascule
from gpf_bascule.bascule.load_redirect import (
    SETTING_KEY,
    LoadRedirector,
    RedirectRegistration,
    guess_provider,
    same_source,
)

ROOT = Path(gpf_bascule.__file__).resolve().parent
DEMO = ROOT / "resources" / "demo" / "projet_geoportail_2019.qgz"
# The demo layers the engine leaves alone (test_migrated_project_opens.py); the 16 others open from GPF.
NEEDS_KEY = {"Carte IGN SCAN 25 (clé personnelle)"}
NOT_REDIRECTED = {
    "Ortho express 2022", "Limites administratives (déjà Géoplateforme)", "OpenStreetMap", "Zones d'étude"
}


@pytest.fixture
def registration(qgis_iface, project):
    QgsSettings().remove(SETTING_KEY)  # default: on
    reg = RedirectRegistration(qgis_iface, project)
    reg.register()
    yield reg
    reg.unregister()
    QgsSettings().remove(SETTING_KEY)


def _source(project: QgsProject, name: str) -> str:
    return project.mapLayersByName(name)[0].source()


def _demo(tmp_path: Path) -> Path:
    shutil.copytree(DEMO.parent / "donnees", tmp_path / "donnees")
    return Path(shutil.copy(DEMO, tmp_path / DEMO.name))


def test_the_preprocessor_sees_whole_data_sources_on_this_qgis(project, tmp_path: Path) -> None:
    """The finding the design rests on: 3.22 passes WMS/WFS/vector-tile URIs, not only file paths."""
    seen: list[str] = []

    def spy(path: str) -> str:
        seen.append(path)
        return path

    spy_id = QgsPathResolver.setPathPreprocessor(spy)
    try:
        project.read(str(_demo(tmp_path)))
    finally:
        QgsPathResolver.removePathPreprocessor(spy_id)
    assert any("typename='BAN.ADRESSE:ban'" in s for s in seen)
    assert any("layers=ORTHOIMAGERY.ORTHOPHOTOS&" in s for s in seen)
    assert any(s.startswith("styleUrl=") for s in seen)


def test_provider_is_told_from_the_source_syntax() -> None:
    assert guess_provider("pagingEnabled='true' typename='a:b' url='https://wxs.ign.fr/x/geoportail/wfs'") == "WFS"
    assert guess_provider("https://wxs.ign.fr/x/geoportail/wfs?SERVICE=WFS&typename=a") == "WFS"
    assert guess_provider("crs=EPSG:3857&layers=A&url=https://wxs.ign.fr/x/geoportail/wmts") == "wms"
    assert guess_provider("styleUrl=s.json&type=xyz&url=https://x/%7Bz%7D.pbf") == "vectortile"
    assert guess_provider("WMTS:https://wxs.ign.fr/x/geoportail/wmts,layer=A") == "gdal"
    inline = "<GDAL_WMTS><GetCapabilitiesUrl>https://wxs.ign.fr/x/geoportail/wmts</GetCapabilitiesUrl>"
    assert guess_provider(inline) == "gdal"


def test_non_ign_sources_come_back_untouched() -> None:
    redirector = LoadRedirector()
    for source in ("./donnees/a.gpkg|layername=a", "type=xyz&url=https://tile.openstreetmap.org/%7Bz%7D.png", ""):
        assert redirector.preprocess(source) == source
    assert not redirector.has_pending()


def test_loaded_source_matches_even_with_defaults_added() -> None:
    new = "type=xyz&url=https://data.geopf.fr/wmts?x&zmax=19&zmin=0"
    assert same_source("crs=EPSG:3857&format&type=xyz&url=https://data.geopf.fr/wmts?x&zmax=19&zmin=0", new)
    assert not same_source("type=xyz&url=https://tile.openstreetmap.org/x", new)


def test_demo_project_opens_from_gpf_and_says_how_many_layers(fake_gpf, registration, project, tmp_path) -> None:
    assert registration.redirector.installed
    assert project.read(str(_demo(tmp_path)))
    report = registration.last_report
    names = {item.name for item in report}
    layers = {layer.name(): layer for layer in project.mapLayers().values()}
    assert len(report) == 16, sorted(names)
    assert names == set(layers) - NOT_REDIRECTED
    assert {item.name for item in report if item.status == "needs-key"} == NEEDS_KEY
    for name in names - NEEDS_KEY:
        assert layers[name].isValid(), name
        assert "wxs.ign.fr" not in layers[name].source()
    assert not layers["Ortho express 2022"].isValid()  # unmapped: left as it was
    assert fake_gpf.old_hosts() <= {"wxs.ign.fr"}  # only the unmapped layer still asks the old host
    bar = registration.iface.messageBar()
    texts = [widget.text() for widget in bar.items()] if hasattr(bar, "items") else []
    assert any("16 couche(s)" in text for text in texts), texts
    assert project.isDirty()


def test_details_list_is_redacted(fake_gpf, registration, project, tmp_path, qtbot) -> None:
    project.read(str(_demo(tmp_path)))
    registration.show_details(registration.last_report)
    dialog = registration._dialog
    qtbot.addWidget(dialog)
    texts = [dialog.tree.topLevelItem(i).text(c) for i in range(dialog.tree.topLevelItemCount()) for c in range(4)]
    joined = "\n".join(texts)
    assert dialog.tree.topLevelItemCount() == 16
    assert "abcd1234efgh5678ijkl9012" not in joined and "Geoportail2019!" not in joined
    assert "ign2019" not in joined


def test_setting_off_redirects_nothing(fake_gpf, qgis_iface, project, tmp_path) -> None:
    QgsSettings().setValue(SETTING_KEY, False)
    reg = RedirectRegistration(qgis_iface, project)
    reg.register()
    try:
        assert not reg.redirector.installed
        project.read(str(_demo(tmp_path)))
        assert reg.last_report == []
        assert "wxs.ign.fr" in _source(project, "Adresses BAN")
    finally:
        reg.unregister()
        QgsSettings().remove(SETTING_KEY)


def test_unregister_removes_the_preprocessor(qgis_iface, project, tmp_path) -> None:
    reg = RedirectRegistration(qgis_iface, project)
    reg.register()
    assert reg.redirector.installed
    reg.unregister()
    assert not reg.redirector.installed
    project.read(str(_demo(tmp_path)))
    assert reg.last_report == []
    assert "wxs.ign.fr" in _source(project, "Adresses BAN")


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
