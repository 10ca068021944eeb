"""售后接待: the counter clerk's intake screen.

The form follows the counter's flow, top to bottom and left to right:
customer (find as you type, or Ctrl+N) -> serial (typed or scanned; the unit,
its warranty, the service kind the rules give and its history show at once)
-> items received -> fault and condition -> promised date / kind -> Save and
print (Ctrl+S or F12; Shift+F12 saves and shows the previews instead). A
unit recorded as another customer's asks whom it is taken in for (its owner,
or a change of owner), and the service kind follows that choice. The form
only reads until Save: ``intake.take_in``
writes the job, receipt and register row in one transaction, so a refused
save leaves the database untouched and the clerk's typing in place.
"""
from __future__ import annotations

import datetime as dt

from app.domain.core import settings
from app.domain.core.text import clean
from app.domain.counter import intake, products
from app.domain.counter.models import Job, JobItem, Product, RegisterEntry, Unit
from app.domain.counter.unit_facts import UnitFacts, known_products, unit_facts
from app.domain.customers import customers
from app.ui.base import labels, ops, prefs, slots
from app.ui.base.context import Changed
from app.ui.base.widgets import FieldErrors, SearchPopup, apply_limit
from app.ui.counter import printing, unit_view
from app.ui.generated.ui_intake import Ui_IntakeForm
from app.ui.qt import (QButtonGroup, QCompleter, QDate, QHeaderView, QKeySequence, QLabel, QListWidgetItem,
                       QMessageBox, QPushButton, QRadioButton, QShortcut, Qt, QVBoxLayout, QWidget, Signal)

SALE_DATE_UNKNOWN = QDate(1990, 1, 1)   # the sale date edit's "unknown" value


