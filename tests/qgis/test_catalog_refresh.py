"""The catalogue refresh: QGIS's network stack, conditional requests, broken documents, offline start.

A loopback server stands in for data.geopf.fr (the fake_gpf pre-processor sends QGIS's requests to it) and
answers with the recorded documents, ETags included, or with what proxies and failing servers really send.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from unittest.mock import MagicMock

import pytest
from pytest_httpserver import HTTPServer
from qgis.core import QgsApplication, QgsSettings
from werkzeug import Request, Response

from gpf_bascule import __about__
from gpf_bascule.bascule import catalog_refresh as refresh
from gpf_bascule.catalog.entry import Catalog, CatalogEntry
from gpf_bascule.tests.qgis.fake_gpf import redirected
from gpf_bascule.tests.unit.test_catalog_sources_wms_v import wms_v_capabilities
from gpf_bascule.ui.catalog_state import CatalogState

DOCUMENTS = {
    "/data.geopf.fr/wmts": "capabilities/gpf_wmts_2024-06-06.xml",
    "/data.geopf.fr/wms-r/wms": "capabilities/gpf_wms-r_2024-06-06.xml",
    "/data.geopf.fr/wfs/ows": "capabilities/gpf_wfs_2025-06-25.xml",
    "/data.geopf.fr/tms/1.0.0/": "capabilities/gpf_tms_root_TRIMMED.xml",
    "/data.geopf.fr/tms/1.0.0/PLAN.IGN": "capabilities/gpf_tms_TileMap_PLAN.IGN.xml",
    "/data.geopf.fr/annexes/ressources/capabilities/services.csv": "mapping/gpf_services_by_theme.csv",
}
OLD_WFS = CatalogEntry(service="wfs", name="OLD:kept", title="Ancienne couche WFS", provider="WFS", uri="x")


class ConditionalGpf:
    """Serves the recorded documents with an ETag and honours If-None-Match; `broken` replaces one document."""

    def __init__(self, data: Path) -> None:
        self.files = {path: (data / name).read_bytes() for path, name in DOCUMENTS.items()}
        self.files["/data.geopf.fr/wms-v/ows"] = wms_v_capabilities()  # none recorded: a small made-up one
        self.broken: dict[str, Response] = {}
        self.down = False
        self.seen: list[tuple[str, int, dict[str, str]]] = []

    def __call__(self, request: Request) -> Response:
        response = self._answer(request)
        self.seen.append((request.path, response.status_code, dict(request.headers)))
        return response

    def _answer(self, request: Request) -> Response:
        if self.down:
            return Response("<html><body>Proxy: upstream unreachable</body></html>", status=502)
        path = request.path
        if path in self.broken:
            return self.broken[path]
        body = self.files.get(path)
        if body is None:
            return Response("not found", status=404)
        etag = f'"{hash(body) & 0xFFFFFFFF:x}"'
        if request.headers.get("If-None-Match") == etag:
            return Response(status=304, headers={"ETag": etag})
        return Response(body, headers={"ETag": etag, "Last-Modified": "Thu, 06 Jun 2024 08:00:00 GMT"},
                         content_type="text/csv" if path.endswith(".csv") else "text/xml")

    def statuses(self) -> dict[str, int]:
        return {path: status for path, status, _ in self.seen}


@pytest.fixture
def gpf(shared_data: Path, httpserver: HTTPServer) -> Iterator[ConditionalGpf]:
    server = ConditionalGpf(shared_data)
    httpserver.expect_request(re.compile(".*")).respond_with_handler(server)
    with redirected(f"http://{httpserver.host}:{httpserver.port}"):
        yield server


@pytest.fixture
def state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clean_settings) -> CatalogState:
    """A fresh shared catalogue holding one WFS layer, so that what a failed refresh keeps is visible.

    Settings are cleared: the refresh asks the live GPF addresses, whatever another test stored or exported.
    """
    fresh = CatalogState(cached_path=tmp_path / "cache" / refresh.SNAPSHOT_NAME)
    fresh.set_catalog(Catalog(layers=(OLD_WFS,), generated="2024-01-01T00:00:00+00:00"))
    monkeypatch.setattr(CatalogState, "_instance", fresh)
    monkeypatch.setattr(refresh, "_failure_reported", False)
    return fresh


def refresh_now(qtbot, cache: Path, iface=None) -> refresh.RefreshTask:  # noqa: ANN001
    """Run the refresh the way QGIS does: in the task manager, `finished` back on the main thread."""
    task = refresh.RefreshTask(iface, cache)
    done: list[bool] = []
    task.taskCompleted.connect(lambda: done.append(True))
    task.taskTerminated.connect(lambda: done.append(False))
    QgsApplication.taskManager().addTask(task)
    qtbot.waitUntil(lambda: bool(done), timeout=60_000)
    task.succeeded = done[0]
    return task


def counts(catalog: Catalog) -> dict[str, int]:
    result: dict[str, int] = {}
    for entry in catalog.layers:
        result[entry.service] = result.get(entry.service, 0) + 1
    return result


def test_refresh_builds_the_catalogue_and_tells_the_views(qtbot, gpf, state, tmp_path) -> None:
    cache = tmp_path / "cache"
    with qtbot.waitSignal(state.catalogChanged, timeout=60_000):
        task = refresh_now(qtbot, cache)
    assert task.succeeded
    found = counts(state.catalog)
    assert found["wmts"] == 543 and found["wms-r"] == 308 and found["wfs"] == 726
    assert found["tms"] >= 1 and found["wms-v"] > 0
    assert all(entry.uri for entry in state.catalog.layers)
    ortho = next(e for e in state.catalog.layers if e.service == "wmts" and e.name == "ORTHOIMAGERY.ORTHOPHOTOS")
    assert "tileMatrixSet=PM_0_21" in ortho.uri and "ortho" in ortho.themes
    # cached: each document with its validators, and the snapshot the next start-up will prefer
    assert (cache / "wmts.doc").stat().st_size > 1_000_000
    assert '"' in (cache / "wmts.meta.json").read_text()
    assert refresh.load_catalog(cache / refresh.SNAPSHOT_NAME).layers == state.catalog.layers
    assert not refresh.refresh_due()
    agents = {headers.get("User-Agent", "") for _, _, headers in gpf.seen}
    assert all(f"gpf_bascule/{__about__.__version__}" in agent for agent in agents), agents
    assert not any(name.lower().startswith("x-gpf") for _, _, headers in gpf.seen for name in headers)
    assert len(gpf.seen) == len(task.sources) + 1  # and the one vector-tile TileMap the TMS root lists
    assert task.fetched["tms/PLAN.IGN"].state == "new"
    plan = next(e for e in state.catalog.layers if e.service == "tms" and e.name == "PLAN.IGN")
    assert "PLAN.IGN" in plan.uri


def test_unchanged_documents_are_revalidated_not_downloaded_again(qtbot, gpf, state, tmp_path) -> None:
    cache = tmp_path / "cache"
    assert refresh_now(qtbot, cache).succeeded
    first = counts(state.catalog)
    gpf.seen.clear()
    task = refresh_now(qtbot, cache)
    assert task.succeeded
    assert set(gpf.statuses().values()) == {304}
    assert all(headers.get("If-None-Match") for _, _, headers in gpf.seen)
    assert {result.state for result in task.fetched.values()} == {"not-modified"}
    assert counts(state.catalog) == first


@pytest.mark.parametrize(
    "broken",
    [
        Response(b"<?xml version='1.0'?><wfs:WFS_Capabilities xmlns:wfs='http://www.opengis.net/wfs/2.0'><Feat",
                 content_type="text/xml"),
        Response(b"<?xml version='1.0'?><ows:ExceptionReport xmlns:ows='http://www.opengis.net/ows/1.1'>"
                 b"<ows:Exception><ows:ExceptionText>Service indisponible</ows:ExceptionText></ows:Exception>"
                 b"</ows:ExceptionReport>", content_type="text/xml"),
        Response(b"<html><head><title>Authentification proxy</title></head><body>Connectez-vous</body></html>",
                 content_type="text/html"),
    ],
    ids=["truncated", "exception-report", "proxy-html"],
)
def test_a_broken_wfs_document_costs_only_the_wfs(qtbot, gpf, state, tmp_path, broken) -> None:
    gpf.broken["/data.geopf.fr/wfs/ows"] = broken
    task = refresh_now(qtbot, tmp_path / "cache")
    assert task.succeeded
    found = counts(state.catalog)
    assert found["wmts"] == 543 and found["wms-r"] == 308
    assert [e for e in state.catalog.layers if e.service == "wfs"] == [OLD_WFS]  # what the views had, kept
    wfs = next(s for s in state.catalog.services if s.service == "wfs")
    assert wfs.status == "error" and wfs.error and wfs.source == "previous"
    assert any(problem.startswith("wfs") for problem in task.problems)
    assert not (tmp_path / "cache" / "wfs.doc").exists()  # a broken document never replaces a good one


def test_a_broken_wfs_document_falls_back_to_the_last_good_one(qtbot, gpf, state, tmp_path) -> None:
    cache = tmp_path / "cache"
    assert refresh_now(qtbot, cache).succeeded
    gpf.broken["/data.geopf.fr/wfs/ows"] = Response(b"<html>maintenance</html>", status=200)
    task = refresh_now(qtbot, cache)
    assert task.succeeded and task.fetched["wfs"].state == "cached"
    assert counts(state.catalog)["wfs"] == 726
    assert next(s for s in state.catalog.services if s.service == "wfs").source == "cache"


def test_offline_keeps_the_last_good_catalogue_and_says_so_once(qtbot, gpf, state, tmp_path) -> None:
    gpf.down = True
    iface = MagicMock()
    before = state.catalog
    changed: list[bool] = []
    state.catalogChanged.connect(lambda: changed.append(True))
    for _ in range(2):
        task = refresh_now(qtbot, tmp_path / "cache", iface)
        assert not task.succeeded, (gpf.statuses(), {k: (f.state, f.error) for k, f in task.fetched.items()})
    assert state.catalog is before and not changed
    assert "Géoplateforme" in state.error
    assert iface.messageBar().pushMessage.call_count == 1  # quiet: one info item, no modal
    level = iface.messageBar().pushMessage.call_args.args[2]
    from qgis.core import Qgis

    assert level == Qgis.MessageLevel.Info


def test_connection_refused_is_a_failure_not_a_crash(qtbot, state, tmp_path) -> None:
    with redirected("http://127.0.0.1:9"):  # nothing listens on the discard port
        task = refresh_now(qtbot, tmp_path / "cache", MagicMock())
    assert not task.succeeded and task.error


def test_refresh_is_due_once_a_day(clean_settings) -> None:
    settings = QgsSettings()
    settings.remove(refresh.SETTINGS_LAST_REFRESH)
    assert refresh.refresh_due()
    now = datetime.now(timezone.utc)
    settings.setValue(refresh.SETTINGS_LAST_REFRESH, (now - timedelta(hours=2)).isoformat())
    assert not refresh.refresh_due(now)
    assert refresh.refresh_due(now + timedelta(days=1))
    settings.setValue(refresh.SETTINGS_LAST_REFRESH, "garbage")
    assert refresh.refresh_due(now)
    settings.remove(refresh.SETTINGS_LAST_REFRESH)


def test_start_up_prefers_the_cached_snapshot_when_newer(tmp_path, monkeypatch) -> None:
    from gpf_bascule.catalog import snapshot

    bundled = Catalog(layers=(OLD_WFS,), generated="2025-01-01T00:00:00+00:00")
    monkeypatch.setattr(snapshot, "load_snapshot", lambda path=None: bundled if path is None else newer)
    cached = tmp_path / refresh.SNAPSHOT_NAME
    newer = Catalog(layers=(OLD_WFS, OLD_WFS), generated="2026-01-01T00:00:00+00:00")
    cached.write_bytes(b"x")
    assert CatalogState(cached_path=cached).catalog is newer
    newer = Catalog(layers=(OLD_WFS, OLD_WFS), generated="2024-01-01T00:00:00+00:00")
    assert CatalogState(cached_path=cached).catalog is bundled  # a plugin update brings a newer bundle
    cached.unlink()
    assert CatalogState(cached_path=cached).catalog is bundled


def test_check_document_names_the_problem() -> None:
    assert refresh.check_document("wmts", b"") != ""
    assert "HTML" in refresh.check_document("services", b"<!DOCTYPE html><html></html>")
    assert refresh.check_document("services", b"service,key,layer\nWMTS,ortho,X\n") == ""
    assert "tronqué" in refresh.check_document("wms-r", b"<WMS_Capabilities")
    assert "inattendu" in refresh.check_document("wms-r", b"<Capabilities xmlns='http://www.opengis.net/wmts/1.0'/>")


def test_start_refresh_runs_once_at_a_time_and_only_when_due(qtbot, gpf, state, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(refresh, "_running", None)
    monkeypatch.setattr(refresh, "cache_dir", lambda: tmp_path / "profile-cache")
    QgsSettings().remove(refresh.SETTINGS_LAST_REFRESH)
    with qtbot.waitSignal(state.catalogChanged, timeout=60_000):
        task = refresh.refresh_if_due()
        assert task is not None
        assert refresh.start_refresh() is task  # a second call while it runs does not queue another one
    qtbot.waitUntil(lambda: refresh._running is None, timeout=10_000)
    assert (tmp_path / "profile-cache" / refresh.SNAPSHOT_NAME).is_file()
    assert refresh.refresh_if_due() is None  # refreshed less than a day ago
    QgsSettings().remove(refresh.SETTINGS_LAST_REFRESH)


def test_a_cancelled_refresh_changes_nothing_and_says_nothing(state, tmp_path) -> None:
    iface = MagicMock()
    task = refresh.RefreshTask(iface, tmp_path / "cache")
    task.cancel()
    before = state.catalog
    assert task.run() is False
    task.finished(False)
    assert state.catalog is before and not iface.messageBar().pushMessage.called
