"""服务凭证 — the service voucher handed over with the repaired unit.

Flowed with platypus on A4 (default) or A5 (app.printing.core.frame.build_pdf):
this job's facts, work and charges, then the unit's whole service history.
Nothing may fail to print (issue 10): a fault or diagnosis of 4 000
characters, 200 items, parts, labour lines or earlier jobs flow onto further
pages. Every page carries the company, the document and "page n of N" at its
foot, and every page after the first the title, the job number and "page n
of N" at its top; the parts, labour and history tables repeat their heading
(with "（续）") and header row on each page they run onto, so a heading is
never left alone at the foot of a page; a fact box cut at a page end is
closed on both pages and its caption repeated with "（续）". The charges and
the signatures stay together.

The history is the unit's index: each earlier job's fault and diagnosis are
shortened to :data:`HISTORY_CHARS` characters (its own voucher has them in
full; this job's are printed in full above).
"""
from __future__ import annotations

import os
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from app.printing.core import barcodes
from app.printing.core.common import (ELLIPSIS, fmt_date, fmt_datetime, fmt_money, fmt_qty, paras, ptext, style,
                                      widest_word, write_out)
from app.printing.core.fonts import FontChoice, resolve_font, safe_text
from app.printing.core.frame import GRID, HEAD_BG, build_pdf, continued_header, continued_text, grid, printed_stamp
from app.printing.counter.data import VoucherData
from app.printing.counter.labels import L, kind_label, payment_label, state_label
from app.printing.counter.text import para, paras as data_paras

PAPERS = {"A4": (A4, 15 * mm, 9.0), "A5": (A5, 9 * mm, 7.5)}   # size, margin, base font
THIS_JOB_BG = colors.HexColor("#F3F3F3")
#: An earlier job's fault and diagnosis in the history: at most this many characters.
HISTORY_CHARS = 160
_PAD = 6.5      # a cell's padding, left and right, and a hair
#: A table cut inside a row is closed at the foot of the page and again at the top of the next.
_CLOSED = [("LINEBELOW", (0, "splitlast"), (-1, "splitlast"), 0.4, GRID),
           ("LINEABOVE", (0, "splitfirst"), (-1, "splitfirst"), 0.4, GRID)]


def _short(text: str, n: int = HISTORY_CHARS) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[:n - 1].rstrip() + ELLIPSIS


def _natural(texts, font: str, size: float, cap: float | None = None) -> float:
    """A column as wide as its widest text (one line), at most ``cap``."""
    w = max((stringWidth(safe_text(x, font), font, size) for x in texts if x), default=0.0) + _PAD
    return min(w, cap) if cap else w


def _history(d: VoucherData, lang: str, font: str, width: float, size: float, caption: Flowable,
             cont: str) -> Table:
    """Service history of the serial number; this job's row is shaded.

    Numbers, dates and money wrap only when they must (a split job number
    misleads), so those columns take their natural width and fault /
    diagnosis share the rest.
    """
    t = L(lang)
    en = lang == "en"
    lab = style(font, size, cjk=not en)
    s_num = style(font, size, align=TA_RIGHT)
    P = lambda x, st=None: Paragraph(ptext(x, font), st) if st else para(x, font, size)  # noqa: E731
    heads = [t["job_no"], t["received_at"], t["fault"], t["diagnosis"], t["service_kind"], t["state"], t["cost"],
             t["charged"]]
    cols: list[list[str]] = [[h] for h in heads]
    rows, shade = [[P(h, lab) for h in heads]], []
    for i, h in enumerate(d.history, 1):
        cells = [h.job_number, fmt_date(h.received_at), _short(h.fault), _short(h.diagnosis),
                 kind_label(h.service_kind, lang), state_label(h.state, lang), fmt_money(h.total), fmt_money(h.due)]
        for c, x in zip(cols, cells):
            c.append(x)
        rows.append([P(cells[0]), P(cells[1]), P(cells[2]), P(cells[3]), P(cells[4], lab), P(cells[5], lab),
                     P(cells[6], s_num), P(cells[7], s_num)])
        if h.job_number == d.job_number:
            shade.append(("BACKGROUND", (0, i), (-1, i), THIS_JOB_BG))
    if not d.history:
        rows.append([P(t["none"])] + [""] * 7)
    least = [widest_word([h], font, size) + _PAD for h in heads]
    widths = [max(least[0], _natural(cols[0], font, size, width * 0.2)),
              max(least[1], _natural(cols[1], font, size, width * 0.12)), 0, 0,
              max(least[4], _natural(cols[4], font, size, width * 0.12)),
              max(least[5], _natural(cols[5], font, size, width * 0.12)),
              max(least[6], _natural(cols[6], font, size, width * 0.14)),
              max(least[7], _natural(cols[7], font, size, width * 0.14))]
    widths[2] = widths[3] = max((width - sum(widths)) / 2, max(least[2], least[3]), 15 * mm)
    return grid(rows, widths, font, size, num_cols=(6, 7), extra=shade + _CLOSED, caption=caption, continued=cont,
                split_rows=True, label_cols=(0,))


