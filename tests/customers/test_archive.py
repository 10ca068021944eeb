"""The customer archive: who reads it, editing, history, the overview query."""
from __future__ import annotations

from decimal import Decimal

import pytest

from app.domain.core import users
from app.domain.core.errors import ConcurrentChange, PermissionDenied, ValidationError
from app.domain.counter import customer_page
from app.domain.customers import access, archive, customers
from app.domain.customers.models import AccessLog, CustomerChange


@pytest.fixture
def people(staff):
    # Usernames of their own: the shared staff fixture may grow.
    return dict(staff, info=users.create_user("archivist", "周静", "info_manager"),
                biz=users.create_user("sales1", "孙浩然", "business"),
                biz2=users.create_user("sales2", "钱多多", "business"))


@pytest.fixture
def shop(any_db, people):
    c = customers.create_customer("北京海淀华信电子有限公司", "010-62888899", "dealer", "北京市海淀区中关村大街18号",
                                  user=people["info"])
    return archive.save_archive(people["info"], c.id, c.version,
                                {"short_name": "华信", "region": "北京市海淀区", "credit_rating": "A",
                                 "credit_limit": "50,000", "responsible_id": people["biz"].id})


def test_create_customer_needs_the_right(any_db, people):
    with pytest.raises(PermissionDenied):
        customers.create_customer("张伟", "13800138000", user=people["tech"])
    assert customers.create_customer("张伟", "13800138000", user=people["counter"]).code.startswith("CU-")


def test_who_reads_the_whole_archive(shop, people):
    for who, why in (("info", "keeper"), ("manager", "keeper"), ("admin", "keeper"), ("biz", "responsible")):
        assert archive.get_archive(people[who], shop.id).access == why
    for who in ("biz2", "counter", "tech"):
        with pytest.raises(PermissionDenied):
            archive.get_archive(people[who], shop.id)
        with pytest.raises(PermissionDenied):
            archive.history(people[who], shop.id)
        with pytest.raises(PermissionDenied):
            customer_page.related(people[who], shop.id)
    # ... but they see the overview row.
    row = archive.overview(people["counter"], archive.OverviewFilter(text="bjhd")).page(0)[0]
    assert (row.name, row.responsible, row.credit_rating) == ("北京海淀华信电子有限公司", "孙浩然", "A")
    log = [(r.user.display_name, r.action) for r in access.read_log(people["manager"], customer_id=shop.id)]
    assert ("钱多多", "denied") in log and ("李强", "denied") in log and ("孙浩然", "view") in log
    with pytest.raises(PermissionDenied):
        access.read_log(people["biz"])


def test_edit_rights(shop, people):
    a = archive.get_archive(people["biz"], shop.id)
    assert "notes" in a.editable and "credit_limit" not in a.editable
    c = archive.save_archive(people["biz"], shop.id, shop.version, {"notes": "新增了仓库"})
    with pytest.raises(PermissionDenied):
        archive.save_archive(people["biz"], shop.id, c.version, {"credit_limit": "900000"})
    with pytest.raises(PermissionDenied):
        archive.save_archive(people["biz2"], shop.id, c.version, {"notes": "x"})
    assert archive.get_archive(people["info"], shop.id).editable == frozenset(archive.ARCHIVE_FIELDS)


def test_validation_messages_per_field(shop, people):
    with pytest.raises(ValidationError) as e:
        archive.save_archive(people["info"], shop.id, shop.version, {
            "name": " ", "phone": "abc", "credit_limit": "-5", "credit_rating": "E", "email": "nobody",
            "category": "friend", "status": "gone", "tax_id": "12345", "cooperation_since": "2099-01-01",
            "employees": "many"},
            contacts=[{"name": "", "mobile": "12"}], addresses=[{"kind": "moon", "address": ""}])
    assert set(e.value.fields) == {"name", "phone", "credit_limit", "credit_rating", "email", "category", "status",
                                   "tax_id", "cooperation_since", "employees", "contacts.0.name",
                                   "contacts.0.mobile", "addresses.0.kind", "addresses.0.address"}
    assert CustomerChange.select().where(CustomerChange.customer == shop.id).count() == 5  # the fixture's only


def test_history_one_change_set_per_save(shop, people):
    c = archive.save_archive(people["info"], shop.id, shop.version,
                             {"phone": "０１０－６２８８８８００", "credit_limit": "60000", "notes": "  重点客户  "},
                             contacts=[{"name": "王经理", "title": "采购经理", "mobile": "13911112222",
                                        "is_primary": True}],
                             addresses=[{"kind": "warehouse", "address": "北京市昌平区回龙观仓库"}])
    assert c.phone == "010-62888800" and c.credit_limit == Decimal("60000.00") and c.notes == "重点客户"
    assert c.version == shop.version + 1
    changes = archive.history(people["biz"], shop.id)
    latest = [ch for ch in changes if ch.change_set == changes[0].change_set]
    got = {ch.field: (ch.old_value, ch.new_value) for ch in latest}
    assert got["phone"] == ("010-62888899", "010-62888800")
    assert got["credit_limit"] == ("50000.00", "60000.00")
    assert got["contact:+"][1].endswith("王经理 采购经理 13911112222")
    assert "address:+" in got and all(ch.user.display_name == "周静" for ch in latest)
    contact = archive.get_archive(people["info"], shop.id).contacts[0]
    c = archive.save_archive(people["info"], shop.id, c.version,
                             contacts=[{"id": contact.id, "name": "王经理", "title": "采购经理",
                                        "mobile": "13911113333", "is_primary": True}], addresses=[])
    changes = archive.history(people["info"], shop.id)
    got = {ch.field: (ch.old_value, ch.new_value) for ch in changes if ch.change_set == changes[0].change_set}
    assert got[f"contact:{contact.id}.mobile"] == ("13911112222", "13911113333")
    assert got["address:-"][0].endswith(" 北京市昌平区回龙观仓库")
    # Nothing changed: nothing written, version unchanged.
    again = archive.save_archive(people["info"], shop.id, c.version, {"phone": "010-62888800"})
    assert again.version == c.version


