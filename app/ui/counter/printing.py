"""A job's documents printed from the counter: the receipt, the repair cards
and the service voucher, rendered by :mod:`app.domain.counter.printouts`
with this station's print settings and sent through
:mod:`app.ui.base.print_service` (which asks for them again at a printer's
resolution when it rasterises the pages itself).

* :func:`print_job` ``(parent, ctx, job_id, kinds=("receipt", "cards"), preview=None, saved="") -> bool``
* :func:`print_documents` (same arguments) ``-> {kind: printed}``: what was
  printed and what was not, for a message that says so exactly

Printing is not an action that saves anything, so a document that cannot be
rendered or sent is never reported as "Unexpected error … nothing was saved"
(ops.run's words for a failed action). Right after an intake or a release
was saved (``saved``: what was saved, in the clerk's words) the message says
first that it WAS saved, then that printing failed and why, and offers to
print again (or later, from the job).
"""
from __future__ import annotations

import dataclasses
import logging

from app.ui.base import ops, prefs, print_service
from app.ui.qt import QCoreApplication, QMessageBox, QWidget

log = logging.getLogger("csdesk.print")


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


def _run(parent: QWidget | None, job_id: int, kind: str, options):
    """``_render`` as one read of the database (a dead connection replaced, a
    dropped one retried: app.domain.core.operations), its failure raised."""
    from app.domain.core import operations

    return operations.run(_render, job_id, kind, options, key=operations.new_key())


def _reason(parent: QWidget | None, exc: Exception) -> str:
    """What went wrong, for the clerk: a domain message in their language, or the exception (logged)."""
    from app.domain.core.errors import CsdeskError, DatabaseUnavailable

    if isinstance(exc, DatabaseUnavailable):
        ctx = ops.context_of(parent)
        if ctx is not None:
            ctx.connection_lost.emit()
    if isinstance(exc, CsdeskError):
        return ops.translated(exc.message)
    log.error("printing failed", exc_info=exc)
    return f"{type(exc).__name__}: {exc}"


def _for_printer(parent: QWidget | None, job_id: int, kind: str, options):
    """The document again for a printer of ``dpi`` (barcodes in whole dots), for
    the raster path; None (the document as first rendered is printed) when it fails."""
    def render(dpi: int) -> bytes | None:
        try:
            return _run(parent, job_id, kind, dataclasses.replace(options, dpi=dpi))[1]
        except Exception as exc:  # noqa: BLE001 - the page as first rendered still prints
            log.warning("rendering %s for %d dpi failed (%s): printing it as it is", kind, dpi, exc)
            return None
    return render


def document_label(kind: str) -> str:
    return {"receipt": QCoreApplication.translate("printing", "pickup receipt"),
            "cards": QCoreApplication.translate("printing", "repair cards"),
            "card": QCoreApplication.translate("printing", "repair cards"),
            "voucher": QCoreApplication.translate("printing", "service voucher")}.get(kind, kind)


def _print_one(parent: QWidget | None, job_id: int, kind: str, options, preview: bool | None) -> tuple[bool, str]:
    """(printed, why not when it failed: "" when the clerk only closed the preview)."""
    try:
        number, pdf = _run(parent, job_id, kind, options)
    except Exception as exc:  # noqa: BLE001 - told below, never as "nothing was saved"
        return False, _reason(parent, exc)
    print_kind = "card" if kind in ("cards", "card") else kind
    title = f"{number} {print_service.kind_label(print_kind)}"
    try:
        return print_service.print_pdf(parent, pdf, print_kind, title, preview=preview,
                                       render=_for_printer(parent, job_id, kind, options)), ""
    except Exception as exc:  # noqa: BLE001 - a printer or driver failing must not end the counter's work
        return False, _reason(parent, exc)


def print_again(parent: QWidget | None, saved: str, failures: list[tuple[str, str]]) -> bool:
    """Tell the clerk which documents did not print and why (after ``saved``,
    the sentence saying what was saved); True when they ask to print them again."""
    lines = [QCoreApplication.translate("printing", "Printing the {0} failed: {1}").format(document_label(k), why)
             for k, why in failures]
    text = "\n".join(([saved, ""] if saved else []) + lines)
    box = QMessageBox(QMessageBox.Warning, QCoreApplication.translate("printing", "Saved, not printed") if saved
                      else QCoreApplication.translate("printing", "Not printed"), text, QMessageBox.NoButton, parent)
    box.setInformativeText(QCoreApplication.translate(
        "printing", "You can also print it later from the job (open the job, then Print)."))
    again = box.addButton(QCoreApplication.translate("printing", "Print again"), QMessageBox.AcceptRole)
    box.addButton(QCoreApplication.translate("printing", "Later"), QMessageBox.RejectRole)
    box.setDefaultButton(again)
    box.setObjectName("printFailedBox")
    box.exec()
    chosen = box.clickedButton() is again
    box.deleteLater()
    return chosen


def print_job(parent: QWidget | None, ctx, job_id: int, kinds=("receipt", "cards"), preview: bool | None = None,
              saved: str = "") -> bool:
    """Render and print each document of ``kinds`` ("receipt", "cards", "voucher")
    for the job; True when all were printed. A document that cannot be rendered
    or printed is told with why, after ``saved`` (what the action just saved),
    and the clerk may print it again at once."""
    return all(print_documents(parent, ctx, job_id, kinds, preview, saved).values())


def print_documents(parent: QWidget | None, ctx, job_id: int, kinds=("receipt", "cards"),
                    preview: bool | None = None, saved: str = "") -> dict[str, bool]:
    """As :func:`print_job`, telling which were printed: kind -> printed
    (False also when the clerk closed its preview without printing)."""
    options = options_from_prefs()
    printed: dict[str, bool] = {}
    pending = list(kinds)
    while pending:
        failures = []
        for kind in pending:
            printed[kind], why = _print_one(parent, job_id, kind, options, preview)
            if not printed[kind] and why:
                failures.append((kind, why))
        if not failures or not print_again(parent, saved, failures):
            break
        pending = [k for k, _why in failures]
    return printed
