"""The one catalogue tree every view renders (catalog/tree.py), the one accent folding, the one snapshot choice."""

from __future__ import annotations

import ast
import gzip
import json
from dataclasses import replace
from pathlib import Path

import pytest

from gpf_bascule.catalog import snapshot
from gpf_bascule.catalog.entry import OTHER_THEME, Catalog, CatalogEntry
from gpf_bascule.catalog.text import fold
from gpf_bascule.catalog.themes import theme_label
from gpf_bascule.catalog.tree import BY_SERVICE, BY_THEME, LAYER, CatalogTree, entry_sort_key

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("catalog", "mapping", "bascule", "ui", "processing_provider")


def entry(service: str, name: str, title: str, themes: tuple[str, ...] = (OTHER_THEME,), **extra) -> CatalogEntry:
    return CatalogEntry(service, name, title, "WFS" if service == "wfs" else "wms", f"layers={name}", themes, **extra)


ENTRIES = (
    entry("wmts", "ORTHO", "Photographies aériennes", ("ortho",)),
    entry("wms-r", "ORTHO", "Photographies aériennes", ("ortho",)),
    entry("wfs", "EROSION:zone", "Érosion des sols", ("sol",)),
    entry("wfs", "EAU:cours", "Eaux de surface", ("hydrographie",)),
    entry("wfs", "FORET:massif", "Forêts publiques", ("foret",)),
    entry("wmts", "PLAN", "Plan IGN", ("cartes", "essentiels")),
    entry("wfs", "test_nl_bdtopo:batiment", "Bâtiments (essai)", ("topographie",), sandbox=True),
    entry("wfs", "ZZZ:divers", "Zones diverses"),
    entry("tms", "PLAN", "plan IGN", ("cartes",)),
    entry("wfs", "OEUVRE:lieu", "Œuvres d'art", ("patrimoine",)),
)


@pytest.fixture
def tree() -> CatalogTree:
    return CatalogTree(ENTRIES)


# -- folding ----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "folded"), [
    ("Bâtiments ÉCOLE Œuvre", "batiments ecole oeuvre"),
    ("Économie", "economie"),
    ("ORTHOIMAGERY.ORTHOPHOTOS", "orthoimagery.orthophotos"),
    ("Straße", "strasse"),
    ("", ""),
    (None, ""),
])
def test_fold_drops_case_accents_and_ligatures_and_keeps_punctuation(text, folded) -> None:
    assert fold(text) == folded


def test_the_plugin_folds_accents_in_one_place() -> None:
    """Accent decomposition lives in catalog/text.py only (the views, the search and the rules call fold())."""
    modules = [*ROOT.glob("*.py"), *(path for package in PACKAGES for path in (ROOT / package).rglob("*.py"))]
    users = sorted(str(path.relative_to(ROOT)) for path in modules
                   if "unicodedata.normalize" in path.read_text(encoding="utf-8"))
    assert users == ["catalog/text.py"]


# -- order ------------------------------------------------------------------------------------------------------
def test_a_title_starting_with_an_accent_sorts_with_its_letter(tree) -> None:
    titles = [item.title for item in tree.entries]
    assert titles.index("Eaux de surface") < titles.index("Érosion des sols") < titles.index("Forêts publiques")
    assert titles.index("Œuvres d'art") < titles.index("Photographies aériennes")  # Œ sorts as "oe"


def test_equal_titles_sort_by_service_order_then_name(tree) -> None:
    photos = [(item.service, item.name) for item in tree.entries if item.title == "Photographies aériennes"]
    assert photos == [("wmts", "ORTHO"), ("wms-r", "ORTHO")]
    plans = [item.service for item in tree.entries if fold(item.title) == "plan ign"]
    assert plans == ["wmts", "tms"]  # case does not matter either: service order decides
    assert entry_sort_key(ENTRIES[0]) < entry_sort_key(ENTRIES[1])


def test_by_theme_subjects_a_to_z_then_access_keys_then_autres(tree) -> None:
    keys = [group.key for group in tree.groups(BY_THEME)]
    assert keys[-2:] == ["essentiels", OTHER_THEME]
    subjects = keys[:-2]
    assert [fold(theme_label(key)) for key in subjects] == sorted(fold(theme_label(key)) for key in subjects)
    assert "topographie" not in keys  # its only layer is a test layer: hidden, so is the group


