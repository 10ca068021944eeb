"""客服登记本: the contact register tab, built for speed at a telephone.

The clerk types or pastes the caller's number (or a name, code, pinyin
initials): the customer is found as it is typed (a number that belongs to
one customer picks them at once) and their open jobs show beside it. The
kind, the matter and the answer follow; Enter in the matter or answer
saves the line and clears the form for the next call (Ctrl+Enter saves
from any field, Esc clears). A repair request saves its line and opens the
intake with the customer filled in (``start_intake``, given by the shell).

Below, the book: filtered by days, customer, kind and staff, exported to
.xlsx, corrected by correction lines (the corrected line stays, struck
through). The follow-ups the signed-in user owns that are due today or
overdue are listed above the form; double-clicking one starts the line
that follows it up.
"""
from __future__ import annotations

import datetime as dt

from app.domain.contacts import register
from app.domain.contacts.models import ContactEntry
from app.domain.contacts.register import ContactForm
from app.domain.core import phones
from app.domain.core.models import User
from app.ui.base import ops
from app.ui.base.context import Changed
from app.ui.base.table_models import CENTER, Column, PagedQueryModel, RowStyle, setup_view
from app.ui.base.widgets import FieldErrors, SearchPopup, fmt_date, fmt_datetime, make_error_label
from app.ui.qt import (QButtonGroup, QComboBox, QDate, QDateEdit, QDialog, QDialogButtonBox, QFileDialog,
                       QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QKeySequence, QLabel, QLineEdit,
                       QListWidget, QListWidgetItem, QMessageBox, QPushButton, QRadioButton, QShortcut, QSplitter,
                       Qt, QTableView, QTimer, QVBoxLayout, QWidget)

SUPERSEDED = RowStyle(foreground="#9e9e9e", strike=True)
VOID = RowStyle(foreground="#c62828", strike=False)
OVERDUE = "#c62828"
NO_DATE = QDate(2000, 1, 1)
KIND_COLOURS = {"complaint": "#c62828", "repair": "#e65100", "praise": "#2e7d32", "guidance": "#1565c0"}


def kind_label(code: str) -> str:
    return ops.translated(register.KIND_NAMES[code]) if code in register.KIND_NAMES else code


def channel_label(code: str) -> str:
    return ops.translated(register.CHANNEL_NAMES[code]) if code in register.CHANNEL_NAMES else code


def direction_label(code: str) -> str:
    return ops.translated(register.DIRECTION_NAMES[code]) if code in register.DIRECTION_NAMES else code


def describe_customer(c) -> str:
    return "  ·  ".join(x for x in (c.name, c.phone, c.code) if x)


def lines_by_id(ids) -> dict:
    """The lines ``ids`` read in a few queries, each with what a list shows
    of it: who took it, the follow-up's owner, the job's and the corrected
    line's numbers, whether a later line corrects it (``superseded``) and
    whether its follow-up is still open."""
    from app.domain.counter.models import Job

    rows = {r.id: r for r in ContactEntry.select().where(ContactEntry.id.in_(list(ids)))}
    if not rows:
        return rows
    users = {u.id: u.display_name for u in User.select(User.id, User.display_name)}
    corrected = register.corrected_ids(list(rows))
    refs = {r.corrects_id for r in rows.values() if r.corrects_id}
    numbers = ({e.id: e.number for e in ContactEntry.select(ContactEntry.id, ContactEntry.number)
                .where(ContactEntry.id.in_(list(refs)))} if refs else {})
    job_ids = {r.job_id for r in rows.values() if r.job_id}
    jobs = ({j.id: j.number for j in Job.select(Job.id, Job.number).where(Job.id.in_(list(job_ids)))}
            if job_ids else {})
    followed = {e.follows_up_id for e in ContactEntry.select(ContactEntry.follows_up)
                .where(ContactEntry.follows_up.in_(list(rows)))}
    for r in rows.values():
        r.superseded = r.id in corrected
        r.taker = users.get(r.user_id, "")
        r.follow_up_name = users.get(r.follow_up_by_id, "")
        r.corrects_number = numbers.get(r.corrects_id, "")
        r.job_number = jobs.get(r.job_id, "")
        r.follow_up_open = (r.follow_up_due is not None and r.id not in followed and not r.superseded
                            and not r.voided)
    return rows


