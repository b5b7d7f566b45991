"""Catalogues for the view tests: a small hand-made one, and a realistic one (~1,800 GPF layers).

The realistic one is the bundled snapshot when catalog/snapshot.py provides it; otherwise it is put together
here from the project's registry table (mapping/registry/gpf_layers.csv: every GPF layer with its matrix set,
style and format), the titles and abstracts of the recorded capabilities and IGN's theme list.
"""

from __future__ import annotations

import csv
from pathlib import Path

from lxml import etree

from gpf_bascule.catalog.entry import OTHER_THEME, Catalog, CatalogEntry

ROOT = Path(__file__).resolve().parents[2]
WMTS_URL = "https://data.geopf.fr/wmts?SERVICE%3DWMTS%26REQUEST%3DGetCapabilities"
WMTS_PRIVATE = "https://data.geopf.fr/private/wmts?SERVICE%3DWMTS%26REQUEST%3DGetCapabilities"
WMS_R_URL = "https://data.geopf.fr/wms-r/wms"
WMS_V_URL = "https://data.geopf.fr/wms-v/ows"
WFS_URL = "https://data.geopf.fr/wfs/ows"
STYLES = "https://data.geopf.fr/annexes/ressources/vectorTiles/styles"
PLAN_IGN_STYLE = f"{STYLES}/PLAN.IGN/standard.json"


def wmts_uri(layer: str, style: str, matrix_set: str, fmt: str, crs: str = "EPSG:3857", url: str = WMTS_URL) -> str:
    return (
        f"contextualWMSLegend=0&crs={crs}&dpiMode=7&featureCount=10&format={fmt}&layers={layer}"
        f"&styles={style}&tileMatrixSet={matrix_set}&url={url}"
    )


def wms_uri(layer: str, url: str = WMS_R_URL, crs: str = "EPSG:2154", fmt: str = "image/png") -> str:
    return f"contextualWMSLegend=0&crs={crs}&dpiMode=7&featureCount=10&format={fmt}&layers={layer}&styles&url={url}"


def wfs_uri(typename: str, crs: str = "EPSG:2154") -> str:
    return (
        f"pagingEnabled='true' preferCoordinatesForWfsT11='false' restrictToRequestBBOX='1' srsname='{crs}' "
        f"typename='{typename}' url='{WFS_URL}' version='auto'"
    )


def tms_uri(name: str, style: str = "") -> str:
    tiles = f"https://data.geopf.fr/tms/1.0.0/{name}/%7Bz%7D/%7Bx%7D/%7By%7D.pbf"
    prefix = f"styleUrl={style}&" if style else ""
    return f"{prefix}type=xyz&url={tiles}&zmax=18&zmin=0"


def small_catalog() -> Catalog:
    """Ten layers covering every service, several themes, `autres`, a key-only layer and accents."""
    layers = (
        CatalogEntry("wmts", "ORTHOIMAGERY.ORTHOPHOTOS", "Photographies aériennes", "wms",
                     wmts_uri("ORTHOIMAGERY.ORTHOPHOTOS", "normal", "PM_0_21", "image/jpeg"), ("ortho",),
                     abstract="Photographies aériennes en couleur de la France entière.", crs="EPSG:3857",
                     metadata_url="https://data.geopf.fr/csw?REQUEST=GetRecordById&ID=IGNF_BDORTHOr_2-0"),
        CatalogEntry("wmts", "ORTHOIMAGERY.ORTHOPHOTOS.1950-1965", "Photographies aériennes 1950-1965", "wms",
                     wmts_uri("ORTHOIMAGERY.ORTHOPHOTOS.1950-1965", "BDORTHOHISTORIQUE", "PM_0_18", "image/png"),
                     ("orthohisto",), crs="EPSG:3857"),
        CatalogEntry("wmts", "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2", "Plan IGN v2", "wms",
                     wmts_uri("GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2", "normal", "PM_0_19", "image/png"),
                     ("cartes", "essentiels"), crs="EPSG:3857"),
        CatalogEntry("wmts", "GEOGRAPHICALGRIDSYSTEMS.MAPS", "Cartes IGN", "wms",
                     wmts_uri("GEOGRAPHICALGRIDSYSTEMS.MAPS", "normal", "PM_0_18", "image/jpeg", url=WMTS_PRIVATE),
                     ("cartes",), needs_key=True, crs="EPSG:3857"),
        CatalogEntry("wms-r", "ORTHOIMAGERY.ORTHOPHOTOS", "Photographies aériennes", "wms",
                     wms_uri("ORTHOIMAGERY.ORTHOPHOTOS"), ("ortho",), crs="EPSG:2154"),
        CatalogEntry("wms-v", "ADMINEXPRESS-COG.LATEST", "Limites administratives", "wms",
                     wms_uri("ADMINEXPRESS-COG.LATEST", url=WMS_V_URL), ("administratif",), crs="EPSG:2154"),
        CatalogEntry("wfs", "BDTOPO_V3:batiment", "BDTOPO : Bâtiments", "WFS", wfs_uri("BDTOPO_V3:batiment"),
                     ("topographie",), abstract="Bâtiments de la BD TOPO®.", crs="EPSG:2154"),
        CatalogEntry("wfs", "CADASTRALPARCELS.PARCELLAIRE_EXPRESS:parcelle", "Parcelles cadastrales", "WFS",
                     wfs_uri("CADASTRALPARCELS.PARCELLAIRE_EXPRESS:parcelle"), ("parcellaire",), crs="EPSG:2154"),
        CatalogEntry("wfs", "ELEVATION.CONTOUR.LINE:courbe", "Courbes de niveau", "WFS",
                     wfs_uri("ELEVATION.CONTOUR.LINE:courbe"), (OTHER_THEME,), crs="EPSG:2154"),
        CatalogEntry("tms", "PLAN.IGN", "Plan IGN (tuiles vectorielles)", "vectortile",
                     tms_uri("PLAN.IGN", PLAN_IGN_STYLE), ("cartes",), crs="EPSG:3857"),
    )
    return Catalog(layers=layers, generated="2025-06-25")


