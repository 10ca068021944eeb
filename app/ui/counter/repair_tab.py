"""The workshop queue (维修卡 tab): every unit in the shop, oldest first.

Technicians and the counter find a job here by state, technician, age or
text (a pasted list of serials finds them all), see at once what is
overdue, open a job, move several jobs along in one step and print their
repair cards. The list refreshes whenever any tab changes a job.
"""
from __future__ import annotations

from app.domain.core import users
from app.domain.counter import jobs, queue_queries, release, workshop
from app.domain.counter.models import Job, Product, Unit
from app.domain.customers.models import Customer
from app.ui.base import export, labels, ops
from app.ui.base.context import Changed
from app.ui.base.table_models import CENTER, RIGHT, Column, PagedQueryModel, RowStyle, setup_view
from app.ui.base.widgets import fmt_date
from app.ui.counter.job_dialog import JobDialog
from app.ui.counter.job_tables import STATE_COLOURS
from app.ui.generated.ui_repair_tab import Ui_RepairTab
from app.ui.qt import QInputDialog, QKeySequence, QMenu, QMessageBox, QShortcut, Qt, QTimer, QToolButton, QWidget

OVERDUE_FG, OVERDUE_BG = "#b71c1c", "#fdecea"


class JobQueueModel(PagedQueryModel):
    """The open jobs matching the tab's filters (a paged model over workshop.queue), oldest first."""

    default_order = [(Job.received_at, False)]

    def __init__(self, parent=None):
        super().__init__([], parent)
        self.columns = [
            Column(self.tr("Job no."), lambda j: j.number, Job.number, width=118),
            Column(self.tr("Received"), lambda j: fmt_date(j.received_at), Job.received_at, CENTER, width=84),
            Column(self.tr("Days"), workshop.age_days, Job.received_at, RIGHT, width=44, reverse_sort=True),
            Column(self.tr("Customer"), lambda j: j.customer.name, Customer.name, width=190,
                   tooltip=lambda j: f"{j.customer.name}\n{j.customer.phone}".strip()),
            Column(self.tr("Product"), lambda j: j.unit.product.name, Product.name, width=210,
                   tooltip=lambda j: f"{j.unit.product.name}\n{j.unit.product.model}"),
            Column(self.tr("Serial"), lambda j: j.unit.serial, Unit.serial, width=100),
            Column(self.tr("Fault"), lambda j: _short(j.fault), Job.fault, width=170, tooltip=lambda j: j.fault),
            Column(self.tr("State"), lambda j: labels.state(j.state), Job.state, width=110,
                   foreground=lambda j: STATE_COLOURS.get(j.state)),
            Column(self.tr("Technician"), lambda j: j.technician.display_name if j.technician else "", Job.technician,
                   width=70),
            Column(self.tr("Promised"), lambda j: fmt_date(j.promised_date), Job.promised_date, CENTER, width=84,
                   tooltip=lambda j: self.tr("Overdue") if workshop.is_overdue(j) else None,
                   foreground=lambda j: OVERDUE_FG if workshop.is_overdue(j) else None),
            Column(self.tr("Service"), lambda j: labels.kind(j.service_kind), Job.service_kind, width=90,
                   tooltip=lambda j: j.kind_reason or None),
        ]
        self.filters: dict = {}

    def build_query(self):
        return queue_queries.queue(**self.filters)

    def fetch_rows(self, ids):
        return queue_queries.jobs_by_ids(ids)

    def row_style(self, job):
        # A pink row and a red date: the state colours stay readable on a busy day.
        return RowStyle(background=OVERDUE_BG, bold=False) if workshop.is_overdue(job) else None


def _short(text: str, n: int = 24) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[:n - 1] + "…"


