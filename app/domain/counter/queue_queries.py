"""Queries the workshop queue and the register tab need beyond
:mod:`app.domain.counter.workshop` and :mod:`app.domain.counter.register`: a text filter
that matches any of several terms (a pasted list of serials), the overdue
count, and a page of jobs or register rows with their joins."""
from __future__ import annotations

import datetime as dt
import functools
import operator
import re

from peewee import JOIN

from app.domain.core.models import User
from app.domain.counter import workshop
from app.domain.counter.jobs import OPEN_STATES, STATES
from app.domain.counter.models import Job, RegisterEntry

#: What separates the terms of a pasted list: line breaks, tabs, commas, semicolons.
TERM_SPLIT = re.compile(r"[\r\n\t,;，；、]+")


def split_terms(text: str) -> list[str]:
    """``"SN1\\nSN2, SN3"`` -> ``["SN1", "SN2", "SN3"]`` (blank terms dropped)."""
    return [t.strip() for t in TERM_SPLIT.split(text or "") if t.strip()]


def _term_matches(term: str):
    # The same fields workshop.queue(text=...) matches, for one term.
    return workshop.text_matches(term)


def _overdue(today: dt.date):
    # The SQL form of workshop.is_overdue().
    return (Job.state.not_in(workshop.DONE_STATES) & Job.promised_date.is_null(False)
            & (Job.promised_date < today))


def queue(terms: list[str] | None = None, overdue_only: bool = False, **filters):
    """:func:`app.domain.counter.workshop.queue` whose text filter matches *any* of
    ``terms``; ``overdue_only`` keeps the jobs past their promised date."""
    q = workshop.queue(**filters)
    terms = [t.strip() for t in (terms or []) if t.strip()]
    if terms:
        q = q.where(functools.reduce(operator.or_, (_term_matches(t) for t in terms)))
    if overdue_only:
        q = q.where(_overdue(filters.get("today") or dt.date.today()))
    return q


def overdue_count(today: dt.date | None = None) -> int:
    """Open jobs past their promised date whose work is not done."""
    return Job.select().where(Job.state.in_(OPEN_STATES) & _overdue(today or dt.date.today())).count()


def jobs_by_ids(ids: list[int]) -> dict[int, Job]:
    """One page of a job list: each job with its customer, unit, product and
    technician joined (one query, not one per row)."""
    # The joined rows' ids are selected too: peewee sets the foreign key from them.
    tech = User.alias()
    q = (workshop.queue(states=STATES).select_extend(tech.id, tech.display_name)
         .join_from(Job, tech, JOIN.LEFT_OUTER, on=(Job.technician == tech.id), attr="technician")
         .where(Job.id.in_(list(ids))).order_by())
    return {job.id: job for job in q}


def register_rows(ids: list[int]) -> dict[int, RegisterEntry]:
    """One page of register rows with the job number, the staff member and the
    number of the row each corrects joined, and ``superseded`` set on rows a
    later row corrects."""
    corrected = RegisterEntry.alias()
    # The joined rows' ids are selected too: peewee sets the foreign key from them.
    q = (RegisterEntry.select(RegisterEntry, Job.id, Job.number, User.id, User.display_name, corrected.id,
                              corrected.number)
         .join_from(RegisterEntry, Job, on=(RegisterEntry.job == Job.id))
         .join_from(RegisterEntry, User, JOIN.LEFT_OUTER, on=(RegisterEntry.user == User.id))
         .join_from(RegisterEntry, corrected, JOIN.LEFT_OUTER, on=(RegisterEntry.corrects == corrected.id))
         .where(RegisterEntry.id.in_(list(ids))))
    superseded = {r for (r,) in RegisterEntry.select(RegisterEntry.corrects)
                  .where(RegisterEntry.corrects.in_(list(ids))).tuples()}
    rows = {}
    for row in q:
        row.superseded = row.id in superseded
        rows[row.id] = row
    return rows
