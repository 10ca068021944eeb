"""Visit plans (§3.5: 年度、月度用户巡访计划) and how they are carried out:
the month's agenda, completion figures, and the data of the printouts.

A plan belongs to one staff member: annual (year) or monthly (year, month),
unique per (kind, year, month, staff). ``draft -> submitted`` (the staff
member, or someone with "visit.all") ``-> approved`` by a user with
"visit.approve" (not their own plan), or sent back to ``draft`` with a note.
Visits are added to a plan while it is a draft (:func:`app.domain.field.visits.create_visit`
with ``plan_id``); once approved the plan is what was agreed, and later
changes are ad-hoc or carried visits, which the month's view shows all the
same: the agenda of staff S for month M is every visit of S due in M,
whatever plan it came from.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from app.domain.core import limits
from app.domain.core.db import write_transaction
from app.domain.core.errors import NotFound, PermissionDenied, TransitionNotAllowed, ValidationError, tx
from app.domain.core.models import User, now
from app.domain.core.permissions import can, require
from app.domain.core.records import Change, add_history, changes_of, guarded_write, history_of
from app.domain.core.text import keep, keep_line
from app.domain.field.models import Visit, VisitPlan, VisitPlanHistory
from app.domain.field.visits import (_attach_purposes, _query, check_see, done_late, get_visit, is_overdue,
                                     month_end, month_start, purposes_for, shown_status, today, visible_staff_ids,
                                     visits_in)

PLAN_KINDS = ("annual", "monthly")
PLAN_KIND_LABELS = {"annual": tx("Annual plan"), "monthly": tx("Monthly plan")}
PLAN_STATUSES = ("draft", "submitted", "approved")
PLAN_STATUS_LABELS = {"draft": tx("Draft"), "submitted": tx("Submitted"), "approved": tx("Approved")}


def _plan(plan_id: int) -> VisitPlan:
    p = VisitPlan.select(VisitPlan, User).join(User, on=(VisitPlan.staff == User.id)).where(
        VisitPlan.id == plan_id).first()
    if p is None:
        raise NotFound(tx("No visit plan with id {id}.", id=plan_id))
    return p


def _check_write(user: User | None, staff_id: int) -> None:
    if user is None or can(user, "visit.all"):
        return
    require(user, "visit.plan")
    if user.id != staff_id:
        raise PermissionDenied(tx("You may see and plan only your own visits."), perm="visit.all")


def get_plan(user: User | None, plan_id: int) -> VisitPlan:
    p = _plan(plan_id)
    check_see(user, p.staff_id)
    return p


def plans_of(user: User | None, staff_id: int, year: int) -> list[VisitPlan]:
    """The staff member's plans of ``year``: the annual one first, then by month."""
    check_see(user, staff_id)
    rows = list(VisitPlan.select(VisitPlan, User).join(User, on=(VisitPlan.staff == User.id))
                .where((VisitPlan.staff == staff_id) & (VisitPlan.year == year)))
    return sorted(rows, key=lambda p: (p.kind != "annual", p.month or 0))


def plans_to_approve(user: User | None) -> list[VisitPlan]:
    """Submitted plans waiting for ``user``'s decision (not their own), oldest first."""
    require(user, "visit.approve")
    q = (VisitPlan.select(VisitPlan, User).join(User, on=(VisitPlan.staff == User.id))
         .where(VisitPlan.status == "submitted").order_by(VisitPlan.submitted_at, VisitPlan.id))
    return [p for p in q if user is None or p.staff_id != user.id]


def plan_visits(user: User | None, plan_id: int) -> list[Visit]:
    """The visits planned in a plan, by month, day and number."""
    p = get_plan(user, plan_id)
    return _attach_purposes(list(_query().where(Visit.plan == p.id)
                                 .order_by(Visit.due_month, Visit.planned_date, Visit.number)))


