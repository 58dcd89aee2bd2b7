"""The command line: parse options, wire source -> model -> render -> output. No logic lives here."""

from __future__ import annotations

import os
import sys

import click

from . import __version__
from .errors import ExportError, InputError
from .language import LANGUAGES
from .panels import PANEL_NAMES
from .render import FORMATS

HELP = """Write the DNS records an Amazon SES domain identity needs, in the form the next person needs.

\b
Examples:
  ses-export example.com --format bind                 # live SES, default AWS configuration
  ses-export example.com --identity-file saved.json --region us-east-1 --format json
  aws sesv2 get-email-identity --email-identity example.com | ses-export example.com --identity-file - -f bind
  ses-export --identity-file samples/identities -f bind -o records.zone
  ses-export --all --region us-east-1 --region eu-west-1 -f json -o zones/   # a file per identity

Every CNAME target, MX exchange and BIND owner name is written as a fully qualified
name with its final dot, so no DNS panel can append the zone to it.

\b
Exit status: 0 success; 1 --check found a record that is not right;
2 bad usage or bad input; 3 SES, AWS or network failure.
"""


@click.command(help=HELP, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.argument("domains", metavar="[DOMAIN]...", nargs=-1)
@click.option("--identity-file", metavar="PATH",
              help="Read saved 'aws sesv2 get-email-identity' JSON instead of calling SES: a file for one "
                   "DOMAIN, '-' for stdin, or a folder of DOMAIN.json files (DOMAINs then pick some; none means all).")
@click.option("--region", "region_list", metavar="REGION", multiple=True,
              help="AWS region (default: AWS_REGION or the AWS configuration). "
              "Saved JSON does not record it; it is needed for the MAIL FROM MX record. "
              "With --all it may be repeated: the regions are read in parallel.")
@click.option("--profile", metavar="NAME", help="AWS profile for credentials and region.")
@click.option("--all", "all_identities", is_flag=True,
              help="Every domain identity of the region(s) in live SES (email-address identities are skipped).")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="instructions", show_default=True,
              help="What to write.")
@click.option("-o", "--output", metavar="PATH", help="Write to PATH (atomically: a failed run leaves no partial file) instead of stdout. "
              "A folder (existing, or ending in '/') gets one file per identity, DOMAIN.SUFFIX.")
@click.option("--ttl", type=int, default=1800, show_default=True, help="Record TTL in seconds (1..2147483647).")
@click.option("--zone", metavar="ZONE", help="The DNS zone that holds the records (default: the identity's domain); "
              "decides the relative host names in csv and instructions.")
@click.option("--mail-from", metavar="DOMAIN", help="A MAIL FROM subdomain to plan when SES has none configured yet.")
@click.option("--dmarc", metavar="TEXT", default="v=DMARC1; p=none;", show_default=True, help="DMARC record value.")
@click.option("--no-dmarc", is_flag=True, help="Leave the DMARC record out.")
@click.option("--dkim-public-key", metavar="PEM_FILE", type=click.Path(dir_okay=False),
              help="BYODKIM: the PEM public key whose DKIM TXT record to write (the selector comes from SES).")
@click.option("--verification-token", metavar="TOKEN",
              help="Also write the legacy SES v1 '_amazonses' TXT record with this VerificationToken.")
@click.option("--lang", type=click.Choice(LANGUAGES), default=None,
              help="Language of instructions and check reports (default: from the locale, else en).")
@click.option("--dns-host", type=click.Choice(PANEL_NAMES), default="generic", show_default=True,
              help="Tailor the instructions to this DNS panel's fields and quirks.")
@click.option("--check", is_flag=True, help="Look the records up in DNS instead of writing them: a table (or "
              "-f json) saying ok, missing or wrong per record, with the cause and the fix. Exit 1 when one is not ok.")
@click.option("--nameserver", "nameservers", metavar="HOST[:PORT]", multiple=True,
              help="With --check: ask this server instead of the zone's own (repeat it to compare several).")
@click.option("--dns-timeout", type=click.FloatRange(0.1, 60), default=2.0, show_default=True, metavar="SECONDS",
              help="With --check: how long to wait for each DNS answer (one retry follows a timeout).")
@click.option("--zone-id", metavar="ID", help="terraform-route53: the hosted zone id, instead of a look-up by name "
              "(terraform-cloudflare: the default of the zone id variable).")
@click.option("--cloudflare-provider", type=click.Choice(("v5", "v4")), default="v5", show_default=True,
              help="terraform-cloudflare: provider generation (v5 cloudflare_dns_record, v4 cloudflare_record).")
@click.option("--timeout", "ses_timeout", type=click.FloatRange(0.1, 600), default=30.0, show_default=True,
              metavar="SECONDS", help="Live SES: how long to wait to connect, and for each answer. Throttling and "
              "5xx answers are retried (5 attempts, about 17 s at most); a timeout is retried once.")
@click.option("--debug", is_flag=True, help="Show SES requests and answers and, on errors, the traceback, for "
              "bug reports (credentials, tokens and signatures redacted).")
