"""用户产品进出登记本 (§4.2) — the in/out register printed as the book's pages.

A4 landscape, one line a movement, oldest first as the book reads: the
number (JC-…), date and time, in or out (a correction and a void say so,
with the number of the row they correct; a row a later row corrects says
by which), serial, product, customer, items, who brought or collected the
unit, the clerk, the note and an empty column to sign in (签字). Every page
carries the company, the title and the range above the column headings;
the footer says who printed it and "page n of N"; the last page the
range's totals (in, out, voids, each corrected row counted as corrected).

The rows stream: ``RegisterBookData.rows`` may be a generator reading the
database a page at a time. The book is one flowable that lays out a page
of rows each time platypus asks for one (:class:`_Rest`), so only the
page being laid out is in memory, never the range's rows, and a table of
thousands of rows is never split again and again (a platypus Table
re-measures what is left at each page break).

Cells wrap inside their column, between words and between Chinese
characters, never inside an English word that fits the column; a row
taller than a page (a 4 000-character note) goes on over the next page,
its number repeated with "(continued)".
"""
from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from app.printing.core.common import fit_one, fmt_date, norm_lang, write_out
from app.printing.core.company import Company
from app.printing.core.fonts import FontChoice, resolve_font, safe_text
from app.printing.core.frame import GRID, HEAD_BG, build_pdf, printed_stamp

PAGE = landscape(A4)
MARGIN = 10 * mm
SIZE = 7.5                 # the rows' type
LEAD = 9.2                 # their line pitch
PAD_X, PAD_Y = 2.2, 2.4    # inside a cell
MIN_ROW = 7.5 * mm         # a line is never lower than this: room for a signature
TITLE_SIZE = 14
FRAME_PAD = 6              # platypus' own frame padding, each side


@dataclass
class RegisterBookLine:
    """One row of the register as the book prints it."""
    number: str                  # JC-2026-000123
    at: datetime
    direction: str               # "in" | "out" | "void"
    serial: str = ""
    product: str = ""
    customer: str = ""
    items: str = ""
    person: str = ""             # who brought the unit in or collected it
    clerk: str = ""              # the staff member who wrote the row
    note: str = ""
    corrects: str = ""           # the number of the row this row corrects (a correction or a void)
    corrected_by: str = ""       # the number of the later row that corrects this one
    corrected_by_void: bool = False   # ... and that row voids it


@dataclass
class RegisterBookData:
    """The book for ``date_from`` .. ``date_to`` (both days included).
    ``rows`` oldest first; read once, so a generator may stream them."""
    company: Company
    date_from: date
    date_to: date
    rows: Iterable[RegisterBookLine] = field(default_factory=list)
    printed_at: datetime | None = None
    printed_by: str = ""


_ZH = {
    "title": "用户产品进出登记本",
    "period": "登记期间", "to": "至", "colon": "：",
    "number": "登记号", "at": "日期时间", "direction": "进/出", "serial": "序列号", "product": "产品",
    "customer": "客户", "items": "随机物品", "person": "送/取件人", "clerk": "经办人", "note": "备注",
    "signature": "签字",
    "in": "进", "out": "出", "void": "作废",
    "correction": "{direction}（更正 {number}）", "voids": "作废 {number}",
    "corrected_by": "已更正，见 {number}", "voided_by": "已作废，见 {number}",
    "continued": "（续）", "none": "本期无登记",
    "totals": "本期合计（按更正后计）：进 {in}　出 {out}　作废 {void}",
    "rows": "登记行数：{rows}（其中更正 {corrections} 行，作废 {voids} 行）。被更正的行只按更正后的内容计入一次。",
    "checked": "核对人：＿＿＿＿＿＿＿＿　　日期：＿＿＿＿＿＿＿＿",
    "page": "第 {page} 页 / 共 {pages} 页", "printed_at": "打印时间", "printed_by": "打印人",
}

_EN = {
    "title": "Product in/out register",
    "period": "Period", "to": "to", "colon": ": ",
    "number": "No.", "at": "Date and time", "direction": "In / out", "serial": "Serial no.", "product": "Product",
    "customer": "Customer", "items": "Items", "person": "Brought / collected by", "clerk": "Clerk",
    "note": "Note", "signature": "Signature",
    "in": "In", "out": "Out", "void": "Void",
    "correction": "{direction}, correcting {number}", "voids": "Voids {number}",
    "corrected_by": "corrected by {number}", "voided_by": "voided by {number}",
    "continued": "(continued)", "none": "No movements in this period",
    "totals": "Totals of the period, as corrected: In {in} · Out {out} · Voided {void}",
    "rows": "Rows: {rows} (corrections: {corrections}, voids: {voids}). A corrected row counts once, "
            "as corrected.",
    "checked": "Checked by: ____________________    Date: ____________________",
    "page": "Page {page} of {pages}", "printed_at": "Printed", "printed_by": "By",
}


