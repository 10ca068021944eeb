"""Gift requests (§3.3.3F, §3.7): requested -> approved/refused -> given,
who may do what, totals, optimistic locking; the printed slip."""
from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest

from app.domain.core.errors import ConcurrentChange, PermissionDenied, TransitionNotAllowed, ValidationError
from app.domain.field import gifts
from app.domain.field.gifts import GiftFilter, ItemInput
from app.domain.field.models import GiftItem, GiftRequest
from tests.helpers import make_customer


@pytest.fixture
def cust(any_db, staff):
    return make_customer()


def _request(user, cust, reason="中秋走访重点经销商"):
    return gifts.request_gift(user, cust.id, [ItemInput("中秋月饼礼盒", "2", "198.00"),
                                              ItemInput("产品宣传册", 50, "6.5", "promo")], reason)


def test_request_total_and_number(cust, staff):
    g = _request(staff["business"], cust)
    assert g.number.startswith(f"LP-{dt.date.today().year}-") and g.status == "requested"
    assert Decimal(g.total_value) == Decimal("721.00")          # 2 x 198 + 50 x 6.50
    _g, items = gifts.get_request(staff["manager"], g.id)
    assert [(i.kind, i.description, Decimal(i.quantity)) for i in items] == [
        ("gift", "中秋月饼礼盒", Decimal(2)), ("promo", "产品宣传册", Decimal(50))]
    with pytest.raises(ValidationError) as e:
        gifts.request_gift(staff["business"], cust.id, [ItemInput("", "0", "-1", "cash"), ItemInput("样机", "x", "")],
                           " ")
    assert set(e.value.fields) == {"reason", "items.0.description", "items.0.kind", "items.0.quantity",
                                   "items.0.unit_value", "items.1.quantity", "items.1.unit_value"}
    with pytest.raises(ValidationError) as e:
        gifts.request_gift(staff["business"], cust.id, [], "试用")
    assert set(e.value.fields) == {"items"}


def test_permissions(cust, staff):
    for who in ("tech", "counter", "info"):
        with pytest.raises(PermissionDenied):
            _request(staff[who], cust)
    g = _request(staff["business"], cust)
    with pytest.raises(PermissionDenied):                 # business staff cannot approve
        gifts.approve(staff["business"], g.id, g.version)
    with pytest.raises(PermissionDenied):
        gifts.list_requests(staff["tech"])
    # A manager's own request: another approver decides it (self-approval refused).
    own = _request(staff["manager"], cust, "年度合作答谢")
    with pytest.raises(PermissionDenied):
        gifts.approve(staff["manager"], own.id, own.version)
    assert [x.id for x in gifts.to_decide(staff["manager"])] == [g.id]
    assert {x.id for x in gifts.to_decide(staff["admin"])} == {g.id, own.id}
    gifts.approve(staff["admin"], own.id, own.version, "同意")


def test_decide_give_and_the_rules(cust, staff):
    biz, boss = staff["business"], staff["manager"]
    g = _request(biz, cust)
    with pytest.raises(TransitionNotAllowed):              # not approved: cannot be given
        gifts.record_given(biz, g.id, g.version, "王伟")
    with pytest.raises(ValidationError) as e:              # refusing needs a note
        gifts.refuse(boss, g.id, g.version, "  ")
    assert set(e.value.fields) == {"note"}
    g = gifts.update_request(biz, g.id, g.version, [ItemInput("中秋月饼礼盒", 3, 198)], "中秋走访")
    assert Decimal(g.total_value) == Decimal("594.00") and g.version == 2
    assert GiftItem.select().where(GiftItem.request == g.id).count() == 1
    with pytest.raises(PermissionDenied):                  # only the requester edits
        gifts.update_request(boss, g.id, g.version, [ItemInput("x", 1, 1)], "y")
    with pytest.raises(ConcurrentChange):                  # decided on an old read
        gifts.approve(boss, g.id, 1)
    g = gifts.approve(boss, g.id, g.version, "同意")
    assert (g.status, g.decided_by_id, g.decision_note) == ("approved", boss.id, "同意")
    with pytest.raises(TransitionNotAllowed):              # changed after the decision: make a new one
        gifts.update_request(biz, g.id, g.version, [ItemInput("x", 1, 1)], "y")
    with pytest.raises(TransitionNotAllowed):
        gifts.withdraw(biz, g.id, g.version)
    with pytest.raises(ConcurrentChange):                  # a second decision loses
        gifts.refuse(staff["admin"], g.id, 2, "不同意")
    with pytest.raises(ValidationError) as e:
        gifts.record_given(biz, g.id, g.version, " ", given_at=g.decided_at + dt.timedelta(days=400))
    assert set(e.value.fields) == {"given_to", "given_at"}
    g = gifts.record_given(biz, g.id, g.version, "王伟", note="当面交付")
    assert (g.status, g.given_to, g.given_by_id) == ("given", "王伟", biz.id) and g.given_at is not None
    with pytest.raises(TransitionNotAllowed):
        gifts.record_given(biz, g.id, g.version, "王伟")
    # Withdraw only while requested, by the requester.
    w = _request(biz, cust, "寄送资料")
    with pytest.raises(PermissionDenied):
        gifts.withdraw(boss, w.id, w.version)
    assert gifts.withdraw(biz, w.id, w.version).status == "withdrawn"
    with pytest.raises(PermissionDenied):
        gifts.withdraw(staff["tech"], w.id, 2)
    r = _request(biz, cust, "春节走访")
    r = gifts.refuse(boss, r.id, r.version, "超出标准")
    with pytest.raises(TransitionNotAllowed):
        gifts.record_given(biz, r.id, r.version, "王伟")


