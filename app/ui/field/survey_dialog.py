"""Enter or correct one returned satisfaction survey (附表3).

Built for typing a stack of paper forms in fast: find the customer as you
type (Enter picks), the dates, who filled it in, then the question grid:
each question is one row that takes the focus; the digits 1-5 give the
score and 0 (or the space bar) marks "not applicable", and the focus moves
on to the next question at once, so a whole form is twelve keystrokes.
Left/Right change a row's answer, Up/Down move between rows, Tab leaves
the grid. Ctrl+S (or Ctrl+Enter) saves; Esc cancels.
"""
from __future__ import annotations

import datetime as dt

from app.domain.core.models import User
from app.domain.customers.models import Customer
from app.domain.field import surveys
from app.domain.field.models import SurveyResponse, Visit
from app.ui.base import labels, ops
from app.ui.base.widgets import FieldErrors, SearchPopup, apply_limit, colon, make_error_label
from app.ui.qt import (QButtonGroup, QComboBox, QCoreApplication, QDate, QDateEdit, QDialog, QDialogButtonBox,
                       QFormLayout, QFrame, QGridLayout, QHBoxLayout, QKeySequence, QLabel, QLineEdit,
                       QPlainTextEdit, QRadioButton, QScrollArea, QShortcut, Qt, QVBoxLayout, QWidget, Signal)

NO_DATE = QDate(2000, 1, 1)
NA = 0          # the radio id of "not applicable"


def to_qdate(value: dt.date | None) -> QDate:
    return QDate(value.year, value.month, value.day) if value else NO_DATE


def from_qdate(edit: QDateEdit) -> dt.date | None:
    d = edit.date()
    return None if d == edit.minimumDate() else dt.date(d.year(), d.month(), d.day())


def describe_customer(c: Customer) -> str:
    return "  ·  ".join(x for x in (c.name, c.code, c.phone, labels.category(c.category)) if x)


class QuestionRow(QFrame):
    """One question: its text and six radio buttons (1..5, not applicable); keys as the module says."""

    answered = Signal(object)        # the row, after a digit: the grid moves on

    def __init__(self, number: int, q: surveys.Question, parent=None):
        super().__init__(parent)
        self.code = q.code
        self.setFocusPolicy(Qt.StrongFocus)
        self.setObjectName("questionRow")
        self.setAutoFillBackground(True)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 2, 6, 2)
        self.label = QLabel(f"{number}. {ops.translated(q.text)}")
        self.label.setMinimumWidth(300)
        lay.addWidget(self.label, 1)
        self.group = QButtonGroup(self)
        self.buttons: dict[int, QRadioButton] = {}
        for score in (1, 2, 3, 4, 5, NA):
            b = QRadioButton(str(score) if score else QCoreApplication.translate("survey", "N/A"))
            b.setFocusPolicy(Qt.NoFocus)           # the row takes the keys, Tab goes row to row
            b.setToolTip(ops.translated(surveys.score_label(score)) if score else QCoreApplication.translate("survey", "Not applicable"))
            b.setMinimumWidth(44)
            self.group.addButton(b, score)
            self.buttons[score] = b
            lay.addWidget(b)
        self.group.idClicked.connect(lambda _id: self.setFocus())

    def score(self) -> int | None:
        """1..5, or None (not applicable or not answered)."""
        sid = self.group.checkedId()
        return sid if sid in surveys.SCORES else None

    def is_answered(self) -> bool:
        return self.group.checkedId() != -1

    def set_score(self, score: int | None, answered: bool = True) -> None:
        if not answered:
            self.group.setExclusive(False)
            for b in self.buttons.values():
                b.setChecked(False)
            self.group.setExclusive(True)
            return
        self.buttons[score if score in surveys.SCORES else NA].setChecked(True)

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt API
        # A light row colour, not the selection colour: the text stays readable.
        self.setStyleSheet("#questionRow { background: #d6e6fa; border-radius: 3px; }")
        super().focusInEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.setStyleSheet("")
        super().focusOutEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        key, text = event.key(), event.text()
        if text in ("1", "2", "3", "4", "5", "0") or key == Qt.Key_Space:
            self.set_score(int(text) if text and text != "0" and text.isdigit() else None)
            self.group.idClicked.emit(self.group.checkedId())
            self.answered.emit(self)
            return
        if key in (Qt.Key_Left, Qt.Key_Right):
            order = [1, 2, 3, 4, 5, NA]
            cur = self.group.checkedId()
            i = order.index(cur) if cur in order else (0 if key == Qt.Key_Right else len(order))
            i = max(0, min(len(order) - 1, i + (1 if key == Qt.Key_Right else -1)))
            self.buttons[order[i]].setChecked(True)
            self.group.idClicked.emit(order[i])
            return
        super().keyPressEvent(event)


