"""Realistic Chinese sample data, built through the real services so every
job has its receipt, history and register rows exactly as the counter would
have written them. ``scale`` options bulk-insert extra customers for
benchmarks (those go in with ``insert_many``: 100 000 in seconds)."""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from app.domain import bootstrap
from app.domain.core import auth, users
from app.domain.core.db import database, write_transaction
from app.domain.core.errors import CsdeskError, tx
from app.domain.core.models import User, set_clock
from app.domain.counter import intake, jobs, products, release
from app.domain.counter.models import Job, Unit
from app.domain.customers import customers
from app.domain.customers.models import Customer

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段漕钱汤尹黎易常武乔贺赖龚文"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强文军丹玉兰晓东红梅海燕鹏飞子涵浩然思远欣怡雨桐"
CITIES = [("北京", "海淀区"), ("北京", "朝阳区"), ("上海", "浦东新区"), ("上海", "徐汇区"), ("广州", "天河区"),
          ("深圳", "南山区"), ("杭州", "西湖区"), ("南京", "鼓楼区"), ("成都", "武侯区"), ("武汉", "洪山区"),
          ("西安", "雁塔区"), ("天津", "南开区"), ("重庆", "渝中区"), ("苏州", "工业园区"), ("长沙", "岳麓区")]
COMPANY_WORDS = ["华信", "天成", "恒通", "宏达", "鑫源", "金桥", "瑞丰", "新世纪", "东方", "博远", "联创", "智达",
                 "汇丰", "永安", "佳和", "盛泰", "中科", "远景", "启明", "嘉禾"]
COMPANY_KINDS = [("电子有限公司", "dealer"), ("科技有限公司", "dealer"), ("数码商行", "retailer"),
                 ("电脑城店", "retailer"), ("贸易代理有限公司", "agent"), ("办公设备经营部", "retailer")]
STREETS = ["中关村大街", "学院路", "建国路", "人民路", "解放路", "科技园南路", "天府大道", "珠江新城华夏路", "长江路"]
PRODUCTS = [
    ("TP-X1C-G11", "ThinkPad X1 Carbon 第11代 笔记本电脑", "联想", 36),
    ("TP-E14-G5", "ThinkPad E14 笔记本电脑", "联想", 24),
    ("HP-M429FDW", "惠普 LaserJet Pro M429fdw 激光多功能一体机", "惠普", 12),
    ("EP-L3258", "爱普生 L3258 墨仓式打印机", "爱普生", 12),
    ("DL-U2723QE", "戴尔 U2723QE 27英寸显示器", "戴尔", 36),
    ("HW-MB14", "华为 MateBook 14 笔记本电脑", "华为", 24),
    ("CN-LBP2900", "佳能 LBP2900+ 激光打印机", "佳能", 12),
    ("APC-BK650", "APC BK650M2-CH 不间断电源", "施耐德", 24),
    ("HK-DS7808", "海康威视 DS-7808N 网络硬盘录像机", "海康威视", 24),
    ("XM-RB03", "小米 路由器 BE3600", "小米", 12),
]
FAULTS = ["开机无显示，电源灯亮", "打印有黑色竖线，卡纸频繁", "屏幕闪烁，偶尔黑屏", "无法充电，适配器指示灯不亮",
          "键盘部分按键失灵（E、R、T）", "风扇噪音大，机身发烫后自动关机", "进纸器不进纸，提示缺纸",
          "蓝屏重启，提示 MEMORY_MANAGEMENT", "网络口无法连接，指示灯不亮", "电池鼓包，后盖翘起",
          "显示器有亮线，接 HDMI 无信号", "UPS 报警长鸣，无法带载", "录像机硬盘不识别，无法回放"]
