"""Ask DNS servers the check's questions: many at once, at most N in flight, each with a timeout.

exporter/check/run.py decides what to ask and of whom; this module only asks, and finds zones
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

import asyncio
import ipaddress
import math
import random
import socket
from dataclasses import dataclass

import dns.asyncquery
import dns.asyncresolver
import dns.exception
import dns.flags
import dns.message
import dns.name
import dns.rcode
import dns.rdatatype
import dns.resolver

from ..errors import DnsError, InputError

QUERY_TIMEOUT = 2.0  # seconds per attempt; authoritative servers answer in well under 1 s
ATTEMPTS = 2  # one retry: a lost UDP datagram should not fail the whole check
MAX_QUERIES = 1000  # questions in flight at once (--max-queries); see docs/benchmarks.md for why 1000
MAX_QUERIES_LIMIT = 10000
PER_SOCKET = 64  # questions in flight on one UDP socket: many ports, so guessing one is hard
DOWN_AFTER = 3  # a server that timed out on this many questions in a row is not asked again in this run
EDNS_PAYLOAD = 1232  # the DNS flag day 2020 size: no fragmentation, a 2048-bit DKIM key fits
RECEIVE_BUFFER = 1 << 20  # bytes: a burst of answers must not overflow a socket while Python is busy


@dataclass(frozen=True)
class Server:
    address: str  # an IP address
    port: int = 53
    name: str | None = None  # the host name it was found or given as, for people
    recursion: bool = False  # set RD: --nameserver may be a resolver

    @property
    def label(self) -> str:
        where = f"[{self.address}]:{self.port}" if ":" in self.address else f"{self.address}:{self.port}"
        if self.port == 53:
            where = self.address
        return f"{self.name} ({where})" if self.name and self.name != self.address else where


def parse_nameserver(text: str) -> Server:
    """`--nameserver` HOST[:PORT]: an IPv4/IPv6 address ([::1]:53 with a port) or a host name."""
    raw = text.strip()
    host, port = raw, 53
    if raw.startswith("["):
        host, _, rest = raw[1:].partition("]")
        if rest:
            if not rest.startswith(":"):
                raise InputError(f"--nameserver: {text!r} is not HOST[:PORT]")
            port = _port(rest[1:], text)
    elif raw.count(":") == 1:
        host, port_text = raw.split(":")
        port = _port(port_text, text)
    if not host:
        raise InputError(f"--nameserver: {text!r} names no host")
    try:
        return Server(str(ipaddress.ip_address(host)), port, recursion=True)
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_DGRAM)
    except (socket.gaierror, UnicodeError) as e:
        raise InputError(f"--nameserver: cannot resolve {host!r} ({getattr(e, 'strerror', None) or e})") from None
    # IPv4 first: many machines have no IPv6 route, and one address per server is enough.
    infos.sort(key=lambda info: info[0] != socket.AF_INET)
    return Server(infos[0][4][0], port, name=host, recursion=True)


def _port(text: str, whole: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise InputError(f"--nameserver: {whole!r}: the port must be a number from 1 to 65535")
    return int(text)




class Asker:
    """Asks questions of DNS servers over shared UDP sockets (TCP when an answer is truncated).

    One per check run, used from one asyncio loop. `query` returns the server's answer, or a
    sentence saying why there is none ("timed out after 2 s", "answered REFUSED").
    """

    def __init__(self, timeout: float = QUERY_TIMEOUT, max_queries: int = MAX_QUERIES, attempts: int = ATTEMPTS):
        self.timeout = timeout
        self.attempts = attempts
        self.max_queries = max_queries
        self._limit: asyncio.Semaphore | None = None
        self._sockets: dict[int, list[_UdpSocket]] = {}  # address family -> sockets
        self._turn = 0
        self._silent: dict[Server, int] = {}  # timeouts in a row, per server
        self.sent = 0  # datagrams sent: the benchmark reports it

    async def query(self, server: Server, name: str, rdtype: str) -> dns.message.Message | str:
        if self._silent.get(server, 0) >= DOWN_AFTER:
            return f"timed out after {self.timeout:g} s (it stopped answering earlier in this check)"
        if self._limit is None:
            self._limit = asyncio.Semaphore(self.max_queries)
        query = dns.message.make_query(name, rdtype, use_edns=0, payload=EDNS_PAYLOAD)
        if not server.recursion:
            query.flags &= ~dns.flags.RD
        reason = f"timed out after {self.timeout:g} s"
        async with self._limit:
            for _ in range(self.attempts):
                try:
                    response = await self._udp(server, query)
                except asyncio.TimeoutError:
                    continue
                except OSError as e:
                    return f"failed ({_why(e)})"
                if response.flags & dns.flags.TC:
                    try:
                        response, _ = await dns.asyncquery.tcp(query, server.address, timeout=self.timeout,
                                                               port=server.port)
                    except (OSError, dns.exception.DNSException) as e:
                        return f"failed over TCP after a truncated answer ({_why(e)})"
                self._silent[server] = 0
                return response
        self._silent[server] = self._silent.get(server, 0) + 1
        return reason

    async def _udp(self, server: Server, query: dns.message.Message) -> dns.message.Message:
        udp = await self._socket(socket.AF_INET6 if ":" in server.address else socket.AF_INET)
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        while True:
            query.id = random.getrandbits(16)
            key = (server.address, server.port, query.id)
            if key not in udp.pending:
                break
        udp.pending[key] = (query, future)
        expire = loop.call_later(self.timeout, _expire, future)
        try:
            udp.transport.sendto(query.to_wire(), (server.address, server.port))
            self.sent += 1
            return await future
        finally:
            expire.cancel()
            udp.pending.pop(key, None)

    async def _socket(self, family: int) -> _UdpSocket:
        sockets = self._sockets.setdefault(family, [])
        wanted = max(1, math.ceil(self.max_queries / PER_SOCKET))
        if len(sockets) < wanted:
            loop = asyncio.get_running_loop()
            raw = socket.socket(family, socket.SOCK_DGRAM)
            try:
                raw.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, RECEIVE_BUFFER)
            except OSError:
                pass
            raw.bind(("::" if family == socket.AF_INET6 else "0.0.0.0", 0))
            transport, protocol = await loop.create_datagram_endpoint(_UdpSocket, sock=raw)
            sockets.append(protocol)
            return protocol
        self._turn += 1
        return sockets[self._turn % len(sockets)]

    def close(self) -> None:
        for sockets in self._sockets.values():
            for udp in sockets:
                udp.transport.close()
        self._sockets.clear()


class _UdpSocket(asyncio.DatagramProtocol):
    def __init__(self):
        self.pending: dict[tuple, tuple] = {}  # (address, port, id) -> (query, future)
        self.transport = None

    def connection_made(self, transport):
        self.transport = transport

    def datagram_received(self, data: bytes, address):
        if len(data) < 12:
            return
        key = (address[0], address[1], int.from_bytes(data[:2], "big"))
        waiting = self.pending.get(key)
        if waiting is None:
            return  # late (after a timeout), or not ours
        query, future = waiting
        try:
            response = dns.message.from_wire(data, ignore_trailing=True)
        except dns.exception.DNSException:
            return  # garbage with a matching id: keep waiting for the real answer
        if not query.is_response(response) or future.done():
            return
        future.set_result(response)

    def error_received(self, exc):
        # An ICMP "port unreachable" for one of the servers: the question times out as for a
        # silent server; nothing here says which question it was.
        pass


def _expire(future: asyncio.Future) -> None:
    if not future.done():
        future.set_exception(asyncio.TimeoutError())


# --- reading answers -----------------------------------------------------------------------

def owned_rrsets(response: dns.message.Message | str, name: str, server: Server) -> dict | str:
    """The rrsets owned by `name` in the answer (type -> rdata set), or why there is none."""
    if isinstance(response, str):
        return response
    rcode = response.rcode()
    if rcode == dns.rcode.NXDOMAIN:
        return {}
    if rcode != dns.rcode.NOERROR:
        hint = ": not authoritative for the zone" if rcode == dns.rcode.REFUSED else ""
        return f"answered {dns.rcode.to_text(rcode)}{hint}"
    if not server.recursion and not response.flags & dns.flags.AA and not response.answer:
        return "was not authoritative (a referral or a lame delegation)"
    owner = dns.name.from_text(name)
    result: dict = {}
    for rrset in response.answer:
        if rrset.name == owner:  # a CNAME's target data belongs to another name
            key = dns.rdatatype.to_text(rrset.rdtype)
            result[key] = result.get(key, frozenset()) | frozenset(rrset)
    return result


def zone_in(response: dns.message.Message, name: str) -> str | None:
    """The zone an answer to `name SOA` shows `name` to be in: the SOA's owner (in the answer
    when `name` is an apex, in the authority section otherwise), or a referral's cut."""
    if response.rcode() not in (dns.rcode.NOERROR, dns.rcode.NXDOMAIN):
        return None
    owner = dns.name.from_text(name)
    for rrset in response.answer:
        if rrset.rdtype == dns.rdatatype.SOA and rrset.name == owner:
            return rrset.name.to_text()
    for rrset in response.authority:
        if rrset.rdtype == dns.rdatatype.SOA and owner.is_subdomain(rrset.name):
            return rrset.name.to_text()
    for rrset in response.authority:  # a referral: the name lies below a delegation
        if rrset.rdtype == dns.rdatatype.NS and owner.is_subdomain(rrset.name) and not response.answer:
            return rrset.name.to_text()
    return None


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
        raise DnsError(f"DNS: {name[:-1]} does not exist (NXDOMAIN): is the domain registered and delegated?") from None
    except dns.exception.DNSException as e:
        raise DnsError(f"DNS: cannot find the zone of {name[:-1]} through the system resolver ({_why(e)}); "
                       "pass --nameserver") from None


