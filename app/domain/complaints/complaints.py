"""用户投诉: receiving a complaint and taking it to its end.

    c = complaints.receive(complaints.from_contact_line(line.id), clerk)
    c = complaints.perform(c.id, "acknowledge", handler, c.version, note="已致电道歉，约定三日内答复")

A complaint is received from a line of the contact register, a visit
report's complaint (``visits.unlinked_complaints()``), a survey with a low
score or a comment, or entered directly; its deadlines come from its
severity (:mod:`app.domain.complaints.deadlines`). It then moves through
:data:`ACTIONS`, each step a history row with who, when and a note, as a
job does. It cannot be closed without a reply and the customer's answer
(or a note why none could be had).

Rights: ``complaint.record`` receives (the counter, business staff);
``complaint.handle`` lets the person responsible move it along;
``complaint.manage`` (managers) assigns, moves deadlines, closes and sees
every complaint. Everyone else sees the complaints they received or are
responsible for.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from app.domain.complaints import deadlines
from app.domain.complaints.models import Complaint, ComplaintHistory
from app.domain.contacts.models import ContactEntry
from app.domain.core import limits, numbering, operations, phones
from app.domain.core.db import write_transaction
from app.domain.core.errors import NotFound, PermissionDenied, TransitionNotAllowed, ValidationError, tx
from app.domain.core.models import User, now
from app.domain.core.permissions import can, current, require
from app.domain.core.records import Change, add_history, guarded_write
from app.domain.counter.models import Job, Unit
from app.domain.customers.models import Customer
from app.domain.field import surveys
from app.domain.field.models import SurveyAnswer, SurveyResponse, Visit

STATES = ("received", "acknowledged", "investigating", "replied", "closed")
OPEN_STATES = ("received", "acknowledged", "investigating", "replied")
SOURCES = ("direct", "contact", "visit", "survey")
CHANNELS = ("phone", "letter", "email", "wechat", "walk_in", "visit", "survey")
ABOUT = ("product", "job", "staff", "service", "delivery", "price", "other")
SEVERITIES = deadlines.SEVERITIES
CAUSES = ("quality", "workmanship", "attitude", "delay", "price", "misunderstanding", "other")
REPLY_HOW = ("phone", "letter", "email", "wechat", "in_person")
SATISFACTION = ("satisfied", "partly", "not_satisfied", "no_answer")

STATE_NAMES = {"received": tx("Received"), "acknowledged": tx("Acknowledged"), "investigating": tx("Investigating"),
               "replied": tx("Replied"), "closed": tx("Closed")}
ABOUT_NAMES = {"product": tx("Product / unit"), "job": tx("Repair job"), "staff": tx("Staff member"),
               "service": tx("Service"), "delivery": tx("Delivery"), "price": tx("Price"), "other": tx("Other")}
SEVERITY_NAMES = {"minor": tx("Minor"), "major": tx("Major"), "critical": tx("Critical")}
CAUSE_NAMES = {"quality": tx("Product quality"), "workmanship": tx("Repair workmanship"),
               "attitude": tx("Service attitude"), "delay": tx("Delay"), "price": tx("Price / charges"),
               "misunderstanding": tx("Misunderstanding"), "other": tx("Other")}
CHANNEL_NAMES = {"phone": tx("Telephone"), "letter": tx("Letter"), "email": tx("E-mail"), "wechat": tx("WeChat"),
                 "walk_in": tx("Walk-in"), "visit": tx("Visit"), "survey": tx("Survey")}
REPLY_HOW_NAMES = {"phone": tx("Telephone"), "letter": tx("Letter"), "email": tx("E-mail"), "wechat": tx("WeChat"),
                   "in_person": tx("In person")}
SATISFACTION_NAMES = {"satisfied": tx("Satisfied"), "partly": tx("Partly satisfied"),
                      "not_satisfied": tx("Not satisfied"), "no_answer": tx("No answer could be had")}
SOURCE_NAMES = {"direct": tx("Entered directly"), "contact": tx("Contact register"), "visit": tx("Visit report"),
                "survey": tx("Satisfaction survey")}
ACTION_NAMES = {"acknowledge": tx("Acknowledge (first contact)"), "investigate": tx("Start the investigation"),
                "reply": tx("Reply to the customer"), "close": tx("Close the complaint"),
                "reopen": tx("Reopen")}

#: action -> (the states it starts from, the state it reaches, who: "handler" | "manager")
ACTIONS: dict[str, tuple[tuple[str, ...], str, str]] = {
    "acknowledge": (("received",), "acknowledged", "handler"),
    "investigate": (("acknowledged",), "investigating", "handler"),
    "reply": (("acknowledged", "investigating"), "replied", "handler"),
    "close": (("replied",), "closed", "manager"),
    "reopen": (("replied", "closed"), "investigating", "handler"),
}

#: The longest texts (characters): the columns' sizes, and what a text may reasonably hold.
_FIELDS = {name: getattr(Complaint, name) for name in (
    "contact_person", "contact_phone", "words", "request", "investigation", "measures", "reply",
    "satisfaction_note", "closing")} | {"note": ComplaintHistory.note}
MAX_LENGTHS = {name: limits.max_length(field) for name, field in _FIELDS.items()}


@dataclass
class ComplaintForm:
    """A complaint as it is received."""
    customer_id: int | None = None
    words: str = ""
    severity: str = "minor"
    about: str = "service"
    channel: str = "phone"
    contact_person: str = ""
    contact_phone: str = ""
    request: str = ""
    unit_id: int | None = None
    job_id: int | None = None
    staff_id: int | None = None
    responsible_id: int | None = None
    source: str = "direct"
    contact_line_id: int | None = None
    visit_id: int | None = None
    survey_id: int | None = None
    received_at: dt.datetime | None = None     # back-dated (a letter read later, demo data); default now


def _length_errors(values: dict, errors: dict) -> None:
    # Type, NUL and length, as the column takes them (app.domain.core.limits).
    for name, field in _FIELDS.items():
        if values.get(name) is not None:
            message = limits.problem(field, values[name])
            if message:
                errors.setdefault(name, message)


def _active_user(user_id: int | None, field: str, errors: dict) -> User | None:
    if user_id is None:
        return None
    u = User.get_or_none(User.id == user_id)
    if u is None or not u.active:
        errors[field] = tx("Choose an active member of staff.")
    return u


# -- where complaints come from ----------------------------------------------------------------------


def from_contact_line(line_id: int) -> ComplaintForm:
    """A form filled from a line of the contact register (its customer, caller, matter, job)."""
    line = ContactEntry.get_or_none(ContactEntry.id == line_id)
    if line is None:
        raise NotFound(tx("Contact line not found."))
    return ComplaintForm(customer_id=line.customer_id, words=line.matter, channel=line.channel,
                         contact_person=line.caller_name, contact_phone=line.caller_phone, job_id=line.job_id,
                         unit_id=line.unit_id, about="job" if line.job_id else "service", source="contact",
                         contact_line_id=line.id, received_at=line.at)


def from_visit(visit_id: int) -> ComplaintForm:
    """A form filled from a visit report's complaint."""
    v = Visit.get_or_none(Visit.id == visit_id)
    if v is None:
        raise NotFound(tx("Visit not found."))
    at = dt.datetime.combine(v.actual_date, dt.time(12, 0)) if v.actual_date else None
    return ComplaintForm(customer_id=v.customer_id, words=v.complaint_text, channel="visit",
                         contact_person=v.contact_person, source="visit", visit_id=v.id, received_at=at)


