"""Hostile documents (issue 10, parsing bounds): entity bombs in any encoding, zip bombs, markup in a source.

Each test reproduces an attack and checks the promise: a clear per-file error (the rest of the folder is
processed), no entity expansion and no unbounded inflation, and no part of an old source (with its key)
left behind by a comment or a processing instruction inside `<datasource>`.
"""

from __future__ import annotations

import io
import random
import shutil
import sys
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent))
import qgis_samples as samples  # noqa: E402

from gpf_bascule.catalog.snapshot import load_snapshot  # noqa: E402
from gpf_bascule.cli import main  # noqa: E402
from gpf_bascule.mapping import batch, project_files, qgis_xml, xml_stream  # noqa: E402
from gpf_bascule.mapping.batch import default_migrator  # noqa: E402
from gpf_bascule.mapping.outcome import FILE_ERROR, FILE_MIGRATED, InputError  # noqa: E402
from gpf_bascule.mapping.project_files import rewrite_file  # noqa: E402

DATE = (2020, 1, 1, 0, 0, 0)


@pytest.fixture(scope="module")
def migrate():
    return default_migrator()


# --- 1. entity bombs in any encoding ----------------------------------------------------------------------


def _laughs(root: str = "qgis", levels: int = 9, root_attributes: str = "") -> str:
    """Billion laughs: 10**(levels-1) copies of "ha", referenced from an attribute (expanded even without
    entity substitution) and from a data source."""
    entities = ['<!ENTITY a0 "ha">'] + [
        f'<!ENTITY a{i} "' + f"&a{i - 1};" * 10 + '">' for i in range(1, levels)
    ]
    last = f"&a{levels - 1};"
    return (
        f"<!DOCTYPE {root} [{''.join(entities)}]>\n"
        f'<{root} {root_attributes} title="{last}"><projectlayers><maplayer><id>x</id>'
        f"<datasource>url={last}</datasource><provider>wms</provider></maplayer></projectlayers></{root}>\n"
    )


def _declared(encoding: str, body: str, *, bom: bool = False, spaces: int = 0) -> bytes:
    declaration = f'<?xml version="1.0"{" " * spaces} encoding="{encoding}"?>\n'
    text = declaration + body
    if encoding.upper() == "UTF-7":  # Python writes "<" and "!" as they are: spell them the UTF-7 way
        return declaration.encode() + body.encode("utf-7").replace(b"<!", b"+ADwAIQ-")
    codec = {"IBM037": "cp037", "UTF-16": "utf-16-le", "UTF-32": "utf-32-le"}.get(encoding, encoding)
    data = text.encode(codec)
    if bom:
        data = {"utf-16-le": b"\xff\xfe", "utf-32-le": b"\xff\xfe\x00\x00"}[codec] + data
    return data


BOMBS = {
    "ebcdic": lambda body: _declared("IBM037", body),
    "ebcdic-long-declaration": lambda body: ('<?xml version="1.0"' + " " * 600 + ' encoding="IBM037"?>').encode()
    + body.encode("cp037"),
    "utf-7-long-declaration": lambda body: _declared("UTF-7", body, spaces=600),
    "utf-16-bom": lambda body: _declared("UTF-16", body, bom=True),
    "utf-16-no-bom": lambda body: _declared("UTF-16", body),
    "utf-16-be-no-declaration": lambda body: body.encode("utf-16-be"),
    "utf-32-bom": lambda body: _declared("UTF-32", body, bom=True),
    "utf-32-no-bom": lambda body: _declared("UTF-32", body),
    "utf-8": lambda body: _declared("UTF-8", body),
}


