"""One service job: what came in, the work done on it, what it costs, and
the buttons that move it along the state machine.

Every change goes through :func:`app.ui.base.ops.run` with the version of the
job this dialog shows. When another station changed the job in the
meantime the service refuses (ConcurrentChange), ops shows who changed it,
and the dialog reloads so the clerk sees the other change before trying
again: nothing is silently overwritten.
"""
from __future__ import annotations

from app.domain.core import records, settings, users
from app.domain.core.errors import ValidationError
from app.domain.counter import charges, jobs, products, release, workshop
from app.domain.counter.models import Job, JobItem, JobLabour, JobPart
from app.ui.base import labels, ops, slots
from app.ui.base.context import Changed
from app.ui.base.table_models import setup_view
from app.ui.base.widgets import FieldErrors, apply_limit, fmt_date, fmt_datetime
from app.ui.counter.job_prompts import InformDialog, KindDialog
from app.ui.counter.job_tables import STATE_COLOURS, LabourModel, PartsModel, fmt_money, history_model
from app.ui.generated.ui_job import Ui_JobDialog
from app.ui.qt import QDate, QDialog, QInputDialog, QLabel, QMessageBox, QPushButton, QTime

#: The usual next step from each state: its button comes first, in bold.
FORWARD = {"received": "start_diagnosis", "diagnosing": "start_repair", "waiting_parts": "start_repair",
           "repairing": "finish_repair", "repaired": "mark_ready"}


