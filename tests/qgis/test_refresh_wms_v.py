"""The catalogue refresh reads the WMS vector capabilities (setting `wms_v_url`) like the other documents.

When it parses, WMS-V entries get the document's titles, abstracts and extents; when it is missing or broken,
the catalogue falls back as before (the services list, else the previous catalogue's WMS-V entries), the
WMS-V status says so, and the other services are untouched. No WMS-V capabilities was recorded: the document
is the small made-up one of tests/unit/test_catalog_sources_wms_v.py.
"""

from __future__ import annotations

import json

import pytest
from werkzeug import Response

from gpf_bascule.bascule import catalog_refresh as refresh
from gpf_bascule.catalog.entry import NOTE_WMS_V_IGN, Catalog, CatalogEntry
from gpf_bascule.catalog.parse import NOTE_WMS_V
from gpf_bascule.settings import GpfSettings
from gpf_bascule.tests.qgis import test_catalog_refresh as base
from gpf_bascule.tests.qgis.test_catalog_refresh import OLD_WFS, counts, refresh_now
from gpf_bascule.tests.unit.test_catalog_sources_wms_v import WMS_V_LAYERS, wms_v_capabilities

gpf = base.gpf  # the refresh tests' fixtures: the conditional fake GPF and a fresh shared catalogue
state = base.state

WMS_V_PATH = "/data.geopf.fr/wms-v/ows"
WMS_R_PATH = "/data.geopf.fr/wms-r/wms"
SERVICES_PATH = "/data.geopf.fr/annexes/ressources/capabilities/services.csv"
OLD_WMS_V = CatalogEntry(service="wms-v", name="OLD.WMS-V", title="Ancienne couche WMS-V", provider="wms", uri="v")
OLD_WMS_R = CatalogEntry(service="wms-r", name="OLD.WMS-R", title="Ancienne couche WMS-R", provider="wms", uri="r")
XML = "text/xml"


def status_of(catalog: Catalog, service: str):  # noqa: ANN201
    return next(status for status in catalog.services if status.service == service)


def assert_from_the_document(catalog: Catalog) -> None:
    entries = {entry.name: entry for entry in catalog.layers if entry.service == "wms-v"}
    assert set(entries) == set(WMS_V_LAYERS)
    for name, (title, abstract, bbox, _styles) in WMS_V_LAYERS.items():
        assert (entries[name].title, entries[name].abstract, entries[name].bbox) == (title, abstract, bbox)
        assert NOTE_WMS_V not in entries[name].note
        assert "url=https://data.geopf.fr/wms-v/ows" in entries[name].uri


def assert_from_the_services_list(catalog: Catalog) -> None:
    """Without a WMS-V capabilities: IGN's 2025 catalogue (479 names with titles) + the services list's 210 rows."""
    entries = [entry for entry in catalog.layers if entry.service == "wms-v"]
    assert len(entries) == 627
    titled = [entry for entry in entries if entry.title != entry.name]
    assert len(titled) >= 450 and all(NOTE_WMS_V_IGN in entry.note for entry in titled)
    assert all(NOTE_WMS_V in entry.note for entry in entries if entry.title == entry.name)


def assert_others_intact(catalog: Catalog) -> None:
    found = counts(catalog)
    assert found["wmts"] == 543 and found["wms-r"] == 308 and found["wfs"] == 726 and found["tms"] >= 1
    assert all(status_of(catalog, service).status == "ok" for service in ("wmts", "wms-r", "wfs", "tms", "services"))


def test_the_refresh_reads_the_wms_v_capabilities(qtbot, gpf, state, tmp_path) -> None:
    cache = tmp_path / "cache"
    task = refresh_now(qtbot, cache)
    assert task.succeeded and not task.problems
    assert task.fetched["wms-v"].state == "new"
    asked = [(path, status) for path, status, _ in gpf.seen if path == WMS_V_PATH]
    assert asked == [(WMS_V_PATH, 200)]
    assert_from_the_document(state.catalog)
    assert_others_intact(state.catalog)
    wms_v = status_of(state.catalog, "wms-v")
    assert wms_v.status == "ok" and wms_v.parser != "csv" and wms_v.count == len(WMS_V_LAYERS)
    pci = next(e for e in state.catalog.layers if e.service == "wms-v" and e.name == "CADASTRALPARCELS.PCI_VECTEUR")
    assert "parcellaire" in pci.themes  # themes still come from the services list
    # cached with its validators, and revalidated next time like the others
    assert (cache / "wms-v.doc").read_bytes() == wms_v_capabilities()
    meta = json.loads((cache / "wms-v.meta.json").read_text())
    assert meta["etag"] and meta["url"] == GpfSettings().wms_v_url
    gpf.seen.clear()
    task = refresh_now(qtbot, cache)
    assert task.succeeded and task.fetched["wms-v"].state == "not-modified"
    assert [status for path, status, _ in gpf.seen if path == WMS_V_PATH] == [304]
    assert_from_the_document(state.catalog)


