"""Several counters doing the same thing at the same moment, each in its own
process (as on several PCs), on SQLite, PostgreSQL and MariaDB: what must
hold inside the transaction holds, the second station gets a clear
message, and nobody is told "database unavailable"."""
from __future__ import annotations

import datetime as dt
import multiprocessing

import pytest

from app.domain.counter import intake, register
from app.domain.counter.models import Job, Product, Receipt, RegisterEntry, Unit
from app.domain.customers import customers
from tests.stations import station

pytestmark = pytest.mark.slow

STATIONS = 4
MP = multiprocessing.get_context("spawn")


def _customer():
    return customers.create_customer("北京海淀华信电子有限公司", "010-62888899", "dealer", "", user=None)


def _start(target, *per_station_args):
    """One process per station, all released together by a barrier."""
    barrier, queue = MP.Barrier(len(per_station_args)), MP.Queue()
    procs = [MP.Process(target=target, args=(*args[:1], n, *args[1:]), kwargs={"barrier": barrier, "queue": queue},
                        daemon=True)
             for n, args in enumerate(per_station_args)]
    for p in procs:
        p.start()
    out = station.collect(queue, len(procs))
    for p in procs:
        p.join(30)
    return out


def _ok(out):
    return [m for m in out if m[2] == "ok"]


def _errors(out):
    return [m for m in out if m[2] == "error"]


def _no_database_trouble(out):
    assert not [m for m in _errors(out) if m[3] in ("DatabaseUnavailable", "ConnectionLost", "DatabaseBusy",
                                                    "Deadlock", "OperationalError", "InternalError")], out


def test_the_same_unit_taken_in_twice_at_once(any_db, staff):
    """A known unit saved by four counters at once: one job, one receipt, one "in"
    row; the others are told it is in the shop already."""
    c = _customer()
    first = intake.take_in(station.intake_form(c.id, "SN-RACE-1"), staff["counter"])
    from app.domain.counter import release
    release.cancel_job(first.job.id, staff["counter"], None, "试单")      # the unit is known, and out of the shop
    out = _start(station.run_intakes, *[(any_db, c.id, ["SN-RACE-1"]) for _ in range(STATIONS)])
    _no_database_trouble(out)
    assert len(_ok(out)) == 1
    assert all(m[3] == "ValidationError" and "already in the shop" in m[4] for m in _errors(out))
    unit = Unit.get(Unit.serial == "SN-RACE-1")
    open_jobs = Job.select().where((Job.unit == unit) & Job.state.not_in(("delivered", "cancelled", "returned")))
    assert open_jobs.count() == 1
    job = open_jobs.get()
    assert Receipt.select().where(Receipt.job == job).count() == 1
    assert RegisterEntry.select().where((RegisterEntry.job == job) & (RegisterEntry.direction == "in")).count() == 1


def test_the_same_new_serial_and_the_same_new_model(any_db, staff):
    """Four counters register one new serial: one unit, one job. Four others
    register four new serials of one new model: one product, four jobs."""
    c = _customer()
    out = _start(station.run_intakes, *[(any_db, c.id, ["SN-NEW-1"]) for _ in range(STATIONS)])
    _no_database_trouble(out)
    assert len(_ok(out)) == 1 and Unit.select().where(Unit.serial == "SN-NEW-1").count() == 1
    assert all("already in the shop" in m[4] for m in _errors(out)), _errors(out)
    out = _start(station.run_intakes, *[(any_db, c.id, [f"SN-MODEL-{n}"]) for n in range(STATIONS)])
    kw_model = [m for m in out]
    assert len(_ok(kw_model)) == STATIONS, _errors(out)
    assert Product.select().where(Product.model == "TP-X1C-G11").count() == 1


def test_new_year_numbers_from_four_counters(any_db, staff):
    """The first jobs of a year nobody has numbered yet (no series rows), from
    four counters at once: unique and gap-free, and no deadlock reaches anyone."""
    c = _customer()
    when = dt.datetime(2031, 1, 2, 9, 0)
    out = _start(station.run_intakes, *[(any_db, c.id, [f"SN-Y-{n}-{i}" for i in range(3)], "TP-X1C-G11", 0.0, when)
                                       for n in range(STATIONS)])
    _no_database_trouble(out)
    assert len(_ok(out)) == STATIONS * 3, _errors(out)
    assert sorted(m[3][0] for m in _ok(out)) == [f"WX-2031-{i:06d}" for i in range(1, STATIONS * 3 + 1)]
    assert sorted(m[3][1] for m in _ok(out)) == [f"LQ-2031-{i:06d}" for i in range(1, STATIONS * 3 + 1)]


