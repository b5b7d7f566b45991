"""The catalogue as a compact gzip'd JSON file: what the dock reads when it first opens.

Reading it must be fast (no XML, no OWSLib: `json` + `gzip` from the standard library, entries built
directly), and writing it must never leave half a file behind (temporary file, then rename). The bundled
copy lives in `resources/catalog/gpf_catalog.json.gz` (rebuilt by `make catalog`); a refreshed one lives
in the QGIS profile (catalog/refresh.py).
"""

from __future__ import annotations

import gzip
import json
import os
import zlib
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from .entry import OTHER_THEME, Catalog, CatalogEntry, ServiceStatus

BUNDLED = Path(__file__).resolve().parent.parent / "resources" / "catalog" / "gpf_catalog.json.gz"
FORMAT = "gpf_bascule.catalog/1"
_STATUS_FIELDS = frozenset(ServiceStatus.__dataclass_fields__)  # a newer file's extra fields are dropped


class SnapshotError(ValueError):
    """The file is not a catalogue snapshot (damaged, truncated, another format); the message says which file."""


def _entry_json(entry: CatalogEntry) -> dict:
    return entry.to_json(compact=True)  # empty values left out: a smaller file (catalog/entry.py owns the format)


def _entry(layer: dict) -> CatalogEntry:
    """CatalogEntry.from_json, positionally: half its cost on the dock's first open (2,000+ entries).

    tests/unit/test_catalog_tree.py checks that both give the same entries for the whole bundled catalogue."""
    get = layer.get
    crs = get("crs", "")
    bbox = get("bbox")
    return CatalogEntry(
        layer["service"], layer["name"], get("title") or layer["name"], layer["provider"], layer["uri"],
        tuple(get("themes") or (OTHER_THEME,)), get("abstract", ""), tuple(bbox) if bbox else None,
        get("metadata_url", ""), bool(get("needs_key")), crs, get("note", ""), bool(get("sandbox")),
        tuple(get("crs_options") or ((crs,) if crs else ())), tuple(get("keywords") or ()),
    )


def catalog_json(catalog: Catalog) -> dict:
    """The snapshot's JSON document (also what `gpf-bascule catalog --json` prints, less the statuses)."""
    return {
        "format": FORMAT,
        "generated": catalog.generated,
        "services": [vars(status) for status in catalog.services],
        "layers": [_entry_json(entry) for entry in catalog.layers],
    }


def save_snapshot(catalog: Catalog, path: str | Path) -> Path:
    """Write atomically (same-folder temporary file, then rename); byte-identical for the same catalogue."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(catalog_json(catalog), ensure_ascii=False, separators=(",", ":"))
    payload = gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)
    import tempfile  # only when writing: the dock's first read stays lean

    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=str(path.parent))
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def load_snapshot(path: str | Path | None = None) -> Catalog:
    """The catalogue in `path` (default: the bundled snapshot). Raises SnapshotError (a ValueError) or OSError."""
    path = Path(path) if path is not None else BUNDLED
    raw = path.read_bytes()
    try:
        data = json.loads(gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw)
        if not isinstance(data, dict) or not isinstance(data.get("layers"), list):
            raise SnapshotError(f"{path} : pas un instantané du catalogue (aucune liste « layers »)")
        layers = tuple(_entry(layer) for layer in data["layers"])
        services = tuple(
            ServiceStatus(**{k: v for k, v in status.items() if k in _STATUS_FIELDS})
            for status in data.get("services", ())
        )
    except SnapshotError:
        raise
    except (OSError, EOFError, zlib.error, UnicodeDecodeError, ValueError, KeyError, TypeError, IndexError) as error:
        raise SnapshotError(f"{path} : instantané du catalogue illisible ({type(error).__name__}: {error})") from None
    return Catalog(layers=layers, generated=str(data.get("generated", "")), services=services)


# -- which snapshot is in use ------------------------------------------------------------------------------------
# Decided here only: the dock, the Browser, the locator (ui/catalog_state.py) and Processing (list_catalog) ask.
CACHED_NAME = "gpf_catalog.json.gz"
BUNDLED_ORIGIN, DOWNLOADED_ORIGIN = "bundled", "downloaded"
_UNKNOWN = datetime.min.replace(tzinfo=timezone.utc)


def cached_snapshot_path(profile_dir: str | Path) -> Path:
    """Where a refresh keeps its snapshot: the QGIS profile's cache folder (a plugin update wipes the plugin's)."""
    return Path(profile_dir) / "cache" / "gpf_bascule" / CACHED_NAME


def generated_at(catalog: Catalog | None) -> datetime:
    """When a catalogue was built; the oldest possible date when unknown or unreadable, so any dated one wins."""
    try:
        value = datetime.fromisoformat((catalog.generated or "").replace("Z", "+00:00"))
    except (AttributeError, ValueError):
        return _UNKNOWN
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def is_dated(catalog: Catalog | None) -> bool:
    return generated_at(catalog) != _UNKNOWN


@dataclass(frozen=True)
class CurrentSnapshot:
    """The catalogue to use, where it comes from (`bundled` or `downloaded`) and a problem worth telling."""

    catalog: Catalog
    origin: str
    error: str = ""


def newest(bundled: Catalog | None, cached: Catalog | None) -> tuple[Catalog, str]:
    """The cached (refreshed) catalogue when it has layers and is strictly newer than the bundled one."""
    if cached is not None and cached.layers and (bundled is None or generated_at(cached) > generated_at(bundled)):
        return cached, DOWNLOADED_ORIGIN
    return (bundled if bundled is not None else Catalog(layers=())), BUNDLED_ORIGIN


def load_current(cached_path: str | Path | None = None) -> CurrentSnapshot:
    """The newer of the bundled snapshot and the one a refresh cached at `cached_path`.

    A damaged or missing cache is ignored (the bundled one serves); a damaged bundled one is reported in
    `error` unless the cache stands in for it.
    """
    error = ""
    try:
        bundled: Catalog | None = load_snapshot()
    except (OSError, ValueError) as problem:
        bundled, error = None, str(problem)
    cached = None
    if cached_path is not None and Path(cached_path).is_file():
        with suppress(OSError, ValueError):  # a damaged cache must never stop the catalogue
            cached = load_snapshot(cached_path)
    catalog, origin = newest(bundled, cached)
    return CurrentSnapshot(catalog, origin, "" if origin == DOWNLOADED_ORIGIN else error)
