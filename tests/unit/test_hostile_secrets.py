"""Issue 10, secrets: one redaction that knows every key the engine knows, and nothing secret carried to GPF.

Each case is an attacker's (or an unlucky user's) way of writing a key, a token or a password in a source: a
port or a trailing dot after the host, a doubled slash, a percent-encoded (or double-encoded) `url=`, other key
parameter names, credentials with encoded separators, GDAL's `<UserPwd>`. The redaction must mask each of them in
every provider syntax and in every report format, and a source migrated to the Géoplateforme must carry none.
"""

from __future__ import annotations

import html
import json
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote
from xml.sax.saxutils import quoteattr

import pytest
from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent))
import qgis_samples as samples  # noqa: E402

from gpf_bascule.mapping.batch import default_migrator  # noqa: E402
from gpf_bascule.mapping.engine import migrate_source  # noqa: E402
from gpf_bascule.mapping.project_files import rewrite_file  # noqa: E402
from gpf_bascule.mapping.redact import redact  # noqa: E402
from gpf_bascule.mapping.result import MIGRATED, NEEDS_KEY, UNMAPPED  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
KEY = "abcdefghijkl0123456789ab"
# Secrets in two halves around an encoded separator: neither half may survive.
HEAD, TAIL = "Hid3nHead", "Hid3nTail"
#: Pieces of text that must never be found in a redacted text, a report or a migrated source.
SECRETS = (KEY, HEAD, TAIL, "jeanSecret", "pwSecret")

ORTHO = "ORTHOIMAGERY.ORTHOPHOTOS"
SCAN25 = "GEOGRAPHICALGRIDSYSTEMS.MAPS"


def leaked(text: str) -> list[str]:
    """The secret pieces found in a text, in any encoding a report could show them in."""
    views = {text, html.unescape(text)}
    for _ in range(3):
        views |= {v.replace("%25", "%") for v in views}
    return sorted({secret for secret in SECRETS for view in views if secret in view})


# --- hostile ways of writing the address of an old service -----------------------------------------------

HOST_FORMS = {
    "port": "wxs.ign.fr:443/{key}",
    "empty-port": "wxs.ign.fr:/{key}",
    "trailing-dot": "wxs.ign.fr./{key}",
    "doubled-slash": "wxs.ign.fr//{key}",
    "upper-case": "WXS.IGN.FR/{key}",
    "gpp3-port": "gpp3-wxs.ign.fr:80/{key}",
    "gpu-doubled": "wxs-gpu.mongeoportail.ign.fr/externe//{key}",
}
SECRET_VALUES = {
    "plain": f"{HEAD}{TAIL}",
    "encoded-amp": f"{HEAD}%26{TAIL}",
    "encoded-at": f"{HEAD}%40{TAIL}",
    "encoded-equals": f"{HEAD}%3D{TAIL}",
    "encoded-colon": f"{HEAD}%3A{TAIL}",
}
PARAM_NAMES = ("apikey", "api_key", "api-key", "key", "gppkey", "token", "access_token", "username", "password",
               "passwd", "pwd", "user", "authcfg", "APIKEY", "Token")


def url_for(form: str, path: str = "geoportail/wmts", query: str = "SERVICE=WMTS&REQUEST=GetCapabilities") -> str:
    head = HOST_FORMS[form].format(key=KEY)
    path = "wfs" if form == "gpu-doubled" and "wfs" in path else path
    return f"https://{head}/{path}" + (f"?{query}" if query else "")


