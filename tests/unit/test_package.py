"""The plugin zip, as built by tools/package.py, passes the official QGIS plugin repository's upload checks.

The rules are those of QGIS-Django's `plugins/validator.py` (and the repository's model fields), checked on the
built zip, not on the source tree, so that packaging cannot lose or add what the repository looks at.
The one rule not checked here is that the URLs answer (the repository sends HEAD requests; tests stay offline).
"""

from __future__ import annotations

import configparser
import re
import zipfile
from io import StringIO
from pathlib import Path
from types import ModuleType
from urllib.parse import urlparse

import pytest

from gpf_bascule.tests.tool_modules import load_tool

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "gpf_bascule"
MAX_SIZE = 25_000_000
REQUIRED = ("name", "description", "version", "qgisMinimumVersion", "author", "email", "about", "tracker", "repository")
RECOMMENDED = ("homepage", "tags", "category", "icon", "hasProcessingProvider", "changelog", "experimental")
PLACEHOLDER_URLS = ("http://bugs", "http://repo", "http://homepage")


def _package_tool() -> ModuleType:
    return load_tool("package")


@pytest.fixture(scope="module")
def names(built_zip: Path) -> list[str]:
    with zipfile.ZipFile(built_zip) as archive:
        assert archive.testzip() is None  # no CRC error
        return archive.namelist()


@pytest.fixture(scope="module")
def metadata(built_zip: Path) -> dict[str, str]:
    """metadata.txt from the zip, parsed as the repository does (interpolation on: a stray '%' fails)."""
    with zipfile.ZipFile(built_zip) as archive:
        text = archive.read(f"{PACKAGE}/metadata.txt").decode("utf-8")
    parser = configparser.ConfigParser()
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_file(StringIO(text))
    assert parser.has_section("general")
    return {key: value.strip() for key, value in parser.items("general")}


def test_size_and_name(built_zip: Path, metadata: dict[str, str]) -> None:
    assert built_zip.stat().st_size < MAX_SIZE
    assert built_zip.name == f"{PACKAGE}.{metadata['version']}.zip"


def test_one_top_folder_named_after_the_package(names: list[str]) -> None:
    assert {name.split("/")[0] for name in names} == {PACKAGE}
    assert re.match(r"^[A-Za-z][A-Za-z0-9-_]+$", PACKAGE)
    assert re.match(r"^[a-z_][a-z0-9_]*$", PACKAGE)  # PEP 8 name, required of new plugins
    for required in ("__init__.py", "metadata.txt", "LICENSE"):
        assert f"{PACKAGE}/{required}" in names


def test_no_forbidden_or_development_entry(names: list[str]) -> None:
    tool = _package_tool()
    for name in names:
        parts = name.split("/")
        assert ".." not in name and not name.startswith("/"), name
        assert ".pyc" not in name, name
        assert not {"__MACOSX", ".git", "__pycache__"} & set(parts), name
        inner = "/".join(parts[1:])
        assert not tool.is_excluded(inner), name
        assert parts[1] not in ("tests", "tools", ".ci", ".venv", "demo-output", ".bench", ".test-home",
                                ".qgis-settings", ".pytest_cache", ".ruff_cache", "dist", "docs"), name


def test_plugin_code_and_resources_ship(names: list[str]) -> None:
    inner = {name.split("/", 1)[1] for name in names}
    for path in ("plugin.py", "__about__.py", "cli.py", "gpf-bascule", "mapping/registry.py",
                 "resources/catalog/gpf_catalog.json.gz", "resources/icon.svg"):
        assert path in inner, path
    for folder in ("mapping/", "catalog/", "ui/", "bascule/", "processing_provider/", "resources/icons/",
                   "resources/demo/"):
        assert any(p.startswith(folder) for p in inner), folder
    registry = {p.name for p in (ROOT / "mapping" / "registry").glob("*.csv")}
    assert registry and {p.rsplit("/", 1)[-1] for p in inner if p.startswith("mapping/registry/")} >= registry
    for ts in (ROOT / "resources" / "i18n").glob("*.ts"):
        if _package_tool().shutil.which("lrelease"):
            assert f"resources/i18n/{ts.stem}.qm" in inner


