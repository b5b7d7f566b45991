"""Issue 10, console and reports under hostile conditions: the output stream closed early (`| head -1`), file
names that are not UTF-8, names that try to forge console lines, CSV cells that a spreadsheet would run as
formulas, and usage slips that must stop before anything is written."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import qgis_samples as samples  # noqa: E402

from gpf_bascule import cli  # noqa: E402
from gpf_bascule.mapping import report  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "gpf-bascule"
FORMATS = (".json", ".csv", ".html")


def _script(*argv, cwd: Path, **kwargs) -> subprocess.CompletedProcess:
    env = dict(os.environ, GPF_BASCULE_PYTHON=sys.executable)
    return subprocess.run([str(SCRIPT), *map(os.fspath, argv)], cwd=cwd, env=env, capture_output=True,
                          timeout=120, **kwargs)


# --- 1. output closed early -----------------------------------------------------------------------------------------

def _noisy_projects(folder: Path, count: int) -> list[str]:
    """Projects that each print a long note while the run goes on (local data outside the output folder)."""
    folder.mkdir()
    far = "../" + "/".join(["d" * 200] * 25) + ".gpkg"  # a 5 KB note per project: more than a pipe holds
    names = []
    for index in range(count):
        name = f"p{index:02}.qgs"
        layers = [samples.LAYERS[0], ("local_1", "Locale", "vector", "ogr", far)]
        (folder / name).write_bytes(samples.project(layers))
        names.append(name)
    return names


def _run_with_stdout(read_end: int, write_end: int, folder: Path, out: Path, tmp_path: Path, lines: int):
    env = dict(os.environ, GPF_BASCULE_PYTHON=sys.executable)
    process = subprocess.Popen(
        [str(SCRIPT), "migrate", str(folder), "--output-dir", str(out), "--report", str(out / "r.json")],
        cwd=tmp_path, env=env, stdout=write_end, stderr=subprocess.PIPE,
    )
    os.close(write_end)
    read = b""
    while read.count(b"\n") < lines:  # like `| head -n LINES`: read that much, then go away
        chunk = os.read(read_end, 1)
        if not chunk:
            break
        read += chunk
    os.close(read_end)
    _, stderr = process.communicate(timeout=120)
    return process.returncode, read, stderr.decode("utf-8", "replace")


@pytest.mark.parametrize("lines", [0, 1], ids=["closed-before-start", "head-1"])
def test_output_closed_early_still_writes_every_output_and_the_report_and_fails(tmp_path, lines):
    folder, out = tmp_path / "projets", tmp_path / "sortie"
    names = _noisy_projects(folder, 30)
    read_end, write_end = os.pipe()
    if not lines:
        os.close(read_end)
        read_end = os.open(os.devnull, os.O_RDONLY)
    code, read, stderr = _run_with_stdout(read_end, write_end, folder, out, tmp_path, lines)
    assert code != 0, stderr
    assert "Traceback" not in stderr, stderr
    assert "sortie standard fermée" in stderr and "allé à son terme" in stderr, stderr
    assert sorted(p.name for p in out.glob("*.qgs")) == names
    written = json.loads((out / "r.json").read_text(encoding="utf-8"))
    assert [Path(f["path"]).name for f in written["files"]] == names
    assert all(f["status"] == "migrated" for f in written["files"])


def test_output_closed_early_restore_still_restores_everything(tmp_path):
    folder = tmp_path / "projets"
    _noisy_projects(folder, 5)
    before = samples.tree_hashes(folder)
    done = _script("migrate", folder, "--in-place", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    read_end, write_end = os.pipe()
    os.close(read_end)
    env = dict(os.environ, GPF_BASCULE_PYTHON=sys.executable)
    done = subprocess.run([str(SCRIPT), "restore", str(folder)], cwd=tmp_path, env=env, stdout=write_end,
                          stderr=subprocess.PIPE, timeout=120)
    os.close(write_end)
    assert done.returncode != 0
    assert b"Traceback" not in done.stderr
    restored = {name: digest for name, digest in samples.tree_hashes(folder).items() if ".bak-gpf-" not in name}
    assert restored == before


# --- 2. file names that are not UTF-8 -------------------------------------------------------------------------------

@pytest.mark.parametrize("suffix", FORMATS)
def test_reports_are_written_whatever_the_file_names_encoding(tmp_path, suffix):
    folder = tmp_path / "partage"
    folder.mkdir()
    latin1 = os.path.join(os.fsencode(folder), b"caf\xe9.qgs")
    with open(latin1, "wb") as stream:
        stream.write(samples.project([samples.LAYERS[0]]))
    with open(os.path.join(os.fsencode(folder), b"cass\xe9.qgs"), "wb") as stream:
        stream.write(b"<qgis><broken")
    out = tmp_path / "sortie"
    report_path = tmp_path / f"rapport{suffix}"
    done = _script("migrate", folder, "--output-dir", out, "--report", report_path, cwd=tmp_path)
    assert done.returncode == 1, done.stderr  # the broken project, nothing else
    assert b"Traceback" not in done.stderr, done.stderr
    assert b"caf\\xe9.qgs" in done.stdout + done.stderr or b"cass\\xe9.qgs" in done.stderr
    assert os.path.exists(os.path.join(os.fsencode(out), b"caf\xe9.qgs"))
    text = report_path.read_bytes().decode("utf-8-sig")  # strictly UTF-8
    if suffix == ".json":
        paths = sorted(Path(f["path"]).name for f in json.loads(text)["files"])
        assert paths == ["caf\\xe9.qgs", "cass\\xe9.qgs"]
    else:
        assert "caf\\xe9.qgs" in text and "cass\\xe9.qgs" in text


def test_report_rendering_never_raises_on_undecodable_names():
    from gpf_bascule.mapping.outcome import FILE_ERROR, FileResult

    name = os.fsdecode(b"/partage/caf\xe9.qgs")
    results = [FileResult(path=name, status=FILE_ERROR, error=f"lecture impossible de {name}", output=name)]
    for suffix in FORMATS:
        text = report.render(f"r{suffix}", results)
        text.encode("utf-8")
        if suffix == ".json":
            entry = json.loads(text)["files"][0]
            text = entry["path"] + entry["output"] + entry["error"]
        assert text.count("caf\\xe9.qgs") >= 3 - (suffix == ".html")


# --- 3. names that forge console lines ------------------------------------------------------------------------------

# \x1b and \x07 cannot be in an XML document (not even as &#27;): a layer name read from a project carries
# line breaks and bidi overrides; a file name on Linux carries anything but / and NUL.
HOSTILE_LAYER = "Parcelles\nunmapped: faux.qgs: tout va bien\u202elive\u2028"


def test_console_lines_cannot_be_forged_by_file_or_layer_names(tmp_path):
    folder = tmp_path / "projets"
    folder.mkdir()
    withdrawn = ("ign_9", HOSTILE_LAYER, "raster", "wms",
                 samples.WMTS.replace("ORTHOIMAGERY.ORTHOPHOTOS", "GEOGRAPHICALGRIDSYSTEMS.INCONNUE"))
    (folder / "faux\n[OK] tout\x1b[31m.qgs").write_bytes(samples.project([withdrawn]))
    (folder / "casse\x1b[2J\r\x07\n.qgs").write_bytes(b"<qgis><broken")
    done = _script("migrate", folder, "--output-dir", tmp_path / "sortie", cwd=tmp_path)
    assert b"Traceback" not in done.stderr, done.stderr
    console = done.stdout.decode() + done.stderr.decode()
    for bad in ("\x1b", "\r", "\x07", "\u202e", "\u2028"):
        assert bad not in console, repr(console)
    lines = console.splitlines()
    assert not any(line.startswith(("[OK]", "unmapped: faux.qgs", ".qgs")) for line in lines), lines
    assert any("faux\\n[OK] tout\\x1b[31m.qgs" in line and "Parcelles\\nunmapped" in line
               and "\\u202elive\\u2028" in line for line in lines), lines
    assert any(line.startswith("error:") and "casse\\x1b[2J\\r\\x07\\n.qgs" in line for line in lines), lines


def test_every_console_line_of_migrate_and_restore_is_neutralised(capsys, monkeypatch):
    """Names that no XML parser lets through, straight to the printing code: still one line each."""
    from gpf_bascule.mapping import batch, restore
    from gpf_bascule.mapping.outcome import FILE_ERROR, FILE_MIGRATED, FileResult, SourceOutcome
    from gpf_bascule.mapping.result import UNMAPPED

    evil = "x\x1b[31m\n\r\x07\u202e\x9b"
    layer = SourceOutcome("l1", f"couche {evil}", "wms", UNMAPPED, "s", "s", reason=f"motif {evil}")
    results = [
        FileResult(path=f"a{evil}.qgs", status=FILE_MIGRATED, sources=[layer], notes=[f"note {evil}"]),
        FileResult(path=f"b{evil}.qgs", status=FILE_ERROR, error=f"erreur {evil}"),
    ]

    def fake_run(paths, *, on_result=None, **_):
        for result in results:
            on_result(result)
        return results

    monkeypatch.setattr(batch, "run", fake_run)
    assert cli.main(["migrate", "x", "--output-dir", "o"]) == 1
    restored = [restore.RestoreResult(f"c{evil}.qgs", restore.RESTORED, backup=f"c{evil}.qgs.bak-gpf-1",
                                      message="", kept=f"k{evil}"),
                restore.RestoreResult(f"d{evil}.qgs", restore.ERROR, message=f"m{evil}")]

    def fake_restore(paths, *, on_result=None, **_):
        for result in restored:
            on_result(result)
        return restored

    monkeypatch.setattr(restore, "restore", fake_restore)
    assert cli.main(["restore", "x"]) == 1
    out, err = capsys.readouterr()
    for bad in ("\x1b", "\r", "\x07", "\u202e", "\x9b"):
        assert bad not in out + err, repr(out + err)
    lines = (out + err).splitlines()
    for prefix in ("a", "b", "couche ", "motif ", "note ", "erreur ", "c", "d", "k", "m"):
        assert any(f"{prefix}x\\x1b[31m\\n\\r\\x07\\u202e\\x9b" in line for line in lines), (prefix, lines)


def test_console_text_escapes_every_control_and_keeps_the_rest():
    assert report.console_text("a\nb\rc\x1b[2J\x07\u202ed\u2028é ü ∑ /x y") == \
        "a\\nb\\rc\\x1b[2J\\x07\\u202ed\\u2028é ü ∑ /x y"
    assert report.console_text(os.fsdecode(b"caf\xe9")) == "caf\\xe9"
    assert report.console_text("") == ""


# --- 4. CSV formulas ------------------------------------------------------------------------------------------------

def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised_json_kept_exact(tmp_path):
    from gpf_bascule.mapping.outcome import FILE_MIGRATED, FileResult, SourceOutcome
    from gpf_bascule.mapping.result import UNMAPPED

    names = ["=HYPERLINK(\"http://x\",\"clic\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd", "ok=1"]
    sources = [SourceOutcome(f"l{i}", name, "wms", UNMAPPED, "=1+1", "=1+1") for i, name in enumerate(names)]
    results = [FileResult(path="=cmd|' /C calc'!A0.qgs", status=FILE_MIGRATED, sources=sources)]
    rows = list(csv.reader(io.StringIO(report.render("r.csv", results))))[1:]
    assert [row[5] for row in rows] == ["'" + n for n in names[:-1]] + ["ok=1"]
    assert all(row[0] == "'=cmd|' /C calc'!A0.qgs" and row[8] == "'=1+1" for row in rows)
    exact = json.loads(report.render("r.json", results))
    assert [layer["name"] for layer in exact["files"][0]["layers"]] == names
    assert exact["files"][0]["path"] == "=cmd|' /C calc'!A0.qgs"


# --- 5. usage slips -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("slip", [
    ["--output-dir", "OUT", "--report", ".json"],
    ["--output-dir", "OUT", "--report", "sub/.csv"],
    ["--output-dir", "OUT", "--report", ""],
    ["--output-dir", "OUT", "--report", "dossier.html"],  # an existing folder
    ["--output-dir", ""],
    ["--output-dir", "   "],
    ["--output-dir", "fichier.txt"],  # an existing file
], ids=["suffix-only", "suffix-only-in-folder", "empty-report", "report-is-a-folder", "empty-output-dir",
        "blank-output-dir", "output-dir-is-a-file"])
def test_usage_slips_exit_2_with_a_message_and_write_nothing(tmp_path, slip):
    (tmp_path / "projet.qgs").write_bytes(samples.project([samples.LAYERS[0]]))
    (tmp_path / "fichier.txt").write_text("à garder")
    (tmp_path / "dossier.html").mkdir()
    (tmp_path / "sub").mkdir()
    before = samples.tree_hashes(tmp_path)
    done = _script("migrate", "projet.qgs", *slip, cwd=tmp_path)
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert b"Traceback" not in done.stderr
    assert b"error:" in done.stderr, done.stderr
    assert samples.tree_hashes(tmp_path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dossier.html", "fichier.txt", "projet.qgs", "sub"]


def test_usage_slips_through_main_return_2(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)  # where an empty --output-dir used to write
    (tmp_path / "projet.qgs").write_bytes(samples.project([samples.LAYERS[0]]))
    assert cli.main(["migrate", str(tmp_path / "projet.qgs"), "--output-dir", ""]) == 2
    assert "--output-dir" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["projet.qgs"]
