"""``tools/benchmark.py --only scale``: every interaction a clerk makes in
the register, the queue, a customer's page and a unit's history, timed as
the screens do it, beside the raw SQL a careful engineer would write for
the same result (tools/scale_fill.py fills the database once).

Each interaction runs through the same domain functions and Qt models the
screens call (a model's load, its first screenful of cells, its capped
count...). The baseline gives the same rows and figures in as few
hand-written statements as it can, straight through the driver. Both run
interleaved, app then baseline, round after round, so a busy moment of
the machine hits both alike: their ratio holds where the milliseconds do not.
"""
from __future__ import annotations

import datetime as dt
import os
import statistics
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

SCALE_DB = "csdesk_scale"


def scale_url(url: str | None) -> str:
    """The database the scale run fills and reuses: a cached SQLite file, or
    the ``csdesk_scale`` database on the server ``url`` names (created
    there, never the server's own postgres/test database)."""
    if not url:
        cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "csdesk-bench"
        cache.mkdir(parents=True, exist_ok=True)
        return "sqlite:///" + str(cache / "scale.sqlite3")
    from app.domain.core.db import backend_of

    if backend_of(url) == "sqlite":
        return url
    p = urlparse(url)
    return urlunparse(p._replace(path="/" + SCALE_DB))


def _create_server_db(url: str) -> None:
    from app.domain.core.db import backend_of

    p = urlparse(url)
    if backend_of(url) == "postgresql":
        import psycopg2

        conn = psycopg2.connect(host=p.hostname, port=p.port or 5432, user=p.username or "postgres",
                                password=p.password or None, dbname="postgres")
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", (SCALE_DB,))
            if cur.fetchone() is None:
                cur.execute(f'CREATE DATABASE "{SCALE_DB}" ENCODING \'UTF8\' TEMPLATE template0')
        conn.close()
    elif backend_of(url) == "mysql":
        import pymysql

        conn = pymysql.connect(host=p.hostname, port=p.port or 3306, user=p.username or "root",
                               password=p.password or "", autocommit=True)
        with conn.cursor() as cur:
            cur.execute(f"CREATE DATABASE IF NOT EXISTS `{SCALE_DB}` CHARACTER SET utf8mb4 "
                        "COLLATE utf8mb4_unicode_ci")
        conn.close()


