"""Running one user action against a database that may drop the connection,
deadlock, or lose the answer to a COMMIT.

Every action the UI (app.ui.base.ops) or the command line runs goes through
:func:`run`:

1. Before it starts, a connection that sat idle is checked and a dead one
   replaced (app.domain.core.db.ensure_connection): a counter PC left on
   overnight, a server restarted at lunch, never a restart of csdesk.
2. A dropped connection before COMMIT means the server rolled the whole
   transaction back: the action runs once more on a new connection by
   itself. A deadlock (another station held a row this one needed, and
   the server chose this transaction to undo) runs again, a few times,
   after a short random pause. Only then is the clerk told, and never as a
   network problem; a lock that waited past its timeout is told at once.
3. Each action carries a key its station made (``key``). The action's
   transaction writes the key into ``csdesk_operation`` just before its
   COMMIT (:func:`_record`, a hook of write_transaction), together with the
   row it made or changed first (:func:`result`). When the connection
   breaks while COMMIT is on its way, the runner reconnects and looks the key
   up: found, the action was saved, and the runner returns what it saved
   (the service's ``replay``, or that row read again) so the counter goes on
   (prints the receipt); not found, nothing was saved and the action runs
   again. A second run of an action that did commit finds its own key at
   COMMIT time and rolls back: a retry can never save twice.

Services know nothing of this but :func:`result` (the row a create made)
and, where the caller needs more than that row, :func:`replayable`.
"""
from __future__ import annotations

import contextvars
import datetime as dt
import logging
import random
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

import peewee as pw

from app.domain.core import changes, db, faults, permissions
from app.domain.core import models as models_module
from app.domain.core.errors import CommitOutcomeUnknown, ConnectionLost, DatabaseUnavailable, Deadlock, tx
from app.domain.core.models import BaseModel, Operation, User, now

log = logging.getLogger("csdesk.operations")

#: How often a deadlocked action runs before the clerk is told.
BUSY_ATTEMPTS = 4
#: How long csdesk keeps trying to reach the server to learn a lost COMMIT's outcome (s).
RESOLVE_WINDOW_S = 20.0
#: Operation keys older than this are pruned (bootstrap).
KEEP_DAYS = 7


@dataclass
class _Running:
    key: str | None
    name: str
    user_id: int | None = None
    row_table: str = ""
    row_id: int | None = None
    recorded: bool = False
    touched: set = field(default_factory=set)   # (book, record id) for the change feed


_current: contextvars.ContextVar[_Running | None] = contextvars.ContextVar("csdesk_operation", default=None)


class _AlreadySaved(Exception):
    """The action's key is in csdesk_operation already: it committed before."""

    def __init__(self, op: Operation):
        super().__init__(op.key)
        self.op = op


def new_key() -> str:
    """A key for one user action, made by the station (unique in the database)."""
    return uuid.uuid4().hex


def result(row: pw.Model) -> pw.Model:
    """Name ``row`` as what the running action made or changed (the first
    call names the action's result, which a lost COMMIT's replay returns);
    returns ``row``."""
    running = _current.get()
    if running is not None and row is not None:
        if running.row_id is None:
            running.row_table, running.row_id = row._meta.table_name, row.get_id()
        touched(row)
    return row


def touched(row: pw.Model) -> None:
    """Tell the other stations the running action changed ``row``
    (app.domain.core.changes): every row saved through a model, and every
    guarded write, pass here."""
    running = _current.get()
    if running is not None:
        told = changes.feed_of(row)
        if told is not None:
            running.touched.add(told)


models_module.on_save.append(touched)


def replayable(replay: Callable[[Operation], object]):
    """Decorator: ``replay(op)`` rebuilds what the service returns from the
    recorded operation, for an action whose COMMIT was lost but went through."""
    def mark(fn):
        fn.replay = replay
        return fn
    return mark


def _record(database: pw.Database) -> None:
    """write_transaction's hook, just before COMMIT: what the action changed
    (the change feed), and the action's key."""
    running = _current.get()
    if running is None:
        return
    touched, running.touched = running.touched, set()
    changes.write(database, touched, running.user_id)
    if running.key is None or running.recorded:
        return
    try:
        with database.atomic():   # a savepoint: a duplicate key must not spoil the transaction before we raise
            Operation.insert(key=running.key, at=now(), user=running.user_id, name=running.name[:80],
                             row_table=running.row_table, row_id=running.row_id).execute()
    except pw.IntegrityError:
        existing = Operation.get_or_none(Operation.key == running.key)
        if existing is None:
            raise
        raise _AlreadySaved(existing) from None
    running.recorded = True


db.before_commit.append(_record)


