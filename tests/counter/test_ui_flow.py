"""The counter's whole loop through the real main window: intake with
Save & print, the printed repair card scanned to open the job, the job
moved along to ready in the job dialog, the printed receipt scanned to
release the unit, the voucher printed, and the register's in/out rows.

The codes are read back off the printed PDFs (rendered with pdftoppm and
decoded with zxing-cpp), so the loop goes through paper as at the counter.
"""
from __future__ import annotations

import io
import shutil
import subprocess

import pytest

from app.domain.counter import products
from app.domain.counter.models import Job, JobHistory, RegisterEntry
from app.ui.base.context import AppContext
from app.ui.qt import QApplication, Qt
from tests.counter.test_ui_intake import fill_new_unit, pick_customer, type_text

zxingcpp = pytest.importorskip("zxingcpp")
pytestmark = [pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs pdftoppm (poppler-utils)"),
              pytest.mark.usefixtures("no_message_boxes")]


def read_codes(pdf: bytes, page: int) -> set[str]:
    """Every barcode text on ``page`` (1-based) of a printed PDF."""
    from PIL import Image

    png = subprocess.run(["pdftoppm", "-r", "300", "-png", "-singlefile", "-f", str(page), "-l", str(page), "-"],
                         input=pdf, capture_output=True, check=True).stdout
    return {r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))}


def scan(qtbot, widget, code: str) -> None:
    """A scanner: a fast burst of keys (Shift for capitals) and Enter."""
    for ch in code:
        if ch.isupper():
            qtbot.keyPress(widget, Qt.Key_Shift)
        qtbot.keyClicks(widget, ch)
    qtbot.keyClick(widget, Qt.Key_Return)


def test_intake_card_workshop_release(qtbot, db, staff, printed, monkeypatch):
    from app.domain.customers import customers
    from app.ui.counter.job_dialog import JobDialog
    from app.ui.counter.release_dialog import ReleaseDialog
    from app.ui.shell.main_window import MainWindow

    customers.create_customer("张伟", "13800138000", "end_user", "北京市朝阳区", user=None)
    products.get_or_create_product("TP-X1", "ThinkPad X1 Carbon", 12)
    ctx = AppContext(staff["counter"])
    window = MainWindow(ctx, "sqlite:///test.sqlite3")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

    # 1. Intake: customer, a new serial, items, fault; Save & print.
    tab = window.intake
    pick_customer(qtbot, tab, "zw")
    fill_new_unit(qtbot, tab, serial="PF3K9A2B")
    qtbot.mouseClick(tab.ui.quickAdapter, Qt.LeftButton)
    type_text(qtbot, tab.ui.faultEdit, "开机无显示")
    qtbot.keyClick(tab.ui.faultEdit, Qt.Key_S, Qt.ControlModifier)
    job = Job.get()
    assert [k for k, _ in printed] == ["receipt", "card"]
    receipt_pdf, cards_pdf = printed[0][1], printed[1][1]

    # 2. The technician scans the charger's card: the job dialog opens; the
    #    job goes through the workshop with the state buttons. (The counter
    #    may not: the workshop is the technician's, checked by the domain.)
    ctx.set_user(staff["tech"])
    assert not window.tabs.isTabVisible(window.tabs.indexOf(window.intake))   # no intake for him
    card_code = f"{job.number}-2"
    assert card_code in read_codes(cards_pdf, 2)
    seen = []

    def work_on_job(dialog):
        seen.append(dialog.job.number)
        for action in ("start_diagnosis", "start_repair", "finish_repair", "mark_ready"):
            qtbot.mouseClick(dialog.action_buttons[action], Qt.LeftButton)
            assert dialog.job.state == {"start_diagnosis": "diagnosing", "start_repair": "repairing",
                                        "finish_repair": "repaired", "mark_ready": "ready"}[action]
        return 0

    monkeypatch.setattr(JobDialog, "exec", work_on_job)
    target = window.tabs.tabBar()
    target.setFocus()
    scan(qtbot, target, card_code)
    assert seen == [job.number]
    assert Job.get_by_id(job.id).state == "ready"

    # 3. The customer comes back: the receipt scanned anywhere opens the release.
    ctx.set_user(staff["counter"])
    receipt_codes = read_codes(receipt_pdf, 1)
    receipt_number = next(c for c in receipt_codes if c.startswith("LQ-"))
    released = []

    def hand_back(dialog):
        assert dialog.facts.job.id == job.id
        assert dialog.ui.collectedBy.text() == "张伟"
        qtbot.mouseClick(dialog.ui.releaseButton, Qt.LeftButton)
        released.append(dialog.released)
        return 1

    monkeypatch.setattr(ReleaseDialog, "exec", hand_back)
    target.setFocus()
    scan(qtbot, target, receipt_number)
    assert released and released[0] is not None
    done = Job.get_by_id(job.id)
    assert done.state == "delivered" and done.collected_by == "张伟"
    assert [k for k, _ in printed] == ["receipt", "card", "voucher"]
    assert job.number in read_codes(printed[2][1], 1)
    rows = list(RegisterEntry.select().where(RegisterEntry.job == job).order_by(RegisterEntry.id))
    assert [(r.direction, r.person, r.user_id) for r in rows] == [
        ("in", "张伟", staff["counter"].id), ("out", "张伟", staff["counter"].id)]
    moves = [(h.old_value, h.new_value) for h in done.history.where(JobHistory.what == "state")
             .order_by(JobHistory.id)]
    assert moves[-1] == ("ready", "delivered") and len(moves) == 5
    QApplication.processEvents()