class ContactsModel(PagedQueryModel):
    """The book's lines, newest first, as register.query() filters them, read by page."""

    default_order = [(ContactEntry.at, True)]

    def __init__(self, parent=None):
        super().__init__([], parent)
        self.columns = [
            Column(self.tr("No."), lambda r: r.number, ContactEntry.number, width=118),
            Column(self.tr("Time"), lambda r: fmt_datetime(r.at), ContactEntry.at, CENTER, width=112),
            Column(self.tr("In/Out"), lambda r: direction_label(r.direction), ContactEntry.direction, CENTER,
                   width=66),
            Column(self.tr("Channel"), lambda r: channel_label(r.channel), ContactEntry.channel, CENTER, width=72),
            Column(self.tr("Customer / caller"), self._who, ContactEntry.customer_name, width=170,
                   tooltip=self._who),
            Column(self.tr("Kind"), lambda r: kind_label(r.kind), ContactEntry.kind, width=96,
                   foreground=lambda r: None if r.superseded else KIND_COLOURS.get(r.kind)),
            Column(self.tr("Matter"), lambda r: r.matter, None, width=220, tooltip=lambda r: r.matter),
            Column(self.tr("Answer"), lambda r: r.answer, None, width=200, tooltip=lambda r: r.answer or None),
            Column(self.tr("Job"), lambda r: r.job_number, ContactEntry.job, width=112),
            Column(self.tr("Taken by"), lambda r: r.taker, ContactEntry.user, width=58),
            Column(self.tr("Follow-up"), self._follow_up, ContactEntry.follow_up_due, width=110,
                   foreground=lambda r: OVERDUE if r.follow_up_open and register.is_overdue(r) else None),
            Column(self.tr("Corrects"), lambda r: r.corrects_number, ContactEntry.corrects, width=112,
                   tooltip=lambda r: r.note or None,
                   header_tip=self.tr("The earlier line this line corrects (its reason as the tooltip)")),
        ]
        self.filters: dict = {}

    @staticmethod
    def _who(r) -> str:
        parts = [r.customer_name or ""]
        if r.caller_name:
            parts.append(r.caller_name)
        if r.caller_phone and not r.customer_name:
            parts.append(r.caller_phone)
        return "  ·  ".join(p for p in parts if p)

    def _follow_up(self, r) -> str:
        if r.follow_up_due is None:
            return ""
        text = f"{fmt_date(r.follow_up_due)} {r.follow_up_name}"
        return text if r.follow_up_open else self.tr("%1 (done)").replace("%1", text)

    def build_query(self):
        return register.query(**self.filters)

    def fetch_rows(self, ids):
        return lines_by_id(ids)

    def row_style(self, row):
        if row.superseded:
            return SUPERSEDED
        return VOID if row.voided else None


