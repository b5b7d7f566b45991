"""QGIS opens a project whose old addresses outside data sources were rewritten, and keeps what they belong to.

The project is the realistic QGIS 3.22 fixture of tests/unit/test_elsewhere.py (a WFS layer with a Python action
building a GetFeature URL with a `the_geom` filter, a label expression, a map tip, a default value, a virtual
field, layer and project variables, a print layout with an HTML frame, a label and a picture), as .qgs and .qgz.
After the file bascule, QGIS 3.22 reads it: the actions (rewritten or left for a person), variables, map tip,
labeling and layout items are there with the new addresses, and nothing else was lost.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from qgis.core import QgsExpressionContextUtils, QgsLayoutItemHtml

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
import test_elsewhere as fixtures  # noqa: E402

from gpf_bascule.mapping import batch, elsewhere  # noqa: E402

NEW_WMTS = "https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetCapabilities"


def _old_project(folder: Path, suffix: str) -> Path:
    """The fixture, with an action whose WFS URL the bascule can rewrite (no QGIS expression in its filter)."""
    code = fixtures.ACTION_WFS.replace("[% $x %] [% $y %]", "770000 6280000")
    qgs = fixtures.project_322().replace(fixtures._a(fixtures.ACTION_WFS).encode(), fixtures._a(code).encode())
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"communes{suffix}"
    path.write_bytes(qgs if suffix == ".qgs" else fixtures.qgz(qgs))
    return path


@pytest.mark.parametrize("suffix", [".qgs", ".qgz"])
def test_rewritten_project_opens_with_actions_variables_layout(project, fake_gpf, tmp_path, suffix):
    source = _old_project(tmp_path / "avant", suffix)
    (result,) = batch.run([str(source)], output_dir=str(tmp_path / "apres"))
    assert result.status == "migrated", result.error
    statuses = {(ref.place, ref.owner): ref.status for ref in result.references}
    assert statuses[("action", "Commune au WFS")] == elsewhere.REWRITTEN
    assert statuses[("action", "Bâtiments")] == elsewhere.TO_FIX

    assert project.read(result.output)
    (layer,) = project.mapLayersByName("Communes")
    actions = {action.name(): action for action in layer.actions().actions()}
    assert set(actions) == {"Commune au WFS", "Bâtiments"}
    command = actions["Commune au WFS"].command()
    assert command.startswith("from qgis.PyQt.QtCore import QUrl\nfrom qgis.PyQt.QtGui import QDesktopServices\n"
                              "url = 'https://data.geopf.fr/wfs/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature")
    assert command.endswith("'\nQDesktopServices.openUrl(QUrl(url))")
    assert "the_geom" not in command and "wxs.ign.fr" not in command and fixtures.KEY not in command
    assert actions["Commune au WFS"].actionScopes() == {"Feature"}
    assert actions["Commune au WFS"].shortTitle() == "WFS"
    assert actions["Bâtiments"].command() == fixtures.ACTION_PIECES  # left for a person, as it was

    project_scope = QgsExpressionContextUtils.projectScope(project)
    assert project_scope.variable("ign_wmts") == NEW_WMTS
    assert project_scope.variable("commune") == "Montpellier"
    assert QgsExpressionContextUtils.layerScope(layer).variable("ign_wfs") == "https://data.geopf.fr/wfs/ows"
    assert "https://data.geopf.fr/wms-r/wms?SERVICE=WMS" in layer.mapTipTemplate()
    assert "[% bounds_x %]" in layer.mapTipTemplate()
    assert layer.labeling().settings().fieldName == "'Source : https://data.geopf.fr/wfs/ows - ' || \"nom\""

    layout = project.layoutManager().layoutByName("Carte A4")
    assert layout is not None
    (frame,) = [item for item in layout.multiFrames() if isinstance(item, QgsLayoutItemHtml)]
    assert frame.url().toString() == NEW_WMTS
    assert layout.itemById("Sources").text() == "Sources : https://data.geopf.fr/wmts, IGN 2019"
    assert layout.itemById("Logo").picturePath() == fixtures.PICTURE  # no rule: left for a person


    # saved again by QGIS, nothing old comes back (QGIS kept no copy of the old values)
    saved = tmp_path / "resave.qgs"
    assert project.write(str(saved))
    data = saved.read_bytes()
    assert fixtures.KEY not in data.decode("utf-8")
    left = {(ref.place, ref.owner) for ref in elsewhere.find_references(data)}
    assert left <= {(ref.place, ref.owner) for ref in result.references if ref.status == elsewhere.TO_FIX}
