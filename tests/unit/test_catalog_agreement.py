"""One source of truth: a catalogue entry's source names what the engine writes when it migrates an old
Géoportail source of the same layer (style, TileMatrixSet, format, CRS, type name, address)."""

from __future__ import annotations

import pytest

from gpf_bascule.catalog.parse import build_catalog
from gpf_bascule.catalog.sources import from_directory
from gpf_bascule.mapping.engine import migrate_source
from gpf_bascule.mapping.provider_uri import DataSourceUri, EncodedUri
from gpf_bascule.mapping.result import MIGRATED, NEEDS_KEY

OLD = {
    "wmts": "https://wxs.ign.fr/cle/geoportail/wmts",
    "wms-r": "https://wxs.ign.fr/cle/geoportail/r/wms",
    "wms-v": "https://wxs.ign.fr/cle/geoportail/v/wms",
    "wfs": "https://wxs.ign.fr/cle/geoportail/wfs",
    "tms": "https://wxs.ign.fr/cle/geoportail/tms/1.0.0/",
}


@pytest.fixture(scope="module")
def catalog(shared_data):
    documents = from_directory(shared_data)
    return build_catalog(documents.data, labels=documents.labels)


def _old_source(entry, unknown: bool) -> tuple[str, str]:
    """An old source of the entry's layer; `unknown`: style/set/format GPF does not link (the engine must
    pick the layer's defaults), else what old projects typically held (PM, normal, image/png)."""
    style, matrix_set, fmt = ("ancien", "ANCIEN", "image/gif") if unknown else ("normal", "PM", "image/png")
    if entry.service == "wmts":
        return "wms", (f"crs=EPSG:3857&format={fmt}&layers={entry.name}&styles={style}&tileMatrixSet={matrix_set}"
                       f"&url={OLD['wmts']}")
    if entry.service in ("wms-r", "wms-v"):
        return "wms", f"crs=EPSG:3857&format={fmt}&layers={entry.name}&styles=&url={OLD[entry.service]}"
    if entry.service == "wfs":
        return "WFS", f"srsname='{entry.crs}' typename='{entry.name}' url='{OLD['wfs']}' version='auto'"
    return "vectortile", f"type=xyz&url={OLD['tms']}{entry.name}/%7Bz%7D/%7Bx%7D/%7By%7D.pbf&zmax=18&zmin=0"


@pytest.mark.parametrize("unknown", [True, False], ids=["unlinked-old-values", "typical-old-values"])
def test_catalogue_sources_equal_what_the_engine_writes(catalog, unknown):
    checked = 0
    for entry in catalog.layers:
        provider, old = _old_source(entry, unknown)
        result = migrate_source(provider, old)
        assert result.status in (MIGRATED, NEEDS_KEY), (entry.service, entry.name, result.reason)
        assert (result.status == NEEDS_KEY) == entry.needs_key, entry
        if entry.service == "wfs":
            new, mine = DataSourceUri(result.new_source), DataSourceUri(entry.uri)
            assert (new.get("typename"), new.get("url")) == (mine.get("typename"), mine.get("url")), entry.name
        else:
            new, mine = EncodedUri(result.new_source), EncodedUri(entry.uri)
            keys = {"wmts": ("layers", "styles", "tileMatrixSet", "format", "crs", "url"),
                    "wms-r": ("layers", "format", "url"), "wms-v": ("layers", "url"), "tms": ("url",)}[entry.service]
            for key in keys:
                if not unknown and new.get(key) == {"styles": "normal", "tileMatrixSet": "PM",
                                                    "format": "image/png"}.get(key):
                    continue  # the old value is itself linked to the layer: the engine rightly keeps it
                assert new.get(key) == mine.get(key), (entry.service, entry.name, key, new.get(key), mine.get(key))
            if entry.needs_key:
                assert new.get("IgnoreGetMapUrl") == mine.get("IgnoreGetMapUrl") == "1"
        checked += 1
    assert checked == len(catalog.layers) == 2232
