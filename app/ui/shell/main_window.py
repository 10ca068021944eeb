"""The main window: intake, repair cards and the in/out register as tabs,
a find box, and "scan anywhere".

A barcode scanner types like a very fast keyboard and ends with Enter.
:class:`app.ui.base.scanner.ScanRouter` (an application-level event filter)
recognises a burst that reads as a document number wherever the cursor is,
in any tab and any text box (the box keeps its text), so a clerk can scan a
receipt, a repair card or a register row whatever the screen shows. A
receipt of a job that is ready opens the release dialog; any other code
opens the job.

What the signed-in user's role may not do is hidden or disabled (the intake
tab for a technician, the release for whoever may not hand units back, the
Users menu for all but the administrator); the domain services check again.
"""
from __future__ import annotations

from app.domain.core import db as dbmod
from app.domain.counter.jobs import get_by_number
from app.ui.base import ops, prefs
from app.ui.base.scanner import ScanRouter
from app.ui.qt import (QAction, QApplication, QCoreApplication, QDate, QInputDialog, QKeySequence, QLabel, QLineEdit,
                       QMainWindow, QMessageBox, Qt, QTabWidget, QTimer, QVBoxLayout, QWidget)
from app.ui.shell import books
from app.ui.shell.connection_watch import ConnectionBanner, ConnectionWatch
from app.ui.shell.live_updates import LiveUpdates


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def lookup(text: str):
    """A typed or scanned code, a job number (or its digits) or a serial -> (job, receipt)."""
    # Imported on first use: the window shows before these modules load.
    from app.domain.counter import products, release, workshop

    code = text.strip().upper()
    job, receipt = release.find_by_code(code)
    if job is None and code.isdigit():
        job = get_by_number(f"WX-{QDate.currentDate().year()}-{int(code):06d}")
    if job is None and code:
        unit = products.find_unit(code)
        history = workshop.service_history(unit) if unit is not None else []
        job = history[0] if history else None
    return job, receipt


class LazyTab(QWidget):
    """Builds its tab on first show: start-up does not wait for tabs nobody looks at."""

    def __init__(self, factory, parent: QWidget | None = None):
        super().__init__(parent)
        self.factory, self.widget = factory, None
        self.setLayout(QVBoxLayout())
        self.layout().setContentsMargins(0, 0, 0, 0)

    def reset(self) -> None:
        """Forget the page: it is built again (for the user now signed in) when next shown."""
        if self.widget is not None:
            self.layout().removeWidget(self.widget)
            self.widget.hide()
            self.widget.deleteLater()
            self.widget = None
        if self.isVisible():
            self.widget = self.factory()
            self.layout().addWidget(self.widget)

    def showEvent(self, event) -> None:  # noqa: N802
        if self.widget is None:
            self.widget = self.factory()
            self.layout().addWidget(self.widget)
        super().showEvent(event)


