"""The one guarded, versioned write and the history rows
(app.domain.core.records), on a small model of the test's own, on every
backend: a conflict writes nothing, a state that moved on is refused, the
history lands in the caller's transaction and rolls back with it."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import peewee as pw
import pytest

from app.domain.core import db as dbmod
from app.domain.core.db import write_transaction
from app.domain.core.errors import ConcurrentChange
from app.domain.core.models import BaseModel, HistoryRow, Versioned, set_clock
from app.domain.core.records import Change, add_history, as_text, changes_of, guarded_delete, guarded_write, history_of


class Thing(Versioned, BaseModel):
    state_field = "status"
    title = pw.CharField(max_length=50, default="")
    status = pw.CharField(max_length=12, default="draft")
    updated_at = pw.DateTimeField(null=True)
    version = pw.IntegerField(default=1)

    class Meta:
        table_name = "test_thing"

    def changed_elsewhere(self, *, deleting: bool = False) -> str:
        return f"{self.title} changed elsewhere" + (" (not deleted)" if deleting else "")


class ThingHistory(HistoryRow):
    thing = pw.ForeignKeyField(Thing, backref="history", on_delete="CASCADE")

    class Meta:
        table_name = "test_thing_history"


Thing.history_model = ThingHistory


class Plain(Versioned, BaseModel):
    """No states, no history."""
    title = pw.CharField(max_length=50, default="")
    version = pw.IntegerField(default=1)

    class Meta:
        table_name = "test_plain"

    def changed_elsewhere(self, *, deleting: bool = False) -> str:
        return "plain changed elsewhere"


@pytest.fixture
def things(any_db, staff):
    db = dbmod.database.obj
    db.create_tables([Thing, ThingHistory, Plain])
    yield staff
    db.drop_tables([ThingHistory, Thing, Plain])


def _history(thing):
    return [(h.what, h.old_value, h.new_value, h.note, h.user_id) for h in history_of(thing)]


def test_write_bumps_stamps_and_records(things):
    user = things["manager"]
    set_clock(dt.datetime(2026, 5, 4, 9, 30))
    try:
        t = Thing.create(title="a")
        with write_transaction():
            t2 = guarded_write(t, user, 1, {"title": "b", "status": "open"}, states=("draft",),
                               changes=[Change("title", "a", "b"), Change("status", "draft", "open")], note="why")
    finally:
        set_clock(None)
    assert (t2.title, t2.status, t2.version, t2.updated_at) == ("b", "open", 2, dt.datetime(2026, 5, 4, 9, 30))
    assert _history(t2) == [("title", "a", "b", "why", user.id), ("status", "draft", "open", "why", user.id)]
    assert {h.at for h in history_of(t2)} == {dt.datetime(2026, 5, 4, 9, 30)}
    assert [h.user.display_name for h in history_of(t2)] == [user.display_name] * 2   # joined


def test_a_conflict_writes_nothing(things):
    t = Thing.create(title="a")
    with write_transaction():
        guarded_write(t, None, 1, {"title": "b"}, changes=[Change("title", "a", "b")])
    with pytest.raises(ConcurrentChange) as e, write_transaction():
        guarded_write(t, things["tech"], 1, {"title": "c"}, changes=[Change("title", "a", "c")])
    assert e.value.message == "a changed elsewhere"            # the model's own message
    got = Thing.get_by_id(t.id)
    assert (got.title, got.version) == ("b", 2)
    assert ThingHistory.select().count() == 1                   # only the first write's row


def test_a_state_that_moved_on_is_refused(things):
    t = Thing.create(title="a", status="open")
    with pytest.raises(ConcurrentChange), write_transaction():
        guarded_write(t, None, 1, {"status": "closed"}, states=("draft",),
                      changes=[Change("status", "draft", "closed")])
    got = Thing.get_by_id(t.id)
    assert (got.status, got.version, ThingHistory.select().count()) == ("open", 1, 0)
    with write_transaction():
        assert guarded_write(t, None, 1, {"status": "closed"}, states="open").status == "closed"
    with pytest.raises(TypeError):                              # a model without states
        guarded_write(Plain.create(), None, 1, states=("x",))


def test_history_rolls_back_with_the_callers_transaction(things):
    t = Thing.create(title="a")
    with pytest.raises(RuntimeError), write_transaction():
        guarded_write(t, None, 1, {"title": "b"}, changes=[Change("title", "a", "b")])
        assert ThingHistory.select().count() == 1              # written in this transaction...
        raise RuntimeError("the caller fails after the write")
    got = Thing.get_by_id(t.id)
    assert (got.title, got.version, ThingHistory.select().count()) == ("a", 1, 0)   # ...and gone with it


def test_version_none_is_the_version_now_under_a_lock(things):
    """Writers without a version read by a person (scripts, demo data) take
    the row's version under a row lock: they queue, they do not refuse each
    other (a person's write still checks the version the person read)."""
    t = Thing.create(title="a")
    with write_transaction():
        t = guarded_write(t, None, None, {"title": "b"})
        t = guarded_write(t, None, None, {"title": "c"})
    assert (t.title, t.version) == ("c", 3)
    stale = Thing.get_by_id(t.id)
    with write_transaction():
        guarded_write(t, None, None, {"title": "d"})
    with write_transaction():
        t = guarded_write(stale, None, None, {"title": "e"})   # read before the other write: still written
    assert (t.title, t.version) == ("e", 5)
    with pytest.raises(ConcurrentChange), write_transaction():
        guarded_write(stale, None, stale.version, {"title": "f"})   # with the version read: refused


def test_no_history_table_and_no_changes(things):
    p = Plain.create(title="a")
    with write_transaction():
        p = guarded_write(p, things["tech"], 1, {"title": "b"}, changes=[Change("title", "a", "b")])
    assert (p.title, p.version) == ("b", 2)                    # changes are not stored: nowhere to
    with pytest.raises(ConcurrentChange) as e, write_transaction():
        guarded_write(p, None, 1)
    assert e.value.message == "plain changed elsewhere"
    with pytest.raises(ValueError):
        guarded_write(p, None, 2, {"version": 7})
    with pytest.raises(TypeError):
        add_history(p, None, "created")


def test_add_history(things):
    t = Thing.create(title="a")
    at = dt.datetime(2025, 1, 2, 3, 4)
    row = add_history(t, things["counter"], "created", new="draft", at=at)
    add_history(t, None, "price", Decimal("12.5"), None, note="n")
    assert (row.at, row.user_id) == (at, things["counter"].id)
    assert _history(t) == [("created", "", "draft", "", things["counter"].id), ("price", "12.50", "", "n", None)]
    assert Thing.get_by_id(t.id).version == 1                  # a history row is not a write of the row


def test_guarded_delete(things):
    t = Thing.create(title="a")
    with write_transaction():
        guarded_write(t, None, 1, {"title": "b"})
    with pytest.raises(ConcurrentChange) as e, write_transaction():
        guarded_delete(t, 1)
    assert e.value.message == "a changed elsewhere (not deleted)"
    assert Thing.select().count() == 1
    with write_transaction():
        guarded_delete(t, 2)
    assert Thing.select().count() == 0


def test_values_as_text():
    assert [as_text(v) for v in (None, True, False, Decimal("3"), dt.date(2026, 3, 1),
                                 dt.datetime(2026, 3, 1, 8, 5), 7, "x")] == [
        "", "1", "0", "3.00", "2026-03-01", "2026-03-01T08:05:00", "7", "x"]
    assert Change.of("credit_limit", None, Decimal("5000")) == Change("credit_limit", "", "5000.00")


def test_changes_of_lists_what_differs(things):
    t = Thing.create(title="a")
    assert changes_of(t, {"title": "a", "status": "open"}) == [Change("status", "draft", "open")]
    assert changes_of(t, {"title": "b", "status": "open"}, names=["title"]) == [Change("title", "a", "b")]
