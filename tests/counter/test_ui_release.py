"""Handing units back: the release dialog and scanning in the main window."""
from __future__ import annotations

import pytest

from app.domain.core import auth
from app.domain.counter import intake, jobs
from app.domain.counter.models import Job, Receipt, RegisterEntry
from app.domain.customers import customers
from app.ui.base.context import AppContext
from app.ui.qt import QApplication, QDialog, QMessageBox, Qt

pytestmark = pytest.mark.usefixtures("no_message_boxes")


@pytest.fixture
def warnings(monkeypatch):
    """QMessageBox.warning recorded instead of shown (ops.run uses it)."""
    calls = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **kw: calls.append(args) or QMessageBox.Ok)
    return calls


@pytest.fixture
def ctx(db, staff):
    return AppContext(staff["counter"])


def make_job(staff, serial, ready=True, customer=None):
    customer = customer or customers.create_customer("陈静", "13600001111", user=None)
    res = intake.take_in(intake.IntakeForm(customer_id=customer.id, serial=serial, fault="不开机",
                                           product_model="M1", product_name="Model one"), staff["counter"])
    jid = res.job.id
    if ready:
        tech = staff["tech"]
        jobs.perform(jid, "start_diagnosis", tech, None)
        jobs.perform(jid, "start_repair", tech, None)
        jobs.add_part(jid, "电源板", 1, "120", tech, None)
        jobs.perform(jid, "finish_repair", tech, None)
        jobs.perform(jid, "mark_ready", tech, None)
    return Job.get_by_id(jid), res.receipt


def dialog(qtbot, ctx, job_id=None, receipt=""):
    from app.ui.counter.release_dialog import ReleaseDialog

    d = ReleaseDialog(ctx, job_id, receipt)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def out_rows(job):
    return RegisterEntry.select().where((RegisterEntry.job == job) & (RegisterEntry.direction == "out")).count()


def test_release_with_the_receipt(qtbot, ctx, staff, printed):
    job, receipt = make_job(staff, "SN-R1")
    d = dialog(qtbot, ctx)
    qtbot.keyClicks(d.ui.codeEdit, receipt.number.lower())
    qtbot.keyClick(d.ui.codeEdit, Qt.Key_Return)
    assert d.facts.job.id == job.id and d.ui.releaseButton.isEnabled()
    assert d.ui.collectedBy.text() == "陈静"                 # defaults to the customer
    assert d.ui.paymentRow.isVisible() and d.ui.amountPaid.text() == "120.00"
    assert "120.00" in d.ui.dueValue.text()
    qtbot.mouseClick(d.ui.releaseButton, Qt.LeftButton)     # no payment method yet
    assert d.errors.message("payment_method") and Job.get_by_id(job.id).state == "ready"
    d.ui.paymentMethod.setCurrentIndex(d.ui.paymentMethod.findData("cash"))
    qtbot.mouseClick(d.ui.releaseButton, Qt.LeftButton)
    done = Job.get_by_id(job.id)
    assert done.state == "delivered" and done.collected_by == "陈静" and done.payment_method == "cash"
    assert Receipt.get_by_id(receipt.id).status == "used"
    assert out_rows(job) == 1
    assert [k for k, _ in printed] == ["voucher"] and printed[0][1].startswith(b"%PDF")
    assert d.released is not None and d.result() == QDialog.Accepted


def test_wrong_receipt_is_refused_beside_the_field(qtbot, ctx, staff, printed):
    job, _receipt = make_job(staff, "SN-W1")
    _other, other_receipt = make_job(staff, "SN-W2", ready=False)
    d = dialog(qtbot, ctx, job.id)
    qtbot.keyClicks(d.ui.codeEdit, other_receipt.number)
    qtbot.keyClick(d.ui.codeEdit, Qt.Key_Return)
    assert job.number in d.errors.message("receipt") and d.facts.job.id == job.id
    d.ui.codeEdit.clear()
    qtbot.keyClicks(d.ui.codeEdit, "LQ-2026-999999")
    qtbot.mouseClick(d.ui.releaseButton, Qt.LeftButton)
    assert "LQ-2026-999999" in d.errors.message("receipt")
    assert d.ui.err_receipt.isVisible()
    assert Job.get_by_id(job.id).state == "ready" and out_rows(job) == 0 and printed == []


def test_job_not_ready_writes_nothing(qtbot, ctx, staff, printed, warnings):
    job, receipt = make_job(staff, "SN-N1", ready=False)
    d = dialog(qtbot, ctx, None, receipt.number)
    assert d.ui.stateMessage.isVisible() and job.number in d.ui.stateMessage.text()
    assert not d.ui.releaseButton.isEnabled()
    d.do_release()                  # even if called, the service refuses and says why
    assert len(warnings) == 1 and "not ready" in warnings[0][2]
    assert Job.get_by_id(job.id).state == "received" and out_rows(job) == 0


