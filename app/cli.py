"""The ``csdesk`` command.

    csdesk [--database URL] [--demo]            open the application
    csdesk [--database URL] demo-data [--customers N] [--jobs N] [--extra-customers N]
    csdesk [--database URL] print receipt|card|voucher NUMBER -o FILE.pdf [--lang en] [--paper A5]
    csdesk [--database URL] print visit-report ZF-... | visit-plan PLAN_ID | gift-slip LP-... |
                                  survey-form [CUSTOMER_CODE] -o FILE.pdf [--lang en]
    csdesk [--database URL] print register --from YYYY-MM-DD --to YYYY-MM-DD -o FILE.pdf [--lang en]
    csdesk [--database URL] print contacts --from YYYY-MM-DD --to YYYY-MM-DD -o FILE.pdf [--lang en]
    csdesk [--database URL] print complaints --from YYYY-MM-DD --to YYYY-MM-DD -o FILE.pdf [--lang en]
    csdesk [--database URL] print complaint TS-... -o FILE.pdf [--lang en]
    csdesk [--database URL] migrate
    csdesk [--database URL] db backup FILE [--force]
    csdesk [--database URL] db restore FILE [--force]

``--database`` or ``CSDESK_DATABASE_URL`` selects the database:
``sqlite:///path``, ``postgresql://user:pw@host:port/db``, ``mysql://user:pw@host:port/db``.
Without either, a SQLite file in the user's data folder is used.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def demo_database_url() -> str:
    import platformdirs

    return "sqlite:///" + str(Path(platformdirs.user_data_dir("csdesk", "csdesk")) / "demo.sqlite3")


#: Field-service documents (brief §3) the print command writes.
FIELD_DOCUMENTS = ("visit-report", "visit-plan", "gift-slip", "survey-form")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="csdesk", description="csdesk: customer-service and after-sales desk")
    p.add_argument("--database", "-d", metavar="URL", help="database URL (default: $CSDESK_DATABASE_URL "
                   "or a SQLite file in the user data folder)")
    p.add_argument("--demo", action="store_true", help="open the app on the demo database, creating it first")
    sub = p.add_subparsers(dest="command")
    d = sub.add_parser("demo-data", help="fill the database with realistic sample data (no window)")
    d.add_argument("--customers", type=int, default=40, help="customers made through the services (40)")
    d.add_argument("--jobs", type=int, default=80, help="service jobs in every state (80)")
    d.add_argument("--extra-customers", type=int, default=0,
                   help="customers bulk-inserted on top, for benchmarks (e.g. 100000)")
    d.add_argument("--seed", type=int, default=2026)
    pr = sub.add_parser("print", help="write a document as PDF")
    pr.add_argument("document", choices=["receipt", "card", "cards", "voucher", "register", "contacts", "complaints",
                                         "complaint"] + list(FIELD_DOCUMENTS))
    pr.add_argument("number", nargs="?", default="",
                    help="job number, repair card code or receipt number; complaint number (TS-...); "
                         "visit number (ZF-...); "
                         "visit plan id; gift request number (LP-...); customer code for a survey form "
                         "(none: a blank form)")
    pr.add_argument("-o", "--output", required=True, help="PDF file to write")
    pr.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD",
                    help="register, contacts, complaints: the first day of the range")
    pr.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD",
                    help="register, contacts, complaints: the last day (included)")
    pr.add_argument("--lang", default="zh_CN", choices=["zh_CN", "en"])
    pr.add_argument("--paper", help="receipt: 80mm or A5; voucher: A4 or A5")
    pr.add_argument("--copies", type=int, default=1)
    pr.add_argument("--font", help="CJK TrueType font file")
    sub.add_parser("migrate", help="apply schema migrations and exit")
    db = sub.add_parser("db", help="back up or restore the database (app.domain.backup)")
    dbsub = db.add_subparsers(dest="db_command", required=True)
    b = dbsub.add_parser("backup", help="write a backup: FILE.sqlite3 (SQLite database) or any other name "
                                        "(a portable dump that restores into any backend)")
    b.add_argument("file", help="the backup file to write")
    b.add_argument("--force", action="store_true", help="replace FILE if it exists")
    r = dbsub.add_parser("restore", help="restore a backup into an empty database")
    r.add_argument("file", help="a csdesk dump or an SQLite backup")
    r.add_argument("--force", action="store_true",
                   help="restore over a database that holds data (what it holds is backed up first)")
    return p


def _open(url: str) -> None:
    from app.domain.bootstrap import open_database

    open_database(url)


def _fail(exc: Exception) -> int:
    from app.domain.core.errors import ValidationError

    # A wrong field says what is wrong, not the field's internal name.
    text = "; ".join(exc.fields.values()) if isinstance(exc, ValidationError) else getattr(exc, "message", exc)
    print(f"csdesk: {text}", file=sys.stderr)
    return 2


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from app.domain.core.db import default_url
    from app.domain.core.errors import CsdeskError

    url = args.database or (demo_database_url() if args.demo else default_url())
    if args.command is None:
        if args.demo:
            try:
                # A new empty database becomes a demo; a real one is refused.
                ensure_demo(url)
            except CsdeskError as exc:
                return _fail(exc)
        from app.ui.shell.application import run

        return run(url, demo=args.demo)
    try:
        if args.command == "db":
            return _db(args, url)
        _open(url)
        if args.command == "migrate":
            print("schema up to date")
            return 0
        if args.command == "demo-data":
            from app import demo

            s = demo.fill(args.customers, args.jobs, args.extra_customers, seed=args.seed)
            print(f"demo data: {s.customers} customers, {s.units} units, {s.jobs} jobs, "
                  f"{s.agreements} new agreements")
            return 0
        if args.command == "print":
            return _print(args)
    except CsdeskError as exc:
        return _fail(exc)
    return 0


def _db(args, url: str) -> int:
    """csdesk db backup | restore: print what was done (tables, rows, bytes, seconds)."""
    from app.domain import backup
    from app.domain.core import db

    if args.db_command == "backup":
        url = db.normalise_url(url)
        if db.backend_of(url) == "sqlite" and not Path(db.sqlite_path(url)).is_file():
            # Opening would create an empty database, and back that up.
            from app.domain.core.errors import DatabaseUnavailable, tx

            raise DatabaseUnavailable(tx("There is no file {file}.", file=db.sqlite_path(url)))
        _open(url)
        try:
            summary = backup.backup(args.file, force=args.force)
        finally:
            db.close()
    else:
        summary = backup.restore(url, args.file, force=args.force)
    print(summary.describe())
    return 0


def _print(args) -> int:
    if args.document in FIELD_DOCUMENTS:
        return _print_field(args)
    if args.document in ("register", "contacts", "complaints"):
        return _print_register(args)
    if args.document == "complaint":
        return _print_complaint(args)
    from app.domain.counter import printouts
    from app.domain.counter.documents import job_for_document

    job = job_for_document(args.number)
    opts = printouts.PrintOptions(lang=args.lang, copies=args.copies, font_path=args.font)
    if args.paper:
        if args.document == "receipt":
            opts.receipt_paper = args.paper
        else:
            opts.voucher_paper = args.paper
    warning = printouts.font_warning(opts)
    if warning:
        print(f"csdesk: warning: {warning}", file=sys.stderr)
    pdf = printouts.render("cards" if args.document == "card" else args.document, job, opts)
    Path(args.output).write_bytes(pdf)
    print(f"{args.output}: {args.document} for {job.number} ({len(pdf)} bytes)")
    return 0


def _print_register(args) -> int:
    """The in/out register's (用户产品进出登记本) or the contact register's (客服登记本, ``contacts``)
    pages for a range of days, as the system user."""
    import datetime as dt

    from app.domain.core.errors import ValidationError, tx
    from app.domain.counter import register_print

    if args.number:
        raise ValidationError({"number": tx("The register is printed for a range of days: --from YYYY-MM-DD "
                                            "--to YYYY-MM-DD, no number.")})
    days = {}
    for name, option, value in (("date_from", "--from", args.date_from), ("date_to", "--to", args.date_to)):
        if not value:
            raise ValidationError({name: tx("Give {option} YYYY-MM-DD.", option=option)})
        try:
            days[name] = dt.date.fromisoformat(value.strip())
        except ValueError:
            raise ValidationError({name: tx("{option} {value} is not a date (YYYY-MM-DD).", option=option,
                                            value=value)}) from None
    if args.document == "complaints":
        from app.domain.complaints import statistics

        pdf = statistics.render_stats(None, days["date_from"], days["date_to"], lang=args.lang, font=args.font)
    elif args.document == "contacts":
        from app.domain.contacts import book_print

        pdf = book_print.render_book(None, days["date_from"], days["date_to"], lang=args.lang, font=args.font)
    else:
        pdf = register_print.render_book(None, days["date_from"], days["date_to"], lang=args.lang, font=args.font)
    Path(args.output).write_bytes(pdf)
    print(f"{args.output}: {args.document} {days['date_from']} to {days['date_to']} ({len(pdf)} bytes)")
    return 0


def _print_complaint(args) -> int:
    """One complaint's handling form (用户投诉处理单), as the system user."""
    from app.domain.complaints import complaints, statistics
    from app.domain.core.errors import NotFound, tx

    c = complaints.get_by_number(args.number or "")
    if c is None:
        raise NotFound(tx("No document {number}.", number=args.number))
    pdf = statistics.render_form(None, c.id, lang=args.lang, font=args.font)
    Path(args.output).write_bytes(pdf)
    print(f"{args.output}: complaint {c.number} ({len(pdf)} bytes)")
    return 0


