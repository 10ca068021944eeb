"""Messages that stay put (issue 12, part 6): a red message appearing or
going moves no field or button; Enter that picks from a suggestion list
does not also press the dialog's default button; a field's message goes as
soon as the field changes."""
from __future__ import annotations

import datetime as dt

import pytest

from app.domain.core.models import set_clock
from app.domain.customers import customers
from app.ui.base.context import AppContext
from app.ui.qt import QAbstractButton, QApplication, QPoint, QDialogButtonBox, QLabel, Qt, QWidget

NOW = dt.datetime(2026, 11, 18, 10, 0)


@pytest.fixture
def field(db, staff):
    set_clock(NOW)
    cust = [customers.create_customer(n, p, "dealer", user=None)
            for n, p in (("北京海淀中关村电子城", "010-62881234"), ("上海浦东新永安数码商行", "021-58889999"))]
    yield staff, cust
    set_clock(None)


def new_visit(qtbot, staff):
    from app.ui.field.visit_dialog import VisitDialog

    dialog = VisitDialog(AppContext(staff["business"]), mode="new")
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    return dialog


def places(dialog) -> dict:
    """Where each control (not a message) is, in the dialog's coordinates."""
    return {w: (w.mapTo(dialog, w.rect().topLeft()), w.size()) for w in dialog.findChildren(QWidget)
            if w.isVisible() and not isinstance(w, QLabel)
            and isinstance(w, (QAbstractButton, QDialogButtonBox)) or type(w).__name__ in (
                "QLineEdit", "QComboBox", "QPlainTextEdit", "QDateEdit")}


def test_messages_appear_and_go_without_moving_the_fields(qtbot, field):
    staff, _ = field
    dialog = new_visit(qtbot, staff)
    before = places(dialog)
    assert len(before) > 10
    dialog.save()                                   # no customer, no purpose: messages beside the fields
    QApplication.processEvents()
    assert dialog.errors.message("purposes") and dialog.errors.message("customer")
    assert places(dialog) == before
    # Ticking a purpose clears its message: nothing moves under the mouse, so
    # the next click ticks the box the clerk aimed at.
    boxes = list(dialog.purpose_checks.values())
    target = boxes[1]
    where = target.mapTo(dialog, target.rect().center())
    qtbot.mouseClick(boxes[0], Qt.LeftButton, pos=boxes[0].rect().topLeft() + QPoint(6, boxes[0].height() // 2))
    assert boxes[0].isChecked()
    QApplication.processEvents()
    assert dialog.errors.message("purposes") == ""
    assert places(dialog) == before
    assert dialog.childAt(where) is target or target.isAncestorOf(dialog.childAt(where))
    dialog.errors.show({"goal": "x" * 10, "place": "y" * 10, "contact_person": "z"})
    QApplication.processEvents()
    assert places(dialog) == before
    dialog.errors.clear()
    QApplication.processEvents()
    assert places(dialog) == before


def test_a_message_goes_when_its_field_changes(qtbot, field):
    staff, _ = field
    dialog = new_visit(qtbot, staff)
    names = ("customer", "kind", "due_month", "planned_date", "manager", "goal", "contact_person", "place")
    changes = {
        "customer": lambda: qtbot.keyClicks(dialog.customer_edit, "bj"),
        "kind": lambda: dialog.kind_combo.setCurrentIndex(1),
        "due_month": lambda: dialog.month_edit.setDate(dialog.month_edit.date().addMonths(1)),
        "planned_date": lambda: dialog.day_check.setChecked(True),
        "manager": lambda: dialog.manager_combo.setCurrentIndex(1),
        "goal": lambda: dialog.goal_edit.setPlainText("核对库存"),
        "contact_person": lambda: dialog.contact_edit.setText("刘经理"),
        "place": lambda: dialog.place_edit.setText("北京"),
    }
    for name in names:
        dialog.errors.show({n: f"message for {n}" for n in names})
        assert dialog.errors.message(name)
        changes[name]()
        assert dialog.errors.message(name) == "", name
        # Only the changed field's (a new month moves the fixed day into it: that field changed too).
        kept = [n for n in names if n != name and not (name == "due_month" and n == "planned_date")]
        assert [n for n in kept if not dialog.errors.message(n)] == [], name


def test_enter_in_the_suggestion_list_picks_and_does_not_save(qtbot, field, monkeypatch):
    staff, cust = field
    dialog = new_visit(qtbot, staff)
    saved = []
    monkeypatch.setattr(type(dialog), "save", lambda self: saved.append(1))
    dialog.buttons.accepted.disconnect()
    dialog.buttons.accepted.connect(dialog.save)
    dialog.customer_edit.setFocus()
    qtbot.keyClicks(dialog.customer_edit, "010-6288")
    dialog.search.run_search(show_popup=False)
    dialog.search._show()                                # the suggestion list is open
    assert dialog.search.view.isVisible()
    qtbot.keyClick(dialog.customer_edit, Qt.Key_Return)
    assert dialog.customer_id == cust[0].id                # picked
    assert saved == [] and dialog.result() == 0 and dialog.isVisible()   # Save was not pressed
    # Typed and Enter before the list came up (a fast typist): picked, not saved either.
    dialog.customer_edit.setFocus()
    dialog.customer_edit.clear()
    qtbot.keyClicks(dialog.customer_edit, "021-5888")
    assert dialog.search.timer.isActive()
    qtbot.keyClick(dialog.customer_edit, Qt.Key_Enter)
    assert dialog.customer_id == cust[1].id and saved == []
