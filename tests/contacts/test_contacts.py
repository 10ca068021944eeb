"""The contact register (客服登记本, issue 13) through its domain API, on
every configured backend."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from app.domain import schema
from app.domain.contacts import register
from app.domain.contacts.models import ContactEntry
from app.domain.contacts.register import ContactForm
from app.domain.core import operations
from app.domain.core.errors import AppendOnly, PermissionDenied, ValidationError
from app.domain.core.models import now
from app.domain.customers import customers
from tests.helpers import make_customer, take_in


def call(user, **kw):
    kw.setdefault("kind", "enquiry")
    kw.setdefault("matter", "问维修进度")
    return register.record(ContactForm(**kw), user)


def test_a_call_by_a_customers_number_is_numbered_and_names_the_customer(any_db, staff):
    c = make_customer()   # phone 010-62888899
    found = register.caller("(010) 6288 8899")
    assert [x.id for x in found.customers] == [c.id] and found.phone == "010-62888899"
    job = take_in(staff["counter"], customer=c).job
    assert [j.id for j in register.open_jobs(c.id)] == [job.id]
    line = operations.run(register.record, ContactForm(kind="guidance", matter="开机无显示怎么办",
                                                       answer="指导其长按电源键 10 秒复位", customer_id=c.id,
                                                       caller_name="刘工", caller_phone="010 6288 8899",
                                                       job_id=job.id), staff["tech"])
    year = now().year
    assert line.number == f"DH-{year}-000001"
    line = ContactEntry.get_by_id(line.id)
    assert (line.customer_id, line.customer_name, line.caller_phone, line.unit_id, line.user_id) == (
        c.id, c.name, "010-62888899", job.unit_id, staff["tech"].id)
    assert call(staff["counter"], customer_id=c.id).number == f"DH-{year}-000002"


def test_an_unknown_caller_by_number_alone_is_linked_later_by_a_correction(any_db, staff):
    line = call(staff["counter"], caller_phone="+86 139 1111 2222", kind="repair", matter="打印机卡纸")
    assert line.customer_id is None and line.caller_phone == "13911112222"
    assert [x.number for x in register.caller("139-1111-2222").last_lines] == [line.number]
    c = customers.create_customer("上海浦东远景贸易公司", "13911112222", "dealer", "", user=None)
    fixed = register.link_customer(line.id, c.id, staff["counter"])
    assert fixed.corrects_id == line.id and fixed.customer_id == c.id and fixed.customer_name == c.name
    assert fixed.at == line.at and fixed.number != line.number and "上海浦东远景贸易公司" in fixed.note
    assert register.corrected_ids() == {line.id} and register.latest_of(line).id == fixed.id
    with pytest.raises(ValidationError) as e:
        register.correct(line.id, staff["counter"], "再改一次", kind="other")
    assert "entry" in e.value.fields
    # The customer search finds the line by the customer now, and by the number.
    assert {x.id for x in register.query(customer="远景")} == {fixed.id}
    assert {x.id for x in register.query(customer="139 1111 2222")} == {line.id, fixed.id}


def test_the_book_is_append_only(any_db, staff):
    line = call(staff["counter"], caller_phone="13800138000")
    line.matter = "改了"
    with pytest.raises(AppendOnly):
        line.save()
    with pytest.raises(AppendOnly):
        line.delete_instance()
    void = register.correct(line.id, staff["business"], "记错了客户", void=True)
    assert void.voided and void.corrects_id == line.id
    with pytest.raises(ValidationError):
        register.correct(void.id, staff["business"], "撤销作废")
    assert register.counts_by_kind(None, None)["enquiry"] == 0


def test_wrong_lines_name_their_fields(any_db, staff):
    with pytest.raises(ValidationError) as e:
        register.record(ContactForm(kind="gossip", channel="pigeon", direction="sideways", matter=" "), staff["counter"])
    assert {"kind", "channel", "direction", "matter", "customer"} <= set(e.value.fields)
    with pytest.raises(ValidationError) as e:
        call(staff["counter"], caller_phone="abc-def")
    assert set(e.value.fields) == {"caller_phone"}
    with pytest.raises(ValidationError) as e:
        call(staff["counter"], caller_phone="13800138000", matter="长" * 2001, caller_name="名" * 101)
    assert set(e.value.fields) == {"matter", "caller_name"}
    with pytest.raises(ValidationError) as e:     # issue 11: a NUL is refused, not sent to the server
        call(staff["counter"], caller_phone="13800138000", matter="客户来电\x00询问", answer="已答复\x00")
    assert set(e.value.fields) == {"matter", "answer"} and "NUL" in e.value.fields["matter"]
    with pytest.raises(ValidationError) as e:
        call(staff["counter"], caller_phone="13800138000", follow_up_due=now().date())
    assert set(e.value.fields) == {"follow_up_by"}
    with pytest.raises(ValidationError) as e:
        call(staff["counter"], caller_phone="13800138000", follow_up_by_id=staff["tech"].id,
             follow_up_due=now().date() - dt.timedelta(days=1))
    assert set(e.value.fields) == {"follow_up_due"}
    other = make_customer("另一家公司", "010-11112222")
    job = take_in(staff["counter"], customer=other).job
    mine = make_customer("自己的公司", "010-33334444")
    with pytest.raises(ValidationError) as e:
        call(staff["counter"], customer_id=mine.id, job_id=job.id)
    assert set(e.value.fields) == {"job"}
    assert ContactEntry.select().count() == 0


def test_rights(any_db, staff):
    for role in ("counter", "business", "tech", "manager", "info"):
        call(staff[role], caller_phone="13800138000")
    line = ContactEntry.select().first()
    with pytest.raises(PermissionDenied):
        register.correct(line.id, staff["tech"], "改")
    register.correct(line.id, staff["counter"], "改", kind="other")


def test_follow_ups_are_shown_to_their_owner_until_a_line_follows_them_up(any_db, staff):
    today = now().date()
    c = make_customer()
    due_today = call(staff["counter"], customer_id=c.id, follow_up_by_id=staff["tech"].id, follow_up_due=today)
    later = call(staff["counter"], customer_id=c.id, follow_up_by_id=staff["tech"].id,
                 follow_up_due=today + dt.timedelta(days=2))
    old = call(staff["counter"], customer_id=c.id, follow_up_by_id=staff["tech"].id,
               follow_up_due=today - dt.timedelta(days=3), at=now() - dt.timedelta(days=5))
    call(staff["counter"], customer_id=c.id, follow_up_by_id=staff["business"].id, follow_up_due=today)
    due = register.follow_ups_due(staff["tech"], today)
    assert [x.id for x in due] == [old.id, due_today.id]
    assert register.is_overdue(old, today) and not register.is_overdue(due_today, today)
    assert len(register.follow_ups_due(staff["manager"], today, everyone=True)) == 3
    assert [x.id for x in register.follow_ups_due(staff["tech"], today + dt.timedelta(days=2))] == [
        old.id, due_today.id, later.id]
    done = call(staff["tech"], customer_id=c.id, direction="out", kind="guidance", matter="回电",
                answer="已解决", follows_up_id=old.id)
    assert done.follows_up_id == old.id
    assert [x.id for x in register.follow_ups_due(staff["tech"], today)] == [due_today.id]
    # A corrected follow-up is followed as its correction.
    fixed = register.correct(due_today.id, staff["counter"], "改为业务员跟进", follow_up_by_id=staff["business"].id)
    assert register.follow_ups_due(staff["tech"], today) == []
    assert fixed.id in {x.id for x in register.follow_ups_due(staff["business"], today)}


def test_search_by_day_kind_staff_and_text_and_export(any_db, staff, tmp_path):
    c = make_customer()
    day = now() - dt.timedelta(days=10)
    a = call(staff["counter"], customer_id=c.id, kind="praise", matter="表扬技术员服务好", at=day)
    b = call(staff["business"], customer_id=c.id, kind="application", matter="申请维修协议", channel="letter")
    assert [x.id for x in register.query()] == [b.id, a.id]
    assert [x.id for x in register.query(date_from=now().date())] == [b.id]
    assert [x.id for x in register.query(date_to=day.date())] == [a.id]
    assert [x.id for x in register.query(kind="praise")] == [a.id]
    assert [x.id for x in register.query(staff_id=staff["business"].id)] == [b.id]
    assert [x.id for x in register.query(text="协议")] == [b.id]
    assert [x.id for x in register.query(channel="letter")] == [b.id]
    assert [x.id for x in register.query(customer="华信")] == [b.id, a.id]
    assert register.counts_by_kind(None, None)["praise"] == 1
    path = tmp_path / "book.xlsx"
    assert register.export_xlsx(staff["tech"], path, register.query()) == 2
    ws = openpyxl.load_workbook(path).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][0] == "Number" and rows[1][0] == b.number and rows[1][7] == "Application"
    assert rows[2][8] == "表扬技术员服务好" and rows[2][11] == staff["counter"].display_name


def test_migration_adds_the_book_to_a_v7_database(any_db):
    """A database at schema v7 (without the book) gains it, on every backend."""
    from app.domain.core import db as dbmod
    from app.domain.core import migrations as engine
    from app.domain.core.models import Meta

    db = dbmod.database.obj
    db.drop_tables(schema.COMPLAINTS_MODELS + schema.CONTACTS_MODELS)
    Meta.update(value="7").where(Meta.key == "schema_version").execute()
    assert engine.current_version(db) == 7 and "contact_entry" not in db.get_tables()
    assert schema.migrate(db, backup=False) == [8]
    assert {"contact_entry", "complaint", "complaint_history"} <= set(db.get_tables())
    assert schema.MIGRATIONS[7].__name__ == "_m_contacts_and_complaints"
    c = make_customer()
    assert register.record(ContactForm(matter="迁移后可登记", customer_id=c.id), None).number.startswith("DH-")