class JobDialog(QDialog):
    """The job card: header, diagnosis, parts, labour, charges, history, actions."""

    def __init__(self, ctx, job_id: int, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.job_id = job_id
        self.job = None
        self._loaded_diagnosis = None
        self._busy = False          # while our own change is saved: ignore our own announcement
        self.ui = Ui_JobDialog()
        self.ui.setupUi(self)
        # Another station changed this job while it is open: it is shown anew, and said so.
        self.remote_note = QLabel()
        self.remote_note.setWordWrap(True)
        self.remote_note.setStyleSheet("background: #fff3cd; color: #6d4c00; padding: 4px 8px;"
                                       " border: 1px solid #e0c060; border-radius: 4px;")
        self.remote_note.hide()
        self.ui.mainLayout.insertWidget(1, self.remote_note)
        self._setup_tables()
        self._setup_forms()
        # The tabs other books add (complaints about the job: app.ui.base.slots).
        self.panels = [slot.make(ctx, job_id, self) for slot in slots.job_panels()]
        for panel in self.panels:
            self.ui.tabs.addTab(panel, panel.title())
        self.ui.saveDiagnosisButton.clicked.connect(self.save_diagnosis)
        self.ui.addPartButton.clicked.connect(self.add_part)
        self.ui.removePartButton.clicked.connect(self.remove_part)
        self.ui.addLabourButton.clicked.connect(self.add_labour)
        self.ui.removeLabourButton.clicked.connect(self.remove_labour)
        self.ui.informButton.clicked.connect(self.inform_customer)
        self.ui.kindButton.clicked.connect(self.change_kind)
        self.ui.cancelJobButton.clicked.connect(self.cancel_job)
        self.ui.printCardsButton.clicked.connect(lambda: self._print(("cards",)))
        self.ui.printReceiptButton.clicked.connect(lambda: self._print(("receipt",)))
        self.ui.voucherButton.clicked.connect(lambda: self._print(("voucher",), preview=True))
        ctx.on_change("counter", self._on_job_changed, self, with_change=True)
        self.reload()

    # -- set-up --------------------------------------------------------------------
    def _setup_tables(self) -> None:
        self.parts_model = PartsModel(self)
        self.labour_model = LabourModel(self)
        self.history_model = history_model(self)
        for view, model in ((self.ui.partsView, self.parts_model), (self.ui.labourView, self.labour_model),
                            (self.ui.historyView, self.history_model)):
            setup_view(view, model)

    def _setup_forms(self) -> None:
        ui = self.ui
        ui.partKindCombo.addItem(self.tr("Part"), "part")
        ui.partKindCombo.addItem(self.tr("Material"), "material")
        self.part_errors = FieldErrors(ui.partFormError, limits=JobPart)
        apply_limit(ui.partNoEdit, JobPart.part_no)
        for name, widget, label in (("kind", ui.partKindCombo, ui.partKindError),
                                    ("description", ui.partDescriptionEdit, ui.partDescriptionError),
                                    ("quantity", ui.partQtyEdit, ui.partQtyError),
                                    ("unit_price", ui.partPriceEdit, ui.partPriceError)):
            self.part_errors.add(name, widget, label)
        self.labour_errors = FieldErrors(ui.labourFormError, limits=JobLabour)
        apply_limit(ui.labourDescriptionEdit, JobLabour.description)
        self.labour_errors.add("hours", ui.labourHoursEdit, ui.labourHoursError)
        self.labour_errors.add("rate", ui.labourRateEdit, ui.labourRateError)
        self.diagnosis_errors = FieldErrors(ui.diagnosisError)
        apply_limit(ui.diagnosisEdit, Job.diagnosis)
        ui.labourRateEdit.setText(settings.get("default_labour_rate"))
        ui.labourDateEdit.setDate(QDate.currentDate())
        for combo in (ui.diagTechnicianCombo, ui.labourTechCombo):
            combo.addItem(self.tr("(not assigned)"), None)
            for tech in users.technicians():
                combo.addItem(tech.display_name, tech.id)
        # Enter in a line edit adds the line; it must never press a state button.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        for edit in (ui.partDescriptionEdit, ui.partNoEdit, ui.partQtyEdit, ui.partPriceEdit):
            edit.returnPressed.connect(self.add_part)
        for edit in (ui.labourHoursEdit, ui.labourRateEdit, ui.labourDescriptionEdit):
            edit.returnPressed.connect(self.add_labour)
        ui.diagnosisEdit.textChanged.connect(self._diagnosis_dirty)
        ui.diagTechnicianCombo.currentIndexChanged.connect(self._diagnosis_dirty)

    # -- loading -------------------------------------------------------------------
    def reload(self) -> None:
        """Read the job again and show it as it is now in the database."""
        self.job = job = jobs.get_job(self.job_id)
        ui = self.ui
        self.setWindowTitle(self.tr("Service job %1").replace("%1", job.number))
        ui.numberLabel.setText(job.number)
        colour = STATE_COLOURS.get(job.state, "#546e7a")
        ui.stateLabel.setText(labels.state(job.state))
        ui.stateLabel.setStyleSheet(f"background: {colour}; color: white; font-size: 16px; font-weight: bold;"
                                    " border-radius: 6px; padding: 3px 12px;")
        c, unit = job.customer, job.unit
        ui.customerLabel.setText(f"{c.name}   {c.phone}".strip())
        ui.productLabel.setText(f"{unit.product.name}  ({unit.product.model})")
        ui.serialLabel.setText(unit.serial)
        until = products.warranty_until(unit)
        ui.warrantyLabel.setText(fmt_date(until) if until else self.tr("sale date unknown"))
        ui.itemsLabel.setText("、".join(i.description for i in job.items.order_by(JobItem.seq)))
        ui.kindLabel.setText(self._kind_text(job))
        ui.receivedLabel.setText(" · ".join(x for x in (fmt_datetime(job.received_at),
                                                         job.received_by.display_name if job.received_by else "")
                                            if x))
        overdue = workshop.is_overdue(job)
        ui.promisedLabel.setText(fmt_date(job.promised_date) or "—")
        ui.promisedLabel.setStyleSheet("color: #b71c1c; font-weight: bold;" if overdue else "")
        ui.overdueLabel.setText(self.tr("Overdue") if overdue else "")
        ui.technicianLabel.setText(job.technician.display_name if job.technician else self.tr("(not assigned)"))
        ui.faultLabel.setText(job.fault)
        self._load_diagnosis(job)
        self.parts_model.set_rows(job.parts.order_by(JobPart.id))
        self.labour_model.set_rows(job.labour.order_by(JobLabour.id))
        self.history_model.set_rows(list(records.history_of(job)))
        self.ui.historyView.scrollToBottom()
        self._show_charges(job)
        self._build_action_buttons(job)
        self._set_editable(job)

    def _kind_text(self, job) -> str:
        text = labels.kind(job.service_kind)
        if job.agreement is not None:
            text += "  ·  " + self.tr("agreement %1").replace("%1", job.agreement.number)
        if job.service_kind != job.computed_kind:
            text += "\n" + self.tr("changed from %1: %2").replace("%1", labels.kind(job.computed_kind)) \
                .replace("%2", job.kind_reason)
        return text

    def _load_diagnosis(self, job) -> None:
        ui = self.ui
        # Keep what the technician typed but has not saved yet, across reloads.
        if self._loaded_diagnosis is None or not self._diagnosis_is_dirty():
            ui.diagnosisEdit.setPlainText(job.diagnosis)
            ui.diagTechnicianCombo.setCurrentIndex(max(0, ui.diagTechnicianCombo.findData(job.technician_id)))
        self._loaded_diagnosis = (job.diagnosis, job.technician_id)
        tech = job.technician_id or (self.ctx.user.id if self.ctx.user and self.ctx.user.role == "technician"
                                     else None)
        ui.labourTechCombo.setCurrentIndex(max(0, ui.labourTechCombo.findData(tech)))
        self._diagnosis_dirty()

    def _diagnosis_is_dirty(self) -> bool:
        now = (self.ui.diagnosisEdit.toPlainText().strip(), self.ui.diagTechnicianCombo.currentData())
        return self._loaded_diagnosis is not None and now != (self._loaded_diagnosis[0].strip(),
                                                              self._loaded_diagnosis[1])

    def _diagnosis_dirty(self, *_args) -> None:
        self.ui.saveDiagnosisButton.setEnabled(self._diagnosis_is_dirty() and self._open())

    def _show_charges(self, job) -> None:
        ui, c = self.ui, charges.compute(job)
        ui.partsTotalValue.setText(fmt_money(c.parts_total))
        ui.labourTotalValue.setText(fmt_money(c.labour_total))
        ui.grossValue.setText(fmt_money(c.gross_total))
        ui.partsTotalLabel.setText(self.tr("Parts and materials: %1").replace("%1", fmt_money(c.parts_total)))
        ui.labourTotalLabel.setText(self.tr("Labour: %1").replace("%1", fmt_money(c.labour_total)))
        ui.coveredCaption.setText({"free": self.tr("Covered by warranty:"),
                                   "contract": self.tr("Covered by the agreement:")}
                                  .get(job.service_kind, self.tr("Covered:")))
        ui.coveredValue.setText(fmt_money(c.covered))
        ui.dueValue.setText(fmt_money(c.due))
        ui.paidValue.setText(fmt_money(c.paid) + (f"  ({labels.payment(c.payment_method)})"
                                                  if c.payment_method else "") if c.paid is not None else "—")
        ui.chargesNote.setText({
            "free": self.tr("Free service under warranty: the customer pays nothing. The cost is shown so the "
                            "department sees what warranty work costs."),
            "contract": self.tr("Contract service: the customer pays what the maintenance agreement does not "
                                "cover."),
        }.get(job.service_kind, self.tr("Paid service: the customer pays parts and labour.")))

    def _build_action_buttons(self, job) -> None:
        layout = self.ui.actionsLayout
        while layout.count():
            item = layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.action_buttons: dict[str, QPushButton] = {}
        forward = FORWARD.get(job.state)
        for action in sorted(jobs.allowed_actions(job), key=lambda a: a != forward):
            if action == "cancel":
                continue            # its own button: it voids the receipt and the register row too
            button = QPushButton(labels.action_button(action) + ("…" if jobs.ACTIONS[action][2] else ""), self)
            button.setObjectName(f"action_{action}")
            button.setAutoDefault(False)
            if action == forward:
                button.setStyleSheet("font-weight: bold;")
            button.clicked.connect(lambda _checked=False, a=action: self.do_action(a))
            layout.addWidget(button)
            self.action_buttons[action] = button
        if job.state == "ready":
            # The unit is handed back through the release dialog (receipt,
            # payment, register "out" row), not by a plain state change.
            button = QPushButton(self.tr("Hand &back to the customer…"), self)
            button.setObjectName("action_release")
            button.setAutoDefault(False)
            button.setStyleSheet("font-weight: bold;")
            button.clicked.connect(self.release)
            layout.insertWidget(0, button)
            self.action_buttons["release"] = button

    def _open(self) -> bool:
        return self.job is not None and self.job.state not in jobs.CLOSED_STATES

    def _set_editable(self, job) -> None:
        # What the role may not do is disabled here for clarity; the domain
        # services refuse it anyway.
        ui, is_open, can = self.ui, self._open(), self.ctx.can
        working = job.state in jobs.WORK_STATES and can("job.work")
        closed = ""
        if not is_open:
            closed = self.tr("Closed: read only")
            if job.delivered_at:
                closed = self.tr("Handed back %1 to %2").replace("%1", fmt_datetime(job.delivered_at)) \
                    .replace("%2", job.collected_by) + "  ·  " + closed
        ui.readOnlyLabel.setText(closed)
        for w, perm in ((ui.diagnosisEdit, "job.work"), (ui.diagTechnicianCombo, "job.work"),
                        (ui.informButton, "job.inform"), (ui.kindButton, "job.kind")):
            w.setEnabled(is_open and can(perm))
        ui.cancelJobButton.setEnabled(jobs.can(job, "cancel") and can("job.cancel"))
        for w in (ui.partKindCombo, ui.partDescriptionEdit, ui.partNoEdit, ui.partQtyEdit, ui.partPriceEdit,
                  ui.addPartButton, ui.removePartButton, ui.labourTechCombo, ui.labourDateEdit,
                  ui.labourHoursEdit, ui.labourRateEdit, ui.labourDescriptionEdit, ui.addLabourButton,
                  ui.removeLabourButton):
            w.setEnabled(working)
        hint = "" if working else (self.tr("Parts and labour are recorded while the job is being worked on "
                                           "(from diagnosis to repaired).") if is_open else "")
        ui.partsHint.setText(hint)
        ui.partsHint.setVisible(bool(hint))
        ui.labourHint.setText(hint)
        ui.labourHint.setVisible(bool(hint))
        ui.printReceiptButton.setEnabled(is_open)
        for action, button in self.action_buttons.items():
            button.setEnabled(can("job.release" if action == "release" else "job.work"))
        self._diagnosis_dirty()

    def _on_job_changed(self, change: Changed) -> None:
        if not change.concerns(self.job_id) or self._busy:
            return
        before = self.job.version if self.job is not None else None
        self.reload()
        if change.remote and self.job is not None and self.job.version != before:
            who = change.by or self.tr("another station")
            self.remote_note.setText(self.tr("Changed at another station by %1 at %2: this is the job as it is "
                                             "now.").replace("%1", who)
                                     .replace("%2", QTime.currentTime().toString("HH:mm")))
            self.remote_note.show()

    # -- changes -------------------------------------------------------------------
    def _run(self, fn, *args, errors: FieldErrors | None = None, **kwargs) -> bool:
        """Run one service on this job; reload after success, and after a refusal
        that was not about a field (another station's change, a state move)."""
        if errors is not None:
            errors.clear()
        self._busy = True
        try:
            result = ops.run(self, fn, *args, show_validation=errors is None, **kwargs,
                             changed=Changed("counter", (self.job_id,)))
        finally:
            self._busy = False
        if result.ok or not isinstance(result.error, ValidationError):
            self.reload()
        elif errors is not None:
            errors.show(result.field_errors, focus=True)     # translated there (context "widgets")
        return result.ok

    def save_diagnosis(self) -> bool:
        return self._run(jobs.set_diagnosis, self.job_id, self.ui.diagnosisEdit.toPlainText(), self.ctx.user,
                         self.job.version, technician_id=self.ui.diagTechnicianCombo.currentData(),
                         errors=self.diagnosis_errors)

    def add_part(self) -> bool:
        ui = self.ui
        ok = self._run(jobs.add_part, self.job_id, ui.partDescriptionEdit.text(), ui.partQtyEdit.text(),
                       ui.partPriceEdit.text(), self.ctx.user, self.job.version,
                       kind=ui.partKindCombo.currentData(), part_no=ui.partNoEdit.text(), errors=self.part_errors)
        if ok:
            for edit in (ui.partDescriptionEdit, ui.partNoEdit, ui.partPriceEdit):
                edit.clear()
            ui.partQtyEdit.setText("1")
            ui.partDescriptionEdit.setFocus()
        return ok

    def remove_part(self) -> bool:
        part = self._selected(self.ui.partsView, self.parts_model)
        if part is None:
            return False
        return self._run(jobs.remove_part, part.id, self.ctx.user, self.job.version)

    def add_labour(self) -> bool:
        ui = self.ui
        ok = self._run(jobs.add_labour, self.job_id, ui.labourHoursEdit.text(), ui.labourRateEdit.text(),
                       self.ctx.user, self.job.version, technician_id=ui.labourTechCombo.currentData(),
                       description=ui.labourDescriptionEdit.text(),
                       work_date=ui.labourDateEdit.date().toPython(), errors=self.labour_errors)
        if ok:
            ui.labourHoursEdit.clear()
            ui.labourDescriptionEdit.clear()
        return ok

    def remove_labour(self) -> bool:
        line = self._selected(self.ui.labourView, self.labour_model)
        if line is None:
            return False
        return self._run(jobs.remove_labour, line.id, self.ctx.user, self.job.version)

    def _selected(self, view, model):
        rows = view.selectionModel().selectedRows()
        return model.object_at(rows[0].row()) if rows else None

    def do_action(self, action: str) -> bool:
        """Press a state button: asks the note first when the step needs one."""
        note = ""
        if jobs.ACTIONS[action][2]:
            note, ok = QInputDialog.getText(self, labels.action(action), self.tr("Why? (kept in the job's history)"))
            if not ok:
                return False
        return self._run(jobs.perform, self.job_id, action, self.ctx.user, self.job.version, note)

    def release(self) -> bool:
        """Open the release dialog for this job (the receipt is scanned there)."""
        from app.ui.counter.release_dialog import ReleaseDialog

        dialog = ReleaseDialog(self.ctx, self.job.id, "", self)
        done = bool(dialog.exec()) and dialog.released is not None
        dialog.deleteLater()
        self.reload()
        return done

    def cancel_job(self) -> bool:
        reason, ok = QInputDialog.getText(self, self.tr("Cancel job"),
                                          self.tr("Why is the job cancelled? (its receipt and register row "
                                                  "are voided)"))
        if not ok:
            return False
        if reason.strip() and QMessageBox.question(
                self, self.tr("Cancel job"), self.tr("Cancel job %1? This cannot be undone.")
                .replace("%1", self.job.number)) != QMessageBox.Yes:
            return False
        return self._run(release.cancel_job, self.job_id, self.ctx.user, self.job.version, reason)

    def inform_customer(self) -> bool:
        answer = InformDialog.ask(self)
        if answer is None:
            return False
        how, note = answer
        return self._run(jobs.inform_customer, self.job_id, self.ctx.user, self.job.version, how=how, note=note)

    def change_kind(self) -> bool:
        answer = KindDialog.ask(self, self.job)
        if answer is None:
            return False
        kind, reason = answer
        return self._run(jobs.override_kind, self.job_id, kind, reason, self.ctx.user, self.job.version)

    def _print(self, kinds: tuple[str, ...], preview: bool | None = None) -> None:
        from app.ui.counter import printing

        printing.print_job(self, self.ctx, self.job_id, kinds=kinds, preview=preview)

