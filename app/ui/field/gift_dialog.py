"""One gift request (礼品/样品申请, §3.7): new, changed by its requester while
it waits, or read after the decision with its approval and hand-over.

:class:`GiftDialog` is the request; :class:`GivenDialog` asks when and to
whom approved items were handed over; :func:`ask_refusal_note` asks why a
request is refused (a note is required). The domain checks every rule
again; the dialog only offers what the user may do now.
"""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

from app.domain.customers import customers
from app.domain.field import gifts, service_page
from app.domain.field.gifts import ItemInput
from app.domain.field.models import GiftRequest
from app.ui.base import labels, ops
from app.ui.base.history import HistoryDialog
from app.ui.base.widgets import FieldErrors, SearchPopup, colon, fmt_datetime, make_error_label
from app.ui.qt import (QAbstractItemView, QComboBox, QCoreApplication, QDateTime, QDateTimeEdit, QDialog,
                       QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView, QInputDialog, QLabel, QLineEdit,
                       QPlainTextEdit, QPushButton, Qt, QTableWidget, QTableWidgetItem, QVBoxLayout)


def money(value) -> str:
    return f"¥{Decimal(value or 0):,.2f}"


def status_text(code: str) -> str:
    return ops.translated(gifts.status_label(code))


STATUS_COLOURS = {"requested": "#e65100", "approved": "#1565c0", "refused": "#c62828", "given": "#2e7d32",
                  "withdrawn": "#757575"}


def ask_refusal_note(parent) -> str | None:
    """Why the request is refused (None: cancelled). The domain insists on a note."""
    while True:
        text, ok = QInputDialog.getMultiLineText(parent, QCoreApplication.translate("GiftDialog", "Refuse the request"),
                                                 QCoreApplication.translate("GiftDialog",
                                                                            "Why is it refused? (required)"))
        if not ok:
            return None
        if text.strip():
            return text.strip()


