"""DNS servers for the --check tests and benchmark, on 127.0.0.1 and free ports only.

- `Named`: Debian's real `named`, started with our own config in a temporary folder.
- `FakeDns`: a small dnspython server in a thread, for what `named` refuses to serve (a
  CNAME beside other data) and for answers delayed by a fixed time (the benchmark).
- `DelayProxy`: a UDP proxy in its own process, in front of a `named`, that delays every
  answer by a fixed time: a distant authoritative server (benchmarks/check_many.py).
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import deque
from pathlib import Path

import dns.exception
import dns.flags
import dns.message
import dns.name
import dns.query
import dns.rcode
import dns.rdataclass
import dns.rdatatype
import dns.rrset


def free_port() -> int:
    """A port free for both UDP and TCP on 127.0.0.1 (named listens on both)."""
    for _ in range(50):
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
            udp.bind(("127.0.0.1", 0))
            port = udp.getsockname()[1]
            with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as tcp:
                try:
                    tcp.bind(("127.0.0.1", port))
                except OSError:
                    continue
                return port
    raise RuntimeError("no free port on 127.0.0.1")


def wait_for_soa(port: int, zones: list[str], deadline_seconds: float = 15.0, process=None) -> None:
    """Ready means every zone answers its SOA with authority."""
    deadline = time.monotonic() + deadline_seconds
    pending = list(zones)
    while pending:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"named exited with {process.returncode}")
        try:
            query = dns.message.make_query(pending[0], "SOA")
            response = dns.query.udp(query, "127.0.0.1", timeout=0.5, port=port)
            if response.rcode() == dns.rcode.NOERROR and response.flags & dns.flags.AA and response.answer:
                pending.pop(0)
                continue
        except (dns.exception.Timeout, OSError):
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"DNS server on port {port} did not serve {pending[0]} within {deadline_seconds} s")
        time.sleep(0.05)


# Bytes of receive buffer for named's UDP socket (Linux caps it at net.core.rmem_max): with the
# default (208 KiB) a burst of a few thousand questions from one client overflows it while named's one
# worker is busy, and the datagrams are dropped (the "RcvbufErrors" of /proc/net/snmp, the drops of
# its socket in /proc/net/udp): answers lost by the test server, not by the check.
UDP_BUFFER = 1 << 22


class Named:
    """`named -g` on 127.0.0.1:PORT serving `zones` ({origin: zone file text}), recursion off."""

    def __init__(self, binary: str, folder: Path, zones: dict[str, str],
                 update_key: tuple[str, str, str] | None = None):
        """`update_key` (name, algorithm, base64 secret): zones take RFC 2136 updates signed with
        it, and zone transfers from 127.0.0.1, so a test can read back what an update made."""
        self.folder = folder
        self.zones = zones
        self.port = free_port()
        folder.mkdir(parents=True, exist_ok=True)
        zone_clauses = []
        for origin, text in zones.items():
            file = folder / f"{origin.rstrip('.')}.zone"
            file.write_text(text)
            updates = (f'allow-update {{ key "{update_key[0]}"; }}; allow-transfer {{ 127.0.0.1; }}; '
                       if update_key else "")
            zone_clauses.append(f'zone "{origin}" {{ type primary; file "{file}"; {updates}}};')
        keys = (f'key "{update_key[0]}" {{ algorithm {update_key[1]}; secret "{update_key[2]}"; }};'
                if update_key else "")
        config = folder / "named.conf"
        config.write_text(f"""
