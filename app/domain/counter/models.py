"""The counter's tables: products and units, maintenance agreements, the
service job with its items, parts, labour and history, pickup receipts and
the in/out register (用户产品进出登记本)."""
from __future__ import annotations

import datetime as dt

import peewee as pw

from app.domain.core.errors import tx
from app.domain.core.limits import Range, declare
from app.domain.core.models import BaseModel, HistoryRow, User, Versioned, now
from app.domain.customers.models import Customer


class Product(BaseModel):
    model = pw.CharField(max_length=100, unique=True)
    name = pw.CharField(max_length=200)
    brand = pw.CharField(max_length=100, default="")
    warranty_months = pw.IntegerField(default=12)

    class Meta:
        table_name = "product"


class Unit(BaseModel):
    """One physical product, known by its serial number."""
    serial = pw.CharField(max_length=100, unique=True)
    product = pw.ForeignKeyField(Product, backref="units", on_delete="RESTRICT")
    owner = pw.ForeignKeyField(Customer, backref="units", null=True, on_delete="RESTRICT")
    sale_date = pw.DateField(null=True)
    notes = pw.TextField(default="")
    created_at = pw.DateTimeField(default=now)

    class Meta:
        table_name = "unit"


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

    class Meta:
        table_name = "agreement"


class AgreementUnit(BaseModel):
    agreement = pw.ForeignKeyField(Agreement, backref="unit_links", on_delete="CASCADE")
    unit = pw.ForeignKeyField(Unit, backref="agreement_links", on_delete="CASCADE")

    class Meta:
        table_name = "agreement_unit"
        indexes = ((("agreement", "unit"), True),)


class Job(Versioned, BaseModel):
    """A service job (维修单): one unit brought in once. Written through
    :func:`app.domain.core.records.guarded_write`; its history is
    :class:`JobHistory`."""
    state_field = "state"
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

    class Meta:
        table_name = "job"

    def changed_elsewhere(self, *, deleting: bool = False) -> str:
        """Names who made the latest change and when, if the history knows."""
        last = (JobHistory.select(JobHistory, User).join(User, pw.JOIN.LEFT_OUTER, on=(JobHistory.user == User.id))
                .where(JobHistory.job == self.id).order_by(JobHistory.id.desc()).first())
        if last is not None and last.user is not None:
            return tx("Job {number} was changed at another station by {user} at {time} since you opened it. "
                      "Your change was not saved; reload the job and make it again.",
                      number=self.number, user=last.user.display_name, time=last.at.strftime("%H:%M"))
        return tx("Job {number} was changed at another station since you opened it. "
                  "Your change was not saved; reload the job and make it again.", number=self.number)


class JobItem(BaseModel):
    """An item received with the job (the unit, its charger, case...): one tag each."""
    job = pw.ForeignKeyField(Job, backref="items", on_delete="CASCADE")
    seq = pw.IntegerField()
    description = pw.CharField(max_length=200)

    class Meta:
        table_name = "job_item"
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

    class Meta:
        table_name = "job_part"


class JobLabour(BaseModel):
    job = pw.ForeignKeyField(Job, backref="labour", on_delete="CASCADE")
    technician = pw.ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    description = pw.CharField(max_length=200, default="")
    hours = pw.DecimalField(max_digits=10, decimal_places=2)
    rate = pw.DecimalField(max_digits=12, decimal_places=2)
    work_date = pw.DateField(default=dt.date.today)

    class Meta:
        table_name = "job_labour"


class JobHistory(HistoryRow):
    """One row per step or notable event of a job (append-only; the shape
    of :class:`app.domain.core.models.HistoryRow`). Codes of ``what``:

    ============== ============================ ================================ ===================
    what           old_value                    new_value                        note
    ============== ============================ ================================ ===================
    created        ""                           "received"                       ""
    state          the state left               the state reached                the step's note
                                                                                 (give up, rework,
                                                                                 cancel: the reason)
    diagnosis      the whole old diagnosis      the whole new diagnosis          ""
    technician     "name (#id)" or ""           "name (#id)" or ""               ""
    part           ""                           "description x qty @ price"      ""
    part_removed   "description x qty"          ""                               ""
    labour         ""                           "hours h @ rate description"     ""
    labour_removed "hours h @ rate description" ""                               ""
    service_kind   the old kind                 the new kind                     the reason
    informed       ""                           how: phone, sms, wechat,         what was said
                                                in_person
    receipt        the voided receipt number(s) the new receipt number           why it was replaced
    lost_receipt   the voided receipt number(s) ""                               ID, approver, reason
    owner          "old owner (code)"           "new owner (code)"               "" (the unit changed
                                                                                 hands at intake; the
                                                                                 unit's notes say so)
    ============== ============================ ================================ ===================

    Before schema v4 the row was (event, from_state, to_state, note):
    "transition" became "state", "kind" became "service_kind" (its note
    "old -> new: reason" split), the texts kept in ``note`` moved to the
    value they describe; rows converted from v3 have no old receipt number.
    """
    job = pw.ForeignKeyField(Job, backref="history", on_delete="CASCADE")

    class Meta:
        table_name = "job_history"


Job.history_model = JobHistory


class Receipt(BaseModel):
    """用户产品领取收据. A lost receipt is voided; its number stays on record."""
    number = pw.CharField(max_length=32, unique=True)
    job = pw.ForeignKeyField(Job, backref="receipts", on_delete="CASCADE")
    issued_at = pw.DateTimeField(default=now)
    status = pw.CharField(max_length=8, default="valid")  # valid | used | void
    void_reason = pw.TextField(default="")
    voided_at = pw.DateTimeField(null=True)
    voided_by = pw.ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")

    class Meta:
        table_name = "receipt"


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

    class Meta:
        table_name = "register_entry"

    def save(self, *args, **kwargs):
        if self._pk is not None and not kwargs.get("force_insert"):
            raise PermissionError("The in/out register is append-only; add a correction row instead.")
        return super().save(*args, **kwargs)

    def delete_instance(self, *args, **kwargs):
        raise PermissionError("The in/out register is append-only; add a correction row instead.")


class RegisterDayTotal(BaseModel):
    """The register's rows per day and direction that no later row corrects
    (schema v6): the register tab's totals read a few hundred of these
    instead of counting a million rows. Kept by
    :func:`app.domain.counter.register_totals.row_written` in the transaction
    that writes the row (+1 for the row, -1 for the row it corrects, whose
    row lock makes the -1 happen once); rebuilt from the register by
    :func:`app.domain.counter.register_totals.recompute`."""
    day = pw.DateField()
    direction = pw.CharField(max_length=4)
    entries = pw.IntegerField(default=0)

    class Meta:
        table_name = "register_day_total"
        indexes = ((("day", "direction"), True),)


# What the counter's columns take beyond their own definition
# (app.domain.core.limits): free-text maxima and sane ranges of numbers.
declare(Product, warranty_months=Range(0, 240))
declare(Unit, notes=2000)
declare(Agreement, discount_rate=Range(0, 1), terms=4000)
declare(Job, fault=1000, condition=1000, kind_reason=500, diagnosis=4000)
declare(JobPart, quantity=Range("0.01", 10_000), unit_price=Range(0, 1_000_000))
declare(JobLabour, hours=Range("0.01", 24), rate=Range(0, 1_000_000))
declare(Receipt, void_reason=1000)
declare(RegisterEntry, items=20 * 201, note=1000)   # 20 items of 200 and their separators
