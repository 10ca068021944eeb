"""用户产品进出登记本: the product in/out register.

Append-only. Intake writes the "in" row and release the "out" row inside the
job's own transaction, so a job never exists without its register row. A
mistake is corrected by a new row pointing at the row it corrects
(``corrects``); a row written in error is voided by a correction whose
direction is ``void``. Nothing is ever updated or deleted.
"""
from __future__ import annotations

import datetime as dt

import peewee as pw

from app.domain.core import limits, numbering, operations, paging
from app.domain.core.db import database, is_mysql, is_sqlite, lock, write_transaction
from app.domain.core.errors import NotFound, ValidationError, tx
from app.domain.core.models import User
from app.domain.core.permissions import require
from app.domain.core.text import clean, keep, needle
from app.domain.counter import register_totals, workshop
from app.domain.counter.jobs import OPEN_STATES
from app.domain.counter.models import Job, JobItem, RegisterEntry, Unit
from app.domain.customers import customers as customer_search
from app.domain.customers.models import Customer

DIRECTIONS = ("in", "out", "void")


def _items_text(job: Job) -> str:
    return "、".join(i.description for i in job.items.order_by(JobItem.seq))


def write_row(job: Job, direction: str, user: User | None, person: str = "", note: str = "",
              corrects: RegisterEntry | None = None, at: dt.datetime | None = None) -> RegisterEntry:
    """Append a row and count it in the totals (register_totals); call
    inside the transaction that moves the unit. A row that ``corrects``
    another is refused when that row was corrected already: a row is
    superseded once, and the totals count each movement once."""
    if direction not in DIRECTIONS:
        raise ValueError(direction)
    if corrects is not None:
        corrects = _lock_uncorrected(corrects.id)
    unit = job.unit
    product = unit.product
    fields = dict(number=numbering.next_number("JC", at.date() if at else None), direction=direction,
                  job=job, unit=unit, customer=job.customer, serial=unit.serial,
                  # name (200) + model (100) may exceed the copy's 300 characters
                  product=f"{product.name} {product.model}".strip()[:RegisterEntry.product.max_length],
                  customer_name=job.customer.name,
                  items=_items_text(job), person=person, user=user, note=note, corrects=corrects)
    if at is not None:
        fields["at"] = at
    row = RegisterEntry.create(**fields)
    register_totals.row_written(row, corrects)
    return row


def _lock_uncorrected(entry_id: int) -> RegisterEntry:
    """The row ``entry_id``, locked until the transaction ends (PostgreSQL,
    MariaDB; SQLite's write transaction locks the file), if no row corrects
    it yet. Two stations correcting one row: the second waits for the
    first, then finds its correction (a locking read sees the latest
    commit on MariaDB too) and is refused."""
    q = RegisterEntry.select().where(RegisterEntry.id == entry_id)
    row = (q if is_sqlite() else q.for_update()).first()
    if row is None:
        raise NotFound(tx("Register row not found."))
    later = RegisterEntry.select(RegisterEntry.id).where(RegisterEntry.corrects == entry_id).limit(1)
    if (later if is_sqlite() else later.for_update()).exists():
        raise ValidationError({"entry": tx("Row {number} has been corrected already: correct the row that "
                                           "corrects it.", number=row.number)})
    return row


def correct(entry_id: int, user: User | None, note: str, *, direction: str | None = None,
            person: str | None = None) -> RegisterEntry:
    """Write a correction of row ``entry_id``: ``direction='void'`` voids it,
    otherwise the new row states the corrected direction / person."""
    require(user, "register.correct")
    note = keep(note)
    person = clean(person) if person is not None else None
    limits.require(RegisterEntry, {"note": note, "person": person} if person is not None else {"note": note})
    if direction is not None and direction not in DIRECTIONS:
        raise ValidationError({"direction": tx("Choose in, out or void.")})
    if not note:
        raise ValidationError({"note": tx("Say what was wrong with the row.")})
    with write_transaction():
        original = RegisterEntry.get_or_none(RegisterEntry.id == entry_id)
        if original is None:
            raise NotFound(tx("Register row not found."))
        # The job first (as release and cancel do), then look at the row as it
        # is now: two clerks correcting it at once, or a correction racing a
        # cancel of the job, queue here and the second sees the first's row.
        lock(Job, original.job_id)
        if original.direction == "void":
            raise ValidationError({"entry": tx("A voiding row cannot itself be corrected.")})
        later = correction_of(original)
        if later is not None:
            raise ValidationError({"entry": tx("Row {number} was corrected already by row {by}; "
                                               "correct that row instead.", number=original.number,
                                               by=later.number)})
        row = write_row(original.job, direction or original.direction, user,
                        person=original.person if person is None else person, note=note, corrects=original)
        operations.result(row)
    return row


def correction_of(row: RegisterEntry) -> RegisterEntry | None:
    """The row that corrects ``row``, if any."""
    return RegisterEntry.select().where(RegisterEntry.corrects == row.id).order_by(RegisterEntry.id).first()


def latest_of(row: RegisterEntry) -> RegisterEntry:
    """The newest row of ``row``'s chain of corrections (``row`` if none)."""
    seen = {row.id}
    while (later := correction_of(row)) is not None and later.id not in seen:
        seen.add(later.id)
        row = later
    return row