def BL(lang: str | None) -> dict:   # as the other documents' label tables (L, AL)
    """The book's captions in ``lang`` ("zh_CN", the default, or "en")."""
    return _EN if norm_lang(lang) == "en" else _ZH


#: The columns in print order: (key, width in mm or None: a share of what is left, share).
COLUMNS = (("number", None, 0), ("at", None, 0), ("direction", None, 0), ("serial", 22, 0), ("product", None, 1.3),
           ("customer", None, 1.3), ("items", None, 0.8), ("person", None, 1.0), ("clerk", 14, 0),
           ("note", None, 1.1), ("signature", 28, 0))


# -- text in cells ------------------------------------------------------------------------------
_OPENING = set("（《“‘【〈「『〔([{")
_CLOSING = set("，。、；：！？）》”’】〉」』〕…)]},.;:!?%")


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def _tokens(text: str) -> Iterator[str]:
    """The units a line may break between: a Chinese character, or a run
    of other characters between spaces (an English word, a serial, a
    number); closing punctuation stays with what it follows, opening with
    what follows it. " " marks a space."""
    i, n, glue = 0, len(text), ""
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            if not glue:
                yield " "
            continue
        j = i + 1
        if not _wide(ch):
            while j < n and not text[j].isspace() and not _wide(text[j]):
                j += 1
        while j < n and text[j] in _CLOSING:
            j += 1
        token = glue + text[i:j]
        i = j
        if token[-1] in _OPENING and i < n:
            glue = token
            continue
        glue = ""
        yield token
    if glue:
        yield glue


class _Measure:
    """Widths of tokens in one font and size, remembered (a book repeats its words)."""

    def __init__(self, font: str, size: float):
        self.font, self.size, self._w = font, size, {}
        self.space = stringWidth(" ", font, size)

    def __call__(self, text: str) -> float:
        w = self._w.get(text)
        if w is None:
            if len(self._w) > 50_000:
                self._w.clear()
            w = self._w[text] = stringWidth(text, self.font, self.size)
        return w

    def wrap(self, text: str, width: float) -> list[str]:
        """``text`` in lines no wider than ``width``; a token is broken only
        when it is wider than the whole line (a 40-character serial)."""
        lines: list[str] = []
        for para in (text or "").split("\n"):
            line, line_w, space = "", 0.0, False
            for token in _tokens(para):
                if token == " ":
                    space = bool(line)
                    continue
                w = self(token)
                gap = self.space if space and line else 0.0
                space = False
                if line and line_w + gap + w <= width:
                    line, line_w = line + (" " if gap else "") + token, line_w + gap + w
                    continue
                if line:
                    lines.append(line)
                if w <= width:
                    line, line_w = token, w
                    continue
                pieces = self._break(token, width)
                lines += pieces[:-1]
                line, line_w = pieces[-1], self(pieces[-1])
            lines.append(line)
        while len(lines) > 1 and not lines[-1]:
            lines.pop()
        return lines

    def _break(self, token: str, width: float) -> list[str]:
        pieces, piece = [], ""
        for ch in token:
            if piece and stringWidth(piece + ch, self.font, self.size) > width:
                pieces.append(piece)
                piece = ""
            piece += ch
        return pieces + [piece]


# -- the book -----------------------------------------------------------------------------------
@dataclass
class _Row:
    cells: list[list[str]]
    height: float
    line: RegisterBookLine | None = None


