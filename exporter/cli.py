"""The command line: parse options, wire source -> model -> render -> output. No logic lives here."""

from __future__ import annotations

import os
import sys

import click

from . import __version__, formats
from .errors import (
    DNS_TIMEOUT_RANGE,
    EXIT_BAD_INPUT,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_STDOUT_CLOSED,
    MAX_QUERIES_RANGE,
    SES_TIMEOUT_RANGE,
    ExportError,
    InputError,
)
from .language import LANGUAGES
from .panels import PANEL_NAMES

HELP = """Write the DNS records an Amazon SES domain identity needs, in the form the next person needs.

\b
Examples (run from a checkout: samples/ holds saved identities):
  ses-export example.com --format bind                # live SES, default AWS configuration
  ses-export --all --region us-east-1 -f json -o zones/   # every identity, a file each
  ses-export shop.example.net --identity-file samples/identities/shop.example.net.json --lang ja   # region: from the file
  ses-export example.com --identity-file - --region us-east-1 -f bind < samples/identities/example.com.json
  ses-export example.com shop.example.net --identity-file samples/identities -f bind -o records.zone

Every CNAME target, MX exchange and BIND owner name is written as a fully qualified
name with its final dot, so no DNS panel can append the zone to it.

\b
Exit status: 0 success; 1 --check found a record that is not right;
2 bad usage or bad input; 3 SES, AWS or network failure;
70 an internal error (a bug: please report it with --debug); 74 the output could
not be written (standard output full or closed); 130 interrupted; 141 the reader
of standard output closed the pipe.
"""