def create_plan(user: User | None, staff_id: int, kind: str, year: int, month: int | None = None, *,
                title: str = "", notes: str = "") -> VisitPlan:
    """A new draft plan. Raises ValidationError (kind, year, month: "already
    exists" too), PermissionDenied."""
    if limits.problem(VisitPlan.staff, staff_id):
        raise ValidationError({"staff": tx("Choose a staff member who makes visits.")})
    _check_write(user, staff_id)
    title, notes = keep_line(title), keep(notes)
    errors = limits.check(VisitPlan, {"title": title, "notes": notes})
    staff = User.get_or_none(User.id == staff_id)
    if staff is None or not can(staff, "visit.plan"):
        errors["staff"] = tx("Choose a staff member who makes visits.")
    if kind not in PLAN_KINDS:
        errors["kind"] = tx("Choose an annual or a monthly plan.")
    try:
        year = int(year) if not isinstance(year, (bool, float)) else 0
    except (TypeError, ValueError):
        year = 0
    if not 2000 <= year <= 2100:
        errors["year"] = tx("Enter a year between 2000 and 2100.")
    if kind == "monthly":
        if isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:
            errors["month"] = tx("Choose the month of the plan.")
    else:
        month = None
    if not errors:
        exists = VisitPlan.select().where((VisitPlan.staff == staff_id) & (VisitPlan.kind == kind)
                                          & (VisitPlan.year == year))
        exists = exists.where(VisitPlan.month == month) if month else exists.where(VisitPlan.month.is_null())
        if exists.exists():
            errors["month" if month else "year"] = tx("{name} already has this plan.", name=staff.display_name)
    if errors:
        raise ValidationError(errors)
    title = title or (f"{year}年度用户巡访计划" if kind == "annual" else f"{year}年{month}月用户巡访计划")
    with write_transaction():
        p = VisitPlan.create(kind=kind, year=year, month=month, staff=staff_id, title=title,
                             notes=notes, created_by=user)
        add_history(p, user, "created", new="draft", at=p.created_at)
    return p


def update_plan(user: User | None, plan_id: int, version: int, *, title: str, notes: str = "") -> VisitPlan:
    """Change a draft plan's title and notes."""
    p = get_plan(user, plan_id)
    _check_write(user, p.staff_id)
    values = {"title": keep_line(title), "notes": keep(notes)}
    limits.require(VisitPlan, values)
    if not values["title"]:
        raise ValidationError({"title": tx("required")})
    return _write_plan(p, user, version, "draft", values, changes_of(p, values))


def submit_plan(user: User | None, plan_id: int, version: int) -> VisitPlan:
    """draft -> submitted, by the staff member (or "visit.all"); a plan needs a visit."""
    p = get_plan(user, plan_id)
    _check_write(user, p.staff_id)
    if p.status != "draft":
        raise TransitionNotAllowed(tx("Only a draft plan can be submitted; this one is {status}.",
                                      status=PLAN_STATUS_LABELS.get(p.status, p.status)))
    if not Visit.select().where(Visit.plan == p.id).exists():
        raise ValidationError({"visits": tx("Add the planned visits before submitting the plan.")})
    return _write_plan(p, user, version, "draft", {"status": "submitted", "submitted_at": now()},
                       [Change("status", "draft", "submitted")])


def approve_plan(user: User | None, plan_id: int, version: int, note: str = "") -> VisitPlan:
    """submitted -> approved, by "visit.approve", not the plan's own staff member."""
    p = _decider(user, plan_id)
    note = _decision_note(note)
    values = dict(status="approved", decided_by=user, decided_at=now(), decision_note=note)
    return _write_plan(p, user, version, "submitted", values, [Change("status", "submitted", "approved")], note)


def return_plan(user: User | None, plan_id: int, version: int, note: str) -> VisitPlan:
    """submitted -> draft with the approver's note (required)."""
    p = _decider(user, plan_id)
    note = _decision_note(note)
    if not note:
        raise ValidationError({"note": tx("Say what to change in the plan.")})
    values = dict(status="draft", decided_by=user, decided_at=now(), decision_note=note)
    return _write_plan(p, user, version, "submitted", values, [Change("status", "submitted", "draft")], note)


