"""The migration engine: versions, the lock, the backup, the run.

A schema is a list of numbered steps, each a function ``(db) -> None`` at
index ``n - 1``, and a function that creates the current schema in one go
(:mod:`app.domain.schema` holds csdesk's, over every book's tables); the
version applied last is kept in ``csdesk_meta``. Running :func:`migrate`
twice does nothing the second time. A database whose version is newer than
this program's is refused (an older csdesk must not write into a schema it
does not know). An SQLite file is copied aside before it is migrated.

The engine knows no book's tables (core imports no book); it reads and
writes ``csdesk_meta`` only.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path

import peewee as pw

from app.domain.core.errors import NotACsdeskDatabase, SchemaTooNew, tx
from app.domain.core.models import Meta

APP_ID = "csdesk"

Step = Callable[[pw.Database], None]


def quote_name(db: pw.Database, name: str) -> str:
    """An identifier quoted as the backend wants it (MariaDB: backticks)."""
    return f"{db.quote[0]}{name}{db.quote[-1]}"




def pg_trigram_index(db: pw.Database, table: str, column: str) -> None:
    """Search-as-you-type (LIKE '%...%') through a trigram index where the
    server allows pg_trgm (a trusted extension since PostgreSQL 13); without
    it the search still works, by a scan."""
    try:
        with db.atomic():  # a savepoint: a refused extension must not abort the migration
            db.execute_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except pw.DatabaseError:
        return
    db.execute_sql(f'CREATE INDEX IF NOT EXISTS "{table}_{column}_trgm" ON "{table}" '
                   f'USING gin ("{column}" gin_trgm_ops)')




def _tables(db: pw.Database) -> list[str]:
    return db.get_tables()


def current_version(db: pw.Database) -> int:
    """0 for an empty database; raises NotACsdeskDatabase for a foreign one."""
    tables = _tables(db)
    if "csdesk_meta" not in tables:
        if tables:
            shown = ", ".join(sorted(tables)[:5]) + ("..." if len(tables) > 5 else "")
            raise NotACsdeskDatabase(tx(
                "This database already holds other tables and is not a csdesk database "
                "({tables}). Choose an empty database or a csdesk one.", tables=shown))
        return 0
    # Through the model so "key" is quoted as each backend needs (MariaDB
    # reserves it).
    with db.bind_ctx([Meta]):
        row = Meta.select(Meta.value).where(Meta.key == "schema_version").tuples().first()
    if row is None:
        raise NotACsdeskDatabase(tx("The csdesk_meta table has no schema version: not a csdesk database."))
    return int(row[0])


def sqlite_online_copy(src: str | Path, dest: str | Path) -> None:
    """Copy the SQLite database ``src`` into the file ``dest`` with SQLite's
    online backup API: a consistent snapshot even in WAL mode and while
    other connections write (they are not stopped; the copy is what was
    committed when it started). The copy is written beside ``dest`` under a
    temporary name and renamed when complete, so a failure (a full disk, a
    read-only folder: ``OSError`` or ``sqlite3.Error``) never leaves a
    half-written file under the final name. ``dest`` is replaced if it
    exists. :mod:`app.domain.backup` uses it for backups and restores."""
    dest = Path(dest)
    part = dest.with_name(f".{dest.name}.part")
    part.unlink(missing_ok=True)
    # mode=rw: a missing source is an error, not a new empty database.
    source_uri = Path(src).absolute().as_uri() + "?mode=rw"
    try:
        with contextlib.closing(sqlite3.connect(source_uri, uri=True)) as s, \
                contextlib.closing(sqlite3.connect(str(part))) as d:
            s.backup(d)   # all pages in one step: one snapshot of the source
        os.replace(part, dest)
    except BaseException:
        part.unlink(missing_ok=True)
        raise


def backup_sqlite(path: str, version: int) -> Path | None:
    """Copy an SQLite file before migrating it; returns the backup's path."""
    src = Path(path)
    if not src.exists() or src.stat().st_size == 0:
        return None
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    dest = src.with_name(f"{src.name}.v{version}-{stamp}.bak")
    sqlite_online_copy(src, dest)
    return dest


