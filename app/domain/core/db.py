"""The database connection: one peewee proxy, initialised from a URL.

``sqlite:///path``, ``postgresql://user:pw@host:port/db`` and
``mysql://user:pw@host:port/db`` are accepted (``postgres://`` and
``mysql+pymysql://`` too). The models bind to :data:`database`, a
``DatabaseProxy``, so the same code runs on a local file or a shared server.

A station's connection is disposable (a server restarts, a firewall or
MariaDB's ``wait_timeout`` drops an idle connection overnight): every new
connection is set up the same way (:meth:`_initialize_connection`), a
broken one is thrown away (:func:`dispose`) and peewee opens a new one on
the next query; :func:`ensure_connection` checks a connection that sat
idle before an operation uses it. :func:`write_transaction` turns a
driver's failure into the domain's errors (app.domain.core.faults) and
tells a failure before COMMIT (nothing saved) from one during COMMIT
(outcome unknown).
"""
from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

import peewee
from peewee import DatabaseProxy

from app.domain.core import faults
from app.domain.core.errors import DatabaseUnavailable, tx

database = DatabaseProxy()

#: A connection idle longer than this (s) is checked before it is used again.
IDLE_CHECK_S = 30.0
_last_used = 0.0
#: Called inside every top-level write transaction just before COMMIT (the
#: operation log of app.domain.core.operations registers itself here).
before_commit: list = []

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
    """The URL without its password, for messages and the status bar (a
    malformed URL too: it is what the message about it shows)."""
    try:
        p = urlparse(url)
        if p.scheme.startswith("sqlite"):
            return url
        host = p.hostname or "localhost"
        user = f"{p.username}@" if p.username else ""
        netloc = p.netloc.rsplit("@", 1)[-1]
    except ValueError:     # a malformed host: show it, without the user and password
        scheme, _, rest = url.partition("://")
        return f"{scheme}://{rest.rsplit('@', 1)[-1]}"
    port = netloc.rsplit(":", 1)[1] if ":" in netloc and not netloc.endswith("]") else ""
    return f"{p.scheme}://{user}{host}{':' + port if port else ''}{p.path}"


SERVER_URL_FORM = "postgresql://user:password@host:5432/csdesk or mysql://user:password@host:3306/csdesk"


def check_url(url: str) -> None:
    """Raise :class:`~app.domain.core.errors.BadDatabaseUrl` with a readable
    message for a URL that cannot name a database: an unknown scheme, a
    port that is not a number from 1 to 65535, a malformed host, no
    database name. A bare path is an SQLite file and always fine."""
    from app.domain.core.errors import BadDatabaseUrl

    if "://" not in url:
        return
    shown = describe_url(url)
    backend = backend_of(url)
    if backend not in ("sqlite", "postgresql", "mysql"):
        raise BadDatabaseUrl(tx("Unsupported database URL: {url} (use sqlite:///path, postgresql://... or "
                                "mysql://...)", url=shown))
    if backend == "sqlite":
        if not sqlite_path(url):
            raise BadDatabaseUrl(tx("The database URL {url} names no file: write sqlite:///path/to/file.sqlite3.",
                                    url=shown))
        return
    try:
        p = urlparse(url)
        host = p.hostname
        port = p.port
    except ValueError:
        netloc = url.split("://", 1)[1].split("/", 1)[0].rsplit("@", 1)[-1]
        port_text = netloc.rsplit(":", 1)[1] if ":" in netloc and "[" not in netloc else ""
        if port_text:
            raise BadDatabaseUrl(tx("The port in the database URL {url} is {port}: a port is a number from 1 to "
                                    "65535 (PostgreSQL's is usually 5432, MariaDB's 3306).", url=shown,
                                    port=port_text)) from None
        raise BadDatabaseUrl(tx("The database URL {url} is malformed. Write it as {form}.", url=shown,
                                form=SERVER_URL_FORM)) from None
    if port == 0:
        raise BadDatabaseUrl(tx("The port in the database URL {url} is {port}: a port is a number from 1 to "
                                "65535 (PostgreSQL's is usually 5432, MariaDB's 3306).", url=shown, port=0))
    if host is not None and not host.strip():
        raise BadDatabaseUrl(tx("The database URL {url} is malformed. Write it as {form}.", url=shown,
                                form=SERVER_URL_FORM))


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
    scheme = url.split("://", 1)[0].lower().split("+")[0]
    return {"postgres": "postgresql", "postgresql": "postgresql", "mysql": "mysql",
            "mariadb": "mysql", "sqlite": "sqlite"}.get(scheme, scheme)


