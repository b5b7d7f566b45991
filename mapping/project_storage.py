"""QGIS projects stored in a database: GeoPackage (`geopackage:`) and PostgreSQL (`postgresql://`) project storage.

QGIS keeps such a project as one row of a `qgis_projects(name, metadata, content)` table (facts from QGIS's source,
QgsGeoPackageProjectStorage and QgsPostgresProjectStorage):

- GeoPackage: `qgis_projects(name TEXT PRIMARY KEY, metadata BLOB, content BLOB)` in the .gpkg file, `content` the
  .qgz archive written as **hexadecimal text**, `metadata` a JSON text with `last_modified_time`/`last_modified_user`;
  URI `geopackage:/path/file.gpkg?projectName=NAME` (QUrl: path and name percent-encoded).
- PostgreSQL: `<schema>.qgis_projects(name TEXT PRIMARY KEY, metadata JSONB, content BYTEA)`, `content` the .qgz
  bytes; on save QGIS sets `metadata` to `{"last_modified_time": (now() at time zone 'utc')::text,
  "last_modified_user": current_user}`; URI `postgresql://[user[:password]@]host[:port]?[service=…&][sslmode=…&]
  dbname=…&schema=…[&project=…]`. The connection uses the ordinary libpq means (service file, PG* variables,
  password file); an `authcfg` lives in QGIS's encrypted store, which no program outside QGIS can read.

The backup is a copy of the row in a table `qgis_projects_gpf_backup` beside `qgis_projects` (same file, same
schema), written in the same transaction as the update: the project changes if and only if its backup exists,
whatever stops the program. A copy of the whole .gpkg was weighed and left: a GeoPackage often holds gigabytes of
data beside a few projects, a copy taken while another program writes the file can be torn, and a PostgreSQL
database cannot be copied that way at all. `gpf-bascule restore` puts the newest backup row back.

No qgis import: this runs in the command line and in unit tests. Every SQL statement names its columns.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Callable, Iterator
from urllib.parse import quote, unquote, urlsplit

from .messages import msg
from .outcome import InputError

GEOPACKAGE_SCHEME = "geopackage:"
POSTGRES_SCHEMES = ("postgresql://", "postgres://")
PROJECTS_TABLE = "qgis_projects"
BACKUP_TABLE = "qgis_projects_gpf_backup"
#: Why a backup row exists: a bascule made it (restore puts it back), or a forced restore kept the project it
#: replaced (never put back by a restore, kept for the user).
REASON_BASCULE = "bascule"
REASON_BEFORE_RESTORE = "avant-restauration"


def is_store_uri(text: str) -> bool:
    """Whether a command-line input names a project storage rather than a file or a folder."""
    lowered = text.lower()
    return lowered.startswith(GEOPACKAGE_SCHEME) or lowered.startswith(POSTGRES_SCHEMES)


def archive_name(name: str, data: bytes) -> str:
    """The file name the rewriter needs: QGIS stores a .qgz archive; an XML project (another tool) is a .qgs."""
    return f"{name}.qgz" if data[:2] == b"PK" else f"{name}.qgs"


def _query_items(query: str) -> dict[str, str]:
    """QUrlQuery's reading: `&`-separated `key=value`, percent-decoded, `+` kept as a plus (not a space)."""
    items: dict[str, str] = {}
    for part in query.split("&"):
        if part:
            key, _sep, value = part.partition("=")
            items.setdefault(unquote(key), unquote(value))
    return items


@dataclass(frozen=True)
class BackupRow:
    id: int
    time: str
    reason: str


