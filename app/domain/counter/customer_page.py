"""The counter's part of a customer's page: their units, jobs and
maintenance agreements, under the archive's access rule (the page is part
of the archive), each read logged in the access log ("page")."""
from __future__ import annotations

from dataclasses import dataclass, field

import peewee as pw

from app.domain.core.models import User
from app.domain.counter.models import Agreement, Job, Product, Unit
from app.domain.customers import access, archive

#: The orders the page's lists are read in, a page at a time (app.domain.core.paging).
UNITS_ORDER = [(Unit.id, False)]
JOBS_ORDER = [(Job.received_at, True)]


@dataclass
class CustomerPage:
    """What the counter holds of one customer. ``units`` and ``jobs`` are
    queries, read a page at a time in :data:`UNITS_ORDER` and
    :data:`JOBS_ORDER`: a big account has thousands of each (reading 2 400
    units and their products took 52 ms on SQLite, a page of them 1-2 ms)."""
    units: pw.ModelSelect                                      # product joined
    jobs: pw.ModelSelect                                       # newest first, unit joined
    agreements: list[Agreement] = field(default_factory=list)  # newest first


def related(user: User | None, customer_id: int) -> CustomerPage:
    """The customer's units, jobs and agreements, for the customer's page.
    Same access as :func:`app.domain.customers.archive.get_archive` (the page is part of
    the archive), and logged like a view ("page")."""
    c = archive.get_customer(customer_id)
    archive.check_read(user, c, "page")
    access.record(user, c.id, "page")
    units = Unit.select(Unit, Product).join(Product).where(Unit.owner == c.id).order_by(Unit.id)
    # By (customer_id, received_at, id), schema v6: the newest first without sorting the customer's jobs.
    jobs = (Job.select(Job, Unit).join(Unit).where(Job.customer == c.id)
            .order_by(Job.received_at.desc(), Job.id.desc()))
    agreements = list(Agreement.select().where(Agreement.customer == c.id)
                      .order_by(Agreement.start_date.desc(), Agreement.id.desc()))
    return CustomerPage(units=units, jobs=jobs, agreements=agreements)