def embeddings(url: str) -> dict[str, tuple[str, str]]:
    """One URL in each provider syntax QGIS writes (provider key, source), raw and percent-encoded."""
    return {
        "wms": ("wms", f"crs=EPSG:3857&format=image/jpeg&layers={ORTHO}&styles=normal&tileMatrixSet=PM&url="
                       + quote(url, safe="/:?@!$'()*,;~-._=")),
        "wms-url-encoded": ("wms", f"layers={ORTHO}&styles=normal&tileMatrixSet=PM&url=" + quote(url, safe="")),
        "wms-url-double-encoded": ("wms", f"layers={ORTHO}&tileMatrixSet=PM&url=" + quote(quote(url, safe=""),
                                                                                          safe="")),
        "wfs-quoted": ("WFS", f"srsname='EPSG:2154' typename='BDTOPO_V3:batiment' url='{url}' version='auto'"),
        "wfs-bare-url": ("WFS", url + "&typename=BDTOPO_V3:batiment"),
        "vectortile": ("vectortile", "type=xyz&url=" + quote(url, safe="/:?@!$'()*,;~-._=") + "&zmax=18"),
        "gdal-string": ("gdal", f"WMTS:{url},layer={ORTHO}"),
        "gdal-xml": ("gdal", f"<GDAL_WMTS><GetCapabilitiesUrl>{html.escape(url)}</GetCapabilitiesUrl>"
                             f"<Layer>{ORTHO}</Layer></GDAL_WMTS>"),
    }


# --- 1. one redaction that knows every secret the engine knows --------------------------------------------


@pytest.mark.parametrize("form", sorted(HOST_FORMS))
@pytest.mark.parametrize("syntax", sorted(embeddings("https://x/")))
def test_path_key_is_masked_whatever_the_host_form_and_the_syntax(form, syntax):
    provider, source = embeddings(url_for(form))[syntax]
    assert not leaked(redact(source)), redact(source)


@pytest.mark.parametrize("form", ["port", "empty-port", "doubled-slash", "upper-case", "gpp3-port"])
def test_the_engine_reads_the_key_the_redaction_masks(form):
    """The host forms above are not invented: the engine migrates them (so it read the key there)."""
    provider, source = embeddings(url_for(form))["wms"]
    result = migrate_source(provider, source)
    assert result.service, result
    assert KEY not in result.new_source or result.new_source == source


@pytest.mark.parametrize("name", PARAM_NAMES)
@pytest.mark.parametrize("value", sorted(SECRET_VALUES))
@pytest.mark.parametrize("syntax", sorted(embeddings("https://x/")))
def test_key_and_credential_parameters_are_masked_in_every_syntax(name, value, syntax):
    query = f"SERVICE=WMTS&{name}={SECRET_VALUES[value]}&REQUEST=GetCapabilities"
    provider, source = embeddings(url_for("port", query=query))[syntax]
    assert not leaked(redact(source)), redact(source)


@pytest.mark.parametrize("name", ["username", "password", "authcfg", "user", "token", "apikey"])
@pytest.mark.parametrize("value", sorted(SECRET_VALUES))
def test_provider_parameters_with_encoded_separators_are_masked(name, value):
    secret = SECRET_VALUES[value]
    for source in (
        f"layers={ORTHO}&{name}={secret}&styles=normal&url=https://wxs.ign.fr/ortho/geoportail/wmts",
        f"typename='BDTOPO_V3:batiment' {name}='{html.unescape(secret)}' url='https://wxs.ign.fr/ortho/geoportail/wfs'",
        f"typename='BDTOPO_V3:batiment' {name}={secret} url='https://wxs.ign.fr/ortho/geoportail/wfs'",
    ):
        assert not leaked(redact(source)), redact(source)


@pytest.mark.parametrize("userinfo", [
    "jeanSecret:pwSecret@", "jeanSecret%40corp.fr:pwSecret%3Ax@", "jeanSecret:pwSecret%40%2F%3F@",
    "jeanSecret@", ":pwSecret@",
])
@pytest.mark.parametrize("syntax", sorted(embeddings("https://x/")))
def test_userinfo_is_masked_raw_and_encoded(userinfo, syntax):
    url = url_for("port").replace("https://", "https://" + userinfo)
    provider, source = embeddings(url)[syntax]
    assert not leaked(redact(source)), redact(source)