@contextlib.contextmanager
def _migration_lock(db: pw.Database):
    """Keep two stations from migrating the same server at the same moment."""
    if isinstance(db, pw.PostgresqlDatabase):
        db.execute_sql("SELECT pg_advisory_lock(7355608)")
        try:
            yield
        finally:
            db.execute_sql("SELECT pg_advisory_unlock(7355608)")
    elif isinstance(db, pw.MySQLDatabase):
        db.execute_sql("SELECT GET_LOCK('csdesk_migrate', 60)")
        try:
            yield
        finally:
            db.execute_sql("SELECT RELEASE_LOCK('csdesk_migrate')")
    elif db.database != ":memory:":
        # Eight stations starting at once on an old file: one migrates (and
        # copies the file aside once), the others wait here, then find the
        # schema current. A lock file beside the database, held by the OS
        # (it is released if the process dies).
        with _file_lock(Path(db.database).with_name(Path(db.database).name + ".migrate-lock")):
            yield
    else:
        yield


@contextlib.contextmanager
def _file_lock(path: Path):
    with open(path, "a+b") as f:
        if os.name == "nt":
            import msvcrt

            f.seek(0)
            while True:
                try:
                    msvcrt.locking(f.fileno(), msvcrt.LK_LOCK, 1)   # retries for 10 s, then raises
                    break
                except OSError:
                    continue
            try:
                yield
            finally:
                f.seek(0)
                msvcrt.locking(f.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(f.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(f.fileno(), fcntl.LOCK_UN)


def migrate(db: pw.Database, steps: Sequence[Step], create_current: Step, *, backup: bool = True) -> list[int]:
    """Bring ``db`` up to version ``len(steps)``; returns the versions applied.

    An empty database gets ``create_current`` in one step; the numbered steps
    after the first only ever run on databases created by an earlier csdesk,
    whose schema they know."""
    target = len(steps)
    with _migration_lock(db):
        version = current_version(db)
        if version > target:
            raise SchemaTooNew(tx(
                "This database has schema version {version}, newer than this csdesk "
                "understands ({supported}). Update csdesk on this computer.",
                version=version, supported=target))
        if version == target:
            return []
        if backup and version > 0 and isinstance(db, pw.SqliteDatabase):
            backup_sqlite(db.database, version)
        applied = []
        if version == 0:
            with db.atomic():
                create_current(db)
                _set_version(db, target)
            return list(range(1, target + 1))
        with _sqlite_foreign_keys_off(db):
            for n in range(version + 1, target + 1):
                with db.atomic():
                    steps[n - 1](db)
                    _set_version(db, n)
                applied.append(n)
        return applied


@contextlib.contextmanager
def _sqlite_foreign_keys_off(db: pw.Database):
    """SQLite rebuilds a table to change a column (e.g. NOT NULL); with
    foreign keys on, dropping the old copy fails. Off for the migration (the
    pragma only works outside a transaction), checked after."""
    if not isinstance(db, pw.SqliteDatabase):
        yield
        return
    db.execute_sql("PRAGMA foreign_keys = OFF")
    try:
        yield
        broken = db.execute_sql("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise RuntimeError(f"migration left broken references: {broken[:5]}")
    finally:
        db.execute_sql("PRAGMA foreign_keys = ON")


def _set_version(db: pw.Database, n: int) -> None:
    with db.bind_ctx([Meta]):
        Meta.insert(key="schema_version", value=str(n)).on_conflict_replace().execute() \
            if isinstance(db, (pw.SqliteDatabase, pw.MySQLDatabase)) else \
            Meta.insert(key="schema_version", value=str(n)).on_conflict(
                conflict_target=[Meta.key], update={Meta.value: str(n)}).execute()
        Meta.insert(key="app", value=APP_ID).on_conflict_ignore().execute()
