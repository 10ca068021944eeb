"""用户情况一览表 (附表2) — the overview table as filtered, on A4 landscape.

Under the title, the filter it was printed with ("类别：经销商；地区：北京市
海淀区；搜索：bjhd", or "全部客户") and the count, so a sheet on a desk says
which customers it lists. The header row repeats on every page; every page
carries "page x of y" and who printed it. Only the name wraps (a Paragraph);
the other cells are plain strings, so a few thousand rows build in seconds.
"""
from __future__ import annotations

import os
from typing import BinaryIO

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from app.printing.core.common import fit_one, fmt_date, fmt_money, ptext, style, write_out
from app.printing.core.fonts import FontChoice, resolve_font, safe_text
from app.printing.core.frame import build_pdf, grid, printed_stamp
from app.printing.customers.data import OverviewPrintData
from app.printing.customers.labels import AL, code

PAGE = landscape(A4)
MARGIN = 12 * mm
BASE = 8.5
_CODED = {"category": "category", "status": "status", "credit_rating": "credit_rating"}
# Column widths in mm (the name takes what is left).
_WIDTHS = {"seq": 10, "code": 26, "short_name": 22, "category": 19, "region": 25, "phone": 25, "credit_rating": 14,
           "credit_limit": 24, "status": 14, "responsible": 18, "cooperation_since": 19}


def filter_text(d: OverviewPrintData, lang: str) -> str:
    """"筛选条件：类别：经销商；搜索：bjhd" (or all customers), as printed."""
    t = AL(lang)
    sep = "；" if lang != "en" else "; "
    parts = [f"{t[k]}{t['colon']}{code(_CODED[k], v, lang) if k in _CODED else v}" for k, v in d.filters]
    return f"{t['filter']}{t['colon']}" + (sep.join(parts) if parts else t["all_customers"])


def _story(d: OverviewPrintData, lang: str, font: str, width: float) -> list[Flowable]:
    t = AL(lang)
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
    widths = [w * mm for w in _WIDTHS.values()]
    name_w = width - sum(widths)
    widths.insert(2, name_w)
    s_name = style(font, BASE)
    head = [t["seq"], t["code"], t["name"], t["short_name"], t["category"], t["region"], t["phone"],
            t["credit_rating"], t["credit_limit"], t["status"], t["responsible"], t["cooperation_since"]]
    rows = [head]
    for i, r in enumerate(d.rows, 1):
        fit = lambda x, k: fit_one(safe_text(x, font), font, BASE, _WIDTHS[k] * mm - 6)  # noqa: E731
        rows.append([str(i), r.code, Paragraph(ptext(r.name, font), s_name), fit(r.short_name, "short_name"),
                     code("category", r.category, lang), fit(r.region, "region"), fit(r.phone, "phone"),
                     r.credit_rating, fmt_money(r.credit_limit), code("status", r.status, lang),
                     fit(r.responsible, "responsible"), fmt_date(r.cooperation_since)])
    if not d.rows:
        rows.append([""] + [t["none"]] + [""] * 10)
    story.append(grid(rows, widths, font, BASE, num_cols=(0, 8)))
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
                    margin=MARGIN, footer_size=BASE - 1.5, pagesize=PAGE, bottom_extra=3 * mm)
    return write_out(pdf, out)
