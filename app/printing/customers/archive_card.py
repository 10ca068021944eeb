"""用户档案 (附表1) — one customer's archive card on A4 portrait.

Every field of the archive in two captioned grids (general; credit and
relationship with the company), then the contacts, the addresses and the
latest changes (§2.1.5). Flowed with platypus: a customer with many
contacts runs onto further pages, each table repeats its heading ("联系人（续）")
and header row there, a long text (经营内容, 备注, an old value) continues
on the next page with its caption repeated; every page after the first
carries the title, the code and "page x of y" at the top, and every page
"internal - confidential", who printed it and "page x of y" at the foot.
A character the font lacks (a rare 𠮷) is printed as a visible [U+20BB7]
marker, never dropped.
"""
from __future__ import annotations

import os
from functools import partial
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from app.printing.core.common import fmt_date, fmt_datetime, fmt_money, paras, ptext, widest_word, write_out
from app.printing.core.common import style as _style
from app.printing.core.fonts import FontChoice, resolve_font
from app.printing.core.frame import HEAD_BG, build_pdf, continued_header, continued_text, grid, printed_stamp
from app.printing.customers.data import ArchiveCardData
from app.printing.customers.labels import AL, code, field

MARGIN = 15 * mm
BASE = 9.0


def _facts(caption, pairs, width, font, s, s_lab, cont) -> list[Table]:
    """Caption/value pairs two to a row; a pair whose caption ends in "*" has
    a row of its own (a table of its own: reportlab cuts a spanned cell at
    its first column's width). A long text (经营内容, 备注) continues on the
    next page under the section's heading with "（续）", its caption repeated."""
    P = lambda x, st=s: paras(x, font, st)  # noqa: E731
    cw = max(width * 0.14, widest_word([c.rstrip("*") for c, _v in pairs], font, BASE) + 7)
    tables: list[Table] = []
    half: list = []

    def add(rows, widths, extra):
        tables.append(grid(rows, widths, font, BASE, header=False, extra=extra, caption=caption,
                           caption_shown=not tables, continued=cont, split_rows=True,
                           label_cols=((0, 1), (2, 3))))

    def flush():
        if half:
            rows = [half[i:i + 4] + [""] * (4 - len(half[i:i + 4])) for i in range(0, len(half), 4)]
            add(rows, [cw, width / 2 - cw, cw, width / 2 - cw], [("BACKGROUND", (0, 0), (0, -1), HEAD_BG),
                                                                ("BACKGROUND", (2, 0), (2, -1), HEAD_BG)])
            half.clear()

    for cap, val in pairs:
        if cap.endswith("*"):
            flush()
            add([[P(cap[:-1], s_lab), P(val)]], [cw, width - cw], [("BACKGROUND", (0, 0), (0, -1), HEAD_BG)])
        else:
            half.extend([P(cap, s_lab), P(val)])
    flush()
    return tables


def _widths(heads: list[str], shares: list[float], width: float, font: str, size: float) -> list[float]:
    """Column widths in proportion to ``shares``, none narrower than its header's widest word."""
    least = [widest_word([h], font, size) + 7 for h in heads]
    widths = [width * x for x in shares]
    short = sum(max(0.0, lo - w) for lo, w in zip(least, widths))
    if short:
        spare = [i for i, (lo, w) in enumerate(zip(least, widths)) if w > lo]
        cut = short / max(1, len(spare))
        widths = [max(lo, w - (cut if i in spare else 0)) for i, (lo, w) in enumerate(zip(least, widths))]
    return widths


