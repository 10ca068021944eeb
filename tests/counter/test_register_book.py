"""The in/out register printed as the book's pages (用户产品进出登记本, §4.2):
the range's rows from the database (boundaries, order, corrections and
voids, the right to read the register), the PDF (every row, the heading on
every page, the signature column, no overlaps or split words in both
languages, long texts, 2 000 rows and their page count) and
``csdesk print register``."""
from __future__ import annotations

import datetime as dt
import io
import re

import pdfplumber
import pypdf
import pytest
from reportlab.lib.units import mm

from app import cli
from app.domain.core import db as dbmod
from app.domain.core import permissions
from app.domain.core.errors import PermissionDenied, ValidationError
from app.domain.core.models import User
from app.domain.counter import register, register_print, register_totals, release
from app.domain.counter.models import RegisterEntry
from app.printing.core.common import set_invariant
from app.printing.core.company import Company
from app.printing.counter import register_book
from app.printing.counter.register_book import RegisterBookData, RegisterBookLine, render_register_book
from tests.counter.test_ui_register import hand_back, take
from tests.pdf_layout import english_vocabulary, overlaps, split_words

TODAY = dt.date.today()

#: The longest text each printed field holds (until #11 keeps its own table):
#: a CharField's max_length, 4 000 characters for a TextField.
FIELD_MAX = {"serial": RegisterEntry.serial.max_length, "product": RegisterEntry.product.max_length,
             "customer": RegisterEntry.customer_name.max_length, "person": RegisterEntry.person.max_length,
             "items": 4000, "note": 4000}


@pytest.fixture(autouse=True)
def _invariant():
    set_invariant(True)
    yield
    set_invariant(False)


def insert_row(job, number: str, at: dt.datetime, direction: str = "in", corrects=None, **fields) -> RegisterEntry:
    """A register row at an exact time, straight into the table."""
    values = dict(number=number, at=at, direction=direction, job=job.id, unit=job.unit_id, customer=job.customer_id,
                  serial=job.unit.serial, product="戴尔 U2723QE 显示器", customer_name="王芳", items="主机",
                  person="王芳", corrects=corrects)
    values.update(fields)
    row_id = RegisterEntry.insert(**values).execute()
    return RegisterEntry.get_by_id(row_id)


def numbers(lines) -> list[str]:
    return [line.number for line in lines]


# -- the rows from the database --------------------------------------------------------------------
def test_the_range_includes_both_whole_days_oldest_first(any_db, staff):
    job = take(staff, "CN-0EDGE01", "王芳", days_ago=400)
    d1, d2 = dt.date(2024, 3, 1), dt.date(2024, 3, 31)
    inside = [insert_row(job, "JC-2024-000002", dt.datetime(2024, 3, 1, 0, 0, 0)),
              insert_row(job, "JC-2024-000004", dt.datetime(2024, 3, 15, 12, 0), "out"),
              insert_row(job, "JC-2024-000003", dt.datetime(2024, 3, 15, 12, 0)),     # the same second: by id
              insert_row(job, "JC-2024-000005", dt.datetime(2024, 3, 31, 23, 59, 59), "out")]
    insert_row(job, "JC-2024-000001", dt.datetime(2024, 2, 29, 23, 59, 59))
    insert_row(job, "JC-2024-000006", dt.datetime(2024, 4, 1, 0, 0, 0))
    lines = list(register_print.book_rows(d1, d2))
    assert numbers(lines) == [r.number for r in inside]
    assert [line.direction for line in lines] == ["in", "out", "in", "out"]
    assert lines[0].at == dt.datetime(2024, 3, 1) and lines[-1].at == dt.datetime(2024, 3, 31, 23, 59, 59)
    assert numbers(register_print.book_rows(d2, d2)) == ["JC-2024-000005"]      # one day
    assert register_print.count_rows(d1, d2) == (4, False)


