"""Old Géoportail addresses outside data sources: layer actions, expressions, map tips, layouts, variables...

The engine rewrites data sources (`<datasource>` and the copies that follow them). Real projects also carry
old addresses in places no provider reads: an action's Python code that builds a WFS GetFeature URL, a label
expression, a map tip, a layout's HTML frame or picture, a project variable, an embedded layer's link. Each
one is found here, placed (from its XML ancestry) and either rewritten, when the value holds a whole URL
whose endpoint rule and layers the engine knows (the same rules, through the same migrator: key and
credentials dropped, layer names checked, `the_geom` filters adapted), or left for a person with a reason.
Nothing is left unmentioned: every occurrence of an old host in the document is either in a data source the
engine reports, or here.

Big files stay cheap: the hosts are found in the bytes, those inside data sources and copies are recognised
from the bytes around them, and only the few elements holding the others (a map layer, a layout...) are parsed
and walked; the changes go back into the original bytes by rank (`splice`), so the streaming path keeps no tree.
Odd documents are walked whole (`walk` over `iterparse` or `iterwalk` events). A file whose old hosts are all
in data sources (the byte count equals theirs) is not searched at all.
"""

from __future__ import annotations

import bisect
import contextlib
import re
from dataclasses import dataclass
from typing import Iterable, Iterator, NamedTuple
from urllib.parse import quote, unquote

from lxml import etree

from . import qgis_xml, splice
from .messages import msg
from .outcome import Migrator
from .provider_uri import EncodedUri, MalformedUrlError, UrlParts, is_secret_param
from .redact import redact
from .registry import Registry, load_registry
from .result import MIGRATED, NEEDS_KEY

# Where an occurrence sits (machine words: reports and JSON keep them; the labels below are for people).
ACTION = "action"
EXPRESSION = "expression"
MAPTIP = "maptip"
LAYOUT = "layout"
VARIABLE = "variable"
EMBEDDED = "embedded"
OTHER = "other"
PLACES = (ACTION, EXPRESSION, MAPTIP, LAYOUT, VARIABLE, EMBEDDED, OTHER)
PLACE_LABELS = {
    ACTION: msg("action de couche"),
    EXPRESSION: msg("expression"),
    MAPTIP: msg("infobulle"),
    LAYOUT: msg("mise en page"),
    VARIABLE: msg("variable"),
    EMBEDDED: msg("couche ou groupe intégré"),
    OTHER: msg("autre propriété"),
}

REWRITTEN = "rewritten"
TO_FIX = "to-fix"
REFERENCE_STATUSES = (REWRITTEN, TO_FIX)
STATUS_LABELS = {REWRITTEN: msg("réécrite"), TO_FIX: msg("à corriger à la main")}

MSG_NO_RULE = msg("adresse construite par morceaux ou sans service reconnu : à corriger à la main")
MSG_NO_URL = msg("nom d'hôte de l'ancien Géoportail hors d'une adresse complète : à corriger à la main")
MSG_MIXED = msg("valeur mêlée à des éléments XML : à corriger à la main")
MSG_LISTED = msg("ancienne adresse hors des sources de données : à vérifier")
MSG_COMMENT = msg("commentaire XML : à corriger à la main si besoin")
MSG_THE_GEOM = msg(
    "le code ou l'expression emploie encore the_geom hors de l'adresse réécrite : le champ géométrique "
    "s'appelle geom sur la Géoplateforme"
)
MSG_CREDENTIALS = msg("identifiants de l'ancienne adresse retirés : inutiles et invalides sur la Géoplateforme")

#: Tags under which a value belongs to a layout (QGIS 3 layouts, QGIS 2 composers).
_LAYOUT_TAGS = frozenset({"Layout", "Layouts", "Composer", "Composition", "Composers"})
#: Tags and attribute names that hold (or sit under) QGIS expressions.
_EXPRESSION_TAGS = frozenset({
    "expressionfields", "defaults", "default", "constraintExpressions", "constraint", "conditionalstyles",
    "previewExpression", "labeling", "rules", "rule", "data_defined_properties", "dataDefinedProperties",
    "attributetableconfig", "displayfield", "filter",
})
_EXPRESSION_ATTRIBUTES = frozenset({"expression", "exp", "filter", "fieldName", "label", "displayExpression"})
_MAPTIP_TAGS = frozenset({"mapTip", "maptip"})
_NAMES = "variableNames"
_VALUES = "variableValues"
_THE_GEOM = re.compile(r"\bthe_geom\b")
#: Where a URL written in free text (code, expression, HTML) stops; a URL that follows a quote stops at the
#: same quote (or a line end): an XML filter or a QGIS `[% %]` inside a quoted URL is part of it.
_URL_END = re.compile(r"""[\s'"<>\\`]|\[%|&quot;|&apos;|&lt;|&gt;""")
_QUOTED_END = {"'": re.compile(r"['\n]"), '"': re.compile(r'["\n]')}
_TRAILING = ".,;:)!?\\"
_EXPRESSION = re.compile(r"\[%.*?%\]", re.DOTALL)
MSG_EXPRESSION_IN_URL = msg(
    "adresse qui contient une expression QGIS [% … %] que la réécriture changerait : à corriger à la main"
)
_SNIPPET = 60


