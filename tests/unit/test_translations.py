"""Every UI string of the code has a finished English translation, and the .ts files hold nothing stale.

The strings are the literal first arguments of the `tr(…)` calls, read with tools/i18n.py (Python's ast module);
after changing a UI text: `python3 tools/i18n.py update`, translate in resources/i18n/gpf_bascule_en.ts.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from gpf_bascule.tests.tool_modules import load_tool

ROOT = Path(__file__).resolve().parents[2]


i18n = load_tool("i18n")
OCCURRENCES, ERRORS = i18n.extract()
TEXTS = i18n.unique_texts(OCCURRENCES)
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def test_the_code_has_ui_strings_to_translate() -> None:
    assert len(TEXTS) > 200
    assert "Rechercher : bâti 2154, ortho 1950…" in TEXTS  # the dock
    assert "GPF Bascule — à propos" in TEXTS  # plugin.py
    assert "Basculer des projets QGIS (fichier ou dossier)" in TEXTS  # Processing


def test_every_tr_call_has_a_literal_text_in_the_plugin_context() -> None:
    """tr(f"…") or tr(variable) cannot be extracted: use tr("… {name} …").format(name=…)."""
    assert ERRORS == []


def test_every_string_has_a_finished_english_translation() -> None:
    translations = i18n.read_ts(i18n.ts_path("en"))
    missing = [text for text in TEXTS if text not in translations]
    unfinished = [text for text in TEXTS if text in translations
                  and not (translations[text][1] and translations[text][0].strip())]
    assert missing == [], "run `python3 tools/i18n.py update`, then translate them in gpf_bascule_en.ts"
    assert unfinished == [], "translate them in resources/i18n/gpf_bascule_en.ts (and drop type=\"unfinished\")"


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_no_translation_is_stale(language: str) -> None:
    translations = i18n.read_ts(i18n.ts_path(language))
    assert sorted(set(translations) - set(TEXTS)) == [], "run `python3 tools/i18n.py update`"


def test_french_is_the_source_language() -> None:
    translations = i18n.read_ts(i18n.ts_path("fr"))
    assert set(translations) == set(TEXTS)
    assert all(translation == (source, True) for source, translation in translations.items())


def test_translations_keep_the_placeholders_and_the_markup() -> None:
    """A lost {name} would raise KeyError at run time; a lost tag would break the rich text."""
    wrong = []
    for source, (translation, _finished) in i18n.read_ts(i18n.ts_path("en")).items():
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(translation)):
            wrong.append((source, translation))
        elif sorted(re.findall(r"</?\w+", source)) != sorted(re.findall(r"</?\w+", translation)):
            wrong.append((source, translation))
    assert wrong == []


def test_the_one_tr_helper_translates_in_the_plugin_context() -> None:
    """i18n.py holds the plugin's only `tr()`; it must use the "GpfBascule" context of the .ts files."""
    helpers = 0
    for path in i18n.source_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants = {
            target.id: node.value.value for node in tree.body if isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Constant) for target in node.targets if isinstance(target, ast.Name)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.name == "tr":
                helpers += 1
                calls = [call for call in ast.walk(node) if isinstance(call, ast.Call)
                         and isinstance(call.func, ast.Attribute) and call.func.attr == "translate"]
                assert len(calls) == 1, path
                context = calls[0].args[0]
                value = context.value if isinstance(context, ast.Constant) else constants.get(context.id)
                assert value == i18n.CONTEXT, f"{path}: tr() translates in context {value!r}"
    assert helpers == 1  # a second helper would be one more place to keep right


def test_no_string_is_translated_at_import_time() -> None:
    """A tr() run when the module is imported would keep the language of that moment (before the translator)."""
    found = []

    def visit(node: ast.AST, path: Path) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                continue
            if isinstance(child, ast.Call) and isinstance(child.func, ast.Name) and child.func.id == "tr":
                found.append(f"{path.name}:{child.lineno}")
            visit(child, path)

    for path in i18n.source_files():
        visit(ast.parse(path.read_text(encoding="utf-8")), path)
    assert found == []


def test_extractor_reads_the_helpers_self_tr_and_translate(tmp_path: Path) -> None:
    (tmp_path / "ui").mkdir()
    module = tmp_path / "ui" / "sample.py"
    module.write_text(
        "from qgis.PyQt.QtCore import QCoreApplication\n"
        "def tr(message):\n"
        "    return QCoreApplication.translate('GpfBascule', message)\n"
        "class Algorithm:\n"
        "    def f(self, n):\n"
        "        a = tr('Un {n} ' 'deux').format(n=n)\n"
        "        b = self.tr('Trois')\n"
        "        c = QCoreApplication.translate('GpfBascule', 'Quatre')\n"
        "        d = QCoreApplication.translate('Autre', 'Cinq')\n"
        "        e = tr(f'Six {n}')\n"
        "        return 'abc'.translate({}), a, b, c, d, e\n",
        encoding="utf-8",
    )
    occurrences, errors = i18n.extract([module], root=tmp_path)
    assert [(o.text, o.path, o.line) for o in occurrences] == [
        ("Un {n} deux", "ui/sample.py", 6), ("Trois", "ui/sample.py", 7), ("Quatre", "ui/sample.py", 8)
    ]
    assert [error.split(":")[1] for error in errors] == ["9", "10"]


def test_update_keeps_translations_marks_new_strings_unfinished_and_drops_old_ones(tmp_path: Path) -> None:
    occurrences = [i18n.Occurrence("Gardée", "a.py", 1), i18n.Occurrence("Nouvelle", "a.py", 2)]
    path = tmp_path / "gpf_bascule_en.ts"
    i18n.write_ts(path, "en", ["Gardée", "Ancienne"], [i18n.Occurrence("Gardée", "a.py", 1),
                                                     i18n.Occurrence("Ancienne", "a.py", 3)])
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('<translation type="unfinished" />', "<translation>Kept</translation>", 1),
                    encoding="utf-8")
    counts = i18n.write_ts(path, "en", ["Gardée", "Nouvelle"], occurrences)
    assert i18n.read_ts(path) == {"Gardée": ("Kept", True), "Nouvelle": ("", False)}
    assert counts == {"finished": 1, "unfinished": 1, "new": 1, "dropped": 1}
    i18n.write_ts(tmp_path / "gpf_bascule_fr.ts", "fr", ["Gardée"], occurrences)
    assert i18n.read_ts(tmp_path / "gpf_bascule_fr.ts") == {"Gardée": ("Gardée", True)}
