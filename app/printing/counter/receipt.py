"""用户产品领取收据 — the customer's pickup receipt.

Printed at the counter on 80 mm thermal roll paper (default) or on A5.

* **80 mm roll**: a roll has no fixed length, so each copy is one page
  exactly as tall as its content and the printer cuts after it; only a copy
  longer than the largest page a PDF may have (:data:`ROLL_MAX`, 5.08 m:
  200 items of 200 characters) goes on over further pages.
* **A5**: long content (a 4 000-character fault, many items) flows onto
  further pages. Each page after a copy's first carries the title, the
  receipt number, the copy and "page n of N" (counted within the copy) at
  its top; a long field is cut between lines and its caption repeated with
  "（续）"; the signatures never stand alone on a page.

Copies (issue 10, part 6): one copy prints ``data.copy_label`` (none by
default); two or more are the customer's copy (客户联), for the customer to
bring back, and the counter's copies (存根联), kept at the counter, which
the clerk signs and the customer signs again when collecting the unit.
"""
from __future__ import annotations

import io
import os
from typing import BinaryIO

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A5
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (BaseDocTemplate, Flowable, Frame, HRFlowable, KeepTogether, NextPageTemplate,
                                PageBreak, PageTemplate, Paragraph, Spacer, Table, TableStyle)
from reportlab.platypus.doctemplate import LayoutError

from app.printing.core import barcodes
from app.printing.core.common import fit_one, fmt_date, fmt_datetime, ptext, style, write_out
from app.printing.core.fonts import FontChoice, resolve_font, safe_text
from app.printing.core.frame import MIN_SPLIT, BoxTable, LayoutFailed, NumberedCanvas, continued_text
from app.printing.counter.data import ReceiptData
from app.printing.counter.labels import L, kind_label
from app.printing.counter.text import para, paras

PAPERS = {
    # paper: (page width, side margin, base font size)
    "80mm": (80 * mm, 4 * mm, 8.5),
    "A5": (A5[0], 12 * mm, 9.5),
}
_FRAME_PAD = 6  # the Frame pads 6 pt on each side
#: The tallest page of the roll (points): the largest page a PDF may have (200 inches).
ROLL_MAX = 14400.0
#: The roll's top and bottom margins, the A5's.
_ROLL_TB = (4 * mm, 6 * mm)
_A5_TB = (12 * mm, 14 * mm)
_HEADER_SIZE = 7.5
_HEADER_ROOM = _HEADER_SIZE * 1.3 + 3 * mm


def _kv_table(rows: list[tuple[str, str]], font: str, size: float, width: float, lang: str) -> Table:
    """Caption / value rows; captions sized to the longest one so English fits
    too. A value taller than what is left of the page is cut between its lines
    and goes on, under its caption with "（续）", on the next page."""
    en = lang == "en"
    cap = style(font, size, cjk=not en)
    cap_w = max(stringWidth(safe_text(k, font), font, size) for k, _ in rows) + 4 * mm
    data = [[Paragraph(ptext(k, font), cap), paras(v, font, size)] for k, v in rows]
    t = BoxTable(data, colWidths=[cap_w, width - cap_w], splitInRow=int(MIN_SPLIT))
    t.label_cols, t.continued = (0,), continued_text(lang)
    t.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 1),
        ("TOPPADDING", (0, 0), (-1, -1), 1.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2),
    ]))
    return t


