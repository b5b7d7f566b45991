"""An invariant over every recorded old source: a source on an old Géoportail host is never `unchanged`.

Every address on an old host found in the recorded data (IGN's tables of old layers and keys, the old
capabilities and configurations, the official connection lists), in the project's own test samples and demo
builder, is put in each source form the engine reads (WMS/WMTS layer and connection, XYZ, vector tiles, WFS
key='value' and plain URL, GDAL WMTS, an unsupported provider); and every real or sample project, layer
definition and connection export is rewritten whole. Whatever the engine decides (migrated, needs-key, unmapped
with a reason), it never calls such a source unchanged, and what it migrates names no old host any more.
The old hosts are listed here, independently of the registry, so that a host the registry forgot fails too.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote, unquote

import pytest

from gpf_bascule.mapping.batch import default_migrator
from gpf_bascule.mapping.engine import migrate_source
from gpf_bascule.mapping.project_files import rewrite_file
from gpf_bascule.mapping.result import MIGRATED, NEEDS_KEY, UNCHANGED
from gpf_bascule.tests.unit import qgis_samples as samples

ROOT = Path(__file__).resolve().parents[2]
#: The old hosts (gpf-data README "What is known about the switch"), not read from the registry.
OLD_HOSTS = ("wxs.ign.fr", "gpp3-wxs.ign.fr", "wxs-gpu.mongeoportail.ign.fr", "vectortiles.ign.fr",
             "wmts.geopf.fr", "wms-r.geopf.fr", "wms-v.geopf.fr", "wfs.geopf.fr")
_HOST = "|".join(re.escape(host) for host in OLD_HOSTS)
_END = r"(?![\w-]|\.[\w-])"  # `wxs.ign.fr.example.org` is another host; `wxs.ign.fr.` (a final dot) is not
OLD_HOST = re.compile(rf"(?<![\w.-])(?:{_HOST}){_END}", re.IGNORECASE)
OLD_URL = re.compile(rf"""https?://(?:{_HOST}){_END}[^\s"'<>|\\]*""", re.IGNORECASE)
TEXT_SUFFIXES = (".csv", ".json", ".txt", ".xml", ".md", ".qgs")


def names_old_host(text: str) -> bool:
    """Does the text name an old host, however deep its percent-encoding goes?"""
    for _ in range(4):
        if OLD_HOST.search(text):
            return True
        decoded = unquote(text)
        if decoded == text:
            return False
        text = decoded
    return False


def _recorded_urls(shared_data: Path) -> set[str]:
    urls: set[str] = set()
    for path in sorted(shared_data.rglob("*")):
        if path.is_file() and path.suffix.lower() in TEXT_SUFFIXES:
            text = path.read_text(encoding="utf-8", errors="replace").replace("&amp;", "&")
            urls.update(url.rstrip(".,;:)]}") for url in OLD_URL.findall(text))
    for path in [*sorted((ROOT / "tests" / "unit").glob("*.py")), ROOT / "tools" / "make_demo_project.py"]:
        urls.update(url.rstrip(".,;:)]}") for url in OLD_URL.findall(path.read_text(encoding="utf-8")))
    return urls


def _forms(url: str) -> list[tuple[str, str]]:
    """The source forms a QGIS layer or connection puts an address in."""
    encoded = quote(url, safe="/:?@!$'()*,;~-._{}")  # QUrlQuery leaves & = % encoded in a parameter value
    return [
        ("wms", f"url={encoded}"),
        ("wms", f"crs=EPSG:3857&format=image/png&layers=ORTHOIMAGERY.ORTHOPHOTOS&styles=&url={encoded}"),
        ("wms", f"crs=EPSG:3857&format=image/png&layers=ORTHOIMAGERY.ORTHOPHOTOS&styles=normal"
                f"&tileMatrixSet=PM&url={encoded}"),
        ("wms", f"type=xyz&url={encoded}&zmax=18&zmin=0"),
        ("wms", f"tiled=400;400,username=u,password=p,url={url}"),  # QGIS 1.x, alone
        ("wms", url),
        ("vectortile", f"type=xyz&url={encoded}&zmax=18&zmin=0"),
        ("WFS", f"srsname='EPSG:2154' typename='BDTOPO_V3:batiment' url='{url}' version='auto'"),
        ("WFS", f"url='{url}'"),
        ("WFS", url),
        ("gdal", f"WMTS:{url}"),
        ("ogr", url),
    ]


@pytest.fixture(scope="module")
def recorded_urls(shared_data) -> list[str]:
    urls = sorted(_recorded_urls(shared_data))
    assert len(urls) > 500  # the tables hold hundreds of distinct old addresses: the scan really found them
    return urls


def test_no_old_address_in_any_source_form_is_left_unchanged(recorded_urls, request):
    counts: dict[str, int] = {}
    for url in recorded_urls:
        for provider, source in _forms(url):
            result = migrate_source(provider, source)
            counts[result.status] = counts.get(result.status, 0) + 1
            assert result.status != UNCHANGED, (provider, source)
            assert result.reason or result.status == MIGRATED, (provider, source)
            if result.status in (MIGRATED, NEEDS_KEY):
                assert not names_old_host(result.new_source), (provider, source, result.new_source)
    request.config.__dict__.setdefault("_gpf_figures", []).append(
        f"old-host invariant: {len(recorded_urls)} recorded old addresses x 12 source forms, "
        + ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
    )


def _documents(shared_data: Path) -> list[tuple[str, bytes]]:
    documents = [(path.name, path.read_bytes()) for path in sorted((shared_data / "projects").iterdir())
                 if path.suffix in (".qgs", ".qgz")]
    documents += [(path.name, path.read_bytes()) for path in sorted((shared_data / "examples").glob("*.xml"))]
    documents += [(path.name, path.read_bytes()) for path in sorted((ROOT / "resources" / "demo").glob("*.qgz"))]
    documents += [("samples.qgs", samples.project()), ("samples18.qgs", samples.qgis18_project()),
                  ("samples.qlr", samples.qlr()), ("samples.qgz", samples.qgz())]
    documents += [(f"connexions-{kind}.xml", samples.connections(kind)) for kind in samples.CONNECTIONS]
    return documents


def test_no_old_host_source_of_a_recorded_or_sample_document_is_left_unchanged(shared_data):
    seen = 0
    for name, data in _documents(shared_data):
        rewrite = rewrite_file(name, data, default_migrator())
        for source in rewrite.sources:
            if not names_old_host(source.old_source):
                continue
            seen += 1
            assert source.status != UNCHANGED, (name, source.name, source.old_source)
            assert source.reason or source.status == MIGRATED, (name, source.name)
            if source.status in (MIGRATED, NEEDS_KEY):
                assert not names_old_host(source.new_source), (name, source.name, source.new_source)
    assert seen > 40  # the 2014 project alone has 21 such layers, the demo about twenty


def test_the_detector_sees_encoded_and_mixed_case_hosts():
    assert names_old_host("url=https%253A%252F%252FWXS.IGN.FR%252Fk%252Fgeoportail%252Fwmts")
    assert names_old_host("url=http://gpp3-wxs.ign.fr/k/geoportail/wmts")
    assert not names_old_host("url=https://datastore.wxs.ign.fr/x")  # other hosts
    assert not names_old_host("url=https://wxs.ign.fr.example.org/x")
    assert not names_old_host("url=https://data.geopf.fr/wmts")
