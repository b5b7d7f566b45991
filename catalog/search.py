"""Type-ahead search over the catalogue, for the dock's filter box, the locator and `catalog --search`.

Rules (pinned by tests/unit/test_catalog_search.py and tests/unit/test_search_queries.py):
- accents, case and punctuation do not matter: « bâti », « BATI » and « bati » are the same word, and
  `ORTHOIMAGERY.ORTHOPHOTOS` reads as « orthoimagery orthophotos »; small French words (de, la, des…) are
  ignored and a plural finds its singular (« routes » → « route »);
- users' words (catalog/synonyms.csv, with evidence): « cadastre » also finds « parcellaire », « PCI »;
  « photo aérienne » finds the orthophotos, « fond de plan » Plan IGN, « PLU » the urbanism zoning… A query
  phrase from a synonym group is satisfied by any word of its group (a word start in the layer's text);
- every other word must appear, as a piece of a word (« bati » finds « bâtiments »), in the layer's title,
  technical name, themes, keywords or abstract — or in its service (wmts, wfs...) or in a CRS it offers;
- « 2154 » (or « l93 », « lambert93 ») also finds the layers offered in Lambert 93: a CRS EPSG:2154 among
  those the service offers, or LAMB93/L93 in their name;
- ranking: the main product a synonym group names (its `main` column: Parcellaire Express for « cadastre »)
  first, then layers whose title or name hold every word, then those where some words are only in the themes,
  keywords or abstract; a word that starts a title/name word counts more than one inside a word; derivatives
  (mosaic graphs, differential editions, previews) and test layers after; then the shorter title and name;
  then title.

Everything is normalised once (`SearchIndex`), so a keystroke costs a few substring tests per entry: a few
milliseconds for ~2,000 entries, in pure Python.
"""

from __future__ import annotations

import csv
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import Sequence

from .entry import CatalogEntry
from .text import fold
from .themes import theme_label, theme_labels

SYNONYMS = Path(__file__).resolve().parent / "synonyms.csv"
_NON_WORD = re.compile(r"[^0-9a-z]+")
_LAMBERT93 = re.compile(r"(?:^|[^a-z0-9])(?:lamb93|l93|lambert93|2154)(?:$|[^a-z0-9])")
LAMBERT93_WORDS = " 2154 l93 lamb93 lambert93 lambert 93"
STOP_WORDS = frozenset({"de", "des", "du", "d", "la", "le", "les", "l", "et", "en", "au", "aux", "a", "un", "une",
                        "pour", "sur", "dans", "par"})
# A derivative of a product: its mosaic graph, a differential edition, a preview, a quality map, a footprint
_DERIVATIVE = re.compile(r"graphe|mosaiquage|\bdiff\b|previsu|qualite|emprise|\bheatmap\b")


def normalise(text: str) -> str:
    """Lower case, no accents, words separated by single spaces (`Bâti.ÉTAT-major` → `bati etat major`)."""
    return _NON_WORD.sub(" ", fold(text)).strip()


def _singular(word: str) -> str:
    """« routes » → « route », « eaux » → « eau »: a query word in the plural also finds the singular."""
    if len(word) > 3 and word[-1] in "sx" and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def query_words(query: str) -> list[str]:
    """The distinct words of a query that must match, longest first (the rarest test fails first)."""
    words = dict.fromkeys(_singular(word) for word in normalise(query).split() if word not in STOP_WORDS)
    return sorted(words, key=len, reverse=True)


@dataclass(frozen=True)
class SynonymGroup:
    """One line of synonyms.csv: query phrases (`terms`), what else finds the same layers, the main product."""

    terms: tuple[str, ...]
    alternatives: tuple[str, ...]
    main: re.Pattern[str] | None
    evidence: str


@lru_cache(maxsize=1)
def synonym_groups() -> tuple[SynonymGroup, ...]:
    groups = []
    with SYNONYMS.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            terms = tuple(dict.fromkeys(normalise(term) for term in row["terms"].split("|") if normalise(term)))
            also = tuple(normalise(term) for term in row["also"].split("|") if normalise(term))
            main = re.compile(row["main"]) if row.get("main") else None
            groups.append(SynonymGroup(terms, tuple(dict.fromkeys(terms + also)), main, row.get("evidence", "")))
    return tuple(groups)


def _singular_text(text: str) -> str:
    return " ".join(_singular(word) for word in text.split())


@lru_cache(maxsize=1)
def _phrases() -> tuple[tuple[str, SynonymGroup], ...]:
    """Every query phrase of the groups, in the singular, longest first (« cours d eau » before « eau »)."""
    pairs = {(_singular_text(term), group) for group in synonym_groups() for term in group.terms}
    return tuple(sorted(pairs, key=lambda pair: (-len(pair[0]), pair[0])))


@dataclass(frozen=True)
class Query:
    """A query read once: groups of alternatives (any one must match) and main-product patterns."""

    needs: tuple[tuple[str, ...], ...]  # each: the alternatives, at least one must appear
    starts: tuple[tuple[str, ...], ...]  # the same with a leading space: a word start
    mains: tuple[re.Pattern[str], ...]
    words: tuple[str, ...]  # the query's own words (for ranking and exact names)
    exact: str


def _without_longer(starts: tuple[str, ...]) -> tuple[str, ...]:
    """Drop a word start that a shorter one already finds (« batiment » once « bati » is tested)."""
    return tuple(start for start in starts
                 if not any(other != start and start.startswith(other) for other in starts))


