"""Property test: damaged .qgs/.qgz files never crash the rewrite, never change the input, never half-write.

Hypothesis drives 1,000 mutations (byte flips, truncations, insertions of XML/zip tokens, deletions, random
zip entry names, damaged projects inside valid archives) through the same per-file function the command
line uses, and checks that the streaming pass and the whole-tree path agree on each of them.
Derandomized, so that CI sees the same inputs every run.
"""

from __future__ import annotations

import io
import sys
import tempfile
import warnings
import zipfile
from pathlib import Path

from hypothesis import event, given
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))
import qgis_samples as samples  # noqa: E402

from gpf_bascule.mapping import batch, qgis_xml  # noqa: E402
from gpf_bascule.mapping.outcome import ENGINE_FAILURE, FILE_ERROR, FILE_UNCHANGED, InputError  # noqa: E402
from gpf_bascule.mapping.project_files import rewrite_file  # noqa: E402

BASE_QGS = samples.project([samples.LAYERS[0], samples.LAYERS[3], samples.LAYERS[6]])
BASE_QGZ = samples.qgz(BASE_QGS)
MIGRATE = batch.default_migrator()
TOKENS = [
    b"<", b">", b"&", b"&amp;", b"]]>", b"<!--", b"-->", b"<![CDATA[", b"<!ENTITY a 'b'>", b"<!DOCTYPE qgis [",
    b"]>", b"&a;", b"\x00", b"\xff\xfe", b"\xc3", b"PK\x03\x04", b"PK\x01\x02", b"PK\x05\x06", b"../", b"/",
    b"<maplayer>", b"</maplayer>", b"<datasource>", b"wxs.ign.fr", b"'", b'"', b"encoding='UTF-16'",
]
ENTRY_NAMES = st.one_of(
    st.sampled_from(["demo.qgs", "demo.qgd", "../demo.qgs", "/abs/demo.qgs", "a/../../b.qgs", "C:\\x.qgs",
                     "dir/", "dir/demo.qgs", "x.QGS", "é.qgs", "a\\..\\b.txt", ""]),
    st.text(alphabet="ab./\\:.qgsd é\x00", min_size=1, max_size=12),
)


def _mutate(data: bytes, draw) -> bytes:
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        operation = draw(st.sampled_from(["flip", "truncate", "insert", "delete"]))
        if not out:
            out += draw(st.binary(max_size=8))
            continue
        position = draw(st.integers(0, len(out) - 1))
        if operation == "flip":
            out[position] ^= draw(st.integers(1, 255))
        elif operation == "truncate":
            del out[position:]
        elif operation == "insert":
            chunk = draw(st.one_of(st.sampled_from(TOKENS), st.binary(min_size=1, max_size=16)))
            out[position:position] = chunk
        else:
            del out[position : position + draw(st.integers(1, 64))]
    return bytes(out)


SOURCE_TEXT = st.one_of(
    st.sampled_from([samples.WMTS, samples.WMS_R, samples.WFS, samples.VECTOR_TILES, samples.WMTS_PERSONAL]).flatmap(
        lambda base: st.builds(lambda cut, tail: base[:cut] + tail, st.integers(0, len(base)), st.text(max_size=20))
    ),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60).map(
        lambda text: "url=https://wxs.ign.fr/" + text
    ),
)

PROVIDERS = st.sampled_from(["wms", "WFS", "vectortile", ""])


def _with_sources(draw) -> bytes:
    """A well-formed project whose sources are odd strings: exercises the engine and the serialiser."""
    layers = [
        (f"l{i}", _xml_safe(draw(st.text(max_size=8))), "raster", draw(PROVIDERS), _xml_safe(draw(SOURCE_TEXT)))
        for i in range(draw(st.integers(1, 3)))
    ]
    return samples.project(layers)


def _xml_safe(text: str) -> str:
    return "".join(c for c in text if c in "\t\n\r" or (" " <= c <= "\ud7ff") or ("\ue000" <= c <= "\ufffd"))