options {{
    directory "{folder}";
    pid-file "{folder}/named.pid";
    session-keyfile "{folder}/session.key";
    managed-keys-directory "{folder}";
    listen-on port {self.port} {{ 127.0.0.1; }};
    listen-on-v6 {{ none; }};
    udp-receive-buffer {UDP_BUFFER};
    recursion no;
    dnssec-validation no;
    notify no;
}};
controls {{ }};
{keys}
{chr(10).join(zone_clauses)}
""")
        self.log = open(folder / "named.log", "w")
        # -n 1: one worker thread starts faster; controls {} keeps rndc's port 953 free for others.
        self.process = subprocess.Popen([binary, "-g", "-n", "1", "-c", str(config)],
                                        stdout=self.log, stderr=subprocess.STDOUT)
        try:
            wait_for_soa(self.port, list(zones), process=self.process)
        except RuntimeError as e:
            self.stop()
            raise RuntimeError(f"{e}\n{(folder / 'named.log').read_text()[-3000:]}") from None

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def reload(self, origin: str, text: str, serial: int | None = None) -> None:
        """Serve a new version of one zone: its file rewritten, then SIGHUP, as an operator does.
        The file's time is set ahead, so named sees it changed even within the same second. With
        `serial`, return only once named serves the zone with that SOA serial."""
        file = self.folder / f"{origin.rstrip('.')}.zone"
        file.write_text(text)
        ahead = time.time() + 60
        os.utime(file, (ahead, ahead))
        self.process.send_signal(signal.SIGHUP)
        deadline = time.monotonic() + 10
        while serial is not None:
            try:
                answer = dns.query.udp(dns.message.make_query(origin, "SOA"), "127.0.0.1", timeout=0.5, port=self.port)
                if answer.answer and answer.answer[0][0].serial == serial:
                    return
            except (dns.exception.Timeout, OSError):
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"named did not load serial {serial} of {origin} within 10 s")
            time.sleep(0.05)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


def two_named(binary: str, folders: tuple[Path, Path], zones: dict[str, str], second: dict[str, str]):
    """A generator for a module fixture: two `named`, the first serving `zones`, the second another copy of
    some of them (a server out of step); both stopped at the end, the first also when the second fails."""
    first = Named(binary, folders[0], {f"{origin}.": text for origin, text in zones.items()})
    try:
        other = Named(binary, folders[1], {f"{origin}.": text for origin, text in second.items()})
    except BaseException:
        first.stop()
        raise
    yield first, other
    first.stop()
    other.stop()


class FakeDns:
    """An authoritative-looking UDP server answering from `data`, after `delay` seconds.

    data: {owner name: {type: [rdata text]}}. A question for a type the name lacks gets the
    name's CNAME if it has one, as a server would; otherwise an empty NOERROR. Every answer is
    delayed by the same time without holding up the others (the benchmark's fixed latency).
    """

    def __init__(self, data: dict[str, dict[str, list[str]]], delay: float = 0.0):
        self.data = {dns.name.from_text(name): types for name, types in data.items()}
        self.delay = delay
        self.asked: list[tuple[str, str, bool]] = []  # (name, type, recursion desired) of each query
        self.waiting = 0  # questions received and not answered yet (they wait out the delay)
        self.most_waiting = 0  # the most at any moment: how many the client had in flight
        self.port = 0
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()
        if not self._ready.wait(5):
            raise RuntimeError("fake DNS server did not start")

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def answer(self, wire: bytes) -> bytes | None:
        try:
            query = dns.message.from_wire(wire)
        except Exception:
            return None
        response = dns.message.make_response(query)
        response.flags |= dns.flags.AA
        question = query.question[0]
        self.asked.append((question.name.to_text(), dns.rdatatype.to_text(question.rdtype),
                           bool(query.flags & dns.flags.RD)))
        types = self.data.get(question.name)
        if types is None:
            response.set_rcode(dns.rcode.NXDOMAIN)
            return response.to_wire()
        wanted = dns.rdatatype.to_text(question.rdtype)
        if wanted not in types and "CNAME" in types:
            wanted = "CNAME"
        if wanted in types:
            response.answer.append(dns.rrset.from_text_list(question.name, 300, dns.rdataclass.IN, wanted,
                                                            types[wanted]))
        return response.to_wire()

    def _serve(self) -> None:
        self.loop = asyncio.new_event_loop()
        server = self

        class Protocol(asyncio.DatagramProtocol):
            def connection_made(self, transport):
                self.transport = transport

            def datagram_received(self, wire, address):
                reply = server.answer(wire)
                if reply is not None:
                    server.waiting += 1
                    server.most_waiting = max(server.most_waiting, server.waiting)
                    server.loop.call_later(server.delay, self.send, reply, address)

            def send(self, reply, address):
                server.waiting -= 1
                self.transport.sendto(reply, address)

        transport, _ = self.loop.run_until_complete(
            self.loop.create_datagram_endpoint(Protocol, local_addr=("127.0.0.1", 0)))
        self.port = transport.get_extra_info("sockname")[1]
        self._transport = transport
        self._ready.set()
        self.loop.run_forever()
        transport.close()
        self.loop.close()

    def stop(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(5)


class SilentServer:
    """A UDP socket on 127.0.0.1 that never answers: DNS that cannot be asked."""

    def __init__(self):
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.socket.bind(("127.0.0.1", 0))
        self.port = self.socket.getsockname()[1]

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.socket.close()


class DelayProxy:
    """127.0.0.1:PORT forwarding each UDP query to 127.0.0.1:`upstream` at once and sending each
    answer back `delay` seconds after it came. Its own process, so relaying costs the measured
    program no CPU time; a plain loop on non-blocking sockets (no asyncio: it shares the machine's
    cores with the program measured), with 4 MiB receive buffers so a burst of thousands of
    questions is not dropped by the proxy itself. `relayed()` says how many queries it forwarded."""

    def __init__(self, upstream: int, delay: float):
        self.process = subprocess.Popen([sys.executable, __file__, "proxy", str(upstream), str(delay)],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        if not line.strip().isdigit():
            self.stop()
            raise RuntimeError("the delaying proxy did not start")
        self.port = int(line)

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def relayed(self) -> tuple[int, int]:
        """(queries forwarded, answers sent back) since the proxy started."""
        self.process.stdin.write("count\n")
        self.process.stdin.flush()
        queries, answers = self.process.stdout.readline().split()
        return int(queries), int(answers)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=5)


BUFFER = 1 << 22  # bytes of receive buffer per proxy socket (Linux caps it at net.core.rmem_max)


def _proxy(upstream: int, delay: float) -> None:
    """DelayProxy's process: one socket towards the clients, one towards the upstream server; the
    proxy gives each query an id of its own and restores the client's id in the answer. The delay
    is the same for every answer, so the answers waiting are due in the order they came: a queue."""
    import selectors

    front = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    back = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    for sock in (front, back):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, BUFFER)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, BUFFER)
        sock.setblocking(False)
    front.bind(("127.0.0.1", 0))
    back.connect(("127.0.0.1", upstream))
    waiting: dict[int, tuple[tuple, bytes]] = {}  # proxy id -> (client address, client id bytes)
    due: deque[tuple[float, bytes, tuple]] = deque()  # (when, answer, client address), in order
    next_id = queries = answers = 0
    selector = selectors.DefaultSelector()
    selector.register(front, selectors.EVENT_READ, "front")
    selector.register(back, selectors.EVENT_READ, "back")
    selector.register(sys.stdin, selectors.EVENT_READ, "control")
    print(front.getsockname()[1], flush=True)
    clock = time.monotonic
    while True:
        timeout = max(0.0, due[0][0] - clock()) if due else None
        for key, _ in selector.select(timeout):
            if key.data == "front":
                while True:
                    try:
                        wire, address = front.recvfrom(65535)
                    except BlockingIOError:
                        break
                    if len(wire) < 12:
                        continue
                    next_id = (next_id + 1) & 0xFFFF
                    waiting[next_id] = (address, wire[:2])
                    queries += 1
                    try:
                        back.send(next_id.to_bytes(2, "big") + wire[2:])
                    except BlockingIOError:
                        pass  # lost, as on a network: the client asks again
            elif key.data == "back":
                now = clock()
                while True:
                    try:
                        wire = back.recv(65535)
                    except BlockingIOError:
                        break
                    except OSError:
                        continue  # an ICMP error from a restarting server
                    client = waiting.pop(int.from_bytes(wire[:2], "big"), None)
                    if client is not None:
                        due.append((now + delay, client[1] + wire[2:], client[0]))
            else:
                if not sys.stdin.readline():
                    return  # the parent is gone
                print(queries, answers, flush=True)
        now = clock()
        while due and due[0][0] <= now:
            _, wire, address = due.popleft()
            try:
                front.sendto(wire, address)
                answers += 1
            except BlockingIOError:
                pass


if __name__ == "__main__" and sys.argv[1:2] == ["proxy"]:
    _proxy(int(sys.argv[2]), float(sys.argv[3]))
