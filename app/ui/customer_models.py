"""Table models and code labels of the customer archive screens.

:class:`OverviewModel` shows the overview table (用户情况一览表) a page at a
time. It does not use :class:`~app.ui.table_models.LazyQueryModel`'s "all
ids first" on purpose: the domain's :class:`~app.domain.overview.OverviewQuery`
is read by page (reading 100 000 ids costs 200-400 ms on PostgreSQL and
MariaDB, a sorted page of 100 a few ms), so this model follows Qt's
``canFetchMore``/``fetchMore`` protocol as QSqlQueryModel does: the first
page at once, the next when the view scrolls near the end, the total counted
separately and capped. It shares :class:`Column` and the cell rendering with
the other models.

The other lists (contacts, history, access requests, import preview...) are
short and use :class:`~app.ui.table_models.ListTableModel`.
"""
from __future__ import annotations

from decimal import Decimal

from app.ui import labels
from app.ui.qt import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from app.ui.table_models import CENTER, RIGHT, Column, ListTableModel, _ColumnsMixin
from app.ui.widgets import fmt_date, fmt_datetime

COUNT_CAP = 10_000


def _t(text: str) -> str:
    return QCoreApplication.translate("customer_models", text)


# -- labels for the archive's codes ------------------------------------------------
def status(code: str) -> str:
    return {"active": _t("Active"), "suspended": _t("Suspended"), "closed": _t("Closed"),
            "prospect": _t("Prospect"), "refused": _t("Not selected")}.get(code, code)


def rating(code: str) -> str:
    return code or _t("Not rated")


def address_kind(code: str) -> str:
    return {"office": _t("Office"), "shipping": _t("Shipping"), "billing": _t("Billing"),
            "warehouse": _t("Warehouse"), "other": _t("Other")}.get(code, code)


def request_status(code: str) -> str:
    return {"pending": _t("Waiting for a decision"), "granted": _t("Granted"), "expired": _t("Expired"),
            "refused": _t("Refused"), "revoked": _t("Revoked")}.get(code, code)


def log_action(code: str) -> str:
    return {"view": _t("Viewed"), "print": _t("Printed"), "export": _t("Exported"), "import": _t("Imported"),
            "denied": _t("Refused (no access)")}.get(code, code)


def investigation_kind(code: str) -> str:
    return {"general": _t("General"), "onsite": _t("On-site")}.get(code, code)


def decision(code: str) -> str:
    return {"approved": _t("Approved"), "refused": _t("Refused")}.get(code, code)


def field_label(name: str) -> str:
    """An archive field, or a history entry's "contact:12.mobile", in words."""
    names = {
        "name": _t("Name"), "short_name": _t("Short name"), "category": _t("Category"), "phone": _t("Phone"),
        "email": _t("E-mail"), "address": _t("Address"), "region": _t("Region"), "status": _t("Status"),
        "business_content": _t("Business content"), "legal_representative": _t("Legal representative"),
        "registered_capital": _t("Registered capital"), "employees": _t("Employees"), "tax_id": _t("Tax ID"),
        "bank_name": _t("Bank"), "bank_account": _t("Bank account"), "credit_rating": _t("Credit rating"),
        "credit_limit": _t("Credit limit"), "cooperation_since": _t("Customer since"),
        "annual_volume": _t("Annual volume"), "tier": _t("Tier"), "responsible_id": _t("Responsible staff"),
        "notes": _t("Notes"), "title": _t("Title"), "mobile": _t("Mobile"), "wechat": _t("WeChat"),
        "is_primary": _t("Primary"), "kind": _t("Kind"), "postcode": _t("Postcode"), "code": _t("Code"),
    }
    tag, _, rest = name.partition(":")
    if not rest:
        return names.get(name, name)
    word = _t("Contact") if tag == "contact" else _t("Address") if tag == "address" else tag
    if rest == "+":
        return _t("%1 added").replace("%1", word)
    if rest == "-":
        return _t("%1 removed").replace("%1", word)
    rid, _, attr = rest.partition(".")
    return f"{word} #{rid}: {names.get(attr, attr)}"