class PostgresDatabase(peewee.PostgresqlDatabase):
    """PostgreSQL as csdesk uses it (the default READ COMMITTED)."""


class MySQLDatabase(peewee.MySQLDatabase):
    """MariaDB / MySQL as csdesk uses it: every connection, the first and
    each one that replaces a dropped one, reads committed rows (as
    PostgreSQL does) instead of MariaDB's default REPEATABLE READ, so a
    check after a row lock sees what other stations committed."""

    def _initialize_connection(self, conn):
        with conn.cursor() as cur:
            cur.execute("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED")


def make_database(url: str) -> peewee.Database:
    """Create (not connect) the peewee database object for ``url``; a
    malformed URL raises BadDatabaseUrl (:func:`check_url`)."""
    check_url(url)
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
        # A server that vanished without closing the socket (a cable, a
        # crashed host) is noticed in about 20 s instead of the system's
        # two hours: TCP keepalives.
        kwargs.update(keepalives=1, keepalives_idle=10, keepalives_interval=5, keepalives_count=2)
        return PostgresDatabase(name, autorollback=False, **kwargs)
    if backend == "mysql":
        kwargs.setdefault("connect_timeout", 5)
        kwargs["charset"] = "utf8mb4"
        # The same for MariaDB: no answer in a minute is a dead connection
        # (no counter query runs that long).
        kwargs.update(read_timeout=60, write_timeout=60)
        return MySQLDatabase(name, **kwargs)
    raise DatabaseUnavailable(tx("Unsupported database URL: {url} "
                                 "(use sqlite:///path, postgresql://... or mysql://...)", url=describe_url(url)))


def check_sqlite_file(path: str) -> None:
    """Refuse, with a readable message and before anything is written, a
    file csdesk must not open: an empty (0-byte) file, which SQLite would
    silently make a new, empty database of (a copy that failed, a disk
    that lost it); a file or folder this user may not write (SQLite writes
    its journal beside the file; a migration copies it aside first)."""
    from app.domain.core.errors import NotACsdeskDatabase, ReadOnlyDatabase

    p = Path(path)
    if path == ":memory:" or not p.exists():
        return
    if p.is_file() and p.stat().st_size == 0:
        raise NotACsdeskDatabase(tx("{path} is an empty file (0 bytes), not a csdesk database. csdesk does not "
                                    "turn it into a new database: choose another file, or delete this one to "
                                    "start a new database there.", path=str(p)))
    if not os.access(p, os.W_OK) or not os.access(p.parent, os.W_OK | os.X_OK):
        raise ReadOnlyDatabase(tx("The database file {path} (or its folder) is read-only for this user, and "
                                  "csdesk must write to both. Give this user write access, or copy the file "
                                  "to a folder where it can be written.", path=str(p)))


