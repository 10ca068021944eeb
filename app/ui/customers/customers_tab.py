"""The customer archives tab (用户档案): the overview table (用户情况一览表)
and every door into the archive.

Business staff find a customer here by typing (name, short name, pinyin
initials, phone, code) or by the filters, and open it: the whole archive
when they may read it, otherwise the overview row and "Request access…"
(§2.1.4). The keeper adds, imports, exports and prints; the manager decides
access requests and new customers and reads the access log. Buttons a role
cannot use are hidden; the domain checks again.

Wiring: ``CustomersTab(ctx)``; it refreshes when the customers book changed (``ctx.on_change``)
and ``ctx.user_changed``, and emits ``ctx.open_job`` (from an archive's jobs).
"""
from __future__ import annotations

import datetime as dt

from app.domain.core import printed, users
from app.domain.customers import access, archive, customers, import_export
from app.domain.customers.archive_fields import CREDIT_RATINGS, STATUSES
from app.domain.customers.models import Customer
from app.domain.customers.overview import OverviewFilter
from app.ui.base import labels, ops, prefs
from app.ui.base.table_models import setup_view
from app.ui.customers import models as cm
from app.ui.generated.ui_customers_tab import Ui_CustomersTab
from app.ui.qt import QFileDialog, QKeySequence, QMessageBox, QShortcut, Qt, QTimer, QWidget


def open_customer(ctx, customer_id: int, parent=None) -> None:
    """The archive if the user may read it, else the overview-only panel."""
    from app.ui.customers.access_dialogs import OverviewOnlyDialog
    from app.ui.customers.archive_dialog import ArchiveDialog

    result = ops.run(parent, lambda: access.access_reason(ctx.user, Customer.get_by_id(customer_id)))
    if not result.ok:
        return
    dialog = ArchiveDialog(ctx, customer_id, parent) if result.value else OverviewOnlyDialog(ctx, customer_id, parent)
    if getattr(dialog, "loaded", True):
        dialog.exec()
    dialog.deleteLater()   # a closed dialog must not go on reloading on every change


