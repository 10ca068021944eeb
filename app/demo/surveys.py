"""Demo data for the satisfaction surveys (附表3): about forty returned
questionnaires over the last twelve months from the demo's active
customers, entered through the real service (numbers, averages, answers as
the desk would write them).

Scores are plausible: mostly 4 and 5; the repair turnaround (q06) and the
information about new products (q11) are the weak points, with a few 2s,
so the results screen has something to act on; a handful of unhappy
customers write the comments a department really gets.
"""
from __future__ import annotations

import datetime as dt
import random

from app.domain.core.models import User, set_clock
from app.domain.customers.models import Customer, CustomerContact
from app.domain.field import surveys

WEAK = {"q06": -1.0, "q11": -0.8, "q03": -0.4}       # mean shift from the usual 4.4
RARELY_APPLICABLE = {"q08": 0.3, "q09": 0.2, "q10": 0.45}   # chance of "not applicable"

GOOD_COMMENTS = ["整体服务不错，业务员走访比较及时。", "维修师傅很专业，态度也好。", "产品质量稳定，希望保持。",
                 "", "", "", "上门服务准时，点赞。", "技术支持电话响应快，问题当天解决。"]
LOW_COMMENTS = ["送修的打印机等了两个多星期才取回，影响我们正常办公，希望缩短维修周期。",
                "新产品上市后我们往往是从别家经销商那里才知道的，希望及时通知。",
                "报修后迟迟没人联系，打了三次电话才安排上门。",
                "价格比同类产品偏高，返点政策也不够透明。",
                "投诉后答复很慢，最后也没有给出明确的处理结果。"]
SUGGESTIONS = ["", "", "", "建议每季度举办一次新产品技术培训。", "希望提供备用机，维修期间可以周转。",
               "建议建立微信服务群，报修和查询进度更方便。", "希望配件价格公开透明。",
               "希望业务员每月至少来一次，带上新产品资料。"]
TITLES = ["总经理", "采购经理", "店长", "技术负责人", "办公室主任"]


def _score(rnd: random.Random, code: str, mood: float) -> int | None:
    if rnd.random() < RARELY_APPLICABLE.get(code, 0.04):
        return None
    value = rnd.gauss(4.4 + WEAK.get(code, 0.0) + mood, 0.6)
    return max(1, min(5, round(value)))


def fill(rnd: random.Random, staff: dict[str, User], today: dt.date) -> None:
    """Add ~40 responses returned over the twelve months before ``today``."""
    custs = list(Customer.select().where(Customer.status == "active").order_by(Customer.id))
    if not custs:
        return
    handers = [u for u in (staff.get("biz1"), staff.get("boss"), staff.get("info1")) if u is not None]
    enterers = [u for u in (staff.get("biz1"), staff.get("info1")) if u is not None] or [None]
    qs = surveys.questions(surveys.CURRENT)
    for i in range(40):
        c = rnd.choice(custs)
        returned = today - dt.timedelta(days=rnd.randint(1, 360))
        sent = returned - dt.timedelta(days=rnd.randint(3, 20))
        mood = rnd.choice((0.0, 0.0, 0.0, 0.2, 0.3, -0.3, -1.2))   # one customer in seven is unhappy
        scores = {q.code: _score(rnd, q.code, mood) for q in qs}
        if all(s is None for s in scores.values()):
            scores["q12"] = 4
        low = mood < -1 or any(s is not None and s <= 2 for s in scores.values())
        contact = (CustomerContact.select().where(CustomerContact.customer == c.id)
                   .order_by(CustomerContact.is_primary.desc(), CustomerContact.id).first())
        form = surveys.SurveyForm(
            customer_id=c.id, returned_on=returned, sent_on=sent, scores=scores,
            staff_id=rnd.choice(handers).id if handers else None,
            respondent=contact.name if contact else "", respondent_title=(contact.title if contact and contact.title
                                                                          else rnd.choice(TITLES)),
            comments=rnd.choice(LOW_COMMENTS) if low else rnd.choice(GOOD_COMMENTS),
            suggestions=rnd.choice(SUGGESTIONS))
        at = dt.datetime.combine(returned + dt.timedelta(days=rnd.choice((0, 1, 1, 2))), dt.time(10, 0)) + \
            dt.timedelta(minutes=rnd.randint(0, 420))
        set_clock(min(at, dt.datetime.now().replace(microsecond=0)))
        try:
            surveys.create_response(rnd.choice(enterers), form)
        finally:
            set_clock(None)
