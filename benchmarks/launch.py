"""A small launcher: run a command and print its wall time, CPU time and peak RSS as one JSON line.

    python -S benchmarks/launch.py COMMAND [ARGS...]

The peak (ru_maxrss of the child) is only the command's own when whoever forked it was small:
Linux starts a child's high-water mark at its parent's resident size at fork, so a big Python
process (a benchmark holding 10,000 identities) would lend the child its own figure. This process
imports nothing but os, sys and time. The command's stdout and stderr go where this one's go.
"""

import os
import sys
import time


def main() -> None:
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        try:
            os.execvp(sys.argv[1], sys.argv[1:])
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    print(f'{{"wall": {elapsed:.4f}, "cpu": {usage.ru_utime + usage.ru_stime:.4f}, "rss_kib": {usage.ru_maxrss}, '
          f'"exit": {code}}}', file=sys.stderr)
    sys.exit(0)


if __name__ == "__main__":
    main()
