"""The service job as a state machine, and the work recorded on it.

::

    received ──> diagnosing ──> waiting_parts <──> repairing ──> repaired ──> ready ──> delivered
        │            │  └──────────────────────────────^              ^        │  └─> returned
        │            └──────────── give up (unrepaired) ──────────────┘        │   (outcome unrepaired)
        └──> cancelled  (entry voided; from received/diagnosing/waiting_parts) └─> repairing (rework)

Every transition is checked against :data:`ACTIONS`. Every write of a job
goes through :func:`app.domain.core.records.guarded_write`: it checks the
job's ``version`` (and, for a step, its state), so a change made by another
station in the meantime is reported, never overwritten, and writes the
:class:`JobHistory` rows (who, when, what, old value, new value, note; the
codes are listed there) in the same transaction.
``ready -> delivered/returned`` happens only through :mod:`app.domain.counter.release`,
which also writes the register's "out" row.
"""
from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from app.domain.core import limits
from app.domain.core.db import write_transaction
from app.domain.core.errors import NotFound, TransitionNotAllowed, ValidationError, tx
from app.domain.core.models import User, now
from app.domain.core.permissions import current, require
from app.domain.core.records import Change, guarded_write
from app.domain.core.text import clean, keep, keep_line
from app.domain.counter.models import Job, JobHistory, JobLabour, JobPart

STATES = ("received", "diagnosing", "waiting_parts", "repairing", "repaired", "ready",
          "delivered", "cancelled", "returned")
OPEN_STATES = ("received", "diagnosing", "waiting_parts", "repairing", "repaired", "ready")
CLOSED_STATES = ("delivered", "cancelled", "returned")
#: States in which the technician may still record work.
WORK_STATES = ("diagnosing", "waiting_parts", "repairing", "repaired")

#: action -> (allowed from-states, to-state, note required)
ACTIONS: dict[str, tuple[tuple[str, ...], str, bool]] = {
    "start_diagnosis": (("received",), "diagnosing", False),
    "wait_parts": (("diagnosing", "repairing"), "waiting_parts", False),
    "start_repair": (("diagnosing", "waiting_parts"), "repairing", False),
    "finish_repair": (("repairing",), "repaired", False),
    "mark_ready": (("repaired",), "ready", False),
    "give_up": (("received", "diagnosing", "waiting_parts", "repairing"), "ready", True),
    "rework": (("repaired", "ready"), "repairing", True),
    "cancel": (("received", "diagnosing", "waiting_parts"), "cancelled", True),
}
#: Actions that need their own service (they write more than the job).
SPECIAL_ACTIONS = {"cancel": "app.domain.counter.release.cancel_job"}

CENT = Decimal("0.01")
#: How the customer was told (JobHistory "informed").
INFORM_WAYS = ("phone", "sms", "wechat", "in_person")


def amount_text(value) -> str:
    """A quantity or hours as the history writes it, the same on every
    backend: "1", "1.5", "0.25" (two decimals at most, no trailing zeros)."""
    return format(Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP).normalize(), "f")


def money(value) -> Decimal:
    return Decimal(value or 0).quantize(CENT, rounding=ROUND_HALF_UP)


def to_decimal(value, field: str, *, positive: bool = True, allow_zero: bool = False) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (str, int, float, Decimal)):
        raise ValidationError({field: tx("Enter a number.")})
    try:
        d = Decimal(str(value).strip().replace(",", "").replace("¥", "").replace("￥", ""))
    except (InvalidOperation, ValueError):
        raise ValidationError({field: tx("Enter a number.")}) from None
    if not d.is_finite():
        raise ValidationError({field: tx("Enter a number.")})
    if positive and (d < 0 or (d == 0 and not allow_zero)):
        raise ValidationError({field: tx("Must be greater than zero.") if not allow_zero
                               else tx("Cannot be negative.")})
    return d


def get_job(job_id: int) -> Job:
    job = Job.get_or_none(Job.id == job_id)
    if job is None:
        raise NotFound(tx("Job {id} not found.", id=job_id))
    return job


def get_by_number(number: str) -> Job | None:
    return Job.get_or_none(Job.number == number.strip().upper())


def allowed_actions(job: Job) -> list[str]:
    return [a for a, (src, _to, _n) in ACTIONS.items() if job.state in src]


def can(job: Job, action: str) -> bool:
    return action in ACTIONS and job.state in ACTIONS[action][0]


def who(user_id: int | None) -> str:
    """A technician as the history records it: "name (#id)", "" for none."""
    if user_id is None:
        return ""
    u = User.get_or_none(User.id == user_id)
    return f"{u.display_name} (#{user_id})" if u else f"#{user_id}"


