"""Everyday French queries against the bundled catalogue: is the layer the user means in the first five results?

Each query comes with the layer (technical name, any service) a French GIS user typing it is after — the
main product, not a derivative. The suite passes when at least 90 % of the queries find it in the first five;
the failures are listed. The words behind it are data: catalog/synonyms.csv.
"""

from __future__ import annotations

import pytest

from gpf_bascule.catalog.search import SearchIndex, parse_query, query_words, synonym_groups
from gpf_bascule.catalog.snapshot import load_snapshot

TOP = 5
PASS_RATE = 0.9

# query → the layer(s) meant (names; one of them in the first five results passes the query)
QUERIES = {
    "cadastre": {"CADASTRALPARCELS.PARCELLAIRE_EXPRESS"},
    "plan cadastral": {"CADASTRALPARCELS.PARCELLAIRE_EXPRESS"},
    "parcelles cadastrales": {"CADASTRALPARCELS.PARCELLAIRE_EXPRESS:parcelle", "CADASTRALPARCELS.PARCELLAIRE_EXPRESS"},
    "PCI": {"CADASTRALPARCELS.PARCELLAIRE_EXPRESS", "PCI"},
    "photo aérienne": {"ORTHOIMAGERY.ORTHOPHOTOS"},
    "orthophoto": {"ORTHOIMAGERY.ORTHOPHOTOS"},
    "vue aérienne": {"ORTHOIMAGERY.ORTHOPHOTOS"},
    "fond de plan": {"GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2", "PLAN.IGN"},
    "plan ign": {"GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2", "PLAN.IGN"},
    "PLU": {"wfs_du:zone_urba", "du"},
    "zonage PLU": {"wfs_du:zone_urba"},
    "urbanisme": {"wfs_du:zone_urba", "du", "wfs_du:doc_urba"},
    "adresses": {"BAN-PLUS:adresse", "BAN.DATA.GOUV:ban"},
    "base adresse nationale": {"BAN.DATA.GOUV:ban", "BAN-PLUS:adresse"},
    "bati 2154": {"BDTOPO_V3:batiment"},
    "bâtiments": {"BDTOPO_V3:batiment"},
    "routes": {"BDTOPO_V3:troncon_de_route", "TRANSPORTNETWORKS.ROADS"},
    "réseau routier": {"BDTOPO_V3:troncon_de_route", "TRANSPORTNETWORKS.ROADS"},
    "cours d'eau": {"BDTOPO_V3:cours_d_eau", "HYDROGRAPHY.HYDROGRAPHY"},
    "hydrographie": {"HYDROGRAPHY.HYDROGRAPHY", "BDTOPO_V3:troncon_hydrographique"},
    "limites communales": {"ADMINEXPRESS-COG.LATEST:commune", "LIMITES_ADMINISTRATIVES_EXPRESS.LATEST:commune"},
    "communes 2154": {"ADMINEXPRESS-COG.LATEST:commune", "LIMITES_ADMINISTRATIVES_EXPRESS.LATEST:commune"},
    "départements": {"ADMINEXPRESS-COG.LATEST:departement"},
    "admin express": {"ADMINEXPRESS-COG.LATEST:commune", "ADMINEXPRESS-COG.LATEST", "ADMIN_EXPRESS"},
    "relief": {"ELEVATION.ELEVATIONGRIDCOVERAGE.HIGHRES", "ELEVATION.SLOPES"},
    "altitude": {"ELEVATION.ELEVATIONGRIDCOVERAGE.HIGHRES", "ELEVATION.SLOPES"},
    "MNT": {"ELEVATION.ELEVATIONGRIDCOVERAGE.HIGHRES", "IGNF_LIDAR-HD_MNT"},
    "courbes de niveau": {"ELEVATION.CONTOUR.LINE:courbe", "ELEVATION.CONTOUR.LINE"},
    "lidar": {"IGNF_LIDAR-HD_MNT", "IGNF_LIDAR-HD_MNS"},
    "forêt": {"LANDCOVER.FORESTINVENTORY.V2", "FORETS.PUBLIQUES"},
    "carte topographique": {"GEOGRAPHICALGRIDSYSTEMS.MAPS", "GEOGRAPHICALGRIDSYSTEMS.MAPS.SCAN25TOUR"},
    "scan 25": {"GEOGRAPHICALGRIDSYSTEMS.MAPS", "GEOGRAPHICALGRIDSYSTEMS.MAPS.SCAN25TOUR"},
    "carte état-major": {"GEOGRAPHICALGRIDSYSTEMS.ETATMAJOR40"},
    "photos anciennes": {"ORTHOIMAGERY.ORTHOPHOTOS.1950-1965"},
    "ortho 1950": {"ORTHOIMAGERY.ORTHOPHOTOS.1950-1965"},
    "occupation du sol": {"OCSGE.COUVERTURE", "OCSGE.USAGE"},
    "corine land cover": {"LANDCOVER.CLC18_FR"},
    "znieff": {"PROTECTEDAREAS.ZNIEFF1"},
    "natura 2000": {"PROTECTEDAREAS.SIC", "PROTECTEDAREAS.ZPS"},
    "RPG": {"LANDUSE.AGRICULTURE.LATEST", "RPG.LATEST:parcelles_graphiques"},
    "voie ferrée": {"BDTOPO_V3:troncon_de_voie_ferree", "TRANSPORTNETWORKS.RAILWAYS"},
    "points géodésiques": {"GEODESIE.GEODESIE", "BDGEODESIQUE-RGP_BDD-POI_WLD", "BDGEODESIQUE-RN_BDD-POI_WLD"},
    "éoliennes": {"LOCALISATION.MATS.EOLIEN"},
    "panneaux solaires": {"POTENTIEL.SOLAIRE.BATIMENT", "POTENTIEL.SOLAIRE.SOL"},
    "images satellite": {"ORTHOIMAGERY.ORTHO-SAT.SPOT.2023", "ORTHOIMAGERY.ORTHO-SAT.SPOT.2024"},
    "noms de lieux": {"GEOGRAPHICALNAMES.NAMES", "BDTOPO_V3:toponymie_lieux_nommes"},
    "haies": {"BDTOPO_V3:haie", "HAIES.BOCAGES"},
}