@dataclass(frozen=True)
class Reference:
    """One value outside the data sources that names an old host, and what was done with it.

    `text` and `new_text` are excerpts already redacted (no key, no credentials): a reference goes to
    reports and logs as it is.
    """

    place: str
    layer: str  # the map layer it belongs to (name, else id), "" for project-wide values
    owner: str  # the layout, variable, action or field it belongs to, when it has a name
    where: str  # the element and attribute, e.g. `actionsetting@action`
    text: str
    new_text: str = ""
    status: str = TO_FIX
    reason: str = ""
    warnings: tuple[str, ...] = ()


class ValueChange(NamedTuple):
    """A value to rewrite: `where` is the element (tree walk) or its rank among its tag (streaming pass)."""

    where: etree._Element | int
    tag: str
    attribute: str | None
    old: str
    new: str


@dataclass
class Found:
    """What a walk found: the references, the values to rewrite, and how many elements of each tag it saw.

    `handled` counts the old hosts in the values the engine handles (skipped here): with the references, it
    accounts for the occurrences in the document (`complete` compares that with the bytes).
    """

    references: list[Reference]
    changes: list[ValueChange]
    counts: dict[str, int]
    streaming: bool = False
    handled: int = 0


# --- is a walk needed? -------------------------------------------------------------------------------------


def _byte_pattern(registry: Registry) -> re.Pattern:
    return re.compile(registry.old_host_pattern.pattern.encode("ascii"), re.IGNORECASE)


#: Every old host ends with one of these (registry endpoints.csv): searched as plain bytes first, which is fast.
_HOST_ENDS = (b"ign.fr", b"geopf.fr")


def positions(data: bytes | bytearray, registry: Registry | None = None) -> list[int]:
    """Where an old host starts in the raw document, in order (what a reader of the file sees).

    The case-insensitive host pattern is slow over tens of megabytes; the host endings are found as plain bytes
    in lower-cased slices of a megabyte (never a copy of the whole document), and the pattern is checked around
    each one.
    """
    registry = registry or load_registry()
    pattern = _byte_pattern(registry)
    found: set[int] = set()
    margin = 64  # more than the longest host, and room for the pattern to look behind and ahead
    for offset in range(0, len(data), _SLICE):
        base = max(0, offset - margin)
        lowered = bytes(data[base:offset + _SLICE + margin]).lower()
        for ending in _HOST_ENDS:
            at = lowered.find(ending)
            while at >= 0:
                end = at + len(ending)
                if offset <= base + at < offset + _SLICE:
                    for match in pattern.finditer(lowered, max(0, at - 40), min(len(lowered), end + 8)):
                        if match.end() == end:
                            found.add(base + match.start())
                at = lowered.find(ending, end)
    return sorted(found)


_SLICE = 1 << 20


def count_in_bytes(data: bytes | bytearray, registry: Registry | None = None) -> int:
    """Occurrences of an old host in the raw document."""
    return len(positions(data, registry))


def count_in(values: Iterable[str], registry: Registry | None = None) -> int:
    """Occurrences of an old host in decoded values (the data sources and copies the engine handles): when the
    bytes hold as many, there is nothing elsewhere."""
    pattern = (registry or load_registry()).old_host_pattern
    return sum(len(pattern.findall(value)) for value in values if value and ("ign.fr" in value.lower()
                                                                             or "geopf.fr" in value.lower()))


# --- finding the places without walking the whole document ------------------------------------------------------

