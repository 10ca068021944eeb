"""The printing layer: PDFs for the pickup receipt, repair cards and service voucher.

Pure reportlab — no Qt, no database.  The domain layer builds the data
objects in :mod:`app.printing.data`; the GUI and CLI show
``register_font().warning`` to the user when it is not empty.
"""
from .card import render_cards
from .common import set_invariant
from .fonts import NO_FONT_WARNING, FontChoice, find_cjk_font, register_font
from .receipt import render_receipt
from .voucher import render_voucher

__all__ = ["render_receipt", "render_cards", "render_voucher", "register_font", "find_cjk_font",
           "FontChoice", "NO_FONT_WARNING", "set_invariant"]
