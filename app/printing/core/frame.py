"""The frame every office printout shares (archive card, overview, visit
report and plan, gift slip, activity list, survey form and results): a
platypus document whose footer carries the company and document on the left
and "printed at … by …    page n of N" on the right; the ruled table
(:func:`grid`) they and the service voucher print their lists in.

    pdf = build_pdf(lambda width: story, title="走访用户汇报 ZF-…", author=company,
                    font=font_name, footer_left="…", footer_right=printed_stamp(t, at, by),
                    page_format=t["page"], margin=15 * mm, footer_size=7,
                    header=continued_header("走访用户汇报", "ZF-2026-000008"))

Long documents (issue 10): nothing may fail to print, however long the
texts and however many the rows.

* :func:`continued_header` — every page after the first carries the
  document's title, number and "page n of N" at its top (``build_pdf(header=…)``).
* :func:`grid` with ``caption=`` — the table's heading is its first row,
  repeated on every page it runs onto with "（续）" / "(continued)"
  (``continued=``) added: a heading is never left alone at the foot of a
  page (a table splits only after at least part of its first row).
* :func:`grid` with ``split_rows=True`` — a row taller than what is left of
  the page (a 4 000-character note, an activity with 200 participants)
  continues on the next page instead of stopping the printout
  (:class:`BoxTable`); both parts stay ruled and closed (``box=`` draws the
  heavier frame of a form on both sides of the cut), and the continuing part
  repeats the row's label columns (``label_cols=``) with "（续）".
* :func:`keep_with_next` — for a heading that is not a table's caption.
* :class:`CheckBox` — a drawn tick box (4 mm by default; the CJK fonts lack ☑).
* :class:`LayoutFailed` — what :func:`build_pdf` raises when a document still
  cannot be laid out; the domain turns it into a message
  (app.domain.core.printed).
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Callable
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (BaseDocTemplate, CondPageBreak, Flowable, Frame, PageTemplate, Paragraph, Spacer,
                                Table, TableStyle)
from reportlab.platypus.doctemplate import LayoutError

from app.printing.core.common import fit_one, fmt_datetime
from app.printing.core.fonts import safe_text

GRID = colors.HexColor("#888888")
HEAD_BG = colors.HexColor("#E6E6E6")

#: What a continuing heading or label gets, per document language.
CONTINUED = {"zh_CN": "（续）", "en": " (continued)"}
#: Rows at least this tall (points) are split at the page end; shorter ones move whole to the next page.
TALL_ROW = 60.0
#: The least of a split row printed on either page (points): about two lines.
MIN_SPLIT = 30.0


class LayoutFailed(Exception):
    """A document that cannot be laid out on its paper (something taller
    than a page that cannot be split). ``title`` names the document,
    ``page`` the page it stopped on."""

    def __init__(self, title: str, page: int, detail: str = ""):
        super().__init__(f"{title}: page {page}: {detail}")
        self.title, self.page, self.detail = title, page, detail


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


@dataclass(frozen=True)
class ContinuedHeader:
    """The header of every page after the first: title and number on the
    left, "page n of N" on the right, a thin rule under them."""
    title: str
    number: str = ""
    size: float = 8.0

    @property
    def height(self) -> float:
        """The room it takes at the top of a page (points)."""
        return self.size * 1.3 + 3 * mm


def continued_header(title: str, number: str = "", *, size: float = 8.0) -> ContinuedHeader:
    """The continuation header for :func:`build_pdf` (``header=``): pages 2..N
    carry ``title``, ``number`` and "page n of N" at the top."""
    return ContinuedHeader(title, number, size)


def continued_text(lang: str | None) -> str:
    """"（续）" or " (continued)": what a continuing heading gets."""
    return CONTINUED["en" if (lang or "").lower().startswith("en") else "zh_CN"]


class CheckBox(Flowable):
    """A drawn tick box, ``size`` square (4 mm: ticked with a pen on paper),
    ticked or empty; the CJK fonts lack ☑ and a typed □ prints about 1.3 mm."""

    def __init__(self, on: bool = False, size: float = 4 * mm, *, centred: bool = False):
        super().__init__()
        self.on, self.size, self.centred = on, size, centred
        self.width = self.height = size + 1

    def wrap(self, avail_w, avail_h):
        self._avail = avail_w
        return (avail_w if self.centred else self.width), self.height

    def draw(self):
        c, z = self.canv, self.size
        x = (self._avail - z) / 2 if self.centred else 0.5
        c.saveState()
        c.setLineWidth(0.8)
        c.rect(x, 0.5, z, z)
        if self.on:
            c.setLineWidth(1.4)
            p = c.beginPath()
            p.moveTo(x + z * 0.18, 0.5 + z * 0.55)
            p.lineTo(x + z * 0.42, 0.5 + z * 0.22)
            p.lineTo(x + z * 0.9, 0.5 + z * 0.95)
            c.drawPath(p, stroke=1, fill=0)
        c.restoreState()


def _continued(value, suffix: str, cell_style=None, width: float = 0):
    """A cell's content with the continuation mark added: a Paragraph's
    (it wraps), or a string's first line (the mark after it, under it, or
    left out, as the column's ``width`` allows: a string does not wrap)."""
    if isinstance(value, (list, tuple)):
        value = next((v for v in value if isinstance(v, (Paragraph, str)) and v), None)
    if isinstance(value, Paragraph):
        text = value.text if value.text is not None else escape(value.getPlainText())   # a split part has none
        return [Paragraph(text if text.endswith(escape(suffix)) else text + escape(suffix), value.style)]
    if isinstance(value, str) and value:
        line = value.split("\n")[0]
        if line.endswith(suffix) or cell_style is None:
            return line
        fits = lambda x: stringWidth(x, cell_style.fontname, cell_style.fontsize) <= width  # noqa: E731
        return line + suffix if fits(line + suffix) else f"{line}\n{suffix.strip()}" if fits(suffix.strip()) else line
    return None


