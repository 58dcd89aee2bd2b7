"""How a reader checks the published records afterwards, with ses-export or without it.

- `check_command`: the exact `ses-export ... --check` line that checks one identity, with every
  option the check needs to rebuild the same records (the saved identity, the region, a zone other
  than the default, a planned MAIL FROM, the DMARC choice, the BYODKIM key, the v1 token) and the
  report's language. A check run without them exits 2 or compares against other records.
- `lookup`: for one record, a `dig` line and an `nslookup` line, and the answer `dig +short` prints
  when the record is right, for a reader without ses-export or AWS access.

The instructions (exporter/guide.py) and the headers of the zone-file and Terraform outputs
(templates/_identities.j2) both show these. Nothing here is a sentence for people.
"""

# Annotations are evaluated here (no `from __future__ import annotations`): this module is loaded at
# every start-up, and typing compiles each string annotation of a NamedTuple field, about 50 k
# instructions a field (docs/benchmarks.md, start-up). Names defined later are quoted.

import shlex
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from . import model
from .filters import bind_txt, txt_chunks
from .model import DEFAULT_DMARC, Identity, Record


class Lookup(NamedTuple):
    """One record, checked by hand."""

    record: Record
    dig: str  # dig +short TYPE NAME
    nslookup: str  # nslookup -type=TYPE NAME
    answer: str  # what `dig +short` prints for the record when it is right (one line)
    shown: str  # the answer as a comment shows it: whole, or its start and end around "…" when long

    @property
    def shortened(self) -> bool:
        return self.shown != self.answer


# Longer answers (a BYODKIM key: about 400 characters) are shown by their start and end in the
# comment after a dig line: the full value is in its step, and nobody compares 400 characters by eye.
SHOWN_MAX = 100
SHOWN_HEAD, SHOWN_TAIL = 16, 10


def lookup(record: Record) -> Lookup:
    """The dig and nslookup lines for `record`, and the answer to expect.

    The name keeps its final dot, so neither tool appends a search domain. TXT answers are
    shown as dig prints them: quoted character-strings of at most 255 bytes, split as the
    zone-file output splits them (a resolver returns the strings the DNS host stored; a host
    that splits elsewhere prints the same text in other pieces).
    """
    kind, name = record.type, record.name
    if kind == "TXT":
        answer = bind_txt(record.value)
    elif kind == "MX":
        answer = f"{record.priority} {record.value}"
    else:
        answer = record.value
    if len(answer) <= SHOWN_MAX:
        shown = answer
    elif kind == "TXT":
        # dig prints each character-string quoted, apart: so is each shortened, or a key of two strings
        # would look like one
        shown = " ".join(_short(bind_txt(chunk)) for chunk in txt_chunks(record.value))
    else:
        shown = _short(answer)
    # Positional: a file of 10,000 identities makes 60,000 of these (record, dig, nslookup, answer, shown).
    return Lookup(record, f"dig +short {kind} {name}", f"nslookup -type={kind} {name}", answer, shown)


def _short(text: str) -> str:
    """`text` by its start and end around "…" (a quoted string keeps its closing quote)."""
    if len(text) <= SHOWN_HEAD + SHOWN_TAIL + 1:
        return text
    return f"{text[:SHOWN_HEAD]}…{text[-SHOWN_TAIL:]}"


def rerun_options(job) -> tuple[str, ...]:
    """The options of `job` (exporter.job.Job) that decide which records exist, as arguments.

    Only what the check accepts: render-only options (--ttl, --dns-host, --zone-id,
    --cloudflare-provider, -f, -o) are left out; the region is per identity (`check_command`),
    from the identity itself.
    """
    args: list[str] = []
    if job.identity_file is not None:
        args += ["--identity-file", job.identity_file]
    if job.profile:
        args += ["--profile", job.profile]
    if job.zone:  # given: not the default, or the reader's default may differ
        args += ["--zone", job.zone]
    if job.mail_from:
        args += ["--mail-from", job.mail_from]
    if job.dmarc is None:
        args += ["--no-dmarc"]
    elif job.dmarc != getattr(model, "AUTO_DMARC", DEFAULT_DMARC):  # the default needs no option
        args += ["--dmarc", job.dmarc]
    if getattr(job, "dmarc_rua", None):
        args += ["--dmarc-rua", job.dmarc_rua]
    if job.dkim_public_key:
        args += ["--dkim-public-key", job.dkim_public_key]
    if job.verification_token:
        args += ["--verification-token", job.verification_token]
    return tuple(args)


