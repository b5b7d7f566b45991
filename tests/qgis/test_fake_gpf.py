"""The loopback GPF answers like the real one: what it accepts, QGIS accepts; what GPF refuses, it refuses.

These tests pin the fixture itself, so that a green migrated-project test means something.
"""

from __future__ import annotations

from qgis.core import QgsRasterLayer, QgsRectangle, QgsVectorLayer, QgsVectorTileLayer

WMTS = "https://data.geopf.fr/wmts?SERVICE%3DWMTS%26REQUEST%3DGetCapabilities"
# A small extent over Paris in EPSG:3857, small enough to need only a few tiles.
PARIS_3857 = QgsRectangle(260000, 6250000, 262000, 6252000)


def wmts_source(layer: str, style: str, matrix_set: str, fmt: str = "image/png") -> str:
    return (
        f"contextualWMSLegend=0&crs=EPSG:3857&dpiMode=7&featureCount=10&format={fmt}&layers={layer}"
        f"&styles={style}&tileMatrixSet={matrix_set}&url={WMTS}"
    )


def fetch(layer: QgsRasterLayer) -> None:
    """Ask the provider for one small block, so that it requests tiles or a map."""
    layer.dataProvider().block(1, PARIS_3857, 64, 64)


def test_wmts_layer_linked_to_its_matrix_set_and_style_is_valid_and_gets_tiles(fake_gpf) -> None:
    layer = QgsRasterLayer(wmts_source("ORTHOIMAGERY.ORTHOPHOTOS", "normal", "PM_0_21", "image/jpeg"), "o", "wms")
    assert layer.isValid(), layer.error().summary()
    fetch(layer)
    tiles = [r for r in fake_gpf.seen("data.geopf.fr") if r.operation == "gettile"]
    assert tiles, "no tile was requested"
    assert not fake_gpf.refused()


def test_wmts_unlinked_style_is_accepted_by_qgis_but_its_tiles_are_refused(fake_gpf) -> None:
    """The trap of the switch: QGIS loads the layer, GPF then answers 400 to every tile."""
    layer = QgsRasterLayer(wmts_source("PROTECTEDAREAS.ZNIEFF1", "normal", "PM"), "z", "wms")
    assert layer.isValid()
    fetch(layer)
    reasons = " ".join(r.reason for r in fake_gpf.refused())
    assert "style 'normal'" in reasons
    assert "TileMatrixSet 'PM'" in reasons


def test_wmts_without_service_parameter_is_refused(fake_gpf) -> None:
    """Without SERVICE=WMTS in the url QGIS asks the WMTS endpoint for WMS capabilities."""
    source = wmts_source("ORTHOIMAGERY.ORTHOPHOTOS", "normal", "PM_0_21").replace(WMTS, "https://data.geopf.fr/wmts")
    assert not QgsRasterLayer(source, "o", "wms").isValid()


def test_wms_r_layer_is_valid_and_getmap_130_is_accepted(fake_gpf) -> None:
    source = (
        "contextualWMSLegend=0&crs=EPSG:2154&dpiMode=7&featureCount=10&format=image/png"
        "&layers=ORTHOIMAGERY.ORTHOPHOTOS&styles&url=https://data.geopf.fr/wms-r/wms"
    )
    layer = QgsRasterLayer(source, "w", "wms")
    assert layer.isValid(), layer.error().summary()
    layer.dataProvider().block(1, QgsRectangle(650000, 6860000, 652000, 6862000), 64, 64)
    maps = [r for r in fake_gpf.seen("data.geopf.fr") if r.operation == "getmap"]
    assert maps and maps[0].args["VERSION"] == "1.3.0"
    assert not fake_gpf.refused()


def test_wfs_capabilities_with_only_a_feature_type_list_are_enough_for_qgis(fake_gpf) -> None:
    source = (
        "pagingEnabled='true' preferCoordinatesForWfsT11='false' restrictToRequestBBOX='1' srsname='EPSG:2154' "
        "typename='BDTOPO_V3:batiment' url='https://data.geopf.fr/wfs/ows' version='auto'"
    )
    layer = QgsVectorLayer(source, "b", "WFS")
    assert layer.isValid(), layer.error().summary()
    assert "nature" in layer.fields().names()


def test_wfs_recorded_schema_is_served_for_courbe(fake_gpf) -> None:
    source = (
        "srsname='EPSG:2154' typename='ELEVATION.CONTOUR.LINE:courbe' "
        "url='https://data.geopf.fr/wfs/ows' version='auto'"
    )
    layer = QgsVectorLayer(source, "c", "WFS")
    assert layer.isValid()
    assert layer.fields().names() == ["id", "altitude", "nat_topo", "importance"]


def test_unknown_wfs_type_gives_an_invalid_layer(fake_gpf) -> None:
    source = "srsname='EPSG:2154' typename='BDTOPO_V3:nope' url='https://data.geopf.fr/wfs/ows' version='auto'"
    layer = QgsVectorLayer(source, "n", "WFS")
    assert not layer.isValid()  # never call dataProvider() on it: on 3.22 that pointer is dangling


def test_old_hosts_are_offline_and_logged(fake_gpf) -> None:
    source = wmts_source("ORTHOIMAGERY.ORTHOPHOTOS", "normal", "PM").replace(
        WMTS, "https://wxs.ign.fr/ortho/geoportail/wmts?SERVICE%3DWMTS%26REQUEST%3DGetCapabilities"
    )
    assert not QgsRasterLayer(source, "o", "wms").isValid()
    assert fake_gpf.old_hosts() == {"wxs.ign.fr"}


def test_vector_tile_style_listed_in_the_recorded_tilemap_loads(fake_gpf) -> None:
    source = (
        "styleUrl=https://data.geopf.fr/annexes/ressources/vectorTiles/styles/PLAN.IGN/standard.json"
        "&type=xyz&url=https://data.geopf.fr/tms/1.0.0/PLAN.IGN/%7Bz%7D/%7Bx%7D/%7By%7D.pbf&zmax=18&zmin=0"
    )
    layer = QgsVectorTileLayer(source, "Plan IGN")
    assert layer.isValid()
    message, ok = layer.loadDefaultStyle()
    assert ok, message
    styles = [r for r in fake_gpf.seen("data.geopf.fr") if r.path.endswith(".json")]
    assert styles and styles[0].status == 200
