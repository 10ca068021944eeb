"""What the intake screen shows of a scanned serial: the unit, its warranty
and service kind, and its earlier jobs (double-click opens one)."""
from __future__ import annotations

from app.domain.counter.unit_facts import UnitFacts
from app.ui.base import labels
from app.ui.base.widgets import fmt_date
from app.ui.qt import QCoreApplication, Qt, QTableWidget, QTableWidgetItem


def unit_html(facts: UnitFacts, decision) -> str:
    """The unit's facts as a small two-column table."""
    rows = []
    if facts.unit is None:
        rows.append((QCoreApplication.translate("UnitView", "Unit"), QCoreApplication.translate(
            "UnitView", "New serial number: choose the product and the sale date.")))
    else:
        u = facts.unit
        owner = (f"{u.owner.name} ({u.owner.code})" if u.owner
                 else QCoreApplication.translate("UnitView", "not recorded"))
        rows += [(QCoreApplication.translate("UnitView", "Product"), f"{u.product.name} {u.product.model}"),
                 (QCoreApplication.translate("UnitView", "Owner"), owner),
                 (QCoreApplication.translate("UnitView", "Sold on"),
                  fmt_date(u.sale_date) or QCoreApplication.translate("UnitView", "unknown"))]
    if decision is not None:
        rows.append((QCoreApplication.translate("UnitView", "Warranty until"),
                     fmt_date(decision.warranty_until) or QCoreApplication.translate("UnitView", "unknown")))
        why = labels.kind_reason(decision.reason)
        if decision.agreement is not None:
            why = f"{why} {decision.agreement.number}"
        rows.append((QCoreApplication.translate("UnitView", "Service kind"),
                     f"<b>{labels.kind(decision.kind)}</b> — {why}"))
    if facts.unit is not None:
        rows.append((QCoreApplication.translate("UnitView", "Previous jobs"),
                     str(len(facts.history)) if facts.history else QCoreApplication.translate("UnitView", "none")))
    return "<table>" + "".join(f"<tr><td style='padding-right:12px;color:#555'>{k}</td><td>{v}</td></tr>"
                               for k, v in rows) + "</table>"


def fill_history(table: QTableWidget, history) -> None:
    """The unit's earlier jobs, newest first; each row carries its job id."""
    table.setRowCount(len(history))      # at once: a row at a time re-lays the table out each time
    for row, job in enumerate(history):
        for col, text in enumerate((job.number, fmt_date(job.received_at), job.fault, labels.state(job.state))):
            item = QTableWidgetItem(text)
            item.setData(Qt.UserRole, job.id)
            table.setItem(row, col, item)
    table.resizeColumnToContents(0)
    table.resizeColumnToContents(1)
