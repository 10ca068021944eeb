"""Products, units (by serial number) and maintenance agreements, and the
rule that decides a job's service kind (brief §4.1)."""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from app.domain.core import numbering
from app.domain.core.db import write_transaction
from app.domain.core.errors import ValidationError, tx
from app.domain.core.models import User
from app.domain.core.permissions import require
from app.domain.core import limits
from app.domain.core.text import clean, code, keep
from app.domain.counter.models import Agreement, AgreementUnit, Product, Unit
from app.domain.customers.models import Customer

SERVICE_KINDS = ("free", "contract", "paid")


def add_months(d: dt.date, months: int) -> dt.date:
    m = d.month - 1 + months
    y, m = d.year + m // 12, m % 12 + 1
    return dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def warranty_end(sale_date: dt.date | None, warranty_months: int) -> dt.date | None:
    """The warranty rule: the last day of a warranty of ``warranty_months``
    from ``sale_date``; None when the sale date is unknown."""
    if sale_date is None:
        return None
    return add_months(sale_date, warranty_months) - dt.timedelta(days=1)


def warranty_until(unit: Unit) -> dt.date | None:
    """Last day of the unit's warranty, or None when the sale date is unknown."""
    return warranty_end(unit.sale_date, unit.product.warranty_months)


@dataclass
class KindDecision:
    """What the rules say about a unit on a day, and why."""
    kind: str                       # free | contract | paid
    reason: str                     # in_warranty | agreement | expired | no_sale_date
    agreement: Agreement | None
    warranty_until: dt.date | None


_OWNER = object()


def active_agreement(unit: Unit, on: dt.date, owner_id=_OWNER) -> Agreement | None:
    """The agreement covering ``unit`` on ``on``: one its owner signed (a
    unit that changed hands leaves the old owner's agreement behind).
    ``owner_id`` asks as if the unit were that customer's (the counter
    recording a change of owner); a unit with no owner takes any."""
    owner_id = unit.owner_id if owner_id is _OWNER else owner_id
    query = (Agreement.select()
             .join(AgreementUnit)
             .where((AgreementUnit.unit == unit) & (Agreement.active == True)  # noqa: E712
                    & (Agreement.start_date <= on) & (Agreement.end_date >= on)))
    if owner_id is not None:
        query = query.where(Agreement.customer == owner_id)
    return query.order_by(Agreement.end_date.desc()).first()


def decide_kind(unit: Unit, on: dt.date | None = None, owner_id=_OWNER) -> KindDecision:
    """Free within warranty; else contract when an agreement of the unit's
    owner (or of ``owner_id``) covers the unit on that day; else paid.
    Warranty wins over an agreement: the maker's warranty costs the customer
    nothing and keeps the agreement's allowance."""
    on = on or dt.date.today()
    until = warranty_until(unit)
    if until is not None and on <= until:
        return KindDecision("free", "in_warranty", None, until)
    agreement = active_agreement(unit, on, owner_id)
    if agreement is not None:
        return KindDecision("contract", "agreement", agreement, until)
    return KindDecision("paid", "expired" if until else "no_sale_date", None, until)


def decide_new_unit(sale_date: dt.date | None, warranty_months: int, on: dt.date | None = None) -> KindDecision:
    """What :func:`decide_kind` will say of a serial not yet registered,
    from the sale date and warranty the counter typed (no agreement can
    cover a unit that does not exist yet)."""
    on = on or dt.date.today()
    until = warranty_end(sale_date, warranty_months)
    if until is not None and on <= until:
        return KindDecision("free", "in_warranty", None, until)
    return KindDecision("paid", "expired" if until else "no_sale_date", None, until)


def find_unit(serial: str) -> Unit | None:
    serial = code(serial)
    if not serial or limits.problem(Unit.serial, serial):
        return None
    return Unit.get_or_none(Unit.serial == serial)


def get_or_create_product(model: str, name: str = "", warranty_months: int = 12, brand: str = "") -> Product:
    model, name, brand = clean(model), clean(name), clean(brand)
    limits.require(Product, dict(model=model, name=name, brand=brand, warranty_months=warranty_months),
                   names={"model": "product", "name": "product_name"})
    if not model:
        raise ValidationError({"product": tx("Product model is required.")})
    product = Product.get_or_none(Product.model == model)
    if product is None:
        product = Product.create(model=model, name=name or model[:Product.name.max_length], brand=brand,
                                 warranty_months=warranty_months)
    return product


def register_unit(serial: str, product: Product, owner: Customer | None,
                  sale_date: dt.date | None = None) -> Unit:
    """Record a unit met for the first time at the counter."""
    serial = code(serial)
    errors = limits.check(Unit, dict(serial=serial, sale_date=sale_date))
    if errors:
        raise ValidationError(errors)
    if not serial:
        errors["serial"] = tx("Serial number is required.")
    elif Unit.select().where(Unit.serial == serial).exists():
        errors["serial"] = tx("This serial number is already registered.")
    if sale_date and sale_date > dt.date.today():
        errors["sale_date"] = tx("The sale date cannot be in the future.")
    if errors:
        raise ValidationError(errors)
    return new_unit(serial, product, owner, sale_date)


def new_unit(serial: str, product: Product, owner: Customer | None, sale_date: dt.date | None = None) -> Unit:
    """Insert the unit of a serial checked by the caller (the intake). Two
    stations registering the same serial at once: the second insert fails on
    the unique serial (IntegrityError) and the intake runs again, finding it."""
    return Unit.create(serial=code(serial), product=product, owner=owner, sale_date=sale_date)


def require_agreement_right(user: User | None) -> None:
    """Signing a maintenance agreement is a commercial decision: the
    manager's and the administrator's."""
    require(user, "agreement.manage")


def create_agreement(customer: Customer, units: list[Unit], start: dt.date, end: dt.date,
                     terms: str = "", covers_parts: bool = True, covers_labour: bool = True, *,
                     user: User | None) -> Agreement:
    """Record a maintenance agreement (维修协议) covering ``units``."""
    require_agreement_right(user)
    terms = keep(terms)
    errors = limits.check(Agreement, dict(start_date=start, end_date=end, terms=terms, covers_parts=covers_parts,
                                          covers_labour=covers_labour))
    if errors:
        raise ValidationError(errors)
    if end < start:
        errors["end_date"] = tx("The agreement ends before it starts.")
    if not units:
        errors["units"] = tx("An agreement covers at least one unit.")
    if errors:
        raise ValidationError(errors)
    with write_transaction():
        ag = Agreement.create(number=numbering.next_number("XY", start), customer=customer,
                              start_date=start, end_date=end, terms=terms,
                              covers_parts=covers_parts, covers_labour=covers_labour)
        for u in units:
            AgreementUnit.create(agreement=ag, unit=u)
    return ag
