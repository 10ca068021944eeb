"""The archive's fields: their codes, how typed text becomes a value, and
the message for each wrong one. Shared by the archive editor
(:mod:`app.domain.customers.archive`) and the import (:mod:`app.domain.customers.import_export`),
so a value is accepted or refused the same way through either door.

Names, codes, phone numbers and the other matched fields are cleaned on
the way in (:func:`app.domain.core.text.clean`: full-width letters and
digits to half-width, stray spaces collapsed); free text (the addresses,
business content, notes) is kept as typed (:func:`app.domain.core.text.keep`:
full-width punctuation and line breaks stay). Every value is then checked
against its column (:mod:`app.domain.core.limits`: type, NUL, length, range,
precision).
"""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from app.domain.core import limits, phones
from app.domain.core.errors import tx
from app.domain.core.models import User
from app.domain.core.records import as_text  # noqa: F401 - re-exported: how the history and the exports write a value
from app.domain.core.text import clean, keep
from app.domain.customers.customers import CATEGORIES
from app.domain.customers.models import Customer, CustomerAddress, CustomerContact

#: Customer statuses. "prospect" and "refused" belong to new-customer
#: selection (:mod:`app.domain.selection`); the others are customers.
STATUSES = ("active", "suspended", "closed", "prospect", "refused")
CUSTOMER_STATUSES = ("active", "suspended", "closed")
CREDIT_RATINGS = ("A", "B", "C", "D")
ADDRESS_KINDS = ("office", "shipping", "billing", "warehouse", "other")

#: Every field of the archive the editor may change (Customer columns;
#: ``code`` is issued once and never changes).
ARCHIVE_FIELDS = ("name", "short_name", "category", "phone", "email", "address", "region", "status",
                  "business_content", "legal_representative", "registered_capital", "employees", "tax_id",
                  "bank_name", "bank_account", "credit_rating", "credit_limit", "cooperation_since",
                  "annual_volume", "tier", "responsible_id", "notes")
#: The company's judgements: only "customer.archive.edit" changes them.
KEEPER_FIELDS = frozenset({"credit_rating", "credit_limit", "status", "responsible_id"})
CONTACT_FIELDS = ("name", "title", "phone", "mobile", "email", "wechat", "is_primary", "notes")
ADDRESS_FIELDS = ("kind", "address", "postcode", "is_primary")

#: Free text, kept as typed (the others are names, codes and numbers: cleaned).
_FREE_TEXT = {"address", "business_content", "notes"}
_DECIMALS = {"registered_capital", "credit_limit", "annual_volume"}
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
TAX_ID_RE = re.compile(r"^[0-9A-Z]{18}$")


def _typed(raw):
    """A text field's value as typed: a string (a whole number, e.g. a phone
    read from a spreadsheet, as its digits); None as ""; anything else is
    returned as it is, for :func:`app.domain.core.limits.problem` to refuse."""
    if raw is None:
        return ""
    if isinstance(raw, int) and not isinstance(raw, bool):
        return str(raw)
    return raw


def _decimal(text: str) -> Decimal | None:
    text = clean(text).replace(",", "").replace("¥", "").replace("￥", "").strip()
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError from None
    if not value.is_finite():
        raise ValueError
    return value


def _date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    text = clean(str(value)).replace("/", "-").replace(".", "-")
    if not text:
        return None
    m = re.fullmatch(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?", text) or re.fullmatch(r"(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?",
                                                                                 text)
    if not m:
        raise ValueError
    return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3) or 1))


