"""Satisfaction surveys (附表3): scoring, validation, results, permissions,
versions and the delete rule, on every configured backend."""
from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

import pytest

from app.domain.core.errors import ConcurrentChange, PermissionDenied, TransitionNotAllowed, ValidationError
from app.domain.core.models import set_clock
from app.domain.customers import customers
from app.domain.field import survey_results, surveys
from app.domain.field.models import SurveyAnswer, SurveyResponse

TODAY = dt.date.today()


def _cust(name="北京海淀华信电子有限公司", category="dealer", region=""):
    c = customers.create_customer(name, "010-62888899", category, user=None)
    if region:
        type(c).update(region=region).where(type(c).id == c.id).execute()
    return c


def _form(c, scores, returned=None, **kw) -> surveys.SurveyForm:
    return surveys.SurveyForm(customer_id=c.id, returned_on=returned or TODAY, scores=scores, **kw)


def test_average_ignores_not_applicable():
    assert surveys.average([5, 4, None, 3]) == Decimal("4.00")
    assert surveys.average([5, 4, 4]) == Decimal("4.33")
    assert surveys.average([None, None]) is None


def test_questionnaire_has_codes_sections_and_printed_wording():
    qs = surveys.questions("2026")
    assert 10 <= len(qs) <= 12
    assert [q.code for q in qs] == [f"q{i:02d}" for i in range(1, len(qs) + 1)]
    assert all(q.section in surveys.SECTIONS and q.zh and str(q.text) for q in qs)


def test_create_stores_average_and_answers(any_db, staff):
    c = _cust()
    r = surveys.create_response(staff["business"], _form(c, {"q01": 5, "q02": 4, "q03": None, "q04": 2},
                                                          respondent="王伟", comments=" 维修太慢 "))
    assert r.number.startswith(f"DC-{TODAY.year}-")
    assert r.average == Decimal("3.67")
    assert r.comments == "维修太慢"
    answers = surveys.scores_of(r)
    assert answers["q01"] == 5 and answers["q03"] is None and answers["q12"] is None
    assert SurveyAnswer.select().where(SurveyAnswer.response == r.id).count() == len(surveys.questions())


@pytest.mark.parametrize("scores, field", [
    ({}, "scores"), ({"q01": None, "q02": None}, "scores"), ({"q01": 6}, "q01"), ({"q01": 0}, "q01"),
    ({"q99": 4}, "q99"), ({"q01": True}, "q01")])
def test_scores_refused(db, staff, scores, field):
    c = _cust()
    with pytest.raises(ValidationError) as e:
        surveys.create_response(staff["business"], _form(c, scores))
    assert field in e.value.fields
    assert SurveyResponse.select().count() == 0


def test_dates_and_customer_checked(db, staff):
    c = _cust()
    with pytest.raises(ValidationError) as e:
        surveys.create_response(staff["business"], _form(c, {"q01": 4}, returned=TODAY + dt.timedelta(days=1),
                                                         sent_on=TODAY + dt.timedelta(days=2)))
    assert set(e.value.fields) >= {"returned_on", "sent_on"}
    with pytest.raises(ValidationError) as e:
        surveys.create_response(staff["business"], surveys.SurveyForm(customer_id=None, returned_on=None,
                                                                      scores={"q01": 4}))
    assert set(e.value.fields) >= {"customer", "returned_on"}
    with pytest.raises(ValidationError) as e:
        surveys.create_response(staff["business"], _form(c, {"q01": 4}, returned=TODAY - dt.timedelta(days=3),
                                                         sent_on=TODAY - dt.timedelta(days=1)))
    assert "sent_on" in e.value.fields


def test_permissions(db, staff):
    c = _cust()
    for who in ("tech", "counter"):
        with pytest.raises(PermissionDenied):
            surveys.create_response(staff[who], _form(c, {"q01": 4}))
        with pytest.raises(PermissionDenied):
            survey_results.results(staff[who])
    for who in ("business", "info", "manager"):
        surveys.create_response(staff[who], _form(c, {"q01": 4}))
        assert survey_results.results(staff[who]).responses >= 1


def test_edit_with_version(any_db, staff):
    c = _cust()
    r = surveys.create_response(staff["business"], _form(c, {"q01": 2, "q02": 2}))
    r2 = surveys.update_response(staff["business"], r.id, _form(c, {"q01": 5, "q02": 4, "q05": 3}), r.version)
    assert r2.version == r.version + 1 and r2.average == Decimal("4.00")
    assert surveys.scores_of(r2)["q05"] == 3
    with pytest.raises(ConcurrentChange):
        surveys.update_response(staff["info"], r.id, _form(c, {"q01": 1}), r.version)   # stale
    assert surveys.scores_of(SurveyResponse.get_by_id(r.id))["q01"] == 5


