"""The contact register's screens (客服登记本, issue 13): the register's
tab (the shell places it) and the customer's calls and letters on the
customer archive."""
from __future__ import annotations


def install() -> None:
    """Add the customer's contact lines to the customer archive (app.ui.base.slots)."""
    from app.ui.base import slots

    def panel(ctx, customer_id: int, parent=None):
        from app.ui.contacts.customer_panel import CustomerContactsPanel

        return CustomerContactsPanel(ctx, customer_id, parent)

    slots.add_archive_panel("contacts", 30, panel)
