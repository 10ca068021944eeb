"""The csdesk schema as peewee models.

Money is ``DecimalField(12, 2)``; quantities and hours ``DecimalField(10, 2)``.
Timestamps are naive local time, as a service counter reads them. Rows that
other stations may edit concurrently carry a ``version`` for optimistic
locking (see :func:`app.domain.jobs.save_job`).
"""
from __future__ import annotations

import datetime as dt

import peewee as pw

from .db import database


_clock: dt.datetime | None = None


def now() -> dt.datetime:
    """The time rows are stamped with (seconds). Demo data sets a clock."""
    return _clock if _clock is not None else dt.datetime.now().replace(microsecond=0)


def set_clock(at: dt.datetime | None) -> None:
    """Stamp new rows with ``at`` (None: the real time). For demo data only."""
    global _clock
    _clock = at


class BaseModel(pw.Model):
    class Meta:
        database = database
        legacy_table_names = False


class Meta(BaseModel):
    """Key/value facts about the database itself (schema version, created)."""
    key = pw.CharField(max_length=64, primary_key=True)
    value = pw.TextField()

    class Meta:
        table_name = "csdesk_meta"


class Setting(BaseModel):
    """Settings shared by every station: company name, phone, pickup terms."""
    key = pw.CharField(max_length=64, primary_key=True)
    value = pw.TextField()


class User(BaseModel):
    """A member of staff, who signs in (app.domain.auth)."""
    username = pw.CharField(max_length=64, unique=True)
    display_name = pw.CharField(max_length=64)
    role = pw.CharField(max_length=24)  # see app.domain.permissions.ROLES
    active = pw.BooleanField(default=True)
    created_at = pw.DateTimeField(default=now)
    # Schema v2: sign-in.
    password_hash = pw.CharField(max_length=255, default="")   # "" = no password set yet
    failed_logins = pw.IntegerField(default=0)
    locked_until = pw.DateTimeField(null=True)
    last_login_at = pw.DateTimeField(null=True)
    must_change_password = pw.BooleanField(default=False)

    def __str__(self) -> str:
        return self.display_name


class Customer(BaseModel):
    """用户档案 (附表1): the archive of one customer; its short columns are
    the overview table (用户情况一览表, 附表2)."""
    code = pw.CharField(max_length=32, unique=True)
    name = pw.CharField(max_length=200)
    phone = pw.CharField(max_length=64, default="")
    category = pw.CharField(max_length=24, default="end_user")
    address = pw.CharField(max_length=300, default="")
    # Lower-case name, code, phone digits and pinyin initials: what the
    # search-as-you-type box matches with one LIKE.
    # 540, not more: MariaDB's 3072-byte key must hold name + search_text +
    # status for the overview's covering name index (schema v3; was 700).
    search_text = pw.CharField(max_length=540, default="")
    created_at = pw.DateTimeField(default=now)
    version = pw.IntegerField(default=1)
    # Schema v2: the archive (brief §2.1).
    short_name = pw.CharField(max_length=100, default="")
    region = pw.CharField(max_length=100, default="", index=True)      # province / city
    status = pw.CharField(max_length=16, default="active", index=True)  # see archive.STATUSES
    business_content = pw.TextField(default="")                        # 经营内容
    legal_representative = pw.CharField(max_length=100, default="")    # 负责人 / 法定代表人
    registered_capital = pw.DecimalField(max_digits=16, decimal_places=2, null=True)
    employees = pw.IntegerField(null=True)
    tax_id = pw.CharField(max_length=32, default="")                   # 统一社会信用代码
    bank_name = pw.CharField(max_length=100, default="")
    bank_account = pw.CharField(max_length=64, default="")
    email = pw.CharField(max_length=120, default="")
    credit_rating = pw.CharField(max_length=8, default="", index=True)  # 信用等级: A, B, C, D
    credit_limit = pw.DecimalField(max_digits=16, decimal_places=2, null=True)
    cooperation_since = pw.DateField(null=True)                        # 合作起始
    annual_volume = pw.DecimalField(max_digits=16, decimal_places=2, null=True)  # 年交易额
    tier = pw.CharField(max_length=16, default="")                     # relationship tier
    responsible = pw.ForeignKeyField(User, null=True, backref="responsible_for", on_delete="SET NULL")
    notes = pw.TextField(default="")
    updated_at = pw.DateTimeField(null=True)

    class Meta:
        # The overview sorted by name pages through this index (65 ms -> 0.2 ms
        # for the first page of 100 000 customers on PostgreSQL).
        indexes = ((("name", "id"), False),)


