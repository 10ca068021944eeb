"""A job's documents printed from the counter: the receipt, the repair cards
and the service voucher, rendered by :mod:`app.domain.counter.printouts`
with this station's print settings and sent through
:mod:`app.ui.base.print_service` (which asks for them again at a printer's
resolution when it rasterises the pages itself).

* :func:`print_job` ``(parent, ctx, job_id, kinds=("receipt", "cards"), preview=None) -> bool``
"""
from __future__ import annotations

import dataclasses

from app.ui.base import ops, prefs, print_service
from app.ui.qt import QWidget


def options_from_prefs():
    from app.domain.counter.printouts import PrintOptions

    return PrintOptions(lang=prefs.get("print_language"), receipt_paper=prefs.get("receipt_paper"),
                        voucher_paper=prefs.get("voucher_paper"), copies=max(1, prefs.get("receipt_copies")),
                        font_path=prefs.get("font_path") or None)


def _render(job_id: int, kind: str, options):
    from app.domain.counter import printouts
    from app.domain.counter.jobs import get_job

    job = get_job(job_id)
    return job.number, printouts.render(kind, job, options)


def _for_printer(parent: QWidget | None, job_id: int, kind: str, options):
    """The document again for a printer of ``dpi`` (barcodes in whole dots), for the raster path."""
    def render(dpi: int) -> bytes | None:
        result = ops.run(parent, _render, job_id, kind, dataclasses.replace(options, dpi=dpi))
        return result.value[1] if result.ok else None
    return render


def print_job(parent: QWidget | None, ctx, job_id: int, kinds=("receipt", "cards"), preview: bool | None = None) -> bool:
    """Render and print each document of ``kinds`` ("receipt", "cards", "voucher") for the job."""
    options = options_from_prefs()
    ok = True
    for kind in kinds:
        result = ops.run(parent, _render, job_id, kind, options)
        if not result.ok:
            ok = False
            continue
        number, pdf = result.value
        print_kind = "card" if kind in ("cards", "card") else kind
        title = f"{number} {print_service.kind_label(print_kind)}"
        ok = print_service.print_pdf(parent, pdf, print_kind, title, preview=preview,
                                     render=_for_printer(parent, job_id, kind, options)) and ok
    return ok
