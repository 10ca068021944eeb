"""Taking a unit in at the counter: one transaction writes the job, its
items, the pickup receipt, the first history row and the register's "in"
row. It either all happens or nothing does, so a failed save leaves the
database as it was (and the form, which only reads, as the clerk typed it).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import peewee as pw

from app.domain.core import numbering, operations
from app.domain.core.db import lock, write_transaction
from app.domain.core.errors import ValidationError, tx
from app.domain.core.models import User, now
from app.domain.core.permissions import require
from app.domain.core.records import add_history
from app.domain.core import limits
from app.domain.core.text import clean, code, keep, keep_line
from app.domain.counter import products, register
from app.domain.counter.jobs import CLOSED_STATES
from app.domain.counter.models import Job, JobItem, Product, Receipt, RegisterEntry, Unit
from app.domain.customers.models import Customer


@dataclass
class IntakeForm:
    """What the intake form holds; validated by :func:`validate`."""
    customer_id: int | None
    serial: str
    fault: str
    items: list[str] = field(default_factory=lambda: ["主机"])
    condition: str = ""
    promised_date: dt.date | None = None
    # For a unit met for the first time:
    product_id: int | None = None
    product_model: str = ""
    product_name: str = ""
    warranty_months: int = 12
    sale_date: dt.date | None = None
    # Override of the service kind the rules give, with the reason.
    service_kind: str | None = None
    kind_reason: str = ""
    brought_by: str = ""            # who brought the unit, if not the customer
    # A unit recorded as another customer's: "for_owner" (taken in for its
    # owner: the job is the owner's, the customer at the counter brought it)
    # or "new_owner" (it changed hands: the unit becomes this customer's, and
    # the old owner's agreement no longer covers it). Refused when not given.
    owner_choice: str = ""
    received_at: dt.datetime | None = None  # demo data and imports only


OWNER_CHOICES = ("for_owner", "new_owner")


@dataclass
class IntakeResult:
    job: Job
    receipt: Receipt
    register_row: RegisterEntry


def _items(form: IntakeForm) -> list:
    """The items received, as typed (one line each), empty lines dropped."""
    items = form.items if isinstance(form.items, (list, tuple)) else [form.items]
    return [keep_line(i) for i in items if keep_line(i) != ""]


def limit_errors(form: IntakeForm) -> dict[str, str]:
    """The form's values against what their columns take (types, NUL,
    lengths, ranges): app.domain.core.limits."""
    errors = limits.check(Job, dict(fault=keep(form.fault), condition=keep(form.condition),
                                    kind_reason=keep(form.kind_reason), promised_date=form.promised_date))
    errors.update(limits.check(Unit, dict(serial=code(form.serial), sale_date=form.sale_date)))
    errors.update(limits.check(Product, dict(model=clean(form.product_model), name=clean(form.product_name),
                                             warranty_months=form.warranty_months),
                               names={"model": "product", "name": "product"}))
    limits.field_problem(RegisterEntry.person, clean(form.brought_by), "brought_by", errors)
    if form.customer_id is not None and limits.problem(Job.customer, form.customer_id):
        errors["customer"] = tx("Choose the customer (or add a new one).")
    if form.product_id is not None and limits.problem(Unit.product, form.product_id):
        errors["product"] = tx("New serial number: choose the product.")
    if form.service_kind is not None and not isinstance(form.service_kind, str):
        errors["service_kind"] = tx("Choose free, contract or paid.")
    if form.received_at is not None and not isinstance(form.received_at, dt.datetime):
        errors["received_at"] = tx("Enter a date and time.")
    for item in _items(form):
        message = limits.problem(JobItem.description, item)
        if message:
            errors["items"] = message
            break
    return errors


def validate(form: IntakeForm) -> dict[str, str]:
    """Field -> message for everything wrong with the form (empty if fine)."""
    errors = limit_errors(form)
    if errors:
        return errors    # the checks below assume values of the right type
    if not form.customer_id or Customer.get_or_none(Customer.id == form.customer_id) is None:
        errors["customer"] = tx("Choose the customer (or add a new one).")
    serial = code(form.serial)
    if not serial:
        errors["serial"] = tx("Type or scan the serial number.")
    unit = products.find_unit(serial) if serial else None
    if serial and unit is None:
        if not form.product_id and not clean(form.product_model):
            errors["product"] = tx("New serial number: choose the product.")
        if form.sale_date and form.sale_date > dt.date.today():
            errors["sale_date"] = tx("The sale date cannot be in the future.")
    if form.owner_choice and (not isinstance(form.owner_choice, str) or form.owner_choice not in OWNER_CHOICES):
        errors["owner_choice"] = tx("Choose whether the unit is taken in for its owner or changed hands.")
    if unit is not None:
        open_job = unit.jobs.where(Job.state.not_in(CLOSED_STATES)).first()
        if open_job is not None:
            errors["serial"] = tx("This unit is already in the shop under job {number}.", number=open_job.number)
    if not keep(form.fault):
        errors["fault"] = tx("Describe the fault as the customer tells it.")
    items = _items(form)
    if not items:
        errors["items"] = tx("List at least one item received (the unit itself).")
    elif len(items) > 20:
        errors["items"] = tx("At most 20 items on one job.")
    today = (form.received_at or now()).date()
    if form.promised_date and form.promised_date < today:
        errors["promised_date"] = tx("The promised date is in the past.")
    if form.service_kind is not None:
        if form.service_kind not in products.SERVICE_KINDS:
            errors["service_kind"] = tx("Choose free, contract or paid.")
    return errors


def result_of(job_id: int) -> IntakeResult:
    """What :func:`take_in` returned for job ``job_id`` (its receipt and "in" row)."""
    job = Job.get_by_id(job_id)
    receipt = job.receipts.order_by(Receipt.id).first()
    row = (RegisterEntry.select().where((RegisterEntry.job == job) & (RegisterEntry.direction == "in"))
           .order_by(RegisterEntry.id).first())
    return IntakeResult(job=job, receipt=receipt, register_row=row)


@operations.replayable(lambda op: result_of(op.row_id))
def take_in(form: IntakeForm, user: User | None) -> IntakeResult:
    """Save the job; raises :class:`ValidationError` and writes nothing if the
    form is wrong (the unit already in the shop, checked again under the
    unit's lock), :class:`PermissionDenied` if ``user`` may not take units in."""
    require(user, "job.intake")
    for attempt in range(3):
        try:
            return _take_in(form, user)
        except pw.IntegrityError:
            # Another station registered the same new serial (or product
            # model) between our look-up and our insert, and its row won; our
            # transaction rolled back. Again: now the unit (or model) is found
            # and locked, and the unit's open job, if any, is reported. (A new
            # model and a new serial can each lose once.)
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def _owner_note(unit: Unit, old: Customer, new: Customer, at: dt.datetime, user: User | None) -> str:
    """The unit's notes with a line recording the change of owner (in the
    regulation's language, as the register's notes)."""
    line = (f"{at:%Y-%m-%d} 所有人变更：{old.name}（{old.code}）→ {new.name}（{new.code}），"
            f"经办：{user.display_name if user else '—'}")
    return f"{unit.notes.rstrip()}\n{line}" if unit.notes.strip() else line


def _take_in(form: IntakeForm, user: User | None) -> IntakeResult:
    errors = validate(form)
    if errors:
        raise ValidationError(errors)
    serial = code(form.serial)
    items = _items(form)
    received_at = form.received_at or now()
    with write_transaction():
        customer = Customer.get_by_id(form.customer_id)
        unit = products.find_unit(serial)
        if unit is not None:
            # "Already in the shop" must hold when two counters save the same
            # unit at once: lock the unit (PostgreSQL, MariaDB; SQLite's
            # write lock already queues the second station) and look again.
            lock(Unit, unit.id)
            unit = Unit.get_by_id(unit.id)   # its owner as of the lock (another station may have changed it)
            open_job = Job.select(Job.number).where((Job.unit == unit.id) & Job.state.not_in(CLOSED_STATES)).first()
            if open_job is not None:
                raise ValidationError({"serial": tx("This unit is already in the shop under job {number}.",
                                                    number=open_job.number)})
        if unit is None:
            product = (Product.get_by_id(form.product_id) if form.product_id else
                       products.get_or_create_product(form.product_model, form.product_name,
                                                      form.warranty_months))
            unit = products.new_unit(serial, product, customer, form.sale_date)
        elif unit.owner_id is None:
            Unit.update(owner=customer).where(Unit.id == unit.id).execute()
            unit = Unit.get_by_id(unit.id)
        old_owner, brought_by = None, clean(form.brought_by)
        if unit.owner_id is not None and unit.owner_id != customer.id:
            # Another customer's unit: whose agreement decides the service
            # kind depends on the clerk's choice, so there must be one (a
            # second station or a script cannot skip it).
            owner = Customer.get_by_id(unit.owner_id)
            if form.owner_choice == "for_owner":
                brought_by = brought_by or customer.name
                customer = owner
            elif form.owner_choice == "new_owner":
                old_owner = owner
                Unit.update(owner=customer, notes=_owner_note(unit, owner, customer, received_at, user)) \
                    .where(Unit.id == unit.id).execute()
                unit = Unit.get_by_id(unit.id)
            else:
                raise ValidationError({"owner_choice": tx(
                    "This unit is recorded as {owner}'s: take it in for {owner}, or record that it now "
                    "belongs to {customer}.", owner=owner.name, customer=customer.name)})
        decision = products.decide_kind(unit, received_at.date())
        kind = form.service_kind or decision.kind
        if kind != decision.kind and not keep(form.kind_reason):
            raise ValidationError({"kind_reason": tx("Say why the service kind differs from the rules ({kind}).",
                                                     kind=decision.kind)})
        agreement = decision.agreement
        if kind == "contract" and agreement is None:
            agreement = products.active_agreement(unit, received_at.date())
            if agreement is None:
                raise ValidationError({"service_kind": tx("No maintenance agreement covers this unit today.")})
        job = Job.create(
            number=numbering.next_number("WX", received_at.date()), unit=unit, customer=customer,
            fault=keep(form.fault), condition=keep(form.condition), received_by=user,
            received_at=received_at, promised_date=form.promised_date, service_kind=kind,
            computed_kind=decision.kind, kind_reason=keep(form.kind_reason) if kind != decision.kind else "",
            agreement=agreement if kind == "contract" else None, state="received", updated_at=received_at)
        operations.result(job)
        for seq, description in enumerate(items, start=1):
            JobItem.create(job=job, seq=seq, description=description)
        receipt = Receipt.create(number=numbering.next_number("LQ", received_at.date()), job=job,
                                 issued_at=received_at)
        add_history(job, user, "created", new="received", at=received_at)  # back-dated with the intake
        if old_owner is not None:
            add_history(job, user, "owner", old=f"{old_owner.name} ({old_owner.code})",
                        new=f"{customer.name} ({customer.code})", at=received_at)
        row = register.write_row(job, "in", user, person=brought_by or customer.name, at=received_at)
    return IntakeResult(job=job, receipt=receipt, register_row=row)
