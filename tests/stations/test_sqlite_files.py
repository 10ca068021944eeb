"""A SQLite file that cannot be used as it should: a clear message and
nothing destroyed — read-only, full, empty, locked by another program, and
eight stations starting on an old-schema file at once."""
from __future__ import annotations

import multiprocessing
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from app.domain import bootstrap, schema
from app.domain.core import db as dbmod
from app.domain.core import operations
from app.domain.core.errors import DatabaseBusy, DiskFull, NotACsdeskDatabase, ReadOnlyDatabase
from app.domain.customers import customers
from app.domain.customers.models import Customer
from tests.stations import station

DATA = Path(__file__).parents[1] / "data"
MP = multiprocessing.get_context("spawn")


def test_an_empty_file_is_not_made_a_new_database(tmp_path):
    path = tmp_path / "shop.sqlite3"
    path.write_bytes(b"")
    with pytest.raises(NotACsdeskDatabase) as err:
        bootstrap.open_database("sqlite:///" + str(path))
    assert "0 bytes" in err.value.message and path.stat().st_size == 0


def test_a_read_only_file_is_a_message_and_no_copy_is_left(tmp_path, monkeypatch):
    """(The tests run as root, whom file modes do not stop: the check is fed
    the answer a shop's user would get.)"""
    path = tmp_path / "old.sqlite3"
    shutil.copy(DATA / "schema_v1.sqlite3", path)
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) in (path, tmp_path) and mode & os.W_OK
                        else real_access(p, mode))
    for _ in range(2):
        with pytest.raises(ReadOnlyDatabase) as err:
            bootstrap.open_database("sqlite:///" + str(path))
        assert "read-only" in err.value.message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.sqlite3"]      # no .bak, no journal


def test_writing_to_a_file_opened_read_only_is_read_only(tmp_path):
    from app.domain.core import faults

    path = tmp_path / "x.sqlite3"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.commit()
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as err:
        con.execute("INSERT INTO t VALUES (1)")
    assert isinstance(faults.translate(err.value), ReadOnlyDatabase)


def test_a_full_database_is_a_message_and_nothing_half_saved(db, staff):
    before = Customer.select().count()
    page_count = dbmod.database.obj.execute_sql("PRAGMA page_count").fetchone()[0]
    dbmod.database.obj.execute_sql(f"PRAGMA max_page_count = {page_count}")   # as full as a full disk
    with pytest.raises(DiskFull) as err:
        operations.run(customers.create_customer, "某" * 200, "010-62888899", "dealer", "x" * 300, user=None,
                       key=operations.new_key())
    assert "full" in err.value.message
    dbmod.database.obj.execute_sql("PRAGMA max_page_count = 1073741823")
    assert Customer.select().count() == before


def test_a_file_locked_by_another_program(db):
    """Another program holds the write lock past the busy timeout: the clerk
    is told at once (no retry that would keep the window waiting again), and
    the next try after it let go works."""
    dbmod.database.obj.execute_sql("PRAGMA busy_timeout = 200")
    path = dbmod.sqlite_path(db)
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseBusy) as err:
            operations.run(customers.create_customer, "北京海淀华信电子有限公司", "010-62888899", "dealer", "",
                           user=None, key=operations.new_key())
        assert "locked" in err.value.message
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert operations.run(customers.create_customer, "北京海淀华信电子有限公司", "010-62888899", "dealer", "",
                          user=None, key=operations.new_key()).id


@pytest.mark.slow
def test_eight_stations_start_on_an_old_file_at_once(tmp_path):
    path = tmp_path / "old.sqlite3"
    shutil.copy(DATA / "schema_v1.sqlite3", path)
    url = "sqlite:///" + str(path)
    barrier, queue = MP.Barrier(8), MP.Queue()
    procs = [MP.Process(target=station.open_only, args=(url, n), kwargs={"barrier": barrier, "queue": queue},
                        daemon=True) for n in range(8)]
    for p in procs:
        p.start()
    out = station.collect(queue, 8)
    for p in procs:
        p.join(30)
    assert all(m[2] == "ok" for m in out), out
    applied = [m[3] for m in out]
    assert sorted(map(len, applied)) == [0] * 7 + [schema.SCHEMA_VERSION - 1]   # one station migrated
    assert len(list(tmp_path.glob("old.sqlite3.v1-*.bak"))) == 1                 # and copied the file aside once
    bootstrap.open_database(url)
    assert schema.current_version(dbmod.database.obj) == schema.SCHEMA_VERSION
    dbmod.close()
