"""Printing a PDF that a book rendered: straight to the printer remembered
for each document kind, or through a preview.

Public contract (every book's printing relies on it; a job's documents go
through :func:`app.ui.counter.printing.print_job`):

* :func:`print_pdf` ``(parent, pdf, kind, title, *, preview=None, render=None) -> bool``
* :func:`preview_pdf` ``(parent, pdf, kind, title, *, render=None) -> bool``

``kind`` is "receipt" | "card" | "voucher"; each has its own printer (an
80 mm roll, a tag printer, an A4 printer; "voucher" is also every book's A4
office document) kept in this station's prefs as ``printer_<kind>``.

Printing without set-up: the first time a kind is printed with no printer
remembered for it (or the remembered one is gone), :func:`ask_printer` asks
once which printer (the system's default chosen), remembers it, and prints;
"Preview" in that question shows the preview instead. The choice can be
changed later in Settings (or by Print… in a preview). With no printer
installed at all, documents open in the preview.

How a page reaches the paper (:func:`_print_to`):

* **Print to PDF** (the print dialog's file output): the PDF's own bytes are
  written, vector, as the preview's Save PDF… does.
* **A CUPS queue** (Linux, macOS; :mod:`app.ui.base.print_cups`): the PDF
  is handed to ``lp`` with the page's own size; CUPS rasterises it for the
  printer.
* **Anything else** (Windows, or no ``lp``; :mod:`app.ui.base.print_raster`):
  csdesk renders each page at the printer's resolution and paints it. If
  the caller gave ``render`` (``dpi -> PDF bytes``, or None when it cannot),
  the document is first rendered again for that resolution, so that its
  barcodes are whole printer dots.
"""
from __future__ import annotations

import logging
from collections.abc import Callable

from app.ui.base import prefs, print_cups, print_raster
from app.ui.qt import (QComboBox, QCoreApplication, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel,
                       QMessageBox, QPushButton, QVBoxLayout, QWidget)

log = logging.getLogger("csdesk.print")

KINDS = ("receipt", "card", "voucher")
Render = Callable[[int], "bytes | None"]


def tr(text: str) -> str:
    return QCoreApplication.translate("print_service", text)


def kind_label(kind: str) -> str:
    return {"receipt": QCoreApplication.translate("print_service", "Pickup receipt"), "card": QCoreApplication.translate("print_service", "Repair cards"), "voucher": QCoreApplication.translate("print_service", "Service voucher")}.get(kind, kind)


_load = print_raster.load


def _printer_for(kind: str):
    """The QPrinter remembered for ``kind``, or None when it is not installed."""
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    name = prefs.get(f"printer_{kind}") if kind in KINDS else ""
    if not name or name not in QPrinterInfo.availablePrinterNames():
        return None
    printer = QPrinter(QPrinterInfo.printerInfo(name), QPrinter.HighResolution)
    return printer


PREVIEW = "preview"


