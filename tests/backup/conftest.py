"""Fixtures of the backup tests.

* ``demo_file``: a small demo database (SQLite) in which every table has
  rows, made once per session, with what a backup must carry exactly:
  register corrections and carried visits, both also pointing forward
  (a greater id, restored after the row), extreme decimals, 𠮷 and
  emoji, control characters, a long text, microseconds.
* ``demo_copy``: a fresh copy of it for one test; yields its path.
* :func:`server_url` / :func:`fresh_url`: a new empty database on a
  configured server (dropped after the test), or a new SQLite file.
"""
from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal

import peewee as pw
import pytest

from app.domain import bootstrap
from app.domain.backup import tables as bt
from app.domain.backup import transfer
from app.domain.core import db as dbmod
from app.domain.core.migrations import sqlite_online_copy
from tests.conftest import SERVER_ENV, ServerDatabase

#: Unicode a backup must keep: outside the BMP (𠮷, emoji), control characters, quotes, backslashes.
ODD_TEXT = "𠮷野家 😀 \"引号\" 'q' \\ back\\slash\ttab\nnew line\r\n末尾 "


def fill_demo(url: str) -> None:
    """The demo data of ``csdesk demo-data`` (small) and every table's rows."""
    from app import demo
    from app.domain.core import settings
    from app.domain.core.models import User
    from app.domain.counter import register
    from app.domain.counter.models import RegisterEntry
    from app.domain.customers import access
    from app.domain.customers.models import Customer
    from app.domain.field.models import Visit

    bootstrap.open_database(url)
    demo.fill(30, 40, seed=7)
    bootstrap.mark_demo()
    boss = User.get(User.username == "boss")
    clerk = User.get(User.username == "clerk1")
    settings.set_value("company_name", "华信电子 " + ODD_TEXT, boss)
    settings.set_value("backup_keep_days", "7", boss)
    first = Customer.select().order_by(Customer.id).first()
    access.record(clerk, first.id, "view", ODD_TEXT)
    access.record(clerk, None, "export", "x" * 5000)
    entries = list(RegisterEntry.select().order_by(RegisterEntry.id).limit(2))
    register.correct(entries[0].id, clerk, "登记错了：" + ODD_TEXT, direction="void")
    # Through the operation runner, with its key, as the window does (csdesk_operation gets its row).
    from app.domain.core import operations
    operations.run(register.correct, entries[1].id, clerk, "取件人写错", person="王𠮷", key=operations.new_key())
    last_entry = RegisterEntry.select(pw.fn.MAX(RegisterEntry.id)).scalar()
    # A row pointing forward (a greater id): restored as NULL, then set.
    RegisterEntry.update(corrects=last_entry).where(RegisterEntry.id == entries[0].id + 2).execute()
    visits = list(Visit.select().order_by(Visit.id))
    assert any(v.carried_from_id for v in visits), "the demo carries a visit forward"
    Visit.update(carried_from=visits[-1].id).where(Visit.id == visits[0].id).execute()
    # 15 significant digits: what SQLite's DECIMAL (a REAL inside) keeps exactly.
    Customer.update(registered_capital=Decimal("9999999999999.99"), credit_limit=Decimal("0.01"),
                    annual_volume=Decimal("-12.50"), employees=0, name="王𠮷 😀 商行",
                    notes=ODD_TEXT + "长" * 3000,
                    updated_at=dt.datetime(2026, 1, 2, 3, 4, 5, 678901)).where(Customer.id == first.id).execute()
    dbmod.close()


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    fill_demo("sqlite:///" + str(path))
    return path


@pytest.fixture
def demo_copy(demo_file, tmp_path):
    path = tmp_path / "shop.sqlite3"
    sqlite_online_copy(demo_file, path)
    return path


def every_row(db: pw.Database) -> dict[str, list[list]]:
    """Every row of every table as the dump writes it, datetimes to the
    second (MariaDB's DATETIME keeps no fractions)."""
    out = {}
    for spec in bt.catalog():
        rows = []
        for row in transfer.read_rows(db, spec):
            values = bt.encode_row(spec, row)
            rows.append([v[:19] if k == "datetime" and v else v for k, v in zip(spec.kinds, values)])
        out[spec.name] = rows
    return out


def rows_of(url: str) -> dict[str, list[list]]:
    db = dbmod.make_database(dbmod.normalise_url(url))
    try:
        return every_row(db)
    finally:
        db.close()


def server_configured(backend: str) -> bool:
    return bool(os.environ.get(SERVER_ENV[backend]))


@pytest.fixture
def fresh_url(tmp_path):
    """fresh_url(backend) -> the URL of a new empty database (dropped afterwards)."""
    made = []
    files = iter(range(1000))

    def make(backend: str) -> str:
        if backend == "sqlite":
            return "sqlite:///" + str(tmp_path / f"new{next(files)}.sqlite3")
        if not server_configured(backend):
            pytest.skip(f"{SERVER_ENV[backend]} not set")
        server = ServerDatabase(os.environ[SERVER_ENV[backend]])
        made.append(server)
        return server.create()

    yield make
    for server in made:
        server.drop()
