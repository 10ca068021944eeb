"""The workshop queue (Repair cards tab) and a unit's service history."""
from __future__ import annotations

import datetime as dt

import peewee as pw
from peewee import JOIN

from app.domain.core.db import is_mysql, is_postgres
from app.domain.core.text import needle
from app.domain.counter.jobs import OPEN_STATES
from app.domain.counter.models import Job, Product, Unit
from app.domain.customers import customers as customer_search
from app.domain.customers.models import Customer

#: States after which a job no longer counts as overdue (the work is done).
DONE_STATES = ("ready", "delivered", "cancelled", "returned")


def queue(states: tuple[str, ...] | list[str] | None = None, technician_id: int | None = None,
          min_age_days: int | None = None, text: str = "", unassigned: bool = False,
          today: dt.date | None = None):
    """Jobs in the shop, oldest first; ``states=None`` means every open state."""
    today = today or dt.date.today()
    # LEFT joins on columns that are never NULL give the same rows as inner joins, and let the
    # database drop a join the query does not use (PostgreSQL's join removal, MariaDB's table
    # elimination, SQLite's omitted LEFT JOIN): a page's keys and the capped count read the job
    # table alone, and the jobs come first in the plan, not the customers in name order
    # (PostgreSQL, 300 000 jobs: the count 42 -> 0.7 ms; sorted by customer 64 -> 17 ms).
    q = (Job.select(Job, Customer, Unit, Product)
         .join(Customer, JOIN.LEFT_OUTER, on=(Job.customer == Customer.id))
         .switch(Job).join(Unit, JOIN.LEFT_OUTER, on=(Job.unit == Unit.id))
         .join(Product, JOIN.LEFT_OUTER, on=(Unit.product == Product.id))
         .order_by(Job.received_at, Job.id))
    q = q.where(Job.state.in_(list(states) if states else list(OPEN_STATES)))
    if unassigned:
        q = q.where(Job.technician.is_null())
    elif technician_id is not None:
        q = q.where(Job.technician == technician_id)
    if min_age_days:
        q = q.where(Job.received_at < dt.datetime.combine(today - dt.timedelta(days=min_age_days - 1),
                                                          dt.time.min))
    t = needle(text)
    if t:
        q = q.where(text_matches(t))
    return q


def text_matches(t: str):
    """A job whose number or unit's serial contains ``t`` (upper case), or
    whose customer's search text does (name, code, phone, pinyin initials:
    the intake's customer search).

    The serial and search text are read per job by primary key (scalar
    subqueries): the open jobs are a few thousand, and tested through the
    joins (or an EXISTS) PostgreSQL hashed all 200 000 units and 60 000
    customers instead; and case-sensitive LIKEs on upper-case serials and
    the lower-case search text, not ILIKEs (a name in the queue's search box,
    PostgreSQL, 2 469 open jobs: 93 -> 21 ms)."""
    u, c = Unit.alias(), Customer.alias()
    return (contains(Job.number, t.upper())
            | contains(u.select(u.serial).where(u.id == Job.unit), t.upper())
            | customer_search.text_condition(c.select(c.search_text).where(c.id == Job.customer), t))


def contains(expr, needle: str):
    """``expr`` contains ``needle``, case-sensitively (serials and numbers
    are kept in upper case): MariaDB compares the bytes (INSTR), faster than
    a LIKE through the collation; PostgreSQL a LIKE (peewee's contains() is
    ILIKE); SQLite a LIKE (which ignores the case of ASCII letters)."""
    if is_mysql():
        return pw.fn.INSTR(pw.Cast(expr, "BINARY"), pw.Cast(pw.Value(needle), "BINARY")) > 0
    if is_postgres():
        escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return pw.Expression(expr, "LIKE", f"%{escaped}%")
    condition = Job.number.contains(needle)     # peewee's LIKE with the wildcards escaped ...
    condition.lhs = expr                        # ... on the expression asked for
    return condition


def is_overdue(job: Job, today: dt.date | None = None) -> bool:
    today = today or dt.date.today()
    return (job.promised_date is not None and job.promised_date < today
            and job.state not in DONE_STATES)


def age_days(job: Job, today: dt.date | None = None) -> int:
    today = today or dt.date.today()
    return (today - job.received_at.date()).days


def counts_by_state(states: tuple[str, ...] = OPEN_STATES) -> dict[str, int]:
    """Jobs per state, for the open states (the queue's chips) unless told:
    a range of the (state, received_at) index, the few thousand jobs in the
    shop, not the 300 000 of the archive (SQLite 22 -> 0.4 ms)."""
    from peewee import fn

    return {s: n for s, n in Job.select(Job.state, fn.COUNT(Job.id)).where(Job.state.in_(list(states)))
            .group_by(Job.state).tuples()}


def open_count() -> int:
    """Jobs whose unit is in the shop (the register's "in the shop now")."""
    return sum(counts_by_state().values())


def service_history(unit: Unit, light: bool = False) -> list[Job]:
    """The unit's jobs, newest first (by the (unit_id, received_at, id)
    index, schema v6). ``light``: only what the intake's history table
    shows (number, date, fault, state): a fleet printer's 250 jobs as whole
    rows cost 7.4 ms, these columns 2.4 ms (SQLite)."""
    q = unit.jobs.order_by(Job.received_at.desc(), Job.id.desc())
    if light:
        q = q.select(Job.id, Job.number, Job.received_at, Job.fault, Job.state, Job.unit, Job.customer)
    return list(q)