def _empty(value) -> bool:
    return value in (None, "") or (isinstance(value, (list, tuple)) and not any(value))


class BoxTable(Table):
    """A table that may split inside a row taller than what is left of the
    page (``splitInRow``: only rows of :data:`TALL_ROW` points or more, so a
    short row is never cut in two), and captions its continuation: the
    caption row (the first, when ``caption_rows``) gets ``continued``, and
    after a cut inside a row the ``label_cols`` of that row are repeated with
    ``continued`` in the part on the next page."""

    caption_rows = 0
    caption = None                  # the continuation's heading when the first part shows none
    label_cols: tuple = ()          # ints (a row's number: always) or (caption, value) column pairs
    continued = ""

    def split(self, availWidth, availHeight):
        self._calc(availWidth, availHeight)
        # reportlab cuts a cell at its own column's width, a spanned one too
        # (the rest of a long text then wrapped a third as wide): its whole width instead.
        self._span_widths = {id(self._cellvalues[r][c]): sum(self._colWidths[rng[0]:rng[2] + 1])
                             for (c, r), rng in (self._spanRanges.items() if self._spanCmds else ())
                             if rng and rng[0] != rng[2]}
        keep, by_row = self.splitInRow, self.splitByRow
        if keep and availHeight < self._height < availHeight + keep + 1 and self._height - keep - 1 >= MIN_SPLIT:
            # reportlab refuses a cut that leaves less than splitInRow for the
            # next page (a LayoutError when the rest is a little taller than a
            # page): cut that much higher.
            availHeight = self._height - keep - 1
        if keep and self._tall_row(availHeight):
            self.splitByRow = 0               # cut the tall row at the page end (rows before it stay whole)
        else:
            self.splitInRow = 0               # between rows only: the rest goes on the next page
        try:
            parts = super().split(availWidth, availHeight)
        finally:
            self.splitInRow, self.splitByRow = keep, by_row
        for part in parts:
            part.splitInRow, part.splitByRow = keep, by_row
        if len(parts) == 2:
            self._caption(*parts)
        return parts

    def _splitCell(self, value, style, oldHeight, newHeight, width):
        widths = getattr(self, "_span_widths", {})
        width = widths.get(id(value), width)
        parts = super()._splitCell(value, style, oldHeight, newHeight, width)
        if parts and id(value) in widths:
            widths.update((id(p), width) for p in parts if p)
        return parts

    def _listCellGeom(self, V, w, s, W=None, H=None, aH=72000):
        """reportlab's, with the spanned width, and a paragraph wrapped at this
        width before not wrapped again: a cell of 200 participants cut page by
        page was re-wrapped whole at every cut (40 s for 100 pages)."""
        w = getattr(self, "_span_widths", {}).get(id(V), w)
        aW = w - s.leftPadding - s.rightPadding
        if not V or isinstance(V, str) or aW < 0:
            return super()._listCellGeom(V, w, s, W=W, H=H, aH=aH)
        canv = getattr(self, "canv", None)
        t = width = 0.0
        sb0 = sa = None
        for v in V:
            if (isinstance(v, Paragraph) and getattr(v, "_wrapped_at", None) == aW and v.width == aW
                    and hasattr(v, "blPara")):
                vw, vh = v.width, v.height        # Paragraph.wrap sets both; wrapped since at another width: not here
            else:
                vw, vh = v.wrapOn(canv, aW, aH - s.topPadding - s.bottomPadding)
                if isinstance(v, Paragraph):
                    v._wrapped_at = aW
            sb, sa = v.getSpaceBefore(), v.getSpaceAfter()
            if W is not None:
                W.append(vw)
            if H is not None:
                H.append(vh)
            width = max(width, vw)
            t += vh + sa + sb
            if sb0 is None:
                sb0 = sb
        return width, t - sb0 - sa

    def _tall_row(self, avail: float) -> bool:
        """Whether the first row that does not fit is tall enough to cut."""
        n = self._getFirstPossibleSplitRowPosition(avail, ignoreSpans=1)
        return n < len(self._rowHeights) and self._rowHeights[n] >= TALL_ROW and avail - sum(
            self._rowHeights[:n]) >= MIN_SPLIT

    def _caption(self, r0: Table, r1: Table) -> None:
        for part in (r0, r1):
            part.caption_rows, part.label_cols, part.continued = self.caption_rows, self.label_cols, self.continued
            part.caption = self.caption
        repeat = r1.repeatRows if isinstance(r1.repeatRows, int) else len(r1.repeatRows)
        cells = r1._cellvalues
        if self.caption_rows and repeat and not getattr(self, "_is_continuation", False):
            # The heading on the next page says it continues (once: its own parts copy it).
            value = _continued(self.caption if self.caption is not None else cells[0][0], self.continued)
            if value is not None and self.caption is not None:
                value = [Spacer(0, 5), *value, Spacer(0, 3)]       # the shown caption's paddings
            if value is not None:
                cells[0] = [value] + list(cells[0][1:])       # the row is shared with the first part
                r1._argH[0] = None
        r1._is_continuation = True
        cut = len(r0._cellvalues) + len(cells) - repeat - len(self._cellvalues)
        if cut == 1 and self.continued:          # a row was cut in two: repeat its labels
            top = len(r0._cellvalues) - 1
            row = list(cells[repeat])
            for col in self.label_cols:
                col, value_col = col if isinstance(col, tuple) else (col, None)
                if col >= len(row) or value_col is not None and (value_col >= len(row) or _empty(row[value_col])):
                    continue          # a caption is repeated only over the rest of its value
                if _empty(row[col]) and not _empty(r0._cellvalues[top][col]):
                    st = r1._cellStyles[repeat][col]
                    value = _continued(r0._cellvalues[top][col], self.continued, st,
                                       r1._colWidths[col] - st.leftPadding - st.rightPadding)
                    if value is not None:
                        row[col] = value
                        r1._argH[repeat] = None
            cells[repeat] = row


