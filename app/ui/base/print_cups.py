"""The vector print path: the document's own PDF handed to a CUPS queue
with ``lp`` (Linux and macOS; CUPS takes PDF and rasterises it for the
printer at the printer's own resolution). Needs nothing beyond the system's
CUPS client; :mod:`app.ui.base.print_service` decides when it applies.

* :func:`queue_of` ``(printer) -> str``: the CUPS queue behind a QPrinter, "" if none or no ``lp``
* :func:`lp_command` ``(queue, path, sizes_pt, *, copies, title, pages) -> list[str]``
* :func:`send` ``(pdf, queue, sizes_pt, *, copies, title, pages) -> (ok, message)``

The page keeps the PDF's own size: ``media`` is the PDF's first page (A4
and A5 by name, anything else as ``Custom.WxHmm``: a 60x90 mm tag, an
80 mm roll receipt as tall as its content) and ``print-scaling=none``, so
CUPS never fits a tag onto A4 or shrinks a receipt into the margins.
"""
from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import tempfile

log = logging.getLogger("csdesk.print")

PT_PER_MM = 72 / 25.4
NAMED_MEDIA = {"A4": (210, 297), "A5": (148, 210)}
LP_TIMEOUT_S = 60


def lp_path() -> str | None:
    return shutil.which("lp")


def queue_of(printer) -> str:
    """The CUPS queue a QPrinter prints to ("" on Windows, for a file, or without ``lp``)."""
    from PySide6.QtPrintSupport import QPrinter

    if sys.platform.startswith("win") or printer.outputFormat() != QPrinter.NativeFormat:
        return ""
    name = printer.printerName()
    if not name:
        return ""
    if lp_path() is None:
        log.warning("CUPS's lp command was not found: %s gets the raster path (pages rendered by csdesk)", name)
        return ""
    return name


def media(width_pt: float, height_pt: float) -> str:
    """The ``media`` option for a page this size (either orientation of A4/A5 by name)."""
    w, h = width_pt / PT_PER_MM, height_pt / PT_PER_MM
    for name, (nw, nh) in NAMED_MEDIA.items():
        if abs(min(w, h) - nw) < 1 and abs(max(w, h) - nh) < 1:
            return name
    return f"Custom.{_mm(w)}x{_mm(h)}mm"


def _mm(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def lp_command(queue: str, path: str, sizes_pt: list[tuple[float, float]], *, copies: int = 1,
               title: str = "", pages: tuple[int, int] | None = None) -> list[str]:
    """The ``lp`` command printing the PDF at ``path`` (pages ``sizes_pt``) on ``queue``."""
    cmd = [lp_path() or "lp", "-d", queue, "-n", str(max(1, copies))]
    if title:
        cmd += ["-t", title]
    if sizes_pt:
        if len(set(sizes_pt)) > 1:
            log.info("pages of several sizes: media from the first page for the whole job")
        cmd += ["-o", f"media={media(*sizes_pt[0])}"]
    cmd += ["-o", "print-scaling=none"]
    if pages:
        cmd += ["-P", f"{pages[0]}-{pages[1]}"]
    return cmd + ["--", path]


def send(pdf: bytes, queue: str, sizes_pt: list[tuple[float, float]], *, copies: int = 1, title: str = "",
         pages: tuple[int, int] | None = None) -> tuple[bool, str]:
    """Hand ``pdf`` to ``queue`` with ``lp``: (True, lp's answer) or (False, why not)."""
    fd, path = tempfile.mkstemp(prefix="csdesk-", suffix=".pdf")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(pdf)
        cmd = lp_command(queue, path, sizes_pt, copies=copies, title=title, pages=pages)
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=LP_TIMEOUT_S)
        except (OSError, subprocess.TimeoutExpired) as exc:
            return False, str(exc)
        if done.returncode != 0:
            return False, (done.stderr or done.stdout).strip() or f"lp exit status {done.returncode}"
        log.info("sent %r (%d bytes) to CUPS queue %s: %s", title, len(pdf), queue, done.stdout.strip())
        return True, done.stdout.strip()
    finally:
        try:
            os.unlink(path)
        except OSError:
            pass
