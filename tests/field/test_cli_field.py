"""``csdesk print`` writes the field-service forms (brief §3) as PDF."""
from __future__ import annotations

import io

import pypdf

from app import cli
from app.domain.core import db as dbmod
from app.domain.customers.models import Customer
from app.domain.field.models import GiftRequest, Visit, VisitPlan


def _text(path) -> str:
    return "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages)


def test_print_field_documents(tmp_path, capsys):
    url = "sqlite:///" + str(tmp_path / "cli.sqlite3")
    assert cli.main(["--database", url, "demo-data", "--customers", "12", "--jobs", "4"]) == 0
    visit = Visit.select().where(Visit.status == "done").first()
    plan = VisitPlan.select().first()
    gift = GiftRequest.select().where(GiftRequest.status == "given").first()
    customer = Customer.select().where(Customer.status == "active").first()
    numbers = (visit.number, plan.id, gift.number, customer.code, customer.name)
    dbmod.close()
    out = tmp_path / "x.pdf"
    assert cli.main(["--database", url, "print", "visit-report", numbers[0], "-o", str(out)]) == 0
    assert numbers[0] in _text(out) and "走访用户汇报" in _text(out)
    assert cli.main(["--database", url, "print", "visit-plan", str(numbers[1]), "-o", str(out)]) == 0
    assert "计划" in _text(out)
    assert cli.main(["--database", url, "print", "gift-slip", numbers[2], "-o", str(out)]) == 0
    assert numbers[2] in _text(out)
    assert cli.main(["--database", url, "print", "survey-form", numbers[3], "-o", str(out)]) == 0
    assert numbers[4] in _text(out) and "用户满意度调查表" in _text(out)
    assert cli.main(["--database", url, "print", "survey-form", "-o", str(out), "--lang", "en"]) == 0
    assert numbers[4] not in _text(out)
    assert cli.main(["--database", url, "print", "visit-report", "ZF-1999-000001", "-o", str(out)]) == 2
    assert "ZF-1999-000001" in capsys.readouterr().err


def test_a_full_visit_report_fits_one_page_in_both_languages(tmp_path):
    """A report with a manager's purposes, gains, suggestions and a complaint
    prints on one A4 page, in Chinese and in English (the English labels wrap
    and once pushed the signatures onto a second page)."""
    import datetime as dt

    from app.domain import bootstrap
    from app.domain.core import users
    from app.domain.customers import customers
    from app.domain.field import visit_outcomes, visits

    url = "sqlite:///" + str(tmp_path / "v.sqlite3")
    bootstrap.open_database(url)
    biz = users.create_user("biz", "孙浩然", "business")
    boss = users.create_user("boss", "王建国", "manager")
    c = customers.create_customer("上海浦东新宏达贸易代理有限公司", "021-58886666", "agent", user=None)
    month = dt.date.today().replace(day=1)
    v = visits.create_visit(None, staff_id=biz.id, customer_id=c.id, kind="patrol", due_month=month,
                            purposes=["patrol.C", "manager.3", "manager.6"], manager_id=boss.id,
                            goal="回访上月送修用户，收集对维修服务的意见。", contact_person="李工",
                            place="上海市浦东新区科技园南路49号")
    visit_outcomes.record_report(None, v.id, v.version, actual_date=dt.date.today(),
                                 gains="核对库存 86 台，其中 12 台为老型号，需安排促销。",
                                 suggestions="建议每季度安排一次技术培训。",
                                 complaint_text="10 月送修的 3 台打印机返修超过 15 天仍未取回，用户要求书面说明原因并尽快处理。")
    dbmod.close()
    out = tmp_path / "r.pdf"
    for lang, title in (("zh_CN", "走访用户汇报"), ("en", "Customer visit report")):
        assert cli.main(["--database", url, "print", "visit-report", v.number, "-o", str(out), "--lang", lang]) == 0
        assert title in _text(out) and len(pypdf.PdfReader(str(out)).pages) == 1, lang
