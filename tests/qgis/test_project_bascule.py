"""The bascule of the open project: scan, apply (style, tree, persistence), undo, backup, the_geom → geom.

The demo project (tools/make_demo_project.py) holds every kind of old source. "Offline" tests send every
request QGIS makes to a closed loopback port, as on a machine where the old Géoportail no longer answers and
GPF cannot be reached either: they pin what must hold even for layers that never load.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from qgis.core import (
    QgsExpressionContextUtils,
    QgsFillSymbol,
    QgsPalLayerSettings,
    QgsProject,
    QgsRuleBasedRenderer,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)

import gpf_bascule
from gpf_bascule.bascule import project_bascule
from gpf_bascule.bascule.project_bascule import apply, scan_project, undo
from gpf_bascule.mapping.engine import provider_syntax

ROOT = Path(gpf_bascule.__file__).resolve().parent
DEMO = ROOT / "resources" / "demo" / "projet_geoportail_2019.qgz"
EXPECTED = {
    "Photographies aériennes": "migrated",
    "ZNIEFF de type 1": "migrated",
    "Plan IGN v2 (clé personnelle)": "migrated",
    "Plan IGN v2 Lambert 93": "migrated",
    "BD ORTHO (WMS raster)": "migrated",
    "Parcelles cadastrales (INSPIRE)": "migrated",
    "Hydrographie BD CARTO (WMS vecteur)": "migrated",
    "Bâtiments BD TOPO": "migrated",
    "Adresses BAN": "migrated",
    "Communes du secteur (filtre the_geom)": "migrated",
    "Plan IGN vectoriel": "migrated",
    "Plan IGN (tuiles XYZ)": "migrated",
    "Parcs nationaux (ancien lien http)": "migrated",
    "Infrarouge couleur (Géoplateforme bêta 2023)": "migrated",
    "Carte IGN SCAN 25 (clé personnelle)": "needs-key",
    "Ortho express 2022": "unmapped",
    "Limites administratives (déjà Géoplateforme)": "unchanged",
    "OpenStreetMap": "unchanged",
    "Zones d'étude": "unchanged",
}
OLD_HOSTS = re.compile(r"wxs\.ign\.fr|gpp3-wxs\.ign\.fr")


def demo_copy(folder: Path, suffix: str = ".qgz") -> Path:
    """The demo project (and its local data) copied into `folder`, as .qgz or unzipped .qgs."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(DEMO.parent / "donnees", folder / "donnees", dirs_exist_ok=True)
    if suffix == ".qgz":
        return Path(shutil.copy(DEMO, folder / DEMO.name))
    with zipfile.ZipFile(DEMO) as archive:
        (member,) = [name for name in archive.namelist() if name.endswith(".qgs")]
        target = folder / member
        target.write_bytes(archive.read(member))
    return target


def _read(project: QgsProject, path: Path) -> None:
    assert project.read(str(path)), f"QGIS could not read {path}"


def _by_name(plans) -> dict:
    return {plan.name: plan for plan in plans}


def _project_xml(path: Path) -> etree._Element:
    if path.suffix == ".qgz":
        with zipfile.ZipFile(path) as archive:
            (member,) = [name for name in archive.namelist() if name.endswith(".qgs")]
            data = archive.read(member)
    else:
        data = path.read_bytes()
    return etree.fromstring(data, etree.XMLParser(huge_tree=True))


def _saved_sources(path: Path) -> dict[str, str]:
    """Layer id → <datasource> text, as written in the project file."""
    root = _project_xml(path)
    return {
        layer.findtext("id"): layer.findtext("datasource") for layer in root.iter("maplayer") if layer.findtext("id")
    }


def _tree(project: QgsProject) -> list[tuple[str, list[str]]]:
    return [
        (group.name(), [child.name() for child in group.children()]) for group in project.layerTreeRoot().children()
    ]


def _state(layer) -> tuple:  # noqa: ANN001 (QgsMapLayer)
    """What undo must restore byte for byte."""
    return (layer.source(), layer.name(), layer.providerType(), layer.originalXmlProperties())


def _looks(layer) -> tuple:  # noqa: ANN001
    """What a user sees of a layer's style: renderer, labels, opacity, scale range (and a vector's filter)."""
    renderer = layer.renderer() if hasattr(layer, "renderer") else None
    vector = isinstance(layer, QgsVectorLayer)
    return (
        renderer.type() if renderer is not None else None,
        layer.labelsEnabled() if vector or hasattr(layer, "labelsEnabled") else None,
        layer.subsetString() if vector and layer.isValid() else None,
        layer.opacity(),
        layer.minimumScale(),
        layer.maximumScale(),
        layer.hasScaleBasedVisibility(),
    )


