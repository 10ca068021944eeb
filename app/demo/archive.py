"""Demo data for the customer archive: the archive fields, contacts and
addresses of the demo's customers, responsible staff, a few recorded
changes, prospects in every stage of selection, and access requests
(pending, granted, expired, refused).

``fill_archive(rnd, staff)`` runs after :func:`app.demo.fill` has made
the customers (``staff``: username -> User, from ``demo.ensure_staff``).
The archive as it "always was" is written directly; the later changes, the
selection and the requests go through the real services, so their history
and log rows are exactly what the desk would have written.
"""
from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from app.domain.core.db import write_transaction
from app.domain.core.models import now, set_clock
from app.domain.customers import access, archive, selection
from app.domain.customers.models import Customer, CustomerAddress, CustomerContact

BUSINESS = {"dealer": "电脑整机、打印设备及耗材批发", "retailer": "电脑、数码产品零售及上门安装",
            "agent": "受托代理本公司产品在本地区的销售与售后", "end_user": ""}
TITLES = ["总经理", "采购经理", "财务", "仓库主管", "技术负责人", "店长"]
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超霞平刚华"
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
PROSPECTS = [("杭州西湖博远科技有限公司", "杭州市西湖区", "approved"),
             ("成都武侯联创贸易代理有限公司", "成都市武侯区", "refused"),
             ("苏州工业园区智达电子有限公司", "苏州市工业园区", "assessing"),
             ("长沙岳麓佳和数码商行", "长沙市岳麓区", "new")]


def _person(rnd: random.Random) -> str:
    return rnd.choice(SURNAMES) + "".join(rnd.choice(GIVEN) for _ in range(rnd.choice((1, 2))))


def _mobile(rnd: random.Random) -> str:
    return "1" + rnd.choice("3578") + "".join(rnd.choice("0123456789") for _ in range(9))


def fill_archive(rnd: random.Random, staff: dict) -> None:
    """Fill the archive of the demo's customers (not the bulk benchmark ones)."""
    sales = [u for k, u in staff.items() if u.role == "business"] or [staff.get("boss")]
    keeper, boss = staff.get("info1"), staff.get("boss")
    today = now().date()
    made = list(Customer.select().where(~Customer.code.startswith("CU-2000-")).order_by(Customer.id))
    with write_transaction():
        for c in made:
            company = c.category != "end_user"
            region = c.address[:6] if c.address else ""
            region = region[: region.index("区") + 1] if "区" in region else region
            values = dict(region=region, business_content=BUSINESS[c.category], short_name=c.name[4:8] if company else "",
                          status=rnd.choices(("active", "suspended", "closed"), (18, 1, 1))[0])
            if company:
                values.update(credit_rating=rnd.choice("AABBBCD"), credit_limit=Decimal(rnd.randint(1, 60) * 10000),
                              cooperation_since=today - dt.timedelta(days=rnd.randint(200, 3000)),
                              annual_volume=Decimal(rnd.randint(5, 500) * 10000), legal_representative=_person(rnd),
                              employees=rnd.randint(3, 200), tier=rnd.choice(("重点", "普通", "普通")),
                              responsible=rnd.choice(sales))
            Customer.update(**values).where(Customer.id == c.id).execute()
            if company:
                for i in range(rnd.choice((1, 2, 2, 3))):
                    CustomerContact.create(customer=c, name=_person(rnd), title=rnd.choice(TITLES),
                                           mobile=_mobile(rnd), is_primary=i == 0)
                CustomerAddress.create(customer=c, kind="office", address=c.address, is_primary=True)
                if rnd.random() < 0.4:
                    CustomerAddress.create(customer=c, kind="warehouse", address=f"{region}物流园{rnd.randint(1, 30)}号库")
    companies = [c for c in made if c.category != "end_user"]
    # Changes recorded by the keeper (§2.1.5), a few days ago.
    for c in companies[:6]:
        set_clock(dt.datetime.combine(today - dt.timedelta(days=rnd.randint(1, 40)), dt.time(10, rnd.randint(0, 59))))
        try:
            cur = Customer.get_by_id(c.id)
            archive.save_archive(keeper, c.id, cur.version, {"credit_limit": str((cur.credit_limit or 0) + 20000),
                                                            "notes": "年度评审后调整信用额度"})
        finally:
            set_clock(None)
    _prospects(rnd, sales[0], boss, today)
    _requests(staff, companies)


def _prospects(rnd: random.Random, sales, boss, today: dt.date) -> None:
    for name, region, stage in PROSPECTS:
        p = selection.add_prospect(sales, name, _mobile(rnd), rnd.choice(("dealer", "retailer", "agent")),
                                   f"{region}科技路{rnd.randint(1, 200)}号", region=region)
        if stage == "new":
            continue
        selection.add_investigation(sales, p.id, "general", today - dt.timedelta(days=20),
                                    "查询工商登记及征信：正常经营五年，无涉诉记录。")
        selection.add_investigation(sales, p.id, "onsite", today - dt.timedelta(days=12),
                                    "实地走访门店及仓库：库存充足，售后人员三名。")
        for code in selection.CRITERION_CODES[: 4 if stage == "assessing" else 6]:
            selection.assess(sales, p.id, code, rnd.randint(2, 5) if stage != "refused" else rnd.randint(1, 3))
        if stage == "approved":
            selection.decide(boss, p.id, "approved", "各项标准均符合，同意建档")
        elif stage == "refused":
            selection.decide(boss, p.id, "refused", "履约能力不足，有两起合同纠纷")


def _requests(staff: dict, companies: list[Customer]) -> None:
    clerk1, clerk2, tech = staff.get("clerk1"), staff.get("clerk2"), staff.get("tech1")
    if not (clerk1 and clerk2 and tech and len(companies) >= 4):
        return
    for user, c, outcome, days_ago in ((clerk1, companies[0], "granted", 1), (clerk2, companies[1], "pending", 0),
                                       (clerk1, companies[2], "expired", 20), (tech, companies[3], "refused", 3)):
        c = Customer.get_by_id(c.id)
        decider = c.responsible or staff.get("boss")
        set_clock(now() - dt.timedelta(days=days_ago))
        try:
            req = access.request_access(user, c.id, "客户来电询问合作条款，需要核对档案", days=7 if outcome != "expired" else 3)
            if outcome in ("granted", "expired"):
                access.grant(decider, req.id)
            elif outcome == "refused":
                access.refuse(decider, req.id, "请通过业务负责人联系客户")
        finally:
            set_clock(None)
