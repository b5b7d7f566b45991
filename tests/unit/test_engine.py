"""The rewrite engine, rule by rule and status by status, on realistic QGIS sources."""

from __future__ import annotations

import pytest

from gpf_bascule.mapping.engine import migrate_source
from gpf_bascule.mapping.provider_uri import DataSourceUri, EncodedUri
from gpf_bascule.mapping.result import MIGRATED, NEEDS_KEY, UNCHANGED, UNMAPPED

PERSONAL_KEY = "abcdefghijkl0123456789ab"


def wmts(layer: str, style: str = "normal", tms: str = "PM", fmt: str = "image/png", crs: str = "EPSG:3857",
         url: str = "https://wxs.ign.fr/ortho/geoportail/wmts?SERVICE%3DWMTS%26REQUEST%3DGetCapabilities",
         extra: str = "") -> str:
    return (f"contextualWMSLegend=0&crs={crs}&dpiMode=7&featureCount=10&format={fmt}&layers={layer}"
            f"&styles={style}&tileMatrixSet={tms}{extra}&url={url}")


def wms(layers: list[str], url: str = "https://wxs.ign.fr/parcellaire/geoportail/r/wms", fmt: str = "image/png",
        styles: list[str] | None = None) -> str:
    styles = styles if styles is not None else [""] * len(layers)
    parts = [f"layers={name}" for name in layers] + [f"styles={s}" if s else "styles" for s in styles]
    head = f"contextualWMSLegend=0&crs=EPSG:2154&dpiMode=7&featureCount=10&format={fmt}&"
    return head + "&".join(parts) + f"&url={url}"


def wfs(typename: str, url: str = "https://wxs.ign.fr/topographie/geoportail/wfs", extra: str = "") -> str:
    return (f"pagingEnabled='true' preferCoordinatesForWfsT11='false' restrictToRequestBBOX='1' srsname='EPSG:2154' "
            f"typename='{typename}' url='{url}' version='auto'{extra}")


def params(source: str) -> EncodedUri:
    return EncodedUri(source)


# --- WMTS ------------------------------------------------------------------------------------------


def test_wmts_orthophotos_gets_its_linked_matrix_set_and_format():
    result = migrate_source("wms", wmts("ORTHOIMAGERY.ORTHOPHOTOS"))
    assert result.status == MIGRATED
    uri = params(result.new_source)
    assert uri.get("url") == "https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetCapabilities"
    assert uri.get("tileMatrixSet") == "PM_0_21"
    assert uri.get("format") == "image/jpeg"
    assert uri.get("styles") == "normal"
    assert uri.get("layers") == "ORTHOIMAGERY.ORTHOPHOTOS"
    assert (result.service, result.layer) == ("wmts", "ORTHOIMAGERY.ORTHOPHOTOS")
    # untouched parameters keep their place and text
    assert result.new_source.startswith("contextualWMSLegend=0&crs=EPSG:3857&dpiMode=7&featureCount=10&")


def test_wmts_style_rename_is_applied_with_a_warning():
    result = migrate_source("wms", wmts("PROTECTEDAREAS.ZNIEFF1"))
    assert result.status == MIGRATED
    assert params(result.new_source).get("styles") == "PROTECTEDAREAS.ZNIEFF1"
    assert params(result.new_source).get("tileMatrixSet") == "PM_6_16"
    assert any("PROTECTEDAREAS.ZNIEFF1" in w for w in result.warnings)


def test_wmts_planign_gets_pm_0_19():
    result = migrate_source("wms", wmts("GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2",
                                        url="https://wxs.ign.fr/essentiels/geoportail/wmts"))
    assert params(result.new_source).get("tileMatrixSet") == "PM_0_19"


def test_lambert93_layer_becomes_pseudo_mercator_with_a_warning():
    old = wmts("GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2.L93", tms="LAMB93", crs="EPSG:2154",
               url="https://wxs.ign.fr/lambert93/geoportail/wmts")
    result = migrate_source("wms", old)
    assert result.status == MIGRATED
    uri = params(result.new_source)
    assert uri.get("layers") == "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2"
    assert uri.get("tileMatrixSet") == "PM_0_19"
    assert uri.get("crs") == "EPSG:3857"
    assert any("EPSG:3857" in w and "LAMB93" in w for w in result.warnings)


