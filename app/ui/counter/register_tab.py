"""用户产品进出登记本: the product in/out register, and the units in the shop now.

The register is append-only: a wrong row is never edited but corrected by a
new row that points at it (``Correct row…``); the row it supersedes stays
visible, struck through and grey, so the book reads as it was written.
``Print the book…`` (Ctrl+P) prints its pages for a range of days
(app.ui.counter.register_book_dialog).
"""
from __future__ import annotations

import datetime as dt

from app.domain.counter import queue_queries, register, workshop
from app.domain.counter.models import Job, RegisterEntry
from app.domain.customers.models import Customer
from app.ui.base import export, labels, ops
from app.ui.base.context import Changed
from app.ui.base.table_models import CENTER, RIGHT, Column, PagedQueryModel, RowStyle, setup_view
from app.ui.base.widgets import FieldErrors, apply_limit, fmt_datetime
from app.ui.counter.job_tables import STATE_COLOURS
from app.ui.generated.ui_register_tab import Ui_RegisterTab
from app.ui.qt import (QButtonGroup, QComboBox, QDate, QDialog, QDialogButtonBox, QFormLayout, QKeySequence, QLabel,
                       QLineEdit, QRadioButton, QShortcut, Qt, QTimer, QWidget)

DIRECTION_COLOURS = {"in": "#2e7d32", "out": "#1565c0", "void": "#c62828"}
SUPERSEDED = RowStyle(foreground="#9e9e9e", strike=True)
NO_DATE = QDate(2000, 1, 1)          # the date edits' minimum, shown as "Any"


class RegisterModel(PagedQueryModel):
    """Register rows, newest first, as register.query() filters them, read by page.

    The columns with an index sort (number, date, direction, job, customer,
    serial, staff, corrected row); product, items, person and note do not:
    sorting a million rows by one of them reads them all."""

    default_order = [(RegisterEntry.at, True)]

    def __init__(self, parent=None):
        super().__init__([], parent)
        self.columns = [
            Column(self.tr("No."), lambda r: r.number, RegisterEntry.number, width=118),
            Column(self.tr("Date and time"), lambda r: fmt_datetime(r.at), RegisterEntry.at, CENTER, width=116),
            Column(self.tr("In/Out"), lambda r: labels.direction(r.direction), RegisterEntry.direction, CENTER,
                   width=52, foreground=lambda r: None if r.superseded else DIRECTION_COLOURS.get(r.direction)),
            Column(self.tr("Job no."), lambda r: r.job.number, RegisterEntry.job, width=118),
            Column(self.tr("Customer"), lambda r: r.customer_name, RegisterEntry.customer_name, width=160,
                   tooltip=lambda r: r.customer_name),
            Column(self.tr("Product"), lambda r: r.product, None, width=170,
                   tooltip=lambda r: r.product),
            Column(self.tr("Serial"), lambda r: r.serial, RegisterEntry.serial, width=96),
            Column(self.tr("Items"), lambda r: r.items, None, width=110, tooltip=lambda r: r.items),
            Column(self.tr("Person"), lambda r: r.person, None, width=84, tooltip=lambda r: r.person,
                   header_tip=self.tr("Who brought the unit in or collected it")),
            Column(self.tr("Staff"), lambda r: r.user.display_name if r.user else "", RegisterEntry.user, width=54),
            Column(self.tr("Note"), lambda r: r.note, None, width=120,
                   tooltip=lambda r: r.note or None),
            Column(self.tr("Corrects"), lambda r: r.corrects.number if r.corrects_id else "", RegisterEntry.corrects,
                   header_tip=self.tr("The earlier row this row corrects")),
        ]
        self.filters: dict = {}

    def build_query(self):
        return register.query(**self.filters)

    def fetch_rows(self, ids):
        return queue_queries.register_rows(ids)

    def row_style(self, row):
        return SUPERSEDED if row.superseded else None


class InShopModel(PagedQueryModel):
    """The units physically here: taken in and not yet handed back."""

    default_order = [(Job.received_at, False)]

    def __init__(self, parent=None):
        super().__init__([], parent)
        self.columns = [
            Column(self.tr("Job no."), lambda j: j.number, Job.number, width=130),
            Column(self.tr("Received"), lambda j: fmt_datetime(j.received_at), Job.received_at, CENTER, width=120),
            Column(self.tr("Days in"), workshop.age_days, Job.received_at, RIGHT, width=60, reverse_sort=True),
            Column(self.tr("Customer"), lambda j: j.customer.name, Customer.name, width=180),
            Column(self.tr("Product"), lambda j: j.unit.product.name, width=220),
            Column(self.tr("Serial"), lambda j: j.unit.serial, width=130),
            Column(self.tr("State"), lambda j: labels.state(j.state), Job.state, width=120,
                   foreground=lambda j: STATE_COLOURS.get(j.state)),
            Column(self.tr("Technician"), lambda j: j.technician.display_name if j.technician else ""),
        ]

    def build_query(self):
        return register.units_in_shop()

    def fetch_rows(self, ids):
        return queue_queries.jobs_by_ids(ids)