def perform(job_id: int, action: str, user: User | None, expected_version: int | None,
            note: str = "") -> Job:
    """Move a job along the state machine (the workshop's right, "job.work":
    technicians move jobs, the counter informs and hands back)."""
    require(user, "job.work")
    if action in SPECIAL_ACTIONS:
        raise TransitionNotAllowed(tx("'{action}' is done through {service}.", action=action,
                                      service=SPECIAL_ACTIONS[action]))
    if action not in ACTIONS:
        raise TransitionNotAllowed(tx("Unknown action '{action}'.", action=action))
    sources, target, needs_note = ACTIONS[action]
    note = keep(note)
    limits.require(JobHistory, {"note": note})
    with write_transaction():
        job = get_job(job_id)
        if job.state not in sources:
            raise TransitionNotAllowed(
                tx("Job {number} is '{state}'; '{action}' is allowed only from {sources}.",
                   number=job.number, state=job.state, action=action, sources=", ".join(sources)),
                state=job.state, action=action)
        if needs_note and not note:
            raise ValidationError({"note": tx("Say why (a note is required for this step).")})
        fields = {"state": target}
        if action == "mark_ready":
            fields["outcome"] = "repaired"
        elif action == "give_up":
            fields["outcome"] = "unrepaired"
        elif action == "rework":
            fields["outcome"] = ""
        if action in ("start_diagnosis", "start_repair") and job.technician_id is None and user is not None \
                and current(user).role == "technician":
            fields["technician"] = user.id
        changes = [Change("state", job.state, target)]
        if "technician" in fields:
            changes.append(Change("technician", "", who(user.id)))
        job = guarded_write(job, user, expected_version, fields, states=sources, changes=changes, note=note)
    return job


def set_diagnosis(job_id: int, diagnosis: str, user: User | None, expected_version: int | None,
                  technician_id: int | None = None) -> Job:
    """Record the diagnosis (and, optionally, the technician in charge)."""
    require(user, "job.work")
    with write_transaction():
        job = get_job(job_id)
        if job.state in CLOSED_STATES:
            raise TransitionNotAllowed(tx("Job {number} is closed ({state}).", number=job.number, state=job.state))
        fields = {"diagnosis": keep(diagnosis)}
        limits.require(Job, dict(fields, technician=technician_id) if technician_id is not None else fields)
        changes = [Change("diagnosis", job.diagnosis, fields["diagnosis"])] \
            if fields["diagnosis"] != job.diagnosis else []
        if technician_id is not None and technician_id != job.technician_id:
            fields["technician"] = technician_id
            changes.append(Change("technician", who(job.technician_id), who(technician_id)))
        if not changes:
            return job   # nothing changed: nothing to write or record
        job = guarded_write(job, user, expected_version, fields, changes=changes)
    return job


def _check_work_allowed(job: Job) -> None:
    if job.state not in WORK_STATES:
        raise TransitionNotAllowed(
            tx("Parts and labour are recorded while the job is being worked on; job {number} is '{state}'.",
               number=job.number, state=job.state))


def add_part(job_id: int, description: str, quantity, unit_price, user: User | None,
             expected_version: int | None, kind: str = "part", part_no: str = "") -> Job:
    """Record a part or material used on the job."""
    require(user, "job.work")
    description, part_no = keep_line(description), clean(part_no)
    errors = limits.check(JobPart, dict(description=description, part_no=part_no))
    if not errors.get("description") and not description:
        errors["description"] = tx("Describe the part or material.")
    if kind not in ("part", "material"):
        errors["kind"] = tx("part or material")
    try:
        qty = to_decimal(quantity, "quantity")
    except ValidationError as e:
        errors.update(e.fields)
    try:
        price = to_decimal(unit_price, "unit_price", allow_zero=True)
    except ValidationError as e:
        errors.update(e.fields)
    if "quantity" not in errors and "unit_price" not in errors:
        # the column's precision and the sane ranges: 0.001 or 1e20 are refused, never rounded
        errors.update(limits.check(JobPart, dict(quantity=qty, unit_price=price)))
    if errors:
        raise ValidationError(errors)
    with write_transaction():
        job = get_job(job_id)
        _check_work_allowed(job)
        line = f"{description} x {amount_text(qty)} @ {money(price)}"
        # The job first, then its line: every writer locks a job before its
        # children, so two stations adding parts queue instead of deadlocking
        # (MariaDB 1213: both held the job shared through their new line's key).
        job = guarded_write(job, user, expected_version, changes=[Change("part", new=line)])
        JobPart.create(job=job, kind=kind, description=description, part_no=part_no,
                       quantity=qty, unit_price=money(price), added_by=user)
    return job


