"""Complaints' screens (用户投诉, issue 13): the complaints tab (the shell
places it); the customer's complaints on the customer archive, the
complaints about a job on its dialog, and a complaint made from a line of
the contact register (app.ui.base.slots)."""
from __future__ import annotations


def install() -> None:
    """Fill the slots other books offer."""
    from app.ui.base import slots

    def panel(ctx, customer_id: int, parent=None):
        from app.ui.complaints.customer_panel import CustomerComplaintsPanel

        return CustomerComplaintsPanel(ctx, customer_id, parent)

    def job_panel(ctx, job_id: int, parent=None):
        from app.ui.complaints.customer_panel import JobComplaintsPanel

        return JobComplaintsPanel(ctx, job_id, parent)

    def from_contact(ctx, line_id: int, parent=None):
        from app.domain.complaints import complaints
        from app.ui.base import ops
        from app.ui.complaints.complaint_dialog import open_complaint

        result = ops.run(parent, complaints.from_contact_line, line_id)
        return open_complaint(ctx, None, result.value, parent) if result.ok else None

    slots.add_archive_panel("complaints", 40, panel)
    slots.add_job_panel("complaints", 10, job_panel)
    slots.provide_action("complaint_from_contact", from_contact)