class StoreSession:
    """One transaction on a store: everything done through it is committed together, or not at all."""

    def __init__(self, store: ProjectStore, connection, read_only: bool = False):
        self.store = store
        self.connection = connection
        self.read_only = read_only
        self.cursor = connection.cursor()

    def _run(self, sql: str, params: tuple = ()) -> list[tuple]:
        self.cursor.execute(self.store.sql(sql), params)
        return self.cursor.fetchall() if self.cursor.description else []

    def names(self) -> list[str]:
        if not self.store.has_table(self, PROJECTS_TABLE):
            return []
        return [row[0] for row in self._run("SELECT name FROM {projects} ORDER BY name")]

    def read(self, name: str) -> bytes | None:
        """The project's .qgz bytes (None when there is no such project), locked until the end of the session."""
        rows = self._run(
            "SELECT content FROM {projects} WHERE name = ?" if self.read_only
            else "SELECT content FROM {projects} WHERE name = ?{lock}", (name,)
        )
        return self.store.decode(rows[0][0]) if rows else None

    def write(self, name: str, data: bytes) -> None:
        """New content, and the metadata QGIS would write on a save (last modified now, by this user)."""
        self.store.write(self, name, data)

    def backup(self, name: str, reason: str, time: str) -> int:
        """Copy the project's row, as it is, into the backup table (created when missing); returns the row id."""
        self._run(self.store.backup_ddl)
        rows = self._run(
            "INSERT INTO {backup} (backup_time, name, reason, metadata, content) "
            "SELECT ?, name, ?, metadata, content FROM {projects} WHERE name = ?{returning}",
            (time, reason, name),
        )
        if self.cursor.rowcount != 1:
            raise InputError(msg("projet {name} introuvable dans la base", name=name))
        # the id of this very row (another session may insert backups at the same time: never max(id))
        return int(rows[0][0]) if self.store.returning_id else int(self.cursor.lastrowid)

    def backups(self, name: str) -> list[BackupRow]:
        """The backups a bascule left for `name`, newest first."""
        if not self.store.has_table(self, BACKUP_TABLE):
            return []
        rows = self._run(
            "SELECT id, backup_time, reason FROM {backup} "
            "WHERE name = ? AND reason = ? ORDER BY id DESC",
            (name, REASON_BASCULE),
        )
        return [BackupRow(int(row[0]), str(row[1]), str(row[2])) for row in rows]

    def backup_content(self, backup_id: int) -> bytes:
        rows = self._run("SELECT content FROM {backup} WHERE id = ?", (backup_id,))
        return self.store.decode(rows[0][0])

    def put_back(self, name: str, backup_id: int) -> None:
        """The project's content and metadata as the backup row holds them (the project as it was), then the
        backup row removed: the project now holds those very values."""
        self._run(
            "UPDATE {projects} SET content = (SELECT content FROM {backup} WHERE id = ?), "
            "metadata = (SELECT metadata FROM {backup} WHERE id = ?) WHERE name = ?",
            (backup_id, backup_id, name),
        )
        if self.cursor.rowcount != 1:  # the project is gone (or renamed): the backup is all that is left of it
            raise InputError(msg("projet {name} introuvable dans la base : sa sauvegarde est gardée, rien n'a été "
                                 "modifié", name=name))
        self._run("DELETE FROM {backup} WHERE id = ?", (backup_id,))


