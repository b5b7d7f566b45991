"""The "Géoplateforme" dock: search the GPF catalogue, read a layer's description, add it to the map.

The dock reads the shared catalogue (CatalogState) and shows it through CatalogModel; it holds no rule of
its own about what matches or what is free. It is registered with QGIS as an empty shell (DockRegistration)
and builds its widgets and model the first time it is shown, so that QGIS start-up pays nothing for it.
"""

from __future__ import annotations

import html
from contextlib import contextmanager, suppress
from typing import Any

from qgis.core import QgsApplication
from qgis.gui import QgsDockWidget, QgsFilterLineEdit
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QModelIndex, QPoint, Qt, QTimer, QUrl, pyqtSignal
from qgis.PyQt.QtGui import QDesktopServices, QKeyEvent
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QAction,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ..catalog.entry import NOTE_SEPARATOR, Catalog, CatalogEntry, note_messages
from ..i18n import tr_message
from .catalog_model import (
    BY_SERVICE,
    BY_THEME,
    KIND_ROLE,
    CatalogFilterProxy,
    CatalogModel,
    service_label,
    theme_label,
    tr,
    ui_language,
)
from .catalog_state import CatalogState
from .icons import icon_path, plugin_icon

SEARCH_DELAY_MS = 150  # debounce: typing "bâtiment" filters once, not eight times
EXPAND_ALL_LIMIT = 150  # a search with at most this many matches opens every group


