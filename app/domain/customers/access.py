"""Who may consult a customer's archive, access requests, and the access log (§2.1.4).

The regulation: the information manager keeps the archives; anyone else
needs the consent of the customer's responsible staff member (业务责任人) or
the manager. Here:

* **full access** (the whole archive) has a user with "customer.archive.read"
  (the keeper, the manager, the administrator), the customer's responsible
  staff member, and a user whose access request for that customer was
  granted and has not expired;
* everyone else with "customer.overview" sees only the overview row and may
  :func:`request_access` (a reason and a number of days);
* the responsible staff member, or a user with "customer.access.grant",
  :func:`grant`\\ s or :func:`refuse`\\ s it, and may :func:`revoke` it later;
* granted access ends by itself at ``valid_until``: expiry is computed when
  access is checked (no background job, nothing to forget to run);
* every view, print, export and import, and every refused attempt, is written
  to the access log (:func:`record`), which "customer.access.log" reads.

Request statuses as stored: pending, granted, refused, revoked. As shown
(:func:`status_of`): the same, plus "expired" for a granted request past its
``valid_until``.
"""
from __future__ import annotations

import datetime as dt

import peewee as pw

from app.domain.core import limits
from app.domain.core.db import write_transaction
from app.domain.core.errors import NotFound, PermissionDenied, TransitionNotAllowed, ValidationError, tx
from app.domain.core.models import User, now
from app.domain.core.permissions import can, current, may_act, require
from app.domain.core.text import keep
from app.domain.customers.models import AccessLog, AccessRequest, Customer

#: The longest period a request may ask for (days).
MAX_DAYS = 90
#: What the access log records: a view, print or export of an archive; an
#: import; a read of its change history ("history"); the counter's units and
#: jobs of the customer ("page") and field service's visits, gifts and
#: surveys ("service"); a refused attempt ("denied", the detail says at what).
ACTIONS = ("view", "print", "export", "import", "history", "page", "service", "denied")


def access_reason(user: User | None, customer: Customer) -> str | None:
    """Why ``user`` may read ``customer``'s whole archive, or None if not:
    "system" (user None), "keeper" ("customer.archive.read"), "responsible",
    or "granted" (an unexpired granted request). Decided on the user's
    current row: a user disabled or demoted at another station reads no more."""
    if user is None:
        return "system"
    user = current(user)
    if not may_act(user):
        return None
    if can(user, "customer.archive.read"):
        return "keeper"
    if customer.responsible_id is not None and customer.responsible_id == user.id:
        return "responsible"
    if active_grant(user, customer.id) is not None:
        return "granted"
    return None


def active_grant(user: User, customer_id: int) -> AccessRequest | None:
    """The user's granted, unexpired request for the customer (the latest ending)."""
    return (AccessRequest.select()
            .where((AccessRequest.customer == customer_id) & (AccessRequest.requester == user.id)
                   & (AccessRequest.status == "granted") & (AccessRequest.valid_until > now()))
            .order_by(AccessRequest.valid_until.desc()).first())


def may_decide(user: User | None, customer: Customer) -> bool:
    """The customer's responsible staff member, or "customer.access.grant"
    (the user's current row)."""
    if user is None:
        return True
    user = current(user)
    if not may_act(user):
        return False
    return can(user, "customer.access.grant") or customer.responsible_id == user.id


#: A request's status as a message names it ("This access request is already granted").
STATUS_WORDS = {"pending": tx("waiting for a decision"), "granted": tx("granted"), "expired": tx("expired"),
                "refused": tx("refused"), "revoked": tx("revoked")}


def status_of(req: AccessRequest, at: dt.datetime | None = None) -> str:
    """pending | granted | expired | refused | revoked (expiry computed at ``at``, default now)."""
    if req.status == "granted" and req.valid_until is not None and req.valid_until <= (at or now()):
        return "expired"
    return req.status


