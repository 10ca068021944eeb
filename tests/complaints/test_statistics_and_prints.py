"""Complaint statistics for a period, the A4 summary and a complaint's
handling form (CJK embedded, the number as Code128), on every backend, the
print commands, and the statistics dialog's charts."""
from __future__ import annotations

import datetime as dt

import pytest

from app import cli
from app.domain.complaints import complaints, statistics
from app.domain.complaints.complaints import ComplaintForm
from app.domain.core import db as dbmod
from app.domain.core.errors import PermissionDenied, ValidationError
from app.printing.core.common import set_invariant
from tests.counter.test_printing import decode
from tests.helpers import make_customer, take_in
from tests.print_samples import read_back

DAY = dt.datetime(2026, 11, 23, 9, 0)    # a Monday


@pytest.fixture(autouse=True)
def _invariant():
    """Byte-stable PDFs while the test runs; the setting as it was afterwards (a module that set it at
    import, as tests/counter/test_printing.py does, keeps it)."""
    from reportlab import rl_config

    before = rl_config.invariant
    set_invariant(True)
    yield
    rl_config.invariant = before


def make_period(staff):
    """Four complaints: one closed on time, one closed late after a reopen, one waiting, one outside."""
    from app.domain.core.models import set_clock

    c = make_customer()
    job = take_in(staff["counter"], customer=c).job
    boss = staff["manager"]

    def step(t, at, action, **kw):
        set_clock(at)
        try:
            return complaints.perform(t.id, action, boss, None, **kw)
        finally:
            set_clock(None)

    a = complaints.receive(ComplaintForm(customer_id=c.id, words="维修质量差", about="job", job_id=job.id,
                                         severity="major", channel="phone", received_at=DAY), staff["counter"])
    a = step(a, DAY + dt.timedelta(hours=2), "acknowledge", note="已致歉")
    a = step(a, DAY + dt.timedelta(days=1), "reply", reply="重修", reply_how="phone", cause="workmanship")
    a = step(a, DAY + dt.timedelta(days=2), "close", satisfaction="satisfied", closing="结案")
    b = complaints.receive(ComplaintForm(customer_id=c.id, words="态度不好", about="staff", staff_id=staff["tech"].id,
                                         channel="wechat", received_at=DAY + dt.timedelta(days=1)), staff["counter"])
    b = step(b, DAY + dt.timedelta(days=1, hours=6), "acknowledge", note="已回电")
    b = step(b, DAY + dt.timedelta(days=2), "reply", reply="已批评教育", reply_how="phone", cause="attitude")
    b = step(b, DAY + dt.timedelta(days=3), "reopen", note="不满意")
    b = step(b, DAY + dt.timedelta(days=4), "reply", reply="当面道歉", reply_how="in_person")
    b = step(b, DAY + dt.timedelta(days=20), "close", satisfaction="partly", closing="结案")
    w = complaints.receive(ComplaintForm(customer_id=c.id, words="价格高", about="price", channel="phone",
                                         severity="critical", received_at=DAY + dt.timedelta(days=2)),
                           staff["counter"])
    complaints.receive(ComplaintForm(customer_id=c.id, words="上个月的", received_at=DAY - dt.timedelta(days=40)),
                       staff["counter"])
    return dict(a=a, b=b, w=w, job=job)


def test_statistics_of_a_period(any_db, staff):
    made = make_period(staff)
    s = statistics.compute(staff["manager"], DAY.date(), DAY.date() + dt.timedelta(days=6),
                           at=DAY + dt.timedelta(days=30))
    assert s.total == 3 and s.closed == 2 and s.closed_on_time == 1 and s.reopened == 1
    assert s.by_cause == {"workmanship": 1, "attitude": 1, "": 1}
    assert s.by_channel == {"phone": 2, "wechat": 1}
    assert s.by_severity == {"minor": 1, "major": 1, "critical": 1}
    assert s.by_staff == {staff["tech"].display_name: 1}
    assert s.by_product == {made["job"].unit.product.name: 1}
    assert s.avg_hours_to_contact == pytest.approx((2 + 6) / 2)
    assert s.avg_days_to_close == pytest.approx((2 + 19) / 2)
    assert s.on_time_share == pytest.approx(0.5) and s.reopened_share == pytest.approx(1 / 3)
    assert s.overdue_now == 1
    with pytest.raises(PermissionDenied):
        statistics.compute(staff["tech"], DAY.date(), DAY.date())
    with pytest.raises(ValidationError):
        statistics.compute(staff["manager"], DAY.date(), DAY.date() - dt.timedelta(days=1))


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_summary_and_the_form_print_and_read_back(db, staff, lang, tmp_path):
    made = make_period(staff)
    pdf = statistics.render_stats(staff["manager"], DAY.date(), DAY.date() + dt.timedelta(days=6), lang=lang)
    title = "用户投诉统计" if lang == "zh_CN" else "Complaint statistics"
    back = read_back(pdf, lang, title, sample=False)
    assert back.problems == []
    text = back.text()
    assert ("维修质量" in text and "服务态度" in text) if lang == "zh_CN" else ("Repairworkmanship" in text)
    form = statistics.render_form(staff["manager"], made["b"].id, lang=lang)
    title = "用户投诉处理单" if lang == "zh_CN" else "Complaint handling form"
    back = read_back(form, lang, title, sample=False)
    assert back.problems == []
    text = back.text()
    assert made["b"].number in text and ("当面道歉" in text)
    assert ("code128", made["b"].number) in decode(form, 0, tmp_path)
    assert b"FontFile2" in form or b"/FontFile" in form