class Product(BaseModel):
    model = pw.CharField(max_length=100, unique=True)
    name = pw.CharField(max_length=200)
    brand = pw.CharField(max_length=100, default="")
    warranty_months = pw.IntegerField(default=12)


class Unit(BaseModel):
    """One physical product, known by its serial number."""
    serial = pw.CharField(max_length=100, unique=True)
    product = pw.ForeignKeyField(Product, backref="units", on_delete="RESTRICT")
    owner = pw.ForeignKeyField(Customer, backref="units", null=True, on_delete="RESTRICT")
    sale_date = pw.DateField(null=True)
    notes = pw.TextField(default="")
    created_at = pw.DateTimeField(default=now)


class Agreement(BaseModel):
    """A maintenance agreement (维修协议) covering some of a customer's units."""
    number = pw.CharField(max_length=32, unique=True)
    customer = pw.ForeignKeyField(Customer, backref="agreements", on_delete="RESTRICT")
    start_date = pw.DateField()
    end_date = pw.DateField()
    terms = pw.TextField(default="")
    covers_parts = pw.BooleanField(default=True)
    covers_labour = pw.BooleanField(default=True)
    # Discount on what the agreement does not cover, e.g. 0.20 = 20 % off.
    discount_rate = pw.DecimalField(max_digits=5, decimal_places=2, default=0)
    active = pw.BooleanField(default=True)


class AgreementUnit(BaseModel):
    agreement = pw.ForeignKeyField(Agreement, backref="unit_links", on_delete="CASCADE")
    unit = pw.ForeignKeyField(Unit, backref="agreement_links", on_delete="CASCADE")

    class Meta:
        indexes = ((("agreement", "unit"), True),)


class DocumentSeries(BaseModel):
    """The last number issued for one document kind in one year."""
    kind = pw.CharField(max_length=8)
    year = pw.IntegerField()
    last_number = pw.IntegerField(default=0)

    class Meta:
        indexes = ((("kind", "year"), True),)


class Job(BaseModel):
    """A service job (维修单): one unit brought in once."""
    number = pw.CharField(max_length=32, unique=True)
    unit = pw.ForeignKeyField(Unit, backref="jobs", on_delete="RESTRICT")
    customer = pw.ForeignKeyField(Customer, backref="jobs", on_delete="RESTRICT")
    fault = pw.TextField()
    condition = pw.TextField(default="")
    received_by = pw.ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    received_at = pw.DateTimeField(default=now, index=True)
    promised_date = pw.DateField(null=True)
    service_kind = pw.CharField(max_length=16)          # free | contract | paid
    computed_kind = pw.CharField(max_length=16)         # what the rules said
    kind_reason = pw.TextField(default="")              # why it was overridden
    agreement = pw.ForeignKeyField(Agreement, null=True, backref="jobs", on_delete="SET NULL")
    state = pw.CharField(max_length=16, index=True)
    outcome = pw.CharField(max_length=16, default="")   # repaired | unrepaired
    technician = pw.ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    diagnosis = pw.TextField(default="")
    informed_at = pw.DateTimeField(null=True)
    informed_by = pw.ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    delivered_at = pw.DateTimeField(null=True)
    collected_by = pw.CharField(max_length=100, default="")
    collector_id = pw.CharField(max_length=64, default="")
    release_method = pw.CharField(max_length=16, default="")  # receipt | id_document
    release_approved_by = pw.ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    amount_paid = pw.DecimalField(max_digits=12, decimal_places=2, null=True)
    payment_method = pw.CharField(max_length=16, default="")
    updated_at = pw.DateTimeField(default=now)
    version = pw.IntegerField(default=1)