def test_theme_labels_given_by_the_view_decide_the_order() -> None:
    english = {"ortho": "Orthophotos", "sol": "Soil", "hydrographie": "Water", "foret": "Forest"}
    tree = CatalogTree(ENTRIES, label=lambda key: english.get(key, theme_label(key)))
    keys = [group.key for group in tree.groups(BY_THEME)]
    assert keys.index("foret") < keys.index("ortho") < keys.index("sol") < keys.index("hydrographie")


def test_by_service_in_service_order_with_layers_in_tree_order(tree) -> None:
    groups = tree.groups(BY_SERVICE)
    assert [group.key for group in groups] == ["wmts", "wms-r", "wfs", "tms"]
    wfs = [tree.entries[position].title for position in groups[2].layers]
    assert wfs == ["Eaux de surface", "Érosion des sols", "Forêts publiques", "Œuvres d'art", "Zones diverses"]


def test_a_layer_under_two_themes_is_under_both_with_the_same_position(tree) -> None:
    found = {}
    for group in tree.groups(BY_THEME):
        for service in group.groups:
            for position in service.layers:
                found.setdefault(tree.entries[position].name, []).append(group.key)
    assert found["PLAN"] == ["cartes", "cartes", "essentiels"]  # WMTS and TMS under cartes, WMTS under the key


def test_rows_walk_the_tree_depth_first(tree) -> None:
    rows = list(tree.rows(BY_SERVICE))
    assert rows[0] == (0, BY_SERVICE, "wmts")
    assert rows[1] == (1, LAYER, "wmts ORTHO")
    theme_rows = list(tree.rows(BY_THEME))
    assert {depth for depth, kind, _ in theme_rows if kind == LAYER} == {2}
    assert len([row for row in theme_rows if row[1] == LAYER]) == sum(
        len(item.themes) for item in ENTRIES if not item.sandbox)


def test_unknown_grouping_is_refused(tree) -> None:
    with pytest.raises(ValueError):
        tree.groups("alphabet")


# -- test layers ----------------------------------------------------------------------------------------------------
def test_test_layers_are_hidden_by_default_and_counted(tree) -> None:
    assert tree.sandbox_count == 1 and tree.hidden() == 1 and tree.hidden(show_sandbox=True) == 0
    assert "test_nl_bdtopo:batiment" not in [item.name for item in tree.visible_entries()]
    assert len(tree.visible_entries()) == len(ENTRIES) - 1
    assert sum(group.total for group in tree.groups(BY_SERVICE)) == len(ENTRIES) - 1
    shown = tree.groups(BY_SERVICE, show_sandbox=True)
    assert sum(group.total for group in shown) == len(ENTRIES)
    assert "topographie" in [group.key for group in tree.groups(BY_THEME, show_sandbox=True)]


def test_groups_are_built_once(tree) -> None:
    assert tree.groups(BY_THEME) is tree.groups(BY_THEME)


# -- the views render the tree, they do not sort --------------------------------------------------------------------
@pytest.mark.parametrize("view", ["ui/catalog_model.py", "ui/browser.py"])
def test_the_dock_model_and_the_browser_take_their_order_from_the_tree(view: str) -> None:
    """Neither view sorts, groups by theme or folds on its own: both render CatalogTree.groups(), so their
    order is the same by construction (tests/qgis/test_browser.py renders both and compares)."""
    source = (ROOT / view).read_text(encoding="utf-8")
    module = ast.parse(source)
    calls = {node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
             for node in ast.walk(module) if isinstance(node, ast.Call)}
    assert not calls & {"sorted", "sort", "casefold", "fold", "normalize", "theme_sort_key"}
    assert "CatalogTree" in source and ".groups(" in source


# -- which snapshot serves --------------------------------------------------------------------------------------------
def dated(when: str, layers: tuple[CatalogEntry, ...] = ENTRIES[:1]) -> Catalog:
    return Catalog(layers=layers, generated=when)