@click.version_option(__version__, prog_name="ses-export")
def main(domains, identity_file, region_list, profile, all_identities, fmt, output, ttl, zone, mail_from, dmarc,
         no_dmarc, dkim_public_key, verification_token, lang, dns_host, check, nameservers, dns_timeout, zone_id,
         cloudflare_provider, ses_timeout, debug):
    if debug:  # botocore's request log on stderr, redacted, until the command ends
        from . import debug as debug_report
        click.get_current_context().call_on_close(debug_report.start())
    format_given = click.get_current_context().get_parameter_source("fmt") != click.core.ParameterSource.DEFAULT
    try:
        region = _one_region(region_list, all_identities, identity_file, domains)
        status = _run(domains, identity_file, region, profile, fmt, output, ttl, zone, mail_from,
                      None if no_dmarc else dmarc, dkim_public_key, verification_token, lang, dns_host,
                      _check_settings(check, nameservers, dns_timeout, fmt if format_given else None),
                      zone_id=zone_id, cloudflare_provider=cloudflare_provider,
                      all_regions=list(dict.fromkeys(region_list)) if all_identities else None,
                      ses_timeout=ses_timeout)
    except ExportError as e:
        if debug:
            from . import debug as debug_report
            debug_report.show_traceback(e)
        click.echo(f"ses-export: {e}", err=True)
        sys.exit(e.exit_code)
    except KeyboardInterrupt:
        click.echo("ses-export: interrupted", err=True)
        sys.exit(130)
    if status:
        sys.exit(status)


def _check_settings(check, nameservers, timeout, fmt):
    """--check and its options, or None; options that only make sense with --check are refused without it."""
    if not check:
        if nameservers:
            raise InputError("--nameserver: only with --check (it names the DNS servers to check against)")
        return None
    if fmt not in (None, "json"):
        raise InputError(f"--format: {fmt} writes the records; with --check the report is a table "
                         "(the default) or json")
    return {"nameservers": nameservers, "timeout": timeout, "format": fmt or "table"}


def _one_region(region_list, all_identities, identity_file, domains):
    """Only --all takes several regions; it lists SES, so no DOMAIN and no saved files with it."""
    if all_identities and identity_file is not None:
        raise InputError("--all: lists live SES; with --identity-file, a folder of DOMAIN.json already means all of them")
    if all_identities and domains:
        raise InputError(f"--all: every domain identity is exported; drop the DOMAIN arguments ({', '.join(domains)})")
    if len(set(region_list)) > 1 and not all_identities:
        raise InputError(f"--region: given {len(set(region_list))} regions; only --all reads several regions")
    return region_list[0] if region_list else None


def _run(domains, identity_file, region, profile, fmt, output, ttl, zone, mail_from, dmarc,
         dkim_public_key, verification_token, lang, dns_host="generic", check=None, zone_id=None,
         cloudflare_provider="v5", all_regions=None, ses_timeout=None):
    from . import model, output as out, regions, render
    from .language import default_language

    public_key = _read_public_key(dkim_public_key) if dkim_public_key else None
    if identity_file is None and not domains and all_regions is None:
        raise InputError("DOMAIN: name at least one domain identity, or pass --identity-file or --all")

    if identity_file is not None:
        from . import saved

        loaded = saved.load(identity_file, list(domains))
        region = region if region is not None else regions.configured_region(profile)
        opts = model.options(region=region, ttl=ttl, zone=zone, mail_from=mail_from, dmarc=dmarc,
                             dkim_public_key=public_key, verification_token=verification_token)
        identities = [model.identity(item.response, item.domain, opts, item.source) for item in loaded]
    else:
        from . import fleet, names, ses

        # One Options per region; fleet paces each region. AWS_REGION is read here, which
        # boto3 alone would ignore (it reads AWS_DEFAULT_REGION).
        per_region = [model.options(region=r, ttl=ttl, zone=zone, mail_from=mail_from, dmarc=dmarc,
                                    dkim_public_key=public_key, verification_token=verification_token)
                      for r in (all_regions or [region if region is not None else regions.configured_region(profile)])]
        wanted = None if all_regions is not None else list(dict.fromkeys(names.domain(d, "DOMAIN") for d in domains))
        fetched = fleet.fetch(per_region, lambda r: ses.SesSource(r, profile, ses_timeout), wanted, fleet.Progress())
        identities = fetched.identities
        for note in fetched.notes:
            click.echo(f"ses-export: note: {note}", err=True)

    for identity in identities:
        for note in identity.notes:
            click.echo(f"ses-export: note: {identity.name}: {note}", err=True)
    if check is not None:
        return _check(identities, check, output, lang or default_language(), live=identity_file is None)
    settings = {"lang": lang or default_language(), "dns_host": dns_host, "zone_id": zone_id,
                "cloudflare_provider": cloudflare_provider}
    if out.is_folder(output):
        file_names = out.file_names(identities, fmt)
        out.write_folder(output, {n: render.render(fmt, [i], **settings) for n, i in zip(file_names, identities)})
    else:
        out.emit(render.render(fmt, identities, **settings), output)


def _check(identities, settings, output, lang, live) -> int:
    from . import check_report, dns_query, output as out

    servers = [dns_query.parse_nameserver(text) for text in settings["nameservers"]]
    results = [dns_query.check_identity(identity, servers, settings["timeout"]) for identity in identities]
    if settings["format"] == "json":
        for result in results:  # the table lists these itself; the JSON list has no place for them
            for server, reason in result.failures.items():
                click.echo(f"ses-export: warning: {result.identity.name}: {server} could not be asked: {reason}",
                           err=True)
        text = check_report.render_json(results, lang)
    else:
        colour = output in (None, "-") and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        text = check_report.render_table(results, lang, live, colour)
    out.emit(text, output)
    return check_report.exit_status(results)


def _read_public_key(path: str) -> str:
    from .dkim_key import public_key_base64

    try:
        with open(path, encoding="ascii") as handle:
            return public_key_base64(handle.read(), f"--dkim-public-key: {path}")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"--dkim-public-key: {path}: cannot read it ({getattr(e, 'strerror', None) or e})") from None


if __name__ == "__main__":
    main()
