"""GPF capabilities documents → layer facts: the one parser the catalogue and the registry share.

Each `parse_*` function reads one document (bytes) and returns `LayerFacts`: what GPF links to a layer
(styles and formats default first, TileMatrixSets, CRS, extent...). `catalog/build.py` turns them into
catalogue entries and `tools/build_registry.py` into the engine's `gpf_layers.csv`, so the engine and the
catalogue cannot disagree on a style or a matrix set.

WMTS, WMS and WFS are read with OWSLib. Two documented exceptions use lxml: a WFS document OWSLib 0.27
cannot read (GPF's FeatureTypeList-only answer has no OperationsMetadata: OWSLib raises TypeError) and the
TMS documents (OWSLib 0.27's TMS reader refuses a document with an XML declaration and ignores the style
links). A document that is not what it should be (empty, HTML from a proxy, an OWS ExceptionReport,
truncated XML) raises `CapabilitiesError` with a one-line reason.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath

from lxml import etree

from ..mapping import qgis_xml
from ..mapping.outcome import InputError
from .text import fold

FREE = "free"
PRIVATE = "private"
OWSLIB = "owslib"
LXML = "lxml"

NS = {
    "wmts": "http://www.opengis.net/wmts/1.0",
    "ows": "http://www.opengis.net/ows/1.1",
    "wms": "http://www.opengis.net/wms",
    "wfs": "http://www.opengis.net/wfs/2.0",
}
CRS_ALIASES = {
    "IGNF:LAMB93": "EPSG:2154", "IGNF:WGS84G": "EPSG:4326", "EPSG:900913": "EPSG:3857", "CRS:84": "EPSG:4326",
}
WEB_MERCATOR = "EPSG:3857"
WGS84 = "EPSG:4326"
PREFERRED_WMS_FORMAT = "image/png"  # transparency for overlays; photographs follow their WMTS twin (JPEG)
WMS_PICTURE_FORMATS = ("image/png", "image/jpeg")
DEFAULT_VT_ZOOM = (0, 18)  # PLAN.IGN's range, assumed for a TMS layer whose TileMap was not read
TMS_STYLE_DEFAULT = "standard"


class CapabilitiesError(ValueError):
    """A document that cannot give any layer; the message is one line, for the user."""


@dataclass(frozen=True)
class LayerFacts:
    """What GPF publishes about one layer, read from one document (first style/format = default)."""

    service: str
    name: str
    access: str = FREE
    title: str = ""
    abstract: str = ""
    bbox: tuple[float, float, float, float] | None = None
    styles: tuple[str, ...] = ()
    tile_matrix_sets: tuple[str, ...] = ()
    crs: str = ""
    formats: tuple[str, ...] = ()
    metadata_url: str = ""
    evidence: str = ""
    note: str = ""
    zoom: tuple[int, int] | None = None  # TMS levels from the TileMap
    style_urls: tuple[str, ...] = ()  # TMS style documents, default first
    crs_options: tuple[str, ...] = ()  # every CRS the service offers for the layer (crs first)
    keywords: tuple[str, ...] = ()  # the publisher's keywords (WFS), IGN's catalogue keyword

    @property
    def private(self) -> bool:
        return self.access == PRIVATE


@dataclass
class ServiceFacts:
    """The layers of one service document and how it was read (`parser`: owslib, lxml, csv, json)."""

    service: str
    layers: list[LayerFacts] = field(default_factory=list)
    parser: str = OWSLIB
    note: str = ""


# --- document checks -----------------------------------------------------------------------------------


def _xml_root(data: bytes) -> etree._Element:
    """Parse safely, or raise CapabilitiesError saying what the bytes were instead."""
    head = data[:2048].lstrip().lower()
    if not head:
        raise CapabilitiesError("document vide")
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:512]:
        raise CapabilitiesError("page HTML reçue au lieu d'un document de capacités (proxy, portail captif ?)")
    try:
        root = qgis_xml.parse(data).getroot()  # the engine's hardened parse: no entities, no DTD, no network
    except InputError as error:
        raise CapabilitiesError(f"XML illisible ou tronqué ({_one_line(str(error))})") from None
    local = etree.QName(root).localname
    if local in ("ExceptionReport", "ServiceExceptionReport"):
        texts = [t.strip() for t in root.itertext() if t.strip()]
        raise CapabilitiesError("le service a répondu par une erreur OGC : " + _one_line(" ".join(texts) or local))
    if local.lower() == "html":
        raise CapabilitiesError("page HTML reçue au lieu d'un document de capacités (proxy, portail captif ?)")
    return root


def _one_line(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _expect(root: etree._Element, localname: str, what: str) -> None:
    if etree.QName(root).localname != localname:
        raise CapabilitiesError(f"document {etree.QName(root).localname} reçu au lieu de {what}")


def _crs(code: str) -> str:
    """`urn:ogc:def:crs:EPSG::2154`, `IGNF:LAMB93`... → `EPSG:2154` (what QGIS layers use)."""
    code = (code or "").strip()
    found = re.fullmatch(r"urn:ogc:def:crs:([A-Za-z]+):[^:]*:(\w+)", code)
    if found:
        code = f"{found.group(1).upper()}:{found.group(2)}"
    elif code.lower().startswith("http://www.opengis.net/def/crs/"):
        parts = code.rstrip("/").split("/")
        code = f"{parts[-3].upper()}:{parts[-1]}"
    return CRS_ALIASES.get(code.upper(), code)


def _text(value) -> str:
    return " ".join((value or "").split())


def _bbox(value) -> tuple[float, float, float, float] | None:
    try:
        west, south, east, north = (float(v) for v in value[:4])
    except (TypeError, ValueError):
        return None
    return (west, south, east, north)


def _is_private(root: etree._Element) -> bool:
    return any("/private/" in (value or "") for value in root.xpath("//@*[local-name()='href']")[:50])


# --- WMTS ----------------------------------------------------------------------------------------------


def _owslib(module: str, name: str):
    """An OWSLib class; its absence (or an import error, e.g. `cgi` gone in Python 3.13 for OWSLib < 0.28)
    costs the service, not the catalogue."""
    import importlib

    try:
        return getattr(importlib.import_module(module), name)
    except Exception as error:  # ImportError, or whatever an old OWSLib raises on a newer Python
        raise CapabilitiesError(f"OWSLib indisponible ({_one_line(repr(error), 120)})") from None


def parse_wmts(data: bytes, evidence: str = "") -> ServiceFacts:
    """WMTS 1.0.0 capabilities (free `data.geopf.fr/wmts` or private `data.geopf.fr/private/wmts`)."""
    root = _xml_root(data)
    _expect(root, "Capabilities", "des capacités WMTS")
    access = PRIVATE if _is_private(root) else FREE
    web_map_tile_service = _owslib("owslib.wmts", "WebMapTileService")
    try:
        service = web_map_tile_service("https://data.geopf.fr/wmts", xml=data)
    except Exception as error:  # OWSLib raises anything from KeyError to AttributeError on odd documents
        raise CapabilitiesError(f"capacités WMTS illisibles par OWSLib ({_one_line(repr(error))})") from None
    set_crs = {name: _crs(tms.crs) for name, tms in service.tilematrixsets.items()}
    layers = []
    for name, layer in service.contents.items():
        sets = tuple(layer.tilematrixsetlinks)
        styles = [(style, bool(info.get("isDefault"))) for style, info in (layer.styles or {}).items()]
        layers.append(LayerFacts(
            service="wmts", name=name, access=access, title=_text(layer.title) or name,
            abstract=_text(layer.abstract), bbox=_bbox(layer.boundingBoxWGS84),
            styles=tuple(_default_first(styles)), tile_matrix_sets=sets,
            crs=set_crs.get(sets[0], "") if sets else "", formats=tuple(layer.formats or ()), evidence=evidence,
            crs_options=_options(set_crs.get(s, "") for s in sets),
        ))
    return ServiceFacts("wmts", layers)


def _default_first(styles: list[tuple[str, bool]]) -> list[str]:
    return [name for name, default in styles if default] + [name for name, default in styles if not default]


# --- WMS -----------------------------------------------------------------------------------------------


def wms_service_of(root: etree._Element) -> str:
    """wms-r or wms-v, from the service's own address (both answer WMS_Capabilities)."""
    href = root.findtext("wms:Service/wms:OnlineResource", namespaces=NS) or ""
    resource = root.find("wms:Service/wms:OnlineResource", NS)
    if resource is not None:
        href = resource.get("{http://www.w3.org/1999/xlink}href", "")
    return "wms-v" if "/wms-v" in href or "/v/wms" in href else "wms-r"


