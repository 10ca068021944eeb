"""Places on one book's screens that other books fill.

A later book adds its part to an earlier book's screen from its own
package, as an Odoo module adds its tab and button to the partner form:
the customer archive offers panels (tabs beside the archive's own), and
any book that needs a new customer asks for one here. The customers book
never imports the counter or field service, and no book's UI imports
another's; each book's ``install()`` (``app/ui/<book>/__init__.py``) puts
its contributions here, and the shell installs every book once at start-up
(:func:`app.ui.shell.books.install`).

* :func:`add_archive_panel` / :func:`archive_panels`: a panel is a widget
  built as ``make(ctx, customer_id, parent)``, with ``title() -> str`` (the
  tab's text) and ``reload()`` (re-read after the archive was saved); it
  refreshes itself on its book's changes (``ctx.changed``).
* :func:`provide_new_customer` / :func:`new_customer`: the quick "new
  customer" dialog, ``new_customer(ctx, typed_text, parent) -> Customer | None``.
* :func:`add_job_panel` / :func:`job_panels`: a tab of the job dialog,
  built as ``make(ctx, job_id, parent)`` with ``title()`` and ``reload()``
  (complaints about the job).
* :func:`provide_action` / :func:`action`: an action one book offers
  another by name (``"complaint_from_contact"``: the contact register's
  complaint line becomes a complaint record), ``None`` when no book offers it.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ArchivePanel:
    key: str          # the book's name: one panel a book
    order: int        # tabs are placed by order, after the archive's own notes tab
    make: Callable    # (ctx, customer_id, parent) -> QWidget with title() and reload()


_archive_panels: dict[str, ArchivePanel] = {}
_job_panels: dict[str, ArchivePanel] = {}
_actions: dict[str, Callable] = {}
_new_customer: Callable | None = None


def add_archive_panel(key: str, order: int, make: Callable) -> None:
    """Show ``make(ctx, customer_id, parent)`` as a tab of every customer's archive."""
    _archive_panels[key] = ArchivePanel(key, order, make)


def archive_panels() -> list[ArchivePanel]:
    return sorted(_archive_panels.values(), key=lambda p: (p.order, p.key))


def provide_new_customer(make: Callable) -> None:
    """``make(ctx, typed_text, parent) -> Customer | None``: add a customer, or None if cancelled."""
    global _new_customer
    _new_customer = make


def new_customer(ctx, typed_text: str = "", parent=None):
    """Ask for a new customer with the customers book's dialog; None if cancelled."""
    if _new_customer is None:
        raise RuntimeError("no book provides the new-customer dialog: app.ui.shell.books.install() was not called")
    return _new_customer(ctx, typed_text, parent)


def add_job_panel(key: str, order: int, make: Callable) -> None:
    """Show ``make(ctx, job_id, parent)`` as a tab of every job's dialog."""
    _job_panels[key] = ArchivePanel(key, order, make)


def job_panels() -> list[ArchivePanel]:
    return sorted(_job_panels.values(), key=lambda p: (p.order, p.key))


def provide_action(name: str, fn: Callable) -> None:
    """Offer ``fn`` to the other books as the action ``name``."""
    _actions[name] = fn


def action(name: str) -> Callable | None:
    """The action ``name`` a book offers, or None."""
    return _actions.get(name)
