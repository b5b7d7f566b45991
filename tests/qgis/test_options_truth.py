"""The options page tells the truth: the catalogue's real date, the last attempt's outcome, a failure retried sooner.

Also: "Mettre à jour maintenant" reports how its task ended, and the network authentication field is QGIS's
authentication selector.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from qgis.core import QgsSettings
from qgis.gui import QgsAuthConfigSelect
from qgis.PyQt.QtWidgets import QLabel

from gpf_bascule.bascule import catalog_refresh as refresh
from gpf_bascule.catalog.entry import Catalog
from gpf_bascule.settings import PREFIX, RECORD_KEYS, GpfSettings, RefreshRecord
from gpf_bascule.tests.qgis.test_catalog_refresh import OLD_WFS, gpf  # noqa: F401 (gpf: the fixture)
from gpf_bascule.ui.catalog_state import CatalogState
from gpf_bascule.ui.options_page import GpfOptionsPage

BUNDLED = "2025-06-25T08:00:00+00:00"


def clear_record() -> None:
    for key in RECORD_KEYS.values():
        QgsSettings().remove(PREFIX + key)


@pytest.fixture
def bundled(tmp_path, monkeypatch, clean_settings) -> CatalogState:
    """The shared catalogue is the bundled snapshot of 25/06/2025; no refresh recorded; the cache in tmp_path."""
    state = CatalogState(cached_path=tmp_path / "cache" / refresh.SNAPSHOT_NAME)
    state.set_catalog(Catalog(layers=(OLD_WFS,), generated=BUNDLED), origin="bundled")
    monkeypatch.setattr(CatalogState, "_instance", state)
    monkeypatch.setattr(refresh, "_failure_reported", False)
    monkeypatch.setattr(refresh, "_running", None)
    monkeypatch.setattr(refresh, "cache_dir", lambda: tmp_path / "cache")
    clear_record()
    yield state
    clear_record()


def label(page: GpfOptionsPage, name: str) -> str:
    return page.findChild(QLabel, f"gpf_bascule_{name}").text()


def run_refresh_now(qtbot, page: GpfOptionsPage) -> list[tuple[bool, str]]:
    ended: list[tuple[bool, str]] = []
    task = page.refresh_now()
    task.outcome.connect(lambda ok, reason: ended.append((ok, reason)))
    assert not page.refresh_button.isEnabled()
    assert "en cours" in label(page, "last_attempt")
    qtbot.waitUntil(lambda: bool(ended), timeout=60_000)
    return ended


def test_page_shows_the_catalogue_date_not_now(bundled, qtbot) -> None:
    page = GpfOptionsPage()
    qtbot.addWidget(page)
    date = label(page, "catalog_date")
    assert "25/06/2025" in date and "fourni avec l'extension" in date
    assert "aucune" in label(page, "last_attempt")
    assert page.findChild(QLabel, "gpf_bascule_last_refresh") is None  # no "Dernière mise à jour : <now>"


def test_a_failed_refresh_now_is_reported_and_retried_sooner(bundled, offline, qtbot) -> None:
    page = GpfOptionsPage()
    qtbot.addWidget(page)
    ended = run_refresh_now(qtbot, page)
    assert ended[0][0] is False and ended[0][1]
    assert page.refresh_button.isEnabled()
    attempt = label(page, "last_attempt")
    assert "échouée" in attempt and "nouvel essai" in attempt, attempt
    assert "25/06/2025" in label(page, "catalog_date")  # the catalogue in use did not change
    record = GpfSettings.load_refresh_record()
    assert record.failures == 1 and record.last_success is None and record.error
    assert refresh.last_refresh() is None  # a failure is not recorded as a refresh
    now = datetime.now(timezone.utc)
    assert not refresh.refresh_due(now)  # not at once...
    assert refresh.refresh_due(now + timedelta(minutes=16))  # ...but after 15 minutes, not 24 hours


def test_a_second_failure_waits_longer_and_a_success_resets(bundled, gpf, qtbot) -> None:  # noqa: F811
    failed = datetime.now(timezone.utc) - timedelta(minutes=30)
    GpfSettings.save_refresh_record(RefreshRecord(last_attempt=failed, failures=2, error="hors ligne"))
    assert not refresh.refresh_due()  # the second failure waits an hour
    assert refresh.refresh_due(failed + timedelta(hours=1))
    page = GpfOptionsPage()
    qtbot.addWidget(page)
    assert "échouée : hors ligne" in label(page, "last_attempt")
    ended = run_refresh_now(qtbot, page)
    assert ended == [(True, "")]
    record = GpfSettings.load_refresh_record()
    assert record.failures == 0 and record.error == "" and record.last_success is not None
    assert "réussie" in label(page, "last_attempt")
    today = datetime.now(timezone.utc).astimezone().strftime("%d/%m/%Y")
    date = label(page, "catalog_date")
    assert today in date and "Géoplateforme" in date and "25/06/2025" not in date
    assert not refresh.refresh_due(datetime.now(timezone.utc) + timedelta(hours=5))  # the full interval again


def test_network_authentication_uses_the_qgis_selector(bundled, qtbot) -> None:
    GpfSettings(network_authcfg="abc1234").save()
    page = GpfOptionsPage()
    qtbot.addWidget(page)
    selector = page.findChild(QgsAuthConfigSelect, "gpf_bascule_network_authcfg")
    assert selector is not None and selector.isEnabled()
    assert page.values()["network_authcfg"] == selector.configId()
    selector.setConfigId("")
    page.apply()
    assert GpfSettings.load().network_authcfg == ""


def test_network_authentication_fixed_by_the_environment_is_greyed(bundled, monkeypatch, qtbot) -> None:
    monkeypatch.setenv("GPF_BASCULE_NETWORK_AUTHCFG", "xyz9876")
    page = GpfOptionsPage()
    qtbot.addWidget(page)
    selector = page.findChild(QgsAuthConfigSelect, "gpf_bascule_network_authcfg")
    assert not selector.isEnabled()
    assert "GPF_BASCULE_NETWORK_AUTHCFG" in page.notes["network_authcfg"].text()
    page.apply()
    monkeypatch.delenv("GPF_BASCULE_NETWORK_AUTHCFG")
    assert GpfSettings.load().network_authcfg == ""  # the variable's value was never written
