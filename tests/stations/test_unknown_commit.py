"""A connection cut while COMMIT is on its way (a small TCP proxy between
the station and the server drops it at that moment): the station looks
its own key up and tells the truth, and a retry never saves twice. On
PostgreSQL and MariaDB (a SQLite file has no connection to lose)."""
from __future__ import annotations

import os
from urllib.parse import urlparse, urlunparse

import pytest

from app.domain import bootstrap
from app.domain.core import db as dbmod
from app.domain.core import operations
from app.domain.core.models import Operation
from app.domain.counter import intake, register
from app.domain.counter.models import Job, RegisterEntry
from app.domain.customers import customers
from app.domain.customers.models import Customer
from tests.conftest import SERVER_ENV, ServerDatabase
from tests.stations import station
from tests.stations.proxy import Proxy


def _servers():
    return [pytest.param(b, marks=pytest.mark.skipif(not os.environ.get(SERVER_ENV[b]), reason=f"no {b} server"))
            for b in ("postgresql", "mysql")]


@pytest.fixture(params=_servers())
def proxied(request):
    """A throw-away database on the server, reached through a proxy; yields the proxy."""
    server = ServerDatabase(os.environ[SERVER_ENV[request.param]])
    url = server.create()
    p = urlparse(url)
    proxy = Proxy(p.port or (5432 if request.param == "postgresql" else 3306))
    try:
        bootstrap.open_database(urlunparse(p._replace(netloc=f"{p.username}@127.0.0.1:{proxy.port}")))
        yield proxy
    finally:
        dbmod.close()
        proxy.close()
        server.drop()


def test_a_lost_commit_that_went_through_is_found_and_printed(proxied, staff):
    c = customers.create_customer("北京海淀华信电子有限公司", "010-62888899", "dealer", "", user=None)
    key = operations.new_key()
    proxied.cut_after_commit = True
    res = operations.run(intake.take_in, station.intake_form(c.id, "SN-LOST-1"), staff["counter"], key=key)
    assert proxied.cuts == 1
    assert isinstance(res, intake.IntakeResult) and res.job.number.startswith("WX-")   # printing goes on
    assert res.receipt is not None and res.register_row.direction == "in"
    assert Job.select().join(Job.unit.rel_model).where(Job.unit.rel_model.serial == "SN-LOST-1").count() == 1
    assert Operation.get_by_id(key).row_id == res.job.id


def test_a_lost_commit_that_did_not_go_through_runs_again_once(proxied, staff):
    c = customers.create_customer("北京海淀华信电子有限公司", "010-62888899", "dealer", "", user=None)
    proxied.cut_before_commit = True
    res = operations.run(intake.take_in, station.intake_form(c.id, "SN-LOST-2"), staff["counter"],
                         key=operations.new_key())
    assert proxied.cuts == 1
    assert Job.select().where(Job.number == res.job.number).count() == 1
    assert Job.select().count() == 1


def test_a_customer_and_a_correction_are_never_saved_twice(proxied, staff):
    proxied.cut_after_commit = True
    c = operations.run(customers.create_customer, "上海浦东新永安数码商行", "021-58889999", "dealer", "", user=None,
                       key=operations.new_key())
    assert proxied.cuts == 1 and Customer.select().where(Customer.name == "上海浦东新永安数码商行").count() == 1
    assert c.id == Customer.get(Customer.name == "上海浦东新永安数码商行").id
    res = intake.take_in(station.intake_form(c.id, "SN-LOST-3"), staff["counter"])
    proxied.cut_after_commit = True
    row = operations.run(register.correct, res.register_row.id, staff["counter"], "经手人写错", person="李四",
                         key=operations.new_key())
    assert proxied.cuts == 2
    assert row.person == "李四"
    assert RegisterEntry.select().where(RegisterEntry.corrects == res.register_row.id).count() == 1


def test_the_same_key_twice_saves_once(proxied):
    key = operations.new_key()
    first = operations.run(customers.create_customer, "广州天河顺达电子", "020-38886666", "dealer", "", user=None,
                           key=key)
    again = operations.run(customers.create_customer, "广州天河顺达电子", "020-38886666", "dealer", "", user=None,
                           key=key)
    assert again.id == first.id and Customer.select().count() == 1
