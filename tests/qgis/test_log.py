"""log.py: the "GPF Bascule" log tab follows the log_level setting (Options page, GPF_BASCULE_LOG_LEVEL)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from qgis.core import Qgis, QgsApplication, QgsSettings
from qgis.PyQt.QtWidgets import QComboBox

import gpf_bascule
from gpf_bascule import log
from gpf_bascule.bascule.load_redirect import RedirectRegistration
from gpf_bascule.settings import KEYS, PREFIX
from gpf_bascule.ui.options_page import GpfOptionsPage

DEMO = Path(gpf_bascule.__file__).resolve().parent / "resources" / "demo" / "projet_geoportail_2019.qgz"
SECRETS = ("abcd1234efgh5678ijkl9012", "mnop3456qrst7890uvwx1234", "Geoportail2019!", "ign2019")


@pytest.fixture(autouse=True)
def fresh_level(clean_settings):
    """No stored level, no variable (clean_settings), and no level cached from another test, before and after."""
    log.invalidate()
    yield
    log.invalidate()  # clean_settings and monkeypatch restore the rest after this: the next use reads again


@pytest.fixture
def logged():
    """(message, level) written under the plugin's tag while the test runs."""
    seen: list[tuple[str, Qgis.MessageLevel]] = []

    def keep(message: str, tag: str, level: Qgis.MessageLevel) -> None:
        if tag == log.TAG:
            seen.append((message, level))

    QgsApplication.messageLog().messageReceived.connect(keep)
    yield seen
    QgsApplication.messageLog().messageReceived.disconnect(keep)


def _store_level(level: str) -> None:
    QgsSettings().setValue(PREFIX + KEYS["log_level"], level)


def _texts(logged: list[tuple[str, Qgis.MessageLevel]]) -> list[str]:
    return [message for message, _ in logged]


def test_default_level_is_info_debug_is_dropped_warning_shown(logged) -> None:
    assert log.level() == "info"
    assert log.debug("détail pour l'administrateur") is False
    assert log.info("une information") is True
    assert log.warning("un avertissement") is True
    assert log.critical("une erreur") is True
    assert logged == [
        ("une information", Qgis.MessageLevel.Info),
        ("un avertissement", Qgis.MessageLevel.Warning),
        ("une erreur", Qgis.MessageLevel.Critical),
    ]


def test_debug_is_shown_when_the_level_is_debug(logged) -> None:
    _store_level("debug")
    assert log.reload() == "debug"
    assert log.enabled(log.DEBUG)
    log.debug("détail pour l'administrateur")
    assert logged == [("[debug] détail pour l'administrateur", Qgis.MessageLevel.Info)]


def test_warning_level_keeps_warnings_and_errors_only(logged) -> None:
    _store_level("warning")
    log.reload()
    log.debug("d")
    log.info("i")
    log.success("s")
    log.warning("w")
    log.critical("c")
    assert _texts(logged) == ["w", "c"]


def test_a_stored_level_applies_on_reload_only_the_level_is_cached(logged) -> None:
    log.debug("avant")  # reads and caches "info"
    _store_level("debug")
    log.debug("cache")  # not read again: still info
    log.reload()
    log.debug("après")
    _store_level("warning")
    log.reload()
    log.info("plus d'info")
    assert _texts(logged) == ["[debug] après"]


def test_the_environment_variable_wins_over_the_stored_level(logged, monkeypatch) -> None:
    _store_level("warning")
    monkeypatch.setenv("GPF_BASCULE_LOG_LEVEL", "debug")
    assert log.reload() == "debug"
    log.debug("déploiement en débogage")
    monkeypatch.setenv("GPF_BASCULE_LOG_LEVEL", "bavard")  # refused by settings: the stored value stays
    assert log.reload() == "warning"
    log.info("masqué")
    assert _texts(logged) == ["[debug] déploiement en débogage"]


