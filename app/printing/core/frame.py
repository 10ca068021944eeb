"""The frame every office printout shares (archive card, overview, visit
report and plan, gift slip, activity list, survey results): a platypus
document whose footer carries the company and document on the left and
"printed at … by …    page n of N" on the right; the ruled table
(:func:`grid`) they and the service voucher print their lists in.

    pdf = build_pdf(lambda width: story, title="走访用户汇报 ZF-…", author=company,
                    font=font_name, footer_left="…", footer_right=printed_stamp(t, at, by),
                    page_format=t["page"], margin=15 * mm, footer_size=7)
"""
from __future__ import annotations

import io
from datetime import datetime
from functools import partial
from typing import Callable

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate, Table, TableStyle

from app.printing.core.common import fmt_datetime
from app.printing.core.fonts import safe_text

GRID = colors.HexColor("#888888")
HEAD_BG = colors.HexColor("#E6E6E6")


class NumberedCanvas(Canvas):
    """Canvas that knows the page count when drawing each footer ("page 2 of 3")."""

    def __init__(self, *args, footer=None, **kwargs):
        super().__init__(*args, **kwargs)
        self._footer, self._pages = footer, []

    def showPage(self):
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        for state in self._pages:
            self.__dict__.update(state)
            self._footer(self, len(self._pages))
            super().showPage()
        super().save()


def grid(data, widths, font, size, *, num_cols=(), header=True, extra=()) -> Table:
    """A ruled table; header row shaded and repeated on every page; numbers right-aligned."""
    t = Table(data, colWidths=widths, repeatRows=1 if header else 0)
    cmds = [("FONT", (0, 0), (-1, -1), font, size), ("GRID", (0, 0), (-1, -1), 0.4, GRID),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]
    if header:
        cmds.append(("BACKGROUND", (0, 0), (-1, 0), HEAD_BG))
    cmds += [("ALIGN", (c, 0), (c, -1), "RIGHT") for c in num_cols]
    t.setStyle(TableStyle(cmds + list(extra)))
    return t


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
    doc.build(make_story(doc.width), canvasmaker=partial(NumberedCanvas, footer=footer))
    return buf.getvalue()
