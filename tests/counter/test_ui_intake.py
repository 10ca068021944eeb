"""The intake tab through its real widgets (pytest-qt, offscreen)."""
from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from app.domain.counter import intake, products
from app.domain.counter.models import Job, Receipt, RegisterEntry
from app.domain.customers import customers
from app.ui.base import print_service
from app.ui.base.context import AppContext
from app.ui.counter import printing
from app.ui.qt import QApplication, QEvent, QKeyEvent, Qt

pytestmark = pytest.mark.usefixtures("no_message_boxes")


@pytest.fixture
def tab(qtbot, db, staff, printed):
    from app.ui.counter.intake_tab import IntakeTab

    ctx = AppContext(staff["counter"])
    w = IntakeTab(ctx)
    qtbot.addWidget(w)
    w.resize(1300, 700)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    return w


@pytest.fixture
def zhang(db):
    customers.create_customer("王芳", "13912345678", user=None)
    return customers.create_customer("张伟", "13800138000", "end_user", "北京市朝阳区", user=None)


def type_text(qtbot, widget, text):
    """Type like a keyboard; QTest.keyClicks handles ASCII only, so other
    characters (Chinese typed through an input method) go as key events
    carrying their text."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            for kind in (QEvent.KeyPress, QEvent.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key_unknown, Qt.NoModifier, ch))


def pick_customer(qtbot, tab, text, down=0):
    ui = tab.ui
    ui.customerSearch.setFocus()
    qtbot.keyClicks(ui.customerSearch, text)
    popup = tab.search.popup()
    qtbot.waitUntil(lambda: bool(tab.search.rows) and popup.isVisible(), timeout=2000)
    for _ in range(down):
        qtbot.keyClick(ui.customerSearch, Qt.Key_Down)
    qtbot.keyClick(ui.customerSearch, Qt.Key_Return)
    assert not popup.isVisible()


def fill_new_unit(qtbot, tab, serial="SN-NEW-001", model="TP-X1"):
    ui = tab.ui
    qtbot.keyClicks(ui.serialEdit, serial)
    qtbot.keyClick(ui.serialEdit, Qt.Key_Return)
    assert ui.newUnitPanel.isVisible()
    assert ui.productCombo.hasFocus()
    qtbot.keyClicks(ui.productCombo.lineEdit(), model)
    qtbot.keyClick(ui.productCombo.lineEdit(), Qt.Key_Return)


def test_intake_save_and_print(qtbot, qtmodeltester, tab, zhang, printed):
    products.get_or_create_product("TP-X1", "ThinkPad X1 Carbon", 12)
    ui = tab.ui
    pick_customer(qtbot, tab, "zw")          # pinyin initials of 张伟
    assert tab.customer is not None and tab.customer.id == zhang.id
    assert "张伟" in ui.customerInfo.text()
    qtmodeltester.check(tab.search.model)
    assert ui.serialEdit.hasFocus()            # Enter moved on to the serial

    fill_new_unit(qtbot, tab)
    assert tab._chosen_product_id() is not None  # the known model was recognised
    qtbot.mouseClick(ui.quickAdapter, Qt.LeftButton)
    type_text(qtbot, ui.itemEdit, "U盘")
    qtbot.keyClick(ui.itemEdit, Qt.Key_Return)
    assert tab.items() == ["Main unit", "Power adapter/charger", "U盘"]
    qtbot.keyClick(ui.itemEdit, Qt.Key_Return)   # empty Enter: on to the fault
    assert ui.faultEdit.hasFocus()
    type_text(qtbot, ui.faultEdit, "无法开机")
    qtbot.mouseClick(ui.chipScratches, Qt.LeftButton)

    qtbot.keyClick(ui.faultEdit, Qt.Key_S, Qt.ControlModifier)

    job = Job.get()
    assert job.fault == "无法开机" and job.unit.serial == "SN-NEW-001" and job.customer_id == zhang.id
    assert job.condition == "Scratches"
    assert [i.description for i in job.items] == ["Main unit", "Power adapter/charger", "U盘"]
    assert Receipt.select().where(Receipt.job == job).count() == 1
    assert RegisterEntry.select().where((RegisterEntry.job == job) & (RegisterEntry.direction == "in")).count() == 1
    kinds = [k for k, _ in printed]
    assert kinds == ["receipt", "card"]
    assert len(PdfReader(io.BytesIO(printed[1][1])).pages) == 3     # one repair card per item
    assert printed[0][1].startswith(b"%PDF")
    receipt = Receipt.get()
    assert job.number in ui.statusLabel.text() and receipt.number in ui.statusLabel.text()
    # Cleared for the next customer.
    assert ui.serialEdit.text() == "" and tab.customer is None and tab.items() == ["Main unit"]
    assert ui.customerSearch.hasFocus()


def test_missing_fault_is_shown_beside_the_field(qtbot, tab, zhang, printed):
    ui = tab.ui
    pick_customer(qtbot, tab, "138001")
    fill_new_unit(qtbot, tab, model="NEW-MODEL-9")
    assert ui.productName.isEnabled()            # a model not known yet
    type_text(qtbot, ui.productName, "新型号")
    type_text(qtbot, ui.conditionEdit, "外壳有划痕")
    qtbot.keyClick(ui.saveButton, Qt.Key_F12)

    assert tab.errors.message("fault")
    assert ui.err_fault.isVisible() and ui.faultEdit.property("fieldError") == "true"
    assert ui.faultEdit.hasFocus()
    assert Job.select().count() == 0 and Receipt.select().count() == 0 and RegisterEntry.select().count() == 0
    assert printed == []
    # Everything typed is still there.
    assert ui.serialEdit.text() == "SN-NEW-001" and ui.conditionEdit.text() == "外壳有划痕"
    assert ui.productCombo.currentText() == "NEW-MODEL-9" and tab.customer.id == zhang.id
    # Typing in the field clears its message.
    type_text(qtbot, ui.faultEdit, "屏幕闪烁")
    assert not ui.err_fault.isVisible()


def test_unit_in_the_shop_is_refused(qtbot, tab, zhang, staff, printed):
    first = intake.take_in(intake.IntakeForm(customer_id=zhang.id, serial="SN-IN-SHOP", fault="异响",
                                             product_model="M1", product_name="Model one"), staff["counter"])
    ui = tab.ui
    qtbot.keyClicks(ui.serialEdit, "sn-in-shop")
    qtbot.keyClick(ui.serialEdit, Qt.Key_Return)
    # The known unit brings its owner, its history and the open job's warning.
    assert tab.customer is not None and tab.customer.id == zhang.id
    assert ui.historyTable.rowCount() == 1 and ui.historyTable.item(0, 0).text() == first.job.number
    assert first.job.number in tab.errors.message("serial")
    type_text(qtbot, ui.faultEdit, "又坏了")
    qtbot.keyClick(ui.faultEdit, Qt.Key_S, Qt.ControlModifier)
    assert first.job.number in tab.errors.message("serial")
    assert Job.select().count() == 1 and printed == []


def test_kind_override_needs_a_reason(qtbot, tab, zhang, printed):
    ui = tab.ui
    pick_customer(qtbot, tab, "zw")
    fill_new_unit(qtbot, tab, model="M2")
    assert ui.kindCombo.currentData() == "paid"          # no sale date: paid by the rules
    assert not ui.kindReason.isEnabled()
    ui.kindCombo.setCurrentIndex(ui.kindCombo.findData("free"))
    assert ui.kindReason.isEnabled()
    type_text(qtbot, ui.faultEdit, "不开机")
    qtbot.keyClick(ui.faultEdit, Qt.Key_S, Qt.ControlModifier)
    assert tab.errors.message("kind_reason") and Job.select().count() == 0
    type_text(qtbot, ui.kindReason, "经理同意免费")
    qtbot.keyClick(ui.faultEdit, Qt.Key_S, Qt.ControlModifier)
    job = Job.get()
    assert job.service_kind == "free" and job.computed_kind == "paid" and job.kind_reason == "经理同意免费"


def test_new_customer_dialog_selects_the_customer(qtbot, tab, monkeypatch):
    from app.ui.customers import customer_dialog

    def fake_exec(dialog):
        qtbot.keyClicks(dialog.phone, "12")   # too short: shown beside the phone field
        dialog.save()
        assert dialog.errors.message("phone") and dialog.customer is None
        dialog.phone.clear()
        qtbot.keyClicks(dialog.phone, "13700001111")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(customer_dialog.CustomerDialog, "exec", fake_exec)
    type_text(qtbot, tab.ui.customerSearch, "李雷")
    qtbot.keyClick(tab.ui.customerSearch, Qt.Key_N, Qt.ControlModifier)
    assert tab.customer is not None and tab.customer.name == "李雷" and tab.customer.phone == "13700001111"


def test_counter_finds_and_warns_of_a_number_typed_another_way(qtbot, tab, zhang, monkeypatch):
    """Issue 11: the search box finds 张伟 by "+86 138-0013-8000"; a new
    customer with his number gets the note before saving, and is saved."""
    from app.ui.customers import customer_dialog

    assert [c.name for c in customers.search("+86 138-0013-8000")] == ["张伟"]
    seen = {}

    def fake_exec(dialog):
        seen["note"] = dialog.same_phone.text() if dialog.same_phone.isVisibleTo(dialog) else ""
        dialog.name.setText("张伟的公司")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(customer_dialog.CustomerDialog, "exec", fake_exec)
    type_text(qtbot, tab.ui.customerSearch, "0086 138 0013 8000")
    qtbot.keyClick(tab.ui.customerSearch, Qt.Key_N, Qt.ControlModifier)
    assert "张伟" in seen["note"] and zhang.code in seen["note"]
    assert tab.customer is not None and tab.customer.name == "张伟的公司" and tab.customer.phone == "13800138000"


def test_printing_keeps_each_pdf_page_size(qtbot, db, staff, zhang, tmp_path):
    """The printer gets one page per PDF page, sized as the PDF page (a tag
    stays a tag): checked with Qt's PDF printer, as no real printer is here."""
    from PySide6.QtPrintSupport import QPrinter

    from app.domain.counter import printouts

    res = intake.take_in(intake.IntakeForm(customer_id=zhang.id, serial="SN-PRN", fault="不开机",
                                           items=["主机", "电源适配器"], product_model="M9"), staff["counter"])
    pdf = printouts.render("cards", res.job, printing.options_from_prefs())
    source = PdfReader(io.BytesIO(pdf)).pages
    printer = QPrinter(QPrinter.HighResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "out.pdf"))
    assert print_service._print_to(None, pdf, printer, "cards")
    printed_pages = PdfReader(str(tmp_path / "out.pdf")).pages
    assert len(printed_pages) == len(source) == 2
    for src, out in zip(source, printed_pages):
        assert abs(float(out.mediabox.width) - float(src.mediabox.width)) < 2
        assert abs(float(out.mediabox.height) - float(src.mediabox.height)) < 2


