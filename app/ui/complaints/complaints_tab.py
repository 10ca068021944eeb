"""用户投诉: the complaints tab. Overdue complaints first (in red), then the
newest; filtered by state, "open only", "overdue only" and a word. New
complaints are received directly, or from what is waiting to become one:
the contact register's complaint lines, the visit reports' complaints and
the surveys with a low score or a comment (:class:`WaitingDialog`)."""
from __future__ import annotations

from app.domain.complaints import complaints
from app.domain.complaints.models import Complaint
from app.ui.base import ops
from app.ui.base.table_models import CENTER, Column, ListTableModel, RowStyle, setup_view
from app.ui.base.widgets import fmt_date, fmt_datetime
from app.ui.complaints.complaint_dialog import OVERDUE, STATE_COLOURS, label, open_complaint
from app.ui.qt import (QCheckBox, QCoreApplication, QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QKeySequence, QLabel,
                       QLineEdit, QListWidget, QListWidgetItem, QPushButton, QShortcut, Qt, QTableView, QTimer,
                       QVBoxLayout, QWidget)

LATE = RowStyle(foreground=OVERDUE, bold=True)


def complaint_columns(widget=None) -> list[Column]:
    """The columns every list of complaints shows (the tab, the archive's and the job's panels)."""
    def due(c) -> str:
        at = complaints.waiting_for(c)
        return fmt_datetime(at) if at else ""

    def late(c):
        return QCoreApplication.translate("ComplaintColumns", "Overdue") if complaints.is_overdue(c) else None

    return [
        Column(QCoreApplication.translate("ComplaintColumns", "No."), lambda c: c.number, width=118),
        Column(QCoreApplication.translate("ComplaintColumns", "Received"), lambda c: fmt_datetime(c.received_at),
               align=CENTER, width=126),
        Column(QCoreApplication.translate("ComplaintColumns", "Customer"), lambda c: c.customer.name, width=170,
               tooltip=lambda c: c.customer.name),
        Column(QCoreApplication.translate("ComplaintColumns", "About"),
               lambda c: label(complaints.ABOUT_NAMES, c.about), width=80),
        Column(QCoreApplication.translate("ComplaintColumns", "Severity"),
               lambda c: label(complaints.SEVERITY_NAMES, c.severity), width=56,
               foreground=lambda c: OVERDUE if c.severity == "critical" else None),
        Column(QCoreApplication.translate("ComplaintColumns", "State"),
               lambda c: label(complaints.STATE_NAMES, c.state), width=72,
               foreground=lambda c: STATE_COLOURS.get(c.state)),
        Column(QCoreApplication.translate("ComplaintColumns", "Due"), due, align=CENTER, width=126, tooltip=late),
        Column(QCoreApplication.translate("ComplaintColumns", "Responsible"),
               lambda c: c.responsible.display_name if c.responsible_id else "", width=70),
        Column(QCoreApplication.translate("ComplaintColumns", "The customer's words"),
               lambda c: " ".join(c.words.split()), width=260, tooltip=lambda c: c.words),
    ]


class ComplaintsModel(ListTableModel):
    def row_style(self, c):
        return LATE if complaints.is_overdue(c) else None


