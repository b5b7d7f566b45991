"""The plugin follows QGIS's language: English UI with the English .qm, French UI (the source) with French.

The .qm files are build products (`make translations`); here resources/i18n/*.ts are compiled with lrelease into
a temporary plugin folder, and QGIS's locale is set as its Options dialog does (locale/overrideFlag,
locale/userLocale). GPF_BASCULE_SCREENSHOTS=<folder> also saves the English dock there (gpf-dock-en.png).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication

import gpf_bascule
from gpf_bascule import plugin as plugin_module
from gpf_bascule.catalog.entry import NOTE_PRIVATE, NOTE_SEPARATOR, NOTE_WMS_V
from gpf_bascule.tests.qgis.catalog_samples import small_catalog
from gpf_bascule.tests.qgis.test_project_bascule import demo_copy
from gpf_bascule.ui.bascule_dialog import BasculeDialog
from gpf_bascule.ui.catalog_dock import details_html

ROOT = Path(gpf_bascule.__file__).resolve().parent


def _lrelease() -> str:
    for name in ("lrelease", "/usr/lib/qt5/bin/lrelease", "lrelease-qt5"):
        if shutil.which(name):
            return shutil.which(name)
    pytest.fail("lrelease not found: make system-deps installs qttools5-dev-tools")


@pytest.fixture
def locale(tmp_path, monkeypatch):
    """Set QGIS's UI language the way its Options dialog does, with the .qm files compiled into a temporary folder."""
    i18n = tmp_path / "resources" / "i18n"
    i18n.mkdir(parents=True)
    for ts in sorted((ROOT / "resources" / "i18n").glob("*.ts")):
        subprocess.run([_lrelease(), "-silent", str(ts), "-qm", str(i18n / (ts.stem + ".qm"))], check=True)
    monkeypatch.setattr(plugin_module, "PLUGIN_DIR", tmp_path)
    settings = QgsSettings()
    saved = {key: settings.value(key) for key in ("locale/overrideFlag", "locale/userLocale")}

    def choose(language: str) -> None:
        settings.setValue("locale/overrideFlag", True)
        settings.setValue("locale/userLocale", language)

    yield choose
    for key, value in saved.items():
        if value is None:
            settings.remove(key)
        else:
            settings.setValue(key, value)


@pytest.fixture
def start(qgis_iface):
    """classFactory + initGui as QGIS does once its language is set; every started plugin is unloaded after."""
    started = []

    def run():
        instance = gpf_bascule.classFactory(qgis_iface)
        instance.initGui()
        started.append(instance)
        return instance

    yield run
    for instance in started:
        instance.unload()


def _show_dock(instance, qtbot):
    dock = instance.catalog_dock.dock
    dock.resize(420, 720)
    dock.show()
    qtbot.waitExposed(dock)
    qtbot.waitUntil(lambda: dock.is_built)
    return dock


def test_english_qgis_shows_the_english_ui(locale, start, qtbot) -> None:
    locale("en_GB")
    instance = start()
    assert instance.about_action.text() == "GPF Bascule — About"
    assert instance.about_action.statusTip() == "How to migrate a Géoportail project to the Géoplateforme"
    assert instance.catalog_dock.action.toolTip() == "Géoplateforme catalog: search and add IGN layers"
    assert "The old Géoportail services" in instance.about_text()
    dock = _show_dock(instance, qtbot)
    assert dock.search.placeholderText() == "Search: bâti 2154, ortho 1950…"
    assert dock.bascule_button.text() == "Migrate the Project…"
    assert dock.by_theme.text() == "By Theme"
    assert re.fullmatch(r"\d{1,3}(,\d{3})* layers( — \d+ test layers hidden)?", dock.status.text())  # 1,815
    assert re.fullmatch(r"Catalog of \d{4}-\d{2}-\d{2}", dock.status.toolTip())
    provider = QgsApplication.processingRegistry().providerById("gpf_bascule")
    names = sorted(algorithm.displayName() for algorithm in provider.algorithms())
    assert names == ["Géoplateforme Catalog (Table)", "Migrate Projects Stored in a Database (GeoPackage, PostgreSQL)",
                     "Migrate QGIS Projects (File or Folder)",
                     "Migrate a Connections Export", "Undo an In-Place Migration (Restore the Backups)"]
    folder = os.environ.get("GPF_BASCULE_SCREENSHOTS")
    if folder:
        qtbot.wait(300)
        dock.grab().save(str(Path(folder) / "gpf-dock-en.png"))
    dock.hide()