def survey_complaint_text(response: SurveyResponse) -> str:
    """What a survey says against us: the low-scored questions (with their scores) and the comments."""
    parts = []
    by_code = {q.code: q for q in surveys.questions(response.questionnaire)}
    for a in response.answers.order_by(SurveyAnswer.id):
        if a.score is not None and a.score <= surveys.LOW:
            q = by_code.get(a.question)
            name = q.zh if q is not None else a.question
            parts.append(f"{name}：{surveys.SCORE_LABELS_ZH[a.score]}" + (f"（{a.text}）" if a.text else ""))
    if response.comments.strip():
        parts.append(response.comments.strip())
    return "\n".join(parts)


def from_survey(response_id: int) -> ComplaintForm:
    """A form filled from a satisfaction survey (its low scores and comments)."""
    r = SurveyResponse.get_or_none(SurveyResponse.id == response_id)
    if r is None:
        raise NotFound(tx("Survey not found."))
    return ComplaintForm(customer_id=r.customer_id, words=survey_complaint_text(r), channel="survey",
                         contact_person=r.respondent, source="survey", survey_id=r.id,
                         received_at=dt.datetime.combine(r.returned_on, dt.time(12, 0)))


def survey_candidates(user: User | None, limit: int = 200) -> list[SurveyResponse]:
    """Returned surveys with a low score (1 or 2) or a comment that no complaint was made from yet, oldest first."""
    require(user, "complaint.record")
    low = SurveyAnswer.select(SurveyAnswer.response).where(SurveyAnswer.score <= surveys.LOW)
    linked = Complaint.select(Complaint.survey).where(Complaint.survey.is_null(False))
    return list(SurveyResponse.select()
                .where((SurveyResponse.id.in_(low) | (SurveyResponse.comments != "")) & SurveyResponse.id.not_in(linked))
                .order_by(SurveyResponse.returned_on, SurveyResponse.id).limit(limit))


