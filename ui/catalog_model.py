"""The catalogue as a Qt tree (by theme or by service) and the proxy that filters it.

The order and the grouping are catalog/tree.py's (the Browser, the locator and Processing render the same
tree); what a query matches is catalog.search's rule (the locator uses the same), what is free is `is_free`;
test, demo and tutorial layers are left out unless the "show test layers" switch is on.

The tree is a plain-Python node structure behind a QAbstractItemModel: building it for 2,000 layers costs a
few milliseconds and emits no per-item signal, and the view only asks for the rows it paints. The model, not
the widget, decides what a search matches and what counts as free; it computes the matching layers once per
query, with the count under every group, so that the proxy answers each row in O(1) (a group stays visible
while any layer below it matches: the effect of recursive filtering, without asking every leaf through Python).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from qgis.PyQt.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
)

from ..bascule.catalog_state import theme_label
from ..catalog.entry import Catalog, CatalogEntry
from ..catalog.search import SearchIndex, query_words
from ..catalog.tree import BY_SERVICE, BY_THEME, CatalogTree, Group
from ..i18n import tr
from .icons import service_icon

__all__ = ["BY_SERVICE", "BY_THEME", "CatalogFilterProxy", "CatalogModel", "service_label", "theme_label"]

# Custom data roles of the catalogue model.
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1  # the CatalogEntry of a layer row (None on a group row)
KIND_ROLE = Qt.ItemDataRole.UserRole + 2  # "theme", "service" or "layer"
KEY_ROLE = Qt.ItemDataRole.UserRole + 3  # theme key or service key of a group row
COUNT_ROLE = Qt.ItemDataRole.UserRole + 4  # matching layers below a group row


def ui_language() -> str:
    """The language the UI is shown in: each translation gives its own code for this string ("en" in English)."""
    return tr("fr")


def service_labels() -> dict[str, str]:
    return {
        "wmts": tr("WMTS (tuiles raster)"),
        "wms-r": tr("WMS raster"),
        "wms-v": tr("WMS vecteur"),
        "wfs": tr("WFS (objets vecteur)"),
        "tms": tr("Tuiles vectorielles (TMS)"),
    }


def service_label(key: str) -> str:
    return service_labels().get(key, key.upper())


# -- what is free (business rule: catalog.search decides what a query finds) -----------------------------------
def is_free(entry: CatalogEntry) -> bool:
    """A layer anyone can load: no personal cartes.gouv.fr key needed."""
    return not entry.needs_key


# -- the tree --------------------------------------------------------------------------------------------------
class _Node:
    """One row: a theme or service group, or a layer (`entry` is the index in the catalogue's layers)."""

    __slots__ = ("parent", "row", "children", "kind", "key", "label", "entry", "total", "count")

    def __init__(self, parent: _Node | None, kind: str, key: str = "", label: str = "", entry: int = -1):
        self.parent = parent
        self.row = len(parent.children) if parent is not None else 0
        self.children: list[_Node] = []
        self.kind = kind
        self.key = key
        self.label = label
        self.entry = entry
        self.total = 0
        self.count = 0
        if parent is not None:
            parent.children.append(self)


class CatalogModel(QAbstractItemModel):
    """GPF layers grouped by theme (theme → service → layers) or by service (service → layers)."""

    def __init__(self, catalog: Catalog | None = None, parent: QObject | None = None, show_test_layers: bool = False):
        super().__init__(parent)
        self._grouping = BY_THEME
        self._tree = CatalogTree(())
        self._show_test_layers = show_test_layers
        self._entries: tuple[CatalogEntry, ...] = ()
        self._index: SearchIndex | None = None
        self._titles: list[str] = []
        self._accepted: list[bool] = []
        self._root = _Node(None, "root")
        self._groups: list[_Node] = []
        self._query = ""
        self._free_only = False
        self._matches = 0
        self._hidden_matches = 0
        if catalog is not None:
            self.set_catalog(catalog)

    # -- public API ----------------------------------------------------------------------------------------------
    @property
    def grouping(self) -> str:
        return self._grouping

    @property
    def entries(self) -> tuple[CatalogEntry, ...]:
        """Every layer of the catalogue in the tree's order, test layers included (shown or not)."""
        return self._entries

    @property
    def tree(self) -> CatalogTree:
        return self._tree

    @property
    def match_count(self) -> int:
        """Distinct layers the current query keeps (a layer under two themes counts once)."""
        return self._matches

    @property
    def show_test_layers(self) -> bool:
        return self._show_test_layers

    @property
    def shown_count(self) -> int:
        """Layers the tree holds before any search: all, or all but the test layers."""
        return len(self._entries) - self.hidden_count

    @property
    def hidden_matches(self) -> int:
        """Hidden test layers the current search and switches would otherwise show."""
        return self._hidden_matches

    @property
    def hidden_count(self) -> int:
        """Test layers left out ("111 couches de test masquées"); 0 when they are shown."""
        return self._tree.hidden(self._show_test_layers)

    def set_catalog(self, catalog: Catalog) -> None:
        self.set_tree(CatalogTree(catalog.layers, label=theme_label))

    def set_tree(self, tree: CatalogTree) -> None:
        """Show a catalogue tree (CatalogState.tree: the one the Browser and the locator render too)."""
        self.beginResetModel()
        self._tree = tree
        self._entries = tree.entries
        self._index = None  # built by prepare_search(), after the first paint, or by the first query
        self._titles = _distinct_titles(self._entries)
        self._accepted = self._compute_accepted()
        self._build()
        self.endResetModel()

    def prepare_search(self) -> SearchIndex:
        """The search index (normalised text of every layer): ~80 ms for 2,000 layers, so the dock builds it
        just after showing the tree instead of before."""
        if self._index is None:
            self._index = SearchIndex(self._entries)
        return self._index

    def set_grouping(self, grouping: str) -> None:
        if grouping not in (BY_THEME, BY_SERVICE) or grouping == self._grouping:
            return
        self.beginResetModel()
        self._grouping = grouping
        self._build()
        self.endResetModel()

    def set_show_test_layers(self, show: bool) -> None:
        """Show or leave out the test, demo and tutorial layers (the search and the grouping stay)."""
        if bool(show) == self._show_test_layers:
            return
        self.beginResetModel()
        self._show_test_layers = bool(show)
        self._accepted = self._compute_accepted()
        self._build()
        self.endResetModel()

    def set_filter(self, text: str, free_only: bool = False) -> int:
        """Apply a search and the free-data switch; returns the number of distinct matching layers.

        Only the counts change here (group rows report dataChanged); the proxy hides and shows rows.
        """
        self._query = text
        self._free_only = free_only
        self._accepted = self._compute_accepted()
        self._count()
        roles = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, COUNT_ROLE]
        for node in [self._root, *self._groups]:
            if node.children and node.children[0].entry < 0:  # a row of groups: their counts changed
                parent = QModelIndex() if node is self._root else self.createIndex(node.row, 0, node)
                self.dataChanged.emit(self.index(0, 0, parent), self.index(len(node.children) - 1, 0, parent), roles)
        return self._matches

    def accepts(self, row: int, parent: QModelIndex) -> bool:
        """Whether a row stays visible: a layer that matches, or a group with a match below it."""
        node = self._node(parent)
        if row >= len(node.children):
            return False
        child = node.children[row]
        if child.entry >= 0:
            return self._accepted[child.entry]
        return child.count > 0

    def entry(self, index: QModelIndex) -> CatalogEntry | None:
        if not index.isValid():
            return None
        node = index.internalPointer()
        return self._entries[node.entry] if node.entry >= 0 else None

    def entries_below(self, index: QModelIndex) -> list[CatalogEntry]:
        """Matching layers under a row (itself when it is a layer)."""
        node = self._node(index)
        found: list[CatalogEntry] = []
        stack = [node]
        while stack:
            current = stack.pop()
            if current.entry >= 0 and self._accepted[current.entry]:
                found.append(self._entries[current.entry])
            stack.extend(reversed(current.children))
        return found

    # -- building --------------------------------------------------------------------------------------------------
    def _compute_accepted(self) -> list[bool]:
        if query_words(self._query):
            accepted = [False] * len(self._entries)
            for position in self.prepare_search().matching(self._query):
                accepted[position] = True
        else:
            accepted = [True] * len(self._entries)
        if self._free_only:
            accepted = [ok and is_free(entry) for ok, entry in zip(accepted, self._entries)]
        self._hidden_matches = 0
        if not self._show_test_layers and self._tree.sandbox_count:
            self._hidden_matches = sum(ok and test for ok, test in zip(accepted, self._tree.sandbox))
            accepted = [ok and not test for ok, test in zip(accepted, self._tree.sandbox)]
        return accepted

    def _build(self) -> None:
        """The tree's groups (catalog/tree.py) as nodes; layers keep the tree's order inside every group."""
        root = _Node(None, "root")
        nodes: list[_Node] = []
        services: dict[str, str] = {}

        def label(group: Group) -> str:
            if group.kind == BY_THEME:
                return theme_label(group.key)
            if group.key not in services:
                services[group.key] = service_label(group.key)
            return services[group.key]

        def add(parent: _Node, groups: tuple[Group, ...]) -> None:
            for group in groups:
                node = _Node(parent, group.kind, group.key, label(group))
                nodes.append(node)
                add(node, group.groups)
                for position in group.layers:
                    _Node(node, "layer", entry=position)

        add(root, self._tree.groups(self._grouping, self._show_test_layers))
        self._root = root
        self._groups = nodes
        self._count()

    def _count(self) -> None:
        """Matching layers under every group (children before parents: groups are listed parents first)."""
        accepted = self._accepted
        for group in reversed(self._groups):
            total = count = 0
            for child in group.children:
                if child.entry >= 0:
                    total += 1
                    count += accepted[child.entry]
                else:
                    total += child.total
                    count += child.count
            group.total, group.count = total, count
        self._matches = sum(accepted)

    def _node(self, index: QModelIndex) -> _Node:
        return index.internalPointer() if index.isValid() else self._root

    # -- QAbstractItemModel ------------------------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        node = self._node(parent)
        if column != 0 or row < 0 or row >= len(node.children):
            return QModelIndex()
        return self.createIndex(row, 0, node.children[row])

    def parent(self, index: QModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        parent = index.internalPointer().parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row, 0, parent)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        if parent.column() > 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 1

    def hasChildren(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: N802, B008
        return bool(self._node(parent).children)

    def flags(self, index: QModelIndex) -> Qt.ItemFlags:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.internalPointer().entry >= 0:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node: _Node = index.internalPointer()
        if node.entry >= 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._titles[node.entry]
            return self._layer_data(self._entries[node.entry], role)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{node.label} ({node.count})"
        if role == Qt.ItemDataRole.DecorationRole and node.kind == BY_SERVICE:
            return service_icon(node.key)
        if role == Qt.ItemDataRole.ToolTipRole:
            if node.count == node.total:
                return tr("{label} : {count} couches").format(label=node.label, count=node.total)
            return tr("{label} : {count} couches sur {total}").format(
                label=node.label, count=node.count, total=node.total
            )
        if role == KIND_ROLE:
            return node.kind
        if role == KEY_ROLE:
            return node.key
        if role == COUNT_ROLE:
            return node.count
        return None

    @staticmethod
    def _layer_data(entry: CatalogEntry, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.title
        if role == Qt.ItemDataRole.DecorationRole:
            return service_icon(entry.service, entry.needs_key)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"<b>{_escape(entry.title)}</b><br>{_escape(entry.name)} — {_escape(service_label(entry.service))}"
            if entry.needs_key:
                tip += "<br>" + _escape(tr("Clé personnelle cartes.gouv.fr nécessaire"))
            return tip
        if role == ENTRY_ROLE:
            return entry
        if role == KIND_ROLE:
            return "layer"
        return None

    # -- drag ----------------------------------------------------------------------------------------------------------
    def mimeTypes(self) -> list[str]:  # noqa: N802
        return ["application/x-vnd.qgis.qgis.uri"]

    def mimeData(self, indexes: Iterable[QModelIndex]) -> QMimeData:  # noqa: N802
        """QGIS URIs of the dragged layers: the map canvas and the Layers panel accept them natively."""
        from .layer_loader import mime_data

        entries: list[CatalogEntry] = []
        for index in indexes:
            entry = self.entry(index)
            if entry is not None and entry not in entries:
                entries.append(entry)
        return mime_data(entries)

    def supportedDragActions(self) -> Qt.DropActions:  # noqa: N802
        return Qt.DropAction.CopyAction


class CatalogFilterProxy(QSortFilterProxyModel):
    """Hides what the model says does not match; `set_query` is the one call a widget makes."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.setDynamicSortFilter(False)  # the model tells when to re-filter (set_query), not every dataChanged

    def catalog_model(self) -> CatalogModel:
        return self.sourceModel()

    def set_query(self, text: str, free_only: bool = False) -> int:
        """Filter on a search text and the free-data switch; returns the number of matching layers."""
        count = self.catalog_model().set_filter(text, free_only)
        self.invalidateFilter()
        return count

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # noqa: N802
        return self.sourceModel().accepts(source_row, source_parent)

    def entry(self, index: QModelIndex) -> CatalogEntry | None:
        return self.catalog_model().entry(self.mapToSource(index))

    def entries_below(self, index: QModelIndex) -> list[CatalogEntry]:
        return self.catalog_model().entries_below(self.mapToSource(index))


def _distinct_titles(entries: list[CatalogEntry]) -> list[str]:
    """Row labels: the title, plus the short technical name when several layers of a service share it
    (GPF has six WFS types titled "BD CARTO Etat-major")."""
    seen: dict[tuple[str, str], int] = {}
    short: dict[tuple[str, str, str], int] = {}
    for entry in entries:
        seen[entry.service, entry.title] = seen.get((entry.service, entry.title), 0) + 1
        key = (entry.service, entry.title, entry.name.rsplit(":", 1)[-1])
        short[key] = short.get(key, 0) + 1
    labels = []
    for entry in entries:
        if seen[entry.service, entry.title] == 1:
            labels.append(entry.title)
            continue
        name = entry.name.rsplit(":", 1)[-1]
        labels.append(f"{entry.title} — {name if short[entry.service, entry.title, name] == 1 else entry.name}")
    return labels


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
