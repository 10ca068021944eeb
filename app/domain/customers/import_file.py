"""Reading a customer list for import, and checking every row
(:func:`app.domain.customers.import_export.preview` is the service; this is its engine).

Office lists are messy, and this reads them as they come: .xlsx or .csv
(UTF-8, or GBK/GB18030 as Excel on a Chinese Windows saves it; comma, tab or
semicolon), a title row above the header, headers in Chinese or English with
"*" or "（必填）" decorations, phones typed as numbers, full-width digits,
stray spaces, "5万" for 50 000, credit ratings written as "AA" or "良好"
(:data:`CREDIT_WORDS`). Row numbers are the file's own, so the user finds
row 7 where Excel shows row 7.

A row keeps its good data: a field that cannot be read ("不详" for a date,
a date in the future, "未评" for a credit rating, a broken phone number) is
imported empty, with a warning beside the row that shows what the file
said. Only a row without a usable name (or a duplicate) is left out. With
``strict`` such a field is an error and its row is not imported (the
behaviour before issue 11).

A cell holding a formula whose value the file does not carry (a list
written by a program, never opened in Excel) is reported as a formula;
a formula whose value Excel saved is read as that value.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
from dataclasses import dataclass, field

from app.domain.core import phones
from app.domain.core.errors import ValidationError, tx
from app.domain.core.models import User
from app.domain.core.text import clean
from app.domain.customers.archive_fields import CREDIT_RATINGS, parse_fields
from app.domain.customers.models import Customer

#: Header words (lower case, no spaces or decorations) -> archive field.
ALIASES = {
    "name": "名称 客户名称 用户名称 单位名称 公司名称 客户 客户全称 姓名 name customer customername company",
    "short_name": "简称 客户简称 shortname abbreviation",
    "phone": "电话 联系电话 电话号码 手机 手机号 手机号码 phone tel telephone mobile",
    "category": "类别 客户类别 类型 客户类型 用户类别 category type",
    "address": "地址 详细地址 通讯地址 联系地址 办公地址 address",
    "region": "地区 区域 省市 城市 所在地区 所在地 region city area",
    "credit_rating": "信用等级 信用 等级 creditrating rating credit",
    "credit_limit": "信用额度 额度 授信额度 creditlimit limit",
    "legal_representative": "负责人 法定代表人 法人 法人代表 legalrepresentative",
    "responsible_id": "业务负责人 业务员 责任人 客户经理 负责业务员 responsible salesperson accountmanager",
    "business_content": "经营内容 经营范围 主营 主营业务 business businesscontent",
    "email": "邮箱 电子邮箱 电子邮件 email e-mail mail",
    "tax_id": "税号 统一社会信用代码 纳税人识别号 信用代码 taxid",
    "bank_name": "开户行 开户银行 bank bankname",
    "bank_account": "银行账号 账号 银行帐号 bankaccount account",
    "registered_capital": "注册资本 注册资金 registeredcapital capital",
    "employees": "员工人数 人数 员工数 employees",
    "cooperation_since": "合作起始 合作日期 合作开始 合作起始日期 合作时间 customersince since",
    "annual_volume": "年交易额 年销售额 年采购额 annualvolume volume",
    "tier": "级别 客户级别 tier",
    "status": "状态 status",
    "notes": "备注 说明 notes remark remarks note",
    "contact": "联系人 联系人姓名 contact contactperson",
    "code": "客户编号 编号 code customercode",
}
_HEADER = {word: f for f, words in ALIASES.items() for word in words.split()}
CATEGORY_WORDS = {"dealer": "经销商 经销 dealer", "retailer": "零售商 零售 retailer",
                  "agent": "委托代理商 代理商 代理 agent commissionedagent",
                  "end_user": "终端用户 终端 最终用户 个人 用户 enduser end_user"}
STATUS_WORDS = {"active": "正常 活跃 合作中 active", "suspended": "暂停 suspended",
                "closed": "终止 终止往来 停用 关闭 closed", "prospect": "候选 潜在 prospect"}
# Credit words offices write -> the archive's credit rating (A best .. D).
# The letters of the agencies' scales go to their own letter (AAA, AA,
# A+ -> A; BBB -> B; ...); the words: 优 A, 良 B, 一般 C, 差 D.
CREDIT_WORDS = {
    "A": "AAA AAA+ AAA- AA+ AA AA- A+ A A- 优 优秀 优等 优良 甲 甲级 一级",
    "B": "BBB+ BBB BBB- BB+ BB BB- B+ B B- 良 良好 较好 乙 乙级 二级",
    "C": "CCC+ CCC CCC- CC+ CC CC- C+ C C- 一般 中 中等 合格 尚可 丙 丙级 三级",
    "D": "D 差 较差 不良 很差 失信 不合格 丁 丁级 四级",
}
_CREDIT = {w: rating for rating, ws in CREDIT_WORDS.items() for w in ws.split()}
assert set(CREDIT_WORDS) == set(CREDIT_RATINGS)
# Fields a row is never imported without, even when not ``strict``.
_REQUIRED = ("name",)
_CAT = {w: c for c, ws in CATEGORY_WORDS.items() for w in ws.split()}
_STATUS = {w: c for c, ws in STATUS_WORDS.items() for w in ws.split()}
_TEXT = ("name", "short_name", "phone", "address", "region", "legal_representative", "business_content", "email",
         "tax_id", "bank_name", "bank_account", "tier", "notes", "contact")


class Formula(str):
    """A cell's formula (its text, "=B6"), read from a file that holds no value for it."""


