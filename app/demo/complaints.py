"""Demo data for complaints (用户投诉, §1): a handful in every state —
received, acknowledged, investigating, replied, closed, one reopened and
closed again — from the contact register's complaint lines, the visit
report's complaint, a survey with low scores and entered directly; a few
past their deadlines (one not yet acknowledged, one waiting for its reply
too long). Every step goes through the real services with the clock set to
its time, so the history reads as the desk would have written it."""
from __future__ import annotations

import datetime as dt
import random

from app.domain.complaints import complaints
from app.domain.complaints.complaints import ComplaintForm
from app.domain.core.models import set_clock
from app.domain.counter.models import Job
from app.domain.customers.models import Customer

DIRECT = [("打印机送修三次仍有卡纸，要求换新机。", "更换新机或退款", "product", "major"),
          ("柜台人员态度生硬，取件时不解释收费明细。", "当面道歉，说明收费依据", "staff", "minor"),
          ("维修报价比电话里说的高出 200 元。", "按电话报价收费", "price", "minor"),
          ("上门服务约好上午，下午四点才到，耽误开会。", "书面道歉", "delivery", "major")]


def _at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, 15))


def _steps(c, steps, today):
    """Take ``c`` along ``steps`` ((days after received, hour, action, user, kwargs)...)."""
    for days, hour, action, user, kw in steps:
        at = _at(c.received_at.date() + dt.timedelta(days=days), hour)
        if at.date() > today:
            break
        set_clock(at)
        try:
            c = complaints.perform(c.id, action, user, None, **kw)
        finally:
            set_clock(None)
    return c


def fill(rnd: random.Random, staff: dict, today: dt.date) -> int:
    """About ten complaints; returns how many."""
    clerk, biz, tech, boss = staff["clerk1"], staff["biz1"], staff["tech1"], staff["boss"]
    made = []

    def receive(form, user, at):
        set_clock(at)
        try:
            return complaints.receive(form, user)
        finally:
            set_clock(None)

    # From the contact register's complaint lines (the oldest first).
    for i, line in enumerate(complaints.contact_candidates(None)[:3]):
        form = complaints.from_contact_line(line.id)
        form.severity = ("major", "minor", "critical")[i % 3]
        form.responsible_id = (biz, tech, clerk)[i % 3].id
        form.request = "尽快处理并给出书面答复"
        made.append(receive(form, clerk, line.at))
    # The visit report's complaint, and a survey with low scores.
    for v in complaints_visits(staff):
        form = complaints.from_visit(v.id)
        form.severity, form.responsible_id, form.about = "major", biz.id, "delivery"
        made.append(receive(form, biz, form.received_at))
    for r in complaints.survey_candidates(None)[:1]:
        form = complaints.from_survey(r.id)
        form.responsible_id = biz.id
        made.append(receive(form, biz, form.received_at))
    # Entered directly.
    customers = list(Customer.select().order_by(Customer.id).limit(12))
    for i, (words, request, about, severity) in enumerate(DIRECT):
        customer = customers[(i * 3 + 4) % len(customers)]
        job = Job.select().where(Job.customer == customer.id).first()
        unit = job.unit_id if job is not None else None
        form = ComplaintForm(customer_id=customer.id, words=words, request=request, about=about if about != "product"
                             or unit else "service", severity=severity, channel=("phone", "walk_in", "wechat")[i % 3],
                             contact_person=customer.name[:1] + "先生", contact_phone=customer.phone, unit_id=unit,
                             staff_id=clerk.id if about == "staff" else None,
                             responsible_id=(clerk, biz, tech, biz)[i].id)
        made.append(receive(form, clerk, _at(today - dt.timedelta(days=(12, 6, 2, 1)[i]), 10)))
    ack = ("acknowledge", dict(note="已致电用户致歉，说明将尽快调查答复。"))
    inv = ("investigate", {})
    reply = ("reply", dict(investigation="调取维修记录并询问经办人员，情况属实。", cause="workmanship",
                           measures="安排技术主管复检，更换有缺陷部件；对经办人员进行培训。",
                           reply="已向用户说明调查结果和处理措施，免费重修并延长保修三个月。", reply_how="phone"))
    close = ("close", dict(satisfaction="satisfied", closing="用户对处理结果表示满意，结案。"))
    plans = [
        [(0, 11, *ack[:1], None, ack[1]), (1, 9, "investigate", None, {}), (2, 15, "reply", None, reply[1]),
         (4, 10, "close", boss, close[1])],                                                   # closed
        [(0, 14, *ack[:1], None, ack[1]), (1, 10, "investigate", None, {}), (3, 16, "reply", None, reply[1]),
         (5, 9, "reopen", None, dict(note="用户表示重修后仍有异响，不满意。")),
         (6, 15, "reply", None, dict(reply="已为用户更换整机。", reply_how="in_person")),
         (8, 10, "close", boss, dict(satisfaction="partly", closing="更换整机后用户基本满意，结案。"))],  # reopened, closed
        [(0, 16, *ack[:1], None, ack[1]), (1, 11, "investigate", None, {})],                    # investigating
        [(0, 15, *ack[:1], None, ack[1]), (1, 9, "investigate", None, {}), (2, 10, "reply", None, reply[1])],  # replied
        [(0, 11, *ack[:1], None, ack[1])],                                                    # acknowledged
        [],                                                                                   # received
        [(0, 13, *ack[:1], None, ack[1]), (1, 9, "reply", None, dict(reply="已说明收费标准并退还差价。",
                                                                      reply_how="wechat", cause="price")),
         (2, 10, "close", boss, dict(satisfaction="no_answer", satisfaction_note="微信和电话多次联系未回复。",
                                    closing="已退差价，用户未再回复，结案。"))],                      # closed, no answer
        [(0, 12, *ack[:1], None, ack[1])],
    ]
    for c, plan in zip(made, plans):
        handler = c.responsible
        _steps(c, [(d, h, a, u or handler, kw) for d, h, a, u, kw in plan], today)
    return len(made)


def complaints_visits(staff):
    return complaints.visit_candidates(None)[:1]