class ProjectStore:
    """A file or a database schema holding QGIS projects; `project` narrows it to one of them."""

    kind = ""
    lock = ""
    backup_ddl = ""
    paramstyle = "?"
    #: appended to the backup INSERT when the database returns the new row's id (else cursor.lastrowid)
    returning_id = ""

    def __init__(self, project: str = ""):
        self.project = project

    # -- what backends define --
    def connect(self, read_only: bool):
        raise NotImplementedError

    def table(self, name: str) -> str:
        raise NotImplementedError

    def has_table(self, session: StoreSession, name: str) -> bool:
        raise NotImplementedError

    def decode(self, value) -> bytes:
        raise NotImplementedError

    def write(self, session: StoreSession, name: str, data: bytes) -> None:
        raise NotImplementedError

    def display(self, name: str | None = None) -> str:
        raise NotImplementedError

    def errors(self) -> tuple[type[BaseException], ...]:
        raise NotImplementedError

    def clean(self, detail: str) -> str:
        """A database message without the connection's secrets (user name, password)."""
        return detail

    # -- shared --
    def sql(self, template: str) -> str:
        """A statement from its template: `{projects}`/`{backup}` become the (quoted) table names, `{lock}` the row
        lock of a writing session, `{returning}` the clause giving an inserted row's id, `?` the driver's
        placeholder. Values are never put in the text: they are always bound parameters."""
        # placeholders first, in the template alone: a '?' or a '%' in a schema name is part of the name
        if self.paramstyle != "?":
            template = template.replace("?", self.paramstyle)
        return template.format(projects=self._in_statement(self.table(PROJECTS_TABLE)),
                               backup=self._in_statement(self.table(BACKUP_TABLE)), lock=self.lock,
                               returning=self.returning_id)

    def _in_statement(self, identifier: str) -> str:
        """An identifier as the driver must see it in a statement's text ('%' doubled for the pyformat drivers,
        which read every '%' of a statement given with parameters)."""
        return identifier.replace("%", "%%") if self.paramstyle == "%s" else identifier

    def backup_place(self, backup_id: int, time: str) -> str:
        """How a report names a backup row (no '/' in it: the restore prints its last path part)."""
        return f"{BACKUP_TABLE} id={backup_id} ({time})"

    @contextlib.contextmanager
    def session(self, *, read_only: bool = False) -> Iterator[StoreSession]:
        """A transaction, committed when the block ends normally and `read_only` is false, rolled back otherwise."""
        try:
            connection = self.connect(read_only)
        except self.errors() as exc:
            raise InputError(msg("connexion à la base impossible ({detail})",
                                 detail=self.clean(_first_line(exc)))) from None
        try:
            try:
                yield StoreSession(self, connection, read_only)
            except self.errors() as exc:
                connection.rollback()
                raise InputError(msg("erreur de la base ({detail}) : rien n'a été modifié",
                                     detail=self.clean(_first_line(exc)))) from None
            except BaseException:
                connection.rollback()
                raise
            if read_only:
                connection.rollback()
            else:
                try:
                    connection.commit()
                except self.errors() as exc:
                    raise InputError(msg("erreur de la base ({detail}) : rien n'a été modifié",
                                         detail=self.clean(_first_line(exc)))) from None
        finally:
            connection.close()

    def project_names(self) -> list[str]:
        """The project asked for (checked to exist) or every project of the store, sorted."""
        with self.session(read_only=True) as session:
            names = session.names()
        if self.project:
            if self.project not in names:
                raise InputError(msg("projet {name} introuvable dans la base", name=self.project))
            return [self.project]
        if not names:
            raise InputError(msg("aucun projet QGIS enregistré ici (table qgis_projects absente ou vide)"))
        return names

    def rewrite(
        self,
        name: str,
        change: Callable[[bytes], bytes | None],
        *,
        dry_run: bool,
        time: str | None = None,
    ) -> str:
        """Read one project, give its bytes to `change`, and when it returns new bytes (and not `dry_run`) back the
        row up and write them, all in one transaction. Returns where the backup went ('' when nothing written)."""
        with self.session(read_only=dry_run) as session:
            data = session.read(name)
            if data is None:
                raise InputError(msg("projet {name} introuvable dans la base", name=name))
            new = change(data)
            if new is None or dry_run:
                return ""
            time = time or utc_now()
            backup_id = session.backup(name, REASON_BASCULE, time)
            session.write(name, new)
            return self.backup_place(backup_id, time)


def utc_now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")


def _first_line(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0]


# --- GeoPackage ----------------------------------------------------------------------------------------------