class GivenDialog(QDialog):
    """When and to whom the approved items were handed over."""

    def __init__(self, parent=None, earliest: QDateTime | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record as given"))
        form = QFormLayout(self)
        self.errors = FieldErrors(make_error_label(self), limits={"given_to": GiftRequest.given_to,
                                                                  "note": GiftRequest.given_note})
        self.when = QDateTimeEdit(QDateTime.currentDateTime().addSecs(-QDateTime.currentDateTime().time().second()))
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setCalendarPopup(True)
        self.when.setMaximumDateTime(QDateTime.currentDateTime().addSecs(300))
        if earliest is not None:
            self.when.setMinimumDateTime(earliest)
        self.to = QLineEdit()
        self.to.setPlaceholderText(self.tr("the person who received it"))
        self.note = QLineEdit()
        self.errors.add_form_row(form, colon(self.tr("Given to")), "given_to", self.to)
        self.errors.add_form_row(form, colon(self.tr("When")), "given_at", self.when)
        self.errors.add_form_row(form, colon(self.tr("Note")), "note", self.note)
        form.addRow(self.errors._fallback)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.to.setFocus()
        self.resize(420, self.sizeHint().height())

    def check(self) -> None:
        if not self.to.text().strip():
            self.errors.show({"given_to": self.tr("Who received it?")})
            self.to.setFocus()
            return
        self.accept()

    def values(self) -> dict:
        return dict(given_to=self.to.text(), given_at=self.when.dateTime().toPython().replace(second=0, microsecond=0),
                    note=self.note.text())


class GiftDialog(QDialog):
    """A new request (``request_id`` None) or an existing one; :attr:`changed` after a save."""

    COLS = 5   # kind, description, quantity, unit value, amount

    def __init__(self, ctx, request_id: int | None = None, customer_id: int | None = None,
                 activity_id: int | None = None, parent=None):
        super().__init__(parent)
        self.ctx, self.request_id, self.changed = ctx, request_id, False
        self.request, self.customer_id, self._activity_id = None, customer_id, activity_id
        self.setWindowTitle(self.tr("New gift request") if request_id is None else self.tr("Gift request"))
        layout = QVBoxLayout(self)
        self.header = QLabel()
        self.header.setTextFormat(Qt.RichText)
        layout.addWidget(self.header)
        form = QFormLayout()
        layout.addLayout(form)
        self.errors = FieldErrors(make_error_label(self), limits=GiftRequest)
        self.customer_edit = QLineEdit()
        self.customer_edit.setPlaceholderText(self.tr("name, phone, code or pinyin initials"))
        self.search = SearchPopup(self.customer_edit, customers.search,
                                  lambda c: "  ·  ".join(x for x in (c.name, c.phone, c.code,
                                                                     labels.category(c.category)) if x), self)
        self.search.picked.connect(self.set_customer)
        self.errors.add_form_row(form, colon(self.tr("Customer")), "customer", self.customer_edit)
        link = QHBoxLayout()
        self.activity_combo, self.visit_combo = QComboBox(), QComboBox()
        link.addWidget(QLabel(colon(self.tr("Activity"))))
        link.addWidget(self.activity_combo, 1)
        link.addWidget(QLabel(colon(self.tr("Visit"))))
        link.addWidget(self.visit_combo, 1)
        form.addRow(colon(self.tr("For")), link)
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(self.fontMetrics().height() * 3 + 12)
        self.errors.add_form_row(form, colon(self.tr("Reason")), "reason", self.reason)
        self.table = QTableWidget(0, self.COLS)
        self.table.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("Description"), self.tr("Quantity"),
                                              self.tr("Unit value"), self.tr("Amount")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        for col, width in ((0, 150), (2, 70), (3, 100), (4, 100)):
            self.table.setColumnWidth(col, width)
        self.table.itemChanged.connect(self._update_total)
        self.errors.add_form_row(form, colon(self.tr("Items")), "items", self.table)
        rows = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add item"))
        self.remove_button = QPushButton(self.tr("&Remove item"))
        self.total_label = QLabel()
        rows.addWidget(self.add_button)
        rows.addWidget(self.remove_button)
        rows.addStretch(1)
        rows.addWidget(self.total_label)
        form.addRow("", rows)
        self.add_button.clicked.connect(lambda: self.add_item())
        self.remove_button.clicked.connect(self.remove_item)
        self.decision = QLabel()
        self.decision.setWordWrap(True)
        self.decision.setTextInteractionFlags(Qt.TextSelectableByMouse)
        form.addRow(self.decision)
        form.addRow(self.errors._fallback)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        self.withdraw_button = self.buttons.addButton(self.tr("&Withdraw"), QDialogButtonBox.DestructiveRole)
        # An approver reading a waiting request decides it here too.
        self.approve_button = self.buttons.addButton(self.tr("&Approve"), QDialogButtonBox.ActionRole)
        self.refuse_button = self.buttons.addButton(self.tr("Re&fuse…"), QDialogButtonBox.ActionRole)
        self.history_button = self.buttons.addButton(self.tr("&History…"), QDialogButtonBox.HelpRole)
        self.history_button.clicked.connect(self.show_history)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.withdraw_button.clicked.connect(self.withdraw)
        self.approve_button.clicked.connect(self.approve)
        self.refuse_button.clicked.connect(self.refuse)
        layout.addWidget(self.buttons)
        for b in (self.add_button, self.remove_button, self.withdraw_button, self.approve_button,
                  self.refuse_button, self.history_button):
            b.setAutoDefault(False)
        self.load()
        self.resize(760, 560)

    # -- loading ---------------------------------------------------------------
    def load(self) -> None:
        items = []
        if self.request_id is not None:
            result = ops.run(self, gifts.get_request, self.ctx.user, self.request_id)
            if not result.ok:
                return
            self.request, items = result.value
            self.customer_id = self.request.customer_id
        g = self.request
        self.editable = (g is None and self.ctx.can("gift.request")) or (
            g is not None and g.status == "requested" and self.ctx.user is not None
            and g.requested_by_id == self.ctx.user.id)
        if g is not None:
            self.customer_edit.setText(g.customer.name)
            self.reason.setPlainText(g.reason)
            self.header.setText(f"<b>{g.number}</b> &nbsp; <span style='color:{STATUS_COLOURS.get(g.status)}'>"
                                f"{status_text(g.status)}</span> &nbsp; "
                                + self.tr("requested by %1 at %2").replace("%1", g.requested_by.display_name)
                                .replace("%2", fmt_datetime(g.requested_at)))
        else:
            self.header.setText(self.tr("Gifts and samples are requested beforehand and given only once approved."))
        self._fill_links()
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        self.table.blockSignals(False)
        for it in items:
            self.add_item(it.kind, it.description, Decimal(it.quantity), Decimal(it.unit_value))
        if g is None:
            self.add_item()
        self.decision.setText(self._decision_text())
        self.decision.setVisible(bool(self.decision.text()))
        for w in (self.customer_edit, self.reason):
            w.setReadOnly(not self.editable)
        self.customer_edit.setReadOnly(g is not None or not self.editable)
        self.activity_combo.setEnabled(self.editable)
        self.visit_combo.setEnabled(self.editable)
        self.table.setEditTriggers(QAbstractItemView.AllEditTriggers if self.editable
                                   else QAbstractItemView.NoEditTriggers)
        for r in range(self.table.rowCount()):
            self.table.cellWidget(r, 0).setEnabled(self.editable)
        self.add_button.setVisible(self.editable)
        self.remove_button.setVisible(self.editable)
        self.buttons.button(QDialogButtonBox.Save).setVisible(self.editable)
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel") if self.editable else self.tr("Close"))
        self.withdraw_button.setVisible(g is not None and self.editable)
        deciding = (g is not None and g.status == "requested" and self.ctx.can("gift.approve")
                    and self.ctx.user is not None and g.requested_by_id != self.ctx.user.id)
        self.approve_button.setVisible(deciding)
        self.history_button.setVisible(g is not None)
        self.refuse_button.setVisible(deciding)
        (self.customer_edit if g is None and self.customer_id is None else self.reason).setFocus()

    def _decision_text(self) -> str:
        g = self.request
        if g is None or g.status in ("requested", "withdrawn"):
            return ""
        name = lambda u: u.display_name if u is not None else ""  # noqa: E731
        verdict = status_text("refused" if g.status == "refused" else "approved")
        text = self.tr("%1 by %2 at %3.").replace("%1", verdict) \
            .replace("%2", name(g.decided_by)).replace("%3", fmt_datetime(g.decided_at))
        if g.decision_note:
            text += " " + g.decision_note
        if g.status == "given":
            text += "\n" + self.tr("Given to %1 at %2 by %3.").replace("%1", g.given_to) \
                .replace("%2", fmt_datetime(g.given_at)).replace("%3", name(g.given_by))
            if g.given_note:
                text += " " + g.given_note
        return text

    def _fill_links(self) -> None:
        """The customer's activities and visits, to say what the gift is for."""
        g = self.request
        want_act = g.activity_id if g is not None else self._activity_id
        want_visit = g.visit_id if g is not None else None
        for combo in (self.activity_combo, self.visit_combo):
            combo.clear()
            combo.addItem(self.tr("(none)"), None)
        if self.customer_id is not None:
            result = ops.run(self, service_page.for_customer, self.customer_id, self.ctx.user)
            if result.ok:
                for a in result.value.activities:
                    self.activity_combo.addItem(f"{a.number}  {a.date:%Y-%m-%d}  {a.title}", a.id)
                for v in result.value.visits:
                    when = v.actual_date or v.planned_date or v.due_month
                    self.visit_combo.addItem(f"{v.number}  {when:%Y-%m-%d}", v.id)
                if g is None and self.customer_edit.text() == "":
                    self.customer_edit.setText(result.value.name)
        for combo, want in ((self.activity_combo, want_act), (self.visit_combo, want_visit)):
            if want is not None and combo.findData(want) < 0:
                combo.addItem(f"#{want}", want)
            combo.setCurrentIndex(max(0, combo.findData(want)))

    def set_customer(self, c) -> None:
        self.customer_id = c.id
        self.customer_edit.setText(c.name)
        self.errors.clear("customer")
        self._fill_links()
        self.reason.setFocus()

    # -- items -----------------------------------------------------------------
    def add_item(self, kind: str = "gift", description: str = "", quantity=Decimal(1), unit_value=None) -> None:
        t = self.table
        t.blockSignals(True)
        r = t.rowCount()
        t.insertRow(r)
        combo = QComboBox()
        for code in gifts.ITEM_KINDS:
            combo.addItem(ops.translated(gifts.item_kind_label(code)), code)
        combo.setCurrentIndex(max(0, combo.findData(kind)))
        t.setCellWidget(r, 0, combo)
        t.setItem(r, 1, QTableWidgetItem(description))
        for col, value in ((2, f"{quantity.normalize():f}" if quantity is not None else ""),
                           (3, f"{unit_value:.2f}" if unit_value is not None else "")):
            item = QTableWidgetItem(value)
            item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
            t.setItem(r, col, item)
        amount = QTableWidgetItem("")
        amount.setFlags(Qt.ItemIsEnabled)
        amount.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
        t.setItem(r, 4, amount)
        t.blockSignals(False)
        self._update_total()
        if self.isVisible() and not description:
            t.setCurrentCell(r, 1)
            t.editItem(t.item(r, 1))

    def remove_item(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()} or {self.table.currentRow()}, reverse=True)
        for r in rows:
            if r >= 0:
                self.table.removeRow(r)
        self._update_total()

    def items(self) -> list[ItemInput]:
        t = self.table
        text = lambda r, c: t.item(r, c).text() if t.item(r, c) else ""  # noqa: E731
        return [ItemInput(text(r, 1), text(r, 2), text(r, 3), t.cellWidget(r, 0).currentData())
                for r in range(t.rowCount())]

    def _update_total(self, *_args) -> None:
        total = Decimal(0)
        self.table.blockSignals(True)
        for r, it in enumerate(self.items()):
            try:
                amount = Decimal(str(it.quantity).replace(",", "")) * Decimal(str(it.unit_value).replace(",", ""))
            except InvalidOperation:
                amount = None
            self.table.item(r, 4).setText(money(amount) if amount is not None else "")
            total += amount or 0
        self.table.blockSignals(False)
        self.total_label.setText("<b>" + colon(self.tr("Total")) + " " + money(total) + "</b>")

    # -- actions ---------------------------------------------------------------
    def save(self) -> None:
        if self.table.state() == QAbstractItemView.EditingState:   # commit the cell being typed in
            self.table.setCurrentCell(-1, -1)
        if self.customer_id is None:
            self.errors.show({"customer": self.tr("Choose the customer from the list.")})
            self.customer_edit.setFocus()
            return
        act, visit = self.activity_combo.currentData(), self.visit_combo.currentData()
        if self.request is None:
            result = ops.run(self, gifts.request_gift, self.ctx.user, self.customer_id, self.items(),
                             self.reason.toPlainText(), visit_id=visit, activity_id=act, changed="field")
        else:
            result = ops.run(self, gifts.update_request, self.ctx.user, self.request.id, self.request.version,
                             self.items(), self.reason.toPlainText(), visit_id=visit, activity_id=act, changed="field")
        if not result.ok:
            errors = dict(result.field_errors)
            item_errors = [v for k, v in errors.items() if k.startswith("items.")]
            if item_errors:
                rows = sorted({int(k.split(".")[1]) + 1 for k in errors if k.startswith("items.")})
                errors["items"] = self.tr("Line %1: %2").replace("%1", ", ".join(map(str, rows))) \
                    .replace("%2", "; ".join(dict.fromkeys(item_errors)))
                errors = {k: v for k, v in errors.items() if not k.startswith("items.")}
            first = self.errors.show(errors)
            if first is not None:
                first.setFocus()
            return
        self.request_id, self.changed = result.value.id, True
        self.accept()

    def show_history(self) -> None:
        """Who asked, changed, decided and gave, with what changed (oldest first)."""
        if self.request is None:
            return
        result = ops.run(self, gifts.request_history, self.ctx.user, self.request.id)
        if result.ok:
            HistoryDialog.show_rows(self, self.tr("History of %1").replace("%1", self.request.number), result.value,
                                    self.history_what, self.history_value)

    def history_what(self, code: str) -> str:
        return {"created": self.tr("Requested"), "status": self.tr("Status"), "reason": self.tr("Reason"),
                "total_value": self.tr("Value"), "items": self.tr("Items"), "visit": self.tr("Visit"),
                "activity": self.tr("Activity")}.get(code, code)

    @staticmethod
    def history_value(what: str, value: str) -> str:
        return status_text(value) if what in ("created", "status") else value

    def approve(self) -> None:
        g = self.request
        self._decided(ops.run(self, gifts.approve, self.ctx.user, g.id, g.version, changed="field"))

    def refuse(self) -> None:
        g = self.request
        note = ask_refusal_note(self)
        if note is not None:
            self._decided(ops.run(self, gifts.refuse, self.ctx.user, g.id, g.version, note, changed="field"))

    def _decided(self, result) -> None:
        if result.ok:
            self.changed = True
            self.accept()

    def withdraw(self) -> None:
        g = self.request
        result = ops.run(self, gifts.withdraw, self.ctx.user, g.id, g.version, changed="field")
        if result.ok:
            self.changed = True
            self.accept()
