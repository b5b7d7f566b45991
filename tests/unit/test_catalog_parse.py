"""The catalogue built from the recorded GPF documents, and from broken ones (a service fails alone)."""

from __future__ import annotations

from collections import Counter

import pytest

from gpf_bascule.catalog.capabilities import CapabilitiesError, parse_services_list
from gpf_bascule.catalog.entry import OTHER_THEME
from gpf_bascule.catalog.parse import build_catalog
from gpf_bascule.catalog.sources import from_directory
from gpf_bascule.mapping.provider_uri import DataSourceUri, EncodedUri
from gpf_bascule.mapping.registry import load_registry


@pytest.fixture(scope="module")
def documents(shared_data):
    return from_directory(shared_data)


@pytest.fixture(scope="module")
def catalog(documents):
    return build_catalog(documents.data, labels=documents.labels, errors=documents.errors)


def _entry(catalog, service, name, private=False):
    return next(e for e in catalog.layers if e.service == service and e.name == name and e.needs_key == private)


def test_counts_per_service(catalog):
    counts = Counter((e.service, e.needs_key) for e in catalog.layers)
    assert counts[("wmts", False)] == 543 and counts[("wmts", True)] == 4
    assert counts[("wms-r", False)] == 308 and counts[("wms-r", True)] == 3
    assert counts[("wfs", False)] == 726
    assert counts[("tms", False)] == 21  # the services list's TMS layers (the trimmed root adds only PLAN.IGN)
    # no WMS-V capabilities recorded: IGN's 2025 catalogue (479 names with titles) + the services list's WMS rows
    # that WMS-R does not publish (210, most of them in IGN's catalogue too)
    assert counts[("wms-v", False)] == 627
    statuses = {s.service: s for s in catalog.services}
    assert all(statuses[s].status == "ok" for s in ("wmts", "wms-r", "wms-v", "wfs", "tms", "services", "private"))
    assert statuses["wmts"].parser == "owslib" and statuses["wms-r"].parser == "owslib"


def test_the_featuretypelist_only_wfs_document_is_read_with_lxml_and_says_so(catalog):
    wfs = next(s for s in catalog.services if s.service == "wfs")
    assert wfs.parser == "lxml" and "OWSLib" in wfs.note and wfs.count == 726
    entry = _entry(catalog, "wfs", "ADMINEXPRESS-COG-CARTO.LATEST:arrondissement")
    assert entry.title and entry.bbox and entry.provider == "WFS"


def test_themes_several_and_autres(catalog):
    assert _entry(catalog, "tms", "ADMIN_EXPRESS").themes == ("administratif", "essentiels")
    assert _entry(catalog, "wmts", "ACCES.BIOMETHANE").themes == ("enr",)
    autres = [e for e in catalog.layers if e.themes == (OTHER_THEME,)]
    assert autres and all(len(e.themes) == 1 for e in autres)
    assert all(e.themes for e in catalog.layers)


def test_uris_are_the_ones_qgis_writes(catalog):
    assert _entry(catalog, "wmts", "ORTHOIMAGERY.ORTHOPHOTOS").uri == (
        "contextualWMSLegend=0&crs=EPSG:3857&dpiMode=7&featureCount=10&format=image/jpeg"
        "&layers=ORTHOIMAGERY.ORTHOPHOTOS&styles=normal&tileMatrixSet=PM_0_21"
        "&url=https://data.geopf.fr/wmts?SERVICE%3DWMTS%26REQUEST%3DGetCapabilities"
    )
    assert _entry(catalog, "tms", "PLAN.IGN").uri == (
        "styleUrl=https://data.geopf.fr/annexes/ressources/vectorTiles/styles/PLAN.IGN/standard.json&type=xyz"
        "&url=https://data.geopf.fr/tms/1.0.0/PLAN.IGN/%7Bz%7D/%7Bx%7D/%7By%7D.pbf&zmax=18&zmin=0"
    )
    wms = EncodedUri(_entry(catalog, "wms-r", "CADASTRALPARCELS.PARCELLAIRE_EXPRESS").uri)
    assert (wms.get("url"), wms.get("crs"), wms.get("format"), wms.get("styles")) == (
        "https://data.geopf.fr/wms-r/wms", "EPSG:3857", "image/png", "")
    assert EncodedUri(_entry(catalog, "wms-r", "ORTHOIMAGERY.ORTHOPHOTOS").uri).get("format") == "image/jpeg"
    wfs = DataSourceUri(_entry(catalog, "wfs", "ADMINEXPRESS-COG-CARTO.LATEST:arrondissement").uri)
    assert wfs.parsed and wfs.get("typename") == "ADMINEXPRESS-COG-CARTO.LATEST:arrondissement"
    assert (wfs.get("srsname"), wfs.get("url"), wfs.get("version")) == (
        "EPSG:4326", "https://data.geopf.fr/wfs/ows", "auto")
    vector = _entry(catalog, "wms-v", "ADMINEXPRESS-COG-CARTO-PE.2025")
    assert EncodedUri(vector.uri).get("url") == "https://data.geopf.fr/wms-v/ows"
    assert "liste des services" in vector.note


