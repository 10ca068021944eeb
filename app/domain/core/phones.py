"""Phone numbers: one normaliser for intake, the archive, the import, the
search and duplicate detection.

A number is stored in ONE canonical form, whatever way it was typed:

=====================  ==================================  =========================
kind                   typed as (examples)                  stored as
=====================  ==================================  =========================
mobile                 ``+86 184 9746 5075``,              ``18497465075``
                       ``0086-138-0013-8000``,
                       ``138 0013 8000``, ``180-1815-9083``,
                       ``013800138000``,
                       full-width ``１３８００１３８０００``
landline               ``(010) 6255 1234``, ``010-62551234``,  ``010-62551234``
                       ``+86 10 6255 1234``, ``01062551234``
landline, extension    ``010-62551234 转8001``,             ``010-62551234 转8001``
                       ``010-62551234 ext. 8001``,
                       ``010-62551234-8001``, ``… 分机 8001``
local number           ``6255 1234`` (no area code)         ``62551234``
service number         ``400 810 8888``, ``800-820-8820``   ``400-810-8888``
abroad                 ``+852 2123 4567``, ``001 212 …``    ``+85221234567``
=====================  ==================================  =========================

The area code of a landline is the part in brackets or before the first
dash when the clerk wrote one; otherwise 010 and 02x are three digits
(Beijing, Shanghai, Guangzhou, ...), every other area code four. A local
number has 7 or 8 digits; an extension 1 to 6.

:func:`key` is what two numbers are compared by (the digits of the
canonical form; an extension after "x"), :func:`same_number` compares two
numbers as typed, :func:`search_digits` turns what is typed into a search
box into the digits the search text holds.
"""
from __future__ import annotations

import re
import unicodedata

from app.domain.core.errors import tx

# A mobile number: 11 digits, 13x-19x.
MOBILE_RE = re.compile(r"1[3-9]\d{9}")
_LABEL = re.compile(r"^(?:联系电话|电话号码|手机号码|手机号|电话|手机|座机|固话|tel|phone|mobile|mob)\s*[:：.]?\s*", re.I)
_EXTENSION = re.compile(r"\s*(?:转|分机号?|ext\.?|extension|x|#)\s*(\d{1,6})\s*$", re.I)
_SEPARATORS = re.compile(r"[\s\-.()（）/]+")
_ALLOWED = re.compile(r"^[\d\s\-.()（）/+]*$")
_EXAMPLE = "13800138000, 010-62551234, 010-62551234 转8001"


