"""The books at scale: one database filled with 1 000 000 register rows and
300 000 jobs, for ``tools/benchmark.py --only scale``.

The rows go in by bulk inserts (the DB-API's executemany / execute_values,
not the services): the services would take hours and the benchmark times
reading, not writing. What the rows look like:

* 60 000 customers (the demo's names, phones and search text); five big
  accounts (a school board, a bank...) own thousands of units and have
  2 000-8 000 jobs each; a long tail has one or two.
* 200 000 units of 40 products; 120 "lemons" (a rental fleet's printers)
  with 100-400 jobs each, so a scan at the intake meets long histories.
* 300 000 jobs over ten years, every state: ~97 % closed (delivered,
  returned, cancelled), the rest open, mostly recent, a few stuck for
  months; technicians, promised dates (some overdue), service kinds.
* the register: the "in" row of every job, the "out" row of every job
  handed back, a void correction for every cancelled job, person
  corrections (~1 %), and out/in pairs for units sent to the maker and back
  (送厂维修), as many as it takes to reach the register size.

A marker row in csdesk_meta (``scale_fill``) records the sizes: a second
run on the same database reuses it.
"""
from __future__ import annotations

import datetime as dt
import random
import time
from collections import defaultdict

MARKER = "scale_fill"
CUSTOMERS = 60_000
UNITS = 200_000
BIG_CUSTOMERS = 5
LEMONS = 120
YEARS = 10


def marker_value(jobs: int, register_rows: int) -> str:
    return f"v2 customers={CUSTOMERS} units={UNITS} jobs={jobs} register={register_rows}"


def _insert(table: str, columns: list[str], rows: list[tuple], batch: int = 5000) -> None:
    """Straight through the driver: executemany (SQLite, MariaDB) or
    execute_values (PostgreSQL)."""
    from app.domain.core.db import database, is_mysql, is_postgres

    db = database.obj
    cols = ", ".join(f"{db.quote[0]}{c}{db.quote[-1]}" for c in columns)
    qt = f"{db.quote[0]}{table}{db.quote[-1]}"
    cur = db.connection().cursor()
    if is_postgres():
        from psycopg2.extras import execute_values

        for k in range(0, len(rows), batch):
            execute_values(cur, f"INSERT INTO {qt} ({cols}) VALUES %s", rows[k:k + batch], page_size=batch)
        return
    mark = "%s" if is_mysql() else "?"
    sql = f"INSERT INTO {qt} ({cols}) VALUES ({', '.join([mark] * len(columns))})"
    for k in range(0, len(rows), batch):
        cur.executemany(sql, rows[k:k + batch])


def _defaults(model, given: dict) -> tuple[list[str], tuple]:
    """The model's columns in order, with each field's default for the
    columns ``given`` does not name (callables called once)."""
    names, values = [], []
    for f in model._meta.sorted_fields:
        if f.name == "id":
            continue
        names.append(f.column_name)
        if f.name in given:
            values.append(given[f.name])
        else:
            d = f.default() if callable(f.default) else f.default
            if isinstance(d, dt.datetime):
                d = d.replace(microsecond=0)
            values.append(d)
    return names, tuple(values)


class _Rows:
    """Rows of one table as tuples in the model's column order."""

    def __init__(self, model, **fixed):
        self.model = model
        self.fixed = fixed
        self.rows: list[tuple] = []
        self._cols: list[str] | None = None
        self._slots: list[int] = []

    def add(self, **values) -> None:
        if self._cols is None:
            self._keys = list(values)
            self._cols, template = _defaults(self.model, {**self.fixed, **values})
            self._template = list(template)
            fields = {f.name: f.column_name for f in self.model._meta.sorted_fields}
            self._slots = [self._cols.index(fields[k]) for k in self._keys]
        row = self._template[:]
        for slot, key in zip(self._slots, self._keys):
            row[slot] = _plain(values[key])
        self.rows.append(tuple(row))

    def write(self) -> None:
        if self.rows:
            _insert(self.model._meta.table_name, self._cols, [tuple(_plain(v) for v in r) for r in self.rows])


