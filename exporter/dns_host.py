"""--dns-host auto: which DNS panel serves a zone, from the zone's NS records.

Each known panel is recognised by the host names of its name servers (PATTERNS, each with its
source; docs/panels.md has the table). A zone whose name servers all belong to one panel gets
that panel's instructions; anything else (unknown servers, a mix, DNS that cannot be asked:
offline, a timeout) falls back to `generic` with a note, never an error: the instructions are
still right, only less tailored. `--nameserver` points the NS question at given servers, as it
does for --check.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from .model import Identity

AUTO = "auto"

# (panel, name server host names, where the names are documented). Names are matched as A-labels
# with their final dot, lowercase.
PATTERNS: tuple[tuple[str, re.Pattern, str], ...] = tuple((panel, re.compile(pattern), source) for panel, pattern, source in (
    ("cloudflare", r"[a-z0-9-]+\.ns\.cloudflare\.com\.",
     "developers.cloudflare.com/dns/nameservers/ (Cloudflare-branded NAME.ns.cloudflare.com)"),
    ("route53", r"ns-[0-9]+\.awsdns-[0-9]+\.(com|net|org|co\.uk)\.",
     "docs.aws.amazon.com/securityhub/latest/userguide/asff-resourcedetails-awsroute53.html (ns-470.awsdns-32.net ...)"),
    ("onamae", r"(dns[0-9]+\.onamae\.com|[0-9]+\.dnsv\.jp)\.",
     "お名前.com's default dns1/dns2.onamae.com and its DNS 01-04.dnsv.jp, as published users' dig output shows"),
    ("muumuu", r"dns[0-9]+\.muumuu-domain\.com\.",
     "ムームーDNS dns01/dns02.muumuu-domain.com, as published users' dig output shows"),
    ("xserver", r"ns[0-9]+\.xserver\.jp\.",
     "community.xserver.ne.jp/question/pid/3231 (ns1-ns5.xserver.jp)"),
    ("sakura", r"ns[0-9]+\.dns\.ne\.jp\.",
     "help.sakura.ad.jp/domain/2304/ (ns1.dns.ne.jp / ns2.dns.ne.jp)"),
    ("valuedomain", r"ns[0-9]+\.value-domain\.com\.",
     "value-domain.com/userguide/?p=8880 (NS1-NS5.VALUE-DOMAIN.COM)"),
    ("godaddy", r"ns[0-9]+\.domaincontrol\.com\.",
     "GoDaddy's default name servers nsNN.domaincontrol.com"),
    ("namecheap", r"dns[0-9]+\.registrar-servers\.com\.",
     "namecheap.com/support/knowledgebase/article.aspx/767 (BasicDNS dns1/dns2.registrar-servers.com)"),
))


class Detection(NamedTuple):
    zone: str
    panel: str  # a --dns-host name; "generic" when not recognised
    hosts: tuple[str, ...]  # the zone's NS host names, sorted (empty when DNS could not be asked)
    note: str | None  # why the panel is generic, for stderr


def panel_of(host: str) -> str | None:
    """The panel whose name servers include `host` (an FQDN), or None."""
    name = host.lower() if host.endswith(".") else host.lower() + "."
    return next((panel for panel, pattern, _ in PATTERNS if pattern.fullmatch(name)), None)


def from_hosts(zone: str, hosts: Sequence[str]) -> Detection:
    """The panel of a zone served by `hosts`: one panel when every server is that panel's."""
    hosts = tuple(sorted(h.lower() for h in hosts))
    panels = {panel_of(host) for host in hosts}
    only = next(iter(panels)) if len(panels) == 1 else None
    if only is not None:
        return Detection(zone, only, hosts, None)
    if not hosts:
        return Detection(zone, "generic", hosts, f"{zone[:-1]} has no NS records here; generic instructions")
    known = sorted(p for p in panels if p)
    why = (f"its name servers belong to several DNS hosts ({', '.join(known)} and others)" if len(panels) > 1
           else "its name servers are not a DNS host the instructions know")
    return Detection(zone, "generic", hosts, f"{zone[:-1]}: {why} ({', '.join(hosts)}); generic instructions")


