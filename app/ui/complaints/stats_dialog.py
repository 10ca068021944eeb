"""Complaint statistics for a period (§3.3.1C), with charts (Qt Charts):
the key figures, and a bar chart each by cause, channel and severity (the
product and staff member tables beside them); Print gives the A4 summary
(app.domain.complaints.statistics.render_stats)."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtGui import QPainter

from app.domain.complaints import complaints, statistics
from app.ui.base import ops, prefs
from app.ui.complaints.complaint_dialog import label
from app.ui.qt import (QDate, QDateEdit, QDialog, QDialogButtonBox, QGridLayout, QHBoxLayout, QLabel, QPushButton,
                       Qt, QVBoxLayout)


def _short(text: str, n: int = 10) -> str:
    return text if len(text) <= n else text[:n - 1] + "…"


class StatsDialog(QDialog):
    """The statistics of the complaints received in a range of days."""

    def __init__(self, ctx, date_from: dt.date | None = None, date_to: dt.date | None = None, parent=None):
        super().__init__(parent)
        self.ctx, self.stats = ctx, None
        self.setWindowTitle(self.tr("Complaint statistics"))
        self.resize(1100, 660)
        column = QVBoxLayout(self)
        bar = QHBoxLayout()
        today = dt.date.today()
        self.from_edit, self.to_edit = QDateEdit(), QDateEdit()
        for edit, value in ((self.from_edit, date_from or today.replace(month=1, day=1)),
                            (self.to_edit, date_to or today)):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
            edit.setDate(QDate(value))
            edit.dateChanged.connect(self.reload)
        bar.addWidget(QLabel(self.tr("From")))
        bar.addWidget(self.from_edit)
        bar.addWidget(QLabel(self.tr("to")))
        bar.addWidget(self.to_edit)
        bar.addStretch(1)
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.clicked.connect(self.print_stats)
        bar.addWidget(self.print_button)
        column.addLayout(bar)
        self.figures = QLabel()
        self.figures.setObjectName("figuresLabel")
        self.figures.setWordWrap(True)
        column.addWidget(self.figures)
        grid = QGridLayout()
        self.charts: dict[str, QChart] = {}
        for i, (key, title) in enumerate((("cause", self.tr("By cause")), ("channel", self.tr("By channel")),
                                          ("severity", self.tr("By severity")), ("product", self.tr("By product")),
                                          ("staff", self.tr("By staff member")), ("state", self.tr("By state")))):
            chart = QChart()
            chart.setTitle(title)
            chart.legend().hide()
            view = QChartView(chart)
            view.setRenderHint(QPainter.Antialiasing)
            view.setMinimumHeight(220)
            self.charts[key] = chart
            grid.addWidget(view, i // 3, i % 3)
        column.addLayout(grid, 1)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828;")
        column.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)
        self.reload()

    def range(self) -> tuple[dt.date, dt.date]:
        return self.from_edit.date().toPython(), self.to_edit.date().toPython()

    def reload(self, *_args) -> None:
        result = ops.run(self, statistics.compute, self.ctx.user, *self.range())
        self.error.setText("\n".join(result.field_errors.values()) if result.field_errors else "")
        if not result.ok:
            return
        s = self.stats = result.value

        def pct(v) -> str:
            return "—" if v is None else f"{v * 100:.0f}%"

        parts = [self.tr("Received: %1").replace("%1", str(s.total)),
                 self.tr("closed: %1").replace("%1", str(s.closed)),
                 self.tr("closed on time: %1").replace("%1", pct(s.on_time_share)),
                 self.tr("reopened: %1").replace("%1", pct(s.reopened_share)),
                 self.tr("overdue now: %1").replace("%1", str(s.overdue_now)),
                 self.tr("average to first contact: %1 h").replace(
                     "%1", "—" if s.avg_hours_to_contact is None else f"{s.avg_hours_to_contact:.1f}"),
                 self.tr("average to close: %1 days").replace(
                     "%1", "—" if s.avg_days_to_close is None else f"{s.avg_days_to_close:.1f}")]
        self.figures.setText("  ·  ".join(parts))
        unknown = self.tr("Not known yet")
        self._bars("cause", [(label(complaints.CAUSE_NAMES, k) if k else unknown, n) for k, n in s.by_cause.items()])
        self._bars("channel", [(label(complaints.CHANNEL_NAMES, k), n) for k, n in s.by_channel.items()])
        self._bars("severity", [(label(complaints.SEVERITY_NAMES, k), n) for k, n in s.by_severity.items()])
        self._bars("product", list(s.by_product.items())[:8])
        self._bars("staff", list(s.by_staff.items())[:8])
        self._bars("state", [(label(complaints.STATE_NAMES, k), n) for k, n in s.by_state.items()])

    def _bars(self, key: str, rows: list[tuple[str, int]]) -> None:
        chart = self.charts[key]
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        values = QBarSet(chart.title())
        values.setColor("#1565c0")
        for _name, n in rows:
            values.append(n)
        series = QBarSeries()
        series.append(values)
        series.setLabelsVisible(True)
        chart.addSeries(series)
        x = QBarCategoryAxis()
        x.append([_short(str(name)) for name, _n in rows] or [""])
        y = QValueAxis()
        y.setRange(0, max([n for _name, n in rows] + [1]))
        y.setLabelFormat("%d")
        y.setTickCount(min(6, max([n for _name, n in rows] + [1]) + 1))
        chart.addAxis(x, Qt.AlignBottom)
        series.attachAxis(x)
        chart.addAxis(y, Qt.AlignLeft)
        series.attachAxis(y)

    def print_stats(self) -> bool:
        from app.ui.base import print_service

        first, last = self.range()
        result = ops.run(self, statistics.render_stats, self.ctx.user, first, last,
                         lang=prefs.get("print_language"), font=prefs.get("font_path") or None, show_validation=True)
        if not result.ok:
            return False
        title = self.tr("Complaint statistics %1 to %2").replace("%1", first.isoformat()).replace("%2", last.isoformat())
        return print_service.print_pdf(self, result.value, "voucher", title, preview=True)
