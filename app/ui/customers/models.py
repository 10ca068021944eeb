"""Table models and code labels of the customer archive screens.

:class:`OverviewModel` shows the overview table (用户情况一览表) a page at a
time. It does not use :class:`~app.ui.base.table_models.PagedQueryModel`:
the domain's :class:`~app.domain.customers.overview.OverviewQuery` reads its
own pages (its search probe sorts some matches in Python; reading 100 000
ids costs 200-400 ms on PostgreSQL and MariaDB, a sorted page of 100 a few
ms), so this model follows Qt's
``canFetchMore``/``fetchMore`` protocol as QSqlQueryModel does: the first
page at once, the next when the view scrolls near the end, the total counted
separately and capped. It shares :class:`Column` and the cell rendering with
the other models.

The other lists (contacts, history, access requests, import preview...) are
short and use :class:`~app.ui.base.table_models.ListTableModel`.
"""
from __future__ import annotations

from decimal import Decimal

from app.ui.base import labels
from app.ui.base.table_models import CENTER, RIGHT, Column, ListTableModel, RowsMixin
from app.ui.base.widgets import colon, fmt_date, fmt_datetime, short
from app.ui.qt import QAbstractTableModel, QCoreApplication, QModelIndex, Qt

COUNT_CAP = 10_000


def _t(text: str) -> str:
    return QCoreApplication.translate("customer_models", text)


# -- labels for the archive's codes ------------------------------------------------
def status(code: str) -> str:
    return {"active": QCoreApplication.translate("customer_models", "Active", "customer status"), "suspended": QCoreApplication.translate("customer_models", "Suspended"), "closed": QCoreApplication.translate("customer_models", "Closed"),
            "prospect": QCoreApplication.translate("customer_models", "Prospect"), "refused": QCoreApplication.translate("customer_models", "Not selected")}.get(code, code)


def rating(code: str) -> str:
    return code or QCoreApplication.translate("customer_models", "Not rated")


def address_kind(code: str) -> str:
    return {"office": QCoreApplication.translate("customer_models", "Office"), "shipping": QCoreApplication.translate("customer_models", "Shipping"), "billing": QCoreApplication.translate("customer_models", "Billing"),
            "warehouse": QCoreApplication.translate("customer_models", "Warehouse"), "other": QCoreApplication.translate("customer_models", "Other")}.get(code, code)


def request_status(code: str) -> str:
    return {"pending": QCoreApplication.translate("customer_models", "Waiting for a decision"), "granted": QCoreApplication.translate("customer_models", "Granted"), "expired": QCoreApplication.translate("customer_models", "Expired"),
            "refused": QCoreApplication.translate("customer_models", "Refused", "access request"), "revoked": QCoreApplication.translate("customer_models", "Revoked")}.get(code, code)


def log_action(code: str) -> str:
    return {"view": QCoreApplication.translate("customer_models", "Viewed"), "print": QCoreApplication.translate("customer_models", "Printed"), "export": QCoreApplication.translate("customer_models", "Exported"), "import": QCoreApplication.translate("customer_models", "Imported"),
            "history": QCoreApplication.translate("customer_models", "Read the change history"),
            "page": QCoreApplication.translate("customer_models", "Viewed units and jobs"),
            "service": QCoreApplication.translate("customer_models", "Viewed visits and service"),
            "denied": QCoreApplication.translate("customer_models", "Refused (no access)")}.get(code, code)


def investigation_kind(code: str) -> str:
    return {"general": QCoreApplication.translate("customer_models", "General"), "onsite": QCoreApplication.translate("customer_models", "On-site")}.get(code, code)


def decision(code: str) -> str:
    return {"approved": QCoreApplication.translate("customer_models", "Approved"), "refused": QCoreApplication.translate("customer_models", "Refused", "prospect decision")}.get(code, code)


