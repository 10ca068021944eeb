"""The ``csdesk`` command.

    csdesk [--database URL] [--demo]            open the application
    csdesk [--database URL] demo-data [--customers N] [--jobs N] [--extra-customers N]
    csdesk [--database URL] print receipt|card|voucher NUMBER -o FILE.pdf [--lang en] [--paper A5]
    csdesk [--database URL] migrate

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
    pr = sub.add_parser("print", help="write a job's document as PDF")
    pr.add_argument("document", choices=["receipt", "card", "cards", "voucher"])
    pr.add_argument("number", help="job number, repair card code or receipt number")
    pr.add_argument("-o", "--output", required=True, help="PDF file to write")
    pr.add_argument("--lang", default="zh_CN", choices=["zh_CN", "en"])
    pr.add_argument("--paper", help="receipt: 80mm or A5; voucher: A4 or A5")
    pr.add_argument("--copies", type=int, default=1)
    pr.add_argument("--font", help="CJK TrueType font file")
    sub.add_parser("migrate", help="apply schema migrations and exit")
    return p


def _open(url: str) -> None:
    from app.domain.bootstrap import open_database

    open_database(url)


def _fail(exc: Exception) -> int:
    print(f"csdesk: {getattr(exc, 'message', exc)}", file=sys.stderr)
    return 2


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from app.domain.db import default_url
    from app.domain.errors import CsdeskError

    url = args.database or (demo_database_url() if args.demo else default_url())
    if args.command is None:
        if args.demo:
            try:
                # Only the demo's own file is topped up with the demo users;
                # --demo on another database adds nothing to it.
                ensure_demo(url, own=args.database is None)
            except CsdeskError as exc:
                return _fail(exc)
        from app.ui.application import run

        return run(url, demo=args.demo)
    try:
        _open(url)
        if args.command == "migrate":
            print("schema up to date")
            return 0
        if args.command == "demo-data":
            from app.domain import demo

            s = demo.fill(args.customers, args.jobs, args.extra_customers, seed=args.seed)
            print(f"demo data: {s.customers} customers, {s.units} units, {s.jobs} jobs, "
                  f"{s.agreements} new agreements")
            return 0
        if args.command == "print":
            return _print(args)
    except CsdeskError as exc:
        return _fail(exc)
    return 0


def _print(args) -> int:
    from app import printouts
    from app.domain.documents import job_for_document

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


def ensure_demo(url: str, own: bool = True) -> None:
    """Create and fill the demo database on first use; an older demo file
    (``own``) gets the demo users and their password (demo.DEMO_PASSWORD)."""
    from app.domain import demo
    from app.domain.models import Job

    _open(url)
    if not Job.select().exists():
        demo.fill()
    elif own:
        demo.ensure_staff()
    from app.domain.db import close

    close()


if __name__ == "__main__":
    sys.exit(main())
