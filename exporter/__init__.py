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

__version__ = "0.1.0"

__all__ = [
    "AwsError", "DnsError", "ExportError", "Identity", "InputError", "Job", "Options", "Record", "Settings",
    "check", "fetch_live", "format_names", "load_saved", "merge_live", "options", "render", "run",
]

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
    "check": ("check", "check"),
    "merge_live": ("merge", "merge_live"),
}


def __getattr__(name: str):
    if name not in _LAZY:
        raise AttributeError(f"module 'exporter' has no attribute {name!r}")
    import importlib

    module, attribute = _LAZY[name]
    value = getattr(importlib.import_module(f"{__name__}.{module}"), attribute)
    globals()[name] = value
    return value


def load_saved(path: str, domains=None, options=None) -> list:
    """Identities from saved `aws sesv2 get-email-identity` JSON: a file (one domain, named in
    `domains`), '-' for stdin, or a folder of DOMAIN.json files (`domains` picks some; None: all).
    `options` is an exporter.Options (default: exporter.options(), no region)."""
    from .model import options as make_options
    from .sources.saved import SavedSource

    _check_arguments(path=path, domains=domains, options=options)
    return SavedSource(path).identities(domains, options or make_options())


def fetch_live(domains=None, regions=(), profile=None, options=None, timeout=None, notify=None) -> list:
    """Identities from live SES: `domains` in every region of `regions` (empty: the AWS
    configuration's), or (None) every domain identity there. Requests are paced to SES's rate
    of about one per second per region; `notify(text)` receives notes such as skipped identities."""
    from .errors import InputError
    from .model import options as make_options
    from .sources.live import LiveSource

    _check_arguments(domains=domains, options=options)
    if isinstance(regions, str) or not all(isinstance(region, str) for region in regions):
        raise InputError(f"{regions!r} is not a list of region names", option="regions")
    if profile is not None and not isinstance(profile, str):
        raise InputError(f"{profile!r} is not text", option="profile")
    if timeout is not None and (isinstance(timeout, bool) or not isinstance(timeout, (int, float))
                                or not 0.1 <= timeout <= 600):
        raise InputError(f"{timeout!r} is not a number of seconds from 0.1 to 600", option="timeout")

    return LiveSource(regions, profile, timeout).identities(domains, options or make_options(), notify)


def _check_arguments(*, path=None, domains=None, options=None) -> None:
    """The library's arguments checked as the command line checks its own: a plain string for
    `domains` would be read letter by letter, a wrong `options` fail deep inside the model."""
    import os

    from .errors import InputError
    from .model import Options

    if path is not None and not isinstance(path, (str, os.PathLike)):
        raise InputError(f"{path!r} is not a path", option="path")
    if domains is not None and (isinstance(domains, str) or not all(isinstance(d, str) for d in domains)):
        raise InputError(f"{domains!r} is not a list of domain names", option="domains")
    if options is not None and not isinstance(options, Options):
        raise InputError(f"{type(options).__name__} is not an exporter.Options (make one with exporter.options())",
                         option="options")
