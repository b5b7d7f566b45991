"""Dialogs for the saved-connections bascule and for the list of layers redirected at opening.

No rule lives here: bascule.connections_settings decides what changes; this module shows it (addresses always
redacted), lets the user tick, and asks before anything is deleted.
"""

from __future__ import annotations

import html
from typing import Any

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..bascule import connections_settings as cs
from ..i18n import tr, tr_message
from ..mapping import vocabulary
from ..mapping.redact import redact
from ..mapping.result import MIGRATED
from .source_diff import changed_excerpts, marked_pair


def kind_label(kind: str) -> str:
    """The connection type as the Data Source Manager names it (literal tr() calls, for the extractor)."""
    return {"wms": "WMS/WMTS", "wfs": "WFS", "xyz": "XYZ", "vectortile": tr("Tuiles vectorielles")}.get(kind, kind)


def status_label(status: str, preview: bool = False) -> str:
    """The one vocabulary (mapping/vocabulary.py): "basculée" once done, "à basculer" in a preview."""
    return vocabulary.label(status, preview=preview, translate=tr)


def _tree(headers: list[str], parent: QWidget, stretch: tuple[int, ...] = ()) -> QTreeWidget:
    """A flat list; the `stretch` columns (the addresses) share the width a maximised dialog gains."""
    tree = QTreeWidget(parent)
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(False)
    tree.setAlternatingRowColors(True)
    tree.setWordWrap(False)
    header = tree.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for column in stretch:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    return tree


