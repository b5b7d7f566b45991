"""Safe XML parsing of QGIS documents, and where data sources live in them.

Project files come from anywhere (mail, shared drives), so parsing refuses entity declarations and never
touches the network or the file system. Serialisation keeps the original bytes before and after the root
element (XML declaration, DOCTYPE exactly as QGIS wrote it, comments) and only re-serialises the root.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, NamedTuple

from lxml import etree

from .outcome import InputError

PROJECT_ROOT = "qgis"
QLR_ROOT = "qlr"
#: Connection export roots, lower-cased: QGIS spelt the XYZ one two ways over the years.
CONNECTION_ROOTS = {
    "qgswmsconnections": "wms",
    "qgswfsconnections": "wfs",
    "qgsxyztilesconnections": "xyz",
    "qgsvectortileconnections": "vectortile",
}

# Encodings whose bytes are a superset of ASCII, so that the byte-level DTD check below sees `<!ENTITY`.
_ASCII_COMPATIBLE = re.compile(
    r"^(utf-?8|us-ascii|ascii|iso[-_]?8859[-_]\d{1,2}|latin-?[1-9]|l[1-9]|(windows|cp)-?125\d)$", re.IGNORECASE
)
_XML_DECL_ENCODING = re.compile(rb"""\A(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']*)["']""")
_WS = b" \t\r\n"


def _parser() -> etree.XMLParser:
    # A fresh parser per document: lxml parsers are not thread-safe and keep error logs.
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=True,  # a 10,000-layer project has long text nodes (embedded SVG, base64 images)
        remove_blank_text=False,
        remove_comments=False,
        remove_pis=False,
        strip_cdata=False,
        # Not collect_ids=False: with lxml 4.9 it makes libxml2 read the external DTD (a local file read).
    )


def prolog_end(data: bytes) -> int:
    """Offset of the root element's `<`, or -1 when the prolog is not well formed.

    The prolog is what QGIS writes before the root: XML declaration, DOCTYPE, comments, processing
    instructions. Scanned by hand so that it can be kept byte for byte.
    """
    n = len(data)
    i = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    while i < n:
        if data[i] in _WS:
            i += 1
        elif data.startswith(b"<?", i):
            j = data.find(b"?>", i + 2)
            if j < 0:
                return -1
            i = j + 2
        elif data.startswith(b"<!--", i):
            j = data.find(b"-->", i + 4)
            if j < 0:
                return -1
            i = j + 3
        elif data.startswith(b"<!DOCTYPE", i):
            j = _doctype_end(data, i + 9)
            if j < 0:
                return -1
            i = j + 1
        elif data[i] == 0x3C:  # "<"
            return i
        else:
            return -1
    return -1


def _doctype_end(data: bytes, i: int) -> int:
    """Offset of the `>` that closes a DOCTYPE, skipping quoted strings and an internal subset."""
    quote = 0
    depth = 0
    n = len(data)
    while i < n:
        c = data[i]
        if quote:
            if c == quote:
                quote = 0
        elif c in (0x22, 0x27):
            quote = c
        elif depth and data.startswith(b"<!--", i):
            end = data.find(b"-->", i + 4)
            if end < 0:
                return -1
            i = end + 2
        elif depth and data.startswith(b"<?", i):
            end = data.find(b"?>", i + 2)
            if end < 0:
                return -1
            i = end + 1
        elif c == 0x5B:  # [
            depth += 1
        elif c == 0x5D:  # ]
            depth = max(0, depth - 1)
        elif c == 0x3E and not depth:  # >
            return i
        i += 1
    return -1


def epilog_start(data: bytes) -> int:
    """Offset just after the root element's closing `>`, skipping trailing whitespace, comments and PIs."""
    j = len(data)
    while True:
        k = j
        while k > 0 and data[k - 1] in _WS:
            k -= 1
        if data.endswith(b"-->", 0, k):
            j = data.rfind(b"<!--", 0, k - 3)
        elif data.endswith(b"?>", 0, k):
            j = data.rfind(b"<?", 0, k - 2)
        else:
            return k if k > 0 and data[k - 1] == 0x3E else -1
        if j < 0:
            return -1


