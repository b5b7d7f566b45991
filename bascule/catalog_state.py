"""The catalogue the plugin's views show: one shared object, loaded on first use, replaced after a refresh.

A QObject without widgets (bascule/: QGIS-side services), so that the refresh task (bascule/catalog_refresh.py)
hands its catalogue over without importing ui/; ui/catalog_state.py re-exports it for the views.

The dock, the Browser provider and the locator all read `CatalogState.instance()`: the catalogue, its tree
(catalog/tree.py: the one order and grouping every view renders) and whether test layers are shown; they listen
to `catalogChanged` and `testLayersToggled`. Nothing is loaded before a view asks (QGIS start-up stays fast).
Which snapshot serves (the bundled one or the one a past refresh cached in the QGIS profile) is
catalog/snapshot.py's choice; a background refresh may replace it later.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from qgis.PyQt.QtCore import QObject, pyqtSignal

from ..catalog import themes
from ..catalog.entry import Catalog
from ..catalog.snapshot import DOWNLOADED_ORIGIN, generated_at, is_dated
from ..catalog.tree import CatalogTree
from ..i18n import tr_message


def theme_label(key: str) -> str:
    """A theme's label in the user's language (catalog.themes holds the French labels, as data)."""
    return tr_message(themes.theme_label(key))


def profile_cached_path() -> Path:
    """Where the refresh caches its snapshot in the active QGIS profile."""
    from qgis.core import QgsApplication

    from ..catalog.snapshot import cached_snapshot_path

    return cached_snapshot_path(QgsApplication.qgisSettingsDirPath())


class CatalogState(QObject):
    """Holds the current catalogue; `set_catalog` replaces it and tells every view."""

    catalogChanged = pyqtSignal()  # noqa: N815 (Qt signal naming)
    testLayersToggled = pyqtSignal(bool)  # noqa: N815 (the "show test layers" switch changed: views re-filter)
    _instance: CatalogState | None = None

    def __init__(self, parent: QObject | None = None, cached_path: Path | None = None):
        super().__init__(parent)
        self._catalog: Catalog | None = None
        self._tree: CatalogTree | None = None
        self._show_test_layers: bool | None = None  # read from the settings on first use
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
            from ..catalog.snapshot import load_current

            current = load_current(self.cached_path or profile_cached_path())
            self._catalog, self.origin, self.error = current.catalog, current.origin, current.error
        return self._catalog

    @property
    def tree(self) -> CatalogTree:
        """The current catalogue sorted and grouped (built once per catalogue), theme labels as displayed."""
        if self._tree is None:
            self._tree = CatalogTree(self.catalog.layers, label=theme_label)
        return self._tree

    def generated(self) -> datetime | None:
        """When the catalogue in use was built (its snapshot's date), None when unknown."""
        catalog = self.catalog
        return generated_at(catalog) if is_dated(catalog) else None

    def reload(self) -> None:
        """Read the snapshots again (catalog.snapshot chooses) and tell every view: the dock's "Réessayer"."""
        from ..catalog.snapshot import load_current

        current = load_current(self.cached_path or profile_cached_path())
        self.error = current.error
        self.set_catalog(current.catalog, current.origin)

    def set_catalog(self, catalog: Catalog, origin: str = DOWNLOADED_ORIGIN) -> None:
        self._catalog = catalog
        self._tree = None
        self.origin = origin
        self.catalogChanged.emit()

    # -- test, demo and tutorial layers: hidden unless the user asks (the choice is kept in the settings) ----------
    @property
    def show_test_layers(self) -> bool:
        if self._show_test_layers is None:
            from ..settings import GpfSettings

            self._show_test_layers = GpfSettings.load().show_test_layers
        return self._show_test_layers

    def set_show_test_layers(self, show: bool) -> None:
        """Show or hide the test layers in every view, and remember the choice (GpfSettings)."""
        show = bool(show)
        if show == self.show_test_layers:
            return
        from ..settings import GpfSettings

        GpfSettings.store(show_test_layers=show)
        self._show_test_layers = show
        self.testLayersToggled.emit(show)
