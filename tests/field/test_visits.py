"""Visits and visit plans (§3.3-§3.6): states, purposes, carry-forward,
overdue, completion, permissions, optimistic locking. On every backend."""
from __future__ import annotations

import datetime as dt

import pytest

from app.domain.core import users
from app.domain.core.errors import ConcurrentChange, PermissionDenied, TransitionNotAllowed, ValidationError
from app.domain.core.models import set_clock
from app.domain.customers import customers
from app.domain.field import visit_outcomes, visit_plans, visits
from app.domain.field.models import Visit

TODAY = dt.date(2026, 11, 18)          # a Wednesday
THIS = dt.date(2026, 11, 1)
LAST = dt.date(2026, 10, 1)


@pytest.fixture
def field(any_db, staff):
    set_clock(dt.datetime(2026, 11, 18, 10, 0))
    staff = dict(staff, business2=users.create_user("biz2", "钱晓雯", "business"))
    cust = [customers.create_customer(n, "010-1234567", "dealer", user=None)
            for n in ("北京海淀中关村电子城", "上海浦东新永安数码商行", "广州天河华南电脑城")]
    yield staff, cust
    set_clock(None)


def _new(user, who, cust, month=THIS, **kw):
    args = dict(staff_id=who.id, customer_id=cust.id, kind="patrol", due_month=month, purposes=["patrol.A"])
    args.update(kw)
    return visits.create_visit(user, **args)


def test_purposes_of_kind_and_manager(field):
    staff, cust = field
    biz, boss = staff["business"], staff["manager"]
    with pytest.raises(ValidationError) as e:
        _new(biz, biz, cust[0], purposes=[])
    assert "purposes" in e.value.fields
    with pytest.raises(ValidationError) as e:
        _new(biz, biz, cust[0], purposes=["service.B"])          # another kind's purpose
    assert "purposes" in e.value.fields
    with pytest.raises(ValidationError) as e:
        _new(biz, biz, cust[0], purposes=["patrol.A", "manager.2"])   # no manager set
    assert "manager" in str(e.value.fields["purposes"]).lower()
    with pytest.raises(ValidationError) as e:
        _new(biz, biz, cust[0], manager_id=staff["counter"].id)   # not a manager
    assert "manager" in e.value.fields
    v = _new(biz, biz, cust[0], purposes=["manager.2", "patrol.C", "patrol.A"], manager_id=boss.id)
    assert v.purpose_codes == ["patrol.A", "patrol.C", "manager.2"]
    assert v.number.startswith("ZF-2026-")
    assert len(visits.purposes_for("service")) == 7 and len(visits.purposes_for("patrol", True)) == 13
    with pytest.raises(ValidationError) as e:
        _new(biz, biz, cust[0], planned_date=dt.date(2026, 12, 3))   # day outside its month
    assert "planned_date" in e.value.fields


def test_report_cancel_and_refused_transitions(field):
    staff, cust = field
    biz = staff["business"]
    v = _new(biz, biz, cust[0])
    with pytest.raises(ValidationError) as e:
        visit_outcomes.record_report(biz, v.id, v.version, actual_date=dt.date(2026, 11, 19), gains="x")
    assert "actual_date" in e.value.fields                           # in the future
    with pytest.raises(ValidationError) as e:
        visit_outcomes.record_report(biz, v.id, v.version, actual_date=TODAY, gains="  ")
    assert "gains" in e.value.fields
    done = visit_outcomes.record_report(biz, v.id, v.version, actual_date=TODAY, gains="计划进货 120 台",
                                complaint_text="返修太慢")
    assert done.status == "done" and done.reported_by_id == biz.id and done.version == v.version + 1
    for fn, args in ((visit_outcomes.cancel_visit, ("原因",)), (visit_outcomes.carry_forward, (dt.date(2026, 12, 1),))):
        with pytest.raises(TransitionNotAllowed):
            fn(biz, done.id, done.version, *args)
    with pytest.raises(TransitionNotAllowed):
        visit_outcomes.record_report(biz, done.id, done.version, actual_date=TODAY, gains="again")
    with pytest.raises(TransitionNotAllowed):
        visits.update_visit(biz, done.id, done.version, goal="new")
    fixed = visit_outcomes.correct_report(biz, done.id, done.version, actual_date=TODAY, gains="计划进货 150 台",
                                   complaint_text="返修太慢")
    assert fixed.gains == "计划进货 150 台"
    other = _new(biz, biz, cust[1])
    with pytest.raises(ValidationError):
        visit_outcomes.cancel_visit(biz, other.id, other.version, " ")
    gone = visit_outcomes.cancel_visit(biz, other.id, other.version, "客户停业装修")
    assert gone.status == "cancelled" and gone.cancel_reason == "客户停业装修"
    with pytest.raises(TransitionNotAllowed):
        visit_outcomes.correct_report(biz, gone.id, gone.version, actual_date=TODAY, gains="x")
    assert [x.id for x in visits.unlinked_complaints(staff["manager"])] == [done.id]


