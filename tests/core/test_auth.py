"""Sign-in, passwords, locking, the first administrator and the users
services (app.domain.core.auth); the sign-in and users dialogs through their
real widgets."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from app.domain import bootstrap
from app.domain.core import auth
from app.domain.core import db as dbmod
from app.domain.core.errors import PermissionDenied, ValidationError
from app.domain.core.models import User, set_clock

PW = "s3cret-pass"


@pytest.fixture
def clock():
    """Stamp rows with a fixed time that the test moves on."""
    class Clock:
        at = dt.datetime(2026, 11, 27, 9, 0)

        def move(self, **delta):
            self.at += dt.timedelta(**delta)
            set_clock(self.at)

    c = Clock()
    set_clock(c.at)
    yield c
    set_clock(None)


@pytest.fixture
def clerk(db, staff):
    return auth.set_password(None, staff["counter"], PW)


def refused(username, password) -> auth.SignInFailed:
    with pytest.raises(auth.SignInFailed) as info:
        auth.sign_in(username, password)
    return info.value


# -- hashing ---------------------------------------------------------------------------
def test_hash_is_salted_and_verifies():
    a, b = auth.hash_password(PW), auth.hash_password(PW)
    assert a != b and a.startswith(f"scrypt${auth.SCRYPT_N}$8$1$")
    assert auth.verify_password(PW, a) and auth.verify_password(PW, b)
    assert not auth.verify_password(PW + "x", a)
    assert PW not in a
    for garbage in ("", "scrypt$1$2", "md5$abc", None, "scrypt$1048576$64$1$AAAA$AAAA"):
        assert not auth.verify_password(PW, garbage)


def test_production_hashes_cost_what_owasp_says(monkeypatch):
    """The default (tests lower it in conftest) is OWASP's scrypt figure, N=2^17, r=8, p=1."""
    import importlib
    import time

    fresh = importlib.reload(auth)          # the module's own default, as production imports it
    try:
        assert (fresh.SCRYPT_N, fresh.SCRYPT_R, fresh.SCRYPT_P) == fresh.OWASP_SCRYPT == (2 ** 17, 8, 1)
        start = time.perf_counter()
        stored = fresh.hash_password(PW)
        took = time.perf_counter() - start
        assert stored.startswith("scrypt$131072$8$1$") and fresh.verify_password(PW, stored)
        assert took > 0.05                      # memory-hard: measured ~0.3 s here
    finally:
        fresh.use_test_cost()


def test_an_older_hash_is_remade_at_sign_in_with_its_parameters(clerk, monkeypatch):
    monkeypatch.setattr(auth, "SCRYPT_N", 2 ** 9)
    User.update(password_hash=auth.hash_password(PW)).where(User.id == clerk.id).execute()
    monkeypatch.undo()
    assert User.get_by_id(clerk.id).password_hash.startswith("scrypt$512$")
    assert auth.sign_in("clerk", PW).password_hash.startswith(f"scrypt${auth.SCRYPT_N}$8$1$")
    # An older csdesk's hash (N=2^14) becomes OWASP's at the next sign-in in production.
    monkeypatch.setattr(auth, "SCRYPT_N", 2 ** 14)
    User.update(password_hash=auth.hash_password(PW)).where(User.id == clerk.id).execute()
    monkeypatch.setattr(auth, "SCRYPT_N", 2 ** 17)
    upgraded = auth.sign_in("clerk", PW).password_hash
    assert upgraded.startswith("scrypt$131072$8$1$") and auth.verify_password(PW, upgraded)


# -- signing in -------------------------------------------------------------------------
def test_sign_in_records_the_time_and_ignores_case(clerk, clock):
    user = auth.sign_in("  Clerk ", PW)
    assert user.id == clerk.id and user.last_login_at == clock.at and user.failed_logins == 0


def test_unknown_user_and_wrong_password_read_the_same_and_failures_count(clerk):
    wrong, unknown = refused("clerk", "nope-nope"), refused("nobody", PW)
    assert wrong.message == unknown.message and wrong.reason == unknown.reason == "credentials"
    assert User.get_by_id(clerk.id).failed_logins == 1
    auth.sign_in("clerk", PW)
    assert User.get_by_id(clerk.id).failed_logins == 0