class CorrectionDialog(QDialog):
    """Write a correction row: void the row, or state its right direction or
    person. The note (what was wrong) is required; the dialog stays open
    with the message beside the field until the service accepts it."""

    def __init__(self, ctx, entry, parent=None):
        super().__init__(parent)
        self.ctx, self.entry, self.result_row = ctx, entry, None
        self.setWindowTitle(self.tr("Correct register row %1").replace("%1", entry.number))
        form = QFormLayout(self)
        form.addRow(self.tr("Row:"), QLabel(f"{entry.number}  ·  {fmt_datetime(entry.at)}  ·  "
                                            f"{labels.direction(entry.direction)}  ·  {entry.serial}  ·  "
                                            f"{entry.person}"))
        self.void = QRadioButton(self.tr("Void this row (written in error)"))
        self.change_direction = QRadioButton(self.tr("The direction was:"))
        self.change_person = QRadioButton(self.tr("The unit was brought/collected by:"))
        self.direction = QComboBox()
        for code in ("in", "out"):
            self.direction.addItem(labels.direction(code), code)
        self.direction.setCurrentIndex(self.direction.findData("out" if entry.direction == "in" else "in"))
        self.person = QLineEdit(entry.person)
        self.choice = QButtonGroup(self)
        for button in (self.void, self.change_direction, self.change_person):
            self.choice.addButton(button)
        self.void.setChecked(True)
        form.addRow(self.void)
        form.addRow(self.change_direction, self.direction)
        form.addRow(self.change_person, self.person)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("What was wrong with the row"))
        self.note_error = QLabel()
        form.addRow(self.tr("Note:"), self.note)
        form.addRow("", self.note_error)
        self.general_error = QLabel()
        form.addRow(self.general_error)
        self.errors = FieldErrors(self.general_error, limits=RegisterEntry)
        self.errors.add("note", self.note, self.note_error)
        apply_limit(self.person, RegisterEntry.person)
        self.direction.currentIndexChanged.connect(lambda: self.change_direction.setChecked(True))
        self.person.textEdited.connect(lambda: self.change_person.setChecked(True))
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(560, self.sizeHint().height())

    def save(self) -> bool:
        kwargs = {}
        if self.void.isChecked():
            kwargs["direction"] = "void"
        elif self.change_direction.isChecked():
            kwargs["direction"] = self.direction.currentData()
        else:
            kwargs["person"] = self.person.text()
        self.errors.clear()
        result = ops.run(self, register.correct, self.entry.id, self.ctx.user, self.note.text(), **kwargs,
                         changed=Changed("counter", (self.entry.job_id,)))
        if not result.ok:
            self.errors.show(result.field_errors)
            return False
        self.result_row = result.value
        self.accept()
        return True