def prepare(url: str, jobs: int, register_rows: int) -> None:
    """Open the scale database, filling it on the first run."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import scale_fill

    from app.domain import bootstrap
    from app.domain.core.db import database, is_mysql, is_postgres
    from app.domain.core.models import Meta

    _create_server_db(url)
    bootstrap.open_database(url, backup=False)
    have = Meta.select(Meta.value).where(Meta.key == scale_fill.MARKER).scalar()
    want = scale_fill.marker_value(jobs, register_rows)
    if have == want:
        print(f"  (reusing the filled database: {have})")
        from app.domain.counter import indexes

        indexes.create(database.obj)     # an index added to the schema since the fill
        return
    if have is not None:
        raise SystemExit(f"{url} holds another fill ({have}); drop it first")
    t = time.perf_counter()
    print(f"  filling {register_rows} register rows and {jobs} jobs (once)...")
    scale_fill.fill(jobs, register_rows, log=lambda m: print(m, flush=True))
    # Fresh statistics, as the servers' own background runs would soon make them.
    if is_postgres():
        database.obj.close()
        database.obj.connect()
        conn = database.obj.connection()
        conn.autocommit = True
        conn.cursor().execute("VACUUM ANALYZE")
        conn.autocommit = False
    elif is_mysql():
        for table in ("customer", "unit", "job", "register_entry", "register_day_total"):
            database.execute_sql(f"ANALYZE TABLE `{table}`").fetchall()
    print(f"  filled in {time.perf_counter() - t:.0f} s")


# -- the interactions --------------------------------------------------------------------------
SCREEN = 30        # rows a table shows at once


def _screen(model, first: int = 0) -> None:
    """What the view asks for to paint one screenful of rows."""
    from app.ui.qt import Qt

    roles = (Qt.DisplayRole, Qt.ForegroundRole, Qt.BackgroundRole, Qt.FontRole, Qt.TextAlignmentRole)
    for r in range(first, min(first + SCREEN, model.rowCount())):
        for c in range(model.columnCount()):
            index = model.index(r, c)
            for role in roles:
                model.data(index, role)


class _Raw:
    """Hand-written SQL through the driver: ``%s`` parameters, ``"quoted"`` names."""

    def __init__(self):
        from app.domain.core.db import database, is_mysql, is_sqlite

        self.db = database
        self.sqlite, self.mysql = is_sqlite(), is_mysql()

    def __call__(self, sql: str, *params) -> list:
        if self.sqlite:
            sql = sql.replace("%s", "?")
        elif self.mysql:
            sql = sql.replace('"', "`")
        return self.db.execute_sql(sql, params).fetchall()

    def contains(self, column: str) -> str:
        """A substring test as each backend does it best (the needle is a parameter)."""
        if self.mysql:
            return f"INSTR(CAST({column} AS BINARY), CAST(%s AS BINARY)) > 0"
        return f"{column} LIKE %s"


def _like(raw: _Raw, needle: str) -> str:
    return needle if raw.mysql else f"%{needle}%"


def reg_page(where: str = "", order: str = "r.at DESC, r.id DESC") -> str:
    """A page of register rows with their joins: the keys first, then the
    rows (MariaDB sorts the whole joined register otherwise: 5.8 s)."""
    w = f"WHERE {where}" if where else ""
    return ("SELECT r.*, j.number, u.display_name, c.number, "
            "EXISTS (SELECT 1 FROM register_entry x WHERE x.corrects_id = r.id) "
            f"FROM (SELECT r.id FROM register_entry r {w} ORDER BY {order} LIMIT 200) AS k "
            "JOIN register_entry r ON r.id = k.id JOIN job j ON j.id = r.job_id "
            'LEFT JOIN "user" u ON u.id = r.user_id LEFT JOIN register_entry c ON c.id = r.corrects_id '
            f"ORDER BY {order}")


JOB_PAGE = ('SELECT j.*, cu.*, un.*, p.*, t.id, t.display_name FROM job j JOIN customer cu ON cu.id = j.customer_id '
            'JOIN unit un ON un.id = j.unit_id JOIN product p ON p.id = un.product_id '
            'LEFT JOIN "user" t ON t.id = j.technician_id ')
OPEN = "('received', 'diagnosing', 'waiting_parts', 'repairing', 'repaired', 'ready')"


def _capped(raw, inner: str, *params) -> int:
    return raw(f"SELECT COUNT(*) FROM ({inner} LIMIT 10001) AS t", *params)[0][0]


def run(rounds: int) -> None:
    from app.domain.core.models import User
    from app.domain.counter import queue_queries, register, workshop
    from app.domain.counter.models import Job, Unit
    from app.domain.counter.unit_facts import unit_facts
    from app.domain.customers.models import Customer
    from app.ui.base.context import AppContext
    from app.ui.qt import QApplication, Qt, QTableWidget

    app = QApplication.instance() or QApplication([])
    from app.ui.counter import unit_view
    from app.ui.counter.customer_panel import CustomerCounterPanel
    from app.ui.counter.register_tab import RegisterTab
    from app.ui.counter.repair_tab import RepairCardsTab

    raw = _Raw()
    today = dt.date.today()
    boss = User.get(User.username == "boss")
    tech = User.get(User.username == "tech2")
    ctx = AppContext(boss)
    # The cases: the biggest customer, the longest history, a unit met once, a rare name.
    big = Customer.get_by_id(raw('SELECT customer_id FROM job GROUP BY customer_id ORDER BY COUNT(*) DESC '
                                 'LIMIT 1')[0][0])
    lemon = Unit.get_by_id(raw("SELECT unit_id FROM job GROUP BY unit_id ORDER BY COUNT(*) DESC LIMIT 1")[0][0])
    once = Unit.get_by_id(raw("SELECT unit_id FROM job WHERE id > 150000 GROUP BY unit_id HAVING COUNT(*) = 1 "
                              "ORDER BY unit_id LIMIT 1")[0][0])
    person = Customer.get_by_id(raw("SELECT j.customer_id FROM job j JOIN customer c ON c.id = j.customer_id "
                                    "WHERE j.id > 150000 AND c.category = 'end_user' GROUP BY j.customer_id "
                                    "HAVING COUNT(*) = 2 ORDER BY j.customer_id LIMIT 1")[0][0])
    n_big = Job.select().where(Job.customer == big.id).count()
    n_lemon = Job.select().where(Job.unit == lemon.id).count()
    month = (today.replace(day=1) - dt.timedelta(days=400)).replace(day=1)
    month_end = (month + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    print(f"  big customer: {big.name} ({n_big} jobs); longest history: {lemon.serial} ({n_lemon} jobs); "
          f"rare serial {once.serial}; rare name {person.name}")

    reg = RegisterTab(ctx)
    queue = RepairCardsTab(ctx)
    reg_model, shop_model, q_model = reg.model, reg.shop_model, queue.model

    def reg_view(date_from=None, date_to=None, serial="", customer=""):
        def go():
            reg.ui.serialEdit.blockSignals(True)
            reg.ui.customerEdit.blockSignals(True)
            reg.ui.serialEdit.setText(serial)
            reg.ui.customerEdit.setText(customer)
            reg.ui.serialEdit.blockSignals(False)
            reg.ui.customerEdit.blockSignals(False)
            reg.set_period(date_from, date_to)       # apply_filters: both lists, totals, counts
            _screen(reg_model)
        return go

    def reg_raw(where: str = "", *params, days: tuple = (None, None), search: bool = False):
        """The register's page, its capped count, its totals (the kept day
        totals; over a search, the matching rows, at most 10 001), the
        in-shop page and the open jobs' count."""
        def go():
            w = f"WHERE {where}" if where else ""
            raw(reg_page(where), *params)
            _capped(raw, f"SELECT 1 FROM register_entry r {w}", *params)
            if search:
                raw("SELECT direction, COUNT(*) FROM (SELECT r.direction FROM register_entry r "
                    f"{w} AND NOT EXISTS (SELECT 1 FROM register_entry x WHERE x.corrects_id = r.id) "
                    "LIMIT 10001) AS t GROUP BY direction", *params)
            else:
                cond = [c for c, v in (("day >= %s", days[0]), ("day <= %s", days[1])) if v]
                raw("SELECT direction, SUM(entries) FROM register_day_total "
                    f"{'WHERE ' + ' AND '.join(cond) if cond else ''} GROUP BY direction", *[v for v in days if v])
            raw(JOB_PAGE + f"WHERE j.state IN {OPEN} ORDER BY j.received_at, j.id LIMIT 200")
            raw(f"SELECT state, COUNT(*) FROM job WHERE state IN {OPEN} GROUP BY state")
        return go

    def d(x: dt.date) -> dt.datetime:
        return dt.datetime.combine(x, dt.time.min)

    unit_ids = lambda needle: ([u for (u,) in raw(f"SELECT id FROM unit WHERE {raw.contains('serial')}",  # noqa: E731
                                                   _like(raw, needle))])

    def reg_serial_raw(needle):
        def go():
            ids = unit_ids(needle) or [0]
            marks = ", ".join(["%s"] * len(ids))
            reg_raw(f"r.unit_id IN ({marks})", *ids, search=True)()
        return go

    def cust_ids(needle):
        return [c for (c,) in raw(f"SELECT id FROM customer WHERE {raw.contains('search_text')}",
                                  _like(raw, needle.lower()))] or [0]

    def reg_customer_raw(needle):
        def go():
            ids = cust_ids(needle)
            marks = ", ".join(["%s"] * len(ids))
            reg_raw(f"r.customer_id IN ({marks})", *ids, search=True)()
        return go

    def clear_search():
        reg.ui.serialEdit.blockSignals(True)
        reg.ui.customerEdit.blockSignals(True)
        reg.ui.serialEdit.setText("")
        reg.ui.customerEdit.setText("")
        reg.ui.serialEdit.blockSignals(False)
        reg.ui.customerEdit.blockSignals(False)

    def scroll_far():
        clear_search()
        reg.set_period(None, None)
        while reg_model.rowCount() < 10_000:
            reg_model.fetchMore()
        t = time.perf_counter()
        reg_model.fetchMore()
        _screen(reg_model, reg_model.rowCount() - SCREEN)
        return (time.perf_counter() - t) * 1000

    def scroll_far_raw():
        at, rid = raw("SELECT at, id FROM register_entry ORDER BY at DESC, id DESC LIMIT 1 OFFSET 9999")[0]
        t = time.perf_counter()
        raw(reg_page("r.at <= %s AND (r.at < %s OR r.id < %s)"), at, at, rid)
        return (time.perf_counter() - t) * 1000

    def reg_all():              # not timed: the view before a header click
        clear_search()
        reg_model._sort_column = None
        reg.set_period(None, None)

    def reg_sorted():
        reg_model.sort(4, Qt.AscendingOrder)
        _screen(reg_model)

    # -- the queue --------------------------------------------------------------------------------
    def chip(state):
        def go():
            for s, c in queue.chips.items():
                c.setChecked(s == state)
            queue._chip_clicked(state)
            _screen(q_model)
        return go

    def q_reset():
        queue.ui.searchEdit.blockSignals(True)
        queue.ui.searchEdit.setText("")
        queue.ui.searchEdit.blockSignals(False)
        queue.ui.overdueButton.blockSignals(True)
        queue.ui.overdueButton.setChecked(False)
        queue.ui.overdueButton.blockSignals(False)
        queue.ui.technicianCombo.blockSignals(True)
        queue.ui.technicianCombo.setCurrentIndex(0)
        queue.ui.technicianCombo.blockSignals(False)
        for s, c in queue.chips.items():
            c.setChecked(s is None)
        q_model._sort_column = None

    def q_open():
        q_reset()
        queue.apply_filters()
        _screen(q_model)

    def q_sorted():
        q_reset()
        queue.apply_filters()
        q_model.sort(3, Qt.AscendingOrder)       # customer
        _screen(q_model)

    def q_tech():
        q_reset()
        queue.ui.technicianCombo.setCurrentIndex(queue.ui.technicianCombo.findData(tech.id))
        _screen(q_model)

    def q_overdue():
        q_reset()
        queue.ui.overdueButton.setChecked(True)
        _screen(q_model)

    def q_search(term):
        def go():
            q_reset()
            queue.ui.searchEdit.blockSignals(True)
            queue.ui.searchEdit.setText(term)
            queue.ui.searchEdit.blockSignals(False)
            queue.apply_filters()
            _screen(q_model)
        return go

    def q_raw(where="", *params, order="j.received_at, j.id"):
        def go():
            w = f"j.state IN {OPEN}" + (f" AND {where}" if where else "")
            raw(JOB_PAGE + f"WHERE {w} ORDER BY {order} LIMIT 200", *params)
            _capped(raw, f"SELECT 1 FROM job j JOIN customer cu ON cu.id = j.customer_id "
                         f"JOIN unit un ON un.id = j.unit_id WHERE {w}", *params)
            raw(f"SELECT state, COUNT(*) FROM job WHERE state IN {OPEN} GROUP BY state")
            raw(f"SELECT COUNT(*) FROM job WHERE state IN {OPEN} AND promised_date IS NOT NULL "
                "AND promised_date < %s AND state NOT IN ('ready')", today)
        return go

    overdue = "j.promised_date IS NOT NULL AND j.promised_date < %s AND j.state NOT IN ('ready')"
    term = person.name[:2]
    search_q = "(j.number LIKE %s OR un.serial LIKE %s OR cu.name LIKE %s OR cu.phone LIKE %s)"

    # -- a customer's page, a unit's history -------------------------------------------------------
    panel = CustomerCounterPanel(ctx, big.id)

    def page():
        panel.reload()
        for m in (panel.jobs_model, panel.units_model, panel.agreements_model):
            _screen(m)

    def page_raw():
        raw("SELECT u.*, p.* FROM unit u JOIN product p ON p.id = u.product_id WHERE u.owner_id = %s "
            "ORDER BY u.id", big.id)
        raw("SELECT j.*, u.* FROM job j JOIN unit u ON u.id = j.unit_id WHERE j.customer_id = %s "
            "ORDER BY j.received_at DESC, j.id DESC LIMIT 200", big.id)
        raw("SELECT * FROM agreement WHERE customer_id = %s ORDER BY start_date DESC, id DESC", big.id)

    table = QTableWidget(0, 4)

    def history(serial):
        def go():
            facts = unit_facts(serial)
            table.setRowCount(0)
            unit_view.fill_history(table, facts.history)
            unit_view.unit_html(facts, facts.decision)
        return go

    def history_raw(serial):
        def go():
            (uid, owner, pid), = raw("SELECT id, owner_id, product_id FROM unit WHERE serial = %s", serial)
            raw("SELECT * FROM product WHERE id = %s", pid)
            raw("SELECT * FROM customer WHERE id = %s", owner)
            raw("SELECT * FROM job WHERE unit_id = %s ORDER BY received_at DESC, id DESC", uid)
            raw("SELECT a.* FROM agreement a JOIN agreement_unit au ON au.agreement_id = a.id "
                "WHERE au.unit_id = %s AND a.active", uid)
        return go

    cases = [
        ("register: All", reg_view(), reg_raw()),
        ("register: today", reg_view(today), reg_raw("r.at >= %s", d(today), days=(today, None))),
        (f"register: a month ({month:%Y-%m})", reg_view(month, month_end),
         reg_raw("r.at >= %s AND r.at < %s", d(month), d(month_end + dt.timedelta(days=1)),
                 days=(month, month_end))),
        ("register: serial, one unit", reg_view(serial=once.serial), reg_serial_raw(once.serial)),
        (f"register: serial, {n_lemon}-job unit", reg_view(serial=lemon.serial), reg_serial_raw(lemon.serial)),
        ("register: serial part 'K5'", reg_view(serial="K5"), reg_serial_raw("K5")),
        ("register: customer, rare name", reg_view(customer=person.name), reg_customer_raw(person.name)),
        ("register: customer, big account", reg_view(customer=big.name[:6]), reg_customer_raw(big.name[:6])),
        ("register: sorted by customer", reg_sorted,
         lambda: raw(reg_page(order="r.customer_name, r.id")), reg_all),
        ("register: totals (All)", lambda: register.totals(),
         lambda: raw("SELECT direction, SUM(entries) FROM register_day_total GROUP BY direction")),
        ("register: in the shop", lambda: (reg.show_page(1), _screen(shop_model)),
         lambda: (raw(JOB_PAGE + f"WHERE j.state IN {OPEN} ORDER BY j.received_at, j.id LIMIT 200"),
                  raw(f"SELECT state, COUNT(*) FROM job WHERE state IN {OPEN} GROUP BY state")),
         lambda: (reg_all(), reg.show_page(0))),
        ("register: next page at row 10 000", scroll_far, scroll_far_raw),
        ("queue: open", q_open, q_raw()),
        ("queue: sorted by customer", q_sorted, q_raw(order="cu.name, j.id")),
        ("queue: chip 'waiting for parts'", chip("waiting_parts"), q_raw("j.state = 'waiting_parts'")),
        ("queue: a technician", q_tech, q_raw("j.technician_id = %s", tech.id)),
        ("queue: overdue", q_overdue, q_raw(overdue, today)),
        (f"queue: search '{term}'", q_search(term), q_raw(search_q, *[f"%{term}%"] * 4)),
        ("queue: chips' counts", lambda: (workshop.counts_by_state(), queue_queries.overdue_count()),
         lambda: (raw(f"SELECT state, COUNT(*) FROM job WHERE state IN {OPEN} GROUP BY state"),
                  raw(f"SELECT COUNT(*) FROM job WHERE state IN {OPEN} AND promised_date < %s "
                      "AND state <> 'ready'", today))),
        (f"customer page ({n_big} jobs)", page, page_raw),
        (f"unit history ({n_lemon} jobs)", history(lemon.serial), history_raw(lemon.serial)),
        ("unit history (one job)", history(once.serial), history_raw(once.serial)),
    ]
    cases = [c if len(c) == 4 else (*c, None) for c in cases]
    times = {name: ([], []) for name, _a, _b, _s in cases}

    def timed(fn) -> float:
        t = time.perf_counter()
        r = fn()
        elapsed = (time.perf_counter() - t) * 1000
        return r if isinstance(r, float) else elapsed

    for _name, a, b, setup in cases:          # one warm-up round: caches as a clerk's station has them
        setup and setup()
        a(), b()
        app.processEvents()
    for _ in range(rounds):
        for name, a, b, setup in cases:
            if setup:
                setup()
                app.processEvents()
            times[name][0].append(timed(a))
            times[name][1].append(timed(b))
            app.processEvents()
    print(f"  {rounds} interleaved rounds; ms; ratio = app median / baseline median")
    print("  | interaction | app median | app p95 | SQL median | SQL p95 | ratio |")
    print("  | --- | ---: | ---: | ---: | ---: | ---: |")
    for name, (a, b) in times.items():
        am, ap, bm, bp = _med(a), _p95(a), _med(b), _p95(b)
        ratio = f"{am / bm:.1f}" if bm > 0.05 and am > 0.05 else "—"
        app_cells = f"{am:.1f} | {ap:.1f}" if am > 0.05 else "— | —"
        print(f"  | {name} | {app_cells} | {bm:.1f} | {bp:.1f} | {ratio} |")
    before = counted_from_rows(raw)
    print(f"  (the All totals counted from the register's rows instead, as before schema v5: "
          f"median {_med(before):.0f} ms of {len(before)})")


def counted_from_rows(raw, runs: int = 3) -> list[float]:
    """The register's totals counted from its rows, as before schema v5.
    Run once after the rounds, not among them: reading the whole register
    pushes the other lists out of a server's cache (MariaDB's 128 MB pool)."""
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        raw("SELECT direction, COUNT(*) FROM register_entry r WHERE NOT EXISTS (SELECT 1 FROM "
            "register_entry x WHERE x.corrects_id = r.id) GROUP BY direction")
        out.append((time.perf_counter() - t) * 1000)
    return out


def _med(xs):
    return statistics.median(xs)


def _p95(xs):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(0.95 * (len(xs) - 1))))]
