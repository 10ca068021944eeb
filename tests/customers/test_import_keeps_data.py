"""Imports keep good data (issue 11, part 5): an office's real overview
table with credit words, unknown and future dates, formulas and repeated
rows. A field that cannot be read is imported empty with a warning; strict
mode rejects such rows as before."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from app.domain.core import users
from app.domain.customers import customers, import_export
from app.domain.customers.import_file import CREDIT_WORDS, credit_rating_of
from app.domain.customers.models import Customer

HEADER = ["序号", "客户名称", "类别", "地区", "联系电话", "信用等级", "信用额度", "合作起始", "状态", "备注"]
NEXT_YEAR = dt.date.today().year + 1
ROWS = [
    [1, "北京海淀华信电子有限公司", "经销商", "北京市海淀区", "010-62888899", "AA", "5万", dt.datetime(2019, 5, 1),
     "正常", ""],                                                                                       # row 3
    [2, "上海浦东恒通数码商行", "零售商", "上海市浦东新区", "021-58881234", "良好", "12,000", "不详", "", ""],   # 4
    [3, "广州天河鸿运代理有限公司", "代理商", "广州市", "020-38886666", "一般", "",
     dt.datetime(NEXT_YEAR, 3, 1), "", ""],                                                              # 5: future
    [4, "=B3", "经销商", "", "13900001111", "A", "", "", "", ""],                                        # 6: formula
    [5, "成都武侯佳能办公设备", "经销商", "成都市", "028-85551234", "优", "=G3*2", "2020-01", "", ""],  # 7
    [6, "重庆渝中鑫达商贸", "经销商", "重庆市", "023-63334444", "未评", "", "2018年3月", "", ""],          # 8
    [7, "西安雁塔恒源电子", "零售商", "西安市", "029-88887777", "差", "", "2021/07/15", "", ""],            # 9
    [8, "杭州西湖明远科技", "经销商", "杭州市", "0571-87776666", "AAA", "", "不详", "", ""],              # 10
    [9, "杭州西湖明远科技", "经销商", "杭州市", "0571-8777 6666", "AAA", "", "2015-06-01", "", ""],       # 11
    [10, "已有客户", "终端用户", "", "13600001111", "", "", "", "", ""],                                  # 12: archive
    [11, "南京鼓楼长江电器", "零售商", "南京市", "138-abc", "BBB", "", "", "", ""],                     # 13: bad phone
]


@pytest.fixture
def keeper(any_db, staff):
    customers.create_customer("已有客户", "13600001111", user=None)
    return users.create_user("archivist", "周静", "info_manager")


def _xlsx(path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["2026年用户情况一览表"])
    ws.append(HEADER)
    for r in ROWS:
        ws.append(r)
    wb.save(path)   # written by a program: the formulas carry no saved value
    return path


def _messages(row, field):
    return [m for f, m in row.messages if f == field]


def test_fields_that_cannot_be_read_are_imported_empty_with_a_warning(keeper, tmp_path):
    pv = import_export.preview(_xlsx(tmp_path / "一览表.xlsx"), keeper)
    assert not pv.strict
    by = {r.line: r for r in pv.rows}
    assert {n: by[n].status for n in by} == {3: "ok", 4: "warning", 5: "warning", 6: "error", 7: "warning",
                                             8: "warning", 9: "ok", 10: "warning", 11: "error", 12: "error",
                                             13: "warning"}
    # Credit words through the table, shown in the preview.
    assert [by[n].values.get("credit_rating") for n in (3, 4, 5, 7, 9, 10)] == ["A", "B", "C", "A", "D", "A"]
    assert pv.credit_words == {"AA": ("A", 1), "AAA": ("A", 2), "BBB": ("B", 1), "一般": ("C", 1), "优": ("A", 1),
                               "差": ("D", 1), "良好": ("B", 1)}   # word -> (rating, rows of the file)
    assert "credit_rating" not in by[8].values and "未评" in _messages(by[8], "credit_rating")[0]
    assert by[8].values["cooperation_since"] == dt.date(2018, 3, 1)
    # 不详 and a future date: the date left empty, the rest of the row kept.
    assert "cooperation_since" not in by[4].values and "不详" in _messages(by[4], "cooperation_since")[0]
    assert by[4].values["credit_limit"] == Decimal("12000.00")
    assert "future" in _messages(by[5], "cooperation_since")[0] and by[5].values["region"] == "广州市"
    # A formula is reported as a formula (not as "name is required").
    assert "formula" in _messages(by[6], "name")[0] and "=B3" in _messages(by[6], "name")[0]
    assert not any("required" in m for _, m in by[6].messages)
    assert "=G3*2" in _messages(by[7], "credit_limit")[0] and by[7].values.get("credit_limit") is None
    # Same name as row 10, which is imported.
    assert any("row 10" in m for m in _messages(by[11], "name"))
    assert any("CU" in m for m in _messages(by[12], "name"))
    assert "138-abc" in _messages(by[13], "phone")[0] and "phone" not in by[13].values
    before = Customer.select().count()
    result = import_export.commit(pv, keeper)
    assert (result.created, result.skipped) == (8, 3)
    assert Customer.select().count() == before + 8
    got = {c.name: c for c in Customer.select()}
    assert got["上海浦东恒通数码商行"].cooperation_since is None and got["上海浦东恒通数码商行"].credit_rating == "B"
    assert got["北京海淀华信电子有限公司"].cooperation_since == dt.date(2019, 5, 1)
    assert got["杭州西湖明远科技"].cooperation_since is None and got["南京鼓楼长江电器"].phone == ""


def test_strict_mode_rejects_such_rows_and_same_as_row_only_names_an_imported_row(keeper, tmp_path):
    pv = import_export.preview(_xlsx(tmp_path / "一览表.xlsx"), keeper, strict=True)
    assert pv.strict
    by = {r.line: r for r in pv.rows}
    assert {n: by[n].status for n in by} == {3: "ok", 4: "error", 5: "error", 6: "error", 7: "error",
                                             8: "error", 9: "ok", 10: "error", 11: "ok", 12: "error",
                                             13: "error"}
    # Row 10 is not imported: row 11, with the same name and phone, is no repeat of it.
    assert not by[11].messages and by[11].values["phone"] == "0571-87776666"
    assert "future" in _messages(by[5], "cooperation_since")[0]
    assert "formula" in _messages(by[7], "credit_limit")[0]
    result = import_export.commit(pv, keeper)
    assert (result.created, result.skipped) == (3, 8)
    assert Customer.get(Customer.name == "杭州西湖明远科技").cooperation_since == dt.date(2015, 6, 1)


def test_credit_words_table():
    assert {credit_rating_of(w) for w in ("AAA", "aa", "A", "优", "优秀", "甲级")} == {"A"}
    assert {credit_rating_of(w) for w in ("BBB", "良好", "良", "B", "ｂ")} == {"B"}
    assert {credit_rating_of(w) for w in ("一般", "中等", "C", "三级")} == {"C"}
    assert {credit_rating_of(w) for w in ("差", "较差", "D")} == {"D"}
    assert credit_rating_of("") == "" and credit_rating_of("未评") is None and credit_rating_of("E") is None
    assert set(CREDIT_WORDS) == {"A", "B", "C", "D"}


def test_csv_formulas_and_quoted_exports(keeper, tmp_path):
    path = tmp_path / "list.csv"
    path.write_text("名称,电话,备注\n=HYPERLINK(\"x\"),13700000000,\n'=不是公式的名字,13700000001,'+86 备注\n",
                    encoding="utf-8")
    pv = import_export.preview(path, keeper)
    assert pv.rows[0].status == "error" and "formula" in _messages(pv.rows[0], "name")[0]
    assert pv.rows[1].values["name"] == "=不是公式的名字" and pv.rows[1].values["notes"] == "+86 备注"
