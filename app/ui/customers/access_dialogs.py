"""Access to archives (§2.1.4): the overview-only panel with "Request
access…", deciding requests, one's own requests, and the access log.

Everything goes through :mod:`app.domain.customers.access`; who may decide is the
domain's rule (the customer's responsible staff member or the manager), the
dialogs only show what the domain returns.
"""
from __future__ import annotations

from app.domain.core import users
from app.domain.customers import access, overview
from app.domain.customers.access import MAX_DAYS
from app.domain.customers.models import AccessRequest
from app.ui.base import labels, ops
from app.ui.base.table_models import Column, ListTableModel, setup_view
from app.ui.base.widgets import FieldErrors, apply_limit, fmt_date, fmt_datetime, make_error_label, short
from app.ui.customers import models as cm
from app.ui.qt import (QCheckBox, QComboBox, QCoreApplication, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                       QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSpinBox, Qt, QTableView, QTabWidget,
                       QVBoxLayout, QWidget)


class RequestAccessDialog(QDialog):
    """Why and for how long; errors under the fields. ``request`` is set on success."""

    def __init__(self, ctx, customer_id: int, name: str, parent=None):
        super().__init__(parent)
        self.ctx, self.customer_id, self.request = ctx, customer_id, None
        self.setWindowTitle(self.tr("Request access to %1").replace("%1", name))
        form = QFormLayout(self)
        self.reason = QPlainTextEdit(tabChangesFocus=True)
        self.reason.setPlaceholderText(self.tr("e.g. visit next week, need the cooperation history"))
        self.reason.setMaximumHeight(90)
        self.days = QSpinBox(minimum=1, maximum=MAX_DAYS, value=7)
        self.days.setSuffix(self.tr(" days"))
        self.errors = FieldErrors(make_error_label(self), limits=AccessRequest)
        for label, name, widget in ((self.tr("&Reason:"), "reason", self.reason), (self.tr("&For:"), "days", self.days)):
            self.errors.add_form_row(form, label, name, widget)
        form.addRow(self.errors._fallback)
        buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.send_button = buttons.addButton(self.tr("&Send request"), QDialogButtonBox.AcceptRole)
        buttons.accepted.connect(self.send)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(460, self.sizeHint().height())

    def send(self) -> None:
        result = ops.run(self, access.request_access, self.ctx.user, self.customer_id, self.reason.toPlainText(),
                         self.days.value())
        if not result.ok:
            self.errors.show(result.field_errors, focus=True)
            return
        self.request = result.value
        self.accept()


class OverviewOnlyDialog(QDialog):
    """What a user without access sees: the overview row, and Request access…"""

    def __init__(self, ctx, customer_id: int, parent=None):
        super().__init__(parent)
        self.ctx, self.customer_id = ctx, customer_id
        result = ops.run(self, overview.row, ctx.user, customer_id)
        self.row = result.value if result.ok else None
        self.loaded = self.row is not None
        self.setWindowTitle(self.tr("Customer overview row"))
        layout = QVBoxLayout(self)
        if self.row is None:
            return
        r = self.row
        title = QLabel(f"{r.code}  {r.name}")
        title.setStyleSheet("font-size: 15px; font-weight: bold;")
        title.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(title)
        form = QFormLayout()
        for label, value in ((self.tr("Short name:"), r.short_name), (self.tr("Category:"), labels.category(r.category)),
                             (self.tr("Region:"), r.region), (self.tr("Phone:"), r.phone),
                             (self.tr("Credit rating:"), cm.rating(r.credit_rating)),
                             (self.tr("Credit limit:"), cm.money(r.credit_limit)),
                             (self.tr("Responsible:"), r.responsible or self.tr("(nobody)")),
                             (self.tr("Status:"), cm.status(r.status)),
                             (self.tr("Customer since:"), fmt_date(r.cooperation_since))):
            value_label = QLabel(value)
            value_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
            form.addRow(label, value_label)
        layout.addLayout(form)
        self.notice = QLabel(self.tr("You see only the overview row. The whole archive is open to its keeper, the "
                                     "customer's responsible staff member and the manager; others ask for access "
                                     "with a reason and a period (§2.1.4)."))
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("background: #fff8e1; border: 1px solid #ffe082; padding: 8px;")
        layout.addWidget(self.notice)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        self.request_button = buttons.addButton(self.tr("&Request access…"), QDialogButtonBox.ActionRole)
        self.request_button.clicked.connect(self.request_access)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.request_button.setFocus()
        self._show_status()
        self.resize(480, self.sizeHint().height())

    def _show_status(self) -> None:
        mine = ops.run(self, access.my_requests, self.ctx.user)
        latest = next((q for q in (mine.value or []) if q.customer_id == self.customer_id), None)
        pending = latest is not None and latest.status == "pending"
        self.request_button.setEnabled(not pending)
        if latest is None:
            self.status_label.clear()
            return
        text = self.tr("Your latest request (%1): %2.").replace("%1", fmt_datetime(latest.requested_at)) \
            .replace("%2", cm.request_status(access.status_of(latest)))
        if latest.decision_note:
            text += " " + self.tr("Note: %1").replace("%1", latest.decision_note)
        self.status_label.setText(text)

    def request_access(self) -> None:
        dialog = RequestAccessDialog(self.ctx, self.customer_id, self.row.name, self)
        dialog.exec()
        dialog.deleteLater()
        self._show_status()


