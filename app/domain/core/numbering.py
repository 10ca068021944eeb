"""Gap-free document numbers: a series per document kind and year.

``next_number("WX")`` -> ``"WX-2026-000123"``. The counter row is locked for
the rest of the caller's transaction (``SELECT ... FOR UPDATE`` on PostgreSQL
and MariaDB, the database write lock on SQLite), so two stations saving at
the same moment queue instead of taking the same number, and a transaction
that rolls back gives its number back: the series has no gaps. Call it only
inside the transaction that writes the document.
"""
from __future__ import annotations

import datetime as dt
import re

import peewee as pw

from app.domain.core import db as dbmod
from app.domain.core.models import DocumentSeries, now

#: Document kinds and their prefixes.
KINDS = {
    "WX": "service job (维修单)",
    "LQ": "pickup receipt (领取收据)",
    "JC": "in/out register row (进出登记)",
    "CU": "customer code",
    "XY": "maintenance agreement (维修协议)",
    "ZF": "customer visit (走访)",
    "HD": "service activity (服务活动)",
    "LP": "gift / sample request (礼品申请)",
    "DC": "satisfaction survey (满意度调查表)",
    "DH": "contact register line (客服登记本)",
    "TS": "customer complaint (用户投诉)",
}

NUMBER_RE = re.compile(r"^(?P<kind>[A-Z]{2})-(?P<year>\d{4})-(?P<seq>\d{6,})(?:-(?P<item>\d+))?$")


def format_number(kind: str, year: int, seq: int) -> str:
    return f"{kind}-{year}-{seq:06d}"


def next_number(kind: str, when: dt.date | None = None) -> str:
    """Issue the next number of ``kind`` for the year of ``when`` (today)."""
    if kind not in KINDS:
        raise ValueError(f"unknown document kind {kind!r}")
    db = dbmod.database.obj
    if not db.in_transaction():
        raise RuntimeError("next_number() must run inside the document's transaction")
    year = (when or now().date()).year
    series = _locked_series(db, kind, year)
    if series is None:
        # First document of the kind this year. (Bootstrap creates this and
        # next year's rows, so stations rarely race here.) A concurrent
        # station inserting the same row is ignored, not an error.
        DocumentSeries.insert(kind=kind, year=year, last_number=0).on_conflict_ignore().execute()
        series = _locked_series(db, kind, year)
    seq = series.last_number + 1
    DocumentSeries.update(last_number=seq).where(DocumentSeries.id == series.id).execute()
    return format_number(kind, year, seq)


def _locked_series(db, kind: str, year: int) -> DocumentSeries | None:
    # Lock first, insert only when missing: on MariaDB an INSERT IGNORE of an
    # existing key takes a shared lock, and two stations each holding one
    # while asking for the exclusive lock deadlock.
    query = DocumentSeries.select().where((DocumentSeries.kind == kind) & (DocumentSeries.year == year))
    if not isinstance(db, pw.SqliteDatabase):
        query = query.for_update()
    return query.first()


def ensure_series(years: list[int]) -> None:
    """Create the counter rows of every kind for ``years`` (idempotent)."""
    for year in years:
        for kind in KINDS:
            DocumentSeries.insert(kind=kind, year=year, last_number=0).on_conflict_ignore().execute()


def parse(code: str) -> dict | None:
    """Split a scanned code into kind, year, seq and (for a card) item index."""
    m = NUMBER_RE.match(code.strip().upper())
    if not m:
        return None
    d = m.groupdict()
    return {"kind": d["kind"], "year": int(d["year"]), "seq": int(d["seq"]),
            "number": f"{d['kind']}-{d['year']}-{d['seq']}",
            "item": int(d["item"]) if d["item"] else None}
