"""The books at scale (schema v5): lists read by key, counts with a cap, the
register's totals kept by each write, the searches through units and
customers, and migration 5 on every backend. (Speed itself is measured by
``tools/benchmark.py --only scale``, not here.)"""
from __future__ import annotations

import datetime as dt
import threading

import pytest

from app.domain.core import migrations as engine
from app.domain.core import paging
from app.domain.core.db import database
from app.domain.core.errors import ValidationError
from app.domain.core.models import Meta
from app.domain.counter import register, register_totals, release, workshop
from app.domain.counter.models import Job, RegisterDayTotal, RegisterEntry
from app.domain.schema import SCHEMA_VERSION, migrate
from tests.counter.test_ui_register import bulk_register, hand_back, take

TODAY = dt.date.today()


@pytest.fixture
def shop(any_db, staff):
    """Four jobs: two handed back, one corrected, one cancelled."""
    a = take(staff, "CN-0AAA111", "王芳", days_ago=3)
    b = take(staff, "CN-0BBB222", "李娜", days_ago=2)
    c = take(staff, "CN-0CCC333", "张伟", days_ago=40)
    d = take(staff, "CN-0DDD444", "北京海淀华信电子有限公司")
    hand_back(a, staff, "王芳")
    hand_back(c, staff, "张伟")
    in_b = RegisterEntry.get((RegisterEntry.job == b.id) & (RegisterEntry.direction == "in"))
    register.correct(in_b.id, staff["counter"], "经手人写错", person="李娜的司机")
    return dict(a=a, b=b, c=c, d=d)


def all_keys(query, order, page=3):
    keys, after = [], None
    while True:
        more = paging.page_keys(query, order, RegisterEntry.id, after, page)
        keys += more
        if len(more) < page:
            return [k[0] for k in keys]
        after = more[-1]


@pytest.mark.parametrize("column,desc", [("at", True), ("at", False), ("serial", False), ("user", True),
                                         ("user", False), ("corrects", False), ("corrects", True)])
def test_pages_by_key_cover_the_list_once_in_order(shop, staff, column, desc):
    """Read 3 at a time, every row comes once and in the database's own
    order, with ties (the same minute) and NULLs (no staff, no corrected row)."""
    bulk_register(11, shop["a"])                      # rows a minute apart, no staff
    first = RegisterEntry.select().order_by(RegisterEntry.id).first()
    for k in range(4):                                # ties on the time
        RegisterEntry.insert(number=f"JC-2019-{k:06d}", at=first.at, direction="in", job=first.job_id,
                             unit=first.unit_id, customer=first.customer_id, serial=f"SN-TIE-{k % 2}",
                             product="p", customer_name="王芳", user=staff["counter"].id if k % 2 else None
                             ).execute()
    expr = getattr(RegisterEntry, column)
    order = [(expr, desc)]
    query = RegisterEntry.select()
    whole = [i for (i,) in query.select(RegisterEntry.id).order_by(*paging.order_by(order, RegisterEntry.id))
             .tuples()]
    assert all_keys(query, order) == whole
    assert len(whole) == RegisterEntry.select().count()


def test_count_with_a_cap(shop):
    q = RegisterEntry.select()
    n = q.count()
    assert paging.capped_count(q, n + 5) == (n, False)
    assert paging.capped_count(q, n) == (n, False)
    assert paging.capped_count(q, 3) == (3, True)


def test_totals_kept_by_each_write_match_the_register(shop, staff):
    release.cancel_job(shop["d"].id, staff["counter"], shop["d"].version, "录入错误")
    out_a = RegisterEntry.get((RegisterEntry.job == shop["a"].id) & (RegisterEntry.direction == "out"))
    register.correct(out_a.id, staff["counter"], "登记错了", direction="void")
    kept = register_totals.totals()
    assert kept == register_totals.counted_from_register() == {"in": 3, "out": 1, "void": 2}
    for period in ((TODAY, None), (TODAY - dt.timedelta(days=41), TODAY - dt.timedelta(days=39)),
                   (None, TODAY - dt.timedelta(days=10))):
        assert register_totals.totals(*period) == register_totals.counted_from_register(*period)
    assert register.totals()[0] == kept and register.totals()[1] is False
    before = sorted(RegisterDayTotal.select(RegisterDayTotal.day, RegisterDayTotal.direction,
                                            RegisterDayTotal.entries).where(RegisterDayTotal.entries != 0).tuples())
    with database.atomic():
        register_totals.recompute()
    assert sorted(RegisterDayTotal.select(RegisterDayTotal.day, RegisterDayTotal.direction,
                                          RegisterDayTotal.entries).tuples()) == before


def test_a_row_is_corrected_once(shop, staff):
    """A superseded row is not corrected again (the totals count a movement once);
    cancelling a job whose "in" row was corrected voids the correction."""
    in_b = RegisterEntry.get((RegisterEntry.job == shop["b"].id) & (RegisterEntry.direction == "in")
                             & RegisterEntry.corrects.is_null())
    with pytest.raises(ValidationError) as e:
        register.correct(in_b.id, staff["counter"], "又错了", person="别人")
    assert "corrected already" in str(e.value.fields["entry"])
    job = Job.get_by_id(shop["b"].id)
    release.cancel_job(job.id, staff["counter"], job.version, "录入错误")
    void = RegisterEntry.get((RegisterEntry.job == job.id) & (RegisterEntry.direction == "void"))
    assert void.corrects.person == "李娜的司机"
    assert register_totals.totals() == register_totals.counted_from_register()


