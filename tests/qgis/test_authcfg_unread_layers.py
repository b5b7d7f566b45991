"""bascule/qgis_compat.py on the QGIS this suite runs on (3.22, 3.40 and 3.44 each run it).

Named to run before test_private_key.py, which sets a master password for the rest of the session (QGIS then
reads authcfg layers itself and there is nothing to recover)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from qgis.core import QgsApplication

import gpf_bascule
from gpf_bascule.bascule.project_bascule import apply, scan_project
from gpf_bascule.bascule.qgis_compat import recover_unread_layers, without_authcfg
from gpf_bascule.mapping.registry import load_registry

DEMO = Path(gpf_bascule.__file__).resolve().parent / "resources" / "demo" / "projet_geoportail_2019.qgz"
AUTHCFG_LAYER = "Ortho haute résolution (authentification QGIS)"


def test_authcfg_is_taken_out_of_every_source_syntax() -> None:
    assert without_authcfg("authcfg=ign2019&crs=EPSG:2154&url=https://x") == "crs=EPSG:2154&url=https://x"
    assert without_authcfg("crs=EPSG:2154&authcfg=ign2019&url=https://x") == "crs=EPSG:2154&url=https://x"
    assert without_authcfg("crs=EPSG:2154&url=https://x&authcfg=ign2019") == "crs=EPSG:2154&url=https://x"
    assert without_authcfg("authcfg='ign2019' typename='a:b' url='https://x'") == "typename='a:b' url='https://x'"
    assert without_authcfg("typename='a:b' url='https://x'") == "typename='a:b' url='https://x'"
    assert without_authcfg("url=https://x/?myauthcfg=1") == "url=https://x/?myauthcfg=1"


def test_a_layer_qgis_could_not_read_for_its_authcfg_comes_back_by_its_name(project, offline, tmp_path) -> None:
    if QgsApplication.authManager().masterPasswordIsSet():
        pytest.skip("a master password was set earlier in this session: QGIS reads the authcfg layer itself")
    path = _demo(tmp_path)
    assert project.read(str(path))
    strays = [layer for layer in project.mapLayers().values() if not layer.name()]
    assert len(strays) == 1  # what QGIS makes of it (3.44: not even its source)
    stray_id = strays[0].id()
    node = next(n for n in project.layerTreeRoot().findLayers() if n.name() == AUTHCFG_LAYER)
    assert node.layer() is None
    before = {layer.id() for layer in project.mapLayers().values() if layer.name()}

    (layer,) = recover_unread_layers(project, load_registry())
    assert layer.name() == AUTHCFG_LAYER and layer.id() == node.layerId()
    assert node.layer() is layer  # back in its place in the layer tree
    assert "authcfg" not in layer.source() and "wxs.ign.fr" in layer.source()  # still the old source
    assert project.mapLayer(stray_id) is None  # the stray is gone
    assert {other.id() for other in project.mapLayers().values() if other.name()} == before | {layer.id()}
    assert recover_unread_layers(project, load_registry()) == []  # nothing left to read again


def _demo(tmp_path: Path) -> Path:
    shutil.copytree(DEMO.parent / "donnees", tmp_path / "donnees")
    return Path(shutil.copy(DEMO, tmp_path / DEMO.name))


def test_a_layer_read_again_without_its_authcfg_means_a_backup(project, offline, tmp_path) -> None:
    """The scan reads the locked authcfg layer again without it: the next save changes the file, copied first."""
    if QgsApplication.authManager().masterPasswordIsSet():
        pytest.skip("a master password was set earlier in this session: QGIS reads the authcfg layer itself")
    path = _demo(tmp_path)
    original = path.read_bytes()
    assert project.read(str(path))
    plans = scan_project(project)
    if "Ortho haute résolution (authentification QGIS)" not in {plan.name for plan in plans} or any(
        not layer.name() for layer in project.mapLayers().values()
    ):
        pytest.fail("the authcfg layer was not read again")
    apply([plan for plan in plans if not plan.applicable], project)  # nothing applied
    assert project.write()
    (backup,) = [p for p in tmp_path.iterdir() if ".bak-gpf-" in p.name]
    assert backup.read_bytes() == original


def test_a_layer_the_user_removed_is_never_brought_back(project, offline, tmp_path) -> None:
    if QgsApplication.authManager().masterPasswordIsSet():
        pytest.skip("a master password was set earlier in this session: QGIS reads the authcfg layer itself")
    assert project.read(str(_demo(tmp_path)))
    node = next(n for n in project.layerTreeRoot().findLayers() if n.name() == AUTHCFG_LAYER)
    node.parent().removeChildNode(node)  # removed from the Layers panel: the saved layer is no longer wanted
    assert recover_unread_layers(project, load_registry()) == []
    assert AUTHCFG_LAYER not in {layer.name() for layer in project.mapLayers().values()}