def _one(name: str, raw):
    """(value, error message or None) for one archive field."""
    if name == "responsible_id":
        if raw in (None, ""):
            return None, None
        try:
            uid = int(raw.id if isinstance(raw, User) else raw)
        except (TypeError, ValueError):
            return None, tx("Choose a member of staff.")
        if not User.select().where((User.id == uid) & (User.active == True)).exists():  # noqa: E712
            return None, tx("Choose an active member of staff.")
        return uid, None
    if name in _DECIMALS:
        if isinstance(raw, bool) or not isinstance(raw, (str, int, Decimal, type(None))):
            return None, tx("Enter an amount of 0 or more, e.g. 50000 or 12,000.00.")
        try:
            value = raw if isinstance(raw, Decimal) else _decimal(str(raw if raw is not None else ""))
        except ValueError:
            return None, tx("Enter an amount of 0 or more, e.g. 50000 or 12,000.00.")
        return value, limits.problem(Customer._meta.fields[name], value)
    if name == "employees":
        if isinstance(raw, bool) or not isinstance(raw, (str, int, type(None))):
            return None, tx("Enter a whole number of 0 or more.")
        text = clean(str(raw if raw is not None else "")).replace(",", "")
        if not text:
            return None, None
        if not text.isdigit() or len(text) > 9:
            return None, tx("Enter a whole number of 0 or more.")
        return int(text), None
    if name == "cooperation_since":
        try:
            day = _date(raw)
        except ValueError:
            return None, tx("Enter a date as 2021-03-01.")
        if day is not None and day > dt.date.today():
            return None, tx("This date is in the future.")
        return day, None
    text = keep(_typed(raw)) if name in _FREE_TEXT else clean(_typed(raw))
    message = limits.problem(Customer._meta.fields[name], text)
    if message:
        return text, message
    if name == "name" and not text:
        return text, tx("Name is required.")
    if name in ("phone", "mobile") and text:
        return phones.check(text)   # stored in one form: 13800138000, 010-62551234 转8001
    if name == "email" and text and not EMAIL_RE.match(text):
        return text, tx("Enter an e-mail address such as name@example.com.")
    if name == "category" and text not in CATEGORIES:
        return text, tx("Choose a category: dealer, retailer, commissioned agent or end user.")
    if name == "status" and text not in STATUSES:
        return text, tx("Choose a status: active, suspended, closed, prospect or refused.")
    if name == "credit_rating":
        text = text.upper()
        if text and text not in CREDIT_RATINGS:
            return text, tx("The credit rating is A, B, C, D or empty.")
    if name == "tax_id":
        text = text.upper().replace(" ", "")
        if text and not TAX_ID_RE.match(text):
            return text, tx("The unified social credit code has 18 letters and digits.")
    return text, None


def parse_fields(values: dict, *, partial: bool = False) -> tuple[dict, dict]:
    """Archive fields as typed -> (values, {field: message}).

    ``partial``: only the fields given are parsed (an edit); otherwise the
    whole record (a new customer) and a missing name is an error.
    """
    unknown = set(values) - set(ARCHIVE_FIELDS)
    if unknown:
        raise ValueError(f"not archive fields: {sorted(unknown)}")
    names = [n for n in ARCHIVE_FIELDS if n in values] if partial else list(ARCHIVE_FIELDS)
    out, errors = {}, {}
    for name in names:
        if not partial and name not in values:
            if name == "name":
                errors[name] = tx("Name is required.")
            continue
        value, err = _one(name, values[name])
        if err:
            errors[name] = err
        else:
            out[name] = value
    return out, errors


def parse_contact(values: dict) -> tuple[dict, dict]:
    """One contact as typed -> (values incl. "id" if given, {field: message})."""
    out, errors = {"id": values.get("id")}, {}
    for name in CONTACT_FIELDS:
        raw = values.get(name, False if name == "is_primary" else "")
        if name == "is_primary":
            out[name] = bool(raw)
            continue
        text = keep(_typed(raw)) if name == "notes" else clean(_typed(raw))
        message = limits.problem(CustomerContact._meta.fields[name], text)
        if message:
            errors[name] = message
        elif name == "name" and not text:
            errors[name] = tx("Name is required.")
        elif name in ("phone", "mobile") and text:
            text, message = phones.check(text)
            if message:
                errors[name] = message
        elif name == "email" and text and not EMAIL_RE.match(text):
            errors[name] = tx("Enter an e-mail address such as name@example.com.")
        out[name] = text
    if out["id"] is None:
        del out["id"]
    return out, errors


def parse_address(values: dict) -> tuple[dict, dict]:
    """One address as typed -> (values incl. "id" if given, {field: message})."""
    out, errors = {}, {}
    if values.get("id") is not None:
        out["id"] = values["id"]
    out["kind"] = clean(_typed(values.get("kind") or "office"))
    if out["kind"] not in ADDRESS_KINDS:
        errors["kind"] = tx("Choose the kind of address.")
    out["address"] = keep(_typed(values.get("address")))
    out["postcode"] = clean(_typed(values.get("postcode")))
    errors.update(limits.check(CustomerAddress, {"address": out["address"], "postcode": out["postcode"]}))
    if "address" not in errors and not out["address"]:
        errors["address"] = tx("Enter the address.")
    if "postcode" not in errors and out["postcode"] and not re.fullmatch(r"\d{6}", out["postcode"]):
        errors["postcode"] = tx("A postcode has 6 digits.")
    out["is_primary"] = bool(values.get("is_primary"))
    return out, errors
