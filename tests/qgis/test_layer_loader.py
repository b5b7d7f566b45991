"""Catalogue entries become working QGIS layers against the loopback Géoplateforme, with the right messages."""

from __future__ import annotations

from dataclasses import replace

import pytest
from qgis.core import (
    Qgis,
    QgsApplication,
    QgsMimeDataUtils,
    QgsProject,
    QgsRasterLayer,
    QgsVectorLayer,
    QgsVectorTileBasicRenderer,
    QgsVectorTileLayer,
)

from gpf_bascule.tests.qgis.catalog_samples import small_catalog
from gpf_bascule.ui.layer_loader import LOG_TAG, add_to_map, create_layer, mime_data, style_url

ENTRIES = {(entry.service, entry.name): entry for entry in small_catalog().layers}
ORTHO_WMTS = ENTRIES["wmts", "ORTHOIMAGERY.ORTHOPHOTOS"]
ORTHO_WMS_R = ENTRIES["wms-r", "ORTHOIMAGERY.ORTHOPHOTOS"]
BATIMENT = ENTRIES["wfs", "BDTOPO_V3:batiment"]
PLAN_IGN = ENTRIES["tms", "PLAN.IGN"]
SCAN = ENTRIES["wmts", "GEOGRAPHICALGRIDSYSTEMS.MAPS"]


@pytest.fixture(autouse=True)
def empty_project(qgis_iface):
    yield
    QgsProject.instance().removeAllMapLayers()
    qgis_iface.messageBar().clear_messages()


@pytest.fixture
def log_messages():
    """Messages the plugin wrote to the QGIS log panel (tag "GPF Bascule")."""
    seen: list[tuple[str, int]] = []

    def keep(message: str, tag: str, level) -> None:  # noqa: ANN001
        if tag == LOG_TAG:
            seen.append((message, level))

    QgsApplication.messageLog().messageReceived.connect(keep)
    yield seen
    QgsApplication.messageLog().messageReceived.disconnect(keep)


@pytest.mark.parametrize("entry", [ORTHO_WMTS, ENTRIES["wmts", "ORTHOIMAGERY.ORTHOPHOTOS.1950-1965"], ORTHO_WMS_R],
                         ids=lambda e: f"{e.service}:{e.name}")
def test_wmts_and_wms_r_entries_give_valid_raster_layers(fake_gpf, entry) -> None:
    layer = create_layer(entry)
    assert isinstance(layer, QgsRasterLayer)
    assert layer.isValid(), layer.error().summary()
    assert layer.providerType() == "wms" and layer.name() == entry.title
    assert layer.metadata().identifier() == entry.name
    assert not fake_gpf.refused() and not fake_gpf.old_hosts()


def test_wfs_entry_gives_a_valid_vector_layer_with_gpf_fields(fake_gpf) -> None:
    layer = create_layer(BATIMENT)
    assert isinstance(layer, QgsVectorLayer)
    assert layer.isValid(), layer.error().summary()
    assert layer.providerType() == "WFS"
    assert "nature" in layer.fields().names()
    assert layer.metadata().abstract() == BATIMENT.abstract


def test_vector_tile_entry_gets_the_gpf_style(fake_gpf) -> None:
    assert style_url(PLAN_IGN).endswith("/PLAN.IGN/standard.json")
    layer = create_layer(PLAN_IGN)
    assert isinstance(layer, QgsVectorTileLayer)
    assert layer.isValid()
    renderer = layer.renderer()
    assert isinstance(renderer, QgsVectorTileBasicRenderer)
    assert "bati" in [style.styleName() for style in renderer.styles()]  # from the served Mapbox GL style
    fetched = [r for r in fake_gpf.seen("data.geopf.fr") if r.path.endswith("standard.json")]
    assert fetched and fetched[0].status == 200


def test_vector_tile_without_a_style_keeps_the_default_rendering(fake_gpf) -> None:
    plain = replace(PLAN_IGN, uri=PLAN_IGN.uri.split("&", 1)[1])
    assert style_url(plain) == ""
    layer = create_layer(plain)
    assert layer.isValid()
    assert not [r for r in fake_gpf.seen("data.geopf.fr") if r.path.endswith(".json")]


