"""The gift slip (礼品（样品）申请审批单) and the activity list (服务活动一览表):
long content flows onto further pages (issue 10, part 2), English wraps
between words (part 4), the slip's tick boxes are drawn 4 mm (part 7)."""
from __future__ import annotations

import datetime as dt
import io

import pdfplumber
import pytest

from app.domain.customers.models import Customer
from app.domain.field import activities
from app.domain.field.activities import ParticipantInput
from app.printing.field.gift_print import render_activity_list, render_gift_slip
from tests import print_samples as S

MM = 72 / 25.4
TITLES = {"slip": {"zh_CN": "礼品（样品）申请审批单", "en": "Gift / sample request and approval"},
          "list": {"zh_CN": "服务活动一览表", "en": "Service activities"}}
SLIP_HEADINGS = {"zh_CN": ["申请物品", "审批", "发放记录"], "en": ["Items", "Decision", "Handed over"]}


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_gift_slip_with_every_field_at_its_maximum_and_200_items(lang):
    """200 items and every text at its maximum: the slip runs onto further
    pages, each with the title, the number and "page n of N" at its top;
    the items' heading repeated with （续）; the signature lines and the rule
    at the end, after the hand-over box."""
    pdf = render_gift_slip(S.gift_slip(lang, rows=S.ROWS), lang=lang)
    out = S.read_back(pdf, lang, TITLES["slip"][lang], headings=SLIP_HEADINGS[lang])
    assert out.problems == [] and out.pages > 20
    cont = "申请物品（续）" if lang == "zh_CN" else "Items(continued)"
    assert any(cont in "".join(lines[1:3]).replace(" ", "") for lines in out.lines.values())
    assert ("领取人签字" if lang == "zh_CN" else "Receivedby") in "".join(out.lines[out.pages]).replace(" ", "")


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_gift_slip_long_texts_whole_document_checked(lang):
    """Every text at its maximum (4 000 characters of reason, decision note
    and hand-over note), three items: read back page by page."""
    pdf = render_gift_slip(S.gift_slip(lang, rows=3), lang=lang)
    out = S.read_back(pdf, lang, TITLES["slip"][lang], headings=SLIP_HEADINGS[lang], sample=False)
    assert out.problems == []


def _squares(pdf: bytes) -> list[float]:
    """The sides (mm) of the square boxes drawn on the first page."""
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return [round(r["width"] / MM, 2) for r in doc.pages[0].rects
                if abs(r["width"] - r["height"]) < 0.5 and r["width"] > 2 * MM]


@pytest.mark.parametrize("status", ["requested", "approved", "refused"])
def test_gift_slip_tick_boxes_are_4_mm(status):
    """The decision's boxes (同意 / 不同意) are drawn squares of 4 mm, not a
    typed □ (about 1.3 mm); the ticked one carries a tick."""
    from app.printing.core.company import Company

    data = S.gift_slip("zh_CN", rows=1, status=status)
    data.company, data.customer_name, data.reason = Company("华信电子科技有限公司 售后服务部"), "长沙岳麓宏达电脑城店", "中秋节走访"
    data.decision_note = data.given_note = ""
    pdf = render_gift_slip(data, lang="zh_CN")
    assert _squares(pdf) == [4.0, 4.0]
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        chars = "".join(c["text"] for c in doc.pages[0].chars)
        ticks = [c for c in doc.pages[0].curves if c["width"] < 4 * MM]      # the tick: a drawn path
    assert "□" not in chars and "■" not in chars
    assert len(ticks) == (0 if status == "requested" else 1)


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_activity_list_with_every_field_at_its_maximum_200_activities_and_200_participants(lang):
    """200 activities, the first with 200 participants, every text at its
    maximum: an activity taller than a page continues on the next pages,
    its number repeated there with （续）."""
    data = S.activity_list(lang, rows=S.ROWS, participants=1)
    data.lines[0] = S.activity_list(lang, rows=1, participants=S.ROWS).lines[0]
    pdf = render_activity_list(data, lang=lang)
    out = S.read_back(pdf, lang, TITLES["list"][lang])
    assert out.problems == [] and out.pages > 100
    cont = "（续）" if lang == "zh_CN" else "(continued)"
    assert cont in "".join(out.lines[2][:6]).replace(" ", "")      # the first activity goes on, numbered


def test_activity_list_with_60_participants_from_the_database(db, staff):
    """The reported case: an activity with more than about 45 participants
    stopped the whole period's list with a LayoutError. Now it continues on
    the next page, every participant printed."""
    biz = staff["business"]
    names = [f"北京海淀第{i:02d}电子技术服务有限公司" for i in range(60)]
    ids = [Customer.create(code=f"CU-2026-{i:06d}", name=n, updated_at=dt.datetime.now()).id
           for i, n in enumerate(names, 1)]
    activities.create_activity(biz, kind="seminar", title="经销商年度座谈会", date=dt.date(2026, 3, 2),
                               place="公司二楼会议室",
                               participants=[ParticipantInput(i, "王经理、李工程师", 2) for i in ids])
    data = activities.list_print_data(biz, dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    pdf = render_activity_list(data, lang="zh_CN")
    out = S.read_back(pdf, "zh_CN", "服务活动一览表", sample=False)
    assert out.problems == [] and out.pages >= 2
    assert all(name in out.text() for name in names)


# --- a printout that still cannot be laid out: a message, never "Unexpected error" ----------------

@pytest.fixture
def unprintable(monkeypatch):
    """The slip's story made of a part taller than a page that cannot be divided."""
    from reportlab.platypus import Table

    from app.printing.field import gift_print

    monkeypatch.setattr(gift_print, "_slip_story", lambda *args: [Table([["x"]], rowHeights=[2000])])


def test_a_slip_that_cannot_be_laid_out_is_a_message_in_the_window(qtbot, db, staff, messages, unprintable):
    from app.domain.field.models import GiftRequest
    from app.ui.base import ops
    from app.ui.field.gifts_page import slip_pdf

    g = _request(staff)
    result = ops.run(None, slip_pdf, staff["manager"], g.id, "zh_CN")
    assert not result.ok and GiftRequest.get_by_id(g.id).number == g.number
    assert [(kind, title) for kind, title, _text in messages] == [("warning", "Cannot do that")]
    assert "cannot be laid out" in messages[0][2] and "LP-" in messages[0][2] and "on page" in messages[0][2]


def test_a_slip_that_cannot_be_laid_out_is_a_message_on_the_command_line(tmp_path, capsys, unprintable):
    from app import cli
    from app.domain import bootstrap
    from app.domain.core import db as dbmod
    from app.domain.core import users

    url = "sqlite:///" + str(tmp_path / "cli.sqlite3")
    bootstrap.open_database(url)
    g = _request({"business": users.create_user("biz", "孙浩然", "business")})
    dbmod.close()
    code = cli.main(["--database", url, "print", "gift-slip", g.number, "-o", str(tmp_path / "slip.pdf")])
    err = capsys.readouterr().err
    assert code == 2 and "cannot be laid out" in err and "Traceback" not in err
    assert not (tmp_path / "slip.pdf").exists()


def _request(staff):
    from decimal import Decimal

    from app.domain.field import gifts
    from tests.helpers import make_customer

    return gifts.request_gift(staff["business"], make_customer().id,
                              [gifts.ItemInput("月饼礼盒", Decimal(2), Decimal("198"), "gift")], "中秋节走访")