@dataclass
class ImportRow:
    line: int                                   # the row number in the file (as Excel shows it)
    raw: dict[str, str]                         # field -> text as in the file
    values: dict = field(default_factory=dict)  # archive field -> value to store
    contact: str = ""                           # 联系人: becomes the primary contact
    status: str = "ok"                          # ok | warning | error
    messages: list[tuple[str, str]] = field(default_factory=list)   # (field, message)
    include: bool = True                        # the user may leave a row out

    def note(self, field_name: str, message: str, level: str) -> None:
        self.messages.append((field_name, message))
        if level == "error" or self.status == "ok":
            self.status = level


@dataclass
class ImportPreview:
    path: str
    rows: list[ImportRow]
    columns: dict[str, str]         # field -> the header it was read from
    ignored: list[str]              # headers not understood (their columns are not imported)
    strict: bool = False            # unreadable fields reject their row (else: imported empty)
    # Credit words met in the file: word -> (rating, rows), as the preview shows them.
    credit_words: dict[str, tuple[str, int]] = field(default_factory=dict)

    def count(self, status: str) -> int:
        return sum(r.status == status for r in self.rows)


def header_key(text: str) -> str:
    """"客户名称（必填）*" -> "客户名称"; "Customer Name" -> "customername"."""
    t = re.sub(r"[(（\[【].*?[)）\]】]", "", clean(text).lower())
    return re.sub(r"[\s*:：_#.]", "", t)


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))          # a phone typed as a number: 13800138000.0
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def read_table(path: str) -> list[list[str]]:
    """The file's cells as text, row by row; a formula with no saved value is a :class:`Formula`."""
    ext = os.path.splitext(path)[1].lower()
    try:
        if ext in (".xlsx", ".xlsm"):
            return _read_xlsx(path)
        if ext in (".csv", ".txt"):
            with open(path, "rb") as fh:
                data = fh.read()
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError:   # Excel on a Chinese Windows saves CSV as GBK
                text = data.decode("gb18030", errors="replace")
            sample = text[:4096]
            delim = max(",\t;", key=sample.count)
            return [[_csv_cell(c) for c in r] for r in csv.reader(io.StringIO(text), delimiter=delim)]
    except (OSError, ValueError, KeyError) as exc:   # missing file, not really xlsx (zipfile errors are ValueErrors)
        raise ValidationError({"file": tx("Cannot read {file}: {detail}", file=os.path.basename(path),
                                          detail=str(exc) or type(exc).__name__)}) from exc
    raise ValidationError({"file": tx("Import a .xlsx or .csv file (save an old .xls as .xlsx first).")})


