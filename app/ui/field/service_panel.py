"""The customer's field service, for the archive page: visits, service
activities taken part in, gift requests and satisfaction surveys, one
compact tab each with its count in the tab title.

It is field service's panel on the customer archive (app.ui.base.slots).
Double-click (or Enter) on a row opens the visit, activity, gift request or
survey in its own dialog. It re-reads itself whenever field service changed
(``ctx.on_change``).
"""
from __future__ import annotations

from app.domain.field import service_page
from app.ui.base import ops
from app.ui.base.table_models import CENTER, RIGHT, Column, ListTableModel, setup_view
from app.ui.base.widgets import colon, fmt_date
from app.ui.field.activity_dialog import ActivityDialog, kind_text
from app.ui.field.gift_dialog import STATUS_COLOURS, GiftDialog, money, status_text
from app.ui.field.survey_dialog import SurveyDialog
from app.ui.field.visit_dialog import VisitDialog
from app.ui.qt import QCoreApplication, QLabel, QTableView, QTabWidget, QVBoxLayout, QWidget

VISIT_COLOURS = {"done": "#2e7d32", "cancelled": "#757575", "carried": "#6a1b9a"}


def visit_kind(code: str) -> str:
    return {"patrol": QCoreApplication.translate("CustomerServicePanel", "Patrol"),
            "market": QCoreApplication.translate("CustomerServicePanel", "Market development"),
            "service": QCoreApplication.translate("CustomerServicePanel", "Service")}.get(code, code)


def visit_status(v) -> str:
    if v.overdue:
        return QCoreApplication.translate("CustomerServicePanel", "Overdue")
    return {"planned": QCoreApplication.translate("CustomerServicePanel", "Planned"),
            "done": QCoreApplication.translate("CustomerServicePanel", "Done"),
            "cancelled": QCoreApplication.translate("CustomerServicePanel", "Cancelled"),
            "carried": QCoreApplication.translate("CustomerServicePanel", "Carried forward")}.get(v.status, v.status)


