"""Shared by the benchmarks: run commands as a user would, interleaved, and report medians and ratios."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
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


def run(cmd: list[str], env: dict[str, str], cwd: Path = ROOT) -> float:
    started = time.perf_counter()
    result = subprocess.run(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"failed ({result.returncode}): {' '.join(cmd)}\n{result.stderr.decode()}")
    return elapsed


def interleaved(commands: dict[str, list[str]], env: dict[str, str], rounds: int, warmup: int = 3) -> dict[str, float]:
    """Median seconds of each command, run in turns so that machine noise hits all of them alike."""
    for _ in range(warmup):
        for cmd in commands.values():
            run(cmd, env)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, cmd in commands.items():
            times[name].append(run(cmd, env))
    return {name: statistics.median(values) for name, values in times.items()}


def verdict(label: str, ratio: float, goal: float) -> bool:
    met = ratio <= goal
    print(f"{label}: {ratio:.2f}x (goal <= {goal}x) {'met' if met else 'NOT MET'}")
    return met
