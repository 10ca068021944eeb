"""The office documents' data at their worst: every text field at its
maximum length, and many rows (issue 10, parts 2 and 4). Plain data for the
printing modules (app.printing.customers, app.printing.field), no database.

The maximums are in one place, :data:`MAXIMUMS`, read from the limits
every service checks and every form takes (:mod:`app.domain.core.limits`:
a CharField's max_length, a TextField's declared maximum) and, for the
company's name, phone and address, from the shared settings'
(:func:`app.domain.core.settings.max_length`).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

#: The fields the samples fill to their maximum ("Model.field", or
#: "company.<name|phone|address>" for the shared settings).
_MAXIMUM_KEYS = (
    "company.name", "company.phone", "company.address", "User.display_name", "Customer.code",
    "Customer.name", "Customer.phone", "Customer.address", "Customer.short_name", "Customer.region",
    "Customer.business_content", "Customer.legal_representative", "Customer.tax_id", "Customer.bank_name",
    "Customer.bank_account", "Customer.email", "Customer.credit_rating", "Customer.tier", "Customer.notes",
    "CustomerContact.name", "CustomerContact.title", "CustomerContact.phone", "CustomerContact.mobile",
    "CustomerContact.email", "CustomerContact.wechat", "CustomerContact.notes", "CustomerAddress.address",
    "CustomerAddress.postcode", "CustomerChange.field", "CustomerChange.old_value", "CustomerChange.new_value",
    "VisitPlan.title", "VisitPlan.notes", "VisitPlan.decision_note", "Visit.number", "Visit.contact_person",
    "Visit.place", "Visit.goal", "Visit.gains", "Visit.reactions", "Visit.suggestions", "Visit.complaint_text",
    "ServiceActivity.number", "ServiceActivity.title", "ServiceActivity.place", "ActivityParticipant.people",
    "GiftRequest.number", "GiftRequest.reason", "GiftRequest.decision_note", "GiftRequest.given_to",
    "GiftRequest.given_note", "GiftItem.description", "SurveyResponse.number", "SurveyResponse.respondent",
    "SurveyResponse.respondent_title", "SurveyResponse.comments", "SurveyResponse.suggestions",
    # app.domain.counter.models (the counter's documents); the pickup terms
    # are one setting holding all of them
    "company.pickup_terms", "Product.model", "Product.name", "Unit.serial", "Agreement.number", "Job.fault",
    "Job.condition", "Job.diagnosis", "Job.collected_by", "JobItem.description", "JobPart.description",
    "JobLabour.description",
)


def _maximum(key: str) -> int:
    from app.domain import schema
    from app.domain.core import limits, settings

    owner, _, name = key.partition(".")
    if owner == "company":
        return settings.max_length(f"company_{name}")
    model = {m.__name__: m for m in schema.MODELS}[owner]
    return limits.max_length(getattr(model, name))


#: "Model.field" -> the most characters it holds (see the module's docstring).
MAXIMUMS: dict[str, int] = {key: _maximum(key) for key in _MAXIMUM_KEYS}

#: Rows where a document has rows (contacts, visits, items, participants...).
ROWS = 200

_ZH = ("北京市海淀区中关村大街十八号华信大厦东座十二层客户服务部，对方希望下季度增加备件库存并缩短维修周期，"
       "同时请求安排一次针对新机型的技术培训；")
_EN = ("The customer asked for more spare parts in stock next quarter, a shorter repair turnaround and a "
       "training session on the new models for their service engineers; ")


def text(key: str, lang: str = "zh_CN", *, ascii_only: bool = False) -> str:
    """Realistic text as long as the field ``key`` takes: Chinese prose, English
    prose (``lang`` "en"), or one unbroken Latin word (``ascii_only``: an
    e-mail address, an account, a code) - the hardest to wrap."""
    n = MAXIMUMS[key]
    if ascii_only:
        base = "zhang.weiming.after-sales.service-department.beijing-haidian.0123456789"
    else:
        base = _EN if lang == "en" else _ZH
    return (base * (n // len(base) + 1))[:n]


def long_text(key: str, lang: str = "zh_CN", cap: int | None = None) -> str:
    """A TextField at its maximum (or ``cap``) in paragraphs, as typed: a line break now and then."""
    n = min(MAXIMUMS[key], cap or MAXIMUMS[key])
    base = (_EN if lang == "en" else _ZH) * 3 + "\n"
    return (base * (n // len(base) + 1))[:n]


def company(lang: str = "zh_CN"):
    from app.printing.core.company import Company

    return Company(name=text("company.name", lang), phone=text("company.phone", ascii_only=True),
                   address=text("company.address", lang))


def user(lang: str = "zh_CN") -> str:
    return text("User.display_name", lang)


AT = dt.datetime(2026, 11, 27, 14, 26)
MONEY = Decimal("999999999999.99")          # the archive's amounts at their limit (app.domain.customers.models)


def archive_card(lang: str = "zh_CN", rows: int = ROWS, cap: int | None = None):
    """``rows`` contacts, addresses and changes; every text at its maximum
    (a change's old and new value at ``cap`` characters when given: 200
    changes of 2 x 4 000 characters make a thousand pages)."""
    from app.printing.customers.data import AddressLine, ArchiveCardData, ChangeLine, ContactLine

    T = lambda k: text(k, lang)  # noqa: E731
    A = lambda k: text(k, ascii_only=True)  # noqa: E731
    return ArchiveCardData(
        company=company(lang), code=A("Customer.code"), name=T("Customer.name"), short_name=T("Customer.short_name"),
        category="agent", status="suspended", phone=A("Customer.phone"), email=A("Customer.email"),
        address=T("Customer.address"), region=T("Customer.region"),
        business_content=long_text("Customer.business_content", lang),
        legal_representative=T("Customer.legal_representative"), registered_capital=MONEY, employees=2_147_483_647,
        tax_id=A("Customer.tax_id"), bank_name=T("Customer.bank_name"), bank_account=A("Customer.bank_account"),
        credit_rating=A("Customer.credit_rating"), credit_limit=MONEY, cooperation_since=dt.date(2019, 5, 1),
        annual_volume=MONEY, tier=T("Customer.tier"), responsible=user(lang), notes=long_text("Customer.notes", lang),
        created_at=AT, updated_at=AT,
        contacts=[ContactLine(T("CustomerContact.name"), T("CustomerContact.title"), A("CustomerContact.phone"),
                              A("CustomerContact.mobile"), A("CustomerContact.email"), A("CustomerContact.wechat"),
                              i == 0, long_text("CustomerContact.notes", lang)) for i in range(rows)],
        addresses=[AddressLine(kind, T("CustomerAddress.address"), A("CustomerAddress.postcode"), i == 0)
                   for i, kind in zip(range(rows), ["office", "shipping", "billing", "warehouse", "other"] * rows)],
        changes=[ChangeLine(AT, user(lang), f"contact:{i + 1}.mobile" if i % 2 else "business_content",
                            long_text("CustomerChange.old_value", lang, cap),
                            long_text("CustomerChange.new_value", lang, cap))
                 for i in range(rows)],
        printed_at=AT, printed_by=user(lang))


def overview(lang: str = "zh_CN", rows: int = ROWS):
    from app.printing.customers.data import OverviewLine, OverviewPrintData

    T = lambda k: text(k, lang)  # noqa: E731
    A = lambda k: text(k, ascii_only=True)  # noqa: E731
    cats = ["agent", "dealer", "retailer", "end_user"]
    lines = [OverviewLine(A("Customer.code"), T("Customer.name"), T("Customer.short_name"), cats[i % 4],
                          T("Customer.region"), A("Customer.phone"), A("Customer.credit_rating"), MONEY,
                          ["suspended", "active", "prospect", "refused", "closed"][i % 5], user(lang),
                          dt.date(2019, 5, 1)) for i in range(rows)]
    return OverviewPrintData(company=company(lang), rows=lines,
                             filters=[("text", T("Customer.name")), ("category", "agent"),
                                      ("region", T("Customer.region")), ("credit_rating", "none"),
                                      ("status", "all"), ("responsible", user(lang))],
                             sort="name", total=rows * 10, printed_at=AT, printed_by=user(lang))


_PURPOSES = {"patrol": ["patrol.A", "patrol.B", "patrol.C", "patrol.D"], "market": ["market.A", "market.B"],
             "service": [f"service.{x}" for x in "ABCDEFG"]}
_MANAGER = [f"manager.{i}" for i in range(1, 10)]


def visit_report(lang: str = "zh_CN"):
    from app.printing.field.visit_report_print import VisitReportData

    T = lambda k: text(k, lang)  # noqa: E731
    return VisitReportData(
        company=company(lang), number=text("Visit.number", ascii_only=True), customer_name=T("Customer.name"),
        customer_code=text("Customer.code", ascii_only=True), kind="service", staff=user(lang),
        due_month=dt.date(2026, 11, 1),
        purposes=[(c, i % 2 == 0) for i, c in enumerate(_PURPOSES["service"] + _MANAGER)],
        manager=user(lang), planned_date=dt.date(2026, 11, 12), actual_date=dt.date(2026, 11, 17),
        contact_person=T("Visit.contact_person"), place=T("Visit.place"), goal=long_text("Visit.goal", lang),
        gains=long_text("Visit.gains", lang), reactions=long_text("Visit.reactions", lang),
        suggestions=long_text("Visit.suggestions", lang), complaint_text=long_text("Visit.complaint_text", lang),
        status="late", carried_from=text("Visit.number", ascii_only=True), printed_at=AT, printed_by=user(lang))


def visit_plan(lang: str = "zh_CN", rows: int = ROWS):
    from app.printing.field.visit_plan_print import PlanLine, PlanPrintData

    T = lambda k: text(k, lang)  # noqa: E731
    kinds = ["patrol", "market", "service"]
    lines = [PlanLine(number=text("Visit.number", ascii_only=True), customer=T("Customer.name"), kind=kinds[i % 3],
                      purposes=_PURPOSES[kinds[i % 3]] + _MANAGER, due_month=dt.date(2026, 1 + i % 12, 1),
                      planned_date=dt.date(2026, 1 + i % 12, 28), manager=user(lang),
                      status=["planned", "done", "late", "overdue", "cancelled", "carried"][i % 6],
                      actual_date=dt.date(2026, 1 + i % 12, 28)) for i in range(rows)]
    return PlanPrintData(company=company(lang), kind="annual", year=2026, month=None, staff=user(lang),
                         title=T("VisitPlan.title"), status="approved", notes=long_text("VisitPlan.notes", lang),
                         submitted_at=AT, decided_by=user(lang), decided_at=AT,
                         decision_note=long_text("VisitPlan.decision_note", lang), lines=lines, printed_at=AT,
                         printed_by=user(lang))


def gift_slip(lang: str = "zh_CN", rows: int = ROWS, status: str = "given"):
    from app.printing.field.gift_print import GiftSlipData, SlipItem

    T = lambda k: text(k, lang)  # noqa: E731
    items = [SlipItem(["gift", "sample", "trial", "promo"][i % 4], T("GiftItem.description"),
                      Decimal("99999999.99"), Decimal("9999999999.99")) for i in range(rows)]
    return GiftSlipData(
        company=company(lang), number=text("GiftRequest.number", ascii_only=True), status=status,
        customer_name=T("Customer.name"), customer_code=text("Customer.code", ascii_only=True),
        customer_phone=text("Customer.phone", ascii_only=True), requester=user(lang), requested_at=AT,
        reason=long_text("GiftRequest.reason", lang), items=items, total=Decimal("9999999999.99"),
        visit=f"{text('Visit.number', ascii_only=True)} 2026-11-17",
        activity=f"{text('ServiceActivity.number', ascii_only=True)} {T('ServiceActivity.title')}",
        decided_by=user(lang), decided_at=AT, decision_note=long_text("GiftRequest.decision_note", lang),
        given_to=T("GiftRequest.given_to"), given_at=AT, given_by=user(lang),
        given_note=long_text("GiftRequest.given_note", lang), printed_at=AT, printed_by=user(lang))


def activity_list(lang: str = "zh_CN", rows: int = ROWS, participants: int = ROWS):
    from app.printing.field.gift_print import ActivityListData, ActivityListLine

    T = lambda k: text(k, lang)  # noqa: E731
    kinds = ["application", "training", "tech_service", "assistance", "new_product", "seminar", "samples",
             "relationship"]
    lines = [ActivityListLine(text("ServiceActivity.number", ascii_only=True), dt.date(2026, 3, 2),
                              dt.date(2026, 3, 5), kinds[i % 8], T("ServiceActivity.title"), T("ServiceActivity.place"),
                              user(lang), [(T("Customer.name"), T("ActivityParticipant.people"), 999)
                                           for _ in range(participants)])
             for i in range(rows)]
    return ActivityListData(company=company(lang), date_from=dt.date(2026, 1, 1), date_to=dt.date(2026, 12, 31),
                            filters=T("ServiceActivity.title"), lines=lines, printed_at=AT, printed_by=user(lang))


def survey_form(lang: str = "zh_CN"):
    """The questionnaire for one customer, every field full (the form has no rows of its own)."""
    from app.domain.field import surveys
    from app.printing.field.survey_form import FormQuestion, SurveyFormData

    zh = lang != "en"
    return SurveyFormData(
        company=company(lang), edition="2026",
        questions=[FormQuestion(q.code, surveys.section_label(q.section, lang), q.printed(lang))
                   for q in surveys.questions()],
        open_questions=[z if zh else str(e) for _f, e, z in surveys.OPEN_QUESTIONS],
        score_labels={s: surveys.SCORE_LABELS_ZH[s] if zh else str(surveys.score_label(s)) for s in surveys.SCORES},
        customer_name=text("Customer.name", lang), customer_code=text("Customer.code", ascii_only=True),
        contact=text("CustomerContact.name", lang), contact_title=text("CustomerContact.title", lang),
        phone=text("CustomerContact.mobile", ascii_only=True), staff=user(lang), printed_at=AT)


def survey_results(lang: str = "zh_CN", rows: int = ROWS, cap: int | None = None):
    """``rows`` months, customers and comments; the comments and suggestions
    at ``cap`` characters when given."""
    from app.domain.field import surveys
    from app.printing.field import survey_results_print as srp

    T = lambda k: text(k, lang)  # noqa: E731
    qs = [srp.QuestionLine(q.code, q.printed(lang), 9999, 99, {1: 9999, 2: 9999, 3: 9999, 4: 9999, 5: 9999},
                           Decimal(v), Decimal("0.5"))
          for q, v in zip(surveys.questions(), ["1.00", "2.50", "3.00", "3.99", "4.00", "5.00"] * 2)]
    periods = [srp.PeriodLine(f"{2010 + i // 12}-{i % 12 + 1:02d}", 0 if i % 3 == 1 else 9999,
                              None if i % 3 == 1 else Decimal("3.50")) for i in range(rows)]
    return srp.SurveyResultsPrintData(
        company=company(lang), filters=[("收回日期" if lang != "en" else "Returned", "2010-01-01 ~ 2026-12-31"),
                                        ("客户" if lang != "en" else "Customer", T("Customer.name")),
                                        ("地区" if lang != "en" else "Region", T("Customer.region"))],
        period="month", responses=999999, answers=9999999, average=Decimal("3.21"), satisfied_share=Decimal("0.4321"),
        questions=qs, weakest=sorted(qs, key=lambda q: q.average)[:5], periods=periods,
        customers=[srp.CustomerLine(text("Customer.code", ascii_only=True), T("Customer.name"), 9999, Decimal("2.5"),
                                    dt.date(2026, 11, 17)) for _ in range(rows)], customers_total=rows * 10,
        comments=[srp.CommentLine(text("SurveyResponse.number", ascii_only=True), T("Customer.name"),
                                  dt.date(2026, 11, 17), Decimal("1.50"), "1、2、3、4、5、6、7、8、9、10、11、12",
                                  long_text("SurveyResponse.comments", lang, cap),
                                  long_text("SurveyResponse.suggestions", lang, cap)) for _ in range(rows)],
        printed_at=AT, printed_by=user(lang))


# --- the counter's documents (app.printing.counter) ---------------------------------------------------
# Their numbers are the ones csdesk makes (numbering.next_number: "WX-2026-000123"), at their longest
# before the seventh digit: the job and receipt numbers are printed as barcodes, never typed.
JOB_NUMBER, RECEIPT_NUMBER = "WX-2026-999999", "SJ-2026-999999"
QTY, PRICE = Decimal("99999999.99"), Decimal("9999999999.99")     # JobPart.quantity, unit_price (max_digits 10, 12)


def counter_company(lang: str = "zh_CN"):
    """The company with its pickup terms at their maximum (four terms)."""
    c = company(lang)
    n = MAXIMUMS["company.pickup_terms"] // 4
    c.pickup_terms = [text("company.pickup_terms", lang)[:n] for _ in range(4)]
    return c


def party(lang: str = "zh_CN"):
    from app.printing.counter.data import PartyUnit

    T = lambda k: text(k, lang)  # noqa: E731
    return PartyUnit(customer_name=T("Customer.name"), customer_phone=text("Customer.phone", ascii_only=True),
                     customer_address=T("Customer.address"), customer_code=text("Customer.code", ascii_only=True),
                     product_name=T("Product.name"), product_model=text("Product.model", ascii_only=True),
                     serial=serial(), sale_date=dt.date(2025, 3, 18), warranty_until=dt.date(2027, 3, 17))


def serial(n: int = 1) -> str:
    """A serial at its maximum, ending in what tells it from the next unit's (…NMG-0001, …NMG-0002)."""
    tail = f"-NMG-{n:04d}"
    return ("PF3K9A2B" * 20)[:MAXIMUMS["Unit.serial"] - len(tail)] + tail


