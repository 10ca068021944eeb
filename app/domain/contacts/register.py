"""客服登记本: the contact register's services.

    line = register.record(ContactForm(channel="phone", caller_phone="138 0013 8000",
                                       kind="guidance", matter="...", answer="..."), user)

Append-only, numbered ``DH-YYYY-NNNNNN`` in the line's transaction. A
mistake is corrected by a new line that states the line as it should
have been (:func:`correct`: the corrected line is shown struck through);
an unknown caller is linked to a customer later the same way
(:func:`link_customer`); a line written in error is voided. A follow-up
(who, by when) is done by a later line that follows it up
(:func:`record` with ``follows_up_id``): until then it is shown to its
owner among the follow-ups due (:func:`follow_ups_due`).

Rights: ``contacts.read`` (everyone) reads and prints the book;
``contacts.record`` writes lines; ``contacts.correct`` corrects them.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from app.domain.contacts.models import ContactEntry
from app.domain.core import limits, numbering, operations, phones
from app.domain.core.db import is_sqlite, write_transaction
from app.domain.core.errors import NotFound, ValidationError, tx
from app.domain.core.models import User, now
from app.domain.core.permissions import require
from app.domain.counter.jobs import OPEN_STATES
from app.domain.counter.models import Job, Unit
from app.domain.customers import customers as customer_search
from app.domain.customers.models import Customer
from app.domain.field.models import Visit

DIRECTIONS = ("in", "out")
CHANNELS = ("phone", "letter", "email", "wechat", "walk_in")
KINDS = ("enquiry", "guidance", "repair", "application", "complaint", "praise", "other")

DIRECTION_NAMES = {"in": tx("Incoming"), "out": tx("Outgoing")}
CHANNEL_NAMES = {"phone": tx("Telephone"), "letter": tx("Letter"), "email": tx("E-mail"), "wechat": tx("WeChat"),
                 "walk_in": tx("Walk-in")}
KIND_NAMES = {"enquiry": tx("Enquiry"), "guidance": tx("Technical guidance"), "repair": tx("Repair request"),
              "application": tx("Application"), "complaint": tx("Complaint"), "praise": tx("Praise"),
              "other": tx("Other")}
#: The printed book's words (the book is Chinese or English whatever the screen's language).
CHANNEL_ZH = {"phone": "电话", "letter": "来信", "email": "邮件", "wechat": "微信", "walk_in": "来访"}
KIND_ZH = {"enquiry": "咨询", "guidance": "技术指导", "repair": "报修", "application": "申请", "complaint": "投诉",
           "praise": "表扬", "other": "其他"}
DIRECTION_ZH = {"in": "来", "out": "去"}

#: The longest texts a line keeps (characters): the columns' sizes, and what a matter or answer
#: may reasonably hold (a letter is summarised, not copied).
#: The longest texts (characters), as the columns declare them (app.domain.core.limits).
MAX_LENGTHS = {name: limits.max_length(getattr(ContactEntry, name))
               for name in ("caller_name", "caller_phone", "matter", "answer", "note")}


@dataclass
class ContactForm:
    """One line as the clerk typed it."""
    kind: str = "enquiry"
    matter: str = ""
    channel: str = "phone"
    direction: str = "in"
    customer_id: int | None = None
    caller_name: str = ""
    caller_phone: str = ""
    answer: str = ""
    job_id: int | None = None
    unit_id: int | None = None
    visit_id: int | None = None
    follow_up_by_id: int | None = None
    follow_up_due: dt.date | None = None
    follows_up_id: int | None = None
    at: dt.datetime | None = None          # back-dated (a letter read later, demo data); default now


def _clean(text) -> str:
    """A one-line field as typed: blanks collapsed."""
    return " ".join(str(text or "").split())


def _check_lengths(values: dict, errors: dict) -> None:
    # Type, NUL and length, as the column takes them (app.domain.core.limits).
    for name in MAX_LENGTHS:
        if values.get(name) is not None:
            message = limits.problem(getattr(ContactEntry, name), values[name])
            if message:
                errors.setdefault(name, message)


def _validate(form: ContactForm, *, today: dt.date | None = None) -> dict:
    """The line's values from the form, or ValidationError naming each wrong field."""
    errors: dict[str, str] = {}
    today = today or now().date()
    if form.direction not in DIRECTIONS:
        errors["direction"] = tx("Choose incoming or outgoing.")
    if form.channel not in CHANNELS:
        errors["channel"] = tx("Choose how the customer got in touch.")
    if form.kind not in KINDS:
        errors["kind"] = tx("Choose what the contact is about.")
    values = dict(direction=form.direction, channel=form.channel, kind=form.kind,
                  caller_name=_clean(form.caller_name), matter=str(form.matter or "").strip(),
                  answer=str(form.answer or "").strip())
    phone_text = _clean(form.caller_phone)
    if phone_text:
        value, error = phones.check(phone_text)
        if error:
            errors["caller_phone"] = error
        values["caller_phone"] = value
    else:
        values["caller_phone"] = ""
    if not values["matter"]:
        errors["matter"] = tx("Say what the customer wanted.")
    _check_lengths(values, errors)
    customer = None
    if form.customer_id is not None:
        customer = Customer.get_or_none(Customer.id == form.customer_id)
        if customer is None:
            errors["customer"] = tx("The customer no longer exists.")
    if customer is None and not values["caller_phone"] and not values["caller_name"] and form.channel != "letter":
        errors["customer"] = tx("Name the customer, or at least the caller's number or name.")
    values["customer"] = customer
    values["customer_name"] = customer.name if customer is not None else ""
    for key, model, name in (("job", Job, "job_id"), ("unit", Unit, "unit_id"), ("visit", Visit, "visit_id")):
        ref = getattr(form, name)
        row = model.get_or_none(model.id == ref) if ref is not None else None
        if ref is not None and row is None:
            errors[key] = tx("It no longer exists.")
        if row is not None and customer is not None and getattr(row, "customer_id", customer.id) != customer.id:
            errors[key] = tx("{number} belongs to another customer.", number=getattr(row, "number", row.id))
        values[key] = row
    if values["job"] is not None and values["unit"] is None:
        values["unit"] = values["job"].unit
    if form.follow_up_by_id is not None or form.follow_up_due is not None:
        if form.follow_up_by_id is None:
            errors["follow_up_by"] = tx("Say who follows it up.")
        elif User.get_or_none((User.id == form.follow_up_by_id) & (User.active == True)) is None:  # noqa: E712
            errors["follow_up_by"] = tx("Choose an active member of staff.")
        if form.follow_up_due is None:
            errors["follow_up_due"] = tx("Say by when.")
        elif form.at is None and form.follow_up_due < today:
            errors["follow_up_due"] = tx("The day has passed already.")
    values["follow_up_by"] = form.follow_up_by_id
    values["follow_up_due"] = form.follow_up_due
    values["follows_up"] = None
    if form.follows_up_id is not None:
        earlier = ContactEntry.get_or_none(ContactEntry.id == form.follows_up_id)
        if earlier is None:
            errors["follows_up"] = tx("Contact line not found.")
        elif earlier.follow_up_due is None:
            errors["follows_up"] = tx("Line {number} asks for no follow-up.", number=earlier.number)
        values["follows_up"] = earlier
    if errors:
        raise ValidationError(errors)
    return values


