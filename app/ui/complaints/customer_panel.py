"""The complaints of one customer (for the customer archive) or about one
job (for the job dialog), overdue first; double-click opens one."""
from __future__ import annotations

from app.domain.complaints import complaints
from app.ui.base import ops
from app.ui.base.table_models import setup_view
from app.ui.complaints.complaint_dialog import open_complaint
from app.ui.complaints.complaints_tab import ComplaintsModel, complaint_columns
from app.ui.qt import QLabel, QTableView, QVBoxLayout, QWidget


class _ComplaintsPanel(QWidget):
    def __init__(self, ctx, read, parent=None):
        super().__init__(parent)
        self.ctx, self._read, self.rows = ctx, read, []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.model = ComplaintsModel(complaint_columns(self), parent=self)
        self.view = QTableView()
        self.view.setObjectName("complaintsPanelView")
        setup_view(self.view, self.model)
        self.view.activated.connect(self._open)
        layout.addWidget(self.view)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        ctx.on_change("complaints", self.reload, self)
        self.reload()

    def title(self) -> str:
        return self.tr("Complaints (%1)").replace("%1", str(len(self.rows)))

    def reload(self) -> None:
        result = ops.run(self, self._read, self.ctx.user)
        self.rows = result.value if result.ok else []
        self.model.set_rows(self.rows)
        late = sum(1 for c in self.rows if complaints.is_overdue(c))
        self.summary.setText(self.tr("%n complaint(s) you may see", "", len(self.rows))
                             + ("  ·  " + self.tr("%n overdue", "", late) if late else ""))

    def _open(self, index) -> None:
        c = self.model.object_at(index.row())
        if c is not None:
            open_complaint(self.ctx, c.id, parent=self)
            self.reload()


class CustomerComplaintsPanel(_ComplaintsPanel):
    """The customer's complaints (those the signed-in user may see)."""

    def __init__(self, ctx, customer_id: int, parent=None):
        self.customer_id = customer_id
        super().__init__(ctx, lambda user: complaints.customer_complaints(user, customer_id), parent)


class JobComplaintsPanel(_ComplaintsPanel):
    """The complaints about a job (those the signed-in user may see)."""

    def __init__(self, ctx, job_id: int, parent=None):
        self.job_id = job_id
        super().__init__(ctx, lambda user: complaints.job_complaints(user, job_id), parent)
