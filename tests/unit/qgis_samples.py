"""Realistic QGIS files built in memory for the file-rewriting tests (projects 1.8 to 3.x, qgz, qlr, exports).

Imported by the test modules of tests/unit (they put this folder on sys.path): fixtures are generated
rather than committed, so that each test shows what it feeds in.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from lxml import etree

PERSONAL_KEY = "abcdefghijkl0123456789ab"
PASSWORD = "S3cr3t-Pa55"
QGIS_DOCTYPE = "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>"

WMTS = (
    "contextualWMSLegend=0&crs=EPSG:3857&dpiMode=7&featureCount=10&format=image/jpeg"
    "&layers=ORTHOIMAGERY.ORTHOPHOTOS&styles=normal&tileMatrixSet=PM"
    "&url=https://wxs.ign.fr/ortho/geoportail/wmts?SERVICE%3DWMTS%26REQUEST%3DGetCapabilities"
)
WMTS_PERSONAL = (
    "contextualWMSLegend=0&crs=EPSG:3857&dpiMode=7&featureCount=10&format=image/png"
    f"&layers=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2&password={PASSWORD}&styles=normal&tileMatrixSet=PM"
    f"&url=https://wxs.ign.fr/{PERSONAL_KEY}/geoportail/wmts&username=jdupont"
)
WMS_R = (
    "contextualWMSLegend=0&crs=EPSG:2154&dpiMode=7&featureCount=10&format=image/png"
    "&layers=CADASTRALPARCELS.PARCELLAIRE_EXPRESS&styles&url=https://wxs.ign.fr/parcellaire/geoportail/r/wms"
)
WFS = (
    "pagingEnabled='true' preferCoordinatesForWfsT11='false' restrictToRequestBBOX='1' srsname='EPSG:2154' "
    "typename='BDTOPO_V3:batiment' url='https://wxs.ign.fr/topographie/geoportail/wfs' version='auto'"
)
WFS_AUTHCFG = (
    "authcfg='ab12cd3' pagingEnabled='true' srsname='EPSG:2154' typename='BDTOPO_V3:batiment' "
    f"url='https://wxs.ign.fr/{PERSONAL_KEY}/geoportail/wfs' version='auto'"
)
VECTOR_TILES = (
    "styleUrl=https://wxs.ign.fr/static/vectorTiles/styles/PLAN.IGN/essentiels/standard.json&type=xyz"
    "&url=https://wxs.ign.fr/essentiels/geoportail/tms/1.0.0/PLAN.IGN/%7Bz%7D/%7Bx%7D/%7By%7D.pbf&zmax=18&zmin=0"
)
POSTGRES = (
    "dbname='gis' host=localhost port=5432 user='jean' sslmode=disable key='id' table=\"public\".\"routes\" (geom)"
)
OGR = "/data/a.shp"
OSM_XYZ = "type=xyz&url=https://tile.openstreetmap.org/%7Bz%7D/%7Bx%7D/%7By%7D.png&zmax=19&zmin=0"

#: (id, name, layer type, provider, source): one layer of each kind the tests need.
LAYERS = [
    ("ortho_1", "Photographies aériennes", "raster", "wms", WMTS),
    ("plan_2", "Plan IGN (clé perso)", "raster", "wms", WMTS_PERSONAL),
    ("cadastre_3", "Parcelles", "raster", "wms", WMS_R),
    ("bati_4", "Bâtiments", "vector", "WFS", WFS),
    ("plan_vt_5", "Plan IGN vecteur", "vector-tile", "vectortile", VECTOR_TILES),
    ("routes_6", "Routes (PostGIS)", "vector", "postgres", POSTGRES),
    ("communes_7", "Communes", "vector", "ogr", OGR),
    ("osm_8", "OpenStreetMap", "raster", "wms", OSM_XYZ),
]
IGN_IDS = {"ortho_1", "plan_2", "cadastre_3", "bati_4", "plan_vt_5"}


def _style(layer_type: str, index: int) -> str:
    """Styling nodes QGIS writes after the source: they must come back untouched."""
    if layer_type == "vector":
        return f"""      <renderer-v2 type="singleSymbol" symbollevels="0" enableorderby="0" forceraster="0">
        <symbols>
          <symbol name="0" type="fill" alpha="0.8" clip_to_extent="1" force_rhr="0">
            <layer class="SimpleFill" pass="0" locked="0" enabled="1">
              <Option type="Map">
                <Option name="color" type="QString" value="{index * 20},120,200,255"/>
                <Option name="outline_width" type="QString" value="0.26"/>
              </Option>
            </layer>
          </symbol>
        </symbols>
      </renderer-v2>
      <labeling type="simple">
        <settings calloutType="simple">
          <text-style fieldName="nom &amp; &quot;type&quot;" fontFamily="Open Sans" fontSize="9"/>
        </settings>
      </labeling>
      <mapTip>&lt;b&gt;[% "nom" %]&lt;/b&gt; é ü ∑</mapTip>