class _Book:
    """What the pages share: the captions, the columns, the rows still to
    come (one laid-out row looked ahead) and what was printed so far."""

    def __init__(self, data: RegisterBookData, lang: str, font: str, width: float, height: float):
        self.data, self.t, self.font, self.width = data, BL(lang), font, width
        self.measure = _Measure(font, SIZE)
        # The number and the date on one line each, with a little air.
        # (The in/out column holds the number of the row a correction corrects, and its bracket.)
        fixed = {"number": self.measure("JC-0000-000000") + 2 * PAD_X + 4,
                 "at": self.measure("0000-00-00") + 2 * PAD_X + 4,
                 "direction": self.measure("JC-0000-000000）") + 2 * PAD_X + 4}
        fixed.update({k: w * mm for k, w, _ in COLUMNS if w})
        share = sum(s for *_, s in COLUMNS)
        left = width - sum(fixed.values())
        self.widths = [fixed.get(k) or left * s / share for k, _, s in COLUMNS]
        self.header = self.lay([self.t[k] for k, *_ in COLUMNS], minimum=0)
        self.rows = iter(data.rows)
        self.ahead: _Row | None = None
        self.printed = {"rows": 0, "corrections": 0, "voids": 0, "in": 0, "out": 0, "void": 0}
        self.started = self.finished = False
        #: The room for rows on a page of its own.
        self.page_room = height - self.top_height() - self.header.height

    # laying out
    def lay(self, texts: list[str], minimum: float = MIN_ROW, line=None) -> _Row:
        cells = [self.measure.wrap(safe_text(x, self.font), w - 2 * PAD_X) if x else []
                 for x, w in zip(texts, self.widths)]
        return _Row(cells, max(minimum, max(len(c) for c in cells) * LEAD + 2 * PAD_Y), line)

    def _direction(self, r: RegisterBookLine) -> str:
        t = self.t
        if r.direction == "void":
            text = t["voids"].format(number=r.corrects) if r.corrects else t["void"]
        elif r.corrects:
            text = t["correction"].format(direction=t.get(r.direction, r.direction), number=r.corrects)
        else:
            text = t.get(r.direction, r.direction)
        if r.corrected_by:
            text += "\n" + t["voided_by" if r.corrected_by_void else "corrected_by"].format(number=r.corrected_by)
        return text

    def _row(self, r: RegisterBookLine) -> _Row:
        texts = [r.number, f"{r.at:%Y-%m-%d}\n{r.at:%H:%M}", self._direction(r), r.serial, r.product, r.customer,
                 r.items, r.person, r.clerk, r.note, ""]
        return self.lay(texts, line=r)

    def peek(self) -> _Row | None:
        if self.ahead is None and not self.finished:
            line = next(self.rows, None)
            if line is None:
                self.finished = True
            else:
                self.ahead = self._row(line)
        return self.ahead

    def take(self) -> None:
        row, self.ahead = self.ahead, None
        if row is not None and row.line is not None:
            self._count(row.line)

    def _count(self, r: RegisterBookLine) -> None:
        p = self.printed
        p["rows"] += 1
        if r.direction == "void":
            p["voids"] += 1
        elif r.corrects:
            p["corrections"] += 1
        if not r.corrected_by and r.direction in ("in", "out", "void"):
            p[r.direction] += 1

    def split_ahead(self, lines: int) -> _Row:
        """The first ``lines`` lines of the row ahead; the rest stays ahead,
        its number repeated with "(continued)"."""
        row = self.ahead
        head = _Row([c[:lines] for c in row.cells], lines * LEAD + 2 * PAD_Y)
        rest = [c[lines:] for c in row.cells]
        rest[0] = row.cells[0][:1] + [self.t["continued"]]
        self.ahead = _Row(rest, max(MIN_ROW, max(len(c) for c in rest) * LEAD + 2 * PAD_Y), row.line)
        return head

    # the parts of a page
    def top_height(self) -> float:
        return TITLE_SIZE * 1.25 + 3 * mm

    def period(self) -> str:
        t, d = self.t, self.data
        span = fmt_date(d.date_from) if d.date_from == d.date_to else \
            f"{fmt_date(d.date_from)} {t['to']} {fmt_date(d.date_to)}"
        return f"{t['period']}{t['colon']}{span}"

    def totals_lines(self) -> list[str]:
        t, p = self.t, self.printed
        none = [t["none"], ""] if not p["rows"] else []
        return none + [t["totals"].format(**p), t["rows"].format(**p), "", t["checked"]]

    def totals_height(self) -> float:
        return 4 * mm + len(self.totals_lines()) * (SIZE + 1) * 1.4