def test_the_wms_v_address_is_the_settings_one(qtbot, gpf, state, tmp_path) -> None:
    mirror = "https://miroir.example.org/geopf/wms-v/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities"
    GpfSettings.load().with_values(wms_v_url=mirror).save()  # what the options page does
    gpf.files["/miroir.example.org/geopf/wms-v/ows"] = wms_v_capabilities()
    task = refresh_now(qtbot, tmp_path / "cache")
    assert task.succeeded and task.fetched["wms-v"].state == "new"
    paths = [path for path, _, _ in gpf.seen]
    assert "/miroir.example.org/geopf/wms-v/ows" in paths and WMS_V_PATH not in paths
    assert_from_the_document(state.catalog)


BROKEN = {
    "proxy-502": Response("<html><body>Proxy: upstream unreachable</body></html>", status=502),
    "not-found": Response("not found", status=404),
    "truncated": Response(wms_v_capabilities()[:700], content_type=XML),
    "exception-report": Response(
        b"<?xml version='1.0'?><ServiceExceptionReport version='1.3.0' xmlns='http://www.opengis.net/ogc'>"
        b"<ServiceException>Service WMS vecteur indisponible</ServiceException></ServiceExceptionReport>",
        content_type=XML),
    "wms-r-document": "wms-r",  # the raster capabilities answered at the vector address
    "unreadable-by-the-parser": Response(
        b"<?xml version='1.0'?><WMS_Capabilities version='1.3.0' xmlns='http://www.opengis.net/wms' "
        b"xmlns:xlink='http://www.w3.org/1999/xlink'><Service><Name>WMS</Name><Title>x</Title>"
        b"<OnlineResource xlink:href='https://data.geopf.fr/wms-v/ows'/></Service></WMS_Capabilities>",
        content_type=XML),
}


@pytest.mark.parametrize("kind", list(BROKEN))
def test_a_broken_wms_v_falls_back_to_the_services_list_and_costs_nothing_else(
        qtbot, gpf, state, tmp_path, kind) -> None:
    broken = BROKEN[kind]
    if broken == "wms-r":
        broken = Response(gpf.files[WMS_R_PATH], content_type=XML)
    gpf.broken[WMS_V_PATH] = broken
    task = refresh_now(qtbot, tmp_path / "cache")
    assert task.succeeded
    assert_from_the_services_list(state.catalog)  # exactly as before the WMS-V capabilities were read
    assert_others_intact(state.catalog)
    assert [e for e in state.catalog.layers if e.service == "wfs" and e.name == OLD_WFS.name] == []
    wms_v = status_of(state.catalog, "wms-v")
    assert (wms_v.status, wms_v.source, wms_v.count, wms_v.parser) == ("error", "services", 627, "csv")
    assert wms_v.error and NOTE_WMS_V in wms_v.note
    assert [problem for problem in task.problems if not problem.startswith("wms-v")] == []
    assert any(problem.startswith("wms-v") for problem in task.problems)
    if kind != "unreadable-by-the-parser":  # that one passed every check: it is cached (the parser refused it)
        assert task.fetched["wms-v"].state == "error"
        assert not (tmp_path / "cache" / "wms-v.doc").exists()  # a broken document never replaces a good one


def test_a_broken_wms_v_falls_back_to_the_last_good_one(qtbot, gpf, state, tmp_path) -> None:
    cache = tmp_path / "cache"
    assert refresh_now(qtbot, cache).succeeded
    gpf.broken[WMS_V_PATH] = Response(b"<html>maintenance</html>", status=200)
    task = refresh_now(qtbot, cache)
    assert task.succeeded and task.fetched["wms-v"].state == "cached"
    assert_from_the_document(state.catalog)
    assert_others_intact(state.catalog)
    wms_v = status_of(state.catalog, "wms-v")
    assert (wms_v.status, wms_v.source, wms_v.count) == ("error", "cache", len(WMS_V_LAYERS)) and wms_v.error


def test_without_wms_v_nor_services_list_the_previous_wms_v_entries_stay(qtbot, gpf, state, tmp_path) -> None:
    state.set_catalog(Catalog(layers=(OLD_WMS_V, OLD_WFS), generated="2024-01-01T00:00:00+00:00"))
    gpf.broken[WMS_V_PATH] = Response("bad gateway", status=502)
    gpf.broken[SERVICES_PATH] = Response("<html>proxy</html>", status=200)
    task = refresh_now(qtbot, tmp_path / "cache")
    assert task.succeeded
    assert [e for e in state.catalog.layers if e.service == "wms-v"] == [OLD_WMS_V]
    wms_v = status_of(state.catalog, "wms-v")
    assert (wms_v.status, wms_v.source, wms_v.count) == ("error", "previous", 1) and wms_v.error
    assert status_of(state.catalog, "services").status == "error"
    assert counts(state.catalog)["wms-r"] == 308


