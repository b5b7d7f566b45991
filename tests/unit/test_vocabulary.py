"""One vocabulary of statuses for people, the machine words only for programs; sources shown as a diff."""

from __future__ import annotations

import json

from gpf_bascule.mapping import report, vocabulary
from gpf_bascule.mapping.messages import Message
from gpf_bascule.mapping.outcome import FILE_MIGRATED, FileResult, SourceOutcome
from gpf_bascule.mapping.result import MIGRATED, NEEDS_KEY, STATUSES, UNCHANGED, UNMAPPED
from gpf_bascule.ui.source_diff import changed_excerpts, marked_pair, segments

WMTS_OLD = ("contextualWMSLegend=0&crs=EPSG:3857&dpiMode=7&format=image/jpeg&layers=ORTHOIMAGERY.ORTHOPHOTOS"
            "&styles=normal&tileMatrixSet=PM&url=https://wxs.ign.fr/***/geoportail/wmts")
WMTS_NEW = ("contextualWMSLegend=0&crs=EPSG:3857&dpiMode=7&format=image/jpeg&layers=ORTHOIMAGERY.ORTHOPHOTOS"
            "&styles=normal&tileMatrixSet=PM&url=https://data.geopf.fr/wmts")


def test_every_status_has_a_label_in_both_tenses_and_none_shows_the_machine_word() -> None:
    for table in (vocabulary.DONE, vocabulary.PREVIEW):
        assert set(table) == set(STATUSES)
        for status, label in table.items():
            assert isinstance(label, Message) and status not in label
    assert vocabulary.label(MIGRATED) == "basculée" and vocabulary.label(MIGRATED, preview=True) == "à basculer"
    assert vocabulary.label(UNMAPPED, capital=True) == "Sans équivalent"
    assert vocabulary.label(UNMAPPED) == vocabulary.label(UNMAPPED, preview=True)  # one word, not two
    assert vocabulary.label("???") == "???"  # an unknown word is shown, never an empty cell
    assert vocabulary.label(MIGRATED, translate=lambda text: {"basculée": "switched"}.get(text, text)) == "switched"


def test_switched_counts_needs_key_sources_like_the_dialog() -> None:
    counts = {MIGRATED: 15, NEEDS_KEY: 1, UNMAPPED: 1, UNCHANGED: 3}
    assert vocabulary.switched(counts) == 16
    assert vocabulary.sources_sentence(counts) == (
        "16 source(s) basculée(s) (dont 1 avec clé personnelle requise), 1 sans équivalent, 3 inchangée(s)"
    )
    assert vocabulary.sources_sentence(counts, preview=True).startswith("16 source(s) à basculer")


def test_reports_use_the_labels_for_people_and_the_words_for_programs() -> None:
    source = SourceOutcome("l1", "Ortho", "wms", UNMAPPED, "a", "a", reason="retirée")
    results = [FileResult(path="p.qgs", status=FILE_MIGRATED, sources=[source])]
    page = report.render("r.html", results)
    assert '<span class="badge unmapped">sans équivalent</span>' in page
    assert "(unmapped)" not in page and "sans correspondance" not in page
    data = json.loads(report.render("r.json", results))
    assert data["files"][0]["layers"][0]["status"] == "unmapped" and data["summary"]["layers"]["unmapped"] == 1
    assert "unmapped" in report.render("r.csv", results).splitlines()[1].split(",")


def test_the_changed_part_of_a_source_is_what_a_cell_shows() -> None:
    old, new = changed_excerpts(WMTS_OLD, WMTS_NEW)
    assert old == "…url=https://wxs.ign.fr/***/geoportail/wmts" and new == "…url=https://data.geopf.fr/wmts"
    # several changes: each with its key, the shared text between them left out
    old, new = changed_excerpts(WMTS_OLD.replace("PM", "LAMB93"), WMTS_NEW.replace("PM", "LAMB93_5cm"))
    assert new.startswith("…tileMatrixSet=LAMB93_5cm") and "url=https://data.geopf.fr" in new
    assert "contextualWMSLegend" not in new and "layers=" not in new
    # an encoded address reads as an address
    old, new = changed_excerpts("type=xyz&url=https%3A%2F%2Fwxs.ign.fr%2Fk%2Fgeoportail%2Fwmts%3Flayer%3DX",
                                "type=xyz&url=https%3A%2F%2Fdata.geopf.fr%2Fwmts%3Flayer%3DX")
    assert "data.geopf.fr" in new and "%2F" not in new and "wxs.ign.fr" in old


def test_the_whole_source_is_kept_and_the_changes_marked() -> None:
    left, right = segments(WMTS_OLD, WMTS_NEW)
    assert "".join(text for text, _ in left) == WMTS_OLD and "".join(text for text, _ in right) == WMTS_NEW
    assert [text for text, changed in right if changed] == ["data.geopf.fr"]
    old_html, new_html = marked_pair(WMTS_OLD, "a<b&c")
    assert "&lt;" in new_html and "<b&" not in new_html  # escaped
    assert changed_excerpts(WMTS_OLD, WMTS_OLD) == (WMTS_OLD, WMTS_OLD)  # nothing changed: shown whole
