"""Refresh the catalogue from the live Géoplateforme in a background QgsTask.

Why it is built this way:
- every request goes through QgsBlockingNetworkRequest, so the user's QGIS proxy, SSL and auth settings
  apply (many public-sector users sit behind an authenticating proxy that `requests` would not cross);
- documents are revalidated with ETag / Last-Modified: the WMTS capabilities weigh 2 MB and rarely change;
- documents and the built snapshot live in the QGIS profile's cache folder, never in the plugin folder
  (a plugin update wipes that folder);
- a broken document (truncated XML, OWS ExceptionReport, a proxy's HTML page) costs only its own service,
  which keeps its last good document (or its current entries), and a failed refresh keeps the last good
  catalogue and says so once, quietly: the catalogue still works offline from the bundled snapshot.
"""

from __future__ import annotations

import json
import os
import re
import threading
from dataclasses import dataclass, replace
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
from ..i18n import tr
from ..mapping import qgis_xml
from ..mapping.outcome import InputError
from ..settings import GpfSettings
from . import schedule
from .capabilities import CapabilitiesError, looks_like_services_list, parse_wms, wms_service_of
from .entry import NOTE_WMS_V, Catalog, ServiceStatus

SETTINGS_LAST_REFRESH = "gpf_bascule/catalog/last_refresh"
SETTINGS_AUTHCFG = "gpf_bascule/network/authcfg"  # optional QGIS auth configuration id (settings.GpfSettings)
REFRESH_INTERVAL = GpfSettings().refresh_interval  # the default; the user's value comes from GpfSettings.load()
SNAPSHOT_NAME = "gpf_catalog.json.gz"
USER_AGENT = f"gpf_bascule/{__version__}"


# The settings' default documents (the key names the cached file and the service it feeds); a refresh reads
# GpfSettings.load().sources(): the addresses of the options page or the GPF_BASCULE_*_URL variables.
SOURCES: dict[str, str] = GpfSettings().sources()
CAPABILITIES = ("wmts", "wms-r", "wms-v", "wfs", "tms")  # the documents that hold layers (services.csv holds themes)
# Root element each document must have (namespace, local name); anything else is not what we asked for.
EXPECTED_ROOTS = {
    "wmts": ("http://www.opengis.net/wmts/1.0", "Capabilities"),
    "wms-r": ("http://www.opengis.net/wms", "WMS_Capabilities"),
    "wms-v": ("http://www.opengis.net/wms", "WMS_Capabilities"),
    "wfs": ("http://www.opengis.net/wfs/2.0", "WFS_Capabilities"),
    "tms": ("", "TileMapService"),
}

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
    return Path(QgsApplication.qgisSettingsDirPath()) / "cache" / "gpf_bascule"


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


# -- fetching and checking one document ------------------------------------------------------------------------------
@dataclass
class Fetched:
    """One document after a refresh: `state` is new, not-modified, cached (fetch failed, last good kept) or error."""

    name: str
    state: str
    data: bytes = b""
    error: str = ""