def visit_candidates(user: User | None) -> list[Visit]:
    """Visit reports' complaints not yet linked that ``user`` may see (their own visits; every visit
    with "visit.all"); none for a user who sees no visits."""
    from app.domain.field import visits

    require(user, "complaint.record")
    if user is not None and not (can(user, "visit.all") or can(user, "visit.plan")):
        return []
    return visits.unlinked_complaints(user)


def contact_candidates(user: User | None, limit: int = 200) -> list[ContactEntry]:
    """Lines of the contact register of the kind "complaint" that no complaint was made from yet
    (not voided, not corrected), oldest first."""
    require(user, "complaint.record")
    later = ContactEntry.alias()
    linked = Complaint.select(Complaint.contact_line).where(Complaint.contact_line.is_null(False))
    return list(ContactEntry.select()
                .where((ContactEntry.kind == "complaint") & (ContactEntry.voided == False)  # noqa: E712
                       & ContactEntry.id.not_in(linked)
                       & ~pw.fn.EXISTS(later.select(later.id).where(later.corrects == ContactEntry.id)))
                .order_by(ContactEntry.at, ContactEntry.id).limit(limit))


# -- receiving ------------------------------------------------------------------------------------------


def _validate(form: ComplaintForm) -> dict:
    errors: dict[str, str] = {}
    values = dict(words=str(form.words or "").strip(), request=str(form.request or "").strip(),
                  contact_person=" ".join(str(form.contact_person or "").split()))
    if form.severity not in SEVERITIES:
        errors["severity"] = tx("Choose how serious it is.")
    if form.about not in ABOUT:
        errors["about"] = tx("Choose what is complained about.")
    if form.channel not in CHANNELS:
        errors["channel"] = tx("Choose how the complaint came in.")
    if form.source not in SOURCES:
        raise ValueError(form.source)
    if not values["words"]:
        errors["words"] = tx("Write down what the customer said.")
    phone = " ".join(str(form.contact_phone or "").split())
    if phone:
        value, error = phones.check(phone)
        if error:
            errors["contact_phone"] = error
        phone = value
    values["contact_phone"] = phone
    _length_errors(values, errors)
    customer = Customer.get_or_none(Customer.id == form.customer_id) if form.customer_id is not None else None
    if customer is None:
        errors["customer"] = tx("Choose the customer who complains.")
    values["customer"] = customer
    for key, model, ref in (("unit", Unit, form.unit_id), ("job", Job, form.job_id)):
        row = model.get_or_none(model.id == ref) if ref is not None else None
        if ref is not None and row is None:
            errors[key] = tx("It no longer exists.")
        values[key] = row
    if values["job"] is not None and customer is not None and values["job"].customer_id != customer.id:
        errors["job"] = tx("{number} belongs to another customer.", number=values["job"].number)
    if values["job"] is not None and values["unit"] is None:
        values["unit"] = values["job"].unit
    if form.about == "product" and values["unit"] is None:
        errors.setdefault("unit", tx("Name the product or unit complained about."))
    if form.about == "job" and values["job"] is None:
        errors.setdefault("job", tx("Name the repair job complained about."))
    values["staff"] = _active_user(form.staff_id, "staff", errors) if form.staff_id is not None else None
    if form.about == "staff" and values["staff"] is None:
        errors.setdefault("staff", tx("Name the staff member complained about."))
    values["responsible"] = _active_user(form.responsible_id, "responsible", errors)
    if values["responsible"] is not None and not can(values["responsible"], "complaint.handle"):
        errors["responsible"] = tx("{user} may not handle complaints.", user=values["responsible"].display_name)
    if errors:
        raise ValidationError(errors)
    return values


