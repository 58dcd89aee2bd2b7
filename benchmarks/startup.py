"""Start-up: an offline render of one identity against the floor of importing what it must use.

    .venv/bin/python benchmarks/startup.py [--rounds N]

The floor is `python -c "import click, jinja2, dns.name"`, measured in the same run, interleaved.
Goal: the documented call (`ses-export example.com --format bind` on saved JSON) within 1.2x of it.
"""

from __future__ import annotations

import argparse
import sys

from common import PYTHON, SAMPLES, entry_point, interleaved, user_environment, verdict

GOAL = 1.2


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args()

    tool = entry_point()
    saved = str(SAMPLES / "identities" / "example.com.json")
    commands = {
        "floor": [PYTHON, "-c", "import click, jinja2, dns.name"],
        "bind": [tool, "example.com", "--identity-file", saved, "--region", "us-east-1", "--format", "bind"],
        "json": [tool, "example.com", "--identity-file", saved, "--region", "us-east-1", "--format", "json"],
    }
    medians = interleaved(commands, user_environment(), args.rounds)
    floor = medians["floor"]
    print(f"median of {args.rounds} interleaved runs: floor {floor * 1000:.1f} ms, "
          f"bind {medians['bind'] * 1000:.1f} ms, json {medians['json'] * 1000:.1f} ms")
    met = [verdict(f"one identity, --format {fmt} / floor", medians[fmt] / floor, GOAL) for fmt in ("bind", "json")]
    return 0 if all(met) else 1


if __name__ == "__main__":
    sys.exit(main())