def _signatures(captions: list[tuple[str, bool]], font: str, size: float, width: float, t: dict) -> Table:
    """Signature lines: each caption with a line to sign on, and "Date: ____"
    beside it when the caption says so (under it when the paper is too narrow)."""
    col = t["colon"]
    date_cap = t["date"] + col
    cap_w = max(stringWidth(safe_text(c + col, font), font, size) for c, _ in captions) + 2
    date_w = stringWidth(safe_text(date_cap, font), font, size) + 3 * mm
    rest = width - cap_w
    beside = rest - date_w >= 30 * mm
    rows, cmds = [], []
    for caption, dated in captions:
        if dated and beside:
            rows.append([caption + col, "", date_cap, ""])
            cmds += [("LINEBELOW", (1, len(rows) - 1), (1, len(rows) - 1), 0.6, "black"),
                     ("LINEBELOW", (3, len(rows) - 1), (3, len(rows) - 1), 0.6, "black")]
        else:
            rows.append([caption + col, "", "", ""])
            cmds += [("SPAN", (1, len(rows) - 1), (3, len(rows) - 1)),
                     ("LINEBELOW", (1, len(rows) - 1), (3, len(rows) - 1), 0.6, "black")]
            if dated:
                rows.append([date_cap, "", "", ""])
                cmds += [("SPAN", (1, len(rows) - 1), (3, len(rows) - 1)),
                         ("LINEBELOW", (1, len(rows) - 1), (3, len(rows) - 1), 0.6, "black")]
    line_w = rest - date_w
    sig = Table([[safe_text(c, font) if isinstance(c, str) else c for c in r] for r in rows],
                colWidths=[cap_w, line_w * 0.62, date_w, line_w * 0.38],
                rowHeights=[9 * mm] * len(rows))
    sig.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), font, size),
                             ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                             ("ALIGN", (2, 0), (2, -1), "RIGHT"),
                             ("LEFTPADDING", (0, 0), (-1, -1), 0),
                             ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                             *cmds]))
    sig.hAlign = "LEFT"
    return sig


def _story(data: ReceiptData, lang: str, font: str, paper: str, copy_label: str,
           dpi: int | None = None, counter: bool = False) -> list[Flowable]:
    """The flowables of one copy of the receipt; ``counter``: the counter's
    copy (存根联), with the clerk's and the collecting customer's signatures."""
    t = L(lang)
    _page_w, margin, base = PAPERS[paper]
    width = _page_w - 2 * margin - 2 * _FRAME_PAD
    c = data.company
    cjk = lang != "en"
    s_title = style(font, base + 5.5, align=TA_CENTER, space_before=4, space_after=2, cjk=cjk)
    s_copy = style(font, base + 0.5, align=TA_CENTER, space_after=1, cjk=cjk)
    s_base = style(font, base, cjk=cjk)
    s_terms = style(font, base - 1.5, leading=(base - 1.5) * 1.35, cjk=cjk)
    p = data.party
    col = t["colon"]

    story: list[Flowable] = [para(c.name, font, base + 3.5, align=TA_CENTER)]
    if c.phone:
        story.append(para(f"{t['phone']}{col}{c.phone}", font, base - 1.5, align=TA_CENTER))
    if c.address:
        story.append(para(c.address, font, base - 1.5, align=TA_CENTER))
    story.append(Paragraph(ptext(t["receipt_title"], font), s_title))
    if copy_label:
        story.append(Paragraph(ptext(f"— {copy_label} —", font), s_copy))
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
    story += [_kv_table(rows, font, base, width, lang),
              HRFlowable(width="100%", thickness=0.6, spaceBefore=2, spaceAfter=2)]

    closing: list[Flowable] = []
    if c.pickup_terms:
        story.append(Paragraph(ptext(t["terms"], font), style(font, base - 0.5, space_after=1, cjk=cjk)))
        terms = [para(f"{i}. {term}", font, base - 1.5, leading=(base - 1.5) * 1.35)
                 for i, term in enumerate(c.pickup_terms, 1)]
        story += terms[:-1]
        closing.append(terms[-1])
    else:
        # Without terms of its own, the receipt says at least what it is for
        # (with them, the first of them says so: not twice).
        closing.append(Paragraph(ptext(t["keep_receipt"], font), s_terms))
    closing.append(Spacer(1, 2 * mm))
    if counter:
        sigs = [(t["customer_signature"], True), (t["clerk_signature"], False), (t["pickup_signature"], True)]
    else:
        sigs = [(t["customer_signature"], True)]
    closing.append(_signatures(sigs, font, base, width, t))
    # The signatures go with the last term: never alone on a page.
    story.append(KeepTogether(closing))
    return story


class _Copies:
    """Which copy each page of the document belongs to (its template says),
    for "page n of N" counted within the copy."""

    def __init__(self):
        self.copy_of: dict[int, int] = {}

    def mark(self, copy: int):
        def on_page(canv, doc):
            self.copy_of[canv.getPageNumber()] = copy
        return on_page

    def numbering(self, page: int) -> tuple[int, int]:
        copy = self.copy_of.get(page, 0)
        mine = sorted(p for p, c in self.copy_of.items() if c == copy)
        return (mine.index(page) + 1 if page in mine else 1), max(1, len(mine))


