"""The visit form: plan a visit, change a planned one, record its report
(走访用户汇报, 附表4) or correct a done visit's report.

Left, the plan: staff member, customer (found as you type, as at the
intake counter), kind, month, day, accompanying manager, the purposes as
check boxes (those of the kind, and §3.4's when a manager comes along: the
list changes with both), goal, contact person and place. Right, the
report: actual date, main gains, the customer's reactions, improvement
suggestions, a complaint heard. Which part is editable follows the visit's
state; the domain checks everything again and its messages show beside the
fields.
"""
from __future__ import annotations

import datetime as dt

from app.domain.customers import customers
from app.domain.field import visit_outcomes, visits
from app.domain.field.models import Visit
from app.ui.base import ops
from app.ui.base.screen import ScrollBody
from app.ui.base.widgets import FieldErrors, SearchPopup, colon, make_error_label
from app.ui.field.visit_list import print_visit_report
from app.ui.qt import (QCheckBox, QComboBox, QDate, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QGridLayout,
                       QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, Qt, QVBoxLayout, QWidget)


def _qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


def _text_edit(lines: int = 3) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 12)
    return edit


class MonthEdit(QDateEdit):
    """A month as yyyy-MM whose arrows and Up/Down go on into the next or
    the previous year (December, one step up: January of the next year)."""

    def __init__(self, date: QDate, parent=None):
        super().__init__(date, parent)
        self.setDisplayFormat("yyyy-MM")
        self.setCurrentSection(QDateEdit.MonthSection)

    def stepBy(self, steps: int) -> None:  # noqa: N802 - Qt API
        if self.currentSection() == QDateEdit.YearSection:
            self.setDate(self.date().addYears(steps))
        else:
            self.setDate(self.date().addMonths(steps))

    def stepEnabled(self):  # noqa: N802 - Qt API
        return QDateEdit.StepUpEnabled | QDateEdit.StepDownEnabled