def _request_columns(mine: bool) -> list[Column]:
    cols = [Column(QCoreApplication.translate("customer_models", "Asked"), lambda q: fmt_datetime(q.requested_at), width=125),
            Column(QCoreApplication.translate("customer_models", "Customer"), lambda q: f"{q.customer.code} {q.customer.name}", width=240)]
    if not mine:
        cols.append(Column(QCoreApplication.translate("customer_models", "Who"), lambda q: q.requester.display_name, width=80))
    cols += [Column(QCoreApplication.translate("customer_models", "Days"), lambda q: q.days, width=45),
             Column(QCoreApplication.translate("customer_models", "Reason"), lambda q: short(q.reason), width=220, tooltip=lambda q: q.reason)]
    if mine:
        cols += [Column(QCoreApplication.translate("customer_models", "Status"), lambda q: cm.request_status(access.status_of(q)), width=130,
                        foreground=lambda q: {"granted": "#2e7d32", "refused": "#c62828"}.get(access.status_of(q))),
                 Column(QCoreApplication.translate("customer_models", "Until"), lambda q: fmt_datetime(q.valid_until), width=125),
                 Column(QCoreApplication.translate("customer_models", "Note"), lambda q: q.decision_note, tooltip=lambda q: q.decision_note or None)]
    return cols