def test_two_stations_correcting_one_row(shop, staff):
    """Two stations void the same row at the same moment: one succeeds, the
    other is told the row was corrected already, and the totals stay exact."""
    in_d = RegisterEntry.get((RegisterEntry.job == shop["d"].id) & (RegisterEntry.direction == "in"))
    barrier, results = threading.Barrier(2), []

    def station():
        try:
            barrier.wait(5)
            register.correct(in_d.id, staff["counter"], "作废", direction="void")
            results.append("ok")
        except ValidationError:
            results.append("refused")
        finally:
            database.close()

    threads = [threading.Thread(target=station) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(results) == ["ok", "refused"]
    assert RegisterEntry.select().where(RegisterEntry.corrects == in_d.id).count() == 1
    assert register_totals.totals() == register_totals.counted_from_register()


def test_searches_through_units_and_customers(shop, monkeypatch):
    """The serial and customer searches find the same rows whether few units /
    customers match (their ids) or many (a subquery); a customer is found by
    name, code, phone or pinyin initials, as in the intake's search."""
    def found(**kw):
        return [r.id for r in register.query(**kw)]

    for kw, jobs in ((dict(serial="bbb2"), ["b"]), (dict(serial="CN-0"), ["a", "b", "c", "d"]),
                     (dict(customer="李娜"), ["b"]), (dict(customer="bjhd"), ["d"]),
                     (dict(customer=shop["d"].customer.code), ["d"]), (dict(serial="NOPE"), []),
                     (dict(customer="王芳", serial="CCC"), [])):
        few = found(**kw)
        monkeypatch.setattr(register, "PROBE", 0)
        many = found(**kw)
        monkeypatch.undo()
        expected = [r.id for r in RegisterEntry.select().where(RegisterEntry.job.in_([shop[j].id for j in jobs]))
                    .order_by(RegisterEntry.at.desc(), RegisterEntry.id.desc())]
        assert few == many == expected, kw
    totals, capped = register.totals(serial="CN-0AAA")
    assert totals == {"in": 1, "out": 1, "void": 0} and not capped
    assert register.totals(customer="CU", cap=2)[1] is True


def test_chips_count_the_open_states(shop):
    counts = workshop.counts_by_state()
    assert set(counts) <= set(workshop.OPEN_STATES) and sum(counts.values()) == workshop.open_count() == 2


def test_migration_6_on_every_backend(shop):
    """A database put back to v5 (no register_day_total, none of the
    counter's v6 indexes) is migrated: the totals are filled from the
    register and the indexes made."""
    from app.domain.counter import indexes

    db = database.obj
    expected = register_totals.counted_from_register()
    db.drop_tables([RegisterDayTotal])
    for table, name, _cols in indexes.INDEXES:
        db.execute_sql(f"DROP INDEX {engine.quote_name(db, name)}"
                       + (f" ON {engine.quote_name(db, table)}" if db.__class__.__name__.startswith("MySQL")
                          else ""))
    Meta.update(value="5").where(Meta.key == "schema_version").execute()
    assert migrate(db, backup=False) == list(range(6, SCHEMA_VERSION + 1))
    assert register_totals.totals() == expected
    for table, name, _cols in indexes.INDEXES:
        assert name in {i.name for i in db.get_indexes(table)}
    assert migrate(db, backup=False) == []


def test_an_empty_database_gets_the_v6_schema(any_db):
    from app.domain.counter import indexes

    db = database.obj
    assert "register_day_total" in db.get_tables()
    for table, name, _cols in indexes.INDEXES:
        assert name in {i.name for i in db.get_indexes(table)}


def test_customer_panel_reads_jobs_and_units_by_page(db, staff, qtbot, qtmodeltester):
    """A big account's page: the first page of its 251 jobs and 231 units,
    the next as the view scrolls, newest job first."""
    from app.domain.counter.models import Unit
    from app.ui.base.context import AppContext
    from app.ui.counter.customer_panel import CustomerCounterPanel

    first = take(staff, "CN-0AAA111", "中国工商银行北京分行")
    fields = {f.name: getattr(first, f.name) for f in Job._meta.sorted_fields if f.name != "id"}
    start = dt.datetime(2020, 1, 1)
    Unit.insert_many([dict(serial=f"FLEET{i:04d}", product=first.unit.product_id, owner=first.customer_id)
                      for i in range(230)]).execute()
    Job.insert_many([{**fields, "number": f"WX-2020-{i:06d}", "received_at": start + dt.timedelta(hours=i),
                      "state": "delivered"} for i in range(250)]).execute()
    panel = CustomerCounterPanel(AppContext(staff["manager"]), first.customer_id)
    qtbot.addWidget(panel)
    jobs, units = panel.jobs_model, panel.units_model
    assert jobs.rowCount() == jobs.PAGE and jobs.canFetchMore() and units.rowCount() == units.PAGE
    assert jobs.object_at(0).number == first.number and jobs.object_at(1).number == "WX-2020-000249"
    qtmodeltester.check(jobs)
    qtmodeltester.check(units)
    assert jobs.rowCount() == 251 and units.rowCount() == 231 and not jobs.canFetchMore()
    assert jobs.object_at(250).number == "WX-2020-000000"
