"""Type-ahead search over the catalogue, for the dock's filter box and the locator.

Rules (pinned by tests/unit/test_catalog_search.py):
- accents, case and punctuation do not matter: « bâti », « BATI » and « bati » are the same word, and
  `ORTHOIMAGERY.ORTHOPHOTOS` reads as « orthoimagery orthophotos »;
- every word of the query must appear, as a piece of a word (« bati » finds « bâtiments »), in the layer's
  title, technical name, themes or abstract — or in its service (wmts, wfs...) or CRS code;
- « 2154 » (or « l93 », « lambert93 ») also finds the layers offered in Lambert 93: CRS EPSG:2154, or
  LAMB93/L93 in their name;
- ranking: layers whose title or name hold every word first, then those where some words are only in the
  themes or abstract; a word that starts a title/name word counts more than one inside a word; then the
  shorter title and name (the main layer before its mosaic graphs and variants); then title.

Everything is normalised once (`SearchIndex`), so a keystroke costs one substring test per word and entry:
a few milliseconds for ~2,000 entries, in pure Python.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Sequence

from .entry import CatalogEntry

_NON_WORD = re.compile(r"[^0-9a-z]+")
_LAMBERT93 = re.compile(r"(?:^|[^a-z0-9])(?:lamb93|l93|lambert93|2154)(?:$|[^a-z0-9])")
LAMBERT93_WORDS = " 2154 l93 lamb93 lambert93 lambert 93"
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae"})  # NFKD does not split these


def normalise(text: str) -> str:
    """Lower case, no accents, words separated by single spaces (`Bâti.ÉTAT-major` → `bati etat major`)."""
    decomposed = unicodedata.normalize("NFKD", (text or "").translate(_LIGATURES))
    plain = decomposed.encode("ascii", "ignore").decode("ascii").lower()  # accents go; so does non-Latin text
    return _NON_WORD.sub(" ", plain).strip()


def query_words(query: str) -> list[str]:
    """The distinct words of a query, longest first (the rarest test fails first)."""
    words = dict.fromkeys(normalise(query).split())
    return sorted(words, key=len, reverse=True)


class SearchIndex:
    """Normalised text of every entry, built once per catalogue."""

    def __init__(self, entries: Sequence[CatalogEntry]):
        self.entries = tuple(entries)
        self._primary: list[str] = []
        self._everything: list[str] = []
        self._titles: list[str] = []
        for entry in self.entries:
            primary = " " + normalise(f"{entry.title} {entry.name}") + " "
            extra = [" ".join(entry.themes), entry.service, entry.crs, entry.abstract]
            crs = entry.crs.upper()
            if crs == "EPSG:2154" or _LAMBERT93.search(entry.name.lower()):
                extra.append(LAMBERT93_WORDS)
            self._primary.append(primary)
            self._everything.append(primary + normalise(" ".join(extra)) + " ")
            self._titles.append(normalise(entry.title))

    def __len__(self) -> int:
        return len(self.entries)

    def matching(self, query: str) -> list[int]:
        """Indexes of the entries holding every word, in catalogue order (no ranking)."""
        words = query_words(query)
        if not words:
            return list(range(len(self.entries)))
        everything = self._everything
        return [i for i, text in enumerate(everything) if all(word in text for word in words)]

    def search(self, query: str, limit: int | None = None) -> list[CatalogEntry]:
        """Matching entries, best first (see the module docstring); the whole catalogue for an empty query."""
        words = query_words(query)
        found = self.matching(query)
        if not words:
            return [self.entries[i] for i in found][:limit]
        starts = [" " + word for word in words]

        def rank(index: int) -> tuple:
            primary = self._primary[index]
            in_primary = sum(word in primary for word in words)
            at_start = sum(start in primary for start in starts)
            exact = normalise(self.entries[index].name) == " ".join(words)
            return (not exact, -(in_primary == len(words)), -in_primary, -at_start, len(primary), self._titles[index],
                    index)

        ranked = sorted(found, key=rank)
        return [self.entries[i] for i in (ranked if limit is None else ranked[:limit])]


def search(entries: Sequence[CatalogEntry], query: str, limit: int | None = None) -> list[CatalogEntry]:
    """One-off search (builds the index: keep a SearchIndex for type-ahead)."""
    return SearchIndex(entries).search(query, limit)