def _history(g):
    return [(h.what, h.old_value, h.new_value, h.note, h.user_id) for h in gifts.request_history(None, g.id)]


def test_request_history(cust, staff):
    """Every step and edit of a request is recorded (who, what, old, new,
    note); a refused write records nothing."""
    from app.domain.field import activities

    biz, boss = staff["business"], staff["manager"]
    g = _request(biz, cust)
    assert _history(g) == [("created", "", "requested", "", biz.id)]
    a = activities.create_activity(biz, kind="training", title="维护培训", date=dt.date.today())
    g = gifts.update_request(biz, g.id, g.version, [ItemInput("中秋月饼礼盒", 3, 198)], "中秋走访", activity_id=a.id)
    assert _history(g)[1:] == [
        ("reason", "中秋走访重点经销商", "中秋走访", "", biz.id),
        ("total_value", "721.00", "594.00", "", biz.id),
        ("items", "gift 中秋月饼礼盒 x 2.00 @ 198.00; promo 产品宣传册 x 50.00 @ 6.50",
         "gift 中秋月饼礼盒 x 3.00 @ 198.00", "", biz.id),
        ("activity", "", a.number, "", biz.id)]
    with pytest.raises(ConcurrentChange):
        gifts.approve(boss, g.id, g.version - 1, "同意")
    assert len(_history(g)) == 5 and GiftRequest.get_by_id(g.id).status == "requested"
    g = gifts.approve(boss, g.id, g.version, "同意")
    g = gifts.record_given(biz, g.id, g.version, "王伟", note="当面交付")
    assert _history(g)[5:] == [("status", "requested", "approved", "同意", boss.id),
                               ("status", "approved", "given", "当面交付", biz.id)]
    r = _request(biz, cust, "春节走访")
    gifts.refuse(boss, r.id, r.version, "超出标准")
    w = _request(biz, cust, "寄送资料")
    gifts.withdraw(biz, w.id, w.version)
    assert _history(r)[-1] == ("status", "requested", "refused", "超出标准", boss.id)
    assert _history(w)[-1] == ("status", "requested", "withdrawn", "", biz.id)
    with pytest.raises(PermissionDenied):
        gifts.request_history(staff["tech"], g.id)


def test_lists_and_totals(cust, staff):
    biz, boss = staff["business"], staff["manager"]
    other = make_customer("上海浦东恒达数码商行", "021-58886666", "retailer")
    a = _request(biz, cust)                                           # 721
    b = gifts.request_gift(biz, other.id, [ItemInput("样机", 1, "4599", "trial")], "样机试用")
    c = gifts.request_gift(biz, cust.id, [ItemInput("台历", 10, "18", "promo")], "年底寄送")
    waiting = _request(biz, other, "待批")
    for g in (a, b, c):
        gifts.approve(boss, g.id, g.version)
    day = dt.datetime.now().replace(microsecond=0)
    gifts.record_given(biz, a.id, 2, "王伟", given_at=day)
    gifts.record_given(biz, b.id, 2, "李娜", given_at=day)
    lst = gifts.list_requests(boss)
    assert lst[0].id == waiting.id                                   # waiting first
    assert [g.id for g in gifts.mine(biz)] and gifts.mine(boss) == []
    assert [g.id for g in gifts.by_customer(boss, other.id)] == [waiting.id, b.id]
    given = gifts.list_requests(boss, GiftFilter(status="given", date_from=day.date(), date_to=day.date()))
    assert {g.id for g in given} == {a.id, b.id} and gifts.sum_value(given) == Decimal("5320.00")
    assert gifts.list_requests(boss, GiftFilter(text="台历"))[0].id == c.id
    assert gifts.list_requests(boss, GiftFilter(status="given", date_to=day.date() - dt.timedelta(days=1))) == []
    per_customer = gifts.totals_by_customer(boss, day.date(), day.date())
    assert [(t.name, t.requests, t.value) for t in per_customer] == [
        ("上海浦东恒达数码商行", 1, Decimal("4599.00")), (cust.name, 1, Decimal("721.00"))]
    per_month = gifts.totals_by_month(boss, day.date().replace(day=1), day.date())
    assert [(m.month, m.requests, m.value) for m in per_month] == [(day.date().replace(day=1), 2, Decimal("5320.00"))]


def test_printed_slip(db, staff):
    from pypdf import PdfReader

    from app.printing.field import gift_print

    cust = make_customer()
    g = _request(staff["business"], cust)
    g = gifts.approve(staff["manager"], g.id, g.version, "同意，注意控制数量")
    pdf = gift_print.render_gift_slip(gifts.slip_data(staff["manager"], g.id))
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    for word in (g.number, cust.name, "中秋月饼礼盒", "产品宣传册", "¥721.00", "柒佰贰拾壹元整", "王建国",
                 "同意，注意控制数量", "礼品（样品）申请审批单", "孙浩然"):
        assert word in text, word
    assert GiftRequest.get_by_id(g.id).status == "approved"
    assert gift_print.rmb_capital(Decimal("100500.07")) == "壹拾万零伍佰元零柒分"

