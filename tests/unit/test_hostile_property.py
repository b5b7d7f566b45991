"""Issue 10, property suite: the demo project's sources rewritten in hostile forms, and every promise checked.

Hypothesis takes resources/demo/projet_geoportail_2019.qgz, replaces some of its `<datasource>` texts with hostile
forms (a personal key after a port, a trailing dot, a doubled slash, a percent-encoded `url=`, other key parameter
names, credentials in the URL or as provider parameters, tokens in tile URLs, comments and processing instructions
inside the datasource) and some layer names with control characters and spreadsheet formulas, then runs the
command line on it (.qgs and .qgz, --output-dir, --in-place and --dry-run, the three report formats) and checks
the README's promises on every output: the input is unchanged with --output-dir, a backup holds the original
bytes before an in-place change, each output is a well-formed project or the file has a one-line error, no key
or password of the input is in a report or on the console, and nothing raises. Derandomized, as test_fuzz.py.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import sys
import tempfile
import zipfile
from pathlib import Path
from urllib.parse import quote
from xml.sax.saxutils import escape

from hypothesis import event, given
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))
import qgis_samples as samples  # noqa: E402

from gpf_bascule import cli  # noqa: E402
from gpf_bascule.mapping import batch, qgis_xml  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "resources" / "demo" / "projet_geoportail_2019.qgz"
with zipfile.ZipFile(DEMO) as _archive:
    DEMO_NAME = next(name for name in _archive.namelist() if name.endswith(".qgs"))
    DEMO_QGS = _archive.read(DEMO_NAME)
DATASOURCES = [m.span(1) for m in re.finditer(rb"<datasource>(.*?)</datasource>", DEMO_QGS, re.S)]
LAYERNAMES = [m.span(1) for m in re.finditer(rb"<layername>(.*?)</layername>", DEMO_QGS, re.S)]
#: The demo's own secrets (two personal keys, a WFS password): never in a report either.
DEMO_SECRETS = ("abcd1234efgh5678ijkl9012", "mnop3456qrst7890uvwx1234", "Geoportail2019!")

ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789"
KEYS = st.text(ALNUM, min_size=14, max_size=22).map(lambda text: "zq" + text)  # never a public thematic key
PASSWORDS = st.text(ALNUM + "ABCDEFXYZ", min_size=8, max_size=14).map(lambda text: "Pw" + text + "x")
USERS = st.sampled_from(["jdupont", "agent.sig", "mairie"])

HOSTS = ["wxs.ign.fr/{key}", "wxs.ign.fr:443/{key}", "wxs.ign.fr./{key}", "wxs.ign.fr//{key}", "WXS.IGN.FR/{key}",
         "gpp3-wxs.ign.fr:80/{key}", "wxs.ign.fr/ortho"]
WMTS_TAIL = "geoportail/wmts?SERVICE%3DWMTS%26REQUEST%3DGetCapabilities"
WMTS_BASE = ("contextualWMSLegend=0&crs=EPSG:3857&dpiMode=7&featureCount=10&format=image/jpeg"
             "&layers=ORTHOIMAGERY.ORTHOPHOTOS&styles=normal&tileMatrixSet=PM")
#: Text forms (escaped into the XML): {host} is one of HOSTS, {key} {pw} {user} the secrets of the example.
TEXT_FORMS = [
    WMTS_BASE + "&url=https://{host}/" + WMTS_TAIL,
    WMTS_BASE + "&url=" + quote("https://{host}/geoportail/wmts", safe="{}"),
    WMTS_BASE + "&password={pw}&username={user}&url=https://{host}/" + WMTS_TAIL,
    WMTS_BASE + "&url=https://{user}:{pw}@{host}/geoportail/wmts",
    WMTS_BASE + "&url=https://wxs.ign.fr/ortho/geoportail/wmts?apikey%3D{key}%26SERVICE%3DWMTS",
    WMTS_BASE + "&url=https://wxs.ign.fr/ortho/geoportail/wmts?username%3D{user}%26password%3D{pw}",
    "contextualWMSLegend=0&crs=EPSG:2154&format=image/png&layers=CADASTRALPARCELS.PARCELLAIRE_EXPRESS&styles"
    "&url=https://{host}/geoportail/r/wms&password={pw}",
    "type=xyz&url=https://{host}/geoportail/wmts?layer%3DGEOGRAPHICALGRIDSYSTEMS.PLANIGNV2%26style%3Dnormal"
    "%26tilematrixset%3DPM%26Service%3DWMTS%26Request%3DGetTile%26Version%3D1.0.0%26Format%3Dimage/png"
    "%26TileMatrix%3D%7Bz%7D%26TileCol%3D%7Bx%7D%26TileRow%3D%7By%7D&zmax=19&zmin=0",
    "type=xyz&url=https://data.geopf.fr/wmts?layer%3DGEOGRAPHICALGRIDSYSTEMS.PLANIGNV2%26token%3D{pw}"
    "%26TileMatrix%3D%7Bz%7D%26TileCol%3D%7Bx%7D%26TileRow%3D%7By%7D&zmax=19&zmin=0",
    "type=xyz&url=https://{user}:{pw}@wxs.ign.fr/cartes/geoportail/tms/1.0.0/x/%7Bz%7D/%7Bx%7D/%7By%7D.png",
    "pagingEnabled='true' srsname='EPSG:2154' typename='BDTOPO_V3:batiment' url='https://{host}/geoportail/wfs'"
    " version='auto' username='{user}' password='{pw}'",
    "pagingEnabled='true' srsname='EPSG:2154' typename='BDTOPO_V3:batiment'"
    " url='https://wxs.ign.fr/topographie/geoportail/wfs?token={pw}' version='auto'",
    "styleUrl=https://{host}/static/vectorTiles/styles/PLAN.IGN/essentiels/standard.json&type=xyz"
    "&url=https://{host}/geoportail/tms/1.0.0/PLAN.IGN/%7Bz%7D/%7Bx%7D/%7By%7D.pbf?apikey%3D{key}&zmax=18&zmin=0",
    "./donnees/{key}.gpkg|layername=zones\n\r\t\u202e",
]
#: Raw forms (inserted into the XML as they are): markup inside the datasource.
RAW_FORMS = [
    WMTS_BASE.replace("&", "&amp;") + "&amp;<!-- {user} -->url=https://{host}/" + WMTS_TAIL,
    WMTS_BASE.replace("&", "&amp;") + "&amp;url=https://wxs.ign.fr/<!-- x -->{key}/" + WMTS_TAIL,
    WMTS_BASE.replace("&", "&amp;") + "<?pi x?>&amp;password={pw}&amp;url=https://{host}/" + WMTS_TAIL,
    WMTS_BASE.replace("&", "&amp;") + "&amp;url=<![CDATA[https://{host}/geoportail/wmts&password={pw}]]>",
    "url=https://{host}/geoportail/wmts&#38;password={pw}&#x26;layers=X",
    "url=https://{host}/geoportail/wmts\x1b[31m&amp;password={pw}",  # not XML at all: a per-file error
]
LAYER_NAMES = st.one_of(
    st.sampled_from(["Parcelles\nunmapped: faux.qgs: ok", "=HYPERLINK(\"http://x\")", "+1+1", "@SUM(A1)",
                     "-2", "\u202eevil", "a\tb\rc", "é ü ∑ 🗺", ""]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=12),
)


class Case(tuple):
    """(project bytes, secrets), shown by its edits only when a case fails (the project is 200 KB)."""

    edits: dict

    def __repr__(self) -> str:
        return f"Case(secrets={self[1][:2]!r}, edits={self.edits!r})"


@st.composite
def hostile_projects(draw) -> Case:
    """The demo project with some sources and names replaced, and the secrets it now holds."""
    key, pw, user = draw(KEYS), draw(PASSWORDS), draw(USERS)
    edits: dict[tuple[int, int], bytes] = {}
    for span in draw(st.lists(st.sampled_from(DATASOURCES), min_size=1, max_size=6, unique=True)):
        host = draw(st.sampled_from(HOSTS)).format(key=key)
        if draw(st.booleans()):
            text = escape(draw(st.sampled_from(TEXT_FORMS)).replace("{host}", host).format(key=key, pw=pw, user=user))
            text = text.replace("\r", "&#13;")
        else:
            text = draw(st.sampled_from(RAW_FORMS)).replace("{host}", host).format(key=key, pw=pw, user=user)
        edits[span] = text.encode("utf-8")
    for span in draw(st.lists(st.sampled_from(LAYERNAMES), max_size=3, unique=True)):
        name = draw(LAYER_NAMES)
        edits[span] = escape(name).replace("\r", "&#13;").encode("utf-8", "surrogatepass")
    data = DEMO_QGS
    for (start, end), text in sorted(edits.items(), reverse=True):
        data = data[:start] + text + data[end:]
    event(f"{len(edits)} edits")
    case = Case((data, (key, pw, *DEMO_SECRETS)))
    case.edits = {start: text.decode("utf-8", "replace") for (start, _), text in sorted(edits.items())}
    return case


HOSTILE_DEMOS = samples.fuzz_settings(60)


def _cli(*argv) -> tuple[int, str]:
    """The command line in this process (the same main() the script runs), its console captured."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main([str(a) for a in argv])
    return code, out.getvalue() + err.getvalue()


