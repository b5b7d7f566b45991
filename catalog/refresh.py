"""The catalogue refresh's rules, without QGIS: which documents, what a good one looks like, what a failure keeps.

The QGIS side (bascule/catalog_refresh.py) only fetches the documents through QGIS's network stack in a QgsTask
and hands them here; everything that decides is pure and tested without QGIS (tests/unit/test_refresh_rules.py):
- documents and the built snapshot live in the QGIS profile's cache folder, never in the plugin folder (a plugin
  update wipes that folder); each document is kept next to its validators (ETag, Last-Modified);
- a document is checked before it is kept: proxies and servers lie with HTTP 200 (an HTML login page, an OWS
  exception, a truncated file, the raster WMS answering for the vector one);
- a broken document costs only its own service, which keeps its last good document (or the entries it had),
  and says why in the catalogue's statuses (`merge`).
"""

from __future__ import annotations

import json
import os
import re
import threading
from dataclasses import dataclass, replace
from pathlib import Path

from ..mapping import qgis_xml
from ..mapping.messages import Message, msg
from ..mapping.outcome import InputError
from ..settings import GpfSettings
from .capabilities import CapabilitiesError, looks_like_services_list, parse_wms, wms_service_of
from .entry import NOTE_WMS_V, Catalog, ServiceStatus
from .snapshot import CACHED_NAME

SNAPSHOT_NAME = CACHED_NAME

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
FRESH_STATES = ("new", "not-modified")


# -- one document ------------------------------------------------------------------------------------------------
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


def conditional_headers(info: dict[str, str]) -> dict[str, str]:
    """The revalidation headers for a cached document's validators (none when it has none)."""
    headers = {}
    if info.get("etag"):
        headers["If-None-Match"] = info["etag"]
    if re.match(r"^[A-Z][a-z]{2}, \d{2} ", info.get("last_modified") or ""):
        headers["If-Modified-Since"] = info["last_modified"]
    return headers


def check_document(name: str, data: bytes) -> Message | str:
    """Why `data` is not the document `name` should be ("" when it is): proxies and servers lie with HTTP 200.

    The reason is a Message (French, translated where it is shown: `tr_message`)."""
    if not data.strip():
        return msg("document vide")
    if name == "services":
        head = data[:4096].decode("utf-8", "replace").lstrip("\ufeff").lower()
        if head.lstrip().startswith("<"):
            return msg("page HTML ou XML au lieu du fichier CSV")
        if not looks_like_services_list(data):  # the parser's own test: what passes here, it can read
            first = head.splitlines()[0] if head.splitlines() else ""
            return msg("en-tête CSV inattendu : {header}", header=first[:80])
        return ""
    try:
        # downloaded bytes: the engine's hardened parser (no entities, no DTD, no network)
        root = qgis_xml.parse(data).getroot()
    except InputError as error:
        return msg("XML illisible ou tronqué ({error})", error=str(error))
    namespace, _, local = root.tag[1:].partition("}") if root.tag.startswith("{") else ("", "", root.tag)
    if local == "ExceptionReport" or local == "ServiceExceptionReport":
        texts = [t.strip() for t in root.itertext() if t.strip()]
        return msg("le service a répondu par une exception : {text}", text=" ".join(texts)[:300])
    if local.lower() == "html":
        return msg("page HTML au lieu du document attendu (proxy ?)")
    expected = EXPECTED_ROOTS.get(name)
    if expected and (namespace, local) != expected:
        return msg("document inattendu : <{root}>", root=local)
    if name in ("wms-r", "wms-v") and wms_service_of(root) != name:
        # raster and vector both answer WMS_Capabilities; the service's own address tells them apart (as the
        # parser does: it would refuse this document for this service)
        return msg("document inattendu : <{root}>", root=f"{local} {wms_service_of(root)}")
    return ""


def vector_tile_maps(root: bytes) -> list[str]:
    """Names of the TMS root's vector-tile (pbf) TileMaps; raster TileMaps are the WMTS layers."""
    from .capabilities import parse_tms_root

    try:
        refs = parse_tms_root(root)
    except CapabilitiesError:
        return []
    return [ref.name for ref in refs if ref.extension == "pbf" and re.fullmatch(r"[A-Za-z0-9._-]+", ref.name)]


def fresh_services(fetched: dict[str, Fetched]) -> list[str]:
    """The layer documents the server gave (new or not modified): none means the refresh failed."""
    return [name for name in CAPABILITIES if name in fetched and fetched[name].state in FRESH_STATES]


