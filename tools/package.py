#!/usr/bin/env python3
"""Build the plugin zip for the official QGIS plugin repository, without network (like qgis-plugin-ci).

Why this shape:
- the file list comes from `git ls-files`, so untracked junk (caches, demo output, local settings) never ships;
- development files (tests, tools, CI, project config) are dropped by a short, explicit exclusion list;
- the zip has one top folder named after the package (the repository takes the plugin's id from it);
- `metadata.txt` in the zip gets `changelog=` built from CHANGELOG.md, the single source of truth;
- `resources/i18n/*.ts` are compiled to `.qm` with lrelease into a temporary folder (the source tree is not touched).

Usage: tools/package.py [--output DIR]   (prints the path of the zip)
"""

from __future__ import annotations

import argparse
import configparser
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE_NAME = "gpf_bascule"
MAX_SIZE = 25_000_000  # the plugin repository's PLUGIN_MAX_UPLOAD_SIZE
CHANGELOG_VERSIONS = 3  # latest versions shown in the plugin manager, like qgis-plugin-ci

# Tracked paths that are for development only (prefixes end with "/").
EXCLUDED_PREFIXES = (
    "tests/", "tools/", ".ci/", ".github/", ".gitlab/", "docs/", ".venv/", "demo-output/", ".bench/",
    ".test-home/", ".qgis-settings/", ".pytest_cache/", ".ruff_cache/", ".hypothesis/", "dist/",
)
EXCLUDED_FILES = frozenset({
    "Makefile", "pyproject.toml", "requirements-dev.txt", ".gitignore", ".gitattributes", ".pre-commit-config.yaml",
})
EXCLUDED_PARTS = frozenset({"__pycache__", ".git", "__MACOSX"})
EXCLUDED_SUFFIXES = (".pyc", ".pyo", ".ts")  # .ts sources ship compiled as .qm


def is_excluded(path: str) -> bool:
    """True for a repository path that must not ship in the plugin zip."""
    if path.startswith(EXCLUDED_PREFIXES) or path in EXCLUDED_FILES:
        return True
    parts = path.split("/")
    return any(part in EXCLUDED_PARTS for part in parts) or parts[-1] == ".DS_Store" or path.endswith(EXCLUDED_SUFFIXES)


