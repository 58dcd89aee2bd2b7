"""One run of ses-export: source -> model -> render or check -> output.

`Job` is what the user asked for (cli.py fills it from the command line; a program can build one
directly, see docs/api.md); `run` carries it out and returns the exit status.
"""

# Annotations are evaluated here (no `from __future__ import annotations`): this module is loaded at
# every start-up, and typing compiles each string annotation of a NamedTuple field, about 50 k
# instructions a field (docs/benchmarks.md, start-up). Names defined later are quoted.

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from .errors import EXIT_OK, InputError
from .model import AUTO_DMARC, DEFAULT_TTL

if TYPE_CHECKING:
    from .formats import Settings
    from .model import Identity, Options, Summary
    from .sources import Source
    from .sources.saved import Folder


class Job(NamedTuple):  # a NamedTuple: a 29-field dataclass costs about a millisecond to define at start-up
    domains: tuple[str, ...] = ()
    identity_file: str | None = None  # saved JSON: a file, '-' or a folder; None reads live SES
    regions: tuple[str, ...] = ()  # several only with all_identities
    profile: str | None = None
    all_identities: bool = False
    format: str = "instructions"
    output: str | None = None  # None or '-': stdout; a folder: one file per identity
    ttl: int | None = None  # None: model.DEFAULT_TTL (given with --check, refused: nothing is written)
    zone: str | None = None
    mail_from: str | None = None
    dmarc: str | None = AUTO_DMARC  # a record's text; AUTO_DMARC: the default where it belongs; None: --no-dmarc
    dkim_public_key: str | None = None  # a PEM or DER file's path, or a folder of DOMAIN.pem files
    verification_token: str | None = None
    lang: str | None = None  # None: from the locale
    dns_host: str | None = None  # None: generic
    zone_id: str | None = None
    cloudflare_provider: str | None = None  # None: v5
    dmarc_rua: str | None = None  # mailto: addresses added to the default DMARC record
    check: bool = False  # look the records up in DNS instead of writing them
    report_format: str = "table"  # the --check report: table or json
    colour: bool = False  # colour the --check table's statuses
    only_problems: bool = False  # --check: leave identities whose records are all right out of the report
    nameservers: tuple[str, ...] = ()
    dns_timeout: float = 2.0
    max_queries: int | None = None  # DNS questions in flight at once; None: exporter/dnscheck/ask.py's default
    wait: str | float | None = None  # --wait: a duration (90s, 30m, 1h30m) or seconds; None: check once
    ses_timeout: float | None = None  # seconds per SES call (connect, and each answer); None: sources/ses.py's default
    merge_live: bool = False  # ask DNS first and merge with what the zone publishes (exporter/merge.py)

    def settings(self) -> "Settings":
        """How the format writes: formats.Settings, validated."""
        from .formats import Settings
        from .language import default_language
        from .verify import rerun_options

        # --dns-host auto: generic until run() has asked DNS (exporter/dns_host.py)
        dns_host = "generic" if self.dns_host in (None, "auto") else self.dns_host
        return Settings(lang=self.lang or default_language(), dns_host=dns_host,
                        zone_id=self.zone_id, cloudflare_provider=self.cloudflare_provider or "v5",
                        rerun=rerun_options(self))

    def options(self, region: str | None = None, fallback_region: str | None = None) -> "Options":
        """Which records: model.Options, validated (the BYODKIM key read from its file or folder)."""
        from . import model

        public_key, public_keys = None, None
        if self.dkim_public_key is not None:
            from pathlib import Path

            from .dkim_key import read_public_key, read_public_keys

            if Path(self.dkim_public_key).is_dir():
                public_keys = read_public_keys(self.dkim_public_key, option="dkim_public_key")
            else:
                public_key = read_public_key(self.dkim_public_key, option="dkim_public_key")
        return model.options(region=region, ttl=DEFAULT_TTL if self.ttl is None else self.ttl, zone=self.zone,
                             mail_from=self.mail_from, dmarc=self.dmarc, dkim_public_key=public_key,
                             verification_token=self.verification_token, dmarc_rua=self.dmarc_rua,
                             fallback_region=fallback_region, dkim_public_keys=public_keys)

    def source(self) -> "Source":
        """Saved JSON or live SES: a sources.Source."""
        if self.identity_file is not None:
            from .sources.saved import SavedSource

            return SavedSource(self.identity_file)
        from .language import default_language
        from .phrase import Phrase
        from .sources.live import LiveSource
        from .sources.progress import Progress
        from .text import plain

        lang = self.lang or default_language()
        return LiveSource(self.regions, self.profile, self.ses_timeout,
                          Progress(unit=plain(Phrase("progress.identities"), lang)), lang)


