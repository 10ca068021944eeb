"""Opening databases: migrations, refusals, readable errors, the register's
append-only rule, the CLI."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app import cli
from app.domain import bootstrap
from app.domain import schema as migrations
from app.domain.core import db as dbmod
from app.domain.core.errors import DatabaseUnavailable, NotACsdeskDatabase, SchemaTooNew, ValidationError
from app.domain.core.models import Meta
from app.domain.counter import register
from app.domain.counter.models import RegisterEntry
from tests.helpers import take_in


def test_migrate_twice_is_a_no_op(any_db):
    assert migrations.migrate() == []
    assert migrations.current_version(dbmod.database.obj) == migrations.SCHEMA_VERSION
    info = bootstrap.open_database(any_db)
    assert info.applied == []


def test_newer_schema_is_refused(tmp_path):
    url = "sqlite:///" + str(tmp_path / "x.sqlite3")
    bootstrap.open_database(url)
    Meta.update(value=str(migrations.SCHEMA_VERSION + 1)).where(Meta.key == "schema_version").execute()
    dbmod.close()
    with pytest.raises(SchemaTooNew) as e:
        bootstrap.open_database(url)
    assert "newer" in e.value.message


def test_foreign_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    con.commit()
    con.close()
    with pytest.raises(NotACsdeskDatabase):
        bootstrap.open_database("sqlite:///" + str(path))


def test_file_that_is_not_a_database(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_text("this is a text file, not a database\n" * 100)
    with pytest.raises(NotACsdeskDatabase):
        bootstrap.open_database("sqlite:///" + str(path))


def test_unreachable_server_gives_a_readable_error():
    with pytest.raises(DatabaseUnavailable) as e:
        bootstrap.open_database("postgresql://nobody:secret@127.0.0.1:1/nodb")
    assert "secret" not in e.value.message and "127.0.0.1" in e.value.message


def test_sqlite_backed_up_before_migration(tmp_path, monkeypatch):
    url = "sqlite:///" + str(tmp_path / "b.sqlite3")
    bootstrap.open_database(url)
    dbmod.close()
    # Pretend the program has one more migration than the file.
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS + [lambda db: None])
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", len(migrations.MIGRATIONS))
    info = bootstrap.open_database(url)
    assert info.applied == [migrations.SCHEMA_VERSION]
    backups = list(tmp_path.glob(f"b.sqlite3.v{migrations.SCHEMA_VERSION - 1}-*.bak"))
    assert len(backups) == 1
    con = sqlite3.connect(backups[0])
    assert con.execute("SELECT value FROM csdesk_meta WHERE key='schema_version'").fetchone() == \
        (str(migrations.SCHEMA_VERSION - 1),)


def test_register_is_append_only(db, staff):
    take_in(staff["counter"])
    row = RegisterEntry.get()
    row.note = "changed"
    with pytest.raises(PermissionError):
        row.save()
    with pytest.raises(PermissionError):
        row.delete_instance()
    with pytest.raises(ValidationError):
        register.correct(row.id, staff["counter"], "  ")
    fix = register.correct(row.id, staff["counter"], "送修人应为李四", person="李四")
    assert fix.corrects_id == row.id and fix.direction == "in" and fix.person == "李四"
    assert RegisterEntry.get_by_id(row.id).note == ""


def test_cli_demo_data_and_print(tmp_path):
    url = "sqlite:///" + str(tmp_path / "demo.sqlite3")
    assert cli.main(["--database", url, "demo-data", "--customers", "8", "--jobs", "12"]) == 0
    from app.domain.counter.models import Job

    bootstrap.open_database(url)
    states = {j.state for j in Job.select()}
    assert len(states) >= 4
    number = Job.select().order_by(Job.id).first().number
    dbmod.close()
    out = tmp_path / "r.pdf"
    assert cli.main(["--database", url, "print", "receipt", number, "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert cli.main(["--database", url, "print", "voucher", "WX-1999-000001", "-o", str(out)]) == 2


def test_cli_bad_database_is_a_message_not_a_traceback(tmp_path):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"\x00garbage" * 200)
    proc = subprocess.run([sys.executable, "-m", "app", "--database", "sqlite:///" + str(bad), "migrate"],
                          capture_output=True, text=True, cwd=Path(__file__).resolve().parents[2])
    assert proc.returncode == 2
    assert "not a csdesk database" in proc.stderr and "Traceback" not in proc.stderr


def test_upgrade_a_version_1_database(tmp_path):
    """A database made by the first release (tests/data/schema_v1.sqlite3,
    with demo jobs) is backed up, upgraded, and keeps every row."""
    import shutil

    from app.domain.core.models import User
    from app.domain.counter.models import Job
    from app.domain.customers.models import Customer, CustomerContact

    src = Path(__file__).parents[1] / "data" / "schema_v1.sqlite3"
    path = tmp_path / "old.sqlite3"
    shutil.copy(src, path)
    before = sqlite3.connect(path).execute("SELECT count(*) FROM job").fetchone()[0]
    info = bootstrap.open_database("sqlite:///" + str(path))
    assert info.applied == list(range(2, migrations.SCHEMA_VERSION + 1))
    assert Job.select().count() == before > 0
    assert len(list(tmp_path.glob("old.sqlite3.v1-*.bak"))) == 1
    c = Customer.select().first()
    assert c.status == "active" and c.credit_limit is None
    CustomerContact.create(customer=c, name="李经理", mobile="13800000000")
    assert User.get(User.username == "admin").password_hash == ""
    dbmod.close()
    assert bootstrap.open_database("sqlite:///" + str(path)).applied == []


def test_upgrade_a_version_2_database(tmp_path):
    """A database made by the archive release (tests/data/schema_v2.sqlite3,
    demo customers, jobs and archive data) gains the field-service tables
    and keeps every row; a visit can be planned in it at once."""
    import datetime as dt
    import shutil

    from app.domain.core.models import User
    from app.domain.counter.models import Job
    from app.domain.customers.models import Customer, CustomerChange
    from app.domain.field.models import Visit, VisitPurpose

    src = Path(__file__).parents[1] / "data" / "schema_v2.sqlite3"
    path = tmp_path / "v2.sqlite3"
    shutil.copy(src, path)
    raw = sqlite3.connect(path)
    before = {t: raw.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("job", "customer", "customer_change", "user")}
    raw.close()
    info = bootstrap.open_database("sqlite:///" + str(path))
    assert info.applied == [3]
    assert len(list(tmp_path.glob("v2.sqlite3.v2-*.bak"))) == 1
    assert (Job.select().count(), Customer.select().count(), CustomerChange.select().count(),
            User.select().count()) == (before["job"], before["customer"], before["customer_change"],
                                       before["user"])
    assert before["job"] > 0 and before["customer_change"] > 0
    v = Visit.create(number="ZF-2026-000001", customer=Customer.select().first(), staff=User.select().first(),
                     kind="patrol", due_month=dt.date(2026, 11, 1))
    VisitPurpose.create(visit=v, code="patrol.A")
    assert [p.code for p in Visit.get_by_id(v.id).purposes] == ["patrol.A"]
    dbmod.close()


def test_migration_3_on_every_backend(any_db):
    """Migration 3 on each backend: a database put back to the v2 shape
    (no field-service tables, v2's search indexes, MariaDB's 700-character
    search text) gains the tables and indexes and keeps its customers."""
    import peewee as pw

    from app.domain.customers import customers
    from app.domain.customers.models import Customer
    from app.domain.schema import V3_MODELS

    db = dbmod.database.obj
    c = customers.create_customer("北京海淀华信电子有限公司", "010-62888899", "dealer", user=None)
    db.drop_tables(V3_MODELS)
    from app.domain.core.migrations import quote_name as q
    for index in ("customer_code_search", "customer_name_search", "customer_search_status"):
        if index not in {i.name for i in db.get_indexes("customer")}:
            continue   # PostgreSQL searches through its trigram index instead
        db.execute_sql(f"DROP INDEX {q(db, index)}" + (f" ON {q(db, 'customer')}"
                                                        if isinstance(db, pw.MySQLDatabase) else ""))
    if isinstance(db, pw.MySQLDatabase):
        db.execute_sql("ALTER TABLE `customer` MODIFY `search_text` VARCHAR(700) NOT NULL DEFAULT ''")
        db.execute_sql("CREATE INDEX `customer_search_text` ON `customer` (`search_text`)")
        db.execute_sql("UPDATE `customer` SET `search_text` = CONCAT(`search_text`, REPEAT('x', 600))")
    Meta.update(value="2").where(Meta.key == "schema_version").execute()
    assert migrations.migrate(db, backup=False) == [3]
    indexes = {i.name for i in db.get_indexes("customer")}
    assert {"customer_code_search", "customer_name_search"} <= indexes
    assert ("customer_search_status" in indexes) == (not isinstance(db, pw.PostgresqlDatabase))
    assert "customer_search_text" not in indexes
    assert set(db.get_tables()) >= {m._meta.table_name for m in V3_MODELS}
    got = Customer.get_by_id(c.id)
    assert got.name == "北京海淀华信电子有限公司" and len(got.search_text) <= customers.SEARCH_TEXT_MAX
    assert got.search_text.startswith(c.search_text)
