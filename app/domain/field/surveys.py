"""Satisfaction surveys 用户满意度调查表 (附表3, brief §3.3.2B).

The questionnaire is printed blank (or for one customer), handed out on a
visit or sent, filled in by the customer on paper, and the returned answers
are entered here (survey.manage). Results (survey.results) are summed per
question, per customer and per month or quarter.

Editions: :data:`QUESTIONNAIRES` maps an edition ("2026") to its questions;
a response names its edition, so when a later edition changes the questions
the old responses stay readable with the wording they were answered in.
Each question has an English tx() text (the screen, translated by the UI)
and the Chinese wording of the printed form (the printing layer has no Qt
translator, and the paper's wording belongs to the edition).

Scores: 1 很不满意 .. 5 很满意; ``None`` is "not applicable / not answered"
and is left out of every average. A response needs at least one score.
Every average here is the mean of the scored answers it covers (a customer's
average weighs each answer once, not each response).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from app.domain.core import limits, numbering
from app.domain.core.db import write_transaction
from app.domain.core.errors import NotFound, TransitionNotAllowed, ValidationError, tx
from app.domain.core.models import User, now
from app.domain.core.permissions import current, require
from app.domain.core.records import guarded_delete, guarded_write
from app.domain.core.text import clean, keep, needle
from app.domain.customers.models import Customer
from app.domain.field.models import SurveyAnswer, SurveyResponse, Visit

SCORES = (1, 2, 3, 4, 5)
SATISFIED = 4            # a score of 4 or 5 counts as "satisfied"
LOW = 2                  # a score of 1 or 2 puts the response's comments on the to-act-on list
CURRENT = "2026"
MANAGER_ROLES = ("manager", "admin")


def score_label(score: int):
    """The wording of a score (tx; the UI translates it)."""
    return {1: tx("Very dissatisfied"), 2: tx("Dissatisfied"), 3: tx("Neutral"), 4: tx("Satisfied"),
            5: tx("Very satisfied")}[score]


SCORE_LABELS_ZH = {1: "很不满意", 2: "不满意", 3: "一般", 4: "满意", 5: "很满意"}
NA_ZH = "不适用"


@dataclass(frozen=True)
class Question:
    code: str
    section: str
    text: str            # tx(): English, translated on screen
    zh: str              # the printed form's Chinese wording

    def printed(self, lang: str) -> str:
        return self.zh if lang.startswith("zh") else str(self.text)


SECTIONS = {"product": (tx("Products"), "产品"), "service": (tx("After-sales service"), "售后服务"),
            "staff": (tx("Staff and communication"), "人员与沟通"), "overall": (tx("Overall"), "总体评价")}


def section_label(code: str, lang: str | None = None) -> str:
    """A section's name: tx() text for the screen, or the printed wording in ``lang``."""
    en, zh = SECTIONS.get(code, (code, code))
    return en if lang is None else (zh if lang.startswith("zh") else str(en))


QUESTIONNAIRES: dict[str, tuple[Question, ...]] = {
    "2026": (
        Question("q01", "product", tx("Quality and reliability of our products"), "产品质量与可靠性"),
        Question("q02", "product", tx("Delivery: on time, correct and complete"), "交货及时、准确、完整"),
        Question("q03", "product", tx("Price for the value received"), "产品价格与性价比"),
        Question("q04", "service", tx("Response speed to repair requests"), "报修后的响应速度"),
        Question("q05", "service", tx("Repair quality (fixed the first time)"), "维修质量（一次修好）"),
        Question("q06", "service", tx("Repair turnaround time"), "维修周期（送修到取回）"),
        Question("q07", "staff", tx("Attitude and courtesy of our service staff"), "服务人员的态度与礼貌"),
        Question("q08", "staff", tx("Technical training and support"), "技术培训与技术支持"),
        Question("q09", "staff", tx("Visits by our staff (frequency and usefulness)"), "业务人员走访（频次与实效）"),
        Question("q10", "staff", tx("Handling of complaints"), "投诉处理的及时性与结果"),
        Question("q11", "staff", tx("Information about new products"), "新产品信息的提供"),
        Question("q12", "overall", tx("Overall satisfaction with our company"), "对本公司的总体满意程度"),
    ),
}

#: The open questions: (field of SurveyResponse, tx() text, printed wording).
OPEN_QUESTIONS = (
    ("comments", tx("What are you dissatisfied with? Other comments"), "您对我们的产品和服务有哪些不满意之处或其他意见？"),
    ("suggestions", tx("Your suggestions and expectations"), "您对我们有哪些建议和期望？"),
)


