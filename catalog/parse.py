"""GPF documents → the catalogue (and the registry's layer facts), service by service.

`documents` maps a document key to its bytes: `wmts`, `wms-r`, `wms-v`, `wfs` (capabilities), `tms` (TMS
root), `tms/NAME` (a TileMap), `services` (IGN's services list: themes, WMS vector and TMS layers),
`private` (IGN's private-layer configuration JSON), `private-wmts` / `private-wms-r` (capabilities of
`data.geopf.fr/private`). Any may be missing. A document that cannot be read costs only its own service:
it is skipped and reported in `Catalog.services` with a one-line reason; the others are intact.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timezone

from .capabilities import (
    DEFAULT_VT_ZOOM,
    LXML,
    CapabilitiesError,
    LayerFacts,
    ListedLayer,
    ServiceFacts,
    french_crs_options,
    parse_private_config,
    parse_services_list,
    parse_tms_root,
    parse_tms_tilemap,
    parse_wfs,
    parse_wms,
    parse_wmts,
    prefer_wms_formats,
)
from .entry import (
    NOTE_PRIVATE,
    NOTE_SEPARATOR,
    NOTE_WMS_V,
    NOTE_WMS_V_IGN,
    OTHER_THEME,
    SERVICES,
    Catalog,
    CatalogEntry,
    ServiceStatus,
    note_tms_guess,
)
from .themes import assign_themes, ign_catalogue, ign_listing, is_sandbox
from .uris import layer_uri

PLAN_IGN_STYLE = "https://data.geopf.fr/annexes/ressources/vectorTiles/styles/PLAN.IGN/standard.json"
OK, ERROR, SKIPPED = "ok", "error", "skipped"


@dataclass
class Facts:
    """Every layer fact read, the themes, and how each document went."""

    layers: list[LayerFacts] = field(default_factory=list)
    themes: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    statuses: dict[str, ServiceStatus] = field(default_factory=dict)


def read_facts(documents: dict[str, bytes], labels: dict[str, str] | None = None,
               errors: dict[str, str] | None = None) -> Facts:
    """Parse every document; failures (and `errors`: documents that could not be fetched) become statuses."""
    labels = dict(labels or {})
    labels.setdefault("wms-v", labels.get("services", "services"))  # without its own document: the list
    facts = Facts()
    by_service: dict[str, ServiceFacts] = {}

    def label(key: str) -> str:
        return labels.get(key, key)

    def status(key: str, service_facts: ServiceFacts | None = None, error: str = "", count: int | None = None,
               parser: str = "") -> None:
        if error:
            facts.statuses[key] = ServiceStatus(key, ERROR, label(key), error, count or 0, parser)
        elif service_facts is not None:
            text = service_facts.note
            facts.statuses[key] = ServiceStatus(
                key, OK, label(key), "", len(service_facts.layers) if count is None else count,
                parser or service_facts.parser, text,
            )

    for key, parser in (("wmts", parse_wmts), ("wms-r", parse_wms), ("wms-v", parse_wms), ("wfs", parse_wfs)):
        if key not in documents:
            continue
        try:
            result = parser(documents[key], label(key))
        except CapabilitiesError as error:
            status(key, error=str(error))
            continue
        if result.service != key:
            status(key, error=f"document du service {result.service} fourni pour {key}")
            continue
        by_service[key] = result
        status(key, result)

    if "wms-r" in by_service:
        wmts_layers = by_service["wmts"].layers if "wmts" in by_service else []
        by_service["wms-r"].layers = prefer_wms_formats(by_service["wms-r"].layers, wmts_layers)

    listed: list[ListedLayer] = []
    if "services" in documents:
        try:
            listed = parse_services_list(documents["services"])
        except CapabilitiesError as error:
            status("services", error=str(error))
        else:
            status("services", ServiceFacts("services", parser="csv"), count=len(listed))
    for row in listed:
        for service in ("wms-r", "wms-v") if row.service == "wms" else (row.service,):
            facts.themes.setdefault((service, row.name), set()).add(row.theme or OTHER_THEME)

    for service_facts in by_service.values():
        facts.layers += service_facts.layers
    if "wms-v" not in by_service:
        failed = facts.statuses.get("wms-v")
        problem = failed.error if failed is not None else (errors or {}).get("wms-v", "")
        wms_v = _wms_v_from_list(listed, by_service, documents, labels, status)
        facts.layers += wms_v
        if problem:  # its own document failed: say so, even when the services list stands in for it
            stand_in = f" ; {len(wms_v)} couches reprises de la liste des services" if wms_v else ""
            facts.statuses["wms-v"] = ServiceStatus(
                "wms-v", ERROR, label("wms-v"), problem + stand_in, len(wms_v), "csv" if wms_v else "",
                _stand_in_note(wms_v),
            )
    facts.layers += _tms_layers(listed, documents, labels, status)
    facts.layers += _private_layers(documents, labels, status)
    for key, reason in (errors or {}).items():
        target = "private" if key.startswith("private") else key
        if "/" not in target and target not in facts.statuses:
            facts.statuses[target] = ServiceStatus(target, ERROR, label(key), reason)
    for service in SERVICES:
        if service not in facts.statuses:
            facts.statuses[service] = ServiceStatus(service, SKIPPED, error="aucun document")
    return facts


def _wms_v_from_list(listed, by_service, documents, labels, status) -> list[LayerFacts]:
    """WMS vector layers without their capabilities: IGN's 2025 GPF catalogue (names and titles, bundled in
    catalog/ign_catalogue.csv), plus the services list's WMS rows that the WMS raster does not publish."""
    if not listed:
        return []
    known = {listing.layer: listing for listing in ign_catalogue().values() if listing.service == "wms-v"}
    names = dict.fromkeys(known)
    if "wms-r" in by_service:
        raster = {layer.name for layer in by_service["wms-r"].layers}
        names.update(dict.fromkeys(
            row.name for row in listed
            if row.service == "wms-v" or (row.service == "wms" and row.name not in raster)
        ))
    elif not names:
        status("wms-v", error="WMS raster illisible : impossible de séparer les couches WMS vecteur de la liste")
        return []
    evidence = labels.get("services", "services")
    layers = []
    for name in names:
        listing = known.get(name)
        if listing is not None and listing.title and listing.title != name:
            layers.append(LayerFacts("wms-v", name, title=listing.title, evidence="ign_catalogue.csv",
                                     note=NOTE_WMS_V_IGN, crs="EPSG:3857"))
        else:
            layers.append(LayerFacts("wms-v", name, title=name, evidence=evidence, note=NOTE_WMS_V, crs="EPSG:3857"))
    status("wms-v", ServiceFacts("wms-v", layers, parser="csv", note=_stand_in_note(layers)))
    return layers


