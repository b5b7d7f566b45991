"""QGIS connection exports: the URL (and style URL) move to GPF, credentials go, everything else stays."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent))
import qgis_samples as samples  # noqa: E402

from gpf_bascule.mapping import connections  # noqa: E402
from gpf_bascule.mapping.batch import default_migrator  # noqa: E402
from gpf_bascule.mapping.outcome import InputError  # noqa: E402
from gpf_bascule.mapping.project_files import rewrite_file  # noqa: E402
from gpf_bascule.mapping.result import MIGRATED, NEEDS_KEY, UNCHANGED, UNMAPPED, Migration  # noqa: E402

CREDENTIALS = ("username", "password", "authcfg")


@pytest.fixture(scope="module")
def migrate():
    return default_migrator()


def _elements(data: bytes) -> list[dict[str, str]]:
    return [dict(el.attrib) for el in etree.fromstring(data) if isinstance(el.tag, str)]


@pytest.mark.parametrize("kind", ["wms", "wfs", "xyz", "vectortile"])
def test_each_export_kind_moves_to_gpf_and_keeps_the_rest(migrate, kind):
    data = samples.connections(kind)
    rewrite = rewrite_file(f"{kind}.xml", data, migrate)
    assert rewrite.changed
    assert rewrite.data.startswith(b"<!DOCTYPE connections>\n<qgs")
    before, after = _elements(data), _elements(rewrite.data)
    assert len(before) == len(after)
    for old, new, outcome in zip(before, after, rewrite.sources):
        assert list(new) == list(old)  # same attributes in the same order
        changed = {k for k in old if old[k] != new[k]}
        if "wxs.ign.fr" in old["url"]:
            assert outcome.status == MIGRATED
            assert new["url"].startswith("https://data.geopf.fr/")
            assert changed <= {"url", "styleUrl", *CREDENTIALS}
            assert all(new.get(name, "") == "" for name in CREDENTIALS)
        else:
            assert outcome.status == UNCHANGED and not changed
        assert outcome.name == old["name"]


def test_vector_tile_connection_gets_the_gpf_style(migrate):
    rewrite = rewrite_file("vt.xml", samples.connections("vectortile"), migrate)
    (element,) = _elements(rewrite.data)
    assert element["url"] == "https://data.geopf.fr/tms/1.0.0/PLAN.IGN/{z}/{x}/{y}.pbf"
    assert element["styleUrl"] == "https://data.geopf.fr/annexes/ressources/vectorTiles/styles/PLAN.IGN/standard.json"


def test_secrets_leave_the_migrated_connections(migrate):
    for kind in ("wms", "wfs", "xyz"):
        out = rewrite_file(f"{kind}.xml", samples.connections(kind), migrate).data
        for secret in (samples.PERSONAL_KEY, samples.PASSWORD, "jdupont", "ab12cd3"):
            assert secret.encode() not in out, (kind, secret)


def test_connections_export_is_idempotent(migrate):
    for kind in ("wms", "wfs", "xyz", "vectortile"):
        once = rewrite_file(f"{kind}.xml", samples.connections(kind), migrate).data
        twice = rewrite_file(f"{kind}.xml", once, migrate)
        assert not twice.changed and twice.data == once


def test_official_gpf_connection_lists_come_back_unchanged(migrate, shared_data):
    for path in sorted((shared_data / "examples").glob("*.xml")):
        data = path.read_bytes()
        rewrite = rewrite_file(path.name, data, migrate)
        assert not rewrite.changed and rewrite.data is data
        assert rewrite.sources and {s.status for s in rewrite.sources} <= {UNCHANGED, NEEDS_KEY}


def test_other_xml_is_not_a_connections_export(migrate):
    with pytest.raises(InputError, match="export de connexions"):
        rewrite_file("a.xml", b"<qgsPgConnections version='1.0'><postgis name='x'/></qgsPgConnections>", migrate)
    with pytest.raises(InputError, match="export de connexions"):
        rewrite_file("a.xml", samples.project(), migrate)


# --- the plumbing, with a stand-in engine whose answers the test controls ----------------------------------


def test_url_with_reserved_characters_round_trips_through_the_provider_source():
    url = "https://h.example/a b/wmts?x=1&y='2'%41{z}#f"
    seen = {}

    def echo(provider, source):
        seen.setdefault(provider, []).append(source)
        return Migration(provider, source, source, UNCHANGED)

    for tag, provider in (("wms", "wms"), ("wfs", "WFS"), ("xyztiles", "wms"), ("vectortile", "vectortile")):
        root = etree.fromstring(f"<r><{tag} name='n' url=''/></r>".encode())
        root[0].set("url", url)
        kind = connections._KINDS[tag]
        source = connections.source_for(kind, root[0])
        assert connections.attributes_from(kind, source)["url"] == url
        connections.rewrite_connections(root, echo)
        assert seen[provider][-1] == source
    assert seen["wms"][0] == "url=https://h.example/a%20b/wmts?x%3D1%26y%3D'2'%2541%7Bz%7D%23f"
    assert seen["wms"][1] == "type=xyz&url=https://h.example/a%20b/wmts?x%3D1%26y%3D'2'%2541%7Bz%7D%23f"
    assert seen["WFS"] == ["url='https://h.example/a b/wmts?x=1&y=\\'2\\'%41{z}#f'"]


@pytest.mark.parametrize(
    ("status", "cleared"), [(MIGRATED, True), (NEEDS_KEY, False), (UNMAPPED, False)]
)
def test_credentials_are_cleared_only_for_free_gpf_services(status, cleared):
    def fake(provider, source):
        if status == UNMAPPED:
            return Migration(provider, source, source, UNMAPPED, reason="inconnu")
        host = "data.geopf.fr/private" if status == NEEDS_KEY else "data.geopf.fr"
        return Migration(provider, source, f"url=https://{host}/wmts", status)

    root = etree.fromstring(
        b"<qgsWMSConnections><wms name='a' url='https://wxs.ign.fr/k/geoportail/wmts' username='u' password='p'"
        b" authcfg='c' referer='r'/><!-- comment --></qgsWMSConnections>"
    )
    outcomes, changed = connections.rewrite_connections(root, fake)
    element = root[0]
    assert bool(changed) == (status != UNMAPPED)
    assert outcomes[0].status == status
    assert (element.get("username"), element.get("password"), element.get("authcfg")) == (
        ("", "", "") if cleared else ("u", "p", "c")
    )
    assert element.get("referer") == "r"
    if status != UNMAPPED:
        assert element.get("url").startswith("https://data.geopf.fr/")


def test_zoom_bounds_follow_the_engine_but_are_never_added():
    def clamp(provider, source):
        return Migration(provider, source, source.replace("zmax=20", "zmax=16").replace("wxs", "data"), MIGRATED)

    root = etree.fromstring(
        b"<qgsXYZTilesConnections><xyztiles name='a' url='https://wxs/x/{z}' zmax='20'/>"
        b"<xyz name='b' url='https://wxs/y/{z}'/></qgsXYZTilesConnections>"
    )
    connections.rewrite_connections(root, clamp)
    assert root[0].get("zmax") == "16" and root[0].get("url") == "https://data/x/{z}"
    assert root[1].get("zmax") is None and root[1].get("url") == "https://data/y/{z}"
