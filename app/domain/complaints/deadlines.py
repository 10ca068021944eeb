"""A complaint's deadlines by its severity, kept in the shared settings
(Settings › Complaints): hours to the first contact with the customer,
working days (Monday to Friday) to a reply and to the close.

    contact, reply, close = deadlines.due(received_at, "major")
"""
from __future__ import annotations

import datetime as dt

from app.domain.core import settings
from app.domain.core.errors import ValidationError, tx
from app.domain.core.models import User

SEVERITIES = ("minor", "major", "critical")
#: severity -> (hours to the first contact, working days to a reply, working days to the close)
DEFAULTS = {"minor": (24, 3, 7), "major": (8, 2, 5), "critical": (2, 1, 3)}
LIMITS = {"contact_hours": (1, 720), "reply_days": (1, 60), "close_days": (1, 120)}
PARTS = ("contact_hours", "reply_days", "close_days")


def _key(severity: str, part: str) -> str:
    return f"complaint_{part}_{severity}"


def get(severity: str) -> tuple[int, int, int]:
    """(hours to the first contact, working days to a reply, to the close) for ``severity``."""
    out = []
    for i, part in enumerate(PARTS):
        raw = settings.get(_key(severity, part))
        try:
            value = int(raw)
        except (TypeError, ValueError):
            value = DEFAULTS[severity][i]
        low, high = LIMITS[part]
        out.append(value if low <= value <= high else DEFAULTS[severity][i])
    return tuple(out)


def all_settings() -> dict[str, tuple[int, int, int]]:
    return {s: get(s) for s in SEVERITIES}


def set_all(values: dict[str, tuple[int, int, int]], user: User | None) -> None:
    """Store the deadlines of every severity given (the right ``settings.company``);
    a value out of range is named by its field ("critical.reply_days")."""
    errors = {}
    for severity, triple in values.items():
        if severity not in SEVERITIES:
            raise ValueError(severity)
        for part, value in zip(PARTS, triple):
            low, high = LIMITS[part]
            if not isinstance(value, int) or not low <= value <= high:
                errors[f"{severity}.{part}"] = tx("Between {low} and {high}.", low=low, high=high)
        contact, reply, close = triple
        if not errors and close < reply:
            errors[f"{severity}.close_days"] = tx("The close cannot come before the reply.")
    if errors:
        raise ValidationError(errors)
    for severity, triple in values.items():
        for part, value in zip(PARTS, triple):
            settings.set_value(_key(severity, part), str(value), user)


def add_working_days(start: dt.datetime, days: int) -> dt.datetime:
    """``start`` moved on ``days`` working days (Saturdays and Sundays skipped), at the same time of day."""
    at = start
    while days > 0:
        at += dt.timedelta(days=1)
        if at.weekday() < 5:
            days -= 1
    return at


def due(received_at: dt.datetime, severity: str) -> tuple[dt.datetime, dt.datetime, dt.datetime]:
    """(first contact, reply, close) deadlines of a complaint received at ``received_at``."""
    hours, reply, close = get(severity)
    return (received_at + dt.timedelta(hours=hours), add_working_days(received_at, reply),
            add_working_days(received_at, close))
