"""Every book's tables, in order, and the numbered schema migrations.

This module sits above the books (like Odoo's ``models/__init__.py``): it
imports each book's models so that all of them, and their backrefs
(``Customer.jobs``, ``Customer.visits``...), exist before the database is
created or migrated. Nothing inside a book imports it. The migration
engine (versions, lock, backup) is :mod:`app.domain.core.migrations`.

An empty database is created at the current version in one step, from
:data:`MODELS`. Migration N (N >= 2) upgrades a database made by an older
csdesk from version N-1; tests/data/schema_v1.sqlite3, schema_v2 and
schema_v3 are such databases, and the tests upgrade copies of them. A
migration may use a field of the live models to describe a column it adds;
when a later version changes that field, copy the old definition into the
migration, so that it still means what it meant.
"""
from __future__ import annotations

import peewee as pw

from app.domain.complaints.models import Complaint, ComplaintHistory
from app.domain.contacts.models import ContactEntry
from app.domain.core import db as dbmod
from app.domain.core import migrations as engine
from app.domain.core.migrations import quote_name as q
from app.domain.core.models import ChangeFeed, DocumentSeries, Meta, Operation, Setting, User
from app.domain.counter import indexes as counter_indexes
from app.domain.counter import register_totals
from app.domain.counter.models import (Agreement, AgreementUnit, Job, JobHistory, JobItem, JobLabour, JobPart,
                                       Product, Receipt, RegisterDayTotal, RegisterEntry, Unit)
from app.domain.customers import indexes
from app.domain.customers.models import (AccessLog, AccessRequest, Customer, CustomerAddress, CustomerChange,
                                         CustomerContact, Investigation, SelectionAssessment, SelectionDecision)
from app.domain.field.models import (ActivityParticipant, GiftItem, GiftRequest, GiftRequestHistory,
                                     ServiceActivity, SurveyAnswer, SurveyResponse, Visit, VisitPlan,
                                     VisitPlanHistory, VisitPurpose)

#: Every table, book by book, each after the tables it points to.
CORE_MODELS = [Meta, Setting, User, DocumentSeries, Operation, ChangeFeed]
CUSTOMERS_MODELS = [Customer, CustomerContact, CustomerAddress, CustomerChange, AccessRequest, AccessLog,
                    Investigation, SelectionAssessment, SelectionDecision]
COUNTER_MODELS = [Product, Unit, Agreement, AgreementUnit, Job, JobItem, JobPart, JobLabour, JobHistory, Receipt,
                  RegisterEntry, RegisterDayTotal]
FIELD_MODELS = [VisitPlan, VisitPlanHistory, Visit, VisitPurpose, ServiceActivity, ActivityParticipant, GiftRequest,
                GiftItem, GiftRequestHistory, SurveyResponse, SurveyAnswer]
CONTACTS_MODELS = [ContactEntry]
COMPLAINTS_MODELS = [Complaint, ComplaintHistory]
MODELS = CORE_MODELS + CUSTOMERS_MODELS + COUNTER_MODELS + FIELD_MODELS + CONTACTS_MODELS + COMPLAINTS_MODELS

#: The tables added by schema v3 (field service).
V3_MODELS = [VisitPlan, Visit, VisitPurpose, ServiceActivity, ActivityParticipant, GiftRequest, GiftItem,
             SurveyResponse, SurveyAnswer]
#: The tables added by schema v4 (the histories of plans and gift requests).
V4_MODELS = [VisitPlanHistory, GiftRequestHistory]


def create_current(db: pw.Database) -> None:
    """Today's schema on an empty database."""
    db.create_tables(MODELS, safe=True)
    indexes.search_index(db)
    indexes.sorted_search_indexes(db)
    indexes.phone_index(db)
    counter_indexes.one_open_job_per_unit(db)
    counter_indexes.create(db)


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


#: job_history's columns before schema v4, which replaced them by what / old_value / new_value.
_V3_JOB_HISTORY = ("event", "from_state", "to_state")


