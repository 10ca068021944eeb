"""The layout checker finds what it is for (and nothing in a clean page)."""
from __future__ import annotations

import io

from reportlab.pdfgen.canvas import Canvas

from tests.pdf_layout import lone_headings, overlaps, page_lines, split_words


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


def test_a_heading_alone_at_the_foot_of_a_page_is_found():
    def page(c, last):
        c.drawString(100, 700, "Contacts")
        c.drawString(100, 688, "Zhang Wei 13800000000")
        c.drawString(100, 100, last)
        c.drawString(100, 40, "Page 1 of 2")

    alone = _pdf(lambda c: page(c, "Addresses"))
    assert lone_headings(alone, ["Addresses", "Contacts"]) == [(1, "Addresses")]
    assert lone_headings(_pdf(lambda c: page(c, "Office Beijing Haidian")), ["Addresses", "Contacts"]) == []
    assert page_lines(alone)[1] == ["Contacts", "Zhang Wei 13800000000", "Addresses", "Page 1 of 2"]
