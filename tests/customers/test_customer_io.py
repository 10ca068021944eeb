"""Import of a messy office list; export of the overview as filtered."""
from __future__ import annotations

import csv
from decimal import Decimal

import pytest

from app.domain.core import users
from app.domain.core.errors import ConcurrentChange, PermissionDenied, ValidationError
from app.domain.customers import access, archive, customers, import_export
from app.domain.customers.models import AccessLog, Customer, CustomerContact

HEADER = ["客户名称（必填）", " 电话 ", "类别", "地址", "地区", "信用等级", "信用额度", "联系人", "业务员", "客户编号", "微博"]
ROWS = [
    ["北京海淀华信电子有限公司", "010-62888899", "经销商", "北京市海淀区中关村大街18号", "北京市海淀区", "A", "5万", "王经理", "林晓东", "", ""],
    ["  上海浦东　恒通数码商行 ", "０２１－５８８８１２３４", "零售商", "上海市浦东新区张江路", "上海市浦东新区", "ｂ", "12,000", "", "", "", ""],
    ["吉𠮷商贸有限公司", 13900001111, "委托代理商", "", "广州市天河区", "", "", "", "不存在的人", "CU-1", ""],
    ["", "13700000000", "终端用户", "无名氏地址", "", "", "", "", "", "", ""],                    # no name
    ["张伟", "138-abc", "终端用户", "", "", "", "", "", "", "", ""],                               # bad phone
    ["北京海淀华信电子有限公司", "010-62888800", "经销商", "", "", "", "", "", "", "", ""],           # duplicate in file
    ["已有客户", "13600001111", "", "", "", "", "", "", "", "", ""],                                # duplicate in DB
    ["新客户甲", "13600001111", "终端用户", "", "", "E", "-5", "", "", "", ""],                     # bad credit
    ["新客户乙", "13600001111", "终端用户", "", "", "", "", "", "", "", ""],                        # phone of a DB customer
    ["", "", "", "", "", "", "", "", "", "", ""],                                                  # empty: not a row
]


@pytest.fixture
def keeper(any_db, staff):
    users.create_user("sales1", "林晓东", "business")
    customers.create_customer("已有客户", "13600001111", user=None)
    return users.create_user("archivist", "周静", "info_manager")


def _xlsx(path, rows, title=True):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    if title:
        ws.append(["2026年客户名单"])   # a title row above the header, as offices do
    ws.append(HEADER)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def test_messy_xlsx_preview_then_commit(keeper, tmp_path):
    path = _xlsx(tmp_path / "客户名单.xlsx", ROWS)
    before = Customer.select().count()
    pv = import_export.preview(path, keeper, strict=True)   # unreadable fields reject their row (issue 11: not the default)
    assert Customer.select().count() == before   # nothing written by the preview
    assert pv.ignored == ["客户编号", "微博"]
    by_line = {r.line: r for r in pv.rows}
    assert sorted(by_line) == list(range(3, 12))   # file rows as Excel numbers them; the empty row dropped
    assert [by_line[n].status for n in range(3, 12)] == [
        "ok", "warning", "warning", "error", "error", "error", "error", "error", "warning"]
    hx = by_line[3].values
    assert hx["credit_limit"] == Decimal("50000.00") and hx["category"] == "dealer" and hx["responsible_id"]
    sh = by_line[4].values
    assert (sh["name"], sh["phone"], sh["credit_rating"], sh["credit_limit"]) == \
        ("上海浦东 恒通数码商行", "021-58881234", "B", Decimal("12000.00"))
    assert by_line[5].values["phone"] == "13900001111"   # a number cell read as text
    fields = lambda n: {f for f, _ in by_line[n].messages}  # noqa: E731
    assert "responsible_id" in fields(5)
    assert fields(6) == {"name"} and fields(7) == {"phone"}
    assert "name" in fields(8) and "已有客户" not in [r.values.get("name") for r in pv.rows if r.status != "error"]
    assert any("row 3" in str(m) for _, m in by_line[8].messages)
    assert fields(10) >= {"credit_rating", "credit_limit"}
    assert "phone" in fields(11)
    result = import_export.commit(pv, keeper)
    assert result.created == 4 and result.skipped == 5
    assert Customer.select().count() == before + 4
    c = Customer.get(Customer.name == "吉𠮷商贸有限公司")
    assert [x.name for x in customers.search("𠮷")] == ["吉𠮷商贸有限公司"]
    assert [x.name for x in customers.search("shpd")] == ["上海浦东 恒通数码商行"]
    assert c.category == "agent" and c.region == "广州市天河区"
    contact = CustomerContact.get(CustomerContact.name == "王经理")
    assert contact.is_primary and contact.phone == "010-62888899"
    assert AccessLog.get(AccessLog.action == "import").detail.startswith("客户名单.xlsx: 4 of 9")


