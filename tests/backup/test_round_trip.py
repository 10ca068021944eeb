"""The round trip the issue asks for: the demo database SQLite ->
PostgreSQL -> MariaDB -> SQLite through csdesk's portable dump, every row
of every table compared with the original."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from app.domain import backup, bootstrap, schema
from app.domain.backup import tables as bt
from app.domain.core import db as dbmod
from tests.backup.conftest import ODD_TEXT, rows_of, server_configured


def test_every_table_is_in_the_catalog_in_schema_order():
    assert [s.model for s in bt.catalog()] == schema.MODELS
    refs = {s.name: [s.columns[i] for i in s.self_refs] for s in bt.catalog() if s.self_refs}
    assert refs == {"register_entry": ["corrects_id"], "visit": ["carried_from_id"],
                    "contact_entry": ["follows_up_id", "corrects_id"]}


def test_the_demo_fills_every_table(demo_file):
    rows = rows_of(str(demo_file))
    assert all(rows.values()), [name for name, r in rows.items() if not r]


def _check_same(original, url):
    copy = rows_of(url)
    for name, rows in original.items():
        assert copy[name] == rows, name


def _reopen_and_write(url):
    """The restored database works: it opens, and new rows get fresh ids
    (PostgreSQL's sequences were moved past the restored ids)."""
    from app.domain.core.models import User
    from app.domain.customers import customers
    from app.domain.customers.models import Customer

    bootstrap.open_database(url)
    try:
        top = Customer.select().order_by(Customer.id.desc()).first().id
        made = customers.create_customer("新客户 𠮷", "13900000000", user=None)
        assert made.id > top
        assert User.get(User.username == "boss").display_name == "王建国"
        c = Customer.select().order_by(Customer.id).first()
        assert c.name == "王𠮷 😀 商行" and c.notes.startswith(ODD_TEXT)
        assert c.registered_capital == Decimal("9999999999999.99") and c.annual_volume == Decimal("-12.50")
        assert c.updated_at.replace(microsecond=0) == dt.datetime(2026, 1, 2, 3, 4, 5)
    finally:
        dbmod.close()


@pytest.mark.skipif(not (server_configured("postgresql") and server_configured("mysql")),
                    reason="needs CSDESK_TEST_POSTGRES_URL and CSDESK_TEST_MYSQL_URL")
def test_sqlite_postgresql_mariadb_sqlite(demo_copy, fresh_url, tmp_path):
    original = rows_of(str(demo_copy))
    dumps = []
    source = "sqlite:///" + str(demo_copy)
    for n, backend in enumerate(("postgresql", "mysql", "sqlite")):
        dump = tmp_path / f"step{n}.csdesk"
        bootstrap.open_database(source)
        made = backup.backup(dump)
        dbmod.close()
        assert made.rows == sum(len(r) for r in original.values()) and made.tables == len(schema.MODELS)
        dumps.append(made)
        target = fresh_url(backend)
        restored = backup.restore(target, dump)
        assert restored.rows == made.rows and restored.counts == made.counts
        _check_same(original, target)
        source = target
    _reopen_and_write(source)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql", "mysql"])
def test_round_trip_through_one_backend(backend, demo_copy, fresh_url, tmp_path):
    """SQLite -> BACKEND -> SQLite, and the restored server writes new rows."""
    original = rows_of(str(demo_copy))
    bootstrap.open_database("sqlite:///" + str(demo_copy))
    backup.backup(tmp_path / "a.csdesk")
    dbmod.close()
    middle = fresh_url(backend)
    backup.restore(middle, tmp_path / "a.csdesk")
    _check_same(original, middle)
    bootstrap.open_database(middle)
    backup.backup(tmp_path / "b.csdesk")
    dbmod.close()
    end = fresh_url("sqlite")
    backup.restore(end, tmp_path / "b.csdesk")
    _check_same(original, end)
    _reopen_and_write(middle)


@pytest.mark.parametrize("backend", ["postgresql", "mysql"])
def test_sqlite_file_into_a_server_and_a_server_into_a_sqlite_file(backend, demo_copy, fresh_url, tmp_path):
    """The move from a single PC to a server in one step (the SQLite
    database file, or its .sqlite3 backup, restored into the server), and
    back (the server backed up into a .sqlite3 file csdesk opens)."""
    original = rows_of(str(demo_copy))
    bootstrap.open_database("sqlite:///" + str(demo_copy))
    made = backup.backup(tmp_path / "shop-copy.sqlite3")
    dbmod.close()
    assert made.method == "sqlite copy"
    server = fresh_url(backend)
    restored = backup.restore(server, tmp_path / "shop-copy.sqlite3")
    assert restored.method == "sqlite file" and restored.rows == made.rows
    _check_same(original, server)
    bootstrap.open_database(server)
    back = backup.backup(tmp_path / "from-server.sqlite3")
    dbmod.close()
    assert back.method == "sqlite file"
    _check_same(original, str(tmp_path / "from-server.sqlite3"))
    _reopen_and_write(str(tmp_path / "from-server.sqlite3"))