def _model_for(table: str) -> type[BaseModel] | None:
    stack = list(BaseModel.__subclasses__())
    while stack:
        cls = stack.pop()
        stack += cls.__subclasses__()
        if cls._meta.table_name == table:
            return cls
    return None


def _replay(fn, op: Operation):
    replay = getattr(fn, "replay", None)
    if replay is not None:
        return replay(op)
    model = _model_for(op.row_table) if op.row_table else None
    return model.get_by_id(op.row_id) if model is not None and op.row_id is not None else None


def _name(fn) -> str:
    module = getattr(fn, "__module__", "") or ""
    return f"{module.removeprefix('app.domain.')}.{getattr(fn, '__qualname__', getattr(fn, '__name__', 'action'))}"


def _user_of(args, kwargs) -> int | None:
    actor = _actor(args, kwargs)
    return actor.id if actor is not None else None


def _actor(args, kwargs) -> User | None:
    """The user who acts: the first User among the arguments (every
    service takes its actor before any other user it names)."""
    for value in (*args, *kwargs.values()):
        if isinstance(value, User):
            return value
    return None


def _check_actor(fn, args, kwargs) -> None:
    """Whoever acts must be allowed to act now, read from the database: a
    disabled account does nothing, and a temporary password must be
    replaced before anything else (whatever the service checks itself)."""
    actor = _actor(args, kwargs)
    if actor is None:
        return
    row = permissions.current(actor)
    if getattr(fn, "open_to_temporary_password", False) and row is not None and row.active:
        return
    permissions.check_may_act(row)


def run(fn: Callable, *args, key: str | None = None, **kwargs):
    """Run ``fn(*args, **kwargs)`` as one user action (see the module's
    docstring); ``key`` (:func:`new_key`) lets a lost COMMIT be resolved.
    Raises the domain's errors; DatabaseUnavailable only once the server
    could not be reached again."""
    connection_retried = False
    busy = 0
    while True:
        db.ensure_connection()
        token = _current.set(_Running(key, _name(fn), _user_of(args, kwargs)))
        try:
            with permissions.rights_scope():   # each user's row read once, at this attempt
                _check_actor(fn, args, kwargs)
                value = fn(*args, **kwargs)
            db.touch()
            return value
        except _AlreadySaved as saved:
            return _replay(fn, saved.op)
        except ConnectionLost:
            if connection_retried:
                raise
            connection_retried = True
            log.warning("connection lost before COMMIT in %s; running it again", _name(fn))
        except CommitOutcomeUnknown:
            op = _look_up(key)
            if op is not None:
                log.warning("COMMIT of %s was lost but went through (key %s)", _name(fn), key)
                return _replay(fn, op)
            if connection_retried:
                raise ConnectionLost(tx("The connection to the database was lost; nothing was saved. "
                                        "csdesk reconnects by itself: try again in a moment.")) from None
            connection_retried = True
            log.warning("COMMIT of %s was lost and did not go through; running it again", _name(fn))
        except Deadlock:
            busy += 1
            if busy >= BUSY_ATTEMPTS:
                raise
            time.sleep(random.uniform(0.02, 0.1) * busy)
        except (pw.OperationalError, pw.InterfaceError) as exc:   # a read outside any transaction
            error = faults.translate(exc)
            if error is None:
                raise
            if isinstance(error, ConnectionLost) and not connection_retried:
                db.dispose()
                connection_retried = True
                continue
            if isinstance(error, Deadlock) and busy + 1 < BUSY_ATTEMPTS:
                busy += 1
                time.sleep(random.uniform(0.02, 0.1) * busy)
                continue
            raise error from exc
        finally:
            _current.reset(token)


def _look_up(key: str | None) -> Operation | None:
    """The recorded operation of ``key`` once the server answers again; None
    if it is not there. Raises CommitOutcomeUnknown when the server stays
    out of reach (the clerk must look before saving again)."""
    if key is None:
        raise CommitOutcomeUnknown(tx("The connection to the database broke while the change was being saved, "
                                      "and csdesk cannot tell whether it was saved. Look it up before saving "
                                      "it again."))
    deadline = time.monotonic() + RESOLVE_WINDOW_S
    while True:
        try:
            db.reconnect()
            return Operation.get_or_none(Operation.key == key)
        except (DatabaseUnavailable, pw.OperationalError, pw.InterfaceError):
            if time.monotonic() > deadline:
                raise CommitOutcomeUnknown(tx(
                    "The connection to the database broke while the change was being saved, and the server "
                    "cannot be reached to tell whether it was saved. Look it up before saving it again.")) from None
            time.sleep(0.5)


def prune(days: int = KEEP_DAYS) -> int:
    """Forget operation keys older than ``days`` (they only matter for minutes)."""
    return Operation.delete().where(Operation.at < now() - dt.timedelta(days=days)).execute()
