"""The layout checker finds what it is for (and nothing in a clean page)."""
from __future__ import annotations

import io

from reportlab.pdfgen.canvas import Canvas

from tests.pdf_layout import overlaps, split_words


def _pdf(draw) -> bytes:
    buf = io.BytesIO()
    c = Canvas(buf)
    c.setFont("Helvetica", 10)
    draw(c)
    c.showPage()
    c.save()
    return buf.getvalue()


def test_two_words_drawn_over_each_other_are_found():
    pdf = _pdf(lambda c: (c.drawString(100, 700, "Commissioned agent"), c.drawString(150, 700, "Chengdu")))
    assert overlaps(pdf) and not overlaps(_pdf(lambda c: c.drawString(100, 700, "Commissioned agent")))


def test_a_word_split_across_lines_is_found():
    vocab = {"dissatisfied", "very", "satisfied"}
    pdf = _pdf(lambda c: (c.drawString(100, 700, "Very Dissatisfie"), c.drawString(100, 688, "d")))
    assert split_words(pdf, vocab) == [(1, "Dissatisfie/d")]
    whole = _pdf(lambda c: (c.drawString(100, 700, "Very"), c.drawString(100, 688, "Dissatisfied")))
    assert split_words(whole, vocab) == []
