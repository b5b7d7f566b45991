"""Rewrite the data sources of QGIS files held in memory: .qgs, .qlr, .qgz and connection exports.

Bytes in, bytes out, nothing else changes: the batch decides where bytes are read and written. A file we
cannot process raises InputError with a one-line reason; anything else escaping from here is a bug.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from dataclasses import replace
from typing import Iterable, NamedTuple, Optional

from lxml import etree

from . import elsewhere, qgis_xml, splice, xml_stream
from .messages import msg
from .outcome import InputError, Migrator, Rewrite, SourceOutcome, guarded, memoized
from .result import Migration

PROJECT_SUFFIXES = (".qgs", ".qgz", ".qlr")
CONNECTION_SUFFIX = ".xml"

#: Bytes a .qgz may inflate to (all entries): a 10,000-layer project is 74 MB; beyond this, a zip bomb.
_MAX_QGS_BYTES = 512 * 1024**2
#: Inflated bytes per byte of archive beyond which a .qgz that inflates past _RATIO_FROM_BYTES is a zip bomb:
#: projects compress 10:1 (the demo) to 34:1 (tools/bench.py's 10,000 similar layers), deflate at most 1032:1.
_MAX_RATIO = 200
_RATIO_FROM_BYTES = 16 * 1024**2


def rewrite_file(name: str, data: bytes, migrate: Migrator, *, streaming: bool = True) -> Rewrite:
    """Rewrite one file's bytes according to its name: the single entry point of the batch and the fuzz test.

    `streaming=False` skips the streaming pass and always builds the whole tree (tests compare the two).
    """
    migrate = guarded(migrate)
    lowered = name.lower()
    if lowered.endswith(".qgz"):
        return rewrite_qgz(data, migrate, streaming=streaming)
    if lowered.endswith(".qgs"):
        return rewrite_xml(data, migrate, expected=(qgis_xml.PROJECT_ROOT,), streaming=streaming)
    if lowered.endswith(".qlr"):
        return rewrite_xml(data, migrate, expected=(qgis_xml.QLR_ROOT,), streaming=streaming)
    if lowered.endswith(CONNECTION_SUFFIX):
        return rewrite_xml(data, migrate, expected=tuple(qgis_xml.CONNECTION_ROOTS))
    if lowered.endswith(".ini"):  # a QGIS profile's QGIS3.ini (saved connections): mapping/qgis_ini.py
        from .qgis_ini import rewrite_ini

        return rewrite_ini(data, migrate)
    if lowered.endswith(".qgs.cfg"):  # a Lizmap configuration beside its project: mapping/lizmap.py
        from .lizmap import rewrite_lizmap_cfg

        return rewrite_lizmap_cfg(data, migrate)
    raise InputError(
        msg("type de fichier non pris en charge (attendu : .qgs, .qgz, .qlr ou export de connexions .xml)")
    )


def rewrite_xml(data: bytes, migrate: Migrator, expected: tuple[str, ...], *, streaming: bool = True) -> Rewrite:
    """Rewrite a QGIS XML document whose root is one of `expected` (project, qlr or connection roots)."""
    references: list = []
    sources, pieces = rewrite_document(data, migrate, expected, streaming=streaming, references=references)
    if pieces is None:
        return Rewrite(data=data, changed=False, sources=sources, references=references)
    return Rewrite(pieces=pieces, changed=True, sources=sources, references=references)


#: The outcome of each source, and the new document as pieces to join or write (None: nothing changed).
Rewritten = tuple[list[SourceOutcome], Optional[list[splice.Piece]]]


def rewrite_document(
    data: splice.Buffer, migrate: Migrator, expected: tuple[str, ...], *, streaming: bool = True,
    references: list | None = None,
) -> Rewritten:
    """Rewrite a document's sources, streaming when possible, through the whole tree otherwise.

    Projects and layer definitions go through one streaming pass that keeps no tree: the changed values
    are replaced in the original bytes. When the place of one of them is uncertain (or the document does
    not parse), the whole tree is built, which re-serialises it if need be or gives the parser's reason;
    the engine is not asked twice. Connection exports are small: always the tree.
    `references` receives the old addresses found outside data sources (mapping/elsewhere.py).
    """
    if references is None:
        references = []
    if streaming and not set(expected) & set(qgis_xml.CONNECTION_ROOTS):
        migrate = memoized(migrate)
        done = _streamed(data, migrate, expected, references)
        if done is not None:
            return done
    return _whole_tree(data, migrate, expected, references)


def _streamed(
    data: splice.Buffer, migrate: Migrator, expected: tuple[str, ...], references: list
) -> Rewritten | None:
    found = xml_stream.scan(data)
    if found is None:
        return None
    _check_root(found.root_tag, expected)
    moves = migrate_layers(found.layers, migrate)
    elsewhere_found = _elsewhere_streamed(data, found, migrate)
    if elsewhere_found is None:
        return None
    refs, value_changes, counts = elsewhere_found
    if not moves.moved and not value_changes:
        references[:] = refs
        return moves.sources, None
    changes = [splice.Located("datasource", layer.where, None, layer.source, new) for layer, new in moves.moved]
    for copy in found.copies:
        new = qgis_xml.followed(copy, moves.by_id, moves.by_source)
        if new is not None:
            changes.append(splice.Located(copy.tag, copy.where, copy.attribute, copy.old, new))
    changes += [splice.Located(c.tag, c.where, c.attribute, c.old, c.new) for c in value_changes]
    edits = splice.edits(data, found.encoding, changes, {**found.counts, **counts})
    if edits is None:
        return None
    references[:] = refs
    return moves.sources, splice.pieces(data, edits)


def _elsewhere_streamed(data: splice.Buffer, found: xml_stream.Scan, migrate: Migrator):
    """Old addresses outside data sources (mapping/elsewhere.py), searched only when the bytes hold more old
    hosts than the data sources and their copies: the elements around them are read alone, not the document.

    (references, value changes, element counts); None when the document cannot be read that way.
    """
    ids = {layer.layer_id for layer in found.layers if layer.layer_id}
    olds = {layer.source for layer in found.layers}
    handled = [layer.source for layer in found.layers]
    handled += [copy.old for copy in found.copies if copy.layer_id in ids or copy.old in olds]
    at = elsewhere.positions(data)
    if not at or len(at) == elsewhere.count_in(handled):
        return [], [], {}
    walked = elsewhere.find(data, migrate, known_ids=ids, known_sources=olds, found_at=at)
    if walked is None:
        return None
    return elsewhere.complete(walked, data, in_bytes=len(at)), walked.changes, walked.counts


def _whole_tree(
    data: splice.Buffer, migrate: Migrator, expected: tuple[str, ...], references: list | None = None
) -> Rewritten:
    """The tree path: parse it all, change the tree, then replace bytes in place or re-serialise."""
    data = bytes(data)  # lxml parses bytes only (a .qgz entry is read as a bytearray); no copy for bytes
    tree = qgis_xml.parse(data)
    root = tree.getroot()
    tag = root.tag if isinstance(root.tag, str) else ""
    kind = _check_root(tag, expected)
    if kind in qgis_xml.CONNECTION_ROOTS:
        from .connections import rewrite_connections

        sources, changes = rewrite_connections(root, migrate)
    else:
        walked = elsewhere.tree(data, root, migrate)  # before the layers change: it reads the old sources
        sources, changes = rewrite_layers(root, migrate)
        if walked is not None:
            elsewhere.apply(walked, root, changes)
            if references is not None:
                references[:] = elsewhere.complete(walked, data)
    if not changes:
        return sources, None
    edits = qgis_xml.byte_edits(data, tree, changes)
    if edits is not None:
        del tree, root, changes  # the tree is most of the memory: free it before building the output
        return sources, splice.pieces(data, edits)
    around = qgis_xml.frame(data, tag)
    body = qgis_xml.encode(tree, whole=around is None)
    del tree, root, changes
    return sources, [around[0], body, around[1]] if around else [body]


def _check_root(tag: str, expected: tuple[str, ...]) -> str:
    kind = tag.lower()
    if kind not in expected:
        raise InputError(msg("racine XML <{tag}> inattendue : {expected}", tag=tag, expected=_describe(expected)))
    return kind


def _describe(expected: tuple[str, ...]) -> str:
    if expected == (qgis_xml.PROJECT_ROOT,):
        return msg("ce n'est pas un projet QGIS (<qgis>)")
    if expected == (qgis_xml.QLR_ROOT,):
        return msg("ce n'est pas une définition de couches QGIS (<qlr>)")
    return msg("ce n'est pas un export de connexions QGIS (WMS/WMTS, WFS, XYZ, tuiles vectorielles)")


class LayerMoves(NamedTuple):
    """What the engine made of a document's map layers, and what the copies of their sources follow."""

    sources: list[SourceOutcome]
    moved: list[tuple[qgis_xml.MapLayerNode, str]]  # each layer whose source changes, and its new source
    by_id: dict[str, str]
    by_source: dict[str, str]


