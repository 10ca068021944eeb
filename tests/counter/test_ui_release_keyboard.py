"""Issue 12 part 4: the whole release from the keyboard (key events only)."""
from __future__ import annotations

import pytest

from app.domain.counter.models import Job
from app.ui.qt import QApplication, Qt
from tests.counter.test_ui_release import ctx, dialog, make_job  # noqa: F401

pytestmark = pytest.mark.usefixtures("no_message_boxes")


def keys(qtbot, text):
    qtbot.keyClicks(QApplication.focusWidget(), text)


def press(qtbot, key, modifier=Qt.NoModifier):
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def test_release_with_payment_from_the_keyboard(qtbot, ctx, staff, printed):  # noqa: F811
    job, receipt = make_job(staff, "SN-K1")
    d = dialog(qtbot, ctx)
    d.activateWindow()
    qtbot.waitUntil(d.isActiveWindow)
    ui = d.ui
    assert ui.codeEdit.hasFocus()
    assert ui.releaseButton.isDefault() and "Ctrl+Enter" in ui.releaseButton.toolTip()
    keys(qtbot, receipt.number)
    press(qtbot, Qt.Key_Return)                       # looks the receipt up, nothing released
    assert d.facts is not None and d.released is None and Job.get_by_id(job.id).state == "ready"
    assert ui.collectedBy.hasFocus()
    keys(qtbot, "Chen Jing")
    press(qtbot, Qt.Key_Return)                       # Enter in 取件人 moves on to the payment
    assert ui.paymentMethod.hasFocus() and d.released is None
    press(qtbot, Qt.Key_Down)                         # the first method: cash
    assert ui.paymentMethod.currentData() == "cash"
    press(qtbot, Qt.Key_Return)                       # on to the amount (the due amount filled in)
    assert ui.amountPaid.hasFocus() and ui.amountPaid.text() == "120.00"
    press(qtbot, Qt.Key_Return)                       # on to the release button
    assert ui.releaseButton.hasFocus() and Job.get_by_id(job.id).state == "ready"
    press(qtbot, Qt.Key_Return)                       # Enter presses it
    done = Job.get_by_id(job.id)
    assert done.state == "delivered" and done.collected_by == "Chen Jing" and done.payment_method == "cash"
    assert [k for k, _ in printed] == ["voucher"]


def test_ctrl_enter_releases_from_any_field(qtbot, ctx, staff, printed):  # noqa: F811
    job, receipt = make_job(staff, "SN-K2")
    d = dialog(qtbot, ctx)
    d.activateWindow()
    qtbot.waitUntil(d.isActiveWindow)
    ui = d.ui
    keys(qtbot, receipt.number)
    press(qtbot, Qt.Key_Return)
    ui.paymentMethod.setFocus()
    press(qtbot, Qt.Key_Down)
    ui.collectedBy.setFocus()
    press(qtbot, Qt.Key_Return, Qt.ControlModifier)
    assert Job.get_by_id(job.id).state == "delivered" and d.released is not None


def test_enter_in_collected_by_without_charge_goes_to_release(qtbot, ctx, staff, printed):  # noqa: F811
    job, receipt = make_job(staff, "SN-K3")
    Job.update(service_kind="free").where(Job.id == job.id).execute()
    d = dialog(qtbot, ctx)
    d.activateWindow()
    qtbot.waitUntil(d.isActiveWindow)
    ui = d.ui
    keys(qtbot, receipt.number)
    press(qtbot, Qt.Key_Return)
    assert not ui.paymentRow.isVisible() and ui.collectedBy.hasFocus()
    press(qtbot, Qt.Key_Return)
    assert ui.releaseButton.hasFocus() and Job.get_by_id(job.id).state == "ready"
    press(qtbot, Qt.Key_Enter)
    assert Job.get_by_id(job.id).state == "delivered"


def test_not_ready_job_ctrl_enter_releases_nothing(qtbot, ctx, staff, printed):  # noqa: F811
    job, receipt = make_job(staff, "SN-K4", ready=False)
    d = dialog(qtbot, ctx)
    d.activateWindow()
    qtbot.waitUntil(d.isActiveWindow)
    keys(qtbot, receipt.number)
    press(qtbot, Qt.Key_Return)
    press(qtbot, Qt.Key_Return, Qt.ControlModifier)
    assert Job.get_by_id(job.id).state == "received" and d.released is None and printed == []
