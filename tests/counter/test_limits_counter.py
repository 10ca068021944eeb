"""Issue 11, parts 1-3 at the counter, on every configured backend: each
service refuses over-long text, out-of-range or too precise numbers, NUL
characters and values of the wrong type with a ValidationError naming the
field, and leaves the tables as they were; a payment is checked against what
is due; free text is stored and printed as typed."""
from __future__ import annotations

import io
from decimal import Decimal

import pytest

from app.domain import schema
from app.domain.core.errors import ValidationError
from app.domain.counter import documents, intake, jobs, products, register, release
from app.domain.counter.models import Job, JobHistory, JobLabour, JobPart, Receipt, RegisterEntry
from app.domain.customers import customers
from tests.helpers import make_customer, take_in

LONG = "字" * 10_000


def table_counts() -> dict[str, int]:
    return {m.__name__: m.select().count() for m in schema.MODELS}


def refused(call, *fields):
    """``call()`` raises ValidationError naming ``fields`` and changes no table."""
    before = table_counts()
    with pytest.raises(ValidationError) as e:
        call()
    assert set(fields) <= set(e.value.fields), e.value.fields
    assert table_counts() == before
    return e.value.fields


def intake_form(customer, **changes):
    values = dict(customer_id=customer.id, serial="PF3K9A2B", fault="开机无显示", items=["主机"],
                  product_model="TP-X1C-G11", product_name="ThinkPad X1 Carbon", warranty_months=12)
    values.update(changes)
    return intake.IntakeForm(**values)


@pytest.mark.parametrize("changes,field", [
    (dict(serial="S" * 101), "serial"),
    (dict(serial=LONG), "serial"),
    (dict(items=["主机", "电" * 201]), "items"),
    (dict(product_model="M" * 101), "product"),
    (dict(product_name="名" * 201), "product"),
    (dict(fault=LONG), "fault"),
    (dict(condition="划" * 1001), "condition"),
    (dict(brought_by="王" * 101), "brought_by"),
    (dict(fault="开机\x00无显示"), "fault"),
    (dict(serial="PF3K\x009A2B"), "serial"),
    (dict(items=["主机\x00"]), "items"),
    (dict(fault={"text": "开机无显示"}), "fault"),
    (dict(serial=12345), "serial"),
    (dict(items=[["主机"]]), "items"),
    (dict(warranty_months="十二"), "warranty_months"),
    (dict(warranty_months=241), "warranty_months"),
    (dict(customer_id="1"), "customer"),
    (dict(promised_date="2030-01-01"), "promised_date"),
])
def test_intake_refuses_what_its_columns_cannot_hold(any_db, staff, changes, field):
    c = make_customer()
    refused(lambda: intake.take_in(intake_form(c, **changes), staff["counter"]), field)


def test_intake_takes_every_field_at_its_maximum(any_db, staff):
    c = make_customer()
    form = intake_form(c, serial="S" * 100, items=["电" * 200] * 20, product_model="M" * 100,
                       product_name="名" * 200, fault="故" * 1000, condition="划" * 1000, brought_by="王" * 100)
    job = intake.take_in(form, staff["counter"]).job
    job = Job.get_by_id(job.id)
    assert (len(job.fault), len(job.condition), job.unit.serial) == (1000, 1000, "S" * 100)
    row = RegisterEntry.get(RegisterEntry.job == job.id)
    assert len(row.product) == 300 and row.person == "王" * 100        # 名 x 200 + " " + M x 100, cut to 300


def test_a_new_customer_at_the_counter_is_checked(any_db):
    for name, phone, address, field in ((LONG, "", "", "name"), ("张\x00伟", "", "", "name"),
                                        ({"n": 1}, "", "", "name"), ("张伟", "", "路" * 301, "address"),
                                        ("张伟", 13800138000, "", "phone")):
        refused(lambda: customers.create_customer(name, phone, "end_user", address, user=None), field)


@pytest.fixture
def working(any_db, staff):
    """A job being repaired (technician "tech")."""
    job = take_in(staff["counter"]).job
    for action in ("start_diagnosis", "start_repair"):
        job = jobs.perform(job.id, action, staff["tech"], job.version)
    return job


