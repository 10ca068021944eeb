"""Tests of the printing layer: page sizes, text, barcodes that scan, fonts.

Barcodes are checked the way a scanner would: the PDF page is rasterised with
poppler's ``pdftoppm`` and decoded with zxing-cpp.  Those tests skip when
poppler or zxing-cpp is missing.
"""
from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess
from datetime import date, datetime
from decimal import Decimal as D

import pytest

pypdf = pytest.importorskip("pypdf")

from app.printing import FontChoice, register_font, render_cards, render_receipt, render_voucher, set_invariant
from app.printing.core.common import fit_lines, fmt_money  # noqa: E402
from app.printing.core.company import Company
from app.printing.core.fonts import NO_FONT_WARNING, find_cjk_font, safe_text  # noqa: E402
from app.printing.counter.data import (CardData, Charges, HistoryLine, LabourLine, PartLine, PartyUnit, ReceiptData,
                                       VoucherData)

MM = 72 / 25.4
set_invariant(True)  # byte-stable PDFs

needs_poppler = pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler-utils missing")

# --- sample data --------------------------------------------------------------

COMPANY = Company(
    name="北京海淀华信电子有限公司", phone="010-6256 8899",
    address="北京市海淀区中关村大街 27 号 中关村大厦 1208 室",
    pickup_terms=["请凭本收据取件；收据遗失请携带本人身份证件办理挂失后取件。",
                  "维修完成通知后 90 天内未取件的，本公司按相关规定处理，并收取保管费。",
                  "数据请自行备份，本公司不承担数据损失责任。"])
PARTY = PartyUnit(customer_name="王建国", customer_phone="138 1234 5678",
                  customer_address="北京市朝阳区望京西路 5 号", customer_code="C000321",
                  product_name="笔记本电脑", product_model="联想 ThinkPad X1 Carbon",
                  serial="PF3K9A2B", sale_date=date(2025, 3, 18), warranty_until=date(2027, 3, 17))
ITEMS = ["主机", "电源适配器", "电脑包"]
FAULT = "开机无显示，风扇异响"
JOB = "WX-2026-000123"


def make_receipt(**kw) -> ReceiptData:
    d = dict(company=COMPANY, receipt_number="SJ-2026-000123", job_number=JOB,
             issued_at=datetime(2026, 5, 12, 10, 35), party=PARTY, items=ITEMS, fault=FAULT,
             condition="A 面左上角轻微划痕，屏幕无破损", service_kind="free",
             promised_date=date(2026, 5, 19), received_by="李娜", copy_label="客户联")
    d.update(kw)
    return ReceiptData(**d)


def make_cards(**kw) -> list[CardData]:
    cards = []
    for i, item in enumerate(ITEMS, 1):
        d = dict(company=COMPANY, card_code=f"{JOB}-{i}", job_number=JOB, item_index=i,
                 item_count=len(ITEMS), item_description=item, party=PARTY, fault=FAULT,
                 condition="A 面左上角轻微划痕", service_kind="free",
                 received_at=datetime(2026, 5, 12, 10, 35), promised_date=date(2026, 5, 19),
                 received_by="李娜")
        d.update(kw)
        cards.append(CardData(**d))
    return cards


