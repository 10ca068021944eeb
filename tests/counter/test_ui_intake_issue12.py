"""Issue 12 at the intake tab: the owner's choice (part 7), what was printed
and what not, clearing a filled form (part 6), printing without set-up and
the preview one key away (part 8; QPrinterInfo faked, no real printer)."""
from __future__ import annotations

import datetime as dt

import pytest

from app.domain.counter import products
from app.domain.counter.models import Job, Unit
from app.domain.customers import customers
from app.ui.base import prefs, print_service
from app.ui.base.context import AppContext
from app.ui.qt import QApplication, QMessageBox, Qt, QTimer
from tests.conftest import record_message_boxes
from tests.counter.test_ui_intake import fill_new_unit, pick_customer, type_text, zhang  # noqa: F401


@pytest.fixture
def tab(qtbot, db, staff):
    from app.ui.counter.intake_tab import IntakeTab

    w = IntakeTab(AppContext(staff["counter"]))
    qtbot.addWidget(w)
    w.resize(1300, 700)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    return w


@pytest.fixture
def owned(db, staff):
    owner = customers.create_customer("华信电子", "010-62888899", "dealer", user=None)
    unit = products.register_unit("OWN-1", products.get_or_create_product("HP-M429", "惠普打印机", 12), owner,
                                  dt.date.today() - dt.timedelta(days=800))
    products.create_agreement(owner, [unit], dt.date.today() - dt.timedelta(days=10),
                              dt.date.today() + dt.timedelta(days=300), user=staff["manager"])
    return owner, unit


def test_owner_choice_decides_the_kind(qtbot, tab, zhang, owned, printed):  # noqa: F811
    owner, unit = owned
    ui = tab.ui
    pick_customer(qtbot, tab, "zw")
    qtbot.keyClicks(ui.serialEdit, "own-1")
    qtbot.keyClick(ui.serialEdit, Qt.Key_Return)
    assert tab.ownerChoice.isVisible() and "华信电子" in tab.ownerQuestion.text()
    assert tab.ownerForOwner.hasFocus()                   # the clerk must answer: the cursor is there
    assert ui.kindCombo.currentIndex() == -1              # no kind until then
    type_text(qtbot, ui.faultEdit, "卡纸")
    qtbot.keyClick(ui.faultEdit, Qt.Key_S, Qt.ControlModifier)
    assert Job.select().count() == 0 and printed == []
    assert tab.err_owner_choice.isVisible() and "华信电子" in tab.err_owner_choice.text()
    assert tab.ownerForOwner.hasFocus()
    qtbot.keyClick(tab.ownerForOwner, Qt.Key_Space)       # taken in for the owner: his agreement
    assert ui.kindCombo.currentData() == "contract" and not tab.err_owner_choice.isVisible()
    tab.scan_reverted(ui.serialEdit)                       # looked up again (a scan given back): kept
    tab.set_customer(tab.customer)
    assert tab.ownerForOwner.isChecked() and ui.kindCombo.currentData() == "contract"
    tab.ownerForOwner.setFocus()
    qtbot.keyClick(tab.ownerForOwner, Qt.Key_Down)        # changed hands: no agreement, out of warranty
    assert tab.ownerChanged.isChecked() and ui.kindCombo.currentData() == "paid"
    assert "(by the rules)" in ui.kindCombo.currentText()
    qtbot.keyClick(ui.faultEdit, Qt.Key_S, Qt.ControlModifier)
    job = Job.get()
    assert job.customer.name == "张伟" and job.service_kind == "paid"
    assert Unit.get_by_id(unit.id).owner_id == job.customer_id
    assert not tab.ownerChoice.isVisible()                # the form is clear for the next customer


