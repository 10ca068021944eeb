"""What each of the counter's v5 indexes gives: the query it is there for,
timed with it and without it (dropped, then made again), on the filled
scale database (tools/benchmark.py --only scale fills it).

    .venv/bin/python tools/scale_indexes.py [--database URL]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tools")]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--database")
    args = ap.parse_args()
    import peewee as pw
    import scale_bench

    from app.domain import bootstrap
    from app.domain.core import paging
    from app.domain.core.db import database
    from app.domain.core.migrations import quote_name as q
    from app.domain.core.models import User
    from app.domain.counter import customer_page, indexes, register, workshop
    from app.domain.counter.models import Job, RegisterEntry, Unit
    from app.domain.customers.models import Customer

    url = scale_bench.scale_url(args.database)
    bootstrap.open_database(url, backup=False)
    db = database.obj
    big = Customer.get_by_id(Job.select(Job.customer).group_by(Job.customer)
                             .order_by(pw.fn.COUNT(Job.id).desc()).limit(1).scalar())
    lemon = Unit.get_by_id(Job.select(Job.unit).group_by(Job.unit).order_by(pw.fn.COUNT(Job.id).desc()).limit(1).scalar())
    tech = User.get(User.username == "tech2")

    def keys(query, order):
        return lambda: paging.page_keys(query, order, query.model.id, None, 200)

    at = [(RegisterEntry.at, True)]
    checks = {
        "register_entry_unit_at": keys(register.query(serial=lemon.serial), at),
        "register_entry_customer_at": keys(register.query(customer=big.name), at),
        "register_entry_direction_at": keys(register.query(direction="void"), at),
        "register_entry_customer_name": keys(register.query(), [(RegisterEntry.customer_name, False)]),
        "job_state_received": lambda: (keys(workshop.queue(), [(Job.received_at, False)])(),
                                       workshop.counts_by_state()),
        "job_technician_state": keys(workshop.queue(technician_id=tech.id), [(Job.received_at, False)]),
        "job_customer_received": keys(customer_page.related(User.get(User.username == "boss"), big.id).jobs,
                                      customer_page.JOBS_ORDER),
        "job_unit_received": lambda: workshop.service_history(lemon, light=True),
    }

    def best(fn, n=5):
        fn()
        out = []
        for _ in range(n):
            t = time.perf_counter()
            fn()
            out.append((time.perf_counter() - t) * 1000)
        return min(out)

    print(f"database: {url.split('@')[-1]}")
    for table, name, columns in indexes.INDEXES:
        with_it = best(checks[name])
        db.execute_sql(f"DROP INDEX {q(db, name)}" + (f" ON {q(db, table)}" if "MySQL" in type(db).__name__ else ""))
        try:
            without = best(checks[name], 3)
        finally:
            db.execute_sql(f"CREATE INDEX {q(db, name)} ON {q(db, table)} ({', '.join(q(db, c) for c in columns)})")
        print(f"  {name:30} without {without:8.1f} ms   with {with_it:6.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