def test_settings_dialog_saves_shared_and_station_options(qtbot, db, staff, tab):
    from app.domain.core import settings
    from app.ui.base import prefs
    from app.ui.shell.settings_dialog import SettingsDialog

    clerk = SettingsDialog(tab.ctx)             # the counter sets up his station only
    qtbot.addWidget(clerk)
    assert not clerk.ui.companyName.isEnabled()
    d = SettingsDialog(AppContext(staff["manager"]))
    qtbot.addWidget(d)
    d.ui.companyName.clear()
    d.save()                                     # the name is printed everywhere: required
    assert d.errors.message("company_name") and settings.get("company_name")
    qtbot.keyClicks(d.ui.companyName, "Huaxin Service")
    d.ui.pickupTerms.setPlainText("First term\n\nSecond term\n")
    d.ui.promiseDays.setValue(5)
    d.ui.receiptCopies.setValue(2)
    d.ui.receiptPaper.setCurrentIndex(d.ui.receiptPaper.findData("A5"))
    d.ui.uiLanguage.setCurrentIndex(d.ui.uiLanguage.findData("en"))
    d.save()
    assert d.result() == d.DialogCode.Accepted
    assert settings.get("company_name") == "Huaxin Service"
    assert settings.company().pickup_terms == ["First term", "Second term"]
    assert prefs.get("receipt_copies") == 2 and prefs.get("receipt_paper") == "A5" and prefs.get("language") == "en"
    tab.clear_form()                             # the next intake promises 5 days
    from app.ui.qt import QDate
    assert tab.ui.promisedDate.date() == QDate.currentDate().addDays(5)


def test_customer_list_keyboard(qtbot, tab, zhang):
    pick_customer(qtbot, tab, "13", down=1)    # two match; Down picks the second
    assert tab.customer.name == "王芳" and tab.ui.serialEdit.hasFocus()
    tab.ui.customerSearch.setFocus()
    qtbot.keyClicks(tab.ui.customerSearch, "x")            # typing again drops the choice
    assert tab.customer is None
    qtbot.waitUntil(lambda: not tab.search.timer.isActive())
    qtbot.keyClick(tab.ui.customerSearch, Qt.Key_Escape)
    assert not tab.search.popup().isVisible()
