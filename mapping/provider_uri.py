"""Read and edit QGIS data-source strings without disturbing what we do not change.

QGIS writes three syntaxes: the URL-encoded `key=value&key=value` of the wms, xyz and vectortile
providers, the `key='value' key='value'` of QgsDataSourceUri (WFS, databases) with a trailing
`sql=`, and plain URLs (WFS and WMS layers of QGIS 1.x/2.x). Parameters keep their order and their
original encoding unless we set them, so an unchanged source comes back byte for byte.
"""

from __future__ import annotations

import re
from urllib.parse import quote, unquote, urlsplit

from .messages import msg

# QUrlQuery leaves these characters readable in a query value; '&', '=', '+', '#', '%' and braces are encoded.
_QUERY_SAFE = "/:?@!$'()*,;~-._"

# The one list of secret parameter names: the engine drops them from what it sends to GPF, the redaction
# (mapping/redact.py) masks their values. Names compare lower-cased.
#: QGIS's own credentials: provider URI parameters and saved-connection attributes.
CREDENTIAL_PARAMS = ("username", "password", "authcfg")
#: The names a Géoportail (or any service) key takes in a URL query. `key` alone is also QgsDataSourceUri's
#: primary-key column: it is a secret in a URL query only.
KEY_PARAMS = frozenset({"apikey", "api_key", "api-key", "key", "gppkey"})
#: Every name whose value is a secret: keys, tokens, credentials, GDAL's `user:password` (USERPWD).
SECRET_PARAMS = KEY_PARAMS | frozenset(CREDENTIAL_PARAMS) | frozenset(
    {"token", "access_token", "user", "passwd", "pwd", "userpwd",
     # HTTP headers QGIS sends with each request of a wms/WFS/vector-tile source (`http-header:NAME=value`)
     "http-header:authorization", "http-header:x-api-key", "http-header:apikey", "http-header:cookie"}
)
#: Elements of GDAL's inline service descriptions (<GDAL_WMTS>, <GDAL_WMS>) whose text is a secret.
SECRET_ELEMENTS = ("UserPwd",)


def is_secret_param(name: str) -> bool:
    """True for a parameter name that holds a secret (any case, percent-encoded or not)."""
    return unquote(name).strip().lower() in SECRET_PARAMS


class EncodedUri:
    """`key=value&key=value` (QgsDataSourceUri.encodedUri) as an ordered list of raw pairs."""

    def __init__(self, text: str):
        self._items: list[list[str]] = []
        for part in text.split("&") if text else []:
            key, sep, value = part.partition("=")
            self._items.append([key, value if sep else None])

    def keys(self) -> list[str]:
        return [key for key, _ in self._items]

    def get(self, key: str) -> str | None:
        for item_key, value in self._items:
            if item_key == key:
                return _decode(value)
        return None

    def get_all(self, key: str) -> list[str]:
        return [_decode(value) for k, value in self._items if k == key]

    def set(self, key: str, value: str) -> None:
        """Replace the first `key` (or append it); the encoding is only touched when the value changes."""
        for item in self._items:
            if item[0] == key:
                if _decode(item[1]) != value:
                    item[1] = quote(value, safe=_QUERY_SAFE)
                return
        self._items.append([key, quote(value, safe=_QUERY_SAFE)])

    def set_all(self, key: str, values: list[str]) -> None:
        """Replace the successive `key` items (WMS layers/styles lists) in place."""
        positions = [i for i, (k, _) in enumerate(self._items) if k == key]
        for position, value in zip(positions, values):
            if _decode(self._items[position][1]) != value:
                self._items[position][1] = quote(value, safe=_QUERY_SAFE)

    def remove(self, key: str) -> bool:
        before = len(self._items)
        self._items = [item for item in self._items if item[0] != key]
        return len(self._items) != before

    def __str__(self) -> str:
        return "&".join(key if value is None else f"{key}={value}" for key, value in self._items)


def _decode(value: str | None) -> str:
    if value is None:
        return ""
    return unquote(value) if "%" in value else value


_DSURI_TOKEN = re.compile(r"""\s*([A-Za-z_][\w:.-]*)=('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|[^\s'"]*)""")


class DataSourceUri:
    """`key='value' key='value' ... sql=...` (QgsDataSourceUri.uri) with spans kept for surgical edits."""

    def __init__(self, text: str):
        self.text = text
        self._tokens: list[tuple[str, str, int, int]] = []  # key, raw value, start, end
        self.sql: str | None = None
        self._sql_start = len(text)
        position = 0
        while position < len(text):
            found = _DSURI_TOKEN.match(text, position)
            if not found:
                break
            if found.group(1) == "sql":
                self._sql_start = found.start(1)
                self.sql = text[found.start(2):]
                break
            self._tokens.append((found.group(1), found.group(2), found.start(), found.end()))
            position = found.end()
        self._raw: dict[str, str] = {}
        for key, raw, _, _ in reversed(self._tokens):  # the first occurrence wins, as in QGIS
            self._raw[key] = raw
        self._edits: dict[str, str | None] = {}

    @property
    def parsed(self) -> bool:
        """True when the whole string read as key=value tokens (else it is another syntax)."""
        end = self._tokens[-1][3] if self._tokens else 0
        return bool(self._tokens) and (self.sql is not None or not self.text[end:].strip())

    def keys(self) -> list[str]:
        return [token[0] for token in self._tokens]

    def get(self, key: str) -> str | None:
        if key in self._edits:
            return self._edits[key]
        raw = self._raw.get(key)
        return None if raw is None else _unquote_dsuri(raw)

    def set(self, key: str, value: str | None) -> None:
        """Set a parameter (None removes it); untouched parameters keep their exact text."""
        if self.get(key) != value:
            self._edits[key] = value

    def set_sql(self, sql: str) -> None:
        self.sql = sql

    def __str__(self) -> str:
        out: list[str] = []
        cursor = 0
        for key, _, start, end in self._tokens:
            out.append(self.text[cursor:start])
            cursor = end
            token = self.text[start:end]
            if key not in self._edits:
                out.append(token)
            elif self._edits[key] is not None:
                lead = token[: len(token) - len(token.lstrip())]
                out.append(f"{lead}{key}={_quote_dsuri(self._edits[key])}")
        known = {token[0] for token in self._tokens}
        out += [f" {k}={_quote_dsuri(v)}" for k, v in self._edits.items() if k not in known and v is not None]
        body = "".join(out)
        if not self.text[:1].isspace():
            body = body.lstrip()
        if self.sql is None:
            return body + self.text[cursor:]
        return f"{body}{self.text[cursor:self._sql_start] or ' '}sql={self.sql}"


