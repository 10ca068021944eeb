"""The daily automatic backup of an SQLite database.

A counter on a single PC has nobody to run backups, so csdesk makes one:
once a day, the first time the application finds that today's copy is
missing (at start-up, and every hour while it stays open, so a window
left open across midnight makes the next day's copy too: see
``app.ui.shell.auto_backup``), it copies the database by SQLite's online
backup API into a ``backups`` folder beside the file, named with the date
(``backups/csdesk-2026-11-27.sqlite3``), and deletes the copies older
than the last ``backup_keep_days`` days (a shared setting, 14 by default;
0 turns the daily copy off and deletes nothing). A copy is a complete
database: ``csdesk db restore`` takes it, or csdesk opens it as it is.

A server database (PostgreSQL, MariaDB) is its administrator's to back up
(``csdesk db backup`` from a scheduled task, or the server's own tools):
one station's copy of a shared database would be neither expected nor
complete for the others.

Nothing here raises for a failed copy: a read-only folder or a full disk
comes back as a message in :class:`DailyResult`, which the application
shows without stopping.
"""
from __future__ import annotations

import datetime as dt
import logging
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from app.domain.core import settings
from app.domain.core.errors import Text, tx
from app.domain.core.migrations import sqlite_online_copy

log = logging.getLogger("csdesk.backup")

#: The shared setting: days of daily copies kept (0 = no daily copy).
KEEP_DAYS_KEY = "backup_keep_days"
DEFAULT_KEEP_DAYS = 14
MAX_KEEP_DAYS = 3650
FOLDER = "backups"


@dataclass
class DailyResult:
    status: str                       # "written" | "exists" | "off" | "failed"
    path: Path | None = None          # today's copy
    day: dt.date | None = None        # the day it is for
    pruned: list[Path] = field(default_factory=list)
    message: Text | None = None       # what went wrong ("failed")


def keep_days() -> int:
    """The shared setting, read from the open database (a broken value: the default)."""
    try:
        return max(0, min(MAX_KEEP_DAYS, int(settings.get(KEEP_DAYS_KEY) or DEFAULT_KEEP_DAYS)))
    except ValueError:
        return DEFAULT_KEEP_DAYS


def folder_for(db_path: str | Path) -> Path:
    """Where the daily copies of the database file ``db_path`` go."""
    return Path(db_path).absolute().parent / FOLDER


def copy_name(db_path: str | Path, day: dt.date) -> str:
    return f"{Path(db_path).stem}-{day.isoformat()}.sqlite3"


def copies(db_path: str | Path) -> dict[dt.date, Path]:
    """The daily copies of ``db_path`` by date (only files named as this
    module names them; nothing else in the folder is ever touched)."""
    folder = folder_for(db_path)
    pattern = re.compile(re.escape(Path(db_path).stem) + r"-(\d{4}-\d{2}-\d{2})\.sqlite3")
    out = {}
    try:
        entries = list(folder.iterdir())
    except OSError:
        return out
    for entry in entries:
        m = pattern.fullmatch(entry.name)
        if m:
            try:
                out[dt.date.fromisoformat(m[1])] = entry
            except ValueError:
                continue
    return out


def prune(db_path: str | Path, keep: int, today: dt.date) -> list[Path]:
    """Delete the copies older than the last ``keep`` days (today is one of
    them); copies dated after today (a clock put back) are kept."""
    if keep <= 0:
        return []
    first_kept = today - dt.timedelta(days=keep - 1)
    removed = []
    for day, path in sorted(copies(db_path).items()):
        if day < first_kept:
            try:
                path.unlink()
                removed.append(path)
            except OSError as exc:
                log.warning("cannot delete the old backup %s: %s", path, exc)
    return removed


def run(db_path: str | Path, keep: int, today: dt.date | None = None) -> DailyResult:
    """Make today's copy of the SQLite database ``db_path`` unless it
    exists, then prune; never raises for a failed copy."""
    today = today or dt.date.today()
    if keep <= 0:
        return DailyResult("off", day=today)
    dest = folder_for(db_path) / copy_name(db_path, today)
    if dest.exists():
        return DailyResult("exists", dest, today, prune(db_path, keep, today))
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        sqlite_online_copy(db_path, dest)
    except (OSError, sqlite3.Error) as exc:
        detail = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        log.warning("daily backup of %s into %s failed: %s", db_path, dest, detail)
        return DailyResult("failed", dest, today, message=tx(
            "The daily backup could not be written to {file}: {detail}. csdesk works on; "
            "free some disk space or check the folder, or back up by hand (csdesk db backup).",
            file=str(dest), detail=detail))
    log.info("daily backup written: %s", dest)
    return DailyResult("written", dest, today, prune(db_path, keep, today))
