"""Where the GPF documents come from: a folder (any file names) or the live Géoplateforme (urllib).

Both give `catalog.parse` a dict key → bytes and a key → label dict (file name or URL, kept as evidence).
A folder's documents are recognised from their content: the root element (WMTS Capabilities,
WMS_Capabilities — raster or vector from the service's address —, WFS_Capabilities, TileMapService, TileMap),
the services list's header, the private configuration's structure. Documents of the old Géoportail
(wxs.ign.fr) are ignored. A file that is not readable (truncated, ExceptionReport, HTML) stands for the
service its name or content points to, only when no good document of that service is in the folder.

The URL source runs without QGIS (command line): urllib, which honours `https_proxy`/`no_proxy`.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from .capabilities import CapabilitiesError, looks_like_services_list, parse_tms_root, wms_service_of

DEFAULT_BASE_URL = "https://data.geopf.fr/"
PUBLIC_TEST_KEY = "ign_scan_ws"  # IGN's public key for the non-free SCAN layers (documented test key)
URL_PATHS = {
    "wmts": "wmts?SERVICE=WMTS&REQUEST=GetCapabilities",
    "wms-r": "wms-r/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities",
    "wms-v": "wms-v/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities",
    "wfs": "wfs/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetCapabilities",
    "tms": "tms/1.0.0/",
    "services": "annexes/ressources/capabilities/services.csv",
    "private-wmts": f"private/wmts?apikey={PUBLIC_TEST_KEY}&SERVICE=WMTS&REQUEST=GetCapabilities",
    "private-wms-r": f"private/wms-r?apikey={PUBLIC_TEST_KEY}&SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities",
}
MAX_FILE_SIZE = 64 * 1024 * 1024
USER_AGENT = "gpf_bascule catalogue (urllib)"
_NAME_HINTS = (("wms-r", "wms-r"), ("wms_r", "wms-r"), ("wms-v", "wms-v"), ("wms_v", "wms-v"), ("wmts", "wmts"),
               ("wfs", "wfs"), ("tms", "tms"), ("services", "services"), ("private", "private"))


class SourceError(Exception):
    """The source as a whole cannot be read (folder missing, Géoplateforme unreachable)."""


class Documents:
    """Documents by key, their labels, and what was left aside (with why)."""

    def __init__(self) -> None:
        self.data: dict[str, bytes] = {}
        self.labels: dict[str, str] = {}
        self.ignored: list[str] = []
        self.errors: dict[str, str] = {}  # key → why it could not be fetched
        self._broken: dict[str, tuple[str, bytes]] = {}

    def add(self, key: str, label: str, data: bytes) -> None:
        if key in self.data:
            self.ignored.append(f"{self.labels[key]} : remplacé par {label} (même service)")
        self.data[key] = data
        self.labels[key] = label

    def add_broken(self, key: str, label: str, data: bytes) -> None:
        self._broken.setdefault(key, (label, data))

    def finish(self) -> Documents:
        for key, (label, data) in self._broken.items():
            if key in self.data:
                self.ignored.append(f"{label} : illisible, ignoré ({self.labels[key]} sert pour ce service)")
            else:
                self.data[key], self.labels[key] = data, label
        self._broken.clear()
        return self


# --- recognising a document -----------------------------------------------------------------------------


def classify(data: bytes, name: str = "") -> tuple[str, bool]:
    """(key, readable): the document key, and whether it looked like a good document of that kind.

    key "" means not a GPF document (ignored); readable False means the key is only a guess.
    """
    head = data[:4096]
    stripped = head.lstrip()
    if stripped.startswith((b"{", b"[")):
        return ("private", True) if _is_private_config(data) else ("", True)
    if stripped.startswith(b"<"):
        return _classify_xml(data, name)
    if looks_like_services_list(head):
        return "services", True
    if not stripped or Path(name).suffix.lower() in (".xml", ".html", ".htm"):
        return _hint(name, head), False  # empty, or an answer that is not even XML
    return "", True


_ROOT = re.compile(rb"<(?:[\w.-]+:)?(Capabilities|WMS_Capabilities|WFS_Capabilities|TileMapService|TileMap)[\s>/]")


def _classify_xml(data: bytes, name: str) -> tuple[str, bool]:
    from lxml import etree

    from ..mapping import qgis_xml
    from ..mapping.outcome import InputError

    head = data[:4096]
    if b"geopf.fr" not in data and re.search(rb"wxs(?:-gpu)?\.(?:ign|mongeoportail)", data):
        return "", True  # an old Géoportail document: not the Géoplateforme's
    try:
        root = qgis_xml.parse(data).getroot()  # downloaded bytes: the engine's hardened parse
    except InputError:
        root = None
    found = _ROOT.search(head)
    if found is None:
        local = etree.QName(root).localname.lower() if root is not None else ""
        if root is None or local in ("exceptionreport", "serviceexceptionreport", "html"):
            return _hint(name, head), False  # a failed answer: it stands for the service it names
        return "", True  # some other XML (a QGIS connection export, a schema): not ours
    kind = found.group(1).decode()
    if kind == "Capabilities":
        key = "wmts" if b"opengis.net/wmts" in head else ""
        if key and root is not None and _private_hrefs(root):
            key = "private-wmts"
    elif kind == "WMS_Capabilities":
        key = wms_service_of(root) if root is not None else _hint(name, head) or "wms-r"
        if root is not None and _private_hrefs(root):
            key = "private-wms-r"
    elif kind == "WFS_Capabilities":
        key = "wfs"
    elif kind == "TileMapService":
        key = "tms"
    else:  # a TileMap: its name is in its TileSet addresses
        match = re.search(rb"/tms/1\.0\.0/([^/\"]+)/\d+\"", data)
        key = f"tms/{match.group(1).decode()}" if match else ""
    return key, root is not None


def _private_hrefs(root) -> bool:
    return any("/private/" in (value or "") for value in root.xpath("//@*[local-name()='href']")[:50])


def _hint(name: str, head: bytes) -> str:
    """The service a broken document stands for: from its file name, else from addresses in its head."""
    lowered = name.lower()
    for needle, key in _NAME_HINTS:
        if needle in lowered:
            return key
    text = head.decode("latin-1").lower()
    for needle, key in (("/wms-r", "wms-r"), ("/wms-v", "wms-v"), ("/wmts", "wmts"), ("/wfs", "wfs"), ("/tms", "tms")):
        if needle in text:
            return key
    return ""


def _is_private_config(data: bytes) -> bool:
    try:
        config = json.loads(data.decode("utf-8"))
    except ValueError:
        return False
    if not isinstance(config, dict) or not isinstance(config.get("layers"), dict):
        return False
    return "/private/" in data.decode("utf-8")


# --- a folder -------------------------------------------------------------------------------------------


def from_directory(directory: str | Path) -> Documents:
    """Every recognisable document under `directory` (recursively, any file names)."""
    root = Path(directory)
    if not root.is_dir():
        raise SourceError(f"dossier introuvable : {root}")
    documents = Documents()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and not p.name.startswith(".")):
        if path.stat().st_size > MAX_FILE_SIZE:
            documents.ignored.append(f"{path.name} : trop gros")
            continue
        data = path.read_bytes()
        key, readable = classify(data, path.name)
        label = path.name  # evidence names the file, as the registry always did
        if not key:
            if not readable:
                documents.ignored.append(f"{label} : illisible, service inconnu (ni son nom ni son contenu ne le dit)")
            continue
        if readable:
            documents.add(key, label, data)
        else:
            documents.add_broken(key, label, data)
    return documents.finish()


# --- the live Géoplateforme -----------------------------------------------------------------------------


def _fetch(url: str, timeout: float) -> bytes:
    # urlopen also opens file:// and ftp:// addresses: only the web is asked, whatever built the address
    if urlsplit(url).scheme not in ("http", "https"):
        raise SourceError(f"adresse non prise en charge (http ou https seulement) : {url}")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # nosec B310 # http(s) checked above
            return response.read()
    except urllib.error.HTTPError as error:
        body = error.read() or b""
        if body.lstrip().startswith(b"<") and b"Exception" in body[:2000]:
            return body  # an OWS exception report: parse.py reports its text
        raise SourceError(f"HTTP {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        raise SourceError(f"injoignable ({error.reason})") from None
    except (OSError, ValueError) as error:
        raise SourceError(f"injoignable ({error})") from None


def from_url(base_url: str = DEFAULT_BASE_URL, timeout: float = 60.0) -> Documents:
    """The documents of the live Géoplateforme (or anything serving the same paths, e.g. a test server)."""
    if urlsplit(base_url).scheme not in ("http", "https"):
        raise SourceError(f"adresse non prise en charge : {base_url}")
    base = base_url if base_url.endswith("/") else base_url + "/"
    documents = Documents()
    failures: dict[str, str] = {}

    def get(key: str, url: str) -> None:
        try:
            documents.add(key, url, _fetch(url, timeout))
        except SourceError as error:
            failures[key] = str(error)

    with ThreadPoolExecutor(max_workers=6) as pool:
        list(pool.map(lambda item: get(item[0], urljoin(base, item[1])), URL_PATHS.items()))
        tile_maps = []
        if "tms" in documents.data:
            try:
                tile_maps = [ref for ref in parse_tms_root(documents.data["tms"]) if ref.extension == "pbf"]
            except CapabilitiesError:
                tile_maps = []  # parse.py reports the root's problem
        # TileMap addresses are GPF's; ask the same server as the root (a mirror or a test server)
        list(pool.map(lambda ref: get(f"tms/{ref.name}", urljoin(base, URL_PATHS["tms"]) + ref.name), tile_maps))
    if not documents.data:
        reason = next(iter(failures.values()), "aucune réponse")
        raise SourceError(
            f"Géoplateforme injoignable à {base} ({reason}) : hors ligne ? derrière un proxy, définissez https_proxy"
        )
    for key, error in failures.items():
        documents.errors[key] = error
        documents.labels.setdefault(key, urljoin(base, URL_PATHS[key]) if key in URL_PATHS else key)
    return documents


def load(source: str | Path | None = None, timeout: float = 60.0) -> Documents:
    """A folder path or an http(s) URL; None: the live Géoplateforme."""
    if source is None:
        return from_url(DEFAULT_BASE_URL, timeout)
    text = str(source)
    if text.startswith(("http://", "https://")):
        return from_url(text, timeout)
    return from_directory(text)
