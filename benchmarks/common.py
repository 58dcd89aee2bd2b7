"""Shared by the benchmarks: run commands as a user would, interleaved, and report medians and ratios."""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
PYTHON = sys.executable


def entry_point() -> str:
    """The installed ses-export beside this interpreter (what a user runs)."""
    path = shutil.which("ses-export", path=str(Path(PYTHON).parent)) or shutil.which("ses-export")
    if not path:
        sys.exit("ses-export is not installed in this environment: pip install -e .")
    return path


def user_environment(**extra: str) -> dict[str, str]:
    """The environment of an installed tool: bytecode caches allowed (pip writes them at install),
    no AWS configuration of the developer's."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE" and not k.startswith("AWS_")}
    env.update(extra)
    return env


def run(cmd: list[str], env: dict[str, str], cwd: Path = ROOT) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child: user + system) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(f"failed ({result.returncode}): {' '.join(cmd)}\n{result.stderr.decode()}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def instruction_count(cmd: list[str], env: dict[str, str], cwd: Path = ROOT) -> int:
    """Instructions one run executes, counted by valgrind's callgrind: the same count for the same
    work whatever else the machine is doing, so a small difference is not lost in scheduling noise
    (each run takes about 50 times longer)."""
    if not shutil.which("valgrind"):
        sys.exit("valgrind is not installed: apt-get install valgrind")
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "callgrind.out"
        run(cmd, env, cwd)  # warm the page cache, Python's bytecode and the compiled templates first
        subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *cmd], env=env, cwd=cwd,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        for line in out.read_text().splitlines():
            if line.startswith("summary:"):
                return int(line.split()[1])
    sys.exit(f"callgrind wrote no summary for {' '.join(cmd)}")


def interleaved(commands: dict[str, list[str]], env: dict[str, str], rounds: int,
                warmup: int = 3) -> dict[str, list[tuple[float, float]]]:
    """(wall, CPU) seconds of each run of each command, run in turns so that the noise of other
    processes on the machine hits all of them alike.

    The warm-up runs fill the caches a user's second run finds: the page cache, Python's
    bytecode, the compiled templates."""
    for _ in range(warmup):
        for cmd in commands.values():
            run(cmd, env)
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, cmd in commands.items():
            times[name].append(run(cmd, env))
    return times


def _median(times, name, which):
    return statistics.median(t[which] for t in times[name])


def ratios(times, name: str, baseline: str) -> tuple[float, float]:
    """(wall ratio, CPU ratio) of the medians. Wall time is what a user waits; CPU time is the
    same work less the waiting for a core that other processes on a shared machine cause."""
    return (_median(times, name, 0) / _median(times, baseline, 0),
            _median(times, name, 1) / _median(times, baseline, 1))


def describe(times) -> str:
    return ", ".join(f"{name} {_median(times, name, 0) * 1000:.0f} ms wall / {_median(times, name, 1) * 1000:.0f} ms CPU"
                     for name in times)


def verdict(label: str, wall_and_cpu: tuple[float, float], goal: float) -> bool:
    wall, cpu = wall_and_cpu
    met = wall <= goal
    print(f"{label}: {wall:.2f}x wall, {cpu:.2f}x CPU (medians; goal <= {goal}x) {'met' if met else 'NOT MET'}")
    return met
