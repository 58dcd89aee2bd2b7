"""A hostile DNS server on 127.0.0.1: every UDP answer is truncated (TC set), and TCP, where a client
must then ask, fails in the chosen way. For the tests of --check's bounded waits (docs/failures.md).

    with HostileDns("close") as server:        # in a test
        ... --nameserver server.address ...

    python3 tests/hostile_dns.py close 30       # as a process: prints its port, serves 30 s, exits

TCP behaviours:
  close    accept, then close at once without a byte
  garbage  send a length prefix and bytes that are no DNS message
  short    announce 512 bytes, send 3, then close
  silent   accept, read the question, never answer (the client's timeout must end it)
"""

from __future__ import annotations

import socket
import sys
import threading
import time

BEHAVIOURS = ("close", "garbage", "short", "silent")


def truncated(query: bytes) -> bytes | None:
    """The answer to `query` with only its question, QR and TC set: "ask me again over TCP"."""
    if len(query) < 12:
        return None
    end = 12
    while end < len(query) and query[end] != 0:  # QNAME, uncompressed in a query
        end += query[end] + 1
    question = query[12:end + 5]
    flags = bytes((0x80 | 0x04 | 0x02 | (query[2] & 0x01), 0x00))  # QR, AA, TC, the RD asked
    return query[:2] + flags + b"\x00\x01\x00\x00\x00\x00\x00\x00" + question


def _bound_pair() -> tuple[socket.socket, socket.socket]:
    """A UDP and a TCP socket on the same free port of 127.0.0.1 (a port free for UDP may be taken for TCP)."""
    for _ in range(50):
        udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        udp.bind(("127.0.0.1", 0))
        tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            tcp.bind(("127.0.0.1", udp.getsockname()[1]))
        except OSError:
            udp.close()
            tcp.close()
            continue
        return udp, tcp
    raise RuntimeError("no port free for both UDP and TCP on 127.0.0.1")


class HostileDns:
    def __init__(self, tcp: str = "close"):
        if tcp not in BEHAVIOURS:
            raise ValueError(f"unknown TCP behaviour {tcp!r}")
        self.tcp_behaviour = tcp
        self.udp, self.tcp = _bound_pair()
        self.port = self.udp.getsockname()[1]
        self.tcp.listen(64)
        self.udp_queries = 0
        self.tcp_connections = 0
        self._stopped = threading.Event()
        self._held: list[socket.socket] = []  # "silent" connections, closed at stop
        self._threads = [threading.Thread(target=self._serve_udp, daemon=True),
                         threading.Thread(target=self._serve_tcp, daemon=True)]

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self) -> HostileDns:
        for thread in self._threads:
            thread.start()
        return self

    def stop(self) -> None:
        self._stopped.set()
        for sock in (self.udp, self.tcp, *self._held):
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()

    def __enter__(self) -> HostileDns:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def _serve_udp(self) -> None:
        while not self._stopped.is_set():
            try:
                query, client = self.udp.recvfrom(65535)
            except OSError:
                return
            reply = truncated(query)
            if reply is not None:
                self.udp_queries += 1
                try:
                    self.udp.sendto(reply, client)
                except OSError:
                    pass

    def _serve_tcp(self) -> None:
        while not self._stopped.is_set():
            try:
                connection, _ = self.tcp.accept()
            except OSError:
                return
            self.tcp_connections += 1
            try:
                if self.tcp_behaviour == "garbage":
                    connection.recv(65535)
                    connection.sendall(b"\x00\x10" + b"\xff" * 16)
                elif self.tcp_behaviour == "short":
                    connection.recv(65535)
                    connection.sendall(b"\x02\x00abc")
                elif self.tcp_behaviour == "silent":
                    self._held.append(connection)
                    continue
            except OSError:
                pass
            connection.close()


def main() -> None:
    """As a process: `hostile_dns.py BEHAVIOUR SECONDS` prints its port, serves, and exits by itself."""
    behaviour, seconds = sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 30.0
    server = HostileDns(behaviour).start()
    print(server.port, flush=True)
    time.sleep(seconds)
    server.stop()


if __name__ == "__main__":
    main()