class CorrectionDialog(QDialog):
    """Write a correction line: the line as it should have been (kind,
    matter, answer, customer...), or a line that voids it. The reason is
    required; the dialog stays open with the message beside the field
    until the service accepts it."""

    def __init__(self, ctx, line: ContactEntry, parent=None):
        super().__init__(parent)
        self.ctx, self.line, self.result_line, self.customer_id = ctx, line, None, line.customer_id
        self.setWindowTitle(self.tr("Correct contact line %1").replace("%1", line.number))
        form = QFormLayout(self)
        form.addRow(self.tr("Line:"), QLabel(f"{line.number}  ·  {fmt_datetime(line.at)}  ·  "
                                            f"{kind_label(line.kind)}  ·  {line.customer_name or line.caller_phone}"))
        self.fix = QRadioButton(self.tr("&Correct the line as follows"))
        self.void = QRadioButton(self.tr("&Void the line (written in error)"))
        group = QButtonGroup(self)
        group.addButton(self.fix)
        group.addButton(self.void)
        self.fix.setChecked(True)
        form.addRow(self.fix)
        self.customer_edit = QLineEdit(line.customer_name)
        self.customer_edit.setPlaceholderText(self.tr("Name, code, phone or pinyin initials"))
        self.search = SearchPopup(self.customer_edit, lambda t: register.caller(t).customers, describe_customer, self)
        self.search.picked.connect(self._picked)
        self.customer_edit.textEdited.connect(self._customer_edited)
        self.kind = QComboBox()
        for code in register.KINDS:
            self.kind.addItem(kind_label(code), code)
        self.kind.setCurrentIndex(self.kind.findData(line.kind))
        self.caller_name = QLineEdit(line.caller_name)
        self.matter = QLineEdit(line.matter)
        self.answer = QLineEdit(line.answer)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("What was wrong with the line"))
        self.general_error = make_error_label(self)
        self.errors = FieldErrors(self.general_error, limits=ContactEntry)
        for text, name, widget in ((self.tr("Customer:"), "customer", self.customer_edit),
                                   (self.tr("Kind:"), "kind", self.kind),
                                   (self.tr("Caller:"), "caller_name", self.caller_name),
                                   (self.tr("Matter:"), "matter", self.matter),
                                   (self.tr("Answer:"), "answer", self.answer)):
            self.errors.add_form_row(form, text, name, widget)
        form.addRow(self.void)
        self.errors.add_form_row(form, self.tr("Reason:"), "note", self.note)
        form.addRow(self.general_error)
        for w in (self.caller_name, self.matter, self.answer):
            w.textEdited.connect(lambda _t: self.fix.setChecked(True))
        self.kind.currentIndexChanged.connect(lambda _i: self.fix.setChecked(True))
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(620, self.sizeHint().height())

    def _customer_edited(self, _text: str) -> None:
        self.customer_id = None
        self.fix.setChecked(True)

    def _picked(self, customer) -> None:
        self.customer_id = customer.id
        self.customer_edit.setText(customer.name)
        self.fix.setChecked(True)
        self.kind.setFocus()

    def changes(self) -> dict:
        out = {}
        line = self.line
        if self.customer_id != line.customer_id and self.customer_id is not None:
            out["customer_id"] = self.customer_id
        for name, value in (("kind", self.kind.currentData()), ("caller_name", self.caller_name.text()),
                            ("matter", self.matter.text()), ("answer", self.answer.text())):
            if value != getattr(line, name):
                out[name] = value
        return out

    def save(self) -> bool:
        self.errors.clear()
        if self.void.isChecked():
            kwargs = {"void": True}
        else:
            kwargs = self.changes()
            if not kwargs:
                self.errors.show({"note": self.tr("Nothing was changed: change the line, or void it.")})
                return False
        result = ops.run(self, register.correct, self.line.id, self.ctx.user, self.note.text(), **kwargs,
                         changed=Changed("contacts"))
        if not result.ok:
            self.errors.show(result.field_errors, focus=True)
            return False
        self.result_line = result.value
        self.accept()
        return True


