"""The Surveys page: keyboard entry of a returned survey, the list, delete
rights, printing, and the results view's charts against the domain figures."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from app.domain.core.models import set_clock
from app.domain.customers import customers
from app.domain.field import survey_results, surveys
from app.domain.field.models import SurveyResponse
from app.ui.base.context import AppContext
from app.ui.qt import QApplication, QDialogButtonBox, Qt

Y = dt.date.today().year - 1


@pytest.fixture
def data(db, staff):
    a = customers.create_customer("北京海淀华信电子有限公司", "010-62888899", "dealer", user=None)
    b = customers.create_customer("上海浦东新世纪数码商行", "021-55556666", "retailer", user=None)
    biz = staff["business"]
    set_clock(dt.datetime(Y, 3, 1, 10))
    try:
        surveys.create_response(biz, surveys.SurveyForm(a.id, dt.date(Y, 1, 10), {"q01": 5, "q02": 4, "q06": 2},
                                                        staff_id=biz.id))
        surveys.create_response(biz, surveys.SurveyForm(b.id, dt.date(Y, 2, 5), {"q01": 3, "q06": 1, "q12": 5},
                                                        staff_id=biz.id, comments="维修太慢"))
    finally:
        set_clock(None)
    return dict(a=a, b=b, staff=staff)


def test_enter_survey_with_the_keyboard(qtbot, data, no_message_boxes):
    from app.ui.field.survey_dialog import SurveyDialog

    ctx = AppContext(data["staff"]["business"])
    dlg = SurveyDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    dlg.activateWindow()
    dlg.customer_edit.setFocus()
    qtbot.keyClicks(dlg.customer_edit, "xsj")      # pinyin initials of 新世纪
    qtbot.waitUntil(lambda: dlg.search.view.isVisible())
    qtbot.keyClick(dlg.customer_edit, Qt.Key_Return)
    assert dlg.customer is not None and dlg.customer.id == data["b"].id
    dlg.respondent.setText("陈伟")
    dlg.rows[0].setFocus()
    qtbot.waitUntil(lambda: dlg.rows[0].hasFocus())
    typed = "543210 45455"          # twelve keys: 0 and Space are "not applicable"
    for ch in typed:
        focus = QApplication.focusWidget()
        qtbot.keyClick(focus, Qt.Key_Space if ch == " " else ch)
    assert dlg.comments.hasFocus()   # moved on past the last question
    assert [r.score() for r in dlg.rows] == [5, 4, 3, 2, 1, None, None, 4, 5, 4, 5, 5]
    assert "3.80" in dlg.average_label.text()
    dlg.comments.insertPlainText("希望缩短维修周期")   # QTest types ASCII only
    with qtbot.waitSignal(dlg.accepted):
        dlg.buttons.button(QDialogButtonBox.Save).click()
    r = SurveyResponse.get_by_id(dlg.saved.id)
    assert r.customer_id == data["b"].id and r.average == Decimal("3.80") and r.respondent == "陈伟"
    assert surveys.scores_of(r)["q06"] is None and r.comments == "希望缩短维修周期"


def test_dialog_shows_field_errors(qtbot, data, no_message_boxes):
    from app.ui.field.survey_dialog import SurveyDialog

    dlg = SurveyDialog(AppContext(data["staff"]["business"]))
    qtbot.addWidget(dlg)
    dlg.save()
    assert dlg.errors.message("customer")
    assert dlg.result() == 0 and SurveyResponse.select().count() == 2


def test_page_lists_filters_and_rights(qtbot, data, monkeypatch, messages):
    from app.ui.field.surveys_page import SurveysPage

    ctx = AppContext(data["staff"]["business"])
    page = SurveysPage(ctx)
    qtbot.addWidget(page)
    page.period.setCurrentIndex(page.period.findData("all"))
    assert page.model.rowCount() == 2
    page.search.setText("新世纪")
    page.reload()
    assert page.model.rowCount() == 1
    page.view.selectRow(0)
    assert page.edit_button.isEnabled() and not page.delete_button.isEnabled()   # entered last year
    ctx.set_user(data["staff"]["manager"])
    page.view.selectRow(0)
    assert page.delete_button.isEnabled()
    with qtbot.waitSignal(ctx.changed, check_params_cb=lambda c: c.book == "field"):
        page.delete()
    assert SurveyResponse.select().count() == 1
    tech = SurveysPage(AppContext(data["staff"]["tech"]))
    qtbot.addWidget(tech)
    assert not tech.new_button.isEnabled() and not tech.results_button.isEnabled() and tech.model.rowCount() == 0


def test_print_blank_and_for_customer(qtbot, data, printed, no_message_boxes):
    from app.ui.field.surveys_page import SurveysPage

    page = SurveysPage(AppContext(data["staff"]["business"]))
    qtbot.addWidget(page)
    page.blank_button.click()
    page.print_form(data["a"].id)
    assert [k for k, _pdf in printed] == ["voucher", "voucher"]
    assert all(pdf.startswith(b"%PDF") for _k, pdf in printed)


def test_results_charts_match_the_domain(qtbot, data, printed, no_message_boxes):
    from app.ui.field.survey_charts import SurveyResultsDialog

    user = data["staff"]["info"]
    dlg = SurveyResultsDialog(AppContext(user))
    qtbot.addWidget(dlg)
    r = survey_results.results(user)
    sets = dlg.bar_sets
    bars = [sum(sets[b].at(i) for b in sets) for i in range(len(r.questions))]
    assert bars == [float(q.average or 0) for q in reversed(r.questions)]
    assert bars[-1] == 4.0 and bars[-6] == 1.5         # q01 (5, 3) and q06 (2, 1)
    # Each bar in its band's set, the bands told apart by their patterns too (not by colour only).
    assert sets["good"].at(len(bars) - 1) == 4.0 and sets["low"].at(len(bars) - 6) == 1.5
    assert len({sets[b].brush().style() for b in sets}) == 3 and dlg.bar_chart.legend().isVisible()
    assert [m.label() for m in dlg.bar_chart.legend().markers()] == ["Below 3", "3 to 4", "4 and over"]
    points = [[(p.x(), p.y()) for p in seg.points()] for seg in dlg.line_segments]
    assert points == [[(0.0, 3.67), (1.0, 3.0)]]
    assert dlg.customer_model.rowCount() == 2 and dlg.customer_model.object_at(0).name == "上海浦东新世纪数码商行"
    assert dlg.question_model.object_at(0).code == "q06"       # the weakest first
    dlg.category.setCurrentIndex(dlg.category.findData("dealer"))
    assert dlg.results.responses == 1 and [[(p.x(), p.y()) for p in seg.points()]
                                           for seg in dlg.line_segments] == [[(0.0, 3.67)]]
    dlg.period.setCurrentIndex(dlg.period.findData("quarter"))
    assert dlg.line_chart.title() and dlg.results.periods[0].label == f"{Y} Q1"
    dlg.print_button.click()
    assert len(printed) == 1 and printed[0][1].startswith(b"%PDF")


def test_months_without_responses_are_gaps_on_the_chart(qtbot, data, no_message_boxes):
    """A month with no survey stays on the axis, and the line breaks there."""
    from app.ui.field.survey_charts import SurveyResultsDialog

    user = data["staff"]["info"]
    surveys.create_response(data["staff"]["business"], surveys.SurveyForm(
        data["a"].id, dt.date(Y, 5, 20), {"q01": 4, "q02": 4}, staff_id=data["staff"]["business"].id))
    dlg = SurveyResultsDialog(AppContext(user))
    qtbot.addWidget(dlg)
    assert [p.label for p in dlg.results.periods] == [f"{Y}-01", f"{Y}-02", f"{Y}-03", f"{Y}-04", f"{Y}-05"]
    axis = next(a for a in dlg.line_chart.axes() if a.orientation() == Qt.Horizontal)
    assert axis.categories() == [f"{str(Y)[2:]}-0{m}" for m in range(1, 6)]
    assert [[p.x() for p in seg.points()] for seg in dlg.line_segments] == [[0.0, 1.0], [4.0]]
