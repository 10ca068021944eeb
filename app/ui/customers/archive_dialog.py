"""One customer's archive (用户档案, 附表1): every field, contacts, addresses,
notes, the change history and the access log; and, beside them, the tabs
other books add through the archive's panel slot (app.ui.base.slots): the
counter's units, jobs and agreements, field service's visits and service.

The form is built from field specs (name, kind, tab) rather than drawn
field by field in Designer: the field names are the domain's
(:data:`app.domain.customers.archive_fields.ARCHIVE_FIELDS`), so what is read-only
(:attr:`Archive.editable`), what changed and where an error goes all follow
from one list. Save sends only the fields that changed, with the version
read; a ConcurrentChange is shown (by ops) and the archive reloaded, so
nothing the other station saved is overwritten.
"""
from __future__ import annotations

from app.domain.core import printed, users
from app.domain.core.errors import ConcurrentChange
from app.domain.customers import access, archive, customers, import_export
from app.domain.customers.archive_fields import CREDIT_RATINGS, STATUSES, as_text
from app.domain.customers.models import Customer
from app.ui.base import labels, ops, prefs, slots
from app.ui.base.table_models import ListTableModel, setup_view
from app.ui.base.widgets import FieldErrors, colon, fmt_datetime, make_error_label
from app.ui.customers import models as cm
from app.ui.customers.contact_dialog import ContactDialog
from app.ui.generated.ui_archive import Ui_ArchiveDialog
from app.ui.qt import (QComboBox, QDialog, QKeySequence, QLabel, QLineEdit, QMessageBox, QPlainTextEdit,
                       QPushButton, QShortcut, QTime)

LINE, TEXT, COMBO = "line", "text", "combo"
GENERAL = ("name", "short_name", "category", "status", "region", "phone", "address", "email",
           "legal_representative", "tax_id", "registered_capital", "employees", "bank_name", "bank_account")
BUSINESS = ("credit_rating", "credit_limit", "responsible_id", "cooperation_since", "annual_volume", "tier",
            "business_content")


