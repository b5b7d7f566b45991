"""A Lizmap configuration (`<project>.qgs.cfg`, JSON written by the Lizmap plugin beside a QGIS project).

Two things in it name IGN services:

- `layers.<name>.externalAccess`: a copy of a WMS/WMTS/XYZ layer's data source, as the decoded parameters of its
  QGIS provider URI (`url`, `layers`, `styles`, `format`, `crs`, `tileMatrixSet`, `dpiMode`…), which Lizmap Web
  Client uses to ask the service directly. It is rebuilt into the provider URI, given to the engine (the same rules
  as the project's layer), and the parameters that changed are written back: the copy follows its layer.
- `options.ignStreets` / `ignSatellite` / `ignCadastral` / `ignTerrain` (+ `ignKey`): base layers that Lizmap Web
  Client builds itself; the .cfg holds only the flags, so nothing is rewritten, but each flag set is reported with
  what Lizmap now does with it. Evidence: 3liz/lizmap-web-client, assets/src/modules/config/BaseLayer.js
  (defaultCompleteBaseLayersCfg and optionsProperties): ignStreets → `ign-plan` (data.geopf.fr/wmts,
  GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2), ignSatellite → `ign-photo` (ORTHOIMAGERY.ORTHOPHOTOS), ignCadastral →
  `ign-cadastral` (CADASTRALPARCELS.PARCELLAIRE_EXPRESS), all without a key; ignTerrain → `ign-scan`
  (GEOGRAPHICALGRIDSYSTEMS.MAPS at data.geopf.fr/private/wmts?apikey={ignKey}); the switch of these URLs to the
  Géoplateforme is pull request 3liz/lizmap-web-client#3946, backported to 3.7 as #3974 (November 2023).

The file is written back in the layout it was read in when re-serialising it reproduces it exactly, line ends aside
(the Lizmap plugin writes `json.dumps(…, indent=4)`; a CRLF file stays CRLF); otherwise only the changed string
values are replaced, each at the offsets a JSON scan finds for it inside its own layer's `externalAccess` (never a
search in the whole text: another layer may hold the same key and value).
"""

from __future__ import annotations

import json

from .connections import decode_params, encode_param
from .messages import msg
from .outcome import InputError, Migrator, Rewrite, SourceOutcome
from .result import MIGRATED, NEEDS_KEY, UNCHANGED

CFG_SUFFIX = ".qgs.cfg"
#: Lizmap's IGN base-layer flags: what Lizmap Web Client (3.7 and later) builds from each (see the docstring).
FREE_BASE_LAYERS = {
    "ignStreets": "ign-plan (GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2)",
    "ignSatellite": "ign-photo (ORTHOIMAGERY.ORTHOPHOTOS)",
    "ignCadastral": "ign-cadastral (CADASTRALPARCELS.PARCELLAIRE_EXPRESS)",
}
KEYED_BASE_LAYER = "ignTerrain"


def _true(value) -> bool:
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")


def external_source(access: dict) -> tuple[str, str] | None:
    """The provider and QGIS data source an `externalAccess` copy stands for (None when it has no url)."""
    if not isinstance(access.get("url"), str) or not access["url"]:
        return None
    params = {key: str(value) for key, value in access.items() if isinstance(value, (str, int, float))}
    # QGIS writes a wms/xyz provider URI with its parameters sorted by name (QgsDataSourceUri::encodedUri)
    return "wms", "&".join(f"{key}={encode_param(params[key])}" for key in sorted(params))


def flag_outcomes(options: dict) -> list[SourceOutcome]:
    """One report row per IGN base-layer flag that is on (the values of ignKey never appear)."""
    rows = []
    for flag, layer in FREE_BASE_LAYERS.items():
        if _true(options.get(flag)):
            rows.append(SourceOutcome(
                id=f"options.{flag}", name=flag, provider="lizmap", status=UNCHANGED, old_source=flag,
                new_source=flag, reason=msg(
                    "fond de plan Lizmap {layer} : Lizmap Web Client 3.7 et suivants le construisent sur "
                    "data.geopf.fr sans clé (3liz/lizmap-web-client#3974) ; rien à changer dans le .cfg, mais une "
                    "version plus ancienne de Lizmap appelle encore wxs.ign.fr : mettez Lizmap Web Client à jour",
                    layer=layer)))
    if _true(options.get(KEYED_BASE_LAYER)):
        has_key = bool(str(options.get("ignKey") or "").strip())
        rows.append(SourceOutcome(
            id=f"options.{KEYED_BASE_LAYER}", name=KEYED_BASE_LAYER, provider="lizmap", status=NEEDS_KEY,
            old_source=KEYED_BASE_LAYER, new_source=KEYED_BASE_LAYER, reason=msg(
                "fond de plan Lizmap ign-scan (GEOGRAPHICALGRIDSYSTEMS.MAPS, données sous licence) : Lizmap Web "
                "Client 3.7 et suivants l'appellent sur data.geopf.fr/private/wmts avec ignKey ; une ancienne clé "
                "Géoportail n'y vaut rien : mettez dans ignKey une clé Géoplateforme (cartes.gouv.fr) ({state})",
                state=msg("une clé est renseignée, à vérifier") if has_key else msg("aucune clé renseignée"))))
    return rows


