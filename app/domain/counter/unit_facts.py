"""What the counter learns from a serial number, read only: the unit, the
service kind the rules give today, its earlier jobs and a job still open;
and the products a new serial can be."""
from __future__ import annotations

from dataclasses import dataclass, field

from app.domain.counter import products, workshop
from app.domain.counter.jobs import CLOSED_STATES
from app.domain.counter.models import Product


@dataclass
class UnitFacts:
    """What the counter learns from a serial number (read only)."""
    serial: str
    unit: object = None                      # Unit or None for a new serial
    decision: products.KindDecision | None = None
    history: list = field(default_factory=list)
    open_job: object = None


def unit_facts(serial: str) -> UnitFacts:
    """The facts of ``serial`` (a new serial: only the serial)."""
    unit = products.find_unit(serial)
    if unit is None:
        return UnitFacts(serial)
    history = workshop.service_history(unit, light=True)
    open_job = next((j for j in history if j.state not in CLOSED_STATES), None)
    return UnitFacts(serial, unit, products.decide_kind(unit), history, open_job)


def known_products() -> list[Product]:
    """Every product, by model: what a new serial can be."""
    return list(Product.select().order_by(Product.model))