@pytest.fixture()
def no_parse(monkeypatch):
    """Fail if a bomb reaches lxml: the guard must refuse it from its bytes, before any expansion."""
    bombs: list[bytes] = []
    fromstring, iterparse = etree.fromstring, etree.iterparse

    def guarded_fromstring(data, *args, **kwargs):
        assert data not in bombs, "a hostile document reached the XML parser"
        return fromstring(data, *args, **kwargs)

    def guarded_iterparse(source, *args, **kwargs):
        head = source.read(64)
        assert not any(bomb.startswith(head) for bomb in bombs), "a hostile document reached the XML parser"
        return iterparse(io.BytesIO(head + source.read()), *args, **kwargs)

    monkeypatch.setattr(etree, "fromstring", guarded_fromstring)
    monkeypatch.setattr(etree, "iterparse", guarded_iterparse)
    return bombs


@pytest.mark.parametrize("variant", sorted(BOMBS))
def test_entity_bomb_in_any_encoding_is_refused_before_parsing(migrate, no_parse, variant):
    data = BOMBS[variant](_laughs())
    assert len(data) < 4000
    no_parse.append(data)
    with pytest.raises(InputError, match="encodage|DTD interne") as refused:
        qgis_xml.check_prolog(data)
    for streaming in (True, False):
        with pytest.raises(InputError) as error:
            rewrite_file("bomb.qgs", data, migrate, streaming=streaming)
        assert str(error.value) == str(refused.value)
    with pytest.raises(InputError):
        xml_stream.scan(data)
    with pytest.raises(InputError):
        qgis_xml.parse(data)


def test_plain_utf8_latin1_and_ascii_projects_still_parse(migrate):
    data = samples.project()
    for encoding in ("UTF-8", "utf8", "ISO-8859-1", "ISO-8859-15", "windows-1252", "US-ASCII"):
        variant = data.replace(b'encoding="UTF-8"?>', f'encoding="{encoding}"?>'.encode(), 1)
        variant = variant.decode("utf-8").encode("ascii", "xmlcharrefreplace")
        assert rewrite_file("p.qgs", variant, migrate).changed, encoding
    bom = b"\xef\xbb\xbf" + data
    assert rewrite_file("p.qgs", bom, migrate).changed
    assert rewrite_file("p.qgs", b"\n  " + data.split(b"?>", 1)[1].lstrip(), migrate).changed


def test_an_entity_bomb_in_a_folder_is_one_error_and_the_other_files_are_migrated(tmp_path, no_parse):
    folder = tmp_path / "in"
    folder.mkdir()
    variants = ("ebcdic", "utf-16-no-bom", "utf-7-long-declaration")
    bombs = {f"{name}.qgs": BOMBS[name](_laughs(levels=7)) for name in variants}
    no_parse.extend(bombs.values())
    for name, data in bombs.items():
        (folder / name).write_bytes(data)
    (folder / "good.qgs").write_bytes(samples.project())
    results = {Path(r.path).name: r for r in batch.run([str(folder)], output_dir=str(tmp_path / "out"))}
    assert results["good.qgs"].status == FILE_MIGRATED
    for name in bombs:
        assert results[name].status == FILE_ERROR
        assert "encodage" in results[name].error
        assert not (tmp_path / "out" / name).exists()


# --- 2. catalog --build ------------------------------------------------------------------------------------

WMTS_ROOT = 'xmlns="http://www.opengis.net/wmts/1.0" xmlns:ows="http://www.opengis.net/ows/1.1"'


