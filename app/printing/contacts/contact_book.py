"""客服登记本 (§4.2) — the contact register printed as the book's pages.

A4 landscape, one row a line of the register, oldest first as the book
reads: the number (DH-…), date and time, in or out, the channel, the
customer or the caller (name and number), the kind, the matter, the
answer, who took it, the follow-up (who, by when) and the job it
concerns. A correction says which line it corrects and why, a void which
line it voids; a line a later line corrects says by which. Every page
after the first carries the title, the range and "page n of N" at the top;
the header row repeats on every page; a row too long for the page's end
goes on over the next with its number and "（续）". Under the last row: the
lines per kind in the range (as corrected) and a line for the checker's
signature.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import partial
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from app.printing.core.common import fmt_date, norm_lang, ptext, widest_word, write_out
from app.printing.core.common import style as _style
from app.printing.core.company import Company
from app.printing.core.fonts import resolve_font
from app.printing.core.frame import build_pdf, continued_header, continued_text, grid, printed_stamp

PAGE = landscape(A4)
MARGIN = 10 * mm
BASE = 7.5
KINDS = ("enquiry", "guidance", "repair", "application", "complaint", "praise", "other")


@dataclass
class ContactBookLine:
    """One line of the register as the book prints it (codes for direction, channel and kind)."""
    number: str
    at: datetime
    direction: str
    channel: str
    kind: str
    customer: str = ""
    caller: str = ""              # the contact person
    phone: str = ""
    matter: str = ""
    answer: str = ""
    taken_by: str = ""
    follow_up: str = ""           # "who\nyyyy-mm-dd", "" for none
    follow_up_done: str = ""      # the number of the line that followed it up
    job: str = ""
    corrects: str = ""            # the number of the line this one corrects (or voids)
    voided: bool = False
    note: str = ""                # a correction's reason
    corrected_by: str = ""        # the number of the later line that corrects this one
    corrected_by_void: bool = False   # ... and that line voids it


@dataclass
class ContactBookData:
    """The book for ``date_from`` .. ``date_to`` (both days included), ``lines`` oldest first."""
    company: Company
    date_from: date
    date_to: date
    lines: Iterable[ContactBookLine] = field(default_factory=list)
    printed_at: datetime | None = None
    printed_by: str = ""


_ZH = {
    "title": "客服登记本", "period": "登记期间", "to": "至", "colon": "：",
    "number": "登记号", "at": "日期时间", "direction": "来/去", "channel": "方式", "customer": "客户 / 来电人",
    "kind": "类别", "matter": "事由", "answer": "答复", "taken_by": "受理人", "follow_up": "跟进（人、期限）",
    "job": "维修单",
    "in": "来", "out": "去",
    "phone": "电话", "letter": "来信", "email": "邮件", "wechat": "微信", "walk_in": "来访",
    "enquiry": "咨询", "guidance": "技术指导", "repair": "报修", "application": "申请", "complaint": "投诉",
    "praise": "表扬", "other": "其他",
    "corrects": "更正 {number}：{note}", "voids": "作废 {number}：{note}",
    "corrected_by": "已更正，见 {number}", "voided_by": "已作废，见 {number}", "done": "已跟进（{number}）",
    "none": "本期无登记", "count": "本期登记 {n} 条（按更正后计）：{kinds}",
    "checked": "核对人：", "date": "日期：",
    "page": "第 {page} 页 / 共 {pages} 页", "printed_at": "打印时间", "printed_by": "打印人",
}
_EN = {
    "title": "Contact register", "period": "Period", "to": "to", "colon": ": ",
    "number": "No.", "at": "Date and time", "direction": "In / out", "channel": "Channel",
    "customer": "Customer / caller", "kind": "Kind", "matter": "Matter", "answer": "Answer",
    "taken_by": "Taken by", "follow_up": "Follow-up (who, by)", "job": "Job",
    "in": "In", "out": "Out",
    "phone": "Phone", "letter": "Letter", "email": "E-mail", "wechat": "WeChat", "walk_in": "Walk-in",
    "enquiry": "Enquiry", "guidance": "Guidance", "repair": "Repair request", "application": "Application",
    "complaint": "Complaint", "praise": "Praise", "other": "Other",
    "corrects": "Corrects {number}: {note}", "voids": "Voids {number}: {note}",
    "corrected_by": "corrected by {number}", "voided_by": "voided by {number}", "done": "done ({number})",
    "none": "No lines in this period", "count": "{n} line(s) in the period, as corrected: {kinds}",
    "checked": "Checked by:", "date": "Date:",
    "page": "Page {page} of {pages}", "printed_at": "Printed", "printed_by": "By",
}


def CL(lang: str | None) -> dict:   # as the other documents' label tables (L, BL, VL)
    """The book's captions in ``lang`` ("zh_CN", the default, or "en")."""
    return _EN if norm_lang(lang) == "en" else _ZH


