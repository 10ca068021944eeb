"""Plain data for the archive's printed documents: the archive card (用户档案,
附表1) and the overview table (用户情况一览表, 附表2).

Built by the domain (:func:`app.domain.customers.import_export.card_data`,
:func:`app.domain.customers.import_export.overview_print_data`), which checks access and
logs the print; rendered by :mod:`app.printing.customers.archive_card` and
:mod:`app.printing.customers.overview_print`. Codes (category, status, address kind)
stay codes here; the documents print them as labels in their language.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from app.printing.core.company import Company


@dataclass
class ContactLine:
    name: str
    title: str = ""
    phone: str = ""
    mobile: str = ""
    email: str = ""
    wechat: str = ""
    is_primary: bool = False
    notes: str = ""


@dataclass
class AddressLine:
    kind: str            # office | shipping | billing | warehouse | other
    address: str
    postcode: str = ""
    is_primary: bool = False


@dataclass
class ChangeLine:
    at: datetime
    user: str
    field: str           # a field code, "contact:12.mobile", "address:+" ...
    old_value: str
    new_value: str


@dataclass
class ArchiveCardData:
    """Every field of one customer's archive."""
    company: Company
    code: str
    name: str
    short_name: str = ""
    category: str = ""
    status: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    region: str = ""
    business_content: str = ""
    legal_representative: str = ""
    registered_capital: Decimal | None = None
    employees: int | None = None
    tax_id: str = ""
    bank_name: str = ""
    bank_account: str = ""
    credit_rating: str = ""
    credit_limit: Decimal | None = None
    cooperation_since: date | None = None
    annual_volume: Decimal | None = None
    tier: str = ""
    responsible: str = ""
    notes: str = ""
    created_at: datetime | None = None
    updated_at: datetime | None = None
    contacts: list[ContactLine] = field(default_factory=list)
    addresses: list[AddressLine] = field(default_factory=list)
    changes: list[ChangeLine] = field(default_factory=list)   # the latest few, newest first
    printed_at: datetime | None = None
    printed_by: str = ""


@dataclass
class OverviewLine:
    code: str
    name: str
    short_name: str = ""
    category: str = ""
    region: str = ""
    phone: str = ""
    credit_rating: str = ""
    credit_limit: Decimal | None = None
    status: str = ""
    responsible: str = ""
    cooperation_since: date | None = None


@dataclass
class OverviewPrintData:
    """The overview table as filtered; ``filters`` are (caption code, value
    already in words) pairs, e.g. ("region", "北京市海淀区"), ("text", "bjhd")."""
    company: Company
    rows: list[OverviewLine] = field(default_factory=list)
    filters: list[tuple[str, str]] = field(default_factory=list)
    sort: str = "code"
    total: int = 0              # rows matching; more than len(rows) when cut at the print limit
    printed_at: datetime | None = None
    printed_by: str = ""
