"""Issue 11, parts 1 and 3 in field service, on every configured backend:
plans, visits and their reports, activities, gifts and surveys refuse what
their columns cannot hold (naming the field, leaving the tables unchanged)
and keep free text as typed."""
from __future__ import annotations

import datetime as dt

import pytest

from app.domain import schema
from app.domain.core.errors import ValidationError
from app.domain.core.models import set_clock
from app.domain.customers import customers
from app.domain.field import activities, gifts, surveys, visit_outcomes, visit_plans, visits
from app.domain.field.activities import ParticipantInput
from app.domain.field.gifts import ItemInput
from app.domain.field.models import (ActivityParticipant, GiftItem, GiftRequest, ServiceActivity, SurveyResponse,
                                     Visit, VisitPlan)

LONG = "字" * 10_000
THIS = dt.date(2026, 11, 1)
TYPED = "客户要求：先报价，再维修（保修外）。\n下月再访；  带样机！"


def table_counts() -> dict[str, int]:
    return {m.__name__: m.select().count() for m in schema.MODELS}


def refused(call, *fields):
    before = table_counts()
    with pytest.raises(ValidationError) as e:
        call()
    assert set(fields) <= set(e.value.fields), e.value.fields
    assert table_counts() == before
    return e.value.fields


@pytest.fixture
def field(any_db, staff):
    set_clock(dt.datetime(2026, 11, 18, 10, 0))
    cust = customers.create_customer("北京海淀中关村电子城", "010-1234567", "dealer", user=None)
    yield staff, cust
    set_clock(None)


def _visit(staff, cust, **kw):
    args = dict(staff_id=staff["business"].id, customer_id=cust.id, kind="patrol", due_month=THIS,
                purposes=["patrol.A"])
    args.update(kw)
    return visits.create_visit(staff["business"], **args)


@pytest.mark.parametrize("kw,expected", [
    (dict(goal="目" * 4001), "goal"),
    (dict(goal=LONG), "goal"),
    (dict(contact_person="王" * 101), "contact_person"),
    (dict(place="地" * 301), "place"),
    (dict(place="会议室\x00"), "place"),
    (dict(contact_person={"name": "王伟"}), "contact_person"),
    (dict(customer_id="1"), "customer"),
    (dict(purposes="patrol.A"), "purposes"),
    (dict(purposes=[["patrol.A"]]), "purposes"),
    (dict(kind=["patrol"]), "kind"),
])
def test_visits_are_checked(field, kw, expected):
    staff, cust = field
    refused(lambda: _visit(staff, cust, **kw), expected)


def test_reports_are_checked_and_kept_as_typed(field):
    staff, cust = field
    v = _visit(staff, cust)
    biz = staff["business"]
    day = dt.date(2026, 11, 18)
    for kw, name in ((dict(gains="收" * 4001), "gains"), (dict(gains="收获\x00"), "gains"),
                     (dict(gains="收获", reactions=["好"]), "reactions"),
                     (dict(gains="收获", contact_person="王" * 101), "contact_person"),
                     (dict(gains="收获", place="地" * 301), "place")):
        refused(lambda: visit_outcomes.record_report(biz, v.id, v.version, actual_date=day, **kw), name)
    refused(lambda: visit_outcomes.cancel_visit(biz, v.id, v.version, "因" * 2001), "reason")
    v = visit_outcomes.record_report(biz, v.id, v.version, actual_date=day, gains=TYPED, reactions=TYPED,
                                     suggestions=TYPED, complaint_text=TYPED, contact_person="王伟（经理）",
                                     place="北京：中关村（东门）")
    v = Visit.get_by_id(v.id)
    assert (v.gains, v.reactions, v.suggestions, v.complaint_text) == (TYPED.strip(),) * 4
    assert v.place == "北京：中关村（东门）"


def test_plans_are_checked(field):
    staff, _cust = field
    biz = staff["business"]
    refused(lambda: visit_plans.create_plan(biz, biz.id, "annual", 2026, title="题" * 201), "title")
    refused(lambda: visit_plans.create_plan(biz, biz.id, "annual", 2026, notes="注\x00"), "notes")
    refused(lambda: visit_plans.create_plan(biz, biz.id, "monthly", 2026, "11"), "month")
    refused(lambda: visit_plans.create_plan(biz, {"id": 1}, "annual", 2026), "staff")
    p = visit_plans.create_plan(biz, biz.id, "annual", 2026, title="2026年度：重点客户（华北）", notes=TYPED)
    p = VisitPlan.get_by_id(p.id)
    assert (p.title, p.notes) == ("2026年度：重点客户（华北）", TYPED.strip())
    refused(lambda: visit_plans.update_plan(biz, p.id, p.version, title="题" * 201), "title")