def request_access(user: User, customer_id: int, reason: str, days: int = 7) -> AccessRequest:
    """Ask to consult a customer's archive for ``days`` days.

    Needs "customer.overview". Raises ValidationError({"reason"|"days"|"customer": ...})
    when the reason is empty, the period is not 1..MAX_DAYS, the user already
    has access or already has a pending request for the customer.
    """
    require(user, "customer.overview")
    customer = _customer(customer_id)
    reason = keep(reason)
    errors = limits.check(AccessRequest, {"reason": reason})
    if not reason and not errors:
        errors["reason"] = tx("Say why you need to consult this archive.")
    try:
        days = int(days)
    except (TypeError, ValueError):
        days = 0
    if not 1 <= days <= MAX_DAYS:
        errors["days"] = tx("The period is 1 to {max} days.", max=MAX_DAYS)
    if access_reason(user, customer) is not None:
        errors["customer"] = tx("You can already read this archive.")
    elif AccessRequest.select().where((AccessRequest.customer == customer.id) & (AccessRequest.requester == user.id)
                                      & (AccessRequest.status == "pending")).exists():
        errors["customer"] = tx("Your request for this archive is waiting for a decision.")
    if errors:
        raise ValidationError(errors)
    with write_transaction():
        return AccessRequest.create(customer=customer, requester=user, reason=reason, days=days)


def grant(user: User | None, request_id: int, days: int | None = None, note: str = "") -> AccessRequest:
    """Grant a pending request; access lasts ``days`` (default: as asked) from now.

    Raises PermissionDenied (not the responsible staff member and no
    "customer.access.grant", or one's own request), TransitionNotAllowed (not
    pending), ValidationError({"days": ...}).
    """
    req = _request(request_id)
    _check_decider(user, req)
    days = req.days if days is None else days
    note = _note(note)
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_DAYS:
        raise ValidationError({"days": tx("The period is 1 to {max} days.", max=MAX_DAYS)})
    at = now()
    return _decide(req, "pending", status="granted", decided_by=user, decided_at=at, decision_note=note,
                   days=int(days), valid_until=at + dt.timedelta(days=int(days)))


def refuse(user: User | None, request_id: int, note: str = "") -> AccessRequest:
    """Refuse a pending request (``note`` tells the requester why). Raises as :func:`grant`."""
    req = _request(request_id)
    _check_decider(user, req)
    note = _note(note)
    return _decide(req, "pending", status="refused", decided_by=user, decided_at=now(), decision_note=note)


def revoke(user: User | None, request_id: int, note: str = "") -> AccessRequest:
    """End a granted access before it expires. Raises as :func:`grant` (not granted: TransitionNotAllowed)."""
    req = _request(request_id)
    _check_decider(user, req)
    note = _note(note)
    return _decide(req, "granted", status="revoked", decided_by=user, decided_at=now(),
                   decision_note=note, valid_until=now())


def _note(note) -> str:
    """A decision note as typed, checked against its column (app.domain.core.limits)."""
    note = keep(note)
    limits.require(AccessRequest, {"decision_note": note}, names={"decision_note": "note"})
    return note


def requests_to_decide(user: User) -> list[AccessRequest]:
    """Pending requests ``user`` may decide, oldest first (customer and requester joined)."""
    q = (AccessRequest.select(AccessRequest, Customer, User).join(Customer).switch(AccessRequest)
         .join(User, on=(AccessRequest.requester == User.id))
         .where(AccessRequest.status == "pending").order_by(AccessRequest.requested_at, AccessRequest.id))
    if not may_act(user):
        return []
    if not can(user, "customer.access.grant"):
        q = q.where(Customer.responsible == user.id)
    return list(q)


