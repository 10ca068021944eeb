"""Customers as intake needs them (the full archive comes later)."""
from __future__ import annotations

import re
import unicodedata

import peewee as pw

from . import numbering
from .db import is_postgres, write_transaction
from .errors import ValidationError, tx
from .models import Customer

CATEGORIES = ("dealer", "retailer", "agent", "end_user")
PHONE_RE = re.compile(r"^\+?[0-9][0-9\- ]{5,19}$")
SEARCH_LIMIT = 50


def clean(text: str) -> str:
    """Full-width to half-width, stray spaces collapsed (NFKC keeps CJK)."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text or "")).strip()


def pinyin_initials(name: str) -> str:
    try:
        from pypinyin import Style, lazy_pinyin
    except ImportError:  # pragma: no cover - dependency is declared
        return ""
    return "".join(p[0] for p in lazy_pinyin(name, style=Style.FIRST_LETTER, errors="ignore") if p).lower()


def search_text_for(code: str, name: str, phone: str) -> str:
    digits = re.sub(r"\D", "", phone)
    return " ".join(x for x in (name.lower(), code.lower(), digits, pinyin_initials(name)) if x)


def validate(name: str, phone: str, category: str) -> dict[str, str]:
    errors = {}
    if not clean(name):
        errors["name"] = tx("Name is required.")
    if phone and not PHONE_RE.match(clean(phone)):
        errors["phone"] = tx("Phone should be digits, e.g. 13800138000 or 010-62888899.")
    if category not in CATEGORIES:
        errors["category"] = tx("Choose a category.")
    return errors


def create_customer(name: str, phone: str = "", category: str = "end_user", address: str = "") -> Customer:
    """Add a customer at the counter; the code is issued from the CU series."""
    name, phone, address = clean(name), clean(phone), clean(address)
    errors = validate(name, phone, category)
    if errors:
        raise ValidationError(errors)
    with write_transaction():
        code = numbering.next_number("CU")
        return Customer.create(code=code, name=name, phone=phone, category=category,
                               address=address, search_text=search_text_for(code, name, phone))


def search(text: str, limit: int = SEARCH_LIMIT) -> list[Customer]:
    """Customers whose name, code, phone or pinyin initials contain ``text``:
    the first ``limit`` found, names that start with it first, then by name.

    No ORDER BY in SQL: sorting every match by name made the first keystrokes
    (thousands of matches) the slowest; the popup shows ``limit`` rows and
    the clerk types on until the customer is among them.
    """
    q = clean(text).lower()
    if not q:
        return []
    digits = re.sub(r"[\s\-]", "", q)
    needle = digits if digits.isdigit() else q
    found = list(Customer.select().where(_contains(Customer.search_text, needle)).limit(limit))
    found.sort(key=lambda c: (not c.search_text.startswith(needle), c.name))
    return found


def _contains(field, needle: str):
    """``field LIKE '%needle%'``. search_text is lower-case already, so a
    case-sensitive LIKE is right, and on PostgreSQL four times faster than the
    ILIKE that peewee's contains() emits (and it can use the trigram index)."""
    if not is_postgres():
        return field.contains(needle)  # LIKE on SQLite and MariaDB, wildcards escaped
    escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return pw.Expression(field, "LIKE", f"%{escaped}%")
