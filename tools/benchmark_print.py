"""The print paths measured: the figures in the README's "Printing" come from here.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/benchmark_print.py

Each case runs in a process of its own (its peak memory is its own): a
3-page A4 service voucher and 3 repair cards, written by Print to PDF (the
vector file, as now) and through the raster path at 203, 300, 600 and
1 200 dpi (1 200 dpi is what Print to PDF did before: Qt's PDF printer's
resolution), on Qt's PDF printer (no real printer needed). The sample
documents are the printing tests' (tests/counter/test_printing.py).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _case(doc: str, way: str, dpi: int) -> dict:
    """Runs in the child: print ``doc`` by ``way`` and report time, size and peak memory."""
    import resource
    import time

    sys.path.insert(0, str(ROOT))
    from app.printing import render_cards, render_voucher, set_invariant
    from app.ui.qt import QApplication
    from tests.counter.test_printing import make_cards, make_voucher

    set_invariant(True)
    app = QApplication.instance() or QApplication([])  # noqa: F841 - Qt needs it
    from PySide6.QtPrintSupport import QPrinter

    from app.ui.base import print_raster, print_service

    def render(at):
        return (render_voucher(make_voucher(n_history=90), dpi=at) if doc == "voucher"
                else render_cards(make_cards(), dpi=at))

    pdf = render(None)
    pages = print_raster.load(pdf).pageCount()
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out = Path(tempfile.mkdtemp()) / "out.pdf"
    printer = QPrinter(QPrinter.HighResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)
    printer.setOutputFileName(str(out))
    start = time.perf_counter()
    if way == "vector":
        ok = print_service._print_to(None, pdf, printer, doc)
    else:
        printer.setResolution(dpi)
        ok = print_raster.print_pages(None, render(dpi), printer, doc)
    took = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"ok": ok, "pages": pages, "s": took, "bytes": out.stat().st_size, "base_mb": base, "peak_mb": peak}


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] in ("voucher", "cards"):
        print(json.dumps(_case(sys.argv[1], sys.argv[2], int(sys.argv[3]))))
        return 0
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    cases = [(doc, "vector", 0) for doc in ("voucher", "cards")]
    cases += [(doc, "raster", dpi) for doc in ("voucher", "cards") for dpi in (203, 300, 600, 1200)]
    print(f"{'document':<22} {'path':<16} {'time':>11} {'file':>10} {'peak memory (Python+Qt before)':>32}")
    for doc, way, dpi in cases:
        done = subprocess.run([sys.executable, __file__, doc, way, str(dpi)], capture_output=True, text=True,
                              env=env, cwd=ROOT)
        if done.returncode:
            print(done.stderr)
            return 1
        r = json.loads(done.stdout.strip().splitlines()[-1])
        label = "Print to PDF (vector)" if way == "vector" else f"raster {dpi} dpi"
        print(f"{doc + ' (' + str(r['pages']) + ' pages)':<22} {label:<16} {r['s'] * 1000:8.1f} ms {r['bytes'] / 1e6:8.2f}MB "
              f"{r['peak_mb']:14.0f} MB ({r['base_mb']:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
