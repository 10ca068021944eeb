"""The Activities page (服务活动, §3.3.3) of the Visit planning tab: the
service activities of a period by kind, organiser and text, with how many
customers and people took part; new / open / delete, the list printed
(服务活动一览表, A4 landscape) and exported.
"""
from __future__ import annotations

from app.domain.core import printed, users
from app.domain.field import activities
from app.ui.base import export, ops, prefs
from app.ui.base.table_models import CENTER, RIGHT, Column, ListTableModel, setup_view
from app.ui.base.widgets import colon, fmt_date
from app.ui.field.activity_dialog import ActivityDialog, kind_text
from app.ui.field.gifts_page import date_edit
from app.ui.qt import (QComboBox, QDate, QHBoxLayout, QKeySequence, QLabel, QLineEdit, QMessageBox, QPushButton,
                       QShortcut, Qt, QTableView, QTimer, QVBoxLayout, QWidget)


def _short(text: str, n: int = 60) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[:n - 1] + "…"


class ActivitiesPage(QWidget):
    """Service activities with their participants."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        today = QDate.currentDate()
        start = today.addMonths(-6)
        self.from_edit, self.to_edit = date_edit(QDate(start.year(), start.month(), 1)), date_edit(today.addMonths(1))
        self.kind = QComboBox()
        self.kind.addItem(self.tr("All kinds"), "")
        for code in activities.KINDS:
            self.kind.addItem(kind_text(code), code)
        self.staff = QComboBox()
        self.search = QLineEdit(placeholderText=self.tr("Number, title, place or customer"), clearButtonEnabled=True)
        for text, w in ((self.tr("From"), self.from_edit), (self.tr("To"), self.to_edit), (self.tr("Kind"), self.kind),
                        (self.tr("Organiser"), self.staff)):
            label = QLabel(colon(text))
            label.setBuddy(w)
            bar.addWidget(label)
            bar.addWidget(w)
        bar.addWidget(self.search, 1)
        layout.addLayout(bar)
        self.model = ListTableModel([
            Column(self.tr("Number"), lambda r: r.activity.number, width=118),
            Column(self.tr("Date"), lambda r: fmt_date(r.activity.date), align=CENTER, width=84,
                   tooltip=lambda r: (fmt_date(r.activity.date) + " – " + fmt_date(r.activity.end_date))
                   if r.activity.end_date else None),
            Column(self.tr("Kind"), lambda r: kind_text(r.activity.kind), width=170),
            Column(self.tr("Title"), lambda r: r.activity.title, width=230,
                   tooltip=lambda r: r.activity.description or None),
            Column(self.tr("Place"), lambda r: r.activity.place, width=110),
            Column(self.tr("Organiser"), lambda r: r.activity.staff.display_name if r.activity.staff_id else "",
                   width=70),
            Column(self.tr("Customers"), lambda r: r.customers, align=RIGHT, width=70),
            Column(self.tr("People"), lambda r: r.headcount, align=RIGHT, width=55),
            Column(self.tr("Participants"), lambda r: _short(r.names), tooltip=lambda r: r.names or None),
        ], parent=self)
        self.table = QTableView()
        setup_view(self.table, self.model)
        layout.addWidget(self.table, 1)
        self.total_label = QLabel()
        layout.addWidget(self.total_label)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("&New activity…"))
        self.open_button = QPushButton(self.tr("&Open"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.gift_button = QPushButton(self.tr("&Gift request…"))
        self.print_button = QPushButton(self.tr("&Print list"))
        self.export_button = QPushButton(self.tr("&Export…"))
        for b in (self.new_button, self.open_button, self.delete_button, self.gift_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.export_button)
        layout.addLayout(buttons)
        self.new_button.clicked.connect(self.new_activity)
        self.open_button.clicked.connect(self.open_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.gift_button.clicked.connect(self.gift_for_current)
        self.print_button.clicked.connect(self.print_list)
        self.export_button.clicked.connect(lambda: export.export_model(self, self.model, "service-activities"))
        self.table.activated.connect(lambda _index: self.open_current())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self._timer = QTimer(self, singleShot=True, interval=250, timeout=self.reload)
        self.search.textChanged.connect(self._timer.start)
        self.search.returnPressed.connect(self.reload)
        for w in (self.kind, self.staff):
            w.currentIndexChanged.connect(self.reload)
        for w in (self.from_edit, self.to_edit):
            w.dateChanged.connect(self._timer.start)
        shortcut = QShortcut(QKeySequence("Ctrl+R"), self, self.reload)
        shortcut.setContext(Qt.WidgetWithChildrenShortcut)
        ctx.on_change("field", self.reload, self)
        ctx.user_changed.connect(self._user_changed)
        self._user_changed()

    def _user_changed(self) -> None:
        self.staff.blockSignals(True)
        current = self.staff.currentData()
        self.staff.clear()
        self.staff.addItem(self.tr("Everyone"), None)
        for u in users.active_users():
            if u.role in ("business", "manager", "info_manager", "admin"):
                self.staff.addItem(u.display_name, u.id)
        self.staff.setCurrentIndex(max(0, self.staff.findData(current)))
        self.staff.blockSignals(False)
        self.new_button.setEnabled(self.ctx.can("activity.manage"))
        self.reload()

    def filters(self) -> dict:
        return dict(date_from=self.from_edit.date().toPython(), date_to=self.to_edit.date().toPython(),
                    kind=self.kind.currentData() or "", staff_id=self.staff.currentData(), text=self.search.text())

    def reload(self) -> None:
        self._timer.stop()
        keep = self.current()
        if self.ctx.user is None or not (self.ctx.can("activity.manage") or self.ctx.can("visit.all")):
            self.model.set_rows([])
        else:
            result = ops.run(self, activities.list_activities, self.ctx.user, **self.filters())
            self.model.set_rows(result.value if result.ok else [])
        rows = self.model._rows
        row = next((i for i, r in enumerate(rows) if keep is not None and r.activity.id == keep.activity.id),
                   0 if rows else -1)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))
        self.total_label.setText(self.tr("%n activity(ies)", "", len(rows)) + "  ·  "
                                 + self.tr("%n customer(s) taking part", "", sum(r.customers for r in rows)) + "  ·  "
                                 + self.tr("%n people", "", sum(r.headcount for r in rows)))
        self._update_buttons()

    def current(self):
        index = self.table.currentIndex()
        return self.model.object_at(index.row()) if index.isValid() else None

    def _update_buttons(self) -> None:
        r = self.current()
        manage = self.ctx.can("activity.manage")
        self.open_button.setEnabled(r is not None)
        self.delete_button.setEnabled(r is not None and manage)
        self.gift_button.setEnabled(r is not None and r.customers > 0 and self.ctx.can("gift.request"))
        self.gift_button.setVisible(self.ctx.can("gift.request"))

    def new_activity(self) -> None:
        self._open(None)

    def open_activity(self, activity_id: int) -> None:
        self._open(activity_id)

    def open_current(self) -> None:
        r = self.current()
        if r is not None:
            self._open(r.activity.id)

    def _open(self, activity_id: int | None) -> None:
        dialog = ActivityDialog(self.ctx, activity_id, self)
        dialog.exec()
        if dialog.changed and activity_id is None:
            for i, r in enumerate(self.model._rows):
                if r.activity.id == dialog.activity_id:
                    self.table.setCurrentIndex(self.model.index(i, 0))
        dialog.deleteLater()

    def delete_current(self) -> None:
        r = self.current()
        if r is None:
            return
        a = r.activity
        if QMessageBox.question(self, self.tr("Delete activity"), self.tr("Delete %1 (%2) and its participants?")
                                .replace("%1", a.number).replace("%2", a.title)) != QMessageBox.Yes:
            return
        ops.run(self, activities.delete_activity, self.ctx.user, a.id, a.version, changed="field")

    def gift_for_current(self) -> None:
        """A gift request for one of the activity's customers (samples handed out at a training...)."""
        from app.ui.field.gift_dialog import GiftDialog

        r = self.current()
        if r is None:
            return
        dialog = GiftDialog(self.ctx, activity_id=r.activity.id, parent=self)
        dialog.exec()
        dialog.deleteLater()

    def print_list(self) -> None:
        from app.ui.base import print_service

        f = self.filters()
        words = [x for x in (self.kind.currentText() if f["kind"] else "",
                             self.staff.currentText() if f["staff_id"] else "", f["text"].strip()) if x]
        result = ops.run(self, activity_list_pdf, self.ctx.user, f, "；".join(words), prefs.get("print_language"))
        if result.ok:
            print_service.print_pdf(self, result.value, "voucher", self.tr("Service activities"), preview=True)


def activity_list_pdf(user, filters: dict, words: str, lang: str) -> bytes:
    from app.printing.field import gift_print  # reportlab loads on first use

    data = activities.list_print_data(user, filters=words, **filters)
    return printed.laid_out(gift_print.render_activity_list, data, lang=lang, font=prefs.get("font_path") or None)
