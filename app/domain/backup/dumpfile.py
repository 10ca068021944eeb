"""The portable dump: one gzip file of JSON lines that csdesk writes from
any backend and restores into any backend.

Why this shape: gzip's CRC and length at the end catch a damaged or cut
file; JSON lines are written and read one row at a time, so a register
of a million rows never sits in memory; the text is readable with
``zcat FILE | head`` and needs nothing but Python to parse. Lines:

1. the header, an object::

     {"format": "csdesk-dump", "format_version": 1, "schema_version": 4,
      "backend": "postgresql", "source": "postgresql://csdesk@server/csdesk",
      "created_at": "2026-11-27 18:00:05", "csdesk": "0.1.0",
      "tables": {"csdesk_meta": 3, "setting": 0, "user": 10, ...}}

2. for every table of :func:`app.domain.backup.tables.catalog`, in that
   order, an object ``{"table": "user", "columns": [...], "kinds": [...],
   "rows": 10}`` followed by its rows, one JSON array a line, in primary
   key order, each value as :mod:`app.domain.backup.tables` encodes it;

3. ``{"end": true, "tables": 36, "rows": 1594}``.

A reader checks the header, every table's columns and row count and the
end line: a file that stops early or holds anything else is refused
(:class:`BackupUnreadable`), whatever the gzip layer let through.
"""
from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import zlib
from collections.abc import Iterator
from pathlib import Path

from app.domain.backup.errors import BackupFailed, BackupUnreadable
from app.domain.backup.tables import TableSpec, catalog, decode_row
from app.domain.core.errors import tx

MAGIC = "csdesk-dump"
FORMAT_VERSION = 1
#: What a dump file starts with (gzip), and an SQLite file.
GZIP_MAGIC = b"\x1f\x8b"
SQLITE_MAGIC = b"SQLite format 3\x00"


def sniff(path: Path) -> str:
    """"dump", "sqlite", or a BackupUnreadable for anything else."""
    try:
        with open(path, "rb") as f:
            head = f.read(16)
    except FileNotFoundError:
        raise BackupUnreadable(tx("There is no file {file}.", file=str(path))) from None
    except OSError as exc:
        raise BackupUnreadable(tx("Cannot read {file}: {detail}", file=str(path), detail=exc.strerror or str(exc))) \
            from None
    if head.startswith(GZIP_MAGIC):
        return "dump"
    if head == SQLITE_MAGIC:
        return "sqlite"
    raise BackupUnreadable(tx("{file} is not a csdesk backup (neither a csdesk dump nor an SQLite database).",
                              file=str(path)))


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class DumpWriter:
    """Writes a dump under a temporary name beside ``path`` and renames it
    when :meth:`close` is called after a complete dump; :meth:`abort` (or
    an exception inside ``with``) removes the partial file."""

    def __init__(self, path: Path, header: dict):
        self.path = Path(path)
        self.part = self.path.with_name(f".{self.path.name}.part")
        self.tables = 0
        self.rows = 0
        try:
            self._raw = open(self.part, "wb")
            self._gz = gzip.GzipFile(filename="", mode="wb", fileobj=self._raw, compresslevel=6, mtime=0)
        except OSError as exc:
            raise BackupFailed(tx("Cannot write {file}: {detail}", file=str(self.path),
                                  detail=exc.strerror or str(exc))) from None
        self._line({"format": MAGIC, "format_version": FORMAT_VERSION, **header})

    def _line(self, value) -> None:
        self._gz.write(_dumps(value).encode("utf-8") + b"\n")

    def table(self, spec: TableSpec, count: int) -> None:
        self._line({"table": spec.name, "columns": list(spec.columns), "kinds": list(spec.kinds), "rows": count})
        self.tables += 1

    def row(self, values: list) -> None:
        self._line(values)
        self.rows += 1

    def close(self) -> int:
        """Finish the file; returns its size in bytes."""
        self._line({"end": True, "tables": self.tables, "rows": self.rows})
        self._gz.close()
        self._raw.flush()
        os.fsync(self._raw.fileno())
        self._raw.close()
        os.replace(self.part, self.path)
        return self.path.stat().st_size

    def abort(self) -> None:
        for closing in (self._gz.close, self._raw.close):
            try:
                closing()
            except (OSError, ValueError):
                pass
        self.part.unlink(missing_ok=True)

    def __enter__(self) -> DumpWriter:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None:
            self.abort()


