"""礼品（样品）申请审批单 — the gift / sample request and approval slip (A4),
and 服务活动一览表, the service activities of a period with their
participants (A4 landscape).

The slip is what goes round the office and into the file (§3.7: requested
beforehand, approved before given): the request (customer, requester,
reason, items with the total, also in Chinese capital figures as finance
expects), the decision box (approved / refused, by whom, when, the note),
the hand-over box (given to, when, by) and signature lines. A slip printed
before the decision has empty boxes to fill in by hand. Plain data in (the
domain builds it: app.domain.field.gifts.slip_data), PDF bytes out; no Qt, no
database.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from functools import partial
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from app.printing.core.common import (fmt_date, fmt_datetime, fmt_money, fmt_qty, norm_lang, paras, ptext,
                                      widest_word, write_out)
from app.printing.core.common import style as _style
from app.printing.core.company import Company
from app.printing.core.fonts import FontChoice, resolve_font
from app.printing.core.frame import (HEAD_BG, CheckBox, build_pdf, continued_header, continued_text, grid,
                                     printed_stamp)

MARGIN = 15 * mm
BASE = 9.5

_ZH = {
    "title": "礼品（样品）申请审批单", "number": "单号", "date": "申请日期", "customer": "客户名称",
    "code": "客户编号", "phone": "电话", "requester": "申请人", "link": "关联", "visit": "走访", "activity": "活动",
    "reason": "申请事由", "items": "申请物品", "seq": "序号", "kind": "类别", "description": "品名 / 说明",
    "qty": "数量", "unit_value": "单价", "amount": "金额", "total": "合计", "capital": "人民币（大写）",
    "decision": "审批结果", "decision_head": "审批", "approved": "同意", "refused": "不同意",
    "approver": "审批人", "decided_at": "审批时间",
    "note": "说明", "given": "发放记录", "given_to": "领取人", "given_at": "发放时间", "given_by": "经办人",
    "status": "状态", "colon": "：", "sign_requester": "申请人签字", "sign_approver": "审批人签字",
    "sign_receiver": "领取人签字", "sign_date": "日期", "page": "第 {page} 页 / 共 {pages} 页",
    "printed_at": "打印时间", "printed_by": "打印人", "none": "（无）",
    "rule": "礼品、样品须事先申请，经批准后方可发放（用户服务管理制度 §3.7）。",
    "list_title": "服务活动一览表", "period": "期间", "all": "全部", "place": "地点", "organiser": "组织人",
    "topic": "主题", "participants": "参加单位及人员", "headcount": "人数",
    "count": "共 {n} 项活动，{p} 家单位，{h} 人次",
    "filter": "筛选",
}
_EN = {
    "title": "Gift / sample request and approval", "number": "No.", "date": "Requested", "customer": "Customer",
    "code": "Customer code", "phone": "Phone", "requester": "Requested by", "link": "For", "visit": "visit",
    "activity": "activity", "reason": "Reason", "items": "Items", "seq": "No.", "kind": "Kind",
    "description": "Description", "qty": "Qty", "unit_value": "Unit value", "amount": "Amount", "total": "Total",
    "capital": "In words", "decision": "Decision", "decision_head": "Decision", "approved": "Approved",
    "refused": "Refused",
    "approver": "Approver", "decided_at": "Decided", "note": "Note", "given": "Handed over", "given_to": "Given to",
    "given_at": "When", "given_by": "By", "status": "Status", "colon": ": ", "sign_requester": "Requester",
    "sign_approver": "Approver", "sign_receiver": "Received by", "sign_date": "Date", "page": "Page {page} of {pages}",
    "printed_at": "Printed", "printed_by": "By", "none": "(none)",
    "rule": "Gifts and samples are requested beforehand and given only once approved (§3.7).",
    "list_title": "Service activities", "period": "Period", "all": "all", "place": "Place", "organiser": "Organiser",
    "topic": "Title", "participants": "Participants", "headcount": "People",
    "count": "{n} activities, {p} customers, {h} people", "filter": "Filter",
}
_CODES = {
    "zh_CN": {"gift": "礼品", "sample": "样品", "trial": "试用品", "promo": "宣传品",
              "requested": "待审批", "approved": "已批准", "refused": "未批准", "given": "已发放",
              "withdrawn": "已撤回",
              "application": "受理申请", "training": "技术培训", "tech_service": "技术服务",
              "assistance": "生产管理使用协助", "new_product": "新产品信息", "seminar": "座谈会/培训班",
              "samples": "样品试用", "relationship": "联谊活动"},
    "en": {"gift": "Gift", "sample": "Sample", "trial": "Trial item", "promo": "Promotional",
           "requested": "Requested", "approved": "Approved", "refused": "Refused", "given": "Given",
           "withdrawn": "Withdrawn", "application": "Applications", "training": "Training",
           "tech_service": "Technical service", "assistance": "Usage help", "new_product": "New-product info",
           "seminar": "Seminar", "samples": "Samples / trial", "relationship": "Relationship"},
}


def T(lang: str | None) -> dict[str, str]:
    return _EN if norm_lang(lang) == "en" else _ZH


def code(value: str, lang: str | None) -> str:
    return _CODES[norm_lang(lang)].get(value, value)


@dataclass
class SlipItem:
    kind: str
    description: str
    quantity: Decimal
    unit_value: Decimal

    @property
    def amount(self) -> Decimal:
        return (self.quantity * self.unit_value).quantize(Decimal("0.01"))


@dataclass
class GiftSlipData:
    company: Company
    number: str
    status: str
    customer_name: str
    customer_code: str
    customer_phone: str
    requester: str
    requested_at: datetime
    reason: str
    items: list[SlipItem]
    total: Decimal
    visit: str = ""                 # "ZF-2026-000012 2026-05-14"
    activity: str = ""              # "HD-2026-000003 经销商座谈会"
    decided_by: str = ""
    decided_at: datetime | None = None
    decision_note: str = ""
    given_to: str = ""
    given_at: datetime | None = None
    given_by: str = ""
    given_note: str = ""
    printed_at: datetime = field(default_factory=lambda: datetime.now().replace(microsecond=0))
    printed_by: str = ""


_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_UNITS = ["", "拾", "佰", "仟"]
_SECTIONS = ["", "万", "亿", "万亿"]


def rmb_capital(value: Decimal) -> str:
    """¥1,280.50 -> 壹仟贰佰捌拾元伍角整 (amounts as Chinese finance forms write them)."""
    value = Decimal(value).quantize(Decimal("0.01"))
    if value < 0:
        return "负" + rmb_capital(-value)
    yuan, cents = divmod(int(value * 100), 100)
    digits, words, zero = str(yuan), "", False
    n = len(digits)
    for i, ch in enumerate(digits if yuan else ""):
        pos, d = n - 1 - i, int(ch)
        if d == 0:
            zero = True
        else:
            words += ("零" if zero else "") + _DIGITS[d] + _UNITS[pos % 4]
            zero = False
        if pos % 4 == 0 and pos > 0 and int(digits[max(0, i - 3):i + 1]):
            words += _SECTIONS[pos // 4]
    if not yuan and not cents:
        return "零元整"
    words += "元" if yuan else ""
    jiao, fen = divmod(cents, 10)
    if not cents:
        return words + "整"
    if jiao:
        words += _DIGITS[jiao] + "角"
    elif yuan:
        words += "零"
    return words + (_DIGITS[fen] + "分" if fen else "整")


def _kv_table(rows, widths, font, s, s_lab, cont, caption=None, tail=None) -> Table:
    """Caption / value cells, captions shaded; a long value continues on the
    next page under its caption with "（续）"."""
    P = lambda x, st=s: paras(x, font, st)  # noqa: E731
    data = [[(P(c, s_lab) if i % 2 == 0 else P(c)) if isinstance(c, str) else c for i, c in enumerate(r)]
            for r in rows]
    extra = [("BACKGROUND", (c, r), (c, r), HEAD_BG) for r, row in enumerate(rows) for c in range(0, len(row), 2)
             if row[c]]
    return grid(data, widths, font, BASE, header=False, extra=extra, caption=caption, continued=cont,
                split_rows=True, label_cols=((0, 1), (2, 3)), tail=tail)


def _verdict(d: GiftSlipData, t: dict, font: str, s) -> Table:
    """☐ 同意   ☐ 不同意 with drawn 4 mm boxes (a typed □ prints about 1.3 mm)."""
    decided = d.status in ("approved", "refused", "given")
    P = lambda x: Paragraph(ptext(x, font), s)  # noqa: E731
    cells = [CheckBox(decided and d.status != "refused"), P(t["approved"]), CheckBox(d.status == "refused"),
             P(t["refused"])]
    widths = [6.5 * mm, stringWidth(t["approved"], font, BASE) + 10 * mm, 6.5 * mm,
              stringWidth(t["refused"], font, BASE) + 4]
    v = Table([cells], colWidths=widths, hAlign="LEFT")
    v.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                           ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return v


def _slip_story(d: GiftSlipData, lang: str, font: str, width: float) -> list[Flowable]:
    t = T(lang)
    en = norm_lang(lang) == "en"
    cont = continued_text(lang)
    style = partial(_style, cjk=not en)      # English wraps between words, Chinese anywhere
    s, s_small = style(font, BASE), style(font, BASE - 1)
    s_h = style(font, BASE + 1.5, space_before=4)
    P = lambda x, st=s: Paragraph(ptext(x, font), st)  # noqa: E731
    story: list[Flowable] = []
    head = Table([[P(d.company.name, style(font, BASE + 2)), P(f"{t['number']}{t['colon']}{d.number}",
                                                               style(font, BASE + 2, align=2))],
                  [P(t["title"], style(font, BASE + 9, align=1, space_before=6)), ""]],
                 colWidths=[width * 0.6, width * 0.4])
    head.setStyle(TableStyle([("SPAN", (0, 1), (1, 1)), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                              ("BOTTOMPADDING", (0, 1), (-1, 1), 6)]))
    story += [head, Spacer(1, 2 * mm)]
    caps = [t[k] for k in ("customer", "code", "requester", "date", "phone", "status", "link", "reason", "decision",
                           "approver", "note", "decided_at", "given_to", "given_at", "given_by")]
    cw = max(24 * mm, widest_word(caps, font, BASE) + 7)
    link = "；".join(x for x in (f"{t['visit']} {d.visit}" if d.visit else "",
                                 f"{t['activity']} {d.activity}" if d.activity else "") if x)
    rows = [[t["customer"], d.customer_name, t["code"], d.customer_code],
            [t["requester"], d.requester, t["date"], fmt_datetime(d.requested_at)],
            [t["phone"], d.customer_phone, t["status"], code(d.status, lang)]]
    if link:
        rows.append([t["link"], link, "", ""])
    rows.append([t["reason"], d.reason, "", ""])
    half = width / 2 - cw
    tbl = _kv_table(rows, [cw, half, cw, half], font, s, s, cont)
    tbl.setStyle(TableStyle([("SPAN", (1, r), (3, r)) for r in range(3, len(rows))]))
    story.append(tbl)

    num = style(font, BASE, align=2)
    s_lab = style(font, BASE - 0.5)
    heads = [t["seq"], t["kind"], t["description"], t["qty"], t["unit_value"], t["amount"]]
    items = [[P(h, s_lab) for h in heads]]
    for i, it in enumerate(d.items, 1):
        items.append([str(i), P(code(it.kind, lang)), P(it.description), P(fmt_qty(it.quantity), num),
                      P(fmt_money(it.unit_value), num), P(fmt_money(it.amount), num)])
    if not d.items:
        items.append(["", "", t["none"], "", "", ""])
    total_row = len(items)
    capital = f"{t['capital']}{t['colon']}{rmb_capital(d.total)}" if not en else ""
    items.append([t["total"], "", P(capital), "", "", P(fmt_money(d.total), num)])
    words = [[h] for h in heads]
    words[1] += [code(k, lang) for k in ("gift", "sample", "trial", "promo")]
    fixed = [11 * mm, 18 * mm, 0, 18 * mm, 26 * mm, 28 * mm]
    widths = [max(w, widest_word(ws, font, BASE - 0.5) + 7) if w else 0 for w, ws in zip(fixed, words)]
    widths[2] = width - sum(widths)
    items_tbl = grid(items, widths, font, BASE, num_cols=(3, 4, 5), caption=P(t["items"], s_h), continued=cont,
                     split_rows=True, label_cols=(0, 1), extra=[
                         ("SPAN", (0, total_row), (1, total_row)), ("SPAN", (2, total_row), (4, total_row)),
                         ("BACKGROUND", (0, total_row), (-1, total_row), colors.HexColor("#F3F3F3")),
                         ("ALIGN", (0, 0), (1, -1), "CENTER"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")])
    story.append(items_tbl)

    box = _kv_table([[t["decision"], _verdict(d, t, font, s), t["approver"], d.decided_by],
                     [t["note"], d.decision_note, t["decided_at"], fmt_datetime(d.decided_at)]],
                    [cw, half, cw, half], font, s, s, cont, caption=P(t["decision_head"], s_h))
    box.setStyle(TableStyle([("TOPPADDING", (0, 1), (-1, -1), 5), ("BOTTOMPADDING", (0, 1), (-1, -1), 5),
                             ("VALIGN", (0, 1), (-1, 1), "MIDDLE")]))
    box._minRowHeights = [0, 0, 14 * mm]
    story.append(box)
    s_right = style(font, BASE, align=2)
    line = lambda cap: [P(cap + t["colon"], s_right), "", P(t["sign_date"] + t["colon"], s_right), ""]  # noqa: E731
    sig = Table([line(t["sign_requester"]), line(t["sign_approver"]), line(t["sign_receiver"])],
                colWidths=[30 * mm, 62 * mm, 18 * mm, 40 * mm], rowHeights=12 * mm, hAlign="RIGHT")
    sig.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("ALIGN", (0, 0), (0, -1), "RIGHT"),
                             ("LINEBELOW", (1, 0), (1, -1), 0.6, colors.black),
                             ("LINEBELOW", (3, 0), (3, -1), 0.6, colors.black)]))
    # The signature lines and the rule stay with the hand-over box's last row.
    given = _kv_table([[t["given_to"], d.given_to, t["given_at"], fmt_datetime(d.given_at)],
                       [t["given_by"], d.given_by, t["note"], d.given_note]], [cw, half, cw, half], font, s, s, cont,
                      caption=P(t["given"], s_h),
                      tail=[Spacer(1, 4 * mm), sig, Spacer(1, 5 * mm), P(t["rule"], s_small)])
    given.setStyle(TableStyle([("TOPPADDING", (0, 1), (-1, 2), 5), ("BOTTOMPADDING", (0, 1), (-1, 2), 5)]))
    story.append(given)
    return story


def render_gift_slip(data: GiftSlipData, out: str | os.PathLike | BinaryIO | None = None, *,
                     lang: str = "zh_CN", font: FontChoice | str | None = None) -> bytes:
    """The request / approval slip on A4 portrait; returns the PDF bytes."""
    fc = resolve_font(font)
    t = T(lang)
    pdf = build_pdf(lambda width: _slip_story(data, lang, fc.name, width), title=f"{t['title']} {data.number}",
                    author=data.company.name, font=fc.name,
                    footer_left=f"{data.company.name}  {t['title']} {data.number}",
                    footer_right=printed_stamp(t, data.printed_at, data.printed_by), page_format=t["page"],
                    margin=MARGIN, footer_size=BASE - 2, header=continued_header(t["title"], data.number))
    return write_out(pdf, out)


# --- the list of activities -----------------------------------------------------

@dataclass
class ActivityListLine:
    number: str
    date: date
    end_date: date | None
    kind: str
    title: str
    place: str
    organiser: str
    participants: list[tuple[str, str, int]]     # (customer name, people, headcount)


@dataclass
class ActivityListData:
    company: Company
    date_from: date | None
    date_to: date | None
    filters: str                                 # e.g. "技术培训；孙浩然" ("" = all)
    lines: list[ActivityListLine]
    printed_at: datetime = field(default_factory=lambda: datetime.now().replace(microsecond=0))
    printed_by: str = ""


def render_activity_list(data: ActivityListData, out: str | os.PathLike | BinaryIO | None = None, *,
                         lang: str = "zh_CN", font: FontChoice | str | None = None) -> bytes:
    """服务活动一览表 on A4 landscape: one row per activity, participants listed in it."""
    fc = resolve_font(font)
    t = T(lang)
    f, size = fc.name, BASE - 1
    period = f"{fmt_date(data.date_from) or '…'} — {fmt_date(data.date_to) or '…'}"
    return write_out(build_pdf(lambda width: _list_story(data, lang, f, size, width, period), title=t["list_title"],
                               author=data.company.name, font=f,
                               footer_left=f"{data.company.name}  {t['list_title']} {period}",
                               footer_right=printed_stamp(t, data.printed_at, data.printed_by),
                               page_format=t["page"], margin=MARGIN, footer_size=BASE - 2,
                               pagesize=landscape(A4), header=continued_header(t["list_title"], period)), out)


def _list_story(data: ActivityListData, lang: str, f: str, size: float, width: float, period: str) -> list:
    t = T(lang)
    en = norm_lang(lang) == "en"
    style = partial(_style, cjk=not en)      # English wraps between words, Chinese anywhere
    s, s_lab = style(f, size), style(f, size - 0.5)
    P = lambda x, st=s: Paragraph(ptext(x, f), st)  # noqa: E731
    people = sum(h for line in data.lines for _n, _p, h in line.participants)
    customers = sum(len(line.participants) for line in data.lines)
    gap = "&nbsp;" * 6
    story: list[Flowable] = [
        P(data.company.name, style(f, BASE + 1)),
        P(t["list_title"], style(f, BASE + 8, space_before=3, space_after=4)),
        Paragraph(gap.join(ptext(x, f) for x in (
            f"{t['period']}{t['colon']}{period}", f"{t['filter']}{t['colon']}{data.filters or t['all']}",
            t["count"].format(n=len(data.lines), p=customers, h=people))), style(f, BASE, space_after=4)),
    ]
    heads = [t["seq"], t["number"], "Date" if en else "活动日期", t["kind"], t["topic"], t["place"], t["organiser"],
             t["participants"], t["headcount"]]
    rows = [[P(h, s_lab) for h in heads]]
    for i, line in enumerate(data.lines, 1):
        when = fmt_date(line.date) + (f"\n~{fmt_date(line.end_date)}" if line.end_date and line.end_date != line.date
                                      else "")
        # One paragraph per participant: an activity with 200 of them
        # continues on the next pages (its number and "（续）" repeated there).
        names = [P(f"{n}（{p}）" if p else n) for n, p, _h in line.participants] or [P(t["none"])]
        rows.append([str(i), P(line.number), P(when), P(code(line.kind, lang)), P(line.title), P(line.place),
                     P(line.organiser), names, str(sum(h for _n, _p, h in line.participants))])
    if not data.lines:
        rows.append(["", t["none"]] + [""] * 7)
    words = [[h] for h in heads]
    words[3] += [code(k, lang) for k in ("application", "training", "tech_service", "assistance", "new_product",
                                         "seminar", "samples", "relationship")]
    fixed = [10, 28, 22, 24, 44, 30, 16, 0, 12]
    widths = [max(w * mm, widest_word(ws, f, size - 0.5) + 7) if w else 0 for w, ws in zip(fixed, words)]
    widths[7] = width - sum(widths)
    story.append(grid(rows, widths, f, size, num_cols=(8,), split_rows=True, label_cols=(0, 1),
                      continued=continued_text(lang)))
    return story