def make_voucher(n_history: int = 3, **kw) -> VoucherData:
    history = [HistoryLine(f"WX-2025-{i:06d}", datetime(2025, 1 + i % 12, 3, 9), datetime(2025, 1 + i % 12, 9, 16),
                           "电池不充电", "电池老化，更换电池", "paid", "delivered", D("260.00"), D("260.00"))
               for i in range(1, n_history)]
    history.append(HistoryLine(JOB, datetime(2026, 5, 12, 10, 35), datetime(2026, 5, 18, 15, 20), FAULT,
                               "主板供电芯片损坏，风扇轴承磨损", "free", "delivered", D("2290.00"), D("0")))
    d = dict(company=COMPANY, job_number=JOB, party=PARTY, state="delivered", service_kind="free",
             received_at=datetime(2026, 5, 12, 10, 35), delivered_at=datetime(2026, 5, 18, 15, 20),
             fault=FAULT, diagnosis="主板供电芯片损坏，风扇轴承磨损。", items=ITEMS,
             parts=[PartLine("主板", D("1"), D("1850.00"), D("1850.00")),
                    PartLine("散热风扇", D("1"), D("180.00"), D("180.00")),
                    PartLine("导热硅脂", D("0.5"), D("40.00"), D("20.00"), kind="material")],
             labour=[LabourLine("张伟", D("2"), D("120.00"), D("240.00"), "更换主板及风扇")],
             charges=Charges(D("2050.00"), D("240.00"), D("2290.00"), D("2290.00"), D("0.00"),
                             D("0.00"), "cash"),
             collected_by="李娜", technicians=["张伟"], history=history,
             printed_at=datetime(2026, 5, 18, 15, 25))
    d.update(kw)
    return VoucherData(**d)


# --- helpers ------------------------------------------------------------------

def pages(pdf: bytes):
    return pypdf.PdfReader(io.BytesIO(pdf)).pages


def size_mm(page) -> tuple[float, float]:
    box = page.mediabox
    return float(box.width) / MM, float(box.height) / MM


def text(pdf: bytes, page: int | None = None) -> str:
    ps = pages(pdf)
    return "\n".join(p.extract_text() for p in (ps if page is None else [ps[page]]))


def decode(pdf: bytes, page: int, tmp_path) -> set[tuple[str, str]]:
    """Rasterise one page at 300 dpi and return {(format, text)} of the barcodes found."""
    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image
    src = tmp_path / "doc.pdf"
    src.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "300", "-png", "-f", str(page + 1), "-l", str(page + 1),
                    "-singlefile", str(src), str(tmp_path / "page")], check=True)
    found = set()
    for r in zxingcpp.read_barcodes(Image.open(tmp_path / "page.png")):
        if r.format == zxingcpp.BarcodeFormat.Code128:
            found.add(("code128", r.text))
        elif r.format == zxingcpp.BarcodeFormat.QRCode:
            found.add(("qr", r.text))
    return found


def word_boxes(pdf: bytes, tmp_path) -> list[tuple[float, float, float, float, float, float, str]]:
    """(page w, page h, xmin, ymin, xmax, ymax, word) for every word, via pdftotext -bbox."""
    src = tmp_path / "words.pdf"
    src.write_bytes(pdf)
    html = subprocess.run(["pdftotext", "-bbox", str(src), "-"], capture_output=True,
                          text=True, check=True).stdout
    out = []
    for m in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', html, re.S):
        w, h = float(m.group(1)), float(m.group(2))
        for b in re.finditer(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<',
                             m.group(3)):
            out.append((w, h, *map(float, b.groups()[:4]), b.group(5)))
    return out


def assert_inside(pdf: bytes, tmp_path, margin_pt: float = 1.0) -> None:
    boxes = word_boxes(pdf, tmp_path)
    assert boxes
    for w, h, x0, y0, x1, y1, word in boxes:
        assert x0 >= margin_pt and y0 >= margin_pt and x1 <= w - margin_pt and y1 <= h - margin_pt, \
            f"{word!r} runs off the page: {(x0, y0, x1, y1)} on {w}x{h}"


# --- receipt ------------------------------------------------------------------

def test_receipt_80mm_page_and_text():
    pdf = render_receipt(make_receipt())
    (page,) = pages(pdf)
    w, h = size_mm(page)
    assert w == pytest.approx(80, abs=0.1)
    assert 120 < h < 400                      # as tall as the content, not a fixed sheet
    t = text(pdf)
    for s in ("用户产品领取收据", "SJ-2026-000123", JOB, "王建国", "PF3K9A2B", "电源适配器",
              FAULT, "无偿(保修)", "2026-05-19", "客户联", "取件须知"):
        assert s in t, s


