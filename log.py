"""The plugin's one way to the QGIS log panel: the "GPF Bascule" tab, filtered by the `log_level` setting.

    from ..log import debug, info, warning, critical, log
    info(tr("Couche ajoutée : {title}").format(title=...))
    debug("load redirect: layer ids ...")          # shown only when the level is "debug"
    log(text, Qgis.MessageLevel.Warning)            # a QGIS level is accepted too
    push_message(iface, "bascule", text, Qgis.MessageLevel.Success, 10, tr("GPF Bascule"))  # the message bar

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

import contextlib
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


# -- the message bar: one item per key, replaced, never stacked; all of them gone when the project changes ----
_bar_items: dict[str, Any] = {}  # key -> the QgsMessageBarItem on the bar
_bar_watch: list[Any] = []  # the QgsProject whose cleared signal is connected (once)


def push_message(iface: Any, key: str, message: Any, level: Any = INFO, duration: int = 0,
                 title: str | None = None, more: str = "") -> Any:
    """Show `message` (a text, or a widget from bar.createMessage) in QGIS's message bar; returns the item or None.

    The plugin's earlier item with the same `key` goes first: a new report replaces the last one instead of
    waiting under it. An item with a duration leaves when that time is up even if another item covers it
    (QgsMessageBar only counts down for the item on top: a covered one would come back after the next message,
    minutes later). Every item of the plugin leaves when the project is cleared (closed, new, another read).
    `more` is what the bar's "More" button adds: the bar shows two lines at most, so a long report is pushed as
    a short `message` with the rest in `more` (see `short_and_more`).
    Never raises: a message must not break what it reports on.
    """
    try:
        bar = getattr(iface, "messageBar", lambda: None)() if iface is not None else None
        if bar is None or Qgis is None:
            return None
        from qgis.gui import QgsMessageBarItem
        from qgis.PyQt.QtCore import QTimer

        _watch_project()
        pop_message(key)
        qgis_level = getattr(_levels(), _QGIS_NAME[_name(level)]) if isinstance(level, str) else level
        if isinstance(message, QgsMessageBarItem):
            item = message
            item.setLevel(qgis_level)
            item.setDuration(duration)
            bar.pushItem(item)
        elif hasattr(message, "setParent"):  # any other widget
            item = bar.pushWidget(message, qgis_level, duration)
        else:  # through pushMessage (which a test double records); the newest item is the one on top
            title = TAG if title is None else title
            if more:
                bar.pushMessage(title, str(message), str(more), qgis_level, duration)
            else:
                bar.pushMessage(title, str(message), qgis_level, duration)
            item = bar.currentItem()
            if not isinstance(item, QgsMessageBarItem) or item.text() != str(message) or item.title() != title:
                return None
        _bar_items[key] = (bar, item)
        if duration > 0:
            QTimer.singleShot(duration * 1000 + 200, lambda: _expire(key, item))
        return item
    except Exception:  # noqa: BLE001
        return None


#: About what a message bar shows on its two lines beside a title and the "More" button, in characters.
BAR_CHARS = 140


def short_and_more(sentences: list[str], limit: int = BAR_CHARS) -> tuple[str, str]:
    """(what the bar shows, what its "More" button adds): the first sentences that fit in `limit`, then the rest
    (QGIS's "More" window shows the bar's text followed by the rest: nothing is said twice, nothing lost)."""
    sentences = [sentence for sentence in sentences if sentence]
    if not sentences:
        return "", ""
    shown = [sentences[0]]
    for sentence in sentences[1:]:
        if len(" ".join(shown)) + 1 + len(sentence) > limit:
            break
        shown.append(sentence)
    return " ".join(shown), " ".join(sentences[len(shown):])


def push_with_buttons(iface: Any, key: str, title: str, text: str,
                      buttons: list[tuple[str, str, Any]], level: Any = INFO, duration: int = 0) -> Any:
    """`push_message` of a message with buttons, each (label, objectName, slot); returns the item or None."""
    bar = getattr(iface, "messageBar", lambda: None)() if iface is not None else None
    if bar is None:
        return None
    from qgis.PyQt.QtWidgets import QPushButton

    widget = bar.createMessage(title, text)
    for label, name, slot in buttons:
        button = QPushButton(label, widget)
        button.setObjectName(name)
        button.clicked.connect(slot)
        widget.layout().addWidget(button)
    return push_message(iface, key, widget, level, duration)


def pop_message(key: str) -> None:
    """Take the plugin's item with this key off the message bar (nothing when it is gone already)."""
    bar, item = _bar_items.pop(key, (None, None))
    if item is None:
        return
    from qgis.PyQt import sip

    # An item QGIS already deleted after its own countdown is simply gone: nothing to take off.
    with contextlib.suppress(RuntimeError, TypeError):
        if not sip.isdeleted(item) and not sip.isdeleted(bar) and item in bar.items():
            bar.popWidget(item)


def clear_messages(*_args: Any) -> None:
    """Take every item of the plugin off the message bar (the project was closed, or another one read)."""
    for key in list(_bar_items):
        pop_message(key)


def release_messages() -> None:
    """The plugin unloads: its items leave the bar and the project's cleared signal is let go."""
    clear_messages()
    while _bar_watch:
        project = _bar_watch.pop()
        try:
            project.cleared.disconnect(clear_messages)
        except (TypeError, RuntimeError):
            pass


def _expire(key: str, item: Any) -> None:
    entry = _bar_items.get(key)
    if entry is not None and entry[1] is item:
        pop_message(key)


def _watch_project() -> None:
    """Connect QgsProject.cleared (emitted on close, on new, and at the start of every read) once."""
    if _bar_watch:
        return
    from qgis.core import QgsProject

    project = QgsProject.instance()
    project.cleared.connect(clear_messages)
    _bar_watch.append(project)