class RegisterTab(QWidget):
    """The in/out register with its filters and totals, and the units in the shop."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        ui = self.ui = Ui_RegisterTab()
        ui.setupUi(self)
        self.model = RegisterModel(self)
        self.shop_model = InShopModel(self)
        setup_view(ui.registerView, self.model)
        setup_view(ui.shopView, self.shop_model)
        for view in (ui.registerView, ui.shopView):
            view.horizontalHeader().setSortIndicator(-1, Qt.AscendingOrder)
        self._switch = QButtonGroup(self)
        for i, button in enumerate((ui.registerButton, ui.inShopButton)):
            self._switch.addButton(button, i)
            button.setStyleSheet("QToolButton { padding: 4px 14px; border: 1px solid #90a4ae; }"
                                 "QToolButton:checked { background: #1565c0; color: white; }")
        self._switch.idClicked.connect(self.show_page)
        for edit in (ui.fromDate, ui.toDate):
            edit.setMinimumDate(NO_DATE)
            edit.setSpecialValueText(self.tr("Any"))
            edit.dateChanged.connect(self.apply_filters)
        ui.directionCombo.addItem(self.tr("All"), None)
        for code in register.DIRECTIONS:
            ui.directionCombo.addItem(labels.direction(code), code)
        ui.directionCombo.currentIndexChanged.connect(self.apply_filters)
        self._timer = QTimer(self, singleShot=True, interval=250, timeout=self.apply_filters)
        for edit in (ui.serialEdit, ui.customerEdit):
            edit.textChanged.connect(self._timer.start)
            edit.returnPressed.connect(self.apply_filters)
        # The periods run to "Any": a counter open past midnight still sees the new day's rows.
        ui.todayButton.clicked.connect(lambda: self.set_period(dt.date.today(), None))
        ui.weekButton.clicked.connect(lambda: self.set_period(dt.date.today() - dt.timedelta(
            days=dt.date.today().weekday()), None))
        ui.monthButton.clicked.connect(lambda: self.set_period(dt.date.today().replace(day=1), None))
        ui.allButton.clicked.connect(lambda: self.set_period(None, None))
        ui.registerView.activated.connect(lambda i: self._open(self.model.object_at(i.row())))
        ui.shopView.activated.connect(lambda i: self._open(self.shop_model.object_at(i.row())))
        ui.registerView.selectionModel().selectionChanged.connect(self._update_buttons)
        ui.correctButton.clicked.connect(self.correct_selected)
        ui.exportRegisterButton.clicked.connect(lambda: export.export_model(self, self.model, "register"))
        ui.exportShopButton.clicked.connect(lambda: export.export_model(self, self.shop_model, "in-shop"))
        ui.printBookButton.clicked.connect(self.print_book)
        ctx.user_changed.connect(self._apply_user)
        self._apply_user()
        # Only while this tab shows: the other tabs' Ctrl+R and Ctrl+P would make the keys ambiguous.
        for keys, slot in (("Ctrl+R", self.refresh), ("Ctrl+P", self.print_book)):
            QShortcut(QKeySequence(keys), self, slot).setContext(Qt.WidgetWithChildrenShortcut)
        ctx.on_change("counter", self.refresh, self)
        self.set_period(dt.date.today().replace(day=1), None)        # this month

    # -- filters ----------------------------------------------------------------
    def set_period(self, date_from: dt.date | None, date_to: dt.date | None) -> None:
        for edit, value in ((self.ui.fromDate, date_from), (self.ui.toDate, date_to)):
            edit.blockSignals(True)
            edit.setDate(QDate(value) if value else NO_DATE)
            edit.blockSignals(False)
        self.apply_filters()

    def current_filters(self) -> dict:
        def date_of(edit):
            return None if edit.date() == NO_DATE else edit.date().toPython()
        return dict(date_from=date_of(self.ui.fromDate), date_to=date_of(self.ui.toDate),
                    direction=self.ui.directionCombo.currentData(), serial=self.ui.serialEdit.text(),
                    customer=self.ui.customerEdit.text())

    def apply_filters(self) -> None:
        self._timer.stop()
        self.model.filters = self.current_filters()
        self.model.load()
        self.shop_model.load()
        self._update_counts()

    def refresh(self) -> None:
        """Re-read both lists (a unit came in or went out), keeping the selection."""
        self.model.filters = self.current_filters()
        self.model.refresh(self.ui.registerView.selectionModel())
        self.shop_model.refresh(self.ui.shopView.selectionModel())
        self._update_counts()

    def _update_counts(self) -> None:
        f = self.model.filters
        totals, capped = register.totals(f["date_from"], f["date_to"], f["serial"], f["customer"])
        text = self.tr("In %1  ·  Out %2").replace("%1", str(totals["in"])).replace("%2", str(totals["out"]))
        if totals["void"]:
            text += "  ·  " + self.tr("Voided %1").replace("%1", str(totals["void"]))
        if capped:
            text = self.tr("Counted over the first %1 rows found:").replace("%1", f"{register.TOTALS_CAP:,}") + \
                "  " + text
        self.ui.totalsLabel.setText(text if self.ui.stack.currentIndex() == 0 else "")
        n, more = self.model.count()
        self.ui.registerStatus.setText(self.tr("%1+ rows").replace("%1", f"{n:,}") if more
                                       else self.tr("%n row(s)", "", n))
        n = workshop.open_count()
        self.ui.inShopButton.setText(self.tr("In the &shop now (%1)").replace("%1", str(n)))
        self.ui.shopStatus.setText(self.tr("%n unit(s) in the shop", "", n))
        self._update_buttons()

    def show_page(self, index: int) -> None:
        self.ui.stack.setCurrentIndex(index)
        self._switch.button(index).setChecked(True)
        self._update_counts()

    # -- rows -------------------------------------------------------------------
    def selected_entry(self):
        rows = self.ui.registerView.selectionModel().selectedRows()
        return self.model.object_at(rows[0].row()) if rows else None

    def _update_buttons(self, *_args) -> None:
        entry = self.selected_entry()
        # A voiding row and a row already corrected are not corrected again.
        self.ui.correctButton.setEnabled(entry is not None and entry.direction != "void" and not entry.superseded)

    def _open(self, obj) -> None:
        if obj is not None:
            self.ctx.open_job.emit(obj.job_id if isinstance(obj, RegisterEntry) else obj.id)

    def _apply_user(self) -> None:
        self.ui.printBookButton.setVisible(self.ctx.can("register.read"))

    def print_book(self) -> bool:
        """The register's pages for a range of days (asked; the date filter's, or this month),
        through the A4 printer's preview."""
        from app.ui.base import print_service
        from app.ui.counter.register_book_dialog import PrintBookDialog, default_range

        if not self.ctx.can("register.read"):
            return False
        f = self.current_filters()
        answer = PrintBookDialog.ask(self, self.ctx, *default_range(f["date_from"], f["date_to"], dt.date.today()))
        if answer is None:
            return False
        pdf, first, last = answer
        title = self.tr("In/out register %1 to %2").replace("%1", first.isoformat()).replace("%2", last.isoformat())
        return print_service.print_pdf(self, pdf, "voucher", title, preview=True)

    def correct_selected(self) -> bool:
        entry = self.selected_entry()
        if entry is None:
            return False
        dialog = CorrectionDialog(self.ctx, entry, self)
        return dialog.exec() == QDialog.Accepted
