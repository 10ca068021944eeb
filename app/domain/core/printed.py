"""Rendering a printed document for the user: a document that cannot be laid
out on its paper is a message, never a crash.

The printing layer lays a document out page by page and flows long content
onto further pages (app.printing.core.frame); should something still not fit
(a part taller than a page that cannot be cut), ``build_pdf`` raises
:class:`app.printing.core.frame.LayoutFailed`. :func:`laid_out` turns it into
:class:`DocumentNotLaidOut`, a :class:`CsdeskError` the window shows as a
message (ops.run: "Cannot do that") and the command line prints before
exiting with code 2 (app.cli), instead of "Unexpected error" and a traceback.

    pdf = printed.laid_out(render_activity_list, data, lang=lang, font=font)
"""
from __future__ import annotations

from typing import Callable

from app.domain.core.errors import CsdeskError, tx


class DocumentNotLaidOut(CsdeskError):
    """A printed document that cannot be laid out on its paper."""

    code = "print_layout"


def laid_out(render: Callable[..., bytes], *args, **kwargs) -> bytes:
    """``render(*args, **kwargs)`` (a printing module's ``render_…``): its PDF
    bytes, or :class:`DocumentNotLaidOut` with a message naming the document
    and the page when it cannot be laid out."""
    from app.printing.core.frame import LayoutFailed

    try:
        return render(*args, **kwargs)
    except LayoutFailed as exc:
        raise DocumentNotLaidOut(tx("{document} cannot be laid out on the paper: on page {page} a part is taller "
                                    "than a page and cannot be divided. Shorten the longest text and print again.",
                                    document=exc.title, page=exc.page), page=exc.page) from exc
