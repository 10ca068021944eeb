"""csdesk benchmarks: the figures quoted in the README come from here.

    .venv/bin/python tools/benchmark.py                 # all, on a temporary SQLite file
    .venv/bin/python tools/benchmark.py --database URL  # search/save on another backend
    .venv/bin/python tools/benchmark.py --only startup
    .venv/bin/python tools/benchmark.py --only scale [--database URL]   # the books at scale (issue 9)

Goals (issue #2): cold start to a usable window < 1 s; Save & print (job,
register row, receipt and cards ready to print) < 200 ms; customer search
as you type < 50 ms a keystroke with 100 000 customers.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))


def fmt(xs: list[float]) -> str:
    xs = sorted(xs)
    p95 = xs[min(len(xs) - 1, int(round(0.95 * (len(xs) - 1))))]
    return f"median {statistics.median(xs):7.1f} ms   p95 {p95:7.1f} ms   max {xs[-1]:7.1f} ms   (n={len(xs)})"


def prepare(url: str, customers: int) -> None:
    from app import demo
    from app.domain import bootstrap
    from app.domain.customers.models import Customer

    bootstrap.open_database(url)
    have = Customer.select().count()
    if have < 40:
        demo.fill(customers_n=40, jobs_n=80)
    have = Customer.select().count()
    if have < customers:
        t = time.perf_counter()
        import random

        demo.bulk_customers(customers - have, random.Random(7), start=have + 1)
        print(f"  (inserted {customers - have} customers in {time.perf_counter() - t:.1f} s)")


def bench_search(url: str, customers: int) -> None:
    from app.domain.customers import customers as cust

    prepare(url, customers)
    print(f"customer search as you type, {customers} customers:")
    words = ["bjhd", "北京海淀", "13812", "王", "CU-2000-0999", "xyzq"]
    for word in words:
        times = []
        for _ in range(5):
            for k in range(1, len(word) + 1):  # one search per keystroke
                t = time.perf_counter()
                cust.search(word[:k])
                times.append((time.perf_counter() - t) * 1000)
        print(f"  {word!r:16} {fmt(times)}")


def _archive_columns() -> None:
    """Give bulk customers a region, credit rating and status (bulk_customers
    leaves them empty) so the overview's filters have something to filter."""
    import peewee as pw

    from app.domain.customers.models import Customer

    if Customer.select().where(Customer.region != "").limit(1000).count() >= 1000:
        return
    regions = ["北京市海淀区", "北京市朝阳区", "上海市浦东新区", "广州市天河区", "深圳市南山区", "杭州市西湖区", "成都市武侯区"]
    t = time.perf_counter()
    from app.domain.core.db import is_sqlite

    def mod(n):  # id % n; SQLite has no MOD() unless built with its math functions
        return Customer.id % n if is_sqlite() else pw.fn.MOD(Customer.id, n)

    Customer.update(region=pw.Case(mod(len(regions)), list(enumerate(regions)), ""),
                    credit_rating=pw.Case(mod(5), [(0, "A"), (1, "B"), (2, "B"), (3, "C")], ""),
                    status=pw.Case(mod(50), [(0, "suspended"), (1, "closed")], "active")).execute()
    print(f"  (archive columns filled in {time.perf_counter() - t:.1f} s)")


def bench_overview(url: str, customers: int) -> None:
    """The overview table (用户情况一览表): open (query + first page + capped
    count), a filter, a sort on an unindexed column, and search as you type."""
    from app.domain.customers import archive

    prepare(url, customers)
    _archive_columns()
    print(f"overview table, {customers} customers (first page of {100} rows):")

    def timed(fn, runs=5):
        out = []
        for _ in range(runs):
            t = time.perf_counter()
            fn()
            out.append((time.perf_counter() - t) * 1000)
        return out

    F = archive.OverviewFilter
    cases = {
        "open (code order)": lambda: archive.overview(None, F()).page(0),
        "  + count (cap 10000)": lambda: archive.overview(None, F()).count(cap=10_000),
        "scroll to row 5000": lambda: archive.overview(None, F()).page(5000),
        "sorted by name": lambda: archive.overview(None, F(), sort="name").page(0),
        "region + credit A": lambda: archive.overview(None, F(region="上海市浦东新区", credit_rating="A")).page(0),
    }
    for label, fn in cases.items():
        print(f"  {label:24} {fmt(timed(fn))}")
    for sort in ("code", "name"):
        for word in ["bjhd", "北京海淀", "13812", "王", "CU-2000-0999", "xyzq", "𠮷"]:
            times = []
            for _ in range(3):
                for k in range(1, len(word) + 1):
                    # What the table does per keystroke: a new query, its
                    # first page and the count for the status bar.
                    times += timed(lambda: _keystroke(archive.overview(None, F(text=word[:k]), sort=sort)),
                                   runs=1)
            print(f"  search {word!r:14} by {sort:4} {fmt(times)}")


