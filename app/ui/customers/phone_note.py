"""The note under a new customer's phone field: which customers already
have this number, however either was written (issue 11). It warns and
never blocks: the clerk decides whether it is the same customer.
"""
from __future__ import annotations

from app.domain.core.errors import CsdeskError
from app.domain.customers import customers
from app.ui.qt import QLabel, QLineEdit, Qt, QTimer, QWidget

NOTE_STYLE = "color: #8d6e00;"
SHOWN = 3


class SamePhoneNote(QLabel):
    """Follows ``edit`` (a phone field): a moment after the typing stops, and
    when the field is left, shows the customers who have the number already
    (:func:`app.domain.customers.customers.with_phone`); hidden otherwise."""

    def __init__(self, edit: QLineEdit, parent: QWidget | None = None, exclude_id: int | None = None):
        super().__init__(parent)
        self.edit, self.exclude_id = edit, exclude_id
        self.found: list = []
        self.setStyleSheet(NOTE_STYLE)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.hide()
        self._timer = QTimer(self, singleShot=True, interval=300)
        self._timer.timeout.connect(self.refresh)
        edit.textChanged.connect(lambda _t: self._timer.start())
        edit.editingFinished.connect(self.refresh)

    def refresh(self) -> list:
        """Look the number up now; returns the customers found."""
        self._timer.stop()
        try:
            self.found = customers.with_phone(self.edit.text(), self.exclude_id, limit=SHOWN + 1)
        except CsdeskError:   # the server away: the save will say so
            self.found = []
        if not self.found:
            self.clear()
            self.hide()
            return []
        names = "、".join(f"{c.code} {c.name}" for c in self.found[:SHOWN])
        if len(self.found) > SHOWN:
            names += " " + self.tr("and others")
        self.setText(self.tr("Already the number of %1. Check that this is not the same customer; "
                             "you may still save.").replace("%1", names))
        self.show()
        return self.found
