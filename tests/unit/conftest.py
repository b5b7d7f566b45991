"""Fixtures shared by unit test modules."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def built_zip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The zip as `make package` builds it (the tool's own command line, in a throw-away folder), built once."""
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, str(ROOT / "tools" / "package.py"), "--output", str(out)], check=True,
                   capture_output=True)
    zips = list(out.glob("*.zip"))
    assert len(zips) == 1
    return zips[0]
