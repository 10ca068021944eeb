"""Code128 and QR drawings sized for scanners reading thermal paper.

Thermal printers print at 203 dpi (8 dots/mm), so a Code128 module is kept
at a whole number of dots: 0.375 mm (3 dots) when it fits, 0.25 mm (2 dots)
as the smallest a common 1D/2D hand scanner reads reliably.  The quiet zone
is 10 modules each side, as Code128 requires; it is part of the drawing, so
callers must not place anything inside the drawing's box.

``dpi`` (the printer's resolution, when the page is rasterised by csdesk
itself: the raster print path) draws each bar and QR module as a whole
number of that printer's dots, and puts the drawing on the dot grid of the
page image (:class:`OnDots`): a page ``W`` points wide is rendered into
``round(W * dpi / 72)`` pixels (app/ui/base/print_raster.py), so a dot is
``W / round(W * dpi / 72)`` points across and likewise down.  Without it
(``dpi=None``: the vector PDF, saved or sent to a printer that rasterises
it itself) the drawing is the same as ever.
"""
from __future__ import annotations

import itertools
import math

from reportlab import rl_config

# Off before reportlab.graphics.shapes is first imported (see app/printing/__init__.py).
rl_config.shapeChecking = 0

from reportlab.graphics import renderPDF  # noqa: E402
from reportlab.graphics.barcode import createBarcodeDrawing  # noqa: E402
from reportlab.graphics.barcode import qrencoder  # noqa: E402
from reportlab.graphics.shapes import Drawing, Group, Rect  # noqa: E402
from reportlab.lib.colors import black  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402

# Preferred module widths, widest first (3, 2.5 and 2 printer dots).
BAR_WIDTHS_MM = (0.375, 0.33, 0.25)
MIN_BAR_WIDTH_MM = 0.25
QUIET_MODULES = 10
QR_BORDER = 4
# QtPdf (PDFium) fills a rectangle on whole pixels: from its left edge's
# pixel, ceil(width) pixels wide, so a bar k dots wide give or take a
# rounding error comes out k or k + 1 dots (the card's bars ran 2, 3, 5 and 9
# dots for 2 and 4: no reader decoded them).  So each bar and module is a
# twentieth of a dot narrower than its k dots (never rounded up), and its
# left and top edges fall a quarter dot into a pixel (never on a boundary).
GRID_OFFSET = 0.25
TRIM = 0.05


def _code128(value: str, bar_width: float, bar_height: float, font_name: str,
             font_size: float, human: bool) -> Drawing:
    quiet = QUIET_MODULES * bar_width
    return createBarcodeDrawing(
        "Code128", value=value, barWidth=bar_width, barHeight=bar_height,
        humanReadable=human, fontName=font_name, fontSize=font_size,
        quiet=1, lquiet=quiet, rquiet=quiet)


def code128(value: str, max_width: float, *, bar_height: float = 9 * mm,
            font_name: str = "Helvetica", font_size: float = 8,
            human_readable: bool = True, dpi: int | None = None) -> Drawing:
    """A Code128 drawing of ``value`` no wider than ``max_width`` points (quiet zones included).

    Picks the widest module from :data:`BAR_WIDTHS_MM` that fits.  If even
    0.25 mm does not fit, the bars are narrowed to fit rather than cut off —
    they will still scan with a good imager, and nothing is printed off-paper.
    With ``dpi``, the module is the widest whole number of dots from 0.375 mm
    down to 0.25 mm that fits (fewer dots if none does, never less than one).
    """
    def make(bar_width: float) -> Drawing:
        return _code128(value, bar_width, bar_height, font_name, font_size, human_readable)

    if dpi:
        dot = 72 / dpi
        modules = make(dot).width / dot          # the width is linear in the module width
        widest = max(1, math.floor(BAR_WIDTHS_MM[0] * mm / dot + 0.05))
        dots = min(widest, math.floor(max_width / (modules * dot) + 1e-9))
        if dots >= 1:
            return OnDots(make(dots * dot), lambda dx, dy: _trimmed(make(dots * dx), TRIM * dx), dpi)
    drawing = None
    for w_mm in BAR_WIDTHS_MM:
        drawing = make(w_mm * mm)
        if drawing.width <= max_width:
            return drawing
    # Width is linear in the module width: scale to fit exactly.
    return make(MIN_BAR_WIDTH_MM * mm * max_width / drawing.width)


