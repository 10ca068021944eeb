"""A record's history as every book shows it: when, who, what, the change
(old → new) and the note, oldest first; the rows are the history rows of
app.domain.core.records (one shape for every book). Each book names its
``what`` codes and, where a value is a code, its label."""
from __future__ import annotations

from collections.abc import Callable

from app.ui.base.table_models import Column, ListTableModel, setup_view
from app.ui.base.widgets import fmt_datetime
from app.ui.qt import QDialog, QDialogButtonBox, QTableView, QVBoxLayout


def change_text(old: str, new: str) -> str:
    """"old → new"; a value only set or only removed shows alone."""
    if old and new:
        return f"{old} → {new}"
    return new or old


class HistoryModel(ListTableModel):
    """``HistoryModel(what_label, value_label)``: ``what_label(code)`` names a
    change; ``value_label(code, value)`` shows a value (a state's label, say)."""

    def __init__(self, what_label: Callable[[str], str],
                 value_label: Callable[[str, str], str] | None = None, parent=None):
        value = value_label or (lambda _what, v: v)

        def change(h) -> str:
            return change_text(value(h.what, h.old_value) if h.old_value else "",
                               value(h.what, h.new_value) if h.new_value else "")

        super().__init__([
            Column(self.tr("When"), lambda h: fmt_datetime(h.at), width=130),
            Column(self.tr("Who"), lambda h: h.user.display_name if h.user_id else "", width=80),
            Column(self.tr("What"), lambda h: what_label(h.what), width=120),
            Column(self.tr("Change"), lambda h: " ".join(change(h).split()), width=240,
                   tooltip=lambda h: change(h) or None),
            Column(self.tr("Note"), lambda h: " ".join(h.note.split()), tooltip=lambda h: h.note or None),
        ], parent=parent)


class HistoryDialog(QDialog):
    """A record's history in a window of its own (a "History…" button)."""

    def __init__(self, title: str, rows: list, what_label, value_label=None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.model = HistoryModel(what_label, value_label, self)
        self.view = QTableView()
        setup_view(self.view, self.model)
        self.view.setSortingEnabled(False)
        self.model.set_rows(rows)
        layout.addWidget(self.view)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 360)

    @classmethod
    def show_rows(cls, parent, title: str, rows: list, what_label, value_label=None) -> None:
        dialog = cls(title, rows, what_label, value_label, parent)
        dialog.exec()
        dialog.deleteLater()
