"""满意度调查结果汇总 — the survey results summary, A4 portrait.

Under the title the filters it was printed with and the totals (responses,
answers, average, share satisfied); then per question: answers, the 1..5
distribution, the average, the share satisfied and a horizontal bar of the
average drawn to a 0-5 scale, its band in colour and in a pattern a
black-and-white printer keeps (below 3 red and cross-hatched, below 4 amber
and striped, from 4 green and plain; a legend under the totals); the
questions to act on (lowest first); the trend per month or quarter, every
period from the first to the last with responses (one without any is a
row with no bar: a gap); the customers (lowest first); and the comments of
the low-scoring responses. Each table's heading repeats with "（续）" on the
pages it runs onto; every page after the first carries the title and the
filter at its top, every page "page x of y" and who printed it.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from functools import partial
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer

from app.printing.core.common import fmt_date, paras, ptext, widest_word, write_out
from app.printing.core.common import style as _style
from app.printing.core.company import Company
from app.printing.core.fonts import FontChoice, resolve_font
from app.printing.core.frame import build_pdf, continued_header, continued_text, grid, printed_stamp

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
              "colon": "：", "cut": "（列出前 {n} 户，共 {total} 户）", "month": "按月", "quarter": "按季度",
              "band_good": "4 分及以上", "band_fair": "3 至 4 分", "band_low": "3 分以下"},
    "en": {"title": "Customer satisfaction survey results", "filter": "Filter", "all": "all", "responses": "Responses",
           "answers": "Answers", "average": "Average", "satisfied": "Satisfied (score 4 or 5)", "seq": "No.",
           "question": "Question", "count": "Answers", "na": "N/A", "bar": "Average (0-5)", "sat": "Satisfied",
           "weak": "To act on (lowest average first)", "trend": "Trend", "period": "Period",
           "customers": "Customers", "customer": "Customer", "code": "Code", "last": "Last returned",
           "low": "Comments of low-scoring responses", "number": "No.", "returned": "Returned", "low_q": "Low items",
           "comments": "Comments", "suggestions": "Suggestions", "none": "(none)", "page": "Page {page} of {pages}",
           "printed_at": "Printed", "printed_by": "By", "colon": ": ", "cut": " (the first {n} of {total})",
           "month": "by month", "quarter": "by quarter", "band_good": "4 and over", "band_fair": "3 to 4",
           "band_low": "below 3"},
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


def band(avg: Decimal | float | None) -> str:
    """"low" (below 3), "fair" (3 to 4) or "good" (4 and over); "" without answers."""
    if avg is None:
        return ""
    return "low" if avg < 3 else "fair" if avg < 4 else "good"


def _hatch(c, w: float, h: float, kind: str) -> None:
    """The band's pattern in black over the bar (clipped to it), so a
    black-and-white printer tells the bands apart: low cross-hatched, fair
    striped, good plain."""
    if kind not in ("low", "fair") or w <= 0:
        return
    c.saveState()
    p = c.beginPath()
    p.rect(0, 0, w, h)
    c.clipPath(p, stroke=0, fill=0)
    c.setStrokeColor(colors.black)
    c.setLineWidth(0.45)
    step = 2.2
    x = -h
    while x < w:
        c.line(x, 0, x + h, h)                   # ////
        if kind == "low":
            c.line(x, h, x + h, 0)               # \\\\ too: a cross-hatch
        x += step
    c.restoreState()


class AverageBar(Flowable):
    """A horizontal bar: ``value`` on a 0..5 scale, with ticks at 1..5; its
    band in colour and in a pattern (:func:`_hatch`). No value: a gap."""

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
            bw = w * float(self.value) / 5
            c.setFillColor(bar_colour(self.value))
            c.setStrokeColor(colors.black)
            c.setLineWidth(0.4)
            c.rect(0, 0, bw, h, stroke=1, fill=1)
            _hatch(c, bw, h, band(self.value))


class Legend(Flowable):
    """The three bands' samples and words, in one line."""

    def __init__(self, items: list[tuple[str, str]], font: str, size: float):
        super().__init__()
        self.items, self.font, self.size = items, font, size
        self.height = size * 1.6

    def wrap(self, avail_w, avail_h):
        self.width = avail_w
        return avail_w, self.height

    def draw(self):
        c, x, z = self.canv, 0.0, self.size
        for kind, text in self.items:
            c.setFillColor(bar_colour({"low": 2, "fair": 3.5, "good": 4.5}[kind]))
            c.setStrokeColor(colors.black)
            c.setLineWidth(0.4)
            c.saveState()
            c.translate(x, 0)
            c.rect(0, 0, 3 * z, z, stroke=1, fill=1)
            _hatch(c, 3 * z, z, kind)
            c.restoreState()
            c.setFillColor(colors.black)
            c.setFont(self.font, self.size)
            c.drawString(x + 3 * z + 3, 1, text)
            x += 3 * z + 3 + stringWidth(text, self.font, self.size) + 5 * mm


