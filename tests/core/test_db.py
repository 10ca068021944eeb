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
    assert info.applied == list(range(3, migrations.SCHEMA_VERSION + 1))
    assert len(list(tmp_path.glob("v2.sqlite3.v2-*.bak"))) == 1
    assert (Job.select().count(), Customer.select().count(), CustomerChange.select().count(),
            User.select().count()) == (before["job"], before["customer"], before["customer_change"],
                                       before["user"])
    assert before["job"] > 0 and before["customer_change"] > 0
    v = Visit.create(number="ZF-2026-000001", customer=Customer.select().first(), staff=User.select().first(),
                     kind="patrol", due_month=dt.date(2026, 11, 1))
    VisitPurpose.create(visit=v, code="patrol.A")
    assert [p.code for p in Visit.get_by_id(v.id).purposes] == ["patrol.A"]
    from app.domain.counter.models import JobHistory
    assert {h.what for h in JobHistory.select()} >= {"created", "state"}
    assert not JobHistory.select().where(JobHistory.what.in_(("transition", "kind"))).exists()
    dbmod.close()


def test_migration_3_on_every_backend(any_db):
    """Migration 3 on each backend: a database put back to the v2 shape
    (no field-service tables, v2's search indexes, MariaDB's 700-character
    search text) gains the tables and indexes and keeps its customers."""
    import peewee as pw

    from app.domain.customers import customers
    from app.domain.customers.models import Customer
    from app.domain.schema import COMPLAINTS_MODELS, CONTACTS_MODELS, V3_MODELS, V4_MODELS

    db = dbmod.database.obj
    c = customers.create_customer("北京海淀华信电子有限公司", "010-62888899", "dealer", user=None)
    # (v8's tables point to v3's: they go first, and come back with migration 8.)
    db.drop_tables(COMPLAINTS_MODELS + CONTACTS_MODELS + V4_MODELS + V3_MODELS)
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
    assert migrations.migrate(db, backup=False) == list(range(3, migrations.SCHEMA_VERSION + 1))   # 4 finds job_history in its new shape already
    indexes = {i.name for i in db.get_indexes("customer")}
    assert {"customer_code_search", "customer_name_search"} <= indexes
    assert ("customer_search_status" in indexes) == (not isinstance(db, pw.PostgresqlDatabase))
    assert "customer_search_text" not in indexes
    assert set(db.get_tables()) >= {m._meta.table_name for m in V3_MODELS + V4_MODELS}
    got = Customer.get_by_id(c.id)
    assert got.name == "北京海淀华信电子有限公司" and len(got.search_text) <= customers.SEARCH_TEXT_MAX
    assert got.search_text.startswith(c.search_text)


def _job_history_rows(db) -> list[tuple]:
    return [tuple(r) for r in db.execute_sql(
        "SELECT id, what, old_value, new_value, note FROM job_history ORDER BY id").fetchall()]


