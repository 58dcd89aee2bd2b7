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

from common import SAMPLES, entry_point, interleaved, user_environment, verdict

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
        medians = interleaved(commands, user_environment(), args.rounds)
        written = len(list((Path(tmp) / "out").iterdir()))
    if written != args.count:
        sys.exit(f"-o OUT/ wrote {written} files, expected {args.count}")
    print(f"median of {args.rounds} interleaved runs: one identity {medians['one'] * 1000:.1f} ms, "
          f"{args.count} in one output {medians['many'] * 1000:.1f} ms, "
          f"{args.count} files {medians['folder'] * 1000:.1f} ms")
    met = verdict(f"{args.count} identities, one output / one identity", medians["many"] / medians["one"], GOAL)
    print(f"{args.count} identities, one file each / one identity: {medians['folder'] / medians['one']:.2f}x (for information)")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