@pytest.mark.parametrize("description,quantity,price,field", [
    ("主板", "1", "1e20", "unit_price"),
    ("主板", "1", 1e20, "unit_price"),
    ("主板", "1", "1000000.01", "unit_price"),
    ("主板", "1", "12.345", "unit_price"),
    ("主板", "0.001", "10", "quantity"),
    ("主板", "1.005", "10", "quantity"),
    ("主板", "10001", "10", "quantity"),
    ("主板", "一个", "10", "quantity"),
    ("主板", {"n": 1}, "10", "quantity"),
    ("主板", None, "10", "quantity"),
    ("主板", "1", [10], "unit_price"),
    ("主" * 201, "1", "10", "description"),
    (LONG, "1", "10", "description"),
    ("主\x00板", "1", "10", "description"),
    ({"name": "主板"}, "1", "10", "description"),
])
def test_parts_and_materials_are_checked(working, staff, description, quantity, price, field):
    refused(lambda: jobs.add_part(working.id, description, quantity, price, staff["tech"], working.version), field)


def test_part_number_is_checked(working, staff):
    refused(lambda: jobs.add_part(working.id, "主板", "1", "10", staff["tech"], working.version,
                                  part_no="P" * 65), "part_no")


def test_a_quantity_finer_than_the_column_is_refused_and_the_finest_is_stored_exactly(working, staff):
    refused(lambda: jobs.add_part(working.id, "导热硅脂", "0.001", "30", staff["tech"], working.version,
                                  kind="material"), "quantity")
    job = jobs.add_part(working.id, "导热硅脂", "0.01", "30", staff["tech"], working.version, kind="material")
    job = jobs.add_part(job.id, "主板", "10000", "1000000", staff["tech"], job.version)
    rows = list(JobPart.select().order_by(JobPart.id))
    assert [(Decimal(r.quantity), Decimal(r.unit_price)) for r in rows] == [
        (Decimal("0.01"), Decimal("30")), (Decimal("10000"), Decimal("1000000"))]


@pytest.mark.parametrize("hours,rate,kwargs,field", [
    ("0.001", "80", {}, "hours"),
    ("25", "80", {}, "hours"),
    ("1", "1e20", {}, "rate"),
    ("1", "80.001", {}, "rate"),
    ("1", "80", {"description": "修" * 201}, "description"),
    ("1", "80", {"description": "修\x00"}, "description"),
    ("1", "80", {"technician_id": "2"}, "technician_id"),
    ("1", "80", {"work_date": "2026-01-01"}, "work_date"),
    ({"h": 1}, "80", {}, "hours"),
])
def test_labour_is_checked(working, staff, hours, rate, kwargs, field):
    refused(lambda: jobs.add_labour(working.id, hours, rate, staff["tech"], working.version, **kwargs), field)


def test_diagnosis_notes_and_reasons_are_checked(working, staff):
    tech = staff["tech"]
    refused(lambda: jobs.set_diagnosis(working.id, "诊" * 4001, tech, working.version), "diagnosis")
    refused(lambda: jobs.set_diagnosis(working.id, "主板\x00损坏", tech, working.version), "diagnosis")
    refused(lambda: jobs.set_diagnosis(working.id, ["主板"], tech, working.version), "diagnosis")
    refused(lambda: jobs.perform(working.id, "wait_parts", tech, working.version, note="等" * 4001), "note")
    refused(lambda: jobs.inform_customer(working.id, staff["counter"], working.version, "phone", "通\x00知"), "note")
    refused(lambda: jobs.inform_customer(working.id, staff["counter"], working.version, "pigeon", ""), "how")
    refused(lambda: jobs.override_kind(working.id, "paid", "因" * 501, staff["manager"], working.version),
            "kind_reason")


@pytest.fixture
def ready(any_db, staff):
    """A paid job (out of warranty) ready for pickup: a part of 100.00 and 0.5 h at 80.00 = 140.00 due."""
    res = take_in(staff["counter"], sale_date=products.add_months(__import__("datetime").date.today(), -30))
    job = res.job
    for action in ("start_diagnosis", "start_repair"):
        job = jobs.perform(job.id, action, staff["tech"], job.version)
    job = jobs.add_part(job.id, "电源板", "1", "100", staff["tech"], job.version)
    job = jobs.add_labour(job.id, "0.5", "80", staff["tech"], job.version)
    for action in ("finish_repair", "mark_ready"):
        job = jobs.perform(job.id, action, staff["tech"], job.version)
    return job, res.receipt


