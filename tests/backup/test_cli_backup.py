"""``csdesk db backup`` and ``csdesk db restore`` end to end."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import cli
from app.domain import schema
from tests.backup.conftest import rows_of

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("backend", ["sqlite", "postgresql", "mysql"])
def test_backup_and_restore_commands(backend, demo_copy, fresh_url, tmp_path, capsys):
    source = "sqlite:///" + str(demo_copy)
    dump = tmp_path / "shop.csdesk"
    assert cli.main(["--database", source, "db", "backup", str(dump)]) == 0
    out = capsys.readouterr().out
    assert "portable dump" in out and f"{len(schema.MODELS)} tables" in out and "rows" in out and "bytes" in out and " s" in out
    target = fresh_url(backend)
    assert cli.main(["--database", target, "db", "restore", str(dump)]) == 0
    assert "restored" in capsys.readouterr().out
    assert rows_of(target) == rows_of(source)
    # Again: the database holds data now.
    assert cli.main(["--database", target, "db", "restore", str(dump)]) == 2
    assert "--force" in capsys.readouterr().err
    assert cli.main(["--database", target, "db", "restore", str(dump), "--force"]) == 0
    out = capsys.readouterr().out
    assert "backed up first to" in out
    saved = Path(out.rsplit("backed up first to ", 1)[1].strip())
    assert saved.exists()
    # The server (or file) backed up by the command, into both kinds of file.
    assert cli.main(["--database", target, "db", "backup", str(tmp_path / "again.csdesk")]) == 0
    assert cli.main(["--database", target, "db", "backup", str(tmp_path / "again.sqlite3")]) == 0
    capsys.readouterr()
    assert rows_of(str(tmp_path / "again.sqlite3")) == rows_of(source)


def test_sqlite_copy_by_the_command(demo_copy, tmp_path, capsys):
    source = "sqlite:///" + str(demo_copy)
    assert cli.main(["--database", source, "db", "backup", str(tmp_path / "copy.sqlite3")]) == 0
    assert "sqlite copy" in capsys.readouterr().out
    target = "sqlite:///" + str(tmp_path / "restored.sqlite3")
    assert cli.main(["--database", target, "db", "restore", str(tmp_path / "copy.sqlite3")]) == 0
    assert "sqlite copy" in capsys.readouterr().out
    assert rows_of(target) == rows_of(source)


def test_errors_are_messages_not_tracebacks(demo_copy, tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    target = "sqlite:///" + str(tmp_path / "t.sqlite3")

    def run(*args, database=target):
        return subprocess.run([sys.executable, "-m", "app", "--database", database, "db", *args], cwd=ROOT,
                              env=env, capture_output=True, text=True, timeout=120)

    missing = run("restore", str(tmp_path / "nothing.csdesk"))
    assert missing.returncode == 2 and "There is no file" in missing.stderr and "Traceback" not in missing.stderr
    (tmp_path / "junk.csdesk").write_bytes(b"\x1f\x8b" + b"junk" * 10)
    junk = run("restore", str(tmp_path / "junk.csdesk"))
    assert junk.returncode == 2 and "damaged" in junk.stderr and "Traceback" not in junk.stderr
    source = "sqlite:///" + str(demo_copy)
    made = run("backup", str(tmp_path / "t.csdesk"), database=source)
    assert made.returncode == 0 and f"{len(schema.MODELS)} tables" in made.stdout
    again = run("backup", str(tmp_path / "t.csdesk"), database=source)
    assert again.returncode == 2 and "exists already" in again.stderr


def test_backing_up_a_missing_sqlite_file_creates_nothing(tmp_path, capsys):
    missing = tmp_path / "typo.sqlite3"
    assert cli.main(["--database", str(missing), "db", "backup", str(tmp_path / "x.csdesk")]) == 2
    assert "There is no file" in capsys.readouterr().err
    assert not missing.exists() and not (tmp_path / "x.csdesk").exists()
