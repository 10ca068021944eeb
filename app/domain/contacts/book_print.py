"""The contact register printed as the book's pages (客服登记本, §4.2).

    pdf = book_print.render_book(user, date(2026, 11, 1), date(2026, 11, 30), lang="zh_CN")

Every line written from the first day to the last (both included), oldest
first as the book reads, read in one snapshot (the in/out register's:
REPEATABLE READ on the servers, one read transaction on SQLite), so lines
written at another station while it prints are not half in it. A
correction carries the number of the line it corrects and its reason; a
line a later line corrects, the number of that line; a follow-up done, the
number of the line that did it.

Printing the book is reading the register: the right ``contacts.read``.
"""
from __future__ import annotations

import datetime as dt

from app.domain.contacts import register
from app.domain.contacts.models import ContactEntry
from app.domain.core import paging, settings
from app.domain.core.errors import ValidationError, tx
from app.domain.core.models import User, now
from app.domain.core.permissions import require
from app.domain.counter.models import Job
from app.domain.counter.register_print import check_range, snapshot
from app.printing.contacts.contact_book import ContactBookData, ContactBookLine

#: A range holding more lines than this is refused: print it a month at a time
#: (a busy desk writes ~40 lines a day, ~1 000 a month: ~60 pages, about 4 s).
MAX_LINES = 5_000


def count_lines(date_from: dt.date, date_to: dt.date, cap: int | None = None) -> tuple[int, bool]:
    """(lines in the range, more than ``cap`` (:data:`MAX_LINES`)?)."""
    return paging.capped_count(register.query(date_from, date_to), MAX_LINES if cap is None else cap)


def book_data(user: User | None, date_from: dt.date | None, date_to: dt.date | None) -> ContactBookData:
    """The book of the range. Refused: a user without ``contacts.read``, a
    range that ends before it starts, one with no lines, and one with more
    than :data:`MAX_LINES`."""
    require(user, "contacts.read")
    check_range(date_from, date_to)
    n, more = count_lines(date_from, date_to)
    span = dict(start=date_from.isoformat(), end=date_to.isoformat())
    if more:
        raise ValidationError({"range": tx("More than {limit} lines from {start} to {end}: print the book a "
                                           "month at a time.", limit=f"{MAX_LINES:,}", **span)})
    if n == 0:
        raise ValidationError({"range": tx("The contact register has no lines from {start} to {end}.", **span)})
    return ContactBookData(company=settings.company(), date_from=date_from, date_to=date_to,
                           lines=book_lines(date_from, date_to), printed_at=now(),
                           printed_by=user.display_name if user else "")


def book_lines(date_from: dt.date, date_to: dt.date) -> list[ContactBookLine]:
    """The range's lines oldest first (time, then number), with what the book prints of each."""
    e = ContactEntry
    lines = list(register.query(date_from, date_to).order_by(e.at, e.id))
    if not lines:
        return []
    ids = [x.id for x in lines]
    users = {u.id: u.display_name for u in User.select(User.id, User.display_name)}
    later: dict[int, tuple[str, bool]] = {}
    for corrects, number, voided in (e.select(e.corrects, e.number, e.voided).where(e.corrects.in_(ids))
                                     .order_by(e.id).tuples()):
        later.setdefault(corrects, (number, bool(voided)))
    done: dict[int, str] = {}
    for follows, number in e.select(e.follows_up, e.number).where(e.follows_up.in_(ids)).order_by(e.id).tuples():
        done.setdefault(follows, number)
    refs = {x.corrects_id for x in lines if x.corrects_id}
    numbers = dict(e.select(e.id, e.number).where(e.id.in_(list(refs))).tuples()) if refs else {}
    job_ids = {x.job_id for x in lines if x.job_id}
    jobs = dict(Job.select(Job.id, Job.number).where(Job.id.in_(list(job_ids))).tuples()) if job_ids else {}
    out = []
    for x in lines:
        follow = f"{users.get(x.follow_up_by_id, '')}\n{x.follow_up_due:%Y-%m-%d}" if x.follow_up_due else ""
        out.append(ContactBookLine(
            number=x.number, at=x.at, direction=x.direction, channel=x.channel, kind=x.kind,
            customer=x.customer_name, caller=x.caller_name, phone=x.caller_phone, matter=x.matter, answer=x.answer,
            taken_by=users.get(x.user_id, ""), follow_up=follow.strip(), follow_up_done=done.get(x.id, ""),
            job=jobs.get(x.job_id, ""), corrects=numbers.get(x.corrects_id, ""), voided=x.voided, note=x.note,
            corrected_by=later.get(x.id, ("", False))[0], corrected_by_void=later.get(x.id, ("", False))[1]))
    return out


def render_book(user: User | None, date_from: dt.date | None, date_to: dt.date | None, *, lang: str = "zh_CN",
                font=None) -> bytes:
    """The book of the range as PDF (A4 landscape), read in one snapshot."""
    from app.domain.core import printed
    from app.printing.contacts.contact_book import render_contact_book

    with snapshot():
        data = book_data(user, date_from, date_to)
    return printed.laid_out(render_contact_book, data, lang=lang, font=font)
