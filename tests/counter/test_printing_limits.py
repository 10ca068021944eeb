"""The counter's documents at their worst (issue 10, parts 2-4): every text
field at its maximum (tests/print_samples.MAXIMUMS) and 200 rows where a
document has rows (items, parts and materials, labour, earlier jobs), in
Chinese and in English. Each renders; pages after a copy's first carry the
title, the number and "page n of N"; nothing is overprinted, no English word
is cut, no heading is left alone at a page's foot; every barcode and QR still
decodes (poppler at 300 dpi, zxing-cpp). And the repair card tells units
apart: the whole serial, the customer's name, the condition; the job number
no smaller than before.
"""
from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess

import pytest

pypdf = pytest.importorskip("pypdf")
pdfplumber = pytest.importorskip("pdfplumber")
zxingcpp = pytest.importorskip("zxingcpp")

from PIL import Image  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: E402

from app.printing import register_font, render_cards, render_receipt, render_voucher, set_invariant  # noqa: E402
from app.printing.counter.labels import L  # noqa: E402
from tests import print_samples as S  # noqa: E402
from tests.pdf_layout import lone_headings, overlaps, page_lines, sample_pages, split_words  # noqa: E402

set_invariant(True)
pytestmark = pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler-utils missing")

LANGS = ("zh_CN", "en")
#: "page n of N" as the counter's documents print it (labels.py), without spaces.
PAGE = {"zh_CN": "第{page}/{pages}页", "en": "Page{page}of{pages}"}


def flat(s: str) -> str:
    return re.sub(r"\s+", "", s)