class GeoPackageStore(ProjectStore):
    kind = "geopackage"
    backup_ddl = (
        "CREATE TABLE IF NOT EXISTS {backup} (id INTEGER PRIMARY KEY, backup_time TEXT NOT NULL, "
        "name TEXT NOT NULL, reason TEXT NOT NULL, metadata BLOB, content BLOB)"
    )

    def __init__(self, path: str, project: str = ""):
        super().__init__(project)
        self.path = path

    @classmethod
    def from_uri(cls, uri: str) -> GeoPackageStore:
        parts = urlsplit(uri)
        path = unquote(parts.path)
        if parts.netloc:  # geopackage://host/path is not a local file; geopackage:///path has an empty host
            raise InputError(msg("adresse GeoPackage non comprise (attendu : geopackage:/chemin/fichier.gpkg)"))
        if not path:
            raise InputError(msg("adresse GeoPackage sans chemin (attendu : geopackage:/chemin/fichier.gpkg)"))
        return cls(path, _query_items(parts.query).get("projectName", ""))

    def connect(self, read_only: bool):
        if not os.path.isfile(self.path):
            raise sqlite3.OperationalError(f"fichier introuvable : {self.path}")
        mode = "ro" if read_only else "rw"  # never create a file: a typo must not leave an empty database
        connection = sqlite3.connect(f"file:{quote(os.path.abspath(self.path))}?mode={mode}", uri=True,
                                     isolation_level=None, timeout=10)
        connection.execute("BEGIN" if read_only else "BEGIN IMMEDIATE")
        return connection

    def table(self, name: str) -> str:
        return name

    def has_table(self, session: StoreSession, name: str) -> bool:
        return bool(session._run("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)))

    def decode(self, value) -> bytes:
        """QGIS writes the archive as hexadecimal text (QByteArray::toHex); bytes from another tool are taken as is."""
        if isinstance(value, (bytes, bytearray, memoryview)):
            raw = bytes(value)
            with contextlib.suppress(ValueError):
                return bytes.fromhex(raw.decode("ascii"))
            return raw
        try:
            return bytes.fromhex(str(value or ""))
        except ValueError:
            raise InputError(msg("contenu du projet illisible (texte hexadécimal attendu)")) from None

    def write(self, session: StoreSession, name: str, data: bytes) -> None:
        rows = session._run("SELECT metadata FROM {projects} WHERE name = ?", (name,))
        metadata = updated_metadata(rows[0][0] if rows else None, utc_now(), _login())
        session._run("UPDATE {projects} SET metadata = ?, content = ? WHERE name = ?",
                     (metadata, data.hex(), name))

    def display(self, name: str | None = None) -> str:
        shown = f"{GEOPACKAGE_SCHEME}{self.path}"
        name = self.project if name is None else name
        return f"{shown}?projectName={quote(name, safe='')}" if name else shown

    def errors(self) -> tuple[type[BaseException], ...]:
        return (sqlite3.Error,)


def updated_metadata(old, time: str, user: str) -> str:
    """The metadata JSON with `last_modified_time`/`last_modified_user` set as a QGIS save sets them, the other
    keys kept; a value that is not a JSON object is replaced."""
    if isinstance(old, (bytes, bytearray, memoryview)):
        old = bytes(old).decode("utf-8", "replace")
    try:
        document = json.loads(old) if old else {}
    except ValueError:
        document = {}
    if not isinstance(document, dict):
        document = {}
    document["last_modified_time"] = time
    document["last_modified_user"] = user
    return json.dumps(document, ensure_ascii=False)


def _login() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment nor in the password database
        return ""


# --- PostgreSQL ----------------------------------------------------------------------------------------------

#: libpq connection keywords taken from the URI's query (QgsPostgresProjectStorage::decodeUri reads these).
_PG_QUERY_KEYS = ("service", "sslmode", "dbname")


class PostgresStore(ProjectStore):
    kind = "postgresql"
    lock = " FOR UPDATE"
    paramstyle = "%s"
    returning_id = " RETURNING id"

    def __init__(self, connection: dict[str, str], schema: str, project: str = ""):
        super().__init__(project)
        self.connection_params = connection
        self.schema = schema
        self.backup_ddl = (
            "CREATE TABLE IF NOT EXISTS {backup} (id BIGSERIAL PRIMARY KEY, "
            "backup_time TEXT NOT NULL, name TEXT NOT NULL, reason TEXT NOT NULL, metadata JSONB, content BYTEA)"
        )

    @classmethod
    def from_uri(cls, uri: str) -> PostgresStore:
        parts = urlsplit(uri)
        items = _query_items(parts.query)
        if items.get("authcfg"):
            raise InputError(msg(
                "authcfg : la configuration d'authentification de QGIS n'est lisible que dans QGIS ; hors de QGIS, "
                "donnez la connexion par un fichier de service (service=…), les variables PG* ou le fichier "
                "de mots de passe (.pgpass)"
            ))
        schema = items.get("schema", "")
        if not schema:
            raise InputError(msg("adresse PostgreSQL sans schéma (…&schema=public)"))
        params: dict[str, str] = {}
        try:
            host, port = parts.hostname, parts.port
        except ValueError:
            raise InputError(msg("adresse PostgreSQL non comprise (port ?)")) from None
        if host:
            params["host"] = unquote(host)
        if port:
            params["port"] = str(port)
        if parts.username:
            params["user"] = unquote(parts.username)
        if parts.password:
            params["password"] = unquote(parts.password)
        for key in _PG_QUERY_KEYS:
            if items.get(key):
                params[key] = items[key]
        return cls(params, schema, items.get("project", ""))

    def connect(self, read_only: bool):
        try:
            import psycopg2
        except ImportError:
            raise InputError(msg(
                "module Python psycopg2 absent : installez-le (Debian/Ubuntu : apt install python3-psycopg2)"
            )) from None
        connection = psycopg2.connect(**self.connection_params, application_name="gpf-bascule")
        if read_only:
            connection.set_session(readonly=True)
        return connection

    def table(self, name: str) -> str:
        return f"{quote_identifier(self.schema)}.{name}"

    def has_table(self, session: StoreSession, name: str) -> bool:
        return session._run("SELECT to_regclass(?) IS NOT NULL", (self.table(name),))[0][0]

    def decode(self, value) -> bytes:
        return bytes(value) if value is not None else b""

    def write(self, session: StoreSession, name: str, data: bytes) -> None:
        import psycopg2

        # QGIS's own expression on save: (now() at time zone 'utc')::text and current_user, other keys kept
        session._run(
            "UPDATE {projects} SET content = ?, metadata = "
            "(CASE WHEN jsonb_typeof(metadata) = 'object' THEN metadata ELSE '{{}}'::jsonb END) "
            "|| jsonb_build_object('last_modified_time', (now() at time zone 'utc')::text, "
            "'last_modified_user', current_user::text) WHERE name = ?",
            (psycopg2.Binary(data), name),
        )

    def display(self, name: str | None = None) -> str:
        """The URI without user name nor password (a report is shared; they are secrets there)."""
        params = self.connection_params
        host = params.get("host", "")
        netloc = quote(host, safe="") if host.startswith("/") else host
        if params.get("port"):
            netloc += f":{params['port']}"
        query = [f"{key}={quote(params[key], safe='')}" for key in _PG_QUERY_KEYS if params.get(key)]
        query.append(f"schema={quote(self.schema, safe='')}")
        name = self.project if name is None else name
        if name:
            query.append(f"project={quote(name, safe='')}")
        return f"postgresql://{netloc}?{'&'.join(query)}"

    def clean(self, detail: str) -> str:
        for key in ("password", "user"):
            secret = self.connection_params.get(key)
            if secret:
                detail = detail.replace(secret, "***")
        return detail

    def errors(self) -> tuple[type[BaseException], ...]:
        try:
            import psycopg2
        except ImportError:
            return ()
        return (psycopg2.Error,)


def quote_identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def open_store(uri: str) -> ProjectStore:
    """The store a command-line input names; InputError when it cannot be understood."""
    if uri.lower().startswith(GEOPACKAGE_SCHEME):
        return GeoPackageStore.from_uri(uri)
    if uri.lower().startswith(POSTGRES_SCHEMES):
        return PostgresStore.from_uri(uri)
    raise InputError(msg("adresse de projet en base non comprise (geopackage:… ou postgresql://…)"))


def shown_uri(uri: str) -> str:
    """A store input as a report may show it: never the user name nor the password it may carry."""
    with contextlib.suppress(InputError):
        return open_store(uri).display()
    from .redact import redact

    parts = urlsplit(uri)
    if parts.netloc and "@" in parts.netloc:
        uri = parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]).geturl()
    return redact(uri)
