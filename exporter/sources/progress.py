"""A one-line progress bar on stderr while many identities are fetched from SES."""

from __future__ import annotations

import sys
import threading

# Fewer identities than this finish too soon for a progress bar to help.
PROGRESS_MINIMUM = 6


class Progress:
    """A one-line progress bar on stderr, only for a terminal and more than a few identities."""

    WIDTH = 30

    def __init__(self, stream=None, minimum: int = PROGRESS_MINIMUM, enabled: bool | None = None,
                 unit: str = "identities"):
        self.unit = unit  # what is counted, in the run's language (MESSAGES "progress.identities")
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = _isatty(self.stream) if enabled is None else enabled
        self.minimum = minimum
        self.total = 0
        self.done = 0
        self._drawn = False
        self._lock = threading.Lock()

    def expect(self, count: int) -> None:
        with self._lock:
            self.total += count
            self._draw()

    def advance(self) -> None:
        with self._lock:
            self.done += 1
            self._draw()

    def close(self) -> None:
        with self._lock:
            if self._drawn:
                self.stream.write("\r\033[K")  # leave the terminal line as it was
                self.stream.flush()
                self._drawn = False

    def _draw(self) -> None:
        if not self.enabled or self.total < self.minimum:
            return
        filled = self.WIDTH * self.done // self.total
        self.stream.write(f"\rses-export: [{'#' * filled}{'.' * (self.WIDTH - filled)}] "
                          f"{self.done}/{self.total} {self.unit}")
        self.stream.flush()
        self._drawn = True


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