#: Elements that never nest in QGIS files: a value inside one is read by parsing that element alone.
_UNITS = ("maplayer", "Layout", "Composer", "projectMetadata", "properties")
#: The layer tree nests groups: its outermost group is a unit too.
_TREE_UNIT = "layer-tree-group"
_START_TAG = re.compile(rb"""<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(/?)>""")
_ATTRIBUTE = re.compile(rb"""\s([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
#: A character reference to a letter, digit, dot or hyphen could spell a host that the bytes do not show.
_HOST_CHARACTER_REFERENCE = re.compile(
    rb"&#(?:[xX]0*(?:2[dDeE]|3[0-9]|[46][0-9a-fA-F]|[57][0-9aA])|0*(?:4[56]|4[89]|5[0-7]|6[5-9]|[7-9][0-9]|1[01][0-9]|12[0-2]));"
)


def find(data: bytes | bytearray, migrate: Migrator | None, *, known_ids=frozenset(), known_sources=frozenset(),
         root: etree._Element | None = None, registry: Registry | None = None,
         found_at: list[int] | None = None) -> Found | None:
    """The old addresses outside data sources of a document, and their rewrites; None when there is none at all.

    Each occurrence of an old host is placed from the bytes around it: those in a data source or in a source
    copy that follows a known layer are the engine's; the others are read by parsing only the element that holds
    them (a map layer, a layout, the project properties, metadata or layer tree), so a 10,000-layer project is
    not walked for one address. Odd documents (CDATA, hosts spelt with character references, a value outside
    those elements) are walked whole: from `root` (a parsed tree), else by a streaming parse.
    Changes name their element by rank among its tag in the document (`where` an int), or, from a walk of
    `root`, by the element itself. `found_at`: the `positions` of the old hosts, when the caller has them.
    """
    registry = registry or load_registry()
    found_at = positions(data, registry) if found_at is None else found_at
    if not found_at:
        return None
    if b"<![CDATA[" in data or _HOST_CHARACTER_REFERENCE.search(data):
        return _walk_whole(data, migrate, known_ids, known_sources, root, registry)
    encoding = _encoding(data)
    result = Found([], [], {}, root is None)
    units: dict[tuple[int, int], None] = {}
    comments = [(m.start(), m.end()) for m in re.finditer(rb"<!--.*?-->", data, re.DOTALL)]
    index: _UnitIndex | None = None
    escaped = _Escaped(known_sources, encoding)
    for at in found_at:
        if not _in_comment(comments, at) and _engine_value(data, at, encoding, known_ids, known_sources, escaped):
            result.handled += 1
            continue
        index = index or _UnitIndex(data)
        unit = index.around(at)
        if unit is None:
            return _walk_whole(data, migrate, known_ids, known_sources, root, registry)
        units[unit] = None
    starts: dict[str, list[int]] = {}
    for start, end in units:
        if not _read_unit(data, start, end, encoding, migrate, known_ids, known_sources, registry, result, starts):
            return _walk_whole(data, migrate, known_ids, known_sources, root, registry)
    result.counts = {tag: len(places) for tag, places in starts.items()}
    result.references.sort(key=lambda reference: reference.place == OTHER)  # keeps document order otherwise
    return result


def _walk_whole(data, migrate, known_ids, known_sources, root, registry) -> Found | None:
    if root is not None:
        events = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
        return walk(events, migrate, known_ids=known_ids, known_sources=known_sources, registry=registry)
    return stream(data, migrate, known_ids=known_ids, known_sources=known_sources, registry=registry)


def _encoding(data: bytes | bytearray) -> str:
    declared = re.match(rb"""(?:\xef\xbb\xbf)?\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)""", data[:200])
    return declared.group(1).decode("ascii") if declared else "UTF-8"


def _engine_value(data, at: int, encoding: str, known_ids, known_sources, escaped: _Escaped) -> bool:
    """Whether the occurrence at `at` (not in a comment) is in a map layer's data source or in a source copy of a
    known layer."""
    lt = data.rfind(b"<", 0, at)
    tag = _START_TAG.match(data, lt) if lt >= 0 else None
    if tag is None:
        return False
    name = tag.group(1).decode("ascii", "replace")
    if tag.end() <= at:  # in the text after a start tag
        if name != "datasource" or tag.group(3):
            return False
        close = data.find(b"<", tag.end())
        if close < 0 or not data.startswith(b"</datasource>", close):
            return False
        raw = bytes(data[tag.end():close])
        return raw in escaped(None) or _unescape(raw, encoding, False) in known_sources
    wanted = _COPY_ATTRIBUTES.get(name)
    if wanted is None:
        return False
    if name in _SOURCE_ATTRIBUTE:  # the quick answer: the copy holds a known source, as QGIS escapes it
        for attribute in _ATTRIBUTE.finditer(data, lt, tag.end()):
            if attribute.group(2) is not None and attribute.start(2) <= at < attribute.end(2):
                if (attribute.group(1).decode("ascii", "replace") == _SOURCE_ATTRIBUTE[name]
                        and attribute.group(2) in escaped('"')):
                    return True
                break
    attributes, inside = {}, None
    for attribute in _ATTRIBUTE.finditer(data, lt, tag.end()):
        key = attribute.group(1).decode("ascii", "replace")
        if key not in wanted:
            continue
        group = 2 if attribute.group(2) is not None else 3
        attributes[key] = _unescape(attribute.group(group), encoding, True)
        if attribute.start(group) <= at < attribute.end(group):
            inside = key
    element = etree.Element(name, attributes)
    if name == "Layer" and not tag.group(3):
        close = data.find(b"<", tag.end())
        element.text = _unescape(data[tag.end():close], encoding, False) if close > 0 else ""
    copy = qgis_xml.source_copy(element)
    if copy is None or copy.attribute != inside:
        return False
    return (copy.layer_id is not None and copy.layer_id in known_ids) or copy.old in known_sources


_SOURCE_ATTRIBUTE = {"layer-tree-layer": "source", "Layer": "source", "Atlas": "coverageLayerSource"}


class _Escaped:
    """The known sources as the bytes of a text (quote None) or of an attribute value: compared without decoding."""

    def __init__(self, sources, encoding: str) -> None:
        self.sources, self.encoding = sources, encoding
        self._sets: dict[str | None, frozenset[bytes]] = {}

    def __call__(self, quote: str | None) -> frozenset[bytes]:
        from .splice import _escape

        if quote not in self._sets:
            self._sets[quote] = frozenset(_escape(source, self.encoding, quote) for source in self.sources)
        return self._sets[quote]


#: The attributes `qgis_xml.source_copy` reads, per tag.
_COPY_ATTRIBUTES = {
    "Option": ("name", "value"), "Atlas": ("coverageLayer", "coverageLayerSource"),
    "layer-tree-layer": ("id", "source"), "Layer": ("source",),
}
_PLAIN_VALUE = re.compile(rb"[^&\r\n\t]*")


def _unescape(raw: bytes, encoding: str, attribute: bool) -> str:
    from .splice import _unescape as unescape

    if _PLAIN_VALUE.fullmatch(raw):  # the usual case, without the entity machinery
        with contextlib.suppress(UnicodeError, LookupError):
            return raw.decode(encoding)

    with contextlib.suppress(UnicodeError, LookupError, KeyError, ValueError):
        return unescape(raw, encoding, attribute)
    return ""


def _in_comment(comments: list[tuple[int, int]], at: int) -> bool:
    index = bisect.bisect_right(comments, (at, 1 << 62)) - 1
    return index >= 0 and comments[index][0] <= at < comments[index][1]


class _UnitIndex:
    """Where each element of _UNITS opens and closes in the bytes, found in one pass: which one holds an offset."""

    def __init__(self, data) -> None:
        self.data = data
        self.opens: dict[bytes, list[int]] = {}
        self.closes: dict[bytes, list[int]] = {}
        self.tree: tuple[int, int] | None = None
        names = b"|".join(re.escape(tag.encode("ascii")) for tag in _UNITS)
        for match in re.compile(rb"<(/?)(" + names + rb")(?=[\s/>])").finditer(data):
            tag = match.group(2)
            if match.group(1):
                self.closes.setdefault(tag, []).append(match.start())
                continue
            start_tag = _START_TAG.match(data, match.start())
            if start_tag is not None and not start_tag.group(3):  # a self-closing one holds nothing
                self.opens.setdefault(tag, []).append(match.start())

    def around(self, at: int) -> tuple[int, int] | None:
        """The byte span of the innermost unit around `at` (or the outermost layer-tree group), None if none."""
        best: tuple[int, int] | None = None
        for tag, opens in self.opens.items():
            closes = self.closes.get(tag, [])
            index = bisect.bisect_left(opens, at) - 1
            if index < 0:
                continue
            opening = opens[index]
            after = bisect.bisect_left(closes, opening)
            if after >= len(closes) or closes[after] < at:
                continue  # closed before `at`
            span = (opening, closes[after] + len(tag) + 3)
            if best is None or span[0] > best[0]:
                best = span
        if best is not None:
            return best
        if self.tree is None:
            self.tree = _tree_unit(self.data) or (-1, -1)
        return self.tree if self.tree[0] <= at < self.tree[1] else None


def _tree_unit(data) -> tuple[int, int] | None:
    """The span of the document's first (outermost) layer-tree group."""
    tag = _TREE_UNIT.encode("ascii")
    opening = data.find(b"<" + tag)
    if opening < 0:
        return None
    depth = 0
    group_tags = re.compile(rb"<(/?)" + re.escape(tag) + rb"""((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(/?)>""")
    for match in group_tags.finditer(data, opening):
        if match.group(1):
            depth -= 1
        elif not match.group(3):
            depth += 1
        if depth == 0:
            return opening, match.end()
    return None


