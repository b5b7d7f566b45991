"""One catalogue entry per GPF layer, and the catalogue as a whole (what the views and the CLI read)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..mapping.messages import msg, recognise

SERVICES = ("wmts", "wms-r", "wms-v", "wfs", "tms")
SERVICE_LABELS = {
    "wmts": "WMTS",
    "wms-r": "WMS raster",
    "wms-v": "WMS vecteur",
    "wfs": "WFS",
    "tms": "Tuiles vectorielles (TMS)",
}
OTHER_THEME = "autres"  # the theme of a layer that IGN's services list does not place in any theme

# Notes the catalogue builder writes on entries (joined with NOTE_SEPARATOR); the snapshot keeps them as text.
NOTE_WMS_V = msg(
    "liste des services de l'IGN (lignes WMS absentes du WMS raster) : aucune capacité WMS vecteur lue, "
    "titre et emprise inconnus"
)
NOTE_WMS_V_IGN = msg(
    "catalogue GPF de l'IGN (2025) : aucune capacité WMS vecteur lue, titre repris de ce catalogue, emprise inconnue"
)
NOTE_PRIVATE = msg("couche sous licence : clé personnelle cartes.gouv.fr nécessaire (data.geopf.fr/private)")
NOTE_SEPARATOR = "; "


def is_wms_v_stand_in(entry: CatalogEntry) -> bool:
    """A WMS-V entry taken from IGN's lists (services list or 2025 catalogue), not from WMS-V capabilities."""
    return entry.service == "wms-v" and (NOTE_WMS_V in entry.note or NOTE_WMS_V_IGN in entry.note)


def note_tms_guess(low: int, high: int) -> str:
    return msg("TileMap non lu : niveaux {low}–{high} supposés", low=low, high=high)


def note_messages(note: str) -> list[str]:
    """An entry's note as its sentences, each a translatable Message when the builder wrote it."""
    templates = (NOTE_WMS_V, NOTE_WMS_V_IGN, note_tms_guess(0, 0).template, NOTE_PRIVATE)
    return [recognise(part, templates) for part in note.split(NOTE_SEPARATOR) if part]


@dataclass(frozen=True)
class CatalogEntry:
    """A GPF layer with a data source that loads right the first time.

    `uri` is a complete QGIS data source for `provider` (wms, WFS or vectortile) with the style,
    TileMatrixSet, format and CRS that GPF links to the layer. `bbox` is (west, south, east, north) in
    WGS 84 degrees when known. `themes` holds theme keys (ortho, cartes...; `autres` when IGN lists none).
    `note` says where a fact comes from when it is not a capabilities document (e.g. WMS vector layers,
    taken from IGN's services list). `sandbox` marks a test, demo or tutorial layer (catalog/sandbox.csv says
    why): the views hide those by default. `crs_options` is every CRS the service offers for the layer (`crs`
    is the one the uri uses); `keywords` are the publisher's keywords (WFS) and IGN's catalogue keyword.
    """

    service: str
    name: str
    title: str
    provider: str
    uri: str
    themes: tuple[str, ...] = (OTHER_THEME,)
    abstract: str = ""
    bbox: tuple[float, float, float, float] | None = None
    metadata_url: str = ""
    needs_key: bool = False
    crs: str = ""
    note: str = ""
    sandbox: bool = False
    crs_options: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()

    def to_json(self, compact: bool = False) -> dict[str, Any]:
        """The entry as JSON values. `compact` (the snapshot file) leaves out empty and default values;
        `from_json` reads both forms, and the snapshots written before a field existed."""
        # written out by hand: dataclasses.asdict deep-copies every value and costs most of `catalog --json`
        if compact:
            data: dict[str, Any] = {"service": self.service, "name": self.name, "title": self.title,
                                    "provider": self.provider, "uri": self.uri, "themes": list(self.themes)}
            for key in ("abstract", "metadata_url", "crs", "note"):
                value = getattr(self, key)
                if value:
                    data[key] = value
            if self.bbox:
                data["bbox"] = list(self.bbox)
            if self.needs_key:
                data["needs_key"] = True
            if self.sandbox:
                data["sandbox"] = True
            if self.crs_options and self.crs_options != (self.crs,):
                data["crs_options"] = list(self.crs_options)
            if self.keywords:
                data["keywords"] = list(self.keywords)
            return data
        return {
            "service": self.service, "name": self.name, "title": self.title, "provider": self.provider,
            "uri": self.uri, "themes": list(self.themes), "abstract": self.abstract,
            "bbox": list(self.bbox) if self.bbox else None, "metadata_url": self.metadata_url,
            "needs_key": self.needs_key, "crs": self.crs, "note": self.note, "sandbox": self.sandbox,
            "crs_options": list(self.crs_options), "keywords": list(self.keywords),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CatalogEntry:
        bbox = data.get("bbox")
        return cls(
            service=data["service"], name=data["name"], title=data.get("title") or data["name"],
            provider=data["provider"], uri=data["uri"],
            themes=tuple(data.get("themes") or (OTHER_THEME,)), abstract=data.get("abstract", ""),
            bbox=tuple(bbox) if bbox else None, metadata_url=data.get("metadata_url", ""),
            needs_key=bool(data.get("needs_key")), crs=data.get("crs", ""), note=data.get("note", ""),
            sandbox=bool(data.get("sandbox")),
            crs_options=tuple(data.get("crs_options") or ((data["crs"],) if data.get("crs") else ())),
            keywords=tuple(data.get("keywords") or ()),
        )


@dataclass(frozen=True)
class ServiceStatus:
    """How one service's document was read: `ok`, `skipped` (not available) or `error` (with the reason).

    `parser` says which reader gave the layers (owslib, lxml when OWSLib could not read the document, csv
    for layers only IGN's services list names, json for the private configuration); `note` qualifies an
    `ok` (e.g. why lxml was used).
    """

    service: str
    status: str
    source: str = ""
    error: str = ""
    count: int = 0
    parser: str = ""
    note: str = ""


@dataclass(frozen=True)
class Catalog:
    """Every entry, plus when and from what it was built (a failed service is reported, not fatal)."""

    layers: tuple[CatalogEntry, ...]
    generated: str = ""
    services: tuple[ServiceStatus, ...] = field(default_factory=tuple)

    def by_service(self, service: str) -> list[CatalogEntry]:
        return [entry for entry in self.layers if entry.service == service]