def _period(d: ContactBookData, t: dict) -> str:
    if d.date_from == d.date_to:
        return fmt_date(d.date_from)
    return f"{fmt_date(d.date_from)} {t['to']} {fmt_date(d.date_to)}"


def _story(d: ContactBookData, lang: str, font: str, width: float) -> list:
    t = CL(lang)
    c = t["colon"]
    en = lang == "en"
    style = partial(_style, cjk=not en)
    s_cell = style(font, BASE, leading=BASE * 1.25)
    s_label = style(font, BASE, leading=BASE * 1.25)
    P = lambda x, st=s_cell: Paragraph(ptext(x, font), st)  # noqa: E731
    story: list = [P(d.company.name, style(font, BASE + 2.5, align=TA_CENTER)),
                   P(t["title"], style(font, BASE + 8, align=TA_CENTER, space_before=3, space_after=4)),
                   P(f"{t['period']}{c}{_period(d, t)}", style(font, BASE + 1.5, align=TA_CENTER, space_after=4))]
    heads = [t[k] for k in ("number", "at", "direction", "channel", "customer", "kind", "matter", "answer",
                            "taken_by", "follow_up", "job")]
    rows = [[P(h, s_label) for h in heads]]
    counted = {k: 0 for k in KINDS}
    n = 0
    for line in d.lines:
        who = "\n".join(x for x in (line.customer, line.caller, line.phone) if x)
        matter = line.matter
        if line.corrects:
            key = "voids" if line.voided else "corrects"
            matter = t[key].format(number=line.corrects, note=line.note) + ("" if line.voided else "\n" + matter)
        if line.corrected_by:
            matter += "\n" + t["voided_by" if line.corrected_by_void else "corrected_by"].format(
                number=line.corrected_by)
        follow = line.follow_up
        if follow and line.follow_up_done:
            follow += "\n" + t["done"].format(number=line.follow_up_done)
        rows.append([P(line.number), P(f"{line.at:%Y-%m-%d}\n{line.at:%H:%M}"), P(t.get(line.direction, ""),
                                                                                  s_label),
                     P(t.get(line.channel, line.channel), s_label), P(who), P(t.get(line.kind, line.kind), s_label),
                     P(matter), P(line.answer), P(line.taken_by), P(follow), P(line.job)])
        if not line.voided and not line.corrected_by and line.kind in counted:
            counted[line.kind] += 1
        n += 1
    if n == 0:
        rows.append(["", P(t["none"])] + [""] * (len(heads) - 2))
    words = [[h] for h in heads]
    words[2] += [t["in"], t["out"]]
    words[3] += [t[k] for k in ("phone", "letter", "email", "wechat", "walk_in")]
    words[5] += [t[k] for k in KINDS]
    fixed = [24, 17, 8, 11, 0, 13, 0, 0, 13, 26, 24]
    widths = [max(w * mm, widest_word(ws, font, BASE) + 7) if w else 0 for w, ws in zip(fixed, words)]
    rest = width - sum(widths)
    widths[4], widths[6], widths[7] = rest * 0.24, rest * 0.41, rest * 0.35
    kinds = "　".join(f"{t[k]} {v}" for k, v in counted.items() if v) if not en else \
        ", ".join(f"{t[k]} {v}" for k, v in counted.items() if v)
    count = P(t["count"].format(n=sum(counted.values()), kinds=kinds or "—"), style(font, BASE + 0.5, align=TA_RIGHT))
    caps = [t["checked"], t["date"]]
    room = [stringWidth(x, font, BASE + 1) + 8 for x in caps]
    sign = Table([[caps[0], "", caps[1], ""]], colWidths=[room[0], 60 * mm, room[1], 40 * mm], rowHeights=[9 * mm],
                 hAlign="RIGHT")
    sign.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), font, BASE + 1), ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]
                             + [("LINEBELOW", (i, 0), (i, 0), 0.6, colors.black) for i in (1, 3)]))
    story.append(grid(rows, widths, font, BASE, split_rows=True, label_cols=(0,), continued=continued_text(lang),
                      tail=[Spacer(1, 1.5 * mm), count, Spacer(1, 3 * mm), sign]))
    return story


def render_contact_book(data: ContactBookData, out: str | os.PathLike | BinaryIO | None = None, *,
                        lang: str = "zh_CN", font=None) -> bytes:
    """The book's pages (A4 landscape); the PDF bytes (written to ``out`` if given)."""
    lang = "en" if norm_lang(lang) == "en" else "zh_CN"
    fc = resolve_font(font)
    t = CL(lang)
    period = _period(data, t)
    pdf = build_pdf(lambda width: _story(data, lang, fc.name, width), title=f"{t['title']} {period}",
                    author=data.company.name, font=fc.name, footer_left=f"{data.company.name}  {t['title']}  {period}",
                    footer_right=printed_stamp(t, data.printed_at, data.printed_by), page_format=t["page"],
                    margin=MARGIN, footer_size=BASE - 0.5, pagesize=PAGE,
                    header=continued_header(t["title"], period))
    return write_out(pdf, out)
