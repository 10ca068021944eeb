"""A new password, typed twice: the user's own change (with his current
password) or the administrator's reset of someone else's.

The dialog calls ``submit(old, new)`` (a domain service, through
:func:`app.ui.base.ops.run`) and shows its field errors beside the fields; it
closes only when the service succeeded.
"""
from __future__ import annotations

from app.domain.core import auth
from app.ui.base import ops
from app.ui.base.widgets import FieldErrors, make_error_label
from app.ui.qt import QCoreApplication, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget


class PasswordDialog(QDialog):
    """``PasswordDialog(submit, ask_old=True, intro="")``; :attr:`user` is
    what ``submit`` returned once it succeeded."""

    def __init__(self, submit, *, ask_old: bool = True, intro: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.submit, self.user = submit, None
        self.setWindowTitle(self.tr("Change password") if ask_old else self.tr("Set a password"))
        layout = QVBoxLayout(self)
        if intro:
            label = QLabel(intro)
            label.setWordWrap(True)
            layout.addWidget(label)
        form = QFormLayout()
        layout.addLayout(form)
        other_errors = make_error_label(self)
        self.errors = FieldErrors(fallback=other_errors)
        self.old = self._password_field(form, self.tr("&Current password:"), "old_password") if ask_old else None
        self.new = self._password_field(form, self.tr("&New password:"), "password")
        self.new.setPlaceholderText(self.tr("at least {0} characters").format(auth.MIN_PASSWORD_LENGTH))
        self.repeat = self._password_field(form, self.tr("&Repeat it:"), "repeat")
        layout.addWidget(other_errors)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.old or self.new).setFocus()

    def _password_field(self, form: QFormLayout, text: str, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setEchoMode(QLineEdit.Password)
        edit.setObjectName(name)
        return self.errors.add_form_row(form, text, name, edit)

    def save(self) -> None:
        new = self.new.text()
        if new != self.repeat.text():
            self.errors.show({"repeat": self.tr("The two passwords differ.")})
            self.repeat.selectAll()
            self.repeat.setFocus()
            return
        result = ops.run(self, self.submit, self.old.text() if self.old is not None else "", new)
        if not result.ok:
            first = self.errors.show(result.field_errors) if result.field_errors else None
            if first is not None:
                first.setFocus()
                first.selectAll()
            return
        self.user = result.value
        self.accept()

    @classmethod
    def change_own(cls, parent, user, *, forced: bool = False):
        """Ask ``user`` for a new password; the updated user, or None if cancelled."""
        intro = QCoreApplication.translate(
            "PasswordDialog", "The administrator set your password. Choose your own before you go on.") \
            if forced else ""
        dialog = cls(lambda old, new: auth.change_password(user, old, new), intro=intro, parent=parent)
        ok = dialog.exec()
        dialog.deleteLater()
        return dialog.user if ok else None

