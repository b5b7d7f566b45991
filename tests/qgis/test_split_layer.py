"""One QGIS layer per sublayer (`split_layer`): IGN's WMS-V answers at most two layers per request since
2026-06-15. The new layers take the original's place, group and style, and the original can be put back.
"""

from __future__ import annotations

from qgis.core import (
    QgsLayoutItemMap,
    QgsMapLayerStyle,
    QgsMapThemeCollection,
    QgsPrintLayout,
    QgsProject,
    QgsRasterLayer,
)

from gpf_bascule.bascule.project_bascule import scan_project, split_layer
from gpf_bascule.mapping.provider_uri import EncodedUri

NAMES = ["BDCARTO-ADMINISTRATIF_WLD_WGS84G", "BDCARTO-HYDROGRAPHIE_WLD_WGS84G", "ADMINEXPRESS-COG.2024"]


def wms_v(names: list[str]) -> str:
    """A GPF WMS-V source as QGIS writes it: one layers=/styles= pair per sublayer."""
    return ("contextualWMSLegend=0&crs=EPSG:2154&dpiMode=7&featureCount=10&format=image/png&"
            + "".join(f"layers={name}&" for name in names) + "styles=&" * len(names)
            + "url=https://data.geopf.fr/wms-v/ows")


def _group_names(group) -> list[str]:  # noqa: ANN001
    return [child.name() for child in group.children()]


def _build(project: QgsProject):  # noqa: ANN202
    """A group "Fonds" holding a layer, the three-sublayer WMS-V layer (styled, hidden) and another layer."""
    group = project.layerTreeRoot().addGroup("Fonds")
    layers = {}
    for name, source in (("Avant", wms_v(NAMES[:1])), ("Limites", wms_v(NAMES)), ("Après", wms_v(NAMES[1:]))):
        layer = QgsRasterLayer(source, name, "wms")
        project.addMapLayer(layer, False)
        group.addLayer(layer)
        layers[name] = layer
    limits = layers["Limites"]
    limits.setOpacity(0.35)
    limits.setScaleBasedVisibility(True)
    limits.setMinimumScale(250000.0)
    group.findLayer(limits.id()).setItemVisibilityChecked(False)
    return group, layers


def test_the_scan_offers_the_split_with_its_warning(project, fake_gpf) -> None:
    group, layers = _build(project)
    plans = {plan.name: plan for plan in scan_project(project)}
    assert plans["Limites"].splittable and plans["Limites"].status == "unchanged"
    assert any("au plus deux couches" in warning for warning in plans["Limites"].warnings)
    assert not plans["Avant"].splittable and not plans["Après"].splittable


def test_split_makes_one_layer_per_sublayer_in_place_with_the_style(project, fake_gpf) -> None:
    group, layers = _build(project)
    original_id = layers["Limites"].id()
    made = split_layer(project, original_id)
    assert len(made) == 3 and made.original_id == original_id
    assert project.mapLayer(original_id) is None
    # the first sublayer at the bottom: the server drew it under the others
    assert _group_names(group) == ["Avant", *(f"Limites — {name}" for name in reversed(NAMES)), "Après"]
    for layer, name in zip(made, reversed(NAMES)):
        assert layer.isValid(), layer.error().summary()
        assert EncodedUri(layer.source()).get_all("layers") == [name]
        assert EncodedUri(layer.source()).get_all("styles") == [""]
        assert (layer.opacity(), layer.hasScaleBasedVisibility(), layer.minimumScale()) == (0.35, True, 250000.0)
        assert not group.findLayer(layer.id()).itemVisibilityChecked()
        assert project.mapLayer(layer.id()) is layer
    assert project.isDirty()


def test_restore_puts_the_original_back(project, fake_gpf) -> None:
    group, layers = _build(project)
    original_id = layers["Limites"].id()
    source = layers["Limites"].source()
    made = split_layer(project, original_id)
    assert made.restore()
    assert not made.restore()  # once
    restored = project.mapLayer(original_id)
    assert restored is not None and restored.source() == source and restored.opacity() == 0.35
    assert _group_names(group) == ["Avant", "Limites", "Après"]
    assert not group.findLayer(original_id).itemVisibilityChecked()
    assert all(project.mapLayer(layer_id) is None for layer_id in made.ids)