@pytest.fixture(scope="module")
def index():
    return SearchIndex(load_snapshot().layers)


def test_every_expected_layer_exists(index):
    names = {entry.name for entry in index.entries}
    missing = {query: meant - names for query, meant in QUERIES.items() if not meant & names}
    assert not missing


def test_at_least_ninety_percent_of_everyday_queries_find_the_layer_meant(index):
    assert len(QUERIES) >= 30
    failures = {}
    for query, meant in QUERIES.items():
        first = [entry.name for entry in index.search(query, TOP)]
        if not meant & set(first):
            failures[query] = first
    rate = 1 - len(failures) / len(QUERIES)
    assert rate >= PASS_RATE, f"{rate:.0%} : {failures}"


def test_cadastre_puts_parcellaire_express_before_solar_cadastres(index):
    found = [entry.name for entry in index.search("cadastre")]
    assert found[0].startswith("CADASTRALPARCELS.PARCELLAIRE_EXPRESS")
    assert found.index("CADASTRES.SOLAIRES.LOCAUX") > 5


def test_the_main_product_comes_before_its_derivatives(index):
    found = [entry.name for entry in index.search("ortho 1950")]
    main = found.index("ORTHOIMAGERY.ORTHOPHOTOS.1950-1965")
    graph = found.index("ORTHOIMAGERY.ORTHOPHOTOS.1950-1965.GRAPHE-MOSAIQUAGE")
    assert main < graph


def test_every_crs_a_layer_offers_is_searchable(index):
    bati = [entry for entry in index.search("bati 2154", TOP) if entry.name == "BDTOPO_V3:batiment"]
    assert bati and bati[0].service == "wfs" and "EPSG:2154" in bati[0].crs_options
    assert any(entry.name == "BDTOPO_V3:batiment" for entry in index.search("batiment 3857"))
    assert not index.search("batiment 9999999")


def test_words_of_the_query():
    assert query_words("Les routes de la Côte") == ["route", "cote"]
    parsed = parse_query("cours d'eau 2154")
    assert ("2154",) in parsed.needs and any("troncon hydrographique" in alts for alts in parsed.needs)
    assert " pci " in parse_query("pci").starts[0]  # a short word of a group: a whole word, not « pcix »


def test_every_synonym_group_has_evidence_and_a_main_product_that_exists(index):
    names = {entry.name for entry in index.entries}
    for group in synonym_groups():
        assert group.terms and group.evidence
        if group.main is not None:
            assert any(group.main.search(name) for name in names), group.terms


@pytest.mark.parametrize("query", ["cadastre", "photo aérienne 2154", "bati", "cours d'eau", "PLU", "o", "zzz", "pci"])
def test_matching_equals_testing_every_entry_one_by_one(index, query):
    """The synonym alternatives are found by one scan of all texts joined (jumping to the next entry after a hit):
    the same entries as testing each entry's text."""
    parsed = parse_query(query)
    texts = index._everything
    expected = [i for i, text in enumerate(texts)
                if all(any(start in text for start in starts) if len(alternatives) > 1 else alternatives[0] in text
                       for alternatives, starts in zip(parsed.needs, parsed.starts))]
    assert index.matching(query) == expected
    assert SearchIndex(index.entries).matching(query) == expected  # a fresh index (nothing cached) agrees
