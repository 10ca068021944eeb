"""Handing a unit back (F9): scan the pickup receipt, check the job and the
charges, record who collects it and the payment, release, print the
service voucher.

Nothing is written until Release: a job that is not ready is only shown
with the reason. A lost receipt switches the dialog to release against the
collector's identity document with a manager's approval. When another
station changed the job meanwhile, the service refuses (ConcurrentChange);
the dialog says so and reloads the job, keeping what the clerk typed.

The whole release works from the keyboard: scan or type the receipt, Enter
looks it up and puts the cursor in 取件人 (collected by); Enter there moves
on to the payment (method, then amount) when something is due, and from the
last field to the release button, which Enter then presses. Ctrl+Enter
presses release from any field (the release button is the dialog's default
button; its shortcut does not depend on a label's Alt letter). Enter never
releases from a text box by itself: a scanner's Enter in the receipt box
only looks the receipt up.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from app.domain.core import users
from app.domain.core.errors import ConcurrentChange
from app.domain.counter import release, workshop
from app.domain.counter.charges import PAYMENT_METHODS, compute
from app.domain.counter.jobs import get_job
from app.domain.counter.models import Job, JobItem, Receipt
from app.ui.base import labels, ops
from app.ui.base.context import Changed
from app.ui.base.widgets import FieldErrors, apply_limit, fmt_date
from app.ui.counter import printing
from app.ui.generated.ui_release import Ui_ReleaseDialog
from app.ui.qt import (QApplication, QDialog, QEvent, QHeaderView, QKeySequence, QLabel, QShortcut,
                       QTableWidgetItem, Qt, QWidget)

ENTER_KEYS = (Qt.Key_Return, Qt.Key_Enter)


@dataclass
class ReleaseFacts:
    """What the counter sees of a job before handing it back (read only)."""
    job: object
    charges: object
    items: list[str] = field(default_factory=list)
    history: list = field(default_factory=list)


def release_facts(job_id: int) -> ReleaseFacts:
    job = get_job(job_id)
    return ReleaseFacts(job, compute(job), [i.description for i in job.items.order_by(JobItem.seq)],
                        workshop.service_history(job.unit))


def money(value: Decimal | None) -> str:
    return f"¥{value:,.2f}" if value is not None else ""


class ReleaseDialog(QDialog):
    """Release a job: ``ReleaseDialog(ctx, job_id=None, receipt_number="", parent)``.

    After ``exec()`` :attr:`released` holds the released job (or None).
    """

    def __init__(self, ctx, job_id: int | None = None, receipt_number: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.ui = ui = Ui_ReleaseDialog()
        ui.setupUi(self)
        self.facts: ReleaseFacts | None = None
        self.version: int | None = None
        self.released = None
        # (the code box takes any scanned code: a receipt's, a job's or a repair card's)
        self.errors = FieldErrors(fallback=ui.err_other, limits={
            "collected_by": Job.collected_by, "amount_paid": Job.amount_paid, "collector_id": Job.collector_id})
        apply_limit(ui.lostReason, Receipt.void_reason)
        # Cash may be more than what is due: the change to give back shows beside the amount.
        self.changeLabel = QLabel(ui.paymentRow)
        self.changeLabel.setObjectName("changeLabel")
        ui.paymentLayout.addWidget(self.changeLabel)
        ui.amountPaid.textChanged.connect(self._show_change)
        ui.paymentMethod.currentIndexChanged.connect(self._show_change)
        for name, widget in (("receipt", ui.codeEdit), ("collected_by", ui.collectedBy),
                             ("payment_method", ui.paymentMethod), ("amount_paid", ui.amountPaid),
                             ("collector_id", ui.collectorId), ("approver", ui.approverCombo),
                             ("approver_password", ui.approverPassword)):
            self.errors.add(name, widget, getattr(ui, f"err_{name}"))
        for code in PAYMENT_METHODS:
            ui.paymentMethod.addItem(labels.payment(code), code)
        ui.paymentMethod.setCurrentIndex(-1)
        header = ui.historyTable.horizontalHeader()
        header.setSectionResizeMode(3, QHeaderView.Stretch)
        ui.historyTable.verticalHeader().hide()
        ui.lostBox.hide()
        ui.stateMessage.hide()
        ui.codeEdit.returnPressed.connect(self.find)
        ui.findButton.clicked.connect(self.find)
        ui.lostButton.toggled.connect(self._lost_toggled)
        ui.releaseButton.clicked.connect(self.do_release)
        ui.closeButton.clicked.connect(self.reject)
        self._keyboard()
        self._show(None)
        if job_id is not None:
            self.load(job_id)
        if receipt_number:
            ui.codeEdit.setText(receipt_number)
            self.find()
        (ui.collectedBy if self.facts is not None and receipt_number else ui.codeEdit).setFocus()
        self.resize(960, 620)

    def _keyboard(self) -> None:
        """Enter moves on through the fields; Ctrl+Enter releases (see the module's doc)."""
        ui = self.ui
        ui.releaseButton.setDefault(True)
        ui.releaseButton.setToolTip(self.tr("Hand the unit back and print the service voucher (Ctrl+Enter)"))
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self._release_key)
        ui.collectedBy.returnPressed.connect(self._collected_entered)
        ui.amountPaid.returnPressed.connect(ui.releaseButton.setFocus)
        ui.collectorId.returnPressed.connect(ui.approverCombo.setFocus)
        ui.approverPassword.returnPressed.connect(ui.lostReason.setFocus)
        ui.lostReason.returnPressed.connect(ui.releaseButton.setFocus)
        for combo in (ui.paymentMethod, ui.approverCombo):
            combo.installEventFilter(self)

    def _collected_entered(self) -> None:
        ui = self.ui
        if ui.lostButton.isChecked():
            ui.collectorId.setFocus()
        elif ui.paymentRow.isVisible():
            ui.paymentMethod.setFocus()
        else:
            ui.releaseButton.setFocus()

    def _release_key(self) -> None:
        if self.ui.releaseButton.isEnabled():
            self.ui.releaseButton.click()
        else:
            QApplication.beep()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        """Enter in a (closed) choice list moves on to the next field."""
        if event.type() == QEvent.KeyPress and event.key() in ENTER_KEYS and not event.modifiers() & (
                Qt.ControlModifier | Qt.AltModifier):
            ui = self.ui
            if obj is ui.paymentMethod:
                ui.amountPaid.setFocus()
                ui.amountPaid.selectAll()
                return True
            if obj is ui.approverCombo:
                ui.approverPassword.setFocus()
                return True
        return super().eventFilter(obj, event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        """A plain Enter that a field let through (after moving on itself)
        does not press the default button; a focused button takes its own
        Enter before it gets here."""
        if event.key() in ENTER_KEYS and not event.modifiers() & Qt.ControlModifier:
            return
        super().keyPressEvent(event)

    # -- finding the job ----------------------------------------------------
    def find(self) -> None:
        code = self.ui.codeEdit.text().strip().upper()
        if not code:
            return
        result = ops.run(self, release.find_by_code, code)
        if not result.ok:
            return
        job, receipt = result.value
        if job is None:
            self.errors.show({"receipt": self.tr("No job or pickup receipt has the number {0}.").format(code)})
            return
        if receipt is None:                       # a job number or repair card: now the receipt
            self.load(job.id)
            self.ui.codeEdit.clear()
            self.ui.codeEdit.setPlaceholderText(self.tr("Scan or type the pickup receipt of {0}").format(job.number))
            return
        if self.facts is not None and self.facts.job.id != job.id and self.ui.releaseButton.isEnabled():
            self.errors.show({"receipt": self.tr("Receipt {0} belongs to job {1}, not to {2}.")
                              .format(receipt.number, job.number, self.facts.job.number)})
            return
        self.load(job.id)
        self.ui.codeEdit.setText(receipt.number)
        if receipt.status == "void":
            self.errors.show({"receipt": self.tr("Receipt {0} was voided ({1}); it cannot be used.")
                              .format(receipt.number, receipt.void_reason)})
        elif receipt.status == "used":
            self.errors.show({"receipt": self.tr("Receipt {0} has already been used.").format(receipt.number)})
        elif self.ui.releaseButton.isEnabled():
            self.ui.collectedBy.setFocus()
            self.ui.collectedBy.selectAll()

    def load(self, job_id: int) -> None:
        result = ops.run(self, release_facts, job_id)
        if result.ok:
            self._show(result.value)

    def _show(self, facts: ReleaseFacts | None) -> None:
        ui = self.ui
        same_job = facts is not None and self.facts is not None and facts.job.id == self.facts.job.id
        self.facts = facts
        self.errors.clear()
        for w in (ui.jobBox, ui.chargesBox, ui.historyLabel, ui.historyTable, ui.releaseBox):
            w.setVisible(facts is not None)
        ui.lostButton.setEnabled(facts is not None)
        if facts is None:
            ui.releaseButton.setEnabled(False)
            return
        job, ch = facts.job, facts.charges
        self.version = job.version
        self.setWindowTitle(self.tr("Release {0}").format(job.number))
        unit = job.unit
        rows = [(self.tr("Job"), f"<b>{job.number}</b> &nbsp; {labels.state(job.state)}"),
                (self.tr("Customer"), f"{job.customer.name} &nbsp; {job.customer.phone}"),
                (self.tr("Unit"), f"{unit.product.name} {unit.product.model} &nbsp; " + self.tr("S/N {0}").format(unit.serial)),
                (self.tr("Items"), "、".join(facts.items)),
                (self.tr("Fault"), job.fault),
                (self.tr("Diagnosis"), job.diagnosis or "—"),
                (self.tr("Service kind"), labels.kind(job.service_kind)),
                (self.tr("Outcome"), {"repaired": self.tr("Repaired"), "unrepaired": self.tr("Not repaired")}
                 .get(job.outcome, "—")),
                (self.tr("Received"), fmt_date(job.received_at))]
        ui.jobInfo.setText("<table>" + "".join(
            f"<tr><td style='padding-right:12px;color:#555'>{k}</td><td>{v}</td></tr>" for k, v in rows) + "</table>")
        ui.partsValue.setText(money(ch.parts_total))
        ui.labourValue.setText(money(ch.labour_total))
        ui.coveredValue.setText(money(ch.covered))
        ui.dueValue.setText(f"<b style='font-size:14pt'>{money(ch.due)}</b>")
        table = ui.historyTable
        table.setRowCount(0)
        for row, other in enumerate(facts.history):
            table.insertRow(row)
            for col, text in enumerate((other.number, fmt_date(other.received_at), fmt_date(other.delivered_at),
                                        other.fault, labels.state(other.state))):
                table.setItem(row, col, QTableWidgetItem(text))
        table.resizeColumnsToContents()
        header = table.horizontalHeader()
        header.setSectionResizeMode(3, QHeaderView.Stretch)
        if not same_job or not ui.collectedBy.text().strip():
            ui.collectedBy.setText(job.customer.name)
        has_due = ch.due > 0
        ui.paymentLabel.setVisible(has_due)
        ui.paymentRow.setVisible(has_due)
        if not same_job or not ui.amountPaid.text().strip():
            ui.amountPaid.setText(f"{ch.due:.2f}" if has_due else "")
        ready = job.state == "ready"
        ui.releaseButton.setEnabled(ready)
        ui.lostButton.setEnabled(ready)
        ui.releaseBox.setEnabled(ready)
        ui.stateMessage.setVisible(not ready)
        if not ready:
            if job.state in ("delivered", "returned"):
                text = self.tr("Job {0} was already handed back on {1} to {2}.").format(
                    job.number, fmt_date(job.delivered_at), job.collected_by)
            else:
                text = self.tr("Job {0} is \u201c{1}\u201d, not ready for pickup: it cannot be handed back yet.") \
                    .format(job.number, labels.state(job.state))
            ui.stateMessage.setText(text)

    def _lost_toggled(self, on: bool) -> None:
        ui = self.ui
        ui.lostBox.setVisible(on)
        ui.codeEdit.setEnabled(not on)
        self.errors.clear()
        if on and ui.approverCombo.count() == 0:
            ui.approverCombo.addItem(self.tr("— choose the approving manager —"), None)
            result = ops.run(self, lambda: users.active_users("manager") + users.active_users("admin"))
            for user in result.value or []:
                ui.approverCombo.addItem(f"{user.display_name} ({labels.role(user.role)})", user.id)
        if on:
            ui.collectorId.setFocus()

    def _show_change(self, *_args) -> None:
        """The change to give back when the cash received is more than what is due."""
        text = ""
        if self.facts is not None and self.ui.paymentMethod.currentData() == "cash":
            try:
                received = Decimal(self.ui.amountPaid.text().strip().replace(",", "").lstrip("¥￥") or "0")
            except ArithmeticError:
                received = Decimal(0)
            if received > self.facts.charges.due:
                text = self.tr("Change: ¥{0}").format(f"{received - self.facts.charges.due:,.2f}")
        self.changeLabel.setText(text)

    # -- release -------------------------------------------------------------
    def payment(self) -> release.Payment:
        if not self.ui.paymentRow.isVisible() and self.facts is not None and self.facts.charges.due == 0:
            return release.Payment()
        return release.Payment(amount=self.ui.amountPaid.text().strip() or None,
                               method=self.ui.paymentMethod.currentData() or "")

    def do_release(self) -> None:
        if self.facts is None:
            return
        ui, job = self.ui, self.facts.job
        if ui.lostButton.isChecked():
            approver_id = ui.approverCombo.currentData()
            if approver_id is None:
                self.errors.show({"approver": self.tr("A manager must approve a release without the receipt.")})
                return
            result = ops.run(self, release.release_without_receipt, job.id, ui.collectedBy.text(),
                             ui.collectorId.text(), users.get_user(approver_id), self.ctx.user, self.version,
                             ui.lostReason.text(), self.payment(), approver_password=ui.approverPassword.text(),
                             changed=Changed("counter", (job.id,)))
            ui.approverPassword.clear()
        else:
            result = ops.run(self, release.release, job.id, ui.codeEdit.text(), ui.collectedBy.text(),
                             self.ctx.user, self.version, self.payment(), changed=Changed("counter", (job.id,)))
        if not result.ok:
            if result.field_errors:
                self.errors.show(result.field_errors, focus=True)
            elif isinstance(result.error, ConcurrentChange):
                self.load(job.id)     # show what the other station did; the clerk decides again
            return
        self.released = result.value
        printing.print_job(self, self.ctx, job.id, kinds=("voucher",), saved=self.tr(
            "Job {0} was handed back and saved.").format(job.number))
        self.accept()
