"""The "Surveys" page of the visit planning tab: returned satisfaction
surveys (用户满意度调查表, 附表3) listed and filtered, entered, corrected,
deleted; the blank form or one customer's form printed; the results.

Keys: Ctrl+N enters a returned survey, Enter or a double-click opens the
selected one, Del deletes it (the same day, or a manager), Ctrl+P prints a
blank form, Ctrl+R refreshes (as on the other tabs), Ctrl+Shift+R opens the
results. The page refreshes whenever field service changed (``ctx.on_change``);
its own changes are announced by the operation runner.
"""
from __future__ import annotations

import datetime as dt

from app.domain.core import printed
from app.domain.core.models import User
from app.domain.customers.models import Customer
from app.domain.field import survey_results, surveys
from app.ui.base import ops, prefs
from app.ui.base.table_models import RIGHT, Column, ListTableModel, setup_view
from app.ui.base.widgets import SearchPopup, colon, fmt_date
from app.ui.field.survey_dialog import SurveyDialog, describe_customer, surveys_customer_search
from app.ui.qt import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                       QKeySequence, QLabel, QLineEdit, QMessageBox, QPushButton, QShortcut, Qt, QTableView, QTimer,
                       QVBoxLayout, QWidget)

PERIODS = ("12m", "year", "last_year", "quarter", "all")


def period_range(code: str, today: dt.date) -> tuple[dt.date | None, dt.date | None]:
    """The returned-date range of a period choice."""
    if code == "12m":
        return today - dt.timedelta(days=365), None
    if code == "year":
        return dt.date(today.year, 1, 1), None
    if code == "last_year":
        return dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31)
    if code == "quarter":
        return survey_results.period_start(today, "quarter"), None
    return None, None


class SurveysPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        lay = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.period = QComboBox()
        for code, text in zip(PERIODS, (self.tr("Last 12 months"), self.tr("This year"), self.tr("Last year"),
                                        self.tr("This quarter"), self.tr("All"))):
            self.period.addItem(text, code)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Number, customer, respondent"))
        self.search.setClearButtonEnabled(True)
        self.staff = QComboBox()
        self.staff.addItem(self.tr("All staff"), None)
        for u in User.select().where(User.role.in_(("business", "manager", "info_manager"))).order_by(User.display_name):
            self.staff.addItem(u.display_name, u.id)
        for text, w in ((self.tr("Returned"), self.period), (self.tr("Search"), self.search),
                        (self.tr("Handed out by"), self.staff)):
            bar.addWidget(QLabel(colon(text)))
            bar.addWidget(w)
        bar.setStretchFactor(self.search, 1)
        lay.addLayout(bar)

        actions = QHBoxLayout()
        self.new_button = QPushButton(self.tr("Enter returned survey…"))
        self.new_button.setToolTip(self.tr("Ctrl+N"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.blank_button = QPushButton(self.tr("Print blank form"))
        self.blank_button.setToolTip(self.tr("Ctrl+P"))
        self.customer_button = QPushButton(self.tr("Print for customer…"))
        self.results_button = QPushButton(self.tr("Results…"))
        self.results_button.setToolTip(self.tr("Ctrl+Shift+R"))
        for b in (self.new_button, self.edit_button, self.delete_button):
            actions.addWidget(b)
        actions.addSpacing(16)
        for b in (self.blank_button, self.customer_button):
            actions.addWidget(b)
        actions.addStretch(1)
        self.count_label = QLabel()
        actions.addWidget(self.count_label)
        actions.addWidget(self.results_button)
        lay.addLayout(actions)

        self.model = ListTableModel([
            Column(self.tr("Number"), lambda r: r.number, width=130),
            Column(self.tr("Customer"), lambda r: r.customer.name, width=260),
            Column(self.tr("Returned"), lambda r: fmt_date(r.returned_on), width=95),
            Column(self.tr("Respondent"), lambda r: " ".join(x for x in (r.respondent, r.respondent_title) if x),
                   width=150),
            Column(self.tr("Average"), lambda r: "" if r.average is None else f"{r.average:.2f}", align=RIGHT,
                   width=70, foreground=lambda r: "#c62828" if r.average is not None and r.average < 3 else None),
            Column(self.tr("Handed out by"), lambda r: r.staff.display_name if r.staff_id else "", width=100),
            Column(self.tr("Comments"), lambda r: r.comments.replace("\n", " "), tooltip=lambda r: r.comments),
        ])
        self.view = QTableView()
        setup_view(self.view, self.model)
        self.view.setSelectionMode(QAbstractItemView.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.view.doubleClicked.connect(lambda _i: self.edit())
        self.view.installEventFilter(self)
        lay.addWidget(self.view, 1)

        self.new_button.clicked.connect(self.new)
        self.edit_button.clicked.connect(self.edit)
        self.delete_button.clicked.connect(self.delete)
        self.blank_button.clicked.connect(lambda: self.print_form(None))
        self.customer_button.clicked.connect(self.print_for_customer)
        self.results_button.clicked.connect(self.show_results)
        for seq, slot in ((QKeySequence.New, self.new), (QKeySequence.Print, lambda: self.print_form(None)),
                          (QKeySequence("Ctrl+R"), self.reload), (QKeySequence("Ctrl+Shift+R"), self.show_results)):
            QShortcut(seq, self, activated=slot, context=Qt.WidgetWithChildrenShortcut)
        self._timer = QTimer(self, singleShot=True, interval=200, timeout=self.reload)
        self.search.textChanged.connect(self._timer.start)
        self.search.returnPressed.connect(self.reload)
        self.period.currentIndexChanged.connect(self.reload)
        self.staff.currentIndexChanged.connect(self.reload)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        ctx.on_change("field", self.reload, self)
        ctx.user_changed.connect(self.reload)
        self.reload()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        from app.ui.qt import QEvent

        if obj is self.view and event.type() == QEvent.KeyPress:
            if event.key() in (Qt.Key_Return, Qt.Key_Enter):
                self.edit()
                return True
            if event.key() == Qt.Key_Delete:
                self.delete()
                return True
        return super().eventFilter(obj, event)

    # -- the list ------------------------------------------------------------------------------
    def current_filter(self) -> surveys.SurveyFilter:
        start, end = period_range(self.period.currentData(), dt.date.today())
        return surveys.SurveyFilter(date_from=start, date_to=end, text=self.search.text().strip(),
                                    staff_id=self.staff.currentData())

    def reload(self) -> None:
        selected = self.selected()
        rows = []
        if self.ctx.can("survey.results"):
            result = ops.run(self, surveys.list_responses, self.ctx.user, self.current_filter())
            rows = result.value if result.ok else []
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("%1 surveys").replace("%1", str(len(rows))))
        if selected is not None:
            for i, r in enumerate(rows):
                if r.id == selected.id:
                    self.view.selectRow(i)
                    break
        self._update_buttons()

    def selected(self):
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        return self.model.object_at(rows[0].row()) if rows else None

    def _update_buttons(self, *_args) -> None:
        manage, sel = self.ctx.can("survey.manage"), self.selected()
        self.new_button.setEnabled(manage)
        self.edit_button.setEnabled(manage and sel is not None)
        self.delete_button.setEnabled(manage and sel is not None and surveys.can_delete(self.ctx.user, sel))
        self.blank_button.setEnabled(manage)
        self.customer_button.setEnabled(manage)
        self.results_button.setEnabled(self.ctx.can("survey.results"))

    # -- actions -------------------------------------------------------------------------------
    def new(self) -> None:
        if not self.ctx.can("survey.manage"):
            return
        dlg = SurveyDialog(self.ctx, parent=self)
        if dlg.exec() == QDialog.Accepted:
            self._select_id(dlg.saved.id)

    def edit(self) -> None:
        r = self.selected()
        if r is None or not self.ctx.can("survey.manage"):
            return
        dlg = SurveyDialog(self.ctx, r.id, parent=self)
        dlg.exec()

    def delete(self) -> None:
        r = self.selected()
        if r is None or not self.delete_button.isEnabled():
            return
        answer = QMessageBox.question(self, self.tr("Delete survey"),
                                      self.tr("Delete survey %1 of %2?").replace("%1", r.number)
                                      .replace("%2", r.customer.name))
        if answer != QMessageBox.Yes:
            return
        ops.run(self, surveys.delete_response, self.ctx.user, r.id, r.version, changed="field")

    def _select_id(self, response_id: int) -> None:
        for i in range(self.model.rowCount()):
            if self.model.object_at(i).id == response_id:
                self.view.selectRow(i)
                return

    def print_form(self, customer_id: int | None) -> None:
        from app.ui.base import print_service

        result = ops.run(self, form_pdf, self.ctx.user, customer_id, prefs.get("print_language"))
        if result.ok:
            title = self.tr("Satisfaction survey form")
            print_service.print_pdf(self, result.value, "voucher", title, preview=True)

    def print_for_customer(self) -> None:
        sel = self.selected()
        dlg = CustomerPickDialog(self, sel.customer if sel is not None else None)
        if dlg.exec() == QDialog.Accepted and dlg.customer is not None:
            self.print_form(dlg.customer.id)

    def show_results(self) -> None:
        if not self.ctx.can("survey.results"):
            return
        from app.ui.field.survey_charts import SurveyResultsDialog

        SurveyResultsDialog(self.ctx, self.current_filter(), self).exec()


class CustomerPickDialog(QDialog):
    """Choose the customer to print a survey form for (search as you type)."""

    def __init__(self, parent=None, customer: Customer | None = None):
        super().__init__(parent)
        self.customer = customer
        self.setWindowTitle(self.tr("Print survey form for a customer"))
        self.resize(520, 150)
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.edit = QLineEdit(customer.name if customer else "")
        self.edit.setPlaceholderText(self.tr("Name, code, phone or initials; Enter picks"))
        self.info = QLabel(describe_customer(customer) if customer else "")
        form.addRow(colon(self.tr("Customer")), self.edit)
        form.addRow("", self.info)
        lay.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("Print"))
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(customer is not None)
        for b in self.buttons.buttons():
            b.setAutoDefault(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.popup = SearchPopup(self.edit, surveys_customer_search, describe_customer, self)
        self.popup.picked.connect(self._picked)
        self.edit.textEdited.connect(lambda _t: self.buttons.button(QDialogButtonBox.Ok).setEnabled(False))

    def _picked(self, c: Customer) -> None:
        self.customer = c
        self.edit.setText(c.name)
        self.info.setText(describe_customer(c))
        ok = self.buttons.button(QDialogButtonBox.Ok)
        ok.setEnabled(True)
        ok.setFocus()


def form_pdf(user, customer_id: int | None, lang: str) -> bytes:
    """The questionnaire as PDF: blank, or for one customer."""
    from app.printing.field import survey_form

    data = survey_results.form_print_data(user, customer_id, lang)
    return printed.laid_out(survey_form.render_survey_form, data, lang=lang, font=prefs.get("font_path") or None)