#: A serial or customer search reads at most this many matching units /
#: customers first. Fewer: the register rows of those (an index on
#: (unit_id, at, id) and (customer_id, at, id) gives each one's rows newest
#: first). More (a short, common string): the matches are dense, and
#: walking the register newest first testing each row fills a page soon.
PROBE = 2000


def query(date_from: dt.date | None = None, date_to: dt.date | None = None, direction: str | None = None,
          serial: str = "", customer: str = ""):
    """Register rows, newest first, filtered as the register tab asks.

    ``serial`` matches a part of the serial number (as typed or scanned);
    ``customer`` the customer's name, code, phone or pinyin initials, as
    the intake's customer search does. Both look in the unit and customer
    tables first (200 000 units, 60 000 customers, not 1 000 000 register
    rows): a row's serial is its unit's, copied when it was written, and
    a unit's serial never changes. A substring matches no index; a scan of
    the register's serials for a rare one took ~150 ms on SQLite.
    """
    q = RegisterEntry.select().order_by(RegisterEntry.at.desc(), RegisterEntry.id.desc())
    if date_from:
        q = q.where(RegisterEntry.at >= dt.datetime.combine(date_from, dt.time.min))
    if date_to:
        q = q.where(RegisterEntry.at < dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time.min))
    if direction:
        q = q.where(RegisterEntry.direction == direction)
    serial, customer = needle(serial), needle(customer)
    if serial:
        q = q.where(_serial_matches(serial.upper()))
    if customer:
        q = q.where(_customer_matches(customer))
    return q


#: The serial probe's last answers, by (database, needle, the newest unit's id). Exact:
#: a unit's serial never changes, so only a new unit can change the answer.
#: The register tab asks twice per search (the list, the totals); a scan of
#: 200 000 serials costs 24 ms on MariaDB.
_unit_probes: dict[tuple, list[int]] = {}


def _matching_units(needle: str) -> list[int]:
    newest = Unit.select(pw.fn.MAX(Unit.id)).scalar() or 0
    key = (database.obj.database, needle, newest)
    if key not in _unit_probes:
        if len(_unit_probes) > 64:
            _unit_probes.clear()
        _unit_probes[key] = [i for (i,) in Unit.select(Unit.id).where(workshop.contains(Unit.serial, needle))
                             .limit(PROBE + 1).tuples()]
    return _unit_probes[key]


def _serial_matches(needle: str):
    ids = _matching_units(needle)
    if len(ids) <= PROBE:
        return RegisterEntry.unit.in_(ids) if ids else pw.SQL("1 = 0")
    return RegisterEntry.unit.in_(Unit.select(Unit.id).where(workshop.contains(Unit.serial, needle)))


def _customer_matches(text: str):
    ids = customer_search.matching_ids(text, PROBE + 1)
    if len(ids) <= PROBE:
        return RegisterEntry.customer.in_(ids) if ids else pw.SQL("1 = 0")
    return RegisterEntry.customer.in_(customer_search.matching(text))


#: A search's totals count at most this many rows.
TOTALS_CAP = 10_000


def totals(date_from: dt.date | None = None, date_to: dt.date | None = None, serial: str = "",
           customer: str = "", cap: int = TOTALS_CAP) -> tuple[dict[str, int], bool]:
    """Rows per direction in the period (and search), counting only rows
    no later row corrects (a corrected row and its correction are one
    movement, not two); and whether they were capped.

    Without a search: from the totals kept per day (register_totals).
    With one: counted over the matching rows, at most ``cap`` of them
    (True then: the figures are "at least").
    """
    if not needle(serial) and not needle(customer):
        return register_totals.totals(date_from, date_to), False
    later = RegisterEntry.alias()
    rows = query(date_from, date_to, None, serial, customer).select(RegisterEntry.direction).order_by().limit(cap)
    if is_mysql():
        # "No later row corrects it" as an anti-join: MariaDB materialises a NOT EXISTS over the
        # whole register's corrections (a serial part matching 1 007 units: 445 -> 18 ms) ...
        rows = rows.join(later, pw.JOIN.LEFT_OUTER, on=(later.corrects == RegisterEntry.id)).where(later.id.is_null())
    else:
        # ... where PostgreSQL merges the LEFT JOIN over the whole corrects index (the biggest
        # account: NOT EXISTS 22 ms, the anti-join 79 ms).
        rows = rows.where(~pw.fn.EXISTS(later.select(later.id).where(later.corrects == RegisterEntry.id)))
    # Grouped in the database: the rows never come here (MariaDB, 10 000 rows: 65 -> 25 ms).
    sql, params = rows.sql()
    out = {d: 0 for d in DIRECTIONS}
    out.update({d: int(n) for d, n in database.execute_sql(
        f"SELECT direction, COUNT(*) FROM ({sql}) AS found GROUP BY direction", params).fetchall()})
    capped = sum(out.values()) >= cap and paging.capped_count(rows, cap)[1]
    return out, capped


def units_in_shop():
    """Jobs whose unit is physically here: taken in and not yet handed back."""
    return (Job.select(Job, Customer).join(Customer, pw.JOIN.LEFT_OUTER).where(Job.state.in_(OPEN_STATES))
            .order_by(Job.received_at))


def corrected_ids() -> set[int]:
    """Ids of rows that a later row corrects (shown struck through)."""
    return {r.corrects_id for r in RegisterEntry.select(RegisterEntry.corrects)
            .where(RegisterEntry.corrects.is_null(False))}
