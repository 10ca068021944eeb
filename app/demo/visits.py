"""Demo data for field service visits (§3.3-§3.6): the business staff's
approved annual plans, monthly plans for last month (approved) and this
month (one submitted, one draft), about thirty visits with Chinese goals
and reports, a few overdue, one carried forward, visits with the manager,
and one report with a complaint heard (not yet linked).

Everything goes through the real services (plans submitted and approved,
reports recorded with the clock set to the visit's day), so the rows are
exactly what the desk would have written.
"""
from __future__ import annotations

import datetime as dt
import random

from app.domain.core import auth, users
from app.domain.core.db import write_transaction
from app.domain.core.models import User, set_clock
from app.domain.customers.models import Customer
from app.domain.field import visit_outcomes, visit_plans, visits

GOALS = {
    "patrol": [("了解门店第四季度进货计划和库存情况。", ["patrol.A", "patrol.B"]),
               ("回访上月送修用户，收集对维修服务的意见。", ["patrol.C"]),
               ("了解本地区同类产品价格和竞争对手促销动向。", ["patrol.D", "patrol.B"]),
               ("例行巡访，核对样机陈列和销售数据。", ["patrol.A", "patrol.B", "patrol.D"])],
    "market": [("向新用户介绍新款激光打印机的性能和使用注意事项。", ["market.A"]),
               ("走访新签约经销商，发放用户满意度调查表。", ["market.B", "market.A"])],
    "service": [("为门店技术人员做打印机常见故障培训。", ["service.B", "service.E"]),
                ("送达新产品资料和样机，洽谈试用。", ["service.D", "service.F"]),
                ("协助用户解决批量设备联网使用问题。", ["service.C", "service.A"])],
}
GAINS = ["对方计划下季度进货 120 台，希望月底前确认价格。", "门店销量较上季度增长约 15%，畅销型号缺货。",
         "培训 6 人，现场演示了卡纸和定影故障的处理方法。", "收集到两家竞争对手的最新报价，比我方低 5% 左右。",
         "用户同意试用新款机型两周，试用后反馈意见。", "核对库存 86 台，其中 12 台为老型号，需安排促销。"]
REACTIONS = ["对售后响应速度比较满意。", "希望上门维修能提前电话预约。", "认为配件价格偏高。", "",
             "对新产品的节能设计很感兴趣。"]
SUGGESTIONS = ["建议在本地设立备件库，缩短返修周期。", "建议每季度安排一次技术培训。", "", "建议增加样机和宣传资料。"]
COMPLAINT = "10 月送修的 3 台打印机返修超过 15 天仍未取回，用户要求书面说明原因并尽快处理。"


def _biz2(staff: dict[str, User]) -> User:
    u = User.get_or_none(User.username == "biz2")
    if u is None:
        with write_transaction():
            u = users.create_user("biz2", "钱晓雯", "business", password_hash=auth.hash_password("demo1234"))
    return u


def fill(rnd: random.Random, staff: dict[str, User], today: dt.date) -> None:
    """Plans and visits of biz1 (孙浩然) and biz2 (钱晓雯, created here), approved by boss."""
    boss = staff["boss"]
    sales = [staff["biz1"], _biz2(staff)]
    active = Customer.select().where(Customer.status == "active").order_by(Customer.id)
    # Salespeople visit the trade (dealers, retailers, agents) first.
    custs = list(active.where(Customer.category != "end_user").limit(30)) or list(active.limit(30))
    if not custs:
        return
    this_month = visits.month_start(today)
    last_month = visits.next_month(this_month, -1)
    for n, person in enumerate(sales):
        mine = custs[n::2] or custs
        _annual(rnd, person, boss, mine, today)
        _monthly(rnd, person, boss, mine, last_month, today, approve=True)
        _monthly(rnd, person, boss, mine, this_month, today, approve=n == 0, submit=n == 0)
    set_clock(None)


def _visit(rnd, person, cust, month, plan_id=None, manager=None, day=None):
    kind = rnd.choices(list(GOALS), [5, 2, 3])[0]
    goal, codes = rnd.choice(GOALS[kind])
    if manager is not None:
        codes = codes + rnd.choice((["manager.3", "manager.6"], ["manager.2"], ["manager.5", "manager.7"]))
    return visits.create_visit(None, staff_id=person.id, customer_id=cust.id, kind=kind, due_month=month,
                               planned_date=day, purposes=codes, manager_id=manager.id if manager else None,
                               goal=goal, contact_person=rnd.choice(["刘经理", "王店长", "张总", "陈主管", "李工"]),
                               place=cust.address, plan_id=plan_id)


def _report(rnd, v, day: dt.date, complaint: str = ""):
    set_clock(dt.datetime.combine(day, dt.time(17, rnd.randint(0, 59))))
    try:
        return visit_outcomes.record_report(None, v.id, v.version, actual_date=day, gains=rnd.choice(GAINS),
                                    reactions=rnd.choice(REACTIONS), suggestions=rnd.choice(SUGGESTIONS),
                                    complaint_text=complaint)
    finally:
        set_clock(None)


def _approve(plan, boss, submit=True, approve=True):
    if submit:
        plan = visit_plans.submit_plan(None, plan.id, plan.version)
    if approve:
        plan = visit_plans.approve_plan(boss, plan.id, plan.version, "同意，按计划执行。")
    return plan


def _annual(rnd, person, boss, custs, today):
    year = today.year
    plan = visit_plans.create_plan(None, person.id, "annual", year, notes="重点经销商每季度至少走访一次。")
    made = []
    for i, m in enumerate((1, 3, 5, 7, 9, 11)):
        made.append(_visit(rnd, person, custs[i % len(custs)], dt.date(year, m, 1), plan.id,
                           manager=boss if i == 2 else None))
    _approve(plan, boss)
    if person.username == "biz2":
        first = made.pop(0)
        visit_outcomes.cancel_visit(None, first.id, first.version, "客户门店装修停业一个月，本次走访取消。")
    for v in made:
        if visits.month_end(v.due_month) < visits.month_start(today):
            late = rnd.random() < 0.2
            day = visits.month_end(v.due_month) + dt.timedelta(days=3) if late else \
                v.due_month + dt.timedelta(days=rnd.randint(3, 25))
            _report(rnd, v, min(day, today))


def _monthly(rnd, person, boss, custs, month, today, approve=True, submit=True):
    plan = visit_plans.create_plan(None, person.id, "monthly", month.year, month.month)
    current = month == visits.month_start(today)
    week = today - dt.timedelta(days=today.weekday())
    made = []
    for i in range(5):
        cust = rnd.choice(custs)
        if current:
            day = min(visits.month_end(month), max(month, week + dt.timedelta(days=(i * 3) % 9)))
        else:
            day = month + dt.timedelta(days=4 + i * 5)
        made.append(_visit(rnd, person, cust, month, plan.id, manager=boss if (i == 1 and not current) else None,
                           day=day if i % 2 == 0 or current else None))
    if submit or approve:
        _approve(plan, boss, submit=True, approve=approve)
    if current:
        # Done so far: the visits whose day has passed (at most two).
        for v in made[:2]:
            if v.planned_date and v.planned_date < today:
                _report(rnd, v, v.planned_date)
        return
    # Last month: three done (one with a complaint for biz1), one overdue, one carried forward.
    for k, v in enumerate(made[:3]):
        day = v.planned_date or month + dt.timedelta(days=10 + k)
        _report(rnd, v, day, COMPLAINT if (k == 1 and person.username == "biz1") else "")
    carried = made[4]
    visit_outcomes.carry_forward(None, carried.id, carried.version, visits.month_start(today))