def test_read_a_page_at_a_time_every_row_once_in_order(any_db, staff):
    """Pages of 7 rows over 40 rows with ties on the time: the same rows,
    in the same order, as one query would give."""
    job = take(staff, "CN-0PAGE01", "王芳", days_ago=400)
    start = dt.datetime(2024, 5, 1, 9, 0)
    for i in range(40):
        insert_row(job, f"JC-2024-{100 + i:06d}", start + dt.timedelta(minutes=i // 3), "in" if i % 2 else "out")
    paged = numbers(register_print.book_rows(dt.date(2024, 5, 1), dt.date(2024, 5, 1), page=7))
    whole = [r.number for r in RegisterEntry.select().where(RegisterEntry.number.startswith("JC-2024-"))
             .order_by(RegisterEntry.at, RegisterEntry.id)]
    assert paged == whole and len(paged) == 40


def test_corrections_and_voids_name_the_rows_they_correct(any_db, staff):
    """A correction (today) of a row taken in 3 days ago: the old row's
    book says which row corrected it, the correction's which row it
    corrects; a void the same; a cancelled job's void; totals as the tab's."""
    a = take(staff, "CN-0CORR01", "王芳", days_ago=3)
    b = take(staff, "CN-0CORR02", "李娜", days_ago=3)
    c = take(staff, "CN-0CORR03", "张伟", days_ago=3)
    in_a = RegisterEntry.get((RegisterEntry.job == a.id) & (RegisterEntry.direction == "in"))
    in_b = RegisterEntry.get((RegisterEntry.job == b.id) & (RegisterEntry.direction == "in"))
    fix = register.correct(in_a.id, staff["counter"], "送修人写错", person="王芳的司机")
    void = register.correct(in_b.id, staff["counter"], "登记错了", direction="void")
    release.cancel_job(c.id, staff["counter"], None, "录入错误")
    cancel = RegisterEntry.get((RegisterEntry.job == c.id) & (RegisterEntry.direction == "void"))

    day = TODAY - dt.timedelta(days=3)
    old = {line.number: line for line in register_print.book_rows(day, day)}
    assert old[in_a.number].corrected_by == fix.number and not old[in_a.number].corrected_by_void
    assert old[in_b.number].corrected_by == void.number and old[in_b.number].corrected_by_void
    in_c = RegisterEntry.get((RegisterEntry.job == c.id) & (RegisterEntry.direction == "in"))
    assert old[in_c.number].corrected_by == cancel.number and old[in_c.number].corrected_by_void
    new = {line.number: line for line in register_print.book_rows(TODAY, TODAY)}
    assert new[fix.number].corrects == in_a.number and new[fix.number].direction == "in"
    assert new[fix.number].person == "王芳的司机" and new[fix.number].note == "送修人写错"
    assert new[fix.number].clerk == "张丽"
    assert new[void.number].direction == "void" and new[void.number].corrects == in_b.number
    assert new[cancel.number].corrects == in_c.number and "录入错误" in new[cancel.number].note

    # The printed totals count each movement once, as corrected: as the tab's.
    for first, last in ((day, day), (TODAY, TODAY), (day, TODAY)):
        pdf = register_print.render_book(staff["counter"], first, last, lang="en")
        t = register.totals(first, last)[0]
        assert f"In {t['in']} · Out {t['out']} · Voided {t['void']}" in pdf_text(pdf), (first, last)
    # in_a, in_b and in_c superseded; the correction "in" and the two voids count.
    assert register_totals.totals(day, TODAY) == {"in": 1, "out": 0, "void": 2}


def test_whole_book_from_the_database(any_db, staff):
    """The book of this month as the clerk prints it: every row, their
    person and clerk, the printer's name in the footer."""
    a = take(staff, "CN-0BOOK01", "王芳")
    b = take(staff, "CN-0BOOK02", "北京海淀华信电子科技有限公司", brought_by="顺丰快递（厂家返回）")
    hand_back(a, staff, "王芳的司机")
    rows = list(RegisterEntry.select().where(RegisterEntry.job.in_([a.id, b.id]))
                .order_by(RegisterEntry.at, RegisterEntry.id))        # (the "out" is now: maybe before 10:00)
    pdf = register_print.render_book(staff["counter"], TODAY, TODAY)
    assert cells(pdf, "number").split() == [r.number for r in rows]
    assert cells(pdf, "person").split() == [r.person for r in rows]
    assert len({r.person for r in rows}) == 3
    assert cells(pdf, "clerk").split() == ["张丽"] * 3
    text = pdf_text(pdf)
    assert "打印人：张丽" in text and "用户产品进出登记本" in text


def test_refused_without_the_right_a_wrong_range_or_no_rows(any_db, staff, monkeypatch):
    take(staff, "CN-0RIGHT1", "王芳")
    # Every role sees the register tab and may print it...
    for role in ("counter", "tech", "manager", "info", "business", "admin"):
        assert permissions.can(staff[role], "register.read"), role
    assert register_print.book_data(staff["business"], TODAY, TODAY).date_to == TODAY
    # ...a role without the right may not, nor a disabled account.
    monkeypatch.setitem(permissions.ROLE_PERMISSIONS, "business",
                        permissions.ROLE_PERMISSIONS["business"] - {"register.read"})
    with pytest.raises(PermissionDenied):
        register_print.render_book(staff["business"], TODAY, TODAY)
    User.update(active=False).where(User.id == staff["tech"].id).execute()
    with pytest.raises(PermissionDenied):
        register_print.render_book(staff["tech"], TODAY, TODAY)

    with pytest.raises(ValidationError) as info:
        register_print.render_book(staff["counter"], TODAY, TODAY - dt.timedelta(days=1))
    assert "date_to" in info.value.fields
    with pytest.raises(ValidationError) as info:
        register_print.render_book(staff["counter"], None, TODAY)
    assert "date_from" in info.value.fields
    with pytest.raises(ValidationError) as info:
        register_print.render_book(staff["counter"], dt.date(2001, 1, 1), dt.date(2001, 12, 31))
    assert "2001-01-01" in info.value.fields["range"]
    monkeypatch.setattr(register_print, "MAX_ROWS", 0)
    with pytest.raises(ValidationError) as info:
        register_print.render_book(staff["counter"], TODAY, TODAY)
    assert "a month at a time" in info.value.fields["range"]


# -- the PDF ---------------------------------------------------------------------------------------
COMPANY = Company("北京华信科技服务有限公司 售后服务部")
START = dt.datetime(2026, 11, 2, 8, 30)
VOCABULARY = english_vocabulary(register_book._EN.values(),
                                ["Dell monitor returned after repair by the manufacturer, collected by courier"])


def line(i: int, **fields) -> RegisterBookLine:
    values = dict(number=f"JC-2026-{i + 1:06d}", at=START + dt.timedelta(minutes=13 * i),
                  direction="in" if i % 2 == 0 else "out", serial=f"CN0{i:07d}ABX",
                  product="ThinkPad X1 Carbon 第11代 笔记本电脑 TP-X1C-G11" if i % 3 else "戴尔 U2723QE 显示器",
                  customer="北京海淀华信电子科技有限公司" if i % 2 else "王芳", items="主机、电源线",
                  person="顺丰快递（厂家返回）" if i % 5 == 0 else "李娜的司机", clerk="张丽",
                  note="Dell monitor returned after repair by the manufacturer" if i % 7 == 0 else "")
    values.update(fields)
    return RegisterBookLine(**values)


def book(lines, first=dt.date(2026, 11, 1), last=dt.date(2026, 11, 30)) -> RegisterBookData:
    return RegisterBookData(COMPANY, first, last, lines, printed_at=dt.datetime(2026, 12, 1, 9, 0), printed_by="张丽")


def pdf_text(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return "\n".join(page.extract_text() or "" for page in doc.pages)


def page_texts(pdf: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return [page.extract_text() or "" for page in doc.pages]


def spaced(text: str) -> str:
    """Runs of white space (a line break, an ideographic space) as one space."""
    return re.sub(r"[\s\u3000]+", " ", text)


def rules(page) -> tuple[list[float], list[float]]:
    """The table's rules on ``page``: the x of each vertical, the top of each horizontal."""
    xs = sorted({round(e["x0"], 1) for e in page.vertical_edges})
    ys = sorted({round(e["top"], 1) for e in page.horizontal_edges})
    return xs, ys


def column_texts(pdf: bytes, key: str) -> list[str]:
    """The text of the column ``key`` under its heading, page by page."""
    index = [k for k, *_ in register_book.COLUMNS].index(key)
    out = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            xs, ys = rules(page)
            if len(xs) != len(register_book.COLUMNS) + 1:
                out.append("")              # a page without the table (the totals alone)
                continue
            out.append(page.crop((xs[index] + 0.5, ys[1] + 0.5, xs[index + 1] - 0.5, ys[-1])).extract_text() or "")
    return out


def cells(pdf: bytes, key: str) -> str:
    """The column's text of every page, its lines joined by spaces."""
    return " ".join(t.replace("\n", " ") for t in column_texts(pdf, key))


def sample_lines(n: int) -> list[RegisterBookLine]:
    out = [line(i) for i in range(n)]
    out[3] = line(3, corrected_by="JC-2026-000006")
    out[4] = line(4, corrected_by="JC-2026-000008", corrected_by_void=True)
    out[5] = line(5, direction="out", corrects="JC-2026-000004", person="王芳的司机", note="送修人写错")
    out[7] = line(7, direction="void", corrects="JC-2026-000005", note="登记错了")
    return out


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_every_row_on_pages_with_the_heading_signature_and_totals(lang):
    t = register_book.BL(lang)
    lines = sample_lines(60)
    pdf = render_register_book(book(iter(lines)), lang=lang)     # a generator, read once
    pages = page_texts(pdf)
    assert len(pages) > 2
    assert cells(pdf, "number").split() == numbers(lines)         # every row once, in order
    for n, page in enumerate(pages, 1):
        flat = page.replace("\n", " ")
        for caption in (t["title"], "2026-11-01", "2026-11-30", t["signature"], t["clerk"], t["serial"]):
            assert caption in flat, (n, caption)
        assert t["page"].format(page=n, pages=len(pages)) in flat
    # The signature column: headed, as wide as a signature, and empty.
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        xs, ys = rules(doc.pages[0])
    assert xs[-1] - xs[-2] >= 28 * mm - 1 and cells(pdf, "signature").strip() == ""
    assert min(b - a for a, b in zip(ys[1:], ys[2:])) >= register_book.MIN_ROW - 0.2
    # The corrections and voids say so, with the rows they correct.
    direction = cells(pdf, "direction")
    phrases = (("corrected by JC-2026-000006", "voided by JC-2026-000008", "Out, correcting JC-2026-000004",
                "Voids JC-2026-000005") if lang == "en" else
               ("已更正，见 JC-2026-000006", "已作废，见 JC-2026-000008", "出（更正 JC-2026-000004）",
                "作废 JC-2026-000005"))
    for phrase in phrases:
        assert phrase in direction, phrase
    assert "王芳的司机" in cells(pdf, "person") and "登记错了" in cells(pdf, "note")
    # The totals: each movement once, as corrected (the rows a later row corrects do not count).
    counted = {"in": 0, "out": 0, "void": 0}
    for row in lines:
        if not row.corrected_by:
            counted[row.direction] += 1
    last = spaced(pages[-1])
    assert spaced(t["totals"].format(**counted)) in last
    assert spaced(t["rows"].format(rows=60, corrections=1, voids=1)) in last
    assert overlaps(pdf) == []
    assert split_words(pdf, VOCABULARY) == []


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_longest_texts_wrap_in_their_cells_and_a_row_taller_than_a_page_goes_on(lang):
    """Every field at its maximum (a 4 000-character note and items list):
    the text wraps inside its column (nothing drawn over anything, no
    English word split), every character is printed, and the row goes on
    over the next pages under its number "(continued)"."""
    t = register_book.BL(lang)
    words = "Dell monitor returned after repair by the manufacturer, collected by courier 顺丰快递（厂家返回）。"
    fill = lambda n: (words * (n // len(words) + 1))[:n]
    long = line(1, serial="SN" + "7" * (FIELD_MAX["serial"] - 2), product=fill(FIELD_MAX["product"]),
                customer=fill(FIELD_MAX["customer"]), person=fill(FIELD_MAX["person"]),
                items=fill(FIELD_MAX["items"]), note=fill(FIELD_MAX["note"]))
    lines = [line(0), long, line(2)]
    pdf = render_register_book(book(lines), lang=lang)
    pages = page_texts(pdf)
    assert len(pages) >= 3
    assert all(t["continued"] in p for p in pages[1:-1])
    assert overlaps(pdf) == []
    assert split_words(pdf, VOCABULARY) == []
    # Every character of every field is printed, in its own column.
    for key in ("note", "items", "product", "customer", "person", "serial"):
        printed = re.sub(r"\s", "", cells(pdf, key))
        assert re.sub(r"\s", "", getattr(long, key)) in printed, key
    numbers_printed = cells(pdf, "number")
    assert numbers_printed.split().count(long.number) == numbers_printed.count(t["continued"]) + 1 >= 3


def test_two_thousand_rows_fill_every_page_and_count_them(tmp_path):
    """2 000 rows of two lines each: every page but the last holds the same
    number of rows, as many as fit (the next would cross the bottom
    margin), "page n of N" counts the pages, every row is printed once, and
    the totals close the book."""
    lines = [line(i, note="", customer="王芳", product="戴尔 U2723QE 显示器", person="王芳") for i in range(2000)]
    pdf = render_register_book(book(lines), lang="zh_CN")
    texts = [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]    # (pdfplumber: 4 x slower)
    total = len(texts)
    seen: list[str] = []
    per_page = []
    for n, text in enumerate(texts, 1):
        assert f"第 {n} 页 / 共 {total} 页" in text
        found = re.findall(r"JC-2026-\d{6}", text)
        seen += found
        per_page.append(len(found))
    assert seen == [f"JC-2026-{i + 1:06d}" for i in range(2000)]
    k = per_page[0]
    assert k > 15 and set(per_page[:-1]) == {k} and per_page[-1] <= k
    assert total == -(-2000 // k) + (1 if per_page[-1] == 0 else 0)
    assert "登记行数：2000" in texts[-1]
    # Full: on a page of the book, the table's last rule is less than one row above the frame's bottom.
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in (doc.pages[0], doc.pages[total // 2], doc.pages[total - 2]):
            ys = rules(page)[1]
            row_h = ys[-1] - ys[-2]
            bottom_room = page.height - ys[-1] - (register_book.MARGIN + 4 * mm + register_book.FRAME_PAD)
            assert 0 <= bottom_room < row_h, (page.page_number, bottom_room, row_h)


def test_no_rows_prints_a_page_that_says_so():
    pdf = render_register_book(book([]), lang="en")
    text = pdf_text(pdf)
    assert "No movements in this period" in text and "In 0 · Out 0 · Voided 0" in text
    assert len(page_texts(pdf)) == 1


# -- csdesk print register -------------------------------------------------------------------------
def test_cli_prints_the_register_and_refuses_a_wrong_range(tmp_path, capsys):
    from app.domain import bootstrap
    from app.domain.core import users

    url = "sqlite:///" + str(tmp_path / "cli.sqlite3")
    bootstrap.open_database(url)
    staff = {"counter": users.create_user("clerk", "张丽", "counter"),
             "tech": users.create_user("tech", "李强", "technician")}
    a = take(staff, "CN-0CLI001", "王芳")
    hand_back(a, staff, "王芳")
    rows = [r.number for r in RegisterEntry.select()]
    dbmod.close()
    out = tmp_path / "register.pdf"
    day = TODAY.isoformat()
    for lang, title in (("zh_CN", "用户产品进出登记本"), ("en", "Product in/out register")):
        assert cli.main(["--database", url, "print", "register", "--from", day, "--to", day, "-o", str(out),
                         "--lang", lang]) == 0
        text = pdf_text(out.read_bytes())
        assert title in text and all(n in text for n in rows)
    assert "register" in capsys.readouterr().out

    def fails(*args: str) -> str:
        assert cli.main(["--database", url, "print", "register", *args, "-o", str(tmp_path / "x.pdf")]) == 2
        return capsys.readouterr().err

    assert "2026-13-01 is not a date" in fails("--from", "2026-13-01", "--to", day)
    assert "--to 30.11.2026 is not a date" in fails("--from", day, "--to", "30.11.2026")
    assert "Give --to" in fails("--from", day)
    assert "before it starts" in fails("--from", day, "--to", (TODAY - dt.timedelta(days=1)).isoformat())
    assert "no rows from 2001-01-01 to 2001-01-31" in fails("--from", "2001-01-01", "--to", "2001-01-31")
    assert "range of days" in fails("JC-2026-000001", "--from", day, "--to", day)
    assert not (tmp_path / "x.pdf").exists()