def test_carry_forward(field):
    staff, cust = field
    biz, boss = staff["business"], staff["manager"]
    v = _new(biz, biz, cust[0], month=LAST, purposes=["patrol.B", "manager.6"], manager_id=boss.id, goal="核对库存")
    assert visits.is_overdue(v) and visits.shown_status(v) == "overdue"
    assert not visits.is_overdue(v, on=dt.date(2026, 10, 31))
    for month in (LAST, dt.date(2026, 9, 1)):
        with pytest.raises(ValidationError) as e:
            visit_outcomes.carry_forward(biz, v.id, v.version, month)
        assert "to_month" in e.value.fields
    new = visit_outcomes.carry_forward(biz, v.id, v.version, dt.date(2026, 12, 15))
    old = visits.get_visit(biz, v.id)
    assert old.status == "carried" and new.status == "planned"
    assert new.carried_from_id == v.id and new.due_month == dt.date(2026, 12, 1)
    assert (new.customer_id, new.kind, new.purpose_codes, new.manager_id, new.goal) == \
        (v.customer_id, v.kind, v.purpose_codes, v.manager_id, v.goal)
    with pytest.raises(ConcurrentChange):                            # the old version
        visit_outcomes.carry_forward(biz, new.id, new.version - 1, dt.date(2027, 1, 1))


def test_optimistic_locking(field):
    staff, cust = field
    biz = staff["business"]
    v = _new(biz, biz, cust[0])
    v2 = visits.update_visit(biz, v.id, v.version, goal="第一次修改", planned_date=dt.date(2026, 11, 20))
    assert v2.goal == "第一次修改" and v2.version == v.version + 1
    with pytest.raises(ConcurrentChange):
        visits.update_visit(biz, v.id, v.version, goal="stale")
    with pytest.raises(ConcurrentChange):
        visit_outcomes.record_report(biz, v.id, v.version, actual_date=TODAY, gains="stale")
    assert Visit.get_by_id(v.id).goal == "第一次修改"


def test_permissions(field):
    staff, cust = field
    biz, biz2, info, boss, tech = (staff[k] for k in ("business", "business2", "info", "manager", "tech"))
    mine = _new(biz, biz, cust[0])
    with pytest.raises(PermissionDenied):
        _new(biz, biz2, cust[0])                                     # planning for another
    with pytest.raises(PermissionDenied):
        visits.get_visit(biz2, mine.id)
    with pytest.raises(PermissionDenied):
        visits.update_visit(biz2, mine.id, mine.version, goal="x")
    with pytest.raises(PermissionDenied):
        visit_outcomes.record_report(biz2, mine.id, mine.version, actual_date=TODAY, gains="x")
    with pytest.raises(PermissionDenied):
        visit_plans.agenda(biz2, THIS, staff_id=biz.id)
    with pytest.raises(PermissionDenied):
        visit_plans.agenda(tech, THIS)
    assert [v.id for v in visit_plans.agenda(biz2, THIS)] == []     # own only
    assert [v.id for v in visit_plans.agenda(info, THIS)] == [mine.id]   # visit.all reads all
    assert [u.id for u in visits.staff_choices(biz)] == [biz.id]
    assert {biz.id, biz2.id} <= {u.id for u in visits.staff_choices(info)}
    other = _new(info, biz2, cust[1])                                # info plans for anybody
    assert other.staff_id == biz2.id
    done = visit_outcomes.record_report(biz, mine.id, mine.version, actual_date=TODAY, gains="ok")
    with pytest.raises(PermissionDenied):
        visit_outcomes.correct_report(info, done.id, done.version, actual_date=TODAY, gains="info edits")
    assert visit_outcomes.correct_report(boss, done.id, done.version, actual_date=TODAY, gains="经理更正").gains == "经理更正"


