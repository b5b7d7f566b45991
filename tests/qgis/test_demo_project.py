"""The committed demo project is exactly what tools/make_demo_project.py builds (so nobody edits it by hand)."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from qgis.core import Qgis

import gpf_bascule

ROOT = Path(gpf_bascule.__file__).resolve().parent
DEMO = ROOT / "resources" / "demo" / "projet_geoportail_2019.qgz"


def _saved_with() -> str:
    with zipfile.ZipFile(DEMO) as archive:
        head = archive.read(f"{DEMO.stem}.qgs")[:400].decode("utf-8")
    return re.search(r'version="([^"]+)"', head).group(1)


def test_demo_project_is_rebuilt_byte_for_byte(shared_data: Path, tmp_path: Path) -> None:
    if _saved_with() != Qgis.QGIS_VERSION:
        pytest.skip(f"demo written by QGIS {_saved_with()}, this is {Qgis.QGIS_VERSION}: bytes may differ")
    output = tmp_path / DEMO.name
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "tools" / "make_demo_project.py"),
            "--data",
            str(shared_data),
            "--output",
            str(output),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert output.read_bytes() == DEMO.read_bytes(), "run tools/make_demo_project.py and commit its output"
    gpkg = Path("donnees") / "zones_etude.gpkg"
    assert (tmp_path / gpkg).read_bytes() == (DEMO.parent / gpkg).read_bytes()


def test_demo_project_holds_no_real_secret() -> None:
    with zipfile.ZipFile(DEMO) as archive:
        text = archive.read(f"{DEMO.stem}.qgs").decode("utf-8")
    keys = set(re.findall(r"wxs\.ign\.fr/([A-Za-z0-9]{24})/", text))
    assert keys == {"abcd1234efgh5678ijkl9012", "mnop3456qrst7890uvwx1234"}  # the two made-up keys
    assert "127.0.0.1" not in text