@pytest.mark.parametrize("variant", ["ebcdic", "utf-16-no-bom", "utf-7-long-declaration", "utf-8"])
def test_catalog_build_refuses_a_hostile_document_and_builds_the_others(
    shared_data, tmp_path, capsys, no_parse, variant
):
    """The hostile WMTS document stands for its service (no good one in the folder): the build reports it
    and goes on with the other services."""
    folder = tmp_path / "docs"
    folder.mkdir()
    for source, name in (
        ("capabilities/gpf_wms-r_2024-06-06.xml", "b.xml"),
        ("capabilities/gpf_wfs_2025-06-25.xml", "c.xml"),
        ("mapping/gpf_services_by_theme.csv", "f.csv"),
    ):
        shutil.copy(shared_data / source, folder / name)
    bomb = BOMBS[variant](_laughs(root="Capabilities", levels=7, root_attributes=WMTS_ROOT))
    no_parse.append(bomb)
    (folder / "wmts-capabilities.xml").write_bytes(bomb)
    output = tmp_path / "out.json.gz"
    assert main(["catalog", "--build", "--source", str(folder), "--output", str(output)]) == 0
    catalog = load_snapshot(output)
    assert len(catalog.by_service("wfs")) == 726
    assert len(catalog.by_service("wms-r")) > 300
    wmts = next(s for s in catalog.services if s.service == "wmts")
    assert wmts.status == "error"
    assert "encodage" in wmts.error or "DTD interne" in wmts.error
    assert "wmts" in capsys.readouterr().err


# --- 3. zip bombs ------------------------------------------------------------------------------------------


def _bomb_qgz(inflated: int, extra: bytes = b"", name: str = "bomb.qgs", project: bytes | None = None) -> bytes:
    """A .qgz whose `name` entry is a project padded with `inflated` spaces, compressed a megabyte at a
    time (the test never holds the inflated bytes)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if project is not None:
            archive.writestr(zipfile.ZipInfo("demo.qgs", DATE), project, zipfile.ZIP_DEFLATED)
        info = zipfile.ZipInfo(name, DATE)
        info.compress_type = zipfile.ZIP_DEFLATED
        head, tail = b'<?xml version="1.0" encoding="UTF-8"?>\n<qgis version="3.34.4">', b"</qgis>\n"
        with archive.open(info, "w", force_zip64=True) as writer:
            writer.write(head)
            chunk = b" " * (1 << 20)
            for _ in range(inflated >> 20):
                writer.write(chunk)
            writer.write(extra + tail)
    return buffer.getvalue()


def test_a_zip_bomb_is_refused_with_bounded_memory(migrate):
    """64 MB of spaces in 64 KB: refused for its ratio, never inflated whole."""
    data = _bomb_qgz(64 << 20)
    assert len(data) < 200_000
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match="bombe zip"):
            rewrite_file("bomb.qgz", data, migrate)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 40 << 20  # the whole entry (64 MB) was never held


def test_the_inflated_size_bound_holds_whatever_the_ratio(migrate, monkeypatch):
    monkeypatch.setattr(project_files, "_MAX_QGS_BYTES", 4 << 20)
    noise = random.Random(10).randbytes(3 << 20).hex().encode()  # 2:1 at best: only the size bound refuses it
    comment = b"<!-- " + noise + b" -->"
    data = _bomb_qgz(0, extra=comment)
    with pytest.raises(InputError, match="bombe zip"):
        rewrite_file("big.qgz", data, migrate)


@pytest.mark.parametrize("bound", ["size", "ratio"])
def test_the_bounds_are_measured_while_inflating(monkeypatch, bound):
    """Whatever the archive declares (checked first), the bytes actually inflated are counted and stop the read."""
    if bound == "size":
        monkeypatch.setattr(project_files, "_MAX_QGS_BYTES", 4 << 20)
    data = _bomb_qgz(64 << 20)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        (info,) = archive.infolist()
        inflation = project_files._Inflation(len(data))
        with pytest.raises(InputError, match="taux de compression" if bound == "ratio" else "Mo une fois"):
            project_files._read_entry(archive, info, inflation)
    assert inflation.total <= (project_files._RATIO_FROM_BYTES if bound == "ratio" else 4 << 20) + (1 << 20)


def test_a_bomb_in_another_entry_of_the_archive_is_refused(migrate):
    """The auxiliary entries are inflated when the archive is rebuilt: same bound."""
    data = _bomb_qgz(64 << 20, name="bomb.qgd", project=samples.project())
    with pytest.raises(InputError, match="bombe zip"):
        rewrite_file("aux.qgz", data, migrate)


def test_a_zip_bomb_in_a_folder_is_one_error_and_the_other_files_are_migrated(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bomb.qgz").write_bytes(_bomb_qgz(64 << 20))
    (folder / "good.qgz").write_bytes(samples.qgz())
    results = {Path(r.path).name: r for r in batch.run([str(folder)], output_dir=str(tmp_path / "out"))}
    assert results["good.qgz"].status == FILE_MIGRATED
    assert results["bomb.qgz"].status == FILE_ERROR and "bombe zip" in results["bomb.qgz"].error


def test_a_real_big_project_is_far_below_the_bounds():
    """The 10,000-layer project of tools/bench.py is 74 MB at 34:1; the bounds leave a wide margin."""
    assert project_files._MAX_QGS_BYTES >= 256 << 20
    assert project_files._MAX_RATIO >= 100


# --- 4. comments and processing instructions inside <datasource> -------------------------------------------

KEY = samples.PERSONAL_KEY
HEAD = "contextualWMSLegend=0&crs=EPSG:3857&dpiMode=7&featureCount=10&format=image/png&styles=normal"
CLEAN = f"{HEAD}&tileMatrixSet=PM&url=https://wxs.ign.fr/{KEY}/geoportail/wmts&layers=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2"
MARKUP = {
    "comment-before-layers": ("/geoportail/wmts", "/geoportail/wmts<!-- c -->"),
    "pi-before-layers": ("/geoportail/wmts", "/geoportail/wmts<?pi x?>"),
    "comment-in-the-key": (KEY, KEY[:6] + "<!-- split -->" + KEY[6:]),
    "comment-and-pi": ("&tileMatrixSet", "<?a b?>&tileMatrixSet<!--x-->"),
    "comment-holding-the-key": ("&layers", f"<!-- old: https://wxs.ign.fr/{KEY}/ -->&layers"),
}


def _with_markup(variant: str) -> tuple[bytes, bytes]:
    """The same project, once clean and once with markup inside the WMTS layer's <datasource>."""
    clean = samples.project([("plan_2", "Plan", "raster", "wms", CLEAN), samples.LAYERS[0]])
    escaped = CLEAN.replace("&", "&amp;")
    old, new = MARKUP[variant]
    hostile = escaped.replace(old.replace("&", "&amp;"), new.replace("&", "&amp;"), 1)
    assert hostile != escaped
    data = clean.replace(f"<datasource>{escaped}</datasource>".encode(), f"<datasource>{hostile}</datasource>".encode())
    assert data != clean
    return clean, data


