"""Table models over peewee queries that fetch rows lazily (as Anki's browser).

:class:`LazyQueryModel` runs the list's query once for the *ids* only (one
cheap column), and loads the row objects a page at a time when the view
first asks for a cell of that page. Opening 100 000 register rows costs one
id query plus one page, the same as opening 100. Sorting re-runs the id
query with another ORDER BY; :meth:`LazyQueryModel.refresh` re-runs it and
puts the selection back on the same ids.

:class:`ListTableModel` shows a short in-memory list (a job's parts, its
history) with the same :class:`Column` definitions.
"""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Callable

from app.domain.core.db import database
from app.ui.qt import QAbstractTableModel, QBrush, QColor, QFont, QItemSelection, QItemSelectionModel, QModelIndex, Qt

LEFT = Qt.AlignLeft | Qt.AlignVCenter
RIGHT = Qt.AlignRight | Qt.AlignVCenter
CENTER = Qt.AlignCenter


@dataclass
class Column:
    """One column: its (translated) header and how a row object shows in it.

    ``sort`` is the peewee expression the id query orders by (None: the
    column does not sort). ``foreground``/``background`` return a colour
    name for one cell, or None.
    """
    header: str
    value: Callable[[Any], Any]
    sort: Any = None
    align: Qt.AlignmentFlag = LEFT
    tooltip: Callable[[Any], str] | None = None
    foreground: Callable[[Any], str | None] | None = None
    background: Callable[[Any], str | None] | None = None
    width: int | None = None           # a hint for the view, in pixels
    reverse_sort: bool = False         # e.g. "age" sorts by received_at the other way round
    header_tip: str | None = None      # the header's tooltip, for a short header


@dataclass
class RowStyle:
    """How a whole row stands out (overdue, superseded...)."""
    foreground: str | None = None
    background: str | None = None
    strike: bool = False
    bold: bool = False


def _text(value) -> str:
    return "" if value is None else str(value)


class _ColumnsMixin:
    """``data()``/``headerData()`` shared by the lazy and the list model."""

    columns: list[Column]

    def row_style(self, obj) -> RowStyle | None:  # noqa: ARG002 - overridden
        return None

    def _cell(self, obj, column: int, role: int):
        col = self.columns[column]
        if role in (Qt.DisplayRole, Qt.EditRole):
            return _text(col.value(obj))
        if role == Qt.TextAlignmentRole:
            return int(col.align)
        if role == Qt.ToolTipRole:
            return col.tooltip(obj) if col.tooltip else None
        if role in (Qt.ForegroundRole, Qt.BackgroundRole, Qt.FontRole):
            style = self.row_style(obj)
            if role == Qt.FontRole:
                if style is None or not (style.strike or style.bold):
                    return None
                font = QFont()
                font.setStrikeOut(style.strike)
                font.setBold(style.bold)
                return font
            fn = col.foreground if role == Qt.ForegroundRole else col.background
            colour = fn(obj) if fn else None
            if colour is None and style is not None:
                colour = style.foreground if role == Qt.ForegroundRole else style.background
            return QBrush(QColor(colour)) if colour else None
        return None

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.DisplayRole:
                return self.columns[section].header
            if role == Qt.TextAlignmentRole:
                return int(self.columns[section].align)
            if role == Qt.ToolTipRole:
                return self.columns[section].header_tip
        return None