def test_status_says_what_was_printed(qtbot, tab, zhang, monkeypatch):  # noqa: F811
    calls = []

    def receipt_only(parent, pdf, kind, title, *, preview=None, render=None):
        calls.append(kind)
        return kind == "receipt"                          # the card preview closed without printing
    monkeypatch.setattr(print_service, "print_pdf", receipt_only)
    products.get_or_create_product("TP-X1", "ThinkPad X1 Carbon", 12)
    ui = tab.ui
    pick_customer(qtbot, tab, "zw")
    fill_new_unit(qtbot, tab)
    type_text(qtbot, ui.faultEdit, "开机无显示")
    qtbot.keyClick(ui.faultEdit, Qt.Key_S, Qt.ControlModifier)
    job = Job.get()
    receipt = job.receipts.get()
    assert calls == ["receipt", "card"]
    assert ui.statusLabel.text() == (f"{job.number} saved: receipt {receipt.number} printed; repair cards "
                                     "NOT printed: print them again from the job.")


def test_clear_form_asks_only_when_filled(qtbot, tab, zhang, monkeypatch):  # noqa: F811
    asked = record_message_boxes(monkeypatch, question_answer=QMessageBox.No)
    ui = tab.ui
    qtbot.mouseClick(ui.clearButton, Qt.LeftButton)       # empty: no question
    assert asked == []
    pick_customer(qtbot, tab, "zw")
    type_text(qtbot, ui.faultEdit, "开机无显示")
    qtbot.mouseClick(ui.clearButton, Qt.LeftButton)       # filled: asked; No keeps it all
    assert [k for k, *_ in asked] == ["question"]
    assert tab.customer is not None and ui.faultEdit.toPlainText() == "开机无显示"
    asked.clear()
    asked += record_message_boxes(monkeypatch, question_answer=QMessageBox.Yes)
    qtbot.mouseClick(ui.clearButton, Qt.LeftButton)
    assert tab.customer is None and ui.faultEdit.toPlainText() == "" and ui.customerSearch.text() == ""


# -- printing without set-up -------------------------------------------------

@pytest.fixture
def printers(monkeypatch):
    """Two installed printers (the A4 one the system default), nothing sent anywhere."""
    from PySide6.QtPrintSupport import QPrinterInfo

    monkeypatch.setattr(QPrinterInfo, "availablePrinterNames", staticmethod(lambda: ["Receipt-80", "Office-A4"]))
    monkeypatch.setattr(QPrinterInfo, "defaultPrinterName", staticmethod(lambda: "Office-A4"))
    sent, previews = [], []
    monkeypatch.setattr(print_service, "_print_to",
                        lambda parent, pdf, printer, title, render=None: sent.append(title) or True)
    monkeypatch.setattr(print_service, "preview_pdf",
                        lambda parent, pdf, kind, title, render=None: previews.append(kind) or False)
    return sent, previews


def answer_printer_question(qtbot, answers: list, log: list):
    """Answer each printer question with keys: "up" picks the printer above; "print",
    "preview" or "cancel" closes it. Records (kind title, printers offered, default chosen)."""
    def answer():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, print_service.ChoosePrinterDialog):
            QTimer.singleShot(10, answer)
            return
        combo = dialog.combo
        log.append((dialog.windowTitle(), [combo.itemData(i) for i in range(combo.count())], combo.currentData()))
        what = answers.pop(0)
        if what == "up":
            qtbot.keyClick(combo, Qt.Key_Up)
            what = answers.pop(0)
        if what == "print":
            qtbot.keyClick(combo, Qt.Key_Return)
        elif what == "preview":
            dialog.preview_button.click()
        else:
            qtbot.keyClick(combo, Qt.Key_Escape)
        if answers:
            QTimer.singleShot(10, answer)
    QTimer.singleShot(10, answer)


def test_first_print_of_each_kind_asks_once(qtbot, db, printers):
    sent, previews = printers
    asked = []
    answer_printer_question(qtbot, ["up", "print"], asked)
    assert print_service.print_pdf(None, b"%PDF-receipt", "receipt", "LQ-1") is True
    [(title, offered, default)] = asked
    assert offered == ["Receipt-80", "Office-A4"] and default == "Office-A4"   # the system default chosen
    assert "Pickup receipt" in title
    assert prefs.get("printer_receipt") == "Receipt-80" and sent == ["LQ-1"]
    # Remembered: the next receipt prints at once, no question, no preview.
    assert print_service.print_pdf(None, b"%PDF-receipt", "receipt", "LQ-2") is True
    assert len(asked) == 1 and sent == ["LQ-1", "LQ-2"] and previews == []
    # The cards are another kind: asked once for them (Enter takes the default).
    answer_printer_question(qtbot, ["print"], asked)
    assert print_service.print_pdf(None, b"%PDF-card", "card", "WX-1") is True
    assert len(asked) == 2 and prefs.get("printer_card") == "Office-A4" and sent[-1] == "WX-1"
    # The preview stays one argument away and asks nothing.
    print_service.print_pdf(None, b"%PDF-receipt", "receipt", "LQ-3", preview=True)
    assert previews == ["receipt"] and len(asked) == 2


