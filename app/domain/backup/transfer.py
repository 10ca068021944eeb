"""Rows out of a database and into one, the same way on the three backends.

Every query here names its database (``query.execute(db)``) instead of
going through the models' proxy, so a restore can read one database (an
SQLite backup file) while it writes another (a server).

Reading: one snapshot (:func:`snapshot`) and keyset paging by primary key
(``WHERE id > last ORDER BY id LIMIT n``): each page is a short query on
the primary key's index, no server-side cursor is held open, memory stays
at one page whatever the size of a table, and the snapshot makes the
pages and the counts one moment of the database while stations go on
working.

Writing: into an empty database, table by table in
:func:`app.domain.backup.tables.catalog` order, in batches, primary keys
kept. A table's reference to itself that points to a row not yet inserted
(a greater id: ``register_entry.corrects``, ``visit.carried_from`` when a
row was re-pointed later) is inserted as NULL and set once the table is
in; references to smaller ids, the usual case, go in as they are. The
caller holds the transaction (:mod:`app.domain.backup.restore`).
"""
from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator

import peewee as pw

from app.domain.backup.tables import TableSpec, catalog
from app.domain.core.migrations import quote_name
from app.domain.core.models import DocumentSeries, Meta

#: Rows per page when reading, and per batch when writing.
PAGE = 2000
BATCH = 1000


@contextlib.contextmanager
def snapshot(db: pw.Database):
    """A read transaction that sees one moment of ``db``: REPEATABLE READ
    on PostgreSQL and MariaDB, a deferred transaction on SQLite (in WAL mode
    a reader keeps its snapshot while others write)."""
    if isinstance(db, pw.PostgresqlDatabase):
        with db.atomic():
            db.execute_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield
    elif isinstance(db, pw.MySQLDatabase):
        with db.atomic("REPEATABLE READ"):   # SET TRANSACTION ... then BEGIN
            yield
    else:
        with db.atomic():
            yield


def count(db: pw.Database, spec: TableSpec) -> int:
    return spec.model.select().count(db)


def read_rows(db: pw.Database, spec: TableSpec, page: int = PAGE) -> Iterator[tuple]:
    """Every row of ``spec``'s table in primary key order, a page at a time."""
    pk = spec.fields[spec.pk]
    last = None
    while True:
        query = spec.model.select(*spec.fields).order_by(pk).limit(page)
        if last is not None:
            query = query.where(pk > last)
        rows = list(query.tuples().execute(db))
        yield from rows
        if len(rows) < page:
            return
        last = rows[-1][spec.pk]


def tables_of(db: pw.Database) -> Iterator[tuple[TableSpec, int, Iterator[tuple]]]:
    """(table, count, rows) of every table of ``db``, as a dump reader gives
    them; call inside :func:`snapshot`."""
    for spec in catalog():
        yield spec, count(db, spec), read_rows(db, spec)


def occupied(db: pw.Database) -> dict[str, int]:
    """The tables of a csdesk database that hold rows, with their counts.
    What a freshly created database holds by itself does not count: the
    schema version in csdesk_meta and document series that issued nothing
    yet (:func:`app.domain.core.numbering.ensure_series`)."""
    out = {}
    for spec in catalog():
        query = spec.model.select()
        if spec.model is Meta:
            query = query.where(Meta.key.not_in(("schema_version", "app")))
        elif spec.model is DocumentSeries:
            query = query.where(DocumentSeries.last_number != 0)
        n = query.count(db)
        if n:
            out[spec.name] = n
    return out


def clear(db: pw.Database) -> None:
    """Delete every row, the tables in reverse order (no reference left
    dangling); a table's references to itself are cleared first, since
    MariaDB checks them row by row while it deletes."""
    for spec in reversed(catalog()):
        for i in spec.self_refs:
            field = spec.fields[i]
            spec.model.update({field: None}).where(field.is_null(False)).execute(db)
        # The query itself, not Model.delete(): the access log refuses that
        # (append-only); a restore replaces the whole database, and carries
        # the target's access log over (app.domain.backup.restore).
        pw.ModelDelete(spec.model).execute(db)


def insert_rows(db: pw.Database, spec: TableSpec, rows: Iterable[tuple]) -> int:
    """Insert ``rows`` (in primary key order) into the empty table; returns
    how many.

    Through the driver, not peewee's query builder, which builds an INSERT
    value by value: that was two thirds of a restore's time (the demo with
    100 000 customers into SQLite: 12.4 s -> 4.3 s). The values are
    already the Python types each driver adapts as peewee would have given
    them (Decimal, date, datetime, bool, int, str:
    :func:`app.domain.backup.tables.decode`).
    """
    pk_field = spec.fields[spec.pk]
    insert = _inserter(db, spec)
    batch: list = []
    deferred: list[tuple[object, int, object]] = []
    n = 0
    for row in rows:
        if spec.self_refs:
            row = list(row)
            for i in spec.self_refs:
                if row[i] is not None and row[i] >= row[spec.pk]:
                    deferred.append((row[spec.pk], i, row[i]))
                    row[i] = None
        batch.append(row)
        n += 1
        if len(batch) >= BATCH:
            insert(batch)
            batch = []
    if batch:
        insert(batch)
    for pk, i, target in deferred:
        spec.model.update({spec.fields[i]: target}).where(pk_field == pk).execute(db)
    return n


def _inserter(db: pw.Database, spec: TableSpec):
    """A function inserting a batch of rows into ``spec``'s table: one
    multi-row INSERT a batch on PostgreSQL (``execute_values``) and MariaDB
    (PyMySQL's ``executemany`` rewrites it so), a prepared statement run
    per row on SQLite (in-process, no round trip). Driver errors come out
    as peewee's (IntegrityError, DataError...)."""
    table = quote_name(db, spec.name)
    columns = ", ".join(quote_name(db, c) for c in spec.columns)
    if isinstance(db, pw.PostgresqlDatabase):
        from psycopg2.extras import execute_values

        sql = f"INSERT INTO {table} ({columns}) VALUES %s"

        def insert(batch: list) -> None:
            with pw.__exception_wrapper__, contextlib.closing(db.cursor()) as cursor:
                execute_values(cursor, sql, batch, page_size=len(batch))
    else:
        sql = f"INSERT INTO {table} ({columns}) VALUES ({', '.join([db.param] * len(spec.columns))})"

        def insert(batch: list) -> None:
            with pw.__exception_wrapper__, contextlib.closing(db.cursor()) as cursor:
                cursor.executemany(sql, batch)
    return insert


def fix_sequences(db: pw.Database) -> None:
    """PostgreSQL's id sequences continue after the restored ids (rows were
    inserted with their ids, which does not move a sequence). MariaDB's
    AUTO_INCREMENT and SQLite's rowid follow the greatest id by themselves."""
    if not isinstance(db, pw.PostgresqlDatabase):
        return
    for spec in catalog():
        if isinstance(spec.model._meta.primary_key, pw.AutoField):
            table, col = quote_name(db, spec.name), quote_name(db, spec.columns[spec.pk])
            db.execute_sql(f"SELECT setval(pg_get_serial_sequence(%s, %s), COALESCE(MAX({col}), 0) + 1, false) "
                           f"FROM {table}", (table, spec.columns[spec.pk]))
