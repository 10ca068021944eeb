"""Satisfaction survey results (用户满意度调查表, 附表3): per question,
customer and month or quarter, and what the printed form and the printed
summary show. The questionnaire and entering responses are in
:mod:`app.domain.field.surveys`.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from app.domain.core.errors import NotFound, ValidationError, tx
from app.domain.core.models import User, now
from app.domain.core.permissions import require
from app.domain.customers.models import Customer
from app.domain.field.models import SurveyAnswer
from app.domain.field.surveys import (CURRENT, LOW, OPEN_QUESTIONS, SATISFIED, SCORE_LABELS_ZH, SCORES,
                                      SurveyFilter, _q2, average, questions, response_query, score_label,
                                      section_label)


@dataclass
class QuestionStat:
    code: str
    section: str
    text: str
    count: int                               # scored answers
    not_applicable: int
    distribution: dict[int, int]             # score -> answers
    average: Decimal | None
    satisfied_share: Decimal | None          # share of answers >= 4, 0..1


@dataclass
class CustomerStat:
    customer_id: int
    code: str
    name: str
    responses: int
    answers: int
    average: Decimal | None
    last_returned: dt.date


@dataclass
class PeriodStat:
    start: dt.date                           # first day of the month or quarter
    label: str                               # "2026-03" or "2026 Q1"
    responses: int
    answers: int
    average: Decimal | None


@dataclass
class LowComment:
    number: str
    customer: str
    returned_on: dt.date
    average: Decimal | None
    low_questions: list[str]                 # codes scored 1 or 2
    comments: str
    suggestions: str


@dataclass
class SurveyResults:
    filter: SurveyFilter
    period: str                              # month | quarter
    responses: int
    answers: int
    average: Decimal | None
    satisfied_share: Decimal | None
    questions: list[QuestionStat]            # questionnaire order
    customers: list[CustomerStat]            # lowest average first
    periods: list[PeriodStat]                # oldest first, every one from the first to the last with responses
    low_comments: list[LowComment]           # newest first

    @property
    def weakest(self) -> list[QuestionStat]:
        """Answered questions, lowest average first: what to act on."""
        return sorted((q for q in self.questions if q.count), key=lambda q: (q.average, q.code))


def period_start(day: dt.date, period: str) -> dt.date:
    if period == "quarter":
        return dt.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    return day.replace(day=1)


def period_range(first: dt.date, last: dt.date, period: str) -> list[dt.date]:
    """The first days of every month (quarter) from ``first``'s to ``last``'s, both included."""
    step = 3 if period == "quarter" else 1
    out, day = [], period_start(first, period)
    while day <= last:
        out.append(day)
        month = day.month - 1 + step
        day = dt.date(day.year + month // 12, month % 12 + 1, 1)
    return out


def period_label(start: dt.date, period: str) -> str:
    return f"{start.year} Q{(start.month - 1) // 3 + 1}" if period == "quarter" else start.strftime("%Y-%m")


def _share(part: int, whole: int) -> Decimal | None:
    return (Decimal(part) / whole).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP) if whole else None


def results(user: User | None, f: SurveyFilter | None = None, period: str = "month") -> SurveyResults:
    """The summary of the responses matching ``f`` (edition: ``f.questionnaire``
    or the current one). Needs "survey.results"."""
    require(user, "survey.results")
    f = f or SurveyFilter()
    if period not in ("month", "quarter"):
        raise ValidationError({"period": tx("Group by month or by quarter.")})
    edition = f.questionnaire or CURRENT
    qs = questions(edition)
    responses = list(response_query(SurveyFilter(**{**f.__dict__, "questionnaire": edition})))
    by_id = {r.id: r for r in responses}
    scores: dict[int, dict[str, int | None]] = defaultdict(dict)
    ids = list(by_id)
    for chunk in range(0, len(ids), 500):          # stay under every backend's parameter limit
        for a in SurveyAnswer.select().where(SurveyAnswer.response.in_(ids[chunk:chunk + 500])):
            scores[a.response_id][a.question] = a.score
    known = {q.code for q in qs}
    dist = {q.code: {s: 0 for s in SCORES} for q in qs}
    na = {q.code: 0 for q in qs}
    per_customer: dict[int, list] = {}
    per_period: dict[dt.date, list] = {}
    low: list[LowComment] = []
    for r in responses:
        given = [(c, s) for c, s in scores[r.id].items() if c in known]
        values = [s for _c, s in given if s is not None]
        for c, s in given:
            if s is None:
                na[c] += 1
            else:
                dist[c][s] += 1
        cs = per_customer.setdefault(r.customer_id, [r.customer, 0, [], r.returned_on])
        cs[1] += 1
        cs[2] += values
        cs[3] = max(cs[3], r.returned_on)
        ps = per_period.setdefault(period_start(r.returned_on, period), [0, []])
        ps[0] += 1
        ps[1] += values
        lows = [c for c, s in given if s is not None and s <= LOW]
        if lows or (r.average is not None and r.average < 3):
            low.append(LowComment(r.number, r.customer.name, r.returned_on, r.average, sorted(lows),
                                  r.comments, r.suggestions))
    q_stats = []
    for q in qs:
        d = dist[q.code]
        n = sum(d.values())
        q_stats.append(QuestionStat(q.code, q.section, q.text, n, na[q.code], d,
                                    _q2(Decimal(sum(s * k for s, k in d.items())) / n) if n else None,
                                    _share(d[4] + d[5], n)))
    all_values = [s for code in dist for s, k in dist[code].items() for _ in range(k)]
    customers = [CustomerStat(cid, c.code, c.name, n, len(v), average(v), last)
                 for cid, (c, n, v, last) in per_customer.items()]
    customers.sort(key=lambda s: (s.average is None, s.average or 0, s.name))
    # Every month (quarter) from the first to the last with responses: one
    # without any is there with no average, a gap in the trend, not left out.
    periods = []
    for start in period_range(min(per_period), max(per_period), period) if per_period else ():
        n, values = per_period.get(start, (0, []))
        periods.append(PeriodStat(start, period_label(start, period), n, len(values), average(values)))
    return SurveyResults(filter=f, period=period, responses=len(responses), answers=len(all_values),
                         average=average(all_values), satisfied_share=_share(sum(1 for s in all_values if s >= SATISFIED),
                                                                            len(all_values)),
                         questions=q_stats, customers=customers, periods=periods, low_comments=low)


# -- printing -----------------------------------------------------------------------------------------


def form_print_data(user: User | None, customer_id: int | None = None, lang: str = "zh_CN",
                    edition: str = CURRENT):
    """The questionnaire to print: blank, or filled in with one customer's
    name, code and primary contact. Needs "survey.manage"."""
    from app.domain.core import settings
    from app.domain.customers.models import CustomerContact
    from app.printing.field.survey_form import FormQuestion, SurveyFormData

    require(user, "survey.manage")
    data = SurveyFormData(
        company=settings.company(), edition=edition,
        questions=[FormQuestion(q.code, section_label(q.section, lang), q.printed(lang)) for q in questions(edition)],
        open_questions=[zh if lang.startswith("zh") else str(en) for _f, en, zh in OPEN_QUESTIONS],
        score_labels={s: SCORE_LABELS_ZH[s] if lang.startswith("zh") else str(score_label(s)) for s in SCORES},
        staff=user.display_name if user else "", printed_at=now())
    if customer_id:
        c = Customer.get_or_none(Customer.id == customer_id)
        if c is None:
            raise NotFound(tx("No customer with id {id}.", id=customer_id))
        contact = (CustomerContact.select().where(CustomerContact.customer == c.id)
                   .order_by(CustomerContact.is_primary.desc(), CustomerContact.id).first())
        data.customer_name, data.customer_code = c.name, c.code
        if contact is not None:
            data.contact, data.contact_title = contact.name, contact.title
            data.phone = contact.mobile or contact.phone or c.phone
        else:
            data.phone = c.phone
    return data


_FILTER_CAPTIONS = {"zh_CN": {"period": "收回日期", "staff": "发放人", "category": "客户类别", "region": "地区",
                              "text": "搜索", "customer": "客户", "edition": "问卷版本"},
                    "en": {"period": "Returned", "staff": "Handed out by", "category": "Category", "region": "Region",
                           "text": "Search", "customer": "Customer", "edition": "Edition"}}


def results_print_data(user: User | None, f: SurveyFilter | None = None, period: str = "month",
                       lang: str = "zh_CN", customers_limit: int = 40):
    """The results summary to print (the customers lowest first, at most
    ``customers_limit``). Needs "survey.results"."""
    from app.domain.core import settings
    from app.printing.customers.labels import code as printed_code
    from app.printing.field import survey_results_print as srp

    f = f or SurveyFilter()
    r = results(user, f, period)
    cap = _FILTER_CAPTIONS["en" if lang == "en" else "zh_CN"]
    filters = []
    if f.date_from or f.date_to:
        filters.append((cap["period"], f"{f.date_from or ''} ~ {f.date_to or ''}"))
    if f.staff_id:
        staff = User.get_or_none(User.id == f.staff_id)
        filters.append((cap["staff"], staff.display_name if staff else str(f.staff_id)))
    if f.customer_id:
        c = Customer.get_or_none(Customer.id == f.customer_id)
        filters.append((cap["customer"], c.name if c else str(f.customer_id)))
    if f.category:
        filters.append((cap["category"], printed_code("category", f.category, lang)))
    for key in ("region", "text"):
        if getattr(f, key).strip():
            filters.append((cap[key], getattr(f, key).strip()))
    filters.append((cap["edition"], f.questionnaire or CURRENT))
    texts = {q.code: q.printed(lang) for q in questions(f.questionnaire or CURRENT)}
    seq = {code: str(i) for i, code in enumerate(texts, 1)}     # printed as the form's question numbers

    def line(q: QuestionStat):
        return srp.QuestionLine(q.code, texts[q.code], q.count, q.not_applicable, q.distribution, q.average,
                                q.satisfied_share)

    return srp.SurveyResultsPrintData(
        company=settings.company(), filters=filters, period=period, responses=r.responses, answers=r.answers,
        average=r.average, satisfied_share=r.satisfied_share, questions=[line(q) for q in r.questions],
        weakest=[line(q) for q in r.weakest[:5]],
        periods=[srp.PeriodLine(p.label, p.responses, p.average) for p in r.periods],
        customers=[srp.CustomerLine(c.code, c.name, c.responses, c.average, c.last_returned)
                   for c in r.customers[:customers_limit]], customers_total=len(r.customers),
        comments=[srp.CommentLine(x.number, x.customer, x.returned_on, x.average,
                                  ("、" if lang != "en" else ", ").join(seq[c] for c in x.low_questions),
                                  x.comments, x.suggestions) for x in r.low_comments],
        printed_at=now(), printed_by=user.display_name if user else "")