def qr(value: str, size: float, *, dpi: int | None = None) -> Drawing:
    """A square QR drawing ``size`` points wide (4-module quiet border included).

    Error correction M: survives a smudge on thermal paper, and a job/card
    number is short enough to stay at version 1-2 (large modules).  With
    ``dpi``, each module is the largest whole number of dots that fits, the
    code centred in the same ``size`` box.
    """
    if dpi:
        code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
        code.addData(value)
        code.make()
        modules = code.getModuleCount() + 2 * QR_BORDER
        dots = math.floor(size / (modules * 72 / dpi) + 1e-9)
        if dots >= 1:
            return OnDots(_qr_modules(code, size, dots, 72 / dpi, 72 / dpi),
                          lambda dx, dy: _qr_modules(code, size, dots, dx, dy), dpi)
    return createBarcodeDrawing("QR", value=value, width=size, height=size,
                                barLevel="M", barBorder=QR_BORDER)


def _qr_modules(code, size: float, dots: int, dot_x: float, dot_y: float) -> Drawing:
    """The QR's dark modules as rectangles ``dots`` dots square, in a ``size`` box."""
    count = code.getModuleCount()
    full = count + 2 * QR_BORDER
    # The margin around the code a whole number of dots too.
    left = math.floor((size - full * dots * dot_x) / 2 / dot_x) * dot_x + QR_BORDER * dots * dot_x
    top = size - math.floor((size - full * dots * dot_y) / 2 / dot_y) * dot_y - QR_BORDER * dots * dot_y
    drawing = Drawing(size, size)
    for r, row in enumerate(code.modules):
        c = 0
        for dark, run in itertools.groupby(bool(m) for m in row):
            n = len(list(run))
            if dark:   # TRIM: see above; the bottom edge moves up, the top stays on its row
                drawing.add(Rect(left + c * dots * dot_x, top - (r + 1 - TRIM) * dots * dot_y,
                                 (n * dots - TRIM) * dot_x, (dots - TRIM) * dot_y,
                                 fillColor=black, strokeColor=None, strokeWidth=0))
            c += n
    return drawing


def _trimmed(drawing: Drawing, trim: float) -> Drawing:
    """``drawing`` with every filled rectangle (a bar) ``trim`` points narrower."""
    flat = drawing.expandUserNodes()
    stack = [flat]
    while stack:
        for node in stack.pop().contents:
            if isinstance(node, Group):
                stack.append(node)
            elif isinstance(node, Rect) and node.fillColor is not None and node.width > trim:
                node.width -= trim
    return flat


class OnDots(Drawing):
    """A barcode that, drawn on a page (``drawOn``), moves itself by less
    than half a printer dot onto the page image's dot grid and draws its bars
    and modules as whole dots of that grid (``build(dot_x, dot_y)``).  Its box
    is the one laid out (``template``'s); drawn any other way, it is the
    template: the same bars at 72/dpi points a dot."""

    def __init__(self, template: Drawing, build, dpi: int):
        super().__init__(template.width, template.height)
        self.add(template)
        self._build, self._dpi = build, dpi

    def draw(self, showBoundary=rl_config._unset_):
        canv = self.canv
        a, b, c, d, x, y = canv._currentMatrix
        if (a, b, c, d) != (1, 0, 0, 1):     # scaled or turned: no grid to snap to
            return super().draw(showBoundary)
        width, height = canv._pagesize
        dot_x = width / max(1, round(width * self._dpi / 72))
        dot_y = height / max(1, round(height * self._dpi / 72))
        # Left edge GRID_OFFSET into a column of dots; the top edge (the page
        # image's rows are counted from the top) GRID_OFFSET into a row.
        gx = (round(x / dot_x - GRID_OFFSET) + GRID_OFFSET) * dot_x
        top = height - (y + self.height)
        gtop = (round(top / dot_y - GRID_OFFSET) + GRID_OFFSET) * dot_y
        renderPDF.draw(self._build(dot_x, dot_y), canv, gx - x, top - gtop)
