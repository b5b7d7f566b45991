"""Translations of the plugin's UI: extract the `tr("…")` strings, update the .ts files, compile them to .qm.

The pure-Python layers (mapping/, catalog/) cannot call Qt: their sentences are built with `msg("…", field=…)`
(mapping/messages.py) and translated when a widget shows them; this script extracts those literals too, and the
reasons written in the registry (mapping/registry/layer_rules.csv).

The source strings are French (the plugin's first audience); every one of them goes through a `tr()` helper that calls
`QCoreApplication.translate("GpfBascule", …)`. pylupdate5 only sees `self.tr(…)` and `QCoreApplication.translate(…)`,
not the modules' own `tr()` helpers, so this script reads the code with Python's `ast` module instead: the first
argument of every `tr(…)` call must be a literal string (a string built at run time could not be extracted, so it is
an error; use `tr("… {name} …").format(name=…)`).

    python3 tools/i18n.py update    # rewrite resources/i18n/gpf_bascule_{fr,en}.ts from the code
    python3 tools/i18n.py check     # exit 1 when a string has no finished English translation, or one is stale
    python3 tools/i18n.py compile   # .ts -> .qm with lrelease (`make translations`)

`update` keeps the existing translations, adds the new strings (French: the source itself, finished; English: empty,
type="unfinished" until someone translates it) and drops the strings the code no longer has. Translate by editing
gpf_bascule_en.ts (or with Qt Linguist), then remove `type="unfinished"`. The .qm files are build products.
"""

from __future__ import annotations

import argparse
import ast
import csv
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree as ET

ROOT = Path(__file__).resolve().parent.parent
I18N_DIR = ROOT / "resources" / "i18n"
CONTEXT = "GpfBascule"
REGISTRY_RULES = "mapping/registry/layer_rules.csv"
#: Registry tables whose columns users read (in the dialog and the reports): (file, columns).
REGISTRY_TEXTS = (
    (REGISTRY_RULES, ("reason",)),
    ("mapping/registry/replacements.csv", ("title", "changes")),
)
SOURCE_LANGUAGE = "fr"
LANGUAGES = ("fr", "en")
# Every module of the plugin is read, except those in these folders (not UI, or not ours).
EXCLUDED = {".venv", ".git", "tests", "tools", "resources", "demo-output", "dist", ".test-home", ".qgis-settings",
            ".bench", "__pycache__"}


@dataclass(frozen=True)
class Occurrence:
    text: str
    path: str  # relative to the plugin folder
    line: int


def source_files(root: Path = ROOT) -> list[Path]:
    """The plugin's modules: the .py files git tracks (what CI and the package see), or all of them outside git."""
    try:
        listed = subprocess.run(["git", "ls-files", "-z", "--", "*.py"], cwd=root, capture_output=True, check=True)
        paths = [root / name for name in listed.stdout.decode("utf-8").split("\0") if name]
    except (OSError, subprocess.CalledProcessError):
        paths = list(root.rglob("*.py"))
    return sorted(
        path for path in paths
        if path.is_file() and not EXCLUDED.intersection(path.relative_to(root).parts[:-1])
    )


def _is_tr_call(node: ast.Call) -> bool:
    func = node.func
    return (isinstance(func, ast.Name) and func.id == "tr") or (isinstance(func, ast.Attribute) and func.attr == "tr")


def _is_msg_call(node: ast.Call) -> bool:
    """`msg("…")`: a sentence of the pure-Python layers (mapping/messages.py), translated when a widget shows it."""
    return isinstance(node.func, ast.Name) and node.func.id == "msg"


def registry_reasons(root: Path = ROOT) -> list[Occurrence]:
    """The texts of the registry users read in the bascule dialog and the reports: rule reasons, replacement
    titles and what a replacement changes."""
    found: dict[str, Occurrence] = {}
    for name, columns in REGISTRY_TEXTS:
        path = root / name
        if not path.is_file():
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            for row in reader:
                for column in columns:
                    text = (row.get(column) or "").strip()
                    if text:
                        found.setdefault(text, Occurrence(text, name, reader.line_num))
    return list(found.values())


def _is_translate_call(node: ast.Call) -> bool:
    return isinstance(node.func, ast.Attribute) and node.func.attr == "translate" and len(node.args) >= 2