class CustomerServicePanel(QWidget):
    """Visits, activities, gifts and surveys of one customer."""

    def __init__(self, ctx, customer_id: int, parent=None):
        super().__init__(parent)
        self.ctx, self.customer_id, self.data = ctx, customer_id, None
        self._first_load = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        layout.addWidget(self.tabs)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        self.models: dict[str, ListTableModel] = {}
        self.views: dict[str, QTableView] = {}
        self._add("visit", [
            Column(self.tr("Number"), lambda v: v.number, width=118),
            Column(self.tr("Due"), lambda v: fmt_date(v.planned_date) or v.due_month.strftime("%Y-%m"),
                   align=CENTER, width=84),
            Column(self.tr("Made"), lambda v: fmt_date(v.actual_date), align=CENTER, width=84),
            Column(self.tr("Kind"), lambda v: visit_kind(v.kind), width=90),
            Column(self.tr("Staff"), lambda v: v.staff, width=70),
            Column(self.tr("Status"), visit_status,
                   foreground=lambda v: "#c62828" if v.overdue else VISIT_COLOURS.get(v.status)),
        ])
        self._add("activity", [
            Column(self.tr("Number"), lambda a: a.number, width=118),
            Column(self.tr("Date"), lambda a: fmt_date(a.date), align=CENTER, width=84),
            Column(self.tr("Kind"), lambda a: kind_text(a.kind), width=120),
            Column(self.tr("Title"), lambda a: a.title, width=200),
            Column(self.tr("People"), lambda a: a.people, tooltip=lambda a: a.people or None, width=120),
            Column(self.tr("Headcount"), lambda a: a.headcount, align=RIGHT),
        ])
        self._add("gift", [
            Column(self.tr("Number"), lambda g: g.number, width=118),
            Column(self.tr("Requested"), lambda g: fmt_date(g.requested_at), align=CENTER, width=84),
            Column(self.tr("Reason"), lambda g: " ".join(g.summary.split()), tooltip=lambda g: g.summary, width=200),
            Column(self.tr("Value"), lambda g: money(g.value), align=RIGHT, width=90),
            Column(self.tr("Status"), lambda g: status_text(g.status), width=70,
                   foreground=lambda g: STATUS_COLOURS.get(g.status)),
            Column(self.tr("Given"), lambda g: fmt_date(g.given_at), align=CENTER),
        ])
        self._add("survey", [
            Column(self.tr("Number"), lambda s: s.number, width=118),
            Column(self.tr("Returned"), lambda s: fmt_date(s.returned_on), align=CENTER, width=84),
            Column(self.tr("Respondent"), lambda s: s.respondent, width=120),
            Column(self.tr("Average"), lambda s: "" if s.average is None else f"{s.average:.2f}", align=RIGHT),
        ])
        ctx.on_change("field", self.reload, self)
        self.reload()

    def _add(self, kind: str, columns: list[Column]) -> None:
        model = ListTableModel(columns, parent=self)
        view = QTableView()
        setup_view(view, model)
        view.setSortingEnabled(False)
        view.activated.connect(lambda index, k=kind, m=model: self._open(k, m, index.row()))
        self.models[kind], self.views[kind] = model, view
        self.tabs.addTab(view, "")

    def _open(self, kind: str, model: ListTableModel, row: int) -> None:
        line = model.object_at(row)
        if line is not None:
            self.open_item(kind, line.id)

    def open_item(self, kind: str, item_id: int) -> None:
        """Open a visit, activity, gift request or survey listed here in its dialog."""
        makers = {"visit": lambda: VisitDialog(self.ctx, item_id, mode="view", parent=self),
                  "activity": lambda: ActivityDialog(self.ctx, item_id, self),
                  "gift": lambda: GiftDialog(self.ctx, item_id, parent=self),
                  "survey": lambda: SurveyDialog(self.ctx, item_id, parent=self)}
        result = ops.run(self, makers[kind])
        if result.ok:
            result.value.exec()
            result.value.deleteLater()
            self.reload()

    def title(self) -> str:
        return self.tr("&Visits and service")

    def set_customer(self, customer_id: int) -> None:
        self.customer_id = customer_id
        self.reload()

    def reload(self) -> None:
        if self.ctx.user is None:
            return
        result = ops.run(self, service_page.for_customer, self.customer_id, self.ctx.user)
        if not result.ok:
            return
        self.data = d = result.value
        titles = {"visit": self.tr("Visits (%1)"), "activity": self.tr("Activities (%1)"),
                  "gift": self.tr("Gifts (%1)"), "survey": self.tr("Surveys (%1)")}
        lists = {"visit": d.visits, "activity": d.activities, "gift": d.gifts, "survey": d.surveys}
        for i, kind in enumerate(("visit", "activity", "gift", "survey")):
            rows = lists[kind]
            self.models[kind].set_rows(rows or [])
            self.tabs.setTabText(i, titles[kind].replace("%1", str(len(rows or []))))
            self.tabs.setTabVisible(i, rows is not None)
        if self._first_load:   # open on the first list that has something
            self._first_load = False
            kinds = ("visit", "activity", "gift", "survey")
            filled = [i for i, k in enumerate(kinds) if lists[k]]
            if filled:
                self.tabs.setCurrentIndex(filled[0])
        parts = []
        made = [v.actual_date for v in d.visits if v.status == "done" and v.actual_date]
        if made:
            parts.append(colon(self.tr("Last visit")) + " " + fmt_date(max(made)))
        overdue = sum(v.overdue for v in d.visits)
        if overdue:
            parts.append(self.tr("%n visit(s) overdue", "", overdue))
        if d.gifts is not None:
            parts.append(colon(self.tr("Gifts given")) + " " + money(d.gift_value_given))
        scored = [s.average for s in d.surveys or () if s.average is not None]
        if scored:
            parts.append(colon(self.tr("Latest survey average")) + f" {scored[0]:.2f}")
        self.summary.setText("  ·  ".join(parts))
        self.summary.setVisible(bool(parts))