def test_wrong_passwords_make_the_next_attempt_wait_longer_never_lock(clerk, clock):
    for _ in range(auth.FREE_FAILURES - 1):
        assert refused("clerk", "wrong-one").reason == "credentials"
    assert not auth.is_locked(User.get_by_id(clerk.id))
    waits = []
    for n in range(auth.FREE_FAILURES, auth.FREE_FAILURES + 6):
        assert refused("clerk", "wrong-one").reason == "credentials"
        row = User.get_by_id(clerk.id)
        waits.append(int((row.locked_until - clock.at).total_seconds()))
        assert row.failed_logins == n
        waiting = refused("clerk", PW)               # the right password waits too, and does not count
        assert waiting.reason == "locked" and row.locked_until.strftime("%H:%M:%S") in waiting.message
        assert User.get_by_id(clerk.id).failed_logins == n
        clock.move(seconds=waits[-1])
    assert waits == [5, 10, 20, 40, 60, 60]          # doubling, capped at a minute
    user = auth.sign_in("clerk", PW)                 # never locked out for good
    assert user.failed_logins == 0 and user.locked_until is None


def test_the_only_administrator_cannot_be_locked_out(db, staff, clock):
    admin = auth.set_password(None, staff["admin"], PW)
    for _ in range(50):                              # someone hammers the admin's account, waiting each time
        assert refused("admin", "guess-guess").reason == "credentials"
        clock.move(seconds=auth.BACKOFF_MAX_S)
    refused("admin", "guess-guess")
    row = User.get_by_id(admin.id)
    assert row.failed_logins == 51 and row.active
    assert (row.locked_until - clock.at).total_seconds() <= auth.BACKOFF_MAX_S
    clock.move(seconds=auth.BACKOFF_MAX_S)
    assert auth.sign_in("admin", PW).id == admin.id


def test_another_station_sees_the_wait(any_db, staff, clock):
    """The wait is in the database: a second connection (another station) honours it."""
    from app.domain.core import db as dbmod

    auth.set_password(None, staff["counter"], PW)
    for _ in range(auth.FREE_FAILURES):
        refused("clerk", "wrong-one")
    until = User.get(User.username == "clerk").locked_until
    dbmod.close()
    bootstrap.open_database(any_db)                  # a new connection, as another station opens it
    assert refused("clerk", PW).reason == "locked" and User.get(User.username == "clerk").locked_until == until


def test_the_administrator_unlocks(clerk, staff, clock):
    for _ in range(auth.FREE_FAILURES + 3):
        refused("clerk", "wrong-one")
    assert refused("clerk", PW).reason == "locked"
    auth.unlock(staff["admin"], clerk)
    assert auth.sign_in("clerk", PW).id == clerk.id


def test_disabled_and_password_less_accounts_are_refused(clerk, staff):
    auth.deactivate(staff["admin"], clerk)
    assert refused("clerk", PW).reason == "disabled"
    assert refused("clerk", "wrong-one").reason == "credentials"   # no hint without the password
    auth.reactivate(staff["admin"], clerk)
    assert auth.sign_in("clerk", PW)
    assert refused("tech", "").reason == "no_password"


# -- passwords ----------------------------------------------------------------------------
def test_password_rules(db, staff):
    admin = staff["admin"]
    with pytest.raises(ValidationError) as info:
        auth.create_user(admin, "wang", "王芳", "counter", "short-pw")
    assert "password" in info.value.fields
    with pytest.raises(ValidationError) as info:
        auth.create_user(admin, "wangfang", "王芳", "counter", "WangFang")
    assert "password" in info.value.fields
    with pytest.raises(ValidationError) as info:
        auth.create_user(admin, "CLERK", "王芳", "counter", PW)       # taken, whatever the case
    assert "username" in info.value.fields
    for weak in ("wang123456", "123456789a", "Qwertyuiop", "woaini1314", "password1", "admin12345",
                 "1qaz2wsx3edc", "ab3456789"):                         # common, has the name, or too short
        with pytest.raises(ValidationError) as info:
            auth.create_user(admin, "wang", "王芳", "counter", weak)
        assert "password" in info.value.fields, weak
    assert len(auth.common_passwords()) > 10_000
    assert auth.create_user(admin, "wang", "王芳", "counter", "蓝色-台灯-2026").username == "wang"


