"""The visits page's month calendar: each day shows its visits as coloured
dots with a count (blue planned, green done, red overdue), so a glance
tells where the month is busy and what was missed. Clicking a day filters
the list (the page listens to ``clicked``); clicking it again clears it.
"""
from __future__ import annotations

import datetime as dt

from app.ui.qt import QCalendarWidget, QColor, QDate, QFont, QPainter, QRect, Qt

COLOURS = {"overdue": "#c62828", "planned": "#1565c0", "done": "#2e7d32"}


class VisitCalendar(QCalendarWidget):
    """A QCalendarWidget that paints per-day visit markers."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.counts: dict[dt.date, dict[str, int]] = {}
        self.setGridVisible(True)
        self.setVerticalHeaderFormat(QCalendarWidget.NoVerticalHeader)
        self.setNavigationBarVisible(False)     # the page has its own month navigator
        self.setFirstDayOfWeek(Qt.Monday)
        self.setMinimumSize(300, 220)

    def set_counts(self, counts: dict[dt.date, dict[str, int]]) -> None:
        self.counts = counts
        self.updateCells()

    def show_month(self, month: dt.date) -> None:
        self.setCurrentPage(month.year, month.month)

    def paintCell(self, painter: QPainter, rect: QRect, date: QDate) -> None:  # noqa: N802 - Qt API
        super().paintCell(painter, rect, date)
        day = dt.date(date.year(), date.month(), date.day())
        counts = self.counts.get(day)
        if not counts or date.month() != self.monthShown():
            return
        painter.save()
        font = QFont(painter.font())
        font.setPointSizeF(max(8.0, font.pointSizeF() * 0.9))
        font.setBold(True)
        painter.setFont(font)
        fm = painter.fontMetrics()
        x = rect.left() + 3
        y = rect.bottom() - fm.height() - 1
        dot = max(7, fm.height() * 2 // 3)
        for state in ("overdue", "planned", "done"):
            n = counts.get(state, 0)
            if not n:
                continue
            colour = QColor(COLOURS[state])
            painter.setPen(Qt.NoPen)
            painter.setBrush(colour)
            painter.drawEllipse(x, y + (fm.height() - dot) // 2, dot, dot)
            x += dot + 1
            painter.setPen(colour)
            text = str(n)
            painter.drawText(x, y, fm.horizontalAdvance(text) + 2, fm.height(), Qt.AlignVCenter, text)
            x += fm.horizontalAdvance(text) + 4
        painter.restore()
