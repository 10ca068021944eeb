"""The customer table's search indexes (schema v2 and v3), made on each
backend as it can: the search-as-you-type box and the overview's search
(app.domain.customers.overview) depend on them."""
from __future__ import annotations

import peewee as pw

from app.domain.core.migrations import pg_trigram_index
from app.domain.core.migrations import quote_name as q


def search_index(db: pw.Database) -> None:
    """What makes search-as-you-type (LIKE '%...%') cheaper per backend:
    a trigram index on PostgreSQL; on SQLite and MariaDB a covering index
    of (search_text, status), so the scan reads those two columns alone
    instead of the wide archive rows (SQLite 25 -> 17 ms, MariaDB a
    no-match keystroke 117 -> 46 ms, on 100 000 customers)."""
    if isinstance(db, pw.PostgresqlDatabase):
        pg_trigram_index(db, "customer", "search_text")
        return
    existing = {i.name for i in db.get_indexes("customer")}
    if "customer_search_status" not in existing:
        db.execute_sql(f"CREATE INDEX {q(db, 'customer_search_status')} ON {q(db, 'customer')} "
                       f"({q(db, 'search_text')}, {q(db, 'status')})")
    if isinstance(db, pw.MySQLDatabase) and "customer_search_text" in existing:  # v2's MariaDB index, now a prefix of the new one
        db.execute_sql(f"DROP INDEX {q(db, 'customer_search_text')} ON {q(db, 'customer')}")


def sorted_search_indexes(db: pw.Database) -> None:
    """The overview's search with many matches walks the sort column's index
    and tests each row; with the search text and status in that index the
    walk never leaves it. Where the matches all sort late ("北京…" by name,
    a code typed in code order) that is most of the index: 30-90 ms through
    the rows, 3-18 ms inside the index (SQLite, 100 000 customers). For code
    and name, the two sorts people use. (MariaDB's keys hold 3072 bytes:
    name 200 + search text 540 + status 16 characters fit.)"""
    existing = {i.name for i in db.get_indexes("customer")}
    cols = {"customer_code_search": ("code",), "customer_name_search": ("name", "id")}
    for index, keys in cols.items():
        if index in existing:
            continue
        key_sql = ", ".join(q(db, c) for c in keys)
        extra = f"{q(db, 'search_text')}, {q(db, 'status')}"
        if isinstance(db, pw.PostgresqlDatabase):
            if db.server_version < 110000:   # INCLUDE came with PostgreSQL 11
                continue
            # id too: PostgreSQL's indexes do not carry the row's key, and
            # without it the planner walks the plain code index instead.
            include = extra if "id" in keys else f"{q(db, 'id')}, {extra}"
            db.execute_sql(f"CREATE INDEX {q(db, index)} ON {q(db, 'customer')} ({key_sql}) INCLUDE ({include})")
        else:
            db.execute_sql(f"CREATE INDEX {q(db, index)} ON {q(db, 'customer')} ({key_sql}, {extra})")


def phone_index(db: pw.Database) -> None:
    """customer(phone): a new customer's number is looked up among the others
    (:func:`app.domain.customers.customers.with_phone`) as it is typed (schema v7)."""
    if "customer_phone" not in {i.name for i in db.get_indexes("customer")}:
        db.execute_sql(f"CREATE INDEX {q(db, 'customer_phone')} ON {q(db, 'customer')} ({q(db, 'phone')})")