def _templates(paper: str, copies: int, width: float, margin: float, copies_map: _Copies,
               roll_pages: list[list[float]] | None) -> list[PageTemplate]:
    """The page templates: per copy, a first page (the full frame) and later
    pages (the frame lowered under the continuation header); on the roll,
    one template per page, its height given (``roll_pages``: each copy's
    page heights)."""
    top, bottom = _ROLL_TB if paper == "80mm" else _A5_TB
    out = []
    for i in range(copies):
        if paper == "80mm":
            heights = roll_pages[i] if roll_pages else [ROLL_MAX]
            for k, h in enumerate(heights):
                drop = _HEADER_ROOM if k else 0
                frame = Frame(margin, bottom, width - 2 * margin, h - top - bottom - drop, id=f"c{i}p{k}")
                nxt = f"c{i}p{min(k + 1, len(heights) - 1)}" if roll_pages else f"c{i}p0x"
                out.append(PageTemplate(f"c{i}p{k}", [frame], onPage=copies_map.mark(i), pagesize=(width, h),
                                        autoNextPageTemplate=nxt))
            if not roll_pages:      # measuring: every later page as tall as a roll's page may be
                frame = Frame(margin, bottom, width - 2 * margin, ROLL_MAX - top - bottom - _HEADER_ROOM,
                              id=f"c{i}p0x")
                out.append(PageTemplate(f"c{i}p0x", [frame], onPage=copies_map.mark(i),
                                        pagesize=(width, ROLL_MAX), autoNextPageTemplate=f"c{i}p0x"))
        else:
            first = Frame(margin, bottom, width - 2 * margin, A5[1] - top - bottom, id=f"c{i}first")
            later = Frame(margin, bottom, width - 2 * margin, A5[1] - top - bottom - _HEADER_ROOM, id=f"c{i}later")
            out += [PageTemplate(f"c{i}p0", [first], onPage=copies_map.mark(i), pagesize=A5,
                                 autoNextPageTemplate=f"c{i}later"),
                    PageTemplate(f"c{i}later", [later], onPage=copies_map.mark(i), pagesize=A5)]
    return out


class _Doc(BaseDocTemplate):
    """reportlab's, with a page template's ``autoNextPageTemplate`` followed
    page after page (reportlab 4/5 keeps the index it looked up and, one page
    later, goes back to it: the roll's pages c0p1, c0p2 came out c0p1, c0p1)."""

    def _setPageTemplate(self):
        if (not hasattr(self, "_nextPageTemplateCycle") and not hasattr(self, "_nextPageTemplateIndex")
                and self.pageTemplate.autoNextPageTemplate):
            self.handle_nextPageTemplate(self.pageTemplate.autoNextPageTemplate)
            self.pageTemplate = self.pageTemplates[self._nextPageTemplateIndex]
            del self._nextPageTemplateIndex
            return
        super()._setPageTemplate()


class _Used(Flowable):
    """Records where the copy's content ends on its last page (the roll is cut there)."""

    def __init__(self, copy: int, record: dict):
        super().__init__()
        self.copy, self.record = copy, record

    def wrap(self, aw, ah):
        return 0, 0

    def draw(self):
        frame = self._doctemplateAttr("frame")
        self.record[self.copy] = (self.canv.getPageNumber(), frame._y1p + frame._height - frame._y
                                  if frame is not None else 0.0)


