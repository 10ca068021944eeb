"""The printed documents of a job, as PDF bytes: one entry point for the
GUI, the command line (``csdesk print``) and the tests. Imports no Qt."""
from __future__ import annotations

from dataclasses import dataclass

from app.domain.counter import documents
from app.domain.counter.models import Job

KINDS = ("receipt", "cards", "voucher")


@dataclass
class PrintOptions:
    lang: str = "zh_CN"
    receipt_paper: str = "80mm"     # 80mm | A5
    voucher_paper: str = "A4"       # A4 | A5
    copies: int = 1                 # receipt copies
    font_path: str | None = None    # CJK TrueType font; None = find one
    dpi: int | None = None          # the printer's dots per inch when csdesk rasterises the pages
                                    # itself (barcodes in whole dots); None = the vector PDF


def render(kind: str, job: Job, options: PrintOptions | None = None) -> bytes:
    """PDF bytes of ``kind`` ("receipt", "cards" or "voucher") for ``job``."""
    from app import printing
    from app.domain.core.printed import laid_out

    o = options or PrintOptions()
    font = printing.register_font(o.font_path or None)
    # Long content flows onto further pages; should a part still not fit, a
    # message (DocumentNotLaidOut), never a LayoutError.
    if kind == "receipt":
        return laid_out(printing.render_receipt, documents.receipt_data(job), paper=o.receipt_paper, lang=o.lang,
                        font=font, copies=max(1, o.copies), dpi=o.dpi)
    if kind in ("cards", "card"):
        return laid_out(printing.render_cards, documents.card_data(job), lang=o.lang, font=font, dpi=o.dpi)
    if kind == "voucher":
        return laid_out(printing.render_voucher, documents.voucher_data(job), paper=o.voucher_paper, lang=o.lang,
                        font=font, dpi=o.dpi)
    raise ValueError(f"unknown document {kind!r}; one of {', '.join(KINDS)}")


def font_warning(options: PrintOptions | None = None) -> str:
    """The printing layer's warning when no CJK TrueType font was found."""
    from app import printing

    return printing.register_font((options or PrintOptions()).font_path or None).warning or ""