def test_a_reset_password_must_be_changed_at_the_next_sign_in(db, staff):
    admin = staff["admin"]
    user = auth.create_user(admin, "wang", "王芳", "counter", "first-pass")
    assert user.must_change_password and auth.sign_in("wang", "first-pass").must_change_password
    with pytest.raises(ValidationError) as info:
        auth.change_password(user, "not-it-at-all", "my-own-pass")
    assert "old_password" in info.value.fields
    with pytest.raises(ValidationError):
        auth.change_password(user, "first-pass", "first-pass")
    user = auth.change_password(user, "first-pass", "my-own-pass")
    assert not user.must_change_password and auth.sign_in("wang", "my-own-pass")
    user = auth.set_password(admin, user, "reset-pass")
    assert user.must_change_password
    assert not auth.set_password(admin, admin, "own-secret-9").must_change_password


def test_users_services_need_users_manage(db, staff):
    clerk, tech = staff["counter"], staff["tech"]
    before = list(User.select().order_by(User.id).tuples())
    for call in (lambda: auth.create_user(clerk, "x1", "某某", "counter", PW),
                 lambda: auth.set_password(clerk, tech, PW),
                 lambda: auth.unlock(clerk, tech),
                 lambda: auth.set_role(clerk, clerk, "admin"),
                 lambda: auth.deactivate(clerk, tech),
                 lambda: auth.reactivate(staff["manager"], tech)):
        with pytest.raises(PermissionDenied):
            call()
    assert list(User.select().order_by(User.id).tuples()) == before


def test_roles_and_the_last_administrator(db, staff):
    admin = auth.set_password(None, staff["admin"], PW)
    assert auth.set_role(admin, staff["counter"], "manager").role == "manager"
    with pytest.raises(ValidationError):
        auth.set_role(admin, staff["counter"], "boss")
    with pytest.raises(ValidationError):
        auth.set_role(admin, admin, "manager")                  # nobody could manage users
    with pytest.raises(ValidationError):
        auth.deactivate(admin, admin)
    other = auth.create_user(admin, "admin2", "系统管理员二", "admin", PW)
    with pytest.raises(PermissionDenied):                       # his first password is a temporary one
        auth.set_role(other, admin, "manager")
    other = auth.change_password(other, PW, "another-pass-2")
    assert auth.set_role(other, admin, "manager").role == "manager"


# -- the first administrator -------------------------------------------------------------------
def test_a_new_database_asks_for_its_administrator(db):
    assert User.select().count() == 0 and auth.needs_first_admin() and auth.first_admin_candidate() is None
    with pytest.raises(ValidationError) as info:
        auth.create_first_admin("admin", "", "admin")
    assert set(info.value.fields) == {"display_name", "password"}
    admin = auth.create_first_admin("admin", "管理员", PW)
    assert admin.role == "admin" and admin.last_login_at is not None and not auth.needs_first_admin()
    with pytest.raises(PermissionDenied):                       # no back door afterwards
        auth.create_first_admin("admin2", "别人", PW)
    assert auth.sign_in("admin", PW).id == admin.id


def test_a_version_1_database_sets_its_administrators_password(tmp_path):
    path = tmp_path / "old.sqlite3"
    shutil.copy(Path(__file__).parents[1] / "data" / "schema_v1.sqlite3", path)
    bootstrap.open_database("sqlite:///" + str(path))
    try:
        users_before = User.select().count()
        assert auth.needs_first_admin() and auth.first_admin_candidate().username == "admin"
        admin = auth.create_first_admin("admin", "管理员", PW)
        assert User.select().count() == users_before and admin.id == 1
        assert refused("clerk1", "").reason == "no_password"
        auth.set_password(admin, User.get(User.username == "clerk1"), "temp-pass-1")
        assert auth.sign_in("clerk1", "temp-pass-1").must_change_password
    finally:
        dbmod.close()


