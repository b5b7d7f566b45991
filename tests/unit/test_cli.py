"""The command line end to end: folders, --output-dir, --in-place, --dry-run, reports, errors, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import qgis_samples as samples  # noqa: E402

from gpf_bascule import cli  # noqa: E402
from gpf_bascule.mapping import batch  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SECRETS = (samples.PERSONAL_KEY, samples.PASSWORD, "ab12cd3")


@pytest.fixture()
def projects(tmp_path: Path) -> Path:
    """A folder as users have them: projects at several depths, connection exports, and things to skip."""
    folder = tmp_path / "projets"
    (folder / "sub" / "deeper").mkdir(parents=True)
    (folder / "demo.qgz").write_bytes(samples.qgz())
    (folder / "local.qgs").write_bytes(samples.project([samples.LAYERS[5], samples.LAYERS[6]]))
    (folder / "sub" / "couches.qlr").write_bytes(samples.qlr())
    (folder / "sub" / "deeper" / "connexions.xml").write_bytes(samples.connections("wms"))
    (folder / "sub" / "style.xml").write_bytes(b"<qgis_style version='2'/>")  # not an export: skipped
    (folder / "notes.txt").write_text("à lire")
    (folder / "ancien.qgs.bak-gpf-20200101-000000").write_bytes(samples.project())
    return folder


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


CHANGED = {"demo.qgz", "sub/couches.qlr", "sub/deeper/connexions.xml"}
PROCESSED = CHANGED | {"local.qgs"}


def test_output_dir_mirrors_the_folder_and_never_touches_inputs(capsys, projects, tmp_path):
    before = samples.tree_hashes(projects)
    out = tmp_path / "sortie"
    code, stdout, stderr = run(capsys, "migrate", projects, "--output-dir", out)
    assert code == 0, stderr
    assert stderr == ""
    assert samples.tree_hashes(projects) == before
    written = samples.tree_hashes(out)
    assert set(written) == PROCESSED  # unchanged files copied too; skipped files not
    assert written["local.qgs"] == before["local.qgs"]
    for name in CHANGED:
        assert written[name] != before[name]
    with zipfile.ZipFile(out / "demo.qgz") as archive:
        assert b"data.geopf.fr" in archive.read("demo.qgs")
    assert "Fichiers : 4 traités, 3 modifiés, 1 inchangés, 0 en erreur." in stdout
    assert not list(out.rglob("*.gpf-tmp")) and not list(projects.rglob("*.gpf-tmp"))


def test_second_run_on_the_output_changes_nothing(capsys, projects, tmp_path):
    assert run(capsys, "migrate", projects, "--output-dir", tmp_path / "un")[0] == 0
    code, stdout, _ = run(capsys, "migrate", tmp_path / "un", "--output-dir", tmp_path / "deux",
                          "--report", tmp_path / "r.json")
    assert code == 0
    assert samples.tree_hashes(tmp_path / "deux") == samples.tree_hashes(tmp_path / "un")
    data = json.loads((tmp_path / "r.json").read_text())
    assert {f["status"] for f in data["files"]} == {"unchanged"}
    assert data["summary"]["layers"]["migrated"] == 0
    assert "Sources : 0 source(s) basculée(s)" in stdout  # the console speaks the one vocabulary, not "migrated"


def test_single_file_goes_to_dir_slash_filename(capsys, projects, tmp_path):
    code, _, _ = run(capsys, "migrate", projects / "sub" / "couches.qlr", "--output-dir", tmp_path / "o")
    assert code == 0
    assert [p.name for p in (tmp_path / "o").iterdir()] == ["couches.qlr"]


def test_in_place_keeps_a_backup_equal_to_the_original(capsys, projects, monkeypatch):
    monkeypatch.setattr(batch, "backup_stamp", lambda: "20250102-030405")
    taken = projects / "demo.qgz.bak-gpf-20250102-030405"
    taken.write_bytes(b"an older backup that must survive")
    before = samples.tree_hashes(projects)
    local_stat = (projects / "local.qgs").stat()
    code, _, stderr = run(capsys, "migrate", projects, "--in-place")
    assert code == 0, stderr
    after = samples.tree_hashes(projects)
    assert after[taken.name] == before[taken.name]  # never overwrite an existing backup
    assert after["demo.qgz.bak-gpf-20250102-030405-2"] == before["demo.qgz"]
    assert after["sub/couches.qlr.bak-gpf-20250102-030405"] == before["sub/couches.qlr"]
    assert after["sub/deeper/connexions.xml.bak-gpf-20250102-030405"] == before["sub/deeper/connexions.xml"]
    for name in CHANGED:
        assert after[name] != before[name]
    assert after["local.qgs"] == before["local.qgs"]
    assert (projects / "local.qgs").stat().st_ino == local_stat.st_ino  # unchanged: not even rewritten
    assert not any(name.startswith("local.qgs.bak") for name in after)
    assert not list(projects.rglob("*.gpf-tmp"))
    # a second in-place run finds nothing to do and makes no new backup
    assert run(capsys, "migrate", projects, "--in-place")[0] == 0
    assert samples.tree_hashes(projects) == after


def test_in_place_keeps_permissions(capsys, projects):
    target = projects / "sub" / "couches.qlr"
    target.chmod(0o640)
    assert run(capsys, "migrate", target, "--in-place")[0] == 0
    assert target.stat().st_mode & 0o777 == 0o640


def test_dry_run_writes_only_the_report(capsys, projects, tmp_path):
    before = samples.tree_hashes(projects)
    report = tmp_path / "r" / "rapport.html"
    code, stdout, _ = run(capsys, "migrate", projects, "--output-dir", tmp_path / "o", "--dry-run", "--report", report)
    assert code == 0
    assert not (tmp_path / "o").exists()
    assert report.is_file()
    assert "Simulation" in stdout
    code, _, _ = run(capsys, "migrate", projects, "--in-place", "--dry-run")
    assert code == 0
    assert samples.tree_hashes(projects) == before


@pytest.mark.parametrize("mode", ["--in-place", "--output-dir"])
def test_failed_write_leaves_the_original_intact_and_no_temporary_file(capsys, projects, tmp_path, monkeypatch, mode):
    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    before = samples.tree_hashes(projects)
    argv = [projects / "demo.qgz", projects / "local.qgs", mode] + ([tmp_path / "o"] if mode == "--output-dir" else [])
    code, _, stderr = run(capsys, "migrate", *argv)
    assert code == 1
    lines = stderr.strip().splitlines()
    assert all(line.startswith("error: ") and "No space left on device" in line for line in lines)
    after = samples.tree_hashes(projects)
    assert {k: after[k] for k in before} == before
    assert not list(tmp_path.rglob("*.gpf-tmp"))
    if mode == "--output-dir":
        assert len(lines) == 2 and not list((tmp_path / "o").iterdir())
    else:
        assert len(lines) == 1 and "demo.qgz" in lines[0]  # local.qgs is unchanged: nothing to write


DATE = (2020, 1, 1, 0, 0, 0)
BAD_INPUTS = {
    "corrompu.qgz": (b"PK\x03\x04 this is not really a zip", "archive .qgz corrompue"),
    "vide.qgz": (samples.make_zip([("a.qgd", b"x", zipfile.ZIP_STORED, DATE)]), "sans projet .qgs"),
    "double.qgz": (
        samples.make_zip([(n, samples.project(), zipfile.ZIP_DEFLATED, DATE) for n in ("a.qgs", "b.qgs")]),
        "plusieurs projets",
    ),
    "evasion.qgz": (samples.qgz(name="../../evasion.qgs"), "sort du dossier"),
    "absolu.qgz": (samples.qgz(name="/tmp/absolu.qgs"), "sort du dossier"),
    "rires.qgs": (b'<!DOCTYPE qgis [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><qgis>&b;</qgis>', "entités"),
    "xxe.qlr": (b'<!DOCTYPE qlr [<!ENTITY x SYSTEM "file:///etc/passwd">]><qlr>&x;</qlr>', "entités"),
    "texte.qgs": (b"ceci n'est pas du XML", "XML invalide"),
    "autre.qgs": (b"<projet version='3'/>", "pas un projet QGIS"),
}


def test_each_bad_input_gets_one_clear_line_and_the_others_go_on(capsys, projects, tmp_path):
    bad = tmp_path / "mauvais"
    bad.mkdir()
    for name, (data, _) in BAD_INPUTS.items():
        (bad / name).write_bytes(data)
    not_export = tmp_path / "pas-un-export.xml"
    not_export.write_bytes(b"<qgsPgConnections version='1.0'/>")
    before = samples.tree_hashes(bad)
    code, stdout, stderr = run(
        capsys, "migrate", bad, projects, not_export, tmp_path / "absent.qgs", "--output-dir", tmp_path / "o",
    )
    assert code == 1
    lines = stderr.strip().splitlines()
    assert len(lines) == len(BAD_INPUTS) + 2
    for name, (_, message) in BAD_INPUTS.items():
        (line,) = [line for line in lines if f"/mauvais/{name}: " in line]
        assert line.startswith("error: ") and message in line
    assert any("pas-un-export.xml: " in line and "export de connexions" in line for line in lines)
    assert any("absent.qgs: " in line and "introuvable" in line for line in lines)
    assert "Traceback" not in stderr
    assert samples.tree_hashes(bad) == before
    assert set(samples.tree_hashes(tmp_path / "o")) >= {"demo.qgz", "local.qgs", "sub/couches.qlr"}
    assert f"{len(BAD_INPUTS) + 2} en erreur" in stdout


def test_unwritable_output_is_an_error_per_file(capsys, projects, tmp_path):
    blocker = tmp_path / "fichier"
    blocker.write_text("a file where a folder should be")
    code, _, stderr = run(capsys, "migrate", projects / "local.qgs", "--output-dir", blocker / "o")
    assert code == 1
    assert stderr.startswith("error: ") and "écriture impossible" in stderr and stderr.count("\n") == 1


def test_unreadable_input_is_an_error_and_the_others_go_on(capsys, projects, tmp_path, monkeypatch):
    real_open = open

    def guarded_open(path, *args, **kwargs):  # chmod 000 does not stop root, who runs CI
        if Path(path).name == "local.qgs":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(batch, "open", guarded_open, raising=False)
    code, _, stderr = run(capsys, "migrate", projects, "--output-dir", tmp_path / "o")
    assert code == 1
    assert stderr == f"error: {projects / 'local.qgs'}: lecture impossible (Permission denied)\n"
    assert set(samples.tree_hashes(tmp_path / "o")) == CHANGED


def test_output_dir_inside_the_input_folder_is_refused(capsys, projects):
    before = samples.tree_hashes(projects)
    code, _, stderr = run(capsys, "migrate", projects, "--output-dir", projects / "sortie")
    assert code == 1
    assert stderr.count("\n") == 1 and "dossier de sortie est dans ce dossier d'entrée" in stderr
    assert samples.tree_hashes(projects) == before and not (projects / "sortie").exists()


def test_output_that_would_overwrite_an_input_is_refused(capsys, projects):
    code, _, stderr = run(capsys, "migrate", projects / "local.qgs", "--output-dir", projects)
    assert code == 1 and "écraserait un fichier d'entrée" in stderr


def test_two_inputs_with_the_same_output_name(capsys, projects, tmp_path):
    other = tmp_path / "autre"
    other.mkdir()
    (other / "demo.qgz").write_bytes(samples.qgz())
    code, _, stderr = run(capsys, "migrate", projects / "demo.qgz", other / "demo.qgz", "--output-dir", tmp_path / "o")
    assert code == 1 and "même fichier de sortie" in stderr
    assert (tmp_path / "o" / "demo.qgz").is_file()


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["migrate"],
        ["migrate", "x.qgs"],
        ["migrate", "x.qgs", "--in-place", "--output-dir", "o"],
        ["migrate", "x.qgs", "--in-place", "--report", "r.txt"],
        ["migrate", "x.qgs", "--in-place", "--bogus"],
        ["convert", "x.qgs"],
    ],
)
def test_usage_errors_exit_2(capsys, argv):
    code, stdout, stderr = run(capsys, *argv)
    assert code == 2
    assert "usage:" in stderr


def test_secrets_appear_nowhere(capsys, tmp_path):
    folder = tmp_path / "p"
    folder.mkdir()
    layers = [samples.LAYERS[1], ("wfs_auth", "WFS authcfg", "vector", "WFS", samples.WFS_AUTHCFG),
              ("unknown", "Inconnue", "raster", "wms", samples.WMTS_PERSONAL.replace("PLANIGNV2", "N_EXISTE_PAS"))]
    (folder / "secret.qgs").write_bytes(samples.project(layers))
    (folder / "xyz.xml").write_bytes(samples.connections("xyz"))
    (folder / "broken.qgz").write_bytes(samples.qgz(name="../evasion.qgs"))
    outputs = []
    for suffix in (".json", ".csv", ".html"):
        report = tmp_path / f"rapport{suffix}"
        code, stdout, stderr = run(capsys, "migrate", folder, "--output-dir", tmp_path / "o", "--report", report)
        assert code == 1  # broken.qgz
        outputs += [stdout, stderr, report.read_text(encoding="utf-8-sig")]
    assert any("unmapped" in text for text in outputs)
    migrated = (tmp_path / "o" / "secret.qgs").read_text()
    free_sources = [s for i, s in samples.sources_by_id(migrated.encode()).items() if i != "unknown"]
    free_sources += [(tmp_path / "o" / "xyz.xml").read_text()]
    for secret in SECRETS:
        for text in outputs + free_sources:
            assert secret not in text, secret


def test_script_runs_without_the_test_harness(tmp_path):
    """The ./gpf-bascule script itself: imports the checkout as a package and exits with main()'s code."""
    (tmp_path / "a.qgs").write_bytes(samples.project())
    env = dict(os.environ, GPF_BASCULE_PYTHON=sys.executable)
    done = subprocess.run(
        [str(ROOT / "gpf-bascule"), "migrate", str(tmp_path / "a.qgs"), "--output-dir", str(tmp_path / "o")],
        capture_output=True, text=True, env=env, timeout=60, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "1 modifiés" in done.stdout
    assert (tmp_path / "o" / "a.qgs").is_file()


def test_local_data_linked_by_relative_paths_follows_the_project(capsys, tmp_path):
    """A project written elsewhere keeps its local layers: the files it links relatively are copied too."""
    old = tmp_path / "ancien"
    (old / "donnees").mkdir(parents=True)
    for name in ("zones.gpkg", "routes.shp", "routes.shx", "routes.dbf", "routes.prj", "autre.tif", "existe.gpkg"):
        (old / "donnees" / name).write_bytes(name.encode())
    (tmp_path / "dehors.gpkg").write_bytes(b"outside")
    layers = [
        samples.LAYERS[0],
        ("zones", "Zones", "vector", "ogr", "./donnees/zones.gpkg|layername=zones"),
        ("routes", "Routes", "vector", "ogr", "./donnees/routes.shp"),
        ("existe", "Existe", "vector", "ogr", "./donnees/existe.gpkg|layername=e"),
        ("dehors", "Dehors", "vector", "ogr", "../dehors.gpkg|layername=d"),
        ("absent", "Absent", "vector", "ogr", "./donnees/absent.gpkg"),
    ]
    (old / "projet.qgz").write_bytes(samples.qgz(samples.project(layers)))
    out = tmp_path / "bascule"
    (out / "donnees").mkdir(parents=True)
    (out / "donnees" / "existe.gpkg").write_bytes(b"already there")

    code, _, _ = run(capsys, "migrate", old / "projet.qgz", "--output-dir", out, "--dry-run")
    assert code == 0 and sorted(p.name for p in (out / "donnees").iterdir()) == ["existe.gpkg"]

    report = tmp_path / "r.json"
    code, stdout, stderr = run(capsys, "migrate", old / "projet.qgz", "--output-dir", out, "--report", report)
    assert code == 0, stderr
    copied = sorted(p.name for p in (out / "donnees").iterdir())
    assert copied == ["existe.gpkg", "routes.dbf", "routes.prj", "routes.shp", "routes.shx", "zones.gpkg"]
    assert (out / "donnees" / "zones.gpkg").read_bytes() == b"zones.gpkg"
    assert (out / "donnees" / "existe.gpkg").read_bytes() == b"already there"  # never overwritten
    assert not list(tmp_path.rglob("*.gpf-tmp"))
    assert "note: " in stdout and "../dehors.gpkg hors du dossier de sortie" in stdout
    (entry,) = json.loads(report.read_text())["files"]
    assert len(entry["notes"]) == 1 and entry["notes"][0].startswith("donnée locale ../dehors.gpkg hors du dossier")


def test_in_place_through_a_symlink_updates_the_target_and_keeps_the_link(capsys, tmp_path):
    real = tmp_path / "reel" / "projet.qgs"
    real.parent.mkdir()
    real.write_bytes(samples.project())
    link = tmp_path / "lien.qgs"
    link.symlink_to(real)
    original = real.read_bytes()
    code, _, stderr = run(capsys, "migrate", link, "--in-place")
    assert code == 0, stderr
    assert link.is_symlink() and link.resolve() == real
    assert b"data.geopf.fr" in real.read_bytes()
    (backup,) = real.parent.glob("projet.qgs.bak-gpf-*")
    assert backup.read_bytes() == original
