"""Issue 12 part 1: scans land anywhere. A simulated scanner (a burst of key
events ending in Enter, timed by a fake clock injected into the router)
with the cursor in each text box of the intake tab and in a box of another
tab: the document opens and the box keeps its text; the same text typed at
a person's pace, and a serial scanned into the serial box, are left alone.
"""
from __future__ import annotations

import pytest

from app.domain.counter import products
from app.domain.customers import customers
from app.ui.base import scanner
from app.ui.qt import QAbstractSpinBox, QApplication, QLineEdit, QPlainTextEdit, Qt, QTextEdit
from tests.counter.test_ui_intake import pick_customer
from tests.counter.test_ui_release import ctx, make_job, release_dialogs, window  # noqa: F401

pytestmark = pytest.mark.usefixtures("no_message_boxes")

SCANNER_GAP = 0.004          # seconds between a scanner's keys
HUMAN_GAP = 0.18             # a quick typist


class FakeClock:
    def __init__(self):
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def clock(window):  # noqa: F811
    fake = FakeClock()
    window.scan_filter.clock = fake
    return fake


def keys(qtbot, clock, text, gap):
    """Key events to the focused widget, ``gap`` seconds apart, then Enter."""
    for ch in text:
        clock.t += gap
        target = QApplication.focusWidget()
        if ch.isupper():
            qtbot.keyPress(target, Qt.Key_Shift)
        qtbot.keyClicks(target, ch)
    clock.t += gap
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Return)


def text_of(w):
    return w.text() if isinstance(w, QLineEdit) else w.toPlainText()


def cursor_of(w):
    return w.cursorPosition() if isinstance(w, QLineEdit) else w.textCursor().position()


def text_boxes(tab):
    """Every text box of the tab the clerk can type in now (not a date's)."""
    boxes = []
    for w in [w for kind in (QLineEdit, QPlainTextEdit, QTextEdit) for w in tab.findChildren(kind)]:
        if isinstance(w.parent(), QAbstractSpinBox) or not w.isVisibleTo(tab) or not w.isEnabled():
            continue
        if getattr(w, "isReadOnly", lambda: False)():
            continue
        boxes.append(w)
    return boxes


def test_document_numbers():
    assert scanner.is_document_number("WX-2026-000123")
    assert scanner.is_document_number("wx-2026-000123-2")
    assert scanner.is_document_number("LQ-2026-000009")
    assert scanner.is_document_number("JC-2026-000010")
    assert not scanner.is_document_number("PF3K9A2B")
    assert not scanner.is_document_number("LQ-2026-000009-1")
    assert not scanner.is_document_number("WX-2026-12")