def test_demo_users_and_the_demo_manager(db):
    from app import demo

    assert bootstrap.demo_manager() is None                     # not a demo database
    staff = demo.ensure_staff()
    assert {u.role for u in staff.values()} == {"admin", "info_manager", "counter", "technician", "business",
                                                "manager"}
    assert bootstrap.demo_manager().username == "boss"
    assert auth.sign_in("clerk1", demo.DEMO_PASSWORD).role == "counter"
    assert not auth.needs_first_admin()


# -- the dialogs, through their real widgets ---------------------------------------------------
@pytest.fixture
def no_boxes(no_message_boxes):
    return no_message_boxes


def test_sign_in_dialog_enter_signs_in_and_refusals_show_beside_the_fields(qtbot, clerk, no_boxes):
    from app.ui.qt import Qt
    from app.ui.shell.signin_dialog import SignInDialog

    dialog = SignInDialog("clerk")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.password              # the name is filled in: type the password
    qtbot.keyClicks(dialog.password, "wrong-pass")
    qtbot.keyClick(dialog.password, Qt.Key_Return)
    assert dialog.isVisible() and dialog.user is None
    assert dialog.message.isVisible() and "wrong password" in dialog.message.text()
    assert dialog.password.text() == ""
    qtbot.keyClicks(dialog.password, PW)
    assert not dialog.message.isVisible()                       # the message goes as he types
    qtbot.keyClick(dialog.password, Qt.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.user.id == clerk.id


def test_sign_in_dialog_says_until_when_an_account_is_locked(qtbot, clerk, clock, no_boxes):
    from app.ui.shell.signin_dialog import SignInDialog

    dialog = SignInDialog("clerk")
    qtbot.addWidget(dialog)
    for _ in range(auth.FREE_FAILURES + 1):
        dialog.password.setText("wrong-pass")
        dialog.attempt()
    assert "wait until 09:00:05" in dialog.message.text() and dialog.user is None


def test_first_start_creates_the_administrator(qtbot, db, monkeypatch, no_boxes):
    from app.ui.shell import signin_dialog
    from app.ui.shell.signin_dialog import FirstAdminDialog, SignInDialog

    def fill(dialog):
        dialog.display_name.setText("刘管理")
        dialog.username.setText("liu")
        dialog.password.setText(PW)
        dialog.repeat.setText(PW + "x")
        dialog.save()
        assert dialog.errors.message("repeat")                 # typed twice, differently
        dialog.repeat.setText(PW)
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(FirstAdminDialog, "exec", fill)
    monkeypatch.setattr(SignInDialog, "exec", lambda d: pytest.fail("no sign-in box on the first start"))
    user = signin_dialog.sign_in_flow()
    assert user.username == "liu" and user.role == "admin"
    assert signin_dialog.last_username() == "liu"


def test_a_reset_password_is_replaced_before_work_starts(qtbot, db, staff, monkeypatch, no_boxes):
    from app.ui.shell import signin_dialog
    from app.ui.shell.password_dialog import PasswordDialog
    from app.ui.shell.signin_dialog import SignInDialog

    auth.set_password(None, staff["admin"], PW)
    auth.set_password(staff["admin"], staff["counter"], "temp-pass-1")
    signin_dialog.remember_username("clerk")

    def type_password(dialog):
        assert dialog.username.text() == "clerk"                # remembered at this station
        dialog.password.setText("temp-pass-1")
        dialog.attempt()
        return dialog.result()

    def new_password(dialog):
        dialog.old.setText("temp-pass-1")
        dialog.new.setText("my-new-pass-7")
        dialog.repeat.setText("my-new-pass-7")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(SignInDialog, "exec", type_password)
    monkeypatch.setattr(PasswordDialog, "exec", new_password)
    user = signin_dialog.sign_in_flow()
    assert user.id == staff["counter"].id and not user.must_change_password
    assert auth.sign_in("clerk", "my-new-pass-7")


def test_users_dialog_adds_resets_unlocks_and_disables(qtbot, db, staff, monkeypatch, no_boxes):
    from app.ui.base.context import AppContext
    from app.ui.shell.password_dialog import PasswordDialog
    from app.ui.shell.users_dialog import AddUserDialog, UsersDialog

    admin = auth.set_password(None, staff["admin"], PW)
    dialog = UsersDialog(AppContext(admin))
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == User.select().count()

    def add(d):
        d.display_name.setText("吴敏")
        d.username.setText("wumin")
        d.role.setCurrentIndex(d.role.findData("technician"))
        d.password.setText("short-pw")
        d.save()
        assert d.errors.message("password")
        d.password.setText("first-pass")
        d.save()
        return d.result()

    monkeypatch.setattr(AddUserDialog, "exec", add)
    dialog.buttons["add"].click()
    wu = User.get(User.username == "wumin")
    assert wu.role == "technician" and wu.must_change_password and dialog.selected().id == wu.id

    for _ in range(auth.FREE_FAILURES + 1):
        refused("wumin", "wrong-pass")
    dialog.reload(wu.id)
    assert dialog.buttons["unlock"].isEnabled()
    dialog.buttons["unlock"].click()
    assert not auth.is_locked(User.get_by_id(wu.id))

    def reset(d):
        d.new.setText("second-pass")
        d.repeat.setText("second-pass")
        d.save()
        return d.result()

    monkeypatch.setattr(PasswordDialog, "exec", reset)
    dialog.buttons["password"].click()
    assert auth.sign_in("wumin", "second-pass").must_change_password

    dialog.buttons["active"].click()
    assert not User.get_by_id(wu.id).active and dialog.buttons["active"].text() == "&Enable"


def test_the_window_shows_what_the_role_may_do_and_switches_user(qtbot, db, staff, monkeypatch):
    from app.ui.base.context import AppContext
    from app.ui.shell import signin_dialog
    from app.ui.shell.main_window import MainWindow

    ctx = AppContext(staff["tech"])
    window = MainWindow(ctx, db)
    qtbot.addWidget(window)
    intake_index = window.tabs.indexOf(window.intake)
    assert not window.tabs.isTabVisible(intake_index) and window.tabs.currentIndex() != intake_index
    assert not window.release_action.isEnabled() and not window.users_action.isVisible()
    assert "李强" in window.user_label.text()

    monkeypatch.setattr(signin_dialog, "sign_in_flow", lambda parent=None: staff["admin"])
    window.show()
    window.sign_out()
    assert ctx.user.id == staff["admin"].id and window.isVisible()
    assert window.tabs.isTabVisible(intake_index) and window.release_action.isEnabled()
    assert window.users_action.isVisible() and "管理员" in window.user_label.text()

    monkeypatch.setattr(signin_dialog, "sign_in_flow", lambda parent=None: None)
    window.sign_out()                                           # cancelled: the session ends
    assert not window.isVisible()


def test_start_up_signs_in_the_demo_manager_only_on_a_demo_database(db, monkeypatch):
    from app import demo
    from app.ui.shell import application, signin_dialog

    asked = []
    monkeypatch.setattr(signin_dialog, "sign_in_flow", lambda parent=None: asked.append(1))
    assert application.sign_in_at_start(demo=True) is None and asked == [1]    # not a demo: asks
    monkeypatch.setenv("CSDESK_BENCH_STARTUP", "1")
    assert application.sign_in_at_start(demo=False) is None and asked == [1]   # never hangs on a box
    demo.ensure_staff()
    assert application.sign_in_at_start(demo=False).username == "boss"
    monkeypatch.delenv("CSDESK_BENCH_STARTUP")
    assert application.sign_in_at_start(demo=True).username == "boss"
    assert application.sign_in_at_start(demo=False) is None and asked == [1, 1]
