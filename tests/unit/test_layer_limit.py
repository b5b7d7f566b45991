"""IGN's two-layer limit (2026-06-15): WMS and WFS requests to GPF name at most two layers.

A migrated source naming more gets a warning with the fix, and `split_source` gives one source per sublayer
(what bascule/project_bascule.split_layer turns into QGIS layers).
"""

from __future__ import annotations

from gpf_bascule.mapping.batch import default_migrator
from gpf_bascule.mapping.layer_limit import layer_names, limit_warning, over_limit, service_of, split_source
from gpf_bascule.mapping.provider_uri import DataSourceUri, EncodedUri
from gpf_bascule.mapping.result import MIGRATED, UNCHANGED

MIGRATE = default_migrator()
WMS_V_NAMES = ["BDCARTO-ADMINISTRATIF_WLD_WGS84G", "BDCARTO-HYDROGRAPHIE_WLD_WGS84G", "ADMINEXPRESS-COG.2024"]


def wms(names: list[str], styles: list[str] | None = None, url: str = "https://wxs.ign.fr/cartes/geoportail/v/wms",
        extra: str = "") -> str:
    """A WMS source as QGIS writes it: one layers=/styles= pair per sublayer (all layers, then all styles)."""
    styles = [""] * len(names) if styles is None else styles
    return ("contextualWMSLegend=0&crs=EPSG:2154&dpiMode=7&featureCount=10&format=image/png&"
            + "".join(f"layers={name}&" for name in names) + "".join(f"styles={style}&" for style in styles)
            + f"url={url}{extra}")


def test_layer_names_of_each_syntax():
    assert layer_names("wms", wms(WMS_V_NAMES)) == WMS_V_NAMES
    assert layer_names("wms", "crs=EPSG:2154&format=image/png&layers=a,b,c&styles=,,&url=https://h/wms") == [
        "a", "b", "c"]
    wmts = "crs=EPSG:3857&format=image/png&layers=A.B&styles=normal&tileMatrixSet=PM&url=https://h/wmts"
    assert layer_names("wms", wmts) == ["A.B"]
    assert layer_names("WFS", "typename='a:x,a:y,a:z' url='https://data.geopf.fr/wfs/ows'") == ["a:x", "a:y", "a:z"]
    assert layer_names("WFS", "https://data.geopf.fr/wfs/ows?SERVICE=WFS&TYPENAMES=a:x,a:y&VERSION=2.0.0") == [
        "a:x", "a:y"]
    assert layer_names("ogr", "/data/communes.gpkg|layername=communes") == []


def test_over_limit_only_on_the_limited_gpf_services():
    gpf_v = wms(WMS_V_NAMES, url="https://data.geopf.fr/wms-v/ows")
    assert over_limit("wms", gpf_v) and service_of("wms", gpf_v) == "wms-v"
    assert not over_limit("wms", wms(WMS_V_NAMES[:2], url="https://data.geopf.fr/wms-v/ows"))
    assert over_limit("wms", wms(WMS_V_NAMES, url="https://data.geopf.fr/wms-r/wms"))
    assert not over_limit("wms", wms(WMS_V_NAMES, url="https://ows.example.org/wms"))  # not IGN's limit
    assert over_limit("wms", wms(WMS_V_NAMES, url="https://example.org/wms"), service="wms-v")
    assert over_limit("WFS", "typename='a:x,a:y,a:z' url='https://data.geopf.fr/wfs/ows'")


def test_a_migrated_wms_v_source_with_three_sublayers_is_warned_with_the_fix():
    migration = MIGRATE("wms", wms(WMS_V_NAMES))
    assert migration.status == MIGRATED and migration.service == "wms-v"
    warning = limit_warning(3, "wms-v")
    assert warning in migration.warnings
    assert str(warning) == ("la Géoplateforme accepte au plus deux couches par requête WMS vecteur : cette source en "
                            "nomme 3 ; séparez-la en une couche QGIS par sous-couche")
    two = MIGRATE("wms", wms(WMS_V_NAMES[:2]))
    assert two.status == MIGRATED and not any("deux couches" in warning for warning in two.warnings)


def test_a_source_already_on_gpf_is_warned_too_and_stays_unchanged():
    source = wms(WMS_V_NAMES, url="https://data.geopf.fr/wms-v/ows")
    migration = MIGRATE("wms", source)
    assert (migration.status, migration.new_source) == (UNCHANGED, source)
    assert migration.warnings == (limit_warning(3, "wms-v"),)
    other = wms(WMS_V_NAMES, url="https://ows.example.org/wms")
    assert MIGRATE("wms", other).warnings == ()


def test_split_gives_one_source_per_sublayer_with_its_own_style():
    source = wms(WMS_V_NAMES, ["s1", "", "s3"], url="https://data.geopf.fr/wms-v/ows", extra="&tiled=256;256")
    parts = split_source("wms", source)
    assert len(parts) == 3
    for name, style, part in zip(WMS_V_NAMES, ["s1", "", "s3"], parts):
        uri = EncodedUri(part)
        assert uri.get_all("layers") == [name] and uri.get_all("styles") == [style]
        # every other parameter, in the same order and spelling
        others = [item for item in source.split("&") if not item.startswith(("layers=", "styles="))]
        assert [item for item in part.split("&") if not item.startswith(("layers=", "styles="))] == others
    assert parts[0] == source.replace(f"layers={WMS_V_NAMES[1]}&layers={WMS_V_NAMES[2]}&", "").replace(
        "styles=&styles=s3&", "")


def test_split_of_a_hand_written_list_and_of_missing_styles():
    parts = split_source("wms", "format=image/png&layers=a,b,c&styles=x,,z&url=https://data.geopf.fr/wms-v/ows")
    assert parts == [
        "format=image/png&layers=a&styles=x&url=https://data.geopf.fr/wms-v/ows",
        "format=image/png&layers=b&styles=&url=https://data.geopf.fr/wms-v/ows",
        "format=image/png&layers=c&styles=z&url=https://data.geopf.fr/wms-v/ows",
    ]
    no_styles = split_source("wms", "format=image/png&layers=a&layers=b&url=https://data.geopf.fr/wms-v/ows")
    assert [EncodedUri(part).get_all("styles") for part in no_styles] == [[""], [""]]


def test_split_of_wfs_sources():
    source = "pagingEnabled='true' srsname='EPSG:2154' typename='a:x,a:y' url='https://data.geopf.fr/wfs/ows'"
    parts = split_source("WFS", source)
    assert [DataSourceUri(part).get("typename") for part in parts] == ["a:x", "a:y"]
    assert parts[0] == source.replace("a:x,a:y", "a:x")
    url = "https://data.geopf.fr/wfs/ows?SERVICE=WFS&TYPENAME=a:x,a:y,a:z&VERSION=2.0.0"
    assert split_source("WFS", url) == [url.replace("a:x,a:y,a:z", name) for name in ("a:x", "a:y", "a:z")]


def test_nothing_to_split():
    single = wms(WMS_V_NAMES[:1], url="https://data.geopf.fr/wms-v/ows")
    assert split_source("wms", single) == [single]
    wmts = "crs=EPSG:3857&format=image/png&layers=A&styles=normal&tileMatrixSet=PM&url=https://data.geopf.fr/wmts"
    assert split_source("wms", wmts) == [wmts]
    assert split_source("ogr", "/x.gpkg") == ["/x.gpkg"]