class IntakeTab(QWidget):
    """The intake form; emits :attr:`saved` with the ``IntakeResult``."""

    saved = Signal(object)

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.ui = ui = Ui_IntakeForm()
        ui.setupUi(self)
        self.customer = self._picked = None
        self._owner_pair = None
        self.facts: UnitFacts | None = None
        self.errors = FieldErrors(fallback=ui.err_other, limits={
            "serial": Unit.serial, "product": Product.model, "warranty_months": Product.warranty_months,
            "fault": Job.fault, "kind_reason": Job.kind_reason})
        for widget, column in ((ui.itemEdit, JobItem.description), (ui.conditionEdit, Job.condition),
                               (ui.broughtBy, RegisterEntry.person)):
            apply_limit(widget, column)
        self._build_owner_choice()
        for name, widget in (("customer", ui.customerSearch), ("serial", ui.serialEdit),
                             ("product", ui.productCombo), ("warranty_months", ui.warrantySpin),
                             ("sale_date", ui.saleDate), ("items", ui.itemsList), ("fault", ui.faultEdit),
                             ("promised_date", ui.promisedDate), ("service_kind", ui.kindCombo),
                             ("kind_reason", ui.kindReason)):
            self.errors.add(name, widget, getattr(ui, f"err_{name}"))

        self.search = SearchPopup(ui.customerSearch, customers.search, self._describe_customer, self)
        self.search.picked.connect(self.set_customer)
        ui.customerSearch.textEdited.connect(self._customer_text_edited)
        ui.newCustomerButton.clicked.connect(self.new_customer)

        ui.serialEdit.returnPressed.connect(self._serial_entered)
        ui.serialEdit.editingFinished.connect(self.lookup_serial)
        ui.serialEdit.textEdited.connect(lambda _t: self._show_unit(None))
        ui.productCombo.currentIndexChanged.connect(self._product_changed)
        ui.productCombo.lineEdit().textEdited.connect(lambda _t: self._product_changed())
        ui.productCombo.lineEdit().returnPressed.connect(self._product_entered)
        ui.saleDate.setMinimumDate(SALE_DATE_UNKNOWN)
        ui.saleDate.setSpecialValueText(self.tr("unknown"))
        ui.saleDate.dateChanged.connect(lambda _d: self._update_kind())
        ui.warrantySpin.valueChanged.connect(lambda _v: self._update_kind())
        ui.historyTable.horizontalHeader().setStretchLastSection(False)
        ui.historyTable.horizontalHeader().setSectionResizeMode(2, QHeaderView.Stretch)
        ui.historyTable.verticalHeader().hide()
        ui.historyTable.cellDoubleClicked.connect(self._open_history_job)

        quick = {ui.quickAdapter: self.tr("Power adapter/charger"), ui.quickBattery: self.tr("Battery"),
                 ui.quickBox: self.tr("Packaging/box"), ui.quickCable: self.tr("Data cable"),
                 ui.quickBag: self.tr("Laptop bag/case")}
        for button, text in quick.items():
            button.clicked.connect(lambda _c=False, t=text: self.add_item(t))
        ui.addItemButton.clicked.connect(self._add_typed_item)
        ui.itemEdit.returnPressed.connect(self._item_entered)
        ui.removeItemButton.clicked.connect(self._remove_item)

        chips = {ui.chipIntact: self.tr("Intact"), ui.chipScratches: self.tr("Scratches"),
                 ui.chipDents: self.tr("Dents"), ui.chipScreen: self.tr("Cracked screen"),
                 ui.chipLiquid: self.tr("Liquid damage")}
        for button, text in chips.items():
            button.setFocusPolicy(Qt.TabFocus)
            button.clicked.connect(lambda _c=False, t=text: self._add_condition(t))

        ui.kindCombo.currentIndexChanged.connect(lambda _i: self._kind_changed())
        ui.saveButton.clicked.connect(lambda: self.save())
        ui.clearButton.clicked.connect(self.ask_clear_form)
        for keys in (QKeySequence.Save, QKeySequence(Qt.Key_F12)):
            QShortcut(keys, self, self.save, context=Qt.WidgetWithChildrenShortcut)
        # The preview one key away: save, then show the documents instead of printing them.
        self.previewButton = QPushButton(self.tr("Save and preview (Shift+F12)"), self)
        self.previewButton.setObjectName("previewButton")
        self.previewButton.setToolTip(self.tr("Save the job and show the pickup receipt and repair cards in "
                                              "the preview (print or save them as PDF from there)."))
        self.previewButton.clicked.connect(lambda: self.save(preview=True))
        ui.bottomBar.insertWidget(ui.bottomBar.indexOf(ui.saveButton), self.previewButton)
        QWidget.setTabOrder(ui.saveButton, self.previewButton)
        QShortcut(QKeySequence(Qt.SHIFT | Qt.Key_F12), self, lambda: self.save(preview=True),
                  context=Qt.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence.New, self, self.new_customer, context=Qt.WidgetWithChildrenShortcut)
        self.ctx.on_change("customers", self.search.reset, self)
        self.clear_form()

    def _build_owner_choice(self) -> None:
        """For a unit recorded as another customer's: whom it is taken in for."""
        ui = self.ui
        self.ownerChoice = box = QWidget(ui.unitBox)
        box.setObjectName("ownerChoice")
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.ownerQuestion = QLabel(box)
        self.ownerQuestion.setWordWrap(True)
        self.ownerQuestion.setStyleSheet("color: #8a4b00;")
        self.ownerForOwner = QRadioButton(box)
        self.ownerForOwner.setObjectName("ownerForOwner")
        self.ownerChanged = QRadioButton(box)
        self.ownerChanged.setObjectName("ownerChanged")
        self.ownerGroup = QButtonGroup(self)
        column.addWidget(self.ownerQuestion)
        for button in (self.ownerForOwner, self.ownerChanged):
            self.ownerGroup.addButton(button)
            column.addWidget(button)
        self.err_owner_choice = QLabel(box)
        column.addWidget(self.err_owner_choice)
        ui.unitGrid.addWidget(box, 3, 0, 1, 2)
        box.hide()
        self.errors.add("owner_choice", self.ownerForOwner, self.err_owner_choice)
        self.ownerGroup.buttonToggled.connect(lambda _b, on: on and self._owner_chosen())
        after = ui.serialEdit.nextInFocusChain()
        QWidget.setTabOrder(ui.serialEdit, self.ownerForOwner)
        QWidget.setTabOrder(self.ownerForOwner, self.ownerChanged)
        QWidget.setTabOrder(self.ownerChanged, after)

    def owner_choice(self) -> str:
        if self._other_owner() is None:
            return ""
        return ("for_owner" if self.ownerForOwner.isChecked() else
                "new_owner" if self.ownerChanged.isChecked() else "")

    def _other_owner(self):
        """The unit's recorded owner when it is not the chosen customer, else None."""
        f = self.facts
        if f is not None and f.unit is not None and f.unit.owner is not None and self.customer is not None \
                and f.unit.owner.id != self.customer.id:
            return f.unit.owner
        return None

    def _owner_chosen(self) -> None:
        """The service kind follows whom the unit is taken in for."""
        self.errors.clear("owner_choice")
        if self.facts is None or self.facts.unit is None:
            return
        decision = self.facts.decision
        if self.ownerChanged.isChecked() and self.customer is not None:
            result = ops.run(self, products.decide_kind, self.facts.unit, None, self.customer.id)
            if not result.ok:
                return
            decision = result.value
        self._set_computed_kind(decision)

    def scan_reverted(self, widget) -> None:
        """A document scan landed in one of this form's boxes and the box got
        its text back (app.ui.base.scanner): undo what its keys set off."""
        ui = self.ui
        if widget is ui.customerSearch:
            self.search.reset()
            if self._picked is not None and ui.customerSearch.text() == self._picked.name:
                pos = ui.customerSearch.cursorPosition()
                self.set_customer(self._picked)
                ui.customerSearch.setFocus()
                ui.customerSearch.setCursorPosition(pos)
        elif widget is ui.serialEdit:
            self.lookup_serial()
            ui.serialEdit.setFocus()
        elif widget is ui.productCombo.lineEdit():
            self._product_changed()

    # -- customer ---------------------------------------------------------
    def _describe_customer(self, c) -> str:
        return "  ·  ".join(x for x in (c.name, c.phone, c.code, labels.category(c.category)) if x)

    def _customer_text_edited(self, _text: str) -> None:
        if self.customer is not None:
            self.customer = None
            self.ui.customerInfo.setText(self.tr("No customer chosen yet."))

    def set_customer(self, customer) -> None:
        self.customer = self._picked = customer
        self.search.reset()
        self.ui.customerSearch.setText(customer.name)
        lines = [f"<b>{customer.name}</b> &nbsp; {customer.code} &nbsp; {customer.phone} &nbsp; "
                 f"{labels.category(customer.category)}"]
        if customer.address:
            lines.append(customer.address)
        self.ui.customerInfo.setText("<br>".join(lines))
        self.errors.clear("customer")
        self._show_owner_note()
        (self.ui.itemEdit if self.ui.serialEdit.text().strip() else self.ui.serialEdit).setFocus()

    def new_customer(self) -> None:
        customer = slots.new_customer(self.ctx, self.ui.customerSearch.text(), self)
        if customer is not None:
            self.set_customer(customer)

    # -- unit ---------------------------------------------------------------
    def _serial_entered(self) -> None:
        self.lookup_serial()
        if self.facts is None:
            return
        if self.facts.unit is None:
            self.ui.productCombo.setFocus()
            self.ui.productCombo.lineEdit().selectAll()
        elif self.ownerChoice.isVisibleTo(self):
            self.ownerForOwner.setFocus()
        else:
            self.ui.itemEdit.setFocus()

    def lookup_serial(self) -> None:
        serial = clean(self.ui.serialEdit.text()).upper()
        if not serial:
            self._show_unit(None)
            return
        if self.facts is not None and self.facts.serial == serial:
            return
        result = ops.run(self, unit_facts, serial)
        if result.ok:
            self._show_unit(result.value)

    def _show_unit(self, facts: UnitFacts | None) -> None:
        ui = self.ui
        self.facts = facts
        self.errors.clear("serial")
        table = ui.historyTable
        table.setRowCount(0)
        self.ownerChoice.hide()
        is_new = facts is not None and facts.unit is None
        ui.newUnitPanel.setVisible(is_new)
        ui.historyLabel.setVisible(facts is not None and facts.unit is not None)
        table.setVisible(facts is not None and facts.unit is not None)
        if facts is None:
            ui.unitInfo.setText(self.tr("Scan or type the serial number and press Enter: the product, its "
                                        "warranty, the service kind and the unit's earlier jobs show here."))
            self._set_computed_kind(None)
            return
        if is_new:
            self._load_products()
            self._update_kind()
            return
        unit = facts.unit
        if self.customer is None and unit.owner is not None:
            self.set_customer(unit.owner)   # a known unit brings its owner along
        self._set_computed_kind(facts.decision)
        unit_view.fill_history(table, facts.history)
        self._show_owner_note()
        if facts.open_job is not None:
            self.errors.show({"serial": self.tr("This unit is already in the shop under job {0}.")
                              .format(facts.open_job.number)})

    def _show_owner_note(self) -> None:
        """A unit recorded as another customer's: the clerk must say whom it
        is taken in for (the domain refuses the intake until then)."""
        owner = self._other_owner()
        pair = (owner.id, self.customer.id, self.facts.unit.id) if owner is not None else None
        if pair is not None and pair == self._owner_pair and self.owner_choice():
            self.ownerChoice.setVisible(True)     # the same question, already answered: keep the answer
            self._owner_chosen()
            return
        self._owner_pair = pair
        self.ownerGroup.setExclusive(False)
        for button in (self.ownerForOwner, self.ownerChanged):
            button.setChecked(False)
        self.ownerGroup.setExclusive(True)
        self.errors.clear("owner_choice")
        self.ownerChoice.setVisible(owner is not None)
        if owner is None:
            if self.facts is not None and self.facts.unit is not None:
                self._set_computed_kind(self.facts.decision)
            return
        self.ownerQuestion.setText(self.tr("This unit is recorded as {0}'s ({1}). Whom is it taken in for?")
                                   .format(owner.name, owner.code))
        agreement = self.facts.decision.agreement if self.facts.decision is not None else None
        self.ownerForOwner.setText(
            self.tr("For {0}, its owner ({1} brought it): the owner's agreement {2} applies")
            .format(owner.name, self.customer.name, agreement.number) if agreement is not None else
            self.tr("For {0}, its owner ({1} brought it)").format(owner.name, self.customer.name))
        self.ownerChanged.setText(self.tr("It now belongs to {0}: record the change of owner").format(
            self.customer.name))
        self._set_computed_kind(None)   # no kind until the clerk says whose unit it is

    def _load_products(self) -> None:
        combo = self.ui.productCombo
        typed = combo.currentText()
        combo.blockSignals(True)
        combo.clear()
        result = ops.run(self, known_products)
        for p in result.value or []:
            combo.addItem(f"{p.model} — {p.name}", p.id)
            combo.setItemData(combo.count() - 1, p.warranty_months, Qt.UserRole + 1)
            combo.setItemData(combo.count() - 1, p.model.casefold(), Qt.UserRole + 2)
        combo.setCurrentIndex(-1)
        combo.setEditText(typed)
        combo.completer().setFilterMode(Qt.MatchContains)
        combo.completer().setCompletionMode(QCompleter.PopupCompletion)
        combo.blockSignals(False)
        self._product_changed()

    def _chosen_index(self) -> int:
        """The known product the clerk chose or typed (full text or just the model), else -1."""
        combo = self.ui.productCombo
        text = combo.currentText().strip()
        index = combo.findText(text, Qt.MatchFixedString)
        if index < 0 and text:
            index = combo.findData(text.casefold(), Qt.UserRole + 2)
        return index

    def _chosen_product_id(self) -> int | None:
        index = self._chosen_index()
        return self.ui.productCombo.itemData(index) if index >= 0 else None

    def _product_changed(self, *_args) -> None:
        known = self._chosen_product_id() is not None
        ui = self.ui
        ui.productName.setEnabled(not known)
        ui.warrantySpin.setEnabled(not known)
        if known:
            index = self._chosen_index()
            ui.warrantySpin.setValue(ui.productCombo.itemData(index, Qt.UserRole + 1) or 0)
        self._update_kind()

    def _product_entered(self) -> None:
        (self.ui.saleDate if self._chosen_product_id() else self.ui.productName).setFocus()

    def _sale_date(self) -> dt.date | None:
        d = self.ui.saleDate.date()
        return None if d <= SALE_DATE_UNKNOWN else d.toPython()

    def _update_kind(self) -> None:
        """For a new serial: what the rules will say, from the sale date and warranty typed."""
        if self.facts is None or self.facts.unit is not None:
            return
        self._set_computed_kind(products.decide_new_unit(self._sale_date(), self.ui.warrantySpin.value()))

    def _set_computed_kind(self, decision) -> None:
        combo = self.ui.kindCombo
        self._computed = decision.kind if decision else None
        combo.blockSignals(True)
        combo.clear()
        for code in products.SERVICE_KINDS:
            text = labels.kind(code)
            if code == self._computed:
                text = self.tr("{0} (by the rules)").format(text)
            combo.addItem(text, code)
        combo.setCurrentIndex(products.SERVICE_KINDS.index(self._computed) if self._computed else -1)
        combo.blockSignals(False)
        if self.facts is not None:
            self.ui.unitInfo.setText(unit_view.unit_html(self.facts, decision))
        self._kind_changed()

    def _kind_changed(self) -> None:
        chosen = self.ui.kindCombo.currentData()
        differs = chosen is not None and self._computed is not None and chosen != self._computed
        self.ui.kindReason.setEnabled(differs)
        if not differs:
            self.ui.kindReason.clear()
            self.errors.clear("kind_reason")

    def _open_history_job(self, row: int, _col: int) -> None:
        item = self.ui.historyTable.item(row, 0)
        if item is not None:
            self.ctx.open_job.emit(item.data(Qt.UserRole))

    # -- items and condition -----------------------------------------------
    def add_item(self, text: str) -> None:
        item = QListWidgetItem(text.strip())
        item.setFlags(item.flags() | Qt.ItemIsEditable)
        self.ui.itemsList.addItem(item)
        self.ui.itemsList.setCurrentItem(item)

    def items(self) -> list[str]:
        lst = self.ui.itemsList
        return [lst.item(i).text().strip() for i in range(lst.count()) if lst.item(i).text().strip()]

    def _add_typed_item(self) -> None:
        text = self.ui.itemEdit.text().strip()
        if text:
            self.add_item(text)
            self.ui.itemEdit.clear()
        self.ui.itemEdit.setFocus()

    def _item_entered(self) -> None:
        if self.ui.itemEdit.text().strip():
            self._add_typed_item()
        else:
            self.ui.faultEdit.setFocus()

    def _remove_item(self) -> None:
        lst = self.ui.itemsList
        row = lst.currentRow() if lst.currentRow() >= 0 else lst.count() - 1
        if row >= 0:
            lst.takeItem(row)

    def _add_condition(self, text: str) -> None:
        edit = self.ui.conditionEdit
        current = edit.text().strip()
        if text not in current:
            edit.setText(current + self.tr("; ") + text if current else text)

    # -- save ---------------------------------------------------------------
    def form(self) -> intake.IntakeForm:
        ui = self.ui
        new_unit = self.facts is None or self.facts.unit is None
        product_id = self._chosen_product_id() if new_unit else None
        model = "" if product_id or not new_unit else ui.productCombo.currentText().strip()
        chosen_kind = ui.kindCombo.currentData()
        return intake.IntakeForm(
            customer_id=self.customer.id if self.customer is not None else None,
            serial=ui.serialEdit.text(), fault=ui.faultEdit.toPlainText(), items=self.items(),
            condition=ui.conditionEdit.text(), promised_date=ui.promisedDate.date().toPython(),
            product_id=product_id, product_model=model, product_name=ui.productName.text(),
            warranty_months=ui.warrantySpin.value(), sale_date=self._sale_date() if new_unit else None,
            service_kind=chosen_kind if chosen_kind and chosen_kind != self._computed else None,
            kind_reason=ui.kindReason.text(), brought_by=ui.broughtBy.text(), owner_choice=self.owner_choice())

    def save(self, preview: bool | None = None) -> None:
        """Save and print: one key for the whole intake (Ctrl+S / F12);
        ``preview=True`` (Shift+F12) shows the documents instead of printing."""
        self.lookup_serial()
        result = ops.run(self, intake.take_in, self.form(), self.ctx.user,
                         changed=lambda res: Changed("counter", (res.job.id,)))
        if not result.ok:
            if result.field_errors:
                self.errors.show(result.field_errors, focus=True)
                self.ui.statusLabel.setText(self.tr("Nothing was saved: please correct the fields marked in red."))
            return
        res = result.value
        kinds = ("receipt", "cards") if prefs.get("print_cards_on_save") else ("receipt",)
        printed = printing.print_documents(self, self.ctx, res.job.id, kinds, preview=preview, saved=self.tr(
            "Job {0} was saved; its pickup receipt is {1}.").format(res.job.number, res.receipt.number))
        self.saved.emit(res)
        self.clear_form()
        self.ui.statusLabel.setText(self.printed_message(res.job.number, res.receipt.number, printed))

    def printed_message(self, job: str, receipt: str, printed: dict[str, bool]) -> str:
        """What was saved, and exactly which documents were printed and which not."""
        r, cards = printed.get("receipt", False), printed.get("cards")
        if cards is None:
            text = (self.tr("{0} saved: receipt {1} printed.") if r else
                    self.tr("{0} saved; receipt {1} NOT printed: print it from the job."))
        elif r and cards:
            text = self.tr("{0} saved: receipt {1} and repair cards printed.")
        elif r:
            text = self.tr("{0} saved: receipt {1} printed; repair cards NOT printed: print them again from the job.")
        elif cards:
            text = self.tr("{0} saved: repair cards printed; receipt {1} NOT printed: print it again from the job.")
        else:
            text = self.tr("{0} saved; receipt {1} and repair cards NOT printed: print them from the job.")
        return text.format(job, receipt)

    def is_filled(self) -> bool:
        """Has the clerk typed or chosen anything a clear would lose?"""
        ui = self.ui
        return bool(self.customer is not None or ui.customerSearch.text().strip() or ui.serialEdit.text().strip()
                    or ui.faultEdit.toPlainText().strip() or ui.conditionEdit.text().strip()
                    or ui.itemEdit.text().strip() or ui.kindReason.text().strip() or ui.broughtBy.text().strip()
                    or self.items() != [self.tr("Main unit")])

    def ask_clear_form(self) -> None:
        """清空表单: asks first when the form holds anything."""
        if self.is_filled():
            answer = QMessageBox.question(
                self, self.tr("Clear the form"),
                self.tr("Clear the form? The customer, serial, items and fault typed so far are lost."),
                QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
            if answer != QMessageBox.Yes:
                return
        self.clear_form()

    def clear_form(self) -> None:
        ui = self.ui
        self.customer = self._picked = None
        self._owner_pair = None
        self.search.reset()
        self.errors.clear()
        for edit in (ui.customerSearch, ui.serialEdit, ui.productName, ui.itemEdit, ui.conditionEdit,
                     ui.kindReason, ui.broughtBy):
            edit.clear()
        ui.faultEdit.clear()
        ui.customerInfo.setText(self.tr("No customer chosen yet."))
        ui.productCombo.setEditText("")
        ui.warrantySpin.setValue(12)
        ui.saleDate.setMaximumDate(QDate.currentDate())
        ui.saleDate.setDate(SALE_DATE_UNKNOWN)
        ui.itemsList.clear()
        self.add_item(self.tr("Main unit"))
        days = ops.run(self, settings.get, "default_promise_days")
        try:
            promise = int(days.value) if days.ok else 3
        except (TypeError, ValueError):
            promise = 3
        ui.promisedDate.setMinimumDate(QDate.currentDate())
        ui.promisedDate.setDate(QDate.currentDate().addDays(promise))
        ui.statusLabel.clear()
        self._show_unit(None)
        ui.customerSearch.setFocus()

    def focus_first(self) -> None:
        self.ui.customerSearch.setFocus()
