"""Every book's tables, in order, and the numbered schema migrations.

This module sits above the books (like Odoo's ``models/__init__.py``): it
imports each book's models so that all of them, and their backrefs
(``Customer.jobs``, ``Customer.visits``...), exist before the database is
created or migrated. Nothing inside a book imports it. The migration
engine (versions, lock, backup) is :mod:`app.domain.core.migrations`.

An empty database is created at the current version in one step, from
:data:`MODELS`. Migration N (N >= 2) upgrades a database made by an older
csdesk from version N-1; tests/data/schema_v1.sqlite3 and schema_v2 are
such databases, and the tests upgrade copies of them. A migration may use a
field of the live models to describe a column it adds; when a later version
changes that field, copy the old definition into the migration, so that it
still means what it meant.
"""
from __future__ import annotations

import peewee as pw

from app.domain.core import db as dbmod
from app.domain.core import migrations as engine
from app.domain.core.migrations import quote_name as q
from app.domain.core.models import DocumentSeries, Meta, Setting, User
from app.domain.counter.models import (Agreement, AgreementUnit, Job, JobHistory, JobItem, JobLabour, JobPart,
                                       Product, Receipt, RegisterEntry, Unit)
from app.domain.customers import indexes
from app.domain.customers.models import (AccessLog, AccessRequest, Customer, CustomerAddress, CustomerChange,
                                         CustomerContact, Investigation, SelectionAssessment, SelectionDecision)
from app.domain.field.models import (ActivityParticipant, GiftItem, GiftRequest, ServiceActivity, SurveyAnswer,
                                     SurveyResponse, Visit, VisitPlan, VisitPurpose)

#: Every table, book by book, each after the tables it points to.
CORE_MODELS = [Meta, Setting, User, DocumentSeries]
CUSTOMERS_MODELS = [Customer, CustomerContact, CustomerAddress, CustomerChange, AccessRequest, AccessLog,
                    Investigation, SelectionAssessment, SelectionDecision]
COUNTER_MODELS = [Product, Unit, Agreement, AgreementUnit, Job, JobItem, JobPart, JobLabour, JobHistory, Receipt,
                  RegisterEntry]
FIELD_MODELS = [VisitPlan, Visit, VisitPurpose, ServiceActivity, ActivityParticipant, GiftRequest, GiftItem,
                SurveyResponse, SurveyAnswer]
MODELS = CORE_MODELS + CUSTOMERS_MODELS + COUNTER_MODELS + FIELD_MODELS

#: The tables added by schema v3 (field service).
V3_MODELS = [VisitPlan, Visit, VisitPurpose, ServiceActivity, ActivityParticipant, GiftRequest, GiftItem,
             SurveyResponse, SurveyAnswer]


def create_current(db: pw.Database) -> None:
    """Today's schema on an empty database."""
    db.create_tables(MODELS, safe=True)
    indexes.search_index(db)
    indexes.sorted_search_indexes(db)


def _m001_initial(db: pw.Database) -> None:
    # Version 1 was only ever created on an empty database, which now gets
    # the current schema at once (see migrate()).
    create_current(db)


def _m002_archive_and_sign_in(db: pw.Database) -> None:
    """v1 -> v2: sign-in columns on user; the customer archive (brief §2):
    archive columns on customer, contacts, addresses, change history,
    access requests and log, new-customer selection."""
    from playhouse.migrate import SchemaMigrator
    from playhouse.migrate import migrate as run_ops

    migrator = SchemaMigrator.from_database(db)
    ops = []
    for model, names in ((User, ("password_hash", "failed_logins", "locked_until", "last_login_at",
                                   "must_change_password")),
                         (Customer, ("short_name", "region", "status", "business_content",
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
            cols = ", ".join(q(db, c) for c in columns)
            db.execute_sql(f"CREATE INDEX {q(db, index)} ON {q(db, 'customer')} ({cols})")
    db.create_tables([CustomerContact, CustomerAddress, CustomerChange, AccessRequest, AccessLog,
                      Investigation, SelectionAssessment, SelectionDecision], safe=True)
    indexes.search_index(db)


def _m003_field_service(db: pw.Database) -> None:
    """v2 -> v3: field service (brief §3): visit plans, visits and their
    purposes and reports, service activities and participants, gift
    requests and items, satisfaction survey responses and answers; and the
    customer search's covering indexes: (search_text, status), and code and
    name with the search text."""
    db.create_tables(V3_MODELS, safe=True)
    if isinstance(db, pw.MySQLDatabase):
        # search_text 700 -> 540 characters, so that MariaDB can index it
        # with the name (a search text is rebuilt from the name, code and
        # phone; one longer than 540 only loses the tail of a very long name).
        db.execute_sql("UPDATE `customer` SET `search_text` = LEFT(`search_text`, 540) "
                       "WHERE CHAR_LENGTH(`search_text`) > 540")
        db.execute_sql("ALTER TABLE `customer` MODIFY `search_text` VARCHAR(540) NOT NULL DEFAULT ''")
    indexes.search_index(db)   # the overview's search probe reads (search_text, status) from one index
    indexes.sorted_search_indexes(db)


MIGRATIONS = [_m001_initial, _m002_archive_and_sign_in, _m003_field_service]
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(db: pw.Database | None = None, *, backup: bool = True) -> list[int]:
    """Bring the schema up to :data:`SCHEMA_VERSION`; returns the versions applied."""
    return engine.migrate(db or dbmod.database.obj, MIGRATIONS, create_current, backup=backup)


def current_version(db: pw.Database) -> int:
    """0 for an empty database; raises NotACsdeskDatabase for a foreign one."""
    return engine.current_version(db)
