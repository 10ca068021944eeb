"""What every tab shares: the signed-in user and change signals.

Tabs do not call each other; a service that changed a job emits
``job_changed`` and each tab refreshes what it shows. ``open_job`` asks the
main window to open a job's dialog (from a scan, a double-click...).
``user_changed`` follows sign-in, sign-out and a switch of user: the window
shows or hides what the new user's role may do.
"""
from __future__ import annotations

from app.domain.core import permissions
from app.domain.core.models import User
from app.ui.qt import QObject, Signal


class AppContext(QObject):
    job_changed = Signal(int)          # job id; -1 = many/unknown
    register_changed = Signal()
    customers_changed = Signal()
    field_changed = Signal()           # visits, plans, activities, gifts or surveys changed
    open_job = Signal(int)             # job id
    user_changed = Signal()

    def __init__(self, user: User | None = None, parent=None):
        super().__init__(parent)
        self._user = user

    @property
    def user(self) -> User | None:
        return self._user

    def set_user(self, user: User | None) -> None:
        self._user = user
        self.user_changed.emit()

    def can(self, perm: str) -> bool:
        """Whether the signed-in user may ``perm`` (nobody signed in: no).
        For showing and hiding; the domain services check for themselves."""
        return self._user is not None and permissions.can(self._user, perm)

    def notify_job(self, job_id: int) -> None:
        self.job_changed.emit(job_id)
        self.register_changed.emit()
