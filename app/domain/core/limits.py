"""What each column holds, in one place: a text's maximum length, a
number's range and precision. Every service checks the values it writes
against these limits before it writes (a refused value never reaches the
database, so SQLite, PostgreSQL and MariaDB answer alike), and every form
widget takes its limits from here.

Where the limits come from
    * A ``CharField``: its ``max_length``.
    * A ``TextField``: :data:`TEXT_MAX` characters, or what its book declares
      beside the model with :func:`declare` (``declare(Job, fault=2000)``).
    * A ``DecimalField``: its precision is the column's ``decimal_places``
      (a finer value is refused, never rounded); its range is what fits the
      column (0 up to ``max_digits``), or the sane range declared beside the
      model (``declare(JobPart, unit_price=Range(0, "1000000"))``).
    * An ``IntegerField``: a 32-bit integer, or the declared :class:`Range`.

Checking values
    ``check(Model, values) -> {field: message}`` checks a dict of column
    name -> value as it is about to be stored (after the service has
    normalised it): the type (text for a text column, a number for a number
    column...; a wrong type is reported, never a TypeError), NUL characters
    (PostgreSQL refuses them), the length, the range and the precision.
    Keys that are not columns of ``Model`` are ignored; ``names`` renames
    the keys in the messages (``names={"description": "items.3.description"}``)
    and ``prefix`` prefixes them. :func:`require` raises the
    :class:`ValidationError` instead. :func:`problem` checks one value
    against one field. The import checks each row with ``check(Customer, row)``
    (and the contacts' with ``check(CustomerContact, ...)``).

Reading the limits
    :func:`limit` gives a field's :class:`Limit` (what the widgets need:
    ``max_length``, ``minimum``, ``maximum``, ``decimals``);
    :func:`max_length` a text field's maximum; :func:`maximums` every text
    column's maximum as ``{"Model.field": n}`` (the print samples fill each
    field to it).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import peewee as pw

from app.domain.core.errors import ValidationError, tx

# The most characters a TextField takes unless its book declares another
# maximum (MariaDB's TEXT holds 65 535 bytes: 16 383 four-byte characters).
TEXT_MAX = 4000
INT_MIN, INT_MAX = -2**31, 2**31 - 1


@dataclass(frozen=True)
class Range:
    """The values a number column accepts (both ends included)."""
    minimum: Decimal | int | str | None = 0
    maximum: Decimal | int | str | None = None

    def bounds(self) -> tuple[Decimal | None, Decimal | None]:
        return (None if self.minimum is None else Decimal(str(self.minimum)),
                None if self.maximum is None else Decimal(str(self.maximum)))


@dataclass(frozen=True)
class Limit:
    """What one column accepts. ``kind``: "text", "decimal", "integer",
    "boolean", "date", "datetime", "reference" or "other"."""
    kind: str
    max_length: int | None = None
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    decimals: int = 0


_declared: dict[tuple[type, str], int | Range] = {}


def declare(model: type[pw.Model], **rules: int | Range) -> None:
    """Declare, beside ``model``, a TextField's maximum length (an int) or
    a number column's :class:`Range`."""
    for name, rule in rules.items():
        field = model._meta.fields.get(name)
        if field is None:
            raise AttributeError(f"{model.__name__} has no field {name!r}")
        if isinstance(rule, Range) != isinstance(field, (pw.DecimalField, pw.IntegerField)):
            raise TypeError(f"{model.__name__}.{name}: a Range for a number, a length for a text")
        _declared[(model, name)] = rule


def _rule(field: pw.Field):
    for cls in field.model.__mro__:
        if (cls, field.name) in _declared:
            return _declared[(cls, field.name)]
    return None


def limit(field: pw.Field) -> Limit:
    """What ``field`` accepts (see the module's docstring)."""
    rule = _rule(field)
    if isinstance(field, pw.ForeignKeyField):
        return Limit("reference")
    if isinstance(field, pw.CharField):
        return Limit("text", max_length=field.max_length)
    if isinstance(field, pw.TextField):
        return Limit("text", max_length=rule if isinstance(rule, int) else TEXT_MAX)
    if isinstance(field, pw.DecimalField):
        places = field.decimal_places
        top = Decimal(10) ** (field.max_digits - places) - Decimal(1).scaleb(-places)
        low, high = rule.bounds() if isinstance(rule, Range) else (Decimal(0), top)
        return Limit("decimal", minimum=low if low is not None else -top,
                     maximum=min(high, top) if high is not None else top, decimals=places)
    if isinstance(field, pw.BooleanField):
        return Limit("boolean")
    if isinstance(field, (pw.IntegerField, pw.AutoField)):
        low, high = rule.bounds() if isinstance(rule, Range) else (Decimal(INT_MIN), Decimal(INT_MAX))
        return Limit("integer", minimum=Decimal(INT_MIN) if low is None else low,
                     maximum=Decimal(INT_MAX) if high is None else high)
    if isinstance(field, pw.DateTimeField):
        return Limit("datetime")
    if isinstance(field, pw.DateField):
        return Limit("date")
    return Limit("other")


