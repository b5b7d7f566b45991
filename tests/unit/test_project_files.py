"""Rewriting .qgs, .qgz and .qlr bytes: only data sources change, everything else comes back as it was."""

from __future__ import annotations

import io
import re
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent))
import qgis_samples as samples  # noqa: E402

from gpf_bascule.mapping import project_files  # noqa: E402
from gpf_bascule.mapping.batch import atomic_write, default_migrator  # noqa: E402
from gpf_bascule.mapping.outcome import InputError, memoized  # noqa: E402
from gpf_bascule.mapping.project_files import rewrite_file, rewrite_qgz  # noqa: E402
from gpf_bascule.mapping.result import MIGRATED, UNCHANGED, UNMAPPED, Migration  # noqa: E402

DATE = (2020, 1, 1, 0, 0, 0)


@pytest.fixture(scope="module")
def migrate():
    return default_migrator()


def _qgs_of(qgz: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(qgz)) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(".qgs")]
        return archive.read(name)


# --- .qgs ---------------------------------------------------------------------------------------------------


def test_qgs_old_sources_migrate_and_others_come_back_byte_identical(migrate):
    data = samples.project()
    rewrite = rewrite_file("demo.qgs", data, migrate)
    assert rewrite.changed
    before, after = samples.sources_by_id(data), samples.sources_by_id(rewrite.data)
    for layer_id, old in before.items():
        if layer_id in samples.IGN_IDS:
            assert "wxs.ign.fr" not in after[layer_id]
            assert "data.geopf.fr" in after[layer_id]
        else:
            assert after[layer_id] == old  # postgres, shapefile, OSM: untouched
    statuses = {s.id: s.status for s in rewrite.sources}
    assert {i: statuses[i] for i in samples.IGN_IDS} == dict.fromkeys(samples.IGN_IDS, MIGRATED)
    assert statuses["routes_6"] == statuses["communes_7"] == statuses["osm_8"] == UNCHANGED


def test_qgs_everything_but_sources_is_unchanged(migrate):
    data = samples.project()
    rewrite = rewrite_file("demo.qgs", data, migrate)
    assert samples.without_sources(rewrite.data) == samples.without_sources(data)


def test_qgs_prolog_doctype_and_trailing_comment_are_kept_byte_for_byte(migrate):
    data = samples.project(trailer="<!-- saved by hand -->\n")
    out = rewrite_file("demo.qgs", data, migrate).data
    head = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
    assert out.startswith(head + b"<qgis ")
    assert out.endswith(b"</qgis>\n<!-- saved by hand -->\n")
    assert "é ü ∑".encode() in out  # UTF-8 text stays UTF-8 (no character references)


def _blank_sources(data: bytes) -> bytes:
    data = re.sub(rb"<datasource>[^<]*</datasource>", b"<datasource/>", data)
    return re.sub(rb'(source|coverageLayerSource)="[^"]*"', rb'\1=""', data)


def test_only_the_source_bytes_change(migrate):
    """QGIS writes `<value></value>`, attribute orders and quotes its own way: all of it stays byte for byte."""
    data = samples.project().replace(b'<homePath path=""/>', b"<homePath path=''></homePath>")
    out = rewrite_file("demo.qgs", data, migrate).data
    assert out != data
    assert _blank_sources(out) == _blank_sources(data)
    assert b"<homePath path=''></homePath>" in out and b"<value></value>" in out


def test_odd_layouts_fall_back_to_a_full_serialisation(migrate):
    """A comment holding `<datasource>` (whole document re-serialised) and a one-line document both migrate."""
    commented = samples.project().replace(b"<title>", b"<!-- <datasource>x</datasource> --><title>")
    one_line = b"".join(line.strip() for line in samples.project().splitlines(keepends=False))
    for data in (commented, one_line):
        out = rewrite_file("demo.qgs", data, migrate).data
        new = samples.sources_by_id(out)
        assert "data.geopf.fr" in new["ortho_1"] and new["routes_6"] == samples.POSTGRES
        assert samples.without_sources(out) == samples.without_sources(data)
        tree = {el.get("id"): el.get("source") for el in etree.fromstring(out).iter("layer-tree-layer")}
        assert tree == new


