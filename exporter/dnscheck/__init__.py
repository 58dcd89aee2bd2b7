"""--check: compare an identity's records with what DNS really serves (docs/check.md).

`exporter.check` is the function below, and this subpackage is `exporter.dnscheck`: one name, one
thing (a subpackage named `check` was bound over the function by `import exporter.check.run`).

One module per step: run.py finds each zone and its servers and drives the check (all
identities at once, results in order), ask.py asks DNS servers, compare.py turns answers into
findings (spf.py and dmarc.py read those records as receivers do), report.py writes the table or
the JSON in the words of exporter/text/LANG.py, and wait.py re-checks for --wait.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Identity
    from .run import CheckResult


def check(identities: Iterable[Identity], nameservers: Sequence[str] = (), timeout: float | None = None,
          max_queries: int | None = None) -> list[CheckResult]:
    """Check identities against DNS: their zones' authoritative servers, or `nameservers`
    (HOST[:PORT] strings, asked with recursion desired). One CheckResult per identity, in order;
    run.stream gives them one at a time instead."""
    from ..errors import DNS_TIMEOUT_RANGE, MAX_QUERIES_RANGE, InputError, check_seconds, check_whole
    from ..phrase import Phrase
    from .ask import MAX_QUERIES, QUERY_TIMEOUT, parse_nameserver
    from .run import stream

    # Checked as the command line checks --nameserver, --dns-timeout and --max-queries: a negative
    # max_queries would leave no question a place in flight, and the run would wait for ever.
    if isinstance(nameservers, str) or not all(isinstance(text, str) for text in nameservers):
        raise InputError(Phrase("error.api-not-nameservers", value=repr(nameservers)), option="nameservers")
    if timeout is not None:
        check_seconds(timeout, "timeout", DNS_TIMEOUT_RANGE)
    if max_queries is not None:
        check_whole(max_queries, "max_queries", MAX_QUERIES_RANGE)
    servers = [parse_nameserver(text) for text in nameservers]
    return list(stream(identities, servers, timeout or QUERY_TIMEOUT, max_queries or MAX_QUERIES))
