"""The customer overview table (用户情况一览表, 附表2): the short columns of
every customer, filtered, searched and sorted, read a page at a time.

    q = overview.query(user, OverviewFilter(text="bjhd", region="北京市海淀区"), sort="name")
    first = q.page(0)             # 100 rows, one small query
    more = q.page(100)            # when the view scrolls down (Qt's fetchMore)
    n = q.count(cap=10_000)       # for the status bar; capped: "10000+"

Why pages and not "all ids first": fetching 100 000 ids costs 200-400 ms on
PostgreSQL and MariaDB (measured), a page of 100 sorted on an indexed column
a few ms. So the table model asks for pages as it scrolls and the total is
counted separately, capped. Each page is read ids first, then rows: the
sort handles only (key, id), not whole rows.

Search uses the same ``search_text`` match as the intake box
(:func:`app.domain.customers.customers.search`). No index serves a substring match on
every backend, so a search keystroke reads at most :data:`PROBE` matches,
once (:meth:`OverviewQuery._probe`). Sorted by code or name, the database
walks that column's index, which carries the search text and status
(schema v3), in order: with few matches the walk reads the whole index and
has them all, with many it stops after PROBE, the first pages. Sorted by
another column, _Probe reads the matches with their sort key and sorts the
few here. Before the probe a rare string sorted by name made the database
walk the name index testing every row (95-280 ms on 100 000 customers).

The sort is on the column asked for plus ``id``, so pages never overlap or
skip rows; code, region, status and credit rating are indexed, the other
columns are sorted per query.
"""
from __future__ import annotations

import operator
from dataclasses import dataclass
from decimal import Decimal
from functools import reduce
from typing import Iterator

import peewee as pw

from app.domain.core.db import database, is_mysql, is_postgres
from app.domain.core.errors import ValidationError, tx
from app.domain.core.models import User
from app.domain.core.permissions import require
from app.domain.core.text import clean
from app.domain.core.text import needle as search_text
from app.domain.customers.archive_fields import CREDIT_RATINGS, CUSTOMER_STATUSES, STATUSES
from app.domain.customers.customers import CATEGORIES, _contains, _needle
from app.domain.customers.models import Customer

PAGE = 100
#: Matches a search's probe reads: at most this many are sorted here.
PROBE = 2000
#: Sorts whose index carries the search text and status (schema v3).
COVERED_SORTS = ("code", "name")
#: Columns the overview sorts by (codes the UI maps to its headers).
SORTS = ("code", "name", "short_name", "category", "region", "phone", "credit_rating", "credit_limit",
         "status", "responsible", "cooperation_since", "created_at")


@dataclass
class OverviewFilter:
    """What the overview shows. Empty values do not filter.

    ``status``: "" = customers (active, suspended, closed); "all" = every
    row including prospects and refused ones; or one status code.
    ``credit_rating``: A-D, or "none" for customers not rated yet.
    ``region``: exact (the UI offers :func:`regions`).
    """
    text: str = ""
    category: str = ""
    region: str = ""
    credit_rating: str = ""
    status: str = ""
    responsible_id: int | None = None

    def is_empty(self) -> bool:
        return not (clean(self.text) or self.category or self.region or self.credit_rating or self.status
                    or self.responsible_id)


@dataclass
class OverviewRow:
    """One row of the overview table: no confidential archive detail."""
    id: int
    code: str
    name: str
    short_name: str
    category: str
    region: str
    phone: str
    credit_rating: str
    credit_limit: Decimal | None
    status: str
    responsible: str          # display name, "" if nobody
    cooperation_since: object  # date or None
    tier: str


_COLUMNS = (Customer.id, Customer.code, Customer.name, Customer.short_name, Customer.category, Customer.region,
            Customer.phone, Customer.credit_rating, Customer.credit_limit, Customer.status,
            pw.fn.COALESCE(User.display_name, ""), Customer.cooperation_since, Customer.tier)


class _Probe:
    """One search keystroke's probe (see the module docstring).

    ``SELECT c.id, key, filters-hold FROM (SELECT id FROM customer WHERE
    match LIMIT PROBE + 1) m JOIN customer c ON c.id = m.id``: the inner
    scan reads the (search_text, status) index alone, the other filters and
    the sort key are read for the few matches only. Filtering inside the
    scan, or reading the key there, made MariaDB read the whole table
    (110-160 ms instead of 17-25 ms on 100 000 customers). PostgreSQL reads
    rows (or its trigram index) either way and gets the flat query.
    """

    def __init__(self, match, filters, key, sort: str):
        self.match, self.filters, self.key, self.sort = match, filters, key, sort

    def run(self, descending: bool) -> list[int] | None:
        """Every matching id in order, or None when there are more than PROBE."""
        holds = pw.Case(None, [(self.filters, 1)], 0) if self.filters is not None else pw.Value(1)
        if is_postgres():
            # The scan reads whole rows anyway (or the trigram index); a join
            # would be hashed against a second full scan (30 -> 65 ms).
            q = Customer.select(Customer.id, self.key, holds).where(self.match).limit(PROBE + 1)
        else:
            inner = Customer.select(Customer.id).where(self.match).limit(PROBE + 1).alias("m")
            q = Customer.select(Customer.id, self.key, holds).join(inner, on=(Customer.id == inner.c.id))
        if self.sort == "responsible":
            q = q.switch(Customer).join(User, pw.JOIN.LEFT_OUTER, on=(Customer.responsible == User.id))
        rows = list(q.tuples())
        if len(rows) > PROBE:
            return None
        order = _python_order()
        found = [(order(k), i) for i, k, ok in rows if ok]
        found.sort(reverse=descending)
        return [i for _k, i in found]


