"""Import customers from a list (.xlsx / .csv): check every row first, then
import in one step.

Two steps, as :mod:`app.domain.customers.import_export` does them: "Check the file"
reads and checks every row and writes nothing; the preview shows each row
ok / warning / error with its messages. The domain's rule: rows with errors
are never imported, rows with warnings are; the user may also untick a good
row. "Import N rows" writes them in one transaction.

A field that cannot be read (a date "不详", a credit rating "未评") is
imported empty with a warning; "Strict" rejects such rows instead. The
credit words the file uses ("AA", "良好") show with the rating each becomes.
"""
from __future__ import annotations

import os

from app.domain.customers import import_export, import_file
from app.ui.base import ops
from app.ui.base.table_models import setup_view
from app.ui.base.widgets import FieldErrors
from app.ui.customers import models as cm
from app.ui.generated.ui_import import Ui_ImportDialog
from app.ui.qt import QCheckBox, QDialog, QFileDialog, QLabel, QMessageBox, QPushButton


class ImportDialog(QDialog):
    """``ImportDialog(ctx)``; :attr:`result` is the ImportResult after an import."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.preview = None
        self.result = None
        self.ui = ui = Ui_ImportDialog()
        ui.setupUi(self)
        self.model = cm.ImportPreviewModel(self)
        setup_view(ui.previewView, self.model)
        self.errors = FieldErrors()
        self.errors.add("file", ui.fileEdit, ui.fileError)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        ui.previewButton.setDefault(True)
        ui.browseButton.clicked.connect(self.browse)
        ui.previewButton.clicked.connect(self.check_file)
        ui.fileEdit.returnPressed.connect(self.check_file)
        ui.importButton.clicked.connect(self.do_import)
        ui.closeButton.clicked.connect(self.reject)
        ui.errorsOnlyCheck.toggled.connect(self._show_rows)
        self.strictCheck = QCheckBox(self.tr("&Strict: leave out rows with a field that cannot be read"), self)
        self.strictCheck.setToolTip(self.tr("Without it, a field that cannot be read (a date such as 不详 or in the "
                                            "future, an unknown credit rating, a broken phone number) is imported "
                                            "empty and the row gets a warning."))
        self.strictCheck.toggled.connect(self._strict_toggled)
        ui.buttonRow.insertWidget(ui.buttonRow.indexOf(ui.errorsOnlyCheck) + 1, self.strictCheck)
        self.creditLabel = QLabel(self)
        self.creditLabel.setWordWrap(True)
        self.creditLabel.setStyleSheet("color: #546e7a;")
        self.creditLabel.setToolTip(self.credit_table())
        self.creditLabel.hide()
        ui.mainLayout.insertWidget(ui.mainLayout.indexOf(ui.columnsLabel) + 1, self.creditLabel)
        self.model.dataChanged.connect(lambda *_: self._update_summary())
        self._update_summary()

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Customer list"), "",
                                              self.tr("Customer lists (*.xlsx *.csv);;All files (*)"))
        if path:
            self.ui.fileEdit.setText(path)
            self.check_file()

    def check_file(self) -> bool:
        """Read and check the file; nothing is written."""
        self.preview = None
        path = self.ui.fileEdit.text().strip()
        if not path:
            self.errors.show({"file": self.tr("Choose a .xlsx or .csv file.")})
            return False
        result = ops.run(self, import_export.preview, path, self.ctx.user, self.strictCheck.isChecked())
        if not result.ok:
            self.errors.show(result.field_errors)
            self.creditLabel.hide()
            self._show_rows()
            return False
        self.errors.clear()
        self.preview = result.value
        pv = self.preview
        text = self.tr("Columns read: %1.").replace("%1", ", ".join(
            f"{header} → {cm.field_label(f) if f != 'contact' else self.tr('Contact')}" for f, header in pv.columns.items()))
        if pv.ignored:
            text += " " + self.tr("Not imported: %1.").replace("%1", ", ".join(pv.ignored))
        self.ui.columnsLabel.setText(text)
        self._show_credit_words()
        self._show_rows()
        return True

    def credit_table(self) -> str:
        """The credit words the import understands, rating by rating."""
        return self.tr("Credit ratings read from the file:") + "\n" + "\n".join(
            f"{rating} ← {', '.join(words.split())}" for rating, words in import_file.CREDIT_WORDS.items())

    def _show_credit_words(self) -> None:
        pv = self.preview
        if pv is None or "credit_rating" not in pv.columns:
            self.creditLabel.hide()
            return
        if pv.credit_words:
            met = ", ".join(f"{word} → {rating} ({self.tr('%n row(s)', '', n)})"
                            for word, (rating, n) in pv.credit_words.items())
            text = self.tr("Credit ratings as written in the file: %1.").replace("%1", met)
        else:
            text = self.tr("Credit ratings: A, B, C or D in the file.")
        self.creditLabel.setText(text + " " + self.tr("(AAA, AA, 优 → A; BBB, 良好 → B; 一般 → C; 差 → D: "
                                                      "the whole table in the tooltip.)"))
        self.creditLabel.show()

    def _strict_toggled(self, _on: bool) -> None:
        if self.preview is not None:
            self.check_file()

    def _show_rows(self, *_args) -> None:
        rows = self.preview.rows if self.preview else []
        if self.ui.errorsOnlyCheck.isChecked():
            rows = [r for r in rows if r.messages]
        self.model.set_rows(rows)
        self._update_summary()

    def importable(self) -> int:
        return sum(r.status != "error" and r.include for r in self.preview.rows) if self.preview else 0

    def _update_summary(self) -> None:
        n = self.importable()
        self.ui.importButton.setText(self.tr("&Import %n row(s)", "", n))
        self.ui.importButton.setEnabled(n > 0)
        if self.preview is None:
            self.ui.summaryLabel.setText(self.tr("Nothing is written until you press Import."))
            return
        pv = self.preview
        text = self.tr("%n row(s) in the file: ", "", len(pv.rows)) + \
            self.tr("%1 ready, %2 with warnings (imported), %3 with errors (not imported).") \
            .replace("%1", str(pv.count("ok"))).replace("%2", str(pv.count("warning"))) \
            .replace("%3", str(pv.count("error")))
        if pv.count("error"):
            text += " " + self.tr("Correct the rows with errors in the file and check it again, or import the others.")
        self.ui.summaryLabel.setText(text)

    def do_import(self) -> bool:
        n = self.importable()
        if not n or self.preview is None:
            return False
        errors = self.preview.count("error")
        question = self.tr("Import %n customer(s) into the archive?", "", n)
        if errors:
            question += "\n" + self.tr("%n row(s) with errors will be left out.", "", errors)
        if QMessageBox.question(self, self.tr("Import customers"), question) != QMessageBox.Yes:
            return False
        result = ops.run(self, import_export.commit, self.preview, self.ctx.user, changed="customers")
        if not result.ok:
            self.check_file()         # e.g. a customer of the same name added meanwhile: checked again
            return False
        self.result = r = result.value
        self.preview = None
        self._show_rows()
        codes = f" ({r.codes[0]} … {r.codes[-1]})" if len(r.codes) > 1 else f" ({r.codes[0]})" if r.codes else ""
        QMessageBox.information(self, self.tr("Import customers"),
                                self.tr("%n customer(s) added", "", r.created) + codes + ". "
                                + self.tr("%n row(s) not imported.", "", r.skipped)
                                + "\n" + os.path.basename(self.ui.fileEdit.text()))
        return True
