"""WMS vector capabilities: recognised in a folder, fetched from a URL source, parsed with real titles.

No GPF WMS-V capabilities was recorded (../shared/gpf-data/README.md), so this module writes a small one in
the shape of the recorded WMS-R document (ROK4-style Service and Request sections, one root Layer holding
named layers with their Title, Abstract, EX_GeographicBoundingBox, BoundingBox and Style), with the WMS-V
address https://data.geopf.fr/wms-v/ows and layers IGN's services list gives as WMS rows that the WMS raster
does not publish. The QGIS refresh tests use the same document (tests/qgis/test_refresh_wms_v.py).
"""

from __future__ import annotations

import shutil

import pytest

from gpf_bascule.catalog.entry import SERVICES
from gpf_bascule.catalog.parse import NOTE_WMS_V, NOTE_WMS_V_IGN, build_catalog
from gpf_bascule.catalog.sources import classify, from_directory, from_url
from gpf_bascule.tests.unit.test_catalog_snapshot_cli import serve_recorded

WMS_V_URL = "https://data.geopf.fr/wms-v/ows"
# name → (title, abstract, (west, south, east, north), styles): names the services list gives as WMS-V
WMS_V_LAYERS = {
    "ADMINEXPRESS-COG-CARTO-PE.2025": (
        "ADMIN EXPRESS COG CARTO PE 2025",
        "Limites administratives Express COG carto petite échelle, édition 2025",
        (-63.3725, -21.4756, 55.9259, 51.3121),
        ("normal",),
    ),
    "BDTOPO-DIFF-BATI": (
        "Bâti de la BD TOPO (différentiel)",
        "Bâtiments ajoutés, modifiés ou supprimés depuis la dernière édition de la BD TOPO",
        (-5.2, 41.3, 9.6, 51.1),
        ("BDTOPO-DIFF-BATI", "normal"),
    ),
    "CADASTRALPARCELS.PCI_VECTEUR": (
        "Parcelles cadastrales (PCI vecteur)",
        "Plan cadastral informatisé vecteur de la DGFiP",
        (-63.2, -21.4, 55.9, 51.1),
        ("PCI vecteur", "normal"),
    ),
}


def _online(href: str) -> str:
    return (f'<DCPType><HTTP><Get><OnlineResource xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="{href}" '
            'xlink:type="simple" /></Get></HTTP></DCPType>')


def wms_v_capabilities(layers: dict = WMS_V_LAYERS, href: str = WMS_V_URL) -> bytes:
    """A small, valid WMS 1.3.0 WMS_Capabilities of GPF's WMS vector service (made up: none was recorded)."""
    body = []
    for name, (title, abstract, (west, south, east, north), styles) in layers.items():
        style_xml = "".join(
            f"<Style><Name>{style}</Name><Title>Légende {style}</Title><LegendURL width='200' height='200'>"
            "<Format>image/png</Format><OnlineResource xmlns:xlink='http://www.w3.org/1999/xlink' "
            f"xlink:type='simple' xlink:href='https://data.geopf.fr/annexes/ressources/legendes/{name}.png'/>"
            "</LegendURL></Style>"
            for style in styles
        )
        body.append(
            f'<Layer queryable="1"><Name>{name}</Name><Title>{title}</Title><Abstract>{abstract}</Abstract>'
            "<CRS>EPSG:3857</CRS><CRS>EPSG:2154</CRS>"
            f"<EX_GeographicBoundingBox><westBoundLongitude>{west}</westBoundLongitude>"
            f"<eastBoundLongitude>{east}</eastBoundLongitude><southBoundLatitude>{south}</southBoundLatitude>"
            f"<northBoundLatitude>{north}</northBoundLatitude></EX_GeographicBoundingBox>"
            f'<BoundingBox CRS="CRS:84" minx="{west}" miny="{south}" maxx="{east}" maxy="{north}" />'
            f'<MetadataURL type="ISO19115:2003"><Format>application/xml</Format>'
            f'<OnlineResource xmlns:xlink="http://www.w3.org/1999/xlink" xlink:type="simple" '
            f'xlink:href="https://data.geopf.fr/csw?REQUEST=GetRecordById&amp;ID={name}" /></MetadataURL>'
            f"{style_xml}</Layer>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8" ?><WMS_Capabilities version="1.3.0" '
        'xmlns="http://www.opengis.net/wms" xmlns:xlink="http://www.w3.org/1999/xlink">'
        "<Service><Name>WMS</Name><Title>Géoplateforme WMS vecteur</Title>"
        "<Abstract>Service WMS vecteur de la Géoplateforme (document de test)</Abstract>"
        f'<OnlineResource xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="{href}" />'
        "<Fees>none</Fees><AccessConstraints>none</AccessConstraints></Service>"
        "<Capability><Request>"
        f"<GetCapabilities><Format>text/xml</Format>{_online(href)}</GetCapabilities>"
        f"<GetMap><Format>image/png</Format><Format>image/jpeg</Format>{_online(href)}</GetMap>"
        f"<GetFeatureInfo><Format>text/html</Format>{_online(href)}</GetFeatureInfo>"
        "</Request><Exception><Format>XML</Format></Exception>"
        "<Layer><Title>Géoplateforme WMS vecteur</Title><CRS>CRS:84</CRS><CRS>EPSG:3857</CRS><CRS>EPSG:4326</CRS>"
        "<EX_GeographicBoundingBox><westBoundLongitude>-180</westBoundLongitude>"
        "<eastBoundLongitude>180</eastBoundLongitude><southBoundLatitude>-90</southBoundLatitude>"
        "<northBoundLatitude>90</northBoundLatitude></EX_GeographicBoundingBox>"
        f"{''.join(body)}</Layer></Capability></WMS_Capabilities>"
    ).encode()


