"""Old Géoportail addresses outside data sources: actions, expressions, map tips, layouts, variables, embedded layers.

The fixtures follow what QGIS 3.22 writes (checked against a project saved by QGIS 3.22 with the same action,
label, default value, virtual field, map tip, variables and layout items) and what QGIS 2.18 wrote for its
composers. Every old-host occurrence of a file must end rewritten or listed: the invariant test checks it on the
output itself.
"""

from __future__ import annotations

import io
import json
import re
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import quoteattr

import pytest
from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gpf_bascule.mapping import elsewhere, project_files, report  # noqa: E402
from gpf_bascule.mapping.batch import default_migrator  # noqa: E402
from gpf_bascule.mapping.outcome import FileResult  # noqa: E402
from gpf_bascule.mapping.project_files import rewrite_file  # noqa: E402
from gpf_bascule.mapping.redact import redact  # noqa: E402

KEY = "k7x2m9q4w8e1r5t3y6u0i2o4"  # a personal key: must never reach a reference, a report or the output
WFS_SOURCE = (
    "pagingEnabled='true' preferCoordinatesForWfsT11='false' restrictToRequestBBOX='1' srsname='EPSG:2154' "
    f"typename='ADMINEXPRESS-COG.LATEST:commune' url='https://wxs.ign.fr/{KEY}/geoportail/wfs' version='auto'"
)
ACTION_WFS = (
    "from qgis.PyQt.QtCore import QUrl\n"
    "from qgis.PyQt.QtGui import QDesktopServices\n"
    f"url = 'https://wxs.ign.fr/{KEY}/geoportail/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature"
    "&TYPENAME=ADMINEXPRESS-COG.LATEST:commune&OUTPUTFORMAT=application/json"
    "&FILTER=<Filter><Intersects><PropertyName>the_geom</PropertyName><gml:Point><gml:pos>[% $x %] [% $y %]"
    "</gml:pos></gml:Point></Intersects></Filter>'\n"
    "QDesktopServices.openUrl(QUrl(url))"
)
ACTION_PIECES = (
    "import webbrowser\n"
    "cle = '[% @ign_cle %]'\n"
    "webbrowser.open('https://wxs.ign.fr/' + cle + '/geoportail/wfs?TYPENAME=BDTOPO_V3:batiment'"
    " + '&FILTER=' + 'the_geom')"
)
LABEL = "'Source : https://wxs.ign.fr/administratif/geoportail/wfs - ' || \"nom\""
MAPTIP = (
    '<b>[% "nom" %]</b><br><img src="https://wxs.ign.fr/ortho/geoportail/r/wms?SERVICE=WMS&VERSION=1.3.0'
    '&REQUEST=GetMap&LAYERS=ORTHOIMAGERY.ORTHOPHOTOS&STYLES=&CRS=EPSG:2154&BBOX=[% bounds_x %]&WIDTH=200'
    '&HEIGHT=200&FORMAT=image/jpeg">'
)
DEFAULT = "'https://wxs.ign.fr/cartes/geoportail/wmts'"
VIRTUAL = "'https://wxs.ign.fr/parcellaire/geoportail/r/wms?LAYERS=CADASTRALPARCELS.PARCELLAIRE_EXPRESS'"
LAYER_VARIABLE = "https://wxs.ign.fr/administratif/geoportail/wfs"
PROJECT_VARIABLE = f"https://wxs.ign.fr/{KEY}/geoportail/wmts?SERVICE=WMTS&REQUEST=GetCapabilities"
HTML_URL = "https://wxs.ign.fr/ortho/geoportail/wmts?SERVICE=WMTS&REQUEST=GetCapabilities"
HTML_TEXT = (
    '<p>Fond : <img src="https://wxs.ign.fr/essentiels/geoportail/tms/1.0.0/PLAN.IGN/{z}/{x}/{y}.pbf"></p>'
)
LABEL_TEXT = "Sources : https://wxs.ign.fr/cartes/geoportail/wmts, IGN 2019"
PICTURE = "https://wxs.ign.fr/static/logos/IGN.png"  # no endpoint rule: left for a person
COMMENT = "\n  <!-- ancien : https://wxs.ign.fr/cartes/geoportail/wmts -->"
OLD_HOST = re.compile(r"(?<![\w.-])(?:wxs\.ign\.fr|gpp3-wxs\.ign\.fr|wxs-gpu\.mongeoportail\.ign\.fr)(?![\w.-])",
                      re.IGNORECASE)


