"""The Visits page of the visit planning tab (§3.3-§3.6).

A staff selector (oneself only without "visit.all"; "All staff" with it),
a month navigator, the month's calendar with per-day markers, the month's
visits (overdue first, then this week's, then the rest by date), the
completion figures per staff member, and the actions: new visit, edit,
record the report, carry forward, cancel, print the report (附表4), and the
plans (年度/月度计划). Refreshes whenever field service changed
(``ctx.on_change``); its own changes are announced by the operation runner.
"""
from __future__ import annotations

import datetime as dt

from app.domain.field import visit_outcomes, visit_plans, visits
from app.ui.base import ops
from app.ui.base.table_models import RIGHT, Column, ListTableModel, setup_view
from app.ui.base.widgets import fmt_date
from app.ui.field.plan_dialog import PlanDialog
from app.ui.field.visit_calendar import VisitCalendar
from app.ui.field.visit_dialog import VisitDialog
from app.ui.field.visit_list import OVERDUE_FG, VisitListModel, print_visit_report
from app.ui.qt import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QInputDialog, QKeySequence, QLabel,
                       QPushButton, QShortcut, QSplitter, Qt, QTableView, QToolButton, QVBoxLayout, QWidget)


class CompletionModel(ListTableModel):
    def __init__(self, parent=None):
        super().__init__([], parent=parent)
        pct = lambda r: "" if r.rate is None else f"{r.rate:.0%}"  # noqa: E731
        self.columns = [
            Column(self.tr("Staff"), lambda r: r.staff_name or self.tr("Total"), width=70),
            Column(self.tr("Planned"), lambda r: r.planned, align=RIGHT, width=44),
            Column(self.tr("Done"), lambda r: r.done, align=RIGHT, width=44),
            Column(self.tr("On time"), lambda r: r.done_on_time, align=RIGHT, width=50),
            Column(self.tr("Overdue"), lambda r: r.overdue, align=RIGHT, width=50,
                   foreground=lambda r: OVERDUE_FG if r.overdue else None),
            Column(self.tr("Carried"), lambda r: r.carried, align=RIGHT, width=50),
            Column(self.tr("Cancelled"), lambda r: r.cancelled, align=RIGHT, width=50),
            Column(self.tr("Rate"), pct, align=RIGHT, width=50),
        ]


