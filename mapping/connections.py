"""Saved connections exported by QGIS (Settings ▸ Manage connections ▸ Export) and how they migrate.

A connection is not a layer: it holds a service URL (and for vector tiles a style URL), not a full data
source. We present it to the engine as the data source QGIS would build from it, take the URL back from
the engine's answer, and drop credentials the free Géoplateforme services neither need nor accept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, unquote

from lxml import etree

from .outcome import Migrator, SourceOutcome
from .provider_uri import CREDENTIAL_PARAMS
from .qgis_xml import Change, set_attribute
from .result import MIGRATED

# What QGIS's percent-encoding of a URI parameter keeps as is (the rest, notably `=` and `&`, is encoded).
_SAFE = "/:?@!$'()*,;~"
_CREDENTIALS = CREDENTIAL_PARAMS
_WFS_URL = re.compile(r"""(?:^|\s)url='((?:[^'\\]|\\.)*)'|(?:^|\s)url=([^\s']+)""")


@dataclass(frozen=True)
class _Kind:
    provider: str
    xyz: bool = False
    style: bool = False


# Element tags of each export, lower-cased.
_KINDS = {
    "wms": _Kind("wms"),
    "wfs": _Kind("WFS"),
    "xyztiles": _Kind("wms", xyz=True),
    "xyz": _Kind("wms", xyz=True),
    "vectortile": _Kind("vectortile", xyz=True, style=True),
}


def encode_param(value: str) -> str:
    return quote(value, safe=_SAFE)


def decode_params(source: str) -> dict[str, str]:
    """The `key=value&...` parameters of a provider URI (wms, vectortile), first occurrence wins."""
    params: dict[str, str] = {}
    for part in source.split("&"):
        key, sep, value = part.partition("=")
        if sep and key not in params:
            params[key] = unquote(value)
    return params


def source_for(kind: _Kind, element: etree._Element) -> str:
    """The data source QGIS would build from a saved connection, as the engine expects it."""
    url = element.get("url", "")
    if kind.provider == "WFS":
        escaped = url.replace("\\", "\\\\").replace("'", "\\'")
        return f"url='{escaped}'"
    if not kind.xyz:
        return "url=" + encode_param(url)
    params = {"type": "xyz", "url": url}
    if kind.style and element.get("styleUrl"):
        params["styleUrl"] = element.get("styleUrl")
    for zoom in ("zmax", "zmin"):
        if element.get(zoom):
            params[zoom] = element.get(zoom)
    # QGIS writes parameters sorted by name (case-sensitive), as in `styleUrl=...&type=xyz&url=...`.
    return "&".join(f"{key}={encode_param(params[key])}" for key in sorted(params))


def attributes_from(kind: _Kind, source: str) -> dict[str, str]:
    """The connection attributes carried by an engine answer (url, and styleUrl/zoom for tiles)."""
    if kind.provider == "WFS":
        match = _WFS_URL.search(source)
        if not match:
            return {}
        if match.group(1) is not None:
            return {"url": re.sub(r"\\(.)", r"\1", match.group(1))}
        return {"url": match.group(2)}
    params = decode_params(source)
    wanted = ("url", "styleUrl", "zmin", "zmax") if kind.xyz else ("url",)
    return {key: params[key] for key in wanted if key in params}


def rewrite_connections(root: etree._Element, migrate: Migrator) -> tuple[list[SourceOutcome], list[Change]]:
    """Rewrite every connection of an export in place. Returns the outcomes and the changed values."""
    outcomes: list[SourceOutcome] = []
    changes: list[Change] = []
    for index, element in enumerate(root):
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions
        kind = _KINDS.get(element.tag.lower())
        if kind is None or element.get("url") is None:
            continue
        old = source_for(kind, element)
        migration = migrate(kind.provider, old)
        name = element.get("name", "")
        outcomes.append(SourceOutcome.from_migration(f"{element.tag}[{index}]", name, kind.provider, migration))
        if migration.new_source == old:
            continue
        for attribute, value in attributes_from(kind, migration.new_source).items():
            if attribute == "styleUrl" and not kind.style:
                continue
            if attribute in ("zmin", "zmax") and element.get(attribute) is None:
                continue  # zoom bounds are only updated, never added
            if element.get(attribute) != value:
                set_attribute(changes, element, attribute, value)
        if migration.status == MIGRATED:
            for attribute in _CREDENTIALS:
                if element.get(attribute):
                    set_attribute(changes, element, attribute, "")
    return outcomes, changes