class SurveyDialog(QDialog):
    """New (``response_id=None``) or existing response; ``saved`` is the SurveyResponse after Save."""

    def __init__(self, ctx, response_id: int | None = None, parent=None, customer_id: int | None = None):
        super().__init__(parent)
        self.ctx, self.response_id, self.version = ctx, response_id, None
        self.customer: Customer | None = None
        self.saved = None
        self.edition = surveys.CURRENT
        self.setWindowTitle(self.tr("Satisfaction survey") if response_id is None else self.tr("Edit satisfaction survey"))
        self.resize(860, 680)
        outer = QVBoxLayout(self)
        self.fallback = make_error_label()
        self.errors = FieldErrors(self.fallback, limits=SurveyResponse)

        head = QGridLayout()
        left, right = QFormLayout(), QFormLayout()
        head.addLayout(left, 0, 0)
        head.addLayout(right, 0, 1)
        self.customer_edit = QLineEdit()
        self.customer_edit.setPlaceholderText(self.tr("Name, code, phone or initials; Enter picks"))
        self.errors.add_form_row(left, colon(self.tr("Customer")), "customer", self.customer_edit)
        self.customer_label = QLabel()
        self.customer_label.setStyleSheet("color: palette(mid);")
        left.addRow("", self.customer_label)
        self.search = SearchPopup(self.customer_edit, surveys_customer_search, describe_customer, self)
        self.search.picked.connect(self.set_customer)
        self.respondent = QLineEdit()
        self.errors.add_form_row(left, colon(self.tr("Respondent")), "respondent", self.respondent)
        self.respondent_title = QLineEdit()
        self.errors.add_form_row(left, colon(self.tr("Title")), "respondent_title", self.respondent_title)

        today = QDate.currentDate()
        self.returned = QDateEdit(today)
        self.sent = QDateEdit(NO_DATE)
        for edit in (self.returned, self.sent):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setMinimumDate(NO_DATE)
            edit.setMaximumDate(today)
        self.sent.setSpecialValueText(self.tr("unknown"))
        self.errors.add_form_row(right, colon(self.tr("Returned")), "returned_on", self.returned)
        self.errors.add_form_row(right, colon(self.tr("Sent")), "sent_on", self.sent)
        self.staff = QComboBox()
        self.staff.addItem(self.tr("(not known)"), None)
        for u in User.select().where(User.active == True).order_by(User.display_name):  # noqa: E712
            self.staff.addItem(u.display_name, u.id)
        if ctx.user is not None:
            self.staff.setCurrentIndex(max(0, self.staff.findData(ctx.user.id)))
        self.errors.add_form_row(right, colon(self.tr("Handed out by")), "staff", self.staff)
        self.visit = QComboBox()
        self.visit.addItem(self.tr("(none)"), None)
        self.errors.add_form_row(right, colon(self.tr("Visit")), "visit", self.visit)
        outer.addLayout(head)

        hint = QLabel(self.tr("Scores: 1 very dissatisfied … 5 very satisfied; 0 or Space: not applicable. "
                              "The cursor moves to the next question."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid);")
        outer.addWidget(hint)
        grid_host = QWidget()
        grid = QVBoxLayout(grid_host)
        grid.setSpacing(1)
        grid.setContentsMargins(0, 0, 0, 0)
        self.rows: list[QuestionRow] = []
        section = None
        for i, q in enumerate(surveys.questions(self.edition), 1):
            if q.section != section:
                section = q.section
                title = QLabel(ops.translated(surveys.section_label(section)))
                title.setStyleSheet("font-weight: bold; padding-top: 4px;")
                grid.addWidget(title)
            row = QuestionRow(i, q)
            row.answered.connect(self._next_row)
            row.group.idClicked.connect(self._update_average)
            self.rows.append(row)
            grid.addWidget(row)
        grid.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)
        scroll.setFocusPolicy(Qt.NoFocus)
        outer.addWidget(scroll, 1)
        self.average_label = QLabel()
        outer.addWidget(self.average_label)
        outer.addWidget(self.fallback)

        texts = QFormLayout()
        self.comments = QPlainTextEdit()
        self.suggestions = QPlainTextEdit()
        for edit, column in ((self.comments, SurveyResponse.comments), (self.suggestions, SurveyResponse.suggestions)):
            apply_limit(edit, column)
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(56)
        texts.addRow(colon(self.tr("Comments")), self.comments)
        texts.addRow(colon(self.tr("Suggestions")), self.suggestions)
        outer.addLayout(texts)

        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        for b in self.buttons.buttons():
            b.setAutoDefault(False)     # Enter picks the customer; it must not save half a form
        self.buttons.button(QDialogButtonBox.Save).setToolTip(self.tr("Save (Ctrl+S)"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        for seq in (QKeySequence.Save, QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")):
            QShortcut(seq, self, activated=self.save)

        self.setTabOrder(self.customer_edit, self.respondent)
        self.setTabOrder(self.respondent, self.respondent_title)
        self.setTabOrder(self.respondent_title, self.returned)
        self.setTabOrder(self.returned, self.sent)
        self.setTabOrder(self.sent, self.staff)
        self.setTabOrder(self.staff, self.visit)
        prev = self.visit
        for row in self.rows:
            self.setTabOrder(prev, row)
            prev = row
        self.setTabOrder(prev, self.comments)
        self.setTabOrder(self.comments, self.suggestions)

        if response_id is not None:
            self._load(response_id)
        elif customer_id is not None:
            c = Customer.get_or_none(Customer.id == customer_id)
            if c is not None:
                self.set_customer(c)
        self._update_average()
        self.customer_edit.setFocus()

    # -- filling -------------------------------------------------------------------------------
    def _load(self, response_id: int) -> None:
        r = surveys.get_response(response_id)
        self.version = r.version
        self.edition = r.questionnaire
        self.set_customer(r.customer)
        self.respondent.setText(r.respondent)
        self.respondent_title.setText(r.respondent_title)
        self.returned.setDate(to_qdate(r.returned_on))
        self.sent.setDate(to_qdate(r.sent_on))
        self.staff.setCurrentIndex(max(0, self.staff.findData(r.staff_id)))
        self.visit.setCurrentIndex(max(0, self.visit.findData(r.visit_id)))
        scores = surveys.scores_of(r)
        for row in self.rows:
            if row.code in scores:
                row.set_score(scores[row.code])
        self.comments.setPlainText(r.comments)
        self.suggestions.setPlainText(r.suggestions)

    def set_customer(self, c: Customer) -> None:
        self.customer = c
        self.customer_edit.setText(c.name)
        self.customer_label.setText(describe_customer(c))
        self.errors.clear("customer")
        self.visit.clear()
        self.visit.addItem(self.tr("(none)"), None)
        for v in (Visit.select().where(Visit.customer == c.id).order_by(Visit.due_month.desc()).limit(30)):
            day = v.actual_date or v.planned_date or v.due_month
            self.visit.addItem(f"{v.number}  {day:%Y-%m-%d}", v.id)
        if self.customer_edit.hasFocus():
            self.respondent.setFocus()

    def _next_row(self, row: QuestionRow) -> None:
        i = self.rows.index(row)
        (self.rows[i + 1] if i + 1 < len(self.rows) else self.comments).setFocus()
        self._update_average()

    def _update_average(self, *_args) -> None:
        scores = [r.score() for r in self.rows]
        avg = surveys.average(scores)
        n = sum(1 for s in scores if s is not None)
        self.average_label.setText(self.tr("Average: %1 (%2 scored answers)").replace(
            "%1", "—" if avg is None else f"{avg:.2f}").replace("%2", str(n)))

    def form(self) -> surveys.SurveyForm:
        return surveys.SurveyForm(
            customer_id=self.customer.id if self.customer and self.customer_edit.text().strip() else None,
            returned_on=from_qdate(self.returned), sent_on=from_qdate(self.sent),
            staff_id=self.staff.currentData(), visit_id=self.visit.currentData(),
            respondent=self.respondent.text(), respondent_title=self.respondent_title.text(),
            scores={r.code: r.score() for r in self.rows if r.is_answered()},
            comments=self.comments.toPlainText(), suggestions=self.suggestions.toPlainText(),
            questionnaire=self.edition)

    def save(self) -> None:
        self.errors.clear()
        if self.response_id is None:
            result = ops.run(self, surveys.create_response, self.ctx.user, self.form(), changed="field")
        else:
            result = ops.run(self, surveys.update_response, self.ctx.user, self.response_id, self.form(),
                             self.version, changed="field")
        if not result.ok:
            if result.field_errors:
                errors = dict(result.field_errors)
                for row in self.rows:           # a per-question message names the question
                    if row.code in errors:
                        errors[row.code] = f"{row.label.text()}: {errors[row.code]}"
                first = self.errors.show(errors)
                (first or self.rows[0] if "scores" in errors else first or self.customer_edit).setFocus()
            return
        self.saved = result.value
        self.accept()


def surveys_customer_search(text: str) -> list[Customer]:
    """The customer picker's search: the archive's search as you type."""
    from app.domain.customers import customers

    return customers.search(text)
