"""Field service's tables (brief §3, schema v3): visit plans, visits and
their purposes and reports, service activities and participants, gift
requests and items, satisfaction survey responses and answers; the
histories of plans and gift requests (schema v4).

The versioned rows (plans, visits, activities, gift requests, survey
responses) are written through :func:`app.domain.core.records.guarded_write`;
each says here what it is called when another station changed it first."""
from __future__ import annotations

import peewee as pw

from app.domain.core.errors import tx
from app.domain.core.limits import Range, declare
from app.domain.core.models import BaseModel, HistoryRow, User, Versioned, now
from app.domain.customers.models import Customer


class VisitPlan(Versioned, BaseModel):
    """§3.5: one staff member's annual (年度) or monthly (月度) visit plan.

    draft -> submitted -> approved (a manager); a submitted plan sent back
    returns to draft with the manager's note. The visits planned in it are
    :class:`Visit` rows pointing here. Its history: :class:`VisitPlanHistory`.
    """
    state_field = "status"
    kind = pw.CharField(max_length=8)                      # annual | monthly
    year = pw.IntegerField()
    month = pw.IntegerField(null=True)                     # 1..12 for a monthly plan
    staff = pw.ForeignKeyField(User, backref="visit_plans", on_delete="RESTRICT")
    title = pw.CharField(max_length=200, default="")
    notes = pw.TextField(default="")
    status = pw.CharField(max_length=12, default="draft", index=True)  # draft | submitted | approved
    created_by = pw.ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    created_at = pw.DateTimeField(default=now)
    submitted_at = pw.DateTimeField(null=True)
    decided_by = pw.ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    decided_at = pw.DateTimeField(null=True)
    decision_note = pw.TextField(default="")
    version = pw.IntegerField(default=1)

    class Meta:
        # month is NULL for annual plans; the service keeps (kind, year,
        # month, staff) unique (a NULL never collides in a unique index).
        table_name = "visit_plan"
        indexes = ((("staff", "year", "month"), False),)

    def changed_elsewhere(self, *, deleting: bool = False) -> str:
        return tx("The plan was changed at another station since you opened it. "
                  "Nothing was saved; open it again.")


class VisitPlanHistory(HistoryRow):
    """One row per step or edit of a visit plan (append-only; schema v4).
    Codes of ``what``: "created" (new = "draft"); "status" (old/new = the
    statuses; note = the approver's note when approved or returned);
    "title", "notes" (old/new = the texts, when a draft is edited).

    Plans made before schema v4 got reconstructed rows: "created" at
    ``created_at``, "status" draft -> submitted at ``submitted_at`` (who
    submitted is not known) and the decision at ``decided_at`` (approved,
    or returned to draft, with the decision note); earlier rounds of a plan
    returned and submitted again are not known."""
    plan = pw.ForeignKeyField(VisitPlan, backref="history", on_delete="CASCADE")

    class Meta:
        table_name = "visit_plan_history"


VisitPlan.history_model = VisitPlanHistory


class Visit(Versioned, BaseModel):
    """A visit to a customer (§3.3, §3.4): planned for a month (and maybe a
    day), made or not, reported (走访用户汇报, 附表4, §3.6).

    planned -> done (actual date and report) | cancelled (reason) |
    carried (not made in its month; a new visit in a later month points back
    through ``carried_from``). *Overdue* is not stored: a planned visit whose
    month has passed is overdue when read. It keeps no history table: the
    report, the reporter and the stamps are on the row.
    """
    state_field = "status"
    number = pw.CharField(max_length=32, unique=True)      # ZF-2026-000001
    plan = pw.ForeignKeyField(VisitPlan, null=True, backref="visits", on_delete="SET NULL")
    customer = pw.ForeignKeyField(Customer, backref="visits", on_delete="RESTRICT")
    staff = pw.ForeignKeyField(User, backref="visits", on_delete="RESTRICT")
    manager = pw.ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")  # §3.4 accompanying
    kind = pw.CharField(max_length=12)                     # patrol | market | service
    due_month = pw.DateField(index=True)                   # the 1st of the month it is planned for
    planned_date = pw.DateField(null=True)                 # a day within due_month, when fixed
    status = pw.CharField(max_length=12, default="planned", index=True)  # planned | done | cancelled | carried
    carried_from = pw.ForeignKeyField("self", null=True, backref="carried_to", on_delete="SET NULL")
    contact_person = pw.CharField(max_length=100, default="")   # whom they met
    place = pw.CharField(max_length=300, default="")
    goal = pw.TextField(default="")                        # 走访目标, in words
    actual_date = pw.DateField(null=True)
    # The report (附表4).
    gains = pw.TextField(default="")                       # 主要收获
    reactions = pw.TextField(default="")                   # 用户反应意见
    suggestions = pw.TextField(default="")                 # 改善建议
    complaint_text = pw.TextField(default="")              # a complaint heard, kept to link
    complaint_id = pw.IntegerField(null=True)              # the complaint record, once complaints exist
    reported_at = pw.DateTimeField(null=True)
    reported_by = pw.ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    cancel_reason = pw.TextField(default="")
    created_by = pw.ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    created_at = pw.DateTimeField(default=now)
    updated_at = pw.DateTimeField(null=True)
    version = pw.IntegerField(default=1)

    class Meta:
        table_name = "visit"
        indexes = ((("staff", "due_month"), False),)

    def changed_elsewhere(self, *, deleting: bool = False) -> str:
        return tx("Visit {number} was changed at another station since you opened it. "
                  "Nothing was saved; open it again.", number=self.number)


