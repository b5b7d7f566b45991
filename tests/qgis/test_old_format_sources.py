"""QGIS itself reads the migrated 2014 QGIS 1.8 project: GPF sources, the right layer names, no credentials.

QGIS 3 converts a QGIS 1.x WMS source when it reads the project (QgsMapLayer::readLayerXml rebuilds the
parameters, QgsRasterLayer::readXml adds the `<wmsSublayer>` names, the format and the CRS, only while the
source has neither `crs=` nor `format=`). The rewriter writes migrated layers in today's form, so QGIS must read
exactly that source and no longer complete it from the old sublayers. No network: every request is refused.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsDataSourceUri, QgsProject

from gpf_bascule.mapping.batch import default_migrator
from gpf_bascule.mapping.project_files import rewrite_file
from gpf_bascule.mapping.result import MIGRATED, UNMAPPED

PROJECT = "projects/haubourg_Donnees_IGN_Geoportail_qgis1.8_2014.qgs"


def _read(path: Path) -> dict[str, tuple[str, str]]:
    project = QgsProject()
    assert project.read(str(path))
    layers = {layer.id(): (layer.name(), layer.source()) for layer in project.mapLayers().values()}
    project.clear()
    return layers


def test_qgis_reads_the_migrated_qgis1_project(shared_data, tmp_path, offline):
    source = shared_data / PROJECT
    rewrite = rewrite_file(source.name, source.read_bytes(), default_migrator())
    migrated_file = tmp_path / "migre.qgs"
    migrated_file.write_bytes(rewrite.data)
    before, after = _read(source), _read(migrated_file)
    outcomes = {outcome.id: outcome for outcome in rewrite.sources}
    assert set(outcomes) == set(after) == set(before) and len(after) == 21
    migrated = 0
    for layer_id, (name, read) in after.items():
        outcome = outcomes[layer_id]
        assert name == before[layer_id][0] == outcome.name  # the layer keeps its name
        if outcome.status == UNMAPPED:
            assert read == before[layer_id][1]  # left as it was: QGIS still converts it the same way
            continue
        assert outcome.status == MIGRATED
        migrated += 1
        assert read == outcome.new_source  # QGIS reads what was written, nothing added from <wmsSublayer>
        uri = QgsDataSourceUri()
        uri.setEncodedUri(read)
        assert uri.param("url").startswith("https://data.geopf.fr/")
        assert "wxs.ign.fr" not in read
        assert not uri.username() and not uri.password() and not uri.hasParam("username")
        old = QgsDataSourceUri()
        old.setEncodedUri(before[layer_id][1])
        assert uri.params("layers") == old.params("layers")  # the same layers (no rename in this project)
        assert uri.param("crs") == old.param("crs") and uri.param("format") == old.param("format")
    assert migrated == 10