def test_lamb93_matrix_on_a_pm_only_layer_switches_crs():
    result = migrate_source("wms", wmts("ORTHOIMAGERY.ORTHOPHOTOS", tms="LAMB93", crs="EPSG:2154"))
    assert params(result.new_source).get("crs") == "EPSG:3857"
    assert result.warnings


def test_removed_layer_is_unmapped_with_its_reason_and_untouched():
    old = wmts("ORTHOIMAGERY.ORTHOPHOTOS.ORTHO-EXPRESS.2022")
    result = migrate_source("wms", old)
    assert result.status == UNMAPPED
    assert result.new_source == old
    assert "2022" in result.reason


def test_unknown_old_layer_is_unmapped():
    old = wmts("NO.SUCH.LAYER")
    result = migrate_source("wms", old)
    assert result.status == UNMAPPED and result.new_source == old
    assert "NO.SUCH.LAYER" in result.reason


def test_vector_tiles_published_over_old_wmts_are_unmapped_towards_tms():
    result = migrate_source("wms", wmts("PLAN.IGN", fmt="application/x-protobuf",
                                        url="https://wxs.ign.fr/essentiels/geoportail/wmts"))
    assert result.status == UNMAPPED
    assert "TMS" in result.reason


def test_private_scan_layer_needs_a_key_and_loses_the_old_key():
    old = wmts("GEOGRAPHICALGRIDSYSTEMS.MAPS", fmt="image/jpeg",
               url=f"https://wxs.ign.fr/{PERSONAL_KEY}/geoportail/wmts")
    result = migrate_source("wms", old)
    assert result.status == NEEDS_KEY
    uri = params(result.new_source)
    assert uri.get("url").startswith("https://data.geopf.fr/private/wmts")
    assert uri.get("tileMatrixSet") == "PM_0_18"
    assert uri.get("IgnoreGetMapUrl") == "1"
    assert PERSONAL_KEY not in result.new_source
    assert "cartes.gouv.fr" in result.reason


def test_already_private_without_key_still_reports_needs_key_and_is_untouched():
    source = wmts("GEOGRAPHICALGRIDSYSTEMS.MAPS", tms="PM_0_18", url="https://data.geopf.fr/private/wmts")
    result = migrate_source("wms", source)
    assert result.status == NEEDS_KEY and result.new_source == source
    with_key = source.replace("private/wmts", "private/wmts?apikey%3Dmykey")
    assert migrate_source("wms", with_key).status == UNCHANGED


@pytest.mark.parametrize("url", [
    "http://gpp3-wxs.ign.fr/{k}/geoportail/wmts",
    "https://wmts.geopf.fr/rok4/wmts",
    "https://WXS.IGN.FR/{k}/geoportail/wmts",
])
def test_old_wmts_host_variants(url):
    result = migrate_source("wms", wmts("ORTHOIMAGERY.ORTHOPHOTOS", url=url.format(k=PERSONAL_KEY)))
    assert result.status == MIGRATED
    assert params(result.new_source).get("url").startswith("https://data.geopf.fr/wmts")
    assert PERSONAL_KEY not in result.new_source


def test_credentials_are_not_carried_to_free_services():
    old = wmts("ORTHOIMAGERY.ORTHOPHOTOS", url=f"https://wxs.ign.fr/{PERSONAL_KEY}/geoportail/wmts",
               extra="&username=jean&password=s3cret&authcfg=ab12cd3")
    result = migrate_source("wms", old)
    assert result.status == MIGRATED
    for secret in (PERSONAL_KEY, "jean", "s3cret", "ab12cd3", "username", "password", "authcfg"):
        assert secret not in result.new_source
    assert any("identifiants" in w for w in result.warnings)


def test_unknown_old_path_is_unmapped():
    old = wmts("ORTHOIMAGERY.ORTHOPHOTOS", url="https://wxs.ign.fr/ortho/geoportail/ols")
    result = migrate_source("wms", old)
    assert result.status == UNMAPPED and result.new_source == old


# --- WMS ---------------------------------------------------------------------------------------------