def test_nothing_to_split(project, fake_gpf) -> None:
    group, layers = _build(project)
    assert split_layer(project, layers["Avant"].id()) == []
    assert split_layer(project, "no-such-layer") == []
    assert _group_names(group) == ["Avant", "Limites", "Après"]


def _theme(project: QgsProject, name: str, layers: list, style: str = "default") -> None:
    """A map theme showing `layers`, each with its named style and its layer node folded."""
    state = QgsMapThemeCollection.MapThemeRecord()
    for layer in layers:
        record = QgsMapThemeCollection.MapThemeLayerRecord(layer)
        record.usingCurrentStyle = True
        record.currentStyle = style
        record.expandedLayerNode = False
        state.addLayerRecord(record)
    project.mapThemeCollection().insert(name, state)


def _theme_ids(project: QgsProject, name: str) -> list[str]:
    return sorted(record.layer().id() for record in project.mapThemeCollection().mapThemeState(name).layerRecords())


def test_split_keeps_the_layer_in_its_map_themes_and_restore_puts_it_back(project, fake_gpf) -> None:
    group, layers = _build(project)
    limits, before = layers["Limites"], layers["Avant"]
    original_id = limits.id()
    pale = QgsMapLayerStyle()
    pale.readFromLayer(limits)
    assert limits.styleManager().addStyle("pâle", pale)  # a named style the theme picks
    _theme(project, "T", [limits, before], style="pâle")
    _theme(project, "Sans", [before])
    made = split_layer(project, original_id)
    assert _theme_ids(project, "T") == sorted([before.id(), *made.ids])
    assert _theme_ids(project, "Sans") == [before.id()]  # a theme without the layer gets none of its parts
    for record in project.mapThemeCollection().mapThemeState("T").layerRecords():
        if record.layer() is before:
            continue
        assert record.usingCurrentStyle and record.currentStyle == "pâle" and not record.expandedLayerNode
        assert record.layer().styleManager().style("pâle").xmlData() == pale.xmlData()
    assert sorted(project.mapThemeCollection().mapThemeVisibleLayerIds("T")) == sorted([before.id(), *made.ids])
    assert made.restore()
    assert _theme_ids(project, "T") == sorted([before.id(), original_id])
    record = next(r for r in project.mapThemeCollection().mapThemeState("T").layerRecords()
                  if r.layer().id() == original_id)
    assert record.usingCurrentStyle and record.currentStyle == "pâle" and not record.expandedLayerNode
    assert _theme_ids(project, "Sans") == [before.id()]


def _layout_map(project: QgsProject, name: str, layers: list, overrides: dict[str, str] | None = None):  # noqa: ANN202
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(name)
    item = QgsLayoutItemMap(layout)
    layout.addLayoutItem(item)
    item.setKeepLayerSet(True)
    item.setLayers(layers)
    if overrides is not None:
        item.setKeepLayerStyles(True)
        item.setLayerStyleOverrides(overrides)
    project.layoutManager().addLayout(layout)
    return item


def test_a_locked_layout_map_gets_the_new_layers_in_place_and_the_original_back(project, fake_gpf) -> None:
    group, layers = _build(project)
    limits, before, after = layers["Limites"], layers["Avant"], layers["Après"]
    original_id = limits.id()
    style = QgsMapLayerStyle()
    style.readFromLayer(limits)
    locked = _layout_map(project, "Verrouillée", [before, limits, after], {original_id: style.xmlData()})
    free = _layout_map(project, "Libre", [])
    free.setKeepLayerSet(False)
    made = split_layer(project, original_id)
    assert [layer.id() for layer in locked.layers()] == [before.id(), *made.ids, after.id()]
    assert sorted(locked.layerStyleOverrides()) == sorted(made.ids)
    assert all(xml == style.xmlData() for xml in locked.layerStyleOverrides().values())
    assert free.layers() == []
    assert made.restore()
    assert [layer.id() for layer in locked.layers()] == [before.id(), original_id, after.id()]
    assert locked.layerStyleOverrides() == {original_id: style.xmlData()}
    assert free.layers() == []
