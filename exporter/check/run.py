"""Check identities: find each zone's servers, ask them (ask.py), compare (compare.py).

Questions go in two phases: what the verdicts need (compare.questions) first, and the places
people put records by mistake (compare.diagnostic_questions) only when some verdict is not ok.
"""

from __future__ import annotations

from dataclasses import dataclass

import dns.resolver

from ..errors import DnsError
from . import compare
from .ask import QUERY_TIMEOUT, Server, authoritative_servers, observe


@dataclass(frozen=True)
class ServerAnswer:
    """One server asked for an identity: whether it answered every question, and if not, why."""

    label: str
    answered: bool
    why: str | None = None


@dataclass
class CheckResult:
    """One identity checked: the zone, the servers asked and how they did, one finding per record
    (then the records found where they do not belong)."""

    identity: object  # model.Identity
    zone: str
    zone_note: str | None  # which zone was found, when it differs from the one assumed
    servers: list  # ServerAnswer, in the order asked
    findings: list  # compare.Finding

    @property
    def all_right(self) -> bool:
        """Every record ok on every server, and every server answered."""
        return all(s.answered for s in self.servers) and all(f.status == compare.OK for f in self.findings)


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
    if any(f.status != compare.OK for f in findings):
        more = observe([s for s in servers if s.label in observation.views],
                       compare.diagnostic_questions(records, zone), timeout)
        for label, view in more.views.items():
            for name, types in view.items():
                observation.views[label].setdefault(name, {}).update(types)
        findings = compare.compare(records, zone, observation.views)
    states = [ServerAnswer(s.label, s.label not in observation.failures, observation.failures.get(s.label))
              for s in servers]
    return CheckResult(identity, zone, None, states, findings)
