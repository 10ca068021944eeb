"""The overview's search probe (app.domain.customers.overview): a search with few
matches is sorted from one scan, one with many walks the sort index; both
give the same rows, pages and counts as sorting every match would."""
from __future__ import annotations

import pytest

from app.domain.customers import archive, customers
from app.domain.customers import overview as ov
from app.domain.customers.models import Customer


@pytest.fixture
def people(any_db):
    names = ["王建华", "王芳", "李王明", "赵四", "钱五", "孙六", "王强", "周王"]
    made = [customers.create_customer(n, f"1391234{i:04d}", user=None) for i, n in enumerate(names)]
    return made


def _probe(monkeypatch, n: int) -> None:
    monkeypatch.setattr(ov, "PROBE", n)


def _expected(needle: str, sort: str, descending: bool) -> list[str]:
    rows = [c for c in Customer.select() if needle in c.search_text]
    rows.sort(key=lambda c: (getattr(c, sort), c.id), reverse=descending)
    return [c.code for c in rows]


@pytest.mark.parametrize("probe", [2, 3, 100])   # many matches / exactly at the probe / few
@pytest.mark.parametrize("sort,descending", [("code", False), ("name", True), ("phone", False)])
def test_search_pages_and_counts_match_a_full_sort(people, monkeypatch, probe, sort, descending):
    _probe(monkeypatch, probe)
    want = _expected("王", sort, descending)
    assert len(want) == 5
    q = archive.overview(None, archive.OverviewFilter(text="王"), sort=sort, descending=descending)
    got = [r.code for r in q.page(0, 2)] + [r.code for r in q.page(2, 2)] + [r.code for r in q.page(4, 2)]
    assert got == want
    assert [r.code for r in q.rows(batch=3)] == want
    assert [Customer.get_by_id(i).code for i in q.ids()] == want
    n, more = q.counted(cap=10_000)
    if probe >= len(want):
        assert (n, more) == (5, False)          # counted from the probe itself
    else:
        assert (n, more) == (probe, True)       # "more than PROBE": no second scan
    assert q.count() == 5 and q.count(cap=3) == 4


def test_search_with_no_match_and_unsearched_counts(people, monkeypatch):
    _probe(monkeypatch, 2)
    q = archive.overview(None, archive.OverviewFilter(text="xyzq"))
    assert q.page(0) == [] and q.counted(cap=10) == (0, False) and q.ids() == []
    q = archive.overview(None, archive.OverviewFilter())   # no search: counted by the database
    assert q.counted(cap=5) == (5, True) and q.counted(cap=100) == (8, False)


@pytest.fixture
def mixed(any_db, staff):
    """Customers whose sort columns hold what real archives hold: Latin
    names in both cases, Chinese names, empty and NULL values."""
    from decimal import Decimal

    from app.domain.customers import archive

    rows = [("abc Trading", "dealer", "北京市海淀区", "A", Decimal("50000"), staff["business"]),
            ("ABD 电子", "retailer", "", "", None, None),
            ("Zeta 科技", "dealer", "上海市浦东新区", "B", Decimal("1000"), staff["manager"]),
            ("王芳", "end_user", "北京市海淀区", "", None, None),
            ("alpha 王氏", "agent", "成都市武侯区", "C", Decimal("50000"), staff["business"]),
            ("北京王府井商行", "retailer", "北京市东城区", "A", None, staff["manager"])]
    for i, (name, cat, region, rating, limit, resp) in enumerate(rows):
        c = customers.create_customer(name, f"1381234{i:04d}", cat, user=None)
        archive.save_archive(None, c.id, c.version, {"region": region, "credit_rating": rating, "credit_limit": limit,
                                                     "responsible_id": resp.id if resp else None})


@pytest.mark.parametrize("sort", ov.SORTS)
def test_probe_order_is_the_databases_order(mixed, monkeypatch, sort):
    """The few matches sorted here come in the order the database's own
    ORDER BY gives (PROBE 0: every search walks the database's order)."""
    for descending in (False, True):
        for text in ("1381234", "王", "a"):
            flt = archive.OverviewFilter(text=text)
            _probe(monkeypatch, 0)
            by_db = archive.overview(None, flt, sort=sort, descending=descending).ids()
            _probe(monkeypatch, 1000)
            probed = archive.overview(None, flt, sort=sort, descending=descending)
            assert probed.ids() == by_db and probed._all_ids is not None, (sort, descending, text)


def test_probe_applies_the_other_filters(mixed, monkeypatch):
    _probe(monkeypatch, 1000)
    q = archive.overview(None, archive.OverviewFilter(text="王", region="北京市海淀区"), sort="name")
    assert [r.name for r in q.page(0)] == ["王芳"] and q.counted(cap=100) == (1, False)
    q = archive.overview(None, archive.OverviewFilter(text="a", credit_rating="none"), sort="name")
    assert [r.name for r in q.page(0)] == ["ABD 电子"]
