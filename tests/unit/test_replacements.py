"""Successors of withdrawn layers: proposed with evidence, never applied unless asked (mapping/replacements.py).

The rules (mapping/registry/replacements.csv) are checked against the recorded GPF capabilities; each one is fed
through the engine as a real old source; the command line and the reports show the proposal, and only
`--accept-replacements` writes it.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

import pytest
from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent))
import qgis_samples as samples  # noqa: E402

from gpf_bascule import cli  # noqa: E402
from gpf_bascule.mapping import batch, report  # noqa: E402
from gpf_bascule.mapping.engine import migrate_source  # noqa: E402
from gpf_bascule.mapping.messages import Message  # noqa: E402
from gpf_bascule.mapping.outcome import memoized  # noqa: E402
from gpf_bascule.mapping.project_files import rewrite_file  # noqa: E402
from gpf_bascule.mapping.registry import REGISTRY_DIR, load_registry  # noqa: E402
from gpf_bascule.mapping.replacements import (  # noqa: E402
    accept_replacement,
    load_replacement_rules,
    substitute_layers,
    with_replacements,
)
from gpf_bascule.mapping.result import MIGRATED, UNMAPPED  # noqa: E402

RULES = list(load_replacement_rules().values())
OLD_HOST = re.compile(r"wxs\.ign\.fr", re.IGNORECASE)
ENGINE = memoized(migrate_source)
PROPOSE = with_replacements(ENGINE)
ACCEPT = with_replacements(ENGINE, accept=True)
CAPABILITIES = {
    "wmts": ("capabilities/gpf_wmts_2024-06-06.xml", "{http://www.opengis.net/ows/1.1}Identifier"),
    "wms-r": ("capabilities/gpf_wms-r_2024-06-06.xml", "{http://www.opengis.net/wms}Name"),
    "wfs": ("capabilities/gpf_wfs_2025-06-25.xml", "{http://www.opengis.net/wfs/2.0}Name"),
}


def old_source(service: str, layer: str, key: str = "ortho", extra: str = "") -> str:
    """An old Géoportail source as QGIS 3 writes it, for the WMTS or WMS raster/vector endpoints."""
    if service == "wmts":
        matrix, crs = ("LAMB93", "EPSG:2154") if layer.endswith(".L93") else ("PM", "EPSG:3857")
        return (f"contextualWMSLegend=0&crs={crs}&dpiMode=7&featureCount=10&format=image/jpeg&layers={layer}"
                f"&styles=normal&tileMatrixSet={matrix}{extra}"
                f"&url=https://wxs.ign.fr/{key}/geoportail/wmts?SERVICE%3DWMTS%26REQUEST%3DGetCapabilities")
    path = {"wms-r": "r/wms", "wms-v": "v/wms"}[service]
    return (f"contextualWMSLegend=0&crs=EPSG:2154&dpiMode=7&featureCount=10&format=image/png&layers={layer}"
            f"&styles={extra}&url=https://wxs.ign.fr/{key}/geoportail/{path}")


def capability_names(shared_data: Path, service: str) -> set[str]:
    if service == "wms-v":  # no WMS-V capabilities were recorded: IGN's own 2025 catalogue is the evidence
        with (shared_data / "mapping" / "gpf_idg_catalogue_2025-01-03.csv").open(encoding="utf-8") as handle:
            return {row["layer"] for row in csv.DictReader(handle) if row["service"] == "wms-v"}
    path, tag = CAPABILITIES[service]
    return {element.text for element in etree.parse(str(shared_data / path)).iter(tag)}


# --- the rules, as data -------------------------------------------------------------------------------------


def test_the_four_successors_of_the_issue_are_there():
    wanted = {
        ("wmts", "GEOGRAPHICALGRIDSYSTEMS.PLANIGN"): "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2",
        ("wmts", "ADMINISTRATIVEUNITS.BOUNDARIES"): "LIMITES_ADMINISTRATIVES_EXPRESS.LATEST",
        ("wms-v", "ADMINISTRATIVEUNITS.BOUNDARIES"): "ADMINISTRATIVEUNITS.BOUNDARIES.EXPRESS",
        ("wms-r", "BDPARCEL_PYR-PNG_WLD"): "CADASTRALPARCELS.PARCELLAIRE_EXPRESS",
        ("wmts", "ORTHOIMAGERY.ORTHOPHOTOS.ORTHO-EXPRESS.2022"): "ORTHOIMAGERY.ORTHOPHOTOS",
        ("wms-r", "ORTHOIMAGERY.ORTHOPHOTOS.ORTHO-EXPRESS.2022"): "ORTHOIMAGERY.ORTHOPHOTOS",
    }
    found = {(rule.old_service, rule.old_layer): rule.new_layer for rule in RULES}
    assert {old: found.get(old) for old in wanted} == wanted


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: f"{rule.old_service}:{rule.old_layer}")
def test_every_successor_is_in_the_recorded_gpf_capabilities(rule, shared_data):
    assert rule.new_layer in capability_names(shared_data, rule.new_service)
    assert load_registry().layer(rule.new_service, rule.new_layer) is not None


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: f"{rule.old_service}:{rule.old_layer}")
def test_every_rule_is_for_a_layer_gpf_does_not_serve_and_says_why(rule, shared_data):
    """A replacement is only for a withdrawn layer; its evidence names recorded files, its text says what changes."""
    assert rule.old_layer not in capability_names(shared_data, rule.old_service)
    assert rule.title and len(rule.changes) > 40 and rule.evidence
    files = set(re.findall(r"[\w.-]+\.(?:xml|csv|qgs|json)", rule.evidence)) - {"layer_rules.csv"}
    assert files
    for name in files:
        assert list(shared_data.rglob(name)), f"{name} (evidence of {rule.old_layer}) is not a recorded file"


def test_the_file_has_the_documented_columns():
    with (REGISTRY_DIR / "replacements.csv").open(encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    assert header == ["old_service", "old_layer", "new_service", "new_layer", "title", "changes", "evidence"]


# --- proposed, never silent ---------------------------------------------------------------------------------


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: f"{rule.old_service}:{rule.old_layer}")
def test_each_rule_is_proposed_on_a_real_old_source_and_applied_only_when_accepted(rule):
    key = {"BDPARCEL_PYR-PNG_WLD": "parcellaire", "ADMINISTRATIVEUNITS.BOUNDARIES": "administratif"}.get(
        rule.old_layer, "lambert93" if rule.old_layer.endswith(".L93") else "ortho"
    )
    source = old_source(rule.old_service, rule.old_layer, key)
    engine = migrate_source("wms", source)
    proposed = PROPOSE("wms", source)
    assert engine.status == UNMAPPED
    # the proposal changes nothing the engine said
    assert (proposed.status, proposed.new_source, proposed.reason) == (UNMAPPED, source, engine.reason)
    assert not proposed.replaced
    replacement = proposed.replacement
    assert (replacement.old_layer, replacement.layer, replacement.service) == (
        rule.old_layer, rule.new_layer, rule.new_service
    )
    assert replacement.title == rule.title and replacement.changes == rule.changes
    assert replacement.evidence == rule.evidence
    assert "data.geopf.fr" in replacement.new_source and not OLD_HOST.search(replacement.new_source)
    assert f"layers={rule.new_layer}&" in replacement.new_source
    assert key not in replacement.new_source.replace("parcellaire_express", "")
    accepted = ACCEPT("wms", source)
    assert (accepted.status, accepted.new_source, accepted.replaced) == (MIGRATED, replacement.new_source, True)
    assert accepted.warnings[0].startswith("couche remplacée à votre demande : " + rule.old_layer)
    assert accepted.warnings[1:] == replacement.warnings
    assert accepted.replacement == replacement


def test_what_the_engine_says_of_the_successor_comes_with_the_proposal():
    """The old style is unknown on the successor, a Lambert 93 set is not offered: the proposal says so."""
    parcel = PROPOSE("wms", old_source("wms-r", "BDPARCEL_PYR-PNG_WLD", "parcellaire", extra="bdparcellaire"))
    assert "&styles=&" in parcel.replacement.new_source
    assert parcel.replacement.warnings == (
        "style « bdparcellaire » inconnu pour CADASTRALPARCELS.PARCELLAIRE_EXPRESS : style par défaut",
    )
    ortho = PROPOSE("wms", old_source("wmts", "ORTHOIMAGERY.ORTHOPHOTOS.ORTHO-EXPRESS.2022.L93", "lambert93"))
    assert "tileMatrixSet=PM_0_21" in ortho.replacement.new_source
    assert any("LAMB93" in warning for warning in ortho.replacement.warnings)


def test_messages_stay_translatable():
    proposed = PROPOSE("wms", old_source("wmts", "GEOGRAPHICALGRIDSYSTEMS.PLANIGN"))
    accepted = accept_replacement(proposed)
    assert isinstance(proposed.replacement.changes, Message) and isinstance(proposed.replacement.title, Message)
    warning = accepted.warnings[0]
    assert isinstance(warning, Message)
    english = warning.translated(lambda text: {
        "couche remplacée à votre demande : {old} → {new} ({title}) ; {changes}": "replaced as asked: {old} → {new}",
    }.get(text, text))
    assert english == "replaced as asked: GEOGRAPHICALGRIDSYSTEMS.PLANIGN → GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2"


def test_no_proposal_without_a_rule_nor_for_a_layer_that_migrates():
    withdrawn = PROPOSE("wms", old_source("wmts", "OCSGE.COUVERTURE.2010"))
    assert withdrawn.status == UNMAPPED and withdrawn.replacement is None
    served = PROPOSE("wms", old_source("wmts", "ORTHOIMAGERY.ORTHOPHOTOS"))
    assert served.status == MIGRATED and served.replacement is None and not served.replaced
    assert ACCEPT("wms", old_source("wmts", "ORTHOIMAGERY.ORTHOPHOTOS")) == served


def test_a_wms_source_gets_the_successor_of_its_withdrawn_sublayer_only():
    source = old_source("wms-r", "ORTHOIMAGERY.ORTHOPHOTOS.ORTHO-EXPRESS.2022").replace(
        "&styles=&", "&layers=CADASTRALPARCELS.PARCELLAIRE_EXPRESS&styles=&styles=&"
    )
    proposed = PROPOSE("wms", source)
    assert proposed.status == UNMAPPED
    assert proposed.replacement.layer == "ORTHOIMAGERY.ORTHOPHOTOS,CADASTRALPARCELS.PARCELLAIRE_EXPRESS"
    assert proposed.replacement.old_layer == "ORTHOIMAGERY.ORTHOPHOTOS.ORTHO-EXPRESS.2022"
    assert "layers=ORTHOIMAGERY.ORTHOPHOTOS&layers=CADASTRALPARCELS.PARCELLAIRE_EXPRESS&" in (
        proposed.replacement.new_source
    )


def test_no_proposal_when_another_sublayer_has_no_successor():
    source = old_source("wms-r", "ORTHOIMAGERY.ORTHOPHOTOS.ORTHO-EXPRESS.2022").replace(
        "&styles=&", "&layers=NO.SUCH.LAYER&styles=&styles=&"
    )
    assert PROPOSE("wms", source).replacement is None
    assert ACCEPT("wms", source).new_source == source


def test_an_xyz_layer_on_a_wmts_gettile_address_is_proposed_too():
    url = ("https://wxs.ign.fr/cartes/geoportail/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0"
           "&LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGN&STYLE=normal&TILEMATRIXSET=PM&TILEMATRIX={z}&TILEROW={y}"
           "&TILECOL={x}&FORMAT=image/png")
    source = "type=xyz&url=" + url.replace("&", "%26").replace("=", "%3D").replace("{", "%7B").replace("}", "%7D")
    proposed = PROPOSE("wms", source)
    assert proposed.status == UNMAPPED
    assert "LAYER%3DGEOGRAPHICALGRIDSYSTEMS.PLANIGNV2" in proposed.replacement.new_source
    assert "data.geopf.fr" in proposed.replacement.new_source


def test_keys_and_credentials_never_reach_the_proposal():
    source = old_source("wmts", "GEOGRAPHICALGRIDSYSTEMS.PLANIGN", samples.PERSONAL_KEY,
                        extra=f"&password={samples.PASSWORD}&username=jdupont")
    replacement = PROPOSE("wms", source).replacement
    for secret in (samples.PERSONAL_KEY, samples.PASSWORD, "jdupont"):
        assert secret not in replacement.new_source


def test_wrapping_twice_is_wrapping_once():
    source = old_source("wmts", "GEOGRAPHICALGRIDSYSTEMS.PLANIGN")
    assert with_replacements(PROPOSE)("wms", source) == PROPOSE("wms", source)
    assert with_replacements(PROPOSE, accept=True)("wms", source) == ACCEPT("wms", source)
    assert accept_replacement(ACCEPT("wms", source)) == ACCEPT("wms", source)


def test_substitution_keeps_every_other_byte():
    source = old_source("wmts", "GEOGRAPHICALGRIDSYSTEMS.PLANIGN")
    swapped = substitute_layers("wms", source, {"GEOGRAPHICALGRIDSYSTEMS.PLANIGN": "X.Y"})
    assert swapped == source.replace("layers=GEOGRAPHICALGRIDSYSTEMS.PLANIGN&", "layers=X.Y&")
    wfs = "typename='OLD:type' url='https://wxs.ign.fr/k/geoportail/wfs' version='auto'"
    assert substitute_layers("WFS", wfs, {"OLD:type": "NEW:type"}) == wfs.replace("OLD:type", "NEW:type")
    assert substitute_layers("wms", source, {"OTHER": "X"}) is None
    assert substitute_layers("ogr", "/data/x.gpkg", {"x": "y"}) is None


# --- files, command line and reports ------------------------------------------------------------------------

PLANIGN_V1 = old_source("wmts", "GEOGRAPHICALGRIDSYSTEMS.PLANIGN", "cartes")
LAYERS = [
    ("planign_1", "Plan IGN v1", "raster", "wms", PLANIGN_V1),
    ("ortho_1", "Photos", "raster", "wms", samples.WMTS),
]


def test_a_project_keeps_its_withdrawn_layer_unless_replacements_are_accepted():
    data = samples.project(LAYERS)
    kept = rewrite_file("p.qgs", data, batch.default_migrator())
    planign = kept.sources[0]
    assert planign.status == UNMAPPED and planign.replacement is not None and not planign.replaced
    assert samples.sources_by_id(kept.data)["planign_1"] == PLANIGN_V1
    replaced = rewrite_file("p.qgs", data, batch.default_migrator(accept_replacements=True))
    assert replaced.sources[0].replaced and replaced.sources[0].status == MIGRATED
    assert samples.sources_by_id(replaced.data)["planign_1"] == planign.replacement.new_source
    assert replaced.sources[1] == kept.sources[1]  # the other layers move as they always did


def test_command_line_proposes_and_applies_only_with_the_flag(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "p.qgs").write_bytes(samples.project(LAYERS))
    code = cli.main(["migrate", str(tmp_path / "in"), "--output-dir", str(tmp_path / "a"),
                     "--report", str(tmp_path / "a.json")])
    out = capsys.readouterr().out
    assert code == 0
    assert "Remplacement proposé, non appliqué" in out and "--accept-replacements applique" in out
    assert samples.sources_by_id((tmp_path / "a" / "p.qgs").read_bytes())["planign_1"] == PLANIGN_V1
    layer = json.loads((tmp_path / "a.json").read_text())["files"][0]["layers"][0]
    assert layer["status"] == UNMAPPED and layer["replacement"]["applied"] is False
    assert layer["replacement"]["layer"] == "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2"

    code = cli.main(["migrate", str(tmp_path / "in"), "--output-dir", str(tmp_path / "b"), "--accept-replacements",
                     "--report", str(tmp_path / "b.json")])
    out = capsys.readouterr().out
    assert code == 0 and "Remplacée : " in out and "--accept-replacements applique" not in out
    written = samples.sources_by_id((tmp_path / "b" / "p.qgs").read_bytes())["planign_1"]
    assert "layers=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2&" in written and "data.geopf.fr" in written
    layer = json.loads((tmp_path / "b.json").read_text())["files"][0]["layers"][0]
    assert layer["status"] == MIGRATED and layer["replacement"]["applied"] is True
    assert layer["new_source"] == layer["replacement"]["new_source"]


def test_every_report_format_shows_the_proposal_and_the_replacement(tmp_path):
    (tmp_path / "p.qgs").write_bytes(samples.project(LAYERS))
    for accept in (False, True):
        results = batch.run([str(tmp_path / "p.qgs")], output_dir=str(tmp_path / f"out{accept}"),
                            accept_replacements=accept)
        data = report.to_dict(results)
        layers = data["files"][0]["layers"]
        assert layers[0]["replacement"]["applied"] is accept
        assert "replacement" not in layers[1]  # only layers with a proposal carry the key
        rows = list(csv.DictReader(report.render_csv(data).splitlines()))
        assert rows[0]["replacement_layer"] == "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2"
        assert rows[0]["replacement_applied"] == str(accept).lower() and rows[1]["replacement_layer"] == ""
        page = report.render_html(data)
        assert ("Remplacée à votre demande" if accept else "Remplacement proposé, non appliqué") in page
        assert "Plan IGN v1 n&#x27;existe plus" in page or "Plan IGN v1 n'existe plus" in page
        lines = report.replacement_lines(results)
        assert len(lines) == 1 and lines[0].startswith("Remplacée" if accept else "Remplacement proposé")


def test_reports_redact_the_proposal(tmp_path):
    source = old_source("wmts", "GEOGRAPHICALGRIDSYSTEMS.PLANIGN", samples.PERSONAL_KEY,
                        extra=f"&password={samples.PASSWORD}")
    (tmp_path / "p.qgs").write_bytes(samples.project([("k", "Plan v1", "raster", "wms", source)]))
    results = batch.run([str(tmp_path / "p.qgs")], output_dir=str(tmp_path / "out"), dry_run=True)
    text = report.render_json(report.to_dict(results)) + report.render_html(report.to_dict(results))
    assert results[0].sources[0].replacement is not None
    assert samples.PERSONAL_KEY not in text and samples.PASSWORD not in text


def test_the_2014_qgis_1_8_project_gets_parcellaire_express_proposed(shared_data):
    """The real 2014 project's two BD Parcellaire layers (QGIS 1.8 form, layer names in <wmsSublayer>)."""
    path = shared_data / "projects" / "haubourg_Donnees_IGN_Geoportail_qgis1.8_2014.qgs"
    data = path.read_bytes()
    proposed = [s for s in rewrite_file(path.name, data, batch.default_migrator()).sources if s.replacement]
    assert sorted(s.name for s in proposed) == [
        "RGE - parcellaire noir et blanc (WMS geoportail)", "RGE - parcellaire orange (WMS geoportail)",
    ]
    assert all(s.status == UNMAPPED and s.new_source == s.old_source for s in proposed)
    assert {s.replacement.layer for s in proposed} == {"CADASTRALPARCELS.PARCELLAIRE_EXPRESS"}
    replaced = rewrite_file(path.name, data, batch.default_migrator(accept_replacements=True))
    by_name = {s.name: s for s in replaced.sources}
    for source in proposed:
        after = by_name[source.name]
        assert after.replaced and after.status == MIGRATED and "MonUserPasswordGEOPORTAIL" not in after.new_source
        assert after.new_source in replaced.data.decode("utf-8").replace("&amp;", "&")
