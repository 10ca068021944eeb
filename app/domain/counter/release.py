"""Handing units back, cancelling a job, and the pickup receipt's life.

Notes these services write into the register, the receipts and the job's
history are records, like the lines of the paper register book: they are
written in the regulation's language (Chinese), whatever the clerk's UI
language, so every station reads the same book.

Release needs the pickup receipt, scanned or typed. A customer who lost it
collects against an identity document with a manager's approval: the
receipt is voided (its number stays on record, marked void) and who
approved it is recorded. Each of these writes the register's "out" row (or
a voiding correction) in the job's own transaction.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import peewee as pw

from app.domain.core import limits, numbering
from app.domain.core.db import write_transaction
from app.domain.core.errors import NotFound, PermissionDenied, TransitionNotAllowed, ValidationError, tx
from app.domain.core.models import User, now
from app.domain.core.permissions import require
from app.domain.core.records import Change, add_history, guarded_write
from app.domain.core.text import clean, code, keep
from app.domain.counter import register
from app.domain.counter.charges import PAYMENT_METHODS, compute
from app.domain.counter.jobs import get_job, money, to_decimal
from app.domain.counter.models import Job, JobHistory, JobItem, Receipt, RegisterEntry


@dataclass
class Payment:
    amount: Decimal | str | None = None
    method: str = ""


def find_by_code(code: str) -> tuple[Job | None, Receipt | None]:
    """The job behind a scanned code: a job number, a repair card code
    (job number + item), a pickup receipt number or an in/out register row."""
    parsed = numbering.parse(code)
    if parsed is None:
        return None, None
    if parsed["kind"] == "LQ":
        receipt = Receipt.get_or_none(Receipt.number == parsed["number"])
        return (receipt.job if receipt else None), receipt
    if parsed["kind"] == "WX":
        job = Job.get_or_none(Job.number == parsed["number"])
        if job is not None and parsed["item"] is not None and \
                not job.items.where(JobItem.seq == parsed["item"]).exists():
            return None, None
        return job, None
    if parsed["kind"] == "JC" and parsed["item"] is None:
        row = RegisterEntry.get_or_none(RegisterEntry.number == parsed["number"])
        return (row.job if row is not None else None), None
    return None, None


def valid_receipt(job: Job) -> Receipt | None:
    return job.receipts.where(Receipt.status == "valid").order_by(Receipt.id.desc()).first()


def _check_payment(job: Job, payment: Payment | None) -> tuple[Decimal | None, str, Decimal | None]:
    """(amount paid, method, cash tendered) for the release: what is paid is
    what is due, never more. Cash may be more than what is due: the amount
    tendered and the change given are recorded (JobHistory "payment"); any
    other way pays exactly what is due; nothing is taken when nothing is due."""
    due = compute(job).due
    payment = payment or Payment()
    method = payment.method or ""
    if not isinstance(method, str) or (method and method not in PAYMENT_METHODS):
        raise ValidationError({"payment_method": tx("Unknown payment method.")})
    given = payment.amount not in (None, "")
    amount = money(0)
    if given:
        amount = to_decimal(payment.amount, "amount_paid", allow_zero=True)
        limits.require(Job, {"amount_paid": amount})       # two decimals at most, within the column
    if due == 0:
        if amount != 0:
            raise ValidationError({"amount_paid": tx("Nothing is due on this job: take no payment "
                                                     "(¥{amount} was entered).", amount=money(amount))})
        return money(0), method, None
    if limits.problem(Job.amount_paid, due):
        raise ValidationError({"amount_paid": tx("¥{due} is more than one payment can record; "
                                                 "check the parts and labour.", due=due)})
    if not method:
        raise ValidationError({"payment_method": tx("¥{due} is due: choose how it is paid.", due=due)})
    if method == "account":
        return money(0), method, None  # charged to the customer's account (记账)
    if not given:
        raise ValidationError({"amount_paid": tx("Enter the amount received (¥{due} is due).", due=due)})
    if amount < due:
        raise ValidationError({"amount_paid": tx("¥{due} is due; ¥{amount} is not enough.", due=due,
                                                 amount=money(amount))})
    if amount > due and method != "cash":
        raise ValidationError({"amount_paid": tx("¥{due} is due; ¥{amount} was entered. Only cash can be more "
                                                 "than what is due (the change is given back).",
                                                 due=due, amount=money(amount))})
    return due, method, (money(amount) if method == "cash" else None)


def change_given(job: Job) -> tuple[Decimal, Decimal] | None:
    """(cash tendered, change given) at the job's release, if paid in cash."""
    row = (JobHistory.select().where((JobHistory.job == job.id) & (JobHistory.what == "payment"))
           .order_by(JobHistory.id.desc()).first())
    if row is None:
        return None
    tendered = Decimal(row.new_value)
    return tendered, money(tendered - Decimal(row.old_value))


