"""--all against the loopback SES endpoint enforcing SES's 1 request/s per region.

    .venv/bin/python benchmarks/all_regions.py [--count 25]

The endpoint (tests/fake_ses.py) answers 429 TooManyRequestsException to any request that
comes sooner than one second after the previous one of its region, as SES does. Each region
holds COUNT domain identities (and one email-address identity, which is skipped). Two runs of
the installed ses-export, measured here:

  one region   `--all --region us-east-1`: goal COUNT identities in at most 1.1 x COUNT seconds
  two regions  `--all --region us-east-1 --region eu-west-1`: goal no longer than the one region
               (within 5%, the noise of a start-up), so regions really run side by side

and both with zero throttled requests and zero failures. Takes about 2 x COUNT seconds.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time

from common import ROOT, SAMPLES, entry_point, user_environment

sys.path.insert(0, str(ROOT / "tests"))
from fake_ses import FakeSes, isolated_aws_environment

PER_IDENTITY_GOAL = 1.1
TWO_REGIONS_GOAL = 1.05
REGIONS = ("us-east-1", "eu-west-1")


def run_all(tool: str, fake: FakeSes, regions: tuple[str, ...], expected: int, tmp: str) -> float:
    env = isolated_aws_environment(user_environment(), endpoint=fake.url)
    cmd = [tool, "--all", *[a for r in regions for a in ("--region", r)], "--format", "json"]
    before = len(fake.requests)
    started = time.perf_counter()
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=10 * expected + 60)
    elapsed = time.perf_counter() - started
    requests = fake.requests[before:]
    throttled = sum(1 for r in requests if r.status == 429)
    failed = sum(1 for r in requests if r.status not in (200, 429))
    got = len(json.loads(result.stdout)["identities"]) if result.returncode == 0 else 0
    print(f"  {' + '.join(regions)}: {got} identities in {elapsed:.2f} s, {len(requests)} requests, "
          f"{throttled} throttled, {failed} failed, exit {result.returncode}")
    if result.returncode != 0 or got != expected or throttled or failed:
        print(result.stderr, file=sys.stderr)
        sys.exit("FAILED: the run must export every identity without a throttled or failed request")
    return elapsed


def verdict(label: str, ratio: float, goal: float) -> bool:
    met = ratio <= goal
    print(f"{label}: {ratio:.2f}x (goal <= {goal}x) {'met' if met else 'NOT MET'}")
    return met


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=25, help="domain identities per region")
    args = parser.parse_args()
    n = args.count
    response = json.loads((SAMPLES / "identities" / "example.com.json").read_text())
    identities = {region: {**{f"d{i}.{region}.example.com": response for i in range(n)},
                           f"postmaster@{region}.example.com": {"IdentityType": "EMAIL_ADDRESS"}}
                  for region in REGIONS}
    tool = entry_point()
    print(f"{n} domain identities per region, endpoint limit 1 request/s per region:")
    with FakeSes(identities, rate_per_second=1.0) as fake, tempfile.TemporaryDirectory() as tmp:
        one = run_all(tool, fake, REGIONS[:1], n, tmp)
        time.sleep(1.1)  # a fresh second for the endpoint's limiter
        two = run_all(tool, fake, REGIONS, 2 * n, tmp)
    met = [verdict(f"one region: {one:.2f} s for {n} identities, seconds per identity", one / n, PER_IDENTITY_GOAL),
           verdict(f"two regions in parallel / one region ({two:.2f} s / {one:.2f} s)", two / one, TWO_REGIONS_GOAL)]
    return 0 if all(met) else 1


if __name__ == "__main__":
    sys.exit(main())
