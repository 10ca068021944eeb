"""The Visits page driven through its widgets: a visit created through the
dialog, reported, one carried forward, overdue first, buttons by role."""
from __future__ import annotations

import datetime as dt

import pytest

from app.domain.core.models import set_clock
from app.domain.customers import customers
from app.domain.field import visits
from app.domain.field.models import Visit
from app.ui.base.context import AppContext
from app.ui.qt import QDialog, QInputDialog, Qt

NOW = dt.datetime(2026, 11, 18, 10, 0)


@pytest.fixture
def field(db, staff):
    set_clock(NOW)
    cust = [customers.create_customer(n, p, "dealer", user=None)
            for n, p in (("北京海淀中关村电子城", "010-62881234"), ("上海浦东新永安数码商行", "021-58889999"))]
    yield staff, cust
    set_clock(None)


def make_page(qtbot, user):
    from app.ui.field.visits_page import VisitsPage

    page = VisitsPage(AppContext(user))
    qtbot.addWidget(page)
    return page


def numbers(page) -> list[str]:
    return [page.model.object_at(r).number for r in range(page.model.rowCount())]


def test_create_report_carry_and_order(qtbot, field, monkeypatch, no_message_boxes):
    from app.ui.field.visit_dialog import VisitDialog

    staff, cust = field
    biz = staff["business"]
    overdue = visits.create_visit(biz, staff_id=biz.id, customer_id=cust[1].id, kind="service",
                                  due_month=dt.date(2026, 10, 1), purposes=["service.B"])
    page = make_page(qtbot, biz)
    assert page.staff_combo.count() == 1 and not page.staff_combo.isEnabled()   # only oneself
    assert numbers(page) == [overdue.number]

    # New visit through the dialog: customer found by search, purposes ticked.
    made = {}

    def fill_and_save(dlg):
        dlg.customer_edit.setText("中关村")
        dlg.search.run_search(show_popup=False)
        dlg.search._pick(0)
        dlg.save()                                   # no purpose: refused beside the field
        assert dlg.errors.message("purposes")
        dlg.purpose_checks["patrol.B"].setChecked(True)
        dlg.day_check.setChecked(True)
        dlg.day_edit.setDate(dlg.day_edit.date().addDays(19))      # 2026-11-20, this week
        dlg.goal_edit.setPlainText("核对库存")
        dlg.save()
        made["visit"] = dlg.saved
        return QDialog.Accepted if dlg.saved else QDialog.Rejected

    monkeypatch.setattr(VisitDialog, "exec", fill_and_save)
    page.new_visit()
    v = made["visit"]
    assert v is not None and v.customer_id == cust[0].id and v.purpose_codes == ["patrol.B"]
    assert v.planned_date == dt.date(2026, 11, 20)
    assert numbers(page) == [overdue.number, v.number]            # overdue first
    row = page.model.object_at(0)
    assert page.model.data(page.model.index(0, 7), Qt.DisplayRole) and visits.is_overdue(row)

    # Report the new visit.
    page.view.selectRow(1)
    assert page.buttons["report"].isEnabled()

    def report(dlg):
        assert dlg.mode == "report" and not dlg.kind_combo.isEnabled()
        dlg.actual_edit.setDate(dlg.actual_edit.date().addDays(-1))
        dlg.gains_edit.setPlainText("计划进货 120 台")
        dlg.complaint_edit.setPlainText("返修太慢")
        dlg.save()
        return QDialog.Accepted

    monkeypatch.setattr(VisitDialog, "exec", report)
    page.open_visit("report")
    done = Visit.get_by_id(v.id)
    assert done.status == "done" and done.actual_date == dt.date(2026, 11, 17) and done.complaint_text == "返修太慢"
    page.view.selectRow(numbers(page).index(v.number))
    assert not page.buttons["report"].isEnabled() and page.buttons["print"].isEnabled()

    # Carry the overdue one forward to December.
    page.view.selectRow(0)
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("2026-12", True)))
    page.carry_forward()
    assert Visit.get_by_id(overdue.id).status == "carried"
    new = Visit.get(Visit.carried_from == overdue.id)
    assert new.due_month == dt.date(2026, 12, 1)
    assert overdue.number not in numbers(page)                     # no longer overdue this month
    page.next_button.click()
    assert numbers(page) == [new.number]