def field_label(name: str) -> str:
    """An archive field, or a history entry's "contact:12.mobile", in words."""
    names = {
        "name": QCoreApplication.translate("customer_models", "Name"), "short_name": QCoreApplication.translate("customer_models", "Short name"), "category": QCoreApplication.translate("customer_models", "Category"), "phone": QCoreApplication.translate("customer_models", "Phone"),
        "email": QCoreApplication.translate("customer_models", "E-mail"), "address": QCoreApplication.translate("customer_models", "Address"), "region": QCoreApplication.translate("customer_models", "Region"), "status": QCoreApplication.translate("customer_models", "Status"),
        "business_content": QCoreApplication.translate("customer_models", "Business content"), "legal_representative": QCoreApplication.translate("customer_models", "Legal representative"),
        "registered_capital": QCoreApplication.translate("customer_models", "Registered capital"), "employees": QCoreApplication.translate("customer_models", "Employees"), "tax_id": QCoreApplication.translate("customer_models", "Tax ID"),
        "bank_name": QCoreApplication.translate("customer_models", "Bank"), "bank_account": QCoreApplication.translate("customer_models", "Bank account"), "credit_rating": QCoreApplication.translate("customer_models", "Credit rating"),
        "credit_limit": QCoreApplication.translate("customer_models", "Credit limit"), "cooperation_since": QCoreApplication.translate("customer_models", "Customer since"),
        "annual_volume": QCoreApplication.translate("customer_models", "Annual volume"), "tier": QCoreApplication.translate("customer_models", "Tier"), "responsible_id": QCoreApplication.translate("customer_models", "Responsible staff"),
        "notes": QCoreApplication.translate("customer_models", "Notes"), "title": QCoreApplication.translate("customer_models", "Title"), "mobile": QCoreApplication.translate("customer_models", "Mobile"), "wechat": QCoreApplication.translate("customer_models", "WeChat"),
        "is_primary": QCoreApplication.translate("customer_models", "Primary"), "kind": QCoreApplication.translate("customer_models", "Kind"), "postcode": QCoreApplication.translate("customer_models", "Postcode"), "code": QCoreApplication.translate("customer_models", "Code"),
    }
    tag, _, rest = name.partition(":")
    if not rest:
        return names.get(name, name)
    word = QCoreApplication.translate("customer_models", "Contact") if tag == "contact" else QCoreApplication.translate("customer_models", "Address") if tag == "address" else tag
    if rest == "+":
        return QCoreApplication.translate("customer_models", "%1 added").replace("%1", word)
    if rest == "-":
        return QCoreApplication.translate("customer_models", "%1 removed").replace("%1", word)
    rid, _, attr = rest.partition(".")
    return f"{word} #{rid}: {names.get(attr, attr)}"


def money(value) -> str:
    return "" if value is None else f"{Decimal(value):,.2f}"



# -- the overview table -----------------------------------------------------------------
STATUS_COLOURS = {"suspended": "#e65100", "closed": "#757575", "prospect": "#1565c0", "refused": "#757575"}


def overview_columns() -> list[Column]:
    """The overview's columns; ``sort`` is the domain's sort code (overview.SORTS)."""
    return [
        Column(QCoreApplication.translate("customer_models", "Code"), lambda r: r.code, "code", width=118),
        Column(QCoreApplication.translate("customer_models", "Name"), lambda r: r.name, "name", width=260, tooltip=lambda r: r.name),
        Column(QCoreApplication.translate("customer_models", "Short name"), lambda r: r.short_name, "short_name", width=90),
        Column(QCoreApplication.translate("customer_models", "Category"), lambda r: labels.category(r.category), "category", width=140),
        Column(QCoreApplication.translate("customer_models", "Region"), lambda r: r.region, "region", width=120),
        Column(QCoreApplication.translate("customer_models", "Phone"), lambda r: r.phone, "phone", width=120),
        Column(QCoreApplication.translate("customer_models", "Credit"), lambda r: r.credit_rating, "credit_rating", CENTER, width=50,
               header_tip=QCoreApplication.translate("customer_models", "Credit rating (A-D)")),
        Column(QCoreApplication.translate("customer_models", "Credit limit"), lambda r: money(r.credit_limit), "credit_limit", RIGHT, width=100),
        Column(QCoreApplication.translate("customer_models", "Responsible"), lambda r: r.responsible, "responsible", width=80),
        Column(QCoreApplication.translate("customer_models", "Status"), lambda r: status(r.status), "status", width=70,
               foreground=lambda r: STATUS_COLOURS.get(r.status)),
        Column(QCoreApplication.translate("customer_models", "Since"), lambda r: fmt_date(r.cooperation_since), "cooperation_since", CENTER, width=84,
               header_tip=QCoreApplication.translate("customer_models", "Customer since (合作起始)")),
    ]


