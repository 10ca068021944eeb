"""Service activities (§3.3.3 A-G): participants, bulk add, editing with the
version, the delete rule, permissions; and the customer's field-service panel
data (service_page.for_customer)."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from app.domain.core.errors import ConcurrentChange, PermissionDenied, TransitionNotAllowed, ValidationError
from app.domain.field import activities, gifts, service_page
from app.domain.field.activities import ParticipantInput
from app.domain.field.models import ActivityParticipant, Visit
from tests.helpers import make_customer

TODAY = dt.date.today()


@pytest.fixture
def three(any_db, staff):
    return [make_customer("北京海淀华信电子有限公司", "010-62888899"),
            make_customer("上海浦东恒达数码商行", "021-58886666", "retailer"),
            make_customer("广州天河立信科技有限公司", "020-38886666")]


def test_activity_with_participants_and_number(three, staff):
    biz = staff["business"]
    a = activities.create_activity(biz, kind="training", title="  打印机日常维护培训 ", date=TODAY,
                                   end_date=TODAY + dt.timedelta(days=1), place="公司培训室",
                                   description="讲解清洁与耗材更换",
                                   participants=[ParticipantInput(three[0].id, "王伟、李娜", 2),
                                                 ParticipantInput(three[1].id, "张敏", "1")])
    assert a.number.startswith(f"HD-{TODAY.year}-") and a.title == "打印机日常维护培训"
    assert a.staff_id == biz.id and a.version == 1
    f = activities.get_activity(biz, a.id)
    assert {p.customer.name for p in f.participants} == {three[0].name, three[1].name}
    assert f.headcount == 3 and f.gift_requests == 0
    rows = activities.list_activities(biz, TODAY - dt.timedelta(days=30), TODAY)
    assert [(r.activity.id, r.customers, r.headcount) for r in rows] == [(a.id, 2, 3)]
    # Text finds a participant's name; kind and customer filter.
    assert [r.activity.id for r in activities.list_activities(biz, text="恒达")] == [a.id]
    assert activities.list_activities(biz, kind="seminar") == []
    assert [r.activity.id for r in activities.list_activities(biz, customer_id=three[0].id)] == [a.id]
    assert activities.list_activities(biz, customer_id=three[2].id) == []
    # The information manager reads the list (visit.all) but may not write.
    assert len(activities.list_activities(staff["info"])) == 1
    with pytest.raises(PermissionDenied):
        activities.create_activity(staff["info"], kind="training", title="x", date=TODAY)


def test_validation_per_field(three, staff):
    with pytest.raises(ValidationError) as e:
        activities.create_activity(staff["business"], kind="party", title=" ", date=None)
    assert set(e.value.fields) == {"kind", "title", "date"}
    with pytest.raises(ValidationError) as e:
        activities.create_activity(staff["business"], kind="seminar", title="经销商座谈会", date=TODAY,
                                   end_date=TODAY - dt.timedelta(days=1),
                                   participants=[ParticipantInput(three[0].id, headcount="两"),
                                                 ParticipantInput(three[0].id), ParticipantInput(999999)])
    assert set(e.value.fields) == {"end_date", "participants.0.headcount", "participants.1.customer",
                                   "participants.2.customer"}


def test_bulk_add_edit_with_version_and_delete_rule(three, staff):
    biz = staff["business"]
    a = activities.create_activity(biz, kind="new_product", title="新品 TP-X1 资料寄送", date=TODAY,
                                   participants=[ParticipantInput(three[0].id, "王伟", 1)])
    assert activities.add_participants(biz, a.id, 1, [c.id for c in three] + [three[1].id]) == 2
    assert ActivityParticipant.select().where(ActivityParticipant.activity == a.id).count() == 3
    with pytest.raises(ConcurrentChange):     # the bulk add counted as a change
        activities.update_activity(biz, a.id, 1, outcome="已寄出")
    a = activities.update_activity(biz, a.id, 2, outcome="已寄出，三家回电索要报价",
                                   participants=[ParticipantInput(three[2].id, "刘洋", 1)])
    assert a.version == 3 and a.outcome.startswith("已寄出")
    assert [p.customer_id for p in activities.get_activity(biz, a.id).participants] == [three[2].id]
    with pytest.raises(ValidationError) as e:
        activities.update_activity(biz, a.id, 3, end_date=TODAY - dt.timedelta(days=3))
    assert set(e.value.fields) == {"end_date"}
    # A gift request points to it: no deleting.
    gifts.request_gift(biz, three[2].id, [gifts.ItemInput("宣传册", 20, 5, "promo")], "新品推广", activity_id=a.id)
    with pytest.raises(TransitionNotAllowed):
        activities.delete_activity(biz, a.id, 3)
    b = activities.create_activity(biz, kind="relationship", title="客户联谊会", date=TODAY,
                                   participants=[ParticipantInput(three[0].id)])
    with pytest.raises(ConcurrentChange):
        activities.delete_activity(biz, b.id, 7)
    activities.delete_activity(biz, b.id, 1)
    assert [r.activity.id for r in activities.list_activities(biz)] == [a.id]
    for who in ("tech", "counter"):
        with pytest.raises(PermissionDenied):
            activities.delete_activity(staff[who], a.id, 3)
        with pytest.raises(PermissionDenied):
            activities.list_activities(staff[who])


def test_for_customer_lists_visits_activities_gifts_surveys(three, staff):
    biz, boss = staff["business"], staff["manager"]
    c = three[0]
    month = TODAY.replace(day=1)
    old = (month - dt.timedelta(days=1)).replace(day=1)
    Visit.create(number="ZF-2026-900001", customer=c.id, staff=biz.id, kind="patrol", due_month=old)
    Visit.create(number="ZF-2026-900002", customer=c.id, staff=biz.id, kind="market", due_month=month,
                 status="done", actual_date=TODAY)
    activities.create_activity(biz, kind="seminar", title="经销商座谈会", date=TODAY,
                               participants=[ParticipantInput(c.id, "王伟、李娜", 2)])
    g = gifts.request_gift(biz, c.id, [gifts.ItemInput("月饼礼盒", 2, "198")], "中秋走访")
    gifts.approve(boss, g.id, 1)
    gifts.record_given(biz, g.id, 2, "王伟")
    gifts.request_gift(biz, three[1].id, [gifts.ItemInput("样机", 1, "3000", "trial")], "试用")
    f = service_page.for_customer(c.id, biz, today=TODAY)
    assert [v.number for v in f.visits] == ["ZF-2026-900002", "ZF-2026-900001"]
    assert [v.overdue for v in f.visits] == [False, True]
    assert [(a.title, a.headcount) for a in f.activities] == [("经销商座谈会", 2)]
    assert [(x.status, x.value) for x in f.gifts] == [("given", Decimal("396.00"))]
    assert f.gift_value_given == Decimal("396.00") and f.surveys == []
    # A technician sees visits and activities, not gift requests or survey results.
    f = service_page.for_customer(c.id, staff["tech"])
    assert len(f.visits) == 2 and f.gifts is None and f.surveys is None
