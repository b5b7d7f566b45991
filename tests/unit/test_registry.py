"""The registry as data: consistent, derived from the recorded documents, and covering every old layer.

The coverage tests build an old source for every layer of IGN's 2023 per-key list and every old WFS type,
run the engine, and check each migrated target against the recorded GPF documents parsed here directly
(not through the registry), so a wrong derived table cannot hide itself.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from gpf_bascule.mapping.engine import migrate_source
from gpf_bascule.mapping.provider_uri import DataSourceUri, EncodedUri, UrlParts
from gpf_bascule.mapping.registry import REGISTRY_DIR, load_registry
from gpf_bascule.mapping.result import MIGRATED, NEEDS_KEY, UNMAPPED

ROOT = Path(__file__).resolve().parents[2]
NS = {"wmts": "http://www.opengis.net/wmts/1.0", "ows": "http://www.opengis.net/ows/1.1",
      "wms": "http://www.opengis.net/wms", "wfs": "http://www.opengis.net/wfs/2.0"}


def _report(request, line: str) -> None:
    request.config.__dict__.setdefault("_gpf_figures", []).append(line)


@pytest.fixture(scope="module")
def recorded(shared_data):
    """What the recorded GPF documents publish, read straight from them."""
    caps = shared_data / "capabilities"
    wmts_tree = etree.parse(str(caps / "gpf_wmts_2024-06-06.xml"))
    wmts = {}
    for layer in wmts_tree.iterfind(".//wmts:Contents/wmts:Layer", NS):
        wmts[layer.findtext("ows:Identifier", namespaces=NS)] = {
            "styles": {s.findtext("ows:Identifier", namespaces=NS) for s in layer.iterfind("wmts:Style", NS)},
            "sets": {e.text for e in layer.iterfind("wmts:TileMatrixSetLink/wmts:TileMatrixSet", NS)},
            "formats": {e.text for e in layer.iterfind("wmts:Format", NS)},
        }
    wms_r = {e.text for e in etree.parse(str(caps / "gpf_wms-r_2024-06-06.xml")).iterfind(".//wms:Layer/wms:Name", NS)}
    wfs_tree = etree.parse(str(caps / "gpf_wfs_2025-06-25.xml"))
    wfs = {e.text for e in wfs_tree.iterfind(".//wfs:FeatureType/wfs:Name", NS)}
    with (shared_data / "mapping" / "gpf_services_by_theme.csv").open(encoding="utf-8") as handle:
        services = list(csv.DictReader(handle))
    private = json.loads((shared_data / "mapping" / "gpf_private_scan_config.json").read_text(encoding="utf-8"))
    with (shared_data / "mapping" / "gpf_idg_catalogue_2025-01-03.csv").open(encoding="utf-8") as handle:
        idg_wms_v = {r["layer"] for r in csv.DictReader(handle) if r["service"] == "wms-v"}
    return {
        "wmts": wmts, "wms-r": wms_r, "wfs": wfs,
        # WMS vecteur: no capabilities recorded; IGN's services list and IGN's 2025 GPF catalogue project list it
        "wms-list": {r["layer"] for r in services if r["service"] == "WMS"} | idg_wms_v,
        "tms": {r["layer"] for r in services if r["service"] == "TMS"},
        "private": {layer["name"] for layer in private["layers"].values()},
    }


def _assert_target_published(result, recorded) -> None:
    """The new source names a layer (and for WMTS a style, set and format) that GPF really publishes."""
    if result.status == NEEDS_KEY:
        assert result.layer in recorded["private"], result
        return
    if result.service == "wfs":
        assert DataSourceUri(result.new_source).get("typename") in recorded["wfs"]
        return
    uri = EncodedUri(result.new_source)
    if result.service == "tms":
        name = UrlParts(uri.get("url")).path.split("/")[2]
        assert name in recorded["tms"], result.new_source
        return
    if result.service == "wmts":
        facts = recorded["wmts"][uri.get("layers")]
        assert uri.get("styles") in facts["styles"]
        assert uri.get("tileMatrixSet") in facts["sets"]
        assert uri.get("format") in facts["formats"]
        return
    published = recorded["wms-r"] if result.service == "wms-r" else recorded["wms-list"]
    for name in uri.get_all("layers"):
        assert name in published, (result.service, name)


def _old_source(service: str, layer: str, url: str) -> tuple[str, str]:
    if service == "WMTS":
        return "wms", f"crs=EPSG:3857&format=image/png&layers={layer}&styles=normal&tileMatrixSet=PM&url={url}"
    if service in ("WMS-R", "WMS-V"):
        return "wms", f"crs=EPSG:2154&format=image/png&layers={layer}&styles&url={url}"
    return "vectortile", f"type=xyz&url={url}{layer}/%7Bz%7D/%7Bx%7D/%7By%7D.pbf&zmax=18&zmin=0"


SERVICE_KEYS = {"WMTS": "wmts", "WMS-R": "wms-r", "WMS-V": "wms-v", "TMS": "tms"}


def test_every_old_layer_gets_a_decision_and_migrated_targets_exist(shared_data, recorded, request):
    registry = load_registry()
    counts: Counter = Counter()
    with (shared_data / "mapping" / "old_wxs_layers_by_key_2023-05.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        provider, source = _old_source(row["service"], row["layer"], row["old_url"])
        result = migrate_source(provider, source)
        counts[result.status] += 1
        if result.status == UNMAPPED:
            assert registry.rule(SERVICE_KEYS[row["service"]], row["layer"]) is not None, row
            assert result.reason
        else:
            assert result.status in (MIGRATED, NEEDS_KEY), (row, result)
            _assert_target_published(result, recorded)
    assert sum(counts.values()) == len(rows) == 661
    migrated = counts[MIGRATED] + counts[NEEDS_KEY]
    _report(request, f"coverage, old layers (WMTS/WMS-R/WMS-V/TMS): {migrated}/{len(rows)} migrated "
                     f"({100 * migrated / len(rows):.1f} %), {counts[UNMAPPED]} unmapped with a registry rule")
    assert migrated / len(rows) > 0.9


def test_every_old_wfs_type_gets_a_decision_and_migrated_targets_exist(shared_data, recorded, request):
    registry = load_registry()
    counts: Counter = Counter()
    with (shared_data / "mapping" / "wfs_old_keys_2022_vs_gpf_2024_2025.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        url = row["old_url"].split("?")[0]
        source = f"srsname='EPSG:2154' typename='{row['old_typename']}' url='{url}' version='auto'"
        result = migrate_source("WFS", source)
        counts[result.status] += 1
        if result.status == UNMAPPED:
            assert registry.rule("wfs", row["old_typename"]) is not None, row
        else:
            assert result.status == MIGRATED, (row, result)
            _assert_target_published(result, recorded)
    assert sum(counts.values()) == len(rows) == 358
    _report(request, f"coverage, old WFS types: {counts[MIGRATED]}/{len(rows)} migrated "
                     f"({100 * counts[MIGRATED] / len(rows):.1f} %), {counts[UNMAPPED]} unmapped with a registry rule")
    assert counts[MIGRATED] / len(rows) > 0.6


def test_private_scan_layers_need_a_key(recorded):
    for name in ["GEOGRAPHICALGRIDSYSTEMS.MAPS", "GEOGRAPHICALGRIDSYSTEMS.MAPS.SCAN-OACI",
                 "GEOGRAPHICALGRIDSYSTEMS.MAPS.SCAN25TOUR"]:
        source = f"crs=EPSG:3857&format=image/jpeg&layers={name}&styles=normal&tileMatrixSet=PM&url=https://wxs.ign.fr/k/geoportail/wmts"
        result = migrate_source("wms", source)
        assert result.status == NEEDS_KEY
        _assert_target_published(result, recorded)


def test_derived_tables_are_up_to_date(shared_data, tmp_path):
    """`make registry` output equals what is committed: nobody edited a derived table by hand."""
    import subprocess
    import sys

    subprocess.run([sys.executable, str(ROOT / "tools" / "build_registry.py"), "--data", str(shared_data),
                    "--output", str(tmp_path)], check=True, capture_output=True)
    for name in ("gpf_layers.csv", "wmts_style_renames.csv"):
        assert (tmp_path / name).read_text(encoding="utf-8") == (REGISTRY_DIR / name).read_text(encoding="utf-8"), name


def test_rules_are_well_formed():
    registry = load_registry()
    assert registry.rules
    for rule in registry.rules.values():
        assert rule.decision in ("rename", "removed"), rule
        assert rule.reason and rule.evidence, rule
        if rule.decision == "rename":
            assert registry.layer(rule.new_service, rule.new_name) is not None, rule
        else:
            assert not rule.new_name, rule
        assert registry.layer(rule.service, rule.old_name) is None, f"rule shadows a published layer: {rule}"


def test_endpoints_are_well_formed():
    registry = load_registry()
    for endpoint in registry.endpoints:
        assert endpoint.evidence
        assert endpoint.service in registry.service_urls
        assert registry.service_url(endpoint.service).startswith("https://data.geopf.fr/")


@pytest.mark.parametrize("url, service", [
    ("https://wxs.ign.fr/ortho/geoportail/wmts", "wmts"),
    ("http://gpp3-wxs.ign.fr/abcdefghijkl0123456789ab/geoportail/wmts", "wmts"),
    ("https://wxs.ign.fr/essentiels/geoportail/r/wms", "wms-r"),
    ("https://wxs.ign.fr/cartovecto/geoportail/v/wms", "wms-v"),
    ("https://wxs.ign.fr/topographie/geoportail/wfs", "wfs"),
    ("https://wxs.ign.fr/essentiels/geoportail/tms/1.0.0/PLAN.IGN/1/2/3.pbf", "tms"),
    ("https://wxs-gpu.mongeoportail.ign.fr/externe/abcdefghijkl0123456789ab/wfs/v", "wfs"),
    ("https://wxs-gpu.mongeoportail.ign.fr/externe/abcdefghijkl0123456789ab/wms/v", "wms-v"),
    ("https://vectortiles.ign.fr/rok4server/1.0.0/PLAN.IGN/1/2/3.pbf", "tms"),
    ("https://wmts.geopf.fr/rok4/wmts", "wmts"),
    ("https://wms-r.geopf.fr/rok4/wms", "wms-r"),
    ("https://wms-v.geopf.fr/geoserver/ows", "wms-v"),
    ("https://wfs.geopf.fr/geoserver/ows", "wfs"),
    ("https://wmts.geopf.fr/rok4/tms/1.0.0/PLAN.IGN/1/2/3.pbf", "tms"),
    ("https://wxs.ign.fr/inspire/inspire/r/wms", "wms-r"),
    ("https://wxs.ign.fr/inspire/inspire/v/wms", "wms-v"),
    ("https://wxs.ign.fr/static/vectorTiles/styles/PLAN.IGN/essentiels/standard.json", "vt-resources"),
    ("https://wxs.ign.fr/static/vectorTiles/fonts/Source Sans Pro Regular/0-255.pbf", "vt-resources"),
    ("https://wxs.ign.fr/catalogue/csw", "csw"),
])
def test_every_old_address_variant_is_recognised(url, service):
    parts = UrlParts(url)
    match = load_registry().match_endpoint(parts.host, parts.path)
    assert match is not None and match.service == service


def test_no_rule_for_a_path_prefix_lookalike():
    parts = UrlParts("https://wxs.ign.fr/ortho/geoportail/wmtsfoo")
    assert load_registry().match_endpoint(parts.host, parts.path) is None


def test_wms_v_facts_carry_ign_2025_catalogue_evidence(shared_data):
    """Every distinct WMS-V name of IGN's 2025 GPF catalogue (479) is a registry layer naming that evidence, and
    the old INSPIRE / vector-WMS names it serves are no longer called withdrawn (issue 14)."""
    with (shared_data / "mapping" / "gpf_idg_catalogue_2025-01-03.csv").open(encoding="utf-8") as handle:
        names = {r["layer"] for r in csv.DictReader(handle) if r["service"] == "wms-v"}
    assert len(names) == 479
    with (REGISTRY_DIR / "gpf_layers.csv").open(encoding="utf-8") as handle:
        rows = {r["name"]: r for r in csv.DictReader(handle) if r["service"] == "wms-v"}
    assert names <= set(rows)
    for name in names:
        assert "gpf_idg_catalogue_2025-01-03.csv" in rows[name]["evidence"], name
    registry = load_registry()
    for name in ("AU.AdministrativeUnit", "BU.Building", "TN.RoadTransportNetwork", "HY.PhysicalWaters",
                 "BDTOPO-GEOPO-BATI_WLD_WGS84G", "BDCARTO-HYDROGRAPHIE_WLD_WGS84G",
                 "BDADRESSE-POINTADRESSE_BDD_FXX_RGF93G"):
        assert registry.layer("wms-v", name) is not None and registry.rule("wms-v", name) is None, name
