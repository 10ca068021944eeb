"""The tables every book shares: the database's own facts, shared settings,
the staff who sign in, the document number series; and the base every
book's model derives from.

Money is ``DecimalField(12, 2)``; quantities and hours ``DecimalField(10, 2)``.
Timestamps are naive local time, as a service counter reads them. Rows that
other stations may edit concurrently carry a ``version`` for optimistic
locking (:func:`app.domain.core.records.guarded_write`): such a model
derives from :class:`Versioned` too, and its history table, if it keeps
one, from :class:`HistoryRow`. Every table names itself
(``Meta.table_name``), so moving a class never renames its table;
:mod:`app.domain.schema` lists every book's tables in order.
"""
from __future__ import annotations

import datetime as dt
from typing import ClassVar

import peewee as pw

from app.domain.core.db import database

_clock: dt.datetime | None = None


def now() -> dt.datetime:
    """The time rows are stamped with (seconds). Demo data sets a clock."""
    return _clock if _clock is not None else dt.datetime.now().replace(microsecond=0)


def set_clock(at: dt.datetime | None) -> None:
    """Stamp new rows with ``at`` (None: the real time). For demo data only."""
    global _clock
    _clock = at


#: Called with each row saved through a model (a create or a save): the
#: change feed's record of what an action touched (app.domain.core.operations
#: registers itself; core's models import nothing above them).
on_save: list = []


class BaseModel(pw.Model):
    class Meta:
        database = database
        legacy_table_names = False

    def save(self, *args, **kwargs):
        saved = super().save(*args, **kwargs)
        for hook in on_save:
            hook(self)
        return saved


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

    class Meta:
        table_name = "setting"


class User(BaseModel):
    """A member of staff, who signs in (app.domain.core.auth)."""
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

    class Meta:
        table_name = "user"

    def __str__(self) -> str:
        return self.display_name


class DocumentSeries(BaseModel):
    """The last number issued for one document kind in one year."""
    kind = pw.CharField(max_length=8)
    year = pw.IntegerField()
    last_number = pw.IntegerField(default=0)

    class Meta:
        table_name = "document_series"
        indexes = ((("kind", "year"), True),)


class Operation(BaseModel):
    """One user action that wrote, by the key its station made for it
    (app.domain.core.operations): written in the action's own transaction,
    so finding the key tells whether a COMMIT whose answer was lost went
    through, and a second run of the same action can never save it twice.
    ``row_table``/``row_id`` name what it made or changed first. Kept a
    week (bootstrap prunes older rows)."""
    key = pw.CharField(max_length=36, primary_key=True)
    at = pw.DateTimeField(default=now, index=True)
    user = pw.ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    name = pw.CharField(max_length=80, default="")          # the service, e.g. "counter.intake.take_in"
    row_table = pw.CharField(max_length=64, default="")
    row_id = pw.IntegerField(null=True)

    class Meta:
        table_name = "csdesk_operation"


class ChangeFeed(BaseModel):
    """What changed, for the other stations (app.domain.core.changes): one
    row per book and record an action changed (a job by its id, a customer
    by its id, field service as a whole), written in the action's own
    transaction, numbered in commit order by the database. Stations read
    the rows after the last id they saw (PostgreSQL wakes them with NOTIFY;
    MariaDB and SQLite are polled, one indexed query a second). ``station``
    lets a station skip its own changes. Kept two days."""
    id = pw.AutoField()
    at = pw.DateTimeField(default=now)
    station = pw.CharField(max_length=32, default="")
    user = pw.ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    book = pw.CharField(max_length=16)
    row_id = pw.IntegerField(null=True)

    class Meta:
        table_name = "csdesk_change"


class HistoryRow(BaseModel):
    """The shape of every book's history row (no table of its own): who
    (``user``), when (``at``), ``what`` changed or happened (a code the
    book documents on its history model), the ``old_value`` and
    ``new_value`` as text (:func:`app.domain.core.records.as_text`) and a
    ``note`` (a reason, a decision note). Append-only. A book's history
    model derives from it, adds its foreign key to the row it describes and
    names its table; :func:`app.domain.core.records.guarded_write` writes
    it."""
    at = pw.DateTimeField(default=now)
    user = pw.ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    what = pw.CharField(max_length=32)
    old_value = pw.TextField(default="")
    new_value = pw.TextField(default="")
    note = pw.TextField(default="")


class Versioned:
    """What :func:`app.domain.core.records.guarded_write` needs of a model
    whose rows carry a ``version`` (mix it in before ``BaseModel``):

    * ``state_field``: the column a state machine keeps (``"state"``,
      ``"status"``), checked when the write names the states it starts
      from; None when the row has no states.
    * ``history_model``: its :class:`HistoryRow` table, set once after both
      are defined (``Job.history_model = JobHistory``); None keeps no
      history. The history's foreign key to the row is found by
      introspection (the one that points to this model).
    * :meth:`changed_elsewhere`: the message of the ConcurrentChange raised
      when another station wrote the row first.
    """
    state_field: ClassVar[str | None] = None
    history_model: ClassVar[type[HistoryRow] | None] = None

    def changed_elsewhere(self, *, deleting: bool = False) -> str:
        """The user-facing message (a :func:`app.domain.core.errors.tx` text)
        when the row was changed at another station; ``deleting`` when the
        refused write was a delete."""
        raise NotImplementedError(f"{type(self).__name__} must say how a concurrent change is reported")