def _check_wms_v_entries(catalog) -> None:
    entries = {entry.name: entry for entry in catalog.by_service("wms-v")}
    assert set(entries) == set(WMS_V_LAYERS)
    for name, (title, abstract, bbox, _styles) in WMS_V_LAYERS.items():
        entry = entries[name]
        assert (entry.title, entry.abstract, entry.bbox) == (title, abstract, bbox)
        assert NOTE_WMS_V not in entry.note and entry.crs == "EPSG:3857"
        assert entry.metadata_url.endswith(name)
        assert "url=https://data.geopf.fr/wms-v/ows" in entry.uri and f"layers={name}" in entry.uri
    status = next(s for s in catalog.services if s.service == "wms-v")
    assert status.status == "ok" and status.parser != "csv" and status.count == len(WMS_V_LAYERS)


def test_the_sample_is_a_wms_v_document_for_the_parser():
    catalog = build_catalog({"wms-v": wms_v_capabilities()})
    _check_wms_v_entries(catalog)


def test_a_folder_recognises_wms_v_from_the_service_address(shared_data, tmp_path):
    assert classify(wms_v_capabilities(), "x.xml") == ("wms-v", True)
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(shared_data / "capabilities" / "gpf_wms-r_2024-06-06.xml", folder / "a.xml")
    shutil.copy(shared_data / "mapping" / "gpf_services_by_theme.csv", folder / "b.csv")
    (folder / "c.xml").write_bytes(wms_v_capabilities())  # a neutral name: the content says WMS-V
    documents = from_directory(folder)
    assert set(documents.data) == {"wms-r", "wms-v", "services"}
    assert documents.labels["wms-v"] == "c.xml"
    catalog = build_catalog(documents.data, labels=documents.labels)
    _check_wms_v_entries(catalog)
    assert len(catalog.by_service("wms-r")) == 308
    pci = next(e for e in catalog.by_service("wms-v") if e.name == "CADASTRALPARCELS.PCI_VECTEUR")
    assert "parcellaire" in pci.themes  # themes still come from the services list