def _lines_table(heads: list[str], rows: list[list], text_col: int, num_cols: tuple, width: float, font: str,
                 size: float, caption: Flowable, cont: str, lang: str, fixed: dict | None = None) -> Table:
    """Parts or labour: the numbers as wide as they need (up to a fifth of the
    page each), the description the rest; the heading is the table's first row."""
    en = lang == "en"
    s_num = style(font, size, align=TA_RIGHT)
    cols = list(zip(*([heads] + [[c if isinstance(c, str) else "" for c in r] for r in rows])))
    widths = []
    for i, h in enumerate(heads):
        least = widest_word([h], font, size) + _PAD
        if i == text_col:
            widths.append(0.0)
        elif fixed and i in fixed:
            widths.append(max(least, fixed[i]))
        else:
            widths.append(max(least, _natural(cols[i], font, size, width * 0.2)))
    widths[text_col] = max(width - sum(widths), width * 0.25)
    data = [[Paragraph(ptext(h, font), style(font, size, cjk=not en, align=TA_RIGHT if i in num_cols else 0))
             for i, h in enumerate(heads)]]
    for r in rows:
        # A row's number stays a string: continued on the next page, it is
        # repeated bare where "（续）" does not fit the column beside it.
        data.append([c if i == 0 and i in num_cols else
                     (Paragraph(ptext(c, font), s_num) if i in num_cols else para(c, font, size))
                     if isinstance(c, str) else c for i, c in enumerate(r)])
    return grid(data, widths, font, size, caption=caption, continued=cont, split_rows=True, label_cols=(0,),
                num_cols=(0,) if 0 in num_cols else (), extra=_CLOSED)


