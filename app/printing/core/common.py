"""Helpers shared by the documents: formats, text fitting, output, invariant PDFs."""
from __future__ import annotations

import os
from datetime import date, datetime
from decimal import Decimal
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth

from app.printing.core import linebreak
from app.printing.core.fonts import safe_text

# A closing mark at a line's end goes down with the character before it,
# never hangs over a table's rule into the next column (linebreak).
linebreak.install()

#: The languages documents print in ("zh_CN", the default, and "en").
LANGS = ("zh_CN", "en")
ELLIPSIS = "…"


def set_invariant(on: bool = True) -> None:
    """Make PDFs byte-stable (no creation date, fixed document id).

    Tests call this; setting the environment variable ``CSDESK_PDF_INVARIANT=1``
    (or reportlab's own ``RL_invariant=1``) does the same at import time.
    """
    rl_config.invariant = 1 if on else 0


if os.environ.get("CSDESK_PDF_INVARIANT", "") not in ("", "0"):
    set_invariant(True)


def fmt_money(value: Decimal | float | int | None) -> str:
    """¥1,234.50 — always two decimals; empty for None."""
    if value is None:
        return ""
    return f"¥{Decimal(value).quantize(Decimal('0.01')):,.2f}"


def fmt_qty(value: Decimal | float | int) -> str:
    """Quantities and hours without trailing zeros: 2, 1.5."""
    return f"{Decimal(value).normalize():f}"


def fmt_date(value: date | datetime | None) -> str:
    return value.strftime("%Y-%m-%d") if value else ""


def fmt_datetime(value: datetime | date | None) -> str:
    if not value:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return fmt_date(value)


def ptext(text: str, font_name: str) -> str:
    """Text ready for a reportlab Paragraph: missing glyphs marked, XML escaped, newlines kept."""
    return escape(safe_text(text or "", font_name)).replace("\n", "<br/>")


def paras(text: str, font_name: str, st: ParagraphStyle) -> list:
    """``text`` as one Paragraph per line (at least one): a long text in a
    table cell is cut between them at a page end, and each is wrapped on its
    own (reportlab wraps a 4 000-character CJK paragraph in quadratic time)."""
    from reportlab.platypus import Paragraph

    return [Paragraph(ptext(line, font_name), st) for line in (text or "").split("\n")]


def style(font_name: str, size: float, *, leading: float | None = None, align: int = 0,
          space_after: float = 0, space_before: float = 0, cjk: bool = True,
          **kw) -> ParagraphStyle:
    """A paragraph style in the document font.

    wordWrap='CJK' (the default) breaks between any two characters, as Chinese
    has no spaces; pass ``cjk=False`` for English-only text such as labels, so
    words are not split in the middle.
    """
    return ParagraphStyle(
        f"s{size}{align}", fontName=font_name, fontSize=size,
        leading=leading or size * 1.3, alignment=align, wordWrap="CJK" if cjk else None,
        spaceAfter=space_after, spaceBefore=space_before, **kw)


def wrap_text(text: str, font_name: str, size: float, width: float, *, words: bool = False) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` points, character by character.

    Used on the fixed-size canvas of the card.  Latin words are kept whole
    where possible (break at the last space in the line's second half) so
    serials and models stay readable; ``words=True`` breaks at any space of
    the line (a narrow column of English: "The custom|er" never), and only
    a word longer than a line is cut.
    """
    lines: list[str] = []
    for para in (text or "").split("\n"):
        line = ""
        for ch in para:
            if stringWidth(line + ch, font_name, size) <= width or not line:
                line += ch
                continue
            cut = line.rfind(" ")
            if ch != " " and (cut > len(line) // 2 or words and cut > 0):      # move the partial word down
                lines.append(line[:cut])
                line = line[cut + 1:] + ch
            else:
                lines.append(line.rstrip())
                line = "" if ch == " " else ch
        lines.append(line)
    return lines


def widest_word(texts, font_name: str, size: float) -> float:
    """The width (points) of the widest word, between spaces, of ``texts``:
    a column narrower than this plus its padding breaks the word ("Dissatisfie/d")."""
    return max((stringWidth(w, font_name, size) for t in texts for w in (t or "").split()), default=0.0)


def fit_lines(text: str, font_name: str, size: float, width: float, max_lines: int) -> list[str]:
    """:func:`wrap_text`, cut to ``max_lines``; the last kept line ends in … when text was dropped."""
    lines = wrap_text(text, font_name, size, width)
    if len(lines) <= max_lines:
        return lines
    lines = lines[:max_lines]
    last = lines[-1]
    while last and stringWidth(last + ELLIPSIS, font_name, size) > width:
        last = last[:-1]
    lines[-1] = last.rstrip() + ELLIPSIS
    return lines


def fit_one(text: str, font_name: str, size: float, width: float) -> str:
    """One line, shortened with … if too wide."""
    return fit_lines(text.replace("\n", " "), font_name, size, width, 1)[0]


def write_out(pdf: bytes, out: str | os.PathLike | BinaryIO | None) -> bytes:
    """Write the PDF to a path or binary file object if given; return the bytes."""
    if out is None:
        return pdf
    if hasattr(out, "write"):
        out.write(pdf)
    else:
        with open(out, "wb") as fh:
            fh.write(pdf)
    return pdf


def norm_lang(lang: str | None) -> str:
    """"zh", "zh_CN", "zh-CN" -> "zh_CN"; "en", "en_US" -> "en"; anything else -> "zh_CN"."""
    lang = (lang or "zh_CN").replace("-", "_")
    return "en" if lang.lower().startswith("en") else "zh_CN"
