"""The folder dialog and task with projects stored in a GeoPackage or PostgreSQL: an address (typed, or built from
a GeoPackage picked), in place only (the output folder is not offered), through the same folder task; a GeoPackage
written by QGIS is simulated, then migrated in its row with a backup row, and QGIS reopens it."""

from __future__ import annotations

from pathlib import Path

from gpf_bascule.bascule.folder_task import FolderMigrationTask, geopackage_uri
from gpf_bascule.tests.qgis.test_processing_stores import gpkg_rows, stored_gpkg
from gpf_bascule.tests.qgis.test_project_storage import reopen_with_qgis
from gpf_bascule.ui.folder_dialog import FolderDialog


def test_the_dialog_takes_a_store_address_in_place_only(tmp_path, qtbot) -> None:
    dialog = FolderDialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not dialog.store_row.isVisibleTo(dialog)
    dialog.output_radio.setChecked(True)

    dialog.store_radio.setChecked(True)
    assert dialog.store_row.isVisibleTo(dialog) and not dialog.input_widget.isVisibleTo(dialog)
    assert dialog.in_place_radio.isChecked() and not dialog.output_radio.isEnabled()
    assert not dialog.output_widget.isEnabled() and not dialog.undo_button.isEnabled()
    assert "sauvegarde" in dialog.in_place_radio.text()  # the backup table is named in the hint, once an address is in
    assert dialog.job() is None and not ok.isEnabled()

    dialog.store_edit.setText("postgresql://jean:S3cr3t@sig.example.org?dbname=sig&schema=projets")
    assert dialog.job() is None and "mot de passe" in dialog.hint.text() and "S3cr3t" not in dialog.hint.text()
    dialog.store_edit.setText("postgresql://sig.example.org?dbname=sig")
    assert dialog.job() is None and "schéma" in dialog.hint.text()
    missing = tmp_path / "absent.gpkg"
    dialog.store_edit.setText(geopackage_uri(str(missing)))
    assert dialog.job() is None and str(missing) in dialog.hint.text()

    gpkg = tmp_path / "projets.gpkg"
    gpkg.write_bytes(b"")
    uri = geopackage_uri(str(gpkg))
    assert uri == f"geopackage:{gpkg.resolve()}"
    dialog.store_edit.setText(uri)
    job = dialog.job()
    assert ok.isEnabled() and "qgis_projects_gpf_backup" in dialog.hint.text()
    assert job.paths == (uri,) and job.in_place and job.output_dir is None and job.stored
    assert Path(job.report_path).parent == gpkg.resolve().parent
    assert Path(job.report_path).name.startswith("rapport-bascule-projets-")

    service = "postgresql://sig.example.org:5432?dbname=sig&schema=projets&project=PLU"
    dialog.store_edit.setText(service)
    job = dialog.job()
    assert job.paths == (service,) and job.in_place and Path(job.report_path).parent == Path.home()

    state = dialog.state()
    assert (state["input_kind"], state["inputs"], state["target"]) == ("store", service, "in_place")
    again = FolderDialog(state=state)
    qtbot.addWidget(again)
    assert again.store_radio.isChecked() and again.input_paths() == (service,)
    assert not again.output_radio.isEnabled()

    again.folder_radio.setChecked(True)  # back to files and folders: the output folder is offered again
    assert again.output_radio.isEnabled() and again.undo_button.isEnabled()
    assert again.input_widget.isVisibleTo(again) and not again.store_row.isVisibleTo(again)
    assert again.input_paths() == ()


def test_the_folder_task_migrates_a_geopackage_written_by_qgis(project, offline, tmp_path, qtbot) -> None:
    gpkg, uri, before = stored_gpkg(project, tmp_path)
    stored = gpkg_rows(gpkg)
    dialog = FolderDialog()
    qtbot.addWidget(dialog)
    dialog.store_radio.setChecked(True)
    dialog.store_edit.setText(geopackage_uri(str(gpkg)))
    dialog.dry_run_check.setChecked(True)
    assert "rien n'est modifié" in dialog.hint.text()

    preview = FolderMigrationTask(dialog.job(), open_report=False)
    assert preview.run()
    assert preview.outcome.summary["files"]["migrated"] == 1 and gpkg_rows(gpkg) == stored
    assert "rien n'a été modifié dans la base" in preview.message()[1]
    assert Path(preview.job.report_path).is_file()

    dialog.dry_run_check.setChecked(False)
    task = FolderMigrationTask(dialog.job(), open_report=False)
    assert task.run()
    task.finished(True)
    assert [result.path for result in task.outcome.results] == [uri]
    assert task.outcome.summary["files"]["migrated"] == 1
    assert [row[1:] for row in gpkg_rows(gpkg, "qgis_projects_gpf_backup")] == [stored[0][1:]]
    assert uri in Path(task.job.report_path).read_text(encoding="utf-8")
    reopen_with_qgis(project, uri, before)