def test_values_spelt_with_character_references_are_found(migrate):
    """A source written with other escapes (`&#38;` for `&`) is still replaced in place, not re-serialised."""
    data = samples.project([samples.LAYERS[0], samples.LAYERS[6]]).replace(b"&amp;", b"&#38;")
    data = data.replace(b"<value></value>", b"<value>&#38;</value>")  # would become &amp; if re-serialised
    out = rewrite_file("demo.qgs", data, migrate).data
    expected = rewrite_file("d.qgs", samples.project([samples.LAYERS[0]]), migrate).data
    assert samples.sources_by_id(out)["ortho_1"] == samples.sources_by_id(expected)["ortho_1"]
    tree_source = etree.fromstring(out).find(".//layer-tree-layer").get("source")
    assert tree_source == samples.sources_by_id(out)["ortho_1"]
    assert b"<value>&#38;</value>" in out


def test_layer_tree_layout_and_atlas_copies_follow_the_new_sources(migrate):
    rewrite = rewrite_file("demo.qgs", samples.project(), migrate)
    root = etree.fromstring(rewrite.data)
    new = samples.sources_by_id(rewrite.data)
    tree = {el.get("id"): el.get("source") for el in root.iter("layer-tree-layer")}
    layout = {el.text: el.get("source") for el in root.iter("Layer")}
    assert tree == new
    assert layout == new
    atlas = root.find(".//Atlas")
    assert atlas.get("coverageLayerSource") == new["bati_4"]


def test_unchanged_project_is_returned_as_the_same_bytes(migrate):
    data = samples.project([samples.LAYERS[5], samples.LAYERS[6], samples.LAYERS[7]])
    rewrite = rewrite_file("local.qgs", data, migrate)
    assert not rewrite.changed
    assert rewrite.data is data


def test_rewrite_is_idempotent(migrate):
    once = rewrite_file("demo.qgs", samples.project(), migrate)
    twice = rewrite_file("demo.qgs", once.data, migrate)
    assert not twice.changed
    assert twice.data == once.data
    assert {s.status for s in twice.sources} == {UNCHANGED}


def test_personal_key_and_credentials_do_not_survive_in_free_sources(migrate):
    layers = [samples.LAYERS[1], ("wfs_auth", "WFS authcfg", "vector", "WFS", samples.WFS_AUTHCFG)]
    rewrite = rewrite_file("secret.qgs", samples.project(layers), migrate)
    assert {s.status for s in rewrite.sources} == {MIGRATED}
    for secret in (samples.PERSONAL_KEY, samples.PASSWORD, "jdupont", "ab12cd3"):
        assert secret not in "".join(samples.sources_by_id(rewrite.data).values())
        assert secret.encode() not in etree.tostring(etree.fromstring(rewrite.data).find("layer-tree-group"))


def test_qgis_1_8_project_without_provider_is_recognised_as_wms(migrate):
    data = samples.qgis18_project()
    rewrite = rewrite_file("vieux.qgs", data, migrate)
    outcomes = {s.id: s for s in rewrite.sources}
    assert outcomes["parcelles20120101"].provider == "wms"
    assert outcomes["parcelles20120101"].status == MIGRATED
    assert outcomes["communes20120101"].status == UNCHANGED
    assert rewrite.data.startswith(samples.QGIS_DOCTYPE.encode() + b"\n<qgis ")
    assert samples.without_sources(rewrite.data) == samples.without_sources(data)


def test_provider_attribute_of_very_old_projects_is_used():
    seen = []

    def spy(provider, source):
        seen.append(provider)
        return Migration(provider, source, source, UNCHANGED)

    data = (
        b"<qgis version='1.0.0'><projectlayers><maplayer type='raster' provider='wms'><id>a</id>"
        b"<datasource>http://example.org/wms?</datasource></maplayer>"
        b"<maplayer type='vector'><id>b</id><datasource>/x.shp</datasource></maplayer>"
        b"<maplayer embedded='1' project='other.qgs' id='c'/></projectlayers></qgis>"
    )
    rewrite = rewrite_file("old.qgs", data, spy)
    assert seen == ["wms", "ogr"]  # the embedded layer has no source of its own
    assert [s.id for s in rewrite.sources] == ["a", "b"]