def migrate_layers(layers: Iterable[qgis_xml.MapLayerNode], migrate: Migrator) -> LayerMoves:
    """Ask the engine about each map layer's source, in document order (streaming pass and tree walk alike)."""
    moves = LayerMoves([], [], {}, {})
    for layer in layers:
        old = layer.source
        migration = migrate(layer.provider, layer.read_source or old)
        if layer.read_source:
            migration = qgis1_migration(migration, old)
        moves.sources.append(SourceOutcome.from_migration(layer.layer_id, layer.name, layer.provider, migration))
        new = migration.new_source
        if new != old:
            moves.moved.append((layer, new))
            if layer.layer_id:
                moves.by_id[layer.layer_id] = new
            moves.by_source[old] = new
    return moves


def qgis1_migration(migration: Migration, saved: str) -> Migration:
    """The engine's answer about a QGIS 1.x WMS layer (asked with the source QGIS 3 reads), told about the
    saved text: a migrated layer gets its source in today's form, any other keeps its saved text."""
    if migration.new_source == migration.old_source:
        return replace(migration, old_source=saved, new_source=saved)
    note = msg("source WMS au format de QGIS 1.x réécrite au format actuel (couches, styles, format et SCR "
               "repris du projet)")
    return replace(migration, old_source=saved, warnings=(*migration.warnings, note))


