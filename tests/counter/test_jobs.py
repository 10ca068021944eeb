"""The job state machine, service kind, charges, release and the register,
on every configured backend (SQLite always; PostgreSQL / MariaDB in CI)."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import peewee as pw
import pytest

from app.domain.core import auth
from app.domain.core.errors import ConcurrentChange, PermissionDenied, TransitionNotAllowed, ValidationError
from app.domain.counter import charges, intake, jobs, products, register, release
from app.domain.counter.models import Job, JobHistory, Receipt, RegisterEntry, Unit
from tests.helpers import make_customer, take_in


def walk(job, user, *actions):
    for a in actions:
        job = jobs.perform(job.id, a, user, job.version, note="测试" if jobs.ACTIONS[a][2] else "")
    return job


def test_intake_writes_job_receipt_history_and_in_row(any_db, staff):
    res = take_in(staff["counter"])
    job = res.job
    assert job.number.startswith("WX-") and job.state == "received"
    assert [i.description for i in job.items] == ["主机", "电源适配器"]
    assert res.receipt.number.startswith("LQ-") and res.receipt.status == "valid"
    h = list(job.history)
    assert [(x.what, x.new_value, x.user_id) for x in h] == [("created", "received", staff["counter"].id)]
    rows = list(RegisterEntry.select())
    assert len(rows) == 1 and rows[0].direction == "in" and rows[0].serial == "PF3K9A2B"
    assert rows[0].customer_name == "北京海淀华信电子有限公司"


def test_failed_intake_writes_nothing(any_db, staff):
    c = make_customer()
    form = intake.IntakeForm(customer_id=c.id, serial="NEW123", fault="  ", items=[],
                             product_model="M1", product_name="Model")
    with pytest.raises(ValidationError) as e:
        intake.take_in(form, staff["counter"])
    assert set(e.value.fields) >= {"fault", "items"}
    assert Job.select().count() == 0 and RegisterEntry.select().count() == 0
    assert products.find_unit("NEW123") is None


def test_unit_already_in_shop_is_refused(any_db, staff):
    take_in(staff["counter"])
    with pytest.raises(ValidationError) as e:
        take_in(staff["counter"], customer=make_customer("李四", "13800138000", "end_user"))
    assert "serial" in e.value.fields


def test_full_path_to_delivery(any_db, staff):
    res = take_in(staff["counter"])
    tech = staff["tech"]
    job = walk(res.job, tech, "start_diagnosis")
    assert job.technician_id == tech.id  # the technician who starts takes the job
    job = jobs.set_diagnosis(job.id, "主板供电芯片损坏", tech, job.version)
    job = walk(job, tech, "wait_parts", "start_repair")
    job = jobs.add_part(job.id, "主板", "1", "1280", tech, job.version)
    job = jobs.add_labour(job.id, "1.5", "80", tech, job.version)
    job = walk(job, tech, "finish_repair", "mark_ready")
    assert job.state == "ready" and job.outcome == "repaired"
    job = release.release(job.id, res.receipt.number, "张三", staff["counter"], job.version)
    assert job.state == "delivered" and job.collected_by == "张三"
    states = [(h.old_value, h.new_value) for h in job.history.where(JobHistory.what == "state")
              .order_by(JobHistory.id)]
    assert states == [("received", "diagnosing"), ("diagnosing", "waiting_parts"),
                      ("waiting_parts", "repairing"), ("repairing", "repaired"), ("repaired", "ready"),
                      ("ready", "delivered")]
    dirs = [r.direction for r in RegisterEntry.select().order_by(RegisterEntry.id)]
    assert dirs == ["in", "out"]
    assert Receipt.get(Receipt.number == res.receipt.number).status == "used"


@pytest.mark.parametrize("state,action", [("received", "finish_repair"), ("received", "mark_ready"),
                                          ("received", "wait_parts"), ("diagnosing", "finish_repair")])
def test_disallowed_transitions(db, staff, state, action):
    job = take_in(staff["counter"]).job
    if state == "diagnosing":
        job = walk(job, staff["tech"], "start_diagnosis")
    with pytest.raises(TransitionNotAllowed):
        jobs.perform(job.id, action, staff["tech"], job.version)
    assert Job.get_by_id(job.id).state == state


def test_allowed_actions_match_table(db, staff):
    job = take_in(staff["counter"]).job
    assert set(jobs.allowed_actions(job)) == {"start_diagnosis", "give_up", "cancel"}
    job = walk(job, staff["tech"], "start_diagnosis", "start_repair", "finish_repair")
    assert set(jobs.allowed_actions(job)) == {"mark_ready", "rework"}


def test_note_required_for_give_up(db, staff):
    job = take_in(staff["counter"]).job
    with pytest.raises(ValidationError):
        jobs.perform(job.id, "give_up", staff["tech"], job.version, note=" ")


def test_release_needs_ready_and_the_right_receipt(any_db, staff):
    res = take_in(staff["counter"])
    other = take_in(staff["counter"], customer=make_customer("李四", "13800138000", "end_user"), serial="ZZ999")
    job = res.job
    with pytest.raises(TransitionNotAllowed):
        release.release(job.id, res.receipt.number, "张三", staff["counter"], job.version)
    job = walk(job, staff["tech"], "start_diagnosis", "start_repair", "finish_repair", "mark_ready")
    with pytest.raises(ValidationError) as e:
        release.release(job.id, other.receipt.number, "张三", staff["counter"], job.version)
    assert "receipt" in e.value.fields
    with pytest.raises(ValidationError):
        release.release(job.id, res.receipt.number, "", staff["counter"], job.version)
    assert RegisterEntry.select().where(RegisterEntry.direction == "out").count() == 0
    assert Job.get_by_id(job.id).state == "ready"


def test_lost_receipt_needs_manager_and_voids_receipt(any_db, staff):
    res = take_in(staff["counter"])
    job = walk(res.job, staff["tech"], "start_diagnosis", "start_repair", "finish_repair", "mark_ready")
    with pytest.raises(PermissionDenied):
        release.release_without_receipt(job.id, "张三", "110101199001011234", staff["counter"],
                                        staff["counter"], job.version)
    auth.set_password(None, staff["manager"], "approve-2026-pw")
    with pytest.raises(ValidationError):  # an approver away from the counter confirms with a password
        release.release_without_receipt(job.id, "张三", "110101199001011234", staff["manager"],
                                        staff["counter"], job.version, reason="客户收据丢失")
    job = release.release_without_receipt(job.id, "张三", "110101199001011234", staff["manager"],
                                          staff["counter"], job.version, reason="客户收据丢失",
                                          approver_password="approve-2026-pw")
    assert job.state == "delivered" and job.release_method == "id_document"
    assert job.release_approved_by_id == staff["manager"].id
    r = Receipt.get(Receipt.number == res.receipt.number)
    assert r.status == "void" and "遗失" in r.void_reason
    # The void receipt can never be used again (the number stays on record).
    assert Receipt.select().where(Receipt.number == res.receipt.number).count() == 1


def test_give_up_returns_unrepaired(db, staff):
    res = take_in(staff["counter"])
    job = walk(res.job, staff["tech"], "start_diagnosis")
    job = jobs.perform(job.id, "give_up", staff["tech"], job.version, note="客户不同意报价")
    assert job.state == "ready" and job.outcome == "unrepaired"
    job = release.release(job.id, res.receipt.number, "张三", staff["counter"], job.version)
    assert job.state == "returned"


def test_cancel_voids_receipt_and_in_row_by_correction(any_db, staff):
    res = take_in(staff["counter"])
    job = release.cancel_job(res.job.id, staff["counter"], res.job.version, "录入错误")
    assert job.state == "cancelled"
    assert Receipt.get_by_id(res.receipt.id).status == "void"
    rows = list(RegisterEntry.select().order_by(RegisterEntry.id))
    assert [r.direction for r in rows] == ["in", "void"]
    assert rows[1].corrects_id == rows[0].id
    assert register.corrected_ids() == {rows[0].id}


def test_concurrent_change_is_reported_not_overwritten(any_db, staff):
    job = take_in(staff["counter"]).job
    station_a = Job.get_by_id(job.id)
    station_b = Job.get_by_id(job.id)
    jobs.set_diagnosis(station_b.id, "B 的诊断", staff["tech2"], station_b.version)
    with pytest.raises(ConcurrentChange):
        jobs.set_diagnosis(station_a.id, "A 的诊断", staff["tech"], station_a.version)
    assert Job.get_by_id(job.id).diagnosis == "B 的诊断"


def test_work_recorded_only_while_working(db, staff):
    job = take_in(staff["counter"]).job
    with pytest.raises(TransitionNotAllowed):
        jobs.add_part(job.id, "主板", 1, 100, staff["tech"], job.version)
    job = walk(job, staff["tech"], "start_diagnosis")
    with pytest.raises(ValidationError) as e:
        jobs.add_part(job.id, "主板", "abc", "-1", staff["tech"], job.version)
    assert set(e.value.fields) == {"quantity", "unit_price"}


# -- service kind ----------------------------------------------------------

def test_kind_free_within_warranty(db, staff):
    job = take_in(staff["counter"], sale_date=dt.date.today() - dt.timedelta(days=30)).job
    assert job.service_kind == job.computed_kind == "free"


def test_kind_paid_after_warranty(db, staff):
    job = take_in(staff["counter"], sale_date=dt.date.today() - dt.timedelta(days=400)).job
    assert job.service_kind == "paid"


def test_warranty_ends_on_last_day():
    from types import SimpleNamespace

    u = SimpleNamespace(sale_date=dt.date(2025, 1, 31), product=SimpleNamespace(warranty_months=1))
    assert products.warranty_until(u) == dt.date(2025, 2, 27)
    u = SimpleNamespace(sale_date=dt.date(2024, 2, 29), product=SimpleNamespace(warranty_months=12))
    assert products.warranty_until(u) == dt.date(2025, 2, 27)


def test_kind_contract_with_agreement_and_charges(any_db, staff):
    c = make_customer()
    u = products.register_unit("AG001", products.get_or_create_product("HP-M429", "惠普打印机", 12), c,
                               dt.date.today() - dt.timedelta(days=800))
    ag = products.create_agreement(c, [u], dt.date.today() - dt.timedelta(days=10),
                                   dt.date.today() + dt.timedelta(days=300), covers_parts=False,
                                   covers_labour=True, user=staff["manager"])
    res = intake.take_in(intake.IntakeForm(customer_id=c.id, serial="ag001", fault="卡纸"), staff["counter"])
    job = res.job
    assert job.service_kind == "contract" and job.agreement_id == ag.id
    job = walk(job, staff["tech"], "start_diagnosis", "start_repair")
    job = jobs.add_part(job.id, "搓纸轮", 2, "45.50", staff["tech"], job.version)
    job = jobs.add_labour(job.id, "1.5", "80", staff["tech"], job.version)
    ch = charges.compute(job)
    assert ch.parts_total == Decimal("91.00") and ch.labour_total == Decimal("120.00")
    assert ch.covered == Decimal("120.00") and ch.due == Decimal("91.00")
    job = walk(job, staff["tech"], "finish_repair", "mark_ready")
    with pytest.raises(ValidationError):  # due but no payment
        release.release(job.id, res.receipt.number, "张三", staff["counter"], job.version)
    with pytest.raises(ValidationError):  # wrong amount
        release.release(job.id, res.receipt.number, "张三", staff["counter"], job.version,
                        release.Payment("90", "cash"))
    job = release.release(job.id, res.receipt.number, "张三", staff["counter"], job.version,
                          release.Payment("91.00", "wechat"))
    assert job.amount_paid == Decimal("91.00") and job.payment_method == "wechat"


def test_free_job_shows_cost_but_charges_nothing(db, staff):
    job = take_in(staff["counter"]).job
    job = walk(job, staff["tech"], "start_diagnosis", "start_repair")
    job = jobs.add_part(job.id, "主板", 1, "1280", staff["tech"], job.version)
    ch = charges.compute(job)
    assert ch.gross_total == Decimal("1280.00") and ch.due == Decimal("0.00")


def test_kind_override_needs_reason(db, staff):
    c = make_customer()
    form = intake.IntakeForm(customer_id=c.id, serial="OV1", fault="x", product_model="M", product_name="M",
                             sale_date=dt.date.today() - dt.timedelta(days=10), service_kind="paid")
    with pytest.raises(ValidationError) as e:
        intake.take_in(form, staff["counter"])
    assert "kind_reason" in e.value.fields
    form.kind_reason = "人为损坏：进液"
    job = intake.take_in(form, staff["counter"]).job
    assert job.service_kind == "paid" and job.computed_kind == "free" and job.kind_reason


def test_inform_customer_recorded(db, staff):
    job = take_in(staff["counter"]).job
    job = jobs.inform_customer(job.id, staff["counter"], job.version, "phone", "已电话通知可取件")
    assert job.informed_at is not None and job.informed_by_id == staff["counter"].id
    row = job.history.where(JobHistory.what == "informed").get()
    assert (row.old_value, row.new_value, row.note) == ("", "phone", "已电话通知可取件")


def test_remove_lines_logged_and_version_checked(db, staff):
    from app.domain.counter.models import JobLabour, JobPart

    job = walk(take_in(staff["counter"]).job, staff["tech"], "start_diagnosis")
    job = jobs.add_part(job.id, "主板", 1, "100", staff["tech"], job.version)
    job = jobs.add_labour(job.id, "1", "80", staff["tech"], job.version)
    part, line = JobPart.get(), JobLabour.get()
    with pytest.raises(ConcurrentChange):
        jobs.remove_part(part.id, staff["tech"], job.version - 1)
    job = jobs.remove_part(part.id, staff["tech"], job.version)
    job = jobs.remove_labour(line.id, staff["tech"], job.version)
    assert JobPart.select().count() == 0 and JobLabour.select().count() == 0
    assert [(h.what, h.old_value, h.new_value) for h in job.history.order_by(JobHistory.id)][-2:] == [
        ("part_removed", "主板 x 1", ""), ("labour_removed", "1 h @ 80.00", "")]
    assert charges.compute(job).gross_total == Decimal("0.00")


def test_serial_registered_meanwhile_is_found_and_used(db, staff, monkeypatch):
    """Another station registered the same new serial between our look-up and
    our save: the insert fails on the unique serial, the intake runs again,
    finds that unit and takes it in (one unit, one job). Were it in the shop
    already, the clerk would be told so (tests/stations/test_races.py)."""
    c = make_customer()
    form = intake.IntakeForm(customer_id=c.id, serial="RACE1", fault="x", product_model="M", product_name="M")
    real_find = products.find_unit
    calls = {"n": 0}

    def stale_find(serial):  # the check ran before the other station's save
        calls["n"] += 1
        return None if calls["n"] <= 2 else real_find(serial)

    products.register_unit("RACE1", products.get_or_create_product("M"), c)
    monkeypatch.setattr(products, "find_unit", stale_find)
    res = intake.take_in(form, staff["counter"])
    assert calls["n"] >= 3 and Unit.select().where(Unit.serial == "RACE1").count() == 1
    assert res.job.unit.serial == "RACE1" and Job.select().count() == 1


def _rows(job, since=0):
    return [(h.what, h.old_value, h.new_value, h.note, h.user_id)
            for h in JobHistory.select().where((JobHistory.job == job.id) & (JobHistory.id > since))
            .order_by(JobHistory.id)]


def _last_id():
    return JobHistory.select(pw.fn.MAX(JobHistory.id)).scalar() or 0


def test_history_codes_old_and_new_values(any_db, staff):
    """Every write of a job records what changed, from what, to what (the
    codes of JobHistory's docstring)."""
    tech, tech2, clerk, boss = staff["tech"], staff["tech2"], staff["counter"], staff["manager"]
    res = take_in(clerk)
    job = walk(res.job, tech, "start_diagnosis")
    job = jobs.set_diagnosis(job.id, "主板供电芯片损坏", tech, job.version)
    mark = _last_id()
    job = jobs.set_diagnosis(job.id, "主板供电芯片损坏，需更换主板", tech, job.version, technician_id=tech2.id)
    same = jobs.set_diagnosis(job.id, "主板供电芯片损坏，需更换主板", tech, job.version, technician_id=tech2.id)
    assert same.version == job.version                          # nothing changed: nothing written
    job = jobs.add_part(job.id, "主板", "1", "1280", tech2, job.version)
    job = jobs.add_labour(job.id, "1.5", "80", tech2, job.version, description="更换主板")
    job = jobs.override_kind(job.id, "paid", "人为损坏：进液", boss, job.version)
    job = jobs.inform_customer(job.id, clerk, job.version, "wechat", "报价已告知")
    job = jobs.perform(job.id, "give_up", tech2, job.version, note="客户不同意报价")
    old_receipt = res.receipt.number
    new_receipt = release.reissue_receipt(job.id, clerk, job.version, "收据打印错误").number
    job = Job.get_by_id(job.id)
    tech_, tech2_ = f"李强 (#{tech.id})", f"赵敏 (#{tech2.id})"
    assert _rows(job)[:4] == [("created", "", "received", "", clerk.id),
                              ("state", "received", "diagnosing", "", tech.id),
                              ("technician", "", tech_, "", tech.id),     # the technician who starts takes it
                              ("diagnosis", "", "主板供电芯片损坏", "", tech.id)]
    assert _rows(job, mark) == [
        ("diagnosis", "主板供电芯片损坏", "主板供电芯片损坏，需更换主板", "", tech.id),
        ("technician", tech_, tech2_, "", tech.id),
        ("part", "", "主板 x 1 @ 1280.00", "", tech2.id),
        ("labour", "", "1.5 h @ 80.00 更换主板", "", tech2.id),
        ("service_kind", "free", "paid", "人为损坏：进液", boss.id),
        ("informed", "", "wechat", "报价已告知", clerk.id),
        ("state", "diagnosing", "ready", "客户不同意报价", tech2.id),
        ("receipt", old_receipt, new_receipt, "收据打印错误", clerk.id)]
    mark = _last_id()
    job = release.release_without_receipt(job.id, "张三", "110101199001011234", boss, boss, job.version,
                                          reason="客户收据丢失", payment=release.Payment(method="account"))
    assert _rows(job, mark) == [("state", "ready", "returned", "", boss.id),
                                ("lost_receipt", new_receipt, "",
                                 "收据遗失；证件号 110101199001011234；批准人 王建国；客户收据丢失", boss.id)]
    other = take_in(clerk, customer=make_customer("李四", "13800138000", "end_user"), serial="SN-2").job
    mark = _last_id()
    release.cancel_job(other.id, clerk, other.version, "录入错误")
    assert _rows(other, mark) == [("state", "received", "cancelled", "录入错误", clerk.id)]


def test_a_refused_write_records_nothing(any_db, staff):
    """A stale version: no history row, no version change, the message names
    who changed the job last and when."""
    job = walk(take_in(staff["counter"]).job, staff["tech"], "start_diagnosis")
    stale = job.version
    job = jobs.add_part(job.id, "主板", 1, "100", staff["tech2"], job.version)
    before = JobHistory.select().count()
    with pytest.raises(ConcurrentChange) as e:
        jobs.add_labour(job.id, "1", "80", staff["tech"], stale)
    assert "赵敏" in e.value.message and JobHistory.select().count() == before
    assert Job.get_by_id(job.id).version == job.version
    with pytest.raises(ConcurrentChange):                      # a step on a job that moved on
        jobs.perform(job.id, "start_repair", staff["tech"], stale)
    assert JobHistory.select().count() == before and Job.get_by_id(job.id).state == "diagnosing"
