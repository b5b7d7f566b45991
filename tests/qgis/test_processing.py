"""The "Géoplateforme" Processing provider: its three algorithms through processing.run, and qgis_process."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsProcessingException, QgsVectorLayer, QgsWkbTypes

import gpf_bascule
from gpf_bascule.processing_provider.provider import PROVIDER_ID, ProcessingRegistration
from gpf_bascule.tests.unit import qgis_samples as samples

ROOT = Path(gpf_bascule.__file__).resolve().parent
DEMO = ROOT / "resources" / "demo"
QGIS_PROCESS = shutil.which("qgis_process.bin") or shutil.which("qgis_process")


@pytest.fixture
def projects(tmp_path: Path) -> Path:
    folder = tmp_path / "projets"
    shutil.copytree(DEMO, folder)
    (folder / "couches.qlr").write_bytes(samples.qlr())
    (folder / "casse.qgs").write_bytes(b"<qgis><pas fini")
    return folder


def test_the_provider_lists_its_algorithms(processing_module) -> None:
    provider = QgsApplication.processingRegistry().providerById(PROVIDER_ID)
    assert provider is not None and provider.name() == "Géoplateforme"
    assert sorted(algorithm.name() for algorithm in provider.algorithms()) == [
        "list_catalog", "migrate_connections", "migrate_projects", "migrate_stored_projects", "restore_backups",
    ]


def test_restore_backups_undoes_an_in_place_bascule(processing_module, projects) -> None:
    from gpf_bascule.mapping import batch

    before = {path: path.read_bytes() for path in projects.rglob("*") if path.is_file()}
    batch.run([str(projects)], in_place=True)
    assert (projects / "couches.qlr").read_bytes() != before[projects / "couches.qlr"]
    preview = processing_module.run(f"{PROVIDER_ID}:restore_backups", {"INPUT_FOLDER": str(projects), "DRY_RUN": True})
    assert preview["RESTORED"] == 2 and (projects / "couches.qlr").read_bytes() != before[projects / "couches.qlr"]
    result = processing_module.run(f"{PROVIDER_ID}:restore_backups", {"INPUT_FOLDER": str(projects)})
    assert (result["RESTORED"], result["MODIFIED"], result["ERRORS"]) == (2, 0, 0)
    assert result["NO_BACKUP"] == 1  # the broken project was never written, so it has none
    assert {path: path.read_bytes() for path in projects.rglob("*") if path.is_file()} == before


def test_unregister_removes_the_provider_and_register_brings_it_back(processing_module) -> None:
    registry = QgsApplication.processingRegistry()
    registration = ProcessingRegistration()
    registration.register()  # replaces the fixture's provider, as a reload without a clean unload would
    assert [provider.id() for provider in registry.providers()].count(PROVIDER_ID) == 1
    registration.unregister()
    assert registry.providerById(PROVIDER_ID) is None
    processing_module.registration.register()


def test_migrate_projects_on_a_folder(processing_module, projects, tmp_path) -> None:
    output = tmp_path / "sortie"
    result = processing_module.run(
        f"{PROVIDER_ID}:migrate_projects", {"INPUT": str(projects), "OUTPUT_FOLDER": str(output)}
    )
    assert result["FILES"] == 3 and result["FILES_MIGRATED"] == 2 and result["FILES_ERROR"] == 1
    assert result["LAYERS_MIGRATED"] > 0
    assert result["REPORT"] == str(output / "rapport-bascule.html") and Path(result["REPORT"]).is_file()
    assert (output / "projet_geoportail_2019.qgz").is_file() and (output / "couches.qlr").is_file()
    assert (output / "donnees" / "zones_etude.gpkg").is_file()


def test_migrate_projects_on_a_folder_chosen_in_the_folder_field(processing_module, projects, tmp_path) -> None:
    output = tmp_path / "sortie"
    result = processing_module.run(
        f"{PROVIDER_ID}:migrate_projects", {"INPUT_FOLDER": str(projects), "OUTPUT_FOLDER": str(output)}
    )
    assert result["FILES"] == 3 and result["FILES_MIGRATED"] == 2
    assert (output / "projet_geoportail_2019.qgz").is_file()


def test_migrate_projects_needs_a_file_or_a_folder(processing_module, tmp_path) -> None:
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException):
        processing_module.run(f"{PROVIDER_ID}:migrate_projects", {"OUTPUT_FOLDER": str(tmp_path / "sortie")})
    assert not (tmp_path / "sortie" / "rapport-bascule.html").exists()


def test_migrate_projects_on_one_file_dry_run_with_a_json_report(processing_module, projects, tmp_path) -> None:
    output, report = tmp_path / "sortie", tmp_path / "rapport.json"
    result = processing_module.run(f"{PROVIDER_ID}:migrate_projects", {
        "INPUT": str(projects / "couches.qlr"), "OUTPUT_FOLDER": str(output), "REPORT": str(report), "DRY_RUN": True,
    })
    assert result["FILES"] == 1 and result["FILES_MIGRATED"] == 1
    assert json.loads(report.read_text(encoding="utf-8"))["dry_run"] is True
    assert not (output / "couches.qlr").exists()


def test_migrate_connections(processing_module, tmp_path) -> None:
    source, target = tmp_path / "wms.xml", tmp_path / "wms-gpf.xml"
    source.write_bytes(samples.connections("wms"))
    result = processing_module.run(f"{PROVIDER_ID}:migrate_connections", {"INPUT": str(source), "OUTPUT": str(target)})
    assert result["OUTPUT"] == str(target) and result["LAYERS_MIGRATED"] >= 1
    text = target.read_text(encoding="utf-8")
    assert "data.geopf.fr" in text and "wxs.ign.fr" not in text
    assert b"wxs.ign.fr" in source.read_bytes()  # the export itself is left alone


def test_migrate_connections_refuses_a_project(processing_module, projects, tmp_path) -> None:
    fake = tmp_path / "pas-un-export.xml"
    fake.write_bytes(samples.qlr())
    with pytest.raises(QgsProcessingException):
        processing_module.run(
            f"{PROVIDER_ID}:migrate_connections", {"INPUT": str(fake), "OUTPUT": str(tmp_path / "out.xml")}
        )


def test_list_catalog_is_a_table_of_the_whole_catalogue(processing_module) -> None:
    from gpf_bascule.catalog.snapshot import load_snapshot

    result = processing_module.run(f"{PROVIDER_ID}:list_catalog", {"OUTPUT": "memory:"})
    layer = result["OUTPUT"]
    if isinstance(layer, str):
        layer = QgsVectorLayer(layer)
    assert layer.wkbType() == QgsWkbTypes.Type.NoGeometry
    assert layer.fields().names() == ["service", "name", "title", "themes", "provider", "uri", "needs_key"]
    expected = len(load_snapshot().layers)
    assert layer.featureCount() == expected and 1700 < expected < 2600  # 2,232 once the whole WMS-V came in
    services = {feature["service"] for feature in layer.getFeatures()}
    assert services <= {"wmts", "wms-r", "wms-v", "wfs", "tms"} and len(services) >= 4


def test_list_catalog_writes_a_csv(processing_module, tmp_path) -> None:
    target = tmp_path / "catalogue.csv"
    processing_module.run(f"{PROVIDER_ID}:list_catalog", {"OUTPUT": str(target)})
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("service,name,title,themes,provider,uri,needs_key")
    assert len(lines) > 1700


#: Until plugin.py has initProcessing(), the throw-away install wraps the plugin class with the method the lead
#: adds (the same two lines), so that qgis_process is tested against the real provider either way.
SHIM = '''"""Test install of gpf_bascule: the checkout's plugin class plus initProcessing()."""
from .plugin import GpfBasculePlugin
from .processing_provider.provider import ProcessingRegistration


