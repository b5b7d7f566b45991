#!/usr/bin/env python3
"""Build resources/demo/projet_geoportail_2019.qgz, an old Géoportail project that shows every kind of old source.

A user who runs `make demo` should see on a familiar project that the switch keeps names, groups, styles and
the print layout, and what happens to each kind of source (thematic or personal key, LAMB93, renamed style,
removed layer, private SCAN, WMS raster/vector, INSPIRE, WFS with credentials, a renamed type, `the_geom` in a
filter, XYZ, vector tiles, the gpp3 and 2023 beta hosts, authcfg, a layer already on GPF, non-IGN layers).

Why not simply let QGIS write layers with the old sources: QGIS writes a layer it could not load without its
CRS, extent or renderer, which is not what a project saved in 2019, when the services answered, looks like.
So each layer is built valid against the loopback GPF of the tests (recorded GPF capabilities, no real
network: every other host is refused), styled, saved by QGIS 3.22, and only then given its old data source
in the XML. The output is made deterministic (layer ids, uuids, dates, zip timestamps) so that running the
script again gives the same bytes and the committed file can be checked.

Usage: tools/make_demo_project.py [--data DIR] [--output FILE.qgz|FILE.qgs]
Needs PyQGIS and the test requirements (.venv), and the recorded GPF data (../shared/gpf-data or GPF_SHARED_DATA).
"""

from __future__ import annotations

import argparse
import os
import re
import runpy
import sys
import tempfile
import unicodedata
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = Path(os.environ.get("GPF_SHARED_DATA", ROOT.parent / "shared" / "gpf-data"))
DEFAULT_OUTPUT = ROOT / "resources" / "demo" / "projet_geoportail_2019.qgz"
LOCAL_DATA = "donnees/zones_etude.gpkg"

# Fake credentials: a personal key has 24 characters; none of these was ever valid.
PERSONAL_KEY = "abcd1234efgh5678ijkl9012"
SCAN_KEY = "mnop3456qrst7890uvwx1234"
SAVED = "2023-11-20T17:42:05"  # last saved before the old services were switched off
NAMESPACE = uuid.UUID("5b0c3d4e-8a51-4f7e-9a0c-2f0e6d1c9b21")

WMTS_CAPS = "SERVICE%3DWMTS%26REQUEST%3DGetCapabilities"
GPF_WMTS = f"https://data.geopf.fr/wmts?{WMTS_CAPS}"


def wmts(url: str, layer: str, style: str, matrix_set: str, fmt: str, crs: str = "EPSG:3857") -> str:
    """A WMTS source as QGIS 3.x writes it when the layer comes from a saved WMS/WMTS connection."""
    return (
        f"contextualWMSLegend=0&crs={crs}&dpiMode=7&featureCount=10&format={fmt}&layers={layer}"
        f"&styles={style}&tileMatrixSet={matrix_set}&url={url}"
    )


def old_wmts(key: str, host: str = "https://wxs.ign.fr") -> str:
    return f"{host}/{key}/geoportail/wmts?{WMTS_CAPS}"


def wms(url: str, layer: str, fmt: str = "image/png", crs: str = "EPSG:2154", prefix: str = "") -> str:
    return (
        f"{prefix}contextualWMSLegend=0&crs={crs}&dpiMode=7&featureCount=10&format={fmt}&layers={layer}"
        f"&styles&url={url}"
    )


def wfs(url: str, typename: str, extra: str = "") -> str:
    return (
        f"pagingEnabled='true' preferCoordinatesForWfsT11='false' restrictToRequestBBOX='1' srsname='EPSG:2154' "
        f"typename='{typename}' url='{url}' version='auto'{extra}"
    )


def xyz(url: str, zmax: int = 19) -> str:
    return f"type=xyz&url={url}&zmax={zmax}&zmin=0"


def vector_tiles(tiles: str, style: str) -> str:
    return f"styleUrl={style}&type=xyz&url={tiles}&zmax=18&zmin=0"