# -- the realistic catalogue -------------------------------------------------------------------------------------
NS = {
    "wmts": "http://www.opengis.net/wmts/1.0",
    "ows": "http://www.opengis.net/ows/1.1",
    "wms": "http://www.opengis.net/wms",
    "wfs": "http://www.opengis.net/wfs/2.0",
}


def _titles(data: Path) -> dict[tuple[str, str], tuple[str, str]]:
    """(service, name) -> (title, abstract) from the recorded WMTS, WMS-R and WFS capabilities."""
    caps = data / "capabilities"
    found: dict[tuple[str, str], tuple[str, str]] = {}
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    tree = etree.parse(str(caps / "gpf_wmts_2024-06-06.xml"), parser)
    for layer in tree.iterfind("wmts:Contents/wmts:Layer", NS):
        name = layer.findtext("ows:Identifier", namespaces=NS)
        found["wmts", name] = (layer.findtext("ows:Title", "", NS), layer.findtext("ows:Abstract", "", NS))
    tree = etree.parse(str(caps / "gpf_wms-r_2024-06-06.xml"), parser)
    for layer in tree.iter("{http://www.opengis.net/wms}Layer"):
        name = layer.findtext("wms:Name", namespaces=NS)
        if name:
            found["wms-r", name] = (layer.findtext("wms:Title", "", NS), layer.findtext("wms:Abstract", "", NS))
    tree = etree.parse(str(caps / "gpf_wfs_2025-06-25.xml"), parser)
    for feature in tree.iter("{http://www.opengis.net/wfs/2.0}FeatureType"):
        name = feature.findtext("wfs:Name", namespaces=NS)
        found["wfs", name] = (feature.findtext("wfs:Title", "", NS), feature.findtext("wfs:Abstract", "", NS))
    return found


def _themes(data: Path) -> dict[tuple[str, str], list[str]]:
    services = {"WMTS": ("wmts",), "WMS": ("wms-r", "wms-v"), "WFS": ("wfs",), "TMS": ("tms",)}
    themes: dict[tuple[str, str], list[str]] = {}
    with (data / "mapping" / "gpf_services_by_theme.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            for service in services.get(row["service"], ()):
                keys = themes.setdefault((service, row["layer"]), [])
                if row["key"] not in keys:
                    keys.append(row["key"])
    return themes


def recorded_catalog(data: Path) -> Catalog:
    """Every layer of the registry table, titled and themed from the recorded documents."""
    titles = _titles(data)
    themes = _themes(data)
    layers = []
    with (ROOT / "mapping" / "registry" / "gpf_layers.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            service, name = row["service"], row["name"]
            private = row["access"] == "private"
            title, abstract = titles.get((service, name), ("", ""))
            first = row["formats"].split("|")[0] if row["formats"] else "image/png"
            if service == "wmts":
                crs = row["crs"] or "EPSG:3857"
                uri = wmts_uri(name, row["styles"].split("|")[0], row["tile_matrix_sets"].split("|")[0], first, crs,
                               WMTS_PRIVATE if private else WMTS_URL)
                provider = "wms"
            elif service in ("wms-r", "wms-v"):
                crs = "EPSG:2154"
                uri = wms_uri(name, WMS_V_URL if service == "wms-v" else WMS_R_URL, crs, first)
                provider = "wms"
            elif service == "wfs":
                crs = "EPSG:2154"
                uri, provider = wfs_uri(name), "WFS"
            else:
                crs = "EPSG:3857"
                style = PLAN_IGN_STYLE if name == "PLAN.IGN" else ""
                uri, provider = tms_uri(name, style), "vectortile"
            layers.append(CatalogEntry(
                service, name, title or name, provider, uri, tuple(themes.get((service, name)) or (OTHER_THEME,)),
                abstract=abstract, needs_key=private, crs=crs,
            ))
    return Catalog(layers=tuple(layers), generated="2025-06-25")


def realistic_catalog(data: Path) -> Catalog:
    """The bundled snapshot when it exists (what users will see), else the recorded catalogue above."""
    try:
        from gpf_bascule.catalog.snapshot import load_snapshot
    except ImportError:
        return recorded_catalog(data)
    try:
        catalog = load_snapshot()
    except (OSError, ValueError):
        return recorded_catalog(data)
    return catalog if catalog.layers else recorded_catalog(data)
