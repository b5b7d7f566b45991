"""Applying the bascule to a big open project: progress after each layer, cancel between layers, one undo step."""

from __future__ import annotations

import time

import pytest
from qgis.core import Qgis, QgsProject, QgsRasterLayer
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import QApplication, QProgressDialog

from gpf_bascule.bascule.project_bascule import apply, scan_project, undo
from gpf_bascule.ui.bascule_dialog import BasculeDialog

OLD_WMTS = (
    "crs=EPSG:3857&format=image/jpeg&layers=ORTHOIMAGERY.ORTHOPHOTOS&styles=normal&tileMatrixSet=PM"
    "&url=https://wxs.ign.fr/{key}/geoportail/wmts"
)
LAYERS = 1000


def _add_old_layers(project: QgsProject, count: int) -> list[str]:
    """`count` old Géoportail WMTS layers (offline: none loads, which is also the cheapest to build)."""
    options = QgsRasterLayer.LayerOptions(loadDefaultStyle=False)
    options.skipCrsValidation = True
    source = OLD_WMTS.format(key="ortho")
    layers = [QgsRasterLayer(source, f"Ortho {index:04d}", "wms", options) for index in range(count)]
    project.addMapLayers(layers)
    return [layer.id() for layer in layers]


@pytest.fixture
def big_project(project, offline) -> tuple[QgsProject, list[str]]:
    return project, _add_old_layers(project, LAYERS)


def test_progress_is_reported_and_a_cancel_is_one_undo_step(big_project) -> None:
    project, ids = big_project
    plans = scan_project(project)
    assert sum(plan.applicable for plan in plans) == LAYERS
    old = {layer_id: project.mapLayer(layer_id).source() for layer_id in ids}
    calls: list[tuple[int, int]] = []

    def cancelled() -> bool:
        return bool(calls) and calls[-1][0] >= 50

    started = time.monotonic()
    applied = apply(plans, project, progress=lambda done, total: calls.append((done, total)), cancelled=cancelled)
    elapsed = time.monotonic() - started

    assert calls == [(done, LAYERS) for done in range(1, 51)]  # after each layer, monotonic, the right total
    assert applied.cancelled and applied.count == 50 and applied.total == LAYERS
    changed = [layer_id for layer_id in ids if project.mapLayer(layer_id).source() != old[layer_id]]
    assert changed == [plan.layer_id for plan in applied.plans] == ids[:50]
    assert all("data.geopf.fr" in project.mapLayer(layer_id).source() for layer_id in changed)
    assert elapsed < 60, elapsed

    assert undo(applied) == 50  # one call puts back everything the cancelled run did
    assert {layer_id: project.mapLayer(layer_id).source() for layer_id in ids} == old
    assert undo(applied) == 0


def test_a_full_run_reports_every_layer(project, offline) -> None:
    _add_old_layers(project, 30)
    calls: list[tuple[int, int]] = []
    applied = apply(scan_project(project), project, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(done, 30) for done in range(1, 31)]
    assert applied.count == 30 and not applied.cancelled


def test_the_dialog_shows_progress_and_its_cancel_stops_the_run(project, offline, qgis_iface, qtbot) -> None:
    ids = _add_old_layers(project, 120)
    qgis_iface.messageBar().clear_messages()
    dialog = BasculeDialog(project, qgis_iface, history=[])
    qtbot.addWidget(dialog)
    seen: list[tuple[bool, int, int, str]] = []
    cursors: list[object] = []

    def watch() -> None:  # runs from the processEvents calls between layers
        bar = dialog.findChild(QProgressDialog)
        if bar is None or not bar.isVisible():
            return
        seen.append((bar.isModal(), bar.value(), bar.maximum(), bar.labelText()))
        cursor = QApplication.overrideCursor()
        cursors.append(None if cursor is None else cursor.shape())
        if bar.value() >= 10:
            bar.cancel()

    timer = QTimer()
    timer.timeout.connect(watch)
    timer.start(0)
    try:
        applied = dialog.apply_checked()
    finally:
        timer.stop()

    assert seen and all(modal and maximum == 120 for modal, _value, maximum, _label in seen)
    assert "/120" in seen[-1][3] and set(cursors) == {Qt.CursorShape.WaitCursor}
    assert applied is not None and applied.cancelled and 10 <= applied.count < 120
    assert dialog.history == [applied]
    assert QApplication.overrideCursor() is None  # the wait cursor is given back
    (message,) = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning)
    expected = f"Bascule interrompue : {applied.count} couche(s) basculée(s) sur 120 ; « Annuler la bascule » les remet"
    assert expected in message
    assert dialog.undo_last() == applied.count
    assert all("wxs.ign.fr" in project.mapLayer(layer_id).source() for layer_id in ids)
