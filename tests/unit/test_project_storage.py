"""Projects stored in a GeoPackage (`geopackage:` URIs): migrated in their row, backed up in the same transaction,
put back by a restore. The GeoPackage here is written the way QGIS writes it (hex text content); the test that
QGIS itself writes and reopens it is tests/qgis/test_project_storage.py. PostgreSQL: tests/qgis (a real cluster).
"""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import qgis_samples as samples  # noqa: E402

from gpf_bascule.cli import main  # noqa: E402
from gpf_bascule.mapping import batch, project_storage, restore  # noqa: E402
from gpf_bascule.mapping.project_storage import BACKUP_TABLE, GeoPackageStore, PostgresStore, open_store  # noqa: E402

OLD = samples.qgz(samples.project(samples.LAYERS[:3]))
OTHER = samples.qgz(samples.project(samples.LAYERS[5:]))  # PostGIS, OGR, OSM only: nothing to migrate
QGIS_METADATA = '{"last_modified_time": "", "last_modified_user": "jdupont" }'


def make_gpkg(path: Path, projects: dict[str, bytes]) -> Path:
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE qgis_projects(name TEXT PRIMARY KEY, metadata BLOB, content BLOB)")
        db.execute("CREATE TABLE donnees(fid INTEGER PRIMARY KEY, nom TEXT)")
        db.execute("INSERT INTO donnees(fid, nom) VALUES (1, 'gardé')")
        for name, data in projects.items():
            db.execute("INSERT INTO qgis_projects(name, metadata, content) VALUES (?, ?, ?)",
                       (name, QGIS_METADATA, data.hex()))
    db.close()
    return path


def rows(path: Path, table: str = "qgis_projects") -> dict:
    with sqlite3.connect(path) as db:
        found = db.execute(f"SELECT name, metadata, content FROM {table} ORDER BY name").fetchall()
    db.close()
    return {name: (metadata, content) for name, metadata, content in found}


@pytest.fixture
def gpkg(tmp_path: Path) -> Path:
    return make_gpkg(tmp_path / "projets carto.gpkg", {"carte é": OLD, "autre": OTHER})


def test_uri_forms_are_read_as_qgis_reads_them(tmp_path):
    store = open_store("geopackage:/data/projets%20carto.gpkg?projectName=carte%20%C3%A9+1")
    assert isinstance(store, GeoPackageStore)
    assert (store.path, store.project) == ("/data/projets carto.gpkg", "carte é+1")  # QUrlQuery keeps '+'
    assert store.display() == "geopackage:/data/projets carto.gpkg?projectName=carte%20%C3%A9%2B1"
    pg = open_store("postgresql://jean:S3cr3t@db.example:5433?sslmode=require&dbname=sig&schema=cartes&project=a")
    assert isinstance(pg, PostgresStore)
    assert pg.connection_params == {"host": "db.example", "port": "5433", "user": "jean", "password": "S3cr3t",
                                    "sslmode": "require", "dbname": "sig"}
    assert (pg.schema, pg.project) == ("cartes", "a")
    assert "jean" not in pg.display() and "S3cr3t" not in pg.display()
    assert pg.display() == "postgresql://db.example:5433?sslmode=require&dbname=sig&schema=cartes&project=a"


@pytest.mark.parametrize("uri, words", [
    ("postgresql://h?dbname=x", "schéma"),
    ("postgresql://h?dbname=x&schema=s&authcfg=ab12cd3", "authcfg"),
    ("geopackage://serveur/x.gpkg", "non comprise"),
])
def test_bad_store_uris_are_refused_with_a_clear_line(uri, words):
    results = batch.run([uri], in_place=True)
    assert [result.status for result in results] == ["error"]
    assert words in results[0].error
    assert "ab12cd3" not in results[0].path


def test_dry_run_reports_every_project_and_writes_nothing(gpkg, capsys):
    before = gpkg.read_bytes()
    code = main(["migrate", f"geopackage:{gpkg}", "--in-place", "--dry-run"])
    assert code == 0
    assert gpkg.read_bytes() == before
    out = capsys.readouterr().out
    assert "Fichiers : 2 traités, 1 modifiés, 1 inchangés, 0 en erreur." in out