CONDITIONS = ["外观完好", "外壳有轻微划痕", "左上角有磕碰痕迹", "屏幕有划痕，无破裂", "底壳缺一颗螺丝", "外观完好，有使用痕迹"]
ITEM_SETS = [["主机"], ["主机", "电源适配器"], ["主机", "电源适配器", "电脑包"], ["主机", "电源线"],
             ["主机", "电源线", "数据线"], ["主机", "包装盒"]]
DIAGNOSES = ["主板供电芯片损坏，需更换主板", "定影组件老化，需更换", "屏线接触不良，重新插接并加固",
             "电源适配器损坏，更换原装适配器", "键盘排线进液腐蚀，更换键盘", "散热模组积灰，清洁并更换硅脂",
             "内存条故障，更换 16GB 内存", "电池老化鼓包，更换电池"]
PARTS = [("主板", "MB-0231", "1280.00"), ("定影组件", "FU-429", "460.00"), ("电源适配器 65W", "AD-65W", "189.00"),
         ("键盘", "KB-CN-01", "320.00"), ("内存条 16GB DDR5", "MEM-16G", "398.00"), ("电池", "BAT-57WH", "450.00"),
         ("导热硅脂", "TG-7921", "25.00"), ("搓纸轮", "PR-2900", "45.00")]
#: One user per role (two clerks, three technicians), all with DEMO_PASSWORD.
#: ``csdesk --demo`` signs in as the manager, boss.
STAFF = [("admin", "系统管理员", "admin"), ("clerk1", "张丽", "counter"), ("clerk2", "刘芳", "counter"),
         ("tech1", "李强", "technician"), ("tech2", "赵敏", "technician"), ("tech3", "陈志强", "technician"),
         ("boss", "王建国", "manager"), ("biz1", "孙浩然", "business"), ("info1", "周静", "info_manager")]
DEMO_PASSWORD = "demo1234"

#: The job paths the demo walks: the states every job ends up in.
PATHS = {
    "received": [],
    "diagnosing": ["start_diagnosis"],
    "waiting_parts": ["start_diagnosis", "wait_parts"],
    "repairing": ["start_diagnosis", "start_repair"],
    "repaired": ["start_diagnosis", "start_repair", "finish_repair"],
    "ready": ["start_diagnosis", "start_repair", "finish_repair", "mark_ready"],
    "delivered": ["start_diagnosis", "start_repair", "finish_repair", "mark_ready", "@release"],
    "returned": ["start_diagnosis", "give_up", "@release"],
    "cancelled": ["@cancel"],
}


@dataclass
class DemoSummary:
    customers: int
    units: int
    jobs: int
    agreements: int


def person_name(rnd: random.Random) -> str:
    return rnd.choice(SURNAMES) + "".join(rnd.choice(GIVEN) for _ in range(rnd.choice((1, 2))))


def company_name(rnd: random.Random) -> tuple[str, str, str]:
    city, district = rnd.choice(CITIES)
    suffix, category = rnd.choice(COMPANY_KINDS)
    return f"{city}{district.rstrip('区')}{rnd.choice(COMPANY_WORDS)}{suffix}", category, f"{city}市{district}"


def phone(rnd: random.Random) -> str:
    return "1" + rnd.choice("3578") + "".join(rnd.choice("0123456789") for _ in range(9))


class NotADemoDatabase(CsdeskError):
    """Demo data was to go into a database the demo did not make."""

    code = "not_demo"


def claim_database() -> bool:
    """Make sure demo data may go into the open database: one the demo made
    (marked, :func:`app.domain.bootstrap.is_demo_database`) -> False; a new,
    empty one -> marked as a demo now -> True. Any other database (a real
    one, even without jobs yet) is refused with :class:`NotADemoDatabase`:
    demo data with published passwords, and ``--demo`` signing in without
    one, never touch a real database."""
    if bootstrap.is_demo_database():
        return False
    from app.domain.backup import transfer

    held = transfer.occupied(database.obj)
    if held:
        raise NotADemoDatabase(tx(
            "This database is not a demo database: it holds data ({tables}). Demo data goes only into a new, "
            "empty database, which is then marked as a demo, or into a database the demo made. Give --demo a "
            "new empty database, or leave --database out to use the demo's own file.",
            tables=", ".join(f"{name} {n}" for name, n in sorted(held.items())[:4])))
    bootstrap.mark_demo()
    return True