class MainWindow(QMainWindow):
    """The counter's window: ``MainWindow(ctx, db_info)`` (db_info: bootstrap.OpenedDatabase or URL)."""

    def __init__(self, ctx, db_info, parent: QWidget | None = None):
        super().__init__(parent)
        books.install()
        self.ctx = ctx
        self.db_url = getattr(db_info, "url", db_info) or ""
        # The system adds the application's name ("… — csdesk"): the title says it once.
        self.setWindowTitle(self.tr("After-sales service counter"))
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.banner = ConnectionBanner()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.connection = ConnectionWatch(ctx, self.db_url, self.banner, self)
        self.live = LiveUpdates(ctx, self.db_url, self) if self.db_url else None
        from app.ui.counter.intake_tab import IntakeTab

        self.intake = IntakeTab(ctx)
        # The tabs carry no Alt-letter: every tab's fields and buttons share
        # the letters with the menu bar, and Ctrl+1 ... Ctrl+7 (the View
        # menu, where the tabs have their letters) switch tabs.
        self.tabs.addTab(self.intake, self.tr("After-sales intake"))
        self.tabs.addTab(LazyTab(self._make_repair_tab), self.tr("Repair cards"))
        self.tabs.addTab(LazyTab(self._make_register_tab), self.tr("In/out register"))
        self.customers_page = LazyTab(self._make_customers_tab)
        self.tabs.addTab(self.customers_page, self.tr("Customer archives"))
        self.field_page = LazyTab(self._make_field_tab)
        self.tabs.addTab(self.field_page, self.tr("Visit planning"))
        self.contacts_page = LazyTab(self._make_contacts_tab)
        self.tabs.addTab(self.contacts_page, self.tr("Contact register"))
        self.complaints_page = LazyTab(self._make_complaints_tab)
        self.tabs.addTab(self.complaints_page, self.tr("Complaints"))
        self.tabs.currentChanged.connect(lambda _i: self._focus_tab())
        self._build_toolbar()
        self._build_menus()
        self._build_status()
        ctx.open_job.connect(self.open_job)
        ctx.user_changed.connect(self._apply_user)
        self.scan_filter = ScanRouter(self, self)
        self.scan_filter.scanned.connect(self.handle_code)
        self.scan_filter.reverted.connect(self.intake.scan_reverted)
        QApplication.instance().installEventFilter(self.scan_filter)
        self._restore()

    # -- building -------------------------------------------------------------
    def _make_repair_tab(self) -> QWidget:
        try:
            from app.ui.counter.repair_tab import RepairCardsTab
        except ImportError:
            return QLabel(self.tr("The repair cards tab is not available in this build."))
        return RepairCardsTab(self.ctx)

    def _make_register_tab(self) -> QWidget:
        try:
            from app.ui.counter.register_tab import RegisterTab
        except ImportError:
            return QLabel(self.tr("The in/out register tab is not available in this build."))
        return RegisterTab(self.ctx)

    def _make_customers_tab(self) -> QWidget:
        from app.ui.customers.customers_tab import CustomersTab

        return CustomersTab(self.ctx)

    def _make_field_tab(self) -> QWidget:
        from app.ui.field.field_tab import FieldServiceTab

        return FieldServiceTab(self.ctx)

    def _make_contacts_tab(self) -> QWidget:
        from app.ui.contacts.contacts_tab import ContactsTab

        return ContactsTab(self.ctx, start_intake=self.start_intake)

    def _make_complaints_tab(self) -> QWidget:
        from app.ui.complaints.complaints_tab import ComplaintsTab

        return ComplaintsTab(self.ctx)

    def start_intake(self, customer, fault: str = "") -> None:
        """The intake tab, for ``customer`` (a repair request taken at the telephone), the fault
        filled in from the request when the intake has none yet."""
        if not self.ctx.can("job.intake"):
            return
        self.tabs.setCurrentWidget(self.intake)
        self.intake.set_customer(customer)
        if fault.strip() and not self.intake.ui.faultEdit.toPlainText().strip():
            self.intake.ui.faultEdit.setPlainText(fault.strip())

    def _build_toolbar(self) -> None:
        bar = self.addToolBar(self.tr("Find"))
        bar.setObjectName("findToolbar")
        bar.setMovable(False)
        bar.addWidget(QLabel(self.tr(" Find / scan: ")))
        self.find_box = QLineEdit()
        self.find_box.setObjectName("findBox")
        self.find_box.setPlaceholderText(self.tr("Receipt, repair card, job number or serial, then Enter (Ctrl+F)"))
        self.find_box.setMinimumWidth(420)
        self.find_box.setClearButtonEnabled(True)
        self.find_box.returnPressed.connect(self._find_entered)
        bar.addWidget(self.find_box)
        # The menu shows the key beside the text; the tool bar's button says it.
        self.release_action = QAction(self.tr("&Release…"), self)
        self.release_action.setIconText(self.tr("Release… (F9)"))
        self.release_action.setShortcut(QKeySequence(Qt.Key_F9))
        self.release_action.triggered.connect(lambda: self.open_release())
        bar.addAction(self.release_action)

    def _build_menus(self) -> None:
        def act(menu, text, slot, shortcut=None):
            action = menu.addAction(text)
            action.triggered.connect(slot)
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
            return action

        m = self.menuBar().addMenu(self.tr("&File"))
        act(m, self.tr("&Settings…"), self.open_settings, QKeySequence.Preferences)
        self.users_action = act(m, self.tr("&Users…"), self.open_users)
        act(m, self.tr("&Change password…"), self.change_password)
        act(m, self.tr("Sign &out / switch user…"), self.sign_out)
        m.addSeparator()
        act(m, self.tr("&Quit"), self.close, QKeySequence.Quit)
        m = self.menuBar().addMenu(self.tr("&Job"))
        act(m, self.tr("&Find / scan"), self.focus_find, QKeySequence.Find)
        m.addAction(self.release_action)
        act(m, self.tr("&Open job…"), self.ask_open_job, QKeySequence.Open)
        m = self.menuBar().addMenu(self.tr("&View"))
        titles = [self.tr("After-sales &intake"), self.tr("&Repair cards"), self.tr("In/out re&gister"),
                  self.tr("Customer &archives"), self.tr("Visit &planning"), self.tr("Con&tact register"),
                  self.tr("Complai&nts")]
        self.view_actions = [act(m, titles[i], lambda _c=False, i=i: self.tabs.setCurrentIndex(i),
                                 f"Ctrl+{i + 1}") for i in range(self.tabs.count())]
        m = self.menuBar().addMenu(self.tr("&Help"))
        act(m, self.tr("&About csdesk"), self.about)

    def _build_status(self) -> None:
        sb = self.statusBar()
        self.db_label = QLabel(self.tr("Database: {0}").format(dbmod.describe_url(self.db_url)))
        self.user_label = QLabel()
        self.user_label.setObjectName("userLabel")
        self.font_label = QLabel()
        self.font_label.setStyleSheet("color: #c62828;")
        self.font_label.hide()
        for w in (self.font_label, self.db_label, self.user_label):
            sb.addPermanentWidget(w)
        self._apply_user()
        # reportlab is imported for the font check: after the window shows.
        QTimer.singleShot(400, self._check_font)

    def _check_font(self) -> None:
        try:
            from app.domain.counter.printouts import font_warning
            from app.ui.counter.printing import options_from_prefs

            warning = font_warning(options_from_prefs())
        except Exception as exc:  # noqa: BLE001 - a status hint must never break the window
            warning = str(exc)
        if warning:
            self.font_label.setText(self.tr("No CJK font for printing"))
            self.font_label.setToolTip(warning)
            self.font_label.show()

    def _apply_user(self) -> None:
        """Show who is signed in and what his role may do. Another user
        signed in (a switch): the tabs are rebuilt for his role, and he
        starts on his own first tab."""
        from app.ui.base import labels

        user = self.ctx.user
        self.user_label.setText(self.tr("Signed in: {0} ({1})").format(user.display_name, labels.role(user.role))
                                if user else self.tr("Not signed in"))
        self.users_action.setVisible(self.ctx.can("users.manage"))
        self.release_action.setEnabled(self.ctx.can("job.release"))
        user_id = user.id if user else None
        switched = hasattr(self, "_user_id") and self._user_id != user_id
        self._user_id = user_id
        if switched:
            self._rebuild_tabs()
        intake = self.ctx.can("job.intake")
        on_intake = self.tabs.currentWidget() is self.intake   # (hiding the tab moves the current one)
        self.tabs.setTabVisible(self.tabs.indexOf(self.intake), intake)
        self.view_actions[self.tabs.indexOf(self.intake)].setEnabled(intake)
        from app.ui.field import field_tab

        field = field_tab.may_use(self.ctx)
        on_field = self.tabs.currentWidget() is self.field_page
        self.tabs.setTabVisible(self.tabs.indexOf(self.field_page), field)
        self.view_actions[self.tabs.indexOf(self.field_page)].setEnabled(field)
        if switched or (not intake and on_intake) or (not field and on_field):
            self.tabs.setCurrentWidget(self.home_tab())
            self._focus_tab()

    def home_tab(self) -> QWidget:
        """The signed-in user's first tab: the counter's intake; the
        technician's repair queue; business staff's visit planning; the
        information manager's archives."""
        from app.ui.field import field_tab

        if self.ctx.can("job.intake"):
            return self.intake
        if self.ctx.can("job.work"):
            return self.tabs.widget(1)
        if field_tab.may_use(self.ctx) and self.ctx.can("visit.plan") and not self.ctx.can("customer.archive.read"):
            return self.field_page
        return self.customers_page

    def _rebuild_tabs(self) -> None:
        """The tab bar as new for the next user: the pages the previous one
        opened are built again for the new one (his filters, his rights),
        and the bar lays out only the tabs his role shows (a tab hidden and
        shown again in place left a gap, or stayed missing)."""
        current = self.tabs.currentWidget()
        pages = [(self.tabs.widget(i), self.tabs.tabText(i)) for i in range(self.tabs.count())]
        self.tabs.blockSignals(True)
        try:
            while self.tabs.count():
                self.tabs.removeTab(0)
            for page, text in pages:
                if isinstance(page, LazyTab):
                    page.reset()
                self.tabs.addTab(page, text)
            if current is not None:
                self.tabs.setCurrentWidget(current)
        finally:
            self.tabs.blockSignals(False)

    # -- state ------------------------------------------------------------------
    def _restore(self) -> None:
        s = prefs.raw()
        geometry = s.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1340, 740)
        state = s.value("main/state")
        if state is not None:
            self.restoreState(state)
        try:
            tab = int(s.value("main/tab", 0))
        except (TypeError, ValueError):
            tab = 0
        if self.tabs.isTabVisible(tab):
            self.tabs.setCurrentIndex(tab)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        # The clerk starts typing at once: the customer box, not the tab bar.
        QTimer.singleShot(0, self._focus_tab)

    def _focus_tab(self) -> None:
        if self.tabs.currentWidget() is self.intake:
            self.intake.focus_first()

    def closeEvent(self, event) -> None:  # noqa: N802
        s = prefs.raw()
        s.setValue("main/geometry", self.saveGeometry())
        s.setValue("main/state", self.saveState())
        s.setValue("main/tab", self.tabs.currentIndex())
        QApplication.instance().removeEventFilter(self.scan_filter)
        if self.live is not None:
            self.live.stop()
        super().closeEvent(event)

    # -- actions -------------------------------------------------------------------
    def focus_find(self) -> None:
        self.find_box.setFocus()
        self.find_box.selectAll()

    def _find_entered(self) -> None:
        text = self.find_box.text().strip()
        if text:
            self.handle_code(text)
            self.find_box.clear()

    def handle_code(self, code: str) -> None:
        """A scanned or typed code: release a ready job's receipt, else open the job."""
        result = ops.run(self, lookup, code)
        if not result.ok:
            return
        job, receipt = result.value
        if job is None:
            self.statusBar().showMessage(self.tr("Nothing found for \u201c{0}\u201d.").format(code), 10000)
            QApplication.beep()
            return
        self.statusBar().showMessage(self.tr("{0}: {1}").format(code, job.number), 5000)
        if receipt is not None and receipt.status == "valid" and job.state == "ready":
            self.open_release(job.id, receipt.number)
        else:
            self.ctx.open_job.emit(job.id)

    def open_release(self, job_id: int | None = None, receipt_number: str = "") -> None:
        from app.ui.counter.release_dialog import ReleaseDialog

        dialog = ReleaseDialog(self.ctx, job_id, receipt_number, self)
        if dialog.exec() and dialog.released is not None:
            self.statusBar().showMessage(self.tr("{0} handed back to {1}.").format(
                dialog.released.number, dialog.released.collected_by), 10000)
        dialog.deleteLater()

    def open_job(self, job_id: int) -> None:
        try:
            from app.ui.counter.job_dialog import JobDialog
        except ImportError:
            QMessageBox.information(self, self.tr("Job"), self.tr("The job window is not available in this build."))
            return
        dialog = JobDialog(self.ctx, job_id, self)
        dialog.exec()
        dialog.deleteLater()

    def ask_open_job(self) -> None:
        text, ok = QInputDialog.getText(self, self.tr("Open job"), self.tr("Job number, receipt, card or serial:"))
        if ok and text.strip():
            self.handle_code(text.strip())

    def open_settings(self) -> None:
        from app.ui.shell.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.ctx, self)
        if dialog.exec():
            QTimer.singleShot(0, self._check_font)
        dialog.deleteLater()

    def open_users(self) -> None:
        from app.domain.core.models import User
        from app.ui.shell.users_dialog import UsersDialog

        dialog = UsersDialog(self.ctx, self)
        dialog.exec()
        dialog.deleteLater()
        # The administrator may have changed his own name or role.
        self.ctx.set_user(User.get_by_id(self.ctx.user.id))

    def change_password(self) -> None:
        from app.ui.shell.password_dialog import PasswordDialog

        user = PasswordDialog.change_own(self, self.ctx.user)
        if user is not None:
            self.ctx.set_user(user)
            self.statusBar().showMessage(self.tr("Your password has been changed."), 10000)

    def sign_out(self) -> None:
        """Sign the user out and show the sign-in box; cancelled, csdesk closes
        (the previous user's session must not come back without his password)."""
        from app.ui.shell.signin_dialog import sign_in_flow

        app = QApplication.instance()
        keep = app.quitOnLastWindowClosed()
        app.setQuitOnLastWindowClosed(False)   # the window is hidden while the box shows
        self.hide()
        try:
            user = sign_in_flow(None)
        finally:
            app.setQuitOnLastWindowClosed(keep)
        if user is None:
            self.close()
            return
        self.ctx.set_user(user)
        self.show()

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About csdesk"), self.tr(
            "<b>csdesk</b> — customer-service and after-sales desk<br>"
            "Intake, pickup receipts, repair cards, the workshop queue and the in/out register."))
