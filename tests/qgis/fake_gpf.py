"""A loopback stand-in for data.geopf.fr that serves the recorded GPF documents (tests and tools use it).

QGIS decides whether a WMTS/WMS/WFS layer is valid by reading the service's capabilities, so the only
honest way to check a migrated project without the real network is to let QGIS ask `data.geopf.fr` and
answer with what GPF really answered. A request pre-processor (QGIS >= 3.22) rewrites every http(s) request
QGIS makes to a local pytest-httpserver, which answers in GPF's place and refuses what GPF would refuse:
a WMTS tile in a style or TileMatrixSet the capabilities do not link to the layer (QGIS itself accepts such a
layer, only the server turns its tiles down), a WMS-R GetMap in 1.1.1 or with more than two layers, a WFS
filter on `the_geom`. Requests to any other host (wxs.ign.fr, OSM...) get HTTP 503, as if offline, and are
logged, so a test can assert that a migrated project no longer calls the old services.

What is recorded and what is made up here:
- WMTS (`/wmts`), WMS-R (`/wms-r/wms`), WFS GetCapabilities, the WFS ExceptionReport, the DescribeFeatureType of
  ELEVATION.CONTOUR.LINE:courbe, the TMS root and the PLAN.IGN TileMap: recorded documents, served as they are.
  QGIS 3.22's WFS provider accepts the recorded WFS capabilities although it holds only the FeatureTypeList.
- WMS-V capabilities: none was recorded; a minimal WMS 1.3.0 document is generated from IGN's official services
  list (its WMS rows that are not WMS-R layers).
- DescribeFeatureType of other types: generated (a few text fields and a `geom` geometry, the GPF convention).
- Tiles and maps: a plain 256x256 PNG/JPEG; vector tiles: an empty (valid) MVT tile; vector-tile styles: a
  minimal Mapbox GL style, served only for the style URLs the recorded TileMap documents list.
"""

from __future__ import annotations

import csv
import json
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from lxml import etree
from pytest_httpserver import HTTPServer
from qgis.core import QgsNetworkAccessManager
from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice, QUrl
from qgis.PyQt.QtGui import QColor, QImage
from werkzeug import Request, Response

GPF_HOST = "data.geopf.fr"
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}

NS = {
    "wmts": "http://www.opengis.net/wmts/1.0",
    "ows": "http://www.opengis.net/ows/1.1",
    "wms": "http://www.opengis.net/wms",
    "wfs": "http://www.opengis.net/wfs/2.0",
    "xlink": "http://www.w3.org/1999/xlink",
}
XML = "text/xml; charset=UTF-8"
NO_STORE = {"Cache-Control": "no-store"}  # keeps QGIS's network disk cache from answering in the server's place

# Paths under which GPF serves each protocol (the official QGIS connection list uses the short forms).
WMTS_PATHS = {"/wmts"}
WMS_R_PATHS = {"/wms-r", "/wms-r/wms"}
WMS_V_PATHS = {"/wms-v", "/wms-v/ows", "/wms-v/wms"}
WFS_PATHS = {"/wfs", "/wfs/ows", "/wfs/wfs"}
# Geometry of a few well-known types, for generated schemas (QGIS styles a layer by its geometry type).
GEOMETRY_TYPES = {
    "batiment": "gml:MultiSurfacePropertyType",
    "commune": "gml:MultiSurfacePropertyType",
    "departement": "gml:MultiSurfacePropertyType",
    "ban": "gml:PointPropertyType",
    "troncon_de_route": "gml:MultiCurvePropertyType",
}


def _parse_xml(path: Path) -> etree._ElementTree:
    return etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True))


def _image(fmt: str) -> bytes:
    """A plain 256x256 tile, encoded by Qt so that QGIS decodes it without complaint."""
    image = QImage(256, 256, QImage.Format_ARGB32)
    image.fill(QColor(31, 78, 140, 255 if fmt == "JPG" else 128))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    image.save(buffer, fmt)
    buffer.close()
    return bytes(data)


