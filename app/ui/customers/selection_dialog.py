"""New-customer selection (新用户选择, §2.2): the prospects and their files.

:class:`ProspectsDialog` lists the prospects with the stage each is at and
adds new ones; :class:`SelectionDialog` is one prospect's file:
investigations (general 通常 / on-site 实地, §2.2.1), the six criteria of
§2.2.2 scored 1-5 with notes, and the manager's decision (§2.2.3). The
decision is offered to "customer.select.decide" only, and only when the
domain has nothing missing; the domain checks again.
"""
from __future__ import annotations

from app.domain.core import users
from app.domain.customers import customers, selection
from app.domain.customers.models import Customer, Investigation, SelectionAssessment, SelectionDecision
from app.ui.base import labels, ops
from app.ui.base.table_models import Column, ListTableModel, setup_view
from app.ui.base.widgets import FieldErrors, apply_limit, colon, fmt_date, fmt_datetime, make_error_label
from app.ui.customers import models as cm
from app.ui.customers.phone_note import SamePhoneNote
from app.ui.generated.ui_selection import Ui_SelectionDialog
from app.ui.qt import (QComboBox, QCoreApplication, QDate, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                       QLabel, QLineEdit, QPushButton, QTableView, QVBoxLayout)


def stage(f) -> str:
    """Where a prospect stands, in words."""
    if f.customer.status != "prospect":
        return cm.status(f.customer.status)
    if "investigation" in f.missing:
        return QCoreApplication.translate("customer_models", "To investigate")
    if f.missing:
        return QCoreApplication.translate("customer_models", "Assessing: %1 of %2 criteria").replace("%1", str(len(selection.CRITERIA) - len(f.missing))) \
            .replace("%2", str(len(selection.CRITERIA)))
    return QCoreApplication.translate("customer_models", "Ready for the decision")


class NewProspectDialog(QDialog):
    """Register a prospect; :attr:`customer` is set on success."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx, self.customer = ctx, None
        self.setWindowTitle(self.tr("New prospect"))
        form = QFormLayout(self)
        self.errors = FieldErrors(make_error_label(self), limits=Customer)
        self.fields = {}
        for name in ("name", "phone", "category", "region", "address", "business_content"):
            if name == "category":
                w = QComboBox()
                for code in customers.CATEGORIES:
                    w.addItem(labels.category(code), code)
            else:
                w = QLineEdit()
            self.errors.add_form_row(form, colon(cm.field_label(name)), name, w)
            self.fields[name] = w
            if name == "phone":   # a prospect's number another customer has: a likely duplicate
                self.same_phone = SamePhoneNote(w, self)
                form.addRow("", self.same_phone)
        form.addRow(self.errors._fallback)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(460, self.sizeHint().height())

    def save(self) -> None:
        f = {n: (w.currentData() if isinstance(w, QComboBox) else w.text()) for n, w in self.fields.items()}
        result = ops.run(self, selection.add_prospect, self.ctx.user, f.pop("name"), f.pop("phone"),
                         f.pop("category"), f.pop("address"), **f, changed="customers")
        if not result.ok:
            self.errors.show(result.field_errors, focus=True)
            return
        self.customer = result.value
        self.accept()


class ProspectsDialog(QDialog):
    """The prospects waiting for a decision, oldest first, with their stage."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("New customer selection"))
        layout = QVBoxLayout(self)
        self.model = ListTableModel([
            Column(self.tr("Code"), lambda f: f.customer.code, width=120),
            Column(self.tr("Name"), lambda f: f.customer.name, width=240),
            Column(self.tr("Category"), lambda f: labels.category(f.customer.category), width=100),
            Column(self.tr("Registered"), lambda f: fmt_date(f.customer.created_at), width=90),
            Column(self.tr("Investigations"), lambda f: len(f.investigations), width=90),
            Column(self.tr("Stage"), stage,
                   foreground=lambda f: "#2e7d32" if not f.missing else None),
        ], parent=self)
        self.view = QTableView()
        setup_view(self.view, self.model)
        layout.addWidget(self.view)
        row = QHBoxLayout()
        self.new_button = QPushButton(self.tr("&New prospect…"))
        self.open_button = QPushButton(self.tr("&Open"))
        self.new_button.setVisible(ctx.can("customer.select.investigate"))
        row.addWidget(self.new_button)
        row.addWidget(self.open_button)
        row.addStretch(1)
        close = QPushButton(self.tr("Close"))
        row.addWidget(close)
        layout.addLayout(row)
        for b in (self.new_button, self.open_button, close):
            b.setAutoDefault(False)
        self.new_button.clicked.connect(self.new_prospect)
        self.open_button.clicked.connect(lambda: self.open_row(self.view.currentIndex().row()))
        self.view.activated.connect(lambda index: self.open_row(index.row()))
        close.clicked.connect(self.reject)
        self.reload()
        self.resize(820, 420)

    def reload(self) -> None:
        result = ops.run(self, lambda: [selection.selection_file(c.id) for c in selection.prospects()])
        self.model.set_rows(result.value if result.ok else [])
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, 0))
        self.open_button.setEnabled(self.model.rowCount() > 0)

    def new_prospect(self) -> None:
        dialog = NewProspectDialog(self.ctx, self)
        if dialog.exec() and dialog.customer is not None:
            self.reload()
            self.open_customer(dialog.customer.id)
        dialog.deleteLater()

    def open_row(self, row: int) -> None:
        f = self.model.object_at(row)
        if f is not None:
            self.open_customer(f.customer.id)

    def open_customer(self, customer_id: int) -> None:
        dialog = SelectionDialog(self.ctx, customer_id, self)
        dialog.exec()
        dialog.deleteLater()
        self.reload()