def receive(form: ComplaintForm, user: User | None) -> Complaint:
    """Receive a complaint (``complaint.record``): numbered, its deadlines
    set from its severity, the line, visit or survey it came from linked."""
    require(user, "complaint.record")
    values = _validate(form)
    at = form.received_at or now()
    contact, reply, close = deadlines.due(at, form.severity)
    with write_transaction():
        origin = ""
        if form.contact_line_id is not None:
            line = ContactEntry.get_or_none(ContactEntry.id == form.contact_line_id)
            if line is None:
                raise NotFound(tx("Contact line not found."))
            if Complaint.select().where(Complaint.contact_line == line.id).exists():
                raise ValidationError({"contact_line": tx("Line {number} is a complaint already.",
                                                          number=line.number)})
            origin = line.number
        if form.survey_id is not None:
            survey = SurveyResponse.get_or_none(SurveyResponse.id == form.survey_id)
            if survey is None:
                raise NotFound(tx("Survey not found."))
            if Complaint.select().where(Complaint.survey == survey.id).exists():
                raise ValidationError({"survey": tx("Survey {number} is a complaint already.", number=survey.number)})
            origin = survey.number
        number = numbering.next_number("TS", at.date())
        c = Complaint.create(number=number, received_at=at, received_by=user, source=form.source,
                             contact_line=form.contact_line_id, visit=form.visit_id, survey=form.survey_id,
                             channel=form.channel, about=form.about, severity=form.severity,
                             contact_due=contact, reply_due=reply, close_due=close, state="received",
                             updated_at=now(), **values)
        if form.visit_id is not None:
            # The visit's complaint is taken: linked once (two stations taking it at once: the second is told).
            visit = Visit.get_or_none(Visit.id == form.visit_id)
            if visit is None:
                raise NotFound(tx("Visit not found."))
            if Visit.update(complaint_id=c.id).where((Visit.id == visit.id) & Visit.complaint_id.is_null()).execute() != 1:
                raise ValidationError({"visit": tx("The complaint of visit {number} is recorded already.",
                                                   number=visit.number)})
            operations.touched(visit)
            origin = visit.number
        add_history(c, user, "created", "", "received", origin, at=at)
        operations.result(c)
    return c


# -- reading ----------------------------------------------------------------------------------------------


def get(complaint_id: int) -> Complaint:
    c = Complaint.get_or_none(Complaint.id == complaint_id)
    if c is None:
        raise NotFound(tx("Complaint {id} not found.", id=complaint_id))
    return c


def get_by_number(number: str) -> Complaint | None:
    return Complaint.get_or_none(Complaint.number == number.strip().upper())


def sees_all(user: User | None) -> bool:
    return user is None or can(user, "complaint.manage")


def _visible(query, user: User | None):
    if sees_all(user):
        return query
    return query.where((Complaint.received_by == user.id) | (Complaint.responsible == user.id))


def may_see(user: User | None, c: Complaint) -> bool:
    return sees_all(user) or (user is not None and user.id in (c.received_by_id, c.responsible_id))


def read(user: User | None, complaint_id: int) -> Complaint:
    """The complaint, if ``user`` may see it (PermissionDenied otherwise)."""
    c = get(complaint_id)
    if not may_see(user, c):
        raise PermissionDenied(tx("{user} may see only the complaints they received or handle.",
                                  user=user.display_name), perm="complaint.manage")
    return c