def rewrite_layers(root: etree._Element, migrate: Migrator) -> tuple[list[SourceOutcome], list[qgis_xml.Change]]:
    """Rewrite every map layer's data source in the tree, then the copies of those sources (layer tree, layouts)."""
    moves = migrate_layers(qgis_xml.iter_map_layers(root), migrate)
    changes: list[qgis_xml.Change] = []
    for layer, new in moves.moved:
        qgis_xml.set_text(changes, layer.where, new)
    if changes:
        qgis_xml.update_references(root, moves.by_id, moves.by_source, changes)
    return moves.sources, changes


# --- .qgz ---------------------------------------------------------------------------------------------------


def _zip_problem(exc: BaseException) -> InputError:
    detail = " ".join(str(exc).split()) or type(exc).__name__
    return InputError(msg("archive .qgz corrompue ({detail})", detail=detail))


# What a damaged archive makes zipfile and its decompressors raise.
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    NotImplementedError,
    ValueError,
    OverflowError,
    struct.error,
    KeyError,
    IndexError,
    RuntimeError,
    OSError,
    UnicodeDecodeError,
)
try:  # the optional decompressors raise their own errors
    import lzma

    _ZIP_ERRORS += (lzma.LZMAError,)
except ImportError:  # pragma: no cover - Python built without lzma
    pass


def _check_entry_name(name: str) -> None:
    """Refuse names that would escape the folder if the archive were extracted (zip-slip)."""
    normalised = name.replace("\\", "/")
    parts = normalised.split("/")
    if normalised.startswith("/") or ".." in parts or (parts and len(parts[0]) >= 2 and parts[0][1] == ":"):
        raise InputError(msg("archive .qgz refusée : l'entrée {name} sort du dossier de l'archive", name=repr(name)))


def _project_entry(infos: list[zipfile.ZipInfo]) -> zipfile.ZipInfo:
    names = set()
    projects = []
    for info in infos:
        _check_entry_name(info.filename)
        if info.filename in names:
            raise InputError(msg("archive .qgz refusée : entrée {name} en double", name=repr(info.filename)))
        names.add(info.filename)
        if info.filename.lower().endswith(".qgs") and not info.is_dir():
            projects.append(info)
    if not projects:
        raise InputError(msg("archive .qgz sans projet .qgs"))
    if len(projects) > 1:
        listed = ", ".join(repr(info.filename) for info in projects[:5])
        raise InputError(msg("archive .qgz ambiguë : plusieurs projets .qgs ({listed})", listed=listed))
    project = projects[0]
    if project.flag_bits & 0x1:
        raise InputError(msg("archive .qgz chiffrée : non prise en charge"))
    if project.file_size > _MAX_QGS_BYTES:
        raise InputError(msg("archive .qgz refusée : projet .qgs annoncé trop gros (bombe zip ?)"))
    return project


def rewrite_qgz(data: bytes, migrate: Migrator, *, streaming: bool = True) -> Rewrite:
    """Rewrite the .qgs inside a .qgz; every other entry (.qgd auxiliary storage, attachments) is copied.

    The new .qgs is never assembled: its pieces (views of the old one and the new values) go straight
    to the compressor, so memory holds one uncompressed copy of the project, not two.
    """
    inflation = _Inflation(len(data))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            project = _project_entry(archive.infolist())
            inflation.check(sum(info.file_size for info in archive.infolist()))  # what it declares, then
            qgs = _read_entry(archive, project, inflation)  # what it really inflates to
    except InputError:
        raise
    except _ZIP_ERRORS as exc:
        raise _zip_problem(exc) from None
    references: list = []
    sources, pieces = rewrite_document(
        qgs, migrate, (qgis_xml.PROJECT_ROOT,), streaming=streaming, references=references
    )
    del qgs  # the pieces keep what they need of it
    if pieces is None:
        return Rewrite(data=data, changed=False, sources=sources, references=references)
    try:
        rebuilt = _rebuild_zip(data, project.filename, pieces, inflation)
    except InputError:
        raise
    except _ZIP_ERRORS as exc:
        raise _zip_problem(exc) from None
    return Rewrite(data=rebuilt, changed=True, sources=sources, references=references)