def _read_unit(data, start: int, end: int, encoding: str, migrate, known_ids, known_sources, registry,
               result: Found, starts: dict[str, list[int]]) -> bool:
    """Walk one element alone; its changes named by rank in the whole document. False when it cannot be read."""
    utf8 = encoding.upper().replace("-", "") == "UTF8"
    head = b"" if utf8 else f'<?xml version="1.0" encoding="{encoding}"?>'.encode("ascii")
    try:
        unit_root = etree.fromstring(head + bytes(data[start:end]), etree.XMLParser(**qgis_xml.PARSER_OPTIONS))
    except (etree.LxmlError, ValueError):
        return False
    found = walk(etree.iterwalk(unit_root, events=("start", "end", "comment", "pi")), migrate,
                 known_ids=known_ids, known_sources=known_sources, registry=registry)
    result.handled += found.handled
    result.references += found.references
    for change in found.changes:
        tag = change.tag
        if not splice.plain_tag(tag):
            return False
        tag_start = re.compile(b"<" + tag.encode("ascii") + rb"[\s/>]")
        if tag not in starts:
            starts[tag] = [m.start() for m in tag_start.finditer(data)]
        local = [m.start() for m in tag_start.finditer(data, start, end)]
        elements = list(unit_root.iter(tag))
        if len(local) != len(elements):
            return False
        rank = bisect.bisect_left(starts[tag], start) + elements.index(change.where)
        result.changes.append(change._replace(where=rank))
    return True


# --- the walk ----------------------------------------------------------------------------------------------


class _Frame:
    """An open element: what classification and naming need, nothing else."""

    __slots__ = ("tag", "rank", "attrib", "layer", "variable_names", "names", "children")

    def __init__(self, tag: str, rank: int, attrib: dict[str, str]):
        self.tag = tag
        self.rank = rank
        self.attrib = attrib
        self.layer: dict[str, str] | None = {} if tag == "maplayer" else None
        self.variable_names: list[str] = []
        self.names: list[str] | None = [] if _list_kind(tag, attrib) == _NAMES else None
        self.children = 0


_KEPT_ATTRIBUTES = ("name", "key", "field", "title", "id", "embedded", "uuid", "templateUuid")


def _list_kind(tag: str, attrib: dict[str, str]) -> str:
    for kind in (_NAMES, _VALUES):
        if tag == kind or attrib.get("name") == kind or attrib.get("key") == kind:
            return kind
    return ""