async def servers_of(zone: str, resolver: dns.asyncresolver.Resolver, port: int = 53) -> list[Server]:
    """The addresses of the zone's NS hosts, found through `resolver`; `port` is where the
    authoritative servers listen (53 in the world, another port in tests)."""
    try:
        hosts = sorted({r.target.to_text() for r in await resolver.resolve(zone, "NS")})
    except dns.exception.DNSException as e:
        raise DnsError(f"DNS: cannot find the authoritative servers of {zone[:-1]} through the system resolver "
                       f"({_why(e)}); pass --nameserver") from None

    async def addresses(host: str) -> list[Server]:
        for rdtype in ("A", "AAAA"):  # IPv6 only for hosts that have no IPv4
            try:
                return [Server(r.address, port, name=host) for r in await resolver.resolve(host, rdtype)]
            except dns.exception.DNSException:
                continue
        return []

    servers = [server for found in await asyncio.gather(*map(addresses, hosts)) for server in found]
    if not servers:
        raise DnsError(f"DNS: the name servers of {zone[:-1]} ({', '.join(hosts)}) have no addresses")
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


async def observe_async(asker: Asker, servers: list[Server], questions: list[tuple[str, str]]) -> Observation:
    """Ask every server every question concurrently; one round trip when all goes well."""
    jobs = [(server, question) for server in servers for question in questions]
    answers = await asyncio.gather(*(asker.query(server, name, rdtype) for server, (name, rdtype) in jobs))
    views = {server.label: {} for server in servers}
    failures: dict[str, str] = {}
    for (server, (name, _)), response in zip(jobs, answers):
        answer = owned_rrsets(response, name, server)
        if isinstance(answer, str):
            failures.setdefault(server.label, f"{name} {answer}")
            continue
        at_name = views[server.label].setdefault(name, {})
        for rdtype, rdatas in answer.items():
            at_name[rdtype] = at_name.get(rdtype, frozenset()) | rdatas
    # A server that failed any question is left out whole: half its answers would read as
    # "missing" and make it seem to disagree with the others.
    for label in failures:
        views.pop(label, None)
    return Observation(views, failures)


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
