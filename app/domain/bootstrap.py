"""Open a database for the application: connect, migrate, number series.

A new database has no users: the application asks for its administrator
at the first start (app.domain.core.auth.create_first_admin)."""
from __future__ import annotations

from dataclasses import dataclass

from app.domain import schema
from app.domain.core import db, numbering
from app.domain.core.models import Meta, User, now

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
    except Exception:
        db.close()
        raise
    return OpenedDatabase(url=url, backend=db.backend_of(url), applied=applied)


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
