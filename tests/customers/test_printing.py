"""The archive card (A4) and the overview table (A4 landscape), from the domain's data."""
from __future__ import annotations

import io

import pytest

pypdf = pytest.importorskip("pypdf")

from app.domain.core import users
from app.domain.core.errors import PermissionDenied  # noqa: E402
from app.domain.customers import access, archive, customers, import_export  # noqa: E402
from app.printing.customers.archive_card import render_archive_card  # noqa: E402
from app.printing.customers.overview_print import render_overview  # noqa: E402

MM = 72 / 25.4


def pages(pdf: bytes):
    return pypdf.PdfReader(io.BytesIO(pdf)).pages


def size_mm(page) -> tuple[int, int]:
    return round(float(page.mediabox.width) / MM), round(float(page.mediabox.height) / MM)


def text(pdf: bytes) -> str:
    return "\n".join(p.extract_text() for p in pages(pdf))


@pytest.fixture
def rare(db, staff):
    keeper = users.create_user("archivist", "周静", "info_manager")
    sales = users.create_user("sales1", "林晓东", "business")
    c = customers.create_customer("吉𠮷商贸有限公司", "020-38881234", "agent", "广州市天河区体育西路𡈽号", user=keeper)
    c = archive.save_archive(keeper, c.id, c.version, {
        "short_name": "吉𠮷", "region": "广州市天河区", "credit_rating": "B", "credit_limit": "80000",
        "business_content": "办公设备代理销售\n售后维修", "responsible_id": sales.id, "tax_id": "91440101MA5CXXXX1X",
        "cooperation_since": "2019-05-01", "notes": "每季度对账"},
        contacts=[{"name": "陈𠮷", "title": "总经理", "mobile": "13922223333", "is_primary": True},
                  {"name": "黄小姐", "title": "采购", "phone": "020-38881235", "email": "buy@jiji.example"}],
        addresses=[{"kind": "warehouse", "address": "广州市白云区仓库路8号", "postcode": "510000"}])
    return dict(staff, keeper=keeper, sales=sales, customer=c)


def test_archive_card_a4_every_field_and_rare_character(rare):
    data = import_export.card_data(rare["keeper"], rare["customer"].id)
    pdf = render_archive_card(data)
    assert size_mm(pages(pdf)[0]) == (210, 297)
    t = text(pdf)
    for word in ("用户档案", "商贸有限公司", "委托代理商", "办公设备代理销售", "¥80,000.00", "2019-05-01", "林晓东", "总经理",
                 "13922223333", "buy@jiji.example", "广州市白云区仓库路8号", "仓库", "最近变更记录", "信用等级", "第 1 页 / 共"):
        assert word in t, word
    assert "𠮷" in t or "[U+20BB7]" in t        # printed, or clearly marked
    assert "𡈽" in t or "[U+2123D]" in t
    assert [r.action for r in access.read_log(rare["manager"], customer_id=rare["customer"].id)][0] == "print"
    en = text(render_archive_card(data, lang="en"))
    assert "Customer archive" in en and "Commissioned agent" in en


def test_archive_card_refused_and_logged(rare):
    with pytest.raises(PermissionDenied):
        import_export.card_data(rare["counter"], rare["customer"].id)
    assert access.read_log(rare["manager"])[0].action == "denied"


def test_overview_a4_landscape_with_filter_and_header_on_every_page(rare):
    for i in range(120):
        customers.create_customer(f"广州天河客户{i:03d}", f"1380000{i:04d}", "dealer", user=None)
    q = archive.overview(rare["sales"], archive.OverviewFilter(text="gzth"), sort="name")
    data = import_export.overview_print_data(rare["sales"], q)
    assert data.total == 120 and data.filters == [("text", "gzth")]
    pdf = render_overview(data)
    ps = pages(pdf)
    assert len(ps) >= 3 and all(size_mm(p) == (297, 210) for p in ps)
    for p in ps:   # the header row on every page
        assert "客户编号" in p.extract_text() and "信用额度" in p.extract_text()
    t = text(pdf)
    assert "用户情况一览表" in t and "筛选条件：搜索：gzth" in t and "共 120 户" in t and f"共 {len(ps)} 页" in t
    q = archive.overview(rare["sales"], archive.OverviewFilter(category="agent", region="广州市天河区"))
    t = text(render_overview(import_export.overview_print_data(rare["sales"], q, limit=10)))
    assert "类别：委托代理商" in t and "地区：广州市天河区" in t and ("𠮷" in t or "[U+20BB7]" in t)
    cut = import_export.overview_print_data(rare["sales"], archive.overview(rare["sales"]), limit=50)
    assert "打印前 50 户" in text(render_overview(cut))
    assert [r.action for r in access.read_log(rare["manager"])][:3] == ["print"] * 3


