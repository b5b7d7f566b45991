"""A QGIS profile's settings file (`QGIS3.ini`) rewritten offline: its saved WMS/WMTS, WFS, XYZ and vector-tile
connections, under both generations of keys, with the rules of the in-QGIS connections dialog.

Where connections live (the layouts below are the one description of them; bascule/connections_settings.py reads
the same keys through QgsSettings): QGIS 3.22 kept `qgis/connections-<type>/<name>/url` with the OWS credentials
apart under `qgis/<WMS|WFS>/<name>/`; QGIS 3.30 moved to the settings tree `connections/.../items/<name>/url`.
A connection becomes the data source QGIS would build from it (mapping.connections.source_for), the engine decides,
and the new url (styleUrl, zoom bounds) comes back through mapping.connections.attributes_from; credentials go when
the connection moved to a free Géoplateforme service.

The file is QSettings' INI format, which this module reads and writes the way QSettings does (Qt's
QSettingsPrivate::iniEscapedKey / iniEscapedString): `/` in a key is written `\\`, other characters than
`[A-Za-z0-9_.-]` as `%XX` (`%UXXXX` beyond Latin-1); a value is quoted when it holds `;`, `,` or `=` or starts or
ends with a space, with C-like escapes. Only the changed values are written again: every other byte (order,
comments, unknown sections, line ends) stays as it was, and QGIS reads the result as QSettings wrote it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .connections import _KINDS, attributes_from, source_for
from .messages import msg
from .outcome import InputError, Migrator, Rewrite, SourceOutcome
from .result import MIGRATED, NEEDS_KEY, Migration

LEGACY = "3.22"
TREE = "3.30"
CREDENTIALS = ("username", "password", "authcfg")
CONNECTION_ENTRIES = ("url", "styleUrl", "zmin", "zmax")
INI_NAMES = ("qgis3.ini",)  # what a folder walk picks up (a profile: <profile>/QGIS/QGIS3.ini)


@dataclass(frozen=True)
class Layout:
    """Where one connection type lives in one generation of QGIS settings."""

    kind: str  # wms, wfs, xyz, vectortile
    generation: str
    group: str  # its child groups are the connection names
    credentials_group: str  # where username/password/authcfg live

    def key(self, name: str, entry: str) -> str:
        return f"{self.group}/{name}/{entry}"

    def credentials_key(self, name: str, entry: str) -> str:
        return f"{self.credentials_group}/{name}/{entry}"


# 3.22: QgsOwsConnection / QgsXyzConnectionUtils / QgsVectorTileProviderConnection with QgsSettings groups.
# 3.30+: QgsSettingsTreeNamedListNode inserts "items/" before each name: QgsOwsConnection::sTreeOwsConnections is
# connections → ows (named: wms|wfs) → connections (named), QgsXyzConnectionSettings::sTreeXyzConnections is
# connections → xyz (named), QgsVectorTileProviderConnection::sTreeConnectionVectorTile connections → vector-tile.
LAYOUTS = (
    Layout("wms", LEGACY, "qgis/connections-wms", "qgis/WMS"),
    Layout("wfs", LEGACY, "qgis/connections-wfs", "qgis/WFS"),
    Layout("xyz", LEGACY, "qgis/connections-xyz", "qgis/connections-xyz"),
    Layout("vectortile", LEGACY, "qgis/connections-vector-tile", "qgis/connections-vector-tile"),
    Layout("wms", TREE, "connections/ows/items/wms/connections/items", "connections/ows/items/wms/connections/items"),
    Layout("wfs", TREE, "connections/ows/items/wfs/connections/items", "connections/ows/items/wfs/connections/items"),
    Layout("xyz", TREE, "connections/xyz/items", "connections/xyz/items"),
    Layout("vectortile", TREE, "connections/vector-tile/items", "connections/vector-tile/items"),
)


def connection_change(kind: str, values: dict[str, str], migrate: Migrator) -> tuple[Migration, dict[str, str]]:
    """What the engine makes of one saved connection, and the entries to write (only those that change).

    The rule of the connections dialog: the connection is presented as the data source QGIS builds from it; the
    entries come back from the engine's answer; zoom bounds are only updated, never added.
    """
    export_kind = _KINDS[kind]
    source = source_for(export_kind, values)
    migration = migrate(export_kind.provider, source)
    new_values: dict[str, str] = {}
    if migration.new_source != source:
        for entry, value in attributes_from(export_kind, migration.new_source).items():
            if entry == "styleUrl" and not export_kind.style:
                continue
            if entry in ("zmin", "zmax") and entry not in values:
                continue
            if values.get(entry) != value:
                new_values[entry] = value
    return migration, new_values


def rewritable(migration: Migration, new_values: dict[str, str]) -> bool:
    """Written only when the engine moved it (or moved it but needs a key) and something changes."""
    return migration.status in (MIGRATED, NEEDS_KEY) and bool(new_values)


# --- QSettings INI ---------------------------------------------------------------------------------------------

_KEY_SAFE = re.compile(r"[A-Za-z0-9_.\-]")
_HEX4 = re.compile(r"[0-9A-Fa-f]{4}")


def escape_key(key: str) -> str:
    out = []
    for char in key:
        code = ord(char)
        if char == "/":
            out.append("\\")
        elif _KEY_SAFE.fullmatch(char):
            out.append(char)
        elif code <= 0xFF:
            out.append(f"%{code:02X}")
        else:
            out.append(f"%U{code:04X}")
    return "".join(out)


def unescape_key(raw: str) -> str:
    out = []
    index = 0
    while index < len(raw):
        char = raw[index]
        if char == "\\":
            out.append("/")
        elif char == "%" and raw[index + 1:index + 2] == "U" and _HEX4.fullmatch(raw[index + 2:index + 6]):
            out.append(chr(int(raw[index + 2:index + 6], 16)))
            index += 6
            continue
        elif char == "%" and re.fullmatch(r"[0-9A-Fa-f]{2}", raw[index + 1:index + 3]):
            out.append(chr(int(raw[index + 1:index + 3], 16)))
            index += 3
            continue
        else:
            out.append(char)
        index += 1
    return "".join(out)


_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v",
            '"': '"', "'": "'", "\\": "\\", "?": "?", ",": ","}


def unescape_value(raw: str) -> str | None:
    """One string value as QSettings reads it; None for what is not a plain string (a list, an @Variant...)."""
    text = raw.strip(" \t")
    if text.startswith("@"):
        return None
    out: list[str] = []
    quoted = False
    index = 0
    while index < len(text):
        char = text[index]
        if char == '"':
            quoted = not quoted
        elif char == "\\":
            index += 1
            if index >= len(text):
                return None  # a continuation line: not ours to rewrite
            escape = text[index]
            if escape in _ESCAPES:
                out.append(_ESCAPES[escape])
            elif escape == "x":
                digits = re.match(r"[0-9A-Fa-f]{1,4}", text[index + 1:])
                if not digits:
                    return None
                out.append(chr(int(digits.group(0), 16)))
                index += len(digits.group(0))
            elif escape in "01234567":
                digits = re.match(r"[0-7]{1,3}", text[index:])
                out.append(chr(int(digits.group(0), 8)))
                index += len(digits.group(0)) - 1
            else:
                return None
        elif not quoted and char == ",":
            return None  # a string list
        elif not quoted and char == ";":
            break  # a comment
        else:
            out.append(char)
        index += 1
    if quoted:
        return None
    return "".join(out).rstrip(" \t") if not text.endswith('"') else "".join(out)


def escape_value(value: str, utf8: bool) -> str:
    """QSettings' iniEscapedString; `utf8` as Qt 6 (and a Qt 5 file with a codec) writes, else `\\xNN` escapes."""
    out: list[str] = []
    needs_quotes = False
    escape_next_if_digit = False
    simple = {"\0": "\\0", "\a": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t",
              "\v": "\\v", '"': '\\"', "\\": "\\\\"}
    for char in value:
        code = ord(char)
        if char in ";,=":
            needs_quotes = True
        if escape_next_if_digit and char in "0123456789abcdefABCDEF":
            out.append(f"\\x{code:x}")
            continue
        escape_next_if_digit = False
        if char in simple:
            out.append(simple[char])
            escape_next_if_digit = char == "\0"
        elif code <= 0x1F or (code >= 0x7F and not utf8):
            out.append(f"\\x{code:x}")
            escape_next_if_digit = True
        else:
            out.append(char)
    text = "".join(out)
    if needs_quotes or text.startswith(" ") or text.endswith(" "):
        text = f'"{text}"'
    return text


