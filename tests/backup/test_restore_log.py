"""Issue 11, part 9: a forced restore replaces every table, yet the access
log stays append-only: the replaced database's log rows are carried over."""
from __future__ import annotations

import pytest

from app.domain import backup, bootstrap
from app.domain.core import db as dbmod
from app.domain.core import users
from app.domain.customers import access, archive, customers
from app.domain.customers.models import AccessLog, Customer

BACKENDS = ["sqlite", "postgresql", "mysql"]


@pytest.fixture
def dump(demo_copy, tmp_path):
    path = tmp_path / "demo.csdesk"
    bootstrap.open_database("sqlite:///" + str(demo_copy))
    backup.backup(path)
    dbmod.close()
    return path


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_forced_restore_keeps_the_replaced_databases_access_log(backend, dump, fresh_url):
    target = fresh_url(backend)
    bootstrap.open_database(target)
    owner = users.create_user("owner", "老板", "manager")
    c = customers.create_customer("原有客户甲", "010-62888899", user=None)
    archive.get_archive(owner, c.id)                         # logged: a view
    access.record(owner, None, "export", "overview.xlsx: 1; all")
    before = [(e.at, e.action, e.detail) for e in AccessLog.select().order_by(AccessLog.id)]
    dbmod.close()
    backup.restore(target, dump, force=True)
    bootstrap.open_database(target)
    try:
        restored = list(AccessLog.select().order_by(AccessLog.id))
        kept = restored[-len(before):]
        assert [(e.at, e.action) for e in kept] == [(at, action) for at, action, _detail in before]
        # Neither the user nor the customer is in the restored data: named in the row instead.
        assert kept[0].customer_id is None and f"{c.code} 原有客户甲" in kept[0].detail
        assert kept[1].detail == "overview.xlsx: 1; all" and kept[1].user_id is None
        assert not Customer.select().where(Customer.name == "原有客户甲").exists()
        # Restoring the same backup over it again appends nothing twice.
        n = len(restored)
    finally:
        dbmod.close()
    backup.restore(target, dump, force=True)
    bootstrap.open_database(target)
    try:
        assert AccessLog.select().count() == n
    finally:
        dbmod.close()
