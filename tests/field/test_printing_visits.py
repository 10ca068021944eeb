"""The printed visit plan and visit report (附表4), read back with pypdf."""
from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from app.domain.core.models import set_clock
from app.domain.customers import customers
from app.domain.field import visit_outcomes, visit_plans, visits
from app.printing.field.visit_plan_print import render_visit_plan
from app.printing.field.visit_report_print import render_visit_report


def text_of(pdf: bytes) -> tuple[str, int]:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(p.extract_text() for p in reader.pages).replace(" ", ""), len(reader.pages)


@pytest.fixture
def visit(db, staff):
    set_clock(dt.datetime(2026, 11, 18, 10, 0))
    biz, boss = staff["business"], staff["manager"]
    c = customers.create_customer("北京海淀中关村电子城", "010-62881234", "dealer", user=None)
    plan = visit_plans.create_plan(biz, biz.id, "monthly", 2026, 11)
    v = visits.create_visit(biz, staff_id=biz.id, customer_id=c.id, kind="patrol", due_month=dt.date(2026, 11, 1),
                            purposes=["patrol.A", "patrol.C", "manager.5"], manager_id=boss.id,
                            goal="了解第四季度进货计划", contact_person="刘经理", plan_id=plan.id)
    v = visit_outcomes.record_report(biz, v.id, v.version, actual_date=dt.date(2026, 11, 17), gains="计划进货120台",
                             reactions="对维修周期不满意", suggestions="设立备件库", complaint_text="返修超过15天")
    plan = visit_plans.submit_plan(biz, plan.id, plan.version)
    visit_plans.approve_plan(boss, plan.id, plan.version)
    yield dict(staff=staff, visit=v, plan=plan, customer=c)
    set_clock(None)


def test_report_pdf(visit):
    biz = visit["staff"]["business"]
    data = visit_plans.report_print_data(biz, visit["visit"].id)
    assert ("patrol.B", False) in data.purposes and ("manager.5", True) in data.purposes
    text, pages = text_of(render_visit_report(data))
    for s in ("走访用户汇报", "附表4", visit["visit"].number, "北京海淀中关村电子城", "孙浩然", "王建国", "刘经理",
              "2026-11-17", "调查研究用户的经营项目", "处理用户抱怨", "了解第四季度进货计划", "计划进货120台",
              "对维修周期不满意", "设立备件库", "用户投诉", "返修超过15天", "走访人（签字）", "部门经理（签字）"):
        assert s in text, s
    assert pages == 1
    data.complaint_text = ""
    assert "用户投诉" not in text_of(render_visit_report(data))[0]
    data.gains = "对方计划下季度进货一百二十台，希望月底前确认价格。\n" * 150
    long_text, long_pages = text_of(render_visit_report(data))
    assert long_pages >= 3 and "第3页/共" in long_text
    en, _ = text_of(render_visit_report(data, lang="en"))
    assert "Customervisitreport" in en and "Maingains" in en


def test_plan_pdf(visit):
    boss = visit["staff"]["manager"]
    data = visit_plans.plan_print_data(boss, visit["plan"].id)
    text, pages = text_of(render_visit_plan(data))
    for s in ("2026年11月用户巡访计划", "孙浩然", "2026年11月", "已批准", "王建国", visit["visit"].number,
              "北京海淀中关村电子城", "巡回服务", "A经营项目", "处理抱怨", "已走访",
              "制表", "审批", "共1次走访"):
        assert s in text, s
    assert pages == 1
    for i in range(80):
        data.lines.append(data.lines[0])
    assert text_of(render_visit_plan(data))[1] >= 2


# --- issue 10: every field at its maximum, 200 visits --------------------------------------------

@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_report_with_every_field_at_its_maximum(lang):
    """Every text of the form at its maximum (4 000 characters of goal,
    gains, reactions, suggestions and complaint): the box continues page
    after page, closed on each, its caption repeated with （续）; the
    signatures after it; read back page by page."""
    from tests import print_samples as S

    pdf = render_visit_report(S.visit_report(lang), lang=lang)
    out = S.read_back(pdf, lang, "走访用户汇报" if lang == "zh_CN" else "Customer visit report", sample=False)
    assert out.problems == [] and out.pages > 3
    tops = ["".join(lines[1:5]).replace(" ", "") for number, lines in out.lines.items() if number > 1]
    cont = "（续）" if lang == "zh_CN" else "(continued)"
    for caption in (["走访目标", "主要收获", "用户反应意见", "改善提议", "用户投诉"] if lang == "zh_CN"
                    else ["Purpose", "Maingains", "Improvement", "Complaint"]):
        assert any(top.startswith(caption) and cont in top for top in tops), caption
    assert ("部门经理（签字）" if lang == "zh_CN" else "Manager(signature)") in "".join(out.lines[out.pages]).replace(" ", "")


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_plan_with_every_field_at_its_maximum_and_200_visits(lang):
    from tests import print_samples as S

    pdf = render_visit_plan(S.visit_plan(lang, rows=S.ROWS), lang=lang)
    title = S.text("VisitPlan.title", lang)      # the plan's own title, at its maximum
    out = S.read_back(pdf, lang, title)
    assert out.problems == [] and out.pages > 40
    assert ("制表" if lang == "zh_CN" else "Preparedby") in "".join(out.lines[out.pages]).replace(" ", "")


def test_report_tick_boxes_are_4_mm(visit):
    import pdfplumber

    data = visit_plans.report_print_data(visit["staff"]["business"], visit["visit"].id)
    with pdfplumber.open(io.BytesIO(render_visit_report(data))) as doc:
        squares = [r for r in doc.pages[0].rects if abs(r["width"] - r["height"]) < 0.5 and r["width"] > 6]
    assert len(squares) == len(data.purposes) and all(abs(r["width"] - 4 * 72 / 25.4) < 0.05 for r in squares)
