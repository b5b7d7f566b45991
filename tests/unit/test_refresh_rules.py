"""The catalogue refresh's pure rules (catalog/refresh.py): what a good document is, what a failed service keeps.

The QgsTask (bascule/catalog_refresh.py) only fetches; tests/qgis/test_catalog_refresh.py runs it end to end
against a local server. Here the rules run without QGIS.
"""

from __future__ import annotations

from pathlib import Path

from gpf_bascule.catalog import refresh
from gpf_bascule.catalog.entry import NOTE_WMS_V, Catalog, CatalogEntry, ServiceStatus
from gpf_bascule.catalog.refresh import DocumentCache, Fetched, keep_failed_services


def entry(service: str, name: str, themes: tuple[str, ...] = ("autres",), note: str = "") -> CatalogEntry:
    return CatalogEntry(service, name, name.title(), "wms", f"layers={name}", themes, note=note)


PREVIOUS = Catalog(layers=(
    entry("wmts", "OLD.WMTS", ("ortho",)), entry("wfs", "OLD:wfs", ("topographie",)),
    entry("wms-r", "OLD.WMSR"), entry("wms-v", "OLD.WMSV"),
))


def built(*layers: CatalogEntry, wms_v_parser: str = "owslib") -> Catalog:
    statuses = tuple(ServiceStatus(s, "ok", count=sum(e.service == s for e in layers),
                                   parser=wms_v_parser if s == "wms-v" else "owslib")
                     for s in ("wmts", "wms-r", "wms-v", "wfs", "tms"))
    return Catalog(layers=layers, generated="2026-01-01", services=statuses)


def status(catalog: Catalog, service: str) -> ServiceStatus:
    return next(item for item in catalog.services if item.service == service)


def test_a_failed_document_with_nothing_cached_keeps_the_previous_entries() -> None:
    new = built(entry("wmts", "NEW.WMTS"), entry("wms-r", "NEW.WMSR"), entry("wms-v", "NEW.WMSV"))
    fetched = {"wfs": Fetched("wfs", "error", error="HTTP 503")}
    merged = keep_failed_services(new, fetched, PREVIOUS)
    assert [e.name for e in merged.layers if e.service == "wfs"] == ["OLD:wfs"]
    assert [e.name for e in merged.layers if e.service == "wmts"] == ["NEW.WMTS"]
    wfs = status(merged, "wfs")
    assert (wfs.status, wfs.source, wfs.error, wfs.count) == ("error", "previous", "HTTP 503", 1)


def test_a_failed_document_served_from_the_cache_keeps_what_was_built_from_it() -> None:
    new = built(entry("wfs", "CACHED:wfs"))
    merged = keep_failed_services(new, {"wfs": Fetched("wfs", "cached", b"<x/>", error="proxy")}, PREVIOUS)
    assert [e.name for e in merged.layers] == ["CACHED:wfs"]
    assert (status(merged, "wfs").source, status(merged, "wfs").count) == ("cache", 1)


def test_wms_v_from_the_services_list_goes_with_a_failed_wms_r() -> None:
    new = built(entry("wms-v", "CSV.WMSV"), wms_v_parser="csv")
    merged = keep_failed_services(new, {"wms-r": Fetched("wms-r", "error", error="timeout")}, PREVIOUS)
    assert sorted(e.name for e in merged.layers) == ["OLD.WMSR", "OLD.WMSV"]


def test_a_failed_services_list_keeps_the_previous_themes() -> None:
    new = built(entry("wmts", "OLD.WMTS"), entry("wfs", "NEW:wfs"))
    merged = keep_failed_services(new, {"services": Fetched("services", "error", error="404")}, PREVIOUS)
    themes = {e.name: e.themes for e in merged.layers}
    assert themes["OLD.WMTS"] == ("ortho",) and themes["NEW:wfs"] == ("autres",)
    assert status(merged, "services").status == "error"
    assert "OLD.WMSV" in themes  # no WMS-V without the list: the previous ones stay