class WaitingDialog(QDialog):
    """What waits to become a complaint: the register's complaint lines, the
    visit reports' complaints, the surveys with a low score or comment.
    Choosing one opens the new complaint filled from it."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx, self.chosen = ctx, None
        self.setWindowTitle(self.tr("Waiting to become complaints"))
        column = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.setObjectName("waitingList")
        user = ctx.user
        lines = ops.run(self, complaints.contact_candidates, user)
        for line in (lines.value if lines.ok else []):
            self._add(("contact", line.id), self.tr("Contact line"), line.number, fmt_date(line.at),
                      line.customer_name or line.caller_phone, line.matter)
        found = ops.run(self, complaints.visit_candidates, user)
        for v in (found.value if found.ok else []):
            self._add(("visit", v.id), self.tr("Visit report"), v.number, fmt_date(v.actual_date), v.customer.name,
                      v.complaint_text)
        surveys = ops.run(self, complaints.survey_candidates, user)
        for r in (surveys.value if surveys.ok else []):
            self._add(("survey", r.id), self.tr("Survey"), r.number, fmt_date(r.returned_on), r.customer.name,
                      complaints.survey_complaint_text(r))
        if self.list.count() == 0:
            self.list.addItem(self.tr("Nothing is waiting."))
        self.list.itemActivated.connect(lambda _i: self.accept_current())
        column.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        take = buttons.addButton(self.tr("&Receive as a complaint…"), QDialogButtonBox.AcceptRole)
        take.clicked.connect(self.accept_current)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)
        self.resize(820, 420)

    def _add(self, key, kind, number, day, who, text) -> None:
        item = QListWidgetItem(f"{kind}  {number}  {day}  ·  {who}  ·  {' '.join(str(text).split())[:60]}")
        item.setData(Qt.UserRole, key)
        item.setToolTip(str(text))
        self.list.addItem(item)

    def accept_current(self) -> None:
        item = self.list.currentItem()
        if item is None or item.data(Qt.UserRole) is None:
            return
        self.chosen = item.data(Qt.UserRole)
        self.accept()


def form_from(kind: str, row_id: int):
    return {"contact": complaints.from_contact_line, "visit": complaints.from_visit,
            "survey": complaints.from_survey}[kind](row_id)


class ComplaintsTab(QWidget):
    """The complaints the signed-in user may see, overdue first."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        column = QVBoxLayout(self)
        column.setContentsMargins(6, 6, 6, 6)
        bar = QHBoxLayout()
        self.state = QComboBox()
        self.state.setObjectName("stateFilter")
        self.state.addItem(self.tr("All states"), None)
        for code in complaints.STATES:
            self.state.addItem(label(complaints.STATE_NAMES, code), code)
        self.open_only = QCheckBox(self.tr("&Open only"))
        self.open_only.setChecked(True)
        self.overdue_only = QCheckBox(self.tr("Overd&ue only"))
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Number, customer or a word of the complaint"))
        self.text.setClearButtonEnabled(True)
        self._timer = QTimer(self, singleShot=True, interval=250, timeout=self.reload)
        self.text.textChanged.connect(self._timer.start)
        for w in (self.open_only, self.overdue_only):
            w.toggled.connect(self.reload)
        self.state.currentIndexChanged.connect(self.reload)
        bar.addWidget(self.state)
        bar.addWidget(self.open_only)
        bar.addWidget(self.overdue_only)
        bar.addWidget(self.text, 1)
        column.addLayout(bar)
        self.model = ComplaintsModel(complaint_columns(self), parent=self)
        self.view = QTableView()
        self.view.setObjectName("complaintsView")
        setup_view(self.view, self.model)
        self.view.activated.connect(lambda i: self.open(self.model.object_at(i.row())))
        column.addWidget(self.view, 1)
        actions = QHBoxLayout()
        self.status = QLabel()
        self.status.setObjectName("complaintsStatus")
        actions.addWidget(self.status, 1)
        self.new_button = QPushButton(self.tr("&New complaint…"))
        self.new_button.setObjectName("newComplaintButton")
        self.new_button.clicked.connect(self.new_complaint)
        self.waiting_button = QPushButton()
        self.waiting_button.setObjectName("waitingButton")
        self.waiting_button.clicked.connect(self.from_waiting)
        self.open_button = QPushButton(self.tr("Op&en…"))
        self.open_button.clicked.connect(lambda: self.open(self.current()))
        self.stats_button = QPushButton(self.tr("&Statistics…"))
        self.stats_button.setObjectName("statsButton")
        self.stats_button.clicked.connect(self.show_statistics)
        self.deadlines_button = QPushButton(self.tr("&Deadlines…"))
        self.deadlines_button.setObjectName("deadlinesButton")
        self.deadlines_button.setToolTip(self.tr("The deadlines of a new complaint by its severity"))
        self.deadlines_button.clicked.connect(self.edit_deadlines)
        for b in (self.new_button, self.waiting_button, self.open_button, self.stats_button, self.deadlines_button):
            actions.addWidget(b)
        column.addLayout(actions)
        QShortcut(QKeySequence("Ctrl+R"), self, self.reload).setContext(Qt.WidgetWithChildrenShortcut)
        ctx.on_change(("complaints", "contacts", "field"), self.reload, self)
        ctx.user_changed.connect(self._apply_user)
        self._apply_user()

    def _apply_user(self) -> None:
        may = self.ctx.can("complaint.record")
        self.new_button.setVisible(may)
        self.waiting_button.setVisible(may)
        self.stats_button.setVisible(may or self.ctx.can("complaint.manage"))
        self.deadlines_button.setVisible(self.ctx.can("settings.company"))
        self.reload()

    def filters(self) -> dict:
        return dict(state=self.state.currentData(), open_only=self.open_only.isChecked(),
                    overdue_only=self.overdue_only.isChecked(), text=self.text.text())

    def reload(self) -> None:
        self._timer.stop()
        result = ops.run(self, lambda: list(complaints.query(self.ctx.user, **self.filters()).limit(2000)))
        rows = result.value if result.ok else []
        self.model.set_rows(rows)
        late = sum(1 for c in rows if complaints.is_overdue(c))
        text = self.tr("%n complaint(s)", "", len(rows))
        if late:
            text += "  ·  " + self.tr("%n overdue", "", late)
        self.status.setText(text)
        if self.ctx.can("complaint.record"):
            waiting = len(complaints.contact_candidates(self.ctx.user)) + len(complaints.visit_candidates(self.ctx.user)) \
                + len(complaints.survey_candidates(self.ctx.user))
            self.waiting_button.setText(self.tr("&Waiting (%1)…").replace("%1", str(waiting)))

    def current(self) -> Complaint | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.object_at(rows[0].row()) if rows else None

    def open(self, c) -> None:
        if c is not None:
            open_complaint(self.ctx, c.id, parent=self)
            self.reload()

    def new_complaint(self, form=None):
        c = open_complaint(self.ctx, None, form, parent=self)
        self.reload()
        return c

    def edit_deadlines(self) -> bool:
        from app.ui.complaints.deadlines_dialog import DeadlinesDialog

        dialog = DeadlinesDialog(self.ctx, self)
        try:
            return dialog.exec() == QDialog.Accepted
        finally:
            dialog.deleteLater()

    def show_statistics(self) -> None:
        from app.ui.complaints.stats_dialog import StatsDialog

        dialog = StatsDialog(self.ctx, parent=self)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def from_waiting(self):
        dialog = WaitingDialog(self.ctx, self)
        try:
            if dialog.exec() != QDialog.Accepted or dialog.chosen is None:
                return None
            kind, row_id = dialog.chosen
        finally:
            dialog.deleteLater()
        result = ops.run(self, form_from, kind, row_id)
        return self.new_complaint(result.value) if result.ok else None
