"""tools/run_qgis.sh --dry-run: the throw-away profile it prepares and the QGIS command it would run."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tools" / "run_qgis.sh"

pytestmark = pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")


def _dry_run(*args: str, display: str = "") -> str:
    env = {key: value for key, value in os.environ.items() if key != "DISPLAY"}
    if display:
        env["DISPLAY"] = display
    return subprocess.run(
        [str(SCRIPT), "--dry-run", *args], env=env, capture_output=True, text=True, check=True, timeout=60
    ).stdout


def test_dry_run_prepares_the_profile_and_prints_the_command(tmp_path: Path) -> None:
    output = _dry_run("--keep")
    profile = Path(re.search(r"^profile: (.+)$", output, re.MULTILINE).group(1))
    try:
        assert profile.parts[-2:] == ("profiles", "default")  # what QGIS makes of --profiles-path DIR
        plugin = profile / "python" / "plugins" / "gpf_bascule"
        assert plugin.is_symlink() and plugin.resolve() == ROOT
        ini = (profile / "QGIS" / "QGIS3.ini").read_text(encoding="utf-8")
        assert "[PythonPlugins]\ngpf_bascule=true" in ini
        assert "checkVersion=false" in ini
        command = re.search(r"^command: (.+)$", output, re.MULTILINE).group(1)
        assert command.startswith("xvfb-run -a ")  # no $DISPLAY here
        assert f"--profiles-path {profile.parent.parent}" in command
        assert "--nologo --noversioncheck" in command
        assert command.endswith("resources/demo/projet_geoportail_2019.qgz")
    finally:
        shutil.rmtree(profile.parent.parent)


def test_dry_run_with_a_display_and_a_screenshot() -> None:
    output = _dry_run("--screenshot", "/tmp/x.png", display=":0")
    command = re.search(r"^command: (.+)$", output, re.MULTILINE).group(1)
    assert command.startswith("qgis ")
    assert "--code" in command and "tools/qgis_startup.py" in command
    profile = Path(re.search(r"^profile: (.+)$", output, re.MULTILINE).group(1))
    assert not profile.exists()  # without --keep the profile goes away