@dataclass
class _Entry:
    line: int  # index in the line list
    key: str  # full key, e.g. qgis/connections-wms/IGN/url
    raw_key: str
    raw_value: str


_SECTION = re.compile(r"^\s*\[(.*)\]\s*$")
#: a line and its end as QSettings reads them: ends at \n, \r\n or \r only (str.splitlines would also cut at
#: U+0085, U+2028, \x0c… which are ordinary characters inside a value)
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def parse(text: str) -> tuple[list[str], list[_Entry]]:
    """The lines (each with its own line end) and the key=value entries with their full keys."""
    lines = _LINE.findall(text)
    entries: list[_Entry] = []
    section = ""
    for index, line in enumerate(lines):
        body = line.rstrip("\r\n")
        stripped = body.strip()
        if not stripped or stripped.startswith((";", "#")):
            continue
        heading = _SECTION.match(body)
        if heading:
            name = unescape_key(heading.group(1).strip())
            section = "" if name.lower() == "general" else name
            continue
        raw_key, sep, raw_value = body.partition("=")
        if not sep:
            continue
        key = unescape_key(raw_key.strip())
        entries.append(_Entry(index, f"{section}/{key}" if section else key, raw_key, raw_value))
    return lines, entries


def _decode(data: bytes) -> tuple[str, str]:
    """The text and its encoding: UTF-8 (Qt 6, or ASCII), else Latin-1 (read back exactly, byte for byte)."""
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def rewrite_ini(data: bytes, migrate: Migrator) -> Rewrite:
    """The settings file with its old Géoportail connections moved (see the module docstring)."""
    if b"\0" in data[:4096]:
        raise InputError(msg("fichier de paramètres QGIS illisible (binaire)"))
    text, encoding = _decode(data)
    utf8 = any(byte > 0x7F for byte in data)  # raw accents in the file: write them raw too, else \xNN as Qt 5
    lines, entries = parse(text)
    by_key: dict[str, list[_Entry]] = {}
    for entry in entries:
        by_key.setdefault(entry.key, []).append(entry)

    def value(key: str) -> str | None:
        found = by_key.get(key)
        return unescape_value(found[-1].raw_value) if found else None  # QSettings: the last one wins

    outcomes: list[SourceOutcome] = []
    replaced: dict[int, str] = {}
    removed: set[int] = set()
    added: dict[int, list[str]] = {}  # new lines after a line, by its index
    for layout in LAYOUTS:
        prefix = layout.group + "/"
        names = sorted({key[len(prefix):].split("/", 1)[0] for key in by_key
                        if key.startswith(prefix) and key.count("/") == prefix.count("/") + 1})
        for name in names:
            values = {entry: value(layout.key(name, entry)) for entry in CONNECTION_ENTRIES}
            values = {entry: text for entry, text in values.items() if text}
            if not values.get("url"):
                continue
            migration, new_values = connection_change(layout.kind, values, migrate)
            provider = _KINDS[layout.kind].provider
            outcomes.append(SourceOutcome.from_migration(f"{layout.group}/{name}", name, provider, migration))
            if not rewritable(migration, new_values):
                continue
            for entry, new in new_values.items():
                present = by_key.get(layout.key(name, entry))
                if not present:  # e.g. a styleUrl the file never had: a new line right after the url line
                    url = by_key[layout.key(name, "url")][-1]
                    if not url.raw_key.rstrip().endswith("url"):  # written %75rl or the like: no safe new key
                        raise InputError(msg("fichier de paramètres QGIS : clé {key} absente, impossible à ajouter "
                                             "sans risque (connexion {name}) ; rien n'a été modifié",
                                             key=entry, name=name))
                    added.setdefault(url.line, []).append(
                        f"{url.raw_key.rstrip()[:-len('url')]}{escape_key(entry)}={escape_value(new, utf8)}")
                for found in present or ():
                    line = lines[found.line]
                    ending = line[len(line.rstrip("\r\n")):]
                    replaced[found.line] = f"{found.raw_key}={escape_value(new, utf8)}{ending}"
            if migration.status == MIGRATED:
                for entry in CREDENTIALS:
                    removed.update(found.line for found in by_key.get(layout.credentials_key(name, entry), []))
    if not replaced and not removed and not added:
        return Rewrite(data, False, outcomes)
    out = []
    for index, line in enumerate(lines):
        line = replaced.get(index, line)
        if index not in removed:
            out.append(line)
        if index in added:
            ending = line[len(line.rstrip("\r\n")):]
            if ending:
                out.extend(new + ending for new in added[index])
            else:  # the file's last line, without an end: the new lines go after it, the file still ends as it did
                ending = "\r\n" if "\r\n" in text else "\n"
                out.extend(ending + new for new in added[index])
    try:
        encoded = "".join(out).encode(encoding)
    except UnicodeEncodeError:
        raise InputError(msg("fichier de paramètres QGIS : nouvelle valeur impossible à écrire en {encoding}",
                             encoding=encoding)) from None
    return Rewrite(encoded, encoded != data, outcomes)