def test_release_checks_who_collects(ready, staff):
    job, receipt = ready
    pay = release.Payment("140", "cash")
    for collected_by in ("张" * 101, "张\x00三", {"name": "张三"}):
        refused(lambda: release.release(job.id, receipt.number, collected_by, staff["counter"], job.version, pay),
                "collected_by")
    refused(lambda: release.release(job.id, {"n": 1}, "张三", staff["counter"], job.version, pay), "receipt")
    refused(lambda: release.release(job.id, "R" * 10_000, "张三", staff["counter"], job.version, pay), "receipt")
    assert Job.get_by_id(job.id).state == "ready"


def test_cash_tendered_over_what_is_due_records_the_change(ready, staff):
    job, receipt = ready
    job = release.release(job.id, receipt.number, "张三", staff["counter"], job.version,
                          release.Payment("200", "cash"))
    job = Job.get_by_id(job.id)
    assert Decimal(job.amount_paid) == Decimal("140.00") and job.payment_method == "cash"
    row = JobHistory.get((JobHistory.job == job.id) & (JobHistory.what == "payment"))
    assert (row.old_value, row.new_value, row.note) == ("140.00", "200.00", "找零 60.00")
    assert release.change_given(job) == (Decimal("200.00"), Decimal("60.00"))


def test_exact_cash_records_no_change(ready, staff):
    job, receipt = ready
    job = release.release(job.id, receipt.number, "张三", staff["counter"], job.version, release.Payment("140", "cash"))
    assert release.change_given(job) == (Decimal("140.00"), Decimal("0.00"))
    assert Decimal(Job.get_by_id(job.id).amount_paid) == Decimal("140.00")


@pytest.mark.parametrize("amount,method,field", [
    ("139.99", "cash", "amount_paid"),          # not enough
    ("200", "card", "amount_paid"),             # only cash can be more (the change is given back)
    ("140.001", "cash", "amount_paid"),         # finer than a cent
    ("1e20", "cash", "amount_paid"),
    ("一百四", "cash", "amount_paid"),
    ({"yuan": 140}, "cash", "amount_paid"),
    (None, "cash", "amount_paid"),
    ("140", "", "payment_method"),
    ("140", "gold", "payment_method"),
    ("140", {"m": "cash"}, "payment_method"),
])
def test_wrong_payments_are_refused(ready, staff, amount, method, field):
    job, receipt = ready
    refused(lambda: release.release(job.id, receipt.number, "张三", staff["counter"], job.version,
                                    release.Payment(amount, method)), field)
    assert Job.get_by_id(job.id).state == "ready"
    assert Receipt.get_by_id(receipt.id).status == "valid"


def test_a_free_job_takes_no_money(any_db, staff):
    res = take_in(staff["counter"])                       # in warranty: free
    job = res.job
    for action in ("start_diagnosis", "start_repair"):
        job = jobs.perform(job.id, action, staff["tech"], job.version)
    job = jobs.add_part(job.id, "主板", "1", "1280", staff["tech"], job.version)
    for action in ("finish_repair", "mark_ready"):
        job = jobs.perform(job.id, action, staff["tech"], job.version)
    fields = refused(lambda: release.release(job.id, res.receipt.number, "张三", staff["counter"], job.version,
                                             release.Payment("5000", "cash")), "amount_paid")
    assert "Nothing is due" in fields["amount_paid"]
    job = release.release(job.id, res.receipt.number, "张三", staff["counter"], job.version,
                          release.Payment("", "cash"))
    job = Job.get_by_id(job.id)
    assert Decimal(job.amount_paid) == 0 and release.change_given(job) is None


def test_lost_receipt_reissue_cancel_and_register_corrections_are_checked(ready, staff, any_db):
    job, receipt = ready
    manager = staff["manager"]
    refused(lambda: release.release_without_receipt(job.id, "张三", "1" * 65, manager, manager, job.version,
                                                    payment=release.Payment("140", "cash")), "collector_id")
    refused(lambda: release.release_without_receipt(job.id, "张三", "110101199001011234", manager, manager,
                                                    job.version, reason="丢" * 1001,
                                                    payment=release.Payment("140", "cash")), "reason")
    refused(lambda: release.reissue_receipt(job.id, staff["counter"], job.version, "错\x00印"), "reason")
    other = take_in(staff["counter"], serial="SN-OTHER").job
    refused(lambda: release.cancel_job(other.id, staff["manager"], other.version, "误" * 1000), "note")
    row = RegisterEntry.get(RegisterEntry.job == other.id)
    refused(lambda: register.correct(row.id, staff["manager"], "更正", person="王" * 101), "person")
    refused(lambda: register.correct(row.id, staff["manager"], {"note": 1}), "note")