def _unquote_dsuri(raw: str) -> str:
    if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "'\"":
        inner = raw[1:-1]
        return re.sub(r"\\(.)", r"\1", inner) if "\\" in inner else inner
    return raw


def _quote_dsuri(value: str) -> str:
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


class MalformedUrlError(ValueError):
    """A URL that cannot even be split (e.g. `https://[`): the source is left as it is."""


class UrlParts:
    """A URL split into what the engine needs: host, path (no leading '/'), query pairs."""

    def __init__(self, url: str):
        try:
            parts = urlsplit(url.strip())
            self.host = (parts.hostname or "").lower().rstrip(".")  # `host.` is the same host for DNS
        except ValueError as error:
            raise MalformedUrlError(msg("adresse illisible ({error})", error=str(error))) from None
        self.scheme = parts.scheme.lower()
        self.userinfo = "@" in parts.netloc
        self.path = parts.path.lstrip("/")
        self.query = [tuple(p.partition("=")[::2]) for p in parts.query.split("&") if p] if parts.query else []
        self.fragment = parts.fragment

    def param(self, name: str) -> str | None:
        """A query parameter, case-insensitive (OGC KVP keys are)."""
        lowered = name.lower()
        for key, value in self.query:
            if key.lower() == lowered:
                return unquote(value)
        return None


def is_url(text: str) -> bool:
    return text.strip().lower().startswith(("http://", "https://"))


# --- QGIS 1.x WMS layers ----------------------------------------------------------------------------------


def is_qgis1_wms(source: str) -> bool:
    """QGIS's own test for a WMS layer source saved by QGIS < 1.9 (QgsMapLayer::readLayerXml): no `type=`,
    `crs=` nor `format=` (an XYZ layer has `type=xyz`; every later WMS/WMTS source has `crs` and `format`)."""
    return bool(source) and not any(word in source for word in ("type=", "crs=", "format="))


_QGIS1_ITEM = re.compile(r"(?:(?:tiled|ignoreUrl|featureCount|username|password)=[^,&]*)?")


def is_qgis1_wms_text(source: str) -> bool:
    """A source in the comma-separated QGIS 1.x WMS form itself (`tiled=…,username=…,url=…`): every item before
    `url=` is one of that form's parameters (a modern connection `url=…` alone is not one)."""
    head, found, _ = source.partition("url=")
    if not found or not head.endswith(",") or not is_qgis1_wms(source):
        return False
    return all(_QGIS1_ITEM.fullmatch(item) for item in head.split(",")[:-1])


def qgis1_wms_source(source: str, sublayers: list[tuple[str, str]], wms_format: str, crs: str) -> str:
    """The source QGIS 3 makes of a QGIS 1.x WMS layer when it reads the project, as an encoded URI.

    QgsMapLayer::readLayerXml turns `tiled=W;H,ignoreUrl=GetMap;GetFeatureInfo,featureCount=N,username=U,
    password=P,url=URL` (or a bare `http:` address) into parameters, then QgsRasterLayer::readXml adds the
    layer names and styles of `<rasterproperties><wmsSublayer>`, the `<wmsFormat>` and the layer's CRS.
    Same steps here, parameters sorted as QgsDataSourceUri::encodedUri writes them (credentials last).
    """
    params: list[tuple[str, str]] = []
    credentials: list[tuple[str, str]] = []
    if source.startswith("http:"):
        params.append(("url", source))
    else:
        for item in source.split(","):
            key, equals, value = item.partition("=")
            if not equals:
                continue
            if key in ("username", "password"):
                credentials.append((key, value))
            elif key == "tiled":
                sizes = value.split(";")
                if len(sizes) == 2:  # untiled: the largest image size
                    params += [("maxWidth", sizes[0]), ("maxHeight", sizes[1])]
                elif len(sizes) > 2:  # tiled (WMS-C): resolutions are no longer needed
                    params.append(("tileMatrixSet", ""))
            elif key in ("featureCount", "url"):
                params.append((key, value))
            elif key == "ignoreUrl":
                params += [("ignoreUrl", request) for request in value.split(";")]
    for name, style in sublayers:
        params += [("layers", name), ("styles", style)]
    params += [("format", wms_format), ("crs", crs)]
    params.sort(key=lambda pair: pair[0])  # stable: layers and styles keep their order
    credentials.sort(key=lambda pair: pair[0] != "username")
    return "&".join(f"{key}={quote(value, safe=_QUERY_SAFE)}" for key, value in params + credentials)
