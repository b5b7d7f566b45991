"""Byte-faithful output: put each new value at the exact place of the old one in the original bytes.

QGIS writes one element per line and never puts markup in comments, so the n-th `<tag` in the bytes is
the n-th element of that tag in the document. Each edit checks that the bytes it replaces read back as
the old value; any doubt (counts differ, CDATA, odd layout) gives None and the caller re-serialises the
whole document instead. Everything else (empty-element style, quotes, attribute order, character
references) then stays byte for byte, so a project under version control shows a minimal diff.

Works from plain positions (tag, ordinal), so that a tree walk and a streaming pass share it.
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator, NamedTuple, Union

#: (start, end, new bytes): replace data[start:end].
Edit = tuple[int, int, bytes]
Piece = Union[bytes, memoryview]
#: A whole document: bytes, or the bytearray a .qgz entry is read into.
Buffer = Union[bytes, bytearray]


class Located(NamedTuple):
    """A value to change: the `index`-th `<tag>` of the document, its text (`attribute` None) or an attribute."""

    tag: str
    index: int
    attribute: str | None
    old: str
    new: str


_TAG_NAME = re.compile(r"[A-Za-z_][\w.\-]*")
_ENTITY = re.compile(r"&(#x[0-9A-Fa-f]+|#[0-9]+|amp|lt|gt|quot|apos);")
_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_ATTRIBUTE = re.compile(rb"""\s([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_START_TAG = re.compile(rb"""<[^\s/>]+(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*/?>""")
#: Comments and processing instructions inside a text value: the parser skips them, the edit drops them.
_SKIPPED = re.compile(rb"<!--.*?-->|<\?.*?\?>", re.DOTALL)


def plain_tag(tag: object) -> bool:
    """Whether `tag` is a name that can be searched for as `<tag` in the bytes (no namespace, no prefix)."""
    return isinstance(tag, str) and _TAG_NAME.fullmatch(tag) is not None


def edits(data: Buffer, encoding: str, changes: Iterable[Located], counts: dict[str, int]) -> list[Edit] | None:
    """Where each change sits in `data` and its new bytes, sorted; None when any of them is uncertain.

    `counts` is how many elements of each changed tag the parser saw: the bytes must hold as many.
    """
    try:
        "".encode(encoding)
    except (LookupError, ValueError):
        return None
    by_tag: dict[str, list[Located]] = {}
    for change in changes:
        by_tag.setdefault(change.tag, []).append(change)
    found: list[Edit] = []
    try:
        for tag, tag_changes in by_tag.items():
            if not plain_tag(tag):
                return None
            starts = [m.start() for m in re.finditer(b"<" + tag.encode("ascii") + rb"[\s/>]", data)]
            if len(starts) != counts.get(tag, -1):
                return None
            for change in tag_changes:
                edit = _edit(data, starts[change.index], change, encoding)
                if edit is None:
                    return None
                found.append(edit)
    except (UnicodeError, ValueError, KeyError, IndexError, OverflowError):
        return None
    found.sort()
    for (_, end, _), (start, _, _) in zip(found, found[1:]):
        if start < end:
            return None
    return found


def _edit(data: Buffer, position: int, change: Located, encoding: str) -> Edit | None:
    """The edit for one change of the element whose start tag is at `position`, checked against the bytes.

    Fast path: the bytes hold the old value escaped the usual way (QGIS and lxml agree on it), compared
    in C. Slow path: any other spelling (character references, other quotes, spaces around `=`) is read
    back through `_unescape`.
    """
    start_tag = _START_TAG.match(data, position)
    if start_tag is None:
        return None
    name = change.tag.encode("ascii")
    if change.attribute is None:
        if start_tag.group().endswith(b"/>"):
            return None
        begin = start_tag.end()
        expected = _escape(change.old, encoding, None)
        if data.startswith(expected, begin) and data.startswith(b"</" + name, begin + len(expected)):
            return begin, begin + len(expected), _escape(change.new, encoding, None)
        end = data.find(b"</" + name, begin)
        if end < 0:
            return None
        raw = _SKIPPED.sub(b"", data[begin:end])  # replaced with the rest: no piece of the old value survives
        if b"<" in raw or _unescape(raw, encoding, False) != change.old:
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


def pieces(data: Buffer, found: list[Edit]) -> list[Piece]:
    """The edited document as a list of pieces (views of `data` and new bytes): written or joined, no copy yet."""
    view = memoryview(data)
    out: list[Piece] = []
    cursor = 0
    for start, end, replacement in found:
        out += [view[cursor:start], replacement]
        cursor = end
    out.append(view[cursor:])
    return out


def iter_chunks(parts: Iterable[Piece], size: int = 1 << 20) -> Iterator[Piece]:
    """The pieces regrouped into chunks of about `size` bytes: fewer, larger writes to a compressor."""
    pending: list[Piece] = []
    length = 0
    for part in parts:
        pending.append(part)
        length += len(part)
        if length >= size:
            yield pending[0] if len(pending) == 1 else b"".join(pending)
            pending, length = [], 0
    if pending:
        yield pending[0] if len(pending) == 1 else b"".join(pending)