def parse_wms(data: bytes, evidence: str = "") -> ServiceFacts:
    """WMS 1.3.0 capabilities of the raster (`wms-r`) or vector (`wms-v`) service."""
    root = _xml_root(data)
    _expect(root, "WMS_Capabilities", "des capacités WMS 1.3.0")
    service_key = wms_service_of(root)
    access = PRIVATE if _is_private(root) else FREE
    web_map_service = _owslib("owslib.wms", "WebMapService")
    try:
        service = web_map_service("https://data.geopf.fr/wms-r/wms", xml=data, version="1.3.0")
        formats = tuple(service.getOperationByName("GetMap").formatOptions)
    except Exception as error:
        raise CapabilitiesError(f"capacités WMS illisibles par OWSLib ({_one_line(repr(error))})") from None
    first_crs = _first_crs_in_document_order(root)  # OWSLib keeps CRS options in a set: order is lost
    layers = []
    for name, layer in service.contents.items():
        if not name:
            continue
        offered = {_crs(c) for c in layer.crsOptions or ()}
        crs = WEB_MERCATOR if WEB_MERCATOR in offered else _crs(first_crs.get(name, ""))
        metadata = next((m.get("url") for m in layer.metadataUrls or () if m.get("url")), "")
        layers.append(LayerFacts(
            service=service_key, name=name, access=access, title=_text(layer.title) or name,
            abstract=_text(layer.abstract), bbox=_bbox(layer.boundingBoxWGS84), styles=tuple(layer.styles or ()),
            crs=crs, formats=formats, metadata_url=metadata or "", evidence=evidence,
            crs_options=_options([crs, *sorted(offered)]),
        ))
    return ServiceFacts(service_key, layers)


