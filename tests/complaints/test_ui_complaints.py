"""Complaints through the real widgets: received from the tab, handled step
by step in the dialog, overdue first, from a contact line, on the archive
and the job dialog."""
from __future__ import annotations

import datetime as dt

import pytest

from app.domain.complaints import complaints
from app.domain.complaints.complaints import ComplaintForm
from app.domain.complaints.models import Complaint
from app.domain.contacts import register
from app.domain.contacts.register import ContactForm
from app.domain.core.models import now
from app.ui.base.context import AppContext
from app.ui.qt import QDialog
from tests.helpers import make_customer, take_in


@pytest.fixture
def world(db, staff):
    c = make_customer()
    job = take_in(staff["counter"], customer=c).job
    return dict(customer=c, job=job)


def test_receive_and_handle_in_the_dialog(qtbot, world, staff, no_message_boxes):
    from app.ui.complaints.complaint_dialog import ComplaintDialog

    d = ComplaintDialog(AppContext(staff["counter"]))
    qtbot.addWidget(d)
    assert not d.receive()
    assert d.errors.message("customer") and d.errors.message("words")
    d.set_customer(world["customer"])
    d.words.setPlainText("返修后仍然无法开机")
    d.about.setCurrentIndex(d.about.findData("job"))
    d.job.setCurrentIndex(d.job.findData(world["job"].id))
    d.responsible.setCurrentIndex(d.responsible.findData(staff["business"].id))
    assert d.receive()
    c = Complaint.get()
    assert (c.job_id, c.responsible_id, c.received_by_id) == (world["job"].id, staff["business"].id,
                                                              staff["counter"].id)
    assert c.number in d.header.text()
    # The clerk who received it cannot handle it; the person responsible can.
    assert all(b.isHidden() for b in d.step_buttons.values())
    h = ComplaintDialog(AppContext(staff["business"]), c.id)
    qtbot.addWidget(h)
    h.show()
    assert h.step_buttons["acknowledge"].isHidden() is False and not h.step_buttons["close"].isHidden() is False
    assert not h.perform("acknowledge") and h.errors.message("note")
    h.note.setText("已致电道歉")
    assert h.perform("acknowledge")
    h.investigation.setPlainText("主板虚焊")
    h.cause.setCurrentIndex(h.cause.findData("workmanship"))
    assert h.save_investigation()
    h.reply.setPlainText("免费重修")
    h.reply_how.setCurrentIndex(h.reply_how.findData("phone"))
    assert h.perform("reply")
    assert Complaint.get_by_id(c.id).state == "replied"
    m = ComplaintDialog(AppContext(staff["manager"]), c.id)
    qtbot.addWidget(m)
    m.show()
    assert m.step_buttons["close"].isHidden() is False and m.manager_box.isHidden() is False
    assert not m.perform("close") and m.errors.message("satisfaction")
    m.satisfaction.setCurrentIndex(m.satisfaction.findData("satisfied"))
    m.closing.setText("结案")
    assert m.perform("close")
    assert Complaint.get_by_id(c.id).state == "closed"
    assert m.history_model.rowCount() >= 6


def test_the_tab_lists_overdue_first_and_only_what_one_may_see(qtbot, world, staff, no_message_boxes):
    from app.ui.complaints.complaints_tab import ComplaintsTab

    old = complaints.receive(ComplaintForm(customer_id=world["customer"].id, words="一个月前的投诉",
                                           received_at=now() - dt.timedelta(days=30)), staff["counter"])
    new = complaints.receive(ComplaintForm(customer_id=world["customer"].id, words="今天的投诉"), staff["business"])
    tab = ComplaintsTab(AppContext(staff["manager"]))
    qtbot.addWidget(tab)
    assert [tab.model.object_at(i).id for i in range(tab.model.rowCount())] == [old.id, new.id]
    assert "1" in tab.status.text()
    tab.overdue_only.setChecked(True)
    assert tab.model.rowCount() == 1
    mine = ComplaintsTab(AppContext(staff["business"]))
    qtbot.addWidget(mine)
    assert [mine.model.object_at(i).id for i in range(mine.model.rowCount())] == [new.id]