class OneLineErrors(click.Command):
    """click's usage errors as one line on stderr, like every other error of ses-export."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        argv = sys.argv[1:] if args is None else list(args)
        if "--help" in argv or "-h" in argv:
            self._help_in(_language(argv))
        try:
            status = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.ClickException as e:
            # click's own sentence is English (it has no catalogue); the hint is the user's language's
            hint = " " + _said("error.see-help", _language(args)) if isinstance(e, click.UsageError) else ""
            click.echo(f"ses-export: {e.format_message()}{hint}", err=True)
            sys.exit(EXIT_BAD_INPUT)
        except click.Abort:  # Ctrl-C while click itself was reading input
            click.echo(f"ses-export: {_said('error.interrupted', _language(args))}", err=True)
            sys.exit(EXIT_INTERRUPTED)
        sys.exit(status or 0)


    def _help_in(self, lang: str) -> None:
        """--help in `lang` where its catalogue has a HELP dict (optional: an option it does not
        describe keeps the English text written here; click's own headings stay click's)."""
        english = self.__dict__.setdefault("_english", {"command": self.help, **{
            param.name: param.help for param in self.params if isinstance(param, click.Option)}})
        words: dict = {}
        if lang != "en":
            from .text import catalogue

            try:
                words = getattr(catalogue(lang), "HELP", {})
            except ExportError:  # an incomplete catalogue: English help, and a run says why
                words = {}
        self.help = words.get("command", english["command"])
        for param in self.params:
            if isinstance(param, click.Option):
                param.help = words.get(param.name, english[param.name])
        self._help_words = words

    def get_help_option(self, ctx: click.Context):
        option = super().get_help_option(ctx)  # click may keep one and hand it out again: set it each time
        if option is not None:
            english = self.__dict__.setdefault("_english_help", option.help)
            option.help = getattr(self, "_help_words", {}).get("help", english)
        return option


@click.command(cls=OneLineErrors, help=HELP, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.argument("domains", metavar="[DOMAIN]...", nargs=-1)
@click.option("--identity-file", metavar="PATH",
              help="Read saved 'aws sesv2 get-email-identity' JSON instead of calling SES: a file for one "
                   "DOMAIN (without DOMAIN, the file's name DOMAIN.json says it), '-' for stdin, or a folder of DOMAIN.json "
                   "files (DOMAINs then pick some; none means all).")
@click.option("--region", "regions", metavar="REGION", multiple=True,
              help="AWS region (default: the one the identity's SigningHostedZone names, else AWS_REGION or the "
              "AWS configuration). Saved JSON does not record it; it is needed for the MAIL FROM MX record. "
              "A region that contradicts the identity's SigningHostedZone is refused. "
              "With --all it may be repeated: the regions are read in parallel.")
@click.option("--profile", metavar="NAME", help="AWS profile for credentials and region.")
@click.option("--all", "all_identities", is_flag=True,
              help="Every domain identity of the region(s) in live SES (email-address identities are skipped).")
@click.option("-f", "--format", "format", type=click.Choice(formats.names()), default="instructions",
              show_default=True, help="What to write (docs/formats.md); with --check, json for the report as JSON.")
@click.option("-o", "--output", metavar="PATH", help="Write to PATH (atomically: a failed run leaves no partial file) instead of stdout. "
              "A folder (existing, or ending in '/') gets one file per identity, DOMAIN.SUFFIX (bind: per zone, ZONE.zone). "
              "A symbolic link's target is replaced, a device or FIFO written through.")
@click.option("--ttl", type=int, default=None, help="Record TTL in seconds (1..2147483647; default 1800).")
@click.option("--zone", metavar="ZONE", help="The DNS zone that holds the records (default: the identity's registrable "
              "domain by the Public Suffix List); decides the relative host names in csv and instructions. "
              "A public suffix (co.uk) is refused.")
@click.option("--mail-from", metavar="DOMAIN", multiple=True,
              help="A MAIL FROM subdomain to plan when SES has none configured yet.")
@click.option("--dmarc", metavar="TEXT", default=None,
              help="DMARC record value (RFC 7489: v=DMARC1 first, p=none|quarantine|reject, known tags only). "
              "Default: 'v=DMARC1; p=none;' for an identity at its organisational domain, none below it "
              "(the organisation's policy applies there).")
@click.option("--no-dmarc", is_flag=True, help="Leave the DMARC record out.")
@click.option("--dmarc-rua", metavar="MAILTO", help="Add aggregate reports to the default DMARC record "
              "(mailto:ADDRESS[,mailto:ADDRESS]).")
@click.option("--dkim-public-key", metavar="KEY", type=click.Path(),
              help="BYODKIM: the public key (PEM or DER, RSA 1024..2048 bits) whose DKIM TXT record to write (the "
              "selector comes from SES); a folder of DOMAIN.pem files for several identities.")
@click.option("--verification-token", metavar="TOKEN",
              help="Also write the legacy SES v1 '_amazonses' TXT record with this VerificationToken "
              "(44 base64 characters).")
# The localized formats named as text: asking the registry would import every format module at each
# start-up (tests/test_format_registry.py holds this list to it).
@click.option("--lang", type=click.Choice(LANGUAGES), default=None,
              help="Language of the text for people: the outputs (html, instructions), the --check "
              "report, the notes and refusals on stderr (default: from the locale, else en).")
@click.option("--dns-host", type=click.Choice((*PANEL_NAMES, "auto")), default=None,
              help="Tailor the instructions to this DNS panel's fields and quirks (default: generic); auto: the "
              "panel that serves the zone, from its NS records (generic, with a note, when unknown or DNS cannot "
              "be asked).")
@click.option("--check", is_flag=True, help="Look the records up in DNS instead of writing them: a table (or "
              "-f json) saying ok, missing or wrong per record, with the cause and the fix. Exit 1 when one is not ok.")
@click.option("--merge-live", is_flag=True,
              help="Before writing, ask the zone's servers (or --nameserver) what the MAIL FROM name and _dmarc "
              "already hold, and write what can be published without losing any of it: a valid DMARC record is "
              "kept (none written), SPF gets include:amazonses.com before its all (one record, never two), other "
              "TXT strings are kept in the formats that write whole record sets. Refused (exit 2) where no valid "
              "merge exists: two SPF records, a permerror, more than 10 look-ups; DNS that cannot be asked is exit 3.")
@click.option("--nameserver", "nameservers", metavar="HOST[:PORT]", multiple=True,
              help="With --check or --merge-live: ask this server instead of the zone's own (with --check, repeat "
              "it to compare several). "
              "With --dns-host auto: ask it for the zone's NS records.")
@click.option("--dns-timeout", type=click.FloatRange(*DNS_TIMEOUT_RANGE), default=2.0, show_default=True, metavar="SECONDS",
              help="With --check or --merge-live: how long to wait for each DNS answer (one retry follows a timeout).")
@click.option("--only-problems", is_flag=True, help="With --check: leave identities whose records are all right "
              "out of the report (the summary line still counts them).")
@click.option("--max-queries", type=click.IntRange(*MAX_QUERIES_RANGE), default=None, metavar="N",
              help="With --check or --merge-live: DNS questions in flight at once, across all identities "
              "(default 2500).")
@click.option("--wait", metavar="DURATION",
              help="With --check: check again, with growing pauses, until every record is right on every server, "
              "for at most DURATION (90s, 30m, 1h30m); progress on stderr; exit 1 if the time runs out.")
@click.option("--zone-id", metavar="ID", help="terraform-route53, cloudformation: the hosted zone id, instead of a look-up by name "
              "(terraform-cloudflare: the default of the zone id variable; terraform-google: of the managed zone name).")
@click.option("--cloudflare-provider", type=click.Choice(("v5", "v4")), default=None,
              help="terraform-cloudflare: provider generation (v5 cloudflare_dns_record, the default; v4 cloudflare_record).")
@click.option("--timeout", "ses_timeout", type=click.FloatRange(*SES_TIMEOUT_RANGE), default=30.0, show_default=True,
              metavar="SECONDS", help="Live SES: how long to wait to connect, and for each answer. Throttling and "
              "5xx answers are retried (5 attempts, about 17 s at most); a timeout is retried once.")
@click.option("--debug", is_flag=True, help="Show SES requests and answers and, on errors, the traceback, for "
              "bug reports (credentials, tokens and signatures redacted).")
@click.version_option(__version__, prog_name="ses-export")
def main(no_dmarc, debug, **options):
    from .job import Job, run

    context = click.get_current_context()
    lang = _language_of(options["lang"])
    try:
        options.update(_dmarc_and_mail_from(options, no_dmarc))
    except ExportError as e:
        _fail(_message(e, lang), e.exit_code)
    if debug:  # botocore's request log on stderr, redacted, until the command ends
        from . import debug as debug_report

        context.call_on_close(debug_report.start())
    try:
        if options["check"]:
            options["report_format"] = _report_format(context, options["format"])
            options["colour"] = options["output"] in (None, "-") and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        status = run(Job(**options))
    except ExportError as e:
        if getattr(e, "stdout", False):
            # Standard output failed: point it at /dev/null so that Python's own flush at exit does
            # not print a second error; the one line goes to stderr.
            os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
        _fail(_message(e, lang), e.exit_code, e if debug else None)
    except KeyboardInterrupt:
        _fail(_said("error.interrupted", lang), EXIT_INTERRUPTED)
    except BrokenPipeError:
        # stdout closed early (`ses-export ... | head`): nothing more can be said there. Point it at
        # /dev/null so Python's own flush at exit does not print a second error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(EXIT_STDOUT_CLOSED)
    except Exception as e:
        detail = " ".join(str(e).split())  # one line, whatever the exception's text holds
        _fail(_said("error.internal", lang, kind=type(e).__name__, detail=detail), EXIT_INTERNAL,
              e if debug else None)
    return status


def _dmarc_and_mail_from(options: dict, no_dmarc: bool) -> dict:
    """--dmarc/--no-dmarc into Job.dmarc, and the one --mail-from; contradictions refused."""
    from .model import AUTO_DMARC
    from .phrase import Phrase

    if no_dmarc and options["dmarc"] is not None:
        raise InputError(Phrase("error.dmarc-and-no-dmarc"), option="dmarc")
    mail_from = options["mail_from"]
    if len(mail_from) > 1:
        raise InputError(Phrase("error.mail-from-repeated", count=len(mail_from), given=", ".join(mail_from)),
                         option="mail_from")
    return {"dmarc": None if no_dmarc else (options["dmarc"] if options["dmarc"] is not None else AUTO_DMARC),
            "mail_from": mail_from[0] if mail_from else None}


def _report_format(context: click.Context, fmt: str) -> str:
    """--check writes a report, not records: a table, or JSON when -f json is given."""
    if context.get_parameter_source("format") == click.core.ParameterSource.DEFAULT:
        return "table"
    if fmt != "json":
        from .phrase import Phrase

        raise InputError(Phrase("error.check-format", format=fmt), option="format")
    return "json"


def _language_of(given: str | None) -> str:
    """The run's language, for its error lines too: --lang, else the locale's."""
    from .language import default_language

    return given or default_language()


def _language(args) -> str:
    """The language asked for on a command line click could not parse: --lang's value where it names
    a catalogue, else the locale's."""
    args = list(sys.argv[1:] if args is None else args)
    for index, arg in enumerate(args):
        value = arg[len("--lang="):] if arg.startswith("--lang=") else (
            args[index + 1] if arg == "--lang" and index + 1 < len(args) else None)
        if value in LANGUAGES:
            return value
    return _language_of(None)


def _said(key: str, lang: str, **values: object) -> str:
    """The sentence `key` of MESSAGES in `lang`; in English where that catalogue cannot say it (incomplete)."""
    from .phrase import Phrase
    from .text import plain

    phrase = Phrase(key, **values)
    try:
        return plain(phrase, lang)
    except ExportError:
        return plain(phrase, "en")


def _message(error: ExportError, lang: str) -> str:
    """The error's line in `lang` (English where its catalogue is incomplete, as that error itself says)."""
    try:
        return error.cli_message(lang)
    except ExportError:
        return error.cli_message()


def _fail(message: str, status: int, show_traceback_of: BaseException | None = None) -> None:
    """The one line on stderr and the exit; with --debug the (redacted) traceback comes first."""
    if show_traceback_of is not None:
        from . import debug as debug_report

        debug_report.show_traceback(show_traceback_of)
    from .stderr import say

    say(message)
    sys.exit(status)


if __name__ == "__main__":
    main()
