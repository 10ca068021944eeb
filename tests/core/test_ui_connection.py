"""The window's banner while the server is out of reach: shown by an action
that found it gone or by the idle health check, cleared by itself once a
probe reaches the server again, and every book re-read then."""
from __future__ import annotations

from app.domain.core import db as dbmod
from app.domain.core.errors import DatabaseUnavailable, tx
from app.ui.base import ops
from app.ui.base.context import AppContext
from app.ui.qt import QMessageBox, QWidget
from app.ui.shell import connection_watch
from app.ui.shell.connection_watch import ConnectionBanner, ConnectionWatch


def _watch(qtbot, user=None):
    ctx = AppContext(user)
    holder = QWidget()
    holder.ctx = ctx
    qtbot.addWidget(holder)
    banner = ConnectionBanner(holder)
    watch = ConnectionWatch(ctx, "postgresql://csdesk@db.example:5432/shop", banner, holder)
    return ctx, holder, banner, watch


def test_an_action_that_finds_the_server_gone_shows_the_banner_until_it_is_back(qtbot, db, monkeypatch):
    ctx, holder, banner, watch = _watch(qtbot)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.Ok)

    def unreachable():
        raise DatabaseUnavailable(tx("Cannot reach the database: {detail}", detail="connection refused"))

    probes = []
    monkeypatch.setattr(watch, "probe", lambda: probes.append(1))
    assert not ops.run(holder, unreachable).ok
    assert not banner.isHidden() and watch.lost and watch._probe.isActive()
    monkeypatch.setattr(dbmod, "reconnect", lambda: None)
    announced = []
    ctx.changed.connect(lambda change: announced.append(change.book))
    watch._on_probe(False)                       # still away
    assert not banner.isHidden()
    watch._on_probe(True)                        # back
    assert banner.isHidden() and not watch.lost and not watch._probe.isActive()
    assert announced == ["counter", "customers", "field"]


def test_the_idle_check_notices_a_server_that_went_away(qtbot, db, monkeypatch):
    ctx, holder, banner, watch = _watch(qtbot)

    def gone():
        raise DatabaseUnavailable(tx("Cannot reach the database: {detail}", detail="timeout"))

    monkeypatch.setattr(dbmod, "ensure_connection", gone)
    monkeypatch.setattr(watch, "probe", lambda: None)
    watch.check()
    assert not banner.isHidden() and watch.lost


def test_a_probe_runs_in_a_worker_thread(qtbot, db, monkeypatch):
    """A server that does not answer must not freeze the window: the probe
    connects from another thread and reports back through a signal."""
    ctx, holder, banner, watch = _watch(qtbot)
    watch.lost = True
    import threading

    seen = []

    def connect(*a, **k):
        seen.append(threading.current_thread().name)
        raise OSError("connection refused")

    monkeypatch.setattr(connection_watch.db, "make_database", lambda url: type("D", (), {"connect": connect})())
    with qtbot.waitSignal(watch._probed, timeout=5000) as result:
        watch.probe()
    assert result.args == [False] and seen == ["csdesk-probe"]


def test_a_sqlite_file_is_not_watched(qtbot, db):
    ctx = AppContext(None)
    banner = ConnectionBanner()
    qtbot.addWidget(banner)
    watch = ConnectionWatch(ctx, db, banner)
    watch.set_lost()
    assert banner.isHidden() and not watch._check.isActive()