def test_print_commands(tmp_path, capsys, staff_db):
    url, number = staff_db
    out = tmp_path / "s.pdf"
    assert cli.main(["--database", url, "print", "complaints", "--from", "2026-11-01", "--to", "2026-11-30",
                     "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    form = tmp_path / "f.pdf"
    assert cli.main(["--database", url, "print", "complaint", number, "-o", str(form)]) == 0
    assert number in capsys.readouterr().out and form.read_bytes().startswith(b"%PDF")
    assert cli.main(["--database", url, "print", "complaint", "TS-2026-999999", "-o", str(form)]) == 2


@pytest.fixture
def staff_db(tmp_path):
    from app.domain import bootstrap

    url = "sqlite:///" + str(tmp_path / "cli.sqlite3")
    bootstrap.open_database(url)
    c = complaints.receive(ComplaintForm(customer_id=make_customer().id, words="投诉", received_at=DAY), None)
    dbmod.close()
    yield url, c.number
    dbmod.close()


def test_the_statistics_dialog_draws_its_charts(qtbot, db, staff, printed, no_message_boxes):
    from app.ui.base.context import AppContext
    from app.ui.complaints.complaint_dialog import ComplaintDialog
    from app.ui.complaints.stats_dialog import StatsDialog

    made = make_period(staff)
    d = StatsDialog(AppContext(staff["manager"]), DAY.date(), DAY.date() + dt.timedelta(days=6))
    qtbot.addWidget(d)
    assert d.stats.total == 3 and "3" in d.figures.text()
    series = d.charts["cause"].series()[0]
    assert sorted(series.barSets()[0].at(i) for i in range(series.barSets()[0].count())) == [1, 1, 1]
    assert d.print_stats() and printed[-1][1].startswith(b"%PDF")
    c = ComplaintDialog(AppContext(staff["manager"]), made["a"].id)
    qtbot.addWidget(c)
    assert c.print_form() and len(printed) == 2


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_form_at_its_longest_texts_runs_over_pages_cleanly(lang):
    from app.domain.complaints.complaints import MAX_LENGTHS
    from app.printing.complaints.complaint_form import ComplaintFormData, ComplaintStep, render_complaint_form
    from tests.print_samples import company, long_text, user

    def longest(name: str) -> str:
        base = long_text("Job.fault", lang)
        return (base * 2)[:MAX_LENGTHS[name]]

    data = ComplaintFormData(company=company(lang), number="TS-2026-000123", state="调查中", overdue=True,
                             received_at=DAY, received_by=user(lang), source="客服登记本 DH-2026-000001",
                             customer="北京海淀华信电子有限公司", customer_code="CU-2026-000001",
                             contact="王先生 010-62888899 转8001", channel="电话", about="维修单：WX-2026-000001",
                             severity="严重", words=longest("words"), request=longest("request"),
                             responsible=user(lang), deadlines="首次联系 2026-11-23 17:00 前",
                             investigation=longest("investigation"), cause="维修质量", measures=longest("measures"),
                             reply=longest("reply"), satisfaction="基本满意", closing=longest("closing"),
                             steps=[ComplaintStep(DAY, user(lang)[:10], "已受理 → 已回应", longest("note")[:300])
                                    for _ in range(30)], printed_at=DAY, printed_by=user(lang))
    pdf = render_complaint_form(data, lang=lang)
    back = read_back(pdf, lang, "用户投诉处理单" if lang == "zh_CN" else "Complaint handling form", sample=False)
    assert back.problems == []
    assert back.pages >= 3