def test_a_broken_wms_v_file_stands_for_wms_v_only_without_a_good_one(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "gpf_wms-v.xml").write_bytes(wms_v_capabilities()[:400])  # truncated
    documents = from_directory(folder)
    assert "wms-v" in documents.data
    catalog = build_catalog(documents.data, labels=documents.labels)
    status = next(s for s in catalog.services if s.service == "wms-v")
    assert status.status == "error" and status.error
    if documents.data.get("services"):
        assert status.count == len(catalog.by_service("wms-v")) > 0
    (folder / "good.xml").write_bytes(wms_v_capabilities())
    documents = from_directory(folder)
    assert documents.labels["wms-v"] == "good.xml"
    assert any("gpf_wms-v.xml" in line for line in documents.ignored)


@pytest.fixture()
def gpf_with_wms_v(httpserver, shared_data):
    """The URL source's recorded documents and services list; each test says how WMS-V answers (loopback)."""
    serve_recorded(httpserver, shared_data)
    services = (shared_data / "mapping" / "gpf_services_by_theme.csv").read_bytes()
    httpserver.expect_request("/annexes/ressources/capabilities/services.csv").respond_with_data(services)
    return httpserver


def test_url_source_fetches_and_parses_wms_v(gpf_with_wms_v):
    asked = []
    gpf_with_wms_v.expect_request("/wms-v/ows").respond_with_handler(
        lambda request: asked.append(dict(request.args)) or _response(wms_v_capabilities()))
    documents = from_url(gpf_with_wms_v.url_for("/"))
    assert asked and asked[0].get("SERVICE") == "WMS" and asked[0].get("REQUEST") == "GetCapabilities"
    assert "wms-v" in documents.data and "wms-v" not in documents.errors
    catalog = build_catalog(documents.data, labels=documents.labels, errors=documents.errors)
    _check_wms_v_entries(catalog)
    counts = {s: len(catalog.by_service(s)) for s in SERVICES}
    assert counts == {"wmts": 543, "wms-r": 308, "wms-v": 3, "wfs": 726, "tms": 21}


def test_url_source_without_wms_v_falls_back_to_the_services_list(gpf_with_wms_v):
    gpf_with_wms_v.expect_request("/wms-v/ows").respond_with_data("<html>Bad gateway</html>", status=502)
    documents = from_url(gpf_with_wms_v.url_for("/"))
    assert "wms-v" in documents.errors
    catalog = build_catalog(documents.data, labels=documents.labels, errors=documents.errors)
    wms_v = catalog.by_service("wms-v")
    assert len(wms_v) == 627  # IGN's 2025 catalogue (bundled) + the services list's WMS rows WMS-R does not serve
    titled = [entry for entry in wms_v if entry.title != entry.name]
    assert len(titled) >= 450 and all(NOTE_WMS_V_IGN in entry.note for entry in titled)
    assert all(NOTE_WMS_V in entry.note for entry in wms_v if entry not in titled)
    limits = next(entry for entry in wms_v if entry.name == "ADMINISTRATIVEUNITS.BOUNDARIES.EXPRESS")
    assert limits.title == "Limites administratives mises à jour en continu" and "administratif" in limits.themes
    status = next(s for s in catalog.services if s.service == "wms-v")
    assert (status.status, status.count) == ("error", 627)  # the lists stand in, and the failure is still said
    assert "liste des services" in status.error


def _response(data: bytes):
    from werkzeug import Response

    return Response(data, content_type="text/xml")


def test_a_broken_wms_v_document_stays_an_error_even_when_the_list_has_no_wms_v_row(shared_data):
    """The services list stands in for nothing (every WMS row is raster): IGN's catalogue does, and the failure
    still shows."""
    raster = (shared_data / "capabilities" / "gpf_wms-r_2024-06-06.xml").read_bytes()
    only_raster_rows = b"service,key,layer\r\nWMS,ortho,ORTHOIMAGERY.ORTHOPHOTOS\r\n"
    catalog = build_catalog({"wms-r": raster, "services": only_raster_rows, "wms-v": wms_v_capabilities()[:300]})
    status = next(s for s in catalog.services if s.service == "wms-v")
    wms_v = catalog.by_service("wms-v")
    assert (status.status, status.count) == ("error", len(wms_v)) and status.error
    assert len(wms_v) == 479 and all(NOTE_WMS_V_IGN in entry.note or NOTE_WMS_V in entry.note for entry in wms_v)
