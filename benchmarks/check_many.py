"""--check of 1,000 saved identities against a real `named` whose every answer is 100 ms away.

Each identity is a customer domain with a zone of its own (a platform onboarding its customers'
domains into SES); one in ten has a mistake in it, so the diagnostic questions run too. `named`
serves the 1,000 zones on 127.0.0.1; a proxy in its own process (tests/dns_servers.py,
DelayProxy) sends every answer back 100 ms after named gave it, as a distant server would.

The installed command runs as a user runs it, with -f json to stdout. The baseline, measured in
the same run and interleaved, is the same command checking ONE of the identities: the goal is
that 1,000 take at most 5 s, where one after another they would take 1,000 times the baseline's
DNS time. Peak memory is the child's maximum resident set (getrusage via wait4), for 1 and for
all identities: streaming keeps the difference small.

    .venv/bin/python benchmarks/check_many.py [IDENTITIES] [DELAY_SECONDS] [ROUNDS]
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from check_zones import saved_identity, zone_text  # noqa: E402
from common import entry_point, user_environment  # noqa: E402
from conftest import require_tool  # noqa: E402
from dns_servers import DelayProxy, Named  # noqa: E402

GOAL_SECONDS = 5.0
FAULTY_EVERY = 10  # one identity in ten has a DKIM value with the zone appended


def domain(index: int) -> str:
    return f"customer{index:05d}.test"


def prepare(folder: Path, count: int) -> dict[str, str]:
    """Saved identities in folder/identities/, and the zones named serves {origin: text}."""
    saved = folder / "identities"
    saved.mkdir()
    zones = {}
    for index in range(count):
        name = domain(index)
        (saved / f"{name}.json").write_text(json.dumps(saved_identity(name)))
        faults = {"dkim1": ["tok1aaaa._domainkey CNAME tok1aaaa.dkim.amazonses.com"]} if index % FAULTY_EVERY == 1 else {}
        zones[f"{name}."] = zone_text(name, **faults)
    return zones


def run_measured(cmd: list[str], env: dict) -> tuple[float, int, int, bytes]:
    """As run, with the child's own peak RSS (os.wait4 gives the rusage of that one process)."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        text, problem = out.read(), err.read()
    if process.returncode not in (0, 1):
        sys.exit(f"failed ({process.returncode}): {' '.join(cmd)}\n{problem.decode()}")
    return elapsed, usage.ru_maxrss, process.returncode, text


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    delay = float(sys.argv[2]) if len(sys.argv) > 2 else 0.1
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    binary = require_tool("named")
    with tempfile.TemporaryDirectory(prefix="check-many.") as tmp:
        folder = Path(tmp)
        zones = prepare(folder, count)
        started = time.perf_counter()
        named = Named(binary, folder / "named", zones)
        print(f"named serving {count} zones, started in {time.perf_counter() - started:.1f} s")
        proxy = DelayProxy(named.port, delay)
        try:
            base = [entry_point(), "--identity-file", str(folder / "identities"), "--region", "us-east-1", "--check",
                    "--nameserver", proxy.address, "-f", "json"]
            commands = {"one identity": base[:1] + [domain(1)] + base[1:], f"{count} identities": base}
            env = user_environment()
            for cmd in commands.values():  # warm-up: page cache, bytecode, named's caches
                run_measured(cmd, env)
            times: dict[str, list[tuple[float, int]]] = {name: [] for name in commands}
            outputs = {}
            for _ in range(rounds):
                for name, cmd in commands.items():
                    elapsed, peak, status, out = run_measured(cmd, env)
                    times[name].append((elapsed, peak))
                    outputs[name] = (status, out)
        finally:
            proxy.stop()
            named.stop()
    report = json.loads(outputs[f"{count} identities"][1])  # docs/check.md, "The JSON report"
    entries = [f for identity in report["identities"] for f in identity["findings"]]
    wrong = sum(1 for e in entries if e["status"] != "ok")
    expected_wrong = len(range(1, count, FAULTY_EVERY))
    assert wrong == expected_wrong, f"{wrong} findings not ok, expected {expected_wrong}: the check is not right"
    one = statistics.median(t for t, _ in times["one identity"])
    many = statistics.median(t for t, _ in times[f"{count} identities"])
    one_peak = max(p for _, p in times["one identity"]) / 1024
    many_peak = max(p for _, p in times[f"{count} identities"]) / 1024
    print(f"answers delayed {delay * 1000:.0f} ms; medians of {rounds} interleaved runs of the installed command")
    print(f"one identity:        {one:6.2f} s   peak RSS {one_peak:6.1f} MiB")
    print(f"{count} identities:    {many:6.2f} s   peak RSS {many_peak:6.1f} MiB  "
          f"({len(entries)} JSON entries, {wrong} not ok as planted)")
    print(f"ratio {count} identities / one: {many / one:.2f}x; one after another would take about "
          f"{count * one:.0f} s ({count}x)")
    print(f"memory: {many_peak - one_peak:+.1f} MiB for {count - 1} more identities")
    met = many <= GOAL_SECONDS
    print(f"goal: {count} identities in at most {GOAL_SECONDS:g} s: {'met' if met else 'NOT MET'}")


if __name__ == "__main__":
    main()
