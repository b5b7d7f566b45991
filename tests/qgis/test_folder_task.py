"""Folder bascule inside QGIS: the task migrates a folder in a worker thread, reports, and stops on cancel."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from qgis.core import Qgis, QgsApplication, QgsTask

import gpf_bascule
from gpf_bascule.bascule import folder_task
from gpf_bascule.bascule.folder_task import FolderJob, FolderMigrationTask, default_report_path
from gpf_bascule.mapping import batch
from gpf_bascule.tests.unit import qgis_samples as samples
from gpf_bascule.ui.bascule_actions import FolderRegistration
from gpf_bascule.ui.folder_dialog import FolderDialog

ROOT = Path(gpf_bascule.__file__).resolve().parent
DEMO = ROOT / "resources" / "demo"


@pytest.fixture
def projects(tmp_path: Path) -> Path:
    """The demo project and its data, a .qlr with old sources, and a file that is not a project at all."""
    folder = tmp_path / "projets"
    shutil.copytree(DEMO, folder)
    (folder / "sous-dossier").mkdir()
    (folder / "sous-dossier" / "couches.qlr").write_bytes(samples.qlr())
    (folder / "casse.qgz").write_bytes(b"ceci n'est pas une archive zip")
    return folder


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The URLs the task asks the desktop to open (none is really opened during tests)."""
    urls: list[str] = []
    monkeypatch.setattr(folder_task.QDesktopServices, "openUrl", lambda url: urls.append(url.toLocalFile()))
    return urls


def _job(projects: Path, output: Path | None, dry_run: bool = False) -> FolderJob:
    report = default_report_path((str(projects),), str(output) if output else None, output is None)
    return FolderJob((str(projects),), str(output) if output else None, output is None, dry_run, report)


def test_the_task_migrates_a_folder_in_a_worker_thread(projects, tmp_path, qgis_iface, qtbot, opened) -> None:
    output = tmp_path / "sortie"
    task = folder_task.start_folder_task(_job(projects, output), qgis_iface)
    progress: list[float] = []
    task.progressChanged.connect(progress.append)
    qtbot.waitUntil(lambda: task not in folder_task._alive, timeout=60000)

    outcome = task.outcome
    assert progress and max(progress) == 100
    assert (output / "projet_geoportail_2019.qgz").is_file()
    assert (output / "donnees" / "zones_etude.gpkg").is_file()  # local data follows the project
    assert (output / "sous-dossier" / "couches.qlr").is_file()
    assert not (output / "casse.qgz").exists()
    by_name = {Path(result.path).name: result for result in outcome.results}
    assert by_name["casse.qgz"].status == "error"
    assert by_name["projet_geoportail_2019.qgz"].status == "migrated"
    assert by_name["couches.qlr"].status == "migrated"
    report = output / "rapport-bascule.html"
    assert report.is_file() and "casse.qgz" in report.read_text(encoding="utf-8")
    assert opened == [str(report)]
    warnings = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning)
    assert any("1 en erreur" in message for message in warnings)  # the corrupt file makes it a warning


def test_in_place_keeps_backups_and_writes_the_report_beside_the_folder(projects, opened) -> None:
    job = _job(projects, None)
    assert Path(job.report_path).parent == projects.parent
    task = FolderMigrationTask(job, open_report=False)
    assert task.run()
    task.finished(True)
    assert Path(job.report_path).is_file()
    assert list(projects.glob("projet_geoportail_2019.qgz.bak-gpf-*"))
    assert list((projects / "sous-dossier").glob("couches.qlr.bak-gpf-*"))
    assert opened == []


def test_dry_run_writes_only_the_report(projects, tmp_path) -> None:
    output = tmp_path / "sortie"
    task = FolderMigrationTask(_job(projects, output, dry_run=True), open_report=False)
    assert task.run()
    assert [path.name for path in output.iterdir()] == ["rapport-bascule.html"]
    assert task.outcome.summary["files"]["migrated"] == 2


