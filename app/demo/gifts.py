"""Demo data for service activities and gift requests (§3.3.3, §3.7).

``fill(rnd, staff, today)`` runs after the customers exist (``staff``:
username -> User from ``demo.ensure_staff``). Everything goes through the
real services with the demo clock set to when it "happened", so numbers,
versions and stamps are what the desk would have written: about ten
activities of several kinds over the last months, and gift requests in
every state (waiting for the manager, approved, refused, given, withdrawn).
"""
from __future__ import annotations

import datetime as dt
import random

from app.domain.core.models import User, set_clock
from app.domain.customers.models import Customer
from app.domain.field import activities, gifts
from app.domain.field.activities import ParticipantInput
from app.domain.field.gifts import ItemInput
from app.domain.field.models import Visit

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明"

# (kind, title, place, description, outcome, participants, days ago)
ACTIVITIES = [
    ("training", "激光打印机日常维护技术培训", "公司二楼培训室", "讲解硒鼓更换、清洁保养与常见卡纸处理，现场实操。",
     "参训人员均能独立完成耗材更换，发放培训资料。", 4, 95),
    ("new_product", "TP-X1 系列新品资料寄送", "", "向各经销商寄送新品彩页、报价单及样机申请表。",
     "三家经销商回电索取样机。", 8, 80),
    ("seminar", "2026 年第二季度经销商座谈会", "公司会议室", "通报上半年销售政策，听取经销商对供货与售后的意见。",
     "收集意见 12 条，已转交销售部与售后部。", 6, 62),
    ("tech_service", "上门检修批量故障设备", "客户机房", "对客户批量出现的开机无显示问题上门检测。",
     "更换主板 3 块，问题已解决，客户满意。", 1, 55),
    ("assistance", "协助建立耗材库存管理制度", "客户仓库", "帮助客户梳理耗材出入库流程与安全库存。",
     "客户已按建议设置安全库存表。", 1, 44),
    ("samples", "新款扫描仪样机试用", "", "向重点客户提供样机试用两周，收集试用反馈。", "", 3, 33),
    ("application", "受理保修延期申请", "售后服务台", "受理客户提交的整批设备保修延期申请。",
     "已报经理审批，同意延期六个月。", 1, 26),
    ("relationship", "中秋客户联谊茶话会", "本市滨江酒店", "邀请重点客户参加中秋联谊，赠送月饼礼盒。",
     "到场客户 8 家，反响良好。", 5, 18),
    ("training", "新品 TP-X1 操作培训班", "公司二楼培训室", "面向经销商技术人员的新品功能与维修要点培训。", "", 5, 9),
    ("tech_service", "年度设备巡检", "客户办公区", "按维修协议对客户全部设备做年度巡检。", "", 2, 3),
]

# (items, reason, state); items: (description, quantity, unit value, kind)
REQUESTS = [
    ([("中秋月饼礼盒", 2, "198", "gift")], "中秋节走访重点经销商", "given"),
    ([("TP-X1 样机", 1, "4599", "trial")], "经销商申请样机试用两周，评估进货", "given"),
    ([("产品宣传册", 50, "6.5", "promo"), ("新品彩页", 200, "0.8", "promo")], "新品推广，随资料寄送", "given"),
    ([("定制保温杯", 10, "45", "gift")], "座谈会参会代表纪念品", "given"),
    ([("硒鼓样品", 2, "260", "sample")], "客户试用兼容硒鼓，确认打印质量", "given"),
    ([("扫描仪样机", 1, "2380", "trial")], "重点客户试用新款扫描仪", "approved"),
    ([("茶叶礼盒", 2, "368", "gift")], "年度合作答谢", "approved"),
    ([("企业台历", 30, "18", "promo")], "年底寄送客户", "approved"),
    ([("高档酒水礼盒", 4, "980", "gift")], "春节走访", "refused"),
    ([("笔记本电脑", 1, "6999", "gift")], "客户索要答谢礼品", "refused"),
    ([("中秋月饼礼盒", 3, "198", "gift"), ("产品宣传册", 10, "6.5", "promo")], "中秋走访零售商", "requested"),
    ([("TP-X1 样机", 2, "4599", "trial")], "经销商门店展示试用一个月", "requested"),
    ([("定制雨伞", 20, "32", "gift")], "联谊活动伴手礼", "requested"),
    ([("新品彩页", 100, "0.8", "promo")], "寄送新品资料（已改为电子版）", "withdrawn"),
]

