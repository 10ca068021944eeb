"""The customers book's screens: the overview table (用户情况一览表), each
customer's archive (用户档案) with access, history and selection, import
and export."""
from __future__ import annotations


def install() -> None:
    """Offer the other books the new-customer dialog (app.ui.base.slots)."""
    from app.ui.base import slots
    from app.ui.customers.customer_dialog import ask_new_customer

    slots.provide_new_customer(ask_new_customer)
