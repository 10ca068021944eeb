"""Service activities (服务活动, brief §3.3.3 A-G): trainings, technical
service, new-product information sent, seminars, samples handed out,
relationship events... each with the customers who took part.

    a = create_activity(user, kind="training", title="打印机维护培训", date=d,
                        participants=[ParticipantInput(customer_id=7, people="王伟、李娜", headcount=2)])
    add_participants(user, a.id, a.version, [11, 12, 13])     # e.g. every dealer of a region
    update_activity(user, a.id, a.version, outcome="...")     # optimistic locking on version
    delete_activity(user, a.id, a.version)                    # refused once a gift request points to it

Rights: "activity.manage" writes (business staff, managers); reading the
list needs "activity.manage" or "visit.all" (the information manager
follows the field work too). Participants are customers' overview rows
only (name, code), so no archive access is needed.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import peewee as pw

from app.domain.core.db import write_transaction
from app.domain.core.errors import NotFound, TransitionNotAllowed, ValidationError, tx
from app.domain.core.models import User
from app.domain.core.numbering import next_number
from app.domain.core.permissions import can, require
from app.domain.core.records import guarded_delete, guarded_write
from app.domain.core import limits
from app.domain.core.text import keep, keep_line
from app.domain.core.text import needle as search_text
from app.domain.customers.models import Customer
from app.domain.field.models import ActivityParticipant, GiftRequest, ServiceActivity, Visit

#: §3.3.3 A-G, in the order of the regulation.
KINDS = ("application", "training", "tech_service", "assistance", "new_product", "seminar", "samples",
         "relationship")
TEXT_FIELDS = ("title", "place", "description", "outcome")


def kind_label(code: str):
    """The kind in words (a tx() text; the UI translates it)."""
    return {
        "application": tx("Application handling"),           # 受理申请
        "training": tx("Technical training"),                # 技术培训
        "tech_service": tx("Technical service"),             # 技术服务
        "assistance": tx("Production, management and usage help"),  # 生产管理使用协助
        "new_product": tx("New-product information sent"),  # 新产品信息
        "seminar": tx("Seminar / training class"),           # 座谈会/培训班
        "samples": tx("Samples and trial items"),            # 样品试用
        "relationship": tx("Relationship activity"),         # 联谊活动
    }.get(code, code)


@dataclass
class ParticipantInput:
    """A customer taking part: who came from it and how many."""
    customer_id: int
    people: str = ""
    headcount: int | str = 1
    note: str = ""


@dataclass
class ActivityFile:
    """An activity with its participants (customer joined), as the dialog shows it."""
    activity: ServiceActivity
    participants: list[ActivityParticipant] = field(default_factory=list)
    gift_requests: int = 0

    @property
    def headcount(self) -> int:
        return sum(p.headcount for p in self.participants)


def require_read(user: User | None) -> None:
    """Reading activities: "activity.manage" or "visit.all"."""
    if user is None or can(user, "visit.all"):
        return
    require(user, "activity.manage")


def _clean_values(values: dict, partial: bool) -> tuple[dict, dict]:
    """Checked column values and {field: message} errors."""
    out, errors = {}, {}
    if "kind" in values or not partial:
        if values.get("kind") not in KINDS:
            errors["kind"] = tx("Choose the kind of activity.")
        else:
            out["kind"] = values["kind"]
    for name in TEXT_FIELDS:
        if name in values or not partial:
            out[name] = keep(values.get(name)) if name in ("description", "outcome") else keep_line(values.get(name))
    errors.update(limits.check(ServiceActivity, {k: v for k, v in out.items() if k in TEXT_FIELDS}))
    if "title" in out and not out["title"] and "title" not in errors:
        errors["title"] = tx("Give the activity a title.")
    if "end_date" in values and values["end_date"] and limits.problem(ServiceActivity.end_date, values["end_date"]):
        errors["end_date"] = tx("Enter a date as 2021-03-01.")
    for name in ("staff_id", "visit_id"):
        if values.get(name) is not None and limits.problem(ServiceActivity.staff, values[name]):
            errors[name] = tx("Choose one from the list.")
            values = {k: v for k, v in values.items() if k != name}     # not looked up below
    if "date" in values or not partial:
        if not isinstance(values.get("date"), dt.date):
            errors["date"] = tx("Give the date of the activity.")
        else:
            out["date"] = values["date"]
    if "end_date" in values and "end_date" not in errors:
        out["end_date"] = values["end_date"] or None
    if "staff_id" in values:
        out["staff"] = values["staff_id"]
        if values["staff_id"] is not None and User.get_or_none(User.id == values["staff_id"]) is None:
            errors["staff_id"] = tx("No such staff member.")
    if "visit_id" in values:
        out["visit"] = values["visit_id"]
        if values["visit_id"] is not None and Visit.get_or_none(Visit.id == values["visit_id"]) is None:
            errors["visit_id"] = tx("No such visit.")
    return out, errors


def _check_dates(start: dt.date | None, end: dt.date | None, errors: dict) -> None:
    if isinstance(start, dt.date) and end is not None and end < start:
        errors["end_date"] = tx("The end date is before the start date.")


def _clean_participants(parts: list[ParticipantInput], errors: dict) -> list[dict]:
    rows, seen = [], set()
    wrong = [i for i, p in enumerate(parts) if not isinstance(p, ParticipantInput)
             or limits.problem(ActivityParticipant.customer, p.customer_id)]
    if wrong:
        errors.update({f"participants.{i}.customer": tx("Choose one from the list.") for i in wrong})
        return rows
    ids = {c.id for c in Customer.select(Customer.id).where(Customer.id.in_([p.customer_id for p in parts]))} \
        if parts else set()
    for i, p in enumerate(parts):
        if p.customer_id not in ids:
            errors[f"participants.{i}.customer"] = tx("No customer with id {id}.", id=p.customer_id)
            continue
        if p.customer_id in seen:
            errors[f"participants.{i}.customer"] = tx("This customer is listed twice.")
            continue
        seen.add(p.customer_id)
        try:
            n = int(str(p.headcount).strip() or "0") if isinstance(p.headcount, (int, str)) \
                and not isinstance(p.headcount, bool) else -1
        except ValueError:
            n = -1
        if not 0 <= n <= 100000:
            errors[f"participants.{i}.headcount"] = tx("The headcount is a whole number, 0 or more.")
        people, note = keep_line(p.people), keep(p.note)
        errors.update(limits.check(ActivityParticipant, {"people": people, "note": note}, prefix=f"participants.{i}."))
        rows.append(dict(customer=p.customer_id, people=people, headcount=max(n, 0), note=note))
    return rows


def create_activity(user: User | None, *, kind: str, title: str, date: dt.date, end_date: dt.date | None = None,
                    place: str = "", staff_id: int | None = None, visit_id: int | None = None,
                    description: str = "", outcome: str = "",
                    participants: list[ParticipantInput] | None = None) -> ServiceActivity:
    """Record an activity (number HD-...) with its participants in one
    transaction. ``staff_id`` (the organiser) defaults to the user.
    Raises ValidationError: kind, title, date, end_date, place, staff_id,
    visit_id, ``participants.<i>.customer|headcount|people``."""
    require(user, "activity.manage")
    if staff_id is None and user is not None:
        staff_id = user.id
    values, errors = _clean_values(dict(kind=kind, title=title, date=date, end_date=end_date, place=place,
                                        staff_id=staff_id, visit_id=visit_id, description=description,
                                        outcome=outcome), partial=False)
    _check_dates(values.get("date"), values.get("end_date"), errors)
    parts = _clean_participants(list(participants or []), errors)
    if errors:
        raise ValidationError(errors)
    with write_transaction():
        a = ServiceActivity.create(number=next_number("HD", values["date"]), created_by=user, **values)
        if parts:
            ActivityParticipant.insert_many([dict(activity=a.id, **p) for p in parts]).execute()
    return a


def update_activity(user: User | None, activity_id: int, version: int, *,
                    participants: list[ParticipantInput] | None = None, **fields) -> ServiceActivity:
    """Change an activity read at ``version``; fields left out stay as they
    are. ``participants``, when given, replaces the whole list. Raises
    NotFound, ConcurrentChange, ValidationError (as create_activity)."""
    require(user, "activity.manage")
    a = _get(activity_id)
    unknown = set(fields) - {"kind", "date", "end_date", "staff_id", "visit_id", *TEXT_FIELDS}
    if unknown:
        raise ValueError(f"unknown activity fields {sorted(unknown)}")
    values, errors = _clean_values(fields, partial=True)
    _check_dates(values.get("date", a.date), values.get("end_date", a.end_date), errors)
    parts = _clean_participants(list(participants), errors) if participants is not None else None
    if errors:
        raise ValidationError(errors)
    with write_transaction():
        guarded_write(a, user, version, values)
        if parts is not None:
            ActivityParticipant.delete().where(ActivityParticipant.activity == a.id).execute()
            if parts:
                ActivityParticipant.insert_many([dict(activity=a.id, **p) for p in parts]).execute()
    return ServiceActivity.get_by_id(a.id)


def add_participants(user: User | None, activity_id: int, version: int, customer_ids: list[int],
                     people: str = "", headcount: int = 1) -> int:
    """Add many customers at once (new-product information sent to every
    dealer of a region...); customers already listed are skipped. Counts as
    a change of the activity (version + 1). Returns how many were added."""
    require(user, "activity.manage")
    a = _get(activity_id)
    with write_transaction():
        guarded_write(a, user, version)
        have = {r.customer_id for r in ActivityParticipant.select(ActivityParticipant.customer)
                .where(ActivityParticipant.activity == a.id)}
        wanted = [i for i in dict.fromkeys(customer_ids) if i not in have]
        errors: dict = {}
        rows = _clean_participants([ParticipantInput(i, people, headcount) for i in wanted], errors)
        if errors:
            raise ValidationError(errors)
        for k in range(0, len(rows), 500):
            ActivityParticipant.insert_many([dict(activity=a.id, **p) for p in rows[k:k + 500]]).execute()
    return len(rows)


def delete_activity(user: User | None, activity_id: int, version: int) -> None:
    """Delete an activity and its participants; refused once a gift request
    refers to it (the request's record must keep its context)."""
    require(user, "activity.manage")
    a = _get(activity_id)
    with write_transaction():
        if GiftRequest.select().where(GiftRequest.activity == a.id).exists():
            raise TransitionNotAllowed(tx("The activity {number} has gift requests and cannot be deleted.",
                                          number=a.number))
        ActivityParticipant.delete().where(ActivityParticipant.activity == a.id).execute()
        guarded_delete(a, version)


def get_activity(user: User | None, activity_id: int) -> ActivityFile:
    """The activity, its participants (by customer name) and how many gift requests point to it."""
    require_read(user)
    a = _get(activity_id)
    parts = list(ActivityParticipant.select(ActivityParticipant, Customer).join(Customer)
                 .where(ActivityParticipant.activity == a.id).order_by(Customer.name, ActivityParticipant.id))
    gifts = GiftRequest.select().where(GiftRequest.activity == a.id).count()
    return ActivityFile(activity=a, participants=parts, gift_requests=gifts)


@dataclass
class ActivityRow:
    """One line of the activity list."""
    activity: ServiceActivity
    customers: int
    headcount: int
    names: str            # the first participants' names, for the list and its tooltip


def list_activities(user: User | None, date_from: dt.date | None = None, date_to: dt.date | None = None,
                    kind: str = "", staff_id: int | None = None, text: str = "",
                    customer_id: int | None = None) -> list[ActivityRow]:
    """Activities whose (start) date is in the period, newest first. ``text``
    matches the number, title, place, description or a participant's name."""
    require_read(user)
    q = ServiceActivity.select(ServiceActivity, User).join(User, pw.JOIN.LEFT_OUTER,
                                                           on=(ServiceActivity.staff == User.id))
    if date_from:
        q = q.where(ServiceActivity.date >= date_from)
    if date_to:
        q = q.where(ServiceActivity.date <= date_to)
    if kind:
        q = q.where(ServiceActivity.kind == kind)
    if staff_id:
        q = q.where(ServiceActivity.staff == staff_id)
    if customer_id:
        q = q.where(ServiceActivity.id.in_(ActivityParticipant.select(ActivityParticipant.activity)
                                           .where(ActivityParticipant.customer == customer_id)))
    needle = search_text(text)
    if needle:
        by_customer = (ActivityParticipant.select(ActivityParticipant.activity).join(Customer)
                       .where(Customer.name.contains(needle) | Customer.code.contains(needle)))
        q = q.where(ServiceActivity.number.contains(needle) | ServiceActivity.title.contains(needle)
                    | ServiceActivity.place.contains(needle) | ServiceActivity.description.contains(needle)
                    | ServiceActivity.id.in_(by_customer))
    acts = list(q.order_by(ServiceActivity.date.desc(), ServiceActivity.id.desc()))
    return _rows(acts)


def _rows(acts: list[ServiceActivity]) -> list[ActivityRow]:
    ids = [a.id for a in acts]
    counts: dict[int, list] = {i: [0, 0, []] for i in ids}
    for k in range(0, len(ids), 500):
        chunk = ids[k:k + 500]
        for act_id, head, name in (ActivityParticipant.select(ActivityParticipant.activity,
                                                              ActivityParticipant.headcount, Customer.name)
                                   .join(Customer).where(ActivityParticipant.activity.in_(chunk))
                                   .order_by(ActivityParticipant.id).tuples()):
            c = counts[act_id]
            c[0] += 1
            c[1] += head or 0
            c[2].append(name)
    return [ActivityRow(a, counts[a.id][0], counts[a.id][1], "、".join(counts[a.id][2])) for a in acts]


def _get(activity_id: int) -> ServiceActivity:
    a = ServiceActivity.get_or_none(ServiceActivity.id == activity_id)
    if a is None:
        raise NotFound(tx("No service activity with id {id}.", id=activity_id))
    return a


def activities_of_visit(visit_id: int) -> list[ServiceActivity]:
    """The activities recorded for one visit (the visit dialog may list them)."""
    return list(ServiceActivity.select().where(ServiceActivity.visit == visit_id).order_by(ServiceActivity.date))



def list_print_data(user: User | None, date_from: dt.date | None = None, date_to: dt.date | None = None,
                    kind: str = "", staff_id: int | None = None, text: str = "", filters: str = ""):
    """服务活动一览表 for the period (app.printing.field.gift_print.render_activity_list),
    oldest first; ``filters`` is the filter as the user reads it."""
    from app.domain.core import settings
    from app.printing.field.gift_print import ActivityListData, ActivityListLine

    rows = list_activities(user, date_from, date_to, kind, staff_id, text)
    ids = [r.activity.id for r in rows]
    parts: dict[int, list] = {i: [] for i in ids}
    for k in range(0, len(ids), 500):
        for p in (ActivityParticipant.select(ActivityParticipant, Customer).join(Customer)
                  .where(ActivityParticipant.activity.in_(ids[k:k + 500])).order_by(Customer.name)):
            parts[p.activity_id].append((p.customer.name, p.people, p.headcount))
    lines = [ActivityListLine(a.number, a.date, a.end_date, a.kind, a.title, a.place,
                              a.staff.display_name if a.staff_id else "", parts[a.id])
             for a in reversed([r.activity for r in rows])]
    return ActivityListData(company=settings.company(), date_from=date_from, date_to=date_to, filters=filters,
                            lines=lines, printed_by=user.display_name if user is not None else "")