def remove_part(part_id: int, user: User | None, expected_version: int | None) -> Job:
    """Delete a part line recorded by mistake."""
    require(user, "job.work")
    part = JobPart.get_or_none(JobPart.id == part_id)
    return _remove_line(part, tx("That part line no longer exists."), user, expected_version, "part_removed",
                        lambda p: f"{p.description} x {amount_text(p.quantity)}")


def _labour_text(hours, rate, description: str) -> str:
    return f"{amount_text(hours)} h @ {money(rate)} {description}".strip()


def _remove_line(line, missing, user: User | None, expected_version: int | None, what: str, describe) -> Job:
    """Delete a part or labour line of a job still being worked on."""
    if line is None:
        raise NotFound(missing)
    with write_transaction():
        job = line.job
        _check_work_allowed(job)
        job = guarded_write(job, user, expected_version, changes=[Change(what, old=describe(line))])
        line.delete_instance()
    return job


def add_labour(job_id: int, hours, rate, user: User | None, expected_version: int | None,
               technician_id: int | None = None, description: str = "",
               work_date: dt.date | None = None) -> Job:
    """Record labour hours (by default the job's technician, else ``user``)."""
    require(user, "job.work")
    description = keep_line(description)
    values = {"description": description, "work_date": work_date, "technician": technician_id}
    errors = limits.check(JobLabour, {k: v for k, v in values.items() if v is not None},
                          names={"technician": "technician_id"})
    try:
        h = to_decimal(hours, "hours")
        if h > 24:
            errors["hours"] = tx("More than 24 hours in one line: split it by day.")
    except ValidationError as e:
        errors.update(e.fields)
    try:
        r = to_decimal(rate, "rate", allow_zero=True)
    except ValidationError as e:
        errors.update(e.fields)
    if "hours" not in errors and "rate" not in errors:
        errors.update(limits.check(JobLabour, dict(hours=h, rate=r)))
    if errors:
        raise ValidationError(errors)
    with write_transaction():
        job = get_job(job_id)
        _check_work_allowed(job)
        tech = technician_id if technician_id is not None else (job.technician_id or (user.id if user else None))
        job = guarded_write(job, user, expected_version,       # the job first (see add_part)
                            changes=[Change("labour", new=_labour_text(h, r, description))])
        JobLabour.create(job=job, technician=tech, hours=h, rate=money(r), description=description,
                         work_date=work_date or dt.date.today())
    return job


def remove_labour(labour_id: int, user: User | None, expected_version: int | None) -> Job:
    """Delete a labour line recorded by mistake."""
    require(user, "job.work")
    line = JobLabour.get_or_none(JobLabour.id == labour_id)
    return _remove_line(line, tx("That labour line no longer exists."), user, expected_version,
                        "labour_removed", lambda x: _labour_text(x.hours, x.rate, x.description))


def inform_customer(job_id: int, user: User | None, expected_version: int | None, how: str = "phone",
                    note: str = "") -> Job:
    """Record that the customer was told (e.g. the unit is ready, or a quote)."""
    require(user, "job.inform")
    note = keep(note)
    limits.require(JobHistory, {"note": note, "new_value": how or ""}, names={"new_value": "how"})
    if how and how not in INFORM_WAYS:
        raise ValidationError({"how": tx("Choose how the customer was told.")})
    with write_transaction():
        job = get_job(job_id)
        if job.state in CLOSED_STATES:
            raise TransitionNotAllowed(tx("Job {number} is closed ({state}).", number=job.number, state=job.state))
        job = guarded_write(job, user, expected_version,
                            {"informed_at": now(), "informed_by": user.id if user else None},
                            changes=[Change("informed", new=how or "")], note=note)
    return job


def override_kind(job_id: int, kind: str, reason: str, user: User | None,
                  expected_version: int | None) -> Job:
    """Change the service kind the rules gave; a reason is required."""
    require(user, "job.kind")
    from app.domain.counter.products import SERVICE_KINDS

    if kind not in SERVICE_KINDS:
        raise ValidationError({"service_kind": tx("Choose free, contract or paid.")})
    reason = keep(reason)
    limits.require(Job, {"kind_reason": reason})
    with write_transaction():
        job = get_job(job_id)
        if job.state in CLOSED_STATES:
            raise TransitionNotAllowed(tx("Job {number} is closed ({state}).", number=job.number, state=job.state))
        if kind != job.computed_kind and not reason:
            raise ValidationError({"kind_reason": tx("Say why the service kind differs from the rules.")})
        job = guarded_write(job, user, expected_version,
                            {"service_kind": kind, "kind_reason": reason if kind != job.computed_kind else ""},
                            changes=[Change("service_kind", job.service_kind, kind)], note=reason)
    return job
