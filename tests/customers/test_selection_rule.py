"""Issue 11, part 8: §2.2 holds. A dealer, retailer or agent added at the
counter or by business staff is a prospect (under investigation), never
active, until the manager decides."""
from __future__ import annotations

import datetime as dt

import pytest

from app.domain.core.errors import PermissionDenied
from app.domain.customers import archive, customers, selection
from app.domain.customers.models import Customer, CustomerChange


def test_trade_partners_added_at_the_counter_or_by_business_staff_wait_for_the_manager(any_db, staff):
    made = {(who, category): customers.create_customer(f"{who}{category}商行", "", category, user=staff[who])
            for who in ("counter", "business", "manager", "info") for category in ("dealer", "retailer", "agent",
                                                                                 "end_user")}
    for (who, category), c in made.items():
        expected = "prospect" if who in ("counter", "business") and category != "end_user" else "active"
        assert Customer.get_by_id(c.id).status == expected, (who, category)
    waiting = {c.id for c in selection.prospects()}
    assert waiting == {c.id for (who, cat), c in made.items() if who in ("counter", "business") and cat != "end_user"}
    # Not in the customers' overview until approved (the overview shows customers).
    shown = {r.code for r in archive.overview(staff["manager"]).page(0, 100)}
    assert made["counter", "dealer"].code not in shown and made["counter", "end_user"].code in shown

    # The manager decides after the investigation (§2.2.1-3): then it is a customer.
    c = made["counter", "dealer"]
    selection.add_investigation(staff["business"], c.id, "general", dt.date.today(), "工商信息正常")
    for code in selection.CRITERION_CODES:
        selection.assess(staff["business"], c.id, code, 4)
    selection.decide(staff["manager"], c.id, "approved")
    assert Customer.get_by_id(c.id).status == "active"


def test_only_the_managers_decision_makes_a_prospect_active(any_db, staff):
    c = customers.create_customer("广州天河瑞丰数码商行", "", "retailer", user=staff["counter"])
    c = archive.save_archive(None, c.id, c.version, {"responsible_id": staff["business"].id})
    for who in ("info", "business"):                 # the keeper, the responsible staff member
        with pytest.raises(PermissionDenied):
            archive.save_archive(staff[who], c.id, c.version, {"status": "active"})
    assert Customer.get_by_id(c.id).status == "prospect"


def test_an_end_user_made_a_dealer_by_business_staff_goes_under_investigation(any_db, staff):
    biz = staff["business"]
    c = customers.create_customer("成都武侯博远科技有限公司", "", "end_user", user=staff["counter"])
    c = archive.save_archive(None, c.id, c.version, {"responsible_id": biz.id})
    assert c.status == "active"
    c = archive.save_archive(biz, c.id, c.version, {"category": "dealer"})
    assert c.category == "dealer" and c.status == "prospect"
    changed = {r.field: (r.old_value, r.new_value) for r in CustomerChange.select().where(
        (CustomerChange.customer == c.id) & (CustomerChange.user == biz.id))}
    assert changed["status"][1] == "prospect" and "category" in changed
    # The manager's own change keeps the customer active.
    other = customers.create_customer("重庆渝中佳和电子有限公司", "", "end_user", user=staff["counter"])
    other = archive.save_archive(staff["manager"], other.id, other.version, {"category": "agent"})
    assert other.status == "active"
