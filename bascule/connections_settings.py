"""Saved WMS/WMTS, WFS, XYZ and vector-tile connections in the QGIS profile that still point at Géoportail.

QGIS changed where it keeps connections in 3.30 (settings tree, `connections/.../items/<name>/`); 3.22 used
`qgis/connections-<type>/<name>/` with the OWS credentials apart under `qgis/<WMS|WFS>/<name>/`. Both layouts
are read (a profile upgraded from 3.22 may hold both), each connection is rewritten where it was found, and
new connections are written under the layout of the running QGIS. A connection becomes the data source QGIS
would build from it (mapping.connections.source_for), so the engine decides exactly as for an exported file.
Nothing is deleted unless the caller says the user confirmed it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from qgis.core import Qgis, QgsSettings

from ..mapping.engine import migrate_source
from ..mapping.qgis_ini import (
    CONNECTION_ENTRIES,
    CREDENTIALS,
    LAYOUTS,
    LEGACY,
    TREE,
    Layout,
    connection_change,
    rewritable,
)
from ..mapping.registry import load_registry
from ..mapping.result import MIGRATED, Migration

# The key layouts of both generations and the rule (what changes, what is written) are mapping/qgis_ini.py's: the
# same description serves the offline QGIS3.ini rewrite; this module reads and writes them through QgsSettings.
KIND_LABELS = {"wms": "WMS/WMTS", "wfs": "WFS", "xyz": "XYZ", "vectortile": "Tuiles vectorielles"}


def running_generation() -> str:
    return TREE if Qgis.QGIS_VERSION_INT >= 33000 else LEGACY


def layout_for(kind: str, generation: str | None = None) -> Layout:
    generation = generation or running_generation()
    return next(layout for layout in LAYOUTS if layout.kind == kind and layout.generation == generation)


@dataclass(frozen=True)
class SavedConnection:
    layout: Layout
    name: str
    values: dict[str, str] = field(default_factory=dict)  # url, styleUrl, zmin, zmax
    credentials: tuple[str, ...] = ()  # which credential entries hold a value (never the values)

    @property
    def kind(self) -> str:
        return self.layout.kind

    @property
    def url(self) -> str:
        return self.values.get("url", "")


@dataclass(frozen=True)
class ConnectionPlan:
    """What rewriting one connection would change."""

    connection: SavedConnection
    migration: Migration
    new_values: dict[str, str]

    @property
    def status(self) -> str:
        return self.migration.status

    @property
    def rewritable(self) -> bool:
        return rewritable(self.migration, self.new_values)

    @property
    def new_url(self) -> str:
        return self.new_values.get("url", self.connection.url)


def list_connections(settings: QgsSettings | None = None) -> list[SavedConnection]:
    """Every saved connection of the four types, in both layouts."""
    settings = settings or QgsSettings()
    found = []
    for layout in LAYOUTS:
        settings.beginGroup(layout.group)
        names = settings.childGroups()
        settings.endGroup()
        for name in names:
            values = {
                entry: str(settings.value(layout.key(name, entry), "") or "")
                for entry in CONNECTION_ENTRIES
            }
            values = {entry: value for entry, value in values.items() if value}
            if not values.get("url"):
                continue
            credentials = tuple(
                entry for entry in CREDENTIALS if str(settings.value(layout.credentials_key(name, entry), "") or "")
            )
            found.append(SavedConnection(layout, name, values, credentials))
    return found


def plan(connection: SavedConnection) -> ConnectionPlan:
    migration, new_values = connection_change(connection.kind, connection.values, migrate_source)
    return ConnectionPlan(connection, migration, new_values)


def old_connections(settings: QgsSettings | None = None) -> list[ConnectionPlan]:
    """The connections that name an old Géoportail host, with what the engine would make of them."""
    registry = load_registry()
    return [
        plan(connection)
        for connection in list_connections(settings)
        if any(registry.mentions_old_host(value) for value in connection.values.values())
    ]


def rewrite(plans: list[ConnectionPlan], settings: QgsSettings | None = None) -> list[ConnectionPlan]:
    """Write the new addresses under the same names; free GPF services need no credentials, so they go."""
    settings = settings or QgsSettings()
    done = []
    for item in plans:
        if not item.rewritable:
            continue
        layout, name = item.connection.layout, item.connection.name
        for entry, value in item.new_values.items():
            settings.setValue(layout.key(name, entry), value)
        if item.status == MIGRATED:
            for entry in CREDENTIALS:
                settings.remove(layout.credentials_key(name, entry))
        done.append(item)
    settings.sync()
    return done


class NotConfirmedError(Exception):
    """Deleting a connection needs the user's explicit confirmation."""


