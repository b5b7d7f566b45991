"""`gpf_bascule:migrate_stored_projects` through processing.run: projects QGIS itself saved in a GeoPackage (and in a
throw-away PostgreSQL cluster) are simulated by default, then rewritten in their row with a backup row, and QGIS
reopens them with the new sources. Addresses with a password are refused; the log never shows user nor password.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from osgeo import ogr
from qgis.core import QgsProcessingException, QgsProcessingFeedback

from gpf_bascule.processing_provider.provider import PROVIDER_ID
from gpf_bascule.tests.qgis.test_project_storage import (  # noqa: F401 (pg_service is a fixture)
    old_project,
    pg_rows,
    pg_service,
    reopen_with_qgis,
    write_with_qgis,
)

ALGORITHM = f"{PROVIDER_ID}:migrate_stored_projects"


class Recorder(QgsProcessingFeedback):
    """Every line the algorithm writes to the Processing log."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []

    def pushInfo(self, info: str) -> None:  # noqa: N802 (QGIS API)
        self.lines.append(info)

    def pushWarning(self, warning: str) -> None:  # noqa: N802 (QGIS API)
        self.lines.append(warning)

    def reportError(self, error: str, fatalError: bool = False) -> None:  # noqa: N802, N803 (QGIS API)
        self.lines.append(error)


