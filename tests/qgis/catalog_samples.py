"""Catalogues for the view tests: a small hand-made one, and a realistic one (~1,800 GPF layers).

The realistic one is the bundled snapshot (what users get); `recorded_catalog` rebuilds the same from the
recorded documents with the project's own builder.
"""

from __future__ import annotations

from pathlib import Path

from gpf_bascule.catalog.entry import OTHER_THEME, Catalog, CatalogEntry

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


def recorded_catalog(data: Path) -> Catalog:
    """The catalogue the project's own builder makes from the recorded documents (../shared/gpf-data)."""
    from gpf_bascule.catalog.parse import build_catalog
    from gpf_bascule.catalog.sources import load

    documents = load(data)
    return build_catalog(documents.data, "2025-06-25", documents.labels)


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
