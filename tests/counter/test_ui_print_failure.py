"""A document that fails to print right after an intake or a release that
WAS saved (issue 10, part 2): the window says the record was saved and
printing failed, never "Unexpected error … nothing was saved", and offers to
print again (pytest-qt, offscreen; the printing function made to raise)."""
from __future__ import annotations

import pytest

from app.domain.counter import printouts
from app.domain.counter.models import Job, Receipt
from app.ui.base import print_service
from app.ui.qt import QApplication, QMessageBox, Qt, QTimer
from tests.counter.test_ui_intake import fill_new_unit, pick_customer, tab, type_text, zhang  # noqa: F401
from tests.counter.test_ui_release import ctx, dialog, make_job  # noqa: F401

pytestmark = pytest.mark.usefixtures("no_message_boxes")


def answer(choice: str, seen: list) -> None:
    """When the "not printed" box shows, note what it says and click ``choice``."""
    def act():
        boxes = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QMessageBox) and w.objectName() == "printFailedBox" and w.isVisible()]
        if not boxes:
            QTimer.singleShot(20, act)
            return
        box = boxes[0]
        seen.append((box.windowTitle(), box.text(), box.informativeText()))
        next(b for b in box.buttons() if b.text().replace("&", "") == choice).click()
    QTimer.singleShot(0, act)


def failing_once(monkeypatch, error: Exception):
    """printouts.render raising ``error`` the first time, rendering after."""
    real = printouts.render
    calls = []

    def render(kind, job, options=None):
        calls.append(kind)
        if len(calls) == 1:
            raise error
        return real(kind, job, options)
    monkeypatch.setattr(printouts, "render", render)
    return calls


def test_release_saved_but_voucher_not_printed_offers_print_again(qtbot, ctx, staff, printed, monkeypatch):  # noqa: F811
    job, receipt = make_job(staff, "SN-PF1")
    d = dialog(qtbot, ctx)
    qtbot.keyClicks(d.ui.codeEdit, receipt.number)
    qtbot.keyClick(d.ui.codeEdit, Qt.Key_Return)
    d.ui.paymentMethod.setCurrentIndex(d.ui.paymentMethod.findData("cash"))
    failing_once(monkeypatch, RuntimeError("the voucher's font file is unreadable"))
    seen: list = []
    answer("Print again", seen)
    qtbot.mouseClick(d.ui.releaseButton, Qt.LeftButton)
    assert Job.get_by_id(job.id).state == "delivered"                     # saved
    [(title, text, informative)] = seen
    assert title == "Saved, not printed"
    assert f"Job {job.number} was handed back and saved." in text
    assert "Printing the service voucher failed: RuntimeError: the voucher's font file is unreadable" in text
    assert "nothing was saved" not in text.lower()
    assert "print it later from the job" in informative
    assert [k for k, _ in printed] == ["voucher"]                          # printed again, at the clerk's word
    assert d.released is not None


def test_release_saved_and_print_later(qtbot, ctx, staff, printed, monkeypatch):  # noqa: F811
    job, receipt = make_job(staff, "SN-PF2")
    d = dialog(qtbot, ctx)
    qtbot.keyClicks(d.ui.codeEdit, receipt.number)
    qtbot.keyClick(d.ui.codeEdit, Qt.Key_Return)
    d.ui.paymentMethod.setCurrentIndex(d.ui.paymentMethod.findData("cash"))

    def broken(*args, **kwargs):
        raise OSError("printer on fire")
    monkeypatch.setattr(print_service, "print_pdf", broken)
    seen: list = []
    answer("Later", seen)
    qtbot.mouseClick(d.ui.releaseButton, Qt.LeftButton)
    assert Job.get_by_id(job.id).state == "delivered" and len(seen) == 1
    assert "Printing the service voucher failed: OSError: printer on fire" in seen[0][1]


def test_intake_saved_but_receipt_not_printed_offers_print_again(qtbot, tab, zhang, printed, monkeypatch):  # noqa: F811
    ui = tab.ui
    pick_customer(qtbot, tab, "zw")
    fill_new_unit(qtbot, tab, serial="SN-PF3")
    type_text(qtbot, ui.faultEdit, "无法开机")
    calls = failing_once(monkeypatch, RuntimeError("no CJK font"))
    seen: list = []
    answer("Print again", seen)
    qtbot.keyClick(ui.faultEdit, Qt.Key_S, Qt.ControlModifier)
    job, receipt = Job.get(), Receipt.get()
    [(title, text, _informative)] = seen
    assert title == "Saved, not printed"
    assert f"Job {job.number} was saved; its pickup receipt is {receipt.number}." in text
    assert "Printing the pickup receipt failed: RuntimeError: no CJK font" in text
    # The cards printed at once; the receipt again when the clerk asked.
    assert calls == ["receipt", "cards", "receipt"] and [k for k, _ in printed] == ["card", "receipt"]
    assert f"{job.number} saved: receipt {receipt.number} and repair cards printed." == ui.statusLabel.text()


def test_intake_saved_receipt_left_for_later(qtbot, tab, zhang, printed, monkeypatch):  # noqa: F811
    from app.domain.core.printed import DocumentNotLaidOut

    ui = tab.ui
    pick_customer(qtbot, tab, "zw")
    fill_new_unit(qtbot, tab, serial="SN-PF4")
    type_text(qtbot, ui.faultEdit, "无法开机")
    failing_once(monkeypatch, DocumentNotLaidOut("用户产品领取收据 cannot be laid out"))
    seen: list = []
    answer("Later", seen)
    qtbot.keyClick(ui.faultEdit, Qt.Key_S, Qt.ControlModifier)
    job = Job.get()
    assert "Printing the pickup receipt failed: 用户产品领取收据 cannot be laid out" in seen[0][1]
    assert ui.statusLabel.text() == (f"{job.number} saved: repair cards printed; receipt {Receipt.get().number} "
                                     "NOT printed: print it again from the job.")


def test_job_dialog_print_failure_is_not_unexpected(qtbot, ctx, staff, printed, monkeypatch):  # noqa: F811
    """Printing from the job (nothing saved): the failure and Print again, no "saved" sentence."""
    from app.ui.counter import printing

    job, _receipt = make_job(staff, "SN-PF5")
    failing_once(monkeypatch, RuntimeError("driver"))
    seen: list = []
    answer("Print again", seen)
    assert printing.print_job(None, ctx, job.id, kinds=("voucher",))
    assert seen[0][0] == "Not printed" and seen[0][1].startswith("Printing the service voucher failed")
    assert [k for k, _ in printed] == ["voucher"]
