"""Snapshot round trip, the bundled snapshot, `gpf-bascule catalog` and the URL source (loopback only)."""

from __future__ import annotations

import gzip
import json
import shutil

import pytest

from gpf_bascule.catalog import sources
from gpf_bascule.catalog.entry import SERVICES, CatalogEntry
from gpf_bascule.catalog.parse import build_catalog
from gpf_bascule.catalog.snapshot import BUNDLED, SnapshotError, load_snapshot, save_snapshot
from gpf_bascule.catalog.sources import SourceError, from_directory, from_url
from gpf_bascule.cli import main

RECORDED = {  # recorded file → a neutral name: the service must be recognised from the content
    "capabilities/gpf_wmts_2024-06-06.xml": "a.xml",
    "capabilities/gpf_wms-r_2024-06-06.xml": "b.xml",
    "capabilities/gpf_wfs_2025-06-25.xml": "c.xml",
    "capabilities/gpf_tms_root_TRIMMED.xml": "d.xml",
    "capabilities/gpf_tms_TileMap_PLAN.IGN.xml": "e.xml",
    "mapping/gpf_services_by_theme.csv": "f.csv",
    "mapping/gpf_private_scan_config.json": "g.json",
}


@pytest.fixture(scope="module")
def catalog(shared_data):
    documents = from_directory(shared_data)
    return build_catalog(documents.data, "2025-06-25T00:00:00+00:00", documents.labels)


