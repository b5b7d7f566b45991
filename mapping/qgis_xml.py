"""Safe XML parsing of QGIS documents, and where data sources live in them.

Project files come from anywhere (mail, shared drives), so parsing refuses entity declarations and never
touches the network or the file system. Serialisation keeps the original bytes before and after the root
element (XML declaration, DOCTYPE exactly as QGIS wrote it, comments) and only re-serialises the root.
Which elements hold a source (LayerCollector, source_copy) is decided here once, for the tree walk and for
the streaming pass (`xml_stream`) alike; putting new values in the original bytes is `splice`'s job.
"""

from __future__ import annotations

import re
from typing import Iterator, NamedTuple

from lxml import etree

from . import splice
from .messages import msg
from .outcome import InputError
from .provider_uri import is_qgis1_wms, qgis1_wms_source

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
#: An XML declaration at the start (case and leading spaces tolerated: wider than what libxml2 reads as one).
_XML_DECL_START = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*<\?xml", re.IGNORECASE)
#: Every encoding pseudo-attribute of a declaration, up to its first `>` (libxml2 cannot read past one to find
#: an encoding), however long the declaration: no window that a padded declaration could overflow.
_DECL_ENCODING = re.compile(rb"""encoding\s*=\s*["']?([^"'?>\s]*)""", re.IGNORECASE)
#: `<?xm` in EBCDIC: libxml2 then reads the document in EBCDIC, where the byte check sees nothing.
_EBCDIC_SIGNATURE = b"\x4c\x6f\xa7\x94"
_WS = b" \t\r\n"


