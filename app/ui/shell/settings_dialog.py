"""Settings: what the company shares (in the database) and what belongs to
this station (printers, paper, copies, font, language: QSettings via prefs).
The Backups tab sets how many days of daily copies of an SQLite database
are kept (shared; app.domain.backup.daily).

The two are saved differently on purpose: the company tab is one write
transaction through ``ops.run`` (another station may be saving too), the
station's options go to this computer only.
"""
from __future__ import annotations

import json

from app.domain.backup import daily
from app.domain.core import db as dbmod
from app.domain.core import settings
from app.domain.core.db import write_transaction
from app.domain.core.permissions import can
from app.ui.base import ops, prefs
from app.ui.base.widgets import FieldErrors, TextLimit
from app.ui.generated.ui_settings import Ui_SettingsDialog
from app.ui.qt import QDialog, QFileDialog, QInputDialog, QMessageBox, QWidget

SHARED_KEYS = ("company_name", "company_phone", "company_address", "pickup_terms", "default_promise_days",
               daily.KEEP_DAYS_KEY)


def load_shared() -> dict[str, str]:
    return {key: settings.get(key) for key in SHARED_KEYS}


def save_shared(values: dict[str, str], user) -> None:
    """Write the shared settings in one transaction (needs "settings.company")."""
    from app.domain.core.errors import ValidationError, tx
    from app.domain.core.permissions import require

    require(user, "settings.company")
    if not values.get("company_name", "").strip():
        raise ValidationError({"company_name": "The company name is printed on every document."})
    keep = values.get(daily.KEEP_DAYS_KEY)
    if keep is not None and not (keep.isdigit() and int(keep) <= daily.MAX_KEEP_DAYS):
        raise ValidationError({daily.KEEP_DAYS_KEY: tx("Keep the daily backups for 0 to {most} days.",
                                                       most=daily.MAX_KEEP_DAYS)})
    with write_transaction():
        for key, value in values.items():
            settings.set_value(key, value, user)


def terms_to_text(stored: str) -> str:
    try:
        terms = json.loads(stored)
    except ValueError:
        return stored
    return "\n".join(terms) if isinstance(terms, list) else str(terms)


def text_to_terms(text: str) -> str:
    return json.dumps([line.strip() for line in text.splitlines() if line.strip()], ensure_ascii=False)


