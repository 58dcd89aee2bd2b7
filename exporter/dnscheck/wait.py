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
from ..phrase import Phrase, counted

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
            if raw.isdigit():
                raise InputError(Phrase("error.wait-unit", value=repr(text), suggested=f"{raw}s"), option="wait")
            raise InputError(Phrase("error.wait-duration", value=repr(text)), option="wait")
        hours, minutes, secs = (int(group or 0) for group in match.groups())
        seconds = float(hours * 3600 + minutes * 60 + secs)
    if not 0 < seconds <= LONGEST_WAIT:
        raise InputError(Phrase("error.wait-range", value=repr(text)), option="wait")
    return seconds


def describe(seconds: float) -> str:
    """1h30m, 4m50s, 12s: how long, as the option is written."""
    total = max(0, round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    text = (f"{hours}h" if hours else "") + (f"{minutes}m" if minutes else "") + (f"{secs}s" if secs else "")
    return text or "0s"


def until_right(check: Callable[[list], list], identities: list, seconds: float, notify: Callable[[Phrase], None],
                sleep: Callable[[float], None] = time.sleep,
                clock: Callable[[], float] = time.monotonic) -> tuple[list, bool]:
    """(the last result of each identity, in order; whether all are right). `check(identities)`
    returns their CheckResults. Identities found right are not asked again; the others are
    checked again after 2 s, 4 s, 8 s ... (at most a minute apart), the last time when the time is up.
    `notify` gets the progress as Phrases of the MESSAGES catalogue (job.run says them in the run's language)."""
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
                notify(Phrase("wait.right", checks=counted("checks", rounds)))
            return ordered, True
        left = deadline - clock()
        if left <= 0:
            notify(Phrase("wait.up", checks=counted("checks", rounds), duration=describe(seconds),
                          state=_state(results, todo)))
            return ordered, False
        pause_now = min(pause, left)
        notify(Phrase("wait.again", round=rounds, state=_state(results, todo), pause=describe(pause_now),
                      left=describe(left)))
        sleep(pause_now)
        pause = min(pause * 2, LONGEST_PAUSE)


def _state(results: dict, todo: list) -> Phrase:
    records = sum(1 for i in todo for f in results[i].findings if f.status != "ok")
    servers = sum(1 for i in todo for s in results[i].servers if not s.answered)
    if servers:
        return Phrase("wait.state-servers", todo=len(todo), total=counted("identities", len(results)),
                      records=counted("records", records), servers=counted("servers", servers))
    return Phrase("wait.state", todo=len(todo), total=counted("identities", len(results)),
                  records=counted("records", records))