def money(value) -> str:
    return "" if value is None else f"{Decimal(value):,.2f}"


def short(text: str, n: int = 40) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[:n - 1] + "…"



# -- the overview table -----------------------------------------------------------------
STATUS_COLOURS = {"suspended": "#e65100", "closed": "#757575", "prospect": "#1565c0", "refused": "#757575"}


def overview_columns() -> list[Column]:
    """The overview's columns; ``sort`` is the domain's sort code (overview.SORTS)."""
    return [
        Column(_t("Code"), lambda r: r.code, "code", width=118),
        Column(_t("Name"), lambda r: r.name, "name", width=260, tooltip=lambda r: r.name),
        Column(_t("Short name"), lambda r: r.short_name, "short_name", width=90),
        Column(_t("Category"), lambda r: labels.category(r.category), "category", width=140),
        Column(_t("Region"), lambda r: r.region, "region", width=120),
        Column(_t("Phone"), lambda r: r.phone, "phone", width=120),
        Column(_t("Credit"), lambda r: r.credit_rating, "credit_rating", CENTER, width=50,
               header_tip=_t("Credit rating (A-D)")),
        Column(_t("Credit limit"), lambda r: money(r.credit_limit), "credit_limit", RIGHT, width=100),
        Column(_t("Responsible"), lambda r: r.responsible, "responsible", width=80),
        Column(_t("Status"), lambda r: status(r.status), "status", width=70,
               foreground=lambda r: STATUS_COLOURS.get(r.status)),
        Column(_t("Since"), lambda r: fmt_date(r.cooperation_since), "cooperation_since", CENTER, width=84,
               header_tip=_t("Customer since (合作起始)")),
    ]


