"""The bascule dialog's opt-in proposals: a successor for a withdrawn layer and one layer per sublayer (IGN's
two-layer limit), each a separate, unchecked row under its layer, applied only when ticked, undone in one step."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsProject
from qgis.PyQt.QtCore import Qt

from gpf_bascule.bascule.project_bascule import BackupGuard
from gpf_bascule.tests.qgis.test_project_bascule import demo_copy
from gpf_bascule.tests.qgis.test_split_layer import NAMES, _build, _group_names
from gpf_bascule.ui.bascule_dialog import (
    CHOICE_ROLE,
    COL_LAYER,
    COL_NEW,
    COL_STATUS,
    COL_WARNINGS,
    REPLACE,
    SPLIT,
    BasculeDialog,
)

ORTHO_EXPRESS = "Ortho express 2022"


def _row(dialog: BasculeDialog, name: str):  # noqa: ANN202 (QTreeWidgetItem)
    (item,) = [item for item in dialog._items() if dialog.plan_of(item).name == name]
    return item


def _demo(project: QgsProject, tmp_path: Path) -> None:
    assert project.read(str(demo_copy(tmp_path)))


def test_a_successor_is_proposed_unchecked_under_the_withdrawn_layer(project, offline, qgis_iface, qtbot, tmp_path):
    _demo(project, tmp_path)
    dialog = BasculeDialog(project, qgis_iface, history=[])
    qtbot.addWidget(dialog)
    express = _row(dialog, ORTHO_EXPRESS)
    assert express.text(COL_STATUS) == "Sans équivalent" and not express.flags() & Qt.ItemFlag.ItemIsUserCheckable
    (proposal,) = dialog.choice_items(REPLACE)
    assert proposal.parent() is express and proposal.data(COL_LAYER, CHOICE_ROLE) == REPLACE
    assert proposal.checkState(COL_LAYER) == Qt.CheckState.Unchecked  # never chosen for the user
    assert proposal.text(COL_LAYER) == "Remplacer par « Photographies aériennes » (ORTHOIMAGERY.ORTHOPHOTOS)"
    assert proposal.text(COL_STATUS) == "Remplacement proposé"
    assert "data.geopf.fr" in proposal.text(COL_NEW) and "ortho-express 2022 n'existe plus" in proposal.text(
        COL_WARNINGS)
    assert "Source de la correspondance" in proposal.toolTip(COL_LAYER)  # the evidence
    dialog.tree.setCurrentItem(proposal)
    details = dialog.details.toPlainText()
    assert "Ce qui change" in details and "Source proposée" in details and "appliqué seulement si" in details
    assert dialog.choice_items(SPLIT) == []  # no source of the demo names more than two layers

    # applying everything else leaves the withdrawn layer as it is
    express_id = dialog.plan_of(express).layer_id
    old = project.mapLayer(express_id).source()
    first = dialog.apply_checked()
    assert first.count == 16 and project.mapLayer(express_id).source() == old

    # ticked alone, the proposal is what "Appliquer" applies, as one undo step
    dialog.refresh()
    (proposal,) = dialog.choice_items(REPLACE)
    assert dialog.checked_plans() == [] and not dialog.apply_button.isEnabled()
    proposal.setCheckState(COL_LAYER, Qt.CheckState.Checked)
    assert dialog.apply_button.isEnabled()
    plan = dialog.plan_of(proposal)
    applied = dialog.apply_checked()
    layer = project.mapLayer(plan.layer_id)
    assert applied.count == 1 and layer.source() == plan.replacement.new_source
    messages = " ".join(qgis_iface.messageBar().get_messages(applied_level(applied)))
    assert "Dont 1 remplacée(s) à votre demande" in messages
    assert dialog.choice_items(REPLACE) == []  # rescanned: nothing left to propose
    assert dialog.undo_last() == 1 and layer.source() == old
    BackupGuard.disarm_all()


def applied_level(applied):  # noqa: ANN001, ANN201
    from qgis.core import Qgis

    return Qgis.MessageLevel.Warning if applied.unavailable or applied.skipped else Qgis.MessageLevel.Success


def test_a_source_naming_three_layers_offers_an_unchecked_split(project, fake_gpf, qgis_iface, qtbot):
    group, layers = _build(project)
    dialog = BasculeDialog(project, qgis_iface, history=[])
    qtbot.addWidget(dialog)
    limits = _row(dialog, "Limites")
    (split,) = dialog.choice_items(SPLIT)
    assert split.parent() is limits and split.checkState(COL_LAYER) == Qt.CheckState.Unchecked
    assert split.text(COL_LAYER) == "Séparer en 3 couches, une par sous-couche"
    assert split.text(COL_NEW) == ", ".join(NAMES) and "au plus 2 couches" in split.text(COL_WARNINGS)
    assert not dialog.apply_button.isEnabled()  # already on the Géoplateforme: only the split is on offer

    original_id = layers["Limites"].id()
    split.setCheckState(COL_LAYER, Qt.CheckState.Checked)
    assert dialog.apply_button.isEnabled()
    applied = dialog.apply_checked()
    assert applied.count == 0 and len(dialog.history) == 1  # a split alone is an undo step too
    assert project.mapLayer(original_id) is None
    assert _group_names(group) == ["Avant", *(f"Limites — {name}" for name in reversed(NAMES)), "Après"]
    message = " ".join(qgis_iface.messageBar().get_messages(applied_level(applied)))
    assert "1 couche(s) séparée(s) en une couche par sous-couche (3 couches)" in message
    assert "0 couche(s) basculée(s)" not in message

    dialog.undo_last()
    assert project.mapLayer(original_id) is not None
    assert _group_names(group) == ["Avant", "Limites", "Après"]
    assert dialog.history == [] and dialog.splits == {}
