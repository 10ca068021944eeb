"""One complaint (用户投诉): received here (a new one, or one filled from a
contact line, a visit report or a survey), then handled here.

Three tabs keep it within a 1366x768 screen: *Complaint* (the record as
received: customer, contact, channel, what is complained about, severity,
the customer's words and what they ask for), *Handling* (the investigation,
its cause and the measures; the reply and how it was given; the customer's
answer and the closing; the step buttons the signed-in user may press, and
for a manager the person responsible, the severity and the deadlines) and
*History* (every step and change: who, when, the note).
"""
from __future__ import annotations

from app.domain.complaints import complaints
from app.domain.complaints.complaints import ComplaintForm
from app.domain.complaints.models import Complaint
from app.domain.core.models import User
from app.domain.counter.models import Job
from app.domain.customers import customers as customer_search
from app.ui.base import ops
from app.ui.base.context import Changed
from app.ui.base.history import HistoryModel
from app.ui.base.table_models import setup_view
from app.ui.base.widgets import FieldErrors, SearchPopup, fmt_datetime, make_error_label
from app.ui.qt import (QComboBox, QDateTime, QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
                       QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QTableView, QTabWidget,
                       QVBoxLayout, QWidget)

OVERDUE = "#c62828"
STATE_COLOURS = {"received": "#e65100", "acknowledged": "#6a1b9a", "investigating": "#1565c0",
                 "replied": "#00838f", "closed": "#2e7d32"}


def label(names: dict, code: str) -> str:
    return ops.translated(names[code]) if code in names else (code or "")


def fill(combo: QComboBox, names: dict, codes, blank: str | None = None) -> None:
    combo.clear()
    if blank is not None:
        combo.addItem(blank, "")
    for code in codes:
        combo.addItem(label(names, code), code)


def select(combo: QComboBox, data) -> None:
    index = combo.findData(data)
    combo.setCurrentIndex(index if index >= 0 else 0)


def _text(lines: int = 3) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 12)
    return edit


