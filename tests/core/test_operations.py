"""The operation runner's rules, with the failures made to order: a
deadlock runs again a few times, a connection lost before COMMIT runs again
once, a lost COMMIT is looked up by its key, a key never saves twice, and a
database fault is never a bare driver error."""
from __future__ import annotations

import pytest

from app.domain.core import db as dbmod
from app.domain.core import operations
from app.domain.core.errors import CommitOutcomeUnknown, ConnectionLost, DatabaseBusy, Deadlock, ValidationError, tx
from app.domain.core.models import Operation
from app.domain.customers import customers
from app.domain.customers.models import Customer


def failing(times: int, error, then=lambda: "done"):
    calls = []

    def fn():
        calls.append(1)
        if len(calls) <= times:
            raise error
        return then()
    fn.calls = calls
    return fn


def test_a_deadlock_runs_again_then_gives_up(db, monkeypatch):
    monkeypatch.setattr(operations.time, "sleep", lambda s: None)
    fn = failing(2, Deadlock(tx("busy")))
    assert operations.run(fn) == "done" and len(fn.calls) == 3
    fn = failing(99, Deadlock(tx("busy")))
    with pytest.raises(DatabaseBusy):
        operations.run(fn)
    assert len(fn.calls) == operations.BUSY_ATTEMPTS


def test_a_lock_timeout_is_told_at_once(db):
    fn = failing(99, DatabaseBusy(tx("locked")))
    with pytest.raises(DatabaseBusy):
        operations.run(fn)
    assert len(fn.calls) == 1


def test_a_connection_lost_before_commit_runs_again_once(db):
    fn = failing(1, ConnectionLost(tx("lost")))
    assert operations.run(fn) == "done" and len(fn.calls) == 2
    fn = failing(2, ConnectionLost(tx("lost")))
    with pytest.raises(ConnectionLost):
        operations.run(fn)


def test_a_lost_commit_is_looked_up_by_its_key(db, monkeypatch):
    """Found: what was saved is returned (nothing runs again). Not found: it
    runs again, once."""
    monkeypatch.setattr(dbmod, "reconnect", lambda: None)
    key = operations.new_key()
    c = customers.create_customer("北京海淀华信电子有限公司", "010-62888899", "dealer", "", user=None)
    Operation.create(key=key, name="test", row_table="customer", row_id=c.id)
    fn = failing(1, CommitOutcomeUnknown(tx("lost")))
    assert operations.run(fn, key=key).id == c.id and len(fn.calls) == 1
    fn = failing(1, CommitOutcomeUnknown(tx("lost")))
    assert operations.run(fn, key=operations.new_key()) == "done" and len(fn.calls) == 2
    with pytest.raises(CommitOutcomeUnknown):        # without a key nobody can tell
        operations.run(failing(1, CommitOutcomeUnknown(tx("lost"))))


def test_the_same_key_saves_once_and_returns_what_it_saved(db):
    key = operations.new_key()
    first = operations.run(customers.create_customer, "上海浦东新永安数码商行", "021-58889999", "dealer", "",
                           user=None, key=key)
    again = operations.run(customers.create_customer, "上海浦东新永安数码商行", "021-58889999", "dealer", "",
                           user=None, key=key)
    assert again.id == first.id and Customer.select().count() == 1
    op = Operation.get_by_id(key)
    assert (op.row_table, op.row_id, op.name) == ("customer", first.id, "customers.customers.create_customer")


def test_a_refused_action_leaves_no_key(db):
    key = operations.new_key()
    with pytest.raises(ValidationError):
        operations.run(customers.create_customer, "", "", "dealer", "", user=None, key=key)
    assert not Operation.select().where(Operation.key == key).exists()


def test_old_keys_are_pruned(db):
    import datetime as dt

    from app.domain.core.models import now

    Operation.create(key="old", at=now() - dt.timedelta(days=operations.KEEP_DAYS + 1))
    Operation.create(key="new")
    assert operations.prune() == 1 and [o.key for o in Operation.select()] == ["new"]
