"""Table models over peewee queries that read rows by page (as Anki's browser).

:class:`PagedQueryModel` reads the list's keys (id and sort value) a page
at a time, each page after the last key read, and the row objects of a page
when the view first asks for a cell of it. Opening 1 000 000 register rows
costs one page, the same as opening 100; the total is counted with a cap.
Sorting reads the same number of rows in the other order;
:meth:`PagedQueryModel.refresh` re-reads them and puts the selection back
on the same ids.

:class:`ListTableModel` shows a short in-memory list (a job's parts, its
history) with the same :class:`Column` definitions.
"""
from __future__ import annotations

import functools
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Callable

from app.domain.core import paging
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


_DISPLAY, _EDIT, _ALIGN, _TOOLTIP = (int(r) for r in (Qt.DisplayRole, Qt.EditRole, Qt.TextAlignmentRole,
                                                        Qt.ToolTipRole))
_FONT, _FOREGROUND, _BACKGROUND = (int(r) for r in (Qt.FontRole, Qt.ForegroundRole, Qt.BackgroundRole))


@functools.lru_cache(maxsize=64)
def _brush(colour: str) -> QBrush:
    return QBrush(QColor(colour))


@functools.lru_cache(maxsize=8)
def _font(strike: bool, bold: bool) -> QFont:
    font = QFont()
    font.setStrikeOut(strike)
    font.setBold(bold)
    return font


_ALIGNS: dict = {}


def _align(flags) -> int:
    try:
        return _ALIGNS[flags]
    except (KeyError, TypeError):
        value = int(flags)
        try:
            _ALIGNS[flags] = value
        except TypeError:
            pass
        return value


class _ColumnsMixin:
    """``data()``/``headerData()`` shared by the lazy and the list model."""

    columns: list[Column]

    def row_style(self, obj) -> RowStyle | None:  # noqa: ARG002 - overridden
        return None

    def _cell(self, obj, column: int, role: int):
        # Roles compared as plain ints and brushes made once per colour: a
        # view asks ~7 roles of every cell it paints, and PySide's enum
        # comparisons and QBrush/QColor/QFont objects made each time cost
        # 44 ms a screenful of the register (1 800 calls), now 10 ms.
        role = int(role)
        col = self.columns[column]
        if role == _DISPLAY or role == _EDIT:
            return _text(col.value(obj))
        if role == _ALIGN:
            return _align(col.align)
        if role == _TOOLTIP:
            return col.tooltip(obj) if col.tooltip else None
        if role == _FONT:
            style = self.row_style(obj)
            if style is None or not (style.strike or style.bold):
                return None
            return _font(style.strike, style.bold)
        if role == _FOREGROUND or role == _BACKGROUND:
            fn = col.foreground if role == _FOREGROUND else col.background
            colour = fn(obj) if fn else None
            if colour is None:
                style = self.row_style(obj)
                if style is not None:
                    colour = style.foreground if role == _FOREGROUND else style.background
            return _brush(colour) if colour else None
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


