"""The plugin's message-bar items: one per key (replaced, never stacked), gone when their time is up even under
another message, and gone when the project is closed or another one is read (log.push_message)."""

from __future__ import annotations

from pathlib import Path

from qgis.core import Qgis
from qgis.gui import QgsMessageBar

from gpf_bascule.bascule.load_redirect import RedirectedLayer, RedirectRegistration
from gpf_bascule.log import pop_message, push_message
from gpf_bascule.mapping.result import Migration


def _texts(bar: QgsMessageBar) -> list[str]:
    return [item.text() for item in bar.items()]


def test_a_message_replaces_the_previous_one_with_the_same_key(bar_iface) -> None:
    push_message(bar_iface, "bascule", "24 couche(s) basculée(s).", Qgis.MessageLevel.Success, 0)
    push_message(bar_iface, "bascule", "Bascule annulée : 24 couche(s) remise(s).", Qgis.MessageLevel.Success, 0)
    assert _texts(bar_iface.bar) == ["Bascule annulée : 24 couche(s) remise(s)."]
    push_message(bar_iface, "folder", "Dossier basculé.", Qgis.MessageLevel.Info, 0)
    assert sorted(_texts(bar_iface.bar)) == ["Bascule annulée : 24 couche(s) remise(s).", "Dossier basculé."]
    pop_message("folder")
    assert _texts(bar_iface.bar) == ["Bascule annulée : 24 couche(s) remise(s)."]


def test_a_timed_message_does_not_come_back_from_under_another_one(bar_iface, qtbot) -> None:
    push_message(bar_iface, "bascule", "Bascule annulée : 24 couche(s) remise(s).", Qgis.MessageLevel.Success, 1)
    bar_iface.bar.pushMessage("QGIS", "Projet enregistré", Qgis.MessageLevel.Info, 0)  # covers it: no countdown
    qtbot.waitUntil(lambda: _texts(bar_iface.bar) == ["Projet enregistré"], timeout=3000)
    bar_iface.bar.popWidget()
    assert bar_iface.bar.items() == []  # the old green message does not reappear


def test_the_plugin_messages_leave_with_the_project_and_others_stay(bar_iface, project, tmp_path: Path) -> None:
    push_message(bar_iface, "redirect", "24 couche(s) redirigée(s).", Qgis.MessageLevel.Info, 0)
    bar_iface.bar.pushMessage("QGIS", "autre", Qgis.MessageLevel.Info, 0)
    project.clear()  # File ▸ Close, File ▸ New
    assert _texts(bar_iface.bar) == ["autre"]
    path = tmp_path / "autre.qgs"
    assert project.write(str(path))
    push_message(bar_iface, "redirect", "24 couche(s) redirigée(s).", Qgis.MessageLevel.Info, 0)
    assert project.read(str(path))  # another project read
    assert _texts(bar_iface.bar) == ["autre"]


def _report(status: str = "migrated") -> list[RedirectedLayer]:
    migration = Migration(provider="wms", old_source="url=https://wxs.ign.fr/x/wmts",
                          new_source="url=https://data.geopf.fr/wmts", status=status)
    return [RedirectedLayer("id1", "Ortho", migration)]


def test_the_redirect_report_is_replaced_and_leaves_with_the_project(bar_iface, project) -> None:
    registration = RedirectRegistration(bar_iface, project)
    registration.report(_report())
    registration.report(_report() * 2)
    texts = _texts(bar_iface.bar)
    assert len(texts) == 1 and "2 couche(s)" in texts[0], texts
    project.clear()
    assert bar_iface.bar.items() == []


def test_unloading_takes_the_plugin_messages_away(bar_iface, project) -> None:
    from gpf_bascule.log import release_messages

    push_message(bar_iface, "bascule", "24 couche(s) basculée(s).", Qgis.MessageLevel.Success, 0)
    release_messages()
    assert bar_iface.bar.items() == []
    push_message(bar_iface, "bascule", "encore", Qgis.MessageLevel.Success, 0)  # watched again after a reload
    project.clear()
    assert bar_iface.bar.items() == []


def test_a_long_report_keeps_two_lines_on_the_bar_and_the_rest_behind_more(bar_iface) -> None:
    from qgis.PyQt.QtWidgets import QToolButton

    from gpf_bascule.log import BAR_CHARS, short_and_more

    names = ", ".join(f"Couche {number}" for number in range(40))
    sentences = ["24 couche(s) basculée(s) vers la Géoplateforme.", "Dont 2 avec clé personnelle requise.",
                 f"Ne répond(ent) pas encore : {names}.", "Enregistrez le projet pour garder la bascule."]
    shown, more = short_and_more(sentences)
    assert shown == " ".join(sentences[:2]) and len(shown) <= BAR_CHARS
    assert more == " ".join(sentences[2:])  # nothing lost, nothing said twice
    assert short_and_more(sentences[:2]) == (" ".join(sentences[:2]), "")  # short enough: no "More"
    item = push_message(bar_iface, "bascule", shown, Qgis.MessageLevel.Warning, 0, "GPF Bascule", more=more)
    assert item is not None and item.text() == shown and _texts(bar_iface.bar) == [shown]
    assert isinstance(item.widget(), QToolButton)  # QGIS's "More" button, which opens the whole text
