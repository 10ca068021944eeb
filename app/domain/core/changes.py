"""The change feed between stations: what another counter changed, so that
every screen shows it within a second or two without Refresh.

An action run by :func:`app.domain.core.operations.run` writes, in its own
transaction just before COMMIT, one ``csdesk_change`` row per book and
record it changed (:func:`feed_of`): the counter's by job id, the
customers' by customer id, field service as a whole. The database numbers
the rows; a station remembers the last number it read and asks for the
rows after it (:func:`since`), one query on the primary key: on MariaDB
and SQLite once a second, on PostgreSQL when ``NOTIFY csdesk_change``
(sent by the same transaction, delivered at its COMMIT) wakes it. Nothing
is re-read that did not change: a screen hears of its own book only, a
job's dialog of its own job.
"""
from __future__ import annotations

import datetime as dt
import uuid

import peewee as pw

from app.domain.core.models import ChangeFeed, now

#: This process: a station's own changes are announced at once by its
#: runner and skipped when read back from the feed.
STATION = uuid.uuid4().hex[:16]
#: The record a book's changes are told by (its table, and the column that points to it).
KEYS = {"counter": "job", "customers": "customer"}
#: More distinct records than this in one action: told as "the book changed".
MAX_ROWS = 20
KEEP_DAYS = 2
CHANNEL = "csdesk_change"


def feed_of(row: pw.Model) -> tuple[str, int | None] | None:
    """(book, record id) a changed row is told by; None for core's own tables."""
    parts = type(row).__module__.split(".")
    if len(parts) < 4 or parts[:2] != ["app", "domain"] or parts[2] == "core":
        return None
    book = parts[2]
    key = KEYS.get(book)
    if key is None:
        return book, None
    if row._meta.table_name == key:
        return book, row.get_id()
    value = getattr(row, f"{key}_id", None)
    return book, value if isinstance(value, int) else None


def write(database: pw.Database, touched: set[tuple[str, int | None]], user_id: int | None) -> None:
    """The feed rows of one action (inside its transaction), and on
    PostgreSQL the NOTIFY that wakes the other stations at COMMIT."""
    if not touched:
        return
    rows = []
    for book in sorted({b for b, _ in touched}):
        ids = sorted(i for b, i in touched if b == book and i is not None)
        # A row of the book that belongs to no record (a new unit, a product)
        # beside a record (the job taken in) is told by the record: screens
        # that list such rows re-read on any change of the book anyway.
        whole = (not ids and any(b == book for b, _ in touched)) or len(ids) > MAX_ROWS
        rows += [dict(book=book, row_id=None)] if whole else [dict(book=book, row_id=i) for i in ids]
    at = now()
    ChangeFeed.insert_many([dict(r, at=at, station=STATION, user=user_id) for r in rows]).execute()
    if isinstance(database, pw.PostgresqlDatabase):
        database.execute_sql(f"NOTIFY {CHANNEL}")


def latest_id() -> int:
    """The number of the newest change (0 for none): where a station starts reading."""
    return ChangeFeed.select(pw.fn.MAX(ChangeFeed.id)).scalar() or 0


def since(last_id: int, limit: int = 1000) -> list[ChangeFeed]:
    """The changes after ``last_id``, oldest first (the primary key's index: one seek)."""
    return list(ChangeFeed.select(ChangeFeed.id, ChangeFeed.station, ChangeFeed.user, ChangeFeed.book,
                                  ChangeFeed.row_id, ChangeFeed.at)
                .where(ChangeFeed.id > last_id).order_by(ChangeFeed.id).limit(limit))


def prune(days: int = KEEP_DAYS) -> int:
    return ChangeFeed.delete().where(ChangeFeed.at < now() - dt.timedelta(days=days)).execute()
