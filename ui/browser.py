"""The Géoplateforme in QGIS's Browser ("Explorateur"): by theme and by service, down to loadable layers.

Layer items are QgsLayerItem with the entry's own uri, provider key and layer type, so QGIS itself handles
double-click, drag and drop and "Add layer" (no code of ours between the Browser and the map). Children are
built lazily from the shared catalogue tree (CatalogState.tree, catalog/tree.py: the dock shows the same order)
and flagged Fast: they come from memory, so QGIS builds them on the main thread instead of a worker thread where
Python items have no business being. Test layers are left out unless the shared switch shows them; an item under
the root says how many are hidden, and the root's and that item's menus hold the switch.
Item paths carry the catalogue's generation: after a refresh, `refresh()` on the root swaps every branch.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from contextlib import suppress
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

from ..catalog.entry import CatalogEntry
from ..catalog.tree import BY_SERVICE, BY_THEME, CatalogTree, Group
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
    """The layers of one service (within a theme or not), in the tree's order."""

    def __init__(self, parent: QgsDataItem, path: str, service: str, entries: list[CatalogEntry]) -> None:
        super().__init__(parent, f"{service_label(service)} ({len(entries)})", path, service_icon(service))
        self.service = service
        self.entries = entries

    def make_children(self) -> Iterable[QgsDataItem]:
        # sort keys too: the Browser would otherwise sort layers by their titles, its own way ("É" after "Z")
        return _in_order([GpfLayerItem(self, f"{self.path()}/{entry.name}", entry) for entry in self.entries])


def _in_order(items: list[QgsDataItem]) -> list[QgsDataItem]:
    """The Browser sorts by sort key (the name by default): keep the tree's order (themes A→Z then "Autres"...)."""
    for index, item in enumerate(items):
        item.setSortKey(f"{index:05d}")
    return items


def _current_tree() -> tuple[CatalogTree, bool]:
    state = CatalogState.instance()
    return state.tree, state.show_test_layers


def _layers_items(parent: QgsDataItem, tree: CatalogTree, groups: tuple[Group, ...]) -> list[QgsDataItem]:
    return _in_order([LayersItem(parent, f"{parent.path()}/{group.key}", group.key,
                                 [tree.entries[position] for position in group.layers]) for group in groups])


class ThemeItem(_GroupItem):
    def __init__(self, parent: QgsDataItem, path: str, group: Group, tree: CatalogTree) -> None:
        super().__init__(parent, f"{theme_label(group.key)} ({group.total})", path)
        self.theme = group.key
        self.group = group
        self.tree = tree

    def make_children(self) -> Iterable[QgsDataItem]:
        return _layers_items(self, self.tree, self.group.groups)


class ByThemeItem(_GroupItem):
    def make_children(self) -> Iterable[QgsDataItem]:
        tree, show = _current_tree()
        return _in_order([ThemeItem(self, f"{self.path()}/{group.key}", group, tree)
                          for group in tree.groups(BY_THEME, show)])


class ByServiceItem(_GroupItem):
    def make_children(self) -> Iterable[QgsDataItem]:
        tree, show = _current_tree()
        return _layers_items(self, tree, tree.groups(BY_SERVICE, show))


class HiddenTestLayersItem(QgsDataItem):
    """"111 couches de test masquées": says what the tree leaves out; its menu shows them."""

    def __init__(self, parent: QgsDataItem, path: str, hidden: int) -> None:
        item_type = getattr(Qgis, "BrowserItemType", QgsDataItem).Custom
        super().__init__(item_type, parent, tr("{hidden} couches de test masquées").format(hidden=hidden), path,
                         PROVIDER_NAME)
        self.hidden = hidden
        self.setState(getattr(Qgis, "BrowserItemState", QgsDataItem).Populated)  # a leaf: no expand arrow
        self.setIcon(QgsApplication.getThemeIcon("/mActionHideAllLayers.svg"))
        self.setToolTip(tr("Couches de test, de démonstration ou de tutoriel : clic droit ▸ Afficher les couches "
                           "de test"))


class GpfRootItem(_GroupItem):
    """`Géoplateforme` at the Browser's top level."""

    def __init__(self, parent: QgsDataItem | None, registration: BrowserRegistration | None = None) -> None:
        super().__init__(parent, tr("Géoplateforme"), ROOT_PATH, plugin_icon())
        self.setToolTip(tr("Couches de la Géoplateforme de l'IGN (data.geopf.fr)"))
        if registration is not None:
            registration.roots.append(self)

    def make_children(self) -> Iterable[QgsDataItem]:
        generation = BrowserRegistration.generation
        items: list[QgsDataItem] = [
            ByThemeItem(self, tr("Par thème"), f"{ROOT_PATH}/{generation}/themes"),
            ByServiceItem(self, tr("Par service"), f"{ROOT_PATH}/{generation}/services"),
        ]
        tree, show = _current_tree()
        if tree.hidden(show):
            items.append(HiddenTestLayersItem(self, f"{ROOT_PATH}/{generation}/tests", tree.hidden(show)))
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
        if isinstance(item, (GpfRootItem, HiddenTestLayersItem)):
            self._add_test_layers_switch(menu)
            return
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

    @staticmethod
    def _add_test_layers_switch(menu: QMenu) -> None:
        """The dock's "show test layers" switch (one shared choice, kept in the settings)."""
        state = CatalogState.instance()
        if not state.tree.sandbox_count:
            return
        switch = QAction(tr("Afficher les couches de test"), menu)
        switch.setObjectName("gpf_bascule_browser_test_layers")
        switch.setCheckable(True)
        switch.setChecked(state.show_test_layers)
        switch.toggled.connect(state.set_show_test_layers)
        menu.addSeparator()
        menu.addAction(switch)


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
        CatalogState.instance().testLayersToggled.connect(self.reload)

    def unregister(self) -> None:
        if self.provider is None:
            return
        with suppress(TypeError):
            CatalogState.instance().catalogChanged.disconnect(self.reload)
        with suppress(TypeError):
            CatalogState.instance().testLayersToggled.disconnect(self.reload)
        QgsApplication.dataItemProviderRegistry().removeProvider(self.provider)  # deletes it, and its root items
        QgsGui.dataItemGuiProviderRegistry().removeProvider(self.gui_provider)
        self.provider = None
        self.gui_provider = None
        self.roots.clear()

    def live_roots(self) -> list[GpfRootItem]:
        self.roots = [root for root in self.roots if not sip.isdeleted(root)]
        return list(self.roots)

    def reload(self, *_args: object) -> None:
        """New catalogue (or test layers shown/hidden): new item paths, so that refresh() replaces every branch
        instead of keeping stale ones."""
        BrowserRegistration.generation = next(_generation)
        for root in self.live_roots():
            if root.state() != getattr(Qgis, "BrowserItemState", QgsDataItem).NotPopulated:
                root.refresh()