def _a(value: str) -> str:
    """An attribute value as QGIS writes it (line breaks as character references)."""
    return quoteattr(value).replace("\n", "&#xa;")


def _t(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def project_322(comment: str = "") -> bytes:
    """A QGIS 3.22 project: one WFS layer on the old service carrying every kind of old address outside its source."""
    text = f"""<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis projectname="Communes" version="3.22.16-Białowieża" saveUser="jdupont" saveDateTime="2023-03-02T10:00:00">
  <homePath path=""/>
  <title>Communes</title>
  <layer-tree-group>
    <customproperties>
      <Option/>
    </customproperties>
    <layer-tree-layer expanded="1" name="Communes" checked="Qt::Checked" providerKey="WFS" id="communes_1" source={_a(WFS_SOURCE)}>
      <customproperties>
        <Option/>
      </customproperties>
    </layer-tree-layer>
    <layer-tree-layer expanded="1" name="Ancienne couche" checked="Qt::Checked" providerKey="wms" id="perdue_9" source="url=https://wxs.ign.fr/cartes/geoportail/wmts&amp;layers=X">
      <customproperties>
        <Option/>
      </customproperties>
    </layer-tree-layer>
    <layer-tree-group embedded="1" project="./fonds.qgs" name="Fonds IGN" checked="Qt::Checked" expanded="1">
      <customproperties>
        <Option type="Map">
          <Option type="QString" name="lien_geoportail" value="https://wxs.ign.fr/cartes/geoportail/wmts"/>
        </Option>
      </customproperties>
    </layer-tree-group>
  </layer-tree-group>
  <projectlayers>
    <maplayer type="vector" geometry="Polygon" wkbType="MultiPolygon" refreshOnNotifyEnabled="0" autoRefreshEnabled="0">
      <id>communes_1</id>
      <datasource>{_t(WFS_SOURCE)}</datasource>
      <keywordList>
        <value></value>
      </keywordList>
      <layername>Communes</layername>
      <provider encoding="">WFS</provider>
      <expressionfields>
        <field expression={_a(VIRTUAL)} precision="0" name="lien" type="10" comment="" subType="0" typeName="" length="0"/>
      </expressionfields>
      <labeling type="simple">
        <settings calloutType="simple">
          <text-style fieldName={_a(LABEL)} isExpression="1" fontFamily="Sans Serif" fontSize="10"/>
        </settings>
      </labeling>
      <customproperties>
        <Option type="Map">
          <Option type="StringList" name="variableNames">
            <Option type="QString" value="ign_wfs"/>
          </Option>
          <Option type="StringList" name="variableValues">
            <Option type="QString" value={_a(LAYER_VARIABLE)}/>
          </Option>
        </Option>
      </customproperties>
      <defaults>
        <default expression={_a(DEFAULT)} applyOnUpdate="0" field="nom"/>
      </defaults>
      <expressionfields>
        <field expression={_a(VIRTUAL)} precision="0" name="lien" type="10" comment="" subType="0" typeName="" length="0"/>
      </expressionfields>
      <attributeactions>
        <defaultAction key="Canvas" value="{{00000000-0000-0000-0000-000000000000}}"/>
        <actionsetting action={_a(ACTION_WFS)} id="{{f715e391}}" icon="" capture="0" type="1" isEnabledOnlyWhenEditable="0" notificationMessage="" name="Commune au WFS" shortTitle="WFS">
          <actionScope id="Feature"/>
        </actionsetting>
        <actionsetting action={_a(ACTION_PIECES)} id="{{0a2b}}" icon="" capture="0" type="1" isEnabledOnlyWhenEditable="0" notificationMessage="" name="Bâtiments" shortTitle="">
          <actionScope id="Feature"/>
        </actionsetting>
      </attributeactions>
      <previewExpression>"nom"</previewExpression>
      <mapTip>{_t(MAPTIP)}</mapTip>
    </maplayer>
    <maplayer embedded="1" project="http://wxs.ign.fr/partage/projets/fonds.qgs" id="fond_plan_2"/>
  </projectlayers>
  <properties>
    <Variables>
      <variableNames type="QStringList">
        <value>commune</value>
        <value>ign_wmts</value>
      </variableNames>
      <variableValues type="QStringList">
        <value>Montpellier</value>
        <value>{_t(PROJECT_VARIABLE)}</value>
      </variableValues>
    </Variables>
  </properties>{comment}
  <Layouts>
    <Layout name="Carte A4" units="mm" printResolution="300">
      <LayoutItem type="65640" id="Logo" file={_a(PICTURE)} uuid="{{eb6e}}" pictureWidth="10"/>
      <LayoutItem type="65641" id="Sources" labelText={_a(LABEL_TEXT)} htmlState="0" uuid="{{684f}}"/>
      <LayoutItem type="65639" id="Carte 1" uuid="{{6b8f}}">
        <LayerSet>
          <Layer source={_a(WFS_SOURCE)} provider="WFS" name="Communes">communes_1</Layer>
        </LayerSet>
      </LayoutItem>
      <LayoutMultiFrame url={_a(HTML_URL)} html={_a(HTML_TEXT)} type="65648" contentMode="0" uuid="{{9e8c}}"/>
    </Layout>
  </Layouts>
</qgis>
"""  # noqa: E501 - QGIS writes each element on one line
    return text.encode("utf-8")


def project_218() -> bytes:
    """A QGIS 2.18 project's composer: HTML frame, label and picture on old addresses."""
    return f"""<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis projectname="" version="2.18.28">
  <title></title>
  <projectlayers/>
  <Composer title="Planche 1" visible="0">
    <Composition paperWidth="297" paperHeight="210">
      <ComposerHtml url="http://gpp3-wxs.ign.fr/{KEY}/geoportail/wmts?SERVICE=WMTS&amp;REQUEST=GetCapabilities" contentMode="0" html="" evaluateExpressions="true"/>
      <ComposerLabel labelText="Fond : http://gpp3-wxs.ign.fr/{KEY}/geoportail/wmts" htmlState="0">
        <ComposerItem id="source"/>
      </ComposerLabel>
      <ComposerPicture file="http://wxs.ign.fr/static/logo.png">
        <ComposerItem id="logo"/>
      </ComposerPicture>
    </Composition>
  </Composer>
</qgis>
""".encode()  # noqa: E501 - QGIS writes each element on one line


def qgz(qgs: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("communes.qgs", qgs)
        archive.writestr("communes.qgd", b"SQLite format 3\x00")
    return out.getvalue()


def qgs_of(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("communes.qgs")


@pytest.fixture(scope="module")
def migrate():
    return default_migrator()


def _by_owner(references):
    return {(ref.place, ref.owner or ref.where): ref for ref in references}


# --- finding and placing ---------------------------------------------------------------------------------------


def test_every_place_is_found_and_named():
    found = elsewhere.find_references(project_322())
    places = sorted((ref.place, ref.layer, ref.owner, ref.where) for ref in found)
    assert places == sorted([
        ("action", "Communes", "Commune au WFS", "actionsetting@action"),
        ("action", "Communes", "Bâtiments", "actionsetting@action"),
        ("expression", "Communes", "lien", "field@expression"),
        ("expression", "Communes", "lien", "field@expression"),
        ("expression", "Communes", "", "text-style@fieldName"),
        ("expression", "Communes", "nom", "default@expression"),
        ("variable", "Communes", "ign_wfs", "Option@value"),
        ("maptip", "Communes", "", "mapTip"),
        ("variable", "", "ign_wmts", "value"),
        ("embedded", "", "Fonds IGN", "Option@value"),
        ("embedded", "", "fond_plan_2", "maplayer@project"),
        ("layout", "", "Carte A4 / Logo", "LayoutItem@file"),
        ("layout", "", "Carte A4 / Sources", "LayoutItem@labelText"),
        ("layout", "", "Carte A4", "LayoutMultiFrame@url"),
        ("layout", "", "Carte A4", "LayoutMultiFrame@html"),
        # a layer-tree copy of a source whose layer is not in the project: nobody else reports it
        ("other", "", "Ancienne couche", "layer-tree-layer@source"),
    ])


def test_the_data_source_and_its_copies_are_left_to_the_engine():
    found = elsewhere.find_references(project_322())
    assert not [ref for ref in found if ref.where in ("datasource", "Layer@source")]
    assert not [ref for ref in found if "typename='ADMINEXPRESS" in ref.text]


def test_references_never_show_a_key():
    for data in (project_322(), project_218()):
        for ref in elsewhere.find_references(data, default_migrator()):
            assert KEY not in repr(ref)
            assert "***" in ref.text or KEY not in ref.text


def test_qgis2_composer_items_are_layout_references(migrate):
    rewrite = rewrite_file("planche.qgs", project_218(), migrate)
    refs = {ref.where: ref for ref in rewrite.references}
    assert set(refs) == {"ComposerHtml@url", "ComposerLabel@labelText", "ComposerPicture@file"}
    assert {ref.place for ref in refs.values()} == {"layout"}
    assert {ref.owner for ref in refs.values()} == {"Planche 1"}
    assert refs["ComposerHtml@url"].new_text == "https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetCapabilities"
    assert refs["ComposerPicture@file"].status == elsewhere.TO_FIX
    out = rewrite.data.decode()
    assert 'labelText="Fond : https://data.geopf.fr/wmts"' in out and KEY not in out


# --- rewriting --------------------------------------------------------------------------------------------------


def _values(data: bytes) -> dict[str, str]:
    root = etree.fromstring(data)
    action = root.find(".//actionsetting[@name='Commune au WFS']").get("action")
    return {
        "action": action,
        "pieces": root.find(".//actionsetting[@name='Bâtiments']").get("action"),
        "label": root.find(".//text-style").get("fieldName"),
        "maptip": root.find(".//mapTip").text,
        "default": root.find(".//default").get("expression"),
        "virtual": root.find(".//expressionfields/field").get("expression"),
        "layer_variable": root.find(".//Option[@name='variableValues']/Option").get("value"),
        "project_variable": root.findall(".//variableValues/value")[1].text,
        "html_url": root.find(".//LayoutMultiFrame").get("url"),
        "html": root.find(".//LayoutMultiFrame").get("html"),
        "label_text": root.find(".//LayoutItem[@id='Sources']").get("labelText"),
        "picture": root.find(".//LayoutItem[@id='Logo']").get("file"),
        "embedded": root.find(".//maplayer[@embedded='1']").get("project"),
        "group_link": root.find(".//layer-tree-group[@embedded='1']//Option[@name='lien_geoportail']").get("value"),
    }


def test_plain_urls_are_rewritten_with_the_engine_rules(migrate):
    rewrite = rewrite_file("communes.qgs", project_322(), migrate)
    assert rewrite.changed
    values = _values(rewrite.data)
    assert values["action"] == ACTION_WFS  # [% %] inside its filter: see the next test
    assert values["label"] == "'Source : https://data.geopf.fr/wfs/ows - ' || \"nom\""
    assert values["default"] == "'https://data.geopf.fr/wmts'"
    assert values["virtual"] == "'https://data.geopf.fr/wms-r/wms?LAYERS=CADASTRALPARCELS.PARCELLAIRE_EXPRESS'"
    assert values["layer_variable"] == "https://data.geopf.fr/wfs/ows"
    assert values["project_variable"] == "https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetCapabilities"
    assert values["html_url"] == "https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetCapabilities"
    assert values["html"] == '<p>Fond : <img src="https://data.geopf.fr/tms/1.0.0/PLAN.IGN/{z}/{x}/{y}.pbf"></p>'
    assert values["label_text"] == "Sources : https://data.geopf.fr/wmts, IGN 2019"
    assert values["maptip"] == MAPTIP.replace("https://wxs.ign.fr/ortho/geoportail/r/wms", "https://data.geopf.fr/wms-r/wms")
    assert values["group_link"] == "https://data.geopf.fr/wmts"
    # what no rule rewrites safely stays as it was, for a person
    assert values["pieces"] == ACTION_PIECES
    assert values["picture"] == PICTURE
    assert values["embedded"] == "http://wxs.ign.fr/partage/projets/fonds.qgs"
    # the key stays only where the text stays (the action left for a person), never in a rewritten value
    assert rewrite.data.decode().count(KEY) == 1 and KEY in _values(rewrite.data)["action"]


def test_an_action_with_qgis_expressions_in_its_filter_is_left_for_a_person(migrate):
    """The FILTER holds `the_geom` and `[% %]`: renaming the field would percent-encode the QGIS expressions
    the action substitutes before it runs, so the action is reported, not broken."""
    rewrite = rewrite_file("communes.qgs", project_322(), migrate)
    (ref,) = [ref for ref in rewrite.references if ref.owner == "Commune au WFS"]
    assert ref.status == elsewhere.TO_FIX and ref.new_text == ""
    assert "[% … %]" in ref.reason
    assert "wxs.ign.fr/***/geoportail/wfs" in ref.text
    assert _values(rewrite.data)["action"] == ACTION_WFS


def test_a_wfs_action_url_without_expressions_is_rewritten_and_the_geom_renamed(migrate):
    code = ACTION_WFS.replace("[% $x %] [% $y %]", "770000 6280000")
    data = project_322().replace(_a(ACTION_WFS).encode(), _a(code).encode())
    rewrite = rewrite_file("communes.qgs", data, migrate)
    (ref,) = [ref for ref in rewrite.references if ref.owner == "Commune au WFS"]
    assert ref.status == elsewhere.REWRITTEN, ref.reason
    action = _values(rewrite.data)["action"]
    assert "url = 'https://data.geopf.fr/wfs/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature" in action
    assert "the_geom" not in action and "%3CPropertyName%3Egeom%3C%2FPropertyName%3E" in action
    assert action.endswith("'\nQDesktopServices.openUrl(QUrl(url))")
    assert any("the_geom" in warning for warning in ref.warnings)
    assert "url = 'https://data.geopf.fr/wfs/ows?" in ref.new_text and "wxs.ign.fr" in ref.text


def test_statuses_and_reasons(migrate):
    refs = rewrite_file("communes.qgs", project_322(), migrate).references
    by = {(ref.place, ref.owner, ref.where): ref for ref in refs}
    rewritten = {key for key, ref in by.items() if ref.status == elsewhere.REWRITTEN}
    assert ("expression", "nom", "default@expression") in rewritten
    assert ("variable", "ign_wmts", "value") in rewritten
    assert ("layout", "Carte A4", "LayoutMultiFrame@html") in rewritten
    pieces = by[("action", "Bâtiments", "actionsetting@action")]
    assert pieces.status == elsewhere.TO_FIX and pieces.reason
    picture = by[("layout", "Carte A4 / Logo", "LayoutItem@file")]
    assert picture.status == elsewhere.TO_FIX and "à corriger à la main" in picture.reason
    for ref in refs:
        assert ref.status in elsewhere.REFERENCE_STATUSES and ref.place in elsewhere.PLACES
        assert (ref.status == elsewhere.TO_FIX) == bool(ref.reason)


@pytest.mark.parametrize("container", ["qgs", "qgz"])
def test_streaming_and_whole_tree_agree(migrate, container):
    data = project_322() if container == "qgs" else qgz(project_322())
    name = f"communes.{container}"
    streamed = rewrite_file(name, data, migrate)
    whole = rewrite_file(name, data, migrate, streaming=False)
    assert streamed.references == whole.references and streamed.references
    out = qgs_of(streamed.data) if container == "qgz" else streamed.data
    assert out == (qgs_of(whole.data) if container == "qgz" else whole.data)


def test_the_streaming_path_stays_streaming(migrate, monkeypatch):
    def no_tree(*args, **kwargs):
        raise AssertionError("the whole tree was built")

    monkeypatch.setattr(project_files, "_whole_tree", no_tree)
    rewrite = rewrite_file("communes.qgz", qgz(project_322()), migrate)
    assert rewrite.changed and len(rewrite.references) == 16


def test_no_walk_when_every_old_host_is_in_a_data_source(migrate, monkeypatch):
    """The byte count says all occurrences are the engine's: the second pass is not run."""
    plain = project_322()
    root = etree.fromstring(plain)
    for element in root.iter():
        for name, value in element.attrib.items():
            if OLD_HOST.search(value) and element.tag not in ("layer-tree-layer", "Layer"):
                element.set(name, "")
        if element.tag in ("mapTip", "value") and element.text and OLD_HOST.search(element.text):
            element.text = ""
    ghost = root.find(".//layer-tree-layer[@id='perdue_9']")
    ghost.getparent().remove(ghost)
    data = etree.tostring(root, encoding="UTF-8", xml_declaration=True)
    assert elsewhere.count_in_bytes(data) == 3  # datasource, layer tree, layout layer set

    def no_walk(*args, **kwargs):
        raise AssertionError("walked")

    monkeypatch.setattr(elsewhere, "find", no_walk)
    rewrite = rewrite_file("communes.qgs", data, migrate)
    assert rewrite.changed and rewrite.references == []
    assert elsewhere.count_in_bytes(rewrite.data) == 0


# --- nothing left unmentioned -------------------------------------------------------------------------------------


def _remaining(data: bytes) -> list[tuple[str, str, str]]:
    """Old-host occurrences left outside data sources in an output, by (place, owner, where)."""
    return sorted((ref.place, ref.owner, ref.where) for ref in elsewhere.find_references(data))


@pytest.mark.parametrize("streaming", [True, False])
@pytest.mark.parametrize("build", [project_322, project_218, lambda: project_322(COMMENT)])
def test_every_old_host_left_in_the_output_is_listed(migrate, build, streaming):
    data = build()
    rewrite = rewrite_file("p.qgs", data, migrate, streaming=streaming)
    listed = sorted((ref.place, ref.owner, ref.where) for ref in rewrite.references if ref.status == elsewhere.TO_FIX)
    remaining = _remaining(rewrite.data)
    assert remaining == [item for item in listed if item in remaining]
    assert len(remaining) <= len(listed)
    # and in the data sources: each layer still on an old host is reported, never as unchanged
    for source in rewrite.sources:
        if OLD_HOST.search(source.new_source):
            assert source.status != "unchanged"


def test_an_occurrence_the_walk_cannot_place_is_still_counted(migrate):
    data = project_322().replace(b"<title>Communes</title>", b'<title wxs.ign.fr="1">Communes</title>')
    refs = rewrite_file("communes.qgs", data, migrate).references
    (unplaced,) = [ref for ref in refs if ref.where == ""]
    assert unplaced.status == elsewhere.TO_FIX and "1 occurrence" in unplaced.reason


def test_a_host_written_with_character_references_is_found(migrate):
    data = project_322().replace(_a(PICTURE).encode(), b'"https://wxs&#46;ign.fr/static/logos/IGN.png"')
    refs = rewrite_file("communes.qgs", data, migrate).references
    assert any(ref.owner == "Carte A4 / Logo" for ref in refs)


def test_a_comment_is_listed_not_rewritten(migrate):
    data = project_322(COMMENT)
    rewrite = rewrite_file("communes.qgs", data, migrate)
    (comment,) = [ref for ref in rewrite.references if ref.where == "<!-- -->"]
    assert comment.status == elsewhere.TO_FIX
    assert b"<!-- ancien : https://wxs.ign.fr/cartes/geoportail/wmts -->" in rewrite.data


# --- one URL --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("old", "new"), [
    (f"https://wxs.ign.fr/{KEY}/geoportail/wfs", "https://data.geopf.fr/wfs/ows"),
    ("http://gpp3-wxs.ign.fr/cartes/geoportail/v/wms?SERVICE=WMS&REQUEST=GetCapabilities",
     "https://data.geopf.fr/wms-v/ows?SERVICE=WMS&REQUEST=GetCapabilities"),
    (f"https://wxs.ign.fr/{KEY}/geoportail/wfs?SERVICE=WFS&REQUEST=GetFeature&TYPENAME=BDTOPO_V3:batiment&apikey={KEY}",
     "https://data.geopf.fr/wfs/ows?SERVICE=WFS&REQUEST=GetFeature&TYPENAME=BDTOPO_V3:batiment"),
    ("https://wxs.ign.fr/cartes/geoportail/wmts?SERVICE=WMTS&REQUEST=GetTile&LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2"
     "&STYLE=normal&TILEMATRIXSET=PM&TILEMATRIX=12&TILEROW=1&TILECOL=2&FORMAT=image/png",
     "https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetTile&LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2"
     "&STYLE=normal&TILEMATRIXSET=PM_0_19&TILEMATRIX=12&TILEROW=1&TILECOL=2&FORMAT=image/png"),
    ("https://wxs.ign.fr/essentiels/geoportail/tms/1.0.0/PLAN.IGN/{z}/{x}/{y}.pbf",
     "https://data.geopf.fr/tms/1.0.0/PLAN.IGN/{z}/{x}/{y}.pbf"),
    ("https://wxs.ign.fr/static/vectorTiles/styles/PLAN.IGN/essentiels/standard.json",
     "https://data.geopf.fr/annexes/ressources/vectorTiles/styles/PLAN.IGN/standard.json"),
    ("https://wxs.ign.fr/catalogue/csw?SERVICE=CSW&REQUEST=GetCapabilities",
     "https://data.geopf.fr/csw?SERVICE=CSW&REQUEST=GetCapabilities"),
    ("https://wfs.geopf.fr/geoserver/ows?SERVICE=WFS&REQUEST=GetCapabilities",
     "https://data.geopf.fr/wfs/ows?SERVICE=WFS&REQUEST=GetCapabilities"),
    (f"https://wxs-gpu.mongeoportail.ign.fr/externe/{KEY}/wfs/v", "https://data.geopf.fr/wfs/ows"),
])
def test_one_url(migrate, old, new):
    rewritten, reason, _ = elsewhere.rewrite_url(old, migrate)
    assert (rewritten, reason) == (new, "")


@pytest.mark.parametrize("old", [
    "https://wxs.ign.fr/cartes/geoportail/wmts/GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2/PM/12/1/2.png",  # REST tiles
    "https://wxs.ign.fr/static/logos/IGN.png",
    "https://wxs.ign.fr/ortho/geoportail/r/wms?LAYERS=ORTHOIMAGERY.ORTHOPHOTOS.ORTHO-EXPRESS.2022",  # withdrawn
    "https://wxs.ign.fr/administratif/geoportail/wfs?TYPENAME=INCONNUE:couche",
])
def test_urls_no_rule_rewrites_safely(migrate, old):
    rewritten, reason, _ = elsewhere.rewrite_url(old, migrate)
    assert rewritten is None and reason


def test_credentials_are_dropped_and_said(migrate):
    url = f"https://wxs.ign.fr/{KEY}/geoportail/r/wms?SERVICE=WMS&REQUEST=GetMap&LAYERS=ORTHOIMAGERY.ORTHOPHOTOS&password=p"
    rewritten, _, warnings = elsewhere.rewrite_url(url, migrate)
    assert rewritten == "https://data.geopf.fr/wms-r/wms?SERVICE=WMS&REQUEST=GetMap&LAYERS=ORTHOIMAGERY.ORTHOPHOTOS"
    assert any("identifiants" in warning for warning in warnings)


@pytest.mark.parametrize(("value", "spans"), [
    ("'https://wxs.ign.fr/a/geoportail/wfs' || \"x\"", ["https://wxs.ign.fr/a/geoportail/wfs"]),
    ("voir https://wxs.ign.fr/a/geoportail/wmts.", ["https://wxs.ign.fr/a/geoportail/wmts"]),
    ('<a href="https://wxs.ign.fr/a/geoportail/wfs?A=1&B=<x> y">', ["https://wxs.ign.fr/a/geoportail/wfs?A=1&B=<x> y"]),
    ("https://wxs.ign.fr.example.org/x https://example.org/wxs.ign.fr", []),
    ("https://user:pw@wxs.ign.fr/a/geoportail/wfs", []),
])
def test_url_spans(value, spans):
    assert [value[start:end] for start, end in elsewhere.urls(value)] == spans


def test_excerpt_is_redacted_before_it_is_cut():
    value = "x" * 200 + f" password=hunter2 https://wxs.ign.fr/{KEY}/geoportail/wfs " + "y" * 200
    text = elsewhere.excerpt(value)
    assert "hunter2" not in text and KEY not in text and "wxs.ign.fr/***/geoportail/wfs" in text
    assert text.startswith("… ") and text.endswith(" …") and len(text) < 250


# --- reports ---------------------------------------------------------------------------------------------------


def _results(migrate) -> list[FileResult]:
    rewrite = rewrite_file("communes.qgs", project_322(), migrate)
    return [FileResult(path="projets/communes.qgs", output="sortie/communes.qgs", status="migrated",
                       sources=rewrite.sources, references=rewrite.references)]


def test_json_report_lists_the_references(migrate):
    data = json.loads(report.render("r.json", _results(migrate)))
    refs = data["files"][0]["references"]
    assert len(refs) == 16
    assert set(refs[0]) == {"place", "layer", "owner", "where", "status", "text", "new_text", "reason", "warnings"}
    assert data["references_summary"]["total"] == 16
    assert data["references_summary"]["rewritten"] + data["references_summary"]["to-fix"] == 16
    assert KEY not in json.dumps(data)


def test_csv_report_has_one_row_per_reference(migrate):
    import csv

    text = report.render("r.csv", _results(migrate))
    rows = list(csv.DictReader(io.StringIO(text)))
    refs = [row for row in rows if row["reference_place"]]
    assert len(refs) == 16 and all(len(row) == len(report.CSV_COLUMNS) for row in rows)
    assert {row["status"] for row in refs} == {"rewritten", "to-fix"}
    assert KEY not in text


def test_html_report_has_the_section(migrate):
    page = report.render("r.html", _results(migrate))
    assert "Adresses anciennes hors sources de données" in page
    assert "action de couche" in page and "mise en page" in page and "à corriger à la main" in page
    assert KEY not in page
    assert not re.search(r"<(script|img|iframe)\b", page, re.IGNORECASE)  # the HTML frame's text is escaped


def test_console_lines(migrate):
    lines = report.reference_lines(_results(migrate))
    assert lines[0].startswith("Adresses anciennes hors sources de données : ")
    assert len(lines) == 1 + sum(ref.status == elsewhere.TO_FIX for ref in _results(migrate)[0].references)
    assert all("\n" not in line and KEY not in line for line in lines)
    assert redact(lines[1]) == lines[1]


# --- the byte-located search agrees with a walk of the whole document -----------------------------------------------

EMBEDDED_LAYER = (b'    <maplayer embedded="1" project="http://wxs.ign.fr/partage/projets/fonds.qgs"'
                  b' id="fond_plan_2"/>\n')


@pytest.mark.parametrize("streaming", [True, False])
def test_units_are_read_alone_and_agree_with_the_whole_walk(migrate, monkeypatch, streaming):
    """Without the embedded layer (a value outside any element read alone), no whole walk runs; forcing one
    gives the same references and the same output."""
    data = project_322().replace(EMBEDDED_LAYER, b"")
    whole_walks = []
    real = elsewhere._walk_whole

    def counted(*args, **kwargs):
        whole_walks.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(elsewhere, "_walk_whole", counted)
    fast = rewrite_file("communes.qgs", data, migrate, streaming=streaming)
    assert whole_walks == [] and len(fast.references) == 15
    monkeypatch.setattr(elsewhere._UnitIndex, "around", lambda self, at: None)
    slow = rewrite_file("communes.qgs", data, migrate, streaming=streaming)
    assert whole_walks == [1]
    assert sorted(map(repr, fast.references)) == sorted(map(repr, slow.references))
    assert fast.data == slow.data


def test_an_embedded_layer_outside_any_unit_is_walked(migrate):
    rewrite = rewrite_file("communes.qgs", project_322(), migrate)
    assert ("embedded", "fond_plan_2") in {(ref.place, ref.owner) for ref in rewrite.references}


def test_positions_find_every_spelling_of_the_hosts():
    text = (b"<a x='https://WXS.IGN.FR/k/geoportail/wmts'>http://gpp3-wxs.ign.fr/x wxs.ign.fr.example.org "
            b"wmts.geopf.fr/rok4 data.geopf.fr Wfs.Geopf.Fr xwxs.ign.fr wxs-gpu.mongeoportail.ign.fr</a>")
    found = [re.match(rb"[\w.-]+", text[at:]).group() for at in elsewhere.positions(text)]
    assert found == [b"WXS.IGN.FR", b"gpp3-wxs.ign.fr", b"wmts.geopf.fr", b"Wfs.Geopf.Fr",
                     b"wxs-gpu.mongeoportail.ign.fr"]


@pytest.mark.parametrize("shift", range(-12, 4))
def test_positions_across_slices(shift):
    """The search reads the document a slice at a time: a host across two slices is found once."""
    at = elsewhere._SLICE + shift
    data = b" " * at + b"wxs.ign.fr/x " + b" " * 100 + b"https://WXS.ign.fr."
    assert elsewhere.positions(data) == [at, at + 113 + 8]
