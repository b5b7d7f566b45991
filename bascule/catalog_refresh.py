"""Refresh the catalogue from the live Géoplateforme in a background QgsTask: the QGIS shell of catalog/refresh.py.

What lives here is what needs QGIS:
- every request goes through QgsBlockingNetworkRequest, so the user's QGIS proxy, SSL and auth settings apply
  (many public-sector users sit behind an authenticating proxy that `requests` would not cross), revalidated with
  the cached document's ETag / Last-Modified (the WMTS capabilities weigh 2 MB and rarely change);
- the task: fetch each document, then hand them to catalog.refresh.merge (pure, tested without QGIS) and the new
  catalogue to the views on the main thread;
- when to refresh (the record in the settings) and the one quiet message of a failure: the catalogue still works
  offline from the last good snapshot.
"""

from __future__ import annotations

import threading
from contextlib import suppress
from datetime import datetime, timedelta, timezone
from pathlib import Path

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsBlockingNetworkRequest,
    QgsNetworkAccessManager,
    QgsTask,
)
from qgis.PyQt.QtCore import QByteArray, QUrl, pyqtSignal
from qgis.PyQt.QtNetwork import QNetworkRequest

from .. import log
from ..__about__ import __version__
from ..catalog import schedule
from ..catalog.entry import Catalog
from ..catalog.refresh import (
    CAPABILITIES,
    SNAPSHOT_NAME,
    SOURCES,
    DocumentCache,
    Fetched,
    build_catalog,
    check_document,
    conditional_headers,
    fresh_services,
    load_catalog,
    merge,
    save_catalog,
    vector_tile_maps,
)
from ..catalog.snapshot import cached_snapshot_path as profile_snapshot_path
from ..i18n import tr, tr_message
from ..settings import GpfSettings
from .catalog_state import CatalogState

__all__ = [  # the pure rules, re-exported for the callers that know the refresh by this module
    "CAPABILITIES", "SNAPSHOT_NAME", "SOURCES", "Catalog", "DocumentCache", "Fetched", "RefreshTask",
    "build_catalog", "cache_dir", "cached_snapshot_path", "cancel_refresh", "check_document", "fetch",
    "last_refresh", "load_catalog", "refresh_due", "refresh_if_due", "start_refresh",
]

SETTINGS_LAST_REFRESH = "gpf_bascule/catalog/last_refresh"
SETTINGS_AUTHCFG = "gpf_bascule/network/authcfg"  # optional QGIS auth configuration id (settings.GpfSettings)
REFRESH_INTERVAL = GpfSettings().refresh_interval  # the default; the user's value comes from GpfSettings.load()
USER_AGENT = f"gpf_bascule/{__version__}"

# Marks our own requests so that the User-Agent pre-processor leaves every other QGIS request alone (a header,
# not a custom request attribute: Qt6's Python enums refuse values outside the declared ones); removed again there.
_MARK = b"X-Gpf-Bascule-Refresh"
_ua_lock = threading.Lock()
_ua_users = 0
_ua_processor: str | None = None
_failure_reported = False  # one message per session for repeated failures, not one per attempt
_running: RefreshTask | None = None


# -- where things are cached -------------------------------------------------------------------------------------
def cache_dir() -> Path:
    """The plugin's cache folder inside the active QGIS profile (survives plugin updates, per profile)."""
    return profile_snapshot_path(QgsApplication.qgisSettingsDirPath()).parent


def cached_snapshot_path(directory: Path | None = None) -> Path:
    return (directory or cache_dir()) / SNAPSHOT_NAME


# -- when to refresh ---------------------------------------------------------------------------------------------
def last_refresh() -> datetime | None:
    """When the last refresh succeeded (None: never)."""
    return GpfSettings.load_refresh_record().last_success


def refresh_due(now: datetime | None = None, interval: timedelta | None = None) -> bool:
    """At most one refresh per interval (a day by default) after a success; sooner after a failure (back-off)."""
    interval = interval or GpfSettings.load().refresh_interval
    record = GpfSettings.load_refresh_record()
    now = now or datetime.now(timezone.utc)
    return schedule.refresh_due(now, record.last_success, record.last_attempt, record.failures, interval)


def _mark_refreshed(when: datetime | None = None) -> None:
    record = GpfSettings.load_refresh_record()
    GpfSettings.save_refresh_record(record.succeeded(when or datetime.now(timezone.utc)))


def _mark_failed(reason: str, when: datetime | None = None) -> None:
    record = GpfSettings.load_refresh_record()
    GpfSettings.save_refresh_record(record.failed(when or datetime.now(timezone.utc), reason))


