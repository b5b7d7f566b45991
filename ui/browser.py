"""The Géoplateforme in QGIS's Browser ("Explorateur"): by theme and by service, down to loadable layers.

Layer items are QgsLayerItem with the entry's own uri, provider key and layer type, so QGIS itself handles
double-click, drag and drop and "Add layer" (no code of ours between the Browser and the map). Children are
built lazily from the shared catalogue (CatalogState) and flagged Fast: they come from memory, so QGIS
builds them on the main thread instead of a worker thread where Python items have no business being.
Item paths carry the catalogue's generation: after a refresh, `refresh()` on the root swaps every branch.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from html import escape
from typing import Any

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsDataCollectionItem,
    QgsDataItem,
    QgsDataItemProvider,
    QgsDataProvider,
    QgsLayerItem,
)
from qgis.gui import QgsDataItemGuiProvider, QgsGui
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QDesktopServices, QIcon
from qgis.PyQt.QtWidgets import QAction, QApplication, QMenu

from ..catalog.entry import OTHER_THEME, SERVICES, CatalogEntry
from ..i18n import tr
from .catalog_model import service_label, theme_label
from .catalog_state import CatalogState
from .icons import plugin_icon, service_icon
from .layer_loader import add_to_map, layer_type, provider_key

PROVIDER_NAME = "gpf_bascule"
ROOT_PATH = "gpf:"
_generation = itertools.count(1)


def provider_and_type(entry: CatalogEntry) -> tuple[str, str]:
    """(QGIS provider key, mime layer type) of an entry: what QGIS needs to load it natively."""
    return provider_key(entry), layer_type(entry)


def _browser_layer_type(mime_type: str) -> Any:
    """Qgis.BrowserLayerType (QGIS >= 3.20) for a mime layer type; QgsLayerItem's enum on older versions."""
    enum = getattr(Qgis, "BrowserLayerType", QgsLayerItem)
    names = {"raster": "Raster", "vector": "Vector", "vector-tile": "VectorTile"}
    return getattr(enum, names.get(mime_type, "Raster"))


def _mark_fast(item: QgsDataItem) -> None:
    """Children come from memory: let QGIS build them on the main thread (never in a worker)."""
    fast = getattr(Qgis, "BrowserItemCapability", QgsDataItem).Fast
    setter = getattr(item, "setCapabilitiesV2", None) or item.setCapabilities
    setter(item.capabilities2() | fast)


# -- items ---------------------------------------------------------------------------------------------------
class GpfLayerItem(QgsLayerItem):
    """One GPF layer: QGIS loads it from `uri`/`providerKey`, we only add the context menu."""

    def __init__(self, parent: QgsDataItem, path: str, entry: CatalogEntry) -> None:
        provider, mime_type = provider_and_type(entry)
        super().__init__(parent, entry.title, path, entry.uri, _browser_layer_type(mime_type), provider)
        self.entry = entry
        self.setIcon(service_icon(entry.service, entry.needs_key))
        tip = f"<b>{escape(entry.title)}</b><br>{escape(entry.name)} — {service_label(entry.service)}"
        if entry.needs_key:
            tip += "<br>" + tr("Donnée sous licence : clé cartes.gouv.fr nécessaire")
        if entry.abstract:
            tip += f"<br><br>{escape(entry.abstract[:400])}"
        self.setToolTip(tip)


class _GroupItem(QgsDataCollectionItem):
    """A folder of the tree; `make_children` builds its children when the user first opens it."""

    def __init__(self, parent: QgsDataItem | None, name: str, path: str, icon: QIcon | None = None) -> None:
        super().__init__(parent, name, path, PROVIDER_NAME)
        _mark_fast(self)
        self.setIcon(icon if icon is not None else QgsApplication.getThemeIcon("/mIconFolder.svg"))

    def createChildren(self) -> list[QgsDataItem]:  # noqa: N802 (QGIS API)
        try:
            items = list(self.make_children())
        except Exception as error:  # noqa: BLE001 (a Python error here would leave the Browser node empty)
            items = [_error_item(self, str(error))]
        return _owned_by_qgis(items)

    def make_children(self) -> Iterable[QgsDataItem]:
        return []