class VisitsPage(QWidget):
    """The month's visits of one staff member (or all, with "visit.all")."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.month = visits.month_start(visits.today())
        self.day: dt.date | None = None
        self.rows: list = []
        self._build()
        self._fill_staff()
        ctx.on_change("field", self.refresh, self)
        ctx.user_changed.connect(self._user_changed)
        self.refresh()

    # --- layout ----------------------------------------------------------------
    def _build(self) -> None:
        top = QHBoxLayout()
        self.staff_combo = QComboBox()
        self.staff_combo.setMinimumWidth(120)
        self.staff_combo.currentIndexChanged.connect(lambda *_: self.refresh())
        top.addWidget(QLabel(self.tr("Staff:")))
        top.addWidget(self.staff_combo)
        top.addSpacing(12)
        self.prev_button, self.next_button = QToolButton(), QToolButton()
        self.prev_button.setText("◀")
        self.next_button.setText("▶")
        self.prev_button.setToolTip(self.tr("Previous month (Alt+Left)"))
        self.next_button.setToolTip(self.tr("Next month (Alt+Right)"))
        self.month_label = QLabel()
        self.month_label.setMinimumWidth(90)
        self.month_label.setAlignment(Qt.AlignCenter)
        self.today_button = QPushButton(self.tr("Today"))
        self.prev_button.clicked.connect(lambda: self.set_month(visits.next_month(self.month, -1)))
        self.next_button.clicked.connect(lambda: self.set_month(visits.next_month(self.month, 1)))
        self.today_button.clicked.connect(lambda: self.set_month(visits.month_start(visits.today())))
        for w in (self.prev_button, self.month_label, self.next_button, self.today_button):
            top.addWidget(w)
        top.addStretch(1)
        self.buttons = {}
        for key, text in (("new", self.tr("New visit")), ("edit", self.tr("Edit")), ("report", self.tr("Report")),
                          ("carry", self.tr("Carry forward")), ("cancel", self.tr("Cancel visit")),
                          ("print", self.tr("Print report")), ("plans", self.tr("Plans..."))):
            b = QPushButton(text)
            top.addWidget(b)
            self.buttons[key] = b
        self.buttons["new"].setToolTip(self.tr("New visit (Ctrl+N)"))
        self.buttons["new"].clicked.connect(self.new_visit)
        self.buttons["edit"].clicked.connect(lambda: self.open_visit("edit"))
        self.buttons["report"].clicked.connect(lambda: self.open_visit("report"))
        self.buttons["carry"].clicked.connect(self.carry_forward)
        self.buttons["cancel"].clicked.connect(self.cancel_visit)
        self.buttons["print"].clicked.connect(self.print_report)
        self.buttons["plans"].clicked.connect(self.open_plans)

        self.calendar = VisitCalendar()
        self.calendar.clicked.connect(self._day_clicked)
        self.completion_model = CompletionModel(self)
        self.completion_view = QTableView()
        setup_view(self.completion_view, self.completion_model)
        self.completion_view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        header = self.completion_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        # The name takes the spare width, not the rate at the far right.
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.calendar, 3)
        lv.addWidget(QLabel(self.tr("Completion this month")))
        lv.addWidget(self.completion_view, 2)

        self.model = VisitListModel(self)
        self.view = QTableView()
        setup_view(self.view, self.model)
        self.view.setSelectionMode(QAbstractItemView.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.view.doubleClicked.connect(lambda *_: self.open_visit("edit"))
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.filter_label = QLabel()
        self.clear_day = QPushButton(self.tr("Whole month"))
        self.clear_day.clicked.connect(lambda: self._set_day(None))
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.filter_label, 1)
        head.addWidget(self.clear_day)
        rv.addLayout(head)
        rv.addWidget(self.view)
        split = QSplitter(Qt.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setSizes([500, 860])
        outer = QVBoxLayout(self)
        outer.addLayout(top)
        outer.addWidget(split, 1)

        for keys, slot in (("Ctrl+N", self.new_visit), ("Alt+Left", self.prev_button.click),
                           ("Alt+Right", self.next_button.click), ("Ctrl+R", self.refresh), ("F5", self.refresh),
                           ("Ctrl+P", self.print_report)):
            QShortcut(QKeySequence(keys), self, slot, context=Qt.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence(Qt.Key_Return), self.view, lambda: self.open_visit("edit"),
                  context=Qt.WidgetShortcut)

    def _fill_staff(self) -> None:
        self.staff_combo.blockSignals(True)
        self.staff_combo.clear()
        if self.ctx.user is not None and (self.ctx.can("visit.all") or self.ctx.can("visit.plan")):
            if self.ctx.can("visit.all"):
                self.staff_combo.addItem(self.tr("All staff"), None)
            for u in visits.staff_choices(self.ctx.user):
                self.staff_combo.addItem(u.display_name, u.id)
        self.staff_combo.setEnabled(self.staff_combo.count() > 1)
        self.staff_combo.blockSignals(False)

    def _user_changed(self) -> None:
        self._fill_staff()
        self.refresh()

    # --- data ---------------------------------------------------------------------
    @property
    def staff_id(self) -> int | None:
        return self.staff_combo.currentData()

    def set_month(self, month: dt.date) -> None:
        self.month = visits.month_start(month)
        self.day = None
        self.refresh()

    def refresh(self) -> None:
        current = self.selected()
        self.month_label.setText(self.month.strftime("%Y-%m"))
        self.calendar.show_month(self.month)
        may = self.ctx.user is not None and (self.ctx.can("visit.all") or self.ctx.can("visit.plan"))
        result = ops.run(self, visit_plans.agenda, self.ctx.user, self.month, self.staff_id) if may else None
        self.rows = list(result.value) if result is not None and result.ok else []
        self.model.on = visits.today()
        self.calendar.set_counts(visit_plans.day_counts(
            [v for v in self.rows if v.due_month == self.month or v.actual_date], self.model.on))
        comp = ops.run(self, visit_plans.completion, self.ctx.user, self.month, self.staff_id) if may else None
        rows = list(comp.value) if comp is not None and comp.ok else []
        if len(rows) > 1:
            rows.append(visit_plans.month_total(rows))
        self.completion_model.set_rows(rows)
        self._show_rows(current.id if current else None)

    def _show_rows(self, keep_id: int | None = None) -> None:
        rows = self.rows
        if self.day is not None:
            rows = [v for v in rows if (v.actual_date or v.planned_date) == self.day]
            self.filter_label.setText(self.tr("Visits on %1: %2").replace("%1", fmt_date(self.day))
                                      .replace("%2", str(len(rows))))
        else:
            self.filter_label.setText(self.tr("Visits of %1: %2").replace("%1", self.month.strftime("%Y-%m"))
                                      .replace("%2", str(len(rows))))
        self.clear_day.setVisible(self.day is not None)
        self.model.set_rows(rows)
        for i, v in enumerate(rows):
            if v.id == keep_id:
                self.view.selectRow(i)
                break
        self._update_buttons()

    def _day_clicked(self, q) -> None:
        day = dt.date(q.year(), q.month(), q.day())
        self._set_day(None if day == self.day else day)

    def _set_day(self, day: dt.date | None) -> None:
        self.day = day
        self._show_rows()

    def selected(self):
        idx = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        return self.model.object_at(idx[0].row()) if idx else None

    def _may_write(self, v) -> bool:
        u = self.ctx.user
        return u is not None and (self.ctx.can("visit.all") or (self.ctx.can("visit.plan") and v.staff_id == u.id))

    def _update_buttons(self) -> None:
        v = self.selected()
        may_plan = self.ctx.can("visit.all") or self.ctx.can("visit.plan")
        planned = v is not None and v.status == "planned" and self._may_write(v)
        self.buttons["new"].setEnabled(may_plan)
        self.buttons["edit"].setEnabled(v is not None)
        self.buttons["edit"].setText(self.tr("Edit") if planned or v is None else self.tr("Open"))
        for key in ("report", "carry", "cancel"):
            self.buttons[key].setEnabled(planned)
        self.buttons["print"].setEnabled(v is not None)
        self.buttons["plans"].setEnabled(may_plan)

    # --- actions ------------------------------------------------------------------
    def new_visit(self) -> None:
        if not self.buttons["new"].isEnabled():
            return
        month = self.month if self.day is None else self.day
        dlg = VisitDialog(self.ctx, mode="new", staff_id=self.staff_id, month=month, parent=self)
        if self.day is not None:
            dlg.day_check.setChecked(True)
            dlg.day_edit.setDate(dlg.month_edit.date().addDays(self.day.day - 1))
        if dlg.exec() and dlg.saved is not None:
            self._select(dlg.saved.id)

    def open_visit(self, mode: str = "edit") -> None:
        v = self.selected()
        if v is None:
            return
        if not self._may_write(v) or v.status != "planned":
            mode = "view"
        result = ops.run(self, lambda: VisitDialog(self.ctx, v.id, mode=mode, parent=self))
        if result.ok:
            result.value.exec()

    def _select(self, visit_id: int) -> None:
        for i in range(self.model.rowCount()):
            if self.model.object_at(i).id == visit_id:
                self.view.selectRow(i)
                return

    def carry_forward(self) -> None:
        v = self.selected()
        if v is None or v.status != "planned":
            return
        start = max(visits.next_month(v.due_month), visits.month_start(visits.today()))
        months = [visits.next_month(start, i) for i in range(12)]
        choice, ok = QInputDialog.getItem(self, self.tr("Carry forward"),
                                          self.tr("Carry visit %1 to the month:").replace("%1", v.number),
                                          [m.strftime("%Y-%m") for m in months], 0, False)
        if not ok:
            return
        target = months[[m.strftime("%Y-%m") for m in months].index(choice)]
        ops.run(self, visit_outcomes.carry_forward, self.ctx.user, v.id, v.version, target, show_validation=True,
                changed="field")

    def cancel_visit(self) -> None:
        v = self.selected()
        if v is None or v.status != "planned":
            return
        reason, ok = QInputDialog.getText(self, self.tr("Cancel visit"),
                                          self.tr("Why is visit %1 cancelled?").replace("%1", v.number))
        if not ok:
            return
        ops.run(self, visit_outcomes.cancel_visit, self.ctx.user, v.id, v.version, reason, show_validation=True,
                changed="field")

    def print_report(self) -> None:
        v = self.selected()
        if v is not None:
            print_visit_report(self, self.ctx, v)

    def open_plans(self) -> None:
        if not self.buttons["plans"].isEnabled():
            return
        staff_id = self.staff_id or (self.ctx.user.id if self.ctx.user else None)
        PlanDialog(self.ctx, staff_id, self.month.year, parent=self).exec()