def _read_xlsx(path: str) -> list[list[str]]:
    """Values as Excel saved them; the formulas (read a second time, without
    values) only where no value was saved."""
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        table = [[cell_text(v) for v in row] for row in wb.active.iter_rows(values_only=True)]
    finally:
        wb.close()
    if not _has_formulas(path):
        return table
    wb = load_workbook(path, read_only=True, data_only=False)
    try:
        for r, row in enumerate(wb.active.iter_rows()):
            for c, cell in enumerate(row):
                if getattr(cell, "data_type", None) == "f" and r < len(table) and c < len(table[r]) \
                        and not table[r][c].strip():
                    text = cell.value if isinstance(cell.value, str) else getattr(cell.value, "text", "") or "="
                    table[r][c] = Formula(text)
    finally:
        wb.close()
    return table


def _has_formulas(path: str) -> bool:
    """Does any sheet of the workbook hold a formula (an <f> element)? Spares
    the second reading of a list without formulas (5 000 rows: 0.84 -> 0.4 s)."""
    import zipfile

    with zipfile.ZipFile(path) as z:
        return any(re.search(rb"<(?:\w+:)?f[ >/]", z.read(n)) for n in z.namelist()
                   if n.startswith("xl/worksheets/") and n.endswith(".xml"))


def _csv_cell(text: str) -> str:
    """A CSV cell: "=..." is a formula (CSV carries no values for it); a
    quote before = + - @ (as exports write text that looks like a formula) is dropped."""
    if text.startswith("=") and len(text) > 1:
        return Formula(text)
    if len(text) > 1 and text[0] == "'" and text[1] in "=+-@\t\r":
        return text[1:]
    return text


def parse_file(path: str, strict: bool = False) -> ImportPreview:
    table = read_table(path)
    for h, row in enumerate(table[:10]):
        cols = {i: _HEADER.get(header_key(x)) for i, x in enumerate(row)}
        if "name" in cols.values():
            break
    else:
        raise ValidationError({"file": tx("No column of customer names found (a header such as 名称, 客户名称 or name).")})
    header = table[h]
    columns, ignored = {}, []
    for i, f in cols.items():
        if f and f not in columns and f != "code":
            columns[f] = i
        elif header[i].strip() and (not f or f == "code"):
            ignored.append(header[i].strip())
    rows = []
    credit: dict[str, list] = {}
    for n, cells in enumerate(table[h + 1:], start=h + 2):
        raw = {f: (cells[i] if i < len(cells) else "") for f, i in columns.items()}
        if any(v.strip() for v in raw.values()):
            rows.append(_check_row(ImportRow(line=n, raw=raw), strict, credit))
    _duplicates(rows)
    return ImportPreview(path=path, rows=rows, columns={f: header[i] for f, i in columns.items()}, ignored=ignored,
                         strict=strict, credit_words={w: (r, n) for w, (r, n) in sorted(credit.items())})


def credit_rating_of(text: str) -> str | None:
    """The archive's rating for a credit word ("AA" -> "A", "良好" -> "B"), "" for
    none written, None for a word not in :data:`CREDIT_WORDS`."""
    word = re.sub(r"\s", "", clean(text)).upper()
    if not word:
        return ""
    return _CREDIT.get(word) or _CREDIT.get(word.removesuffix("级"))