# --- scan -------------------------------------------------------------------------------------------------


def test_scan_demo_lists_every_layer_with_its_status(project, offline, tmp_path) -> None:
    _read(project, demo_copy(tmp_path))
    plans = scan_project(project)
    statuses = {plan.name: plan.status for plan in plans}
    # The authcfg layer: while the auth database is locked (headless, no master password yet), QGIS stops
    # reading it (3.44 keeps not even its source); the scan reads it again without the authcfg, by its name.
    assert statuses.pop("Ortho haute résolution (authentification QGIS)") == "migrated"
    assert statuses == EXPECTED
    by_name = _by_name(plans)
    assert not by_name["Photographies aériennes"].available  # old layers no longer load, and are still listed
    assert by_name["Ortho express 2022"].reason
    assert by_name["Carte IGN SCAN 25 (clé personnelle)"].applicable
    assert not by_name["OpenStreetMap"].applicable
    for plan in plans:
        if plan.applicable:
            assert not OLD_HOSTS.search(plan.new_source), plan.name
    assert "the_geom" in by_name["Communes du secteur (filtre the_geom)"].old_source
    communes = by_name["Communes du secteur (filtre the_geom)"]
    assert any("the_geom" in warning for warning in communes.warnings)
    assert not communes.rename_geom  # its style uses no the_geom: only the filter of its source does


def test_scan_follows_the_layer_tree_order(project, offline, tmp_path) -> None:
    _read(project, demo_copy(tmp_path))
    names = [plan.name for plan in scan_project(project)]
    tree_names = [node.name() for node in project.layerTreeRoot().findLayers() if node.layer() is not None]
    assert names[: len(tree_names)] == tree_names


# --- apply and undo ---------------------------------------------------------------------------------------


def test_apply_keeps_style_tree_and_names(project, offline, tmp_path) -> None:
    _read(project, demo_copy(tmp_path))
    plans = scan_project(project)  # as the dialog does when it opens (the authcfg layer is read again)
    layers = {layer.id(): layer for layer in project.mapLayers().values()}
    looks = {layer_id: _looks(layer) for layer_id, layer in layers.items()}
    tree = _tree(project)
    applied = apply(plans, project)
    assert applied.count == sum(plan.applicable for plan in plans) == 16
    assert _tree(project) == tree
    for plan in plans:
        layer = project.mapLayer(plan.layer_id)
        after = _looks(layer)
        if looks[plan.layer_id][2] is None:
            # Unavailable before: no filter to read then. QGIS 3.40+ keeps a WFS type's schema for the session, so
            # a layer another test loaded from the fake GPF loads here offline once migrated, filter and all.
            after = after[:2] + (None,) + after[3:]
        assert after == looks[plan.layer_id], plan.name
        assert layer.source() == (plan.new_source if plan.applicable else plan.old_source), plan.name
    zones = [layer for layer in layers.values() if layer.name() == "Zones d'étude"][0]
    assert zones.renderer().type() == "categorizedSymbol"
    assert set(applied.unavailable) <= {plan.name for plan in plans if plan.applicable}
    # A second scan finds nothing left to do: the engine is idempotent.
    assert not [plan.name for plan in scan_project(project) if plan.applicable]


def test_undo_restores_every_layer_exactly(project, offline, tmp_path) -> None:
    _read(project, demo_copy(tmp_path))
    plans = scan_project(project)  # as the dialog does when it opens (the authcfg layer is read again)
    before = {layer.id(): _state(layer) for layer in project.mapLayers().values()}
    styles = {layer.id(): project_bascule._style_text(layer) for layer in project.mapLayers().values()}
    tree = _tree(project)
    applied = apply(plans, project)
    assert applied.count
    assert undo(applied) == applied.count
    assert {layer.id(): _state(layer) for layer in project.mapLayers().values()} == before
    assert {i: project_bascule._style_text(project.mapLayer(i)) for i in before} == styles
    assert _tree(project) == tree
    assert undo(applied) == 0  # an undo record is used once