@pytest.mark.parametrize("source", [
    "<GDAL_WMTS><GetCapabilitiesUrl>https://wxs.ign.fr/ortho/geoportail/wmts</GetCapabilitiesUrl>"
    "<UserPwd>jeanSecret:pwSecret</UserPwd><Layer>X</Layer></GDAL_WMTS>",
    "&lt;GDAL_WMTS&gt;&lt;UserPwd&gt;jeanSecret:pwSecret&lt;/UserPwd&gt;&lt;/GDAL_WMTS&gt;",
    "<GDAL_WMTS><userpwd>jeanSecret:pwSecret</userpwd></GDAL_WMTS>",
    "WMTS:https://wxs.ign.fr/ortho/geoportail/wmts,layer=X,userpwd=jeanSecret:pwSecret",
    "WMTS:https://wxs.ign.fr/ortho/geoportail/wmts,layer=X,UserPwd=jeanSecret:pwSecret",
])
def test_gdal_user_password_is_masked(source):
    assert not leaked(redact(source)), redact(source)


def test_redaction_keeps_what_is_not_secret_readable():
    text = ("url=https://wxs.ign.fr:443/ortho/geoportail/wmts&layers=X&key2=public"
            " dbname='gis' key='id' table=\"public\".\"routes\"")
    assert redact(text) == text


def test_redaction_rules_come_from_the_registry_and_the_engine():
    """Every old host of the registry (and the key position its rules capture) is known to the redaction."""
    from gpf_bascule.mapping import provider_uri
    from gpf_bascule.mapping import redact as redaction
    from gpf_bascule.mapping.registry import load_registry

    registry = load_registry()
    for endpoint in registry.endpoints:
        if "(?P<key>" not in endpoint.path.pattern:
            continue
        prefix = endpoint.path.pattern.split("(?P<key>")[0].replace("\\", "")
        assert KEY not in redact(f"https://{endpoint.host}:8443/{prefix}{KEY}/x"), endpoint.id
    assert redaction.SECRET_PARAMS is provider_uri.SECRET_PARAMS  # the engine drops the same names
    expected = {*provider_uri.CREDENTIAL_PARAMS, "apikey", "key", "token", "access_token", "userpwd"}
    assert expected <= provider_uri.SECRET_PARAMS


# --- reports of a migrated project hold none of these secrets ---------------------------------------------

def _hostile_layers() -> list[tuple[str, str, str, str, str]]:
    layers = []
    index = 0
    paths = {"WFS": "geoportail/wfs", "vectortile": "geoportail/tms/1.0.0/PLAN.IGN/{z}/{x}/{y}.pbf"}
    for form in sorted(HOST_FORMS):
        for syntax in sorted(embeddings("https://x/")):
            provider = embeddings("https://x/")[syntax][0]
            query = f"SERVICE=WMTS&token={HEAD}%26{TAIL}&apikey={HEAD}"
            url = url_for(form, paths.get(provider, "geoportail/wmts"), query)
            _, source = embeddings(url.replace("https://", "https://jeanSecret:pwSecret@"))[syntax]
            index += 1
            kind = "vector" if provider == "WFS" else "vector-tile" if provider == "vectortile" else "raster"
            layers.append((f"layer_{index}", f"{form} {syntax}", kind, provider, source))
    layers.append(("userpwd_x", "gdal userpwd", "raster", "gdal",
                   f"<GDAL_WMTS><GetCapabilitiesUrl>https://wxs.ign.fr/{KEY}/geoportail/wmts</GetCapabilitiesUrl>"
                   f"<Layer>{ORTHO}</Layer><UserPwd>jeanSecret:pwSecret</UserPwd></GDAL_WMTS>"))
    layers.append(("creds_x", "creds", "raster", "wms",
                   f"layers={ORTHO}&password={HEAD}%26{TAIL}&styles=normal&tileMatrixSet=PM"
                   f"&url=https://wxs.ign.fr/ortho/geoportail/wmts&username=jeanSecret%40corp"))
    return layers