def run(job: Job, notify: Callable[[str], None] | None = None) -> int:
    """Carry out `job`; `notify(text)` gets notes for stderr. Raises ExportError on failure."""
    from .collection import fewer_collections

    with fewer_collections():
        return _run(job, notify)


def _run(job: Job, notify: Callable[[str], None] | None) -> int:
    from . import output as out

    notify = notify or _to_stderr
    refuse_bad_values(job)
    _refuse_contradictions(job)
    out.check_target(job.output)  # before SES is asked: a typo in -o must not cost a long run
    settings = job.settings()
    tell = _in_language(notify, settings.lang)
    # -o FOLDER/ from a folder of saved identities holds one identity at a time, not all of them: every
    # file is read and checked first, keeping its summary (model.Summary: what the checks across identities
    # and an index page read), and each output file's identities are made again as it is written.
    folder = _streamed_folder(job)
    # Every identity at once, or none where `folder` streams them (never with --check, --merge-live,
    # --dns-host auto or a single output, the steps below that read `everyone`)
    everyone = _identities(job, tell) if folder is None else []
    identities: Sequence[Identity] | Sequence[Summary] = everyone if folder is None else folder.summaries()
    if not job.check:  # --check names both regions in its own finding instead (docs/check.md)
        from .model import refuse_shared_mail_from

        refuse_shared_mail_from(identities)
    if job.merge_live:
        identities = everyone = _merge_live(job, everyone)
    elif job.dns_host == "auto":  # the zone cut found in DNS, as --check and --merge-live find it
        from .dns_host import in_zones_found

        identities = everyone = in_zones_found(everyone, job.nameservers, job.dns_timeout)
    from .notes import lines

    for line in lines(identities):  # a note many identities share is said once, with a count
        tell(line)
    if job.check:
        return _check(job, everyone, settings.lang, tell)
    if job.dns_host == "auto":
        from . import dns_host

        settings = settings._replace(dns_host=dns_host.choose(everyone, job.nameservers, job.dns_timeout, tell))

    from . import formats

    fmt = formats.get(job.format)
    if job.output is not None and out.is_folder(job.output):
        groups = out.files(identities, fmt.suffix, fmt.per_zone)
        if folder is None:
            out.write_folder(job.output, formats.render_folder(fmt.name, groups, settings))
        else:
            out.write_folder(job.output, formats.render_folder(fmt.name, folder.made(groups), settings, pages=groups))
    else:
        out.emit(formats.render_utf8(fmt.name, everyone, settings), job.output)
    return EXIT_OK


# Job fields by the kind of value they hold: a program builds a Job directly (docs/api.md), so each is
# checked as the command line's own parsing would have (click's types and ranges).
_TEXT = ("identity_file", "profile", "format", "output", "zone", "mail_from", "dmarc", "dkim_public_key",
         "verification_token", "lang", "dns_host", "zone_id", "cloudflare_provider", "dmarc_rua", "report_format")
_TEXTS = ("domains", "regions", "nameservers")
_FLAGS = ("all_identities", "check", "colour", "only_problems", "merge_live")
_SINGULAR = {"regions": "region", "nameservers": "nameserver"}  # the command line's repeated options


def refuse_bad_values(job: Job) -> None:
    """Values of the wrong type, and control characters in any text: a path, profile or option holding a
    line break would end the comment that echoes it in an output's header (the check command), and start
    a line of zone data, HCL or YAML there."""
    from .errors import DNS_TIMEOUT_RANGE, MAX_QUERIES_RANGE, SES_TIMEOUT_RANGE, check_seconds, check_whole
    from .names import control_character
    from .phrase import Phrase

    def text(option: str, value: object) -> None:
        if not isinstance(value, str):
            problem = Phrase("error.not-text", value=repr(value))
        elif control_character(value) is not None:
            problem = Phrase("error.control-character", value=repr(value), character=repr(control_character(value)))
        else:
            return
        if option == "domains":  # the command line's DOMAIN arguments
            raise InputError(Phrase("error.domain-argument", problem=problem))
        raise InputError(problem, option=_SINGULAR.get(option, option))

    for option in _TEXT:
        value = getattr(job, option)
        if value is not None:
            text(option, value)
    for option in _TEXTS:
        values = getattr(job, option)
        if isinstance(values, str) or not isinstance(values, (tuple, list)):
            raise InputError(Phrase("error.not-texts", value=repr(values)), option=_SINGULAR.get(option, option))
        for value in values:
            text(option, value)
    for option in _FLAGS:
        if not isinstance(getattr(job, option), bool):
            raise InputError(Phrase("error.not-flag", value=repr(getattr(job, option))), option=option)
    check_seconds(job.dns_timeout, "dns_timeout", DNS_TIMEOUT_RANGE)
    if job.ses_timeout is not None:
        check_seconds(job.ses_timeout, "ses_timeout", SES_TIMEOUT_RANGE)
    if job.max_queries is not None:
        check_whole(job.max_queries, "max_queries", MAX_QUERIES_RANGE)
    if job.ttl is not None and (isinstance(job.ttl, bool) or not isinstance(job.ttl, int)):
        raise InputError(Phrase("error.not-whole-seconds", value=repr(job.ttl)), option="ttl")
    if isinstance(job.wait, bool) or (job.wait is not None and not isinstance(job.wait, (str, int, float))):
        raise InputError(Phrase("error.not-duration", value=repr(job.wait)), option="wait")