def test_non_free_layers_need_a_key(catalog):
    private = [e for e in catalog.layers if e.needs_key]
    assert {(e.service, e.name) for e in private} >= {
        ("wmts", "GEOGRAPHICALGRIDSYSTEMS.MAPS"), ("wmts", "GEOGRAPHICALGRIDSYSTEMS.MAPS.SCAN-OACI"),
        ("wms-r", "SCAN100_PYR-JPEG_WLD_WM")}
    for entry in private:
        uri = EncodedUri(entry.uri)
        assert uri.get("IgnoreGetMapUrl") == "1" and "data.geopf.fr/private/" in uri.get("url"), entry
        assert "apikey" not in entry.uri


def test_service_addresses_are_the_registry_ones(catalog):
    registry = load_registry()
    for entry in catalog.layers:
        url = EncodedUri(entry.uri).get("url") if entry.provider != "WFS" else DataSourceUri(entry.uri).get("url")
        base = registry.service_url(entry.service, private=entry.needs_key)
        assert url.startswith(base), (entry, base)


BROKEN = {
    "truncated": lambda good: good[: len(good) // 3],
    "exception report": lambda good: (
        b'<?xml version="1.0"?><ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows/1.1" version="2.0.0">'
        b'<ows:Exception exceptionCode="NoApplicableCode"><ows:ExceptionText>Internal error</ows:ExceptionText>'
        b"</ows:Exception></ows:ExceptionReport>"),
    "html": lambda good: b"<!DOCTYPE html><html><body><h1>Proxy authentication required</h1></body></html>",
    "empty": lambda good: b"",
}


@pytest.mark.parametrize("service", ["wmts", "wms-r", "wfs", "tms", "services"])
@pytest.mark.parametrize("kind", list(BROKEN))
def test_a_broken_document_costs_only_its_service(documents, catalog, service, kind):
    data = dict(documents.data)
    data[service] = BROKEN[kind](data[service])
    broken = build_catalog(data, labels=documents.labels)
    status = next(s for s in broken.services if s.service == service)
    if service == "services" and kind == "truncated":  # a CSV cut between rows is a shorter list, not an error
        assert status.status == "ok" and status.count < 1443
        return
    assert status.status == "error" and status.error and "\n" not in status.error
    before = Counter(e.service for e in catalog.layers)
    after = Counter(e.service for e in broken.layers)
    untouched = {"wmts", "wms-r", "wms-v", "wfs", "tms"} - {service}
    if service == "wms-r":
        untouched -= {"wms-v"}  # WMS vector = the list's WMS rows minus WMS raster: unknowable without it
    if service == "services":
        untouched -= {"wms-v", "tms"}  # only the services list names them
    for other in untouched:
        assert after[other] == before[other], other
    if service in ("wmts", "wms-r", "wfs"):
        assert after[service] == (4 if service == "wmts" else 3 if service == "wms-r" else 0)  # private ones stay


def test_the_recorded_exception_report_is_reported_with_its_text(documents, shared_data):
    data = dict(documents.data)
    data["wfs"] = (shared_data / "capabilities" / "gpf_wfs_ExceptionReport_2025-06-25.xml").read_bytes()
    status = next(s for s in build_catalog(data).services if s.service == "wfs")
    assert status.status == "error" and "Could not find type" in status.error


def test_missing_documents_are_skipped_not_errors():
    empty = build_catalog({})
    assert not empty.layers
    assert {s.service: s.status for s in empty.services} == dict.fromkeys(("wmts", "wms-r", "wms-v", "wfs", "tms"),
                                                                          "skipped")


def test_live_services_list_format_latin1_semicolons():
    text = (
        "Service;Thématique;Nom technique;Titre\n"
        "WMTS;ortho;ORTHOIMAGERY.ORTHOPHOTOS;Photographies aériennes\n"
        "WMS Raster;ortho;ORTHOIMAGERY.ORTHOPHOTOS;Photographies aériennes\n"
        "WMS Vecteur;transports;TRANSPORTS.DRONES.RESTRICTIONS;Restrictions drones\n"
        "WFS;adresse;BAN.DATA.GOUV:ban;Adresses\n"
        "TMS;cartes;PLAN.IGN;Plan IGN\n"
    )
    rows = parse_services_list(text.encode("latin-1"))
    assert [(r.service, r.theme, r.name) for r in rows] == [
        ("wmts", "ortho", "ORTHOIMAGERY.ORTHOPHOTOS"), ("wms-r", "ortho", "ORTHOIMAGERY.ORTHOPHOTOS"),
        ("wms-v", "transports", "TRANSPORTS.DRONES.RESTRICTIONS"), ("wfs", "adresse", "BAN.DATA.GOUV:ban"),
        ("tms", "cartes", "PLAN.IGN")]
    with pytest.raises(CapabilitiesError):
        parse_services_list(b"a;b;c\n1;2;3\n")