def _finish(job: Job, user: User | None, expected_version: int | None, collected_by: str,
            payment: Payment | None, **extra) -> Job:
    if job.state != "ready":
        raise TransitionNotAllowed(
            tx("Job {number} is '{state}', not ready for pickup.", number=job.number, state=job.state),
            state=job.state)
    collected_by = clean(collected_by)
    limits.require(Job, {"collected_by": collected_by})
    if not collected_by:
        raise ValidationError({"collected_by": tx("Who is collecting the unit?")})
    amount, method, tendered = _check_payment(job, payment)
    target = "returned" if job.outcome == "unrepaired" else "delivered"
    job = guarded_write(job, user, expected_version,
                        dict(state=target, delivered_at=now(), collected_by=collected_by, amount_paid=amount,
                             payment_method=method, **extra),
                        states=("ready",), changes=[Change("state", "ready", target)])
    if tendered is not None:
        # Cash: old = what was due (and paid), new = what the customer handed over, note = the change given.
        add_history(job, user, "payment", old=str(amount), new=str(tendered), note=f"找零 {money(tendered - amount)}")
    register.write_row(job, "out", user, person=collected_by,
                       note="" if extra.get("release_method") == "receipt" else "收据遗失，凭证件放行")
    return job


def release(job_id: int, receipt_number: str, collected_by: str, user: User | None,
            expected_version: int | None, payment: Payment | None = None) -> Job:
    """Hand the unit back against its pickup receipt."""
    require(user, "job.release")
    with write_transaction():
        job = get_job(job_id)
        number = code(receipt_number)
        if not isinstance(number, str) or limits.problem(Receipt.number, number):
            raise ValidationError({"receipt": tx("Scan or type the number on the pickup receipt.")})
        receipt = Receipt.get_or_none(Receipt.number == number)
        if receipt is None or receipt.job_id != job.id:
            raise ValidationError({"receipt": tx("Receipt {number} does not belong to job {job}.",
                                                 number=number, job=job.number) if number else
                                   tx("Receipt (empty) does not belong to job {job}.", job=job.number)})
        if receipt.status == "void":
            raise ValidationError({"receipt": tx("Receipt {number} was voided on {date} ({reason}). "
                                                 "It cannot be used.", number=number,
                                                 date=receipt.voided_at.strftime("%Y-%m-%d"),
                                                 reason=receipt.void_reason)})
        if receipt.status == "used":
            raise ValidationError({"receipt": tx("Receipt {number} has already been used.", number=number)})
        job = _finish(job, user, expected_version, collected_by, payment, release_method="receipt")
        Receipt.update(status="used").where(Receipt.id == receipt.id).execute()
    return job


def release_without_receipt(job_id: int, collected_by: str, collector_id: str, approver: User | None,
                            user: User | None, expected_version: int | None, reason: str = "",
                            payment: Payment | None = None, approver_password: str | None = None) -> Job:
    """Lost receipt: release against the collector's ID with the approval of
    someone who holds "release.approve" (a manager), besides the clerk's own
    "job.release". An approver other than the signed-in user confirms with
    their password, so the approval proves the manager was there."""
    require(user, "job.release")
    if approver is None:
        raise PermissionDenied(tx("Release without the pickup receipt needs a manager's approval."),
                               perm="release.approve")
    if user is not None and approver.id != user.id:
        from app.domain.core.auth import confirm_approval

        approver = confirm_approval(approver, approver_password or "", "release.approve")
    else:
        require(approver, "release.approve")
    collector_id, collected_by, reason = code(collector_id), clean(collected_by), keep(reason)
    errors = limits.check(Job, {"collector_id": collector_id, "collected_by": collected_by})
    limits.field_problem(Receipt.void_reason, reason, "reason", errors)
    if "collector_id" not in errors and len(collector_id) < 6:
        errors["collector_id"] = tx("Record the collector's identity document number.")
    if "collected_by" not in errors and not collected_by:
        errors["collected_by"] = tx("Who is collecting the unit?")
    if errors:
        raise ValidationError(errors)
    with write_transaction():
        job = get_job(job_id)
        note = f"收据遗失；证件号 {collector_id}；批准人 {approver.display_name}；{reason}".strip("；")
        job = _finish(job, user, expected_version, collected_by, payment, release_method="id_document",
                      collector_id=collector_id, release_approved_by=approver.id)
        voided = _void_receipts(job, user, "遗失：" + (reason or "凭证件放行"))
        add_history(job, user, "lost_receipt", old=voided, note=note)
    return job


