"""The counter's screens: after-sales intake, the repair-card queue and the
job dialog, release, the in/out register; the customer's units, jobs and
agreements on the customer archive."""
from __future__ import annotations


def install() -> None:
    """Add the counter's panel to the customer archive (app.ui.base.slots)."""
    from app.ui.base import slots

    def panel(ctx, customer_id: int, parent=None):
        from app.ui.counter.customer_panel import CustomerCounterPanel

        return CustomerCounterPanel(ctx, customer_id, parent)

    slots.add_archive_panel("counter", 10, panel)