def _first_crs_in_document_order(root: etree._Element) -> dict[str, str]:
    first: dict[str, str] = {}

    def walk(layer: etree._Element, inherited: str) -> None:
        own = layer.findtext("wms:CRS", namespaces=NS) or inherited
        name = layer.findtext("wms:Name", namespaces=NS)
        if name:
            first.setdefault(name, own)
        for child in layer.iterfind("wms:Layer", NS):
            walk(child, own)

    for top in root.iterfind("wms:Capability/wms:Layer", NS):
        walk(top, "")
    return first


def prefer_wms_formats(wms: list[LayerFacts], wmts: list[LayerFacts]) -> list[LayerFacts]:
    """Put each WMS layer's default format first: its WMTS twin's tile format, else PNG.

    GPF tiles photographs and scanned maps as JPEG (opaque, several times lighter) and the rest as PNG
    (transparent overlays); a WMS request for the same layer is best served the same way.
    """
    twin_format = {  # only picture formats: a WMTS elevation layer tiled as image/x-bil is data, not a picture
        layer.name: layer.formats[0] for layer in wmts if layer.formats and layer.formats[0] in WMS_PICTURE_FORMATS
    }
    out = []
    for layer in wms:
        wanted = twin_format.get(layer.name, PREFERRED_WMS_FORMAT)
        if wanted in layer.formats and layer.formats[0] != wanted:
            layer = replace(layer, formats=(wanted,) + tuple(f for f in layer.formats if f != wanted))
        out.append(layer)
    return out


# --- WFS -----------------------------------------------------------------------------------------------


def parse_wfs(data: bytes, evidence: str = "") -> ServiceFacts:
    """WFS 2.0.0 capabilities; lxml reads what OWSLib 0.27 cannot (a FeatureTypeList-only document)."""
    root = _xml_root(data)
    _expect(root, "WFS_Capabilities", "des capacités WFS")
    try:
        return _parse_wfs_owslib(data, evidence)
    except Exception as error:
        facts = _parse_wfs_lxml(root, evidence)
        facts.note = f"lu avec lxml : OWSLib a échoué ({_one_line(type(error).__name__ + ': ' + str(error), 120)})"
        return facts


def _options(codes) -> tuple[str, ...]:
    """Distinct CRS codes, in order, without blanks."""
    return tuple(dict.fromkeys(code for code in codes if code))


# The CRSs a project in France or its overseas territories uses: Lambert 93 and the nine conic conformal zones
# (RGF93), RGF93 and WGS 84 geographic, ETRS89 (LAEA Europe), Web Mercator, the old NTF Lambert II étendu,
# and the legal CRSs of the overseas départements (UTM zones of RGAF09, RGFG95, RGR92, RGM04, RGSPM06).
# A layer's `crs_options` keeps those it offers: WMS-R lists 166 codes per layer, most of them foreign.
FRENCH_CRS = frozenset({
    "EPSG:2154", "EPSG:3942", "EPSG:3943", "EPSG:3944", "EPSG:3945", "EPSG:3946", "EPSG:3947", "EPSG:3948",
    "EPSG:3949", "EPSG:3950", "EPSG:4171", "EPSG:4326", "EPSG:4258", "EPSG:3035", "EPSG:3857", "EPSG:27572",
    "EPSG:5490", "EPSG:2972", "EPSG:2975", "EPSG:4471", "EPSG:4467", "EPSG:32620", "EPSG:32622", "EPSG:32738",
    "EPSG:32740", "EPSG:4559",
})


