"""The catalogue as every view shows it: one order, one grouping, built once (no Qt, no QGIS).

The dock (ui/catalog_model.py), the Browser (ui/browser.py), the locator (ui/locator.py) and Processing
(list_catalog) render this tree; none of them sorts or groups on its own, so they cannot disagree:
- layers sort by folded title (catalog.text.fold: « Érosion » with the E), then service (WMTS, WMS raster,
  WMS vecteur, WFS, TMS), then technical name;
- by theme: subject themes A→Z by label (accents folded), then the old Géoportail access keys, then "Autres"
  (catalog.themes.theme_sort_key); under each theme one group per service, in service order;
- by service: one group per service, in service order;
- test, demo and tutorial layers (`CatalogEntry.sandbox`) are left out unless asked for; `hidden` counts them.
A layer under two themes appears under each (its position in `entries` is the same).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from .entry import OTHER_THEME, SERVICES, Catalog, CatalogEntry
from .text import fold
from .themes import theme_label, theme_sort_key

BY_THEME = "theme"
BY_SERVICE = "service"
GROUPINGS = (BY_THEME, BY_SERVICE)
LAYER = "layer"


def service_rank(service: str) -> int:
    return SERVICES.index(service) if service in SERVICES else len(SERVICES)


_RANK = {service: rank for rank, service in enumerate(SERVICES)}


def entry_sort_key(entry: CatalogEntry) -> tuple:
    """The one order of layers: folded title, service, name."""
    return (fold(entry.title), _RANK.get(entry.service, len(SERVICES)), entry.name)


def sorted_entries(entries: Iterable[CatalogEntry]) -> list[CatalogEntry]:
    return sorted(entries, key=entry_sort_key)


@dataclass(frozen=True)
class Group:
    """A theme or service row: `groups` below it (a theme's services) or `layers` (positions in the tree's entries)."""

    kind: str  # BY_THEME or BY_SERVICE
    key: str
    groups: tuple[Group, ...] = ()
    layers: tuple[int, ...] = ()

    @property
    def total(self) -> int:
        """Layers below this group."""
        return len(self.layers) + sum(group.total for group in self.groups)


class CatalogTree:
    """The sorted layers of a catalogue and their groupings, computed on first use and kept.

    `label(theme_key)` gives the label themes sort by: the views pass the one they display (translated), so
    that "A→Z" holds in the user's language; the default is the French label.
    """

    def __init__(self, entries: Iterable[CatalogEntry], label: Callable[[str], str] | None = None) -> None:
        self.entries: tuple[CatalogEntry, ...] = tuple(sorted_entries(entries))
        self.sandbox = tuple(entry.sandbox for entry in self.entries)
        self.sandbox_count = sum(self.sandbox)
        self._label = label or theme_label
        self._groups: dict[tuple[str, bool], tuple[Group, ...]] = {}

    @classmethod
    def from_catalog(cls, catalog: Catalog, label: Callable[[str], str] | None = None) -> CatalogTree:
        return cls(catalog.layers, label)

    def __len__(self) -> int:
        return len(self.entries)

    def visible(self, show_sandbox: bool = False) -> list[int]:
        """Positions of the layers shown (every one, or all but the test layers)."""
        return [i for i, hidden in enumerate(self.sandbox) if show_sandbox or not hidden]

    def visible_entries(self, show_sandbox: bool = False) -> list[CatalogEntry]:
        return [self.entries[i] for i in self.visible(show_sandbox)]

    def hidden(self, show_sandbox: bool = False) -> int:
        """How many test layers are left out ("111 couches de test masquées")."""
        return 0 if show_sandbox else self.sandbox_count

    def theme_order(self, keys: Iterable[str]) -> list[str]:
        return sorted(keys, key=lambda key: theme_sort_key(key, self._label(key)))

    def groups(self, grouping: str = BY_THEME, show_sandbox: bool = False) -> tuple[Group, ...]:
        """The top-level groups of a grouping; groups with no layer shown are left out."""
        if grouping not in GROUPINGS:
            raise ValueError(f"unknown grouping: {grouping!r}")
        cache_key = (grouping, show_sandbox)
        if cache_key not in self._groups:
            self._groups[cache_key] = self._build(grouping, self.visible(show_sandbox))
        return self._groups[cache_key]

    def _build(self, grouping: str, positions: list[int]) -> tuple[Group, ...]:
        entries = self.entries
        if grouping == BY_SERVICE:
            buckets: dict[str, list[int]] = {}
            for position in positions:
                buckets.setdefault(entries[position].service, []).append(position)
            return tuple(Group(BY_SERVICE, service, layers=tuple(buckets[service]))
                         for service in sorted(buckets, key=lambda s: (service_rank(s), s)))
        themes: dict[str, dict[str, list[int]]] = {}
        for position in positions:
            entry = entries[position]
            for theme in entry.themes or (OTHER_THEME,):
                themes.setdefault(theme, {}).setdefault(entry.service, []).append(position)
        return tuple(
            Group(BY_THEME, theme, groups=tuple(
                Group(BY_SERVICE, service, layers=tuple(themes[theme][service]))
                for service in sorted(themes[theme], key=lambda s: (service_rank(s), s))
            ))
            for theme in self.theme_order(themes)
        )

    def rows(self, grouping: str = BY_THEME, show_sandbox: bool = False) -> Iterator[tuple[int, str, str]]:
        """The whole tree depth first, as (depth, kind, key): a group's key, or a layer's `service name`.

        What a view shows, row by row: the tests compare it with what the dock and the Browser display.
        """
        def walk(groups: tuple[Group, ...], depth: int) -> Iterator[tuple[int, str, str]]:
            for group in groups:
                yield depth, group.kind, group.key
                yield from walk(group.groups, depth + 1)
                for position in group.layers:
                    entry = self.entries[position]
                    yield depth + 1, LAYER, f"{entry.service} {entry.name}"

        yield from walk(self.groups(grouping, show_sandbox), 0)