def ensure_staff() -> dict[str, User]:
    """The demo's users, each with :data:`DEMO_PASSWORD` (also given to a
    password-less user of an older demo database), in a demo database
    (:func:`claim_database`: an empty one is marked, a real one refused)."""
    claim_database()
    digest = auth.hash_password(DEMO_PASSWORD)  # one hash for all: demo data, not security
    out = {}
    with write_transaction():
        for username, name, role in STAFF:
            u = User.get_or_none(User.username == username) or users.create_user(username, name, role)
            if not u.password_hash:
                User.update(password_hash=digest).where(User.id == u.id).execute()
            out[username] = u
    return out


def random_customer(rnd: random.Random, company_share: float) -> tuple[str, str, str, str]:
    """(name, phone, category, address) of a sample company or person."""
    if rnd.random() < company_share:
        name, category, region = company_name(rnd)
    else:
        name, category, region = person_name(rnd), "end_user", "".join(rnd.choice(CITIES))
    ph = phone(rnd)
    return name, ph, category, f"{region}{rnd.choice(STREETS)}{rnd.randint(1, 300)}号"


def bulk_customers(n: int, rnd: random.Random, start: int) -> None:
    """Insert ``n`` customers fast (benchmarks): codes CU-2000-nnnnnn are
    outside the live series so they never collide with issued codes."""
    rows = []
    for i in range(n):
        name, ph, category, address = random_customer(rnd, company_share=0.4)
        code = f"CU-2000-{start + i:06d}"
        rows.append(dict(code=code, name=name, phone=ph, category=category, address=address,
                         search_text=customers.search_text_for(code, name, ph)))
    with database.atomic():
        for k in range(0, len(rows), 500):
            Customer.insert_many(rows[k:k + 500]).execute()