def rewrite_lizmap_cfg(data: bytes, migrate: Migrator) -> Rewrite:
    """The configuration with its `externalAccess` copies migrated and its IGN base-layer flags reported."""
    try:
        text = data.decode("utf-8-sig")
        document = json.loads(text)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise InputError(msg("configuration Lizmap illisible (JSON attendu : {detail})",
                             detail=str(exc) or type(exc).__name__)) from None
    if not isinstance(document, dict):
        raise InputError(msg("configuration Lizmap illisible (objet JSON attendu)"))
    outcomes: list[SourceOutcome] = []
    changes: list[tuple[str, str, str]] = []  # (layer name, externalAccess key, new value) of changed strings
    layers = document.get("layers")
    for name, layer in (layers.items() if isinstance(layers, dict) else ()):
        access = layer.get("externalAccess") if isinstance(layer, dict) else None
        if not isinstance(access, dict):
            continue
        found = external_source(access)
        if found is None:
            continue
        provider, source = found
        migration = migrate(provider, source)
        outcomes.append(SourceOutcome.from_migration(
            f"layers.{name}.externalAccess", str(layer.get("title") or name), provider, migration))
        if migration.status not in (MIGRATED, NEEDS_KEY) or migration.new_source == source:
            continue
        new = decode_params(migration.new_source)
        for key in list(access):
            if not isinstance(access[key], str):
                continue
            value = new.get(key, "")  # a key the new source lacks: a credential the free service does not take
            if value != access[key]:
                changes.append((name, key, value))
                access[key] = value
    options = document.get("options")
    outcomes.extend(flag_outcomes(options if isinstance(options, dict) else {}))
    if not changes:
        return Rewrite(data, False, outcomes)
    out = _serialise(text, document, changes)
    return Rewrite((b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b"") + out.encode("utf-8"), True, outcomes)


def _serialise(text: str, document: dict, changes: list[tuple[str, str, str]]) -> str:
    """The new document in the layout of the old one (see the module docstring): the file the Lizmap plugin wrote
    (json.dumps, whatever its line ends) is written again the same way; any other layout keeps every byte but the
    changed values, each found at its own place (that layer's `externalAccess`), never by a search in the text."""
    crlf = "\r\n" in text
    plain = text.replace("\r\n", "\n")
    original = json.loads(text)
    for indent in (4, 2, "\t", None):
        for ascii_only in (True, False):
            dumped = json.dumps(original, indent=indent, ensure_ascii=ascii_only)
            if plain.rstrip("\n") == dumped:
                out = json.dumps(document, indent=indent, ensure_ascii=ascii_only) + plain[len(dumped):]
                return out.replace("\n", "\r\n") if crlf else out  # JSON strings hold no raw line end
    ascii_only = text.isascii()
    layers = _members(text, _members(text, _start(text, 0))["layers"][0])
    accesses: dict[str, dict[str, tuple[int, int]]] = {}
    spans = []
    for name, key, value in changes:
        if name not in accesses:
            accesses[name] = _members(text, _members(text, layers[name][0])["externalAccess"][0])
        spans.append((*accesses[name][key], json.dumps(value, ensure_ascii=ascii_only)))
    for start, end, token in sorted(spans, reverse=True):
        text = text[:start] + token + text[end:]
    if json.loads(text) != document:  # never expected: the scanner reads as json does; checked all the same
        raise InputError(msg("configuration Lizmap : mise en page non reconnue, rien n'a été modifié"))
    return text


_DECODER = json.JSONDecoder()
_SPACE = " \t\n\r"  # JSON's whitespace


def _start(text: str, index: int) -> int:
    while index < len(text) and text[index] in _SPACE:
        index += 1
    return index


def _members(text: str, start: int) -> dict[str, tuple[int, int]]:
    """The members of the JSON object at `start` (its '{'): each key (decoded; the last one wins, as in json) with
    the start and end offsets of its value in `text`."""
    if text[start:start + 1] != "{":
        raise ValueError(f"JSON object expected at {start}")
    members: dict[str, tuple[int, int]] = {}
    index = _start(text, start + 1)
    if text[index:index + 1] == "}":
        return members
    while True:
        if text[index:index + 1] != '"':
            raise ValueError(f"JSON key expected at {index}")
        key, index = json.decoder.scanstring(text, index + 1)
        index = _start(text, index)
        if text[index:index + 1] != ":":
            raise ValueError(f"':' expected at {index}")
        value_start = _start(text, index + 1)
        _value, value_end = _DECODER.raw_decode(text, value_start)
        members[key] = (value_start, value_end)
        index = _start(text, value_end)
        if text[index:index + 1] == "}":
            return members
        if text[index:index + 1] != ",":
            raise ValueError(f"',' expected at {index}")
        index = _start(text, index + 1)
