"""What happened to one file and to each data source in it.

Shared by the rewriters (project files, connection exports), the batch runner and the reports, so that
none of them has to import another just for a data class.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterator

from .messages import msg
from .result import UNMAPPED, Migration, Replacement, is_replaced

#: The engine as the rewriters see it: (provider, source) -> Migration. Injected so that tests and the
#: batch can wrap or replace it; the default is `engine.migrate_source` with the default registry.
Migrator = Callable[[str, str], Migration]

FILE_MIGRATED = "migrated"
FILE_UNCHANGED = "unchanged"
FILE_ERROR = "error"


class InputError(Exception):
    """A file we refuse to process. The message is one line a user understands, without a traceback."""


@dataclass(frozen=True)
class SourceOutcome:
    """One data source (a map layer or a saved connection) and what the engine made of it."""

    id: str
    name: str
    provider: str
    status: str
    old_source: str
    new_source: str
    reason: str = ""
    warnings: tuple[str, ...] = ()
    replacement: Replacement | None = None  # a proposed successor layer (applied only if `replaced`)

    @property
    def replaced(self) -> bool:
        return is_replaced(self.replacement, self.old_source, self.new_source)

    @classmethod
    def from_migration(cls, layer_id: str, name: str, provider: str, migration: Migration) -> SourceOutcome:
        return cls(
            id=layer_id,
            name=name,
            provider=provider,
            status=migration.status,
            old_source=migration.old_source,
            new_source=migration.new_source,
            reason=migration.reason,
            warnings=tuple(migration.warnings),
            replacement=migration.replacement,
        )


class Rewrite:
    """The output of one file. When nothing changed, `data` is the input object itself.

    A rewritten XML document may come as `pieces` instead: slices of the input and the new values, written one
    after the other (`chunks()`), so that a big .qgs is never copied whole in memory; `data` joins them only
    when someone asks for the bytes.
    """

    def __init__(self, data: bytes | None = None, changed: bool = False,
                 sources: list[SourceOutcome] | None = None, pieces: list | None = None,
                 references: list | None = None):
        if data is None and pieces is None:
            raise ValueError("a Rewrite needs data or pieces")
        self._data = data
        self.pieces = pieces
        self.changed = changed
        self.sources = sources if sources is not None else []
        #: Old addresses outside data sources (mapping/elsewhere.py Reference): rewritten or left for a person.
        self.references = references if references is not None else []

    @property
    def data(self) -> bytes:
        if self._data is None:
            self._data = b"".join(self.pieces)
        return self._data

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Rewrite):
            return NotImplemented
        return (self.changed, self.sources, self.data) == (other.changed, other.sources, other.data)

    __hash__ = None  # mutable, like the dataclass it replaces

    def chunks(self) -> Iterator[bytes]:
        """The output bytes, in writes of about 1 MB."""
        if self._data is not None:
            yield self._data
            return
        from .splice import iter_chunks

        yield from iter_chunks(self.pieces)


@dataclass
class FileResult:
    """One input file in a batch run, as the reports and the command line show it."""

    path: str
    output: str = ""
    status: str = FILE_UNCHANGED
    error: str = ""
    backup: str = ""
    sources: list[SourceOutcome] = field(default_factory=list)
    #: What the user should know about the file beyond its layers (e.g. local data left behind).
    notes: list[str] = field(default_factory=list)
    #: Old addresses outside data sources (mapping/elsewhere.py Reference): actions, expressions, layouts...
    references: list = field(default_factory=list)


ENGINE_FAILURE = "erreur interne du moteur"  # how the reason below starts (the fuzz test looks for it)


def guarded(migrate: Migrator) -> Migrator:
    """A migrator that turns an engine crash on one odd source into an unmapped source left as it was.

    One strange layer must not stop a 10,000-layer project from moving; the reason names the failure so
    that reports show it and tests (the fuzz test) can still catch the bug.
    """

    def safe(provider: str, source: str) -> Migration:
        try:
            return migrate(provider, source)
        except Exception as exc:  # noqa: BLE001 - contained and reported, see docstring
            error = " ".join(f"{type(exc).__name__}: {exc}".split())
            reason = msg("erreur interne du moteur ({error}) : source laissée telle quelle", error=error)
            return Migration(provider, source, source, UNMAPPED, reason=reason)

    return safe


def memoized(migrate: Migrator) -> Migrator:
    """Ask the engine once per distinct (provider, source): big projects repeat the same few sources."""
    cache: dict[tuple[str, str], Migration] = {}

    def cached(provider: str, source: str) -> Migration:
        key = (provider, source)
        found = cache.get(key)
        if found is None:
            found = cache[key] = migrate(provider, source)
        return found

    return cached
