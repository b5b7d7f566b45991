"""The rewrite engine: one QGIS data source in, its Géoplateforme equivalent out.

Pure and idempotent: a source that names no old Géoportail host comes back byte for byte, and a
migrated source names none, so running the engine twice equals running it once. Every layer decision
comes from the registry (`mapping/registry/`); this module only knows the syntax of each provider.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape, unescape
from urllib.parse import quote, unquote

from .messages import msg, registry_message
from .provider_uri import (
    KEY_PARAMS,
    SECRET_ELEMENTS,
    DataSourceUri,
    EncodedUri,
    MalformedUrlError,
    UrlParts,
    is_qgis1_wms_text,
    is_secret_param,
    is_url,
    qgis1_wms_source,
)
from .redact import PUBLIC_KEYS
from .registry import EndpointMatch, GpfLayer, Registry, load_registry
from .result import MIGRATED, NEEDS_KEY, UNCHANGED, UNMAPPED, Migration

SERVICE_LABELS: dict[str, str] = {
    "wmts": "WMTS",
    "wms-r": msg("WMS raster"),
    "wms-v": msg("WMS vecteur"),
    "wfs": "WFS",
    "tms": msg("TMS (tuiles vectorielles)"),
    "csw": "CSW",
    "vt-resources": msg("ressources de tuiles vectorielles"),
}
CRS_ALIASES = {"IGNF:LAMB93": "EPSG:2154", "IGNF:WGS84G": "EPSG:4326", "EPSG:900913": "EPSG:3857"}
WMS_SERVICES = ("wms-r", "wms-v")
OLD_WFS_VERSIONS = ("1.0.0", "1.1.0", "1.1.1")
PRIVATE_GPF = re.compile(r"data\.geopf\.fr/private/", re.IGNORECASE)
THE_GEOM = re.compile(r"\bthe_geom\b")
#: Provider keys that read the same source syntax as a key the engine handles. QGIS 3.22 saves a vector-tile
#: layer on an XYZ/TMS template with provider `vectortile`; newer QGIS (3.40, 3.44) saves the same source with
#: `xyzvectortiles`, the provider it now picks from `type=xyz` (`type=mbtiles`/`vtpk`/`arcgis` get their own keys
#: too, but they hold local files or ArcGIS services, never a Géoportail address).
PROVIDER_SYNTAX = {"xyzvectortiles": "vectortile"}

MSG_NEEDS_KEY = msg(
    "couche sous licence (non libre) : elle est servie par data.geopf.fr/private et demande une clé "
    "personnelle cartes.gouv.fr (les anciennes clés Géoportail ne fonctionnent plus)"
)
MSG_CONNECTION_KEY = msg(
    "clé personnelle retirée : pour les couches sous licence (SCAN 25, SCAN 100, OACI), ajoutez une connexion "
    "data.geopf.fr/private avec votre clé cartes.gouv.fr"
)
#: The kinds of Géoportail keys an old address carries, each told what it really was (issue 14).
PERSONAL_KEY, SHARED_KEY, THEMATIC_KEY = "personal", "shared", "thematic"
#: The old thematic keys, which survive as GPF themes (gpf-data mapping/gpf_themes.json).
THEMATIC_KEYS = frozenset(
    """administratif adresse agriculture altimetrie bdfrance-topo-beta cartes cartovecto clc decouverte economie
    enr environnement essentiels foret geodesie lambert93 ocsge ocsge-ng ortho orthohisto parcellaire satellite
    sol topographie transports""".split()
)
#: Keys IGN published for everyone (sites, tutorials, QGIS examples): not personal, not a theme.
SHARED_KEYS = frozenset(
    "choisirgeoportail choisirinspire pratique beta cadastre corinelandcover inspire static catalogue calcul".split()
)
#: Endpoints whose path key is the shared key of a partner site (Géoportail de l'urbanisme), whatever its value.
SHARED_KEY_ENDPOINTS = ("gpu-",)
MSG_OLD_HOST_LEFT = msg(
    "adresse d'un ancien service Géoportail à un endroit de la source que la bascule ne sait pas réécrire : "
    "source laissée telle quelle, à refaire depuis le catalogue"
)
MSG_QGIS1_WMS_WITHOUT_LAYERS = msg(
    "source WMS au format de QGIS 1.x : les noms des couches sont rangés dans le projet (wmsSublayer), hors de "
    "la source ; basculez le fichier projet lui-même (ou ouvrez-le et enregistrez-le avec QGIS 3)"
)
MSG_CREDENTIALS = msg("identifiants de l'ancienne adresse retirés : inutiles et invalides sur la Géoplateforme")


class UnmappedError(Exception):
    """Raised inside the engine when a source cannot be moved: its text stays as it was."""


@dataclass
class _Context:
    """What one rewrite learns on the way: service, layer, warnings, whether a key is needed."""

    registry: Registry
    service: str = ""
    layer: str = ""
    warnings: list[str] = field(default_factory=list)
    needs_key: bool = False

    def warn(self, message: str) -> None:
        if message and message not in self.warnings:
            self.warnings.append(message)


def migrate_source(provider: str, source: str, registry: Registry | None = None) -> Migration:
    """Rewrite one data source of the given QGIS provider key (wms, WFS, vectortile; others untouched)."""
    registry = registry or load_registry()
    if not source or not registry.mentions_old_host(source):
        if source and PRIVATE_GPF.search(source) and not _has_key(source):
            return Migration(provider, source, source, NEEDS_KEY, reason=MSG_NEEDS_KEY)
        return Migration(provider, source, source, UNCHANGED)
    context = _Context(registry)
    handler = _HANDLERS.get(provider_syntax(provider))
    try:
        if handler is None:
            raise UnmappedError(msg("fournisseur « {provider} » non pris en charge : source laissée telle quelle",
                                     provider=provider))
        new_source = handler(source, context)
    except (UnmappedError, MalformedUrlError) as unmapped:
        return Migration(
            provider, source, source, UNMAPPED, reason=_reason(unmapped), warnings=tuple(context.warnings),
            service=context.service, layer=context.layer,
        )
    if new_source == source:
        # An old host that no rule moved: never `unchanged`, the user must hear that it still points there.
        return Migration(
            provider, source, source, UNMAPPED, reason=MSG_OLD_HOST_LEFT, warnings=tuple(context.warnings),
            service=context.service, layer=context.layer,
        )
    return Migration(
        provider, source, new_source, NEEDS_KEY if context.needs_key else MIGRATED,
        reason=MSG_NEEDS_KEY if context.needs_key else "", warnings=tuple(context.warnings),
        service=context.service, layer=context.layer,
    )


def provider_syntax(provider: str) -> str:
    """The provider whose source syntax a provider key uses, lower-cased (wms, wfs, vectortile, gdal, ...)."""
    key = (provider or "").lower()
    return PROVIDER_SYNTAX.get(key, key)


def _reason(error: Exception) -> str:
    """The reason an UnmappedError/MalformedUrlError carries, as the Message it was raised with."""
    return error.args[0] if error.args and isinstance(error.args[0], str) else str(error)


def _joined(reasons: list[str]) -> str:
    """Several reasons as one (a WMS source with several layers): each stays translatable."""
    joined = reasons[0]
    for reason in reasons[1:]:
        joined = msg("{first} ; {second}", first=joined, second=reason)
    return joined


def _label(service: str) -> str:
    return SERVICE_LABELS.get(service, service)


def _has_key(source: str) -> bool:
    lowered = unquote(source).lower()
    return "apikey=" in lowered or "authcfg=" in lowered


# --- layers -------------------------------------------------------------------------------------------


def _resolve(context: _Context, service: str, name: str, allowed: tuple[str, ...]) -> GpfLayer:
    """The GPF layer for an old (service, name), following the registry's rules; raise UnmappedError if none."""
    registry = context.registry
    rule = registry.rule(service, name)
    if rule is not None:
        if rule.decision == "removed":
            raise UnmappedError(registry_message(rule.reason) if rule.reason
                                 else msg("la couche {name} n'existe plus sur la Géoplateforme", name=name))
        layer = registry.layer(rule.new_service or service, rule.new_name or name)
        if layer is None:
            raise UnmappedError(msg("règle du registre vers {name} ({service}) sans couche GPF publiée",
                                     name=rule.new_name, service=rule.new_service))
        if layer.service not in allowed:
            raise UnmappedError(registry_message(rule.reason))
        context.warn(registry_message(rule.reason))
        return layer
    layer = registry.layer(service, name)
    if layer is None and service == "wms-v" and "wms-r" in allowed:
        # Only this direction: the recorded WMS raster capabilities prove the layer is there, whereas the
        # WMS vector list is inferred (the services list minus WMS raster).
        layer = registry.layer("wms-r", name)
        if layer is not None:
            context.warn(msg("la couche {name} est désormais servie par le WMS raster de la Géoplateforme", name=name))
    if layer is None or layer.service not in allowed:
        raise UnmappedError(msg("la couche {name} n'est pas publiée par le {service} de la Géoplateforme",
                                name=name, service=_label(service)))
    return layer


