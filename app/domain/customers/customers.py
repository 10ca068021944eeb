"""Customers: adding one, the search-as-you-type box, and the text helpers
the archive shares (:func:`search_text_for`, :func:`validate`).

The full archive (every field, contacts, addresses, access, history) is
:mod:`app.domain.customers.archive`; this module stays small because the counter's
intake box imports it at start-up.
"""
from __future__ import annotations

import re

import peewee as pw

from app.domain.core import limits, numbering, operations, phones
from app.domain.core.db import is_mysql, is_postgres, write_transaction
from app.domain.core.errors import ValidationError, tx
from app.domain.core.permissions import can, require
from app.domain.core.text import clean, keep, needle
from app.domain.customers.models import Customer

CATEGORIES = ("dealer", "retailer", "agent", "end_user")
#: The trade partners whom §2.2 has investigated and the manager approve
#: before they are customers (an end user is simply served).
TRADE_CATEGORIES = ("dealer", "retailer", "agent")


def starts_under_investigation(user, category: str) -> bool:
    """§2.2: a dealer, retailer or agent added at the counter or by business
    staff starts as a prospect, under investigation, until the manager
    decides (app.domain.customers.selection). Added by the manager, or by
    the archive's keeper filing an existing partner's archive (he keeps the
    status anyway), or by the system (``user`` None: demo data), it starts
    active."""
    return (category in TRADE_CATEGORIES and user is not None and not can(user, "customer.select.decide")
            and not can(user, "customer.archive.edit"))
# Kept for older callers; phones are checked by :func:`app.domain.core.phones.normalise`.
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
    phone digits (the canonical number's; an extension's apart) and the
    pinyin initials of both names ("bjhd")."""
    digits = phones.search_key(phones.normalise_or_keep(phone))
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
    if phone:
        _value, message = phones.check(phone)
        if message:
            errors["phone"] = message
    if category not in CATEGORIES:
        errors["category"] = tx("Choose a category.")
    return errors


def create_customer(name: str, phone: str = "", category: str = "end_user", address: str = "", *,
                    user) -> Customer:
    """Add a customer (at the counter or in the archive); the code is issued
    from the CU series. ``user`` needs "customer.create" (None: the system).
    A dealer, retailer or agent added by anyone but the manager is a
    prospect, under investigation, until the manager decides
    (:func:`starts_under_investigation`, §2.2).

    The phone is stored in its canonical form (:mod:`app.domain.core.phones`);
    a number another customer has too is allowed (see :func:`with_phone`,
    which the forms use to warn before saving).

    Raises PermissionDenied, or ValidationError({"name"|"phone"|"category": message}).
    The rest of the archive is filled in with :func:`app.domain.customers.archive.save_archive`.
    """
    require(user, "customer.create")
    name, address = clean(name), keep(address)
    errors = validate(name, phone, category)
    limits.field_problem(Customer.address, address, "address", errors)
    if errors:
        raise ValidationError(errors)
    phone = phones.normalise(phone)
    status = "prospect" if starts_under_investigation(user, category) else "active"
    with write_transaction():
        code = numbering.next_number("CU")
        return operations.result(Customer.create(code=code, name=name, phone=phone, category=category,
                                                 address=address, status=status,
                                                 search_text=search_text_for(code, name, phone)))


def with_phone(phone: str, exclude_id: int | None = None, limit: int = 10) -> list[Customer]:
    """The customers (at most ``limit``, by code) who already have the number
    ``phone``, however either was written: as the customer's phone or a
    contact's phone or mobile. [] for an empty or unreadable number.

    A new customer with such a number is a likely duplicate: the new-customer
    forms show these before saving (without refusing the save)."""
    from app.domain.customers.models import CustomerContact

    value, error = phones.check(phone)
    if error or not value:
        return []
    ids = Customer.select(Customer.id).where(Customer.phone == value)
    via_contacts = CustomerContact.select(CustomerContact.customer).where(
        (CustomerContact.phone == value) | (CustomerContact.mobile == value))
    query = Customer.select().where(Customer.id.in_(ids) | Customer.id.in_(via_contacts))
    if exclude_id is not None:
        query = query.where(Customer.id != exclude_id)
    return list(query.order_by(Customer.code).limit(limit))


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
    """What a search box's text is looked for as: lower case; a phone number
    (or the start of one), however written, as the digits the search text
    holds ("+86 138-0013" -> "1380013", "(010) 6255 1234" -> "01062551234")."""
    q = needle(text).lower()
    digits = phones.search_digits(q)
    return digits if digits else q


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