def walk(
    events: Iterable[tuple[str, object]],
    migrate: Migrator | None,
    *,
    known_ids: frozenset[str] | set[str] = frozenset(),
    known_sources: frozenset[str] | set[str] = frozenset(),
    streaming: bool = False,
    registry: Registry | None = None,
) -> Found:
    """Find (and, with a migrator, rewrite) the old addresses in a document's parser events.

    `events` are ("start"|"end"|"comment"|"pi", element) pairs from `etree.iterparse` or `etree.iterwalk`.
    Values the engine handles are skipped: a map layer's `<datasource>`, and the source copies of
    `qgis_xml.source_copy` that follow a layer of the document (`known_ids`, `known_sources`). With
    `streaming`, each element is freed once read (its parent reads its tail first).
    """
    registry = registry or load_registry()
    pattern = registry.old_host_pattern
    found = Found([], [], {}, streaming)
    counts = found.counts
    stack: list[_Frame] = []
    for event, element in events:
        tag = element.tag
        if event == "start":
            rank = counts.get(tag, 0)
            counts[tag] = rank + 1
            attrib = element.attrib
            kept = {name: attrib[name] for name in _KEPT_ATTRIBUTES if name in attrib}
            if stack:
                stack[-1].children += 1
            stack.append(_Frame(tag, rank, kept))
            continue
        if event in ("comment", "pi"):
            text = element.text or ""
            if pattern.search(text):
                found.references.append(_reference(stack, None, "<!-- -->", text, registry, reason=MSG_COMMENT))
            continue
        frame = stack.pop()
        _read_element(element, frame, stack, found, migrate, known_ids, known_sources, registry)
        if streaming:
            del element[:]
            element.clear(keep_tail=True)
    return found


def _read_element(element, frame: _Frame, stack: list[_Frame], found: Found, migrate: Migrator | None,
                  known_ids, known_sources, registry: Registry) -> None:
    pattern = registry.old_host_pattern
    tag = frame.tag
    parent = stack[-1] if stack else None
    has_children = len(element) > 0
    text = element.text or ""
    if has_children:  # mixed content (rare in QGIS files): the text between children, never rewritten
        text += "".join(child.tail or "" for child in element)
    # names of the enclosing layer, and of variables, for the references that follow
    if parent is not None:
        if parent.layer is not None and tag in ("layername", "id") and tag not in parent.layer:
            parent.layer[tag] = text.strip()
        if parent.names is not None:
            parent.names.append(element.get("value") if "value" in element.attrib else text)
        if frame.names is not None:
            if not frame.names and "value" in element.attrib:  # <property key="variableNames" value="a"/>
                frame.names.append(element.get("value"))
            parent.variable_names = frame.names
    for name, value in element.attrib.items():
        if not pattern.search(value):
            continue
        if _handled_copy(element, name, known_ids, known_sources):
            found.handled += len(pattern.findall(value))
            continue
        _found(found, stack + [frame], element, name, value, migrate, registry, rewritable=True)
    if text and pattern.search(text):
        if tag == "datasource" and parent is not None and parent.tag == "maplayer":
            found.handled += len(pattern.findall(text))
            return  # the engine's
        _found(found, stack + [frame], element, None, text, migrate, registry, rewritable=not has_children)


def _handled_copy(element, attribute: str, known_ids, known_sources) -> bool:
    if element.tag not in qgis_xml.REFERENCE_TAGS:
        return False
    copy = qgis_xml.source_copy(element)
    if copy is None or copy.attribute != attribute:
        return False
    return (copy.layer_id is not None and copy.layer_id in known_ids) or copy.old in known_sources


def _found(found: Found, frames: list[_Frame], element, attribute: str | None, value: str,
           migrate: Migrator | None, registry: Registry, rewritable: bool) -> None:
    frame = frames[-1]
    where = f"{frame.tag}@{attribute}" if attribute else frame.tag
    if migrate is None:
        found.references.append(_reference(frames, attribute, where, value, registry, reason=MSG_LISTED))
        return
    new, reasons, warnings = rewrite_value(value, migrate, registry)
    if not rewritable and new != value:
        new, reasons = value, [MSG_MIXED]
    if new != value:
        found.changes.append(ValueChange(frame.rank if found.streaming else element, frame.tag, attribute, value, new))
    found.references.append(_reference(
        frames, attribute, where, value, registry, new=new if new != value else "",
        reason=_joined(reasons), warnings=tuple(warnings),
    ))


def _joined(reasons: list[str]) -> str:
    unique = list(dict.fromkeys(reason for reason in reasons if reason))
    if not unique:
        return ""
    joined = unique[0]
    for reason in unique[1:]:
        joined = msg("{first} ; {second}", first=joined, second=reason)
    return joined


# --- where a value is, for people --------------------------------------------------------------------------


