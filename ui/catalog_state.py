"""The catalogue the plugin's views show: one shared object, loaded on first use, replaced after a refresh.

The dock, the Browser provider and the locator all read `CatalogState.instance().catalog` and listen to
`catalogChanged`. Nothing is loaded before a view asks (QGIS start-up stays fast): the newer of the bundled
snapshot and the one a past refresh cached in the QGIS profile serves at once, a background refresh
(catalog/refresh.py) may replace it later.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from qgis.PyQt.QtCore import QObject, pyqtSignal

from ..catalog.entry import Catalog


def _when(catalog: Catalog) -> datetime:
    """When a catalogue was generated (the oldest possible date when unknown, so that any dated one wins)."""
    try:
        value = datetime.fromisoformat(catalog.generated.replace("Z", "+00:00"))
    except (AttributeError, ValueError):
        return datetime.min.replace(tzinfo=timezone.utc)
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


class CatalogState(QObject):
    """Holds the current catalogue; `set_catalog` replaces it and tells every view."""

    catalogChanged = pyqtSignal()  # noqa: N815 (Qt signal naming)
    _instance: CatalogState | None = None

    def __init__(self, parent: QObject | None = None, cached_path: Path | None = None):
        super().__init__(parent)
        self._catalog: Catalog | None = None
        self.cached_path = cached_path  # None: the refresh's cache in the QGIS profile
        self.error = ""  # the last problem worth telling the user (empty when all is well)
        self.origin = ""  # "bundled" (shipped with the plugin) or "downloaded" (a refresh, now or in a past session)

    @classmethod
    def instance(cls) -> CatalogState:
        if cls._instance is None:
            cls._instance = cls()
        return cls._instance

    @property
    def catalog(self) -> Catalog:
        """The catalogue in use: the newer of the bundled and the cached snapshot until a refresh brings one."""
        if self._catalog is None:
            self._catalog = self._load()
        return self._catalog

    def _load(self) -> Catalog:
        bundled: Catalog | None = None
        try:
            from ..catalog.snapshot import load_snapshot

            bundled = load_snapshot()
        except (ImportError, OSError, ValueError) as error:
            self.error = str(error)
        cached = self._load_cached()
        if cached is not None and (bundled is None or _when(cached) > _when(bundled)):
            self.error = ""
            self.origin = "downloaded"
            return cached
        self.origin = "bundled"
        return bundled if bundled is not None else Catalog(layers=())

    def _load_cached(self) -> Catalog | None:
        """The snapshot the last good refresh saved, if any; a damaged one is ignored (the bundled one serves)."""
        from ..catalog.refresh import cached_snapshot_path, load_catalog

        path = self.cached_path or cached_snapshot_path()
        if not path.is_file():
            return None
        try:
            catalog = load_catalog(path)
        except Exception:  # noqa: BLE001 (a damaged cache file must never stop the catalogue: the bundled one serves)
            return None
        return catalog if catalog.layers else None

    def generated(self) -> datetime | None:
        """When the catalogue in use was built (its snapshot's date), None when unknown."""
        when = _when(self.catalog)
        return None if when == datetime.min.replace(tzinfo=timezone.utc) else when

    def set_catalog(self, catalog: Catalog, origin: str = "downloaded") -> None:
        self._catalog = catalog
        self.origin = origin
        self.catalogChanged.emit()
