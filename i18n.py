"""The plugin's translation helpers: its UI strings (`tr`) and the engine's sentences (`tr_message`).

Source strings are French; QGIS loads resources/i18n/gpf_bascule_<locale>.qm at start (plugin.py), and every
string goes through the one context "GpfBascule" (tools/i18n.py extracts them into the .ts files).
"""

from __future__ import annotations

from qgis.PyQt.QtCore import QCoreApplication

from .mapping.messages import translate_text

CONTEXT = "GpfBascule"


def tr(message: str) -> str:
    """Translate a UI string written in French."""
    return QCoreApplication.translate(CONTEXT, message)


def tr_message(value: object) -> str:
    """An engine reason, warning or error (a mapping.messages.Message) in the user's language; other text as is."""
    return translate_text(value, tr)
