"""One guarded, versioned write and one history row for every book.

Rows that several stations edit (a job, a gift request, a visit plan, a
visit, an activity, a survey response, a customer's archive) carry a
``version``. Every change of such a row goes through :func:`guarded_write`,
in the caller's :func:`app.domain.core.db.write_transaction`::

    with write_transaction():
        job = guarded_write(job, user, version, {"state": "repairing"}, states=("diagnosing",),
                            changes=[Change("state", "diagnosing", "repairing")], note=note)

It runs one ``UPDATE ... SET version = version + 1, ... WHERE id = ? AND
version = ? [AND <state> IN (...)]``. When no row matches, another station
wrote first (or the row left the states the change starts from): it raises
ConcurrentChange with the model's own message and writes nothing. Otherwise
it adds one history row per :class:`Change` (who, when, what, old value, new
value, note) in the same transaction, so a change and its record commit or
roll back together, and returns the row read again.

Why one helper: the rules — check the version read, check the state, bump
the version, stamp ``updated_at``, record who changed what from what to
what — were written out again in every book, each with its own argument
order (``bump(job, version, **fields)``, ``_step(g, version, sources,
**values)``, ``_move(p, version, from_status, **values)``...), and a book
that forgot the history row kept none. Stoq's work orders do it this way:
every write goes through one private helper that also adds a history row
with what, the old value, the new value and a note. Here the helper is
shared, its arguments come in one order for every book — (row, user,
version) — and every history table has one shape (:class:`HistoryRow`), so
one screen can show any of them.

A model declares what the helper needs by deriving from
:class:`app.domain.core.models.Versioned`: its ``state_field``, its
``history_model`` and :meth:`~app.domain.core.models.Versioned.changed_elsewhere`,
the message shown when another station wrote first. Values are stored as
text (:func:`as_text`). A row created rather than updated gets its first
history row from :func:`add_history`; a versioned delete is
:func:`guarded_delete`.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

import peewee as pw

from app.domain.core import operations
from app.domain.core.db import lock
from app.domain.core.errors import ConcurrentChange
from app.domain.core.models import HistoryRow, User, now

__all__ = ["Change", "as_text", "changes_of", "guarded_write", "guarded_delete", "add_history", "history_of"]


def as_text(value) -> str:
    """A value as the histories and the exports write it: "" for None,
    "1"/"0" for booleans, two decimals for money, ISO dates."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


@dataclass(frozen=True)
class Change:
    """One thing that changed or happened: a code (``what``, documented on
    each history model) and the old and new values as text."""
    what: str
    old: str = ""
    new: str = ""

    @classmethod
    def of(cls, what: str, old=None, new=None) -> Change:
        """A change whose values are turned into text by :func:`as_text`."""
        return cls(what, as_text(old), as_text(new))


def changes_of(row: pw.Model, values: Mapping[str, object], names: Iterable[str] | None = None) -> list[Change]:
    """One :class:`Change` per field of ``values`` (or of ``names``) whose
    text differs from the row's, named by the field (``what`` = the name)."""
    out = []
    for name in (names if names is not None else values):
        old, new = as_text(getattr(row, name)), as_text(values[name])
        if old != new:
            out.append(Change(name, old, new))
    return out


def _history_key(history: type[HistoryRow], model: type[pw.Model]) -> pw.ForeignKeyField:
    """The foreign key of ``history`` that points to ``model``."""
    keys = [f for f in history._meta.sorted_fields
            if isinstance(f, pw.ForeignKeyField) and f.rel_model is model]
    if len(keys) != 1:
        raise TypeError(f"{history.__name__} needs exactly one foreign key to {model.__name__}")
    return keys[0]


def _history_rows(row: pw.Model, user: User | None, changes: Iterable[Change], note: str,
                  at: dt.datetime | None = None) -> int:
    history = type(row).history_model
    changes = list(changes)
    if history is None or not changes:
        return 0
    key = _history_key(history, type(row))
    at = at or now()
    user_id = user.id if isinstance(user, pw.Model) else user
    history.insert_many([{key.name: row.id, "at": at, "user": user_id, "what": c.what, "old_value": c.old,
                          "new_value": c.new, "note": note or ""} for c in changes]).execute()
    return len(changes)