def _refuse_contradictions(job: Job) -> None:
    """Options that cannot go together, refused before anything is read."""
    from .phrase import Phrase

    if job.all_identities and job.identity_file is not None:
        raise InputError(Phrase("error.all-and-file"), option="all")
    if job.all_identities and job.domains:
        raise InputError(Phrase("error.all-and-domains", domains=", ".join(job.domains)), option="all")
    if len(set(job.regions)) > 1 and not job.all_identities:
        raise InputError(Phrase("error.regions-without-all", count=len(set(job.regions))), option="region")
    if job.identity_file is None and not job.domains and not job.all_identities:
        raise InputError(Phrase("error.no-domain"))
    if job.check and job.merge_live:
        raise InputError(Phrase("error.merge-live-and-check"), option="merge_live")
    if not job.check and job.nameservers and job.dns_host != "auto" and not job.merge_live:
        raise InputError(Phrase("error.nameserver-alone"), option="nameserver")
    if not job.check and job.only_problems:
        raise InputError(Phrase("error.only-problems-alone"), option="only_problems")
    if not job.check and job.wait is not None:
        raise InputError(Phrase("error.only-with-check"), option="wait")
    if not (job.check or job.merge_live) and job.max_queries is not None:
        raise InputError(Phrase("error.only-with-check-or-merge"), option="max_queries")
    if job.wait is not None:
        from .dnscheck.wait import parse_duration

        parse_duration(job.wait)
    if job.report_format not in ("table", "json"):
        raise InputError(Phrase("error.report-format", value=repr(job.report_format)), option="format")
    if job.output == "":
        raise InputError(Phrase("error.empty-output"), option="output")
    if job.check:
        # These only change how records are written; --check writes none, so they would do nothing.
        for given, option in ((job.ttl is not None, "ttl"), (job.zone_id is not None, "zone_id"),
                              (job.dns_host is not None, "dns_host"),
                              (job.cloudflare_provider is not None, "cloudflare_provider")):
            if given:
                raise InputError(Phrase("error.writing-option-with-check"), option=option)


def _identities(job: Job, notify: Callable[[str], None]) -> "list[Identity]":
    """The identities the job names, normalized by the model (saved JSON or live SES)."""
    if job.identity_file is not None:
        return job.source().identities(job.domains or None, _saved_options(job), notify)
    # Live: the source reads each region (several only with --all: _refuse_contradictions saw to it).
    return job.source().identities(None if job.all_identities else job.domains, job.options(), notify)


def _saved_options(job: Job) -> "Options":
    """Saved JSON does not record the region: the identity's SigningHostedZone may name it
    (model._identity_region); else --region, else the AWS configuration's."""
    from . import regions

    region = job.regions[0] if job.regions else None
    fallback = regions.configured_region(job.profile) if region is None else None
    return job.options(region, fallback)


def _streamed_folder(job: Job) -> "Folder | None":
    """The saved folder that -o FOLDER/ is written from one identity at a time (sources.saved.Folder),
    or None where every identity is needed at once: --check, --merge-live and --dns-host auto ask DNS
    for all, and a file, stdin or live SES is read whole."""
    from . import output as out

    if (job.identity_file is None or job.output is None or not out.is_folder(job.output) or job.check
            or job.merge_live or job.dns_host == "auto"):
        return None
    from .sources.saved import SavedSource

    return SavedSource(job.identity_file).folder(job.domains or None, _saved_options(job))


def _merge_live(job: Job, identities: "list[Identity]") -> "list[Identity]":
    """--merge-live: what the zones publish (exporter/dnscheck/live.py), merged (exporter/merge.py)."""
    from .merge import merge_live

    return merge_live(identities, job.nameservers, job.dns_timeout, job.max_queries, job.dmarc)


def _check(job: Job, identities: "list[Identity]", lang: str, notify: Callable[[str], None]) -> int:
    from .dnscheck.run import run_job

    return run_job(job, identities, lang, notify)


def _in_language(notify: Callable[[str], None], lang: str) -> Callable[[object], None]:
    """`notify` for text in `lang`: what is told as a Phrase of the catalogues (MESSAGES, NOTICES)
    reaches it as that language's sentence, text as it is."""
    from .text import plain

    return lambda said: notify(plain(said, lang))


def _to_stderr(text: str) -> None:
    from .stderr import say

    say(text)