def place_of(frames: list[_Frame], attribute: str | None) -> str:
    """The kind of place a value sits in, from its element and ancestors (innermost rules first)."""
    tags = [frame.tag for frame in frames]
    element = frames[-1]
    if any(frame.attrib.get("embedded") == "1" for frame in frames):
        return EMBEDDED
    if "attributeactions" in tags or element.tag == "actionsetting":
        return ACTION
    if _MAPTIP_TAGS & set(tags):
        return MAPTIP
    if "Variables" in tags or any(_list_kind(frame.tag, frame.attrib) == _VALUES for frame in frames):
        return VARIABLE
    if _LAYOUT_TAGS & set(tags):
        return LAYOUT
    if attribute in _EXPRESSION_ATTRIBUTES or _EXPRESSION_TAGS & set(tags):
        return EXPRESSION
    if element.attrib.get("name") in _EXPRESSION_ATTRIBUTES:  # <Option name="expression" value="..."/>
        return EXPRESSION
    return OTHER


def _names(frames: list[_Frame], place: str) -> tuple[str, str]:
    """(layer, owner): the map layer a value belongs to, and the named thing inside it."""
    layer = ""
    for frame in reversed(frames):
        if frame.layer is not None:
            layer = frame.layer.get("layername") or frame.layer.get("id", "")
            break
    owner = ""
    if place == VARIABLE:
        owner = _variable_name(frames)
    elif place == LAYOUT:
        for frame in frames:
            if frame.tag in _LAYOUT_TAGS and (frame.attrib.get("name") or frame.attrib.get("title")):
                owner = frame.attrib.get("name") or frame.attrib.get("title", "")
        item = frames[-1].attrib.get("id")
        owner = f"{owner} / {item}" if owner and item else owner or item or ""
    elif place == EMBEDDED:  # the embedded group or layer: its name, else its id
        embedded = next(frame for frame in reversed(frames) if frame.attrib.get("embedded") == "1")
        owner = embedded.attrib.get("name") or embedded.attrib.get("id", "")
    else:
        owner = frames[-1].attrib.get("name") or frames[-1].attrib.get("field", "")
    return layer, owner


def _variable_name(frames: list[_Frame]) -> str:
    for depth in range(len(frames) - 1, 0, -1):
        frame = frames[depth]
        if _list_kind(frame.tag, frame.attrib) != _VALUES:
            continue
        names = frames[depth - 1].variable_names
        if depth + 1 < len(frames):  # one value among the list's children: its rank there
            index = frame.children - 1
        else:  # a single value in the list element itself
            index = 0
        return names[index] if 0 <= index < len(names) else ""
    return ""


def _reference(frames: list[_Frame], attribute: str | None, where: str, value: str, registry: Registry, *,
               new: str = "", reason: str = "", warnings: tuple[str, ...] = ()) -> Reference:
    place = place_of(frames, attribute) if frames else OTHER
    layer, owner = _names(frames, place) if frames else ("", "")
    if new:
        status = TO_FIX if reason else REWRITTEN
    else:
        status = TO_FIX
        reason = reason or MSG_NO_RULE
    return Reference(
        place=place, layer=layer, owner=owner, where=where, text=excerpt(value, registry),
        new_text=excerpt(new, registry, around=value) if new else "", status=status, reason=reason,
        warnings=warnings,
    )


def excerpt(value: str, registry: Registry | None = None, around: str | None = None) -> str:
    """The parts of `value` around each old host, redacted first (a cut never splits a secret from its mask).

    With `around` (the old value), the excerpt of a new value shows the same places: where the old hosts were.
    """
    registry = registry or load_registry()
    safe = redact(value)
    anchors = [m.start() for m in registry.old_host_pattern.finditer(redact(around) if around else safe)]
    if around is not None:  # the new value: the old hosts' places, shifted by the length difference before them
        anchors = [_shifted(redact(around), safe, at) for at in anchors]
    spans: list[list[int]] = []
    for at in anchors:
        start = _url_start(safe, at)
        end = _url_end(safe, at)
        start, end = max(0, min(start, at - _SNIPPET)), min(len(safe), max(end, at + _SNIPPET))
        start = max(start, safe.rfind("\n", 0, at) + 1)
        newline = safe.find("\n", at)
        end = min(end, newline) if newline >= 0 else end
        if spans and start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    if not spans:
        return safe[: 2 * _SNIPPET]
    pieces = [safe[start:end].strip() for start, end in spans]
    text = " … ".join(pieces)
    if spans[0][0] > 0:
        text = "… " + text
    if spans[-1][1] < len(safe):
        text += " …"
    return text


def _shifted(old: str, new: str, at: int) -> int:
    """Where position `at` of `old` falls in `new`: the same prefix, or the same distance from the end."""
    prefix = 0
    limit = min(len(old), len(new))
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    if at <= prefix:
        return at
    return max(prefix, min(len(new), at + len(new) - len(old)))


def _url_start(text: str, at: int) -> int:
    scheme = max(text.rfind("http://", max(0, at - 16), at), text.rfind("https://", max(0, at - 16), at))
    return scheme if scheme >= 0 else at


def _url_end(text: str, at: int) -> int:
    stop = _URL_END.search(text, at)
    return min(stop.start() if stop else len(text), at + 400)


# --- rewriting one value -------------------------------------------------------------------------------------


_URL_START = re.compile(r"https?://", re.IGNORECASE)