def test_options_page_apply_takes_effect_at_once(logged, qtbot) -> None:
    log.debug("avant")
    page = GpfOptionsPage()
    qtbot.addWidget(page)
    levels = page.findChild(QComboBox, "gpf_bascule_log_level")
    levels.setCurrentIndex(levels.findData("debug"))
    page.apply()
    assert log.level() == "debug"
    log.debug("après")
    assert "[debug] après" in _texts(logged) and "[debug] avant" not in _texts(logged)
    levels.setCurrentIndex(levels.findData("warning"))
    page.apply()
    log.info("masqué")
    assert "masqué" not in _texts(logged)


def test_qgis_levels_are_accepted(logged) -> None:
    log.log("q-info", Qgis.MessageLevel.Info)
    log.log("q-success", Qgis.Success)
    log.log("q-warning", Qgis.MessageLevel.Warning)
    log.log("q-critical", Qgis.Critical)
    assert logged == [
        ("q-info", Qgis.MessageLevel.Info),
        ("q-success", Qgis.MessageLevel.Success),
        ("q-warning", Qgis.MessageLevel.Warning),
        ("q-critical", Qgis.MessageLevel.Critical),
    ]


def test_messages_are_redacted_once_more(logged) -> None:
    log.warning("source https://wxs.ign.fr/abcd1234efgh5678ijkl9012/geoportail/wmts?apikey=s3cret&x=1")
    (text, _), = logged
    assert "abcd1234efgh5678ijkl9012" not in text and "s3cret" not in text
    assert "wxs.ign.fr/***" in text


def test_logging_never_raises(logged, monkeypatch) -> None:
    class Broken:
        def __str__(self) -> str:
            raise RuntimeError("no text")

    assert log.warning(Broken()) is False
    assert log.warning(ValueError("un objet")) is True  # anything printable is written
    assert log.log("niveau inconnu", "bavard") is True  # an unknown level counts as info

    def boom(*_args: object) -> None:
        raise RuntimeError("panel gone")

    monkeypatch.setattr(log.QgsMessageLog, "logMessage", boom)
    assert log.critical("perdu, sans exception") is False
    monkeypatch.undo()
    monkeypatch.setattr("gpf_bascule.settings.GpfSettings.load", boom)
    assert log.reload() == "info"  # unreadable settings: the default level


def _open_demo_with_redirect(qgis_iface, project, tmp_path: Path) -> RedirectRegistration:
    """The demo opened as QGIS's File > Open does it, the plugin's redirect registered."""
    shutil.copytree(DEMO.parent / "donnees", tmp_path / "donnees")
    demo = Path(shutil.copy(DEMO, tmp_path / DEMO.name))
    registration = RedirectRegistration(qgis_iface, project)
    registration.register()
    try:
        assert registration.open_handler.handleProjectOpen(str(demo))
    finally:
        registration.unregister()
    assert len(registration.last_report) == 16
    return registration


def test_load_redirect_debug_lines_name_layers_never_keys(fake_gpf, qgis_iface, project, tmp_path, logged) -> None:
    _store_level("debug")
    log.reload()
    report = _open_demo_with_redirect(qgis_iface, project, tmp_path).last_report
    debug_lines = [text for text in _texts(logged) if text.startswith(log.DEBUG_PREFIX)]
    # debug lines speak the user's language too (tr(): French source, English through the .qm)
    ids_line = next(text for text in debug_lines if "couche(s) redirigée(s), identifiants :" in text)
    assert ids_line.startswith(log.DEBUG_PREFIX + "redirection à l'ouverture : ")
    assert not [text for text in debug_lines if "load redirect" in text]
    assert all(item.layer_id in ids_line for item in report)
    joined = "\n".join(_texts(logged))
    assert not any(secret in joined for secret in SECRETS)


def test_the_redirect_debug_line_is_skipped_at_info(fake_gpf, qgis_iface, project, tmp_path, logged) -> None:
    _open_demo_with_redirect(qgis_iface, project, tmp_path)
    assert not [text for text in _texts(logged) if text.startswith(log.DEBUG_PREFIX)]
