"""The contact register's table (schema v8)."""
from __future__ import annotations

import peewee as pw

from app.domain.core.errors import AppendOnly
from app.domain.core.limits import declare
from app.domain.core.models import BaseModel, User, now
from app.domain.counter.models import Job, Unit
from app.domain.customers.models import Customer
from app.domain.field.models import Visit


class ContactEntry(BaseModel):
    """客服登记本: one line per call, letter, e-mail, WeChat message or
    walk-in enquiry (``DH-2026-000123``). Append-only: a mistake is
    corrected by a new line pointing at the line it corrects
    (``corrects``); a line written in error is voided by a correction with
    ``voided``. A follow-up is done by a later line that ``follows_up`` it.

    The caller's name and the customer's name are copied when the line is
    written, so the book reads as it was written; an unknown caller has
    only a number (``caller_phone``) and no ``customer`` until a correction
    links one.
    """
    number = pw.CharField(max_length=32, unique=True)
    at = pw.DateTimeField(default=now, index=True)
    direction = pw.CharField(max_length=4)                 # in | out
    channel = pw.CharField(max_length=12)                  # phone | letter | email | wechat | walk_in
    customer = pw.ForeignKeyField(Customer, null=True, backref="contact_lines", on_delete="RESTRICT")
    customer_name = pw.CharField(max_length=200, default="")
    caller_name = pw.CharField(max_length=100, default="")
    caller_phone = pw.CharField(max_length=64, default="", index=True)
    kind = pw.CharField(max_length=12, index=True)         # enquiry | guidance | repair | application | ...
    matter = pw.TextField()
    answer = pw.TextField(default="")
    job = pw.ForeignKeyField(Job, null=True, backref="contact_lines", on_delete="RESTRICT")
    unit = pw.ForeignKeyField(Unit, null=True, backref="contact_lines", on_delete="RESTRICT")
    visit = pw.ForeignKeyField(Visit, null=True, backref="contact_lines", on_delete="RESTRICT")
    user = pw.ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")      # who took it
    follow_up_by = pw.ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    follow_up_due = pw.DateField(null=True, index=True)
    follows_up = pw.ForeignKeyField("self", null=True, backref="follow_ups", on_delete="RESTRICT")
    voided = pw.BooleanField(default=False)
    note = pw.TextField(default="")                        # a correction's reason
    corrects = pw.ForeignKeyField("self", null=True, backref="corrections", on_delete="RESTRICT")

    class Meta:
        table_name = "contact_entry"
        indexes = ((("customer", "at"), False), (("follow_up_by", "follow_up_due"), False))

    def save(self, *args, **kwargs):
        if self._pk is not None and not kwargs.get("force_insert"):
            raise AppendOnly("The contact register is append-only; add a correction line instead.")
        return super().save(*args, **kwargs)

    def delete_instance(self, *args, **kwargs):
        raise AppendOnly("The contact register is append-only; add a correction line instead.")


# What the texts may hold (app.domain.core.limits: the services and the forms read it).
declare(ContactEntry, matter=2000, answer=2000, note=500)
