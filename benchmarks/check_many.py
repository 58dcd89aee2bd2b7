"""--check of many saved identities (1,000 by default; 10,000 is SES's limit per region) against a
real `named` whose every answer is 100 ms away.

Each identity is a customer domain with a zone of its own (a platform onboarding its customers'
domains into SES); one in ten has a mistake in it, so the diagnostic questions run too. `named`
serves the 1,000 zones on 127.0.0.1; a proxy in its own process (tests/dns_servers.py,
DelayProxy) sends every answer back 100 ms after named gave it, as a distant server would.

The installed command runs as a user runs it, with -f json to stdout. The baseline, measured in
the same run and interleaved, is the same command checking ONE of the identities: the goals are
1,000 in at most 5 s and 10,000 in at most 10 s, where one after another they would take 1,000 (or
10,000) times the baseline's DNS time. The CPU time per identity is the difference of the two
runs' CPU times over the identities added. Peak memory is the child's resident high-water mark (VmHWM), for 1 and for all
identities: streaming keeps the difference small. The questions per identity are those the proxy relayed
(DelayProxy.relayed), and the CPU time of the proxy and named is said apart: they share the machine's cores
with the command measured.

    .venv/bin/python benchmarks/check_many.py [IDENTITIES] [DELAY_SECONDS] [ROUNDS]   # e.g. 10000 0.1 1
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

GOALS = {1000: 5.0, 10000: 10.0}  # seconds wall, by number of identities (issue 13; issue 23)
FAULTY_EVERY = 10  # one identity in ten has a DKIM value with the zone appended


def domain(index: int) -> str:
    return f"customer{index:05d}.test"


def tokens(index: int) -> tuple[str, ...]:
    """DKIM tokens of one identity: every identity has its own, as in SES."""
    return tuple(f"{letter}{index:05d}tok" for letter in "abc")


def prepare(folder: Path, count: int) -> dict[str, str]:
    """Saved identities in folder/identities/, and the zones named serves {origin: text}."""
    saved = folder / "identities"
    saved.mkdir()
    zones = {}
    for index in range(count):
        name, own = domain(index), tokens(index)
        (saved / f"{name}.json").write_text(json.dumps(saved_identity(name, tokens=own)))
        dkim = {f"dkim{i}": [f"{tok}._domainkey CNAME {tok}.dkim.amazonses.com."] for i, tok in enumerate(own, 1)}
        if index % FAULTY_EVERY == 1:  # the value typed without its final dot
            dkim["dkim1"] = [f"{own[0]}._domainkey CNAME {own[0]}.dkim.amazonses.com"]
        zones[f"{name}."] = zone_text(name, **dkim)
    return zones


def run_measured(cmd: list[str], env: dict) -> tuple[float, float, int, bytes]:
    """(wall seconds, CPU seconds, peak RSS in KiB, stdout) of one run of the command.

    CPU time comes from os.wait4 (that one process). The peak is VmHWM of /proc/PID/status, read
    every 10 ms until the process ends (it only grows, so the last reading is the peak but for the
    last 10 ms): ru_maxrss would count the memory of this benchmark, which the child inherits at
    fork."""
    started = time.perf_counter()
    peak = 0
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=out, stderr=err)
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            peak = max(peak, _high_water(process.pid))
            time.sleep(0.01)
        elapsed = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        text, problem = out.read(), err.read()
    if process.returncode not in (0, 1):
        sys.exit(f"failed ({process.returncode}): {' '.join(cmd)}\n{problem.decode()}")
    return elapsed, usage.ru_utime + usage.ru_stime, peak, text


def _cpu(pid: int) -> float:
    """CPU seconds (user + system) a running process has used: /proc/PID/stat's utime and stime."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _high_water(pid: int) -> int:
    """VmHWM in KiB: the most resident memory the process has had since it started its program."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


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
            times: dict[str, list[tuple[float, float, int]]] = {name: [] for name in commands}
            outputs = {}
            asked: dict[str, int] = {}  # questions the proxy relayed in one run
            served: dict[str, float] = {}  # CPU seconds of the proxy and named in one run
            for _ in range(rounds):
                for name, cmd in commands.items():
                    before, spent = proxy.relayed()[0], _cpu(proxy.process.pid) + _cpu(named.process.pid)
                    elapsed, cpu, peak, out = run_measured(cmd, env)
                    times[name].append((elapsed, cpu, peak))
                    outputs[name] = out
                    asked[name] = proxy.relayed()[0] - before
                    served[name] = _cpu(proxy.process.pid) + _cpu(named.process.pid) - spent
        finally:
            proxy.stop()
            named.stop()
    many_name = f"{count} identities"
    wrong = _not_ok(json.loads(outputs[many_name]))
    planted = len(range(1, count, FAULTY_EVERY))
    assert wrong == planted, f"{wrong} findings not ok, {planted} planted: the check is not right"
    one, one_cpu = (statistics.median(t[i] for t in times["one identity"]) for i in (0, 1))
    many, many_cpu = (statistics.median(t[i] for t in times[many_name]) for i in (0, 1))
    one_peak = max(t[2] for t in times["one identity"]) / 1024
    many_peak = max(t[2] for t in times[many_name]) / 1024
    print(f"answers delayed {delay * 1000:.0f} ms; medians of {rounds} interleaved runs of the installed command")
    print(f"one identity:      {one:6.2f} s wall, {one_cpu:5.2f} s CPU, peak RSS {one_peak:6.1f} MiB")
    print(f"{many_name}: {many:6.2f} s wall, {many_cpu:5.2f} s CPU, peak RSS {many_peak:6.1f} MiB "
          f"({wrong} not ok, as planted)")
    print(f"ratio {many_name} / one identity: {many / one:.2f}x wall, {many_cpu / one_cpu:.2f}x CPU; one after "
          f"another they would take about {count * one:.0f} s")
    print(f"memory: {many_peak - one_peak:+.1f} MiB for {count - 1} more identities (streamed)")
    print(f"CPU per identity: {(many_cpu - one_cpu) / (count - 1) * 1000:.2f} ms "
          f"({many_cpu:.2f} s for {count}, less {one_cpu:.2f} s for one)")
    print(f"questions: {asked[many_name]} for {count} ({asked[many_name] / count:.2f} per identity), "
          f"{asked['one identity']} for one; the proxy and named used {served[many_name]:.2f} s CPU in the last run "
          f"of {count}")
    goal = GOALS.get(count)
    load = f"(load average now {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)"
    if goal is None:
        print(f"no goal for {count} identities {load}")
        return
    met = many <= goal
    print(f"goal: {count} identities in at most {goal:g} s: {'met' if met else 'NOT MET'} {load}")


def _not_ok(report: dict) -> int:
    """Findings not ok in the JSON report (docs/check.md, "The JSON report")."""
    return sum(f["status"] != "ok" for identity in report["identities"] for f in identity["findings"])

if __name__ == "__main__":
    main()
