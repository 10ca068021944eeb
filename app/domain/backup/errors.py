"""What can go wrong with a backup or a restore, each as a readable error.

The command line prints the message and exits with 2; the application
shows it. None of them leaves a target database half restored: a restore
checks the file before it touches the target and writes in one
transaction (see :mod:`app.domain.backup.restore`).
"""
from __future__ import annotations

from app.domain.core.errors import CsdeskError


class BackupError(CsdeskError):
    """Base of the backup package's errors."""

    code = "backup"


class BackupUnreadable(BackupError):
    """The file is not a csdesk backup, or it is damaged or incomplete."""

    code = "backup_unreadable"


class BackupSchemaMismatch(BackupError):
    """The backup was made by a csdesk with another schema version."""

    code = "backup_schema"


class TargetNotEmpty(BackupError):
    """A restore would replace data and ``--force`` was not given."""

    code = "target_not_empty"


class BackupFailed(BackupError):
    """The backup or restore could not be written (disk full, read-only
    folder, a row the target refuses...)."""

    code = "backup_failed"
