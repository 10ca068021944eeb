"""The contact register tab through the real widgets: a call entered in a
few keystrokes, an unknown caller, follow-ups, filters, correction, export,
a repair request that starts an intake, and the archive's panel."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from app.domain.contacts import register
from app.domain.contacts.models import ContactEntry
from app.domain.contacts.register import ContactForm
from app.domain.core.models import now
from app.ui.base.context import AppContext
from app.ui.qt import QDialog, Qt
from tests.helpers import make_customer, take_in


@pytest.fixture
def setup(db, staff):
    c = make_customer()   # 010-62888899
    job = take_in(staff["counter"], customer=c).job
    return dict(customer=c, job=job)


@pytest.fixture
def tab(qtbot, setup, staff, no_message_boxes):
    from app.ui.contacts.contacts_tab import ContactsTab

    started = []
    widget = ContactsTab(AppContext(staff["counter"]), start_intake=lambda c, m: started.append((c.id, m)))
    widget.started = started
    qtbot.addWidget(widget)
    widget.resize(1340, 700)
    widget.show()
    return widget


def test_a_pasted_number_finds_the_customer_and_enter_saves_and_clears(qtbot, tab, setup):
    tab.phone_edit.setFocus()
    qtbot.keyClicks(tab.phone_edit, "(010) 6288-8899")
    qtbot.waitUntil(lambda: tab.customer is not None, timeout=2000)
    assert tab.customer.id == setup["customer"].id
    assert setup["job"].number in tab.jobs_list.item(0).text()
    assert tab.job.findData(setup["job"].id) > 0
    tab.kind.setCurrentIndex(tab.kind.findData("guidance"))
    tab.job.setCurrentIndex(tab.job.findData(setup["job"].id))
    tab.matter.insert("问开机无显示怎么处理")
    tab.answer.insert("指导复位，已正常")
    qtbot.keyClick(tab.answer, Qt.Key_Return)
    line = ContactEntry.get()
    assert (line.customer_id, line.kind, line.job_id, line.caller_phone, line.answer) == (
        setup["customer"].id, "guidance", setup["job"].id, "010-62888899", "指导复位，已正常")
    assert tab.phone_edit.text() == "" and tab.matter.text() == "" and tab.customer is None
    assert line.number in tab.saved_label.text()
    assert tab.model.rowCount() == 1 and tab.phone_edit.hasFocus()


def test_an_unknown_number_is_kept_and_a_bad_one_named_beside_the_field(qtbot, tab):
    qtbot.keyClicks(tab.phone_edit, "139 0000 1111")
    tab.matter.insert("询问上门服务")
    qtbot.keyClick(tab.matter, Qt.Key_Return)
    line = ContactEntry.get()
    assert line.customer_id is None and line.caller_phone == "13900001111"
    qtbot.keyClicks(tab.phone_edit, "abc")
    qtbot.keyClicks(tab.matter, "x")
    qtbot.keyClick(tab.matter, Qt.Key_Return)
    assert ContactEntry.select().count() == 1
    assert tab.errors.message("caller_phone")


def test_save_and_start_intake(qtbot, tab, setup):
    tab.set_customer(setup["customer"])
    tab.matter.setText("打印机出竖线，要求送修")
    assert tab.intake_button.isEnabled()
    qtbot.mouseClick(tab.intake_button, Qt.LeftButton)
    line = ContactEntry.get()
    assert line.kind == "repair"
    assert tab.started == [(setup["customer"].id, "打印机出竖线，要求送修")]


def test_follow_ups_due_are_shown_and_followed_up(qtbot, tab, setup, staff):
    old = register.record(ContactForm(matter="回电确认", customer_id=setup["customer"].id,
                                      follow_up_by_id=staff["counter"].id,
                                      follow_up_due=now().date() - dt.timedelta(days=1),
                                      at=now() - dt.timedelta(days=3)), staff["business"])
    register.record(ContactForm(matter="别人的", customer_id=setup["customer"].id, follow_up_by_id=staff["tech"].id,
                                follow_up_due=now().date()), staff["business"])
    tab.refresh()
    assert tab.follow_list.count() == 1 and old.number in tab.follow_list.item(0).text()
    assert "(1)" in tab.follow_box.title()
    tab._follow_up_activated(tab.follow_list.item(0))
    assert tab.follows_up.id == old.id and tab.direction.currentData() == "out"
    tab.answer.insert("已回电")
    qtbot.keyClick(tab.answer, Qt.Key_Return)
    done = ContactEntry.select().order_by(ContactEntry.id.desc()).first()
    assert done.follows_up_id == old.id and done.customer_id == setup["customer"].id
    assert tab.follow_list.count() == 0


def test_filters_correction_and_export(qtbot, tab, setup, staff, tmp_path, monkeypatch):
    c = setup["customer"]
    a = register.record(ContactForm(matter="表扬服务", kind="praise", customer_id=c.id), staff["counter"])
    b = register.record(ContactForm(matter="申请协议", kind="application", caller_phone="13900001111"),
                        staff["business"])
    tab.set_period(None, None)
    assert tab.model.rowCount() == 2
    tab.kind_filter.setCurrentIndex(tab.kind_filter.findData("praise"))
    assert [tab.model.object_at(i).id for i in range(tab.model.rowCount())] == [a.id]
    tab.kind_filter.setCurrentIndex(0)
    tab.staff_filter.setCurrentIndex(tab.staff_filter.findData(staff["business"].id))
    assert [tab.model.object_at(i).id for i in range(tab.model.rowCount())] == [b.id]
    tab.staff_filter.setCurrentIndex(0)
    tab.view.selectRow([tab.model.object_at(i).id for i in range(2)].index(b.id))
    assert tab.correct_button.isEnabled()
    from app.ui.contacts.contacts_tab import CorrectionDialog

    def fill(dialog):
        dialog.customer_edit.setText("华信")
        dialog.search.run_search(show_popup=False)
        dialog._picked(dialog.search.rows[0])
        dialog.note.setText("来电者已确认为该客户")
        assert dialog.save()
        return QDialog.Accepted

    monkeypatch.setattr(CorrectionDialog, "exec", fill)
    assert tab.correct_selected()
    fixed = register.correction_of(b)
    assert fixed.customer_id == c.id and fixed.note == "来电者已确认为该客户"
    tab.refresh()
    assert tab.model.rowCount() == 3
    struck = [tab.model.object_at(i) for i in range(3) if tab.model.object_at(i).id == b.id][0]
    assert struck.superseded
    path = str(tmp_path / "lines.xlsx")
    monkeypatch.setattr("app.ui.contacts.contacts_tab.QMessageBox.information", lambda *a: None)
    assert tab.export(path) == 3
    rows = list(openpyxl.load_workbook(path).active.iter_rows(values_only=True))
    assert len(rows) == 4 and rows[1][0] == fixed.number


def test_the_archive_lists_the_customers_lines(qtbot, setup, staff):
    from app.ui.base import slots

    c = setup["customer"]
    register.record(ContactForm(matter="问进度", customer_id=c.id), staff["counter"])
    panel_def = [p for p in slots.archive_panels() if p.key == "contacts"][0]
    panel = panel_def.make(AppContext(staff["counter"]), c.id, None)
    qtbot.addWidget(panel)
    assert panel.model.rowCount() == 1 and "(1)" in panel.title()


def test_print_the_book_from_the_tab(qtbot, tab, setup, staff, printed, monkeypatch):
    from app.ui.contacts.book_dialog import ContactBookDialog

    register.record(ContactForm(matter="问进度", customer_id=setup["customer"].id), staff["counter"])

    def answer(dialog):
        assert "1" in dialog.count_label.text()
        assert dialog.print_book()
        return QDialog.Accepted

    monkeypatch.setattr(ContactBookDialog, "exec", answer)
    assert tab.print_book()
    assert len(printed) == 1 and printed[0][1].startswith(b"%PDF")
