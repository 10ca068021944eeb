"""What a restore refuses and what it keeps: a database that holds data
(without --force), a dump of another schema version, a damaged or cut
file, a row the target refuses; --force backs the target up first."""
from __future__ import annotations

import gzip
import json

import pytest

from app.domain import backup, bootstrap, schema
from app.domain.backup import transfer
from app.domain.backup.errors import BackupFailed, BackupSchemaMismatch, BackupUnreadable, TargetNotEmpty
from app.domain.core import db as dbmod
from app.domain.core.errors import NotACsdeskDatabase
from tests.backup.conftest import rows_of

BACKENDS = ["sqlite", "postgresql", "mysql"]


@pytest.fixture
def dump(demo_copy, tmp_path):
    """The demo database's portable dump."""
    path = tmp_path / "demo.csdesk"
    bootstrap.open_database("sqlite:///" + str(demo_copy))
    backup.backup(path)
    dbmod.close()
    return path


def lines_of(path) -> list:
    with gzip.open(path, "rb") as f:
        return [json.loads(line) for line in f]


def write_lines(path, lines) -> None:
    with gzip.open(path, "wb") as f:
        for line in lines:
            f.write(json.dumps(line, ensure_ascii=False).encode() + b"\n")


def small_database(url: str) -> dict:
    """A database holding a little data (one user, one customer)."""
    from app.domain.core import users
    from app.domain.customers import customers

    bootstrap.open_database(url)
    users.create_user("owner", "老板", "manager")
    customers.create_customer("原有客户", "010-62888899", user=None)
    dbmod.close()
    return rows_of(url)


def state_of(url: str) -> dict:
    """What a refused restore must leave as it was: the tables that hold
    rows (a fresh schema's own rows not counted), or "no tables"."""
    db = dbmod.make_database(dbmod.normalise_url(url))
    try:
        if not db.get_tables():
            return {"no tables": True}
        return transfer.occupied(db)
    finally:
        db.close()


@pytest.mark.parametrize("backend", BACKENDS)
def test_restore_refuses_a_database_with_data_unless_forced(backend, dump, fresh_url, tmp_path):
    target = fresh_url(backend)
    before = small_database(target)
    with pytest.raises(TargetNotEmpty) as err:
        backup.restore(target, dump)
    assert "--force" in err.value.message and "customer 1" in err.value.message
    assert rows_of(target) == before
    done = backup.restore(target, dump, force=True)
    # What was replaced was backed up first, and that backup restores.
    saved = done.replaced_backup
    assert saved is not None and saved.exists()
    if backend == "sqlite":
        assert saved.parent == tmp_path and saved.name.startswith("new0.before-restore-")
        assert saved.suffix == ".sqlite3"
    else:
        assert saved.parent == dump.parent and saved.name.endswith(".csdesk") and "-before-restore-" in saved.name
    assert rows_of(target) == rows_of(str(dump.parent / "shop.sqlite3"))
    again = fresh_url("sqlite")
    backup.restore(again, saved)
    assert rows_of(again) == before


def test_a_fresh_csdesk_database_counts_as_empty(dump, fresh_url):
    """A database csdesk created and opened (schema, number series) but
    nobody used: a restore needs no --force."""
    target = fresh_url("sqlite")
    bootstrap.open_database(target)
    dbmod.close()
    backup.restore(target, dump)
    assert rows_of(target) == rows_of(str(dump.parent / "shop.sqlite3"))


def test_a_foreign_database_is_refused_even_with_force(dump, tmp_path):
    import sqlite3

    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as c:
        c.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    with pytest.raises(NotACsdeskDatabase):
        backup.restore(str(other), dump, force=True)


@pytest.mark.parametrize("version, words", [(schema.SCHEMA_VERSION - 1, "older csdesk"),
                                            (schema.SCHEMA_VERSION + 1, "newer csdesk")])
def test_a_dump_of_another_schema_version_is_refused(version, words, dump, fresh_url):
    lines = lines_of(dump)
    lines[0]["schema_version"] = version
    write_lines(dump, lines)
    target = fresh_url("sqlite")
    with pytest.raises(BackupSchemaMismatch) as err:
        backup.restore(target, dump)
    assert words in err.value.message and f"schema version {version}" in err.value.message
    assert state_of(target) == {"no tables": True}


