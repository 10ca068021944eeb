"""用户情况一览表 (附表2) — the overview table as filtered, on A4 landscape.

Under the title, the filter it was printed with ("类别：经销商；地区：北京市
海淀区；搜索：bjhd", or "全部客户") and the count, so a sheet on a desk says
which customers it lists. The header row repeats on every page; every page
after the first carries the title and the filter at its top, every page
"page x of y" and who printed it. Each column is at least as wide as its
header's and its labels' widest word (English: "Commissioned agent" wraps
between its words, never into the next column); every cell wraps, none is
cut. The cells are plain strings broken by width (not Paragraphs), so a few
thousand rows build in seconds.
"""
from __future__ import annotations

import os
from functools import partial
from typing import BinaryIO

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from app.printing.core.common import fmt_date, fmt_money, ptext, widest_word, wrap_text, write_out
from app.printing.core.common import style as _style
from app.printing.core.fonts import FontChoice, resolve_font, safe_text
from app.printing.core.frame import build_pdf, continued_header, continued_text, grid, printed_stamp
from app.printing.customers.data import OverviewPrintData
from app.printing.customers.labels import AL, code

PAGE = landscape(A4)
MARGIN = 12 * mm
BASE = 8.5
PAD = 6            # a cell's left and right padding (frame.grid)
_CODED = {"category": "category", "status": "status", "credit_rating": "credit_rating"}
# The least width of each column in mm (the name takes what is left); a
# column is widened to its header's and its coded labels' widest word.
_WIDTHS = {"seq": 10, "code": 26, "short_name": 22, "category": 19, "region": 25, "phone": 25, "credit_rating": 14,
           "credit_limit": 24, "status": 14, "responsible": 18, "cooperation_since": 19}
_HEADS = ("seq", "code", "name", "short_name", "category", "region", "phone", "credit_rating", "credit_limit",
          "status", "responsible", "cooperation_since")


def filter_text(d: OverviewPrintData, lang: str) -> str:
    """"筛选条件：类别：经销商；搜索：bjhd" (or all customers), as printed."""
    t = AL(lang)
    sep = "；" if lang != "en" else "; "
    parts = [f"{t[k]}{t['colon']}{code(_CODED[k], v, lang) if k in _CODED else v}" for k, v in d.filters]
    return f"{t['filter']}{t['colon']}" + (sep.join(parts) if parts else t["all_customers"])


def _widths(lang: str, font: str, width: float) -> dict[str, float]:
    """Each column's width in points: its least, or its header's (and coded
    labels') widest word, so no word is cut ("Commissione/d"); the name takes the rest."""
    t = AL(lang)
    out = {}
    for key, least in _WIDTHS.items():
        words = [t[key]] + ([code(_CODED[key], c, lang) for c in _CODES_OF[key]] if key in _CODED else [])
        out[key] = max(least * mm, widest_word(words, font, BASE) + PAD + 1)
    out["name"] = max(30 * mm, width - sum(out.values()))
    return out


_CODES_OF = {"category": ("dealer", "retailer", "agent", "end_user"),
             "status": ("active", "suspended", "closed", "prospect", "refused"), "credit_rating": ("none",)}


def _story(d: OverviewPrintData, lang: str, font: str, width: float) -> list[Flowable]:
    t = AL(lang)
    style = partial(_style, cjk=lang != "en")      # English wraps between words, Chinese anywhere
    count = (t["count"].format(n=d.total) if d.total <= len(d.rows)
             else t["cut"].format(total=d.total, n=len(d.rows)))
    gap = "&nbsp;" * 6
    story: list[Flowable] = [
        Paragraph(ptext(d.company.name, font), style(font, BASE + 2)),
        Paragraph(ptext(t["overview_title"], font), style(font, BASE + 9, space_before=3, space_after=4)),
        # &nbsp; between the parts: a Paragraph collapses runs of spaces.
        Paragraph(gap.join(ptext(x, font) for x in (filter_text(d, lang),
                                                    f"{t['sort']}{t['colon']}{t.get(d.sort, d.sort)}", count)),
                  style(font, BASE + 0.5, space_after=4)),
    ]
    w = _widths(lang, font, width)
    widths = [w[k] for k in _HEADS]
    s_head = style(font, BASE)

    def cell(text: str, key: str) -> str:
        # Plain strings broken by width (not Paragraphs): a few thousand rows build in seconds.
        return "\n".join(wrap_text(safe_text(text or "", font), font, BASE, w[key] - PAD, words=True))

    rows: list[list] = [[Paragraph(ptext(t[k], font), s_head) for k in _HEADS]]
    for i, r in enumerate(d.rows, 1):
        rows.append([str(i), cell(r.code, "code"), cell(r.name, "name"), cell(r.short_name, "short_name"),
                     cell(code("category", r.category, lang), "category"), cell(r.region, "region"),
                     cell(r.phone, "phone"), cell(code("credit_rating", r.credit_rating, lang), "credit_rating"),
                     cell(fmt_money(r.credit_limit), "credit_limit"), cell(code("status", r.status, lang), "status"),
                     cell(r.responsible, "responsible"), fmt_date(r.cooperation_since)])
    if not d.rows:
        rows.append([""] + [t["none"]] + [""] * 10)
    story.append(grid(rows, widths, font, BASE, num_cols=(0, 8), split_rows=True, label_cols=(0, 1),
                      continued=continued_text(lang)))
    story.append(Spacer(1, 2 * mm))
    story.append(Paragraph(ptext(count, font), style(font, BASE, align=TA_RIGHT)))
    return story


def render_overview(data: OverviewPrintData, out: str | os.PathLike | BinaryIO | None = None, *,
                    lang: str = "zh_CN", font: FontChoice | str | None = None) -> bytes:
    """Render the overview table (A4 landscape); return the PDF bytes (and write to ``out`` if given)."""
    fc = resolve_font(font)
    t = AL(lang)
    pdf = build_pdf(lambda width: _story(data, lang, fc.name, width - 12), title=t["overview_title"],
                    author=data.company.name, font=fc.name,
                    footer_left=f"{data.company.name}  {t['overview_title']}  {t['confidential']}",
                    footer_right=printed_stamp(t, data.printed_at, data.printed_by), page_format=t["page"],
                    margin=MARGIN, footer_size=BASE - 1.5, pagesize=PAGE, bottom_extra=3 * mm,
                    header=continued_header(t["overview_title"], filter_text(data, lang)))
    return write_out(pdf, out)
