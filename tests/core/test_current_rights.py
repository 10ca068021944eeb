"""Issue 11, part 7: every check reads the user's current row. A user
demoted, disabled or given a temporary password at another station loses
the right at once (not at the next sign-in), for one primary-key read per
operation however many fields the operation checks."""
from __future__ import annotations

import pytest

from app.domain.core import auth, operations, permissions
from app.domain.core.errors import PermissionDenied
from app.domain.core.models import User
from app.domain.customers import access, archive, customers, import_export


@pytest.fixture
def setup(any_db, staff):
    sales = staff["business"]
    c = customers.create_customer("北京海淀华信电子有限公司", "010-62888899", "dealer", user=None)
    c = archive.save_archive(None, c.id, c.version, {"responsible_id": sales.id})
    return dict(staff, customer=c)


def stale(user: User) -> User:
    """The row as the signed-in window holds it (read at sign-in)."""
    return User.get_by_id(user.id)


def test_a_demoted_keeper_reads_prints_and_edits_no_more(setup):
    info, admin, c = stale(setup["info"]), setup["admin"], setup["customer"]
    assert archive.get_archive(info, c.id).access == "keeper"
    assert "credit_rating" in archive.editable_fields(info, c)
    auth.set_role(admin, info, "technician")            # at the administrator's station
    assert info.role == "info_manager"                  # the window's row is out of date
    assert access.access_reason(info, c) is None
    assert archive.editable_fields(info, c) == frozenset()
    for call in (lambda: archive.get_archive(info, c.id),
                 lambda: import_export.card_data(info, c.id),                  # the archive card
                 lambda: archive.save_archive(info, c.id, c.version, {"credit_rating": "A"}),
                 lambda: archive.history(info, c.id)):
        with pytest.raises(PermissionDenied):
            call()
    assert archive.get_customer(c.id).credit_rating == ""


def test_a_demoted_manager_grants_no_more(setup):
    boss, other, c = stale(setup["manager"]), setup["tech"], setup["customer"]
    req = access.request_access(other, c.id, "了解合作历史", days=3)
    assert access.may_decide(boss, c)
    auth.set_role(setup["admin"], boss, "counter")
    assert not access.may_decide(boss, c) and access.requests_to_decide(boss) == []
    with pytest.raises(PermissionDenied):
        access.grant(boss, req.id)
    assert access.status_of(access.my_requests(other)[0]) == "pending"


def test_a_disabled_user_is_refused_everything(setup):
    sales, c = stale(setup["business"]), setup["customer"]
    assert access.access_reason(sales, c) == "responsible" and access.may_decide(sales, c)
    assert "phone" in archive.editable_fields(sales, c)
    auth.deactivate(setup["admin"], sales)
    assert access.access_reason(sales, c) is None and not access.may_decide(sales, c)
    assert archive.editable_fields(sales, c) == frozenset()
    assert not permissions.can(sales, "customer.overview")
    with pytest.raises(PermissionDenied) as info:
        permissions.require(sales, "customer.overview")
    assert "disabled" in str(info.value.message)
    # Through the operation runner (every action of the window), even a
    # service that checks no right refuses him.
    for fn, args in ((access.my_requests, (sales,)), (customers.create_customer, ("某某", "", "end_user")),
                     (archive.get_archive, (sales, c.id))):
        kwargs = {"user": sales} if fn is customers.create_customer else {}
        with pytest.raises(PermissionDenied):
            operations.run(fn, *args, **kwargs)
    assert customers.search("某某") == []


def test_a_temporary_password_must_be_changed_before_anything_else(setup):
    admin = auth.set_password(None, setup["admin"], "top-secret-2026")
    info = auth.set_password(admin, setup["info"], "temp-pass-2026")    # reset: a temporary password
    c = setup["customer"]
    assert info.must_change_password
    assert not permissions.can(info, "customer.archive.read") and access.access_reason(info, c) is None
    with pytest.raises(PermissionDenied) as refused:
        operations.run(archive.get_archive, info, c.id)
    assert "temporary password" in str(refused.value.message)
    with pytest.raises(PermissionDenied):
        operations.run(access.my_requests, info)                  # no right needed, still refused
    # Changing the password is the one thing allowed; then everything else is.
    info = operations.run(auth.change_password, info, "temp-pass-2026", "my-own-pass-77")
    assert not info.must_change_password
    assert operations.run(archive.get_archive, info, c.id).access == "keeper"


def test_one_user_read_per_operation(setup, monkeypatch):
    """However many fields and checks an operation has, the user's row is read once."""
    info, c = stale(setup["info"]), setup["customer"]
    reads = []
    real = User.get_or_none.__func__

    def counting(cls, *query, **filters):
        reads.append(query)
        return real(cls, *query, **filters)

    monkeypatch.setattr(User, "get_or_none", classmethod(counting))
    fields = {"short_name": "华信", "region": "北京", "email": "hx@example.com", "notes": "老客户",
              "business_content": "电脑整机销售"}
    saved = operations.run(archive.save_archive, info, c.id, c.version, fields)
    assert saved.short_name == "华信" and len(reads) == 1
    reads.clear()
    operations.run(archive.get_archive, info, c.id)
    assert len(reads) == 1
