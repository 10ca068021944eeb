"""用户产品领取收据 — the customer's pickup receipt.

Printed at the counter on 80 mm thermal roll paper (default) or on A5.  A roll
has no fixed length, so for "80mm" the content is measured first and the page
is made exactly that tall; the printer driver then cuts after each page.
"""
from __future__ import annotations

import io
import os
from typing import BinaryIO

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A5
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, HRFlowable, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.printing.core import barcodes
from app.printing.core.common import fmt_date, fmt_datetime, ptext, style, write_out
from app.printing.core.fonts import FontChoice, resolve_font
from app.printing.counter.data import ReceiptData
from app.printing.counter.labels import L, kind_label

PAPERS = {
    # paper: (page width, side margin, base font size)
    "80mm": (80 * mm, 4 * mm, 8.5),
    "A5": (A5[0], 12 * mm, 9.5),
}
_FRAME_PAD = 6  # SimpleDocTemplate's Frame pads 6 pt on each side


def _kv_table(rows: list[tuple[str, str]], font: str, size: float, width: float) -> Table:
    """Caption / value rows; captions sized to the longest one so English fits too."""
    cap = style(font, size)
    val = style(font, size)
    cap_w = max(stringWidth(k, font, size) for k, _ in rows) + 4 * mm
    data = [[Paragraph(ptext(k, font), cap), Paragraph(ptext(v, font), val)] for k, v in rows]
    t = Table(data, colWidths=[cap_w, width - cap_w])
    t.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 1),
        ("TOPPADDING", (0, 0), (-1, -1), 1.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2),
    ]))
    return t


def _story(data: ReceiptData, lang: str, font: str, paper: str, copy_label: str,
           dpi: int | None = None) -> list[Flowable]:
    """The flowables of one copy of the receipt."""
    t = L(lang)
    _page_w, margin, base = PAPERS[paper]
    width = _page_w - 2 * margin - 2 * _FRAME_PAD
    c = data.company
    s_company = style(font, base + 3.5, align=TA_CENTER, space_after=1)
    s_small_c = style(font, base - 1.5, align=TA_CENTER)
    s_title = style(font, base + 5.5, align=TA_CENTER, space_before=4, space_after=2)
    s_base = style(font, base)
    s_terms = style(font, base - 1.5, leading=(base - 1.5) * 1.35)
    p = data.party
    col = t["colon"]

    story: list[Flowable] = [Paragraph(ptext(c.name, font), s_company)]
    if c.phone:
        story.append(Paragraph(ptext(f"{t['phone']}{col}{c.phone}", font), s_small_c))
    if c.address:
        story.append(Paragraph(ptext(c.address, font), s_small_c))
    story.append(Paragraph(ptext(t["receipt_title"], font), s_title))
    if copy_label:
        story.append(Paragraph(ptext(f"— {copy_label} —", font), s_small_c))
    story.append(Spacer(1, 2 * mm))

    info = [Paragraph(ptext(f"{t['receipt_no']}{col}{data.receipt_number}", font), s_base),
            Paragraph(ptext(f"{t['job_no']}{col}{data.job_number}", font), s_base),
            Paragraph(ptext(f"{t['issued_at']}{col}{fmt_datetime(data.issued_at)}", font), s_base)]
    if paper == "80mm":
        # Narrow roll: Code128 across the paper, then QR beside the numbers.
        bar = barcodes.code128(data.receipt_number, width, bar_height=10 * mm,
                               font_name=font, font_size=base, dpi=dpi)
        bar.hAlign = "CENTER"
        qr_size = 22 * mm
        story += [bar, Spacer(1, 1.5 * mm)]
        head = Table([[barcodes.qr(data.receipt_number, qr_size, dpi=dpi), info]],
                     colWidths=[qr_size + 2 * mm, width - qr_size - 2 * mm])
    else:
        # A5: Code128 over the numbers on the left, QR on the right, to save height.
        qr_size = 28 * mm
        left_w = width - qr_size - 2 * mm
        bar = barcodes.code128(data.receipt_number, left_w, bar_height=10 * mm,
                               font_name=font, font_size=base - 1, dpi=dpi)
        bar.hAlign = "LEFT"
        head = Table([[[bar, Spacer(1, 1 * mm)] + info, barcodes.qr(data.receipt_number, qr_size, dpi=dpi)]],
                     colWidths=[left_w, qr_size + 2 * mm])
    head.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                              ("ALIGN", (-1, 0), (-1, 0), "RIGHT"),
                              ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    story += [head, HRFlowable(width="100%", thickness=0.6, spaceBefore=2, spaceAfter=2)]

    kind = kind_label(data.service_kind, lang)
    if data.service_kind == "contract" and data.agreement_number:
        kind += f"{t['open_paren']}{t['agreement_no']} {data.agreement_number}{t['close_paren']}"
    items = "\n".join(f"{i}. {x}" for i, x in enumerate(data.items, 1)) or t["none"]
    rows = [(t["customer"], p.customer_name), (t["phone"], p.customer_phone),
            (t["product"], p.product_name), (t["model"], p.product_model),
            (t["serial"], p.serial), (t["items"], items), (t["fault"], data.fault),
            (t["condition"], data.condition), (t["service_kind"], kind),
            (t["promised_date"], fmt_date(data.promised_date)),
            (t["received_by"], data.received_by)]
    # Empty optional fields are left out, but the core ones always show.
    keep = {t["customer"], t["items"], t["fault"], t["service_kind"]}
    rows = [(k, v) for k, v in rows if v or k in keep]
    story += [_kv_table(rows, font, base, width),
              HRFlowable(width="100%", thickness=0.6, spaceBefore=2, spaceAfter=2)]

    if c.pickup_terms:
        story.append(Paragraph(ptext(t["terms"], font), style(font, base - 0.5, space_after=1)))
        for i, term in enumerate(c.pickup_terms, 1):
            story.append(Paragraph(ptext(f"{i}. {term}", font), s_terms))
        story.append(Spacer(1, 2 * mm))
    story.append(Paragraph(ptext(t["keep_receipt"], font), s_terms))
    story.append(Spacer(1, 8 * mm))  # room to sign above the line
    sig_cap, date_cap = t["customer_signature"] + col, t["date"] + col
    cap_w = [stringWidth(x, font, base) + 2 for x in (sig_cap, date_cap)]
    line_w = width - sum(cap_w) - 3 * mm
    sig = Table([[sig_cap, "", date_cap, ""]],
                colWidths=[cap_w[0], line_w * 0.6, cap_w[1] + 3 * mm, line_w * 0.4])
    sig.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), font, base),
                             ("LINEBELOW", (1, 0), (1, 0), 0.6, "black"),
                             ("LINEBELOW", (3, 0), (3, 0), 0.6, "black"),
                             ("ALIGN", (2, 0), (2, 0), "RIGHT"),
                             ("LEFTPADDING", (0, 0), (-1, -1), 0),
                             ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    sig.hAlign = "LEFT"
    story.append(sig)
    return story


