"""What every tab shares: the operator at this station and change signals.

Tabs do not call each other; a service that changed a job emits
``job_changed`` and each tab refreshes what it shows. ``open_job`` asks the
main window to open a job's dialog (from a scan, a double-click...).
"""
from __future__ import annotations

from app.domain.models import User
from app.ui.qt import QObject, Signal


class AppContext(QObject):
    job_changed = Signal(int)          # job id; -1 = many/unknown
    register_changed = Signal()
    customers_changed = Signal()
    open_job = Signal(int)             # job id
    operator_changed = Signal()

    def __init__(self, user: User | None = None, parent=None):
        super().__init__(parent)
        self._user = user

    @property
    def user(self) -> User | None:
        return self._user

    def set_user(self, user: User | None) -> None:
        self._user = user
        self.operator_changed.emit()

    def notify_job(self, job_id: int) -> None:
        self.job_changed.emit(job_id)
        self.register_changed.emit()