def _shift(cmd: tuple, by: int) -> tuple:
    """A table style command with its row numbers moved down ``by`` rows
    (from the start; negative rows count from the end and stay)."""
    if not by or len(cmd) < 3:
        return cmd
    out = list(cmd)
    for i in (1, 2):
        c, r = cmd[i]
        if isinstance(r, int) and r >= 0:
            out[i] = (c, r + by)
    return tuple(out)


def grid(data, widths, font, size, *, num_cols=(), header=True, extra=(), caption=None, continued: str = "",
         split_rows: bool = False, label_cols=(), box: float = 0, tail: Flowable | None = None,
         caption_shown: bool = True) -> Table:
    """A ruled table; header row shaded and repeated on every page; numbers right-aligned.

    ``caption``: a heading (a Paragraph) printed above the table as its first
    row and repeated on every page the table runs onto, with ``continued``
    added; the table is never cut before its first row, so the heading is
    never left alone. ``split_rows``: a tall row may continue on the next
    page (:class:`BoxTable`), its ``label_cols`` repeated there (a column
    number: always, as a row's number; a (caption, value) pair of columns:
    the caption only when its value goes on). ``box``: the
    weight of a heavier outer frame, drawn on both sides of a page break too.
    ``tail``: a flowable under the table, unruled, never separated from its
    last row (a signature: a page holding only "签字" reads as a page printed
    by mistake). ``caption_shown=False``: the caption is printed only over
    the continuation (a table that goes on under another one's heading).
    ``extra`` commands count rows as in ``data`` (without the caption).
    """
    top = 1 if caption is not None else 0
    blank = [""] * (len(widths) - 1)
    first = caption if caption_shown else Spacer(0, 0)
    rows = ([[first] + blank] if top else []) + list(data) + ([[tail] + blank] if tail is not None else [])
    last = -2 if tail is not None else -1
    repeat = top + (1 if header else 0)
    cls = BoxTable if (split_rows or caption is not None) else Table
    t = cls(rows, colWidths=widths, repeatRows=repeat, splitInRow=int(MIN_SPLIT) if split_rows else 0)
    if cls is BoxTable:
        t.caption_rows, t.label_cols, t.continued = top, tuple(label_cols), continued
        t.caption = None if caption_shown else caption
    cmds = [("FONT", (0, 0), (-1, -1), font, size), ("GRID", (0, top), (-1, last), 0.4, GRID),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]
    if header:
        cmds.append(("BACKGROUND", (0, top), (-1, top), HEAD_BG))
    cmds += [("ALIGN", (c, top), (c, last), "RIGHT") for c in num_cols]
    cmds += [_shift(c, top) for c in extra]
    if top:
        cmds += [("SPAN", (0, 0), (-1, 0)), ("LEFTPADDING", (0, 0), (-1, 0), 0),
                 ("TOPPADDING", (0, 0), (-1, 0), 5 if caption_shown else 0),
                 ("BOTTOMPADDING", (0, 0), (-1, 0), 3 if caption_shown else 0),
                 ("VALIGN", (0, 0), (-1, 0), "BOTTOM")]
        if not caption_shown:      # an empty cell is a line high: this row is none
            cmds += [("FONTSIZE", (0, 0), (-1, 0), 0.1), ("LEADING", (0, 0), (-1, 0), 0.1)]
    if box:
        cmds += [("BOX", (0, top), (-1, last), box, colors.black),
                 ("LINEBELOW", (0, "splitlast"), (-1, "splitlast"), box, colors.black),
                 ("LINEABOVE", (0, "splitfirst"), (-1, "splitfirst"), box, colors.black)]
        if top:   # the caption row repeats above the cut: the frame closes under it
            cmds.append(("LINEABOVE", (0, 1), (-1, 1), box, colors.black))
    if tail is not None:
        cmds += [("SPAN", (0, -1), (-1, -1)), ("NOSPLIT", (0, -2), (-1, -1)), ("LEFTPADDING", (0, -1), (-1, -1), 0),
                 ("RIGHTPADDING", (0, -1), (-1, -1), 0), ("TOPPADDING", (0, -1), (-1, -1), 0)]
    t.setStyle(TableStyle(cmds))
    return t


