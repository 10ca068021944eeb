"""Open a database for the application: connect, migrate, first-run setup."""
from __future__ import annotations

from dataclasses import dataclass

from . import db, migrations, numbering
from .models import User, now


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
        applied = migrations.migrate(database, backup=backup)
        ensure_first_user()
        year = now().year
        numbering.ensure_series([year, year + 1])
    except Exception:
        db.close()
        raise
    return OpenedDatabase(url=url, backend=db.backend_of(url), applied=applied)


def ensure_first_user() -> User:
    """A new database gets its administrator (sign-in comes later)."""
    first = User.select().order_by(User.id).first()
    if first is None:
        first = User.create(username="admin", display_name="管理员", role="admin")
    return first
