"""Plugin identity, read once from metadata.txt so that the version lives in a single place.

No `qgis` import here: the command line and the unit tests use it too.
"""

from __future__ import annotations

import configparser
from pathlib import Path

PLUGIN_DIR = Path(__file__).resolve().parent


def _read_metadata(path: Path = PLUGIN_DIR / "metadata.txt") -> dict[str, str]:
    """Return the [general] section of metadata.txt (interpolation off: texts may hold '%')."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keep camelCase keys such as qgisMinimumVersion
    with path.open(encoding="utf-8") as handle:
        parser.read_file(handle)
    return dict(parser["general"])


METADATA: dict[str, str] = _read_metadata()

__title__: str = METADATA["name"]
__version__: str = METADATA["version"]
__tool_name__: str = f"gpf-bascule {__version__}"  # how reports and the command line name the tool
__summary__: str = METADATA.get("description", "")
__homepage__: str = METADATA.get("homepage", "")
__tracker__: str = METADATA.get("tracker", "")
__icon_path__: Path = PLUGIN_DIR / METADATA.get("icon", "resources/icon.svg")
__qgis_min_version__: str = METADATA.get("qgisMinimumVersion", "")