def _m004_one_history_shape(db: pw.Database) -> None:
    """v3 -> v4: one history row shape for every book
    (:class:`app.domain.core.models.HistoryRow`: at, user, what, old_value,
    new_value, note).

    * ``job_history`` (event, from_state, to_state, note) gains what,
      old_value and new_value, filled from the old columns, which are then
      dropped: "transition" -> "state" (old/new = the states, the note
      kept); "kind" -> "service_kind", its note "old -> new: reason" split
      into old, new and note; "diagnosis", "part" and "labour" move their
      text from the note to new_value, "part_removed" and "labour_removed"
      to old_value; "created" gets new_value "received"; "informed" splits
      "how: note"; "receipt" splits "新收据 <number>：<reason>" into the new
      number and the note; "lost_receipt" keeps its note.
    * New tables ``gift_request_history`` and ``visit_plan_history``. Gift
      requests and plans made before v4 get **reconstructed** rows, so that
      their history is not empty: "created" at requested_at / created_at
      (by the requester / creator); for a request, the decision at
      decided_at (approved or refused, with the decision note) and "given"
      at given_at; for a plan, "submitted" at submitted_at (who submitted
      it is not known) and the decision at decided_at (approved, or
      returned to draft, with the note). A history table that holds rows
      already is left alone, as a job_history without the old columns is.

    On SQLite the old columns go with ALTER TABLE DROP COLUMN (3.35+), or
    a rebuild of the table on an older SQLite; either keeps the foreign
    keys and indexes.
    """
    import re

    from playhouse.migrate import SchemaMigrator
    from playhouse.migrate import migrate as run_ops

    db.create_tables(V4_MODELS, safe=True)
    migrator = SchemaMigrator.from_database(db)
    have = {c.name for c in db.get_columns("job_history")}
    added = {"what": pw.CharField(max_length=32, default=""), "old_value": pw.TextField(default=""),
             "new_value": pw.TextField(default="")}
    run_ops(*[migrator.add_column("job_history", name, field) for name, field in added.items() if name not in have])
    if "event" in have:
        h = pw.Table("job_history", ("id", "event", "from_state", "to_state", "note", "what", "old_value",
                                     "new_value")).bind(db)
        h.update(what=h.event).execute()
        h.update(what="state", old_value=h.from_state, new_value=h.to_state).where(h.event == "transition").execute()
        h.update(what="service_kind").where(h.event == "kind").execute()
        h.update(new_value="received").where(h.event == "created").execute()
        # Two statements each: MariaDB assigns left to right, seeing the values set before.
        moved = (("new_value", ("diagnosis", "part", "labour")), ("old_value", ("part_removed", "labour_removed")))
        for column, events in moved:
            h.update({getattr(h, column): h.note}).where(h.event.in_(events)).execute()
            h.update(note="").where(h.event.in_(events)).execute()
        patterns = {"kind": re.compile(r"(\S+) -> (\S+)(?:: (.*))?", re.S),
                    "informed": re.compile(r"()([a-z_]+)(?:: (.*))?", re.S),
                    "receipt": re.compile(r"()新收据 (\S+?)：(.*)", re.S)}
        for row_id, event, note in h.select(h.id, h.event, h.note).where(h.event.in_(list(patterns))).tuples():
            m = patterns[event].fullmatch(note or "")
            if m:
                h.update(old_value=m[1], new_value=m[2], note=m[3] or "").where(h.id == row_id).execute()
        run_ops(*[migrator.drop_column("job_history", name) for name in _V3_JOB_HISTORY if name in have])

    def reconstruct(model, history, key: str, rows) -> None:
        """Insert (row, at, user, what, old, new, note) from ``model``'s rows
        matching each ``cond`` (user None: not known, NULL); only into a
        history table still empty."""
        if history.select().exists():
            return
        for at, user, what, old, new, note, cond in rows:
            columns = [getattr(history, key), history.at, history.what, history.old_value, history.new_value,
                       history.note] + ([history.user] if user is not None else [])
            query = model.select(model.id, at, pw.Value(what), pw.Value(old), new, note,
                                 *([user] if user is not None else []))
            if cond is not None:
                query = query.where(cond)
            history.insert_from(query, columns).execute()

    g = GiftRequest
    reconstruct(g, GiftRequestHistory, "request", [
        (g.requested_at, g.requested_by, "created", "", pw.Value("requested"), pw.Value(""), None),
        (g.decided_at, g.decided_by, "status", "requested", pw.Case(None, [(g.status == "refused", "refused")],
                                                                     "approved"),
         g.decision_note, g.decided_at.is_null(False)),
        (g.given_at, g.given_by, "status", "approved", pw.Value("given"), g.given_note,
         g.given_at.is_null(False) & (g.status == "given")),
    ])
    p = VisitPlan
    reconstruct(p, VisitPlanHistory, "plan", [
        (p.created_at, p.created_by, "created", "", pw.Value("draft"), pw.Value(""), None),
        (p.submitted_at, None, "status", "draft", pw.Value("submitted"), pw.Value(""), p.submitted_at.is_null(False)),
        (p.decided_at, p.decided_by, "status", "submitted", pw.Case(None, [(p.status == "approved", "approved")],
                                                                     "draft"),
         p.decision_note, p.decided_at.is_null(False)),
    ])