def record(form: ContactForm, user: User | None) -> ContactEntry:
    """Write one line of the book (``contacts.record``); returns it with its number."""
    require(user, "contacts.record")
    values = _validate(form)
    with write_transaction():
        if values["follows_up"] is not None:
            # The line followed up, as it is now: a second follow-up is a line like any other,
            # but one made against a corrected line goes to the line that corrects it.
            values["follows_up"] = latest_of(_locked(values["follows_up"].id))
        at = form.at or now()
        line = ContactEntry.create(number=numbering.next_number("DH", at.date()), at=at, user=user, **values)
        operations.result(line)
    return line


def _locked(entry_id: int) -> ContactEntry:
    q = ContactEntry.select().where(ContactEntry.id == entry_id)
    row = (q if is_sqlite() else q.for_update()).first()
    if row is None:
        raise NotFound(tx("Contact line not found."))
    return row


def correct(entry_id: int, user: User | None, note: str, *, void: bool = False, **changes) -> ContactEntry:
    """Write a correction of line ``entry_id``: the line as it should have
    been (``changes`` names ContactForm's fields that differ), or, with
    ``void``, a line that voids it. The reason (``note``) is required; a
    line is corrected once (correct its correction after that)."""
    require(user, "contacts.correct")
    note = (note or "").strip()
    errors = {}
    if not note:
        errors["note"] = tx("Say what was wrong with the line.")
    else:
        limits.field_problem(ContactEntry.note, note, "note", errors)
    if errors:
        raise ValidationError(errors)
    with write_transaction():
        original = _locked(entry_id)
        if original.voided:
            raise ValidationError({"entry": tx("A voiding line cannot itself be corrected.")})
        later = correction_of(original)
        if later is not None:
            raise ValidationError({"entry": tx("Line {number} was corrected already by line {by}; "
                                               "correct that line instead.", number=original.number,
                                               by=later.number)})
        form = form_of(original)
        for name, value in changes.items():
            if not hasattr(form, name) or name == "at":
                raise TypeError(f"ContactForm has no field {name!r}")
            setattr(form, name, value)
        form.at = original.at            # the book keeps the contact's time; the correction is stamped now
        values = _validate(form)
        values["follows_up"] = original.follows_up
        line = ContactEntry.create(number=numbering.next_number("DH"), at=now(), user=user, corrects=original,
                                   voided=void, note=note, **values)
        operations.result(line)
    return line