def test_an_older_sqlite_backup_is_brought_up_to_date_on_a_copy(fresh_url, tmp_path):
    """A .sqlite3 backup made by an older csdesk (schema v3) restores: it
    is migrated on a temporary copy, the backup file itself untouched."""
    import shutil
    from pathlib import Path

    old = tmp_path / "v3.sqlite3"
    shutil.copy(Path(__file__).parents[1] / "data" / "schema_v3.sqlite3", old)
    before = old.read_bytes()
    target = fresh_url("sqlite")
    done = backup.restore(target, old)
    assert done.rows > 0 and old.read_bytes() == before
    assert schema.current_version(dbmod.make_database(target)) == schema.SCHEMA_VERSION


def _cut(path, keep: float) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])


def _flip(path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


def _bad_value(path) -> None:
    lines = lines_of(path)
    at = next(i for i, line in enumerate(lines) if isinstance(line, dict) and line.get("table") == "job")
    lines[at + 1][0] = "not an id"
    write_lines(path, lines)


def _row_missing(path) -> None:
    lines = lines_of(path)
    at = next(i for i, line in enumerate(lines) if isinstance(line, dict) and line.get("table") == "job_item")
    del lines[at + 1]
    write_lines(path, lines)


def _no_end(path) -> None:
    write_lines(path, lines_of(path)[:-1])


def _not_a_backup(path) -> None:
    path.write_text("id;name\n1;x\n")


@pytest.mark.parametrize("damage", [lambda p: _cut(p, 0.5), lambda p: _cut(p, 0.999), _flip, _bad_value,
                                    _row_missing, _no_end, _not_a_backup],
                         ids=["cut-half", "cut-tail", "flipped-byte", "bad-value", "row-missing", "no-end",
                              "not-a-backup"])
def test_a_damaged_dump_is_a_clear_error_and_changes_nothing(damage, dump, fresh_url, tmp_path):
    damage(dump)
    empty = fresh_url("sqlite")
    with pytest.raises(BackupUnreadable) as err:
        backup.restore(empty, dump)
    assert str(dump) in err.value.message
    assert state_of(empty) == {"no tables": True}     # not even a schema was created
    used = fresh_url("sqlite")
    before = small_database(used)
    with pytest.raises(BackupUnreadable):
        backup.restore(used, dump, force=True)          # nothing backed up, nothing replaced
    assert rows_of(used) == before
    assert not list(tmp_path.glob("*before-restore*"))


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_row_the_target_refuses_rolls_everything_back(backend, dump, fresh_url):
    """A dump that reads well but breaks a reference (a job item of a job
    that is not there) stops the restore in its one transaction: the
    target is left empty, and with --force keeps its own data."""
    lines = lines_of(dump)
    at = next(i for i, line in enumerate(lines) if isinstance(line, dict) and line.get("table") == "job_item")
    lines[at + 1][1] = 999999
    write_lines(dump, lines)
    target = fresh_url(backend)
    with pytest.raises(BackupFailed) as err:
        backup.restore(target, dump)
    assert "job_item" in err.value.message and "Nothing was restored" in err.value.message
    assert state_of(target) == {}
    before = small_database(target)
    with pytest.raises(BackupFailed):
        backup.restore(target, dump, force=True)
    assert rows_of(target) == before


def test_backup_does_not_overwrite_a_file_unless_forced(demo_copy, tmp_path):
    out = tmp_path / "x.csdesk"
    out.write_text("keep me")
    bootstrap.open_database("sqlite:///" + str(demo_copy))
    try:
        with pytest.raises(BackupFailed):
            backup.backup(out)
        assert out.read_text() == "keep me"
        assert backup.backup(out, force=True).rows > 0
    finally:
        dbmod.close()


def test_a_backup_into_a_folder_that_cannot_be_written_is_a_message(demo_copy, tmp_path):
    import os

    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    bootstrap.open_database("sqlite:///" + str(demo_copy))
    try:
        for name in ("x.csdesk", "x.sqlite3"):
            if os.geteuid() == 0:      # root writes anywhere: a missing folder instead
                target = tmp_path / "missing" / name
            else:
                target = folder / name
            with pytest.raises(BackupFailed) as err:
                backup.backup(target)
            assert str(target) in err.value.message
            assert not list(target.parent.glob("*")) if target.parent.exists() else True
    finally:
        dbmod.close()
        folder.chmod(0o700)
