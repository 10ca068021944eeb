"""Words (issue 12, part 9): codes in messages read as labels, the survey's
"not applicable" and the history's hours are words in each language, the
window title and the menu say things once, visit purposes carry a legend,
and planning January in December moves on into the next year."""
from __future__ import annotations

import datetime as dt

import pytest

from app.domain.core.errors import TransitionNotAllowed, tx
from app.domain.core.models import set_clock
from app.domain.customers import customers
from app.domain.field import visit_outcomes, visits
from app.ui.base import labels, ops
from app.ui.base.context import AppContext
from app.ui.qt import QApplication, QDate, QInputDialog, QKeySequence, Qt, QToolButton

NOW = dt.datetime(2026, 12, 10, 10, 0)


@pytest.fixture
def zh(qapp):
    from app.ui.shell.application import install_translators

    qapp = QApplication.instance()
    translators = install_translators(qapp, "zh_CN")
    yield
    for t in translators:
        qapp.removeTranslator(t)


@pytest.fixture
def field(db, staff):
    set_clock(NOW)
    cust = customers.create_customer("北京海淀中关村电子城", "010-62881234", "dealer", user=None)
    yield staff, cust
    set_clock(None)


def test_a_service_kind_in_a_message_is_its_label(zh):
    message = ops.translated(tx("Say why the service kind differs from the rules ({kind}).", kind="free"))
    assert "free" not in message and labels.kind("free") in message
    assert message.startswith("请说明服务类型与规定")


def test_a_visits_status_in_a_message_is_its_label(zh, field):
    staff, cust = field
    biz = staff["business"]
    v = visits.create_visit(biz, staff_id=biz.id, customer_id=cust.id, kind="patrol", due_month=NOW.date(),
                            purposes=["patrol.A"])
    v = visit_outcomes.cancel_visit(biz, v.id, v.version, "客户临时外出")
    with pytest.raises(TransitionNotAllowed) as caught:
        visit_outcomes.cancel_visit(biz, v.id, v.version, "再次取消")
    message = ops.translated(caught.value.message)
    assert "cancelled" not in message and ops.translated(visits.STATUS_LABELS["cancelled"]) in message


@pytest.mark.parametrize("language, word", [("en", "N/A"), ("zh_CN", "无")])
def test_the_surveys_not_applicable_is_a_word(qtbot, language, word):
    from app.domain.field import surveys
    from app.ui.field.survey_dialog import NA, QuestionRow
    from app.ui.shell.application import install_translators

    qapp = QApplication.instance()
    translators = install_translators(qapp, language)
    try:
        row = QuestionRow(1, surveys.questions(surveys.CURRENT)[0])
        qtbot.addWidget(row)
        assert row.buttons[NA].text() == word
    finally:
        for t in translators:
            qapp.removeTranslator(t)


def test_labour_hours_in_the_history_are_words(zh):
    assert labels.job_value("labour", "1.5 h @ 80.00 更换主板") == "1.5 小时 @ 80.00 更换主板"
    assert labels.job_value("labour_removed", "2 h") == "2 小时"
    assert labels.job_value("part", "主板 x 1 @ 80.00") == "主板 x 1 @ 80.00"      # not a labour line


def test_labour_hours_in_english():
    assert labels.job_value("labour", "1.5 h @ 80.00") == "1.5 hours @ 80.00"


def test_the_title_and_the_menu_say_things_once(qtbot, db, staff, zh):
    from app.ui.shell.main_window import MainWindow

    window = MainWindow(AppContext(staff["counter"]), db)
    qtbot.addWidget(window)
    # The system adds " — csdesk" (the application's display name) to a title
    # that does not end with it: the window's own title does not name it.
    assert "csdesk" not in window.windowTitle() and window.windowTitle() == "售后服务前台"
    release = window.release_action
    assert "F9" not in release.text() and release.shortcut() == QKeySequence(Qt.Key_F9)   # the menu shows the key
    button = next(b for b in window.findChildren(QToolButton) if b.defaultAction() is release)
    assert "F9" in button.text()                                                            # the tool bar says it
    from app.ui.shell.signin_dialog import FirstAdminDialog, SignInDialog

    for dialog in (SignInDialog(), FirstAdminDialog()):
        qtbot.addWidget(dialog)
        assert dialog.windowTitle().endswith("csdesk") and dialog.windowTitle().count("csdesk") == 1