def tracked_files(root: Path = ROOT) -> list[str]:
    """Files git tracks under the plugin folder that still exist in the working tree."""
    out = subprocess.run(
        ["git", "-C", str(root), "ls-files", "-z", "--cached"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    return sorted(p for p in set(out.split("\0")) if p and (root / p).is_file())


def changelog_entries(text: str, versions: int = CHANGELOG_VERSIONS) -> list[tuple[str, list[str]]]:
    """The latest versions of CHANGELOG.md as (title, one line per bullet), wrapped lines joined."""
    entries: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        heading = re.match(r"^##\s+(.+?)\s*$", line)
        if heading:
            entries.append((heading.group(1), []))
        elif entries and re.match(r"^\s*[-*]\s+", line):
            entries[-1][1].append(re.sub(r"^\s*[-*]\s+", "", line).strip())
        elif entries and entries[-1][1] and line.strip():
            entries[-1][1][-1] += " " + line.strip()
    return entries[:versions]


def changelog_value(text: str, versions: int = CHANGELOG_VERSIONS) -> str:
    """The `changelog=` value: an INI multi-line value (continuation lines indented), safe for configparser."""
    lines: list[str] = []
    for title, bullets in changelog_entries(text, versions):
        version = title.split()[0]
        suffix = title[len(version):].strip(" -—")
        lines.append(f"Version {version}" + (f" ({suffix})" if suffix else "") + ":")
        lines.extend(f"* {bullet}" for bullet in bullets)
    # '%' would break the interpolating parsers of QGIS and of the repository; backquotes are Markdown noise.
    return "\n".join(" " + re.sub(r"\s?%", " percent", line).replace("`", "") for line in lines)


def packaged_metadata(source: str, changelog: str) -> str:
    """metadata.txt with its changelog replaced (or added) by the value built from CHANGELOG.md."""
    out: list[str] = []
    skipping = False
    for line in source.splitlines():
        if skipping and line[:1] in (" ", "\t") and line.strip():
            continue  # continuation line of the old changelog
        skipping = False
        if re.match(r"^changelog\s*[=:]", line):
            skipping = True
            continue
        out.append(line)
    while out and not out[-1].strip():
        out.pop()
    out.append("changelog=")
    out.append(changelog)
    return "\n".join(out) + "\n"


def compile_translations(root: Path, into: Path) -> dict[str, Path]:
    """Compile resources/i18n/*.ts with lrelease into `into`; returns {zip path: file}. Warns when lrelease is missing.

    Compiled .qm files already in resources/i18n (from `make translations`) are used when lrelease is missing.
    """
    i18n = root / "resources" / "i18n"
    sources = sorted(i18n.glob("*.ts"))
    compiled = {f"resources/i18n/{qm.name}": qm for qm in sorted(i18n.glob("*.qm"))}
    if not sources:
        return compiled
    lrelease = next((shutil.which(n) for n in ("lrelease", "lrelease-qt5", "lrelease-qt6") if shutil.which(n)), None)
    if lrelease is None:
        print("warning: lrelease not found; translations not compiled (apt-get install qttools5-dev-tools)",
              file=sys.stderr)
        return compiled
    for ts in sources:
        qm = into / (ts.stem + ".qm")
        subprocess.run([lrelease, "-silent", str(ts), "-qm", str(qm)], check=True)
        compiled[f"resources/i18n/{qm.name}"] = qm
    return compiled


def _zip_time(root: Path) -> tuple[int, int, int, int, int, int]:
    """A stable timestamp (SOURCE_DATE_EPOCH, else the last commit) so that two builds give the same zip."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        done = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%ct"], capture_output=True, text=True)
        epoch = done.stdout.strip() or "315532800"
    return time.gmtime(max(int(epoch), 315532800))[:6]  # zip dates start in 1980


def _add(archive: zipfile.ZipFile, name: str, data: bytes, mode: int, stamp: tuple[int, ...]) -> None:
    info = zipfile.ZipInfo(f"{PACKAGE_NAME}/{name}", date_time=stamp)  # type: ignore[arg-type]
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = ((0o755 if mode & 0o111 else 0o644) | 0o100000) << 16
    archive.writestr(info, data)


def plugin_files(root: Path = ROOT) -> list[str]:
    """Repository paths that ship in the zip (before translations are added)."""
    return [p for p in tracked_files(root) if not is_excluded(p)]


def build(output_dir: Path, root: Path = ROOT) -> Path:
    """Write `<output_dir>/gpf_bascule.<version>.zip` and return its path."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    metadata_source = (root / "metadata.txt").read_text(encoding="utf-8")
    parser.read_string(metadata_source)
    version = parser["general"]["version"]
    changelog = changelog_value((root / "CHANGELOG.md").read_text(encoding="utf-8"))
    output_dir.mkdir(parents=True, exist_ok=True)
    target = output_dir / f"{PACKAGE_NAME}.{version}.zip"
    stamp = _zip_time(root)
    with tempfile.TemporaryDirectory() as work:
        translations = compile_translations(root, Path(work))
        partial = target.with_suffix(".zip.part")
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in plugin_files(root):
                source = root / path
                data = source.read_bytes()
                if path == "metadata.txt":
                    data = packaged_metadata(metadata_source, changelog).encode("utf-8")
                _add(archive, path, data, source.stat().st_mode, stamp)
            for name, qm in translations.items():
                _add(archive, name, qm.read_bytes(), 0o644, stamp)
        partial.replace(target)
    if target.stat().st_size > MAX_SIZE:
        raise SystemExit(f"{target}: {target.stat().st_size} bytes, over the repository's {MAX_SIZE} byte limit")
    return target


def main(argv: Iterable[str] | None = None) -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--output", type=Path, default=ROOT / "dist", help="folder for the zip (default: dist/)")
    options = args.parse_args(list(argv) if argv is not None else None)
    target = build(options.output.resolve())
    print(f"{target} ({target.stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