def test_gbk_csv_with_tabs_and_english_headers(keeper, tmp_path):
    path = tmp_path / "list.csv"
    text = "Name\tPhone\tCategory\tRegion\n湖南长沙岳麓嘉禾办公设备经营部\t0731-88889999\tretailer\t长沙市岳麓区\n"
    path.write_bytes(text.encode("gbk"))
    pv = import_export.preview(path, keeper)
    assert [(r.status, r.values["name"], r.values["category"]) for r in pv.rows] == [
        ("ok", "湖南长沙岳麓嘉禾办公设备经营部", "retailer")]


def test_unreadable_files_and_rights(keeper, staff, tmp_path):
    with pytest.raises(ValidationError) as e:
        import_export.preview(tmp_path / "old.xls", keeper)
    assert "file" in e.value.fields
    bad = tmp_path / "x.csv"
    bad.write_text("foo,bar\n1,2\n", encoding="utf-8")
    with pytest.raises(ValidationError):
        import_export.preview(bad, keeper)        # no name column
    with pytest.raises(PermissionDenied):
        import_export.preview(bad, staff["counter"])


def test_changed_meanwhile_writes_nothing(keeper, tmp_path):
    pv = import_export.preview(_xlsx(tmp_path / "a.xlsx", ROWS[:2], title=False), keeper)
    customers.create_customer("北京海淀华信电子有限公司", "010-62888899", user=None)
    before = Customer.select().count()
    with pytest.raises(ConcurrentChange):
        import_export.commit(pv, keeper)
    assert Customer.select().count() == before


def test_export_as_filtered_xlsx_and_csv(keeper, staff, tmp_path):
    pv = import_export.preview(_xlsx(tmp_path / "a.xlsx", ROWS), keeper)
    import_export.commit(pv, keeper)
    q = archive.overview(keeper, archive.OverviewFilter(category="dealer"))
    assert import_export.export_overview(keeper, q, tmp_path / "out.csv") == 1
    with open(tmp_path / "out.csv", encoding="utf-8") as fh:
        assert fh.read(1) == "\ufeff"
    with open(tmp_path / "out.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][:3] == ["客户编号", "客户名称", "简称"] and rows[1][1] == "北京海淀华信电子有限公司"
    assert rows[1][3] == "经销商" and rows[1][7] == "50000.00"
    q = archive.overview(keeper, archive.OverviewFilter(text="商"), sort="name")
    n = import_export.export_overview(keeper, q, tmp_path / "out.xlsx")
    from openpyxl import load_workbook

    ws = load_workbook(tmp_path / "out.xlsx").active
    names = [r[1] for r in ws.iter_rows(min_row=2, values_only=True)]
    assert len(names) == n and "吉𠮷商贸有限公司" in names and names == sorted(names)
    # Exported back in: every row is a duplicate of the archive.
    assert {r.status for r in import_export.preview(tmp_path / "out.xlsx", keeper).rows} == {"error"}
    log = access.read_log(staff["manager"])
    assert [r.action for r in log if r.action == "export"] == ["export", "export"]
    with pytest.raises(PermissionDenied):
        import_export.export_overview(staff["tech"], q, tmp_path / "no.csv")
    with pytest.raises(ValidationError):
        import_export.export_overview(keeper, q, tmp_path / "no.pdf")
