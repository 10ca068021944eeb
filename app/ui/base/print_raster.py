"""The raster print path: csdesk renders each PDF page at the printer's
resolution with QtPdf and paints the image on the printer, one image pixel
on one printer dot.  Used where the printer does not take a PDF (Windows, or
a system without CUPS's ``lp``); :mod:`app.ui.base.print_service` decides.

* :func:`page_images` ``(pdf, dpi)``: the page images, as painted
* :func:`print_pages` ``(parent, pdf, printer, title) -> bool``

A page ``W`` points wide becomes an image ``round(W * dpi / 72)`` pixels
wide (likewise down): the barcodes of a document rendered for ``dpi``
(:mod:`app.printing.core.barcodes`) sit on that image's pixel grid, each bar
and module a whole number of pixels, and paths and images are drawn without
antialiasing, so no bar gets a grey edge for the printer's driver to
threshold one way or the other.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator

from app.ui.qt import (QBuffer, QByteArray, QCoreApplication, QIODevice, QMarginsF, QMessageBox, QPageLayout,
                       QPageSize, QPainter, QSize, QSizeF)

log = logging.getLogger("csdesk.print")

PT_PER_MM = 72 / 25.4


def load(pdf: bytes, parent=None):
    """A QPdfDocument reading ``pdf`` (kept alive by the document's parent)."""
    from PySide6.QtPdf import QPdfDocument

    doc = QPdfDocument(parent)
    buf = QBuffer(doc)
    buf.setData(QByteArray(pdf))
    buf.open(QIODevice.ReadOnly)
    doc.load(buf)
    return doc


def pixels(points: float, dpi: int) -> int:
    """Pixels of a page side ``points`` long at ``dpi`` (the barcodes' grid assumes the same)."""
    return max(1, round(points * dpi / 72))


def _options():
    from PySide6.QtPdf import QPdfDocumentRenderOptions

    flag = QPdfDocumentRenderOptions.RenderFlag
    options = QPdfDocumentRenderOptions()
    options.setRenderFlags(flag.PathAliased | flag.ImageAliased)
    return options


def _render(doc, page: int, dpi: int, options):
    size = doc.pagePointSize(page)
    return doc.render(page, QSize(pixels(size.width(), dpi), pixels(size.height(), dpi)), options)


def page_images(pdf: bytes, dpi: int) -> Iterator:
    """Each page as the QImage the raster path paints: ARGB, transparent
    where the paper stays white."""
    doc = load(pdf)
    try:
        options = _options()
        for page in range(doc.pageCount()):
            yield _render(doc, page, dpi, options)
    finally:
        doc.deleteLater()


def _page_range(printer, count: int) -> range:
    """The pages chosen in the print dialog (From/To), 0-based; all of them otherwise."""
    first, last = printer.fromPage(), printer.toPage()
    if first <= 0:
        return range(count)
    return range(min(first, count) - 1, min(max(last, first), count))


def print_pages(parent, pdf: bytes, printer, title: str) -> bool:
    """Paint each PDF page, rendered at ``printer.resolution()``, on a printer
    page of the PDF page's own size (a 60x90 mm tag stays a tag)."""
    doc = load(pdf)
    try:
        count = doc.pageCount()
        if count == 0:
            QMessageBox.warning(parent, QCoreApplication.translate("print_service", "Cannot print"),
                                QCoreApplication.translate("print_service", "The document is empty or not a PDF."))
            return False
        printer.setDocName(title)
        printer.setFullPage(True)       # the painter's (0, 0) is the paper's corner, as the PDF page's
        dpi = printer.resolution()
        pages = _page_range(printer, count)
        options = _options()
        painter = QPainter()
        for n, page in enumerate(pages):
            size_pt = doc.pagePointSize(page)
            page_size = QPageSize(QSizeF(size_pt.width() / PT_PER_MM, size_pt.height() / PT_PER_MM),
                                  QPageSize.Millimeter, "", QPageSize.ExactMatch)
            printer.setPageLayout(QPageLayout(page_size, QPageLayout.Portrait, QMarginsF(0, 0, 0, 0)))
            if n == 0:
                if not painter.begin(printer):
                    QMessageBox.warning(parent, QCoreApplication.translate("print_service", "Cannot print"),
                                        QCoreApplication.translate("print_service", "The printer {0} cannot be opened.").format(printer.printerName()))
                    return False
            elif not printer.newPage():
                break
            painter.drawImage(0, 0, _render(doc, page, dpi, options))   # unscaled: a pixel a dot
        painter.end()
        log.info("printed %r on %s through the raster path at %d dpi (%d pages)",
                 title, printer.printerName() or printer.outputFileName(), dpi, len(pages))
        return True
    finally:
        doc.deleteLater()