def connect(url: str) -> peewee.Database:
    """Point :data:`database` at ``url`` and open the connection.

    Raises :class:`DatabaseUnavailable` with a readable message when the
    server cannot be reached or the file cannot be opened; ReadOnlyDatabase
    or NotACsdeskDatabase for a SQLite file it must not open
    (:func:`check_sqlite_file`).
    """
    url = normalise_url(url)
    if backend_of(url) == "sqlite":
        check_sqlite_file(sqlite_path(url))
    db = make_database(url)
    try:
        db.connect(reuse_if_open=True)
        if isinstance(db, peewee.SqliteDatabase):
            # Touch the file so a non-database file is detected here.
            db.execute_sql("PRAGMA schema_version").fetchone()
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
    if isinstance(db, peewee.MySQLDatabase):
        try:
            check_mysql_charset(db)
        except Exception:
            with contextlib.suppress(Exception):
                db.close()
            raise
    database.initialize(db)
    return db


# What csdesk's MariaDB/MySQL database must store text as (README: creating the database).
MYSQL_CHARSET, MYSQL_COLLATION = "utf8mb4", "utf8mb4_unicode_ci"


def mysql_charset_fixes(db: peewee.Database) -> list[str]:
    """The statements that make the open MariaDB/MySQL database store every
    character (utf8mb4): the database's default, and each table (or a
    table's text column) in another character set; [] when all is well."""
    name, charset = db.execute_sql("SELECT DATABASE(), @@character_set_database").fetchone()
    tables = [row[0] for row in db.execute_sql(
        "SELECT DISTINCT t.TABLE_NAME FROM information_schema.TABLES t "
        "LEFT JOIN information_schema.COLLATION_CHARACTER_SET_APPLICABILITY a ON a.COLLATION_NAME = t.TABLE_COLLATION "
        "LEFT JOIN information_schema.COLUMNS c ON c.TABLE_SCHEMA = t.TABLE_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME "
        "  AND c.CHARACTER_SET_NAME IS NOT NULL AND c.CHARACTER_SET_NAME <> %s "
        "WHERE t.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE = 'BASE TABLE' "
        "  AND (a.CHARACTER_SET_NAME <> %s OR c.COLUMN_NAME IS NOT NULL) "
        "ORDER BY t.TABLE_NAME", (MYSQL_CHARSET, MYSQL_CHARSET)).fetchall()]
    fixes = []
    if charset != MYSQL_CHARSET:
        fixes.append(f"ALTER DATABASE `{name}` CHARACTER SET {MYSQL_CHARSET} COLLATE {MYSQL_COLLATION};")
    fixes += [f"ALTER TABLE `{t}` CONVERT TO CHARACTER SET {MYSQL_CHARSET} COLLATE {MYSQL_COLLATION};"
              for t in tables]
    return fixes


def check_mysql_charset(db: peewee.Database) -> None:
    """Refuse a MariaDB/MySQL database created as latin1 or utf8mb3
    (utf8): it opens, but a rare character (𠮷) then fails on save. The
    message gives the exact statements that fix it."""
    from app.domain.core.errors import WrongCharacterSet

    fixes = mysql_charset_fixes(db)
    if not fixes:
        return
    name, charset = db.execute_sql("SELECT DATABASE(), @@character_set_database").fetchone()
    statements = "\n".join(fixes)
    if charset != MYSQL_CHARSET:
        raise WrongCharacterSet(tx(
            "The database {name} stores text as {charset}, which cannot hold every Chinese character (𠮷 and "
            "other rare ones would fail when saved). csdesk opens it once it uses utf8mb4: have the server's "
            "administrator run\n\n{statements}\n\nthen start csdesk again.", name=name, charset=charset,
            statements=statements))
    raise WrongCharacterSet(tx(
        "Tables of the database {name} store text in another character set than utf8mb4, which cannot hold "
        "every Chinese character (𠮷 and other rare ones would fail when saved). csdesk opens it once they use "
        "utf8mb4: have the server's administrator run\n\n{statements}\n\nthen start csdesk again.", name=name,
        statements=statements))


def close() -> None:
    if database.obj is not None and not database.is_closed():
        database.close()


def is_sqlite() -> bool:
    return isinstance(database.obj, peewee.SqliteDatabase)


def is_postgres() -> bool:
    return isinstance(database.obj, peewee.PostgresqlDatabase)


