"""``csdesk db backup FILE``: a backup of the open database.

* SQLite database, FILE ending in ``.sqlite3``, ``.sqlite`` or ``.db``: a
  copy of the file by SQLite's online backup API
  (:func:`app.domain.core.migrations.sqlite_online_copy`): consistent while
  the counter goes on working, and a database csdesk opens as it is.
* Anything else, and always on PostgreSQL and MariaDB: the portable dump
  (:mod:`app.domain.backup.dumpfile`), which restores into any backend.
* A server backed up into a ``.sqlite3`` file gets a new SQLite database
  filled from the same stream (a copy a single PC opens at once; the way
  back from a server to one PC). The issue asked for the dump on servers;
  this costs nothing more, since a restore writes into a database anyway.

Nothing is written under FILE until the backup is complete.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

import peewee as pw

from app.domain import schema
from app.domain.backup import transfer
from app.domain.backup.dumpfile import DumpWriter
from app.domain.backup.errors import BackupFailed, BackupSchemaMismatch
from app.domain.backup.tables import catalog, encode_row
from app.domain.core import db as dbmod
from app.domain.core.errors import tx
from app.domain.core.migrations import sqlite_online_copy

#: File names that mean "an SQLite database file".
SQLITE_SUFFIXES = (".sqlite3", ".sqlite", ".db")


@dataclass
class Summary:
    """What a backup or a restore did, for the command line's report."""
    action: str                 # "backup" | "restore"
    file: Path
    method: str                 # "sqlite copy" | "portable dump" | "sqlite file"
    tables: int = 0
    rows: int = 0
    bytes: int = 0
    seconds: float = 0.0
    database: str = ""          # the database backed up or restored into (no password)
    origin: str = ""            # restore: what the file came from
    replaced_backup: Path | None = None
    counts: dict[str, int] = field(default_factory=dict)

    def describe(self) -> str:
        """One paragraph in English for the command line."""
        if self.action == "backup":
            text = (f"backup of {self.database} -> {self.file} ({self.method}): {self.tables} tables, "
                    f"{self.rows} rows, {self.bytes} bytes, {self.seconds:.2f} s")
        else:
            text = (f"restored {self.file} ({self.method}{', ' + self.origin if self.origin else ''}) into "
                    f"{self.database}: {self.tables} tables, {self.rows} rows, {self.bytes} bytes read, "
                    f"{self.seconds:.2f} s")
        if self.replaced_backup is not None:
            text += f"\nthe data it replaced was backed up first to {self.replaced_backup}"
        return text


def describe_db(db: pw.Database) -> str:
    """A database for messages: the SQLite file, or backend://user@host/name."""
    if isinstance(db, pw.SqliteDatabase):
        return str(db.database)
    p = db.connect_params
    scheme = "postgresql" if isinstance(db, pw.PostgresqlDatabase) else "mysql"
    user = f"{p['user']}@" if p.get("user") else ""
    port = f":{p['port']}" if p.get("port") else ""
    return f"{scheme}://{user}{p.get('host', '')}{port}/{db.database}"


def backend_name(db: pw.Database) -> str:
    return ("sqlite" if isinstance(db, pw.SqliteDatabase) else
            "postgresql" if isinstance(db, pw.PostgresqlDatabase) else "mysql")


def csdesk_version() -> str:
    from importlib import metadata

    try:
        return metadata.version("csdesk")
    except metadata.PackageNotFoundError:
        return ""


def is_sqlite_name(path: Path) -> bool:
    return path.suffix.lower() in SQLITE_SUFFIXES


def _failed(path: Path, exc: BaseException) -> BackupFailed:
    detail = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return BackupFailed(tx("Cannot write the backup {file}: {detail}", file=str(path), detail=detail))


