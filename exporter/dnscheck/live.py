"""What DNS holds now where an export writes TXT records, for --merge-live (exporter/merge.py decides).

Asked with --check's engine (run.Checker): the zone cut found in DNS, the zone's own servers
without recursion (or --nameserver), and a bound on the questions in flight shared by every
identity of the run. For each identity: the TXT records at its MAIL FROM name, at
_dmarc.IDENTITY and, below the organisational domain, at the organisation's _dmarc (RFC 7489
6.6.3); then, round by round, where a _dmarc CNAME leads and the records the SPF record's
include: and redirect= name, with include:amazonses.com added as the merge will add it, so
that its DNS look-ups can be counted as receivers count them (RFC 7208 4.6.4).

A server that cannot be asked, a name nobody could answer for, or servers that answer
differently are a DnsError (exit 3): an export never falls back to writing as if the zone were
empty.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .. import psl
from ..errors import DnsError
from ..phrase import Phrase
from . import compare, spf
from .ask import MAX_QUERIES, QUERY_TIMEOUT, Server
from .run import FOLLOW_ROUNDS, Checker


@dataclass(frozen=True)
class Published:
    """What the zone's servers (all agreeing) hold at the names of one identity."""

    zone: str  # the zone DNS says holds the identity (FQDN with dot)
    servers: tuple[str, ...]  # the servers asked, for messages
    view: dict  # compare.View: what they answered

    def texts(self, name: str) -> list[str]:
        """The TXT texts at `name`, a CNAME followed as resolvers follow it."""
        found = compare.txt_at(self.view, name)
        return [] if isinstance(found, str) else found

    def cname(self, name: str) -> str | None:
        """The target of a CNAME at `name` (FQDN with dot), or None."""
        cnames = self.view.get(name, {}).get("CNAME")
        return next(iter(cnames)).target.to_text().lower() if cnames else None

    def exchanges(self, name: str) -> list[str]:
        """The MX exchanges at `name` (FQDNs with dot, lowercase)."""
        return sorted(mx.exchange.to_text().lower() for mx in self.view.get(name, {}).get("MX", ()))

    def lookup(self) -> spf.Lookup:
        return compare.spf_lookup(self.view)


def txt_names(identity) -> list[str]:
    """Where the export writes TXT records whose live content matters: the MAIL FROM name (SPF),
    _dmarc.IDENTITY, and the organisation's _dmarc for an identity below it (read, never written)."""
    wanted = [identity.mail_from_domain] if any(r.purpose == "mail-from-spf" for r in identity.records) else []
    wanted.append(f"_dmarc.{identity.domain}")
    organisation = psl.registrable_domain(identity.domain)
    if organisation and organisation != identity.domain:
        wanted.append(f"_dmarc.{organisation}")
    return wanted


def spf_candidates(texts: Iterable[str]) -> list[str]:
    """The SPF records whose look-ups are to be counted: the one at the name, as it is and with
    include:amazonses.com added (none when there are several: that is refused before counting)."""
    records = [t for t in texts if spf.is_spf(t)]
    return [records[0], spf.with_ses_include(records[0])] if len(records) == 1 else []


class _Reader:
    def __init__(self, checker: Checker):
        self.checker = checker

    async def read(self, identity) -> Published:
        checker = self.checker
        zone, servers = await checker._locate(identity)  # the zone cut as --check finds it (DnsError: exit 3)
        wanted = txt_names(identity)
        asked = [(name, "TXT") for name in wanted]
        # The MAIL FROM name's MX too: SES's must be the only one there (exporter/merge.py refuses another).
        asked += [(record.name, "MX") for record in identity.records if record.type == "MX"]
        views, failures, _ = await checker._observe(zone, servers, asked)
        _refuse_failures(failures, identity)
        for _ in range(FOLLOW_ROUNDS):
            follow = [q for q in _follow(identity, wanted, views) if q not in asked]
            if not follow:
                break
            asked += follow
            views = await checker._observe_more(zone, servers, views, failures, follow)
            _refuse_failures(failures, identity)
        for name, rtype in asked:
            if any(name not in view for view in views.values()):
                raise DnsError(Phrase("error.merge-nobody-answered", name=name[:-1], identity=identity.name,
                                      type=rtype))
        labels = list(views)
        first = views[labels[0]]
        for label in labels[1:]:
            differs = next((name for name, _ in asked if views[label].get(name) != first.get(name)), None)
            if differs:
                raise DnsError(Phrase("error.merge-servers-differ", first=labels[0], other=label, name=differs[:-1]))
        return Published(zone, tuple(labels), first)


def _follow(identity, wanted: list[str], views: dict) -> list[tuple[str, str]]:
    """The TXT records to ask next: _dmarc CNAME targets, the names SPF includes lead to."""
    follow: dict[tuple[str, str], None] = {}
    for view in views.values():
        for name in wanted:
            found = compare.txt_at(view, name)
            if isinstance(found, str):  # a CNAME's target, not asked yet
                follow[(found, "TXT")] = None
        if identity.mail_from_domain in wanted:
            texts = compare.txt_at(view, identity.mail_from_domain)
            for text in spf_candidates(texts if isinstance(texts, list) else []):
                for name in spf.unread_names(text, compare.spf_lookup(view)):
                    follow[(name, "TXT")] = None
    return list(follow)


def _refuse_failures(failures: dict, identity) -> None:
    if failures:
        label, why = next(iter(failures.items()))
        raise DnsError(Phrase("error.merge-cannot-ask", server=label, why=why, identity=identity.name))


def read(identities: Sequence, nameservers: Iterable[Server] = (), timeout: float = QUERY_TIMEOUT,
         max_queries: int = MAX_QUERIES) -> list[Published]:
    """What DNS holds for each identity, in order; every identity asked at once on one loop,
    sharing zones, servers and the bound on questions in flight. The first identity (in order)
    whose DNS could not be read raises its DnsError."""

    async def all_of() -> list:
        checker = Checker(nameservers, timeout, max_queries)
        reader = _Reader(checker)
        try:
            return await asyncio.gather(*(reader.read(i) for i in identities), return_exceptions=True)
        finally:
            checker.close()
            await asyncio.gather(*checker.tasks(), return_exceptions=True)

    results = asyncio.run(all_of())
    for result in results:
        if isinstance(result, BaseException):
            raise result
    return results