def test_scan_in_every_intake_box_opens_and_keeps_the_text(qtbot, window, staff, clock,  # noqa: F811
                                                            release_dialogs):  # noqa: F811
    ready, receipt = make_job(staff, "SN-SC1")
    waiting, _r = make_job(staff, "SN-SC2", ready=False)
    zhang = customers.create_customer("张伟", "13800138000", "end_user", user=None)
    products.get_or_create_product("TP-X1", "ThinkPad X1 Carbon", 12)
    tab = window.intake
    ui = tab.ui
    pick_customer(qtbot, tab, "zw")
    ui.serialEdit.setFocus()
    qtbot.keyClicks(ui.serialEdit, "SN-NEW-77")
    qtbot.keyClick(ui.serialEdit, Qt.Key_Return)      # a new serial: the product boxes show
    assert ui.newUnitPanel.isVisible()
    ui.productCombo.setEditText("TP-X")
    ui.productName.setText("ThinkPad")
    ui.itemEdit.setText("充电")
    ui.faultEdit.setPlainText("开机无显示\n偶尔重启")
    ui.conditionEdit.setText("划痕")
    ui.broughtBy.setText("李四")
    boxes = text_boxes(tab)
    names = {b.objectName() or b.parent().objectName() for b in boxes}
    assert {"customerSearch", "serialEdit", "productCombo", "productName", "itemEdit", "faultEdit",
            "conditionEdit", "broughtBy"} <= names, names
    opened_jobs = 0
    for n, box in enumerate(boxes):
        focus = ui.productCombo if box is ui.productCombo.lineEdit() else box
        focus.setFocus()
        assert QApplication.focusWidget() is focus
        before = text_of(box)
        if isinstance(box, QLineEdit):
            box.setCursorPosition(min(1, len(before)))
        cursor = cursor_of(box)
        if n % 2 == 0:                                    # the receipt of a ready job: the release
            keys(qtbot, clock, receipt.number, SCANNER_GAP)
            assert release_dialogs[-1] == (ready.id, receipt.number), box.objectName()
        else:                                             # a repair card: its job
            keys(qtbot, clock, f"{waiting.number}-1", SCANNER_GAP)
            opened_jobs += 1
            assert window.opened == [waiting.id] * opened_jobs, box.objectName()
        assert text_of(box) == before, box.objectName()
        assert cursor_of(box) == cursor, box.objectName()
    assert len(release_dialogs) == (len(boxes) + 1) // 2
    # The form is as the clerk left it: customer chosen, new serial, product typed.
    assert tab.customer is not None and tab.customer.id == zhang.id
    assert ui.serialEdit.text() == "SN-NEW-77" and tab.facts is not None and tab.facts.serial == "SN-NEW-77"
    assert ui.productCombo.currentText() == "TP-X" and ui.faultEdit.toPlainText() == "开机无显示\n偶尔重启"


def test_scan_into_a_box_of_another_tab(qtbot, window, staff, clock, release_dialogs):  # noqa: F811
    ready, receipt = make_job(staff, "SN-SC3")
    page = window.tabs.widget(1)                           # the repair cards tab: its search box
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.widget is not None)
    box = page.widget.ui.searchEdit
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    box.setText("海淀") if isinstance(box, QLineEdit) else box.setPlainText("海淀")
    keys(qtbot, clock, receipt.number, SCANNER_GAP)
    assert release_dialogs == [(ready.id, receipt.number)] and text_of(box) == "海淀"
    # The register row's number (JC-…) opens its job too.
    from app.domain.counter.models import RegisterEntry
    row = RegisterEntry.get(RegisterEntry.job == ready.id)
    keys(qtbot, clock, row.number, SCANNER_GAP)
    assert window.opened == [ready.id] and text_of(box) == "海淀"


def test_typing_the_same_text_and_scanning_a_serial_are_left_alone(qtbot, window, staff, clock,  # noqa: F811
                                                                    release_dialogs):  # noqa: F811
    _job, receipt = make_job(staff, "SN-SC4")
    ui = window.intake.ui
    ui.faultEdit.setFocus()
    keys(qtbot, clock, receipt.number, HUMAN_GAP)       # typed at a person's pace: text, not a scan
    assert release_dialogs == [] and window.opened == []
    assert ui.faultEdit.toPlainText() == receipt.number + "\n"
    # Fast but not a document number: a serial scanned into the serial box stays and is looked up.
    ui.serialEdit.setFocus()
    keys(qtbot, clock, "PF3K9A2B", SCANNER_GAP)
    assert ui.serialEdit.text() == "PF3K9A2B" and release_dialogs == [] and window.opened == []
    assert window.intake.facts is not None and window.intake.facts.serial == "PF3K9A2B"
    # A burst whose Enter comes late (a person pressing Enter after a paste-like burst) is typing.
    ui.conditionEdit.setFocus()
    for ch in receipt.number:
        clock.t += SCANNER_GAP
        qtbot.keyClicks(ui.conditionEdit, ch)
    clock.t += 0.5
    qtbot.keyClick(ui.conditionEdit, Qt.Key_Return)
    assert ui.conditionEdit.text() == receipt.number and release_dialogs == []
