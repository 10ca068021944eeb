"""The in/out register printed as the book's pages (用户产品进出登记本, §4.2).

    pdf = register_print.render_book(user, date(2026, 11, 1), date(2026, 11, 30), lang="zh_CN")

Every row written from the first day to the last (both included), oldest
first as the book reads, read a page at a time by key (``at``, ``id``:
app.domain.core.paging) and handed to the document as they are read, so
a month of a busy shop (~9 000 rows) is never in memory at once; a
correction and a void carry the number of the row they correct, a row a
later row corrects the number of that row. The whole book is read in one
snapshot (REPEATABLE READ on the servers, one read transaction on SQLite):
rows written at another counter while it prints are not half in it.

Printing the book is reading the register: the right ``register.read``.
"""
from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator

import peewee as pw

from app.domain.core import paging, settings
from app.domain.core.db import database
from app.domain.core.errors import ValidationError, tx
from app.domain.core.models import User, now
from app.domain.core.permissions import require
from app.domain.counter import register
from app.domain.counter.models import RegisterEntry
from app.printing.counter.register_book import RegisterBookData, RegisterBookLine

#: Rows read per query.
PAGE = 500
#: A range holding more rows than this is refused: print it a month at a time
#: (a month of a busy shop is ~9 000 rows, ~440 pages, 3–5 s: tools/benchmark_register_book.py).
MAX_ROWS = 30_000


def check_range(date_from: dt.date | None, date_to: dt.date | None) -> None:
    """The range is two days, the first not after the last."""
    errors = {}
    if date_from is None:
        errors["date_from"] = tx("Give the first day of the range.")
    if date_to is None:
        errors["date_to"] = tx("Give the last day of the range.")
    if not errors and date_to < date_from:
        errors["date_to"] = tx("The range ends ({end}) before it starts ({start}).", start=date_from.isoformat(),
                               end=date_to.isoformat())
    if errors:
        raise ValidationError(errors)


def count_rows(date_from: dt.date, date_to: dt.date, cap: int | None = None) -> tuple[int, bool]:
    """(rows in the range, more than ``cap`` (:data:`MAX_ROWS`)?), as the print dialog shows them."""
    return paging.capped_count(register.query(date_from, date_to), MAX_ROWS if cap is None else cap)


def book_data(user: User | None, date_from: dt.date | None, date_to: dt.date | None) -> RegisterBookData:
    """The book of the range, its rows read lazily (consume them inside
    :func:`snapshot`, as :func:`render_book` does). Refused: a user
    without ``register.read``, a range that ends before it starts, a range
    with no rows, and one with more than :data:`MAX_ROWS`."""
    require(user, "register.read")
    check_range(date_from, date_to)
    n, more = count_rows(date_from, date_to)
    span = dict(start=date_from.isoformat(), end=date_to.isoformat())
    if more:
        raise ValidationError({"range": tx("More than {limit} rows from {start} to {end}: print the book a "
                                           "month at a time.", limit=f"{MAX_ROWS:,}", **span)})
    if n == 0:
        raise ValidationError({"range": tx("The register has no rows from {start} to {end}.", **span)})
    return RegisterBookData(company=settings.company(), date_from=date_from, date_to=date_to,
                            rows=book_rows(date_from, date_to), printed_at=now(),
                            printed_by=user.display_name if user else "")


def book_rows(date_from: dt.date, date_to: dt.date, page: int = PAGE) -> Iterator[RegisterBookLine]:
    """The rows of the range oldest first (time, then id), ``page`` per query."""
    query = register.query(date_from, date_to)
    order = [(RegisterEntry.at, False)]
    after = None
    while True:
        keys = paging.page_keys(query, order, RegisterEntry.id, after, page)
        if not keys:
            return
        lines = _lines([k[0] for k in keys])
        for key in keys:
            yield lines[key[0]]
        if len(keys) < page:
            return
        after = keys[-1]


def _lines(ids: list[int]) -> dict[int, RegisterBookLine]:
    """The book's lines of the rows ``ids``: the clerk, the number of the
    row each corrects and of the row that corrects it joined in."""
    r, corrected, clerk = RegisterEntry, RegisterEntry.alias(), User.alias()
    later: dict[int, tuple[str, str]] = {}
    for c, number, direction in (r.select(r.corrects, r.number, r.direction).where(r.corrects.in_(ids))
                                 .order_by(r.id).tuples()):
        later.setdefault(c, (number, direction))      # a row is corrected once; the first if ever more
    q = (r.select(r.id, r.number, r.at, r.direction, r.serial, r.product, r.customer_name, r.items, r.person, r.note,
                  clerk.display_name, corrected.number)
         .join_from(r, clerk, pw.JOIN.LEFT_OUTER, on=(r.user == clerk.id))
         .join_from(r, corrected, pw.JOIN.LEFT_OUTER, on=(r.corrects == corrected.id))
         .where(r.id.in_(ids)).tuples())
    out = {}
    for (id_, number, at, direction, serial, product, customer, items, person, note, clerk_name,
         corrects) in q:
        by, by_direction = later.get(id_, ("", ""))
        out[id_] = RegisterBookLine(number=number, at=at, direction=direction, serial=serial, product=product,
                                    customer=customer, items=items or "", person=person or "",
                                    clerk=clerk_name or "", note=note or "", corrects=corrects or "",
                                    corrected_by=by, corrected_by_void=by_direction == "void")
    return out


@contextlib.contextmanager
def snapshot():
    """One read transaction that sees one moment of the database:
    REPEATABLE READ on PostgreSQL and MariaDB (the pages of a long book
    are read by separate queries), a deferred transaction on SQLite (in
    WAL mode a reader keeps its snapshot while the counters write)."""
    db = database.obj
    if isinstance(db, pw.PostgresqlDatabase):
        with db.atomic():
            db.execute_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield
    elif isinstance(db, pw.MySQLDatabase):
        with db.atomic("REPEATABLE READ"):
            yield
    else:
        with db.atomic():
            yield


def render_book(user: User | None, date_from: dt.date | None, date_to: dt.date | None, *, lang: str = "zh_CN",
                font=None) -> bytes:
    """The book of the range as PDF (A4 landscape), read in one snapshot."""
    from app.printing.counter.register_book import render_register_book

    with snapshot():
        return render_register_book(book_data(user, date_from, date_to), lang=lang, font=font)
