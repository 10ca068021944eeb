"""What becomes of a planned visit (§3.6): recorded as made with its report
(走访用户汇报, 附表4) — which its staff member or a manager may correct later —
cancelled with a reason, or carried forward to a later month. The states
and the rules are described in :mod:`app.domain.field.visits`.
"""
from __future__ import annotations

from app.domain.core import limits
from app.domain.core.db import write_transaction
from app.domain.core.errors import PermissionDenied, TransitionNotAllowed, ValidationError, tx
from app.domain.core.models import User, now
from app.domain.core.numbering import next_number
from app.domain.core.permissions import can
from app.domain.core.records import guarded_write
from app.domain.core.text import clean
from app.domain.field.models import Visit
from app.domain.field.visits import (STATUS_LABELS, _as_date, _check_write, _clean, _load, _write_purposes,
                                     get_visit, month_start, today)


def _report_values(actual_date, gains, reactions, suggestions, complaint_text, errors: dict) -> dict:
    day = _as_date(actual_date, "actual_date", errors)
    if day is None and "actual_date" not in errors:
        errors["actual_date"] = tx("Enter the day of the visit.")
    elif day is not None and day > today():
        errors["actual_date"] = tx("The visit cannot be in the future.")
    values = dict(gains=_clean(gains), reactions=_clean(reactions), suggestions=_clean(suggestions),
                  complaint_text=_clean(complaint_text))
    errors.update(limits.check(Visit, values))
    if not values["gains"] and "gains" not in errors:
        errors["gains"] = tx("Write the main gains of the visit.")
    return dict(values, actual_date=day)


def _save_report(v: Visit, user: User | None, version: int, from_status: str, extra: dict, actual_date, gains,
                 reactions, suggestions, complaint_text, contact_person, place) -> Visit:
    """Check and write a report (recording or correcting it); raises ValidationError."""
    errors: dict = {}
    values = _report_values(actual_date, gains, reactions, suggestions, complaint_text, errors)
    if contact_person is not None:
        values["contact_person"] = clean(contact_person)
    if place is not None:
        values["place"] = _clean(place)
    errors.update(limits.check(Visit, {k: values[k] for k in ("contact_person", "place") if k in values}))
    if errors:
        raise ValidationError(errors)
    with write_transaction():
        guarded_write(v, user, version, dict(extra, **values), states=(from_status,))
    return _load(v.id)


def record_report(user: User | None, visit_id: int, version: int, *, actual_date, gains: str,
                  reactions: str = "", suggestions: str = "", complaint_text: str = "",
                  contact_person: str | None = None, place: str | None = None) -> Visit:
    """planned -> done with the report (附表4). Raises ValidationError (actual_date,
    gains), TransitionNotAllowed, ConcurrentChange, PermissionDenied."""
    v = get_visit(user, visit_id)
    _check_write(user, v)
    if v.status != "planned":
        raise TransitionNotAllowed(tx("Only a planned visit can be reported as made; this one is {status}.",
                                      status=STATUS_LABELS.get(v.status, v.status)))
    return _save_report(v, user, version, "planned", dict(status="done", reported_at=now(), reported_by=user),
                        actual_date, gains, reactions, suggestions, complaint_text, contact_person, place)


def correct_report(user: User | None, visit_id: int, version: int, *, actual_date, gains: str,
                   reactions: str = "", suggestions: str = "", complaint_text: str = "",
                   contact_person: str | None = None, place: str | None = None) -> Visit:
    """Correct the report of a done visit: its staff member or a manager ("visit.approve")."""
    v = get_visit(user, visit_id)
    if not (user is None or can(user, "visit.approve") or (can(user, "visit.plan") and v.staff_id == user.id)):
        raise PermissionDenied(tx("Only the staff member who made the visit or a manager corrects its report."),
                               perm="visit.approve")
    if v.status != "done":
        raise TransitionNotAllowed(tx("Only the report of a done visit can be corrected; this one is {status}.",
                                      status=STATUS_LABELS.get(v.status, v.status)))
    return _save_report(v, user, version, "done", {}, actual_date, gains, reactions, suggestions, complaint_text,
                        contact_person, place)


def cancel_visit(user: User | None, visit_id: int, version: int, reason: str) -> Visit:
    """planned -> cancelled; the reason is required."""
    v = get_visit(user, visit_id)
    _check_write(user, v)
    if v.status != "planned":
        raise TransitionNotAllowed(tx("Only a planned visit can be cancelled; this one is {status}.",
                                      status=STATUS_LABELS.get(v.status, v.status)))
    reason = _clean(reason)
    limits.require(Visit, {"cancel_reason": reason}, names={"cancel_reason": "reason"})
    if not reason:
        raise ValidationError({"reason": tx("Say why the visit is cancelled.")})
    with write_transaction():
        guarded_write(v, user, version, {"status": "cancelled", "cancel_reason": reason}, states=("planned",))
    return _load(v.id)


def carry_forward(user: User | None, visit_id: int, version: int, to_month) -> Visit:
    """planned -> carried; returns the new planned visit in ``to_month`` (later than
    the visit's month and not before the current month), same customer, kind,
    purposes, manager, goal, contact and place, ad hoc (no plan), pointing back."""
    v = get_visit(user, visit_id)
    _check_write(user, v)
    if v.status != "planned":
        raise TransitionNotAllowed(tx("Only a planned visit can be carried forward; this one is {status}.",
                                      status=STATUS_LABELS.get(v.status, v.status)))
    errors: dict = {}
    target = _as_date(to_month, "to_month", errors)
    if target is None and not errors:
        errors["to_month"] = tx("Choose the month to carry the visit to.")
    elif target is not None:
        target = month_start(target)
        if target <= v.due_month:
            errors["to_month"] = tx("Carry the visit to a month after {month}.", month=v.due_month.strftime("%Y-%m"))
        elif target < month_start(today()):
            errors["to_month"] = tx("Carry the visit to this month or a later one.")
    if errors:
        raise ValidationError(errors)
    with write_transaction():
        guarded_write(v, user, version, {"status": "carried"}, states=("planned",))
        new = Visit.create(number=next_number("ZF"), plan=None, customer=v.customer_id, staff=v.staff_id,
                           manager=v.manager_id, kind=v.kind, due_month=target, carried_from=v.id,
                           contact_person=v.contact_person, place=v.place, goal=v.goal, created_by=user)
        _write_purposes(new.id, v.purpose_codes)
    return _load(new.id)