"""
    return f"""      <pipe>
        <rasterrenderer type="singlebandcolordata" opacity="{0.5 + index / 20}" alphaBand="-1" band="1">
          <rasterTransparency/>
        </rasterrenderer>
        <brightnesscontrast brightness="0" contrast="{index}" gamma="1"/>
        <huesaturation saturation="0" grayscaleMode="0" colorizeOn="0"/>
      </pipe>
      <blendMode>0</blendMode>
"""


def maplayer(layer_id: str, name: str, layer_type: str, provider: str | None, source: str, index: int = 0) -> str:
    provider_xml = f'      <provider encoding="UTF-8">{provider}</provider>\n' if provider is not None else ""
    flags = 'hasScaleBasedVisibilityFlag="0" refreshOnNotifyEnabled="0" styleCategories="AllStyleCategories"'
    return f"""    <maplayer type="{layer_type}" {flags}>
      <extent>
        <xmin>-20037508.34</xmin>
        <ymin>-20037508.34</ymin>
        <xmax>20037508.34</xmax>
        <ymax>20037508.34</ymax>
      </extent>
      <id>{layer_id}</id>
      <datasource>{escape(source)}</datasource>
      <keywordList>
        <value></value>
      </keywordList>
      <layername>{escape(name)}</layername>
      <srs>
        <spatialrefsys nativeFormat="Wkt">
          <authid>EPSG:3857</authid>
        </spatialrefsys>
      </srs>
{provider_xml}{_style(layer_type, index)}    </maplayer>
"""


def tree_layer(layer_id: str, name: str, provider: str, source: str) -> str:
    return (
        f"      <layer-tree-layer id={quoteattr(layer_id)} name={quoteattr(name)} providerKey={quoteattr(provider)}"
        f" source={quoteattr(source)} checked=\"Qt::Checked\" expanded=\"1\" legend_exp=\"\">\n"
        "        <customproperties>\n          <Option/>\n        </customproperties>\n"
        "      </layer-tree-layer>\n"
    )


def project(layers=None, version: str = "3.34.4-Prizren", doctype: bool = True, trailer: str = "") -> bytes:
    """A QGIS 3 project: layer tree, layers with styles, a layout with a layer set, an atlas and a legend."""
    layers = LAYERS if layers is None else layers
    tree = "".join(tree_layer(i, n, p, s) for i, n, _, p, s in layers)
    maplayers = "".join(maplayer(i, n, t, p, s, k) for k, (i, n, t, p, s) in enumerate(layers))
    layer_set = "".join(
        f"          <Layer source={quoteattr(s)} provider={quoteattr(p)} name={quoteattr(n)}>{i}</Layer>\n"
        for i, n, _, p, s in layers
    )
    wfs = next(((i, n, p, s) for i, n, _, p, s in layers if p == "WFS"), None)
    atlas = (
        f'      <Atlas enabled="1" coverageLayer="{wfs[0]}" coverageLayerName={quoteattr(wfs[1])}'
        f' coverageLayerSource={quoteattr(wfs[3])} coverageLayerProvider="WFS" pageNameExpression="&quot;nom&quot;"/>\n'
        if wfs
        else ""
    )
    order = "".join(f"      <item>{i}</item>\n" for i, *_ in layers)
    header = '<?xml version="1.0" encoding="UTF-8"?>\n' if version.startswith("3") else ""
    text = f"""{header}{QGIS_DOCTYPE if doctype else ""}
<qgis projectname="Démo bascule" version="{version}" saveUser="jdupont">
  <homePath path=""/>
  <title>Démo bascule</title>
  <!-- a comment QGIS never writes, kept anyway -->
  <projectCrs>
    <spatialrefsys nativeFormat="Wkt"><authid>EPSG:2154</authid></spatialrefsys>
  </projectCrs>
  <layer-tree-group>
    <customproperties>
      <Option/>
    </customproperties>
{tree}    <custom-order enabled="0">
{order}    </custom-order>
  </layer-tree-group>
  <snapping-settings mode="2" enabled="0" tolerance="12"/>
  <projectlayers>
{maplayers}  </projectlayers>
  <Layouts>
    <Layout name="A4 paysage" units="mm">
      <LayoutItem type="65639" id="Carte 1" uuid="{{6b8f}}">
        <LayerSet>
{layer_set}        </LayerSet>
      </LayoutItem>
{atlas}    </Layout>
  </Layouts>
  <properties>
    <WMSServiceTitle type="QString">Démo</WMSServiceTitle>
  </properties>
