"""The counter's part of a customer's page: their units, jobs and
maintenance agreements, under the archive's access rule (the page is part
of the archive; the view was logged when the archive was opened)."""
from __future__ import annotations

from dataclasses import dataclass, field

from app.domain.core.models import User
from app.domain.counter.models import Agreement, Job, Product, Unit
from app.domain.customers import archive


@dataclass
class CustomerPage:
    """What the counter holds of one customer."""
    units: list[Unit] = field(default_factory=list)            # product joined
    jobs: list[Job] = field(default_factory=list)              # newest first, unit joined
    agreements: list[Agreement] = field(default_factory=list)  # newest first


def related(user: User | None, customer_id: int, job_limit: int = 200) -> CustomerPage:
    """The customer's units, latest ``job_limit`` jobs and agreements, for the
    customer's page. Same access as :func:`app.domain.customers.archive.get_archive` (the page is part of
    the archive; the view was logged when the archive was opened)."""
    c = archive.get_customer(customer_id)
    archive.check_read(user, c, "page")
    units = list(Unit.select(Unit, Product).join(Product).where(Unit.owner == c.id).order_by(Unit.id))
    jobs = list(Job.select(Job, Unit).join(Unit).where(Job.customer == c.id)
                .order_by(Job.received_at.desc(), Job.id.desc()).limit(job_limit))
    agreements = list(Agreement.select().where(Agreement.customer == c.id)
                      .order_by(Agreement.start_date.desc(), Agreement.id.desc()))
    return CustomerPage(units=units, jobs=jobs, agreements=agreements)