def fill(customers_n: int = 40, jobs_n: int = 60, extra_customers: int = 0, seed: int = 2026,
         today: dt.date | None = None) -> DemoSummary:
    """Fill the open database with sample data (adds to what is there)."""
    rnd = random.Random(seed)
    today = today or dt.date.today()
    staff = ensure_staff()
    clerks = [staff["clerk1"], staff["clerk2"]]
    techs = [staff["tech1"], staff["tech2"], staff["tech3"]]
    made = []
    for _ in range(customers_n):
        name, ph, category, address = random_customer(rnd, company_share=0.6)
        made.append(customers.create_customer(name, ph, category, address, user=None))
    prods = [products.get_or_create_product(m, n, w, b) for m, n, b, w in PRODUCTS]
    units = []
    for i, c in enumerate(made):
        for _ in range(rnd.choice((1, 1, 2, 3))):
            serial = f"{rnd.choice('ABCDEFGHJKLMNPRSTUVWXYZ')}{rnd.randint(10, 99)}{rnd.randint(100000, 999999)}"
            if Unit.select().where(Unit.serial == serial).exists():
                continue
            sale = today - dt.timedelta(days=rnd.randint(20, 1400))
            units.append(products.register_unit(serial, rnd.choice(prods), c, sale))
    agreements = 0
    for c in made[: max(1, len(made) // 6)]:
        owned = [u for u in units if u.owner_id == c.id]
        if owned:
            products.create_agreement(c, owned, today - dt.timedelta(days=200), today + dt.timedelta(days=165),
                                      "全年上门及送修服务，含人工费，配件按成本价八折。",
                                      covers_parts=False, covers_labour=True, user=None)
            agreements += 1
    states = list(PATHS)
    weights = [6, 5, 3, 5, 3, 6, 14, 2, 1]
    jobs_done = 0
    busy: set[int] = set()
    attempts = 0
    while jobs_done < jobs_n and attempts < jobs_n * 5:
        attempts += 1
        unit = rnd.choice(units)
        target = rnd.choices(states, weights)[0]
        if target not in ("delivered", "returned", "cancelled"):
            if unit.id in busy:
                continue
            busy.add(unit.id)
        elif unit.id in busy:
            continue
        # Open jobs are mostly recent (a few run late); closed ones span the year.
        days_ago = (rnd.choice((0, 0, 1, 1, 2, 2, 3, 4, 5, 6, 9, 12)) if target not in ("delivered", "returned")
                    else rnd.randint(5, 300))
        at = dt.datetime.combine(today - dt.timedelta(days=days_ago), dt.time(9, 0)) + \
            dt.timedelta(minutes=rnd.randint(0, 8 * 60))
        at = min(at, dt.datetime.now().replace(microsecond=0) - dt.timedelta(minutes=30))
        form = intake.IntakeForm(customer_id=unit.owner_id, serial=unit.serial, fault=rnd.choice(FAULTS),
                                 items=rnd.choice(ITEM_SETS), condition=rnd.choice(CONDITIONS),
                                 promised_date=at.date() + dt.timedelta(days=rnd.choice((3, 5, 7, 7, 10))),
                                 received_at=at)
        set_clock(at)
        try:
            res = intake.take_in(form, rnd.choice(clerks))
            job = res.job
            _walk(job, res, PATHS[target], rnd, at, clerks, rnd.choice(techs))
        finally:
            set_clock(None)
        jobs_done += 1
    if customers_n:
        from app.demo.archive import fill_archive

        fill_archive(rnd, staff)   # regions, credit, contacts, responsible staff, prospects, requests
        from app.demo import gifts, surveys, visits

        # Field service (brief §3): plans and visits, activities and gifts, surveys.
        visits.fill(rnd, staff, today)
        gifts.fill(rnd, staff, today)
        surveys.fill(rnd, staff, today)
        from app.demo import contacts

        contacts.fill(rnd, staff, today)   # the contact register (客服登记本, §4.2)
        from app.demo import complaints

        complaints.fill(rnd, staff, today)   # complaints (用户投诉, §1)
    if extra_customers:
        bulk_customers(extra_customers, rnd, start=Customer.select().count() + 1)
    return DemoSummary(customers=Customer.select().count(), units=Unit.select().count(),
                       jobs=Job.select().count(), agreements=agreements)


def _walk(job, res, steps, rnd, at, clerks, tech):
    """Take ``job`` along ``steps``, the clock moving on a few hours a step."""
    limit = min(dt.datetime.now(), at + dt.timedelta(days=10))
    for step in steps:
        at = min(limit, at + dt.timedelta(hours=rnd.randint(1, 20)))
        set_clock(at)
        if step == "@release":
            job = release.release(job.id, res.receipt.number, job.customer.name, rnd.choice(clerks), None,
                                  release.Payment(amount=str(_due(job)), method="cash" if _due(job) else ""))
        elif step == "@cancel":
            job = release.cancel_job(job.id, rnd.choice(clerks), None, "客户当场取消送修，登记作废")
        elif step == "give_up":
            job = jobs.perform(job.id, step, tech, None, "客户不同意报价，原样退回")
        else:
            job = jobs.perform(job.id, step, tech, None)
            if step == "start_diagnosis":
                job = jobs.set_diagnosis(job.id, rnd.choice(DIAGNOSES), tech, None, tech.id)
            if step == "start_repair":
                desc, no, price = rnd.choice(PARTS)
                job = jobs.add_part(job.id, desc, 1, price, tech, None, part_no=no)
                job = jobs.add_labour(job.id, rnd.choice(("0.5", "1", "1.5", "2")), "80", tech, None,
                                      work_date=at.date())
    return job


def _due(job: Job):
    from app.domain.counter.charges import compute

    return compute(Job.get_by_id(job.id)).due