class _Inflation:
    """The bytes inflated from one archive so far, counted while inflating (declared sizes can lie)."""

    def __init__(self, archive_size: int) -> None:
        self.archive_size = archive_size
        self.total = 0

    def add(self, size: int) -> None:
        self.total += size
        self.check(self.total)

    def check(self, total: int) -> None:
        if total > _MAX_QGS_BYTES:
            raise InputError(msg(
                "archive .qgz refusée : plus de {limit} Mo une fois décompressée (bombe zip ?)",
                limit=_MAX_QGS_BYTES >> 20,
            ))
        if total > _RATIO_FROM_BYTES and total > _MAX_RATIO * self.archive_size:
            raise InputError(msg(
                "archive .qgz refusée : taux de compression supérieur à {ratio}:1 (bombe zip ?)", ratio=_MAX_RATIO
            ))


def _read_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo, inflation: _Inflation) -> bytearray:
    """An entry's bytes, what `archive.read` gives, decompressed a megabyte at a time into one buffer.

    `read()` ends with the whole output twice in memory (zlib joins its blocks); a growing bytearray
    does not (the C library extends big buffers in place). Each megabyte is counted: a zip bomb stops
    at the bound, not at its end.
    """
    data = bytearray()
    with archive.open(info) as reader:
        while True:
            chunk = reader.read(1 << 20)
            if not chunk:
                return data
            inflation.add(len(chunk))
            data += chunk


def check_archive(data: bytes) -> None:
    """Raise InputError unless every entry of the .qgz reads back with its CRC: a backup cut short or damaged
    must not be put back (the rewrite reads the project entry only)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            bad = archive.testzip()
    except _ZIP_ERRORS as exc:
        raise _zip_problem(exc) from None
    if bad is not None:
        raise InputError(msg("archive .qgz corrompue ({detail})", detail=f"{bad}: CRC"))


def _rebuild_zip(
    data: bytes, project_name: str, project_pieces: list[splice.Piece], inflation: _Inflation
) -> bytes:
    """A new archive with the same entries, order, names, dates, attributes and compression methods.

    The other entries are inflated to be copied: they count in `inflation` like the project did.
    """
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", allowZip64=True) as target:
        target.comment = source.comment
        for info in source.infolist():
            clone = _clone_info(info)
            if info.filename == project_name:
                clone.file_size = sum(len(piece) for piece in project_pieces)  # what writestr sets
                with target.open(clone, "w") as writer:
                    for chunk in splice.iter_chunks(project_pieces):
                        writer.write(chunk)
                continue
            if info.is_dir():
                target.writestr(clone, b"")
                continue
            with source.open(info) as reader, target.open(clone, "w", force_zip64=info.file_size > 0x7FFFFFFF) as w:
                while True:
                    chunk = reader.read(1 << 20)
                    if not chunk:
                        break
                    inflation.add(len(chunk))
                    w.write(chunk)
    return out.getvalue()


def _clone_info(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    clone = zipfile.ZipInfo(info.filename, info.date_time)
    clone.compress_type = info.compress_type
    clone.comment = info.comment
    clone.extra = _strip_zip64(info.extra)
    clone.create_system = info.create_system
    clone.create_version = info.create_version
    clone.extract_version = info.extract_version
    clone.internal_attr = info.internal_attr
    clone.external_attr = info.external_attr
    return clone


def _strip_zip64(extra: bytes) -> bytes:
    """Extra fields without the zip64 record, which zipfile writes again itself when needed."""
    kept = []
    i = 0
    while i + 4 <= len(extra):
        tag, size = struct.unpack_from("<HH", extra, i)
        if i + 4 + size > len(extra):
            return b"".join(kept)  # malformed tail: drop it rather than copy garbage
        if tag != 1:
            kept.append(extra[i : i + 4 + size])
        i += 4 + size
    return b"".join(kept)


def is_connection_export(head: bytes) -> bool:
    """Whether an .xml file's first bytes show a QGIS connections export root (for folder walks)."""
    tag = qgis_xml.root_tag(head)
    return tag is not None and tag.lower() in qgis_xml.CONNECTION_ROOTS

