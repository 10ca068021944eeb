"""Document numbers: per kind and year, gap-free, unique under concurrency."""
from __future__ import annotations

import multiprocessing as mp
import re

import pytest

from app.domain import bootstrap
from app.domain.core import db as dbmod
from app.domain.core import numbering
from app.domain.core.errors import ValidationError
from app.domain.counter.models import Job, Receipt, RegisterEntry
from tests.helpers import make_customer, take_in


def test_series_per_kind_and_year(any_db):
    import datetime as dt

    with dbmod.write_transaction():
        a = numbering.next_number("WX", dt.date(2026, 5, 1))
        b = numbering.next_number("WX", dt.date(2026, 6, 1))
        c = numbering.next_number("LQ", dt.date(2026, 6, 1))
        d = numbering.next_number("WX", dt.date(2027, 1, 2))
    assert (a, b, c, d) == ("WX-2026-000001", "WX-2026-000002", "LQ-2026-000001", "WX-2027-000001")


def test_outside_transaction_refused(db):
    with pytest.raises(RuntimeError):
        numbering.next_number("WX")


def test_rolled_back_save_gives_its_number_back(any_db, staff):
    take_in(staff["counter"], serial="A1")
    with pytest.raises(ValidationError):
        take_in(staff["counter"], serial="A2", fault="")  # refused before numbering
    # A failure after the number was drawn (inside the transaction) rolls it back too.
    class Boom(Exception):
        pass

    with pytest.raises(Boom):
        with dbmod.write_transaction():
            numbering.next_number("WX")
            raise Boom
    res = take_in(staff["counter"], serial="A3", customer=make_customer("李四", "13800138000", "end_user"))
    assert res.job.number.endswith("-000002")


def test_parse_codes():
    assert numbering.parse("wx-2026-000123-2") == {"kind": "WX", "year": 2026, "seq": 123,
                                                   "number": "WX-2026-000123", "item": 2}
    assert numbering.parse(" LQ-2026-000045\n")["number"] == "LQ-2026-000045"
    assert numbering.parse("hello") is None


def _worker(url: str, worker: int, n: int, queue) -> None:
    """One 'station': its own process and connection, saving n jobs."""
    try:
        _save_jobs(url, worker, n, queue)
    except Exception as exc:  # report instead of leaving the parent waiting
        queue.put(("error", repr(exc)))


def _save_jobs(url: str, worker: int, n: int, queue) -> None:
    from app.domain.core.models import User
    from app.domain.counter import intake
    from app.domain.customers import customers

    bootstrap.open_database(url)
    user = User.get(User.username == "counter")
    c = customers.create_customer(f"并发测试客户{worker}", f"1380000{worker:04d}", "end_user", user=None)
    numbers = []
    for i in range(n):
        form = intake.IntakeForm(customer_id=c.id, serial=f"CC{worker:02d}{i:04d}", fault="并发保存",
                                 product_model="CC-MODEL", product_name="并发测试机型")
        numbers.append(intake.take_in(form, user).job.number)
    queue.put(("ok", numbers))


@pytest.mark.slow
def test_concurrent_stations_get_unique_gap_free_numbers(any_db):
    """Several processes save jobs at the same moment: every number is
    issued once and the series has no gaps."""
    from app.domain.core import users
    from app.domain.counter import products

    products.get_or_create_product("CC-MODEL", "并发测试机型")  # shared by all workers
    users.create_user("counter", "张丽", "counter")
    dbmod.close()
    workers, per_worker = 4, 15
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    procs = [ctx.Process(target=_worker, args=(any_db, w, per_worker, queue)) for w in range(workers)]
    for p in procs:
        p.start()
    results = [queue.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    errors = [r for kind, r in results if kind == "error"]
    assert not errors, errors
    numbers = [n for kind, r in results for n in r]
    assert len(numbers) == workers * per_worker
    assert len(set(numbers)) == len(numbers)
    seqs = sorted(int(re.match(r"WX-\d{4}-(\d+)", n).group(1)) for n in numbers)
    assert seqs == list(range(1, workers * per_worker + 1))
    bootstrap.open_database(any_db)
    assert Job.select().count() == workers * per_worker
    # Receipts and register rows numbered just as tightly.
    for model in (Receipt, RegisterEntry):
        seqs = sorted(int(x.number.rsplit("-", 1)[1]) for x in model.select())
        assert seqs == list(range(1, workers * per_worker + 1))