def _decision_note(note) -> str:
    """The approver's note as typed, checked against its column."""
    note = keep(note)
    limits.require(VisitPlan, {"decision_note": note}, names={"decision_note": "note"})
    return note


def _decider(user: User | None, plan_id: int) -> VisitPlan:
    require(user, "visit.approve")
    p = _plan(plan_id)
    if user is not None and p.staff_id == user.id:
        raise PermissionDenied(tx("Nobody approves their own plan."), perm="visit.approve")
    if p.status != "submitted":
        raise TransitionNotAllowed(tx("Only a submitted plan is approved or returned; this one is {status}.",
                                      status=PLAN_STATUS_LABELS.get(p.status, p.status)))
    return p


def _write_plan(p: VisitPlan, user: User | None, version: int, from_status: str, values: dict,
                changes: list[Change], note: str = "") -> VisitPlan:
    """One guarded write of a plan still in ``from_status``, with its history rows."""
    with write_transaction():
        guarded_write(p, user, version, values, states=(from_status,), changes=changes, note=note)
    return _plan(p.id)


def plan_history(user: User | None, plan_id: int) -> list[VisitPlanHistory]:
    """The plan's history, oldest first (``row.user`` joined); the codes are
    listed on :class:`app.domain.field.models.VisitPlanHistory`."""
    return list(history_of(get_plan(user, plan_id)))


# --- tracking ---------------------------------------------------------------------

def agenda(user: User | None, month: dt.date, staff_id: int | None = None,
           on: dt.date | None = None) -> list[Visit]:
    """The month's visits (one staff member, or all ``user`` sees): overdue first,
    then planned this week, then the rest by date. The current month's agenda
    also holds the visits still planned from earlier months (they are overdue)."""
    on = on or today()
    month = month_start(month)
    rows = visits_in(user, month, month, staff_id, with_overdue_before=month == month_start(on))
    week_start = on - dt.timedelta(days=on.weekday())
    week_end = week_start + dt.timedelta(days=6)

    def key(v: Visit):
        if is_overdue(v, on):
            group = 0
        elif v.status == "planned" and v.planned_date and week_start <= v.planned_date <= week_end:
            group = 1
        else:
            group = 2
        day = v.actual_date or v.planned_date or v.due_month
        return group, day, v.number

    return sorted(rows, key=key)


def day_counts(visits: list[Visit], on: dt.date | None = None) -> dict[dt.date, dict[str, int]]:
    """Per day: how many visits are planned, done, overdue (for the calendar).
    A visit is on its actual date when done, else on its planned day."""
    out: dict[dt.date, dict[str, int]] = defaultdict(lambda: {"planned": 0, "done": 0, "overdue": 0})
    for v in visits:
        if v.status == "done" and v.actual_date:
            out[v.actual_date]["done"] += 1
        elif v.status == "planned" and v.planned_date:
            out[v.planned_date]["overdue" if is_overdue(v, on) else "planned"] += 1
    return dict(out)


@dataclass
class CompletionRow:
    """One staff member's visits due in a month. ``rate`` = done / (planned -
    cancelled), None when nothing was left to do; a carried visit counts as
    not done in its month (and again in the month it was carried to)."""
    staff_id: int
    staff_name: str
    planned: int = 0
    done: int = 0
    done_on_time: int = 0
    overdue: int = 0
    open: int = 0
    carried: int = 0
    cancelled: int = 0

    @property
    def rate(self) -> float | None:
        base = self.planned - self.cancelled
        return self.done / base if base > 0 else None


def completion(user: User | None, month: dt.date, staff_id: int | None = None,
               on: dt.date | None = None) -> list[CompletionRow]:
    """Completion per staff member for visits due in ``month``, by name."""
    rows: dict[int, CompletionRow] = {}
    for v in visits_in(user, month, month, staff_id):
        r = rows.setdefault(v.staff_id, CompletionRow(v.staff_id, v.staff.display_name))
        r.planned += 1
        if v.status == "done":
            r.done += 1
            r.done_on_time += 0 if done_late(v) else 1
        elif v.status == "carried":
            r.carried += 1
        elif v.status == "cancelled":
            r.cancelled += 1
        elif is_overdue(v, on):
            r.overdue += 1
        else:
            r.open += 1
    return sorted(rows.values(), key=lambda r: r.staff_name)


