"""The workshop queue tab and the job dialog, driven through their widgets."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from app.domain.counter import charges, jobs, release
from app.domain.counter.intake import IntakeForm, take_in
from app.domain.counter.models import Job, JobHistory, JobLabour, JobPart
from app.domain.customers import customers
from app.ui.base.context import AppContext
from app.ui.qt import QInputDialog, QMessageBox, Qt

TODAY = dt.date.today()


def make_job(staff, serial, name="王芳", phone="13800138000", days_ago=0, promised_in=None):
    customer = customers.create_customer(name, phone, user=None)
    received = dt.datetime.combine(TODAY - dt.timedelta(days=days_ago), dt.time(9, 30))
    form = IntakeForm(customer_id=customer.id, serial=serial, fault="开机无显示，电源灯亮",
                      items=["主机", "电源适配器"], product_model="HP-M429FDW",
                      product_name="惠普 LaserJet Pro M429fdw", warranty_months=12,
                      sale_date=TODAY - dt.timedelta(days=100), received_at=received,
                      promised_date=received.date() + dt.timedelta(days=promised_in)
                      if promised_in is not None else None)
    return take_in(form, staff["counter"]).job


def move(job, *actions, user=None, note="测试"):
    for action in actions:
        job = jobs.perform(job.id, action, user, None, note)
    return job


@pytest.fixture
def messages(monkeypatch):
    """Every message box the widgets show, recorded instead of shown."""
    shown = []

    def record(kind, answer=None):
        def box(parent, title, text, *args, **kwargs):
            shown.append((kind, title, text))
            return answer
        return box

    monkeypatch.setattr(QMessageBox, "warning", record("warning", QMessageBox.Ok))
    monkeypatch.setattr(QMessageBox, "critical", record("critical", QMessageBox.Ok))
    monkeypatch.setattr(QMessageBox, "information", record("information", QMessageBox.Ok))
    monkeypatch.setattr(QMessageBox, "question", record("question", QMessageBox.Yes))
    return shown


@pytest.fixture
def printed(monkeypatch):
    """Calls to app.ui.counter.printing.print_job."""
    calls = []
    from app.ui.counter import printing as module

    def print_job(parent, ctx, job_id, kinds=("receipt", "cards"), preview=None):
        calls.append((job_id, tuple(kinds), preview))
        return True

    monkeypatch.setattr(module, "print_job", print_job, raising=False)
    return calls


@pytest.fixture
def shop(any_db, staff):
    """Four open jobs and a cancelled one."""
    a = make_job(staff, "SN-A001", "王芳", "13800138001", days_ago=10, promised_in=3)   # overdue
    b = move(make_job(staff, "SN-B002", "李娜", "13900139002", days_ago=5), "start_diagnosis")
    jobs.set_diagnosis(b.id, "", None, None, technician_id=staff["tech"].id)
    c = move(make_job(staff, "SN-C003", "张伟", "13700137003", days_ago=2),
             "start_diagnosis", "start_repair", "finish_repair", "mark_ready")
    d = make_job(staff, "SN-D004", "刘洋", "13600136004", days_ago=1, promised_in=5)
    e = make_job(staff, "SN-E005", "陈静", "13500135005")
    release.cancel_job(e.id, staff["counter"], None, "录入错误")
    return {k: Job.get_by_id(j.id) for k, j in dict(a=a, b=b, c=c, d=d, e=e).items()}


@pytest.fixture
def tab(qtbot, shop, staff):
    from app.ui.counter.repair_tab import RepairCardsTab

    widget = RepairCardsTab(AppContext(staff["tech"]))   # the workshop moves jobs
    qtbot.addWidget(widget)
    assert widget.ui.technicianCombo.currentData() == staff["tech"].id   # his own jobs first (issue 12, part 5)
    widget.ui.technicianCombo.setCurrentIndex(0)                         # then the whole queue
    return widget


def numbers(tab):
    return [tab.model.object_at(r).number for r in range(tab.model.rowCount())]


def test_queue_lists_open_jobs_oldest_first(tab, shop, qtmodeltester):
    assert numbers(tab) == [shop[k].number for k in "abcd"]
    qtmodeltester.check(tab.model)
    assert tab.chips[None].text().endswith("4")
    assert tab.chips["received"].text().endswith("2")


def test_filters_by_state_technician_age_and_text(tab, shop, staff, qtbot):
    tab.chips["diagnosing"].click()
    assert numbers(tab) == [shop["b"].number]
    tab.chips["ready"].click()                       # several states at once
    assert numbers(tab) == [shop["b"].number, shop["c"].number]
    tab.chips[None].click()
    assert len(numbers(tab)) == 4

    combo = tab.ui.technicianCombo
    combo.setCurrentIndex(combo.findData(staff["tech"].id))
    assert numbers(tab) == [shop["b"].number]
    combo.setCurrentIndex(combo.findData("none"))
    assert shop["b"].number not in numbers(tab) and len(numbers(tab)) == 3
    combo.setCurrentIndex(0)

    tab.ui.ageCombo.setCurrentIndex(tab.ui.ageCombo.findData(8))     # older than 7 days
    assert numbers(tab) == [shop["a"].number]
    tab.ui.ageCombo.setCurrentIndex(tab.ui.ageCombo.findData(4))     # older than 3 days
    assert numbers(tab) == [shop["a"].number, shop["b"].number]
    tab.ui.ageCombo.setCurrentIndex(0)

    qtbot.keyClicks(tab.ui.searchEdit, "13900139002")                # a phone number
    qtbot.waitUntil(lambda: numbers(tab) == [shop["b"].number])
    tab.ui.searchEdit.setText("sn-c003")
    tab.apply_filters()
    assert numbers(tab) == [shop["c"].number]


def test_pasted_list_of_serials_matches_any(tab, shop):
    tab.ui.searchEdit.setText("SN-A001\nSN-D004\r\nSN-E005\n")       # E is cancelled: not in the shop
    tab.apply_filters()
    assert numbers(tab) == [shop["a"].number, shop["d"].number]
    assert "3" in tab.ui.statusLabel.text() and "SN-E005" in tab.ui.statusLabel.text()   # not found


def test_overdue_jobs_stand_out(tab, shop):
    assert "1" in tab.ui.overdueButton.text()
    model = tab.model
    row_a = model.row_of(shop["a"].id)
    row_d = model.row_of(shop["d"].id)
    assert model.data(model.index(row_a, 0), Qt.BackgroundRole) is not None
    assert model.data(model.index(row_d, 0), Qt.BackgroundRole) is None
    tab.ui.overdueButton.click()
    assert numbers(tab) == [shop["a"].number]


def test_sort_by_column_and_refresh_keeps_selection(tab, shop, staff, qtmodeltester):
    customer_col = 3
    tab.view.sortByColumn(customer_col, Qt.AscendingOrder)
    names = [tab.model.data(tab.model.index(r, customer_col)) for r in range(4)]
    assert names == sorted(names)
    tab.view.selectRow(tab.model.row_of(shop["d"].id))
    assert tab.selected_ids() == [shop["d"].id]
    make_job(staff, "SN-F006", "艾米", "13300133006")               # another station takes a unit in
    tab.ctx.announce("counter")
    assert tab.model.rowCount() == 5
    assert tab.selected_ids() == [shop["d"].id]
    qtmodeltester.check(tab.model)


def test_enter_and_double_click_open_the_job(tab, shop, monkeypatch, qtbot):
    opened = []
    monkeypatch.setattr("app.ui.counter.repair_tab.JobDialog.exec", lambda self: opened.append(self.job.id) or 0)
    tab.show()
    tab.view.setFocus()
    tab.view.setCurrentIndex(tab.model.index(1, 0))
    qtbot.keyClick(tab.view, Qt.Key_Return)
    assert opened == [shop["b"].id]
    rect = tab.view.visualRect(tab.model.index(2, 1))
    # QTest's double click needs the press of a first click on the same cell.
    qtbot.mouseClick(tab.view.viewport(), Qt.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tab.view.viewport(), Qt.LeftButton, pos=rect.center())
    assert opened[-1] == shop["c"].id


def test_bulk_move_reports_what_was_skipped(tab, shop, messages):
    tab.view.selectAll()
    done, skipped = tab.bulk_move("start_diagnosis")
    assert sorted(done) == sorted([shop["a"].number, shop["d"].number])
    assert len(skipped) == 2 and any(shop["c"].number in s for s in skipped)
    assert Job.get_by_id(shop["a"].id).state == "diagnosing"
    assert messages[-1][0] == "information" and shop["b"].number in messages[-1][2]
    assert tab.chips["diagnosing"].text().endswith("3")             # refreshed on the counter's change


def test_bulk_move_needs_a_note_when_the_step_does(tab, shop, messages, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", True))
    tab.view.selectAll()
    assert tab.bulk_move("give_up") == ([], [])
    assert messages[-1][0] == "warning"
    assert Job.get_by_id(shop["a"].id).state == "received"


def test_print_repair_cards_for_the_selection(tab, shop, printed):
    tab.model.select_ids(tab.view.selectionModel(), [shop["c"].id, shop["a"].id])
    tab.ui.printCardsButton.click()
    assert printed == [(shop["a"].id, ("cards",), None), (shop["c"].id, ("cards",), None)]


def test_export_csv_is_excel_friendly(tab, shop, tmp_path, monkeypatch, messages):
    from app.ui.base import export
    from app.ui.qt import QFileDialog

    target = tmp_path / "queue"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    tab.ui.exportButton.click()
    raw = (tmp_path / "queue.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert "王芳" in text and shop["d"].number in text and len(text.strip().splitlines()) == 5
    assert export.safe_cell("=SUM(A1)") == "'=SUM(A1)" and export.safe_cell("-5") == "-5"


# -- the job dialog ------------------------------------------------------------------

@pytest.fixture
def dialog(qtbot, shop, staff):
    from app.ui.counter.job_dialog import JobDialog

    def open_(key="d", user="tech"):
        dlg = JobDialog(AppContext(staff[user]), shop[key].id)
        qtbot.addWidget(dlg)
        return dlg
    return open_


def test_job_dialog_diagnosis_parts_labour_and_state_buttons(dialog, staff, messages, qtmodeltester):
    dlg = dialog("d")
    assert dlg.ui.numberLabel.text() == dlg.job.number
    assert not dlg.ui.addPartButton.isEnabled()               # not being worked on yet
    dlg.action_buttons["start_diagnosis"].click()
    assert dlg.job.state == "diagnosing" and dlg.ui.addPartButton.isEnabled()

    dlg.ui.diagnosisEdit.setPlainText("定影组件老化，需更换")
    dlg.ui.diagTechnicianCombo.setCurrentIndex(dlg.ui.diagTechnicianCombo.findData(staff["tech2"].id))
    dlg.ui.saveDiagnosisButton.click()
    job = Job.get_by_id(dlg.job_id)
    assert job.diagnosis == "定影组件老化，需更换" and job.technician_id == staff["tech2"].id

    dlg.ui.partDescriptionEdit.setText("定影组件")
    dlg.ui.partQtyEdit.setText("abc")
    dlg.ui.partPriceEdit.setText("460")
    dlg.ui.addPartButton.click()
    assert dlg.part_errors.message("quantity")                 # beside the field
    assert not dlg.ui.partQtyError.isHidden()
    assert JobPart.select().where(JobPart.job == dlg.job_id).count() == 0
    assert not messages                                         # not a message box
    dlg.ui.partQtyEdit.setText("1")
    dlg.ui.addPartButton.click()
    assert dlg.ui.partQtyError.isHidden() and dlg.parts_model.rowCount() == 1
    assert dlg.ui.partDescriptionEdit.text() == ""

    dlg.ui.labourHoursEdit.setText("1.5")
    assert dlg.ui.labourRateEdit.text() == "80.00"              # settings' default labour rate
    dlg.ui.labourDescriptionEdit.setText("更换定影组件")
    dlg.ui.addLabourButton.click()
    assert dlg.labour_model.rowCount() == 1
    assert JobLabour.get(JobLabour.job == dlg.job_id).hours == Decimal("1.5")

    for action in ("start_repair", "finish_repair", "mark_ready"):
        dlg.action_buttons[action].click()
    assert Job.get_by_id(dlg.job_id).state == "ready"
    assert dlg.ui.stateLabel.text() == "Ready for pickup"
    assert not dlg.ui.addPartButton.isEnabled()
    events = [dlg.history_model.object_at(r).what for r in range(dlg.history_model.rowCount())]
    assert events[0] == "created" and "part" in events and "labour" in events
    # The history reads as the clerk would say it: the step, the states by name.
    shown = [[dlg.history_model.data(dlg.history_model.index(r, c)) for c in (2, 3)]
             for r in range(dlg.history_model.rowCount())]
    assert shown[0] == ["Taken in", "Received"]
    assert ["State changed", "Repaired → Ready for pickup"] in shown
    for model in (dlg.parts_model, dlg.labour_model, dlg.history_model):
        qtmodeltester.check(model)


def test_charges_shown_match_the_domain(dialog, shop, staff):
    job = move(shop["d"], "start_diagnosis")
    jobs.add_part(job.id, "主板", "1", "1280", staff["tech"], None)
    jobs.add_labour(job.id, "2", "80", staff["tech"], None)
    jobs.override_kind(job.id, "paid", "人为损坏", staff["manager"], None)
    dlg = dialog("d")
    c = charges.compute(Job.get_by_id(job.id))
    assert dlg.ui.partsTotalValue.text() == "¥1,280.00"
    assert dlg.ui.labourTotalValue.text() == f"¥{c.labour_total:,.2f}"
    assert dlg.ui.grossValue.text() == f"¥{c.gross_total:,.2f}"
    assert dlg.ui.dueValue.text() == f"¥{c.due:,.2f}" == "¥1,440.00"
    assert "人为损坏" in dlg.ui.kindLabel.text()


def test_free_job_shows_the_cost_and_nothing_due(dialog, shop, staff):
    job = move(shop["d"], "start_diagnosis")
    jobs.add_part(job.id, "导热硅脂", "2", "25", staff["tech"], None, kind="material")
    dlg = dialog("d")
    assert dlg.job.service_kind == "free"
    assert dlg.ui.grossValue.text() == "¥50.00" and dlg.ui.coveredValue.text() == "¥50.00"
    assert dlg.ui.dueValue.text() == "¥0.00"


def test_note_required_action_refuses_an_empty_note(dialog, messages, monkeypatch):
    dlg = dialog("b")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("  ", True))
    assert not dlg.do_action("give_up")
    assert messages and messages[-1][0] == "warning"
    assert Job.get_by_id(dlg.job_id).state == "diagnosing"
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("客户不修了", True))
    dlg.action_buttons["give_up"].click()
    assert Job.get_by_id(dlg.job_id).state == "ready" and dlg.job.outcome == "unrepaired"


def test_concurrent_change_is_reported_and_the_dialog_reloads(dialog, staff, messages):
    dlg = dialog("b")
    version = dlg.job.version
    # The second station moves the job on while this dialog is open.
    jobs.perform(dlg.job_id, "start_repair", staff["tech2"], version)
    dlg.ui.partDescriptionEdit.setText("键盘")
    dlg.ui.partPriceEdit.setText("320")
    assert not dlg.add_part()
    assert messages[-1][0] == "warning" and "another station" in messages[-1][2]
    assert JobPart.select().where(JobPart.job == dlg.job_id).count() == 0
    assert dlg.job.version == version + 1 and dlg.ui.stateLabel.text() == "Repairing"
    assert dlg.ui.partDescriptionEdit.text() == "键盘"          # what the clerk typed is kept
    assert dlg.add_part()                                      # and now it goes through
    assert JobPart.select().where(JobPart.job == dlg.job_id).count() == 1


def test_cancel_inform_and_kind(dialog, staff, messages, monkeypatch):
    from app.ui.counter.job_dialog import InformDialog, KindDialog

    dlg = dialog("a", user="counter")
    monkeypatch.setattr(InformDialog, "ask", classmethod(lambda cls, parent: ("wechat", "周五来取")))
    assert dlg.inform_customer()
    assert JobHistory.select().where((JobHistory.job == dlg.job_id) & (JobHistory.what == "informed")).count()
    monkeypatch.setattr(KindDialog, "ask", classmethod(lambda cls, parent, job: ("paid", "")))
    assert not dlg.change_kind()                               # a reason is required
    assert messages[-1][0] == "warning"
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("客户拿错机器", True))
    dlg.ui.cancelJobButton.click()
    assert Job.get_by_id(dlg.job_id).state == "cancelled"
    assert dlg.ui.readOnlyLabel.text() and not dlg.ui.diagnosisEdit.isEnabled()
    assert not dlg.action_buttons and not dlg.ui.cancelJobButton.isEnabled()


def test_print_buttons(dialog, printed):
    dlg = dialog("c")
    dlg.ui.printCardsButton.click()
    dlg.ui.printReceiptButton.click()
    dlg.ui.voucherButton.click()
    assert printed == [(dlg.job_id, ("cards",), None), (dlg.job_id, ("receipt",), None),
                       (dlg.job_id, ("voucher",), True)]


def test_remove_part_and_labour_lines(dialog, shop, staff):
    job = move(shop["b"], "start_repair")
    jobs.add_part(job.id, "键盘", "1", "320", staff["tech"], None)
    jobs.add_labour(job.id, "1", "80", staff["tech"], None)
    dlg = dialog("b")
    dlg.ui.partsView.selectRow(0)
    assert dlg.remove_part() and dlg.parts_model.rowCount() == 0
    dlg.ui.labourView.selectRow(0)
    dlg.ui.removeLabourButton.click()
    assert dlg.labour_model.rowCount() == 0
    assert dlg.ui.dueValue.text() == "¥0.00"
    assert not dlg.remove_part()                               # nothing selected: nothing happens


def test_ctrl_r_refreshes_the_queue(tab, staff, qtbot):
    with qtbot.waitActive(tab):
        tab.show()
        tab.activateWindow()
    tab.view.setFocus()
    make_job(staff, "SN-G007", "周杰", "13200132007")          # no signal: another station
    qtbot.keyClick(tab.view, Qt.Key_R, Qt.ControlModifier)
    assert tab.model.rowCount() == 5


def test_ready_job_offers_the_release(qtbot, db, staff, monkeypatch, printed):
    """A ready job's dialog opens the release dialog on that job."""
    from app.domain.counter import jobs as jobs_mod
    from app.ui.counter.job_dialog import JobDialog
    from app.ui.counter.release_dialog import ReleaseDialog
    from tests.helpers import take_in

    job = take_in(staff["counter"]).job
    for a in ("start_diagnosis", "start_repair", "finish_repair", "mark_ready"):
        job = jobs_mod.perform(job.id, a, staff["tech"], None)
    opened = []
    monkeypatch.setattr(ReleaseDialog, "exec", lambda d: opened.append(d.facts.job.id if d.facts else None) or 0)
    dlg = JobDialog(AppContext(staff["counter"]), job.id)
    qtbot.addWidget(dlg)
    assert "release" in dlg.action_buttons
    qtbot.mouseClick(dlg.action_buttons["release"], Qt.LeftButton)
    assert opened == [job.id]


def test_job_dialog_disables_what_the_role_may_not_do(qtbot, db, staff):
    """A counter clerk sees the workshop steps but cannot press them; the
    technician can. (The domain refuses either way: tests/test_permissions.py.)"""
    from app.ui.counter.job_dialog import JobDialog
    from tests.helpers import take_in as take

    job = jobs.perform(take(staff["counter"]).job.id, "start_diagnosis", staff["tech"], None)
    for user, allowed in ((staff["counter"], False), (staff["tech"], True)):
        dlg = JobDialog(AppContext(user), job.id)
        qtbot.addWidget(dlg)
        assert dlg.action_buttons and all(b.isEnabled() == allowed for b in dlg.action_buttons.values())
        assert dlg.ui.addPartButton.isEnabled() == allowed and dlg.ui.diagnosisEdit.isEnabled() == allowed
        assert dlg.ui.informButton.isEnabled()          # both may record that the customer was told