def test_wms_raster_moves_to_wms_r():
    result = migrate_source("wms", wms(["CADASTRALPARCELS.PARCELLAIRE_EXPRESS"]))
    assert result.status == MIGRATED
    assert params(result.new_source).get("url") == "https://data.geopf.fr/wms-r/wms"
    assert result.service == "wms-r"


def test_wms_raster_more_than_two_layers_warns():
    names = ["CADASTRALPARCELS.PARCELLAIRE_EXPRESS", "ORTHOIMAGERY.ORTHOPHOTOS", "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2"]
    result = migrate_source("wms", wms(names))
    assert result.status == MIGRATED
    assert params(result.new_source).get_all("layers") == names
    assert any("deux couches" in w for w in result.warnings)


def test_wms_raster_version_111_warns():
    old = wms(["ORTHOIMAGERY.ORTHOPHOTOS"], url="https://wxs.ign.fr/ortho/geoportail/r/wms?VERSION%3D1.1.1")
    result = migrate_source("wms", old)
    assert result.status == MIGRATED
    assert "1.1.1" not in result.new_source
    assert any("1.3.0" in w for w in result.warnings)


def test_wms_vector_goes_to_wms_v():
    result = migrate_source("wms", wms(["BDCARTO-ADMINISTRATIF_WLD_WGS84G"], url="https://wxs.ign.fr/cartovecto/geoportail/v/wms"))
    assert result.status == MIGRATED
    assert params(result.new_source).get("url") == "https://data.geopf.fr/wms-v/ows"


def test_wms_vector_old_name_still_served_keeps_its_name():
    """IGN's 2025 GPF catalogue serves BDGEODESIQUE-RN_BDD-POI_WLD on data.geopf.fr/wms-v under its old name:
    the same name wins over the inferred rename to IGNF_GEODESIE-RN (issue 14)."""
    old = wms(["BDGEODESIQUE-RN_BDD-POI_WLD"], url="https://wxs.ign.fr/geodesie/geoportail/v/wms")
    result = migrate_source("wms", old)
    assert result.status == MIGRATED
    assert params(result.new_source).get("layers") == "BDGEODESIQUE-RN_BDD-POI_WLD"
    assert params(result.new_source).get("url") == "https://data.geopf.fr/wms-v/ows"


def test_wms_vector_renamed_layer():
    old = wms(["BAN.ADRESSE"], url="https://wxs.ign.fr/adresse/geoportail/v/wms")
    result = migrate_source("wms", old)
    assert result.status == MIGRATED
    assert params(result.new_source).get("layers") == "BAN.DATA.GOUV"


def test_wms_vector_layer_now_raster_moves_service_with_warning():
    # a raster-only layer named on the old vector WMS (ELEVATION.CONTOUR.LINE, the old example, is now listed on
    # the WMS vecteur by IGN's 2025 catalogue, so it stays there)
    old = wms(["ORTHOIMAGERY.ORTHOPHOTOS"], url="https://wxs.ign.fr/ortho/geoportail/v/wms")
    result = migrate_source("wms", old)
    assert result.status == MIGRATED
    assert params(result.new_source).get("url") == "https://data.geopf.fr/wms-r/wms"
    assert result.warnings


def test_inspire_wms():
    ok = migrate_source("wms", wms(["CP.CadastralParcel"], url="https://wxs.ign.fr/inspire/inspire/r/wms"))
    assert ok.status == MIGRATED and "data.geopf.fr/wms-r/wms" in ok.new_source
    # INSPIRE view layers of the vector WMS: IGN's 2025 GPF catalogue serves most on data.geopf.fr/wms-v (issue 14)
    for name in ("BU.Building", "AU.AdministrativeUnit", "TN.RoadTransportNetwork", "HY.PhysicalWaters"):
        moved = migrate_source("wms", wms([name], url="https://wxs.ign.fr/inspire/inspire/v/wms"))
        assert moved.status == MIGRATED, (name, moved.reason)
        assert params(moved.new_source).get("url") == "https://data.geopf.fr/wms-v/ows"
        assert params(moved.new_source).get("layers") == name
    gone = migrate_source("wms", wms(["AD.Address"], url="https://wxs.ign.fr/inspire/inspire/v/wms"))
    assert gone.status == UNMAPPED and "INSPIRE" in gone.reason


