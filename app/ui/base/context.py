"""What every tab shares: the signed-in user and one change signal.

Tabs do not call each other. The operation runner (:func:`app.ui.base.ops.run`
with ``changed=``) announces what an action changed on :attr:`AppContext.changed`
as a :class:`Changed`: the book and the ids of the rows (the counter's jobs,
the customers', field service's visits, plans, activities, gift requests or
surveys); each screen decides whether that concerns it
(:meth:`AppContext.on_change`). ``open_job`` asks the main window to open a
job's dialog (from a scan, a double-click...). ``user_changed`` follows
sign-in, sign-out and a switch of user: the window shows or hides what the
new user's role may do.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.domain.core import permissions
from app.domain.core.models import User
from app.ui.qt import QObject, Signal

#: The books whose changes are announced.
BOOKS = ("core", "counter", "customers", "field", "contacts", "complaints")


@dataclass(frozen=True)
class Changed:
    """What one action changed: a book and the ids of its rows (``()``: many
    or unknown). The counter's ids are job ids; the customers' customer ids;
    field service announces without ids (its lists are short and re-read).
    ``remote``: another station changed it (read from the change feed,
    app.ui.shell.live_updates), ``by`` whom."""
    book: str
    ids: tuple[int, ...] = ()
    remote: bool = False
    by: str = ""

    def __post_init__(self):
        if self.book not in BOOKS:
            raise ValueError(f"unknown book {self.book!r}; one of {', '.join(BOOKS)}")

    def concerns(self, row_id: int) -> bool:
        """Whether the row ``row_id`` of this book may have changed."""
        return not self.ids or row_id in self.ids


class _Listener(QObject):
    """Delivers the changes of some books to a slot; a child of the widget
    that listens, so it goes (and Qt disconnects it) with the widget."""

    def __init__(self, books: tuple[str, ...], slot: Callable, with_change: bool, parent: QObject):
        super().__init__(parent)
        self.books, self.slot, self.with_change = books, slot, with_change

    def deliver(self, change: Changed) -> None:
        if change.book in self.books:
            self.slot(change) if self.with_change else self.slot()


class AppContext(QObject):
    changed = Signal(object)           # a Changed
    open_job = Signal(int)             # job id
    user_changed = Signal()
    connection_lost = Signal()         # an action found the server out of reach (the shell shows a banner)

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
        For showing and hiding, from the row signed in (no database read); the
        domain services check the user's current row for themselves."""
        return self._user is not None and permissions.role_allows(self._user, perm)

    def announce(self, change: Changed | str) -> None:
        """Tell every screen what changed (the runner does it after an action)."""
        self.changed.emit(change if isinstance(change, Changed) else Changed(change))

    def on_change(self, books: str | tuple[str, ...], slot: Callable, receiver: QObject, *,
                  with_change: bool = False) -> None:
        """Call ``slot()`` (``slot(change)`` with ``with_change``) whenever one
        of ``books`` changed, for as long as ``receiver`` lives."""
        books = (books,) if isinstance(books, str) else tuple(books)
        listener = _Listener(books, slot, with_change, receiver)
        self.changed.connect(listener.deliver)