# -- User-Agent ----------------------------------------------------------------------------------------------------
def _add_user_agent(request: QNetworkRequest) -> None:
    """QgsNetworkAccessManager overwrites the User-Agent; pre-processors run after it, so we append ours here."""
    if request.hasRawHeader(_MARK):
        request.setRawHeader(_MARK, QByteArray())  # a null value removes the header: it never leaves the machine
        current = bytes(request.rawHeader(b"User-Agent")).decode("latin-1")
        if USER_AGENT not in current:
            request.setRawHeader(b"User-Agent", f"{current} {USER_AGENT}".strip().encode("latin-1"))


def _hold_user_agent() -> None:
    global _ua_users, _ua_processor
    with _ua_lock:
        _ua_users += 1
        if _ua_processor is None:
            _ua_processor = QgsNetworkAccessManager.setRequestPreprocessor(_add_user_agent)


def _release_user_agent() -> None:
    global _ua_users, _ua_processor
    with _ua_lock:
        _ua_users = max(0, _ua_users - 1)
        if _ua_users == 0 and _ua_processor is not None:
            QgsNetworkAccessManager.removeRequestPreprocessor(_ua_processor)
            _ua_processor = None


# -- fetching one document -----------------------------------------------------------------------------------------
def fetch(name: str, url: str, cache: DocumentCache, feedback=None, authcfg: str = "") -> Fetched:  # noqa: ANN001
    """GET one document through QGIS's network stack, conditionally when we hold a cached copy."""
    cached, info = cache.read(name)
    request = QNetworkRequest(QUrl(url))
    request.setRawHeader(_MARK, b"1")
    # Our own cache does the revalidation; Qt's disk cache must neither answer for the server nor hide an outage.
    request.setAttribute(QNetworkRequest.Attribute.CacheLoadControlAttribute,
                         QNetworkRequest.CacheLoadControl.AlwaysNetwork)
    request.setAttribute(QNetworkRequest.Attribute.CacheSaveControlAttribute, False)
    if cached is not None:
        for header, value in conditional_headers(info).items():
            request.setRawHeader(header.encode("ascii"), value.encode("latin-1"))
    blocking = QgsBlockingNetworkRequest()
    if authcfg:
        blocking.setAuthCfg(authcfg)
    code = blocking.get(request, True, feedback)
    reply = blocking.reply()
    status = reply.attribute(QNetworkRequest.Attribute.HttpStatusCodeAttribute)
    status = int(status) if status is not None else 0
    if status == 304 and cached is not None:  # Qt reports an empty 304 as an error: it is our best case
        return Fetched(name, "not-modified", cached)
    if reply.attribute(QNetworkRequest.Attribute.SourceIsFromCacheAttribute):
        # Qt's disk cache answered despite AlwaysNetwork (seen on 3.22): only our own copy may stand for the server.
        data = bytes(reply.content())
        if cached is not None and data == cached:
            return Fetched(name, "not-modified", cached)
        return Fetched(name, "error", error=tr("réponse du cache local de QGIS, pas de la Géoplateforme"))
    if code != QgsBlockingNetworkRequest.ErrorCode.NoError or status >= 400:
        reason = blocking.errorMessage() or f"HTTP {status}"
        body = bytes(reply.content())
        problem = tr_message(check_document(name, body)) if body else ""
        return Fetched(name, "error", error=f"{reason} {problem}".strip())
    data = bytes(reply.content())
    problem = check_document(name, data)
    if problem:
        return Fetched(name, "error", error=tr_message(problem))
    header = {key: bytes(reply.rawHeader(raw)).decode("latin-1") for key, raw in (
        ("etag", b"ETag"), ("last_modified", b"Last-Modified"))}
    header["fetched"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
    header["url"] = url
    if data == cached:
        return Fetched(name, "not-modified", cached)  # Qt's own cache may have answered the 304 for us
    cache.write(name, data, header)
    return Fetched(name, "new", data)


# -- the task ------------------------------------------------------------------------------------------
class RefreshTask(QgsTask):
    """Fetch, check and cache each document, merge (catalog.refresh), then hand the catalogue over on the main
    thread."""

    # emitted on the main thread once `finished` has recorded the outcome: (succeeded, the failure's reason)
    outcome = pyqtSignal(bool, str)

    def __init__(
        self,
        iface=None,  # noqa: ANN001 (QgisInterface or None)
        directory: Path | None = None,
        sources: dict[str, str] | None = None,
        previous: Catalog | None = None,
    ) -> None:
        super().__init__(tr("Mise à jour du catalogue de la Géoplateforme"), QgsTask.Flag.CanCancel)
        self.iface = iface
        self.directory = directory or cache_dir()
        settings = GpfSettings.load()
        self.sources = dict(sources or settings.sources())
        self.authcfg = settings.network_authcfg
        if previous is None:
            previous = _views_catalog()  # main thread: read it now, not in run()
        self.previous = previous
        self.fetched: dict[str, Fetched] = {}
        self.catalog: Catalog | None = None
        self.problems: list[str] = []
        self.error = ""
        _hold_user_agent()
        self._holding = True

    def run(self) -> bool:  # runs in a worker thread: no widget, no CatalogState here
        try:
            return self._run()
        except Exception as error:  # noqa: BLE001 (a task must never raise into QGIS)
            self.error = f"{type(error).__name__}: {error}"
            return False

    def _run(self) -> bool:
        cache = DocumentCache(self.directory)
        documents: dict[str, bytes] = {}
        for index, (name, url) in enumerate(self.sources.items()):
            if self.isCanceled():
                self.error = tr("mise à jour annulée")
                return False
            result = self._fetch_or_fall_back(cache, name, url)
            if result.data:
                documents[name] = result.data
            self.setProgress(80 * (index + 1) / len(self.sources))
        if "tms" in documents and "tms" in self.sources:
            base = self.sources["tms"].rstrip("/")
            for tile_map in vector_tile_maps(documents["tms"]):  # its styles and zoom levels; one failing costs
                if self.isCanceled():                            # only its styles
                    break
                key = f"tms/{tile_map}"
                result = self._fetch_or_fall_back(cache, key, f"{base}/{tile_map}")
                if result.data:
                    documents[key] = result.data
        if not fresh_services(self.fetched):
            self.error = tr("aucun service de la Géoplateforme n'a répondu : {}").format(" ; ".join(self.problems))
            return False
        generated = datetime.now(timezone.utc).isoformat(timespec="seconds")
        catalog, problems = merge(documents, self.fetched, self.previous, generated)
        self.problems += [tr_message(problem) for problem in problems]
        save_catalog(catalog, cached_snapshot_path(self.directory))
        self.catalog = catalog
        self.setProgress(100)
        return True

    def _fetch_or_fall_back(self, cache: DocumentCache, name: str, url: str) -> Fetched:
        """One document; when the server fails, the last good copy (checked again) stands in for it."""
        result = fetch(name, url, cache, None, self.authcfg)
        if result.state == "error":
            self.problems.append(f"{name} : {result.error}")
            cached, _ = cache.read(name)
            if cached is not None and not check_document(name, cached):
                result = Fetched(name, "cached", cached, result.error)
        self.fetched[name] = result
        return result

    def finished(self, result: bool) -> None:  # main thread
        global _failure_reported, _running
        if self._holding:
            _release_user_agent()
            self._holding = False
        if _running is self:
            _running = None
        state = _views_state()
        if result and self.catalog is not None:
            _mark_refreshed()
            _failure_reported = False
            state.error = ""
            state.set_catalog(self.catalog)
            text = tr("Catalogue de la Géoplateforme mis à jour : {} couches.").format(len(self.catalog.layers))
            if self.problems:
                text += " " + tr("Services non mis à jour : {}").format(" ; ".join(self.problems))
                log.warning(text)
            else:
                log.info(text)
            self.outcome.emit(True, "")
            return
        reason = self.error or tr("mise à jour interrompue")
        if self.isCanceled():  # the user or the plugin's unload stopped it: nothing to tell, nothing recorded
            log.info(tr("Mise à jour du catalogue annulée."))
            self.outcome.emit(False, reason)
            return
        _mark_failed(reason)  # an attempt, not a success: the next automatic try comes sooner (catalog.schedule)
        state.error = reason
        log.warning(tr("Catalogue non mis à jour, le dernier catalogue valide reste en service : {}").format(reason))
        if not _failure_reported and self.iface is not None:
            _failure_reported = True
            log.push_message(
                self.iface,
                "catalog",
                tr("Catalogue de la Géoplateforme non mis à jour (hors ligne ?) : le dernier catalogue reste utilisé."),
                Qgis.MessageLevel.Info,
                10,
                tr("GPF Bascule"),
            )
        self.outcome.emit(False, reason)


def _views_state() -> CatalogState:
    return CatalogState.instance()


def _views_catalog() -> Catalog:
    return _views_state().catalog


def start_refresh(iface=None, directory: Path | None = None) -> QgsTask:  # noqa: ANN001
    """Queue a refresh in QGIS's task manager (or return the one already running)."""
    global _running
    if _running is not None:
        with suppress(RuntimeError):  # the C++ task is gone
            if _running.status() in (QgsTask.TaskStatus.Queued, QgsTask.TaskStatus.OnHold, QgsTask.TaskStatus.Running):
                return _running
    task = RefreshTask(iface, directory)
    _running = task
    QgsApplication.taskManager().addTask(task)
    return task


def cancel_refresh() -> None:
    """Plugin unload: stop a refresh still running (it stops between two documents, quietly)."""
    if _running is not None:
        with suppress(RuntimeError):  # already deleted by the task manager
            _running.cancel()


def refresh_if_due(iface=None, directory: Path | None = None) -> QgsTask | None:  # noqa: ANN001
    """Start-up hook: refresh only when the last one is older than the refresh interval (settings)."""
    return start_refresh(iface, directory) if refresh_due() else None