class SettingsDialog(QDialog):
    """Company / Printing / Language / Counter defaults / Backups."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.ui = ui = Ui_SettingsDialog()
        ui.setupUi(self)
        self.errors = FieldErrors(fallback=ui.err_other)
        for key, edit in (("company_name", ui.companyName), ("company_phone", ui.companyPhone),
                          ("company_address", ui.companyAddress)):
            edit.setMaxLength(settings.max_length(key))
        TextLimit(ui.pickupTerms, settings.PICKUP_TERMS_TYPED)
        self.errors.add("company_name", ui.companyName, ui.err_company_name)
        for combo, items in (
                (ui.receiptPaper, (("80mm", self.tr("80 mm roll")), ("A5", self.tr("A5 sheet")))),
                (ui.voucherPaper, (("A4", self.tr("A4")), ("A5", self.tr("A5")))),
                (ui.printLanguage, (("zh_CN", "中文"), ("en", "English"))),
                (ui.uiLanguage, (("", self.tr("System language")), ("zh_CN", "中文"), ("en", "English")))):
            for code, text in items:
                combo.addItem(text, code)
        # (Issue 12 part 8: a kind without a printer asks once at its first print.)
        ui.printingNote.setText(self.tr("This station only. A document kind without a printer asks once, at its "
                                        "first print, which printer to use (the system default chosen) and "
                                        "remembers it here."))
        for edit in (ui.printerReceipt, ui.printerCard, ui.printerVoucher):
            edit.setPlaceholderText(self.tr("(none: asked at the first print)"))
        for kind, button in (("receipt", ui.chooseReceipt), ("card", ui.chooseCard), ("voucher", ui.chooseVoucher)):
            button.clicked.connect(lambda _c=False, k=kind: self.choose_printer(k))
        ui.browseFont.clicked.connect(self.browse_font)
        ui.fontPath.editingFinished.connect(self.check_font)
        ui.buttons.accepted.connect(self.save)
        ui.buttons.rejected.connect(self.reject)
        # Everyone sets up his station; the company's settings are the
        # manager's and the administrator's (the domain checks it too).
        self.may_edit_company = can(ctx.user, "settings.company")
        for widget in (ui.companyName, ui.companyPhone, ui.companyAddress, ui.pickupTerms, ui.promiseDays):
            widget.setEnabled(self.may_edit_company)
        self._explain_backups()
        self.load()
        self.resize(680, 500)

    def _explain_backups(self) -> None:
        """Where the daily copies go (SQLite), or that the server's
        administrator backs a server up: the setting is for SQLite only."""
        database = dbmod.database.obj
        on_sqlite = dbmod.is_sqlite()
        self.ui.keepDays.setEnabled(self.may_edit_company and on_sqlite)
        if on_sqlite:
            self.ui.backupNote.setText(self.tr(
                "Shared by every station on this database. Once a day csdesk copies this database into {0} "
                "and deletes the copies older than this; Off makes no copies. A copy is restored with "
                "csdesk db restore FILE, or opened as it is.").format(daily.folder_for(database.database)))
        else:
            self.ui.backupNote.setText(self.tr(
                "This database is on a server: its administrator backs it up (csdesk db backup FILE from a "
                "scheduled task, or the server's own tools). The daily copy is made for SQLite databases only."))

    def _edit_for(self, kind: str):
        return {"receipt": self.ui.printerReceipt, "card": self.ui.printerCard,
                "voucher": self.ui.printerVoucher}[kind]

    def load(self) -> None:
        ui = self.ui
        result = ops.run(self, load_shared)
        shared = result.value if result.ok else {}
        ui.companyName.setText(shared.get("company_name", ""))
        ui.companyPhone.setText(shared.get("company_phone", ""))
        ui.companyAddress.setText(shared.get("company_address", ""))
        ui.pickupTerms.setPlainText(terms_to_text(shared.get("pickup_terms", "[]")))
        try:
            ui.promiseDays.setValue(int(shared.get("default_promise_days", "3")))
        except ValueError:
            ui.promiseDays.setValue(3)
        try:
            ui.keepDays.setValue(int(shared.get(daily.KEEP_DAYS_KEY) or daily.DEFAULT_KEEP_DAYS))
        except ValueError:
            ui.keepDays.setValue(daily.DEFAULT_KEEP_DAYS)
        for kind in ("receipt", "card", "voucher"):
            self._edit_for(kind).setText(prefs.get(f"printer_{kind}"))
        ui.receiptCopies.setValue(prefs.get("receipt_copies"))
        for combo, key in ((ui.receiptPaper, "receipt_paper"), (ui.voucherPaper, "voucher_paper"),
                           (ui.printLanguage, "print_language"), (ui.uiLanguage, "language")):
            combo.setCurrentIndex(max(0, combo.findData(prefs.get(key))))
        ui.printCardsOnSave.setChecked(prefs.get("print_cards_on_save"))
        ui.fontPath.setText(prefs.get("font_path"))
        self.check_font()

    def choose_printer(self, kind: str) -> None:
        from PySide6.QtPrintSupport import QPrinterInfo

        names = QPrinterInfo.availablePrinterNames()
        if not names:
            QMessageBox.information(self, self.tr("No printers"), self.tr(
                "No printer is installed on this computer. Documents open in the preview, "
                "where they can be saved as PDF."))
            return
        edit = self._edit_for(kind)
        current = names.index(edit.text()) if edit.text() in names else 0
        name, ok = QInputDialog.getItem(self, self.tr("Choose a printer"), self.tr("Printer:"), names, current, False)
        if ok:
            edit.setText(name)

    def browse_font(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Chinese TrueType font"), self.ui.fontPath.text(),
                                              self.tr("TrueType fonts (*.ttf *.ttc);;All files (*)"))
        if path:
            self.ui.fontPath.setText(path)
            self.check_font()

    def check_font(self) -> None:
        """Show which font the printouts will embed, or the printing layer's warning."""
        try:
            from app.printing import register_font

            choice = register_font(self.ui.fontPath.text().strip() or None)
        except Exception as exc:  # noqa: BLE001 - a bad file must not break the dialog
            self.ui.fontStatus.setText(self.tr("This font cannot be used: {0}").format(exc))
            self.ui.fontStatus.setStyleSheet("color: #c62828;")
            return
        if choice.warning:
            self.ui.fontStatus.setText(choice.warning)
            self.ui.fontStatus.setStyleSheet("color: #c62828;")
        else:
            self.ui.fontStatus.setText(self.tr("Printing with: {0}").format(choice.path))
            self.ui.fontStatus.setStyleSheet("")

    def save(self) -> None:
        ui = self.ui
        shared = {"company_name": ui.companyName.text().strip(), "company_phone": ui.companyPhone.text().strip(),
                  "company_address": ui.companyAddress.text().strip(),
                  "pickup_terms": text_to_terms(ui.pickupTerms.toPlainText()),
                  "default_promise_days": str(ui.promiseDays.value()),
                  daily.KEEP_DAYS_KEY: str(ui.keepDays.value())}
        result = ops.run(self, save_shared, shared, self.ctx.user) if self.may_edit_company else None
        if result is not None and not result.ok:
            if result.field_errors:
                ui.tabs.setCurrentWidget(ui.backupTab if daily.KEEP_DAYS_KEY in result.field_errors
                                         else ui.companyTab)
                self.errors.show(result.field_errors, focus=True)
            return
        for kind in ("receipt", "card", "voucher"):
            prefs.set(f"printer_{kind}", self._edit_for(kind).text().strip())
        prefs.set("receipt_copies", ui.receiptCopies.value())
        prefs.set("receipt_paper", ui.receiptPaper.currentData())
        prefs.set("voucher_paper", ui.voucherPaper.currentData())
        prefs.set("print_language", ui.printLanguage.currentData())
        prefs.set("print_cards_on_save", ui.printCardsOnSave.isChecked())
        prefs.set("font_path", ui.fontPath.text().strip())
        prefs.set("language", ui.uiLanguage.currentData())
        self.accept()