def test_a_complaint_line_of_the_register_becomes_a_complaint(qtbot, world, staff, monkeypatch, no_message_boxes):
    from app.ui.complaints.complaint_dialog import ComplaintDialog
    from app.ui.contacts.contacts_tab import ContactsTab

    def receive_it(dialog):
        assert dialog.words.toPlainText() == "对维修质量不满"
        dialog.severity.setCurrentIndex(dialog.severity.findData("major"))
        assert dialog.receive()
        return QDialog.Accepted

    monkeypatch.setattr(ComplaintDialog, "exec", receive_it)
    tab = ContactsTab(AppContext(staff["counter"]))
    qtbot.addWidget(tab)
    tab.set_customer(world["customer"])
    tab.kind.setCurrentIndex(tab.kind.findData("complaint"))
    tab.matter.setText("对维修质量不满")
    line = tab.save()
    c = Complaint.get()
    assert c.contact_line_id == line.id and c.severity == "major" and c.source == "contact"


def test_waiting_items_and_the_archive_and_job_panels(qtbot, world, staff, monkeypatch, no_message_boxes):
    from app.ui.base import slots
    from app.ui.complaints.complaint_dialog import ComplaintDialog
    from app.ui.complaints.complaints_tab import ComplaintsTab, WaitingDialog

    register.record(ContactForm(kind="complaint", matter="等太久", customer_id=world["customer"].id,
                                job_id=world["job"].id), staff["counter"])
    tab = ComplaintsTab(AppContext(staff["counter"]))
    qtbot.addWidget(tab)
    assert "(1)" in tab.waiting_button.text()

    def choose(dialog):
        dialog.list.setCurrentRow(0)
        dialog.accept_current()
        return QDialog.Accepted

    def receive_it(dialog):
        assert dialog.receive()
        return QDialog.Accepted

    monkeypatch.setattr(WaitingDialog, "exec", choose)
    monkeypatch.setattr(ComplaintDialog, "exec", receive_it)
    c = tab.from_waiting()
    assert c is not None and c.job_id == world["job"].id
    assert "(0)" in tab.waiting_button.text()
    ctx = AppContext(staff["counter"])
    archive = [p for p in slots.archive_panels() if p.key == "complaints"][0].make(ctx, world["customer"].id, None)
    qtbot.addWidget(archive)
    assert archive.model.rowCount() == 1 and "(1)" in archive.title()
    job_panel = [p for p in slots.job_panels() if p.key == "complaints"][0].make(ctx, world["job"].id, None)
    qtbot.addWidget(job_panel)
    assert job_panel.model.rowCount() == 1


def test_the_job_dialog_shows_complaints_about_the_job(qtbot, world, staff, no_message_boxes):
    from app.ui.counter.job_dialog import JobDialog

    complaints.receive(ComplaintForm(customer_id=world["customer"].id, words="修不好", about="job",
                                     job_id=world["job"].id), staff["counter"])
    d = JobDialog(AppContext(staff["counter"]), world["job"].id)
    qtbot.addWidget(d)
    titles = [d.ui.tabs.tabText(i) for i in range(d.ui.tabs.count())]
    assert any("(1)" in t for t in titles)


def test_a_manager_sets_the_deadlines_by_severity(qtbot, db, staff, no_message_boxes):
    from app.domain.complaints import deadlines
    from app.ui.complaints.deadlines_dialog import DeadlinesDialog

    d = DeadlinesDialog(AppContext(staff["manager"]))
    qtbot.addWidget(d)
    d.spins["critical"][0].setValue(1)
    d.spins["critical"][2].setValue(2)
    assert d.save()
    assert deadlines.get("critical") == (1, 1, 2)
    d = DeadlinesDialog(AppContext(staff["manager"]))
    qtbot.addWidget(d)
    d.spins["minor"][1].setValue(9)
    d.spins["minor"][2].setValue(3)
    assert not d.save() and d.error.text()
