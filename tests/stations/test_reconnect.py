"""A station never needs a restart: a killed connection, an idle one the
server dropped, and a server killed and restarted in the middle of a stream
of intakes from several station processes. The servers killed here are the
tests' own (tests.stations.servers), on ports of their own."""
from __future__ import annotations

import multiprocessing
import time
import uuid

import pytest

from app.domain import bootstrap
from app.domain.core import db as dbmod
from app.domain.core import operations, users
from app.domain.core.models import Operation
from app.domain.counter.models import Job, Receipt, RegisterEntry
from app.domain.customers import customers
from app.domain.customers.models import Customer
from tests.stations import station
from tests.stations.servers import MariaServer, PgCluster, mariadb_available, pg_available

MP = multiprocessing.get_context("spawn")


def _kill_my_connection() -> None:
    """End this station's own server connection from another connection, as
    an administrator or an idle timeout would."""
    db = dbmod.database.obj
    if isinstance(db, dbmod.PostgresDatabase):
        pid = db.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
        other = dbmod.make_database(f"postgresql://{db.connect_params['user']}@{db.connect_params['host']}:"
                                    f"{db.connect_params.get('port', 5432)}/{db.database}")
        other.execute_sql("SELECT pg_terminate_backend(%s)", (pid,))
    else:
        conn_id = db.execute_sql("SELECT CONNECTION_ID()").fetchone()[0]
        other = dbmod.make_database(f"mysql://{db.connect_params['user']}@{db.connect_params['host']}:"
                                    f"{db.connect_params.get('port', 3306)}/{db.database}")
        other.execute_sql(f"KILL {int(conn_id)}")
    other.close()
    time.sleep(0.2)


@pytest.fixture
def server_db(any_db):
    if dbmod.is_sqlite():
        pytest.skip("a SQLite file has no connection to lose")
    return any_db


def test_a_killed_connection_is_replaced_before_the_next_action(server_db):
    c = customers.create_customer("北京海淀华信电子有限公司", "010-62888899", "dealer", "", user=None)
    _kill_my_connection()
    again = operations.run(customers.create_customer, "上海浦东新永安数码商行", "021-58889999", "dealer", "",
                           user=None, key=operations.new_key())            # a write: runs again by itself
    assert again.id != c.id
    _kill_my_connection()
    assert operations.run(lambda: Customer.select().count()) == 2         # a read too


def test_an_idle_connection_is_checked_before_it_is_used(server_db, monkeypatch):
    """A counter PC left on overnight: the server dropped the connection; the
    first action of the morning checks it (a round trip) and reconnects."""
    _kill_my_connection()
    monkeypatch.setattr(dbmod, "_last_used", time.monotonic() - dbmod.IDLE_CHECK_S - 1)
    dbmod.ensure_connection()
    assert dbmod.ping()
    assert customers.create_customer("广州天河顺达电子", "020-38886666", "dealer", "", user=None).id


def _own_server(kind):
    if kind == "postgresql":
        if not pg_available():
            pytest.skip("no PostgreSQL binaries")
        return PgCluster()
    if not mariadb_available():
        pytest.skip("no mariadbd")
    return MariaServer()


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["postgresql", "mysql"])
def test_server_killed_and_restarted_in_a_stream_of_intakes(kind):
    """Three stations take units in while the server is killed and started
    again: every station carries on afterwards, everything reported saved is
    there once, nothing reported unsaved is there, and the numbers have no
    gap and no double."""
    server = _own_server(kind)
    server.start()
    try:
        url = server.create_database("csdesk_" + uuid.uuid4().hex[:8])
        bootstrap.open_database(url)
        users.create_user("clerk", "张丽", "counter")
        cust = customers.create_customer("北京海淀华信电子有限公司", "010-62888899", "dealer", "", user=None)
        dbmod.close()
        n, per_station = 3, 60
        barrier, queue = MP.Barrier(n + 1), MP.Queue()
        procs = [MP.Process(target=station.run_intakes,
                            args=(url, s, cust.id, [f"SN-{s}-{i:03d}" for i in range(per_station)], "TP-X1C-G11",
                                  0.05), kwargs={"barrier": barrier, "queue": queue}, daemon=True)
                 for s in range(n)]
        for p in procs:
            p.start()
        barrier.wait()
        time.sleep(1.0)
        server.kill()
        killed_at = time.time()
        time.sleep(1.5)
        server.start()
        back_at = time.time()
        out = station.collect(queue, n, timeout=300)
        for p in procs:
            p.join(30)
        ok = [m for m in out if m[2] == "ok"]
        failed = [m for m in out if m[2] == "error"]
        assert {m[3] for m in failed} <= {"DatabaseUnavailable", "ConnectionLost"}, failed[:3]
        summary = [(s, sum(m[0] == s for m in ok), sum(m[0] == s for m in failed)) for s in range(n)]
        for s in range(n):   # each station saved something after the server came back
            assert any(m[0] == s and m[3][5] > back_at for m in ok), f"station {s} did not carry on: {summary}"
        assert failed and any(killed_at <= m[7] <= back_at + 5 for m in failed)   # the outage was felt
        bootstrap.open_database(url)
        jobs = list(Job.select().order_by(Job.number))
        assert sorted(m[3][0] for m in ok) == [j.number for j in jobs]   # saved = reported saved, once each
        year = jobs[0].number[3:7]
        assert [j.number for j in jobs] == [f"WX-{year}-{i:06d}" for i in range(1, len(jobs) + 1)]
        receipts = sorted(r.number for r in Receipt.select())
        assert receipts == [f"LQ-{year}-{i:06d}" for i in range(1, len(jobs) + 1)]
        assert RegisterEntry.select().where(RegisterEntry.direction == "in").count() == len(jobs)
        unsaved_keys = {m[5] for m in failed}
        assert not Operation.select().where(Operation.key.in_(list(unsaved_keys))).exists()
        dbmod.close()
    finally:
        dbmod.close()
        server.close()
