"""Demo data for the contact register (客服登记本, §4.2): three weeks of
calls, letters, WeChat messages and walk-in enquiries, mostly about the
demo's jobs; two callers known only by their number (one linked to a
customer later by a correction), a corrected line and a voided one, and
follow-ups: some done, one due today and one overdue for the counter and
a technician.

Everything goes through the real service, back-dated to the day of the
call, so the lines are what the desk would have written."""
from __future__ import annotations

import datetime as dt
import random

from app.domain.contacts import register
from app.domain.contacts.register import ContactForm
from app.domain.counter.models import Job
from app.domain.customers.models import Customer

MATTERS = {
    "enquiry": [("询问送修笔记本的维修进度。", "已查询，正在等待配件，预计三天内修好。"),
                ("询问保修期如何计算。", "自购机发票日期起算，凭发票或三包凭证。"),
                ("询问门店营业时间和取件需带的证件。", "周一至周六 9:00-18:00，凭领取收据取件。")],
    "guidance": [("打印机卡纸后提示缺纸，无法继续打印。", "指导清洁搓纸轮并重新装纸，已恢复正常。"),
                 ("笔记本开机黑屏，电源灯亮。", "指导长按电源键 10 秒放电后开机，已正常。"),
                 ("UPS 长鸣报警。", "说明为电池电量低，建议接市电充电 8 小时后再试。")],
    "repair": [("激光打印机出纸有黑色竖线，要求上门或送修。", "请用户携机和收据到柜台送修。"),
               ("显示器无信号，要求报修。", "已登记报修，约周三送修。")],
    "application": [("申请为新购 20 台设备签订维修协议。", "已转业务员联系，三日内答复。"),
                    ("申请开具维修费用发票。", "已登记，下周寄出。")],
    "complaint": [("返修的打印机再次出现同样故障，对维修质量不满。", "已道歉，登记投诉，安排技术主管回电。"),
                  ("取件等了 40 分钟，对柜台效率不满。", "已致歉并记录，转经理处理。")],
    "praise": [("表扬技术员李强上门维修认真负责。", "感谢用户，转告本人。")],
    "other": [("询问是否回收旧电池。", "告知可送至门店统一回收。")],
}
WEIGHTS = {"enquiry": 8, "guidance": 5, "repair": 3, "application": 2, "complaint": 1, "praise": 1, "other": 1}
CHANNELS = ["phone"] * 8 + ["wechat", "wechat", "walk_in", "email", "letter"]
UNKNOWN = ["13912345678", "021-58889900"]


def fill(rnd: random.Random, staff: dict, today: dt.date) -> int:
    """About five lines a working day for the last three weeks; returns the lines written."""
    takers = [staff["clerk1"], staff["clerk2"], staff["clerk1"], staff["tech1"], staff["biz1"]]
    customers = list(Customer.select().order_by(Customer.id).limit(40))
    kinds = [k for k, w in WEIGHTS.items() for _ in range(w)]
    written = 0
    unknown_lines = []
    for back in range(21, -1, -1):
        day = today - dt.timedelta(days=back)
        if day.weekday() == 6 or back == 0:
            continue
        for n in range(rnd.randint(3, 7)):
            at = dt.datetime.combine(day, dt.time(9 + n, rnd.randint(0, 59)))
            kind = rnd.choice(kinds)
            matter, answer = rnd.choice(MATTERS[kind])
            customer = rnd.choice(customers)
            job = (Job.select().where((Job.customer == customer.id) & (Job.received_at <= at)).order_by(Job.id.desc()).first()
                   if kind in ("enquiry", "complaint", "repair") else None)
            form = ContactForm(kind=kind, matter=matter, answer=answer, channel=rnd.choice(CHANNELS),
                               customer_id=customer.id, caller_name=customer.name[:2] + "先生"
                               if rnd.random() < 0.3 else "", caller_phone=customer.phone,
                               job_id=job.id if job is not None else None, at=at)
            if kind in ("application", "complaint") or (kind == "repair" and rnd.random() < 0.5):
                form.follow_up_by_id = staff["biz1"].id if kind == "application" else staff["boss"].id
                form.follow_up_due = day + dt.timedelta(days=2)
            line = register.record(form, rnd.choice(takers))
            written += 1
            if line.follow_up_due is not None and line.follow_up_due < today - dt.timedelta(days=1):
                register.record(ContactForm(kind="other", direction="out", channel="phone", customer_id=customer.id,
                                            matter="回访：" + matter, answer="已电话回复用户，用户表示认可。",
                                            follows_up_id=line.id,
                                            at=dt.datetime.combine(line.follow_up_due, dt.time(16, 30))),
                                line.follow_up_by)
                written += 1
        if back in (9, 4):
            phone_number = UNKNOWN[0 if back == 9 else 1]
            unknown_lines.append(register.record(ContactForm(
                kind="enquiry", caller_phone=phone_number, caller_name="未留姓名",
                matter="询问是否可以上门安装打印机驱动。", answer="告知需先登记用户信息。",
                at=dt.datetime.combine(day, dt.time(17, 5))), staff["clerk2"]))
            written += 1
    # Follow-ups still open: one due today (the counter), one overdue (a technician).
    c = customers[0]
    register.record(ContactForm(kind="repair", customer_id=c.id, caller_phone=c.phone, matter="预约明天上门取件。",
                                answer="已登记，今天下班前回电确认时间。", follow_up_by_id=staff["clerk1"].id,
                                follow_up_due=today, at=dt.datetime.combine(today - dt.timedelta(days=1),
                                                                            dt.time(11, 20))), staff["clerk1"])
    register.record(ContactForm(kind="guidance", customer_id=customers[1].id, caller_phone=customers[1].phone,
                                matter="录像机升级固件后无法回放。", answer="需查询固件版本后回电指导。",
                                follow_up_by_id=staff["tech1"].id, follow_up_due=today - dt.timedelta(days=3),
                                at=dt.datetime.combine(today - dt.timedelta(days=5), dt.time(14, 40))),
                    staff["clerk2"])
    written += 2
    # The first unknown caller was identified later; a line with the wrong kind corrected; one voided.
    register.link_customer(unknown_lines[0].id, customers[2].id, staff["clerk2"])
    lines = list(register.query(date_from=today - dt.timedelta(days=7), kind="enquiry").limit(3))
    if len(lines) >= 2:
        register.correct(lines[0].id, staff["clerk1"], "用户实际是报修，登记类别有误。", kind="repair")
        register.correct(lines[1].id, staff["clerk1"], "重复登记。", void=True)
    return written + 3
