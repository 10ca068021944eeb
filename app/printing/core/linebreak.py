"""Chinese line breaking without hanging punctuation.

reportlab breaks CJK text between any two characters, and a closing mark
that may not start a line ("。", "）", "」", "、") is left hanging past the
line's end (Japanese *burasage*). On a page margin that is harmless; in a
table cell the mark is drawn over the column's rule and into the next
column ("联系人#2 手机（续" + "）" over 原值). Here the mark goes down to the
next line together with the character before it (*oidashi*), so every line
stays inside its width and no line starts with "。"; an opening bracket
("（", "“") at a line's end goes down with what it opens.

:func:`install` puts the two line breakers below in place of reportlab's
(``paragraph.cjkFragSplit`` for styled text, ``textsplit.dumbSplit`` for
plain text); they are reportlab 4's own, changed only where a line ends.
"""
from __future__ import annotations

from unicodedata import category

from reportlab.lib import textsplit
from reportlab.platypus import paragraph
from reportlab.rl_config import _FUZZ

#: Marks a line may not start with: reportlab's list and the Chinese full-width ones it lacks.
CANNOT_START = textsplit.ALL_CANNOT_START + "，；：！？》〉』」】〕）"
#: Marks a line may not end with (opening brackets and quotes): "用户反应意见（" / "续）" never.
CANNOT_END = "（《〈『「【〔“‘"


def _width(w, max_width):
    if hasattr(w, "normalizedValue"):
        w._normalizer = max_width
        return w.normalizedValue(max_width)
    return w


def cjk_frag_split(frags, maxWidths, calcBounds, encoding="utf8"):
    """reportlab's ``cjkFragSplit`` with the line end changed (see the module)."""
    U = []
    for f in frags:
        text = f.text
        if isinstance(text, bytes):
            text = text.decode(encoding)
        if text:
            U.extend([paragraph.cjkU(t, f, encoding) for t in text])
        else:
            U.append(paragraph.cjkU(text, f, encoding))
    lines = []
    i = widthUsed = lineStartPos = 0
    maxWidth = maxWidths[0]
    nU = len(U)
    while i < nU:
        u = U[i]
        i += 1
        w = _width(u.width, maxWidth)
        widthUsed += w
        lineBreak = hasattr(u.frag, "lineBreak")
        endLine = (widthUsed > maxWidth + _FUZZ and widthUsed > 0) or lineBreak
        if endLine:
            extraSpace = maxWidth - widthUsed
            if not lineBreak:
                if ord(u) < 0x3000:
                    # Inside Latin text: go back to a space or a CJK character, at most half the line.
                    limitCheck = (lineStartPos + i) >> 1
                    for j in range(i - 1, limitCheck, -1):
                        uj = U[j]
                        if uj and category(uj) == "Zs" or ord(uj) >= 0x3000:
                            k = j + 1
                            if k < i:
                                j = k + 1
                                extraSpace += sum(U[ii].width for ii in range(j, i))
                                w = U[k].width
                                u = U[k]
                                i = j
                                break
                if u not in CANNOT_START and i > lineStartPos + 1:
                    i -= 1                                  # the character goes to the next line
                    extraSpace += w
                elif u in CANNOT_START and i > lineStartPos + 2:
                    i -= 2                                  # the mark and the character before it
                    extraSpace += w + _width(U[i].width, maxWidth)
                if U[i - 1] in CANNOT_END and i > lineStartPos + 1:
                    i -= 1                                  # an opening bracket goes down with what it opens
                    extraSpace += _width(U[i].width, maxWidth)
            lines.append(paragraph.makeCJKParaLine(U[lineStartPos:i], maxWidth, widthUsed, extraSpace, lineBreak,
                                                   calcBounds))
            try:
                maxWidth = maxWidths[len(lines)]
            except IndexError:
                maxWidth = maxWidths[-1]
            lineStartPos = i
            widthUsed = 0
    if widthUsed > 0:
        lines.append(paragraph.makeCJKParaLine(U[lineStartPos:], maxWidth, widthUsed, maxWidth - widthUsed, False,
                                               calcBounds))
    return paragraph.ParaLines(kind=1, lines=lines)


def dumb_split(word, widths, maxWidths):
    """reportlab's ``textsplit.dumbSplit`` with the line end changed (see the module)."""
    if not isinstance(maxWidths, (list, tuple)):
        maxWidths = [maxWidths]
    lines = []
    i = widthUsed = lineStartPos = 0
    maxWidth = maxWidths[0]
    nW = len(word)
    while i < nW:
        w = widths[i]
        c = word[i]
        widthUsed += w
        i += 1
        if widthUsed > maxWidth + _FUZZ and widthUsed > 0:
            extraSpace = maxWidth - widthUsed
            if ord(c) < 0x3000:
                limitCheck = (lineStartPos + i) >> 1
                for j in range(i - 1, limitCheck, -1):
                    cj = word[j]
                    if category(cj) == "Zs" or ord(cj) >= 0x3000:
                        k = j + 1
                        if k < i:
                            j = k + 1
                            extraSpace += sum(widths[j:i])
                            w = widths[k]
                            c = word[k]
                            i = j
                            break
            if c not in CANNOT_START and i > lineStartPos + 1:
                i -= 1
                extraSpace += w
            elif c in CANNOT_START and i > lineStartPos + 2:
                i -= 2
                extraSpace += w + widths[i]
            if word[i - 1] in CANNOT_END and i > lineStartPos + 1:
                i -= 1
                extraSpace += widths[i]
            lines.append([extraSpace, word[lineStartPos:i].strip()])
            try:
                maxWidth = maxWidths[len(lines)]
            except IndexError:
                maxWidth = maxWidths[-1]
            lineStartPos = i
            widthUsed = 0
    if widthUsed > 0:
        lines.append([maxWidth - widthUsed, word[lineStartPos:]])
    return lines


def install() -> None:
    """Use these line breakers in every reportlab Paragraph of this process."""
    paragraph.cjkFragSplit = cjk_frag_split
    textsplit.dumbSplit = dumb_split
