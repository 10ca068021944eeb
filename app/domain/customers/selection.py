"""New-customer selection (§2.2): prospect -> investigations -> criteria
assessed -> the manager's decision.

    add_prospect ──> investigate (general / on-site, one or more)
                 ──> assess every criterion of §2.2.2 (1-5 each)
                 ──> decide: approved  -> status "active" (archived, §2.2.3)
                             refused   -> status "refused", reason kept

A prospect is a Customer row with status "prospect": it has a code and an
archive from the start, so what was learned during selection is already
filed when the customer is approved, and a refused one stays on record
(status "refused") with its investigations, assessments and the reason.

Rights: "customer.select.investigate" records investigations and
assessments (keepers, business staff, managers); only
"customer.select.decide" decides (the manager). A decision needs at least
one investigation and every criterion assessed.
"""
from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from app.domain.core import limits
from app.domain.core.db import write_transaction
from app.domain.core.errors import NotFound, TransitionNotAllowed, ValidationError, tx
from app.domain.core.models import User, now
from app.domain.core.permissions import require
from app.domain.core.text import keep
from app.domain.customers import customers
from app.domain.customers.archive_fields import parse_fields
from app.domain.customers.models import Customer, CustomerChange, Investigation, SelectionAssessment, SelectionDecision

#: The criteria of §2.2.2, in the order of the regulation: (code, group).
CRITERIA = (("management", "A"), ("finance", "A"), ("reputation", "A"), ("performance", "A"),
            ("cooperation", "B"), ("confidentiality", "C"))
CRITERION_CODES = tuple(code for code, _group in CRITERIA)
INVESTIGATION_KINDS = ("general", "onsite")
DECISIONS = ("approved", "refused")


def criterion_label(code: str):
    """The §2.2.2 wording of a criterion (a tx() text; the UI translates it)."""
    return {
        "management": tx("A. Management level"),
        "finance": tx("A. Financial ability"),
        "reputation": tx("A. Reputation"),
        "performance": tx("A. Ability to perform contracts"),
        "cooperation": tx("B. Cooperative attitude"),
        "confidentiality": tx("C. Keeps both sides' trade and technical secrets"),
    }[code]


@dataclass
class SelectionFile:
    """Everything recorded about one prospect (or a decided one)."""
    customer: Customer
    investigations: list[Investigation] = field(default_factory=list)   # oldest first
    assessments: dict[str, SelectionAssessment] = field(default_factory=dict)  # criterion -> latest
    decision: SelectionDecision | None = None
    missing: list[str] = field(default_factory=list)   # what still stands in the way of a decision


def add_prospect(user: User | None, name: str, phone: str = "", category: str = "dealer", address: str = "",
                 **archive_fields) -> Customer:
    """Register a prospective customer (status "prospect"); more archive
    fields (region, business_content, ...) may be given. Needs
    "customer.select.investigate" and "customer.create". Raises ValidationError per field."""
    require(user, "customer.select.investigate")
    archive_fields.pop("status", None)
    extra, errors = parse_fields(archive_fields, partial=True)
    if errors:
        raise ValidationError(errors)
    with write_transaction():
        c = customers.create_customer(name, phone, category, address, user=user)
        Customer.update(status="prospect", **extra).where(Customer.id == c.id).execute()
    return Customer.get_by_id(c.id)


def prospects() -> list[Customer]:
    """Prospects waiting for a decision, oldest first."""
    return list(Customer.select().where(Customer.status == "prospect").order_by(Customer.created_at, Customer.id))


def add_investigation(user: User | None, customer_id: int, kind: str, date: dt.date, findings: str,
                      investigator_id: int | None = None) -> Investigation:
    """Record a general (通常) or on-site (实地) investigation (§2.2.1).
    ``investigator_id`` defaults to the user. Raises ValidationError({"kind"|"date"|"findings": ...})."""
    require(user, "customer.select.investigate")
    c = _prospect(customer_id)
    findings = keep(findings)
    errors = limits.check(Investigation, {"findings": findings})
    if kind not in INVESTIGATION_KINDS:
        errors["kind"] = tx("Choose general or on-site investigation.")
    if not isinstance(date, dt.date) or date > now().date():
        errors["date"] = tx("The investigation date cannot be in the future.")
    if investigator_id is not None and limits.problem(Investigation.investigator, investigator_id):
        errors["investigator"] = tx("Choose a member of staff.")
    if not findings and "findings" not in errors:
        errors["findings"] = tx("Write down what the investigation found.")
    if errors:
        raise ValidationError(errors)
    with write_transaction():
        return Investigation.create(customer=c, kind=kind, date=date, findings=findings,
                                    investigator=investigator_id if investigator_id is not None else user)


