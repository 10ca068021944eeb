"""Paragraphs for the counter documents' data, wrapped the way their text
needs: the data of one job mixes Chinese (names, faults) and Latin text
(serials, models, English notes) whatever the document's language.

A line with Chinese in it wraps between any two characters (reportlab's
CJK wrapping, with app.printing.core.linebreak's line ends); a line without
wraps between words, and only a word longer than the line is cut ("The
custom/er" never). A long text is one paragraph per line (common.paras): a
table cell may be cut between them at a page end.
"""
from __future__ import annotations

from functools import lru_cache

from reportlab.platypus import Paragraph

from app.printing.core.common import ptext, style


def has_cjk(text: str) -> bool:
    """Whether ``text`` holds a CJK character (or a full-width mark)."""
    return any("\u2e80" <= ch <= "\u9fff" or "\uf900" <= ch <= "\uffef" or ch >= "\U00020000" for ch in text or "")


@lru_cache(maxsize=64)
def _style(font: str, size: float, align: int, cjk: bool, leading: float | None):
    return style(font, size, align=align, cjk=cjk, leading=leading)


def para(text: str, font: str, size: float, *, align: int = 0, leading: float | None = None) -> Paragraph:
    """One paragraph of ``text``, wrapped as its characters need."""
    return Paragraph(ptext(text, font), _style(font, size, align, has_cjk(text), leading))


def paras(text: str, font: str, size: float, *, align: int = 0, leading: float | None = None) -> list[Paragraph]:
    """``text`` as one paragraph per line (at least one), each wrapped as its characters need."""
    return [para(line, font, size, align=align, leading=leading) for line in (text or "").split("\n")]
