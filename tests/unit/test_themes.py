"""Themes and test layers as data (catalog/themes.csv, catalog/sandbox.csv): every rule against its evidence.

- every rule compiles, names a known theme, says its evidence, and themes its example layer in the bundled
  catalogue (the example is matched by the rule and carries the rule's theme);
- every theme IGN's services list gives a layer is kept, and no layer of that official list is a test layer;
- where IGN's services list speaks, the name rules agree with it (≥ 90 % of the layers it places);
- "Autres" holds at most 5 % of the bundled catalogue; test, demo and tutorial layers are recognised (~130).
"""

from __future__ import annotations

import csv
from collections import defaultdict

import pytest

from gpf_bascule.catalog.entry import OTHER_THEME
from gpf_bascule.catalog.parse import build_catalog
from gpf_bascule.catalog.snapshot import load_snapshot
from gpf_bascule.catalog.sources import from_directory
from gpf_bascule.catalog.themes import (
    ACCESS_KEYS,
    SUBJECT_THEMES,
    assign_themes,
    ign_listing,
    inferred_theme,
    is_subject,
    other_share,
    sandbox_count,
    sandbox_rule,
    sandbox_rules,
    theme_label,
    theme_rules,
    theme_sort_key,
)
from gpf_bascule.mapping.messages import Message

SERVICES_LIST = "mapping/gpf_services_by_theme.csv"
LIST_SERVICES = {"WMTS": ("wmts",), "WMS": ("wms-r", "wms-v"), "WFS": ("wfs",), "TMS": ("tms",)}


@pytest.fixture(scope="module")
def bundled():
    return load_snapshot()


@pytest.fixture(scope="module")
def by_name(bundled):
    found = defaultdict(list)
    for entry in bundled.layers:
        found[entry.name].append(entry)
    return found


@pytest.fixture(scope="module")
def ign_themes(shared_data):
    """(service, layer) → the themes IGN's services list gives it."""
    themes = defaultdict(set)
    with (shared_data / SERVICES_LIST).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            for service in LIST_SERVICES.get(row["service"], ()):
                themes[(service, row["layer"])].add(row["key"])
    return themes


def _rule_matches_entry(rule, entry) -> bool:
    listing = ign_listing(entry.service, entry.name)
    return rule.matches(name=entry.name, title=entry.title, keywords=entry.keywords,
                        topic=listing.topic if listing else "")


@pytest.mark.parametrize("rule", theme_rules(), ids=lambda rule: f"{rule.kind}:{rule.theme}:{rule.example}")
def test_every_theme_rule_themes_its_example(rule, by_name):
    assert rule.theme in SUBJECT_THEMES, f"{rule.theme} : thème inconnu (ajoutez son libellé dans themes.py)"
    assert rule.evidence and rule.example
    assert rule.regex.pattern  # compiles
    examples = by_name.get(rule.example)
    assert examples, f"{rule.example} : absent du catalogue livré"
    matched = [entry for entry in examples if _rule_matches_entry(rule, entry)]
    assert matched, f"la règle {rule.pattern!r} ne reconnaît pas son exemple {rule.example}"
    assert all(rule.theme in entry.themes for entry in matched), [entry.themes for entry in matched]


@pytest.mark.parametrize("rule", sandbox_rules(), ids=lambda rule: f"{rule.kind}:{rule.example}")
def test_every_sandbox_rule_marks_its_example(rule, by_name):
    assert rule.evidence and rule.example
    examples = by_name.get(rule.example)
    assert examples, f"{rule.example} : absent du catalogue livré"
    assert any(_rule_matches_entry(rule, entry) and entry.sandbox for entry in examples)


def test_ign_services_list_themes_are_all_kept(bundled, ign_themes):
    checked = 0
    for entry in bundled.layers:
        listed = ign_themes.get((entry.service, entry.name))
        if listed:
            assert listed - {OTHER_THEME} <= set(entry.themes), (entry.service, entry.name, listed, entry.themes)
            checked += 1
    assert checked > 1000


def test_no_layer_of_ign_official_list_is_a_test_layer(bundled, ign_themes):
    official = [entry for entry in bundled.layers if (entry.service, entry.name) in ign_themes]
    assert official and not [entry.name for entry in official if entry.sandbox]