def _keystroke(q) -> None:
    q.page(0)
    q.counted(10_000)


def bench_save_print(url: str, n: int = 30) -> None:
    from app.domain.core.models import User
    from app.domain.counter import intake, printouts
    from app.domain.customers.models import Customer

    prepare(url, 0)
    user = User.get(User.role == "counter")  # intake is the counter's right
    customer = Customer.select().first()
    opts = printouts.PrintOptions()
    printouts.font_warning(opts)  # font registered once per process, as in the app
    times, parts = [], {"save": [], "receipt": [], "cards": []}
    stamp = int(time.time())
    for i in range(n):
        form = intake.IntakeForm(customer_id=customer.id, serial=f"BENCH{stamp}{i:04d}", fault="开机无显示",
                                 items=["主机", "电源适配器", "电脑包"], condition="外观完好",
                                 product_model="TP-X1C-G11", product_name="ThinkPad X1 Carbon")
        t0 = time.perf_counter()
        job = intake.take_in(form, user).job
        t1 = time.perf_counter()
        printouts.render("receipt", job, opts)
        t2 = time.perf_counter()
        printouts.render("cards", job, opts)
        t3 = time.perf_counter()
        times.append((t3 - t0) * 1000)
        parts["save"].append((t1 - t0) * 1000)
        parts["receipt"].append((t2 - t1) * 1000)
        parts["cards"].append((t3 - t2) * 1000)
    print("Save & print (job + register row + receipt PDF + 3 repair cards PDF):")
    print(f"  total          {fmt(times)}")
    for k, v in parts.items():
        print(f"    {k:12} {fmt(v)}")


def bench_startup(url: str, runs: int = 5) -> None:
    """Wall time from launching `python -m app` to the main window shown
    and the event loop idle (the app exits itself when CSDESK_BENCH_STARTUP=1).

    Nobody types a password here: on a demo database (prepare() fills one)
    CSDESK_BENCH_STARTUP signs in as the demo's manager, as ``--demo`` does."""
    # A settings folder of its own (window layout, language: a fresh station).
    config = Path(tempfile.mkdtemp(prefix="csdesk-bench-config-"))
    env = dict(os.environ, CSDESK_BENCH_STARTUP="1", XDG_CONFIG_HOME=str(config),
               QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "app", "--database", url], env=env, cwd=ROOT,
                              capture_output=True, text=True, timeout=60)
        elapsed = (time.perf_counter() - t) * 1000
        if proc.returncode != 0 or "window shown" not in proc.stdout:
            print("  startup run failed:", proc.stdout[-500:], proc.stderr[-1500:])
            return
        times.append(elapsed)
    print(f"cold start to a usable window ({env['QT_QPA_PLATFORM']}):")
    print(f"  {fmt(times)}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--database", help="database URL (default: a temporary SQLite file)")
    ap.add_argument("--customers", type=int, default=100_000)
    ap.add_argument("--only", choices=["search", "overview", "save", "startup", "scale"])
    ap.add_argument("--jobs", type=int, default=300_000, help="scale: jobs to fill")
    ap.add_argument("--register-rows", type=int, default=1_000_000, help="scale: register rows to fill")
    ap.add_argument("--rounds", type=int, default=15, help="scale: interleaved rounds")
    ap.add_argument("--fill-only", action="store_true", help="scale: fill the database and stop")
    args = ap.parse_args()
    if args.only == "scale":
        import scale_bench

        url = scale_bench.scale_url(args.database)
        print(f"database: {url.split('@')[-1]}")
        scale_bench.prepare(url, args.jobs, args.register_rows)
        if not args.fill_only:
            scale_bench.run(args.rounds)
        # Past this point the interpreter's teardown of the Qt widgets and the driver's
        # connection can crash (a refcount error in a C extension): nothing is left to do.
        sys.stdout.flush()
        os._exit(0)
    tmp = tempfile.mkdtemp(prefix="csdesk-bench-")
    url = args.database or "sqlite:///" + str(Path(tmp) / "bench.sqlite3")
    print(f"database: {url.split('@')[-1]}")
    if args.only in (None, "search"):
        bench_search(url, args.customers)
    if args.only in (None, "overview"):
        bench_overview(url, args.customers)
    if args.only in (None, "save"):
        bench_save_print(url)
    if args.only in (None, "startup"):
        from app.domain.core import db

        db.close()
        prepare(url, 0)
        db.close()
        bench_startup(url)
    return 0


if __name__ == "__main__":
    sys.exit(main())
