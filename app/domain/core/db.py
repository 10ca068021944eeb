"""The database connection: one peewee proxy, initialised from a URL.

``sqlite:///path``, ``postgresql://user:pw@host:port/db`` and
``mysql://user:pw@host:port/db`` are accepted (``postgres://`` and
``mysql+pymysql://`` too). The models bind to :data:`database`, a
``DatabaseProxy``, so the same code runs on a local file or a shared server.
"""
from __future__ import annotations

import contextlib
import os
from pathlib import Path
from urllib.parse import unquote, urlparse

import peewee
from peewee import DatabaseProxy

from app.domain.core.errors import DatabaseUnavailable, tx

database = DatabaseProxy()

#: How long SQLite waits for another station's write lock (ms).
SQLITE_BUSY_TIMEOUT_MS = 15000


def default_database_path() -> Path:
    """The per-user SQLite file (platform's user data folder)."""
    import platformdirs

    return Path(platformdirs.user_data_dir("csdesk", "csdesk")) / "csdesk.sqlite3"


def default_url() -> str:
    env = os.environ.get("CSDESK_DATABASE_URL")
    if env:
        return env
    return "sqlite:///" + str(default_database_path())


def describe_url(url: str) -> str:
    """The URL without its password, for messages and the status bar."""
    p = urlparse(url)
    if p.scheme.startswith("sqlite"):
        return url
    host = p.hostname or "localhost"
    port = f":{p.port}" if p.port else ""
    user = f"{p.username}@" if p.username else ""
    return f"{p.scheme}://{user}{host}{port}{p.path}"


def sqlite_path(url: str) -> str:
    if "://" not in url:
        return url
    return unquote(url.split("://", 1)[1][1:])


def normalise_url(url: str) -> str:
    """A bare file path is taken as an SQLite file."""
    if "://" not in url:
        return "sqlite:///" + str(Path(url).absolute())
    return url


def backend_of(url: str) -> str:
    if "://" not in url:
        return "sqlite"
    scheme = urlparse(url).scheme.split("+")[0]
    return {"postgres": "postgresql", "postgresql": "postgresql", "mysql": "mysql",
            "mariadb": "mysql", "sqlite": "sqlite"}.get(scheme, scheme)


def make_database(url: str) -> peewee.Database:
    """Create (not connect) the peewee database object for ``url``."""
    p = urlparse(url)
    backend = backend_of(url)
    if backend == "sqlite":
        # As in peewee's db_url and SQLAlchemy: sqlite:///relative/path and
        # sqlite:////absolute/path (sqlite:///C:/path on Windows).
        path = sqlite_path(url)
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        return peewee.SqliteDatabase(
            path,
            pragmas={
                "journal_mode": "wal",
                "foreign_keys": 1,
                "busy_timeout": SQLITE_BUSY_TIMEOUT_MS,
                "synchronous": "normal",
            },
            timeout=SQLITE_BUSY_TIMEOUT_MS / 1000,
        )
    kwargs = {}
    if p.username:
        kwargs["user"] = unquote(p.username)
    if p.password:
        kwargs["password"] = unquote(p.password)
    kwargs["host"] = p.hostname or "127.0.0.1"
    if p.port:
        kwargs["port"] = p.port
    name = unquote(p.path.lstrip("/"))
    if not name:
        raise DatabaseUnavailable(tx("The database URL names no database: {url}", url=describe_url(url)))
    if backend == "postgresql":
        kwargs.setdefault("connect_timeout", 5)
        return peewee.PostgresqlDatabase(name, autorollback=False, **kwargs)
    if backend == "mysql":
        kwargs.setdefault("connect_timeout", 5)
        kwargs["charset"] = "utf8mb4"
        return peewee.MySQLDatabase(name, **kwargs)
    raise DatabaseUnavailable(tx("Unsupported database URL: {url} "
                                 "(use sqlite:///path, postgresql://... or mysql://...)", url=describe_url(url)))


def connect(url: str) -> peewee.Database:
    """Point :data:`database` at ``url`` and open the connection.

    Raises :class:`DatabaseUnavailable` with a readable message when the
    server cannot be reached or the file cannot be opened.
    """
    url = normalise_url(url)
    db = make_database(url)
    try:
        db.connect(reuse_if_open=True)
        if isinstance(db, peewee.SqliteDatabase):
            # Touch the file so a non-database file is detected here.
            db.execute_sql("PRAGMA schema_version").fetchone()
        elif isinstance(db, peewee.MySQLDatabase):
            db.execute_sql("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED")
    except peewee.DatabaseError as exc:  # includes OperationalError
        with contextlib.suppress(Exception):
            db.close()
        from app.domain.core.errors import NotACsdeskDatabase

        text = str(exc)
        if "file is not a database" in text or "not a database" in text:
            raise NotACsdeskDatabase(
                tx("{url} is not a csdesk database (not an SQLite file).", url=describe_url(url))) from exc
        detail = text.strip().splitlines()[0] if text.strip() else type(exc).__name__
        raise DatabaseUnavailable(
            tx("Cannot open the database {url}: {detail}", url=describe_url(url), detail=detail)) from exc
    except Exception as exc:  # driver-specific errors (psycopg2, pymysql)
        with contextlib.suppress(Exception):
            db.close()
        text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise DatabaseUnavailable(tx("Cannot reach the database {url}: {detail}", url=describe_url(url),
                                     detail=text)) from exc
    database.initialize(db)
    return db


def close() -> None:
    if database.obj is not None and not database.is_closed():
        database.close()


def is_sqlite() -> bool:
    return isinstance(database.obj, peewee.SqliteDatabase)


def is_postgres() -> bool:
    return isinstance(database.obj, peewee.PostgresqlDatabase)


def is_mysql() -> bool:
    return isinstance(database.obj, peewee.MySQLDatabase)


@contextlib.contextmanager
def write_transaction():
    """A transaction that takes the write lock at once on SQLite.

    On SQLite, ``BEGIN IMMEDIATE`` makes concurrent writers queue on the
    busy timeout instead of failing with "database is locked" at commit
    time. PostgreSQL and MariaDB lock rows (``SELECT ... FOR UPDATE``) inside
    an ordinary transaction.
    """
    db = database.obj
    if isinstance(db, peewee.SqliteDatabase) and not db.in_transaction():
        with db.atomic("IMMEDIATE") as txn:
            yield txn
    else:
        with db.atomic() as txn:
            yield txn
