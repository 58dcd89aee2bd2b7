"""How long ses-export takes to give up on SES faults that do not go away, against one successful call.

    .venv/bin/python benchmarks/ses_fault_bounds.py [--rounds 3] [--timeout 2]

The loopback endpoint (tests/fake_ses.py) answers every request of a run with one fault; the installed
ses-export asks it for one identity, at SES's real pace (about a second between requests), and must end
with exit 3. For each fault the median and the slowest of ROUNDS runs are printed, in seconds and as a
ratio to the baseline, a successful call measured in the same run (start-up included, as a user waits).
The goals bound what the retries add to the baseline, in the slowest run:

  throttle   429 TooManyRequestsException   5 attempts; throttling backoff (jitter, caps 1, 2, 4, 8 s) and
                                            the adaptive rate limiter (0.5 request/s at least): <= 16 s
  5xx        500 InternalFailure            5 attempts, a little over a second apart (the pacer): <= 4.5 s
  closed     connection closed, no answer   the same: <= 4.5 s
  refused    nothing listening on the port  the same: <= 4.5 s
  no answer  the answer comes too late      2 attempts of --timeout each: <= 2 x TIMEOUT + 0.5 s

Takes about 40 x ROUNDS seconds (throttling is most of it).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time

from common import ROOT, SAMPLES, entry_point, user_environment

sys.path.insert(0, str(ROOT / "tests"))
from fake_ses import FakeSes, isolated_aws_environment, refused_url

THROTTLED_GOAL = 16.0  # backoff caps 1 + 2 + 4 + 8 s, the first pause stretched to the limiter's 2 s
PACED_GOAL = 4.5  # 4 pauses of the pacer's 1.03 s; the 50 ms..0.4 s backoff fits inside them


def give_up_time(tool: str, url: str, timeout: float, tmp: str, expect_status: int) -> float:
    env = isolated_aws_environment(user_environment(), endpoint=url)
    cmd = [tool, "example.com", "--region", "us-east-1", "-f", "json", "--timeout", str(timeout)]
    started = time.perf_counter()
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    elapsed = time.perf_counter() - started
    if result.returncode != expect_status or result.stderr.count("\n") > 1 or "Traceback" in result.stderr:
        sys.exit(f"FAILED: exit {result.returncode} (expected {expect_status}), stderr:\n{result.stderr}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="runs per fault (throttling backoff is random)")
    parser.add_argument("--timeout", type=float, default=2.0, help="ses-export --timeout for every run")
    args = parser.parse_args()
    response = json.loads((SAMPLES / "identities" / "example.com.json").read_text())
    tool = entry_point()
    # (label, fault served by the endpoint or "refused", goal: seconds added to the baseline)
    faults = [("throttle (429)", "throttle", THROTTLED_GOAL), ("5xx (500)", "server_error", PACED_GOAL),
              ("closed connection", "close", PACED_GOAL), ("refused connection", "refused", PACED_GOAL),
              (f"no answer (--timeout {args.timeout:g})", "slow", 2 * args.timeout + 0.5)]
    times: dict[str, list[float]] = {label: [] for label, _, _ in faults}
    baseline: list[float] = []
    with FakeSes({"us-east-1": {"example.com": response}}) as fake, tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.rounds):  # in turns, so that the machine's noise hits all alike
            baseline.append(give_up_time(tool, fake.url, args.timeout, tmp, expect_status=0))
            for label, kind, _ in faults:
                if kind == "refused":
                    url = refused_url()
                else:
                    url = fake.url
                    fake.fail_always(kind, delay=args.timeout * 3)
                times[label].append(give_up_time(tool, url, args.timeout, tmp, expect_status=3))
                fake.clear_faults()
    base = statistics.median(baseline)
    print(f"baseline, one successful call: {base:.2f} s (median of {args.rounds})")
    met = []
    for label, _, goal in faults:
        median, slowest = statistics.median(times[label]), max(times[label])
        ok = slowest - base <= goal
        met.append(ok)
        print(f"{label}: gives up in {median:.2f} s = {median / base:.1f}x baseline (median), slowest "
              f"{slowest:.2f} s = {slowest / base:.1f}x = baseline + {slowest - base:.2f} s; "
              f"goal baseline + <= {goal:g} s {'met' if ok else 'NOT MET'}")
    return 0 if all(met) else 1


if __name__ == "__main__":
    sys.exit(main())
