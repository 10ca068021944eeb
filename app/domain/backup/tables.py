"""What a backup holds: every table of :data:`app.domain.schema.MODELS`, in
that order, every column, and how each value is written so that it comes
back exactly on any of the three backends.

The order of ``MODELS`` puts every table after the tables it points to,
so rows restored table by table never point to a row not yet there; the
only exceptions are a table's references to itself
(``register_entry.corrects``, ``visit.carried_from``), which
:mod:`app.domain.backup.transfer` handles. :func:`catalog` checks both.

Values are typed by the column's field, not by what a driver returned:
SQLite keeps ``12.50`` as the number 12.5 and a datetime as text,
PostgreSQL and MariaDB give ``Decimal`` and ``datetime``. Written out:

=========  ==========================================================
kind       in the file
=========  ==========================================================
int        a JSON number (ids and foreign keys too)
text       a JSON string (any Unicode, 𠮷 included)
decimal:N  a string with exactly N decimals (``"1280.00"``), never a float
date       ``"2026-11-27"``
datetime   ``"2026-11-27 09:30:00"`` (with ``.ffffff`` when it has them;
           MariaDB's DATETIME keeps whole seconds)
bool       ``true`` / ``false``
=========  ==========================================================

and ``null`` for NULL in every kind.
"""
from __future__ import annotations

import datetime as dt
import decimal
from dataclasses import dataclass
from functools import cache

import peewee as pw

from app.domain import schema
from app.domain.backup.errors import BackupUnreadable
from app.domain.core.errors import tx

#: peewee's column types and the kinds a backup writes them as.
_KINDS = {"AUTO": "int", "INT": "int", "BIGINT": "int", "SMALLINT": "int", "VARCHAR": "text", "TEXT": "text",
          "DECIMAL": "decimal", "DATE": "date", "DATETIME": "datetime", "BOOL": "bool"}


@dataclass(frozen=True)
class TableSpec:
    """One table as a backup sees it."""
    model: type[pw.Model]
    name: str
    fields: tuple[pw.Field, ...]
    columns: tuple[str, ...]
    kinds: tuple[str, ...]
    pk: int                     # index of the primary key column
    int_pk: bool                # an integer id (rows come in increasing id order)
    self_refs: tuple[int, ...]  # indexes of the columns that point into this same table


def kind_of(field: pw.Field) -> str:
    """The kind of ``field``'s values (see the module's table)."""
    target = field.rel_field if isinstance(field, pw.ForeignKeyField) else field
    kind = _KINDS.get(target.field_type)
    if kind is None:
        # A new column type must be taught to the backup before it ships.
        raise TypeError(f"{field.model.__name__}.{field.name}: backups do not know {target.field_type!r} columns")
    if kind == "decimal":
        return f"decimal:{target.decimal_places}"
    return kind


@cache
def catalog() -> tuple[TableSpec, ...]:
    """Every table of the schema in restore order."""
    specs, seen = [], set()
    for model in schema.MODELS:
        fields = tuple(model._meta.sorted_fields)
        self_refs = []
        for i, f in enumerate(fields):
            if isinstance(f, pw.ForeignKeyField):
                if f.rel_model is model:
                    assert f.null, f"{model.__name__}.{f.name}: a self-reference must allow NULL to be restored"
                    self_refs.append(i)
                else:
                    assert f.rel_model in seen, f"{model.__name__} comes before {f.rel_model.__name__} in MODELS"
        seen.add(model)
        pk = fields.index(model._meta.primary_key)
        specs.append(TableSpec(model=model, name=model._meta.table_name, fields=fields,
                               columns=tuple(f.column_name for f in fields), kinds=tuple(kind_of(f) for f in fields),
                               pk=pk, int_pk=kind_of(fields[pk]) == "int", self_refs=tuple(self_refs)))
    return tuple(specs)


def encode(kind: str, value):
    """A value read from a database, as the file writes it."""
    if value is None:
        return None
    if kind == "int":
        return int(value)
    if kind == "text":
        return str(value)
    if kind.startswith("decimal:"):
        places = int(kind[8:])
        return format(decimal.Decimal(str(value)).quantize(decimal.Decimal(1).scaleb(-places)), "f")
    if kind == "datetime":
        if isinstance(value, str):        # SQLite text peewee could not parse: keep it only if it is a time
            value = dt.datetime.fromisoformat(value)
        return value.isoformat(sep=" ")
    if kind == "date":
        if isinstance(value, str):
            value = dt.date.fromisoformat(value)
        if isinstance(value, dt.datetime):
            value = value.date()
        return value.isoformat()
    if kind == "bool":
        return bool(value)
    raise TypeError(kind)


def decode(kind: str, value):
    """A value from the file, as the database is given it."""
    if value is None:
        return None
    if kind == "int":
        if type(value) is not int:
            raise TypeError(value)
        return value
    if kind == "text":
        if not isinstance(value, str):
            raise TypeError(value)
        return value
    if kind.startswith("decimal:"):
        number = decimal.Decimal(value) if isinstance(value, str) else _bad(value)
        return number if number.is_finite() else _bad(value)
    if kind == "datetime":
        return dt.datetime.fromisoformat(value)
    if kind == "date":
        return dt.date.fromisoformat(value)
    if kind == "bool":
        if not isinstance(value, bool):
            raise TypeError(value)
        return value
    raise TypeError(kind)


def _bad(value):
    raise TypeError(value)


def encode_row(spec: TableSpec, row) -> list:
    """``row`` (a tuple in ``spec.columns`` order) for the file; a value the
    column cannot hold (text in a date column of an SQLite file) is a
    readable error naming the row."""
    try:
        return [encode(k, v) for k, v in zip(spec.kinds, row, strict=True)]
    except (TypeError, ValueError, decimal.InvalidOperation):
        for k, v, c in zip(spec.kinds, row, spec.columns, strict=True):
            try:
                encode(k, v)
            except (TypeError, ValueError, decimal.InvalidOperation):
                raise BackupUnreadable(tx(
                    "Table {table}, row {id}: the column {column} holds {value}, which is not a {kind}. "
                    "Correct it in the database, then back it up again.",
                    table=spec.name, id=row[spec.pk], column=c, value=repr(v), kind=k)) from None
        raise


def decode_row(spec: TableSpec, values) -> tuple:
    """A row of the file as database values; raises TypeError / ValueError
    / decimal.InvalidOperation when a value is not of its column's kind."""
    if not isinstance(values, list) or len(values) != len(spec.kinds):
        raise TypeError(f"{spec.name}: a row of {len(spec.kinds)} values expected")
    return tuple(decode(k, v) for k, v in zip(spec.kinds, values))
