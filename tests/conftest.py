"""Shared test set-up: the checkout is imported as `gpf_bascule`, and the recorded GPF data is found."""

import os
import runpy
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
runpy.run_path(str(ROOT / "gpf-bascule"), run_name="gpf_bascule_loader")["load_package"]()

SHARED_DATA = Path(os.environ.get("GPF_SHARED_DATA", ROOT.parent / "shared" / "gpf-data"))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The recorded GPF documents (../shared/gpf-data); CI always has them."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"recorded GPF data not found at {SHARED_DATA}")
    return SHARED_DATA


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Print the figures tests measured (coverage...), kept in config.__dict__["_gpf_figures"]."""
    for line in config.__dict__.get("_gpf_figures", []):
        terminalreporter.write_line(line)