class PhoneError(ValueError):
    """Not a phone number; ``message`` says why, for the field."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _prepare(text) -> str:
    t = unicodedata.normalize("NFKC", str(text if text is not None else "")).strip()
    t = t.replace("—", "-").replace("－", "-").replace("–", "-")
    return _LABEL.sub("", t).strip()


def normalise(text) -> str:
    """The canonical form of a phone number as typed ("" for nothing typed).

    Raises :class:`PhoneError` for text that is no phone number (letters,
    too few or too many digits), with a message for the form.
    """
    t = _prepare(text)
    if not t:
        return ""
    extension = ""
    m = _EXTENSION.search(t)
    if m and m.start() > 0:
        extension, t = m.group(1), t[:m.start()].strip()
    if not _ALLOWED.match(t) or not re.search(r"\d", t):
        raise PhoneError(tx("This is not a phone number: use digits, e.g. {example}.", example=_EXAMPLE))
    abroad = None
    body = t
    m = re.match(r"^(?:\+|00)\s*(\d[\d\s\-.()（）]*)$", t)
    if m:  # an international prefix: +86 / 0086 is China, anything else abroad
        rest = m.group(1)
        if re.match(r"^86\D*", rest):
            body = re.sub(r"^86[\s\-.]*", "", rest)
            body = re.sub(r"^[(（]0[)）]\s*", "", body)   # +86 (0)10 ...
            if not body.startswith("0") and not MOBILE_RE.fullmatch(_digits(body)) \
                    and not re.match(r"^[48]00", _digits(body)):
                body = "0" + body                        # +86 10 6255 1234: the area code's 0
        else:
            abroad = _digits(rest)
    elif re.fullmatch(r"86" + MOBILE_RE.pattern, _digits(t)):
        body = _digits(t)[2:]                            # 8613800138000
    if abroad is not None:
        if not 7 <= len(abroad) <= 15:
            raise PhoneError(tx("An international number has 7 to 15 digits after the +."))
        return "+" + abroad + (" 转" + extension if extension else "")
    digits = _digits(body)
    if len(digits) < 7:
        raise PhoneError(tx("Too few digits for a phone number ({n}); e.g. {example}.", n=len(digits),
                            example=_EXAMPLE))
    if re.fullmatch("0" + MOBILE_RE.pattern, digits):
        digits = digits[1:]                              # 013800138000: a mobile dialled with a trunk 0
    if digits.startswith("1"):
        if MOBILE_RE.fullmatch(digits):
            if extension:
                raise PhoneError(tx("A mobile number has no extension."))
            return digits
        raise PhoneError(tx("A mobile number has 11 digits, e.g. 13800138000 (this one has {n}).", n=len(digits)))
    if re.fullmatch(r"[48]00\d{7}", digits):
        if extension:
            return f"{digits[:3]}-{digits[3:6]}-{digits[6:]} 转{extension}"
        return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
    if digits.startswith("0"):
        area, local, extra = _split_landline(body)
        if extra:
            if extension:
                raise PhoneError(tx("Too many digits for a phone number; write an extension as 转8001."))
            extension = extra
        return f"{area}-{local}" + (" 转" + extension if extension else "")
    if len(digits) > 8:
        raise PhoneError(tx("Too many digits for a local number: a landline starts with its area code, "
                            "e.g. 010-62551234."))
    return digits + (" 转" + extension if extension else "")


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _split_landline(body: str) -> tuple[str, str, str]:
    """(area code, local number, extension) of a landline starting with 0."""
    body = body.strip()
    m = re.match(r"^[(（]\s*(0\d{2,3})\s*[)）]\s*-?\s*(.*)$", body) or re.match(r"^(0\d{2,3})\s*-\s*(.*)$", body)
    if m:
        area, rest = m.group(1), m.group(2)
    else:
        digits = _digits(body)
        n = 3 if digits[:2] in ("01", "02") else 4
        area, rest = digits[:n], _rest_after(body, n)
    groups = [g for g in _SEPARATORS.split(rest) if g]
    local, used = "", 0
    for g in groups:
        if len(local) >= 7 and (len(local) == 8 or len(local) + len(g) > 8):
            break   # the local number is complete: what follows is an extension
        local += g
        used += 1
    extra = "".join(groups[used:])
    if len(local) < 7:
        raise PhoneError(tx("Too few digits for a landline: the area code and 7 or 8 digits, "
                            "e.g. 010-62551234."))
    if len(local) > 8 or len(extra) > 6:
        raise PhoneError(tx("Too many digits for a landline: {area} and 7 or 8 digits, "
                            "an extension after 转.", area=area))
    return area, local, extra


def _rest_after(body: str, n: int) -> str:
    """``body`` after its first ``n`` digits."""
    seen = 0
    for i, ch in enumerate(body):
        if ch.isdigit():
            seen += 1
            if seen == n:
                return body[i + 1:]
    return ""


def check(text) -> tuple[str, str | None]:
    """(canonical form, None), or (the text as typed, the message) when it is no phone number."""
    try:
        return normalise(text), None
    except PhoneError as exc:
        return str(text if text is not None else "").strip(), exc.message


def normalise_or_keep(text) -> str:
    """The canonical form, or the text as it is when it cannot be read (old data is never lost)."""
    value, error = check(text)
    return str(text if text is not None else "") if error else value


def is_mobile(phone: str) -> bool:
    """Is the canonical ``phone`` a mobile number?"""
    return bool(MOBILE_RE.fullmatch(phone or ""))


def key(text) -> str:
    """What numbers are matched by: the canonical form's digits, an extension
    after "x" ("01062551234x8001"); "" for nothing or for no phone number
    (its digits, then, so that two same unreadable numbers still match)."""
    value, error = check(text)
    if error:
        return _digits(unicodedata.normalize("NFKC", str(text or "")))
    main, _, ext = value.partition(" 转")
    return _digits(main) + ("x" + ext if ext else "")


def same_number(a, b) -> bool:
    """Are ``a`` and ``b`` the same number, however each was written?"""
    ka, kb = key(a), key(b)
    return bool(ka) and ka == kb


def search_digits(text) -> str:
    """The digits a search for ``text`` looks for in a search text, or "" if
    ``text`` is no phone number (nor the start of one): "+86 138 0013" ->
    "1380013", "(010) 6255-1234" -> "01062551234", "010-62551234 转8001" ->
    "01062551234"."""
    t = _prepare(text)
    if not t:
        return ""
    try:
        value = normalise(t)
    except PhoneError:
        value = ""
    if value:
        return _digits(value.partition(" 转")[0])
    if not _ALLOWED.match(t):
        return ""
    digits = _digits(t)
    m = re.match(r"^\s*(?:\+|00)\s*86[\s\-.]*", t)
    if m:
        digits = _digits(t[m.end():])
    return digits


def search_key(phone: str) -> str:
    """What a stored (canonical) number puts into a customer's search text:
    its digits, and an extension's digits after a space."""
    main, _, ext = (phone or "").partition(" 转")
    return " ".join(x for x in (_digits(main), _digits(ext)) if x)