class DumpReader:
    """Reads a dump: :attr:`header` at once, then :meth:`tables` streams
    each table's rows (as database values). Every problem with the file is
    a :class:`BackupUnreadable` naming the file."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._file = gzip.open(self.path, "rb")
        self.line_no = 0
        header = self._next()
        if not isinstance(header, dict) or header.get("format") != MAGIC:
            self.close()
            raise BackupUnreadable(tx("{file} is not a csdesk dump.", file=str(self.path)))
        if header.get("format_version") != FORMAT_VERSION:
            self.close()
            raise BackupUnreadable(tx("{file} is a csdesk dump of format {version}, which this csdesk cannot read. "
                                      "Update csdesk.", file=str(self.path), version=header.get("format_version")))
        if type(header.get("schema_version")) is not int or not isinstance(header.get("tables"), dict):
            self.close()
            raise self._damaged("the header has no schema version or table counts")
        self.header = header

    @property
    def schema_version(self) -> int:
        return self.header["schema_version"]

    @property
    def created_at(self) -> dt.datetime | None:
        try:
            return dt.datetime.fromisoformat(self.header["created_at"])
        except (KeyError, TypeError, ValueError):
            return None

    def _damaged(self, detail: str) -> BackupUnreadable:
        return BackupUnreadable(tx(
            "{file} is damaged or incomplete ({detail}, line {line}). Nothing was restored; use another backup.",
            file=str(self.path), detail=detail, line=self.line_no))

    def _next(self):
        try:
            line = self._file.readline()
        except (OSError, EOFError, zlib.error) as exc:   # gzip.BadGzipFile is an OSError
            raise self._damaged(str(exc) or type(exc).__name__) from None
        if not line:
            raise self._damaged("the file ends too early")
        self.line_no += 1
        try:
            return json.loads(line)
        except ValueError as exc:                       # JSONDecodeError, UnicodeDecodeError
            raise self._damaged(f"not JSON: {exc}") from None

    def tables(self) -> Iterator[tuple[TableSpec, int, Iterator[tuple]]]:
        """(table, row count, rows) for every table in restore order; each
        table's rows must be read before the next table is asked for."""
        total = 0
        for spec in catalog():
            head = self._next()
            if not isinstance(head, dict) or head.get("table") != spec.name:
                raise self._damaged(f"table {spec.name} expected")
            if head.get("columns") != list(spec.columns) or head.get("kinds") != list(spec.kinds):
                raise self._damaged(f"the columns of {spec.name} are not those of schema version "
                                    f"{self.schema_version}")
            count = head.get("rows")
            if type(count) is not int or count < 0 or self.header["tables"].get(spec.name) != count:
                raise self._damaged(f"the row count of {spec.name} is missing or differs from the header")
            yield spec, count, self._rows(spec, count)
            total += count
        end = self._next()
        if end != {"end": True, "tables": len(catalog()), "rows": total}:
            raise self._damaged("the end line is missing or wrong")
        try:
            rest = self._file.read(1)
        except (OSError, EOFError, zlib.error) as exc:
            raise self._damaged(str(exc) or type(exc).__name__) from None
        if rest:
            raise self._damaged("data after the end line")

    def _rows(self, spec: TableSpec, count: int) -> Iterator[tuple]:
        last = None
        for _ in range(count):
            values = self._next()
            try:
                row = decode_row(spec, values)
            except (TypeError, ValueError, ArithmeticError):
                raise self._damaged(f"a row of {spec.name} does not fit its columns") from None
            if spec.int_pk:
                # Rows come in id order; restoring a table's references to
                # itself (app.domain.backup.transfer) relies on it.
                if row[spec.pk] is None or (last is not None and row[spec.pk] <= last):
                    raise self._damaged(f"the ids of {spec.name} are not in order")
                last = row[spec.pk]
            yield row

    def verify(self) -> dict[str, int]:
        """Read the whole file; returns the rows per table (raises on damage)."""
        counts = {}
        for spec, count, rows in self.tables():
            for _ in rows:
                pass
            counts[spec.name] = count
        return counts

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> DumpReader:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_dump(path: Path) -> DumpReader:
    """A reader of ``path``, or BackupUnreadable."""
    try:
        return DumpReader(path)
    except OSError as exc:
        raise BackupUnreadable(tx("Cannot read {file}: {detail}", file=str(path), detail=exc.strerror or str(exc))) \
            from None
