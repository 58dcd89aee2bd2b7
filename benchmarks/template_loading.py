"""Template loading: does the per-user bytecode cache earn its place against the alternatives?

    .venv/bin/python benchmarks/template_loading.py [--rounds N]

Three ways to get a compiled template, each a whole run of the installed command (one identity from
saved JSON, `--format bind` and the default instructions), interleaved with the floor
`python -c "import click, jinja2, dns.name"`:

- cache:       Jinja2 source + the compiled-code cache in ~/.cache/ses-export (exporter/template_cache.py)
- precompiled: templates compiled to Python modules ahead of time (Jinja2's compile_templates), loaded
               with Jinja2's ModuleLoader, as a build step would ship them
- compile:     Jinja2 source compiled at every run, no cache

Prints each as a ratio to the floor. With --instructions, counts instructions under valgrind's callgrind
instead of timing (one run each, about 3 minutes): repeatable on a busy machine.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from common import PYTHON, SAMPLES, describe, instruction_count, interleaved, ratios, user_environment

# Runs the command line with formats.environment() swapped for the strategy named in argv[1].
DRIVER = """
import sys, functools
mode, folder = sys.argv[1], sys.argv[2]
del sys.argv[1:3]
import jinja2
from exporter import formats
from exporter.filters import FILTERS

def environment():
    if mode == "cache":
        return formats._cached_environment()
    loader = jinja2.ModuleLoader(folder) if mode == "precompiled" else jinja2.FileSystemLoader(str(formats.template_folder()))
    env = jinja2.Environment(loader=loader, undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
                             trim_blocks=True, lstrip_blocks=True,
                             autoescape=lambda name: bool(name) and name.endswith(".html.j2"))
    env.filters.update(FILTERS)
    return env

formats._cached_environment = formats.environment
formats.environment = functools.lru_cache(maxsize=1)(environment)
from exporter.cli import main
main()
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--instructions", action="store_true", help="count instructions (callgrind) instead of timing")
    args = parser.parse_args()

    import jinja2

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from exporter import formats
    from exporter.filters import FILTERS

    with tempfile.TemporaryDirectory() as folder:
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(formats.template_folder())),
                                 undefined=jinja2.StrictUndefined, keep_trailing_newline=True, trim_blocks=True,
                                 lstrip_blocks=True)
        env.filters.update(FILTERS)
        env.compile_templates(folder, zip=None)  # .py modules; Python caches their bytecode on first import
        one = ["example.com", "--identity-file", str(SAMPLES / "identities" / "example.com.json"), "--region",
               "us-east-1"]
        commands = {"floor": [PYTHON, "-c", "import click, jinja2, dns.name"]}
        for mode in ("cache", "precompiled", "compile"):
            for fmt in ("bind", "instructions"):
                commands[f"{mode} {fmt}"] = [PYTHON, "-c", DRIVER, mode, folder, *one, "--format", fmt]
        if args.instructions:
            counts = {name: instruction_count(cmd, user_environment()) for name, cmd in commands.items()}
        else:
            times = interleaved(commands, user_environment(), args.rounds)
    if args.instructions:
        print("instructions (callgrind): " + ", ".join(f"{name} {count / 1e6:.0f} M" for name, count in counts.items()))
        for fmt in ("bind", "instructions"):
            for mode in ("cache", "precompiled", "compile"):
                print(f"{fmt:12} {mode:11} / floor: {counts[f'{mode} {fmt}'] / counts['floor']:.2f}x instructions")
        return 0
    print(f"{args.rounds} interleaved runs each: {describe(times)}")
    for fmt in ("bind", "instructions"):
        for mode in ("cache", "precompiled", "compile"):
            wall, cpu = ratios(times, f"{mode} {fmt}", "floor")
            print(f"{fmt:12} {mode:11} / floor: {wall:.2f}x wall, {cpu:.2f}x CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
