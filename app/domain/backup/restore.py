"""``csdesk db restore FILE [--force]``: a backup into a database.

FILE is either kind :mod:`app.domain.backup.make` writes; what it is comes
from its first bytes, not its name:

* a portable dump restores into any backend. The whole file is read and
  checked first (gzip CRC, every row against its column, the counts, the
  end line), so a damaged or cut file is refused before the target is
  touched;
* an SQLite database (a ``.sqlite3`` backup) is first copied to a
  temporary file, never opened in place, and brought up to this csdesk's
  schema if an older csdesk made it. Into an SQLite database it goes by
  the online backup API (the target's pages replaced in one step); into a
  server its rows are read as from any source database.

The target: an empty database (no tables, or csdesk's tables without
rows) is given today's schema and filled. A target holding data is
refused unless ``force``; then it is first backed up (an SQLite target
beside its file, ``NAME.before-restore-STAMP.sqlite3``; a server as a
dump beside FILE, ``DBNAME-before-restore-STAMP.csdesk``), emptied and
filled; the replaced database's access log is carried over (its rows the
backup lacks are appended): the log is append-only, a restore included.
Emptying and filling are **one transaction**: a row the target
refuses (a text too long for a server's column, two user names differing
only in case for MariaDB's case-insensitive unique index) rolls
everything back, and the target is as it was, never half restored. The
price is the undo log / WAL of one big transaction, about the size of the
data, which every server and SQLite bear easily at a shop's sizes.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
import tempfile
import time
from pathlib import Path

import peewee as pw

from app.domain import schema
from app.domain.backup import transfer
from app.domain.backup.dumpfile import open_dump, sniff
from app.domain.backup.errors import BackupFailed, BackupSchemaMismatch, BackupUnreadable, TargetNotEmpty
from app.domain.backup.make import Summary, count_sqlite_file, describe_db, dump, schema_on
from app.domain.core import db as dbmod
from app.domain.core.errors import NotACsdeskDatabase, tx
from app.domain.core.migrations import sqlite_online_copy
from app.domain.core.models import User
from app.domain.customers.models import AccessLog, Customer


def check_version(version: int, path: Path) -> None:
    """Refuse a backup of another schema version, saying what to do."""
    if version < schema.SCHEMA_VERSION:
        raise BackupSchemaMismatch(tx(
            "{file} was made by an older csdesk (schema version {version}; this csdesk has {current}). "
            "Restore it with the csdesk that made it, open that database once with this csdesk (it is brought "
            "up to date), then back it up again.", file=str(path), version=version, current=schema.SCHEMA_VERSION))
    if version > schema.SCHEMA_VERSION:
        raise BackupSchemaMismatch(tx(
            "{file} was made by a newer csdesk (schema version {version}; this csdesk understands {current}). "
            "Update csdesk on this computer.", file=str(path), version=version, current=schema.SCHEMA_VERSION))


def restore(url: str, path: str | Path, *, force: bool = False) -> Summary:
    """Restore the backup ``path`` into the database ``url`` (see the module)."""
    path = Path(path)
    kind = sniff(path)
    start = time.perf_counter()
    url = dbmod.normalise_url(url)
    summary = Summary(action="restore", file=path, method="portable dump" if kind == "dump" else "sqlite file",
                      database=dbmod.describe_url(url), bytes=path.stat().st_size)
    with contextlib.ExitStack() as stack:
        if kind == "dump":
            with open_dump(path) as reader:
                check_version(reader.schema_version, path)
                summary.origin = (f"from {reader.header.get('backend', '?')}, made "
                                  f"{reader.header.get('created_at', '?')}")
                reader.verify()
            source_path = None
        else:
            source_path = _sqlite_source(path, stack.enter_context(tempfile.TemporaryDirectory()))
            summary.origin = "an SQLite database"
        stack.callback(dbmod.close)
        target = dbmod.connect(url)
        schema.migrate(target)          # today's schema on an empty target; an older csdesk's brought up to date
        busy = transfer.occupied(target)
        if busy and not force:
            shown = ", ".join(f"{name} {n}" for name, n in list(busy.items())[:6]) + (", …" if len(busy) > 6 else "")
            raise TargetNotEmpty(tx(
                "The database {database} holds data already ({tables}). A restore replaces all of it: add --force "
                "to restore anyway (what it holds is backed up first).", database=summary.database, tables=shown))
        kept_log = []
        if busy:
            summary.replaced_backup = _save_replaced(target, path)
            kept_log = _log_rows(target)
        if source_path is not None and isinstance(target, pw.SqliteDatabase):
            summary.method = "sqlite copy"
            target_path = target.database
            dbmod.close()
            _copy_into_sqlite(source_path, target_path)
            summary.counts = count_sqlite_file(Path(target_path))
        elif source_path is not None:
            source = pw.SqliteDatabase(str(source_path))
            stack.callback(source.close)
            with transfer.snapshot(source):
                summary.counts = _load(target, transfer.tables_of(source))
        else:
            with open_dump(path) as reader:
                summary.counts = _load(target, reader.tables())
        if kept_log:
            _append_log(target, kept_log)
    summary.tables, summary.rows = len(summary.counts), sum(summary.counts.values())
    summary.seconds = time.perf_counter() - start
    return summary


def _log_rows(target: pw.Database) -> list[tuple]:
    """The access log of ``target`` as (at, action, detail, user name,
    customer code, customer name), oldest first."""
    q = (AccessLog.select(AccessLog.at, AccessLog.action, AccessLog.detail, User.username, Customer.code,
                          Customer.name)
         .join(User, pw.JOIN.LEFT_OUTER, on=(AccessLog.user == User.id)).switch(AccessLog)
         .join(Customer, pw.JOIN.LEFT_OUTER, on=(AccessLog.customer == Customer.id))
         .order_by(AccessLog.id).tuples())
    return list(q.execute(target))



def _append_log(target: pw.Database, kept: list[tuple]) -> int:
    """The access log is append-only (§2.1.4): a forced restore, which
    replaces every table, appends the replaced database's log rows that the
    backup does not hold, their user found again by user name and their
    customer by code and name; a customer the restored data does not have
    is named in the row's detail instead. Returns how many were appended."""
    present = set(_log_rows(target))
    users = dict(User.select(User.username, User.id).tuples().execute(target))
    customers = {(code, name): cid for cid, code, name in
                 Customer.select(Customer.id, Customer.code, Customer.name).tuples().execute(target)}
    rows = []
    for at, action, detail, username, code, name in kept:
        if (at, action, detail, username, code, name) in present:
            continue
        customer = customers.get((code, name))
        if code is not None and customer is None:
            detail = f"{detail} [{code} {name}]".strip()
        rows.append(dict(at=at, action=action, detail=detail, user=users.get(username), customer=customer))
    with target.atomic():
        for k in range(0, len(rows), 500):
            AccessLog.insert_many(rows[k:k + 500]).execute(target)
    return len(rows)