def test_same_source_in_many_layers_asks_the_engine_once():
    calls = []

    def counting(provider, source):
        calls.append(source)
        return Migration(provider, source, source + "&x=1", MIGRATED)

    layers = [(f"l{i}", f"L{i}", "raster", "wms", samples.WMTS) for i in range(50)]
    rewrite = rewrite_file("many.qgs", samples.project(layers), memoized(counting))
    assert len(calls) == 1
    assert len(rewrite.sources) == 50


def test_an_engine_crash_on_one_layer_leaves_that_layer_as_it_was_and_moves_the_others():
    def fragile(provider, source):
        if "CADASTRALPARCELS" in source:
            raise ValueError("Invalid IPv6 URL")
        return Migration(provider, source, source.replace("wxs.ign.fr", "data.geopf.fr"), MIGRATED)

    rewrite = rewrite_file("demo.qgs", samples.project(samples.LAYERS[:3]), fragile)
    outcomes = {s.id: s for s in rewrite.sources}
    assert outcomes["cadastre_3"].status == UNMAPPED
    assert outcomes["cadastre_3"].reason.startswith("erreur interne du moteur (ValueError: Invalid IPv6 URL)")
    assert samples.sources_by_id(rewrite.data)["cadastre_3"] == samples.WMS_R
    assert outcomes["ortho_1"].status == MIGRATED


def test_a_project_file_that_is_not_a_project_is_refused(migrate):
    with pytest.raises(InputError, match="pas un projet QGIS"):
        rewrite_file("a.qgs", samples.qlr(), migrate)
    with pytest.raises(InputError, match="pas une définition de couches"):
        rewrite_file("a.qlr", samples.project(), migrate)
    with pytest.raises(InputError, match="XML invalide"):
        rewrite_file("a.qgs", b"PK\x03\x04 not xml at all", migrate)
    with pytest.raises(InputError, match="non pris en charge"):
        rewrite_file("a.txt", samples.project(), migrate)


# --- .qlr ---------------------------------------------------------------------------------------------------


def test_qlr_round_trip(migrate):
    data = samples.qlr()
    rewrite = rewrite_file("couches.qlr", data, migrate)
    assert rewrite.changed
    assert rewrite.data.startswith(b"<!DOCTYPE qgis-layer-definition>\n<qlr>")
    new = samples.sources_by_id(rewrite.data)
    assert "data.geopf.fr" in new["ortho_1"] and "data.geopf.fr" in new["bati_4"]
    assert new["communes_7"] == samples.OGR
    tree = {el.get("id"): el.get("source") for el in etree.fromstring(rewrite.data).iter("layer-tree-layer")}
    assert tree == new
    assert samples.without_sources(rewrite.data) == samples.without_sources(data)


# --- .qgz ---------------------------------------------------------------------------------------------------


def test_qgz_only_the_project_entry_changes(migrate):
    data = samples.qgz()
    rewrite = rewrite_file("demo.qgz", data, migrate)
    assert rewrite.changed
    with zipfile.ZipFile(io.BytesIO(data)) as old, zipfile.ZipFile(io.BytesIO(rewrite.data)) as new:
        assert new.testzip() is None
        old_infos, new_infos = old.infolist(), new.infolist()
        assert [i.filename for i in new_infos] == [i.filename for i in old_infos]
        for before, after in zip(old_infos, new_infos):
            assert after.date_time == before.date_time
            assert after.compress_type == before.compress_type
            assert after.external_attr == before.external_attr
            if before.filename.endswith(".qgs"):
                continue
            assert new.read(after) == old.read(before)  # .qgd and attachments byte-identical
        assert samples.without_sources(new.read("demo.qgs")) == samples.without_sources(old.read("demo.qgs"))
        assert b"wxs.ign.fr" not in new.read("demo.qgs").split(b"<projectlayers>")[1].split(b"routes_6")[0]