def test_plans(field):
    staff, cust = field
    biz, biz2, boss, info = staff["business"], staff["business2"], staff["manager"], staff["info"]
    plan = visit_plans.create_plan(biz, biz.id, "monthly", 2026, 11)
    assert plan.status == "draft" and "11月" in plan.title
    with pytest.raises(ValidationError):
        visit_plans.create_plan(biz, biz.id, "monthly", 2026, 11)    # unique
    with pytest.raises(ValidationError) as e:
        visit_plans.create_plan(biz, biz.id, "monthly", 2026, None)
    assert "month" in e.value.fields
    annual = visit_plans.create_plan(biz, biz.id, "annual", 2026)
    assert visit_plans.create_plan(biz2, biz2.id, "annual", 2026).staff_id == biz2.id
    with pytest.raises(PermissionDenied):
        visit_plans.create_plan(biz, biz2.id, "annual", 2027)
    with pytest.raises(ValidationError):
        visit_plans.submit_plan(biz, plan.id, plan.version)          # no visits yet
    with pytest.raises(ValidationError) as e:
        _new(biz, biz, cust[0], month=dt.date(2026, 12, 1), plan_id=plan.id)
    assert "due_month" in e.value.fields
    v = _new(biz, biz, cust[0], plan_id=plan.id)
    _new(biz, biz, cust[1], month=dt.date(2026, 3, 1), plan_id=annual.id)
    with pytest.raises(TransitionNotAllowed):
        visit_plans.approve_plan(boss, plan.id, plan.version)        # still a draft
    plan = visit_plans.submit_plan(biz, plan.id, plan.version)
    assert plan.status == "submitted" and plan.submitted_at
    with pytest.raises(TransitionNotAllowed):
        _new(biz, biz, cust[2], plan_id=plan.id)                     # not a draft any more
    for who in (biz, info):
        with pytest.raises(PermissionDenied):
            visit_plans.approve_plan(who, plan.id, plan.version)
    with pytest.raises(ValidationError):
        visit_plans.return_plan(boss, plan.id, plan.version, "")
    plan = visit_plans.return_plan(boss, plan.id, plan.version, "再加一家重点客户")
    assert plan.status == "draft" and plan.decision_note == "再加一家重点客户"
    plan = visit_plans.submit_plan(biz, plan.id, plan.version)
    with pytest.raises(ConcurrentChange):
        visit_plans.approve_plan(boss, plan.id, plan.version - 1)
    plan = visit_plans.approve_plan(boss, plan.id, plan.version, "同意")
    assert plan.status == "approved" and plan.decided_by_id == boss.id
    with pytest.raises(TransitionNotAllowed):
        visit_plans.submit_plan(biz, plan.id, plan.version)
    assert [p.kind for p in visit_plans.plans_of(biz, biz.id, 2026)] == ["annual", "monthly"]
    assert [x.id for x in visit_plans.plan_visits(biz, plan.id)] == [v.id]
    # The month's view shows the plan's visit, an ad-hoc one and a carried one alike.
    adhoc = _new(biz, biz, cust[2])
    old = _new(biz, biz, cust[1], month=LAST)
    carried = visit_outcomes.carry_forward(biz, old.id, old.version, THIS)
    got = {x.id for x in visit_plans.agenda(biz, THIS, staff_id=biz.id)}
    assert {v.id, adhoc.id, carried.id} <= got and old.id not in got