@pytest.fixture(scope="module")
def cli_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    project = folder / "in" / "hostile.qgs"
    project.parent.mkdir()
    project.write_bytes(samples.project(_hostile_layers()))
    outputs = {}
    for suffix in ("json", "csv", "html"):
        report = folder / f"report.{suffix}"
        run = subprocess.run(
            ["/usr/bin/python3", str(ROOT / "gpf-bascule"), "migrate", str(project), "--output-dir",
             str(folder / f"out-{suffix}"), "--report", str(report)],
            capture_output=True, text=True, timeout=300,
        )
        assert run.returncode == 0, run.stderr
        outputs[suffix] = (report.read_text(encoding="utf-8"), run.stdout + run.stderr)
    return folder, outputs


@pytest.mark.parametrize("suffix", ["json", "csv", "html"])
def test_reports_and_console_of_a_hostile_project_hold_no_secret(cli_run, suffix):
    _, outputs = cli_run
    report, console = outputs[suffix]
    assert not leaked(report), leaked(report)
    assert not leaked(console), leaked(console)
    if suffix == "json":
        data = json.loads(report)
        assert not leaked(json.dumps(data, ensure_ascii=False))
        sources = [s for f in data["files"] for s in f["layers"]]
        assert len(sources) == len(_hostile_layers())


def test_migrated_layers_of_the_hostile_project_carry_no_secret(cli_run):
    folder, _ = cli_run
    report = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    statuses = {s["id"]: s["status"] for f in report["files"] for s in f["layers"]}
    out = (folder / "out-json" / "hostile.qgs").read_bytes()
    root = etree.fromstring(out)
    migrated = 0
    for layer in root.iter("maplayer"):
        source = layer.findtext("datasource")
        if "data.geopf.fr" in source:
            migrated += 1
            assert not leaked(source), source
    assert migrated >= 25, statuses


# --- 2. nothing secret carried to a free GPF service --------------------------------------------------------


def _secret_free(source: str) -> None:
    lowered = source.lower()
    assert not leaked(source), source
    assert "userpwd" not in lowered and "@" not in source.split("?")[0], source
    for name in ("apikey", "api_key", "token", "username=", "password=", "authcfg", "gppkey"):
        assert name not in lowered, (name, source)


@pytest.mark.parametrize("source, status", [
    (f"<GDAL_WMTS><GetCapabilitiesUrl>https://wxs.ign.fr/{KEY}/geoportail/wmts?SERVICE=WMTS&amp;apikey={HEAD}"
     f"</GetCapabilitiesUrl><Layer>{ORTHO}</Layer><UserPwd>jeanSecret:pwSecret</UserPwd></GDAL_WMTS>", MIGRATED),
    (f"<GDAL_WMTS>\n  <GetCapabilitiesUrl>https://wxs.ign.fr/{KEY}/geoportail/wmts</GetCapabilitiesUrl>\n"
     f"  <UserPwd>jeanSecret:pwSecret</UserPwd>\n  <Layer>{SCAN25}</Layer>\n</GDAL_WMTS>", NEEDS_KEY),
    (f"WMTS:https://jeanSecret:pwSecret@wxs.ign.fr/{KEY}/geoportail/wmts?token={HEAD},layer={ORTHO},"
     "UserPwd=jeanSecret:pwSecret", MIGRATED),
    # not a GDAL option there: part of the address, which then matches no rule and stays (nothing goes to GPF)
    (f"WMTS:https://wxs.ign.fr/{KEY}/geoportail/wmts,userpwd=jeanSecret:pwSecret,layer={ORTHO}", UNMAPPED),
])
def test_gdal_user_password_is_not_carried(source, status):
    result = migrate_source("gdal", source)
    assert result.status == status, result
    if status == UNMAPPED:
        assert result.new_source == source
    else:
        _secret_free(result.new_source)


XYZ_QUERY = (f"layer={ORTHO}&style=normal&tilematrixset=PM&Service=WMTS&Request=GetTile&Version=1.0.0"
             "&Format=image/jpeg&TileMatrix={z}&TileCol={x}&TileRow={y}")