class AccessRequestsDialog(QDialog):
    """Requests waiting for this user's decision, and this user's own requests."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Access requests"))
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs)
        decide = QWidget()
        v = QVBoxLayout(decide)
        self.pending_model = ListTableModel(_request_columns(mine=False), parent=self)
        self.pending_view = QTableView()
        setup_view(self.pending_view, self.pending_model)
        v.addWidget(self.pending_view)
        row = QHBoxLayout()
        self.days = QSpinBox(minimum=1, maximum=MAX_DAYS, value=7)
        self.days.setSuffix(self.tr(" days"))
        self.note = QLineEdit(placeholderText=self.tr("Note to the requester (required to refuse)"))
        apply_limit(self.note, AccessRequest.decision_note)
        self.grant_button = QPushButton(self.tr("&Grant"))
        self.refuse_button = QPushButton(self.tr("&Refuse"))
        for w in (QLabel(self.tr("For:")), self.days, self.note, self.grant_button, self.refuse_button):
            row.addWidget(w)
        v.addLayout(row)
        self.tabs.addTab(decide, self.tr("To decide"))
        self.mine_model = ListTableModel(_request_columns(mine=True), parent=self)
        self.mine_view = QTableView()
        setup_view(self.mine_view, self.mine_model)
        self.tabs.addTab(self.mine_view, self.tr("My requests"))
        in_force = QWidget()
        v = QVBoxLayout(in_force)
        self.granted_model = ListTableModel(_request_columns(mine=False), parent=self)
        self.granted_view = QTableView()
        setup_view(self.granted_view, self.granted_model)
        v.addWidget(self.granted_view)
        row = QHBoxLayout()
        self.revoke_note = QLineEdit(placeholderText=self.tr("Why the access ends early (optional)"))
        apply_limit(self.revoke_note, AccessRequest.decision_note)
        self.revoke_button = QPushButton(self.tr("Re&voke"))
        row.addWidget(self.revoke_note)
        row.addWidget(self.revoke_button)
        v.addLayout(row)
        self.tabs.addTab(in_force, self.tr("Granted, in force"))
        self.revoke_button.clicked.connect(self.revoke)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.grant_button.clicked.connect(self.grant)
        self.refuse_button.clicked.connect(self.refuse)
        self.pending_view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.reload()
        if not self.pending_model.rowCount():
            self.tabs.setCurrentIndex(1)
        self.resize(900, 460)

    def reload(self) -> None:
        pending = ops.run(self, access.requests_to_decide, self.ctx.user)
        self.pending_model.set_rows(pending.value if pending.ok else [])
        mine = ops.run(self, access.my_requests, self.ctx.user)
        self.mine_model.set_rows(mine.value if mine.ok else [])
        granted = ops.run(self, access.grants_in_force, self.ctx.user)
        self.granted_model.set_rows(granted.value if granted.ok else [])
        if self.granted_model.rowCount():
            self.granted_view.setCurrentIndex(self.granted_model.index(0, 0))
        self.revoke_button.setEnabled(bool(self.granted_model.rowCount()))
        self.tabs.setTabText(0, self.tr("To decide (%1)").replace("%1", str(self.pending_model.rowCount())))
        if self.pending_model.rowCount():
            self.pending_view.setCurrentIndex(self.pending_model.index(0, 0))
        self._current_changed()

    def _current_changed(self, *_args) -> None:
        req = self.current_request()
        self.grant_button.setEnabled(req is not None)
        self.refuse_button.setEnabled(req is not None)
        if req is not None:
            self.days.setValue(req.days)

    def current_request(self):
        return self.pending_model.object_at(self.pending_view.currentIndex().row())

    def grant(self) -> bool:
        req = self.current_request()
        if req is None:
            return False
        result = ops.run(self, access.grant, self.ctx.user, req.id, self.days.value(), self.note.text(),
                         show_validation=True)
        return self._done(result)

    def refuse(self) -> bool:
        req = self.current_request()
        if req is None:
            return False
        if not self.note.text().strip():
            self.note.setFocus()
            self.note.setPlaceholderText(self.tr("Say why the request is refused"))
            return False
        result = ops.run(self, access.refuse, self.ctx.user, req.id, self.note.text(), show_validation=True)
        return self._done(result)

    def revoke(self) -> bool:
        """End the selected access now (the requester sees the archive no more)."""
        req = self.granted_model.object_at(self.granted_view.currentIndex().row())
        if req is None:
            return False
        result = ops.run(self, access.revoke, self.ctx.user, req.id, self.revoke_note.text(), show_validation=True)
        self.revoke_note.clear()
        self.reload()
        return result.ok

    def _done(self, result) -> bool:
        self.note.clear()
        self.reload()       # decided meanwhile at another station: the list shows it gone
        return result.ok


class AccessLogDialog(QDialog):
    """Who viewed, printed, exported or imported what, and refused attempts."""

    def __init__(self, ctx, customer_id: int | None = None, parent=None):
        super().__init__(parent)
        self.ctx, self.customer_id = ctx, customer_id
        self.setWindowTitle(self.tr("Access log"))
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.user_combo = QComboBox()
        self.user_combo.addItem(self.tr("Everyone"), None)
        for user in ops.run(self, users.active_users).value or []:
            self.user_combo.addItem(user.display_name, user.id)
        self.customer_check = QCheckBox(self.tr("This customer only"))
        self.customer_check.setVisible(customer_id is not None)
        self.customer_check.setChecked(customer_id is not None)
        self.find = QLineEdit(placeholderText=self.tr("Customer code or name"), clearButtonEnabled=True)
        label = QLabel(self.tr("&User:"))
        label.setBuddy(self.user_combo)
        for w in (label, self.user_combo, self.customer_check, self.find):
            bar.addWidget(w)
        layout.addLayout(bar)
        self.model = ListTableModel(cm.log_columns(with_customer=True), parent=self)
        self.view = QTableView()
        setup_view(self.view, self.model)
        layout.addWidget(self.view)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.user_combo.currentIndexChanged.connect(self.reload)
        self.customer_check.toggled.connect(self.reload)
        self.find.textChanged.connect(self.reload)
        self.reload()
        self.resize(900, 520)

    def reload(self) -> None:
        customer = self.customer_id if self.customer_check.isChecked() else None
        result = ops.run(self, access.read_log, self.ctx.user, customer, self.user_combo.currentData())
        rows = result.value if result.ok else []
        # The domain filters by customer id only; a typed code or name narrows the rows read.
        needle = self.find.text().strip().lower()
        if needle:
            rows = [e for e in rows if e.customer_id and (needle in e.customer.code.lower()
                                                         or needle in e.customer.name.lower())]
        self.model.set_rows(rows)