def _print_field(args) -> int:
    """A field-service form as the Visit planning tab prints it (as the system user);
    one that cannot be laid out is a message and exit code 2 (printed.DocumentNotLaidOut)."""
    from app.domain.core import printed
    from app.domain.core.errors import NotFound, tx
    from app.domain.customers.models import Customer
    from app.domain.field.models import GiftRequest, Visit

    def find(model, field, value):
        row = model.get_or_none(field == value)
        if row is None:
            raise NotFound(tx("No document {number}.", number=value))
        return row

    doc, number, font = args.document, args.number.strip(), args.font
    if doc == "visit-report":
        from app.domain.field import visit_plans
        from app.printing.field import visit_report_print

        data = visit_plans.report_print_data(None, find(Visit, Visit.number, number).id)
        pdf = printed.laid_out(visit_report_print.render_visit_report, data, lang=args.lang, font=font)
    elif doc == "visit-plan":
        from app.domain.field import visit_plans
        from app.printing.field import visit_plan_print

        if not number.isdigit():
            raise NotFound(tx("No document {number}.", number=number))
        pdf = printed.laid_out(visit_plan_print.render_visit_plan, visit_plans.plan_print_data(None, int(number)),
                               lang=args.lang, font=font)
    elif doc == "gift-slip":
        from app.domain.field import gifts
        from app.printing.field import gift_print

        data = gifts.slip_data(None, find(GiftRequest, GiftRequest.number, number).id)
        pdf = printed.laid_out(gift_print.render_gift_slip, data, lang=args.lang, font=font)
    else:
        from app.domain.field import survey_results
        from app.printing.field import survey_form

        customer_id = find(Customer, Customer.code, number).id if number else None
        pdf = printed.laid_out(survey_form.render_survey_form,
                               survey_results.form_print_data(None, customer_id, args.lang), lang=args.lang, font=font)
    Path(args.output).write_bytes(pdf)
    print(f"{args.output}: {doc} {number} ({len(pdf)} bytes)".replace("  (", " ("))
    return 0


def ensure_demo(url: str) -> None:
    """Make ``url`` the demo database: a new, empty database is filled with
    the demo data (40 customers, their units and jobs, the demo users with
    demo.DEMO_PASSWORD) and marked as a demo; a database the demo made gets
    its users topped up. Any other database is refused (demo.NotADemoDatabase):
    ``--demo`` signs in without a password, so it never opens a real one."""
    from app import demo
    from app.domain.core.db import close
    from app.domain.counter.models import Job

    _open(url)
    try:
        created = demo.claim_database()
        if created or not Job.select().exists():
            demo.fill()
        else:
            demo.ensure_staff()
    finally:
        close()


if __name__ == "__main__":
    sys.exit(main())