@pytest.mark.parametrize("extra", [
    f"&apikey={HEAD}", f"&token={HEAD}", f"&access_token={HEAD}", f"&api-key={HEAD}", f"&password={HEAD}%26{TAIL}",
    "&username=jeanSecret&pwd=pwSecret", f"&authcfg={HEAD}", f"&Token={HEAD}",
])
@pytest.mark.parametrize("userinfo", ["", "jeanSecret:pwSecret@"])
def test_xyz_tile_url_carries_no_token_nor_password(extra, userinfo):
    url = f"https://{userinfo}wxs.ign.fr/{KEY}/geoportail/wmts?{XYZ_QUERY}{extra}"
    source = "type=xyz&url=" + quote(url, safe="/:@!$'()*,;~-._{}") + "&zmax=19&zmin=0"
    result = migrate_source("wms", source)
    assert result.status == MIGRATED, result
    _secret_free(result.new_source)


@pytest.mark.parametrize("extra", [f"?token={HEAD}", f"?apikey={HEAD}&access_token={TAIL}", ""])
@pytest.mark.parametrize("userinfo", ["", "jeanSecret:pwSecret@"])
def test_vector_tile_url_carries_no_token_nor_password(extra, userinfo):
    url = f"https://{userinfo}wxs.ign.fr/{KEY}/geoportail/tms/1.0.0/PLAN.IGN/{{z}}/{{x}}/{{y}}.pbf{extra}"
    source = "type=xyz&url=" + quote(url, safe="/:@!$'()*,;~-._") + "&zmax=18&token=" + HEAD
    result = migrate_source("vectortile", source)
    assert result.status == MIGRATED, result
    _secret_free(result.new_source)


@pytest.mark.parametrize("source", [
    f"typename='BDTOPO_V3:batiment' url='https://wxs.ign.fr/{KEY}/geoportail/wfs?apikey={HEAD}&token={TAIL}'"
    " version='auto'",
    f"typename='BDTOPO_V3:batiment' url='https://jeanSecret:pwSecret@wxs.ign.fr/{KEY}/geoportail/wfs'"
    f" token='{HEAD}' apikey='{TAIL}' password='pwSecret' username='jeanSecret'",
    f"https://jeanSecret:pwSecret@wxs.ign.fr/{KEY}/geoportail/wfs?SERVICE=WFS&typename=BDTOPO_V3:batiment"
    f"&token={HEAD}&access_token={TAIL}&password=pwSecret&user=jeanSecret&apikey={HEAD}",
    f"url='https://wxs.ign.fr/{KEY}/geoportail/wfs?token={HEAD}' token='{TAIL}'",
])
def test_wfs_source_carries_no_token_nor_password(source):
    result = migrate_source("WFS", source)
    assert result.status == MIGRATED, result
    _secret_free(result.new_source)


@pytest.mark.parametrize("extra", [f"&token={HEAD}", f"&apikey={TAIL}", f"&access_token={HEAD}"])
def test_wms_provider_parameters_carry_no_token(extra):
    source = (f"crs=EPSG:3857&format=image/jpeg&layers={ORTHO}&styles=normal&tileMatrixSet=PM{extra}"
              f"&url=https://wxs.ign.fr/{KEY}/geoportail/wmts")
    result = migrate_source("wms", source)
    assert result.status == MIGRATED, result
    _secret_free(result.new_source)


def test_other_sources_keep_their_parameters():
    """Only a source moved to GPF loses its credentials: nothing else is touched (byte for byte)."""
    for source in (samples.POSTGRES, samples.OSM_XYZ + "&token=abc",
                   "typename='x' url='https://example.org/wfs?token=abc' password='p'"):
        for provider in ("wms", "WFS", "postgres"):
            assert migrate_source(provider, source).new_source == source


# --- connection exports ---------------------------------------------------------------------------------------


def _export(tag: str, root: str, attributes: dict[str, str]) -> bytes:
    namespace = ' xmlns:http-header="http-header"'
    body = " ".join(f"{k}={quoteattr(v)}" for k, v in attributes.items())
    return f'<!DOCTYPE connections>\n<{root}{namespace} version="1.0">\n  <{tag} {body}/>\n</{root}>\n'.encode()


def _connection(data: bytes) -> dict[str, str]:
    (element,) = [el for el in etree.fromstring(data) if isinstance(el.tag, str)]
    return dict(element.attrib)


