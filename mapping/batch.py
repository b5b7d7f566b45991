"""Run the rewrite over files and folders: pick inputs, write outputs atomically, keep backups.

The promise to the user is that nothing is lost: inputs are only read (unless --in-place, and then only
after a backup exists and through an atomic replace), a half-written project never exists, and one bad
file is reported on one line while the others go on.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO, Callable, Iterable

from .messages import Message, msg
from .outcome import FILE_ERROR, FILE_MIGRATED, FILE_UNCHANGED, FileResult, InputError, Migrator, memoized
from .project_files import CONNECTION_SUFFIX, PROJECT_SUFFIXES, is_connection_export, rewrite_file
from .project_storage import BACKUP_TABLE, ProjectStore, archive_name, is_store_uri, open_store, shown_uri
from .qgis_ini import INI_NAMES

BACKUP_MARK = ".bak-gpf-"
TEMP_SUFFIX = ".gpf-tmp"
_SNIFF_BYTES = 65536


@dataclass(frozen=True)
class Job:
    """One input file and where its result goes (`target` is None with --in-place, `root` is --output-dir)."""

    source: Path
    display: str
    target: Path | None
    root: Path | None = None


@dataclass(frozen=True)
class StoreJob:
    """One project stored in a database (GeoPackage or PostgreSQL `qgis_projects`): rewritten in its row."""

    store: ProjectStore
    name: str
    display: str
    in_place: bool


def default_migrator(registry=None, accept_replacements: bool = False) -> Migrator:
    """The engine with the default (or given) registry, asked once per distinct source; successors of withdrawn
    layers are proposed, and applied only with `accept_replacements` (mapping/replacements.py)."""
    from .engine import migrate_source
    from .replacements import with_replacements

    engine = memoized(lambda provider, source: migrate_source(provider, source, registry))
    return memoized(with_replacements(engine, accept=accept_replacements))


# --- choosing the inputs --------------------------------------------------------------------------------


def is_candidate(path: Path) -> bool:
    """Whether a file met while walking a folder is ours to process."""
    name = path.name.lower()
    if BACKUP_MARK in name or name.endswith(TEMP_SUFFIX):
        return False
    if name.endswith(PROJECT_SUFFIXES) or name in INI_NAMES:
        return True
    if name.endswith(CONNECTION_SUFFIX):
        try:
            with open_regular(path) as handle:
                return is_connection_export(handle.read(_SNIFF_BYTES))
        except NotRegularFileError:
            return False  # a pipe or a device named .xml cannot be sniffed: not ours
        except OSError:
            return True  # let the processing step report why it cannot be read
    return False


class NotRegularFileError(OSError):
    """A pipe, a device, a folder... where a file was expected: never read (a FIFO blocks, /dev/zero never ends)."""


def open_regular(path: Path) -> BinaryIO:
    """Open a file for reading only if it is a regular file (links followed), without ever blocking on a FIFO.

    The type is checked on the opened descriptor, so a file swapped for a pipe after a check is still refused.
    """
    return open(path, "rb", opener=_open_regular_descriptor)


def _open_regular_descriptor(path: str, flags: int) -> int:
    descriptor = os.open(path, flags | getattr(os, "O_NONBLOCK", 0))
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise NotRegularFileError(errno.EINVAL, "not a regular file", str(path))
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor


def not_regular(path: Path) -> str | None:
    """Why a file met in a folder is skipped (a link loop, a pipe, a device...), or None for a regular file."""
    try:
        info = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return msg("lien symbolique en boucle : ignoré")
        return None  # missing or unreadable: reading it says why
    if not stat.S_ISREG(info.st_mode):
        return msg("pas un fichier ordinaire (tube, périphérique…) : ignoré")
    return None


def _identity(path: Path | str) -> tuple[int, int] | None:
    """(device, inode): the same file or folder reached by two paths (link, bind mount, share mounted twice)."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


