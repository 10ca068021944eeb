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


# --- issue 10: maximums, 200 rows, bars a black-and-white printer keeps, gaps --------------------

import pytest  # noqa: E402

from tests import print_samples as S  # noqa: E402

RESULT_HEADINGS = {"zh_CN": ["需改进的项目（平均分最低）", "趋势（按月）", "客户", "低分调查表的意见"],
                   "en": ["To act on (lowest average first)", "Trend (by month)", "Customers",
                          "Comments of low-scoring responses"]}


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_form_with_every_field_at_its_maximum(lang):
    """The form for a customer whose name, contact and title are at their
    maximum: no text over another (the fixed 7.5 mm lines overprinted), the
    English score captions whole ("Dissatisfie/d" before), a second page
    with the title and "page 2 of 2" at its top."""
    import pdfplumber

    data = S.survey_form(lang)
    pdf = render_survey_form(data, lang=lang)
    out = S.read_back(pdf, lang, "用户满意度调查表" if lang == "zh_CN" else "Customer satisfaction survey",
                      headings=["意见和建议" if lang == "zh_CN" else "Comments and suggestions"], footer=False,
                      sample=False)
    assert out.problems == [] and out.pages == 2
    # Each open question has its three writing lines under it on its own page.
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for i, question in enumerate(data.open_questions, 1):
            head = question.split()[0] if lang == "en" else question[:6]
            page, word = next((p, w) for p in doc.pages for w in p.extract_words()
                              if w["text"].startswith(f"{i}.") and head in p.extract_text())
            assert len([ln for ln in page.lines if ln["top"] > word["bottom"] and ln["width"] > 100]) >= 3, i


def test_english_form_score_captions_are_not_split(db, staff):
    from tests.pdf_layout import split_words

    pdf = render_survey_form(survey_results.form_print_data(staff["business"], None, "en"), lang="en")
    assert split_words(pdf, S.vocabulary()) == []


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_results_with_every_field_at_its_maximum_and_200_rows(lang):
    """200 months, customers and low-score comments, every text at its
    maximum (the comments 4 000 characters each)."""
    pdf = render_survey_results(S.survey_results(lang, rows=S.ROWS), lang=lang)
    out = S.read_back(pdf, lang, "用户满意度调查结果汇总" if lang == "zh_CN" else "Customer satisfaction survey results",
                      headings=RESULT_HEADINGS[lang])
    assert out.problems == [] and out.pages > 100


def _patterns(pdf: bytes) -> list[set[str]]:
    """For each filled bar on page 1 (in drawing order), the directions of
    the hatch lines over it: {"/"}, {"/", "\\"} or none."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        page = doc.pages[0]
        bars = [r for r in page.rects if r["height"] < 10 and r["width"] > 1 and r["fill"]]
        out = []
        for r in bars:
            seen = set()
            for ln in page.lines:
                if ln["x1"] < r["x0"] or ln["x0"] > r["x1"] or ln["bottom"] < r["top"] or ln["top"] > r["bottom"]:
                    continue
                (x0, y0), (x1, y1) = ln["pts"][0], ln["pts"][-1]
                if x0 != x1 and y0 != y1:
                    seen.add("/" if (x1 - x0) * (y1 - y0) < 0 else "\\")   # pdfplumber's y grows downwards
            out.append(seen)
    return out


def test_results_bars_are_told_apart_without_colour(db, staff):
    """Below 3 cross-hatched, 3 to 4 striped, 4 and over plain, and a legend
    naming them: a black-and-white printer keeps the difference the colours make."""
    from decimal import Decimal

    data = S.survey_results("zh_CN", rows=0)
    data.company.name, data.filters = "华信电子科技有限公司", []
    data.questions = data.questions[:3]
    for q, avg in zip(data.questions, ["1.50", "3.50", "4.50"]):
        q.average = Decimal(avg)
    data.average = Decimal("3.17")
    pdf = render_survey_results(data, lang="zh_CN")
    cross, stripes, plain = {"/", "\\"}, {"/"}, set()
    # The legend's samples (4 and over, 3 to 4, below 3), the three questions' bars, the total's.
    assert _patterns(pdf) == [plain, stripes, cross, cross, stripes, plain, stripes]
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert "4 分及以上" in text and "3 至 4 分" in text and "3 分以下" in text


def test_results_months_without_responses_are_gaps(db, staff):
    """A month between two with responses is printed, with no bar: a gap."""
    c = customers.create_customer("上海浦东新世纪数码商行", "021-55556666", "retailer", user=None)
    y = dt.date.today().year - 1
    for month, score in ((1, 5), (4, 2)):
        surveys.create_response(staff["business"], surveys.SurveyForm(
            customer_id=c.id, returned_on=dt.date(y, month, 2), scores={"q01": score}))
    data = survey_results.results_print_data(staff["manager"])
    assert [(p.label, p.responses) for p in data.periods] == [(f"{y}-01", 1), (f"{y}-02", 0), (f"{y}-03", 0),
                                                              (f"{y}-04", 1)]
    _pages, text = _text(render_survey_results(data))
    assert f"{y}-020—" in text and f"{y}-030—" in text
