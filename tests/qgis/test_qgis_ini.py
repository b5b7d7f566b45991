"""A QGIS3.ini written by QSettings itself (the Qt of the running QGIS) with old connections of both key
generations, names with spaces, accents and commas: the command line migrates it in place, QSettings reads it back
with the new addresses, without the credentials of moved connections, and every other value as it was."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from qgis.PyQt.QtCore import QSettings

import gpf_bascule

ROOT = Path(gpf_bascule.__file__).resolve().parent
KEY = "abcdefghijkl0123456789ab"
OLD = {
    "qgis/connections-wms/Plan clé, perso/url": f"https://wxs.ign.fr/{KEY}/geoportail/wmts",
    "qgis/WMS/Plan clé, perso/username": "jdupont",
    "qgis/WMS/Plan clé, perso/password": "S3cr3t;=,\"Pa55",
    "qgis/connections-wfs/BD TOPO/url": "https://wxs.ign.fr/topographie/geoportail/wfs",
    "connections/ows/items/wms/connections/items/Ortho IGN/url":
        "https://wxs.ign.fr/ortho/geoportail/wmts?SERVICE=WMTS&REQUEST=GetCapabilities",
    "connections/ows/items/wms/connections/items/Ortho IGN/dpiMode": 7,
    "connections/vector-tile/items/Plan vecteur/url":
        "https://wxs.ign.fr/essentiels/geoportail/tms/1.0.0/PLAN.IGN/{z}/{x}/{y}.pbf",
    "connections/vector-tile/items/Plan vecteur/styleUrl":
        "https://wxs.ign.fr/static/vectorTiles/styles/PLAN.IGN/essentiels/standard.json",
    "connections/xyz/items/OSM/url": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    "qgis/recentProjects/1/title": "Carte des forêts ∑ \"citée\"",
    "qgis/recentProjects/1/path": "/home/jean/cartes/forêts.qgz",
    "Qgis Custom/liste": ["a", "b, c"],
}


def read_all(path: Path) -> dict:
    """Every value as text (QSettings keeps the types it was given in a cache shared by the process, and reads
    text from the file: 7 then '7')."""
    settings = QSettings(str(path), QSettings.IniFormat)
    return {key: value if isinstance(value := settings.value(key), list) else str(value)
            for key in settings.allKeys()}


def test_qgis3_ini_written_by_qsettings_is_migrated_and_read_back(tmp_path):
    ini = tmp_path / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir()
    settings = QSettings(str(ini), QSettings.IniFormat)
    for key, value in OLD.items():
        settings.setValue(key, value)
    settings.sync()
    del settings
    before = read_all(ini)
    original = ini.read_bytes()

    dry = subprocess.run([sys.executable, str(ROOT / "gpf-bascule"), "migrate", str(tmp_path), "--in-place",
                          "--dry-run"], capture_output=True, text=True, timeout=120, check=False)
    assert dry.returncode == 0, dry.stderr
    assert ini.read_bytes() == original
    done = subprocess.run([sys.executable, str(ROOT / "gpf-bascule"), "migrate", str(tmp_path), "--in-place"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert "1 modifiés" in done.stdout
    after = read_all(ini)
    changed = {key for key in before if after.get(key) != before[key]}
    assert changed == {
        "qgis/connections-wms/Plan clé, perso/url", "qgis/WMS/Plan clé, perso/username",
        "qgis/WMS/Plan clé, perso/password", "qgis/connections-wfs/BD TOPO/url",
        "connections/ows/items/wms/connections/items/Ortho IGN/url",
        "connections/vector-tile/items/Plan vecteur/url", "connections/vector-tile/items/Plan vecteur/styleUrl",
    }
    assert set(after) == set(before) - {"qgis/WMS/Plan clé, perso/username", "qgis/WMS/Plan clé, perso/password"}
    for key in changed & set(after):
        assert after[key].startswith("https://data.geopf.fr/"), (key, after[key])
    assert after["connections/ows/items/wms/connections/items/Ortho IGN/url"] == (
        "https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetCapabilities")
    assert KEY not in ini.read_text(encoding="latin-1")
    backup = next(ini.parent.glob("QGIS3.ini.bak-gpf-*"))
    assert backup.read_bytes() == original