def test_in_place_rewrites_the_row_keeps_a_backup_row_and_updates_metadata(gpkg, tmp_path):
    results = batch.run([f"geopackage:{gpkg}"], in_place=True)
    by_name = {result.path.rsplit("=", 1)[1]: result for result in results}
    assert set(by_name) == {"carte%20%C3%A9", "autre"}
    migrated, untouched = by_name["carte%20%C3%A9"], by_name["autre"]
    assert (migrated.status, untouched.status) == ("migrated", "unchanged")
    assert migrated.path == f"geopackage:{gpkg}?projectName=carte%20%C3%A9"
    assert migrated.backup.startswith(f"{BACKUP_TABLE} id=")
    assert untouched.backup == ""
    assert {source.status for source in migrated.sources} == {"migrated"}
    after = rows(gpkg)
    assert after["autre"] == (QGIS_METADATA, OTHER.hex())  # nothing to do: the row is not even rewritten
    metadata, content = after["carte é"]
    assert isinstance(content, str)  # hex text, as QGIS reads it
    new = bytes.fromhex(content)
    assert new == batch.rewrite_file("carte é.qgz", OLD, batch.default_migrator()).data
    assert "data.geopf.fr" in _project_text(new) and "wxs.ign.fr" not in _project_text(new)
    meta = json.loads(metadata)
    assert meta["last_modified_time"][:4].isdigit() and meta["last_modified_user"] != "jdupont"
    backups = rows(gpkg, BACKUP_TABLE)
    assert backups == {"carte é": (QGIS_METADATA, OLD.hex())}  # the row as it was, byte for byte
    with sqlite3.connect(gpkg) as db:
        assert db.execute("SELECT nom FROM donnees").fetchall() == [("gardé",)]
    db.close()
    again = batch.run([f"geopackage:{gpkg}"], in_place=True)
    assert {result.status for result in again} == {"unchanged"}
    assert len(rows(gpkg, BACKUP_TABLE)) == 1


def _project_text(qgz: bytes) -> str:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(qgz)) as archive:
        name = next(name for name in archive.namelist() if name.endswith(".qgs"))
        return archive.read(name).decode()


def test_one_named_project_only(gpkg):
    results = batch.run([f"geopackage:{gpkg}?projectName=autre"], in_place=True)
    assert [result.status for result in results] == ["unchanged"]
    missing = batch.run([f"geopackage:{gpkg}?projectName=absent"], in_place=True)
    assert missing[0].status == "error" and "introuvable" in missing[0].error


def test_output_dir_is_refused_for_a_stored_project_and_nothing_changes(gpkg, tmp_path):
    before = gpkg.read_bytes()
    results = batch.run([f"geopackage:{gpkg}"], output_dir=str(tmp_path / "sortie"))
    assert {result.status for result in results} == {"error"}
    assert "--in-place" in results[0].error
    assert gpkg.read_bytes() == before


def test_missing_file_and_empty_geopackage(tmp_path):
    results = batch.run([f"geopackage:{tmp_path / 'absent.gpkg'}"], in_place=True)
    assert results[0].status == "error" and "introuvable" in results[0].error
    assert not (tmp_path / "absent.gpkg").exists()  # never created by a typo
    empty = tmp_path / "vide.gpkg"
    sqlite3.connect(empty).close()
    results = batch.run([f"geopackage:{empty}"], in_place=True)
    assert results[0].status == "error" and "aucun projet" in results[0].error