@lru_cache(maxsize=256)
def parse_query(query: str) -> Query:
    text = " " + _singular_text(normalise(query)) + " "  # « points géodésiques » is « point geodesique »
    needs: list[tuple[str, ...]] = []
    mains: list[re.Pattern[str]] = []
    for phrase, group in _phrases():
        padded = f" {phrase} "
        if padded in text:
            text = text.replace(padded, " ", 1)
            needs.append(group.alternatives)
            if group.main is not None:
                mains.append(group.main)
    for word in dict.fromkeys(word for word in text.split() if word not in STOP_WORDS):
        needs.append((word,))
    needs.sort(key=lambda alternatives: -max(len(a) for a in alternatives))
    words = tuple(query_words(query))
    # an alternative of a group matches at a word start; a short one (pci, ban, mnt) only as a whole word
    starts = tuple(_without_longer(tuple(f" {a} " if len(a) <= 3 else " " + a for a in alts)) for alts in needs)
    return Query(tuple(needs), starts, tuple(mains), words, " ".join(normalise(query).split()))


class SearchIndex:
    """Normalised text of every entry, built once per catalogue."""

    def __init__(self, entries: Sequence[CatalogEntry]):
        self.entries = tuple(entries)
        self._primary: list[str] = []
        self._everything: list[str] = []
        self._derived: list[bool] = []  # a derivative or a test layer: ranked after the main products
        self._cache: dict[str, frozenset[int]] = {}
        self._joined: str | None = None
        self._starts: list[int] = []
        labels = theme_labels()
        for entry in self.entries:
            primary = " " + normalise(f"{entry.title} {entry.name}") + " "
            crs_codes = entry.crs_options or ((entry.crs,) if entry.crs else ())
            extra = [" ".join(entry.themes), " ".join(labels.get(key) or theme_label(key) for key in entry.themes),
                     entry.service, " ".join(crs_codes), " ".join(entry.keywords), entry.abstract]
            if "EPSG:2154" in crs_codes or entry.crs.upper() == "EPSG:2154" or _LAMBERT93.search(entry.name.lower()):
                extra.append(LAMBERT93_WORDS)
            self._primary.append(primary)
            self._derived.append(entry.sandbox or _DERIVATIVE.search(primary) is not None)
            self._everything.append(primary + normalise(" ".join(extra)) + " ")

    def __len__(self) -> int:
        return len(self.entries)

    def matching(self, query: str) -> list[int]:
        """Indexes of the entries that answer the query, in catalogue order (no ranking)."""
        parsed = parse_query(query)
        if not parsed.needs:
            return list(range(len(self.entries)))
        everything = self._everything
        found: set[int] | None = None
        for alternatives, starts in zip(parsed.needs, parsed.starts):
            if len(alternatives) == 1:  # a word of the query: a piece of a word, tested on what is left
                word = alternatives[0]
                if found is None:
                    found = {i for i, text in enumerate(everything) if word in text}
                else:
                    found = {i for i in found if word in everything[i]}
            else:  # a synonym group: the union of its alternatives' entries (kept for the next keystrokes)
                union: set[int] = set()
                for start in starts:
                    union |= self._hits(start)
                found = union if found is None else found & union
            if not found:
                return []
        return sorted(found) if found is not None else []

    def _hits(self, needle: str) -> frozenset[int]:
        """Entries whose text holds `needle`: one C-level scan of all the texts joined, a jump to the next entry
        after each hit (an alternative is rare: a few entries, not one test per entry)."""
        hits = self._cache.get(needle)
        if hits is None:
            if self._joined is None:
                self._starts = list(accumulate((len(text) + 1 for text in self._everything), initial=0))
                self._joined = "\n".join(self._everything)
            joined, starts, found = self._joined, self._starts, []
            position = joined.find(needle)
            while position != -1:
                index = bisect_right(starts, position) - 1
                found.append(index)
                position = joined.find(needle, starts[index + 1])
            hits = self._cache[needle] = frozenset(found)
        return hits

    def search(self, query: str, limit: int | None = None) -> list[CatalogEntry]:
        """Matching entries, best first (see the module docstring); the whole catalogue for an empty query."""
        parsed = parse_query(query)
        found = self.matching(query)
        if not parsed.needs:
            return [self.entries[i] for i in found][:limit]

        def rank(index: int) -> tuple:  # computed for the matching entries only
            primary = self._primary[index]
            entry = self.entries[index]
            main = bool(parsed.mains) and any(pattern.search(entry.name) for pattern in parsed.mains)
            in_primary = sum(any(a in primary for a in alternatives) for alternatives in parsed.needs)
            at_start = sum(any(s in primary for s in starts) for starts in parsed.starts)
            exact = f" {parsed.exact} " in primary and normalise(entry.name) == parsed.exact
            return (not exact, not main, -(in_primary == len(parsed.needs)), self._derived[index], -in_primary,
                    -at_start, len(primary), primary, index)  # primary starts with the title

        ranked = sorted(found, key=rank)
        return [self.entries[i] for i in (ranked if limit is None else ranked[:limit])]


def search(entries: Sequence[CatalogEntry], query: str, limit: int | None = None) -> list[CatalogEntry]:
    """One-off search (builds the index: keep a SearchIndex for type-ahead)."""
    return SearchIndex(entries).search(query, limit)