class _WithProcessing(GpfBasculePlugin):
    def initProcessing(self):
        self._processing = ProcessingRegistration()
        self._processing.register()


def classFactory(iface):
    return _WithProcessing(iface)
'''


@pytest.fixture
def plugin_profile(tmp_path: Path) -> dict[str, str]:
    """A throw-away QGIS profile whose plugin folder holds `gpf_bascule` -> this checkout."""
    from gpf_bascule.plugin import GpfBasculePlugin

    plugins = tmp_path / "plugins"
    plugins.mkdir()
    if hasattr(GpfBasculePlugin, "initProcessing"):
        (plugins / "gpf_bascule").symlink_to(ROOT, target_is_directory=True)
    else:
        install = plugins / "gpf_bascule"
        install.mkdir()
        for entry in ROOT.iterdir():
            if entry.name not in ("__init__.py", ".venv", ".git", ".test-home"):
                (install / entry.name).symlink_to(entry)
        (install / "__init__.py").write_text(SHIM, encoding="utf-8")
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    return {
        **os.environ, "QGIS_PLUGINPATH": str(plugins), "HOME": str(home), "XDG_CONFIG_HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": str(home),
    }


@pytest.mark.skipif(QGIS_PROCESS is None, reason="qgis_process not installed (Debian package `qgis`)")
def test_qgis_process_runs_migrate_projects(plugin_profile, projects, tmp_path) -> None:
    def qgis_process(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [QGIS_PROCESS, *args], env=plugin_profile, capture_output=True, text=True, timeout=240, check=False
        )

    # 3.22 has `plugins enable`; a fresh profile already enables a plugin with hasProcessingProvider=yes.
    enabled = qgis_process("plugins", "enable", "gpf_bascule")
    assert enabled.returncode == 0 or "already enabled" in enabled.stderr, enabled.stdout + enabled.stderr
    output = tmp_path / "sortie"
    run = qgis_process(
        "--json", "run", f"{PROVIDER_ID}:migrate_projects", "--", f"INPUT={projects}", f"OUTPUT_FOLDER={output}",
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    outputs = json.loads(run.stdout[run.stdout.index("{"):])["results"]
    assert outputs["FILES"] == 3 and outputs["FILES_ERROR"] == 1
    assert (output / "projet_geoportail_2019.qgz").is_file() and (output / "rapport-bascule.html").is_file()


@pytest.mark.parametrize("algorithm_id", ["migrate_projects", "restore_backups"])
def test_file_and_folder_inputs_say_one_of_them_is_required(processing_module, algorithm_id, tmp_path) -> None:
    """Processing shows both fields "[optionnel]": their labels and the dialog's check say one is needed."""
    algorithm = QgsApplication.processingRegistry().algorithmById(f"{PROVIDER_ID}:{algorithm_id}")
    descriptions = [algorithm.parameterDefinition(name).description() for name in ("INPUT", "INPUT_FOLDER")]
    assert all("l'un des deux est requis" in text for text in descriptions), descriptions
    from qgis.core import QgsProcessingContext

    context = QgsProcessingContext()
    ok, message = algorithm.checkParameterValues({"OUTPUT_FOLDER": str(tmp_path)}, context)
    assert not ok and "l'un des deux champs est requis" in message
    ok, message = algorithm.checkParameterValues({"INPUT_FOLDER": str(tmp_path), "OUTPUT_FOLDER": str(tmp_path)},
                                                 context)
    assert ok, message
