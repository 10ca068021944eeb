"""The job's documents through the app's own print path (issue 10).

Raster path: ``print_job`` -> ``print_service.print_pdf`` -> the raster
path on a printer of 203, 300 or 600 dpi (no real printer here: the page
images it paints are kept), each image thresholded to black and white as a
thermal head prints it, and every Code128 and QR on it decoded with
zxing-cpp. That the images reach a real QPrinter unscaled, one per page, is
checked once with Qt's PDF printer and poppler's ``pdfimages``.

Vector path: ``lp`` replaced by a script on PATH that keeps what it was
given; Print to PDF writes the document's own bytes.
"""
from __future__ import annotations

import io
import os
import shutil
import stat
import subprocess
import sys
import time

import pytest
from pypdf import PdfReader

from app.domain.counter import intake, printouts
from app.domain.customers import customers
from app.ui.base import prefs, print_cups, print_raster, print_service
from app.ui.counter import printing

zxingcpp = pytest.importorskip("zxingcpp")
from PIL import Image  # noqa: E402

pytestmark = [pytest.mark.usefixtures("no_message_boxes"),
              pytest.mark.skipif(not shutil.which("pdfimages"), reason="poppler-utils missing")]

DPIS = (203, 300, 600)
# Field maximums used here: the models' CharField max_length, 4 000 for a TextField (until #11's table).
LIMITS = {"customer.name": 200, "job_item.description": 200}


def at_most(text: str, field: str) -> str:
    """``text`` repeated up to ``field``'s maximum."""
    n = LIMITS[field]
    return (text * (n // len(text) + 1))[:n]


ITEMS = [at_most("主机（联想 ThinkPad X1 Carbon 第 11 代，含底部螺丝 10 颗）", "job_item.description"),
         "电源适配器 65W USB-C", "原装电脑包", "无线鼠标 罗技 M330"]


@pytest.fixture
def job(db, staff):
    customer = customers.create_customer(at_most("北京海淀华信电子有限公司售后服务部 王建国 ", "customer.name"),
                                         "13800138000", "end_user", "北京市海淀区中关村大街 27 号 中关村大厦 1208 室",
                                         user=None)
    form = intake.IntakeForm(customer_id=customer.id, serial="PF3K9A2B-2026-0001", items=ITEMS,
                             fault="开机无显示，风扇异响，键盘右侧 Enter 键失灵；客户称进水后出现。" * 8,
                             condition="A 面左上角轻微划痕，屏幕无破损。" * 6,
                             product_model="ThinkPad X1 Carbon Gen 11")
    return intake.take_in(form, staff["counter"]).job


class Painter:
    """Stands for the QPainter of the raster path: keeps what it paints."""

    def __init__(self, printer):
        self.printer = printer

    def begin(self, device):
        return device is self.printer

    def drawImage(self, x, y, image):  # noqa: N802 - Qt's name
        assert (x, y) == (0, 0)
        self.printer.painted.append(image.copy())

    def end(self):
        return True


class Printer:
    """Stands for a QPrinter of ``dpi`` dots per inch on the raster path."""

    def __init__(self, dpi):
        self.dpi, self.painted, self.layouts = dpi, [], []

    def resolution(self):
        return self.dpi

    def setPageLayout(self, layout):  # noqa: N802
        self.layouts.append(layout)
        return True

    def newPage(self):  # noqa: N802
        return True

    def fromPage(self):  # noqa: N802
        return 0

    def toPage(self):  # noqa: N802
        return 0

    def setDocName(self, name): ...  # noqa: N802,E704
    def setFullPage(self, on): ...  # noqa: N802,E704
    def printerName(self): return "Tag 203"  # noqa: N802,E704


def paper(image) -> Image.Image:
    """A painted page image as the paper shows it: black where it is opaque,
    thresholded to one bit as a thermal head prints it."""
    from PySide6.QtGui import QImage

    alpha = image.convertToFormat(QImage.Format.Format_Alpha8)
    raw = bytes(alpha.constBits())[:alpha.bytesPerLine() * alpha.height()]
    mask = Image.frombuffer("L", (alpha.width(), alpha.height()), raw, "raw", "L", alpha.bytesPerLine(), 1)
    return mask.point(lambda a: 0 if a >= 128 else 255)


def vector_codes(pdf: bytes, tmp_path) -> list[str | None]:
    """The code on each page of the vector PDF (rasterised by poppler at 300 dpi), None where none."""
    src = tmp_path / "vector.pdf"
    src.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "300", "-gray", str(src), str(tmp_path / "vector")], check=True)
    codes = []
    for path in sorted(tmp_path.glob("vector-*.pgm")):
        with Image.open(path) as page:
            texts = {r.text for r in zxingcpp.read_barcodes(page)}
        assert len(texts) <= 1
        codes.append(texts.pop() if texts else None)
        path.unlink()
    return codes