#: The options of every parse, whole tree (XMLParser) or streaming (iterparse): same safety, same reading.
PARSER_OPTIONS = dict(
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


def _parser() -> etree.XMLParser:
    # A fresh parser per document: lxml parsers are not thread-safe and keep error logs.
    return etree.XMLParser(**PARSER_OPTIONS)


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
    """Refuse what the parser must never see: entity declarations, encodings the byte check cannot read.

    The one guard of every parse (`parse`, the streaming pass, the catalogue's documents), run on the bytes
    before libxml2 reads any: with `huge_tree` it would expand an entity bomb (in attribute values even
    without entity substitution) before `refuse_entity_declarations` could see the DTD. libxml2 chooses the
    encoding from the first bytes (byte order marks, UTF-16/UTF-32 without one, EBCDIC) and then from the
    XML declaration; only encodings that write ASCII as ASCII go on, so that `<!ENTITY` is seen here.
    """
    head = data[:4]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head:
        raise InputError(msg("encodage UTF-16/UTF-32 non pris en charge (QGIS écrit de l'UTF-8)"))
    if head == _EBCDIC_SIGNATURE:
        raise InputError(msg("encodage XML non pris en charge : {encoding}", encoding=repr("EBCDIC")))
    declaration = _XML_DECL_START.match(data)
    if declaration:
        close = data.find(b">", declaration.end())
        for found in _DECL_ENCODING.finditer(data, declaration.end(), len(data) if close < 0 else close):
            encoding = found.group(1).decode("ascii", "replace")
            if not _ASCII_COMPATIBLE.match(encoding):
                raise InputError(msg("encodage XML non pris en charge : {encoding}", encoding=repr(encoding)))
    end = prolog_end(data)
    region = data if end < 0 else data[:end]
    if b"<!ENTITY" in region:
        raise InputError(msg("DTD interne déclarant des entités : document refusé (risque d'expansion ou de fuite)"))


def parse(data: bytes) -> etree._ElementTree:
    """Parse untrusted XML bytes, or raise InputError with a one-line reason."""
    check_prolog(data)
    try:
        root = etree.fromstring(data, _parser())
    except etree.LxmlError as exc:
        raise InputError(msg("XML invalide ({detail})", detail=_one_line(str(exc)) or type(exc).__name__)) from None
    except ValueError as exc:  # lxml raises it for a few malformed inputs (e.g. bad encoding names)
        raise InputError(msg("XML invalide ({detail})", detail=_one_line(str(exc)))) from None
    if root is None:
        raise InputError(msg("XML vide"))
    tree = root.getroottree()
    refuse_entity_declarations(tree)
    return tree


def refuse_entity_declarations(tree: etree._ElementTree) -> None:
    """After a parse: an internal DTD that declares entities is refused, whatever `check_prolog` saw."""
    dtd = tree.docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise InputError(msg("DTD interne déclarant des entités : document refusé (risque d'expansion ou de fuite)"))


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


# --- changes made to a tree, and their place in the original bytes ---------------------------------------


class Change(NamedTuple):
    """One value we changed in the tree: an element's text (`attribute` None) or one of its attributes."""

    element: etree._Element
    attribute: str | None
    old: str
    new: str


def set_text(changes: list[Change], element: etree._Element, new: str) -> None:
    """Make `new` the element's whole content: a comment or PI inside the old value goes with its text."""
    changes.append(Change(element, None, full_text(element), new))
    for child in list(element):
        element.remove(child)  # and its tail: no piece of the old value (or of its key) stays
    element.text = new


def full_text(element: etree._Element) -> str:
    """An element's text as QGIS reads it (QDomElement::text): every text node inside, comments and PIs skipped.

    `.text` stops at the first comment or processing instruction: `<datasource>url=…<!-- -->&amp;layers=X`
    would be half a source.
    """
    if len(element) == 0:
        return element.text or ""
    return "".join(element.itertext())


def set_attribute(changes: list[Change], element: etree._Element, name: str, new: str) -> None:
    changes.append(Change(element, name, element.get(name, ""), new))
    element.set(name, new)


def document_encoding(tree: etree._ElementTree) -> str:
    return tree.docinfo.encoding or "UTF-8"


def byte_edits(data: bytes, tree: etree._ElementTree, changes: list[Change]) -> list[splice.Edit] | None:
    """Where each value changed in the tree sits in the original bytes, and its new bytes; None when unsure.

    The tree's side of `splice.edits`: an element's place is its rank among the elements of its tag.
    """
    root = tree.getroot()
    ranks: dict[str, dict[etree._Element, int]] = {}
    located: list[splice.Located] = []
    for change in changes:
        tag = change.element.tag
        if not splice.plain_tag(tag):
            return None
        if tag not in ranks:
            ranks[tag] = {element: index for index, element in enumerate(root.iter(tag))}
        index = ranks[tag].get(change.element)
        if index is None:
            return None
        located.append(splice.Located(tag, index, change.attribute, change.old, change.new))
    counts = {tag: len(elements) for tag, elements in ranks.items()}
    return splice.edits(data, document_encoding(tree), located, counts)


# --- where data sources live -----------------------------------------------------------------------------


class MapLayerNode(NamedTuple):
    """A `<maplayer>` with a data source, what identifies it in reports and references, and where its source is.

    `where` is the `<datasource>` element (tree walk), or its rank among the document's `<datasource>`
    elements (streaming pass, which keeps no element).
    """

    where: etree._Element | int
    source: str
    layer_id: str
    name: str
    provider: str
    #: The source as QGIS 3 reads it when that differs from the saved text: a QGIS 1.x WMS layer, whose
    #: layer names, styles, format and CRS are stored beside its source (`qgis1_source`); "" otherwise.
    read_source: str = ""


def qgis1_source(element: etree._Element, source: str) -> str:
    """The source QGIS 3 reads for a `<maplayer>` saved by QGIS 1.x with the wms provider ("" if not one)."""
    if not is_qgis1_wms(source) or source.startswith("https:"):
        return ""  # QGIS reads a bare https address as no address at all: nothing to complete
    properties = element.find("rasterproperties")
    sublayers = [] if properties is None else [
        (_text(sub.find("name")), _text(sub.find("style"))) for sub in properties.iterfind("wmsSublayer")
    ]
    wms_format = _text(properties.find("wmsFormat")) if properties is not None else ""
    crs = _text(element.find("srs/spatialrefsys/authid"))
    return qgis1_wms_source(source, sublayers, wms_format, crs) if sublayers else ""


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


#: A map layer and the children that describe it, in the order a document walk meets them.
LAYER_TAGS = ("maplayer", "datasource", "provider", "id", "layername")


class LayerCollector:
    """Pairs each `<maplayer>` with its first direct `<datasource>`, `<provider>`, `<id>`, `<layername>` children.

    Fed the elements of LAYER_TAGS in document order (a tree walk, or a parser's start events), `add`
    hands back the previous layer once a new `<maplayer>` begins; `close` finishes the current one (at the
    end of the walk, or when the parser reports the end of that `<maplayer>`: no part can follow).
    """

    def __init__(self) -> None:
        self.current: etree._Element | None = None
        self._parts: dict[str, etree._Element] = {}
        self._where: int | None = None

    def add(self, element: etree._Element, rank: int | None = None) -> MapLayerNode | None:
        """Take the next element; `rank` (its rank among its tag) makes a `<datasource>`'s place an int."""
        tag = element.tag
        if tag == "maplayer":
            done = self.close()
            self.current = element
            return done
        if self.current is not None and tag not in self._parts and element.getparent() is self.current:
            self._parts[tag] = element
            if tag == "datasource":
                self._where = rank
        return None

    def close(self) -> MapLayerNode | None:
        element, parts, where = self.current, self._parts, self._where
        self.current, self._parts, self._where = None, {}, None
        if element is None:
            return None
        datasource = parts.get("datasource")
        source = full_text(datasource) if datasource is not None else ""
        if not source:
            return None  # embedded layers point to another project and carry no source
        provider = _text(parts.get("provider")).strip()
        if not provider:
            provider = element.get("provider") or guess_provider(element.get("type", ""), source)
        return MapLayerNode(
            where=datasource if where is None else where,
            source=source,
            layer_id=_text(parts.get("id")),
            name=_text(parts.get("layername")),
            provider=provider,
            read_source=qgis1_source(element, source) if provider.lower() == "wms" else "",
        )


def iter_map_layers(root: etree._Element) -> Iterator[MapLayerNode]:
    """Every `<maplayer>` that holds a data source: project layers, qlr `<maplayers>`, nested ones.

    One tag-filtered walk (in C) yields each map layer followed by its descendants of interest; keeping
    the direct children avoids four `find` calls per layer, which dominate on 10,000-layer projects.
    """
    collector = LayerCollector()
    for element in root.iter(LAYER_TAGS):
        node = collector.add(element)
        if node is not None:
            yield node
    node = collector.close()
    if node is not None:
        yield node


def _text(element: etree._Element | None) -> str:
    return full_text(element) if element is not None else ""


# Elements that point back to a layer by id with a copy of its source (QGIS resolves them by id first,
# then by source): layer tree and legend nodes, layout map layer sets, atlas coverage, value relations.
REFERENCE_TAGS = ("layer-tree-layer", "Layer", "Atlas", "Option")


class SourceCopy(NamedTuple):
    """An attribute holding a copy of a layer's source, and the layer id it names (None: match by source).

    `where` is the element (tree walk), or its rank among the elements of its tag (streaming pass).
    """

    where: etree._Element | int
    tag: str
    attribute: str
    layer_id: str | None
    old: str


def source_copy(element: etree._Element, rank: int | None = None) -> SourceCopy | None:
    """The source copy an element of REFERENCE_TAGS holds, if any (its text must be complete: `<Layer>`)."""
    tag = element.tag
    if tag == "Option":
        if element.get("name") != "LayerSource":
            return None
        attribute, layer_id = "value", None
    elif tag == "Atlas":
        attribute, layer_id = "coverageLayerSource", element.get("coverageLayer")
    else:
        attribute = "source"
        layer_id = element.get("id") if tag == "layer-tree-layer" else full_text(element).strip()
    old = element.get(attribute)
    if old is None:
        return None
    return SourceCopy(element if rank is None else rank, tag, attribute, layer_id, old)


def followed(copy: SourceCopy, by_id: dict[str, str], by_source: dict[str, str]) -> str | None:
    """The new value of a source copy (its layer's new source, by id then by old source), None if unchanged."""
    new = by_id.get(copy.layer_id) if copy.layer_id else None
    if new is None:
        new = by_source.get(copy.old)
    return new if new is not None and new != copy.old else None


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
    for element in root.iter(REFERENCE_TAGS):
        copy = source_copy(element)
        new = followed(copy, by_id, by_source) if copy is not None else None
        if new is not None:
            set_attribute(changes if changes is not None else [], element, copy.attribute, new)
            changed += 1
    return changed
