"""服务凭证 — the service voucher handed over with the repaired unit.

Flowed with platypus on A4 (default) or A5: this job's work and charges, then
the unit's whole service history.  Tables repeat their header row when they
split across pages; every page carries "printed at" and "page x of y".
"""
from __future__ import annotations

import io
import os
from functools import partial
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.printing.core import barcodes
from app.printing.core.common import fmt_date, fmt_datetime, fmt_money, fmt_qty, ptext, style, write_out
from app.printing.core.fonts import FontChoice, resolve_font, safe_text
from app.printing.core.frame import HEAD_BG, NumberedCanvas, grid
from app.printing.counter.data import VoucherData
from app.printing.counter.labels import L, kind_label, payment_label, state_label

PAPERS = {"A4": (A4, 15 * mm, 9.0), "A5": (A5, 9 * mm, 7.5)}   # size, margin, base font
THIS_JOB_BG = colors.HexColor("#F3F3F3")


def _history(d: VoucherData, lang: str, font: str, width: float, size: float) -> Table:
    """Service history of the serial number; this job's row is shaded.

    Numbers, dates and money never wrap (a split job number misleads), so those
    columns take their natural width and fault / diagnosis share the rest.
    """
    t = L(lang)
    pad = 6.5  # cell padding left + right, plus a hair
    lab = style(font, size, cjk=lang != "en")
    s_small = style(font, size)
    head = [t["job_no"], t["received_at"], t["fault"], t["diagnosis"], t["service_kind"],
            t["state"], t["cost"], t["charged"]]
    rows, shade = [head], []
    for i, h in enumerate(d.history, 1):
        rows.append([safe_text(h.job_number, font), fmt_date(h.received_at),
                     Paragraph(ptext(h.fault, font), s_small),
                     Paragraph(ptext(h.diagnosis, font), s_small),
                     Paragraph(ptext(kind_label(h.service_kind, lang), font), lab),
                     Paragraph(ptext(state_label(h.state, lang), font), lab),
                     fmt_money(h.total), fmt_money(h.due)])
        if h.job_number == d.job_number:
            shade.append(("BACKGROUND", (0, i), (-1, i), THIS_JOB_BG))
    if not d.history:
        rows.append([t["none"]] + [""] * 7)

    def natural(col: int, cap: float | None = None) -> float:
        texts = [r[col] if isinstance(r[col], str) else r[col].text for r in rows]
        w = max(stringWidth(x, font, size) for x in texts) + pad
        return min(w, cap) if cap else w

    widths = [natural(0), natural(1), 0, 0, natural(4, width * 0.12), natural(5, width * 0.12),
              natural(6), natural(7)]
    widths[2] = widths[3] = max((width - sum(widths)) / 2, 15 * mm)
    return grid(rows, widths, font, size, num_cols=(6, 7), extra=shade)