def _check_row(row: ImportRow, strict: bool = False, credit: dict | None = None) -> ImportRow:
    raw = dict(row.raw)
    for f, v in row.raw.items():
        if isinstance(v, Formula):
            field_name = "name" if f == "name" else f
            if f in _REQUIRED or strict:
                row.note(field_name, tx("The cell holds a formula ({formula}) and no value: "
                                        "copy the column and paste it as values.", formula=str(v)[:60]), "error")
            else:
                row.note(field_name, tx("The cell holds a formula ({formula}) and no value: left empty.",
                                        formula=str(v)[:60]), "warning")
            raw[f] = ""
    if row.status == "error":
        return row
    if any(clean(raw[f]) != raw[f] for f in _TEXT if f in raw and f not in ("notes", "business_content")):
        row.note("", tx("Full-width characters or extra spaces were cleaned."), "warning")
    row.contact = clean(raw.pop("contact", ""))
    cat = header_key(raw.get("category", ""))
    raw["category"] = _CAT.get(cat, cat)
    if not cat:
        raw["category"] = "end_user"
        row.note("category", tx("No category: taken as end user."), "warning")
    st = header_key(raw.get("status", ""))
    raw["status"] = _STATUS.get(st, st) or "active"
    for f in ("credit_limit", "registered_capital", "annual_volume"):
        if f in raw:
            raw[f] = _wan(raw[f])
    if "responsible_id" in raw:
        raw["responsible_id"] = _staff(row, raw["responsible_id"])
    if raw.get("phone"):
        raw["phone"] = _phone_only(raw["phone"])
    if raw.get("credit_rating", "").strip():
        rating = credit_rating_of(raw["credit_rating"])
        if rating and credit is not None and rating != raw["credit_rating"].strip():
            word = clean(raw["credit_rating"])
            credit[word] = [rating, credit.get(word, [rating, 0])[1] + 1]
        raw["credit_rating"] = rating if rating is not None else raw["credit_rating"]
    values, errors = parse_fields(raw)
    for f, msg in errors.items():
        if f in _REQUIRED or strict or f == "status":
            row.note(f, msg, "error")
        elif f == "category":
            values["category"] = "end_user"
            row.note(f, tx("“{value}” is not a category: taken as end user.", value=_shown(row.raw.get(f))), "warning")
        else:   # imported empty; the row keeps its good data
            row.note(f, tx("“{value}” left empty: {reason}", value=_shown(row.raw.get(f)), reason=msg), "warning")
    row.values = values
    if not values.get("phone") and "phone" not in errors and row.status != "error":
        row.note("phone", tx("No phone number."), "warning")
    return row


def _shown(text) -> str:
    t = clean(str(text or ""))
    return t if len(t) <= 40 else t[:39] + "…"


def _wan(text: str) -> str:
    """"5万" / "5万元" -> "50000"; other text as it is."""
    t = clean(text).replace("元", "").replace("￥", "").replace("¥", "").replace(",", "")
    m = re.fullmatch(r"(\d+(?:\.\d+)?)万", t)
    return str(round(float(m.group(1)) * 10000, 2)) if m else t


def _phone_only(text: str) -> str:
    """Keep the first of several numbers ("010-1234567 / 13800138000") and drop "电话:" prefixes."""
    t = clean(text)
    t = re.sub(r"^(电话|手机|tel|phone)[:：]?\s*", "", t, flags=re.I)
    first = re.split(r"[/,;，；、]", t)[0].strip()
    value, error = phones.check(first)
    return value if not error else t


def _staff(row: ImportRow, text: str):
    name = clean(text)
    if not name:
        return None
    found = list(User.select(User.id).where(((User.display_name == name) | (User.username == name))
                                            & (User.active == True)).tuples())  # noqa: E712
    if len(found) == 1:
        return found[0][0]
    row.note("responsible_id", tx("No single member of staff called {name}: left empty.", name=name), "warning")
    return None


def _duplicates(rows: list[ImportRow]) -> None:
    """Same name as a customer in the archive or an imported row above: error;
    same phone (however written): warning. A row that is not imported is no
    "row N" another row is the same as."""
    named = [r for r in rows if r.status != "error" and r.values.get("name")]
    names = [r.values["name"] for r in named]
    numbers = sorted({r.values["phone"] for r in named if r.values.get("phone")})
    known_names, known_phones = {}, {}
    for k in range(0, max(len(names), len(numbers)), 500):
        for code, name in Customer.select(Customer.code, Customer.name).where(
                Customer.name.in_(names[k:k + 500])).tuples():
            known_names[name.casefold()] = code
        for code, name, phone in Customer.select(Customer.code, Customer.name, Customer.phone).where(
                Customer.phone.in_(numbers[k:k + 500])).tuples():
            known_phones.setdefault(phones.key(phone), f"{code} {name}")
    by_name, by_phone = {}, {}
    for r in named:
        name = r.values["name"].casefold()
        code = known_names.get(name)
        if code:
            r.note("name", tx("Already in the archive as {code}.", code=code), "error")
            continue
        if name in by_name:
            r.note("name", tx("Same name as row {line}.", line=by_name[name]), "error")
            continue
        by_name[name] = r.line
        k = phones.key(r.values.get("phone", ""))
        if not k:
            continue
        other = known_phones.get(k)
        if other:
            r.note("phone", tx("{customer} has this phone number too.", customer=other), "warning")
        if k in by_phone:
            r.note("phone", tx("Same phone as row {line}.", line=by_phone[k]), "warning")
        else:
            by_phone[k] = r.line
