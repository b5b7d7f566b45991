"""Projects stored in a database, end to end: QGIS itself writes a project with old Géoportail sources into a
GeoPackage (and into a throw-away PostgreSQL cluster), the real command line migrates it there (dry run first),
and QGIS reopens it from the database with the new sources.

Every request QGIS makes is refused (the `offline` fixture): layers stay invalid, but their sources are what
this test is about, and QGIS writes and reads them either way.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from osgeo import ogr
from qgis.core import QgsProject

import gpf_bascule

sys.path.insert(0, str(Path(gpf_bascule.__file__).resolve().parent / "tests" / "unit"))
import qgis_samples as samples  # noqa: E402

ROOT = Path(gpf_bascule.__file__).resolve().parent
OLD_HOST = "wxs.ign.fr"
NEW_HOST = "data.geopf.fr"


def run_cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "gpf-bascule"), *args], capture_output=True, text=True,
                          timeout=120, check=False, env=env)


def old_project(tmp_path: Path) -> Path:
    path = tmp_path / "ancien.qgs"
    path.write_bytes(samples.project(samples.LAYERS[:4] + samples.LAYERS[6:]))
    return path


def sources(project: QgsProject) -> dict[str, str]:
    return {layer.name(): layer.source() for layer in project.mapLayers().values()}


def write_with_qgis(project: QgsProject, source: Path, uri: str) -> dict[str, str]:
    assert project.read(str(source))
    before = sources(project)
    assert sum(OLD_HOST in text for text in before.values()) == 4
    assert project.write(uri), uri
    project.clear()
    return before


def reopen_with_qgis(project: QgsProject, uri: str, before: dict[str, str]) -> None:
    project.clear()
    assert project.read(uri), uri
    after = sources(project)
    assert set(after) == set(before)
    for name, text in after.items():
        if OLD_HOST in before[name]:
            assert NEW_HOST in text and OLD_HOST not in text, (name, text)
        else:
            assert text == before[name]
    project.clear()


def test_geopackage_project_written_by_qgis_is_migrated_in_its_row(project, offline, tmp_path):
    gpkg = tmp_path / "projets.gpkg"
    ogr.GetDriverByName("GPKG").CreateDataSource(str(gpkg)).CreateLayer("donnees")
    uri = f"geopackage:{gpkg}?projectName=carte"
    before = write_with_qgis(project, old_project(tmp_path), uri)
    with sqlite3.connect(gpkg) as db:
        (stored_meta, stored), = db.execute("SELECT metadata, content FROM qgis_projects").fetchall()
    db.close()
    assert isinstance(stored, str) and bytes.fromhex(stored)[:2] == b"PK"  # hex text of a .qgz: QGIS's format

    dry = run_cli("migrate", f"geopackage:{gpkg}", "--in-place", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "1 traités, 1 modifiés" in dry.stdout
    with sqlite3.connect(gpkg) as db:
        assert db.execute("SELECT content FROM qgis_projects").fetchall() == [(stored,)]
    db.close()

    report = tmp_path / "rapport.json"
    done = run_cli("migrate", f"geopackage:{gpkg}", "--in-place", "--report", str(report))
    assert done.returncode == 0, done.stderr
    files = json.loads(report.read_text())["files"]
    assert [entry["path"] for entry in files] == [uri]
    reopen_with_qgis(project, uri, before)
    with sqlite3.connect(gpkg) as db:
        backup = db.execute("SELECT metadata, content FROM qgis_projects_gpf_backup").fetchall()
        metadata = json.loads(db.execute("SELECT metadata FROM qgis_projects").fetchone()[0])
    db.close()
    assert backup == [(stored_meta, stored)]
    assert metadata["last_modified_time"]

    undone = run_cli("restore", f"geopackage:{gpkg}")
    assert undone.returncode == 0, undone.stderr + undone.stdout
    with sqlite3.connect(gpkg) as db:
        assert db.execute("SELECT metadata, content FROM qgis_projects").fetchall() == [(stored_meta, stored)]
    db.close()
    project.clear()
    assert project.read(uri)
    assert sources(project) == before


# --- PostgreSQL: a throw-away cluster -------------------------------------------------------------------------


def _postgres_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda path: int(path.parts[-3]))
    return found[-1].parent if found else None


@pytest.fixture(scope="module")
def pg_service():
    """A PostgreSQL cluster of its own (initdb/pg_ctl in a temporary folder, unix socket only, trust for the
    one local user `gpf`), run as `nobody` when the tests run as root (PostgreSQL refuses root); yields the
    service name, with PGSERVICEFILE pointing at its service file (QGIS and the command line read it)."""
    bindir = _postgres_bin()
    if bindir is None or shutil.which("runuser") is None and os.geteuid() == 0:
        reason = "PostgreSQL server binaries absent (apt-get install postgresql python3-psycopg2)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}: CI must run the PostgreSQL tests")
        pytest.skip(reason)
    if os.environ.get("CI") != "true":
        pytest.importorskip("psycopg2", reason="python3-psycopg2 absent (apt-get install python3-psycopg2)")
    base = Path(tempfile.mkdtemp(prefix="gpf-pg-"))
    base.chmod(0o755)
    data, socket_dir = base / "data", base / "socket"
    data.mkdir()
    socket_dir.mkdir()
    as_user: list[str] = []
    if os.geteuid() == 0:
        for folder in (data, socket_dir):
            shutil.chown(folder, "nobody")
        as_user = ["runuser", "-u", "nobody", "--"]
    service_file = base / "pg_service.conf"
    service_file.write_text(f"[gpftest]\nhost={socket_dir}\nport=5432\ndbname=postgres\nuser=gpf\n")
    started = False
    try:
        subprocess.run([*as_user, str(bindir / "initdb"), "-D", str(data), "-U", "gpf", "--auth=trust", "-E", "UTF8",
                        "--locale=C.UTF-8", "--no-sync"], check=True, capture_output=True, timeout=120)
        subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-l", str(data / "server.log"), "-w",
                        "-o", f"-k {socket_dir} -c listen_addresses= -p 5432 -c fsync=off", "start"],
                       check=True, capture_output=True, timeout=120)
        started = True
        previous = os.environ.get("PGSERVICEFILE")
        os.environ["PGSERVICEFILE"] = str(service_file)
        try:
            yield "gpftest"
        finally:
            if previous is None:
                os.environ.pop("PGSERVICEFILE", None)
            else:
                os.environ["PGSERVICEFILE"] = previous
    finally:
        if started:
            subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                           capture_output=True, timeout=120, check=False)
        shutil.rmtree(base, ignore_errors=True)


def pg_rows(service: str, table: str = "qgis_projects") -> dict:
    import psycopg2

    with contextlib.closing(psycopg2.connect(service=service)) as connection, connection.cursor() as cursor:
        cursor.execute(f"SELECT name, metadata, content FROM public.{table} ORDER BY name")
        return {name: (metadata, bytes(content)) for name, metadata, content in cursor.fetchall()}


def test_postgresql_projects_written_by_qgis_are_migrated_and_restored(project, offline, tmp_path, pg_service):
    base = f"postgresql://?service={pg_service}&schema=public"
    source = old_project(tmp_path)
    before = write_with_qgis(project, source, f"{base}&project=carte")
    assert project.read(str(source))
    assert project.write(f"{base}&project=deuxième carte")
    project.clear()
    stored = pg_rows(pg_service)
    assert set(stored) == {"carte", "deuxième carte"}
    assert all(content[:2] == b"PK" for _meta, content in stored.values())

    dry = run_cli("migrate", base, "--in-place", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "2 traités, 2 modifiés" in dry.stdout
    assert pg_rows(pg_service) == stored

    report = tmp_path / "rapport.json"
    done = run_cli("migrate", base, "--in-place", "--report", str(report))
    assert done.returncode == 0, done.stderr
    paths = sorted(entry["path"] for entry in json.loads(report.read_text())["files"])
    assert paths == [f"postgresql://?service={pg_service}&schema=public&project=carte",
                     f"postgresql://?service={pg_service}&schema=public&project=deuxi%C3%A8me%20carte"]
    for name in ("carte", "deuxième carte"):
        reopen_with_qgis(project, f"{base}&project={name}", before)
    migrated = pg_rows(pg_service)
    assert pg_rows(pg_service, "qgis_projects_gpf_backup") == stored  # rows as they were, metadata included
    for name, (metadata, _content) in migrated.items():
        assert metadata["last_modified_user"] == "gpf"  # as QGIS sets it: current_user, UTC time
        assert metadata["last_modified_time"] > stored[name][0]["last_modified_time"]

    again = run_cli("migrate", base, "--in-place")
    assert again.returncode == 0 and "0 modifiés, 2 inchangés" in again.stdout

    undone = run_cli("restore", f"{base}&project=carte")
    assert undone.returncode == 0, undone.stderr + undone.stdout
    assert pg_rows(pg_service)["carte"] == stored["carte"]
    assert pg_rows(pg_service)["deuxième carte"] == migrated["deuxième carte"]
    project.clear()
    assert project.read(f"{base}&project=carte")
    assert sources(project) == before
    project.clear()


def test_postgresql_connection_problems_are_one_clear_line_without_secrets(pg_service):
    failed = run_cli("migrate", "postgresql://jean:S3cr3t-Pa55@127.0.0.1:1?dbname=x&schema=public", "--in-place")
    assert failed.returncode == 1
    assert "connexion à la base impossible" in failed.stderr
    assert "S3cr3t-Pa55" not in failed.stderr + failed.stdout and "jean" not in failed.stderr + failed.stdout
    missing = run_cli("migrate", f"postgresql://?service={pg_service}&schema=absent", "--in-place")
    assert missing.returncode == 1 and "aucun projet QGIS" in missing.stderr


def test_postgresql_user_who_cannot_create_the_backup_table_changes_nothing(pg_service):
    """A role allowed to update qgis_projects but not to create a table in the schema: the backup cannot exist,
    so the project is not changed (one transaction), and the report line says why."""
    import psycopg2

    old = samples.qgz(samples.project(samples.LAYERS[:3]))
    with contextlib.closing(psycopg2.connect(service=pg_service)) as connection, connection.cursor() as cursor:
        cursor.execute("CREATE SCHEMA equipe")
        cursor.execute("CREATE TABLE equipe.qgis_projects (name TEXT PRIMARY KEY, metadata JSONB, content BYTEA)")
        cursor.execute("INSERT INTO equipe.qgis_projects (name, metadata, content) VALUES (%s, %s, %s)",
                       ("plan", '{"last_modified_user": "gpf"}', psycopg2.Binary(old)))
        cursor.execute("CREATE ROLE lecteur LOGIN")
        cursor.execute("GRANT USAGE ON SCHEMA equipe TO lecteur")
        cursor.execute("GRANT SELECT, UPDATE ON equipe.qgis_projects TO lecteur")
        connection.commit()
    refused = run_cli("migrate", f"postgresql://lecteur@?service={pg_service}&schema=equipe", "--in-place")
    assert refused.returncode == 1
    assert "rien n'a été modifié" in refused.stderr and "permission denied" in refused.stderr
    assert "lecteur" not in refused.stderr + refused.stdout  # the user name is masked in the database's message
    with contextlib.closing(psycopg2.connect(service=pg_service)) as connection, connection.cursor() as cursor:
        cursor.execute("SELECT content FROM equipe.qgis_projects WHERE name = 'plan'")
        assert bytes(cursor.fetchone()[0]) == old
        cursor.execute("SELECT to_regclass('equipe.qgis_projects_gpf_backup')")
        assert cursor.fetchone()[0] is None
    done = run_cli("migrate", f"postgresql://?service={pg_service}&schema=equipe", "--in-place")
    assert done.returncode == 0, done.stderr
    assert "1 modifiés" in done.stdout


def test_postgresql_schema_named_with_placeholder_and_percent_characters(pg_service):
    """A schema named `carto?2024%`: the '?' is not a placeholder and the '%' not a format sign (the statements
    are built with the placeholders first, the identifiers after, '%' doubled for psycopg2); migrate and restore."""
    import psycopg2

    old = samples.qgz(samples.project(samples.LAYERS[:3]))
    with contextlib.closing(psycopg2.connect(service=pg_service)) as connection, connection.cursor() as cursor:
        cursor.execute('CREATE SCHEMA "carto?2024%"')
        cursor.execute('CREATE TABLE "carto?2024%".qgis_projects (name TEXT PRIMARY KEY, metadata JSONB, '
                       "content BYTEA)")
        cursor.execute('INSERT INTO "carto?2024%%".qgis_projects (name, metadata, content) VALUES (%s, %s, %s)',
                       ("plan ?", '{"last_modified_user": "gpf"}', psycopg2.Binary(old)))
        connection.commit()
    base = f"postgresql://?service={pg_service}&schema=carto%3F2024%25"
    done = run_cli("migrate", base, "--in-place")
    assert done.returncode == 0, done.stderr + done.stdout
    assert "1 modifiés" in done.stdout
    with contextlib.closing(psycopg2.connect(service=pg_service)) as connection, connection.cursor() as cursor:
        cursor.execute('SELECT content FROM "carto?2024%%".qgis_projects WHERE name = %s', ("plan ?",))
        migrated = bytes(cursor.fetchone()[0])
        cursor.execute('SELECT id, content FROM "carto?2024%".qgis_projects_gpf_backup')  # no parameters: '%' as is
        backups = [(row_id, bytes(content)) for row_id, content in cursor.fetchall()]
    assert migrated != old and NEW_HOST.encode() not in old
    assert [content for _id, content in backups] == [old]
    with contextlib.closing(psycopg2.connect(service=pg_service)) as connection, connection.cursor() as cursor:
        cursor.execute("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'carto%'")
        assert cursor.fetchall() == [("carto?2024%",)]  # no second schema made of a half-formatted name
    undone = run_cli("restore", base)
    assert undone.returncode == 0, undone.stderr + undone.stdout
    with contextlib.closing(psycopg2.connect(service=pg_service)) as connection, connection.cursor() as cursor:
        cursor.execute('SELECT content FROM "carto?2024%%".qgis_projects WHERE name = %s', ("plan ?",))
        assert bytes(cursor.fetchone()[0]) == old
        cursor.execute('SELECT count(*) FROM "carto?2024%".qgis_projects_gpf_backup')
        assert cursor.fetchone()[0] == 0