def test_lost_receipt_needs_a_manager(qtbot, ctx, staff, printed):
    job, receipt = make_job(staff, "SN-L1")
    d = dialog(qtbot, ctx, job.id)
    qtbot.mouseClick(d.ui.lostButton, Qt.LeftButton)
    assert d.ui.lostBox.isVisible() and not d.ui.codeEdit.isEnabled()
    approvers = {d.ui.approverCombo.itemData(i) for i in range(d.ui.approverCombo.count())}
    assert approvers == {None, staff["manager"].id, staff["admin"].id}   # managers and admins only
    qtbot.keyClicks(d.ui.collectorId, "110101199001011234")
    d.ui.paymentMethod.setCurrentIndex(d.ui.paymentMethod.findData("wechat"))
    qtbot.mouseClick(d.ui.releaseButton, Qt.LeftButton)
    assert d.errors.message("approver") and Job.get_by_id(job.id).state == "ready"
    d.ui.approverCombo.setCurrentIndex(d.ui.approverCombo.findData(staff["manager"].id))
    auth.set_password(None, staff["manager"], "approve-secret-1")
    qtbot.keyClicks(d.ui.approverPassword, "wrong-password")     # the manager mistypes
    qtbot.mouseClick(d.ui.releaseButton, Qt.LeftButton)
    assert d.errors.message("approver_password") and Job.get_by_id(job.id).state == "ready"
    assert d.ui.approverPassword.text() == ""
    qtbot.keyClicks(d.ui.approverPassword, "approve-secret-1")
    qtbot.mouseClick(d.ui.releaseButton, Qt.LeftButton)
    done = Job.get_by_id(job.id)
    assert done.state == "delivered" and done.release_method == "id_document"
    assert done.release_approved_by_id == staff["manager"].id and done.collector_id == "110101199001011234"
    assert Receipt.get_by_id(receipt.id).status == "void" and out_rows(job) == 1
    assert [k for k, _ in printed] == ["voucher"]


def test_change_at_another_station_is_reported_and_reloaded(qtbot, ctx, staff, printed, warnings):
    job, receipt = make_job(staff, "SN-C1")
    d = dialog(qtbot, ctx, None, receipt.number)
    d.ui.paymentMethod.setCurrentIndex(d.ui.paymentMethod.findData("cash"))
    # A second station reads the same job and saves a change first.
    jobs.inform_customer(job.id, staff["tech2"], Job.get_by_id(job.id).version, "phone", "ready")
    qtbot.mouseClick(d.ui.releaseButton, Qt.LeftButton)
    assert len(warnings) == 1 and "another station" in warnings[0][2]
    assert Job.get_by_id(job.id).state == "ready" and out_rows(job) == 0 and printed == []
    assert d.version == Job.get_by_id(job.id).version         # reloaded
    qtbot.mouseClick(d.ui.releaseButton, Qt.LeftButton)     # the clerk confirms again
    assert Job.get_by_id(job.id).state == "delivered"


@pytest.fixture
def window(qtbot, ctx, monkeypatch):
    from app.ui.shell.main_window import MainWindow

    opened = []
    monkeypatch.setattr(MainWindow, "open_job", lambda self, job_id: opened.append(job_id))
    w = MainWindow(ctx, "sqlite:///test.sqlite3")
    w.opened = opened
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    return w


@pytest.fixture
def release_dialogs(monkeypatch):
    from app.ui.counter import release_dialog

    shown = []

    def fake_exec(d):
        shown.append((d.facts.job.id if d.facts else None, d.ui.codeEdit.text()))
        return 0

    monkeypatch.setattr(release_dialog.ReleaseDialog, "exec", fake_exec)
    return shown


def test_scanning_a_receipt_anywhere_opens_the_release(qtbot, window, staff, release_dialogs):
    job, receipt = make_job(staff, "SN-S1")
    target = window.tabs.tabBar()
    target.setFocus()
    assert QApplication.focusWidget() is target
    for ch in receipt.number:                               # a scanner's burst (Shift for capitals)...
        if ch.isupper():
            qtbot.keyPress(target, Qt.Key_Shift)
        qtbot.keyClicks(target, ch)
    qtbot.keyClick(target, Qt.Key_Return)                  # ...ending in Enter
    assert release_dialogs == [(job.id, receipt.number)]
    # A card code of a job not ready opens the job instead.
    other, _r = make_job(staff, "SN-S2", ready=False)
    qtbot.keyClicks(target, f"{other.number}-1")
    qtbot.keyClick(target, Qt.Key_Return)
    assert window.opened == [other.id] and len(release_dialogs) == 1


def test_scan_into_a_text_field_opens_the_release(qtbot, window, staff, release_dialogs):
    """Issue 12 part 1 (was: the scan was left typed in the field): a
    receipt scanned into the fault text opens the release, the text stays."""
    _job, receipt = make_job(staff, "SN-T1")
    field = window.intake.ui.faultEdit
    field.setPlainText("不开机")
    field.setFocus()
    qtbot.keyClicks(field, receipt.number)
    qtbot.keyClick(field, Qt.Key_Return)
    assert len(release_dialogs) == 1 and field.toPlainText() == "不开机"


def test_find_box_and_unknown_codes(qtbot, window, staff, release_dialogs, monkeypatch):
    job, _receipt = make_job(staff, "SN-F1", ready=False)
    beeps = []
    monkeypatch.setattr(QApplication, "beep", lambda: beeps.append(1))
    qtbot.keyClick(window.intake, Qt.Key_F, Qt.ControlModifier)
    assert window.find_box.hasFocus()
    qtbot.keyClicks(window.find_box, "WX-2026-999999")
    qtbot.keyClick(window.find_box, Qt.Key_Return)
    assert "WX-2026-999999" in window.statusBar().currentMessage() and beeps == [1]
    qtbot.keyClicks(window.find_box, "sn-f1")                 # a serial finds its latest job
    qtbot.keyClick(window.find_box, Qt.Key_Return)
    assert window.opened == [job.id] and window.find_box.text() == ""
