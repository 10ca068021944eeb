"""The contact register printed as the book's pages (客服登记本): the lines
from the database, and the pages read back (every line once, headings on
every page, nothing drawn over anything, CJK embedded), and the command."""
from __future__ import annotations

import datetime as dt
import io

import pypdf
import pytest

from app import cli
from app.domain.contacts import book_print, register
from app.domain.contacts.register import MAX_LENGTHS, ContactForm
from app.domain.core import db as dbmod
from app.domain.core.errors import ValidationError
from app.domain.core.models import now
from app.printing.contacts.contact_book import ContactBookData, ContactBookLine, render_contact_book
from app.printing.core.common import set_invariant
from app.printing.core.fonts import register_font
from tests.helpers import make_customer, take_in
from tests.print_samples import company, read_back, user

TODAY = now().date()
AT = dt.datetime(2026, 11, 27, 9, 0)


@pytest.fixture(autouse=True)
def _invariant():
    """Byte-stable PDFs while the test runs; the setting as it was afterwards (a module that set it at
    import, as tests/counter/test_printing.py does, keeps it)."""
    from reportlab import rl_config

    before = rl_config.invariant
    set_invariant(True)
    yield
    rl_config.invariant = before


def test_the_book_from_the_database(any_db, staff):
    c = make_customer()
    job = take_in(staff["counter"], customer=c).job
    day = dt.datetime.combine(TODAY - dt.timedelta(days=3), dt.time(10, 0))
    a = register.record(ContactForm(matter="问进度", customer_id=c.id, job_id=job.id, at=day,
                                    follow_up_by_id=staff["tech"].id, follow_up_due=TODAY), staff["counter"])
    b = register.record(ContactForm(matter="未知来电", caller_phone="13911112222",
                                    at=day - dt.timedelta(days=5)), staff["counter"])
    done = register.record(ContactForm(matter="回电", customer_id=c.id, direction="out", follows_up_id=a.id),
                           staff["tech"])
    fixed = register.link_customer(b.id, c.id, staff["counter"])
    void = register.correct(done.id, staff["counter"], "重复登记", void=True)
    lines = book_print.book_lines(TODAY - dt.timedelta(days=3), TODAY)
    assert [x.number for x in lines] == [a.number, done.number, fixed.number, void.number]
    first = lines[0]
    assert (first.job, first.follow_up, first.follow_up_done, first.taken_by) == (
        job.number, f"{staff['tech'].display_name}\n{TODAY:%Y-%m-%d}", done.number, staff["counter"].display_name)
    assert lines[1].corrected_by == void.number and lines[1].corrected_by_void
    assert lines[2].corrects == b.number and c.name in lines[2].note and lines[3].voided
    # The correction's line keeps the contact's own time, so the range of b's day holds both.
    assert [x.number for x in book_print.book_lines(b.at.date(), b.at.date())] == [b.number]
    data = book_print.book_data(staff["tech"], TODAY - dt.timedelta(days=9), TODAY)
    pdf = render_contact_book(data)
    text = read_back(pdf, "zh_CN", "客服登记本").text()
    for number in (a.number, b.number, done.number, fixed.number, void.number):
        assert number in text
    assert f"已更正，见{fixed.number}" in text and f"已作废，见{void.number}" in text


def test_refused_without_lines_or_with_a_wrong_range(any_db, staff):
    with pytest.raises(ValidationError) as e:
        book_print.book_data(staff["counter"], TODAY, TODAY)
    assert "range" in e.value.fields
    with pytest.raises(ValidationError) as e:
        book_print.book_data(staff["counter"], TODAY, TODAY - dt.timedelta(days=1))
    assert "date_to" in e.value.fields
    with pytest.raises(ValidationError) as e:
        book_print.book_data(staff["counter"], None, TODAY)
    assert "date_from" in e.value.fields


def sample_lines(lang: str, n: int) -> list[ContactBookLine]:
    zh = lang != "en"
    words = ("客户反映打印机出纸有黑色竖线，要求尽快上门检修并说明费用；" if zh else
             "The customer reports black vertical lines on every page and asks for a visit and a quote; ")
    out = []
    for i in range(n):
        long = i % 17 == 5
        out.append(ContactBookLine(
            number=f"DH-2026-{i + 1:06d}", at=AT + dt.timedelta(minutes=7 * i), direction="in" if i % 3 else "out",
            channel=("phone", "letter", "email", "wechat", "walk_in")[i % 5], kind=register.KINDS[i % 7],
            customer=("北京海淀华信电子有限公司" if zh else "Beijing Haidian Huaxin Electronics Co., Ltd.") * (3 if long else 1),
            caller="王先生" if zh else "Mr Wang", phone="010-62888899 转8001",
            matter=(words * 60)[:MAX_LENGTHS["matter"]] if long else words,
            answer=(words * 60)[:MAX_LENGTHS["answer"]] if long else words[:20],
            taken_by=user(lang)[:10], follow_up=f"{user(lang)[:10]}\n2026-11-30" if i % 4 == 0 else "",
            job="WX-2026-000123" if i % 2 else "", corrects="DH-2026-000001" if i == 9 else "",
            note="登记类别有误" if i == 9 else "", corrected_by="DH-2026-000010" if i == 0 else ""))
    return out


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_pages_read_back_with_headings_every_line_and_cjk_embedded(lang):
    lines = sample_lines(lang, 120)
    data = ContactBookData(company=company(lang), date_from=AT.date(), date_to=AT.date() + dt.timedelta(days=3),
                           lines=lines, printed_at=AT, printed_by=user(lang))
    pdf = render_contact_book(data, lang=lang)
    title = "客服登记本" if lang == "zh_CN" else "Contact register"
    back = read_back(pdf, lang, title, sample=False)
    assert back.problems == []
    text = back.text()
    for line in lines:
        assert line.number in text
    assert back.pages > 4
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert reader.pages[0].mediabox.width > reader.pages[0].mediabox.height   # A4 landscape
    fc = register_font()
    if fc.path is not None:
        fonts = set()
        for page in reader.pages[:2]:
            for f in page["/Resources"]["/Font"].values():
                f = f.get_object()
                desc = f.get("/FontDescriptor")
                if desc is None and "/DescendantFonts" in f:
                    desc = f["/DescendantFonts"][0].get_object().get("/FontDescriptor")
                desc = desc.get_object() if desc is not None else {}
                if any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    fonts.add(str(f["/BaseFont"]))
        assert fonts, "the CJK font is embedded"
    last = back.lines[back.pages]
    assert any(("本期登记" in x or "line(s) in the period" in x) for x in last)


def test_cli_prints_the_book(tmp_path, capsys, staff_free_db):
    url, c = staff_free_db
    out = tmp_path / "book.pdf"
    day = TODAY.isoformat()
    assert cli.main(["--database", url, "print", "contacts", "--from", day, "--to", day, "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF") and "contacts" in capsys.readouterr().out
    empty = (TODAY - dt.timedelta(days=400)).isoformat()
    assert cli.main(["--database", url, "print", "contacts", "--from", empty, "--to", empty,
                     "-o", str(tmp_path / "x.pdf")]) == 2
    assert "no lines" in capsys.readouterr().err


@pytest.fixture
def staff_free_db(tmp_path):
    from app.domain import bootstrap

    url = "sqlite:///" + str(tmp_path / "cli.sqlite3")
    bootstrap.open_database(url)
    c = make_customer()
    register.record(ContactForm(matter="问进度", customer_id=c.id), None)
    dbmod.close()
    yield url, c
    dbmod.close()