class ChoosePrinterDialog(QDialog):
    """The first print of a kind: which printer (the system default chosen)?"""

    def __init__(self, kind: str, names: list[str], default: str, missing: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("choosePrinterDialog")
        self.setWindowTitle(tr("Choose the printer: {0}").format(kind_label(kind)))
        layout = QVBoxLayout(self)
        text = tr("Which printer prints the {0} at this computer? csdesk remembers it and prints there "
                  "directly from now on; you can change it in Settings.").format(kind_label(kind))
        if missing:
            text = tr("The printer chosen before, {0}, is not installed any more.").format(missing) + "\n" + text
        label = QLabel(text)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.combo = QComboBox()
        self.combo.setObjectName("printerCombo")
        for name in names:
            self.combo.addItem(name + (tr(" (system default)") if name == default else ""), name)
        self.combo.setCurrentIndex(names.index(default) if default in names else 0)
        label.setBuddy(self.combo)
        layout.addWidget(self.combo)
        buttons = QDialogButtonBox()
        self.print_button = buttons.addButton(tr("Print"), QDialogButtonBox.AcceptRole)
        self.preview_button = buttons.addButton(tr("Preview instead"), QDialogButtonBox.ActionRole)
        buttons.addButton(QDialogButtonBox.Cancel)
        self.print_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.preview_button.clicked.connect(lambda: self.done(2))
        layout.addWidget(buttons)
        self.combo.setFocus()

    def chosen(self) -> str:
        return self.combo.currentData() or ""


def ask_printer(parent: QWidget | None, kind: str) -> str | None:
    """Ask once which printer prints ``kind`` and remember it: the printer's
    name, :data:`PREVIEW` (show the preview this time, ask again next time),
    or None (cancelled). Without any printer installed: :data:`PREVIEW`."""
    from PySide6.QtPrintSupport import QPrinterInfo

    names = list(QPrinterInfo.availablePrinterNames())
    if not names:
        return PREVIEW
    remembered = prefs.get(f"printer_{kind}")
    dialog = ChoosePrinterDialog(kind, names, QPrinterInfo.defaultPrinterName(),
                                 remembered if remembered and remembered not in names else "", parent)
    answer = dialog.exec()
    name = dialog.chosen()
    dialog.deleteLater()
    if answer == 2:
        return PREVIEW
    if answer != QDialog.Accepted or not name:
        return None
    prefs.set(f"printer_{kind}", name)
    log.info("printer for %s: %s (asked at first print)", kind, name)
    return name


def print_pdf(parent: QWidget | None, pdf: bytes, kind: str, title: str, *, preview: bool | None = None,
              render: Render | None = None) -> bool:
    """Print ``pdf``; ``preview=None`` prints straight to the remembered
    printer (when none is remembered or installed, :func:`ask_printer` asks
    once); ``preview=True`` shows the preview."""
    if not preview:
        printer = _printer_for(kind)
        if printer is None and kind in KINDS:
            answer = ask_printer(parent, kind)
            if answer is None:
                return False
            if answer != PREVIEW:
                printer = _printer_for(kind)
        if printer is not None:
            return _print_to(parent, pdf, printer, title, render)
    return preview_pdf(parent, pdf, kind, title, render=render)


def route(printer) -> str:
    """How a document reaches ``printer``: "pdf" (Print to PDF: the file
    written as it is), "cups" (the PDF handed to the CUPS queue) or "raster"
    (pages rendered by csdesk at the printer's resolution)."""
    from PySide6.QtPrintSupport import QPrinter

    if printer.outputFormat() == QPrinter.PdfFormat:
        return "pdf"
    return "cups" if print_cups.queue_of(printer) else "raster"


def _print_to(parent, pdf: bytes, printer, title: str, render: Render | None = None) -> bool:
    """``pdf`` on ``printer``, the way :func:`route` says."""
    way = route(printer)
    if way == "pdf":
        return _write_pdf(parent, pdf, printer.outputFileName())
    if way == "cups":
        return _send_to_cups(parent, pdf, printer, printer.printerName(), title)
    dpi = printer.resolution()
    again = render(dpi) if render is not None else None
    log.info("raster path at %d dpi%s", dpi, "" if again else " (the document as it is)")
    return print_raster.print_pages(parent, again or pdf, printer, title)


def _write_pdf(parent, pdf: bytes, path: str) -> bool:
    """Print to PDF: the document's own bytes, vector (no page rendered at 1 200 dpi)."""
    try:
        with open(path, "wb") as fh:
            fh.write(pdf)
    except OSError as exc:
        QMessageBox.warning(parent, QCoreApplication.translate("print_service", "Cannot print"),
                            QCoreApplication.translate("print_service", "The PDF cannot be written to {0}: {1}").format(path, exc.strerror or exc))
        return False
    log.info("wrote the PDF (%d bytes) to %s", len(pdf), path)
    return True


def _send_to_cups(parent, pdf: bytes, printer, queue: str, title: str) -> bool:
    from PySide6.QtPrintSupport import QPrinter

    doc = _load(pdf)
    try:
        sizes = [(s.width(), s.height()) for s in map(doc.pagePointSize, range(doc.pageCount()))]
    finally:
        doc.deleteLater()
    if not sizes:
        QMessageBox.warning(parent, QCoreApplication.translate("print_service", "Cannot print"),
                            QCoreApplication.translate("print_service", "The document is empty or not a PDF."))
        return False
    pages = None
    if printer.printRange() == QPrinter.PageRange and printer.fromPage() > 0:
        pages = (printer.fromPage(), max(printer.toPage(), printer.fromPage()))
    ok, message = print_cups.send(pdf, queue, sizes, copies=printer.copyCount(), title=title, pages=pages)
    if not ok:
        QMessageBox.warning(parent, QCoreApplication.translate("print_service", "Cannot print"),
                            QCoreApplication.translate("print_service", "The printer {0} did not take the document: {1}").format(queue, message))
    return ok


def choose_printer(parent, kind: str):
    """QPrintDialog for ``kind``; remembers the chosen printer. Returns the QPrinter or None."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = _printer_for(kind) or QPrinter(QPrinter.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("print_service", "Print: {0}").format(kind_label(kind)))
    if dialog.exec() != QDialog.Accepted:
        return None
    if kind in KINDS and printer.printerName() and printer.outputFormat() == QPrinter.NativeFormat:
        prefs.set(f"printer_{kind}", printer.printerName())   # not "Print to file": a printer
    return printer


class PdfPreview(QDialog):
    """Shows a rendered PDF with Print…, Save PDF… and Close."""

    def __init__(self, pdf: bytes, kind: str, title: str, parent: QWidget | None = None,
                 render: Render | None = None):
        super().__init__(parent)
        self.pdf, self.kind, self.printed, self.render = pdf, kind, False, render
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
        self.resize(560 if kind != "voucher" else 760, 680)
        self._title = title

    def print_(self) -> None:
        printer = choose_printer(self, self.kind)
        if printer is not None and _print_to(self, self.pdf, printer, self._title, self.render):
            self.printed = True
            self.accept()

    def save(self) -> None:
        name = "".join(c if c.isalnum() or c in "-_" else "_" for c in self._title) + ".pdf"
        path, _ = QFileDialog.getSaveFileName(self, QCoreApplication.translate("print_service", "Save PDF"), name, QCoreApplication.translate("print_service", "PDF files (*.pdf)"))
        if path:
            with open(path, "wb") as fh:
                fh.write(self.pdf)


def preview_pdf(parent: QWidget | None, pdf: bytes, kind: str, title: str, *, render: Render | None = None) -> bool:
    """Show the preview; True if the clerk printed from it."""
    dialog = PdfPreview(pdf, kind, title, parent, render)
    dialog.exec()
    dialog.deleteLater()
    return dialog.printed