def waiting_for(c: Complaint) -> dt.datetime | None:
    """The deadline of the step the complaint waits for (None when closed)."""
    if c.state == "received":
        return c.contact_due
    if c.state in ("acknowledged", "investigating"):
        return c.reply_due
    if c.state == "replied":
        return c.close_due
    return None


def is_overdue(c: Complaint, at: dt.datetime | None = None) -> bool:
    due = waiting_for(c)
    return due is not None and due < (at or now())


def _overdue_expr(at: dt.datetime):
    return pw.Case(None, [((Complaint.state == "received") & (Complaint.contact_due < at), 1),
                          (Complaint.state.in_(("acknowledged", "investigating")) & (Complaint.reply_due < at), 1),
                          ((Complaint.state == "replied") & (Complaint.close_due < at), 1)], 0)


def query(user: User | None, *, state: str | None = None, open_only: bool = False, overdue_only: bool = False,
          customer_id: int | None = None, job_id: int | None = None, responsible_id: int | None = None,
          date_from: dt.date | None = None, date_to: dt.date | None = None, text: str = "",
          at: dt.datetime | None = None):
    """The complaints ``user`` may see, overdue first, then newest first."""
    at = at or now()
    overdue = _overdue_expr(at)
    q = _visible(Complaint.select(Complaint, overdue.alias("overdue_flag")), user)
    if state:
        q = q.where(Complaint.state == state)
    if open_only:
        q = q.where(Complaint.state.in_(OPEN_STATES))
    if overdue_only:
        q = q.where(overdue == 1)
    if customer_id is not None:
        q = q.where(Complaint.customer == customer_id)
    if job_id is not None:
        q = q.where(Complaint.job == job_id)
    if responsible_id is not None:
        q = q.where(Complaint.responsible == responsible_id)
    if date_from:
        q = q.where(Complaint.received_at >= dt.datetime.combine(date_from, dt.time.min))
    if date_to:
        q = q.where(Complaint.received_at < dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time.min))
    if text.strip():
        needle = text.strip()
        q = q.where(Complaint.number.contains(needle) | Complaint.words.contains(needle)
                    | Complaint.customer.in_(Customer.select(Customer.id).where(Customer.name.contains(needle))))
    return q.order_by(overdue.desc(), Complaint.received_at.desc(), Complaint.id.desc())


def customer_complaints(user: User | None, customer_id: int) -> list[Complaint]:
    return list(query(user, customer_id=customer_id))


def job_complaints(user: User | None, job_id: int) -> list[Complaint]:
    return list(query(user, job_id=job_id))


def history(c: Complaint) -> list[ComplaintHistory]:
    from app.domain.core.records import history_of

    return list(history_of(c))


def allowed_actions(user: User | None, c: Complaint) -> list[str]:
    """The steps ``user`` may take on ``c`` now."""
    return [a for a in ACTIONS if c.state in ACTIONS[a][0] and _may(user, c, a)]


def _may(user: User | None, c: Complaint, action: str) -> bool:
    if user is None or can(user, "complaint.manage"):
        return True
    who = ACTIONS[action][2]
    if who == "manager" or (action == "reopen" and c.state == "closed"):
        return False
    return can(user, "complaint.handle") and c.responsible_id == user.id


def _require_may(user: User | None, c: Complaint, action: str) -> None:
    if not _may(user, c, action):
        u = current(user)
        if ACTIONS[action][2] == "manager" or (action == "reopen" and c.state == "closed"):
            raise PermissionDenied(tx("Only a manager may {what}.", what=ACTION_NAMES[action]),
                                   perm="complaint.manage")
        raise PermissionDenied(tx("{user} is not responsible for complaint {number}.", user=u.display_name,
                                  number=c.number), perm="complaint.handle")


# -- the steps ---------------------------------------------------------------------------------------------