@needs_poppler
def test_receipt_barcodes_decode(tmp_path):
    pdf = render_receipt(make_receipt())
    assert {("code128", "SJ-2026-000123"), ("qr", "SJ-2026-000123")} <= decode(pdf, 0, tmp_path)


@needs_poppler
def test_receipt_text_stays_on_paper(tmp_path):
    long = make_receipt(fault="屏幕闪烁，" * 40, condition="外壳多处磕碰" * 10)
    assert_inside(render_receipt(long), tmp_path)


def test_receipt_roll_grows_with_content():
    short = size_mm(pages(render_receipt(make_receipt()))[0])[1]
    many = make_receipt(items=[f"配件{i}" for i in range(30)], fault="屏幕闪烁，" * 60)
    ps = pages(render_receipt(many, copies=2))
    assert len(ps) == 2                       # still one page per copy: the page grew instead
    assert size_mm(ps[0])[1] > short + 80


def test_receipt_copies_and_labels(tmp_path):
    out = tmp_path / "r.pdf"
    pdf = render_receipt(make_receipt(), out, copies=2)
    assert len(pages(pdf)) == 2 and out.read_bytes() == pdf
    pdf = render_receipt(make_receipt(copy_label=""), copy_labels=["客户联", "存根联"])
    assert len(pages(pdf)) == 2
    assert "客户联" in text(pdf, 0) and "存根联" in text(pdf, 1)


def test_receipt_a5_english_contract():
    pdf = render_receipt(make_receipt(service_kind="contract", agreement_number="XY-2026-017"),
                         paper="A5", lang="en")
    (page,) = pages(pdf)
    assert size_mm(page) == pytest.approx((148, 210), abs=0.2)
    t = text(pdf)
    for s in ("Pickup receipt", "Customer", "Contract", "XY-2026-017", "王建国"):
        assert s in t, s
    assert "用户产品领取收据" not in t


def test_receipt_rejects_unknown_paper():
    with pytest.raises(ValueError):
        render_receipt(make_receipt(), paper="letter")


def test_invariant_output_is_byte_stable():
    assert render_receipt(make_receipt()) == render_receipt(make_receipt())


# --- cards --------------------------------------------------------------------

@needs_poppler
def test_one_card_per_item_each_decodes_its_code(tmp_path):
    pdf = render_cards(make_cards())
    ps = pages(pdf)
    assert len(ps) == 3
    for i, page in enumerate(ps):
        assert size_mm(page) == pytest.approx((60, 90), abs=0.1)
        code = f"{JOB}-{i + 1}"
        t = text(pdf, i)
        assert "维修卡" in t and JOB in t and "王建国" in t and f"{i + 1}/3" in t and ITEMS[i] in t
        assert {("code128", code), ("qr", code)} <= decode(pdf, i, tmp_path)


@needs_poppler
def test_long_fault_is_truncated_not_overflowing(tmp_path):
    card = make_cards(fault="开机无显示，风扇异响，偶发蓝屏，" * 15)[0]
    pdf = render_cards([card])
    assert len(pages(pdf)) == 1
    fault_lines = [ln for ln in text(pdf).splitlines() if "…" in ln]
    assert fault_lines, "truncated fault should end with …"
    assert_inside(pdf, tmp_path, margin_pt=2 * MM)  # inside the 3 mm card margin, with slack


@needs_poppler
def test_card_keeps_hole_area_clear(tmp_path):
    from PIL import Image
    src = tmp_path / "card.pdf"
    src.write_bytes(render_cards(make_cards()[:1]))
    subprocess.run(["pdftoppm", "-r", "100", "-png", "-singlefile", "-gray", str(src),
                    str(tmp_path / "c")], check=True)
    img = Image.open(tmp_path / "c.png").convert("L")
    px = 100 / 25.4
    # Top 12 mm, except the middle 8 mm where the hole itself is marked, must be blank.
    for box in [(0, 0, int(26 * px), int(12 * px)), (int(34 * px), 0, img.width, int(12 * px))]:
        assert img.crop(box).getextrema()[0] > 200, box


