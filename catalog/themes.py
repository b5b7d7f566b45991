"""Which themes a GPF layer goes under, and which layers are tests or demos: rules kept as data (no Qt, no QGIS).

A layer's themes are decided in this order, each step only when the ones before gave no subject:
1. IGN's services list (`services.csv`, read with the capabilities): every theme it gives is kept;
2. IGN's 2025 GPF catalogue keyword of the layer (catalog/ign_catalogue.csv, column `keyword`), through the
   `keyword` rules of catalog/themes.csv;
3. the cartes.gouv.fr topic of the layer (catalog/ign_catalogue.csv, column `topic`), through the `topic` rules;
4. the `name` rules (a regular expression on the technical name), then the `title` rules (on the title).
The first rule that matches in a step gives the theme. A layer with no subject theme goes under `autres`.

The old Géoportail access keys IGN still uses as themes (lambert93, decouverte, essentiels) are not subjects:
they are kept (a user who remembers the key finds the layer there) under the label "Clé d'accès historique : …",
and the layer gets its subject from the next steps too.

Each rule has its evidence (catalog/themes.csv, `evidence`) and an example layer it must theme
(tests/unit/test_themes.py checks every rule against both). Test, demo and tutorial layers are recognised by
catalog/sandbox.csv (a publisher's keyword, or a pattern of the name), each with its evidence.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from ..mapping.messages import Message, msg
from .entry import OTHER_THEME
from .text import fold

HERE = Path(__file__).resolve().parent
THEME_RULES = HERE / "themes.csv"
SANDBOX_RULES = HERE / "sandbox.csv"
IGN_CATALOGUE = HERE / "ign_catalogue.csv"

ACCESS_KEYS = frozenset({"lambert93", "decouverte", "essentiels"})
RULE_KINDS = ("keyword", "topic", "name", "title")
SANDBOX_KINDS = ("keyword", "name", "title")


@lru_cache(maxsize=1)
def _labels() -> dict[str, Message]:
    return {
        "administratif": msg("Limites administratives"),
        "adresse": msg("Adresses"),
        "agriculture": msg("Agriculture"),
        "altimetrie": msg("Altimétrie et relief"),
        "bdfrance-topo-beta": msg("BD France Topo (bêta)"),
        "cartes": msg("Cartes"),
        "cartovecto": msg("BD CARTO (cartographie vectorielle)"),
        "clc": msg("Corine Land Cover"),
        "economie": msg("Économie"),
        "enr": msg("Énergie (renouvelables, besoins, réseaux)"),
        "environnement": msg("Environnement"),
        "foret": msg("Forêt"),
        "geodesie": msg("Géodésie"),
        "hydrographie": msg("Eau et hydrographie"),
        "mer": msg("Mer et littoral"),
        "ocsge": msg("Occupation du sol (OCS GE)"),
        "ocsge-ng": msg("OCS GE nouvelle génération"),
        "ortho": msg("Orthophotos"),
        "orthohisto": msg("Orthophotos historiques"),
        "parcellaire": msg("Parcellaire et cadastre"),
        "patrimoine": msg("Patrimoine et culture"),
        "risques": msg("Risques"),
        "satellite": msg("Images satellite"),
        "societe": msg("Société, santé et statistiques"),
        "sol": msg("Sol"),
        "topographie": msg("Topographie"),
        "transports": msg("Transports"),
        "urbanisme": msg("Urbanisme et servitudes"),
        "monde": msg("Données mondiales"),
        "lambert93": msg("Clé d'accès historique : {key}", key="Lambert 93"),
        "decouverte": msg("Clé d'accès historique : {key}", key="Découverte"),
        "essentiels": msg("Clé d'accès historique : {key}", key="Essentiels"),
        OTHER_THEME: msg("Autres"),
    }


SUBJECT_THEMES = tuple(key for key in _labels() if key not in ACCESS_KEYS and key != OTHER_THEME)


def theme_labels() -> dict[str, Message]:
    """Every known theme key → its French label (a copy: callers may add to it)."""
    return dict(_labels())


def theme_label(key: str) -> str:
    """The French label of a theme key (a Message: `translated()` gives the user's language); an unknown key
    (a theme GPF adds later) shows as itself, capitalised."""
    return _labels().get(key) or key.replace("-", " ").capitalize()


def is_subject(key: str) -> bool:
    """A theme about what the data shows (not an old access key, not `autres`)."""
    return key not in ACCESS_KEYS and key != OTHER_THEME


def theme_sort_key(key: str, label: str | None = None) -> tuple:
    """Subjects A→Z by label (accents folded), then the old access keys, then `autres`."""
    rank = 2 if key == OTHER_THEME else 1 if key in ACCESS_KEYS else 0
    return (rank, fold(label if label is not None else theme_label(key)), key)


# --- rules ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """One line of themes.csv / sandbox.csv: `pattern` is a regular expression (case ignored) searched in the
    layer's technical `name`, or in its `title`, IGN `keyword` or cartes.gouv.fr `topic` written in lower case
    without accents (`Forêt` is matched by `foret`)."""

    kind: str
    pattern: str
    theme: str
    example: str
    evidence: str

    @property
    def regex(self) -> re.Pattern[str]:
        return _compiled(self.pattern)

    def matches(self, name: str = "", title: str = "", keywords: Iterable[str] = (), topic: str = "") -> bool:
        if self.kind == "keyword":
            return any(self.regex.search(fold(word)) is not None for word in keywords)
        if self.kind == "topic":
            return self.regex.search(fold(topic)) is not None
        if self.kind == "name":
            return self.regex.search(name) is not None
        if self.kind == "title":
            return self.regex.search(fold(title)) is not None
        return False


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def _read(path: Path, kinds: tuple[str, ...], with_theme: bool) -> tuple[Rule, ...]:
    rules = []
    with path.open(encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            kind = (row.get("kind") or "").strip()
            if kind not in kinds:
                raise ValueError(f"{path.name}:{line}: type de règle inconnu « {kind} »")
            theme = (row.get("theme") or "").strip() if with_theme else "sandbox"
            rules.append(Rule(kind, row["pattern"], theme, (row.get("example") or "").strip(),
                              (row.get("evidence") or "").strip()))
    return tuple(rules)


@lru_cache(maxsize=1)
def theme_rules() -> tuple[Rule, ...]:
    return _read(THEME_RULES, RULE_KINDS, with_theme=True)


@lru_cache(maxsize=1)
def sandbox_rules() -> tuple[Rule, ...]:
    return _read(SANDBOX_RULES, SANDBOX_KINDS, with_theme=False)


@dataclass(frozen=True)
class IgnListing:
    """What IGN's own catalogues say about one layer (catalog/ign_catalogue.csv)."""

    service: str
    layer: str
    title: str
    keyword: str
    topic: str


@lru_cache(maxsize=1)
def ign_catalogue() -> dict[tuple[str, str], IgnListing]:
    with IGN_CATALOGUE.open(encoding="utf-8", newline="") as handle:
        return {(row["service"], row["layer"]): IgnListing(row["service"], row["layer"], row["title"], row["keyword"],
                                                           row["topic"]) for row in csv.DictReader(handle)}


def ign_listing(service: str, name: str) -> IgnListing | None:
    found = ign_catalogue().get((service, name))
    if found is None and service == "wms-r":  # cartes.gouv.fr lists WMS layers without saying raster or vector
        found = ign_catalogue().get(("wms-v", name))
    return found


# --- applying them -------------------------------------------------------------------------------------------


def inferred_theme(service: str, name: str, title: str = "", keywords: Iterable[str] = ()) -> tuple[str, Rule] | None:
    """The subject the rules give a layer IGN's services list does not place (steps 2–4), with the rule."""
    listing = ign_listing(service, name)
    keyword = listing.keyword if listing else ""
    topic = listing.topic if listing else ""
    title = title or (listing.title if listing else "")
    rules = theme_rules()
    for kind, arguments in (
        ("keyword", {"keywords": [keyword] if keyword else []}),
        ("topic", {"topic": topic}),
        ("name", {"name": name}),
        ("title", {"title": title}),
    ):
        for rule in rules:
            if rule.kind == kind and rule.matches(**arguments):
                return rule.theme, rule
    return None


def assign_themes(service: str, name: str, title: str = "", listed: Iterable[str] = (),
                  keywords: Iterable[str] = ()) -> tuple[str, ...]:
    """Theme keys of a layer: IGN's services-list themes (`listed`) kept, plus a subject when they have none."""
    themes = {theme for theme in listed if theme and theme != OTHER_THEME}
    if not any(is_subject(theme) for theme in themes):
        found = inferred_theme(service, name, title, keywords)
        if found is not None:
            themes.add(found[0])
    return tuple(sorted(themes)) or (OTHER_THEME,)


def sandbox_rule(name: str, title: str = "", keywords: Iterable[str] = ()) -> Rule | None:
    """The sandbox.csv rule that makes the layer a test, demo or tutorial layer, if any."""
    keywords = list(keywords)
    for rule in sandbox_rules():
        if rule.matches(name=name, title=title, keywords=keywords):
            return rule
    return None


def is_sandbox(name: str, title: str = "", keywords: Iterable[str] = ()) -> bool:
    return sandbox_rule(name, title, keywords) is not None


def sandbox_count(entries: Iterable) -> int:
    """How many entries are test, demo or tutorial layers (what the views hide by default)."""
    return sum(1 for entry in entries if getattr(entry, "sandbox", False))


def other_share(entries: Iterable) -> tuple[int, int]:
    """(layers with no subject theme, all layers): the share of `autres` the catalogue command prints."""
    total = other = 0
    for entry in entries:
        total += 1
        other += not any(is_subject(theme) for theme in entry.themes)
    return other, total
