"""The automatic refresh's schedule: the interval after a success, a back-off after failures, reset on success."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from gpf_bascule.catalog.schedule import next_refresh, refresh_due, retry_delay

DAY = timedelta(hours=24)
NOW = datetime(2026, 12, 1, 12, 0, tzinfo=timezone.utc)


def test_never_refreshed_is_due_at_once() -> None:
    assert next_refresh(None, None, 0, DAY) is None
    assert refresh_due(NOW, None, None, 0, DAY)


def test_after_a_success_the_whole_interval() -> None:
    done = NOW - timedelta(hours=2)
    assert next_refresh(done, done, 0, DAY) == done + DAY
    assert not refresh_due(NOW, done, done, 0, DAY)
    assert refresh_due(done + DAY, done, done, 0, DAY)


def test_a_failure_retries_sooner_with_a_growing_back_off() -> None:
    assert [retry_delay(n, DAY) for n in (1, 2, 3, 4, 10)] == [
        timedelta(minutes=15), timedelta(hours=1), timedelta(hours=4), timedelta(hours=4), timedelta(hours=4)]
    success = NOW - timedelta(days=3)
    failed = NOW - timedelta(minutes=20)
    assert refresh_due(NOW, success, failed, 1, DAY)  # 20 min > 15 min
    assert not refresh_due(NOW, success, failed, 2, DAY)  # the second failure waits an hour
    assert next_refresh(success, failed, 2, DAY) == failed + timedelta(hours=1)
    assert next_refresh(success, failed, 3, DAY) == failed + timedelta(hours=4)


def test_the_back_off_never_exceeds_the_interval() -> None:
    hour = timedelta(hours=1)
    assert retry_delay(3, hour) == hour
    assert retry_delay(0, hour) == hour
    failed = NOW - timedelta(minutes=61)
    assert refresh_due(NOW, None, failed, 5, hour)


def test_a_success_resets_the_back_off() -> None:
    done = NOW - timedelta(hours=5)
    assert not refresh_due(NOW, done, done, 0, DAY)  # 5 h after a success: not due, the 4 h step is forgotten


def test_a_clock_set_back_makes_it_due() -> None:
    future = NOW + timedelta(days=2)
    assert refresh_due(NOW, future, future, 0, DAY)
    assert refresh_due(NOW, None, future, 2, DAY)
    assert refresh_due(NOW, None, None, 3, DAY)  # failures but no date: due
