"""QGIS 1.x and 2.x WMS sources: migrated like today's, or unmapped with a precise reason, never `unchanged`.

The real 2014 project (QGIS 1.8, `../shared/gpf-data/projects/haubourg_Donnees_IGN_Geoportail_qgis1.8_2014.qgs`)
keeps its WMS sources as `tiled=…,username=…,password=…,url=…` with the layer names in
`<rasterproperties><wmsSublayer>`. QGIS 3 rebuilds the source from those parts when it reads the project
(QgsMapLayer::readLayerXml, QgsRasterLayer::readXml); the rewriter does the same, asks the engine about that
source, and writes the migrated one in today's form. tests/qgis/test_old_format_sources.py opens the result in QGIS.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gpf_bascule.mapping.batch import default_migrator
from gpf_bascule.mapping.engine import migrate_source
from gpf_bascule.mapping.project_files import rewrite_file
from gpf_bascule.mapping.provider_uri import EncodedUri, is_qgis1_wms, is_qgis1_wms_text, qgis1_wms_source
from gpf_bascule.mapping.result import MIGRATED, UNCHANGED, UNMAPPED

PROJECT = "projects/haubourg_Donnees_IGN_Geoportail_qgis1.8_2014.qgs"
OLD_HOSTS = ("wxs.ign.fr", "gpp3-wxs.ign.fr")


@pytest.fixture(scope="module")
def project_2014(shared_data) -> tuple[bytes, Path]:
    path = shared_data / PROJECT
    return path.read_bytes(), path


def test_qgis1_source_is_rebuilt_as_qgis_3_reads_it():
    """Same parameters, values and order as QGIS 3.22 gives (layer.source() of the real project)."""
    saved = ("ignoreUrl=GetMap;GetFeatureInfo,tiled=400;400,username=MonUser,password=MonPass ,"
             "url=http://wxs.ign.fr/MaCle/geoportail/r/wms")
    assert is_qgis1_wms(saved)
    assert qgis1_wms_source(saved, [("BDPARCEL_PYR-PNG_WLD", "bdparcellaire")], "image/png", "EPSG:2154") == (
        "crs=EPSG:2154&format=image/png&ignoreUrl=GetMap&ignoreUrl=GetFeatureInfo&layers=BDPARCEL_PYR-PNG_WLD"
        "&maxHeight=400&maxWidth=400&styles=bdparcellaire&url=http://wxs.ign.fr/MaCle/geoportail/r/wms"
        "&username=MonUser&password=MonPass%20"
    )
    tiled = qgis1_wms_source("tiled=256;256;0.7;0.35,url=http://x/wms", [("A", ""), ("B", "s")], "image/jpeg", "")
    assert EncodedUri(tiled).get("tileMatrixSet") == "" and EncodedUri(tiled).get_all("layers") == ["A", "B"]
    assert qgis1_wms_source("http://wxs.ign.fr/k/geoportail/r/wms?", [("A", "")], "image/png", "EPSG:4326") == (
        "crs=EPSG:4326&format=image/png&layers=A&styles=&url=http://wxs.ign.fr/k/geoportail/r/wms?"
    )


@pytest.mark.parametrize("source", [
    "crs=EPSG:2154&format=image/png&layers=A&styles=&url=https://wxs.ign.fr/k/geoportail/r/wms",
    "type=xyz&url=https://wxs.ign.fr/k/geoportail/wmts?LAYER%3DA",
    "",
])
def test_todays_sources_are_not_read_as_qgis1(source):
    assert not is_qgis1_wms(source)


def test_the_2014_project_has_no_old_host_left_unchanged(project_2014):
    data, path = project_2014
    for streaming in (True, False):
        rewrite = rewrite_file(path.name, data, default_migrator(), streaming=streaming)
        assert len(rewrite.sources) == 21
        statuses = {source.status for source in rewrite.sources}
        assert UNCHANGED not in statuses and statuses <= {MIGRATED, UNMAPPED}
        for source in rewrite.sources:
            assert is_qgis1_wms(source.old_source) and "wxs.ign.fr/" in source.old_source  # as saved
            if source.status == UNMAPPED:
                assert source.reason, source.name
                assert source.new_source == source.old_source
                continue
            new = EncodedUri(source.new_source)
            assert new.get("url").startswith("https://data.geopf.fr/"), source.new_source
            assert not any(host in source.new_source for host in OLD_HOSTS)
            assert "username" not in new.keys() and "password" not in new.keys()
            assert new.get("crs") and new.get("format") and new.get_all("layers"), source.new_source
            assert any("QGIS 1.x" in warning for warning in source.warnings)
            assert any("identifiants" in warning for warning in source.warnings)
        migrated = {s.name.strip(): EncodedUri(s.new_source) for s in rewrite.sources if s.status == MIGRATED}
        # INSPIRE view layers of the vector WMS: served by data.geopf.fr/wms-v (IGN's 2025 catalogue)
        for name in ("AU.AdministrativeUnit", "BU.Building", "HY.PhysicalWaters", "TN.RoadTransportNetwork"):
            uri = next(uri for label, uri in migrated.items() if label.startswith(name))
            assert uri.get("url") == "https://data.geopf.fr/wms-v/ows" and uri.get_all("layers") == [name]
            assert uri.get("styles") == ""  # inspire_common:DEFAULT cannot be checked there: default style
        ortho = migrated["RGE - Orthophotos IGN courantes (WMS geoportail)"]
        assert ortho.get("url") == "https://data.geopf.fr/wms-r/wms"
        assert (ortho.get("layers"), ortho.get("crs"), ortho.get("maxWidth")) == ("ORTHOIMAGERY.ORTHOPHOTOS",
                                                                                  "EPSG:2154", "400")
        assert len(migrated) == 10
        # the written document: migrated datasources in today's form, the others byte for byte
        text = rewrite.data.decode("utf-8")
        assert text.count("https://data.geopf.fr/") == 10
        kept = sum(s.old_source.count("MonUserNameGEOPORTAIL") for s in rewrite.sources if s.status == UNMAPPED)
        assert text.count("MonUserNameGEOPORTAIL") == kept  # only the unmapped layers keep theirs
        assert "<wmsSublayer>" in text  # the rest of the layer is left as it was


def test_the_output_is_stable(project_2014):
    data, path = project_2014
    first = rewrite_file(path.name, data, default_migrator())
    second = rewrite_file(path.name, first.data, default_migrator())
    assert not second.changed
    assert [s.status for s in second.sources if s.status != UNMAPPED] == [UNCHANGED] * 10


def test_a_mix_of_found_and_withdrawn_sublayers_says_so():
    source = qgis1_wms_source(
        "tiled=400;400,url=http://wxs.ign.fr/cle/geoportail/r/wms",
        [("ORTHOIMAGERY.ORTHOPHOTOS", ""), ("BDPARCEL_PYR-PNG_WLD", "")], "image/png", "EPSG:2154",
    )
    result = migrate_source("wms", source)
    assert result.status == UNMAPPED and result.new_source == source
    assert "1 couche(s) sur 2" in result.reason and "ORTHOIMAGERY.ORTHOPHOTOS" in result.reason
    assert "BDPARCEL_PYR-PNG_WLD" in result.reason


def test_a_qgis1_source_alone_is_unmapped_with_the_reason():
    """Without its project (the layer names are elsewhere) the engine cannot judge it: it says why."""
    source = "tiled=400;400,,username=U,password=P ,url=http://wxs.ign.fr/y7d6sba0vw9vqp19s6ewcbjt/inspire/v/wms"
    result = migrate_source("wms", source)
    assert result.status == UNMAPPED and result.new_source == source
    assert "QGIS 1.x" in result.reason and "wmsSublayer" in result.reason


def test_a_tiled_qgis1_layer_becomes_plain_wms():
    source = qgis1_wms_source("tiled=256;256;1.0;0.5,url=http://wxs.ign.fr/cle/geoportail/r/wms",
                              [("ORTHOIMAGERY.ORTHOPHOTOS", "")], "image/jpeg", "EPSG:2154")
    result = migrate_source("wms", source)
    assert result.status == MIGRATED
    assert "tileMatrixSet" not in EncodedUri(result.new_source).keys()
    assert any("WMS-C" in warning for warning in result.warnings)


@pytest.mark.parametrize("source", [
    # QGIS 2.x: credentials as parameters, feature count, the old ignoreUrl list, IgnoreGetMapUrl
    "crs=EPSG:2154&featureCount=10&format=image/png&layers=ORTHOIMAGERY.ORTHOPHOTOS&styles=&"
    "url=http://wxs.ign.fr/abcdefghijkl0123456789ab/geoportail/r/wms&username=u&password=p",
    "IgnoreGetMapUrl=1&crs=EPSG:2154&featureCount=10&format=image/png&ignoreUrl=GetMap&ignoreUrl=GetFeatureInfo"
    "&layers=ORTHOIMAGERY.ORTHOPHOTOS&styles=normal&url=http://gpp3-wxs.ign.fr/abcdefghijkl0123456789ab/geoportail/"
    "r/wms?&username=u&password=p",
    "crs=EPSG:4326&dpiMode=7&featureCount=10&format=image/png&layers=BU.Building&styles=inspire_common:DEFAULT"
    "&url=http://wxs.ign.fr/inspire/inspire/v/wms&username=u&password=p",
])
def test_qgis2_sources_migrate_without_credentials(source):
    result = migrate_source("wms", source)
    assert result.status == MIGRATED, result.reason
    new = EncodedUri(result.new_source)
    assert new.get("url").startswith("https://data.geopf.fr/")
    assert not {"username", "password"} & set(new.keys())
    assert any("identifiants" in warning for warning in result.warnings)


@pytest.mark.parametrize("provider, source", [
    ("wms", "http://wxs.ign.fr/cle/geoportail/r/wms?"),  # bare address: layers stored elsewhere
    ("wms", "crs=EPSG:2154&format=image/png&layers=X&styles=&url=https://example.org/wms?u=https://wxs.ign.fr/k/x"),
    ("spatialite", "dbname='/tmp/x.sqlite' table=\"t\" sql=url LIKE 'https://wxs.ign.fr/%'"),
])
def test_an_old_host_the_engine_cannot_rewrite_is_unmapped_never_unchanged(provider, source):
    result = migrate_source(provider, source)
    assert result.status == UNMAPPED and result.reason and result.new_source == source


def test_a_host_written_with_a_final_dot_is_still_the_old_host():
    result = migrate_source("wms", "crs=EPSG:3857&format=image/jpeg&layers=ORTHOIMAGERY.ORTHOPHOTOS&styles=normal"
                                   "&tileMatrixSet=PM&url=https://wxs.ign.fr./ortho/geoportail/wmts")
    assert result.status == MIGRATED and "https://data.geopf.fr/wmts" in result.new_source
    lookalike = "crs=EPSG:3857&format=image/png&layers=A&styles=&url=https://wxs.ign.fr.example.org/wms"
    assert migrate_source("wms", lookalike).status == UNCHANGED


@pytest.mark.parametrize("source, legacy", [
    ("tiled=400;400,,username=U,password=P ,url=http://wxs.ign.fr/k/inspire/v/wms", True),
    (",tiled=400;400,username=U,password=P ,url=http://wxs.ign.fr/k/inspire/r/wms", True),
    ("ignoreUrl=GetMap;GetFeatureInfo,username=U,password=P ,url=https://wxs.ign.fr/k/geoportail/v/wms", True),
    ("featureCount=10,url=http://wxs.ign.fr/k/geoportail/r/wms", True),
    ("url=https://wxs.ign.fr/k/geoportail/r/wms", False),  # a saved connection
    ("url=https://wxs.ign.fr/k/geoportail/r/wms?bbox=1,2,3,4", False),
    ("IgnoreGetMapUrl=1&dpiMode=7,8&url=https://wxs.ign.fr/k/geoportail/r/wms", False),
])
def test_the_qgis1_text_form_is_told_from_a_connection(source, legacy):
    assert is_qgis1_wms_text(source) is legacy
    result = migrate_source("wms", source)
    assert result.status != UNCHANGED
    assert (result.status == UNMAPPED and "QGIS 1.x" in result.reason) is legacy
