"""The counter's database guarantees beyond its tables (schema v5)."""
from __future__ import annotations

import logging

import peewee as pw

from app.domain.core.migrations import quote_name as q

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