def decoded(image: Image.Image) -> dict[str, list]:
    found: dict[str, list] = {"code128": [], "qr": []}
    for r in zxingcpp.read_barcodes(image):
        if r.format == zxingcpp.BarcodeFormat.Code128:
            found["code128"].append(r)
        elif r.format == zxingcpp.BarcodeFormat.QRCode:
            found["qr"].append(r)
    return found


def bar_runs(image: Image.Image, result) -> list[int]:
    """The widths of the bars and spaces, in dots, across the middle of a decoded Code128."""
    pos = result.position
    y = (pos.top_left.y + pos.bottom_left.y) // 2
    x0, x1 = min(pos.top_left.x, pos.bottom_left.x), max(pos.top_right.x, pos.bottom_right.x)
    row = [image.getpixel((x, y)) < 128 for x in range(x0, x1 + 1)]
    runs, n = [], 1
    for a, b in zip(row, row[1:]):
        if a == b:
            n += 1
        else:
            runs.append(n)
            n = 1
    return runs[1:]          # the first run may be cut by the reader's box


def raster_print(monkeypatch, tmp_path, dpi: int, job, kind: str):
    """Print ``kind`` of ``job`` with print_job on a printer of ``dpi`` through the raster path:
    the page images it painted and, page by page, the codes of the vector PDF."""
    printer = Printer(dpi)
    monkeypatch.setattr(print_service, "_printer_for", lambda k: printer)
    monkeypatch.setattr(print_service, "route", lambda p: "raster")
    monkeypatch.setattr(print_raster, "QPainter", lambda: Painter(printer))
    assert printing.print_job(None, None, job.id, kinds=(kind,))
    vector = printouts.render(kind, job, printing.options_from_prefs())
    for layout, image, page in zip(printer.layouts, printer.painted, PdfReader(io.BytesIO(vector)).pages):
        size = layout.fullRectPoints()
        assert abs(size.width() - float(page.mediabox.width)) < 1.5, "each printer page is the PDF page's size"
        assert abs(size.height() - float(page.mediabox.height)) < 1.5
        assert image.width() == round(float(page.mediabox.width) * dpi / 72)
    return [paper(image) for image in printer.painted], vector_codes(vector, tmp_path)


def assert_decodes(printed, expected: list[str], dpi: int) -> None:
    """Each page's Code128 and QR decode after the raster path, to the code
    its vector page holds; the pages holding one show ``expected``."""
    images, codes = printed
    assert [c for c in codes if c] == expected
    assert len(images) == len(codes)
    for page, (image, text) in enumerate(zip(images, codes), 1):
        found = decoded(image)
        want = [text] if text else []
        assert [r.text for r in found["code128"]] == want, f"page {page} at {dpi} dpi: Code128"
        assert [r.text for r in found["qr"]] == want, f"page {page} at {dpi} dpi: QR"
        for r in found["code128"]:
            runs = bar_runs(image, r)
            module = min(runs)
            assert module >= 2, f"page {page} at {dpi} dpi: a module of {module} dot"
            assert all(w % module == 0 for w in runs), f"page {page} at {dpi} dpi: bars {runs}"


