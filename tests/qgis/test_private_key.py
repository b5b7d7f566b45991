"""The cartes.gouv.fr key: in the QGIS auth database only, added on the wire to data.geopf.fr/private requests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsSettings

import gpf_bascule
from gpf_bascule.bascule import private_key
from gpf_bascule.bascule.load_redirect import SETTING_KEY, RedirectRegistration
from gpf_bascule.tests.qgis.fake_gpf import redirected

ROOT = Path(gpf_bascule.__file__).resolve().parent
DEMO = ROOT / "resources" / "demo" / "projet_geoportail_2019.qgz"
KEY = "cleTest-0123456789abcdef"  # made up
SCAN = "Carte IGN SCAN 25 (clé personnelle)"


@pytest.fixture
def auth(qgis_app):
    """The throw-away profile's auth database, unlocked with a test master password; the key removed after."""
    manager = QgsApplication.authManager()
    assert not manager.isDisabled(), manager.disabledMessage()
    assert manager.setMasterPassword("test", True)
    private_key.forget_key()
    yield manager
    private_key.forget_key()


def _all_settings_text() -> str:
    settings = QgsSettings()
    return "\n".join(f"{key}={settings.value(key)}" for key in settings.allKeys())


def test_key_is_stored_in_the_auth_database_only(auth) -> None:
    authcfg = private_key.store_key(KEY)
    assert authcfg in auth.configIds()
    assert private_key.load_key() == KEY
    text = _all_settings_text()
    assert KEY not in text
    assert f"{private_key.AUTHCFG_SETTING}={authcfg}" in text  # the id only, not a secret


def test_a_malformed_key_is_refused(auth) -> None:
    with pytest.raises(ValueError):
        private_key.store_key("clé avec espaces&=")
    assert private_key.load_key() == ""


def test_injector_adds_the_key_to_private_requests_only(qgis_app) -> None:
    from qgis.PyQt.QtCore import QUrl
    from qgis.PyQt.QtNetwork import QNetworkRequest

    injector = private_key.KeyInjector()
    injector.set_key(KEY)
    private = QNetworkRequest(QUrl("https://data.geopf.fr/private/wmts?SERVICE=WMTS&REQUEST=GetCapabilities"))
    injector.preprocess(private)
    assert private.url().query().endswith(f"apikey={KEY}")
    free = QNetworkRequest(QUrl("https://data.geopf.fr/wmts?SERVICE=WMTS"))
    injector.preprocess(free)
    assert "apikey" not in free.url().toString()
    keyed = QNetworkRequest(QUrl("https://data.geopf.fr/private/wms-r?apikey=other"))
    injector.preprocess(keyed)
    assert keyed.url().query() == "apikey=other"


def test_key_applied_to_the_needs_key_layer_never_lands_in_the_project(
    auth, gpf_server, qgis_iface, project, tmp_path: Path
) -> None:
    fake, server = gpf_server
    fake.clear()
    QgsSettings().remove(SETTING_KEY)
    registration = RedirectRegistration(qgis_iface, project)
    registration.register()  # its key injector runs before the loopback redirector, as data.geopf.fr requests do
    try:
        with redirected(f"http://{server.host}:{server.port}"):
            shutil.copytree(DEMO.parent / "donnees", tmp_path / "donnees")
            project.read(str(shutil.copy(DEMO, tmp_path / DEMO.name)))
            scan = project.mapLayersByName(SCAN)[0]
            assert private_key.needs_key(scan.source())
            assert [layer.name() for layer in private_key.needs_key_layers(project)] == [SCAN]
            private = [r for r in fake.seen() if r.path.startswith("/private/")]
            assert private and not any(r.args.get("APIKEY") for r in private)  # no key stored yet: 403
            fake.clear()
            private_key.store_key(KEY)
            assert private_key.apply_key([scan.id()], registration.key_injector, project) == [scan.id()]
            private = [r for r in fake.seen() if r.path.startswith("/private/")]
            assert private and all(r.args.get("APIKEY") == KEY for r in private)
        assert KEY not in scan.source()
        out = tmp_path / "enregistre.qgs"
        assert project.write(str(out))
        assert KEY not in out.read_text(encoding="utf-8")
        assert KEY not in _all_settings_text()
    finally:
        registration.unregister()


def test_key_dialog_masks_the_key(qtbot) -> None:
    from qgis.PyQt.QtWidgets import QLineEdit

    from gpf_bascule.ui.key_dialog import KeyDialog

    dialog = KeyDialog()
    qtbot.addWidget(dialog)
    assert dialog.field.echoMode() == QLineEdit.EchoMode.Password
    dialog.field.setText(f"  {KEY} ")
    assert dialog.key() == KEY