class OverviewModel(RowsMixin, QAbstractTableModel):
    """The rows of an :class:`~app.domain.customers.overview.OverviewQuery`, read by page.

    ``query_factory(sort_code, descending)`` builds the query for the
    current filters (the tab sets it, and runs it through ops); the model
    calls it again when a header is clicked.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.columns = overview_columns()
        self.query = None
        self.query_factory = None
        self._rows: list = []
        self._more = False
        self._sort_code, self._descending = "code", False

    # -- loading ----------------------------------------------------------------
    def load(self) -> bool:
        """Build the query again (filters or sort changed) and read its first page."""
        query = self.query_factory(self._sort_code, self._descending) if self.query_factory else None
        self.beginResetModel()
        self.query = query
        self._rows = query.page(0) if query is not None else []
        self._more = query is not None and len(self._rows) == self._page_size()
        self.endResetModel()
        return query is not None

    def _page_size(self) -> int:
        from app.domain.customers.overview import PAGE
        return PAGE

    def canFetchMore(self, parent=QModelIndex()):  # noqa: N802 - Qt API
        return not parent.isValid() and self._more

    def fetchMore(self, parent=QModelIndex()):  # noqa: N802 - Qt API
        if parent.isValid() or not self._more or self.query is None:
            return
        more = self.query.page(len(self._rows))
        self._more = len(more) == self._page_size()
        if more:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()

    def count(self) -> tuple[int, bool]:
        """(rows matching, more?) — capped at COUNT_CAP (a search: at its probe), counted by the database."""
        if self.query is None:
            return 0, False
        if not self._more:
            return len(self._rows), False
        return self.query.counted(COUNT_CAP)

    # -- rows ------------------------------------------------------------------------
    def object_at(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def id_at(self, row: int) -> int | None:
        obj = self.object_at(row)
        return obj.id if obj is not None else None

    def row_of(self, customer_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == customer_id), None)

    def sort_key(self) -> tuple[str, bool]:
        return self._sort_code, self._descending

    # -- Qt model interface ----------------------------------------------------------

    def sort(self, column, order=Qt.AscendingOrder):
        if not 0 <= column < len(self.columns) or self.columns[column].sort is None:
            return
        self._sort_code, self._descending = self.columns[column].sort, order == Qt.DescendingOrder
        self.load()


# -- the short lists ----------------------------------------------------------------------
def contact_columns() -> list[Column]:
    """Contacts as dicts of CONTACT_FIELDS (the dialog edits them in memory)."""
    return [
        Column(QCoreApplication.translate("customer_models", "Name"), lambda c: c["name"], width=110),
        Column(QCoreApplication.translate("customer_models", "Title"), lambda c: c.get("title", ""), width=100),
        Column(QCoreApplication.translate("customer_models", "Phone"), lambda c: c.get("phone", ""), width=120),
        Column(QCoreApplication.translate("customer_models", "Mobile"), lambda c: c.get("mobile", ""), width=120),
        Column(QCoreApplication.translate("customer_models", "E-mail"), lambda c: c.get("email", ""), width=160),
        Column(QCoreApplication.translate("customer_models", "WeChat"), lambda c: c.get("wechat", ""), width=100),
        Column(QCoreApplication.translate("customer_models", "Primary"), lambda c: "✔" if c.get("is_primary") else "", align=CENTER, width=60),
        Column(QCoreApplication.translate("customer_models", "Notes"), lambda c: short(c.get("notes", "")), tooltip=lambda c: c.get("notes") or None),
    ]


def address_columns() -> list[Column]:
    return [
        Column(QCoreApplication.translate("customer_models", "Kind"), lambda a: address_kind(a.get("kind", "")), width=90),
        Column(QCoreApplication.translate("customer_models", "Address"), lambda a: a["address"], width=380, tooltip=lambda a: a["address"]),
        Column(QCoreApplication.translate("customer_models", "Postcode"), lambda a: a.get("postcode", ""), width=80),
        Column(QCoreApplication.translate("customer_models", "Primary"), lambda a: "✔" if a.get("is_primary") else "", align=CENTER),
    ]


def history_columns() -> list[Column]:
    return [
        Column(QCoreApplication.translate("customer_models", "When"), lambda h: fmt_datetime(h.at), width=130),
        Column(QCoreApplication.translate("customer_models", "Who"), lambda h: h.user.display_name if h.user_id else "", width=80),
        Column(QCoreApplication.translate("customer_models", "Field"), lambda h: field_label(h.field), width=150),
        Column(QCoreApplication.translate("customer_models", "Old value"), lambda h: short(h.old_value), width=200, tooltip=lambda h: h.old_value or None),
        Column(QCoreApplication.translate("customer_models", "New value"), lambda h: short(h.new_value), tooltip=lambda h: h.new_value or None),
    ]


def log_columns(with_customer: bool = True) -> list[Column]:
    cols = [
        Column(QCoreApplication.translate("customer_models", "When"), lambda e: fmt_datetime(e.at), width=130),
        Column(QCoreApplication.translate("customer_models", "Who"), lambda e: e.user.display_name if e.user_id else QCoreApplication.translate("customer_models", "(system)"), width=90),
        Column(QCoreApplication.translate("customer_models", "What"), lambda e: log_action(e.action), width=120,
               foreground=lambda e: "#c62828" if e.action == "denied" else None),
    ]
    if with_customer:
        cols.append(Column(QCoreApplication.translate("customer_models", "Customer"), lambda e: f"{e.customer.code} {e.customer.name}" if e.customer_id
                           else QCoreApplication.translate("customer_models", "(the overview)"), width=260))
    cols.append(Column(QCoreApplication.translate("customer_models", "Detail"), lambda e: short(e.detail, 80), tooltip=lambda e: e.detail or None))
    return cols


class ImportPreviewModel(ListTableModel):
    """The rows of an import preview: a row colour per status, and a check box
    in the first column to leave a good row out (ImportRow.include)."""

    COLOURS = {"ok": None, "warning": "#fff8e1", "error": "#fdecea"}

    def __init__(self, parent=None):
        super().__init__([
            Column(QCoreApplication.translate("customer_models", "Row"), lambda r: r.line, align=RIGHT, width=50),
            Column(QCoreApplication.translate("customer_models", "Status"), lambda r: {"ok": QCoreApplication.translate("customer_models", "OK"), "warning": QCoreApplication.translate("customer_models", "Warning"),
                                            "error": QCoreApplication.translate("customer_models", "Error")}[r.status], width=70,
                   foreground=lambda r: {"error": "#c62828", "warning": "#8d6e00"}.get(r.status)),
            Column(QCoreApplication.translate("customer_models", "Name"), lambda r: r.values.get("name") or r.raw.get("name", ""), width=220),
            Column(QCoreApplication.translate("customer_models", "Phone"), lambda r: r.values.get("phone") or r.raw.get("phone", ""), width=120),
            Column(QCoreApplication.translate("customer_models", "Category"), lambda r: labels.category(r.values.get("category", "")), width=90),
            Column(QCoreApplication.translate("customer_models", "Messages"), self.messages_of, tooltip=self.messages_of),
        ], parent=parent)

    @staticmethod
    def messages_of(row) -> str:
        from app.ui.base import ops
        return "  ·  ".join((colon(field_label(f)) + " " if f else "") + ops.translated(m) for f, m in row.messages)

    def row_style(self, row):
        from app.ui.base.table_models import RowStyle
        colour = self.COLOURS.get(row.status)
        return RowStyle(background=colour) if colour else None

    def flags(self, index):
        flags = super().flags(index)
        row = self.object_at(index.row()) if index.isValid() else None
        if row is not None and index.column() == 0 and row.status != "error":
            flags |= Qt.ItemIsUserCheckable
        return flags

    def data(self, index, role=Qt.DisplayRole):
        if role == Qt.CheckStateRole and index.isValid() and index.column() == 0:
            row = self.object_at(index.row())
            if row is not None and row.status != "error":
                return Qt.Checked if row.include else Qt.Unchecked
            return None
        return super().data(index, role)

    def setData(self, index, value, role=Qt.EditRole):  # noqa: N802
        row = self.object_at(index.row()) if index.isValid() else None
        if role != Qt.CheckStateRole or index.column() != 0 or row is None or row.status == "error":
            return False
        row.include = Qt.CheckState(value) == Qt.Checked if not isinstance(value, bool) else value
        self.dataChanged.emit(index, index, [Qt.CheckStateRole])
        return True
