"""用户档案 (附表1) — one customer's archive card on A4 portrait.

Every field of the archive in two captioned grids (general; credit and
relationship with the company), then the contacts, the addresses and the
latest changes (§2.1.5). Flowed with platypus: a customer with many
contacts runs onto a second page, tables repeat their header row, every page
carries "internal - confidential", who printed it and "page x of y".
A character the font lacks (a rare 𠮷) is printed as a visible [U+20BB7]
marker, never dropped.
"""
from __future__ import annotations

import os
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from app.printing.core.common import fmt_date, fmt_datetime, fmt_money, ptext, style, write_out
from app.printing.core.fonts import FontChoice, resolve_font
from app.printing.core.frame import HEAD_BG, build_pdf, grid, printed_stamp
from app.printing.customers.data import ArchiveCardData
from app.printing.customers.labels import AL, code, field

MARGIN = 15 * mm
BASE = 9.0


def _facts(pairs, width, font, s) -> Table:
    """Caption/value pairs two to a row; a pair whose caption ends in "*" spans the row."""
    P = lambda x: Paragraph(ptext(x, font), s)  # noqa: E731
    cw = width * 0.14
    rows, spans, half = [], [], []
    for cap, val in pairs:
        if cap.endswith("*"):
            if half:
                rows.append(half + ["", ""])
                half = []
            rows.append([P(cap[:-1]), P(val), "", ""])
            spans.append(len(rows) - 1)
            continue
        half += [P(cap), P(val)]
        if len(half) == 4:
            rows.append(half)
            half = []
    if half:
        rows.append(half + ["", ""])
    extra = [("BACKGROUND", (0, 0), (0, -1), HEAD_BG)]
    extra += [("SPAN", (1, r), (3, r)) for r in spans]
    extra += [("BACKGROUND", (2, r), (2, r), HEAD_BG) for r in range(len(rows)) if r not in spans]
    return grid(rows, [cw, width / 2 - cw, cw, width / 2 - cw], font, BASE, header=False, extra=extra)


def _story(d: ArchiveCardData, lang: str, font: str, width: float) -> list[Flowable]:
    t = AL(lang)
    s, s_small = style(font, BASE), style(font, BASE - 1)
    s_h = style(font, BASE + 2.5, space_before=8, space_after=3)
    P = lambda x, st=s_small: Paragraph(ptext(x, font), st)  # noqa: E731
    yes = "●"
    story: list[Flowable] = []
    head = Table([[[P(d.company.name, style(font, BASE + 3)), P(t["card_title"], style(font, BASE + 10, space_before=4))],
                   [P(f"{t['code']}{t['colon']}{d.code}", s), P(t["confidential"], s_small)]]],
                 colWidths=[width * 0.6, width * 0.4])
    head.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("LINEBELOW", (0, 0), (-1, 0), 1, colors.black)]))
    story += [head, Spacer(1, 3 * mm), P(t["basic"], s_h)]
    story.append(_facts([
        (t["name"] + "*", d.name), (t["short_name"], d.short_name), (t["category"], code("category", d.category, lang)),
        (t["status"], code("status", d.status, lang)), (t["region"], d.region), (t["phone"], d.phone),
        (t["email"], d.email), (t["address"] + "*", d.address), (t["legal_representative"], d.legal_representative),
        (t["employees"], "" if d.employees is None else str(d.employees)),
        (t["registered_capital"], fmt_money(d.registered_capital)), (t["tax_id"], d.tax_id),
        (t["bank_name"], d.bank_name), (t["bank_account"], d.bank_account),
        (t["business_content"] + "*", d.business_content)], width, font, s))
    story.append(P(t["credit"], s_h))
    story.append(_facts([
        (t["credit_rating"], d.credit_rating), (t["credit_limit"], fmt_money(d.credit_limit)),
        (t["cooperation_since"], fmt_date(d.cooperation_since)), (t["annual_volume"], fmt_money(d.annual_volume)),
        (t["tier"], d.tier), (t["responsible"], d.responsible), (t["created_at"], fmt_datetime(d.created_at)),
        (t["updated_at"], fmt_datetime(d.updated_at)), (t["notes"] + "*", d.notes)], width, font, s))

    story.append(P(t["contacts"], s_h))
    rows = [[t["contact_name"], t["title"], t["phone"], t["mobile"], t["email"], t["wechat"], t["primary"]]]
    rows += [[P(c.name), P(c.title), P(c.phone), P(c.mobile), P(c.email), P(c.wechat), yes if c.is_primary else ""]
             for c in d.contacts] or [[t["none"]] + [""] * 6]
    w = width - 12 * mm
    story.append(grid(rows, [w * x for x in (0.14, 0.14, 0.17, 0.15, 0.24, 0.16)] + [12 * mm], font, BASE - 1))

    story.append(P(t["addresses"], s_h))
    rows = [[t["kind"], t["address"], t["postcode"], t["primary"]]]
    rows += [[code("address_kind", a.kind, lang), P(a.address), a.postcode, yes if a.is_primary else ""]
             for a in d.addresses] or [[t["none"], "", "", ""]]
    story.append(grid(rows, [18 * mm, width - 48 * mm, 18 * mm, 12 * mm], font, BASE - 1))

    # The latest changes and the keeper's signature stay together (a lone
    # signature line on a second page reads as a page printed by mistake).
    tail: list[Flowable] = [P(t["changes"], s_h)]
    rows = [[t["at"], t["user"], t["field"], t["old"], t["new"]]]
    rows += [[fmt_datetime(c.at), P(c.user), P(field(c.field, lang)), P(c.old_value), P(c.new_value)]
             for c in d.changes] or [[t["none"], "", "", "", ""]]
    tail.append(grid(rows, [27 * mm, 20 * mm, 32 * mm, (width - 79 * mm) / 2, (width - 79 * mm) / 2], font,
                      BASE - 1))
    sig = Table([[t["keeper_signature"] + t["colon"], ""]], colWidths=[None, 40 * mm], hAlign="RIGHT")
    sig.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), font, BASE), ("LINEBELOW", (1, 0), (1, 0), 0.6, colors.black)]))
    story.append(KeepTogether(tail + [Spacer(1, 6 * mm), sig]))
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
                    margin=MARGIN, footer_size=BASE - 2)
    return write_out(pdf, out)
