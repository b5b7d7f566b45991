"""Successors of withdrawn layers in the open project: proposed by the scan, applied only for the layers the user
accepted (`apply(..., accepted=...)`), kept through undo.

The demo project's "Ortho express 2022" (withdrawn from GPF) gets the current orthophotos as a proposal.
"""

from __future__ import annotations

import json
from pathlib import Path

from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject, QgsRasterLayer

from gpf_bascule.bascule.project_bascule import apply, scan_project, undo
from gpf_bascule.processing_provider.migrate_projects import MigrateProjectsAlgorithm
from gpf_bascule.tests.qgis.test_project_bascule import _by_name, _looks, _read, _state, _tree, demo_copy
from gpf_bascule.tests.unit import qgis_samples as samples

ORTHO_EXPRESS = "Ortho express 2022"
PLANIGN_V1 = (
    "contextualWMSLegend=0&crs=EPSG:3857&dpiMode=7&featureCount=10&format=image/png"
    "&layers=GEOGRAPHICALGRIDSYSTEMS.PLANIGN&styles=normal&tileMatrixSet=PM"
    "&url=https://wxs.ign.fr/cartes/geoportail/wmts?SERVICE%3DWMTS%26REQUEST%3DGetCapabilities"
)


def test_scan_proposes_the_successor_without_changing_the_plan(project, offline, tmp_path) -> None:
    _read(project, demo_copy(tmp_path))
    plans = scan_project(project)
    ortho = _by_name(plans)[ORTHO_EXPRESS]
    assert ortho.status == "unmapped" and not ortho.applicable and ortho.new_source == ortho.old_source
    replacement = ortho.replacement
    assert replacement.layer == "ORTHOIMAGERY.ORTHOPHOTOS" and replacement.title == "Photographies aériennes"
    assert "ortho-express 2022 n'existe plus" in replacement.changes
    assert "data.geopf.fr/wmts" in replacement.new_source
    # only withdrawn layers with a rule get one
    assert [plan.name for plan in plans if plan.replacement is not None] == [ORTHO_EXPRESS]
    accepted = ortho.with_replacement()
    assert accepted.applicable and accepted.replaced and accepted.new_source == replacement.new_source
    assert accepted.warnings[0].startswith("couche remplacée à votre demande : ORTHOIMAGERY.ORTHOPHOTOS.ORTHO-EXPRESS")


def test_apply_leaves_the_withdrawn_layer_unless_accepted(project, offline, tmp_path) -> None:
    _read(project, demo_copy(tmp_path))
    plans = scan_project(project)
    ortho = _by_name(plans)[ORTHO_EXPRESS]
    layer = project.mapLayer(ortho.layer_id)
    before = _state(layer)
    applied = apply(plans, project)
    assert _state(layer) == before
    assert ORTHO_EXPRESS not in [plan.name for plan in applied.plans]
    undo(applied)


def test_an_accepted_replacement_is_applied_with_the_style_and_undone(project, offline, tmp_path) -> None:
    _read(project, demo_copy(tmp_path))
    plans = scan_project(project)
    ortho = _by_name(plans)[ORTHO_EXPRESS]
    layer = project.mapLayer(ortho.layer_id)
    before, looks, tree = _state(layer), _looks(layer), _tree(project)
    others = sum(plan.applicable for plan in plans)
    applied = apply(plans, project, accepted={ortho.layer_id})
    assert applied.count == others + 1
    assert layer.source() == ortho.replacement.new_source
    assert _looks(layer) == looks and _tree(project) == tree and layer.name() == ORTHO_EXPRESS
    replaced = [plan for plan in applied.plans if plan.layer_id == ortho.layer_id]
    assert len(replaced) == 1 and replaced[0].replaced
    assert undo(applied) == others + 1
    assert _state(layer) == before


def test_accepting_a_layer_without_a_proposal_changes_nothing(project, offline, tmp_path) -> None:
    _read(project, demo_copy(tmp_path))
    plans = scan_project(project)
    plain = next(plan for plan in plans if plan.applicable)
    first = apply(plans, project)
    sources = {layer_id: layer.source() for layer_id, layer in project.mapLayers().items()}
    undo(first)
    second = apply(plans, project, accepted={plain.layer_id, "no-such-layer"})
    assert {layer_id: layer.source() for layer_id, layer in project.mapLayers().items()} == sources
    assert second.count == first.count
    undo(second)


def test_the_replaced_layer_loads_from_gpf_and_the_project_saves_it(project: QgsProject, fake_gpf, tmp_path) -> None:
    layer = QgsRasterLayer(PLANIGN_V1, "Plan IGN v1", "wms")
    project.addMapLayer(layer)
    (plan,) = scan_project(project)
    assert plan.status == "unmapped" and plan.replacement.layer == "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2"
    applied = apply([plan], project, accepted={layer.id()})
    assert applied.count == 1 and layer.isValid(), layer.error().summary()
    assert "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2" in layer.source()
    path = tmp_path / "remplace.qgs"
    assert project.write(str(path))
    assert "layers=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2&amp;" in path.read_text(encoding="utf-8")


def test_processing_applies_replacements_only_with_its_parameter(tmp_path) -> None:
    """migrate_projects: the ACCEPT_REPLACEMENTS parameter is off by default; on, the successor is written."""
    assert MigrateProjectsAlgorithm.ACCEPT_REPLACEMENTS == "ACCEPT_REPLACEMENTS"
    (tmp_path / "p.qgs").write_bytes(samples.project([("planign", "Plan IGN v1", "raster", "wms", PLANIGN_V1)]))
    written = {}
    for accept in (None, True):
        algorithm = MigrateProjectsAlgorithm()
        algorithm.initAlgorithm()
        parameter = algorithm.parameterDefinition("ACCEPT_REPLACEMENTS")
        assert parameter is not None and parameter.defaultValue() is False
        parameters = {"INPUT": str(tmp_path / "p.qgs"), "OUTPUT_FOLDER": str(tmp_path / f"out{accept}"),
                      "REPORT": str(tmp_path / f"r{accept}.json")}
        if accept is not None:
            parameters["ACCEPT_REPLACEMENTS"] = accept
        result = algorithm.processAlgorithm(parameters, QgsProcessingContext(), QgsProcessingFeedback())
        written[accept] = samples.sources_by_id((tmp_path / f"out{accept}" / "p.qgs").read_bytes())["planign"]
        layer = json.loads(Path(result["REPORT"]).read_text(encoding="utf-8"))["files"][0]["layers"][0]
        assert layer["replacement"]["applied"] is bool(accept)
    assert written[None] == PLANIGN_V1
    assert "layers=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2&" in written[True]
