"""Errors the domain raises; the UI shows their message, never a traceback."""
from __future__ import annotations


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
