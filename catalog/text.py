"""The one accent folding of the plugin: what sorting, search and the theme rules compare.

« Économie », « ECONOMIE » and « economie » are the same text to a user looking for a layer, and a title starting
with « É » sorts with the E everywhere (dock, Browser, locator, Processing). Folding in one place keeps those
views agreeing; catalog.search builds its word index on top of it.
"""

from __future__ import annotations

import unicodedata

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})  # NFKD does not split these


def fold(text: str | None) -> str:
    """Lower case without accents or ligatures (`Œuvres ÉTAT-major` → `oeuvres etat-major`); punctuation stays.

    Non-Latin letters are dropped (they have no ASCII form). Cheap on ASCII text: no decomposition needed.
    """
    lowered = (text or "").casefold()
    if lowered.isascii():
        return lowered
    decomposed = unicodedata.normalize("NFKD", lowered.translate(_LIGATURES))
    return decomposed.encode("ascii", "ignore").decode("ascii")