def test_without_wms_v_entries_read_earlier_from_its_document_beat_the_services_list(
        qtbot, gpf, state, tmp_path) -> None:
    """No cached document (a new profile cache) but a previous catalogue built from one: keep its entries."""
    state.set_catalog(Catalog(layers=(OLD_WMS_V, OLD_WFS), generated="2024-01-01T00:00:00+00:00"))
    gpf.broken[WMS_V_PATH] = Response("bad gateway", status=502)
    task = refresh_now(qtbot, tmp_path / "cache")
    assert task.succeeded
    assert [e for e in state.catalog.layers if e.service == "wms-v"] == [OLD_WMS_V]
    wms_v = status_of(state.catalog, "wms-v")
    assert (wms_v.status, wms_v.source, wms_v.count) == ("error", "previous", 1) and wms_v.error
    assert_others_intact(state.catalog)


def test_a_broken_wms_r_keeps_the_wms_v_read_from_its_own_document(qtbot, gpf, state, tmp_path) -> None:
    state.set_catalog(Catalog(layers=(OLD_WMS_R, OLD_WMS_V, OLD_WFS), generated="2024-01-01T00:00:00+00:00"))
    gpf.broken[WMS_R_PATH] = Response("<html>proxy</html>", status=502)
    task = refresh_now(qtbot, tmp_path / "cache")
    assert task.succeeded
    assert [e for e in state.catalog.layers if e.service == "wms-r"] == [OLD_WMS_R]
    assert_from_the_document(state.catalog)  # not the previous WMS-V entries: its own document answered
    wms_r = status_of(state.catalog, "wms-r")
    assert (wms_r.status, wms_r.source, wms_r.count) == ("error", "previous", 1)
    assert status_of(state.catalog, "wms-v").status == "ok"


def test_without_wms_v_and_wms_r_the_previous_entries_of_both_stay(qtbot, gpf, state, tmp_path) -> None:
    """As before: WMS-V from the list needs WMS-R, so with neither both keep what they had."""
    state.set_catalog(Catalog(layers=(OLD_WMS_R, OLD_WMS_V, OLD_WFS), generated="2024-01-01T00:00:00+00:00"))
    gpf.broken[WMS_R_PATH] = Response("<html>proxy</html>", status=502)
    gpf.broken[WMS_V_PATH] = Response("<html>proxy</html>", status=502)
    task = refresh_now(qtbot, tmp_path / "cache")
    assert task.succeeded
    assert [e for e in state.catalog.layers if e.service in ("wms-r", "wms-v")] == [OLD_WMS_R, OLD_WMS_V]
    wms_v = status_of(state.catalog, "wms-v")
    assert (wms_v.status, wms_v.source, wms_v.count) == ("error", "previous", 1)
    assert counts(state.catalog)["wmts"] == 543


def test_the_refresh_sources_add_wms_v_from_the_settings() -> None:
    settings = GpfSettings().with_values(wms_v_url="https://miroir.example.org/wms-v/ows")
    sources = settings.sources()
    assert sources["wms-v"] == "https://miroir.example.org/wms-v/ows"
    assert list(sources)[-1] == "wms-v"  # last: a slow WMS-V never delays the others
    assert "wms-v" in refresh.CAPABILITIES


def test_a_refresh_task_reads_wms_v(state, tmp_path) -> None:
    task = refresh.RefreshTask(None, tmp_path / "cache")
    try:
        assert task.sources["wms-v"] == GpfSettings().wms_v_url
        assert set(refresh.SOURCES) == set(task.sources)
    finally:  # the task never runs: give back the User-Agent pre-processor it holds
        refresh._release_user_agent()  # noqa: SLF001
        task._holding = False  # noqa: SLF001


def test_check_document_tells_wms_v_from_wms_r(shared_data) -> None:
    wms_r = (shared_data / "capabilities" / "gpf_wms-r_2024-06-06.xml").read_bytes()
    assert refresh.check_document("wms-v", wms_v_capabilities()) == ""
    assert refresh.check_document("wms-r", wms_r) == ""
    assert "inattendu" in refresh.check_document("wms-v", wms_r)
    assert "inattendu" in refresh.check_document("wms-r", wms_v_capabilities())
    assert "tronqué" in refresh.check_document("wms-v", wms_v_capabilities()[:300])
