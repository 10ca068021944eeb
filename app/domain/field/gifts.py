"""Gifts, samples, trial items and promotional material (§3.3.3F, §3.7):
requested beforehand, approved before they are given.

    requested ──approve──> approved ──record_given──> given
        │     ──refuse───> refused   (a note is required)
        └─────withdraw───> withdrawn (the requester, while still requested)

The requester may change the items and the reason only while the request is
"requested"; once decided a request is never changed (make a new one).
Approving or refusing needs "gift.approve" and someone other than the
requester. Nothing is recorded as given unless approved. Every change is
made on the version the caller read (optimistic locking) and on the state
it read, so two managers deciding at once cannot both win; each writes its
rows of :class:`app.domain.field.models.GiftRequestHistory` (the codes are
listed there) in the same transaction
(:func:`app.domain.core.records.guarded_write`).

Lists: to decide, mine, by customer, by status and period; totals of the
value given per customer and per month.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from app.domain.core.db import write_transaction
from app.domain.core.errors import NotFound, PermissionDenied, TransitionNotAllowed, ValidationError, tx
from app.domain.core.models import User, now
from app.domain.core.numbering import next_number
from app.domain.core.permissions import can, require
from app.domain.core.records import Change, add_history, as_text, guarded_write, history_of
from app.domain.core import limits
from app.domain.core.text import clean, keep, keep_line
from app.domain.core.text import needle as search_text
from app.domain.customers.models import Customer
from app.domain.field.models import GiftItem, GiftRequest, GiftRequestHistory, ServiceActivity, Visit

ITEM_KINDS = ("gift", "sample", "trial", "promo")
STATUSES = ("requested", "approved", "refused", "given", "withdrawn")
CENT = Decimal("0.01")
MAX_ITEMS = 50


def status_label(code: str):
    return {"requested": tx("Requested"), "approved": tx("Approved"), "refused": tx("Refused"),
            "given": tx("Given"), "withdrawn": tx("Withdrawn")}.get(code, code)


def item_kind_label(code: str):
    return {"gift": tx("Gift"), "sample": tx("Sample"), "trial": tx("Trial item"),
            "promo": tx("Promotional material")}.get(code, code)


@dataclass
class ItemInput:
    """One line as typed: strings such as "2" or "1,280.00" are fine."""
    description: str
    quantity: Decimal | int | str = 1
    unit_value: Decimal | int | str = 0
    kind: str = "gift"


def _decimal(value) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, (str, int, float, Decimal)):
        return None
    text = clean(str(value)).replace(",", "").replace("¥", "").replace("￥", "")
    try:
        return Decimal(text) if text else None
    except InvalidOperation:
        return None


def _clean_items(items: list[ItemInput], errors: dict) -> list[dict]:
    rows = []
    if not items:
        errors["items"] = tx("List at least one item.")
    elif len(items) > MAX_ITEMS:
        errors["items"] = tx("At most {n} items in one request.", n=MAX_ITEMS)
    for i, it in enumerate(items):
        if not isinstance(it, ItemInput):
            errors[f"items.{i}.description"] = tx("Describe the item.")
            continue
        desc = keep_line(it.description)
        limits.field_problem(GiftItem.description, desc, f"items.{i}.description", errors)
        if not desc:
            errors.setdefault(f"items.{i}.description", tx("Describe the item."))
        if it.kind not in ITEM_KINDS:
            errors[f"items.{i}.kind"] = tx("Choose gift, sample, trial item or promotional material.")
        qty, value = _decimal(it.quantity), _decimal(it.unit_value)
        if qty is None or qty <= 0:
            errors[f"items.{i}.quantity"] = tx("The quantity is a number greater than 0.")
        if value is None or value < 0:
            errors[f"items.{i}.unit_value"] = tx("The unit value is an amount, 0 or more.")
        # the sane ranges and the columns' precision (0.001 is refused, never rounded)
        errors.update({k: v for k, v in limits.check(GiftItem, {"quantity": qty, "unit_value": value},
                                                      prefix=f"items.{i}.").items() if k not in errors})
        if qty is not None and value is not None:
            rows.append(dict(kind=it.kind, description=desc, quantity=qty.quantize(CENT),
                             unit_value=value.quantize(CENT)))
    if rows and not errors and limits.problem(GiftRequest.total_value, total_of(rows)):
        errors["items"] = tx("The total value ¥{total} is more than one request can hold.", total=total_of(rows))
    return rows


def total_of(rows) -> Decimal:
    """Quantity x unit value, summed, in cents (rows: dicts or GiftItems)."""
    get = (lambda r, k: r[k]) if rows and isinstance(rows[0], dict) else getattr
    return sum((Decimal(get(r, "quantity")) * Decimal(get(r, "unit_value")) for r in rows),
               Decimal(0)).quantize(CENT)


def items_text(rows) -> str:
    """The items on one line, as the history records them (rows: dicts or GiftItems):
    "kind description x quantity @ unit value; ..."."""
    get = (lambda r, k: r[k]) if rows and isinstance(rows[0], dict) else getattr
    return "; ".join(f"{get(r, 'kind')} {get(r, 'description')} x {as_text(Decimal(get(r, 'quantity')))} "
                     f"@ {as_text(Decimal(get(r, 'unit_value')))}" for r in rows)


def _number_of(model, row_id: int | None) -> str:
    """A visit's or activity's number for the history ("" for none)."""
    if row_id is None:
        return ""
    row = model.get_or_none(model.id == row_id)
    return row.number if row is not None else f"#{row_id}"


def _links(customer_id: int, visit_id: int | None, activity_id: int | None, errors: dict) -> bool:
    """Check the customer, visit and activity; True when one is not even an id."""
    wrong = {name: tx("Choose one from the list.") for name, value in
             (("customer", customer_id), ("visit", visit_id), ("activity", activity_id))
             if (value is not None or name == "customer") and limits.problem(GiftRequest.customer, value)}
    if wrong:
        errors.update(wrong)
        return True
    if Customer.get_or_none(Customer.id == customer_id) is None:
        errors["customer"] = tx("Choose the customer.")
    if visit_id is not None and Visit.get_or_none(Visit.id == visit_id) is None:
        errors["visit"] = tx("No such visit.")
    if activity_id is not None and ServiceActivity.get_or_none(ServiceActivity.id == activity_id) is None:
        errors["activity"] = tx("No such service activity.")
    return False


def request_gift(user: User | None, customer_id: int, items: list[ItemInput], reason: str,
                 visit_id: int | None = None, activity_id: int | None = None) -> GiftRequest:
    """Ask for gifts/samples for a customer (number LP-...); the total is
    computed. Needs "gift.request". Raises ValidationError: customer, reason,
    visit, activity, items, ``items.<i>.description|kind|quantity|unit_value``."""
    require(user, "gift.request")
    errors: dict = {}
    reason = keep(reason)
    limits.field_problem(GiftRequest.reason, reason, "reason", errors)
    if not reason:
        errors.setdefault("reason", tx("Give the reason for the gift."))
    if _links(customer_id, visit_id, activity_id, errors):
        raise ValidationError(errors)
    rows = _clean_items(list(items), errors)
    if errors:
        raise ValidationError(errors)
    if user is None:
        raise PermissionDenied(tx("A gift request needs a requester."))
    with write_transaction():
        g = GiftRequest.create(number=next_number("LP"), customer=customer_id, visit=visit_id, activity=activity_id,
                               reason=reason, total_value=total_of(rows), requested_by=user, requested_at=now())
        GiftItem.insert_many([dict(request=g.id, **r) for r in rows]).execute()
        add_history(g, user, "created", new="requested", at=g.requested_at)
    return g


def update_request(user: User | None, request_id: int, version: int, items: list[ItemInput], reason: str,
                   visit_id: int | None = None, activity_id: int | None = None) -> GiftRequest:
    """The requester changes the items and reason while the request waits."""
    g = _editable(user, request_id)
    errors: dict = {}
    reason = keep(reason)
    limits.field_problem(GiftRequest.reason, reason, "reason", errors)
    if not reason:
        errors.setdefault("reason", tx("Give the reason for the gift."))
    if _links(g.customer_id, visit_id, activity_id, errors):
        raise ValidationError(errors)
    rows = _clean_items(list(items), errors)
    if errors:
        raise ValidationError(errors)
    values = dict(reason=reason, total_value=total_of(rows))
    with write_transaction():
        changes = [Change.of(name, getattr(g, name), values[name]) for name in ("reason", "total_value")]
        old_items = list(GiftItem.select().where(GiftItem.request == g.id).order_by(GiftItem.id))
        changes.append(Change("items", items_text(old_items), items_text(rows)))
        changes += [Change("visit", _number_of(Visit, g.visit_id), _number_of(Visit, visit_id)),
                    Change("activity", _number_of(ServiceActivity, g.activity_id),
                           _number_of(ServiceActivity, activity_id))]
        guarded_write(g, user, version, dict(values, visit=visit_id, activity=activity_id), states=("requested",),
                      changes=[c for c in changes if c.old != c.new])
        GiftItem.delete().where(GiftItem.request == g.id).execute()
        GiftItem.insert_many([dict(request=g.id, **r) for r in rows]).execute()
    return GiftRequest.get_by_id(g.id)


def withdraw(user: User | None, request_id: int, version: int) -> GiftRequest:
    """The requester takes the request back while it waits for the decision."""
    g = _editable(user, request_id)
    with write_transaction():
        guarded_write(g, user, version, {"status": "withdrawn"}, states=("requested",),
                      changes=[Change("status", "requested", "withdrawn")])
    return GiftRequest.get_by_id(g.id)


def approve(user: User | None, request_id: int, version: int, note: str = "") -> GiftRequest:
    return _decide(user, request_id, version, "approved", note)


def refuse(user: User | None, request_id: int, version: int, note: str) -> GiftRequest:
    """Refuse; the note (why) is required."""
    return _decide(user, request_id, version, "refused", note)


def _decide(user, request_id: int, version: int, status: str, note: str) -> GiftRequest:
    require(user, "gift.approve")
    g = _get(request_id)
    if user is not None and g.requested_by_id == user.id:
        raise PermissionDenied(tx("You requested {number} yourself; another approver decides it.", number=g.number))
    note = keep(note)
    limits.require(GiftRequest, {"decision_note": note}, names={"decision_note": "note"})
    if status == "refused" and not note:
        raise ValidationError({"note": tx("Say why the request is refused.")})
    with write_transaction():
        guarded_write(g, user, version, dict(status=status, decided_by=user, decided_at=now(), decision_note=note),
                      states=("requested",), changes=[Change("status", "requested", status)], note=note)
    return GiftRequest.get_by_id(g.id)


def record_given(user: User | None, request_id: int, version: int, given_to: str,
                 given_at: dt.datetime | None = None, note: str = "") -> GiftRequest:
    """Record the approved items as handed over (when, to whom, by the user).
    Refused unless the request is approved. Needs "gift.request" or "gift.approve"."""
    if not (user is None or can(user, "gift.approve")):
        require(user, "gift.request")
    g = _get(request_id)
    if g.status != "approved":
        raise TransitionNotAllowed(tx("{number} is not approved: only approved gifts can be given.",
                                      number=g.number))
    given_to, note = clean(given_to), keep(note)
    at = given_at or now()
    errors = limits.check(GiftRequest, {"given_to": given_to, "given_note": note, "given_at": at},
                          names={"given_note": "note"})
    if errors:
        raise ValidationError(errors)
    if not given_to:
        errors["given_to"] = tx("Who received it?")
    if at > now() + dt.timedelta(minutes=5):
        errors["given_at"] = tx("The date given cannot be in the future.")
    elif g.decided_at and at.date() < g.decided_at.date():
        errors["given_at"] = tx("The date given is before the approval.")
    if errors:
        raise ValidationError(errors)
    with write_transaction():
        guarded_write(g, user, version, dict(status="given", given_at=at, given_by=user, given_to=given_to,
                                             given_note=note),
                      states=("approved",), changes=[Change("status", "approved", "given")], note=note)
    return GiftRequest.get_by_id(g.id)


def _editable(user, request_id: int) -> GiftRequest:
    require(user, "gift.request")
    g = _get(request_id)
    if user is not None and g.requested_by_id != user.id:
        raise PermissionDenied(tx("Only {name}, who made the request, may change or withdraw it.",
                                  name=g.requested_by.display_name))
    if g.status != "requested":
        raise TransitionNotAllowed(tx("{number} has been decided already; make a new request instead.",
                                      number=g.number))
    return g


def _get(request_id: int) -> GiftRequest:
    g = GiftRequest.get_or_none(GiftRequest.id == request_id)
    if g is None:
        raise NotFound(tx("No gift request with id {id}.", id=request_id))
    return g


def require_read(user: User | None) -> None:
    if user is None or can(user, "gift.approve"):
        return
    require(user, "gift.request")


def get_request(user: User | None, request_id: int) -> tuple[GiftRequest, list[GiftItem]]:
    """The request and its items, in the order typed."""
    require_read(user)
    g = _get(request_id)
    return g, list(GiftItem.select().where(GiftItem.request == g.id).order_by(GiftItem.id))


def request_history(user: User | None, request_id: int) -> list[GiftRequestHistory]:
    """The request's history, oldest first (``row.user`` joined); the codes
    are listed on :class:`app.domain.field.models.GiftRequestHistory`."""
    require_read(user)
    return list(history_of(_get(request_id)))



# --- lists and totals ---------------------------------------------------------

@dataclass
class GiftFilter:
    """What the gift list shows; empty values do not filter.

    ``view``: "" (all), "to_decide" (requested, not by the user: what the
    user may approve), "mine" (requested by the user). The period applies to
    the request date, or to the date given when ``status`` is "given".
    """
    view: str = ""
    status: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    customer_id: int | None = None
    requested_by_id: int | None = None
    text: str = ""


def list_requests(user: User | None, flt: GiftFilter | None = None) -> list[GiftRequest]:
    """Requests matching ``flt`` with customer and requester joined; those
    waiting for a decision first (oldest first), then the newest."""
    require_read(user)
    flt = flt or GiftFilter()
    Requester = User.alias()
    q = (GiftRequest.select(GiftRequest, Customer, Requester).join(Customer).switch(GiftRequest)
         .join(Requester, on=(GiftRequest.requested_by == Requester.id)))
    if flt.view == "to_decide":
        q = q.where(GiftRequest.status == "requested")
        if user is not None:
            q = q.where(GiftRequest.requested_by != user.id)
    elif flt.view == "mine" and user is not None:
        q = q.where(GiftRequest.requested_by == user.id)
    if flt.status:
        q = q.where(GiftRequest.status == flt.status)
    stamp = GiftRequest.given_at if flt.status == "given" else GiftRequest.requested_at
    if flt.date_from:
        q = q.where(stamp >= dt.datetime.combine(flt.date_from, dt.time.min))
    if flt.date_to:
        q = q.where(stamp < dt.datetime.combine(flt.date_to + dt.timedelta(days=1), dt.time.min))
    if flt.customer_id:
        q = q.where(GiftRequest.customer == flt.customer_id)
    if flt.requested_by_id:
        q = q.where(GiftRequest.requested_by == flt.requested_by_id)
    needle = search_text(flt.text)
    if needle:
        in_items = GiftItem.select(GiftItem.request).where(GiftItem.description.contains(needle))
        q = q.where(GiftRequest.number.contains(needle) | Customer.name.contains(needle)
                    | Customer.code.contains(needle) | GiftRequest.reason.contains(needle)
                    | GiftRequest.id.in_(in_items))
    rows = list(q.order_by(GiftRequest.requested_at.desc(), GiftRequest.id.desc()))
    waiting = sorted((g for g in rows if g.status == "requested"), key=lambda g: (g.requested_at, g.id))
    return waiting + [g for g in rows if g.status != "requested"]


def to_decide(user: User | None) -> list[GiftRequest]:
    """Requests waiting for a decision that ``user`` may make (not their own)."""
    require(user, "gift.approve")
    return list_requests(user, GiftFilter(view="to_decide"))


def mine(user: User) -> list[GiftRequest]:
    return list_requests(user, GiftFilter(view="mine"))


def by_customer(user: User | None, customer_id: int) -> list[GiftRequest]:
    return list_requests(user, GiftFilter(customer_id=customer_id))


@dataclass
class CustomerTotal:
    customer_id: int
    code: str
    name: str
    requests: int
    value: Decimal


@dataclass
class MonthTotal:
    month: dt.date          # the 1st of the month
    requests: int
    value: Decimal


def _given_in(date_from: dt.date | None, date_to: dt.date | None) -> list[GiftRequest]:
    q = (GiftRequest.select(GiftRequest, Customer).join(Customer).where(GiftRequest.status == "given"))
    if date_from:
        q = q.where(GiftRequest.given_at >= dt.datetime.combine(date_from, dt.time.min))
    if date_to:
        q = q.where(GiftRequest.given_at < dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time.min))
    return list(q)


def totals_by_customer(user: User | None, date_from: dt.date | None = None,
                       date_to: dt.date | None = None) -> list[CustomerTotal]:
    """Value given per customer in the period (by the date given), largest first."""
    require_read(user)
    out: dict[int, CustomerTotal] = {}
    for g in _given_in(date_from, date_to):
        t = out.setdefault(g.customer_id, CustomerTotal(g.customer_id, g.customer.code, g.customer.name, 0,
                                                        Decimal(0)))
        t.requests += 1
        t.value += Decimal(g.total_value)
    return sorted(out.values(), key=lambda t: (-t.value, t.code))


def totals_by_month(user: User | None, date_from: dt.date | None = None,
                    date_to: dt.date | None = None) -> list[MonthTotal]:
    """Value given per calendar month in the period, oldest month first.
    (Grouped in Python: month functions differ between the three databases.)"""
    require_read(user)
    out: dict[dt.date, MonthTotal] = {}
    for g in _given_in(date_from, date_to):
        m = g.given_at.date().replace(day=1)
        t = out.setdefault(m, MonthTotal(m, 0, Decimal(0)))
        t.requests += 1
        t.value += Decimal(g.total_value)
    return [out[m] for m in sorted(out)]


def sum_value(requests: list[GiftRequest]) -> Decimal:
    """The total value of some requests (the list's footer)."""
    return sum((Decimal(g.total_value) for g in requests), Decimal(0)).quantize(CENT)


def slip_data(user: User | None, request_id: int):
    """The printed request / approval slip's data (app.printing.field.gift_print)."""
    from app.domain.core import settings
    from app.printing.field.gift_print import GiftSlipData, SlipItem

    g, items = get_request(user, request_id)
    name = lambda u: u.display_name if u is not None else ""  # noqa: E731
    return GiftSlipData(
        company=settings.company(), number=g.number, status=g.status, customer_name=g.customer.name,
        customer_code=g.customer.code, customer_phone=g.customer.phone, requester=name(g.requested_by),
        requested_at=g.requested_at, reason=g.reason, total=Decimal(g.total_value),
        items=[SlipItem(i.kind, i.description, Decimal(i.quantity), Decimal(i.unit_value)) for i in items],
        visit=f"{g.visit.number} {g.visit.actual_date or g.visit.planned_date or ''}".strip() if g.visit_id else "",
        activity=f"{g.activity.number} {g.activity.title}" if g.activity_id else "",
        decided_by=name(g.decided_by), decided_at=g.decided_at, decision_note=g.decision_note,
        given_to=g.given_to, given_at=g.given_at, given_by=name(g.given_by), given_note=g.given_note,
        printed_at=now(), printed_by=name(user))
