"""用户巡访计划 (§3.5) — one staff member's annual or monthly visit plan on A4.

Header: the company, the title, the staff member, the period, the plan's
status and who approved it when; then the visits planned in it (number,
customer, kind, short purposes, due month/day, manager, how it went) with
the header row repeated on every page; signature lines for 制表 and 审批
kept with the table's end; "page x of y" on every page.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from app.printing.core.common import fmt_date, fmt_datetime, norm_lang, ptext, style, write_out
from app.printing.core.company import Company
from app.printing.core.fonts import resolve_font
from app.printing.core.frame import build_pdf, grid, printed_stamp
from app.printing.field.visit_report_print import VL, kind_text, purposes_short, status_text

BASE = 9.0
MARGIN = 15 * mm


@dataclass
class PlanLine:
    number: str
    customer: str
    kind: str
    purposes: list[str]
    due_month: date
    planned_date: date | None = None
    manager: str = ""
    status: str = "planned"          # as shown: planned | done | late | overdue | cancelled | carried
    actual_date: date | None = None


@dataclass
class PlanPrintData:
    company: Company
    kind: str                        # annual | monthly
    year: int
    month: int | None
    staff: str
    title: str = ""
    status: str = "draft"
    notes: str = ""
    submitted_at: datetime | None = None
    decided_by: str = ""
    decided_at: datetime | None = None
    decision_note: str = ""
    lines: list[PlanLine] = field(default_factory=list)
    printed_at: datetime | None = None
    printed_by: str = ""


def _period(d: PlanPrintData, t: dict) -> str:
    if d.kind == "monthly":
        return t["year_month"].format(year=d.year, month=d.month)
    return t["year"].format(year=d.year)


def _due(line: PlanLine, t: dict, annual: bool) -> str:
    m = line.due_month
    if line.planned_date:
        return t["day"].format(month=m.month, day=line.planned_date.day)
    return t["month_only"].format(month=m.month) if annual else t["year_month"].format(year=m.year, month=m.month)


def _story(d: PlanPrintData, lang: str, font: str, width: float) -> list:
    t = VL(lang)
    c = t["colon"]
    s, s_small = style(font, BASE), style(font, BASE - 0.5)
    P = lambda x, st=s_small: Paragraph(ptext(x, font), st)  # noqa: E731
    title = d.title or t["plan_title_annual" if d.kind == "annual" else "plan_title_monthly"]
    story: list = [P(d.company.name, style(font, BASE + 2, align=TA_CENTER)),
                   P(title, style(font, BASE + 9, align=TA_CENTER, space_before=4, space_after=6))]
    status = status_text(d.status, lang)
    approved = ""
    if d.status == "approved" and d.decided_by:
        approved = f"{d.decided_by} {fmt_datetime(d.decided_at)}"
    info = [[P(f"{t['plan_staff']}{c}{d.staff}", s), P(f"{t['period']}{c}{_period(d, t)}", s),
             P(f"{t['plan_status']}{c}{status}", s), P(f"{t['approved_by']}{c}{approved}", s)]]
    head = Table(info, colWidths=[width * 0.22, width * 0.22, width * 0.2, width * 0.36])
    head.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black)]))
    story += [head, Spacer(1, 3 * mm)]
    if d.notes:
        story += [P(f"{t['notes']}{c}{d.notes}", s), Spacer(1, 2 * mm)]
    if d.decision_note:
        story += [P(f"{t['decision_note']}{c}{d.decision_note}", s), Spacer(1, 2 * mm)]
    annual = d.kind == "annual"
    # Header and text cells as paragraphs: they wrap inside their column
    # ("Accompanying manager", "Market development" ran into the next one).
    # English labels wrap between words, not inside them ("Patrol serv|ice").
    s_label = style(font, BASE - 0.5, cjk=not lang.startswith("en"))
    heads = [t[k] for k in ("customer", "kind", "purposes", "due", "manager", "visit_status")]
    if lang.startswith("en"):
        heads[4] = "Manager"   # the column is narrow; the report form says "Accompanying manager"
    rows = [[t["seq"], t["number"]] + [P(h, s_label) for h in heads]]
    for i, line in enumerate(d.lines, 1):
        state = status_text(line.status, lang)
        if line.actual_date and line.status in ("done", "late"):
            state += f"\n{fmt_date(line.actual_date)}"
        rows.append([str(i), line.number, P(line.customer), P(kind_text(line.kind, lang), s_label),
                     P(purposes_short(line.purposes, lang)), _due(line, t, annual), P(line.manager), P(state)])
    if not d.lines:
        rows.append(["", t["none"]] + [""] * 6)
    fixed = [8, 27, 0, 20, 0, 17, 16, 18]
    rest = width - sum(fixed) * mm
    widths = [w * mm for w in fixed]
    widths[2], widths[4] = rest * 0.48, rest * 0.52
    story.append(grid(rows, widths, font, BASE - 0.5, num_cols=(0,)))
    story.append(Spacer(1, 1.5 * mm))
    story.append(P(t["count"].format(n=len(d.lines)), style(font, BASE - 0.5, align=TA_RIGHT)))
    sign = Table([[f"{t['maker_sign']}{c}", "", f"{t['date']}{c}", "", f"{t['approver_sign']}{c}", "",
                   f"{t['date']}{c}", ""]],
                 colWidths=[width * x for x in (0.08, 0.2, 0.06, 0.15, 0.08, 0.2, 0.06, 0.17)], rowHeights=[10 * mm])
    sign.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), font, BASE), ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]
                             + [("LINEBELOW", (i, 0), (i, 0), 0.6, colors.black) for i in (1, 3, 5, 7)]))
    story.append(KeepTogether([Spacer(1, 8 * mm), sign]))
    return story


def render_visit_plan(data: PlanPrintData, out: str | os.PathLike | BinaryIO | None = None, *,
                      lang: str = "zh_CN", font=None) -> bytes:
    """Render the plan on A4 portrait; return the PDF bytes (and write to ``out`` if given)."""
    lang = "en" if norm_lang(lang) == "en" else "zh_CN"
    fc = resolve_font(font)
    t = VL(lang)
    title = data.title or t["plan_title_annual" if data.kind == "annual" else "plan_title_monthly"]
    pdf = build_pdf(lambda width: _story(data, lang, fc.name, width), title=title, author=data.company.name,
                    font=fc.name, footer_left=f"{data.company.name}  {title}  {data.staff}",
                    footer_right=printed_stamp(t, data.printed_at, data.printed_by), page_format=t["page"],
                    margin=MARGIN, footer_size=BASE - 2)
    return write_out(pdf, out)
