"""How long --check takes compared with one DNS query, against a server with a fixed delay.

Every answer of an in-process DNS server on 127.0.0.1 is delayed by DELAY seconds, as a
distant authoritative server would be. The check asks all its questions at once, so a full
identity (3 DKIM CNAMEs, MAIL FROM MX and SPF, DMARC: 12 questions per server) should cost
about one query's time, not 21 of them. Goal: at most 1.5x.

    .venv/bin/python benchmarks/check_latency.py [DELAY_SECONDS]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from exporter import model  # noqa: E402
from exporter.dnscheck import ask, compare, run  # noqa: E402

from check_zones import saved_identity  # noqa: E402
from dns_servers import FakeDns  # noqa: E402

RUNS = 7


def median_seconds(action) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def served(identity) -> dict:
    """The identity's records, correctly published, as FakeDns data."""
    data: dict = {}
    for record in identity.records:
        data.setdefault(record.name, {}).setdefault(record.type, []).append(compare.expected_rdata(record).to_text())
    return data


def main() -> None:
    delay = float(sys.argv[1]) if len(sys.argv) > 1 else 0.2
    identity = model.identity(saved_identity("bench.example"), "bench.example", model.options(region="us-east-1"),
                              "benchmark")
    servers = [FakeDns(served(identity), delay) for _ in range(2)]
    try:
        targets = [ask.parse_nameserver(s.address) for s in servers]
        first = identity.records[0]
        one_query = median_seconds(lambda: ask.observe(targets[:1], [(first.name, first.type)]))
        questions = len(compare.questions(list(identity.records), identity.zone))

        def full_check(count):
            result = run.check_identity(identity, targets[:count])
            assert all(f.status == "ok" for f in result.findings), result.findings

        one_server = median_seconds(lambda: full_check(1))
        two_servers = median_seconds(lambda: full_check(2))
    finally:
        for server in servers:
            server.stop()
    print(f"answer delay {delay * 1000:.0f} ms, median of {RUNS} runs")
    print(f"one query:                         {one_query * 1000:7.1f} ms")
    print(f"full identity, 1 server ({questions} q):  {one_server * 1000:7.1f} ms  ratio {one_server / one_query:.2f}x")
    print(f"full identity, 2 servers ({2 * questions} q): {two_servers * 1000:7.1f} ms  ratio {two_servers / one_query:.2f}x")
    print("goal: ratio at most 1.5x")


if __name__ == "__main__":
    main()