def _stand_in_note(layers: list[LayerFacts]) -> str:
    """What the WMS-V stand-in is made of: IGN's catalogue (titled), the services list (bare names), or both."""
    notes = dict.fromkeys(layer.note for layer in layers if layer.note in (NOTE_WMS_V_IGN, NOTE_WMS_V))
    return NOTE_SEPARATOR.join(note for note in (NOTE_WMS_V_IGN, NOTE_WMS_V) if note in notes)


def _tms_layers(listed, documents, labels, status) -> list[LayerFacts]:
    """Vector-tile layers: the services list's TMS rows and the TMS root's pbf TileMaps, with their TileMap."""
    names: dict[str, LayerFacts] = {}
    evidence = labels.get("services", "services")
    for row in listed:
        if row.service == "tms" and row.name not in names:
            names[row.name] = LayerFacts("tms", row.name, title=row.name, evidence=evidence)
    root_error = ""
    if "tms" in documents:
        try:
            refs = parse_tms_root(documents["tms"])
        except CapabilitiesError as error:
            root_error = str(error)
        else:
            for ref in refs:
                if ref.extension != "pbf":
                    continue  # raster TMS: the same pyramids as the WMTS layers, listed there
                known = names.get(ref.name)
                title = ref.title or ref.name
                names[ref.name] = replace(known, title=title) if known else LayerFacts(
                    "tms", ref.name, title=title, evidence=labels.get("tms", "tms"))
    tile_map_errors = []
    layers = []
    for name, layer in names.items():
        key = f"tms/{name}"
        if key in documents:
            try:
                tile_map = parse_tms_tilemap(documents[key], labels.get(key, key))
            except CapabilitiesError as error:
                tile_map_errors.append(f"{name} : {error}")
            else:
                layer = replace(
                    layer, title=layer.title if layer.title != name else tile_map.title, abstract=tile_map.abstract,
                    bbox=tile_map.bbox, styles=tile_map.styles, style_urls=tile_map.style_urls, zoom=tile_map.zoom,
                    crs=tile_map.crs, evidence=f"{layer.evidence} + {labels.get(key, key)}",
                )
        if not layer.style_urls and name == "PLAN.IGN":
            layer = replace(layer, style_urls=(PLAN_IGN_STYLE,), styles=("standard",))
        if layer.zoom is None:
            layer = replace(layer, note=note_tms_guess(*DEFAULT_VT_ZOOM))
        layers.append(layer)
    if root_error:
        status("tms", error=f"racine TMS : {root_error}", count=len(layers))
    elif layers:
        note = "; ".join(tile_map_errors)
        status("tms", ServiceFacts("tms", layers, parser=LXML, note=note))
    return layers