def _service_url(context: _Context, layer: GpfLayer) -> str:
    if layer.private:
        context.needs_key = True
    return context.registry.service_url(layer.service, private=layer.private)


def _match(context: _Context, url: str, services: tuple[str, ...]) -> EndpointMatch | None:
    """The endpoint rule of an old URL (None when the URL is not an old one)."""
    parts = UrlParts(url)
    if parts.host not in context.registry.old_hosts:
        return None
    match = context.registry.match_endpoint(parts.host, parts.path)
    if match is None:
        raise UnmappedError(msg("adresse Géoportail sans équivalent connu sur la Géoplateforme"))
    context.service = context.service or match.service
    if match.service not in services:
        raise UnmappedError(msg("adresse du service {service} inattendue pour ce type de couche",
                                service=_label(match.service)))
    return match


def _clean_query(parts: UrlParts, context: _Context) -> list[tuple[str, str]]:
    """The URL's query without keys, tokens nor credentials: a Géoportail key never goes to GPF, nor a password."""
    query = [(k, v) for k, v in parts.query if not is_secret_param(k)]
    dropped = {unquote(k).strip().lower() for k, _ in parts.query if is_secret_param(k)}
    if parts.userinfo or dropped - KEY_PARAMS:  # a key goes silently, as it always did; credentials are said
        context.warn(MSG_CREDENTIALS)
    return query