def _python_order():
    """A sort key that puts values in the order the database's ORDER BY
    does: NULL first (SQLite, MariaDB) or last (PostgreSQL); text by code
    point (SQLite; a PostgreSQL database collated "C"), or ignoring case
    (MariaDB's general_ci, other PostgreSQL collations, approximately)."""
    nulls_last = is_postgres()
    fold = is_mysql() or (is_postgres() and not _pg_c_collation())

    def key(v):
        if v is None:
            return (2,) if nulls_last else (0,)
        if isinstance(v, str) and fold:
            return (1, v.lower())   # equal ignoring case: the id decides, as in the database
        return (1, v)
    return key


_pg_collation_cache: dict[str, bool] = {}


def _pg_c_collation() -> bool:
    db = database.obj
    name = f"{db.database}@{db.connect_params.get('host', '')}"
    if name not in _pg_collation_cache:
        row = db.execute_sql("SELECT datcollate FROM pg_database WHERE datname = current_database()").fetchone()
        _pg_collation_cache[name] = (row[0] if row else "") in ("C", "POSIX", "C.UTF-8", "C.utf8", "ucs_basic")
    return _pg_collation_cache[name]


class OverviewQuery:
    """A filtered, sorted overview, read by page. Build it with :func:`query`."""

    def __init__(self, select: pw.ModelSelect, flt: OverviewFilter, sort: str, descending: bool,
                 probe: _Probe | None = None):
        self._select = select
        self.filter, self.sort, self.descending = flt, sort, descending
        self._probe_plan = probe
        self._searching = probe is not None
        self._all_ids: list[int] | None = None   # every match, sorted (a search with few matches)
        self._head: list[int] = []                # the first PROBE matches in order, when known
        self._probed = False

    def _probe(self) -> None:
        """For a search, once: every match in order when there are at most
        PROBE of them (:attr:`_all_ids`), else the first PROBE when they
        come cheaply (:attr:`_head`).

        Sorted by code or name, the database's own walk of the covering sort
        index is the probe: it yields the matches already in order, and a
        search whose many matches all sort late (a customer code typed in
        code order) costs one pass over that index instead of a probe and
        then the pass (PostgreSQL 60 -> 23 ms, MariaDB 65 -> 37 ms). Other
        sorts have no such index: _Probe reads the matches with their key."""
        if self._probed or not self._searching:
            return
        self._probed = True
        if self.sort in COVERED_SORTS:
            ids = [r[0] for r in self._select.limit(PROBE + 1).tuples()]
            if len(ids) <= PROBE:
                self._all_ids = ids
            else:
                self._head = ids[:PROBE]
            return
        ids = self._probe_plan.run(self.descending)
        if ids is not None:
            self._all_ids = ids

    def page(self, offset: int, limit: int = PAGE) -> list[OverviewRow]:
        """``limit`` rows from ``offset`` (0-based) in the sorted order.

        Two small queries: the page's ids (the sort carries only the sort
        key and id, so sorting 100 000 names is cheap enough), then its rows.
        """
        self._probe()
        if self._all_ids is not None:
            return rows_by_id(self._all_ids[offset:offset + limit])
        if offset + limit <= len(self._head):
            return rows_by_id(self._head[offset:offset + limit])
        ids = [r[0] for r in self._select.limit(limit).offset(offset).tuples()]
        return rows_by_id(ids)

    def count(self, cap: int | None = None) -> int:
        """How many rows match; with ``cap``, counting stops at cap + 1 (show "cap+").

        Capped, a search over 100 000 customers is counted in a few ms
        (the database stops at cap + 1 rows instead of reading every match).
        """
        self._probe()
        if self._all_ids is not None:
            n = len(self._all_ids)
            return n if cap is None else min(n, cap + 1)
        inner = self._select.order_by()
        if cap is not None:
            inner = inner.limit(cap + 1)
        return inner.count()

    def counted(self, cap: int) -> tuple[int, bool]:
        """(n, more): exactly n matches, or more than n. What the status bar
        shows after each keystroke without a second scan: a search with many
        matches reports "more than PROBE" from its probe."""
        self._probe()
        if self._searching and self._all_ids is None:
            return min(cap, PROBE), True
        n = self.count(cap=cap)
        return min(n, cap), n > cap

    def ids(self) -> list[int]:
        """Every matching id in order (selections, bulk actions; not for opening the view)."""
        self._probe()
        if self._all_ids is not None:
            return list(self._all_ids)
        return [r[0] for r in self._select.tuples()]

    def rows(self, batch: int = 2000) -> Iterator[OverviewRow]:
        """Every matching row in order, ``batch`` at a time (export, print)."""
        offset = 0
        while True:
            chunk = self.page(offset, batch)
            yield from chunk
            if len(chunk) < batch:
                return
            offset += batch


