"""The cartes.gouv.fr key flow says one thing: a stored key is used (never asked for again, never put in a
source); without one, the plugin offers to enter it (kept in QGIS's authentication database)."""

from __future__ import annotations

import pytest
from qgis.core import Qgis, QgsApplication
from qgis.PyQt.QtWidgets import QPushButton

from gpf_bascule.bascule import private_key
from gpf_bascule.bascule.load_redirect import RedirectRegistration
from gpf_bascule.tests.qgis.catalog_samples import small_catalog
from gpf_bascule.tests.qgis.test_message_bar import _report
from gpf_bascule.ui.catalog_dock import details_html
from gpf_bascule.ui.layer_loader import add_to_map

KEY = "cleTest-0123456789abcdef"  # made up
SCAN = next(e for e in small_catalog().layers if (e.service, e.name) == ("wmts", "GEOGRAPHICALGRIDSYSTEMS.MAPS"))


@pytest.fixture
def auth(qgis_app):
    manager = QgsApplication.authManager()
    assert manager.setMasterPassword("test", True)
    private_key.forget_key()
    yield manager
    private_key.forget_key()
    private_key.shared_injector().remove()


def _buttons(bar_iface) -> list[str]:  # noqa: ANN001
    return [button.objectName() for item in bar_iface.bar.items() for button in item.findChildren(QPushButton)]


def test_a_licensed_layer_with_a_stored_key_says_the_key_is_used(auth, fake_gpf, bar_iface) -> None:
    private_key.store_key(KEY)
    layer = add_to_map(SCAN, bar_iface)
    assert layer is not None
    (item,) = bar_iface.bar.items()
    assert item.level() == Qgis.MessageLevel.Info
    assert "clé cartes.gouv.fr enregistrée est utilisée" in item.text()
    assert "apikey" not in item.text() and "source de la couche" not in item.text()
    assert _buttons(bar_iface) == []
    assert KEY not in layer.source()
    assert private_key.shared_injector().has_key  # the layer's requests carry it


def test_a_licensed_layer_without_a_key_offers_to_enter_it(auth, fake_gpf, bar_iface) -> None:
    assert add_to_map(SCAN, bar_iface) is not None
    (item,) = bar_iface.bar.items()
    assert item.level() == Qgis.MessageLevel.Warning
    assert "apikey" not in item.text() and "source de la couche" not in item.text()
    assert _buttons(bar_iface) == ["gpf_bascule_layer_key"]


def test_the_redirect_offers_the_key_only_when_none_is_stored(auth, bar_iface, project) -> None:
    registration = RedirectRegistration(bar_iface, project)
    registration.report(_report("needs-key"))
    assert "gpf_bascule_redirect_key" in _buttons(bar_iface)
    private_key.store_key(KEY)
    registration.report(_report("needs-key"))
    assert "gpf_bascule_redirect_key" not in _buttons(bar_iface)
    (item,) = bar_iface.bar.items()
    assert "clé cartes.gouv.fr enregistrée est utilisée" in item.text()


def test_the_padlock_is_an_image_not_an_emoji() -> None:
    text = details_html(SCAN)
    assert "\U0001f512" not in text
    assert "<img src=" in text and "lock.svg" in text