class CatalogTree(QTreeView):
    """The layer tree; Enter on a layer asks for it to be added, like a double-click."""

    addRequested = pyqtSignal()  # noqa: N815 (Qt signal naming)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        editing = self.state() == QAbstractItemView.State.EditingState
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not editing:
            self.addRequested.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class CatalogDock(QgsDockWidget):
    """Géoplateforme catalogue panel (built on first show)."""

    refreshRequested = pyqtSignal()  # noqa: N815 (asks the owner to refresh the catalogue from the network)
    basculeRequested = pyqtSignal()  # noqa: N815 (asks the owner to open the bascule of the open project)

    def __init__(self, iface: Any = None, parent: QWidget | None = None, state: CatalogState | None = None):
        super().__init__(parent)
        self.iface = iface
        self.state = state or CatalogState.instance()
        self.setObjectName("GpfBasculeCatalogDock")
        self.setWindowTitle(tr("Géoplateforme"))
        self._built = False
        self._suspended = False
        self.model: CatalogModel | None = None
        self.proxy: CatalogFilterProxy | None = None
        self._searching = False

    # -- lazy building ---------------------------------------------------------------------------------------------
    @contextmanager
    def building_suspended(self):  # noqa: ANN201
        """While QGIS adds the (hidden) dock to its window, a passing show must not build it."""
        self._suspended = True
        try:
            yield
        finally:
            self._suspended = False

    def setVisible(self, visible: bool) -> None:  # noqa: N802
        """Build before Qt shows the children (show(), the toggle action and QGIS all come through here)."""
        if visible and not self._built and not self._suspended:
            self.build()
        super().setVisible(visible)

    @property
    def is_built(self) -> bool:
        return self._built

    def build(self) -> None:
        """Create the widgets and load the catalogue (once)."""
        if self._built:
            return
        self._built = True
        self._build_widgets()
        self.model = CatalogModel(parent=self, show_test_layers=self.state.show_test_layers)
        self.proxy = CatalogFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.tree.setModel(self.proxy)
        self.tree.selectionModel().currentChanged.connect(self._show_details)
        self.tree.selectionModel().selectionChanged.connect(self._update_buttons)
        self.test_layers.setChecked(self.state.show_test_layers)
        self.test_layers.toggled.connect(self.state.set_show_test_layers)
        self.state.catalogChanged.connect(self.reload)
        self.state.testLayersToggled.connect(self._test_layers_toggled)
        self.reload()

    def _build_widgets(self) -> None:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)

        self.search = QgsFilterLineEdit(body)
        self.search.setShowSearchIcon(True)
        self.search.setPlaceholderText(tr("Rechercher : bâti 2154, ortho 1950…"))
        self.search.setToolTip(tr("Tous les mots doivent figurer dans le titre, le nom technique, le thème, "
                                  "le service ou la projection ; accents et majuscules sont ignorés."))
        self.search.textChanged.connect(self._schedule_filter)
        self.search.returnPressed.connect(self._focus_first_result)
        layout.addWidget(self.search)

        options = QHBoxLayout()
        options.setSpacing(0)
        self.by_theme = self._switch_button(tr("Par thème"), BY_THEME, body)
        self.by_service = self._switch_button(tr("Par service"), BY_SERVICE, body)
        self.by_theme.setChecked(True)
        self.grouping = QButtonGroup(self)
        self.grouping.setExclusive(True)
        for button in (self.by_theme, self.by_service):
            self.grouping.addButton(button)
            options.addWidget(button)
        options.addStretch(1)
        self.bascule_button = QToolButton(body)
        self.bascule_button.setObjectName("GpfBasculeProject")
        self.bascule_button.setIcon(plugin_icon())
        self.bascule_button.setText(tr("Basculer le projet…"))
        self.bascule_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.bascule_button.setToolTip(
            tr("Faire pointer les couches Géoportail du projet ouvert vers la Géoplateforme")
        )
        self.bascule_button.clicked.connect(self.basculeRequested)
        options.addWidget(self.bascule_button)
        self.free_only = QCheckBox(tr("Données libres uniquement"), body)
        self.free_only.setToolTip(tr("Masquer les couches sous licence, qui demandent une clé cartes.gouv.fr"))
        self.free_only.toggled.connect(self.apply_filter)
        self.test_layers = QCheckBox(tr("Afficher les couches de test"), body)
        self.test_layers.setObjectName("GpfCatalogTestLayers")
        self.test_layers.setToolTip(tr("Couches de test, de démonstration ou de tutoriel publiées sur la "
                                       "Géoplateforme : masquées par défaut"))
        self.by_theme.clicked.connect(lambda: self.set_grouping(BY_THEME))
        self.by_service.clicked.connect(lambda: self.set_grouping(BY_SERVICE))
        layout.addLayout(options)
        switches = QHBoxLayout()
        switches.addWidget(self.free_only)
        switches.addWidget(self.test_layers)
        switches.addStretch(1)
        layout.addLayout(switches)

        self.pages = QStackedWidget(body)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self.pages)
        self.tree = CatalogTree(self.splitter)
        self.tree.setObjectName("GpfCatalogTree")
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setDragEnabled(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.tree.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.tree.setExpandsOnDoubleClick(True)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.doubleClicked.connect(self._double_clicked)
        self.tree.addRequested.connect(self.add_selected)
        self.details = QTextBrowser(self.splitter)
        self.details.setObjectName("GpfCatalogDetails")
        self.details.setOpenExternalLinks(True)
        self.details.setFrameShape(QFrame.Shape.StyledPanel)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([400, 150])
        self.splitter.setChildrenCollapsible(False)
        self.pages.addWidget(self.splitter)
        self.pages.addWidget(self._build_message_page())
        layout.addWidget(self.pages, 1)

        self.status = QLabel(body)
        self.status.setObjectName("GpfCatalogStatus")
        self.status.setWordWrap(True)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.status)

        buttons = QHBoxLayout()
        self.add_button = QPushButton(QgsApplication.getThemeIcon("/mActionAddLayer.svg"), tr("Ajouter à la carte"))
        self.add_button.setToolTip(tr("Ajouter les couches sélectionnées au projet (ou double-clic, ou Entrée ; "
                                      "vous pouvez aussi les glisser sur la carte)"))
        self.add_button.clicked.connect(self.add_selected)
        self.copy_button = QPushButton(QgsApplication.getThemeIcon("/mActionEditCopy.svg"), tr("Copier l'URI"))
        self.copy_button.setToolTip(tr("Copier la source de données QGIS de la couche dans le presse-papiers"))
        self.copy_button.clicked.connect(self.copy_uri)
        buttons.addWidget(self.add_button, 1)
        buttons.addWidget(self.copy_button)
        layout.addLayout(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_filter)
        self.setWidget(body)

    @staticmethod
    def _switch_button(text: str, grouping: str, parent: QWidget) -> QToolButton:
        button = QToolButton(parent)
        button.setText(text)
        button.setCheckable(True)
        button.setAutoRaise(False)
        button.setProperty("grouping", grouping)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    def _build_message_page(self) -> QWidget:
        """Where the tree would be when there is nothing to show: says why and what to do."""
        page = QWidget(self.pages)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 16, 12, 12)
        self.message_title = QLabel(page)
        self.message_title.setObjectName("GpfCatalogMessageTitle")
        self.message_title.setWordWrap(True)
        font = self.message_title.font()
        font.setBold(True)
        self.message_title.setFont(font)
        self.message_text = QLabel(page)
        self.message_text.setObjectName("GpfCatalogMessageText")
        self.message_text.setWordWrap(True)
        self.message_text.setTextFormat(Qt.TextFormat.RichText)
        self.message_buttons = QVBoxLayout()
        self.retry_button = QPushButton(QgsApplication.getThemeIcon("/mActionRefresh.svg"), tr("Réessayer"), page)
        self.retry_button.clicked.connect(self.retry)
        self.clear_button = QPushButton(tr("Effacer la recherche"), page)
        self.clear_button.clicked.connect(self.search.clear)
        self.show_all_button = QPushButton(tr("Afficher aussi les données sous licence"), page)
        self.show_all_button.clicked.connect(lambda: self.free_only.setChecked(False))
        self.show_tests_button = QPushButton(tr("Afficher les couches de test"), page)
        self.show_tests_button.setObjectName("GpfCatalogShowTests")
        self.show_tests_button.clicked.connect(lambda: self.test_layers.setChecked(True))
        for widget in (self.retry_button, self.clear_button, self.show_all_button, self.show_tests_button):
            self.message_buttons.addWidget(widget)
        layout.addWidget(self.message_title)
        layout.addWidget(self.message_text)
        layout.addLayout(self.message_buttons)
        layout.addStretch(1)
        return page

    # -- catalogue -------------------------------------------------------------------------------------------------
    @property
    def catalog(self) -> Catalog:
        return self.state.catalog

    def reload(self) -> None:
        """Show the current catalogue (at first build and after every refresh), keeping search and grouping."""
        if not self._built:
            return
        self.model.set_tree(self.state.tree)
        self.test_layers.setVisible(self.model.tree.sandbox_count > 0)
        self.apply_filter()
        QTimer.singleShot(0, self._prepare_search)

    def _prepare_search(self) -> None:
        if self.model is not None and not sip.isdeleted(self):
            self.model.prepare_search()

    def retry(self) -> None:
        """Read the snapshots again (the bundled one, or a refresh's), and ask the owner for a network refresh."""
        self.state.reload()  # catalogChanged -> reload
        self.refreshRequested.emit()
        self.reload()

    def _test_layers_toggled(self, show: bool) -> None:
        """The switch changed here or in another view (the Browser's menu): follow it, keep the selection."""
        if not self._built:
            return
        current = self.current_entry()
        if self.test_layers.isChecked() != show:
            self.test_layers.setChecked(show)  # toggled -> state: already `show`, nothing more happens
        self.model.set_show_test_layers(show)
        self.apply_filter()
        if current is not None:
            self.select_entry(current)

    # -- filtering -------------------------------------------------------------------------------------------------
    def _schedule_filter(self) -> None:
        self._timer.start()

    def set_grouping(self, grouping: str) -> None:
        """Switch between "Par thème" and "Par service"; the search and the selection stay."""
        self.build()
        current = self.current_entry()
        (self.by_theme if grouping == BY_THEME else self.by_service).setChecked(True)
        self.model.set_grouping(grouping)
        self.apply_filter()
        if current is not None:
            self.select_entry(current)

    def apply_filter(self) -> None:
        """Filter now (the search box waits SEARCH_DELAY_MS after the last key before calling this)."""
        if not self._built:
            return
        self._timer.stop()
        text = self.search.text()
        count = self.proxy.set_query(text, self.free_only.isChecked())
        total = self.model.shown_count
        if not len(self.model.entries):
            self._show_no_catalog()
            return
        if not count:
            self._show_no_result(text)
            return
        self.pages.setCurrentIndex(0)
        searching = bool(text.strip())
        if searching and count <= EXPAND_ALL_LIMIT:
            self.tree.expandAll()  # few results: show them all at once
        elif searching != self._searching:
            self.tree.collapseAll()  # back to the overview (or too many results to open every group)
        self._searching = searching
        self._update_status(count, total)
        self._update_buttons()
        if not self.tree.currentIndex().isValid():
            self._show_details(QModelIndex())

    def _update_status(self, count: int, total: int) -> None:
        if count == total:
            text = tr("{total} couches").format(total=_number(total))
        else:
            text = tr("{count} couches sur {total}").format(count=_number(count), total=_number(total))
        hidden = self.model.hidden_count
        if hidden:
            text += " — " + tr("{hidden} couches de test masquées").format(hidden=_number(hidden))
        self.status.setText(text)
        self.status.setToolTip(self._catalog_date())

    def _catalog_date(self) -> str:
        generated = self.catalog.generated
        return tr("Catalogue du {date}").format(date=_date(generated)) if generated else ""

    def _show_no_catalog(self) -> None:
        self.pages.setCurrentIndex(1)
        self.message_title.setText(tr("Catalogue indisponible"))
        reason = self.state.error
        text = tr("Le catalogue de la Géoplateforme n'a pas pu être chargé, il n'y a donc aucune couche à "
                  "afficher.")
        if reason:
            text += "<br><br>" + tr("Raison : {reason}").format(reason=html.escape(reason))
        text += "<br><br>" + tr("Réessayez ; si le problème persiste, réinstallez l'extension GPF Bascule "
                                "depuis le gestionnaire d'extensions.")
        self.message_text.setText(text)
        self.retry_button.setVisible(True)
        self.clear_button.setVisible(False)
        self.show_all_button.setVisible(False)
        self.show_tests_button.setVisible(False)
        self.status.setText("")
        self._update_buttons()

    def _show_no_result(self, text: str) -> None:
        self.pages.setCurrentIndex(1)
        words = text.split()
        free_only = self.free_only.isChecked()
        if words:
            self.message_title.setText(tr("Aucune couche ne correspond à « {text} »").format(text=" ".join(words)))
        else:
            self.message_title.setText(tr("Aucune couche libre à afficher"))
        hints = []
        if len(words) > 1:
            hints.append(tr("retirez un mot : toutes les couches affichées doivent contenir chacun d'eux"))
        elif words:
            hints.append(tr("essayez un mot plus court ou une autre orthographe (bati, ortho, parcelle…)"))
        if free_only:
            hints.append(tr("décochez « Données libres uniquement » pour voir aussi les couches sous licence"))
        hidden_matches = self.model.hidden_matches
        if hidden_matches:
            hints.append(tr("{n} couches de test masquées correspondent : cochez « Afficher les couches de test »")
                         .format(n=_number(hidden_matches)))
        self.message_text.setText("<ul>" + "".join(f"<li>{html.escape(h)}</li>" for h in hints) + "</ul>"
                                  if hints else "")
        self.retry_button.setVisible(False)
        self.clear_button.setVisible(bool(words))
        self.show_all_button.setVisible(free_only)
        self.show_tests_button.setVisible(bool(hidden_matches))
        self._update_status(0, self.model.shown_count)
        self._update_buttons()

    def _focus_first_result(self) -> None:
        """Enter in the search box: filter at once and go to the first layer found."""
        self.apply_filter()
        if self.pages.currentIndex() != 0:
            return
        index = self._first_layer(QModelIndex())
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)
            self.tree.setFocus()

    def _first_layer(self, parent: QModelIndex) -> QModelIndex:
        for row in range(self.proxy.rowCount(parent)):
            index = self.proxy.index(row, 0, parent)
            if index.data(KIND_ROLE) == "layer":
                return index
            found = self._first_layer(index)
            if found.isValid():
                return found
        return QModelIndex()

    # -- selection and details -----------------------------------------------------------------------------------------
    def current_entry(self) -> CatalogEntry | None:
        if not self._built:
            return None
        return self.proxy.entry(self.tree.currentIndex())

    def selected_entries(self) -> list[CatalogEntry]:
        """Selected layers, in tree order, each once (a layer may sit under two themes)."""
        if not self._built:
            return []
        entries: list[CatalogEntry] = []
        indexes = sorted(self.tree.selectionModel().selectedIndexes(), key=self._tree_position)
        for index in indexes:
            entry = self.proxy.entry(index)
            if entry is not None and entry not in entries:
                entries.append(entry)
        if not entries and self.current_entry() is not None:
            entries.append(self.current_entry())
        return entries

    def _tree_position(self, index: QModelIndex) -> list[int]:
        rows = []
        while index.isValid():
            rows.insert(0, index.row())
            index = index.parent()
        return rows

    def select_entry(self, entry: CatalogEntry) -> bool:
        """Select (and show) the first row of a layer; returns False when the filter hides it."""
        for index in self._iter_layers(QModelIndex()):
            if self.proxy.entry(index) == entry:
                self.tree.setCurrentIndex(index)
                self.tree.scrollTo(index)
                return True
        return False

    def _iter_layers(self, parent: QModelIndex):  # noqa: ANN202
        for row in range(self.proxy.rowCount(parent)):
            index = self.proxy.index(row, 0, parent)
            if index.data(KIND_ROLE) == "layer":
                yield index
            else:
                yield from self._iter_layers(index)

    def _show_details(self, index: QModelIndex, _previous: QModelIndex = QModelIndex()) -> None:  # noqa: B008
        entry = self.proxy.entry(index) if index.isValid() else None
        if entry is not None:
            self.details.setHtml(details_html(entry))
        elif index.isValid():
            label = index.data(Qt.ItemDataRole.DisplayRole)
            self.details.setHtml(f"<p><b>{html.escape(label)}</b></p><p>"
                                 + html.escape(tr("Ouvrez le groupe et sélectionnez une couche pour voir sa "
                                                  "description.")) + "</p>")
        else:
            hint = tr("Sélectionnez une couche pour voir sa description ; double-cliquez ou glissez-la sur la carte "
                      "pour l'ajouter.")
            date = self._catalog_date()
            self.details.setHtml(f"<p style='color:gray'>{html.escape(hint)}</p>"
                                 + (f"<p style='color:gray'>{html.escape(date)}.</p>" if date else ""))
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        has_layer = self._built and self.pages.currentIndex() == 0 and bool(self.selected_entries())
        self.add_button.setEnabled(has_layer)
        self.copy_button.setEnabled(has_layer)

    # -- actions -------------------------------------------------------------------------------------------------------
    def _double_clicked(self, index: QModelIndex) -> None:
        entry = self.proxy.entry(index)
        if entry is not None:
            self.add_entries([entry])

    def add_selected(self) -> None:
        self.add_entries(self.selected_entries())

    def add_entries(self, entries: list[CatalogEntry]) -> list:
        """Add layers to the project; messages go to the message bar and the log (layer_loader)."""
        from .layer_loader import add_to_map

        added = []
        for entry in entries:
            layer = add_to_map(entry, self.iface)
            if layer is not None:
                added.append(layer)
        return added

    def copy_uri(self) -> None:
        """Put the selected layers' QGIS data sources in the clipboard (one a line)."""
        entries = self.selected_entries()
        if not entries:
            return
        QApplication.clipboard().setText("\n".join(entry.uri for entry in entries))
        self.status.setText(tr("Source de données copiée : {title}").format(title=entries[0].title)
                            if len(entries) == 1 else tr("{n} sources de données copiées").format(n=len(entries)))

    def _context_menu(self, point: QPoint) -> None:
        index = self.tree.indexAt(point)
        entry = self.proxy.entry(index) if index.isValid() else None
        if entry is None:
            return
        menu = QMenu(self.tree)
        menu.addAction(QgsApplication.getThemeIcon("/mActionAddLayer.svg"), tr("Ajouter à la carte"),
                       self.add_selected)
        menu.addAction(QgsApplication.getThemeIcon("/mActionEditCopy.svg"), tr("Copier l'URI"), self.copy_uri)
        if entry.metadata_url:
            menu.addAction(tr("Ouvrir la fiche de métadonnées"),
                           lambda: QDesktopServices.openUrl(QUrl(entry.metadata_url)))
        menu.exec(self.tree.viewport().mapToGlobal(point))