def _sqlite_source(path: Path, tmp: str) -> Path:
    """A working copy of the SQLite backup ``path`` at today's schema."""
    copy = Path(tmp) / "source.sqlite3"
    try:
        sqlite_online_copy(path, copy)
    except sqlite3.Error as exc:
        raise BackupUnreadable(tx("{file} is damaged: {detail}. Nothing was restored; use another backup.",
                                  file=str(path), detail=str(exc))) from None
    db = pw.SqliteDatabase(str(copy), pragmas={"foreign_keys": 1})
    try:
        try:
            version = schema.current_version(db)
        except NotACsdeskDatabase:
            version = -1
        except pw.DatabaseError as exc:
            raise BackupUnreadable(tx("{file} is damaged: {detail}. Nothing was restored; use another backup.",
                                      file=str(path), detail=str(exc))) from None
        if version <= 0:
            raise BackupUnreadable(tx("{file} is an SQLite database but not a csdesk backup.", file=str(path)))
        if version > schema.SCHEMA_VERSION:
            check_version(version, path)
        with schema_on(db):
            schema.migrate(db, backup=False)   # an older csdesk's backup: brought up to date on the copy
    finally:
        db.close()
    return copy


def _save_replaced(target: pw.Database, path: Path) -> Path:
    """Back up what a forced restore replaces; returns where."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    try:
        if isinstance(target, pw.SqliteDatabase):
            db_file = Path(target.database)
            dest = db_file.with_name(f"{db_file.stem}.before-restore-{stamp}{db_file.suffix or '.sqlite3'}")
            sqlite_online_copy(db_file, dest)
        else:
            dest = path.absolute().parent / f"{target.database}-before-restore-{stamp}.csdesk"
            dump(target, dest)
    except (OSError, sqlite3.Error) as exc:
        raise BackupFailed(tx("Cannot back up {database} before replacing it ({detail}); nothing was restored.",
                              database=describe_db(target), detail=getattr(exc, "strerror", None) or str(exc))) \
            from None
    return dest


def _copy_into_sqlite(source: Path, target: str) -> None:
    """Replace the SQLite database ``target``'s content with ``source``'s by
    the backup API: written in the target's own transaction (atomic, and
    correct with its WAL file, unlike copying the file over it)."""
    try:
        with contextlib.closing(sqlite3.connect(str(source))) as s, \
                contextlib.closing(sqlite3.connect(target, timeout=dbmod.SQLITE_BUSY_TIMEOUT_MS / 1000)) as d:
            s.backup(d)
    except sqlite3.Error as exc:
        raise BackupFailed(tx("Cannot write the database {database}: {detail}. Nothing was restored.",
                              database=target, detail=str(exc))) from None


def _load(target: pw.Database, tables) -> dict[str, int]:
    """Empty ``target`` and fill it from ``tables`` in one transaction."""
    counts: dict[str, int] = {}
    begin = target.atomic("IMMEDIATE") if isinstance(target, pw.SqliteDatabase) else target.atomic()
    with begin:
        transfer.clear(target)
        for spec, _count, rows in tables:
            try:
                counts[spec.name] = transfer.insert_rows(target, spec, rows)
            except pw.DatabaseError as exc:
                detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
                raise BackupFailed(tx("The database refused a row of the table {table}: {detail}. "
                                      "Nothing was restored.", table=spec.name, detail=detail)) from None
        transfer.fix_sequences(target)
    return counts