def _drop_credentials(context: _Context, uri) -> None:
    """Remove QGIS's credentials and any key, token or password parameter (provider_uri.SECRET_PARAMS)."""
    removed = False
    names = [name for name in dict.fromkeys(uri.keys()) if is_secret_param(name)]
    for name in names:
        if isinstance(uri, EncodedUri):
            removed |= uri.remove(name)
        elif uri.get(name) not in (None, ""):
            uri.set(name, None)
            removed = True
        elif uri.get(name) == "":
            uri.set(name, None)
    if removed:
        context.warn(MSG_CREDENTIALS)


def _same_crs(a: str, b: str) -> bool:
    return CRS_ALIASES.get(a.upper(), a.upper()) == CRS_ALIASES.get(b.upper(), b.upper())


def _tile_matrix_set(context: _Context, layer: GpfLayer, old_set: str, old_crs: str) -> tuple[str, str]:
    """The linked TileMatrixSet to use, and the CRS to set (empty when the CRS stays)."""
    if old_set in layer.tile_matrix_sets or not layer.tile_matrix_sets:
        return old_set, ""
    new_set = layer.tile_matrix_sets[0]
    if old_crs and layer.crs and not _same_crs(old_crs, layer.crs):
        context.warn(msg(
            "TileMatrixSet {old_set} ({old_crs}) non proposé pour {layer} : {new_set} en {new_crs} ; "
            "la couche sera reprojetée à la volée",
            old_set=old_set or msg("(aucun)"), old_crs=old_crs, layer=layer.name, new_set=new_set, new_crs=layer.crs,
        ))
        return new_set, layer.crs
    return new_set, ""


def _wmts_style(context: _Context, layer: GpfLayer, old_style: str) -> str:
    if old_style in layer.styles or not layer.styles:
        return old_style
    new_style = context.registry.style_renames.get((layer.name, old_style), layer.styles[0])
    context.warn(msg("style « {old} » devenu « {new} » sur la Géoplateforme", old=old_style, new=new_style))
    return new_style


