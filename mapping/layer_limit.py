"""IGN's two-layer limit: since 2026-06-15 a WMS (vector or raster) or WFS request to the Géoplateforme may name
at most two layers.

QGIS writes one `layers=`/`styles=` pair per sublayer of a WMS layer, and asks for all of them in one GetMap:
a migrated source that names three sublayers gets nothing but an error from GPF. The engine cannot fix that by
itself (one QGIS layer would have to become several), so the wrapper in mapping/replacements.py warns, and
`split_source` gives the sources of one QGIS layer per sublayer, which the dialog offers to create
(bascule/project_bascule.split_layer). Pure Python: the syntaxes are the ones of mapping/provider_uri.py.
"""

from __future__ import annotations

import re
from urllib.parse import quote, unquote

from .engine import SERVICE_LABELS, provider_syntax
from .messages import Message, msg
from .provider_uri import DataSourceUri, EncodedUri, UrlParts, is_url

MAX_LAYERS = 2
#: The GPF services that refuse a request naming more than MAX_LAYERS layers.
LIMITED_SERVICES = ("wms-v", "wms-r", "wfs")
#: Parameters of the wms provider that QGIS repeats once per sublayer, in the sublayers' order.
PER_SUBLAYER = ("layers", "styles", "opacities")
_QUERY_SAFE = "/:?@!$'()*,;~-._"  # as provider_uri: QUrlQuery leaves these readable
_TYPENAME = re.compile(r"(?i)(?<=[?&])(typenames?)=([^&#]*)")


def limit_warning(count: int, service: str) -> Message:
    """What a user reads on a source that names too many layers, with the fix."""
    return msg(
        "la Géoplateforme accepte au plus deux couches par requête {service} : cette source en nomme {count} ; "
        "séparez-la en une couche QGIS par sous-couche",
        service=SERVICE_LABELS.get(service, service), count=count,
    )


def layer_names(provider: str, source: str) -> list[str]:
    """The sublayers (WMS) or feature types (WFS) one source names, in order; [] for other sources."""
    syntax = provider_syntax(provider)
    if syntax == "wms":
        if is_url(source):
            return _split_names(UrlParts(source).param("layers") or "")
        uri = EncodedUri(source)
        if uri.get("type") == "xyz" or uri.get("tileMatrixSet") is not None:
            return [uri.get("layers")] if uri.get("layers") else []
        return [name for value in uri.get_all("layers") for name in _split_names(value)]
    if syntax == "wfs":
        if is_url(source):
            parts = UrlParts(source)
            return _split_names(parts.param("typename") or parts.param("typenames") or "")
        uri = DataSourceUri(source)
        return _split_names(uri.get("typename") or "") if uri.parsed else []
    return []


def _split_names(value: str) -> list[str]:
    return [name.strip() for name in value.split(",") if name.strip()]


def service_of(provider: str, source: str, service: str = "") -> str:
    """The GPF service a source reads (given, or read from its data.geopf.fr address): wms-v, wms-r, wfs, or ""."""
    if service:
        return service
    lowered = unquote(source).lower()
    if "data.geopf.fr/" not in lowered:
        return ""
    if provider_syntax(provider) == "wfs":
        return "wfs"
    for name in ("wms-v", "wms-r"):
        if f"data.geopf.fr/{name}" in lowered or f"data.geopf.fr/private/{name}" in lowered:
            return name
    return ""


def over_limit(provider: str, source: str, service: str = "") -> bool:
    """True when a WMS-V, WMS-R or WFS source names more layers than one GPF request may."""
    return service_of(provider, source, service) in LIMITED_SERVICES and len(layer_names(provider, source)) > MAX_LAYERS


def split_source(provider: str, source: str) -> list[str]:
    """One source per sublayer (each with its own style), or [source] when there is nothing to split.

    Every other parameter keeps its exact text, so each new source reads like the original one.
    """
    syntax = provider_syntax(provider)
    if syntax == "wms" and not is_url(source):
        return _split_wms(source)
    if syntax == "wfs":
        return _split_wfs(source)
    return [source]


def _split_wms(source: str) -> list[str]:
    uri = EncodedUri(source)
    if uri.get("type") == "xyz" or uri.get("tileMatrixSet") is not None:
        return [source]
    items = [part.partition("=") for part in source.split("&")] if source else []
    layer_items = [value for key, _, value in items if key == "layers"]
    if len(layer_items) > 1:  # QGIS's form: one layers=/styles= pair per sublayer
        count = len(layer_items)
        sources = []
        for index in range(count):
            seen = {key: 0 for key in PER_SUBLAYER}
            kept = []
            for key, sep, value in items:
                if key in PER_SUBLAYER:
                    position = seen[key]
                    seen[key] += 1
                    if position != index:
                        continue
                kept.append(key + sep + value)
            if seen["styles"] <= index:  # fewer styles than layers: the default style
                kept.append("styles=")
            sources.append("&".join(kept))
        return sources
    if len(layer_items) == 1 and len(layer_names("wms", source)) > 1:  # one layers=a,b,c (hand-written)
        names = layer_names("wms", source)
        per_key = {key: _split_names_keep_empty(uri.get(key) or "") for key in PER_SUBLAYER if key != "layers"}
        sources = []
        for index, name in enumerate(names):
            kept = []
            for key, sep, value in items:
                if key == "layers":
                    value = quote(name, safe=_QUERY_SAFE)
                elif key in per_key:
                    values = per_key[key]
                    value = quote(values[index] if index < len(values) else "", safe=_QUERY_SAFE)
                kept.append(key + sep + value)
            sources.append("&".join(kept))
        return sources
    return [source]


def _split_names_keep_empty(value: str) -> list[str]:
    return [name.strip() for name in value.split(",")]


def _split_wfs(source: str) -> list[str]:
    names = layer_names("wfs", source)
    if len(names) < 2:
        return [source]
    if is_url(source):
        return [_TYPENAME.sub(lambda found, n=name: f"{found.group(1)}={quote(n, safe=':')}", source, count=1)
                for name in names]
    sources = []
    for name in names:
        uri = DataSourceUri(source)
        uri.set("typename", name)
        sources.append(str(uri))
    return sources
