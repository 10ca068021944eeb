"""用户满意度调查表 (附表3) — the questionnaire the customer fills in on paper, A4 portrait.

Company header and title; the customer / respondent / date lines (filled in
when printed for one customer, blank lines otherwise); a short greeting;
the scored questions in a grid, grouped by section, with a tick box per
score (很不满意 1 .. 很满意 5) and one for 不适用; the open questions with
ruled writing space; how to return the form; and a line for the office
(who handed it out, when it came back). It fits one A4 page.

The boxes and ruled lines are drawn, not typed: a font without "□" would
print nothing. The data arrive in the document's language already
(:func:`app.domain.field.survey_results.form_print_data`).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from app.printing.core.common import ptext, style, widest_word, write_out
from app.printing.core.company import Company
from app.printing.core.fonts import FontChoice, resolve_font
from app.printing.core.frame import HEAD_BG, CheckBox, build_pdf, continued_header, keep_with_next

MARGIN = 14 * mm
BASE = 9.5

_T = {
    "zh_CN": {
        "title": "用户满意度调查表", "form_no": "附表3", "number": "编号", "customer": "客户名称", "code": "客户编号",
        "respondent": "填表人", "title_of": "职务", "phone": "联系电话", "date": "填表日期",
        "date_blank": "{sp}{sp}年{sp}月{sp}日", "seq": "序号", "item": "调查项目", "na": "不适用",
        "greeting": "尊敬的客户：<br/>　　感谢您一直以来对本公司的信任与支持。为了不断改进我们的产品和服务，"
                    "恳请您在百忙之中填写本调查表：请在每一项最符合您看法的方框内打“√”，不涉及的项目请选“不适用”。"
                    "您的每一条意见我们都会认真对待，并据此改进工作。",
        "open": "意见和建议",
        "return": "填好后请交本公司业务人员带回，或于收到本表后十五日内寄回、传真至本公司客户服务部。",
        "address": "地址", "tel": "电话", "thanks": "谢谢您的支持与合作！",
        "office": "以下由本公司填写", "staff": "发放人", "sent": "发放日期", "returned": "收回日期", "entered": "录入编号",
        "colon": "：", "edition": "（{edition} 版）",
    },
    "en": {
        "title": "Customer satisfaction survey", "form_no": "Form 3", "number": "No.", "customer": "Customer",
        "code": "Code", "respondent": "Filled in by", "title_of": "Title", "phone": "Phone", "date": "Date",
        "date_blank": "", "seq": "No.", "item": "Question", "na": "N/A",
        "greeting": "Dear customer,<br/>Thank you for your trust and support. To keep improving our products and "
                    "service, please take a few minutes to fill in this survey: tick the box that best matches "
                    "your view for each question, or \"N/A\" where it does not apply. We read every answer.",
        "open": "Comments and suggestions",
        "return": "Please hand the completed form to our staff, or send or fax it to our customer service "
                  "department within fifteen days.",
        "address": "Address", "tel": "Phone", "thanks": "Thank you for your support!",
        "office": "For office use", "staff": "Handed out by", "sent": "Sent", "returned": "Returned",
        "entered": "Entry no.", "colon": ": ", "edition": " (edition {edition})",
    },
}


def _st(t: dict, font: str, size: float, **kw):
    """A style in the form's language: English wraps between words, Chinese anywhere."""
    return style(font, size, cjk=t is _T["zh_CN"], **kw)


PAGE = {"zh_CN": "第 {page} 页 / 共 {pages} 页", "en": "Page {page} of {pages}"}


def labels(lang: str) -> dict[str, str]:
    return _T["en" if lang == "en" else "zh_CN"]


@dataclass
class FormQuestion:
    code: str
    section: str            # the section's printed name
    text: str               # the printed wording


@dataclass
class SurveyFormData:
    company: Company
    edition: str
    questions: list[FormQuestion]
    open_questions: list[str]
    score_labels: dict[int, str]          # 1..5 -> "很不满意".. in the document's language
    customer_name: str = ""               # all empty: the blank form
    customer_code: str = ""
    contact: str = ""
    contact_title: str = ""
    phone: str = ""
    staff: str = ""
    printed_at: datetime | None = None
    extra: dict = field(default_factory=dict)