REFUSALS = {"春节走访": "超出礼品标准（单件不超过 500 元），请调整后重新申请。",
            "客户索要答谢礼品": "不符合公司礼品管理规定。"}


def _person(rnd: random.Random) -> str:
    return rnd.choice(SURNAMES) + "".join(rnd.choice(GIVEN) for _ in range(rnd.choice((1, 2))))


def _at(day: dt.date, rnd: random.Random, hour: int = 9) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, 0)) + dt.timedelta(minutes=rnd.randint(0, 7 * 60))


def fill(rnd: random.Random, staff: dict[str, User], today: dt.date) -> None:
    """Activities with participants and gift requests in every state (adds to what is there)."""
    active = list(Customer.select().where(Customer.status == "active").order_by(Customer.id))
    if not active:
        return
    dealers = [c for c in active if c.category in ("dealer", "agent", "retailer")] or active
    biz, boss = staff["biz1"], staff["boss"]
    made = []
    try:
        for kind, title, place, desc, outcome, n, days in ACTIVITIES:
            day = today - dt.timedelta(days=days)
            pool = dealers if kind in ("new_product", "seminar", "training", "relationship") else active
            chosen = rnd.sample(pool, min(n, len(pool)))
            parts = []
            for c in chosen:
                count = rnd.choice((1, 1, 2, 2, 3)) if kind not in ("new_product",) else 0
                names = "、".join(_person(rnd) for _ in range(count))
                parts.append(ParticipantInput(c.id, names, count))
            set_clock(_at(day - dt.timedelta(days=rnd.randint(1, 6)), rnd))
            organiser = boss if kind in ("seminar", "relationship") else biz
            a = activities.create_activity(organiser, kind=kind, title=title, date=day,
                                           end_date=day + dt.timedelta(days=1) if kind == "seminar" else None,
                                           place=place, description=desc,
                                           outcome=outcome if days > 7 else "", participants=parts)
            made.append((a, [c for c in chosen]))
        # Visits made (another part of the demo fills them, when it runs first): some gifts were handed out there.
        made_visits = list(Visit.select().where((Visit.status == "done") & Visit.actual_date.is_null(False))
                           .order_by(Visit.id))
        for i, (items, reason, state) in enumerate(REQUESTS):
            days = {"given": rnd.randint(20, 110), "approved": rnd.randint(3, 15), "refused": rnd.randint(10, 60),
                    "requested": rnd.randint(0, 4), "withdrawn": rnd.randint(15, 40)}[state]
            asked = _at(today - dt.timedelta(days=days), rnd)
            activity, people = made[i % len(made)] if i % 3 == 0 else (None, None)
            customer = rnd.choice(people) if people else rnd.choice(dealers)
            visit = rnd.choice(made_visits) if made_visits and i % 3 == 1 else None
            if visit is not None:
                customer = visit.customer
            set_clock(asked)
            g = gifts.request_gift(biz, customer.id, [ItemInput(d, q, v, k) for d, q, v, k in items], reason,
                                   activity_id=activity.id if activity else None,
                                   visit_id=visit.id if visit else None)
            if state == "withdrawn":
                set_clock(asked + dt.timedelta(hours=3))
                gifts.withdraw(biz, g.id, g.version)
                continue
            if state == "requested":
                continue
            decided = max(_at(asked.date() + dt.timedelta(days=rnd.randint(0, 2)), rnd), asked + dt.timedelta(hours=1))
            set_clock(decided)
            if state == "refused":
                gifts.refuse(boss, g.id, g.version, REFUSALS.get(reason, "不符合礼品管理规定。"))
                continue
            g = gifts.approve(boss, g.id, g.version, rnd.choice(("", "同意。", "同意，注意控制数量。")))
            if state == "given":
                given = _at(decided.date() + dt.timedelta(days=rnd.randint(1, 6)), rnd)
                set_clock(given)
                gifts.record_given(biz, g.id, g.version, _person(rnd), given_at=given,
                                   note=rnd.choice(("", "走访时当面交付", "随货发出")))
    finally:
        set_clock(None)
