"""Issue 11, part 10: ``--demo`` never touches a real database. A new,
empty database becomes a demo (40 customers, the demo users, the mark) and
``--demo`` then signs in as the manager without a password; any database
the demo did not make is refused with a clear message, unchanged."""
from __future__ import annotations

import pytest

from app import cli, demo
from app.domain import bootstrap
from app.domain.backup import transfer
from app.domain.core import auth
from app.domain.core import db as dbmod
from app.domain.core.models import User
from app.domain.customers import customers
from app.domain.customers.models import Customer


def counts(url: str) -> dict[str, int]:
    bootstrap.open_database(url)
    try:
        return transfer.occupied(dbmod.database.obj)
    finally:
        dbmod.close()


def test_an_empty_database_becomes_a_demo_and_signs_in_the_manager(any_db, monkeypatch):
    from app.ui.shell import application, signin_dialog

    dbmod.close()
    cli.ensure_demo(any_db)
    bootstrap.open_database(any_db)
    assert bootstrap.is_demo_database() and Customer.select().count() >= 40
    assert auth.sign_in("admin", demo.DEMO_PASSWORD).role == "admin"
    monkeypatch.setattr(signin_dialog, "sign_in_flow", lambda parent=None: pytest.fail("asked for a password"))
    assert application.sign_in_at_start(demo=True).username == "boss"
    # A second --demo on it adds no second set of data.
    before = Customer.select().count()
    dbmod.close()
    cli.ensure_demo(any_db)
    bootstrap.open_database(any_db)
    assert Customer.select().count() == before


@pytest.mark.parametrize("content", ["an administrator", "customers, no jobs"])
def test_a_real_database_is_refused_and_left_as_it_was(any_db, content, capsys, monkeypatch):
    admin = auth.create_first_admin("liu", "刘管理", "our-own-pass-1")
    if content == "customers, no jobs":
        customers.create_customer("北京海淀华信电子有限公司", "010-62888899", "dealer", user=admin)
    dbmod.close()
    before = counts(any_db)
    with pytest.raises(demo.NotADemoDatabase) as refused:
        cli.ensure_demo(any_db)
    assert "not a demo database" in refused.value.message
    from app.ui.shell import application

    monkeypatch.setattr(application, "run", lambda *a, **k: pytest.fail("the window opened"))
    assert cli.main(["--database", any_db, "--demo"]) == 2
    assert "not a demo database" in capsys.readouterr().err
    assert cli.main(["--database", any_db, "demo-data", "--customers", "3", "--jobs", "1"]) == 2
    assert counts(any_db) == before
    bootstrap.open_database(any_db)
    assert not bootstrap.is_demo_database() and bootstrap.demo_manager() is None
    assert User.select().count() == 1
