"""Numbered schema migrations, applied at start-up.

Each migration is a function ``(db) -> None`` at index ``n - 1`` of
:data:`MIGRATIONS`; the version applied last is kept in ``csdesk_meta``.
Running :func:`migrate` twice does nothing the second time. A database whose
version is newer than this program's is refused (an older csdesk must not
write into a schema it does not know). An SQLite file is copied aside before
it is migrated.

An empty database is created at the current version in one step, from the
models. Migration N (N >= 2) upgrades a database made by an older csdesk
from version N-1; tests/data/schema_v1.sqlite3 is such a database, and the
tests upgrade a copy of it. A migration may use a field of the live models
to describe a column it adds; when a later version changes that field,
copy the old definition into the migration, so that it still means what it
meant.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from pathlib import Path

import peewee as pw

from . import db as dbmod
from .errors import NotACsdeskDatabase, SchemaTooNew, tx

APP_ID = "csdesk"


def _create_current_schema(db: pw.Database) -> None:
    from . import models

    db.create_tables(models.ALL_MODELS, safe=True)
    _search_index(db)
    _sorted_search_indexes(db)


def _search_index(db: pw.Database) -> None:
    """What makes search-as-you-type (LIKE '%...%') cheaper per backend:
    a trigram index on PostgreSQL; on SQLite and MariaDB a covering index
    of (search_text, status), so the scan reads those two columns alone
    instead of the wide archive rows (SQLite 25 -> 17 ms, MariaDB a
    no-match keystroke 117 -> 46 ms, on 100 000 customers)."""
    if isinstance(db, pw.PostgresqlDatabase):
        _pg_trigram_index(db, "customer", "search_text")
        return
    existing = {i.name for i in db.get_indexes("customer")}
    if "customer_search_status" not in existing:
        db.execute_sql(f"CREATE INDEX {_q(db, 'customer_search_status')} ON {_q(db, 'customer')} "
                       f"({_q(db, 'search_text')}, {_q(db, 'status')})")
    if isinstance(db, pw.MySQLDatabase) and "customer_search_text" in existing:  # v2's MariaDB index, now a prefix of the new one
        db.execute_sql(f"DROP INDEX {_q(db, 'customer_search_text')} ON {_q(db, 'customer')}")


def _sorted_search_indexes(db: pw.Database) -> None:
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
        key_sql = ", ".join(_q(db, c) for c in keys)
        extra = f"{_q(db, 'search_text')}, {_q(db, 'status')}"
        if isinstance(db, pw.PostgresqlDatabase):
            if db.server_version < 110000:   # INCLUDE came with PostgreSQL 11
                continue
            # id too: PostgreSQL's indexes do not carry the row's key, and
            # without it the planner walks the plain code index instead.
            include = extra if "id" in keys else f"{_q(db, 'id')}, {extra}"
            db.execute_sql(f"CREATE INDEX {_q(db, index)} ON {_q(db, 'customer')} ({key_sql}) INCLUDE ({include})")
        else:
            db.execute_sql(f"CREATE INDEX {_q(db, index)} ON {_q(db, 'customer')} ({key_sql}, {extra})")


def _m001_initial(db: pw.Database) -> None:
    # Version 1 was only ever created on an empty database, which now gets
    # the current schema at once (see migrate()).
    _create_current_schema(db)


def _pg_trigram_index(db: pw.Database, table: str, column: str) -> None:
    """Search-as-you-type (LIKE '%...%') through a trigram index where the
    server allows pg_trgm (a trusted extension since PostgreSQL 13); without
    it the search still works, by a scan."""
    try:
        with db.atomic():  # a savepoint: a refused extension must not abort the migration
            db.execute_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except pw.DatabaseError:
        return
    db.execute_sql(f'CREATE INDEX IF NOT EXISTS "{table}_{column}_trgm" ON "{table}" '
                   f'USING gin ("{column}" gin_trgm_ops)')


def _q(db: pw.Database, name: str) -> str:
    """An identifier quoted as the backend wants it (MariaDB: backticks)."""
    return f"{db.quote[0]}{name}{db.quote[-1]}"


def _m002_archive_and_sign_in(db: pw.Database) -> None:
    """v1 -> v2: sign-in columns on user; the customer archive (brief §2):
    archive columns on customer, contacts, addresses, change history,
    access requests and log, new-customer selection."""
    from playhouse.migrate import migrate as run_ops, SchemaMigrator

    from . import models as m

    migrator = SchemaMigrator.from_database(db)
    ops = []
    for model, names in ((m.User, ("password_hash", "failed_logins", "locked_until", "last_login_at",
                                   "must_change_password")),
                         (m.Customer, ("short_name", "region", "status", "business_content",
                                       "legal_representative", "registered_capital", "employees", "tax_id",
                                       "bank_name", "bank_account", "email", "credit_rating", "credit_limit",
                                       "cooperation_since", "annual_volume", "tier", "responsible",
                                       "notes", "updated_at"))):
        have = {c.name for c in db.get_columns(model._meta.table_name)}
        for name in names:
            field = model._meta.fields[name]
            if field.column_name not in have:
                ops.append(migrator.add_column(model._meta.table_name, field.column_name, field))
    run_ops(*ops)
    existing = {i.name for i in db.get_indexes("customer")}
    for index, columns in (("customer_region", ("region",)), ("customer_status", ("status",)),
                           ("customer_credit_rating", ("credit_rating",)), ("customer_name_id", ("name", "id"))):
        if index not in existing:
            cols = ", ".join(_q(db, c) for c in columns)
            db.execute_sql(f"CREATE INDEX {_q(db, index)} ON {_q(db, 'customer')} ({cols})")
    db.create_tables([m.CustomerContact, m.CustomerAddress, m.CustomerChange, m.AccessRequest, m.AccessLog,
                      m.Investigation, m.SelectionAssessment, m.SelectionDecision], safe=True)
    _search_index(db)


def _m003_field_service(db: pw.Database) -> None:
    """v2 -> v3: field service (brief §3): visit plans, visits and their
    purposes and reports, service activities and participants, gift
    requests and items, satisfaction survey responses and answers; and the
    customer search's covering indexes: (search_text, status), and code and
    name with the search text."""
    from . import models as m

    db.create_tables(m.V3_MODELS, safe=True)
    if isinstance(db, pw.MySQLDatabase):
        # search_text 700 -> 540 characters, so that MariaDB can index it
        # with the name (a search text is rebuilt from the name, code and
        # phone; one longer than 540 only loses the tail of a very long name).
        db.execute_sql("UPDATE `customer` SET `search_text` = LEFT(`search_text`, 540) "
                       "WHERE CHAR_LENGTH(`search_text`) > 540")
        db.execute_sql("ALTER TABLE `customer` MODIFY `search_text` VARCHAR(540) NOT NULL DEFAULT ''")
    _search_index(db)   # the overview's search probe reads (search_text, status) from one index
    _sorted_search_indexes(db)


MIGRATIONS = [_m001_initial, _m002_archive_and_sign_in, _m003_field_service]
SCHEMA_VERSION = len(MIGRATIONS)


def _tables(db: pw.Database) -> list[str]:
    return db.get_tables()


def current_version(db: pw.Database) -> int:
    """0 for an empty database; raises NotACsdeskDatabase for a foreign one."""
    tables = _tables(db)
    if "csdesk_meta" not in tables:
        if tables:
            shown = ", ".join(sorted(tables)[:5]) + ("..." if len(tables) > 5 else "")
            raise NotACsdeskDatabase(tx(
                "This database already holds other tables and is not a csdesk database "
                "({tables}). Choose an empty database or a csdesk one.", tables=shown))
        return 0
    from .models import Meta

    # Through the model so "key" is quoted as each backend needs (MariaDB
    # reserves it).
    with db.bind_ctx([Meta]):
        row = Meta.select(Meta.value).where(Meta.key == "schema_version").tuples().first()
    if row is None:
        raise NotACsdeskDatabase(tx("The csdesk_meta table has no schema version: not a csdesk database."))
    return int(row[0])


def backup_sqlite(path: str, version: int) -> Path | None:
    """Copy an SQLite file before migrating it; returns the backup's path."""
    src = Path(path)
    if not src.exists() or src.stat().st_size == 0:
        return None
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    dest = src.with_name(f"{src.name}.v{version}-{stamp}.bak")
    # The backup API copies a consistent snapshot even in WAL mode.
    with contextlib.closing(sqlite3.connect(str(src))) as s, contextlib.closing(sqlite3.connect(str(dest))) as d:
        s.backup(d)
    return dest


