"""The `gpf` locator filter: accent-insensitive search by title or name, in QGIS's worker thread, adds the layer."""

from __future__ import annotations

from pathlib import Path

import pytest
from qgis.core import QgsFeedback, QgsLocator, QgsLocatorContext, QgsLocatorResult, QgsProject

from gpf_bascule.catalog.entry import Catalog, CatalogEntry
from gpf_bascule.tests.qgis.catalog_samples import recorded_catalog
from gpf_bascule.ui import locator
from gpf_bascule.ui.catalog_state import CatalogState


@pytest.fixture(scope="module")
def catalog(shared_data: Path) -> Catalog:
    """The catalogue built from the recorded documents (as a refresh would build it)."""
    built = recorded_catalog(shared_data)
    extra = CatalogEntry("wms-r", "TEST.ALTI", "Carte d'altimétrie de test", "wms",
                         "crs=EPSG:3857&format=image/png&layers=TEST.ALTI&styles=&url=https://data.geopf.fr/wms-r/wms")
    return Catalog(layers=built.layers + (extra,), generated=built.generated)


@pytest.fixture
def state(catalog: Catalog, monkeypatch: pytest.MonkeyPatch) -> CatalogState:
    fresh = CatalogState()
    fresh.set_catalog(catalog)
    monkeypatch.setattr(CatalogState, "_instance", fresh)
    return fresh


def search(text: str, iface=None) -> list:  # noqa: ANN001
    """Run the filter the way QGIS does: clone on this thread, fetchResults, results through the signal."""
    clone = locator.GpfLocatorFilter(iface).clone()
    results = []
    clone.resultFetched.connect(lambda result: results.append(QgsLocatorResult(result)))  # signal args are temporaries
    clone.fetchResults(text, QgsLocatorContext(), QgsFeedback())
    return results


def layers(results: list) -> list:
    """The layer results (not the "N couches de test masquées" line)."""
    return [result for result in results if locator.entry_of(result) is not None]


def test_filter_identity() -> None:
    fil = locator.GpfLocatorFilter()
    assert fil.prefix() == "gpf" and fil.name() == "gpf_bascule"
    assert fil.displayName() == "Couches de la Géoplateforme"


def test_ortho_finds_the_orthophotos_first(state) -> None:
    results = layers(search("ortho"))
    assert 5 <= len(results) <= locator.MAX_RESULTS
    assert "ORTHOIMAGERY.ORTHOPHOTOS" in [locator.entry_of(r).name for r in results[:3]]
    assert all(r.displayString and r.description for r in results)
    scores = [r.score for r in results]
    assert scores == sorted(scores, reverse=True)


def test_accents_do_not_matter(state) -> None:
    with_accent = [locator.entry_of(r) for r in layers(search("altimétrie"))]
    without = [locator.entry_of(r) for r in layers(search("ALTIMETRIE"))]
    assert with_accent == without
    assert "TEST.ALTI" in {entry.name for entry in with_accent}


def test_technical_name_finds_the_layer(state) -> None:
    found = [locator.entry_of(r).name for r in layers(search("cadastralparcels parcellaire"))]
    assert "CADASTRALPARCELS.PARCELLAIRE_EXPRESS" in found


def test_too_short_or_unknown_finds_nothing(state) -> None:
    assert search("o") == []
    assert search("zzzqqq") == []


def test_the_index_is_built_once_per_catalogue(state, catalog) -> None:
    first = locator.index_for(catalog)
    assert locator.index_for(catalog) is first
    state.set_catalog(Catalog(layers=catalog.layers[:3]))
    assert locator.GpfLocatorFilter().clone()._index is not first


def test_locator_runs_the_filter_in_its_thread_and_triggering_adds_the_layer(state, qtbot, fake_gpf, qgis_iface):
    bar = QgsLocator()
    bar.registerFilter(locator.GpfLocatorFilter(qgis_iface))
    found = []
    bar.foundResult.connect(lambda result: found.append(QgsLocatorResult(result)))
    with qtbot.waitSignal(bar.finished, timeout=10_000):
        bar.fetchResults("gpf photographies aériennes", QgsLocatorContext())
    ortho = next(r for r in found if locator.entry_of(r).name == "ORTHOIMAGERY.ORTHOPHOTOS")
    before = set(QgsProject.instance().mapLayers())
    ortho.filter.triggerResult(ortho)
    added = [QgsProject.instance().mapLayer(i) for i in set(QgsProject.instance().mapLayers()) - before]
    assert len(added) == 1 and added[0].isValid() and added[0].providerType() == "wms"
    assert "ORTHOIMAGERY.ORTHOPHOTOS" in added[0].source()
    QgsProject.instance().removeMapLayer(added[0].id())
    bar.deleteLater()


def test_registration_uses_the_iface(qgis_iface, monkeypatch) -> None:
    calls = []
    monkeypatch.setattr(qgis_iface, "registerLocatorFilter", lambda f: calls.append(("add", f)), raising=False)
    monkeypatch.setattr(qgis_iface, "deregisterLocatorFilter", lambda f: calls.append(("remove", f)), raising=False)
    registration = locator.LocatorRegistration(qgis_iface)
    registration.register()
    registration.register()
    fil = registration.filter
    registration.unregister()
    registration.unregister()
    assert calls == [("add", fil), ("remove", fil)]


def test_test_layers_are_left_out_and_one_line_shows_them(catalog, monkeypatch) -> None:
    sandbox = CatalogEntry("wfs", "testestekr:ecoregions", "Écorégions (tutoriel)", "WFS",
                           "typename='testestekr:ecoregions' url='https://data.geopf.fr/wfs/ows'", sandbox=True)
    fresh = CatalogState()
    fresh.set_catalog(Catalog(layers=(*catalog.layers, sandbox)))
    monkeypatch.setattr(CatalogState, "_instance", fresh)
    results = search("ecoregions")
    assert "testestekr:ecoregions" not in [locator.entry_of(r).name for r in layers(results)]
    (line,) = [r for r in results if locator.entry_of(r) is None]
    assert "couches de test masquées correspondent" in line.displayString
    try:
        locator.GpfLocatorFilter().triggerResult(line)  # (the clone that found it is gone, as in QGIS)
        assert fresh.show_test_layers
        assert "testestekr:ecoregions" in [locator.entry_of(r).name for r in layers(search("ecoregions"))]
        assert all(locator.entry_of(r) is not None for r in search("ecoregions"))
    finally:
        fresh.set_show_test_layers(False)