def walk_projects(folder: Path) -> Iterable[Path]:
    """The candidate files under `folder`, each folder once: links to folders are not followed, and a folder
    met again (bind mounted inside itself) is not walked twice. Non-regular files are yielded: see `not_regular`.

    In a QGIS profile (a folder holding QGIS/QGIS3.ini), `python/` is not walked: the plugins installed there
    (this one included) ship their own projects and files, which are theirs, not the user's.
    """
    visited: set[tuple[int, int]] = set()
    for directory, subdirs, files in os.walk(folder):
        here = _identity(directory)
        if here is not None:
            if here in visited:
                subdirs[:] = []
                continue
            visited.add(here)
        if "python" in subdirs and os.path.isfile(os.path.join(directory, "QGIS", "QGIS3.ini")):
            subdirs.remove("python")
        subdirs.sort()
        for name in sorted(files):
            path = Path(directory, name)
            if is_candidate(path):
                yield path


def _inside(child: Path, parent: Path) -> bool:
    return child == parent or parent in child.parents


def plan(paths: Iterable[str], output_dir: str | None) -> tuple[list[Job | StoreJob], list[FileResult]]:
    """The jobs for the given paths, and the inputs refused before any work (missing, overlapping...).

    A `geopackage:` or `postgresql://` input gives one job per project it holds (or the one it names)."""
    jobs: list[Job] = []
    stored: list[StoreJob] = []
    refused: list[FileResult] = []
    out_root = Path(output_dir) if output_dir is not None else None
    out_folders = _folders_holding(out_root) if out_root is not None else set()
    for given in paths:
        if is_store_uri(given):
            refused.extend(_plan_store(given, stored, in_place=out_root is None))
            continue
        path = Path(given)
        if path.is_dir():
            if _identity(path) in out_folders:
                refused.append(_refuse(
                    given, msg("le dossier de sortie est dans ce dossier d'entrée : prenez-en un autre")
                ))
                continue
            for found in walk_projects(path):
                problem = not_regular(found)
                if problem is not None:
                    refused.append(_refuse(str(found), problem))
                    continue
                target = out_root / found.relative_to(path) if out_root is not None else None
                jobs.append(Job(found, str(found), target, out_root))
        elif path.is_file():
            jobs.append(Job(path, given, out_root / path.name if out_root is not None else None, out_root))
        elif path.exists() or path.is_symlink():
            refused.append(_refuse(given, msg("ni fichier ordinaire ni dossier (ou lien cassé)")))
        else:
            refused.append(_refuse(given, msg("fichier ou dossier introuvable")))
    kept, refused = _no_overwrites(jobs, refused)
    return [*kept, *stored], refused


def _plan_store(given: str, stored: list[StoreJob], *, in_place: bool) -> list[FileResult]:
    """Add a job per project of the store `given` names (each once); the refusal when it cannot be listed."""
    try:
        store = open_store(given)
        names = store.project_names()
    except InputError as exc:
        return [_refuse(shown_uri(given), message_of(exc))]
    known = {job.display for job in stored}
    for name in names:
        display = store.display(name)
        if display not in known:
            stored.append(StoreJob(store, name, display, in_place))
    return []


def _folders_holding(path: Path) -> set[tuple[int, int]]:
    """The identities of `path` and of every existing folder above it, by its real and its written path: an input
    folder among them holds the output folder, whatever path (link, bind mount, second mount) reaches it."""
    found = set()
    for written in (Path(os.path.realpath(path)), Path(os.path.abspath(path))):
        for folder in (written, *written.parents):
            identity = _identity(folder)
            if identity is not None:
                found.add(identity)
    return found