class LazyQueryModel(_ColumnsMixin, QAbstractTableModel):
    """Rows of a peewee query, fetched lazily by page.

    Subclasses set :attr:`columns` and implement :meth:`build_query` (the
    filtered list, any order) and optionally :meth:`fetch_rows` (the objects
    for some ids, with their joins).
    """

    PAGE = 200
    MAX_PAGES = 50           # pages kept; older pages are dropped and refetched

    def __init__(self, columns: list[Column], parent=None):
        super().__init__(parent)
        self.columns = columns
        self._ids: list[int] = []
        self._pages: OrderedDict[int, dict[int, Any]] = OrderedDict()
        self._sort_column: int | None = None
        self._sort_order = Qt.AscendingOrder

    # -- what subclasses provide ------------------------------------------
    def build_query(self):
        raise NotImplementedError

    def fetch_rows(self, ids: list[int]) -> dict[int, Any]:
        query = self.build_query()
        return {obj.id: obj for obj in query.where(query.model.id.in_(ids)).order_by()}

    # -- ids ----------------------------------------------------------------
    def _id_query(self):
        query = self.build_query()
        id_field = query.model.id
        if self._sort_column is not None and self.columns[self._sort_column].sort is not None:
            expr = self.columns[self._sort_column].sort
            col = self.columns[self._sort_column]
            desc = (self._sort_order == Qt.DescendingOrder) != col.reverse_sort
            # The id as tie-breaker keeps the order stable between refreshes.
            query = query.order_by(expr.desc() if desc else expr.asc(), id_field.desc() if desc else id_field)
        return query.select(id_field)

    def _load_ids(self) -> None:
        # Straight through the cursor: 100 000 ids without building row objects.
        sql, params = self._id_query().sql()
        self._ids = [r[0] for r in database.execute_sql(sql, params).fetchall()]
        self._pages.clear()

    def load(self) -> None:
        """Run the query again (filters changed): selection is not kept."""
        self.beginResetModel()
        self._load_ids()
        self.endResetModel()

    def refresh(self, selection: QItemSelectionModel | None = None) -> None:
        """Re-query the same list and re-select the same ids where they still are."""
        keep, current = [], None
        if selection is not None:
            keep = [self.id_at(i.row()) for i in selection.selectedRows()]
            current = self.id_at(selection.currentIndex().row()) if selection.currentIndex().isValid() else None
        self.load()
        if selection is not None and (keep or current is not None):
            self.select_ids(selection, keep, current)

    def select_ids(self, selection: QItemSelectionModel, ids, current: int | None = None) -> None:
        where = {job_id: row for row, job_id in enumerate(self._ids)}
        sel = QItemSelection()
        last = self.columnCount() - 1
        for i in ids:
            if i in where:
                sel.select(self.index(where[i], 0), self.index(where[i], last))
        selection.select(sel, QItemSelectionModel.ClearAndSelect)
        if current in where:
            selection.setCurrentIndex(self.index(where[current], 0), QItemSelectionModel.NoUpdate)

    # -- row access ---------------------------------------------------------
    def ids(self) -> list[int]:
        return list(self._ids)

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, row_id: int) -> int | None:
        try:
            return self._ids.index(row_id)
        except ValueError:
            return None

    def object_at(self, row: int):
        """The row object, loading its page if needed (None when out of range)."""
        if not 0 <= row < len(self._ids):
            return None
        page_no = row // self.PAGE
        page = self._pages.get(page_no)
        if page is None:
            page_ids = self._ids[page_no * self.PAGE:(page_no + 1) * self.PAGE]
            page = self.fetch_rows(page_ids)
            self._pages[page_no] = page
            while len(self._pages) > self.MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        return page.get(self._ids[row])

    # -- Qt model interface ---------------------------------------------------
    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        obj = self.object_at(index.row())
        if obj is None:      # deleted since the ids were read: an empty row until refresh
            return None
        return self._cell(obj, index.column(), role)

    def flags(self, index):
        if not index.isValid():
            return Qt.NoItemFlags
        return Qt.ItemIsEnabled | Qt.ItemIsSelectable

    def sort(self, column, order=Qt.AscendingOrder):
        if not 0 <= column < len(self.columns) or self.columns[column].sort is None:
            return
        self._sort_column, self._sort_order = column, order
        # A sort keeps the rows, so Qt's layout-change protocol keeps the selection.
        self.layoutAboutToBeChanged.emit()
        old = [(i, self._ids[i.row()]) for i in self.persistentIndexList() if i.row() < len(self._ids)]
        self._load_ids()
        where = {row_id: row for row, row_id in enumerate(self._ids)}
        for index, row_id in old:
            new_row = where.get(row_id)
            self.changePersistentIndex(index, self.index(new_row, index.column())
                                       if new_row is not None else QModelIndex())
        self.layoutChanged.emit()

    def sort_key(self) -> tuple[int | None, Qt.SortOrder]:
        return self._sort_column, self._sort_order


class RowsMixin(_ColumnsMixin):
    """The Qt table interface over ``self._rows`` (objects already loaded)."""

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._cell(self._rows[index.row()], index.column(), role)

    def flags(self, index):
        return Qt.ItemIsEnabled | Qt.ItemIsSelectable if index.isValid() else Qt.NoItemFlags


class ListTableModel(RowsMixin, QAbstractTableModel):
    """A short list of objects (a job's parts, labour, history)."""

    def __init__(self, columns: list[Column], rows=(), parent=None):
        super().__init__(parent)
        self.columns = columns
        self._rows = list(rows)

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def object_at(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None



def setup_view(view, model) -> None:
    """Common table-view settings: whole rows, compact, widths from the columns."""
    from app.ui.qt import QAbstractItemView, QHeaderView

    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectRows)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.Interactive)
    for i, col in enumerate(model.columns):
        if col.width:
            view.setColumnWidth(i, col.width)
    header.setStretchLastSection(True)
