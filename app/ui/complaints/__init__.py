"""Complaints' screens (用户投诉, issue 13): the complaints tab (the shell
places it), the customer's complaints on the customer archive."""
from __future__ import annotations


def install() -> None:
    """Add the customer's complaints to the customer archive (app.ui.base.slots)."""
    from app.ui.base import slots

    def panel(ctx, customer_id: int, parent=None):
        from app.ui.complaints.customer_panel import CustomerComplaintsPanel

        return CustomerComplaintsPanel(ctx, customer_id, parent)

    slots.add_archive_panel("complaints", 40, panel)