def max_length(field: pw.Field) -> int:
    """The most characters a text column takes."""
    n = limit(field).max_length
    if n is None:
        raise TypeError(f"{field.model.__name__}.{field.name} is not a text column")
    return n


def maximums(*models: type[pw.Model]) -> dict[str, int]:
    """``{"Model.field": most characters}`` for every text column of ``models``."""
    return {f"{m.__name__}.{f.name}": max_length(f) for m in models for f in m._meta.sorted_fields
            if isinstance(f, (pw.CharField, pw.TextField))}


def _number_text(d: Decimal) -> str:
    return f"{d:,f}" if d == d.to_integral_value() else f"{d:,.{max(0, -d.as_tuple().exponent)}f}"


def as_decimal(value) -> Decimal | None:
    """``value`` as a Decimal if it is a number (an int, a finite float or
    Decimal, or a string of one), else None (bools are not numbers)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    if isinstance(value, (int, float)):
        d = Decimal(str(value))
        return d if d.is_finite() else None
    if isinstance(value, str):
        try:
            d = Decimal(value.strip())
        except (InvalidOperation, ValueError):
            return None
        return d if d.is_finite() else None
    return None


def text_problem(value, max_len: int | None, *, nullable: bool = False):
    """The message for a text value (None when it is fine)."""
    if value is None and nullable:
        return None
    if not isinstance(value, str):
        return tx("Enter text here.")
    if "\x00" in value:
        return tx("The text holds a NUL character (\\0), which cannot be stored; type it again without it.")
    if max_len is not None and len(value) > max_len:
        return tx("At most {n} characters ({count} entered).", n=max_len, count=len(value))
    return None


def number_problem(value, lim: Limit, *, nullable: bool = False):
    """The message for a number value against ``lim`` (None when it is fine)."""
    if value is None and nullable:
        return None
    d = as_decimal(value)
    if d is None:
        return tx("Enter a whole number.") if lim.kind == "integer" else tx("Enter a number.")
    if lim.kind == "integer" and d != d.to_integral_value():
        return tx("Enter a whole number.")
    if lim.minimum is not None and d < lim.minimum or lim.maximum is not None and d > lim.maximum:
        if lim.maximum is None:
            return tx("At least {minimum}.", minimum=_number_text(lim.minimum))
        return tx("Between {minimum} and {maximum}.", minimum=_number_text(lim.minimum),
                  maximum=_number_text(lim.maximum))
    if lim.kind == "decimal" and d != d.quantize(Decimal(1).scaleb(-lim.decimals), rounding="ROUND_DOWN"):
        return tx("At most {n} decimal places.", n=lim.decimals)
    return None


def problem(field: pw.Field, value):
    """The message for storing ``value`` in ``field`` (None when it is fine)."""
    lim = limit(field)
    nullable = field.null
    if lim.kind == "text":
        return text_problem(value, lim.max_length, nullable=nullable)
    if lim.kind in ("decimal", "integer"):
        return number_problem(value, lim, nullable=nullable)
    if value is None:
        return None if nullable else tx("Required.")
    if lim.kind == "boolean" and not isinstance(value, bool):
        return tx("Yes or no.")
    if lim.kind == "datetime" and not isinstance(value, dt.datetime):
        return tx("Enter a date and time.")
    if lim.kind == "date" and not (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return tx("Enter a date as 2021-03-01.")
    if lim.kind == "reference" and (isinstance(value, bool) or not isinstance(value, (int, pw.Model))):
        return tx("Choose one from the list.")
    return None


def check(model: type[pw.Model], values: dict, *, names: dict[str, str] | None = None,
          prefix: str = "") -> dict[str, str]:
    """``{field: message}`` for every value of ``values`` (column name ->
    value as it will be stored) that ``model``'s column does not take; keys
    that are not columns are skipped. ``names`` renames a key in the
    result, ``prefix`` goes before every key."""
    errors = {}
    fields = model._meta.fields
    for key, value in values.items():
        field = fields.get(key)
        if field is None and key.endswith("_id") and isinstance(fields.get(key[:-3]), pw.ForeignKeyField):
            field = fields[key[:-3]]
        if field is None:
            continue
        message = problem(field, value)
        if message is not None:
            errors[prefix + (names or {}).get(key, key)] = message
    return errors


def require(model: type[pw.Model], values: dict, **kwargs) -> None:
    """:func:`check`, raising ValidationError when anything is wrong."""
    errors = check(model, values, **kwargs)
    if errors:
        raise ValidationError(errors)


def field_problem(field: pw.Field, value, name: str, errors: dict) -> None:
    """Add ``name``'s message to ``errors`` if ``value`` does not fit ``field``
    (and ``name`` has no message yet)."""
    if name not in errors:
        message = problem(field, value)
        if message is not None:
            errors[name] = message