WXS_GETTILE = (
    "https://wxs.ign.fr/cartes/geoportail/wmts?layer%3DGEOGRAPHICALGRIDSYSTEMS.PLANIGNV2%26style%3Dnormal"
    "%26tilematrixset%3DPM%26Service%3DWMTS%26Request%3DGetTile%26Version%3D1.0.0%26Format%3Dimage/png"
    "%26TileMatrix%3D%7Bz%7D%26TileCol%3D%7Bx%7D%26TileRow%3D%7By%7D"
)
OSM = "https://tile.openstreetmap.org/%7Bz%7D/%7Bx%7D/%7By%7D.png"
GPF_TMS_PLAN = "https://data.geopf.fr/tms/1.0.0/PLAN.IGN/%7Bz%7D/%7Bx%7D/%7By%7D.pbf"
OLD_TMS_PLAN = "https://wxs.ign.fr/essentiels/geoportail/tms/1.0.0/PLAN.IGN/%7Bz%7D/%7Bx%7D/%7By%7D.pbf"
GPF_STYLE = "https://data.geopf.fr/annexes/ressources/vectorTiles/styles/PLAN.IGN/standard.json"
OLD_STYLE = "https://wxs.ign.fr/static/vectorTiles/styles/PLAN.IGN/essentiels/standard.json"
COMMUNES_SQL = (
    ' sql=SELECT * FROM "ADMINEXPRESS-COG-CARTO.LATEST:commune" '
    "WHERE ST_Intersects({geom}, ST_MakeEnvelope(740000, 6260000, 800000, 6310000))"
)


@dataclass(frozen=True)
class DemoLayer:
    """One layer of the demo: the old source written in the project, and a GPF stand-in to build it valid."""

    name: str
    group: str
    kind: str  # raster (wms provider), wfs, vectortile, ogr
    old_source: str
    build_source: str = ""  # a source the loopback GPF answers; empty: build with old_source
    opacity: float = 1.0
    visible: bool = True
    style: str = ""  # key into STYLES


FONDS = "Fonds de plan"
ENVIRONNEMENT = "Environnement"
CADASTRE = "Cadastre et adresses"
TOPOGRAPHIE = "Topographie"
LOCAL = "Données de l'étude"

