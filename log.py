"""The plugin's one way to the QGIS log panel: the "GPF Bascule" tab, filtered by the `log_level` setting.

    from ..log import debug, info, warning, critical, log
    info(tr("Couche ajoutée : {title}").format(title=...))
    debug("load redirect: layer ids ...")          # shown only when the level is "debug"
    log(text, Qgis.MessageLevel.Warning)            # a QGIS level is accepted too

A message is written when its level is at or above the configured one (GpfSettings.log_level, which the Options
page edits and GPF_BASCULE_LOG_LEVEL overrides): debug < info (and success) < warning < critical. Critical
messages are always written. Debug messages go out as QGIS "Info" lines prefixed with "[debug]".

The level is read once and cached, because logging happens in hot paths (the load-time pre-processor, worker
threads); `reload()` reads it again (the Options page calls it on apply, so a new level applies at once).

Nothing here ever raises: a failure to log must not break a bascule. Callers redact what they log
(mapping.redact); every written message is passed through `redact` once more all the same, so that no personal
key or credential can reach the panel through a forgotten call.
"""

from __future__ import annotations

import logging
from typing import Any

TAG = "GPF Bascule"
DEBUG = "debug"
INFO = "info"
SUCCESS = "success"  # an info-rank message that QGIS shows as a success
WARNING = "warning"
CRITICAL = "critical"
DEFAULT_LEVEL = INFO
DEBUG_PREFIX = "[debug] "

_RANK = {DEBUG: 10, INFO: 20, SUCCESS: 20, WARNING: 30, CRITICAL: 40}
_QGIS_NAME = {DEBUG: "Info", INFO: "Info", SUCCESS: "Success", WARNING: "Warning", CRITICAL: "Critical"}

try:  # the mapping and the CLI run without QGIS: then the messages go to Python's logging
    from qgis.core import Qgis, QgsMessageLog
except ImportError:  # pragma: no cover (the QGIS tests always have it)
    Qgis = None  # type: ignore[assignment]
    QgsMessageLog = None  # type: ignore[assignment]

_configured: str | None = None  # the cached setting (None: not read yet)
_from_qgis: dict[Any, str] | None = None


def _read_level() -> str:
    try:
        from .settings import GpfSettings

        level = str(GpfSettings.load().log_level).strip().lower()
    except Exception:  # noqa: BLE001 (no settings, no QGIS, a broken profile: the default level)
        return DEFAULT_LEVEL
    return level if level in _RANK else DEFAULT_LEVEL


def level() -> str:
    """The configured level (debug, info, warning), read from GpfSettings on first use and cached."""
    global _configured
    current = _configured
    if current is None:
        current = _configured = _read_level()
    return current


def invalidate() -> None:
    """Forget the cached level: the next message reads it again."""
    global _configured
    _configured = None


def reload() -> str:
    """Forget the cached level and read it again at once (settings saved, environment changed); returns it."""
    invalidate()
    return level()


def _levels() -> Any:
    """Qgis.MessageLevel (the scoped enum; the unscoped Qgis.Info aliases may go with Qt 6)."""
    return getattr(Qgis, "MessageLevel", Qgis)


def _name(level_: Any) -> str:
    """Our level name for one of ours or a Qgis.MessageLevel (anything unknown counts as info)."""
    if isinstance(level_, str):
        word = level_.strip().lower()
        return word if word in _RANK else INFO
    global _from_qgis
    table = _from_qgis
    if table is None:  # built whole, then published: a worker thread never sees it half filled
        table = {}
        if Qgis is not None:
            for qgis_name, name in (("Info", INFO), ("Success", SUCCESS), ("Warning", WARNING),
                                    ("Critical", CRITICAL), ("NoLevel", INFO)):
                value = getattr(_levels(), qgis_name, None)
                if value is not None:
                    table[value] = name
        _from_qgis = table
    try:
        return table.get(level_, INFO)
    except TypeError:  # unhashable
        return INFO


def enabled(level_: Any = DEBUG) -> bool:
    """Whether a message of this level would be written (to skip building a costly debug message)."""
    try:
        return _RANK[_name(level_)] >= _RANK.get(level(), _RANK[DEFAULT_LEVEL])
    except Exception:  # noqa: BLE001
        return False


def _redact(text: str) -> str:
    try:
        from .mapping.redact import redact
    except Exception:  # noqa: BLE001 (never without it in the plugin; no reason to lose the message)
        return text
    return redact(text)


def log(message: Any, level: Any = INFO) -> bool:
    """Write the message to the "GPF Bascule" log tab when its level is enabled; True when written. Never raises."""
    try:
        name = _name(level)
        if not enabled(name):
            return False
        text = _redact(message if isinstance(message, str) else str(message))
        if name == DEBUG:
            text = DEBUG_PREFIX + text
        if QgsMessageLog is None:
            logging.getLogger("gpf_bascule").log(logging.DEBUG if name == DEBUG else _RANK[name], text)
        else:
            QgsMessageLog.logMessage(text, TAG, getattr(_levels(), _QGIS_NAME[name]))
        return True
    except Exception:  # noqa: BLE001 (logging must never break what it reports on)
        return False


def debug(message: Any) -> bool:
    return log(message, DEBUG)


def info(message: Any) -> bool:
    return log(message, INFO)


def success(message: Any) -> bool:
    return log(message, SUCCESS)


def warning(message: Any) -> bool:
    return log(message, WARNING)


def critical(message: Any) -> bool:
    return log(message, CRITICAL)
