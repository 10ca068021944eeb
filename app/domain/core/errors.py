"""Errors the domain raises; the UI shows their message, never a traceback.

Messages are English and marked with :func:`tx`, which lupdate knows (see
tools/i18n.py: ``-tr-function-alias QT_TR_NOOP+=tx``), so they land in the
translation files although the domain imports no Qt. The UI translates a
:class:`Text` with its template and fills in the parameters afterwards
(``app.ui.base.ops.translated``).
"""
from __future__ import annotations


class Text(str):
    """An English message that keeps its template and parameters."""

    template: str
    params: dict

    def __new__(cls, template: str, **params):
        self = super().__new__(cls, template.format(**params) if params else template)
        self.template = template
        self.params = params
        return self


def tx(template: str, **params) -> Text:
    """Mark a user-facing message for translation; ``{name}`` placeholders
    are filled from ``params`` (after translation, in the UI)."""
    return Text(template, **params)


class CsdeskError(Exception):
    """Base of every error csdesk expects and explains to the user."""

    code = "error"

    def __init__(self, message: str, **details):
        super().__init__(message)
        self.message = message
        self.details = details


class ValidationError(CsdeskError):
    """One or more fields are wrong; ``fields`` maps field name -> message."""

    code = "validation"

    def __init__(self, fields: dict[str, str]):
        self.fields = dict(fields)
        text = "; ".join(f"{k}: {v}" for k, v in self.fields.items())
        super().__init__(text, fields=self.fields)


class NotFound(CsdeskError):
    code = "not_found"


class TransitionNotAllowed(CsdeskError):
    code = "transition"


class ConcurrentChange(CsdeskError):
    """Another station saved the same record since it was read."""

    code = "concurrent"


class PermissionDenied(CsdeskError):
    code = "permission"


class DatabaseUnavailable(CsdeskError):
    code = "unavailable"


class NotACsdeskDatabase(CsdeskError):
    code = "not_csdesk"


class SchemaTooNew(CsdeskError):
    code = "schema_too_new"


class ConnectionLost(DatabaseUnavailable):
    """The connection to the server broke before the change was committed:
    the server rolled the transaction back, nothing was saved."""

    code = "connection_lost"


class CommitOutcomeUnknown(DatabaseUnavailable):
    """The connection broke while COMMIT was on its way: the change may or
    may not be saved. The operation runner (app.domain.core.operations)
    looks the operation's key up to tell which."""

    code = "commit_unknown"


class DatabaseBusy(CsdeskError):
    """Another station's transaction held what this one needed (a deadlock,
    a lock wait that timed out, SQLite's write lock held too long); the
    transaction was rolled back and, after a few tries, given up."""

    code = "busy"


class Deadlock(DatabaseBusy):
    """Two transactions each held what the other needed; the server chose
    this one and rolled it back at once (MariaDB 1213, PostgreSQL 40P01,
    40001): running it again is safe and usually succeeds."""

    code = "deadlock"


class DiskFull(CsdeskError):
    code = "disk_full"


class ReadOnlyDatabase(CsdeskError):
    code = "read_only"


class BadDatabaseUrl(DatabaseUnavailable):
    """The database URL itself is malformed (a port out of range, an unknown
    scheme...): nothing was tried; the message says what to write."""

    code = "bad_url"


class WrongCharacterSet(CsdeskError):
    """A MariaDB/MySQL database (or some of its tables) does not store text
    as utf8mb4: rare Chinese characters would fail. The message names the
    statements that fix it."""

    code = "charset"


class AppendOnly(RuntimeError):
    """Code tried to change or delete a row of an append-only log (the
    access log): a bug, never a user's mistake."""