def test_a_failed_wms_v_prefers_earlier_capabilities_entries_to_bare_names() -> None:
    previous = Catalog(layers=(entry("wms-v", "RICH.WMSV"),))
    new = built(entry("wms-v", "BARE.WMSV", note=NOTE_WMS_V), wms_v_parser="csv")
    problems: list[str] = []
    merged = keep_failed_services(new, {"wms-v": Fetched("wms-v", "error", error="503")}, previous, {}, problems)
    assert [e.name for e in merged.layers] == ["RICH.WMSV"]
    assert (status(merged, "wms-v").source, status(merged, "wms-v").error) == ("previous", "503")


def test_fresh_documents_change_nothing() -> None:
    new = built(entry("wmts", "NEW.WMTS"))
    fetched = {name: Fetched(name, "new", b"x") for name in refresh.CAPABILITIES}
    assert keep_failed_services(new, fetched, PREVIOUS) == new
    assert refresh.fresh_services(fetched) == list(refresh.CAPABILITIES)
    assert refresh.fresh_services({"wfs": Fetched("wfs", "cached"), "wmts": Fetched("wmts", "error")}) == []


def test_check_document_names_the_problem_in_french_and_accepts_good_ones() -> None:
    assert refresh.check_document("wmts", b"  ") == "document vide"
    assert "HTML" in refresh.check_document("services", b"<!DOCTYPE html><html></html>")
    assert refresh.check_document("services", b"service,key,layer\nWMTS,ortho,X\n") == ""
    assert "tronqué" in refresh.check_document("wms-r", b"<WMS_Capabilities")
    assert "exception" in refresh.check_document(
        "wfs", b"<ows:ExceptionReport xmlns:ows='http://www.opengis.net/ows/1.1'><ows:Exception>"
               b"<ows:ExceptionText>Service indisponible</ows:ExceptionText></ows:Exception></ows:ExceptionReport>")
    assert "inattendu" in refresh.check_document("wms-r", b"<Capabilities xmlns='http://www.opengis.net/wmts/1.0'/>")
    assert refresh.check_document("tms", b"<TileMapService version='1.0.0'/>") == ""


def test_conditional_headers_use_only_sound_validators() -> None:
    assert refresh.conditional_headers({}) == {}
    assert refresh.conditional_headers({"etag": '"abc"', "last_modified": "Thu, 06 Jun 2024 08:00:00 GMT"}) == {
        "If-None-Match": '"abc"', "If-Modified-Since": "Thu, 06 Jun 2024 08:00:00 GMT"}
    assert refresh.conditional_headers({"last_modified": "hier"}) == {}


def test_document_cache_round_trip_and_damaged_meta(tmp_path: Path) -> None:
    cache = DocumentCache(tmp_path / "cache")
    assert cache.read("tms/PLAN.IGN") == (None, {})
    cache.write("tms/PLAN.IGN", b"<TileMap/>", {"etag": '"1"'})
    assert cache.read("tms/PLAN.IGN") == (b"<TileMap/>", {"etag": '"1"'})
    assert (tmp_path / "cache" / "tms_PLAN.IGN.doc").is_file()
    (tmp_path / "cache" / "tms_PLAN.IGN.meta.json").write_text("[1, 2]", encoding="utf-8")
    assert cache.read("tms/PLAN.IGN") == (b"<TileMap/>", {})
    assert not [p for p in (tmp_path / "cache").iterdir() if p.name.endswith(".tmp")]


def test_vector_tile_maps_lists_only_pbf_tile_maps() -> None:
    root = (b"<TileMapService version='1.0.0'><TileMaps>"
            b"<TileMap href='https://data.geopf.fr/tms/1.0.0/PLAN.IGN' title='Plan' srs='EPSG:3857' "
            b"profile='none' extension='pbf'/>"
            b"<TileMap href='https://data.geopf.fr/tms/1.0.0/ORTHO' title='Ortho' srs='EPSG:3857' "
            b"profile='none' extension='jpeg'/></TileMaps></TileMapService>")
    assert refresh.vector_tile_maps(root) == ["PLAN.IGN"]
    assert refresh.vector_tile_maps(b"<pas du xml") == []