def check_prolog(data: bytes) -> None:
    """Refuse what the parser must never see: entity declarations, encodings the byte check cannot read."""
    head = data[:4]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head:
        raise InputError("encodage UTF-16/UTF-32 non pris en charge (QGIS écrit de l'UTF-8)")
    match = _XML_DECL_ENCODING.match(data[:512])
    if match:
        encoding = match.group(1).decode("ascii", "replace")
        if not _ASCII_COMPATIBLE.match(encoding):
            raise InputError(f"encodage XML non pris en charge : {encoding!r}")
    end = prolog_end(data)
    region = data if end < 0 else data[:end]
    if b"<!ENTITY" in region:
        raise InputError("DTD interne déclarant des entités : document refusé (risque d'expansion ou de fuite)")


def parse(data: bytes) -> etree._ElementTree:
    """Parse untrusted XML bytes, or raise InputError with a one-line reason."""
    check_prolog(data)
    try:
        root = etree.fromstring(data, _parser())
    except etree.LxmlError as exc:
        raise InputError(f"XML invalide ({_one_line(str(exc)) or type(exc).__name__})") from None
    except ValueError as exc:  # lxml raises it for a few malformed inputs (e.g. bad encoding names)
        raise InputError(f"XML invalide ({_one_line(str(exc))})") from None
    if root is None:
        raise InputError("XML vide")
    tree = root.getroottree()
    dtd = tree.docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise InputError("DTD interne déclarant des entités : document refusé (risque d'expansion ou de fuite)")
    return tree


def frame(original: bytes, tag: str) -> tuple[bytes, bytes] | None:
    """The original bytes before and after the root element, or None when they cannot be told apart."""
    start = prolog_end(original)
    end = epilog_start(original)
    if 0 <= start < end and _ends_with_root_close(original, end, tag):
        return original[:start], original[end:]
    return None


def encode(tree: etree._ElementTree, whole: bool = False) -> bytes:
    """The root element's bytes in the document's encoding (or, with `whole`, the document lxml writes)."""
    encoding = tree.docinfo.encoding or "UTF-8"
    if whole:
        return etree.tostring(tree, encoding=encoding, xml_declaration=True)
    return etree.tostring(tree.getroot(), encoding=encoding, xml_declaration=False, with_tail=False)


def serialize(tree: etree._ElementTree, original: bytes) -> bytes:
    """Bytes of a changed document: the original prolog and epilog around the re-serialised root.

    Callers that hold a big tree can call `frame` and `encode` themselves, and drop the tree before the
    final concatenation (that is what the project rewriter does, to keep peak memory down).
    """
    around = frame(original, tree.getroot().tag)
    if around is None:  # unusual layout (should not happen for documents that parsed): lxml writes it all
        return encode(tree, whole=True)
    return b"".join((around[0], encode(tree), around[1]))


def _ends_with_root_close(data: bytes, end: int, tag: str) -> bool:
    if not isinstance(tag, str):
        return False
    tail = data[max(0, end - len(tag) - 64) : end]
    return re.search(rb"(?:</" + re.escape(tag.encode("utf-8")) + rb"\s*|/)>\Z", tail) is not None


def root_tag(data: bytes, limit: int = 65536) -> str | None:
    """The root element's name read from the first bytes, without parsing: to pick files in a folder."""
    head = data[:limit]
    start = prolog_end(head)
    if start < 0:
        return None
    match = re.match(rb"<([A-Za-z_][\w.\-:]*)", head[start:])
    return match.group(1).decode("ascii", "replace") if match else None


def _one_line(text: str) -> str:
    return " ".join(text.split())


# --- byte-faithful output -------------------------------------------------------------------------------------


class Change(NamedTuple):
    """One value we changed in the tree: an element's text (`attribute` None) or one of its attributes."""

    element: etree._Element
    attribute: str | None
    old: str
    new: str


def set_text(changes: list[Change], element: etree._Element, new: str) -> None:
    changes.append(Change(element, None, element.text or "", new))
    element.text = new


def set_attribute(changes: list[Change], element: etree._Element, name: str, new: str) -> None:
    changes.append(Change(element, name, element.get(name, ""), new))
    element.set(name, new)