def _no_overwrites(jobs: list[Job], refused: list[FileResult]) -> tuple[list[Job], list[FileResult]]:
    """Refuse jobs whose output would land on an input file or on another job's output.

    Files are compared by identity (device, inode), not by path: the output folder may be the input folder
    reached by another path (a bind mount, the same share mounted twice).
    """

    def key(path: Path) -> object:
        return _identity(path) or Path(os.path.realpath(path))

    inputs = {key(job.source) for job in jobs}
    kept: list[Job] = []
    outputs: dict[object, Job] = {}
    seen_inputs: set[object] = set()
    for job in jobs:
        source = key(job.source)
        if source in seen_inputs:
            continue  # the same file named twice (a file and its folder, or two paths): process it once
        seen_inputs.add(source)
        if job.target is None:
            kept.append(job)
            continue
        places = {Path(os.path.realpath(job.target)), _identity(job.target)} - {None}
        other = next((outputs[place] for place in places if place in outputs), None)
        if places & inputs:
            refused.append(_refuse(
                job.display, msg("la sortie écraserait un fichier d'entrée : prenez un autre dossier")
            ))
        elif other is not None:
            refused.append(_refuse(
                job.display, msg("même fichier de sortie que {other}", other=other.display)
            ))
        else:
            outputs.update(dict.fromkeys(places, job))
            kept.append(job)
    return kept, refused


def _refuse(path: str, message: str) -> FileResult:
    return FileResult(path=path, status=FILE_ERROR, error=message)


# --- writing --------------------------------------------------------------------------------------------


def _default_mode() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


class FileChangedError(OSError):
    """The file about to be replaced is no longer the one read: another program saved it during the run."""


def file_state(info: os.stat_result) -> tuple[int, int, int, int]:
    """What tells that a file was changed or replaced since it was read: device, inode, size, date (ns)."""
    return info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns


def _check_unchanged(path: Path, expected: tuple[int, int, int, int]) -> None:
    try:
        now = file_state(os.stat(path))
    except OSError:
        now = None  # removed or moved away: also a change
    if now != expected:
        raise FileChangedError(errno.EBUSY, "changed during the run", str(path))


def _keep_owner(path: Path | str, uid: int, gid: int) -> None:
    """Give a new file the owner and group of the one it replaces: root changes both; another user can give
    back a group it belongs to. Not fatal where ownership does not exist (FAT, some shares)."""
    if not hasattr(os, "chown"):
        return
    with contextlib.suppress(OSError):
        if os.geteuid() == 0:
            os.chown(path, uid, gid)
        elif gid != os.getegid():
            os.chown(path, -1, gid)


