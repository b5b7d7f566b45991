"""Retry a failed catalogue refresh in the same QGIS session, on catalog/schedule.py's back-off.

Without it a refresh that failed at start-up (no network yet, a proxy not set) waits for the next time the dock
is shown, or the next session. Here a failed refresh arms a single-shot timer for the moment `schedule` gives
(15 min, then 1 h, then 4 h, never later than the refresh interval); when it fires, the refresh runs again if it
is still due, and a new failure arms the next step. A success stops the retries (the interval takes over).

The refresh itself stays bascule/catalog_refresh.py's: this object only watches a task's `outcome` signal and starts
`refresh_if_due` on time. plugin.py owns one instance (`watch` the task it starts, `stop` at unload).
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Callable

from qgis.PyQt.QtCore import QObject, QTimer

from .. import log
from ..i18n import tr

#: QTimer takes a signed 32-bit count of milliseconds: longer waits are cut to this, then checked again.
MAX_WAIT_MS = 2**31 - 1


class RefreshRetry(QObject):
    """One pending retry at most; `delay_ms()` says when it fires (tests and the Options page may ask)."""

    def __init__(self, iface: Any = None, start: Callable[[], Any] | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.iface = iface
        self._start = start  # tests inject a fake; default: bascule.catalog_refresh.refresh_if_due(iface)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._fire)
        self._watched: Any = None

    def watch(self, task: Any) -> None:
        """Follow a refresh task (None: nothing was started): its failure arms the next try."""
        if task is None or task is self._watched:
            return
        self._watched = task
        task.outcome.connect(self._outcome)

    def _outcome(self, succeeded: bool, _reason: str = "") -> None:
        self._watched = None
        if succeeded:
            self.timer.stop()
        else:
            self.arm()

    def arm(self, now: datetime | None = None) -> int | None:
        """Schedule the next try after the recorded failures; returns the wait in ms (None: no failure, no try)."""
        from ..catalog import schedule
        from ..settings import GpfSettings

        record = GpfSettings.load_refresh_record()
        if record.failures <= 0:
            self.timer.stop()
            return None
        now = now or datetime.now(timezone.utc)
        interval = GpfSettings.load().refresh_interval
        when = schedule.next_refresh(record.last_success, record.last_attempt, record.failures, interval)
        wait = 0 if when is None else (when - now).total_seconds()
        wait_ms = int(min(max(wait * 1000, 1000), MAX_WAIT_MS))
        self.timer.start(wait_ms)
        log.debug(tr("catalogue : nouvel essai de mise à jour dans {minutes} min (échec n° {failures})").format(
            minutes=round(wait_ms / 60000), failures=record.failures))
        return wait_ms

    def delay_ms(self) -> int:
        """Milliseconds before the pending try (-1: none pending)."""
        return self.timer.remainingTime() if self.timer.isActive() else -1

    def _fire(self) -> None:
        if self._start is not None:
            task = self._start()
        else:
            from ..bascule.catalog_refresh import refresh_if_due

            task = refresh_if_due(self.iface)
        if task is None:  # not due yet (a long wait was cut to what QTimer takes): look again
            self.arm()
        else:
            self.watch(task)

    def stop(self) -> None:
        """Plugin unload: no retry after the plugin is gone."""
        self.timer.stop()
        task, self._watched = self._watched, None
        if task is not None:
            try:
                task.outcome.disconnect(self._outcome)
            except (TypeError, RuntimeError):  # already gone with its C++ task
                log.debug(tr("catalogue : tâche de mise à jour déjà terminée"))

    def unregister(self) -> None:
        """plugin.py's unload loop calls every registration's unregister()."""
        self.stop()
