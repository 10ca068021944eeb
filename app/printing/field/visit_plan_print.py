"""用户巡访计划 (§3.5) — one staff member's annual or monthly visit plan on A4.

Header: the company, the title, the staff member, the period, the plan's
status and who approved it when; then the visits planned in it (number,
customer, kind, short purposes, due month/day, manager, how it went) with
the header row repeated on every page (and the title, staff member, period
and "page x of y" at the top of every page after the first); a visit
row too long for the page's end continues on the next one with its number
and "（续）"; signature lines for 制表 and 审批 kept with the table's last
row; "page x of y" at the foot of every page.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import partial
from datetime import date, datetime
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from app.printing.core.common import fmt_date, fmt_datetime, norm_lang, paras, ptext, widest_word, write_out
from app.printing.core.common import style as _style
from app.printing.core.company import Company
from app.printing.core.fonts import resolve_font
from app.printing.core.frame import build_pdf, continued_header, continued_text, grid, printed_stamp
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
    en = lang.startswith("en")
    # English wraps between words (a narrow column cut "custo|mer"); Chinese between any two characters.
    style = partial(_style, cjk=not en)
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
        story += [*paras(f"{t['notes']}{c}{d.notes}", font, s), Spacer(1, 2 * mm)]
    if d.decision_note:
        story += [*paras(f"{t['decision_note']}{c}{d.decision_note}", font, s), Spacer(1, 2 * mm)]
    annual = d.kind == "annual"
    # Header and text cells as paragraphs: they wrap inside their column
    # ("Accompanying manager", "Market development" ran into the next one).
    # English labels wrap between words, not inside them ("Patrol serv|ice"),
    # and each column is at least as wide as its widest word.
    s_label = style(font, BASE - 0.5)
    heads = [t[k] for k in ("seq", "number", "customer", "kind", "purposes", "due", "manager", "visit_status")]
    if en:
        heads[6] = "Manager"   # the column is narrow; the report form says "Accompanying manager"
    rows = [[P(h, s_label) for h in heads]]
    for i, line in enumerate(d.lines, 1):
        state = status_text(line.status, lang)
        if line.actual_date and line.status in ("done", "late"):
            state += f"\n{fmt_date(line.actual_date)}"
        rows.append([str(i), P(line.number), P(line.customer), P(kind_text(line.kind, lang), s_label),
                     P(purposes_short(line.purposes, lang)), P(_due(line, t, annual)), P(line.manager),
                     P(state, s_label)])
    if not d.lines:
        rows.append(["", t["none"]] + [""] * 6)
    words = [[h] for h in heads]
    words[3] += [kind_text(k, lang) for k in ("patrol", "market", "service")]
    words[7] += [status_text(k, lang) for k in ("planned", "done", "late", "overdue", "cancelled", "carried")]
    fixed = [8, 27, 0, 20, 0, 17, 16, 18]
    widths = [max(w * mm, widest_word(ws, font, BASE - 0.5) + 7) if w else 0 for w, ws in zip(fixed, words)]
    rest = width - sum(widths)
    widths[2], widths[4] = rest * 0.48, rest * 0.52
    count = P(t["count"].format(n=len(d.lines)), style(font, BASE - 0.5, align=TA_RIGHT))
    caps = [f"{t['maker_sign']}{c}", f"{t['date']}{c}", f"{t['approver_sign']}{c}", f"{t['date']}{c}"]
    room = [stringWidth(x, font, BASE) + 8 for x in caps]          # "Prepared by:" ran onto its line
    line_w = (width - sum(room)) / 4
    sign = Table([[caps[0], "", caps[1], "", caps[2], "", caps[3], ""]],
                 colWidths=[room[0], line_w * 1.2, room[1], line_w * 0.8, room[2], line_w * 1.2, room[3], line_w * 0.8],
                 rowHeights=[10 * mm])
    sign.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), font, BASE), ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]
                             + [("LINEBELOW", (i, 0), (i, 0), 0.6, colors.black) for i in (1, 3, 5, 7)]))
    # The count and the signature lines stay with the table's last row.
    story.append(grid(rows, widths, font, BASE - 0.5, num_cols=(0,), split_rows=True, label_cols=(0, 1),
                      continued=continued_text(lang), tail=[Spacer(1, 1.5 * mm), count, Spacer(1, 6 * mm), sign]))
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
                    margin=MARGIN, footer_size=BASE - 2,
                    header=continued_header(title, f"{data.staff}  {_period(data, t)}"))
    return write_out(pdf, out)