def test_wms_with_one_unmapped_layer_keeps_the_whole_source():
    old = wms(["ORTHOIMAGERY.ORTHOPHOTOS", "OCSGE.USAGE.2010"], url="https://wxs.ign.fr/ortho/geoportail/r/wms")
    result = migrate_source("wms", old)
    assert result.status == UNMAPPED and result.new_source == old
    assert "OCS GE 2010" in result.reason


def test_wms_unknown_style_falls_back_to_default():
    old = wms(["ORTHOIMAGERY.ORTHOPHOTOS"], url="https://wxs.ign.fr/ortho/geoportail/r/wms", styles=["fancy"])
    result = migrate_source("wms", old)
    assert params(result.new_source).get("styles") == ""
    assert any("fancy" in w for w in result.warnings)


def test_private_wms_raster_needs_key():
    old = wms(["SCAN100_PYR-JPEG_WLD_WM"], url=f"https://wxs.ign.fr/{PERSONAL_KEY}/geoportail/r/wms")
    result = migrate_source("wms", old)
    assert result.status == NEEDS_KEY
    assert params(result.new_source).get("url") == "https://data.geopf.fr/private/wms-r"


def test_legacy_bare_wms_url_is_unmapped():
    result = migrate_source("wms", "https://wxs.ign.fr/ortho/geoportail/r/wms?")
    assert result.status == UNMAPPED


# --- XYZ ---------------------------------------------------------------------------------------------

XYZ_ORTHO = ("type=xyz&url=https://wxs.ign.fr/{key}/geoportail/wmts?layer%3D{layer}%26style%3Dnormal"
             "%26tilematrixset%3DPM%26Service%3DWMTS%26Request%3DGetTile%26Version%3D1.0.0%26Format%3Dimage/png"
             "%26TileMatrix%3D%7Bz%7D%26TileCol%3D%7Bx%7D%26TileRow%3D%7By%7D&zmax=20&zmin=0")


def test_xyz_on_wmts_get_tile():
    result = migrate_source("wms", XYZ_ORTHO.format(key=PERSONAL_KEY, layer="ORTHOIMAGERY.ORTHOPHOTOS"))
    assert result.status == MIGRATED
    url = params(result.new_source).get("url")
    assert url.startswith("https://data.geopf.fr/wmts?layer=ORTHOIMAGERY.ORTHOPHOTOS&")
    assert "tilematrixset=PM_0_21" in url and "Format=image/jpeg" in url
    assert "TileMatrix={z}&TileCol={x}&TileRow={y}" in url
    assert PERSONAL_KEY not in result.new_source
    assert params(result.new_source).get("zmax") == "20"


def test_xyz_zoom_range_clamped_to_the_linked_levels():
    result = migrate_source("wms", XYZ_ORTHO.format(key="environnement", layer="PROTECTEDAREAS.ZNIEFF1"))
    uri = params(result.new_source)
    assert (uri.get("zmin"), uri.get("zmax")) == ("6", "16")
    assert "style=PROTECTEDAREAS.ZNIEFF1" in uri.get("url")


def test_xyz_non_ign_is_unchanged():
    source = "type=xyz&url=https://tile.openstreetmap.org/%7Bz%7D/%7Bx%7D/%7By%7D.png&zmax=19&zmin=0"
    result = migrate_source("wms", source)
    assert result.status == UNCHANGED and result.new_source == source


# --- vector tiles ------------------------------------------------------------------------------------

VT_PLAN = ("styleUrl=https://wxs.ign.fr/static/vectorTiles/styles/PLAN.IGN/essentiels/standard.json&type=xyz"
           "&url=https://wxs.ign.fr/essentiels/geoportail/tms/1.0.0/PLAN.IGN/%7Bz%7D/%7Bx%7D/%7By%7D.pbf&zmax=18&zmin=0")