def test_qgz_without_change_is_returned_as_the_same_bytes(migrate):
    data = samples.qgz(samples.project([samples.LAYERS[6]]))
    rewrite = rewrite_qgz(data, migrate)
    assert not rewrite.changed and rewrite.data is data


def test_qgz_rewrite_is_idempotent(migrate):
    once = rewrite_file("demo.qgz", samples.qgz(), migrate).data
    twice = rewrite_file("demo.qgz", once, migrate)
    assert not twice.changed and twice.data == once


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: b"this is not a zip file", "archive .qgz corrompue"),
        (lambda: samples.qgz()[:200], "archive .qgz corrompue"),
        (lambda: samples.make_zip([("a.qgd", b"x", zipfile.ZIP_STORED, (2020, 1, 1, 0, 0, 0))]), "sans projet .qgs"),
        (
            lambda: samples.make_zip(
                [(n, samples.project(), zipfile.ZIP_DEFLATED, (2020, 1, 1, 0, 0, 0)) for n in ("a.qgs", "b.qgs")]
            ),
            "plusieurs projets",
        ),
        (lambda: samples.qgz(name="../evil.qgs"), "sort du dossier"),
        (lambda: samples.qgz(name="/etc/evil.qgs"), "sort du dossier"),
        (
            lambda: samples.qgz(extra=lambda e: e + [("..\\..\\x.txt", b"x", zipfile.ZIP_STORED, DATE)]),
            "sort du dossier",
        ),
        (lambda: samples.qgz(qgs=samples.qlr()), "pas un projet QGIS"),
        (lambda: samples.qgz(qgs=b"<qgis><unclosed></qgis>"), "XML invalide"),
    ],
    ids=["not-zip", "truncated", "no-qgs", "two-qgs", "dotdot", "absolute", "backslash", "qlr-inside", "bad-xml"],
)
def test_bad_qgz_is_refused_with_a_clear_reason(migrate, build, message):
    with pytest.raises(InputError, match=message):
        rewrite_file("bad.qgz", build(), migrate)


def test_qgz_with_corrupted_project_entry_is_refused(migrate):
    data = bytearray(samples.qgz())
    start = data.index(b"demo.qgs") + len(b"demo.qgs") + 40  # inside the compressed project
    data[start : start + 16] = b"\x00" * 16
    with pytest.raises(InputError, match="corrompue|XML invalide"):
        rewrite_file("bad.qgz", bytes(data), migrate)


# --- streaming pass and whole-tree path ------------------------------------------------------------------

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo"


def _samples() -> dict[str, bytes]:
    """Every kind of project the tool meets: QGIS 1.8, 2.x and 3.x projects, .qlr, .qgz, odd layouts."""
    latin1 = samples.project([samples.LAYERS[0], samples.LAYERS[6]]).decode("utf-8").replace("UTF-8", "ISO-8859-1")
    wmts = samples.WMTS.replace("&", "&amp;").encode()
    found = {
        "qgis3.qgs": samples.project(),
        "qgis2.qgs": samples.project(version="2.18.28-Las Palmas"),
        "qgis18.qgs": samples.qgis18_project(),
        "no-doctype.qgs": samples.project(doctype=False, trailer="<!-- fin -->\n"),
        "latin1.qgs": latin1.encode("latin-1", "xmlcharrefreplace"),
        "refs.qgs": samples.project([samples.LAYERS[0], samples.LAYERS[6]]).replace(b"&amp;", b"&#38;"),
        "couches.qlr": samples.qlr(),
        "demo.qgz": samples.qgz(),
        "local.qgz": samples.qgz(samples.project([samples.LAYERS[6]])),
        "nested.qgs": (
            b"<qgis><projectlayers><maplayer type='raster'><id>a</id><datasource>" + wmts
            + b"<maplayer><id>b</id><datasource>url=https://wxs.ign.fr/x/geoportail/r/wms&amp;layers=X</datasource>"
            b"</maplayer></datasource><provider>wms</provider></maplayer>"
            b"<maplayer><datasource>x</datasource><maplayer><id>c</id></maplayer><id>late</id></maplayer>"
            b"</projectlayers><layer-tree-layer id='a' source='" + wmts + b"'/>"
            b"<Layer source='x'> a <Layer source='y'>c</Layer></Layer><Option name='LayerSource' value='x'>"
            b"<Option name='LayerSource' value='x'/></Option></qgis>"
        ),
    }
    for path in sorted(DEMO.glob("*.qg[sz]")):
        found[path.name] = path.read_bytes()
    return found


