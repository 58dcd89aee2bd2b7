"""Check identities: find each zone's servers, ask them (ask.py), compare (compare.py)."""

from __future__ import annotations

from dataclasses import dataclass

import dns.resolver

from ..errors import DnsError
from . import compare
from .ask import QUERY_TIMEOUT, Server, authoritative_servers, observe


@dataclass
class CheckResult:
    """One identity checked: where we asked, who could not answer, and one finding per record."""

    identity: object  # model.Identity
    zone: str
    servers: list  # labels of the servers asked
    failures: dict  # server label -> why it could not be asked
    findings: list  # compare.Finding, in the identity's record order


def check_identity(identity, nameservers: list[Server] | None = None, timeout: float = QUERY_TIMEOUT,
                   resolver: dns.resolver.Resolver | None = None, port: int = 53) -> CheckResult:
    """Look one identity's records up (its zone's servers, or `nameservers`) and compare them."""
    if nameservers:
        zone, servers = identity.zone, list(nameservers)
    else:
        zone, servers = authoritative_servers(identity.zone, resolver, port)
    records = list(identity.records)
    # The panel appends the zone it manages, which may be a parent of the identity's domain.
    observation = observe(servers, compare.questions(records, zone), timeout)
    if not observation.views:
        why = "; ".join(f"{label}: {reason}" for label, reason in observation.failures.items())
        raise DnsError(f"DNS: no server answered for {identity.name}: {why}")
    findings = compare.compare(records, zone, observation.views)
    return CheckResult(identity, zone, [s.label for s in servers], observation.failures, findings)