@pytest.mark.parametrize("legacy", [False, True], ids=["drop-column", "rebuild"])
def test_upgrade_a_version_3_database(tmp_path, monkeypatch, legacy):
    """A database made by the field-service release (tests/data/schema_v3.sqlite3:
    demo data and, made with that release's code, a service-kind override,
    parts and labour removed, a customer informed, a receipt replaced, a lost
    receipt, a cancellation, a plan returned) is upgraded: job_history
    converted to the one history shape, its foreign keys and indexes kept
    (native DROP COLUMN, and the table rebuild of an SQLite older than 3.35);
    gift requests and plans get their reconstructed history."""
    import shutil

    from playhouse.migrate import SqliteMigrator

    from app.domain.counter.models import Job, JobHistory
    from app.domain.field.models import GiftRequest, GiftRequestHistory, VisitPlan, VisitPlanHistory

    if legacy:
        real = SqliteMigrator.drop_column
        monkeypatch.setattr(SqliteMigrator, "drop_column",
                            lambda self, table, column, cascade=True, legacy=False: real(self, table, column, cascade,
                                                                                           legacy=True))
    path = tmp_path / "v3.sqlite3"
    shutil.copy(Path(__file__).parents[1] / "data" / "schema_v3.sqlite3", path)
    raw = sqlite3.connect(path)
    old = {r[0]: r[1:] for r in raw.execute("SELECT id, event, from_state, to_state, note, job_id, user_id, at "
                                            "FROM job_history")}
    counts = {t: raw.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("job", "gift_request", "visit_plan", "visit", "customer_change")}
    raw.close()
    assert {e for e, *_ in old.values()} == {"created", "transition", "diagnosis", "part", "part_removed", "labour",
                                             "labour_removed", "kind", "informed", "receipt", "lost_receipt"}
    info = bootstrap.open_database("sqlite:///" + str(path))
    assert info.applied == list(range(4, migrations.SCHEMA_VERSION + 1))
    assert len(list(tmp_path.glob("v3.sqlite3.v3-*.bak"))) == 1
    db = dbmod.database.obj
    assert {c.name for c in db.get_columns("job_history")} == {"id", "job_id", "at", "user_id", "what", "old_value",
                                                                 "new_value", "note"}
    assert {(f.column, f.dest_table) for f in db.get_foreign_keys("job_history")} == {("job_id", "job"),
                                                                                     ("user_id", "user")}
    assert {i.name for i in db.get_indexes("job_history")} >= {"job_history_job_id", "job_history_user_id"}
    new = {h.id: h for h in JobHistory.select()}
    assert set(new) == set(old)                                 # every row kept, ids and links too
    for hid, (event, from_state, to_state, note, job_id, user_id, _at) in old.items():
        h = new[hid]
        assert (h.job_id, h.user_id) == (job_id, user_id)
        got = (h.what, h.old_value, h.new_value, h.note)
        if event == "transition":
            assert got == ("state", from_state, to_state, note)
        elif event == "created":
            assert got == ("created", "", "received", "")
        elif event in ("diagnosis", "part", "labour"):
            assert got == (event, "", note, "")
        elif event in ("part_removed", "labour_removed"):
            assert got == (event, note, "", "")
        elif event == "lost_receipt":
            assert got == (event, "", "", note)
    by_event = {}
    for hid, (event, *_rest) in sorted(old.items()):
        by_event.setdefault(event, []).append(new[hid])
    kinds = [(h.what, h.old_value, h.new_value, h.note) for h in by_event["kind"]]
    assert kinds == [("service_kind", "contract", "paid", "人为损坏：进液，客户确认: 自费"),
                     ("service_kind", "paid", "contract", "")]
    assert [(h.old_value, h.new_value, h.note) for h in by_event["informed"]] == [("", "phone", "已电话通知可取件")]
    assert [(h.new_value, h.note) for h in by_event["receipt"]] == [("LQ-2026-000041", "收据打印错误")]
    cancelled = [h for h in by_event["transition"] if h.new_value == "cancelled"]
    assert [(h.old_value, h.note) for h in cancelled] == [("received", "客户当场取消送修,登记作废")]
    assert Job.select().count() == counts["job"]
    # Reconstructed histories of gift requests and plans.
    assert GiftRequest.select().count() == counts["gift_request"] > 0
    for g in GiftRequest.select():
        rows = [(h.what, h.old_value, h.new_value, h.note, h.user_id, h.at)
                for h in g.history.order_by(GiftRequestHistory.at, GiftRequestHistory.id)]
        assert rows[0] == ("created", "", "requested", "", g.requested_by_id, g.requested_at)
        decided = [("status", "requested", "refused" if g.status == "refused" else "approved", g.decision_note,
                    g.decided_by_id, g.decided_at)] if g.decided_at else []
        given = [("status", "approved", "given", g.given_note, g.given_by_id, g.given_at)] if g.given_at else []
        assert rows[1:] == decided + given
    returned = VisitPlan.get(VisitPlan.status == "draft")
    assert [(h.what, h.old_value, h.new_value, h.note, h.user_id) for h in
            returned.history.order_by(VisitPlanHistory.at, VisitPlanHistory.id)] == [
        ("created", "", "draft", "", None), ("status", "draft", "submitted", "", None),
        ("status", "submitted", "draft", "请补充重点客户的走访。", returned.decided_by_id)]
    approved = VisitPlan.select().where(VisitPlan.status == "approved")
    assert approved.count() == counts["visit_plan"] - 1
    for p in approved:
        assert [h.new_value for h in p.history.order_by(VisitPlanHistory.at, VisitPlanHistory.id)] == [
            "draft", "submitted", "approved"]
    dbmod.close()
    assert bootstrap.open_database("sqlite:///" + str(path)).applied == []