</qgis>
{trailer}"""
    return text.encode("utf-8")


def qgis18_project() -> bytes:
    """A QGIS 1.8 project: no XML declaration, a legend, a WMS raster layer saved without a provider."""
    return f"""{QGIS_DOCTYPE}
<qgis projectname="" version="1.8.0-Lisboa">
    <title></title>
    <legend updateDrawingOrder="true">
        <legendlayer drawingOrder="-1" open="true" checked="Qt::Checked" name="Parcelles" showFeatureCount="0">
            <filegroup open="true" hidden="false">
                <legendlayerfile isInOverview="0" layerid="parcelles20120101" visible="1"/>
            </filegroup>
        </legendlayer>
    </legend>
    <projectlayers layercount="2">
        <maplayer minimumScale="0" maximumScale="1e+08" type="raster" hasScaleBasedVisibilityFlag="0">
            <id>parcelles20120101</id>
            <datasource>crs=EPSG:2154&amp;featureCount=10&amp;format=image/png&amp;layers=CADASTRALPARCELS.PARCELLAIRE_EXPRESS&amp;styles=&amp;url=https://wxs.ign.fr/parcellaire/geoportail/r/wms</datasource>
            <layername>Parcelles</layername>
            <rasterproperties>
                <mDrawingStyle>MultiBandColor</mDrawingStyle>
            </rasterproperties>
        </maplayer>
        <maplayer minimumScale="0" maximumScale="1e+08" type="vector" geometry="Polygon">
            <id>communes20120101</id>
            <datasource>/data/communes.shp</datasource>
            <layername>Communes</layername>
            <provider encoding="System">ogr</provider>
        </maplayer>
    </projectlayers>
</qgis>
""".encode()


def qlr(layers=None) -> bytes:
    layers = [LAYERS[0], LAYERS[3], LAYERS[6]] if layers is None else layers
    tree = "".join(tree_layer(i, n, p, s) for i, n, _, p, s in layers)
    maplayers = "".join(maplayer(i, n, t, p, s, k) for k, (i, n, t, p, s) in enumerate(layers))
    return f"""<!DOCTYPE qgis-layer-definition>
