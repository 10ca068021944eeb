"""Build the printed documents' data (``app.printing.counter.data``) from a job."""
from __future__ import annotations

from app.domain.core import settings
from app.domain.core.errors import NotFound, tx
from app.domain.core.models import now
from app.domain.counter.charges import compute, labour_lines, part_lines
from app.domain.counter.models import Job, JobItem, Receipt
from app.domain.counter.products import warranty_until
from app.domain.counter.release import find_by_code, valid_receipt
from app.printing.counter.data import CardData, HistoryLine, PartyUnit, ReceiptData, VoucherData


def party(job: Job) -> PartyUnit:
    c, u = job.customer, job.unit
    return PartyUnit(customer_name=c.name, customer_phone=c.phone, customer_address=c.address,
                     customer_code=c.code, product_name=u.product.name, product_model=u.product.model,
                     serial=u.serial, sale_date=u.sale_date, warranty_until=warranty_until(u))


def _items(job: Job) -> list[str]:
    return [i.description for i in job.items.order_by(JobItem.seq)]


def _user_name(user) -> str:
    return user.display_name if user is not None else ""


def receipt_data(job: Job, receipt: Receipt | None = None, copy_label: str = "") -> ReceiptData:
    receipt = receipt or valid_receipt(job) or job.receipts.order_by(Receipt.id.desc()).first()
    if receipt is None:
        raise NotFound(tx("Job {number} has no pickup receipt.", number=job.number))
    return ReceiptData(company=settings.company(), receipt_number=receipt.number, job_number=job.number,
                       issued_at=receipt.issued_at, party=party(job), items=_items(job), fault=job.fault,
                       condition=job.condition, service_kind=job.service_kind,
                       promised_date=job.promised_date, received_by=_user_name(job.received_by),
                       agreement_number=job.agreement.number if job.agreement else "",
                       copy_label=copy_label)


def card_data(job: Job) -> list[CardData]:
    items = list(job.items.order_by(JobItem.seq))
    company, p = settings.company(), party(job)
    return [CardData(company=company, card_code=f"{job.number}-{i.seq}", job_number=job.number,
                     item_index=i.seq, item_count=len(items), item_description=i.description, party=p,
                     fault=job.fault, condition=job.condition, service_kind=job.service_kind,
                     received_at=job.received_at, promised_date=job.promised_date,
                     received_by=_user_name(job.received_by))
            for i in items]


def history_lines(job: Job) -> list[HistoryLine]:
    lines = []
    for other in job.unit.jobs.order_by(Job.received_at.desc(), Job.id.desc()):
        ch = compute(other)
        lines.append(HistoryLine(job_number=other.number, received_at=other.received_at,
                                 delivered_at=other.delivered_at, fault=other.fault,
                                 diagnosis=other.diagnosis, service_kind=other.service_kind,
                                 state=other.state, total=ch.gross_total, due=ch.due))
    return lines


def voucher_data(job: Job) -> VoucherData:
    parts, labour = part_lines(job), labour_lines(job)
    techs = sorted({x.technician for x in labour if x.technician} |
                   ({job.technician.display_name} if job.technician else set()))
    return VoucherData(company=settings.company(), job_number=job.number, party=party(job), state=job.state,
                       service_kind=job.service_kind, received_at=job.received_at,
                       delivered_at=job.delivered_at, fault=job.fault, diagnosis=job.diagnosis,
                       items=_items(job), parts=parts, labour=labour, charges=compute(job, parts, labour),
                       collected_by=job.collected_by, technicians=techs,
                       agreement_number=job.agreement.number if job.agreement else "",
                       history=history_lines(job), printed_at=now())


def job_for_document(number: str) -> Job:
    """The job a document number names: job number, card code or receipt number."""
    job, _receipt = find_by_code(number)
    if job is None:
        raise NotFound(tx("No job found for '{number}'.", number=number))
    return job
