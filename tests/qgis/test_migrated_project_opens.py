"""End to end: the real command line migrates the demo's old project, and QGIS opens the result against GPF.

The old project is the committed demo (tools/make_demo_project.py: WMTS with thematic and personal keys,
LAMB93, a renamed style, a removed layer, a private SCAN, WMS raster/vector, INSPIRE, WFS with credentials,
a renamed type and `the_geom` in a filter, XYZ, vector tiles, old hosts, authcfg, a GPF layer, local data),
as .qgz and as .qgs. QGIS reads it with the loopback GPF of conftest.py: before the switch its Géoportail
layers are invalid (the old hosts do not answer); after it, every layer the report calls migrated or
unchanged is valid, its tiles, maps and features are accepted by the strict fake GPF, and QGIS asks nothing
of the old hosts any more. Names, groups, styles and the print layout come through.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlencode, urlsplit

import pytest
from qgis.core import (
    QgsBlockingNetworkRequest,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsDataSourceUri,
    QgsFeatureRequest,
    QgsMapLayerType,
    QgsProject,
    QgsRectangle,
)
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtNetwork import QNetworkRequest

import gpf_bascule

ROOT = Path(gpf_bascule.__file__).resolve().parent
DEMO = ROOT / "resources" / "demo" / "projet_geoportail_2019.qgz"
OLD_IGN_HOSTS = {"wxs.ign.fr", "gpp3-wxs.ign.fr", "wmts.geopf.fr", "wms-r.geopf.fr", "wfs.geopf.fr"}
# The demo's study area (Montpellier), in the project CRS.
STUDY_AREA = QgsRectangle(758000, 6276000, 790000, 6298000)
LAMBERT93 = QgsCoordinateReferenceSystem("EPSG:2154")
# What a correct switch must do to these demo layers, whatever else the registry learns later.
EXPECTED = {
    "Photographies aériennes": "migrated",
    "ZNIEFF de type 1": "migrated",
    "Plan IGN v2 (clé personnelle)": "migrated",
    "BD ORTHO (WMS raster)": "migrated",
    "Parcelles cadastrales (INSPIRE)": "migrated",
    "Hydrographie BD CARTO (WMS vecteur)": "migrated",
    "Bâtiments BD TOPO": "migrated",
    "Adresses BAN": "migrated",
    "Communes du secteur (filtre the_geom)": "migrated",
    "Plan IGN vectoriel": "migrated",
    "Plan IGN (tuiles XYZ)": "migrated",
    "Parcs nationaux (ancien lien http)": "migrated",
    "Infrarouge couleur (Géoplateforme bêta 2023)": "migrated",
    "Ortho haute résolution (authentification QGIS)": "migrated",
    "Carte IGN SCAN 25 (clé personnelle)": "needs-key",
    "Ortho express 2022": "unmapped",
    "Limites administratives (déjà Géoplateforme)": "unchanged",
    "OpenStreetMap": "unchanged",
    "Zones d'étude": "unchanged",
}


def _old_project(folder: Path, suffix: str) -> Path:
    """A copy of the demo (and its local data) as .qgz or, unzipped, as .qgs."""
    folder.mkdir(parents=True)
    shutil.copytree(DEMO.parent / "donnees", folder / "donnees")
    if suffix == ".qgz":
        return Path(shutil.copy(DEMO, folder / DEMO.name))
    with zipfile.ZipFile(DEMO) as archive:
        (member,) = [name for name in archive.namelist() if name.endswith(".qgs")]
        target = folder / member
        target.write_bytes(archive.read(member))
    return target


def _run_cli(*args: str) -> subprocess.CompletedProcess:
    """The real command line, in its own process, as a user runs it."""
    return subprocess.run(
        [sys.executable, str(ROOT / "gpf-bascule"), *args], capture_output=True, text=True, timeout=120, check=False
    )


def _layers_by_name(project: QgsProject) -> dict:
    return {layer.name(): layer for layer in project.mapLayers().values()}


def _tree(project: QgsProject) -> list[tuple[str, list[str]]]:
    return [(group.name(), [node.name() for node in group.children()]) for group in project.layerTreeRoot().children()]


def _endpoint(source: str) -> tuple[str, str]:
    """(host, path) of the url= of a wms-provider source."""
    url = urlsplit(unquote(re.search(r"url=([^&]+)", source).group(1)))
    return url.hostname or "", url.path


def _exercise(layer, area: QgsRectangle) -> None:  # noqa: ANN001 (QgsMapLayer)
    """Make the provider talk to the service: a block of tiles or a map, or features."""
    if layer.type() == QgsMapLayerType.RasterLayer:
        transform = QgsCoordinateTransform(LAMBERT93, layer.crs(), QgsProject.instance())
        layer.dataProvider().block(1, transform.transformBoundingBox(area), 64, 64)
    elif layer.type() == QgsMapLayerType.VectorLayer and layer.providerType() == "WFS":
        request = QgsFeatureRequest().setFilterRect(area).setLimit(1)
        list(layer.getFeatures(request))
        _describe(layer)
    elif layer.type() == QgsMapLayerType.VectorTileLayer:
        message, ok = layer.loadDefaultStyle()
        assert ok, f"{layer.name()}: style not loaded from {layer.source()}: {message}"


def _describe(layer) -> None:  # noqa: ANN001 (QgsVectorLayer)
    """Ask GPF for the schema of the layer's type, as QGIS 3.22 does when it opens the layer.

    QGIS 3.40 and 3.44 open a WFS layer of a project without DescribeFeatureType (the fields saved in the project
    do; a type already described in this session is not asked again): the schema request of each migrated
    source is then sent here, through QGIS's network stack, so that the strict fake GPF checks it on every version.
    """
    uri = QgsDataSourceUri(layer.source())
    query = urlencode({"SERVICE": "WFS", "VERSION": "2.0.0", "REQUEST": "DescribeFeatureType",
                       "TYPENAMES": uri.param("typename")})
    request = QgsBlockingNetworkRequest()
    error = request.get(QNetworkRequest(QUrl(f"{uri.param('url')}?{query}")), True)
    assert error == QgsBlockingNetworkRequest.NoError, f"{layer.name()}: {request.errorMessage()}"
    schema = bytes(request.reply().content())
    assert uri.param("typename").split(":", 1)[1].encode() in schema, layer.name()


@pytest.fixture(params=[".qgz", ".qgs"])
def migrated(request, tmp_path: Path) -> tuple[Path, Path, dict]:
    """Run `gpf-bascule migrate OLD --output-dir NEW --report NEW/rapport.json`; return old, new and the report."""
    old = _old_project(tmp_path / "ancien", request.param)
    out = tmp_path / "bascule"
    result = _run_cli("migrate", str(old), "--output-dir", str(out), "--report", str(out / "rapport.json"))
    assert result.returncode == 0, result.stderr + result.stdout
    new = out / old.name
    assert new.is_file(), sorted(p.name for p in out.iterdir())
    report = json.loads((out / "rapport.json").read_text(encoding="utf-8"))
    (entry,) = report["files"]
    statuses = {layer["name"]: layer for layer in entry["layers"]}
    return old, new, statuses


def test_old_project_layers_are_invalid_without_the_old_services(fake_gpf, project, tmp_path: Path) -> None:
    old = _old_project(tmp_path / "ancien", ".qgz")
    assert project.read(str(old))
    layers = _layers_by_name(project)
    assert len(layers) == 20
    for name, layer in layers.items():
        # XYZ and vector-tile layers are valid without any request: QGIS only fetches their tiles on drawing.
        offline_valid = layer.providerType() == "vectortile" or "type=xyz" in layer.source()
        if any(host in layer.source() for host in OLD_IGN_HOSTS) and not offline_valid:
            assert not layer.isValid(), f"{name} should not load from the dead Géoportail"
    assert {"wxs.ign.fr", "gpp3-wxs.ign.fr", "wmts.geopf.fr"} <= fake_gpf.old_hosts()


def test_cli_reports_what_happens_to_each_demo_layer(migrated) -> None:
    _, _, statuses = migrated
    assert {name: statuses[name]["status"] for name in EXPECTED} == EXPECTED
    assert statuses["Plan IGN v2 Lambert 93"]["status"] in ("migrated", "unmapped")


def test_migrated_project_opens_and_gpf_accepts_every_request(migrated, fake_gpf, project) -> None:
    old, new, statuses = migrated
    assert project.read(str(new)), project.error()
    layers = _layers_by_name(project)
    assert set(layers) == set(statuses)
    # QGIS keeps decoded tiles in a process-wide memory cache that Python cannot clear: each variant asks for
    # its own area, so that its tiles are really requested (and checked) rather than taken from that cache.
    area = STUDY_AREA if new.suffix == ".qgz" else QgsRectangle(STUDY_AREA).buffered(0)
    if new.suffix == ".qgs":
        area.setXMinimum(area.xMinimum() + 40000)
        area.setXMaximum(area.xMaximum() + 40000)

    for name, layer in layers.items():
        status = statuses[name]["status"]
        if status == "migrated":
            assert "data.geopf.fr" in layer.source(), name
            assert not any(host in layer.source() for host in OLD_IGN_HOSTS), name
        if status in ("unmapped", "needs-key"):
            continue
        assert layer.isValid(), f"{name} ({status}) invalid against GPF: {layer.error().summary()} {layer.source()}"
        _exercise(layer, area)

    refused = [
        (r.path, r.args.get("LAYER") or r.args.get("LAYERS") or r.args.get("TYPENAMES"), r.reason)
        for r in fake_gpf.refused()
        if not (r.path.startswith("/private/") and r.status == 403)  # the needs-key layer, without a key
    ]
    assert not refused, refused
    operations = {r.operation for r in fake_gpf.seen("data.geopf.fr")}
    assert {"getcapabilities", "gettile", "getmap", "describefeaturetype", "getfeature"} <= operations
    # Only the layers left as they were (no GPF equivalent) may still call the old Géoportail.
    left = {_endpoint(layer.source()) for name, layer in layers.items() if statuses[name]["status"] == "unmapped"}
    called = {(r.host, r.path) for r in fake_gpf.seen() if r.host in OLD_IGN_HOSTS}
    assert called <= left, called - left


def test_unmapped_and_needs_key_layers_are_left_for_the_user(migrated, fake_gpf, project) -> None:
    old, new, _ = migrated
    assert project.read(str(old))
    old_source = _layers_by_name(project)["Ortho express 2022"].source()
    assert project.read(str(new))
    layers = _layers_by_name(project)
    removed = layers["Ortho express 2022"]
    assert removed.source() == old_source
    assert not removed.isValid()
    scan = layers["Carte IGN SCAN 25 (clé personnelle)"]
    assert "data.geopf.fr/private/" in scan.source()
    assert "mnop3456qrst7890uvwx1234" not in scan.source()  # the old personal key is of no use on GPF


def test_migration_keeps_names_groups_styles_and_layout(migrated, fake_gpf, project) -> None:
    old, new, _ = migrated
    assert project.read(str(old))
    before_tree = _tree(project)
    before_layouts = [layout.name() for layout in project.layoutManager().layouts()]
    assert project.read(str(new))
    assert _tree(project) == before_tree
    assert [layout.name() for layout in project.layoutManager().layouts()] == before_layouts == ["Carte A4 paysage"]
    layers = _layers_by_name(project)
    assert layers["ZNIEFF de type 1"].renderer().opacity() == pytest.approx(0.6)
    assert layers["Bâtiments BD TOPO"].opacity() == pytest.approx(0.85)
    assert layers["Bâtiments BD TOPO"].renderer().type() == "singleSymbol"
    assert layers["Zones d'étude"].renderer().type() == "categorizedSymbol"
    assert project.crs().authid() == "EPSG:2154"
    assert "username" not in layers["Bâtiments BD TOPO"].source()


def test_local_data_still_opens_after_output_dir(migrated, fake_gpf, project) -> None:
    """--output-dir moves the project: the GeoPackage it links as ./donnees/... must come along."""
    _, new, _ = migrated
    assert project.read(str(new))
    assert _layers_by_name(project)["Zones d'étude"].isValid()