def test_vector_tiles_and_style_move():
    result = migrate_source("vectortile", VT_PLAN)
    assert result.status == MIGRATED
    uri = params(result.new_source)
    assert uri.get("url") == "https://data.geopf.fr/tms/1.0.0/PLAN.IGN/{z}/{x}/{y}.pbf"
    assert uri.get("styleUrl") == "https://data.geopf.fr/annexes/ressources/vectorTiles/styles/PLAN.IGN/standard.json"


@pytest.mark.parametrize("old_style, new_style", [
    ("ADMINEXPRESS/adminexpress.json", "ADMIN_EXPRESS/adminexpress.json"),
    ("ISOHYPSE/isohypse_marron.json", "ISOHYPSE/isohypse_monochrome_marron.json"),
    ("ISOHYPSE/isohypse_orange.json", "ISOHYPSE/isohypse_monochrome_orange.json"),
    ("PCI/pci.json", "PCI/pci.json"),
])
def test_vector_tile_style_path_renames(old_style, new_style):
    source = f"styleUrl=https://wxs.ign.fr/static/vectorTiles/styles/{old_style}&type=xyz&url=https://data.geopf.fr/tms/1.0.0/PCI/%7Bz%7D/%7Bx%7D/%7By%7D.pbf"
    result = migrate_source("vectortile", source)
    assert result.status == MIGRATED
    assert params(result.new_source).get("styleUrl").endswith("/vectorTiles/styles/" + new_style)
    assert params(result.new_source).get("url") == "https://data.geopf.fr/tms/1.0.0/PCI/{z}/{x}/{y}.pbf"


def test_beta_vector_tiles_host():
    source = "type=xyz&url=https://vectortiles.ign.fr/rok4server/1.0.0/PLAN.IGN/%7Bz%7D/%7Bx%7D/%7By%7D.pbf"
    result = migrate_source("vectortile", source)
    assert result.status == MIGRATED
    assert params(result.new_source).get("url") == "https://data.geopf.fr/tms/1.0.0/PLAN.IGN/{z}/{x}/{y}.pbf"


def test_unknown_vector_tile_layer_is_unmapped():
    source = "type=xyz&url=https://wxs.ign.fr/x/geoportail/tms/1.0.0/NOPE/%7Bz%7D/%7Bx%7D/%7By%7D.pbf"
    assert migrate_source("vectortile", source).status == UNMAPPED


# --- WFS ---------------------------------------------------------------------------------------------


def test_wfs_moves_and_keeps_every_other_parameter():
    old = wfs("BDTOPO_V3:batiment")
    result = migrate_source("WFS", old)
    assert result.status == MIGRATED
    assert result.new_source == old.replace("https://wxs.ign.fr/topographie/geoportail/wfs", "https://data.geopf.fr/wfs/ows")


def test_wfs_renamed_type():
    result = migrate_source("WFS", wfs("BAN.ADRESSE:ban", url="https://wxs.ign.fr/adresse/geoportail/wfs"))
    assert result.status == MIGRATED
    assert DataSourceUri(result.new_source).get("typename") == "BAN.DATA.GOUV:ban"
    assert result.warnings


def test_wfs_the_geom_becomes_geom_in_the_filter():
    old = wfs("BDTOPO_V3:batiment", extra=" sql=SELECT * FROM batiment WHERE intersects(the_geom, x)")
    result = migrate_source("WFS", old)
    assert result.status == MIGRATED
    assert DataSourceUri(result.new_source).sql == "SELECT * FROM batiment WHERE intersects(geom, x)"
    assert any("the_geom" in w for w in result.warnings)


def test_wfs_old_version_is_raised_to_2():
    old = wfs("BDTOPO_V3:batiment").replace("version='auto'", "version='1.0.0'")
    result = migrate_source("WFS", old)
    assert DataSourceUri(result.new_source).get("version") == "2.0.0"
    assert any("1.0.0" in w for w in result.warnings)


def test_wfs_credentials_removed():
    old = wfs("BDTOPO_V3:batiment", url=f"https://wxs.ign.fr/{PERSONAL_KEY}/geoportail/wfs",
              extra=" username='jean' password='s3cret' authcfg='ab12cd3'")
    result = migrate_source("WFS", old)
    assert result.status == MIGRATED
    for secret in (PERSONAL_KEY, "jean", "s3cret", "ab12cd3"):
        assert secret not in result.new_source
    assert DataSourceUri(result.new_source).parsed


