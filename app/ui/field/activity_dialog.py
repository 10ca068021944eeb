"""One service activity (服务活动, §3.3.3): what, when, where, who organised
it, and the customers who took part with the people who came.

Customers are added one by one through the search box (as at intake), or
many at once with :class:`PickCustomersDialog`: the overview's category,
region and text filters, every matching customer ticked (new-product
information sent to all dealers of a region). Saved in one transaction
with the version read; deleting is offered while no gift request points
to the activity.
"""
from __future__ import annotations

from app.domain.core import users
from app.domain.customers import customers, overview
from app.domain.field import activities
from app.domain.field.activities import ParticipantInput
from app.domain.field.models import ActivityParticipant, ServiceActivity
from app.ui.base import labels, ops
from app.ui.base.widgets import FieldErrors, SearchPopup, apply_limit, colon, make_error_label
from app.ui.qt import (QAbstractItemView, QComboBox, QDate, QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
                       QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListWidget, QListWidgetItem, QMessageBox,
                       QPlainTextEdit, QPushButton, QSpinBox, Qt, QTableWidget, QTableWidgetItem, QVBoxLayout)


def kind_text(code: str) -> str:
    return ops.translated(activities.kind_label(code))


class PickCustomersDialog(QDialog):
    """Tick many customers by category, region and text; :meth:`chosen` gives their ids."""

    LIMIT = 500

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Add customers"))
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.category = QComboBox()
        self.category.addItem(self.tr("All categories"), "")
        for code in customers.CATEGORIES:
            self.category.addItem(labels.category(code), code)
        self.region = QComboBox()
        self.region.addItem(self.tr("All regions"), "")
        for r in overview.regions():
            self.region.addItem(r, r)
        self.text = QLineEdit(placeholderText=self.tr("Name, code, phone or pinyin initials"), clearButtonEnabled=True)
        for w in (self.category, self.region):
            bar.addWidget(w)
            w.currentIndexChanged.connect(self.reload)
        bar.addWidget(self.text, 1)
        self.text.returnPressed.connect(self.reload)
        layout.addLayout(bar)
        self.list = QListWidget()
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.count = QLabel()
        all_button, none_button = QPushButton(self.tr("Tick &all")), QPushButton(self.tr("&Untick all"))
        all_button.clicked.connect(lambda: self._tick(True))
        none_button.clicked.connect(lambda: self._tick(False))
        row.addWidget(self.count, 1)
        row.addWidget(all_button)
        row.addWidget(none_button)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Add ticked"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for b in (all_button, none_button):
            b.setAutoDefault(False)
        self.reload()
        self.resize(620, 520)

    def reload(self) -> None:
        flt = overview.OverviewFilter(text=self.text.text(), category=self.category.currentData(),
                                      region=self.region.currentData())
        result = ops.run(self, lambda: overview.query(self.ctx.user, flt, sort="name").page(0, self.LIMIT + 1))
        rows = result.value if result.ok else []
        self.list.clear()
        for r in rows[:self.LIMIT]:
            item = QListWidgetItem("  ·  ".join(x for x in (r.name, r.code, labels.category(r.category), r.region)
                                               if x))
            item.setData(Qt.UserRole, r.id)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked if flt.category or flt.region else Qt.Unchecked)
            self.list.addItem(item)
        text = self.tr("%n customer(s)", "", min(len(rows), self.LIMIT))
        if len(rows) > self.LIMIT:
            text += "  ·  " + self.tr("only the first %1 shown; narrow the filter").replace("%1", str(self.LIMIT))
        self.count.setText(text)

    def _tick(self, on: bool) -> None:
        for i in range(self.list.count()):
            self.list.item(i).setCheckState(Qt.Checked if on else Qt.Unchecked)

    def chosen(self) -> list[tuple[int, str]]:
        """(id, name) of the ticked customers."""
        out = []
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.checkState() == Qt.Checked:
                out.append((item.data(Qt.UserRole), item.text().split("  ·  ")[0]))
        return out


