"""What other stations changed, shown here within a second or two without
Refresh (the change feed, app.domain.core.changes).

On MariaDB and SQLite the window reads the feed once a second: one query
on its primary key, which finds nothing on a quiet day. On PostgreSQL a
listener thread holds a second connection that ``LISTEN``\\ s on the
feed's channel; the NOTIFY of another station's COMMIT wakes it, and the
window reads the feed at once (and every few seconds all the same, in case
the listener lost its connection). What it reads is announced on
``ctx.changed`` as ``Changed(book, ids, remote=True, by=...)``, one per
book, the station's own changes left out (its runner announced them
already): each screen re-reads its own book only, a job's dialog its own
job only. A failed read means the server is away: ``ctx.connection_lost``
(the banner), and reading starts again where it stopped when it is back.
"""
from __future__ import annotations

import logging
import select
import threading

from app.domain.core import changes, db
from app.domain.core.models import User
from app.ui.base.context import Changed
from app.ui.qt import QObject, QTimer, Signal

log = logging.getLogger("csdesk.live")

POLL_MS = 1000            # MariaDB and SQLite
PG_FALLBACK_MS = 5000     # PostgreSQL: NOTIFY wakes the window; this in case the listener is down


class LiveUpdates(QObject):
    """``LiveUpdates(ctx, url)``: starts reading at the newest change."""

    _notified = Signal()

    def __init__(self, ctx, url: str, parent=None):
        super().__init__(parent)
        self.ctx, self.url = ctx, url
        self.backend = db.backend_of(url)
        self.last_id = self._latest()
        self._names: dict[int, str] = {}
        self._stop = threading.Event()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.poll)
        self._notified.connect(self.poll)
        self.timer.start(PG_FALLBACK_MS if self.backend == "postgresql" else POLL_MS)
        if self.backend == "postgresql":
            threading.Thread(target=self._listen, name="csdesk-listen", daemon=True).start()

    def _latest(self) -> int:
        try:
            return changes.latest_id()
        except Exception as exc:  # noqa: BLE001 - the server is away; start from 0 when it is back
            log.info("change feed: %s", exc)
            return 0

    def poll(self) -> list[Changed]:
        """Read the changes after the last one seen and announce them; returns them."""
        if self.ctx.user is None:
            return []
        try:
            rows = changes.since(self.last_id)
        except Exception as exc:  # noqa: BLE001 - any failure to read means the server is out of reach
            log.info("change feed: %s", exc)
            db.dispose()
            self.ctx.connection_lost.emit()
            return []
        if not rows:
            return []
        self.last_id = rows[-1].id
        told = self._group([r for r in rows if r.station != changes.STATION])
        for change in told:
            self.ctx.announce(change)
        return told

    def _group(self, rows) -> list[Changed]:
        out = []
        for book in dict.fromkeys(r.book for r in rows):
            mine = [r for r in rows if r.book == book]
            ids = () if any(r.row_id is None for r in mine) else tuple(dict.fromkeys(r.row_id for r in mine))
            names = ", ".join(dict.fromkeys(self._name(r.user_id) for r in mine if r.user_id))
            out.append(Changed(book, ids, remote=True, by=names))
        return out

    def _name(self, user_id: int) -> str:
        if user_id not in self._names:
            user = User.get_or_none(User.id == user_id)
            self._names[user_id] = user.display_name if user else ""
        return self._names[user_id]

    # -- PostgreSQL: LISTEN on a connection of its own, in a worker thread ------------------
    def _listen(self) -> None:
        while not self._stop.is_set():
            conn = None
            try:
                conn = db.make_database(db.normalise_url(self.url))
                conn.connect()
                raw = conn.connection()
                raw.cursor().execute(f"LISTEN {changes.CHANNEL}")
                while not self._stop.is_set():
                    if select.select([raw], [], [], 2.0)[0]:
                        raw.poll()
                        if raw.notifies:
                            raw.notifies.clear()
                            self._notified.emit()
            except Exception as exc:  # noqa: BLE001 - the server went away: try again shortly
                log.info("listener: %s", exc)
            finally:
                if conn is not None:
                    try:
                        conn.close()
                    except Exception:  # noqa: BLE001
                        pass
            self._stop.wait(3.0)

    def stop(self) -> None:
        self._stop.set()
        self.timer.stop()
