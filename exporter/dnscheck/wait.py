"""--wait DURATION: check again, with growing pauses, until every record is right on every
server or the time is up (docs/check.md, "Waiting for DNS").

No DNS here: `until_right` calls the check it is given, so this module imports nothing heavy
and the command line can validate DURATION before anything is read.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import Any

from ..errors import InputError

FIRST_PAUSE = 2.0  # seconds before the second check: a reload of a zone takes about that long
LONGEST_PAUSE = 60.0  # pauses double up to this: DNS changes arrive in minutes, not hours
LONGEST_WAIT = 24 * 3600  # a day: beyond that something else is wrong than DNS being slow
_DURATION = re.compile(r"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?")


def parse_duration(text: str | float | int) -> float:
    """Seconds from `90s`, `30m`, `1h30m` (or a number of seconds from a program)."""
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        seconds = float(text)
    else:
        raw = str(text).strip().lower()
        match = _DURATION.fullmatch(raw)
        if not raw or not match or not any(match.groups()):
            hint = f" (add a unit: {raw}s)" if raw.isdigit() else ""
            raise InputError(f"{text!r} is not a duration such as 90s, 30m or 1h30m{hint}", option="wait")
        hours, minutes, secs = (int(group or 0) for group in match.groups())
        seconds = float(hours * 3600 + minutes * 60 + secs)
    if not 0 < seconds <= LONGEST_WAIT:
        raise InputError(f"{text!r}: wait more than 0 s and at most 24h", option="wait")
    return seconds


def describe(seconds: float) -> str:
    """1h30m, 4m50s, 12s: how long, as the option is written."""
    total = max(0, round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    text = (f"{hours}h" if hours else "") + (f"{minutes}m" if minutes else "") + (f"{secs}s" if secs else "")
    return text or "0s"


def until_right(check: Callable[[list], list], identities: list, seconds: float, notify: Callable[[str], None],
                sleep: Callable[[float], None] = time.sleep,
                clock: Callable[[], float] = time.monotonic) -> tuple[list, bool]:
    """(the last result of each identity, in order; whether all are right). `check(identities)`
    returns their CheckResults. Identities found right are not asked again; the others are
    checked again after 2 s, 4 s, 8 s ... (at most a minute apart), the last time when the time is up."""
    deadline = clock() + seconds
    results: dict[int, Any] = {}
    todo = list(range(len(identities)))
    pause = FIRST_PAUSE
    rounds = 0
    while True:
        rounds += 1
        for index, result in zip(todo, check([identities[i] for i in todo])):
            results[index] = result
        todo = [i for i in todo if not results[i].all_right]
        ordered = [results[i] for i in sorted(results)]
        if not todo:
            if rounds > 1:
                notify(f"wait: all right after {rounds} checks")
            return ordered, True
        left = deadline - clock()
        if left <= 0:
            notify(f"wait: time is up after {rounds} checks ({describe(seconds)}); {_state(results, todo)}")
            return ordered, False
        pause_now = min(pause, left)
        notify(f"wait: check {rounds}: {_state(results, todo)}; checking again in {describe(pause_now)} "
               f"({describe(left)} left)")
        sleep(pause_now)
        pause = min(pause * 2, LONGEST_PAUSE)


def _state(results: dict, todo: list) -> str:
    records = sum(1 for i in todo for f in results[i].findings if f.status != "ok")
    servers = sum(1 for i in todo for s in results[i].servers if not s.answered)
    text = f"{len(todo)} of {len(results)} identities not right yet ({records} records not ok"
    return text + (f", {servers} servers not answering)" if servers else ")")