class SelectionDialog(QDialog):
    """One prospect's selection file."""

    def __init__(self, ctx, customer_id: int, parent=None):
        super().__init__(parent)
        self.ctx, self.customer_id, self.file = ctx, customer_id, None
        self.ui = ui = Ui_SelectionDialog()
        ui.setupUi(self)
        self.inv_model = ListTableModel([
            Column(self.tr("Date"), lambda i: fmt_date(i.date), width=90),
            Column(self.tr("Kind"), lambda i: cm.investigation_kind(i.kind), width=80),
            Column(self.tr("Investigator"), lambda i: i.investigator.display_name if i.investigator_id else "",
                   width=90),
            Column(self.tr("Findings"), lambda i: cm.short(i.findings, 90), tooltip=lambda i: i.findings),
        ], parent=self)
        setup_view(ui.investigationsView, self.inv_model)
        self.decision_model = ListTableModel([
            Column(self.tr("When"), lambda d: fmt_datetime(d.at), width=130),
            Column(self.tr("Who"), lambda d: d.decided_by.display_name if d.decided_by_id else "", width=90),
            Column(self.tr("Decision"), lambda d: cm.decision(d.decision), width=90),
            Column(self.tr("Reason"), lambda d: d.reason),
        ], parent=self)
        setup_view(ui.decisionsView, self.decision_model)
        for code in selection.INVESTIGATION_KINDS:
            ui.kindCombo.addItem(cm.investigation_kind(code), code)
        ui.dateEdit.setDate(QDate.currentDate())
        ui.dateEdit.setMaximumDate(QDate.currentDate())
        for user in users.active_users():
            ui.investigatorCombo.addItem(user.display_name, user.id)
        if ctx.user is not None:
            ui.investigatorCombo.setCurrentIndex(max(0, ui.investigatorCombo.findData(ctx.user.id)))
        self.inv_errors = FieldErrors(ui.formError, limits=Investigation)
        self.inv_errors.add("kind", ui.kindCombo, ui.kindError)
        self.inv_errors.add("date", ui.dateEdit, ui.kindError)
        self.inv_errors.add("findings", ui.findingsEdit, ui.findingsError)
        self.decision_errors = FieldErrors(ui.formError, limits=SelectionDecision)
        self.decision_errors.add("reason", ui.reasonEdit, ui.reasonError)
        self.assess_errors = FieldErrors(ui.assessmentError)
        self.scores: dict[str, tuple[QComboBox, QLineEdit, QLabel]] = {}
        for row, (code, _group) in enumerate(selection.CRITERIA):
            score = QComboBox()
            score.addItem("—", None)
            for n, word in ((1, self.tr("1 poor")), (2, "2"), (3, self.tr("3 fair")), (4, "4"),
                            (5, self.tr("5 excellent"))):
                score.addItem(word, n)
            note, by = QLineEdit(placeholderText=self.tr("Note")), QLabel()
            apply_limit(note, SelectionAssessment.note)
            label = QLabel(ops.translated(selection.criterion_label(code)))
            label.setBuddy(score)
            for col, w in enumerate((label, score, note, by)):
                ui.criteriaGrid.addWidget(w, row, col)
            self.scores[code] = (score, note, by)
        ui.criteriaGrid.setColumnStretch(2, 1)
        ui.approveRadio.setChecked(True)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        ui.addInvestigationButton.clicked.connect(self.add_investigation)
        ui.saveAssessmentButton.clicked.connect(self.save_assessment)
        ui.decideButton.clicked.connect(self.decide)
        ui.buttonBox.rejected.connect(self.reject)
        self.reload()
        self.resize(880, 620)

    def reload(self) -> None:
        result = ops.run(self, selection.selection_file, self.customer_id)
        if not result.ok:
            return
        self.file = f = result.value
        ui, c = self.ui, f.customer
        self.setWindowTitle(self.tr("New customer selection: %1").replace("%1", c.name))
        ui.titleLabel.setText(f"{c.code}  {c.name}   {labels.category(c.category)}")
        ui.stageLabel.setText(stage(f))
        self.inv_model.set_rows(f.investigations)
        self.decision_model.set_rows([f.decision] if f.decision else [])
        for code, (score, note, by) in self.scores.items():
            a = f.assessments.get(code)
            score.setCurrentIndex(max(0, score.findData(a.score if a else None)))
            note.setText(a.note if a else "")
            by.setText(f"{a.assessed_by.display_name if a.assessed_by_id else ''} {fmt_date(a.at)}" if a else "")
        open_ = c.status == "prospect"
        may_work = open_ and self.ctx.can("customer.select.investigate")
        ui.addInvestigationBox.setEnabled(may_work)
        ui.saveAssessmentButton.setEnabled(may_work)
        for score, note, _by in self.scores.values():
            score.setEnabled(may_work)
            note.setReadOnly(not may_work)
        may_decide = open_ and self.ctx.can("customer.select.decide")
        ui.decisionBox.setEnabled(may_decide and not f.missing)
        ui.missingLabel.setText(self._missing_text(f, open_, may_decide))

    def _missing_text(self, f, open_: bool, may_decide: bool) -> str:
        if not open_:
            return self.tr("Decided: %1.").replace("%1", cm.status(f.customer.status))
        parts = []
        if "investigation" in f.missing:
            parts.append(self.tr("at least one investigation"))
        missing = [ops.translated(selection.criterion_label(m)) for m in f.missing if m != "investigation"]
        if missing:
            parts.append(self.tr("scores for: %1").replace("%1", "; ".join(missing)))
        text = self.tr("Before the decision: %1.").replace("%1", ", ".join(parts)) if parts \
            else self.tr("Everything needed for the decision is recorded.")
        if not may_decide:
            text += " " + self.tr("The manager decides.")
        return text

    def add_investigation(self) -> bool:
        ui = self.ui
        result = ops.run(self, selection.add_investigation, self.ctx.user, self.customer_id,
                         ui.kindCombo.currentData(), ui.dateEdit.date().toPython(), ui.findingsEdit.toPlainText(),
                         ui.investigatorCombo.currentData())
        if not result.ok:
            self.inv_errors.show(result.field_errors)
            return False
        ui.findingsEdit.clear()
        self.inv_errors.clear()
        self.reload()
        return True

    def save_assessment(self) -> bool:
        """Save every criterion whose score or note changed."""
        self.assess_errors.clear()
        for code, (score, note, _by) in self.scores.items():
            old = self.file.assessments.get(code)
            if score.currentData() is None or (old and old.score == score.currentData()
                                               and old.note == note.text().strip()):
                continue
            result = ops.run(self, selection.assess, self.ctx.user, self.customer_id, code, score.currentData(),
                             note.text())
            if not result.ok:
                self.assess_errors.show(result.field_errors)
                return False
        self.reload()
        return True

    def decide(self) -> bool:
        decision = "approved" if self.ui.approveRadio.isChecked() else "refused"
        result = ops.run(self, selection.decide, self.ctx.user, self.customer_id, decision, self.ui.reasonEdit.text(),
                         changed="customers")
        if not result.ok:
            self.decision_errors.show(result.field_errors, focus=True)
            return False
        self.reload()
        return True