class DocumentCache:
    """Each document next to a small JSON of its validators (ETag, Last-Modified) and when it was fetched."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _paths(self, name: str) -> tuple[Path, Path]:
        stem = re.sub(r"[^A-Za-z0-9._-]", "_", name)  # tms/PLAN.IGN → tms_PLAN.IGN
        return self.directory / f"{stem}.doc", self.directory / f"{stem}.meta.json"

    def read(self, name: str) -> tuple[bytes | None, dict[str, str]]:
        doc, meta = self._paths(name)
        try:
            data = doc.read_bytes()
            info = json.loads(meta.read_text(encoding="utf-8")) if meta.is_file() else {}
        except (OSError, ValueError):
            return None, {}
        return data, info if isinstance(info, dict) else {}

    def write(self, name: str, data: bytes, info: dict[str, str]) -> None:
        doc, meta = self._paths(name)
        self.directory.mkdir(parents=True, exist_ok=True)
        _atomic_write(doc, data)
        _atomic_write(meta, json.dumps(info, ensure_ascii=False).encode("utf-8"))


def _atomic_write(path: Path, data: bytes) -> None:
    """Write then rename, so that a crash or a second QGIS never reads half a file."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def check_document(name: str, data: bytes) -> str:
    """Why `data` is not the document `name` should be ("" when it is): proxies and servers lie with HTTP 200."""
    if not data.strip():
        return tr("document vide")
    if name == "services":
        head = data[:4096].decode("utf-8", "replace").lstrip("\ufeff").lower()
        if head.lstrip().startswith("<"):
            return tr("page HTML ou XML au lieu du fichier CSV")
        if not looks_like_services_list(data):  # the parser's own test: what passes here, it can read
            first = head.splitlines()[0] if head.splitlines() else ""
            return tr("en-tête CSV inattendu : {}").format(first[:80])
        return ""
    try:
        # downloaded bytes: the engine's hardened parser (no entities, no DTD, no network)
        root = qgis_xml.parse(data).getroot()
    except InputError as error:
        return tr("XML illisible ou tronqué ({})").format(error)
    namespace, _, local = root.tag[1:].partition("}") if root.tag.startswith("{") else ("", "", root.tag)
    if local == "ExceptionReport" or local == "ServiceExceptionReport":
        texts = [t.strip() for t in root.itertext() if t.strip()]
        return tr("le service a répondu par une exception : {}").format(" ".join(texts)[:300])
    if local.lower() == "html":
        return tr("page HTML au lieu du document attendu (proxy ?)")
    expected = EXPECTED_ROOTS.get(name)
    if expected and (namespace, local) != expected:
        return tr("document inattendu : <{}>").format(local)
    if name in ("wms-r", "wms-v") and wms_service_of(root) != name:
        # raster and vector both answer WMS_Capabilities; the service's own address tells them apart (as the
        # parser does: it would refuse this document for this service)
        return tr("document inattendu : <{}>").format(f"{local} {wms_service_of(root)}")
    return ""


