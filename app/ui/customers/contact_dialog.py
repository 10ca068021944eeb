"""Adding or editing one contact or address of an archive, checked with the
domain's rules (app.domain.customers.archive_fields) before it joins the
archive's list; the archive saves the lists with its other fields."""
from __future__ import annotations

from app.domain.customers.archive_fields import ADDRESS_KINDS, parse_address, parse_contact
from app.domain.customers.models import CustomerAddress, CustomerContact
from app.ui.base import ops
from app.ui.base.widgets import FieldErrors, colon, make_error_label
from app.ui.customers import models as cm
from app.ui.qt import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QPlainTextEdit


class ContactDialog(QDialog):
    """Add or edit one contact or address; checked with the domain's rules."""

    CONTACT = ("name", "title", "phone", "mobile", "email", "wechat", "is_primary", "notes")
    ADDRESS = ("kind", "address", "postcode", "is_primary")

    def __init__(self, kind: str, values: dict, parent=None):
        super().__init__(parent)
        self.kind = kind
        self.setWindowTitle(self.tr("Contact") if kind == "contacts" else self.tr("Address"))
        form = QFormLayout(self)
        self.errors = FieldErrors(make_error_label(self),
                                  limits=CustomerContact if kind == "contacts" else CustomerAddress)
        self.widgets = {}
        for name in (self.CONTACT if kind == "contacts" else self.ADDRESS):
            if name == "is_primary":
                w = QCheckBox(self.tr("Primary"))
                w.setChecked(bool(values.get(name)))
            elif name == "kind":
                w = QComboBox()
                for code in ADDRESS_KINDS:
                    w.addItem(cm.address_kind(code), code)
                w.setCurrentIndex(max(0, w.findData(values.get("kind", "office"))))
            elif name == "notes":
                w = QPlainTextEdit(values.get(name, ""), tabChangesFocus=True)
                w.setMaximumHeight(70)
            else:
                w = QLineEdit(values.get(name, ""))
            self.errors.add_form_row(form, colon(cm.field_label(name)), name, w)
            self.widgets[name] = w
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.values = None
        self.resize(440, self.sizeHint().height())

    def raw(self) -> dict:
        out = {}
        for name, w in self.widgets.items():
            out[name] = (w.isChecked() if isinstance(w, QCheckBox) else w.currentData() if isinstance(w, QComboBox)
                         else w.toPlainText() if isinstance(w, QPlainTextEdit) else w.text())
        return out

    def check(self) -> None:
        parse = parse_contact if self.kind == "contacts" else parse_address
        result = ops.run(self, parse, self.raw())
        if not result.ok:
            return
        values, errors = result.value
        if errors:
            first = self.errors.show({k: ops.translated(v) for k, v in errors.items()})
            if first is not None:
                first.setFocus()
            return
        self.values = values
        self.accept()

    @classmethod
    def ask(cls, parent, kind: str, values: dict) -> dict | None:
        dialog = cls(kind, values, parent)
        dialog.exec()
        dialog.deleteLater()
        return dialog.values