def test_visit_purposes_show_their_words_and_a_legend(field, zh):
    from app.ui.field.visit_list import VisitListModel, purposes_brief, purposes_legend

    staff, cust = field
    biz = staff["business"]
    v = visits.create_visit(biz, staff_id=biz.id, customer_id=cust.id, kind="patrol", due_month=NOW.date(),
                            purposes=["patrol.A", "patrol.C", "manager.5"], manager_id=staff["manager"].id)
    v = visits.get_visit(biz, v.id)
    brief = purposes_brief(v)
    assert brief.startswith("A ") and "M5 " in brief and "、" in brief
    assert ops.translated(visits.PURPOSE_SHORT["patrol.A"]) in brief
    legend = purposes_legend(v)
    assert ops.translated(visits.PURPOSES["patrol.C"]) in legend and "C." in legend and "§3.4" in legend
    model = VisitListModel()
    model.set_rows([v])
    col = next(i for i, c in enumerate(model.columns) if c.header == model.tr("Purposes"))
    assert model.data(model.index(0, col), Qt.DisplayRole) == brief
    assert model.data(model.index(0, col), Qt.ToolTipRole) == legend


def test_the_month_picker_moves_into_the_next_year(qtbot, field):
    from app.ui.field.visit_dialog import MonthEdit, VisitDialog

    edit = MonthEdit(QDate(2026, 12, 1))
    qtbot.addWidget(edit)
    edit.stepBy(1)
    assert edit.date() == QDate(2027, 1, 1)
    edit.stepBy(-2)
    assert edit.date() == QDate(2026, 11, 1)
    staff, _ = field
    dialog = VisitDialog(AppContext(staff["business"]), mode="new")
    qtbot.addWidget(dialog)
    assert isinstance(dialog.month_edit, MonthEdit) and dialog.month_edit.date() == QDate(2026, 12, 1)
    dialog.month_edit.setFocus()
    qtbot.keyClick(dialog.month_edit, Qt.Key_Up)
    assert dialog.month_edit.date() == QDate(2027, 1, 1)
    assert dialog.values()["due_month"] == dt.date(2027, 1, 1)


def test_a_monthly_plan_for_january_is_made_in_december(qtbot, field, monkeypatch):
    from app.domain.field import visit_plans
    from app.ui.field.plan_dialog import PlanDialog

    staff, _ = field
    biz = staff["business"]
    dialog = PlanDialog(AppContext(biz), biz.id, 2026)
    qtbot.addWidget(dialog)
    offered = {}

    def choose(parent, title, label, items, current=0, editable=True, *a, **k):
        offered.update(items=list(items), current=items[current])
        return "2027-01", True

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(choose))
    dialog.new_plan("monthly")
    assert offered["current"] == "2026-12" and offered["items"].index("2027-01") == offered["items"].index("2026-12") + 1
    plans = visit_plans.plans_of(biz, biz.id, 2027)
    assert [(p.year, p.month) for p in plans] == [(2027, 1)]
    assert dialog.year_spin.value() == 2027


def test_an_access_requests_status_in_a_message_is_a_word(zh, field):
    from app.domain.core import users
    from app.domain.customers import access, archive

    staff, cust = field
    sales = users.create_user("sales1", "孙浩然", "business")
    other = users.create_user("sales2", "钱多多", "business")
    cust = archive.save_archive(None, cust.id, cust.version, {"responsible_id": sales.id})
    req = access.request_access(other, cust.id, "准备下周拜访", days=3)
    access.grant(sales, req.id)
    with pytest.raises(TransitionNotAllowed) as caught:
        access.refuse(sales, req.id)
    message = ops.translated(caught.value.message)
    assert "granted" not in message and "已批准" in message
