"""The Gifts page (礼品/样品, §3.7) of the Visit planning tab.

Approvers open it on the requests waiting for their decision (oldest
first) with Approve / Refuse at hand; business staff on their own requests.
Filters: the view (to decide / mine / all), status, period, text. Under the
list, the count and value of what is listed and the value given; "Totals"
shows the value given per customer and per month of the period. The slip
(礼品（样品）申请审批单) prints from here; the list exports to CSV.
"""
from __future__ import annotations

from decimal import Decimal

from app.domain.core import printed
from app.domain.field import gifts
from app.domain.field.gifts import GiftFilter
from app.ui.base import export, ops, prefs
from app.ui.base.table_models import CENTER, RIGHT, Column, ListTableModel, setup_view
from app.ui.base.widgets import colon, fmt_date, fmt_datetime
from app.ui.field.gift_dialog import STATUS_COLOURS, GiftDialog, GivenDialog, ask_refusal_note, money, status_text
from app.ui.qt import (QComboBox, QDate, QDateEdit, QDateTime, QDialog, QDialogButtonBox, QHBoxLayout, QKeySequence,
                       QLabel, QLineEdit, QPushButton, QShortcut, Qt, QTableView, QTabWidget, QTimer, QVBoxLayout,
                       QWidget)


def date_edit(value: QDate) -> QDateEdit:
    edit = QDateEdit(value)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    return edit


