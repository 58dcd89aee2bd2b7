"""Many saved identities in one run, in every format, against one identity: time and peak memory.

    .venv/bin/python benchmarks/many_identities.py [--counts 100,1000,10000] [--formats bind,csv]
                                                   [--rounds N] [--folder] [--before CHECKOUT] [--lang ja]

Writes saved get-email-identity responses (each its own zone, with DKIM, a MAIL FROM domain and
DMARC; for octodns and route53-changes, which hold one zone, subdomains of one zone) and runs the
installed command as a user would: `ses-export --identity-file FOLDER -f FORMAT` (one output, to
a file) and, with --folder, `-o OUT/` (one file per identity or zone). Each run goes through
benchmarks/launch.py, a small process whose child's peak RSS is the command's own (Linux starts a
child's peak at its parent's size at fork). Figures: medians of wall and CPU time, and the peak
RSS, each as a ratio to the same command for ONE of the identities, run in turns with it.

Goals (issue 23): 10,000 identities in at most 2 s wall for bind, csv and json and 3 s for every
other format; with -o OUT/, the peak RSS of 10,000 within 1.5x that of 100.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from common import ROOT, SAMPLES, entry_point, user_environment

LAUNCH = [sys.executable, "-S", str(ROOT / "benchmarks" / "launch.py")]
ONE_ZONE = ("octodns", "route53-changes")
FAST = ("bind", "csv", "json")  # goal 2 s at 10,000; the others 3 s


def write_identities(folder: Path, count: int, zone: str | None) -> None:
    template = json.loads((SAMPLES / "identities" / "shop.example.net.json").read_text())
    for i in range(count):
        domain = f"customer{i:05d}.{zone}" if zone else f"customer{i:05d}.example"
        response = dict(template, MailFromAttributes=dict(template["MailFromAttributes"], MailFromDomain=f"mail.{domain}"))
        (folder / f"{domain}.json").write_text(json.dumps(response))


def measure(cmd: list[str], env: dict) -> dict:
    result = subprocess.run([*LAUNCH, *cmd], env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)
    figures = json.loads(result.stderr.strip().splitlines()[-1])
    if figures["exit"] != 0:
        sys.exit(f"failed ({figures['exit']}): {' '.join(cmd)}\n{result.stderr}")
    return figures


def median(runs: list[dict], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", default="100,1000,10000")
    parser.add_argument("--formats", default=None, help="comma-separated (default: every format)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--folder", action="store_true", help="also -o OUT/ (one file each)")
    parser.add_argument("--before", metavar="CHECKOUT", help="also run each many-identity command with the code of "
                        "another checkout (git worktree add CHECKOUT COMMIT), in turns: before/after in one run")
    parser.add_argument("--lang", help="run every command with --lang LANG (the localized formats: instructions, html)")
    args = parser.parse_args()
    counts = [int(c) for c in args.counts.split(",")]
    sys.path.insert(0, str(ROOT))
    from exporter import formats

    names = args.formats.split(",") if args.formats else list(formats.names())
    tool, env = entry_point(), user_environment()
    met = True
    with tempfile.TemporaryDirectory(prefix="many-identities.") as tmp:
        base = Path(tmp)
        saved = {}
        for zone in (None, "example.net"):
            for count in counts:
                folder = saved[zone, count] = base / f"saved-{zone}-{count}"
                folder.mkdir()
                write_identities(folder, count, zone)
        print(f"{args.rounds} runs each, in turns with one identity; medians of wall and CPU seconds, peak RSS MiB")
        print(f"{'format':<22}{'identities':>11}{'wall s':>9}{'CPU s':>8}{'RSS MiB':>9}   ratios to one: wall, CPU, RSS")
        for name in names:
            zone = "example.net" if name in ONE_ZONE else None
            common = ["--region", "ap-northeast-3", "-f", name, *(["--lang", args.lang] if args.lang else [])]
            first = f"customer00000.{zone}" if zone else "customer00000.example"
            one_cmd = [tool, first, "--identity-file", str(saved[zone, counts[0]] / f"{first}.json"), *common,
                       "-o", str(base / "one.out")]
            variants = [(count, False) for count in counts] + ([(count, True) for count in counts] if args.folder else [])
            peaks_folder = {}
            for count, to_folder in variants:
                out = base / "out"
                many_cmd = [tool, "--identity-file", str(saved[zone, count]), *common,
                            "-o", f"{out}/" if to_folder else str(base / "many.out")]
                measure(one_cmd, env), measure(many_cmd, env)  # warm: page cache, bytecode, compiled templates
                ones, manys, befores = [], [], []
                for _ in range(args.rounds):
                    ones.append(measure(one_cmd, env))
                    if to_folder:
                        shutil.rmtree(out, ignore_errors=True)
                    manys.append(measure(many_cmd, env))
                    if args.before:  # the installed entry point imports the other checkout's exporter first
                        if to_folder:
                            shutil.rmtree(out, ignore_errors=True)
                        befores.append(measure(many_cmd, dict(env, PYTHONPATH=args.before)))
                wall, cpu = median(manys, "wall"), median(manys, "cpu")
                rss = max(run["rss_kib"] for run in manys) / 1024
                one_rss = max(run["rss_kib"] for run in ones) / 1024
                label = f"{name} -o DIR/" if to_folder else name
                print(f"{label:<22}{count:>11,}{wall:>9.2f}{cpu:>8.2f}{rss:>9.1f}   {wall / median(ones, 'wall'):6.1f}x "
                      f"{cpu / median(ones, 'cpu'):6.1f}x {rss / one_rss:5.2f}x", flush=True)
                if befores:
                    was = (median(befores, "wall"), median(befores, "cpu"), max(r["rss_kib"] for r in befores) / 1024)
                    print(f"{'  before':<22}{count:>11,}{was[0]:>9.2f}{was[1]:>8.2f}{was[2]:>9.1f}   after/before: "
                          f"{wall / was[0]:.2f}x wall, {cpu / was[1]:.2f}x CPU, {rss / was[2]:.2f}x RSS", flush=True)
                if to_folder:
                    peaks_folder[count] = rss
                elif count == 10000:
                    goal = 2.0 if name in FAST else 3.0
                    if wall > goal:
                        met = False
                        print(f"  goal: 10,000 identities in at most {goal:g} s wall: NOT MET")
            if 100 in peaks_folder and 10000 in peaks_folder:
                ratio = peaks_folder[10000] / peaks_folder[100]
                met = met and ratio <= 1.5
                print(f"  -o DIR/: peak RSS of 10,000 / of 100: {ratio:.2f}x (goal <= 1.5x) {'met' if ratio <= 1.5 else 'NOT MET'}")
    print("all goals met" if met else "some goals NOT MET")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
