"""The customer's calls, letters and messages (客服登记本), for the
customer archive: newest first, corrected lines struck through, open
follow-ups in red when overdue. Double-click (or Enter) on a line about a
job opens the job. Re-reads itself when the register changed."""
from __future__ import annotations

from app.domain.contacts import register
from app.ui.base.table_models import CENTER, Column, ListTableModel, setup_view
from app.ui.base.widgets import fmt_date, fmt_datetime
from app.ui.contacts.contacts_tab import (KIND_COLOURS, OVERDUE, SUPERSEDED, VOID, channel_label, direction_label,
                                          kind_label, lines_by_id)
from app.ui.qt import QLabel, QTableView, QVBoxLayout, QWidget

#: The lines an archive page shows (the register tab finds the rest).
LIMIT = 200


class _LinesModel(ListTableModel):
    def row_style(self, row):
        if row.superseded:
            return SUPERSEDED
        return VOID if row.voided else None


class CustomerContactsPanel(QWidget):
    """One customer's lines of the contact register."""

    def __init__(self, ctx, customer_id: int, parent=None):
        super().__init__(parent)
        self.ctx, self.customer_id, self.lines = ctx, customer_id, []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.model = _LinesModel([
            Column(self.tr("No."), lambda r: r.number, width=118),
            Column(self.tr("Time"), lambda r: fmt_datetime(r.at), align=CENTER, width=112),
            Column(self.tr("In/Out"), lambda r: direction_label(r.direction), align=CENTER, width=66),
            Column(self.tr("Channel"), lambda r: channel_label(r.channel), align=CENTER, width=72),
            Column(self.tr("Kind"), lambda r: kind_label(r.kind), width=74,
                   foreground=lambda r: None if r.superseded else KIND_COLOURS.get(r.kind)),
            Column(self.tr("Matter"), lambda r: r.matter, width=220, tooltip=lambda r: r.matter),
            Column(self.tr("Answer"), lambda r: r.answer, width=200, tooltip=lambda r: r.answer or None),
            Column(self.tr("Taken by"), lambda r: r.taker, width=58),
            Column(self.tr("Follow-up"), lambda r: f"{fmt_date(r.follow_up_due)} {r.follow_up_name}".strip()
                   if r.follow_up_due else "",
                   foreground=lambda r: OVERDUE if r.follow_up_open and register.is_overdue(r) else None),
        ], parent=self)
        self.view = QTableView()
        self.view.setObjectName("customerContactsView")
        setup_view(self.view, self.model)
        self.view.activated.connect(self._open)
        layout.addWidget(self.view)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        ctx.on_change("contacts", self.reload, self)
        self.reload()

    def title(self) -> str:
        return self.tr("Calls and letters (%1)").replace("%1", str(len(self.lines)))

    def reload(self) -> None:
        ids = [r.id for r in register.query(customer_id=self.customer_id).limit(LIMIT)]
        rows = lines_by_id(ids)
        self.lines = [rows[i] for i in ids]
        self.model.set_rows(self.lines)
        self.summary.setText(self.tr("%n line(s) in the contact register.", "", len(self.lines)))

    def _open(self, index) -> None:
        line = self.lines[index.row()] if 0 <= index.row() < len(self.lines) else None
        if line is not None and line.job_id is not None:
            self.ctx.open_job.emit(line.job_id)
