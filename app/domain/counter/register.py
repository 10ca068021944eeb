"""用户产品进出登记本: the product in/out register.

Append-only. Intake writes the "in" row and release the "out" row inside the
job's own transaction, so a job never exists without its register row. A
mistake is corrected by a new row pointing at the row it corrects
(``corrects``); a row written in error is voided by a correction whose
direction is ``void``. Nothing is ever updated or deleted.
"""
from __future__ import annotations

import datetime as dt

from app.domain.core import numbering, operations
from app.domain.core.db import lock, write_transaction
from app.domain.core.errors import NotFound, ValidationError, tx
from app.domain.core.models import User
from app.domain.core.permissions import require
from app.domain.counter.jobs import OPEN_STATES
from app.domain.counter.models import Job, JobItem, RegisterEntry
from app.domain.customers.models import Customer

DIRECTIONS = ("in", "out", "void")


def _items_text(job: Job) -> str:
    return "、".join(i.description for i in job.items.order_by(JobItem.seq))


def write_row(job: Job, direction: str, user: User | None, person: str = "", note: str = "",
              corrects: RegisterEntry | None = None, at: dt.datetime | None = None) -> RegisterEntry:
    """Append a row; call inside the transaction that moves the unit."""
    if direction not in DIRECTIONS:
        raise ValueError(direction)
    unit = job.unit
    product = unit.product
    fields = dict(number=numbering.next_number("JC", at.date() if at else None), direction=direction,
                  job=job, unit=unit, customer=job.customer, serial=unit.serial,
                  product=f"{product.name} {product.model}".strip(), customer_name=job.customer.name,
                  items=_items_text(job), person=person, user=user, note=note, corrects=corrects)
    if at is not None:
        fields["at"] = at
    return RegisterEntry.create(**fields)


def correct(entry_id: int, user: User | None, note: str, *, direction: str | None = None,
            person: str | None = None) -> RegisterEntry:
    """Write a correction of row ``entry_id``: ``direction='void'`` voids it,
    otherwise the new row states the corrected direction / person."""
    require(user, "register.correct")
    note = (note or "").strip()
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


def query(date_from: dt.date | None = None, date_to: dt.date | None = None, direction: str | None = None,
          serial: str = "", customer: str = ""):
    """Register rows, newest first, filtered as the register tab asks."""
    q = RegisterEntry.select().order_by(RegisterEntry.at.desc(), RegisterEntry.id.desc())
    if date_from:
        q = q.where(RegisterEntry.at >= dt.datetime.combine(date_from, dt.time.min))
    if date_to:
        q = q.where(RegisterEntry.at < dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time.min))
    if direction:
        q = q.where(RegisterEntry.direction == direction)
    if serial.strip():
        q = q.where(RegisterEntry.serial.contains(serial.strip().upper()))
    if customer.strip():
        q = q.where(RegisterEntry.customer_name.contains(customer.strip()))
    return q


def units_in_shop():
    """Jobs whose unit is physically here: taken in and not yet handed back."""
    return (Job.select(Job, Customer).join(Customer).where(Job.state.in_(OPEN_STATES))
            .order_by(Job.received_at))


def corrected_ids() -> set[int]:
    """Ids of rows that a later row corrects (shown struck through)."""
    return {r.corrects_id for r in RegisterEntry.select(RegisterEntry.corrects)
            .where(RegisterEntry.corrects.is_null(False))}