def _format(layer: GpfLayer, old_format: str) -> str:
    return old_format if old_format in layer.formats or not layer.formats else layer.formats[0]


# --- wms provider: WMTS, WMS, XYZ ---------------------------------------------------------------------


def _migrate_wms_provider(source: str, context: _Context) -> str:
    if is_url(source):  # QGIS 1.x/2.x kept a bare URL; layers were stored elsewhere
        raise UnmappedError(msg("ancienne source WMS sous forme d'adresse seule : à refaire depuis le catalogue"))
    if is_qgis1_wms_text(source):  # QGIS 1.x `tiled=…,username=…,url=…`: the layers are elsewhere
        legacy = EncodedUri(qgis1_wms_source(source, [], "", ""))
        if legacy.get("url") and _match(context, legacy.get("url") or "", ("wmts", "wms-r", "wms-v")) is not None:
            raise UnmappedError(MSG_QGIS1_WMS_WITHOUT_LAYERS)
    uri = EncodedUri(source)
    url = uri.get("url") or ""
    if uri.get("type") == "xyz":
        return _migrate_xyz(uri, url, context)
    match = _match(context, url, ("wmts", "wms-r", "wms-v"))
    if match is None:
        return source
    if match.tail.strip("/"):
        raise UnmappedError(msg("adresse Géoportail sans équivalent connu sur la Géoplateforme"))
    if uri.get("layers") is None:  # a saved connection: a service address, no layer
        uri.set("url", _connection_url(context, match))
        _drop_credentials(context, uri)
        return str(uri)
    is_wmts = uri.get("tileMatrixSet") is not None
    if is_wmts and not uri.get("tileMatrixSet") and match.service in WMS_SERVICES:
        uri.remove("tileMatrixSet")  # QGIS 1.x tiled WMS (WMS-C): GPF serves plain WMS
        context.warn(msg("ancienne couche WMS tuilée (WMS-C) : demandée en WMS simple à la Géoplateforme"))
        is_wmts = False
    if is_wmts != (match.service == "wmts"):
        raise UnmappedError(msg("paramètres de la couche incohérents avec le service de l'adresse"))
    if is_wmts:
        _rewrite_wmts(uri, context)
    else:
        _rewrite_wms(uri, UrlParts(url), match, context)
    _drop_credentials(context, uri)
    return str(uri)


def key_kind(match: EndpointMatch) -> str:
    """What the key of an old address was: personal (a user's), shared (published for everyone), thematic."""
    key = match.key.lower()
    if not key:
        return ""
    if match.endpoint.id.startswith(SHARED_KEY_ENDPOINTS) or key in SHARED_KEYS:
        return SHARED_KEY
    if key in THEMATIC_KEYS:
        return THEMATIC_KEY
    return SHARED_KEY if key in PUBLIC_KEYS else PERSONAL_KEY


def _connection_url(context: _Context, match: EndpointMatch) -> str:
    """The GPF address of a saved connection's service (free: the layers it lists decide, not the address)."""
    kind, service = key_kind(match), _label(match.service)
    if kind == PERSONAL_KEY:
        context.warn(MSG_CONNECTION_KEY)
    elif kind == SHARED_KEY and match.endpoint.id.startswith(SHARED_KEY_ENDPOINTS):
        context.warn(msg(
            "clé publique du Géoportail de l'urbanisme retirée : la connexion passe sur le {service} général de la "
            "Géoplateforme, qui sert les couches d'urbanisme (wfs_du, wfs_scot…) parmi toutes ses couches libres",
            service=service,
        ))
    elif kind == SHARED_KEY:
        context.warn(msg(
            "clé publique partagée « {key} » retirée : la Géoplateforme ne demande plus de clé pour ses couches "
            "libres ; la connexion liste désormais toutes les couches libres du {service}, pas seulement celles de "
            "cette clé",
            key=match.key, service=service,
        ))
    elif kind == THEMATIC_KEY:
        context.warn(msg(
            "clé thématique « {key} » retirée : la connexion liste désormais toutes les couches libres du {service}, "
            "plus seulement celles du thème {key}",
            key=match.key, service=service,
        ))
    if "inspire" in match.key.lower() or "inspire/" in match.endpoint.path.pattern:
        _inspire_note(context, match.service)
    url = context.registry.service_url(match.service)
    return url + "?SERVICE=WMTS&REQUEST=GetCapabilities" if match.service == "wmts" else url