class CustomersTab(QWidget):
    """The overview with its filters, search box and actions."""

    SEARCH_DELAY_MS = 150

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_CustomersTab()
        self.ui.setupUi(self)
        self.model = cm.OverviewModel(self)
        self.model.query_factory = self._query
        self.view = self.ui.tableView
        setup_view(self.view, self.model)
        self.view.horizontalHeader().setSortIndicator(0, Qt.AscendingOrder)
        self.view.horizontalHeader().setSortIndicatorShown(True)
        self._fill_combos()
        for combo in (self.ui.categoryCombo, self.ui.regionCombo, self.ui.creditCombo, self.ui.statusCombo,
                      self.ui.responsibleCombo):
            combo.currentIndexChanged.connect(self.apply_filters)
        # Search as the user types, one query after a short pause, not one per key.
        self._search_timer = QTimer(self, singleShot=True, interval=self.SEARCH_DELAY_MS, timeout=self.apply_filters)
        self.ui.searchEdit.textChanged.connect(self._search_timer.start)
        self.ui.searchEdit.returnPressed.connect(self._search_enter)
        self.ui.clearFiltersButton.clicked.connect(self.clear_filters)
        self.view.activated.connect(lambda index: self.open_row(index.row()))
        self.ui.openButton.clicked.connect(lambda: self.open_row(self.view.currentIndex().row()))
        self.ui.newButton.clicked.connect(self.new_customer)
        self.ui.selectionButton.clicked.connect(self.open_selection)
        self.ui.requestsButton.clicked.connect(self.open_requests)
        self.ui.logButton.clicked.connect(self.open_log)
        self.ui.importButton.clicked.connect(self.import_file)
        self.ui.exportButton.clicked.connect(self.export)
        self.ui.printButton.clicked.connect(self.print_overview)
        self.view.selectionModel().currentRowChanged.connect(self._update_buttons)
        refresh = QShortcut(QKeySequence("Ctrl+R"), self, self.refresh)
        refresh.setContext(Qt.WidgetWithChildrenShortcut)
        ctx.on_change("customers", self.refresh, self)
        ctx.user_changed.connect(self._user_changed)
        self._apply_rights()
        self.apply_filters()

    # -- filters -------------------------------------------------------------------
    def _fill_combos(self) -> None:
        ui = self.ui
        for combo in (ui.categoryCombo, ui.regionCombo, ui.creditCombo, ui.statusCombo, ui.responsibleCombo):
            combo.blockSignals(True)
        keep = {c: c.currentData() for c in (ui.regionCombo, ui.responsibleCombo)}
        if not ui.categoryCombo.count():
            ui.categoryCombo.addItem(self.tr("All"), "")
            for code in customers.CATEGORIES:
                ui.categoryCombo.addItem(labels.category(code), code)
            ui.creditCombo.addItem(self.tr("All"), "")
            for code in CREDIT_RATINGS:
                ui.creditCombo.addItem(code, code)
            ui.creditCombo.addItem(self.tr("Not rated"), "none")
            ui.statusCombo.addItem(self.tr("Customers"), "")
            ui.statusCombo.setItemData(0, self.tr("Active, suspended and closed customers"), Qt.ToolTipRole)
            for code in STATUSES:
                ui.statusCombo.addItem(cm.status(code), code)
            ui.statusCombo.addItem(self.tr("All, with prospects"), "all")
        ui.regionCombo.clear()
        ui.regionCombo.addItem(self.tr("All"), "")
        for region in ops.run(self, archive.regions).value or []:
            ui.regionCombo.addItem(region, region)
        ui.responsibleCombo.clear()
        ui.responsibleCombo.addItem(self.tr("Anyone"), None)
        for user in ops.run(self, users.active_users).value or []:
            ui.responsibleCombo.addItem(user.display_name, user.id)
        for combo, data in keep.items():
            combo.setCurrentIndex(max(0, combo.findData(data)))
        for combo in (ui.categoryCombo, ui.regionCombo, ui.creditCombo, ui.statusCombo, ui.responsibleCombo):
            combo.blockSignals(False)

    def current_filter(self) -> OverviewFilter:
        ui = self.ui
        return OverviewFilter(text=ui.searchEdit.text(), category=ui.categoryCombo.currentData() or "",
                              region=ui.regionCombo.currentData() or "", credit_rating=ui.creditCombo.currentData()
                              or "", status=ui.statusCombo.currentData() or "",
                              responsible_id=ui.responsibleCombo.currentData())

    def _query(self, sort: str, descending: bool):
        result = ops.run(self, archive.overview, self.ctx.user, self.current_filter(), sort, descending)
        return result.value if result.ok else None

    def apply_filters(self) -> None:
        """Re-run the overview with the filters as they are now set."""
        self._search_timer.stop()
        self.model.load()
        if self.model.rowCount():      # Enter in the table opens the first customer at once
            self.view.setCurrentIndex(self.model.index(0, 0))
        self._update_count()

    def clear_filters(self) -> None:
        for combo in (self.ui.categoryCombo, self.ui.regionCombo, self.ui.creditCombo, self.ui.statusCombo,
                      self.ui.responsibleCombo):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.ui.searchEdit.clear()
        self.apply_filters()

    def refresh(self) -> None:
        """Read again (another window changed a customer), keeping the current row."""
        current = self.model.id_at(self.view.currentIndex().row())
        self._fill_combos()
        self.apply_filters()
        row = self.model.row_of(current) if current is not None else None
        if row is not None:
            self.view.setCurrentIndex(self.model.index(row, 0))

    def _search_enter(self) -> None:
        if self._search_timer.isActive():
            self.apply_filters()
        if self.model.rowCount():
            self.view.setFocus()
            self.view.setCurrentIndex(self.model.index(0, 0))

    def _update_count(self) -> None:
        n, capped = self.model.count()
        text = self.tr("more than %1 customers").replace("%1", f"{n:,}") if capped \
            else self.tr("%n customer(s)", "", n)
        self.ui.countLabel.setText(text)
        self._update_buttons()

    # -- rights ---------------------------------------------------------------------
    def _apply_rights(self) -> None:
        can = self.ctx.can
        ui = self.ui
        ui.newButton.setVisible(can("customer.create"))
        ui.selectionButton.setVisible(can("customer.select.investigate") or can("customer.select.decide"))
        ui.logButton.setVisible(can("customer.access.log"))
        ui.importButton.setVisible(can("customer.import"))
        ui.exportButton.setVisible(can("customer.export"))
        ui.requestsButton.setVisible(self.ctx.user is not None)
        self.setEnabled(can("customer.overview"))

    def _user_changed(self) -> None:
        self._apply_rights()
        if self.ctx.can("customer.overview"):
            self.apply_filters()

    def _update_buttons(self, *_args) -> None:
        has_row = self.model.id_at(self.view.currentIndex().row()) is not None
        self.ui.openButton.setEnabled(has_row)
        self.ui.exportButton.setEnabled(self.model.rowCount() > 0)
        self.ui.printButton.setEnabled(self.model.rowCount() > 0)

    # -- actions --------------------------------------------------------------------
    def current_id(self) -> int | None:
        return self.model.id_at(self.view.currentIndex().row())

    def open_row(self, row: int) -> None:
        customer_id = self.model.id_at(row)
        if customer_id is not None:
            open_customer(self.ctx, customer_id, self)

    def new_customer(self) -> None:
        from app.ui.customers.customer_dialog import CustomerDialog

        dialog = CustomerDialog(self.ctx, self.ui.searchEdit.text(), self)
        if dialog.exec() and dialog.customer is not None and self.ctx.can("customer.archive.edit"):
            open_customer(self.ctx, dialog.customer.id, self)   # go on with the rest of the archive
        dialog.deleteLater()

    def open_selection(self) -> None:
        from app.ui.customers.selection_dialog import ProspectsDialog

        dialog = ProspectsDialog(self.ctx, self)
        dialog.exec()
        dialog.deleteLater()

    def open_requests(self) -> None:
        from app.ui.customers.access_dialogs import AccessRequestsDialog

        dialog = AccessRequestsDialog(self.ctx, self)
        dialog.exec()
        dialog.deleteLater()

    def open_log(self) -> None:
        from app.ui.customers.access_dialogs import AccessLogDialog

        dialog = AccessLogDialog(self.ctx, customer_id=None, parent=self)
        dialog.exec()
        dialog.deleteLater()

    def import_file(self) -> None:
        from app.ui.customers.import_dialog import ImportDialog

        dialog = ImportDialog(self.ctx, self)
        dialog.exec()
        dialog.deleteLater()

    def export(self) -> str | None:
        """The overview as filtered and sorted to .xlsx or .csv (logged by the domain)."""
        if self.model.query is None:
            return None
        xlsx, csv_ = self.tr("Excel workbook (*.xlsx)"), self.tr("CSV for Excel (*.csv)")
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Export the overview"),
                                                   f"customers-{dt.date.today():%Y%m%d}.xlsx", f"{xlsx};;{csv_}")
        if not path:
            return None
        if not path.lower().endswith((".xlsx", ".csv")):
            path += ".csv" if chosen == csv_ else ".xlsx"
        result = ops.run(self, import_export.export_overview, self.ctx.user, self.model.query, path,
                         lang=prefs.get("print_language"), show_validation=True)
        if not result.ok:
            return None
        QMessageBox.information(self, self.tr("Exported"), self.tr("%n customer(s) written to %1.", "", result.value)
                                .replace("%1", path))
        return path

    def print_overview(self) -> None:
        """The overview as filtered, A4 landscape, through the preview."""
        from app.ui.base import print_service

        if self.model.query is None:
            return
        result = ops.run(self, _overview_pdf, self.ctx.user, self.model.query, prefs.get("print_language"))
        if result.ok:
            print_service.print_pdf(self, result.value, "voucher", self.tr("Customer overview"), preview=True)


def _overview_pdf(user, query, lang: str) -> bytes:
    """Render the overview (checked and logged as "print" by the domain)."""
    data = import_export.overview_print_data(user, query)
    from app.printing.customers import overview_print  # written alongside; reportlab loads on first use

    return printed.laid_out(overview_print.render_overview, data, lang=lang, font=prefs.get("font_path") or None)
