"""Run the rewrite over files and folders: pick inputs, write outputs atomically, keep backups.

The promise to the user is that nothing is lost: inputs are only read (unless --in-place, and then only
after a backup exists and through an atomic replace), a half-written project never exists, and one bad
file is reported on one line while the others go on.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterable

from .messages import Message, msg
from .outcome import FILE_ERROR, FILE_MIGRATED, FILE_UNCHANGED, FileResult, InputError, Migrator, memoized
from .project_files import CONNECTION_SUFFIX, PROJECT_SUFFIXES, is_connection_export, rewrite_file

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


def default_migrator(registry=None) -> Migrator:
    """The engine with the default (or given) registry, asked once per distinct source."""
    from .engine import migrate_source

    return memoized(lambda provider, source: migrate_source(provider, source, registry))


# --- choosing the inputs --------------------------------------------------------------------------------


def is_candidate(path: Path) -> bool:
    """Whether a file met while walking a folder is ours to process."""
    name = path.name.lower()
    if BACKUP_MARK in name or name.endswith(TEMP_SUFFIX):
        return False
    if name.endswith(PROJECT_SUFFIXES):
        return True
    if name.endswith(CONNECTION_SUFFIX):
        try:
            with open(path, "rb") as handle:
                return is_connection_export(handle.read(_SNIFF_BYTES))
        except OSError:
            return True  # let the processing step report why it cannot be read
    return False


def walk_projects(folder: Path) -> Iterable[Path]:
    for directory, subdirs, files in os.walk(folder):
        subdirs.sort()
        for name in sorted(files):
            path = Path(directory, name)
            if is_candidate(path):
                yield path


def _inside(child: Path, parent: Path) -> bool:
    return child == parent or parent in child.parents


def plan(paths: Iterable[str], output_dir: str | None) -> tuple[list[Job], list[FileResult]]:
    """The jobs for the given paths, and the inputs refused before any work (missing, overlapping...)."""
    jobs: list[Job] = []
    refused: list[FileResult] = []
    out_root = Path(output_dir) if output_dir is not None else None
    out_resolved = out_root.resolve() if out_root is not None else None
    for given in paths:
        path = Path(given)
        if path.is_dir():
            if out_resolved is not None and _inside(out_resolved, path.resolve()):
                refused.append(_refuse(
                    given, msg("le dossier de sortie est dans ce dossier d'entrée : prenez-en un autre")
                ))
                continue
            for found in walk_projects(path):
                target = out_root / found.relative_to(path) if out_root is not None else None
                jobs.append(Job(found, str(found), target, out_root))
        elif path.is_file():
            jobs.append(Job(path, given, out_root / path.name if out_root is not None else None, out_root))
        elif path.exists() or path.is_symlink():
            refused.append(_refuse(given, msg("ni fichier ordinaire ni dossier (ou lien cassé)")))
        else:
            refused.append(_refuse(given, msg("fichier ou dossier introuvable")))
    return _no_overwrites(jobs, refused)


def _no_overwrites(jobs: list[Job], refused: list[FileResult]) -> tuple[list[Job], list[FileResult]]:
    """Refuse jobs whose output would land on an input file or on another job's output."""
    inputs = {job.source.resolve(): job for job in jobs}
    kept: list[Job] = []
    outputs: dict[Path, Job] = {}
    seen_inputs: set[Path] = set()
    for job in jobs:
        source = job.source.resolve()
        if source in seen_inputs:
            continue  # the same file named twice (a file and its folder): process it once
        seen_inputs.add(source)
        if job.target is None:
            kept.append(job)
            continue
        target = job.target.resolve()
        if target in inputs:
            refused.append(_refuse(
                job.display, msg("la sortie écraserait un fichier d'entrée : prenez un autre dossier")
            ))
        elif target in outputs:
            refused.append(_refuse(
                job.display, msg("même fichier de sortie que {other}", other=outputs[target].display)
            ))
        else:
            outputs[target] = job
            kept.append(job)
    return kept, refused


def _refuse(path: str, message: str) -> FileResult:
    return FileResult(path=path, status=FILE_ERROR, error=message)


# --- writing --------------------------------------------------------------------------------------------


def _default_mode() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def atomic_write(path: Path, data: bytes | Iterable[bytes], mode: int | None = None) -> None:
    """Write `path` (bytes, or an iterable of chunks) so that it holds its old bytes or all the new ones, never a mix.

    The temporary file lives in the same folder (os.replace is atomic only within one file system),
    is flushed to disk before the rename, and is removed if anything fails.
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
        os.chmod(temporary, _default_mode() if mode is None else mode)
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
    """Save the bytes we read beside the file, created exclusively and flushed before any replacement."""
    while True:
        backup = backup_path(path, stamp)
        try:
            with open(backup, "xb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            break
        except FileExistsError:
            continue  # someone took the name between the check and the creation
    with contextlib.suppress(OSError):
        shutil.copystat(path, backup)
    return backup


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
        with open(job.source, "rb") as stream:
            data = stream.read()
        mode = os.stat(job.source).st_mode & 0o7777
    except OSError as exc:
        return _failed(result, msg("lecture impossible ({detail})", detail=os_detail(exc)))
    try:
        rewrite = rewrite_file(job.source.name, data, migrate)
    except InputError as exc:
        return _failed(result, message_of(exc))
    except Exception as exc:  # noqa: BLE001 - a bug must not stop the other files; it is reported
        return _failed(result, _unexpected(exc))
    result.sources = rewrite.sources
    result.status = FILE_MIGRATED if rewrite.changed else FILE_UNCHANGED
    target = job.target
    if target is None:  # in place
        real = Path(os.path.realpath(job.source))
        result.output = job.display
        if dry_run or not rewrite.changed:
            return result
        try:
            result.backup = str(write_backup(real, data, stamp or backup_stamp()))
        except OSError as exc:
            return _failed(
                result, msg("sauvegarde impossible, fichier laissé intact ({detail})", detail=os_detail(exc))
            )
        try:
            atomic_write(real, rewrite.chunks(), mode)
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
    root = job.root.resolve()
    for relative in relative_data_paths(sources):
        source = (job.source.parent / relative).resolve()
        destination = (job.target.parent / relative).resolve()
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
    migrate = migrate or default_migrator()
    stamp = backup_stamp()
    for done, job in enumerate(jobs):
        if on_progress and on_progress(done, len(jobs)):
            return results
        result = process(job, migrate, dry_run=dry_run, stamp=stamp)
        results.append(result)
        if on_result:
            on_result(result)
    if on_progress:
        on_progress(len(jobs), len(jobs))
    return results
