"""Issue 11, parts 1 and 3 in the customers book, on every configured
backend: the archive, its contacts and addresses, access requests and
new-customer selection refuse what their columns cannot hold (with the
field's name, leaving the tables unchanged), and keep free text as typed."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from app.domain import schema
from app.domain.core.errors import ValidationError
from app.domain.customers import access, archive, customers, selection
from app.domain.customers.archive_fields import parse_fields
from app.domain.customers.models import Customer, CustomerAddress, CustomerContact

LONG = "字" * 10_000


def snapshot(customer_id: int | None = None):
    counts = {m.__name__: m.select().count() for m in schema.MODELS}
    row = Customer.select().where(Customer.id == customer_id).dicts().first() if customer_id else None
    return counts, row


def refused(call, *fields, customer_id=None):
    before = snapshot(customer_id)
    with pytest.raises(ValidationError) as e:
        call()
    assert set(fields) <= set(e.value.fields), e.value.fields
    assert snapshot(customer_id) == before
    return e.value.fields


@pytest.fixture
def shop(any_db):
    return customers.create_customer("北京海淀华信电子有限公司", "010-62888899", "dealer", "北京市海淀区中关村大街18号",
                                     user=None)


@pytest.mark.parametrize("fields,field", [
    ({"name": LONG}, "name"),
    ({"name": "华信\x00电子"}, "name"),
    ({"name": {"zh": "华信"}}, "name"),
    ({"short_name": "华" * 101}, "short_name"),
    ({"bank_account": "6" * 65}, "bank_account"),
    ({"notes": "备" * 4001}, "notes"),
    ({"notes": "备注\x00"}, "notes"),
    ({"business_content": ["办公设备"]}, "business_content"),
    ({"address": "路" * 301}, "address"),
    ({"registered_capital": "1e20"}, "registered_capital"),
    ({"registered_capital": Decimal("1e20")}, "registered_capital"),
    ({"credit_limit": "50000.001"}, "credit_limit"),
    ({"credit_limit": {"yuan": 5}}, "credit_limit"),
    ({"annual_volume": Decimal("-1")}, "annual_volume"),
    ({"employees": "1e12"}, "employees"),
    ({"employees": 12.5}, "employees"),
    ({"cooperation_since": {"y": 2020}}, "cooperation_since"),
])
def test_archive_fields_are_checked(shop, fields, field):
    refused(lambda: archive.save_archive(None, shop.id, shop.version, fields), field, customer_id=shop.id)


def test_the_largest_amounts_are_stored_exactly(shop):
    refused(lambda: archive.save_archive(None, shop.id, shop.version, {"annual_volume": "1,000,000,000,000"}),
            "annual_volume", customer_id=shop.id)
    c = archive.save_archive(None, shop.id, shop.version, {"registered_capital": "999,999,999,999.99",
                                                           "credit_limit": Decimal("0.01"), "employees": 999999999})
    c = Customer.get_by_id(c.id)
    assert Decimal(c.registered_capital) == Decimal("999999999999.99")
    assert Decimal(c.credit_limit) == Decimal("0.01") and c.employees == 999999999


@pytest.mark.parametrize("contact,field", [
    ({"name": "王" * 101}, "contacts.0.name"),
    ({"name": "王伟", "wechat": "w" * 65}, "contacts.0.wechat"),
    ({"name": "王伟", "notes": "备\x00"}, "contacts.0.notes"),
    ({"name": ["王伟"]}, "contacts.0.name"),
    ({"name": "王伟", "email": {"a": "b"}}, "contacts.0.email"),
])
def test_contacts_are_checked(shop, contact, field):
    refused(lambda: archive.save_archive(None, shop.id, shop.version, contacts=[contact]), field,
            customer_id=shop.id)


@pytest.mark.parametrize("address,field", [
    ({"address": "路" * 301}, "addresses.0.address"),
    ({"address": "中关村\x00大街"}, "addresses.0.address"),
    ({"address": {"city": "北京"}}, "addresses.0.address"),
    ({"address": "中关村大街", "postcode": "1" * 17}, "addresses.0.postcode"),
])
def test_addresses_are_checked(shop, address, field):
    refused(lambda: archive.save_archive(None, shop.id, shop.version, addresses=[address]), field,
            customer_id=shop.id)


def test_free_text_is_kept_names_and_phones_normalised(shop):
    notes = "客户要求：先报价，再维修（保修外）。\n每月对账一次；\n  发票抬头见合同。"
    address = "北京市海淀区中关村大街18号（东门），华信大厦12层"
    c = archive.save_archive(None, shop.id, shop.version,
                             {"notes": notes, "business_content": "办公设备：打印机、复印机（批发）",
                              "address": address, "phone": "０１０－６２８８８８００", "name": "北京海淀华信电子有限公司（总部）"},
                             contacts=[{"name": "王伟", "notes": "周一至周五：9:00—17:00\n（午休不接电话）",
                                        "mobile": "１３８００１３８０００"}],
                             addresses=[{"kind": "warehouse", "address": "通州区：物流园（3号库）\n东侧门"}])
    c = Customer.get_by_id(c.id)
    assert c.notes == notes and c.business_content == "办公设备：打印机、复印机（批发）" and c.address == address
    assert c.phone == "010-62888800"                       # phone numbers are normalised ...
    assert c.name == "北京海淀华信电子有限公司(总部)"          # ... and names (matched, searched)
    contact = CustomerContact.get(CustomerContact.customer == c.id)
    assert contact.notes == "周一至周五：9:00—17:00\n（午休不接电话）" and contact.mobile == "13800138000"
    assert CustomerAddress.get(CustomerAddress.customer == c.id).address == "通州区：物流园（3号库）\n东侧门"


def test_the_import_checks_each_row_with_the_same_rules(any_db):
    values, errors = parse_fields({"name": "华信\x00", "notes": "备" * 4001, "credit_limit": "1e20",
                                   "address": "北京（海淀）"})
    assert set(errors) == {"name", "notes", "credit_limit"}
    assert values["address"] == "北京（海淀）"


def test_access_requests_and_decisions_are_checked(shop, staff):
    biz = staff["business"]
    refused(lambda: access.request_access(biz, shop.id, "因" * 2001, 7), "reason")
    refused(lambda: access.request_access(biz, shop.id, "核对\x00账目", 7), "reason")
    refused(lambda: access.request_access(biz, shop.id, {"why": "x"}, 7), "reason")
    refused(lambda: access.request_access(biz, shop.id, "核对账目", "九十"), "days")
    reason = "核对账目：2026年第三季度（发票）。\n需要联系人电话。"
    req = access.request_access(biz, shop.id, reason, 7)
    assert access.AccessRequest.get_by_id(req.id).reason == reason
    refused(lambda: access.grant(staff["manager"], req.id, 7, note="注" * 2001), "note")
    refused(lambda: access.grant(staff["manager"], req.id, "7"), "days")
    refused(lambda: access.refuse(staff["manager"], req.id, note=["不行"]), "note")


def test_selection_is_checked(any_db, staff):
    sales = staff["business"]
    p = selection.add_prospect(sales, "杭州西湖博远科技有限公司", "0571-88886666", "dealer")
    refused(lambda: selection.add_prospect(sales, "杭州" * 101), "name")
    refused(lambda: selection.add_investigation(sales, p.id, "general", dt.date.today(), "查" * 4001), "findings")
    refused(lambda: selection.add_investigation(sales, p.id, "general", dt.date.today(), "资信\x00良好"),
            "findings")
    refused(lambda: selection.assess(sales, p.id, "management", 4, "评" * 2001), "note")
    refused(lambda: selection.assess(sales, p.id, "management", {"s": 4}), "score")
    refused(lambda: selection.decide(staff["manager"], p.id, "refused", "拒" * 2001), "reason")
    findings = "走访：仓库（约500平方米），库存充足；\n财务报表：近三年盈利。"
    inv = selection.add_investigation(sales, p.id, "onsite", dt.date.today(), findings)
    assert selection.Investigation.get_by_id(inv.id).findings == findings
