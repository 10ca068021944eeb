"""满意度调查结果汇总 — the survey results summary, A4 portrait.

Under the title the filters it was printed with and the totals (responses,
answers, average, share satisfied); then per question: answers, the 1..5
distribution, the average, the share satisfied and a horizontal bar of the
average drawn to a 0-5 scale (red below 3, amber below 4, green from 4);
the questions to act on (lowest first); the trend per month or quarter;
the customers (lowest first); and the comments of the low-scoring
responses. Every page carries "page x of y" and who printed it.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from app.printing.core.common import fmt_date, ptext, style, write_out
from app.printing.core.company import Company
from app.printing.core.fonts import FontChoice, resolve_font
from app.printing.core.frame import build_pdf, grid, printed_stamp

MARGIN = 15 * mm
BASE = 8.5

_T = {
    "zh_CN": {"title": "用户满意度调查结果汇总", "filter": "筛选条件", "all": "全部", "responses": "调查表",
              "answers": "有效答案", "average": "平均分", "satisfied": "满意率（4分及以上）", "seq": "序号",
              "question": "调查项目", "count": "答数", "na": "不适用", "bar": "平均分（0-5）", "sat": "满意率",
              "weak": "需改进的项目（平均分最低）", "trend": "趋势", "period": "期间", "customers": "客户",
              "customer": "客户", "code": "编号", "last": "最近收回", "low": "低分调查表的意见",
              "number": "编号", "returned": "收回日期", "low_q": "低分项目", "comments": "意见", "suggestions": "建议",
              "none": "（无）", "page": "第 {page} 页 / 共 {pages} 页", "printed_at": "打印时间", "printed_by": "打印人",
              "colon": "：", "cut": "（列出前 {n} 户，共 {total} 户）", "month": "按月", "quarter": "按季度"},
    "en": {"title": "Customer satisfaction survey results", "filter": "Filter", "all": "all", "responses": "Responses",
           "answers": "Answers", "average": "Average", "satisfied": "Satisfied (score 4 or 5)", "seq": "No.",
           "question": "Question", "count": "Answers", "na": "N/A", "bar": "Average (0-5)", "sat": "Satisfied",
           "weak": "To act on (lowest average first)", "trend": "Trend", "period": "Period",
           "customers": "Customers", "customer": "Customer", "code": "Code", "last": "Last returned",
           "low": "Comments of low-scoring responses", "number": "No.", "returned": "Returned", "low_q": "Low items",
           "comments": "Comments", "suggestions": "Suggestions", "none": "(none)", "page": "Page {page} of {pages}",
           "printed_at": "Printed", "printed_by": "By", "colon": ": ", "cut": " (the first {n} of {total})",
           "month": "by month", "quarter": "by quarter"},
}


def labels(lang: str) -> dict[str, str]:
    return _T["en" if lang == "en" else "zh_CN"]


@dataclass
class QuestionLine:
    code: str
    text: str
    count: int
    not_applicable: int
    distribution: dict[int, int]
    average: Decimal | None
    satisfied_share: Decimal | None


@dataclass
class PeriodLine:
    label: str
    responses: int
    average: Decimal | None


@dataclass
class CustomerLine:
    code: str
    name: str
    responses: int
    average: Decimal | None
    last_returned: date


@dataclass
class CommentLine:
    number: str
    customer: str
    returned_on: date
    average: Decimal | None
    low_questions: str
    comments: str
    suggestions: str


@dataclass
class SurveyResultsPrintData:
    company: Company
    filters: list[tuple[str, str]]            # (printed caption, value)
    period: str                               # month | quarter
    responses: int
    answers: int
    average: Decimal | None
    satisfied_share: Decimal | None
    questions: list[QuestionLine]
    weakest: list[QuestionLine]
    periods: list[PeriodLine]
    customers: list[CustomerLine]
    customers_total: int
    comments: list[CommentLine]
    printed_at: datetime | None = None
    printed_by: str = ""
    extra: dict = field(default_factory=dict)


def _num(v: Decimal | None) -> str:
    return "" if v is None else f"{v:.2f}"


def _pct(v: Decimal | None) -> str:
    return "" if v is None else f"{v * 100:.0f}%"


def bar_colour(avg: Decimal | float | None):
    if avg is None:
        return colors.lightgrey
    return colors.HexColor("#C62828") if avg < 3 else colors.HexColor("#EF8F00") if avg < 4 else colors.HexColor("#2E7D32")


class AverageBar(Flowable):
    """A horizontal bar: ``value`` on a 0..5 scale, with ticks at 1..5."""

    def __init__(self, value: Decimal | None, height: float = 3.2 * mm):
        super().__init__()
        self.value, self.height = value, height

    def wrap(self, avail_w, avail_h):
        self.width = avail_w
        return avail_w, self.height

    def draw(self):
        c, w, h = self.canv, self.width, self.height
        c.setStrokeColor(colors.HexColor("#BBBBBB"))
        c.setLineWidth(0.3)
        for i in range(6):
            c.line(w * i / 5, -0.6, w * i / 5, h + 0.6)
        if self.value is not None:
            c.setFillColor(bar_colour(self.value))
            c.rect(0, 0, w * float(self.value) / 5, h, stroke=0, fill=1)


def _story(d: SurveyResultsPrintData, lang: str, font: str, width: float) -> list[Flowable]:
    t = labels(lang)
    c = t["colon"]
    s, small = style(font, BASE), style(font, BASE - 0.5)
    s_h = style(font, BASE + 2.5, space_before=8, space_after=3)
    P = lambda x, st=small: Paragraph(ptext(x, font), st)  # noqa: E731
    sep = "；" if lang != "en" else "; "
    filt = sep.join(f"{k}{c}{v}" for k, v in d.filters) or t["all"]
    gap = "&nbsp;" * 6
    totals = gap.join(ptext(x, font) for x in (
        f"{t['responses']}{c}{d.responses}", f"{t['answers']}{c}{d.answers}",
        f"{t['average']}{c}{_num(d.average)}", f"{t['satisfied']}{c}{_pct(d.satisfied_share)}"))
    story: list[Flowable] = [
        P(d.company.name, style(font, BASE + 2)),
        P(t["title"], style(font, BASE + 9, space_before=3, space_after=4)),
        P(f"{t['filter']}{c}{filt}", style(font, BASE + 0.5, space_after=2)),
        Paragraph(totals, style(font, BASE + 1.5, space_after=4)),
    ]
    head = [t["seq"], t["question"], t["count"], "1", "2", "3", "4", "5", t["na"], t["average"], t["sat"], t["bar"]]
    fixed = [8, 0, 14, 8, 8, 8, 8, 8, 10, 13, 14, 32]
    widths = [x * mm for x in fixed]
    widths[1] = width - sum(widths)
    rows = [head]
    for i, q in enumerate(d.questions, 1):
        rows.append([str(i), P(q.text), str(q.count)] + [str(q.distribution.get(n, 0)) for n in (1, 2, 3, 4, 5)]
                    + [str(q.not_applicable), _num(q.average), _pct(q.satisfied_share), AverageBar(q.average)])
    rows.append(["", P(t["average"]), str(d.answers)] + [""] * 6 + [_num(d.average), _pct(d.satisfied_share),
                                                                   AverageBar(d.average)])
    story.append(grid(rows, widths, font, BASE - 0.5, num_cols=range(2, 11),
                       extra=[("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (0, 0), (0, -1), "CENTER"),
                              ("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), colors.HexColor("#F3F3F3"))]))

    weak = [[t["seq"], t["question"], t["average"], t["sat"]]]
    weak += [[str(i), P(q.text), _num(q.average), _pct(q.satisfied_share)] for i, q in enumerate(d.weakest, 1)]
    story.append(KeepTogether([P(t["weak"], s_h), grid(weak if len(weak) > 1 else weak + [["", t["none"], "", ""]],
                                                       [8 * mm, width - 34 * mm, 13 * mm, 13 * mm], font,
                                                       BASE - 0.5, num_cols=(2, 3))]))

    trend = [[t["period"], t["responses"], t["average"], t["bar"]]]
    trend += [[p.label, str(p.responses), _num(p.average), AverageBar(p.average)] for p in d.periods]
    trend_t = grid(trend if len(trend) > 1 else trend + [[t["none"], "", "", ""]],
                    [24 * mm, 18 * mm, 16 * mm, 60 * mm], font, BASE - 0.5, num_cols=(1, 2),
                    extra=[("VALIGN", (0, 0), (-1, -1), "MIDDLE")])
    trend_t.hAlign = "LEFT"
    story.append(KeepTogether([P(f"{t['trend']}（{t[d.period]}）" if lang != "en" else f"{t['trend']} ({t[d.period]})",
                                 s_h),
                               trend_t]))

    cut = t["cut"].format(n=len(d.customers), total=d.customers_total) if d.customers_total > len(d.customers) else ""
    cust = [[t["code"], t["customer"], t["responses"], t["average"], t["last"]]]
    cust += [[cl.code, P(cl.name), str(cl.responses), _num(cl.average), fmt_date(cl.last_returned)]
             for cl in d.customers] or [["", t["none"], "", "", ""]]
    story += [P(t["customers"] + cut, s_h),
              grid(cust, [28 * mm, width - 86 * mm, 18 * mm, 16 * mm, 24 * mm], font, BASE - 0.5, num_cols=(2, 3))]

    low = [[t["number"], t["customer"], t["returned"], t["average"], t["low_q"], t["comments"]]]
    for cl in d.comments:
        text = "\n".join(x for x in (cl.comments, f"{t['suggestions']}{c}{cl.suggestions}" if cl.suggestions else "") if x)
        low.append([cl.number, P(cl.customer), fmt_date(cl.returned_on), _num(cl.average), P(cl.low_questions),
                    P(text or t["none"], s)])
    if len(low) == 1:
        low.append(["", t["none"], "", "", "", ""])
    story += [P(t["low"], s_h),
              grid(low, [26 * mm, 36 * mm, 18 * mm, 12 * mm, 22 * mm, width - 114 * mm], font, BASE - 0.5,
                    num_cols=(3,))]
    return story


def render_survey_results(data: SurveyResultsPrintData, out: str | os.PathLike | BinaryIO | None = None, *,
                          lang: str = "zh_CN", font: FontChoice | str | None = None) -> bytes:
    """The results summary as PDF bytes (also written to ``out`` if given)."""
    fc = resolve_font(font)
    t = labels(lang)
    pdf = build_pdf(lambda width: _story(data, lang, fc.name, width - 12), title=t["title"],
                    author=data.company.name, font=fc.name, footer_left=f"{data.company.name}  {t['title']}",
                    footer_right=printed_stamp(t, data.printed_at, data.printed_by), page_format=t["page"],
                    margin=MARGIN, footer_size=BASE - 1.5)
    return write_out(pdf, out)