def urls(value: str, registry: Registry | None = None) -> Iterator[tuple[int, int]]:
    """The spans of whole URLs on an old host in free text (code, expression, HTML, plain value)."""
    registry = registry or load_registry()
    for start in _URL_START.finditer(value):
        quote_char = value[start.start() - 1] if start.start() else ""
        end = _QUOTED_END.get(quote_char, _URL_END).search(value, start.end())
        stop = end.start() if end else len(value)
        while stop > start.end() and value[stop - 1] in _TRAILING:
            stop -= 1
        candidate = value[start.start():stop]
        with_host = registry.old_host_pattern.match(candidate, start.end() - start.start())
        if with_host is not None:
            yield start.start(), stop


def rewrite_value(value: str, migrate: Migrator, registry: Registry | None = None) -> tuple[str, list, list]:
    """The value with each old URL it holds rewritten where the rules know it; (new value, reasons, warnings).

    An old host that is not part of a whole URL, or a URL no rule rewrites, leaves a reason: a person fixes it.
    """
    registry = registry or load_registry()
    reasons: list[str] = []
    warnings: list[str] = []
    out: list[str] = []
    cursor = 0
    covered = 0
    for start, end in urls(value, registry):
        new, reason, said = rewrite_url(value[start:end], migrate, registry)
        if new is not None and sorted(_EXPRESSION.findall(new)) != sorted(_EXPRESSION.findall(value[start:end])):
            new, reason, said = None, MSG_EXPRESSION_IN_URL, []
        warnings += [warning for warning in said if warning not in warnings]
        covered += len(registry.old_host_pattern.findall(value[start:end]))
        if new is None:
            reasons.append(reason)
            continue
        if reason:
            reasons.append(reason)
        out += [value[cursor:start], new]
        cursor = end
    out.append(value[cursor:])
    new_value = "".join(out)
    if covered < len(registry.old_host_pattern.findall(value)):
        reasons.append(MSG_NO_URL)
    if new_value != value and _THE_GEOM.search(new_value):
        reasons.append(MSG_THE_GEOM)
    return new_value, reasons, warnings


def rewrite_url(url: str, migrate: Migrator, registry: Registry | None = None) -> tuple[str | None, str, list]:
    """One old URL on GPF through the engine's rules: (new URL or None, reason, warnings).

    A service address (no layer named) becomes the GPF service address with its query kept, secrets dropped;
    a request naming layers (WFS TYPENAME, WMS LAYERS, WMTS LAYER, TMS tiles, vector-tile styles) goes through
    the migrator, as the same request would as a data source. The reason is set when the URL is rewritten but
    still needs a person (a key for a licensed layer), or when it is not rewritten.
    """
    registry = registry or load_registry()
    try:
        parts = UrlParts(url)
    except MalformedUrlError as error:
        return None, str(error), []
    match = registry.match_endpoint(parts.host, parts.path)
    if match is None:
        return None, MSG_NO_RULE, []
    service, tail = match.service, match.tail.strip("/")
    layered = {
        "wfs": ("typename", "typenames"), "wms-r": ("layers",), "wms-v": ("layers",), "wmts": ("layer",),
    }.get(service, ())
    if service == "tms" and tail:
        return _through(migrate, "vectortile", "type=xyz&url=" + _encoded(url), "url")
    if service == "vt-resources":
        return _through(migrate, "vectortile", "styleUrl=" + _encoded(url), "styleUrl")
    if tail:
        return None, MSG_NO_RULE, []
    if not any(parts.param(name) for name in layered):
        return _service_address(parts, service, registry)
    if service == "wfs":
        return _through(migrate, "WFS", url, None)
    if service == "wmts":
        return _through(migrate, "wms", "type=xyz&url=" + _encoded(url), "url")
    return _wms_request(url, parts, migrate)


def _encoded(url: str) -> str:
    """A URL as a value of a `key=value&...` provider source, the way QGIS writes it (readable, `&`/`=` encoded)."""
    return quote(url, safe="/:?@!$'()*,;~")


def _service_address(parts: UrlParts, service: str, registry: Registry) -> tuple[str, str, list]:
    query = [(key, value) for key, value in parts.query if not is_secret_param(key)]
    warnings = []
    dropped = {unquote(key).strip().lower() for key, _ in parts.query if is_secret_param(key)}
    if parts.userinfo or dropped - {"apikey", "api_key", "api-key", "key", "gppkey"}:
        warnings.append(MSG_CREDENTIALS)
    base = registry.service_url(service)
    return base + ("?" + "&".join(f"{k}={v}" for k, v in query) if query else ""), "", warnings


def _outcome(migration) -> tuple[bool, str, list]:
    warnings = list(migration.warnings)
    if migration.status == MIGRATED and migration.changed:
        return True, "", warnings
    if migration.status == NEEDS_KEY and migration.changed:
        return True, migration.reason, warnings
    return False, migration.reason or MSG_NO_RULE, warnings


def _through(migrate: Migrator, provider: str, source: str, field: str | None) -> tuple[str | None, str, list]:
    """Ask the migrator about the URL written as a data source; `field` is where the new URL is (None: all)."""
    migration = migrate(provider, source)
    done, reason, warnings = _outcome(migration)
    if not done:
        return None, reason, warnings
    new = migration.new_source if field is None else EncodedUri(migration.new_source).get(field)
    if not new:
        return None, MSG_NO_RULE, warnings
    return new, reason, warnings


