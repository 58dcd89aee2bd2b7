"""Ask DNS servers the check's questions: all at once, each with a timeout.

exporter/check/run.py decides what to ask; this module only asks.

By default the servers are the zone's own authoritative ones, found through the system
resolver and asked without recursion, so no cache hides a fix (or a mistake) made minutes
ago. `--nameserver HOST[:PORT]` names the servers instead; they are asked with recursion
desired, so a resolver works too and an authoritative server simply ignores the flag.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import dns.asyncquery
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
MAX_IN_FLIGHT = 256  # sockets open at once; a full identity on 4 servers needs about 90
EDNS_PAYLOAD = 1232  # the DNS flag day 2020 size: no fragmentation, a 2048-bit DKIM key fits


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


def authoritative_servers(zone: str, resolver: dns.resolver.Resolver | None = None,
                          port: int = 53) -> tuple[str, list[Server]]:
    """The zone that holds `zone` (it may be a parent) and the addresses of its NS hosts.

    `resolver` defaults to the system's (/etc/resolv.conf); `port` is where the authoritative
    servers listen (53 in the world, another port in tests).
    """
    resolver = resolver or dns.resolver.Resolver()
    try:
        apex = dns.resolver.zone_for_name(zone, resolver=resolver)
        hosts = sorted({r.target.to_text() for r in resolver.resolve(apex, "NS")})
    except dns.resolver.NXDOMAIN:
        raise DnsError(f"DNS: {zone[:-1]} does not exist (NXDOMAIN): is the domain registered and delegated?") from None
    except dns.resolver.NoRootSOA:  # dnspython says "There is no SOA RR at the DNS root name. This should never happen!"
        raise DnsError(f"DNS: the system resolver found no zone holding {zone[:-1]} (no SOA record up to the root): "
                       "check the network and /etc/resolv.conf, or pass --nameserver") from None
    except dns.exception.DNSException as e:
        raise DnsError(f"DNS: cannot find the authoritative servers of {zone[:-1]} through the system resolver "
                       f"({_why(e)}); pass --nameserver") from None

    def addresses(host: str) -> list[Server]:
        for rdtype in ("A", "AAAA"):  # IPv6 only for hosts that have no IPv4
            try:
                return [Server(r.address, port, name=host) for r in resolver.resolve(host, rdtype)]
            except dns.exception.DNSException:
                continue
        return []

    with ThreadPoolExecutor(max_workers=max(1, len(hosts))) as pool:
        servers = [server for found in pool.map(addresses, hosts) for server in found]
    if not servers:
        raise DnsError(f"DNS: the name servers of {apex.to_text()[:-1]} ({', '.join(hosts)}) have no addresses")
    return apex.to_text(), servers


@dataclass
class Observation:
    """What each server answered; servers that could not be asked are listed apart."""

    views: dict  # server label -> check.View
    failures: dict  # server label -> why it could not be asked


def observe(servers: list[Server], questions: list[tuple[str, str]],
            timeout: float = QUERY_TIMEOUT) -> Observation:
    """Ask every server every question concurrently; one round trip when all goes well."""
    return asyncio.run(_observe(servers, questions, timeout))


async def _observe(servers, questions, timeout) -> Observation:
    limit = asyncio.Semaphore(MAX_IN_FLIGHT)
    jobs = [(server, question) for server in servers for question in questions]
    answers = await asyncio.gather(*(_ask(server, name, rdtype, timeout, limit) for server, (name, rdtype) in jobs))
    views = {server.label: {} for server in servers}
    failures: dict[str, str] = {}
    for (server, (name, _)), answer in zip(jobs, answers):
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


async def _ask(server: Server, name: str, rdtype: str, timeout: float, limit) -> dict | str:
    """The rrsets owned by `name` in the answer (type -> rdata set), or why there is none."""
    query = dns.message.make_query(name, rdtype, use_edns=0, payload=EDNS_PAYLOAD)
    if not server.recursion:
        query.flags &= ~dns.flags.RD
    reason = "timed out"
    async with limit:
        for _ in range(ATTEMPTS):
            try:
                response, _ = await dns.asyncquery.udp_with_fallback(query, server.address, timeout=timeout,
                                                                     port=server.port)
                break
            except dns.exception.Timeout:
                reason = f"timed out after {timeout:g} s"
            except (OSError, dns.exception.DNSException) as e:
                return f"failed ({_why(e)})"
        else:
            return reason
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


def _why(e: BaseException) -> str:
    text = str(e).strip()
    return text or type(e).__name__
