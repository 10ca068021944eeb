"""The daily automatic backup of an SQLite database while csdesk runs
(the copying and pruning are :mod:`app.domain.backup.daily`).

When: a few seconds after the window shows (the first start of the day
makes the day's copy), and then once an hour, so a window left open across
midnight makes the next day's copy too; a check costs one look for today's
file. Both, because a counter PC may be switched on every morning or left
running for weeks.

How: the copy runs in a worker thread with its own SQLite connections (the
online backup API), so neither the start-up nor the counter waits for it;
the result comes back to the window through a queued signal. The window's
own database connection is not used from the thread (the setting is read
before it starts).

A failed copy never stops anything: a red "Daily backup failed" in the
status bar, the reason in its tooltip and in a status message, and
another try an hour later.
"""
from __future__ import annotations

import datetime as dt
import logging
import threading

from app.domain.backup import daily
from app.domain.core.errors import tx
from app.ui.base.ops import translated
from app.ui.qt import QLabel, QObject, QTimer, Signal

log = logging.getLogger("csdesk.backup")

#: How often an open window looks whether today's copy exists.
CHECK_INTERVAL_MS = 60 * 60 * 1000
#: The first look, after the window has shown (start-up is not slowed).
FIRST_CHECK_MS = 3000


class AutoBackup(QObject):
    """Makes the daily copy of the SQLite file ``db_path`` for ``window``
    (a QMainWindow whose status bar shows what happened)."""

    finished = Signal(object)     # a daily.DailyResult, emitted from the worker thread

    def __init__(self, window, db_path: str, *, today=dt.date.today):
        super().__init__(window)
        self.window = window
        self.db_path = db_path
        self.today = today          # a fake clock in the tests
        self.done_for: dt.date | None = None
        self.running = False
        self.last_result: daily.DailyResult | None = None
        self.label = QLabel()
        self.label.setObjectName("backupLabel")
        self.label.setStyleSheet("color: #c62828;")
        self.label.hide()
        window.statusBar().addPermanentWidget(self.label)
        self.finished.connect(self._show)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.check)

    def start(self, first_ms: int = FIRST_CHECK_MS) -> None:
        QTimer.singleShot(first_ms, self.check)
        self.timer.start()

    def check(self) -> bool:
        """Start today's copy in the background unless it is made, running
        or turned off; returns whether a copy was started."""
        today = self.today()
        if self.running or self.done_for == today:
            return False
        try:
            keep = daily.keep_days()
        except Exception:  # noqa: BLE001 - a lost connection: the next check tries again
            log.exception("cannot read the backup setting")
            return False
        if keep <= 0:
            return False
        self.running = True
        threading.Thread(target=self._work, args=(keep, today), name="daily-backup", daemon=True).start()
        return True

    def _work(self, keep: int, today: dt.date) -> None:
        try:
            result = daily.run(self.db_path, keep, today)
        except Exception as exc:  # noqa: BLE001 - never let a backup take the application down
            log.exception("daily backup failed")
            result = daily.DailyResult("failed", day=today,
                                       message=tx("The daily backup failed: {detail}", detail=str(exc)))
        self.finished.emit(result)

    def _show(self, result) -> None:
        self.running = False
        self.last_result = result
        bar = self.window.statusBar()
        if result.status == "failed":
            text = translated(result.message)
            self.label.setText(self.tr("Daily backup failed"))
            self.label.setToolTip(text)
            self.label.show()
            bar.showMessage(text, 60000)
            return
        self.done_for = result.day
        self.label.hide()
        if result.status == "written":
            bar.showMessage(self.tr("Daily backup written: {0}").format(result.path), 10000)
