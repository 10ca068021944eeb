"""Signing in at start, after "Sign out / switch user", and the first start.

:func:`sign_in_flow` is the whole sequence: the first administrator when
the database has none that can sign in (a new database, or one upgraded
from version 1), then the sign-in box, then a new password if the
administrator set the current one. The last user name is remembered per
station and filled in; the password never is.

The dialogs are built in code, not in Designer: three fields each, and the
sign-in box must stay small enough to open in the blink of the start-up.
"""
from __future__ import annotations

from app.domain.core import auth
from app.ui.base import ops, prefs
from app.ui.base.widgets import FieldErrors, make_error_label, prepare_error_label
from app.ui.qt import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

LAST_USERNAME_KEY = "signin/last_username"   # QSettings key of this station


def last_username() -> str:
    return str(prefs.raw().value(LAST_USERNAME_KEY, "") or "")


def remember_username(username: str) -> None:
    prefs.raw().setValue(LAST_USERNAME_KEY, username)


class SignInDialog(QDialog):
    """User name and password; Enter signs in; :attr:`user` once it worked.
    A refusal (wrong password, locked, disabled) shows under the fields and
    the dialog stays open."""

    def __init__(self, username: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.user = None
        self.setWindowTitle(self.tr("Sign in — csdesk"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.username = QLineEdit(username)
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.Password)
        form.addRow(self.tr("&User name:"), self.username)
        form.addRow(self.tr("&Password:"), self.password)
        self.message = QLabel()
        self.message.setObjectName("message")
        prepare_error_label(self.message)
        form.addRow("", self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("&Sign in"))
        self.buttons.accepted.connect(self.attempt)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.username.textEdited.connect(lambda _t: self.message.hide())
        self.password.textEdited.connect(lambda _t: self.message.hide())
        (self.password if username else self.username).setFocus()
        self.resize(360, self.sizeHint().height())

    def attempt(self) -> None:
        """Sign in with what is typed; on failure show why, beside the fields."""
        result = ops.run(self, _sign_in_or_refusal, self.username.text(), self.password.text())
        if not result.ok:
            return
        user, refusal = result.value
        if refusal is not None:
            self.message.setText(ops.translated(refusal.message))
            self.message.show()
            self.password.clear()
            (self.username if not self.username.text().strip() else self.password).setFocus()
            return
        self.user = user
        self.accept()

    @classmethod
    def ask(cls, parent=None, username: str = ""):
        """The signed-in user, or None if the dialog was cancelled."""
        dialog = cls(username, parent)
        ok = dialog.exec()
        dialog.deleteLater()
        return dialog.user if ok else None


def _sign_in_or_refusal(username: str, password: str):
    # A refusal is the dialog's message, not a message box: return it.
    try:
        return auth.sign_in(username, password), None
    except auth.SignInFailed as exc:
        return None, exc


class FirstAdminDialog(QDialog):
    """The first start: who administers csdesk here (or, on a database
    upgraded from version 1, the password of its administrator)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.user = None
        candidate = auth.first_admin_candidate()
        self.setWindowTitle(self.tr("Set up the administrator — csdesk"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "This database has no administrator who can sign in yet. Choose the administrator's "
            "name and password; the administrator then adds the other users in File › Users.")
            if candidate is None else self.tr(
            "csdesk now signs users in with a password. Set the password of the administrator "
            "{0}; the administrator then gives the other users their passwords in File › Users.")
            .format(candidate.display_name))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)
        other_errors = make_error_label(self)
        self.errors = FieldErrors(fallback=other_errors)
        self.display_name = self._field(form, self.tr("&Name:"), "display_name",
                                        candidate.display_name if candidate else "")
        self.username = self._field(form, self.tr("&User name:"), "username",
                                    candidate.username if candidate else "admin")
        self.password = self._field(form, self.tr("&Password:"), "password", password=True)
        self.password.setPlaceholderText(self.tr("at least {0} characters").format(auth.MIN_PASSWORD_LENGTH))
        self.repeat = self._field(form, self.tr("&Repeat it:"), "repeat", password=True)
        layout.addWidget(other_errors)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.password if candidate else self.display_name).setFocus()

    def _field(self, form, text: str, name: str, value: str = "", password: bool = False) -> QLineEdit:
        edit = QLineEdit(value)
        edit.setObjectName(name)
        if password:
            edit.setEchoMode(QLineEdit.Password)
        return self.errors.add_form_row(form, text, name, edit)

    def save(self) -> None:
        if self.password.text() != self.repeat.text():
            self.errors.show({"repeat": self.tr("The two passwords differ.")})
            self.repeat.setFocus()
            return
        result = ops.run(self, auth.create_first_admin, self.username.text(), self.display_name.text(),
                         self.password.text())
        if not result.ok:
            if result.field_errors:
                self.errors.show(result.field_errors, focus=True)
            return
        self.user = result.value
        self.accept()

    @classmethod
    def ask(cls, parent=None):
        """The new administrator (signed in), or None if cancelled."""
        dialog = cls(parent)
        ok = dialog.exec()
        dialog.deleteLater()
        return dialog.user if ok else None


def sign_in_flow(parent=None):
    """The user who may work at this station now, or None (cancelled).

    First administrator if needed, sign-in, and a forced password change
    after an administrator's reset; cancelling that change returns to the
    sign-in box (the account is not used with a password someone else knows).
    """
    if auth.needs_first_admin():
        user = FirstAdminDialog.ask(parent)
        if user is not None:
            remember_username(user.username)
        return user
    from app.ui.shell.password_dialog import PasswordDialog

    username = last_username()
    while True:
        user = SignInDialog.ask(parent, username)
        if user is None:
            return None
        remember_username(user.username)
        if not user.must_change_password:
            return user
        changed = PasswordDialog.change_own(parent, user, forced=True)
        if changed is not None:
            return changed
        username = user.username
