"""The in/out register tab, the units-in-the-shop view, and the lazy model's speed."""
from __future__ import annotations

import datetime as dt

import pytest

from app.domain.core.db import database
from app.domain.counter import jobs, release
from app.domain.counter.intake import IntakeForm, take_in
from app.domain.counter.models import RegisterEntry
from app.domain.customers import customers
from app.ui.base.context import AppContext
from app.ui.qt import QDialog, QFont, Qt

TODAY = dt.date.today()


def take(staff, serial, name, days_ago=0, brought_by=""):
    customer = customers.create_customer(name, "13800138000", user=None)
    received = dt.datetime.combine(TODAY - dt.timedelta(days=days_ago), dt.time(10, 0))
    return take_in(IntakeForm(customer_id=customer.id, serial=serial, fault="无法开机", items=["主机", "电源线"],
                              product_model="DL-U2723QE", product_name="戴尔 U2723QE 显示器", warranty_months=36,
                              sale_date=TODAY - dt.timedelta(days=400), received_at=received,
                              brought_by=brought_by), staff["counter"]).job


def hand_back(job, staff, collected_by):
    for action in ("start_diagnosis", "start_repair", "finish_repair", "mark_ready"):
        job = jobs.perform(job.id, action, staff["tech"], None)
    receipt = release.valid_receipt(job)
    return release.release(job.id, receipt.number, collected_by, staff["counter"], None)


@pytest.fixture
def book(any_db, staff):
    """Three units in, one handed back (out), one taken in 40 days ago."""
    a = take(staff, "CN-0AAA111", "王芳")
    b = take(staff, "CN-0BBB222", "李娜", brought_by="李娜的司机")
    c = take(staff, "CN-0CCC333", "张伟", days_ago=40)
    b = hand_back(b, staff, "李娜")
    return dict(a=a, b=b, c=c)


@pytest.fixture
def tab(qtbot, book, staff):
    from app.ui.counter.register_tab import RegisterTab

    widget = RegisterTab(AppContext(staff["counter"]))
    qtbot.addWidget(widget)
    return widget


def rows(model):
    return [model.object_at(r) for r in range(model.rowCount())]


def test_register_shows_in_and_out_rows_of_this_month(tab, book, qtmodeltester):
    entries = rows(tab.model)
    period_start = TODAY.replace(day=1)
    expected = RegisterEntry.select().where(RegisterEntry.at >= dt.datetime.combine(period_start, dt.time.min))
    assert len(entries) == expected.count()
    assert entries[0].direction == "out" and entries[0].person == "李娜"        # newest first
    model = tab.model
    out_row = 0
    assert model.data(model.index(out_row, 2)) == "Out"
    assert model.data(model.index(out_row, 3)) == book["b"].number
    assert model.data(model.index(out_row, 9)) == "张丽"
    assert model.data(model.index(out_row, 2), Qt.ForegroundRole) is not None
    assert "Out 1" in tab.ui.totalsLabel.text()
    qtmodeltester.check(model)
    tab.ui.allButton.click()
    assert len(rows(tab.model)) == 4
    assert "In 3" in tab.ui.totalsLabel.text()
    tab.ui.todayButton.click()
    assert book["c"].number not in [e.job.number for e in rows(tab.model)]


def test_filters_by_direction_serial_and_customer(tab, book, qtbot):
    tab.ui.allButton.click()
    combo = tab.ui.directionCombo
    combo.setCurrentIndex(combo.findData("in"))
    assert {e.direction for e in rows(tab.model)} == {"in"} and len(rows(tab.model)) == 3
    combo.setCurrentIndex(combo.findData("out"))
    assert [e.job_id for e in rows(tab.model)] == [book["b"].id]
    combo.setCurrentIndex(0)
    qtbot.keyClicks(tab.ui.serialEdit, "ccc")
    qtbot.waitUntil(lambda: [e.serial for e in rows(tab.model)] == ["CN-0CCC333"])
    tab.ui.serialEdit.clear()
    tab.ui.customerEdit.setText("王")
    tab.apply_filters()
    assert [e.customer_name for e in rows(tab.model)] == ["王芳"]


def test_correction_supersedes_the_original(tab, book, staff, monkeypatch):
    from app.ui.counter.register_tab import CorrectionDialog

    tab.ui.allButton.click()
    original = next(e for e in rows(tab.model) if e.job_id == book["a"].id)
    tab.ui.registerView.selectRow(tab.model.row_of(original.id))
    assert tab.ui.correctButton.isEnabled()

    def fill_and_save(dialog):
        dialog.change_person.setChecked(True)
        dialog.person.setText("王芳的同事")
        assert not dialog.save()                       # the note is required: shown beside the field
        assert dialog.errors.message("note")
        dialog.note.setText("登记时写错了送修人")
        assert dialog.save()
        return dialog.result()

    monkeypatch.setattr(CorrectionDialog, "exec", fill_and_save)
    assert tab.correct_selected()
    correction = RegisterEntry.get(RegisterEntry.corrects == original.id)
    assert correction.person == "王芳的同事" and correction.direction == "in"
    model = tab.model
    row = model.row_of(original.id)
    assert model.object_at(row).superseded
    font = model.data(model.index(row, 0), Qt.FontRole)
    assert isinstance(font, QFont) and font.strikeOut()
    new_row = model.row_of(correction.id)
    assert model.data(model.index(new_row, 11)) == original.number
    assert model.data(model.index(new_row, 0), Qt.FontRole) is None
    assert "In 3" in tab.ui.totalsLabel.text()       # a correction is not a second movement
    tab.ui.registerView.selectRow(row)
    assert not tab.ui.correctButton.isEnabled()        # superseded rows are not corrected again