def test_preview_instead_and_cancel_remember_nothing(qtbot, db, printers):
    sent, previews = printers
    asked = []
    answer_printer_question(qtbot, ["preview"], asked)
    assert print_service.print_pdf(None, b"%PDF", "voucher", "WX-1") is False
    assert previews == ["voucher"] and prefs.get("printer_voucher") == "" and sent == []
    answer_printer_question(qtbot, ["cancel"], asked)
    assert print_service.print_pdf(None, b"%PDF", "voucher", "WX-1") is False
    assert len(asked) == 2 and previews == ["voucher"] and sent == [] and prefs.get("printer_voucher") == ""


def test_a_printer_gone_is_asked_again_and_none_installed_previews(qtbot, db, printers, monkeypatch):
    from PySide6.QtPrintSupport import QPrinterInfo

    sent, previews = printers
    prefs.set("printer_receipt", "Old-Printer")
    asked = []
    answer_printer_question(qtbot, ["print"], asked)
    assert print_service.print_pdf(None, b"%PDF", "receipt", "LQ-9") is True
    assert len(asked) == 1 and prefs.get("printer_receipt") == "Office-A4"
    monkeypatch.setattr(QPrinterInfo, "availablePrinterNames", staticmethod(lambda: []))
    assert print_service.print_pdf(None, b"%PDF", "card", "WX-9") is False
    assert previews == ["card"] and len(asked) == 1


def test_intake_first_save_asks_for_each_printer_then_prints_directly(qtbot, tab, zhang, printers):  # noqa: F811
    sent, previews = printers
    products.get_or_create_product("TP-X1", "ThinkPad X1 Carbon", 12)
    ui = tab.ui
    asked = []
    answer_printer_question(qtbot, ["up", "print", "print"], asked)
    pick_customer(qtbot, tab, "zw")
    fill_new_unit(qtbot, tab, serial="SN-P1")
    type_text(qtbot, ui.faultEdit, "开机无显示")
    qtbot.keyClick(ui.faultEdit, Qt.Key_F12)
    assert len(asked) == 2 and previews == [] and len(sent) == 2      # receipt, then cards: asked once each
    assert prefs.get("printer_receipt") == "Receipt-80" and prefs.get("printer_card") == "Office-A4"
    assert "receipt" in ui.statusLabel.text() and "NOT" not in ui.statusLabel.text()
    tab.activateWindow()                                   # (offscreen: back from the modal question)
    qtbot.waitUntil(tab.isActiveWindow)
    pick_customer(qtbot, tab, "zw")
    fill_new_unit(qtbot, tab, serial="SN-P2")
    type_text(qtbot, ui.faultEdit, "开机无显示")
    qtbot.keyClick(ui.faultEdit, Qt.Key_F12)
    assert len(asked) == 2 and len(sent) == 4 and previews == []


def test_shift_f12_saves_and_shows_the_preview(qtbot, tab, zhang, printers):  # noqa: F811
    sent, previews = printers
    prefs.set("printer_receipt", "Receipt-80")
    prefs.set("printer_card", "Receipt-80")
    products.get_or_create_product("TP-X1", "ThinkPad X1 Carbon", 12)
    ui = tab.ui
    assert "Shift+F12" in tab.previewButton.text()
    pick_customer(qtbot, tab, "zw")
    fill_new_unit(qtbot, tab, serial="SN-P3")
    type_text(qtbot, ui.faultEdit, "开机无显示")
    qtbot.keyClick(ui.faultEdit, Qt.Key_F12, Qt.ShiftModifier)
    assert previews == ["receipt", "card"] and sent == [] and Job.select().count() == 1
    assert "NOT printed" in ui.statusLabel.text()