def TickBox() -> CheckBox:
    """An empty 4 mm square to tick, centred in its cell (frame.CheckBox)."""
    return CheckBox(False, 4 * mm, centred=True)


class RuledLines(Flowable):
    """``n`` ruled writing lines, ``gap`` apart, across the width."""

    def __init__(self, n: int, gap: float = 7.5 * mm):
        super().__init__()
        self.n, self.gap = n, gap

    def wrap(self, avail_w, avail_h):
        self.width = avail_w
        return avail_w, self.n * self.gap

    def draw(self):
        self.canv.setLineWidth(0.4)
        self.canv.setStrokeColor(colors.HexColor("#777777"))
        for i in range(self.n):
            self.canv.line(0, i * self.gap, self.width, i * self.gap)


def _head(d: SurveyFormData, t: dict, font: str, width: float) -> list[Flowable]:
    left = Paragraph(ptext(d.company.name, font), _st(t, font, BASE + 2))
    right = Paragraph(ptext(f"{t['form_no']}{t['edition'].format(edition=d.edition)}", font),
                      _st(t, font, BASE - 1, align=2))
    top = Table([[left, right]], colWidths=[width * 0.7, width * 0.3])
    top.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                             ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    title = Paragraph(ptext(t["title"], font), _st(t, font, BASE + 10, align=TA_CENTER, space_before=2, space_after=4))
    rule = Table([[""]], colWidths=[width], rowHeights=[1])
    rule.setStyle(TableStyle([("LINEABOVE", (0, 0), (-1, 0), 1.2, colors.black)]))
    return [top, Spacer(1, 1 * mm), title, rule, Spacer(1, 2 * mm)]


def _parties(d: SurveyFormData, t: dict, font: str, width: float) -> Table:
    """Caption: value lines, the values underlined (blank lines to write on)."""
    c = t["colon"]
    s = _st(t, font, BASE)
    P = lambda x: Paragraph(ptext(x, font), s)  # noqa: E731
    gap = "&nbsp;" * 7
    date = Paragraph(ptext(t["date_blank"], font).replace("{sp}", gap), s)   # the customer dates it
    rows = [[P(t["customer"] + c), P(d.customer_name), P(t["code"] + c), P(d.customer_code)],
            [P(t["respondent"] + c), P(d.contact), P(t["title_of"] + c), P(d.contact_title)],
            [P(t["phone"] + c), P(d.phone), P(t["date"] + c), date]]
    cw = 20 * mm
    cw = max(cw, widest_word([t["customer"], t["respondent"], t["phone"], t["code"], t["title_of"], t["date"]],
                             font, BASE) + 4)
    # At least a line to write on each, and as tall as a long name needs.
    tbl = Table(rows, colWidths=[cw, width * 0.58 - cw, cw, width * 0.42 - cw], minRowHeights=[7.5 * mm] * 3)
    tbl.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 1),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                             ("LINEBELOW", (1, 0), (1, -1), 0.5, colors.black),
                             ("LINEBELOW", (3, 0), (3, -1), 0.5, colors.black)]))
    return tbl


def grid(d: SurveyFormData, t: dict, font: str, width: float) -> Table:
    size = BASE - (1.5 if t is _T["zh_CN"] else 2.2)
    small = style(font, size, align=TA_CENTER, leading=size * 1.15, cjk=t is _T["zh_CN"])
    s = _st(t, font, BASE)
    # As wide as the widest word of the score labels ("Dissatisfied" was cut
    # to "Dissatisfie/d" in English), at least 14.5 mm.
    box_w = max(14.5 * mm, widest_word(list(d.score_labels.values()) + [t["na"]], font, size) + 7)
    seq_w = 9 * mm
    item_w = width - seq_w - 6 * box_w
    head = [Paragraph(ptext(t["seq"], font), small), Paragraph(ptext(t["item"], font), small)]
    head += [Paragraph(ptext(f"{d.score_labels[n]}<br/>({n})", font).replace("&lt;br/&gt;", "<br/>"), small)
             for n in (1, 2, 3, 4, 5)]
    head.append(Paragraph(ptext(t["na"], font), small))
    rows, cmds = [head], []
    section, seq = None, 0
    for q in d.questions:
        if q.section != section:
            section = q.section
            rows.append([Paragraph(ptext(section, font), _st(t, font, BASE, leading=BASE * 1.2))] + [""] * 7)
            r = len(rows) - 1
            cmds += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), colors.HexColor("#F2F2F2"))]
        seq += 1
        rows.append([str(seq), Paragraph(ptext(q.text, font), s)] + [TickBox() for _ in range(6)])
    tbl = Table(rows, colWidths=[seq_w, item_w] + [box_w] * 6, repeatRows=1)
    tbl.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), font, BASE), ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (0, -1), "CENTER"), ("TOPPADDING", (0, 0), (-1, -1), 2.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2), ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("LINEBEFORE", (-1, 0), (-1, -1), 1.0, colors.black)] + cmds))
    return tbl