def test_wfs_legacy_url_form():
    old = ("https://wxs.ign.fr/topographie/geoportail/wfs?SERVICE=WFS&VERSION=1.0.0&REQUEST=GetFeature"
           "&TYPENAME=BDTOPO_V3:batiment&SRSNAME=EPSG:2154")
    result = migrate_source("WFS", old)
    assert result.status == MIGRATED
    assert result.new_source == ("https://data.geopf.fr/wfs/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature"
                                 "&TYPENAME=BDTOPO_V3:batiment&SRSNAME=EPSG:2154")


def test_wfs_gpu_host():
    result = migrate_source("WFS", wfs("wfs_du:doc_urba", url=f"https://wxs-gpu.mongeoportail.ign.fr/externe/{PERSONAL_KEY}/wfs/v"))
    assert result.status == MIGRATED
    assert "data.geopf.fr/wfs/ows" in result.new_source and PERSONAL_KEY not in result.new_source


def test_wfs_inspire_type_is_unmapped():
    result = migrate_source("WFS", wfs("tn-ro:RoadLink", url="https://wxs.ign.fr/inspire/inspire/wfs"))
    assert result.status == UNMAPPED and "INSPIRE" in result.reason


def test_wfs_with_wmts_address_is_unmapped():
    result = migrate_source("WFS", wfs("BDTOPO_V3:batiment", url="https://wxs.ign.fr/x/geoportail/wmts"))
    assert result.status == UNMAPPED


# --- general ---------------------------------------------------------------------------------------

NON_IGN = [
    ("postgres", "dbname='gis' host=localhost port=5432 user='u' password='p' table=\"public\".\"t\" (geom)"),
    ("ogr", "/data/communes.shp|layername=communes"),
    ("wms", "contextualWMSLegend=0&crs=EPSG:2154&format=image/png&layers=x&styles&url=https://example.org/wms"),
    ("WFS", "typename='a:b' url='https://example.org/wfs' version='auto'"),
    ("vectortile", "type=xyz&url=https://example.org/%7Bz%7D/%7Bx%7D/%7By%7D.pbf"),
    ("wms", wmts("ORTHOIMAGERY.ORTHOPHOTOS", tms="PM_0_21", url="https://data.geopf.fr/wmts?SERVICE%3DWMTS")),
    ("wms", "url=https://notwxs.ign.fr.example.org/wmts&layers=a&tileMatrixSet=PM"),
    ("gdal", ""),
]


@pytest.mark.parametrize("provider, source", NON_IGN)
def test_non_ign_and_gpf_sources_come_back_byte_identical(provider, source):
    result = migrate_source(provider, source)
    assert result.status == UNCHANGED
    assert result.new_source is source or result.new_source == source


def test_other_provider_naming_an_old_host_is_unmapped_and_untouched():
    source = "url=https://wxs.ign.fr/ortho/geoportail/wcs?SERVICE=WCS&identifier=ORTHOIMAGERY.ORTHOPHOTOS"
    result = migrate_source("wcs", source)
    assert result.status == UNMAPPED and result.new_source == source and "wcs" in result.reason


ALL_OLD = [
    ("wms", wmts("ORTHOIMAGERY.ORTHOPHOTOS")),
    ("wms", wmts("PROTECTEDAREAS.ZNIEFF1")),
    ("wms", wmts("GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2.L93", tms="LAMB93", crs="EPSG:2154")),
    ("wms", wmts("GEOGRAPHICALGRIDSYSTEMS.MAPS", url=f"https://wxs.ign.fr/{PERSONAL_KEY}/geoportail/wmts")),
    ("wms", wms(["CADASTRALPARCELS.PARCELLAIRE_EXPRESS"])),
    ("wms", XYZ_ORTHO.format(key=PERSONAL_KEY, layer="ORTHOIMAGERY.ORTHOPHOTOS")),
    ("vectortile", VT_PLAN),
    ("WFS", wfs("BDTOPO_V3:batiment", extra=" sql=the_geom is not null")),
    ("WFS", wfs("BAN.ADRESSE:ban")),
]


