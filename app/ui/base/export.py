"""Export what a table shows to a CSV file that Excel opens correctly.

Excel reads a CSV as the system's ANSI code page unless the file starts
with a UTF-8 byte-order mark, so Chinese names would come out garbled: we
always write ``utf-8-sig``. What is exported is the model's display text,
column for column, exactly as the clerk sees the list (translated states,
yyyy-MM-dd dates, 2-decimal money). The file is written by
:func:`app.domain.core.sheets.write_table`, the one writer of every export:
text a spreadsheet would run as a formula gets a leading quote, empty cells
stay empty.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.domain.core import sheets
from app.ui.qt import QCoreApplication, QFileDialog, QMessageBox, QModelIndex, Qt

#: A CSV cell as every export writes it (see :func:`app.domain.core.sheets.csv_cell`).
safe_cell = sheets.csv_cell


def rows_of(model) -> list[list[str]]:
    """Header row plus every row's display text, as shown (reads every page of a paged model)."""
    if hasattr(model, "fetch_all"):    # a paged list: every page, not only those scrolled through
        model.fetch_all()
    cols = range(model.columnCount())
    out = [[str(model.headerData(c, Qt.Horizontal, Qt.DisplayRole) or "") for c in cols]]
    for r in range(model.rowCount()):
        out.append([str(model.data(model.index(r, c, QModelIndex()), Qt.DisplayRole) or "") for c in cols])
    return out


def write_csv(model, path: str | Path) -> int:
    """Write ``model`` to ``path`` (a .csv); returns the number of data rows."""
    rows = rows_of(model)
    return sheets.write_table(path, rows[0], rows[1:], kind=".csv")


def export_model(parent, model, base_name: str) -> str | None:
    """Ask where to save, then write the CSV; returns the path or None."""
    suggested = f"{base_name}-{dt.date.today():%Y%m%d}.csv"
    path, _filter = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("export", "Export to CSV"),
                                                suggested,
                                                QCoreApplication.translate("export", "CSV for Excel (*.csv)"))
    if not path:
        return None
    if not path.lower().endswith(".csv"):
        path += ".csv"
    try:
        n = write_csv(model, path)
    except OSError as exc:
        QMessageBox.warning(parent, QCoreApplication.translate("export", "Export failed"),
                            QCoreApplication.translate("export", "The file could not be written.") + f"\n\n{exc}")
        return None
    QMessageBox.information(parent, QCoreApplication.translate("export", "Exported"),
                            QCoreApplication.translate("export", "%n row(s) written to %1.", "", n)
                            .replace("%1", path))
    return path
