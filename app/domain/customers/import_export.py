"""Customers in and out: export of the overview (.xlsx, .csv), import from
the lists an office really keeps (.xlsx, .csv), and the data of the two
printed documents. Every export, import and print is written to the access
log (§2.1.4).

Import is two steps, and nothing is written before the second:

    pv = customer_io.preview("客户名单.xlsx", user)   # parse and check every row
    for row in pv.rows: row.line, row.status, row.messages   # shown to the user
    result = customer_io.commit(pv, user)              # one transaction

The file reading and row checks live in :mod:`app.domain.customers.import_file`.
"""
from __future__ import annotations

import os
from dataclasses import dataclass

from app.domain.core import numbering, phones, settings, sheets
from app.domain.core.db import write_transaction
from app.domain.core.errors import ConcurrentChange, ValidationError, tx
from app.domain.core.models import User, now
from app.domain.customers import access, archive
from app.domain.customers.customers import search_text_for
from app.domain.customers.import_file import ImportPreview, ImportRow, parse_file  # noqa: F401 - re-exported
from app.domain.customers.models import Customer, CustomerContact
from app.domain.customers.overview import OverviewQuery
from app.printing.customers import labels as labels
from app.printing.customers.data import (AddressLine, ArchiveCardData, ChangeLine, ContactLine, OverviewLine,
                                         OverviewPrintData)

#: The most rows one printout of the overview carries (about 120 A4 pages).
PRINT_LIMIT = 3000


@dataclass
class ImportResult:
    created: int
    skipped: int          # rows with errors, or left out by the user
    codes: list[str]      # the codes issued, in file order


def export_overview(user: User | None, q: OverviewQuery, path: str | os.PathLike, lang: str = "zh_CN") -> int:
    """Write the overview as filtered and sorted to ``path`` (.xlsx or .csv,
    UTF-8 with BOM so Excel reads the Chinese); return the number of rows.
    Written by :func:`app.domain.core.sheets.write_table`: text never runs
    as a formula, empty cells stay empty; in the .xlsx the credit limit is a
    number and the date a date, the phone and the code text.
    Needs "customer.export" (a refusal is logged too); logged as "export".
    Raises ValidationError({"path": ...})."""
    access.require_logged(user, "customer.export", "export")
    path = os.fspath(path)
    ext = os.path.splitext(path)[1].lower()
    if ext not in (".xlsx", ".csv"):
        raise ValidationError({"path": tx("Export to a .xlsx or .csv file.")})
    t = labels.AL(lang)
    header = [t[c] for c in labels.OVERVIEW_COLUMNS]
    lines = (_line_values(r, lang) for r in q.rows())
    n = sheets.write_table(path, header, lines, title=t["overview_title"],
                           widths=(16, 36, 14, 12, 18, 16, 8, 14, 10, 12, 12))
    access.record(user, None, "export", f"{os.path.basename(path)}: {n}; {describe(q)}")
    return n


def _line_values(r, lang: str) -> list:
    return [r.code, r.name, r.short_name, labels.code("category", r.category, lang), r.region,
            r.phone, r.credit_rating, r.credit_limit, labels.code("status", r.status, lang),
            r.responsible, r.cooperation_since]


def describe(q: OverviewQuery) -> str:
    """The filter in one line, for the log."""
    f = q.filter
    parts = [f"{k}={v}" for k, v in (("text", f.text), ("category", f.category), ("region", f.region),
                                     ("credit", f.credit_rating), ("status", f.status),
                                     ("responsible", f.responsible_id or "")) if v]
    return ", ".join(parts) or "all"


def preview(path: str | os.PathLike, user: User | None, strict: bool = False) -> ImportPreview:
    """Read and check a customer list; write nothing. Needs "customer.import".

    Each row gets status "ok", "warning" (imported; e.g. cleaned, no phone,
    a phone another customer has, a field that could not be read and is
    left empty: a date "不详" or in the future, an unknown credit rating)
    or "error" (not imported: no name, a name that is a formula without a
    value, a duplicate name in the file or the archive, ...), with
    ``messages`` [(field, message)]. ``strict``: a field that cannot be read
    is an error, and its row is not imported. Credit words ("AA", "良好")
    are read through :data:`app.domain.customers.import_file.CREDIT_WORDS`;
    those met are ``credit_words``. Raises ValidationError({"file": ...})
    when the file cannot be read or has no name column.
    """
    access.require_logged(user, "customer.import", "import")
    return parse_file(os.fspath(path), strict=bool(strict))