def backup(path: str | Path, *, db: pw.Database | None = None, force: bool = False) -> Summary:
    """Back up ``db`` (the open database) into ``path``; an existing file is
    replaced only with ``force``."""
    db = db or dbmod.database.obj
    path = Path(path)
    if path.is_dir():
        raise BackupFailed(tx("{file} is a folder; name the backup file.", file=str(path)))
    if path.exists() and not force:
        raise BackupFailed(tx("{file} exists already. Choose another name, or add --force to replace it.",
                              file=str(path)))
    version = schema.current_version(db)
    if version != schema.SCHEMA_VERSION:
        raise BackupSchemaMismatch(tx("The database has schema version {version}; open it with this csdesk "
                                      "first (csdesk migrate), then back it up.", version=version))
    start = time.perf_counter()
    summary = Summary(action="backup", file=path, method="portable dump", database=describe_db(db))
    try:
        if is_sqlite_name(path) and isinstance(db, pw.SqliteDatabase):
            summary.method = "sqlite copy"
            sqlite_online_copy(db.database, path)
            summary.counts = count_sqlite_file(path)
        elif is_sqlite_name(path):
            summary.method = "sqlite file"
            summary.counts = write_sqlite_file(db, path)
        else:
            summary.counts = dump(db, path)
    except (OSError, sqlite3.Error) as exc:
        raise _failed(path, exc) from None
    summary.tables, summary.rows = len(summary.counts), sum(summary.counts.values())
    summary.bytes = path.stat().st_size
    summary.seconds = time.perf_counter() - start
    return summary


def dump(db: pw.Database, path: Path) -> dict[str, int]:
    """Write the portable dump of ``db`` (one snapshot); returns the rows per table."""
    with transfer.snapshot(db):
        counts = {spec.name: transfer.count(db, spec) for spec in catalog()}
        header = {"schema_version": schema.SCHEMA_VERSION, "backend": backend_name(db), "source": describe_db(db),
                  "created_at": dt.datetime.now().replace(microsecond=0).isoformat(sep=" "),
                  "csdesk": csdesk_version(), "tables": counts}
        with DumpWriter(path, header) as out:
            for spec in catalog():
                out.table(spec, counts[spec.name])
                written = 0
                for row in transfer.read_rows(db, spec):
                    out.row(encode_row(spec, row))
                    written += 1
                if written != counts[spec.name]:   # the snapshot makes this impossible; never write a lie
                    raise RuntimeError(f"{spec.name}: counted {counts[spec.name]} rows, read {written}")
            out.close()
    return counts


@contextlib.contextmanager
def schema_on(db: pw.Database):
    """The models bound to ``db`` for the block: :func:`schema.migrate`
    creates tables through the models, which otherwise follow the open
    database (``app.domain.core.db.database``)."""
    with db.bind_ctx(schema.MODELS, bind_refs=False, bind_backrefs=False):
        yield


def write_sqlite_file(source: pw.Database, path: Path) -> dict[str, int]:
    """A new SQLite database at ``path`` with today's schema and every row
    of ``source`` (one snapshot)."""
    part = path.with_name(f".{path.name}.part")
    part.unlink(missing_ok=True)
    target = pw.SqliteDatabase(str(part), pragmas={"foreign_keys": 1})
    counts = {}
    try:
        with schema_on(target):
            schema.migrate(target, backup=False)
        with transfer.snapshot(source), target.atomic():
            transfer.clear(target)
            for spec, _count, rows in transfer.tables_of(source):
                counts[spec.name] = transfer.insert_rows(target, spec, rows)
        target.execute_sql("PRAGMA journal_mode = wal")   # as csdesk opens its files
        target.close()
        part.replace(path)
    except BaseException:
        target.close()
        part.unlink(missing_ok=True)
        raise
    return counts


def count_sqlite_file(path: Path) -> dict[str, int]:
    """Rows per table of a csdesk SQLite file."""
    db = pw.SqliteDatabase(str(path))
    try:
        return {spec.name: transfer.count(db, spec) for spec in catalog()}
    finally:
        db.close()
