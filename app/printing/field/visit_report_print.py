"""走访用户汇报 (附表4, §3.6) — the visit report as a boxed A4 form.

The form reads top to bottom as the paper one does: who was visited, when,
by whom and with which manager; the purposes of the visit's kind as ticked
or empty boxes (§3.3; §3.4's when a manager came along) and the goal in
words; the main gains, the customer's reactions and opinions, the
improvement suggestions, a complaint heard (only when there is one); the
signatures of the visitor and the department manager. Long texts wrap and
their box grows; a box taller than what is left of the page continues on
the next one (frame.grid ``split_rows``), closed on both pages and its
caption repeated there with "（续）"; every page after the first carries the
title, the number and "page x of y" at its top. The tick boxes are 4 mm.

Also holds the document captions in both print languages and the purpose
texts (long for this form, short for the plan), which
:mod:`app.printing.field.visit_plan_print` shares. The domain imports this module
only when it prints (reportlab costs ~150 ms to load).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import partial
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from app.printing.core.common import fmt_date, norm_lang, ptext, write_out
from app.printing.core.common import style as _style
from app.printing.core.company import Company
from app.printing.core.fonts import resolve_font
from app.printing.core.frame import CheckBox, build_pdf, continued_header, continued_text, grid, printed_stamp

_BG = colors.HexColor("#EEEEEE")

_ZH = {
    "report_title": "走访用户汇报", "report_form": "附表4", "plan_title_annual": "年度用户巡访计划",
    "plan_title_monthly": "月度用户巡访计划", "number": "编号", "customer": "走访对象", "customer_code": "客户编号",
    "contact": "接待人", "place": "走访地点", "time": "走访时间", "planned_for": "计划", "kind": "走访类别",
    "staff": "走访人员", "manager": "陪同经理", "goal": "走访目标", "goal_text": "目标说明", "gains": "主要收获",
    "reactions": "用户反应意见", "suggestions": "改善提议", "complaint": "用户投诉", "visitor_sign": "走访人（签字）",
    "manager_sign": "部门经理（签字）", "date": "日期", "none": "（无）", "colon": "：", "status": "状态",
    "page": "第 {page} 页 / 共 {pages} 页", "printed_at": "打印时间", "printed_by": "打印人",
    "manager_purposes": "经理陪同目的", "not_done": "（尚未走访）", "carried_from": "由 {number} 顺延",
    "period": "计划期间", "plan_staff": "业务人员", "plan_status": "计划状态", "approved_by": "审批人",
    "seq": "序号", "due": "计划时间", "purposes": "走访目的", "visit_status": "执行情况", "count": "共 {n} 次走访",
    "maker_sign": "制表", "approver_sign": "审批", "notes": "说明", "decision_note": "审批意见",
    "year_month": "{year}年{month}月", "year": "{year}年度", "month_only": "{month}月", "day": "{month}月{day}日",
}
_EN = {
    "report_title": "Customer visit report", "report_form": "Form 4", "plan_title_annual": "Annual customer visit plan",
    "plan_title_monthly": "Monthly customer visit plan", "number": "No.", "customer": "Customer visited",
    "customer_code": "Code", "contact": "Met", "place": "Place", "time": "Date of visit", "planned_for": "planned",
    "kind": "Kind", "staff": "Visited by", "manager": "Accompanying manager", "goal": "Purpose",
    "goal_text": "Goal", "gains": "Main gains", "reactions": "Customer's reactions and opinions",
    "suggestions": "Improvement suggestions", "complaint": "Complaint", "visitor_sign": "Visitor (signature)",
    "manager_sign": "Manager (signature)", "date": "Date", "none": "(none)", "colon": ": ",
    "status": "Status", "page": "Page {page} of {pages}", "printed_at": "Printed", "printed_by": "By",
    "manager_purposes": "Manager's purposes", "not_done": "(not made yet)", "carried_from": "carried from {number}",
    "period": "Period", "plan_staff": "Staff member", "plan_status": "Status", "approved_by": "Approved by",
    "seq": "No.", "due": "Due", "purposes": "Purposes", "visit_status": "Status", "count": "{n} visits",
    "maker_sign": "Prepared by", "approver_sign": "Approved by", "notes": "Notes", "decision_note": "Approver's note",
    "year_month": "{year}-{month:02d}", "year": "{year}", "month_only": "{month:02d}", "day": "{month:02d}-{day:02d}",
}
KINDS = {"zh_CN": {"patrol": "巡回服务", "market": "市场开拓", "service": "服务活动"},
         "en": {"patrol": "Patrol service", "market": "Market development", "service": "Service activity"}}
STATUSES = {"zh_CN": {"planned": "计划", "done": "已走访", "late": "逾期完成", "overdue": "逾期未访",
                      "cancelled": "已取消", "carried": "已顺延", "draft": "草稿", "submitted": "已提交",
                      "approved": "已批准"},
            "en": {"planned": "Planned", "done": "Done", "late": "Done late", "overdue": "Overdue",
                   "cancelled": "Cancelled", "carried": "Carried forward", "draft": "Draft",
                   "submitted": "Submitted", "approved": "Approved"}}
# code: (full Chinese, short Chinese, English)
PURPOSE_TEXT = {
    "patrol.A": ("调查研究用户的经营项目", "经营项目", "The customer's business lines"),
    "patrol.B": ("调查研究用户的商品库存、进货、销售情况", "库存进销", "Stock, purchases, sales"),
    "patrol.C": ("调查分析用户对本企业产品及服务的批评、建议、期望和投诉", "意见投诉",
                 "Criticism, suggestions, expectations, complaints"),
    "patrol.D": ("搜集市场行情、竞争对手动向、营销政策等信息", "市场信息", "Market intelligence"),
    "market.A": ("介绍本企业产品性能、特点和注意事项，对用户进行技术指导", "产品介绍",
                 "Product introduction, technical guidance"),
    "market.B": ("咨询新用户使用意见，发放《用户满意度调查表》", "满意度调查", "New customers' opinions, survey"),
    "service.A": ("处理和指导用户的申请事项", "申请事项", "Handle applications"),
    "service.B": ("对用户进行技术培训和技术服务", "技术培训", "Technical training and service"),
    "service.C": ("帮助用户解决生产技术、经营管理、使用消费等方面的难题", "解决难题",
                  "Production, management, usage problems"),
    "service.D": ("向用户提供本企业新产品信息", "新品信息", "New-product information"),
    "service.E": ("举行技术讲座或培训学习班", "讲座培训", "Seminars, training classes"),
    "service.F": ("向用户赠予样品、试用品、宣传品和礼品", "样品礼品", "Samples, trial items, gifts"),
    "service.G": ("开展加强与用户联络的公关活动", "公关活动", "Relationship activities"),
    "manager.1": ("示范推销技术", "示范推销", "Demonstrate selling"),
    "manager.2": ("催收逾期应收账款", "催收账款", "Collect receivables"),
    "manager.3": ("员工已做好铺垫，经理前往促成交易", "促成交易", "Close the deal"),
    "manager.4": ("帮助员工解决业务上的困难", "协助解难", "Help with difficulties"),
    "manager.5": ("处理用户抱怨", "处理抱怨", "Handle grievances"),
    "manager.6": ("与用户培养感情", "培养感情", "Build the relationship"),
    "manager.7": ("探询用户对本企业的印象", "企业印象", "View of the company"),
    "manager.8": ("探询用户对本企业员工的印象", "员工印象", "View of our staff"),
    "manager.9": ("帮助员工销售新产品", "新品销售", "Help sell new products"),
}


def VL(lang: str | None = "zh_CN") -> dict[str, str]:
    return _EN if norm_lang(lang) == "en" else _ZH


def kind_text(kind: str, lang: str | None) -> str:
    return KINDS[norm_lang(lang) if norm_lang(lang) == "en" else "zh_CN"].get(kind, kind)


def status_text(status: str, lang: str | None) -> str:
    return STATUSES["en" if norm_lang(lang) == "en" else "zh_CN"].get(status, status)


def purpose_text(code: str, lang: str | None, short: bool = False) -> str:
    full, brief, en = PURPOSE_TEXT.get(code, (code, code, code))
    if norm_lang(lang) == "en":
        return en
    return brief if short else full


def purposes_short(codes: list[str], lang: str | None) -> str:
    """"A 经营项目、C 意见投诉、经理5 处理抱怨" — the letters and numbers of the regulation."""
    sep = "; " if norm_lang(lang) == "en" else "、"
    mgr = "M" if norm_lang(lang) == "en" else "经理"
    return sep.join(f"{mgr if c.startswith('manager.') else ''}{c.split('.')[1]} {purpose_text(c, lang, short=True)}"
                    for c in codes)


@dataclass
class VisitReportData:
    """Everything form 4 prints for one visit (codes stay codes)."""
    company: Company
    number: str
    customer_name: str
    customer_code: str
    kind: str                                   # patrol | market | service
    staff: str
    due_month: date
    purposes: list[tuple[str, bool]] = field(default_factory=list)   # (code, ticked), the kind's (and manager's) list
    manager: str = ""
    planned_date: date | None = None
    actual_date: date | None = None
    contact_person: str = ""
    place: str = ""
    goal: str = ""
    gains: str = ""
    reactions: str = ""
    suggestions: str = ""
    complaint_text: str = ""
    status: str = "planned"                     # as shown: planned | done | late | overdue | cancelled | carried
    carried_from: str = ""                      # the number of the visit this one continues
    printed_at: datetime | None = None
    printed_by: str = ""


MARGIN_MM = 16
BASE = 10.0


def _story(d: VisitReportData, lang: str, font: str, width: float) -> list:
    t = VL(lang)
    c = t["colon"]
    style = partial(_style, cjk=lang != "en")      # English wraps between words, Chinese anywhere
    s, s_small = style(font, BASE), style(font, BASE - 1)
    s_lab = s
    P = lambda x, st=s: Paragraph(ptext(x, font), st)  # noqa: E731
    lab_w = 30 * mm
    half = width / 2 - lab_w
    story: list = [
        P(d.company.name, style(font, BASE + 1, align=TA_CENTER)),
        P(t["report_title"], style(font, BASE + 9, align=TA_CENTER, space_before=4, space_after=2)),
        Table([[P(f"{t['report_form']}", s_small),
                P(f"{t['number']}{c}{d.number}", style(font, BASE - 1, align=TA_RIGHT))]],
              colWidths=[width / 2, width / 2],
              style=[("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]),
        Spacer(1, 1 * mm),
    ]
    when = fmt_date(d.actual_date) if d.actual_date else t["not_done"]
    plan = t["year_month"].format(year=d.due_month.year, month=d.due_month.month)
    if d.planned_date:
        plan = fmt_date(d.planned_date)
    when += f"（{t['planned_for']}{c}{plan}）" if lang != "en" else f" ({t['planned_for']}: {plan})"
    if d.carried_from:
        when += ("；" if lang != "en" else "; ") + t["carried_from"].format(number=d.carried_from)
    head = [
        [P(t["customer"], s_lab), P(f"{d.customer_name}"), P(t["customer_code"], s_lab), P(d.customer_code)],
        [P(t["contact"], s_lab), P(d.contact_person), P(t["place"], s_lab), P(d.place)],
        [P(t["time"], s_lab), P(when), "", ""],
        [P(t["staff"], s_lab), P(d.staff), P(t["manager"], s_lab), P(d.manager or t["none"])],
        [P(t["kind"], s_lab), P(kind_text(d.kind, lang)), P(t["status"], s_lab), P(status_text(d.status, lang))],
    ]
    cont = continued_text(lang)
    story.append(_box(head, [lab_w, half, lab_w, half], font, cont, label_cols=((0, 1), (2, 3)),
                      extra=[("SPAN", (1, 2), (3, 2)), ("BACKGROUND", (2, 0), (2, 1), _BG),
                             ("BACKGROUND", (2, 3), (2, 4), _BG)]))
    # The purposes: every one of the kind (and the manager's), ticked or not.
    inner_w = width - lab_w - 8
    own = [(code, on) for code, on in d.purposes if not code.startswith("manager.")]
    mgr = [(code, on) for code, on in d.purposes if code.startswith("manager.")]
    cells: list = []
    for group, caption in ((own, kind_text(d.kind, lang)), (mgr, t["manager_purposes"])):
        if not group:
            continue
        cells.append(P(caption + c, s_small))
        for code, on in group:
            cells.append(_checked_line(f"{code.split('.')[1]}. {purpose_text(code, lang)}", on, font, s, inner_w))
    cells.append(Spacer(1, 1.5 * mm))
    cells += _paras(f"{t['goal_text']}{c}{d.goal or t['none']}", P)
    rows = [[P(t["goal"], s_lab), cells]]
    for key, text in (("gains", d.gains), ("reactions", d.reactions), ("suggestions", d.suggestions)):
        rows.append([P(t[key], s_lab), _paras(text or "", P)])
    if d.complaint_text:
        rows.append([P(t["complaint"], s_lab), _paras(d.complaint_text, P)])
    sign = Table([[P(t["visitor_sign"] + c, s_lab), "", P(t["manager_sign"] + c, s_lab), ""],
                  [P(t["date"] + c, s_lab), "", P(t["date"] + c, s_lab), ""]],
                 colWidths=[width * 0.2, width * 0.28, width * 0.24, width * 0.28], rowHeights=[12 * mm, 9 * mm])
    sign.setStyle(TableStyle([("LINEBELOW", (1, 0), (1, -1), 0.6, colors.black),
                              ("LINEBELOW", (3, 0), (3, -1), 0.6, colors.black),
                              ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("TOPPADDING", (0, 0), (-1, -1), 0)]))
    # A text longer than what is left of the page continues on the next one
    # under its caption with "（续）"; the signatures stay with the box's last
    # lines (a page break between the name and the date line left a page with
    # only "Date:" on it).
    story.append(_box(rows, [lab_w, width - lab_w], font, cont, label_cols=(0,),
                      min_heights=[0] + [19 * mm] * (len(rows) - 1), tail=[Spacer(1, 6 * mm), sign]))
    return story


def _paras(text: str, P) -> list:
    """Each line its own paragraph, so a long report may break between them too."""
    return [P(line) for line in text.split("\n")] if text else [P("")]


def _checked_line(text, on: bool, font, s, width):
    t = Table([[CheckBox(on), Paragraph(ptext(text, font), s)]], colWidths=[6.5 * mm, width - 6.5 * mm])
    t.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5)])
    return t


def _box(rows, widths, font, cont, *, label_cols, extra=(), min_heights=None, tail=None):
    """The form's ruled box: labels shaded in the first column, outer frame
    heavier and closed on both sides of a page break; a row too long for the
    page continues on the next one with its label and "（续）"."""
    last = -2 if tail is not None else -1         # the tail (signatures) unruled, unshaded
    t = grid(rows, widths, font, BASE, header=False, split_rows=True, label_cols=label_cols, continued=cont, box=1.2,
             tail=tail, extra=[("GRID", (0, 0), (-1, last), 0.5, colors.black),
                               ("BACKGROUND", (0, 0), (0, last), _BG), ("TOPPADDING", (0, 0), (-1, last), 4),
                               ("BOTTOMPADDING", (0, 0), (-1, last), 4), ("LEFTPADDING", (0, 0), (-1, last), 4),
                               ("RIGHTPADDING", (0, 0), (-1, last), 4), *extra])
    if min_heights:
        t._minRowHeights = list(min_heights) + [0] * (len(t._cellvalues) - len(min_heights))
    return t


def render_visit_report(data: VisitReportData, out: str | os.PathLike | BinaryIO | None = None, *,
                        lang: str = "zh_CN", font=None) -> bytes:
    """Render form 4 on A4 portrait; return the PDF bytes (and write to ``out`` if given).
    ``font``: a FontChoice, a font file path (Settings) or None (auto)."""
    lang = "en" if norm_lang(lang) == "en" else "zh_CN"
    fc = resolve_font(font)
    t = VL(lang)
    margin = MARGIN_MM * mm
    pdf = build_pdf(lambda width: _story(data, lang, fc.name, width), title=f"{t['report_title']} {data.number}",
                    author=data.company.name, font=fc.name,
                    footer_left=f"{data.company.name}  {t['report_title']} {data.number}",
                    footer_right=printed_stamp(t, data.printed_at, data.printed_by), page_format=t["page"],
                    margin=margin, footer_size=BASE - 2.5, header=continued_header(t["report_title"], data.number))
    return write_out(pdf, out)
