"""A WFS layer is added in the project's CRS when the service offers it (catalog.uris.entry_uri)."""

from __future__ import annotations

from gpf_bascule.catalog.snapshot import load_snapshot
from gpf_bascule.catalog.uris import entry_uri
from gpf_bascule.mapping.provider_uri import DataSourceUri


def _entry(service, name):
    return next(e for e in load_snapshot().layers if e.service == service and e.name == name)


def test_a_lambert93_project_gets_bd_topo_in_lambert93():
    bati = _entry("wfs", "BDTOPO_V3:batiment")
    assert DataSourceUri(bati.uri).get("srsname") == "EPSG:4326" and "EPSG:2154" in bati.crs_options
    uri = DataSourceUri(entry_uri(bati, "EPSG:2154"))
    assert uri.get("srsname") == "EPSG:2154"
    assert {k: uri.get(k) for k in ("typename", "url", "version")} == {
        "typename": "BDTOPO_V3:batiment", "url": "https://data.geopf.fr/wfs/ows", "version": "auto"}


def test_the_source_is_kept_when_the_crs_is_not_offered_or_not_wanted():
    bati = _entry("wfs", "BDTOPO_V3:batiment")
    assert entry_uri(bati) == entry_uri(bati, "") == bati.uri
    assert entry_uri(bati, "EPSG:4326") == bati.uri
    assert entry_uri(bati, "EPSG:32632") == bati.uri  # not a CRS the catalogue lists for the layer
    plan = _entry("wmts", "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2")
    assert entry_uri(plan, "EPSG:2154") == plan.uri  # tiles keep their matrix set's CRS


def test_overseas_layers_are_not_offered_in_lambert93():
    overseas = [e for e in load_snapshot().layers if e.service == "wfs" and e.bbox and e.bbox[2] < -40]
    assert overseas and all("EPSG:2154" not in e.crs_options for e in overseas)
    assert all(entry_uri(e, "EPSG:2154") == e.uri for e in overseas)