DEMO_LAYERS: tuple[DemoLayer, ...] = (
    DemoLayer("Zones d'étude", LOCAL, "ogr", f"./{LOCAL_DATA}|layername=zones_etude", style="zones", visible=True),
    DemoLayer(
        "Communes du secteur (filtre the_geom)",
        LOCAL,
        "wfs",
        wfs(
            "https://wxs.ign.fr/administratif/geoportail/wfs",
            "ADMINEXPRESS-COG-CARTO.LATEST:commune",
            COMMUNES_SQL.format(geom="the_geom"),
        ),
        wfs(
            "https://data.geopf.fr/wfs/ows",
            "ADMINEXPRESS-COG-CARTO.LATEST:commune",
            COMMUNES_SQL.format(geom="geom"),
        ),
        style="communes",
    ),
    DemoLayer(
        "Adresses BAN",
        CADASTRE,
        "wfs",
        wfs("https://wxs.ign.fr/adresse/geoportail/wfs", "BAN.ADRESSE:ban"),
        wfs("https://data.geopf.fr/wfs/ows", "BAN.DATA.GOUV:ban"),
        style="adresses",
        visible=False,
    ),
    DemoLayer(
        "Parcelles cadastrales (INSPIRE)",
        CADASTRE,
        "raster",
        wms("https://wxs.ign.fr/inspire/inspire/r/wms", "CP.CadastralParcel"),
        wms("https://data.geopf.fr/wms-r/wms", "CP.CadastralParcel"),
        opacity=0.8,
    ),
    DemoLayer(
        "Bâtiments BD TOPO",
        TOPOGRAPHIE,
        "wfs",
        wfs(
            "https://wxs.ign.fr/topographie/geoportail/wfs",
            "BDTOPO_V3:batiment",
            " username='jdupont' password='Geoportail2019!'",
        ),
        wfs("https://data.geopf.fr/wfs/ows", "BDTOPO_V3:batiment"),
        style="batiments",
    ),
    DemoLayer(
        "Hydrographie BD CARTO (WMS vecteur)",
        TOPOGRAPHIE,
        "raster",
        wms("https://wxs.ign.fr/cartovecto/geoportail/v/wms", "BDCARTO-HYDROGRAPHIE_WLD_WGS84G"),
        wms("https://data.geopf.fr/wms-v/ows", "BDCARTO-HYDROGRAPHIE_WLD_WGS84G"),
    ),
    DemoLayer(
        "Plan IGN vectoriel",
        TOPOGRAPHIE,
        "vectortile",
        vector_tiles(OLD_TMS_PLAN, OLD_STYLE),
        vector_tiles(GPF_TMS_PLAN, GPF_STYLE),
        visible=False,
    ),
    DemoLayer(
        "ZNIEFF de type 1",
        ENVIRONNEMENT,
        "raster",
        wmts(old_wmts("environnement"), "PROTECTEDAREAS.ZNIEFF1", "normal", "PM", "image/png"),
        wmts(GPF_WMTS, "PROTECTEDAREAS.ZNIEFF1", "PROTECTEDAREAS.ZNIEFF1", "PM_6_16", "image/png"),
        opacity=0.6,
    ),
    DemoLayer(
        "Parcs nationaux (ancien lien http)",
        ENVIRONNEMENT,
        "raster",
        wmts(old_wmts("environnement", "http://gpp3-wxs.ign.fr"), "PROTECTEDAREAS.PN", "normal", "PM", "image/png"),
        wmts(GPF_WMTS, "PROTECTEDAREAS.PN", "PROTECTEDAREAS.PN", "PM_6_16", "image/png"),
        opacity=0.7,
        visible=False,
    ),
    DemoLayer(
        "Limites administratives (déjà Géoplateforme)",
        FONDS,
        "raster",
        wmts(GPF_WMTS, "ADMINEXPRESS-COG-CARTO.LATEST", "normal", "PM_6_16", "image/png"),
    ),
    DemoLayer(
        "Photographies aériennes",
        FONDS,
        "raster",
        wmts(old_wmts("ortho"), "ORTHOIMAGERY.ORTHOPHOTOS", "normal", "PM", "image/jpeg"),
        wmts(GPF_WMTS, "ORTHOIMAGERY.ORTHOPHOTOS", "normal", "PM_0_21", "image/jpeg"),
    ),
    DemoLayer(
        "Plan IGN v2 (clé personnelle)",
        FONDS,
        "raster",
        wmts(old_wmts(PERSONAL_KEY), "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2", "normal", "PM", "image/png"),
        wmts(GPF_WMTS, "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2", "normal", "PM_0_19", "image/png"),
        visible=False,
    ),
    DemoLayer(
        "Plan IGN v2 Lambert 93",
        FONDS,
        "raster",
        wmts(
            old_wmts("lambert93"), "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2.L93", "normal", "LAMB93", "image/png", "EPSG:2154"
        ),
        wms("https://data.geopf.fr/wms-r/wms", "ORTHOIMAGERY.ORTHOPHOTOS"),
        visible=False,
    ),
    DemoLayer(
        "Carte IGN SCAN 25 (clé personnelle)",
        FONDS,
        "raster",
        wmts(old_wmts(SCAN_KEY), "GEOGRAPHICALGRIDSYSTEMS.MAPS", "normal", "PM", "image/jpeg"),
        wmts(GPF_WMTS, "GEOGRAPHICALGRIDSYSTEMS.MAPS.OVERVIEW", "normal", "PM_1_8", "image/jpeg"),
        visible=False,
    ),
    DemoLayer(
        "Ortho express 2022",
        FONDS,
        "raster",
        wmts(old_wmts("ortho"), "ORTHOIMAGERY.ORTHOPHOTOS.ORTHO-EXPRESS.2022", "normal", "PM", "image/jpeg"),
        wmts(GPF_WMTS, "ORTHOIMAGERY.ORTHOPHOTOS.ORTHO-EXPRESS.2021", "normal", "PM_0_20", "image/jpeg"),
        visible=False,
    ),
    DemoLayer(
        "Infrarouge couleur (Géoplateforme bêta 2023)",
        FONDS,
        "raster",
        wmts(
            f"https://wmts.geopf.fr/rok4/wmts?{WMTS_CAPS}", "ORTHOIMAGERY.ORTHOPHOTOS.IRC", "normal", "PM", "image/jpeg"
        ),
        wmts(GPF_WMTS, "ORTHOIMAGERY.ORTHOPHOTOS.IRC", "normal", "PM_0_19", "image/jpeg"),
        visible=False,
    ),
    DemoLayer(
        "BD ORTHO (WMS raster)",
        FONDS,
        "raster",
        wms("https://wxs.ign.fr/ortho/geoportail/r/wms", "ORTHOIMAGERY.ORTHOPHOTOS.BDORTHO", "image/jpeg"),
        wms("https://data.geopf.fr/wms-r/wms", "ORTHOIMAGERY.ORTHOPHOTOS.BDORTHO", "image/jpeg"),
        visible=False,
    ),
    DemoLayer(
        "Ortho haute résolution (authentification QGIS)",
        FONDS,
        "raster",
        wms(
            f"https://wxs.ign.fr/{PERSONAL_KEY}/geoportail/r/wms",
            "HR.ORTHOIMAGERY.ORTHOPHOTOS",
            "image/jpeg",
            prefix="authcfg=ign2019&",
        ),
        wms("https://data.geopf.fr/wms-r/wms", "HR.ORTHOIMAGERY.ORTHOPHOTOS", "image/jpeg"),
        visible=False,
    ),
    DemoLayer("Plan IGN (tuiles XYZ)", FONDS, "raster", xyz(WXS_GETTILE), visible=False),
    DemoLayer("OpenStreetMap", FONDS, "raster", xyz(OSM), visible=False),
)

