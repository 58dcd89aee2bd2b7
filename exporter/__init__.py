"""ses-export: an Amazon SES identity's DNS records, written the way the next person needs them.

The library API (docs/api.md has the whole story and an example):

    import exporter

    options = exporter.options(region="us-east-1")                  # which records (validated)
    identities = exporter.load_saved("saved/", options=options)      # or exporter.fetch_live([...])
    print(exporter.render("bind", identities))                       # any of exporter.format_names()
    print(exporter.render("instructions", identities, exporter.Settings(lang="ja", dns_host="onamae")))
    results = exporter.check(identities)                             # what DNS serves, per record

Errors are exporter.ExportError (InputError: bad input; AwsError: SES or network; DnsError: DNS could
not be asked), each with the command line's exit status in `exit_code`. Names are imported on first
use, so `import exporter` costs nothing the command line does not need.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "AwsError", "CheckResult", "DnsError", "ExportError", "Finding", "Identity", "InputError", "Job", "Options",
    "Record", "ServerAnswer", "Settings",
    "check", "fetch_live", "format_names", "load_saved", "merge_live", "options", "render", "run",
]

if TYPE_CHECKING:  # what the lazy names below are, for type checkers (a py.typed package: docs/api.md)
    from .dnscheck import check as check
    from .dnscheck.compare import Finding as Finding
    from .dnscheck.run import CheckResult as CheckResult
    from .dnscheck.run import ServerAnswer as ServerAnswer
    from .errors import AwsError as AwsError
    from .errors import DnsError as DnsError
    from .errors import ExportError as ExportError
    from .errors import InputError as InputError
    from .formats import Settings as Settings
    from .formats import names as format_names
    from .formats import render as render
    from .job import Job as Job
    from .job import run as run
    from .merge import merge_live as merge_live
    from .model import Identity as Identity
    from .model import Options as Options
    from .model import Record as Record
    from .model import options as options

# name -> (module, attribute): the public names, imported when first used.
_LAZY = {
    "ExportError": ("errors", "ExportError"),
    "InputError": ("errors", "InputError"),
    "AwsError": ("errors", "AwsError"),
    "DnsError": ("errors", "DnsError"),
    "Identity": ("model", "Identity"),
    "Record": ("model", "Record"),
    "Options": ("model", "Options"),
    "options": ("model", "options"),
    "Settings": ("formats", "Settings"),
    "render": ("formats", "render"),
    "format_names": ("formats", "names"),
    "Job": ("job", "Job"),
    "run": ("job", "run"),
    "check": ("dnscheck", "check"),
    "CheckResult": ("dnscheck.run", "CheckResult"),
    "ServerAnswer": ("dnscheck.run", "ServerAnswer"),
    "Finding": ("dnscheck.compare", "Finding"),
    "merge_live": ("merge", "merge_live"),
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'exporter' has no attribute {name!r}")
    import importlib

    module, attribute = _LAZY[name]
    value = getattr(importlib.import_module(f"{__name__}.{module}"), attribute)
    globals()[name] = value
    return value


def load_saved(path: str | os.PathLike[str], domains: Sequence[str] | None = None,
               options: Options | None = None) -> list[Identity]:
    """Identities from saved `aws sesv2 get-email-identity` JSON: a file (one domain, named in
    `domains`), '-' for stdin, or a folder of DOMAIN.json files (`domains` picks some; None: all).
    `options` is an exporter.Options (default: exporter.options(), no region)."""
    from .model import options as make_options
    from .sources.saved import SavedSource

    _check_arguments(path=path, domains=domains, options=options)
    return SavedSource(os.fspath(path)).identities(domains, options or make_options())


def fetch_live(domains: Sequence[str] | None = None, regions: Sequence[str] = (), profile: str | None = None,
               options: Options | None = None, timeout: float | None = None,
               notify: Callable[[str], None] | None = None) -> list[Identity]:
    """Identities from live SES: `domains` in every region of `regions` (empty: the AWS
    configuration's), or (None) every domain identity there. Requests are paced to SES's rate
    of about one per second per region; `notify(text)` receives notes such as skipped identities."""
    from .errors import SES_TIMEOUT_RANGE, InputError, check_seconds
    from .model import options as make_options
    from .phrase import Phrase
    from .sources.live import LiveSource

    _check_arguments(domains=domains, options=options)
    if isinstance(regions, str) or not all(isinstance(region, str) for region in regions):
        raise InputError(Phrase("error.api-not-regions", value=repr(regions)), option="regions")
    if profile is not None and not isinstance(profile, str):
        raise InputError(Phrase("error.not-text", value=repr(profile)), option="profile")
    if timeout is not None:
        check_seconds(timeout, "timeout", SES_TIMEOUT_RANGE)

    return LiveSource(regions, profile, timeout).identities(domains, options or make_options(), notify)


def _check_arguments(*, path: object = None, domains: Any = None, options: object = None) -> None:
    """The library's arguments checked as the command line checks its own: a plain string for
    `domains` would be read letter by letter, a wrong `options` fail deep inside the model."""
    from .errors import InputError
    from .model import Options
    from .phrase import Phrase

    if path is not None and not isinstance(path, (str, os.PathLike)):
        raise InputError(Phrase("error.api-not-path", value=repr(path)), option="path")
    if domains is not None and (isinstance(domains, str) or not all(isinstance(d, str) for d in domains)):
        raise InputError(Phrase("error.api-not-domains", value=repr(domains)), option="domains")
    if options is not None and not isinstance(options, Options):
        raise InputError(Phrase("error.api-not-options", found=type(options).__name__), option="options")