INSPIRE_NAME = re.compile(r"^[A-Z]{2}\.[A-Z][a-z]")  # INSPIRE view layers: theme code, dot, name (BU.Building)


def _inspire_note(context: _Context, service: str) -> None:
    """What a connection on an INSPIRE address finds on the general GPF service, from the registry."""
    registry = context.registry
    served = sorted(name for (svc, name) in registry.layers if svc == service and INSPIRE_NAME.match(name))
    missing = sorted(rule.old_name for (svc, _), rule in registry.rules.items()
                     if svc == service and rule.decision == "removed" and INSPIRE_NAME.match(rule.old_name))
    if not served and not missing:
        return
    context.warn(msg(
        "la Géoplateforme n'a pas de service INSPIRE à part : la connexion passe sur le {service} général, qui sert "
        "{served} couches INSPIRE de vue ({examples}…) ; ne sont plus servies : {missing}",
        service=_label(service), served=len(served), examples=", ".join(served[:4]),
        missing=", ".join(missing) or msg("aucune"),
    ))


def _rewrite_wmts(uri: EncodedUri, context: _Context) -> None:
    name = uri.get("layers") or ""
    context.layer = name
    layer = _resolve(context, "wmts", name, ("wmts",))
    uri.set("layers", layer.name)
    uri.set("styles", _wmts_style(context, layer, uri.get("styles") or ""))
    matrix_set, crs = _tile_matrix_set(context, layer, uri.get("tileMatrixSet") or "", uri.get("crs") or "")
    uri.set("tileMatrixSet", matrix_set)
    if crs:
        uri.set("crs", crs)
    uri.set("format", _format(layer, uri.get("format") or ""))
    uri.set("url", _service_url(context, layer) + "?SERVICE=WMTS&REQUEST=GetCapabilities")
    if layer.private:
        uri.set("IgnoreGetMapUrl", "1")  # tile requests then go to the URL that will carry the key


def _rewrite_wms(uri: EncodedUri, old_url: UrlParts, match: EndpointMatch, context: _Context) -> None:
    names = uri.get_all("layers")
    context.layer = ",".join(names)
    if not names:
        raise UnmappedError(msg("source WMS sans couche"))
    problems, layers = [], []
    for name in names:
        try:
            layers.append(_resolve(context, match.service, name, WMS_SERVICES))
        except (UnmappedError, MalformedUrlError) as unmapped:
            problems.append(_reason(unmapped))
    if problems and layers:  # some sublayers are there, some are not: say which, move nothing
        raise UnmappedError(msg(
            "{missing} couche(s) sur {total} de cette source sans équivalent ({found} publiée(s) : {names}) ; "
            "source laissée entière, à séparer : {reasons}",
            missing=len(problems), total=len(names), found=len(layers),
            names=", ".join(layer.name for layer in layers), reasons=_joined(problems),
        ))
    if problems:
        raise UnmappedError(_joined(problems))
    services = {layer.service for layer in layers}
    if len(services) > 1:
        raise UnmappedError(msg("couches réparties entre WMS raster et WMS vecteur : à séparer en deux couches QGIS"))
    service = services.pop()
    context.service = service
    uri.set_all("layers", [layer.name for layer in layers])
    old_styles = uri.get_all("styles")
    new_styles = []
    for layer, style in zip(layers, old_styles + [""] * (len(layers) - len(old_styles))):
        if style and not layer.styles and layer.service == "wms-v":
            # No WMS vecteur capabilities recorded: an old style name cannot be checked, the default always exists
            context.warn(msg("style « {style} » non vérifiable sur le WMS vecteur pour {layer} : style par défaut",
                             style=style, layer=layer.name))
            style = ""
        elif style and layer.styles and style not in layer.styles:
            context.warn(msg("style « {style} » inconnu pour {layer} : style par défaut",
                             style=style, layer=layer.name))
            style = ""
        new_styles.append(style)
    uri.set_all("styles", new_styles)
    if service == "wms-r":
        if len(layers) > 2:
            context.warn(msg("le WMS raster de la Géoplateforme accepte au plus deux couches par requête"))
        if (old_url.param("version") or "1.3.0") != "1.3.0":
            context.warn(msg("le WMS raster de la Géoplateforme ne répond qu'en version 1.3.0"))
        old_format = uri.get("format")
        if old_format is not None:
            uri.set("format", _format(layers[0], old_format))
    uri.set("url", _service_url(context, layers[0]))
    if any(layer.private for layer in layers):
        uri.set("IgnoreGetMapUrl", "1")