class JobItem(BaseModel):
    """An item received with the job (the unit, its charger, case...): one tag each."""
    job = pw.ForeignKeyField(Job, backref="items", on_delete="CASCADE")
    seq = pw.IntegerField()
    description = pw.CharField(max_length=200)

    class Meta:
        indexes = ((("job", "seq"), True),)


class JobPart(BaseModel):
    job = pw.ForeignKeyField(Job, backref="parts", on_delete="CASCADE")
    kind = pw.CharField(max_length=16, default="part")  # part | material
    description = pw.CharField(max_length=200)
    part_no = pw.CharField(max_length=64, default="")
    quantity = pw.DecimalField(max_digits=10, decimal_places=2)
    unit_price = pw.DecimalField(max_digits=12, decimal_places=2)
    added_by = pw.ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    added_at = pw.DateTimeField(default=now)


class JobLabour(BaseModel):
    job = pw.ForeignKeyField(Job, backref="labour", on_delete="CASCADE")
    technician = pw.ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    description = pw.CharField(max_length=200, default="")
    hours = pw.DecimalField(max_digits=10, decimal_places=2)
    rate = pw.DecimalField(max_digits=12, decimal_places=2)
    work_date = pw.DateField(default=dt.date.today)


class JobHistory(BaseModel):
    """One row per transition or notable event of a job (append-only)."""
    job = pw.ForeignKeyField(Job, backref="history", on_delete="CASCADE")
    at = pw.DateTimeField(default=now)
    user = pw.ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    event = pw.CharField(max_length=24)   # transition | informed | kind | created | ...
    from_state = pw.CharField(max_length=16, default="")
    to_state = pw.CharField(max_length=16, default="")
    note = pw.TextField(default="")


class Receipt(BaseModel):
    """用户产品领取收据. A lost receipt is voided; its number stays on record."""
    number = pw.CharField(max_length=32, unique=True)
    job = pw.ForeignKeyField(Job, backref="receipts", on_delete="CASCADE")
    issued_at = pw.DateTimeField(default=now)
    status = pw.CharField(max_length=8, default="valid")  # valid | used | void
    void_reason = pw.TextField(default="")
    voided_at = pw.DateTimeField(null=True)
    voided_by = pw.ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")


class RegisterEntry(BaseModel):
    """用户产品进出登记本: append-only; a correction is a new row.

    The customer, product and serial are copied at the time of the movement
    so the register reads as it was written even if the archive changes.
    """
    number = pw.CharField(max_length=32, unique=True)
    at = pw.DateTimeField(default=now, index=True)
    direction = pw.CharField(max_length=4)  # in | out
    job = pw.ForeignKeyField(Job, backref="register_rows", on_delete="RESTRICT")
    unit = pw.ForeignKeyField(Unit, backref="register_rows", on_delete="RESTRICT")
    customer = pw.ForeignKeyField(Customer, backref="register_rows", on_delete="RESTRICT")
    serial = pw.CharField(max_length=100, index=True)
    product = pw.CharField(max_length=300)
    customer_name = pw.CharField(max_length=200)
    items = pw.TextField(default="")
    person = pw.CharField(max_length=100, default="")  # who brought / collected it
    user = pw.ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    note = pw.TextField(default="")
    corrects = pw.ForeignKeyField("self", null=True, backref="corrections", on_delete="RESTRICT")

    def save(self, *args, **kwargs):
        if self._pk is not None and not kwargs.get("force_insert"):
            raise PermissionError("The in/out register is append-only; add a correction row instead.")
        return super().save(*args, **kwargs)

    def delete_instance(self, *args, **kwargs):
        raise PermissionError("The in/out register is append-only; add a correction row instead.")