class ContactsTab(QWidget):
    """The contact register: the fast entry form, the follow-ups due and the book."""

    def __init__(self, ctx, parent=None, *, start_intake=None):
        super().__init__(parent)
        self.ctx = ctx
        self.start_intake = start_intake
        self.customer = None
        self.follows_up: ContactEntry | None = None
        self.last_saved: ContactEntry | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        splitter = QSplitter(Qt.Vertical)
        splitter.setChildrenCollapsible(False)
        outer.addWidget(splitter)
        top = QWidget()
        top_row = QHBoxLayout(top)
        top_row.setContentsMargins(0, 0, 0, 0)
        top_row.addWidget(self._build_form(), 3)
        top_row.addWidget(self._build_side(), 2)
        splitter.addWidget(top)
        splitter.addWidget(self._build_book())
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        # The form as tall as it needs, the book the rest (at 1366x768: a dozen lines show).
        splitter.setSizes([top.sizeHint().height(), 1000])
        self.splitter = splitter
        for keys, slot in (("Ctrl+Return", self.save), ("Ctrl+Enter", self.save), ("Escape", self.clear_form),
                           ("Ctrl+R", self.refresh), ("Ctrl+P", self.print_book)):
            QShortcut(QKeySequence(keys), self, slot).setContext(Qt.WidgetWithChildrenShortcut)
        ctx.on_change(("contacts", "counter", "customers"), self.refresh, self)
        ctx.user_changed.connect(self._apply_user)
        self._apply_user()
        self._show_customer()
        self.set_period(dt.date.today() - dt.timedelta(days=6), None)

    # -- building ------------------------------------------------------------------
    def _build_form(self) -> QWidget:
        box = QGroupBox(self.tr("New line"))
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        self.general_error = make_error_label(box)
        self.errors = FieldErrors(self.general_error, limits=ContactEntry)
        self.phone_edit = QLineEdit()
        self.phone_edit.setObjectName("callerEdit")
        self.phone_edit.setPlaceholderText(self.tr("Phone (typed or pasted), name, code or pinyin initials"))
        self.phone_edit.setClearButtonEnabled(True)
        self.search = SearchPopup(self.phone_edit, lambda t: register.caller(t).customers, describe_customer, self)
        self.search.picked.connect(self.set_customer)
        self.phone_edit.textEdited.connect(self._caller_edited)
        self._caller_timer = QTimer(self, singleShot=True, interval=200, timeout=self._look_up_caller)
        self.customer_label = QLabel(self.tr("Unknown caller: the line keeps the number."))
        self.customer_label.setObjectName("customerInfo")
        self.customer_label.setWordWrap(True)
        self.caller_name = QLineEdit()
        self.caller_name.setPlaceholderText(self.tr("Who called (contact person)"))
        self.direction = QComboBox()
        for code in register.DIRECTIONS:
            self.direction.addItem(direction_label(code), code)
        self.channel = QComboBox()
        for code in register.CHANNELS:
            self.channel.addItem(channel_label(code), code)
        self.kind = QComboBox()
        self.kind.setObjectName("kindCombo")
        for code in register.KINDS:
            self.kind.addItem(kind_label(code), code)
        self.job = QComboBox()
        self.job.setObjectName("jobCombo")
        self.matter = QLineEdit()
        self.matter.setObjectName("matterEdit")
        self.matter.setPlaceholderText(self.tr("What the customer wants (Enter saves)"))
        self.answer = QLineEdit()
        self.answer.setObjectName("answerEdit")
        self.answer.setPlaceholderText(self.tr("What was answered (Enter saves)"))
        self.follow_by = QComboBox()
        self.follow_by.setObjectName("followUpBy")
        self.follow_due = QDateEdit()
        self.follow_due.setCalendarPopup(True)
        self.follow_due.setDisplayFormat("yyyy-MM-dd")
        self.follow_due.setDate(QDate(dt.date.today() + dt.timedelta(days=1)))
        self.follow_by.currentIndexChanged.connect(lambda _i: self.follow_due.setEnabled(
            self.follow_by.currentData() is not None))
        self.follows_label = QLabel()
        self.follows_label.setStyleSheet("color: #1565c0;")
        self.follows_label.hide()

        def label(text, buddy):
            lab = QLabel(text)
            lab.setBuddy(buddy)
            return lab

        def cell(name, widget):
            column = QVBoxLayout()
            column.setSpacing(0)
            column.addWidget(widget)
            err = make_error_label(box)
            column.addWidget(err)
            self.errors.add(name, widget, err)
            return column

        grid.addWidget(label(self.tr("&Caller:"), self.phone_edit), 0, 0)
        grid.addLayout(cell("caller_phone", self.phone_edit), 0, 1, 1, 3)
        grid.addWidget(label(self.tr("Contact &person:"), self.caller_name), 0, 4)
        grid.addLayout(cell("caller_name", self.caller_name), 0, 5)
        grid.addWidget(self.customer_label, 1, 1, 1, 5)
        grid.addWidget(label(self.tr("&Kind:"), self.kind), 2, 0)
        grid.addLayout(cell("kind", self.kind), 2, 1)
        grid.addWidget(label(self.tr("Cha&nnel:"), self.channel), 2, 2)
        channel_row = QHBoxLayout()
        channel_row.addWidget(self.channel)
        channel_row.addWidget(self.direction)
        grid.addLayout(channel_row, 2, 3)
        grid.addWidget(label(self.tr("Jo&b:"), self.job), 2, 4)
        grid.addLayout(cell("job", self.job), 2, 5)
        grid.addWidget(label(self.tr("&Matter:"), self.matter), 3, 0)
        grid.addLayout(cell("matter", self.matter), 3, 1, 1, 5)
        grid.addWidget(label(self.tr("&Answer:"), self.answer), 4, 0)
        grid.addLayout(cell("answer", self.answer), 4, 1, 1, 5)
        grid.addWidget(label(self.tr("Follo&w-up by:"), self.follow_by), 5, 0)
        grid.addLayout(cell("follow_up_by", self.follow_by), 5, 1)
        grid.addWidget(QLabel(self.tr("by")), 5, 2, Qt.AlignRight)
        grid.addLayout(cell("follow_up_due", self.follow_due), 5, 3)
        grid.addWidget(self.follows_label, 5, 4, 1, 2)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("&Save (Enter)"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.intake_button = QPushButton(self.tr("Save and start &intake"))
        self.intake_button.setObjectName("intakeButton")
        self.intake_button.setToolTip(self.tr("A repair request: save the line and open the intake with the "
                                              "customer filled in"))
        self.intake_button.clicked.connect(self.save_and_start_intake)
        self.clear_button = QPushButton(self.tr("C&lear (Esc)"))
        self.clear_button.clicked.connect(self.clear_form)
        self.saved_label = QLabel()
        self.saved_label.setObjectName("savedLabel")
        self.saved_label.setStyleSheet("color: #2e7d32;")
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.intake_button)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.saved_label, 1)
        grid.addLayout(buttons, 6, 0, 1, 6)
        grid.addWidget(self.general_error, 7, 0, 1, 6)
        grid.setRowStretch(8, 1)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(3, 1)
        grid.setColumnStretch(5, 2)
        self.matter.returnPressed.connect(self.save)
        self.answer.returnPressed.connect(self.save)
        self.caller_name.returnPressed.connect(self.kind.setFocus)
        self.kind.currentIndexChanged.connect(self._update_buttons)
        return box

    def _build_side(self) -> QWidget:
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        self.jobs_box = QGroupBox(self.tr("The customer's open jobs"))
        jl = QVBoxLayout(self.jobs_box)
        self.jobs_list = QListWidget()
        self.jobs_list.setObjectName("openJobs")
        self.jobs_list.itemActivated.connect(lambda item: self.ctx.open_job.emit(item.data(Qt.UserRole)))
        jl.addWidget(self.jobs_list)
        for lst in (self.jobs_list,):
            lst.setMaximumHeight(lst.fontMetrics().height() * 5 + 12)
        column.addWidget(self.jobs_box, 1)
        self.follow_box = QGroupBox(self.tr("My follow-ups due"))
        fl = QVBoxLayout(self.follow_box)
        self.follow_list = QListWidget()
        self.follow_list.setObjectName("followUps")
        self.follow_list.setToolTip(self.tr("Due today or overdue. Double-click (or Enter) to record the "
                                            "follow-up."))
        self.follow_list.itemActivated.connect(self._follow_up_activated)
        fl.addWidget(self.follow_list)
        self.follow_list.setMaximumHeight(self.follow_list.fontMetrics().height() * 6 + 12)
        column.addWidget(self.follow_box, 1)
        return side

    def _build_book(self) -> QWidget:
        book = QWidget()
        column = QVBoxLayout(book)
        column.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.from_date, self.to_date = QDateEdit(), QDateEdit()
        for edit in (self.from_date, self.to_date):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setMinimumDate(NO_DATE)
            edit.setSpecialValueText(self.tr("Any"))
            edit.dateChanged.connect(self.apply_filters)
        self.customer_filter = QLineEdit()
        self.customer_filter.setObjectName("customerFilter")
        self.customer_filter.setPlaceholderText(self.tr("Customer or number"))
        self.customer_filter.setClearButtonEnabled(True)
        self.text_filter = QLineEdit()
        self.text_filter.setPlaceholderText(self.tr("Word in matter/answer"))
        self.text_filter.setClearButtonEnabled(True)
        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("kindFilter")
        self.kind_filter.addItem(self.tr("All kinds"), None)
        for code in register.KINDS:
            self.kind_filter.addItem(kind_label(code), code)
        self.staff_filter = QComboBox()
        self.staff_filter.setObjectName("staffFilter")
        self._filter_timer = QTimer(self, singleShot=True, interval=250, timeout=self.apply_filters)
        for edit in (self.customer_filter, self.text_filter):
            edit.textChanged.connect(self._filter_timer.start)
            edit.returnPressed.connect(self.apply_filters)
        for combo in (self.kind_filter, self.staff_filter):
            combo.currentIndexChanged.connect(self.apply_filters)
        bar.addWidget(QLabel(self.tr("From")))
        bar.addWidget(self.from_date)
        bar.addWidget(QLabel(self.tr("to")))
        bar.addWidget(self.to_date)
        today = QPushButton(self.tr("Today"))
        today.clicked.connect(lambda: self.set_period(dt.date.today(), None))
        month = QPushButton(self.tr("This month"))
        month.clicked.connect(lambda: self.set_period(dt.date.today().replace(day=1), None))
        bar.addWidget(today)
        bar.addWidget(month)
        bar.addWidget(self.customer_filter, 2)
        bar.addWidget(self.kind_filter)
        bar.addWidget(self.staff_filter)
        bar.addWidget(self.text_filter, 1)
        column.addLayout(bar)
        self.view = QTableView()
        self.view.setObjectName("contactsView")
        self.model = ContactsModel(self)
        setup_view(self.view, self.model)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.AscendingOrder)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.view.activated.connect(self._line_activated)
        column.addWidget(self.view, 1)
        actions = QHBoxLayout()
        self.status = QLabel()
        self.status.setObjectName("bookStatus")
        self.correct_button = QPushButton(self.tr("Co&rrect line…"))
        self.correct_button.setObjectName("correctButton")
        self.correct_button.clicked.connect(self.correct_selected)
        self.export_button = QPushButton(self.tr("E&xport .xlsx…"))
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(self.export)
        self.print_button = QPushButton(self.tr("Print the b&ook…"))
        self.print_button.setObjectName("printBookButton")
        self.print_button.setToolTip(self.tr("The register's pages for a range of days, on A4 (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_book)
        actions.addWidget(self.status, 1)
        actions.addWidget(self.correct_button)
        actions.addWidget(self.export_button)
        actions.addWidget(self.print_button)
        self.book_actions = actions
        column.addLayout(actions)
        return book

    # -- the user ------------------------------------------------------------------
    def _apply_user(self) -> None:
        may_record = self.ctx.can("contacts.record")
        for w in (self.save_button, self.intake_button, self.phone_edit, self.matter, self.answer):
            w.setEnabled(may_record)
        self.correct_button.setVisible(self.ctx.can("contacts.correct"))
        self.export_button.setVisible(self.ctx.can("contacts.read"))
        self.print_button.setVisible(self.ctx.can("contacts.read"))
        self._load_staff()
        self.refresh_follow_ups()
        self._update_buttons()

    def _load_staff(self) -> None:
        staff = list(User.select().where(User.active == True).order_by(User.display_name))  # noqa: E712
        for combo, first in ((self.follow_by, self.tr("— no follow-up —")), (self.staff_filter, self.tr("All staff"))):
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(first, None)
            for u in staff:
                combo.addItem(u.display_name, u.id)
            index = combo.findData(keep)
            combo.setCurrentIndex(index if index >= 0 else 0)
            combo.blockSignals(False)
        self.follow_due.setEnabled(self.follow_by.currentData() is not None)

    # -- the caller ------------------------------------------------------------------
    def _caller_edited(self, _text: str) -> None:
        if self.customer is not None:
            self.customer = None
            self._show_customer()
        self._caller_timer.start()

    def _look_up_caller(self) -> None:
        """A whole number that belongs to exactly one customer picks them at once."""
        text = self.phone_edit.text().strip()
        if not text or self.customer is not None:
            return
        value, error = phones.check(text)
        if error or not value:
            return
        result = ops.run(self, register.caller, text)
        if result.ok and len(result.value.customers) == 1:
            self.set_customer(result.value.customers[0], keep_text=True)
        elif result.ok:
            self._show_customer(result.value)

    def set_customer(self, customer, keep_text: bool = False) -> None:
        self.customer = customer
        self.search.reset()
        typed = self.phone_edit.text().strip()
        if not keep_text and (not typed or phones.check(typed)[1] is not None):
            # Found by a name or a part of a number: the field shows the customer's number.
            self.phone_edit.setText(customer.phone or customer.name)
        self.errors.clear("customer")
        self._show_customer()
        if self.phone_edit.hasFocus():
            self.caller_name.setFocus()

    def _show_customer(self, caller=None) -> None:
        self.jobs_list.clear()
        self.job.clear()
        self.job.addItem(self.tr("— none —"), None)
        c = self.customer
        if c is None:
            text = self.tr("Unknown caller: the line keeps the number.")
            if caller is not None and caller.last_lines:
                last = caller.last_lines[0]
                text += " " + self.tr("Called before: %1 on %2.").replace("%1", last.number).replace(
                    "%2", fmt_date(last.at))
            self.customer_label.setText(text)
            self._update_buttons()
            return
        self.customer_label.setText(f"<b>{c.name}</b> &nbsp; {c.code} &nbsp; {c.phone} &nbsp; {c.address or ''}")
        for job in register.open_jobs(c.id):
            text = f"{job.number}  ·  {job.unit.product.name}  ·  {job.unit.serial}  ·  {job.fault[:30]}"
            item = QListWidgetItem(text)
            item.setData(Qt.UserRole, job.id)
            self.jobs_list.addItem(item)
            self.job.addItem(f"{job.number}  {job.unit.product.name}", job.id)
        if self.jobs_list.count() == 0:
            self.jobs_list.addItem(self.tr("No job in the shop."))
        self._update_buttons()

    # -- saving ---------------------------------------------------------------------
    def form(self) -> ContactForm:
        text = self.phone_edit.text().strip()
        value, error = phones.check(text) if text else ("", None)
        if self.customer is not None:
            caller_phone = value if text and not error and value else ""
        else:
            # An unknown caller: what was typed must be a number (the service names it if not).
            caller_phone = text
        by = self.follow_by.currentData()
        return ContactForm(kind=self.kind.currentData(), matter=self.matter.text(), answer=self.answer.text(),
                           channel=self.channel.currentData(), direction=self.direction.currentData(),
                           customer_id=self.customer.id if self.customer is not None else None,
                           caller_name=self.caller_name.text(), caller_phone=caller_phone,
                           job_id=self.job.currentData(), follow_up_by_id=by,
                           follow_up_due=self.follow_due.date().toPython() if by is not None else None,
                           follows_up_id=self.follows_up.id if self.follows_up is not None else None)

    def save(self) -> ContactEntry | None:
        """Save the line and clear the form for the next call."""
        if not self.ctx.can("contacts.record"):
            return None
        self.errors.clear()
        result = ops.run(self, register.record, self.form(), self.ctx.user, changed=Changed("contacts"))
        if not result.ok:
            if result.field_errors:
                shown = dict(result.field_errors)
                if "customer" in shown:
                    shown["caller_phone"] = shown.pop("customer")
                self.errors.show(shown, focus=True)
            return None
        line = self.last_saved = result.value
        self.clear_form()
        self.saved_label.setText(self.tr("Saved %1.").replace("%1", line.number))
        if line.kind == "complaint":
            self.complaint_from_line(line)
        return line

    def complaint_from_line(self, line: ContactEntry):
        """A complaint line turns into a complaint record with the line linked (the complaints
        book's dialog, where one is installed and the user may receive complaints)."""
        from app.ui.base import slots

        make = slots.action("complaint_from_contact")
        if make is None or not self.ctx.can("complaint.record"):
            return None
        return make(self.ctx, line.id, self)

    def save_and_start_intake(self) -> ContactEntry | None:
        """A repair request: the line (kind repair) saved, then the intake opened for the customer."""
        customer = self.customer
        if customer is None:
            self.errors.show({"caller_phone": self.tr("Choose the customer first: the intake needs one.")},
                             focus=True)
            return None
        self.kind.setCurrentIndex(self.kind.findData("repair"))
        matter = self.matter.text()
        line = self.save()
        if line is not None and self.start_intake is not None:
            self.start_intake(customer, matter)
        return line

    def clear_form(self) -> None:
        self.search.reset()
        self._caller_timer.stop()
        self.customer = None
        self.follows_up = None
        self.follows_label.hide()
        for w in (self.phone_edit, self.caller_name, self.matter, self.answer):
            w.clear()
        self.kind.setCurrentIndex(0)
        self.direction.setCurrentIndex(0)
        self.channel.setCurrentIndex(0)
        self.follow_by.setCurrentIndex(0)
        self.follow_due.setDate(QDate(dt.date.today() + dt.timedelta(days=1)))
        self.errors.clear()
        self.saved_label.clear()
        self._show_customer()
        self.phone_edit.setFocus()

    def focus_first(self) -> None:
        self.phone_edit.setFocus()

    # -- follow-ups -----------------------------------------------------------------
    def refresh_follow_ups(self) -> None:
        self.follow_list.clear()
        user = self.ctx.user
        lines = register.follow_ups_due(user) if user is not None else []
        today = dt.date.today()
        for line in lines:
            who = line.customer_name or line.caller_phone
            text = f"{fmt_date(line.follow_up_due)}  {line.number}  ·  {who}  ·  {line.matter[:40]}"
            item = QListWidgetItem(text)
            item.setData(Qt.UserRole, line.id)
            if register.is_overdue(line, today):
                item.setForeground(Qt.red)
                item.setToolTip(self.tr("Overdue"))
            self.follow_list.addItem(item)
        self.follow_box.setTitle(self.tr("My follow-ups due (%1)").replace("%1", str(len(lines))))

    def _follow_up_activated(self, item) -> None:
        line_id = item.data(Qt.UserRole)
        if line_id is not None:
            self.start_follow_up(register.get(line_id))

    def start_follow_up(self, line: ContactEntry) -> None:
        """The form set for the line that follows ``line`` up: an outgoing call to the same caller."""
        self.clear_form()
        self.follows_up = line
        self.follows_label.setText(self.tr("Follows up %1").replace("%1", line.number))
        self.follows_label.show()
        self.direction.setCurrentIndex(self.direction.findData("out"))
        self.kind.setCurrentIndex(self.kind.findData(line.kind))
        self.caller_name.setText(line.caller_name)
        if line.customer_id is not None:
            self.phone_edit.setText(line.caller_phone or line.customer.phone or line.customer_name)
            self.set_customer(line.customer, keep_text=True)
            if line.job_id is not None:
                index = self.job.findData(line.job_id)
                if index >= 0:
                    self.job.setCurrentIndex(index)
        else:
            self.phone_edit.setText(line.caller_phone)
        self.matter.setText(self.tr("Follow-up: %1").replace("%1", line.matter))
        self.answer.setFocus()

    # -- the book ------------------------------------------------------------------
    def set_period(self, date_from: dt.date | None, date_to: dt.date | None) -> None:
        for edit, value in ((self.from_date, date_from), (self.to_date, date_to)):
            edit.blockSignals(True)
            edit.setDate(QDate(value) if value else NO_DATE)
            edit.blockSignals(False)
        self.apply_filters()

    def current_filters(self) -> dict:
        def date_of(edit):
            return None if edit.date() == NO_DATE else edit.date().toPython()
        return dict(date_from=date_of(self.from_date), date_to=date_of(self.to_date),
                    customer=self.customer_filter.text(), kind=self.kind_filter.currentData(),
                    staff_id=self.staff_filter.currentData(), text=self.text_filter.text())

    def apply_filters(self) -> None:
        self._filter_timer.stop()
        self.model.filters = self.current_filters()
        self.model.load()
        self._update_status()

    def refresh(self) -> None:
        self.model.filters = self.current_filters()
        self.model.refresh(self.view.selectionModel())
        self.refresh_follow_ups()
        self._update_status()

    def _update_status(self) -> None:
        n, more = self.model.count()
        self.status.setText(self.tr("%1+ lines").replace("%1", f"{n:,}") if more else self.tr("%n line(s)", "", n))
        self._update_buttons()

    def selected_line(self) -> ContactEntry | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.object_at(rows[0].row()) if rows else None

    def _update_buttons(self, *_args) -> None:
        line = self.selected_line()
        self.correct_button.setEnabled(line is not None and not line.voided and not line.superseded
                                       and self.ctx.can("contacts.correct"))
        self.intake_button.setEnabled(self.ctx.can("contacts.record") and self.customer is not None
                                      and self.start_intake is not None)

    def _line_activated(self, index) -> None:
        line = self.model.object_at(index.row())
        if line is not None and line.job_id is not None:
            self.ctx.open_job.emit(line.job_id)

    def correct_selected(self) -> bool:
        line = self.selected_line()
        if line is None:
            return False
        return CorrectionDialog(self.ctx, line, self).exec() == QDialog.Accepted

    def print_book(self) -> bool:
        """The book's pages for a range of days (asked; the date filter's, or this month), through the
        A4 printer's preview."""
        from app.ui.base import print_service
        from app.ui.contacts.book_dialog import ContactBookDialog, default_range

        if not self.ctx.can("contacts.read"):
            return False
        f = self.current_filters()
        answer = ContactBookDialog.ask(self, self.ctx, *default_range(f["date_from"], f["date_to"], dt.date.today()))
        if answer is None:
            return False
        pdf, first, last = answer
        title = self.tr("Contact register %1 to %2").replace("%1", first.isoformat()).replace("%2", last.isoformat())
        return print_service.print_pdf(self, pdf, "voucher", title, preview=True)

    def export(self, path: str | None = None) -> int | None:
        """The lines the filters find, to an .xlsx file (asked for unless given)."""
        if path is None:
            suggested = f"contacts-{dt.date.today():%Y%m%d}.xlsx"
            path, _f = QFileDialog.getSaveFileName(self, self.tr("Export the contact register"), suggested,
                                                   self.tr("Excel workbook (*.xlsx)"))
            if not path:
                return None
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        header = [self.tr("No."), self.tr("Time"), self.tr("In/Out"), self.tr("Channel"), self.tr("Customer"),
                  self.tr("Contact person"), self.tr("Phone"), self.tr("Kind"), self.tr("Matter"), self.tr("Answer"),
                  self.tr("Job"), self.tr("Taken by"), self.tr("Follow-up by"), self.tr("Follow-up due"),
                  self.tr("Corrects"), self.tr("Void"), self.tr("Reason of the correction")]
        names = {**{c: direction_label(c) for c in register.DIRECTIONS},
                 **{c: channel_label(c) for c in register.CHANNELS}, **{c: kind_label(c) for c in register.KINDS}}
        result = ops.run(self, register.export_xlsx, self.ctx.user, path,
                         register.query(**self.current_filters()), header, names, show_validation=True)
        if not result.ok:
            return None
        QMessageBox.information(self, self.tr("Exported"),
                                self.tr("%n line(s) written to %1.", "", result.value).replace("%1", path))
        return result.value