class ActivityDialog(QDialog):
    """A new activity (``activity_id`` None) or an existing one; :attr:`changed` after a save or delete."""

    def __init__(self, ctx, activity_id: int | None = None, parent=None):
        super().__init__(parent)
        self.ctx, self.activity_id, self.file, self.changed = ctx, activity_id, None, False
        self.may_edit = ctx.can("activity.manage")
        self.setWindowTitle(self.tr("New service activity") if activity_id is None else self.tr("Service activity"))
        layout = QVBoxLayout(self)
        self.header = QLabel()
        layout.addWidget(self.header)
        form = QFormLayout()
        layout.addLayout(form)
        self.errors = FieldErrors(make_error_label(self), limits=ServiceActivity)
        self.kind = QComboBox()
        for code in activities.KINDS:
            self.kind.addItem(kind_text(code), code)
        self.title = QLineEdit()
        dates = QHBoxLayout()
        self.date, self.end_date = QDateEdit(QDate.currentDate()), QDateEdit(QDate.currentDate())
        for d in (self.date, self.end_date):
            d.setDisplayFormat("yyyy-MM-dd")
            d.setCalendarPopup(True)
        self.end_date.setMinimumDate(QDate(2000, 1, 1))
        self.end_date.setSpecialValueText(self.tr("same day"))
        self.end_date.setDate(self.end_date.minimumDate())
        dates.addWidget(self.date)
        dates.addWidget(QLabel(self.tr("to")))
        dates.addWidget(self.end_date)
        dates.addStretch(1)
        self.place = QLineEdit()
        self.staff = QComboBox()
        for u in users.active_users():
            self.staff.addItem(u.display_name, u.id)
        self.description, self.outcome = QPlainTextEdit(), QPlainTextEdit()
        for w in (self.description, self.outcome):
            w.setTabChangesFocus(True)
            w.setFixedHeight(self.fontMetrics().height() * 3 + 12)
        self.errors.add_form_row(form, colon(self.tr("Kind")), "kind", self.kind)
        self.errors.add_form_row(form, colon(self.tr("Title")), "title", self.title)
        date_row = QLabel()
        form.addRow(colon(self.tr("Date")), dates)
        self.errors.add("date", self.date, date_row)
        form.addRow("", date_row)
        self.errors.add("end_date", self.end_date, date_row)
        self.errors.add_form_row(form, colon(self.tr("Place")), "place", self.place)
        self.errors.add_form_row(form, colon(self.tr("Organiser")), "staff_id", self.staff)
        self.errors.add_form_row(form, colon(self.tr("Description")), "description", self.description)
        self.errors.add_form_row(form, colon(self.tr("Outcome")), "outcome", self.outcome)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Customer"), self.tr("People who came"), self.tr("Headcount")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.table.setColumnWidth(0, 260)
        self.table.setColumnWidth(2, 80)
        self.errors.add_form_row(form, colon(self.tr("Participants")), "participants", self.table)
        add_row = QHBoxLayout()
        self.find = QLineEdit(placeholderText=self.tr("Add a customer: name, phone, code or pinyin initials"))
        self.search = SearchPopup(self.find, customers.search, lambda c: "  ·  ".join(
            x for x in (c.name, c.phone, c.code, labels.category(c.category)) if x), self)
        self.search.picked.connect(lambda c: (self.add_participant(c.id, c.name), self.find.clear()))
        self.many_button = QPushButton(self.tr("Add &many…"))
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.total = QLabel()
        add_row.addWidget(self.find, 1)
        add_row.addWidget(self.many_button)
        add_row.addWidget(self.remove_button)
        add_row.addWidget(self.total)
        form.addRow("", add_row)
        self.many_button.clicked.connect(self.add_many)
        self.remove_button.clicked.connect(self.remove_participants)
        form.addRow(self.errors._fallback)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        self.delete_button = self.buttons.addButton(self.tr("&Delete"), QDialogButtonBox.DestructiveRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.delete_button.clicked.connect(self.delete)
        layout.addWidget(self.buttons)
        for b in (self.many_button, self.remove_button, self.delete_button):
            b.setAutoDefault(False)
        self.load()
        self.resize(780, 640)

    def load(self) -> None:
        if self.activity_id is not None:
            result = ops.run(self, activities.get_activity, self.ctx.user, self.activity_id)
            if not result.ok:
                return
            self.file = f = result.value
            a = f.activity
            self.header.setText(f"<b>{a.number}</b>")
            self.kind.setCurrentIndex(max(0, self.kind.findData(a.kind)))
            self.title.setText(a.title)
            self.date.setDate(QDate(a.date))
            if a.end_date:
                self.end_date.setDate(QDate(a.end_date))
            self.place.setText(a.place)
            if a.staff_id and self.staff.findData(a.staff_id) < 0:
                self.staff.addItem(a.staff.display_name, a.staff_id)
            self.staff.setCurrentIndex(max(0, self.staff.findData(a.staff_id)))
            self.description.setPlainText(a.description)
            self.outcome.setPlainText(a.outcome)
            for p in f.participants:
                self.add_participant(p.customer_id, p.customer.name, p.people, p.headcount)
        else:
            self.header.setText(self.tr("A training, technical service, seminar, samples sent… and who took part."))
            if self.ctx.user is not None:
                self.staff.setCurrentIndex(max(0, self.staff.findData(self.ctx.user.id)))
        self.delete_button.setVisible(self.file is not None and self.may_edit)
        self.delete_button.setEnabled(self.file is not None and self.file.gift_requests == 0)
        if self.file is not None and self.file.gift_requests:
            self.delete_button.setToolTip(self.tr("Gift requests refer to this activity: it cannot be deleted."))
        for w in (self.title, self.place, self.description, self.outcome, self.find):
            w.setReadOnly(not self.may_edit)
        for w in (self.kind, self.date, self.end_date, self.staff, self.many_button, self.remove_button):
            w.setEnabled(self.may_edit)
        self.buttons.button(QDialogButtonBox.Save).setVisible(self.may_edit)
        self._update_total()
        self.title.setFocus()

    # -- participants ----------------------------------------------------------
    def participant_ids(self) -> list[int]:
        return [self.table.item(r, 0).data(Qt.UserRole) for r in range(self.table.rowCount())]

    def add_participant(self, customer_id: int, name: str, people: str = "", headcount: int = 1) -> None:
        if customer_id in self.participant_ids():
            row = self.participant_ids().index(customer_id)
            self.table.selectRow(row)
            return
        r = self.table.rowCount()
        self.table.insertRow(r)
        item = QTableWidgetItem(name)
        item.setData(Qt.UserRole, customer_id)
        item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable)
        self.table.setItem(r, 0, item)
        self.table.setItem(r, 1, QTableWidgetItem(people))
        spin = QSpinBox()
        apply_limit(spin, ActivityParticipant.headcount)
        spin.setValue(headcount)
        spin.setEnabled(self.may_edit)
        spin.valueChanged.connect(self._update_total)
        self.table.setCellWidget(r, 2, spin)
        if not self.may_edit:
            self.table.item(r, 1).setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable)
        self._update_total()

    def add_many(self) -> None:
        dialog = PickCustomersDialog(self.ctx, self)
        if dialog.exec():
            for cid, name in dialog.chosen():
                self.add_participant(cid, name)
        dialog.deleteLater()

    def remove_participants(self) -> None:
        for r in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(r)
        self._update_total()

    def participants(self) -> list[ParticipantInput]:
        t = self.table
        return [ParticipantInput(t.item(r, 0).data(Qt.UserRole), t.item(r, 1).text() if t.item(r, 1) else "",
                                 t.cellWidget(r, 2).value()) for r in range(t.rowCount())]

    def _update_total(self, *_args) -> None:
        parts = self.participants()
        self.total.setText(self.tr("%n customer(s)", "", len(parts)) + ", "
                           + self.tr("%n people", "", sum(int(p.headcount) for p in parts)))

    # -- saving ----------------------------------------------------------------
    def values(self) -> dict:
        end = self.end_date.date()
        return dict(kind=self.kind.currentData(), title=self.title.text(), date=self.date.date().toPython(),
                    end_date=None if end == self.end_date.minimumDate() else end.toPython(),
                    place=self.place.text(), staff_id=self.staff.currentData(),
                    description=self.description.toPlainText(), outcome=self.outcome.toPlainText())

    def save(self) -> None:
        if self.table.state() == QAbstractItemView.EditingState:
            self.table.setCurrentCell(-1, -1)
        if self.file is None:
            result = ops.run(self, activities.create_activity, self.ctx.user, participants=self.participants(),
                             **self.values(), changed="field")
        else:
            result = ops.run(self, activities.update_activity, self.ctx.user, self.file.activity.id,
                             self.file.activity.version, participants=self.participants(), **self.values(),
                             changed="field")
        if not result.ok:
            errors = dict(result.field_errors)
            parts = {k: v for k, v in errors.items() if k.startswith("participants.")}
            if parts:
                names = [self.table.item(int(k.split(".")[1]), 0).text() for k in parts]
                errors = {k: v for k, v in errors.items() if k not in parts}
                errors["participants"] = "; ".join(f"{n}: {m}" for n, m in zip(names, parts.values()))
            first = self.errors.show(errors)
            if first is not None:
                first.setFocus()
            return
        self.activity_id, self.changed = result.value.id, True
        self.accept()

    def delete(self) -> None:
        a = self.file.activity
        answer = QMessageBox.question(self, self.tr("Delete activity"),
                                      self.tr("Delete %1 (%2) and its participants?").replace("%1", a.number)
                                      .replace("%2", a.title))
        if answer != QMessageBox.Yes:
            return
        result = ops.run(self, activities.delete_activity, self.ctx.user, a.id, a.version, changed="field")
        if result.ok:
            self.changed = True
            self.accept()
