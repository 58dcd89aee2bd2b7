"""Ask DNS servers the check's questions: many at once, at most N in flight, each with a timeout.

exporter/dnscheck/run.py decides what to ask and of whom; this module only asks, and finds zones
and their servers.

By default the servers are the zone's own authoritative ones, found through the system
resolver and asked without recursion, so no cache hides a fix (or a mistake) made minutes
ago. `--nameserver HOST[:PORT]` names the servers instead; they are asked with recursion
desired, so a resolver works too and an authoritative server simply ignores the flag.

The questions of every identity share one `Asker`: a few UDP sockets (each query gets a random
id on a socket with a random port; an answer counts only from the server asked, with the id
and the question asked), a bound on the questions in flight (`--max-queries`), and a server
that stopped answering is not waited for again and again.
"""

from __future__ import annotations

import array
import asyncio
import functools
import ipaddress
import math
import secrets
import socket
from collections import deque
from dataclasses import dataclass, field

import dns.asyncquery
import dns.asyncresolver
import dns.exception
import dns.flags
import dns.message
import dns.name
import dns.rcode
import dns.rdatatype
import dns.resolver

from .. import names
from ..errors import DnsError, InputError
from ..phrase import Phrase
from .wire import EDNS_PAYLOAD, Question, Reply, WireError, name_text, question

QUERY_TIMEOUT = 2.0  # seconds per attempt; authoritative servers answer in well under 1 s
ATTEMPTS = 2  # one retry: a lost UDP datagram should not fail the whole check
# Questions in flight at once (--max-queries, 1..10000 in cli.py). 2,500: 10,000 identities of about 9 questions
# in well under 10 s of round trips at 100 ms. What lost answers at 2,500 before (docs/check.md, "Many
# identities") was the test server's own receive buffer (named's default 208 KiB, one worker on a loaded
# machine: /proc/net/udp counted the drops on its socket, at 1,000 too); these sockets hold 1 MiB each for at
# most PER_SOCKET questions, so a burst of answers waits for a busy loop instead of being dropped.
MAX_QUERIES = 2500
PER_SOCKET = 64  # questions in flight on one UDP socket: many ports, so guessing one is hard
DOWN_AFTER = 3  # a server that timed out on this many questions in a row is not asked again in this run
TIMER_SLACK = 0.05  # seconds a timeout may run over, so that one wake-up gives up many questions
RECEIVE_BUFFER = 1 << 20  # bytes: a burst of answers must not overflow a socket while Python is busy
_TYPES = {name: dns.rdatatype.from_text(name) for name in ("A", "AAAA", "CNAME", "MX", "NS", "SOA", "TXT")}


@dataclass(frozen=True)
class Server:
    address: str  # an IP address
    port: int = 53
    name: str | None = None  # the host name it was found or given as, for people
    recursion: bool = False  # set RD: --nameserver may be a resolver

    @functools.cached_property  # asked for each answer (views are keyed by it); the dataclass is frozen
    def label(self) -> str:
        where = f"[{self.address}]:{self.port}" if ":" in self.address else f"{self.address}:{self.port}"
        if self.port == 53:
            where = self.address
        return f"{self.name} ({where})" if self.name and self.name != self.address else where

    def __hash__(self) -> int:  # the dataclass's hash (of the fields it compares), worked out once: one per answer
        return self._hash

    @functools.cached_property
    def _hash(self) -> int:
        return hash((self.address, self.port, self.name, self.recursion))


def parse_nameserver(text: str) -> Server:
    """`--nameserver` HOST[:PORT]: an IPv4/IPv6 address ([::1]:53 with a port) or a host name."""
    raw = text.strip()
    from ..names import control_character

    if control_character(raw) is not None:  # getaddrinfo reads '1\x0027.0.0.1' as 0.0.0.1
        raise _refused(Phrase("error.control-character", value=repr(text), character=repr(control_character(raw))))
    host, port = raw, 53
    if raw.startswith("["):
        host, _, rest = raw[1:].partition("]")
        if rest:
            if not rest.startswith(":"):
                raise _refused(Phrase("error.not-host-port", value=repr(text)))
            port = _port(rest[1:], text)
    elif raw.count(":") == 1:
        host, port_text = raw.split(":")
        port = _port(port_text, text)
    if not host:
        raise _refused(Phrase("error.no-host", value=repr(text)))
    try:
        return Server(str(ipaddress.ip_address(host)), port, recursion=True)
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_DGRAM)
    except (socket.gaierror, UnicodeError) as e:
        raise _refused(Phrase("error.cannot-resolve", host=repr(host),
                              reason=str(getattr(e, "strerror", None) or e))) from None
    # IPv4 first: many machines have no IPv6 route, and one address per server is enough.
    infos.sort(key=lambda info: info[0] != socket.AF_INET)
    return Server(str(infos[0][4][0]), port, name=host, recursion=True)


