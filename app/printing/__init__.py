"""The printing layer: every printed document as PDF bytes, by book.

``core`` holds what every document shares (fonts, barcodes, text fitting,
the office page frame, the company heading); ``counter`` the pickup
receipt, repair cards and service voucher; ``customers`` the archive card
and the overview; ``field`` the visit report and plan, the gift slip and
activity list, the survey form and results.

Pure reportlab — no Qt, no database.  The domain layer builds each
document's plain data objects (e.g. :mod:`app.printing.counter.data`); the
GUI and CLI show ``register_font().warning`` to the user when it is not
empty.

The renderers are imported on first use: ``app.printing.counter.data`` is imported
at start-up (the domain builds its objects) and must not pull in reportlab,
which costs ~150 ms before the window can show.
"""
from __future__ import annotations

import importlib

_EXPORTS = {
    "render_cards": ".counter.card",
    "render_receipt": ".counter.receipt",
    "render_voucher": ".counter.voucher",
    "set_invariant": ".core.common",
    "NO_FONT_WARNING": ".core.fonts",
    "FontChoice": ".core.fonts",
    "find_cjk_font": ".core.fonts",
    "register_font": ".core.fonts",
}
__all__ = list(_EXPORTS)


def _prepare_reportlab() -> None:
    from reportlab import rl_config

    # Barcodes are built from thousands of reportlab shapes; attribute
    # checking on each one tripled the time to print three repair cards
    # (105 ms -> 31 ms without it, tools/benchmark.py). It must be off before
    # reportlab.graphics.shapes is first imported.
    rl_config.shapeChecking = 0


def __getattr__(name: str):
    if name in _EXPORTS:
        _prepare_reportlab()
        value = getattr(importlib.import_module(_EXPORTS[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(name)
