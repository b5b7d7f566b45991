"""docs/registre.md is generated from the registry: a rule changed without `make docs` fails here."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path
from types import ModuleType

from gpf_bascule.tests.tool_modules import load_tool

ROOT = Path(__file__).resolve().parents[2]
REGISTRY = ROOT / "mapping" / "registry"
COMMITTED = ROOT / "docs" / "registre.md"


def _tool() -> ModuleType:
    return load_tool("registry_doc")


def _rows(name: str) -> list[dict[str, str]]:
    with (REGISTRY / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_committed_page_matches_the_registry(tmp_path: Path) -> None:
    """Regenerate with the tool's command line, as `make docs` does, and compare byte for byte."""
    out = tmp_path / "registre.md"
    subprocess.run([sys.executable, str(ROOT / "tools" / "registry_doc.py"), "--output", str(out)], check=True,
                   capture_output=True)
    assert out.read_text(encoding="utf-8") == COMMITTED.read_text(encoding="utf-8"), (
        "docs/registre.md is out of date: run `make docs` and commit it"
    )


def test_every_rule_and_its_evidence_is_on_the_page() -> None:
    page = _tool().render(REGISTRY)
    for row in _rows("endpoints.csv"):
        assert f"`{row['id']}`" in page and row["evidence"] in page
    for row in _rows("layer_rules.csv"):
        assert f"`{row['old_name']}`" in page and row["reason"] in page and row["evidence"] in page
        if row["decision"] == "rename":
            assert f"`{row['new_name']}`" in page
    for row in _rows("wmts_style_renames.csv"):
        assert f"`{row['new_style']}`" in page
    for row in _rows("vectortile_styles.csv"):
        assert f"`{row['old']}`" in page and f"`{row['new']}`" in page
    assert "## Proposer une règle" in page


def test_a_changed_rule_changes_the_page(tmp_path: Path) -> None:
    """The comparison test really sees registry edits: a new removal rule appears in the page."""
    for source in REGISTRY.glob("*.csv"):
        (tmp_path / source.name).write_bytes(source.read_bytes())
    with (tmp_path / "layer_rules.csv").open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow(
            ["wmts", "EXAMPLE.OLD|LAYER", "removed", "", "", "raison d'exemple", "preuve d'exemple"]
        )
    tool = _tool()
    page = tool.render(tmp_path)
    assert page != tool.render(REGISTRY)
    assert "`EXAMPLE.OLD\\|LAYER` | raison d'exemple | preuve d'exemple |" in page
    assert "| couches sans équivalent (`layer_rules.csv`, `removed`) | " in page


def test_readable_paths() -> None:
    tool = _tool()
    assert tool.readable_path(r"(?P<key>[^/]+)/geoportail/tms/1\.0\.0") == "{clé}/geoportail/tms/1.0.0"
    assert tool.readable_path("catalogue(?:/geoportail)?/csw") == "catalogue[/geoportail]/csw"
    assert tool.readable_path("geoserver/(?:ows|wfs)") == "geoserver/(ows|wfs)"
