"""Open a database for the application: connect, migrate, number series.

A new database has no users: the application asks for its administrator
at the first start (app.domain.core.auth.create_first_admin)."""
from __future__ import annotations

from dataclasses import dataclass

from app.domain import schema
from app.domain.core import changes, db, faults, numbering, operations
from app.domain.core.errors import DiskFull, ReadOnlyDatabase, tx
from app.domain.core.models import Meta, User, now
from app.domain.counter import indexes as counter_indexes

#: The csdesk_meta key that marks a database filled with demo data
#: (app.demo): only there may ``csdesk --demo`` sign in without asking.
DEMO_KEY = "demo_database"


@dataclass
class OpenedDatabase:
    url: str
    backend: str
    applied: list[int]


def open_database(url: str, *, backup: bool = True) -> OpenedDatabase:
    """Connect to ``url`` and bring its schema up to date.

    Raises the domain's readable errors (DatabaseUnavailable,
    NotACsdeskDatabase, SchemaTooNew) and never leaves a half-open proxy.
    """
    url = db.normalise_url(url)
    db.close()
    database = db.connect(url)
    try:
        applied = schema.migrate(database, backup=backup)
        year = now().year
        numbering.ensure_series([year, year + 1])
        operations.prune()
        changes.prune()
        if 5 not in applied:     # a shop that closed the duplicate open jobs gets the index now
            counter_indexes.one_open_job_per_unit(database)
    except Exception as exc:
        db.dispose()
        error = faults.translate(exc) or _os_error(exc)
        if error is not None:
            raise error from exc
        raise
    return OpenedDatabase(url=url, backend=db.backend_of(url), applied=applied)


def _os_error(exc: BaseException):
    """A file error while opening (the copy made before a migration) as the domain's error."""
    import errno

    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return DiskFull(tx("The disk is full: csdesk could not copy the database aside before updating it. "
                           "Nothing was changed. Free some space and start again."))
    if isinstance(exc, PermissionError):
        return ReadOnlyDatabase(tx("csdesk may not write beside the database file ({detail}). Nothing was "
                                   "changed.", detail=str(exc)))
    return None


def mark_demo() -> None:
    """Mark the open database as a demo database (demo data, known passwords)."""
    Meta.insert(key=DEMO_KEY, value="1").on_conflict_ignore().execute()


def is_demo_database() -> bool:
    return Meta.select().where(Meta.key == DEMO_KEY).exists()


def demo_manager() -> User | None:
    """The demo's manager, whom ``csdesk --demo`` signs in without asking;
    None unless the open database is a demo database."""
    if not is_demo_database():
        return None
    return (User.select().where((User.role == "manager") & (User.active == True))  # noqa: E712
            .order_by(User.id).first())