def _height(story: list[Flowable], width: float) -> float:
    """Total height the flowables take in a frame ``width`` wide."""
    total = 0.0
    for f in story:
        _w, h = f.wrap(width, 1e6)
        total += h + f.getSpaceBefore() + f.getSpaceAfter()
    return total


def render_receipt(data: ReceiptData, out: str | os.PathLike | BinaryIO | None = None, *,
                   paper: str = "80mm", lang: str = "zh_CN",
                   font: FontChoice | str | None = None, copies: int = 1,
                   copy_labels: list[str] | None = None, dpi: int | None = None) -> bytes:
    """Render the pickup receipt; return the PDF bytes (and write to ``out`` if given).

    ``paper`` is "80mm" (thermal roll, page as tall as the content) or "A5".
    ``copies`` pages are printed, each labelled ``data.copy_label``; pass
    ``copy_labels`` (e.g. ["客户联", "存根联"]) instead for one page per label.
    ``font`` is a FontChoice, a font file path (from Settings) or None (auto).
    ``dpi``: the printer's resolution when csdesk rasterises the page itself
    (barcodes in whole dots).
    """
    if paper not in PAPERS:
        raise ValueError(f"paper must be one of {sorted(PAPERS)}, not {paper!r}")
    fc = resolve_font(font)
    labels = copy_labels or [data.copy_label] * max(1, copies)
    page_w, margin, _ = PAPERS[paper]
    frame_w = page_w - 2 * margin - 2 * _FRAME_PAD
    stories = [_story(data, lang, fc.name, paper, lab, dpi) for lab in labels]
    top, bottom = (4 * mm, 6 * mm) if paper == "80mm" else (12 * mm, 12 * mm)
    if paper == "80mm":
        # +3 mm slack: Frame rounding must never push a line onto a second page.
        content = max(_height(s, frame_w) for s in stories)
        page_size = (page_w, content + top + bottom + 2 * _FRAME_PAD + 3 * mm)
    else:
        page_size = A5
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=page_size, leftMargin=margin, rightMargin=margin,
                            topMargin=top, bottomMargin=bottom,
                            title=L(lang)["receipt_title"] + " " + data.receipt_number,
                            author=data.company.name, creator="csdesk")
    flow: list[Flowable] = []
    for i, s in enumerate(stories):
        if i:
            flow.append(PageBreak())
        flow += s
    doc.build(flow)
    return write_out(buf.getvalue(), out)
