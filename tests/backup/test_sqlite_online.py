"""SQLite's online backup while another connection writes: every copy is
one consistent moment of the database, and the writer is not stopped."""
from __future__ import annotations

import sqlite3
import threading
import time

import peewee as pw

from app.domain import backup, bootstrap, schema
from app.domain.backup import transfer
from app.domain.backup.tables import catalog
from app.domain.core import db as dbmod


def _writer(path, stop: threading.Event, done: list) -> None:
    """Two rows a transaction, as fast as it can (WAL mode, as csdesk opens its files)."""
    con = sqlite3.connect(str(path), timeout=15, isolation_level=None)
    try:
        n = 0
        while not stop.is_set():
            con.execute("BEGIN IMMEDIATE")
            con.execute("INSERT INTO setting (key, value) VALUES (?, ?)", (f"w{n}a", "x" * 200))
            con.execute("INSERT INTO setting (key, value) VALUES (?, ?)", (f"w{n}b", "𠮷" * 50))
            con.execute("COMMIT")
            n += 1
            done[0] = n
    finally:
        con.close()


def _pairs(db: pw.Database) -> int:
    spec = next(s for s in catalog() if s.name == "setting")
    keys = [row[0] for row in transfer.read_rows(db, spec) if row[0].startswith("w")]
    assert len(keys) % 2 == 0, "a copy holds half a transaction"
    return len(keys) // 2


def test_online_backup_while_another_connection_writes(demo_copy, tmp_path):
    url = "sqlite:///" + str(demo_copy)
    bootstrap.open_database(url)
    assert dbmod.database.obj.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    base = dbmod.database.obj.execute_sql("SELECT COUNT(*) FROM setting").fetchone()[0]
    stop, done = threading.Event(), [0]
    writer = threading.Thread(target=_writer, args=(demo_copy, stop, done))
    writer.start()
    seen = []
    try:
        while done[0] < 20:
            time.sleep(0.01)
        for i in range(4):
            copy = backup.backup(tmp_path / f"copy{i}.sqlite3")
            dump = backup.backup(tmp_path / f"dump{i}.csdesk")
            seen.append((copy, dump))
            time.sleep(0.05)
        written_during = done[0]
    finally:
        stop.set()
        writer.join()
        dbmod.close()
    assert written_during > 20                  # the writer went on while the copies were made
    counts = []
    for i, (copy, dump) in enumerate(seen):
        db = pw.SqliteDatabase(str(copy.file))
        assert db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert schema.current_version(db) == schema.SCHEMA_VERSION
        counts.append(_pairs(db))
        db.close()
        assert copy.counts["setting"] == base + 2 * counts[-1]
        assert (dump.counts["setting"] - base) % 2 == 0   # the dump reads one snapshot too
        restored = "sqlite:///" + str(tmp_path / f"restored{i}.sqlite3")
        backup.restore(restored, dump.file)
        db = dbmod.make_database(restored)
        _pairs(db)
        db.close()
    assert counts == sorted(counts) and counts[-1] > counts[0]   # each copy a later moment