def test_plan_history(field):
    """Every step and edit of a plan is recorded: created, edits of the
    title and notes, submitted, returned with the note, approved; a refused
    write records nothing."""
    staff, cust = field
    biz, boss = staff["business"], staff["manager"]
    plan = visit_plans.create_plan(biz, biz.id, "monthly", 2026, 11)
    plan = visit_plans.update_plan(biz, plan.id, plan.version, title="十一月巡访计划", notes="重点：华南")
    plan = visit_plans.update_plan(biz, plan.id, plan.version, title="十一月巡访计划", notes="重点：华南")  # unchanged
    _new(biz, biz, cust[0], plan_id=plan.id)
    plan = visit_plans.submit_plan(biz, plan.id, plan.version)
    plan = visit_plans.return_plan(boss, plan.id, plan.version, "再加一家重点客户")
    plan = visit_plans.submit_plan(biz, plan.id, plan.version)
    with pytest.raises(ConcurrentChange):
        visit_plans.approve_plan(boss, plan.id, plan.version - 1, "同意")
    with pytest.raises(ConcurrentChange):                      # right version, wrong status: refused too
        visit_plans.update_plan(biz, plan.id, plan.version, title="x")
    plan = visit_plans.approve_plan(boss, plan.id, plan.version, "同意")
    rows = visit_plans.plan_history(boss, plan.id)
    assert [(h.what, h.old_value, h.new_value, h.note, h.user_id) for h in rows] == [
        ("created", "", "draft", "", biz.id),
        ("title", "2026年11月用户巡访计划", "十一月巡访计划", "", biz.id),
        ("notes", "", "重点：华南", "", biz.id),
        ("status", "draft", "submitted", "", biz.id),
        ("status", "submitted", "draft", "再加一家重点客户", boss.id),
        ("status", "draft", "submitted", "", biz.id),
        ("status", "submitted", "approved", "同意", boss.id)]
    assert rows[0].at == dt.datetime(2026, 11, 18, 10, 0) and rows[-1].user.display_name == boss.display_name
    with pytest.raises(PermissionDenied):                      # read as the plan is read
        visit_plans.plan_history(staff["business2"], plan.id)


def test_agenda_order_and_completion(field):
    staff, cust = field
    biz, biz2, boss = staff["business"], staff["business2"], staff["manager"]
    later = _new(biz, biz, cust[0], planned_date=dt.date(2026, 11, 28))
    week = _new(biz, biz, cust[1], planned_date=dt.date(2026, 11, 20))
    overdue = _new(biz, biz, cust[2], month=LAST)
    early = _new(biz, biz, cust[0], planned_date=dt.date(2026, 11, 3))
    order = [v.id for v in visit_plans.agenda(biz, THIS, on=TODAY)]
    assert order == [overdue.id, week.id, early.id, later.id]
    # Last month's view: the overdue one only; a past month has no "overdue from before".
    assert [v.id for v in visit_plans.agenda(biz, LAST, on=TODAY)] == [overdue.id]
    # Completion for October: one on time, one late, one overdue, one carried, one cancelled.
    set_clock(dt.datetime(2026, 10, 20, 9, 0))
    a, b = _new(biz, biz, cust[0], month=LAST), _new(biz, biz, cust[1], month=LAST)
    visit_outcomes.record_report(biz, a.id, a.version, actual_date=dt.date(2026, 10, 19), gains="ok")
    c = _new(biz, biz, cust[2], month=LAST)
    visit_outcomes.cancel_visit(biz, c.id, c.version, "客户出差")
    set_clock(dt.datetime(2026, 11, 18, 10, 0))
    visit_outcomes.record_report(biz, b.id, b.version, actual_date=dt.date(2026, 11, 2), gains="late")
    d = _new(biz, biz, cust[0], month=LAST)
    visit_outcomes.carry_forward(biz, d.id, d.version, THIS)
    _new(biz2, biz2, cust[0], month=LAST)
    rows = {r.staff_id: r for r in visit_plans.completion(boss, LAST, on=TODAY)}
    r = rows[biz.id]
    assert (r.planned, r.done, r.done_on_time, r.overdue, r.carried, r.cancelled) == (5, 2, 1, 1, 1, 1)
    assert r.rate == pytest.approx(2 / 4)
    assert rows[biz2.id].overdue == 1 and rows[biz2.id].rate == 0
    assert visits.done_late(visits.get_visit(biz, b.id))
    assert [x.staff_id for x in visit_plans.completion(biz, LAST)] == [biz.id]   # own only
    counts = visit_plans.day_counts(visit_plans.agenda(biz, THIS, on=TODAY), on=TODAY)
    assert counts[dt.date(2026, 11, 20)]["planned"] == 1


def test_customer_visits(field):
    staff, cust = field
    biz, biz2 = staff["business"], staff["business2"]
    a = _new(biz, biz, cust[0])
    _new(biz2, biz2, cust[0])
    assert [v.id for v in visits.customer_visits(biz, cust[0].id)] == [a.id]
    assert len(visits.customer_visits(staff["manager"], cust[0].id)) == 2
