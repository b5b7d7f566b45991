"""Successors proposed for withdrawn layers: never applied unless the user says so.

Some old layers have no GPF layer of the same name, but an obvious successor (Plan IGN v1 → Plan IGN v2, the
ortho-express 2022 → the current orthophotos…). Moving a layer to its successor changes what the map shows
(another style, date or scale), so the engine alone never does it: `with_replacements` wraps the engine's
Migrator and, for a source the engine leaves unmapped, attaches a `Replacement` proposal built from the rules of
`mapping/registry/replacements.csv` (each with its evidence and what changes). The source itself is untouched
unless `accept=True` (the command line's `--accept-replacements`, Processing's parameter, the layers the user
ticked in the dialog).

How a proposal is built: the old layer names in the old source are swapped for their successors and the result
goes through the engine like any old source, so the proposed source gets the same care (new address, key and
credentials dropped, TileMatrixSet, style and format checked against the GPF capabilities, warnings).

The same wrapper warns about IGN's two-layer limit (mapping/layer_limit.py) on the sources it lets through.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote, unquote

from .engine import MSG_NEEDS_KEY, provider_syntax
from .layer_limit import LIMITED_SERVICES, MAX_LAYERS, layer_names, limit_warning, service_of
from .messages import Message, msg, registry_message
from .outcome import Migrator
from .provider_uri import DataSourceUri, EncodedUri, is_url
from .registry import REGISTRY_DIR
from .result import MIGRATED, NEEDS_KEY, UNCHANGED, UNMAPPED, Migration, Replacement

REPLACEMENTS_FILE = "replacements.csv"
APPLIED = (MIGRATED, NEEDS_KEY)


@dataclass(frozen=True)
class ReplacementRule:
    """One row of replacements.csv: an old layer and the GPF layer proposed in its place."""

    old_service: str
    old_layer: str
    new_service: str
    new_layer: str
    title: str
    changes: str
    evidence: str


@lru_cache(maxsize=4)
def load_replacement_rules(directory: Path = REGISTRY_DIR) -> dict[tuple[str, str], ReplacementRule]:
    """The rules by (old service, old layer name); read once per process."""
    with (Path(directory) / REPLACEMENTS_FILE).open(encoding="utf-8", newline="") as handle:
        return {
            (row["old_service"], row["old_layer"]): ReplacementRule(
                row["old_service"], row["old_layer"], row["new_service"], row["new_layer"], row["title"],
                row["changes"], row["evidence"],
            )
            for row in csv.DictReader(handle)
        }


def replaced_message(replacement: Replacement) -> Message:
    """The warning an applied replacement carries (the report and the dialog show it on the layer)."""
    return msg(
        "couche remplacée à votre demande : {old} → {new} ({title}) ; {changes}",
        old=replacement.old_layer, new=replacement.layer, title=replacement.title, changes=replacement.changes,
    )


def accept_replacement(migration: Migration) -> Migration:
    """The migration with its proposal applied (the same migration when it has none or it is already applied)."""
    replacement = migration.replacement
    if replacement is None or migration.replaced:
        return migration
    return replace(
        migration,
        new_source=replacement.new_source,
        status=NEEDS_KEY if replacement.needs_key else MIGRATED,
        reason=MSG_NEEDS_KEY if replacement.needs_key else "",
        warnings=(replaced_message(replacement), *replacement.warnings),
        service=replacement.service,
        layer=replacement.layer,
    )


def with_replacements(migrate: Migrator, *, accept: bool = False, directory: Path | None = None) -> Migrator:
    """The engine plus the successors' proposals (applied with `accept`) and the two-layer-limit warning.

    Wrapping an already wrapped migrator is harmless: a proposal found below is kept, not looked for again.
    """
    rules = load_replacement_rules(directory or REGISTRY_DIR)

    def migrate_with_replacements(provider: str, source: str) -> Migration:
        migration = migrate(provider, source)
        if migration.replacement is None and migration.status == UNMAPPED:
            proposal = propose(migration, migrate, rules)
            if proposal is not None:
                migration = replace(migration, replacement=proposal)
        if accept:
            migration = accept_replacement(migration)
        return with_limit_warning(migration)

    return migrate_with_replacements


def with_limit_warning(migration: Migration) -> Migration:
    """The migration with IGN's two-layer-limit warning when its new source names too many layers: a migrated
    source, or one already on data.geopf.fr (unchanged)."""
    if migration.status in APPLIED:
        service = migration.service
    elif migration.status == UNCHANGED:
        service = service_of(migration.provider, migration.new_source)
    else:
        return migration
    if service not in LIMITED_SERVICES:
        return migration
    count = len(layer_names(migration.provider, migration.new_source))
    if count <= MAX_LAYERS:
        return migration
    warning = limit_warning(count, service)
    if warning in migration.warnings:
        return migration
    return replace(migration, warnings=(*migration.warnings, warning))


Rules = dict[tuple[str, str], ReplacementRule]


def propose(migration: Migration, migrate: Migrator, rules: Rules) -> Replacement | None:
    """The successor of an unmapped source, if the registry has one for its layer(s) and the engine takes it."""
    provider, source = migration.provider, migration.old_source
    names = layer_names(provider, source) or [name for name in migration.layer.split(",") if name]
    found = [rules.get((migration.service, name)) for name in names]
    used = {rule.old_layer: rule for rule in found if rule is not None}
    if not used:
        return None
    substituted = substitute_layers(provider, source, {old: rule.new_layer for old, rule in used.items()})
    if substituted is None:
        return None
    proposed = migrate(provider, substituted)
    if proposed.status not in APPLIED or proposed.new_source == source:
        return None
    proposed = with_limit_warning(proposed)
    chosen = list(dict.fromkeys(used.values()))
    return Replacement(
        old_layer=",".join(used),
        layer=proposed.layer,
        service=proposed.service,
        title=_joined([registry_message(rule.title) for rule in chosen]),
        changes=_joined([registry_message(rule.changes) for rule in chosen]),
        evidence=" ; ".join(rule.evidence for rule in chosen),
        new_source=proposed.new_source,
        warnings=tuple(proposed.warnings),
        needs_key=proposed.status == NEEDS_KEY,
    )


def _joined(messages: list[Message]) -> Message:
    joined = messages[0]
    for message in messages[1:]:
        joined = msg("{first} ; {second}", first=joined, second=message)
    return joined


# --- the old names swapped for their successors, in each provider's syntax ------------------------------------

_GDAL_LAYER_OPTION = re.compile(r"(?i)(,layer=)([^,]*)")
_GDAL_LAYER_ELEMENT = re.compile(r"(<Layer>)([^<]*)(</Layer>)")
_URL_LAYER = re.compile(r"(?i)((?:^|[?&])(?:layers?|typenames?)=)([^&#]*)")
_QUERY_SAFE = "/:?@!$'()*,;~-._"


def substitute_layers(provider: str, source: str, names: dict[str, str]) -> str | None:
    """`source` naming `names[old]` instead of each old layer (None when its syntax is not one we can edit)."""
    syntax = provider_syntax(provider)
    if syntax == "wms":
        if is_url(source):
            return _substitute_url(source, names)
        uri = EncodedUri(source)
        if uri.get("type") == "xyz":
            url = uri.get("url") or ""
            new_url = _substitute_url(url, names)
            if new_url is None:
                return None
            uri.set("url", new_url)
            return str(uri)
        old = uri.get_all("layers")
        new = [",".join(names.get(name, name) for name in value.split(",")) for value in old]
        if new == old:
            return None
        uri.set_all("layers", new)
        return str(uri)
    if syntax == "wfs":
        if is_url(source):
            return _substitute_url(source, names)
        uri = DataSourceUri(source)
        old_name = uri.get("typename") if uri.parsed else None
        if not old_name:
            return None
        new_name = ",".join(names.get(name, name) for name in old_name.split(","))
        if new_name == old_name:
            return None
        uri.set("typename", new_name)
        return str(uri)
    if syntax == "gdal":
        pattern = _GDAL_LAYER_ELEMENT if source.lstrip().startswith("<") else _GDAL_LAYER_OPTION
        new_source = pattern.sub(lambda found: found.group(1) + names.get(found.group(2), found.group(2))
                                 + (found.group(3) if found.lastindex == 3 else ""), source)
        return new_source if new_source != source else None
    return None


def _substitute_url(url: str, names: dict[str, str]) -> str | None:
    """A URL whose LAYER(S)/TYPENAME(S) parameter names the successors."""

    def swap(found: re.Match) -> str:
        value = unquote(found.group(2))
        new = ",".join(names.get(name, name) for name in value.split(","))
        return found.group(1) + (found.group(2) if new == value else quote(new, safe=_QUERY_SAFE))

    new_url = _URL_LAYER.sub(swap, url)
    return new_url if new_url != url else None