def _build(stories, paper: str, lang: str, font: str, title: str, number: str, labels: list[str],
           author: str, roll_pages=None, used: dict | None = None) -> bytes:
    t = L(lang)
    page_w, margin, _base = PAPERS[paper]
    copies_map = _Copies()
    first_h = (roll_pages[0][0] if roll_pages else ROLL_MAX) if paper == "80mm" else A5[1]
    buf = io.BytesIO()
    doc = _Doc(buf, pagesize=(page_w, first_h), leftMargin=margin, rightMargin=margin,
                          topMargin=0, bottomMargin=0, title=title, author=author, creator="csdesk")
    doc.addPageTemplates(_templates(paper, len(stories), page_w, margin, copies_map, roll_pages))
    top, _bottom = _ROLL_TB if paper == "80mm" else _A5_TB

    def decorate(canv, _pages: int) -> None:
        n, total = copies_map.numbering(canv.getPageNumber())
        if total < 2:
            return
        w, h = canv._pagesize
        numbered = t["page"].format(page=n, pages=total)
        canv.saveState()
        canv.setFont(font, _HEADER_SIZE)
        if n > 1:        # the continuation header: title, number, copy, page n of N
            copy = labels[copies_map.copy_of.get(canv.getPageNumber(), 0)]
            left = "  ".join(x for x in (t["receipt_title"], number, copy) if x)
            y = h - top - _HEADER_SIZE
            room = w - 2 * margin - stringWidth(numbered, font, _HEADER_SIZE) - 3 * mm
            canv.drawString(margin, y, fit_one(safe_text(left, font), font, _HEADER_SIZE, room))
            canv.drawRightString(w - margin, y, numbered)
            canv.setLineWidth(0.5)
            canv.line(margin, y - 1.5 * mm, w - margin, y - 1.5 * mm)
        if paper != "80mm":  # A5: every page of a copy that runs over pages is numbered at its foot
            canv.drawRightString(w - margin, _A5_TB[1] * 0.5, numbered)
        canv.restoreState()

    flow: list[Flowable] = []
    for i, s in enumerate(stories):
        if i:
            flow += [NextPageTemplate(f"c{i}p0"), PageBreak()]
        flow += s
        if used is not None:
            flow.append(_Used(i, used))
    try:
        doc.build(flow, canvasmaker=lambda *a, **kw: NumberedCanvas(*a, footer=decorate, **kw))
    except LayoutError as exc:
        raise LayoutFailed(title, getattr(doc, "page", 0), str(exc).split("\n")[0][:200]) from exc
    return buf.getvalue()


def render_receipt(data: ReceiptData, out: str | os.PathLike | BinaryIO | None = None, *,
                   paper: str = "80mm", lang: str = "zh_CN",
                   font: FontChoice | str | None = None, copies: int = 1,
                   copy_labels: list[str] | None = None, dpi: int | None = None) -> bytes:
    """Render the pickup receipt; return the PDF bytes (and write to ``out`` if given).

    ``paper`` is "80mm" (thermal roll, each copy a page as tall as its
    content) or "A5". ``copies``: 1 prints ``data.copy_label``; 2 or more
    print the customer's copy (客户联) and the counter's (存根联, signed by the
    clerk and, at pickup, the customer). ``copy_labels`` names the copies
    instead, one page per label (the first is the customer's, the others the
    counter's). ``font`` is a FontChoice, a font file path (from Settings) or
    None (auto). ``dpi``: the printer's resolution when csdesk rasterises the
    page itself (barcodes in whole dots).
    """
    if paper not in PAPERS:
        raise ValueError(f"paper must be one of {sorted(PAPERS)}, not {paper!r}")
    fc = resolve_font(font)
    t = L(lang)
    if copy_labels:
        labels = list(copy_labels)
    elif copies >= 2:
        labels = [t["copy_customer"]] + [t["copy_counter"]] * (copies - 1)
    else:
        labels = [data.copy_label]
    stories = lambda: [_story(data, lang, fc.name, paper, lab, dpi, counter=i > 0)  # noqa: E731
                       for i, lab in enumerate(labels)]
    title = f"{t['receipt_title']} {data.receipt_number}"
    build = dict(paper=paper, lang=lang, font=fc.name, title=title, number=data.receipt_number, labels=labels,
                 author=data.company.name)
    if paper == "80mm":
        # First laid out on pages as tall as a roll's page may be, to learn
        # where each copy ends; then each copy's last page cut just below it.
        used: dict[int, tuple[int, float]] = {}
        _build(stories(), used=used, **build)
        top, bottom = _ROLL_TB
        pages, first_page = [], 1
        for i in range(len(labels)):
            last_page, height = used[i]
            count = last_page - first_page + 1
            drop = _HEADER_ROOM if count > 1 else 0
            # +3 mm slack: the frame's rounding must never push a line onto another page.
            pages.append([ROLL_MAX] * (count - 1) + [min(ROLL_MAX, height + drop + top + bottom + 3 * mm)])
            first_page = last_page + 1
        pdf = _build(stories(), roll_pages=pages, **build)
    else:
        pdf = _build(stories(), **build)
    return write_out(pdf, out)