def receipt(lang: str = "zh_CN", rows: int = ROWS):
    from app.printing.counter.data import ReceiptData

    return ReceiptData(company=counter_company(lang), receipt_number=RECEIPT_NUMBER, job_number=JOB_NUMBER,
                       issued_at=AT, party=party(lang), items=[text("JobItem.description", lang)] * rows,
                       fault=long_text("Job.fault", lang), condition=long_text("Job.condition", lang),
                       service_kind="contract", promised_date=dt.date(2026, 12, 4), received_by=user(lang),
                       agreement_number=text("Agreement.number", ascii_only=True))


def cards(lang: str = "zh_CN", rows: int = ROWS):
    from app.printing.counter.data import CardData

    return [CardData(company=counter_company(lang), card_code=f"{JOB_NUMBER}-{i}", job_number=JOB_NUMBER,
                     item_index=i, item_count=rows, item_description=text("JobItem.description", lang),
                     party=party(lang), fault=long_text("Job.fault", lang), condition=long_text("Job.condition", lang),
                     service_kind="contract", received_at=AT, promised_date=dt.date(2026, 12, 4),
                     received_by=user(lang)) for i in range(1, rows + 1)]


def voucher(lang: str = "zh_CN", rows: int = ROWS):
    """200 items, parts, materials, labour lines and earlier jobs, every text at its maximum."""
    from app.printing.counter.data import Charges, HistoryLine, LabourLine, PartLine, VoucherData

    T = lambda k: text(k, lang)  # noqa: E731
    amount = QTY * PRICE
    parts = [PartLine(T("JobPart.description"), QTY, PRICE, amount, kind="material" if i % 2 else "part")
             for i in range(rows)]
    labour = [LabourLine(user(lang), QTY, PRICE, amount, T("JobLabour.description")) for _ in range(rows)]
    history = [HistoryLine(f"WX-{2026 - i // 1000}-{999999 - i:06d}", AT, AT, long_text("Job.fault", lang),
                           long_text("Job.diagnosis", lang), ["free", "contract", "paid"][i % 3],
                           ["delivered", "returned", "waiting_parts"][i % 3], amount, amount) for i in range(rows)]
    total = amount * rows * 2
    return VoucherData(company=counter_company(lang), job_number=JOB_NUMBER, party=party(lang), state="delivered",
                       service_kind="contract", received_at=AT, delivered_at=AT, fault=long_text("Job.fault", lang),
                       diagnosis=long_text("Job.diagnosis", lang), items=[T("JobItem.description")] * rows,
                       parts=parts, labour=labour,
                       charges=Charges(total / 2, total / 2, total, total, Decimal(0), Decimal(0), "transfer"),
                       collected_by=T("Job.collected_by"), technicians=[user(lang)],
                       agreement_number=text("Agreement.number", ascii_only=True), history=history, printed_at=AT)