# --- issue 10: no document fails to print, none overprints ------------------------------------------

HEADINGS = {"zh_CN": ["基本情况", "信用及与本公司关系", "联系人", "地址", "最近变更记录"],
            "en": ["General", "Credit and relationship", "Contacts", "Addresses", "Latest changes"]}


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_archive_card_with_every_field_at_its_maximum_and_200_rows(lang):
    """Every text field at its maximum (tests/print_samples.MAXIMUMS) and 200
    contacts, addresses and changes: the card flows onto further pages, each
    with the title, the code and "page n of N" at its top, each section's
    heading repeated there with （续）, none alone at a page's foot, nothing
    overprinted, no English word cut; the keeper's signature on the last page."""
    from tests import print_samples as S

    pdf = render_archive_card(S.archive_card(lang, rows=S.ROWS), lang=lang)
    title = "用户档案" if lang == "zh_CN" else "Customer archive"
    out = S.read_back(pdf, lang, title, headings=HEADINGS[lang])
    assert out.problems == []
    assert out.pages > 400
    cont = "（续）" if lang == "zh_CN" else "(continued)"
    assert any(line.replace(" ", "").endswith(cont.strip()) for page in out.lines.values() for line in page[1:3])
    assert ("信息管理员：" if lang == "zh_CN" else "Informationmanager:") in "".join(out.lines[out.pages]).replace(" ", "")


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_archive_card_long_texts_whole_document_checked(lang):
    """Every field at its maximum, three of each row, read back page by page
    (not a sample): the texts of 4 000 characters continue on the next page
    under their section's heading and caption, with （续）."""
    from tests import print_samples as S

    pdf = render_archive_card(S.archive_card(lang, rows=3), lang=lang)
    out = S.read_back(pdf, lang, "用户档案" if lang == "zh_CN" else "Customer archive", headings=HEADINGS[lang],
                      sample=False)
    assert out.problems == []
    cont = "（续）" if lang == "zh_CN" else "(continued)"
    tops = ["".join(lines[1:5]).replace(" ", "") for number, lines in out.lines.items() if number > 1]
    for caption in (["基本情况", "经营内容", "备注", "联系人", "最近变更记录"] if lang == "zh_CN"
                    else ["General", "Business", "Notes", "Latestchanges"]):
        # At the top of a page, under the header: the caption, then （续） (after it, or under it in English).
        assert any(caption in top and cont in top[top.index(caption):] for top in tops), caption


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_overview_with_every_field_at_its_maximum_and_200_rows(lang):
    from tests import print_samples as S

    pdf = render_overview(S.overview(lang, rows=S.ROWS), lang=lang)
    out = S.read_back(pdf, lang, "用户情况一览表" if lang == "zh_CN" else "Customer overview")
    assert out.problems == [] and out.pages > 30
    for page in out.lines.values():   # the header row on every page read
        assert ("信用额度" if lang == "zh_CN" else "Credit") in "".join(page)


def test_overview_english_columns_never_run_into_each_other():
    """'Commissioned agent' overprinted the Region column and the headers ran
    into each other: each column is at least as wide as its widest word."""
    import datetime as dt
    from decimal import Decimal

    from app.printing.core.company import Company
    from app.printing.customers.data import OverviewLine, OverviewPrintData
    from tests import print_samples as S
    from tests.pdf_layout import overlaps, split_words

    rows = [OverviewLine(f"CU-2026-{i:06d}", "Chengdu Wuhou Hongda Trading Agency Co., Ltd.", "Hongda", cat,
                         "Chengdu Wuhou District", "028-85551234", "B", Decimal("600000"), status, "Sun Haoran",
                         dt.date(2024, 2, 19))
            for i, (cat, status) in enumerate([("agent", "suspended"), ("end_user", "prospect"),
                                               ("retailer", "refused")])]
    pdf = render_overview(OverviewPrintData(Company("Huaxin Electronics After-sales"), rows, total=3), lang="en")
    assert overlaps(pdf) == [] and split_words(pdf, S.vocabulary()) == []
    assert "Commissioned" in text(pdf) and "Customer since" in text(pdf).replace("\n", " ")
