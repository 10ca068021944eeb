"""A small TCP proxy between a station and its database server that can
break a connection at the worst moment.

``Proxy(target_port)`` listens on a free port and relays both ways. With
``cut_after_commit`` set, the first client packet holding ``COMMIT`` is
passed on, the server's answer (the commit is done) is held back and the
client's connection is closed: the station sees the connection break while
its COMMIT was on the way, although the server committed. With
``cut_before_commit`` the COMMIT never reaches the server (it rolls back).
``drop_all()`` breaks every connection at once (a cable pulled). A cut
disarms itself: one COMMIT is lost, the next ones pass.
"""
from __future__ import annotations

import select
import socket
import threading

from tests.stations.servers import free_port


def _is_commit(packet: bytes) -> bool:
    """A client packet that is the statement COMMIT (PostgreSQL's simple
    query, MariaDB's COM_QUERY), not one that merely names it (SET autocommit)."""
    return packet.rstrip(b"\x00; \n").upper().endswith(b"COMMIT") and b"AUTOCOMMIT" not in packet.upper()


class Proxy:
    def __init__(self, target_port: int, host: str = "127.0.0.1"):
        self.target = (host, target_port)
        self.port = free_port()
        self.cut_after_commit = False
        self.cut_before_commit = False
        self.cuts = 0
        self._pairs: list[tuple[socket.socket, socket.socket]] = []
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", self.port))
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            try:
                server = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._pairs.append((client, server))
            threading.Thread(target=self._relay, args=(client, server), daemon=True).start()

    def _relay(self, client: socket.socket, server: socket.socket) -> None:
        try:
            while True:
                ready, _, _ = select.select([client, server], [], [], 0.5)
                if self._closed:
                    return
                for sock in ready:
                    data = sock.recv(65536)
                    if not data:
                        return
                    if sock is client:
                        if (self.cut_after_commit or self.cut_before_commit) and _is_commit(data):
                            self.cuts += 1
                            after, self.cut_after_commit, self.cut_before_commit = self.cut_after_commit, False, False
                            if after:
                                server.sendall(data)
                                server.recv(65536)          # the server's answer: committed
                            return                          # ... which the client never gets
                        server.sendall(data)
                    else:
                        client.sendall(data)
        except (OSError, ValueError):   # a socket closed under us (drop_all, close): the relay ends
            return
        finally:
            for s in (client, server):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                s.close()

    def drop_all(self) -> None:
        with self._lock:
            pairs, self._pairs = self._pairs, []
        for pair in pairs:
            for s in pair:
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                s.close()

    def close(self) -> None:
        self._closed = True
        self._listener.close()
        self.drop_all()