@dataclass
class SeenRequest:
    """One request QGIS made, as the fake server saw it (after the pre-processor redirected it)."""

    host: str
    path: str
    args: dict[str, str]
    status: int = 0
    reason: str = ""

    @property
    def operation(self) -> str:
        return self.args.get("REQUEST", "").lower()


@dataclass
class WmtsLayer:
    styles: set[str]
    matrix_sets: set[str]
    formats: set[str]


@dataclass
class WmsLayer:
    styles: set[str]
    crs: set[str] = field(default_factory=set)


class FakeGpf:
    """The loopback Géoplateforme: routes requests by host and path, checks them like GPF, logs them."""

    def __init__(self, data: Path) -> None:
        caps = data / "capabilities"
        self.data = data
        self.documents: dict[str, bytes] = {
            "wmts": (caps / "gpf_wmts_2024-06-06.xml").read_bytes(),
            "wms-r": (caps / "gpf_wms-r_2024-06-06.xml").read_bytes(),
            "wfs": (caps / "gpf_wfs_2025-06-25.xml").read_bytes(),
            "wfs-exception": (caps / "gpf_wfs_ExceptionReport_2025-06-25.xml").read_bytes(),
            "courbe": (caps / "gpf_wfs_DescribeFeatureType_courbe_2025-06-25.xml").read_bytes(),
            "tms-root": (caps / "gpf_tms_root_TRIMMED.xml").read_bytes(),
            "tms-PLAN.IGN": (caps / "gpf_tms_TileMap_PLAN.IGN.xml").read_bytes(),
        }
        self.wmts_layers, self.wmts_matrices = self._read_wmts(caps / "gpf_wmts_2024-06-06.xml")
        self.wms_r_layers, self.wms_r_formats = self._read_wms(caps / "gpf_wms-r_2024-06-06.xml")
        self.wfs_types = self._read_wfs(caps / "gpf_wfs_2025-06-25.xml")
        self.tms_names = self._read_services_list(data / "mapping" / "gpf_services_by_theme.csv", "TMS")
        wms_v_names = self._read_services_list(data / "mapping" / "gpf_services_by_theme.csv", "WMS")
        self.wms_v_layers = {name: WmsLayer({"normal", ""}) for name in sorted(wms_v_names - set(self.wms_r_layers))}
        self.documents["wms-v"] = self._wms_v_capabilities(sorted(self.wms_v_layers))
        self.vt_styles = self._read_tilemap_styles(caps)
        self.tiles = {"image/png": _image("PNG"), "image/jpeg": _image("JPG")}
        self.requests: list[SeenRequest] = []
        self._lock = threading.Lock()

    # -- reading the recorded documents -------------------------------------------------------------------
    @staticmethod
    def _read_wmts(path: Path) -> tuple[dict[str, WmtsLayer], dict[str, set[str]]]:
        tree = _parse_xml(path)
        matrices = {
            tms.findtext("ows:Identifier", namespaces=NS): {
                m.findtext("ows:Identifier", namespaces=NS) for m in tms.iterfind("wmts:TileMatrix", NS)
            }
            for tms in tree.iterfind("wmts:Contents/wmts:TileMatrixSet", NS)
        }
        layers = {}
        for layer in tree.iterfind("wmts:Contents/wmts:Layer", NS):
            layers[layer.findtext("ows:Identifier", namespaces=NS)] = WmtsLayer(
                styles={s.findtext("ows:Identifier", namespaces=NS) for s in layer.iterfind("wmts:Style", NS)},
                matrix_sets={t.text for t in layer.iterfind("wmts:TileMatrixSetLink/wmts:TileMatrixSet", NS)},
                formats={f.text for f in layer.iterfind("wmts:Format", NS)},
            )
        return layers, matrices

    @staticmethod
    def _read_wms(path: Path) -> tuple[dict[str, WmsLayer], set[str]]:
        tree = _parse_xml(path)
        formats = {f.text for f in tree.iterfind("wms:Capability/wms:Request/wms:GetMap/wms:Format", NS)}
        layers: dict[str, WmsLayer] = {}

        def walk(node: etree._Element, inherited: set[str]) -> None:
            crs = inherited | {c.text for c in node.iterfind("wms:CRS", NS)}
            name = node.findtext("wms:Name", namespaces=NS)
            if name:
                styles = {s.findtext("wms:Name", namespaces=NS) for s in node.iterfind("wms:Style", NS)}
                layers[name] = WmsLayer(styles | {""}, crs)  # an empty STYLES entry means the default style
            for child in node.iterfind("wms:Layer", NS):
                walk(child, crs)

        for top in tree.iterfind("wms:Capability/wms:Layer", NS):
            walk(top, set())
        return layers, formats

    @staticmethod
    def _read_wfs(path: Path) -> set[str]:
        tree = _parse_xml(path)
        return {name.text for name in tree.iterfind(".//wfs:FeatureTypeList/wfs:FeatureType/wfs:Name", NS)}

    @staticmethod
    def _read_services_list(path: Path, service: str) -> set[str]:
        with path.open(encoding="utf-8", newline="") as handle:
            return {row["layer"] for row in csv.DictReader(handle) if row["service"] == service}

    def _read_tilemap_styles(self, caps: Path) -> set[str]:
        """Style paths (below /annexes/ressources/vectorTiles/styles/) that a recorded TileMap links."""
        styles = set()
        for path in caps.glob("gpf_tms_TileMap_*.xml"):
            for meta in _parse_xml(path).iterfind("Metadata"):
                href = urlsplit(meta.get("href", ""))
                if href.hostname == GPF_HOST:
                    styles.add(href.path)
        return styles

    @staticmethod
    def _wms_v_capabilities(names: list[str]) -> bytes:
        """A minimal WMS 1.3.0 capabilities for WMS-V (generated: no recorded document exists)."""
        layers = "".join(
            f"<Layer queryable='1'><Name>{n}</Name><Title>{n}</Title>"
            "<Style><Name>normal</Name><Title>normal</Title></Style></Layer>"
            for n in names
        )
        online = (
            "<DCPType><HTTP><Get><OnlineResource xlink:href='https://data.geopf.fr/wms-v/ows'/></Get></HTTP></DCPType>"
        )
        return (
            "<?xml version='1.0' encoding='UTF-8'?>"
            "<WMS_Capabilities version='1.3.0' xmlns='http://www.opengis.net/wms' "
            "xmlns:xlink='http://www.w3.org/1999/xlink'>"
            "<Service><Name>WMS</Name><Title>GPF WMS-V (generated for tests)</Title>"
            "<OnlineResource xlink:href='https://data.geopf.fr/wms-v/ows'/></Service>"
            "<Capability><Request>"
            f"<GetCapabilities><Format>text/xml</Format>{online}</GetCapabilities>"
            f"<GetMap><Format>image/png</Format><Format>image/jpeg</Format>{online}</GetMap>"
            "</Request><Exception><Format>XML</Format></Exception>"
            "<Layer><Title>GPF WMS-V</Title><CRS>EPSG:3857</CRS><CRS>EPSG:2154</CRS><CRS>EPSG:4326</CRS>"
            "<CRS>CRS:84</CRS><EX_GeographicBoundingBox><westBoundLongitude>-180</westBoundLongitude>"
            "<eastBoundLongitude>180</eastBoundLongitude><southBoundLatitude>-85</southBoundLatitude>"
            "<northBoundLatitude>85</northBoundLatitude></EX_GeographicBoundingBox>"
            f"{layers}</Layer></Capability></WMS_Capabilities>"
        ).encode()

    # -- answering --------------------------------------------------------------------------------------------
    def handle(self, request: Request) -> Response:
        """Entry point for pytest-httpserver: the first path segment is the host QGIS meant to reach."""
        host, _, rest = request.path.lstrip("/").partition("/")
        path = "/" + rest
        args = {key.upper(): value for key, value in request.args.items()}
        seen = SeenRequest(host, path, args)
        if host != GPF_HOST:
            response = self._refuse(seen, 503, "offline: tests never reach the real network")
        else:
            response = self._gpf(seen, path.rstrip("/") or "/")
        seen.status = response.status_code
        with self._lock:
            self.requests.append(seen)
        return response

    def _refuse(self, seen: SeenRequest, status: int, reason: str) -> Response:
        seen.reason = reason
        text = (
            "<?xml version='1.0' encoding='UTF-8'?><ows:ExceptionReport xmlns:ows='http://www.opengis.net/ows/1.1' "
            f"version='2.0.0'><ows:Exception exceptionCode='InvalidParameterValue'><ows:ExceptionText>{reason}"
            "</ows:ExceptionText></ows:Exception></ows:ExceptionReport>"
        )
        return Response(text, status=status, content_type=XML, headers=NO_STORE)

    def _xml(self, document: bytes) -> Response:
        return Response(document, content_type=XML, headers=NO_STORE)

    def _gpf(self, seen: SeenRequest, path: str) -> Response:
        service = seen.args.get("SERVICE", "").upper()
        if path.startswith("/private/"):
            if not seen.args.get("APIKEY"):
                return self._refuse(seen, 403, "private (non-free) service: an apikey is required")
            return self._refuse(seen, 404, "private capabilities were not recorded")
        if path in WMTS_PATHS:
            if service != "WMTS":
                return self._refuse(seen, 400, f"SERVICE={service or '(none)'} on the WMTS endpoint")
            return self._wmts(seen)
        if path in WMS_R_PATHS:
            return self._wms(seen, "wms-r", self.wms_r_layers, self.wms_r_formats, strict_130=True, limit=2)
        if path in WMS_V_PATHS:
            return self._wms(seen, "wms-v", self.wms_v_layers, {"image/png", "image/jpeg"}, strict_130=False)
        if path in WFS_PATHS:
            return self._wfs(seen)
        if path.startswith("/tms/1.0.0"):
            return self._tms(seen, path[len("/tms/1.0.0") :].strip("/"))
        if path in self.vt_styles:
            return Response(json.dumps(self._vt_style(path)), content_type="application/json", headers=NO_STORE)
        return self._refuse(seen, 404, f"nothing recorded at {path}")

    def _wmts(self, seen: SeenRequest) -> Response:
        args = seen.args
        if seen.operation == "getcapabilities":
            return self._xml(self.documents["wmts"])
        if seen.operation != "gettile":
            return self._refuse(seen, 400, f"unsupported WMTS request {seen.operation!r}")
        layer = self.wmts_layers.get(args.get("LAYER", ""))
        if layer is None:
            return self._refuse(seen, 400, f"unknown layer {args.get('LAYER')!r}")
        problems = []
        if args.get("STYLE", "") not in layer.styles:
            problems.append(f"style {args.get('STYLE')!r} not in {sorted(layer.styles)}")
        matrix_set = args.get("TILEMATRIXSET", "")
        if matrix_set not in layer.matrix_sets:
            problems.append(f"TileMatrixSet {matrix_set!r} not in {sorted(layer.matrix_sets)}")
        elif args.get("TILEMATRIX", "") not in self.wmts_matrices.get(matrix_set, set()):
            problems.append(f"TileMatrix {args.get('TILEMATRIX')!r} not in {matrix_set}")
        if args.get("FORMAT", "") not in layer.formats:
            problems.append(f"format {args.get('FORMAT')!r} not in {sorted(layer.formats)}")
        if problems:
            return self._refuse(seen, 400, "; ".join(problems))
        fmt = args["FORMAT"]
        return Response(self.tiles.get(fmt, self.tiles["image/png"]), content_type=fmt, headers=NO_STORE)

    def _wms(
        self,
        seen: SeenRequest,
        name: str,
        layers: dict[str, WmsLayer],
        formats: set[str],
        *,
        strict_130: bool,
        limit: int = 0,
    ) -> Response:
        args = seen.args
        if seen.operation == "getcapabilities":
            return self._xml(self.documents[name])
        if seen.operation not in ("getmap", "getlegendgraphic", "getfeatureinfo"):
            return self._refuse(seen, 400, f"unsupported WMS request {seen.operation!r}")
        if seen.operation != "getmap":
            return Response(self.tiles["image/png"], content_type="image/png", headers=NO_STORE)
        if strict_130 and args.get("VERSION") != "1.3.0":
            return self._refuse(seen, 400, f"{name} answers WMS 1.3.0 only, not {args.get('VERSION')!r}")
        names = args.get("LAYERS", "").split(",")
        styles = args.get("STYLES", "").split(",") if args.get("STYLES") else [""] * len(names)
        problems = [f"unknown layer {n!r}" for n in names if n not in layers]
        if limit and len(names) > limit:
            problems.append(f"{len(names)} layers in one request, LayerLimit is {limit}")
        for layer_name, style in zip(names, styles):
            if layer_name in layers and style not in layers[layer_name].styles:
                problems.append(f"style {style!r} not offered for {layer_name}")
        if args.get("FORMAT", "") not in formats:
            problems.append(f"format {args.get('FORMAT')!r} not offered")
        if problems:
            return self._refuse(seen, 400, "; ".join(problems))
        fmt = args["FORMAT"]
        return Response(self.tiles.get(fmt, self.tiles["image/png"]), content_type=fmt, headers=NO_STORE)

    def _wfs(self, seen: SeenRequest) -> Response:
        args = seen.args
        if seen.operation == "getcapabilities":
            return self._xml(self.documents["wfs"])
        if any("the_geom" in value for value in args.values()):
            return self._refuse(seen, 400, "GPF WFS has no property the_geom (it is geom)")
        names = (args.get("TYPENAMES") or args.get("TYPENAME") or "").split(",")
        unknown = [n for n in names if n not in self.wfs_types]
        if unknown:
            return Response(self.documents["wfs-exception"], status=400, content_type=XML, headers=NO_STORE)
        if seen.operation == "describefeaturetype":
            if names == ["ELEVATION.CONTOUR.LINE:courbe"]:
                return self._xml(self.documents["courbe"])
            return self._xml(self._schema(names))
        if seen.operation == "getfeature":  # an empty collection answers both hits and results
            text = (
                "<?xml version='1.0' encoding='UTF-8'?><wfs:FeatureCollection "
                "xmlns:wfs='http://www.opengis.net/wfs/2.0' xmlns:gml='http://www.opengis.net/gml/3.2' "
                "numberMatched='0' numberReturned='0' timeStamp='2025-06-25T00:00:00Z'>"
                "</wfs:FeatureCollection>"
            )
            return Response(text, content_type="application/gml+xml; version=3.2", headers=NO_STORE)
        return self._refuse(seen, 400, f"unsupported WFS request {seen.operation!r}")

    @staticmethod
    def _schema(names: list[str]) -> bytes:
        """A DescribeFeatureType in GPF's shape (generated): text fields and a `geom` geometry."""
        prefixes = sorted({n.split(":")[0] for n in names})
        xmlns = " ".join(f'xmlns:{p}="http://{p}"' for p in prefixes)
        body = []
        for name in names:
            prefix, local = name.split(":", 1)
            body.append(
                f'<xsd:complexType name="{local}Type"><xsd:complexContent>'
                '<xsd:extension base="gml:AbstractFeatureType"><xsd:sequence>'
                '<xsd:element maxOccurs="1" minOccurs="0" name="cleabs" nillable="true" type="xsd:string"/>'
                '<xsd:element maxOccurs="1" minOccurs="0" name="nature" nillable="true" type="xsd:string"/>'
                '<xsd:element maxOccurs="1" minOccurs="0" name="nom" nillable="true" type="xsd:string"/>'
                '<xsd:element maxOccurs="1" minOccurs="0" name="geom" nillable="true" '
                f'type="{GEOMETRY_TYPES.get(local, "gml:GeometryPropertyType")}"/>'
                "</xsd:sequence></xsd:extension></xsd:complexContent></xsd:complexType>"
                f'<xsd:element name="{local}" substitutionGroup="gml:AbstractFeature" type="{prefix}:{local}Type"/>'
            )
        target = prefixes[0]
        return (
            '<?xml version="1.0" encoding="UTF-8"?>'
            f'<xsd:schema {xmlns} xmlns:gml="http://www.opengis.net/gml/3.2" '
            'xmlns:wfs="http://www.opengis.net/wfs/2.0" xmlns:xsd="http://www.w3.org/2001/XMLSchema" '
            f'elementFormDefault="qualified" targetNamespace="http://{target}">'
            '<xsd:import namespace="http://www.opengis.net/gml/3.2" '
            'schemaLocation="https://data.geopf.fr/wfs/schemas/gml/3.2.1/gml.xsd"/>'
            f"{''.join(body)}</xsd:schema>"
        ).encode()

    def _tms(self, seen: SeenRequest, rest: str) -> Response:
        if not rest:
            return self._xml(self.documents["tms-root"])
        name, _, tile = rest.partition("/")
        if name not in self.tms_names:
            return self._refuse(seen, 404, f"no TMS layer {name!r}")
        if not tile:
            document = self.documents.get(f"tms-{name}")
            return self._xml(document) if document else self._refuse(seen, 404, f"TileMap {name} not recorded")
        if not re.fullmatch(r"\d+/\d+/\d+\.pbf", tile):
            return self._refuse(seen, 404, f"not a vector tile path: {tile}")
        return Response(b"", content_type="application/x-protobuf", headers=NO_STORE)  # an empty MVT tile

    @staticmethod
    def _vt_style(path: str) -> dict:
        """A minimal Mapbox GL style (generated: the real style files were not recorded)."""
        return {
            "version": 8,
            "name": path.rsplit("/", 1)[-1],
            "sources": {
                "plan_ign": {
                    "type": "vector",
                    "tiles": ["https://data.geopf.fr/tms/1.0.0/PLAN.IGN/{z}/{x}/{y}.pbf"],
                    "minzoom": 0,
                    "maxzoom": 18,
                }
            },
            "layers": [
                {"id": "fond", "type": "background", "paint": {"background-color": "#f3f1ed"}},
                {
                    "id": "bati",
                    "type": "fill",
                    "source": "plan_ign",
                    "source-layer": "bati_surf",
                    "paint": {"fill-color": "#d9d0c9"},
                },
            ],
        }

    # -- helpers for tests ---------------------------------------------------------------------------------------
    def clear(self) -> None:
        with self._lock:
            self.requests.clear()

    def seen(self, host: str | None = None) -> list[SeenRequest]:
        with self._lock:
            return [r for r in self.requests if host is None or r.host == host]

    def refused(self) -> list[SeenRequest]:
        """GPF requests the fake server turned down (a wrong style, matrix set, version...)."""
        return [r for r in self.seen(GPF_HOST) if r.status >= 400]

    def old_hosts(self) -> set[str]:
        """Hosts other than GPF that QGIS tried to reach."""
        return {r.host for r in self.seen() if r.host != GPF_HOST}