def _owned_by_qgis(items: list[QgsDataItem]) -> list[QgsDataItem]:
    """Hand each item to C++: sip does not transfer a returned list's items, so Python would delete them as
    soon as the list is freed and leave the Browser with dangling children (a crash on the next refresh)."""
    for item in items:
        sip.transferto(item, None)
    return items


def _error_item(parent: QgsDataItem, message: str) -> QgsDataItem:
    from qgis.core import QgsErrorItem

    return QgsErrorItem(parent, message, f"{parent.path()}/error")


class LayersItem(_GroupItem):
    """The layers of one service (within a theme or not), sorted by title."""

    def __init__(self, parent: QgsDataItem, path: str, service: str, entries: list[CatalogEntry]) -> None:
        super().__init__(parent, f"{service_label(service)} ({len(entries)})", path, service_icon(service))
        self.service = service
        self.entries = entries

    def make_children(self) -> Iterable[QgsDataItem]:
        ordered = sorted(self.entries, key=lambda e: (e.title.casefold(), e.name))
        return [GpfLayerItem(self, f"{self.path()}/{entry.name}", entry) for entry in ordered]


def _in_order(items: list[QgsDataItem]) -> list[QgsDataItem]:
    """The Browser sorts by sort key (the name by default): keep our order (themes A→Z then "Autres"...)."""
    for index, item in enumerate(items):
        item.setSortKey(f"{index:04d}")
    return items


def _by_service(entries: Iterable[CatalogEntry]) -> dict[str, list[CatalogEntry]]:
    groups: dict[str, list[CatalogEntry]] = {}
    for entry in entries:
        groups.setdefault(entry.service, []).append(entry)
    return {s: groups[s] for s in sorted(groups, key=lambda s: SERVICES.index(s) if s in SERVICES else 99)}


class ThemeItem(_GroupItem):
    def __init__(self, parent: QgsDataItem, path: str, theme: str, entries: list[CatalogEntry]) -> None:
        super().__init__(parent, f"{theme_label(theme)} ({len(entries)})", path)
        self.theme = theme
        self.entries = entries

    def make_children(self) -> Iterable[QgsDataItem]:
        return _in_order([LayersItem(self, f"{self.path()}/{service}", service, entries)
                          for service, entries in _by_service(self.entries).items()])


class ByThemeItem(_GroupItem):
    def make_children(self) -> Iterable[QgsDataItem]:
        themes: dict[str, list[CatalogEntry]] = {}
        for entry in CatalogState.instance().catalog.layers:
            for theme in entry.themes or (OTHER_THEME,):
                themes.setdefault(theme, []).append(entry)
        order = sorted(themes, key=lambda t: (t == OTHER_THEME, theme_label(t).casefold()))
        return _in_order([ThemeItem(self, f"{self.path()}/{theme}", theme, themes[theme]) for theme in order])


class ByServiceItem(_GroupItem):
    def make_children(self) -> Iterable[QgsDataItem]:
        groups = _by_service(CatalogState.instance().catalog.layers)
        return _in_order([LayersItem(self, f"{self.path()}/{service}", service, entries)
                          for service, entries in groups.items()])


class GpfRootItem(_GroupItem):
    """`Géoplateforme` at the Browser's top level."""

    def __init__(self, parent: QgsDataItem | None, registration: BrowserRegistration | None = None) -> None:
        super().__init__(parent, tr("Géoplateforme"), ROOT_PATH, plugin_icon())
        self.setToolTip(tr("Couches de la Géoplateforme de l'IGN (data.geopf.fr)"))
        if registration is not None:
            registration.roots.append(self)

    def make_children(self) -> Iterable[QgsDataItem]:
        generation = BrowserRegistration.generation
        items = [
            ByThemeItem(self, tr("Par thème"), f"{ROOT_PATH}/{generation}/themes"),
            ByServiceItem(self, tr("Par service"), f"{ROOT_PATH}/{generation}/services"),
        ]
        return _in_order(items)