def extract(paths: list[Path] | None = None, root: Path = ROOT) -> tuple[list[Occurrence], list[str]]:
    """Every literal passed to tr() or msg() (and to QCoreApplication.translate("GpfBascule", …)) and the
    registry's reasons (when reading the whole plugin), plus the calls with a
    non-literal text, as "path:line: code" (a `def tr(message)` helper's own translate(…, message) is not one)."""
    found: list[Occurrence] = []
    errors: list[str] = []
    for path in paths if paths is not None else source_files(root):
        relative = path.relative_to(root).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        helper_args = {  # `def tr(message)`: the translate(CONTEXT, message) inside is the helper itself
            node.args.args[0].arg for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef) and node.name == "tr" and node.args.args
        }
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            if _is_tr_call(node) or _is_msg_call(node):
                text = node.args[0] if node.args else None
            elif _is_translate_call(node):
                context = node.args[0]
                text = node.args[1]
                if isinstance(text, ast.Name) and text.id in helper_args:
                    continue
                if isinstance(context, ast.Constant) and context.value != CONTEXT:
                    errors.append(f"{relative}:{node.lineno}: context {context.value!r} is not {CONTEXT!r}")
                    continue
                if not isinstance(context, (ast.Constant, ast.Name)):
                    continue  # str.translate(table) and the like
            else:
                continue
            if isinstance(text, ast.Constant) and isinstance(text.value, str):
                found.append(Occurrence(text.value, relative, node.lineno))
            else:
                errors.append(f"{relative}:{node.lineno}: not a literal string: {ast.unparse(node)[:100]}")
    if paths is None:
        found += registry_reasons(root)
    found.sort(key=lambda o: (o.path, o.line))
    errors.sort(key=lambda error: (error.split(":")[0], int(error.split(":")[1])))
    return found, errors


def unique_texts(occurrences: list[Occurrence]) -> list[str]:
    seen: dict[str, None] = {}
    for occurrence in sorted(occurrences, key=lambda o: (o.path, o.line)):
        seen.setdefault(occurrence.text, None)
    return list(seen)


def ts_path(language: str, directory: Path = I18N_DIR) -> Path:
    return directory / f"gpf_bascule_{language}.ts"


def read_ts(path: Path) -> dict[str, tuple[str, bool]]:
    """source -> (translation, finished) of a .ts file (empty when it does not exist)."""
    if not path.is_file():
        return {}
    messages: dict[str, tuple[str, bool]] = {}
    for message in ET.parse(path).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        text = (translation.text or "") if translation is not None else ""
        kind = translation.get("type", "") if translation is not None else "unfinished"
        messages[source] = (text, kind not in ("unfinished", "vanished", "obsolete"))
    return messages


def write_ts(path: Path, language: str, texts: list[str], occurrences: list[Occurrence]) -> dict[str, int]:
    """Rewrite one .ts file for `texts`, keeping what it already translated; returns counts for the summary."""
    existing = read_ts(path)
    first = {}
    for occurrence in sorted(occurrences, key=lambda o: (o.path, o.line)):
        first.setdefault(occurrence.text, occurrence)
    root = ET.Element("TS", version="2.1", language=language, sourcelanguage=SOURCE_LANGUAGE)
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT
    counts = {"finished": 0, "unfinished": 0, "new": 0, "dropped": len(set(existing) - set(texts))}
    for text in texts:
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "location", filename=f"../../{first[text].path}")
        ET.SubElement(message, "source").text = text
        translation = ET.SubElement(message, "translation")
        if text not in existing:
            counts["new"] += 1
        if language == SOURCE_LANGUAGE:
            translation.text, finished = text, True
        else:
            translation.text, finished = existing.get(text, ("", False))
        if not finished or not translation.text:
            translation.set("type", "unfinished")
            counts["unfinished"] += 1
        else:
            counts["finished"] += 1
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return counts


def problems(language: str = "en", directory: Path = I18N_DIR) -> list[str]:
    """What keeps `language` from being complete: code errors, missing/unfinished translations, stale ones."""
    occurrences, errors = extract()
    texts = set(unique_texts(occurrences))
    translations = read_ts(ts_path(language, directory))
    found = list(errors)
    for text in unique_texts(occurrences):
        if text not in translations:
            found.append(f"missing from gpf_bascule_{language}.ts: {text!r}")
        elif not translations[text][1] or not translations[text][0].strip():
            found.append(f"untranslated in gpf_bascule_{language}.ts: {text!r}")
    found.extend(f"stale in gpf_bascule_{language}.ts (not in the code): {text!r}" for text in translations
                 if text not in texts)
    return found


def lrelease() -> str | None:
    for candidate in ("lrelease", "/usr/lib/qt5/bin/lrelease", "lrelease-qt5"):
        found = shutil.which(candidate)
        if found:
            return found
    return None


def compile_ts(ts: Path, qm: Path) -> None:
    tool = lrelease()
    if tool is None:
        raise SystemExit("lrelease not found: apt-get install qttools5-dev-tools (make system-deps installs it)")
    subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("update", "check", "compile"))
    args = parser.parse_args(argv)
    if args.command == "update":
        occurrences, errors = extract()
        for error in errors:
            print(error, file=sys.stderr)
        texts = unique_texts(occurrences)
        I18N_DIR.mkdir(parents=True, exist_ok=True)
        for language in LANGUAGES:
            counts = write_ts(ts_path(language), language, texts, occurrences)
            print(f"{ts_path(language).relative_to(ROOT)}: {len(texts)} strings, {counts['finished']} translated, "
                  f"{counts['unfinished']} unfinished, {counts['new']} new, {counts['dropped']} dropped")
        return 1 if errors else 0
    if args.command == "check":
        found = problems("en")
        for problem in found:
            print(problem, file=sys.stderr)
        return 1 if found else 0
    for language in LANGUAGES:
        compile_ts(ts_path(language), ts_path(language).with_suffix(".qm"))
        print(ts_path(language).with_suffix(".qm").relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