def test_full_width_punctuation_and_line_breaks_round_trip(any_db, staff):
    fault = "客户要求：先报价，再维修（保修外）。\n开机无显示；风扇异响！"
    condition = "外壳有划痕（左上角），屏幕完好。"
    items = ["主机（含电池）", "电源适配器：原装"]
    res = take_in(staff["counter"], fault=fault, items=items, condition=condition,
                  brought_by="李四（代取）")
    job = Job.get_by_id(res.job.id)
    assert (job.fault, job.condition) == (fault, condition)
    assert [i.description for i in job.items.order_by(job.items.model.seq)] == items
    job = jobs.perform(job.id, "start_diagnosis", staff["tech"], job.version)
    diagnosis = "主板供电：MOS管击穿；\n更换后测试（48小时）通过。"
    job = jobs.set_diagnosis(job.id, diagnosis, staff["tech"], job.version)
    job = jobs.perform(job.id, "start_repair", staff["tech"], job.version)
    job = jobs.add_part(job.id, "MOS管（AO4407）", "2", "3.50", staff["tech"], job.version)
    assert Job.get_by_id(job.id).diagnosis == diagnosis
    assert JobPart.get(JobPart.job == job.id).description == "MOS管（AO4407）"
    assert RegisterEntry.get(RegisterEntry.job == job.id).items == "主机（含电池）、电源适配器：原装"

    # Printed as typed: the pickup receipt and the voucher keep the punctuation and the line break.
    from pypdf import PdfReader

    from app.printing import render_receipt, render_voucher

    def text_of(pdf: bytes) -> str:
        return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)

    # The 80 mm receipt wraps the first line; the second still starts a line of its own.
    receipt_text = text_of(render_receipt(documents.receipt_data(Job.get_by_id(job.id))))
    lines = receipt_text.split("故障描述\n", 1)[1].split("\n外观状况", 1)[0].split("\n")
    assert "".join(lines) == fault.replace("\n", "") and lines[-1] == "开机无显示；风扇异响！"
    assert "外壳有划痕（左上角），屏幕完好。" in receipt_text
    assert "1. 主机（含电池）\n2. 电源适配器：原装" in receipt_text
    voucher_text = text_of(render_voucher(documents.voucher_data(Job.get_by_id(job.id))))
    assert f"故障描述\n{fault}\n检测结果\n{diagnosis}\n" in voucher_text
    assert "MOS管（AO4407）" in voucher_text


def test_labour_and_parts_on_every_backend_read_back_as_stored(working, staff):
    job = jobs.add_labour(working.id, "23.99", "999999.99", staff["tech"], working.version, description="调试：通电")
    line = JobLabour.get(JobLabour.job == job.id)
    assert (Decimal(line.hours), Decimal(line.rate), line.description) == (
        Decimal("23.99"), Decimal("999999.99"), "调试：通电")


def test_searches_ignore_a_nul_on_every_backend(any_db, staff):
    """A search writes nothing: a NUL typed or pasted into a search box is dropped, not sent to the server."""
    from app.domain.counter import workshop
    from app.domain.customers import overview
    from app.domain.field import activities, gifts, surveys

    res = take_in(staff["counter"])
    assert [c.id for c in customers.search("华信\x00")] == [res.job.customer_id]
    assert [j.id for j in workshop.queue(text="PF3K\x00")] == [res.job.id]
    assert [r.id for r in register.query(serial="pf3k9a2b\x00")] == [res.register_row.id]
    assert register.totals(None, None, serial="\x00", customer="华信\x00")[0]["in"] == 1
    assert overview.query(None, overview.OverviewFilter(text="华信\x00")).count() == 1
    assert activities.list_activities(staff["manager"], text="\x00") == []
    assert gifts.list_requests(staff["manager"], gifts.GiftFilter(text="\x00")) == []
    assert list(surveys.response_query(surveys.SurveyFilter(text="\x00", region="\x00"))) == []