class VisitPurpose(BaseModel):
    """One purpose ticked for a visit: a code such as ``patrol.A``,
    ``service.F`` or ``manager.5`` (see app.domain.field.visits.PURPOSES)."""
    visit = pw.ForeignKeyField(Visit, backref="purposes", on_delete="CASCADE")
    code = pw.CharField(max_length=16)

    class Meta:
        table_name = "visit_purpose"
        indexes = ((("visit", "code"), True),)


class ServiceActivity(Versioned, BaseModel):
    """§3.3.3: a service activity (training, seminar, technical service,
    new-product information sent, samples...) with its participants."""
    number = pw.CharField(max_length=32, unique=True)      # HD-2026-000001
    kind = pw.CharField(max_length=16, index=True)         # see app.domain.activities.KINDS
    title = pw.CharField(max_length=200)
    date = pw.DateField(index=True)
    end_date = pw.DateField(null=True)
    place = pw.CharField(max_length=300, default="")
    staff = pw.ForeignKeyField(User, null=True, backref="activities", on_delete="SET NULL")  # organiser
    visit = pw.ForeignKeyField(Visit, null=True, backref="activities", on_delete="SET NULL")
    description = pw.TextField(default="")
    outcome = pw.TextField(default="")
    created_by = pw.ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    created_at = pw.DateTimeField(default=now)
    version = pw.IntegerField(default=1)

    class Meta:
        table_name = "service_activity"

    def changed_elsewhere(self, *, deleting: bool = False) -> str:
        return tx("The activity {number} was changed at another station since you opened it. "
                  "Your changes were not saved; reopen it and make them again.", number=self.number)


class ActivityParticipant(BaseModel):
    """A customer (and the people from it) who took part in an activity."""
    activity = pw.ForeignKeyField(ServiceActivity, backref="participants", on_delete="CASCADE")
    customer = pw.ForeignKeyField(Customer, backref="activities", on_delete="RESTRICT")
    people = pw.CharField(max_length=300, default="")      # names of those who came
    headcount = pw.IntegerField(default=1)
    note = pw.TextField(default="")

    class Meta:
        table_name = "activity_participant"


class GiftRequest(Versioned, BaseModel):
    """§3.3.3F, §3.7: gifts, samples, trial items or promotional material
    for a customer: requested -> approved | refused (a manager) -> given.
    Nothing is recorded as given without approval. Its history:
    :class:`GiftRequestHistory`."""
    state_field = "status"
    number = pw.CharField(max_length=32, unique=True)      # LP-2026-000001
    customer = pw.ForeignKeyField(Customer, backref="gift_requests", on_delete="RESTRICT")
    visit = pw.ForeignKeyField(Visit, null=True, backref="gift_requests", on_delete="SET NULL")
    activity = pw.ForeignKeyField(ServiceActivity, null=True, backref="gift_requests", on_delete="SET NULL")
    reason = pw.TextField()
    total_value = pw.DecimalField(max_digits=12, decimal_places=2, default=0)
    status = pw.CharField(max_length=12, default="requested", index=True)  # requested | approved | refused | given | withdrawn
    requested_by = pw.ForeignKeyField(User, backref="gift_requests", on_delete="RESTRICT")
    requested_at = pw.DateTimeField(default=now)
    decided_by = pw.ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    decided_at = pw.DateTimeField(null=True)
    decision_note = pw.TextField(default="")
    given_at = pw.DateTimeField(null=True)
    given_by = pw.ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    given_to = pw.CharField(max_length=100, default="")    # the person who received it
    given_note = pw.TextField(default="")
    version = pw.IntegerField(default=1)

    class Meta:
        table_name = "gift_request"

    def changed_elsewhere(self, *, deleting: bool = False) -> str:
        return tx("The gift request {number} was changed at another station since you opened it. "
                  "Nothing was saved; reopen it and look again.", number=self.number)