@st.composite
def damaged_files(draw) -> tuple[str, bytes]:
    kind = draw(st.sampled_from(["qgs", "qgz", "qgz-entries", "qgz-inner", "odd-sources"]))
    if kind == "odd-sources":
        return "projet.qgs", _with_sources(draw)
    if kind == "qgs":
        return "projet.qgs", _mutate(BASE_QGS, draw)
    if kind == "qgz":
        return "projet.qgz", _mutate(BASE_QGZ, draw)
    if kind == "qgz-inner":
        return "projet.qgz", samples.qgz(_mutate(BASE_QGS, draw))
    entries = []
    for name in draw(st.lists(ENTRY_NAMES, min_size=0, max_size=4)):
        payload = draw(st.sampled_from([BASE_QGS, b"", b"junk", samples.QGD_BYTES]))
        method = draw(st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED]))
        entries.append((name, payload, method, (2022, 2, 3, 4, 5, 6)))
    return "projet.qgz", _safe_zip(entries)


def _safe_zip(entries) -> bytes:
    buffer = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w") as archive:
        warnings.simplefilter("ignore")  # duplicate names are part of the test
        for name, payload, method, date in entries:
            info = zipfile.ZipInfo(name or "-", date)
            info.compress_type = method
            archive.writestr(info, payload)
    return buffer.getvalue()


def _check_output(name: str, data: bytes) -> None:
    """A written result is a complete, safe document: a parsable project, or a sound zip with one."""
    if name.endswith(".qgz"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            assert archive.testzip() is None
            projects = [n for n in archive.namelist() if n.lower().endswith(".qgs")]
            assert len(projects) == 1
            data = archive.read(projects[0])
    assert qgis_xml.parse(data).getroot().tag == "qgis"


# 1,000 damaged files, the same ones on every run (CI must not depend on luck).
THOUSAND_DAMAGED_FILES = samples.fuzz_settings(1000)


@THOUSAND_DAMAGED_FILES
@given(damaged_files())
def test_damaged_files_are_processed_or_reported_never_crash(case):
    name, data = case
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder, "in", name)
        source.parent.mkdir()
        source.write_bytes(data)
        target = Path(folder, "out", name)
        result = batch.process(batch.Job(source, name, target), MIGRATE)
        event(f"{name[-3:]}: {result.status}" + (f" ({' '.join(result.error.split()[:3])})" if result.error else ""))
        assert source.read_bytes() == data
        leftovers = [p.name for p in Path(folder).rglob("*") if p.name.endswith(batch.TEMP_SUFFIX)]
        assert not leftovers
        if result.status == FILE_ERROR:
            assert result.error and "\n" not in result.error
            assert not result.error.startswith("erreur inattendue"), result.error  # a bug, not bad input
            assert not target.exists()
            return
        crashes = [s.reason for s in result.sources if s.reason.startswith(ENGINE_FAILURE)]
        assert not crashes, crashes  # contained for users, but a bug in the engine all the same
        written = target.read_bytes()
        if result.status == FILE_UNCHANGED:
            assert written == data
        _check_output(name, written)


def _outcome(name: str, data: bytes, streaming: bool):
    try:
        rewrite = rewrite_file(name, data, MIGRATE, streaming=streaming)
    except InputError as exc:
        return "refused", str(exc)
    return rewrite.changed, rewrite.data, rewrite.sources


@THOUSAND_DAMAGED_FILES
@given(damaged_files())
def test_streaming_pass_and_whole_tree_agree_on_damaged_files(case):
    """Same refusal (same reason), or same outcomes and same bytes: the streaming pass changes no behaviour."""
    name, data = case
    streamed = _outcome(name, data, streaming=True)
    event(f"{name[-3:]}: {streamed[0]}")
    assert streamed == _outcome(name, data, streaming=False)


def test_engine_does_not_crash_on_a_malformed_host():
    source = "styleUrl=https://wxs.ign.fr/static/vectorTiles/styles/PLAN.IGN/standard.json&type=xyz&url=https://["
    rewrite = rewrite_file("p.qgs", samples.project([("l0", "x", "raster", "wms", source)]), MIGRATE)
    (outcome,) = rewrite.sources
    assert not outcome.reason.startswith(ENGINE_FAILURE), outcome.reason