def test_only_tracked_files_ship(names: list[str]) -> None:
    tracked = set(_package_tool().tracked_files(ROOT))
    for name in names:
        inner = name.split("/", 1)[1]
        assert inner in tracked or re.match(r"^resources/i18n/[^/]+\.qm$", inner), name


def test_command_line_keeps_its_exec_bit(built_zip: Path) -> None:
    with zipfile.ZipFile(built_zip) as archive:
        mode = archive.getinfo(f"{PACKAGE}/gpf-bascule").external_attr >> 16
    assert mode & 0o111


def test_required_and_recommended_metadata(metadata: dict[str, str]) -> None:
    missing = [key for key in REQUIRED + RECOMMENDED if not metadata.get(key)]
    assert not missing
    assert metadata["name"] and len(metadata["name"]) <= 256
    assert re.match(r"^[^/]+$", metadata["author"])  # no slashes in author
    assert re.match(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$", metadata["email"])
    assert metadata["about"] != metadata["description"]
    assert metadata["category"] in ("Raster", "Vector", "Database", "Web", "Mesh", "Analysis", "Plugins")
    assert metadata["hasProcessingProvider"] == "yes"
    for flag in ("experimental", "deprecated"):
        assert metadata.get(flag, "False") in ("True", "False")
    assert metadata["deprecated"] == "False"


def test_versions(metadata: dict[str, str]) -> None:
    assert re.match(r"^\d+\.\d+\.\d+$", metadata["version"]) and len(metadata["version"]) <= 32
    assert metadata["qgisMinimumVersion"] == "3.22"
    assert re.match(r"^\d+\.\d+$", metadata["qgisMaximumVersion"])
    # Since QGIS 4.0 the plugin manager reads qgisMaximumVersion (4.99 to be offered on QGIS 4), not supportsQt6.
    assert metadata["qgisMaximumVersion"] == "4.99"
    assert metadata.get("supportsQt6") == "True"


def test_urls_are_well_formed(metadata: dict[str, str]) -> None:
    for key in ("tracker", "repository", "homepage"):
        url = metadata[key]
        parsed = urlparse(url)
        assert parsed.scheme in ("http", "https") and parsed.netloc, key
        assert url not in PLACEHOLDER_URLS, key


def test_icon_is_in_the_zip(names: list[str], metadata: dict[str, str]) -> None:
    icon = metadata["icon"].removeprefix("./")
    assert f"{PACKAGE}/{icon}" in names


def test_changelog_comes_from_changelog_md(metadata: dict[str, str]) -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    latest = re.search(r"^##\s+(\S+)", changelog, re.MULTILINE)
    assert latest
    assert metadata["changelog"].startswith(f"Version {latest.group(1)}")
    assert "* " in metadata["changelog"]
    assert metadata["version"] == latest.group(1)  # the version released is the one the changelog describes


def test_changelog_value_survives_configparser() -> None:
    tool = _package_tool()
    text = "# Changelog\n\n## 1.1.0 — 2026-01-02\n- a 50 % faster `thing`,\n  wrapped\n\n## 1.0.0\n- first\n"
    source = "[general]\nname=x\nchangelog=old\n  old line\nicon=i.svg\n"
    meta = tool.packaged_metadata(source, tool.changelog_value(text))
    parser = configparser.ConfigParser()
    parser.read_string(meta)
    value = parser["general"]["changelog"]
    assert value.splitlines() == ["", "Version 1.1.0 (2026-01-02):", "* a 50 percent faster thing, wrapped",
                                  "Version 1.0.0:", "* first"]
    assert parser["general"]["icon"] == "i.svg" and "old" not in value


def test_source_tree_is_untouched(tmp_path: Path) -> None:
    """Packaging writes nothing in the checkout: the changelog goes into the packaged copy only."""
    before = (ROOT / "metadata.txt").read_bytes()
    _package_tool().build(tmp_path)
    assert (ROOT / "metadata.txt").read_bytes() == before
    assert not re.search(r"^changelog\s*=", before.decode("utf-8"), re.MULTILINE)  # one source: CHANGELOG.md
