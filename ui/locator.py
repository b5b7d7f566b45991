"""`gpf ortho` in QGIS's locator bar: find a Géoplateforme layer by title or name and add it.

QGIS runs `fetchResults` in a worker thread on a `clone()` made on the main thread, so the clone takes
everything it needs then (the search index of the current catalogue, the icons) and the search itself
touches no widget and no shared state. The index is built once per catalogue, not per keystroke, over the
shared catalogue tree (catalog/tree.py: equal ranks keep the dock's order). Test layers are left out unless the
shared switch shows them; when some match, one last line says how many and shows them when chosen.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

from qgis.core import QgsFeedback, QgsLocatorContext, QgsLocatorFilter, QgsLocatorResult
from qgis.PyQt.QtGui import QIcon

from ..catalog.entry import SERVICES, Catalog, CatalogEntry
from ..catalog.search import SearchIndex, normalise
from ..catalog.tree import CatalogTree
from ..i18n import tr
from .catalog_model import service_label
from .catalog_state import CatalogState
from .icons import service_icon
from .layer_loader import add_to_map

PREFIX = "gpf"
MAX_RESULTS = 50  # the locator list is for picking, not browsing (the dock and the Browser are for that)
SHOW_TESTS_KEY = "\tshow-test-layers"  # the userData of the "N couches de test masquées" line


class _Index:
    """The shared search (catalog/search.py), re-ranked for picking one layer from a short list."""

    def __init__(self, entries: Sequence[CatalogEntry] | CatalogTree) -> None:
        tree = entries if isinstance(entries, CatalogTree) else CatalogTree(entries)
        self.entries = tree.entries
        self.by_key = {entry_key(entry): entry for entry in self.entries}
        self._shared = SearchIndex(self.entries)

    def hidden_matches(self, query: str) -> int:
        """Test layers the query finds (what the locator does not list while they are hidden)."""
        entries = self.entries
        return sum(entries[position].sandbox for position in self._shared.matching(query))

    def search(self, query: str, limit: int, show_test_layers: bool = False) -> list[CatalogEntry]:
        """Title/name matches first, then the closest name (shortest), then WMTS before WMS and WFS.

        The locator shows a few lines to pick from: "ortho" must offer ORTHOIMAGERY.ORTHOPHOTOS, not fifty
        yearly variants that merely sort first by title.
        """
        words = normalise(query).split()

        def rank(entry: CatalogEntry) -> tuple:
            primary = normalise(f"{entry.title} {entry.name}")
            service = SERVICES.index(entry.service) if entry.service in SERVICES else len(SERVICES)
            return (not all(word in primary for word in words), len(entry.name), service)

        found = self._shared.search(query)
        if not show_test_layers:
            found = [entry for entry in found if not entry.sandbox]
        return sorted(found, key=rank)[:limit]


def entry_key(entry: CatalogEntry) -> str:
    """What a result carries: a plain string (a Python object in a QVariant does not survive QGIS's copies)."""
    return f"{entry.service}\t{entry.name}"


_cache_lock = threading.Lock()
_cached: tuple[Catalog | None, _Index | None] = (None, None)


def index_for(catalog: Catalog, tree: CatalogTree | None = None) -> _Index:
    """The search index of `catalog` (over its tree, when given), built on first use and kept until it changes."""
    global _cached
    with _cache_lock:
        if _cached[0] is not catalog:
            _cached = (catalog, _Index(tree if tree is not None else catalog.layers))
        return _cached[1]


def _icons() -> dict[tuple[str, bool], QIcon]:
    """Icons made on the main thread (QPixmap must not be built in the locator's worker thread)."""
    return {(service, locked): service_icon(service, locked) for service in SERVICES for locked in (False, True)}


def _set_data(result: QgsLocatorResult, value: Any) -> None:
    """userData is an attribute up to QGIS 3.32 and a setter afterwards."""
    setter = getattr(result, "setUserData", None)
    if callable(setter):
        setter(value)
    else:
        result.userData = value


def _get_data(result: QgsLocatorResult) -> Any:
    value = result.userData
    return value() if callable(value) else value


def entry_of(result: QgsLocatorResult) -> CatalogEntry | None:
    """The catalogue entry a result names (main thread: reads the current catalogue)."""
    key = _get_data(result)
    return index_for(CatalogState.instance().catalog).by_key.get(key) if isinstance(key, str) else None


class GpfLocatorFilter(QgsLocatorFilter):
    """Layers of the Géoplateforme catalogue, by title or technical name, accents ignored."""

    def __init__(self, iface: Any = None, index: _Index | None = None,
                 icons: dict[tuple[str, bool], QIcon] | None = None, labels: dict[str, str] | None = None,
                 show_test_layers: bool = False) -> None:
        super().__init__()
        self.iface = iface
        self._index = index
        self._icons = icons or {}
        self._labels = labels or {}
        self._show_test_layers = show_test_layers

    def clone(self) -> GpfLocatorFilter:
        """Main thread: take the current catalogue's index, icons, labels and switch along to the worker thread."""
        state = CatalogState.instance()
        return GpfLocatorFilter(
            self.iface, index_for(state.catalog, state.tree), _icons(),
            {service: service_label(service) for service in SERVICES}, state.show_test_layers,
        )

    def name(self) -> str:
        return "gpf_bascule"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return tr("Couches de la Géoplateforme")

    def description(self) -> str:
        return tr("Ajoute une couche de la Géoplateforme (data.geopf.fr) à la carte")

    def prefix(self) -> str:
        return PREFIX

    def hasConfigWidget(self) -> bool:  # noqa: N802 (QGIS API)
        return False

    def fetchResults(self, string: str, context: QgsLocatorContext, feedback: QgsFeedback) -> None:  # noqa: N802
        """Worker thread: only the clone's own data is read here."""
        if self._index is None or len(string.strip()) < 2:
            return
        for rank, entry in enumerate(self._index.search(string, MAX_RESULTS, self._show_test_layers)):
            if feedback is not None and feedback.isCanceled():
                return
            result = QgsLocatorResult()
            result.filter = self
            result.displayString = entry.title
            result.description = f"{entry.name} — {self._labels.get(entry.service, entry.service)}"
            if entry.needs_key:
                result.description += " — " + tr("clé cartes.gouv.fr nécessaire")
            result.group = self._labels.get(entry.service, entry.service)
            result.score = max(0.0, 1.0 - rank / (MAX_RESULTS * 2))
            icon = self._icons.get((entry.service, entry.needs_key))
            if icon is not None:
                result.icon = icon
            _set_data(result, entry_key(entry))
            self.resultFetched.emit(result)
        hidden = 0 if self._show_test_layers else self._index.hidden_matches(string)
        if hidden and not (feedback is not None and feedback.isCanceled()):
            result = QgsLocatorResult()
            result.filter = self
            result.displayString = tr("{hidden} couches de test masquées correspondent").format(hidden=hidden)
            result.description = tr("Choisir pour afficher les couches de test (catalogue, Explorateur, recherche)")
            result.group = tr("Couches de test")
            result.score = 0.0
            _set_data(result, SHOW_TESTS_KEY)
            self.resultFetched.emit(result)

    def triggerResult(self, result: QgsLocatorResult) -> None:  # noqa: N802 (QGIS API)
        """Main thread: add the chosen layer with the dock's loader (message bar on failure)."""
        if _get_data(result) == SHOW_TESTS_KEY:
            CatalogState.instance().set_show_test_layers(True)
            return
        entry = entry_of(result)
        if entry is not None:
            add_entry(entry, self.iface)


def add_entry(entry: CatalogEntry, iface: Any = None) -> Any:
    return add_to_map(entry, iface)


class LocatorRegistration:
    """Adds the filter to QGIS's locator bar (`iface.registerLocatorFilter`) and takes it away again."""

    def __init__(self, iface: Any) -> None:
        self.iface = iface
        self.filter: GpfLocatorFilter | None = None

    def register(self) -> None:
        if self.filter is None:
            self.filter = GpfLocatorFilter(self.iface)
            self.iface.registerLocatorFilter(self.filter)

    def unregister(self) -> None:
        if self.filter is not None:
            self.iface.deregisterLocatorFilter(self.filter)  # QGIS deletes the filter
            self.filter = None