def link_customer(entry_id: int, customer_id: int, user: User | None) -> ContactEntry:
    """Link an unknown caller's line to a customer found later (a correction line)."""
    customer = Customer.get_or_none(Customer.id == customer_id)
    if customer is None:
        raise NotFound(tx("The customer no longer exists."))
    # The reason is the book's data, written in the book's language (as the job history's receipt notes are).
    return correct(entry_id, user, f"来电人确认为{customer.name}", customer_id=customer_id)


def form_of(line: ContactEntry) -> ContactForm:
    """The line as a form (to correct it)."""
    return ContactForm(kind=line.kind, matter=line.matter, channel=line.channel, direction=line.direction,
                       customer_id=line.customer_id, caller_name=line.caller_name, caller_phone=line.caller_phone,
                       answer=line.answer, job_id=line.job_id, unit_id=line.unit_id, visit_id=line.visit_id,
                       follow_up_by_id=line.follow_up_by_id, follow_up_due=line.follow_up_due,
                       follows_up_id=line.follows_up_id, at=line.at)


def get(entry_id: int) -> ContactEntry:
    line = ContactEntry.get_or_none(ContactEntry.id == entry_id)
    if line is None:
        raise NotFound(tx("Contact line not found."))
    return line


def get_by_number(number: str) -> ContactEntry | None:
    return ContactEntry.get_or_none(ContactEntry.number == number.strip().upper())


def correction_of(line: ContactEntry) -> ContactEntry | None:
    return ContactEntry.select().where(ContactEntry.corrects == line.id).order_by(ContactEntry.id).first()


def latest_of(line: ContactEntry) -> ContactEntry:
    """The newest line of ``line``'s chain of corrections (``line`` if none)."""
    seen = {line.id}
    while (later := correction_of(line)) is not None and later.id not in seen:
        seen.add(later.id)
        line = later
    return line