class GiftRequestHistory(HistoryRow):
    """One row per step or edit of a gift request (append-only; schema v4).
    Codes of ``what``: "created" (new = "requested"); "status" (old/new =
    the statuses; note = the decision note when approved or refused, the
    note given with the items when given); and, when the requester edits a
    waiting request, one row per changed field: "reason", "total_value"
    (two decimals), "items" (every item on one line: "kind description x
    quantity @ unit value; ..."), "visit" and "activity" (their numbers, ""
    for none).

    Requests made before schema v4 got reconstructed rows: "created" at
    ``requested_at``, the decision at ``decided_at`` and "given" at
    ``given_at``; a withdrawal before v4 left no time, so it has no row."""
    request = pw.ForeignKeyField(GiftRequest, backref="history", on_delete="CASCADE")

    class Meta:
        table_name = "gift_request_history"


GiftRequest.history_model = GiftRequestHistory


class GiftItem(BaseModel):
    request = pw.ForeignKeyField(GiftRequest, backref="items", on_delete="CASCADE")
    kind = pw.CharField(max_length=12, default="gift")     # gift | sample | trial | promo
    description = pw.CharField(max_length=200)
    quantity = pw.DecimalField(max_digits=10, decimal_places=2, default=1)
    unit_value = pw.DecimalField(max_digits=12, decimal_places=2, default=0)

    class Meta:
        table_name = "gift_item"


class SurveyResponse(Versioned, BaseModel):
    """用户满意度调查表 (附表3): one returned questionnaire. The questions
    live in app.domain.field.surveys (``questionnaire`` names the edition)."""
    number = pw.CharField(max_length=32, unique=True)      # DC-2026-000001
    customer = pw.ForeignKeyField(Customer, backref="surveys", on_delete="RESTRICT")
    questionnaire = pw.CharField(max_length=16, default="2026")
    visit = pw.ForeignKeyField(Visit, null=True, backref="surveys", on_delete="SET NULL")
    staff = pw.ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")  # who handed it out
    sent_on = pw.DateField(null=True)
    returned_on = pw.DateField(index=True)
    respondent = pw.CharField(max_length=100, default="")
    respondent_title = pw.CharField(max_length=100, default="")
    comments = pw.TextField(default="")
    suggestions = pw.TextField(default="")
    average = pw.DecimalField(max_digits=5, decimal_places=2, null=True)  # mean of the scored answers
    entered_by = pw.ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    entered_at = pw.DateTimeField(default=now)
    version = pw.IntegerField(default=1)

    class Meta:
        table_name = "survey_response"

    def changed_elsewhere(self, *, deleting: bool = False) -> str:
        if deleting:
            return tx("Survey {number} was changed at another station since you opened it. "
                      "Nothing was deleted.", number=self.number)
        return tx("Survey {number} was changed at another station since you opened it. "
                  "Your change was not saved; open it again.", number=self.number)


class SurveyAnswer(BaseModel):
    response = pw.ForeignKeyField(SurveyResponse, backref="answers", on_delete="CASCADE")
    question = pw.CharField(max_length=16)                 # a code from surveys.QUESTIONS
    score = pw.IntegerField(null=True)                     # 1..5; NULL = not answered / not applicable
    text = pw.TextField(default="")

    class Meta:
        table_name = "survey_answer"
        indexes = ((("response", "question"), True),)


# What field service's columns take beyond their own definition
# (app.domain.core.limits): free-text maxima and sane ranges of numbers.
declare(VisitPlan, year=Range(2000, 2100), month=Range(1, 12), notes=4000, decision_note=4000)
declare(Visit, goal=4000, gains=4000, reactions=4000, suggestions=4000, complaint_text=4000, cancel_reason=2000)
declare(ServiceActivity, description=4000, outcome=4000)
declare(ActivityParticipant, headcount=Range(0, 100_000), note=2000)
declare(GiftRequest, reason=4000, decision_note=4000, given_note=4000)
declare(GiftItem, quantity=Range("0.01", 10_000), unit_value=Range(0, 1_000_000))
declare(SurveyResponse, comments=4000, suggestions=4000, average=Range(1, 5))
declare(SurveyAnswer, score=Range(1, 5), text=2000)