def test_stale_version_is_refused_and_nothing_written(shop, people):
    archive.save_archive(people["info"], shop.id, shop.version, {"notes": "A"})
    before = CustomerChange.select().count()
    with pytest.raises(ConcurrentChange):
        archive.save_archive(people["manager"], shop.id, shop.version, {"notes": "B"},
                             contacts=[{"name": "李四"}])
    assert CustomerChange.select().count() == before
    assert archive.get_archive(people["info"], shop.id).contacts == []


def test_search_text_follows_edits(shop, people):
    archive.save_archive(people["info"], shop.id, shop.version, {"name": "上海浦东恒通数码商行", "short_name": "恒通"})
    assert [c.name for c in customers.search("shpd")] == ["上海浦东恒通数码商行"]
    assert [c.name for c in customers.search("ht")] == ["上海浦东恒通数码商行"]   # short name initials
    assert customers.search("bjhd") == []


def test_overview_filters_sort_and_pages(any_db, people):
    made = []
    for i, (name, cat, region, rating) in enumerate([
            ("北京海淀华信电子有限公司", "dealer", "北京市海淀区", "A"), ("北京朝阳天成科技有限公司", "dealer", "北京市朝阳区", "B"),
            ("上海浦东恒通数码商行", "retailer", "上海市浦东新区", "A"), ("张伟", "end_user", "北京市海淀区", ""),
            ("吉𠮷商贸有限公司", "agent", "广州市天河区", "C")]):
        c = customers.create_customer(name, f"1380000{i:04d}", cat, user=None)
        made.append(archive.save_archive(None, c.id, c.version, {"region": region, "credit_rating": rating,
                                                                   "responsible_id": people["biz"].id if i % 2 else None}))
    archive.save_archive(None, made[1].id, made[1].version, {"status": "suspended"})
    p = customers.create_customer("候选客户", "13900000000", user=None)
    archive.save_archive(None, p.id, p.version, {"status": "prospect"})
    q = lambda **kw: [r.name for r in archive.overview(people["biz"], archive.OverviewFilter(**kw), sort="code").page(0)]  # noqa: E731
    assert len(q()) == 5 and "候选客户" not in q() and "候选客户" in q(status="all")
    assert q(region="北京市海淀区") == ["北京海淀华信电子有限公司", "张伟"]
    assert q(credit_rating="A", category="retailer") == ["上海浦东恒通数码商行"]
    assert q(credit_rating="none") == ["张伟"]
    assert q(status="suspended") == ["北京朝阳天成科技有限公司"]
    assert q(responsible_id=people["biz"].id) == ["北京朝阳天成科技有限公司", "张伟"]
    assert q(text="𠮷") == ["吉𠮷商贸有限公司"] and q(text="ＢＪ") == ["北京海淀华信电子有限公司", "北京朝阳天成科技有限公司"]
    ov = archive.overview(people["biz"], archive.OverviewFilter(), sort="region", descending=True)
    assert [r.region for r in ov.page(0, 2)] + [r.region for r in ov.page(2, 10)] == \
        sorted([r.region for r in ov.rows(batch=2)], reverse=True)
    assert ov.count() == 5 and ov.count(cap=2) == 3 and len(ov.ids()) == 5
    assert "北京市海淀区" in archive.regions()
    with pytest.raises(ValidationError):
        archive.overview(people["biz"], archive.OverviewFilter(category="friend"))


def test_overview_needs_the_right(any_db, people):
    from app.domain.core.models import User

    # A role without any right (as stored: require() may read the user afresh).
    User.update(role="nobody").where(User.id == people["tech"].id).execute()
    people["tech"].role = "nobody"
    with pytest.raises(PermissionDenied):
        archive.overview(people["tech"])


def test_customer_page_gathers_units_jobs_agreements(any_db, people):
    from tests.helpers import make_customer, take_in

    c = make_customer()
    take_in(people["counter"], customer=c, serial="SN001")
    page = customer_page.related(people["manager"], c.id)
    assert [u.serial for u in page.units] == ["SN001"] and len(page.jobs) == 1 and page.agreements == []
    assert AccessLog.select().where(AccessLog.action == "view").count() == 0  # the page logs no extra view


def test_demo_archive(db):
    from app import demo
    from app.domain.customers.models import AccessRequest, Customer

    demo.fill(customers_n=20, jobs_n=5)   # fills the archive too (demo_archive.fill_archive)
    assert Customer.select().where(Customer.status == "prospect").count() == 2
    assert Customer.select().where(Customer.responsible.is_null(False)).count() > 5
    assert sorted(access.status_of(r) for r in AccessRequest.select()) == ["expired", "granted", "pending", "refused"]
    assert archive.overview(None, archive.OverviewFilter(credit_rating="A")).page(0)