class _NeedRoom(CondPageBreak):
    """A page break unless the heading and the start of what follows it fit."""

    def __init__(self, heading: list[Flowable], follower: Flowable, min_follow: float):
        super().__init__(0)
        self.heading, self.follower, self.min_follow = heading, follower, min_follow

    def wrap(self, availWidth, availHeight):
        need = 0.0
        for f in self.heading:
            need += f.wrap(availWidth, availHeight)[1] + f.getSpaceBefore() + f.getSpaceAfter()
        _w, h = self.follower.wrap(availWidth, availHeight)
        need += min(h, self.min_follow)
        frame = self._doctemplateAttr("frame")
        if need > availHeight and frame is not None and not getattr(frame, "_atTop", 0):
            self.height = availHeight + 1        # CondPageBreak: a frame break
            return super().wrap(availWidth, availHeight)
        return 0, 0


def keep_with_next(heading: Flowable | list[Flowable], follower: Flowable, *, min_follow: float = 18 * mm) -> list:
    """``heading`` then ``follower``, the heading moved to the next page
    unless at least ``min_follow`` points of what follows fit under it."""
    heading = heading if isinstance(heading, list) else [heading]
    return [_NeedRoom(heading, follower, min_follow), *heading, follower]


def printed_stamp(t: dict, at: datetime | None, by: str = "") -> str:
    """"打印时间：2026-11-27 14:26  打印人：孙浩然" in the labels ``t`` (printed_at,
    printed_by, colon); "" without a time."""
    stamp = f"{t['printed_at']}{t['colon']}{fmt_datetime(at)}" if at else ""
    if by:
        stamp += f"  {t['printed_by']}{t['colon']}{by}"
    return stamp