def french_crs_options(crs: str, options) -> tuple[str, ...]:
    """The layer's CRS first, then the other French CRSs it offers (see FRENCH_CRS)."""
    return _options([crs] + [code for code in options if code in FRENCH_CRS])


# GPF's WFS is a GeoServer (its 2023 beta address was wfs.geopf.fr/geoserver/ows): GeoServer reprojects features
# to the srsName a GetFeature asks for (docs.geoserver.org, WFS vendor parameters, "Reprojection"), while GPF's
# capabilities name only each type's DefaultCRS. The catalogue offers the CRSs a French project uses: Lambert 93
# for a layer over metropolitan France, WGS 84 and Web Mercator for every layer.
WFS_REPROJECTED = (WGS84, WEB_MERCATOR)
LAMBERT93 = "EPSG:2154"
METROPOLITAN_FRANCE = (-5.5, 41.0, 10.0, 51.5)  # west, south, east, north (Lambert 93's area of use, roughly)


def _wfs_options(codes: list[str], bbox: tuple[float, float, float, float] | None) -> tuple[str, ...]:
    """The layer's own CRSs (default first, as `_wfs_crs` picks it), then the ones GeoServer reprojects to."""
    own = [_crs(c) for c in codes if c]
    extra = list(WFS_REPROJECTED)
    if bbox is not None:
        west, south, east, north = bbox
        f_west, f_south, f_east, f_north = METROPOLITAN_FRANCE
        if west < f_east and east > f_west and south < f_north and north > f_south:
            extra.insert(0, LAMBERT93)
    return _options([_wfs_crs(codes)] + own + extra)


def _wfs_crs(crs_codes: list[str]) -> str:
    codes = [_crs(c) for c in crs_codes if c]
    return WGS84 if WGS84 in codes else (codes[0] if codes else WGS84)


def _parse_wfs_owslib(data: bytes, evidence: str) -> ServiceFacts:
    service = _owslib("owslib.wfs", "WebFeatureService")("https://data.geopf.fr/wfs/ows", xml=data, version="2.0.0")
    layers = []
    for name, feature_type in service.contents.items():
        codes = [crs.getcode() for crs in feature_type.crsOptions or ()]
        metadata = next((m.get("url") for m in feature_type.metadataUrls or () if m.get("url")), "")
        layers.append(LayerFacts(
            service="wfs", name=name, title=_text(feature_type.title) or name,
            abstract=_text(feature_type.abstract), bbox=_bbox(feature_type.boundingBoxWGS84), crs=_wfs_crs(codes),
            metadata_url=metadata or "", evidence=evidence,
            crs_options=_wfs_options(codes, _bbox(feature_type.boundingBoxWGS84)),
            keywords=_options(_text(k) for k in feature_type.keywords or ()),
        ))
    return ServiceFacts("wfs", layers, OWSLIB)


def _parse_wfs_lxml(root: etree._Element, evidence: str) -> ServiceFacts:
    layers = []
    for feature_type in root.iterfind(".//wfs:FeatureTypeList/wfs:FeatureType", NS):
        name = (feature_type.findtext("wfs:Name", namespaces=NS) or "").strip()
        if not name:
            continue
        codes = [e.text or "" for e in feature_type.iterfind("wfs:DefaultCRS", NS)]
        codes += [e.text or "" for e in feature_type.iterfind("wfs:OtherCRS", NS)]
        lower = feature_type.findtext("ows:WGS84BoundingBox/ows:LowerCorner", namespaces=NS) or ""
        upper = feature_type.findtext("ows:WGS84BoundingBox/ows:UpperCorner", namespaces=NS) or ""
        metadata = feature_type.find("wfs:MetadataURL", NS)
        layers.append(LayerFacts(
            service="wfs", name=name, title=_text(feature_type.findtext("wfs:Title", namespaces=NS)) or name,
            abstract=_text(feature_type.findtext("wfs:Abstract", namespaces=NS)),
            bbox=_bbox((lower + " " + upper).split()), crs=_wfs_crs(codes),
            metadata_url=(metadata.get("{http://www.w3.org/1999/xlink}href", "") if metadata is not None else ""),
            evidence=evidence, crs_options=_wfs_options(codes, _bbox((lower + " " + upper).split())),
            keywords=_options(_text(k.text) for k in feature_type.iterfind("ows:Keywords/ows:Keyword", NS)),
        ))
    return ServiceFacts("wfs", layers, LXML)


