"""Rewrite samples/rendered/ from the saved identities, as samples/samples.json lists them.

Run from the repository root after changing a template on purpose:

    python samples/render_samples.py

tests/test_samples.py renders the same cases and fails when a file here drifts.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def cases() -> list[tuple[Path, list[str]]]:
    """(rendered file, ses-export arguments) for every sample identity and format."""
    spec = json.loads((SAMPLES / "samples.json").read_text(encoding="utf-8"))
    result = []
    for identity in spec["identities"]:
        from exporter.names import domain

        a_label = domain(identity["domain"])[:-1]
        saved = f"samples/identities/{identity['domain']}.json"
        for fmt in spec["formats"]:
            argv = [identity["domain"], "--identity-file", saved, "--format", fmt["format"],
                    *identity["args"], *fmt["args"]]
            result.append((SAMPLES / "rendered" / f"{a_label}.{fmt['suffix']}", argv))
    return result


def render(argv: list[str]) -> str:
    """Run ses-export in-process from the repository root and return what it printed."""
    from click.testing import CliRunner

    from exporter.cli import main

    result = CliRunner().invoke(main, argv, catch_exceptions=False)
    if result.exit_code != 0:
        raise SystemExit(f"ses-export {' '.join(argv)} failed ({result.exit_code}): {result.output}")
    return result.stdout


def main() -> None:
    import os

    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    (SAMPLES / "rendered").mkdir(exist_ok=True)
    for path, argv in cases():
        path.write_text(render(argv), encoding="utf-8")
        print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()