def _migrate_xyz(uri: EncodedUri, url: str, context: _Context) -> str:
    match = _match(context, url, ("wmts", "tms"))
    if match is None:
        return str(uri)
    parts = UrlParts(url)
    if match.service == "tms":
        new_url = _tms_tile_url(context, match, parts, ("tms",))
    else:
        new_url = _xyz_wmts_url(context, parts, uri)
    uri.set("url", new_url)
    _drop_credentials(context, uri)
    return str(uri)


def _xyz_wmts_url(context: _Context, parts: UrlParts, uri: EncodedUri) -> str:
    """An XYZ layer on a WMTS GetTile URL: same template, GPF layer, style, set and format."""
    name = parts.param("layer") or ""
    context.layer = name
    layer = _resolve(context, "wmts", name, ("wmts",))
    matrix_set, _ = _tile_matrix_set(context, layer, parts.param("tilematrixset") or "", "")
    replacements = {
        "layer": layer.name,
        "style": _wmts_style(context, layer, parts.param("style") or ""),
        "tilematrixset": matrix_set,
        "format": _format(layer, parts.param("format") or ""),
    }
    query = [
        (key, quote(replacements[key.lower()], safe="/:;=") if key.lower() in replacements else value)
        for key, value in _clean_query(parts, context)
    ]
    if not layer.tile_matrix_sets or not matrix_set.startswith("PM"):
        raise UnmappedError(msg(
            "{layer} n'est pas proposée en Pseudo-Mercator : une couche XYZ ne peut pas l'afficher", layer=layer.name,
        ))
    _clamp_zoom(uri, matrix_set)
    base = _service_url(context, layer)
    return base + "?" + "&".join(f"{k}={v}" for k, v in query)


def _clamp_zoom(uri: EncodedUri, matrix_set: str) -> None:
    """Keep an XYZ layer's zoom range inside the levels GPF serves for that set (PM_6_16 → 6..16)."""
    levels = re.fullmatch(r"PM_(\d+)_(\d+)", matrix_set)
    if not levels:
        return
    low, high = int(levels.group(1)), int(levels.group(2))
    for key, bound, keep in (("zmin", low, max), ("zmax", high, min)):
        value = uri.get(key)
        if value is not None and value.isdigit():
            uri.set(key, str(keep(int(value), bound)))


def _tms_tile_url(context: _Context, match: EndpointMatch, parts: UrlParts, allowed: tuple[str, ...]) -> str:
    """A TMS tile template (…/tms/1.0.0/LAYER/{z}/{x}/{y}.pbf) on GPF."""
    tail = match.tail.lstrip("/")
    name, _, rest = tail.partition("/")
    context.layer = unquote(name)
    layer = _resolve(context, "tms", context.layer, allowed)
    query = _clean_query(parts, context)
    url = _service_url(context, layer) + quote(layer.name, safe=".-_") + ("/" + rest if rest else "")
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query) if query else "")


# --- vectortile provider ------------------------------------------------------------------------------


def _migrate_vectortile(source: str, context: _Context) -> str:
    uri = EncodedUri(source)
    url = uri.get("url") or ""
    match = _match(context, url, ("tms",))
    if match is not None:
        uri.set("url", _tms_tile_url(context, match, UrlParts(url), ("tms",)))
    style_url = uri.get("styleUrl")
    if style_url:
        new_style = _vectortile_resource(context, style_url)
        if new_style != style_url:
            uri.set("styleUrl", new_style)
    _drop_credentials(context, uri)
    return str(uri)


