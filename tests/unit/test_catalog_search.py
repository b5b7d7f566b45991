"""Search rules (see catalog/search.py): accents, case, every word, Lambert 93, ranking."""

from __future__ import annotations

import pytest

from gpf_bascule.catalog.entry import CatalogEntry
from gpf_bascule.catalog.search import SearchIndex, normalise
from gpf_bascule.catalog.snapshot import load_snapshot


def _entry(name, title, themes=("autres",), abstract="", crs="EPSG:3857", service="wmts"):
    return CatalogEntry(service, name, title, "wms", "uri", themes, abstract, crs=crs)


ENTRIES = [
    _entry("BDTOPO_V3:batiment", "BD TOPO Bâtiments", ("topographie",), crs="EPSG:4326", service="wfs"),
    _entry("BUILDINGS.BUILDINGS", "Bâti", ("topographie",)),
    _entry("BDTOPO_L93:batiment", "Bâtiments (Lambert 93)", crs="EPSG:2154", service="wfs"),
    _entry("PCRS.LAMB93", "Plan de corps de rue simplifié"),
    _entry("ORTHOIMAGERY.ORTHOPHOTOS.1950-1965", "Photographies aériennes 1950-1965", ("orthohisto",)),
    _entry("ORTHOIMAGERY.ORTHOPHOTOS", "Photographies aériennes", ("ortho",)),
    _entry("CADASTRALPARCELS.PARCELLAIRE_EXPRESS", "PCI vecteur", ("parcellaire",), abstract="Plan cadastral, bâti"),
]


@pytest.fixture()
def index():
    return SearchIndex(ENTRIES)


def names(found):
    return [entry.name for entry in found]


def test_normalise():
    assert normalise("Bâti.ÉTAT-major_Œuvre") == "bati etat major oeuvre"


def test_accents_and_case_do_not_matter(index):
    assert names(index.search("bati")) == names(index.search("BÂTI")) == names(index.search("Bâti"))
    assert "BDTOPO_V3:batiment" in names(index.search("batiment"))


def test_every_word_must_appear(index):
    assert names(index.search("ortho 1950")) == ["ORTHOIMAGERY.ORTHOPHOTOS.1950-1965"]
    assert index.search("ortho 1950 cadastre") == []


def test_lambert93_by_crs_or_name(index):
    assert set(names(index.search("bati 2154"))) == {"BDTOPO_L93:batiment"}
    assert set(names(index.search("2154"))) == {"BDTOPO_L93:batiment", "PCRS.LAMB93"}
    assert set(names(index.search("l93"))) == {"BDTOPO_L93:batiment", "PCRS.LAMB93"}


def test_themes_and_abstract_match_but_rank_after_title_and_name(index):
    found = names(index.search("bati"))
    assert found[-1] == "CADASTRALPARCELS.PARCELLAIRE_EXPRESS"  # only its abstract says « bâti »
    assert found[0] == "BUILDINGS.BUILDINGS"  # « Bâti » starts a title word, and the title is the shortest
    assert names(index.search("orthohisto")) == ["ORTHOIMAGERY.ORTHOPHOTOS.1950-1965"]  # a theme


def test_an_exact_name_comes_first(index):
    assert names(index.search("orthoimagery.orthophotos"))[0] == "ORTHOIMAGERY.ORTHOPHOTOS"


def test_empty_query_lists_everything(index):
    assert len(index.search("  ")) == len(ENTRIES)
    assert len(index.search("", limit=2)) == 2


def test_on_the_bundled_catalogue():
    index = SearchIndex(load_snapshot().layers)
    assert names(index.search("plan ign"))[0] == "PLAN.IGN"
    assert any(name.startswith("ORTHOIMAGERY.ORTHOPHOTOS.1950") for name in names(index.search("ortho 1950"))[:5])
    assert index.search("bati 2154")
