"""The "Géoplateforme" options page: shows the settings, locks what a variable fixes, saves on apply."""

from __future__ import annotations

from qgis.PyQt.QtWidgets import QCheckBox, QComboBox, QLineEdit, QSpinBox

from gpf_bascule.bascule import private_key
from gpf_bascule.settings import GpfSettings
from gpf_bascule.ui.options_page import GpfOptionsFactory, GpfOptionsPage, OptionsRegistration


def test_page_shows_the_settings_and_apply_saves(clean_settings, qtbot) -> None:
    page = GpfOptionsPage()
    qtbot.addWidget(page)
    assert page.findChild(QLineEdit, "gpf_bascule_wmts_url").text() == GpfSettings().wmts_url
    assert page.findChild(QCheckBox, "gpf_bascule_redirect_on_load").isChecked()
    assert page.findChild(QSpinBox, "gpf_bascule_refresh_interval_hours").value() == 24
    assert all(not note.isVisibleTo(page) for note in page.notes.values())
    page.findChild(QSpinBox, "gpf_bascule_refresh_interval_hours").setValue(168)
    page.findChild(QCheckBox, "gpf_bascule_redirect_on_load").setChecked(False)
    levels = page.findChild(QComboBox, "gpf_bascule_log_level")
    levels.setCurrentIndex(levels.findData("debug"))
    page.findChild(QLineEdit, "gpf_bascule_wfs_url").setText("https://miroir.example.fr/wfs")
    page.findChild(QLineEdit, "gpf_bascule_tms_url").setText("")  # emptied: back to the default
    assert GpfSettings.load().refresh_interval_hours == 24  # nothing written before apply
    page.apply()
    stored = GpfSettings.load()
    assert stored.refresh_interval_hours == 168
    assert stored.redirect_on_load is False
    assert stored.log_level == "debug"
    assert stored.wfs_url == "https://miroir.example.fr/wfs"
    assert stored.tms_url == GpfSettings().tms_url
    page.reset_urls()
    page.apply()
    assert GpfSettings.load().wfs_url == GpfSettings().wfs_url


def test_overridden_fields_are_disabled_with_the_variable_named(clean_settings, monkeypatch, qtbot) -> None:
    monkeypatch.setenv("GPF_BASCULE_REDIRECT_ON_LOAD", "0")
    monkeypatch.setenv("GPF_BASCULE_WMTS_URL", "https://miroir.example.fr/wmts")
    page = GpfOptionsPage()
    qtbot.addWidget(page)
    redirect = page.findChild(QCheckBox, "gpf_bascule_redirect_on_load")
    wmts = page.findChild(QLineEdit, "gpf_bascule_wmts_url")
    assert not redirect.isEnabled() and not redirect.isChecked()
    assert not wmts.isEnabled() and wmts.text() == "https://miroir.example.fr/wmts"
    assert "GPF_BASCULE_REDIRECT_ON_LOAD" in page.notes["redirect_on_load"].text()
    assert page.notes["redirect_on_load"].isVisibleTo(page)
    assert "GPF_BASCULE_WMTS_URL" in wmts.toolTip()
    assert page.findChild(QLineEdit, "gpf_bascule_wfs_url").isEnabled()
    assert not page.notes["wfs_url"].isVisibleTo(page)
    page.apply()
    monkeypatch.delenv("GPF_BASCULE_REDIRECT_ON_LOAD")
    monkeypatch.delenv("GPF_BASCULE_WMTS_URL")
    stored = GpfSettings.load()
    assert stored.redirect_on_load is True  # the variable's value was never written
    assert stored.wmts_url == GpfSettings().wmts_url


def test_apply_turns_the_redirect_on_and_off_at_once(clean_settings, qtbot) -> None:
    class Redirect:
        calls: list[bool] = []

        def set_enabled(self, enabled: bool) -> None:
            self.calls.append(enabled)

    redirect = Redirect()
    page = GpfOptionsPage(redirect=redirect)
    qtbot.addWidget(page)
    page.apply()
    assert redirect.calls == []  # unchanged: nothing to do
    page.findChild(QCheckBox, "gpf_bascule_redirect_on_load").setChecked(False)
    page.apply()
    assert redirect.calls == [False]


def test_key_status_never_shows_the_key(clean_settings, qtbot, monkeypatch) -> None:
    monkeypatch.setattr("gpf_bascule.ui.options_page.key_is_stored", lambda: True)
    page = GpfOptionsPage()
    qtbot.addWidget(page)
    assert "enregistrée" in page.key_status.text()
    assert page.forget_button.isEnabled()
    forgotten = []
    monkeypatch.setattr(private_key, "forget_key", lambda: forgotten.append(True))
    monkeypatch.setattr("gpf_bascule.ui.options_page.key_is_stored", lambda: False)
    page.forget_key()
    assert forgotten == [True]
    assert not page.forget_button.isEnabled()
    assert "Aucune clé" in page.key_status.text()


def test_registration_adds_and_removes_the_factory(qgis_app) -> None:
    class Iface:
        def __init__(self) -> None:
            self.factories: list = []

        def registerOptionsWidgetFactory(self, factory) -> None:  # noqa: N802, ANN001
            self.factories.append(factory)

        def unregisterOptionsWidgetFactory(self, factory) -> None:  # noqa: N802, ANN001
            self.factories.remove(factory)

    iface = Iface()
    registration = OptionsRegistration(iface)
    factory = registration.register()
    assert isinstance(factory, GpfOptionsFactory) and iface.factories == [factory]
    assert factory.title() == "Géoplateforme"
    assert not factory.icon().isNull()
    registration.unregister()
    assert iface.factories == []
