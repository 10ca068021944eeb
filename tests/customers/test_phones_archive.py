"""One phone normaliser for the counter, the archive, the import, the search
and duplicate detection; schema v7 brings the stored numbers into the same
form (issue 11, part 4). On every backend."""
from __future__ import annotations

import peewee as pw
import pytest

from app.domain import schema as migrations
from app.domain.core import db as dbmod
from app.domain.core import users
from app.domain.core.errors import ValidationError
from app.domain.core.models import Meta
from app.domain.customers import archive, customers, import_export
from app.domain.customers.models import Customer, CustomerContact


def test_counter_and_archive_store_one_form_and_search_finds_every_form(any_db, staff):
    a = customers.create_customer("王芳", "+86 138 0013 8000", user=staff["counter"])
    b = customers.create_customer("北京海淀华信电子有限公司", "(010) 6255 1234", "dealer", user=staff["counter"])
    c = customers.create_customer("深圳南山客户", "0755-8888 6666 转 12", user=None)
    assert (a.phone, b.phone, c.phone) == ("13800138000", "010-62551234", "0755-88886666 转12")
    for typed in ("+86 138 0013 8000", "0086-13800138000", "138-0013-8000", "１３８ ００１３", "8000"):
        assert [x.name for x in customers.search(typed)] == ["王芳"], typed
    for typed in ("(010) 6255 1234", "010-62551234", "+86 10 6255 1234", "6255 1234", "010-62551234 ext. 8001"):
        assert [x.name for x in customers.search(typed)] == ["北京海淀华信电子有限公司"], typed
    assert [x.name for x in customers.search("0755 8888 6666")] == ["深圳南山客户"]
    with pytest.raises(ValidationError) as e:
        customers.create_customer("李雷", "abc", user=None)
    assert "not a phone number" in e.value.fields["phone"]
    with pytest.raises(ValidationError) as e:
        customers.create_customer("李雷", "138 0013", user=None)
    assert "11 digits" in e.value.fields["phone"]
    # The archive: the same rule for the customer's phone and its contacts' phones and mobiles.
    b = archive.save_archive(None, b.id, b.version, {"phone": "+86 10 6255 1234-8001"},
                             contacts=[{"name": "王经理", "phone": "(010)62551234 转 8002", "mobile": "139 1111 2222"}])
    assert b.phone == "010-62551234 转8001"
    contact = CustomerContact.get(CustomerContact.customer == b.id)
    assert (contact.phone, contact.mobile) == ("010-62551234 转8002", "13911112222")
    with pytest.raises(ValidationError) as e:
        archive.save_archive(None, b.id, b.version, contacts=[{"name": "王经理", "mobile": "12"}])
    assert "contacts" in str(e.value.fields) or "mobile" in str(e.value.fields)
    assert [x.name for x in customers.search("62551234")] == ["北京海淀华信电子有限公司"]
    # Saved again as typed another way: no change, no history row.
    before = b.version
    assert archive.save_archive(None, b.id, b.version, {"phone": "010 6255 1234 转8001"}).version == before


def test_a_number_another_customer_has_is_found_however_written(any_db, staff):
    first = customers.create_customer("王芳", "13800138000", user=None)
    office = customers.create_customer("华信电子", "010-62551234", "dealer", user=None)
    archive.save_archive(None, office.id, office.version,
                         contacts=[{"name": "赵会计", "mobile": "139-1111-2222"}])
    assert [c.name for c in customers.with_phone("+86 138 0013 8000")] == ["王芳"]
    assert [c.name for c in customers.with_phone("0086 138-0013-8000")] == ["王芳"]
    assert [c.name for c in customers.with_phone("(010) 6255 1234")] == ["华信电子"]
    assert [c.name for c in customers.with_phone("+86 139 1111 2222")] == ["华信电子"]   # a contact's mobile
    assert customers.with_phone("010-62551234 转8001") == []     # another extension: another number
    assert customers.with_phone("13800138000", exclude_id=first.id) == []
    assert customers.with_phone("") == [] and customers.with_phone("abc") == []
    # A second customer with the number is a warning, not a refusal.
    second = customers.create_customer("王芳二", "138 0013 8000", user=None)
    assert second.phone == "13800138000"
    assert [c.name for c in customers.with_phone("13800138000")] == ["王芳", "王芳二"]