@pytest.mark.parametrize("variant", sorted(MARKUP))
def test_markup_inside_a_datasource_neither_hides_part_of_it_nor_leaves_it_behind(migrate, variant):
    clean, hostile = _with_markup(variant)
    expected = rewrite_file("p.qgs", clean, migrate)
    assert expected.changed
    streamed = rewrite_file("p.qgs", hostile, migrate)
    tree = rewrite_file("p.qgs", hostile, migrate, streaming=False)
    assert streamed.data == tree.data
    assert streamed.sources == tree.sources == expected.sources
    for out in (streamed.data, tree.data):
        assert b"wxs.ign.fr" not in out
        assert KEY.encode() not in out and KEY[6:].encode() not in out
        root = etree.fromstring(out)
        for datasource in root.iter("datasource"):
            assert len(datasource) == 0  # no comment, PI or element left inside a rewritten source
        assert samples.sources_by_id(out) == samples.sources_by_id(expected.data)


def test_the_streaming_pass_reads_the_whole_text_of_a_datasource():
    _, hostile = _with_markup("comment-in-the-key")
    found = xml_stream.scan(hostile)
    assert found is not None
    assert [layer.source for layer in found.layers][0] == CLEAN
    tree = qgis_xml.parse(hostile)
    assert [layer.source for layer in qgis_xml.iter_map_layers(tree.getroot())][0] == CLEAN