def guarded_write(row: pw.Model, user: User | None, version: int | None, values: Mapping | None = None, *,
                  states: Iterable[str] | str | None = None, changes: Iterable[Change] = (),
                  note: str = "") -> pw.Model:
    """Write ``values`` (field name -> value) to ``row`` if it is still at
    ``version`` (and, with ``states``, in one of them); record ``changes``.

    ``version`` is the one the caller read; None (scripts, demo data) means
    the row's version now, under a row lock taken first. The version
    goes up by one; a model with an ``updated_at`` field has it stamped
    unless ``values`` sets it. When no row matches, ConcurrentChange is
    raised with ``row.changed_elsewhere()`` and nothing is written (raise
    it inside the caller's transaction, which rolls back what the caller
    wrote before). Otherwise each :class:`Change` becomes one row of the
    model's history table (``user``, now, ``what``, old, new, ``note``), if
    it keeps one. Must run inside the caller's ``write_transaction()``;
    returns the row read again.
    """
    model = type(row)
    values = dict(values or {})
    if "version" in values:
        raise ValueError("guarded_write sets the version itself")
    if "updated_at" in model._meta.fields and "updated_at" not in values:
        values["updated_at"] = now()
    if version is None:
        # No version read by a person (scripts, demo data, a technician's
        # batch): lock the row and take the version it has now, so writers
        # without a version queue on the row instead of refusing each other.
        lock(model, row.get_id())
        expected = model.select(model.version).where(model._meta.primary_key == row.get_id()).scalar()
    else:
        expected = version
    cond = (model._meta.primary_key == row.get_id()) & (model.version == expected)
    if states is not None:
        if model.state_field is None:
            raise TypeError(f"{model.__name__} declares no state_field")
        states = (states,) if isinstance(states, str) else tuple(states)
        cond &= getattr(model, model.state_field).in_(states)
    if model.update(version=model.version + 1, **values).where(cond).execute() != 1:
        raise ConcurrentChange(row.changed_elsewhere())
    operations.result(row)
    _history_rows(row, user, changes, note)
    return model.get_by_id(row.get_id())


def guarded_delete(row: pw.Model, version: int | None) -> None:
    """Delete ``row`` if it is still at ``version`` (None: as read in this
    transaction); otherwise raise ConcurrentChange with
    ``row.changed_elsewhere(deleting=True)``. Inside the caller's
    transaction, like :func:`guarded_write`."""
    model = type(row)
    expected = row.version if version is None else version
    if model.delete().where((model._meta.primary_key == row.get_id()) & (model.version == expected)).execute() != 1:
        raise ConcurrentChange(row.changed_elsewhere(deleting=True))


def add_history(row: pw.Model, user: User | None, what: str, old: str = "", new: str = "", note: str = "", *,
                at: dt.datetime | None = None) -> HistoryRow:
    """One history row for ``row`` written outside a guarded update: the
    "created" row of a new job, gift request or plan, or a fact known only
    after the guarded write (the new receipt's number). ``at`` back-dates it
    (imports, demo data); returns the row."""
    history = type(row).history_model
    if history is None:
        raise TypeError(f"{type(row).__name__} keeps no history")
    key = _history_key(history, type(row))
    return history.create(**{key.name: row.get_id()}, at=at or now(), user=user, what=what, old_value=as_text(old),
                          new_value=as_text(new), note=note or "")


def history_of(row: pw.Model) -> pw.ModelSelect:
    """The row's history, oldest first (``at``, then the order written), with
    ``user`` joined."""
    history = type(row).history_model
    if history is None:
        raise TypeError(f"{type(row).__name__} keeps no history")
    key = _history_key(history, type(row))
    return (history.select(history, User).join(User, pw.JOIN.LEFT_OUTER, on=(history.user == User.id))
            .where(key == row.get_id()).order_by(history.at, history.id))