def _story(d: VoucherData, lang: str, font: str, width: float, base: float,
           dpi: int | None = None) -> list[Flowable]:
    t, p, col = L(lang), d.party, L(lang)["colon"]
    P = lambda s, st: Paragraph(ptext(s, font), st)  # noqa: E731 - local shorthand
    s_base, s_small = style(font, base), style(font, base - 1)
    s_r = style(font, base, align=TA_RIGHT)
    s_h = style(font, base + 2.5, space_before=8, space_after=3)
    story: list[Flowable] = []

    # Header: company and title on the left, job number as Code128 + QR on the right.
    qs = 24 * mm if width > 150 * mm else 20 * mm
    bar = barcodes.code128(d.job_number, width * 0.42, bar_height=9 * mm, font_name=font,
                           font_size=base - 1, dpi=dpi)
    left = [P(d.company.name, style(font, base + 5)),
            P(d.company.phone and t["phone"] + col + d.company.phone, s_small),
            P(d.company.address, s_small),
            P(t["voucher_title"], style(font, base + 9, space_before=6))]
    head = Table([[left, bar, barcodes.qr(d.job_number, qs, dpi=dpi)]],
                 colWidths=[width - bar.width - qs - 2 * mm, bar.width + 2 * mm, qs])
    head.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                              ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                              ("LINEBELOW", (0, 0), (-1, 0), 1, colors.black)]))
    story += [head, Spacer(1, 3 * mm)]

    # Customer, unit and service facts as a 4-column caption/value grid.
    kind = kind_label(d.service_kind, lang)
    if d.agreement_number:
        kind += f"{t['open_paren']}{t['agreement_no']} {d.agreement_number}{t['close_paren']}"
    facts = [(t["job_no"], d.job_number), (t["state"], state_label(d.state, lang)),
             (t["customer"], p.customer_name), (t["customer_code"], p.customer_code),
             (t["phone"], p.customer_phone), (t["address"], p.customer_address),
             (t["product"], p.product_name), (t["model"], p.product_model),
             (t["serial"], p.serial), (t["service_kind"], kind),
             (t["sale_date"], fmt_date(p.sale_date)), (t["warranty_until"], fmt_date(p.warranty_until)),
             (t["received_at"], fmt_datetime(d.received_at)),
             (t["delivered_at"], fmt_datetime(d.delivered_at)),
             (t["technicians"], "、".join(d.technicians) if lang != "en" else ", ".join(d.technicians)),
             (t["items"], ("、" if lang != "en" else ", ").join(d.items))]
    cw = width * 0.14
    rows = [[P(a, s_base), P(b, s_base), P(c, s_base), P(e, s_base)]
            for (a, b), (c, e) in zip(facts[::2], facts[1::2])]
    rows += [[P(t["fault"], s_base), P(d.fault, s_base), "", ""],
             [P(t["diagnosis"], s_base), P(d.diagnosis, s_base), "", ""]]
    n = len(rows)
    story.append(grid(rows, [cw, width / 2 - cw, cw, width / 2 - cw], font, base, header=False,
                       extra=[("BACKGROUND", (0, 0), (0, -1), HEAD_BG),
                              ("BACKGROUND", (2, 0), (2, n - 3), HEAD_BG),
                              ("SPAN", (1, n - 2), (3, n - 2)), ("SPAN", (1, n - 1), (3, n - 1))]))

    # Parts and materials.
    story.append(P(t["parts"], s_h))
    rows = [["#", t["description"], t["quantity"], t["unit_price"], t["amount"]]]
    for i, ln in enumerate(d.parts, 1):
        desc = ln.description + (f"{t['open_paren']}{t['part_kind_material']}{t['close_paren']}"
                                 if ln.kind == "material" else "")
        rows.append([str(i), P(desc, s_base), fmt_qty(ln.quantity), fmt_money(ln.unit_price),
                     fmt_money(ln.amount)])
    if not d.parts:
        rows.append(["", t["none"], "", "", ""])
    story.append(grid(rows, [8 * mm, width - 8 * mm - 3 * 24 * mm] + [24 * mm] * 3, font, base,
                       num_cols=(2, 3, 4)))

    # Labour.
    story.append(P(t["labour"], s_h))
    rows = [[t["technician"], t["description"], t["hours"], t["rate"], t["amount"]]]
    for ln in d.labour:
        rows.append([P(ln.technician, s_base), P(ln.description, s_base), fmt_qty(ln.hours),
                     fmt_money(ln.rate), fmt_money(ln.amount)])
    if not d.labour:
        rows.append([t["none"], "", "", "", ""])
    story.append(grid(rows, [24 * mm, width - 24 * mm - 3 * 24 * mm] + [24 * mm] * 3, font, base,
                       num_cols=(2, 3, 4)))

    # Charges summary, right-aligned; the amount due stands out.
    c = d.charges
    money = [(t["parts_total"], fmt_money(c.parts_total)), (t["labour_total"], fmt_money(c.labour_total)),
             (t["gross_total"], fmt_money(c.gross_total)),
             (t["covered"], ("-" if c.covered else "") + fmt_money(c.covered)),
             (t["due"], fmt_money(c.due))]
    if c.paid is not None:
        method = payment_label(c.payment_method, lang)
        money.append((t["paid"], fmt_money(c.paid) + (
            f"{t['open_paren']}{method}{t['close_paren']}" if method else "")))
    if d.collected_by:
        money.append((t["collected_by"], d.collected_by))
    due_row = 4
    rows = [[P(a, s_r), P(b, s_r)] for a, b in money]
    rows[due_row] = [P(money[due_row][0], style(font, base + 2, align=TA_RIGHT)),
                     P(money[due_row][1], style(font, base + 2, align=TA_RIGHT))]
    summary = Table(rows, colWidths=[width * 0.3, width * 0.22], hAlign="RIGHT")
    summary.setStyle(TableStyle([("LINEABOVE", (0, due_row), (-1, due_row), 0.8, colors.black),
                                 ("TOPPADDING", (0, 0), (-1, -1), 1),
                                 ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                                 ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    charges = [P(t["charges"], s_h), summary, Spacer(1, 10 * mm)]

    # Signature lines stay together with the charges they sign for.
    sig = Table([[t["technician_signature"] + col, "", t["customer_signature"] + col, "",
                  t["date"] + col, ""]],
                colWidths=[None, width * 0.2, None, width * 0.2, None, width * 0.14])
    sig.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), font, base),
                             *[("LINEBELOW", (i, 0), (i, 0), 0.6, colors.black) for i in (1, 3, 5)],
                             ("LEFTPADDING", (0, 0), (-1, -1), 2)]))
    sig.hAlign = "LEFT"
    story += [KeepTogether(charges + [sig]), Spacer(1, 3 * mm)]

    story.append(P(f"{t['history']}{t['open_paren']}{p.serial}{t['close_paren']}", s_h))
    story.append(_history(d, lang, font, width, base - 1))
    return story


