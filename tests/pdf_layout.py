"""Reading a printed PDF back to check its layout (pdfplumber): no two
words drawn over each other, no word split across lines. Shared by every
book's printing tests.

* :func:`overlaps`: pairs of words on one page whose boxes intersect (one
  column's text running into the next, a header over a header).
* :func:`split_words`: an English word broken across two lines without a
  hyphen ("Dissatisfie" / "d"): a line's last word and the next line's
  first, in the same column, that make a word of the vocabulary together
  while the first part alone is none (:func:`english_vocabulary`: every
  word of the documents' English labels, plus the caller's own).
* :func:`page_lines`, :func:`lone_headings`: the text lines of each page,
  top to bottom; a heading that is the last line above a page's footer.

Each takes ``pages`` (page numbers from 1) to read only some pages of a
long document: pdfplumber reads about five pages a second.
"""
from __future__ import annotations

import io
import re
from collections.abc import Iterable

_WORD = re.compile(r"[A-Za-z]+")


_last: dict = {}     # the last document read: {(page): (chars, words)}, so the checks parse each page once


def _read(pdf: bytes, pages=None) -> list[tuple[int, list, list]]:
    """(page number, its chars, its words) of the pages asked for (all by default)."""
    import pdfplumber

    key = hash(pdf)
    if _last.get("key") != key:
        _last.clear()
        _last["key"] = key
    cache = _last.setdefault("pages", {})
    wanted = None if pages is None else set(pages)
    if wanted is None or not wanted <= set(cache):
        with pdfplumber.open(io.BytesIO(pdf)) as doc:
            for number, page in enumerate(doc.pages, 1):
                if number in cache or wanted is not None and number not in wanted:
                    continue
                words = page.extract_words(keep_blank_chars=False, use_text_flow=False, x_tolerance=1.5,
                                           y_tolerance=2)
                cache[number] = (list(page.chars), words)
            _last["count"] = len(doc.pages)
    numbers = sorted(cache) if wanted is None else sorted(wanted & set(cache))
    return [(n, *cache[n]) for n in numbers]


def _pages(pdf: bytes, pages=None):
    for number, _chars, words in _read(pdf, pages):
        yield number, words


def sample_pages(count: int, *, first: int = 4, last: int = 2, spread: int = 6) -> list[int]:
    """Some pages of a ``count``-page document: the first and last few and
    ``spread`` between (a long list repeats its layout page after page)."""
    middle = [first + 1 + (count - first - last) * i // (spread + 1) for i in range(1, spread + 1)]
    return sorted({p for p in [*range(1, first + 1), *middle, *range(count - last + 1, count + 1)] if 1 <= p <= count})


def overlaps(pdf: bytes, *, tolerance: float = 0.6, pages=None) -> list[tuple[int, str, str]]:
    """(page, text, text) for each two glyphs drawn over each other (by more
    than ``tolerance`` points both ways; neighbours in a word only touch):
    one column's text running into the next, a header over a header. The
    texts are a few characters around each glyph, to say where."""
    found = []
    for number, all_chars, _words in _read(pdf, pages):
        # Swept top to bottom: a glyph is compared with those that start above its foot only
        # (by x, a narrow page five metres long compared each glyph with most of the others).
        chars = sorted((c for c in all_chars if c["text"].strip()), key=lambda c: c["top"])
        for i, a in enumerate(chars):
            for b in chars[i + 1:]:
                if b["top"] >= a["bottom"] - tolerance:
                    break
                dx = min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])
                dy = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
                if dx > tolerance and dy > tolerance:
                    found.append((number, _around(all_chars, a), _around(all_chars, b)))
    return found


def _around(chars, char) -> str:
    """The text of the line a glyph sits in, near it."""
    line = sorted((c for c in chars if abs(c["top"] - char["top"]) < 1
                   and abs(c["x0"] - char["x0"]) < 40), key=lambda c: c["x0"])
    return "".join(c["text"] for c in line)


def english_vocabulary(*extra: Iterable[str]) -> set[str]:
    """Every word (lower case) of the printed documents' English labels."""
    from app.printing.counter import labels as counter_labels
    from app.printing.customers import labels as customer_labels

    texts: list[str] = []

    def walk(value):
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, (list, tuple)):
            for v in value:
                walk(v)

    for module in (counter_labels, customer_labels):
        for name in dir(module):
            if name.startswith("_EN") or name == "_CODES":
                walk(getattr(module, name))
    import importlib
    for name in ("app.printing.counter.register_book", "app.printing.field.visit_report_print",
                 "app.printing.field.gift_print",
                 "app.printing.field.survey_form", "app.printing.field.survey_results_print",
                 "app.printing.field.visit_plan_print"):
        module = importlib.import_module(name)
        for attr in dir(module):
            if attr.startswith("_EN") or attr in ("VL", "_T", "_CODES", "KINDS", "STATUSES", "PURPOSE_TEXT"):
                walk(getattr(module, attr))
    for group in extra:
        texts += list(group)
    return {w.lower() for t in texts for w in _WORD.findall(t)}


def split_words(pdf: bytes, vocabulary: set[str], *, pages=None) -> list[tuple[int, str]]:
    """(page, "first/second") for each English word split across two lines:
    a word and the first word of the next line in its column (the nearest
    word to its left one line down) that make a vocabulary word together,
    when the first part alone is none."""
    found = []
    for number, words in _pages(pdf, pages):
        for w in words:
            head = w["text"].rstrip(".,:;)")
            if not _WORD.fullmatch(head) or head.lower() in vocabulary:
                continue
            height = w["bottom"] - w["top"]
            below = [x for x in words if height * 0.6 < x["top"] - w["top"] <= height * 2.2
                     and x["x0"] <= w["x0"] + 1]
            if not below:
                continue
            top = min(x["top"] for x in below)
            nxt = max((x for x in below if abs(x["top"] - top) < 1), key=lambda x: x["x0"])
            m = _WORD.match(nxt["text"])
            if m and m.group(0).islower() and (head + m.group(0)).lower() in vocabulary:
                found.append((number, f"{head}/{m.group(0)}"))
    return found


def page_lines(pdf: bytes, pages=None) -> dict[int, list[str]]:
    """Each page's lines of text, top to bottom (words on one baseline, by x)."""
    out = {}
    for number, words in _pages(pdf, pages):
        rows: list[list[dict]] = []
        for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
            if rows and abs(rows[-1][0]["top"] - w["top"]) < 2:
                rows[-1].append(w)
            else:
                rows.append([w])
        out[number] = [" ".join(w["text"] for w in sorted(r, key=lambda w: w["x0"])) for r in rows]
    return out


def lone_headings(pdf: bytes, headings: Iterable[str], *, footer: bool = True, pages=None) -> list[tuple[int, str]]:
    """(page, heading) for each page whose last line above the footer (the
    last line when ``footer``) is one of ``headings`` (spaces ignored):
    a heading left alone at the foot of a page."""
    wanted = {h.replace(" ", "") for h in headings}
    found = []
    for number, lines in page_lines(pdf, pages).items():
        body = lines[:-1] if footer else lines
        if body and body[-1].replace(" ", "") in wanted:
            found.append((number, body[-1]))
    return found
