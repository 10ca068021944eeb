"""A job's lines as tables (parts and materials, labour, history) and the
colours of its states, shared by the job dialog, the queue and the register."""
from __future__ import annotations

from decimal import Decimal

from app.ui.base import labels
from app.ui.base.history import HistoryModel
from app.ui.base.table_models import RIGHT, Column, ListTableModel
from app.ui.base.widgets import fmt_date

#: One colour per state, shared by the queue and the register.
STATE_COLOURS = {
    "received": "#546e7a", "diagnosing": "#6a1b9a", "waiting_parts": "#e65100", "repairing": "#1565c0",
    "repaired": "#00838f", "ready": "#2e7d32", "delivered": "#616161", "cancelled": "#757575",
    "returned": "#6d4c41",
}

def fmt_money(value) -> str:
    return f"¥{Decimal(value or 0):,.2f}"


def fmt_qty(value) -> str:
    d = Decimal(value or 0)
    return f"{d:.0f}" if d == d.to_integral_value() else f"{d.normalize():f}"


class PartsModel(ListTableModel):
    """Parts and materials used on the job."""

    def __init__(self, parent=None):
        super().__init__([
            Column(self.tr("Kind"), lambda p: self.tr("Material") if p.kind == "material" else self.tr("Part"),
                   width=70),
            Column(self.tr("Description"), lambda p: p.description, width=260),
            Column(self.tr("Part no."), lambda p: p.part_no, width=110),
            Column(self.tr("Qty"), lambda p: fmt_qty(p.quantity), align=RIGHT, width=60),
            Column(self.tr("Unit price"), lambda p: fmt_money(p.unit_price), align=RIGHT, width=100),
            Column(self.tr("Amount"), lambda p: fmt_money(Decimal(p.quantity) * Decimal(p.unit_price)), align=RIGHT),
        ], parent=parent)


class LabourModel(ListTableModel):
    """Labour hours recorded on the job."""

    def __init__(self, parent=None):
        super().__init__([
            Column(self.tr("Technician"), lambda x: x.technician.display_name if x.technician else "", width=100),
            Column(self.tr("Date"), lambda x: fmt_date(x.work_date), width=90),
            Column(self.tr("Hours"), lambda x: fmt_qty(x.hours), align=RIGHT, width=60),
            Column(self.tr("Rate"), lambda x: fmt_money(x.rate), align=RIGHT, width=90),
            Column(self.tr("Work done"), lambda x: x.description, width=280),
            Column(self.tr("Amount"), lambda x: fmt_money(Decimal(x.hours) * Decimal(x.rate)), align=RIGHT),
        ], parent=parent)


def history_model(parent=None) -> HistoryModel:
    """Every step and change of the job, oldest first (app.ui.base.history)."""
    return HistoryModel(labels.event, labels.job_value, parent)