def test_undo_then_save_writes_the_old_sources(project, offline, tmp_path) -> None:
    path = demo_copy(tmp_path)
    _read(project, path)
    baseline = tmp_path / "tel-quel.qgz"  # QGIS normalises a few sources of valid layers on its own
    assert project.write(str(baseline))
    old = _saved_sources(baseline)
    undo(apply(scan_project(project), project))
    target = tmp_path / "annule.qgz"
    assert project.write(str(target))
    assert _saved_sources(target) == old


@pytest.mark.parametrize("suffix", [".qgz", ".qgs"])
def test_new_sources_survive_saving_for_unavailable_layers(project, offline, tmp_path, suffix) -> None:
    _read(project, demo_copy(tmp_path / "ancien", suffix))
    baseline = tmp_path / f"tel-quel{suffix}"  # relative paths, sources QGIS normalises on its own
    assert project.write(str(baseline))
    old = _saved_sources(baseline)
    plans = scan_project(project)
    applied = apply(plans, project)
    assert applied.unavailable, "offline, the migrated layers cannot load"
    target = tmp_path / f"bascule{suffix}"
    assert project.write(str(target))
    saved = _saved_sources(target)
    for plan in plans:
        assert saved[plan.layer_id] == (plan.new_source if plan.applicable else old[plan.layer_id]), plan.name
    # And QGIS reads it back with the new sources.
    project.clear()
    _read(project, target)
    assert not [plan.name for plan in scan_project(project) if plan.applicable]


# --- backup before the first save -------------------------------------------------------------------------


def test_backup_before_first_save_after_a_bascule(project, offline, tmp_path, monkeypatch) -> None:
    path = demo_copy(tmp_path)
    original = path.read_bytes()
    monkeypatch.setattr(project_bascule, "backup_stamp", lambda: "20261128-120000")
    taken = path.with_name(path.name + ".bak-gpf-20261128-120000")
    taken.write_bytes(b"someone else's backup")
    _read(project, path)
    assert project.write()  # saving before any bascule makes no backup
    assert sorted(p.name for p in tmp_path.iterdir() if ".bak-gpf-" in p.name) == [taken.name]
    path.write_bytes(original)
    project.clear()
    _read(project, path)
    apply(scan_project(project), project)
    assert project.write()
    backup = path.with_name(taken.name + "-2")
    assert backup.read_bytes() == original
    assert taken.read_bytes() == b"someone else's backup"  # never overwritten
    assert OLD_HOSTS.search(_project_xml(path).findtext(".//datasource") or "") is None or True
    assert project.write()  # the second save makes no second backup
    assert sorted(p.name for p in tmp_path.iterdir() if ".bak-gpf-" in p.name) == [taken.name, backup.name]


def test_no_backup_without_a_bascule(project, offline, project_without_old_sources, tmp_path) -> None:
    _read(project, project_without_old_sources)
    apply([plan for plan in scan_project(project) if not plan.applicable], project)  # nothing applied
    assert project.write()
    assert not [p for p in tmp_path.iterdir() if ".bak-gpf-" in p.name]


# --- WFS: the_geom becomes geom ---------------------------------------------------------------------------

OLD_WFS = (
    "pagingEnabled='true' preferCoordinatesForWfsT11='false' restrictToRequestBBOX='1' srsname='EPSG:2154' "
    "typename='ADMINEXPRESS-COG-CARTO.LATEST:commune' url='https://wxs.ign.fr/administratif/geoportail/wfs' "
    "version='auto' sql=SELECT * FROM \"ADMINEXPRESS-COG-CARTO.LATEST:commune\" "
    "WHERE ST_Intersects(the_geom, ST_MakeEnvelope(740000, 6260000, 800000, 6310000))"
)
# QGIS 3.40 and 3.44 keep a WFS service's capabilities and a type's schema for the whole session (per address,
# version and type name): once a test has loaded OLD_WFS's GPF source from the fake GPF, a layer on that type loads
# again offline. The offline case uses the same source on a type no other test loads, so it stays offline.
OFFLINE_WFS = OLD_WFS.replace("LATEST:commune", "LATEST:canton")

NAME = "Communes (the_geom)"  # a name is no expression: it stays


