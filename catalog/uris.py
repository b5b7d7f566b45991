"""QGIS data sources for GPF layers, written the way QGIS itself writes them.

Keys are sorted as QgsDataSourceUri.encodedUri sorts them (QMultiMap: code-unit order, so
`IgnoreGetMapUrl` comes first) and values are percent-encoded by `mapping.provider_uri.EncodedUri`,
the class the engine edits sources with: a catalogue source and a migrated source read the same.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from urllib.parse import quote

from ..mapping.provider_uri import DataSourceUri, EncodedUri
from ..mapping.registry import REGISTRY_DIR
from .capabilities import DEFAULT_VT_ZOOM, LayerFacts
from .entry import CatalogEntry

PROVIDERS = {"wmts": "wms", "wms-r": "wms", "wms-v": "wms", "wfs": "WFS", "tms": "vectortile"}


@lru_cache(maxsize=1)
def _service_urls() -> dict[str, tuple[str, str]]:
    """The GPF addresses the engine also uses (mapping/registry/gpf_services.csv): one list of endpoints."""
    with (REGISTRY_DIR / "gpf_services.csv").open(encoding="utf-8", newline="") as handle:
        return {row["service"]: (row["free_url"], row["private_url"]) for row in csv.DictReader(handle)}


def service_url(service: str, private: bool = False) -> str:
    free, restricted = _service_urls()[service]
    return restricted if private else free


def _encoded(params: dict[str, str]) -> str:
    uri = EncodedUri("")
    for key in sorted(params):
        uri.set(key, params[key])
    return str(uri)


def layer_uri(layer: LayerFacts) -> tuple[str, str]:
    """(provider key, data source) that loads the layer with what GPF links to it."""
    service = layer.service
    if service == "wmts":
        params = {
            "contextualWMSLegend": "0", "crs": layer.crs or "EPSG:3857", "dpiMode": "7", "featureCount": "10",
            "format": layer.formats[0] if layer.formats else "image/png", "layers": layer.name,
            "styles": layer.styles[0] if layer.styles else "",
            "tileMatrixSet": layer.tile_matrix_sets[0] if layer.tile_matrix_sets else "",
            "url": service_url("wmts", layer.private) + "?SERVICE=WMTS&REQUEST=GetCapabilities",
        }
    elif service in ("wms-r", "wms-v"):
        params = {
            "contextualWMSLegend": "0", "crs": layer.crs or "EPSG:3857", "dpiMode": "7", "featureCount": "10",
            "format": layer.formats[0] if layer.formats else "image/png", "layers": layer.name, "styles": "",
            "url": service_url(service, layer.private),
        }
    elif service == "wfs":
        uri = DataSourceUri("")
        for key, value in (
            ("pagingEnabled", "true"), ("preferCoordinatesForWfsT11", "false"), ("restrictToRequestBBOX", "1"),
            ("srsname", layer.crs or "EPSG:4326"), ("typename", layer.name),
            ("url", service_url("wfs", layer.private)), ("version", "auto"),
        ):
            uri.set(key, value)
        return "WFS", str(uri)
    elif service == "tms":
        low, high = layer.zoom or DEFAULT_VT_ZOOM
        params = {
            "type": "xyz", "zmin": str(low), "zmax": str(high),
            "url": service_url("tms", layer.private) + quote(layer.name, safe=".-_") + "/{z}/{x}/{y}.pbf",
        }
        if layer.style_urls:
            params["styleUrl"] = layer.style_urls[0]
    else:
        raise ValueError(f"unknown GPF service {service!r}")
    if layer.private:
        params["IgnoreGetMapUrl"] = "1"  # tiles go to the address that will carry the user's key
    return PROVIDERS[service], _encoded(params)


def entry_uri(entry: CatalogEntry, preferred_crs: str = "") -> str:
    """The entry's data source, a WFS layer asked in `preferred_crs` (the project's CRS) when the service offers
    it (`entry.crs_options`): a Lambert-93 project gets BD TOPO in EPSG:2154, not in the EPSG:4326 GPF lists
    first. Any other entry, or a CRS the service does not offer, keeps `entry.uri`."""
    wanted = (preferred_crs or "").strip().upper()
    if entry.service != "wfs" or not wanted or wanted == entry.crs.upper():
        return entry.uri
    if wanted not in (code.upper() for code in entry.crs_options):
        return entry.uri
    uri = DataSourceUri(entry.uri)
    if not uri.parsed or uri.get("srsname") is None:
        return entry.uri
    uri.set("srsname", wanted)
    return str(uri)
