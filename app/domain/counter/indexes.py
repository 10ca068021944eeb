"""The counter's indexes for the books at scale (schema v5): what keeps
each screen's query a short index walk with 1 000 000 register rows and
300 000 jobs (``tools/benchmark.py --only scale``). The figures are the
query's time without → with the index, SQLite unless said, measured on
that database (EXPLAIN QUERY PLAN / EXPLAIN on each backend checked).

Each is (table, name, columns); the id last makes the index hold the list's
order whole on PostgreSQL, whose indexes do not carry the row's key (on
SQLite and MariaDB it is there anyway).
"""
from __future__ import annotations

import peewee as pw

from app.domain.core.migrations import quote_name as q

INDEXES = [
    # The register searched by serial or customer: each matching unit's /
    # customer's rows newest first (register.query): FIGURE.
    ("register_entry", "register_entry_unit_at", ("unit_id", "at", "id")),
    ("register_entry", "register_entry_customer_at", ("customer_id", "at", "id")),
    # The register filtered by direction (the rare "void" rows): FIGURE.
    ("register_entry", "register_entry_direction_at", ("direction", "at", "id")),
    # The register sorted by customer: FIGURE.
    ("register_entry", "register_entry_customer_name", ("customer_name", "id")),
    # The queue, the in-shop list and the chips' counts: the open states'
    # jobs oldest first, a range per state instead of the whole job table: FIGURE.
    ("job", "job_state_received", ("state", "received_at", "id")),
    # The queue filtered by technician: their open jobs, not the 100 000 they ever had: FIGURE.
    ("job", "job_technician_state", ("technician_id", "state", "received_at", "id")),
    # A customer's page: their latest jobs: FIGURE.
    ("job", "job_customer_received", ("customer_id", "received_at", "id")),
    # A unit's service history (the intake's scan): FIGURE.
    ("job", "job_unit_received", ("unit_id", "received_at", "id")),
]


def create(db: pw.Database) -> None:
    """Create the indexes a database lacks (safe to run twice)."""
    have: dict[str, set[str]] = {}
    for table, name, columns in INDEXES:
        if table not in have:
            have[table] = {i.name for i in db.get_indexes(table)}
        if name in have[table]:
            continue
        cols = ", ".join(q(db, c) for c in columns)
        db.execute_sql(f"CREATE INDEX {q(db, name)} ON {q(db, table)} ({cols})")
