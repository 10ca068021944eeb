"""Backup and restore figures for the README (app.domain.backup).

    .venv/bin/python tools/benchmark_backup.py [--extra-customers N] \
        [--postgres postgresql://postgres@127.0.0.1:5432/postgres] [--mysql mysql://root@127.0.0.1:3306/test]

Makes the demo database of ``csdesk demo-data`` (40 customers, 80 jobs;
plus N bulk customers), then on SQLite and each server given: fills a new
database of that backend from the SQLite one, and times ``csdesk db
backup`` (the portable dump, and on SQLite the .sqlite3 copy) and ``csdesk
db restore`` into a new, empty database of the same backend. Each command
runs as its own process: the time is the wall clock of the whole command
(Python's start included) and the memory its peak resident size. The
server databases are created here and dropped afterwards.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def admin(url: str, sql: str) -> None:
    p = urlparse(url)
    if p.scheme.startswith("postgres"):
        import psycopg2

        conn = psycopg2.connect(host=p.hostname, port=p.port or 5432, user=p.username or "postgres",
                                password=p.password or None, dbname=p.path.lstrip("/") or "postgres")
        conn.autocommit = True
    else:
        import pymysql

        conn = pymysql.connect(host=p.hostname, port=p.port or 3306, user=p.username or "root",
                               password=p.password or "", autocommit=True)
    try:
        with conn.cursor() as cur:
            cur.execute(sql)
    finally:
        conn.close()


def new_database(base: str, made: list) -> str:
    name = "csdesk_bench_" + uuid.uuid4().hex[:8]
    if base.startswith("postgres"):
        admin(base, f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0")
        made.append((base, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    else:
        admin(base, f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
        made.append((base, f"DROP DATABASE IF EXISTS `{name}`"))
    return urlunparse(urlparse(base)._replace(path="/" + name))


def csdesk(url: str, *args: str) -> tuple[float, float, str]:
    """Run ``csdesk --database url args``; (seconds, peak MB, stdout)."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "app", "--database", url, *args], cwd=ROOT,
                                stdout=out, stderr=err, text=True)
        _pid, status, usage = os.wait4(proc.pid, 0)    # the child's own peak memory
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if proc.returncode:
            raise SystemExit(f"csdesk {' '.join(args)} failed: {err.read()}")
        return seconds, usage.ru_maxrss / 1024, out.read()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--extra-customers", type=int, default=0)
    ap.add_argument("--postgres", default=os.environ.get("CSDESK_TEST_POSTGRES_URL", ""))
    ap.add_argument("--mysql", default=os.environ.get("CSDESK_TEST_MYSQL_URL", ""))
    args = ap.parse_args()
    made: list = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        src = "sqlite:///" + str(tmp / "demo.sqlite3")
        fill = ["demo-data", "--customers", "40", "--jobs", "80", "--extra-customers", str(args.extra_customers)]
        csdesk(src, *fill)
        seed = tmp / "seed.csdesk"
        csdesk(src, "db", "backup", str(seed))
        try:
            for backend, base in (("sqlite", "sqlite"), ("postgresql", args.postgres), ("mysql", args.mysql)):
                if not base:
                    continue
                if backend == "sqlite":
                    source, target = src, "sqlite:///" + str(tmp / "restored.sqlite3")
                else:
                    source, target = new_database(base, made), new_database(base, made)
                    csdesk(source, "db", "restore", str(seed))
                dump = tmp / f"{backend}.csdesk"
                secs, rss, out = csdesk(source, "db", "backup", str(dump))
                rows = out.split(" rows")[0].rsplit(" ", 1)[1]
                print(f"{backend:10} backup (dump)     {secs:6.2f} s  {dump.stat().st_size / 1024:8.0f} KB  "
                      f"peak {rss:5.0f} MB  ({rows} rows)")
                if backend == "sqlite":
                    copy = tmp / "copy.sqlite3"
                    secs, rss, _ = csdesk(source, "db", "backup", str(copy))
                    print(f"{backend:10} backup (.sqlite3) {secs:6.2f} s  {copy.stat().st_size / 1024:8.0f} KB  "
                          f"peak {rss:5.0f} MB")
                secs, rss, _ = csdesk(target, "db", "restore", str(dump))
                print(f"{backend:10} restore (dump)    {secs:6.2f} s                peak {rss:5.0f} MB")
        finally:
            for base, sql in made:
                admin(base, sql)
    return 0


if __name__ == "__main__":
    sys.exit(main())
