"""The catalogue the plugin's views show: one shared object, loaded on first use, replaced after a refresh.

The dock, the Browser provider and the locator all read `CatalogState.instance().catalog` and listen to
`catalogChanged`. Nothing is loaded before a view asks (QGIS start-up stays fast): the bundled snapshot
serves at once, a background refresh (catalog/refresh.py) may replace it later.
"""

from __future__ import annotations

from typing import Optional

from qgis.PyQt.QtCore import QObject, pyqtSignal

from ..catalog.entry import Catalog


class CatalogState(QObject):
    """Holds the current catalogue; `set_catalog` replaces it and tells every view."""

    catalogChanged = pyqtSignal()  # noqa: N815 (Qt signal naming)
    _instance: Optional[CatalogState] = None

    def __init__(self, parent: Optional[QObject] = None):
        super().__init__(parent)
        self._catalog: Optional[Catalog] = None
        self.error = ""  # the last problem worth telling the user (empty when all is well)

    @classmethod
    def instance(cls) -> CatalogState:
        if cls._instance is None:
            cls._instance = cls()
        return cls._instance

    @property
    def catalog(self) -> Catalog:
        """The catalogue in use: the bundled snapshot until a refresh brings a newer one."""
        if self._catalog is None:
            from ..catalog.snapshot import load_snapshot

            try:
                self._catalog = load_snapshot()
            except (OSError, ValueError) as error:
                self.error = str(error)
                self._catalog = Catalog(layers=())
        return self._catalog

    def set_catalog(self, catalog: Catalog) -> None:
        self._catalog = catalog
        self.catalogChanged.emit()