def _vectortile_resource(context: _Context, url: str) -> str:
    """Style, sprite and glyph files moved from wxs.ign.fr/static to data.geopf.fr/annexes/ressources."""
    parts = UrlParts(url)
    if parts.host not in context.registry.old_hosts:
        return url
    match = context.registry.match_endpoint(parts.host, parts.path)
    if match is None or match.service != "vt-resources":
        raise UnmappedError(msg("adresse de style de tuiles vectorielles sans équivalent connu"))
    tail = match.tail.lstrip("/")
    for old, new in context.registry.vectortile_style_renames:
        if tail.startswith(old):
            tail = new + tail[len(old):]
    layer = context.registry.layer("tms", context.layer) if context.layer else None
    style = tail.rsplit("/", 1)[-1].removesuffix(".json")
    if layer and layer.styles and tail.startswith("styles/") and style not in layer.styles:
        context.warn(msg("style « {style} » non listé par la Géoplateforme pour {layer}",
                         style=style, layer=layer.name))
    return context.registry.service_url("vt-resources") + tail


# --- WFS provider -------------------------------------------------------------------------------------


def _migrate_wfs(source: str, context: _Context) -> str:
    if is_url(source):
        return _migrate_wfs_url(source, context)
    uri = DataSourceUri(source)
    if not uri.parsed:
        raise UnmappedError(msg("source WFS illisible"))
    match = _match(context, uri.get("url") or "", ("wfs",))
    if match is None:
        return source
    name = uri.get("typename")
    if name is None:  # a saved connection
        uri.set("url", _connection_url(context, match))
        _drop_credentials(context, uri)
        return str(uri)
    context.layer = name
    layer = _resolve(context, "wfs", name, ("wfs",))
    uri.set("typename", layer.name)
    uri.set("url", _service_url(context, layer))
    version = uri.get("version")
    if version in OLD_WFS_VERSIONS:
        uri.set("version", "2.0.0")
        context.warn(msg("WFS {version} n'est plus servi : version 2.0.0", version=version))
    for key in ("filter",):
        value = uri.get(key)
        if value and THE_GEOM.search(value):
            uri.set(key, _geom_renamed(context, value))
    if uri.sql and THE_GEOM.search(uri.sql):
        uri.set_sql(_geom_renamed(context, uri.sql))
    _drop_credentials(context, uri)
    return str(uri)


def _migrate_wfs_url(source: str, context: _Context) -> str:
    """A WFS layer stored as a GetFeature URL (QGIS 2): same KVP, GPF address and type name."""
    parts = UrlParts(source)
    match = _match(context, source, ("wfs",))
    if match is None:
        return source
    name = parts.param("typename") or parts.param("typenames") or ""
    context.layer = name
    layer = _resolve(context, "wfs", name, ("wfs",))
    query = []
    for key, value in _clean_query(parts, context):
        lowered = key.lower()
        if lowered in ("typename", "typenames"):
            value = quote(layer.name, safe=":")
        elif lowered == "version" and value in OLD_WFS_VERSIONS:
            context.warn(msg("WFS {version} n'est plus servi : version 2.0.0", version=value))
            value = "2.0.0"
        elif lowered in ("filter", "cql_filter") and THE_GEOM.search(unquote(value)):
            value = quote(_geom_renamed(context, unquote(value)), safe="")
        query.append((key, value))
    return _service_url(context, layer) + ("?" + "&".join(f"{k}={v}" for k, v in query) if query else "")


def _geom_renamed(context: _Context, expression: str) -> str:
    context.warn(msg("le champ géométrique the_geom s'appelle geom sur la Géoplateforme : filtre adapté"))
    return THE_GEOM.sub("geom", expression)


# --- gdal provider: GDAL's own WMTS client -----------------------------------------------------------------

# GDAL's syntax: WMTS:url[,layer=id][,tilematrixset=id][,tilematrix=id|,zoom_level=n][,style=id][,…]
_GDAL_WMTS_OPTION = re.compile(r",(layer|tilematrixset|tilematrix|zoom_level|style|extendbeyonddateline)=",
                               re.IGNORECASE)
# …or a service description inline: <GDAL_WMTS><GetCapabilitiesUrl>…</GetCapabilitiesUrl><Layer>…</Layer>…
_GDAL_WMTS_ELEMENT = re.compile(r"<(GetCapabilitiesUrl|Layer|Style|TileMatrixSet)>([^<]*)</\1>")
# …and GDAL's <UserPwd>user:password</UserPwd> (provider_uri.SECRET_ELEMENTS), never carried to GPF
_GDAL_SECRET_ELEMENT = re.compile(r"\s*<({})\b[^>]*>[^<]*(?:</\1\s*>)?".format("|".join(SECRET_ELEMENTS)),
                                  re.IGNORECASE)