def _http_date(value: str) -> str:
    return value if re.match(r"^[A-Z][a-z]{2}, \d{2} ", value or "") else ""


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
        if info.get("etag"):
            request.setRawHeader(b"If-None-Match", info["etag"].encode("latin-1"))
        if _http_date(info.get("last_modified", "")):
            request.setRawHeader(b"If-Modified-Since", info["last_modified"].encode("latin-1"))
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
        problem = check_document(name, body) if body else ""
        return Fetched(name, "error", error=f"{reason} {problem}".strip())
    data = bytes(reply.content())
    problem = check_document(name, data)
    if problem:
        return Fetched(name, "error", error=problem)
    header = {key: bytes(reply.rawHeader(raw)).decode("latin-1") for key, raw in (
        ("etag", b"ETag"), ("last_modified", b"Last-Modified"))}
    header["fetched"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
    header["url"] = url
    if data == cached:
        return Fetched(name, "not-modified", cached)  # Qt's own cache may have answered the 304 for us
    cache.write(name, data, header)
    return Fetched(name, "new", data)


def vector_tile_maps(root: bytes) -> list[str]:
    """Names of the TMS root's vector-tile (pbf) TileMaps; raster TileMaps are the WMTS layers."""
    from .capabilities import CapabilitiesError, parse_tms_root

    try:
        refs = parse_tms_root(root)
    except CapabilitiesError:
        return []
    return [ref.name for ref in refs if ref.extension == "pbf" and re.fullmatch(r"[A-Za-z0-9._-]+", ref.name)]


# -- building the catalogue ----------------------------------------------------------------------------------
def _wms_v_problem(data: bytes) -> str:
    """Why the parser refused a WMS-V capabilities that passed check_document (the catalogue fell back)."""
    try:
        facts = parse_wms(data)
    except CapabilitiesError as error:
        return str(error)
    return tr("document inattendu : <{}>").format(f"WMS_Capabilities {facts.service}")


def build_catalog(documents: dict[str, bytes], generated: str = "") -> Catalog:
    """Documents → catalogue with the project's pure builder (a bad document costs only its service)."""
    from .parse import build_catalog as build

    return build(documents, generated=generated)


def save_catalog(catalog: Catalog, path: Path) -> None:
    from .snapshot import save_snapshot

    save_snapshot(catalog, path)  # atomic: a second QGIS never reads half a file


def load_catalog(path: Path) -> Catalog:
    from .snapshot import load_snapshot

    return load_snapshot(path)


# -- the task ------------------------------------------------------------------------------------------
class RefreshTask(QgsTask):
    """Fetch, check and cache each document, build the catalogue, then hand it over on the main thread."""

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
            from ..ui.catalog_state import CatalogState  # noqa: PLC0415 (main thread: read it now, not in run())

            previous = CatalogState.instance().catalog
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
            result = fetch(name, url, cache, self.feedback_for_fetch(), self.authcfg)
            if result.state == "error":
                self.problems.append(f"{name} : {result.error}")
                cached, _ = cache.read(name)
                if cached is not None and not check_document(name, cached):
                    result = Fetched(name, "cached", cached, result.error)
            self.fetched[name] = result
            if result.data:
                documents[name] = result.data
            self.setProgress(80 * (index + 1) / len(self.sources))
        if "tms" in documents and "tms" in self.sources:
            documents.update(self._fetch_tile_maps(cache, documents["tms"]))
        fresh = [name for name in CAPABILITIES if self.fetched.get(name, Fetched(name, "")).state in (
            "new", "not-modified")]
        if not fresh:
            self.error = tr("aucun service de la Géoplateforme n'a répondu : {}").format(" ; ".join(self.problems))
            return False
        generated = datetime.now(timezone.utc).isoformat(timespec="seconds")
        catalog = build_catalog(documents, generated)
        catalog = self._keep_failed_services(catalog, documents)
        save_catalog(catalog, cached_snapshot_path(self.directory))
        self.catalog = catalog
        self.setProgress(100)
        return True

    def _fetch_tile_maps(self, cache: DocumentCache, root: bytes) -> dict[str, bytes]:
        """Each vector-tile TileMap (`tms/NAME`): its styles and zoom levels; one failing costs only its styles."""
        base = self.sources["tms"].rstrip("/")
        documents = {}
        for name in vector_tile_maps(root):
            if self.isCanceled():
                break
            key = f"tms/{name}"
            result = fetch(key, f"{base}/{name}", cache, None, self.authcfg)
            if result.state == "error":
                self.problems.append(f"{key} : {result.error}")
                cached, _ = cache.read(key)
                result = Fetched(key, "cached", cached, result.error) if cached else result
            self.fetched[key] = result
            if result.data:
                documents[key] = result.data
        return documents

    def feedback_for_fetch(self):  # noqa: ANN201
        """No QgsFeedback of our own: cancelling the task is checked between documents (each is one request)."""
        return None

    def _keep_failed_services(self, catalog: Catalog, documents: dict[str, bytes] | None = None) -> Catalog:
        """A service whose document failed keeps the entries it had, and says why in the catalogue's statuses."""
        statuses = {status.service: status for status in catalog.services}
        layers = list(catalog.layers)
        wms_v_status = statuses.get("wms-v")
        # WMS-V entries read from a WMS-V capabilities (fresh or cached), not derived from the services list
        wms_v_own = wms_v_status is not None and wms_v_status.status == "ok" and wms_v_status.parser != "csv"
        wms_v_source = "cache" if wms_v_own else "services"  # where the WMS-V entries come from when it failed
        for name in CAPABILITIES:
            if name == "wms-v":
                continue  # below, once we know where its entries came from
            result = self.fetched.get(name)
            if result is None or result.state not in ("error", "cached"):
                continue
            # WMS-V taken from the services list is "its WMS rows minus WMS-R": it goes with WMS-R
            services = ("wms-r", "wms-v") if name == "wms-r" and not wms_v_own else (name,)
            if result.state == "error":  # nothing cached either: carry the previous entries over
                kept = [entry for entry in self.previous.layers if entry.service in services]
                layers = [entry for entry in layers if entry.service not in services] + kept
                source = "previous"
                if "wms-v" in services:
                    wms_v_source = "previous"
            else:
                kept = [entry for entry in layers if entry.service in services]
                source = "cache"
            statuses[name] = ServiceStatus(name, "error", source=source, error=result.error, count=len(kept))
        services_list = self.fetched.get("services")
        if services_list is not None and services_list.state == "error":  # no themes this time: keep the old ones
            statuses["services"] = ServiceStatus("services", "error", error=services_list.error)
            known = {(entry.service, entry.name): entry.themes for entry in self.previous.layers}
            layers = [replace(entry, themes=known.get((entry.service, entry.name), entry.themes)) for entry in layers]
            if not any(entry.service == "wms-v" for entry in layers):
                layers += [entry for entry in self.previous.layers if entry.service == "wms-v"]
                wms_v_source = "previous"
        wms_v = self.fetched.get("wms-v")
        if wms_v is not None:
            error = wms_v.error if wms_v.state in ("error", "cached") else ""
            if not error and not wms_v_own and "wms-v" in (documents or {}):
                error = _wms_v_problem(documents["wms-v"])  # fetched and checked, yet the parser refused it
                self.problems.append(f"wms-v : {error}")
            if error and wms_v_source == "services":  # an earlier WMS-V document's entries beat bare names
                richer = [entry for entry in self.previous.layers
                          if entry.service == "wms-v" and NOTE_WMS_V not in entry.note]
                if richer:
                    layers = [entry for entry in layers if entry.service != "wms-v"] + richer
                    wms_v_source = "previous"
            if error:  # the entries are the cached document's, the services list's or the previous ones
                kept = [entry for entry in layers if entry.service == "wms-v"]
                built = wms_v_status if kept and wms_v_source != "previous" else None
                statuses["wms-v"] = ServiceStatus(
                    "wms-v", "error", source=wms_v_source if kept else "", error=error, count=len(kept),
                    parser=built.parser if built else "", note=built.note if built else "",
                )
        return replace(catalog, layers=tuple(layers), services=tuple(statuses.values()))

    def finished(self, result: bool) -> None:  # main thread
        global _failure_reported, _running
        if self._holding:
            _release_user_agent()
            self._holding = False
        if _running is self:
            _running = None
        from ..ui.catalog_state import CatalogState  # noqa: PLC0415

        if result and self.catalog is not None:
            _mark_refreshed()
            _failure_reported = False
            CatalogState.instance().error = ""
            CatalogState.instance().set_catalog(self.catalog)
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
        CatalogState.instance().error = reason
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


def start_refresh(iface=None, directory: Path | None = None) -> QgsTask:  # noqa: ANN001
    """Queue a refresh in QGIS's task manager (or return the one already running)."""
    global _running
    if _running is not None:
        try:
            if _running.status() in (QgsTask.TaskStatus.Queued, QgsTask.TaskStatus.OnHold, QgsTask.TaskStatus.Running):
                return _running
        except RuntimeError:  # the C++ task is gone
            pass
    task = RefreshTask(iface, directory)
    _running = task
    QgsApplication.taskManager().addTask(task)
    return task


def cancel_refresh() -> None:
    """Plugin unload: stop a refresh still running (it stops between two documents, quietly)."""
    if _running is not None:
        try:
            _running.cancel()
        except RuntimeError:  # already deleted by the task manager
            pass


def refresh_if_due(iface=None, directory: Path | None = None) -> QgsTask | None:  # noqa: ANN001
    """Start-up hook: refresh only when the last one is older than the refresh interval (settings)."""
    return start_refresh(iface, directory) if refresh_due() else None
