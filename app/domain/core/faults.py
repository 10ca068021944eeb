"""What a database driver's error means for the counter, on every backend.

peewee wraps the driver's exception (psycopg2, PyMySQL, sqlite3) in its own
classes, which lump a dropped connection, a deadlock and a full disk
together as ``OperationalError``; the clerk needs to be told different
things, and the runner does different things:

* ``connection``: the server went away (restart, killed connection, idle
  timeout, network). Before COMMIT nothing was saved and the operation can
  run again on a new connection; during COMMIT the outcome is unknown.
* ``deadlock``: two transactions each held what the other needed (MariaDB
  1213, PostgreSQL 40P01) or a serialization failure (40001): the server
  rolled this one back at once; running it again is safe and usually works.
* ``busy``: a lock waited for past its timeout (MariaDB 1205, PostgreSQL
  55P03, SQLite's write lock held by another program longer than the busy
  timeout): rolled back too, but the wait already happened, so the clerk is
  told rather than kept waiting again.
* ``disk_full`` and ``read_only``: a message, no retry.

:func:`classify` looks at the whole chain of an exception (peewee's
rollback after a broken connection raises its own error, whose context is
the first one).
"""
from __future__ import annotations

import peewee as pw

from app.domain.core.errors import (CommitOutcomeUnknown, ConnectionLost, DatabaseBusy, Deadlock, DiskFull,
                                    ReadOnlyDatabase, tx)

#: PostgreSQL SQLSTATE classes and codes.
_PG_CONNECTION = ("08", "57P01", "57P02", "57P03")      # connection exception, admin/crash shutdown
_PG_DEADLOCK = ("40P01", "40001")                       # deadlock, serialization failure
_PG_BUSY = ("55P03",)                                   # lock not available
_PG_DISK_FULL = ("53100",)
_PG_READ_ONLY = ("25006",)
#: MariaDB / MySQL error numbers.
_MY_CONNECTION = {2002, 2003, 2006, 2013, 2014, 2055, 1927, 4031, 1053}
_MY_DEADLOCK = {1213}
_MY_BUSY = {1205}
_MY_DISK_FULL = {1021, 1114, 3}
_MY_READ_ONLY = {1290, 1836}
#: Driver messages that mean the connection is gone (psycopg2 often has no SQLSTATE then).
_CONNECTION_TEXT = ("server closed the connection", "connection already closed", "terminating connection",
                    "could not connect", "connection refused", "no connection to the server",
                    "the connection is closed", "lost connection", "server has gone away",
                    "connection reset", "broken pipe", "connection timed out", "ssl syscall error",
                    "could not receive data", "could not send data", "eof detected")


def _chain(exc: BaseException):
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        # peewee wraps the driver's exception: its first argument is the original.
        if exc.args and isinstance(exc.args[0], BaseException) and id(exc.args[0]) not in seen:
            yield exc.args[0]
        exc = exc.__cause__ or exc.__context__


def _kind_of(exc: BaseException) -> str | None:
    code = getattr(exc, "pgcode", None)
    if isinstance(code, str):
        if code.startswith(_PG_CONNECTION[0]) or code in _PG_CONNECTION:
            return "connection"
        if code in _PG_DEADLOCK:
            return "deadlock"
        if code in _PG_BUSY:
            return "busy"
        if code in _PG_DISK_FULL:
            return "disk_full"
        if code in _PG_READ_ONLY:
            return "read_only"
    module = type(exc).__module__ or ""
    if module.startswith("pymysql") and exc.args and isinstance(exc.args[0], int):
        number = exc.args[0]
        if number in _MY_CONNECTION or (number == 0 and type(exc).__name__ == "InterfaceError"):
            return "connection"
        if number in _MY_DEADLOCK:
            return "deadlock"
        if number in _MY_BUSY:
            return "busy"
        if number in _MY_DISK_FULL:
            return "disk_full"
        if number in _MY_READ_ONLY:
            return "read_only"
    text = str(exc).lower()
    if module.startswith("sqlite3") or module == "_sqlite3":
        if "locked" in text or "busy" in text:
            return "busy"
        if "disk is full" in text or "database or disk is full" in text:
            return "disk_full"
        if "readonly" in text or "read-only" in text:
            return "read_only"
        return None
    if module.startswith("psycopg2") and type(exc).__name__ in ("InterfaceError",):
        return "connection"
    if any(t in text for t in _CONNECTION_TEXT):
        return "connection"
    return None


def _is_driver_error(exc: BaseException) -> bool:
    module = type(exc).__module__ or ""
    return module.startswith(("psycopg2", "pymysql", "sqlite3", "_sqlite3"))


def classify(exc: BaseException) -> str | None:
    """"connection", "deadlock", "busy", "disk_full", "read_only" or None (not a fault
    of the database: a bug, a constraint, a validation error...)."""
    if not any(isinstance(e, (pw.DatabaseError, pw.InterfaceError)) or _is_driver_error(e) for e in _chain(exc)):
        return None
    kinds = [k for k in (_kind_of(e) for e in _chain(exc)) if k]
    return kinds[0] if kinds else None


def translate(exc: BaseException, *, committing: bool = False) -> Exception | None:
    """The domain's error for a database fault (None: not one). ``committing``:
    the transaction's work was done and COMMIT was under way."""
    kind = classify(exc)
    if kind == "connection":
        if committing:
            return CommitOutcomeUnknown(tx("The connection to the database broke while the change was being "
                                           "saved; csdesk is checking whether it was saved."))
        return ConnectionLost(tx("The connection to the database was lost; nothing was saved. "
                                 "csdesk reconnects by itself: try again in a moment."))
    if kind == "deadlock":
        return Deadlock(tx("The database was busy with another station's change; nothing was saved. "
                           "Try again."))
    if kind == "busy":
        return DatabaseBusy(tx("The database stayed locked by another station or program too long; nothing was "
                               "saved. Try again when it is free."))
    if kind == "disk_full":
        return DiskFull(tx("The database's disk is full; nothing was saved. Free some space "
                           "(or ask the administrator) and try again."))
    if kind == "read_only":
        return ReadOnlyDatabase(tx("The database can only be read here (a read-only file or server); "
                                   "nothing was saved."))
    return None