def grants_in_force(user: User) -> list[AccessRequest]:
    """Granted, unexpired requests ``user`` may revoke, ending soonest first."""
    q = (AccessRequest.select(AccessRequest, Customer, User).join(Customer).switch(AccessRequest)
         .join(User, on=(AccessRequest.requester == User.id))
         .where((AccessRequest.status == "granted") & (AccessRequest.valid_until > now()))
         .order_by(AccessRequest.valid_until, AccessRequest.id))
    if not may_act(user):
        return []
    if not can(user, "customer.access.grant"):
        q = q.where(Customer.responsible == user.id)
    return list(q)


def my_requests(user: User, limit: int = 200) -> list[AccessRequest]:
    """The user's own requests, newest first; show each with :func:`status_of`."""
    return list(AccessRequest.select(AccessRequest, Customer).join(Customer)
                .where(AccessRequest.requester == user.id)
                .order_by(AccessRequest.requested_at.desc(), AccessRequest.id.desc()).limit(limit))


def record(user: User | None, customer_id: int | None, action: str, detail: str = "") -> None:
    """Write one access-log row (its own small transaction, or the caller's).

    ``action``: one of :data:`ACTIONS`. A refused attempt is logged
    although the caller then raises: the log must show it. The log is
    append-only (:class:`app.domain.customers.models.AccessLog`).
    """
    assert action in ACTIONS, action
    with write_transaction():
        AccessLog.create(user=user, customer=customer_id, action=action, detail=detail[:2000])


def require_logged(user: User | None, perm: str, what: str, customer_id: int | None = None) -> None:
    """:func:`~app.domain.core.permissions.require`, and a refusal written
    to the access log ("denied", ``what`` as its detail) before it is
    raised: a refused export, import or print shows in the log."""
    try:
        require(user, perm)
    except PermissionDenied:
        record(user, customer_id, "denied", what)
        raise


def read_log(user: User, customer_id: int | None = None, user_id: int | None = None,
             since: dt.datetime | None = None, limit: int = 500) -> list[AccessLog]:
    """The access log, newest first (user and customer joined); "customer.access.log" needed."""
    require(user, "customer.access.log")
    q = (AccessLog.select(AccessLog, User, Customer)
         .join(User, on=(AccessLog.user == User.id), join_type=pw.JOIN.LEFT_OUTER).switch(AccessLog)
         .join(Customer, on=(AccessLog.customer == Customer.id), join_type=pw.JOIN.LEFT_OUTER)
         .order_by(AccessLog.at.desc(), AccessLog.id.desc()).limit(limit))
    if customer_id is not None:
        q = q.where(AccessLog.customer == customer_id)
    if user_id is not None:
        q = q.where(AccessLog.user == user_id)
    if since is not None:
        q = q.where(AccessLog.at >= since)
    return list(q)


def _customer(customer_id: int) -> Customer:
    c = Customer.get_or_none(Customer.id == customer_id)
    if c is None:
        raise NotFound(tx("No customer with id {id}.", id=customer_id))
    return c


def _request(request_id: int) -> AccessRequest:
    req = AccessRequest.get_or_none(AccessRequest.id == request_id)
    if req is None:
        raise NotFound(tx("No access request with id {id}.", id=request_id))
    return req


def _check_decider(user: User | None, req: AccessRequest) -> None:
    if user is not None and req.requester_id == user.id:
        raise PermissionDenied(tx("Nobody decides their own access request."))
    if not may_decide(user, req.customer):
        raise PermissionDenied(tx("Only the customer's responsible staff member or a manager may decide "
                                  "access to this archive."), perm="customer.access.grant")


def _decide(req: AccessRequest, expected: str, **values) -> AccessRequest:
    # The status in the WHERE clause makes two deciders at two stations safe:
    # the second finds nothing to update and is told so.
    with write_transaction():
        n = (AccessRequest.update(**values)
             .where((AccessRequest.id == req.id) & (AccessRequest.status == expected)).execute())
        if n != 1:
            current = AccessRequest.get_by_id(req.id)
            raise TransitionNotAllowed(tx("This access request is already {status}.",
                                          status=STATUS_WORDS.get(status_of(current), status_of(current))))
    return AccessRequest.get_by_id(req.id)
