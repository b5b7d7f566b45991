"""The project's tools/ scripts as modules, for the tests that check them (tools/ is not a package)."""

from __future__ import annotations

import functools
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

TOOLS = Path(__file__).resolve().parent.parent / "tools"


@functools.cache
def load_tool(name: str) -> ModuleType:
    """tools/<name>.py, loaded once per test run (registered in sys.modules: dataclasses look their module up)."""
    spec = importlib.util.spec_from_file_location(f"gpf_bascule_tool_{name}", TOOLS / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module