def _line(canv, font: str, size: float, left: str, right: str, x0: float, x1: float, y: float) -> None:
    """``right`` flush right, ``left`` flush left and shortened with … to the room between."""
    right = safe_text(right, font)
    room = x1 - x0 - stringWidth(right, font, size) - 4 * mm
    canv.setFont(font, size)
    if room > 10 * mm:
        canv.drawString(x0, y, fit_one(safe_text(left, font), font, size, room))
    canv.drawRightString(x1, y, right)


class _Doc(BaseDocTemplate):
    """The first page's frame full height; later pages' lowered under the continuation header."""

    def __init__(self, buf, *, header: ContinuedHeader | None, **kw):
        super().__init__(buf, **kw)
        drop = header.height if header else 0
        first = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="first")
        later = Frame(self.leftMargin, self.bottomMargin, self.width, self.height - drop, id="later")
        self.addPageTemplates([PageTemplate("first", [first], autoNextPageTemplate="later"),
                               PageTemplate("later", [later])])


def build_pdf(make_story: Callable[[float], list[Flowable]], *, title: str, author: str, font: str,
              footer_left: str, footer_right: str, page_format: str, margin: float, footer_size: float,
              pagesize=A4, bottom_extra: float = 4 * mm, header: ContinuedHeader | None = None,
              top_margin: float | None = None, footer: bool = True) -> bytes:
    """The PDF of the story ``make_story(frame width)``, each page with the
    footer; ``page_format`` has {page} and {pages}. With ``header``
    (:func:`continued_header`) pages 2..N carry the title, number and
    "page n of N" at the top (``footer=False``: no footer, as on a form the
    customer fills in). The footer's left part is shortened with … so
    it never runs into the right part. Glyphs the font lacks are marked
    (fonts.safe_text). Raises :class:`LayoutFailed` when the story cannot be
    laid out."""
    top = margin if top_margin is None else top_margin

    def decorate(canv, pages: int) -> None:
        canv.saveState()
        page = canv.getPageNumber()
        numbered = page_format.format(page=page, pages=pages)
        right = numbered
        if footer_right:       # a long name printing: shortened, "page n of N" never
            room = (pagesize[0] - 2 * margin) * 0.6 - stringWidth(f"    {numbered}", font, footer_size)
            right = f"{fit_one(safe_text(footer_right, font), font, footer_size, room)}    {numbered}"
        if footer:
            _line(canv, font, footer_size, footer_left, right, margin, pagesize[0] - margin, margin * 0.55)
        if header is not None and page > 1:
            y = pagesize[1] - top - header.size
            left = f"{header.title}  {header.number}".strip()
            _line(canv, font, header.size, left, numbered, margin, pagesize[0] - margin, y)
            canv.setLineWidth(0.5)
            canv.line(margin, y - 1.5 * mm, pagesize[0] - margin, y - 1.5 * mm)
        canv.restoreState()

    buf = io.BytesIO()
    doc = _Doc(buf, header=header, pagesize=pagesize, leftMargin=margin, rightMargin=margin, topMargin=top,
               bottomMargin=margin + bottom_extra, title=title, author=author, creator="csdesk")
    try:
        doc.build(make_story(doc.width), canvasmaker=partial(NumberedCanvas, footer=decorate))
    except LayoutError as exc:
        raise LayoutFailed(title, getattr(doc, "page", 0), str(exc).split("\n")[0][:200]) from exc
    return buf.getvalue()
