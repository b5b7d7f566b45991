"""The data sources each supported QGIS writes for the same old Géoportail layers, and what the engine makes of them.

Captured by creating the layers in each QGIS (QgsVectorTileLayer, QgsVectorLayer "WFS", QgsRasterLayer "wms"),
printing `layer.source()` and `layer.providerType()`, and saving a project (`<provider>` / `<datasource>` of each
`<maplayer>`, `providerKey` of the layer tree): QGIS 3.22.16 (Debian 12), 3.40.6 (Debian 13), 3.44.15 (Debian
unstable). The source strings are byte for byte the same on the three versions; what changed is the provider
key of a vector-tile layer on an XYZ/TMS template: `vectortile` on 3.22, `xyzvectortiles` on 3.40 and 3.44.
WFS sources keep their `key='value'` form (QgsProviderRegistry.decodeUri('WFS', ...) returns {} on every
version, so the engine reads them itself).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import qgis_samples as samples  # noqa: E402

from gpf_bascule.mapping.batch import default_migrator  # noqa: E402
from gpf_bascule.mapping.engine import migrate_source, provider_syntax  # noqa: E402
from gpf_bascule.mapping.project_files import rewrite_file  # noqa: E402
from gpf_bascule.mapping.provider_uri import DataSourceUri, EncodedUri  # noqa: E402
from gpf_bascule.mapping.result import MIGRATED, UNCHANGED  # noqa: E402

# --- as written by QGIS (identical on 3.22, 3.40 and 3.44) ---------------------------------------------------
# QgsVectorTileLayer(uri).source() and the project's <datasource>: the encoded form (%7Bz%7D) is kept as given...
VT_ENCODED = (
    "styleUrl=https://wxs.ign.fr/static/vectorTiles/styles/PLAN.IGN/essentiels/standard.json&type=xyz"
    "&url=https://wxs.ign.fr/essentiels/geoportail/tms/1.0.0/PLAN.IGN/%7Bz%7D/%7Bx%7D/%7By%7D.pbf&zmax=18&zmin=0"
)
# ...and so is the readable one, with the style last (a layer built from a hand-written or plugin URI).
VT_READABLE_STYLE_LAST = (
    "type=xyz&url=https://wxs.ign.fr/essentiels/geoportail/tms/1.0.0/PLAN.IGN/{z}/{x}/{y}.pbf&zmax=18&zmin=0"
    "&styleUrl=https://wxs.ign.fr/static/vectorTiles/styles/PLAN.IGN/essentiels/standard.json"
)
WFS = (
    "srsname='EPSG:2154' typename='BDTOPO_V3:batiment' url='https://wxs.ign.fr/topographie/geoportail/wfs'"
    " version='1.1.0' filter='the_geom IS NOT NULL'"
)
WMTS = (
    "contextualWMSLegend=0&crs=EPSG:3857&dpiMode=7&featureCount=10&format=image/jpeg&layers=ORTHOIMAGERY.ORTHOPHOTOS"
    "&styles=normal&tileMatrixSet=PM&url=https://wxs.ign.fr/essentiels/geoportail/wmts"
)
XYZ_ON_WMTS = (
    "type=xyz&url=https://wxs.ign.fr/essentiels/geoportail/wmts?SERVICE%3DWMTS%26REQUEST%3DGetTile%26VERSION%3D1.0.0"
    "%26LAYER%3DORTHOIMAGERY.ORTHOPHOTOS%26STYLE%3Dnormal%26TILEMATRIXSET%3DPM%26FORMAT%3Dimage/jpeg"
    "%26TILEMATRIX%3D%7Bz%7D%26TILEROW%3D%7By%7D%26TILECOL%3D%7Bx%7D&zmax=19&zmin=0"
)
# The catalogue's own vector-tile URI, as QgsVectorTileLayer(uri).source() gives it back on every version.
GPF_VT = "type=xyz&url=https://data.geopf.fr/tms/1.0.0/PLAN.IGN/{z}/{x}/{y}.pbf&zmax=18&zmin=0"

#: provider key each version saves for these layers (<provider> of the <maplayer>, providerKey of the tree).
PROVIDER_KEYS = {
    "3.22": {"vector-tile": "vectortile", "vector": "WFS", "raster": "wms"},
    "3.40": {"vector-tile": "xyzvectortiles", "vector": "WFS", "raster": "wms"},
    "3.44": {"vector-tile": "xyzvectortiles", "vector": "WFS", "raster": "wms"},
}
VERSIONS = {"3.22": "3.22.16-Białowieża", "3.40": "3.40.6-Bratislava", "3.44": "3.44.15-Solothurn"}


@pytest.mark.parametrize("version", sorted(PROVIDER_KEYS))
@pytest.mark.parametrize("layer_type, source", [
    ("vector-tile", VT_ENCODED),
    ("vector-tile", VT_READABLE_STYLE_LAST),
    ("vector", WFS),
    ("raster", WMTS),
    ("raster", XYZ_ON_WMTS),
])
def test_each_version_source_migrates_the_same_way(version, layer_type, source):
    provider = PROVIDER_KEYS[version][layer_type]
    result = migrate_source(provider, source)
    assert result.status == MIGRATED, (version, provider, result.reason)
    assert "wxs.ign.fr" not in result.new_source
    # Whatever key the version saved, the new source is the one 3.22's key gives.
    assert result.new_source == migrate_source(PROVIDER_KEYS["3.22"][layer_type], source).new_source


def test_xyzvectortiles_source_moves_tiles_and_style():
    result = migrate_source("xyzvectortiles", VT_READABLE_STYLE_LAST)
    uri = EncodedUri(result.new_source)
    assert uri.get("url") == "https://data.geopf.fr/tms/1.0.0/PLAN.IGN/{z}/{x}/{y}.pbf"
    assert uri.get("styleUrl") == "https://data.geopf.fr/annexes/ressources/vectorTiles/styles/PLAN.IGN/standard.json"
    assert uri.keys() == ["type", "url", "zmax", "zmin", "styleUrl"]  # order kept


def test_catalogue_vector_tiles_are_unchanged_under_either_key():
    for provider in ("vectortile", "xyzvectortiles"):
        result = migrate_source(provider, GPF_VT)
        assert result.status == UNCHANGED and result.new_source == GPF_VT


def test_wfs_source_is_read_without_qgis_decoding():
    uri = DataSourceUri(WFS)
    assert uri.parsed
    assert uri.get("filter") == "the_geom IS NOT NULL"
    new = DataSourceUri(migrate_source("WFS", WFS).new_source)
    assert new.get("url") == "https://data.geopf.fr/wfs/ows"
    assert new.get("version") == "2.0.0"
    assert new.get("filter") == "geom IS NOT NULL"


@pytest.mark.parametrize("key, syntax", [
    ("vectortile", "vectortile"), ("xyzvectortiles", "vectortile"), ("WFS", "wfs"), ("wms", "wms"), ("", ""),
    ("mbtilesvectortiles", "mbtilesvectortiles"),  # local files: no Géoportail address, left to the default path
])
def test_provider_syntax(key, syntax):
    assert provider_syntax(key) == syntax


@pytest.mark.parametrize("version", sorted(VERSIONS))
def test_project_saved_by_each_version_migrates_every_layer(version):
    keys = PROVIDER_KEYS[version]
    layers = [
        ("vt_1", "Plan IGN vectoriel", "vector-tile", keys["vector-tile"], VT_ENCODED),
        ("wfs_2", "Bâtiments", "vector", keys["vector"], WFS),
        ("wmts_3", "Ortho", "raster", keys["raster"], WMTS),
    ]
    data = samples.project(layers, version=VERSIONS[version])
    rewrite = rewrite_file("projet.qgs", data, default_migrator())
    statuses = {source.id: source.status for source in rewrite.sources}
    assert statuses == {"vt_1": MIGRATED, "wfs_2": MIGRATED, "wmts_3": MIGRATED}
    text = rewrite.data.decode("utf-8")
    assert "wxs.ign.fr" not in text
    assert f"<provider encoding=\"UTF-8\">{keys['vector-tile']}</provider>" in text  # the key itself is kept