def test_french_qgis_shows_the_french_ui(locale, start, qtbot) -> None:
    locale("fr_FR")
    instance = start()
    assert instance._translator is not None  # the French .qm loads too (French locale, source = translation)
    assert instance.about_action.text() == "GPF Bascule — à propos"
    dock = _show_dock(instance, qtbot)
    assert dock.search.placeholderText() == "Rechercher : bâti 2154, ortho 1950…"
    assert dock.bascule_button.text() == "Basculer le projet…"
    assert re.fullmatch(r"\d{1,3}(\u202f\d{3})* couches( — \d+ couches de test masquées)?", dock.status.text())
    assert re.fullmatch(r"Catalogue du \d{2}/\d{2}/\d{4}", dock.status.toolTip())
    dock.hide()


def test_unload_takes_the_translation_away(locale, start) -> None:
    locale("en")
    instance = start()
    assert plugin_module.tr("Fermer") == "Close"
    instance.unload()
    assert plugin_module.tr("Fermer") == "Fermer"
    assert QCoreApplication.translate("GpfBascule", "Annuler") == "Annuler"


def test_another_language_without_qm_keeps_the_french_source(locale, start) -> None:
    locale("de_DE")
    instance = start()
    assert instance._translator is None
    assert instance.about_action.text() == "GPF Bascule — à propos"


def test_english_qgis_shows_the_engine_reasons_in_english(locale, start, project, offline, qgis_iface, qtbot,
                                                           tmp_path) -> None:
    """The engine writes French (command line, reports); the dialog and the dock translate its sentences."""
    locale("en_GB")
    start()
    assert project.read(str(demo_copy(tmp_path)))
    dialog = BasculeDialog(project, qgis_iface, history=[])
    qtbot.addWidget(dialog)
    text = dialog.all_text()
    assert "licensed (non-free) layer: it is served by data.geopf.fr/private" in text
    assert "ortho-express 2022 withdrawn from the Géoplateforme" in text  # a reason written in the registry
    assert "couche sous licence" not in text and "retirée de la Géoplateforme" not in text
    reasons = {dialog.plan_of(item).reason for item in dialog._items()} - {""}
    assert any("couche sous licence" in reason for reason in reasons)  # the plans themselves stay French
    entry = next(entry for entry in small_catalog().layers if entry.needs_key)
    shown = details_html(replace(entry, note=NOTE_SEPARATOR.join([NOTE_WMS_V, NOTE_PRIVATE])))
    assert "no WMS vector capabilities read" in shown and "a personal cartes.gouv.fr key is needed" in shown


def test_english_qgis_writes_an_english_html_report(locale, start, tmp_path) -> None:
    """The folder task and Processing write the report with tr() and report_language(): English under English."""
    from gpf_bascule.i18n import report_language, tr
    from gpf_bascule.mapping.batch import run
    from gpf_bascule.mapping.report import write_report

    broken = tmp_path / "in" / "abime.qgz"
    broken.parent.mkdir()
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    results = run([str(broken)], output_dir=str(tmp_path / "out"))
    report = tmp_path / "rapport.html"
    locale("en_GB")
    start()
    assert report_language() == "en"
    write_report(str(report), results, translate=tr, language=report_language())
    page = report.read_text(encoding="utf-8")
    assert '<html lang="en">' in page and "Géoportail → Géoplateforme migration report" in page
    assert "corrupt .qgz archive" in page and "archive .qgz corrompue" not in page