class GiftsPage(QWidget):
    """Gift and sample requests: decide, record as given, print, export."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.view_combo, self.status_combo = QComboBox(), QComboBox()
        self.status_combo.addItem(self.tr("Any status"), "")
        for code in gifts.STATUSES:
            self.status_combo.addItem(status_text(code), code)
        today = QDate.currentDate()
        self.from_edit = date_edit(today.addMonths(-6).addDays(1 - today.addMonths(-6).day()))
        self.to_edit = date_edit(today)
        self.search = QLineEdit(placeholderText=self.tr("Number, customer, item or reason"), clearButtonEnabled=True)
        for text, w in ((self.tr("Show"), self.view_combo), (self.tr("Status"), self.status_combo),
                        (self.tr("From"), self.from_edit), (self.tr("To"), self.to_edit)):
            label = QLabel(colon(text))
            label.setBuddy(w)
            bar.addWidget(label)
            bar.addWidget(w)
        bar.addWidget(self.search, 1)
        layout.addLayout(bar)
        self.model = ListTableModel([
            Column(self.tr("Number"), lambda g: g.number, width=118),
            Column(self.tr("Requested"), lambda g: fmt_date(g.requested_at), align=CENTER, width=84,
                   tooltip=lambda g: fmt_datetime(g.requested_at)),
            Column(self.tr("Customer"), lambda g: g.customer.name, width=220,
                   tooltip=lambda g: f"{g.customer.code}  {g.customer.name}"),
            Column(self.tr("Reason"), lambda g: " ".join(g.reason.split()), width=250, tooltip=lambda g: g.reason),
            Column(self.tr("Value"), lambda g: money(g.total_value), align=RIGHT, width=90),
            Column(self.tr("Status"), lambda g: status_text(g.status), width=90,
                   foreground=lambda g: STATUS_COLOURS.get(g.status)),
            Column(self.tr("Requested by"), lambda g: g.requested_by.display_name, width=95),
            Column(self.tr("Decided by"), lambda g: g.decided_by.display_name if g.decided_by_id else "", width=95,
                   tooltip=lambda g: g.decision_note or None),
            Column(self.tr("Given"), lambda g: fmt_date(g.given_at), align=CENTER, width=84,
                   tooltip=lambda g: g.given_to or None),
            Column(self.tr("Given to"), lambda g: g.given_to),
        ], parent=self)
        self.table = QTableView()
        setup_view(self.table, self.model)
        layout.addWidget(self.table, 1)
        self.total_label = QLabel()
        layout.addWidget(self.total_label)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("&New request…"))
        self.open_button = QPushButton(self.tr("&Open"))
        self.approve_button = QPushButton(self.tr("&Approve"))
        self.refuse_button = QPushButton(self.tr("&Refuse…"))
        self.given_button = QPushButton(self.tr("&Given…"))
        self.print_button = QPushButton(self.tr("&Print slip"))
        self.totals_button = QPushButton(self.tr("&Totals…"))
        self.export_button = QPushButton(self.tr("&Export…"))
        for b in (self.new_button, self.open_button, self.approve_button, self.refuse_button, self.given_button,
                  self.print_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.totals_button)
        buttons.addWidget(self.export_button)
        layout.addLayout(buttons)
        self.new_button.clicked.connect(self.new_request)
        self.open_button.clicked.connect(self.open_current)
        self.approve_button.clicked.connect(self.approve)
        self.refuse_button.clicked.connect(self.refuse)
        self.given_button.clicked.connect(self.record_given)
        self.print_button.clicked.connect(self.print_slip)
        self.totals_button.clicked.connect(self.show_totals)
        self.export_button.clicked.connect(lambda: export.export_model(self, self.model, "gift-requests"))
        self.table.activated.connect(lambda _index: self.open_current())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self._timer = QTimer(self, singleShot=True, interval=250, timeout=self.reload)
        self.search.textChanged.connect(self._timer.start)
        self.search.returnPressed.connect(self.reload)
        for w in (self.view_combo, self.status_combo):
            w.currentIndexChanged.connect(self.reload)
        for w in (self.from_edit, self.to_edit):
            w.dateChanged.connect(self._timer.start)
        shortcut = QShortcut(QKeySequence("Ctrl+R"), self, self.reload)
        shortcut.setContext(Qt.WidgetWithChildrenShortcut)
        ctx.on_change("field", self.reload, self)
        ctx.user_changed.connect(self._user_changed)
        self._user_changed()

    def _user_changed(self) -> None:
        """Approvers start on what waits for them; requesters on their own requests."""
        self.view_combo.blockSignals(True)
        self.view_combo.clear()
        if self.ctx.can("gift.approve"):
            self.view_combo.addItem(self.tr("To decide"), "to_decide")
        if self.ctx.can("gift.request"):
            self.view_combo.addItem(self.tr("My requests"), "mine")
        self.view_combo.addItem(self.tr("All requests"), "")
        self.view_combo.setCurrentIndex(0)
        self.view_combo.blockSignals(False)
        self.new_button.setEnabled(self.ctx.can("gift.request"))
        self.reload()

    def current_filter(self) -> GiftFilter:
        view = self.view_combo.currentData() or ""
        # What waits for a decision waits whatever its date: no period then.
        dated = view != "to_decide"
        return GiftFilter(view=view, status=self.status_combo.currentData() or "",
                          date_from=self.from_edit.date().toPython() if dated else None,
                          date_to=self.to_edit.date().toPython() if dated else None, text=self.search.text())

    def reload(self) -> None:
        self._timer.stop()
        keep = self.current()
        for w in (self.from_edit, self.to_edit):
            w.setEnabled(self.view_combo.currentData() != "to_decide")
        if self.ctx.user is None or not (self.ctx.can("gift.request") or self.ctx.can("gift.approve")):
            self.model.set_rows([])
        else:
            result = ops.run(self, gifts.list_requests, self.ctx.user, self.current_filter())
            self.model.set_rows(result.value if result.ok else [])
        rows = self.model._rows
        row = next((i for i, g in enumerate(rows) if keep is not None and g.id == keep.id), 0 if rows else -1)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))
        # Refused and withdrawn requests cost nothing: they are listed, not added up.
        value = gifts.sum_value([g for g in rows if g.status in ("requested", "approved", "given")])
        given = gifts.sum_value([g for g in rows if g.status == "given"])
        self.total_label.setText(self.tr("%n request(s)", "", len(rows)) + "  ·  "
                                 + colon(self.tr("Value")) + " " + money(value) + "  ·  "
                                 + colon(self.tr("Given")) + " " + money(given))
        self._update_buttons()

    def current(self):
        index = self.table.currentIndex()
        return self.model.object_at(index.row()) if index.isValid() else None

    def _update_buttons(self) -> None:
        g, user = self.current(), self.ctx.user
        mine = g is not None and user is not None and g.requested_by_id == user.id
        deciding = g is not None and g.status == "requested" and self.ctx.can("gift.approve") and not mine
        self.open_button.setEnabled(g is not None)
        self.approve_button.setEnabled(deciding)
        self.refuse_button.setEnabled(deciding)
        self.given_button.setEnabled(g is not None and g.status == "approved"
                                     and (self.ctx.can("gift.request") or self.ctx.can("gift.approve")))
        self.print_button.setEnabled(g is not None)
        self.approve_button.setVisible(self.ctx.can("gift.approve"))
        self.refuse_button.setVisible(self.ctx.can("gift.approve"))

    # -- actions ---------------------------------------------------------------
    def new_request(self, customer_id: int | None = None, activity_id: int | None = None) -> None:
        dialog = GiftDialog(self.ctx, customer_id=customer_id, activity_id=activity_id, parent=self)
        dialog.exec()
        if dialog.changed:
            self._select(dialog.request_id)
        dialog.deleteLater()

    def open_request(self, request_id: int) -> None:
        dialog = GiftDialog(self.ctx, request_id, parent=self)
        dialog.exec()
        dialog.deleteLater()

    def open_current(self) -> None:
        g = self.current()
        if g is not None:
            self.open_request(g.id)

    def _select(self, request_id: int | None) -> None:
        for i, g in enumerate(self.model._rows):
            if g.id == request_id:
                self.table.setCurrentIndex(self.model.index(i, 0))

    def approve(self) -> None:
        g = self.current()
        if g is not None:
            ops.run(self, gifts.approve, self.ctx.user, g.id, g.version, changed="field")

    def refuse(self) -> None:
        g = self.current()
        if g is None:
            return
        note = ask_refusal_note(self)
        if note is not None:
            ops.run(self, gifts.refuse, self.ctx.user, g.id, g.version, note, changed="field")

    def record_given(self) -> None:
        g = self.current()
        if g is None:
            return
        dialog = GivenDialog(self, QDateTime(g.decided_at) if g.decided_at else None)
        dialog.setWindowTitle(self.tr("Record as given: %1").replace("%1", g.number))
        while dialog.exec():
            result = ops.run(self, gifts.record_given, self.ctx.user, g.id, g.version, **dialog.values(),
                             changed="field")
            if result.ok:
                break
            if not result.field_errors:
                break
            dialog.errors.show(result.field_errors)
        dialog.deleteLater()

    def print_slip(self) -> None:
        from app.ui.base import print_service

        g = self.current()
        if g is None:
            return
        result = ops.run(self, slip_pdf, self.ctx.user, g.id, prefs.get("print_language"))
        if result.ok:
            print_service.print_pdf(self, result.value, "voucher", self.tr("Gift request %1").replace("%1", g.number),
                                    preview=True)

    def show_totals(self) -> None:
        dialog = TotalsDialog(self.ctx, self.from_edit.date(), self.to_edit.date(), self)
        dialog.exec()
        dialog.deleteLater()


def slip_pdf(user, request_id: int, lang: str) -> bytes:
    from app.printing.field import gift_print  # reportlab loads on first use

    return printed.laid_out(gift_print.render_gift_slip, gifts.slip_data(user, request_id), lang=lang,
                            font=prefs.get("font_path") or None)


class TotalsDialog(QDialog):
    """Value given in a period, per customer and per month."""

    def __init__(self, ctx, date_from: QDate, date_to: QDate, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Gifts given: totals"))
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.from_edit, self.to_edit = date_edit(date_from), date_edit(date_to)
        for text, w in ((self.tr("From"), self.from_edit), (self.tr("To"), self.to_edit)):
            bar.addWidget(QLabel(colon(text)))
            bar.addWidget(w)
            w.dateChanged.connect(self.reload)
        bar.addStretch(1)
        layout.addLayout(bar)
        tabs = QTabWidget()
        self.customer_model = ListTableModel([
            Column(self.tr("Code"), lambda t: t.code, width=120),
            Column(self.tr("Customer"), lambda t: t.name, width=260),
            Column(self.tr("Requests"), lambda t: t.requests, align=RIGHT, width=70),
            Column(self.tr("Value given"), lambda t: money(t.value), align=RIGHT),
        ], parent=self)
        self.month_model = ListTableModel([
            Column(self.tr("Month"), lambda t: t.month.strftime("%Y-%m"), width=100),
            Column(self.tr("Requests"), lambda t: t.requests, align=RIGHT, width=70),
            Column(self.tr("Value given"), lambda t: money(t.value), align=RIGHT),
        ], parent=self)
        for model, title in ((self.customer_model, self.tr("Per customer")), (self.month_model, self.tr("Per month"))):
            view = QTableView()
            setup_view(view, model)
            tabs.addTab(view, title)
        layout.addWidget(tabs, 1)
        self.sum_label = QLabel()
        layout.addWidget(self.sum_label)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        export_button = buttons.addButton(self.tr("&Export…"), QDialogButtonBox.ActionRole)
        export_button.clicked.connect(lambda: export.export_model(
            self, self.customer_model if tabs.currentIndex() == 0 else self.month_model, "gifts-given"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reload()
        self.resize(620, 460)

    def reload(self) -> None:
        start, end = self.from_edit.date().toPython(), self.to_edit.date().toPython()
        per_customer = ops.run(self, gifts.totals_by_customer, self.ctx.user, start, end)
        per_month = ops.run(self, gifts.totals_by_month, self.ctx.user, start, end)
        self.customer_model.set_rows(per_customer.value if per_customer.ok else [])
        self.month_model.set_rows(per_month.value if per_month.ok else [])
        total = sum((t.value for t in self.month_model._rows), Decimal(0))
        self.sum_label.setText(colon(self.tr("Value given in the period")) + " " + money(total))