def redirector(base: str) -> Callable[[object], None]:
    """A QGIS request pre-processor sending every non-loopback http(s) request to the fake server at `base`.

    https://host/path?query becomes BASE/host/path?query, so that the server knows which host QGIS meant.
    """

    def redirect(request) -> None:  # noqa: ANN001 (QNetworkRequest)
        url = request.url()
        if url.scheme() not in ("http", "https") or url.host() in LOOPBACK_HOSTS:
            return
        target = QUrl(base)
        target.setPath(f"/{url.host()}{url.path(QUrl.FullyEncoded)}", QUrl.TolerantMode)
        target.setQuery(url.query(QUrl.FullyEncoded), QUrl.TolerantMode)
        request.setUrl(target)

    return redirect


@contextmanager
def running(data: Path) -> Iterator[tuple[FakeGpf, HTTPServer]]:
    """Start the fake GPF on a free loopback port; stop it on exit."""
    fake = FakeGpf(data)
    server = HTTPServer(host="127.0.0.1", port=0)
    server.expect_request(re.compile(r".*")).respond_with_handler(fake.handle)
    server.start()
    try:
        yield fake, server
    finally:
        server.clear()
        server.stop()


@contextmanager
def redirected(base: str) -> Iterator[None]:
    """Route QGIS's requests to the fake server while the block runs (QgsNetworkAccessManager, QGIS >= 3.22)."""
    processor_id = QgsNetworkAccessManager.setRequestPreprocessor(redirector(base))
    try:
        yield
    finally:
        QgsNetworkAccessManager.removeRequestPreprocessor(processor_id)