def _story(d: ArchiveCardData, lang: str, font: str, width: float) -> list[Flowable]:
    t = AL(lang)
    en = lang == "en"
    cont = continued_text(lang)
    style = partial(_style, cjk=not en)     # English wraps between words, never inside one; Chinese anywhere
    s, s_small = style(font, BASE), style(font, BASE - 1)
    s_lab = s
    s_head = s_small
    s_h = style(font, BASE + 2.5, space_before=8)
    P = lambda x, st=s_small: Paragraph(ptext(x, font), st)  # noqa: E731
    H = lambda x: Paragraph(ptext(x, font), s_h)  # noqa: E731
    yes = "●"
    story: list[Flowable] = []
    head = Table([[[P(d.company.name, style(font, BASE + 3)), P(t["card_title"], style(font, BASE + 10, space_before=4))],
                   [P(f"{t['code']}{t['colon']}{d.code}", s), P(t["confidential"], s_small)]]],
                 colWidths=[width * 0.6, width * 0.4])
    head.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("LINEBELOW", (0, 0), (-1, 0), 1, colors.black)]))
    story += [head, Spacer(1, 1 * mm)]
    story.extend(_facts(H(t["basic"]), [
        (t["name"] + "*", d.name), (t["short_name"], d.short_name), (t["category"], code("category", d.category, lang)),
        (t["status"], code("status", d.status, lang)), (t["region"], d.region), (t["phone"], d.phone),
        (t["email"], d.email), (t["address"] + "*", d.address), (t["legal_representative"], d.legal_representative),
        (t["employees"], "" if d.employees is None else str(d.employees)),
        (t["registered_capital"], fmt_money(d.registered_capital)), (t["tax_id"], d.tax_id),
        (t["bank_name"], d.bank_name), (t["bank_account"], d.bank_account),
        (t["business_content"] + "*", d.business_content)], width, font, s, s_lab, cont))
    story.extend(_facts(H(t["credit"]), [
        (t["credit_rating"], d.credit_rating), (t["credit_limit"], fmt_money(d.credit_limit)),
        (t["cooperation_since"], fmt_date(d.cooperation_since)), (t["annual_volume"], fmt_money(d.annual_volume)),
        (t["tier"], d.tier), (t["responsible"], d.responsible), (t["created_at"], fmt_datetime(d.created_at)),
        (t["updated_at"], fmt_datetime(d.updated_at)), (t["notes"] + "*", d.notes)], width, font, s, s_lab, cont))

    heads = [t["contact_name"], t["title"], t["phone"], t["mobile"], t["email"], t["wechat"], t["primary"]]
    rows = [[P(h, s_head) for h in heads]]
    rows += [[P(c.name), P(c.title), P(c.phone), P(c.mobile), P(c.email), P(c.wechat), yes if c.is_primary else ""]
             for c in d.contacts] or [[t["none"]] + [""] * 6]
    widths = _widths(heads, [0.14, 0.13, 0.16, 0.15, 0.22, 0.14, 0.06], width, font, BASE - 1)
    story.append(grid(rows, widths, font, BASE - 1, caption=H(t["contacts"]), continued=cont, split_rows=True,
                      label_cols=(0,), extra=[("ALIGN", (6, 1), (6, -1), "CENTER")]))

    heads = [t["kind"], t["address"], t["postcode"], t["primary"]]
    rows = [[P(h, s_head) for h in heads]]
    rows += [[P(code("address_kind", a.kind, lang)), P(a.address), P(a.postcode), yes if a.is_primary else ""]
             for a in d.addresses] or [[t["none"], "", "", ""]]
    widths = _widths(heads, [0.12, 0.64, 0.16, 0.08], width, font, BASE - 1)
    story.append(grid(rows, widths, font, BASE - 1, caption=H(t["addresses"]), continued=cont, split_rows=True,
                      label_cols=(0,), extra=[("ALIGN", (3, 1), (3, -1), "CENTER")]))

    # The latest changes end with the keeper's signature, kept with their
    # last row (a lone signature line on a page reads as a page printed by mistake).
    heads = [t["at"], t["user"], t["field"], t["old"], t["new"]]
    rows = [[P(h, s_head) for h in heads]]
    rows += [[P(fmt_datetime(c.at)), P(c.user), P(field(c.field, lang)), paras(c.old_value, font, s_small),
              paras(c.new_value, font, s_small)]
             for c in d.changes] or [[t["none"], "", "", "", ""]]
    sig = Table([[t["keeper_signature"] + t["colon"], ""]], colWidths=[None, 40 * mm], hAlign="RIGHT")
    sig.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), font, BASE), ("LINEBELOW", (1, 0), (1, 0), 0.6, colors.black),
                             ("TOPPADDING", (0, 0), (-1, -1), 6 * mm)]))
    widths = _widths(heads, [0.15, 0.12, 0.15, 0.29, 0.29], width, font, BASE - 1)
    story.append(grid(rows, widths, font, BASE - 1, caption=H(t["changes"]), continued=cont, split_rows=True,
                      label_cols=(0, 1, 2), tail=sig))
    return story


def render_archive_card(data: ArchiveCardData, out: str | os.PathLike | BinaryIO | None = None, *,
                        lang: str = "zh_CN", font: FontChoice | str | None = None) -> bytes:
    """Render the archive card (A4 portrait); return the PDF bytes (and write to ``out`` if given).
    ``font``: a FontChoice, a font file path (Settings) or None (auto)."""
    fc = resolve_font(font)
    t = AL(lang)
    pdf = build_pdf(lambda width: _story(data, lang, fc.name, width - 12), title=f"{t['card_title']} {data.code}",
                    author=data.company.name, font=fc.name,
                    footer_left=f"{data.company.name}  {t['card_title']} {data.code}  {t['confidential']}",
                    footer_right=printed_stamp(t, data.printed_at, data.printed_by), page_format=t["page"],
                    margin=MARGIN, footer_size=BASE - 2, header=continued_header(t["card_title"], data.code))
    return write_out(pdf, out)