class RepairCardsTab(QWidget):
    """The workshop queue tab: filters, state chips, overdue count, bulk actions."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_RepairTab()
        self.ui.setupUi(self)
        self.model = JobQueueModel(self)
        self.view = self.ui.tableView
        setup_view(self.view, self.model)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.AscendingOrder)   # oldest first = the query's order
        self._build_chips()
        self._fill_combos()
        if ctx.user is not None and ctx.user.role == "technician":     # a technician's queue: his own jobs
            self.ui.technicianCombo.setCurrentIndex(max(0, self.ui.technicianCombo.findData(ctx.user.id)))
        self.ui.overdueButton.toggled.connect(self.apply_filters)
        self.ui.technicianCombo.currentIndexChanged.connect(self.apply_filters)
        self.ui.ageCombo.currentIndexChanged.connect(self.apply_filters)
        # Search as the clerk types, but not one query per keystroke.
        self._search_timer = QTimer(self, singleShot=True, interval=250, timeout=self.apply_filters)
        self.ui.searchEdit.textChanged.connect(self._search_timer.start)
        self.ui.searchEdit.returnPressed.connect(self.apply_filters)
        self.ui.refreshButton.clicked.connect(self.refresh)
        self.view.activated.connect(lambda index: self.open_job(self.model.id_at(index.row())))
        self.ui.openButton.clicked.connect(self.open_current)
        self.move_menu = QMenu(self)
        self.move_menu.aboutToShow.connect(self._fill_move_menu)
        self.ui.moveButton.setMenu(self.move_menu)
        self.ui.printCardsButton.clicked.connect(self.print_cards)
        self.ui.exportButton.clicked.connect(lambda: export.export_model(self, self.model, "workshop-queue"))
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        # Only while this tab shows: the other tab's Ctrl+R would make the key ambiguous.
        refresh = QShortcut(QKeySequence("Ctrl+R"), self, self.refresh)
        refresh.setContext(Qt.WidgetWithChildrenShortcut)
        ctx.on_change("counter", self.refresh, self)
        self.apply_filters()

    # -- filters ----------------------------------------------------------------
    def _build_chips(self) -> None:
        self.chips: dict[str | None, QToolButton] = {}
        for state in (None, *jobs.OPEN_STATES):
            chip = QToolButton(self, checkable=True, autoRaise=False)
            chip.setStyleSheet("QToolButton { border: 1px solid #b0bec5; border-radius: 10px; padding: 2px 8px; }"
                               "QToolButton:checked { background: #1565c0; color: white; border-color: #1565c0; }")
            chip.clicked.connect(lambda _checked, s=state: self._chip_clicked(s))
            self.ui.chipsLayout.addWidget(chip)
            self.chips[state] = chip
        self.chips[None].setChecked(True)

    def _chip_clicked(self, state: str | None) -> None:
        # "All open" and the single states exclude each other; several states may be on.
        if state is None or not any(c.isChecked() for s, c in self.chips.items() if s):
            for s, chip in self.chips.items():
                chip.setChecked(s is None)
        else:
            self.chips[None].setChecked(False)
        self.apply_filters()

    def _fill_combos(self) -> None:
        combo = self.ui.technicianCombo
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("All technicians"), None)
        combo.addItem(self.tr("Not assigned"), "none")
        for tech in users.technicians():
            combo.addItem(tech.display_name, tech.id)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)
        if not self.ui.ageCombo.count():
            # min_age_days counts whole days: "older than 3 days" is 4 days or more.
            for days, text in ((None, self.tr("Any age")), (4, self.tr("Older than 3 days")),
                               (8, self.tr("Older than 7 days")), (15, self.tr("Older than 14 days"))):
                self.ui.ageCombo.addItem(text, days)

    def current_filters(self) -> dict:
        tech = self.ui.technicianCombo.currentData()
        states = [s for s, chip in self.chips.items() if s and chip.isChecked()]
        return dict(states=states or None, technician_id=tech if isinstance(tech, int) else None,
                    unassigned=tech == "none", min_age_days=self.ui.ageCombo.currentData(),
                    terms=queue_queries.split_terms(self.ui.searchEdit.text()),
                    overdue_only=self.ui.overdueButton.isChecked())

    def apply_filters(self) -> None:
        """Re-run the query with the filters as they are now set."""
        self._search_timer.stop()
        self.model.filters = self.current_filters()
        self.model.load()
        self._update_counts()

    def refresh(self) -> None:
        """Re-read everything (Ctrl+R, or another tab changed a job), keeping the selection."""
        self._fill_combos()
        self.model.filters = self.current_filters()
        self.model.refresh(self.view.selectionModel())
        self._update_counts()

    def _update_counts(self) -> None:
        counts = workshop.counts_by_state()
        for state, chip in self.chips.items():
            n = sum(counts.get(s, 0) for s in jobs.OPEN_STATES) if state is None else counts.get(state, 0)
            name = self.tr("All open") if state is None else labels.state(state)
            chip.setText(f"{name}  {n}")
        overdue = queue_queries.overdue_count()
        self.ui.overdueButton.setText(self.tr("%n overdue", "", overdue))
        self.ui.overdueButton.setStyleSheet(
            f"QToolButton {{ color: {OVERDUE_FG}; font-weight: bold; background: {OVERDUE_BG};"
            " border: 1px solid #e57373; border-radius: 10px; padding: 2px 10px; }"
            "QToolButton:checked { background: #c62828; color: white; }" if overdue else "")
        terms = self.model.filters.get("terms") or []
        n, more = self.model.count()
        text = self.tr("%1+ jobs").replace("%1", f"{n:,}") if more else self.tr("%n job(s)", "", n)
        if len(terms) > 1:
            text += "  ·  " + self.tr("matching any of %n terms", "", len(terms))
            missing = self._unmatched(terms)
            if missing:
                text += "  ·  " + self.tr("not found among these jobs: %1").replace("%1", ", ".join(missing))
        self.ui.statusLabel.setText(text)
        self._update_buttons()

    def _unmatched(self, terms: list[str]) -> list[str]:
        """Pasted terms no listed job matches (a serial not in the shop, a typo)."""
        if self.model.canFetchMore():    # a long list: do not read it all for this
            return []
        fields = [(j.number, j.unit.serial, j.customer.name.upper(), j.customer.phone)
                  for j in map(self.model.object_at, range(self.model.rowCount())) if j is not None]
        return [t for t in terms if not any(t.upper() in f.upper() for row in fields for f in row)]

    def _update_buttons(self, *_args) -> None:
        n = len(self.selected_ids())
        self.ui.openButton.setEnabled(n == 1)
        self.ui.moveButton.setEnabled(n > 0)
        self.ui.printCardsButton.setEnabled(n > 0)

    # -- selection and opening --------------------------------------------------
    def selected_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.view.selectionModel().selectedRows())
        return [self.model.id_at(r) for r in rows]

    def open_current(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.open_job(self.model.id_at(index.row()))

    def open_job(self, job_id: int | None) -> None:
        if job_id is not None:
            dialog = JobDialog(self.ctx, job_id, self)
            dialog.exec()
            dialog.deleteLater()    # else each closed dialog would go on reloading on every change

    # -- bulk actions -----------------------------------------------------------
    def _fill_move_menu(self) -> None:
        self.move_menu.clear()
        selected = list(Job.select().where(Job.id.in_(self.selected_ids())))
        for action in jobs.ACTIONS:
            if action == "cancel":
                self.move_menu.addSeparator()        # apart from the moves: it voids receipts too
            n = sum(jobs.can(j, action) for j in selected)
            ellipsis = "…" if jobs.ACTIONS[action][2] else ""
            item = self.move_menu.addAction(f"{labels.action(action)}{ellipsis}  ({n}/{len(selected)})")
            item.setEnabled(n > 0)
            item.triggered.connect(lambda _checked=False, a=action: self.bulk_move(a))

    def bulk_move(self, action: str, job_ids: list[int] | None = None) -> tuple[list[str], list[str]]:
        """Apply ``action`` to every selected job where the state machine allows it;
        report which moved and which were skipped, and why."""
        ids = job_ids if job_ids is not None else self.selected_ids()
        if not ids:
            return [], []
        note = ""
        if jobs.ACTIONS[action][2]:
            note, ok = QInputDialog.getText(self, labels.action(action),
                                            self.tr("Why? (the note is kept in each job's history)"))
            if not ok:
                return [], []
            if not note.strip():
                QMessageBox.warning(self, labels.action(action), self.tr("A note is required for this step."))
                return [], []
        if action == "cancel" and QMessageBox.question(
                self, labels.action(action), self.tr("Cancel the selected jobs? Their receipts and register rows "
                                                     "are voided; this cannot be undone.")) != QMessageBox.Yes:
            return [], []
        done, skipped = [], []
        for job in Job.select().where(Job.id.in_(ids)).order_by(Job.received_at, Job.id):
            if not jobs.can(job, action):
                skipped.append(self.tr("%1: it is %2").replace("%1", job.number)
                               .replace("%2", labels.state(job.state)))
                continue
            # The version just read: the state machine still guards the transition.
            if action == "cancel":
                result = ops.run(self, release.cancel_job, job.id, self.ctx.user, job.version, note)
            else:
                result = ops.run(self, jobs.perform, job.id, action, self.ctx.user, job.version, note)
            if result.ok:
                done.append(job)
            else:
                skipped.append(f"{job.number}: {ops.translated(getattr(result.error, 'message', result.error))}")
        if done:   # one announcement for the batch (each job was its own transaction)
            self.ctx.announce(Changed("counter", tuple(j.id for j in done)))
        summary = self.tr("%n job(s) moved to “%1”.", "", len(done)).replace("%1", labels.action(action))
        if skipped:
            summary += "\n\n" + self.tr("Skipped:") + "\n" + "\n".join(skipped)
        QMessageBox.information(self, self.tr("Move to…"), summary)
        return [j.number for j in done], skipped

    def print_cards(self) -> None:
        from app.ui.counter import printing

        for job_id in self.selected_ids():
            # False means the clerk cancelled the printer dialog: do not ask again for each job.
            if printing.print_job(self, self.ctx, job_id, kinds=("cards",)) is False:
                break