CREDENTIALS = {"authcfg": "ab12Secret", "username": "jeanSecret", "password": "pwSecret"}


@pytest.mark.parametrize("layer, status, host", [
    (ORTHO, MIGRATED, "https://data.geopf.fr/wmts?"),
    (SCAN25, NEEDS_KEY, "https://data.geopf.fr/private/wmts?"),
])
@pytest.mark.parametrize("extra", ["", f"&apikey={HEAD}&token={TAIL}"])
def test_xyz_connection_carries_no_credential(layer, status, host, extra):
    url = (f"https://jeanSecret:pwSecret@wxs.ign.fr/{KEY}/geoportail/wmts?" + XYZ_QUERY.replace(ORTHO, layer)
           + extra)
    data = _export("xyztiles", "qgsXYZTilesConnections", {
        "name": "Licensed XYZ", "url": url, "zmin": "0", "zmax": "18", **CREDENTIALS, "tilePixelRatio": "0",
        "http-header:referer": "",
    })
    rewrite = rewrite_file("xyz.xml", data, default_migrator())
    (outcome,) = rewrite.sources
    assert outcome.status == status, outcome
    element = _connection(rewrite.data)
    assert element["url"].startswith(host), element
    _secret_free(element["url"])
    if status == MIGRATED:  # free: nothing to authenticate; private: the user's auth config may hold the new key
        assert all(element[name] == "" for name in CREDENTIALS), element
        assert not leaked(rewrite.data.decode()), rewrite.data.decode()
    else:
        assert [element[name] for name in CREDENTIALS] == list(CREDENTIALS.values())


@pytest.mark.parametrize("tag, root, url", [
    ("wfs", "qgsWFSConnections", f"https://wxs.ign.fr/{KEY}/geoportail/wfs?VERSION=2.0.0&apikey={HEAD}&token={TAIL}"),
    ("wms", "qgsWMSConnections", f"https://jeanSecret:pwSecret@wxs.ign.fr/{KEY}/geoportail/r/wms?token={HEAD}"),
    ("vectortile", "qgsVectorTileConnections",
     f"https://jeanSecret:pwSecret@wxs.ign.fr/{KEY}/geoportail/tms/1.0.0/PLAN.IGN/{{z}}/{{x}}/{{y}}.pbf"
     f"?token={HEAD}"),
])
def test_service_connections_carry_no_credential(tag, root, url):
    data = _export(tag, root, {"name": "c", "url": url, **CREDENTIALS})
    rewrite = rewrite_file(f"{tag}.xml", data, default_migrator())
    (outcome,) = rewrite.sources
    assert outcome.status in (MIGRATED, NEEDS_KEY), outcome
    element = _connection(rewrite.data)
    assert element["url"].startswith("https://data.geopf.fr/"), element
    assert all(element[name] == "" for name in CREDENTIALS), element
    assert not leaked(rewrite.data.decode()), rewrite.data.decode()


def test_http_header_secrets_are_masked_and_never_carried() -> None:
    """QGIS sends `http-header:NAME=value` with every request of a source: an Authorization header is a secret."""
    source = ("crs=EPSG:3857&format=image/jpeg&http-header:authorization=Bearer%20S3CRETT0KEN"
              "&http-header:referer=https://exemple.fr&layers=ORTHOIMAGERY.ORTHOPHOTOS&styles=normal"
              "&tileMatrixSet=PM&url=https://wxs.ign.fr/abcd1234/geoportail/wmts")
    assert "S3CRETT0KEN" not in redact(source) and "https://exemple.fr" in redact(source)
    migration = migrate_source("wms", source)
    assert migration.status == "migrated" and "data.geopf.fr" in migration.new_source
    assert "S3CRETT0KEN" not in migration.new_source and "authorization" not in migration.new_source
    wfs = "http-header:authorization='Bearer S3CRETT0KEN' typename='a:b' url='https://wxs.ign.fr/k/geoportail/wfs'"
    assert "S3CRETT0KEN" not in redact(wfs)
