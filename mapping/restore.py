"""Undo an in-place bascule: put back the backup a run left beside each file (`name.bak-gpf-DATE`).

A file is put back only when it is still exactly what the bascule made of that backup: the backup is migrated
again and compared byte for byte with the file (the rewrite is deterministic). A file edited since (or saved by
QGIS, which rewrites the whole project) is left alone and reported, unless `force`: then the current file is
kept first as `name.bak-gpf-avant-restauration-DATE`, which a later restore or bascule never picks up.

The newest backup is the one put back, then removed (the file now holds the same bytes): restoring again
undoes the run before it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from .batch import (
    BACKUP_MARK,
    NotRegularFileError,
    atomic_write,
    backup_stamp,
    default_migrator,
    file_state,
    is_candidate,
    message_of,
    open_regular,
    os_detail,
    walk_projects,
    write_new,
)
from .messages import msg
from .outcome import InputError, Migrator
from .project_files import check_archive, rewrite_file
from .project_storage import (
    BACKUP_TABLE,
    REASON_BEFORE_RESTORE,
    ProjectStore,
    archive_name,
    is_store_uri,
    open_store,
    shown_uri,
    utc_now,
)

#: The engines whose output counts as "what the bascule wrote" (a restore puts a backup back only over that).
Migrators = tuple[Migrator, ...]

RESTORED = "restored"
NO_BACKUP = "no-backup"
MODIFIED = "modified"  # edited since the bascule: refused without force
ERROR = "error"
#: What a bascule names its backups: the stamp, and -2, -3… when the name was taken (batch.backup_path).
_STAMPED = re.compile(r"(\d{8}-\d{6})(?:-(\d+))?")
KEPT_MARK = BACKUP_MARK + "avant-restauration-"


@dataclass
class RestoreResult:
    path: str
    status: str
    backup: str = ""
    kept: str = ""  # with force: where the file as it was before the restore went
    message: str = ""


def backups_of(path: Path) -> list[Path]:
    """The bascule backups beside `path`, oldest first (the names sort by their stamp and counter)."""
    found = []
    prefix = path.name + BACKUP_MARK
    try:
        names = os.listdir(path.parent)
    except OSError:
        return []
    for name in names:
        stamped = _STAMPED.fullmatch(name[len(prefix):]) if name.startswith(prefix) else None
        if stamped:
            found.append(((stamped.group(1), int(stamped.group(2) or 1)), path.with_name(name)))
    return [backup for _key, backup in sorted(found)]


def _targets(paths: Iterable[str]) -> list[Path]:
    """The files named or found under folders, each .qgs followed by its Lizmap configuration (`.qgs.cfg`) when
    one is beside it: a bascule migrates the two together, a restore puts both back."""
    found: list[Path] = []
    for given in paths:
        path = Path(given)
        for target in walk_projects(path) if path.is_dir() else [path]:
            found.append(target)
            companion = target.with_name(target.name + ".cfg")
            if target.name.lower().endswith(".qgs") and companion.is_file() and companion not in found:
                found.append(companion)
    return list(dict.fromkeys(found))


def restore(
    paths: Iterable[str],
    *,
    force: bool = False,
    dry_run: bool = False,
    migrate: Migrator | None = None,
    on_result: Callable[[RestoreResult], None] | None = None,
) -> list[RestoreResult]:
    """Put back the newest backup of each file (folders: every project file in them; `geopackage:` and
    `postgresql://` inputs: every project stored there, from the backup table)."""
    # A bascule run with --accept-replacements wrote what the plain engine would not: either run is "ours".
    migrators = (migrate,) if migrate else (default_migrator(), default_migrator(accept_replacements=True))
    results = []
    paths = list(paths)
    stores = [given for given in paths if is_store_uri(given)]
    found: list[Path | RestoreResult] = [*_targets(given for given in paths if not is_store_uri(given))]
    for given in stores:
        found.extend(restore_store(given, force=force, dry_run=dry_run, migrators=migrators))
    for path in found:
        result = path if isinstance(path, RestoreResult) else restore_file(
            path, force=force, dry_run=dry_run, migrators=migrators)
        if result is None:
            continue  # a file of a folder that no bascule touched
        results.append(result)
        if on_result is not None:
            on_result(result)
    return results


def restore_file(path: Path, *, force: bool, dry_run: bool, migrators: Migrators) -> RestoreResult | None:
    """One file (None when it is in a folder, has no backup and is not ours: nothing to say about it)."""
    if not path.is_file():
        return RestoreResult(str(path), ERROR, message=msg("fichier introuvable"))
    backups = backups_of(path)
    if not backups:
        if not is_candidate(path):
            return None
        return RestoreResult(str(path), NO_BACKUP, message=msg("aucune sauvegarde .bak-gpf- à côté"))
    backup = backups[-1]
    result = RestoreResult(str(path), RESTORED, backup=str(backup))
    try:
        with open_regular(backup) as stream:
            original = stream.read()
        with open_regular(path) as stream:
            read = os.fstat(stream.fileno())
            current = stream.read()
    except NotRegularFileError:
        return _failed(result, msg("pas un fichier ordinaire (tube, périphérique…) : ignoré"))
    except OSError as exc:
        return _failed(result, msg("lecture impossible ({detail})", detail=os_detail(exc)))
    verdict = _judge(result, path.name, original, current, force=force, migrators=migrators)
    if verdict is not None:
        return verdict
    if result.kept:
        result.kept = str(path.with_name(f"{path.name}{KEPT_MARK}{backup_stamp()}"))
    if dry_run:
        return result
    try:
        if result.kept:  # never overwrite: a second forced restore in the same second fails
            write_new(Path(result.kept), current, like=path)
        atomic_write(path, original, read.st_mode & 0o7777, owner=(read.st_uid, read.st_gid),
                     expected=file_state(read))
        backup.unlink()  # the file now holds these very bytes
    except OSError as exc:
        return _failed(result, msg("restauration impossible, fichier laissé tel quel ({detail})",
                                   detail=os_detail(exc)))
    return result


def restore_store(given: str, *, force: bool, dry_run: bool, migrators: Migrators) -> list[RestoreResult]:
    """Every project of a store (or the one named), each from its newest backup row, under the same rule as a
    file: put back only over the very content the bascule wrote, unless `force` (then the current content is kept
    as a backup row marked 'avant-restauration', which no restore picks)."""
    try:
        store = open_store(given)
        names = store.project_names()
    except InputError as exc:
        return [RestoreResult(shown_uri(given), ERROR, message=message_of(exc))]
    return [restore_stored(store, name, force=force, dry_run=dry_run, migrators=migrators) for name in names]


def restore_stored(store: ProjectStore, name: str, *, force: bool, dry_run: bool,
                   migrators: Migrators) -> RestoreResult:
    result = RestoreResult(store.display(name), RESTORED)
    try:
        with store.session(read_only=dry_run) as session:
            backups = session.backups(name)
            if not backups:
                result.status = NO_BACKUP
                result.message = msg("aucune sauvegarde dans la table {table}", table=BACKUP_TABLE)
                return result
            newest = backups[0]
            result.backup = store.backup_place(newest.id, newest.time)
            original = session.backup_content(newest.id)
            current = session.read(name)
            verdict = _judge(result, archive_name(name, original), original, current, force=force,
                             migrators=migrators)
            if verdict is not None:
                return verdict
            if result.kept:
                if dry_run:
                    result.kept = store.backup_place(0, REASON_BEFORE_RESTORE)
                else:
                    time = utc_now()
                    result.kept = store.backup_place(session.backup(name, REASON_BEFORE_RESTORE, time), time)
            if not dry_run:
                session.put_back(name, newest.id)
    except InputError as exc:
        return _failed(result, msg("restauration impossible, projet laissé tel quel ({detail})",
                                   detail=message_of(exc)))
    return result


def _judge(result: RestoreResult, name: str, original: bytes, current: bytes, *, force: bool,
           migrators: Migrators) -> RestoreResult | None:
    """The one rule of every restore: the result to return when the backup must not be put back, else None.

    A backup cut short (a full disk, a copy interrupted) never replaces a project, even forced. A project that is
    no longer what the bascule (any of `migrators`: with or without accepted replacements) made of its backup is
    left alone unless `force`; then `result.kept` is set to a
    marker that the caller replaces with where the current content is kept.
    """
    try:
        if name.lower().endswith(".qgz"):
            check_archive(original)
        ours = any(rewrite_file(name, original, migrate).data == current for migrate in migrators)
    except InputError as exc:
        return _failed(result, msg("sauvegarde incomplète ou illisible, rien n'est remis : {reason}",
                                   reason=message_of(exc)))
    if not ours:
        if not force:
            result.status = MODIFIED
            result.message = msg("modifié depuis la bascule (ou enregistré par QGIS) : laissé tel quel")
            return result
        result.kept = KEPT_MARK
    return None


def _failed(result: RestoreResult, message: str) -> RestoreResult:
    result.status = ERROR
    result.message = message
    return result