class CustomerContact(BaseModel):
    customer = pw.ForeignKeyField(Customer, backref="contacts", on_delete="CASCADE")
    name = pw.CharField(max_length=100)
    title = pw.CharField(max_length=100, default="")      # 职务
    phone = pw.CharField(max_length=64, default="")
    mobile = pw.CharField(max_length=64, default="")
    email = pw.CharField(max_length=120, default="")
    wechat = pw.CharField(max_length=64, default="")
    is_primary = pw.BooleanField(default=False)
    notes = pw.TextField(default="")


class CustomerAddress(BaseModel):
    customer = pw.ForeignKeyField(Customer, backref="addresses", on_delete="CASCADE")
    kind = pw.CharField(max_length=16, default="office")  # office | shipping | billing | warehouse | other
    address = pw.CharField(max_length=300)
    postcode = pw.CharField(max_length=16, default="")
    is_primary = pw.BooleanField(default=False)


class CustomerChange(BaseModel):
    """§2.1.5: every change of a customer's data (append-only)."""
    customer = pw.ForeignKeyField(Customer, backref="changes", on_delete="CASCADE")
    at = pw.DateTimeField(default=now, index=True)
    user = pw.ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    change_set = pw.CharField(max_length=32, index=True)   # one save = one set
    field = pw.CharField(max_length=64)                    # e.g. "credit_limit", "contact:3.phone"
    old_value = pw.TextField(default="")
    new_value = pw.TextField(default="")


class AccessRequest(BaseModel):
    """§2.1.4: someone outside the archive's keepers asks to consult it."""
    customer = pw.ForeignKeyField(Customer, backref="access_requests", on_delete="CASCADE")
    requester = pw.ForeignKeyField(User, backref="access_requests", on_delete="CASCADE")
    reason = pw.TextField()
    days = pw.IntegerField(default=7)                      # the period asked for
    requested_at = pw.DateTimeField(default=now)
    status = pw.CharField(max_length=12, default="pending", index=True)  # pending | granted | refused | revoked
    decided_by = pw.ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    decided_at = pw.DateTimeField(null=True)
    decision_note = pw.TextField(default="")
    valid_until = pw.DateTimeField(null=True)              # granted access ends by itself


class AccessLog(BaseModel):
    """Every view, print and export of an archive: who, when, what."""
    at = pw.DateTimeField(default=now, index=True)
    user = pw.ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    customer = pw.ForeignKeyField(Customer, null=True, backref="access_log", on_delete="CASCADE")
    action = pw.CharField(max_length=16)                   # view | print | export | import | denied
    detail = pw.TextField(default="")


class Investigation(BaseModel):
    """§2.2.1: a general (通常) or on-site (实地) investigation of a prospect."""
    customer = pw.ForeignKeyField(Customer, backref="investigations", on_delete="CASCADE")
    kind = pw.CharField(max_length=12)                     # general | onsite
    date = pw.DateField()
    investigator = pw.ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    findings = pw.TextField()
    created_at = pw.DateTimeField(default=now)


class SelectionAssessment(BaseModel):
    """§2.2.2: one criterion assessed for a prospect (the latest counts)."""
    customer = pw.ForeignKeyField(Customer, backref="assessments", on_delete="CASCADE")
    criterion = pw.CharField(max_length=24)                # see selection.CRITERIA
    score = pw.IntegerField()                              # 1 (poor) .. 5 (excellent)
    note = pw.TextField(default="")
    assessed_by = pw.ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    at = pw.DateTimeField(default=now)

    class Meta:
        indexes = ((("customer", "criterion"), True),)


class SelectionDecision(BaseModel):
    """§2.2.3: the manager's decision on a prospect."""
    customer = pw.ForeignKeyField(Customer, backref="decisions", on_delete="CASCADE")
    decision = pw.CharField(max_length=12)                 # approved | refused
    reason = pw.TextField(default="")
    decided_by = pw.ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    at = pw.DateTimeField(default=now)


