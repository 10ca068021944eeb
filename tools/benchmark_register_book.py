"""What printing the in/out register's book costs (用户产品进出登记本, §4.2).

    .venv/bin/python tools/benchmark_register_book.py [--database URL] [--from 2022-08-01 --to 2022-08-31]
                                                      [--lang zh_CN] [--runs 3]

On the scale database of ``tools/benchmark.py --only scale`` (1 000 000
register rows over ten years: SQLite in ~/.cache/csdesk-bench/scale.sqlite3,
a server's ``csdesk_scale``), by default for its busiest month (8 694
rows). Each run is a process of its own (Python's start not counted): the
rows counted, the book rendered through register_print.render_book (read
by key in one snapshot, streamed into the PDF), its pages, size, seconds,
and the process's peak memory beside one that printed a single day, so
what the rows cost shows apart from what Python, reportlab and the fonts
cost. The database is only read (connected without migrating).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_URL = "sqlite:///" + str(Path.home() / ".cache" / "csdesk-bench" / "scale.sqlite3")


def one(url: str, first: str, last: str, lang: str) -> dict:
    """Render the book once, in this process."""
    import datetime as dt

    from app.domain.core import db
    from app.printing.core.common import set_invariant

    db.connect(url)
    from app.domain.counter import register_print

    set_invariant()
    start = time.perf_counter()
    pdf = register_print.render_book(None, dt.date.fromisoformat(first), dt.date.fromisoformat(last), lang=lang)
    seconds = time.perf_counter() - start
    rows = register_print.count_rows(dt.date.fromisoformat(first), dt.date.fromisoformat(last))[0]
    pages = len(re.findall(rb"/Type /Page\b", pdf))
    return dict(rows=rows, pages=pages, bytes=len(pdf), seconds=seconds,
                peak_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def run(url: str, first: str, last: str, lang: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--one", "--database", url, "--from", first, "--to", last,
                          "--lang", lang], capture_output=True, text=True, cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--database", default=DEFAULT_URL)
    p.add_argument("--from", dest="first", default="2022-08-01")
    p.add_argument("--to", dest="last", default="2022-08-31")
    p.add_argument("--lang", default="zh_CN")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.one:
        print(json.dumps(one(args.database, args.first, args.last, args.lang)))
        return 0
    day = run(args.database, args.first, args.first, args.lang)
    runs = [run(args.database, args.first, args.last, args.lang) for _ in range(args.runs)]
    r = runs[0]
    seconds = ", ".join(f"{x['seconds']:.1f}" for x in runs)
    print(f"{args.first} to {args.last} ({args.lang}): {r['rows']:,} rows, {r['pages']} pages, "
          f"{r['bytes'] / 1e6:.1f} MB; seconds {seconds} "
          f"(median {statistics.median(x['seconds'] for x in runs):.1f}); peak memory "
          f"{max(x['peak_mb'] for x in runs):.0f} MB (one day, {day['rows']} rows, {day['pages']} pages: "
          f"{day['peak_mb']:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