def questions(edition: str = CURRENT) -> tuple[Question, ...]:
    try:
        return QUESTIONNAIRES[edition]
    except KeyError:
        raise NotFound(tx("No questionnaire edition {edition}.", edition=edition)) from None


def question(code: str, edition: str = CURRENT) -> Question | None:
    return next((q for q in questions(edition) if q.code == code), None)


def _q2(value: float | Decimal) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def average(scores) -> Decimal | None:
    """The mean of the scores given (None = not applicable, left out), to 0.01; None if none."""
    given = [s for s in scores if s is not None]
    return _q2(Decimal(sum(given)) / len(given)) if given else None


# -- entering a returned survey ---------------------------------------------------------------------


@dataclass
class SurveyForm:
    """What is typed in from one returned questionnaire."""
    customer_id: int | None
    returned_on: dt.date | None
    scores: dict[str, int | None] = field(default_factory=dict)   # question code -> 1..5 or None
    sent_on: dt.date | None = None
    staff_id: int | None = None          # who handed it out
    visit_id: int | None = None
    respondent: str = ""
    respondent_title: str = ""
    comments: str = ""
    suggestions: str = ""
    questionnaire: str = CURRENT


def validate(form: SurveyForm) -> dict[str, str]:
    """``{field: message}``; field names: customer, returned_on, sent_on, staff, visit, scores, q01..."""
    errors: dict[str, str] = limits.check(SurveyResponse, _texts(form))
    for name, value in (("customer", form.customer_id), ("staff", form.staff_id), ("visit", form.visit_id)):
        if value is not None and limits.problem(SurveyResponse.customer, value):
            errors[name] = tx("Choose one from the list.")
    if not isinstance(form.scores, dict) or not isinstance(form.questionnaire, str):
        errors["scores"] = tx("Enter at least one scored answer.")
    if errors:
        return errors     # the checks below assume values of the right type
    if not form.customer_id or Customer.get_or_none(Customer.id == form.customer_id) is None:
        errors["customer"] = tx("Choose the customer who returned the survey.")
    today = now().date()
    if not isinstance(form.returned_on, dt.date):
        errors["returned_on"] = tx("Enter the date the survey came back.")
    elif form.returned_on > today:
        errors["returned_on"] = tx("The returned date cannot be in the future.")
    if form.sent_on is not None:
        if form.sent_on > today:
            errors["sent_on"] = tx("The sent date cannot be in the future.")
        elif isinstance(form.returned_on, dt.date) and form.sent_on > form.returned_on:
            errors["sent_on"] = tx("The survey cannot have been sent after it came back.")
    if form.staff_id is not None and User.get_or_none(User.id == form.staff_id) is None:
        errors["staff"] = tx("Unknown staff member.")
    if form.visit_id is not None:
        v = Visit.get_or_none(Visit.id == form.visit_id)
        if v is None:
            errors["visit"] = tx("Unknown visit.")
        elif form.customer_id and v.customer_id != form.customer_id:
            errors["visit"] = tx("Visit {number} was to another customer.", number=v.number)
    if form.questionnaire not in QUESTIONNAIRES:
        errors["questionnaire"] = tx("No questionnaire edition {edition}.", edition=form.questionnaire)
        return errors
    codes = {q.code for q in questions(form.questionnaire)}
    for code, score in form.scores.items():
        if code not in codes:
            errors[code] = tx("Question {code} is not in this questionnaire.", code=code)
        elif score is not None and (isinstance(score, bool) or score not in SCORES):
            errors[code] = tx("Score 1 (very dissatisfied) to 5 (very satisfied), or leave it not applicable.")
    if not any(s is not None for s in form.scores.values()) and not any(k in errors for k in form.scores):
        errors["scores"] = tx("Enter at least one scored answer.")
    return errors


def _texts(form: SurveyForm) -> dict:
    """The respondent (a name) cleaned; the comments kept as written."""
    return dict(respondent=clean(form.respondent), respondent_title=clean(form.respondent_title),
                comments=keep(form.comments), suggestions=keep(form.suggestions))


def _clean(form: SurveyForm) -> dict:
    return dict(customer=form.customer_id, questionnaire=form.questionnaire, visit=form.visit_id,
                staff=form.staff_id, sent_on=form.sent_on, returned_on=form.returned_on,
                average=average(form.scores.values()), **_texts(form))


def _write_answers(response_id: int, form: SurveyForm) -> None:
    SurveyAnswer.delete().where(SurveyAnswer.response == response_id).execute()
    rows = [dict(response=response_id, question=q.code, score=form.scores.get(q.code))
            for q in questions(form.questionnaire)]
    SurveyAnswer.insert_many(rows).execute()