# --- Schema v3: field service (brief §3) -----------------------------------


class VisitPlan(BaseModel):
    """§3.5: one staff member's annual (年度) or monthly (月度) visit plan.

    draft -> submitted -> approved (a manager); a submitted plan sent back
    returns to draft with the manager's note. The visits planned in it are
    :class:`Visit` rows pointing here.
    """
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
        indexes = ((("staff", "year", "month"), False),)


class Visit(BaseModel):
    """A visit to a customer (§3.3, §3.4): planned for a month (and maybe a
    day), made or not, reported (走访用户汇报, 附表4, §3.6).

    planned -> done (actual date and report) | cancelled (reason) |
    carried (not made in its month; a new visit in a later month points back
    through ``carried_from``). *Overdue* is not stored: a planned visit whose
    month has passed is overdue when read.
    """
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
        indexes = ((("staff", "due_month"), False),)


class VisitPurpose(BaseModel):
    """One purpose ticked for a visit: a code such as ``patrol.A``,
    ``service.F`` or ``manager.5`` (see app.domain.visits.PURPOSES)."""
    visit = pw.ForeignKeyField(Visit, backref="purposes", on_delete="CASCADE")
    code = pw.CharField(max_length=16)

    class Meta:
        indexes = ((("visit", "code"), True),)


class ServiceActivity(BaseModel):
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


class ActivityParticipant(BaseModel):
    """A customer (and the people from it) who took part in an activity."""
    activity = pw.ForeignKeyField(ServiceActivity, backref="participants", on_delete="CASCADE")
    customer = pw.ForeignKeyField(Customer, backref="activities", on_delete="RESTRICT")
    people = pw.CharField(max_length=300, default="")      # names of those who came
    headcount = pw.IntegerField(default=1)
    note = pw.TextField(default="")


class GiftRequest(BaseModel):
    """§3.3.3F, §3.7: gifts, samples, trial items or promotional material
    for a customer: requested -> approved | refused (a manager) -> given.
    Nothing is recorded as given without approval."""
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


class GiftItem(BaseModel):
    request = pw.ForeignKeyField(GiftRequest, backref="items", on_delete="CASCADE")
    kind = pw.CharField(max_length=12, default="gift")     # gift | sample | trial | promo
    description = pw.CharField(max_length=200)
    quantity = pw.DecimalField(max_digits=10, decimal_places=2, default=1)
    unit_value = pw.DecimalField(max_digits=12, decimal_places=2, default=0)


class SurveyResponse(BaseModel):
    """用户满意度调查表 (附表3): one returned questionnaire. The questions
    live in app.domain.surveys (``questionnaire`` names the edition)."""
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


class SurveyAnswer(BaseModel):
    response = pw.ForeignKeyField(SurveyResponse, backref="answers", on_delete="CASCADE")
    question = pw.CharField(max_length=16)                 # a code from surveys.QUESTIONS
    score = pw.IntegerField(null=True)                     # 1..5; NULL = not answered / not applicable
    text = pw.TextField(default="")

    class Meta:
        indexes = ((("response", "question"), True),)


ALL_MODELS = [Meta, Setting, User, Customer, Product, Unit, Agreement, AgreementUnit,
              DocumentSeries, Job, JobItem, JobPart, JobLabour, JobHistory, Receipt,
              RegisterEntry, CustomerContact, CustomerAddress, CustomerChange, AccessRequest,
              AccessLog, Investigation, SelectionAssessment, SelectionDecision,
              VisitPlan, Visit, VisitPurpose, ServiceActivity, ActivityParticipant, GiftRequest,
              GiftItem, SurveyResponse, SurveyAnswer]

#: The tables added by schema v3 (field service).
V3_MODELS = [VisitPlan, Visit, VisitPurpose, ServiceActivity, ActivityParticipant, GiftRequest, GiftItem,
             SurveyResponse, SurveyAnswer]
