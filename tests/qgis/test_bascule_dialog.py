"""The bascule dialog on the demo project: statuses, filter, checkboxes, apply and undo, no secret shown."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from qgis.core import Qgis, QgsApplication, QgsProject
from qgis.PyQt.QtCore import Qt

from gpf_bascule.bascule.project_bascule import LOG_TAG, BackupGuard
from gpf_bascule.log import BAR_CHARS
from gpf_bascule.mapping.redact import redact
from gpf_bascule.tests.qgis.test_project_bascule import demo_copy
from gpf_bascule.ui.bascule_actions import BasculeRegistration
from gpf_bascule.ui.bascule_dialog import COL_LAYER, COL_NEW, COL_OLD, COL_STATUS, NAMES_SHOWN, BasculeDialog

SECRETS = ("abcd1234efgh5678ijkl9012", "mnop3456qrst7890uvwx1234", "ign2019")  # the demo's made-up keys, authcfg
SCREENSHOT = Path("/tmp/gpf-bascule-dialog.png")


@pytest.fixture
def project(qgis_iface, offline, tmp_path: Path) -> Iterator[QgsProject]:
    """The demo project read offline (every request refused: old layers do not load); emptied afterwards."""
    canvas = qgis_iface.mapCanvas()
    canvas.setRenderFlag(False)
    instance = QgsProject.instance()
    instance.clear()
    qgis_iface.messageBar().clear_messages()
    assert instance.read(str(demo_copy(tmp_path)))
    yield instance
    BackupGuard.disarm_all()
    canvas.setLayers([])
    instance.clear()
    canvas.setRenderFlag(True)


@pytest.fixture
def dialog(project, qgis_iface, qtbot) -> BasculeDialog:
    widget = BasculeDialog(project, qgis_iface, history=[])
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def log_messages() -> Iterator[list[str]]:
    seen: list[str] = []

    def keep(message: str, tag: str, _level) -> None:  # noqa: ANN001
        if tag == LOG_TAG:
            seen.append(message)

    QgsApplication.messageLog().messageReceived.connect(keep)
    yield seen
    QgsApplication.messageLog().messageReceived.disconnect(keep)


def _row(dialog: BasculeDialog, name: str):  # noqa: ANN202 (QTreeWidgetItem)
    (item,) = [item for item in dialog._items() if dialog.plan_of(item).name == name]
    return item


def test_every_layer_is_listed_with_its_status_and_checked_when_applicable(dialog) -> None:
    assert len(dialog._items()) == len(dialog.project.mapLayers()) == 20
    photo = _row(dialog, "Photographies aériennes")
    assert photo.text(COL_STATUS) == "À basculer"  # the label only: the machine word is for JSON/CSV
    assert photo.checkState(COL_LAYER) == Qt.CheckState.Checked
    assert not photo.icon(COL_LAYER).isNull() and "ne se charge pas" in photo.toolTip(COL_LAYER)
    assert "data.geopf.fr" in photo.text(COL_NEW)
    scan = _row(dialog, "Carte IGN SCAN 25 (clé personnelle)")
    assert scan.text(COL_STATUS) == "À basculer, clé personnelle requise"
    assert scan.checkState(COL_LAYER) == Qt.CheckState.Checked
    for name, label in (("Ortho express 2022", "Sans équivalent"), ("OpenStreetMap", "Inchangée")):
        item = _row(dialog, name)
        assert item.text(COL_STATUS) == label
        assert not item.flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert len(dialog.checked_plans()) == 16
    assert dialog.apply_button.isEnabled() and not dialog.undo_button.isEnabled()
    # counted as the folder report counts the same project (needs-key among the switched): 16, not 15
    assert dialog.summary.text().startswith(
        "20 couches : 16 source(s) à basculer (dont 1 avec clé personnelle requise), 1 sans équivalent, "
        "3 inchangée(s) ; 16 ne se chargent pas"
    )


def test_filter_by_text_and_status(dialog) -> None:
    dialog.filter_text.setText("plan ign")
    assert sorted(dialog.visible_names()) == [
        "Plan IGN (tuiles XYZ)",
        "Plan IGN v2 (clé personnelle)",
        "Plan IGN v2 Lambert 93",
        "Plan IGN vectoriel",
    ]
    dialog.filter_text.setText("")
    dialog.filter_status.setCurrentIndex(dialog.filter_status.findData("unmapped"))
    assert dialog.visible_names() == ["Ortho express 2022"]
    dialog.filter_status.setCurrentIndex(dialog.filter_status.findData("needs-key"))
    assert dialog.visible_names() == ["Carte IGN SCAN 25 (clé personnelle)"]
    dialog.filter_status.setCurrentIndex(0)
    dialog.filter_text.setText("wfs")  # a service, matched too
    assert "Bâtiments BD TOPO" in dialog.visible_names() and "OpenStreetMap" not in dialog.visible_names()


def test_check_all_acts_on_the_filtered_rows(dialog) -> None:
    dialog.set_all_checked(False)
    assert dialog.checked_plans() == [] and not dialog.apply_button.isEnabled()
    dialog.filter_text.setText("BD TOPO")
    dialog.check_all_button.click()
    dialog.filter_text.setText("")
    assert [plan.name for plan in dialog.checked_plans()] == ["Bâtiments BD TOPO"]


def test_apply_then_undo_from_the_buttons(dialog, qgis_iface, log_messages) -> None:
    project = dialog.project
    dialog.uncheck_all_button.click()
    _row(dialog, "Photographies aériennes").setCheckState(COL_LAYER, Qt.CheckState.Checked)
    photo = _row(dialog, "Photographies aériennes")
    plan = dialog.plan_of(photo)
    others = {layer.id(): layer.source() for layer in project.mapLayers().values() if layer.id() != plan.layer_id}
    dialog.apply_button.click()
    layer = project.mapLayer(plan.layer_id)
    assert layer.source() == plan.new_source
    assert {i: project.mapLayer(i).source() for i in others} == others
    assert dialog.undo_button.isEnabled() and len(dialog.history) == 1
    assert _row(dialog, "Photographies aériennes").text(COL_STATUS) == "Inchangée"  # rescanned
    messages = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning)  # offline: it does not answer
    assert len(messages) == 1 and "1 couche(s) basculée(s)" in messages[0]
    assert any("Photographies aériennes" in message for message in log_messages)
    dialog.undo_button.click()
    assert layer.source() == plan.old_source
    assert not dialog.undo_button.isEnabled() and dialog.history == []
    assert qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Success)
    assert _row(dialog, "Photographies aériennes").checkState(COL_LAYER) == Qt.CheckState.Checked


def test_no_secret_in_the_dialog_nor_the_log(dialog, log_messages, qgis_iface) -> None:
    for item in dialog._items():
        dialog.tree.setCurrentItem(item)
        text = dialog.all_text()
        assert not [secret for secret in SECRETS if secret in text], dialog.plan_of(item).name
    assert "***" in dialog.all_text()
    dialog.apply_button.click()
    shown = "\n".join(log_messages + qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning))
    assert not [secret for secret in SECRETS if secret in shown + dialog.all_text()]


def test_sources_are_shown_diff_style_with_the_whole_text_in_tooltips(dialog) -> None:
    photo = _row(dialog, "Photographies aériennes")
    old, new = photo.text(COL_OLD), photo.text(COL_NEW)
    assert "wxs.ign.fr" in old and "data.geopf.fr" in new and "wxs.ign.fr" not in new
    # the changes (matrix set, address), not the long head both sources share (crs=…&dpiMode=…&format=…)
    assert old.startswith("…tileMatrixSet=PM …url=https://wxs.ign.fr/ortho/geoportail")
    assert new.startswith("…tileMatrixSet=PM_0_21 …url=https://data.geopf.fr/wmts")
    assert "crs=" not in old + new and "format=" not in old + new
    assert photo.toolTip(COL_OLD).startswith("crs=") or "&" in photo.toolTip(COL_OLD)  # the whole source
    assert photo.toolTip(COL_NEW) == redact(dialog.plan_of(photo).new_source)
    dialog.tree.setCurrentItem(photo)
    assert "background-color" in dialog.details.toHtml()  # the changed runs marked in the details pane


def test_columns_stretch_when_the_dialog_grows(dialog, qtbot) -> None:
    dialog.resize(1280, 720)
    dialog.show()
    qtbot.waitExposed(dialog)
    narrow = dialog.tree.columnWidth(COL_OLD), dialog.tree.columnWidth(COL_NEW)
    dialog.resize(2200, 720)
    qtbot.waitUntil(lambda: dialog.tree.columnWidth(COL_OLD) > narrow[0])
    assert dialog.tree.columnWidth(COL_NEW) > narrow[1]


def test_a_layer_already_on_the_geoplateforme_is_not_blamed_on_an_old_service(dialog) -> None:
    gpf = _row(dialog, "Limites administratives (déjà Géoplateforme)")
    assert not dialog.plan_of(gpf).available  # offline: it does not load either
    dialog.tree.setCurrentItem(gpf)
    shown = gpf.toolTip(COL_LAYER) + dialog.details.toPlainText()
    assert "Géoplateforme injoignable" in shown and "ancien service" not in shown
    old = _row(dialog, "Photographies aériennes")
    dialog.tree.setCurrentItem(old)
    assert "ancien service Géoportail arrêté" in old.toolTip(COL_LAYER) + dialog.details.toPlainText()


def test_the_message_names_a_few_layers_then_how_many_more(dialog, bar_iface, log_messages) -> None:
    dialog.iface = bar_iface
    applied = dialog.apply_checked()
    assert applied.count == 16 and len(applied.unavailable) > NAMES_SHOWN  # offline: they do not answer
    (item,) = [item for item in bar_iface.bar.items() if item.title() == "GPF Bascule"]
    assert item.text().startswith("16 couche(s) basculée(s) vers la Géoplateforme. Dont 1 avec clé personnelle")
    assert len(item.text()) <= BAR_CHARS  # two lines: the rest is behind "Plus"
    hidden = len(applied.unavailable) - NAMES_SHOWN
    whole = " ".join(log_messages)
    assert f"… et {hidden} autres" in whole  # the capped list
    assert all(name in whole for name in applied.unavailable)  # and the whole list in the log


def test_registration_adds_the_action_to_the_web_menu_and_toolbar(qgis_iface, qtbot) -> None:
    qgis_iface.addPluginToWebMenu.reset_mock()
    qgis_iface.addWebToolBarIcon.reset_mock()
    registration = BasculeRegistration(qgis_iface)
    action = registration.register()
    assert action.text() == "Basculer vers la Géoplateforme…" and not action.icon().isNull()
    # beside the catalogue's action on the Web toolbar: another picture, not the same one twice
    from gpf_bascule.ui.icons import plugin_icon

    catalogue = plugin_icon().pixmap(32, 32).toImage()
    assert not catalogue.isNull() and action.icon().pixmap(32, 32).toImage() != catalogue
    qgis_iface.addPluginToWebMenu.assert_called_once_with("GPF Bascule", action)
    qgis_iface.addWebToolBarIcon.assert_called_once_with(action)
    registration.unregister()
    qgis_iface.removePluginWebMenu.assert_called_with("GPF Bascule", action)
    qgis_iface.removeWebToolBarIcon.assert_called_with(action)
    assert registration.action is None


def test_screenshot(dialog, qtbot) -> None:
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.tree.setCurrentItem(_row(dialog, "Communes du secteur (filtre the_geom)"))
    assert dialog.grab().save(str(SCREENSHOT))
