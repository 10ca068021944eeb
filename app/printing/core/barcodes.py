"""Code128 and QR drawings sized for scanners reading thermal paper.

Thermal printers print at 203 dpi (8 dots/mm), so a Code128 module is kept
at a whole number of dots: 0.375 mm (3 dots) when it fits, 0.25 mm (2 dots)
as the smallest a common 1D/2D hand scanner reads reliably.  The quiet zone
is 10 modules each side, as Code128 requires; it is part of the drawing, so
callers must not place anything inside the drawing's box.
"""
from __future__ import annotations

from reportlab import rl_config

# Off before reportlab.graphics.shapes is first imported (see app/printing/__init__.py).
rl_config.shapeChecking = 0

from reportlab.graphics.barcode import createBarcodeDrawing  # noqa: E402
from reportlab.graphics.shapes import Drawing  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402

# Preferred module widths, widest first (3, 2.5 and 2 printer dots).
BAR_WIDTHS_MM = (0.375, 0.33, 0.25)
MIN_BAR_WIDTH_MM = 0.25
QUIET_MODULES = 10


def _code128(value: str, bar_width: float, bar_height: float, font_name: str,
             font_size: float, human: bool) -> Drawing:
    quiet = QUIET_MODULES * bar_width
    return createBarcodeDrawing(
        "Code128", value=value, barWidth=bar_width, barHeight=bar_height,
        humanReadable=human, fontName=font_name, fontSize=font_size,
        quiet=1, lquiet=quiet, rquiet=quiet)


def code128(value: str, max_width: float, *, bar_height: float = 9 * mm,
            font_name: str = "Helvetica", font_size: float = 8,
            human_readable: bool = True) -> Drawing:
    """A Code128 drawing of ``value`` no wider than ``max_width`` points (quiet zones included).

    Picks the widest module from :data:`BAR_WIDTHS_MM` that fits.  If even
    0.25 mm does not fit, the bars are narrowed to fit rather than cut off —
    they will still scan with a good imager, and nothing is printed off-paper.
    """
    drawing = None
    for w_mm in BAR_WIDTHS_MM:
        drawing = _code128(value, w_mm * mm, bar_height, font_name, font_size, human_readable)
        if drawing.width <= max_width:
            return drawing
    # Width is linear in the module width: scale to fit exactly.
    narrower = MIN_BAR_WIDTH_MM * mm * max_width / drawing.width
    return _code128(value, narrower, bar_height, font_name, font_size, human_readable)


def qr(value: str, size: float) -> Drawing:
    """A square QR drawing ``size`` points wide (4-module quiet border included).

    Error correction M: survives a smudge on thermal paper, and a job/card
    number is short enough to stay at version 1-2 (large modules).
    """
    return createBarcodeDrawing("QR", value=value, width=size, height=size,
                                barLevel="M", barBorder=4)
