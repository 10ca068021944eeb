"""The company as every printed document heads it (from the shared settings,
app.domain.core.settings.company)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Company:
    name: str
    phone: str = ""
    address: str = ""
    # Pickup terms printed on the receipt, one paragraph per entry.
    pickup_terms: list[str] = field(default_factory=list)