def render_voucher(data: VoucherData, out: str | os.PathLike | BinaryIO | None = None, *,
                   paper: str = "A4", lang: str = "zh_CN",
                   font: FontChoice | str | None = None, dpi: int | None = None) -> bytes:
    """Render the service voucher; return the PDF bytes (and write to ``out`` if given).

    ``paper`` is "A4" or "A5" (portrait).  ``font`` is a FontChoice, a font
    file path (from Settings) or None (auto).  ``dpi``: the printer's
    resolution when csdesk rasterises the page itself (barcodes in whole dots).
    """
    if paper not in PAPERS:
        raise ValueError(f"paper must be one of {sorted(PAPERS)}, not {paper!r}")
    fc = resolve_font(font)
    size, margin, base = PAPERS[paper]
    t = L(lang)
    printed = fmt_datetime(data.printed_at)
    footer_text = safe_text(f"{data.company.name}  {t['voucher_title']} {data.job_number}", fc.name)

    def footer(canv: Canvas, pages: int) -> None:
        canv.saveState()
        canv.setFont(fc.name, base - 2)
        y = margin * 0.55
        canv.drawString(margin, y, footer_text)
        right = t["page"].format(page=canv.getPageNumber(), pages=pages)
        if printed:
            right = f"{t['printed_at']}{t['colon']}{printed}    {right}"
        canv.drawRightString(size[0] - margin, y, right)
        canv.restoreState()

    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=size, leftMargin=margin, rightMargin=margin,
                            topMargin=margin, bottomMargin=margin + 4 * mm,
                            title=f"{t['voucher_title']} {data.job_number}",
                            author=data.company.name, creator="csdesk")
    # The frame pads 6 pt on each side: tables as wide as doc.width would overhang.
    doc.build(_story(data, lang, fc.name, doc.width - 12, base, dpi),
              canvasmaker=partial(NumberedCanvas, footer=footer))
    return write_out(buf.getvalue(), out)
