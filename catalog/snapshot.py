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
from pathlib import Path

from .entry import OTHER_THEME, Catalog, CatalogEntry, ServiceStatus

BUNDLED = Path(__file__).resolve().parent.parent / "resources" / "catalog" / "gpf_catalog.json.gz"
FORMAT = "gpf_bascule.catalog/1"
_STATUS_FIELDS = frozenset(ServiceStatus.__dataclass_fields__)  # a newer file's extra fields are dropped


class SnapshotError(ValueError):
    """The file is not a catalogue snapshot (damaged, truncated, another format); the message says which file."""


def _entry_json(entry: CatalogEntry) -> dict:
    data = {"service": entry.service, "name": entry.name, "title": entry.title, "provider": entry.provider,
            "uri": entry.uri, "themes": list(entry.themes)}
    for key in ("abstract", "metadata_url", "crs", "note"):  # empty strings are left out: a smaller file
        if getattr(entry, key):
            data[key] = getattr(entry, key)
    if entry.bbox:
        data["bbox"] = list(entry.bbox)
    if entry.needs_key:
        data["needs_key"] = True
    return data


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
        layers = tuple(
            CatalogEntry(
                layer["service"], layer["name"], layer.get("title") or layer["name"], layer["provider"],
                layer["uri"], tuple(layer.get("themes") or (OTHER_THEME,)), layer.get("abstract", ""),
                tuple(layer["bbox"]) if layer.get("bbox") else None, layer.get("metadata_url", ""),
                bool(layer.get("needs_key")), layer.get("crs", ""), layer.get("note", ""),
            )
            for layer in data["layers"]
        )
        services = tuple(
            ServiceStatus(**{k: v for k, v in status.items() if k in _STATUS_FIELDS})
            for status in data.get("services", ())
        )
    except SnapshotError:
        raise
    except (OSError, EOFError, zlib.error, UnicodeDecodeError, ValueError, KeyError, TypeError, IndexError) as error:
        raise SnapshotError(f"{path} : instantané du catalogue illisible ({type(error).__name__}: {error})") from None
    return Catalog(layers=layers, generated=str(data.get("generated", "")), services=services)
