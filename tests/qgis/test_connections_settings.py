"""Saved connections in the QGIS profile: both settings layouts, rewrite, official ones, deletion only if confirmed."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from qgis.core import QgsSettings
from qgis.PyQt.QtCore import Qt

from gpf_bascule.bascule import connections_settings as cs
from gpf_bascule.ui.bascule_actions import ConnectionsRegistration
from gpf_bascule.ui.connections_dialog import ConnectionsDialog

KEY = "abcd1234efgh5678ijkl9012"
GROUPS = (
    "qgis/connections-wms", "qgis/connections-wfs", "qgis/connections-xyz", "qgis/connections-vector-tile",
    "qgis/WMS", "qgis/WFS", "connections",
)


@pytest.fixture
def settings(qgis_app):
    """A clean connections corner of the throw-away test profile (XDG_CONFIG_HOME), emptied again afterwards."""
    store = QgsSettings()
    for group in GROUPS:
        store.remove(group)
    yield store
    for group in GROUPS:
        store.remove(group)


def _write(settings: QgsSettings, values: dict[str, str]) -> None:
    for key, value in values.items():
        settings.setValue(key, value)


@pytest.fixture
def old_profile(settings: QgsSettings) -> QgsSettings:
    _write(settings, {
        # QGIS 3.22 layout
        "qgis/connections-wms/IGN ortho/url": f"https://wxs.ign.fr/{KEY}/geoportail/wmts",
        "qgis/WMS/IGN ortho/username": "jdupont",
        "qgis/WMS/IGN ortho/password": "Geoportail2019!",
        "qgis/connections-wfs/BD TOPO/url": "https://wxs.ign.fr/topographie/geoportail/wfs",
        "qgis/WFS/BD TOPO/authcfg": "ign2019",
        "qgis/connections-xyz/Plan IGN/url": (
            "https://wxs.ign.fr/cartes/geoportail/wmts?layer=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2&style=normal"
            "&tilematrixset=PM&Service=WMTS&Request=GetTile&Version=1.0.0&Format=image/png"
            "&TileMatrix={z}&TileCol={x}&TileRow={y}"
        ),
        "qgis/connections-xyz/Plan IGN/zmax": "19",
        "qgis/connections-xyz/OpenStreetMap/url": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        "qgis/connections-vector-tile/Plan IGN vecteur/url":
            "https://wxs.ign.fr/essentiels/geoportail/tms/1.0.0/PLAN.IGN/{z}/{x}/{y}.pbf",
        "qgis/connections-vector-tile/Plan IGN vecteur/styleUrl":
            "https://wxs.ign.fr/static/vectorTiles/styles/PLAN.IGN/essentiels/standard.json",
        "qgis/connections-wms/Mon serveur/url": "https://example.org/wms",
        # QGIS 3.30+ layout (settings tree: .../items/<name>/...)
        "connections/ows/items/wms/connections/items/Ortho 3.34/url": "https://wxs.ign.fr/ortho/geoportail/r/wms",
        "connections/ows/items/wms/connections/items/Ortho 3.34/password": "secret",
        "connections/ows/items/wfs/connections/items/Admin 3.34/url": "https://wxs.ign.fr/administratif/geoportail/wfs",
        "connections/xyz/items/Ortho XYZ 3.34/url": (
            "https://wxs.ign.fr/ortho/geoportail/wmts?layer=ORTHOIMAGERY.ORTHOPHOTOS&style=normal&tilematrixset=PM"
            "&Service=WMTS&Request=GetTile&Version=1.0.0&Format=image/jpeg&TileMatrix={z}&TileCol={x}&TileRow={y}"
        ),
        "connections/vector-tile/items/PLAN 3.34/url":
            "https://wxs.ign.fr/essentiels/geoportail/tms/1.0.0/PLAN.IGN/{z}/{x}/{y}.pbf",
    })
    return settings


def _by_name(plans: list[cs.ConnectionPlan]) -> dict[str, cs.ConnectionPlan]:
    return {plan.connection.name: plan for plan in plans}


def test_both_layouts_are_listed_and_only_old_ones_proposed(old_profile) -> None:
    names = {(c.layout.generation, c.kind, c.name) for c in cs.list_connections(old_profile)}
    assert ("3.22", "wms", "Mon serveur") in names and ("3.22", "xyz", "OpenStreetMap") in names
    plans = _by_name(cs.old_connections(old_profile))
    assert set(plans) == {
        "IGN ortho", "BD TOPO", "Plan IGN", "Plan IGN vecteur",
        "Ortho 3.34", "Admin 3.34", "Ortho XYZ 3.34", "PLAN 3.34",
    }
    assert plans["Ortho 3.34"].connection.layout.generation == "3.30"
    assert plans["IGN ortho"].connection.credentials == ("username", "password")
    assert all(plan.status == "migrated" for plan in plans.values()), {n: p.status for n, p in plans.items()}


def test_rewrite_keeps_names_and_clears_credentials_of_free_services(old_profile) -> None:
    done = cs.rewrite(cs.old_connections(old_profile), old_profile)
    assert len(done) == 8
    value = old_profile.value
    assert value("qgis/connections-wms/IGN ortho/url").startswith("https://data.geopf.fr/wmts")
    assert value("qgis/WMS/IGN ortho/username") is None and value("qgis/WMS/IGN ortho/password") is None
    assert value("qgis/connections-wfs/BD TOPO/url") == "https://data.geopf.fr/wfs/ows"
    assert value("qgis/WFS/BD TOPO/authcfg") is None
    assert "data.geopf.fr/wmts?" in value("qgis/connections-xyz/Plan IGN/url")
    assert "{z}" in value("qgis/connections-xyz/Plan IGN/url")
    assert value("qgis/connections-vector-tile/Plan IGN vecteur/styleUrl") == (
        "https://data.geopf.fr/annexes/ressources/vectorTiles/styles/PLAN.IGN/standard.json"
    )
    assert value("connections/ows/items/wms/connections/items/Ortho 3.34/url") == "https://data.geopf.fr/wms-r/wms"
    assert value("connections/ows/items/wms/connections/items/Ortho 3.34/password") is None
    assert value("connections/vector-tile/items/PLAN 3.34/url").startswith("https://data.geopf.fr/tms/1.0.0/PLAN.IGN/")
    assert value("qgis/connections-wms/Mon serveur/url") == "https://example.org/wms"
    assert cs.old_connections(old_profile) == []  # idempotent: nothing old is left


def test_official_connections_are_added_once_under_the_running_layout(settings, shared_data: Path) -> None:
    added = cs.add_official_connections(settings)
    assert len(added) == 5
    assert cs.add_official_connections(settings) == []
    listed = {c.name: c for c in cs.list_connections(settings)}
    assert {c.layout.generation for c in listed.values()} == {cs.running_generation()}
    # the addresses are IGN's official ones
    for file in ("gpf_official_qgis_connections_wms-wmts.xml", "gpf_official_qgis_connections_wfs.xml"):
        official = {e.get("name"): e.get("url") for e in etree.parse(str(shared_data / "examples" / file)).getroot()
                    if isinstance(e.tag, str)}
        for name, url in official.items():
            if name in listed:
                assert listed[name].url == url
    assert listed["Géoplateforme PLAN.IGN (tuiles vectorielles)"].values["styleUrl"].startswith("https://data.geopf.fr/")


def test_restricted_connections_only_for_a_user_with_a_key(settings, shared_data: Path) -> None:
    assert "Géoplateforme WMTS restreint" not in cs.add_official_connections(settings)
    added = cs.add_official_connections(settings, restricted=True)
    assert added == ["Géoplateforme WMTS restreint", "Géoplateforme WMS Raster restreint"]
    listed = {c.name: c for c in cs.list_connections(settings)}
    lists = etree.parse(str(shared_data / "examples" / "gpf_official_qgis_connections_wms-wmts.xml")).getroot()
    official = {e.get("name"): e.get("url") for e in lists if isinstance(e.tag, str)}
    # IGN's WMTS address; for WMS raster the private SCAN configuration's (IGN's list names the free wms-r there)
    assert listed["Géoplateforme WMTS restreint"].url == official["Géoplateforme WMTS restreint"]
    private = (shared_data / "mapping" / "gpf_private_scan_config.json").read_text(encoding="utf-8")
    assert "https://data.geopf.fr/private/wms-r" in private
    assert listed["Géoplateforme WMS Raster restreint"].url.startswith("https://data.geopf.fr/private/wms-r?")
    for name in added:  # no key in them: the key is added to each request, never stored
        assert "apikey" not in listed[name].url.lower() and not listed[name].credentials


def test_official_connections_go_to_the_330_keys_there(settings) -> None:
    cs.add_official_connections(settings, generation="3.30")
    assert settings.value("connections/ows/items/wms/connections/items/Géoplateforme WMTS open/url").startswith(
        "https://data.geopf.fr/wmts"
    )
    assert settings.value("connections/ows/items/wfs/connections/items/Géoplateforme WFS open/url")


def test_nothing_is_deleted_without_confirmation(old_profile) -> None:
    connection = _by_name(cs.old_connections(old_profile))["IGN ortho"].connection
    with pytest.raises(cs.NotConfirmedError):
        cs.delete([connection], confirmed=False, settings=old_profile)
    assert old_profile.value("qgis/connections-wms/IGN ortho/url")
    assert cs.delete([connection], confirmed=True, settings=old_profile) == 1
    assert old_profile.value("qgis/connections-wms/IGN ortho/url") is None
    assert old_profile.value("qgis/WMS/IGN ortho/username") is None


def test_dialog_shows_redacted_addresses_and_asks_before_deleting(old_profile, qtbot, monkeypatch) -> None:
    dialog = ConnectionsDialog()
    qtbot.addWidget(dialog)
    tree = dialog.tree
    texts = "\n".join(tree.topLevelItem(i).text(c) for i in range(tree.topLevelItemCount()) for c in range(5))
    assert tree.topLevelItemCount() == 8
    assert KEY not in texts and "Geoportail2019!" not in texts
    assert all(tree.topLevelItem(i).checkState(0) == Qt.CheckState.Checked for i in range(8))
    for i in range(1, 8):
        tree.topLevelItem(i).setCheckState(0, Qt.CheckState.Unchecked)
    monkeypatch.setattr(dialog, "confirm_delete", lambda count: False)
    assert dialog.delete_checked() == 0
    assert tree.topLevelItemCount() == 8
    done = dialog.rewrite_checked()
    assert len(done) == 1 and tree.topLevelItemCount() == 7


def test_registration_adds_and_removes_the_web_menu_action(qgis_iface, settings) -> None:
    registration = ConnectionsRegistration(qgis_iface)
    action = registration.register()
    assert action.text() == "Basculer les connexions enregistrées…"
    dialog = registration.show()
    assert dialog.isVisible()
    registration.unregister()
    assert registration.action is None and registration.dialog is None
