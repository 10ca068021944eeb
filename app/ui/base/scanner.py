"""Scans land anywhere: an application-level event filter that tells a
barcode scanner's burst from typing and routes a scanned document number.

A counter scanner is a keyboard: it "types" the code, a character every few
milliseconds, and presses Enter. The clerk's cursor is nearly always in a
text box (the intake tab has no other place for it), so a scanned pickup
receipt would otherwise be typed into the customer search, the serial box or
the fault text. :class:`ScanRouter` watches every key press delivered to the
main window's focused widget:

* a **burst** is a run of printable keys each at most :data:`KEY_GAP_S`
  after the one before, in one widget, ended by Enter at most
  :data:`KEY_GAP_S` after its last key;
* a burst whose text is a **document number** (:data:`DOCUMENT_RE`: a job
  ``WX-2026-000123``, a repair card ``WX-2026-000123-2``, a pickup receipt
  ``LQ-…``, an in/out register row ``JC-…``; see
  :mod:`app.domain.core.numbering` and the codes the printed documents carry)
  is a scan: the box it landed in gets back the text, cursor and selection
  it had before the burst's first key, the Enter is eaten (it must not also
  add a line to the fault text or press a default button), and
  :attr:`ScanRouter.scanned` is emitted with the code;
* anything else is left alone: a serial scanned into the serial box is a
  burst too, but not a document number, so it stays and its Enter looks it
  up; the same document number typed by hand arrives at human pace (people
  need well over :data:`KEY_GAP_S` between keys), so it is typing.

Both conditions are needed: timing alone would take a fast typist's
"WX-2026-000123" in the find box for a scan (harmless) but also a pasted
serial; the pattern alone would swallow a job number typed on purpose into
a note. Scans in a modal dialog or in another window are that window's
business (the release dialog has its own receipt box).

The clock is injected (``clock``: seconds, monotonic), so tests drive the
router with a fake clock instead of sleeping.
"""
from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass

from app.ui.qt import (QAbstractSpinBox, QApplication, QComboBox, QEvent, QLineEdit, QObject, QPlainTextEdit, Qt,
                       QTextCursor, QTextEdit, QWidget, Signal)

#: Longest pause between two keys of one scanner burst (and before its
#: Enter). USB and Bluetooth scanners in keyboard mode send a character every
#: 1-20 ms; a person typing needs 80 ms or more between keys, so even a fast
#: typist does not produce 14 keys in a row this close together.
KEY_GAP_S = 0.05

#: The document numbers a scan opens: job, repair card (job + item), pickup
#: receipt, in/out register row.
DOCUMENT_RE = re.compile(r"^(WX-\d{4}-\d{6,}(-\d{1,3})?|LQ-\d{4}-\d{6,}|JC-\d{4}-\d{6,})$")

#: Keys a scanner may press inside a burst without breaking it.
MODIFIER_KEYS = (Qt.Key_Shift, Qt.Key_Control, Qt.Key_Alt, Qt.Key_Meta, Qt.Key_AltGr, Qt.Key_CapsLock)


def is_document_number(text: str) -> bool:
    return bool(DOCUMENT_RE.match(text.strip().upper()))


@dataclass
class _Snapshot:
    """A text box as it was before a burst's first key."""
    widget: QWidget
    text: str
    cursor: int
    anchor: int

    @classmethod
    def take(cls, widget: QWidget) -> _Snapshot | None:
        if isinstance(widget, QLineEdit):
            start = widget.selectionStart()
            if start >= 0:
                end = start + len(widget.selectedText())
                cursor = widget.cursorPosition()
                anchor = end if cursor == start else start
            else:
                cursor = anchor = widget.cursorPosition()
            return cls(widget, widget.text(), cursor, anchor)
        if isinstance(widget, (QPlainTextEdit, QTextEdit)):
            c = widget.textCursor()
            return cls(widget, widget.toPlainText(), c.position(), c.anchor())
        return None

    def restore(self) -> None:
        w = self.widget
        if isinstance(w, QLineEdit):
            w.setText(self.text)
            if self.anchor != self.cursor:
                w.setSelection(self.anchor, self.cursor - self.anchor)
            else:
                w.setCursorPosition(self.cursor)
        else:
            w.setPlainText(self.text)
            c = w.textCursor()
            c.setPosition(self.anchor)
            c.setPosition(self.cursor, QTextCursor.KeepAnchor)
            w.setTextCursor(c)


def text_box(widget: QWidget | None) -> QWidget | None:
    """The text box that takes ``widget``'s typing (an editable combo's line edit)."""
    if isinstance(widget, QComboBox):
        return widget.lineEdit() if widget.isEditable() else None
    if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
        return widget
    return None


class ScanRouter(QObject):
    """Install with ``QApplication.instance().installEventFilter(router)``.

    :attr:`scanned` ``(code)``: a scanned document number (upper case).
    :attr:`reverted` ``(widget)``: the text box a scan landed in was given
    its text back (a form may re-read it: e.g. the intake's chosen customer).
    """

    scanned = Signal(str)
    reverted = Signal(QObject)

    def __init__(self, window: QWidget, parent: QObject | None = None,
                 clock: Callable[[], float] = time.monotonic):
        super().__init__(parent)
        self.window, self.clock = window, clock
        self.buffer = ""
        self.last = float("-inf")
        self.target: QWidget | None = None     # the widget the burst goes to
        self.snapshot: _Snapshot | None = None

    def _reset(self) -> None:
        self.buffer, self.target, self.snapshot = "", None, None

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if event.type() != QEvent.KeyPress:
            return False
        focus = QApplication.focusWidget()
        # A key event passes the filter once per receiver (the widget, then
        # its parents, an editable combo's line edit); look at it once, where
        # it is first delivered.
        if obj is not (focus or self.window):
            return False
        if QApplication.activeModalWidget() is not None or (focus is not None and focus.window() is not self.window):
            self._reset()
            return False
        now = self.clock()
        fast = now - self.last <= KEY_GAP_S
        key = event.key()
        if key in (Qt.Key_Return, Qt.Key_Enter):
            code, target, snapshot = self.buffer.strip().upper(), self.target, self.snapshot
            self._reset()
            self.last = float("-inf")
            if fast and target is obj and is_document_number(code):
                if snapshot is not None:
                    snapshot.restore()
                    self.reverted.emit(snapshot.widget)
                self.scanned.emit(code)
                return True      # the Enter must not also reach the box or press a button
            return False
        if key in MODIFIER_KEYS:            # scanners press Shift for capitals
            return False
        text = event.text()
        if len(text) != 1 or not text.isprintable() or isinstance(focus, QAbstractSpinBox):
            self._reset()
            self.last = now
            return False
        if not fast or self.target is not obj:
            # A new burst may start here: remember the box as it is now,
            # before this key reaches it.
            self.buffer, self.target = "", obj
            box = text_box(focus)
            self.snapshot = _Snapshot.take(box) if box is not None else None
        self.buffer += text
        self.last = now
        return False