def _wms_request(url: str, parts: UrlParts, migrate: Migrator) -> tuple[str | None, str, list]:
    """A WMS request naming layers (GetMap, GetLegendGraphic...): the layers as a WMS data source would be."""
    names = [name for name in (parts.param("layers") or "").split(",")]
    styles = (parts.param("styles") or "").split(",")
    source = "&".join(
        ["crs=EPSG:3857", "format=image/png"]
        + [f"layers={quote(name, safe='')}" for name in names]
        + [f"styles={quote(style, safe='')}" for style in (styles + [""] * len(names))[: len(names)]]
        + ["url=" + _encoded(url)]
    )
    migration = migrate("wms", source)
    done, reason, warnings = _outcome(migration)
    if not done:
        return None, reason, warnings
    new_uri = EncodedUri(migration.new_source)
    base = new_uri.get("url") or ""
    layers = ",".join(quote(name, safe=":") for name in new_uri.get_all("layers"))
    styles_new = ",".join(quote(style, safe=":") for style in new_uri.get_all("styles"))
    query = []
    dropped = False
    for key, value in parts.query:
        if is_secret_param(key):
            dropped = dropped or unquote(key).strip().lower() not in {"apikey", "api_key", "api-key", "key", "gppkey"}
            continue
        lowered = key.lower()
        if lowered == "layers":
            value = layers
        elif lowered == "styles":
            value = styles_new
        query.append((key, value))
    if (dropped or parts.userinfo) and MSG_CREDENTIALS not in warnings:
        warnings.append(MSG_CREDENTIALS)
    return base + ("?" + "&".join(f"{k}={v}" for k, v in query) if query else ""), reason, warnings


# --- whole documents ---------------------------------------------------------------------------------------


def complete(found: Found, data: bytes | bytearray, registry: Registry | None = None,
             in_bytes: int | None = None) -> list[Reference]:
    """The references, plus one for the occurrences of the bytes that the walk could not place (a host in an
    element name, split by a comment...): the count of the file says how many, so that none is silent."""
    registry = registry or load_registry()
    placed = found.handled + sum(
        max(1, len(registry.old_host_pattern.findall(reference.text))) for reference in found.references
    )
    missing = (count_in_bytes(data, registry) if in_bytes is None else in_bytes) - placed
    if missing <= 0:
        return found.references
    return found.references + [Reference(
        place=OTHER, layer="", owner="", where="", text="", status=TO_FIX,
        reason=msg("{count} occurrence(s) d'une ancienne adresse non localisée(s) dans le document : à vérifier",
                   count=missing),
    )]


def find_references(data: bytes, migrate: Migrator | None = None, registry: Registry | None = None) -> list[Reference]:
    """Every old address outside data sources in a project's XML, without changing anything.

    For the open-project bascule: QGIS writes the project to bytes (`QgsProject.write` to a temporary
    .qgs), this lists what a person must look at; with a migrator, each reference also shows the rewrite
    a file bascule would make (`new_text`). Raises InputError on a document that does not parse.
    """
    data = bytes(data)
    found = tree(data, qgis_xml.parse(data).getroot(), migrate, registry)
    return [] if found is None else complete(found, data, registry)


def stream(data: bytes | bytearray, migrate: Migrator | None, *, known_ids=frozenset(), known_sources=frozenset(),
           registry: Registry | None = None) -> Found | None:
    """The streaming walk of a whole document (elements freed as read); None when it does not parse.

    The caller has run `xml_stream.scan` on the same bytes (prolog and DTD checks): same parser options.
    """
    from .xml_stream import _Reader

    events = etree.iterparse(_Reader(data), events=("start", "end", "comment", "pi"), **qgis_xml.PARSER_OPTIONS)
    try:
        return walk(events, migrate, known_ids=known_ids, known_sources=known_sources, streaming=True,
                    registry=registry)
    except (etree.LxmlError, ValueError):
        return None


def tree(data: bytes, root: etree._Element, migrate: Migrator | None, registry: Registry | None = None) -> Found | None:
    """`find` on a parsed document, before its data sources change; None when the bytes name no old host."""
    known_ids, known_sources = set(), set()
    for layer in qgis_xml.iter_map_layers(root):
        if layer.layer_id:
            known_ids.add(layer.layer_id)
        known_sources.add(layer.source)
    return find(data, migrate, known_ids=known_ids, known_sources=known_sources, root=root, registry=registry)


def apply(found: Found, root: etree._Element, changes: list) -> None:
    """Make a tree's rewrites, recorded in `changes` (qgis_xml.Change) like the sources'.

    A change named by rank is made only where the element still holds the old value (else it stays, listed).
    """
    by_tag: dict[str, list] = {}
    for change in found.changes:
        element = change.where
        if isinstance(element, int):
            elements = by_tag.setdefault(change.tag, list(root.iter(change.tag)))
            element = elements[element] if element < len(elements) else None
            if element is None:
                continue
        current = qgis_xml.full_text(element) if change.attribute is None else element.get(change.attribute)
        if current != change.old:
            continue
        if change.attribute is None:
            qgis_xml.set_text(changes, element, change.new)
        else:
            qgis_xml.set_attribute(changes, element, change.attribute, change.new)
