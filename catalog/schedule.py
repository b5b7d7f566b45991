"""When the next automatic catalogue refresh is due: the interval after a success, a back-off after failures.

Pure (no Qt, no QGIS): bascule/catalog_refresh.py reads the record from settings and asks here. A failed refresh is an
attempt, not a success: the next try comes after 15 min, then 1 h, then 4 h (never later than the interval),
and a success brings back the full interval.
"""

from __future__ import annotations

from datetime import datetime, timedelta

BACKOFF: tuple[timedelta, ...] = (timedelta(minutes=15), timedelta(hours=1), timedelta(hours=4))


def retry_delay(failures: int, interval: timedelta) -> timedelta:
    """How long to wait after the last attempt: the interval after a success, the back-off step after failures."""
    if failures <= 0:
        return interval
    return min(BACKOFF[min(failures, len(BACKOFF)) - 1], interval)


def next_refresh(
    last_success: datetime | None, last_attempt: datetime | None, failures: int, interval: timedelta
) -> datetime | None:
    """When the next automatic refresh may start; None: at once (never tried)."""
    if failures > 0:
        base = last_attempt or last_success
    else:
        base = last_success
    if base is None:
        return None
    return base + retry_delay(failures, interval)


def refresh_due(
    now: datetime,
    last_success: datetime | None,
    last_attempt: datetime | None,
    failures: int,
    interval: timedelta,
) -> bool:
    """Whether an automatic refresh should start now (a date in the future, a clock set back, counts as due)."""
    when = next_refresh(last_success, last_attempt, failures, interval)
    if when is None:
        return True
    base = when - retry_delay(failures, interval)
    return now >= when or base > now
