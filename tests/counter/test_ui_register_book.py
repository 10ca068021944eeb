"""The Register tab's "Print the book…" (Ctrl+P): the range asked (the tab's
date filter, or this month), the rows counted, a wrong or empty range
told beside the dates, the book sent to the A4 printer's preview."""
from __future__ import annotations

import datetime as dt
import io

import pypdf
import pytest

from app.domain.core import permissions
from app.domain.counter.models import RegisterEntry
from app.ui.base.context import AppContext
from app.ui.counter.register_book_dialog import PrintBookDialog, default_range
from app.ui.qt import QDate, QDialog, Qt, QToolButton
from tests.conftest import record_message_boxes
from tests.counter.test_ui_register import hand_back, take

TODAY = dt.date.today()


def pdf_text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def book(any_db, staff):
    """Three units in this month, one handed back; one taken in 40 days ago."""
    a = take(staff, "CN-0AAA111", "王芳")
    b = take(staff, "CN-0BBB222", "李娜", brought_by="李娜的司机")
    c = take(staff, "CN-0CCC333", "张伟", days_ago=40)
    hand_back(b, staff, "李娜")
    return dict(a=a, b=b, c=c)


@pytest.fixture
def tab(qtbot, book, staff):
    from app.ui.counter.register_tab import RegisterTab

    widget = RegisterTab(AppContext(staff["counter"]))
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def press_print(monkeypatch):
    """The dialog opened by the tab presses Print at once (instead of waiting
    modally); the dialogs shown are kept, with the range they offered."""
    shown = []

    def exec_(dialog):
        shown.append((dialog, dialog.range()))
        return QDialog.Accepted if dialog.print_book() else QDialog.Rejected

    monkeypatch.setattr(PrintBookDialog, "exec", exec_)
    return shown


def test_the_range_offered():
    first = TODAY.replace(day=1)
    assert default_range(None, None, TODAY) == (first, TODAY)                       # this month
    assert default_range(dt.date(2026, 3, 5), dt.date(2026, 3, 9), TODAY) == (dt.date(2026, 3, 5), dt.date(2026, 3, 9))
    assert default_range(dt.date(2026, 3, 5), None, dt.date(2026, 4, 2)) == (dt.date(2026, 3, 5), dt.date(2026, 4, 2))
    assert default_range(None, dt.date(2026, 3, 9), TODAY) == (dt.date(2026, 3, 1), dt.date(2026, 3, 9))
    # A start after today: the last day is the first.
    assert default_range(dt.date(2026, 5, 5), None, dt.date(2026, 4, 2)) == (dt.date(2026, 5, 5), dt.date(2026, 5, 5))


def test_print_the_book_of_this_month_from_the_tab(tab, book, press_print, printed):
    """The tab's period (this month to "Any") offers this month to today;
    Print sends the book with this month's rows to the A4 printer."""
    assert tab.ui.printBookButton.isVisibleTo(tab)
    tab.ui.printBookButton.click()
    (dialog, offered), = press_print
    assert offered == (TODAY.replace(day=1), TODAY)
    month = list(RegisterEntry.select().where(RegisterEntry.at >= dt.datetime.combine(TODAY.replace(day=1),
                                                                                      dt.time.min)))
    assert len(month) == 3 and dialog.count_label.text() == "3 row(s)"
    (kind, pdf), = printed
    assert kind == "voucher"
    text = pdf_text(pdf)
    assert all(row.number in text for row in month) and "用户产品进出登记本" in text
    older = RegisterEntry.get(RegisterEntry.job == book["c"].id)       # taken in 40 days ago
    assert older.number not in text


def test_ctrl_p_offers_the_tabs_date_filter(tab, qtbot, monkeypatch):
    offered = []
    monkeypatch.setattr(PrintBookDialog, "ask", classmethod(lambda cls, parent, ctx, a, b: offered.append((a, b))))
    tab.ui.fromDate.setDate(QDate(2026, 3, 5))
    tab.ui.toDate.setDate(QDate(2026, 3, 9))
    with qtbot.waitActive(tab):
        tab.show()
        tab.activateWindow()
    tab.ui.registerView.setFocus()
    qtbot.keyClick(tab.ui.registerView, Qt.Key_P, Qt.ControlModifier)
    assert offered == [(dt.date(2026, 3, 5), dt.date(2026, 3, 9))]
    tab.ui.allButton.click()                                   # no filter: this month
    qtbot.keyClick(tab.ui.registerView, Qt.Key_P, Qt.ControlModifier)
    assert offered[-1] == (TODAY.replace(day=1), TODAY)


def test_a_wrong_or_empty_range_is_told_beside_the_dates(qtbot, book, staff, printed):
    dialog = PrintBookDialog(AppContext(staff["counter"]), TODAY, TODAY)
    qtbot.addWidget(dialog)
    assert dialog.count_label.text().endswith("row(s)") and dialog.count_label.text() != "0 row(s)"
    dialog.set_range(TODAY, TODAY - dt.timedelta(days=1))
    assert not dialog.print_book() and dialog.pdf is None
    assert "before it starts" in dialog.errors.message("date_to")
    dialog.set_range(dt.date(2001, 1, 1), dt.date(2001, 1, 31))
    assert dialog.count_label.text() == "0 row(s)"
    assert not dialog.print_book()
    assert "no rows from 2001-01-01 to 2001-01-31" in dialog.errors.message("range")
    dialog.set_range(*dialog.range())                          # changing the dates clears the message
    assert dialog.errors.message("range") == ""
    assert dialog.result() != QDialog.Accepted and printed == []
    # The quick buttons: last month is the whole of last month.
    buttons = {b.text(): b for b in dialog.findChildren(QToolButton)}
    buttons["La&st month"].click()
    first = (TODAY.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    assert dialog.range() == (first, TODAY.replace(day=1) - dt.timedelta(days=1))
    buttons["To&day"].click()
    assert dialog.range() == (TODAY, TODAY)
    assert dialog.print_book() and dialog.pdf.startswith(b"%PDF")


def test_cancel_prints_nothing(tab, monkeypatch, printed):
    monkeypatch.setattr(PrintBookDialog, "exec", lambda dialog: QDialog.Rejected)
    assert tab.print_book() is False and printed == []


def test_without_the_right_no_button_and_the_domain_refuses(qtbot, book, staff, monkeypatch, printed):
    from app.ui.counter.register_tab import RegisterTab

    monkeypatch.setitem(permissions.ROLE_PERMISSIONS, "business",
                        permissions.ROLE_PERMISSIONS["business"] - {"register.read"})
    widget = RegisterTab(AppContext(staff["business"]))
    qtbot.addWidget(widget)
    assert not widget.ui.printBookButton.isVisibleTo(widget)
    assert widget.print_book() is False and printed == []
    # Had the dialog been opened anyway, the domain says no.
    shown = record_message_boxes(monkeypatch)
    dialog = PrintBookDialog(AppContext(staff["business"]), TODAY, TODAY)
    qtbot.addWidget(dialog)
    assert not dialog.print_book()
    assert shown and "may not read and print the in/out register" in shown[-1][2]
    # Signed in as someone with the right: the button shows.
    widget.ctx.set_user(staff["counter"])
    assert widget.ui.printBookButton.isVisibleTo(widget)