@pytest.mark.parametrize("provider, source", ALL_OLD)
def test_running_twice_equals_running_once(provider, source):
    once = migrate_source(provider, source)
    twice = migrate_source(provider, once.new_source)
    assert once.new_source != source
    assert twice.new_source == once.new_source
    assert "wxs.ign.fr" not in once.new_source


# --- saved connections (a service address without a layer) -----------------------------------------


def test_wmts_connection_moves_to_gpf_and_warns_about_a_personal_key():
    result = migrate_source("wms", f"url=https://wxs.ign.fr/{PERSONAL_KEY}/geoportail/wmts?SERVICE%3DWMTS")
    assert result.status == MIGRATED
    assert params(result.new_source).get("url") == "https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetCapabilities"
    assert any("cartes.gouv.fr" in w for w in result.warnings)


def test_wms_and_wfs_connections():
    wms_result = migrate_source("wms", "url=https://wxs.ign.fr/ortho/geoportail/r/wms")
    assert params(wms_result.new_source).get("url") == "https://data.geopf.fr/wms-r/wms"
    # a thematic key is told as such (issue 14), not as a personal key, and says the connection now lists more
    assert len(wms_result.warnings) == 1 and wms_result.warnings[0].startswith("clé thématique « ortho »")
    assert "personnelle" not in wms_result.warnings[0]
    wfs_result = migrate_source("WFS", "url='https://wxs.ign.fr/topographie/geoportail/wfs?SERVICE=WFS'")
    assert wfs_result.status == MIGRATED
    assert wfs_result.new_source == "url='https://data.geopf.fr/wfs/ows'"


@pytest.mark.parametrize("provider, source", [
    ("vectortile", "styleUrl=https://wxs.ign.fr/static/vectorTiles/styles/PLAN.IGN/standard.json&type=xyz&url=https://["),
    ("wms", "layers=a&styles&url=https://[wxs.ign.fr/ortho/geoportail/r/wms"),
    ("WFS", "typename='a:b' url='https://wxs.ign.fr:99999/x/geoportail/wfs'"),
])
def test_malformed_urls_are_unmapped_not_a_crash(provider, source):
    result = migrate_source(provider, source)
    assert result.status in (UNMAPPED, UNCHANGED)
    assert result.new_source == source


# --- gdal provider (GDAL's own WMTS client) ---------------------------------------------------------------

GDAL_WMTS = "WMTS:https://wxs.ign.fr/{key}/geoportail/wmts?SERVICE=WMTS&REQUEST=GetCapabilities"


def test_gdal_wmts_string_gets_the_gpf_address_layer_style_and_matrix_set():
    old = GDAL_WMTS.format(key=PERSONAL_KEY) + ",layer=PROTECTEDAREAS.ZNIEFF1,style=normal,tilematrixset=PM"
    old += ",zoom_level=12"
    result = migrate_source("gdal", old)
    assert result.status == MIGRATED and PERSONAL_KEY not in result.new_source
    assert result.new_source == ("WMTS:https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetCapabilities,"
                                 "layer=PROTECTEDAREAS.ZNIEFF1,style=PROTECTEDAREAS.ZNIEFF1,tilematrixset=PM_6_16,"
                                 "zoom_level=12")  # options keep their order; zoom_level is GDAL's own
    assert any("PROTECTEDAREAS.ZNIEFF1" in warning for warning in result.warnings)
    assert migrate_source("gdal", result.new_source).status == UNCHANGED


def test_gdal_wmts_without_layer_is_the_whole_service():
    result = migrate_source("gdal", GDAL_WMTS.format(key="ortho"))
    assert result.new_source == "WMTS:https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetCapabilities"


def test_gdal_wmts_description_inline():
    old = ("<GDAL_WMTS><GetCapabilitiesUrl>https://wxs.ign.fr/ortho/geoportail/wmts?SERVICE=WMTS&amp;"
           "REQUEST=GetCapabilities</GetCapabilitiesUrl><Layer>ORTHOIMAGERY.ORTHOPHOTOS</Layer>"
           "<TileMatrixSet>PM</TileMatrixSet><DataWindow><UpperLeftX>-20037508</UpperLeftX></DataWindow></GDAL_WMTS>")
    result = migrate_source("gdal", old)
    assert result.status == MIGRATED
    assert "<GetCapabilitiesUrl>https://data.geopf.fr/wmts?SERVICE=WMTS&amp;REQUEST=GetCapabilities" \
           "</GetCapabilitiesUrl>" in result.new_source
    assert "<TileMatrixSet>PM_0_21</TileMatrixSet>" in result.new_source
    assert "<DataWindow><UpperLeftX>-20037508</UpperLeftX></DataWindow>" in result.new_source  # untouched