def details_html(entry: CatalogEntry) -> str:
    """The details panel of a layer: what it is, where it comes from, how to load it."""
    rows = [
        (tr("Service"), html.escape(service_label(entry.service))),
        (tr("Nom technique"), f"<code>{html.escape(entry.name)}</code>"),
        (tr("Thèmes"), html.escape(", ".join(theme_label(key) for key in entry.themes))),
    ]
    if entry.crs:
        rows.append((tr("Projection"), html.escape(entry.crs)))
    if entry.metadata_url:
        url = html.escape(entry.metadata_url, quote=True)
        rows.append((tr("Métadonnées"), f"<a href=\"{url}\">{html.escape(tr('fiche de métadonnées'))}</a>"))
    table = "".join(
        f"<tr><td style='color:#555;padding-right:8px'>{html.escape(label)}</td><td>{value}</td></tr>"
        for label, value in rows
    )
    parts = [f"<p style='margin-bottom:4px'><b>{html.escape(entry.title)}</b></p>"]
    if entry.needs_key:
        # the lock of the tree's badge as an image: the emoji is missing from many fonts (an empty box)
        lock = html.escape(QUrl.fromLocalFile(icon_path("lock")).toString(), quote=True)
        parts.append(f"<p style='color:#8a5a00'><img src=\"{lock}\" width='16' height='16'> " + html.escape(
            tr("Donnée sous licence : une clé personnelle cartes.gouv.fr est nécessaire pour l'afficher.")) + "</p>")
    parts.append(f"<table cellspacing='0' cellpadding='1'>{table}</table>")  # the facts first, the prose after
    if entry.abstract and entry.abstract.strip() != entry.title.strip():
        parts.append(f"<p>{html.escape(entry.abstract)}</p>")
    if entry.note:
        note = NOTE_SEPARATOR.join(tr_message(part) for part in note_messages(entry.note))
        parts.append(f"<p style='color:#555'><i>{html.escape(note)}</i></p>")
    return "".join(parts)


