"""A failed catalogue refresh is tried again in the same session, on catalog/schedule.py's back-off."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from qgis.PyQt.QtCore import QObject, pyqtSignal

from gpf_bascule.bascule.refresh_retry import RefreshRetry
from gpf_bascule.settings import GpfSettings, RefreshRecord

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=timezone.utc)


class FakeTask(QObject):
    """What RefreshRetry uses of catalog.refresh.RefreshTask: its outcome signal."""

    outcome = pyqtSignal(bool, str)


def _record(failures: int, minutes_ago: int) -> None:
    attempt = NOW - timedelta(minutes=minutes_ago)
    GpfSettings.save_refresh_record(RefreshRecord(last_success=NOW - timedelta(days=30), last_attempt=attempt,
                                                  failures=failures, error="hors ligne"))


def test_a_failure_arms_the_backoff_step_and_a_success_stops_it(clean_settings, qtbot) -> None:
    started: list[FakeTask] = []

    def start() -> FakeTask:
        started.append(FakeTask())
        return started[-1]

    retry = RefreshRetry(start=start)
    assert retry.arm(NOW) is None and retry.delay_ms() == -1  # nothing failed: nothing to retry

    _record(failures=1, minutes_ago=5)  # first failure: next try 15 min after it, so 10 min from now
    assert retry.arm(NOW) == 10 * 60 * 1000 and retry.delay_ms() > 0
    _record(failures=2, minutes_ago=5)  # second: 1 h after it
    assert retry.arm(NOW) == 55 * 60 * 1000
    _record(failures=1, minutes_ago=60)  # overdue: at once (one second, so QGIS is not busy-looped)
    assert retry.arm(NOW) == 1000

    retry._fire()  # the timer's slot: starts the refresh and follows it
    assert len(started) == 1
    _record(failures=2, minutes_ago=0)
    started[0].outcome.emit(False, "hors ligne")  # failed again: the next step is armed
    assert retry.timer.isActive()
    retry._fire()
    started[1].outcome.emit(True, "")  # succeeded: no more retries
    assert not retry.timer.isActive() and retry.delay_ms() == -1
    retry.unregister()


def test_unload_stops_the_pending_retry(clean_settings) -> None:
    _record(failures=3, minutes_ago=1)
    retry = RefreshRetry(start=FakeTask)
    retry.watch(FakeTask())
    assert retry.arm(NOW) is not None and retry.timer.isActive()
    retry.unregister()
    assert not retry.timer.isActive() and retry._watched is None
