"""Errors the user can act on. Each carries the exit status of DESIGN.md section 3."""

EXIT_OK = 0
EXIT_CHECK_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_AWS = 3
# Beyond DESIGN.md's four: the conventions of sysexits.h and of the shell.
EXIT_INTERNAL = 70  # EX_SOFTWARE: a bug in ses-export
EXIT_INTERRUPTED = 130  # 128 + SIGINT
EXIT_STDOUT_CLOSED = 141  # 128 + SIGPIPE: the reader of stdout went away (`| head`)


class ExportError(Exception):
    """A failure that ends the run with one line on stderr and no traceback."""

    exit_code = EXIT_BAD_INPUT


class InputError(ExportError):
    """Bad usage or bad input: the message names the input and what is wrong with it."""

    exit_code = EXIT_BAD_INPUT


class AwsError(ExportError):
    """SES, AWS or network failure: credentials, access, not found, throttling, timeouts."""

    exit_code = EXIT_AWS


class DnsError(ExportError):
    """DNS could not be asked at all (no servers, every query timed out)."""

    exit_code = EXIT_AWS