class _Page(Flowable):
    """One page of the book: the heading, the column headings, ``rows``, and the totals when ``totals``."""

    def __init__(self, book: _Book, rows: list[_Row], totals: bool, table: bool = True):
        super().__init__()
        self.book, self.rows, self.totals, self.table = book, rows, totals, table

    def _height(self) -> float:
        b = self.book
        h = b.top_height()
        if self.table:
            h += b.header.height + sum(r.height for r in self.rows)
        return h + (b.totals_height() if self.totals else 0)

    def wrap(self, aw, ah):
        return self.book.width, self._height()

    def draw(self) -> None:
        b, c = self.book, self.canv
        font, width = b.font, b.width
        y = self._height()
        # The heading: company left, title centred, the range right.
        base = y - TITLE_SIZE
        title = safe_text(b.t["title"], font)
        title_w = stringWidth(title, font, TITLE_SIZE)
        period = safe_text(b.period(), font)
        side = (width - title_w) / 2 - 4 * mm
        c.setFont(font, TITLE_SIZE)
        c.drawCentredString(width / 2, base, title)
        c.setFont(font, SIZE + 1.5)
        c.drawString(0, base, fit_one(safe_text(b.data.company.name, font), font, SIZE + 1.5, side))
        c.drawRightString(width, base, fit_one(period, font, SIZE + 1.5, side))
        y -= b.top_height()
        if self.table:
            y = self._table(y)
        if self.totals:
            y -= 4 * mm
            c.setFont(font, SIZE + 1)
            for text in b.totals_lines():
                y -= (SIZE + 1) * 1.4
                c.drawString(0, y + 2, fit_one(safe_text(text, font), font, SIZE + 1, width))

    def _table(self, top: float) -> float:
        b, c = self.book, self.canv
        c.setFillColor(HEAD_BG)
        c.rect(0, top - b.header.height, b.width, b.header.height, stroke=0, fill=1)
        c.setFillColor(colors.black)
        c.setFont(b.font, SIZE)
        y = top
        for row in [b.header] + self.rows:
            x = 0.0
            for lines, w in zip(row.cells, b.widths):
                base = y - PAD_Y - SIZE * 0.88
                for text in lines:
                    c.drawString(x + PAD_X, base, text)
                    base -= LEAD
                x += w
            y -= row.height
        # The rules: round the table, under every row, between the columns.
        c.setStrokeColor(GRID)
        c.setLineWidth(0.4)
        ys = [top]
        for row in [b.header] + self.rows:
            ys.append(ys[-1] - row.height)
        for yy in ys:
            c.line(0, yy, b.width, yy)
        x = 0.0
        for w in [0.0] + b.widths:
            x += w
            c.line(x, top, x, ys[-1])
        return ys[-1]


class _Rest(Flowable):
    """The rest of the book: asks to be split, and each split lays out the next page."""

    def __init__(self, book: _Book):
        super().__init__()
        self.book = book

    def wrap(self, aw, ah):
        return self.book.width, ah + 1         # never fits: platypus asks split() for a page

    def split(self, aw, ah):
        b = self.book
        ah -= 1                                # the frame's rounding
        top = b.top_height()
        if b.peek() is None and b.started:     # the rows are all printed: the totals on a page of their own
            return [_Page(b, [], totals=True, table=False)] if top + b.totals_height() <= ah else []
        room = ah - top - b.header.height
        if room < b.page_room - 1:
            return []                          # a page starts on a page of its own
        rows: list[_Row] = []
        while (row := b.peek()) is not None:
            if row.height <= room:
                rows.append(row)
                room -= row.height
                b.take()
                continue
            # A row taller than a page of its own starts where it is and goes on over the next.
            lines = int((room - 2 * PAD_Y) // LEAD)
            if row.height > b.page_room and lines >= 2:
                head = b.split_ahead(lines)
                rows.append(head)
                room -= head.height
            break
        if not rows and b.peek() is not None:
            return []                          # not even one row here: the next page
        # (No rows at all: the column headings, then the totals say so.)
        b.started = True
        totals = b.peek() is None and room >= b.totals_height()
        page = _Page(b, rows, totals)
        return [page] if totals else [page, _Rest(b)]


def render_register_book(data: RegisterBookData, out: str | os.PathLike | BinaryIO | None = None, *,
                         lang: str = "zh_CN", font: FontChoice | str | None = None) -> bytes:
    """The book's pages (A4 landscape) for ``data``; the PDF bytes (written to ``out`` if given)."""
    fc = resolve_font(font)
    t = BL(lang)
    bottom_extra = 4 * mm

    def story(width: float):
        height = PAGE[1] - 2 * MARGIN - bottom_extra - 2 * FRAME_PAD - 1
        return [_Rest(_Book(data, lang, fc.name, width - 2 * FRAME_PAD, height))]

    period = f"{fmt_date(data.date_from)} – {fmt_date(data.date_to)}"
    pdf = build_pdf(story, title=f"{t['title']} {period}", author=data.company.name, font=fc.name,
                    footer_left=f"{data.company.name}  {t['title']}  {period}",
                    footer_right=printed_stamp(t, data.printed_at, data.printed_by), page_format=t["page"],
                    margin=MARGIN, footer_size=SIZE - 0.5, pagesize=PAGE, bottom_extra=bottom_extra)
    return write_out(pdf, out)
