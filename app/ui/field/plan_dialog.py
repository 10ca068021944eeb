"""Visit plans (§3.5, 年度/月度用户巡访计划) of one staff member and year.

Left, the plans (annual first, then the months) with their status; right,
the visits planned in the selected one. The staff member creates an annual
or a monthly plan, adds visits to it while it is a draft and submits it; a
manager approves it or returns it with a note. Each plan prints on A4 with
signature lines. The buttons follow the role and the plan's state; the
domain checks again.
"""
from __future__ import annotations

import datetime as dt

from app.domain.core import printed
from app.domain.field import visit_plans, visits
from app.domain.field.models import VisitPlan
from app.ui.base import ops, prefs
from app.ui.base.history import HistoryDialog
from app.ui.base.table_models import CENTER, RIGHT, Column, ListTableModel, setup_view
from app.ui.base.widgets import apply_limit
from app.ui.field.visit_dialog import VisitDialog
from app.ui.field.visit_list import VisitListModel
from app.ui.qt import (QAbstractItemView, QComboBox, QCoreApplication, QDialog, QDialogButtonBox, QHBoxLayout,
                       QInputDialog, QLabel, QPushButton, QSpinBox, QSplitter, Qt, QTableView, QVBoxLayout)


def plan_pdf(user, plan_id: int, lang: str) -> bytes:
    """The plan as PDF bytes."""
    data = visit_plans.plan_print_data(user, plan_id)
    from app.printing.field import visit_plan_print  # reportlab loads on first use

    return printed.laid_out(visit_plan_print.render_visit_plan, data, lang=lang, font=prefs.get("font_path") or None)


class PlanListModel(ListTableModel):
    def __init__(self, parent=None):
        super().__init__([], parent=parent)
        self.counts: dict[int, int] = {}
        self.columns = [
            Column(self.tr("Plan"), self._name, width=110),
            Column(self.tr("Visits"), lambda p: self.counts.get(p.id, 0), align=RIGHT, width=44),
            Column(self.tr("Status"), lambda p: ops.translated(visit_plans.PLAN_STATUS_LABELS[p.status]),
                   align=CENTER, width=70,
                   foreground=lambda p: {"approved": "#2e7d32", "submitted": "#1565c0"}.get(p.status)),
            Column(self.tr("Note"), lambda p: p.decision_note, tooltip=lambda p: p.decision_note or None),
        ]

    def _name(self, p) -> str:
        if p.kind == "annual":
            return ops.translated(visit_plans.PLAN_KIND_LABELS["annual"])
        return f"{p.year}-{p.month:02d}"