def test_a_damaged_project_is_an_error_and_its_row_and_the_others_are_kept(tmp_path):
    gpkg = make_gpkg(tmp_path / "p.gpkg", {"abime": OLD[: len(OLD) // 2], "bon": OLD})
    results = {result.path.rsplit("=", 1)[1]: result for result in batch.run([f"geopackage:{gpkg}"], in_place=True)}
    assert results["abime"].status == "error" and results["bon"].status == "migrated"
    assert rows(gpkg)["abime"] == (QGIS_METADATA, OLD[: len(OLD) // 2].hex())
    assert set(rows(gpkg, BACKUP_TABLE)) == {"bon"}


def test_a_failed_update_leaves_neither_a_change_nor_a_backup(gpkg, monkeypatch):
    before = rows(gpkg)

    def broken(self, session, name, data):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(GeoPackageStore, "write", broken)
    results = batch.run([f"geopackage:{gpkg}?projectName=carte%20%C3%A9"], in_place=True)
    assert results[0].status == "error" and "disk I/O error" in results[0].error
    assert rows(gpkg) == before
    with sqlite3.connect(gpkg) as db:  # the backup table created in the same transaction is gone too
        assert not db.execute("SELECT name FROM sqlite_master WHERE name = ?", (BACKUP_TABLE,)).fetchall()
    db.close()


def test_restore_puts_the_row_back_and_refuses_a_project_saved_since(gpkg, capsys):
    original = rows(gpkg)
    batch.run([f"geopackage:{gpkg}"], in_place=True)
    dry = restore.restore([f"geopackage:{gpkg}"], dry_run=True)
    assert sorted(result.status for result in dry) == [restore.NO_BACKUP, restore.RESTORED]
    assert rows(gpkg) != original
    code = main(["restore", f"geopackage:{gpkg}"])
    assert code == 0
    assert rows(gpkg) == original  # content and metadata as they were
    assert rows(gpkg, BACKUP_TABLE) == {}
    # a project saved by QGIS after the bascule is left alone, unless forced (then kept as a backup row)
    batch.run([f"geopackage:{gpkg}"], in_place=True)
    with sqlite3.connect(gpkg) as db:
        db.execute("UPDATE qgis_projects SET content = ? WHERE name = ?", (OTHER.hex(), "carte é"))
    db.close()
    refused = restore.restore([f"geopackage:{gpkg}?projectName=carte%20%C3%A9"])
    assert refused[0].status == restore.MODIFIED
    forced = restore.restore([f"geopackage:{gpkg}?projectName=carte%20%C3%A9"], force=True)
    assert forced[0].status == restore.RESTORED and forced[0].kept
    assert rows(gpkg)["carte é"] == original["carte é"]
    with sqlite3.connect(gpkg) as db:
        kept = db.execute(f"SELECT reason, content FROM {BACKUP_TABLE}").fetchall()
    db.close()
    assert kept == [(project_storage.REASON_BEFORE_RESTORE, OTHER.hex())]
    assert restore.restore([f"geopackage:{gpkg}?projectName=carte%20%C3%A9"])[0].status == restore.NO_BACKUP


def test_store_next_to_files_in_one_run(gpkg, tmp_path):
    loose = tmp_path / "loose.qgs"
    loose.write_bytes(samples.project(samples.LAYERS[:1]))
    results = batch.run([str(loose), f"geopackage:{gpkg}?projectName=autre"], in_place=True)
    assert [(result.path, result.status) for result in results] == [
        (str(loose), "migrated"), (f"geopackage:{gpkg}?projectName=autre", "unchanged")]


# --- review fixes: identifiers with '?' or '%', the backup row's own id, a put back that touched no row ------------


def test_placeholders_are_set_before_the_identifiers_go_in():
    store = PostgresStore({}, 'carto?2024%"x')
    statement = store.sql("SELECT content FROM {projects} WHERE name = ?{lock}")
    assert statement == 'SELECT content FROM "carto?2024%%""x".qgis_projects WHERE name = %s FOR UPDATE'
    # what a pyformat driver (psycopg2) sends once it has bound the value: the schema name exactly as given
    assert statement % ("'carte'",) == (
        """SELECT content FROM "carto?2024%""x".qgis_projects WHERE name = 'carte' FOR UPDATE""")
    ddl = store.sql(store.backup_ddl)
    assert ddl.startswith('CREATE TABLE IF NOT EXISTS "carto?2024%%""x".qgis_projects_gpf_backup (')
    assert "%s" not in ddl and ddl % () == ddl.replace("%%", "%")
    assert GeoPackageStore("/x.gpkg").sql("SELECT name FROM {projects} WHERE name = ?") == (
        "SELECT name FROM qgis_projects WHERE name = ?")


def test_backup_returns_the_id_of_the_row_it_wrote(gpkg):
    store = GeoPackageStore(str(gpkg))
    with store.session() as session:
        session.backup("autre", project_storage.REASON_BASCULE, "2024-01-01T00:00:00")
        # a row at the largest rowid: SQLite then gives the next row any free id, lower than max(id)
        session._run("INSERT INTO {backup} (id, backup_time, name, reason, metadata, content) "
                     "VALUES (9223372036854775807, 't', 'carte é', 'bascule', NULL, NULL)")
        backup_id = session.backup("carte é", project_storage.REASON_BASCULE, "2024-01-02T00:00:00")
        assert backup_id != 9223372036854775807
        assert session._run("SELECT backup_time FROM {backup} WHERE id = ?", (backup_id,)) == [
            ("2024-01-02T00:00:00",)]
    with pytest.raises(project_storage.InputError, match="introuvable"), store.session() as session:
        session.backup("absent", project_storage.REASON_BASCULE, "2024-01-03T00:00:00")


def test_put_back_of_a_project_that_is_gone_keeps_the_backup(gpkg):
    store = GeoPackageStore(str(gpkg))
    with store.session() as session:
        backup_id = session.backup("carte é", project_storage.REASON_BASCULE, "2024-01-01T00:00:00")
    with sqlite3.connect(gpkg) as db:
        db.execute("UPDATE qgis_projects SET name = 'renommée' WHERE name = 'carte é'")
    db.close()
    before = rows(gpkg), rows(gpkg, BACKUP_TABLE)
    with pytest.raises(project_storage.InputError, match="sauvegarde est gardée"), store.session() as session:
        session.put_back("carte é", backup_id)
    assert (rows(gpkg), rows(gpkg, BACKUP_TABLE)) == before  # nothing deleted, nothing changed
    with store.session() as session:  # a project that is there: put back, and its backup row removed
        session.put_back("autre", session.backup("autre", project_storage.REASON_BASCULE, "2024-01-02T00:00:00"))
    assert set(rows(gpkg, BACKUP_TABLE)) == {"carte é"}