@contextlib.contextmanager
def _migration_lock(db: pw.Database):
    """Keep two stations from migrating the same server at the same moment."""
    if isinstance(db, pw.PostgresqlDatabase):
        db.execute_sql("SELECT pg_advisory_lock(7355608)")
        try:
            yield
        finally:
            db.execute_sql("SELECT pg_advisory_unlock(7355608)")
    elif isinstance(db, pw.MySQLDatabase):
        db.execute_sql("SELECT GET_LOCK('csdesk_migrate', 60)")
        try:
            yield
        finally:
            db.execute_sql("SELECT RELEASE_LOCK('csdesk_migrate')")
    else:
        yield


def migrate(db: pw.Database | None = None, *, backup: bool = True) -> list[int]:
    """Bring the schema up to :data:`SCHEMA_VERSION`; returns the versions applied."""
    db = db or dbmod.database.obj
    with _migration_lock(db):
        version = current_version(db)
        if version > SCHEMA_VERSION:
            raise SchemaTooNew(tx(
                "This database has schema version {version}, newer than this csdesk "
                "understands ({supported}). Update csdesk on this computer.",
                version=version, supported=SCHEMA_VERSION))
        if version == SCHEMA_VERSION:
            return []
        if backup and version > 0 and isinstance(db, pw.SqliteDatabase):
            backup_sqlite(db.database, version)
        applied = []
        if version == 0:
            # An empty database gets today's schema in one step; the numbered
            # migrations after the first only ever run on databases created by
            # an earlier csdesk, whose schema they know.
            with db.atomic():
                _create_current_schema(db)
                _set_version(db, SCHEMA_VERSION)
            return list(range(1, SCHEMA_VERSION + 1))
        with _sqlite_foreign_keys_off(db):
            for n in range(version + 1, SCHEMA_VERSION + 1):
                with db.atomic():
                    MIGRATIONS[n - 1](db)
                    _set_version(db, n)
                applied.append(n)
        return applied


@contextlib.contextmanager
def _sqlite_foreign_keys_off(db: pw.Database):
    """SQLite rebuilds a table to change a column (e.g. NOT NULL); with
    foreign keys on, dropping the old copy fails. Off for the migration (the
    pragma only works outside a transaction), checked after."""
    if not isinstance(db, pw.SqliteDatabase):
        yield
        return
    db.execute_sql("PRAGMA foreign_keys = OFF")
    try:
        yield
        broken = db.execute_sql("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise RuntimeError(f"migration left broken references: {broken[:5]}")
    finally:
        db.execute_sql("PRAGMA foreign_keys = ON")


def _set_version(db: pw.Database, n: int) -> None:
    from .models import Meta

    with db.bind_ctx([Meta]):
        Meta.insert(key="schema_version", value=str(n)).on_conflict_replace().execute() \
            if isinstance(db, (pw.SqliteDatabase, pw.MySQLDatabase)) else \
            Meta.insert(key="schema_version", value=str(n)).on_conflict(
                conflict_target=[Meta.key], update={Meta.value: str(n)}).execute()
        Meta.insert(key="app", value=APP_ID).on_conflict_ignore().execute()
