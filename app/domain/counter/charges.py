"""What a job costs and what the customer pays (brief §4.1).

Free jobs (in warranty) cost the customer nothing, but their parts and
labour are still totalled: the department sees what warranty work costs.
Contract jobs charge what the maintenance agreement does not cover.
"""
from __future__ import annotations

from decimal import Decimal

from app.domain.counter.jobs import money
from app.domain.counter.models import Job, JobLabour, JobPart
from app.printing.counter.data import Charges, LabourLine, PartLine

PAYMENT_METHODS = ("cash", "card", "transfer", "wechat", "alipay", "account")


def part_lines(job: Job) -> list[PartLine]:
    return [PartLine(description=p.description, quantity=Decimal(p.quantity),
                     unit_price=money(p.unit_price), amount=money(Decimal(p.quantity) * Decimal(p.unit_price)),
                     kind=p.kind)
            for p in job.parts.order_by(JobPart.id)]


def labour_lines(job: Job) -> list[LabourLine]:
    return [LabourLine(technician=line.technician.display_name if line.technician else "",
                       hours=Decimal(line.hours), rate=money(line.rate),
                       amount=money(Decimal(line.hours) * Decimal(line.rate)), description=line.description)
            for line in job.labour.order_by(JobLabour.id)]


def compute(job: Job, parts: list[PartLine] | None = None,
            labour: list[LabourLine] | None = None) -> Charges:
    parts = part_lines(job) if parts is None else parts
    labour = labour_lines(job) if labour is None else labour
    parts_total = money(sum((p.amount for p in parts), Decimal(0)))
    labour_total = money(sum((x.amount for x in labour), Decimal(0)))
    gross = parts_total + labour_total
    if job.service_kind == "free":
        covered = gross
    elif job.service_kind == "contract" and job.agreement is not None:
        ag = job.agreement
        covered = (parts_total if ag.covers_parts else Decimal(0)) + \
                  (labour_total if ag.covers_labour else Decimal(0))
        rest = gross - covered
        covered += money(rest * Decimal(ag.discount_rate or 0))
    else:
        covered = Decimal(0)
    covered = money(covered)
    return Charges(parts_total=parts_total, labour_total=labour_total, gross_total=money(gross),
                   covered=covered, due=money(gross - covered),
                   paid=money(job.amount_paid) if job.amount_paid is not None else None,
                   payment_method=job.payment_method or "")
