"""Field service's screens: the visit planning tab (visits and plans,
service activities, gifts and samples, satisfaction surveys) and the
customer's visits and service on the customer archive."""
from __future__ import annotations


def install() -> None:
    """Add field service's panel to the customer archive (app.ui.base.slots)."""
    from app.ui.base import slots

    def panel(ctx, customer_id: int, parent=None):
        from app.ui.field.service_panel import CustomerServicePanel

        return CustomerServicePanel(ctx, customer_id, parent)

    slots.add_archive_panel("field", 20, panel)