class PlanDialog(QDialog):
    def __init__(self, ctx, staff_id: int | None, year: int, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Visit plans"))
        self.resize(1100, 560)
        top = QHBoxLayout()
        self.staff_combo = QComboBox()
        for u in visits.staff_choices(ctx.user):
            self.staff_combo.addItem(u.display_name, u.id)
        self.staff_combo.setCurrentIndex(max(0, self.staff_combo.findData(staff_id)))
        self.staff_combo.setEnabled(self.staff_combo.count() > 1)
        self.year_spin = QSpinBox()
        apply_limit(self.year_spin, VisitPlan.year)
        self.year_spin.setValue(year)
        top.addWidget(QLabel(self.tr("Staff:")))
        top.addWidget(self.staff_combo)
        top.addWidget(QLabel(self.tr("Year:")))
        top.addWidget(self.year_spin)
        top.addStretch(1)
        self.buttons = {}
        for key, text in (("annual", self.tr("New annual plan")), ("monthly", self.tr("New monthly plan")),
                          ("add", self.tr("Add visit")), ("submit", self.tr("Submit")),
                          ("approve", self.tr("Approve")), ("return", self.tr("Return")),
                          ("print", self.tr("Print plan"))):
            b = QPushButton(text)
            self.buttons[key] = b
            top.addWidget(b)
        self.buttons["annual"].clicked.connect(lambda: self.new_plan("annual"))
        self.buttons["monthly"].clicked.connect(lambda: self.new_plan("monthly"))
        self.buttons["add"].clicked.connect(self.add_visit)
        self.buttons["submit"].clicked.connect(self.submit)
        self.buttons["approve"].clicked.connect(self.approve)
        self.buttons["return"].clicked.connect(self.send_back)
        self.buttons["print"].clicked.connect(self.print_plan)

        self.plans_model = PlanListModel(self)
        self.plans_view = QTableView()
        setup_view(self.plans_view, self.plans_model)
        self.plans_view.setSelectionMode(QAbstractItemView.SingleSelection)
        self.plans_view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.plans_view.selectionModel().selectionChanged.connect(lambda *_: self._show_visits())
        self.visits_model = VisitListModel(self)
        self.visits_view = QTableView()
        setup_view(self.visits_view, self.visits_model)
        self.visits_view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.visits_view.doubleClicked.connect(self._open_visit)
        self.info = QLabel()
        self.info.setWordWrap(True)
        split = QSplitter(Qt.Horizontal)
        split.addWidget(self.plans_view)
        split.addWidget(self.visits_view)
        split.setSizes([330, 770])
        close = QDialogButtonBox(QDialogButtonBox.Close)
        close.rejected.connect(self.reject)
        self.history_button = close.addButton(self.tr("&History…"), QDialogButtonBox.HelpRole)
        self.history_button.clicked.connect(self.show_history)
        outer = QVBoxLayout(self)
        outer.addLayout(top)
        outer.addWidget(split, 1)
        outer.addWidget(self.info)
        outer.addWidget(close)
        self.staff_combo.currentIndexChanged.connect(lambda *_: self.refresh())
        self.year_spin.valueChanged.connect(lambda *_: self.refresh())
        self.refresh()

    @property
    def staff_id(self) -> int | None:
        return self.staff_combo.currentData()

    def selected(self):
        rows = self.plans_view.selectionModel().selectedRows()
        return self.plans_model.object_at(rows[0].row()) if rows else None

    def refresh(self, select_id: int | None = None) -> None:
        current = self.selected()
        select_id = select_id or (current.id if current else None)
        plans = []
        if self.staff_id is not None:
            result = ops.run(self, visit_plans.plans_of, self.ctx.user, self.staff_id, self.year_spin.value())
            plans = result.value if result.ok else []
        self.plans_model.counts = {p.id: p.visits.count() for p in plans}
        self.plans_model.set_rows(plans)
        row = next((i for i, p in enumerate(plans) if p.id == select_id), 0 if plans else None)
        if row is not None:
            self.plans_view.selectRow(row)
        self._show_visits()

    def _show_visits(self) -> None:
        p = self.selected()
        rows = []
        if p is not None:
            result = ops.run(self, visit_plans.plan_visits, self.ctx.user, p.id)
            rows = result.value if result.ok else []
        self.visits_model.set_rows(rows)
        own = p is not None and self.ctx.user is not None and p.staff_id == self.ctx.user.id
        may_write = self.ctx.can("visit.all") or (self.ctx.can("visit.plan") and self.staff_id == getattr(
            self.ctx.user, "id", None))
        self.buttons["annual"].setEnabled(may_write)
        self.buttons["monthly"].setEnabled(may_write)
        self.buttons["add"].setEnabled(may_write and p is not None and p.status == "draft")
        self.buttons["submit"].setEnabled(may_write and p is not None and p.status == "draft" and bool(rows))
        decide = self.ctx.can("visit.approve") and p is not None and p.status == "submitted" and not own
        self.buttons["approve"].setEnabled(decide)
        self.buttons["return"].setEnabled(decide)
        self.buttons["print"].setEnabled(p is not None)
        self.history_button.setEnabled(p is not None)
        if p is None:
            self.info.setText(self.tr("No plan for this year yet: create the annual plan or a monthly one."))
        else:
            text = f"{p.title}"
            if p.decision_note:
                text += "  —  " + self.tr("Note: %1").replace("%1", p.decision_note)
            self.info.setText(text)

    # --- actions ------------------------------------------------------------------
    def new_plan(self, kind: str) -> None:
        month, year = None, self.year_spin.value()
        if kind == "monthly":
            # The shown year's months and the next year's: in December, next
            # January is one step down, not a change of year first.
            months = [(y, m) for y in (year, year + 1) for m in range(1, 13)]
            names = [f"{y}-{m:02d}" for y, m in months]
            today = visits.today()
            default = months.index((today.year, today.month)) if (today.year, today.month) in months else 0
            choice, ok = QInputDialog.getItem(self, self.tr("New monthly plan"), self.tr("Month:"), names,
                                              default, False)
            if not ok:
                return
            year, month = months[names.index(choice)]
        result = ops.run(self, visit_plans.create_plan, self.ctx.user, self.staff_id, kind, year,
                         month, show_validation=True, changed="field")
        if result.ok:
            if year != self.year_spin.value():
                self.year_spin.setValue(year)          # the new plan's year, where it is listed
            self.refresh(result.value.id)

    def add_visit(self) -> None:
        p = self.selected()
        if p is None:
            return
        month = dt.date(p.year, p.month or max(1, visits.today().month if visits.today().year == p.year else 1), 1)
        dlg = VisitDialog(self.ctx, mode="new", staff_id=p.staff_id, month=month, plan_id=p.id, parent=self)
        dlg.staff_combo.setEnabled(False)
        if dlg.exec():
            self.refresh(p.id)

    def _open_visit(self, index) -> None:
        v = self.visits_model.object_at(index.row())
        if v is not None:
            result = ops.run(self, lambda: VisitDialog(self.ctx, v.id, mode="edit", parent=self))
            if result.ok and result.value.exec():
                self.refresh()

    def _move(self, fn, *args) -> None:
        p = self.selected()
        if p is None:
            return
        result = ops.run(self, fn, self.ctx.user, p.id, p.version, *args, show_validation=True, changed="field")
        if result.ok:
            self.refresh(p.id)

    def submit(self) -> None:
        self._move(visit_plans.submit_plan)

    def approve(self) -> None:
        note, ok = QInputDialog.getText(self, self.tr("Approve plan"), self.tr("Note (optional):"))
        if ok:
            self._move(visit_plans.approve_plan, note)

    def send_back(self) -> None:
        note, ok = QInputDialog.getText(self, self.tr("Return plan"), self.tr("What should be changed?"))
        if ok:
            self._move(visit_plans.return_plan, note)

    def show_history(self) -> None:
        """Who made, changed, submitted, approved or returned the selected plan."""
        p = self.selected()
        if p is None:
            return
        result = ops.run(self, visit_plans.plan_history, self.ctx.user, p.id)
        if result.ok:
            HistoryDialog.show_rows(self, self.tr("History of the plan %1").replace("%1", p.title), result.value,
                                    self.history_what, self.history_value)

    def history_what(self, code: str) -> str:
        return {"created": self.tr("Created"), "status": self.tr("Status"), "title": self.tr("Title"),
                "notes": self.tr("Notes")}.get(code, code)

    @staticmethod
    def history_value(what: str, value: str) -> str:
        if what in ("created", "status"):
            return ops.translated(visit_plans.PLAN_STATUS_LABELS.get(value, value))
        return value

    def print_plan(self) -> None:
        from app.ui.base import print_service

        p = self.selected()
        if p is None:
            return
        result = ops.run(self, plan_pdf, self.ctx.user, p.id, prefs.get("print_language"))
        if result.ok:
            title = QCoreApplication.translate("PlanDialog", "Visit plan %1").replace("%1", p.title)
            print_service.print_pdf(self, result.value, "voucher", title, preview=True)
