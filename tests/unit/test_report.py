"""Reports: JSON schema, one CSV row per layer, a shareable HTML page, and never a secret in any of them."""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import qgis_samples as samples  # noqa: E402

from gpf_bascule.mapping import report  # noqa: E402
from gpf_bascule.mapping.outcome import FILE_ERROR, FILE_MIGRATED, FILE_UNCHANGED, FileResult, SourceOutcome  # noqa: E402
from gpf_bascule.mapping.result import MIGRATED, NEEDS_KEY, UNCHANGED, UNMAPPED  # noqa: E402

SECRETS = (samples.PERSONAL_KEY, samples.PASSWORD, "ab12cd3")
OLD_PERSONAL = f"layers=X&password={samples.PASSWORD}&url=https://wxs.ign.fr/{samples.PERSONAL_KEY}/geoportail/wmts"

OLD_WFS = "authcfg='ab12cd3' typename='x:y' url='https://wxs.ign.fr/k/w'"


def _results() -> list[FileResult]:
    return [
        FileResult(
            path="projets/a.qgz",
            output="sortie/a.qgz",
            status=FILE_MIGRATED,
            sources=[
                SourceOutcome("l1", "Ortho <b>&", "wms", MIGRATED, OLD_PERSONAL, "layers=X&url=https://data.geopf.fr/wmts",
                              warnings=("identifiants retirés",)),
                SourceOutcome("l2", "Scan 25", "wms", NEEDS_KEY, "url=https://wxs.ign.fr/cartes/geoportail/wmts",
                              "url=https://data.geopf.fr/private/wmts", reason="clé personnelle requise"),
                SourceOutcome("l3", "WFS", "WFS", UNMAPPED, OLD_WFS, OLD_WFS, reason="couche inconnue"),
                SourceOutcome("l4", "Routes", "postgres", UNCHANGED, "dbname='gis'", "dbname='gis'"),
            ],
        ),
        FileResult(path="projets/b.qgs", output="sortie/b.qgs", status=FILE_UNCHANGED),
        FileResult(path="projets/c.qgz", status=FILE_ERROR,
                   error=f"archive .qgz corrompue (https://wxs.ign.fr/{samples.PERSONAL_KEY}/x)"),
    ]


GENERATED = datetime(2025, 1, 2, 3, 4, 5, tzinfo=timezone.utc)


def test_summary_counts_files_and_layers():
    summary = report.summarize(_results())
    assert summary["files"] == {"total": 3, FILE_MIGRATED: 1, FILE_UNCHANGED: 1, FILE_ERROR: 1}
    assert summary["layers"] == {"total": 4, MIGRATED: 1, UNCHANGED: 1, UNMAPPED: 1, NEEDS_KEY: 1}


def test_json_report_has_the_documented_fields():
    data = json.loads(report.render("r.json", _results(), generated=GENERATED))
    assert data["generated"] == "2025-01-02T03:04:05+00:00"
    assert re.fullmatch(r"gpf-bascule \d+\.\d+\.\d+", data["tool"])
    assert set(data["summary"]) == {"files", "layers"}
    assert [f["path"] for f in data["files"]] == ["projets/a.qgz", "projets/b.qgs", "projets/c.qgz"]
    for entry in data["files"]:
        assert {"path", "output", "status", "error", "layers"} <= set(entry)
    layer = data["files"][0]["layers"][0]
    assert set(layer) == {"id", "name", "provider", "status", "old_source", "new_source", "reason", "warnings"}
    assert layer["new_source"] == "layers=X&url=https://data.geopf.fr/wmts"
    assert layer["warnings"] == ["identifiants retirés"]
    assert data["files"][2]["status"] == FILE_ERROR and "corrompue" in data["files"][2]["error"]


def test_csv_report_has_one_row_per_layer_and_one_per_empty_file():
    text = report.render("r.csv", _results(), generated=GENERATED)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 4 + 1 + 1
    assert [r["layer_id"] for r in rows[:4]] == ["l1", "l2", "l3", "l4"]
    assert {r["path"] for r in rows[:4]} == {"projets/a.qgz"}
    assert rows[5]["file_status"] == FILE_ERROR and rows[5]["layer_id"] == ""
    assert rows[1]["status"] == NEEDS_KEY and rows[1]["reason"] == "clé personnelle requise"


def test_html_report_is_self_contained_french_and_escaped():
    page = report.render("r.html", _results(), generated=GENERATED)
    assert page.startswith("<!DOCTYPE html>") and '<html lang="fr">' in page
    assert "<style>" in page
    assert not re.search(r"<(script|link|img|iframe)\b|@import|url\(|\bsrc=|\bhref=", page, re.IGNORECASE)
    for word in ("migrated", "unchanged", "unmapped", "needs-key", "error", "basculée", "Ancienne source"):
        assert word in page
    assert "Ortho &lt;b&gt;&amp;" in page and "Ortho <b>" not in page
    assert "couche inconnue" in page and "identifiants retirés" in page


@pytest.mark.parametrize("suffix", [".json", ".csv", ".html"])
def test_no_secret_in_any_report(suffix):
    text = report.render("r" + suffix, _results(), generated=GENERATED)
    for secret in SECRETS:
        assert secret not in text, secret
    assert "wxs.ign.fr/cartes/" in text  # thematic keys are public and kept for readability


def test_write_report_creates_folders_and_csv_opens_in_spreadsheets(tmp_path):
    target = tmp_path / "rapports" / "r.csv"
    report.write_report(str(target), _results())
    assert target.read_bytes().startswith(b"\xef\xbb\xbfpath,output,")
    html_target = tmp_path / "r.html"
    report.write_report(str(html_target), _results(), dry_run=True)
    assert "simulation (--dry-run)" in html_target.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html", "rapports"]  # no temporary file left


def test_unknown_report_format_is_refused():
    with pytest.raises(ValueError, match="format de rapport"):
        report.render("r.txt", _results())