@pytest.mark.parametrize("dpi", DPIS)
def test_every_card_decodes_after_the_raster_path(qtbot, monkeypatch, tmp_path, job, dpi):
    printed = raster_print(monkeypatch, tmp_path, dpi, job, "cards")
    assert_decodes(printed, [f"{job.number}-{i}" for i in range(1, len(ITEMS) + 1)], dpi)


@pytest.mark.parametrize("dpi", DPIS)
@pytest.mark.parametrize("paper,copies", [("80mm", 1), ("80mm", 2), ("A5", 1), ("A5", 2)])
def test_receipt_decodes_after_the_raster_path(qtbot, monkeypatch, tmp_path, job, dpi, paper, copies):
    prefs.set("receipt_paper", paper)
    prefs.set("receipt_copies", copies)
    number = job.receipts.get().number
    assert_decodes(raster_print(monkeypatch, tmp_path, dpi, job, "receipt"), [number] * copies, dpi)


@pytest.mark.parametrize("dpi", DPIS)
@pytest.mark.parametrize("paper", ["A4", "A5"])
def test_voucher_decodes_after_the_raster_path(qtbot, monkeypatch, tmp_path, job, dpi, paper):
    prefs.set("voucher_paper", paper)
    assert_decodes(raster_print(monkeypatch, tmp_path, dpi, job, "voucher"), [job.number], dpi)


def test_raster_path_paints_one_pixel_a_dot(qtbot, tmp_path, job):
    """The page images go onto the printer's page unscaled, one per page, at the page's own size."""
    from PySide6.QtPrintSupport import QPrinter

    pdf = printouts.render("cards", job, printouts.PrintOptions(dpi=203))
    printer = QPrinter(QPrinter.HighResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "out.pdf"))
    printer.setResolution(203)
    assert print_raster.print_pages(None, pdf, printer, "cards")
    listing = subprocess.run(["pdfimages", "-list", str(tmp_path / "out.pdf")], capture_output=True, text=True,
                             check=True).stdout.splitlines()[2:]
    smasks = [line.split() for line in listing if line.split()[2] == "smask"]
    assert len(smasks) == len(ITEMS)
    for cols in smasks:   # page num type width height … x-ppi y-ppi
        assert (int(cols[3]), int(cols[4])) == (480, 719)        # 60 x 90 mm at 203 dpi
        assert (cols[12], cols[13]) == ("203", "203")
    painted = PdfReader(str(tmp_path / "out.pdf")).pages
    assert all(abs(float(p.mediabox.width) - 60 / 25.4 * 72) < 1 for p in painted)


# --- the vector path ----------------------------------------------------------

class CupsPrinter:
    """What the print path asks of a QPrinter on a CUPS queue (no CUPS here)."""

    def __init__(self, name, copies=1, pages=(0, 0)):
        self.name, self.copies, self.pages = name, copies, pages

    def outputFormat(self):
        from PySide6.QtPrintSupport import QPrinter
        return QPrinter.NativeFormat

    def printerName(self):
        return self.name

    def copyCount(self):
        return self.copies

    def printRange(self):
        from PySide6.QtPrintSupport import QPrinter
        return QPrinter.PageRange if self.pages[0] else QPrinter.AllPages

    def fromPage(self):
        return self.pages[0]

    def toPage(self):
        return self.pages[1]

    def resolution(self):
        return 203


