"""GpfSettings: defaults, QgsSettings round trip, GPF_BASCULE_* variables winning, and their readers."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from qgis.core import QgsSettings

from gpf_bascule.bascule import catalog_refresh as refresh
from gpf_bascule.bascule import load_redirect
from gpf_bascule.settings import KEYS, PREFIX, GpfSettings, env_name


def test_defaults_are_the_live_geoplateforme(clean_settings) -> None:
    settings = GpfSettings.load()
    assert settings == GpfSettings()
    assert settings.refresh_interval == timedelta(hours=24)
    assert settings.redirect_on_load is True
    assert settings.log_level == "info"
    assert settings.network_authcfg == ""
    assert all(url.startswith("https://data.geopf.fr/") for url in settings.sources().values())
    assert settings.wms_v_url.startswith("https://data.geopf.fr/wms-v/")
    assert refresh.SOURCES == settings.sources()  # the module default stays what it was
    assert not settings.overridden


def test_qgssettings_round_trip(clean_settings) -> None:
    changed = GpfSettings(
        wmts_url="https://miroir.example.fr/wmts?SERVICE=WMTS&REQUEST=GetCapabilities",
        refresh_interval_hours=168,
        redirect_on_load=False,
        log_level="debug",
        network_authcfg="abc1234",
    )
    changed.save()
    assert QgsSettings().value("gpf_bascule/redirect_on_load") in (False, "false")
    assert QgsSettings().value("gpf_bascule/network/authcfg") == "abc1234"
    assert GpfSettings.load() == changed
    assert QgsSettings().value(PREFIX + KEYS["wfs_url"]) is None  # defaults are not pinned in the profile
    GpfSettings().save()
    assert not [key for key in QgsSettings().allKeys() if key.startswith(PREFIX) and key[len(PREFIX):] in
                KEYS.values()]


def test_unreadable_stored_values_fall_back_to_defaults(clean_settings) -> None:
    QgsSettings().setValue(PREFIX + KEYS["refresh_interval_hours"], "souvent")
    QgsSettings().setValue(PREFIX + KEYS["log_level"], "bavard")
    settings = GpfSettings.load()
    assert settings.refresh_interval_hours == 24
    assert settings.log_level == "info"


def test_environment_wins_and_is_never_saved(clean_settings) -> None:
    GpfSettings(refresh_interval_hours=12, redirect_on_load=True).save()
    env = {
        "GPF_BASCULE_REDIRECT_ON_LOAD": "0",
        "GPF_BASCULE_REFRESH_INTERVAL_HOURS": "168",
        "GPF_BASCULE_WMTS_URL": "https://miroir.example.fr/wmts",
        "GPF_BASCULE_LOG_LEVEL": "bavard",  # refused: the stored value stays, the refusal is noted
    }
    settings = GpfSettings.load(env)
    assert settings.redirect_on_load is False
    assert settings.refresh_interval_hours == 168
    assert settings.sources()["wmts"] == "https://miroir.example.fr/wmts"
    assert settings.overridden == {
        "redirect_on_load": "GPF_BASCULE_REDIRECT_ON_LOAD",
        "refresh_interval_hours": "GPF_BASCULE_REFRESH_INTERVAL_HOURS",
        "wmts_url": "GPF_BASCULE_WMTS_URL",
    }
    assert settings.log_level == "info" and "GPF_BASCULE_LOG_LEVEL" in settings.rejected
    settings.with_values(log_level="warning", refresh_interval_hours=1).save()
    stored = GpfSettings.load({})
    assert stored.refresh_interval_hours == 12  # the variable's 168 was not written, nor the edit of a fixed field
    assert stored.redirect_on_load is True
    assert stored.wmts_url == GpfSettings().wmts_url
    assert stored.log_level == "warning"


def test_every_setting_has_its_variable() -> None:
    assert env_name("wms_v_url") == "GPF_BASCULE_WMS_V_URL"
    for name in KEYS:
        settings = GpfSettings.load({env_name(name): {"refresh_interval_hours": "2", "redirect_on_load": "non",
                                                      "log_level": "debug", "network_authcfg": "xyz9876",
                                                      "show_test_layers": "oui"}
                                     .get(name, "https://ex.example/")}, qsettings=_Empty())
        assert name in settings.overridden, name


class _Empty:
    def value(self, key, default=None):  # noqa: ANN001, ANN201
        return default


def test_refresh_reads_interval_sources_and_authcfg(clean_settings, monkeypatch, tmp_path) -> None:
    now = datetime.now(timezone.utc)
    QgsSettings().setValue(refresh.SETTINGS_LAST_REFRESH, (now - timedelta(hours=30)).isoformat())
    try:
        assert refresh.refresh_due(now)  # 30 h > the default 24 h
        monkeypatch.setenv("GPF_BASCULE_REFRESH_INTERVAL_HOURS", "168")
        assert not refresh.refresh_due(now)
        monkeypatch.delenv("GPF_BASCULE_REFRESH_INTERVAL_HOURS")
        GpfSettings(refresh_interval_hours=48).save()
        assert not refresh.refresh_due(now)
    finally:
        QgsSettings().remove(refresh.SETTINGS_LAST_REFRESH)
    monkeypatch.setenv("GPF_BASCULE_WFS_URL", "https://miroir.example.fr/wfs")
    monkeypatch.setenv("GPF_BASCULE_NETWORK_AUTHCFG", "abc1234")
    task = refresh.RefreshTask(None, tmp_path, previous=refresh.Catalog(layers=()))
    try:
        assert task.sources["wfs"] == "https://miroir.example.fr/wfs"
        assert task.sources["wmts"] == GpfSettings().wmts_url
        assert task.authcfg == "abc1234"
    finally:  # the task never runs: give back the User-Agent pre-processor it holds
        refresh._release_user_agent()  # noqa: SLF001
        task._holding = False  # noqa: SLF001


def test_redirect_reads_the_setting_and_the_variable(clean_settings, monkeypatch) -> None:
    assert load_redirect.redirect_enabled()
    load_redirect.set_redirect_enabled(False)
    assert not load_redirect.redirect_enabled()
    assert not GpfSettings.load().redirect_on_load
    load_redirect.set_redirect_enabled(True)
    monkeypatch.setenv("GPF_BASCULE_REDIRECT_ON_LOAD", "off")
    assert not load_redirect.redirect_enabled()