def create_response(user: User | None, form: SurveyForm) -> SurveyResponse:
    """Enter a returned questionnaire (numbered DC-YYYY-nnnnnn). Needs
    "survey.manage". Raises ValidationError per field (see :func:`validate`)."""
    require(user, "survey.manage")
    errors = validate(form)
    if errors:
        raise ValidationError(errors)
    with write_transaction():
        r = SurveyResponse.create(number=numbering.next_number("DC"), entered_by=user, entered_at=now(),
                                  **_clean(form))
        _write_answers(r.id, form)
    return SurveyResponse.get_by_id(r.id)


def get_response(response_id: int) -> SurveyResponse:
    r = SurveyResponse.get_or_none(SurveyResponse.id == response_id)
    if r is None:
        raise NotFound(tx("No survey response with id {id}.", id=response_id))
    return r


def scores_of(response: SurveyResponse) -> dict[str, int | None]:
    """Question code -> score (None: not applicable) of one response."""
    return {a.question: a.score for a in SurveyAnswer.select().where(SurveyAnswer.response == response.id)}


def update_response(user: User | None, response_id: int, form: SurveyForm,
                    expected_version: int | None) -> SurveyResponse:
    """Correct a response. ``expected_version`` is the version read (None:
    the one read now). Raises ValidationError, NotFound, ConcurrentChange."""
    require(user, "survey.manage")
    r = get_response(response_id)
    errors = validate(form)
    if errors:
        raise ValidationError(errors)
    with write_transaction():
        guarded_write(r, user, expected_version, _clean(form))
        _write_answers(r.id, form)
    return SurveyResponse.get_by_id(r.id)


def can_delete(user: User | None, response: SurveyResponse) -> bool:
    """A manager may delete any response; others with survey.manage only one entered today."""
    if user is None or current(user).role in MANAGER_ROLES:
        return True
    return response.entered_at is not None and response.entered_at.date() == now().date()


def delete_response(user: User | None, response_id: int, expected_version: int | None = None) -> None:
    """Delete a response entered by mistake: the same day it was entered, or
    by a manager. Raises TransitionNotAllowed, NotFound, ConcurrentChange."""
    require(user, "survey.manage")
    r = get_response(response_id)
    if not can_delete(user, r):
        raise TransitionNotAllowed(tx("Survey {number} was entered on {date}; only a manager may delete it now.",
                                      number=r.number, date=r.entered_at.strftime("%Y-%m-%d")))
    with write_transaction():
        SurveyAnswer.delete().where(SurveyAnswer.response == r.id).execute()
        guarded_delete(r, expected_version)   # a conflict rolls the answers back


# -- lists and results --------------------------------------------------------------------------------


@dataclass
class SurveyFilter:
    date_from: dt.date | None = None     # returned on or after
    date_to: dt.date | None = None       # returned on or before
    text: str = ""                       # number, customer name or code, respondent
    staff_id: int | None = None
    customer_id: int | None = None
    category: str = ""
    region: str = ""                     # contained in the customer's region
    questionnaire: str | None = None     # None: every edition (the list); results default to CURRENT


def response_query(f: SurveyFilter | None = None):
    """Responses (joined to their customer) matching ``f``, newest first."""
    f = f or SurveyFilter()
    q = SurveyResponse.select(SurveyResponse, Customer).join(Customer)
    if f.date_from:
        q = q.where(SurveyResponse.returned_on >= f.date_from)
    if f.date_to:
        q = q.where(SurveyResponse.returned_on <= f.date_to)
    if f.staff_id:
        q = q.where(SurveyResponse.staff == f.staff_id)
    if f.customer_id:
        q = q.where(SurveyResponse.customer == f.customer_id)
    if f.category:
        q = q.where(Customer.category == f.category)
    if needle(f.region):
        q = q.where(Customer.region.contains(needle(f.region)))
    if f.questionnaire:
        q = q.where(SurveyResponse.questionnaire == f.questionnaire)
    text = needle(f.text)
    if text:
        q = q.where(SurveyResponse.number.contains(text) | Customer.name.contains(text)
                    | Customer.code.contains(text) | SurveyResponse.respondent.contains(text))
    return q.order_by(SurveyResponse.returned_on.desc(), SurveyResponse.id.desc())


def list_responses(user: User | None, f: SurveyFilter | None = None) -> list[SurveyResponse]:
    require(user, "survey.results")
    return list(response_query(f))