@pytest.fixture
def fake_lp(tmp_path, monkeypatch):
    """An ``lp`` on PATH that keeps its arguments and a copy of the file it was given."""
    bin_dir, spool = tmp_path / "bin", tmp_path / "spool"
    bin_dir.mkdir()
    spool.mkdir()
    lp = bin_dir / "lp"
    lp.write_text(f"""#!{sys.executable}
import pathlib, shutil, sys
spool = pathlib.Path({str(spool)!r})
n = len(list(spool.glob("args-*")))
(spool / f"args-{{n}}").write_text("\\n".join(sys.argv[1:]))
shutil.copy(sys.argv[-1], spool / f"job-{{n}}.pdf")
print(f"request id is Tag-{{n}} (1 file(s))")
""")
    lp.chmod(lp.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setattr(sys, "platform", "linux")

    def jobs():
        return [((spool / f"args-{i}").read_text().split("\n"), (spool / f"job-{i}.pdf").read_bytes())
                for i in range(len(list(spool.glob("args-*"))))]
    return jobs


def test_cups_queue_gets_the_exact_pdf_at_its_own_size(qtbot, monkeypatch, job, fake_lp):
    printer = CupsPrinter("Tag_Printer")
    monkeypatch.setattr(print_service, "_printer_for", lambda kind: printer)
    monkeypatch.setattr(printing, "_for_printer", lambda *a: lambda dpi: pytest.fail("rendered again for CUPS"))
    given, print_pdf = [], print_service.print_pdf
    monkeypatch.setattr(print_service, "print_pdf", lambda parent, pdf, *a, **k: given.append(pdf) or print_pdf(
        parent, pdf, *a, **k))
    assert printing.print_job(None, None, job.id, kinds=("cards", "receipt"))
    (card_args, card_pdf), (receipt_args, receipt_pdf) = fake_lp()
    assert [card_pdf, receipt_pdf] == given                      # the vector PDF, byte for byte
    assert b"/Subtype /Image" not in card_pdf                    # vector: no page image in it
    assert card_args[:4] == ["-d", "Tag_Printer", "-n", "1"]
    assert "media=Custom.60x90mm" in card_args and "print-scaling=none" in card_args
    assert card_args[-2] == "--" and card_args[-1].endswith(".pdf")
    height = float(PdfReader(io.BytesIO(receipt_pdf)).pages[0].mediabox.height) / 72 * 25.4
    assert f"media=Custom.80x{height:.1f}mm".replace(".0mm", "mm") in receipt_args   # the roll: as tall as the receipt
    assert not os.path.exists(card_args[-1])                                       # the temporary file is gone


def test_cups_copies_pages_and_a4_from_the_print_dialog(qtbot, fake_lp):
    from app.printing import render_voucher
    from tests.counter.test_printing import make_voucher

    pdf = render_voucher(make_voucher(n_history=60))
    assert len(PdfReader(io.BytesIO(pdf)).pages) >= 2
    assert print_service._print_to(None, pdf, CupsPrinter("Office", copies=2, pages=(2, 3)), "WX voucher")
    ((args, sent),) = fake_lp()
    assert sent == pdf
    assert args[:6] == ["-d", "Office", "-n", "2", "-t", "WX voucher"]
    assert "media=A4" in args and args[args.index("-P") + 1] == "2-3"


def test_lp_failure_is_told(qtbot, monkeypatch, tmp_path, messages):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "lp").write_text("#!/bin/sh\necho 'lp: The printer or class does not exist.' >&2\nexit 1\n")
    (bin_dir / "lp").chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))
    monkeypatch.setattr(sys, "platform", "linux")
    from app.printing import render_cards
    from tests.counter.test_printing import make_cards

    assert not print_service._print_to(None, render_cards(make_cards()), CupsPrinter("Gone"), "cards")
    assert messages and "does not exist" in messages[-1][2] and "Gone" in messages[-1][2]


@pytest.mark.parametrize("platform,has_lp,expected", [("linux", True, "cups"), ("darwin", True, "cups"),
                                                      ("linux", False, "raster"), ("win32", True, "raster")])
def test_route(qtbot, monkeypatch, caplog, platform, has_lp, expected):
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setattr(print_cups, "lp_path", lambda: "/usr/bin/lp" if has_lp else None)
    with caplog.at_level("WARNING", logger="csdesk.print"):
        assert print_service.route(CupsPrinter("Tag")) == expected
    assert ("lp command was not found" in caplog.text) == (platform == "linux" and not has_lp)