def default_zone(domain: str) -> str:
    """The zone ses-export assumes for `domain` when --zone is not given: its registrable domain
    by the Public Suffix List, or the domain itself where the list has none."""
    from .psl import registrable_domain

    try:
        return registrable_domain(domain) or domain
    except Exception:
        return domain


def check_command(identity: Identity | model.Summary, rerun: Sequence[str] | None, lang: str | None) -> str:
    """The shell line that checks `identity`: `rerun` is `rerun_options` of the run that wrote the
    records (with --zone when one was given), or None where a program rendered them: then the
    check reads live SES, and --zone is added where the identity's zone is not the default.
    `lang` is the report's language (None: leave it to the reader's locale)."""
    # shlex.join's words, each quoted once: the options and the region are the same for thousands of
    # identities (a header per identity), so they are quoted once per run, not per identity.
    words = ["ses-export", shlex.quote(identity.name)]
    kept = _for_identity(rerun or (), identity)
    if kept:
        words.append(_quoted(tuple(kept)))
    if identity.region:
        words += ["--region", _quoted((identity.region,))]
    if rerun is None and identity.zone != default_zone(identity.domain):
        words += ["--zone", shlex.quote(identity.zone[:-1])]
    if lang:
        words += ["--lang", _quoted((lang,))]
    words.append("--check")
    return " ".join(words)


@lru_cache(maxsize=256)
def _quoted(args: tuple[str, ...]) -> str:
    """shlex.join(args), once per run for the options every identity's command repeats."""
    return shlex.join(args)


def check_command_set(identities: Sequence[Identity] | Sequence[model.Summary], rerun: Sequence[str] | None,
                      lang: str | None) -> str | None:
    """One shell line that checks every identity of a run of saved identities from a folder (what
    the run read, with the same options), or None where one line cannot: a live run (the domains
    would all be named), identities of several regions, or an option that concerns only some of
    them (the check would refuse it for the others). Their summaries (model.Summary) serve as well."""
    if rerun is None or "--identity-file" not in rerun or len(identities) < 2:
        return None
    regions = {identity.region for identity in identities}
    if len(regions) > 1:
        return None
    folder = rerun[list(rerun).index("--identity-file") + 1]
    args = ["ses-export"]
    if _saved_files(folder) != len(identities):  # the run named its domains: so does the check
        args += [identity.name for identity in identities]
    items = iter(rerun)
    for option in items:
        pair = [option] if option in _FLAGS else [option, next(items)]
        concerns = _ONLY_WHERE.get(option)
        if concerns is not None and not all(concerns(identity) for identity in identities):
            return None
        args += pair
    region = next(iter(regions))
    if region:
        args += ["--region", region]
    if lang:
        args += ["--lang", lang]
    args.append("--check")
    return shlex.join(args)


def _saved_files(folder: str) -> int | None:
    """How many DOMAIN.json files the folder holds (as sources/saved.py lists them), or None."""
    import os

    try:
        return sum(entry.name.endswith(".json") and len(entry.name) > 5 for entry in os.scandir(folder))
    except OSError:
        return None


# Options that concern only some identities of a run: left out of the others' commands (where the
# check would refuse them, as --dkim-public-key for an Easy DKIM identity).
# Each reads `kinds` and `mail_from_status`, which an Identity and its model.Summary both have.
_ONLY_WHERE = {
    "--dkim-public-key": lambda identity: ("dkim", "TXT") in identity.kinds,
    "--mail-from": lambda identity: identity.mail_from_status == "PLANNED",
    "--verification-token": lambda identity: ("verification", "TXT") in identity.kinds,
}
_FLAGS = {"--no-dmarc"}  # options without a value


def _for_identity(rerun: Sequence[str], identity: Identity | model.Summary) -> list[str]:
    """`rerun` without the options that do not concern `identity`."""
    kept: list[str] = []
    items = iter(rerun)
    for option in items:
        pair = [option] if option in _FLAGS else [option, next(items)]
        concerns = _ONLY_WHERE.get(option)
        if concerns is None or concerns(identity):
            kept += pair
    return kept
