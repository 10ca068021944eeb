"""The complaints' tables (schema v8): the complaint and its history."""
from __future__ import annotations

import peewee as pw

from app.domain.contacts.models import ContactEntry
from app.domain.core.errors import tx
from app.domain.core.limits import declare
from app.domain.core.models import BaseModel, HistoryRow, User, Versioned, now
from app.domain.counter.models import Job, Unit
from app.domain.customers.models import Customer
from app.domain.field.models import SurveyResponse, Visit


class Complaint(Versioned, BaseModel):
    """用户投诉: one complaint (``TS-2026-000123``), written through
    :func:`app.domain.core.records.guarded_write`; its steps and edits are
    :class:`ComplaintHistory` rows.

    received -> acknowledged (the first contact with the customer) ->
    investigating -> replied -> closed (a manager); a reply the customer
    is not satisfied with, or a closed complaint they come back about, is
    reopened (back to investigating). The deadlines are set from the
    severity when it is received (app.domain.complaints.deadlines) and may
    be moved by a manager; *overdue* is read, not stored: the deadline of
    the step it waits for has passed.
    """
    state_field = "state"
    number = pw.CharField(max_length=32, unique=True)
    received_at = pw.DateTimeField(default=now, index=True)
    received_by = pw.ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    source = pw.CharField(max_length=12)                   # direct | contact | visit | survey
    contact_line = pw.ForeignKeyField(ContactEntry, null=True, backref="complaints", on_delete="RESTRICT")
    visit = pw.ForeignKeyField(Visit, null=True, backref="complaints", on_delete="RESTRICT")
    survey = pw.ForeignKeyField(SurveyResponse, null=True, backref="complaints", on_delete="RESTRICT")
    customer = pw.ForeignKeyField(Customer, backref="complaints", on_delete="RESTRICT")
    contact_person = pw.CharField(max_length=100, default="")
    contact_phone = pw.CharField(max_length=64, default="")
    channel = pw.CharField(max_length=12)                  # phone | letter | email | wechat | walk_in | visit | survey
    about = pw.CharField(max_length=12)                    # product | job | staff | service | delivery | price | other
    unit = pw.ForeignKeyField(Unit, null=True, backref="complaints", on_delete="RESTRICT")
    job = pw.ForeignKeyField(Job, null=True, backref="complaints", on_delete="RESTRICT")
    staff = pw.ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")   # the staff member complained about
    severity = pw.CharField(max_length=8)                  # minor | major | critical
    words = pw.TextField()                                 # the customer's words
    request = pw.TextField(default="")                     # what they ask for
    responsible = pw.ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    contact_due = pw.DateTimeField()
    reply_due = pw.DateTimeField()
    close_due = pw.DateTimeField()
    state = pw.CharField(max_length=16, default="received", index=True)
    acknowledged_at = pw.DateTimeField(null=True)
    investigation = pw.TextField(default="")
    cause = pw.CharField(max_length=16, default="")
    measures = pw.TextField(default="")
    reply = pw.TextField(default="")
    reply_how = pw.CharField(max_length=12, default="")
    replied_at = pw.DateTimeField(null=True)
    satisfaction = pw.CharField(max_length=16, default="")  # satisfied | partly | not_satisfied | no_answer
    satisfaction_note = pw.TextField(default="")
    closing = pw.TextField(default="")                     # the manager's closing remarks
    closed_at = pw.DateTimeField(null=True)
    closed_by = pw.ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    reopened = pw.IntegerField(default=0)
    updated_at = pw.DateTimeField(default=now)
    version = pw.IntegerField(default=1)

    class Meta:
        table_name = "complaint"
        indexes = ((("customer", "received_at"), False), (("responsible", "state"), False))

    def changed_elsewhere(self, *, deleting: bool = False) -> str:
        return tx("Complaint {number} was changed at another station since you opened it. "
                  "Nothing was saved; open it again.", number=self.number)


class ComplaintHistory(HistoryRow):
    """One row per step or edit of a complaint (append-only). Codes of
    ``what``: "created" (new = "received"; note = where it came from);
    "state" (old/new = the states; note = the step's note: what the
    customer was told, why it was reopened, the closing); "responsible",
    "contact_due", "reply_due", "close_due", "severity" (a manager's
    change); "investigation", "cause", "measures", "reply", "satisfaction"
    (old/new = the texts)."""
    complaint = pw.ForeignKeyField(Complaint, backref="history", on_delete="CASCADE")

    class Meta:
        table_name = "complaint_history"


Complaint.history_model = ComplaintHistory


# What the texts may hold (app.domain.core.limits: the services and the forms read it).
declare(Complaint, words=4000, request=2000, investigation=4000, measures=4000, reply=4000,
        satisfaction_note=2000, closing=2000)
