"""What the customer's archive page lists from field service: the visits
made or planned, the service activities the customer took part in, the
gift requests for it and its returned satisfaction surveys.

Read straight from the models (the visit and survey services are built
beside this one and may change their own helpers); only the overview row's
rights are needed ("customer.overview"): these are the company's own
records about the customer, not the confidential archive. Gift requests
are listed for users who may request or approve gifts.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

import peewee as pw

from app.domain.core.errors import NotFound, PermissionDenied, tx
from app.domain.core.models import User
from app.domain.core.permissions import can, require
from app.domain.customers import access
from app.domain.customers.models import Customer
from app.domain.field.models import ActivityParticipant, GiftRequest, ServiceActivity, SurveyResponse, Visit


@dataclass
class VisitLine:
    id: int
    number: str
    due_month: dt.date
    planned_date: dt.date | None
    actual_date: dt.date | None
    kind: str              # patrol | market | service
    staff: str
    status: str            # planned | done | cancelled | carried (overdue is not stored)
    overdue: bool


@dataclass
class ActivityLine:
    id: int
    number: str
    date: dt.date
    kind: str
    title: str
    people: str
    headcount: int


@dataclass
class GiftLine:
    id: int
    number: str
    requested_at: dt.datetime
    status: str
    value: Decimal
    requested_by: str
    given_at: dt.datetime | None
    summary: str           # the reason, for the list's tooltip


@dataclass
class SurveyLine:
    id: int
    number: str
    returned_on: dt.date
    respondent: str
    average: Decimal | None


@dataclass
class CustomerFieldService:
    customer_id: int
    code: str
    name: str
    visits: list[VisitLine] = field(default_factory=list)
    activities: list[ActivityLine] = field(default_factory=list)
    gifts: list[GiftLine] | None = None      # None: the user may not see gift requests
    surveys: list[SurveyLine] | None = None  # None: the user may not read survey results

    @property
    def gift_value_given(self) -> Decimal:
        return sum((g.value for g in self.gifts or () if g.status == "given"), Decimal(0))


def for_customer(customer_id: int, user: User | None, today: dt.date | None = None) -> CustomerFieldService:
    """The customer's visits (newest first), activities, gift requests and
    surveys. The read is logged in the access log ("service"), like an
    archive view; a refused one too ("denied")."""
    c = Customer.get_or_none(Customer.id == customer_id)
    if c is None:
        raise NotFound(tx("No customer with id {id}.", id=customer_id))
    try:
        require(user, "customer.overview")
    except PermissionDenied:
        access.record(user, c.id, "denied", "service")
        raise
    access.record(user, c.id, "service")
    first_of_month = (today or dt.date.today()).replace(day=1)
    out = CustomerFieldService(customer_id=c.id, code=c.code, name=c.name)
    visits = (Visit.select(Visit, User).join(User, on=(Visit.staff == User.id))
              .where(Visit.customer == c.id)
              .order_by(pw.fn.COALESCE(Visit.actual_date, Visit.planned_date, Visit.due_month).desc(), Visit.id.desc()))
    out.visits = [VisitLine(v.id, v.number, v.due_month, v.planned_date, v.actual_date, v.kind, v.staff.display_name,
                            v.status, v.status == "planned" and v.due_month < first_of_month) for v in visits]
    parts = (ActivityParticipant.select(ActivityParticipant, ServiceActivity).join(ServiceActivity)
             .where(ActivityParticipant.customer == c.id)
             .order_by(ServiceActivity.date.desc(), ServiceActivity.id.desc()))
    out.activities = [ActivityLine(p.activity.id, p.activity.number, p.activity.date, p.activity.kind,
                                   p.activity.title, p.people, p.headcount) for p in parts]
    if user is None or can(user, "gift.request") or can(user, "gift.approve"):
        gifts = (GiftRequest.select(GiftRequest, User).join(User, on=(GiftRequest.requested_by == User.id))
                 .where(GiftRequest.customer == c.id)
                 .order_by(GiftRequest.requested_at.desc(), GiftRequest.id.desc()))
        out.gifts = [GiftLine(g.id, g.number, g.requested_at, g.status, Decimal(g.total_value),
                              g.requested_by.display_name, g.given_at, g.reason) for g in gifts]
    if user is None or can(user, "survey.results"):
        surveys = (SurveyResponse.select().where(SurveyResponse.customer == c.id)
                   .order_by(SurveyResponse.returned_on.desc(), SurveyResponse.id.desc()))
        out.surveys = [SurveyLine(s.id, s.number, s.returned_on, s.respondent,
                                  Decimal(s.average) if s.average is not None else None) for s in surveys]
    return out
