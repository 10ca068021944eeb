"""File › Users: the administrator's list of users and what he does to them.

Every button calls one service of :mod:`app.domain.core.auth` through
:func:`app.ui.base.ops.run`, as the signed-in user: the domain refuses anyone
without "users.manage", whatever this dialog shows. A company has tens of
users, not thousands: a QTableWidget filled at once is enough here.
"""
from __future__ import annotations

from app.domain.core import auth
from app.domain.core.models import User
from app.domain.core.permissions import ROLES
from app.ui.base import labels, ops
from app.ui.base.widgets import FieldErrors, fmt_datetime, make_error_label
from app.ui.qt import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                       QHeaderView, QInputDialog, QLineEdit, QPushButton, Qt, QTableWidget, QTableWidgetItem,
                       QVBoxLayout, QWidget)
from app.ui.shell.password_dialog import PasswordDialog


class UsersDialog(QDialog):
    """List users (role, active, locked, last sign-in) and manage them."""

    COLUMNS = ("username", "display_name", "role", "state", "last_login")

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.users: list = []
        self.setWindowTitle(self.tr("Users"))
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr("User name"), self.tr("Name"), self.tr("Role"),
                                              self.tr("State"), self.tr("Last sign-in")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.buttons = {}
        for key, text, slot in (("add", self.tr("&Add user…"), self.add_user),
                                ("role", self.tr("Set &role…"), self.set_role),
                                ("password", self.tr("Reset &password…"), self.reset_password),
                                ("unlock", self.tr("&Unlock"), self.unlock),
                                ("active", self.tr("&Disable"), self.toggle_active)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
            self.buttons[key] = button
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.Close)
        close.rejected.connect(self.reject)
        row.addWidget(close)
        layout.addLayout(row)
        self.reload()
        self.resize(760, 420)

    # -- the list ---------------------------------------------------------------------
    def state_text(self, user) -> str:
        if not user.active:
            return self.tr("disabled")
        if auth.is_locked(user):
            return self.tr("%n wrong password(s), waits until {0}", "", user.failed_logins).format(
                user.locked_until.strftime("%H:%M:%S"))
        if not user.password_hash:
            return self.tr("no password yet")
        if user.must_change_password:
            return self.tr("must change password")
        if user.failed_logins:
            return self.tr("%n wrong password(s)", "", user.failed_logins)
        return self.tr("active")

    def reload(self, select_id: int | None = None) -> None:
        result = ops.run(self, auth.list_users, self.ctx.user)
        self.users = result.value if result.ok else []
        self.table.setRowCount(len(self.users))
        for r, user in enumerate(self.users):
            values = (user.username, user.display_name, labels.role(user.role), self.state_text(user),
                      fmt_datetime(user.last_login_at))
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.UserRole, user.id)
                self.table.setItem(r, c, item)
            if user.id == select_id:
                self.table.selectRow(r)
        self._update_buttons()

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.users[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        user = self.selected()
        for key in ("role", "password", "unlock", "active"):
            self.buttons[key].setEnabled(user is not None)
        if user is not None:
            self.buttons["unlock"].setEnabled(auth.is_locked(user) or user.failed_logins > 0)
            self.buttons["active"].setText(self.tr("&Disable") if user.active else self.tr("&Enable"))

    def _done(self, result, user_id: int | None) -> bool:
        if result.ok:
            self.reload(user_id)
        return result.ok

    # -- actions ------------------------------------------------------------------------
    def add_user(self) -> None:
        dialog = AddUserDialog(self.ctx, self)
        if dialog.exec() and dialog.user is not None:
            self.reload(dialog.user.id)
        dialog.deleteLater()

    def set_role(self) -> None:
        user = self.selected()
        if user is None:
            return
        names = [labels.role(r) for r in ROLES]
        name, ok = QInputDialog.getItem(self, self.tr("Set role"), self.tr("Role of {0}:").format(user.display_name),
                                        names, ROLES.index(user.role) if user.role in ROLES else 0, False)
        if ok:
            result = ops.run(self, auth.set_role, self.ctx.user, user, ROLES[names.index(name)],
                             show_validation=True)
            self._done(result, user.id)

    def reset_password(self) -> None:
        user = self.selected()
        if user is None:
            return
        intro = self.tr("A new password for {0}. Tell it to {0}, who must choose his own at the next "
                        "sign-in. This also unlocks the account.").format(user.display_name)
        dialog = PasswordDialog(lambda _old, new: auth.set_password(self.ctx.user, user, new),
                                ask_old=False, intro=intro, parent=self)
        if dialog.exec():
            self.reload(user.id)
        dialog.deleteLater()

    def unlock(self) -> None:
        user = self.selected()
        if user is not None:
            self._done(ops.run(self, auth.unlock, self.ctx.user, user), user.id)

    def toggle_active(self) -> None:
        user = self.selected()
        if user is not None:
            service = auth.deactivate if user.active else auth.reactivate
            self._done(ops.run(self, service, self.ctx.user, user, show_validation=True), user.id)


class AddUserDialog(QDialog):
    """Name, user name, role and a first password (he changes it at his first sign-in)."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.user = ctx, None
        self.setWindowTitle(self.tr("Add user"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        other_errors = make_error_label(self)
        self.errors = FieldErrors(fallback=other_errors, limits=User)
        self.display_name = self._row(form, self.tr("&Name:"), "display_name", QLineEdit())
        self.username = self._row(form, self.tr("&User name:"), "username", QLineEdit())
        self.role = self._row(form, self.tr("&Role:"), "role", QComboBox())
        for code in ROLES:
            self.role.addItem(labels.role(code), code)
        self.role.setCurrentIndex(self.role.findData("counter"))
        self.password = self._row(form, self.tr("First &password:"), "password", QLineEdit())
        self.password.setEchoMode(QLineEdit.Password)
        self.password.setPlaceholderText(self.tr("at least {0} characters").format(auth.MIN_PASSWORD_LENGTH))
        layout.addWidget(other_errors)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _row(self, form, text, name, widget):
        widget.setObjectName(name)
        return self.errors.add_form_row(form, text, name, widget)

    def save(self) -> None:
        result = ops.run(self, auth.create_user, self.ctx.user, self.username.text(), self.display_name.text(),
                         self.role.currentData(), self.password.text())
        if not result.ok:
            if result.field_errors:
                self.errors.show(result.field_errors, focus=True)
            return
        self.user = result.value
        self.accept()