def _open(d: SurveyFormData, t: dict, font: str, width: float) -> list[Flowable]:
    heading = [Paragraph(ptext(t["open"], font), _st(t, font, BASE + 1.5, space_before=5, space_after=1))]
    out: list[Flowable] = []
    for i, text in enumerate(d.open_questions, 1):
        # A question never alone at the foot of a page, its lines on the next.
        out += keep_with_next(heading + [Paragraph(ptext(f"{i}. {text}", font), _st(t, font, BASE, space_before=3))],
                              RuledLines(3, 8 * mm), min_follow=24 * mm)
        heading = []
    return out


def _tail(d: SurveyFormData, t: dict, font: str, width: float) -> list[Flowable]:
    c = t["colon"]
    s = _st(t, font, BASE - 0.5, leading=(BASE - 0.5) * 1.45)
    parts = [ptext(f"{t['address']}{c}{d.company.address}", font) if d.company.address else "",
             ptext(f"{t['tel']}{c}{d.company.phone}", font) if d.company.phone else ""]
    where = ("&nbsp;" * 6).join(x for x in parts if x)
    out: list[Flowable] = [Spacer(1, 3 * mm), Paragraph(ptext(t["return"], font), s)]
    if where:
        out.append(Paragraph(where, s))
    out.append(Paragraph(ptext(t["thanks"], font), _st(t, font, BASE, align=2, space_before=2)))
    small = _st(t, font, BASE - 1.5)
    P = lambda x: Paragraph(ptext(x, font), small)  # noqa: E731
    office = Table([[P(t["office"]), P(t["staff"] + c + d.staff), P(t["sent"] + c), P(t["returned"] + c),
                     P(t["entered"] + c)]],
                   colWidths=[width * 0.2, width * 0.22, width * 0.19, width * 0.19, width * 0.2])
    office.setStyle(TableStyle([("LINEABOVE", (0, 0), (-1, 0), 0.6, colors.black, None, (2, 2)),
                                ("TOPPADDING", (0, 0), (-1, -1), 4), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return out + [Spacer(1, 2 * mm), office]


def render_survey_form(data: SurveyFormData, out: str | os.PathLike | BinaryIO | None = None, *,
                       lang: str = "zh_CN", font: FontChoice | str | None = None) -> bytes:
    """The questionnaire as PDF bytes (also written to ``out`` if given).
    No footer (the customer fills it in); a form whose long names run onto
    a second page carries the title and "page 2 of 2" at that page's top."""
    fc = resolve_font(font)
    t = labels(lang)
    title = t["title"] + (f" {data.customer_name}" if data.customer_name else "")

    def story(width: float) -> list[Flowable]:
        w = width - 12   # the frame's own padding, 6 pt a side
        out = _head(data, t, fc.name, w) + [_parties(data, t, fc.name, w), Spacer(1, 2.5 * mm),
                                             Paragraph(ptext(t["greeting"], fc.name).replace("&lt;br/&gt;", "<br/>"),
                                                       style(fc.name, BASE, leading=BASE * 1.5, cjk=lang != "en")),
                                             Spacer(1, 2.5 * mm), grid(data, t, fc.name, w)]
        return out + _open(data, t, fc.name, w) + _tail(data, t, fc.name, w)

    pdf = build_pdf(story, title=title, author=data.company.name, font=fc.name, footer_left="", footer_right="",
                    page_format=PAGE[lang if lang == "en" else "zh_CN"], margin=MARGIN, footer_size=BASE - 2,
                    top_margin=MARGIN - 2 * mm, bottom_extra=-2 * mm, footer=False,
                    header=continued_header(t["title"], data.customer_name))
    return write_out(pdf, out)