def _number(value: int) -> str:
    """1815 -> "1 815" in French (narrow no-break space), "1,815" in English."""
    grouped = f"{value:,}"
    return grouped.replace(",", "\u202f") if ui_language() == "fr" else grouped


def _date(value: str) -> str:
    """ISO date (or date-time) -> dd/mm/yyyy in French, yyyy-mm-dd otherwise; anything else is shown as it is."""
    day = value[:10]
    if len(day) == 10 and day[4] == "-" and day[7] == "-":
        return f"{day[8:10]}/{day[5:7]}/{day[0:4]}" if ui_language() == "fr" else day
    return value


class DockRegistration:
    """Adds the Géoplateforme dock and its toggle action to QGIS; `unregister` takes everything away."""

    def __init__(self, iface: Any, menu_name: str | None = None):
        self.iface = iface
        self.menu_name = menu_name or tr("GPF Bascule")
        self.dock: CatalogDock | None = None
        self.action: QAction | None = None

    def register(self) -> CatalogDock:
        """Action in the Web menu and toolbar; the dock sits hidden on the right until first shown."""
        window = self.iface.mainWindow()
        self.dock = CatalogDock(self.iface, window)
        self.action = QAction(plugin_icon(), tr("Géoplateforme"), window)
        self.action.setObjectName("gpf_bascule_catalog")
        self.action.setToolTip(tr("Catalogue de la Géoplateforme : rechercher et ajouter des couches IGN"))
        self.action.setCheckable(True)
        self.dock.setToggleVisibilityAction(self.action)
        with self.dock.building_suspended():
            self.dock.hide()
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
            self.dock.hide()
        self.iface.addPluginToWebMenu(self.menu_name, self.action)
        self.iface.addWebToolBarIcon(self.action)
        return self.dock

    def unregister(self) -> None:
        if self.action is not None:
            self.iface.removePluginWebMenu(self.menu_name, self.action)
            self.iface.removeWebToolBarIcon(self.action)
        if self.dock is not None:
            if self.dock.is_built:
                with suppress(TypeError, RuntimeError):
                    self.dock.state.catalogChanged.disconnect(self.dock.reload)
                with suppress(TypeError, RuntimeError):
                    self.dock.state.testLayersToggled.disconnect(self.dock._test_layers_toggled)
            self.iface.removeDockWidget(self.dock)
            self.dock.setParent(None)
            self.dock.deleteLater()
        if self.action is not None:
            self.action.deleteLater()
        self.dock = None
        self.action = None
