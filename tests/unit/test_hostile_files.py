"""Files and writes under hostile or unlucky conditions (issue 10): the same folder by another path, root runs,
odd files in a walked folder, a full disk, another program saving during the run. Nothing may be lost."""

from __future__ import annotations

import errno
import os
import resource
import signal
import stat
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import qgis_samples as samples  # noqa: E402

from gpf_bascule import cli  # noqa: E402
from gpf_bascule.mapping import batch  # noqa: E402

ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture()
def projects(tmp_path: Path) -> Path:
    folder = tmp_path / "projets"
    folder.mkdir()
    (folder / "demo.qgz").write_bytes(samples.qgz())
    (folder / "local.qgs").write_bytes(samples.project())
    return folder


def run(capsys, *argv) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def backups(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if batch.BACKUP_MARK in path.name)


# --- 1. the output folder is the input folder reached by another path ---------------------------------------


def test_output_dir_through_a_symlinked_folder_never_overwrites_an_input(capsys, projects, tmp_path):
    link = tmp_path / "lien"
    link.symlink_to(projects, target_is_directory=True)
    before = samples.tree_hashes(projects)
    code, _, stderr = run(capsys, "migrate", projects, "--output-dir", link)
    assert code == 1 and "dossier de sortie est dans ce dossier d'entrée" in stderr
    code, _, stderr = run(capsys, "migrate", projects / "local.qgs", projects / "demo.qgz", "--output-dir", link)
    assert code == 1 and stderr.count("écraserait un fichier d'entrée") == 2
    assert samples.tree_hashes(projects) == before


