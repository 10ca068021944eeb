"""Customers: adding one, the search-as-you-type box, and the text helpers
the archive shares (:func:`search_text_for`, :func:`validate`).

The full archive (every field, contacts, addresses, access, history) is
:mod:`app.domain.customers.archive`; this module stays small because the counter's
intake box imports it at start-up.
"""
from __future__ import annotations

import re

import peewee as pw

from app.domain.core import limits, numbering, operations
from app.domain.core.db import is_mysql, is_postgres, write_transaction
from app.domain.core.errors import ValidationError, tx
from app.domain.core.permissions import require
from app.domain.core.text import clean, keep, needle
from app.domain.customers.models import Customer

CATEGORIES = ("dealer", "retailer", "agent", "end_user")
PHONE_RE = re.compile(r"^\+?[0-9][0-9\- ]{5,19}$")
SEARCH_LIMIT = 50


def pinyin_initials(name: str) -> str:
    try:
        from pypinyin import Style, lazy_pinyin
    except ImportError:  # pragma: no cover - dependency is declared
        return ""
    return "".join(p[0] for p in lazy_pinyin(name, style=Style.FIRST_LETTER, errors="ignore") if p).lower()


SEARCH_TEXT_MAX = 540


def search_text_for(code: str, name: str, phone: str, short_name: str = "") -> str:
    """What the search box matches: lower-case name and short name, code,
    phone digits and the pinyin initials of both names ("bjhd")."""
    digits = re.sub(r"\D", "", phone)
    parts = [name.lower(), short_name.lower(), code.lower(), digits, pinyin_initials(name),
             pinyin_initials(short_name) if short_name else ""]
    # Stay inside the column (540): a very long name loses its tail, not the code.
    return " ".join(x for x in parts if x)[:SEARCH_TEXT_MAX]


def validate(name: str, phone: str, category: str) -> dict[str, str]:
    errors = limits.check(Customer, {"name": clean(name), "phone": clean(phone), "category": category})
    if errors:
        return errors
    if not clean(name):
        errors["name"] = tx("Name is required.")
    if phone and not PHONE_RE.match(clean(phone)):
        errors["phone"] = tx("Phone should be digits, e.g. 13800138000 or 010-62888899.")
    if category not in CATEGORIES:
        errors["category"] = tx("Choose a category.")
    return errors


def create_customer(name: str, phone: str = "", category: str = "end_user", address: str = "", *,
                    user) -> Customer:
    """Add a customer (at the counter or in the archive); the code is issued
    from the CU series. ``user`` needs "customer.create" (None: the system).

    Raises PermissionDenied, or ValidationError({"name"|"phone"|"category": message}).
    The rest of the archive is filled in with :func:`app.domain.customers.archive.save_archive`.
    """
    require(user, "customer.create")
    name, phone, address = clean(name), clean(phone), keep(address)
    errors = validate(name, phone, category)
    limits.field_problem(Customer.address, address, "address", errors)
    if errors:
        raise ValidationError(errors)
    with write_transaction():
        code = numbering.next_number("CU")
        return operations.result(Customer.create(code=code, name=name, phone=phone, category=category,
                                                 address=address, search_text=search_text_for(code, name, phone)))


def search(text: str, limit: int = SEARCH_LIMIT) -> list[Customer]:
    """Customers whose name, code, phone or pinyin initials contain ``text``:
    the first ``limit`` found, names that start with it first, then by name.

    No ORDER BY in SQL: sorting every match by name made the first keystrokes
    (thousands of matches) the slowest; the popup shows ``limit`` rows and
    the clerk types on until the customer is among them.
    """
    needle = _needle(text)
    if not needle:
        return []
    # Ids first, then the rows: the scan then reads only search_text (on
    # MariaDB from a covering index: 117 -> 46 ms for a string that matches
    # nobody in 100 000 wide archive rows).
    ids = [i for (i,) in Customer.select(Customer.id).where(_contains(Customer.search_text, needle))
           .limit(limit).tuples()]
    found = list(Customer.select().where(Customer.id.in_(ids))) if ids else []
    found.sort(key=lambda c: (not c.search_text.startswith(needle), c.name))
    return found


def _needle(text: str) -> str:
    """What a search box's text is looked for as: lower case; a phone number without its spaces and dashes."""
    q = needle(text).lower()
    digits = re.sub(r"[\s\-]", "", q)
    return digits if digits.isdigit() else q


def text_condition(expr, text: str):
    """``expr`` (a search text, or a query of one) contains ``text`` as :func:`search` matches it."""
    return _contains(expr, _needle(text))


def matching(text: str) -> pw.ModelSelect:
    """The ids of the customers :func:`search` finds for ``text`` (a subquery)."""
    return Customer.select(Customer.id).where(_contains(Customer.search_text, _needle(text)))


def matching_ids(text: str, limit: int) -> list[int]:
    """At most ``limit`` ids of the customers :func:`search` finds for ``text``."""
    if not _needle(text):
        return []
    return [i for (i,) in matching(text).limit(limit).tuples()]


def _contains(field, needle: str):
    """``field`` contains ``needle``, byte for byte (search_text and the
    needle are lower-case already).

    SQLite: LIKE with the wildcards escaped. PostgreSQL: a case-sensitive
    LIKE, four times faster than the ILIKE that peewee's contains() emits,
    and it can use the trigram index. MariaDB: INSTR on the bytes, 30 -> 18 ms
    for 100 000 rows: its LIKE decodes every character through the
    column's collation (and would also match "e" for "é", which the other
    backends do not).
    """
    if is_mysql():
        return pw.fn.INSTR(pw.Cast(field, "BINARY"), pw.Cast(pw.Value(needle), "BINARY")) > 0
    if not is_postgres():
        condition = Customer.search_text.contains(needle)  # LIKE on SQLite, wildcards escaped ...
        condition.lhs = field                              # ... on a column or a subquery's value
        return condition
    escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return pw.Expression(field, "LIKE", f"%{escaped}%")
