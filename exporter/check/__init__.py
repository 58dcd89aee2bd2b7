"""--check: compare an identity's records with what DNS really serves (docs/check.md).

One module per step: run.py finds each zone's servers and drives the check, ask.py asks DNS
servers, compare.py turns answers into findings (spf.py and dmarc.py read those records as
receivers do), and report.py writes the table or the JSON in the words of exporter/text/LANG.py.
"""

from __future__ import annotations


def check(identities, nameservers=(), timeout=None) -> list:
    """Check identities against DNS: their zones' authoritative servers, or `nameservers`
    (HOST[:PORT] strings, asked with recursion desired). One CheckResult per identity."""
    from .ask import QUERY_TIMEOUT, parse_nameserver
    from .run import check_identity

    servers = [parse_nameserver(text) for text in nameservers]
    return [check_identity(identity, servers, timeout or QUERY_TIMEOUT) for identity in identities]
