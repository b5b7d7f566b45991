"""The plugin's message-bar items: one per key (replaced, never stacked), gone when their time is up even under
another message, and gone when the project is closed or another one is read (log.push_message)."""

from __future__ import annotations

from pathlib import Path

import pytest
from qgis.core import Qgis
from qgis.gui import QgsMessageBar

from gpf_bascule.bascule.load_redirect import RedirectedLayer, RedirectRegistration
from gpf_bascule.log import clear_messages, pop_message, push_message
from gpf_bascule.mapping.result import Migration


class BarIface:
    """The part of QGIS's interface the plugin's messages use, with a real QgsMessageBar."""

    def __init__(self, parent) -> None:  # noqa: ANN001
        self.bar = QgsMessageBar(parent)
        self.window = parent

    def messageBar(self) -> QgsMessageBar:  # noqa: N802
        return self.bar

    def mainWindow(self):  # noqa: N802, ANN201
        return self.window


@pytest.fixture
def iface(qgis_iface, project):
    stub = BarIface(qgis_iface.mainWindow())
    yield stub
    clear_messages()
    stub.bar.clearWidgets()


def _texts(bar: QgsMessageBar) -> list[str]:
    return [item.text() for item in bar.items()]


def test_a_message_replaces_the_previous_one_with_the_same_key(iface) -> None:
    push_message(iface, "bascule", "24 couche(s) basculée(s).", Qgis.MessageLevel.Success, 0)
    push_message(iface, "bascule", "Bascule annulée : 24 couche(s) remise(s).", Qgis.MessageLevel.Success, 0)
    assert _texts(iface.bar) == ["Bascule annulée : 24 couche(s) remise(s)."]
    push_message(iface, "folder", "Dossier basculé.", Qgis.MessageLevel.Info, 0)
    assert sorted(_texts(iface.bar)) == ["Bascule annulée : 24 couche(s) remise(s).", "Dossier basculé."]
    pop_message("folder")
    assert _texts(iface.bar) == ["Bascule annulée : 24 couche(s) remise(s)."]


def test_a_timed_message_does_not_come_back_from_under_another_one(iface, qtbot) -> None:
    push_message(iface, "bascule", "Bascule annulée : 24 couche(s) remise(s).", Qgis.MessageLevel.Success, 1)
    iface.bar.pushMessage("QGIS", "Projet enregistré", Qgis.MessageLevel.Info, 0)  # covers it: no countdown
    qtbot.waitUntil(lambda: _texts(iface.bar) == ["Projet enregistré"], timeout=3000)
    iface.bar.popWidget()
    assert iface.bar.items() == []  # the old green message does not reappear


def test_the_plugin_messages_leave_with_the_project_and_others_stay(iface, project, tmp_path: Path) -> None:
    push_message(iface, "redirect", "24 couche(s) redirigée(s).", Qgis.MessageLevel.Info, 0)
    iface.bar.pushMessage("QGIS", "autre", Qgis.MessageLevel.Info, 0)
    project.clear()  # File ▸ Close, File ▸ New
    assert _texts(iface.bar) == ["autre"]
    path = tmp_path / "autre.qgs"
    assert project.write(str(path))
    push_message(iface, "redirect", "24 couche(s) redirigée(s).", Qgis.MessageLevel.Info, 0)
    assert project.read(str(path))  # another project read
    assert _texts(iface.bar) == ["autre"]


def _report(status: str = "migrated") -> list[RedirectedLayer]:
    migration = Migration(provider="wms", old_source="url=https://wxs.ign.fr/x/wmts",
                          new_source="url=https://data.geopf.fr/wmts", status=status)
    return [RedirectedLayer("id1", "Ortho", migration)]


def test_the_redirect_report_is_replaced_and_leaves_with_the_project(iface, project) -> None:
    registration = RedirectRegistration(iface, project)
    registration.report(_report())
    registration.report(_report() * 2)
    texts = _texts(iface.bar)
    assert len(texts) == 1 and "2 couche(s)" in texts[0], texts
    project.clear()
    assert iface.bar.items() == []


def test_unloading_takes_the_plugin_messages_away(iface, project) -> None:
    from gpf_bascule.log import release_messages

    push_message(iface, "bascule", "24 couche(s) basculée(s).", Qgis.MessageLevel.Success, 0)
    release_messages()
    assert iface.bar.items() == []
    push_message(iface, "bascule", "encore", Qgis.MessageLevel.Success, 0)  # watched again after a reload
    project.clear()
    assert iface.bar.items() == []