def perform(complaint_id: int, action: str, user: User | None, expected_version: int | None, note: str = "", *,
            reply: str | None = None, reply_how: str | None = None, cause: str | None = None,
            investigation: str | None = None, measures: str | None = None, satisfaction: str | None = None,
            satisfaction_note: str | None = None, closing: str | None = None) -> Complaint:
    """Take complaint ``complaint_id`` one step along (:data:`ACTIONS`).

    * acknowledge: the first contact with the customer; ``note`` says what they were told.
    * investigate: the investigation starts.
    * reply: ``reply`` (what the customer was told) and ``reply_how``; the
      ``cause`` must be known by then (with the investigation and the
      measures, if not recorded already).
    * close (a manager): the customer's answer (``satisfaction``; "no_answer"
      needs ``satisfaction_note`` saying why) and the ``closing`` remarks.
    * reopen: the customer is not satisfied (``note`` says why); back to investigating.
    """
    if action not in ACTIONS:
        raise TransitionNotAllowed(tx("Unknown action '{action}'.", action=action))
    sources, target, _who = ACTIONS[action]
    note = (note or "").strip()
    errors: dict[str, str] = {}
    with write_transaction():
        c = get(complaint_id)
        _require_may(user, c, action)
        if c.state not in sources:
            raise TransitionNotAllowed(tx("Complaint {number} is '{state}'; '{what}' is not possible now.",
                                          number=c.number, state=STATE_NAMES[c.state], what=ACTION_NAMES[action]))
        fields: dict = {"state": target}
        changes = [Change("state", c.state, target)]

        def text(name: str, value, required=None) -> str:
            """The text ``value`` (None: as recorded) set on the complaint; ``required``: the message if empty."""
            value = str(value if value is not None else c_attr(c, name)).strip()
            if required is not None and not value:
                errors[name] = required
            if value != c_attr(c, name):
                fields[name] = value
                changes.append(Change(name, c_attr(c, name), value))
            return value

        if action == "acknowledge":
            if not note:
                errors["note"] = tx("Say what the customer was told at the first contact.")
            fields["acknowledged_at"] = now()
        elif action == "reply":
            text("investigation", investigation)
            text("measures", measures)
            chosen = cause if cause is not None else c.cause
            if chosen not in CAUSES:
                errors["cause"] = tx("Say what caused the complaint.")
            elif chosen != c.cause:
                fields["cause"] = chosen
                changes.append(Change("cause", c.cause, chosen))
            text("reply", reply, tx("Write down the reply given to the customer."))
            how = reply_how if reply_how is not None else c.reply_how
            if how not in REPLY_HOW:
                errors["reply_how"] = tx("Say how the customer was answered.")
            else:
                fields["reply_how"] = how
            fields["replied_at"] = now()
        elif action == "close":
            if not (c.reply or "").strip():
                errors["reply"] = tx("A complaint is closed only after the customer had a reply.")
            answer = satisfaction if satisfaction is not None else c.satisfaction
            if answer not in SATISFACTION:
                errors["satisfaction"] = tx("Record the customer's answer to the reply.")
            else:
                if answer != c.satisfaction:
                    fields["satisfaction"] = answer
                    changes.append(Change("satisfaction", c.satisfaction, answer))
                why = text("satisfaction_note", satisfaction_note)
                if answer == "no_answer" and not why:
                    errors["satisfaction_note"] = tx("Say why the customer's answer could not be had.")
            text("closing", closing, tx("Write the closing remarks."))
            fields["closed_at"] = now()
            fields["closed_by"] = user.id if user is not None else None
        elif action == "reopen":
            if not note:
                errors["note"] = tx("Say why the customer is not satisfied.")
            fields["reopened"] = c.reopened + 1
            if c.state == "replied" and c.satisfaction != "not_satisfied":
                fields["satisfaction"] = "not_satisfied"
                changes.append(Change("satisfaction", c.satisfaction, "not_satisfied"))
            fields["closed_at"] = None
            fields["closed_by"] = None
        _length_errors({**fields, "note": note}, errors)
        if errors:
            raise ValidationError(errors)
        c = guarded_write(c, user, expected_version, fields, states=sources, changes=changes, note=note)
    return c