def test_activities_are_checked(field):
    staff, cust = field
    biz = staff["business"]
    day = dt.date(2026, 11, 10)
    for kw, name in ((dict(title="题" * 201), "title"), (dict(title="培训", place="地" * 301), "place"),
                     (dict(title="培训", description="述" * 4001), "description"),
                     (dict(title="培训\x00"), "title"), (dict(title={"t": 1}), "title"),
                     (dict(title="培训", staff_id="1"), "staff_id")):
        refused(lambda: activities.create_activity(biz, kind="training", date=day, **kw), name)
    for part, name in ((ParticipantInput(cust.id, people="人" * 301), "participants.0.people"),
                       (ParticipantInput(cust.id, headcount=100_001), "participants.0.headcount"),
                       (ParticipantInput(cust.id, headcount=1.5), "participants.0.headcount"),
                       (ParticipantInput(cust.id, note="注\x00"), "participants.0.note"),
                       (ParticipantInput("7"), "participants.0.customer")):
        refused(lambda: activities.create_activity(biz, kind="training", title="培训", date=day,
                                                   participants=[part]), name)
    a = activities.create_activity(biz, kind="training", title="打印机维护培训（第二期）", date=day,
                                   description=TYPED, participants=[ParticipantInput(cust.id, people="王伟，李娜")])
    a = ServiceActivity.get_by_id(a.id)
    assert (a.title, a.description) == ("打印机维护培训（第二期）", TYPED.strip())
    assert ActivityParticipant.get(ActivityParticipant.activity == a.id).people == "王伟，李娜"


@pytest.mark.parametrize("item,expected", [
    (ItemInput("月饼", "0.001", "10"), "items.0.quantity"),
    (ItemInput("月饼", "10001", "10"), "items.0.quantity"),
    (ItemInput("月饼", "1", "1e20"), "items.0.unit_value"),
    (ItemInput("月饼", "1", "198.005"), "items.0.unit_value"),
    (ItemInput("月饼", {"n": 1}, "10"), "items.0.quantity"),
    (ItemInput("月" * 201, "1", "10"), "items.0.description"),
    (ItemInput("月饼\x00", "1", "10"), "items.0.description"),
    (ItemInput(["月饼"], "1", "10"), "items.0.description"),
])
def test_gift_items_are_checked(field, item, expected):
    staff, cust = field
    refused(lambda: gifts.request_gift(staff["business"], cust.id, [item], "中秋拜访"), expected)


def test_gift_requests_are_checked_and_kept_as_typed(field):
    staff, cust = field
    biz, boss = staff["business"], staff["manager"]
    refused(lambda: gifts.request_gift(biz, cust.id, [ItemInput("月饼")], "因" * 4001), "reason")
    refused(lambda: gifts.request_gift(biz, "1", [ItemInput("月饼")], "拜访"), "customer")
    g = gifts.request_gift(biz, cust.id, [ItemInput("中秋月饼礼盒（双黄）", "2", "198.00")], TYPED)
    assert GiftRequest.get_by_id(g.id).reason == TYPED.strip()
    assert GiftItem.get(GiftItem.request == g.id).description == "中秋月饼礼盒（双黄）"
    refused(lambda: gifts.refuse(boss, g.id, g.version, "拒" * 4001), "note")
    g = gifts.approve(boss, g.id, g.version, "同意：控制在预算内。")
    refused(lambda: gifts.record_given(biz, g.id, g.version, "王" * 101), "given_to")
    refused(lambda: gifts.record_given(biz, g.id, g.version, "王伟", note="注\x00"), "note")
    refused(lambda: gifts.record_given(biz, g.id, g.version, "王伟", given_at=dt.date(2026, 11, 18)), "given_at")


def test_many_items_whose_total_no_request_can_hold_are_refused(field):
    staff, cust = field
    items = [ItemInput(f"样机{i}", "10000", "1000000") for i in range(2)]      # 2 x 1e10 > DECIMAL(12, 2)
    refused(lambda: gifts.request_gift(staff["business"], cust.id, items, "样机"), "items")


def test_surveys_are_checked_and_kept_as_typed(field):
    staff, cust = field
    day = dt.date(2026, 11, 18)

    def form(**kw):
        return surveys.SurveyForm(customer_id=cust.id, returned_on=day, scores={"q01": 5}, **kw)

    user = staff["info"]
    for kw, name in ((dict(respondent="王" * 101), "respondent"), (dict(respondent_title="职" * 101),
                                                                     "respondent_title"),
                     (dict(comments="评" * 4001), "comments"), (dict(suggestions="建议\x00"), "suggestions"),
                     (dict(respondent={"n": "王"}), "respondent"), (dict(staff_id="1"), "staff")):
        refused(lambda: surveys.create_response(user, form(**kw)), name)
    r = surveys.create_response(user, form(respondent="王伟", comments=TYPED, suggestions=TYPED))
    r = SurveyResponse.get_by_id(r.id)
    assert (r.comments, r.suggestions) == (TYPED.strip(), TYPED.strip())
