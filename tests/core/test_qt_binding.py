"""The Qt binding the project pins does not break the interpreter.

PySide6 6.12.0 on Python 3.11 takes one reference from ``None`` at every
call of a Qt method that returns nothing (``QLabel.setText``...): after a
few thousand such calls ``None`` is freed and Python aborts
("none_dealloc"), which a counter's working day reaches. pyproject.toml
pins a PySide6 without it; this test keeps it pinned."""
from __future__ import annotations

import sys


def test_a_qt_call_that_returns_nothing_keeps_none_alive(qapp):
    from app.ui.qt import QLabel

    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(5000):
        label.setText("待取件")
    assert sys.getrefcount(None) > before - 500, "this PySide6 frees None: pin another (see pyproject.toml)"