def test_name_rules_agree_with_ign_where_ign_speaks(shared_data):
    """Each layer IGN's services list places under a subject: the first name rule matching it gives the same
    subject for at least 90 % of them (the rules extend IGN's list, they do not contradict it)."""
    names = [rule for rule in theme_rules() if rule.kind == "name"]
    subjects = defaultdict(set)
    with (shared_data / SERVICES_LIST).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if is_subject(row["key"]):
                subjects[row["layer"]].add(row["key"])
    agree, disagree = 0, []
    for name, themes in subjects.items():
        rule = next((rule for rule in names if rule.regex.search(name)), None)
        if rule is None:
            continue
        if rule.theme in themes:
            agree += 1
        else:
            disagree.append((name, rule.theme, sorted(themes)))
    assert agree + len(disagree) > 800
    assert agree / (agree + len(disagree)) >= 0.9, disagree[:20]


def test_autres_is_at_most_five_percent_and_every_theme_has_a_label(bundled):
    other, total = other_share(bundled.layers)
    assert total == len(bundled.layers) > 2000
    assert other / total <= 0.05, other
    used = {theme for entry in bundled.layers for theme in entry.themes}
    assert used <= set(SUBJECT_THEMES) | ACCESS_KEYS | {OTHER_THEME}, used - set(SUBJECT_THEMES)
    assert all(theme_label(theme) for theme in used)


def test_test_layers_are_recognised(bundled):
    count = sandbox_count(bundled.layers)
    assert 100 <= count <= 160
    names = {entry.name for entry in bundled.layers if entry.sandbox}
    assert {"testestekr:ecoregions", "test_nl_bdtopo_vauvenargues:batiment", "pays_ecoregions:pays"} <= names
    # data whose names only look like tests
    assert not names & {"Formation_vegetation_Guadeloupe_2010", "LANDCOVER.FORESTINVENTORY.V2:formation_vegetale",
                        "ADMINEXPRESS-COG.LATEST:commune", "IGNF_POI-TRAVAIL-EMPLOI-FORMATION"}
    assert sandbox_rule("LIMITES_ADMINISTRATIVES_EXPRESS.LATEST:commune") is None  # LATEST holds "test"
    assert sandbox_rule("x:y", keywords=("Tutoriel",)) is not None


def test_ortho_by_date_and_old_access_keys():
    assert inferred_theme("wmts", "ORTHOIMAGERY.ORTHOPHOTOS2019")[0] == "orthohisto"
    assert inferred_theme("wmts", "ORTHOIMAGERY.ORTHOPHOTOS.ORTHO-EXPRESS.2025")[0] == "ortho"
    assert inferred_theme("wmts", "ORTHOIMAGERY.ORTHOPHOTOS.1950-1965")[0] == "orthohisto"
    # an old access key is kept, and the layer also gets its subject
    assert assign_themes("wmts", "GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2.L93", listed={"lambert93"}) == (
        "cartes", "lambert93")
    assert assign_themes("wfs", "unknown:thing", listed=()) == (OTHER_THEME,)
    assert assign_themes("wfs", "PROTECTEDAREAS.ZNIEFF1:znieff1", listed={"agriculture"}) == ("agriculture",)


def test_labels_are_french_translatable_messages_and_sort_subjects_first():
    label = theme_label("lambert93")
    assert isinstance(label, Message) and label == "Clé d'accès historique : Lambert 93"
    assert label.translated(lambda text: {"Clé d'accès historique : {key}": "Former access key: {key}"}.get(
        text, text)) == "Former access key: Lambert 93"
    assert theme_label(OTHER_THEME) == "Autres" and theme_label("nouveau-theme") == "Nouveau theme"
    keys = sorted(["autres", "lambert93", "economie", "administratif", "ortho"], key=theme_sort_key)
    assert keys == ["economie", "administratif", "ortho", "lambert93", "autres"]  # Économie sorts under E


def test_a_catalogue_built_from_the_recorded_documents_has_themes_and_test_layers(shared_data):
    documents = from_directory(shared_data)
    catalog = build_catalog(documents.data, labels=documents.labels)
    other, total = other_share(catalog.layers)
    assert other / total <= 0.05 and sandbox_count(catalog.layers) >= 100
    bati = next(e for e in catalog.layers if e.service == "wfs" and e.name == "BDTOPO_V3:batiment")
    assert "topographie" in bati.themes and "essentiels" in bati.themes and not bati.sandbox
    assert "EPSG:2154" in bati.crs_options