class PagedQueryModel(_ColumnsMixin, QAbstractTableModel):
    """Rows of a peewee query, read a page at a time by key.

    Subclasses set :attr:`columns` and :attr:`default_order` (the list's own
    order: ``[(expression, descending)]``, the id breaking ties) and
    implement :meth:`build_query` (the filtered list) and :meth:`fetch_rows`
    (the row objects of some ids, with their joins).

    The model follows Qt's ``canFetchMore``/``fetchMore`` protocol, as
    :class:`app.ui.customers.models.OverviewModel` does: :meth:`load` reads
    the first page's keys (id and sort value), the view asks for the next
    page as it scrolls near the end, and each page starts after the last key
    read (:func:`app.domain.core.paging.page_keys`), so a far page costs
    what the first does. It never reads every id: the old "all ids first"
    model read 1 000 000 register ids (280 ms on SQLite, 1.8 s on MariaDB)
    before showing a row. The row objects of a page are read when the view first shows a
    cell of it (:meth:`object_at`); :meth:`count` counts the whole list with
    a cap (:data:`COUNT_CAP`, "10 000+").
    """

    PAGE = 200               # keys read at a time
    ROWS = 50                # row objects read at a time: a screenful or two (200 joined rows: 21 ms)
    MAX_PAGES = 200          # pages of row objects kept; older pages are dropped and read again
    COUNT_CAP = 10_000
    default_order: list = []

    def __init__(self, columns: list[Column], parent=None):
        super().__init__(parent)
        self.columns = columns
        self._keys: list[tuple] = []          # (id, sort value) of the rows read so far
        self._more = False
        self._pages: OrderedDict[int, dict[int, Any]] = OrderedDict()
        self._sort_column: int | None = None
        self._sort_order = Qt.AscendingOrder
        self._query = None                    # the list's query, built at load
        self._fetching = False

    # -- what subclasses provide ------------------------------------------
    def build_query(self):
        raise NotImplementedError

    def fetch_rows(self, ids: list[int]) -> dict[int, Any]:
        query = self._query
        return {obj.id: obj for obj in query.where(query.model.id.in_(ids)).order_by()}

    # -- keys ----------------------------------------------------------------
    def order(self) -> list:
        """The sort terms: the clicked column's, or the list's own order."""
        if self._sort_column is not None and self.columns[self._sort_column].sort is not None:
            col = self.columns[self._sort_column]
            return [(col.sort, (self._sort_order == Qt.DescendingOrder) != col.reverse_sort)]
        return list(self.default_order)

    def _read_keys(self, after: tuple | None, limit: int) -> list[tuple]:
        query = self._query
        return paging.page_keys(query, self.order(), query.model.id, after, limit)

    def _reread(self, n: int) -> None:
        # The first max(n, PAGE) keys again, in one query (a refresh or a sort keeps what was read).
        # The query is built once here: building it may cost a query of its own (the register's
        # search looks up the matching units first), which the next pages and the count reuse.
        limit = max(n, self.PAGE)
        self._query = self.build_query()
        self._keys = self._read_keys(None, limit)
        self._more = len(self._keys) == limit
        self._pages.clear()

    def load(self) -> None:
        """Run the query again (filters changed): the first page; selection is not kept."""
        self.beginResetModel()
        self._reread(0)
        self.endResetModel()

    def canFetchMore(self, parent=QModelIndex()):  # noqa: N802 - Qt API
        return not parent.isValid() and self._more

    def fetchMore(self, parent=QModelIndex()):  # noqa: N802 - Qt API
        # Not again from inside the insertion's signals (a view or a model tester may ask).
        if parent.isValid() or not self._more or self._fetching:
            return
        more = self._read_keys(self._keys[-1] if self._keys else None, self.PAGE)
        self._more = len(more) == self.PAGE
        if more:
            self._fetching = True
            try:
                self.beginInsertRows(QModelIndex(), len(self._keys), len(self._keys) + len(more) - 1)
                self._keys.extend(more)
                self.endInsertRows()
            finally:
                self._fetching = False

    def fetch_all(self) -> None:
        """Read every page (an export asks for the whole list)."""
        while self.canFetchMore():
            self.fetchMore()

    def count(self) -> tuple[int, bool]:
        """(rows in the list, more than COUNT_CAP?), counted by the database with a cap."""
        if not self._more or self._query is None:
            return len(self._keys), False
        return paging.capped_count(self._query, self.COUNT_CAP)

    def refresh(self, selection: QItemSelectionModel | None = None) -> None:
        """Re-query the same list as far as it was read and re-select the same ids."""
        keep, current = [], None
        if selection is not None:
            keep = [self.id_at(i.row()) for i in selection.selectedRows()]
            current = self.id_at(selection.currentIndex().row()) if selection.currentIndex().isValid() else None
        self.beginResetModel()
        self._reread(len(self._keys))
        self.endResetModel()
        if selection is not None and (keep or current is not None):
            self.select_ids(selection, keep, current)

    def select_ids(self, selection: QItemSelectionModel, ids, current: int | None = None) -> None:
        where = {key[0]: row for row, key in enumerate(self._keys)}
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
        """The ids of the rows read so far."""
        return [k[0] for k in self._keys]

    def id_at(self, row: int) -> int | None:
        return self._keys[row][0] if 0 <= row < len(self._keys) else None

    def row_of(self, row_id: int) -> int | None:
        return next((row for row, key in enumerate(self._keys) if key[0] == row_id), None)

    def object_at(self, row: int):
        """The row object, reading its page if needed (None when out of range)."""
        if not 0 <= row < len(self._keys):
            return None
        page_no = row // self.ROWS
        page = self._pages.get(page_no)
        if page is None:
            page = self.fetch_rows([k[0] for k in self._keys[page_no * self.ROWS:(page_no + 1) * self.ROWS]])
            self._pages[page_no] = page
            while len(self._pages) > self.MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        return page.get(self._keys[row][0])

    # -- Qt model interface ---------------------------------------------------
    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._keys)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        obj = self.object_at(index.row())
        if obj is None:      # deleted since the keys were read: an empty row until refresh
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
        # As many rows as were read, in the new order; Qt's layout-change protocol keeps the selection
        # on the rows still among them.
        self.layoutAboutToBeChanged.emit()
        old = [(i, self._keys[i.row()][0]) for i in self.persistentIndexList() if i.row() < len(self._keys)]
        self._reread(len(self._keys))
        where = {key[0]: row for row, key in enumerate(self._keys)}
        for index, row_id in old:
            new_row = where.get(row_id)
            self.changePersistentIndex(index, self.index(new_row, index.column())
                                       if new_row is not None else QModelIndex())
        self.layoutChanged.emit()

    def sort_key(self) -> tuple[int | None, Qt.SortOrder]:
        return self._sort_column, self._sort_order


class QueryModel(PagedQueryModel):
    """A paged list over a query made elsewhere (e.g. by a service that
    checked the user's access): ``set_query(query)`` reads its first page."""

    def __init__(self, columns: list[Column], order: list, parent=None):
        super().__init__(columns, parent)
        self.default_order = list(order)
        self.query = None

    def set_query(self, query) -> None:
        self.query = query
        self.load()

    def build_query(self):
        return self.query

    def _read_keys(self, after, limit):
        return [] if self._query is None else super()._read_keys(after, limit)


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