class ComplaintDialog(QDialog):
    """``ComplaintDialog(ctx, complaint_id=None, form=None)``: an existing complaint, or a new one
    (``form``: prefilled from where it came from)."""

    def __init__(self, ctx, complaint_id: int | None = None, form: ComplaintForm | None = None, parent=None):
        super().__init__(parent)
        self.ctx, self.complaint, self.customer = ctx, None, None
        self.form_in = form or ComplaintForm()
        self.saved = None
        self.setMinimumWidth(760)
        outer = QVBoxLayout(self)
        self.header = QLabel()
        self.header.setObjectName("complaintHeader")
        outer.addWidget(self.header)
        self.tabs = QTabWidget()
        outer.addWidget(self.tabs, 1)
        self.general_error = make_error_label(self)
        self.errors = FieldErrors(self.general_error, limits=Complaint)
        self.tabs.addTab(self._record_tab(), self.tr("&Complaint"))
        self.handling = self._handling_tab()
        self.tabs.addTab(self.handling, self.tr("&Handling"))
        self.history_model = HistoryModel(self._what, self._value, self)
        view = QTableView()
        setup_view(view, self.history_model)
        self.tabs.addTab(view, self.tr("H&istory"))
        outer.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Close)
        self.receive_button = self.buttons.addButton(self.tr("R&eceive the complaint"), QDialogButtonBox.AcceptRole)
        self.receive_button.setObjectName("receiveButton")
        self.receive_button.clicked.connect(self.receive)
        self.print_button = self.buttons.addButton(self.tr("Print the &form…"), QDialogButtonBox.ActionRole)
        self.print_button.setObjectName("printFormButton")
        self.print_button.clicked.connect(self.print_form)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        ctx.on_change("complaints", self._changed_elsewhere, self)
        if complaint_id is not None:
            self.load(complaint_id)
        else:
            self._show_new()

    # -- building ------------------------------------------------------------------
    def _record_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.customer_edit = QLineEdit()
        self.customer_edit.setObjectName("customerEdit")
        self.customer_edit.setPlaceholderText(self.tr("Name, code, phone or pinyin initials"))
        self.search = SearchPopup(self.customer_edit, customer_search.search,
                                  lambda c: "  ·  ".join(x for x in (c.name, c.phone, c.code) if x), self)
        self.search.picked.connect(self.set_customer)
        self.customer_edit.textEdited.connect(lambda _t: setattr(self, "customer", None))
        self.contact_person = QLineEdit()
        self.contact_phone = QLineEdit()
        contact_row = QHBoxLayout()
        contact_row.addWidget(self.contact_person, 2)
        contact_row.addWidget(QLabel(self.tr("Phone:")))
        contact_row.addWidget(self.contact_phone, 1)
        self.channel = QComboBox()
        fill(self.channel, complaints.CHANNEL_NAMES, complaints.CHANNELS)
        self.about = QComboBox()
        self.about.setObjectName("aboutCombo")
        fill(self.about, complaints.ABOUT_NAMES, complaints.ABOUT)
        self.severity = QComboBox()
        self.severity.setObjectName("severityCombo")
        fill(self.severity, complaints.SEVERITY_NAMES, complaints.SEVERITIES)
        kind_row = QHBoxLayout()
        for text, widget in ((None, self.channel), (self.tr("About:"), self.about), (self.tr("Severity:"), self.severity)):
            if text:
                kind_row.addWidget(QLabel(text))
            kind_row.addWidget(widget, 1)
        self.job = QComboBox()
        self.job.setObjectName("jobCombo")
        self.staff = QComboBox()
        self.staff.setObjectName("staffCombo")
        self.staff.addItem(self.tr("— none —"), None)
        for u in User.select().where(User.active == True).order_by(User.display_name):  # noqa: E712
            self.staff.addItem(u.display_name, u.id)
        self.words = _text(4)
        self.words.setObjectName("wordsEdit")
        self.words.setPlaceholderText(self.tr("What the customer said, in their words"))
        self.request = QLineEdit()
        self.request.setPlaceholderText(self.tr("What the customer asks for"))
        self.responsible = QComboBox()
        self.responsible.setObjectName("responsibleCombo")
        self.responsible.addItem(self.tr("— not assigned yet —"), None)
        for u in complaints.handlers():
            self.responsible.addItem(u.display_name, u.id)
        self.source_label = QLabel()
        self.deadline_label = QLabel()
        self.deadline_label.setWordWrap(True)
        e = self.errors
        e.add_form_row(form, self.tr("C&ustomer:"), "customer", self.customer_edit)
        e.add_form_row(form, self.tr("Contact &person:"), "contact_person", self._wrap(contact_row))
        e.add("contact_phone", self.contact_phone, make_error_label(page))
        e.add_form_row(form, self.tr("Channel:"), "channel", self._wrap(kind_row))
        e.add("about", self.about, make_error_label(page))
        e.add("severity", self.severity, make_error_label(page))
        e.add_form_row(form, self.tr("&Job / unit:"), "job", self.job)
        e.add("unit", self.job, make_error_label(page))
        e.add_form_row(form, self.tr("Staff member:"), "staff", self.staff)
        e.add_form_row(form, self.tr("Customer's &words:"), "words", self.words)
        e.add_form_row(form, self.tr("They ask for:"), "request", self.request)
        e.add_form_row(form, self.tr("&Responsible:"), "responsible", self.responsible)
        form.addRow(self.tr("Source:"), self.source_label)
        form.addRow(self.tr("Deadlines:"), self.deadline_label)
        return page

    @staticmethod
    def _wrap(layout) -> QWidget:
        w = QWidget()
        layout.setContentsMargins(0, 0, 0, 0)
        w.setLayout(layout)
        return w

    def _handling_tab(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        form = QFormLayout()
        column.addLayout(form)
        self.investigation = _text(3)
        self.investigation.setObjectName("investigationEdit")
        self.cause = QComboBox()
        self.cause.setObjectName("causeCombo")
        fill(self.cause, complaints.CAUSE_NAMES, complaints.CAUSES, blank=self.tr("— not known yet —"))
        self.measures = _text(2)
        self.reply = _text(2)
        self.reply.setObjectName("replyEdit")
        self.reply_how = QComboBox()
        fill(self.reply_how, complaints.REPLY_HOW_NAMES, complaints.REPLY_HOW, blank="—")
        self.satisfaction = QComboBox()
        self.satisfaction.setObjectName("satisfactionCombo")
        fill(self.satisfaction, complaints.SATISFACTION_NAMES, complaints.SATISFACTION, blank="—")
        self.satisfaction_note = QLineEdit()
        self.satisfaction_note.setPlaceholderText(self.tr("Why no answer could be had"))
        self.closing = QLineEdit()
        self.closing.setObjectName("closingEdit")
        self.note = QLineEdit()
        self.note.setObjectName("noteEdit")
        self.note.setPlaceholderText(self.tr("The step's note: what the customer was told, why it is reopened…"))
        e = self.errors
        e.add_form_row(form, self.tr("In&vestigation:"), "investigation", self.investigation)
        e.add_form_row(form, self.tr("C&ause:"), "cause", self.cause)
        e.add_form_row(form, self.tr("&Measures:"), "measures", self.measures)
        reply_row = QHBoxLayout()
        reply_row.addWidget(self.reply, 1)
        reply_row.addWidget(self.reply_how)
        e.add_form_row(form, self.tr("Re&ply:"), "reply", self._wrap(reply_row))
        e.add("reply_how", self.reply_how, make_error_label(page))
        answer_row = QHBoxLayout()
        answer_row.addWidget(self.satisfaction)
        answer_row.addWidget(self.satisfaction_note, 1)
        e.add_form_row(form, self.tr("Customer's answer:"), "satisfaction", self._wrap(answer_row))
        e.add("satisfaction_note", self.satisfaction_note, make_error_label(page))
        e.add_form_row(form, self.tr("C&losing:"), "closing", self.closing)
        e.add_form_row(form, self.tr("&Note:"), "note", self.note)
        steps = QHBoxLayout()
        self.save_investigation_button = QPushButton(self.tr("&Save the investigation"))
        self.save_investigation_button.clicked.connect(self.save_investigation)
        steps.addWidget(self.save_investigation_button)
        self.step_buttons: dict[str, QPushButton] = {}
        for action in complaints.ACTIONS:
            button = QPushButton(label(complaints.ACTION_NAMES, action))
            button.setObjectName(f"{action}Button")
            button.clicked.connect(lambda _c=False, a=action: self.perform(a))
            self.step_buttons[action] = button
            steps.addWidget(button)
        steps.addStretch(1)
        column.addLayout(steps)
        self.manager_box = QGroupBox(self.tr("Manager: assign and set deadlines"))
        mform = QFormLayout(self.manager_box)
        self.assign_to = QComboBox()
        self.assign_to.setObjectName("assignCombo")
        self.assign_to.addItem(self.tr("— not assigned —"), None)
        for u in complaints.handlers():
            self.assign_to.addItem(u.display_name, u.id)
        self.assign_severity = QComboBox()
        fill(self.assign_severity, complaints.SEVERITY_NAMES, complaints.SEVERITIES)
        who_row = QHBoxLayout()
        who_row.addWidget(self.assign_to, 1)
        who_row.addWidget(QLabel(self.tr("Severity:")))
        who_row.addWidget(self.assign_severity)
        self.dues = {}
        due_row = QHBoxLayout()
        for name, text in (("contact_due", self.tr("First contact")), ("reply_due", self.tr("Reply")),
                           ("close_due", self.tr("Close"))):
            edit = QDateTimeEdit()
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
            edit.setCalendarPopup(True)
            self.dues[name] = edit
            due_row.addWidget(QLabel(text))
            due_row.addWidget(edit)
            e.add(name, edit, make_error_label(page))
        self.assign_button = QPushButton(self.tr("Appl&y"))
        self.assign_button.setObjectName("assignButton")
        self.assign_button.clicked.connect(self.assign)
        due_row.addWidget(self.assign_button)
        mform.addRow(self.tr("Responsible:"), self._wrap(who_row))
        mform.addRow(self.tr("Deadlines:"), self._wrap(due_row))
        column.addWidget(self.manager_box)
        column.addStretch(1)
        return page

    # -- showing ---------------------------------------------------------------------
    def _what(self, code: str) -> str:
        return {"created": self.tr("Received"), "state": self.tr("Step"), "responsible": self.tr("Responsible"),
                "contact_due": self.tr("First contact by"), "reply_due": self.tr("Reply by"),
                "close_due": self.tr("Close by"), "severity": self.tr("Severity"),
                "investigation": self.tr("Investigation"), "cause": self.tr("Cause"), "measures": self.tr("Measures"),
                "reply": self.tr("Reply"), "satisfaction": self.tr("Customer's answer"),
                "satisfaction_note": self.tr("Why no answer"), "closing": self.tr("Closing")}.get(code, code)

    def _value(self, what: str, value: str) -> str:
        names = {"state": complaints.STATE_NAMES, "severity": complaints.SEVERITY_NAMES,
                 "cause": complaints.CAUSE_NAMES, "satisfaction": complaints.SATISFACTION_NAMES}.get(what)
        return label(names, value) if names else value

    def _show_new(self) -> None:
        f = self.form_in
        self.setWindowTitle(self.tr("New complaint"))
        self.header.setText(self.tr("A new complaint: %1").replace("%1", label(complaints.SOURCE_NAMES, f.source)))
        if f.customer_id is not None:
            from app.domain.customers.models import Customer

            customer = Customer.get_or_none(Customer.id == f.customer_id)
            if customer is not None:
                self.set_customer(customer)
        self.contact_person.setText(f.contact_person)
        if f.contact_phone:
            self.contact_phone.setText(f.contact_phone)
        select(self.channel, f.channel)
        select(self.about, f.about)
        select(self.severity, f.severity)
        if f.job_id is not None:
            select(self.job, f.job_id)
        select(self.staff, f.staff_id)
        self.words.setPlainText(f.words)
        self.request.setText(f.request)
        select(self.responsible, f.responsible_id)
        self.source_label.setText(label(complaints.SOURCE_NAMES, f.source))
        self.deadline_label.setText(self.tr("Set from the severity when it is received."))
        self.tabs.setTabEnabled(1, False)
        self.tabs.setTabEnabled(2, False)
        self.receive_button.setVisible(self.ctx.can("complaint.record"))
        self.print_button.hide()

    def set_customer(self, customer) -> None:
        self.customer = customer
        self.search.reset()
        self.customer_edit.setText(customer.name)
        self.job.clear()
        self.job.addItem(self.tr("— none —"), None)
        for job in (Job.select().where(Job.customer == customer.id).order_by(Job.received_at.desc()).limit(50)):
            self.job.addItem(f"{job.number}  {job.unit.product.name}  {job.unit.serial}", job.id)
        if not self.contact_phone.text().strip():
            self.contact_phone.setText(customer.phone)

    def load(self, complaint_id: int) -> None:
        result = ops.run(self, complaints.read, self.ctx.user, complaint_id)
        if not result.ok:
            self.complaint = None
            return
        c = self.complaint = result.value
        self.setWindowTitle(self.tr("Complaint %1").replace("%1", c.number))
        overdue = complaints.is_overdue(c)
        colour = OVERDUE if overdue else STATE_COLOURS.get(c.state, "#546e7a")
        state = label(complaints.STATE_NAMES, c.state) + ("  ·  " + self.tr("OVERDUE") if overdue else "")
        self.header.setText(f"<b style='font-size:15px'>{c.number}</b> &nbsp; "
                            f"<span style='background:{colour}; color:white; padding:2px 8px'>&nbsp;{state}&nbsp;</span>"
                            f" &nbsp; {c.customer.name}")
        self.set_customer(c.customer)
        self.contact_person.setText(c.contact_person)
        self.contact_phone.setText(c.contact_phone)
        select(self.channel, c.channel)
        select(self.about, c.about)
        select(self.severity, c.severity)
        select(self.job, c.job_id)
        select(self.staff, c.staff_id)
        self.words.setPlainText(c.words)
        self.request.setText(c.request)
        select(self.responsible, c.responsible_id)
        origin = label(complaints.SOURCE_NAMES, c.source)
        ref = c.contact_line.number if c.contact_line_id else c.visit.number if c.visit_id else \
            c.survey.number if c.survey_id else ""
        self.source_label.setText(f"{origin} {ref}  ·  " + self.tr("received %1 by %2").replace(
            "%1", fmt_datetime(c.received_at)).replace("%2", c.received_by.display_name if c.received_by_id else ""))
        self.deadline_label.setText(self.tr("First contact by %1, reply by %2, close by %3.")
                                    .replace("%1", fmt_datetime(c.contact_due)).replace("%2", fmt_datetime(c.reply_due))
                                    .replace("%3", fmt_datetime(c.close_due)))
        for w in (self.customer_edit, self.contact_person, self.contact_phone, self.channel, self.about, self.severity,
                  self.job, self.staff, self.request, self.responsible):
            w.setEnabled(False)
        self.words.setReadOnly(True)
        self.investigation.setPlainText(c.investigation)
        select(self.cause, c.cause)
        self.measures.setPlainText(c.measures)
        self.reply.setPlainText(c.reply)
        select(self.reply_how, c.reply_how)
        select(self.satisfaction, c.satisfaction)
        self.satisfaction_note.setText(c.satisfaction_note)
        self.closing.setText(c.closing)
        self.note.clear()
        allowed = complaints.allowed_actions(self.ctx.user, c)
        for action, button in self.step_buttons.items():
            button.setVisible(action in allowed)
        handler = c.state != "closed" and (self.ctx.can("complaint.manage") or (
            self.ctx.can("complaint.handle") and self.ctx.user is not None and c.responsible_id == self.ctx.user.id))
        for w in (self.investigation, self.measures, self.reply):
            w.setReadOnly(not handler)
        for w in (self.cause, self.reply_how, self.save_investigation_button):
            w.setEnabled(handler)
        manager = self.ctx.can("complaint.manage")
        for w in (self.satisfaction, self.satisfaction_note, self.closing):
            w.setEnabled(manager or handler)
        self.manager_box.setVisible(manager and c.state != "closed")
        select(self.assign_to, c.responsible_id)
        select(self.assign_severity, c.severity)
        for name, edit in self.dues.items():
            edit.setDateTime(QDateTime(getattr(c, name)))
        self.history_model.set_rows(complaints.history(c))
        self.tabs.setTabEnabled(1, True)
        self.tabs.setTabEnabled(2, True)
        self.receive_button.hide()
        self.print_button.show()

    def _changed_elsewhere(self) -> None:
        if self.complaint is not None:
            self.load(self.complaint.id)

    # -- acting -----------------------------------------------------------------------
    def form(self) -> ComplaintForm:
        f = self.form_in
        return ComplaintForm(customer_id=self.customer.id if self.customer is not None else None,
                             words=self.words.toPlainText(), severity=self.severity.currentData(),
                             about=self.about.currentData(), channel=self.channel.currentData(),
                             contact_person=self.contact_person.text(), contact_phone=self.contact_phone.text(),
                             request=self.request.text(), job_id=self.job.currentData(),
                             unit_id=f.unit_id if self.job.currentData() is None else None,
                             staff_id=self.staff.currentData(), responsible_id=self.responsible.currentData(),
                             source=f.source, contact_line_id=f.contact_line_id, visit_id=f.visit_id,
                             survey_id=f.survey_id, received_at=f.received_at)

    def receive(self) -> bool:
        self.errors.clear()
        result = ops.run(self, complaints.receive, self.form(), self.ctx.user, changed=self._announce)
        if not result.ok:
            self.errors.show(result.field_errors, focus=True)
            return False
        self.saved = result.value
        self.load(result.value.id)
        return True

    def _announce(self, c) -> Changed:
        return Changed("complaints")

    def perform(self, action: str) -> bool:
        c = self.complaint
        self.errors.clear()
        kwargs = dict(note=self.note.text())
        if action == "reply":
            kwargs.update(reply=self.reply.toPlainText(), reply_how=self.reply_how.currentData() or "",
                          cause=self.cause.currentData() or "", investigation=self.investigation.toPlainText(),
                          measures=self.measures.toPlainText())
        elif action == "close":
            kwargs.update(satisfaction=self.satisfaction.currentData() or "",
                          satisfaction_note=self.satisfaction_note.text(), closing=self.closing.text())
        result = ops.run(self, complaints.perform, c.id, action, self.ctx.user, c.version, changed=self._announce,
                         **kwargs)
        if not result.ok:
            self.errors.show(result.field_errors, focus=True)
            return False
        self.load(c.id)
        return True

    def save_investigation(self) -> bool:
        c = self.complaint
        self.errors.clear()
        result = ops.run(self, complaints.record_investigation, c.id, self.ctx.user, c.version,
                         investigation=self.investigation.toPlainText(), cause=self.cause.currentData() or None,
                         measures=self.measures.toPlainText(), changed=self._announce)
        if not result.ok:
            self.errors.show(result.field_errors, focus=True)
            return False
        self.load(c.id)
        return True

    def assign(self) -> bool:
        c = self.complaint
        self.errors.clear()
        dues = {name: edit.dateTime().toPython().replace(second=0, microsecond=0) for name, edit in self.dues.items()}
        dues = {name: value for name, value in dues.items()
                if value != getattr(c, name).replace(second=0, microsecond=0)}
        severity = self.assign_severity.currentData()
        result = ops.run(self, complaints.assign, c.id, self.ctx.user, c.version,
                         responsible_id=self.assign_to.currentData(),
                         severity=severity if severity != c.severity else None, note=self.note.text(),
                         changed=self._announce, **dues)
        if not result.ok:
            self.errors.show(result.field_errors, focus=True)
            return False
        self.load(c.id)
        return True


    def print_form(self) -> bool:
        """The complaint's handling form (A4), through the printer's preview."""
        from app.domain.complaints import statistics
        from app.ui.base import prefs, print_service

        if self.complaint is None:
            return False
        result = ops.run(self, statistics.render_form, self.ctx.user, self.complaint.id,
                         lang=prefs.get("print_language"), font=prefs.get("font_path") or None)
        if not result.ok:
            return False
        return print_service.print_pdf(self, result.value, "voucher",
                                       self.tr("Complaint %1").replace("%1", self.complaint.number), preview=True)


def open_complaint(ctx, complaint_id: int | None = None, form: ComplaintForm | None = None, parent=None):
    """Show the complaint's dialog (modal); the complaint received or shown, or None."""
    dialog = ComplaintDialog(ctx, complaint_id, form, parent)
    try:
        dialog.exec()
        return dialog.complaint
    finally:
        dialog.deleteLater()