class ChangesDialog(QDialog):
    """A read-only list: layer, old → new (redacted, diff-style: the changed parts), status; the whole sources of
    the current row below, what changed marked."""

    def __init__(self, title: str, rows: list[tuple[str, str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gpf_bascule_changes_dialog")
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.rows = rows
        self.tree = _tree([tr("Couche"), tr("Ancienne source"), tr("Nouvelle source"), tr("Statut")], self, (1, 2))
        for name, old, new, status in rows:
            old_part, new_part = changed_excerpts(old, new) if new != old else (old, new)
            item = QTreeWidgetItem([name, old_part, new_part, status])
            item.setToolTip(0, name)
            item.setToolTip(1, old)  # the whole (redacted) source
            item.setToolTip(2, new)
            self.tree.addTopLevelItem(item)
        self.tree.setColumnWidth(0, 240)
        self.tree.header().setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)  # a status is short
        self.details = QTextBrowser(self)
        self.details.setObjectName("details")
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        self.tree.currentItemChanged.connect(self._show_details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Fermer"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(1080, 460)
        if rows:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))

    def _show_details(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None = None) -> None:
        index = self.tree.indexOfTopLevelItem(current) if current is not None else -1
        if index < 0:
            self.details.clear()
            return
        name, old, new, status = self.rows[index]
        old_html, new_html = marked_pair(old, new)
        self.details.setHtml("<br>".join([
            f"<b>{html.escape(name)}</b> — {html.escape(status)}",
            f"<b>{html.escape(tr('Ancienne source :'))}</b> <code>{old_html}</code>",
            f"<b>{html.escape(tr('Nouvelle source :'))}</b> <code>{new_html}</code>",
        ]))


class ConnectionsDialog(QDialog):
    """Old Géoportail connections with checkboxes; rewrite, add the official ones, delete after confirming."""

    def __init__(self, iface: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.iface = iface
        self.setObjectName("gpf_bascule_connections_dialog")
        self.setWindowTitle(tr("Basculer les connexions enregistrées"))
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.tree = _tree(
            [tr("Connexion"), tr("Type"), tr("Ancienne adresse"), tr("Nouvelle adresse"), tr("Statut")], self, (2, 3)
        )
        layout.addWidget(self.tree)
        self.detail = QLabel(self)
        self.detail.setObjectName("gpf_bascule_connection_detail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.detail)
        self.tree.currentItemChanged.connect(self._show_detail)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        buttons = QDialogButtonBox(self)
        self.rewrite_button = QPushButton(tr("Basculer la sélection"), self)
        self.rewrite_button.setObjectName("gpf_bascule_rewrite_connections")
        self.official_button = QPushButton(tr("Ajouter les connexions officielles"), self)
        self.official_button.setObjectName("gpf_bascule_add_official")
        self.official_button.setToolTip(
            tr("WMTS, WMS raster, WMS vecteur, WFS et tuiles vectorielles PLAN.IGN de la Géoplateforme")
        )
        self.delete_button = QPushButton(tr("Supprimer la sélection…"), self)
        self.delete_button.setObjectName("gpf_bascule_delete_connections")
        buttons.addButton(self.rewrite_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.official_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        for button in (self.delete_button, self.official_button):
            button.setAutoDefault(False)
        self.rewrite_button.setDefault(True)  # Enter never deletes
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(tr("Fermer"))
        buttons.rejected.connect(self.reject)
        self.rewrite_button.clicked.connect(self.rewrite_checked)
        self.official_button.clicked.connect(self.add_official)
        self.delete_button.clicked.connect(self.delete_checked)
        layout.addWidget(buttons)
        self.plans: list[cs.ConnectionPlan] = []
        self.refresh()
        self.resize(1080, 480)

    def refresh(self) -> None:
        self.plans = cs.old_connections()
        self.tree.clear()
        for plan in self.plans:
            connection = plan.connection
            new = plan.new_url if plan.rewritable else "—"
            item = QTreeWidgetItem([
                connection.name,
                kind_label(connection.kind),
                redact(connection.url),
                redact(new),
                status_label(plan.status, preview=True) if plan.rewritable else status_label(plan.status),
            ])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Checked if plan.rewritable else Qt.CheckState.Unchecked)
            remarks = self.remarks(plan)
            if remarks:
                item.setText(4, item.text(4) + " ⚠")
            item.setToolTip(4, "\n".join(remarks))
            for column in (2, 3):
                item.setToolTip(column, item.text(column))
            self.tree.addTopLevelItem(item)
        self.tree.setColumnWidth(0, 210)
        self.tree.setColumnWidth(1, 150)
        self.tree.setColumnWidth(4, 190)
        if self.plans:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        else:
            self.detail.clear()
        count = len(self.plans)
        self.intro.setText(
            tr("{count} connexion(s) enregistrée(s) pointent vers les anciens services Géoportail, arrêtés. "
               "Cochez celles à basculer vers la Géoplateforme : elles gardent leur nom.").format(count=count)
            if count
            else tr("Aucune connexion enregistrée ne pointe vers les anciens services Géoportail.")
        )
        self.note.setText(
            tr("Les adresses sont affichées sans clé ni mot de passe. Rien n'est supprimé sans votre accord.")
        )
        self.rewrite_button.setEnabled(any(plan.rewritable for plan in self.plans))
        self.delete_button.setEnabled(bool(self.plans))

    @staticmethod
    def remarks(plan: cs.ConnectionPlan) -> list[str]:
        """What the user should know about one connection (engine reasons and warnings, credentials removed)."""
        remarks = [tr_message(text) for text in (plan.migration.reason, *plan.migration.warnings)]
        if plan.connection.credentials and plan.status == MIGRATED:
            remarks.append(tr("identifiants retirés : inutiles sur les services libres de la Géoplateforme"))
        return [remark for remark in remarks if remark]

    def _show_detail(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None = None) -> None:
        index = self.tree.indexOfTopLevelItem(current) if current is not None else -1
        if index < 0 or index >= len(self.plans):
            self.detail.clear()
            return
        plan = self.plans[index]
        lines = [
            f"<b>{html.escape(plan.connection.name)}</b>",
            tr("Ancienne adresse : {url}").format(url=html.escape(redact(plan.connection.url))),
            tr("Nouvelle adresse : {url}").format(url=html.escape(redact(plan.new_url)) if plan.rewritable else "—"),
        ]
        lines += ["⚠ " + html.escape(remark) for remark in self.remarks(plan)]
        self.detail.setText("<br>".join(lines))

    def checked_plans(self) -> list[cs.ConnectionPlan]:
        return [
            plan for index, plan in enumerate(self.plans)
            if self.tree.topLevelItem(index).checkState(0) == Qt.CheckState.Checked
        ]

    def rewrite_checked(self) -> list[cs.ConnectionPlan]:
        done = cs.rewrite(self.checked_plans())
        self._after_change(tr("{count} connexion(s) basculée(s) vers la Géoplateforme.").format(count=len(done)))
        return done

    def add_official(self) -> list[str]:
        from ..bascule.private_key import stored_authcfg

        added = cs.add_official_connections(restricted=bool(stored_authcfg()))
        message = (
            tr("Connexions ajoutées : {names}.").format(names=", ".join(added))
            if added
            else tr("Les connexions officielles de la Géoplateforme sont déjà présentes.")
        )
        self._after_change(message)
        return added

    def confirm_delete(self, count: int) -> bool:
        answer = QMessageBox.question(
            self,
            tr("Supprimer des connexions"),
            tr("Supprimer définitivement {count} connexion(s) enregistrée(s) ?").format(count=count),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def delete_checked(self) -> int:
        connections = [plan.connection for plan in self.checked_plans()]
        if not connections or not self.confirm_delete(len(connections)):
            return 0
        removed = cs.delete(connections, confirmed=True)
        self._after_change(tr("{count} connexion(s) supprimée(s).").format(count=removed))
        return removed

    def _after_change(self, message: str) -> None:
        if self.iface is not None:
            if hasattr(self.iface, "reloadConnections"):
                self.iface.reloadConnections()  # Browser and source selectors read the settings again
            from qgis.core import Qgis

            from ..log import push_message

            push_message(self.iface, "connections", message, Qgis.MessageLevel.Success, 6, tr("GPF Bascule"))
        self.refresh()