def is_mysql() -> bool:
    return isinstance(database.obj, peewee.MySQLDatabase)


def dispose(db: peewee.Database | None = None) -> None:
    """Forget a broken connection (closing it quietly); the next query opens a new one."""
    db = db or database.obj
    if db is None:
        return
    conn = db._state.conn
    db.dispose()
    if conn is not None:
        with contextlib.suppress(Exception):
            conn.close()


def reconnect() -> None:
    """Throw the connection away and open a new one now; raises
    DatabaseUnavailable while the server cannot be reached."""
    db = database.obj
    dispose(db)
    _open(db)


def _open(db: peewee.Database) -> None:
    global _last_used
    try:
        db.connect(reuse_if_open=True)
    except Exception as exc:
        dispose(db)
        raise DatabaseUnavailable(tx("Cannot reach the database: {detail}", detail=_first_line(exc))) from exc
    _last_used = time.monotonic()


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def ping() -> bool:
    """Whether the connection answers (a round trip); a dead one is disposed."""
    global _last_used
    db = database.obj
    try:
        db.execute_sql("SELECT 1").fetchone()
    except Exception as exc:
        if faults.classify(exc) == "connection" or db.is_closed():
            dispose(db)
            return False
        raise
    _last_used = time.monotonic()
    return True


def ensure_connection() -> None:
    """Before an operation: a connection that sat idle longer than
    :data:`IDLE_CHECK_S` is checked with a round trip and replaced if dead;
    a closed one is opened. Raises DatabaseUnavailable if the server cannot
    be reached. Nothing to check for SQLite (a file does not go away)."""
    global _last_used
    db = database.obj
    if db.in_transaction():
        return
    if db.is_closed():
        _open(db)
        return
    if isinstance(db, peewee.SqliteDatabase):
        return
    if time.monotonic() - _last_used > IDLE_CHECK_S and not ping():
        _open(db)


def lock(model, row_id) -> None:
    """Lock one row for the rest of the write transaction (``SELECT ... FOR
    UPDATE`` on PostgreSQL and MariaDB). On SQLite nothing to do: its write
    transaction (BEGIN IMMEDIATE) holds the whole file already. Lock a
    parent before its children, everywhere, so that two stations queue
    instead of deadlocking."""
    if not isinstance(database.obj, peewee.SqliteDatabase):
        model.select(model._meta.primary_key).where(model._meta.primary_key == row_id).for_update().execute()


def touch() -> None:
    """The connection was just used successfully."""
    global _last_used
    _last_used = time.monotonic()


@contextlib.contextmanager
def write_transaction():
    """A transaction that takes the write lock at once on SQLite.

    On SQLite, ``BEGIN IMMEDIATE`` makes concurrent writers queue on the
    busy timeout instead of failing with "database is locked" at commit
    time. PostgreSQL and MariaDB lock rows (``SELECT ... FOR UPDATE``) inside
    an ordinary transaction.

    A driver failure becomes the domain's error (app.domain.core.faults): a
    dropped connection before COMMIT is ConnectionLost (the server rolled
    back: nothing saved), during COMMIT CommitOutcomeUnknown; a deadlock or
    lock timeout DatabaseBusy; a full disk DiskFull. A broken connection is
    disposed of, so the next operation runs on a new one. Nested, it is a
    savepoint of the outer transaction.
    """
    db = database.obj
    if db.in_transaction():
        with db.atomic() as txn:
            yield txn
        return
    committing = False
    try:
        with (db.atomic("IMMEDIATE") if isinstance(db, peewee.SqliteDatabase) else db.atomic()) as txn:
            yield txn
            for hook in before_commit:
                hook(db)
            committing = True
    except Exception as exc:
        error = faults.translate(exc, committing=committing)
        if error is None:
            raise
        if faults.classify(exc) == "connection":
            dispose(db)
        raise error from exc
    touch()
