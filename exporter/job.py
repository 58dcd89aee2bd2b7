"""One run of ses-export: source -> model -> render or check -> output.

`Job` is what the user asked for (cli.py fills it from the command line; tests and other
programs can build one directly); `run` carries it out and returns the exit status.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

from .errors import EXIT_OK, InputError
from .model import DEFAULT_DMARC, DEFAULT_TTL


@dataclass(frozen=True)
class Job:
    domains: tuple[str, ...] = ()
    identity_file: str | None = None  # saved JSON: a file, '-' or a folder; None reads live SES
    regions: tuple[str, ...] = ()  # several only with all_identities
    profile: str | None = None
    all_identities: bool = False
    format: str = "instructions"
    format_given: bool = False  # --check takes only an explicit -f json
    output: str | None = None  # None or '-': stdout; a folder: one file per identity
    ttl: int = DEFAULT_TTL
    zone: str | None = None
    mail_from: str | None = None
    dmarc: str | None = DEFAULT_DMARC  # None: leave DMARC out (--no-dmarc)
    dkim_public_key: str | None = None  # a PEM file's path
    verification_token: str | None = None
    lang: str | None = None  # None: from the locale
    dns_host: str = "generic"
    check: bool = False
    nameservers: tuple[str, ...] = ()
    dns_timeout: float = 2.0
    zone_id: str | None = None
    cloudflare_provider: str = "v5"
    ses_timeout: float | None = None  # seconds per SES call (connect, and each answer); None: ses.py's default


def run(job: Job, notify=None) -> int:
    """Carry out `job`; `notify(text)` gets notes for stderr. Raises ExportError on failure."""
    from . import output as out
    from .language import default_language

    notify = notify or _to_stderr
    _refuse_contradictions(job)
    out.check_target(job.output)  # before SES is asked: a typo in -o must not cost a long run
    lang = job.lang or default_language()
    identities = _identities(job, notify)
    for identity in identities:
        for note in identity.notes:
            notify(f"note: {identity.name}: {note}")
    if job.check:
        return _check(job, identities, lang, notify)

    from . import render

    settings = {"lang": lang, "dns_host": job.dns_host, "zone_id": job.zone_id,
                "cloudflare_provider": job.cloudflare_provider}
    if out.is_folder(job.output):
        file_names = out.file_names(identities, job.format)
        out.write_folder(job.output, {name: render.render(job.format, [identity], **settings)
                                      for name, identity in zip(file_names, identities)})
    else:
        out.emit(render.render(job.format, identities, **settings), job.output)
    return EXIT_OK


def _refuse_contradictions(job: Job) -> None:
    """Options that cannot go together, refused before anything is read."""
    if job.all_identities and job.identity_file is not None:
        raise InputError("--all: lists live SES; with --identity-file, a folder of DOMAIN.json already means all of them")
    if job.all_identities and job.domains:
        raise InputError(f"--all: every domain identity is exported; drop the DOMAIN arguments ({', '.join(job.domains)})")
    if len(set(job.regions)) > 1 and not job.all_identities:
        raise InputError(f"--region: given {len(set(job.regions))} regions; only --all reads several regions")
    if job.identity_file is None and not job.domains and not job.all_identities:
        raise InputError("DOMAIN: name at least one domain identity, or pass --identity-file or --all")
    if not job.check and job.nameservers:
        raise InputError("--nameserver: only with --check (it names the DNS servers to check against)")
    if job.check and job.format_given and job.format != "json":
        raise InputError(f"--format: {job.format} writes the records; with --check the report is a table "
                         "(the default) or json")


def _identities(job: Job, notify) -> list:
    """The identities the job names, normalized by the model (saved JSON or live SES)."""
    from . import model, regions

    public_key = _read_public_key(job.dkim_public_key) if job.dkim_public_key else None

    def options_for(region):
        return model.options(region=region, ttl=job.ttl, zone=job.zone, mail_from=job.mail_from, dmarc=job.dmarc,
                             dkim_public_key=public_key, verification_token=job.verification_token)

    region = job.regions[0] if job.regions else None
    if job.identity_file is not None:
        from . import saved

        loaded = saved.load(job.identity_file, list(job.domains))
        opts = options_for(region if region is not None else regions.configured_region(job.profile))
        return [model.identity(item.response, item.domain, opts, item.source) for item in loaded]

    from . import fleet, names, ses

    # One Options per region; fleet paces each region. AWS_REGION is read here, which
    # boto3 alone would ignore (it reads AWS_DEFAULT_REGION).
    # (several regions only with --all: _refuse_contradictions saw to it)
    per_region = [options_for(r) for r in list(dict.fromkeys(job.regions)) or [regions.configured_region(job.profile)]]
    wanted = None if job.all_identities else list(dict.fromkeys(names.domain(d, "DOMAIN") for d in job.domains))
    fetched = fleet.fetch(per_region, lambda r: ses.SesSource(r, job.profile, job.ses_timeout), wanted, fleet.Progress())
    for note in fetched.notes:
        notify(f"note: {note}")
    return fetched.identities


def _check(job: Job, identities: list, lang: str, notify) -> int:
    from . import check_report, dns_query, output as out

    servers = [dns_query.parse_nameserver(text) for text in job.nameservers]
    results = [dns_query.check_identity(identity, servers, job.dns_timeout) for identity in identities]
    if job.format_given:  # json: the only format --check accepts
        for result in results:  # the table lists these itself; the JSON list has no place for them
            for server, reason in result.failures.items():
                notify(f"warning: {result.identity.name}: {server} could not be asked: {reason}")
        text = check_report.render_json(results, lang)
    else:
        colour = job.output in (None, "-") and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        text = check_report.render_table(results, lang, live=job.identity_file is None, colour=colour)
    out.emit(text, job.output)
    return check_report.exit_status(results)


def _read_public_key(path: str) -> str:
    from .dkim_key import public_key_base64

    try:
        with open(path, encoding="ascii") as handle:
            return public_key_base64(handle.read(), f"--dkim-public-key: {path}")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"--dkim-public-key: {path}: cannot read it ({getattr(e, 'strerror', None) or e})") from None


def _to_stderr(text: str) -> None:
    print(f"ses-export: {text}", file=sys.stderr, flush=True)
