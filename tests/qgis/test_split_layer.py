"""One QGIS layer per sublayer (`split_layer`): IGN's WMS-V answers at most two layers per request since
2026-06-15. The new layers take the original's place, group and style, and the original can be put back.
"""

from __future__ import annotations

from qgis.core import QgsProject, QgsRasterLayer

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