class VisitDialog(QDialog):
    """``mode``: "new", "edit" (a planned visit), "report" (record it as made),
    "view" (read only; a done visit's report is correctable by its staff
    member or a manager)."""

    def __init__(self, ctx, visit_id: int | None = None, *, mode: str = "edit", staff_id: int | None = None,
                 month: dt.date | None = None, plan_id: int | None = None, parent=None):
        super().__init__(parent)
        self.ctx, self.plan_id = ctx, plan_id
        self.visit = visits.get_visit(ctx.user, visit_id) if visit_id else None
        if self.visit is not None and self.visit.status != "planned" and mode in ("edit", "report"):
            mode = "view"
        self.mode = "new" if self.visit is None else mode
        self.customer_id = self.visit.customer_id if self.visit else None
        self.saved = None
        self.fallback = make_error_label()
        self.errors = FieldErrors(self.fallback, limits=Visit)
        self._build(staff_id, month or visits.month_start(visits.today()))
        self._fill()
        self._apply_mode()

    # --- layout ---------------------------------------------------------------
    def _build(self, staff_id, month) -> None:
        self.setMinimumWidth(720)
        outer = QVBoxLayout(self)
        # The plan and its report side by side, scrolling if still too tall:
        # the buttons stay on a 1366 x 768 screen whatever the dialog shows.
        body = QWidget()
        columns = QHBoxLayout(body)
        columns.setContentsMargins(0, 0, 0, 0)
        plan_box = QGroupBox(self.tr("Visit"))
        form = QFormLayout(plan_box)
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        add = self.errors.add_form_row
        self.staff_combo = QComboBox()
        for u in visits.staff_choices(self.ctx.user):
            self.staff_combo.addItem(u.display_name, u.id)
        if self.visit is not None and self.staff_combo.findData(self.visit.staff_id) < 0:
            self.staff_combo.addItem(self.visit.staff.display_name, self.visit.staff_id)
        want = self.visit.staff_id if self.visit else (staff_id or (self.ctx.user.id if self.ctx.user else None))
        self.staff_combo.setCurrentIndex(max(0, self.staff_combo.findData(want)))
        add(form, colon(self.tr("Staff")), "staff", self.staff_combo)
        self.customer_edit = QLineEdit()
        self.customer_edit.setPlaceholderText(self.tr("Name, phone, code or pinyin initials"))
        self.customer_label = QLabel()
        row = QWidget()
        h = QHBoxLayout(row)
        h.setContentsMargins(0, 0, 0, 0)
        h.addWidget(self.customer_edit, 2)
        h.addWidget(self.customer_label, 3)
        add(form, colon(self.tr("Customer")), "customer", row)
        self.search = SearchPopup(self.customer_edit, customers.search,
                                  lambda c: f"{c.name}  {c.code}  {c.phone}", self)
        self.search.picked.connect(self._set_customer)
        self.kind_combo = QComboBox()
        for k in visits.KINDS:
            self.kind_combo.addItem(ops.translated(visits.KIND_LABELS[k]), k)
        add(form, colon(self.tr("Kind")), "kind", self.kind_combo)
        self.month_edit = MonthEdit(_qdate(month))
        add(form, colon(self.tr("Month")), "due_month", self.month_edit)
        day_row = QWidget()
        h = QHBoxLayout(day_row)
        h.setContentsMargins(0, 0, 0, 0)
        self.day_check = QCheckBox(self.tr("Fixed day"))
        self.day_edit = QDateEdit(_qdate(month))
        self.day_edit.setDisplayFormat("yyyy-MM-dd")
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setEnabled(False)
        self.day_check.toggled.connect(self.day_edit.setEnabled)
        h.addWidget(self.day_check)
        h.addWidget(self.day_edit)
        h.addStretch(1)
        add(form, colon(self.tr("Day")), "planned_date", day_row)
        self.manager_combo = QComboBox()
        self.manager_combo.addItem(self.tr("(none)"), None)
        for u in visits.managers():
            self.manager_combo.addItem(u.display_name, u.id)
        add(form, colon(self.tr("Manager")), "manager", self.manager_combo)
        self.purpose_box = QWidget()
        self.purpose_grid = QGridLayout(self.purpose_box)
        self.purpose_grid.setContentsMargins(0, 0, 0, 0)
        self.purpose_checks: dict[str, QCheckBox] = {}
        add(form, colon(self.tr("Purposes")), "purposes", self.purpose_box)
        self.goal_edit = _text_edit(2)
        add(form, colon(self.tr("Goal")), "goal", self.goal_edit)
        self.contact_edit = QLineEdit()
        add(form, colon(self.tr("Contact")), "contact_person", self.contact_edit)
        self.place_edit = QLineEdit()
        add(form, colon(self.tr("Place")), "place", self.place_edit)
        self.kind_combo.currentIndexChanged.connect(self._rebuild_purposes)
        self.manager_combo.currentIndexChanged.connect(self._rebuild_purposes)
        self.month_edit.dateChanged.connect(self._month_changed)
        columns.addWidget(plan_box, 1, Qt.AlignTop)

        self.report_box = QGroupBox(self.tr("Visit report"))
        rform = QFormLayout(self.report_box)
        rform.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.actual_edit = QDateEdit(_qdate(visits.today()))
        self.actual_edit.setDisplayFormat("yyyy-MM-dd")
        self.actual_edit.setCalendarPopup(True)
        add(rform, colon(self.tr("Visited on")), "actual_date", self.actual_edit)
        self.gains_edit = _text_edit(3)
        add(rform, colon(self.tr("Main gains")), "gains", self.gains_edit)
        self.reactions_edit = _text_edit(2)
        add(rform, colon(self.tr("Reactions")), "reactions", self.reactions_edit)
        self.suggestions_edit = _text_edit(2)
        add(rform, colon(self.tr("Suggestions")), "suggestions", self.suggestions_edit)
        self.complaint_edit = _text_edit(2)
        self.complaint_edit.setPlaceholderText(self.tr("A complaint the customer made, if any"))
        add(rform, colon(self.tr("Complaint")), "complaint_text", self.complaint_edit)
        columns.addWidget(self.report_box, 1, Qt.AlignTop)
        self.body = ScrollBody(body)
        outer.addWidget(self.body, 1)
        outer.addWidget(self.fallback)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        self.print_button = QPushButton(self.tr("Print report"))
        self.print_button.clicked.connect(self.print_report)
        self.buttons.addButton(self.print_button, QDialogButtonBox.ActionRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        self._rebuild_purposes()

    def _month_changed(self, q: QDate) -> None:
        if (self.day_edit.date().year(), self.day_edit.date().month()) != (q.year(), q.month()):
            self.day_edit.setDate(QDate(q.year(), q.month(), 1))

    def _rebuild_purposes(self) -> None:
        ticked = {c for c, box in self.purpose_checks.items() if box.isChecked()}
        while self.purpose_grid.count():
            item = self.purpose_grid.takeAt(0)
            if item.widget():
                # Hidden at once: deleteLater waits for the event loop the
                # dialog was built in, and exec() runs a loop of its own.
                item.widget().hide()
                item.widget().deleteLater()
        self.purpose_checks = {}
        codes = visits.purposes_for(self.kind_combo.currentData(), self.manager_combo.currentData() is not None)
        own = [c for c in codes if not c.startswith("manager.")]
        mgr = [c for c in codes if c.startswith("manager.")]
        for i, code in enumerate(own + mgr):
            box = QCheckBox(f"{code.split('.')[1]}. {ops.translated(visits.PURPOSES[code])}")
            box.setChecked(code in ticked)
            box.toggled.connect(lambda *_: self.errors.clear("purposes"))
            self.purpose_checks[code] = box
            if i < len(own):
                self.purpose_grid.addWidget(box, i, 0, 1, 2)
            else:
                j = i - len(own)
                self.purpose_grid.addWidget(box, len(own) + 1 + j // 2, j % 2)
        if mgr:
            head = QLabel(self.tr("With the manager (§3.4):"))
            self.purpose_grid.addWidget(head, len(own), 0, 1, 2)
        self.purpose_grid.setColumnStretch(1, 1)

    def _set_customer(self, c) -> None:
        self.customer_id = c.id
        self.customer_edit.setText(c.name)
        self.customer_label.setText(f"{c.code}  {c.phone}")
        if not self.place_edit.text():
            self.place_edit.setText(c.address)
        self.errors.clear("customer")
        self.kind_combo.setFocus()

    # --- values -------------------------------------------------------------------
    def _fill(self) -> None:
        v = self.visit
        if v is None:
            self.setWindowTitle(self.tr("New visit"))
            return
        self.setWindowTitle(self.tr("Visit %1").replace("%1", v.number))
        self.customer_edit.setText(v.customer.name)
        self.customer_label.setText(f"{v.customer.code}  {v.customer.phone}")
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(v.kind))
        self.month_edit.setDate(_qdate(v.due_month))
        self.day_check.setChecked(v.planned_date is not None)
        if v.planned_date:
            self.day_edit.setDate(_qdate(v.planned_date))
        self.manager_combo.setCurrentIndex(max(0, self.manager_combo.findData(v.manager_id)))
        self._rebuild_purposes()
        for code in v.purpose_codes:
            if code in self.purpose_checks:
                self.purpose_checks[code].setChecked(True)
        self.goal_edit.setPlainText(v.goal)
        self.contact_edit.setText(v.contact_person)
        self.place_edit.setText(v.place)
        if v.actual_date:
            self.actual_edit.setDate(_qdate(v.actual_date))
        self.gains_edit.setPlainText(v.gains)
        self.reactions_edit.setPlainText(v.reactions)
        self.suggestions_edit.setPlainText(v.suggestions)
        self.complaint_edit.setPlainText(v.complaint_text)

    def _may_correct(self) -> bool:
        v, u = self.visit, self.ctx.user
        return (v is not None and v.status == "done" and u is not None
                and (self.ctx.can("visit.approve") or (self.ctx.can("visit.plan") and v.staff_id == u.id)))

    def _apply_mode(self) -> None:
        plan_editable = self.mode in ("new", "edit")
        report_editable = self.mode == "report" or (self.mode == "view" and self._may_correct())
        for w in (self.customer_edit, self.kind_combo, self.month_edit, self.day_check, self.manager_combo,
                  self.purpose_box, self.goal_edit):
            w.setEnabled(plan_editable)
        self.day_edit.setEnabled(plan_editable and self.day_check.isChecked())
        self.staff_combo.setEnabled(self.mode == "new" and self.staff_combo.count() > 1)
        # Whom they met and where may be filled in with the report.
        for w in (self.contact_edit, self.place_edit):
            w.setEnabled(plan_editable or report_editable)
        self.report_box.setVisible(self.mode in ("report", "view") and self.visit.status in ("planned", "done"))
        for w in (self.actual_edit, self.gains_edit, self.reactions_edit, self.suggestions_edit, self.complaint_edit):
            w.setReadOnly(not report_editable)
        self.actual_edit.setEnabled(report_editable)
        save = self.buttons.button(QDialogButtonBox.Save)
        save.setVisible(plan_editable or report_editable)
        if self.mode == "report":
            save.setText(self.tr("Record as done"))
            self.report_box.setTitle(self.tr("Visit report (form 4)"))
            self.gains_edit.setFocus()
        elif self.mode == "view" and report_editable:
            save.setText(self.tr("Save correction"))
        self.print_button.setVisible(self.visit is not None)
        if self.mode == "new":
            self.customer_edit.setFocus()

    def values(self) -> dict:
        return dict(customer_id=self.customer_id, kind=self.kind_combo.currentData(),
                    due_month=_pydate(self.month_edit.date()),
                    planned_date=_pydate(self.day_edit.date()) if self.day_check.isChecked() else None,
                    purposes=[c for c, b in self.purpose_checks.items() if b.isChecked()],
                    manager_id=self.manager_combo.currentData(), goal=self.goal_edit.toPlainText(),
                    contact_person=self.contact_edit.text(), place=self.place_edit.text())

    def report_values(self) -> dict:
        return dict(actual_date=_pydate(self.actual_edit.date()), gains=self.gains_edit.toPlainText(),
                    reactions=self.reactions_edit.toPlainText(), suggestions=self.suggestions_edit.toPlainText(),
                    complaint_text=self.complaint_edit.toPlainText(), contact_person=self.contact_edit.text(),
                    place=self.place_edit.text())

    def save(self) -> None:
        user = self.ctx.user
        if self.mode == "new":
            result = ops.run(self, visits.create_visit, user, staff_id=self.staff_combo.currentData(),
                             plan_id=self.plan_id, **self.values(), changed="field")
        elif self.mode == "edit":
            result = ops.run(self, visits.update_visit, user, self.visit.id, self.visit.version, **self.values(),
                             changed="field")
        elif self.mode == "report":
            result = ops.run(self, visit_outcomes.record_report, user, self.visit.id, self.visit.version,
                             **self.report_values(), changed="field")
        else:
            result = ops.run(self, visit_outcomes.correct_report, user, self.visit.id, self.visit.version,
                             **self.report_values(), changed="field")
        if not result.ok:
            self.errors.show(result.field_errors, focus=True)
            return
        self.saved = result.value
        self.accept()

    def print_report(self) -> None:
        print_visit_report(self, self.ctx, self.visit)