@pytest.fixture()
def renamed(shared_data, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for source, name in RECORDED.items():
        shutil.copy(shared_data / source, folder / name)
    return folder


def test_snapshot_round_trip_and_atomic_write(catalog, tmp_path):
    path = save_snapshot(catalog, tmp_path / "cat.json.gz")
    assert load_snapshot(path) == catalog
    first = path.read_bytes()
    save_snapshot(catalog, path)
    assert path.read_bytes() == first  # deterministic: a rebuilt snapshot only changes when the data does
    assert [p.name for p in tmp_path.iterdir()] == ["cat.json.gz"]  # no temporary file left behind


def test_bundled_snapshot_is_the_recorded_catalogue(catalog):
    """`make catalog` output is committed and up to date."""
    bundled = load_snapshot()
    assert BUNDLED.is_file()
    assert bundled.layers == catalog.layers


@pytest.mark.parametrize("content", [b"", b"not gzip", gzip.compress(b"{\"layers\": [{}]}"), gzip.compress(b"[]"),
                                     gzip.compress(b"{\"truncated")])
def test_bad_snapshot_raises_a_value_error(tmp_path, content):
    path = tmp_path / "bad.json.gz"
    path.write_bytes(content)
    with pytest.raises(SnapshotError, match="bad.json.gz"):
        load_snapshot(path)


def test_cli_build_from_a_folder_with_renamed_files(renamed, tmp_path, capsys):
    output = tmp_path / "out.json.gz"
    assert main(["catalog", "--build", "--source", str(renamed), "--output", str(output)]) == 0
    catalog = load_snapshot(output)
    counts = {s: len(catalog.by_service(s)) for s in SERVICES}
    assert counts == {"wmts": 547, "wms-r": 311, "wms-v": 627, "wfs": 726, "tms": 21}
    assert "2232 couches" in capsys.readouterr().out


@pytest.mark.parametrize("name, status", [("wmts-capabilities.xml", "error"), ("a.xml", "skipped")])
def test_cli_build_reports_a_broken_service_and_keeps_the_others(renamed, tmp_path, capsys, name, status):
    """An HTML page stands for the service its name says; with a neutral name the service has no document."""
    (renamed / "a.xml").unlink()
    (renamed / name).write_bytes(b"<html><body>Proxy error</body></html>")
    output = tmp_path / "out.json.gz"
    assert main(["catalog", "--build", "--source", str(renamed), "--output", str(output)]) == 0
    catalog = load_snapshot(output)
    assert len(catalog.by_service("wmts")) == 4  # only the private ones
    assert len(catalog.by_service("wfs")) == 726
    wmts = next(s for s in catalog.services if s.service == "wmts")
    assert wmts.status == status
    captured = capsys.readouterr()
    if status == "error":
        assert "HTML" in wmts.error and "wmts" in captured.err
    else:
        assert "a.xml : illisible" in captured.out


def test_cli_json_schema(capsys):
    assert main(["catalog", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert len(document["layers"]) == 2232
    for layer in document["layers"]:
        assert layer["service"] in SERVICES
        assert {"service", "name", "title", "themes", "provider", "uri", "needs_key", "bbox", "sandbox",
                "crs_options", "keywords"} <= set(layer)
        assert layer["provider"] in ("wms", "WFS", "vectortile") and layer["themes"]


def test_cli_json_straight_from_the_file_equals_the_catalogue_objects(tmp_path):
    """`catalog --json` copies the snapshot's JSON without building entries: same document as to_json, for the
    bundled snapshot and for a snapshot written before sandbox, crs_options and keywords existed."""
    from gpf_bascule.catalog.cli import JSON_DEFAULTS, fast_json, json_document

    catalog = load_snapshot()
    assert json.loads(fast_json(None)) == json.loads(json_document(catalog, catalog.layers))
    assert list(JSON_DEFAULTS) == list(catalog.layers[0].to_json())
    old = {"generated": "2024-01-01", "services": [], "layers": [
        {"service": "wfs", "name": "A:b", "provider": "WFS", "uri": "typename=A:b", "crs": "EPSG:4326"}]}
    path = tmp_path / "old.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    layer = json.loads(fast_json(str(path)))["layers"][0]
    assert layer == CatalogEntry.from_json(old["layers"][0]).to_json()
    assert layer["title"] == "A:b" and layer["crs_options"] == ["EPSG:4326"] and layer["sandbox"] is False
    path.write_text(json.dumps({"layers": [{"name": "no service"}]}), encoding="utf-8")
    assert fast_json(str(path)) is None  # the ordinary path reads it and says what is wrong


def test_cli_table(capsys):
    assert main(["catalog"]) == 0
    out = capsys.readouterr().out
    assert "WMTS" in out and "547" in out and "Thème" in out
    # themes by their French label, old access keys said to be what they are, never as bare keys
    rows = {line[:47].strip(): line.split()[-1] for line in out.split("Thème", 1)[1].splitlines()[1:] if line}
    assert rows["Orthophotos historiques"] == "203" and rows["Autres"] == "34"
    assert "Clé d'accès historique : Lambert 93" in rows and "orthohisto" not in rows
    assert "sous « Autres » (aucun thème)    34 (1.5%)" in out
    assert "couches de test (masquées)    132 (5.9%)" in out


def test_cli_search(capsys):
    assert main(["catalog", "--search", "plan ign", "--json"]) == 0
    names = [layer["name"] for layer in json.loads(capsys.readouterr().out)["layers"]]
    assert names[0] == "PLAN.IGN"


def test_cli_bad_snapshot_is_a_clear_error(tmp_path, capsys):
    path = tmp_path / "broken.json.gz"
    path.write_bytes(b"\x1f\x8b garbage")
    assert main(["catalog", "--snapshot", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error:") and "broken.json.gz" in err and "Traceback" not in err
    assert main(["catalog", "--snapshot", str(tmp_path / "missing.json.gz")]) == 1


def test_cli_usage_errors():
    assert main(["catalog", "--build"]) == 2
    assert main(["catalog", "--output", "x.json.gz"]) == 2


# --- the URL source, against a local server ---------------------------------------------------------------


RECORDED_PATHS = {  # where the URL source asks for each recorded document
    "/wmts": "capabilities/gpf_wmts_2024-06-06.xml",
    "/wms-r/wms": "capabilities/gpf_wms-r_2024-06-06.xml",
    "/wfs/ows": "capabilities/gpf_wfs_2025-06-25.xml",
    "/tms/1.0.0/": "capabilities/gpf_tms_root_TRIMMED.xml",
    "/tms/1.0.0/PLAN.IGN": "capabilities/gpf_tms_TileMap_PLAN.IGN.xml",
}


def serve_recorded(httpserver, shared_data):  # noqa: ANN001, ANN201
    """The recorded capabilities at the paths the URL source asks for (WMS-V and the services list apart)."""
    for path, name in RECORDED_PATHS.items():
        httpserver.expect_request(path).respond_with_data((shared_data / name).read_bytes(),
                                                          content_type="application/xml")
    return httpserver


@pytest.fixture()
def fake_gpf(httpserver, shared_data):
    serve_recorded(httpserver, shared_data)
    services = (shared_data / "mapping" / "gpf_services_by_theme.csv").read_text(encoding="utf-8")
    live = "Service;Thématique;Nom technique\n" + "".join(  # the live list's format: latin-1, ';'
        ";".join(line.split(",")) + "\n" for line in services.splitlines()[1:])
    httpserver.expect_request("/annexes/ressources/capabilities/services.csv").respond_with_data(
        live.encode("latin-1"), content_type="text/csv")
    httpserver.expect_request("/wms-v/ows").respond_with_data("<html>Bad gateway</html>", status=502)
    return httpserver


def test_url_source(fake_gpf):
    documents = from_url(fake_gpf.url_for("/"))
    catalog = build_catalog(documents.data, labels=documents.labels, errors=documents.errors)
    counts = {s: len(catalog.by_service(s)) for s in SERVICES}
    assert counts == {"wmts": 543, "wms-r": 308, "wms-v": 627, "wfs": 726, "tms": 21}
    plan = next(e for e in catalog.by_service("tms") if e.name == "PLAN.IGN")
    assert "standard.json" in plan.uri and plan.themes == ("cartes", "essentiels")
    statuses = {s.service: s for s in catalog.services}
    assert statuses["private"].status == "error"  # not served by the fake: reported, not fatal
    assert all(e.uri.count("data.geopf.fr") for e in catalog.layers)  # sources name GPF, not the mirror


def test_cli_build_from_url(fake_gpf, tmp_path):
    output = tmp_path / "live.json.gz"
    assert main(["catalog", "--build", "--source", fake_gpf.url_for("/"), "--output", str(output)]) == 0
    assert len(load_snapshot(output).layers) == 2225


def test_unreachable_source_is_a_clear_error(tmp_path, capsys):
    with pytest.raises(SourceError, match="injoignable"):
        from_url("http://127.0.0.1:9/", timeout=2)
    assert main(["catalog", "--build", "--source", "http://127.0.0.1:9/", "--output", str(tmp_path / "x")]) == 1
    assert "https_proxy" in capsys.readouterr().err


def test_only_web_addresses_are_opened(tmp_path):
    """urlopen would read file:// (and ftp://) addresses: every document request is checked, not only the base."""
    local = tmp_path / "wmts.xml"
    local.write_bytes(b"<Capabilities/>")
    for url in (local.as_uri(), "ftp://example.org/wmts.xml"):
        with pytest.raises(SourceError, match="http ou https"):
            sources._fetch(url, timeout=2)
