"""The Géoplateforme dock and its model: grouping and counts, search, free-only, details, add, copy, drag, states.

The catalogue here is hand-made (catalog_samples.small_catalog) so that every count is known; the screenshot
test uses the realistic ~1,800-layer catalogue.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from qgis.core import QgsMimeDataUtils, QgsProject
from qgis.PyQt.QtCore import QModelIndex, Qt
from qgis.PyQt.QtWidgets import QApplication

from gpf_bascule.catalog import themes
from gpf_bascule.catalog.entry import Catalog, CatalogEntry
from gpf_bascule.catalog.text import fold
from gpf_bascule.tests.qgis.catalog_samples import realistic_catalog, small_catalog
from gpf_bascule.ui.catalog_dock import CatalogDock, DockRegistration, details_html
from gpf_bascule.ui.catalog_model import (
    BY_SERVICE,
    BY_THEME,
    ENTRY_ROLE,
    CatalogFilterProxy,
    CatalogModel,
    theme_label,
)
from gpf_bascule.ui.catalog_state import CatalogState


def rows(model, parent: QModelIndex = QModelIndex()) -> list[str]:  # noqa: B008
    return [model.index(row, 0, parent).data() for row in range(model.rowCount(parent))]


def find(model, label: str, parent: QModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        if index.data() == label or index.data().startswith(label + " ("):
            return index
    raise AssertionError(f"{label!r} not in {rows(model, parent)}")


def layer_titles(model, parent: QModelIndex = QModelIndex()) -> list[str]:  # noqa: B008
    """Titles of every visible layer under parent, depth first."""
    found = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        if index.data(ENTRY_ROLE) is not None:
            found.append(index.data())
        else:
            found.extend(layer_titles(model, index))
    return found


@pytest.fixture
def proxy() -> CatalogFilterProxy:
    model = CatalogModel(small_catalog())
    proxy = CatalogFilterProxy()
    proxy.setSourceModel(model)
    proxy._model = model  # keep the source alive as long as the proxy
    return proxy


@pytest.fixture
def state() -> CatalogState:
    state = CatalogState()
    state.set_catalog(small_catalog())
    return state


@pytest.fixture
def dock(qtbot, qgis_iface, state) -> CatalogDock:
    dock = CatalogDock(qgis_iface, None, state)
    qtbot.addWidget(dock)
    dock.resize(360, 640)
    dock.show()
    qtbot.waitExposed(dock)
    return dock


@pytest.fixture(autouse=True)
def empty_project(qgis_iface):
    yield
    QgsProject.instance().removeAllMapLayers()
    qgis_iface.messageBar().clear_messages()


# -- the model ------------------------------------------------------------------------------------------------------
#: The small catalogue's themes as the dock shows them: subjects A→Z by label, then the old access key, then Autres.
THEME_ROWS = [
    "Cartes (3)", "Limites administratives (1)", "Orthophotos (2)", "Orthophotos historiques (1)",
    "Parcellaire et cadastre (1)", "Topographie (1)", "Clé d'accès historique : Essentiels (1)", "Autres (1)",
]


def test_by_theme_lists_french_labels_with_counts_and_autres_last(proxy) -> None:
    assert rows(proxy) == THEME_ROWS
    ortho = find(proxy, "Orthophotos")
    assert rows(proxy, ortho) == ["WMTS (tuiles raster) (1)", "WMS raster (1)"]
    assert layer_titles(proxy, find(proxy, "Cartes")) == ["Cartes IGN", "Plan IGN v2", "Plan IGN (tuiles vectorielles)"]


def test_by_service_lists_every_service_with_its_count(proxy) -> None:
    proxy.catalog_model().set_grouping(BY_SERVICE)
    assert rows(proxy) == [
        "WMTS (tuiles raster) (4)", "WMS raster (1)", "WMS vecteur (1)", "WFS (objets vecteur) (3)",
        "Tuiles vectorielles (TMS) (1)",
    ]
    assert layer_titles(proxy, find(proxy, "WFS (objets vecteur)")) == [
        "BDTOPO : Bâtiments", "Courbes de niveau", "Parcelles cadastrales",
    ]


def test_a_layer_with_two_themes_appears_under_both_and_counts_once(proxy) -> None:
    assert "Plan IGN v2" in layer_titles(proxy, find(proxy, "Cartes"))
    assert "Plan IGN v2" in layer_titles(proxy, find(proxy, "Clé d'accès historique : Essentiels"))
    assert proxy.set_query("plan ign v2") == 1


def test_every_gpf_theme_key_has_a_french_label(shared_data: Path) -> None:
    keys = json.loads((shared_data / "mapping" / "gpf_themes.json").read_text(encoding="utf-8"))
    assert len(keys) == 25
    from gpf_bascule.mapping.messages import Message

    assert not [key for key in keys if not isinstance(themes.theme_label(key), Message)]  # none falls back
    assert theme_label("ortho") == "Orthophotos" and theme_label("orthohisto") == "Orthophotos historiques"
    assert theme_label("autres") == "Autres" and theme_label("lambert93").startswith("Clé d'accès historique")
    assert theme_label("nouveau-theme") == "Nouveau theme"  # a theme GPF adds later still shows
    assert theme_label("ortho") == str(themes.theme_label("ortho"))  # the labels are catalog.themes' data


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("bâti", ["BDTOPO : Bâtiments"]),
        ("BATI", ["BDTOPO : Bâtiments"]),
        ("bati 2154", ["BDTOPO : Bâtiments"]),
        ("ortho 1950", ["Photographies aériennes 1950-1965"]),
        ("  Aériennes   1950 ", ["Photographies aériennes 1950-1965"]),
        ("parcellaire_express", ["Parcelles cadastrales"]),  # the technical name
        ("altimétrie", ["Courbes de niveau"]),  # a synonym of courbes/relief (catalog/synonyms.csv)
        ("bati 3857", []),
    ],
)
def test_search_ignores_accents_and_case_and_needs_every_word(proxy, query: str, expected: list[str]) -> None:
    assert proxy.set_query(query) == len(expected)
    assert sorted(set(layer_titles(proxy))) == expected


def test_search_hides_empty_groups_and_counts_what_is_left(proxy) -> None:
    proxy.set_query("photographies")
    assert rows(proxy) == ["Orthophotos (2)", "Orthophotos historiques (1)"]
    proxy.set_query("")
    assert len(rows(proxy)) == len(THEME_ROWS)


def test_free_only_hides_layers_that_need_a_key(proxy) -> None:
    assert proxy.set_query("", free_only=True) == 9
    assert "Cartes (2)" in rows(proxy)
    assert "Cartes IGN" not in layer_titles(proxy)
    assert proxy.set_query("gridsystems.maps", free_only=True) == 0
    assert rows(proxy) == []


def test_layer_rows_carry_their_entry_an_icon_and_a_lock_tooltip(proxy) -> None:
    proxy.set_query("cartes ign")
    index = find(proxy, "WMTS (tuiles raster)", find(proxy, "Cartes"))
    layer = proxy.index(0, 0, index)
    assert layer.data(ENTRY_ROLE).needs_key
    assert not layer.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert "cartes.gouv.fr" in layer.data(Qt.ItemDataRole.ToolTipRole)
    assert proxy.flags(layer) & Qt.ItemFlag.ItemIsDragEnabled
    assert not proxy.flags(index) & Qt.ItemFlag.ItemIsDragEnabled


def test_drag_mime_data_decodes_to_qgis_uris(proxy) -> None:
    proxy.set_query("")
    proxy.catalog_model().set_grouping(BY_SERVICE)
    indexes = {}
    for service in ("WMTS (tuiles raster)", "WFS (objets vecteur)", "Tuiles vectorielles (TMS)"):
        group = find(proxy, service)
        indexes[service] = proxy.index(0, 0, group)
    mime = proxy.mimeData(list(indexes.values()))
    assert "application/x-vnd.qgis.qgis.uri" in mime.formats()
    uris = QgsMimeDataUtils.decodeUriList(mime)
    entries = [index.data(ENTRY_ROLE) for index in indexes.values()]
    assert [(u.layerType, u.providerKey, u.name, u.uri) for u in uris] == [
        ("raster", "wms", entries[0].title, entries[0].uri),
        ("vector", "WFS", entries[1].title, entries[1].uri),
        ("vector-tile", "vectortile", entries[2].title, entries[2].uri),
    ]


def test_fold_is_accent_and_case_insensitive() -> None:
    assert fold("Bâtiments ÉCOLE Œuvre") == "batiments ecole oeuvre"


# -- the dock ----------------------------------------------------------------------------------------------------------
def test_dock_builds_only_when_first_shown(qtbot, state) -> None:
    dock = CatalogDock(None, None, state)
    qtbot.addWidget(dock)
    assert not dock.is_built and dock.widget() is None
    dock.show()
    assert dock.is_built
    assert dock.windowTitle() == "Géoplateforme"
    assert rows(dock.proxy)[0] == THEME_ROWS[0]
    assert dock.status.text() == "10 couches"


def test_switch_between_theme_and_service_views(dock, qtbot) -> None:
    assert dock.by_theme.isChecked()
    qtbot.mouseClick(dock.by_service, Qt.MouseButton.LeftButton)
    assert dock.model.grouping == BY_SERVICE
    assert rows(dock.proxy)[0] == "WMTS (tuiles raster) (4)"
    qtbot.mouseClick(dock.by_theme, Qt.MouseButton.LeftButton)
    assert dock.model.grouping == BY_THEME
    assert dock.by_theme.isChecked() and not dock.by_service.isChecked()


def test_switching_view_keeps_the_selected_layer(dock) -> None:
    entry = small_catalog().layers[6]  # BDTOPO : Bâtiments
    assert dock.select_entry(entry)
    dock.set_grouping(BY_SERVICE)
    assert dock.current_entry() == entry


def test_selecting_a_layer_shows_its_details(dock) -> None:
    entry = small_catalog().layers[0]
    assert dock.select_entry(entry)
    text = dock.details.toPlainText()
    for expected in (entry.title, entry.abstract, "WMTS", entry.name, "Orthophotos", "EPSG:3857"):
        assert expected in text
    assert entry.metadata_url.replace("&", "&amp;") in dock.details.toHtml()
    assert dock.add_button.isEnabled() and dock.copy_button.isEnabled()


def test_details_say_when_a_key_is_needed() -> None:
    key_layer = small_catalog().layers[3]
    assert "clé personnelle cartes.gouv.fr" in details_html(key_layer)
    assert "cartes.gouv.fr" not in details_html(small_catalog().layers[0])


def test_nothing_selected_disables_the_buttons_and_says_what_to_do(dock) -> None:
    assert not dock.add_button.isEnabled() and not dock.copy_button.isEnabled()
    assert "Sélectionnez une couche" in dock.details.toPlainText()


def test_typing_filters_after_a_short_pause(dock, qtbot) -> None:
    dock.search.setText("bâti 2154")  # setText: qtbot.keyClicks aborts on accented text under QGIS 3.22
    qtbot.waitUntil(lambda: dock.status.text() == "1 couches sur 10", timeout=2000)
    assert layer_titles(dock.proxy) == ["BDTOPO : Bâtiments"]
    assert dock.tree.isExpanded(dock.proxy.index(0, 0))  # few results: every group is open


def test_enter_in_the_search_box_goes_to_the_first_result(dock, qtbot) -> None:
    dock.search.setText("parcelles")
    qtbot.keyClick(dock.search, Qt.Key.Key_Return)
    assert dock.current_entry().name == "CADASTRALPARCELS.PARCELLAIRE_EXPRESS:parcelle"


def test_enter_on_a_layer_adds_it_to_the_project(dock, qtbot, fake_gpf) -> None:
    entry = small_catalog().layers[6]
    dock.select_entry(entry)
    qtbot.keyClick(dock.tree, Qt.Key.Key_Return)
    layers = QgsProject.instance().mapLayersByName(entry.title)
    assert len(layers) == 1 and layers[0].isValid()
    assert layers[0].providerType() == "WFS"


def test_double_click_adds_the_layer(dock, qtbot, fake_gpf) -> None:
    entry = small_catalog().layers[0]
    dock.select_entry(entry)
    index = dock.tree.currentIndex()
    dock.tree.scrollTo(index)
    point = dock.tree.visualRect(index).center()
    qtbot.mouseClick(dock.tree.viewport(), Qt.MouseButton.LeftButton, pos=point)  # item views need the press
    qtbot.mouseDClick(dock.tree.viewport(), Qt.MouseButton.LeftButton, pos=point)
    layers = QgsProject.instance().mapLayersByName(entry.title)
    assert len(layers) == 1 and layers[0].isValid()
    assert layers[0].source() == entry.uri


def test_add_button_adds_every_selected_layer(dock, qtbot, fake_gpf) -> None:
    dock.search.setText("photographies")
    dock.apply_filter()
    dock.tree.selectAll()
    qtbot.mouseClick(dock.add_button, Qt.MouseButton.LeftButton)
    names = sorted(layer.name() for layer in QgsProject.instance().mapLayers().values())
    # the WMTS and WMS-R orthophotos share a title; 1950-1965 is the third
    assert names == ["Photographies aériennes", "Photographies aériennes", "Photographies aériennes 1950-1965"]
    assert all(layer.isValid() for layer in QgsProject.instance().mapLayers().values())


def test_copy_uri_puts_the_source_in_the_clipboard(dock, qtbot) -> None:
    entry = small_catalog().layers[9]
    dock.select_entry(entry)
    qtbot.mouseClick(dock.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == entry.uri
    assert entry.title in dock.status.text()


def test_no_result_says_so_and_suggests_removing_words(dock, qtbot) -> None:
    dock.search.setText("bati zzzz")
    dock.apply_filter()
    assert dock.pages.currentIndex() == 1
    assert "Aucune couche ne correspond à « bati zzzz »" in dock.message_title.text()
    assert "retirez un mot" in dock.message_text.text()
    assert dock.clear_button.isVisibleTo(dock) and not dock.retry_button.isVisibleTo(dock)
    qtbot.mouseClick(dock.clear_button, Qt.MouseButton.LeftButton)
    dock.apply_filter()
    assert dock.search.text() == "" and dock.pages.currentIndex() == 0


def test_no_free_result_offers_to_show_licensed_layers(dock, qtbot) -> None:
    dock.free_only.setChecked(True)
    dock.search.setText("gridsystems.maps")
    dock.apply_filter()
    assert dock.pages.currentIndex() == 1
    assert "Données libres uniquement" in dock.message_text.text()
    assert dock.show_all_button.isVisibleTo(dock)
    qtbot.mouseClick(dock.show_all_button, Qt.MouseButton.LeftButton)
    assert not dock.free_only.isChecked()
    assert dock.pages.currentIndex() == 0 and layer_titles(dock.proxy) == ["Cartes IGN"]


def test_missing_catalogue_explains_and_retry_loads_it(qtbot, qgis_iface, monkeypatch) -> None:
    state = CatalogState()
    state.set_catalog(Catalog(layers=()))
    state.error = "resources/catalog/gpf_catalog.json.gz : fichier introuvable"
    dock = CatalogDock(qgis_iface, None, state)
    qtbot.addWidget(dock)
    dock.show()
    assert dock.pages.currentIndex() == 1
    assert dock.message_title.text() == "Catalogue indisponible"
    assert "fichier introuvable" in dock.message_text.text()
    assert dock.retry_button.isVisibleTo(dock) and not dock.add_button.isEnabled()

    from gpf_bascule.catalog import snapshot

    monkeypatch.setattr(snapshot, "load_current",
                        lambda path=None: snapshot.CurrentSnapshot(small_catalog(), snapshot.BUNDLED_ORIGIN))
    with qtbot.waitSignal(dock.refreshRequested, timeout=1000):
        qtbot.mouseClick(dock.retry_button, Qt.MouseButton.LeftButton)
    assert dock.pages.currentIndex() == 0
    assert state.error == "" and dock.status.text() == "10 couches"


def test_a_refreshed_catalogue_replaces_the_tree(dock, state) -> None:
    layers = small_catalog().layers[:2]
    state.set_catalog(Catalog(layers=layers))
    assert dock.status.text() == "2 couches"
    assert rows(dock.proxy) == ["Orthophotos (1)", "Orthophotos historiques (1)"]


def test_registration_adds_a_lazy_hidden_dock_and_removes_everything(qgis_iface, qtbot, monkeypatch) -> None:
    monkeypatch.setattr(CatalogState, "_instance", CatalogState())
    CatalogState.instance().set_catalog(small_catalog())
    qgis_iface.addPluginToWebMenu.reset_mock()
    qgis_iface.addWebToolBarIcon.reset_mock()
    registration = DockRegistration(qgis_iface)
    dock = registration.register()
    action = registration.action
    assert action.text() == "Géoplateforme" and action.isCheckable() and not action.icon().isNull()
    qgis_iface.addPluginToWebMenu.assert_called_once_with("GPF Bascule", action)
    qgis_iface.addWebToolBarIcon.assert_called_once_with(action)
    assert not dock.is_built and not dock.isUserVisible()
    dock.setParent(None)  # the stub main window is never shown: show the dock on its own
    action.trigger()
    qtbot.waitUntil(lambda: dock.isVisible())
    assert dock.is_built and action.isChecked()
    registration.unregister()
    qgis_iface.removePluginWebMenu.assert_called_with("GPF Bascule", action)
    qgis_iface.removeWebToolBarIcon.assert_called_with(action)
    assert registration.dock is None and registration.action is None


def test_screenshot_with_a_realistic_catalogue(qtbot, qgis_iface, shared_data: Path, tmp_path: Path, request) -> None:
    """A picture of what a user sees (kept in the test's tmp folder), and the time of a first show."""
    state = CatalogState()
    state.set_catalog(realistic_catalog(shared_data))
    dock = CatalogDock(qgis_iface, None, state)
    qtbot.addWidget(dock)
    dock.resize(360, 700)
    started = time.perf_counter()
    dock.show()
    first_show = (time.perf_counter() - started) * 1000
    qtbot.waitExposed(dock)
    qtbot.wait(50)  # the search index is built just after the first paint, as in QGIS
    assert dock.model.match_count > 1000
    overview = tmp_path / "gpf-dock.png"
    assert dock.grab().save(str(overview))
    dock.search.setText("bati 2154")
    started = time.perf_counter()
    dock.apply_filter()
    filtering = (time.perf_counter() - started) * 1000
    dock._focus_first_result()
    search = tmp_path / "gpf-dock-search.png"
    assert dock.grab().save(str(search))
    assert overview.stat().st_size > 5000 and search.stat().st_size > 5000
    request.config.__dict__.setdefault("_gpf_figures", []).append(
        f"catalogue dock: {len(state.catalog.layers)} layers, first show {first_show:.0f} ms, "
        f"filter 'bati 2154' {filtering:.1f} ms; screenshots in {tmp_path}"
    )


def test_layers_sharing_a_title_show_their_technical_name() -> None:
    base = small_catalog().layers[6]  # BDTOPO : Bâtiments (WFS)
    twin = CatalogEntry("wfs", "BDTOPO_V2:batiment", base.title, "WFS", base.uri, base.themes)
    model = CatalogModel(Catalog(layers=(base, twin)))
    assert layer_titles(model) == ["BDTOPO : Bâtiments — BDTOPO_V2:batiment", "BDTOPO : Bâtiments — BDTOPO_V3:batiment"]


# -- test layers: hidden by default, counted, one switch shared with the Browser and the locator ---------------------
TEST_LAYER = CatalogEntry("wfs", "testestekr:ecoregions", "Écorégions (tutoriel)", "WFS",
                          "typename='testestekr:ecoregions' url='https://data.geopf.fr/wfs/ows' version='2.0.0'",
                          ("environnement",), sandbox=True)


@pytest.fixture
def test_state() -> CatalogState:
    state = CatalogState()
    state.set_catalog(Catalog(layers=(*small_catalog().layers, TEST_LAYER)))
    yield state
    state.set_show_test_layers(False)  # the choice is remembered (GpfSettings): leave the default for others


def test_test_layers_are_hidden_counted_and_shown_by_the_switch(qtbot, qgis_iface, test_state) -> None:
    dock = CatalogDock(qgis_iface, None, test_state)
    qtbot.addWidget(dock)
    dock.show()
    assert dock.test_layers.isVisibleTo(dock) and not dock.test_layers.isChecked()
    assert dock.status.text() == "10 couches — 1 couches de test masquées"
    assert TEST_LAYER.title not in layer_titles(dock.proxy)
    dock.search.setText("ecoregions")
    dock.apply_filter()
    assert dock.pages.currentIndex() == 1 and "1 couches de test masquées correspondent" in dock.message_text.text()
    assert dock.show_tests_button.isVisibleTo(dock)
    qtbot.mouseClick(dock.show_tests_button, Qt.MouseButton.LeftButton)
    assert dock.test_layers.isChecked() and test_state.show_test_layers
    assert dock.pages.currentIndex() == 0 and layer_titles(dock.proxy) == [TEST_LAYER.title]
    from gpf_bascule.settings import GpfSettings

    assert GpfSettings.load().show_test_layers  # remembered for the next session
    dock.search.setText("")
    dock.apply_filter()
    assert dock.status.text() == "11 couches"
    test_state.set_show_test_layers(False)  # e.g. from the Browser's menu: the dock follows
    assert not dock.test_layers.isChecked() and TEST_LAYER.title not in layer_titles(dock.proxy)


def test_without_test_layers_the_switch_is_not_shown(dock) -> None:
    assert not dock.test_layers.isVisibleTo(dock)
    assert dock.model.hidden_count == 0 and "masquées" not in dock.status.text()
