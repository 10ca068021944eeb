"""Exports stay data (issue 11, part 6): empty cells stay empty, text a
spreadsheet would run as a formula is neutralised (a quote in CSV, a string
cell in .xlsx), numbers stay numbers and phones text. Every export goes
through app.domain.core.sheets.write_table."""
from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal

import pytest

from app.domain.core import sheets, users
from app.domain.core.text import clean
from app.domain.customers import archive, customers, import_export

ATTACKS = ["+1+cmd|' /C calc'!A0", "-1+cmd|' /C calc'!A0", "=HYPERLINK(\"http://x\",\"点我\")", "@SUM(1+1)",
           "\t=1+1", "\r=1+1", "-2+3", "+86 138"]


def _read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def test_one_writer_for_every_cell(tmp_path):
    header = ["text", "empty", "none", "phone", "amount", "count", "date", "negative"]
    rows = [[a, "", None, "13800138000", Decimal("50000.00"), 7, dt.date(2021, 3, 1), "-12.50"] for a in ATTACKS]
    assert sheets.write_table(tmp_path / "t.csv", header, rows) == len(ATTACKS)
    assert sheets.write_table(tmp_path / "t.xlsx", header, iter(rows), title="a/b: c") == len(ATTACKS)
    assert (tmp_path / "t.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    got = _read_csv(tmp_path / "t.csv")
    assert got[0] == header
    for attack, line in zip(ATTACKS, got[1:]):
        assert line == ["'" + attack, "", "", "13800138000", "50000.00", "7", "2021-03-01", "-12.50"]
    from openpyxl import load_workbook

    ws = load_workbook(tmp_path / "t.xlsx").active
    for attack, row in zip(ATTACKS, ws.iter_rows(min_row=2)):
        text, empty, none, phone, amount, count, date, negative = row
        assert (text.value, text.data_type) == (attack.replace("\r", "\n"), "s")   # a string, never a formula (XML reads \r as \n)
        assert empty.value is None and none.value is None
        assert (phone.value, phone.data_type) == ("13800138000", "s")
        assert (amount.value, amount.data_type) == (50000, "n") and amount.number_format == "#,##0.00"
        assert (count.value, count.data_type) == (7, "n")
        assert date.value == dt.datetime(2021, 3, 1) and date.is_date
        assert (negative.value, negative.data_type) == ("-12.50", "s")
    # No formula anywhere in the workbook's XML.
    import zipfile

    with zipfile.ZipFile(tmp_path / "t.xlsx") as z:
        assert b"<f>" not in z.read("xl/worksheets/sheet1.xml")
    with pytest.raises(ValueError):
        sheets.write_table(tmp_path / "t.pdf", header, rows)
    assert sheets.csv_cell("") == "" and sheets.csv_cell(None) == "" and sheets.csv_cell("-5") == "-5"
    assert sheets.csv_cell(Decimal("-5.00")) == "-5.00" and sheets.csv_cell("北京") == "北京"


def test_overview_export_keeps_data_on_every_backend(any_db, staff, tmp_path):
    keeper = users.create_user("archivist", "周静", "info_manager")
    for i, name in enumerate(ATTACKS[:4]):
        c = customers.create_customer(name, f"1380013800{i}", "dealer", user=None)
        archive.save_archive(None, c.id, c.version, {"credit_limit": "50000", "cooperation_since": "2021-03-01",
                                                     "region": "北京市" if i == 0 else ""})
    q = archive.overview(keeper, archive.OverviewFilter(), sort="code")
    assert import_export.export_overview(keeper, q, tmp_path / "o.csv") == 4
    rows = _read_csv(tmp_path / "o.csv")[1:]
    names = [clean(a) for a in ATTACKS[:4]]   # names are cleaned on the way in
    assert [r[1] for r in rows] == ["'" + n for n in names]
    assert [r[2] for r in rows] == ["", "", "", ""]                  # no short name: empty, not "'"
    assert [r[4] for r in rows] == ["北京市", "", "", ""]
    assert [r[5] for r in rows] == [f"1380013800{i}" for i in range(4)]
    assert rows[0][7] == "50000.00" and rows[0][10] == "2021-03-01" and "'" not in "".join(r[9] for r in rows)
    assert import_export.export_overview(keeper, q, tmp_path / "o.xlsx") == 4
    from openpyxl import load_workbook

    ws = load_workbook(tmp_path / "o.xlsx").active
    data = list(ws.iter_rows(min_row=2))
    assert [(r[1].value, r[1].data_type) for r in data] == [(n, "s") for n in names]
    assert all(r[2].value is None and r[9].value is None for r in data)           # empty stays empty
    assert [(r[5].value, r[5].data_type) for r in data] == [(f"1380013800{i}", "s") for i in range(4)]
    assert all(r[7].value == 50000 and r[7].data_type == "n" for r in data)        # an amount is a number
    assert all(r[10].value == dt.datetime(2021, 3, 1) for r in data)
    assert all(r[0].data_type == "s" and r[0].value.startswith("CU") for r in data)


def test_table_export_of_the_ui_goes_through_the_same_writer(qapp, tmp_path):
    from app.ui.base import export
    from app.ui.qt import QStandardItem, QStandardItemModel

    model = QStandardItemModel(0, 3)
    model.setHorizontalHeaderLabels(["单号", "客户", "备注"])
    for values in (["WX-1", ATTACKS[0], ""], ["WX-2", "王芳", "-5"], ["WX-3", "@x", "=1+1"]):
        model.appendRow([QStandardItem(v) for v in values])
    assert export.write_csv(model, tmp_path / "q.csv") == 3
    assert _read_csv(tmp_path / "q.csv") == [["单号", "客户", "备注"], ["WX-1", "'" + ATTACKS[0], ""],
                                             ["WX-2", "王芳", "-5"], ["WX-3", "'@x", "'=1+1"]]
