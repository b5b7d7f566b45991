"""The Browser ("Explorateur") tree: Géoplateforme → by theme / by service → layers QGIS loads natively.

Items are only ever looked at through a QgsBrowserModel, which owns them: a QgsDataItem without a parent
crashes QGIS 3.22 at exit.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from qgis.core import QgsBrowserModel, QgsDataItem, QgsMimeDataUtils, QgsProject
from qgis.gui import QgsDataItemGuiContext
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QApplication, QMenu

from gpf_bascule.bascule import catalog_refresh as refresh
from gpf_bascule.catalog.entry import Catalog, CatalogEntry
from gpf_bascule.ui import browser
from gpf_bascule.ui.catalog_state import CatalogState

WMTS_URI = (
    "contextualWMSLegend=0&crs=EPSG:3857&dpiMode=7&format=image/jpeg&layers=ORTHOIMAGERY.ORTHOPHOTOS"
    "&styles=normal&tileMatrixSet=PM_0_21&url=https://data.geopf.fr/wmts?SERVICE%3DWMTS%26REQUEST%3DGetCapabilities"
)
ENTRIES = (
    CatalogEntry("wmts", "ORTHOIMAGERY.ORTHOPHOTOS", "Photographies aériennes", "wms", WMTS_URI,
                 themes=("ortho", "essentiels"), metadata_url="https://example.org/fiche.xml"),
    CatalogEntry("wms-r", "ELEVATION.SLOPES", "Altitude - pentes", "wms",
                 "crs=EPSG:3857&format=image/png&layers=ELEVATION.SLOPES&styles=&url=https://data.geopf.fr/wms-r/wms",
                 themes=("altimetrie",)),
    CatalogEntry("wfs", "BDTOPO_V3:batiment", "Bâtiment", "WFS",
                 "typename='BDTOPO_V3:batiment' url='https://data.geopf.fr/wfs/ows' version='2.0.0'",
                 themes=("topographie", "essentiels")),
    CatalogEntry("tms", "PLAN.IGN", "Plan IGN", "vectortile",
                 "type=xyz&url=https://data.geopf.fr/tms/1.0.0/PLAN.IGN/{z}/{x}/{y}.pbf&zmax=18&zmin=0"),
)

MODELS: list[QgsBrowserModel] = []  # the model of the running test (items are read through it)


@pytest.fixture
def state(monkeypatch: pytest.MonkeyPatch) -> CatalogState:
    fresh = CatalogState()
    fresh.set_catalog(Catalog(layers=ENTRIES, generated="2026-01-01T00:00:00+00:00"))
    monkeypatch.setattr(CatalogState, "_instance", fresh)
    return fresh


@pytest.fixture
def model(state: CatalogState, qgis_iface) -> Iterator[tuple[QgsBrowserModel, browser.BrowserRegistration]]:
    registration = browser.BrowserRegistration(qgis_iface)
    registration.register()
    browser_model = QgsBrowserModel()
    browser_model.initialize()
    MODELS.append(browser_model)
    yield browser_model, registration
    registration.unregister()  # the model drops our root item when the provider goes
    MODELS.remove(browser_model)
    del browser_model


def root_item(model: QgsBrowserModel) -> QgsDataItem:
    for row in range(model.rowCount()):
        item = model.dataItem(model.index(row, 0))
        if isinstance(item, browser.GpfRootItem):
            return item
    raise AssertionError("no Géoplateforme root in the Browser")


def children(item: QgsDataItem) -> list[QgsDataItem]:
    """Children in the order the Browser shows them (its proxy model sorts by sort key), read through the model.

    Never `item.children()`: on 3.22 it returns new Python-owned wrappers, whose collection deletes the C++ items.
    """
    model = MODELS[-1]
    item.populate(True)
    parent = model.findItem(item)
    found = [model.dataItem(model.index(row, 0, parent)) for row in range(model.rowCount(parent))]
    return sorted(found, key=lambda child: str(child.sortKey()))


def names(items: list[QgsDataItem]) -> list[str]:
    return [item.name() for item in items]


def find(items: list[QgsDataItem], prefix: str) -> QgsDataItem:
    return next(item for item in items if item.name().startswith(prefix))


def test_root_holds_by_theme_and_by_service(model) -> None:
    browser_model, _ = model
    root = root_item(browser_model)
    assert root.name() == "Géoplateforme"
    assert names(children(root)) == ["Par thème", "Par service"]


def test_by_theme_then_service_then_layers(model) -> None:
    root = root_item(model[0])
    themes = children(find(children(root), "Par thème"))
    assert names(themes) == ["Altimétrie et relief (1)", "Orthophotos (1)", "Topographie (1)",
                             "Clé d'accès historique : Essentiels (2)", "Autres (1)"]
    essentials = children(find(themes, "Clé d'accès historique : Essentiels"))
    assert names(essentials) == ["WMTS (tuiles raster) (1)", "WFS (objets vecteur) (1)"]
    layers = children(essentials[1])
    assert names(layers) == ["Bâtiment"] and isinstance(layers[0], browser.GpfLayerItem)


def test_by_service_counts(model) -> None:
    services = children(find(children(root_item(model[0])), "Par service"))
    assert [item.name().rsplit(" (", 1)[1] for item in services] == ["1)"] * 4
    assert [children(item)[0].name() for item in services] == [
        "Photographies aériennes", "Altitude - pentes", "Bâtiment", "Plan IGN"]


def test_layer_items_carry_what_qgis_needs_to_load_them(model) -> None:
    browser_model, _ = model
    services = children(find(children(root_item(browser_model)), "Par service"))
    expected = {"Photographies aériennes": ("wms", "raster"), "Bâtiment": ("WFS", "vector"),
                "Plan IGN": ("vectortile", "vector-tile")}
    for service in services:
        layer = children(service)[0]
        assert layer.uri() == layer.entry.uri
        (uri,) = layer.mimeUris()
        if layer.name() in expected:
            assert (uri.providerKey, uri.layerType) == expected[layer.name()]
        assert uri.uri == layer.entry.uri and uri.name == layer.name()
    ortho = children(services[0])[0]
    index = browser_model.findItem(ortho)
    assert index.isValid()
    decoded = QgsMimeDataUtils.decodeUriList(browser_model.mimeData([index]))  # what a drag carries
    assert [(u.providerKey, u.layerType, u.uri) for u in decoded] == [("wms", "raster", WMTS_URI)]
    assert ortho.hasDragEnabled()


def test_context_menu_adds_copies_and_opens_metadata(model, fake_gpf, monkeypatch) -> None:
    browser_model, registration = model
    ortho = children(children(find(children(root_item(browser_model)), "Par service"))[0])[0]
    menu = QMenu()
    registration.gui_provider.populateContextMenu(ortho, menu, [ortho], QgsDataItemGuiContext())
    actions = {action.text(): action for action in menu.actions() if action.text()}
    assert list(actions) == ["Ajouter à la carte", "Copier l'URI", "Métadonnées"]
    actions["Copier l'URI"].trigger()
    assert QApplication.clipboard().text() == WMTS_URI
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True)
    actions["Métadonnées"].trigger()
    assert opened == ["https://example.org/fiche.xml"]
    before = len(QgsProject.instance().mapLayers())
    actions["Ajouter à la carte"].trigger()
    added = [layer for layer in QgsProject.instance().mapLayers().values() if layer.name() == "Photographies aériennes"]
    assert len(QgsProject.instance().mapLayers()) == before + 1 and added[0].isValid()
    QgsProject.instance().removeMapLayer(added[0].id())
    menu.deleteLater()


def test_no_menu_on_other_items_and_no_metadata_link_means_disabled(model) -> None:
    browser_model, registration = model
    root = root_item(browser_model)
    menu = QMenu()
    registration.gui_provider.populateContextMenu(root, menu, [root], QgsDataItemGuiContext())
    assert menu.actions() == []
    slopes = children(children(find(children(root), "Par service"))[1])[0]
    registration.gui_provider.populateContextMenu(slopes, menu, [slopes], QgsDataItemGuiContext())
    assert not next(a for a in menu.actions() if a.text() == "Métadonnées").isEnabled()
    menu.deleteLater()


def test_tree_follows_the_catalogue(model, state) -> None:
    root = root_item(model[0])
    assert len(children(find(children(root), "Par service"))) == 4
    state.set_catalog(Catalog(layers=ENTRIES[:1]))
    services = children(find(children(root), "Par service"))
    assert names(services) == ["WMTS (tuiles raster) (1)"]


def test_whole_catalogue_by_service(state, model, shared_data: Path) -> None:
    documents = {
        "wmts": (shared_data / "capabilities/gpf_wmts_2024-06-06.xml").read_bytes(),
        "wms-r": (shared_data / "capabilities/gpf_wms-r_2024-06-06.xml").read_bytes(),
        "wfs": (shared_data / "capabilities/gpf_wfs_2025-06-25.xml").read_bytes(),
        "services": (shared_data / "mapping/gpf_services_by_theme.csv").read_bytes(),
    }
    catalog = refresh.build_catalog(documents)
    state.set_catalog(catalog)
    services = children(find(children(root_item(model[0])), "Par service"))
    counts = {item.service: len(children(item)) for item in services}
    shown = {s: len([entry for entry in catalog.by_service(s) if not entry.sandbox]) for s in counts}
    assert counts == shown  # test layers left out
    hidden = sum(entry.sandbox for entry in catalog.layers)
    assert sum(counts.values()) + hidden == len(catalog.layers)
    assert counts["wmts"] + len([e for e in catalog.by_service("wmts") if e.sandbox]) == 543
    assert counts["wfs"] + len([e for e in catalog.by_service("wfs") if e.sandbox]) == 726
    themes = children(find(children(root_item(model[0])), "Par thème"))
    assert len(themes) >= 20


def test_register_twice_then_unregister_leaves_nothing(state, qgis_iface) -> None:
    from qgis.core import QgsApplication
    from qgis.gui import QgsGui

    registration = browser.BrowserRegistration(qgis_iface)
    registration.register()
    registration.register()
    registry = QgsApplication.dataItemProviderRegistry()
    assert [p.name() for p in registry.providers()].count(browser.PROVIDER_NAME) == 1
    registration.unregister()
    registration.unregister()
    assert browser.PROVIDER_NAME not in [p.name() for p in registry.providers()]
    assert browser.PROVIDER_NAME not in [p.name() for p in QgsGui.dataItemGuiProviderRegistry().providers()]


# -- one tree: the dock and the Browser show the same order; test layers hidden with a count and a switch --------------
def dock_rows(model, grouping: str) -> list[tuple[int, str, str]]:
    """What the dock's model shows, row by row: (depth, kind, key) — a layer's key is `service name`."""
    from gpf_bascule.ui.catalog_model import ENTRY_ROLE, KEY_ROLE, KIND_ROLE

    model.set_grouping(grouping)
    found = []

    def walk(parent, depth: int) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            entry = index.data(ENTRY_ROLE)
            if entry is not None:
                found.append((depth, "layer", f"{entry.service} {entry.name}"))
            else:
                found.append((depth, index.data(KIND_ROLE), index.data(KEY_ROLE)))
                walk(index, depth + 1)

    from qgis.PyQt.QtCore import QModelIndex

    walk(QModelIndex(), 0)
    return found


def browser_rows(item: QgsDataItem, depth: int = 0) -> list[tuple[int, str, str]]:
    """What the Browser shows under a "Par thème" / "Par service" item, in the same shape."""
    found = []
    for child in children(item):
        if isinstance(child, browser.GpfLayerItem):
            found.append((depth, "layer", f"{child.entry.service} {child.entry.name}"))
        elif isinstance(child, browser.ThemeItem):
            found.append((depth, "theme", child.theme))
            found.extend(browser_rows(child, depth + 1))
        else:
            found.append((depth, "service", child.service))
            found.extend(browser_rows(child, depth + 1))
    return found


TEST_LAYER = CatalogEntry("wfs", "test_nl_bdtopo:batiment", "Bâtiments (essai d'un stagiaire)", "WFS",
                          "typename='test_nl_bdtopo:batiment' url='https://data.geopf.fr/wfs/ows' version='2.0.0'",
                          themes=("topographie",), sandbox=True)
ACCENTED = CatalogEntry("wfs", "ETANGS:etang", "Étangs et mares", "WFS",
                        "typename='ETANGS:etang' url='https://data.geopf.fr/wfs/ows' version='2.0.0'",
                        themes=("hydrographie",))


def test_the_dock_and_the_browser_show_the_same_order(state, model, shared_data: Path) -> None:
    """Slow-ish (a few seconds): renders the whole realistic catalogue in both views, by theme and by service."""
    from gpf_bascule.catalog.tree import BY_SERVICE, BY_THEME
    from gpf_bascule.tests.qgis.catalog_samples import realistic_catalog
    from gpf_bascule.ui.catalog_model import CatalogModel

    catalog = realistic_catalog(shared_data)
    state.set_catalog(Catalog(layers=(*catalog.layers, TEST_LAYER, ACCENTED), generated=catalog.generated))
    dock_model = CatalogModel()
    dock_model.set_tree(state.tree)
    top = children(root_item(model[0]))
    for grouping, label in ((BY_THEME, "Par thème"), (BY_SERVICE, "Par service")):
        expected = list(state.tree.rows(grouping))
        assert dock_rows(dock_model, grouping) == expected
        assert browser_rows(find(top, label)) == expected
    titles = [entry.title for entry in state.tree.visible_entries()]
    assert titles.index("Étangs et mares") < next(i for i, t in enumerate(titles) if t[:1] in "FfGg")  # É with E
    assert "wfs test_nl_bdtopo:batiment" not in {key for _, _, key in state.tree.rows(BY_SERVICE)}


def test_test_layers_are_hidden_with_a_count_and_the_menus_switch_shows_them(state, model) -> None:
    state.set_catalog(Catalog(layers=(*ENTRIES, TEST_LAYER)))
    browser_model, registration = model
    root = root_item(browser_model)
    top = children(root)
    assert names(top) == ["Par thème", "Par service", "1 couches de test masquées"]
    assert "test_nl_bdtopo:batiment" not in {key for _, _, key in browser_rows(find(top, "Par service"))}
    menu = QMenu()
    registration.gui_provider.populateContextMenu(top[2], menu, [top[2]], QgsDataItemGuiContext())
    (switch,) = [action for action in menu.actions() if action.text() == "Afficher les couches de test"]
    assert switch.isCheckable() and not switch.isChecked()
    try:
        switch.trigger()  # the shared switch: the Browser rebuilds, the dock and the locator follow
        assert state.show_test_layers
        from gpf_bascule.settings import GpfSettings

        assert GpfSettings.load().show_test_layers  # remembered through GpfSettings
        top = children(root)
        assert names(top) == ["Par thème", "Par service"]
        assert "wfs test_nl_bdtopo:batiment" in {key for _, _, key in browser_rows(find(top, "Par service"))}
        menu.clear()
        registration.gui_provider.populateContextMenu(root, menu, [root], QgsDataItemGuiContext())
        (switch,) = [action for action in menu.actions() if action.text() == "Afficher les couches de test"]
        assert switch.isChecked()
    finally:
        state.set_show_test_layers(False)
    assert names(children(root))[-1] == "1 couches de test masquées"
    menu.deleteLater()
