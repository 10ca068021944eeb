"""The counter's database guarantees and indexes.

One open job per unit (schema v5, :func:`one_open_job_per_unit`), and the
indexes for the books at scale (schema v6, :data:`INDEXES`): what keeps
each screen's query a short index walk with 1 000 000 register rows and
300 000 jobs (``tools/benchmark.py --only scale``). The figures are the
query's time without -> with the index (``tools/scale_indexes.py`` drops
each and makes it again; the first page of keys unless said), SQLite and
PostgreSQL, on that database, 2026-12-01; the plans were read with EXPLAIN
QUERY PLAN / EXPLAIN (ANALYZE) on each backend.

Each is (table, name, columns); the id last makes the index hold the list's
order whole on PostgreSQL, whose indexes do not carry the row's key (on
SQLite and MariaDB it is there anyway).
"""
from __future__ import annotations

import logging

import peewee as pw

from app.domain.core.migrations import quote_name as q
from app.domain.counter.jobs import OPEN_STATES

INDEXES = [
    # The register searched by serial or customer: each matching unit's /
    # customer's rows newest first, without sorting them (register.query).
    # A fleet unit's 289 jobs: 2.3 -> 0.2 ms; the biggest account (12 402
    # jobs): SQLite 75.8 -> 0.3 ms, PostgreSQL 1.7 -> 0.4 ms. The direction
    # makes them cover the search's totals too (register.totals reads
    # direction and id only): MariaDB, a serial part matching 1 007 units
    # 23 -> 12 ms, the biggest account 47 -> 33 ms.
    ("register_entry", "register_entry_unit_at", ("unit_id", "at", "id", "direction")),
    ("register_entry", "register_entry_customer_at", ("customer_id", "at", "id", "direction")),
    # The register filtered by direction (the rare "void" rows): 6.6 -> 0.2 ms,
    # PostgreSQL 3.3 -> 0.5 ms.
    ("register_entry", "register_entry_direction_at", ("direction", "at", "id")),
    # The register sorted by customer: 165 -> 0.2 ms, PostgreSQL 150 -> 0.3 ms.
    ("register_entry", "register_entry_customer_name", ("customer_name", "id")),
    # The queue, the in-shop list and the chips' counts: the open states'
    # jobs (2 469 of 300 000) by date, a range per state: the keys and the
    # chips 27 -> 12 ms, PostgreSQL 3.8 -> 1.8 ms.
    ("job", "job_state_received", ("state", "received_at", "id")),
    # The queue filtered by technician: their open jobs, not the 100 000 they
    # ever had: SQLite 53 -> 2.5 ms (PostgreSQL reads PG_OPEN_JOBS instead).
    ("job", "job_technician_state", ("technician_id", "state", "received_at", "id")),
    # A customer's page: their latest jobs, 12 402 of them: 44 -> 0.3 ms.
    ("job", "job_customer_received", ("customer_id", "received_at", "id")),
    # A unit's service history (the intake's scan), 289 jobs: 4.5 -> 2.3 ms.
    ("job", "job_unit_received", ("unit_id", "received_at", "id")),
]


#: PostgreSQL: the open jobs in date order, a partial index of the few
#: thousand jobs in the shop. Its planner otherwise walks job_received_at
#: from the oldest job, filtering out the closed ones (queue open 23 ms,
#: by technician 83 ms -> 0.9 ms). SQLite matches a partial index only
#: against literal values (the app binds parameters), and MariaDB has none:
#: both use job_state_received / job_technician_state. The states are
#: jobs.OPEN_STATES: a new open state needs a migration that remakes it.
PG_OPEN_JOBS = ("job", "job_open_received", ("received_at", "id"))


def create(db: pw.Database) -> None:
    """Create the indexes a database lacks (safe to run twice)."""
    if isinstance(db, pw.PostgresqlDatabase):
        table, name, columns = PG_OPEN_JOBS
        if name not in {i.name for i in db.get_indexes(table)}:
            states = ", ".join(f"'{s}'" for s in OPEN_STATES)
            db.execute_sql(f"CREATE INDEX {q(db, name)} ON {q(db, table)} ({', '.join(columns)}) "
                           f"WHERE state IN ({states})")
    have: dict[str, set[str]] = {}
    for table, name, columns in INDEXES:
        if table not in have:
            have[table] = {i.name for i in db.get_indexes(table)}
        if name in have[table]:
            continue
        cols = ", ".join(q(db, c) for c in columns)
        db.execute_sql(f"CREATE INDEX {q(db, name)} ON {q(db, table)} ({cols})")


log = logging.getLogger("csdesk.schema")

ONE_OPEN_JOB = "job_one_open_per_unit"
#: The states in which a job has left the shop (app.domain.counter.jobs.CLOSED_STATES).
_CLOSED_SQL = "'delivered', 'cancelled', 'returned'"


def one_open_job_per_unit(db: pw.Database) -> bool:
    """A unit is in the shop under one job at most, whatever two counters
    save at the same moment: a unique index over the open jobs' unit
    (PostgreSQL and SQLite: a partial index; MariaDB has none, so a stored
    column that holds the unit while the job is open, NULL after). The
    intake also locks the unit and looks again; this is the last word.

    Not made while the database already holds a unit with two open jobs
    (the race this closes): the step logs it and start-up tries again, so a
    shop that closes the duplicate gets the index. Returns whether it exists."""
    if ONE_OPEN_JOB in {i.name for i in db.get_indexes("job")}:
        return True
    dupes = db.execute_sql(f"SELECT {q(db, 'unit_id')} FROM {q(db, 'job')} WHERE {q(db, 'state')} NOT IN "
                           f"({_CLOSED_SQL}) GROUP BY {q(db, 'unit_id')} HAVING COUNT(*) > 1").fetchall()
    if dupes:
        log.warning("units with more than one open job (%s): the one-open-job index waits",
                    ", ".join(str(r[0]) for r in dupes[:10]))
        return False
    if isinstance(db, pw.MySQLDatabase):
        cols = {c.name for c in db.get_columns("job")}
        if "open_unit_id" not in cols:
            db.execute_sql(f"ALTER TABLE `job` ADD COLUMN `open_unit_id` INT "
                           f"AS (IF(`state` IN ({_CLOSED_SQL}), NULL, `unit_id`)) PERSISTENT")
        db.execute_sql(f"CREATE UNIQUE INDEX `{ONE_OPEN_JOB}` ON `job` (`open_unit_id`)")
    else:
        db.execute_sql(f"CREATE UNIQUE INDEX {q(db, ONE_OPEN_JOB)} ON {q(db, 'job')} ({q(db, 'unit_id')}) "
                       f"WHERE {q(db, 'state')} NOT IN ({_CLOSED_SQL})")
    return True
