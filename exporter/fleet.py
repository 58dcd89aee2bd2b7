"""Many identities from live SES: regions in parallel, each paced to SES's ~1 request/s.

SES v2 throttles its control plane per account and region at about one request per second.
Each region gets one thread, one client and one pacer that spaces every HTTP attempt
(retries included) a little more than a second apart, so throttling is not the mechanism
that sets the pace; botocore's adaptive retry (configured in ses.SesSource) stays as the
safety net for a limit shared with other callers. Regions have separate limits, so they
run side by side and several take as long as the largest.
"""

from __future__ import annotations

import dataclasses
import sys
import threading
import time
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from dataclasses import dataclass, field

from . import model, names, regions

SES_REQUESTS_PER_SECOND = 1.0
# 3% slower than the limit: a request sent on the second can arrive a few ms early next to a late one.
PACING_MARGIN = 1.03
# Fewer identities than this finish too soon for a progress bar to help.
PROGRESS_MINIMUM = 6


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


class Progress:
    """A one-line progress bar on stderr, only for a terminal and more than a few identities."""

    WIDTH = 30

    def __init__(self, stream=None, minimum: int = PROGRESS_MINIMUM, enabled: bool | None = None):
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
                          f"{self.done}/{self.total} identities")
        self.stream.flush()
        self._drawn = True


@dataclass
class Fetched:
    identities: list[model.Identity] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # for stderr: what was left out and why


def fetch(per_region: list[model.Options], make_source, domains: list[str] | None,
          progress: Progress | None = None, requests_per_second: float | None = None) -> Fetched:
    """The identities of each region's Options (region None: the AWS configuration's).

    `make_source(region)` makes the region's ses.SesSource (the CLI decides profile and timeouts).

    `domains` (FQDNs) are asked for in every region; None asks SES for every DOMAIN identity
    of each region (ListEmailIdentities). Results keep the order of regions, then of domains.
    The first failure in any region stops all of them and is raised.
    """
    progress = progress if progress is not None else Progress(enabled=False)
    rate = requests_per_second or SES_REQUESTS_PER_SECOND / PACING_MARGIN
    stop = threading.Event()
    results: list[Fetched] = [Fetched() for _ in per_region]
    try:
        if len(per_region) == 1:  # the common case: no thread to start
            _fetch_region(per_region[0], make_source, domains, progress, Pacer(rate), stop, results[0])
        else:
            with ThreadPoolExecutor(max_workers=len(per_region), thread_name_prefix="ses-region") as pool:
                futures = [pool.submit(_fetch_region, opts, make_source, domains, progress, Pacer(rate), stop, result)
                           for opts, result in zip(per_region, results)]
                try:
                    done, _ = wait(futures, return_when=FIRST_EXCEPTION)
                finally:
                    stop.set()  # on failure or Ctrl-C the other regions stop at their next request
                for future in futures:
                    if future in done and future.exception() is not None:
                        raise future.exception()
    finally:
        progress.close()
    return Fetched([i for r in results for i in r.identities], [n for r in results for n in r.notes])


def _fetch_region(opts: model.Options, make_source, domains: list[str] | None,
                  progress: Progress, pacer: Pacer, stop: threading.Event, result: Fetched) -> None:
    source = make_source(opts.region)
    region = regions.region(source.region, "AWS region")
    opts = dataclasses.replace(opts, region=region)
    source.client.meta.events.register("before-send.sesv2", pacer.wait)
    if domains is None:
        listed, skipped = source.list_domain_identities()
        wanted = sorted(dict.fromkeys(names.domain(d, f"SES {region}: identity name") for d in listed))
        for kind, count in sorted(skipped.items()):
            what = "email-address" if kind == "EMAIL_ADDRESS" else kind
            result.notes.append(f"{region}: skipped {count} {what} identit{'y' if count == 1 else 'ies'} "
                                "(only domain identities have DNS records)")
        if not wanted:
            result.notes.append(f"{region}: no domain identities")
    else:
        wanted = domains
    progress.expect(len(wanted))
    for fqdn in wanted:
        if stop.is_set():
            return
        response = source.get_identity(fqdn)
        result.identities.append(model.identity(response, fqdn, opts, f"SES {region}"))
        progress.advance()


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False

