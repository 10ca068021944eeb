"""The Backups tab of the settings and the daily copy run by the window."""
from __future__ import annotations

import datetime as dt

import pytest

from app.domain.backup import daily
from app.domain.core import settings
from app.ui.base.context import AppContext
from app.ui.qt import QMainWindow

pytestmark = pytest.mark.usefixtures("no_message_boxes")


def test_settings_dialog_edits_the_days_kept(qtbot, db, staff):
    from app.ui.shell.settings_dialog import SettingsDialog

    clerk = SettingsDialog(AppContext(staff["counter"]))
    qtbot.addWidget(clerk)
    assert not clerk.ui.keepDays.isEnabled() and clerk.ui.keepDays.value() == 14
    d = SettingsDialog(AppContext(staff["manager"]))
    qtbot.addWidget(d)
    assert d.ui.keepDays.isEnabled()
    assert str(daily.folder_for(db.split("///", 1)[1])) in d.ui.backupNote.text()
    d.ui.keepDays.setValue(0)
    assert d.ui.keepDays.text() == "Off"
    d.ui.keepDays.setValue(30)
    d.save()
    assert d.result() == d.DialogCode.Accepted and settings.get("backup_keep_days") == "30"


def test_save_shared_refuses_a_bad_number_of_days(db, staff):
    from app.domain.core.errors import ValidationError
    from app.ui.shell.settings_dialog import load_shared, save_shared

    values = load_shared()
    values["backup_keep_days"] = "-1"
    with pytest.raises(ValidationError):
        save_shared(values, staff["manager"])


class _Clock:
    def __init__(self, day):
        self.day = day

    def __call__(self):
        return self.day


@pytest.fixture
def window(qtbot):
    w = QMainWindow()
    qtbot.addWidget(w)
    w.show()
    return w


def test_the_window_makes_the_days_copy_once_and_again_after_midnight(qtbot, window, db):
    from app.ui.shell.auto_backup import AutoBackup

    path = db.split("///", 1)[1]
    clock = _Clock(dt.date(2026, 11, 27))
    auto = AutoBackup(window, path, today=clock)
    assert auto.check()
    qtbot.waitUntil(lambda: auto.last_result is not None, timeout=5000)
    assert auto.last_result.status == "written" and "Daily backup written" in window.statusBar().currentMessage()
    assert not auto.check()                        # once a day
    clock.day = dt.date(2026, 11, 28)              # the window stayed open across midnight
    auto.last_result = None
    assert auto.check()
    qtbot.waitUntil(lambda: auto.last_result is not None, timeout=5000)
    assert sorted(daily.copies(path)) == [dt.date(2026, 11, 27), dt.date(2026, 11, 28)]


def test_a_failed_copy_is_shown_and_tried_again(qtbot, window, db, staff):
    from app.ui.shell.auto_backup import AutoBackup

    path = db.split("///", 1)[1]
    daily.folder_for(path).write_text("a file where the folder should be")
    auto = AutoBackup(window, path, today=lambda: dt.date(2026, 11, 27))
    assert auto.check()
    qtbot.waitUntil(lambda: auto.last_result is not None, timeout=5000)
    assert auto.label.isVisible() and auto.label.text() == "Daily backup failed"
    assert "could not be written" in auto.label.toolTip()
    daily.folder_for(path).unlink()
    auto.last_result = None
    assert auto.check()                            # the next hour's check tries again
    qtbot.waitUntil(lambda: auto.last_result is not None, timeout=5000)
    assert auto.last_result.status == "written" and not auto.label.isVisible()
    settings.set_value("backup_keep_days", "0", staff["manager"])
    auto.done_for = None
    assert not auto.check()                        # turned off


def test_the_application_starts_it_for_sqlite_only(qtbot, window, db, monkeypatch):
    from app.ui.shell import application

    started = []
    monkeypatch.setattr("app.ui.shell.auto_backup.AutoBackup.start", lambda self, *a: started.append(self))
    assert application.start_daily_backup(window) is started[0]
    import peewee

    monkeypatch.setattr("app.domain.core.db.database.obj", peewee.PostgresqlDatabase("x"))
    assert application.start_daily_backup(window) is None
