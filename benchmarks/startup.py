"""Start-up: an offline render of one identity against the floor of importing what it must use.

    .venv/bin/python benchmarks/startup.py [--rounds N]

The floor is `python -c "import click, jinja2, dns.name"`, measured in the same run, interleaved
with the tool. Goal: one identity from saved JSON within 1.2x of it, in the documented form
(`--format bind`), the default format (instructions) and json.

With --instructions it counts instructions under valgrind's callgrind instead (one run each, about a
minute): the same figure on a busy machine as on an idle one.
"""

from __future__ import annotations

import argparse
import sys

from common import (
    PYTHON,
    SAMPLES,
    describe,
    entry_point,
    instruction_count,
    interleaved,
    ratios,
    user_environment,
    verdict,
)

GOAL = 1.2


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--instructions", action="store_true", help="count instructions (callgrind) instead of timing")
    args = parser.parse_args()

    tool = entry_point()
    one = ["example.com", "--identity-file", str(SAMPLES / "identities" / "example.com.json"), "--region", "us-east-1"]
    commands = {
        "floor": [PYTHON, "-c", "import click, jinja2, dns.name"],
        "bind": [tool, *one, "--format", "bind"],
        "instructions": [tool, *one],
        "json": [tool, *one, "--format", "json"],
    }
    if args.instructions:
        counts = {name: instruction_count(cmd, user_environment()) for name, cmd in commands.items()}
        print("instructions (callgrind): " + ", ".join(f"{name} {count / 1e6:.0f} M" for name, count in counts.items()))
        met = []
        for name in ("bind", "instructions", "json"):
            ratio = counts[name] / counts["floor"]
            met.append(ratio <= GOAL)
            print(f"one identity, {name} / floor: {ratio:.2f}x instructions (goal <= {GOAL}x): "
                  f"{'met' if met[-1] else 'NOT MET'}")
        return 0 if all(met) else 1
    times = interleaved(commands, user_environment(), args.rounds)
    print(f"{args.rounds} interleaved runs each: {describe(times)}")
    met = [verdict(f"one identity, {name} / floor", ratios(times, name, "floor"), GOAL)
           for name in ("bind", "instructions", "json")]
    return 0 if all(met) else 1


if __name__ == "__main__":
    sys.exit(main())
