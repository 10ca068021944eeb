"""The printing layer: PDFs for the pickup receipt, repair cards and service voucher.

Pure reportlab — no Qt, no database.  The domain layer builds the data
objects in :mod:`app.printing.data`; the GUI and CLI show
``register_font().warning`` to the user when it is not empty.
"""
from reportlab import rl_config

# Barcodes are built from thousands of reportlab shapes; attribute checking
# on each one tripled the time to print three repair cards (105 ms -> 31 ms
# without it, tools/benchmark.py). It must be off before
# reportlab.graphics.shapes is first imported.
rl_config.shapeChecking = 0

from .card import render_cards  # noqa: E402
from .common import set_invariant  # noqa: E402
from .fonts import NO_FONT_WARNING, FontChoice, find_cjk_font, register_font  # noqa: E402
from .receipt import render_receipt  # noqa: E402
from .voucher import render_voucher  # noqa: E402

__all__ = ["render_receipt", "render_cards", "render_voucher", "register_font", "find_cjk_font",
           "FontChoice", "NO_FONT_WARNING", "set_invariant"]
