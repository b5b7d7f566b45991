"""Reports in the user's language: the sentences of mapping/ stay Messages up to the report, which translates them
(and its own words) through a `translate` function before redacting; by default everything stays French as before."""

from __future__ import annotations

import ast
import csv
import io
import json
import sys
import warnings
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import qgis_samples as samples  # noqa: E402

from gpf_bascule.mapping import batch, project_files, report  # noqa: E402
from gpf_bascule.mapping.engine import migrate_source  # noqa: E402
from gpf_bascule.mapping.messages import Message, msg, unchanged  # noqa: E402
from gpf_bascule.mapping.outcome import FILE_ERROR, FILE_MIGRATED, FileResult, SourceOutcome  # noqa: E402
from gpf_bascule.mapping.result import UNMAPPED  # noqa: E402

GENERATED = datetime(2025, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
DATE = (2020, 1, 1, 0, 0, 0)
MAPPING = Path(report.__file__).resolve().parent

#: An old WMTS layer the Géoplateforme no longer serves: the engine leaves it with a registry reason.
ORTHO_EXPRESS_2022 = (
    "contextualWMSLegend=0&crs=EPSG:3857&dpiMode=7&featureCount=10&format=image/png"
    "&layers=ORTHOIMAGERY.ORTHOPHOTOS.ORTHO-EXPRESS.2022&styles=normal&tileMatrixSet=PM"
    "&url=https://wxs.ign.fr/ortho/geoportail/wmts?SERVICE%3DWMTS%26REQUEST%3DGetCapabilities"
)

ENGLISH = {
    "Rapport de bascule Géoportail → Géoplateforme": "Géoportail → Géoplateforme migration report",
    "Produit le {generated} par {tool}": "Made on {generated} by {tool}",
    "simulation (--dry-run) : aucun fichier écrit": "dry run (--dry-run): no file written",
    "Fichiers": "Files",
    "Nombre": "Count",
    "Sources de données": "Data sources",
    "traités": "processed",
    "total": "all",
    "Couche": "Layer",
    "Fournisseur": "Provider",
    "Statut": "Status",
    "Ancienne source → nouvelle source": "Old source → new source",
    "Motif et avertissements": "Reason and warnings",
    "(identique)": "(same)",
    "Sortie : {path}": "Output: {path}",
    "Sauvegarde : {path}": "Backup: {path}",
    "Aucune source de données.": "No data source.",
    "basculée": "switched",
    "inchangée": "kept",
    "sans équivalent": "no match",
    "basculée, clé personnelle requise": "switched, personal key needed",
    "modifié": "changed",
    "inchangé": "same",
    "erreur": "failed",
    "archive .qgz corrompue ({detail})": "damaged .qgz archive: {detail}",
    "ortho-express 2022 retirée de la Géoplateforme : choisissez ORTHOIMAGERY.ORTHOPHOTOS ou un autre millésime "
    "dans le catalogue": "ortho-express 2022 withdrawn from the Géoplateforme: pick another year in the catalogue",
}


def english(template: str) -> str:
    """A fake catalogue: QCoreApplication.translate gives the source text back when it has no translation."""
    return ENGLISH.get(template, template)


def _unmapped_source() -> SourceOutcome:
    migration = migrate_source("wms", ORTHO_EXPRESS_2022)
    assert migration.status == UNMAPPED and isinstance(migration.reason, Message)
    return SourceOutcome.from_migration("ortho_1", "Ortho express", "wms", migration)


@pytest.fixture
def results(tmp_path) -> list[FileResult]:
    """A real batch run: one project with an unmapped layer (engine reason), one corrupt .qgz (file error)."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.qgs").write_bytes(samples.project([("ortho_1", "Ortho express", "raster", "wms", ORTHO_EXPRESS_2022),
                                                    samples.LAYERS[0]]))
    (inputs / "b.qgz").write_bytes(b"PK\x03\x04 this is not really a zip")
    found = batch.run([str(inputs)], output_dir=str(tmp_path / "out"))
    assert [result.status for result in found] == [FILE_MIGRATED, FILE_ERROR]
    return found


# --- the HTML page ----------------------------------------------------------------------------------------


def test_html_report_is_translated_labels_reasons_and_errors(results):
    page = report.render("r.html", results, generated=GENERATED, translate=english, language="en")
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert "<title>Géoportail → Géoplateforme migration report</title>" in page
    assert "<h1>Géoportail → Géoplateforme migration report</h1>" in page
    assert "Made on 2025-01-02T03:04:05+00:00 by gpf-bascule" in page
    assert "<th>Files</th><th>Count</th><th>Data sources</th><th>Count</th>" in page
    assert ("<th>Layer</th><th>Provider</th><th>Status</th><th>Old source → new source</th>"
            "<th>Reason and warnings</th>") in page
    assert '<td style="text-align:left">processed</td>' in page and '<td style="text-align:left">all</td>' in page
    # status labels are translated; the machine word is only the badge's CSS class (people read the label alone)
    assert '<span class="badge unmapped">no match</span>' in page
    assert '<span class="badge migrated">switched</span>' in page
    assert '<span class="badge error">failed</span>' in page
    assert '<span class="badge migrated">changed</span>' in page
    assert "(unmapped)" not in page and "(migrated)" not in page
    assert "(same)" in page and "Output: " in page
    # the engine's reason and the batch's file error, in English
    assert "ortho-express 2022 withdrawn from the Géoplateforme: pick another year in the catalogue" in page
    assert "damaged .qgz archive: " in page
    for french in ("Rapport de bascule", "Produit le", "Couche", "Fournisseur", "Motif", "(identique)", "Sortie :",
                   "basculée", "sans équivalent", "retirée de la Géoplateforme", "archive .qgz corrompue"):
        assert french not in page, french


def test_html_report_translates_backup_empty_file_and_dry_run():
    found = [FileResult(path="a.qgs", output="a.qgs", status=FILE_MIGRATED, backup="a.qgs.bak-gpf-1"),
             FileResult(path="b.qgs", output="out/b.qgs")]
    page = report.render_html(report.to_dict(found, dry_run=True, generated=GENERATED), translate=english,
                              language="en")
    assert "Backup: a.qgs.bak-gpf-1" in page and "Sauvegarde" not in page
    assert "No data source." in page and "Aucune source" not in page
    assert " — dry run (--dry-run): no file written</p>" in page and "simulation" not in page


def test_translated_html_escapes_the_translation_and_the_fields():
    found = [FileResult(path="a.qgs", output="<out>/a.qgs")]
    page = report.render("r.html", found, generated=GENERATED, translate=lambda t: {
        "Sortie : {path}": "Output <b>{path}</b>", "Aucune source de données.": "None & nothing",
    }.get(t, t), language='en"><script>')
    assert "Output &lt;b&gt;&lt;out&gt;/a.qgs&lt;/b&gt;" in page
    assert "None &amp; nothing" in page
    assert "<script>" not in page


def test_a_broken_translation_falls_back_to_french(results):
    page = report.render("r.html", results, generated=GENERATED,
                         translate=lambda t: {"archive .qgz corrompue ({detail})": "damaged {oops}"}.get(t, t))
    assert "archive .qgz corrompue (" in page


def test_personal_key_in_a_translated_text_is_still_redacted():
    key = samples.PERSONAL_KEY
    found = [FileResult(
        path="c.qgz", status=FILE_ERROR,
        error=msg("archive .qgz corrompue ({detail})", detail=f"https://wxs.ign.fr/{key}/geoportail/wmts"),
        notes=[msg("donnée locale {path} non copiée ({detail})", path="./d.gpkg",
                   detail=f"https://wxs.ign.fr/{key}/x")],
        sources=[SourceOutcome("l", "L", "wms", UNMAPPED, "url=x", "url=x",
                               reason=msg("la couche {name} n'existe plus sur la Géoplateforme",
                                          name=f"https://wxs.ign.fr/{key}/y"),
                               warnings=(msg("style « {old} » devenu « {new} » sur la Géoplateforme",
                                             old=f"wxs.ign.fr/{key}/z", new="normal"),))],
    )]
    translate = {
        "archive .qgz corrompue ({detail})": "damaged .qgz archive: {detail}",
        "donnée locale {path} non copiée ({detail})": "local data {path} not copied: {detail}",
        "la couche {name} n'existe plus sur la Géoplateforme": "layer {name} is gone",
        "style « {old} » devenu « {new} » sur la Géoplateforme": "style {old} is now {new}",
    }.get
    for suffix in (".html", ".json", ".csv"):
        text = report.render("r" + suffix, found, generated=GENERATED, translate=lambda t: translate(t, t))
        assert key not in text, suffix
        for english_text in ("damaged .qgz archive: https://", "layer https://wxs.ign.fr/", "style wxs.ign.fr/"):
            assert english_text in text, (suffix, english_text)
        if suffix != ".csv":  # the CSV has no notes column
            assert "local data ./d.gpkg not copied: https://wxs.ign.fr/" in text, suffix


# --- JSON and CSV: human text translated, machine fields never -----------------------------------------------


def test_json_and_csv_translate_only_the_sentences_for_people(results):
    data = json.loads(report.render("r.json", results, generated=GENERATED, translate=english, language="en"))
    first, second = data["files"]
    assert first["status"] == "migrated" and second["status"] == "error"
    assert {layer["status"] for layer in first["layers"]} == {"unmapped", "migrated"}
    assert set(data["summary"]["files"]) == {"total", "migrated", "unchanged", "error"}
    assert first["layers"][0]["reason"].startswith("ortho-express 2022 withdrawn")
    assert second["error"].startswith("damaged .qgz archive: ")
    rows = list(csv.reader(io.StringIO(report.render("r.csv", results, generated=GENERATED, translate=english))))
    assert tuple(rows[0]) == report.CSV_COLUMNS
    assert rows[1][2] == "migrated" and rows[1][7] == "unmapped"
    assert rows[1][10].startswith("ortho-express 2022 withdrawn")
    assert rows[3][2] == "error" and rows[3][3].startswith("damaged .qgz archive: ")


# --- by default: French, as before -------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".html", ".json", ".csv"])
def test_default_translation_changes_nothing(results, suffix):
    default = report.render("r" + suffix, results, dry_run=True, generated=GENERATED)
    assert report.render("r" + suffix, results, dry_run=True, generated=GENERATED,
                         translate=unchanged, language="fr") == default
    assert report.render("r" + suffix, results, dry_run=True, generated=GENERATED, translate=lambda t: t) == default


def test_default_html_keeps_the_french_page():
    found = [
        FileResult(path="a.qgs", output="out/a.qgs", status=FILE_MIGRATED, backup="a.bak",
                   sources=[_unmapped_source()]),
        FileResult(path="b.qgs", output="out/b.qgs"),
        FileResult(path="c.qgz", status=FILE_ERROR, error=msg("archive .qgz corrompue ({detail})", detail="x")),
    ]
    page = report.render("r.html", found, dry_run=True, generated=GENERATED)
    for expected in (
        '<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8">',
        "<title>Rapport de bascule Géoportail → Géoplateforme</title>",
        "<h1>Rapport de bascule Géoportail → Géoplateforme</h1>",
        f'<p class="muted">Produit le 2025-01-02T03:04:05+00:00 par {report.tool_name()}'
        " — simulation (--dry-run) : aucun fichier écrit</p>",
        '<table class="summary"><tr><th>Fichiers</th><th>Nombre</th><th>Sources de données</th><th>Nombre</th></tr>',
        '<tr><td style="text-align:left">traités</td><td>3</td><td style="text-align:left">total</td><td>1</td></tr>',
        '<span class="badge unmapped">sans équivalent</span>',
        '<h2>a.qgs <span class="badge migrated">modifié</span></h2>',
        '<td style="text-align:left"><span class="badge migrated">à basculer</span></td>',  # a dry run: preview
        '<p class="muted">Sortie : out/a.qgs</p>',
        '<p class="muted">Sauvegarde : a.bak</p>',
        "<table><tr><th>Couche</th><th>Fournisseur</th><th>Statut</th>"
        "<th>Ancienne source → nouvelle source</th><th>Motif et avertissements</th></tr>",
        '<br><span class="muted">(identique)</span>',
        "ortho-express 2022 retirée de la Géoplateforme",
        '<p class="muted">Aucune source de données.</p>',
        '<p><span class="badge error">erreur</span> archive .qgz corrompue (x)</p>',
    ):
        assert expected in page, expected


# --- the Messages of project_files and qgis_xml reach FileResult.error -----------------------------------------


def _templates(*modules: str) -> set[str]:
    """The literal templates of every msg("…") call in these mapping modules (what tools/i18n.py extracts)."""
    found = set()
    for name in modules:
        tree = ast.parse((MAPPING / f"{name}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "msg":
                found.add(node.args[0].value)
    return found


def _encrypted_qgz() -> bytes:
    """The "encrypted" flag set on the project entry (zipfile cannot write one: the bit is set in the bytes)."""
    data = bytearray(samples.make_zip([("demo.qgs", samples.project(), zipfile.ZIP_STORED, DATE)]))
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        data[data.index(signature) + offset] |= 0x1
    return bytes(data)


def _duplicate_qgz() -> bytes:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate name it writes
        return samples.make_zip([("demo.qgs", samples.project(), zipfile.ZIP_STORED, DATE)] * 2)


ENTITIES = b"<!DOCTYPE qgis [<!ENTITY a 'b'>]>\n<qgis version='3.0'/>"
BAD_FILES = {
    "not-zip.qgz": (b"PK\x03\x04 not a zip", "archive .qgz corrompue ({detail})"),
    "no-qgs.qgz": (samples.make_zip([("a.qgd", b"x", zipfile.ZIP_STORED, DATE)]), "archive .qgz sans projet .qgs"),
    "two-qgs.qgz": (
        samples.make_zip([(n, samples.project(), zipfile.ZIP_DEFLATED, DATE) for n in ("a.qgs", "b.qgs")]),
        "archive .qgz ambiguë : plusieurs projets .qgs ({listed})",
    ),
    "slip.qgz": (samples.qgz(name="../evil.qgs"),
                 "archive .qgz refusée : l'entrée {name} sort du dossier de l'archive"),
    "twice.qgz": (_duplicate_qgz(), "archive .qgz refusée : entrée {name} en double"),
    "encrypted.qgz": (_encrypted_qgz(), "archive .qgz chiffrée : non prise en charge"),
    "qlr-inside.qgz": (samples.qgz(qgs=samples.qlr()), "racine XML <{tag}> inattendue : {expected}"),
    "bad-xml.qgs": (b"<qgis><unclosed></qgis>", "XML invalide ({detail})"),
    "utf16.qgs": ("<qgis/>".encode("utf-16"), "encodage UTF-16/UTF-32 non pris en charge (QGIS écrit de l'UTF-8)"),
    "ebcdic.qgs": (
        b'<?xml version="1.0" encoding="EBCDIC-US"?><qgis/>', "encodage XML non pris en charge : {encoding}"
    ),
    "entities.qgs": (ENTITIES, "DTD interne déclarant des entités : document refusé (risque d'expansion ou de fuite)"),
    "layers.qlr": (samples.project(), "racine XML <{tag}> inattendue : {expected}"),
    "conn.xml": (b"<qgis/>", "racine XML <{tag}> inattendue : {expected}"),
    "notes.txt": (
        b"hello", "type de fichier non pris en charge (attendu : .qgs, .qgz, .qlr ou export de connexions .xml)"
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_file_errors_keep_their_template_through_the_batch(tmp_path, name):
    data, template = BAD_FILES[name]
    assert template in _templates("project_files", "qgis_xml")
    (tmp_path / name).write_bytes(data)
    (result,) = batch.run([str(tmp_path / name)], output_dir=str(tmp_path / "out"))
    assert result.status == FILE_ERROR
    assert isinstance(result.error, Message) and result.error.template == template
    assert str(result.error) == " ".join(str(result.error).split())  # one line, as before
    assert result.error.translated(lambda t: "EN " + t).startswith("EN ")


def test_a_too_big_project_entry_keeps_its_template(tmp_path, monkeypatch):
    monkeypatch.setattr(project_files, "_MAX_QGS_BYTES", 10)
    (tmp_path / "big.qgz").write_bytes(samples.qgz())
    (result,) = batch.run([str(tmp_path / "big.qgz")], output_dir=str(tmp_path / "out"))
    assert result.error.template == "archive .qgz refusée : projet .qgs annoncé trop gros (bombe zip ?)"


def test_batch_refusals_and_notes_are_messages(tmp_path):
    (result,) = batch.run([str(tmp_path / "missing.qgs")], output_dir=str(tmp_path / "out"))
    assert isinstance(result.error, Message) and result.error.template == "fichier ou dossier introuvable"
    (tmp_path / "a.qgs").write_bytes(samples.project([("l", "L", "vector", "ogr", "../outside.gpkg|layername=x")]))
    (tmp_path / "outside.gpkg").write_bytes(b"x")
    (result,) = batch.run([str(tmp_path / "a.qgs")], output_dir=str(tmp_path / "out"))
    (note,) = result.notes
    assert isinstance(note, Message) and note.fields == {"path": "../outside.gpkg"}
    assert note == ("donnée locale ../outside.gpkg hors du dossier de sortie : non copiée, la couche sera à relier")


def test_one_line_keeps_a_message_when_its_fields_span_lines():
    message = msg("archive .qgz corrompue ({detail})", detail="bad\n  header")
    result = batch._failed(FileResult(path="x"), message)
    assert result.error == "archive .qgz corrompue (bad header)"
    assert isinstance(result.error, Message) and result.error.fields == {"detail": "bad header"}