def atomic_write(
    path: Path,
    data: bytes | Iterable[bytes],
    mode: int | None = None,
    *,
    owner: tuple[int, int] | None = None,
    expected: tuple[int, int, int, int] | None = None,
) -> None:
    """Write `path` (bytes, or an iterable of chunks) so that it holds its old bytes or all the new ones, never a mix.

    The temporary file lives in the same folder (os.replace is atomic only within one file system),
    is flushed to disk before the rename, and is removed if anything fails. `owner` (uid, gid) is given to
    the new file before the rename; with `expected` (a `file_state` taken when the file was read), the file is
    replaced only if it is still that one, else FileChangedError is raised and nothing is written.
    """
    directory = path.parent
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=directory)
    try:
        with os.fdopen(handle, "wb") as stream:
            if isinstance(data, (bytes, bytearray, memoryview)):
                stream.write(data)
            else:
                for chunk in data:
                    stream.write(chunk)
            stream.flush()
            os.fsync(stream.fileno())
        if owner is not None:
            _keep_owner(temporary, *owner)  # before chmod: chown clears the set-id bits
        os.chmod(temporary, _default_mode() if mode is None else mode)
        if expected is not None:
            _check_unchanged(path, expected)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _fsync_directory(directory)


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX); not possible everywhere, and not fatal when it fails."""
    with contextlib.suppress(OSError, AttributeError):
        descriptor = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def backup_path(path: Path, stamp: str) -> Path:
    """`name.ext.bak-gpf-YYYYMMDD-HHMMSS`, or with -2, -3... when that name is taken: never overwrite."""
    candidate = path.with_name(f"{path.name}{BACKUP_MARK}{stamp}")
    counter = 2
    while candidate.exists() or candidate.is_symlink():
        candidate = path.with_name(f"{path.name}{BACKUP_MARK}{stamp}-{counter}")
        counter += 1
    return candidate


def write_backup(path: Path, data: bytes, stamp: str) -> Path:
    """Save the bytes we read beside the file, whole or not at all, flushed before any replacement."""
    while True:
        backup = backup_path(path, stamp)
        try:
            write_new(backup, data, like=path)
            return backup
        except FileExistsError:
            continue  # someone took the name between the check and the creation


def write_new(path: Path, data: bytes, like: Path) -> None:
    """Create `path` holding all of `data` or nothing (a full disk leaves no truncated copy), never over an
    existing file, with the owner, group, mode and dates of `like` (a backup is the file as it was).

    The bytes go to a temporary file, flushed, then linked to the new name (a link fails if the name exists;
    where hard links do not exist, a rename after a check).
    """
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(handle, view[: 1 << 20]):]
            os.fsync(handle)
        finally:
            os.close(handle)
        with contextlib.suppress(OSError):
            info = os.stat(like)
            _keep_owner(temporary, info.st_uid, info.st_gid)
            shutil.copystat(like, temporary)
        try:
            os.link(temporary, path)
        except FileExistsError:
            raise
        except (OSError, AttributeError):  # no hard links on this file system
            if os.path.lexists(path):
                raise FileExistsError(errno.EEXIST, "file exists", str(path)) from None
            os.replace(temporary, path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
    _fsync_directory(path.parent)


# --- running ----------------------------------------------------------------------------------------------


def process(
    job: Job,
    migrate: Migrator,
    *,
    dry_run: bool = False,
    stamp: str = "",
) -> FileResult:
    """Read, rewrite and write one file. Never raises for a bad file: the error is in the result."""
    result = FileResult(path=job.display)
    try:
        with open_regular(job.source) as stream:
            read = os.fstat(stream.fileno())  # before reading: a save while we read is a change too
            data = stream.read()
        mode = read.st_mode & 0o7777
    except NotRegularFileError:
        return _failed(result, msg("pas un fichier ordinaire (tube, périphérique…) : ignoré"))
    except OSError as exc:
        return _failed(result, msg("lecture impossible ({detail})", detail=os_detail(exc)))
    try:
        rewrite = rewrite_file(job.source.name, data, migrate)
    except InputError as exc:
        return _failed(result, message_of(exc))
    except Exception as exc:  # noqa: BLE001 - a bug must not stop the other files; it is reported
        return _failed(result, _unexpected(exc))
    result.sources = rewrite.sources
    result.references = rewrite.references
    result.status = FILE_MIGRATED if rewrite.changed else FILE_UNCHANGED
    target = job.target
    if target is None:  # in place
        real = Path(os.path.realpath(job.source))
        result.output = job.display
        if dry_run or not rewrite.changed:
            return result
        changed = msg("modifié pendant la bascule (enregistré par un autre programme ?) : laissé tel quel, "
                      "relancez la bascule")
        try:
            _check_unchanged(real, file_state(read))
            result.backup = str(write_backup(real, data, stamp or backup_stamp()))
        except FileChangedError:
            return _failed(result, changed)
        except OSError as exc:
            return _failed(
                result, msg("sauvegarde impossible, fichier laissé intact ({detail})", detail=os_detail(exc))
            )
        try:
            atomic_write(real, rewrite.chunks(), mode, owner=(read.st_uid, read.st_gid), expected=file_state(read))
        except FileChangedError:
            with contextlib.suppress(OSError):
                os.unlink(result.backup)  # a backup of a version that is no longer the file would mislead a restore
            result.backup = ""
            return _failed(result, changed)
        except OSError as exc:
            return _failed(result, msg("écriture impossible, fichier laissé intact ({detail})", detail=os_detail(exc)))
        except Exception as exc:  # noqa: BLE001 - the new bytes are built while written: same rule as above
            return _failed(result, _unexpected(exc))
        return result
    result.output = str(target)
    if dry_run:
        return result
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(target, rewrite.chunks(), mode)
    except OSError as exc:
        return _failed(result, msg(
            "écriture impossible dans {folder} ({detail})", folder=str(target.parent), detail=os_detail(exc)
        ))
    except Exception as exc:  # noqa: BLE001 - the new bytes are built while written: same rule as above
        return _failed(result, _unexpected(exc))
    result.notes += copy_local_data(job, result.sources)
    return result


def process_stored(job: StoreJob, migrate: Migrator, *, dry_run: bool = False) -> FileResult:
    """Rewrite one project stored in a database, in its row: the row copied to the backup table and the new
    content written in one transaction. Never raises for a bad project: the error is in the result."""
    result = FileResult(path=job.display, output=job.display)
    if not job.in_place and not dry_run:
        return _failed(result, msg(
            "un projet enregistré en base se bascule sur place (--in-place), la sauvegarde allant dans la table "
            "{table} : relancez avec --in-place", table=BACKUP_TABLE
        ))

    def change(data: bytes) -> bytes | None:
        rewrite = rewrite_file(archive_name(job.name, data), data, migrate)
        result.sources = rewrite.sources
        result.references = rewrite.references
        result.status = FILE_MIGRATED if rewrite.changed else FILE_UNCHANGED
        return rewrite.data if rewrite.changed else None

    try:
        result.backup = job.store.rewrite(job.name, change, dry_run=dry_run)
    except InputError as exc:
        return _failed(result, message_of(exc))
    except Exception as exc:  # noqa: BLE001 - a bug must not stop the other projects; it is reported
        return _failed(result, _unexpected(exc))
    return result


def lizmap_companion(job: Job, planned: set) -> Job | None:
    """The job for the Lizmap configuration (`name.qgs.cfg`) beside a .qgs project, written where the project is
    written; None when there is none, or when it is an input of the run already."""
    if not job.source.name.lower().endswith(".qgs"):
        return None
    source = job.source.with_name(job.source.name + ".cfg")
    if not source.is_file() or _identity(source) in planned:
        return None
    target = job.target.with_name(job.target.name + ".cfg") if job.target is not None else None
    return Job(source, job.display + ".cfg", target, job.root)


# --- local data next to a project written elsewhere --------------------------------------------------------

#: Providers whose source starts with a file path, which QGIS stores relative to the project ("./...").
LOCAL_PROVIDERS = frozenset({"ogr", "gdal", "gpx", "mdal", "pdal"})


def relative_data_paths(sources) -> list[str]:
    """The relative file paths local layers point to (`./donnees/x.gpkg|layername=x` -> `./donnees/x.gpkg`)."""
    paths = []
    for source in sources:
        text = source.old_source
        if source.provider.lower() in LOCAL_PROVIDERS and text.startswith(("./", "../")):
            path = text.split("|", 1)[0].split("?", 1)[0]
            if path not in paths:
                paths.append(path)
    return paths


def copy_local_data(job: Job, sources) -> list[str]:
    """Copy the files a project links with relative paths next to its copy, so that its local layers open.

    With --output-dir the project moves but its data did not: a layer on `./donnees/zones.gpkg` would be
    broken. Files (and their sidecars: .shx/.dbf/.prj of a shapefile, .aux.xml, .ovr) are copied only
    inside the output folder, never over an existing file; the notes say what could not be copied.
    """
    if job.target is None or job.root is None:
        return []
    notes = []
    root = Path(os.path.realpath(job.root))
    for relative in relative_data_paths(sources):
        source = Path(os.path.realpath(job.source.parent / relative))  # realpath: no error on a link loop
        destination = Path(os.path.realpath(job.target.parent / relative))
        if not _inside(destination, root):
            notes.append(msg(
                "donnée locale {path} hors du dossier de sortie : non copiée, la couche sera à relier", path=relative
            ))
            continue
        if not source.is_file():
            continue  # already missing beside the original: nothing we can do, QGIS will say so
        try:
            for sibling in sorted(source.parent.iterdir()):
                if sibling.is_file() and (sibling.name == source.name or sibling.name.startswith(source.stem + ".")):
                    copy = destination.parent / sibling.name
                    if not copy.exists():
                        copy.parent.mkdir(parents=True, exist_ok=True)
                        _atomic_copy(sibling, copy)
        except OSError as exc:
            notes.append(msg("donnée locale {path} non copiée ({detail})", path=relative, detail=os_detail(exc)))
    return notes


def _atomic_copy(source: Path, destination: Path) -> None:
    handle, temporary = tempfile.mkstemp(prefix=f".{destination.name}.", suffix=TEMP_SUFFIX, dir=destination.parent)
    os.close(handle)
    try:
        shutil.copy2(source, temporary)
        os.replace(temporary, destination)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _failed(result: FileResult, message: str) -> FileResult:
    result.status = FILE_ERROR
    result.error = _one_line(message)
    return result


def message_of(error: BaseException) -> str:
    """The sentence an exception was raised with, still a Message (translatable) when it was built with msg()."""
    first = error.args[0] if len(error.args) == 1 else None
    return first if isinstance(first, str) else str(error)


def _unexpected(error: Exception) -> str:
    return msg("erreur inattendue ({error})", error=f"{type(error).__name__}: {error}")


def os_detail(error: OSError) -> str:
    """What the system says about a failed read or write (its sentence, untranslated)."""
    return str(error.strerror or error)


def _one_line(message: str) -> str:
    """The message on one line; a Message stays one (its fields made one-line) when that gives the same text."""
    flat = " ".join(message.split())
    if flat == message:
        return message
    if not isinstance(message, Message):
        return flat
    fields = {name: " ".join(value.split()) if isinstance(value, str) and not isinstance(value, Message) else value
              for name, value in message.fields.items()}
    rebuilt = Message(message.template, **fields)
    return rebuilt if rebuilt == flat else flat


def backup_stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def run(
    paths: Iterable[str],
    *,
    output_dir: str | None = None,
    in_place: bool = False,
    dry_run: bool = False,
    migrate: Migrator | None = None,
    on_result: Callable[[FileResult], None] | None = None,
    on_progress: Callable[[int, int], bool | None] | None = None,
    accept_replacements: bool = False,
) -> list[FileResult]:
    """Migrate every file named or found under `paths`; one result per file, errors included.

    `on_progress(done, total)` is called before each file and once after the last, so that a QGIS task or a
    Processing algorithm can show progress; a true return stops the run between two files (never inside one,
    so no file is left half-written) and the results so far are returned.
    """
    if (output_dir is None) == (not in_place):
        raise ValueError("exactly one of output_dir and in_place is required")
    jobs, results = plan(paths, output_dir)
    for refused in results:
        if on_result:
            on_result(refused)
    if migrate is None:
        migrate = default_migrator(accept_replacements=accept_replacements)
    elif accept_replacements:  # a given engine: its proposals applied (mapping/replacements.py)
        from .replacements import with_replacements

        migrate = with_replacements(migrate, accept=True)
    stamp = backup_stamp()
    planned = {_identity(job.source) for job in jobs if isinstance(job, Job)} - {None}
    for done, job in enumerate(jobs):
        if on_progress and on_progress(done, len(jobs)):
            return results
        if isinstance(job, StoreJob):
            result = process_stored(job, migrate, dry_run=dry_run)
        else:
            result = process(job, migrate, dry_run=dry_run, stamp=stamp)
        results.append(result)
        if on_result:
            on_result(result)
        companion = lizmap_companion(job, planned) if isinstance(job, Job) and result.status != FILE_ERROR else None
        if companion is not None:  # the Lizmap configuration goes with its project, in the same run
            result = process(companion, migrate, dry_run=dry_run, stamp=stamp)
            results.append(result)
            if on_result:
                on_result(result)
    if on_progress:
        on_progress(len(jobs), len(jobs))
    return results