def test_the_folder_counts_switched_sources_as_the_bascule_dialog_does(tmp_path) -> None:
    """The demo project: 15 migrated + 1 needs-key. The dialog says 16 à basculer (test_bascule_dialog); so does
    the folder task, and 16 basculées once written (needs-key sources are switched too, their key aside)."""
    folder = tmp_path / "demo"
    shutil.copytree(DEMO, folder)
    for dry_run, words in ((True, "16 source(s) à basculer"), (False, "16 source(s) basculée(s)")):
        task = FolderMigrationTask(_job(folder, tmp_path / f"sortie-{dry_run}", dry_run=dry_run), open_report=False)
        assert task.run()
        assert task.outcome.summary["layers"]["migrated"] == 15 and task.outcome.summary["layers"]["needs-key"] == 1
        _, text = task.message()
        assert f"{words} (dont 1 avec clé personnelle requise), 1 sans équivalent" in text
        assert "migrated" not in text and "sans correspondance" not in text


def test_the_message_bar_keeps_the_counts_and_puts_the_rest_behind_more(projects, tmp_path, bar_iface) -> None:
    task = FolderMigrationTask(_job(projects, tmp_path / "sortie"), bar_iface, open_report=False)
    task.run()
    task.finished(True)
    (item,) = [item for item in bar_iface.bar.items() if item.title() == "GPF Bascule"]
    assert item.text().startswith("3 fichier(s) traité(s)") and "Rapport :" not in item.text()
    _, sentences = task.message_parts()
    assert sentences[-1].startswith("Rapport : ")  # behind "Plus" (and in the log), not cut off


def test_cancel_stops_between_files(projects, tmp_path, monkeypatch) -> None:
    output = tmp_path / "sortie"
    task = FolderMigrationTask(_job(projects, output), open_report=False)
    real_process = batch.process

    def process_then_cancel(*args, **kwargs):
        result = real_process(*args, **kwargs)
        task.cancel()  # the user presses "cancel" while the first file is being written
        return result

    monkeypatch.setattr(batch, "process", process_then_cancel)
    assert not task.run()
    assert task.outcome.cancelled
    assert len(task.outcome.results) == 1  # the file in progress finished, the next ones never started
    assert (output / "rapport-bascule.html").is_file()  # the report still tells what was done
    _, text = task.message()
    assert "annulée" in text


def test_cancelled_task_from_the_task_manager(projects, tmp_path, qtbot, opened) -> None:
    task = folder_task.start_folder_task(_job(projects, tmp_path / "sortie"), None, open_report=False)
    task.cancel()
    qtbot.waitUntil(lambda: task not in folder_task._alive, timeout=60000)
    assert task.outcome.cancelled or task.status() == QgsTask.TaskStatus.Terminated
    assert len(task.outcome.results) < 3


def test_dialog_fields_drive_the_task_parameters(projects, tmp_path, qtbot) -> None:
    dialog = FolderDialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert dialog.job() is None and not ok.isEnabled()

    dialog.input_widget.setFilePath(str(projects))
    dialog.output_widget.setFilePath(str(projects / "dedans"))
    assert dialog.job() is None and "dans le dossier" in dialog.hint.text()

    dialog.output_widget.setFilePath(str(tmp_path / "sortie"))
    job = dialog.job()
    assert ok.isEnabled()
    assert job.paths == (str(projects),) and job.output_dir == str(tmp_path / "sortie") and not job.in_place
    assert job.report_path == str(tmp_path / "sortie" / "rapport-bascule.html") and not job.dry_run

    dialog.in_place_radio.setChecked(True)
    dialog.dry_run_check.setChecked(True)
    job = dialog.job()
    assert job.in_place and job.output_dir is None and job.dry_run
    assert not dialog.output_widget.isEnabled()
    assert Path(job.report_path).parent == projects.parent

    dialog.files_radio.setChecked(True)
    assert dialog.job() is None  # switching to files empties the choice
    first, second = projects / "projet_geoportail_2019.qgz", projects / "sous-dossier" / "couches.qlr"
    dialog.input_widget.setFilePath(f'"{first}" "{second}"')
    assert dialog.job().paths == (str(first), str(second))


