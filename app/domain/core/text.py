"""Text rules every book applies to what people type.

* :func:`keep` for free text (faults, conditions, items, notes, reasons,
  addresses, reports): stored and printed as the clerk typed it, full-width
  punctuation (，：（）) and line breaks included; only the whitespace around
  it is trimmed and line endings become ``\\n``.
* :func:`clean` for names, codes, serials and phone numbers, which are
  matched and searched: full-width letters and digits to half-width, stray
  spaces collapsed (NFKC keeps CJK). :func:`code` also upper-cases.

A value that is not a string is returned as it is (None as ""): the service
then reports its type through :func:`app.domain.core.limits.check`, never a
TypeError.
"""
from __future__ import annotations

import re
import unicodedata


def clean(text):
    """Full-width to half-width, stray spaces collapsed (NFKC keeps CJK)."""
    if text is None:
        return ""
    if not isinstance(text, str):
        return text
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def code(text):
    """A serial, receipt or document number: :func:`clean`, upper case."""
    text = clean(text)
    return text.upper() if isinstance(text, str) else text


def keep(text):
    """Free text as typed: surrounding whitespace trimmed, line endings
    normalised to ``\\n``; nothing else changes."""
    if text is None:
        return ""
    if not isinstance(text, str):
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def keep_line(text):
    """A one-line free text (an item, a place, a title) as typed: like
    :func:`keep`, with line breaks and tabs turned into spaces."""
    text = keep(text)
    return re.sub(r"[\n\t]+", " ", text) if isinstance(text, str) else text


def needle(text) -> str:
    """What a search box's text is looked for as: :func:`clean`, without NUL
    characters (a search writes nothing, and PostgreSQL refuses a NUL in any
    string); anything but a string finds nothing ("")."""
    text = clean(text)
    return text.replace("\x00", "") if isinstance(text, str) else ""