GROUP_ORDER = (LOCAL, CADASTRE, TOPOGRAPHIE, ENVIRONNEMENT, FONDS)


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "_", ascii_text).strip("_")


def layer_id(name: str) -> str:
    """A stable id in QGIS's own shape (name, then a uuid with underscores)."""
    return f"{_slug(name)}_{str(uuid.uuid5(NAMESPACE, name)).replace('-', '_')}"


def write_local_data(folder: Path) -> Path:
    """The study zones: a tiny GeoPackage, written with fixed dates so that its bytes do not change."""
    from osgeo import gdal, ogr, osr

    gdal.SetConfigOption("OGR_CURRENT_DATE", "2019-03-12T09:00:00.000Z")
    path = folder / LOCAL_DATA
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = dataset.CreateLayer("zones_etude", srs, ogr.wkbPolygon, options=["FID=fid", "GEOMETRY_NAME=geom"])
    layer.CreateField(ogr.FieldDefn("nom", ogr.OFTString))
    layer.CreateField(ogr.FieldDefn("type", ogr.OFTString))
    zones = (
        ("Étang de l'Or", "zone humide", (781000, 6283000, 786000, 6288000)),
        ("Garrigues de la Lauze", "garrigue", (763000, 6281000, 768000, 6286000)),
        ("Vallée du Lez", "ripisylve", (770000, 6285000, 772500, 6293000)),
    )
    for nom, kind, (x0, y0, x1, y1) in zones:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("nom", nom)
        feature.SetField("type", kind)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"))
        layer.CreateFeature(feature)
    dataset = None  # noqa: F841 (closes the file)
    gdal.SetConfigOption("OGR_CURRENT_DATE", None)
    return path


