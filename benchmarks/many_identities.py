"""Many saved identities in one run against one identity, both measured in this run.

    .venv/bin/python benchmarks/many_identities.py [--count 300] [--rounds N]

Writes COUNT saved get-email-identity responses (each with DKIM and a MAIL FROM domain, so
every identity has all its records) to a temporary folder, then times
`ses-export --identity-file FOLDER -f bind` (one output) and `-o OUT/` (one file each)
against `ses-export DOMAIN --identity-file FILE -f bind`. Goal: at most 1.5x.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from common import SAMPLES, describe, entry_point, interleaved, ratios, user_environment, verdict

GOAL = 1.5


def write_identities(folder: Path, count: int) -> None:
    template = json.loads((SAMPLES / "identities" / "shop.example.net.json").read_text())
    for i in range(count):
        response = dict(template, MailFromAttributes=dict(template["MailFromAttributes"],
                                                          MailFromDomain=f"bounce.d{i}.example.net"))
        (folder / f"d{i}.example.net.json").write_text(json.dumps(response))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()

    tool = entry_point()
    with tempfile.TemporaryDirectory() as tmp:
        saved = Path(tmp) / "saved"
        saved.mkdir()
        write_identities(saved, args.count)
        common = ["--region", "ap-northeast-3", "--format", "bind"]
        commands = {
            "one": [tool, "d0.example.net", "--identity-file", str(saved / "d0.example.net.json"), *common],
            "many": [tool, "--identity-file", str(saved), *common],
            "folder": [tool, "--identity-file", str(saved), *common, "-o", f"{tmp}/out/"],
        }
        times = interleaved(commands, user_environment(), args.rounds)
        written = len(list((Path(tmp) / "out").iterdir()))
    if written != args.count:
        sys.exit(f"-o OUT/ wrote {written} files, expected {args.count}")
    print(f"{args.rounds} interleaved runs each: {describe(times)}")
    met = verdict(f"{args.count} identities in one output / one identity", ratios(times, "many", "one"), GOAL)
    wall, cpu = ratios(times, "folder", "one")
    print(f"{args.count} identities, one file each / one identity: {wall:.2f}x wall, {cpu:.2f}x CPU "
          "(for information: each file is written atomically and synced)")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