def corrected_ids(ids: list[int] | None = None) -> set[int]:
    """Ids of lines a later line corrects (shown struck through), among ``ids`` if given."""
    q = ContactEntry.select(ContactEntry.corrects).where(ContactEntry.corrects.is_null(False))
    if ids is not None:
        if not ids:
            return set()
        q = q.where(ContactEntry.corrects.in_(ids))
    return {r.corrects_id for r in q}


# -- reading ---------------------------------------------------------------------------


def query(date_from: dt.date | None = None, date_to: dt.date | None = None, *, customer: str = "",
          customer_id: int | None = None, kind: str | None = None, staff_id: int | None = None,
          channel: str | None = None, text: str = ""):
    """Lines newest first, filtered as the tab asks: the day range (both
    included), the customer (their name, code, phone or pinyin initials as
    the customer search reads them, or a caller's number), the kind, who
    took the line, the channel, and a word of the matter or answer."""
    q = ContactEntry.select().order_by(ContactEntry.at.desc(), ContactEntry.id.desc())
    if date_from:
        q = q.where(ContactEntry.at >= dt.datetime.combine(date_from, dt.time.min))
    if date_to:
        q = q.where(ContactEntry.at < dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time.min))
    if kind:
        q = q.where(ContactEntry.kind == kind)
    if channel:
        q = q.where(ContactEntry.channel == channel)
    if staff_id is not None:
        q = q.where(ContactEntry.user == staff_id)
    if customer_id is not None:
        q = q.where(ContactEntry.customer == customer_id)
    if customer.strip():
        cond = ContactEntry.customer.in_(customer_search.matching(customer))
        cond |= ContactEntry.caller_name.contains(customer.strip())
        numbers = _phone_forms(customer)
        if numbers:
            cond |= ContactEntry.caller_phone.in_(numbers)
        q = q.where(cond)
    if text.strip():
        needle = text.strip()
        q = q.where(ContactEntry.matter.contains(needle) | ContactEntry.answer.contains(needle))
    return q


def _phone_forms(text: str) -> list[str]:
    value, error = phones.check(text)
    return [value] if value and not error else []


@dataclass
class Caller:
    """Who is calling, as the tab shows it while the number is typed."""
    phone: str                      # the canonical number ("" if it cannot be read yet)
    customers: list                 # the customers with that number (usually one)
    last_lines: list                # the number's latest lines (an unknown caller who called before)


def caller(text: str, limit: int = 10) -> Caller:
    """The customers a typed or pasted number belongs to (their phone or a
    contact's phone or mobile, however written), or, for a part of a number
    or a name, the customer search's matches; and the latest lines of the
    number (an unknown caller who called before)."""
    value, error = phones.check(text)
    found: list = []
    if value and not error:
        found = customer_search.with_phone(value, limit=limit)
    if not found and _clean(text):
        found = customer_search.search(text, limit=limit)
    lines = []
    if value and not error:
        lines = list(ContactEntry.select().where(ContactEntry.caller_phone == value)
                     .order_by(ContactEntry.at.desc(), ContactEntry.id.desc()).limit(5))
    return Caller(value if not error else "", found, lines)


def open_jobs(customer_id: int) -> list[Job]:
    """The customer's jobs still in the shop, oldest first (what they are likely calling about)."""
    return list(Job.select(Job, Unit).join(Unit).where((Job.customer == customer_id) & Job.state.in_(OPEN_STATES))
                .order_by(Job.received_at, Job.id))


def _open_follow_ups():
    later = ContactEntry.alias()
    done = later.select(later.id).where(later.follows_up == ContactEntry.id)
    corrected = later.select(later.id).where(later.corrects == ContactEntry.id)
    return (ContactEntry.select().where(ContactEntry.follow_up_due.is_null(False) & (ContactEntry.voided == False)  # noqa: E712
                                        & ~pw.fn.EXISTS(done) & ~pw.fn.EXISTS(corrected)))