def _plain(v):
    # Dates as text: every driver takes them, and SQLite stores what peewee would.
    if isinstance(v, dt.datetime):
        return v.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(v, dt.date):
        return v.isoformat()
    return v


def fill(jobs_n: int = 300_000, register_n: int = 1_000_000, seed: int = 9, log=print) -> None:
    """Fill the open (empty, migrated) database."""
    from app import demo
    from app.domain.core.db import database
    from app.domain.core.models import DocumentSeries, Meta
    from app.domain.counter import register_totals
    from app.domain.counter.models import Agreement, Job, Product, RegisterEntry, Unit
    from app.domain.customers import customers as cust
    from app.domain.customers.models import Customer

    rnd = random.Random(seed)
    t0 = time.perf_counter()
    today = dt.date.today()
    now = dt.datetime.combine(today, dt.time(9, 0))
    start = now - dt.timedelta(days=365 * YEARS)
    staff = demo.ensure_staff()
    clerks = [staff["clerk1"].id, staff["clerk2"].id]
    techs = [staff["tech1"].id, staff["tech2"].id, staff["tech3"].id]
    prods = [demo.products.get_or_create_product(m, n, w, b) for m, n, b, w in demo.PRODUCTS]
    for i in range(40 - len(prods)):
        prods.append(Product.create(model=f"SC-{i:03d}", name=f"扫描仪 {i:03d}", brand="富士通", warranty_months=12))
    prod_names = {p.id: f"{p.name} {p.model}".strip() for p in prods}
    prod_ids = [p.id for p in prods]

    # -- customers -------------------------------------------------------------------
    big_names = ["北京市海淀区教育委员会", "中国工商银行北京分行", "上海浦东国际机场", "广州地铁集团有限公司",
                 "深圳南山科技园管理中心"]
    names = []
    rows = _Rows(Customer)
    for i in range(CUSTOMERS):
        if i < BIG_CUSTOMERS:
            name, ph, category, address = big_names[i], f"010-6288{i:04d}", "dealer", "北京市海淀区"
        else:
            name, ph, category, address = demo.random_customer(rnd, company_share=0.4)
        code = f"CU-2000-{i + 1:06d}"
        names.append(name)
        rows.add(code=code, name=name, phone=ph, category=category, address=address,
                 search_text=cust.search_text_for(code, name, ph), created_at=start)
    with database.atomic():
        rows.write()
    cust_ids = [c for (c,) in Customer.select(Customer.id).order_by(Customer.id).tuples()]
    name_of = dict(zip(cust_ids, names))
    log(f"  customers {len(cust_ids)} ({time.perf_counter() - t0:.0f} s)")

    # -- units: the big customers own thousands each -----------------------------------------
    owners = []
    rest = CUSTOMERS - BIG_CUSTOMERS
    for i in range(UNITS):
        r = rnd.random()
        if r < 0.06:
            owners.append(cust_ids[rnd.randrange(BIG_CUSTOMERS)])        # ~2 400 units each
        elif r < 0.40:   # a 1/k tail: a few hundred units for the first dealers, one for most
            owners.append(cust_ids[BIG_CUSTOMERS + int(rest ** rnd.random()) - 1])
        else:
            owners.append(cust_ids[BIG_CUSTOMERS + rnd.randrange(rest)])
    rows = _Rows(Unit)
    serials = []
    for i, owner in enumerate(owners):
        serial = f"{'ABCDEFGHJKLMNPRSTUVWXYZ'[i % 23]}{rnd.randint(10, 99)}{i:07d}"
        serials.append(serial)
        rows.add(serial=serial, product=rnd.choice(prod_ids), owner=owner,
                 sale_date=(start + dt.timedelta(days=rnd.randint(0, 365 * YEARS))).date(), created_at=start)
    with database.atomic():
        rows.write()
    unit_rows = list(Unit.select(Unit.id, Unit.product, Unit.owner).order_by(Unit.id).tuples())
    log(f"  units {len(unit_rows)} ({time.perf_counter() - t0:.0f} s)")

    # -- agreements of the big customers and some others -----------------------------------
    rows = _Rows(Agreement)
    agreement_owners = cust_ids[:BIG_CUSTOMERS] + rnd.sample(cust_ids[BIG_CUSTOMERS:], 2000)
    for k, c in enumerate(agreement_owners):
        for y in range(YEARS if k < BIG_CUSTOMERS else 1):
            s = (start + dt.timedelta(days=365 * y + rnd.randint(0, 30))).date()
            rows.add(number=f"XY-{s.year}-{k * YEARS + y + 1:06d}", customer=c, start_date=s,
                     end_date=s + dt.timedelta(days=364), terms="全年上门及送修服务，含人工费。")
    with database.atomic():
        rows.write()

    # -- jobs ------------------------------------------------------------------------------
    lemons = set(rnd.sample(range(len(unit_rows)), LEMONS))
    lemon_list = sorted(lemons)
    by_owner = defaultdict(list)
    for idx, (_uid, _pid, owner) in enumerate(unit_rows):
        by_owner[owner].append(idx)
    big_units = [idx for c in cust_ids[:BIG_CUSTOMERS] for idx in by_owner[c]]
    closed_states = ["delivered"] * 90 + ["returned"] * 6 + ["cancelled"] * 4
    open_states = ["received", "diagnosing", "waiting_parts", "repairing", "repaired", "ready"]
    span = (now - start).total_seconds()
    specs = []
    for j in range(jobs_n):
        r = rnd.random()
        if r < 0.10:
            idx = rnd.choice(lemon_list)           # the fleets' long histories
        elif r < 0.25:
            idx = rnd.choice(big_units)
        else:
            idx = rnd.randrange(len(unit_rows))
        received = start + dt.timedelta(seconds=int(span * (j + rnd.random()) / jobs_n))
        age = (now - received).days
        if age <= 20 and rnd.random() < 0.75:
            state = rnd.choice(open_states)
        elif rnd.random() < 0.004:
            state = rnd.choice(["waiting_parts", "diagnosing", "repairing"])   # stuck for months
        else:
            state = rnd.choice(closed_states)
        specs.append((idx, received, state))
    rows = _Rows(Job, condition="外观完好", computed_kind="paid", version=1)
    reg_plan = []           # (at, direction, job_no, unit_idx, person, note, corrects_offset)
    year_seq = defaultdict(int)
    for j, (idx, received, state) in enumerate(specs):
        uid, pid, owner = unit_rows[idx]
        year_seq[("WX", received.year)] += 1
        number = f"WX-{received.year}-{year_seq[('WX', received.year)]:06d}"
        closed = state in ("delivered", "returned", "cancelled")
        delivered = received + dt.timedelta(days=rnd.randint(1, 20), hours=rnd.randint(0, 6)) if closed else None
        if delivered and delivered > now:
            delivered = now
        promised = (received + dt.timedelta(days=rnd.choice((3, 5, 7, 10)))).date()
        kind = rnd.choices(("free", "contract", "paid"), (5, 2, 3))[0]
        rows.add(number=number, unit=uid, customer=owner, fault=rnd.choice(("开机无显示", "卡纸", "无法充电", "异响",
                                                                        "屏幕闪烁", "打印模糊", "无法联网")),
                 received_by=rnd.choice(clerks), received_at=received, promised_date=promised,
                 service_kind=kind, computed_kind=kind, state=state,
                 outcome="unrepaired" if state == "returned" else ("repaired" if state == "delivered" else ""),
                 technician=None if state == "received" or (closed and state == "cancelled") else rnd.choice(techs),
                 delivered_at=delivered if state in ("delivered", "returned") else None,
                 collected_by=name_of[owner][:100] if state in ("delivered", "returned") else "",
                 updated_at=delivered or received)
        person = name_of[owner][:100]
        reg_plan.append((received, "in", j, idx, person, ""))
        if state in ("delivered", "returned"):
            reg_plan.append((delivered, "out", j, idx, person, ""))
        elif state == "cancelled":
            reg_plan.append((received + dt.timedelta(minutes=20), "void", j, idx, person, "维修单作废：录入错误"))
    with database.atomic():
        rows.write()
    job_ids = [i for (i,) in Job.select(Job.id).order_by(Job.id).tuples()]
    log(f"  jobs {len(job_ids)} ({time.perf_counter() - t0:.0f} s)")

    # -- the register: trips to the maker fill it up to its size; ~1 % person corrections -----
    corrections = int(register_n * 0.01)
    while len(reg_plan) + corrections < register_n - 1:
        j = rnd.randrange(len(specs))
        idx, received, state = specs[j]
        away = received + dt.timedelta(days=1, hours=rnd.randint(0, 8))
        if away > now or state == "cancelled":
            continue
        back = min(now, away + dt.timedelta(days=rnd.randint(3, 15)))
        reg_plan.append((away, "out", j, idx, "顺丰快递（送厂维修）", "送厂维修"))
        reg_plan.append((back, "in", j, idx, "顺丰快递（厂家返回）", "厂家修复返回"))
    reg_plan.sort(key=lambda r: r[0])
    # Corrections: a later row naming the right person, pointing at an earlier row.
    if len(reg_plan) + corrections < register_n:     # an odd size: one more person correction
        corrections += 1
    # (not a cancelled job's rows: its "in" row is voided)
    eligible = [k for k, r in enumerate(reg_plan) if r[1] != "void" and specs[r[2]][2] != "cancelled"]
    correct_at = sorted(rnd.sample(eligible, min(corrections, len(eligible))))
    rows = _Rows(RegisterEntry, items="主机、电源线", note="")
    plan = []
    for pos, (at, direction, j, idx, person, note) in enumerate(reg_plan):
        plan.append((at, direction, j, idx, person, note, None))
    for pos in correct_at:
        at, direction, j, idx, person, note, _c = plan[pos]
        if direction == "void" or specs[j][2] == "cancelled":    # a cancelled job's "in" row is voided
            continue
        plan.append((min(now, at + dt.timedelta(minutes=rnd.randint(5, 600))), direction, j, idx, person + "（代）",
                     "登记的经手人有误", pos))
    order = sorted(range(len(plan)), key=lambda k: plan[k][0])
    id_of = {k: n + 1 for n, k in enumerate(order)}       # ids follow time, as the counter writes them
    in_row_of_job = {}
    for k in order:
        at, direction, j, idx, person, note, corrects = plan[k]
        if direction == "in" and corrects is None and j not in in_row_of_job:
            in_row_of_job[j] = k
    seq = defaultdict(int)
    for k in order:
        at, direction, j, idx, person, note, corrects = plan[k]
        uid, pid, owner = unit_rows[idx]
        seq[at.year] += 1
        if direction == "void":
            corrects = in_row_of_job.get(j)
        rows.add(number=f"JC-{at.year}-{seq[at.year]:06d}", at=at, direction=direction, job=job_ids[j], unit=uid,
                 customer=owner, serial=serials[idx], product=prod_names[pid], customer_name=name_of[owner],
                 person=person, user=rnd.choice(clerks), note=note,
                 corrects=id_of[corrects] if corrects is not None else None)
    base = RegisterEntry.select(RegisterEntry.id).order_by(RegisterEntry.id.desc()).scalar() or 0
    if base:
        raise RuntimeError("the register must be empty before the fill")
    with database.atomic():
        rows.write()
        # The number series go on after the filled numbers.
        for (kind, year), n in list(year_seq.items()) + [(("JC", y), n) for y, n in seq.items()]:
            DocumentSeries.delete().where((DocumentSeries.kind == kind) & (DocumentSeries.year == year)).execute()
            DocumentSeries.insert(kind=kind, year=year, last_number=n).execute()
    log(f"  register {len(rows.rows)} rows ({time.perf_counter() - t0:.0f} s)")
    with database.atomic():
        register_totals.recompute()
        Meta.insert(key=MARKER, value=marker_value(jobs_n, register_n)).execute()
    log(f"  totals recomputed ({time.perf_counter() - t0:.0f} s)")
