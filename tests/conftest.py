"""Shared fixtures.

* ``db``: a fresh, migrated SQLite database (a file in tmp_path).
* ``any_db``: the same test on SQLite, and on PostgreSQL / MariaDB when
  ``CSDESK_TEST_POSTGRES_URL`` / ``CSDESK_TEST_MYSQL_URL`` name a server
  (``.ci/run`` sets both). Each test gets a new, empty database on the
  server, dropped afterwards.
* QSettings are redirected to tmp_path: tests never touch real settings.
"""
from __future__ import annotations

import os
import uuid
from urllib.parse import urlparse, urlunparse

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.domain import bootstrap  # noqa: E402
from app.domain.core import db as dbmod
from app.domain.core.models import User  # noqa: E402

SERVER_ENV = {"postgresql": "CSDESK_TEST_POSTGRES_URL", "mysql": "CSDESK_TEST_MYSQL_URL"}


def _with_db(url: str, name: str) -> str:
    p = urlparse(url)
    return urlunparse(p._replace(path="/" + name))


def _admin_exec(url: str, sql: str) -> None:
    backend = dbmod.backend_of(url)
    p = urlparse(url)
    if backend == "postgresql":
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


class ServerDatabase:
    """Create a throw-away database on a server and remove it again."""

    def __init__(self, base_url: str):
        self.base_url = base_url
        self.name = "csdesk_t_" + uuid.uuid4().hex[:10]
        self.url = _with_db(base_url, self.name)
        self.backend = dbmod.backend_of(base_url)

    def create(self) -> str:
        if self.backend == "postgresql":
            _admin_exec(self.base_url, f'CREATE DATABASE "{self.name}" ENCODING \'UTF8\' TEMPLATE template0')
        else:
            _admin_exec(self.base_url, f"CREATE DATABASE `{self.name}` CHARACTER SET utf8mb4 "
                                       "COLLATE utf8mb4_unicode_ci")
        return self.url

    def drop(self) -> None:
        dbmod.close()
        if self.backend == "postgresql":
            _admin_exec(self.base_url, f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        else:
            _admin_exec(self.base_url, f"DROP DATABASE IF EXISTS `{self.name}`")


def backends() -> list:
    params = [pytest.param("sqlite", id="sqlite")]
    for backend, env in SERVER_ENV.items():
        if os.environ.get(env):
            params.append(pytest.param(backend, id=backend))
    return params


@pytest.fixture(autouse=True, scope="session")
def _cheap_password_hashes():
    """Hashes at a low scrypt cost: the suite hashes hundreds of passwords,
    and OWASP's cost (the production default) takes ~0.3 s each. A test of
    the production cost restores it for itself (tests/core/test_auth.py)."""
    from app.domain.core import auth

    auth.use_test_cost()
    yield


@pytest.fixture(autouse=True, scope="session")
def _books_installed():
    """Every book's contributions to the others' screens (app.ui.base.slots),
    as the application installs them at start-up."""
    from app.ui.shell import books

    books.install()


@pytest.fixture(autouse=True)
def _isolated_qsettings(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    try:
        from PySide6.QtCore import QSettings
    except ImportError:  # pragma: no cover
        yield
        return
    for fmt in (QSettings.IniFormat, QSettings.NativeFormat):
        QSettings.setPath(fmt, QSettings.UserScope, str(tmp_path / "qsettings"))
    yield


@pytest.fixture
def db(tmp_path):
    """A fresh migrated SQLite database; yields its URL."""
    url = "sqlite:///" + str(tmp_path / "csdesk.sqlite3")
    bootstrap.open_database(url)
    yield url
    dbmod.close()


@pytest.fixture(params=backends())
def any_db(request, tmp_path):
    """The test runs on every configured backend; yields the URL."""
    backend = request.param
    if backend == "sqlite":
        url = "sqlite:///" + str(tmp_path / "csdesk.sqlite3")
        bootstrap.open_database(url)
        yield url
        dbmod.close()
        return
    server = ServerDatabase(os.environ[SERVER_ENV[backend]])
    url = server.create()
    try:
        bootstrap.open_database(url)
        yield url
    finally:
        server.drop()


@pytest.fixture
def staff(request):
    """One user per role (two technicians), in the open database. No
    passwords (a hash costs ~50 ms); tests that sign in set their own."""
    from app.domain.core import users

    admin = (User.select().where(User.role == "admin").first()
             or users.create_user("admin", "管理员", "admin"))
    return {
        "admin": admin,
        "counter": users.create_user("clerk", "张丽", "counter"),
        "tech": users.create_user("tech", "李强", "technician"),
        "tech2": users.create_user("tech2", "赵敏", "technician"),
        "manager": users.create_user("boss", "王建国", "manager"),
        "info": users.create_user("info", "周静", "info_manager"),
        "business": users.create_user("biz", "孙浩然", "business"),
    }


@pytest.fixture
def no_message_boxes(monkeypatch):
    """A message box nobody expected fails the test instead of hanging it."""
    from PySide6.QtWidgets import QMessageBox

    def unexpected(*args, **kwargs):
        raise AssertionError(f"unexpected message box: {args[1:3]}")

    for name in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, name, unexpected)


@pytest.fixture
def printed(monkeypatch):
    """print_service.print_pdf replaced by a collector of (kind, pdf bytes)."""
    from app.ui.base import print_service

    calls = []

    def fake_print_pdf(parent, pdf, kind, title, *, preview=None, render=None):
        calls.append((kind, pdf))
        return True

    monkeypatch.setattr(print_service, "print_pdf", fake_print_pdf)
    return calls


def record_message_boxes(monkeypatch, question_answer=None) -> list:
    """Message boxes recorded as (kind, title, text) instead of shown;
    questions answered ``question_answer`` (default Yes)."""
    from PySide6.QtWidgets import QMessageBox

    shown = []

    def record(kind, answer):
        def box(parent, title, text, *args, **kwargs):
            shown.append((kind, title, text))
            return answer
        return box

    question_answer = QMessageBox.Yes if question_answer is None else question_answer
    for kind, answer in (("warning", QMessageBox.Ok), ("critical", QMessageBox.Ok),
                         ("information", QMessageBox.Ok), ("question", question_answer)):
        monkeypatch.setattr(QMessageBox, kind, record(kind, answer))
    return shown


@pytest.fixture
def messages(monkeypatch):
    """Message boxes recorded instead of shown; questions answered Yes."""
    return record_message_boxes(monkeypatch)