def _project_of(path: Path) -> bytes:
    data = path.read_bytes()
    if path.suffix == ".qgz":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            assert archive.testzip() is None
            (name,) = [n for n in archive.namelist() if n.lower().endswith(".qgs")]
            data = archive.read(name)
    return data


def _check_report(text: str, secrets: tuple[str, ...], what: str) -> None:
    lowered = text.lower()
    for secret in secrets:
        assert secret.lower() not in lowered, f"{secret!r} in {what}"
        assert quote(secret).lower() not in lowered, f"{secret!r} (encoded) in {what}"


@HOSTILE_DEMOS
@given(hostile_projects())
def test_hostile_demo_sources_keep_every_promise(case):
    data, secrets = case
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        inputs = root / "projets"
        inputs.mkdir()
        (inputs / "demo.qgs").write_bytes(data)
        (inputs / "demo.qgz").write_bytes(samples.qgz(data, DEMO_NAME))
        before = samples.tree_hashes(inputs)

        # --output-dir: inputs untouched, each output well-formed or a one-line per-file error
        code, console = _cli("migrate", inputs, "--output-dir", root / "sortie", "--report", root / "r.json")
        assert samples.tree_hashes(inputs) == before
        assert "Traceback" not in console
        _check_report(console, secrets, "the console")
        report = json.loads((root / "r.json").read_text(encoding="utf-8"))
        _check_report((root / "r.json").read_text(encoding="utf-8"), secrets, "the JSON report")
        statuses = {Path(entry["path"]).name: entry for entry in report["files"]}
        assert set(statuses) == {"demo.qgs", "demo.qgz"}
        assert code == (1 if any(e["status"] == "error" for e in statuses.values()) else 0), console
        for name, entry in statuses.items():
            event(f"{name}: {entry['status']}")
            output = root / "sortie" / name
            if entry["status"] == "error":
                assert entry["error"] and "\n" not in entry["error"]
                assert not entry["error"].startswith("erreur inattendue"), entry["error"]  # a bug, not bad input
                assert not output.exists()
                continue
            assert qgis_xml.parse(_project_of(output)).getroot().tag == "qgis"
            assert not [layer for layer in entry["layers"] if layer["reason"].startswith("erreur inattendue")]
        assert not [p for p in root.rglob("*") if p.name.endswith(batch.TEMP_SUFFIX)]

        # --dry-run with the CSV report, --in-place with the HTML one: same promises, and a backup of the original
        code, console = _cli("migrate", inputs, "--in-place", "--dry-run", "--report", root / "r.csv")
        assert samples.tree_hashes(inputs) == before
        _check_report(console, secrets, "the console (--dry-run)")
        _check_report((root / "r.csv").read_text(encoding="utf-8-sig"), secrets, "the CSV report")
        code, console = _cli("migrate", inputs, "--in-place", "--report", root / "r.html")
        _check_report(console, secrets, "the console (--in-place)")
        _check_report((root / "r.html").read_text(encoding="utf-8"), secrets, "the HTML report")
        for entry in json.loads((root / "r.json").read_text(encoding="utf-8"))["files"]:
            path = inputs / Path(entry["path"]).name
            backups = sorted(inputs.glob(path.name + batch.BACKUP_MARK + "*"))
            if entry["status"] == "migrated":
                (backup,) = backups
                assert samples.sha(backup) == before[path.name]
                assert qgis_xml.parse(_project_of(path)).getroot().tag == "qgis"
            else:
                assert not backups
                assert samples.sha(path) == before[path.name]