def _styles() -> dict[str, Callable]:
    """Vector styles a user would have set: categories, outlines, a filled building colour, opacity."""
    from qgis.core import (
        QgsCategorizedSymbolRenderer,
        QgsFillSymbol,
        QgsMarkerSymbol,
        QgsRendererCategory,
        QgsSingleSymbolRenderer,
    )

    def zones(layer) -> None:  # noqa: ANN001
        colours = {"zone humide": "#3a86c8", "garrigue": "#c8a13a", "ripisylve": "#3ac86b"}
        categories = [
            QgsRendererCategory(
                value, QgsFillSymbol.createSimple({"color": f"{colour}88", "outline_color": colour}), value
            )
            for value, colour in colours.items()
        ]
        layer.setRenderer(QgsCategorizedSymbolRenderer("type", categories))

    def communes(layer) -> None:  # noqa: ANN001
        symbol = QgsFillSymbol.createSimple({"style": "no", "outline_color": "#6a3d9a", "outline_width": "0.6"})
        layer.setRenderer(QgsSingleSymbolRenderer(symbol))

    def batiments(layer) -> None:  # noqa: ANN001
        symbol = QgsFillSymbol.createSimple({"color": "#b9a18b", "outline_color": "#7a6a5c", "outline_width": "0.1"})
        layer.setRenderer(QgsSingleSymbolRenderer(symbol))
        layer.setOpacity(0.85)

    def adresses(layer) -> None:  # noqa: ANN001
        symbol = QgsMarkerSymbol.createSimple({"name": "circle", "color": "#e4572e", "size": "1.2"})
        layer.setRenderer(QgsSingleSymbolRenderer(symbol))

    return {"zones": zones, "communes": communes, "batiments": batiments, "adresses": adresses}


def _make_layer(spec: DemoLayer, folder: Path):  # noqa: ANN202 (a QgsMapLayer)
    from qgis.core import QgsRasterLayer, QgsVectorLayer, QgsVectorTileLayer

    source = spec.build_source or spec.old_source
    if spec.kind == "ogr":
        layer = QgsVectorLayer(str(folder / source[2:]), spec.name, "ogr")
    elif spec.kind == "wfs":
        layer = QgsVectorLayer(source, spec.name, "WFS")
    elif spec.kind == "vectortile":
        layer = QgsVectorTileLayer(source, spec.name)
        _, ok = layer.loadDefaultStyle()
        if not ok:
            raise RuntimeError(f"{spec.name}: the vector tile style did not load")
    else:
        layer = QgsRasterLayer(source, spec.name, "wms")
    if not layer.isValid():
        raise RuntimeError(f"{spec.name}: the stand-in source did not load: {source}")
    if spec.style:
        _styles()[spec.style](layer)
    if spec.opacity != 1.0:
        if spec.kind == "raster":
            layer.renderer().setOpacity(spec.opacity)
        else:
            layer.setOpacity(spec.opacity)
    return layer


def _add_layout(project, title: str) -> None:  # noqa: ANN001
    """An A4 landscape layout with a map, a title, a legend and a scale bar, as a 2019 user would have made."""
    from qgis.core import (
        QgsLayoutItemLabel,
        QgsLayoutItemLegend,
        QgsLayoutItemMap,
        QgsLayoutItemScaleBar,
        QgsLayoutPoint,
        QgsLayoutSize,
        QgsPrintLayout,
        QgsRectangle,
        QgsUnitTypes,
    )

    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName("Carte A4 paysage")
    mm = QgsUnitTypes.LayoutMillimeters
    label = QgsLayoutItemLabel(layout)
    label.setText(title)
    label.attemptMove(QgsLayoutPoint(10, 6, mm))
    label.attemptResize(QgsLayoutSize(200, 12, mm))
    layout.addLayoutItem(label)
    map_item = QgsLayoutItemMap(layout)
    map_item.attemptMove(QgsLayoutPoint(10, 20, mm))
    map_item.attemptResize(QgsLayoutSize(200, 180, mm))
    map_item.setExtent(QgsRectangle(758000, 6276000, 790000, 6298000))
    layout.addLayoutItem(map_item)
    legend = QgsLayoutItemLegend(layout)
    legend.setTitle("Légende")
    legend.setLinkedMap(map_item)
    legend.attemptMove(QgsLayoutPoint(215, 20, mm))
    layout.addLayoutItem(legend)
    scale = QgsLayoutItemScaleBar(layout)
    scale.setLinkedMap(map_item)
    scale.applyDefaultSize()
    scale.attemptMove(QgsLayoutPoint(215, 180, mm))
    layout.addLayoutItem(scale)
    project.layoutManager().addLayout(layout)


