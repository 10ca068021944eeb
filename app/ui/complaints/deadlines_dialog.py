"""The complaints' deadlines by severity (shared settings, the right
``settings.company``): hours to the first contact with the customer,
working days to the reply and to the close. A new complaint takes them
when it is received; a manager may still move one complaint's deadlines."""
from __future__ import annotations

from app.domain.complaints import complaints, deadlines
from app.ui.base import ops
from app.ui.base.widgets import make_error_label
from app.ui.complaints.complaint_dialog import label
from app.ui.qt import QDialog, QDialogButtonBox, QGridLayout, QLabel, QSpinBox, QVBoxLayout


class DeadlinesDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Complaint deadlines"))
        column = QVBoxLayout(self)
        intro = QLabel(self.tr("By severity: hours to the first contact with the customer, working days "
                               "(Monday to Friday) to the reply and to the close, counted from when the "
                               "complaint is received."))
        intro.setWordWrap(True)
        column.addWidget(intro)
        grid = QGridLayout()
        for col, text in enumerate((self.tr("First contact (hours)"), self.tr("Reply (working days)"),
                                    self.tr("Close (working days)")), start=1):
            grid.addWidget(QLabel(text), 0, col)
        self.spins: dict[str, list[QSpinBox]] = {}
        for row, severity in enumerate(deadlines.SEVERITIES, start=1):
            grid.addWidget(QLabel(label(complaints.SEVERITY_NAMES, severity)), row, 0)
            self.spins[severity] = []
            for col, (part, value) in enumerate(zip(deadlines.PARTS, deadlines.get(severity)), start=1):
                spin = QSpinBox()
                spin.setObjectName(f"{severity}_{part}")
                spin.setRange(*deadlines.LIMITS[part])
                spin.setValue(value)
                self.spins[severity].append(spin)
                grid.addWidget(spin, row, col)
        column.addLayout(grid)
        self.error = make_error_label(self)
        column.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)

    def values(self) -> dict:
        return {s: tuple(spin.value() for spin in spins) for s, spins in self.spins.items()}

    def save(self) -> bool:
        result = ops.run(self, deadlines.set_all, self.values(), self.ctx.user)
        if not result.ok:
            self.error.setText("\n".join(f"{label(complaints.SEVERITY_NAMES, k.split('.')[0])}: {v}"
                                         for k, v in result.field_errors.items()))
            self.error.show()
            return False
        self.accept()
        return True
