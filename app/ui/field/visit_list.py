"""A list of visits as the visits page and a plan show it (overdue rows
shaded, each status in its colour), and printing one visit's report
(走访用户汇报, 附表4); shared by the visits page, the plan dialog and the
visit dialog."""
from __future__ import annotations

from app.domain.core import printed
from app.domain.field import visit_plans, visits
from app.ui.base import ops, prefs, print_service
from app.ui.base.table_models import CENTER, Column, ListTableModel, RowStyle
from app.ui.base.widgets import fmt_date
from app.ui.qt import QCoreApplication

OVERDUE_FG, OVERDUE_BG = "#b71c1c", "#fdecea"
STATUS_FG = {"done": "#2e7d32", "late": "#ef6c00", "cancelled": "#757575", "carried": "#6a1b9a",
             "overdue": OVERDUE_FG}


def status_label(status: str) -> str:
    return ops.translated(visits.STATUS_LABELS.get(status, status))


def report_pdf(user, visit_id: int, lang: str) -> bytes:
    """The visit report (附表4) as PDF bytes."""
    data = visit_plans.report_print_data(user, visit_id)
    from app.printing.field import visit_report_print  # reportlab loads on first use

    return printed.laid_out(visit_report_print.render_visit_report, data, lang=lang,
                            font=prefs.get("font_path") or None)


def print_visit_report(parent, ctx, visit) -> None:
    result = ops.run(parent, report_pdf, ctx.user, visit.id, prefs.get("print_language"))
    if result.ok:
        title = QCoreApplication.translate("VisitsPage", "Visit report %1").replace("%1", visit.number)
        print_service.print_pdf(parent, result.value, "voucher", title, preview=True)


def purposes_brief(v) -> str:
    """"A Business lines; M5 Grievances": each purpose's letter with its word or two."""
    sep = QCoreApplication.translate("VisitListModel", "; ")
    return sep.join(f"{visits.purpose_mark(c)} {ops.translated(visits.PURPOSE_SHORT.get(c, c))}"
                    for c in v.purpose_codes)


def purposes_legend(v) -> str | None:
    """The purposes in full, one a line, with their letters (M: with the manager, §3.4)."""
    if not v.purpose_codes:
        return None
    lines = [f"{visits.purpose_mark(c)}. {ops.translated(visits.PURPOSES.get(c, c))}" for c in v.purpose_codes]
    if any(c.startswith("manager.") for c in v.purpose_codes):
        lines.append(QCoreApplication.translate("VisitListModel", "M: with the manager (§3.4)"))
    return "\n".join(lines)


class VisitListModel(ListTableModel):
    def __init__(self, parent=None):
        super().__init__([], parent=parent)
        self.on = visits.today()
        self.columns = [
            Column(self.tr("No."), lambda v: v.number, width=118),
            Column(self.tr("Customer"), lambda v: v.customer.name, width=200,
                   tooltip=lambda v: f"{v.customer.name}\n{v.customer.code}"),
            Column(self.tr("Kind"), lambda v: ops.translated(visits.KIND_LABELS[v.kind]), width=120),
            Column(self.tr("Purposes"), purposes_brief, width=150, tooltip=purposes_legend),
            Column(self.tr("Due"), self._due, align=CENTER, width=90),
            Column(self.tr("Staff"), lambda v: v.staff.display_name, width=70),
            Column(self.tr("Manager"), lambda v: v.manager.display_name if v.manager_id else "", width=70),
            Column(self.tr("Status"), lambda v: status_label(visits.shown_status(v, self.on)), width=90,
                   foreground=lambda v: STATUS_FG.get(visits.shown_status(v, self.on))),
            Column(self.tr("Goal"), lambda v: v.goal.replace("\n", " "), tooltip=lambda v: v.goal or None),
        ]

    def _due(self, v) -> str:
        if v.status == "done" and v.actual_date:
            return fmt_date(v.actual_date)
        return fmt_date(v.planned_date) if v.planned_date else v.due_month.strftime("%Y-%m")

    def row_style(self, v):
        return RowStyle(background=OVERDUE_BG) if visits.is_overdue(v, self.on) else None
