"""The overview's search probe (app.domain.overview): a search with few
matches is sorted from one scan, one with many walks the sort index; both
give the same rows, pages and counts as sorting every match would."""
from __future__ import annotations

import pytest

from app.domain import archive, customers
from app.domain import overview as ov
from app.domain.models import Customer


@pytest.fixture
def people(any_db):
    names = ["王建华", "王芳", "李王明", "赵四", "钱五", "孙六", "王强", "周王"]
    made = [customers.create_customer(n, f"1391234{i:04d}", user=None) for i, n in enumerate(names)]
    return made


def _expected(needle: str, sort: str, descending: bool) -> list[str]:
    rows = [c for c in Customer.select() if needle in c.search_text]
    rows.sort(key=lambda c: (getattr(c, sort), c.id), reverse=descending)
    return [c.code for c in rows]


@pytest.mark.parametrize("probe", [2, 3, 100])   # many matches / exactly at the probe / few
@pytest.mark.parametrize("sort,descending", [("code", False), ("name", True), ("phone", False)])
def test_search_pages_and_counts_match_a_full_sort(people, monkeypatch, probe, sort, descending):
    monkeypatch.setattr(ov, "PROBE", probe)
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
    monkeypatch.setattr(ov, "PROBE", 2)
    q = archive.overview(None, archive.OverviewFilter(text="xyzq"))
    assert q.page(0) == [] and q.counted(cap=10) == (0, False) and q.ids() == []
    q = archive.overview(None, archive.OverviewFilter())   # no search: counted by the database
    assert q.counted(cap=5) == (5, True) and q.counted(cap=100) == (8, False)