def delete(connections: list[SavedConnection], confirmed: bool, settings: QgsSettings | None = None) -> int:
    """Remove connections (and their credentials) only when the user confirmed it."""
    if not confirmed:
        raise NotConfirmedError("suppression non confirmée")
    settings = settings or QgsSettings()
    for connection in connections:
        settings.remove(f"{connection.layout.group}/{connection.name}")
        if connection.layout.credentials_group != connection.layout.group:
            settings.remove(f"{connection.layout.credentials_group}/{connection.name}")
    settings.sync()
    return len(connections)


@dataclass(frozen=True)
class OfficialConnection:
    kind: str
    name: str
    values: dict[str, str]


# IGN's official QGIS connection lists (gpf-data/examples/gpf_official_qgis_connections_*.xml, production,
# "open" entries), plus the PLAN.IGN vector tiles of the GPF TMS with their official style.
OFFICIAL_CONNECTIONS = (
    OfficialConnection(
        "wms", "Géoplateforme WMTS open",
        {"url": "https://data.geopf.fr/wmts?REQUEST=GetCapabilities&SERVICE=WMTS&VERSION=1.0.0", "dpiMode": "7"},
    ),
    OfficialConnection(
        "wms", "Géoplateforme WMS Raster open",
        {"url": "https://data.geopf.fr/wms-r?REQUEST=GetCapabilities&SERVICE=WMS&VERSION=1.3.0", "dpiMode": "7"},
    ),
    OfficialConnection(
        "wms", "Géoplateforme WMS Vecteur open",
        {"url": "https://data.geopf.fr/wms-v?REQUEST=GetCapabilities&SERVICE=WMS&VERSION=1.3.0", "dpiMode": "7"},
    ),
    OfficialConnection(
        "wfs", "Géoplateforme WFS open",
        {"url": "https://data.geopf.fr/wfs?VERSION=2.0.0", "version": "auto", "pagingenabled": "true",
         "maxnumfeatures": "100"},
    ),
    OfficialConnection(
        "vectortile", "Géoplateforme PLAN.IGN (tuiles vectorielles)",
        {"url": "https://data.geopf.fr/tms/1.0.0/PLAN.IGN/{z}/{x}/{y}.pbf",
         "styleUrl": "https://data.geopf.fr/annexes/ressources/vectorTiles/styles/PLAN.IGN/standard.json",
         "zmin": "0", "zmax": "18", "serviceType": "xyz"},
    ),
)


# IGN's "restreint" entries of the same lists, for the licensed layers (SCAN 25, SCAN 100, OACI): added only for a
# user who stored a cartes.gouv.fr key, which bascule.private_key then adds to every data.geopf.fr/private request.
# IGN's list gives the free wms-r address to "WMS Raster restreint"; the private SCAN configuration (and the
# registry's gpf_services.csv) serve the licensed raster layers at data.geopf.fr/private/wms-r.
RESTRICTED_CONNECTIONS = (
    OfficialConnection(
        "wms", "Géoplateforme WMTS restreint",
        {"url": "https://data.geopf.fr/private/wmts?REQUEST=GetCapabilities&SERVICE=WMTS&VERSION=1.0.0",
         "dpiMode": "7"},
    ),
    OfficialConnection(
        "wms", "Géoplateforme WMS Raster restreint",
        {"url": "https://data.geopf.fr/private/wms-r?REQUEST=GetCapabilities&SERVICE=WMS&VERSION=1.3.0",
         "dpiMode": "7"},
    ),
)


def add_official_connections(settings: QgsSettings | None = None, generation: str | None = None, *,
                             restricted: bool = False) -> list[str]:
    """Add the official GPF connections under the running QGIS's keys; an existing name is left as it is.

    `restricted` adds the data.geopf.fr/private ones too (the user has a cartes.gouv.fr key).
    """
    settings = settings or QgsSettings()
    existing = {(c.kind, c.name) for c in list_connections(settings)}
    added = []
    for official in OFFICIAL_CONNECTIONS + (RESTRICTED_CONNECTIONS if restricted else ()):
        if (official.kind, official.name) in existing:
            continue
        layout = layout_for(official.kind, generation)
        for entry, value in official.values.items():
            settings.setValue(layout.key(official.name, entry), value)
        added.append(official.name)
    settings.sync()
    return added
