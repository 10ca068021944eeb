"""用户投诉统计 — the complaint statistics of a period on A4 portrait.

The key figures (complaints received, closed, closed on time, reopened,
overdue now, the average time to the first contact and to the close), then
one table per grouping — by cause, product, staff member complained
about, channel, severity and state — each row with its count, its share
and a bar drawn to scale, so the largest stands out on paper too.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import BinaryIO

from reportlab.graphics.shapes import Drawing, Rect
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from app.printing.core.common import fmt_date, norm_lang, ptext, write_out
from app.printing.core.common import style as _style
from app.printing.core.company import Company
from app.printing.core.fonts import resolve_font
from app.printing.core.frame import GRID, HEAD_BG, build_pdf, continued_header, keep_with_next, printed_stamp

BASE = 9.5
MARGIN = 15 * mm
BAR = colors.HexColor("#1565c0")


@dataclass
class StatsPrintData:
    company: Company
    date_from: date
    date_to: date
    total: int
    groups: list = field(default_factory=list)      # [(key, [(label, count), ...]), ...]
    avg_hours_to_contact: float | None = None
    avg_days_to_close: float | None = None
    closed: int = 0
    closed_on_time: int = 0
    reopened: int = 0
    overdue_now: int = 0
    printed_at: datetime | None = None
    printed_by: str = ""


_ZH = {"title": "用户投诉统计", "period": "统计期间", "to": "至", "colon": "：",
       "total": "受理投诉", "closed": "已结案", "on_time": "按期结案", "reopened": "重新处理", "overdue": "目前逾期",
       "contact": "平均首次联系用时", "close": "平均结案用时", "hours": "{v:.1f} 小时", "days": "{v:.1f} 天",
       "pieces": "{n} 件", "share": "{p:.0f}%", "none": "—",
       "cause": "按原因", "product": "按产品", "staff": "按被投诉人员", "channel": "按投诉方式", "severity": "按严重程度",
       "state": "按处理状态", "item": "项目", "count": "件数", "pct": "占比", "empty": "本期无此类投诉",
       "page": "第 {page} 页 / 共 {pages} 页", "printed_at": "打印时间", "printed_by": "打印人"}
_EN = {"title": "Complaint statistics", "period": "Period", "to": "to", "colon": ": ",
       "total": "Received", "closed": "Closed", "on_time": "Closed on time", "reopened": "Reopened",
       "overdue": "Overdue now", "contact": "Average time to first contact", "close": "Average time to close",
       "hours": "{v:.1f} h", "days": "{v:.1f} days", "pieces": "{n}", "share": "{p:.0f}%", "none": "—",
       "cause": "By cause", "product": "By product", "staff": "By staff member", "channel": "By channel",
       "severity": "By severity", "state": "By state", "item": "Item", "count": "Count", "pct": "Share",
       "empty": "None in this period", "page": "Page {page} of {pages}", "printed_at": "Printed", "printed_by": "By"}


def SL(lang: str | None) -> dict:
    return _EN if norm_lang(lang) == "en" else _ZH


def _period(d: StatsPrintData, t: dict) -> str:
    return f"{fmt_date(d.date_from)} {t['to']} {fmt_date(d.date_to)}"


def _bar(share: float, width: float, height: float = 3.2 * mm) -> Drawing:
    d = Drawing(width, height)
    d.add(Rect(0, 0, max(0.5, width * share), height, fillColor=BAR, strokeColor=None))
    return d


def _story(d: StatsPrintData, lang: str, font: str, width: float) -> list:
    t = SL(lang)
    c = t["colon"]
    s = _style(font, BASE, cjk=lang != "en")
    P = lambda x, st=s: Paragraph(ptext(x, font), st)  # noqa: E731
    story: list = [P(d.company.name, _style(font, BASE + 2, align=TA_CENTER)),
                   P(t["title"], _style(font, BASE + 9, align=TA_CENTER, space_before=4, space_after=4)),
                   P(f"{t['period']}{c}{_period(d, t)}", _style(font, BASE + 1, align=TA_CENTER, space_after=8))]

    def pct(n: int, of: int) -> str:
        return t["share"].format(p=100 * n / of) if of else t["none"]

    figures = [
        [t["total"], t["pieces"].format(n=d.total), t["closed"], t["pieces"].format(n=d.closed)],
        [t["on_time"], f"{t['pieces'].format(n=d.closed_on_time)}（{pct(d.closed_on_time, d.closed)}）"
         if lang != "en" else f"{d.closed_on_time} ({pct(d.closed_on_time, d.closed)})",
         t["reopened"], f"{t['pieces'].format(n=d.reopened)}（{pct(d.reopened, d.total)}）"
         if lang != "en" else f"{d.reopened} ({pct(d.reopened, d.total)})"],
        [t["contact"], t["hours"].format(v=d.avg_hours_to_contact) if d.avg_hours_to_contact is not None
         else t["none"], t["close"], t["days"].format(v=d.avg_days_to_close) if d.avg_days_to_close is not None
         else t["none"]],
        [t["overdue"], t["pieces"].format(n=d.overdue_now), "", ""],
    ]
    box = Table([[P(x) for x in row] for row in figures], colWidths=[width * 0.28, width * 0.22] * 2)
    box.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, GRID), ("BACKGROUND", (0, 0), (0, -1), HEAD_BG),
                             ("BACKGROUND", (2, 0), (2, -2), HEAD_BG), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    story += [box, Spacer(1, 6 * mm)]
    widths = [width * 0.42, width * 0.12, width * 0.12, width * 0.34]
    for key, rows in d.groups:
        heading = P(t[key], _style(font, BASE + 2, space_before=2, space_after=3))
        table_rows = [[P(t["item"]), P(t["count"]), P(t["pct"]), ""]]
        biggest = max((n for _l, n in rows), default=0)
        for name, n in rows:
            table_rows.append([P(name or t["none"]), str(n), pct(n, d.total),
                               _bar(n / biggest if biggest else 0, widths[3] - 8)])
        if not rows or not d.total:
            table_rows.append([P(t["empty"]), "", "", ""])
        table = Table(table_rows, colWidths=widths, repeatRows=1)
        table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), font, BASE), ("GRID", (0, 0), (-1, -1), 0.4, GRID),
                                   ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG), ("ALIGN", (1, 1), (2, -1), "RIGHT"),
                                   ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
        story += keep_with_next(heading, table) + [Spacer(1, 5 * mm)]
    return story


def render_complaint_stats(data: StatsPrintData, out: str | os.PathLike | BinaryIO | None = None, *,
                           lang: str = "zh_CN", font=None) -> bytes:
    """The statistics on A4 portrait; the PDF bytes (written to ``out`` if given)."""
    lang = "en" if norm_lang(lang) == "en" else "zh_CN"
    fc = resolve_font(font)
    t = SL(lang)
    period = _period(data, t)
    pdf = build_pdf(lambda width: _story(data, lang, fc.name, width), title=f"{t['title']} {period}",
                    author=data.company.name, font=fc.name, footer_left=f"{data.company.name}  {t['title']}  {period}",
                    footer_right=printed_stamp(t, data.printed_at, data.printed_by), page_format=t["page"],
                    margin=MARGIN, footer_size=BASE - 2, header=continued_header(t["title"], period))
    return write_out(pdf, out)
