"""The register's totals per direction, kept by the write that changes them.

The register tab shows "In n · Out n · Voided n" for the period in view all
the time. Counting it from the register (rows in the period that no later
row corrects) read every row of the period: 324 ms for the "All" view of
1 000 000 rows on SQLite. So each row written adds one to its day and
direction in ``register_day_total``, and a correction takes one from the
day and direction of the row it corrects; a period's totals sum at most a
few thousand (day, direction) rows.

Exact under concurrent writers: the counts change by ``UPDATE … SET n =
n + 1`` (an upsert for a new day) inside the transaction that writes the
row, so a row and its count commit or roll back together, and the row a
correction points at is locked first (:func:`app.domain.counter.register.write_row`),
so two corrections of one row cannot both take it off. :func:`recompute`
rebuilds the table from the register (schema v6 fills it so; a test
checks the kept counts against it after corrections and cancellations).
"""
from __future__ import annotations

import datetime as dt

import peewee as pw

from app.domain.core.db import is_mysql
from app.domain.counter.models import RegisterDayTotal, RegisterEntry

DIRECTIONS = ("in", "out", "void")


def _add(day: dt.date, direction: str, delta: int) -> None:
    t = RegisterDayTotal
    if is_mysql():
        # MariaDB's upsert names no conflict target (the unique key decides).
        t.insert(day=day, direction=direction, entries=delta).on_conflict(
            update={t.entries: t.entries + delta}).execute()
    else:
        t.insert(day=day, direction=direction, entries=delta).on_conflict(
            conflict_target=[t.day, t.direction], update={t.entries: t.entries + delta}).execute()


def row_written(row: RegisterEntry, corrected: RegisterEntry | None) -> None:
    """Count a row just written (inside its transaction); ``corrected`` is
    the row it corrects, locked and not corrected before."""
    _add(row.at.date(), row.direction, 1)
    if corrected is not None:
        _add(corrected.at.date(), corrected.direction, -1)


def totals(date_from: dt.date | None = None, date_to: dt.date | None = None) -> dict[str, int]:
    """Rows per direction in the period (days inclusive; None: open ended)
    that no later row corrects."""
    t = RegisterDayTotal
    q = t.select(t.direction, pw.fn.SUM(t.entries)).group_by(t.direction)
    if date_from:
        q = q.where(t.day >= date_from)
    if date_to:
        q = q.where(t.day <= date_to)
    out = {d: 0 for d in DIRECTIONS}
    out.update({d: int(n or 0) for d, n in q.tuples()})
    return out


def counted_from_register(date_from: dt.date | None = None, date_to: dt.date | None = None) -> dict[str, int]:
    """The same totals counted from the register itself (slow on a big
    register: for checks and :func:`recompute`)."""
    r, later = RegisterEntry, RegisterEntry.alias()
    q = (r.select(r.direction, pw.fn.COUNT(r.id))
         .where(~pw.fn.EXISTS(later.select(later.id).where(later.corrects == r.id)))
         .group_by(r.direction))
    if date_from:
        q = q.where(r.at >= dt.datetime.combine(date_from, dt.time.min))
    if date_to:
        q = q.where(r.at < dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time.min))
    out = {d: 0 for d in DIRECTIONS}
    out.update({d: n for d, n in q.tuples()})
    return out


def recompute() -> None:
    """Rebuild the table from the register (call inside a transaction)."""
    r, later, t = RegisterEntry, RegisterEntry.alias(), RegisterDayTotal
    day = pw.fn.DATE(r.at)        # DATE() on SQLite and MariaDB, date() the cast on PostgreSQL
    query = (r.select(day, r.direction, pw.fn.COUNT(r.id))
             .where(~pw.fn.EXISTS(later.select(later.id).where(later.corrects == r.id)))
             .group_by(day, r.direction))
    t.delete().execute()
    t.insert_from(query, [t.day, t.direction, t.entries]).execute()
