"""The window's answer to a server that went away: a banner while the
database cannot be reached ("connection lost, reconnecting…") that clears
itself when it is back, and nothing for the clerk to restart.

An action that finds the server gone (app.ui.base.ops: DatabaseUnavailable
after the runner's own retry) raises ``ctx.connection_lost``; a station
left idle finds out at the next health check (a round trip every
:data:`CHECK_MS` when nothing else used the connection). While the server
is away a probe connects from a worker thread every :data:`PROBE_MS`, so the
window never freezes on a connect timeout; once it answers, the main
connection is replaced, the banner goes and every book announces a change,
so each screen re-reads what other stations did meanwhile. A local SQLite
file needs none of this.
"""
from __future__ import annotations

import logging
import threading

from app.domain.core import db
from app.ui.qt import QFrame, QHBoxLayout, QLabel, QObject, QPushButton, Qt, QTimer, Signal

log = logging.getLogger("csdesk.connection")

CHECK_MS = 15_000
PROBE_MS = 3_000


class ConnectionBanner(QFrame):
    """The strip above the tabs while the server is out of reach."""

    retry = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("connectionBanner")
        self.setStyleSheet("#connectionBanner { background: #fff3cd; border-bottom: 1px solid #e0c060; }"
                           " QLabel { color: #6d4c00; font-weight: bold; }")
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 4, 10, 4)
        self.label = QLabel(self.tr("Connection to the database lost — reconnecting… "
                                    "Nothing is saved until it is back."))
        self.label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.button = QPushButton(self.tr("Try &now"))
        self.button.setAutoDefault(False)
        self.button.clicked.connect(self.retry.emit)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)
        self.hide()


class ConnectionWatch(QObject):
    """Watches the connection of ``url`` for the window (servers only)."""

    _probed = Signal(bool)        # from the probe thread, delivered in the GUI thread

    def __init__(self, ctx, url: str, banner: ConnectionBanner, parent=None):
        super().__init__(parent)
        self.ctx, self.url, self.banner = ctx, url, banner
        self.lost = False
        self._probing = False
        self.enabled = db.backend_of(url) != "sqlite"
        self._check = QTimer(self)
        self._check.setInterval(CHECK_MS)
        self._check.timeout.connect(self.check)
        self._probe = QTimer(self)
        self._probe.setInterval(PROBE_MS)
        self._probe.timeout.connect(self.probe)
        self._probed.connect(self._on_probe)
        banner.retry.connect(self.probe)
        ctx.connection_lost.connect(self.set_lost)
        if self.enabled:
            self._check.start()

    def check(self) -> None:
        """The idle health check: a round trip when the connection sat idle."""
        if self.lost or not self.enabled:
            return
        try:
            db.ensure_connection()
        except Exception as exc:  # noqa: BLE001 - any failure to reach the server means the same here
            log.warning("health check: %s", exc)
            self.set_lost()

    def set_lost(self) -> None:
        if not self.enabled or self.lost:
            return
        self.lost = True
        self.banner.show()
        self._probe.start()
        log.warning("database connection lost; probing every %d ms", PROBE_MS)

    def probe(self) -> None:
        """Try a new connection from a worker thread (a dead server must not freeze the window)."""
        if self._probing or not self.lost:
            return
        self._probing = True
        threading.Thread(target=self._try_connect, name="csdesk-probe", daemon=True).start()

    def _try_connect(self) -> None:
        ok = False
        try:
            probe = db.make_database(db.normalise_url(self.url))
            probe.connect()
            probe.execute_sql("SELECT 1").fetchone()
            probe.close()
            ok = True
        except Exception as exc:  # noqa: BLE001 - the server is still away
            log.info("probe: %s", exc)
        self._probed.emit(ok)

    def _on_probe(self, ok: bool) -> None:
        self._probing = False
        if not ok:
            return
        try:
            db.reconnect()
        except Exception as exc:  # noqa: BLE001 - it went away again
            log.info("reconnect: %s", exc)
            return
        self.lost = False
        self._probe.stop()
        self.banner.hide()
        log.warning("database connection back")
        for book in ("counter", "customers", "field"):   # what other stations did meanwhile
            self.ctx.announce(book)
