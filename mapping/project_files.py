"""Rewrite the data sources of QGIS files held in memory: .qgs, .qlr, .qgz and connection exports.

Bytes in, bytes out, nothing else changes: the batch decides where bytes are read and written. A file we
cannot process raises InputError with a one-line reason; anything else escaping from here is a bug.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from lxml import etree

from . import qgis_xml
from .outcome import InputError, Migrator, Rewrite, SourceOutcome, guarded

PROJECT_SUFFIXES = (".qgs", ".qgz", ".qlr")
CONNECTION_SUFFIX = ".xml"

_MAX_QGS_BYTES = 2 * 1024**3  # a .qgs entry declaring more than this is a zip bomb, not a project


def rewrite_file(name: str, data: bytes, migrate: Migrator) -> Rewrite:
    """Rewrite one file's bytes according to its name: the single entry point of the batch and the fuzz test."""
    migrate = guarded(migrate)
    lowered = name.lower()
    if lowered.endswith(".qgz"):
        return rewrite_qgz(data, migrate)
    if lowered.endswith(".qgs"):
        return rewrite_xml(data, migrate, expected=(qgis_xml.PROJECT_ROOT,))
    if lowered.endswith(".qlr"):
        return rewrite_xml(data, migrate, expected=(qgis_xml.QLR_ROOT,))
    if lowered.endswith(CONNECTION_SUFFIX):
        return rewrite_xml(data, migrate, expected=tuple(qgis_xml.CONNECTION_ROOTS))
    raise InputError("type de fichier non pris en charge (attendu : .qgs, .qgz, .qlr ou export de connexions .xml)")


def rewrite_xml(data: bytes, migrate: Migrator, expected: tuple[str, ...]) -> Rewrite:
    """Rewrite a QGIS XML document whose root is one of `expected` (project, qlr or connection roots).

    Only the changed values are replaced in the original bytes when their place is certain; otherwise
    the document is re-serialised by lxml around the original prolog and epilog.
    """
    tree = qgis_xml.parse(data)
    root = tree.getroot()
    tag = root.tag if isinstance(root.tag, str) else ""
    kind = tag.lower()
    if kind not in expected:
        raise InputError(f"racine XML <{tag}> inattendue : {_describe(expected)}")
    if kind in qgis_xml.CONNECTION_ROOTS:
        from .connections import rewrite_connections

        sources, changes = rewrite_connections(root, migrate)
    else:
        sources, changes = rewrite_layers(root, migrate)
    if not changes:
        return Rewrite(data=data, changed=False, sources=sources)
    edits = qgis_xml.byte_edits(data, tree, changes)
    if edits is not None:
        del tree, root, changes  # the tree is most of the memory: free it before building the output
        return Rewrite(data=qgis_xml.apply_edits(data, edits), changed=True, sources=sources)
    around = qgis_xml.frame(data, tag)
    body = qgis_xml.encode(tree, whole=around is None)
    del tree, root, changes
    return Rewrite(data=b"".join((around[0], body, around[1])) if around else body, changed=True, sources=sources)


def _describe(expected: tuple[str, ...]) -> str:
    if expected == (qgis_xml.PROJECT_ROOT,):
        return "ce n'est pas un projet QGIS (<qgis>)"
    if expected == (qgis_xml.QLR_ROOT,):
        return "ce n'est pas une définition de couches QGIS (<qlr>)"
    return "ce n'est pas un export de connexions QGIS (WMS/WMTS, WFS, XYZ, tuiles vectorielles)"


def rewrite_layers(root: etree._Element, migrate: Migrator) -> tuple[list[SourceOutcome], list[qgis_xml.Change]]:
    """Rewrite every map layer's data source, then the copies of those sources (layer tree, layouts)."""
    sources: list[SourceOutcome] = []
    changes: list[qgis_xml.Change] = []
    by_id: dict[str, str] = {}
    by_source: dict[str, str] = {}
    for layer in qgis_xml.iter_map_layers(root):
        old = layer.datasource.text
        migration = migrate(layer.provider, old)
        sources.append(SourceOutcome.from_migration(layer.layer_id, layer.name, layer.provider, migration))
        new = migration.new_source
        if new != old:
            qgis_xml.set_text(changes, layer.datasource, new)
            if layer.layer_id:
                by_id[layer.layer_id] = new
            by_source[old] = new
    if changes:
        qgis_xml.update_references(root, by_id, by_source, changes)
    return sources, changes


# --- .qgz ---------------------------------------------------------------------------------------------------


def _zip_problem(exc: BaseException) -> InputError:
    detail = " ".join(str(exc).split()) or type(exc).__name__
    return InputError(f"archive .qgz corrompue ({detail})")


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
        raise InputError(f"archive .qgz refusée : l'entrée {name!r} sort du dossier de l'archive")


def _project_entry(infos: list[zipfile.ZipInfo]) -> zipfile.ZipInfo:
    names = set()
    projects = []
    for info in infos:
        _check_entry_name(info.filename)
        if info.filename in names:
            raise InputError(f"archive .qgz refusée : entrée {info.filename!r} en double")
        names.add(info.filename)
        if info.filename.lower().endswith(".qgs") and not info.is_dir():
            projects.append(info)
    if not projects:
        raise InputError("archive .qgz sans projet .qgs")
    if len(projects) > 1:
        listed = ", ".join(repr(info.filename) for info in projects[:5])
        raise InputError(f"archive .qgz ambiguë : plusieurs projets .qgs ({listed})")
    project = projects[0]
    if project.flag_bits & 0x1:
        raise InputError("archive .qgz chiffrée : non prise en charge")
    if project.file_size > _MAX_QGS_BYTES:
        raise InputError("archive .qgz refusée : projet .qgs annoncé trop gros (bombe zip ?)")
    return project


def rewrite_qgz(data: bytes, migrate: Migrator) -> Rewrite:
    """Rewrite the .qgs inside a .qgz; every other entry (.qgd auxiliary storage, attachments) is copied."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            project = _project_entry(archive.infolist())
            qgs = archive.read(project)
    except InputError:
        raise
    except _ZIP_ERRORS as exc:
        raise _zip_problem(exc) from None
    rewrite = rewrite_xml(qgs, migrate, expected=(qgis_xml.PROJECT_ROOT,))
    del qgs
    if not rewrite.changed:
        return Rewrite(data=data, changed=False, sources=rewrite.sources)
    try:
        rebuilt = _rebuild_zip(data, project.filename, rewrite.data)
    except _ZIP_ERRORS as exc:
        raise _zip_problem(exc) from None
    return Rewrite(data=rebuilt, changed=True, sources=rewrite.sources)


def _rebuild_zip(data: bytes, project_name: str, project_bytes: bytes) -> bytes:
    """A new archive with the same entries, order, names, dates, attributes and compression methods."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", allowZip64=True) as target:
        target.comment = source.comment
        for info in source.infolist():
            clone = _clone_info(info)
            if info.filename == project_name:
                target.writestr(clone, project_bytes)
                continue
            if info.is_dir():
                target.writestr(clone, b"")
                continue
            with source.open(info) as reader, target.open(clone, "w", force_zip64=info.file_size > 0x7FFFFFFF) as w:
                while True:
                    chunk = reader.read(1 << 20)
                    if not chunk:
                        break
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

