"""Printing a PDF that a book rendered: straight to the printer remembered
for each document kind, or through a preview.

Public contract (every book's printing relies on it; a job's documents go
through :func:`app.ui.counter.printing.print_job`):

* :func:`print_pdf` ``(parent, pdf, kind, title, *, preview=None) -> bool``
* :func:`preview_pdf` ``(parent, pdf, kind, title) -> bool``

``kind`` is "receipt" | "card" | "voucher"; each has its own printer (an
80 mm roll, a tag printer, an A4 printer) kept in this station's prefs as
``printer_<kind>``. The PDF is the document: each page is rendered with
QtPdf at the printer's resolution and painted onto a page of the PDF's own
size, so a 60x90 mm tag comes out as a tag and never gets scaled to A4.
"""
from __future__ import annotations

import logging

from app.ui.base import prefs
from app.ui.qt import (QBuffer, QByteArray, QCoreApplication, QDialog, QFileDialog, QHBoxLayout, QIODevice, QLabel,
                       QMarginsF, QMessageBox, QPageLayout, QPageSize, QPainter, QPushButton, QRect, QSize, QSizeF,
                       QVBoxLayout, QWidget)

log = logging.getLogger("csdesk.print")

KINDS = ("receipt", "card", "voucher")
PT_PER_MM = 72 / 25.4


def tr(text: str) -> str:
    return QCoreApplication.translate("print_service", text)


def kind_label(kind: str) -> str:
    return {"receipt": QCoreApplication.translate("print_service", "Pickup receipt"), "card": QCoreApplication.translate("print_service", "Repair cards"), "voucher": QCoreApplication.translate("print_service", "Service voucher")}.get(kind, kind)


def _load(pdf: bytes, parent=None):
    """A QPdfDocument reading ``pdf`` (kept alive by the document's parent)."""
    from PySide6.QtPdf import QPdfDocument

    doc = QPdfDocument(parent)
    buf = QBuffer(doc)
    buf.setData(QByteArray(pdf))
    buf.open(QIODevice.ReadOnly)
    doc.load(buf)
    return doc


def _printer_for(kind: str):
    """The QPrinter remembered for ``kind``, or None when it is not installed."""
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    name = prefs.get(f"printer_{kind}") if kind in KINDS else ""
    if not name or name not in QPrinterInfo.availablePrinterNames():
        return None
    printer = QPrinter(QPrinterInfo.printerInfo(name), QPrinter.HighResolution)
    return printer


def print_pdf(parent: QWidget | None, pdf: bytes, kind: str, title: str, *, preview: bool | None = None) -> bool:
    """Print ``pdf``; ``preview=None`` prints straight to the remembered printer
    (falling back to the preview when none is set or installed)."""
    if not preview:
        printer = _printer_for(kind)
        if printer is not None:
            return _print_to(parent, pdf, printer, title)
    return preview_pdf(parent, pdf, kind, title)


def _print_to(parent, pdf: bytes, printer, title: str) -> bool:
    """Paint each PDF page on its own printer page, sized as the PDF page."""
    doc = _load(pdf)
    try:
        if doc.pageCount() == 0:
            QMessageBox.warning(parent, QCoreApplication.translate("print_service", "Cannot print"), QCoreApplication.translate("print_service", "The document is empty or not a PDF."))
            return False
        printer.setDocName(title)
        painter = QPainter()
        for page in range(doc.pageCount()):
            size_pt = doc.pagePointSize(page)
            page_size = QPageSize(QSizeF(size_pt.width() / PT_PER_MM, size_pt.height() / PT_PER_MM),
                                  QPageSize.Millimeter, "", QPageSize.ExactMatch)
            layout = QPageLayout(page_size, QPageLayout.Portrait, QMarginsF(0, 0, 0, 0))
            printer.setPageLayout(layout)
            if page == 0:
                if not painter.begin(printer):
                    QMessageBox.warning(parent, QCoreApplication.translate("print_service", "Cannot print"),
                                        QCoreApplication.translate("print_service", "The printer {0} cannot be opened.").format(printer.printerName()))
                    return False
            elif not printer.newPage():
                break
            dpi = printer.resolution()
            px = QSize(round(size_pt.width() / 72 * dpi), round(size_pt.height() / 72 * dpi))
            image = doc.render(page, px)
            target = printer.pageLayout().fullRectPixels(dpi)
            painter.drawImage(QRect(0, 0, target.width(), target.height()), image)
        painter.end()
        return True
    finally:
        doc.deleteLater()


