"""A QGIS profile's QGIS3.ini rewritten offline: saved connections of both key generations, QSettings' escaping
kept, every other byte as it was, a backup, one report row per connection. QGIS itself reading the result back:
tests/qgis/test_project_storage.py (QSettings writes the file, the command line migrates it, QSettings reads it).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import qgis_samples as samples  # noqa: E402

from gpf_bascule.cli import main  # noqa: E402
from gpf_bascule.mapping import batch, qgis_ini, restore  # noqa: E402

KEY = samples.PERSONAL_KEY
# As Qt 5 writes it (QGIS 3.22): keys escaped (%20, %E9), values with '=' quoted, no codec (accents as \xNN).
INI = (
    "[General]\r\n"
    "showTips=false\r\n"
    "\r\n"
    "[connections]\r\n"
    'ows\\items\\wms\\connections\\items\\Ortho%20IGN\\url="https://wxs.ign.fr/ortho/geoportail/wmts?SERVICE=WMTS'
    '&REQUEST=GetCapabilities"\r\n'
    "ows\\items\\wms\\connections\\items\\Ortho%20IGN\\dpiMode=7\r\n"
    "ows\\items\\wfs\\connections\\items\\BD%20TOPO\\url=https://wxs.ign.fr/topographie/geoportail/wfs\r\n"
    "ows\\items\\wfs\\connections\\items\\BD%20TOPO\\username=jdupont\r\n"
    "ows\\items\\wfs\\connections\\items\\BD%20TOPO\\password=S3cr3t-Pa55\r\n"
    "xyz\\items\\OSM\\url=https://tile.openstreetmap.org/{z}/{x}/{y}.png\r\n"
    "\r\n"
    "[qgis]\r\n"
    "; a comment QSettings never writes but a deployment tool may\r\n"
    f"connections-wms\\Plan%20cl%E9\\url=https://wxs.ign.fr/{KEY}/geoportail/wmts\r\n"
    "connections-wms\\Plan%20cl%E9\\ignoreAxisOrientation=false\r\n"
    "WMS\\Plan%20cl%E9\\username=jdupont\r\n"
    "WMS\\Plan%20cl%E9\\password=S3cr3t-Pa55\r\n"
    "connections-vector-tile\\Plan%20vecteur\\url=https://wxs.ign.fr/essentiels/geoportail/tms/1.0.0/PLAN.IGN/"
    "{z}/{x}/{y}.pbf\r\n"
    "connections-vector-tile\\Plan%20vecteur\\styleUrl=https://wxs.ign.fr/static/vectorTiles/styles/PLAN.IGN/"
    "essentiels/standard.json\r\n"
    "connections-vector-tile\\Plan%20vecteur\\zmax=18\r\n"
    "connections-vector-tile\\Plan%20vecteur\\zmin=0\r\n"
    "recentProjects\\1\\title=Carte des for\\xeats\r\n"
    "\r\n"
    "[Qgis%20Custom]\r\n"
    "a%2Cb=\"x, y\"\r\n"
).encode("ascii")


def run(data: bytes = INI):
    return qgis_ini.rewrite_ini(data, batch.default_migrator())


def test_both_generations_are_migrated_and_only_their_values_change():
    result = run()
    assert result.changed
    by_id = {source.id: source for source in result.sources}
    assert set(by_id) == {
        "connections/ows/items/wms/connections/items/Ortho IGN",
        "connections/ows/items/wfs/connections/items/BD TOPO",
        "connections/xyz/items/OSM",
        "qgis/connections-wms/Plan clé",
        "qgis/connections-vector-tile/Plan vecteur",
    }
    assert by_id["connections/xyz/items/OSM"].status == "unchanged"
    assert by_id["qgis/connections-wms/Plan clé"].status == "migrated"
    old_lines, new_lines = INI.split(b"\r\n"), result.data.split(b"\r\n")
    gone = [line for line in old_lines if line not in new_lines]
    added = [line for line in new_lines if line not in old_lines]
    # every line QGIS would not change is still there, byte for byte, in the same order
    assert [line for line in old_lines if line not in gone] == [line for line in new_lines if line not in added]
    assert all(b"wxs.ign.fr" in line or b"username" in line or b"password" in line for line in gone)
    assert len(added) == 5  # 2 WMS urls, 1 WFS url, the vector tiles url and style
    assert all(b"data.geopf.fr" in line for line in added)
    assert b"S3cr3t-Pa55" not in result.data and b"jdupont" not in result.data  # credentials of moved connections go
    assert KEY.encode() not in result.data
    assert b'Ortho%20IGN\\url="https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetCapabilities"\r\n' in result.data
    assert b"\r\nconnections-wms\\Plan%20cl%E9\\url=\"https://data.geopf.fr/wmts?" in result.data
    assert b"recentProjects\\1\\title=Carte des for\\xeats\r\n" in result.data
    assert run(result.data).changed is False  # a second run changes nothing


def test_qsettings_escaping_round_trips():
    for key in ("qgis/connections-wms/Plan clé", "a,b;c=d/é∑", "simple_key-1.0"):
        assert qgis_ini.unescape_key(qgis_ini.escape_key(key)) == key
    assert qgis_ini.escape_key("connections-wms/Plan clé/url") == "connections-wms\\Plan%20cl%E9\\url"
    assert qgis_ini.escape_key("∑") == "%U2211"
    for value in ("https://x/?a=b&c=d", " lead", "trail ", 'quote " back\\slash', "tab\tnew\nline", "é0", "a;b,c"):
        for utf8 in (False, True):
            assert qgis_ini.unescape_value(qgis_ini.escape_value(value, utf8)) == value, (value, utf8)
    assert qgis_ini.escape_value("é0", utf8=False) == "\\xe9\\x30"  # Qt 5: a hex digit after \x is escaped too
    assert qgis_ini.escape_value("é0", utf8=True) == "é0"
    assert qgis_ini.unescape_value("a, b") is None  # a string list: not ours
    assert qgis_ini.unescape_value("@Variant(\\0\\0)") is None


def test_utf8_file_written_by_qt6_keeps_raw_accents():
    data = ("[qgis]\nconnections-wms\\Carte\\url=https://wxs.ign.fr/ortho/geoportail/wmts\n"
            "recentProjects\\1\\title=Carte des forêts\n").encode()
    result = run(data)
    assert result.changed
    assert "recentProjects\\1\\title=Carte des forêts\n".encode() in result.data
    assert result.data.decode("utf-8").count("\n") == 3


def test_unmapped_and_foreign_connections_are_left_alone():
    data = b"[qgis]\nconnections-wms\\Autre\\url=https://example.org/wms\nconnections-wms\\Vide\\url=\n"
    result = run(data)
    assert not result.changed and result.data is data
    assert [source.status for source in result.sources] == ["unchanged"]


def test_in_place_with_backup_report_rows_and_restore(tmp_path, capsys):
    profile = tmp_path / "profiles" / "default"
    (profile / "QGIS").mkdir(parents=True)
    ini = profile / "QGIS" / "QGIS3.ini"
    ini.write_bytes(INI)
    (profile / "QGIS" / "QGISCUSTOMIZATION3.ini").write_bytes(INI)  # not a settings file QGIS reads connections from
    plugin = profile / "python" / "plugins" / "un_plugin"
    plugin.mkdir(parents=True)
    (plugin / "demo.qgs").write_bytes(samples.project(samples.LAYERS[:1]))  # a plugin's own file: not the user's
    (profile / "modeles").mkdir()
    (profile / "modeles" / "modele.qgs").write_bytes(samples.project(samples.LAYERS[:1]))
    report = tmp_path / "rapport.json"
    assert main(["migrate", str(profile), "--in-place", "--report", str(report)]) == 0
    backups = list(ini.parent.glob("QGIS3.ini.bak-gpf-*"))
    assert len(backups) == 1 and backups[0].read_bytes() == INI
    assert (profile / "QGIS" / "QGISCUSTOMIZATION3.ini").read_bytes() == INI  # only QGIS3.ini in a folder walk
    import json

    files = json.loads(report.read_text())["files"]
    assert [entry["path"] for entry in files] == [str(ini), str(profile / "modeles" / "modele.qgs")]
    assert (plugin / "demo.qgs").read_bytes() == samples.project(samples.LAYERS[:1])
    assert "S3cr3t" not in report.read_text() and KEY not in report.read_text()
    assert main(["restore", str(profile)]) == 0
    assert ini.read_bytes() == INI
    capsys.readouterr()


@pytest.mark.parametrize("data", [b"\0\0\0binary", INI[: len(INI) // 2], INI[:-7], b"[qgis\r\n=\r\n\\=x\r\n",
                                  "[qgis]\nconnections-wms\\\u2028\\url=https://wxs.ign.fr/x/wmts\u0085\n".encode(),
                                  b"[qgis]\rconnections-wms\\A\\url=\"https://wxs.ign.fr/ortho/geoportail/wms\\"])
def test_odd_files_never_crash(data, tmp_path):
    """The rewriter itself: a clear InputError or a result, and any other exception fails the test (batch.run
    would turn a crash into an error row)."""
    try:
        result = run(data)
    except qgis_ini.InputError as exc:
        assert str(exc)
        return
    assert isinstance(result.data, bytes) and result.changed == (result.data != data)
    path = tmp_path / "QGIS3.ini"
    path.write_bytes(data)
    results = batch.run([str(path)], in_place=True)
    assert results[0].status == ("migrated" if result.changed else "unchanged")


def test_restore_module_sees_ini_backups(tmp_path):
    path = tmp_path / "QGIS3.ini"
    path.write_bytes(INI)
    batch.run([str(path)], in_place=True)
    assert [result.status for result in restore.restore([str(tmp_path)])] == [restore.RESTORED]
    assert path.read_bytes() == INI


def test_line_separators_inside_values_are_ordinary_characters():
    """QSettings ends a line at \\n, \\r\\n or \\r only: U+2028, U+0085, \\x0c inside a value are kept byte for byte,
    and what follows them on the line is not read as a new line (here a section heading)."""
    title = "recentProjects\\1\\title=Notes\u2028[autres]\u0085\x0cfin\r\n"
    data = ("[qgis]\r\n" + title + "connections-wms\\Carte\\url=https://wxs.ign.fr/ortho/geoportail/wmts\r\n").encode()
    result = run(data)
    assert [(source.id, source.status) for source in result.sources] == [("qgis/connections-wms/Carte", "migrated")]
    assert result.data.startswith(("[qgis]\r\n" + title).encode())
    assert result.data.endswith(b"\r\n") and result.data.count(b"\r\n") == 3
    latin1 = b"[qgis]\nrecentProjects\\1\\title=Carte\x85[x]\nconnections-wms\\C\\url=https://wxs.ign.fr/ortho/geoportail/wmts\n"
    result = run(latin1)
    assert result.changed and result.data.startswith(b"[qgis]\nrecentProjects\\1\\title=Carte\x85[x]\n")
    old_mac = b"[qgis]\rconnections-wms\\C\\url=https://wxs.ign.fr/ortho/geoportail/wmts\rzz=1\r"
    assert run(old_mac).data.endswith(b"\rzz=1\r")


def test_an_entry_the_file_lacks_is_added_after_the_url_line():
    """A connection change that needs a key the file never had (here a style for vector tiles): a new line in the
    url's section, right after it, never a crash."""
    from dataclasses import replace

    def with_style(provider, source):
        migration = batch.default_migrator()(provider, source)
        if "PLAN.IGN" not in migration.new_source:
            return migration
        return replace(migration, new_source=migration.new_source + "&styleUrl=https://data.geopf.fr/style.json")

    lines = INI.split(b"\r\n")
    for data in (b"\r\n".join(line for line in lines if b"styleUrl" not in line),
                 b"[qgis]\r\nconnections-vector-tile\\Plan%20vecteur\\url=https://wxs.ign.fr/essentiels/geoportail/tms/"
                 b"1.0.0/PLAN.IGN/{z}/{x}/{y}.pbf"):
        result = qgis_ini.rewrite_ini(data, with_style)
        text = result.data.decode("ascii")
        assert "connections-vector-tile\\Plan%20vecteur\\url=https://data.geopf.fr/tms/1.0.0/PLAN.IGN/{z}/{x}/{y}.pbf\r\n"\
               "connections-vector-tile\\Plan%20vecteur\\styleUrl=https://data.geopf.fr/style.json" in text
        _lines, entries = qgis_ini.parse(text)
        assert [entry.key for entry in entries].count("qgis/connections-vector-tile/Plan vecteur/styleUrl") == 1
        assert text.endswith("\r\n") == data.endswith(b"\r\n")
    odd = b"[qgis]\nconnections-vector-tile\\Plan%20vecteur\\%75rl=https://wxs.ign.fr/essentiels/geoportail/tms/1.0.0/PLAN.IGN/"
    with pytest.raises(qgis_ini.InputError, match="styleUrl"):  # no safe spelling for the new key: nothing written
        qgis_ini.rewrite_ini(odd + b"{z}/{x}/{y}.pbf\n", with_style)
