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
    apply,
    log,
    scan_project,
    undo,
)
from ..i18n import tr, tr_message
from ..log import push_message
from ..mapping.engine import SERVICE_LABELS, provider_syntax
from ..mapping.redact import redact
from .icons import plugin_icon

PLAN_ROLE = Qt.ItemDataRole.UserRole + 1
COL_LAYER, COL_SERVICE, COL_STATUS, COL_OLD, COL_NEW, COL_WARNINGS = range(6)
ALL_STATUSES = ""


def status_label(status: str) -> str:
    """French label, then the status word the reports and the command line use."""
    labels = {
        MIGRATED: tr("À basculer"),
        NEEDS_KEY: tr("Clé requise"),
        UNMAPPED: tr("Sans équivalent"),
        UNCHANGED: tr("Inchangée"),
    }
    return f"{labels.get(status, status)} ({status})"


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
        self.setObjectName("gpf_bascule_dialog")
        self.setWindowTitle(tr("Basculer le projet vers la Géoplateforme"))
        self.setWindowIcon(plugin_icon())
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
        self.tree.setRootIsDecorated(False)
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
        header.setStretchLastSection(True)
        widths = ((COL_LAYER, 320), (COL_SERVICE, 112), (COL_STATUS, 222), (COL_OLD, 180), (COL_NEW, 180))
        for column, width in widths:
            header.resizeSection(column, width)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
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
        self.plans = scan_project(self.project)
        self.tree.blockSignals(True)
        self.tree.clear()
        for plan in self.plans:
            self.tree.addTopLevelItem(self._item(plan))
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
        if plan.applicable:
            texts[COL_NEW] = glimpse(new)
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
            tr("{name} : la couche ne se charge pas actuellement").format(name=plan.name)
            if not plan.available
            else plan.name,
        )
        flags = item.flags() & ~Qt.ItemFlag.ItemIsEditable
        if plan.applicable:
            item.setFlags(flags | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(COL_LAYER, Qt.CheckState.Checked)
        else:
            item.setFlags(flags & ~Qt.ItemFlag.ItemIsUserCheckable)
        return item

    def _items(self) -> list[QTreeWidgetItem]:
        return [self.tree.topLevelItem(row) for row in range(self.tree.topLevelItemCount())]

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
        counts = {status: sum(plan.status == status for plan in self.plans) for status in (MIGRATED, NEEDS_KEY)}
        counts[UNMAPPED] = sum(plan.status == UNMAPPED for plan in self.plans)
        unavailable = sum(not plan.available for plan in self.plans)
        self.summary.setText(
            tr(
                "{total} couches : {migrated} à basculer, {needs_key} demandant une clé personnelle, "
                "{unmapped} sans équivalent ; {unavailable} ne se chargent pas actuellement (icône d'alerte)."
            ).format(
                total=len(self.plans),
                migrated=counts[MIGRATED],
                needs_key=counts[NEEDS_KEY],
                unmapped=counts[UNMAPPED],
                unavailable=unavailable,
            )
        )

    def _update_buttons(self) -> None:
        self.apply_button.setEnabled(bool(self.checked_plans()))
        self.undo_button.setEnabled(bool(self.history) and not self.history[-1].undone)

    def _show_details(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None = None) -> None:
        if item is None:
            self.details.clear()
            return
        plan = self.plan_of(item)
        rows = [f"<b>{html.escape(plan.name)}</b> — {html.escape(status_label(plan.status))}"]
        if not plan.available:
            rows.append(html.escape(tr("La couche ne se charge pas actuellement (ancien service arrêté ?).")))
        # What to check comes first: the sources are long and may need scrolling.
        if plan.reason:
            rows.append(html.escape(redact(tr_message(plan.reason))))
        rows.extend(f"⚠ {html.escape(redact(tr_message(warning)))}" for warning in plan.warnings)
        rows.append(f"<b>{tr('Source actuelle :')}</b> <code>{html.escape(redact(plan.old_source))}</code>")
        if plan.applicable:
            rows.append(f"<b>{tr('Nouvelle source :')}</b> <code>{html.escape(redact(plan.new_source))}</code>")
        self.details.setHtml("<br>".join(rows))

    def all_text(self) -> str:
        """Everything the dialog shows or puts in a tooltip (tests check that no secret is in it)."""
        parts = [self.intro.text(), self.summary.text(), self.details.toPlainText()]
        for item in self._items():
            for column in range(self.tree.columnCount()):
                parts.extend((item.text(column), item.toolTip(column)))
        return "\n".join(parts)

    # --- actions ----------------------------------------------------------------------------------------

    def apply_checked(self) -> Applied | None:
        plans = self.checked_plans()
        if not plans:
            return None
        applied = self._apply_with_progress(plans)
        if applied.count:
            self.history.append(applied)
        self._report(applied)
        self.refresh()
        return applied

    def _apply_with_progress(self, plans: list[LayerPlan]) -> Applied:
        """Apply under a wait cursor and a modal progress dialog whose button stops the run between two layers.

        Each layer costs what QGIS needs to load it (about 0.15 s): events are processed after each one, so the
        window repaints and the button answers.
        """
        total = sum(plan.applicable for plan in plans)
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
            return apply(plans, self.project, progress=advance, cancelled=progress.wasCanceled)
        finally:
            QApplication.restoreOverrideCursor()
            progress.close()
            progress.deleteLater()

    def undo_last(self) -> int:
        if not self.history or self.history[-1].undone:
            return 0
        restored = undo(self.history.pop())
        self._push(tr("Bascule annulée : {count} couche(s) remise(s) sur leur ancienne source.").format(count=restored))
        self.refresh()
        return restored

    def _report(self, applied: Applied) -> None:
        message = tr("{count} couche(s) basculée(s) vers la Géoplateforme.").format(count=applied.count)
        level = Qgis.MessageLevel.Success
        if applied.cancelled:
            message = tr(
                "Bascule interrompue : {done} couche(s) basculée(s) sur {total} ; « Annuler la bascule » les remet."
            ).format(done=applied.count, total=applied.total)
            level = Qgis.MessageLevel.Warning
        key = sum(plan.status == NEEDS_KEY for plan in applied.plans)
        if key:
            message += " " + tr("{count} demande(nt) une clé personnelle cartes.gouv.fr.").format(count=key)
            level = Qgis.MessageLevel.Warning
        if applied.unavailable:
            message += " " + tr("Ne répond(ent) pas encore : {names}.").format(names=", ".join(applied.unavailable))
            level = Qgis.MessageLevel.Warning
        if applied.skipped:
            message += " " + tr("Modifiée(s) depuis l'analyse, non basculée(s) : {names}.").format(
                names=", ".join(applied.skipped)
            )
            level = Qgis.MessageLevel.Warning
        if applied.count:
            message += " " + tr(
                "Enregistrez le projet pour garder la bascule (une copie de l'ancien fichier sera faite)."
            )
        self._push(message, level)

    def _push(self, message: str, level: Qgis.MessageLevel = Qgis.MessageLevel.Success) -> None:
        log(message, Qgis.MessageLevel.Info if level == Qgis.MessageLevel.Success else level)
        if self.iface is not None:
            # apply and undo share one item: an undo replaces the apply's report instead of stacking on it
            push_message(self.iface, "bascule", redact(message), level, 10, tr("GPF Bascule"))