def assess(user: User | None, customer_id: int, criterion: str, score: int, note: str = "") -> SelectionAssessment:
    """Assess one criterion 1 (poor) .. 5 (excellent); a new assessment
    replaces the earlier one. Raises ValidationError({"criterion"|"score": ...})."""
    require(user, "customer.select.investigate")
    c = _prospect(customer_id)
    note = keep(note)
    errors = limits.check(SelectionAssessment, {"note": note})
    if criterion not in CRITERION_CODES:
        errors["criterion"] = tx("Unknown criterion.")
    if isinstance(score, bool) or not isinstance(score, (int, str)):
        score = 0
    try:
        score = int(score)
    except (TypeError, ValueError):
        score = 0
    if not 1 <= score <= 5:
        errors["score"] = tx("Score 1 (poor) to 5 (excellent).")
    if errors:
        raise ValidationError(errors)
    with write_transaction():
        # The latest assessment counts: one row per criterion, replaced.
        values = dict(score=score, note=note, assessed_by=user, at=now())
        done = (SelectionAssessment.update(**values)
                .where((SelectionAssessment.customer == c.id) & (SelectionAssessment.criterion == criterion))
                .execute())
        if not done:
            SelectionAssessment.create(customer=c.id, criterion=criterion, **values)
    return SelectionAssessment.get((SelectionAssessment.customer == c.id)
                                   & (SelectionAssessment.criterion == criterion))


def selection_file(customer_id: int) -> SelectionFile:
    """The prospect's investigations, assessments, decision and what is missing."""
    c = Customer.get_or_none(Customer.id == customer_id)
    if c is None:
        raise NotFound(tx("No customer with id {id}.", id=customer_id))
    inv = list(Investigation.select().where(Investigation.customer == c.id).order_by(Investigation.date,
                                                                                    Investigation.id))
    ass = {a.criterion: a for a in SelectionAssessment.select().where(SelectionAssessment.customer == c.id)}
    dec = (SelectionDecision.select().where(SelectionDecision.customer == c.id)
           .order_by(SelectionDecision.at.desc(), SelectionDecision.id.desc()).first())
    missing = ([] if inv else ["investigation"]) + [code for code in CRITERION_CODES if code not in ass]
    return SelectionFile(customer=c, investigations=inv, assessments=ass, decision=dec, missing=missing)


def decide(user: User | None, customer_id: int, decision: str, reason: str = "") -> SelectionDecision:
    """The manager's decision (§2.2.3). "approved": the prospect becomes an
    active customer; "refused": status "refused" and the reason is kept
    (required). Needs "customer.select.decide". Raises ValidationError
    ({"decision"|"reason"|"investigations"|"assessments": ...}), TransitionNotAllowed
    if no longer a prospect."""
    require(user, "customer.select.decide")
    c = _prospect(customer_id)
    reason = keep(reason)
    errors = limits.check(SelectionDecision, {"reason": reason})
    if decision not in DECISIONS:
        errors["decision"] = tx("Approve or refuse.")
    if decision == "refused" and not reason and "reason" not in errors:
        errors["reason"] = tx("Give the reason for refusing.")
    f = selection_file(c.id)
    if "investigation" in f.missing:
        errors["investigations"] = tx("Record at least one investigation before deciding.")
    if any(m != "investigation" for m in f.missing):
        errors["assessments"] = tx("Assess every criterion before deciding; missing: {missing}.",
                                   missing=", ".join(m for m in f.missing if m != "investigation"))
    if errors:
        raise ValidationError(errors)
    status = "active" if decision == "approved" else "refused"
    at = now()
    with write_transaction():
        n = (Customer.update(status=status, version=Customer.version + 1, updated_at=at)
             .where((Customer.id == c.id) & (Customer.status == "prospect")).execute())
        if n != 1:
            raise TransitionNotAllowed(tx("{name} has been decided already.", name=c.name))
        CustomerChange.create(customer=c.id, at=at, user=user, change_set=uuid.uuid4().hex, field="status",
                              old_value="prospect", new_value=status)
        return SelectionDecision.create(customer=c.id, decision=decision, reason=reason, decided_by=user, at=at)


def _prospect(customer_id: int) -> Customer:
    c = Customer.get_or_none(Customer.id == customer_id)
    if c is None:
        raise NotFound(tx("No customer with id {id}.", id=customer_id))
    if c.status != "prospect":
        raise TransitionNotAllowed(tx("{name} is not a prospect any more.", name=c.name))
    return c
