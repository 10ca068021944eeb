"""The frame every office printout shares (archive card, overview, visit
report and plan, gift slip, activity list, survey results): a platypus
document whose footer carries the company and document on the left and
"printed at … by …    page n of N" on the right.

    pdf = build_pdf(lambda width: story, title="走访用户汇报 ZF-…", author=company,
                    font=font_name, footer_left="…", footer_right=printed_stamp(t, at, by),
                    page_format=t["page"], margin=15 * mm, footer_size=7)
"""
from __future__ import annotations

import io
from datetime import datetime
from functools import partial
from typing import Callable

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, SimpleDocTemplate

from .common import fmt_datetime
from .fonts import safe_text
from .voucher import _NumberedCanvas


def printed_stamp(t: dict, at: datetime | None, by: str = "") -> str:
    """"打印时间：2026-11-27 14:26  打印人：孙浩然" in the labels ``t`` (printed_at,
    printed_by, colon); "" without a time."""
    stamp = f"{t['printed_at']}{t['colon']}{fmt_datetime(at)}" if at else ""
    if by:
        stamp += f"  {t['printed_by']}{t['colon']}{by}"
    return stamp


def build_pdf(make_story: Callable[[float], list[Flowable]], *, title: str, author: str, font: str,
              footer_left: str, footer_right: str, page_format: str, margin: float, footer_size: float,
              pagesize=A4, bottom_extra: float = 4 * mm) -> bytes:
    """The PDF of the story ``make_story(frame width)``, each page with the
    footer; ``page_format`` has {page} and {pages}. Glyphs the font lacks
    are marked (fonts.safe_text)."""
    left = safe_text(footer_left, font)

    def footer(canv, pages: int) -> None:
        canv.saveState()
        canv.setFont(font, footer_size)
        canv.drawString(margin, margin * 0.55, left)
        right = f"{footer_right}    " if footer_right else ""
        canv.drawRightString(pagesize[0] - margin, margin * 0.55,
                             safe_text(right + page_format.format(page=canv.getPageNumber(), pages=pages), font))
        canv.restoreState()

    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=pagesize, leftMargin=margin, rightMargin=margin, topMargin=margin,
                            bottomMargin=margin + bottom_extra, title=title, author=author, creator="csdesk")
    doc.build(make_story(doc.width), canvasmaker=partial(_NumberedCanvas, footer=footer))
    return buf.getvalue()