def follow_ups_due(user: User | None, today: dt.date | None = None, *, everyone: bool = False) -> list[ContactEntry]:
    """The follow-ups ``user`` owns that are due today or overdue, not done
    yet (no later line follows them up) and not corrected; oldest due
    first. ``everyone``: every owner's (a manager's view)."""
    today = today or now().date()
    q = _open_follow_ups().where(ContactEntry.follow_up_due <= today)
    if not everyone:
        if user is None:
            return []
        q = q.where(ContactEntry.follow_up_by == user.id)
    return list(q.order_by(ContactEntry.follow_up_due, ContactEntry.at, ContactEntry.id))


def open_follow_ups(user_id: int | None = None) -> list[ContactEntry]:
    """Every follow-up not done yet (of ``user_id``), soonest due first."""
    q = _open_follow_ups()
    if user_id is not None:
        q = q.where(ContactEntry.follow_up_by == user_id)
    return list(q.order_by(ContactEntry.follow_up_due, ContactEntry.id))


def is_overdue(line: ContactEntry, today: dt.date | None = None) -> bool:
    return line.follow_up_due is not None and line.follow_up_due < (today or now().date())


def counts_by_kind(date_from: dt.date | None, date_to: dt.date | None) -> dict[str, int]:
    """Lines per kind in the range (voiding lines and the lines they void not counted; a corrected
    line counts as its correction)."""
    later = ContactEntry.alias()
    q = (query(date_from, date_to).select(ContactEntry.kind, pw.fn.COUNT(ContactEntry.id)).order_by()
         .where((ContactEntry.voided == False)  # noqa: E712
                & ~pw.fn.EXISTS(later.select(later.id).where(later.corrects == ContactEntry.id)))
         .group_by(ContactEntry.kind))
    out = {k: 0 for k in KINDS}
    out.update({k: int(n) for k, n in q.tuples()})
    return out


# -- export ----------------------------------------------------------------------------

EXPORT_HEADER = ("Number", "Time", "Direction", "Channel", "Customer", "Caller", "Phone", "Kind", "Matter",
                 "Answer", "Job", "Taken by", "Follow-up by", "Follow-up due", "Corrects", "Void", "Note")


def export_rows(lines, names: dict | None = None):
    """The lines as the export's rows (``names`` translates the codes; English by default)."""
    names = names or {}
    users = {u.id: u.display_name for u in User.select(User.id, User.display_name)}
    numbers: dict[int, str] = {}
    for line in lines:
        numbers[line.id] = line.number
        corrects = ""
        if line.corrects_id is not None:
            corrects = numbers.get(line.corrects_id) or ContactEntry.get_by_id(line.corrects_id).number
        yield (line.number, line.at, names.get(line.direction, DIRECTION_NAMES[line.direction]),
               names.get(line.channel, CHANNEL_NAMES[line.channel]), line.customer_name, line.caller_name,
               line.caller_phone, names.get(line.kind, KIND_NAMES[line.kind]), line.matter, line.answer,
               line.job.number if line.job_id else "", users.get(line.user_id, ""),
               users.get(line.follow_up_by_id, ""), line.follow_up_due, corrects, "✓" if line.voided else "",
               line.note)


def export_xlsx(user: User | None, path, lines, header=EXPORT_HEADER, names: dict | None = None) -> int:
    """Write ``lines`` to ``path`` (.xlsx or .csv, app.domain.core.sheets); returns the rows written."""
    from app.domain.core import sheets

    require(user, "contacts.read")
    rows = list(export_rows(lines, names))
    try:
        sheets.write_table(path, header, rows, title="客服登记本",
                           widths=(16, 17, 6, 8, 26, 12, 15, 10, 40, 40, 16, 10, 10, 12, 16, 5, 24))
    except OSError as exc:
        raise ValidationError({"path": tx("The file could not be written: {reason}", reason=str(exc))}) from None
    return len(rows)
