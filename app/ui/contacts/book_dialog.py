"""Print the contact register as the book's pages (客服登记本, §4.2): the
range asked, its lines counted as the dates change, the book rendered by
:func:`app.domain.contacts.book_print.render_book` (which checks the right
to read the register) and shown in the A4 printer's preview."""
from __future__ import annotations

import datetime as dt

from app.ui.base import ops, prefs
from app.ui.base.widgets import FieldErrors, make_error_label
from app.ui.qt import (QApplication, QDate, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
                       Qt, QToolButton, QVBoxLayout, QWidget)


def month_of(day: dt.date) -> tuple[dt.date, dt.date]:
    first = day.replace(day=1)
    return first, (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)


def default_range(date_from: dt.date | None, date_to: dt.date | None, today: dt.date) -> tuple[dt.date, dt.date]:
    """The tab's date filter where it has one, this month otherwise; an open end is today."""
    if date_from is None and date_to is None:
        return today.replace(day=1), today
    last = date_to or max(today, date_from)
    return date_from or last.replace(day=1), last


def _render(user, date_from, date_to, lang: str, font: str | None) -> bytes:
    from app.domain.contacts import book_print

    return book_print.render_book(user, date_from, date_to, lang=lang, font=font)


def _count(date_from, date_to):
    from app.domain.contacts import book_print

    return book_print.count_lines(date_from, date_to)


class ContactBookDialog(QDialog):
    """The range of the book to print; Print renders it (the errors beside the dates) and closes."""

    def __init__(self, ctx, date_from: dt.date, date_to: dt.date, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.pdf = ctx, None
        self.setWindowTitle(self.tr("Print the contact register"))
        outer = QVBoxLayout(self)
        intro = QLabel(self.tr("The book's pages for the days from the first to the last, oldest first, one row "
                               "a call, letter or visit, with the lines per kind and a line to sign."))
        intro.setWordWrap(True)
        outer.addWidget(intro)
        form = QFormLayout()
        outer.addLayout(form)
        self.general_error = make_error_label()
        self.errors = FieldErrors(self.general_error)
        self.from_edit, self.to_edit = QDateEdit(), QDateEdit()
        for edit, value in ((self.from_edit, date_from), (self.to_edit, date_to)):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
            edit.setDate(QDate(value))
            edit.dateChanged.connect(self._changed)
        self.errors.add_form_row(form, self.tr("&First day:"), "date_from", self.from_edit)
        self.errors.add_form_row(form, self.tr("&Last day:"), "date_to", self.to_edit)
        quick = QHBoxLayout()
        today = dt.date.today()
        for text, span in ((self.tr("This &month"), month_of(today)),
                           (self.tr("La&st month"), month_of(today.replace(day=1) - dt.timedelta(days=1))),
                           (self.tr("To&day"), (today, today))):
            button = QToolButton()
            button.setText(text)
            button.clicked.connect(lambda _c=False, span=span: self.set_range(*span))
            quick.addWidget(button)
        quick.addStretch(1)
        form.addRow("", quick)
        self.count_label = QLabel()
        form.addRow(self.tr("Lines:"), self.count_label)
        self.range_error = make_error_label()
        form.addRow(self.range_error)
        self.errors.add("range", None, self.range_error)
        form.addRow(self.general_error)
        buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.print_button = buttons.addButton(self.tr("&Print…"), QDialogButtonBox.AcceptRole)
        self.print_button.setDefault(True)
        buttons.accepted.connect(self.print_book)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self.setMinimumWidth(480)
        self._changed()

    def range(self) -> tuple[dt.date, dt.date]:
        return self.from_edit.date().toPython(), self.to_edit.date().toPython()

    def set_range(self, date_from: dt.date, date_to: dt.date) -> None:
        for edit, value in ((self.from_edit, date_from), (self.to_edit, date_to)):
            edit.blockSignals(True)
            edit.setDate(QDate(value))
            edit.blockSignals(False)
        self._changed()

    def _changed(self, *_args) -> None:
        self.errors.clear()
        first, last = self.range()
        if last < first:
            self.count_label.setText("—")
            return
        result = ops.run(self, _count, first, last)
        if result.ok:
            from app.domain.contacts.book_print import MAX_LINES

            n, more = result.value
            self.count_label.setText(self.tr("more than %1").replace("%1", f"{MAX_LINES:,}") if more
                                     else self.tr("%n line(s)", "", n))

    def print_book(self) -> bool:
        first, last = self.range()
        QApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            result = ops.run(self, _render, self.ctx.user, first, last, prefs.get("print_language"),
                             prefs.get("font_path") or None)
        finally:
            QApplication.restoreOverrideCursor()
        if not result.ok:
            self.errors.show(result.field_errors, focus=True)
            return False
        self.pdf = result.value
        self.accept()
        return True

    @classmethod
    def ask(cls, parent: QWidget | None, ctx, date_from: dt.date, date_to: dt.date):
        """(the PDF, first day, last day), or None when cancelled."""
        dialog = cls(ctx, date_from, date_to, parent)
        try:
            if dialog.exec() != QDialog.Accepted or dialog.pdf is None:
                return None
            return (dialog.pdf, *dialog.range())
        finally:
            dialog.deleteLater()