def build_project(output_qgs: Path, layers: tuple[DemoLayer, ...] = DEMO_LAYERS) -> None:
    """Write the project with stand-in sources (QGIS must run and reach a loopback GPF), then the old sources.

    The local GeoPackage must already be at `output_qgs.parent / LOCAL_DATA`.
    """
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsProject,
        QgsProjectMetadata,
        QgsRectangle,
        QgsReferencedRectangle,
    )
    from qgis.PyQt.QtCore import QDateTime, Qt

    project = QgsProject.instance()
    project.clear()
    project.setFileName(str(output_qgs))
    project.setTitle("Étude des zones humides du Montpelliérais")
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    metadata = QgsProjectMetadata()
    metadata.setTitle(project.title())
    metadata.setAuthor("Jeanne Dupont")
    metadata.setCreationDateTime(QDateTime.fromString("2019-03-12T09:00:00", Qt.ISODate))
    metadata.setAbstract("Projet de démonstration de GPF Bascule : sources Géoportail (wxs.ign.fr) d'avant 2024.")
    project.setMetadata(metadata)
    root = project.layerTreeRoot()
    groups = {name: root.addGroup(name) for name in GROUP_ORDER}
    ids = {}
    for spec in layers:
        layer = _make_layer(spec, output_qgs.parent)
        project.addMapLayer(layer, False)
        node = groups[spec.group].addLayer(layer)
        node.setItemVisibilityChecked(spec.visible)
        ids[layer.id()] = spec
    groups[FONDS].setExpanded(False)
    extent = QgsRectangle(758000, 6276000, 790000, 6298000)
    project.viewSettings().setDefaultViewExtent(QgsReferencedRectangle(extent, project.crs()))
    _add_layout(project, "Zones humides du Montpelliérais — fonds Géoportail")
    if not project.write(str(output_qgs)):
        raise RuntimeError(f"QGIS could not write {output_qgs}: {project.error()}")
    project.clear()
    text = output_qgs.read_text(encoding="utf-8")
    output_qgs.write_text(_restore_old_sources(text, ids), encoding="utf-8")


