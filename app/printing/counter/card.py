"""维修卡 — the hang tag tied to each item of a job.

A fixed 60 x 90 mm card (one page per card) drawn straight on a canvas: the
layout is fixed, so every text is fitted to its box (wrapped, then cut with
…) rather than flowed — nothing may run off the tag or under the punched hole.

The card is there to tell units apart (issue 10, part 3): the job number as
large as the width allows (16 pt at most), the customer's name wrapped onto
a second line and made smaller before it is ever cut, the serial always
whole (it wraps and shrinks: the end of "…NMG-0001" is what differs from
the next unit), the fault and the condition sharing what room is left. The
clerk's name is not printed: the job knows it.
"""
from __future__ import annotations

import io
import os
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from app.printing.core import barcodes
from app.printing.core.common import ELLIPSIS, fit_lines, fit_one, fmt_date, wrap_text, write_out
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


def _fit(text: str, font: str, sizes: tuple[float, float], width: float, max_lines: int,
         words: bool) -> tuple[float, list[str]]:
    """``text`` at the largest size from ``sizes[0]`` down to ``sizes[1]``
    (half a point at a time) that takes at most ``max_lines`` lines; at the
    smallest, as many lines as it takes (the caller cuts)."""
    size = sizes[0]
    while True:
        lines = wrap_text(text, font, size, width, words=words)
        if len(lines) <= max_lines or size - 0.5 < sizes[1]:
            return size, lines
        size -= 0.5


def _cut(lines: list[str], n: int, font: str, size: float, width: float) -> list[str]:
    """The first ``n`` lines, the last ending in … when lines were dropped."""
    if len(lines) <= n:
        return lines
    if n <= 0:
        return []
    lines = lines[:n]
    last = lines[-1]
    while last and stringWidth(last + ELLIPSIS, font, size) > width:
        last = last[:-1]
    lines[-1] = last.rstrip() + ELLIPSIS
    return lines


def _draw(c: Canvas, card: CardData, font: str, lang: str, size: tuple[float, float],
          dpi: int | None = None) -> None:
    d = _Card(c, font, lang, size)
    t, w, h, p = d.t, d.w, d.h, card.party
    en = lang == "en"
    col = t["colon"]
    S = lambda x: safe_text(x or "", font)  # noqa: E731
    _hole(c, w, h)

    # Title line with the service-kind badge on the right.
    kind = S(kind_label(card.service_kind, lang))
    _badge(c, font, fit_one(kind, font, 8, d.inner * 0.5), 8, w - MARGIN, h - d.y - 0.5 * mm)
    d.text(t["card_title"], 11, width=d.inner * 0.5)

    # Job number as large as fits the width.
    job = S(card.job_number)
    js = min(16.0, d.inner / max(stringWidth(job, font, 1), 1))
    d.text(job, js)
    item = S(f"{t['item']} {card.item_index}/{card.item_count}{col}{card.item_description}")
    isize, ilines = _fit(item, font, (9, 7.5), d.inner, 1, en)
    d.text(_cut(ilines, 1, font, isize, d.inner)[0], isize)

    d.y += 1 * mm
    bar = barcodes.code128(card.card_code, w, bar_height=8 * mm, font_name=font, font_size=7, dpi=dpi)
    d.y += bar.height
    bar.drawOn(c, (w - bar.width) / 2, h - d.y)

    # QR on the left; the customer (wrapped, smaller when long), phone and dates beside it.
    d.y += 1 * mm
    qs = 17 * mm
    top = d.y
    barcodes.qr(card.card_code, qs, dpi=dpi).drawOn(c, MARGIN - 1 * mm, h - top - qs)
    x, side = MARGIN + qs, d.inner - qs
    d.y = top + 1 * mm
    nsize, nlines = _fit(S(p.customer_name), font, (10, 7.5), side, 2, en)
    for line in _cut(nlines, 2, font, nsize, side):
        d.text(line, nsize, x, side)
    for key, value in (("phone", p.customer_phone), ("received_at", fmt_date(card.received_at)),
                       ("promised_date", fmt_date(card.promised_date))):
        d.field(key, value, 7.5, x, side)
    d.y = max(d.y, top + qs)

    # What tells this unit from the next: the product, the whole serial (it
    # wraps and shrinks; its end, where two units differ, is never cut), the
    # fault and the condition, in what room is left above the company line.
    footer = 6.5 * LINE + 1 * mm    # company line at the bottom, for a tag that gets separated
    room = h - MARGIN - footer - d.y
    product = " ".join(x for x in (p.product_name, p.product_model) if x)
    texts = {"product": f"{t['product']}{col}{product}" if product else "",
             "fault": f"{t['fault']}{col}{card.fault}",
             "condition": f"{t['condition']}{col}{card.condition}" if card.condition else ""}
    # 8 pt, or smaller where that is what gives the product, the fault and
    # the condition a line each under the whole serial.
    for size in (8, 7.5, 7):
        # No more of a long text is wrapped than the card could ever show (a
        # 4 000-character fault wrapped whole, card after card, took 40 ms a card).
        most = (int(room // (size * LINE)) + 2) * int(d.inner // (size * 0.2))
        blocks = {k: wrap_text(S(v[:most]), font, size, d.inner, words=en) if v else [] for k, v in texts.items()}
        serial_size, serial = _fit(S(f"{t['serial']}{col}{p.serial}"), font, (size, 6), d.inner, 2, False)
        if not p.serial:
            serial = []
        lines = int((room - len(serial) * serial_size * LINE) // (size * LINE))
        if lines >= sum(1 for b in blocks.values() if b):
            break
    # One line each first (fault, condition, product), then the fault up to 3, the product up to 2, the rest.
    share = {k: 0 for k in blocks}
    for key, upto in (("fault", 1), ("condition", 1), ("product", 1), ("fault", 3), ("product", 2),
                      ("condition", 99)):
        give = min(max(0, min(upto, len(blocks[key])) - share[key]), lines - sum(share.values()))
        share[key] += max(0, give)
    for line in _cut(blocks["product"], share["product"], font, size, d.inner):
        d.text(line, size)
    for line in serial:
        d.text(line, serial_size)
    for key in ("fault", "condition"):
        for line in _cut(blocks[key], share[key], font, size, d.inner):
            d.text(line, size)
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
