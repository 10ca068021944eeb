"""The small questions the job dialog asks: how the customer was told, and
a service kind other than the rules gave (with the reason)."""
from __future__ import annotations

from app.domain.counter import products
from app.domain.counter.models import Job, JobHistory
from app.ui.base import labels
from app.ui.base.widgets import apply_limit
from app.ui.qt import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit

INFORM_HOW = ("phone", "sms", "wechat", "in_person")


class InformDialog(QDialog):
    """How the customer was told (phone, SMS, WeChat, in person) and a note."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Customer informed"))
        form = QFormLayout(self)
        self.how = QComboBox()
        for code in INFORM_HOW:
            self.how.addItem(labels.inform_how(code), code)
        self.note = QLineEdit()
        apply_limit(self.note, JobHistory.note)
        self.note.setPlaceholderText(self.tr("e.g. will collect on Friday"))
        form.addRow(self.tr("How:"), self.how)
        form.addRow(self.tr("Note:"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    @classmethod
    def ask(cls, parent) -> tuple[str, str] | None:
        dlg = cls(parent)
        return (dlg.how.currentData(), dlg.note.text()) if dlg.exec() == QDialog.Accepted else None


class KindDialog(QDialog):
    """Override the service kind the warranty rules gave, with the reason."""

    def __init__(self, job, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change service kind"))
        form = QFormLayout(self)
        self.kind = QComboBox()
        for code in products.SERVICE_KINDS:
            self.kind.addItem(labels.kind(code), code)
        self.kind.setCurrentIndex(self.kind.findData(job.service_kind))
        self.reason = QLineEdit(job.kind_reason)
        apply_limit(self.reason, Job.kind_reason)
        form.addRow(self.tr("The rules say:"), QLineEdit(labels.kind(job.computed_kind), readOnly=True))
        form.addRow(self.tr("Service kind:"), self.kind)
        form.addRow(self.tr("Reason:"), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    @classmethod
    def ask(cls, parent, job) -> tuple[str, str] | None:
        dlg = cls(job, parent)
        return (dlg.kind.currentData(), dlg.reason.text()) if dlg.exec() == QDialog.Accepted else None