def record_investigation(complaint_id: int, user: User | None, expected_version: int | None, *,
                         investigation: str | None = None, cause: str | None = None,
                         measures: str | None = None) -> Complaint:
    """Record the investigation, its cause and the measures taken (the person
    responsible, before the complaint is closed); each change a history row."""
    with write_transaction():
        c = get(complaint_id)
        if not (user is None or can(user, "complaint.manage")
                or (can(user, "complaint.handle") and c.responsible_id == user.id)):
            raise PermissionDenied(tx("{user} is not responsible for complaint {number}.",
                                      user=current(user).display_name, number=c.number), perm="complaint.handle")
        if c.state == "closed":
            raise TransitionNotAllowed(tx("Complaint {number} is closed: reopen it first.", number=c.number))
        errors: dict[str, str] = {}
        fields, changes = {}, []
        for name, value in (("investigation", investigation), ("measures", measures)):
            if value is not None and value.strip() != c_attr(c, name):
                fields[name] = value.strip()
                changes.append(Change(name, c_attr(c, name), value.strip()))
        if cause is not None and cause != c.cause:
            if cause not in CAUSES:
                errors["cause"] = tx("Say what caused the complaint.")
            fields["cause"] = cause
            changes.append(Change("cause", c.cause, cause))
        _length_errors(fields, errors)
        if errors:
            raise ValidationError(errors)
        if not fields:
            return c
        return guarded_write(c, user, expected_version, fields, states=OPEN_STATES, changes=changes)


def c_attr(c: Complaint, name: str) -> str:
    return getattr(c, name) or ""


def assign(complaint_id: int, user: User | None, expected_version: int | None, *, responsible_id=..., severity=None,
           contact_due=None, reply_due=None, close_due=None, note: str = "") -> Complaint:
    """A manager's decisions (``complaint.manage``): who is responsible, the
    severity (its deadlines set again from the time received unless given),
    the deadlines themselves. Each change a history row."""
    require(user, "complaint.manage")
    errors: dict[str, str] = {}
    with write_transaction():
        c = get(complaint_id)
        if c.state == "closed":
            raise TransitionNotAllowed(tx("Complaint {number} is closed: reopen it first.", number=c.number))
        fields, changes = {}, []
        if responsible_id is not ...:
            person = _active_user(responsible_id, "responsible", errors)
            if person is not None and not can(person, "complaint.handle"):
                errors["responsible"] = tx("{user} may not handle complaints.", user=person.display_name)
            if responsible_id != c.responsible_id:
                fields["responsible"] = responsible_id
                changes.append(Change("responsible", _who(c.responsible_id), _who(responsible_id)))
        dues = {"contact_due": contact_due, "reply_due": reply_due, "close_due": close_due}
        if severity is not None and severity != c.severity:
            if severity not in SEVERITIES:
                errors["severity"] = tx("Choose how serious it is.")
            else:
                fields["severity"] = severity
                changes.append(Change("severity", c.severity, severity))
                for name, value in zip(dues, deadlines.due(c.received_at, severity)):
                    dues[name] = dues[name] or value
        for name, value in dues.items():
            if value is not None and value != getattr(c, name):
                if value < c.received_at:
                    errors[name] = tx("The deadline cannot come before the complaint was received.")
                fields[name] = value
                changes.append(Change(name, getattr(c, name), value))
        close = fields.get("close_due", c.close_due)
        reply = fields.get("reply_due", c.reply_due)
        if close < reply:
            errors.setdefault("close_due", tx("The close cannot come before the reply."))
        _length_errors({"note": note}, errors)
        if errors:
            raise ValidationError(errors)
        if not fields:
            return c
        return guarded_write(c, user, expected_version, fields, changes=changes, note=(note or "").strip())


def _who(user_id: int | None) -> str:
    if user_id is None:
        return ""
    u = User.get_or_none(User.id == user_id)
    return f"{u.display_name} (#{user_id})" if u else f"#{user_id}"


def handlers() -> list[User]:
    """The active staff who may be made responsible for a complaint."""
    from app.domain.core.permissions import role_allows

    return [u for u in User.select().where(User.active == True).order_by(User.display_name)  # noqa: E712
            if role_allows(u, "complaint.handle")]
