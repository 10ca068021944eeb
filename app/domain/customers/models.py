"""The customers book's tables: the archive (用户档案, 附表1) with its
contacts, addresses and change history (§2.1.5), access requests and the
access log (§2.1.4), new-customer selection (§2.2)."""
from __future__ import annotations

import peewee as pw

from app.domain.core.errors import AppendOnly, tx
from app.domain.core.limits import Range, declare
from app.domain.core.models import BaseModel, User, Versioned, now


class Customer(Versioned, BaseModel):
    """用户档案 (附表1): the archive of one customer; its short columns are
    the overview table (用户情况一览表, 附表2). Saved through
    :func:`app.domain.core.records.guarded_write`; its change history is
    :class:`CustomerChange`, written by the archive (one change set a save)."""
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
        table_name = "customer"
        indexes = ((("name", "id"), False),)

    def changed_elsewhere(self, *, deleting: bool = False) -> str:
        return tx("The archive of {name} was changed at another station since you opened it. "
                  "Your changes were not saved; reopen the archive and make them again.", name=self.name)


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

    class Meta:
        table_name = "customer_contact"


class CustomerAddress(BaseModel):
    customer = pw.ForeignKeyField(Customer, backref="addresses", on_delete="CASCADE")
    kind = pw.CharField(max_length=16, default="office")  # office | shipping | billing | warehouse | other
    address = pw.CharField(max_length=300)
    postcode = pw.CharField(max_length=16, default="")
    is_primary = pw.BooleanField(default=False)

    class Meta:
        table_name = "customer_address"


class CustomerChange(BaseModel):
    """§2.1.5: every change of a customer's data (append-only)."""
    customer = pw.ForeignKeyField(Customer, backref="changes", on_delete="CASCADE")
    at = pw.DateTimeField(default=now, index=True)
    user = pw.ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    change_set = pw.CharField(max_length=32, index=True)   # one save = one set
    field = pw.CharField(max_length=64)                    # e.g. "credit_limit", "contact:3.phone"
    old_value = pw.TextField(default="")
    new_value = pw.TextField(default="")

    class Meta:
        table_name = "customer_change"


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

    class Meta:
        table_name = "access_request"


class AccessLog(BaseModel):
    """Every view, print and export of an archive, every read of its
    history and of the books' customer pages, every refused attempt: who,
    when, what. Append-only (§2.1.4): this model inserts and reads, and
    refuses to update or delete a row (:class:`app.domain.core.errors.AppendOnly`), so no service
    can change what the log says; the database's own administrator is the
    only one who could."""
    at = pw.DateTimeField(default=now, index=True)
    user = pw.ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    customer = pw.ForeignKeyField(Customer, null=True, backref="access_log", on_delete="CASCADE")
    # view | print | export | import | history | page | service | denied (app.domain.customers.access.ACTIONS)
    action = pw.CharField(max_length=16)
    detail = pw.TextField(default="")

    class Meta:
        table_name = "access_log"

    def save(self, *args, **kwargs):
        if self._pk is not None and not kwargs.get("force_insert"):
            raise AppendOnly("access_log rows are never changed")
        return super().save(*args, **kwargs)

    def delete_instance(self, *args, **kwargs):
        raise AppendOnly("access_log rows are never deleted")

    @classmethod
    def update(cls, *args, **kwargs):
        raise AppendOnly("access_log rows are never changed")

    @classmethod
    def delete(cls):
        raise AppendOnly("access_log rows are never deleted")

    @classmethod
    def replace(cls, *args, **kwargs):
        raise AppendOnly("access_log rows are never replaced")


class Investigation(BaseModel):
    """§2.2.1: a general (通常) or on-site (实地) investigation of a prospect."""
    customer = pw.ForeignKeyField(Customer, backref="investigations", on_delete="CASCADE")
    kind = pw.CharField(max_length=12)                     # general | onsite
    date = pw.DateField()
    investigator = pw.ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    findings = pw.TextField()
    created_at = pw.DateTimeField(default=now)

    class Meta:
        table_name = "investigation"


class SelectionAssessment(BaseModel):
    """§2.2.2: one criterion assessed for a prospect (the latest counts)."""
    customer = pw.ForeignKeyField(Customer, backref="assessments", on_delete="CASCADE")
    criterion = pw.CharField(max_length=24)                # see selection.CRITERIA
    score = pw.IntegerField()                              # 1 (poor) .. 5 (excellent)
    note = pw.TextField(default="")
    assessed_by = pw.ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    at = pw.DateTimeField(default=now)

    class Meta:
        table_name = "selection_assessment"
        indexes = ((("customer", "criterion"), True),)


class SelectionDecision(BaseModel):
    """§2.2.3: the manager's decision on a prospect."""
    customer = pw.ForeignKeyField(Customer, backref="decisions", on_delete="CASCADE")
    decision = pw.CharField(max_length=12)                 # approved | refused
    reason = pw.TextField(default="")
    decided_by = pw.ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    at = pw.DateTimeField(default=now)

    class Meta:
        table_name = "selection_decision"


# What the archive's columns take beyond their own definition
# (app.domain.core.limits): free-text maxima and sane ranges of numbers.
declare(Customer, business_content=4000, notes=4000, employees=Range(0, 999_999_999),
        # Amounts below a trillion yuan: 15 significant digits, what SQLite's REAL keeps exactly
        # (DECIMAL(16, 2)'s 99 999 999 999 999.99 came back as ...99.98).
        registered_capital=Range(0, "999999999999.99"), credit_limit=Range(0, "999999999999.99"),
        annual_volume=Range(0, "999999999999.99"))
declare(CustomerContact, notes=4000)
declare(AccessRequest, reason=2000, decision_note=2000, days=Range(1, 90))
declare(Investigation, findings=4000)
declare(SelectionAssessment, score=Range(1, 5), note=2000)
declare(SelectionDecision, reason=2000)