_ENTITY = re.compile(r"&(#x[0-9A-Fa-f]+|#[0-9]+|amp|lt|gt|quot|apos);")
_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_ATTRIBUTE = re.compile(rb"""\s([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_START_TAG = re.compile(rb"""<[^\s/>]+(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*/?>""")


def _unescape(raw: bytes, encoding: str, attribute: bool) -> str:
    """The value a parser reads from raw bytes (entities, character references, line ends, attribute spaces)."""
    text = raw.decode(encoding).replace("\r\n", "\n").replace("\r", "\n")
    if attribute:
        text = text.replace("\n", " ").replace("\t", " ")

    def entity(match: re.Match) -> str:
        name = match.group(1)
        if name.startswith("#x"):
            return chr(int(name[2:], 16))
        if name.startswith("#"):
            return chr(int(name[1:]))
        return _ENTITIES[name]

    return _ENTITY.sub(entity, text)


def _escape(value: str, encoding: str, quote: str | None) -> bytes:
    """Bytes that read back as `value` in text (quote None) or in an attribute delimited by `quote`."""
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#xd;")
    if quote is not None:
        value = value.replace("\n", "&#xa;").replace("\t", "&#x9;")
        value = value.replace('"', "&quot;") if quote == '"' else value.replace("'", "&apos;")
    return value.encode(encoding, "xmlcharrefreplace")


def byte_edits(data: bytes, tree: etree._ElementTree, changes: list[Change]) -> list[tuple[int, int, bytes]] | None:
    """Where each changed value sits in the original bytes, and its new bytes; None when unsure.

    QGIS writes one element per line and never puts markup in comments, so the n-th `<tag` in the bytes
    is the n-th element of that tag in the tree. Each edit checks that the bytes it replaces read back as
    the old value; any doubt (counts differ, CDATA, odd layout) returns None and the caller re-serialises
    the whole document instead. Everything else (empty-element style, quotes, attribute order, character
    references) then stays byte for byte, so a project under version control shows a minimal diff.
    """
    try:
        encoding = tree.docinfo.encoding or "UTF-8"
        "".encode(encoding)
    except (LookupError, ValueError):
        return None
    root = tree.getroot()
    by_tag: dict[str, list[Change]] = {}
    for change in changes:
        by_tag.setdefault(change.element.tag, []).append(change)
    edits: list[tuple[int, int, bytes]] = []
    try:
        for tag, tag_changes in by_tag.items():
            if not isinstance(tag, str) or not re.fullmatch(r"[A-Za-z_][\w.\-]*", tag):
                return None
            elements = {element: index for index, element in enumerate(root.iter(tag))}
            starts = [m.start() for m in re.finditer(b"<" + tag.encode("ascii") + rb"[\s/>]", data)]
            if len(starts) != len(elements):
                return None
            for change in tag_changes:
                edit = _edit(data, starts[elements[change.element]], tag, change, encoding)
                if edit is None:
                    return None
                edits.append(edit)
    except (UnicodeError, ValueError, KeyError, OverflowError):
        return None
    edits.sort()
    for (_, end, _), (start, _, _) in zip(edits, edits[1:]):
        if start < end:
            return None
    return edits


def _edit(data: bytes, position: int, tag: str, change: Change, encoding: str) -> tuple[int, int, bytes] | None:
    """The edit for one change of the element whose start tag is at `position`, checked against the bytes.

    Fast path: the bytes hold the old value escaped the usual way (QGIS and lxml agree on it), compared
    in C. Slow path: any other spelling (character references, other quotes, spaces around `=`) is read
    back through `_unescape`.
    """
    start_tag = _START_TAG.match(data, position)
    if start_tag is None:
        return None
    name = tag.encode("ascii")
    if change.attribute is None:
        if start_tag.group().endswith(b"/>"):
            return None
        begin = start_tag.end()
        expected = _escape(change.old, encoding, None)
        if data.startswith(expected, begin) and data.startswith(b"</" + name, begin + len(expected)):
            return begin, begin + len(expected), _escape(change.new, encoding, None)
        end = data.find(b"</" + name, begin)
        if end < 0 or b"<" in data[begin:end] or _unescape(data[begin:end], encoding, False) != change.old:
            return None
        return begin, end, _escape(change.new, encoding, None)
    attribute_name = change.attribute.encode("ascii")
    expected = _escape(change.old, encoding, '"')
    found = data.find(b" " + attribute_name + b'="' + expected + b'"', position, start_tag.end())
    if found >= 0:
        begin = found + len(attribute_name) + 3
        return begin, begin + len(expected), _escape(change.new, encoding, '"')
    for attribute in _ATTRIBUTE.finditer(data, position, start_tag.end()):
        if attribute.group(1) != attribute_name:
            continue
        group = 2 if attribute.group(2) is not None else 3
        begin, end = attribute.span(group)
        if _unescape(data[begin:end], encoding, True) != change.old:
            return None
        return begin, end, _escape(change.new, encoding, '"' if group == 2 else "'")
    return None


def apply_edits(data: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    """The original bytes with the edits applied (one copy, through memoryview slices)."""
    view = memoryview(data)
    chunks: list = []
    cursor = 0
    for start, end, replacement in edits:
        chunks += [view[cursor:start], replacement]
        cursor = end
    chunks.append(view[cursor:])
    return b"".join(chunks)


# --- where data sources live -----------------------------------------------------------------------------


@dataclass
class MapLayerNode:
    """A `<maplayer>` element with a data source, and what identifies it in reports and references."""

    element: etree._Element
    datasource: etree._Element
    layer_id: str
    name: str
    provider: str


def guess_provider(layer_type: str, source: str) -> str:
    """Provider of a layer saved without one (QGIS 1.x), guessed the way those versions did."""
    lowered = source.lower()
    if "url=" in lowered and "layers=" in lowered:
        return "wms"
    kind = layer_type.lower()
    if kind in ("vector-tile", "vectortile"):
        return "vectortile"
    if kind == "vector" and lowered.startswith(("http://", "https://")) and (
        "typename" in lowered or "service=wfs" in lowered
    ):
        return "WFS"
    if kind == "vector" and "typename=" in lowered and "url=" in lowered:
        return "WFS"
    return {"raster": "gdal", "vector": "ogr"}.get(kind, "")


_LAYER_PARTS = ("maplayer", "datasource", "provider", "id", "layername")


def iter_map_layers(root: etree._Element) -> Iterator[MapLayerNode]:
    """Every `<maplayer>` that holds a data source: project layers, qlr `<maplayers>`, nested ones.

    One tag-filtered walk (in C) yields each map layer followed by its descendants of interest; keeping
    the direct children avoids four `find` calls per layer, which dominate on 10,000-layer projects.
    """
    current: etree._Element | None = None
    parts: dict[str, etree._Element] = {}
    for element in root.iter(_LAYER_PARTS):
        if element.tag == "maplayer":
            if current is not None:
                node = _map_layer(current, parts)
                if node is not None:
                    yield node
            current, parts = element, {}
        elif current is not None and element.tag not in parts and element.getparent() is current:
            parts[element.tag] = element
    if current is not None:
        node = _map_layer(current, parts)
        if node is not None:
            yield node


def _map_layer(element: etree._Element, parts: dict[str, etree._Element]) -> MapLayerNode | None:
    datasource = parts.get("datasource")
    if datasource is None or not datasource.text:
        return None  # embedded layers point to another project and carry no source
    provider_el = parts.get("provider")
    if provider_el is not None and (provider_el.text or "").strip():
        provider = provider_el.text.strip()
    else:
        provider = element.get("provider") or guess_provider(element.get("type", ""), datasource.text)
    return MapLayerNode(
        element=element,
        datasource=datasource,
        layer_id=_text(parts.get("id")),
        name=_text(parts.get("layername")),
        provider=provider,
    )


def _text(element: etree._Element | None) -> str:
    return (element.text or "") if element is not None else ""


# Elements that point back to a layer by id with a copy of its source (QGIS resolves them by id first,
# then by source): layer tree and legend nodes, layout map layer sets, atlas coverage, value relations.
_REFERENCE_TAGS = ("layer-tree-layer", "Layer", "Atlas", "Option")


def update_references(
    root: etree._Element, by_id: dict[str, str], by_source: dict[str, str], changes: list[Change] | None = None
) -> int:
    """Make the copies of layer sources follow the new sources. Returns how many attributes changed.

    One tag-filtered walk of the document (done in C, much faster than XPath on big projects) and
    dictionary lookups: no per-layer search.
    """
    if not by_id and not by_source:
        return 0
    changed = 0
    for element in root.iter(_REFERENCE_TAGS):
        tag = element.tag
        if tag == "Option":
            if element.get("name") != "LayerSource":
                continue
            attribute, layer_id = "value", None
        elif tag == "Atlas":
            attribute, layer_id = "coverageLayerSource", element.get("coverageLayer")
        else:
            attribute = "source"
            layer_id = element.get("id") if tag == "layer-tree-layer" else (element.text or "").strip()
        old = element.get(attribute)
        if old is None:
            continue
        new = by_id.get(layer_id) if layer_id else None
        if new is None:
            new = by_source.get(old)
        if new is not None and new != old:
            set_attribute(changes if changes is not None else [], element, attribute, new)
            changed += 1
    return changed
