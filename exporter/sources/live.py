"""Live SES: identities from one or several regions, regions side by side, each paced to SES's rate.

Each region gets one thread, one client (sources/ses.py) and one Pacer (sources/pacing.py):
regions have separate limits, so several take as long as the largest.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from dataclasses import dataclass, field

from .. import model, names, regions
from ..phrase import Phrase, counted
from . import pacing
from .pacing import Pacer
from .progress import Progress


class LiveSource:
    """Domain identities read from SES with `GetEmailIdentity` (and `ListEmailIdentities` for all).

    `regions` empty means the AWS configuration's region (AWS_REGION, the profile's region).
    Several regions are read in parallel.
    """

    def __init__(self, regions: Sequence[str] = (), profile: str | None = None, timeout: float | None = None,
                 progress: Progress | None = None, lang: str = "en"):
        self.lang = lang  # the language of the notes given to `notify`
        self.regions = tuple(dict.fromkeys(regions))
        self.profile = profile
        self.timeout = timeout
        self.progress = progress

    def identities(self, domains: Sequence[str] | None, options: model.Options,
                   notify: Callable[[str], None] | None = None) -> list[model.Identity]:
        """The identities named by `domains` in every region, or (None) every domain identity there."""
        from .ses import SesClient

        # AWS_REGION is read here, which boto3 alone would ignore (it reads AWS_DEFAULT_REGION).
        # None: no region anywhere; SesClient says so in one line.
        wanted_regions: list[str | None] = ([regions.region(r) for r in self.regions]
                                           or [regions.configured_region(self.profile)])
        per_region = [options._replace(region=r) for r in wanted_regions]
        wanted = None if domains is None else list(dict.fromkeys(names.domain(d, "DOMAIN") for d in domains))
        fetched = fetch(per_region, lambda r: SesClient(r, self.profile, self.timeout), wanted, self.progress)
        for note in fetched.notes:
            if notify is not None:
                from ..text import plain

                notify(plain(Phrase("note.line", text=note), self.lang))
        return fetched.identities


@dataclass
class Fetched:
    identities: list[model.Identity] = field(default_factory=list)
    notes: list[Phrase] = field(default_factory=list)  # for stderr (MESSAGES): what was left out and why


def fetch(per_region: list[model.Options], make_client, domains: list[str] | None,
          progress: Progress | None = None, requests_per_second: float | None = None) -> Fetched:
    """The identities of each region's Options (region None: the AWS configuration's).

    `make_client(region)` makes the region's ses.SesClient (the caller decides profile and timeouts).

    `domains` (FQDNs) are asked for in every region; None asks SES for every DOMAIN identity
    of each region (ListEmailIdentities). Results keep the order of regions, then of domains.
    The first failure in any region stops all of them and is raised.
    """
    progress = progress if progress is not None else Progress(enabled=False)
    rate = requests_per_second or pacing.SES_REQUESTS_PER_SECOND / pacing.PACING_MARGIN
    stop = threading.Event()
    results: list[Fetched] = [Fetched() for _ in per_region]
    try:
        if len(per_region) == 1:  # the common case: no thread to start
            _fetch_region(per_region[0], make_client, domains, progress, Pacer(rate), stop, results[0])
        else:
            with ThreadPoolExecutor(max_workers=len(per_region), thread_name_prefix="ses-region") as pool:
                futures = [pool.submit(_fetch_region, opts, make_client, domains, progress, Pacer(rate), stop, result)
                           for opts, result in zip(per_region, results)]
                try:
                    done, _ = wait(futures, return_when=FIRST_EXCEPTION)
                finally:
                    stop.set()  # on failure or Ctrl-C the other regions stop at their next request
                for future in futures:
                    failure = future.exception() if future in done else None
                    if failure is not None:
                        raise failure
    finally:
        progress.close()
    return Fetched([i for r in results for i in r.identities], [n for r in results for n in r.notes])


def _fetch_region(opts: model.Options, make_client, domains: list[str] | None,
                  progress: Progress, pacer: Pacer, stop: threading.Event, result: Fetched) -> None:
    client = make_client(opts.region)
    region = regions.region(client.region, "AWS region")
    opts = opts._replace(region=region)
    client.client.meta.events.register("before-send.sesv2", pacer.wait)
    if domains is None:
        listed, skipped = client.list_domain_identities()
        wanted = sorted(dict.fromkeys(names.domain(d, f"SES {region}: identity name") for d in listed))
        for kind, count in sorted(skipped.items()):
            what = (counted("email-identities", count) if kind == "EMAIL_ADDRESS"
                    else Phrase("count.other-identities", count=count, kind=kind))
            result.notes.append(Phrase("source.skipped", region=region, what=what))
        if not wanted:
            result.notes.append(Phrase("source.no-domain-identities", region=region))
    else:
        wanted = domains
    progress.expect(len(wanted))
    for fqdn in wanted:
        if stop.is_set():
            return
        response = client.get_identity(fqdn)
        result.identities.append(model.identity(response, fqdn, opts, f"SES {region}"))
        progress.advance()
