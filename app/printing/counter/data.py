"""Plain data the printed documents are built from.

The printing layer imports no Qt and no database code: the domain layer
(``app.domain.counter.documents``) builds these objects from a job, and the same
objects serve the GUI, the command line and the tests.

Codes such as ``service_kind`` ("free", "contract", "paid") and ``state``
("received", "diagnosing", ...) are the domain's codes; the printing layer
turns them into labels in the document's language.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from app.printing.core.company import Company


@dataclass
class PartyUnit:
    """The customer and the unit as printed on every document."""
    customer_name: str
    customer_phone: str = ""
    customer_address: str = ""
    customer_code: str = ""
    product_name: str = ""
    product_model: str = ""
    serial: str = ""
    sale_date: date | None = None
    warranty_until: date | None = None


@dataclass
class ReceiptData:
    """用户产品领取收据: the customer's pickup receipt."""
    company: Company
    receipt_number: str          # printed as Code128 + QR; release needs it
    job_number: str
    issued_at: datetime
    party: PartyUnit
    items: list[str]             # items received: 主机, 充电器, ...
    fault: str                   # as the customer describes it
    condition: str               # appearance and condition at intake
    service_kind: str            # "free" | "contract" | "paid"
    promised_date: date | None
    received_by: str
    agreement_number: str = ""   # for contract jobs
    copy_label: str = ""         # e.g. "客户联" / "存根联"; empty = none printed


@dataclass
class CardData:
    """维修卡: the hang tag on one item of a job."""
    company: Company
    card_code: str               # "WX-2026-000123-2": job number + item index
    job_number: str
    item_index: int              # 1-based
    item_count: int
    item_description: str
    party: PartyUnit
    fault: str
    condition: str
    service_kind: str
    received_at: datetime
    promised_date: date | None
    received_by: str


@dataclass
class PartLine:
    description: str
    quantity: Decimal
    unit_price: Decimal
    amount: Decimal
    kind: str = "part"           # "part" | "material"


@dataclass
class LabourLine:
    technician: str
    hours: Decimal
    rate: Decimal
    amount: Decimal
    description: str = ""


@dataclass
class Charges:
    parts_total: Decimal
    labour_total: Decimal
    gross_total: Decimal         # parts + labour: the cost of the work
    covered: Decimal             # borne by warranty / agreement
    due: Decimal                 # what the customer pays
    paid: Decimal | None = None
    payment_method: str = ""     # "cash" | "card" | "transfer" | "wechat" | "alipay" | "account"


@dataclass
class HistoryLine:
    """One earlier (or this) job on the same serial number."""
    job_number: str
    received_at: datetime
    delivered_at: datetime | None
    fault: str
    diagnosis: str
    service_kind: str
    state: str
    total: Decimal               # gross cost of the work
    due: Decimal                 # charged to the customer


@dataclass
class VoucherData:
    """服务凭证: this job's work and charges, and the unit's service history."""
    company: Company
    job_number: str
    party: PartyUnit
    state: str
    service_kind: str
    received_at: datetime
    delivered_at: datetime | None
    fault: str
    diagnosis: str
    items: list[str]
    parts: list[PartLine]
    labour: list[LabourLine]
    charges: Charges
    collected_by: str = ""
    technicians: list[str] = field(default_factory=list)
    agreement_number: str = ""
    history: list[HistoryLine] = field(default_factory=list)
    printed_at: datetime | None = None