# --- TMS (vector tiles) --------------------------------------------------------------------------------


@dataclass(frozen=True)
class TileMapRef:
    """One TileMap listed by the TMS root."""

    name: str
    title: str
    extension: str
    href: str


def parse_tms_root(data: bytes) -> list[TileMapRef]:
    """The TMS root `https://data.geopf.fr/tms/1.0.0/` (lxml: see the module docstring)."""
    root = _xml_root(data)
    _expect(root, "TileMapService", "la racine TMS")
    refs = []
    for tile_map in root.iter("{*}TileMap"):
        href = tile_map.get("href") or ""
        name = PurePosixPath(href.rstrip("/")).name
        if name:
            refs.append(TileMapRef(name, _text(tile_map.get("title")), (tile_map.get("extension") or "").lower(), href))
    return refs


def parse_tms_tilemap(data: bytes, evidence: str = "") -> LayerFacts:
    """One TileMap: title, zoom levels, extent and the style documents GPF links to the layer."""
    root = _xml_root(data)
    _expect(root, "TileMap", "un TileMap TMS")
    tile_sets = root.findall("{*}TileMap/{*}TileSet") or root.findall(".//{*}TileSet")
    name = ""
    for tile_set in tile_sets:
        parts = (tile_set.get("href") or "").rstrip("/").split("/")
        name = parts[-2] if len(parts) >= 2 else ""
        break
    orders = sorted(int(t.get("order")) for t in tile_sets if (t.get("order") or "").isdigit())
    urls = [e.get("href") or "" for e in root.iter("{*}Metadata")]
    styles = [url for url in urls if "/vectorTiles/styles/" in url and url.endswith(".json")]
    default = [url for url in styles if PurePosixPath(url).stem == TMS_STYLE_DEFAULT]
    box = root.find("{*}BoundingBox")
    bbox = None
    if box is not None:
        try:
            corners = [float(box.get(k)) for k in ("minx", "miny", "maxx", "maxy")]
        except (TypeError, ValueError):
            corners = []
        crs = _crs(box.get("CRS") or box.get("SRS") or root.findtext("{*}SRS") or "")
        if corners and crs == WEB_MERCATOR:
            bbox = _mercator_to_wgs84(*corners)
        elif corners and crs == WGS84:
            bbox = tuple(corners)
    return LayerFacts(
        service="tms", name=name, title=_text(root.findtext("{*}Title")) or name,
        abstract=_text(root.findtext("{*}Abstract")), bbox=bbox,
        styles=tuple(PurePosixPath(u).stem for u in default + [u for u in styles if u not in default]),
        style_urls=tuple(default + [u for u in styles if u not in default]),
        zoom=(orders[0], orders[-1]) if orders else None, crs=WEB_MERCATOR, evidence=evidence,
    )


def _mercator_to_wgs84(minx: float, miny: float, maxx: float, maxy: float) -> tuple[float, float, float, float]:
    import math

    radius = 6378137.0

    def lat(y: float) -> float:
        return math.degrees(2 * math.atan(math.exp(y / radius)) - math.pi / 2)

    def lon(x: float) -> float:
        return max(-180.0, min(180.0, math.degrees(x / radius)))

    return (round(lon(minx), 6), round(lat(miny), 6), round(lon(maxx), 6), round(lat(maxy), 6))


# --- IGN's services list (themes) ----------------------------------------------------------------------


@dataclass(frozen=True)
class ListedLayer:
    """One row of IGN's services list: service (wmts, wms, wms-r, wms-v, wfs, tms), theme, layer name."""

    service: str
    theme: str
    name: str


def _fold(text: str) -> str:
    return fold(text).strip()  # catalog/text.py: the plugin's one accent folding


def _listed_service(value: str) -> str:
    value = _fold(value).replace("-", " ").replace("_", " ")
    if "wmts" in value:
        return "wmts"
    if "wfs" in value:
        return "wfs"
    if "tms" in value or "tuile" in value:
        return "tms"
    if "wms" in value:
        if "raster" in value or value.endswith(" r"):
            return "wms-r"
        if "vect" in value or value.endswith(" v"):
            return "wms-v"
        return "wms"
    return ""


