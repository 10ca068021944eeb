"""Backups: ``csdesk db backup FILE``, ``csdesk db restore FILE`` and the
daily automatic backup of an SQLite database (issue 9, part 8).

Like :mod:`app.domain.schema`, this package sits above the books: it
reads and writes every book's tables through :data:`app.domain.schema.MODELS`,
and nothing in a book imports it.

* :mod:`.tables` — what a backup holds (every table in order, every
  column) and how each value is written to come back exactly.
* :mod:`.dumpfile` — the portable dump: a gzip file of JSON lines that
  restores into SQLite, PostgreSQL or MariaDB.
* :mod:`.transfer` — rows out of a database (one snapshot, keyset paging)
  and into an empty one (batches, self-references, sequences).
* :mod:`.make` — a backup of the open database (SQLite's online backup
  API for a ``.sqlite3`` file, else the dump).
* :mod:`.restore` — a backup into an empty database, or with ``force``
  over one whose data is backed up first.
* :mod:`.daily` — the SQLite database's daily copy into ``backups/``
  beside it, kept for ``backup_keep_days`` days.
"""
from __future__ import annotations

from app.domain.backup.make import Summary, backup
from app.domain.backup.restore import restore

__all__ = ["Summary", "backup", "restore"]
