"""Issue 11, parts 11 and 12: a MariaDB database that does not store text
as utf8mb4 is refused at open with the statements that fix it; a
malformed database URL (a port out of range) gives a message, never a
traceback, from the command line and the window."""
from __future__ import annotations

import os

import pymysql
import pytest

from app import cli
from app.domain import bootstrap
from app.domain.core import db as dbmod
from app.domain.core.errors import BadDatabaseUrl, WrongCharacterSet
from app.domain.customers import customers
from app.domain.customers.models import Customer
from tests.conftest import ServerDatabase, _admin_exec

MYSQL = os.environ.get("CSDESK_TEST_MYSQL_URL")
needs_mariadb = pytest.mark.skipif(not MYSQL, reason="CSDESK_TEST_MYSQL_URL names no MariaDB server")


def run_sql(url: str, statements: str) -> None:
    p = dbmod.urlparse(url)
    conn = pymysql.connect(host=p.hostname, port=p.port or 3306, user=p.username or "root",
                           password=p.password or "", database=p.path.lstrip("/"), autocommit=True)
    try:
        with conn.cursor() as cur:
            for statement in statements.split(";"):
                if statement.strip():
                    cur.execute(statement)
    finally:
        conn.close()


@pytest.fixture
def server_db():
    made = []

    def create(charset: str) -> ServerDatabase:
        server = ServerDatabase(MYSQL)
        _admin_exec(MYSQL, f"CREATE DATABASE `{server.name}` CHARACTER SET {charset}")
        made.append(server)
        return server

    yield create
    for server in made:
        server.drop()


@needs_mariadb
@pytest.mark.parametrize("charset", ["latin1", "utf8mb3"])
def test_a_database_not_in_utf8mb4_is_refused_with_the_fix(server_db, charset, capsys):
    server = server_db(charset)
    fix = f"ALTER DATABASE `{server.name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
    with pytest.raises(WrongCharacterSet) as refused:
        bootstrap.open_database(server.url)
    assert fix in refused.value.message and charset in refused.value.message
    assert dbmod.database.obj is None or dbmod.database.obj.database != server.name   # never half open
    assert cli.main(["--database", server.url, "migrate"]) == 2
    assert fix in capsys.readouterr().err
    run_sql(server.url, fix)                          # what the message says, run as it says
    bootstrap.open_database(server.url)
    c = customers.create_customer("吉野家𠮷祥商行", "13800138000", "end_user", user=None)
    assert Customer.get_by_id(c.id).name == "吉野家𠮷祥商行"


@needs_mariadb
def test_tables_in_another_character_set_are_listed_and_converted(server_db):
    server = server_db("utf8mb4 COLLATE utf8mb4_unicode_ci")
    bootstrap.open_database(server.url)               # csdesk's tables, in utf8mb4
    dbmod.close()
    run_sql(server.url, f"ALTER DATABASE `{server.name}` CHARACTER SET utf8mb3;"
                        "ALTER TABLE customer CONVERT TO CHARACTER SET latin1;"
                        "ALTER TABLE user MODIFY display_name VARCHAR(64) CHARACTER SET utf8mb3 NOT NULL")
    with pytest.raises(WrongCharacterSet) as refused:
        bootstrap.open_database(server.url)
    statements = [line for line in refused.value.message.splitlines() if line.startswith("ALTER")]
    assert statements == [
        f"ALTER DATABASE `{server.name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;",
        "ALTER TABLE `customer` CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;",
        "ALTER TABLE `user` CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"]
    run_sql(server.url, "\n".join(statements))
    bootstrap.open_database(server.url)
    assert customers.create_customer("𠮷野商行", "", "end_user", user=None).name == "𠮷野商行"


BAD_URLS = [("mysql://root@127.0.0.1:99999/csdesk", "99999"), ("postgresql://pg:secret@db.local:70000/csdesk", "70000"),
            ("mysql://root@127.0.0.1:33o6/csdesk", "33o6"), ("postgresql://u@h:0/csdesk", "0"),
            ("mysql://root@[::1/csdesk", "malformed"), ("oracle://u@h/csdesk", "Unsupported")]


@pytest.mark.parametrize("url,said", BAD_URLS)
def test_a_malformed_url_is_told_by_the_command_line(url, said, capsys):
    assert cli.main(["--database", url, "migrate"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("csdesk: ") and said in err and "Traceback" not in err
    assert "secret" not in err                       # the password is never shown
    with pytest.raises(BadDatabaseUrl):
        dbmod.check_url(url)
    assert dbmod.describe_url(url)                   # describing it never raises


def test_a_malformed_url_is_told_by_the_window(qtbot, monkeypatch):
    from app.ui.shell import application

    asked = []

    def ask(url, exc):
        asked.append((application.translated(exc.message), application.dbmod.describe_url(url)))
        return None                                  # the user chose Quit

    monkeypatch.setattr(application, "_ask_after_failure", ask)
    assert application.open_database("mysql://root@127.0.0.1:99999/csdesk") is None
    assert "99999" in asked[0][0] and "65535" in asked[0][0]
    assert asked[0][1] == "mysql://root@127.0.0.1:99999/csdesk"


def test_good_urls_pass():
    for url in ("mysql://root@127.0.0.1:3306/csdesk", "postgresql://u:p@[::1]:5432/csdesk", "sqlite:///tmp/x.sqlite3",
                "/tmp/x.sqlite3", "mysql+pymysql://root@host/csdesk"):
        dbmod.check_url(url)