_LIST_COLUMNS = {
    "service": ("service", "type de service", "protocole"),
    "theme": ("key", "thematique", "theme", "cle thematique", "cle"),
    "name": ("layer", "nom technique", "name", "couche", "identifiant"),
}


def _list_columns(header_line: str, delimiter: str) -> dict[str, int] | None:
    header = [_fold(h) for h in next(csv.reader([header_line], delimiter=delimiter))]
    columns = {key: next((header.index(n) for n in names if n in header), None) for key, names in _LIST_COLUMNS.items()}
    return None if None in columns.values() else columns  # type: ignore[return-value]


def _decode_list(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")  # the live services.csv is latin-1


def _list_header(text: str) -> tuple[str, dict[str, int] | None]:
    first = text.split("\n", 1)[0].strip("\r")
    delimiter = ";" if first.count(";") > first.count(",") else ","
    return delimiter, (_list_columns(first, delimiter) if first.strip() else None)


def parse_services_list(data: bytes) -> list[ListedLayer]:
    """IGN's services list: the recorded `service,key,layer` (UTF-8) or the live `services.csv`
    (latin-1, `;`, columns Service;Thématique;Nom technique...). Raises CapabilitiesError if neither."""
    text = _decode_list(data)
    if not text.strip():
        raise CapabilitiesError("liste des services vide")
    delimiter, columns = _list_header(text)
    if columns is None:
        raise CapabilitiesError("liste des services sans colonnes service, thématique et nom de couche")
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    next(reader)
    rows = []
    width = max(columns.values())
    for record in reader:
        if len(record) <= width:
            continue
        service = _listed_service(record[columns["service"]])
        name = record[columns["name"]].strip()
        if service and name:
            rows.append(ListedLayer(service, _fold(record[columns["theme"]]), name))
    if not rows:
        raise CapabilitiesError("liste des services sans aucune couche reconnue")
    return rows


def looks_like_services_list(data: bytes) -> bool:
    """A CSV whose header names a service, a theme and a layer column (either format of the list).

    Any other file (a zip, a binary, a NUL byte that the csv module refuses) is not one: never an error."""
    head = data[:2000].rsplit(b"\n", 1)[0] if b"\n" in data[:2000] else data
    try:
        return _list_header(_decode_list(head))[1] is not None
    except csv.Error:
        return False


# --- private layers (IGN's configuration of the non-free SCAN layers) ----------------------------------


def parse_private_config(data: bytes, evidence: str = "") -> list[LayerFacts]:
    """Non-free layers under `data.geopf.fr/private`, from IGN's per-key configuration JSON."""
    try:
        config = json.loads(data.decode("utf-8"))
        entries = config["layers"].items()
    except (ValueError, KeyError, AttributeError, TypeError) as error:
        raise CapabilitiesError(f"configuration des couches privées illisible ({_one_line(str(error))})") from None
    layers = []
    for key, layer in entries:
        service = {"GEOPORTAIL:OGC:WMTS": "wmts", "GEOPORTAIL:OGC:WMS": "wms-r"}.get(key.split("$", 1)[-1])
        urls = (layer.get("serviceParams") or {}).get("serverUrl") or {}
        if not service or not any("/private/" in str(url) for url in urls.values()):
            continue
        wmts = layer.get("wmtsOptions") or {}
        projection = _crs(layer.get("defaultProjection", ""))
        styles = [(s["name"], bool(s.get("current"))) for s in layer.get("styles", [])]
        box = ((layer.get("globalConstraint") or {}).get("bbox")) or {}
        bbox = _bbox([box.get("left"), box.get("bottom"), box.get("right"), box.get("top")])
        layers.append(LayerFacts(
            service=service, name=layer["name"], access=PRIVATE, title=_text(layer.get("title")) or layer["name"],
            abstract=_text(re.sub(r"<[^>]+>", " ", layer.get("description") or "")), bbox=bbox,
            styles=tuple(_default_first(styles)),
            tile_matrix_sets=(wmts["tileMatrixSetLink"],) if wmts.get("tileMatrixSetLink") else (),
            crs=projection if service == "wmts" else WEB_MERCATOR,
            formats=tuple(_default_first([(f["name"], bool(f.get("current"))) for f in layer.get("formats", [])])),
            evidence=evidence,
        ))
    return layers