def test_migration_4_on_every_backend(any_db, staff):
    """Migration 4 on each backend: a fresh database put back to the v3
    shape of job_history (event, from_state, to_state, note; no what, old
    and new values), without the two history tables, at version 3, with
    old-shape rows, is converted."""
    import peewee as pw
    from playhouse.migrate import SchemaMigrator
    from playhouse.migrate import migrate as run_ops

    from app.domain.counter.models import JobHistory
    from app.domain.field import gifts, visit_plans
    from app.domain.field.gifts import ItemInput
    from app.domain.field.models import GiftRequestHistory, VisitPlanHistory
    from app.domain.schema import V4_MODELS

    db = dbmod.database.obj
    biz, boss = staff["business"], staff["manager"]
    res = take_in(staff["counter"])
    g = gifts.request_gift(biz, res.job.customer_id, [ItemInput("台历", 10, "18", "promo")], "年底寄送")
    g = gifts.refuse(boss, g.id, g.version, "超出标准")
    plan = visit_plans.create_plan(biz, biz.id, "annual", 2026)
    # Back to v3.
    db.drop_tables(V4_MODELS)
    m = SchemaMigrator.from_database(db)
    run_ops(m.add_column("job_history", "event", pw.CharField(max_length=24, default="")),
            m.add_column("job_history", "from_state", pw.CharField(max_length=16, default="")),
            m.add_column("job_history", "to_state", pw.CharField(max_length=16, default="")),
            *[m.drop_column("job_history", c) for c in ("what", "old_value", "new_value")])
    old = pw.Table("job_history", ("id", "job_id", "at", "user_id", "event", "from_state", "to_state", "note")
                   ).bind(db)
    old.delete().execute()
    at, job, user = res.job.received_at, res.job.id, staff["tech"].id
    rows = [("created", "", "received", ""), ("transition", "received", "diagnosing", ""),
            ("diagnosis", "", "", "主板损坏"), ("part", "", "", "主板 x 1 @ 1280.00"),
            ("part_removed", "", "", "主板 x 1"), ("labour", "", "", "1.5 h @ 80.00"),
            ("labour_removed", "", "", "1.5 h"), ("kind", "", "", "free -> paid: 人为损坏：进液"),
            ("kind", "", "", "paid -> free"), ("kind", "", "", "改为收费"), ("informed", "", "", "sms: 周五来取"),
            ("informed", "", "", "phone"), ("receipt", "", "", "新收据 LQ-2026-000002：打印错误"),
            ("transition", "diagnosing", "ready", "客户不修了"), ("lost_receipt", "", "", "收据遗失；证件号 123456")]
    for event, a, b, note in rows:
        old.insert(job_id=job, at=at, user_id=user, event=event, from_state=a, to_state=b, note=note).execute()
    Meta.update(value="3").where(Meta.key == "schema_version").execute()

    assert migrations.migrate(db, backup=False) == list(range(4, migrations.SCHEMA_VERSION + 1))
    assert {c.name for c in db.get_columns("job_history")} == {"id", "job_id", "at", "user_id", "what", "old_value",
                                                                 "new_value", "note"}
    got = [(h.what, h.old_value, h.new_value, h.note) for h in JobHistory.select().order_by(JobHistory.id)]
    assert got == [("created", "", "received", ""), ("state", "received", "diagnosing", ""),
                   ("diagnosis", "", "主板损坏", ""), ("part", "", "主板 x 1 @ 1280.00", ""),
                   ("part_removed", "主板 x 1", "", ""), ("labour", "", "1.5 h @ 80.00", ""),
                   ("labour_removed", "1.5 h", "", ""), ("service_kind", "free", "paid", "人为损坏：进液"),
                   ("service_kind", "paid", "free", ""), ("service_kind", "", "", "改为收费"),
                   ("informed", "", "sms", "周五来取"), ("informed", "", "phone", ""),
                   ("receipt", "", "LQ-2026-000002", "打印错误"), ("state", "diagnosing", "ready", "客户不修了"),
                   ("lost_receipt", "", "", "收据遗失；证件号 123456")]
    assert {h.user_id for h in JobHistory.select()} == {user}
    assert [(h.what, h.old_value, h.new_value, h.note, h.user_id) for h in
            GiftRequestHistory.select().order_by(GiftRequestHistory.at, GiftRequestHistory.id)] == [
        ("created", "", "requested", "", biz.id), ("status", "requested", "refused", "超出标准", boss.id)]
    assert [(h.what, h.new_value, h.user_id) for h in VisitPlanHistory.select()] == [("created", "draft", biz.id)]
    assert plan.id == VisitPlanHistory.get().plan_id
    from app.domain.counter import jobs

    jobs.perform(job, "start_diagnosis", staff["tech"], None)
    assert [h.what for h in JobHistory.select().order_by(JobHistory.id.desc()).limit(2)] == ["technician", "state"]
