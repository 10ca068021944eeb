"""Customer visits (§3.3, §3.4, §3.6): planning one, recording it as made
with its report (走访用户汇报, 附表4), cancelling it, carrying it forward.

States (see :class:`app.domain.models.Visit`)::

    planned -> done       actual date (not in the future) and the report (gains required)
            -> cancelled  a reason
            -> carried    carry_forward(): a new planned visit in a later month,
                          same customer, kind, purposes, manager and goal, its
                          ``carried_from`` pointing back

*Overdue* is computed when read (:func:`is_overdue`): planned, and its due
month is before the current month. A visit done after its month is *late*
(:func:`done_late`). Every write of a visit row checks the ``version`` the
caller read (optimistic locking) and the state it expects
(:func:`app.domain.core.records.guarded_write`); a visit keeps no history
table.

Who: staff with "visit.plan" plan, report and move their own visits; a user
with "visit.all" sees and plans everybody's. A done visit's report may be
corrected later by its staff member or by a manager ("visit.approve").
Customers need only their overview row here (name, code), which every role
with these rights sees, so archive access is not required.

What becomes of a planned visit (the report, cancelling, carrying it
forward) is in :mod:`app.domain.field.visit_outcomes`; plans (annual / monthly,
§3.5) and their tracking (the month's agenda, completion figures, the
printouts' data) in :mod:`app.domain.field.visit_plans`.
"""
from __future__ import annotations

import datetime as dt

import peewee as pw

from app.domain.core import limits
from app.domain.core.db import write_transaction
from app.domain.core.errors import NotFound, PermissionDenied, TransitionNotAllowed, ValidationError, tx
from app.domain.core.models import User, now
from app.domain.core.numbering import next_number
from app.domain.core.permissions import can, require, role_allows
from app.domain.core.records import guarded_write
from app.domain.core.text import clean, keep
from app.domain.customers.models import Customer
from app.domain.field.models import Visit, VisitPlan, VisitPurpose

KINDS = ("patrol", "market", "service")
KIND_LABELS = {
    "patrol": tx("Patrol service"),          # 巡回服务
    "market": tx("Market development"),      # 市场开拓
    "service": tx("Service activity"),       # 服务活动
}
STATUSES = ("planned", "done", "cancelled", "carried")
STATUS_LABELS = {"planned": tx("Planned"), "done": tx("Done"), "cancelled": tx("Cancelled"),
                 "carried": tx("Carried forward"), "overdue": tx("Overdue"), "late": tx("Done late")}

#: §3.3 and §3.4: every purpose a visit may have, in the regulation's order.
PURPOSES: dict[str, str] = {
    "patrol.A": tx("Study the customer's business lines"),
    "patrol.B": tx("Study the customer's stock, purchases and sales"),
    "patrol.C": tx("Criticism, suggestions, expectations and complaints about our products and service"),
    "patrol.D": tx("Market intelligence: prices, competitors, marketing policy"),
    "market.A": tx("Introduce our products' performance, features and cautions; technical guidance"),
    "market.B": tx("Ask new customers' opinions; hand out the satisfaction survey (form 3)"),
    "service.A": tx("Handle and guide the customer's applications"),
    "service.B": tx("Technical training and technical service"),
    "service.C": tx("Help with production, management and usage problems"),
    "service.D": tx("New-product information"),
    "service.E": tx("Technical seminars or training classes"),
    "service.F": tx("Samples, trial items, promotional material and gifts"),
    "service.G": tx("Relationship activities"),
    "manager.1": tx("Demonstrate selling technique"),
    "manager.2": tx("Collect overdue receivables"),
    "manager.3": tx("Close a deal the staff member prepared"),
    "manager.4": tx("Help the staff member with difficulties"),
    "manager.5": tx("Handle customer grievances"),
    "manager.6": tx("Build the relationship with the customer"),
    "manager.7": tx("Learn the customer's view of the company"),
    "manager.8": tx("Learn the customer's view of our staff"),
    "manager.9": tx("Help the staff member sell new products"),
}

