"""Run one domain service per user action and turn its errors into messages.

(Anki's "operation" pattern.) The service runs its own transaction; here we
announce what it changed and catch what it raises. ``changed=`` names the
book (or gives a :class:`~app.ui.base.context.Changed`, or a function of the
result giving one); after a success the runner announces it on the context
of ``parent`` (the nearest widget with a ``ctx``), and every screen that
shows that book refreshes (``ctx.on_change``). On failure nothing is
announced: a ValidationError goes back to the form so each
message shows beside its field; a ConcurrentChange, a closed database or any
other CsdeskError is shown in a message box; an unexpected exception is
logged and shown as a short message, never as a traceback on the counter.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field

from app.domain.core import operations
from app.domain.core.errors import ConcurrentChange, CsdeskError, DatabaseUnavailable, Text, ValidationError
from app.ui.base.context import AppContext
from app.ui.qt import QCoreApplication, QMessageBox, QWidget

log = logging.getLogger("csdesk.ui")


def tr(text: str) -> str:
    return QCoreApplication.translate("ops", text)


def _labelled(params: dict) -> dict:
    """Codes among a message's parameters shown as their translated labels."""
    from app.ui.base import labels

    out = {k: translated(v) if isinstance(v, Text) else v for k, v in params.items()}
    if "state" in out:
        out["state"] = labels.state(out["state"])
    if "sources" in out:  # a list of states, joined
        out["sources"] = "、".join(labels.state(x.strip()) for x in str(out["sources"]).split(","))
    if "action" in out:
        out["action"] = labels.action(out["action"])
    if "kind" in out:   # a service kind: free, contract, paid
        out["kind"] = labels.kind(out["kind"])
    if "role" in out:
        out["role"] = labels.role(out["role"])
    return out


def translated(message) -> str:
    """A domain message in the user's language (see app.domain.core.errors.tx)."""
    if isinstance(message, Text):
        template = QCoreApplication.translate("", message.template)
        try:
            return template.format(**_labelled(message.params))
        except (KeyError, IndexError, ValueError):  # a translator dropped a placeholder
            return str(message)
    return str(message)


@dataclass
class OpResult:
    ok: bool
    value: object = None
    field_errors: dict[str, str] = field(default_factory=dict)
    error: Exception | None = None


def context_of(widget):
    """The application context of ``widget``: its own ``ctx`` or its nearest parent's."""
    w = widget
    while w is not None:
        ctx = getattr(w, "ctx", None)
        if isinstance(ctx, AppContext):
            return ctx
        w = w.parent() if hasattr(w, "parent") else None
    return None


def run(parent: QWidget | None, fn, *args, show_validation: bool = False, changed=None, **kwargs) -> OpResult:
    """Call ``fn(*args, **kwargs)``; never raises for expected errors.
    On success announce ``changed`` (a book's name, a Changed, or a function
    of the result returning one or None)."""
    try:
        # One user action: a dead connection replaced first, a dropped one or
        # a deadlock run again by itself, a lost COMMIT looked up by its key.
        value = operations.run(fn, *args, key=operations.new_key(), **kwargs)
    except Exception as exc:  # noqa: BLE001 - sorted below
        return _failed(parent, fn, exc, show_validation)
    if changed is not None:
        change = changed(value) if callable(changed) else changed
        if change is not None:
            ctx = context_of(parent)
            if ctx is None:
                raise RuntimeError(f"{fn!r} changed {change!r}, but {parent!r} has no ctx to announce it on")
            ctx.announce(change)
    return OpResult(True, value)


def _failed(parent: QWidget | None, fn, exc: Exception, show_validation: bool) -> OpResult:
    """Show what went wrong: beside the fields (returned), or in a message box."""
    if isinstance(exc, ValidationError):
        fields = {k: translated(v) for k, v in exc.fields.items()}
        if show_validation:
            QMessageBox.warning(parent, QCoreApplication.translate("ops", "Please check"), "\n".join(fields.values()))
        return OpResult(False, field_errors=fields, error=exc)
    if isinstance(exc, ConcurrentChange):
        QMessageBox.warning(parent, QCoreApplication.translate("ops", "Changed at another station"), translated(exc.message))
    elif isinstance(exc, DatabaseUnavailable):   # the server is out of reach: the window's banner says so too
        ctx = context_of(parent)
        if ctx is not None:
            ctx.connection_lost.emit()
        QMessageBox.warning(parent, QCoreApplication.translate("ops", "Database unavailable"), translated(exc.message))
    elif isinstance(exc, CsdeskError):
        QMessageBox.warning(parent, QCoreApplication.translate("ops", "Cannot do that"), translated(exc.message))
    else:  # the counter must keep working
        log.error("unexpected error in %s", getattr(fn, "__name__", fn), exc_info=exc)
        QMessageBox.critical(parent, QCoreApplication.translate("ops", "Unexpected error"),
                             QCoreApplication.translate("ops", "The action failed and nothing was saved.")
                             + f"\n\n{type(exc).__name__}: {exc}")
    return OpResult(False, error=exc)