# -- building the catalogue ----------------------------------------------------------------------------------
def wms_v_problem(data: bytes) -> Message | str:
    """Why the parser refused a WMS-V capabilities that passed check_document (the catalogue fell back)."""
    try:
        facts = parse_wms(data)
    except CapabilitiesError as error:
        return str(error)
    return msg("document inattendu : <{root}>", root=f"WMS_Capabilities {facts.service}")


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


def merge(
    documents: dict[str, bytes], fetched: dict[str, Fetched], previous: Catalog, generated: str = ""
) -> tuple[Catalog, list[str]]:
    """The new catalogue from the documents a refresh holds, and the problems found while building it."""
    problems: list[str] = []
    catalog = keep_failed_services(build_catalog(documents, generated), fetched, previous, documents, problems)
    return catalog, problems


def keep_failed_services(
    catalog: Catalog,
    fetched: dict[str, Fetched],
    previous: Catalog,
    documents: dict[str, bytes] | None = None,
    problems: list[str] | None = None,
) -> Catalog:
    """A service whose document failed keeps the entries it had, and says why in the catalogue's statuses.

    `fetched` is what each document's fetch gave (state error: nothing usable; cached: the last good copy was
    used); `previous` is the catalogue the views showed before; a WMS-V document the parser refused is added to
    `problems`.
    """
    statuses = {status.service: status for status in catalog.services}
    layers = list(catalog.layers)
    wms_v_status = statuses.get("wms-v")
    # WMS-V entries read from a WMS-V capabilities (fresh or cached), not derived from the services list
    wms_v_own = wms_v_status is not None and wms_v_status.status == "ok" and wms_v_status.parser != "csv"
    wms_v_source = "cache" if wms_v_own else "services"  # where the WMS-V entries come from when it failed
    for name in CAPABILITIES:
        if name == "wms-v":
            continue  # below, once we know where its entries came from
        result = fetched.get(name)
        if result is None or result.state not in ("error", "cached"):
            continue
        # WMS-V taken from the services list is "its WMS rows minus WMS-R": it goes with WMS-R
        services = ("wms-r", "wms-v") if name == "wms-r" and not wms_v_own else (name,)
        if result.state == "error":  # nothing cached either: carry the previous entries over
            kept = [entry for entry in previous.layers if entry.service in services]
            layers = [entry for entry in layers if entry.service not in services] + kept
            source = "previous"
            if "wms-v" in services:
                wms_v_source = "previous"
        else:
            kept = [entry for entry in layers if entry.service in services]
            source = "cache"
        statuses[name] = ServiceStatus(name, "error", source=source, error=result.error, count=len(kept))
    services_list = fetched.get("services")
    if services_list is not None and services_list.state == "error":  # no themes this time: keep the old ones
        statuses["services"] = ServiceStatus("services", "error", error=services_list.error)
        known = {(entry.service, entry.name): entry.themes for entry in previous.layers}
        layers = [replace(entry, themes=known.get((entry.service, entry.name), entry.themes)) for entry in layers]
        if not any(entry.service == "wms-v" for entry in layers):
            layers += [entry for entry in previous.layers if entry.service == "wms-v"]
            wms_v_source = "previous"
    wms_v = fetched.get("wms-v")
    if wms_v is not None:
        error = wms_v.error if wms_v.state in ("error", "cached") else ""
        if not error and not wms_v_own and "wms-v" in (documents or {}):
            error = wms_v_problem(documents["wms-v"])  # fetched and checked, yet the parser refused it
            if problems is not None:
                problems.append(f"wms-v : {error}")
        if error and wms_v_source == "services":  # an earlier WMS-V document's entries beat bare names
            richer = [entry for entry in previous.layers if entry.service == "wms-v" and NOTE_WMS_V not in entry.note]
            if richer:
                layers = [entry for entry in layers if entry.service != "wms-v"] + richer
                wms_v_source = "previous"
        if error:  # the entries are the cached document's, the services list's or the previous ones
            kept = [entry for entry in layers if entry.service == "wms-v"]
            built = wms_v_status if kept and wms_v_source != "previous" else None
            statuses["wms-v"] = ServiceStatus(
                "wms-v", "error", source=wms_v_source if kept else "", error=str(error), count=len(kept),
                parser=built.parser if built else "", note=built.note if built else "",
            )
    return replace(catalog, layers=tuple(layers), services=tuple(statuses.values()))
