"""The plugin's translation helpers: its UI strings (`tr`) and the engine's sentences (`tr_message`).

Source strings are French; QGIS loads resources/i18n/gpf_bascule_<locale>.qm at start (plugin.py), and every
string goes through the one context "GpfBascule" (tools/i18n.py extracts them into the .ts files).
"""

from __future__ import annotations

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale

from .mapping.messages import translate_text

CONTEXT = "GpfBascule"


def tr(message: str) -> str:
    """Translate a UI string written in French."""
    return QCoreApplication.translate(CONTEXT, message)


def tr_message(value: object) -> str:
    """An engine reason, warning or error (a mapping.messages.Message) in the user's language; other text as is."""
    return translate_text(value, tr)


def user_language() -> str:
    """The two-letter language QGIS runs in (its own setting wins over the system's)."""
    override = QgsSettings().value("locale/overrideFlag", False, type=bool)
    locale = QgsSettings().value("locale/userLocale", "", type=str) if override else ""
    return (locale or QLocale.system().name())[:2]


def report_language() -> str:
    """The language of an HTML report (its `<html lang>`): QGIS's when the plugin's translation covers the
    report (its title is translated), French otherwise, since the report's French texts are then kept."""
    from .mapping.report import REPORT_TITLE

    language = user_language().lower() or "fr"
    return language if tr_message(REPORT_TITLE) != REPORT_TITLE else "fr"
