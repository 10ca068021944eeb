"""Database servers of the tests' own, on ports of their own, that a test
may kill and restart (the machine's servers are never touched).

* :class:`PgCluster`: ``initdb`` into a temporary folder and ``postgres`` on a
  free port (run as the ``postgres`` user when the tests run as root, as
  initdb refuses root).
* :class:`MariaServer`: ``mariadb-install-db`` into a temporary folder and
  ``mariadbd`` on a free port, grant tables skipped (any user, no password).

Both offer ``url(dbname)``, ``create_database(name)``, ``kill()`` (no
shutdown: the connections break as in a crash or a cable pulled) and
``start()`` again on the same data.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_port(port: int, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listens on port {port}")


def _pg_bin() -> Path | None:
    for root in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (root / "initdb").exists():
            return root
    return None


def pg_available() -> bool:
    return _pg_bin() is not None


def mariadb_available() -> bool:
    return shutil.which("mariadb-install-db") is not None and Path("/usr/sbin/mariadbd").exists()


class PgCluster:
    def __init__(self):
        self.bin = _pg_bin()
        self.dir = Path(tempfile.mkdtemp(prefix="csdesk-pg-"))
        self.data = self.dir / "data"
        self.port = free_port()
        self.proc: subprocess.Popen | None = None
        self._as_postgres = os.geteuid() == 0
        if self._as_postgres:
            shutil.chown(self.dir, "postgres", "postgres")
        self._run([str(self.bin / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres",
                   "-E", "UTF8", "--locale=C.UTF-8"], check=True)

    def _cmd(self, args: list[str]) -> list[str]:
        return ["runuser", "-u", "postgres", "--", *args] if self._as_postgres else args

    def _run(self, args, **kw):
        return subprocess.run(self._cmd(args), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kw)

    def start(self) -> None:
        self.proc = subprocess.Popen(self._cmd([
            str(self.bin / "postgres"), "-D", str(self.data), "-p", str(self.port), "-k", str(self.dir),
            "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "max_connections=60"]),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        _wait_port(self.port)
        for _ in range(100):   # accepting connections, not only listening
            if subprocess.run([str(self.bin / "pg_isready"), "-h", "127.0.0.1", "-p", str(self.port)],
                              stdout=subprocess.DEVNULL).returncode == 0:
                return
            time.sleep(0.1)

    def kill(self) -> None:
        """Stop the server at once: ``pg_ctl stop -m immediate`` (no checkpoint,
        every connection cut as in a crash; the next start recovers from the
        log). A postmaster SIGKILLed would leave its backends holding the
        shared memory, and a new one could not start on the same data."""
        if self.proc is not None:
            self._run([str(self.bin / "pg_ctl"), "stop", "-D", str(self.data), "-m", "immediate", "-w", "-t", "30"])
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.proc.wait()
            self.proc = None

    def restart(self) -> None:
        self.kill()
        self.start()

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{dbname}"

    def create_database(self, name: str) -> str:
        import psycopg2

        conn = psycopg2.connect(host="127.0.0.1", port=self.port, user="postgres", dbname="postgres")
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute(f'CREATE DATABASE "{name}"')
        conn.close()
        return self.url(name)

    def close(self) -> None:
        self.kill()
        shutil.rmtree(self.dir, ignore_errors=True)


class MariaServer:
    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="csdesk-maria-"))
        self.data = self.dir / "data"
        self.port = free_port()
        self.proc: subprocess.Popen | None = None
        subprocess.run(["mariadb-install-db", "--no-defaults", f"--datadir={self.data}", "--user=root",
                        "--skip-test-db", "--auth-root-authentication-method=normal"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True)

    def start(self) -> None:
        self.proc = subprocess.Popen([
            "/usr/sbin/mariadbd", "--no-defaults", f"--datadir={self.data}", f"--port={self.port}",
            f"--socket={self.dir / 'mysqld.sock'}", "--bind-address=127.0.0.1", "--user=root",
            "--skip-grant-tables", "--skip-log-bin", "--innodb-buffer-pool-size=32M",
            "--innodb-flush-log-at-trx-commit=2", f"--pid-file={self.dir / 'mysqld.pid'}",
            "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        _wait_port(self.port, timeout=60)

    def kill(self) -> None:
        if self.proc is not None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
            self.proc = None

    def restart(self) -> None:
        self.kill()
        self.start()

    def url(self, dbname: str = "mysql") -> str:
        return f"mysql://root@127.0.0.1:{self.port}/{dbname}"

    def create_database(self, name: str) -> str:
        import pymysql

        for _ in range(50):
            try:
                conn = pymysql.connect(host="127.0.0.1", port=self.port, user="root", autocommit=True)
                break
            except pymysql.err.OperationalError:
                time.sleep(0.2)
        with conn.cursor() as cur:
            cur.execute(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4")
        conn.close()
        return self.url(name)

    def close(self) -> None:
        self.kill()
        shutil.rmtree(self.dir, ignore_errors=True)
