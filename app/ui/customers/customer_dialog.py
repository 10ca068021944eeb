"""Adding a customer at the counter (the full archive comes later).

What the clerk already typed into the search box is carried over: digits
become the phone number, anything else the name, so a customer who is not
found is added without typing the name twice.
"""
from __future__ import annotations

import re

from app.domain.customers import customers
from app.domain.customers.models import Customer
from app.ui.base import labels, ops
from app.ui.base.widgets import FieldErrors, make_error_label
from app.ui.qt import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget


class CustomerDialog(QDialog):
    """Name, phone, category and address; errors show beside the fields.

    After ``exec()`` returns Accepted, :attr:`customer` is the new customer.
    """

    def __init__(self, ctx, initial_text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.customer = None
        self.setWindowTitle(self.tr("New customer"))
        form = QFormLayout()
        self.name = QLineEdit()
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("e.g. 13800138000 or 010-62888899"))
        self.category = QComboBox()
        for code in customers.CATEGORIES:
            self.category.addItem(labels.category(code), code)
        self.category.setCurrentIndex(customers.CATEGORIES.index("end_user"))
        self.address = QLineEdit()
        self.errors = FieldErrors(fallback=make_error_label(self), limits=Customer)
        for label, name, widget in ((self.tr("&Name:"), "name", self.name),
                                    (self.tr("&Phone:"), "phone", self.phone),
                                    (self.tr("&Category:"), "category", self.category),
                                    (self.tr("&Address:"), "address", self.address)):
            self.errors.add_form_row(form, label, name, widget)
        text = initial_text.strip()
        if re.fullmatch(r"[\d\- +]{5,}", text):
            self.phone.setText(text)
        elif text and not re.fullmatch(r"[a-zA-Z]{1,6}", text):  # pinyin initials are no name
            self.name.setText(text)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors._fallback)
        layout.addWidget(buttons)
        self.resize(420, self.sizeHint().height())

    def save(self) -> None:
        result = ops.run(self, customers.create_customer, self.name.text(), self.phone.text(),
                         self.category.currentData(), self.address.text(), user=self.ctx.user, changed="customers")
        if not result.ok:
            self.errors.show(result.field_errors, focus=True)
            return
        self.customer = result.value
        self.accept()


def ask_new_customer(ctx, typed_text: str = "", parent: QWidget | None = None):
    """The new customer, or None if the clerk cancelled (the new-customer slot)."""
    dialog = CustomerDialog(ctx, typed_text, parent)
    dialog.exec()
    dialog.deleteLater()
    return dialog.customer
