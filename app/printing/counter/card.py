"""维修卡 — the hang tag tied to each item of a job.

A fixed 60 x 90 mm card (one page per card) drawn straight on a canvas: the
layout is fixed, so every text is fitted to its box (wrapped, then cut with
…) rather than flowed — nothing may run off the tag or under the punched hole.
"""
from __future__ import annotations

import io
import os
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from app.printing.core import barcodes
from app.printing.core.common import fit_lines, fit_one, fmt_date, write_out
from app.printing.core.fonts import FontChoice, resolve_font, safe_text
from app.printing.counter.data import CardData
from app.printing.counter.labels import L, kind_label

MARGIN = 3 * mm
HOLE_D = 6 * mm          # punched hole, centred 6 mm below the top edge
HOLE_CLEAR = 12 * mm     # nothing printed above this line
LINE = 1.38              # leading as a multiple of the font size


class _Card:
    """Draws one card top-down, keeping a cursor ``y`` (distance from the top edge)."""

    def __init__(self, c: Canvas, font: str, lang: str, size: tuple[float, float]):
        self.c, self.font, self.t = c, font, L(lang)
        self.lang = lang
        self.w, self.h = size
        self.inner = self.w - 2 * MARGIN
        self.y = HOLE_CLEAR

    def text(self, s: str, size: float, x: float = MARGIN, width: float | None = None) -> None:
        """One line at the cursor, shortened with … to fit ``width``."""
        width = width or self.inner
        self.y += size * 1.05
        self.c.setFont(self.font, size)
        self.c.drawString(x, self.h - self.y, fit_one(safe_text(s, self.font), self.font, size, width))
        self.y += size * (LINE - 1.05)

    def para(self, s: str, size: float, max_lines: int, x: float = MARGIN) -> None:
        """Wrapped text, at most ``max_lines`` lines, the last ending in … if cut."""
        for line in fit_lines(safe_text(s, self.font), self.font, size, self.inner - (x - MARGIN),
                              max_lines):
            self.text(line, size, x)

    def field(self, key: str, value: str, size: float, x: float = MARGIN,
              width: float | None = None) -> None:
        self.text(f"{self.t[key]}{self.t['colon']}{value}", size, x, width)

    def rule(self, gap: float = 1 * mm) -> None:
        self.y += gap
        self.c.setLineWidth(0.5)
        self.c.line(MARGIN, self.h - self.y, self.w - MARGIN, self.h - self.y)
        self.y += gap


def _hole(c: Canvas, w: float, h: float) -> None:
    """Mark where the hole is punched: a thin dashed circle, crosshair in the middle."""
    cx, cy = w / 2, h - HOLE_CLEAR / 2
    c.saveState()
    c.setLineWidth(0.4)
    c.setDash(1.5, 1.5)
    c.circle(cx, cy, HOLE_D / 2)
    c.setDash()
    c.line(cx - 1 * mm, cy, cx + 1 * mm, cy)
    c.line(cx, cy - 1 * mm, cx, cy + 1 * mm)
    c.restoreState()


def _badge(c: Canvas, font: str, text: str, size: float, right: float, top: float) -> None:
    """Service kind in white on black at the top right, so the workshop sees it at a glance."""
    pad = 1.2 * mm
    tw = stringWidth(text, font, size)
    bw, bh = tw + 2 * pad, size + 2 * pad * 0.8
    c.saveState()
    c.rect(right - bw, top - bh, bw, bh, stroke=0, fill=1)
    c.setFillColorRGB(1, 1, 1)
    c.setFont(font, size)
    c.drawString(right - bw + pad, top - bh + pad * 0.8 + size * 0.15, text)
    c.restoreState()


def _draw(c: Canvas, card: CardData, font: str, lang: str, size: tuple[float, float],
          dpi: int | None = None) -> None:
    d = _Card(c, font, lang, size)
    t, w, h, p = d.t, d.w, d.h, card.party
    _hole(c, w, h)

    # Title line with the service-kind badge on the right.
    kind = safe_text(kind_label(card.service_kind, lang), font)
    _badge(c, font, fit_one(kind, font, 8, d.inner * 0.5), 8, w - MARGIN, h - d.y - 0.5 * mm)
    d.text(t["card_title"], 11, width=d.inner * 0.5)

    # Job number as large as fits the width.
    job = safe_text(card.job_number, font)
    js = min(16.0, d.inner / max(stringWidth(job, font, 1), 1))
    d.text(job, js)
    d.text(f"{t['item']} {card.item_index}/{card.item_count}{t['colon']}{card.item_description}", 9)

    d.y += 1 * mm
    bar = barcodes.code128(card.card_code, w, bar_height=8 * mm, font_name=font, font_size=7, dpi=dpi)
    d.y += bar.height
    bar.drawOn(c, (w - bar.width) / 2, h - d.y)

    # QR on the left, who / when beside it.
    d.y += 1 * mm
    qs = 17 * mm
    top = d.y
    barcodes.qr(card.card_code, qs, dpi=dpi).drawOn(c, MARGIN - 1 * mm, h - top - qs)
    x = MARGIN + qs
    d.y = top + 1 * mm
    d.text(p.customer_name, 10, x, d.inner - qs)
    for key, value in (("phone", p.customer_phone), ("received_at", fmt_date(card.received_at)),
                       ("promised_date", fmt_date(card.promised_date))):
        d.field(key, value, 7.5, x, d.inner - qs)
    d.y = max(d.y, top + qs)

    # The unit and the fault; the fault gets up to 3 lines, the condition what is left.
    size = 8
    footer = 6.5 * LINE + 1 * mm    # company line at the bottom, for a tag that gets separated
    product = " ".join(x for x in (p.product_name, p.product_model) if x)
    d.para(f"{t['product']}{t['colon']}{product}", size, 2)
    d.field("serial", p.serial, size)
    d.para(f"{t['fault']}{t['colon']}{card.fault}", size, 3)
    room = int((h - MARGIN - footer - d.y) // (size * LINE))
    if card.condition and room >= 2:
        d.para(f"{t['condition']}{t['colon']}{card.condition}", size, room - 1)
    if card.received_by and (h - MARGIN - footer - d.y) >= size * LINE:
        d.field("received_by", card.received_by, size)
    company = " ".join(x for x in (card.company.name, card.company.phone) if x)
    if company:
        d.y = h - MARGIN - 6.5 * LINE
        d.text(company, 6.5)


def render_cards(cards: list[CardData], out: str | os.PathLike | BinaryIO | None = None, *,
                 lang: str = "zh_CN", font: FontChoice | str | None = None,
                 size: tuple[float, float] = (60, 90), dpi: int | None = None) -> bytes:
    """Render repair cards, one page per card; return the PDF bytes (and write to ``out``).

    ``size`` is (width, height) in millimetres.  ``font`` is a FontChoice, a
    font file path (from Settings) or None (auto).  ``dpi``: the printer's
    resolution when csdesk rasterises the page itself (barcodes in whole dots).
    """
    if not cards:
        raise ValueError("no cards to print")
    fc = resolve_font(font)
    page = (size[0] * mm, size[1] * mm)
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=page, pageCompression=1)
    c.setTitle(f"{L(lang)['card_title']} {cards[0].job_number}")
    c.setCreator("csdesk")
    for card in cards:
        _draw(c, card, fc.name, lang, page, dpi)
        c.showPage()
    c.save()
    return write_out(buf.getvalue(), out)