def test_delete_same_day_or_manager(db, staff):
    c = _cust()
    set_clock(dt.datetime.combine(TODAY - dt.timedelta(days=2), dt.time(10)))
    try:
        old = surveys.create_response(staff["business"], _form(c, {"q01": 4}, returned=TODAY - dt.timedelta(days=2)))
    finally:
        set_clock(None)
    new = surveys.create_response(staff["business"], _form(c, {"q01": 3}))
    with pytest.raises(TransitionNotAllowed):
        surveys.delete_response(staff["business"], old.id, old.version)
    with pytest.raises(PermissionDenied):
        surveys.delete_response(staff["tech"], new.id)
    surveys.delete_response(staff["business"], new.id, new.version)
    surveys.delete_response(staff["manager"], old.id, old.version)
    assert SurveyResponse.select().count() == 0 and SurveyAnswer.select().count() == 0


def _three(staff):
    """Three responses, hand-computed below.

    A (dealer, 北京) 2026-01-10: q01=5 q02=4 q06=2          -> avg 3.67
    A (dealer, 北京) 2026-02-20: q01=4 q06=None q12=4       -> avg 4.00
    B (retailer, 上海) 2026-02-05: q01=3 q06=1 q12=5         -> avg 3.00
    """
    a = _cust("北京海淀华信电子有限公司", "dealer", "北京市海淀区")
    b = _cust("上海浦东新世纪数码商行", "retailer", "上海市浦东新区")
    y = TODAY.year - 1
    biz, info = staff["business"], staff["info"]
    surveys.create_response(biz, _form(a, {"q01": 5, "q02": 4, "q06": 2}, dt.date(y, 1, 10), staff_id=biz.id,
                                       comments="维修周期太长"))
    surveys.create_response(biz, _form(a, {"q01": 4, "q06": None, "q12": 4}, dt.date(y, 2, 20), staff_id=biz.id))
    surveys.create_response(info, _form(b, {"q01": 3, "q06": 1, "q12": 5}, dt.date(y, 2, 5), staff_id=info.id,
                                        suggestions="希望提供备用机"))
    return a, b, y


def test_results_per_question_customer_month(any_db, staff):
    a, b, y = _three(staff)
    r = survey_results.results(staff["manager"])
    assert (r.responses, r.answers) == (3, 8)
    assert r.average == Decimal("3.50")                  # 28 / 8
    assert r.satisfied_share == Decimal("0.6250")        # 5,4,4,4,5 of 8
    q = {s.code: s for s in r.questions}
    assert q["q01"].count == 3 and q["q01"].average == Decimal("4.00")
    assert q["q01"].distribution == {1: 0, 2: 0, 3: 1, 4: 1, 5: 1}
    assert q["q06"].count == 2 and q["q06"].not_applicable == 1 and q["q06"].average == Decimal("1.50")
    assert q["q06"].satisfied_share == Decimal("0")
    assert q["q12"].average == Decimal("4.50") and q["q03"].count == 0 and q["q03"].average is None
    assert [s.code for s in r.weakest][:2] == ["q06", "q01"]
    cust = {s.code: s for s in r.customers}
    assert cust[a.code].responses == 2 and cust[a.code].average == Decimal("3.80")   # 19 / 5
    assert cust[a.code].last_returned == dt.date(y, 2, 20)
    assert cust[b.code].average == Decimal("3.00") and r.customers[0].code == b.code   # lowest first
    months = {p.label: p for p in r.periods}
    assert list(months) == [f"{y}-01", f"{y}-02"]
    assert months[f"{y}-01"].average == Decimal("3.67") and months[f"{y}-02"].responses == 2
    assert months[f"{y}-02"].average == Decimal("3.40")     # 4+4+3+1+5 = 17 / 5
    quarter = survey_results.results(staff["manager"], period="quarter").periods
    assert [(p.label, p.responses) for p in quarter] == [(f"{y} Q1", 3)]
    low = {x.number: x for x in r.low_comments}
    assert len(low) == 2 and {tuple(x.low_questions) for x in low.values()} == {("q06",)}


def test_results_filters(any_db, staff):
    _a, b, y = _three(staff)
    m = staff["manager"]
    assert survey_results.results(m, surveys.SurveyFilter(category="retailer")).responses == 1
    assert survey_results.results(m, surveys.SurveyFilter(region="北京")).average == Decimal("3.80")
    assert survey_results.results(m, surveys.SurveyFilter(staff_id=staff["info"].id)).responses == 1
    f = surveys.SurveyFilter(date_from=dt.date(y, 2, 1), date_to=dt.date(y, 2, 28))
    assert survey_results.results(m, f).responses == 2
    assert [r.customer.code for r in surveys.list_responses(m, surveys.SurveyFilter(text="浦东"))] == [b.code]


def test_demo_fill(db):
    from app import demo
    from app.demo import surveys

    demo.fill(customers_n=12, jobs_n=0)      # may add its own surveys (demo.py calls surveys.fill)
    before = SurveyResponse.select().count()
    surveys.fill(random.Random(3), demo.ensure_staff(), TODAY)
    assert SurveyResponse.select().count() - before == 40
    r = survey_results.results(None)
    assert Decimal("3.5") < r.average < Decimal("4.6")
    assert r.weakest[0].code in ("q06", "q11", "q03")
    assert all(TODAY - dt.timedelta(days=366) <= x.returned_on <= TODAY for x in SurveyResponse.select())