SAMPLES = _samples()


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_streaming_pass_gives_what_the_whole_tree_gives(migrate, name):
    """Same outcomes, same bytes (qgz included: the project entry is compressed piece by piece)."""
    streamed = rewrite_file(name, SAMPLES[name], migrate)
    tree = rewrite_file(name, SAMPLES[name], migrate, streaming=False)
    assert streamed.sources == tree.sources
    assert streamed.changed == tree.changed
    assert streamed.data == tree.data


def test_most_samples_need_no_fallback(migrate, monkeypatch):
    calls = []
    whole_tree = project_files._whole_tree
    monkeypatch.setattr(project_files, "_whole_tree", lambda *args: calls.append(args) or whole_tree(*args))
    for name in ("qgis3.qgs", "qgis18.qgs", "couches.qlr", "demo.qgz", "refs.qgs", "latin1.qgs"):
        assert rewrite_file(name, SAMPLES[name], migrate).changed
    assert calls == []


def test_uncertain_places_fall_back_to_the_whole_tree_without_asking_the_engine_twice(monkeypatch):
    """A comment holding `<datasource>`: the bytes hold one more than the parser saw, so the tree decides."""
    asked = []

    def counting(provider, source):
        asked.append(source)
        return Migration(provider, source, source.replace("wxs.ign.fr", "data.geopf.fr"), MIGRATED)

    calls = []
    whole_tree = project_files._whole_tree
    monkeypatch.setattr(project_files, "_whole_tree", lambda *args: calls.append(args) or whole_tree(*args))
    data = samples.project(samples.LAYERS[:3]).replace(b"<title>", b"<!-- <datasource>x</datasource> --><title>")
    streamed = rewrite_file("demo.qgs", data, counting)
    assert len(calls) == 1
    assert len(asked) == 3
    assert b"<!-- <datasource>x</datasource> -->" in streamed.data
    assert "data.geopf.fr" in samples.sources_by_id(streamed.data)["ortho_1"]
    assert streamed == rewrite_file("demo.qgs", data, counting, streaming=False)


@pytest.mark.parametrize(
    "data",
    [b"", b"<qgis><a></qgis>", b"<qgis/>trailing", b"<qlr/>", b'<?xml version="1.0" encoding="UTF-16"?><qgis/>'],
    ids=["empty", "unclosed", "trailing", "other-root", "utf16"],
)
def test_refusals_are_the_same_on_both_paths(migrate, data):
    with pytest.raises(InputError) as streamed:
        rewrite_file("p.qgs", data, migrate)
    with pytest.raises(InputError) as tree:
        rewrite_file("p.qgs", data, migrate, streaming=False)
    assert str(streamed.value) == str(tree.value)


def test_a_rewritten_qgs_is_written_from_pieces_of_the_input_not_a_joined_copy(tmp_path):
    """A bare .qgs is written slice by slice (a 74 MB project must not be copied whole in memory)."""
    data = samples.project(samples.LAYERS[:3])
    rewrite = rewrite_file("demo.qgs", data, default_migrator())
    assert rewrite.changed and rewrite.pieces is not None and rewrite._data is None  # nothing joined yet
    target = tmp_path / "out.qgs"
    atomic_write(target, rewrite.chunks())
    assert rewrite._data is None  # writing did not need the joined bytes
    assert target.read_bytes() == rewrite.data == rewrite_file("demo.qgs", data, default_migrator(),
                                                                streaming=False).data
