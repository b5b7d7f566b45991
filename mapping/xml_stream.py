"""Find the data sources of a QGIS document in one streaming pass, without keeping its tree.

A 10,000-layer project is 74 MB of XML and its lxml tree ten times that. Writing the output only needs
to know where each source sits (the n-th `<datasource>`, the n-th `<layer-tree-layer>`...), because the
new values are put in place in the original bytes (`splice`). So the parser's events drive the same
collectors as the tree walk (`qgis_xml`), elements are cleared once read, and only plain data is kept.
"""

from __future__ import annotations

from typing import NamedTuple

from lxml import etree

from . import qgis_xml, splice

_TAGS = qgis_xml.LAYER_TAGS + qgis_xml.REFERENCE_TAGS
_REFERENCES = frozenset(qgis_xml.REFERENCE_TAGS)


class Scan(NamedTuple):
    """What the streaming pass found; `where` fields are ranks among the elements of a tag."""

    root_tag: str
    encoding: str
    layers: list[qgis_xml.MapLayerNode]
    copies: list[qgis_xml.SourceCopy]
    #: How many elements of each tag of interest the document holds (`splice.edits` checks the bytes agree).
    counts: dict[str, int]


def scan(data: splice.Buffer) -> Scan | None:
    """The map layers and source copies of a document, as the tree walk finds them.

    The same safety as `qgis_xml.parse` (prolog check first, same parser options, entity declarations
    refused). None when the document does not parse: the caller lets the tree path give the reason.
    """
    qgis_xml.check_prolog(data)
    counts = dict.fromkeys(_TAGS, 0)
    open_ranks: dict[str, list[int]] = {tag: [] for tag in qgis_xml.REFERENCE_TAGS}
    collector = qgis_xml.LayerCollector()
    layers: list[qgis_xml.MapLayerNode] = []
    copies: list[qgis_xml.SourceCopy] = []
    events = etree.iterparse(_Reader(data), events=("start", "end"), tag=_TAGS, **qgis_xml.PARSER_OPTIONS)
    try:
        for event, element in events:
            tag = element.tag
            if event == "start":
                rank = counts[tag]
                counts[tag] = rank + 1
                if tag in _REFERENCES:
                    open_ranks[tag].append(rank)  # read at the end: a <Layer> names its layer in its text
                    continue
                node = collector.add(element, rank)
            elif tag in _REFERENCES:
                copy = qgis_xml.source_copy(element, open_ranks[tag].pop())
                if copy is not None:
                    copies.append(copy)
                element.clear()
                continue
            elif tag == "maplayer":
                node = collector.close() if collector.current is element else None
                _drop(element)
            else:
                continue  # parts are read when their layer closes, and cleared with it
            if node is not None:
                layers.append(node)
        node = collector.close()
        if node is not None:
            layers.append(node)
        root = events.root
    except (etree.LxmlError, ValueError):
        return None
    if root is None:
        return None
    tree = root.getroottree()
    qgis_xml.refuse_entity_declarations(tree)
    tag = root.tag if isinstance(root.tag, str) else ""
    return Scan(tag, qgis_xml.document_encoding(tree), layers, copies, counts)


class _Reader:
    """A file over the document for the parser, one small copy per read (io.BytesIO copies a bytearray whole)."""

    def __init__(self, data: splice.Buffer) -> None:
        self._view = memoryview(data)
        self._at = 0

    def read(self, size: int = -1) -> bytes:
        end = len(self._view) if size < 0 else self._at + size
        chunk = bytes(self._view[self._at : end])
        self._at += len(chunk)
        return chunk


def _drop(element: etree._Element) -> None:
    """Free a map layer once read, and the ones before it (already read): the tree stays small."""
    element.clear()
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]