class OverviewModel(_ColumnsMixin, QAbstractTableModel):
    """The rows of an :class:`~app.domain.overview.OverviewQuery`, read by page.

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
        from app.domain.overview import PAGE
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
        """(rows matching, capped?) — capped at COUNT_CAP, counted by the database."""
        if self.query is None:
            return 0, False
        if not self._more:
            return len(self._rows), False
        n = self.query.count(cap=COUNT_CAP)
        return min(n, COUNT_CAP), n > COUNT_CAP

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
    def rowCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._cell(self._rows[index.row()], index.column(), role)

    def flags(self, index):
        return Qt.ItemIsEnabled | Qt.ItemIsSelectable if index.isValid() else Qt.NoItemFlags

    def sort(self, column, order=Qt.AscendingOrder):
        if not 0 <= column < len(self.columns) or self.columns[column].sort is None:
            return
        self._sort_code, self._descending = self.columns[column].sort, order == Qt.DescendingOrder
        self.load()


# -- the short lists ----------------------------------------------------------------------
def contact_columns() -> list[Column]:
    """Contacts as dicts of CONTACT_FIELDS (the dialog edits them in memory)."""
    return [
        Column(_t("Name"), lambda c: c["name"], width=110),
        Column(_t("Title"), lambda c: c.get("title", ""), width=100),
        Column(_t("Phone"), lambda c: c.get("phone", ""), width=120),
        Column(_t("Mobile"), lambda c: c.get("mobile", ""), width=120),
        Column(_t("E-mail"), lambda c: c.get("email", ""), width=160),
        Column(_t("WeChat"), lambda c: c.get("wechat", ""), width=100),
        Column(_t("Primary"), lambda c: "✔" if c.get("is_primary") else "", align=CENTER, width=60),
        Column(_t("Notes"), lambda c: short(c.get("notes", "")), tooltip=lambda c: c.get("notes") or None),
    ]


def address_columns() -> list[Column]:
    return [
        Column(_t("Kind"), lambda a: address_kind(a.get("kind", "")), width=90),
        Column(_t("Address"), lambda a: a["address"], width=380, tooltip=lambda a: a["address"]),
        Column(_t("Postcode"), lambda a: a.get("postcode", ""), width=80),
        Column(_t("Primary"), lambda a: "✔" if a.get("is_primary") else "", align=CENTER),
    ]


def history_columns() -> list[Column]:
    return [
        Column(_t("When"), lambda h: fmt_datetime(h.at), width=130),
        Column(_t("Who"), lambda h: h.user.display_name if h.user_id else "", width=80),
        Column(_t("Field"), lambda h: field_label(h.field), width=150),
        Column(_t("Old value"), lambda h: short(h.old_value), width=200, tooltip=lambda h: h.old_value or None),
        Column(_t("New value"), lambda h: short(h.new_value), tooltip=lambda h: h.new_value or None),
    ]


def log_columns(with_customer: bool = True) -> list[Column]:
    cols = [
        Column(_t("When"), lambda e: fmt_datetime(e.at), width=130),
        Column(_t("Who"), lambda e: e.user.display_name if e.user_id else _t("(system)"), width=90),
        Column(_t("What"), lambda e: log_action(e.action), width=120,
               foreground=lambda e: "#c62828" if e.action == "denied" else None),
    ]
    if with_customer:
        cols.append(Column(_t("Customer"), lambda e: f"{e.customer.code} {e.customer.name}" if e.customer_id
                           else _t("(the overview)"), width=260))
    cols.append(Column(_t("Detail"), lambda e: short(e.detail, 80), tooltip=lambda e: e.detail or None))
    return cols


def job_columns() -> list[Column]:
    return [
        Column(_t("Job no."), lambda j: j.number, width=120),
        Column(_t("Received"), lambda j: fmt_date(j.received_at), align=CENTER, width=84),
        Column(_t("Serial"), lambda j: j.unit.serial, width=110),
        Column(_t("State"), lambda j: labels.state(j.state), width=110),
        Column(_t("Service"), lambda j: labels.kind(j.service_kind), width=90),
        Column(_t("Fault"), lambda j: short(j.fault), tooltip=lambda j: j.fault or None),
    ]


def unit_columns() -> list[Column]:
    return [
        Column(_t("Serial"), lambda u: u.serial, width=130),
        Column(_t("Product"), lambda u: u.product.name, width=220),
        Column(_t("Model"), lambda u: u.product.model, width=120),
        Column(_t("Sold"), lambda u: fmt_date(u.sale_date), align=CENTER),
    ]


def agreement_columns() -> list[Column]:
    return [
        Column(_t("Agreement"), lambda a: a.number, width=130),
        Column(_t("From"), lambda a: fmt_date(a.start_date), align=CENTER, width=90),
        Column(_t("To"), lambda a: fmt_date(a.end_date), align=CENTER, width=90),
        Column(_t("Active"), lambda a: "✔" if a.active else "", align=CENTER, width=60),
        Column(_t("Terms"), lambda a: short(a.terms), tooltip=lambda a: a.terms or None),
    ]


class ImportPreviewModel(ListTableModel):
    """The rows of an import preview: a row colour per status, and a check box
    in the first column to leave a good row out (ImportRow.include)."""

    COLOURS = {"ok": None, "warning": "#fff8e1", "error": "#fdecea"}

    def __init__(self, parent=None):
        super().__init__([
            Column(_t("Row"), lambda r: r.line, align=RIGHT, width=50),
            Column(_t("Status"), lambda r: {"ok": _t("OK"), "warning": _t("Warning"),
                                            "error": _t("Error")}[r.status], width=70,
                   foreground=lambda r: {"error": "#c62828", "warning": "#8d6e00"}.get(r.status)),
            Column(_t("Name"), lambda r: r.values.get("name") or r.raw.get("name", ""), width=220),
            Column(_t("Phone"), lambda r: r.values.get("phone") or r.raw.get("phone", ""), width=120),
            Column(_t("Category"), lambda r: labels.category(r.values.get("category", "")), width=90),
            Column(_t("Messages"), self.messages_of, tooltip=self.messages_of),
        ], parent=parent)

    @staticmethod
    def messages_of(row) -> str:
        from app.ui import ops
        return "  ·  ".join((field_label(f) + ": " if f else "") + ops.translated(m) for f, m in row.messages)

    def row_style(self, row):
        from app.ui.table_models import RowStyle
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
