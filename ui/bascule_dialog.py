"""The "Basculer vers la Géoplateforme" dialog: every layer of the open project, old source → new source.

Only presentation: what each layer becomes, and applying or undoing it, are `bascule.project_bascule`'s.
Every source shown here goes through `redact` (old Géoportail URLs carried personal keys in their path).
"""

from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import unquote

from qgis.core import Qgis, QgsApplication, QgsProject
from qgis.gui import QgsFilterLineEdit
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..bascule.project_bascule import (
    MIGRATED,
    NEEDS_KEY,
    UNCHANGED,
    UNMAPPED,
    Applied,
    LayerPlan,
    Split,
    apply,
    log,
    scan_project,
    split_layer,
    undo,
)
from ..i18n import tr, tr_message
from ..log import push_message, short_and_more
from ..mapping import vocabulary
from ..mapping.engine import SERVICE_LABELS, provider_syntax
from ..mapping.layer_limit import MAX_LAYERS, layer_names
from ..mapping.redact import redact
from .icons import plugin_icon
from .source_diff import changed_excerpts, marked_pair

PLAN_ROLE = Qt.ItemDataRole.UserRole + 1
CHOICE_ROLE = Qt.ItemDataRole.UserRole + 2  # on a proposal's row: REPLACE or SPLIT
REPLACE, SPLIT = "replace", "split"
COL_LAYER, COL_SERVICE, COL_STATUS, COL_OLD, COL_NEW, COL_WARNINGS = range(6)
ALL_STATUSES = ""


#: Names of layers listed in a message before "… et N autres" (a message bar shows two lines).
NAMES_SHOWN = 5


def status_label(status: str) -> str:
    """The status as the dialog shows it, before the fact ("À basculer"): the one vocabulary, label only."""
    return vocabulary.label(status, preview=True, translate=tr, capital=True)


def names_list(names: list[str], shown: int = NAMES_SHOWN) -> str:
    """The first `shown` names, then "… et N autres": a message about 300 layers stays readable."""
    if len(names) <= shown:
        return ", ".join(names)
    return tr("{names} … et {count} autres").format(names=", ".join(names[:shown]), count=len(names) - shown)


def on_geoplateforme(source: str) -> bool:
    """Whether a source already points at the Géoplateforme (a layer there that does not load is no old service)."""
    return "geopf.fr" in source.lower()


def short_services() -> dict[str, str]:
    return {"wms-r": tr("WMS raster"), "wms-v": tr("WMS vecteur"), "tms": "TMS"}


def service_label(plan: LayerPlan) -> str:
    """Short enough for its column; the tooltip gives the engine's full label."""
    if plan.service:
        full = tr_message(SERVICE_LABELS.get(plan.service, plan.service))
        return short_services().get(plan.service, full.split(" (")[0])
    return {"wms": "WMS/WMTS", "wfs": "WFS", "vectortile": tr("Tuiles vectorielles"), "ogr": tr("Fichier")}.get(
        provider_syntax(plan.provider), plan.provider or "?"
    )


_URL = re.compile(r"(?:^|[&\s])url=(?:'([^']*)'|([^&\s]*))")
_LAYER = re.compile(r"(?:^|[&\s])(?:layers|typename)=(?:'([^']*)'|([^&\s]*))")


def glimpse(source: str) -> str:
    """What a user recognises in a (redacted) source: host/path of its address, then its layer.

    The provider URI puts `url=` last and the layer in the middle, so the head of the text says nothing;
    the full source is in the tooltip and the details pane.
    """
    found = _URL.search(source)
    url = unquote(next(group for group in found.groups() if group is not None)) if found else source
    url = re.sub(r"^https?://", "", url).split("?", 1)[0]
    layer = _LAYER.search(source)
    name = next((group for group in layer.groups() if group is not None), "") if layer else ""
    return f"{url} · {unquote(name)}" if name else url