def detect(zone: str, nameservers: Sequence[str] = (), timeout: float = 2.0) -> Detection:
    """Ask DNS for `zone`'s NS records (the system resolver, or `nameservers` HOST[:PORT])."""
    import dns.exception
    import dns.nameserver
    import dns.resolver

    try:
        if nameservers:
            from .check.ask import parse_nameserver  # --nameserver's syntax, as --check reads it

            resolver = dns.resolver.Resolver(configure=False)
            resolver.nameservers = [dns.nameserver.Do53Nameserver(s.address, s.port)
                                    for s in map(parse_nameserver, nameservers)]
        else:
            resolver = dns.resolver.Resolver()
        resolver.timeout = timeout
        resolver.lifetime = timeout * 2
        answer = resolver.resolve(zone, "NS", raise_on_no_answer=False)
    except dns.resolver.NXDOMAIN:
        return Detection(zone, "generic", (), f"{zone[:-1]} does not exist in DNS (NXDOMAIN); generic instructions")
    except (dns.exception.DNSException, OSError) as e:
        reason = " ".join(str(e).split()) or type(e).__name__
        return Detection(zone, "generic", (), f"cannot ask DNS for the name servers of {zone[:-1]} ({reason}); "
                                              "generic instructions")
    return from_hosts(zone, [r.target.to_text() for r in answer.rrset or ()])


def in_zones_found(identities: Sequence[Identity], nameservers: Sequence[str] = (),
                   timeout: float = 2.0) -> list[Identity]:
    """The identities in the zones DNS delegates for them (model.in_zone_found), found by --check's
    zone walk (exporter/check/ask.py) against `nameservers`, or through the system resolver. An
    identity whose zone DNS cannot tell keeps the one assumed: the instructions stay right."""
    import asyncio

    from .check.ask import Asker, parse_nameserver, resolver_copy, zone_at, zone_through
    from .check.run import RESOLVER_IN_FLIGHT
    from .errors import DnsError
    from .model import in_zone_found

    servers = [parse_nameserver(text) for text in nameservers]

    async def all_zones() -> list:
        asker = Asker(timeout)
        resolver = resolver_copy(None, timeout)
        in_flight = asyncio.Semaphore(RESOLVER_IN_FLIGHT)

        async def zone_of(identity: Identity) -> str | None:
            if not identity.zone_assumed:
                return None
            async with in_flight:
                try:
                    if servers:
                        return (await zone_at(asker, servers, identity.domain))[0]
                    return await zone_through(identity.domain, resolver)
                except DnsError:
                    return None

        try:
            return await asyncio.gather(*(zone_of(identity) for identity in identities))
        finally:
            asker.close()

    return [in_zone_found(identity, zone) for identity, zone in zip(identities, asyncio.run(all_zones()))]


def choose(identities: Sequence[Identity], nameservers: Sequence[str] = (), timeout: float = 2.0,
           notify: Callable[[str], None] | None = None) -> str:
    """One panel for a run's identities: the one every zone is served by, else generic (with a note)."""
    zones = list(dict.fromkeys(identity.zone for identity in identities))
    found = [detect(zone, nameservers, timeout) for zone in zones]
    tell = notify or (lambda text: None)
    for detection in found:
        if detection.note:
            tell(f"note: --dns-host auto: {detection.note}")
    panels = {detection.panel for detection in found}
    if len(panels) == 1:
        panel = panels.pop()
        if panel != "generic":
            tell(f"note: --dns-host auto: {', '.join(z[:-1] for z in zones)} served by {panel} ({', '.join(found[0].hosts)})")
        return panel
    tell("note: --dns-host auto: the zones are served by different DNS hosts "
         f"({', '.join(f'{d.zone[:-1]}: {d.panel}' for d in found)}); generic instructions (run once per zone to tailor them)")
    return "generic"
