"""The daily automatic backup of an SQLite database: once a day, into
backups/ beside the file, the last N days kept (dates given, no sleeping)."""
from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from app.domain import bootstrap, schema
from app.domain.backup import daily
from app.domain.core import db as dbmod
from app.domain.core import settings

DAY = dt.date(2026, 11, 27)


def test_once_a_day_and_the_last_n_days_kept(demo_copy):
    folder = daily.folder_for(demo_copy)
    first = daily.run(demo_copy, 3, DAY)
    assert first.status == "written" and first.path == folder / "shop-2026-11-27.sqlite3"
    with sqlite3.connect(first.path) as con:   # a complete database csdesk opens
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("SELECT COUNT(*) FROM job").fetchone()[0] == 40
    stamp = first.path.stat().st_mtime_ns
    again = daily.run(demo_copy, 3, DAY)
    assert again.status == "exists" and first.path.stat().st_mtime_ns == stamp
    # Someone else's files in the folder are never touched.
    others = [folder / "notes.txt", folder / "shop-2026-01-01.sqlite3.bak", folder / "other-2026-01-01.sqlite3",
              folder / "shop-2026-13-45.sqlite3"]
    for path in others:
        path.write_text("keep")
    for n in range(1, 6):
        result = daily.run(demo_copy, 3, DAY + dt.timedelta(days=n))
        assert result.status == "written"
    kept = sorted(daily.copies(demo_copy))
    assert kept == [DAY + dt.timedelta(days=n) for n in (3, 4, 5)]
    assert all(p.read_text() == "keep" for p in others)
    # A copy dated after today (the clock was put back) is kept.
    back = daily.run(demo_copy, 3, DAY + dt.timedelta(days=1))
    assert back.status == "written" and DAY + dt.timedelta(days=5) in daily.copies(demo_copy)
    assert DAY + dt.timedelta(days=1) in daily.copies(demo_copy)


def test_off_makes_no_copy_and_deletes_none(demo_copy):
    daily.run(demo_copy, 2, DAY)
    assert daily.run(demo_copy, 0, DAY + dt.timedelta(days=30)).status == "off"
    assert list(daily.copies(demo_copy)) == [DAY]


@pytest.mark.parametrize("how", ["folder-is-a-file", "read-only-folder"])
def test_a_copy_that_cannot_be_written_is_a_message(how, demo_copy):
    import os

    folder = daily.folder_for(demo_copy)
    if how == "folder-is-a-file" or os.geteuid() == 0:   # root writes into read-only folders
        folder.write_text("not a folder")
    else:
        folder.mkdir()
        folder.chmod(0o500)
    try:
        result = daily.run(demo_copy, 14, DAY)
    finally:
        if folder.is_dir():
            folder.chmod(0o700)
    assert result.status == "failed" and "could not be written" in result.message
    assert str(folder) in result.message


def test_the_setting_defaults_to_14_days(db, staff):
    assert daily.keep_days() == 14
    settings.set_value(daily.KEEP_DAYS_KEY, "30", staff["manager"])
    assert daily.keep_days() == 30
    settings.set_value(daily.KEEP_DAYS_KEY, "many", staff["manager"])
    assert daily.keep_days() == 14


def test_a_migration_and_a_daily_copy_share_the_online_copy(tmp_path):
    """app.domain.core.migrations.sqlite_online_copy never leaves a partial
    file under the final name."""
    from app.domain.core.migrations import sqlite_online_copy

    src = tmp_path / "a.sqlite3"
    bootstrap.open_database("sqlite:///" + str(src))
    dbmod.close()
    with pytest.raises(sqlite3.Error):
        sqlite_online_copy(tmp_path / "missing" / "x.sqlite3", tmp_path / "out.sqlite3")
    assert not list(tmp_path.glob("*out*"))
    sqlite_online_copy(src, tmp_path / "out.sqlite3")
    assert schema.current_version(dbmod.make_database("sqlite:///" + str(tmp_path / "out.sqlite3"))) \
        == schema.SCHEMA_VERSION