def test_four_clerks_correct_one_register_row(any_db, staff):
    c = _customer()
    res = intake.take_in(station.intake_form(c.id, "SN-REG-1"), staff["counter"])
    out = _start(station.run_action, *[(any_db, "correct", (res.register_row.id, "clerk")) for _ in range(STATIONS)])
    _no_database_trouble(out)
    assert len(_ok(out)) == 1
    assert all(m[3] == "ValidationError" and "corrected already" in m[4] for m in _errors(out))
    assert RegisterEntry.select().where(RegisterEntry.corrects == res.register_row.id).count() == 1


def test_a_correction_racing_a_cancel(any_db, staff):
    """Whichever commits first, the register's chain of the "in" row has one
    row per step and ends voided: no row is corrected twice."""
    c = _customer()
    res = intake.take_in(station.intake_form(c.id, "SN-REG-2"), staff["counter"])
    out = _start(station.run_action, (any_db, "correct", (res.register_row.id, "clerk")),
                 (any_db, "cancel", (res.job.id, "boss")))
    _no_database_trouble(out)
    assert Job.get_by_id(res.job.id).state == "cancelled"
    rows = list(RegisterEntry.select().where(RegisterEntry.job == res.job.id).order_by(RegisterEntry.id))
    corrected = [r.corrects_id for r in rows if r.corrects_id]
    assert len(corrected) == len(set(corrected))
    assert register.latest_of(rows[0]).direction == "void"


def test_a_correction_racing_a_release(any_db, staff):
    """A clerk corrects the "in" row of a job another clerk is handing back:
    both lock the job first, so one waits; both are saved, no deadlock."""
    from app.domain.counter import jobs

    c = _customer()
    res = intake.take_in(station.intake_form(c.id, "SN-REL-1"), staff["counter"])
    for action in ("start_diagnosis", "start_repair", "finish_repair", "mark_ready"):
        jobs.perform(res.job.id, action, staff["tech"], None)
    out = _start(station.run_action, (any_db, "correct", (res.register_row.id, "clerk")),
                 (any_db, "release", (res.job.id, res.receipt.number, "clerk")))
    _no_database_trouble(out)
    assert len(_ok(out)) == 2, _errors(out)
    assert Job.get_by_id(res.job.id).state == "delivered"
    rows = list(RegisterEntry.select().where(RegisterEntry.job == res.job.id).order_by(RegisterEntry.id))
    assert sorted(r.direction for r in rows) == ["in", "in", "out"] and rows[0].id == res.register_row.id


def test_parts_added_to_one_job_from_four_stations(any_db, staff):
    """Four technicians add a part to one job at once: every part lands (no
    deadlock reaches anyone; MariaDB used to answer 1213)."""
    from app.domain.counter import jobs

    c = _customer()
    res = intake.take_in(station.intake_form(c.id, "SN-PART-1"), staff["counter"])
    jobs.perform(res.job.id, "start_diagnosis", staff["tech"], None)
    out = _start(station.run_action, *[(any_db, "part", (res.job.id, "tech")) for _ in range(STATIONS)])
    _no_database_trouble(out)
    assert len(_ok(out)) == STATIONS
    assert Job.get_by_id(res.job.id).parts.count() == STATIONS


def test_contacts_edited_on_one_archive_from_two_stations(any_db, staff):
    """Two stations save the same archive read at the same version: one wins,
    the other is told another station changed it (not a network problem)."""
    from app.domain.customers.models import Customer

    c = _customer()
    version = Customer.get_by_id(c.id).version
    out = _start(station.run_action, *[(any_db, "contacts", (c.id, version, "info")) for _ in range(2)])
    _no_database_trouble(out)
    assert len(_ok(out)) == 1
    assert [m[3] for m in _errors(out)] == ["ConcurrentChange"]
