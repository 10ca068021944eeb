"""The counter's tab on a customer's archive: their service jobs (newest
first; double-click or Enter opens the job), units and maintenance
agreements. Filled through the archive's panel slot (app.ui.base.slots),
read with the archive's access rule (app.domain.counter.customer_page)."""
from __future__ import annotations

from app.domain.counter import customer_page
from app.ui.base import labels, ops
from app.ui.base.table_models import CENTER, Column, ListTableModel, QueryModel, setup_view
from app.ui.base.widgets import fmt_date, short
from app.ui.qt import QTableView, QTabWidget, QVBoxLayout, QWidget


class CustomerCounterPanel(QWidget):
    """``CustomerCounterPanel(ctx, customer_id)``: jobs, units, agreements."""

    def __init__(self, ctx, customer_id: int, parent=None):
        super().__init__(parent)
        self.ctx, self.customer_id = ctx, customer_id
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs)
        # A big account has thousands of jobs and units: read a page at a time.
        self.jobs_model = QueryModel(self.job_columns(), customer_page.JOBS_ORDER, parent=self)
        self.units_model = QueryModel(self.unit_columns(), customer_page.UNITS_ORDER, parent=self)
        self.agreements_model = ListTableModel(self.agreement_columns(), parent=self)
        self.jobs_view, self.units_view, self.agreements_view = QTableView(), QTableView(), QTableView()
        for view, model, title in ((self.jobs_view, self.jobs_model, self.tr("Service jobs")),
                                   (self.units_view, self.units_model, self.tr("Units")),
                                   (self.agreements_view, self.agreements_model, self.tr("Maintenance agreements"))):
            setup_view(view, model)
            self.tabs.addTab(view, title)
        self.jobs_view.setToolTip(self.tr("Double-click or Enter opens the job"))
        self.jobs_view.activated.connect(self._open_job)
        ctx.on_change("counter", self.reload, self)
        self.reload()

    def title(self) -> str:
        return self.tr("&Units, jobs, agreements")

    def reload(self) -> None:
        if self.ctx.user is None:
            return
        page = ops.run(self, customer_page.related, self.ctx.user, self.customer_id)
        if page.ok:
            self.jobs_model.set_query(page.value.jobs)
            self.units_model.set_query(page.value.units)
            self.agreements_model.set_rows(page.value.agreements)

    def _open_job(self, index) -> None:
        job = self.jobs_model.object_at(index.row())
        if job is not None:
            self.ctx.open_job.emit(job.id)

    def job_columns(self) -> list[Column]:
        return [
            Column(self.tr("Job no."), lambda j: j.number, width=120),
            Column(self.tr("Received"), lambda j: fmt_date(j.received_at), align=CENTER, width=84),
            Column(self.tr("Serial"), lambda j: j.unit.serial, width=110),
            Column(self.tr("State"), lambda j: labels.state(j.state), width=110),
            Column(self.tr("Service"), lambda j: labels.kind(j.service_kind), width=90),
            Column(self.tr("Fault"), lambda j: short(j.fault), tooltip=lambda j: j.fault or None),
        ]

    def unit_columns(self) -> list[Column]:
        return [
            Column(self.tr("Serial"), lambda u: u.serial, width=130),
            Column(self.tr("Product"), lambda u: u.product.name, width=220),
            Column(self.tr("Model"), lambda u: u.product.model, width=120),
            Column(self.tr("Sold"), lambda u: fmt_date(u.sale_date), align=CENTER),
        ]

    def agreement_columns(self) -> list[Column]:
        return [
            Column(self.tr("Agreement"), lambda a: a.number, width=130),
            Column(self.tr("From"), lambda a: fmt_date(a.start_date), align=CENTER, width=90),
            Column(self.tr("To"), lambda a: fmt_date(a.end_date), align=CENTER, width=90),
            Column(self.tr("Active", "agreement in force"), lambda a: "✔" if a.active else "", align=CENTER, width=60),
            Column(self.tr("Terms"), lambda a: short(a.terms), tooltip=lambda a: a.terms or None),
        ]