#: The purposes in a word or two, for lists ("A Business lines; M5 Grievances").
PURPOSE_SHORT: dict[str, str] = {
    "patrol.A": tx("Business lines"), "patrol.B": tx("Stock and sales"), "patrol.C": tx("Opinions, complaints"),
    "patrol.D": tx("Market news"), "market.A": tx("Product introduction"), "market.B": tx("Opinions, survey"),
    "service.A": tx("Applications"), "service.B": tx("Technical training"), "service.C": tx("Problem solving"),
    "service.D": tx("New products"), "service.E": tx("Seminars"), "service.F": tx("Samples and gifts"),
    "service.G": tx("Public relations"), "manager.1": tx("Selling demonstration"),
    "manager.2": tx("Receivables"), "manager.3": tx("Closing a deal"), "manager.4": tx("Staff difficulties"),
    "manager.5": tx("Grievances"), "manager.6": tx("Relationship"), "manager.7": tx("View of the company"),
    "manager.8": tx("View of our staff"), "manager.9": tx("New-product sales"),
}


def purpose_mark(code: str) -> str:
    """The regulation's letter or number of a purpose: "A" (§3.3), "M5" (§3.4, with the manager)."""
    letter = code.split(".", 1)[1]
    return "M" + letter if code.startswith("manager.") else letter


def purposes_for(kind: str, with_manager: bool = False) -> list[str]:
    """The purpose codes a visit of ``kind`` may have (manager.* with an accompanying manager)."""
    codes = [c for c in PURPOSES if c.startswith(kind + ".")]
    if with_manager:
        codes += [c for c in PURPOSES if c.startswith("manager.")]
    return codes


# --- dates ------------------------------------------------------------------

def today() -> dt.date:
    return now().date()


def month_start(d: dt.date) -> dt.date:
    return d.replace(day=1)


