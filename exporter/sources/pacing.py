"""Spacing requests to SES's control-plane rate: about one request per second per account and region.

SES v2 throttles `GetEmailIdentity` and `ListEmailIdentities` at about 1 request/s. One Pacer per
region spaces every HTTP attempt (retries included) a little more than a second apart, so
throttling is not the mechanism that sets the pace; botocore's adaptive retry (sources/ses.py)
stays as the safety net for a limit shared with other callers.
"""

from __future__ import annotations

import threading
import time

SES_REQUESTS_PER_SECOND = 1.0
# 3% slower than the limit: a request sent on the second can arrive a few ms early next to a late one.
PACING_MARGIN = 1.03


class Pacer:
    """Spaces requests at least `interval` seconds apart; safe to share between threads."""

    def __init__(self, per_second: float = SES_REQUESTS_PER_SECOND / PACING_MARGIN,
                 clock=time.monotonic, sleep=time.sleep):
        self.interval = 1.0 / per_second
        self._clock = clock
        self._sleep = sleep
        self._next = None
        self._lock = threading.Lock()

    def wait(self, **_event) -> None:
        """Block until this request's slot; a botocore `before-send` handler (returns None: send it)."""
        with self._lock:
            now = self._clock()
            start = now if self._next is None else max(now, self._next)
            self._next = start + self.interval
        if start > now:
            self._sleep(start - now)