def _widths(rows: list[list], least_mm: list[float], flex: int, width: float, font: str, size: float,
            heads: list[str]) -> list[float]:
    """Each column as wide as its least, its header's widest word and its
    widest plain number (a count of 9 999 stays on its line); column ``flex`` takes the rest."""
    out = []
    for i, least in enumerate(least_mm):
        texts = [r[i] for r in rows if isinstance(r[i], str)]
        out.append(0 if i == flex else max(least * mm, widest_word([heads[i]], font, size) + 7,
                                           max((stringWidth(x, font, size) for x in texts), default=0) + 7))
    out[flex] = width - sum(out)
    return out


def _story(d: SurveyResultsPrintData, lang: str, font: str, width: float) -> list[Flowable]:
    t = labels(lang)
    en = lang == "en"
    c = t["colon"]
    cont = continued_text(lang)
    style = partial(_style, cjk=not en)       # English wraps between words, Chinese anywhere
    s, small = style(font, BASE), style(font, BASE - 0.5)
    s_h = style(font, BASE + 2.5, space_before=4)
    P = lambda x, st=small: Paragraph(ptext(x, font), st)  # noqa: E731
    H = lambda x: Paragraph(ptext(x, font), s_h)  # noqa: E731
    sep = "；" if not en else "; "
    filt = sep.join(f"{k}{c}{v}" for k, v in d.filters) or t["all"]
    gap = "&nbsp;" * 6
    totals = gap.join(ptext(x, font) for x in (
        f"{t['responses']}{c}{d.responses}", f"{t['answers']}{c}{d.answers}",
        f"{t['average']}{c}{_num(d.average)}", f"{t['satisfied']}{c}{_pct(d.satisfied_share)}"))
    story: list[Flowable] = [
        P(d.company.name, style(font, BASE + 2)),
        P(t["title"], style(font, BASE + 9, space_before=3, space_after=4)),
        P(f"{t['filter']}{c}{filt}", style(font, BASE + 0.5, space_after=2)),
        Paragraph(totals, style(font, BASE + 1.5, space_after=3)),
        Legend([("good", t["band_good"]), ("fair", t["band_fair"]), ("low", t["band_low"])], font, BASE - 0.5),
        Spacer(1, 1.5 * mm),
    ]
    size = BASE - 0.5
    head = [t["seq"], t["question"], t["count"], "1", "2", "3", "4", "5", t["na"], t["average"], t["sat"], t["bar"]]
    rows = []
    for i, q in enumerate(d.questions, 1):
        rows.append([str(i), P(q.text), str(q.count)] + [str(q.distribution.get(n, 0)) for n in (1, 2, 3, 4, 5)]
                    + [str(q.not_applicable), _num(q.average), _pct(q.satisfied_share), AverageBar(q.average)])
    rows.append(["", P(t["average"]), str(d.answers)] + [""] * 6 + [_num(d.average), _pct(d.satisfied_share),
                                                                   AverageBar(d.average)])
    widths = _widths(rows, [8, 0, 10, 7, 7, 7, 7, 7, 9, 11, 11, 30], 1, width, font, size, head)
    story.append(grid([[P(h) for h in head]] + rows, widths, font, size, num_cols=range(2, 11), split_rows=True,
                      label_cols=(0,), continued=cont,
                      extra=[("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (0, 0), (0, -1), "CENTER"),
                             ("BACKGROUND", (0, len(rows)), (-1, len(rows)), colors.HexColor("#F3F3F3"))]))

    weak = [[str(i), P(q.text), _num(q.average), _pct(q.satisfied_share)] for i, q in enumerate(d.weakest, 1)]
    weak = weak or [["", t["none"], "", ""]]
    heads = [t["seq"], t["question"], t["average"], t["sat"]]
    story.append(grid([[P(h) for h in heads]] + weak, _widths(weak, [8, 0, 13, 13], 1, width, font, size, heads),
                      font, size, num_cols=(2, 3), caption=H(t["weak"]), continued=cont, split_rows=True))

    # Every month (quarter) from the first to the last with responses: one
    # without any is a row with no bar, a gap, not left out.
    trend = [[p.label, str(p.responses), _num(p.average) or "—", AverageBar(p.average)] for p in d.periods]
    trend = trend or [[t["none"], "", "", ""]]
    heads = [t["period"], t["responses"], t["average"], t["bar"]]
    tw = _widths(trend, [24, 18, 16, 0], 3, width, font, size, heads)
    tw[3] = 60 * mm
    trend_t = grid([[P(h) for h in heads]] + trend, tw, font, size, num_cols=(1, 2), split_rows=True,
                   caption=H(f"{t['trend']}（{t[d.period]}）" if not en else f"{t['trend']} ({t[d.period]})"),
                   continued=cont, extra=[("VALIGN", (0, 0), (-1, -1), "MIDDLE")])
    trend_t.hAlign = "LEFT"
    story.append(trend_t)

    cut = t["cut"].format(n=len(d.customers), total=d.customers_total) if d.customers_total > len(d.customers) else ""
    cust = [[P(cl.code), P(cl.name), str(cl.responses), _num(cl.average), fmt_date(cl.last_returned)]
            for cl in d.customers] or [["", t["none"], "", "", ""]]
    heads = [t["code"], t["customer"], t["responses"], t["average"], t["last"]]
    story.append(grid([[P(h) for h in heads]] + cust, _widths(cust, [28, 0, 18, 16, 24], 1, width, font, size, heads),
                      font, size, num_cols=(2, 3), caption=H(t["customers"] + cut), continued=cont, split_rows=True,
                      label_cols=(0,)))

    low = []
    for cl in d.comments:
        text = [p for x in (cl.comments, f"{t['suggestions']}{c}{cl.suggestions}" if cl.suggestions else "") if x
                for p in paras(x, font, s)] or [P(t["none"], s)]
        low.append([P(cl.number), P(cl.customer), fmt_date(cl.returned_on), _num(cl.average), P(cl.low_questions),
                    text])
    low = low or [["", t["none"], "", "", "", ""]]
    heads = [t["number"], t["customer"], t["returned"], t["average"], t["low_q"], t["comments"]]
    story.append(grid([[P(h) for h in heads]] + low, _widths(low, [26, 36, 18, 12, 22, 0], 5, width, font, size, heads),
                      font, size, num_cols=(3,), caption=H(t["low"]), continued=cont, split_rows=True,
                      label_cols=(0, 1)))
    return story


def _filters(d: SurveyResultsPrintData, lang: str) -> str:
    c = labels(lang)["colon"]
    return ("; " if lang == "en" else "；").join(f"{k}{c}{v}" for k, v in d.filters)


def render_survey_results(data: SurveyResultsPrintData, out: str | os.PathLike | BinaryIO | None = None, *,
                          lang: str = "zh_CN", font: FontChoice | str | None = None) -> bytes:
    """The results summary as PDF bytes (also written to ``out`` if given)."""
    fc = resolve_font(font)
    t = labels(lang)
    pdf = build_pdf(lambda width: _story(data, lang, fc.name, width - 12), title=t["title"],
                    author=data.company.name, font=fc.name, footer_left=f"{data.company.name}  {t['title']}",
                    footer_right=printed_stamp(t, data.printed_at, data.printed_by), page_format=t["page"],
                    margin=MARGIN, footer_size=BASE - 1.5, header=continued_header(t["title"], _filters(data, lang)))
    return write_out(pdf, out)