# -- providers -----------------------------------------------------------------------------------------------
class GpfDataItemProvider(QgsDataItemProvider):
    def __init__(self, registration: BrowserRegistration | None = None) -> None:
        super().__init__()
        self.registration = registration

    def name(self) -> str:
        return PROVIDER_NAME

    def dataProviderKey(self) -> str:  # noqa: N802 (QGIS API)
        return PROVIDER_NAME

    def capabilities(self) -> Any:
        """Network sources (the Browser's "hide network items" filter applies); the enum moved in 3.36."""
        flags = getattr(Qgis, "DataItemProviderCapability", None)
        return flags.NetworkSources if flags is not None else QgsDataProvider.Net

    def createDataItem(self, path: str, parentItem: QgsDataItem | None) -> QgsDataItem | None:  # noqa: N802, N803
        if path:
            return None
        return _owned_by_qgis([GpfRootItem(parentItem, self.registration)])[0]


class GpfDataItemGuiProvider(QgsDataItemGuiProvider):
    """Context menu of a GPF layer: add it, copy its QGIS data source, open its metadata."""

    def __init__(self, iface: Any = None) -> None:
        super().__init__()
        self.iface = iface

    def name(self) -> str:
        return PROVIDER_NAME

    def populateContextMenu(self, item, menu: QMenu, selectedItems, context) -> None:  # noqa: N802, N803, ANN001
        if not isinstance(item, GpfLayerItem):
            return
        entry = item.entry
        add = QAction(tr("Ajouter à la carte"), menu)
        add.triggered.connect(lambda _checked=False, e=entry: self.add_to_map(e))
        copy = QAction(tr("Copier l'URI"), menu)
        copy.setToolTip(tr("Copie la source de données QGIS de la couche"))
        copy.triggered.connect(lambda _checked=False, e=entry: QApplication.clipboard().setText(e.uri))
        metadata = QAction(tr("Métadonnées"), menu)
        metadata.setEnabled(bool(entry.metadata_url))
        metadata.triggered.connect(lambda _checked=False, e=entry: QDesktopServices.openUrl(QUrl(e.metadata_url)))
        for action in (add, copy, metadata):
            action.setObjectName(f"gpf_bascule_browser_{len(menu.actions())}")
        menu.addSeparator()
        menu.addActions([add, copy, metadata])

    def add_to_map(self, entry: CatalogEntry) -> Any:
        return add_to_map(entry, self.iface)


# -- registration --------------------------------------------------------------------------------------------
class BrowserRegistration:
    """Adds the providers to QGIS's registries and rebuilds the tree when the catalogue changes."""

    generation = 0

    def __init__(self, iface: Any = None) -> None:
        self.iface = iface
        self.provider: GpfDataItemProvider | None = None
        self.gui_provider: GpfDataItemGuiProvider | None = None
        self.roots: list[GpfRootItem] = []

    def register(self) -> None:
        if self.provider is not None:
            return
        BrowserRegistration.generation = next(_generation)
        self.gui_provider = GpfDataItemGuiProvider(self.iface)
        QgsGui.dataItemGuiProviderRegistry().addProvider(self.gui_provider)
        self.provider = GpfDataItemProvider(self)
        QgsApplication.dataItemProviderRegistry().addProvider(self.provider)
        CatalogState.instance().catalogChanged.connect(self.reload)

    def unregister(self) -> None:
        if self.provider is None:
            return
        try:
            CatalogState.instance().catalogChanged.disconnect(self.reload)
        except TypeError:
            pass
        QgsApplication.dataItemProviderRegistry().removeProvider(self.provider)  # deletes it, and its root items
        QgsGui.dataItemGuiProviderRegistry().removeProvider(self.gui_provider)
        self.provider = None
        self.gui_provider = None
        self.roots.clear()

    def live_roots(self) -> list[GpfRootItem]:
        self.roots = [root for root in self.roots if not sip.isdeleted(root)]
        return list(self.roots)

    def reload(self) -> None:
        """New catalogue: new item paths, so that refresh() replaces every branch instead of keeping stale ones."""
        BrowserRegistration.generation = next(_generation)
        for root in self.live_roots():
            if root.state() != getattr(Qgis, "BrowserItemState", QgsDataItem).NotPopulated:
                root.refresh()