def test_raster_route_renders_again_at_the_printers_resolution(qtbot, monkeypatch):
    monkeypatch.setattr(print_service, "route", lambda p: "raster")
    painted, asked = [], []
    monkeypatch.setattr(print_raster, "print_pages", lambda parent, pdf, printer, title: painted.append(pdf) or True)
    assert print_service._print_to(None, b"%PDF vector", CupsPrinter("Win"), "t",
                                   render=lambda dpi: asked.append(dpi) or b"%PDF at 203")
    assert asked == [203] and painted == [b"%PDF at 203"]
    assert print_service._print_to(None, b"%PDF vector", CupsPrinter("Win"), "t", render=lambda dpi: None)
    assert painted[-1] == b"%PDF vector"          # could not render again: the document as it is


def test_print_to_pdf_writes_the_vector_file(qtbot, monkeypatch, tmp_path):
    """Print to PDF (the print dialog's file output) writes the document's own
    bytes: no page rendered at 1 200 dpi."""
    from PySide6.QtPrintSupport import QPrinter

    from app.printing import render_voucher
    from tests.counter.test_printing import make_voucher

    pdf = render_voucher(make_voucher(n_history=90))
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 3
    printer = QPrinter(QPrinter.HighResolution)
    printer.setOutputFileName(str(tmp_path / "voucher.pdf"))
    assert printer.outputFormat() == QPrinter.PdfFormat and printer.resolution() == 1200
    monkeypatch.setattr(print_service, "_printer_for", lambda kind: printer)
    start = time.perf_counter()
    assert print_service.print_pdf(None, pdf, "voucher", "WX voucher")
    took = time.perf_counter() - start
    assert (tmp_path / "voucher.pdf").read_bytes() == pdf
    assert took < 1.0, f"{took:.2f} s"


@pytest.mark.parametrize("rasteriser", ["poppler", "ghostscript"])
def test_vector_pdf_decodes_when_cups_rasterises_it(tmp_path, rasteriser):
    """What the CUPS queue gets (the vector PDF) decodes once rasterised as
    CUPS's filters do (poppler's pdftoraster, Ghostscript's gstoraster: one
    bit a dot, no antialiasing): the cards and the roll receipt at 203, 300
    and 600 dpi, the A5 voucher (an office printer's) at 300."""
    from app.printing import render_cards, render_receipt, render_voucher
    from tests.counter.test_printing import make_cards, make_receipt, make_voucher

    tool = {"poppler": "pdftoppm", "ghostscript": "gs"}[rasteriser]
    if not shutil.which(tool):
        pytest.skip(f"{tool} missing")
    cards = make_cards()
    documents = [(render_cards(cards), [c.card_code for c in cards], DPIS),
                 (render_receipt(make_receipt(), copies=2), ["SJ-2026-000123"] * 2, DPIS),
                 (render_voucher(make_voucher(), paper="A5"), ["WX-2026-000123", None], (300,))]
    for pdf, expected, dpis in documents:
        src = tmp_path / "doc.pdf"
        src.write_bytes(pdf)
        for dpi in dpis:
            out = tmp_path / f"r{dpi}"
            out.mkdir()
            if rasteriser == "poppler":
                cmd = ["pdftoppm", "-r", str(dpi), "-mono", "-aa", "no", "-aaVector", "no", str(src), str(out / "p")]
            else:
                cmd = ["gs", "-q", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-sDEVICE=pngmono", f"-r{dpi}",
                       f"-sOutputFile={out / 'p-%02d.png'}", str(src)]
            subprocess.run(cmd, check=True)
            pages = sorted(out.iterdir())
            assert len(pages) == len(expected)
            for path, text in zip(pages, expected):
                with Image.open(path) as image:
                    found = decoded(image.convert("L"))
                want = [text] if text else []
                assert [r.text for r in found["code128"]] == want, f"{path.name} at {dpi} dpi"
                assert [r.text for r in found["qr"]] == want, f"{path.name} at {dpi} dpi"
            shutil.rmtree(out)
