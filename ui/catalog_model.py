"""The catalogue as a Qt tree (by theme or by service) and the proxy that filters it.

What a query matches is catalog.search's rule (the locator uses the same), what is free is `is_free`.

The tree is a plain-Python node structure behind a QAbstractItemModel: building it for 2,000 layers costs a
few milliseconds and emits no per-item signal, and the view only asks for the rows it paints. The model, not
the widget, decides what a search matches and what counts as free; it computes the matching layers once per
query, with the count under every group, so that the proxy answers each row in O(1) (a group stays visible
while any layer below it matches: the effect of recursive filtering, without asking every leaf through Python).
"""

from __future__ import annotations

import unicodedata
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

from ..catalog.entry import OTHER_THEME, SERVICES, Catalog, CatalogEntry
from ..catalog.search import SearchIndex, query_words
from ..i18n import tr
from .icons import service_icon

BY_THEME = "theme"
BY_SERVICE = "service"

# Custom data roles of the catalogue model.
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1  # the CatalogEntry of a layer row (None on a group row)
KIND_ROLE = Qt.ItemDataRole.UserRole + 2  # "theme", "service" or "layer"
KEY_ROLE = Qt.ItemDataRole.UserRole + 3  # theme key or service key of a group row
COUNT_ROLE = Qt.ItemDataRole.UserRole + 4  # matching layers below a group row


def ui_language() -> str:
    """The language the UI is shown in: each translation gives its own code for this string ("en" in English)."""
    return tr("fr")


def theme_labels() -> dict[str, str]:
    """French labels of GPF's theme keys (UI text, so it lives here and goes through tr())."""
    return {
        "adresse": tr("Adresse"),
        "administratif": tr("Administratif"),
        "agriculture": tr("Agriculture"),
        "altimetrie": tr("Altimétrie"),
        "bdfrance-topo-beta": tr("BD France Topo (bêta)"),
        "cartes": tr("Cartes"),
        "cartovecto": tr("Cartographie vectorielle"),
        "clc": tr("Corine Land Cover"),
        "decouverte": tr("Découverte"),
        "economie": tr("Économie"),
        "enr": tr("Énergies renouvelables"),
        "environnement": tr("Environnement"),
        "essentiels": tr("Essentiels"),
        "foret": tr("Forêt"),
        "geodesie": tr("Géodésie"),
        "lambert93": tr("Lambert 93"),
        "ocsge": tr("Occupation du sol (OCS GE)"),
        "ocsge-ng": tr("OCS GE nouvelle génération"),
        "ortho": tr("Orthophotos"),
        "orthohisto": tr("Orthophotos historiques"),
        "parcellaire": tr("Parcellaire"),
        "satellite": tr("Images satellite"),
        "sol": tr("Sol"),
        "topographie": tr("Topographie"),
        "transports": tr("Transports"),
        OTHER_THEME: tr("Autres"),
    }


def theme_label(key: str, labels: dict[str, str] | None = None) -> str:
    """The French label of a theme key; an unknown key (a new GPF theme) shows as itself, capitalised."""
    labels = labels if labels is not None else theme_labels()
    return labels.get(key) or key.replace("-", " ").capitalize()


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


# -- what matches, what is free (business rules: catalog.search decides what a query finds) ---------------------
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae"})  # NFKD does not split these


def fold(text: str) -> str:
    """Lower case without accents, for sorting titles ("Économie" sorts with the E); cheap on 2,000 titles."""
    folded = unicodedata.normalize("NFKD", text.casefold().translate(_LIGATURES))
    return folded.encode("ascii", "ignore").decode("ascii") if not folded.isascii() else folded


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

    def __init__(self, catalog: Catalog | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._grouping = BY_THEME
        self._entries: list[CatalogEntry] = []
        self._index: SearchIndex | None = None
        self._titles: list[str] = []
        self._accepted: list[bool] = []
        self._root = _Node(None, "root")
        self._groups: list[_Node] = []
        self._query = ""
        self._free_only = False
        self._matches = 0
        if catalog is not None:
            self.set_catalog(catalog)

    # -- public API ----------------------------------------------------------------------------------------------
    @property
    def grouping(self) -> str:
        return self._grouping

    @property
    def entries(self) -> list[CatalogEntry]:
        return self._entries

    @property
    def match_count(self) -> int:
        """Distinct layers the current query keeps (a layer under two themes counts once)."""
        return self._matches

    def set_catalog(self, catalog: Catalog) -> None:
        self.beginResetModel()
        self._entries = sorted(catalog.layers, key=lambda e: (fold(e.title), e.service, e.name))
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
        return accepted

    def _build(self) -> None:
        """One pass over the entries; the layers keep the catalogue's (title) order inside every group."""
        root = _Node(None, "root")
        groups: list[_Node] = []
        services = {key: service_label(key) for key in SERVICES}
        order = {key: position for position, key in enumerate(SERVICES)}
        if self._grouping == BY_SERVICE:
            buckets: dict[str, list[int]] = {}
            for position, entry in enumerate(self._entries):
                buckets.setdefault(entry.service, []).append(position)
            for key in sorted(buckets, key=lambda k: (order.get(k, len(order)), k)):
                group = _Node(root, BY_SERVICE, key, services.get(key) or service_label(key))
                groups.append(group)
                for position in buckets[key]:
                    _Node(group, "layer", entry=position)
        else:
            labels = theme_labels()
            themes: dict[str, dict[str, list[int]]] = {}
            for position, entry in enumerate(self._entries):
                for theme in entry.themes or (OTHER_THEME,):
                    themes.setdefault(theme, {}).setdefault(entry.service, []).append(position)

            def theme_order(key: str) -> tuple[int, str]:
                return (key == OTHER_THEME, fold(theme_label(key, labels)))

            for key in sorted(themes, key=theme_order):
                theme = _Node(root, BY_THEME, key, theme_label(key, labels))
                groups.append(theme)
                by_service = themes[key]
                for service in sorted(by_service, key=lambda k: (order.get(k, len(order)), k)):
                    group = _Node(theme, BY_SERVICE, service, services.get(service) or service_label(service))
                    groups.append(group)
                    for position in by_service[service]:
                        _Node(group, "layer", entry=position)
        self._root = root
        self._groups = groups
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