def test_import_finds_the_same_number_written_two_ways(any_db, staff, tmp_path):
    keeper = users.create_user("archivist", "周静", "info_manager")
    customers.create_customer("已有客户", "13600001111", user=None)
    path = tmp_path / "list.csv"
    path.write_text("名称,电话\n甲公司,+86 136 0000 1111\n乙公司,(010) 6255 1234\n丙公司,010-62551234\n"
                    "丁公司,电话：0755-8888 6666 / 13900001111\n", encoding="utf-8")
    pv = import_export.preview(path, keeper)
    rows = {r.values["name"]: r for r in pv.rows}
    assert [r.values["phone"] for r in pv.rows] == ["13600001111", "010-62551234", "010-62551234", "0755-88886666"]
    assert any("CU" in m and "已有客户" in m for _, m in rows["甲公司"].messages)
    assert any("row 3" in m for _, m in rows["丙公司"].messages) and rows["丙公司"].status == "warning"
    assert "phone" not in {f for f, _ in rows["乙公司"].messages}
    result = import_export.commit(pv, keeper)
    assert result.created == 4
    assert [c.name for c in customers.with_phone("01062551234")] == ["乙公司", "丙公司"]


def test_migration_7_normalises_the_stored_numbers(any_db, staff):
    """A database put back to v6 with phones as people typed them is brought
    into the one form: the customers' phones and search texts, the contacts'
    phones and mobiles; a number that cannot be read is kept."""
    db = dbmod.database.obj
    made = {name: customers.create_customer(name, "", user=None) for name in ("王芳", "华信电子", "乱写客户", "无电话")}
    old = {"王芳": "+86 138 0013 8000", "华信电子": "(010) 6255 1234-8001", "乱写客户": "见备注", "无电话": ""}
    c = pw.Table("customer", ("id", "phone", "search_text")).bind(db)
    for name, phone in old.items():
        digits = "".join(ch for ch in phone if ch.isdigit())
        c.update(phone=phone, search_text=f"{name} {made[name].code.lower()} {digits}").where(
            c.id == made[name].id).execute()
    contact = CustomerContact.create(customer=made["华信电子"].id, name="王经理", phone="0755 8888 6666",
                                     mobile="１３９-１１１１-２２２２")
    odd = CustomerContact.create(customer=made["华信电子"].id, name="前台", phone="总机转前台", mobile="")
    if "customer_phone" in {i.name for i in db.get_indexes("customer")}:
        db.execute_sql(f"DROP INDEX {migrations.q(db, 'customer_phone')}"
                       + (f" ON {migrations.q(db, 'customer')}" if isinstance(db, pw.MySQLDatabase) else ""))
    Meta.update(value="6").where(Meta.key == "schema_version").execute()
    assert migrations.migrate(db, backup=False) == list(range(7, migrations.SCHEMA_VERSION + 1))
    got = {x.name: x for x in Customer.select()}
    assert got["王芳"].phone == "13800138000" and got["华信电子"].phone == "010-62551234 转8001"
    assert got["乱写客户"].phone == "见备注" and got["无电话"].phone == ""
    assert "13800138000" in got["王芳"].search_text and "8613800138000" not in got["王芳"].search_text
    assert [x.name for x in customers.search("+86 138-0013-8000")] == ["王芳"]
    assert [x.name for x in customers.search("(010) 6255 1234")] == ["华信电子"]
    assert [x.name for x in customers.with_phone("0086 13800138000")] == ["王芳"]
    contact, odd = CustomerContact.get_by_id(contact.id), CustomerContact.get_by_id(odd.id)
    assert (contact.phone, contact.mobile) == ("0755-88886666", "13911112222")
    assert (odd.phone, odd.mobile) == ("总机转前台", "")
    assert "customer_phone" in {i.name for i in db.get_indexes("customer")}
    assert migrations.migrate(db, backup=False) == []


def test_the_overview_and_the_counter_books_find_a_number_however_typed(any_db, staff):
    keeper = users.create_user("archivist", "周静", "info_manager")
    customers.create_customer("华信电子", "(010) 6255 1234", "dealer", user=None)
    customers.create_customer("王芳", "+86 138 0013 8000", user=None)
    for typed, name in (("+86 10 6255 1234", "华信电子"), ("010 62551234", "华信电子"),
                        ("0086 138-0013-8000", "王芳"), ("138 0013", "王芳")):
        rows = archive.overview(keeper, archive.OverviewFilter(text=typed)).page(0, 10)
        assert [r.name for r in rows] == [name], typed