class ArchiveDialog(QDialog):
    """``ArchiveDialog(ctx, customer_id)``; check :attr:`loaded` before exec()
    (False when the archive could not be read: the message was shown)."""

    def __init__(self, ctx, customer_id: int, parent=None):
        super().__init__(parent)
        self.ctx, self.customer_id = ctx, customer_id
        self.archive = None
        self.loaded = False
        self.ui = ui = Ui_ArchiveDialog()
        ui.setupUi(self)
        self.errors = FieldErrors(ui.formError, limits=Customer)
        self.widgets: dict[str, object] = {}
        self._build_fields()
        self._setup_lists()
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)      # Enter in a field must not press Print or Remove
        ui.saveButton.clicked.connect(self.save)
        ui.closeButton.clicked.connect(self.reject)
        ui.printButton.clicked.connect(self.print_card)
        QShortcut(QKeySequence.Save, self, self.save)
        if not ctx.can("customer.access.log"):
            ui.tabs.removeTab(ui.tabs.indexOf(ui.logTab))
        self.panels = None          # the other books' tabs, added once the archive could be read
        # What the user may not change looks it (Fusion draws a read-only line edit as an editable one).
        self.setStyleSheet("QLineEdit[readOnly=\"true\"], QPlainTextEdit[readOnly=\"true\"]"
                           " { background: palette(window); }")
        self.resize(1000, 660)
        self.reload()

    # -- the form ---------------------------------------------------------------------
    def _build_fields(self) -> None:
        ui = self.ui
        self.code_edit = QLineEdit(readOnly=True)
        ui.generalGrid.addWidget(QLabel(colon(cm.field_label("code"))), 0, 0)
        ui.generalGrid.addWidget(self.code_edit, 0, 1)
        for grid, names in ((ui.generalGrid, GENERAL), (ui.businessGrid, BUSINESS)):
            for i, name in enumerate(names, start=2 if grid is ui.generalGrid else 0):
                widget = self._make_widget(name)
                row, col = (i // 2) * 2, (i % 2) * 2
                if name == "business_content":       # the long text gets the whole width
                    row, col = ((i + 1) // 2) * 2, 0
                label = QLabel(colon(cm.field_label(name)))
                label.setBuddy(widget)
                error = make_error_label()
                grid.addWidget(label, row, col)
                grid.addWidget(widget, row, col + 1, 1, 3 if name == "business_content" else 1)
                grid.addWidget(error, row + 1, col + 1, 1, 3 if name == "business_content" else 1)
                self.errors.add(name, widget, error)
                self.widgets[name] = widget
            grid.setRowStretch(grid.rowCount(), 1)
            grid.setColumnStretch(1, 1)
            grid.setColumnStretch(3, 1)
        self.widgets["notes"] = ui.notesEdit
        self.errors.add("notes", ui.notesEdit, ui.notesError)

    def _make_widget(self, name: str):
        if name == "business_content":
            edit = QPlainTextEdit(tabChangesFocus=True)
            edit.setMaximumHeight(110)
            return edit
        if name in ("category", "status", "credit_rating", "responsible_id"):
            combo = QComboBox()
            if name == "category":
                for code in customers.CATEGORIES:
                    combo.addItem(labels.category(code), code)
            elif name == "status":
                for code in STATUSES:
                    combo.addItem(cm.status(code), code)
            elif name == "credit_rating":
                combo.addItem(cm.rating(""), "")
                for code in CREDIT_RATINGS:
                    combo.addItem(code, code)
            else:
                combo.addItem(self.tr("(nobody)"), None)
                for user in users.active_users():
                    combo.addItem(user.display_name, user.id)
            return combo
        edit = QLineEdit()
        hints = {"cooperation_since": self.tr("e.g. 2021-03-01"), "credit_limit": self.tr("e.g. 50,000.00"),
                 "phone": self.tr("e.g. 13800138000, 010-62551234 or 010-62551234 ext. 8001"),
                 "tax_id": self.tr("18 letters and digits")}
        edit.setPlaceholderText(hints.get(name, ""))
        return edit

    @staticmethod
    def _value(widget):
        if isinstance(widget, QComboBox):
            return widget.currentData()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        return widget.text()

    @staticmethod
    def _set_value(widget, value) -> None:
        if isinstance(widget, QComboBox):
            i = widget.findData(value)
            if i < 0 and value:                  # a code the list lacks (an inactive user...): still shown
                widget.addItem(str(value), value)
                i = widget.count() - 1
            widget.setCurrentIndex(max(0, i))
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value)
        else:
            widget.setText(value)
            widget.setCursorPosition(0)

    def _setup_lists(self) -> None:
        ui = self.ui
        self.contacts_model = ListTableModel(cm.contact_columns(), parent=self)
        self.addresses_model = ListTableModel(cm.address_columns(), parent=self)
        self.history_model = ListTableModel(cm.history_columns(), parent=self)
        self.log_model = ListTableModel(cm.log_columns(with_customer=False), parent=self)
        for view, model in ((ui.contactsView, self.contacts_model), (ui.addressesView, self.addresses_model),
                            (ui.historyView, self.history_model), (ui.logView, self.log_model)):
            setup_view(view, model)
        self.list_errors = FieldErrors()
        self.list_errors.add("contacts", ui.contactsView, ui.contactsError)
        self.list_errors.add("addresses", ui.addressesView, ui.addressesError)
        for kind, view, model in (("contacts", ui.contactsView, self.contacts_model),
                                  ("addresses", ui.addressesView, self.addresses_model)):
            prefix = "Contact" if kind == "contacts" else "Address"
            getattr(ui, f"add{prefix}Button").clicked.connect(lambda _=False, k=kind: self.edit_row(k, None))
            getattr(ui, f"edit{prefix}Button").clicked.connect(
                lambda _=False, k=kind, v=view: self.edit_row(k, v.currentIndex().row()))
            getattr(ui, f"remove{prefix}Button").clicked.connect(lambda _=False, k=kind, v=view: self.remove_row(k, v))
            getattr(ui, f"primary{prefix}Button").clicked.connect(
                lambda _=False, k=kind, v=view: self.make_primary(k, v.currentIndex().row()))
            view.activated.connect(lambda index, k=kind: self.edit_row(k, index.row()))

    # -- loading ----------------------------------------------------------------------
    def reload(self) -> None:
        """Read the archive as it is now (logged as a view by the domain)."""
        result = ops.run(self, archive.get_archive, self.ctx.user, self.customer_id)
        if not result.ok:
            return
        self.loaded = True
        self.archive = a = result.value
        c = a.customer
        self.setWindowTitle(self.tr("Customer archive: %1").replace("%1", c.name))
        self.ui.titleLabel.setText(f"{c.code}  {c.name}")
        self.code_edit.setText(c.code)
        self._loaded = {}
        for name, widget in self.widgets.items():
            value = getattr(c, name) if name != "responsible_id" else c.responsible_id
            value = value if name in ("responsible_id", "category", "status", "credit_rating") else as_text(value)
            self._set_value(widget, value)
            self._loaded[name] = self._value(widget)
            editable = name in a.editable
            if isinstance(widget, (QLineEdit, QPlainTextEdit)):
                widget.setReadOnly(not editable)
            else:
                widget.setEnabled(editable)
        fields = ("id",) + tuple(n for n in ("name", "title", "phone", "mobile", "email", "wechat", "is_primary",
                                              "notes"))
        self.contacts = [{f: getattr(x, f) for f in fields} for x in a.contacts]
        self.addresses = [{f: getattr(x, f) for f in ("id", "kind", "address", "postcode", "is_primary")}
                          for x in a.addresses]
        self._lists_dirty = False
        self._show_lists()
        self.ui.accessLabel.setText(self._access_text(a))
        self.ui.saveButton.setEnabled(bool(a.editable))
        self.errors.clear()
        self.list_errors.clear()
        self._load_related()

    def _access_text(self, a) -> str:
        text = {"keeper": self.tr("You keep the archives."),
                "responsible": self.tr("You are this customer's responsible staff member."),
                "granted": self.tr("Access granted until %1.").replace("%1", fmt_datetime(a.valid_until)),
                "system": ""}.get(a.access, "")
        return text + ("  " + self.tr("Read only.") if not a.editable else "")

    def _add_panels(self) -> None:
        """The tabs other books add to the archive, after the notes, in their order
        (each book's panel reads its own part under the archive's access rule)."""
        self.panels = {}
        at = self.ui.tabs.indexOf(self.ui.notesTab) + 1
        for slot in slots.archive_panels():
            panel = slot.make(self.ctx, self.customer_id, self)
            self.ui.tabs.insertTab(at, panel, panel.title())
            self.panels[slot.key] = panel
            at += 1

    def _load_related(self) -> None:
        user, cid = self.ctx.user, self.customer_id
        if self.panels is None:
            self._add_panels()       # each reads its part as it is made
        else:
            for panel in self.panels.values():
                panel.reload()
        hist = ops.run(self, archive.history, user, cid)
        self.history_model.set_rows(hist.value if hist.ok else [])
        if self.ctx.can("customer.access.log"):
            log = ops.run(self, access.read_log, user, cid)
            self.log_model.set_rows(log.value if log.ok else [])

    def _show_lists(self) -> None:
        self.contacts_model.set_rows(self.contacts)
        self.addresses_model.set_rows(self.addresses)
        edit = bool(self.archive and self.archive.edit_lists)
        for prefix in ("Contact", "Address"):
            for what in ("add", "edit", "remove", "primary"):
                getattr(self.ui, f"{what}{prefix}Button").setEnabled(edit)

    # -- contacts and addresses (kept in memory until Save) ----------------------------
    def edit_row(self, kind: str, row: int | None) -> None:
        if not (self.archive and self.archive.edit_lists):
            return
        rows = self.contacts if kind == "contacts" else self.addresses
        if row is not None and not 0 <= row < len(rows):
            return
        values = ContactDialog.ask(self, kind, dict(rows[row]) if row is not None else {})
        if values is None:
            return
        if row is None:
            rows.append(values)
        else:
            rows[row] = dict(rows[row], **values)
        if values.get("is_primary"):
            self._only_primary(rows, rows[row if row is not None else -1])
        self._lists_dirty = True
        self._show_lists()

    def remove_row(self, kind: str, view) -> None:
        rows = self.contacts if kind == "contacts" else self.addresses
        row = view.currentIndex().row()
        if 0 <= row < len(rows):
            del rows[row]
            self._lists_dirty = True
            self._show_lists()

    def make_primary(self, kind: str, row: int) -> None:
        rows = self.contacts if kind == "contacts" else self.addresses
        if 0 <= row < len(rows):
            self._only_primary(rows, rows[row])
            self._lists_dirty = True
            self._show_lists()

    @staticmethod
    def _only_primary(rows: list[dict], chosen: dict) -> None:
        for r in rows:
            r["is_primary"] = r is chosen

    # -- saving -------------------------------------------------------------------------
    def changed_fields(self) -> dict:
        if self.archive is None:
            return {}
        return {n: self._value(w) for n, w in self.widgets.items()
                if n in self.archive.editable and self._value(w) != self._loaded.get(n)}

    def is_dirty(self) -> bool:
        return bool(self.changed_fields()) or self._lists_dirty

    def save(self) -> bool:
        if self.archive is None or not self.archive.editable:
            return False
        lists = self._lists_dirty
        result = ops.run(self, archive.save_archive, self.ctx.user, self.customer_id, self.archive.customer.version,
                         fields=self.changed_fields(), contacts=self.contacts if lists else None,
                         addresses=self.addresses if lists else None, changed="customers")
        if not result.ok:
            if isinstance(result.error, ConcurrentChange):
                self.reload()            # the other station's change is shown; the user makes theirs again
            elif result.field_errors:
                self._show_errors(result.field_errors)
            return False
        self.reload()
        self.ui.savedLabel.setText(self.tr("Saved at %1.").replace("%1", QTime.currentTime().toString("HH:mm")))
        return True

    def _show_errors(self, errors: dict) -> None:
        fields = {k: v for k, v in errors.items() if "." not in k}
        lists = {"contacts": [], "addresses": []}
        for key, message in errors.items():
            kind, _, rest = key.partition(".")
            if kind in lists and rest:
                i, _, name = rest.partition(".")
                lists[kind].append(self.tr("Row %1, %2: %3").replace("%1", str(int(i) + 1))
                                   .replace("%2", cm.field_label(name)).replace("%3", message))
        self.list_errors.show({k: "\n".join(v) for k, v in lists.items() if v})
        first = self.errors.show(fields)
        tab = self.ui.contactsTab if lists["contacts"] else self.ui.addressesTab if lists["addresses"] else None
        if first is not None:
            page = first.parentWidget()
            while page is not None and self.ui.tabs.indexOf(page) < 0:
                page = page.parentWidget()
            tab = page or tab
        if tab is not None:
            self.ui.tabs.setCurrentWidget(tab)
        if first is not None:
            first.setFocus()

    def reject(self) -> None:
        if self.archive is not None and self.is_dirty():
            answer = QMessageBox.question(self, self.tr("Unsaved changes"),
                                          self.tr("Save the changes to this archive?"),
                                          QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel)
            if answer == QMessageBox.Cancel or (answer == QMessageBox.Save and not self.save()):
                return
        super().reject()

    # -- other actions ------------------------------------------------------------------
    def print_card(self) -> None:
        from app.ui.base import print_service

        result = ops.run(self, card_pdf, self.ctx.user, self.customer_id, prefs.get("print_language"))
        if result.ok:
            title = self.tr("Archive card %1").replace("%1", self.archive.customer.code if self.archive else "")
            print_service.print_pdf(self, result.value, "voucher", title, preview=True)


def card_pdf(user, customer_id: int, lang: str) -> bytes:
    """The archive card as PDF (read and logged as "print" by the domain)."""
    data = import_export.card_data(user, customer_id)
    from app.printing.customers import archive_card  # reportlab loads on first use

    return printed.laid_out(archive_card.render_archive_card, data, lang=lang, font=prefs.get("font_path") or None)
