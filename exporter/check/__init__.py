"""--check: compare an identity's records with what DNS really serves (docs/check.md).

One module per step: run.py finds each zone and its servers and drives the check (all
identities at once, results in order), ask.py asks DNS servers, compare.py turns answers into
findings, report.py writes the table or the JSON, wait.py re-checks for --wait, and words.py
holds the report's sentences.
"""

from __future__ import annotations


def check(identities, nameservers=(), timeout=None, max_queries=None) -> list:
    """Check identities against DNS: their zones' authoritative servers, or `nameservers`
    (HOST[:PORT] strings, asked with recursion desired). One CheckResult per identity, in order;
    run.stream gives them one at a time instead."""
    from .ask import MAX_QUERIES, QUERY_TIMEOUT, parse_nameserver
    from .run import stream

    servers = [parse_nameserver(text) for text in nameservers]
    return list(stream(identities, servers, timeout or QUERY_TIMEOUT, max_queries or MAX_QUERIES))