def query(user, flt: OverviewFilter | None = None, sort: str = "code", descending: bool = False) -> OverviewQuery:
    """The overview as ``user`` may see it ("customer.overview"). Nothing is
    read until :meth:`OverviewQuery.page`. Raises PermissionDenied, or
    ValidationError for a filter value that is not a known code."""
    require(user, "customer.overview")
    flt = flt or OverviewFilter()
    errors = {}
    if flt.category and flt.category not in CATEGORIES:
        errors["category"] = tx("Choose a category.")
    if flt.status and flt.status not in STATUSES + ("all",):
        errors["status"] = tx("Choose a status.")
    if flt.credit_rating and flt.credit_rating not in CREDIT_RATINGS + ("none",):
        errors["credit_rating"] = tx("The credit rating is A, B, C, D or empty.")
    if sort not in SORTS:
        errors["sort"] = tx("Unknown column.")
    if errors:
        raise ValidationError(errors)
    conds = []
    if not flt.status:
        # NOT IN the two selection statuses, not IN the three customer ones:
        # IN made SQLite and MariaDB read 98 % of the table through the status
        # index and sort it, instead of walking the sort column's index.
        conds.append(Customer.status.not_in([s for s in STATUSES if s not in CUSTOMER_STATUSES]))
    elif flt.status != "all":
        conds.append(Customer.status == flt.status)
    if flt.category:
        conds.append(Customer.category == flt.category)
    if flt.region:
        conds.append(Customer.region == search_text(flt.region))
    if flt.credit_rating:
        conds.append(Customer.credit_rating == ("" if flt.credit_rating == "none" else flt.credit_rating))
    if flt.responsible_id:
        conds.append(Customer.responsible == flt.responsible_id)
    needle = search_needle(flt.text)
    match = _contains(Customer.search_text, needle) if needle else None
    col = pw.fn.COALESCE(User.display_name, "") if sort == "responsible" else getattr(Customer, sort)
    keys = [col.desc() if descending else col.asc()]
    if sort != "code":
        # id breaks ties so pages neither overlap nor skip. Not after the
        # unique code: PostgreSQL would then sort every row instead of
        # walking the code index (230 ms -> a few ms on 100 000 customers).
        keys.append(Customer.id.desc() if descending else Customer.id)
    q = Customer.select(Customer.id)
    if sort == "responsible":
        q = q.join(User, pw.JOIN.LEFT_OUTER, on=(Customer.responsible == User.id))
    # The search first: MariaDB tests the conditions in this order, and the
    # status test on every row cost more than the search itself (37 -> 25 ms).
    for cond in ([match] if match is not None else []) + conds:
        q = q.where(cond)
    q = q.order_by(*keys)
    probe = _Probe(match, reduce(operator.and_, conds) if conds else None, col, sort) if match is not None else None
    return OverviewQuery(q, flt, sort, descending, probe=probe)


def rows_by_id(ids: list[int]) -> list[OverviewRow]:
    """The overview rows of ``ids``, in that order (missing ids left out)."""
    if not ids:
        return []
    found = {r[0]: OverviewRow(*r) for r in Customer.select(*_COLUMNS)
             .join(User, pw.JOIN.LEFT_OUTER, on=(Customer.responsible == User.id))
             .where(Customer.id.in_(ids)).tuples()}
    return [found[i] for i in ids if i in found]


def search_needle(text: str) -> str:
    """What :func:`app.domain.customers.customers.search` looks for when ``text`` is typed
    (a phone number however written: its digits as the search text holds them)."""
    return _needle(text)


def regions() -> list[str]:
    """The regions in use, for the filter's drop-down (read from the region index)."""
    return [r[0] for r in Customer.select(Customer.region).where(Customer.region != "")
            .distinct().order_by(Customer.region).tuples()]


def row(user, customer_id: int) -> OverviewRow | None:
    """The overview row of one customer (what everyone with "customer.overview" sees)."""
    require(user, "customer.overview")
    found = (Customer.select(*_COLUMNS).join(User, pw.JOIN.LEFT_OUTER, on=(Customer.responsible == User.id))
             .where(Customer.id == customer_id).tuples().first())
    return OverviewRow(*found) if found else None