def test_generated_at_reads_iso_dates_and_puts_unknown_first() -> None:
    assert snapshot.generated_at(dated("2025-06-25")).year == 2025
    assert snapshot.generated_at(dated("2025-06-25T10:00:00Z")).tzinfo is not None
    assert not snapshot.is_dated(dated("hier")) and not snapshot.is_dated(None)
    assert snapshot.generated_at(dated("")) < snapshot.generated_at(dated("1990-01-01"))


def test_the_newer_cached_catalogue_wins_unless_empty() -> None:
    bundled, cached = dated("2025-06-25"), dated("2026-01-01")
    assert snapshot.newest(bundled, cached) == (cached, snapshot.DOWNLOADED_ORIGIN)
    assert snapshot.newest(cached, bundled) == (cached, snapshot.BUNDLED_ORIGIN)  # an older cache loses
    assert snapshot.newest(bundled, dated("2026-01-01", ())) == (bundled, snapshot.BUNDLED_ORIGIN)
    assert snapshot.newest(bundled, dated("2025-06-25")) == (bundled, snapshot.BUNDLED_ORIGIN)  # equal: bundled
    assert snapshot.newest(None, cached) == (cached, snapshot.DOWNLOADED_ORIGIN)
    assert snapshot.newest(None, None)[0].layers == ()


def test_load_current_ignores_a_damaged_cache_and_uses_a_newer_one(tmp_path: Path) -> None:
    bundled = snapshot.load_snapshot()
    damaged = tmp_path / "gpf_catalog.json.gz"
    damaged.write_bytes(gzip.compress(b'{"layers": [1, 2'))
    current = snapshot.load_current(damaged)
    assert current.origin == snapshot.BUNDLED_ORIGIN and current.error == ""
    assert len(current.catalog.layers) == len(bundled.layers)
    newer = Catalog(layers=(replace(ENTRIES[0], sandbox=True, keywords=("Tutoriel",), crs_options=("EPSG:2154",)),),
                    generated="2999-01-01T00:00:00+00:00")
    snapshot.save_snapshot(newer, damaged)
    current = snapshot.load_current(damaged)
    assert current.origin == snapshot.DOWNLOADED_ORIGIN and current.catalog.layers == newer.layers
    assert snapshot.load_current(tmp_path / "absent.json.gz").origin == snapshot.BUNDLED_ORIGIN


def test_a_broken_bundled_snapshot_is_reported_unless_a_cache_stands_in(tmp_path: Path, monkeypatch) -> None:
    broken = tmp_path / "bundled.json.gz"
    broken.write_bytes(b"not gzip, not json")
    monkeypatch.setattr(snapshot, "BUNDLED", broken)
    current = snapshot.load_current(None)
    assert current.catalog.layers == () and "illisible" in current.error
    cached = tmp_path / "cached.json.gz"
    snapshot.save_snapshot(dated("2026-01-01"), cached)
    assert snapshot.load_current(cached).error == ""


def test_the_fast_snapshot_reader_gives_what_from_json_gives() -> None:
    """snapshot.py builds entries positionally (the dock's first open): the same as CatalogEntry.from_json."""
    raw = json.loads(gzip.decompress(snapshot.BUNDLED.read_bytes()))["layers"]
    raw.append({"service": "wfs", "name": "t:x", "provider": "WFS", "uri": "u", "crs": "EPSG:2154", "sandbox": True,
                "keywords": ["Tutoriel"], "bbox": [1, 2, 3, 4], "needs_key": True, "note": "n", "abstract": "a"})
    assert [snapshot._entry(layer) for layer in raw] == [CatalogEntry.from_json(layer) for layer in raw]


def test_the_cache_lives_in_the_profile_folder(tmp_path: Path) -> None:
    assert snapshot.cached_snapshot_path(tmp_path) == tmp_path / "cache" / "gpf_bascule" / "gpf_catalog.json.gz"


def test_newest_is_decided_in_one_place() -> None:
    """No other module compares snapshot dates (the views' CatalogState and Processing ask catalog.snapshot)."""
    for path in ("bascule/catalog_state.py", "processing_provider/list_catalog.py"):
        source = (ROOT / path).read_text(encoding="utf-8")
        assert "fromisoformat" not in source and "load_current" in source, path
