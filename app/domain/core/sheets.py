"""Every table csdesk exports (.xlsx or .csv) is written here, so that what
goes out stays data (issue 11, part 6):

* An empty value stays an empty cell (no stray ``'``).
* Text a spreadsheet would run as a formula (CSV injection: a value that
  begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return, such as
  ``+1+cmd|' /C calc'!A0``) is neutralised: in a CSV it gets a leading
  ``'``; in an .xlsx it is written as a string cell (data type "s"), which
  Excel never evaluates, so it needs no prefix. A plain negative number
  typed as text ("-12.50") is a number, not a formula, and is left alone.
* In an .xlsx numbers stay numbers (int, Decimal, float; money with two
  decimals), dates stay dates, and text stays text even when it is all
  digits (a phone number, a code): nothing is guessed from the text.
* A CSV is UTF-8 with a byte-order mark, so that Excel on a Chinese Windows
  reads the Chinese; values as :func:`app.domain.core.records.as_text`
  writes them (50000.00, 2021-03-01).

:func:`write_table` is the one entry point; :func:`csv_cell` and
:func:`xlsx_value` are the rules for one cell.
"""
from __future__ import annotations

import csv
import datetime as dt
import os
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal

from app.domain.core.records import as_text

#: What makes a spreadsheet read a text cell as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NEGATIVE = re.compile(r"-\d+(\.\d+)?")
# Characters XML 1.0 (and so .xlsx) cannot hold.
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
EXTENSIONS = (".xlsx", ".csv")


def is_formula_like(text: str) -> bool:
    """Would a spreadsheet run ``text`` as a formula (or a DDE command)?"""
    return bool(text) and text.startswith(FORMULA_START) and not _PLAIN_NEGATIVE.fullmatch(text)


def csv_cell(value) -> str:
    """One value as a CSV cell: "" for none, text that looks like a formula after a quote."""
    text = value if isinstance(value, str) else as_text(value)
    return "'" + text if is_formula_like(text) else text


def xlsx_value(value):
    """One value as an .xlsx cell holds it: None (empty), a number, a date,
    or text; ``str`` values are always text."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (int, float, Decimal, dt.date, dt.datetime)):
        return value
    return _ILLEGAL_XML.sub("", str(value))


def _xlsx_cell(ws, value):
    from openpyxl.cell import WriteOnlyCell

    v = xlsx_value(value)
    cell = WriteOnlyCell(ws, value=v)
    if isinstance(v, str):
        cell.data_type = "s"          # never "f": text is never a formula
    elif isinstance(v, Decimal):
        cell.number_format = "#,##0.00"
    elif isinstance(v, dt.datetime):
        cell.number_format = "yyyy-mm-dd hh:mm"
    elif isinstance(v, dt.date):
        cell.number_format = "yyyy-mm-dd"
    return cell


def write_table(path: str | os.PathLike, header: Sequence[str], rows: Iterable[Sequence], *,
                title: str = "", widths: Sequence[int] = (), kind: str | None = None) -> int:
    """Write ``header`` and ``rows`` to ``path`` (.xlsx or .csv, by its
    extension, or ``kind`` ".xlsx" / ".csv"); returns the number of data rows. ``rows`` may be a
    generator (the .xlsx streams: 100 000 rows in constant memory).

    Raises ValueError for another extension, OSError when the file cannot be written.
    """
    path = os.fspath(path)
    ext = kind or os.path.splitext(path)[1].lower()
    if ext == ".csv":
        n = 0
        with open(path, "w", encoding="utf-8-sig", newline="") as fh:
            w = csv.writer(fh)   # \r\n line ends suit Excel
            w.writerow([csv_cell(h) for h in header])
            for values in rows:
                w.writerow([csv_cell(v) for v in values])
                n += 1
        return n
    if ext != ".xlsx":
        raise ValueError(f"not a .xlsx or .csv file: {path}")
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    ws = wb.create_sheet((re.sub(r"[\[\]:*?/\\]", " ", title) or "Sheet1")[:31])
    ws.freeze_panes = "A2"
    for i, width in enumerate(widths):
        ws.column_dimensions[get_column_letter(i + 1)].width = width
    ws.append([_xlsx_cell(ws, h) for h in header])
    n = 0
    for values in rows:
        ws.append([_xlsx_cell(ws, v) for v in values])
        n += 1
    wb.save(path)
    return n