def test_card_english():
    t = text(render_cards(make_cards(service_kind="paid")[:1], lang="en"))
    assert "Repair card" in t and "Paid" in t and "Item 1/3" in t


def test_no_cards_is_an_error():
    with pytest.raises(ValueError):
        render_cards([])


# --- voucher ------------------------------------------------------------------

@needs_poppler
def test_voucher_a4_text_and_barcodes(tmp_path):
    pdf = render_voucher(make_voucher())
    ps = pages(pdf)
    assert size_mm(ps[0]) == pytest.approx((210, 297), abs=0.2)
    t = text(pdf)
    for s in ("服务凭证", JOB, "王建国", "PF3K9A2B", "维修历史", "¥2,290.00", "¥1,850.00",
              "应收金额", "¥0.00", "无偿(保修)", "现金", "打印时间", "2026-05-18 15:25", "导热硅脂"):
        assert s in t, s
    assert {("code128", JOB), ("qr", JOB)} <= decode(pdf, 0, tmp_path)


def test_voucher_long_history_splits_with_header_on_each_page():
    pdf = render_voucher(make_voucher(n_history=80))
    texts = [p.extract_text() for p in pages(pdf)]
    assert len(texts) >= 3
    for i, t in enumerate(texts[1:], 1):
        assert "维修单号" in t and "收费" in t          # repeated header row
        assert f"第 {i + 1} / {len(texts)} 页" in t
    everything = "\n".join(texts)
    assert all(f"WX-2025-{i:06d}" in everything for i in range(1, 80))


def test_voucher_a5_english():
    pdf = render_voucher(make_voucher(), paper="A5", lang="en")
    assert size_mm(pages(pdf)[0]) == pytest.approx((148, 210), abs=0.2)
    t = text(pdf)
    assert "Service voucher" in t and "Service history" in t and "Amount due" in t and "Cash" in t


# --- fonts and text -----------------------------------------------------------

def test_font_found_and_embedded():
    fc = register_font()
    assert isinstance(fc, FontChoice)
    if fc.path is None:
        pytest.skip("no CJK TrueType font on this machine")
    assert fc.warning == "" and fc.embedded
    assert find_cjk_font() is not None


def test_missing_font_falls_back_with_warning(tmp_path):
    bogus = tmp_path / "NotoSansCJK-Regular.otf"
    bogus.write_bytes(b"OTTO not really a font")
    assert find_cjk_font(str(bogus), search_system=False) is None
    fc = register_font(str(bogus), search_system=False)
    assert fc.path is None and fc.name == "STSong-Light"
    assert NO_FONT_WARNING in fc.warning and "cannot be used" in fc.warning
    # The documents still render with the fallback.
    assert "用户产品领取收据" in text(render_receipt(make_receipt(), font=fc))


def test_font_path_from_settings_is_used():
    fc = register_font()
    if fc.path is None:
        pytest.skip("no CJK TrueType font on this machine")
    assert register_font(fc.path, search_system=False).path == fc.path
    assert "王建国" in text(render_receipt(make_receipt(), font=fc.path))


def test_rare_character_is_printed_or_marked():
    name = "吉𠮷"
    fc = register_font()
    marked = safe_text(name, fc.name)
    assert marked.startswith("吉") and len(marked) > 1
    party = dataclasses.replace(PARTY, customer_name=name)
    for pdf in (render_receipt(make_receipt(party=party)),
                render_cards(make_cards(party=party)[:1]),
                render_voucher(make_voucher(party=party))):
        t = text(pdf)
        assert "𠮷" in t or "[U+20BB7]" in t


def test_helpers():
    assert fmt_money(D("1234.5")) == "¥1,234.50" and fmt_money(0) == "¥0.00"
    lines = fit_lines("很长的故障描述" * 20, register_font().name, 8, 100, 2)
    assert len(lines) == 2 and lines[-1].endswith("…")