def _m005_stations_on_one_server(db: pw.Database) -> None:
    """v4 -> v5: many stations on one server (issue 9): the operation keys
    that resolve a COMMIT whose answer was lost (csdesk_operation), and one
    open job per unit held by the database itself; the change feed that
    shows each station what the others changed (csdesk_change)."""
    db.create_tables([Operation, ChangeFeed], safe=True)
    counter_indexes.one_open_job_per_unit(db)


def _m006_books_at_scale(db: pw.Database) -> None:
    """v5 -> v6: the books at scale (1 000 000 register rows, 300 000 jobs).

    * ``register_day_total`` (day, direction, entries): the register's rows
      per day and direction that no later row corrects, kept by each
      register write (app.domain.counter.register_totals), filled here
      from the register.
    * The counter's indexes (app.domain.counter.indexes): the register by
      unit, customer, direction and customer name, newest first; jobs by
      state, customer and unit, by date.
    """
    db.create_tables([RegisterDayTotal], safe=True)
    with db.bind_ctx([RegisterDayTotal, RegisterEntry]):
        register_totals.recompute()
    counter_indexes.create(db)


def _m007_phones_in_one_form(db: pw.Database) -> None:
    """v6 -> v7: every stored phone number in its one canonical form
    (:mod:`app.domain.core.phones`, issue 11: "+86 138 0013 8000" ->
    "13800138000", "(010) 6255 1234" -> "010-62551234", "010-62551234-8001"
    -> "010-62551234 转8001"): the customers' phones (and their search text,
    whose digits come from the phone) and the contacts' phones and mobiles.
    A number that cannot be read is kept as it is (nothing is lost; the
    archive asks for a readable one at its next save). The customers'
    phones get an index, for the duplicate check as a number is typed.
    Not a change of the customer's data: no archive history rows."""
    from app.domain.core import phones
    from app.domain.customers.customers import search_text_for

    c = pw.Table("customer", ("id", "code", "name", "short_name", "phone", "search_text")).bind(db)
    last = 0
    while True:   # in batches by id: constant memory for 100 000 customers
        batch = list(c.select(c.id, c.code, c.name, c.short_name, c.phone)
                     .where((c.id > last) & (c.phone != "")).order_by(c.id).limit(1000).tuples())
        if not batch:
            break
        for row_id, code, name, short_name, phone in batch:
            new = phones.normalise_or_keep(phone)
            if new != phone:
                c.update(phone=new, search_text=search_text_for(code, name, new, short_name or "")
                         ).where(c.id == row_id).execute()
        last = batch[-1][0]
    k = pw.Table("customer_contact", ("id", "phone", "mobile")).bind(db)
    for row_id, phone, mobile in list(k.select(k.id, k.phone, k.mobile)
                                      .where((k.phone != "") | (k.mobile != "")).tuples()):
        new_phone, new_mobile = phones.normalise_or_keep(phone or ""), phones.normalise_or_keep(mobile or "")
        if (new_phone, new_mobile) != (phone, mobile):
            k.update(phone=new_phone, mobile=new_mobile).where(k.id == row_id).execute()
    indexes.phone_index(db)


def _m_contacts_and_complaints(db: pw.Database) -> None:
    """v7 -> v8 (issue 13): the contact register (客服登记本, §4.2):
    ``contact_entry``, one numbered line per call, letter, e-mail, WeChat
    message or walk-in enquiry, append-only; and complaints (用户投诉, §1):
    ``complaint`` and its ``complaint_history``. Their number series (DH,
    TS) are made at the next open (numbering.ensure_series) or first use.
    ``visit.complaint_id`` (v3) now holds the id of a complaint row."""
    db.create_tables(CONTACTS_MODELS + COMPLAINTS_MODELS, safe=True)


MIGRATIONS = [_m001_initial, _m002_archive_and_sign_in, _m003_field_service, _m004_one_history_shape,
              _m005_stations_on_one_server, _m006_books_at_scale, _m007_phones_in_one_form,
              _m_contacts_and_complaints]
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(db: pw.Database | None = None, *, backup: bool = True) -> list[int]:
    """Bring the schema up to :data:`SCHEMA_VERSION`; returns the versions applied."""
    return engine.migrate(db or dbmod.database.obj, MIGRATIONS, create_current, backup=backup)


def current_version(db: pw.Database) -> int:
    """0 for an empty database; raises NotACsdeskDatabase for a foreign one."""
    return engine.current_version(db)
