"""Undoing an in-place bascule: backups put back only over files nobody changed since, newest first."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import qgis_samples as samples  # noqa: E402

from gpf_bascule.cli import main  # noqa: E402
from gpf_bascule.mapping import batch, restore  # noqa: E402

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo" / "projet_geoportail_2019.qgz"


@pytest.fixture
def migrated(tmp_path: Path) -> dict[Path, bytes]:
    """A folder of projects migrated in place: each path with its bytes from before the bascule."""
    folder = tmp_path / "projets"
    (folder / "sous-dossier").mkdir(parents=True)
    files = {
        folder / "demo.qgz": DEMO.read_bytes(),
        folder / "sous-dossier" / "couches.qlr": samples.qlr(),
        folder / "projet.qgs": samples.project(samples.LAYERS[:3]),
    }
    for path, data in files.items():
        path.write_bytes(data)
    (folder / "donnees.gpkg").write_bytes(b"not a project")
    results = batch.run([str(folder)], in_place=True)
    assert {result.status for result in results} == {"migrated"}
    return files


def test_restore_puts_every_file_back_byte_for_byte(migrated, tmp_path) -> None:
    results = restore.restore([str(tmp_path / "projets")])
    assert sorted(result.status for result in results) == [restore.RESTORED] * 3
    for path, before in migrated.items():
        assert path.read_bytes() == before
        assert restore.backups_of(path) == []  # consumed: the file holds those bytes again
    assert (tmp_path / "projets" / "donnees.gpkg").read_bytes() == b"not a project"


def test_dry_run_writes_nothing(migrated, tmp_path) -> None:
    after = {path: path.read_bytes() for path in migrated}
    results = restore.restore([str(tmp_path / "projets")], dry_run=True)
    assert {result.status for result in results} == {restore.RESTORED}
    assert {path: path.read_bytes() for path in migrated} == after
    assert all(restore.backups_of(path) for path in migrated)


def test_a_file_changed_since_the_bascule_is_left_alone_unless_forced(migrated, tmp_path) -> None:
    project = tmp_path / "projets" / "demo.qgz"
    with zipfile.ZipFile(project, "a") as archive:  # the user went on working on it
        archive.writestr("notes.txt", "modifié après la bascule")
    edited = project.read_bytes()
    (result,) = restore.restore([str(project)])
    assert result.status == restore.MODIFIED and "modifié depuis la bascule" in result.message
    assert project.read_bytes() == edited and restore.backups_of(project)
    (forced,) = restore.restore([str(project)], force=True)
    assert forced.status == restore.RESTORED and project.read_bytes() == migrated[project]
    kept = Path(forced.kept)
    assert kept.read_bytes() == edited and kept.name.startswith("demo.qgz.bak-gpf-avant-restauration-")
    assert restore.backups_of(project) == []  # the kept copy is never taken for a bascule backup
    assert not batch.is_candidate(kept)  # nor for a project to migrate


def test_restoring_again_undoes_the_run_before(tmp_path) -> None:
    project = tmp_path / "projet.qgs"
    project.write_bytes(samples.project(samples.LAYERS[:3]))
    first = project.read_bytes()
    batch.run([str(project)], in_place=True)
    second = project.read_bytes()  # as if a later registry changed it again: a second backup, newer
    batch.write_backup(project, second, "29990101-000000")
    assert len(restore.backups_of(project)) == 2
    assert restore.backups_of(project)[-1].name == "projet.qgs.bak-gpf-29990101-000000"
    (newest,) = restore.restore([str(project)], force=True)
    assert newest.backup.endswith("29990101-000000") and project.read_bytes() == second
    (older,) = restore.restore([str(project)])
    assert older.status == restore.RESTORED and project.read_bytes() == first


def test_missing_and_backupless_files_are_reported(tmp_path) -> None:
    plain = tmp_path / "jamais.qgs"
    plain.write_bytes(samples.project(samples.LAYERS[:1]))
    results = restore.restore([str(plain), str(tmp_path / "absent.qgz")])
    assert [result.status for result in results] == [restore.NO_BACKUP, restore.ERROR]


def test_backups_sort_by_stamp_then_counter(tmp_path) -> None:
    project = tmp_path / "p.qgz"
    project.write_bytes(b"x")
    for suffix in ("20260101-120000-10", "20260101-120000", "20260101-120000-2", "avant-restauration-20270101-000000",
                   "20251231-235959"):
        (tmp_path / f"p.qgz.bak-gpf-{suffix}").write_bytes(b"y")
    assert [path.name.split("bak-gpf-")[1] for path in restore.backups_of(project)] == [
        "20251231-235959", "20260101-120000", "20260101-120000-2", "20260101-120000-10"]


def test_command_line(migrated, tmp_path, capsys) -> None:
    folder = str(tmp_path / "projets")
    assert main(["restore", folder, "--dry-run"]) == 0
    assert "3 à remettre" in capsys.readouterr().out
    assert main(["restore", folder]) == 0
    assert "3 remis" in capsys.readouterr().out
    assert all(path.read_bytes() == before for path, before in migrated.items())
    project = tmp_path / "projets" / "projet.qgs"
    batch.run([str(project)], in_place=True)
    project.write_bytes(project.read_bytes() + b"\n")  # saved again by hand
    assert main(["restore", str(project)]) == 1
    shown = capsys.readouterr()
    assert "modified" in shown.err and "--force" in shown.out


def test_a_bascule_with_accepted_replacements_is_restored_too(tmp_path) -> None:
    """--accept-replacements writes what the plain engine would not: the restore still knows it for its own."""
    plan_v1 = ("contextualWMSLegend=0&crs=EPSG:3857&dpiMode=7&featureCount=10&format=image/jpeg"
               "&layers=GEOGRAPHICALGRIDSYSTEMS.PLANIGN&styles=normal&tileMatrixSet=PM"
               "&url=https://wxs.ign.fr/cartes/geoportail/wmts?SERVICE%3DWMTS%26REQUEST%3DGetCapabilities")
    project = tmp_path / "plan.qgs"
    before = samples.project([("plan_v1", "Plan IGN v1", "raster", "wms", plan_v1)])
    project.write_bytes(before)
    (result,) = batch.run([str(project)], in_place=True, accept_replacements=True)
    assert result.status == "migrated" and b"PLANIGNV2" in project.read_bytes()  # the successor was applied
    # judged by the plain engine alone (as before), the file would look edited since the bascule
    (plain,) = restore.restore([str(project)], dry_run=True, migrate=batch.default_migrator())
    assert plain.status == restore.MODIFIED
    (restored,) = restore.restore([str(project)])
    assert restored.status == restore.RESTORED, restored.message
    assert project.read_bytes() == before