class BasculeDialog(QDialog):
    """Lists the project's layers with what the bascule would do; applies the checked ones, undoes the last."""

    def __init__(
        self,
        project: QgsProject | None = None,
        iface: Any = None,
        history: list[Applied] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.project = project or QgsProject.instance()
        self.iface = iface
        self.history = history if history is not None else []
        self.plans: list[LayerPlan] = []
        self.splits: dict[int, list[Split]] = {}  # id(Applied) in history -> the layers split with it (undone first)
        self.setObjectName("gpf_bascule_dialog")
        self.setWindowTitle(tr("Basculer le projet vers la Géoplateforme"))
        self.setWindowIcon(plugin_icon("bascule"))
        self.resize(1280, 720)
        self._build()
        self.refresh()

    # --- widgets ----------------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.intro = QLabel(
            tr(
                "Les anciens services Géoportail (wxs.ign.fr) sont arrêtés. Les couches cochées passeront sur la "
                "Géoplateforme (data.geopf.fr) en gardant style, étiquettes, filtres et place dans l'arbre ; "
                "une copie du fichier du projet sera faite avant le prochain enregistrement."
            )
        )
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)

        filters = QHBoxLayout()
        self.filter_text = QgsFilterLineEdit()
        self.filter_text.setObjectName("filter_text")
        self.filter_text.setPlaceholderText(tr("Filtrer par nom de couche, service ou source…"))
        self.filter_text.textChanged.connect(self.apply_filter)
        self.filter_status = QComboBox()
        self.filter_status.setObjectName("filter_status")
        self.filter_status.addItem(tr("Tous les états"), ALL_STATUSES)
        for status in (MIGRATED, NEEDS_KEY, UNMAPPED, UNCHANGED):
            self.filter_status.addItem(status_label(status), status)
        self.filter_status.currentIndexChanged.connect(self.apply_filter)
        filters.addWidget(self.filter_text, 3)
        filters.addWidget(self.filter_status, 1)
        layout.addLayout(filters)

        self.tree = QTreeWidget()
        self.tree.setObjectName("layers")
        self.tree.setRootIsDecorated(False)  # True when a layer has proposals (rows under it)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setHeaderLabels(
            [
                tr("Couche"),
                tr("Service"),
                tr("État"),
                tr("Source actuelle"),
                tr("Nouvelle source"),
                tr("Avertissements"),
            ]
        )
        header = self.tree.header()
        header.setStretchLastSection(False)
        # name, service and status keep a width the user may change; the sources and warnings share what is left,
        # so a maximised dialog shows more of them instead of an empty band on the right
        for column, width in ((COL_LAYER, 300), (COL_SERVICE, 104), (COL_STATUS, 236)):
            header.resizeSection(column, width)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        for column in (COL_OLD, COL_NEW, COL_WARNINGS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.tree.currentItemChanged.connect(self._show_details)
        self.tree.itemChanged.connect(lambda *_: self._update_buttons())

        self.details = QTextBrowser()
        self.details.setObjectName("details")
        self.details.setOpenLinks(False)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([380, 210])  # the details pane shows whole sources: give it room
        layout.addWidget(splitter, 1)

        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        buttons = QHBoxLayout()
        self.check_all_button = QPushButton(tr("Tout cocher"))
        self.check_all_button.clicked.connect(lambda: self.set_all_checked(True))
        self.uncheck_all_button = QPushButton(tr("Tout décocher"))
        self.uncheck_all_button.clicked.connect(lambda: self.set_all_checked(False))
        self.apply_button = QPushButton(tr("Appliquer"))
        self.apply_button.setObjectName("apply")
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.apply_checked)
        self.undo_button = QPushButton(tr("Annuler la bascule"))
        self.undo_button.setObjectName("undo")
        self.undo_button.setToolTip(tr("Remet les sources d'avant la dernière bascule appliquée"))
        self.undo_button.clicked.connect(self.undo_last)
        self.close_button = QPushButton(tr("Fermer"))
        self.close_button.clicked.connect(self.reject)
        for button in (self.check_all_button, self.uncheck_all_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.undo_button, self.apply_button, self.close_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)

    # --- content ----------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Scan the project again (after an apply or an undo, or when layers changed)."""
        alive = {id(applied) for applied in self.history}  # a new project cleared the history: its splits go too
        self.splits = {key: splits for key, splits in self.splits.items() if key in alive}
        self.plans = scan_project(self.project)
        self.tree.blockSignals(True)
        self.tree.clear()
        for plan in self.plans:
            item = self._item(plan)
            self.tree.addTopLevelItem(item)
            for choice in self._choice_items(plan):
                item.addChild(choice)
            item.setExpanded(True)
        self.tree.setRootIsDecorated(any(item.childCount() for item in self._items()))
        self.tree.blockSignals(False)
        self.apply_filter()
        self._update_summary()
        self._update_buttons()
        if self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        else:
            self.details.setPlainText(tr("Le projet ne contient aucune couche."))

    def _item(self, plan: LayerPlan) -> QTreeWidgetItem:
        old, new = redact(plan.old_source), redact(plan.new_source)
        warnings = [redact(tr_message(text)) for text in ([plan.reason] if plan.reason else []) + list(plan.warnings)]
        texts = [plan.name, service_label(plan), status_label(plan.status), glimpse(old), "—", " ; ".join(warnings)]
        if plan.applicable:  # diff-style: the changed parts of each source, not the long head both share
            texts[COL_OLD], texts[COL_NEW] = changed_excerpts(old, new)
        item = QTreeWidgetItem(texts)
        if not plan.available:
            item.setIcon(COL_LAYER, QgsApplication.getThemeIcon("/mIndicatorBadLayer.svg"))
        item.setData(COL_LAYER, PLAN_ROLE, plan)
        item.setToolTip(COL_SERVICE, tr_message(SERVICE_LABELS.get(plan.service, item.text(COL_SERVICE))))
        item.setToolTip(COL_OLD, old)
        item.setToolTip(COL_NEW, new if plan.applicable else "")
        item.setToolTip(COL_WARNINGS, "\n".join(warnings))
        item.setToolTip(
            COL_LAYER,
            f"{plan.name} : {self._not_loading(plan)}" if not plan.available else plan.name,
        )
        flags = item.flags() & ~Qt.ItemFlag.ItemIsEditable
        if plan.applicable:
            item.setFlags(flags | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(COL_LAYER, Qt.CheckState.Checked)
        else:
            item.setFlags(flags & ~Qt.ItemFlag.ItemIsUserCheckable)
        return item

    def _choice_items(self, plan: LayerPlan) -> list[QTreeWidgetItem]:
        """The opt-in proposals under a layer, each its own UNCHECKED row: a successor for a withdrawn layer
        (it changes what the layer shows: style, date, scales), and one QGIS layer per sublayer (IGN's limit)."""
        rows = []
        replacement = getattr(plan, "replacement", None)
        if replacement is not None and not getattr(plan, "replaced", False):
            title = tr_message(replacement.title)
            old_part, new_part = changed_excerpts(redact(plan.old_source), redact(replacement.new_source))
            status = tr("Remplacement proposé, clé personnelle requise") if replacement.needs_key else tr(
                "Remplacement proposé"
            )
            changes = [tr_message(replacement.changes), *(tr_message(text) for text in replacement.warnings)]
            row = QTreeWidgetItem([
                tr("Remplacer par « {title} » ({layer})").format(title=title, layer=replacement.layer),
                short_services().get(replacement.service, replacement.service.upper()),
                status,
                old_part,
                new_part,
                redact(" ; ".join(changes)),
            ])
            row.setToolTip(COL_LAYER, tr("Ce qui change : {changes}\nSource de la correspondance : {evidence}").format(
                changes=tr_message(replacement.changes), evidence=redact(replacement.evidence)))
            row.setToolTip(COL_OLD, redact(plan.old_source))
            row.setToolTip(COL_NEW, redact(replacement.new_source))
            row.setToolTip(COL_WARNINGS, redact("\n".join(changes)))
            rows.append(self._choice(row, plan, REPLACE))
        if getattr(plan, "splittable", False):
            source = plan.new_source if plan.applicable else plan.old_source
            names = layer_names(plan.provider, source)
            row = QTreeWidgetItem([
                tr("Séparer en {count} couches, une par sous-couche").format(count=len(names)),
                "",
                tr("Séparation proposée"),
                "",
                ", ".join(names),
                tr("la Géoplateforme sert au plus {max} couches par requête : une couche QGIS par sous-couche, "
                   "même groupe, même style").format(max=MAX_LAYERS),
            ])
            row.setToolTip(COL_NEW, "\n".join(names))
            row.setToolTip(COL_WARNINGS, row.text(COL_WARNINGS))
            row.setToolTip(COL_LAYER, tr("Après la bascule, la couche est remplacée par une couche par sous-couche ; "
                                         "« Annuler la bascule » remet la couche d'origine."))
            rows.append(self._choice(row, plan, SPLIT))
        return rows

    @staticmethod
    def _choice(row: QTreeWidgetItem, plan: LayerPlan, kind: str) -> QTreeWidgetItem:
        row.setData(COL_LAYER, PLAN_ROLE, plan)
        row.setData(COL_LAYER, CHOICE_ROLE, kind)
        row.setFlags((row.flags() & ~Qt.ItemFlag.ItemIsEditable) | Qt.ItemFlag.ItemIsUserCheckable)
        row.setCheckState(COL_LAYER, Qt.CheckState.Unchecked)  # opt-in: never chosen for the user
        font = row.font(COL_LAYER)
        font.setItalic(True)
        row.setFont(COL_LAYER, font)
        return row

    def _items(self) -> list[QTreeWidgetItem]:
        return [self.tree.topLevelItem(row) for row in range(self.tree.topLevelItemCount())]

    def choice_items(self, kind: str | None = None) -> list[QTreeWidgetItem]:
        """The proposal rows (of one kind), under every layer."""
        return [
            item.child(index)
            for item in self._items()
            for index in range(item.childCount())
            if kind is None or item.child(index).data(COL_LAYER, CHOICE_ROLE) == kind
        ]

    def chosen(self, kind: str) -> list[str]:
        """Ids of the layers whose proposal of this kind the user ticked."""
        return [
            self.plan_of(item).layer_id
            for item in self.choice_items(kind)
            if item.checkState(COL_LAYER) == Qt.CheckState.Checked
        ]

    @staticmethod
    def plan_of(item: QTreeWidgetItem) -> LayerPlan:
        return item.data(COL_LAYER, PLAN_ROLE)

    def apply_filter(self, *_args: object) -> None:
        words = self.filter_text.text().casefold().split()
        status = self.filter_status.currentData()
        for item in self._items():
            plan = self.plan_of(item)
            haystack = " ".join(item.text(column) for column in range(self.tree.columnCount())).casefold()
            haystack += " " + redact(plan.old_source).casefold() + " " + redact(plan.new_source).casefold()
            hidden = (status and plan.status != status) or not all(word in haystack for word in words)
            item.setHidden(bool(hidden))

    def visible_names(self) -> list[str]:
        return [self.plan_of(item).name for item in self._items() if not item.isHidden()]

    def set_all_checked(self, checked: bool) -> None:
        """Check or uncheck the applicable layers the filter shows (a user acts on what is on screen)."""
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for item in self._items():
            if not item.isHidden() and self.plan_of(item).applicable:
                item.setCheckState(COL_LAYER, state)

    def checked_plans(self) -> list[LayerPlan]:
        return [
            self.plan_of(item)
            for item in self._items()
            if self.plan_of(item).applicable and item.checkState(COL_LAYER) == Qt.CheckState.Checked
        ]

    def _update_summary(self) -> None:
        """The counts in the words and the arithmetic of the folder report (mapping/vocabulary.py)."""
        counts = {status: sum(plan.status == status for plan in self.plans) for status in vocabulary.DONE}
        unavailable = sum(not plan.available for plan in self.plans)
        self.summary.setText(
            tr("{total} couches : {sources} ; {unavailable} ne se chargent pas actuellement (icône d'alerte).").format(
                total=len(self.plans),
                sources=tr_message(vocabulary.sources_sentence(counts, preview=True)),
                unavailable=unavailable,
            )
        )

    def _update_buttons(self) -> None:
        self.apply_button.setEnabled(bool(self.checked_plans() or self.chosen(REPLACE) or self.chosen(SPLIT)))
        self.undo_button.setEnabled(bool(self.history) and not self.history[-1].undone)

    def _show_details(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None = None) -> None:
        if item is None:
            self.details.clear()
            return
        plan = self.plan_of(item)
        if item.data(COL_LAYER, CHOICE_ROLE) == REPLACE:
            self._show_replacement(plan)
            return
        if item.data(COL_LAYER, CHOICE_ROLE) == SPLIT:
            rows = [f"<b>{html.escape(plan.name)}</b> — {html.escape(item.text(COL_LAYER))}",
                    html.escape(item.text(COL_WARNINGS)), html.escape(tr("Sous-couches : {names}").format(
                        names=item.text(COL_NEW)))]
            self.details.setHtml("<br>".join(rows))
            return
        rows = [f"<b>{html.escape(plan.name)}</b> — {html.escape(status_label(plan.status))}"]
        if not plan.available:
            rows.append(html.escape(vocabulary.capitalized(self._not_loading(plan)) + "."))
        # What to check comes first: the sources are long and may need scrolling.
        if plan.reason:
            rows.append(html.escape(redact(tr_message(plan.reason))))
        rows.extend(f"⚠ {html.escape(redact(tr_message(warning)))}" for warning in plan.warnings)
        if plan.applicable:  # the whole sources, what changes marked
            old, new = marked_pair(redact(plan.old_source), redact(plan.new_source))
            rows.append(f"<b>{tr('Source actuelle :')}</b> <code>{old}</code>")
            rows.append(f"<b>{tr('Nouvelle source :')}</b> <code>{new}</code>")
        else:
            rows.append(f"<b>{tr('Source actuelle :')}</b> <code>{html.escape(redact(plan.old_source))}</code>")
        self.details.setHtml("<br>".join(rows))

    def _show_replacement(self, plan: LayerPlan) -> None:
        """What the proposed successor changes, its evidence, and the sources with the changes marked."""
        replacement = plan.replacement
        old, new = marked_pair(redact(plan.old_source), redact(replacement.new_source))
        rows = [
            f"<b>{html.escape(plan.name)}</b> — "
            + html.escape(tr("remplacement proposé, appliqué seulement si vous le cochez")),
            html.escape(tr("Proposition : « {title} » ({layer}, {service})").format(
                title=tr_message(replacement.title), layer=replacement.layer, service=replacement.service)),
            html.escape(tr("Ce qui change : {changes}").format(changes=tr_message(replacement.changes))),
            *(f"⚠ {html.escape(redact(tr_message(warning)))}" for warning in replacement.warnings),
            html.escape(tr("Source de la correspondance : {evidence}").format(evidence=redact(replacement.evidence))),
            f"<b>{tr('Source actuelle :')}</b> <code>{old}</code>",
            f"<b>{tr('Source proposée :')}</b> <code>{new}</code>",
        ]
        self.details.setHtml("<br>".join(rows))

    @staticmethod
    def _not_loading(plan: LayerPlan) -> str:
        """Why a layer may not load: an old Géoportail service is shut down, a Géoplateforme one may be out of reach."""
        if on_geoplateforme(plan.old_source):
            return tr("la couche ne se charge pas actuellement (Géoplateforme injoignable ? réseau, proxy ?)")
        if plan.status in (MIGRATED, NEEDS_KEY, UNMAPPED):
            return tr("la couche ne se charge pas actuellement (ancien service Géoportail arrêté)")
        return tr("la couche ne se charge pas actuellement (service injoignable ?)")

    def all_text(self) -> str:
        """Everything the dialog shows or puts in a tooltip (tests check that no secret is in it)."""
        parts = [self.intro.text(), self.summary.text(), self.details.toPlainText()]
        for item in self._items() + self.choice_items():
            for column in range(self.tree.columnCount()):
                parts.extend((item.text(column), item.toolTip(column)))
        return "\n".join(parts)

    # --- actions ----------------------------------------------------------------------------------------

    def apply_checked(self) -> Applied | None:
        """Apply the checked layers and the ticked proposals (successors, then splits), as one undo step."""
        plans = self.checked_plans()
        accepted = set(self.chosen(REPLACE))
        to_split = self.chosen(SPLIT)
        if not plans and not accepted and not to_split:
            return None
        plans += [plan for plan in self.plans if plan.layer_id in accepted and plan not in plans]
        applied = self._apply_with_progress(plans, accepted)
        splits = [] if applied.cancelled else [split for split in map(self._split, to_split) if split]
        if applied.count or splits:
            self.history.append(applied)
            self.splits[id(applied)] = splits
        self._report(applied, splits)
        self.refresh()
        return applied

    def _split(self, layer_id: str) -> Split:
        return split_layer(self.project, layer_id)

    def _apply_with_progress(self, plans: list[LayerPlan], accepted: set[str] | None = None) -> Applied:
        """Apply under a wait cursor and a modal progress dialog whose button stops the run between two layers.

        Each layer costs what QGIS needs to load it (about 0.15 s): events are processed after each one, so the
        window repaints and the button answers.
        """
        accepted = accepted or set()
        total = sum((plan.with_replacement() if plan.layer_id in accepted else plan).applicable for plan in plans)
        label = tr("Bascule des couches… {done}/{total}")
        progress = QProgressDialog(label.format(done=0, total=total), tr("Interrompre"), 0, total, self)
        progress.setWindowTitle(self.windowTitle())
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setValue(0)
        progress.show()

        def advance(done: int, count: int) -> None:
            progress.setLabelText(label.format(done=done, total=count))
            progress.setValue(done)
            QApplication.processEvents()

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            QApplication.processEvents()
            return apply(plans, self.project, progress=advance, cancelled=progress.wasCanceled, accepted=accepted)
        finally:
            QApplication.restoreOverrideCursor()
            progress.close()
            progress.deleteLater()

    def undo_last(self) -> int:
        if not self.history or self.history[-1].undone:
            return 0
        applied = self.history.pop()
        for split in reversed(self.splits.pop(id(applied), [])):
            split.restore()  # the original layer back first: undo gives it its old source
        restored = undo(applied)
        self._push(tr("Bascule annulée : {count} couche(s) remise(s) sur leur ancienne source.").format(count=restored))
        self.refresh()
        return restored

    def _report(self, applied: Applied, splits: list[Split] | None = None) -> None:
        """The message bar gets the counts (two lines at most), its "More" button the rest; the log gets it whole."""
        splits = splits or []
        level = Qgis.MessageLevel.Success
        sentences = []
        if applied.cancelled:
            sentences.append(tr(
                "Bascule interrompue : {done} couche(s) basculée(s) sur {total} ; « Annuler la bascule » les remet."
            ).format(done=applied.count, total=applied.total))
            level = Qgis.MessageLevel.Warning
        elif applied.count or not splits:
            sentences.append(tr("{count} couche(s) basculée(s) vers la Géoplateforme.").format(count=applied.count))
        key = sum(plan.status == NEEDS_KEY for plan in applied.plans)  # applied.plans: the layers switched
        if key:  # counted among the switched ones, as the folder report counts them
            sentences.append(tr("Dont {count} avec clé personnelle cartes.gouv.fr requise.").format(count=key))
            level = Qgis.MessageLevel.Warning
        replaced = sum(bool(getattr(plan, "replaced", False)) for plan in applied.plans)
        if replaced:
            sentences.append(tr("Dont {count} remplacée(s) à votre demande.").format(count=replaced))
        if splits:
            sentences.append(tr("{count} couche(s) séparée(s) en une couche par sous-couche ({made} couches).").format(
                count=len(splits), made=sum(len(split) for split in splits)))
        if applied.unavailable:
            sentences.append(tr("Ne répond(ent) pas encore : {names}.").format(names=names_list(applied.unavailable)))
            level = Qgis.MessageLevel.Warning
        if applied.skipped:
            sentences.append(
                tr("Modifiée(s) depuis l'analyse, non basculée(s) : {names}.").format(names=names_list(applied.skipped))
            )
            level = Qgis.MessageLevel.Warning
        if applied.count or splits:
            sentences.append(
                tr("Enregistrez le projet pour garder la bascule (une copie de l'ancien fichier sera faite).")
            )
        self._push(" ".join(sentences), level, sentences)
        if len(applied.unavailable) > NAMES_SHOWN:  # the whole list, for who needs it
            log(tr("Ne répond(ent) pas encore : {names}.").format(names=", ".join(applied.unavailable)), level)

    def _push(
        self, message: str, level: Qgis.MessageLevel = Qgis.MessageLevel.Success, sentences: list[str] | None = None
    ) -> None:
        log(message, Qgis.MessageLevel.Info if level == Qgis.MessageLevel.Success else level)
        if self.iface is not None:
            shown, more = short_and_more([redact(sentence) for sentence in sentences or [message]])
            # apply and undo share one item: an undo replaces the apply's report instead of stacking on it
            push_message(self.iface, "bascule", shown, level, 10, tr("GPF Bascule"), more=more)