def commit(pv: ImportPreview, user: User | None) -> ImportResult:
    """Import the rows of ``pv`` that have no error and are ``included``, in
    one transaction; logged as "import". Raises ConcurrentChange (nothing
    written) if a customer of the same name was added since the preview."""
    access.require_logged(user, "customer.import", "import")
    rows = [r for r in pv.rows if r.status != "error" and r.include]
    codes = []
    with write_transaction():
        names = [r.values["name"] for r in rows]
        wanted, taken = {n.casefold() for n in names}, set()
        for k in range(0, len(names), 500):
            # Compared again here: MariaDB's collation calls rare characters (𠮷, 𡈽) equal.
            taken |= {n for (n,) in Customer.select(Customer.name).where(Customer.name.in_(names[k:k + 500])).tuples()
                      if n.casefold() in wanted}
        if taken:
            raise ConcurrentChange(tx("Meanwhile {names} were added at another station. Nothing was imported; "
                                      "check the file again.", names="、".join(sorted(taken)[:5])))
        for r in rows:
            v = dict(r.values)
            code = numbering.next_number("CU")
            c = Customer.create(code=code, search_text=search_text_for(code, v["name"], v.get("phone", ""),
                                                                       v.get("short_name", "")), updated_at=now(), **v)
            if r.contact:   # the list's 联系人: the customer's primary contact
                phone = v.get("phone", "")
                mobile = phone if phones.is_mobile(phone) else ""
                CustomerContact.create(customer=c, name=r.contact, mobile=mobile, phone="" if mobile else phone,
                                       is_primary=True)
            codes.append(code)
        access.record(user, None, "import", f"{os.path.basename(pv.path)}: {len(codes)} of {len(pv.rows)} rows")
    return ImportResult(created=len(codes), skipped=len(pv.rows) - len(codes), codes=codes)


def card_data(user: User | None, customer_id: int, changes: int = 8) -> ArchiveCardData:
    """The archive card of one customer, to print; checked and logged as "print"
    (PermissionDenied, logged, for a user who may not read the archive)."""
    a = archive.get_archive(user, customer_id, action="print")
    c = a.customer
    hist = archive.history(user, customer_id, limit=changes, logged=False)   # the "print" row covers it
    return ArchiveCardData(
        company=settings.company(), code=c.code, name=c.name, short_name=c.short_name, category=c.category,
        status=c.status, phone=c.phone, email=c.email, address=c.address, region=c.region,
        business_content=c.business_content, legal_representative=c.legal_representative,
        registered_capital=c.registered_capital, employees=c.employees, tax_id=c.tax_id, bank_name=c.bank_name,
        bank_account=c.bank_account, credit_rating=c.credit_rating, credit_limit=c.credit_limit,
        cooperation_since=c.cooperation_since, annual_volume=c.annual_volume, tier=c.tier,
        responsible=c.responsible.display_name if c.responsible_id else "", notes=c.notes,
        created_at=c.created_at, updated_at=c.updated_at,
        contacts=[ContactLine(x.name, x.title, x.phone, x.mobile, x.email, x.wechat, x.is_primary, x.notes)
                  for x in a.contacts],
        addresses=[AddressLine(x.kind, x.address, x.postcode, x.is_primary) for x in a.addresses],
        changes=[ChangeLine(h.at, h.user.display_name if h.user_id else "", h.field, h.old_value, h.new_value)
                 for h in hist],
        printed_at=now(), printed_by=user.display_name if user else "")


def overview_print_data(user: User | None, q: OverviewQuery, limit: int = PRINT_LIMIT) -> OverviewPrintData:
    """The overview as filtered, to print (at most ``limit`` rows); logged as "print"."""
    access.require_logged(user, "customer.overview", "print")
    rows = [OverviewLine(r.code, r.name, r.short_name, r.category, r.region, r.phone, r.credit_rating,
                         r.credit_limit, r.status, r.responsible, r.cooperation_since) for r in q.page(0, limit)]
    total = len(rows) if len(rows) < limit else q.count()
    f = q.filter
    resp = User.get_or_none(User.id == f.responsible_id) if f.responsible_id else None
    filters = [(k, v) for k, v in (("text", f.text.strip()), ("category", f.category), ("region", f.region),
                                   ("credit_rating", f.credit_rating), ("status", f.status),
                                   ("responsible", resp.display_name if resp else "")) if v]
    access.record(user, None, "print", f"overview: {len(rows)} of {total}; {describe(q)}")
    return OverviewPrintData(company=settings.company(), rows=rows, filters=filters, sort=q.sort, total=total,
                             printed_at=now(), printed_by=user.display_name if user else "")