def test_add_to_map_adds_the_layer_and_logs_it(fake_gpf, qgis_iface, log_messages) -> None:
    layer = add_to_map(ORTHO_WMTS, qgis_iface)
    assert layer is not None and QgsProject.instance().mapLayer(layer.id()) is layer
    assert QgsProject.instance().layerTreeRoot().findLayer(layer.id()) is not None
    assert any(ORTHO_WMTS.title in message for message, _ in log_messages)
    assert not qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning)


def test_a_layer_that_needs_a_key_is_added_with_a_warning(fake_gpf, qgis_iface) -> None:
    from gpf_bascule.bascule.private_key import has_stored_key
    from gpf_bascule.log import clear_messages

    assert not has_stored_key()
    layer = add_to_map(SCAN, qgis_iface)
    assert layer is not None and QgsProject.instance().mapLayer(layer.id()) is layer
    warnings = [item.text() for item in qgis_iface.messageBar().items()
                if item.level() == Qgis.MessageLevel.Warning]  # a message with a "Saisir ma clé…" button
    clear_messages()
    assert len(warnings) == 1
    assert "cartes.gouv.fr" in warnings[0] and SCAN.title in warnings[0]


def test_a_free_layer_that_fails_is_not_added_and_the_user_is_told_why(fake_gpf, qgis_iface, log_messages) -> None:
    broken = replace(BATIMENT, name="BDTOPO_V3:nope", uri=BATIMENT.uri.replace("batiment", "nope"))
    assert add_to_map(broken, qgis_iface) is None
    assert QgsProject.instance().count() == 0
    errors = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Critical)
    assert len(errors) == 1 and broken.title in errors[0]
    assert any(level == Qgis.MessageLevel.Critical for _, level in log_messages)


def test_offline_a_licensed_layer_is_refused_like_a_free_one(offline, qgis_iface, log_messages) -> None:
    """No server answered: no key would help, so the licensed layer gets the free layers' rule and message."""
    assert add_to_map(SCAN, qgis_iface) is None
    assert add_to_map(ORTHO_WMTS, qgis_iface) is None
    assert QgsProject.instance().count() == 0
    errors = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Critical)
    assert len(errors) == 2 and SCAN.title in errors[0] and ORTHO_WMTS.title in errors[1]
    same_words = [message.replace(SCAN.title, "«»") for message in errors]
    assert same_words[0].split("(")[0] == same_words[1].replace(ORTHO_WMTS.title, "«»").split("(")[0]
    assert "Vérifiez votre connexion" in errors[0] and "clé" not in errors[0].replace(SCAN.title, "")
    assert not qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning)  # no "Saisir ma clé…" offer


def test_unknown_provider_is_reported_not_raised(qgis_iface) -> None:
    odd = replace(BATIMENT, provider="arcgisfeatureserver")
    assert add_to_map(odd, qgis_iface) is None
    assert qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Critical)


def test_mime_data_round_trips_through_qgis(fake_gpf) -> None:
    uris = QgsMimeDataUtils.decodeUriList(mime_data([ORTHO_WMS_R, BATIMENT, PLAN_IGN]))
    assert [(u.layerType, u.providerKey) for u in uris] == [("raster", "wms"), ("vector", "WFS"),
                                                           ("vector-tile", "vectortile")]
    assert [u.uri for u in uris] == [ORTHO_WMS_R.uri, BATIMENT.uri, PLAN_IGN.uri]
    dropped = [  # what QGIS's drop handler builds from each URI
        QgsRasterLayer(uris[0].uri, uris[0].name, uris[0].providerKey),
        QgsVectorLayer(uris[1].uri, uris[1].name, uris[1].providerKey),
        QgsVectorTileLayer(uris[2].uri, uris[2].name),
    ]
    assert all(layer.isValid() for layer in dropped)
