"""Access requests (§2.1.4): asked, granted or refused, expiring by themselves."""
from __future__ import annotations

import datetime as dt

import pytest

from app.domain.core import users
from app.domain.core.errors import PermissionDenied, TransitionNotAllowed, ValidationError
from app.domain.core.models import set_clock
from app.domain.customers import access, archive, customers


@pytest.fixture
def setup(any_db, staff):
    sales = users.create_user("sales1", "孙浩然", "business")
    other = users.create_user("sales2", "钱多多", "business")
    c = customers.create_customer("北京海淀华信电子有限公司", "010-62888899", "dealer", user=None)
    c = archive.save_archive(None, c.id, c.version, {"responsible_id": sales.id})
    yield dict(staff, sales=sales, other=other, customer=c)
    set_clock(None)


def test_request_granted_by_the_responsible_staff_then_expires(setup):
    other, sales, c = setup["other"], setup["sales"], setup["customer"]
    with pytest.raises(PermissionDenied):
        archive.get_archive(other, c.id)
    req = access.request_access(other, c.id, "  准备下周拜访，需要了解合作历史  ", days=3)
    assert req.reason == "准备下周拜访，需要了解合作历史" and access.status_of(req) == "pending"
    with pytest.raises(ValidationError) as e:
        access.request_access(other, c.id, "again", days=3)
    assert "customer" in e.value.fields   # one pending request at a time
    assert [r.id for r in access.requests_to_decide(sales)] == [req.id]
    assert access.requests_to_decide(setup["other"]) == []
    with pytest.raises(PermissionDenied):
        access.grant(setup["tech"], req.id)          # neither responsible nor a manager
    with pytest.raises(PermissionDenied):
        access.grant(other, req.id)                  # nobody decides their own request
    granted = access.grant(sales, req.id, note="同意")
    assert granted.status == "granted" and granted.decided_by.id == sales.id
    a = archive.get_archive(other, c.id)
    assert a.access == "granted" and a.valid_until == granted.valid_until and a.editable == frozenset()
    with pytest.raises(TransitionNotAllowed):
        access.refuse(setup["manager"], req.id)      # already decided
    # Three days later the access has ended by itself.
    set_clock(granted.valid_until + dt.timedelta(seconds=1))
    assert access.status_of(access.my_requests(other)[0]) == "expired"
    with pytest.raises(PermissionDenied):
        archive.get_archive(other, c.id)
    # ... and a new request may be made.
    assert access.request_access(other, c.id, "续期", days=1).status == "pending"


def test_refused_and_revoked(setup):
    other, c, boss = setup["other"], setup["customer"], setup["manager"]
    req = access.request_access(other, c.id, "了解信用", days=7)
    refused = access.refuse(boss, req.id, "无业务需要")
    assert access.status_of(refused) == "refused" and refused.decision_note == "无业务需要"
    with pytest.raises(PermissionDenied):
        archive.get_archive(other, c.id)
    req = access.request_access(other, c.id, "了解信用", days=7)
    access.grant(boss, req.id, days=30)
    assert archive.get_archive(other, c.id).access == "granted"
    revoked = access.revoke(boss, req.id, "已完成")
    assert access.status_of(revoked) == "revoked"
    with pytest.raises(PermissionDenied):
        archive.get_archive(other, c.id)


def test_request_validation(setup):
    with pytest.raises(ValidationError) as e:
        access.request_access(setup["other"], setup["customer"].id, "  ", days=365)
    assert set(e.value.fields) == {"reason", "days"}
    with pytest.raises(ValidationError) as e:
        access.request_access(setup["sales"], setup["customer"].id, "我的客户", days=1)
    assert set(e.value.fields) == {"customer"}   # already has access


def test_every_view_and_denial_is_logged(setup):
    other, c = setup["other"], setup["customer"]
    with pytest.raises(PermissionDenied):
        archive.get_archive(other, c.id)
    archive.get_archive(setup["sales"], c.id)
    log = access.read_log(setup["manager"], customer_id=c.id)
    assert [(r.user.display_name, r.action, r.customer.id) for r in log] == [
        ("孙浩然", "view", c.id), ("钱多多", "denied", c.id)]
    assert access.read_log(setup["manager"], user_id=other.id)[0].detail == "view"


def test_grants_in_force_listed_for_those_who_may_revoke(setup):
    sales, other, c, boss = setup["sales"], setup["other"], setup["customer"], setup["manager"]
    stranger = users.create_user("sales3", "李四", "business")
    req = access.request_access(other, c.id, "核对信用额度", days=7)
    access.grant(sales, req.id, days=2)
    assert [r.id for r in access.grants_in_force(sales)] == [req.id]     # the responsible staff member
    assert [r.id for r in access.grants_in_force(boss)] == [req.id]      # a manager
    assert access.grants_in_force(stranger) == []
    set_clock(dt.datetime.now() + dt.timedelta(days=3))                  # expired: no longer in force
    assert access.grants_in_force(boss) == []