def _migrate_gdal(source: str, context: _Context) -> str:
    """A raster layer read by GDAL's WMTS driver: its capabilities address, layer, style and matrix set."""
    if source[:5].upper() == "WMTS:":
        return _migrate_gdal_wmts_string(source, context)
    if source.lstrip().startswith("<GDAL_WMTS>"):
        return _migrate_gdal_wmts_xml(source, context)
    raise UnmappedError(msg("source GDAL vers un ancien service Géoportail : à refaire depuis le catalogue"))


def _migrate_gdal_wmts_string(source: str, context: _Context) -> str:
    body = source[5:]
    cut = _GDAL_WMTS_OPTION.search(body)
    url, tail = (body[:cut.start()], body[cut.start():]) if cut else (body, "")
    options = [tuple(item.split("=", 1)) for item in tail.split(",")[1:]] if tail else []
    values = {key.lower(): value for key, value in options}
    new = _gdal_wmts(context, url, values.get("layer"), values.get("style"), values.get("tilematrixset"))
    if new is None:
        return source
    new_url, changes = new
    rebuilt = [f"{key}={changes.get(key.lower(), value)}" for key, value in options if not is_secret_param(key)]
    if len(rebuilt) != len(options):
        context.warn(MSG_CREDENTIALS)
    return source[:5] + ",".join([new_url, *rebuilt])


def _migrate_gdal_wmts_xml(source: str, context: _Context) -> str:
    found = {tag: unescape(value) for tag, value in _GDAL_WMTS_ELEMENT.findall(source)}
    new = _gdal_wmts(context, found.get("GetCapabilitiesUrl", ""), found.get("Layer"), found.get("Style"),
                     found.get("TileMatrixSet"))
    if new is None:
        return source
    new_url, changes = new
    by_tag = {"GetCapabilitiesUrl": new_url, "Layer": changes.get("layer"), "Style": changes.get("style"),
              "TileMatrixSet": changes.get("tilematrixset")}

    def swap(element: re.Match) -> str:
        value = by_tag.get(element.group(1))
        return element.group(0) if value is None else f"<{element.group(1)}>{escape(value)}</{element.group(1)}>"

    rewritten, secrets = _GDAL_SECRET_ELEMENT.subn("", _GDAL_WMTS_ELEMENT.sub(swap, source))
    if secrets:
        context.warn(MSG_CREDENTIALS)
    return rewritten


def _gdal_wmts(context: _Context, url: str, name: str | None, style: str | None,
               matrix_set: str | None) -> tuple[str, dict[str, str]] | None:
    """The GPF capabilities address and the new layer/style/matrix set (None: not an old address)."""
    match = _match(context, url, ("wmts",))
    if match is None:
        return None
    if match.tail.strip("/"):
        raise UnmappedError(msg("adresse Géoportail sans équivalent connu sur la Géoplateforme"))
    changes: dict[str, str] = {}
    if not name:  # the whole service: GDAL lists its layers
        return context.registry.service_url("wmts") + "?SERVICE=WMTS&REQUEST=GetCapabilities", changes
    context.layer = name
    layer = _resolve(context, "wmts", name, ("wmts",))
    changes["layer"] = layer.name
    if style is not None:
        changes["style"] = _wmts_style(context, layer, style)
    if matrix_set is not None:
        changes["tilematrixset"] = _tile_matrix_set(context, layer, matrix_set, "")[0]
    if layer.private:
        context.warn(msg("GDAL lit lui-même les tuiles : la clé cartes.gouv.fr doit être ajoutée à l'adresse "
                         "(paramètre apikey)"))
    return _service_url(context, layer) + "?SERVICE=WMTS&REQUEST=GetCapabilities", changes


_HANDLERS = {
    "gdal": _migrate_gdal, "wms": _migrate_wms_provider, "wfs": _migrate_wfs, "vectortile": _migrate_vectortile,
}
