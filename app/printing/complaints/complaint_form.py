"""用户投诉处理单 — one complaint's handling form on A4 portrait.

The number as text and as a Code128 barcode (scanned to find the
complaint), the record as received (customer, contact, channel, what is
complained about, severity, the customer's words, what they ask for, the
person responsible and the deadlines), the handling (investigation, cause,
measures, the reply and how and when it was given, the customer's answer,
the manager's closing), the steps with who, when and the note, and lines to
sign for the person responsible and the manager. A long text runs on over
the next page, its row's caption repeated with "（续）".
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from app.printing.core.barcodes import code128
from app.printing.core.common import fmt_datetime, norm_lang, ptext, write_out
from app.printing.core.common import style as _style
from app.printing.core.company import Company
from app.printing.core.fonts import resolve_font
from app.printing.core.frame import build_pdf, continued_header, continued_text, grid, printed_stamp

BASE = 9.5
MARGIN = 15 * mm


@dataclass
class ComplaintStep:
    at: datetime
    who: str
    what: str            # as printed: "已受理 → 已回应", "责任人：孙浩然"
    note: str = ""


@dataclass
class ComplaintFormData:
    company: Company
    number: str
    state: str                       # as printed
    overdue: bool = False
    received_at: datetime | None = None
    received_by: str = ""
    source: str = ""                 # as printed: "客服登记本 DH-2026-000012"
    customer: str = ""
    customer_code: str = ""
    contact: str = ""                # the contact person and phone
    channel: str = ""
    about: str = ""                  # what is complained about, with the job / unit / staff member named
    severity: str = ""
    words: str = ""
    request: str = ""
    responsible: str = ""
    deadlines: str = ""
    investigation: str = ""
    cause: str = ""
    measures: str = ""
    reply: str = ""                  # with how and when
    satisfaction: str = ""
    closing: str = ""                # with who and when
    steps: list[ComplaintStep] = field(default_factory=list)
    printed_at: datetime | None = None
    printed_by: str = ""


_ZH = {"title": "用户投诉处理单", "number": "投诉编号", "state": "处理状态", "overdue": "（已逾期）", "colon": "：",
       "received": "受理时间", "received_by": "受理人", "source": "来源", "customer": "投诉客户", "contact": "联系人/电话",
       "channel": "投诉方式", "about": "投诉对象", "severity": "严重程度", "words": "用户原话", "request": "用户要求",
       "responsible": "处理责任人", "deadlines": "处理期限", "investigation": "调查情况", "cause": "原因",
       "measures": "处理措施", "reply": "答复用户", "satisfaction": "用户意见", "closing": "结案意见",
       "record": "投诉内容", "handling": "处理情况", "steps": "处理记录", "when": "时间", "who": "经办人", "what": "步骤",
       "note": "说明", "sign_handler": "处理人（签字）", "sign_manager": "经理（签字）", "date": "日期",
       "page": "第 {page} 页 / 共 {pages} 页", "printed_at": "打印时间", "printed_by": "打印人"}
_EN = {"title": "Complaint handling form", "number": "Complaint no.", "state": "State", "overdue": " (overdue)",
       "colon": ": ", "received": "Received", "received_by": "Received by", "source": "Source",
       "customer": "Customer", "contact": "Contact / phone", "channel": "Channel", "about": "About",
       "severity": "Severity", "words": "Customer's words", "request": "They ask for", "responsible": "Responsible",
       "deadlines": "Deadlines", "investigation": "Investigation", "cause": "Cause", "measures": "Measures",
       "reply": "Reply", "satisfaction": "Customer's answer", "closing": "Closing", "record": "The complaint",
       "handling": "Handling", "steps": "Steps", "when": "When", "who": "Who", "what": "Step", "note": "Note",
       "sign_handler": "Handled by (signature)", "sign_manager": "Manager (signature)", "date": "Date",
       "page": "Page {page} of {pages}", "printed_at": "Printed", "printed_by": "By"}


def FL(lang: str | None) -> dict:
    return _EN if norm_lang(lang) == "en" else _ZH


def _story(d: ComplaintFormData, lang: str, font: str, width: float) -> list:
    t = FL(lang)
    en = lang == "en"
    s = _style(font, BASE, cjk=not en)
    s_lab = _style(font, BASE, cjk=not en)
    P = lambda x, st=s: Paragraph(ptext(x, font), st)  # noqa: E731
    barcode = code128(d.number, 62 * mm, bar_height=10 * mm, font_name=font)
    head = Table([[[P(d.company.name, _style(font, BASE + 1.5)),
                    P(t["title"], _style(font, BASE + 9, space_before=3))], barcode]],
                 colWidths=[width - 66 * mm, 66 * mm])
    head.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                              ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                              ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black)]))
    state = d.state + (t["overdue"] if d.overdue else "")
    story: list = [head, Spacer(1, 3 * mm),
                   P(f"{t['number']}{t['colon']}{d.number}　　{t['state']}{t['colon']}{state}"
                     if not en else f"{t['number']}: {d.number}    {t['state']}: {state}",
                     _style(font, BASE + 1, space_after=4))]
    cap_w = max(stringWidth(t[k], font, BASE) for k in ("contact", "investigation", "satisfaction",
                                                        "responsible", "deadlines")) + 10
    label_w = min(max(cap_w, 24 * mm), 40 * mm)

    def section(title: str, rows: list[tuple[str, str]]):
        data = [[P(t[k], s_lab), P(v)] for k, v in rows]
        return grid(data, [label_w, width - label_w], font, BASE, header=False,
                    caption=P(title, _style(font, BASE + 2)), continued=continued_text(lang), split_rows=True,
                    label_cols=((0, 1),), extra=[("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#F2F2F2"))])

    story.append(section(t["record"], [
        ("received", f"{fmt_datetime(d.received_at)}　{t['received_by']}{t['colon']}{d.received_by}"
         if not en else f"{fmt_datetime(d.received_at)}, {t['received_by'].lower()} {d.received_by}"),
        ("source", d.source), ("customer", f"{d.customer}　{d.customer_code}".strip()), ("contact", d.contact),
        ("channel", d.channel), ("about", d.about), ("severity", d.severity), ("words", d.words),
        ("request", d.request), ("responsible", d.responsible), ("deadlines", d.deadlines)]))
    story.append(Spacer(1, 4 * mm))
    story.append(section(t["handling"], [
        ("investigation", d.investigation), ("cause", d.cause), ("measures", d.measures), ("reply", d.reply),
        ("satisfaction", d.satisfaction), ("closing", d.closing)]))
    story.append(Spacer(1, 4 * mm))
    rows = [[P(t["when"], s_lab), P(t["who"], s_lab), P(t["what"], s_lab), P(t["note"], s_lab)]]
    for step in d.steps:
        rows.append([P(fmt_datetime(step.at)), P(step.who), P(step.what), P(step.note)])
    caps = [f"{t['sign_handler']}{t['colon']}", f"{t['date']}{t['colon']}", f"{t['sign_manager']}{t['colon']}",
            f"{t['date']}{t['colon']}"]
    room = [stringWidth(x, font, BASE) + 6 for x in caps]
    line_w = max(10 * mm, (width - sum(room)) / 4)
    sign = Table([[caps[0], "", caps[1], "", caps[2], "", caps[3], ""]],
                 colWidths=[room[0], line_w * 1.3, room[1], line_w * 0.7, room[2], line_w * 1.3, room[3],
                            line_w * 0.7], rowHeights=[11 * mm])
    sign.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), font, BASE), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                              ("LEFTPADDING", (0, 0), (-1, -1), 1), ("RIGHTPADDING", (0, 0), (-1, -1), 1)]
                             + [("LINEBELOW", (i, 0), (i, 0), 0.6, colors.black) for i in (1, 3, 5, 7)]))
    when_w = stringWidth("0000-00-00 00:00", font, BASE) + 8
    story.append(grid(rows, [when_w, 22 * mm, 48 * mm, width - when_w - 70 * mm], font, BASE,
                      caption=P(t["steps"], _style(font, BASE + 2)), continued=continued_text(lang), split_rows=True,
                      tail=[Spacer(1, 4 * mm), sign]))
    return story


def render_complaint_form(data: ComplaintFormData, out: str | os.PathLike | BinaryIO | None = None, *,
                          lang: str = "zh_CN", font=None) -> bytes:
    """The handling form on A4 portrait; the PDF bytes (written to ``out`` if given)."""
    lang = "en" if norm_lang(lang) == "en" else "zh_CN"
    fc = resolve_font(font)
    t = FL(lang)
    pdf = build_pdf(lambda width: _story(data, lang, fc.name, width), title=f"{t['title']} {data.number}",
                    author=data.company.name, font=fc.name, footer_left=f"{data.company.name}  {t['title']}",
                    footer_right=printed_stamp(t, data.printed_at, data.printed_by), page_format=t["page"],
                    margin=MARGIN, footer_size=BASE - 2, header=continued_header(t["title"], data.number))
    return write_out(pdf, out)