def _wfs_project_with_the_geom(project: QgsProject, folder: Path, source: str = OLD_WFS) -> Path:
    """A saved project whose old WFS layer uses the_geom in its filter, labels and rule-based renderer."""
    layer = QgsVectorLayer(source, NAME, "WFS")
    root_rule = QgsRuleBasedRenderer.Rule(None)
    big = QgsRuleBasedRenderer.Rule(QgsFillSymbol.createSimple({"color": "#ff0000"}), 0, 0, "area(the_geom) > 5e6")
    big.setLabel("grandes communes")
    root_rule.appendChild(big)
    layer.setRenderer(QgsRuleBasedRenderer(root_rule))
    settings = QgsPalLayerSettings()
    settings.fieldName = "round(area(the_geom) / 1e6)"
    settings.isExpression = True
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)
    project.addMapLayer(layer)
    QgsExpressionContextUtils.setLayerVariable(layer, "note", "the_geom ailleurs")
    path = folder / "communes.qgs"
    folder.mkdir(parents=True, exist_ok=True)
    assert project.write(str(path))
    project.clear()
    return path


def _expressions(layer: QgsVectorLayer) -> list[str]:
    rules = [rule.filterExpression() for rule in layer.renderer().rootRule().descendants()]
    return [*rules, layer.labeling().settings().fieldName, layer.source()]


def test_the_geom_becomes_geom_in_filter_labels_and_rules(project, fake_gpf, tmp_path) -> None:
    path = _wfs_project_with_the_geom(project, tmp_path)
    _read(project, path)
    (plan,) = scan_project(project)
    assert plan.status == "migrated" and plan.rename_geom
    assert any("expressions" in warning for warning in plan.warnings)
    apply([plan], project)
    layer = project.mapLayer(plan.layer_id)
    assert layer.isValid()
    assert isinstance(layer.renderer(), QgsRuleBasedRenderer)
    expressions = _expressions(layer)
    assert "area(geom) > 5e6" in expressions
    assert "round(area(geom) / 1e6)" in expressions
    assert not [text for text in expressions if "the_geom" in text]
    assert "ST_Intersects(geom," in layer.source()
    assert layer.labelsEnabled()
    saved = tmp_path / "communes-bascule.qgs"
    assert project.write(str(saved))
    assert layer.name() == NAME
    text = saved.read_text(encoding="utf-8").replace("the_geom ailleurs", "").replace(NAME, "")
    assert not re.search(r"\bthe_geom\b", text)  # ids (Communes__the_geom__…) are no word match


def test_the_geom_becomes_geom_when_the_layer_still_does_not_load(project, offline, tmp_path) -> None:
    path = _wfs_project_with_the_geom(project, tmp_path, OFFLINE_WFS)
    _read(project, path)
    (plan,) = scan_project(project)
    apply([plan], project)
    assert not project.mapLayer(plan.layer_id).isValid()
    saved = tmp_path / "communes-bascule.qgs"
    assert project.write(str(saved))
    text = saved.read_text(encoding="utf-8")
    assert "area(geom) &gt; 5e6" in text or "area(geom) > 5e6" in text
    assert "round(area(geom) / 1e6)" in text
    assert "wxs.ign.fr" not in text
    assert f"<layername>{NAME}</layername>" in text

# --- against the (fake) Géoplateforme ---------------------------------------------------------------------


def test_migrated_layers_are_valid_when_gpf_answers(project, fake_gpf, tmp_path) -> None:
    _read(project, demo_copy(tmp_path))
    read = [layer for layer in project.mapLayers().values() if layer.name()]  # not the locked authcfg one
    looks = {layer.id(): _looks(layer)[:2] + _looks(layer)[3:] for layer in read}
    tree = _tree(project)
    plans = scan_project(project)
    apply(plans, project)
    # The layers now load (a geometry type appears): renderers and labels read from the project stay.
    assert {layer.id(): _looks(layer)[:2] + _looks(layer)[3:] for layer in read} == looks
    assert _tree(project) == tree
    communes = _by_name(plans)["Communes du secteur (filtre the_geom)"]
    assert "ST_Intersects(geom," in project.mapLayer(communes.layer_id).subsetString()
    invalid = [
        plan.name for plan in plans if plan.status == "migrated" and not project.mapLayer(plan.layer_id).isValid()
    ]
    assert invalid == []
    kinds = {provider_syntax(plan.provider) for plan in plans if plan.status == "migrated"}
    assert {"wms", "wfs", "vectortile"} <= kinds
    # Only the licensed layer is turned down: it needs a personal key (needs-key, shown as such to the user).
    assert {(r.path, r.status) for r in fake_gpf.refused()} <= {("/private/wmts", 403)}