def choose_printer(parent, kind: str):
    """QPrintDialog for ``kind``; remembers the chosen printer. Returns the QPrinter or None."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = _printer_for(kind) or QPrinter(QPrinter.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("print_service", "Print: {0}").format(kind_label(kind)))
    if dialog.exec() != QDialog.Accepted:
        return None
    if kind in KINDS and printer.printerName():
        prefs.set(f"printer_{kind}", printer.printerName())
    return printer


class PdfPreview(QDialog):
    """Shows a rendered PDF with Print…, Save PDF… and Close."""

    def __init__(self, pdf: bytes, kind: str, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.pdf, self.kind, self.printed = pdf, kind, False
        self.setWindowTitle(QCoreApplication.translate("print_service", "Preview: {0}").format(title))
        layout = QVBoxLayout(self)
        try:
            from PySide6.QtPdfWidgets import QPdfView

            self.document = _load(pdf, self)
            self.view = QPdfView(self)
            self.view.setPageMode(QPdfView.PageMode.MultiPage)
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth
                                  if kind == "voucher" else QPdfView.ZoomMode.Custom)
            if kind != "voucher":
                self.view.setZoomFactor(1.5)   # small tags/rolls: readable, not page-wide
            self.view.setDocument(self.document)
            layout.addWidget(self.view, 1)
            pages = self.document.pageCount()
        except ImportError:  # QtPdf missing: still let the clerk save and print elsewhere
            self.document = None
            layout.addWidget(QLabel(QCoreApplication.translate("print_service", "The preview needs the PySide6 QtPdf module; save the PDF instead.")), 1)
            pages = 0
        bar = QHBoxLayout()
        bar.addWidget(QLabel(QCoreApplication.translate("print_service", "{0} — {1} page(s)").format(kind_label(kind), pages)))
        bar.addStretch(1)
        self.print_button = QPushButton(QCoreApplication.translate("print_service", "&Print…"))
        self.save_button = QPushButton(QCoreApplication.translate("print_service", "&Save PDF…"))
        self.close_button = QPushButton(QCoreApplication.translate("print_service", "Close"))
        for b in (self.print_button, self.save_button, self.close_button):
            bar.addWidget(b)
        layout.addLayout(bar)
        self.print_button.setDefault(True)
        self.print_button.setEnabled(self.document is not None)
        self.print_button.clicked.connect(self.print_)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        self.resize(560 if kind != "voucher" else 760, 700)
        self._title = title

    def print_(self) -> None:
        printer = choose_printer(self, self.kind)
        if printer is not None and _print_to(self, self.pdf, printer, self._title):
            self.printed = True
            self.accept()

    def save(self) -> None:
        name = "".join(c if c.isalnum() or c in "-_" else "_" for c in self._title) + ".pdf"
        path, _ = QFileDialog.getSaveFileName(self, QCoreApplication.translate("print_service", "Save PDF"), name, QCoreApplication.translate("print_service", "PDF files (*.pdf)"))
        if path:
            with open(path, "wb") as fh:
                fh.write(self.pdf)


def preview_pdf(parent: QWidget | None, pdf: bytes, kind: str, title: str) -> bool:
    """Show the preview; True if the clerk printed from it."""
    dialog = PdfPreview(pdf, kind, title, parent)
    dialog.exec()
    dialog.deleteLater()
    return dialog.printed