def gpkg_rows(gpkg: Path, table: str = "qgis_projects") -> list[tuple]:
    with sqlite3.connect(gpkg) as db:
        exists = db.execute("SELECT count(*) FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
        rows = db.execute(f"SELECT name, metadata, content FROM {table} ORDER BY name").fetchall() if exists else []
    db.close()
    return rows


def stored_gpkg(project, tmp_path: Path) -> tuple[Path, str, dict[str, str]]:
    gpkg = tmp_path / "projets.gpkg"
    ogr.GetDriverByName("GPKG").CreateDataSource(str(gpkg)).CreateLayer("donnees")
    uri = f"geopackage:{gpkg}?projectName=carte"
    return gpkg, uri, write_with_qgis(project, old_project(tmp_path), uri)


def test_a_geopackage_is_simulated_by_default_then_migrated_in_its_row(processing_module, project, offline,
                                                                        tmp_path) -> None:
    gpkg, uri, before = stored_gpkg(project, tmp_path)
    stored = gpkg_rows(gpkg)

    preview = processing_module.run(ALGORITHM, {"STORE": f"geopackage:{gpkg}"})
    assert (preview["FILES"], preview["FILES_MIGRATED"], preview["FILES_ERROR"]) == (1, 1, 0)
    assert preview["LAYERS_MIGRATED"] > 0
    assert "REPORT" not in preview or not preview["REPORT"]
    assert gpkg_rows(gpkg) == stored and gpkg_rows(gpkg, "qgis_projects_gpf_backup") == []

    report = tmp_path / "rapport.json"
    feedback = Recorder()
    done = processing_module.run(ALGORITHM, {"STORE": f"geopackage:{gpkg}", "DRY_RUN": False,
                                             "REPORT": str(report)}, feedback=feedback)
    assert (done["FILES"], done["FILES_MIGRATED"], done["REPORT"]) == (1, 1, str(report))
    written = json.loads(report.read_text(encoding="utf-8"))
    assert written["dry_run"] is False and [entry["path"] for entry in written["files"]] == [uri]
    assert any(uri in line for line in feedback.lines)
    assert [row[1:] for row in gpkg_rows(gpkg, "qgis_projects_gpf_backup")] == [stored[0][1:]]
    reopen_with_qgis(project, uri, before)

    again = processing_module.run(ALGORITHM, {"STORE": uri, "DRY_RUN": False})
    assert (again["FILES_MIGRATED"], again["FILES_UNCHANGED"]) == (0, 1)
    assert len(gpkg_rows(gpkg, "qgis_projects_gpf_backup")) == 1


def test_cancel_before_the_first_project_changes_nothing(processing_module, project, offline, tmp_path) -> None:
    gpkg, _uri, _before = stored_gpkg(project, tmp_path)
    stored = gpkg_rows(gpkg)
    feedback = Recorder()
    feedback.cancel()
    result = processing_module.run(ALGORITHM, {"STORE": f"geopackage:{gpkg}", "DRY_RUN": False}, feedback=feedback)
    assert result["FILES"] == 0
    assert gpkg_rows(gpkg) == stored and gpkg_rows(gpkg, "qgis_projects_gpf_backup") == []


@pytest.mark.parametrize("store", [
    "",
    "/tmp/projets.gpkg",  # a file path: that is migrate_projects' job
    "postgresql://jean:S3cr3t-Pa55@sig.example.org?dbname=sig&schema=projets",
    "postgresql://sig.example.org?dbname=sig",  # no schema
    "postgresql://sig.example.org?dbname=sig&schema=p&authcfg=abc1234",
])
def test_addresses_it_cannot_run_are_refused_before_anything(processing_module, store) -> None:
    with pytest.raises(QgsProcessingException) as raised:
        processing_module.run(ALGORITHM, {"STORE": store, "DRY_RUN": False})
    assert "S3cr3t-Pa55" not in str(raised.value)


def test_a_missing_geopackage_is_an_error_row_and_is_never_created(processing_module, tmp_path) -> None:
    gpkg = tmp_path / "absent.gpkg"
    feedback = Recorder()
    result = processing_module.run(ALGORITHM, {"STORE": f"geopackage:{gpkg}", "DRY_RUN": False}, feedback=feedback)
    assert result["FILES_ERROR"] == 1 and not gpkg.exists()


def test_postgresql_projects_migrated_without_the_user_name_in_the_log(processing_module, project, offline, tmp_path,
                                                                       pg_service) -> None:  # noqa: F811
    # sslmode=disable: QGIS keeps one connection per connection string for the session; this cluster stops with
    # this module, so its string must differ from the one test_project_storage.py's own cluster is reached by
    base = f"postgresql://?service={pg_service}&sslmode=disable&schema=public"
    before = write_with_qgis(project, old_project(tmp_path), f"{base}&project=plan processing")
    stored = pg_rows(pg_service)

    feedback = Recorder()
    preview = processing_module.run(ALGORITHM, {"STORE": f"postgresql://gpf@?service={pg_service}&schema=public"},
                                    feedback=feedback)
    assert preview["FILES_MIGRATED"] >= 1 and pg_rows(pg_service) == stored
    done = processing_module.run(ALGORITHM, {
        "STORE": f"postgresql://gpf@?service={pg_service}&schema=public&project=plan processing", "DRY_RUN": False,
    }, feedback=feedback)
    assert (done["FILES"], done["FILES_MIGRATED"], done["FILES_ERROR"]) == (1, 1, 0)
    assert not any("gpf@" in line for line in feedback.lines)
    assert any("project=plan%20processing" in line for line in feedback.lines)
    backups = pg_rows(pg_service, "qgis_projects_gpf_backup")
    assert backups["plan processing"] == stored["plan processing"]
    reopen_with_qgis(project, f"{base}&project=plan processing", before)


def test_the_restore_algorithm_puts_a_stored_project_back_from_its_backup_row(processing_module, project, offline,
                                                                             tmp_path) -> None:
    """The way back exists inside QGIS too: « Annuler une bascule sur place » takes a store address."""
    gpkg, uri, _before = stored_gpkg(project, tmp_path)
    stored = gpkg_rows(gpkg)
    processing_module.run(ALGORITHM, {"STORE": f"geopackage:{gpkg}", "DRY_RUN": False})
    assert gpkg_rows(gpkg) != stored

    restore_id = f"{PROVIDER_ID}:restore_backups"
    with pytest.raises(QgsProcessingException):  # a password in the address is refused there as well
        processing_module.run(restore_id, {"STORE": "postgresql://jean:S3cr3t@h?dbname=d&schema=s"})
    feedback = Recorder()
    done = processing_module.run(restore_id, {"STORE": f"geopackage:{gpkg}"}, feedback=feedback)
    assert (done["RESTORED"], done["MODIFIED"], done["ERRORS"]) == (1, 0, 0), feedback.lines
    assert [row[1:] for row in gpkg_rows(gpkg)] == [row[1:] for row in stored]  # content and metadata back
