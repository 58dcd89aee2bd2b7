"""Errors the user can act on. Each carries its exit status (docs/usage.md, "Exit status").

A library caller reads `str(error)`: "ttl: 0 is not a TTL ...", naming the parameter. The command
line names its option instead ("--ttl: ..."): `cli_message` is what cli.py prints.

The language of an error: a message given as a Phrase (a key of the catalogues' MESSAGES, with its
values) is said in the run's language (`cli_message(lang)`); `str(error)` is always English, for
programs and logs. The rule for which messages are Phrases is in docs/design.md ("Languages").
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_CHECK_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_AWS = 3
# Beyond the tool's own four: the conventions of sysexits.h and of the shell.
EXIT_INTERNAL = 70  # EX_SOFTWARE: a bug in ses-export
EXIT_OUTPUT = 74  # EX_IOERR: the output could not be written (standard output full or closed, a device's error)
EXIT_INTERRUPTED = 130  # 128 + SIGINT
EXIT_TERMINATED = 143  # 128 + SIGTERM
EXIT_STDOUT_CLOSED = 141  # 128 + SIGPIPE: the reader of stdout went away (`| head`)


class ExportError(Exception):
    """A failure that ends the run with one line on stderr and no traceback.

    `option` names the parameter at fault (as the library spells it: "ttl", "mail_from"), when
    one is; the message then starts with it.
    """

    exit_code = EXIT_BAD_INPUT

    def __init__(self, message: object, option: str | None = None):
        # `message`: English text, or a Phrase of the catalogues' MESSAGES (exporter/phrase.py)
        self.phrase = None if isinstance(message, str) else message
        detail = message if isinstance(message, str) else _said(message, "en")
        super().__init__(f"{option}: {detail}" if option else detail)
        self.option = option
        self.detail = detail

    def cli_message(self, lang: str = "en") -> str:
        """The message as the command line says it, in `lang` where it is a Phrase: the option as a
        flag ("--mail-from: ...")."""
        detail = self.detail if self.phrase is None or lang == "en" else _said(self.phrase, lang)
        if self.option is None:
            return detail
        return f"--{self.option.replace('_', '-')}: {detail}"


def _said(phrase: object, lang: str) -> str:
    from .text import plain

    return plain(phrase, lang)


class InputError(ExportError):
    """Bad usage or bad input: the message names the input and what is wrong with it."""

    exit_code = EXIT_BAD_INPUT


class AwsError(ExportError):
    """SES, AWS or network failure: credentials, access, not found, throttling, timeouts."""

    exit_code = EXIT_AWS


class DnsError(ExportError):
    """DNS could not be asked at all (no servers, every query timed out)."""

    exit_code = EXIT_AWS


class OutputError(ExportError):
    """The records were made but could not be written: standard output or the -o device failed
    (no space, closed). `stdout` says which: cli.py then points standard output at /dev/null so
    that Python's own flush at exit does not print a second error."""

    exit_code = EXIT_OUTPUT

    def __init__(self, message: object, stdout: bool = False, exit_code: int | None = None):  # text or a Phrase
        super().__init__(message)
        self.stdout = stdout
        if exit_code is not None:
            self.exit_code = exit_code


# The ranges of the numeric options, in one place for the command line (click's ranges in cli.py) and
# the library's own checks (Job, exporter.check, exporter.fetch_live).
DNS_TIMEOUT_RANGE = (0.1, 60)  # seconds per DNS answer (whole bounds: --help shows them as typed)
SES_TIMEOUT_RANGE = (0.1, 600)  # seconds per SES answer
MAX_QUERIES_RANGE = (1, 10000)  # DNS questions in flight


def check_seconds(value: object, option: str, bounds: tuple[float, float]) -> None:
    """A number of seconds within `bounds`, or InputError naming `option` (a bool is no number)."""
    low, high = bounds
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
        from .phrase import Phrase

        raise InputError(Phrase("error.not-seconds", value=repr(value), low=f"{low:g}", high=f"{high:g}"),
                         option=option)


def check_whole(value: object, option: str, bounds: tuple[int, int]) -> None:
    """A whole number within `bounds`, or InputError naming `option`."""
    low, high = bounds
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        from .phrase import Phrase

        raise InputError(Phrase("error.not-whole", value=repr(value), low=low, high=high), option=option)