def _refused(detail: Phrase) -> InputError:
    """A refusal of --nameserver's value; the flag is part of the sentence (the library's str(error) says it too)."""
    return InputError(Phrase("error.flagged", flag="--nameserver", detail=detail))


def _port(text: str, whole: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise _refused(Phrase("error.port-range", value=repr(whole)))
    return int(text)


class Asker:
    """Asks questions of DNS servers over shared UDP sockets (TCP when an answer is truncated).

    One per check run, used from one asyncio loop. `ask` returns a future of the servers'
    `Reply`s, one per question, each or a sentence saying why there is none ("timed out after 2
    s"); `query` the same for one question. Queries are written and answers read by the small
    codec of wire.py, not by dns.message, and a question is a few plain calls, not a task, a
    future or a timer of its own: tens of thousands of answers for a thousand identities.
    """

    def __init__(self, timeout: float = QUERY_TIMEOUT, max_queries: int = MAX_QUERIES, attempts: int = ATTEMPTS):
        self.timeout = timeout
        self.attempts = attempts
        self.max_queries = max_queries
        self._free = max_queries  # places in flight not taken
        self._waiting: deque[_Question_job] = deque()  # first come, first served
        self._sockets: dict[int, list[_UdpSocket]] = {}  # address family -> sockets
        self._turn = 0
        self._per_family = max(1, math.ceil(max_queries / PER_SOCKET))  # sockets per address family
        self._silent: dict[Server, int] = {}  # timeouts in a row, per server
        self._tcp: set[asyncio.Future] = set()  # questions asked again over TCP, in flight
        # Every datagram sent, with when it is given up: one timeout for all, so in the order sent, and
        # one timer (for the first) instead of one per question.
        self._deadlines: deque[tuple[float, _Question_job, tuple | None]] = deque()
        self._timer: asyncio.TimerHandle | None = None
        self._ids: list[int] = []  # random query ids, drawn from the system a few thousand at a time
        self.sent = 0  # datagrams sent: the benchmark reports it

    def ask(self, questions: list[tuple[Server, str, str]]) -> asyncio.Future:
        """A future of the answers to (server, name, type) questions, in their order."""
        loop = asyncio.get_running_loop()
        batch = _Batch(loop.create_future(), len(questions))
        if not questions:
            batch.future.set_result([])
        attempts, types = self.attempts, _TYPES
        deadline = loop.time() + self.timeout  # the same for every question sent now: the clock read once
        for index, (server, name, rdtype) in enumerate(questions):
            job = _Question_job(self, server, name, rdtype, question(name, types.get(rdtype) or
                                                                       dns.rdatatype.from_text(rdtype)),
                                batch, index, attempts)
            if self._free > 0:
                self._free -= 1
                if self._silent:  # a server timed out earlier: start() may give the question up at once
                    job.start()
                else:  # start(), without its checks: the batch was just made, and no server has timed out
                    job.send(deadline)
            else:
                self._waiting.append(job)
        return batch.future

    async def query(self, server: Server, name: str, rdtype: str) -> Reply | str:
        return (await self.ask([(server, name, rdtype)]))[0]

    def _release(self) -> None:
        """A question is done: its place goes to the next one waiting."""
        if self._waiting:
            self._waiting.popleft().start()
        else:
            self._free += 1

    def _socket(self, family: int) -> _UdpSocket:
        sockets = self._sockets.get(family)
        if sockets is None:
            sockets = self._sockets[family] = []
        if len(sockets) < self._per_family:
            sockets.append(_UdpSocket(family, asyncio.get_running_loop()))
            return sockets[-1]
        self._turn += 1
        return sockets[self._turn % len(sockets)]

    def _id(self) -> int:
        if not self._ids:
            self._ids.extend(array.array("H", secrets.token_bytes(4096)))  # from the system: ids nobody can predict
        return self._ids.pop()

    def _watch_first(self, loop: asyncio.AbstractEventLoop) -> None:
        """The timer for the first question in `_deadlines` (_Question_job.send appended it; no timer was set)."""
        self._timer = loop.call_at(self._deadlines[0][0] + TIMER_SLACK, self._expire)

    def _expire(self) -> None:
        """The questions whose time is up: each socket read first (a busy loop may not have read an
        answer that came in time), then those still unanswered sent again or given up. Those
        answered meanwhile are only dropped from the queue."""
        self._timer = None
        deadlines = self._deadlines
        loop = asyncio.get_running_loop()
        now = loop.time()
        drained = False
        while deadlines and deadlines[0][0] <= now:
            _, job, key = deadlines[0]
            if key is not None and job.key == key and job.udp is not None and job.udp.pending.get(key) is job:
                if not drained:
                    drained = True
                    for sockets in self._sockets.values():
                        for udp in sockets:
                            udp._drain()
                    continue  # it may have been answered now
                job.expire()
            deadlines.popleft()
        if deadlines and self._timer is None:
            self._timer = loop.call_at(deadlines[0][0] + TIMER_SLACK, self._expire)

    def close(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        for task in self._tcp:
            task.cancel()
        for sockets in self._sockets.values():
            for udp in sockets:
                udp.close()
        self._sockets.clear()


class _Batch:
    """The questions of one `Asker.ask`: their answers, and the future that has them once all are in."""

    __slots__ = ("future", "results", "left")

    def __init__(self, future: asyncio.Future, count: int):
        self.future, self.results, self.left = future, [None] * count, count

    def done(self, index: int, value) -> None:
        self.results[index] = value
        self.left -= 1
        if not self.left and not self.future.done():
            self.future.set_result(self.results)


class _Question_job:
    """One question in flight: sent, sent again after a timeout, then done (once)."""

    __slots__ = ("asker", "server", "name", "rdtype", "question", "batch", "index", "left", "key", "udp", "over")

    def __init__(self, asker: Asker, server: Server, name: str, rdtype: str, question: Question,
                 batch: _Batch, index: int, attempts: int):
        self.asker, self.server, self.name, self.rdtype = asker, server, name, rdtype
        self.question, self.batch, self.index, self.left = question, batch, index, attempts
        self.key: tuple | None = None
        self.udp: _UdpSocket | None = None
        self.over = False

    def start(self) -> None:
        if self.batch.future.done():  # given up by whoever asked (cancelled)
            self.over = True
            self.asker._release()
        elif self.asker._silent and self.asker._silent.get(self.server, 0) >= DOWN_AFTER:  # others found out meanwhile
            self.finish(f"timed out after {self.asker.timeout:g} s (it stopped answering earlier in this check)")
        else:
            self.send()

    def send(self, deadline: float | None = None) -> None:
        """Send the question (again); `deadline`: when it is given up, if the caller has read the clock."""
        asker, server = self.asker, self.server
        udp = self.udp = asker._socket(socket.AF_INET6 if ":" in server.address else socket.AF_INET)
        ids, pending = asker._ids, udp.pending
        while True:
            qid = ids.pop() if ids else asker._id()
            key = (server.address, server.port, qid)
            if key not in pending:
                break
        self.key = key
        pending[key] = self
        self.left -= 1
        if deadline is None:
            deadline = udp.loop.time() + asker.timeout
        asker._deadlines.append((deadline, self, key))  # Asker._watch, inline: one per question
        if asker._timer is None:
            asker._watch_first(udp.loop)
        flags = b"\x01\x00" if server.recursion else b"\x00\x00"  # RD, or nothing
        try:
            udp.sock.sendto(qid.to_bytes(2, "big") + flags + self.question.rest, key[:2])
            asker.sent += 1
        except BlockingIOError:
            pass  # not sent: it times out like a lost datagram, and is sent again
        except OSError as e:
            self.finish(f"failed ({_why(e)})")

    def answered(self, reply: Reply) -> None:
        if reply.truncated:
            self._forget()
            task = asyncio.ensure_future(self._tcp())
            self.asker._tcp.add(task)  # a reference, so it is not collected; Asker.close cancels it
            task.add_done_callback(self._tcp_done)
            return
        silent = self.asker._silent
        if silent:  # empty until a server times out: no hash of the Server (a Python call) per answer
            silent[self.server] = 0
        self.finish(reply)

    def _tcp_done(self, task: asyncio.Future) -> None:
        """The place is released whatever became of the TCP question (_tcp returns, it does not raise)."""
        self.asker._tcp.discard(task)
        self.finish("cancelled" if task.cancelled() else task.result())

    async def _tcp(self) -> Reply | str:
        """The question again over TCP, within the timeout as a whole. A server that closes the connection,
        sends a short or garbled message or says nothing is a failure of that server, like silence over UDP."""
        query = dns.message.make_query(self.name, self.rdtype, use_edns=0, payload=EDNS_PAYLOAD)
        if not self.server.recursion:
            query.flags &= ~dns.flags.RD
        timeout = self.asker.timeout
        try:
            response = await asyncio.wait_for(
                dns.asyncquery.tcp(query, self.server.address, timeout=timeout, port=self.server.port), timeout)
            return Reply(response.to_wire(), self.question)
        except (asyncio.TimeoutError, dns.exception.Timeout):
            return f"failed (over TCP, after a truncated answer over UDP: no answer within {timeout:g} s)"
        except EOFError:
            return "failed (over TCP, after a truncated answer over UDP: the server closed the connection)"
        except Exception as e:  # whatever a garbled message makes the reader raise: never a traceback, never a hang
            return f"failed (over TCP, after a truncated answer over UDP: {_why(e)})"

    def expire(self) -> None:
        """Its time is up unanswered (Asker._expire): send again, or give up."""
        self._forget()
        if self.batch.future.done():  # given up by whoever asked: no more tries, no blame on the server
            self.finish(None)
            return
        if self.left > 0:
            self.send()
            return
        silent = self.asker._silent
        silent[self.server] = silent.get(self.server, 0) + 1
        self.finish(f"timed out after {self.asker.timeout:g} s")

    def _forget(self) -> None:
        if self.udp is not None and self.key is not None and self.udp.pending.get(self.key) is self:
            del self.udp.pending[self.key]

    def finish(self, value) -> None:
        if self.over:
            return
        self.over = True
        udp, key = self.udp, self.key
        if udp is not None and key is not None and udp.pending.get(key) is self:  # _forget, inline
            del udp.pending[key]
        self.key = None
        self.batch.done(self.index, value)
        asker = self.asker
        if asker._waiting:  # Asker._release, inline
            asker._waiting.popleft().start()
        else:
            asker._free += 1


class _UdpSocket:
    """One UDP socket on a random port; all the answers waiting in it are read at each wake-up,
    so none waits behind a timer that would call it lost."""

    def __init__(self, family: int, loop: asyncio.AbstractEventLoop):
        self.loop = loop
        self.pending: dict[tuple, _Question_job] = {}  # (address, port, id) -> the question asked
        self.sock = socket.socket(family, socket.SOCK_DGRAM)
        try:
            self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, RECEIVE_BUFFER)
        except OSError:
            pass
        self.sock.setblocking(False)
        self.sock.bind(("::" if family == socket.AF_INET6 else "0.0.0.0", 0))
        loop.add_reader(self.sock.fileno(), self._drain)

    def _drain(self) -> None:
        pending, recvfrom = self.pending, self.sock.recvfrom
        for _ in range(1024):
            try:
                data, address = recvfrom(65535)
            except (BlockingIOError, InterruptedError):
                return
            except OSError:
                continue  # an ICMP error queued on the socket: the question times out as for silence
            if len(data) < 12:
                continue
            job = pending.get((address[0], address[1], int.from_bytes(data[:2], "big")))
            if job is None:
                continue  # late (after a timeout), or not ours
            try:
                reply = Reply(data, job.question)
            except WireError:
                continue  # not an answer to that question: keep waiting for the real one
            if reply.truncated or job.asker._silent:
                job.answered(reply)
            else:  # answered() for the usual answer, without its call
                job.finish(reply)

    def close(self) -> None:
        self.loop.remove_reader(self.sock.fileno())
        self.sock.close()


# --- reading answers -----------------------------------------------------------------------

def owned_rrsets(reply: Reply | str, name: str, server: Server) -> dict | str:
    """The rrsets owned by `name` in the answer (type -> rdata set), or why there is none."""
    if isinstance(reply, str):
        return reply
    if reply.rcode == dns.rcode.NXDOMAIN:
        return reply.owned  # empty, or a CNAME whose target does not exist
    if reply.rcode != dns.rcode.NOERROR:
        hint = ": not authoritative for the zone" if reply.rcode == dns.rcode.REFUSED else ""
        return f"answered {dns.rcode.to_text(dns.rcode.Rcode(reply.rcode))}{hint}"
    if not server.recursion and not reply.authoritative and not reply.has_answer:
        return "was not authoritative (a referral or a lame delegation)"
    return reply.owned  # a CNAME's target data belongs to another name, and is not in it


def zone_in(reply: Reply, name: str) -> str | None:
    """The zone an answer to `name SOA` shows `name` to be in: `name` when it owns the SOA, the
    owner of the authority section's SOA otherwise, or a referral's cut."""
    if reply.rcode not in (dns.rcode.NOERROR, dns.rcode.NXDOMAIN):
        return None
    if "SOA" in reply.owned:
        return name
    labels = _labels(name)
    for wanted in (dns.rdatatype.SOA, dns.rdatatype.NS):
        for owner, rdtype in reply.authority:
            inside = not owner or labels[len(labels) - len(owner):] == owner
            if rdtype == wanted and inside and (wanted == dns.rdatatype.SOA or not reply.has_answer):
                return name_text(dns.name.Name(owner + (b"",)))
    return None


def _labels(name: str) -> tuple[bytes, ...]:
    """question(name, ...).labels (lowercase, without the root), for a plain name without writing the question."""
    if name.isascii() and name.endswith(".") and "\\" not in name and len(name) <= 254:
        labels = tuple(name[:-1].lower().encode().split(b"."))
        if b"" not in labels and max(map(len, labels)) <= 63:
            return labels
    return question(name, dns.rdatatype.SOA).labels


async def zone_at(asker: Asker, servers: list[Server], name: str) -> tuple[str | None, str | None]:
    """(the zone holding `name` as these servers answer, why it could not be found): the walk of
    dns.resolver.zone_for_name (SOA of the name, then of each parent) against `servers`."""
    candidate = dns.name.from_text(name)
    why = None
    while True:
        walk_up = False
        for server in servers:
            response = await asker.query(server, candidate.to_text(), "SOA")
            if isinstance(response, str):
                why = f"{server.label} {response}"
                continue
            zone = zone_in(response, candidate.to_text())
            if zone:
                return zone, None
            problem = owned_rrsets(response, candidate.to_text(), server)
            if isinstance(problem, str):
                why = f"{server.label} {problem}"
                continue
            walk_up = True  # a plain answer without a SOA (a CNAME at the name): ask for the parent
            break
        if not walk_up or len(candidate) <= 2:
            return None, why
        candidate = candidate.parent()


def resolver_copy(resolver: dns.resolver.Resolver | None, timeout: float) -> dns.asyncresolver.Resolver:
    """An asyncio resolver asking what `resolver` asks (default: the system's /etc/resolv.conf)."""
    if resolver is None:
        copy = dns.asyncresolver.Resolver()
    else:
        copy = dns.asyncresolver.Resolver(configure=False)
        copy.nameservers = list(resolver.nameservers)
        copy.port = resolver.port
    copy.lifetime = max(copy.lifetime, 2 * timeout)
    return copy


async def zone_through(name: str, resolver: dns.asyncresolver.Resolver) -> str:
    """The zone that holds `name` (it may be a parent), found through `resolver`."""
    try:
        return (await dns.asyncresolver.zone_for_name(name, resolver=resolver)).to_text()
    except dns.resolver.NXDOMAIN:
        raise DnsError(Phrase("error.dns-nxdomain", name=name[:-1])) from None
    except dns.resolver.NoRootSOA:  # dnspython says "There is no SOA RR at the DNS root name. This should never happen!"
        raise DnsError(Phrase("error.dns-no-soa", name=name[:-1])) from None
    except dns.exception.DNSException as e:
        raise DnsError(Phrase("error.dns-no-zone", name=name[:-1], why=_why(e))) from None


async def servers_of(zone: str, resolver: dns.asyncresolver.Resolver, port: int = 53) -> list[Server]:
    """The addresses of the zone's NS hosts, found through `resolver`; `port` is where the
    authoritative servers listen (53 in the world, another port in tests)."""
    try:
        hosts = sorted({r.target.to_text() for r in await resolver.resolve(zone, "NS")})
    except dns.exception.DNSException as e:
        raise DnsError(Phrase("error.dns-no-authoritative", zone=zone[:-1], why=_why(e))) from None

    async def addresses(host: str) -> list[Server]:
        for rdtype in ("A", "AAAA"):  # IPv6 only for hosts that have no IPv4
            try:
                return [Server(r.address, port, name=host) for r in await resolver.resolve(host, rdtype)]
            except dns.exception.DNSException:
                continue
        return []

    servers = [server for found in await asyncio.gather(*map(addresses, hosts)) for server in found]
    if not servers:
        raise DnsError(Phrase("error.dns-no-addresses", zone=zone[:-1], hosts=", ".join(hosts)))
    return servers


async def zone_servers(name: str, resolver: dns.asyncresolver.Resolver, port: int = 53) -> tuple[str, list[Server]]:
    zone = await zone_through(name, resolver)
    return zone, await servers_of(zone, resolver, port)


def authoritative_servers(zone: str, resolver: dns.resolver.Resolver | None = None,
                          port: int = 53) -> tuple[str, list[Server]]:
    """zone_servers for callers outside asyncio."""
    return asyncio.run(zone_servers(zone, resolver_copy(resolver, QUERY_TIMEOUT), port))


@dataclass
class Observation:
    """What each server answered; servers that could not be asked are listed apart."""

    views: dict  # server label -> check.View
    failures: dict  # server label -> why it could not be asked
    # server label -> the zone its answers show holding observe_async's `within` (None: it answered, but
    # none of its answers shows the zone); a server that gave no answer at all is absent
    zones: dict = field(default_factory=dict)


async def observe_async(asker: Asker, servers: list[Server], questions: list[tuple[str, str]],
                        within: str | None = None) -> Observation:
    """Ask every server every question concurrently; one round trip when all goes well.

    With `within` (a domain), also note the zone each server's answers show holding it
    (`zone_shown`): the zone walk's first question is then not needed for the usual identity."""
    jobs = [(server, question) for server in servers for question in questions]
    answers = await asker.ask([(server, name, rdtype) for server, (name, rdtype) in jobs])
    views: dict[str, dict] = {server.label: {} for server in servers}
    failures: dict[str, str] = {}
    zones: dict[str, str | None] = {}
    for (server, (name, _)), response in zip(jobs, answers):
        # zone_shown reads only an answer without an answer section (a DKIM name's CNAME shows nothing).
        if within is not None and isinstance(response, Reply) and zones.get(server.label) is None and \
                response.rcode in (dns.rcode.NOERROR, dns.rcode.NXDOMAIN):  # else the walk would try the next server
            zones[server.label] = None if response.has_answer else zone_shown(response, name, within)
        answer = owned_rrsets(response, name, server)
        if isinstance(answer, str):
            failures.setdefault(server.label, f"{name} {answer}")
            continue
        at_name = views[server.label].setdefault(name, {})
        for rdtype, rdatas in answer.items():
            at_name[rdtype] = at_name[rdtype] | rdatas if rdtype in at_name else rdatas
    # A server that failed any question is left out whole: half its answers would read as
    # "missing" and make it seem to disagree with the others.
    for label in failures:
        views.pop(label, None)
    return Observation(views, failures, zones)


def zone_shown(reply: Reply, name: str, domain: str) -> str | None:
    """The zone holding `domain` as an answer (NOERROR or NXDOMAIN) to a question about `name` (at
    or below `domain`) shows it, without asking the SOA of `domain`; None when it does not show it.

    Only an answer with nothing in its answer section counts (NODATA, NXDOMAIN, a referral): its
    authority section's SOA (or a referral's NS) is then the zone of `name` itself, not of where a
    CNAME led. That zone Z is `name`'s zone on that server, and when `domain` lies within Z no zone
    cut separates `domain` from `name` (a cut between them would put `name` in another zone, or
    make the answer a referral to it): the walk (`zone_at`) asking the SOA of `domain` of that same
    server finds Z too (tests/test_check_run.py proves it on zones where the two could differ)."""
    if reply.has_answer or not names.is_within(name, domain):
        return None
    zone = zone_in(reply, name)
    return zone if zone is not None and names.is_within(domain, zone) else None


def observe(servers: list[Server], questions: list[tuple[str, str]],
            timeout: float = QUERY_TIMEOUT) -> Observation:
    """observe_async for callers outside asyncio."""
    async def once():
        asker = Asker(timeout)
        try:
            return await observe_async(asker, servers, questions)
        finally:
            asker.close()

    return asyncio.run(once())


def _why(e: BaseException) -> str:
    text = str(e).strip()
    return text or type(e).__name__