def _void_receipts(job: Job, user: User | None, reason: str) -> str:
    """Void the job's valid receipts; returns their numbers ("LQ-..., LQ-...")."""
    valid = (Receipt.job == job) & (Receipt.status == "valid")
    numbers = [r.number for r in Receipt.select(Receipt.number).where(valid).order_by(Receipt.id)]
    Receipt.update(status="void", void_reason=reason, voided_at=now(), voided_by=user).where(valid).execute()
    return ", ".join(numbers)


def reissue_receipt(job_id: int, user: User | None, expected_version: int | None, reason: str) -> Receipt:
    """Void the current receipt and issue a new number (e.g. a misprint)."""
    require(user, "job.intake")
    reason = keep(reason)
    limits.require(Receipt, {"void_reason": reason}, names={"void_reason": "reason"})
    if not reason:
        raise ValidationError({"reason": tx("Say why the receipt is replaced.")})
    with write_transaction():
        job = get_job(job_id)
        if job.state in ("delivered", "returned", "cancelled"):
            raise TransitionNotAllowed(tx("Job {number} is closed ({state}).", number=job.number, state=job.state))
        job = guarded_write(job, user, expected_version)   # its history row names the new number, below
        voided = _void_receipts(job, user, reason)
        receipt = Receipt.create(number=numbering.next_number("LQ"), job=job)
        add_history(job, user, "receipt", old=voided, new=receipt.number, note=reason)
    return receipt


def cancel_job(job_id: int, user: User | None, expected_version: int | None, reason: str) -> Job:
    """Void a job taken in by mistake: its number stays on record as
    cancelled, the receipt is voided and the register's "in" row is voided by
    a correction row. (A customer who takes the unit back unrepaired is
    'give up' then release, not a cancellation.)"""
    require(user, "job.cancel")
    reason = keep(reason)
    limits.require(RegisterEntry, {"note": f"维修单作废：{reason}"})   # the register's voiding row holds it
    if not reason:
        raise ValidationError({"note": tx("Say why the job is cancelled.")})
    with write_transaction():
        job = get_job(job_id)
        if job.state not in ("received", "diagnosing", "waiting_parts"):
            raise TransitionNotAllowed(
                tx("Job {number} is '{state}'; only a job not yet repaired can be cancelled.",
                   number=job.number, state=job.state))
        job = guarded_write(job, user, expected_version, {"state": "cancelled"}, states=(job.state,),
                            changes=[Change("state", job.state, "cancelled")], note=reason)
        _void_receipts(job, user, "维修单作废")
        # The "in" row as it stands: a row whose person was corrected is voided through its correction.
        later = RegisterEntry.alias()
        in_row = (RegisterEntry.select().where((RegisterEntry.job == job) & (RegisterEntry.direction == "in")
                                               & ~pw.fn.EXISTS(later.select(later.id)
                                                               .where(later.corrects == RegisterEntry.id)))
                  .order_by(RegisterEntry.id).first())
        if in_row is None:
            raise NotFound(tx("Job {number} has no 'in' row in the register.", number=job.number))
        # Void what the register says now: the "in" row, or the correction a
        # clerk made of it (the job's row is locked by the write above, so a
        # correction racing this cancel has either committed or waits).
        current = register.latest_of(in_row)
        if current.direction != "void":
            register.write_row(job, "void", user, person=current.person,
                               note=f"维修单作废：{reason}", corrects=current)
    return job