<qlr>
  <layer-tree-group name="" checked="Qt::Checked" expanded="1">
    <customproperties/>
{tree}  </layer-tree-group>
  <maplayers>
{maplayers}  </maplayers>
</qlr>
""".encode()


QGD_BYTES = b"SQLite format 3\x00" + bytes(range(256)) * 8  # stands for the auxiliary storage database


def qgz(qgs: bytes | None = None, name: str = "demo.qgs", extra=None) -> bytes:
    """A .qgz as QGIS writes it (project + .qgd), plus entries of other kinds, dates and compressions."""
    entries = [
        (name, qgs if qgs is not None else project(), zipfile.ZIP_DEFLATED, (2023, 5, 17, 10, 42, 6)),
        (name[:-4] + ".qgd", QGD_BYTES, zipfile.ZIP_DEFLATED, (2023, 5, 17, 10, 42, 8)),
        ("attachments/notes.txt", "pièce jointe\n".encode(), zipfile.ZIP_STORED, (2021, 1, 2, 3, 4, 6)),
    ]
    if extra is not None:
        entries = extra(entries)
    return make_zip(entries)


def make_zip(entries) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data, compression, date in entries:
            info = zipfile.ZipInfo(name, date)
            info.compress_type = compression
            info.external_attr = 0o100640 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


WMS_FLAGS = {
    "ignoreGetMapURI": "false", "ignoreGetFeatureInfoURI": "false", "ignoreAxisOrientation": "false",
    "invertAxisOrientation": "false", "smoothPixmapTransform": "false", "dpiMode": "7",
}
XYZ_PLAN_IGN = (
    f"https://wxs.ign.fr/{PERSONAL_KEY}/geoportail/wmts?layer=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2&style=normal"
    "&tilematrixset=PM&Service=WMTS&Request=GetTile&Version=1.0.0&Format=image/png"
    "&TileMatrix={z}&TileCol={x}&TileRow={y}"
)
CONNECTIONS = {
    "wms": ("qgsWMSConnections", "1.0", [
        ("wms", {"name": "Ortho WMTS", "url": "https://wxs.ign.fr/ortho/geoportail/wmts?SERVICE=WMTS&REQUEST=GetCapabilities",
                 **WMS_FLAGS, "username": "", "password": ""}),
        ("wms", {"name": "Clé perso", "url": f"https://wxs.ign.fr/{PERSONAL_KEY}/geoportail/r/wms", **WMS_FLAGS,
                 "username": "jdupont", "password": PASSWORD}),
        ("wms", {"name": "OSM WMS", "url": "https://ows.terrestris.de/osm/service", **WMS_FLAGS,
                 "username": "", "password": ""}),
    ]),
    "wfs": ("qgsWFSConnections", "1.1", [
        ("wfs", {"name": "BD TOPO", "url": f"https://wxs.ign.fr/{PERSONAL_KEY}/geoportail/wfs?VERSION=2.0.0",
                 "version": "auto", "maxnumfeatures": "", "pagesize": "", "pagingenabled": "true",
                 "ignoreAxisOrientation": "0", "invertAxisOrientation": "0", "username": "jdupont",
                 "password": PASSWORD}),
    ]),
    "xyz": ("qgsXYZTilesConnections", "1.0", [
        ("xyztiles", {"name": "Plan IGN XYZ", "url": XYZ_PLAN_IGN, "zmin": "0", "zmax": "19", "authcfg": "ab12cd3",
                      "username": "jdupont", "password": PASSWORD, "tilePixelRatio": "0", "http-header:referer": ""}),
        ("xyztiles", {"name": "OpenStreetMap", "url": "https://tile.openstreetmap.org/{z}/{x}/{y}.png", "zmin": "0",
                      "zmax": "19", "authcfg": "", "username": "", "password": "", "tilePixelRatio": "0",
                      "http-header:referer": ""}),
    ]),
    "vectortile": ("qgsVectorTileConnections", "1.0", [
        ("vectortile", {"name": "Plan IGN vecteur",
                        "url": "https://wxs.ign.fr/essentiels/geoportail/tms/1.0.0/PLAN.IGN/{z}/{x}/{y}.pbf",
                        "zmin": "0", "zmax": "18", "serviceType": "", "authcfg": "", "username": "", "password": "",
                        "styleUrl": "https://wxs.ign.fr/static/vectorTiles/styles/PLAN.IGN/essentiels/standard.json",
                        "http-header:referer": ""}),
    ]),
}


def connections(kind: str) -> bytes:
    """QGIS connection exports (Settings ▸ Manage connections ▸ Export) with old Géoportail addresses."""
    root, version, elements = CONNECTIONS[kind]
    namespace = ' xmlns:http-header="http-header"' if kind in ("xyz", "vectortile") else ""
    lines = ["<!DOCTYPE connections>", f'<{root}{namespace} version="{version}">']
    for tag, attributes in elements:
        lines.append(f"  <{tag} " + " ".join(f"{k}={quoteattr(v)}" for k, v in attributes.items()) + "/>")
    lines.append(f"</{root}>\n")
    return "\n".join(lines).encode()


# --- comparing documents --------------------------------------------------------------------------------


SOURCE_ATTRIBUTES = ("source", "coverageLayerSource")


def without_sources(data: bytes) -> bytes:
    """The document in canonical form with every data source blanked: what must not change at all."""
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    for element in root.iter("datasource"):
        element.text = "-"
    for element in root.iter():
        for attribute in SOURCE_ATTRIBUTES:
            if attribute in element.attrib:
                element.set(attribute, "-")
    return etree.tostring(root, method="c14n")


def sources_by_id(data: bytes) -> dict[str, str]:
    root = etree.fromstring(data)
    return {ml.findtext("id"): ml.findtext("datasource") for ml in root.iter("maplayer")}


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tree_hashes(folder: Path) -> dict[str, str]:
    """Hash of every file under a folder: to prove inputs are never modified."""
    return {str(p.relative_to(folder)): sha(p) for p in sorted(folder.rglob("*")) if p.is_file()}


def fuzz_settings(max_examples: int):
    """Hypothesis settings of every property suite here: the same examples on every run (CI must not depend on
    luck), no example database, no deadline (a slow machine is not a failure)."""
    from hypothesis import HealthCheck, settings

    return settings(
        max_examples=max_examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