def page_texts(pdf: bytes) -> list[str]:
    return [p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def codes(pdf: bytes, tmp_path, pages: list[int], *, top_mm: float | None = None) -> dict[int, set]:
    """{page: {(format, text)}} of the Code128 and QR codes poppler's 300 dpi
    image of each page holds; ``top_mm``: only the top of the page (a roll)."""
    src = tmp_path / "codes.pdf"
    src.write_bytes(pdf)
    crop = ["-x", "0", "-y", "0", "-W", "4000", "-H", str(round(top_mm / 25.4 * 300))] if top_mm else []
    found = {}
    for first, last in ([(min(pages), max(pages))] if pages == list(range(min(pages), max(pages) + 1))
                        else [(p, p) for p in pages]):
        subprocess.run(["pdftoppm", "-r", "300", "-gray", "-f", str(first), "-l", str(last), *crop, str(src),
                        str(tmp_path / "page")], check=True)
        for path in sorted(tmp_path.glob("page-*.pgm")):
            with Image.open(path) as image:
                found[int(path.stem.split("-")[-1])] = {
                    ("code128" if r.format == zxingcpp.BarcodeFormat.Code128 else "qr", r.text)
                    for r in zxingcpp.read_barcodes(image)
                    if r.format in (zxingcpp.BarcodeFormat.Code128, zxingcpp.BarcodeFormat.QRCode)}
            path.unlink()
    return found


def layout_problems(pdf: bytes, pages: list[int], headings=(), footer: bool = True) -> list:
    problems: list = [("overlap", *o) for o in overlaps(pdf, pages=pages)]
    problems += [("split", *s) for s in split_words(pdf, S.vocabulary(), pages=pages)]
    problems += [("alone", *h) for h in lone_headings(pdf, headings, footer=footer, pages=pages)]
    return problems


# --- the pickup receipt ----------------------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("copies", [1, 2])
@pytest.mark.parametrize("paper", ["80mm", "A5"])
@pytest.mark.parametrize("lang", LANGS)
def test_receipt_with_every_field_at_its_maximum_and_200_items(lang, paper, copies, tmp_path):
    t = L(lang)
    data = S.receipt(lang)
    pdf = render_receipt(data, paper=paper, lang=lang, copies=copies)
    texts = [flat(x) for x in page_texts(pdf)]
    # Each copy starts on a page of its own, with the receipt's numbers (not the continuation header).
    starts = [i + 1 for i, x in enumerate(texts) if flat(t["receipt_no"]) + flat(t["colon"]) in x]
    assert starts[0] == 1 and len(starts) == copies
    bounds = list(zip(starts, starts[1:] + [len(texts) + 1]))
    lines = page_lines(pdf, sorted({p for a, b in bounds for p in (a, a + 1, b - 1)}))
    for copy, (first, end) in enumerate(bounds):
        count = end - first
        assert count > 1                           # 200 items of 200 characters: more than one page
        for n in range(2, count + 1):              # the continuation header, numbered within the copy
            if first + n - 1 not in lines:
                continue
            top = flat(lines[first + n - 1][0])
            assert top.startswith(flat(f"{t['receipt_title']}{data.receipt_number}")), top
            assert top.endswith(PAGE[lang].format(page=n, pages=count)), top
            if copies > 1:
                assert flat(t["copy_customer"] if copy == 0 else t["copy_counter"]) in top
        whole = "".join(texts[first - 1:end - 1])
        # Nothing lost: the last item, the end of the fault and condition, the signatures.
        assert flat(f"200. {data.items[-1]}") in whole
        assert flat(data.fault[-60:]) in whole and flat(data.condition[-60:]) in whole
        assert flat(data.company.pickup_terms[-1][-40:]) in texts[end - 2]      # the last term, with
        assert flat(t["customer_signature"]) in texts[end - 2]                # the signatures under it
        assert (flat(t["clerk_signature"]) in whole) == (copy > 0)
        assert (flat(t["pickup_signature"]) in whole) == (copy > 0)
    if copies > 1:
        assert flat(t["copy_customer"]) in texts[0] and flat(t["copy_counter"]) in texts[starts[1] - 1]
    pages = sorted(set(sample_pages(len(texts))) | set(starts))
    assert layout_problems(pdf, pages, headings=[t["terms"]], footer=paper == "A5") == []
    found = codes(pdf, tmp_path, starts, top_mm=300 if paper == "80mm" else None)
    for page in starts:
        assert {("code128", data.receipt_number), ("qr", data.receipt_number)} <= found[page], page


def test_roll_receipt_is_one_page_a_copy_as_tall_as_its_content():
    """The 80 mm roll: a copy is one page (the printer cuts after it), as tall
    as it is; only past the tallest page a PDF may have does it go on."""
    from app.printing.counter.receipt import ROLL_MAX

    data = S.receipt("zh_CN", rows=20)
    data.fault, data.condition = S.long_text("Job.fault"), S.long_text("Job.condition")
    pdf = render_receipt(data, copies=2)
    heights = [float(p.mediabox.height) for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]
    assert len(heights) == 2 and all(2000 < h < ROLL_MAX for h in heights)
    assert heights[1] > heights[0]             # the counter's copy has two more signature lines
    big = render_receipt(S.receipt("zh_CN"))
    heights = [float(p.mediabox.height) for p in pypdf.PdfReader(io.BytesIO(big)).pages]
    assert len(heights) > 1 and heights[:-1] == [ROLL_MAX] * (len(heights) - 1) and heights[-1] < ROLL_MAX


def test_receipt_a5_long_fault_used_to_fail():
    """Over about 1 200 characters of fault an A5 receipt raised LayoutError."""
    from tests.counter.test_printing import make_receipt

    pdf = render_receipt(make_receipt(fault="开机无显示，风扇异响，" * 130), paper="A5")
    texts = page_texts(pdf)
    assert len(texts) >= 2 and f"第 2 / {len(texts)} 页" in texts[1] and "故障描述（续）" in flat(texts[1])


# --- the repair cards ------------------------------------------------------------------------------

def job_number_size(pdf: bytes, number: str) -> list[float]:
    """The font size of the job number, as printed large on each card."""
    sizes = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            words = page.extract_words(extra_attrs=["size"])
            sizes.append(max(w["size"] for w in words if w["text"] == number))
    return sizes


def old_job_number_size(number: str) -> float:
    """What the card printed the job number at before issue 10: as large as fits, 16 pt at most."""
    font = register_font().name
    return min(16.0, (60 * mm - 6 * mm) / stringWidth(number, font, 1))


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_every_card_with_every_field_at_its_maximum(lang, tmp_path):
    cards = S.cards(lang)
    pdf = render_cards(cards, lang=lang)
    texts = [flat(x) for x in page_texts(pdf)]
    assert len(texts) == len(cards) == S.ROWS
    t = L(lang)
    for card, text in zip(cards, texts):
        assert flat(card.party.serial) in text               # whole, its end too
        assert flat(f"{t['item']}{card.item_index}/{card.item_count}") in text
        assert flat(t["condition"]) in text and flat(card.received_by) not in text
    assert min(job_number_size(pdf, S.JOB_NUMBER)) >= old_job_number_size(S.JOB_NUMBER) - 0.01
    assert layout_problems(pdf, sample_pages(len(texts)), footer=False) == []
    found = codes(pdf, tmp_path, list(range(1, len(cards) + 1)))
    for card, page in zip(cards, found):
        assert {("code128", card.card_code), ("qr", card.card_code)} <= found[page], page


@pytest.mark.parametrize("lang", LANGS)
def test_cards_tell_units_apart(lang):
    """Long names and serials: the customer's name on two lines rather than
    cut after 9 characters; the whole serial (…NMG-0001 is not …NMG-0002); the
    condition printed; the clerk's name not; the job number as large as before."""
    from tests.counter.test_printing import make_cards

    name = ("北京海淀华信电子有限公司售后服务部王建国" if lang == "zh_CN"
            else "Beijing Haidian Huaxin Electronics Co. Ltd")
    pdfs = []
    for n in (1, 2):
        party = dataclasses.replace(make_cards()[0].party, customer_name=name, serial=S.serial(n)[-40:])
        pdfs.append(render_cards(make_cards(party=party)[:1], lang=lang))
    texts = [flat(page_texts(pdf)[0]) for pdf in pdfs]
    assert flat(S.serial(1)[-40:]) in texts[0] and flat(S.serial(2)[-40:]) in texts[1]
    assert all(flat(name) in x for x in texts)
    assert all(flat(L(lang)["condition"]) in x and "李娜" not in x for x in texts)
    assert job_number_size(pdfs[0], "WX-2026-000123")[0] >= old_job_number_size("WX-2026-000123") - 0.01


# --- the service voucher ---------------------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("paper", ["A4", "A5"])
@pytest.mark.parametrize("lang", LANGS)
def test_voucher_with_every_field_at_its_maximum_and_200_rows(lang, paper, tmp_path):
    t = L(lang)
    data = S.voucher(lang)
    pdf = render_voucher(data, paper=paper, lang=lang)
    out = S.read_back(pdf, lang, f"{t['voucher_title']} {data.job_number}", page_format=PAGE[lang],
                      headings=[t["parts"], t["labour"], t["charges"]])
    assert out.problems == []
    assert out.pages > 50
    cont = flat(t["open_paren"] + "续" + t["close_paren"]) if lang == "zh_CN" else "(continued)"
    tops = ["".join(lines[1:4]).replace(" ", "") for number, lines in out.lines.items() if number > 1]
    assert any(cont in top for top in tops)
    texts = [flat(x) for x in page_texts(pdf)]
    whole = "".join(texts)
    for part in (data.fault[-60:], data.diagnosis[-60:], data.history[-1].job_number, data.collected_by):
        assert flat(part) in whole
    assert flat(t["collected_by"]) in whole
    # The history's fault and diagnosis are shortened; this job's are in full above.
    assert flat(data.history[0].fault[:100]) in whole
    found = codes(pdf, tmp_path, [1])
    assert {("code128", data.job_number), ("qr", data.job_number)} <= found[1]


def test_voucher_a4_long_fault_used_to_fail():
    """Over about 960 characters of fault or diagnosis the A4 voucher raised LayoutError (A5: 560)."""
    from tests.counter.test_printing import make_voucher

    for paper in ("A4", "A5"):
        pdf = render_voucher(make_voucher(fault="开机无显示，风扇异响，" * 400, diagnosis="主板供电芯片损坏。" * 400),
                             paper=paper)
        texts = page_texts(pdf)
        assert len(texts) >= 3
        for i, text in enumerate(texts[1:], 2):
            assert flat(f"服务凭证 WX-2026-000123 第 {i} / {len(texts)} 页") in flat(text)
        assert "故障描述（续）" in flat("".join(texts))


def test_voucher_names_the_collector_not_a_payee():
    from tests.counter.test_printing import make_voucher

    pdf = render_voucher(make_voucher(collected_by="王建国"))
    text = flat(page_texts(pdf)[0])
    assert "取件人王建国" in text and "收款人" not in text
    en = flat(page_texts(render_voucher(make_voucher(collected_by="Wang Jianguo"), lang="en"))[0])
    assert "CollectedbyWangJianguo" in en


def test_receipt_says_once_to_keep_it():
    """The closing line repeated the first pickup term ("凭本收据取件，请妥善保管…"
    then "凭此收据取件，请妥善保管。"): with terms, they say it; without, the line does."""
    from app.domain.core.settings import DEFAULTS
    import json

    from tests.counter.test_printing import COMPANY, make_receipt

    company = dataclasses.replace(COMPANY, pickup_terms=json.loads(DEFAULTS["pickup_terms"]))
    text = flat("".join(page_texts(render_receipt(make_receipt(company=company)))))
    assert text.count("妥善保管") == 1 and "凭此收据取件" not in text
    bare = flat("".join(page_texts(render_receipt(make_receipt(company=dataclasses.replace(COMPANY, pickup_terms=[]))))))
    assert "凭此收据取件，请妥善保管。" in bare
