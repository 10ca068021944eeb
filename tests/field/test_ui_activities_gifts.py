"""The Activities and Gifts pages and the customer's field-service panel
(pytest-qt, offscreen): a gift requested, approved by another user, given and
its slip printed; an activity with two customers."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from app.domain.field import activities, gifts
from app.domain.field.models import ActivityParticipant, GiftRequest, ServiceActivity
from app.ui.base.context import AppContext
from app.ui.qt import QDialog, QTableWidgetItem
from tests.helpers import make_customer


@pytest.fixture
def two(db, staff):
    return [make_customer("北京海淀华信电子有限公司", "010-62888899"),
            make_customer("上海浦东恒达数码商行", "021-58886666", "retailer")]


def _texts(model, column: int) -> list[str]:
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def test_gift_requested_approved_by_another_user_and_given(qtbot, two, staff, monkeypatch, printed,
                                                          no_message_boxes):
    from app.ui.field import gift_dialog, gifts_page
    from app.ui.field.gift_dialog import GiftDialog
    from app.ui.field.gifts_page import GiftsPage

    ctx = AppContext(staff["business"])
    page = GiftsPage(ctx)
    qtbot.addWidget(page)
    assert page.view_combo.currentData() == "mine"          # business staff: no "to decide"
    assert page.approve_button.isHidden()
    # The request, typed in the dialog.
    dialog = GiftDialog(ctx, customer_id=two[0].id)
    qtbot.addWidget(dialog)
    assert dialog.customer_edit.text() == two[0].name
    dialog.reason.setPlainText("中秋走访重点经销商")
    dialog.table.item(0, 1).setText("中秋月饼礼盒")
    dialog.table.item(0, 2).setText("2")
    dialog.table.item(0, 3).setText("198")
    dialog.add_item("promo", "产品宣传册", Decimal(50), Decimal("6.5"))
    assert "¥721.00" in dialog.total_label.text()
    with qtbot.waitSignal(ctx.changed, check_params_cb=lambda c: c.book == "field"):
        dialog.save()
    assert dialog.changed
    g = GiftRequest.get_by_id(dialog.request_id)
    assert (g.status, Decimal(g.total_value), g.requested_by_id) == ("requested", Decimal("721.00"),
                                                                     staff["business"].id)
    assert _texts(page.model, 0) == [g.number]
    # The manager signs in: the request waits for them, approve.
    ctx.set_user(staff["manager"])
    assert page.view_combo.currentData() == "to_decide"
    assert _texts(page.model, 0) == [g.number]
    page.table.setCurrentIndex(page.model.index(0, 0))
    assert page.approve_button.isEnabled() and not page.given_button.isEnabled()
    page.approve()
    assert GiftRequest.get_by_id(g.id).status == "approved"
    assert page.model.rowCount() == 0                      # nothing left to decide
    # Given, as the requester, through the dialog that asks when and to whom.
    ctx.set_user(staff["business"])
    page.table.setCurrentIndex(page.model.index(0, 0))
    assert page.given_button.isEnabled()

    def fill_and_accept(self):
        self.to.setText("王伟")
        return QDialog.Accepted
    monkeypatch.setattr(gift_dialog.GivenDialog, "exec", fill_and_accept)
    page.record_given()
    g = GiftRequest.get_by_id(g.id)
    assert (g.status, g.given_to, g.given_by_id) == ("given", "王伟", staff["business"].id)
    assert "¥721.00" in page.total_label.text()
    page.table.setCurrentIndex(page.model.index(0, 0))
    page.print_slip()
    assert [kind for kind, _pdf in printed] == ["voucher"] and printed[0][1].startswith(b"%PDF")
    # A second request refused with a note (the approver is asked for it).
    other = gifts.request_gift(staff["business"], two[1].id, [gifts.ItemInput("高档酒水礼盒", 4, 980)], "春节走访")
    ctx.set_user(staff["manager"])
    monkeypatch.setattr(gifts_page, "ask_refusal_note", lambda parent: "超出礼品标准")
    page.table.setCurrentIndex(page.model.index(0, 0))
    page.refuse()
    other = GiftRequest.get_by_id(other.id)
    assert (other.status, other.decision_note) == ("refused", "超出礼品标准")


def test_gift_dialog_shows_errors_beside_the_fields(qtbot, two, staff, no_message_boxes):
    from app.ui.field.gift_dialog import GiftDialog

    dialog = GiftDialog(AppContext(staff["business"]), customer_id=two[0].id)
    qtbot.addWidget(dialog)
    dialog.table.item(0, 2).setText("0")
    dialog.save()
    assert not dialog.changed and GiftRequest.select().count() == 0
    assert dialog.errors.message("reason") and "1" in dialog.errors.message("items")


def test_activity_with_two_customers(qtbot, two, staff, no_message_boxes):
    from app.ui.field.activities_page import ActivitiesPage
    from app.ui.field.activity_dialog import ActivityDialog

    ctx = AppContext(staff["business"])
    page = ActivitiesPage(ctx)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 0
    dialog = ActivityDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("training"))
    dialog.title.setText("激光打印机日常维护技术培训")
    dialog.place.setText("公司二楼培训室")
    dialog.add_participant(two[0].id, two[0].name)
    dialog.add_participant(two[1].id, two[1].name)
    dialog.add_participant(two[0].id, two[0].name)        # listed once
    dialog.table.setItem(0, 1, QTableWidgetItem("王伟、李娜"))
    dialog.table.cellWidget(0, 2).setValue(2)
    assert dialog.table.rowCount() == 2
    with qtbot.waitSignal(ctx.changed, check_params_cb=lambda c: c.book == "field"):
        dialog.save()
    a = ServiceActivity.get_by_id(dialog.activity_id)
    assert a.kind == "training" and a.staff_id == staff["business"].id
    parts = {p.customer_id: (p.people, p.headcount)
             for p in ActivityParticipant.select().where(ActivityParticipant.activity == a.id)}
    assert parts == {two[0].id: ("王伟、李娜", 2), two[1].id: ("", 1)}
    assert _texts(page.model, 0) == [a.number]
    assert _texts(page.model, 6) == ["2"] and _texts(page.model, 7) == ["3"]
    # Reopened, the version is used; a title cleared is refused beside the field.
    dialog = ActivityDialog(ctx, a.id)
    qtbot.addWidget(dialog)
    dialog.title.setText("")
    dialog.save()
    assert dialog.errors.message("title") and not dialog.changed
    # The information manager reads the list but may not change it.
    ctx.set_user(staff["info"])
    assert page.model.rowCount() == 1 and not page.new_button.isEnabled() and not page.delete_button.isEnabled()


def test_customer_panel_lists_and_opens(qtbot, two, staff, monkeypatch, no_message_boxes):
    from app.ui.field.service_panel import CustomerServicePanel

    biz = staff["business"]
    a = activities.create_activity(biz, kind="seminar", title="经销商座谈会", date=dt.date.today(),
                                   participants=[activities.ParticipantInput(two[0].id, "王伟", 1)])
    g = gifts.request_gift(biz, two[0].id, [gifts.ItemInput("宣传册", 10, 5, "promo")], "资料", activity_id=a.id)
    ctx = AppContext(biz)
    panel = CustomerServicePanel(ctx, two[0].id)
    qtbot.addWidget(panel)
    assert panel.tabs.currentIndex() == 1                         # no visits: activities first
    assert [panel.tabs.tabText(i) for i in range(4)][1:3] == ["Activities (1)", "Gifts (1)"]
    view = panel.views["gift"]
    opened = []
    monkeypatch.setattr("app.ui.field.gift_dialog.GiftDialog.exec", lambda self: opened.append(self.request_id) or 0)
    view.activated.emit(panel.models["gift"].index(0, 0))
    assert opened == [g.id]
    gifts.withdraw(biz, g.id, g.version)
    ctx.announce("field")                                    # another station's change, announced here
    assert panel.models["gift"].data(panel.models["gift"].index(0, 4)) == "Withdrawn"
    # A technician: no gift tab.
    panel2 = CustomerServicePanel(AppContext(staff["tech"]), two[0].id)
    qtbot.addWidget(panel2)
    assert not panel2.tabs.isTabVisible(2) and not panel2.tabs.isTabVisible(3)


def test_gift_dialog_lets_an_approver_decide(qtbot, two, staff, monkeypatch, no_message_boxes):
    """A manager opening a waiting request approves or refuses it there; the
    requester sees no such buttons on their own request."""
    from app.ui.field import gift_dialog
    from app.ui.field.gift_dialog import GiftDialog

    items = [gifts.ItemInput("中秋月饼礼盒", Decimal(2), Decimal("198"))]
    first = gifts.request_gift(staff["business"], two[0].id, items, "中秋走访")
    second = gifts.request_gift(staff["business"], two[1].id, items, "新店开业")
    mine = GiftDialog(AppContext(staff["business"]), first.id)
    qtbot.addWidget(mine)
    assert mine.approve_button.isHidden() and mine.refuse_button.isHidden()
    ctx = AppContext(staff["manager"])
    changed = []
    ctx.changed.connect(lambda change: changed.append(change.book))
    dialog = GiftDialog(ctx, first.id)
    qtbot.addWidget(dialog)
    assert not dialog.approve_button.isHidden()
    dialog.approve_button.click()
    assert GiftRequest.get_by_id(first.id).status == "approved" and dialog.changed and changed
    dialog = GiftDialog(ctx, second.id)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(gift_dialog, "ask_refusal_note", lambda parent: "超出本季度礼品预算")
    dialog.refuse_button.click()
    g = GiftRequest.get_by_id(second.id)
    assert g.status == "refused" and g.decision_note == "超出本季度礼品预算"
    dialog = GiftDialog(ctx, first.id)       # decided: nothing left to decide
    qtbot.addWidget(dialog)
    assert dialog.approve_button.isHidden()
    # Its history: asked by the business staff member, approved by the manager.
    from app.ui.base.history import HistoryDialog

    shown = []
    monkeypatch.setattr(HistoryDialog, "exec", lambda self: shown.append(
        [[self.model.data(self.model.index(r, c)) for c in (1, 2, 3)] for r in range(self.model.rowCount())]) or 0)
    dialog.history_button.click()
    assert shown == [[[staff["business"].display_name, "Requested", "Requested"],
                      [staff["manager"].display_name, "Status", "Requested → Approved"]]]
