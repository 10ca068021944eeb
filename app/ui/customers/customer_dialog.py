"""Adding a customer at the counter (the full archive comes later).

What the clerk already typed into the search box is carried over: digits
become the phone number, anything else the name, so a customer who is not
found is added without typing the name twice. A number another customer
has already shows a note under the phone field (a likely duplicate); the
save is not refused.
"""
from __future__ import annotations

import re

from app.domain.core import phones
from app.domain.customers import customers
from app.domain.customers.models import Customer
from app.ui.base import labels, ops
from app.ui.base.widgets import FieldErrors, make_error_label
from app.ui.customers.phone_note import SamePhoneNote
from app.ui.qt import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget


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
        self.phone.setPlaceholderText(self.tr("e.g. 13800138000, 010-62551234 or 010-62551234 ext. 8001"))
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
            if name == "phone":
                self.same_phone = SamePhoneNote(self.phone, self)
                form.addRow("", self.same_phone)
        text = initial_text.strip()
        if re.fullmatch(r"[\d\- +()（）]{5,}", text) or (text and phones.check(text)[1] is None):
            self.phone.setText(text)
            self.same_phone.refresh()
        elif text and not re.fullmatch(r"[a-zA-Z]{1,6}", text):  # pinyin initials are no name
            self.name.setText(text)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        # §2.2: say beforehand that a trade partner added here waits for the manager.
        self.investigation_note = QLabel(self.tr(
            "A dealer, retailer or agent is added under investigation: it becomes a customer when the "
            "manager approves it in New customer selection."))
        self.investigation_note.setWordWrap(True)
        layout.addWidget(self.investigation_note)
        self.category.currentIndexChanged.connect(self._update_note)
        self._update_note()
        layout.addWidget(self.errors._fallback)
        layout.addWidget(buttons)
        self.resize(420, self.sizeHint().height())

    def _update_note(self) -> None:
        may_decide = self.ctx.can("customer.select.decide") or self.ctx.can("customer.archive.edit")
        self.investigation_note.setVisible(self.category.currentData() in customers.TRADE_CATEGORIES
                                           and not may_decide)

    def save(self) -> None:
        self.same_phone.refresh()   # shown (if the number is known) before the save; never refuses it
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