def _restore_old_sources(text: str, ids: dict) -> str:
    """Put each layer's old source in place of its stand-in, then make ids, uuids and dates stable.

    QGIS 3.22 writes a layer's source twice: in its <maplayer><datasource> and in the layer tree's `source`.
    """
    from xml.sax.saxutils import escape, quoteattr

    for qgis_id, spec in ids.items():
        if spec.kind != "ogr" and spec.build_source:
            block = re.search(rf"<id>{re.escape(qgis_id)}</id>\s*<datasource>(.*?)</datasource>", text, re.S)
            node = re.search(rf'<layer-tree-layer [^>]*id="{re.escape(qgis_id)}"[^>]*>', text)
            if block is None or node is None:
                raise RuntimeError(f"layer {spec.name} not found in the written project")
            start, end = block.span(1)
            text = text[:start] + escape(spec.old_source) + text[end:]
            node = re.search(rf'<layer-tree-layer [^>]*id="{re.escape(qgis_id)}"[^>]*>', text)
            element = re.sub(
                r' source="[^"]*"',
                lambda _, old=spec.old_source: " source=" + quoteattr(old, {'"': "&quot;"}),
                node.group(0),
            )
            text = text[: node.start()] + element + text[node.end() :]
        text = text.replace(qgis_id, layer_id(spec.name))
    # Ids QGIS draws at random (uuid4, e.g. the main annotation layer's) become stable ones.
    text = re.sub(
        r"\b([A-Za-z0-9_]+)_([0-9a-f]{8}_[0-9a-f]{4}_4[0-9a-f]{3}_[0-9a-f]{4}_[0-9a-f]{12})\b",
        lambda m: layer_id(m.group(1)),
        text,
    )
    # QGIS writes per-layer snapping settings in hash order.
    text = re.sub(
        r"(<individual-layer-settings>\n)(.*?)(\s*</individual-layer-settings>)",
        lambda m: m.group(1) + "\n".join(sorted(m.group(2).split("\n"))) + m.group(3),
        text,
        flags=re.S,
    )
    counter = iter(range(10**6))
    text = re.sub(
        r"\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}",
        lambda _: "{" + str(uuid.uuid5(NAMESPACE, f"uuid-{next(counter)}")) + "}",
        text,
    )
    text = re.sub(r'saveDateTime="[^"]*"', f'saveDateTime="{SAVED}"', text)
    text = re.sub(r'saveUser="[^"]*"', 'saveUser="jdupont"', text)
    text = re.sub(r'saveUserFull="[^"]*"', 'saveUserFull="Jeanne Dupont"', text)
    if "127.0.0.1" in text:
        raise RuntimeError("the loopback address leaked into the project")
    return text


def write_qgz(qgs: Path, qgz: Path) -> None:
    """Zip the .qgs the way QGIS does (one member named after the project), with a fixed timestamp."""
    info = zipfile.ZipInfo(qgs.name, date_time=(2023, 11, 20, 17, 42, 4))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    with zipfile.ZipFile(qgz, "w") as archive:
        archive.writestr(info, qgs.read_bytes())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="recorded GPF data (gpf-data folder)")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="project to write (.qgz or .qgs)")
    args = parser.parse_args(argv)
    if os.environ.get("QT_HASH_SEED") != "0":
        # Qt orders XML attributes by a seeded hash: a fixed seed is the only way to get the same bytes twice.
        os.environ["QT_HASH_SEED"] = "0"
        os.execv(sys.executable, [sys.executable, str(Path(__file__).resolve()), *sys.argv[1:]])
    if not (args.data / "capabilities").is_dir():
        parser.error(f"recorded GPF data not found at {args.data} (set GPF_SHARED_DATA)")
    output = args.output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="gpf-demo-") as scratch:
        # A throw-away QGIS profile: nothing is read from or written to the user's settings.
        os.environ["XDG_CONFIG_HOME"] = scratch
        os.environ["QGIS_CUSTOM_CONFIG_PATH"] = scratch
        from qgis.core import QgsApplication
        from qgis.PyQt.QtCore import QCoreApplication

        QCoreApplication.setOrganizationName("gpf_bascule")
        QCoreApplication.setApplicationName("make_demo_project")
        app = QgsApplication([], False)
        app.initQgis()
        try:
            runpy.run_path(str(ROOT / "gpf-bascule"), run_name="gpf_bascule_loader")["load_package"]()
            from gpf_bascule.tests.qgis.fake_gpf import redirected, running

            write_local_data(output.parent)
            # Beside the output, so that QGIS writes the GeoPackage path relative to the project.
            qgs = output.with_suffix(".qgs")
            with running(args.data) as (fake, server), redirected(f"http://{server.host}:{server.port}"):
                build_project(qgs, DEMO_LAYERS)
                refused = fake.refused()
            if refused:
                raise RuntimeError(f"the loopback GPF refused: {[r.reason for r in refused]}")
            if output.suffix == ".qgz":
                write_qgz(qgs, output)
                qgs.unlink()
        finally:
            app.exitQgis()
    print(f"wrote {output} ({len(DEMO_LAYERS)} layers)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
