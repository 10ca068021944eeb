"""The change feed: an action writes what it changed in its own
transaction, by book and record; a refused one writes nothing; a station
reads what follows the last change it saw."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from app.domain.core import changes, operations
from app.domain.core.errors import ValidationError
from app.domain.core.models import ChangeFeed, now
from app.domain.counter import intake
from app.domain.customers import customers
from app.domain.field import gifts
from tests.stations import station


def _feed(after=0):
    return [(c.book, c.row_id, c.station) for c in changes.since(after)]


def test_each_action_tells_its_book_and_records(any_db, staff):
    start = changes.latest_id()
    c = operations.run(customers.create_customer, "北京海淀华信电子有限公司", "010-62888899", "dealer", "",
                       user=None, key=operations.new_key())
    res = operations.run(intake.take_in, station.intake_form(c.id, "SN-FEED-1"), staff["counter"],
                         key=operations.new_key())
    operations.run(gifts.request_gift, staff["business"], c.id, [gifts.ItemInput("宣传册", Decimal(1), Decimal(5))],
                   "资料", key=operations.new_key())
    me = changes.STATION
    assert _feed(start) == [("customers", c.id, me), ("counter", res.job.id, me), ("field", None, me)]
    assert changes.latest_id() > start


def test_a_refused_action_or_a_direct_call_tells_nothing(any_db, staff):
    start = changes.latest_id()
    with pytest.raises(ValidationError):
        operations.run(customers.create_customer, "", "", "dealer", "", user=None, key=operations.new_key())
    customers.create_customer("上海浦东新永安数码商行", "021-58889999", "dealer", "", user=None)   # a script
    assert _feed(start) == []


def test_many_records_are_told_as_the_book(db, monkeypatch):
    from app.domain.core.db import write_transaction
    from app.domain.customers.models import Customer

    many = [customers.create_customer(f"客户{i}", "", "end_user", "", user=None) for i in range(changes.MAX_ROWS + 1)]

    def touch_all():
        with write_transaction():
            for c in many:
                operations.result(Customer.get_by_id(c.id))

    start = changes.latest_id()
    operations.run(touch_all)
    assert _feed(start) == [("customers", None, changes.STATION)]


def test_old_changes_are_pruned(db):
    ChangeFeed.create(book="counter", row_id=1, at=now() - dt.timedelta(days=changes.KEEP_DAYS + 1))
    ChangeFeed.create(book="counter", row_id=2)
    assert changes.prune() == 1 and [c.row_id for c in ChangeFeed.select()] == [2]