def _private_layers(documents, labels, status) -> list[LayerFacts]:
    """Non-free layers: IGN's private configuration, or the capabilities of data.geopf.fr/private."""
    layers: dict[tuple[str, str], LayerFacts] = {}
    errors = []
    for key, parser in (("private-wmts", parse_wmts), ("private-wms-r", parse_wms)):
        if key in documents:
            try:
                for layer in parser(documents[key], labels.get(key, key)).layers:
                    layers[(layer.service, layer.name)] = replace(layer, access="private")
            except CapabilitiesError as error:
                errors.append(f"{key} : {error}")
    if "private" in documents:
        try:
            for layer in parse_private_config(documents["private"], labels.get("private", "private")):
                layers.setdefault((layer.service, layer.name), layer)
        except CapabilitiesError as error:
            errors.append(str(error))
    if errors and not layers:
        status("private", error="; ".join(errors))
    elif layers or errors:
        status("private", ServiceFacts("private", list(layers.values()), parser="json", note="; ".join(errors)))
    return list(layers.values())


def entry_from_facts(layer: LayerFacts, themes: dict[tuple[str, str], set[str]]) -> CatalogEntry:
    """The catalogue entry of a layer: themes from IGN's services list, then catalog/themes.csv's rules;
    IGN's catalogue keyword added to the publisher's; test and demo layers marked (catalog/sandbox.csv)."""
    provider, uri = layer_uri(layer)
    note = NOTE_SEPARATOR.join(n for n in (layer.note, NOTE_PRIVATE if layer.private else "") if n)
    listing = ign_listing(layer.service, layer.name)
    keywords = layer.keywords
    if listing is not None and listing.keyword and listing.keyword not in keywords:
        keywords = keywords + (listing.keyword,)
    title = layer.title or layer.name
    listed = themes.get((layer.service, layer.name)) or ()
    return CatalogEntry(
        service=layer.service, name=layer.name, title=title, provider=provider, uri=uri,
        themes=assign_themes(layer.service, layer.name, title, listed, keywords),
        abstract=layer.abstract if layer.abstract != layer.title else "", bbox=layer.bbox,
        metadata_url=layer.metadata_url, needs_key=layer.private, crs=layer.crs, note=note,
        sandbox=is_sandbox(layer.name, title, keywords),
        crs_options=french_crs_options(layer.crs, layer.crs_options), keywords=keywords,
    )


def _order(layer: LayerFacts) -> tuple:
    return (SERVICES.index(layer.service), layer.name, layer.access)


def build_catalog(documents: dict[str, bytes], generated: str = "", labels: dict[str, str] | None = None,
                  errors: dict[str, str] | None = None) -> Catalog:
    """The catalogue of whatever documents are given; never raises on a bad document."""
    facts = read_facts(documents, labels, errors)
    layers = sorted(facts.layers, key=_order)
    entries = tuple(entry_from_facts(layer, facts.themes) for layer in layers)
    statuses = sorted(facts.statuses.values(), key=lambda s: (SERVICES + ("services", "private")).index(s.service)
                      if s.service in SERVICES + ("services", "private") else 99)
    generated = generated or datetime.now(timezone.utc).isoformat(timespec="seconds")
    return Catalog(layers=entries, generated=generated, services=tuple(statuses))