def month_total(rows: list[CompletionRow]) -> CompletionRow:
    """The figures of several staff members added up."""
    t = CompletionRow(0, "")
    for r in rows:
        for f in ("planned", "done", "done_on_time", "overdue", "open", "carried", "cancelled"):
            setattr(t, f, getattr(t, f) + getattr(r, f))
    return t


def plan_period(p: VisitPlan) -> tuple[dt.date, dt.date]:
    """The first and last day a plan covers."""
    if p.kind == "monthly":
        first = dt.date(p.year, p.month, 1)
        return first, month_end(first)
    return dt.date(p.year, 1, 1), dt.date(p.year, 12, 31)


# --- printouts ----------------------------------------------------------------------
# The print modules load reportlab: imported here only when something is printed.

def plan_print_data(user: User | None, plan_id: int):
    """The plan as :class:`app.printing.field.visit_plan_print.PlanPrintData`."""
    from app.domain.core.settings import company
    from app.printing.field.visit_plan_print import PlanLine, PlanPrintData

    p = get_plan(user, plan_id)
    on = today()
    decider = User.get_or_none(User.id == p.decided_by_id) if p.decided_by_id else None
    lines = [PlanLine(number=v.number, customer=v.customer.name, kind=v.kind, purposes=v.purpose_codes,
                      due_month=v.due_month, planned_date=v.planned_date,
                      manager=v.manager.display_name if v.manager_id else "", status=shown_status(v, on),
                      actual_date=v.actual_date) for v in plan_visits(user, plan_id)]
    return PlanPrintData(company=company(), kind=p.kind, year=p.year, month=p.month, staff=p.staff.display_name,
                         title=p.title, status=p.status, notes=p.notes, submitted_at=p.submitted_at,
                         decided_by=decider.display_name if decider else "", decided_at=p.decided_at,
                         decision_note=p.decision_note, lines=lines, printed_at=now(),
                         printed_by=user.display_name if user else "")


def report_print_data(user: User | None, visit_id: int):
    """The visit's report (附表4) as :class:`app.printing.field.visit_report_print.VisitReportData`."""
    from app.domain.core.settings import company
    from app.printing.field.visit_report_print import VisitReportData

    v = get_visit(user, visit_id)
    ticked = set(v.purpose_codes)
    codes = purposes_for(v.kind, v.manager_id is not None or any(c.startswith("manager.") for c in ticked))
    codes += [c for c in v.purpose_codes if c not in codes]
    origin = Visit.get_or_none(Visit.id == v.carried_from_id) if v.carried_from_id else None
    return VisitReportData(company=company(), number=v.number, customer_name=v.customer.name,
                           customer_code=v.customer.code, kind=v.kind, staff=v.staff.display_name,
                           due_month=v.due_month, purposes=[(c, c in ticked) for c in codes],
                           manager=v.manager.display_name if v.manager_id else "", planned_date=v.planned_date,
                           actual_date=v.actual_date, contact_person=v.contact_person, place=v.place, goal=v.goal,
                           gains=v.gains, reactions=v.reactions, suggestions=v.suggestions,
                           complaint_text=v.complaint_text, status=shown_status(v),
                           carried_from=origin.number if origin else "", printed_at=now(),
                           printed_by=user.display_name if user else "")


__all__ = ["PLAN_KINDS", "PLAN_KIND_LABELS", "PLAN_STATUSES", "PLAN_STATUS_LABELS", "get_plan", "plans_of",
           "plans_to_approve", "plan_visits", "create_plan", "update_plan", "submit_plan", "approve_plan",
           "return_plan", "plan_history", "agenda", "day_counts", "CompletionRow", "completion", "month_total",
           "plan_period", "visible_staff_ids", "month_start", "plan_print_data", "report_print_data"]
