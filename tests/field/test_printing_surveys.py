"""The printed survey form (附表3) and the results summary, read back with pypdf."""
from __future__ import annotations

import datetime as dt
import io

import pypdf

from app.domain.customers import customers
from app.domain.customers.models import CustomerContact
from app.domain.field import survey_results, surveys
from app.printing.field.survey_form import render_survey_form
from app.printing.field.survey_results_print import render_survey_results


def _text(pdf: bytes) -> tuple[int, str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return len(reader.pages), "".join(p.extract_text() for p in reader.pages).replace(" ", "").replace("\n", "")


def test_blank_form_one_page_every_question(db, staff):
    pages, text = _text(render_survey_form(survey_results.form_print_data(staff["business"])))
    assert pages == 1
    assert "用户满意度调查表" in text and "不适用" in text and "很不满意" in text
    for q in surveys.questions():
        assert q.zh.replace(" ", "") in text, q.code
    for _field, _en, zh in surveys.OPEN_QUESTIONS:
        assert zh in text


def test_form_for_one_customer(db, staff):
    c = customers.create_customer("杭州西湖博远科技有限公司", "0571-88886666", "dealer", user=None)
    CustomerContact.create(customer=c, name="陈伟", title="采购经理", mobile="13900001111", is_primary=True)
    pages, text = _text(render_survey_form(survey_results.form_print_data(staff["business"], c.id)))
    assert pages == 1
    assert "杭州西湖博远科技有限公司" in text and c.code in text and "陈伟" in text and "13900001111" in text


def test_form_english_one_page(db, staff):
    pdf = render_survey_form(survey_results.form_print_data(staff["business"], None, "en"), lang="en")
    pages, text = _text(pdf)
    assert pages == 1 and "Customersatisfactionsurvey" in text
    assert all(str(q.text).replace(" ", "") in text for q in surveys.questions())


def test_results_summary(db, staff):
    c = customers.create_customer("上海浦东新世纪数码商行", "021-55556666", "retailer", user=None)
    y = dt.date.today().year - 1
    surveys.create_response(staff["business"], surveys.SurveyForm(
        customer_id=c.id, returned_on=dt.date(y, 3, 2), scores={"q01": 5, "q06": 1}, comments="送修等了两周"))
    data = survey_results.results_print_data(staff["manager"], surveys.SurveyFilter(category="retailer"))
    pages, text = _text(render_survey_results(data))
    assert pages >= 1
    assert "用户满意度调查结果汇总" in text and "零售商" in text
    assert "上海浦东新世纪数码商行" in text and "送修等了两周" in text and "3.00" in text
    assert f"{y}-03" in text
    for q in surveys.questions():
        assert q.zh.replace(" ", "") in text