def test_calendar_day_filter_and_roles(qtbot, field, no_message_boxes):
    staff, cust = field
    biz, info, tech = staff["business"], staff["info"], staff["tech"]
    a = visits.create_visit(biz, staff_id=biz.id, customer_id=cust[0].id, kind="patrol", due_month=NOW.date(),
                            planned_date=dt.date(2026, 11, 25), purposes=["patrol.A"])
    visits.create_visit(biz, staff_id=biz.id, customer_id=cust[1].id, kind="patrol", due_month=NOW.date(),
                        purposes=["patrol.A"])
    page = make_page(qtbot, info)
    assert page.staff_combo.itemData(0) is None and page.staff_combo.isEnabled()   # all staff
    assert len(numbers(page)) == 2
    assert page.calendar.counts[dt.date(2026, 11, 25)]["planned"] == 1
    from app.ui.qt import QDate

    page.calendar.clicked.emit(QDate(2026, 11, 25))
    assert numbers(page) == [a.number]
    page.clear_day.click()
    assert len(numbers(page)) == 2
    rows = page.completion_model
    assert rows.object_at(0).planned == 2
    tech_page = make_page(qtbot, tech)
    assert numbers(tech_page) == [] and not tech_page.buttons["new"].isEnabled()


def test_print_report_from_page(qtbot, field, printed, no_message_boxes):
    staff, cust = field
    biz = staff["business"]
    visits.create_visit(biz, staff_id=biz.id, customer_id=cust[0].id, kind="market", due_month=NOW.date(),
                        purposes=["market.A"], goal="介绍新款打印机")
    page = make_page(qtbot, biz)
    page.view.selectRow(0)
    page.print_report()
    assert printed and printed[0][0] == "voucher" and printed[0][1].startswith(b"%PDF")


def test_plan_dialog_submits_and_shows_the_plan_history(qtbot, field, monkeypatch, no_message_boxes):
    """A plan drafted, submitted through the dialog and approved: the plan's
    history lists each step with who took it."""
    from app.domain.field import visit_plans
    from app.ui.base.history import HistoryDialog
    from app.ui.field.plan_dialog import PlanDialog

    staff, cust = field
    biz = staff["business"]
    plan = visit_plans.create_plan(biz, biz.id, "monthly", 2026, 12, title="12月巡访")
    visits.create_visit(biz, staff_id=biz.id, customer_id=cust[0].id, kind="patrol",
                        due_month=dt.date(2026, 12, 1), purposes=["patrol.A"], plan_id=plan.id)
    dialog = PlanDialog(AppContext(biz), biz.id, 2026)
    qtbot.addWidget(dialog)
    dialog.plans_view.selectRow(0)
    assert dialog.history_button.isEnabled()
    changes = []
    dialog.ctx.changed.connect(lambda change: changes.append(change.book))
    dialog.buttons["submit"].click()
    assert visit_plans.get_plan(biz, plan.id).status == "submitted" and changes == ["field"]
    p = visit_plans.get_plan(None, plan.id)
    visit_plans.approve_plan(staff["manager"], plan.id, p.version, "同意")
    dialog.refresh(plan.id)
    shown = []
    monkeypatch.setattr(HistoryDialog, "exec", lambda self: shown.append(
        [[self.model.data(self.model.index(r, c)) for c in (1, 2, 3, 4)] for r in range(self.model.rowCount())])
        or 0)
    dialog.history_button.click()
    assert shown == [[[biz.display_name, "Created", "Draft", ""],
                      [biz.display_name, "Status", "Draft → Submitted", ""],
                      [staff["manager"].display_name, "Status", "Submitted → Approved", "同意"]]]