def test_gdal_wmts_removed_layer_and_licensed_layer():
    gone = migrate_source("gdal", GDAL_WMTS.format(key="ortho") + ",layer=ORTHOIMAGERY.ORTHOPHOTOS.ORTHO-EXPRESS.2022")
    assert gone.status == UNMAPPED and "ortho-express 2022" in gone.reason and gone.new_source == gone.old_source
    scan = migrate_source("gdal", GDAL_WMTS.format(key=PERSONAL_KEY) + ",layer=GEOGRAPHICALGRIDSYSTEMS.MAPS.SCAN25TOUR")
    assert scan.status == NEEDS_KEY and "data.geopf.fr/private/wmts" in scan.new_source
    assert PERSONAL_KEY not in scan.new_source and any("apikey" in warning for warning in scan.warnings)


def test_other_gdal_sources_on_old_hosts_are_reported_not_rewritten():
    old = "/vsicurl/https://wxs.ign.fr/ortho/geoportail/r/wms?SERVICE=WMS"
    result = migrate_source("gdal", old)
    assert result.status == UNMAPPED and result.new_source == old and "GDAL" in result.reason
    assert migrate_source("gdal", "/data/ortho.tif").status == UNCHANGED


@pytest.mark.parametrize("key, kind, words", [
    ("choisirgeoportail", "shared", "clé publique partagée « choisirgeoportail »"),
    ("pratique", "shared", "clé publique partagée « pratique »"),
    ("choisirinspire", "shared", "clé publique partagée « choisirinspire »"),
    ("cartes", "thematic", "clé thématique « cartes »"),
    ("abcdefghijkl0123456789ab", "personal", "clé personnelle retirée"),
])
def test_connection_wording_follows_the_key_kind(key, kind, words):
    from gpf_bascule.mapping.engine import key_kind
    from gpf_bascule.mapping.registry import load_registry

    result = migrate_source("wms", f"url=https://wxs.ign.fr/{key}/geoportail/wmts")
    assert result.status == MIGRATED and any(w.startswith(words) for w in result.warnings), result.warnings
    assert all("SCAN 25" not in w for w in result.warnings) or kind == "personal"
    assert key not in result.new_source
    match = load_registry().match_endpoint("wxs.ign.fr", f"{key}/geoportail/wmts")
    assert key_kind(match) == kind


def test_gpu_connection_is_a_shared_key_never_personal():
    result = migrate_source("WFS", "url='https://wxs-gpu.mongeoportail.ign.fr/externe/abcdefghijkl0123456789ab/wfs/v'")
    assert result.status == MIGRATED and result.new_source == "url='https://data.geopf.fr/wfs/ows'"
    assert len(result.warnings) == 1 and "Géoportail de l'urbanisme" in result.warnings[0]
    assert "abcdefghijkl0123456789ab" not in result.warnings[0] and "personnelle" not in result.warnings[0]


def test_inspire_connection_says_what_is_and_is_not_served():
    result = migrate_source("wms", "url=https://wxs.ign.fr/choisirinspire/inspire/v/wms")
    assert params(result.new_source).get("url") == "https://data.geopf.fr/wms-v/ows"
    note = next(w for w in result.warnings if "INSPIRE" in w)
    assert "BU.Building" in note and "AU.AdministrativeUnit" in note  # served by the general WMS vecteur
    assert "AD.Address" in note and "US.UtilityAndGovernmentalServices" in note  # gone
    raster = migrate_source("wms", "url=https://wxs.ign.fr/inspire/inspire/r/wms")
    note = next(w for w in raster.warnings if "INSPIRE" in w)
    assert "CP.CadastralParcel" in note and "HR.ORTHOIMAGERY" not in note