def test_the_dialog_gives_back_its_fields_and_the_restore_tool_its_last_folder(projects, tmp_path, qtbot) -> None:
    dialog = FolderDialog()
    qtbot.addWidget(dialog)
    dialog.input_widget.setFilePath(str(projects))
    dialog.in_place_radio.setChecked(True)
    dialog.dry_run_check.setChecked(True)
    state = dialog.state()
    assert state["last_processed"] == str(projects) and state["target"] == "in_place" and state["dry_run"] == "1"

    again = FolderDialog(state=state)  # what the registration does with GpfSettings.load_folder_state()
    qtbot.addWidget(again)
    assert again.input_paths() == (str(projects),) and again.in_place_radio.isChecked()
    assert again.dry_run_check.isChecked() and again.job() is not None
    again.input_widget.setFilePath("")  # nothing chosen now: the restore tool still opens on the last folder
    assert again.undo_parameters() == {"INPUT_FOLDER": str(projects)}

    files = FolderDialog(state={**state, "input_kind": "files", "inputs": f'"{projects / "casse.qgz"}"'})
    qtbot.addWidget(files)
    assert files.files_radio.isChecked() and files.input_paths() == (str(projects / "casse.qgz"),)


def test_the_restore_button_is_not_beside_cancel_nor_called_cancel(qtbot) -> None:
    dialog = FolderDialog()
    qtbot.addWidget(dialog)
    assert dialog.undo_button not in dialog.buttons.buttons()
    assert not dialog.undo_button.text().startswith("Annuler")
    assert not dialog.undo_button.autoDefault()


def test_the_registration_remembers_the_fields_through_settings(projects, qgis_iface, qtbot, monkeypatch) -> None:
    from qgis.core import QgsSettings

    from gpf_bascule.settings import FOLDER_KEYS, PREFIX, GpfSettings
    from gpf_bascule.ui import folder_dialog

    registration = FolderRegistration(qgis_iface)
    first = registration.build_dialog()
    qtbot.addWidget(first)
    first.input_widget.setFilePath(str(projects))
    monkeypatch.setattr(first, "exec", lambda: folder_dialog.UNDO)
    monkeypatch.setattr(registration, "build_dialog", lambda: first)
    monkeypatch.setattr(registration, "open_restore_tool", lambda parameters: None)
    try:
        registration.show_dialog()
        assert GpfSettings.load_folder_state()["last_processed"] == str(projects)
        monkeypatch.undo()
        second = FolderRegistration(qgis_iface).build_dialog()
        qtbot.addWidget(second)
        assert second.input_paths() == (str(projects),)
    finally:
        for key in FOLDER_KEYS.values():
            QgsSettings().remove(PREFIX + key)


def test_undo_button_opens_the_restore_tool_on_the_chosen_folder(projects, qgis_iface, qtbot, monkeypatch) -> None:
    import processing

    from gpf_bascule.ui import folder_dialog

    dialog = FolderDialog()
    qtbot.addWidget(dialog)
    assert dialog.undo_parameters() == {}
    dialog.input_widget.setFilePath(str(projects))
    assert dialog.undo_parameters() == {"INPUT_FOLDER": str(projects)}
    dialog.undo_button.click()
    assert dialog.result() == folder_dialog.UNDO

    opened = []
    monkeypatch.setattr(processing, "execAlgorithmDialog", lambda name, parameters: opened.append((name, parameters)))
    registration = FolderRegistration(qgis_iface)
    monkeypatch.setattr(registration, "build_dialog", lambda: dialog)
    monkeypatch.setattr(dialog, "exec", lambda: folder_dialog.UNDO)
    registration.show_dialog()
    assert opened == [("gpf_bascule:restore_backups", {"INPUT_FOLDER": str(projects)})]


def test_registration_adds_and_removes_the_menu_action(qgis_iface) -> None:
    qgis_iface.addPluginToWebMenu.reset_mock()
    registration = FolderRegistration(qgis_iface)
    action = registration.register()
    assert action.text() == "Basculer un dossier de projets…"
    qgis_iface.addPluginToWebMenu.assert_called_once_with("GPF Bascule", action)
    registration.unregister()
    qgis_iface.removePluginWebMenu.assert_called_with("GPF Bascule", action)
    assert registration.action is None


def test_task_manager_is_the_one_qgis_uses() -> None:
    assert QgsApplication.taskManager() is not None