def _story(d: VoucherData, lang: str, font: str, width: float, base: float,
           dpi: int | None = None) -> list[Flowable]:
    t, p, col = L(lang), d.party, L(lang)["colon"]
    en = lang == "en"
    cont = continued_text(lang)
    P = lambda s, st: Paragraph(ptext(s, font), st)  # noqa: E731 - local shorthand
    s_base, s_small = style(font, base, cjk=not en), style(font, base - 1, cjk=not en)
    s_r = style(font, base, align=TA_RIGHT)
    s_h = style(font, base + 2.5, cjk=not en)
    H = lambda x: P(x, s_h)  # noqa: E731
    sep = ", " if en else "、"
    story: list[Flowable] = []

    # Header: company and title on the left, job number as Code128 + QR on the right.
    qs = 24 * mm if width > 150 * mm else 20 * mm
    bar = barcodes.code128(d.job_number, width * 0.42, bar_height=9 * mm, font_name=font,
                           font_size=base - 1, dpi=dpi)
    left = [para(d.company.name, font, base + 5),
            para(d.company.phone and t["phone"] + col + d.company.phone, font, base - 1),
            para(d.company.address, font, base - 1),
            P(t["voucher_title"], style(font, base + 9, space_before=6, cjk=not en))]
    head = Table([[left, bar, barcodes.qr(d.job_number, qs, dpi=dpi)]],
                 colWidths=[width - bar.width - qs - 2 * mm, bar.width + 2 * mm, qs])
    head.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                              ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                              ("LINEBELOW", (0, 0), (-1, 0), 1, colors.black)]))
    story += [head, Spacer(1, 3 * mm)]

    # Customer, unit and service facts as a 4-column caption/value grid; the
    # items, the fault and the diagnosis a row each, as wide as the page (a
    # table of their own: a text of 4 000 characters is cut at a page end and
    # goes on under its caption with "（续）").
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
             (t["collected_by"], d.collected_by), (t["technicians"], sep.join(d.technicians))]
    cw = max(width * 0.14, widest_word([k for k, _v in facts] + [t["items"], t["fault"], t["diagnosis"]], font,
                                       base) + _PAD)
    V = lambda x: data_paras(x, font, base)  # noqa: E731
    rows = [[P(a, s_base), V(b), P(c, s_base), V(e)] for (a, b), (c, e) in zip(facts[::2], facts[1::2])]
    story.append(grid(rows, [cw, width / 2 - cw, cw, width / 2 - cw], font, base, header=False, split_rows=True,
                      continued=cont, label_cols=((0, 1), (2, 3)),
                      extra=[("BACKGROUND", (0, 0), (0, -1), HEAD_BG), ("BACKGROUND", (2, 0), (2, -1), HEAD_BG),
                             *_CLOSED]))
    for key, value in (("items", sep.join(d.items) if en else "、".join(d.items)), ("fault", d.fault),
                       ("diagnosis", d.diagnosis)):
        story.append(grid([[P(t[key], s_base), V(value or t["none"] if key == "items" else value)]],
                          [cw, width - cw], font, base, header=False, split_rows=True, continued=cont,
                          label_cols=(0,), extra=[("BACKGROUND", (0, 0), (0, -1), HEAD_BG), *_CLOSED]))

    # Parts and materials.
    rows = []
    for i, ln in enumerate(d.parts, 1):
        desc = ln.description + (f"{t['open_paren']}{t['part_kind_material']}{t['close_paren']}"
                                 if ln.kind == "material" else "")
        rows.append([str(i), para(desc, font, base), fmt_qty(ln.quantity), fmt_money(ln.unit_price),
                     fmt_money(ln.amount)])
    if not d.parts:
        rows.append(["", para(t["none"], font, base), "", "", ""])
    story.append(Spacer(1, 3 * mm))
    story.append(_lines_table(["#", t["description"], t["quantity"], t["unit_price"], t["amount"]], rows, 1,
                              (0, 2, 3, 4), width, font, base, H(t["parts"]), cont, lang))

    # Labour.
    rows = [[para(ln.technician, font, base), para(ln.description, font, base), fmt_qty(ln.hours), fmt_money(ln.rate),
             fmt_money(ln.amount)] for ln in d.labour]
    if not d.labour:
        rows.append([para(t["none"], font, base), "", "", "", ""])
    story.append(Spacer(1, 3 * mm))
    story.append(_lines_table([t["technician"], t["description"], t["hours"], t["rate"], t["amount"]], rows, 1,
                              (2, 3, 4), width, font, base, H(t["labour"]), cont, lang, fixed={0: 24 * mm}))

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
    due_row = 4
    big = style(font, base + 2, align=TA_RIGHT)
    label_w = _natural([a for a, _b in money], font, base + 2, width * 0.45)
    value_w = _natural([b for _a, b in money], font, base + 2, width * 0.5)
    rows = [[P(a, s_r), P(b, s_r)] for a, b in money]
    rows[due_row] = [P(money[due_row][0], big), P(money[due_row][1], big)]
    summary = Table(rows, colWidths=[label_w, value_w], hAlign="RIGHT")
    summary.setStyle(TableStyle([("LINEABOVE", (0, due_row), (-1, due_row), 0.8, colors.black),
                                 ("TOPPADDING", (0, 0), (-1, -1), 1),
                                 ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                                 ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    charges = [Spacer(1, 3 * mm), H(t["charges"]), summary, Spacer(1, 10 * mm)]

    # Signature lines stay together with the charges they sign for.
    caps = [t["technician_signature"] + col, t["customer_signature"] + col, t["date"] + col]
    cap_w = [stringWidth(safe_text(x, font), font, base) + 4 for x in caps]
    lines = width - sum(cap_w)
    if lines >= 60 * mm:
        sig = Table([[caps[0], "", caps[1], "", caps[2], ""]],
                    colWidths=[cap_w[0], lines * 0.37, cap_w[1], lines * 0.37, cap_w[2], lines * 0.26])
        sig.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), font, base),
                                 *[("LINEBELOW", (i, 0), (i, 0), 0.6, colors.black) for i in (1, 3, 5)],
                                 ("LEFTPADDING", (0, 0), (-1, -1), 2)]))
    else:      # A5 in English: one signature a line
        w0 = max(cap_w)
        sig = Table([[x, ""] for x in caps], colWidths=[w0, min(width - w0, 70 * mm)], rowHeights=[9 * mm] * 3)
        sig.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), font, base), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                                 ("LINEBELOW", (1, 0), (1, -1), 0.6, colors.black),
                                 ("LEFTPADDING", (0, 0), (-1, -1), 2)]))
    sig.hAlign = "LEFT"
    story += [KeepTogether(charges + [sig]), Spacer(1, 3 * mm)]

    caption = H(f"{t['history']}{t['open_paren']}{p.serial}{t['close_paren']}")
    story.append(_history(d, lang, font, width, base - 1, caption, cont))
    return story


def render_voucher(data: VoucherData, out: str | os.PathLike | BinaryIO | None = None, *,
                   paper: str = "A4", lang: str = "zh_CN",
                   font: FontChoice | str | None = None, dpi: int | None = None) -> bytes:
    """Render the service voucher; return the PDF bytes (and write to ``out`` if given).

    ``paper`` is "A4" or "A5" (portrait).  ``font`` is a FontChoice, a font
    file path (from Settings) or None (auto).  ``dpi``: the printer's
    resolution when csdesk rasterises the page itself (barcodes in whole dots).
    Raises :class:`app.printing.core.frame.LayoutFailed` should a part still
    not fit a page.
    """
    if paper not in PAPERS:
        raise ValueError(f"paper must be one of {sorted(PAPERS)}, not {paper!r}")
    fc = resolve_font(font)
    size, margin, base = PAPERS[paper]
    t = L(lang)
    title = f"{t['voucher_title']} {data.job_number}"
    # The frame pads 6 pt on each side: tables as wide as the frame would overhang.
    pdf = build_pdf(lambda width: _story(data, lang, fc.name, width - 12, base, dpi), title=title,
                    author=data.company.name, font=fc.name,
                    footer_left=f"{data.company.name}  {title}",
                    footer_right=printed_stamp(t, data.printed_at),
                    page_format=t["page"], margin=margin, footer_size=base - 2, pagesize=size,
                    header=continued_header(t["voucher_title"], data.job_number, size=base - 1.5))
    return write_out(pdf, out)