def test_void_a_row(tab, book, monkeypatch):
    from app.ui.counter.register_tab import CorrectionDialog

    tab.ui.allButton.click()
    original = next(e for e in rows(tab.model) if e.job_id == book["c"].id)
    tab.ui.registerView.selectRow(tab.model.row_of(original.id))

    def void(dialog):
        dialog.void.setChecked(True)
        dialog.note.setText("重复登记")
        return QDialog.Accepted if dialog.save() else QDialog.Rejected

    monkeypatch.setattr(CorrectionDialog, "exec", void)
    assert tab.correct_selected()
    assert "Voided 1" in tab.ui.totalsLabel.text() and "In 2" in tab.ui.totalsLabel.text()


def test_units_in_the_shop_and_opening_a_job(tab, book, qtbot, qtmodeltester):
    tab.ui.inShopButton.click()
    assert tab.ui.stack.currentIndex() == 1
    jobs_here = rows(tab.shop_model)
    assert [j.id for j in jobs_here] == [book["c"].id, book["a"].id]      # oldest first
    assert tab.shop_model.data(tab.shop_model.index(0, 2)) == "40"
    assert "(2)" in tab.ui.inShopButton.text()
    qtmodeltester.check(tab.shop_model)
    opened = []
    tab.ctx.open_job.connect(opened.append)
    tab.show()
    tab.ui.shopView.setFocus()
    tab.ui.shopView.setCurrentIndex(tab.shop_model.index(1, 0))
    qtbot.keyClick(tab.ui.shopView, Qt.Key_Return)
    tab.ui.registerButton.click()
    tab.ui.registerView.setFocus()
    tab.ui.registerView.setCurrentIndex(tab.model.index(0, 0))
    qtbot.keyClick(tab.ui.registerView, Qt.Key_Return)
    assert opened == [book["a"].id, book["b"].id]


def test_refreshes_when_the_register_changes(tab, book, staff):
    before = tab.model.rowCount()
    take(staff, "CN-0DDD444", "刘洋")
    tab.ctx.announce("counter")                         # as the runner does after a change
    assert tab.model.rowCount() == before + 1
    assert "(3)" in tab.ui.inShopButton.text()


def bulk_register(n: int, job, offset: int = 0) -> None:
    """``n`` register rows for one job, straight into the table (the model's
    cost does not depend on what the rows say)."""
    start = dt.datetime(2020, 1, 1)
    with database.atomic():
        batch = []
        for i in range(offset, offset + n):
            batch.append(dict(number=f"JC-2020-{i + 1:06d}", at=start + dt.timedelta(minutes=i),
                              direction="in" if i % 2 else "out", job=job.id, unit=job.unit_id,
                              customer=job.customer_id, serial=f"SN{i:07d}", product="戴尔 显示器",
                              customer_name="王芳", items="主机", person="王芳"))
            if len(batch) == 500:
                RegisterEntry.insert_many(batch).execute()
                batch = []
        if batch:
            RegisterEntry.insert_many(batch).execute()


def test_100k_rows_read_by_page(db, staff, qtbot, qtmodeltester):
    """100 001 rows: the model reads one page, counts "10,000+", and reads
    the next pages by key as the view scrolls, each row once, newest first."""
    from app.ui.counter.register_tab import RegisterModel, RegisterTab

    job = take(staff, "CN-0BULK01", "王芳")
    bulk_register(100_000, job)
    model = RegisterModel()
    model.load()
    assert model.rowCount() == model.PAGE and model.canFetchMore()
    assert model.count() == (model.COUNT_CAP, True)
    qtmodeltester.check(model)          # it reads a page more itself
    model = RegisterModel()             # the tester stays on the first: it would check every page
    model.load()
    model.fetch_all()
    assert model.rowCount() == 100_001 and not model.canFetchMore() and model.count() == (100_001, False)
    ids = model.ids()
    assert len(set(ids)) == 100_001
    ats = [r.at for r in RegisterEntry.select(RegisterEntry.at).where(RegisterEntry.id.in_(ids[:3] + ids[-3:]))
           .order_by(RegisterEntry.at.desc())]
    assert model.object_at(0).at == max(ats) and model.object_at(100_000).at == min(ats)
    assert len(model._pages) <= model.MAX_PAGES
    tab = RegisterTab(AppContext(staff["counter"]))
    qtbot.addWidget(tab)
    tab.set_period(None, None)
    assert tab.ui.registerStatus.text() == "10,000+ rows"


def test_sorting_a_long_register_and_refreshing_keeps_the_selection(db, staff, qtbot, qtmodeltester):
    from app.ui.counter.register_tab import RegisterTab

    job = take(staff, "CN-0BULK01", "王芳")
    bulk_register(450, job)
    tab = RegisterTab(AppContext(staff["counter"]))
    qtbot.addWidget(tab)
    tab.set_period(None, None)
    model, view = tab.model, tab.ui.registerView
    model.fetchMore()                                  # 400 rows read
    view.selectRow(350)
    chosen = model.id_at(350)
    model.sort(6, Qt.AscendingOrder)                   # serial
    serials = [model.object_at(r).serial for r in range(model.rowCount())]
    assert model.rowCount() == 400 and serials == sorted(serials)
    assert tab.selected_entry().id == chosen
    take(staff, "CN-0DDD444", "刘洋")
    tab.ctx.announce("counter")
    assert tab.selected_entry().id == chosen and model.rowCount() == 400
    qtmodeltester.check(model)
    assert model.rowCount() == 452 and len(set(model.ids())) == 452     # every page, each row once
