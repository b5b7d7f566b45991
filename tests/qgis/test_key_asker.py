"""The key service asks for the cartes.gouv.fr key through the asker the plugin gives it (the ui's KeyDialog): the
service never opens a dialog of its own (no bascule -> ui import), and asks nothing when no asker is set."""

from __future__ import annotations

import pytest
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication

import gpf_bascule
from gpf_bascule.bascule import private_key
from gpf_bascule.ui import key_dialog

KEY = "cleTest-0123456789abcdef"  # made up


@pytest.fixture
def auth(qgis_app):
    manager = QgsApplication.authManager()
    assert manager.setMasterPassword("test", True)
    private_key.forget_key()
    previous = private_key._key_asker
    yield manager
    private_key.set_key_asker(previous)
    private_key.forget_key()
    private_key.shared_injector().remove()


def test_the_given_asker_is_used_and_a_cancel_stores_nothing(auth, bar_iface) -> None:
    parents = []
    assert private_key.ask_and_apply_key(bar_iface, [], ask=lambda parent: parents.append(parent)) == []
    assert parents == [bar_iface.mainWindow()] and private_key.load_key() == ""

    private_key.ask_and_apply_key(bar_iface, [], ask=lambda parent: KEY)
    assert private_key.load_key() == KEY
    (item,) = bar_iface.bar.items()
    assert KEY not in item.text()

    asked = []
    private_key.ask_and_apply_key(bar_iface, [], ask=lambda parent: asked.append(parent))
    assert asked == []  # a stored key is never asked for again


def test_without_an_asker_nothing_is_asked(auth, bar_iface) -> None:
    private_key.set_key_asker(None)
    assert private_key.ask_and_apply_key(bar_iface, []) == []
    assert private_key.load_key() == ""


def test_the_plugin_gives_the_key_dialog_and_takes_it_back(auth, qgis_iface) -> None:
    instance = gpf_bascule.classFactory(qgis_iface)
    instance.initGui()
    try:
        assert private_key._key_asker is key_dialog.ask_key
    finally:
        instance.unload()
    assert private_key._key_asker is None


def test_the_key_dialog_asker_gives_the_typed_key_or_none(qtbot) -> None:
    def answer(accept: bool) -> None:
        dialog = next(widget for widget in QApplication.topLevelWidgets()
                      if widget.objectName() == "gpf_bascule_key_dialog" and widget.isVisible())
        dialog.field.setText(f"  {KEY} ")
        dialog.accept() if accept else dialog.reject()

    QTimer.singleShot(0, lambda: answer(True))
    assert key_dialog.ask_key() == KEY
    QTimer.singleShot(0, lambda: answer(False))
    assert key_dialog.ask_key() is None