# --- reading a printout back -------------------------------------------------------------------------

#: "page n of N" as each language prints it (the documents' label tables).
PAGE = {"zh_CN": "第{page}页/共{pages}页", "en": "Page{page}of{pages}"}


def vocabulary() -> set[str]:
    """The English words a split would be looked for in: every label, the
    survey's wording (from the domain) and the English sample text."""
    from app.domain.field import surveys
    from tests.pdf_layout import english_vocabulary

    words = [str(q.text) for q in surveys.questions()] + [str(e) for _f, e, _z in surveys.OPEN_QUESTIONS]
    words += [str(surveys.score_label(s)) for s in surveys.SCORES] + [surveys.section_label(s, "en")
                                                                      for s in surveys.SECTIONS]
    return english_vocabulary(words, [_EN])


@dataclass
class Printout:
    """A printout read back: its page count, the text lines of the pages read
    (all, or a sample of a long one) and what is wrong with its layout."""
    pages: int
    lines: dict[int, list[str]]
    problems: list

    def text(self) -> str:
        """The pages read, as one string without spaces."""
        return "".join("".join(lines) for lines in self.lines.values()).replace(" ", "")


def read_back(pdf: bytes, lang: str, title: str, *, headings=(), footer: bool = True, sample: bool = True,
              page_format: str | None = None) -> Printout:
    """A printout read back (pdfplumber) with its layout problems, [] when
    none: glyphs drawn over each other, English words split across lines, a
    page after the first without the title and "page n of N" at its top, a
    heading alone at the foot of a page. A long document is read on
    :func:`tests.pdf_layout.sample_pages` (``sample``: pdfplumber reads about
    five pages a second, and a long list repeats its layout); a short one whole.
    ``page_format``: how the document prints "page n of N", without spaces
    ({page}, {pages}), when not as :data:`PAGE` says."""
    import io

    import pypdf

    from tests.pdf_layout import lone_headings, overlaps, page_lines, sample_pages, split_words

    count = len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
    pages = sample_pages(count) if sample else None
    problems: list = [("overlap", *o) for o in overlaps(pdf, pages=pages)]
    problems += [("split", *s) for s in split_words(pdf, vocabulary(), pages=pages)]
    problems += [("alone", *h) for h in lone_headings(pdf, headings, footer=footer, pages=pages)]
    lines = page_lines(pdf, pages)
    head = title.replace(" ", "")[:12]
    for number, page in lines.items():
        top = page[0].replace(" ", "") if page else ""
        numbered = (page_format or PAGE[lang]).format(page=number, pages=count)
        if number > 1 and not (top.startswith(head) and top.endswith(numbered)):
            problems.append(("no continuation header", number, page[:1]))
    return Printout(count, lines, problems)