@pytest.fixture()
def bind_mount(projects: Path, tmp_path: Path):
    """The input folder mounted a second time elsewhere (as the same share mounted twice would be)."""
    if not ROOT_USER:
        pytest.skip("a bind mount needs root")
    mount = tmp_path / "montage"
    mount.mkdir()
    done = subprocess.run(["mount", "--bind", str(projects), str(mount)], capture_output=True)
    if done.returncode:
        pytest.skip(f"mount --bind refused here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=True)


def test_output_dir_that_is_the_input_folder_bind_mounted_never_overwrites_an_input(capsys, projects, bind_mount):
    before = samples.tree_hashes(projects)
    code, _, stderr = run(capsys, "migrate", projects / "local.qgs", projects / "demo.qgz", "--output-dir", bind_mount)
    assert code == 1 and stderr.count("écraserait un fichier d'entrée") == 2, stderr
    code, _, stderr = run(capsys, "migrate", projects, "--output-dir", bind_mount / "sortie")
    assert code == 1 and "dossier de sortie est dans ce dossier d'entrée" in stderr
    assert samples.tree_hashes(projects) == before
    assert not (projects / "sortie").exists()


def test_the_same_file_named_by_two_paths_is_processed_once(capsys, projects, bind_mount, tmp_path):
    code, stdout, stderr = run(capsys, "migrate", projects / "local.qgs", bind_mount / "local.qgs",
                               "--output-dir", tmp_path / "o")
    assert code == 0, stderr
    assert "Fichiers : 1 traités" in stdout


# --- 2. owner, group and mode kept by a root run ---------------------------------------------------------------


@pytest.mark.skipif(not ROOT_USER, reason="giving a file to another user needs root")
def test_in_place_as_root_keeps_owner_group_and_mode_of_the_file_and_its_backup(capsys, projects):
    project = projects / "local.qgs"
    os.chown(project, 1234, 1234)
    os.chmod(project, 0o640)
    code, _, stderr = run(capsys, "migrate", project, "--in-place")
    assert code == 0, stderr
    (backup,) = backups(projects)
    for path in (project, backup):
        info = os.stat(path)
        assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (1234, 1234, 0o640), path


def test_restore_as_root_keeps_owner_group_and_mode(capsys, projects):
    project = projects / "local.qgs"
    if ROOT_USER:
        os.chown(project, 1234, 1234)
    os.chmod(project, 0o640)
    expected = os.stat(project)
    assert run(capsys, "migrate", project, "--in-place")[0] == 0
    code, _, stderr = run(capsys, "restore", project)
    assert code == 0, stderr
    info = os.stat(project)
    assert (info.st_uid, info.st_gid, info.st_mode) == (expected.st_uid, expected.st_gid, expected.st_mode)


# --- 3. folder walks: links in a loop, pipes, devices -----------------------------------------------------------


def test_symlink_loops_are_reported_and_the_rest_of_the_folder_is_processed(capsys, projects, tmp_path):
    (projects / "a").mkdir()
    (projects / "a" / "b").symlink_to(projects / "a", target_is_directory=True)  # a/b -> a
    (projects / "a" / "c").symlink_to("..", target_is_directory=True)  # a/c -> the folder itself
    (projects / "boucle.qgs").symlink_to("boucle.qgs")  # a link to itself
    (projects / "x1.qgs").symlink_to("x2.qgs")
    (projects / "x2.qgs").symlink_to("x1.qgs")
    for argv in (("--output-dir", tmp_path / "o"), ("--in-place",)):
        code, stdout, stderr = run(capsys, "migrate", projects, *argv)
        assert code == 1
        assert "Fichiers : 5 traités, 2 modifiés" in stdout, stdout
        for name in ("boucle.qgs", "x1.qgs", "x2.qgs"):
            assert f"error: {projects / name}: lien symbolique en boucle" in stderr, stderr
    assert sorted(path.name for path in (tmp_path / "o").iterdir()) == ["demo.qgz", "local.qgs"]


def test_walk_never_loops_over_a_folder_reached_twice(projects):
    (projects / "a").mkdir()
    (projects / "a" / "b").symlink_to(projects / "a", target_is_directory=True)
    found = list(batch.walk_projects(projects))
    assert sorted(path.name for path in found) == ["demo.qgz", "local.qgs"]


def _with_timeout(seconds: float, work):
    """Run `work` in a thread: a hang fails the test instead of blocking the suite forever."""
    outcome: dict = {}

    def target():
        try:
            outcome["value"] = work()
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            outcome["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "the run hangs"
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def test_a_fifo_named_like_a_project_is_skipped_and_never_blocks(projects, tmp_path):
    os.mkfifo(projects / "x.qgs")
    os.mkfifo(projects / "connexions.xml")
    try:
        results = _with_timeout(20, lambda: batch.run([str(projects)], output_dir=str(tmp_path / "o")))
    finally:  # unblock a reader stuck on the old code, so that the thread ends
        for name in ("x.qgs", "connexions.xml"):
            with __import__("contextlib").suppress(OSError):
                os.close(os.open(projects / name, os.O_WRONLY | os.O_NONBLOCK))
    by_name = {Path(result.path).name: result for result in results}
    assert by_name["x.qgs"].status == "error" and "pas un fichier ordinaire" in by_name["x.qgs"].error
    assert "connexions.xml" not in by_name  # cannot be sniffed: not ours
    assert by_name["demo.qgz"].status == by_name["local.qgs"].status == "migrated"


def test_a_fifo_given_as_a_file_never_blocks(tmp_path):
    fifo = tmp_path / "x.qgs"
    os.mkfifo(fifo)
    job = batch.Job(fifo, str(fifo), tmp_path / "o" / "x.qgs", tmp_path / "o")
    try:
        result = _with_timeout(20, lambda: batch.process(job, batch.default_migrator()))
    finally:
        with __import__("contextlib").suppress(OSError):
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    assert result.status == "error" and "pas un fichier ordinaire" in result.error


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_link_to_a_device_is_skipped_and_never_read(projects, tmp_path):
    (projects / "y.qgz").symlink_to("/dev/zero")
    (projects / "z.xml").symlink_to("/dev/zero")
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    size = int(Path("/proc/self/statm").read_text().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    resource.setrlimit(resource.RLIMIT_AS, (size + (512 << 20), hard))  # reading /dev/zero must not take the machine
    try:
        results = batch.run([str(projects)], output_dir=str(tmp_path / "o"))
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    by_name = {Path(result.path).name: result for result in results}
    assert by_name["y.qgz"].status == "error" and "pas un fichier ordinaire" in by_name["y.qgz"].error
    assert "z.xml" not in by_name
    assert by_name["demo.qgz"].status == "migrated"


# --- 4. disk full while writing the backup; restore of an incomplete backup ------------------------------------


def _fail_writes_after(monkeypatch, limit: int) -> None:
    """os.write as on a full disk: the first `limit` bytes go through, then ENOSPC."""
    original_write = os.write
    written = {"bytes": 0}

    def write(fd, data):
        room = limit - written["bytes"]
        if room <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        done = original_write(fd, bytes(data[:room]))
        written["bytes"] += done
        return done

    monkeypatch.setattr(os, "write", write)


def test_disk_full_while_writing_the_backup_leaves_no_partial_backup(projects, monkeypatch):
    project = projects / "local.qgs"
    original = project.read_bytes()
    _fail_writes_after(monkeypatch, len(original) // 2)
    (result,) = batch.run([str(project)], in_place=True)
    assert result.status == "error" and "sauvegarde impossible" in result.error
    assert project.read_bytes() == original
    assert backups(projects) == [] and not list(projects.glob("*" + batch.TEMP_SUFFIX))


def test_file_size_limit_while_writing_the_backup_leaves_no_partial_backup(projects):
    """A real short write from the kernel (RLIMIT_FSIZE), whatever the writing code."""
    project = projects / "demo.qgz"
    original = project.read_bytes()
    previous_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (len(original) // 2, hard))
    try:
        (result,) = batch.run([str(project)], in_place=True)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous_handler)
    assert result.status == "error" and "sauvegarde impossible" in result.error
    assert project.read_bytes() == original
    assert backups(projects) == [] and not list(projects.glob("*" + batch.TEMP_SUFFIX))


@pytest.mark.parametrize("name", ["demo.qgz", "local.qgs"])
def test_restore_refuses_a_truncated_backup_even_forced(capsys, projects, name):
    project = projects / name
    assert run(capsys, "migrate", project, "--in-place")[0] == 0
    (backup,) = backups(projects)
    data = backup.read_bytes()
    backup.write_bytes(data[: len(data) // 2])  # what a full disk left with the old code
    migrated = project.read_bytes()
    code, stdout, stderr = run(capsys, "restore", "--force", project)
    assert code == 1
    assert "sauvegarde incomplète ou illisible" in stderr and "remis" not in stdout.split("Fichiers")[0]
    assert project.read_bytes() == migrated and backup.exists()
    assert backups(projects) == [backup]  # nothing kept aside either: nothing was done


def test_restore_refuses_a_qgz_backup_whose_other_entries_fail_their_crc(capsys, projects):
    project = projects / "demo.qgz"
    assert run(capsys, "migrate", project, "--in-place")[0] == 0
    (backup,) = backups(projects)
    with zipfile.ZipFile(backup) as archive:
        info = archive.getinfo("attachments/notes.txt")
        offset = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    damaged = bytearray(backup.read_bytes())
    damaged[offset] ^= 0xFF  # one flipped byte in a stored entry: the central directory is intact
    backup.write_bytes(bytes(damaged))
    code, _, stderr = run(capsys, "restore", "--force", project)
    assert code == 1 and "sauvegarde incomplète ou illisible" in stderr


# --- 5. another program saves the project during an in-place run ----------------------------------------------


def test_a_file_saved_by_another_program_during_the_run_is_not_replaced(projects, monkeypatch):
    project = projects / "local.qgs"
    users_save = samples.project(samples.LAYERS[:2])
    rewrite_file = batch.rewrite_file

    def rewrite_then_user_saves(name, data, migrate, **kwargs):
        done = rewrite_file(name, data, migrate, **kwargs)
        project.write_bytes(users_save)  # QGIS saving while the bascule works on the bytes it read
        return done

    monkeypatch.setattr(batch, "rewrite_file", rewrite_then_user_saves)
    (result,) = batch.run([str(project)], in_place=True)
    assert result.status == "error" and "modifié pendant la bascule" in result.error
    assert project.read_bytes() == users_save
    assert backups(projects) == [] and not list(projects.glob("*" + batch.TEMP_SUFFIX))


def test_a_file_replaced_by_rename_during_the_run_is_not_replaced(projects, monkeypatch):
    """QGIS saves through a new file renamed over the old one: same size and date are possible, not same inode."""
    project = projects / "local.qgs"
    original = project.read_bytes()
    rewrite_file = batch.rewrite_file

    def rewrite_then_user_saves(name, data, migrate, **kwargs):
        done = rewrite_file(name, data, migrate, **kwargs)
        info = os.stat(project)
        fresh = projects / "nouveau.tmp"
        fresh.write_bytes(original)
        os.utime(fresh, ns=(info.st_atime_ns, info.st_mtime_ns))
        os.replace(fresh, project)
        return done

    monkeypatch.setattr(batch, "rewrite_file", rewrite_then_user_saves)
    (result,) = batch.run([str(project)], in_place=True)
    assert result.status == "error" and "modifié pendant la bascule" in result.error
    assert project.read_bytes() == original and backups(projects) == []