def next_month(d: dt.date, n: int = 1) -> dt.date:
    m = d.year * 12 + d.month - 1 + n
    return dt.date(m // 12, m % 12 + 1, 1)


def month_end(d: dt.date) -> dt.date:
    return next_month(d) - dt.timedelta(days=1)


def is_overdue(visit: Visit, on: dt.date | None = None) -> bool:
    """Planned and its month is over (computed, never stored)."""
    return visit.status == "planned" and visit.due_month < month_start(on or today())


def done_late(visit: Visit) -> bool:
    """Done after the end of its month."""
    return visit.status == "done" and visit.actual_date is not None and visit.actual_date > month_end(visit.due_month)


def shown_status(visit: Visit, on: dt.date | None = None) -> str:
    """The status as lists show it: the stored one, "overdue" or "late"."""
    if is_overdue(visit, on):
        return "overdue"
    if done_late(visit):
        return "late"
    return visit.status


# --- who may do what --------------------------------------------------------

def may_see(user: User | None, staff_id: int) -> bool:
    """Own visits with "visit.plan"; everybody's with "visit.all"."""
    if user is None or can(user, "visit.all"):
        return True
    return can(user, "visit.plan") and user.id == staff_id


def check_see(user: User | None, staff_id: int) -> None:
    """PermissionDenied unless ``user`` may see ``staff_id``'s visits."""
    if user is not None and not can(user, "visit.all"):
        require(user, "visit.plan")
    if not may_see(user, staff_id):
        raise PermissionDenied(tx("You may see and plan only your own visits."), perm="visit.all")


def visible_staff_ids(user: User | None) -> list[int] | None:
    """None = everybody; otherwise the staff whose visits ``user`` sees."""
    if user is None or can(user, "visit.all"):
        return None
    require(user, "visit.plan")
    return [user.id]


def staff_choices(user: User | None) -> list[User]:
    """The staff ``user`` may plan for: active users with "visit.plan" (everybody
    with "visit.all"), else only the user."""
    if user is not None and not can(user, "visit.all"):
        require(user, "visit.plan")
        return [user]
    return [u for u in User.select().where(User.active == True).order_by(User.display_name)  # noqa: E712
            if role_allows(u, "visit.plan") and u.role != "admin"]


def managers() -> list[User]:
    """Who may accompany a visit (§3.4): active users with the manager role."""
    return list(User.select().where((User.role == "manager") & (User.active == True))  # noqa: E712
                .order_by(User.display_name))


# --- reading ------------------------------------------------------------------

def _query():
    Staff, Mgr = User.alias(), User.alias()
    return (Visit.select(Visit, Customer, Staff, Mgr).join(Customer).switch(Visit)
            .join(Staff, on=(Visit.staff == Staff.id)).switch(Visit)
            .join(Mgr, pw.JOIN.LEFT_OUTER, on=(Visit.manager == Mgr.id)))


def _attach_purposes(visits: list[Visit]) -> list[Visit]:
    """``visit.purpose_codes``: the ticked codes in the regulation's order (one query)."""
    by_id: dict[int, list[str]] = {v.id: [] for v in visits}
    if by_id:
        for vid, code in (VisitPurpose.select(VisitPurpose.visit, VisitPurpose.code)
                          .where(VisitPurpose.visit.in_(list(by_id))).tuples()):
            by_id[vid].append(code)
    order = {c: i for i, c in enumerate(PURPOSES)}
    for v in visits:
        v.purpose_codes = sorted(by_id[v.id], key=lambda c: order.get(c, 99))
    return visits


def _load(visit_id: int) -> Visit:
    v = _query().where(Visit.id == visit_id).first()
    if v is None:
        raise NotFound(tx("No visit with id {id}.", id=visit_id))
    return _attach_purposes([v])[0]


def get_visit(user: User | None, visit_id: int) -> Visit:
    """One visit (customer, staff, manager joined; ``purpose_codes``)."""
    v = _load(visit_id)
    check_see(user, v.staff_id)
    return v


def visits_in(user: User | None, first: dt.date, last: dt.date, staff_id: int | None = None,
              with_overdue_before: bool = False) -> list[Visit]:
    """Visits due in the months from ``first`` to ``last`` (staff ``staff_id`` or all
    visible); ``with_overdue_before`` adds the planned visits due earlier."""
    if staff_id is not None:
        check_see(user, staff_id)
        ids = [staff_id]
    else:
        ids = visible_staff_ids(user)
    cond = (Visit.due_month >= month_start(first)) & (Visit.due_month <= month_start(last))
    if with_overdue_before:
        cond = cond | ((Visit.due_month < month_start(first)) & (Visit.status == "planned"))
    q = _query().where(cond)
    if ids is not None:
        q = q.where(Visit.staff.in_(ids))
    return _attach_purposes(list(q.order_by(Visit.due_month, Visit.planned_date, Visit.id)))


# --- validation -----------------------------------------------------------------

def _clean(text) -> str:
    """Free text of a visit as typed (app.domain.core.text.keep)."""
    return keep(text)


def _as_date(value, name: str, errors: dict) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        errors[name] = tx("Not a date (yyyy-mm-dd).")
        return None


def _validate(user: User | None, f: dict, errors: dict) -> dict:
    """Check the plannable fields of a visit; return the values to store."""
    out: dict = {}
    wrong = {key[:-3]: tx("Choose one from the list.") for key in ("staff_id", "customer_id", "manager_id", "plan_id")
             if f.get(key) is not None and limits.problem(Visit.staff, f[key])}
    purposes = f.get("purposes")
    if purposes is not None and not (isinstance(purposes, (list, tuple))
                                     and all(isinstance(c, str) for c in purposes)):
        wrong["purposes"] = tx("Tick at least one purpose of the visit.")
    if not isinstance(f.get("kind"), (str, type(None))):
        wrong["kind"] = tx("Choose the kind of visit.")
    if wrong:
        raise ValidationError(wrong)
    staff = User.get_or_none(User.id == f.get("staff_id")) if f.get("staff_id") else None
    if staff is None or not staff.active or not role_allows(staff, "visit.plan"):
        errors["staff"] = tx("Choose a staff member who makes visits.")
    elif not may_see(user, staff.id):
        raise PermissionDenied(tx("You may see and plan only your own visits."), perm="visit.all")
    out["staff"] = staff
    customer = Customer.get_or_none(Customer.id == f.get("customer_id")) if f.get("customer_id") else None
    if customer is None:
        errors["customer"] = tx("Choose the customer to visit.")
    out["customer"] = customer
    kind = f.get("kind")
    if kind not in KINDS:
        errors["kind"] = tx("Choose the kind of visit.")
    out["kind"] = kind
    due = _as_date(f.get("due_month"), "due_month", errors)
    if due is None and "due_month" not in errors:
        errors["due_month"] = tx("Choose the month of the visit.")
    out["due_month"] = month_start(due) if due else None
    day = _as_date(f.get("planned_date"), "planned_date", errors)
    if day is not None and due is not None and month_start(day) != month_start(due):
        errors["planned_date"] = tx("The day must be in the month of the visit.")
    out["planned_date"] = day
    manager = None
    if f.get("manager_id"):
        manager = User.get_or_none(User.id == f["manager_id"])
        if manager is None or manager.role != "manager" or not manager.active:
            errors["manager"] = tx("The accompanying manager must be an active manager.")
        elif staff is not None and manager.id == staff.id:
            errors["manager"] = tx("A manager accompanies another staff member.")
    out["manager"] = manager
    codes = list(dict.fromkeys(f.get("purposes") or []))
    allowed = set(purposes_for(kind, manager is not None)) if kind in KINDS else set()
    wrong = [c for c in codes if c not in allowed]
    if not codes:
        errors["purposes"] = tx("Tick at least one purpose of the visit.")
    elif wrong and kind in KINDS:
        errors["purposes"] = (tx("Manager purposes need an accompanying manager.")
                              if all(c.startswith("manager.") and c in PURPOSES for c in wrong)
                              else tx("These purposes do not belong to this kind of visit: {codes}",
                                      codes=", ".join(wrong)))
    out["purposes"] = codes
    for name in ("goal", "contact_person", "place"):
        out[name] = clean(f.get(name)) if name == "contact_person" else _clean(f.get(name))
    errors.update({k: v for k, v in limits.check(Visit, {k: out[k] for k in ("goal", "contact_person", "place")})
                   .items() if k not in errors})
    plan = None
    if f.get("plan_id"):
        plan = VisitPlan.get_or_none(VisitPlan.id == f["plan_id"])
        if plan is None:
            errors["plan"] = tx("That plan no longer exists.")
        elif staff is not None and plan.staff_id != staff.id:
            errors["plan"] = tx("The plan belongs to another staff member.")
        elif out["due_month"] is not None and "due_month" not in errors:
            if out["due_month"].year != plan.year or (plan.kind == "monthly" and out["due_month"].month != plan.month):
                errors["due_month"] = tx("The month must lie within the plan's period.")
    out["plan"] = plan
    return out


def _write_purposes(visit_id: int, codes: list[str]) -> None:
    VisitPurpose.delete().where(VisitPurpose.visit == visit_id).execute()
    if codes:
        VisitPurpose.insert_many([dict(visit=visit_id, code=c) for c in codes]).execute()


# --- services -----------------------------------------------------------------

def create_visit(user: User | None, *, staff_id: int, customer_id: int, kind: str, due_month, purposes: list[str],
                 planned_date=None, manager_id: int | None = None, goal: str = "", contact_person: str = "",
                 place: str = "", plan_id: int | None = None) -> Visit:
    """Plan a visit (in ``plan_id``'s plan, or ad hoc with None); returns it as saved.

    A visit is added to a plan only while the plan is a draft (an approved
    plan is what the manager approved). Raises ValidationError (fields:
    staff, customer, kind, due_month, planned_date, manager, purposes, goal,
    contact_person, place, plan), PermissionDenied, TransitionNotAllowed.
    """
    if user is not None and not can(user, "visit.all"):
        require(user, "visit.plan")
    errors: dict = {}
    v = _validate(user, dict(staff_id=staff_id, customer_id=customer_id, kind=kind, due_month=due_month,
                             purposes=purposes, planned_date=planned_date, manager_id=manager_id, goal=goal,
                             contact_person=contact_person, place=place, plan_id=plan_id), errors)
    if errors:
        raise ValidationError(errors)
    if v["plan"] is not None and v["plan"].status != "draft":
        raise TransitionNotAllowed(tx("Visits are added to a plan while it is a draft; this plan is {status}.",
                                      status=v["plan"].status))
    codes = v.pop("purposes")
    with write_transaction():
        row = Visit.create(number=next_number("ZF"), created_by=user, **v)
        _write_purposes(row.id, codes)
    return _load(row.id)


def update_visit(user: User | None, visit_id: int, version: int, **fields) -> Visit:
    """Change a planned visit's plannable fields (those of :func:`create_visit`
    except staff and plan); ``version`` as read. Raises as create_visit, and
    ConcurrentChange, TransitionNotAllowed (not planned)."""
    old = get_visit(user, visit_id)
    _check_write(user, old)
    if old.status != "planned":
        raise TransitionNotAllowed(tx("Only a planned visit can be changed; this one is {status}.",
                                      status=STATUS_LABELS.get(old.status, old.status)))
    allowed = {"customer_id", "kind", "due_month", "planned_date", "purposes", "manager_id", "goal", "contact_person",
               "place"}
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"unknown visit fields {sorted(unknown)}")
    merged = dict(staff_id=old.staff_id, customer_id=old.customer_id, kind=old.kind, due_month=old.due_month,
                  planned_date=old.planned_date, purposes=old.purpose_codes, manager_id=old.manager_id,
                  goal=old.goal, contact_person=old.contact_person, place=old.place, plan_id=old.plan_id)
    merged.update(fields)
    errors: dict = {}
    v = _validate(user, merged, errors)
    if errors:
        raise ValidationError(errors)
    codes = v.pop("purposes")
    v.pop("staff")
    v.pop("plan")
    with write_transaction():
        guarded_write(old, user, version, v, states=("planned",))
        _write_purposes(old.id, codes)
    return _load(old.id)


def _check_write(user: User | None, visit: Visit) -> None:
    if user is None or can(user, "visit.all"):
        return
    require(user, "visit.plan")
    if visit.staff_id != user.id:
        raise PermissionDenied(tx("You may see and plan only your own visits."), perm="visit.all")


def customer_visits(user: User | None, customer_id: int) -> list[Visit]:
    """A customer's visits that ``user`` may see, newest month first."""
    ids = visible_staff_ids(user)
    q = _query().where(Visit.customer == customer_id)
    if ids is not None:
        q = q.where(Visit.staff.in_(ids))
    return _attach_purposes(list(q.order_by(Visit.due_month.desc(), Visit.id.desc())))


def unlinked_complaints(user: User | None) -> list[Visit]:
    """Done visits whose report holds a complaint not yet linked to a complaint
    record (``complaint_id`` NULL), oldest first: the complaints register links them."""
    ids = visible_staff_ids(user)
    q = _query().where((Visit.complaint_text != "") & Visit.complaint_id.is_null())
    if ids is not None:
        q = q.where(Visit.staff.in_(ids))
    return _attach_purposes(list(q.order_by(Visit.actual_date, Visit.id)))
