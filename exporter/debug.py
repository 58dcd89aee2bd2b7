"""--debug: what a bug report needs on stderr (the request log, the whole traceback), with secrets redacted.

The request log is botocore's and urllib3's DEBUG logging (what was sent where, the answers' status and
headers and bodies, the retries and their delays), less the chatter that says nothing about the request.
Everything written here passes `redact`: signatures, credentials, session and access tokens are replaced,
whatever form they are logged in (HTTP headers, a presigned query string, STS's XML, SSO's JSON, a
credentials file's `key = value`), and so are the secret values found in the environment.
"""

from __future__ import annotations

import logging
import sys
import traceback

from .redaction import REDACTED, SECRET_ENVIRONMENT, redact  # noqa: F401 (REDACTED, SECRET_ENVIRONMENT: for callers)

REQUEST_LOGGERS = ("botocore", "urllib3", "exporter")
# Event hooks, model loading and endpoint-rule evaluation: hundreds of lines, no request detail.
# botocore.auth logs the canonical request and the string it signs, and the signature itself.
QUIET_LOGGERS = ("botocore.hooks", "botocore.loaders", "botocore.endpoint_provider", "botocore.regions",
                 "botocore.auth", "botocore.utils")


class RedactingFormatter(logging.Formatter):
    """Formats as usual (the traceback of a logged exception included), then redacts and escapes."""

    def format(self, record: logging.LogRecord) -> str:
        from .stderr import lines

        return lines(super().format(record))


class _CurrentStderr(logging.StreamHandler):
    """Writes to sys.stderr as it is at each line (click's test runner replaces it per run)."""

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, _value):
        pass


def start():
    """Send the request log to stderr, redacted; returns the function that undoes it."""
    handler = _CurrentStderr()
    handler.setFormatter(RedactingFormatter("ses-export debug: %(relativeCreated)6.0f ms %(name)s: %(message)s"))
    changed = []
    for name in REQUEST_LOGGERS + QUIET_LOGGERS:
        logger = logging.getLogger(name)
        changed.append((logger, logger.level))
        logger.setLevel(logging.DEBUG if name in REQUEST_LOGGERS else logging.WARNING)
    for name in REQUEST_LOGGERS:
        logging.getLogger(name).addHandler(handler)

    def stop() -> None:
        for name in REQUEST_LOGGERS:
            logging.getLogger(name).removeHandler(handler)
        for logger, level in changed:
            logger.setLevel(level)

    return stop


def traceback_text(error: BaseException) -> str:
    """The traceback of `error` and of every exception it was raised from or while handling, oldest
    first, redacted. Unlike Python's own, it shows the ones hidden with `raise ... from None`: ses.py
    turns botocore's exception into a one-line AwsError that way, and the report needs botocore's."""
    chain, seen = [], set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append("".join(traceback.format_exception(type(current), current, current.__traceback__, chain=False)))
        current = current.__cause__ or current.__context__
    return redact("\nDuring handling of the above exception, another exception occurred:\n\n".join(reversed(chain)))


def show_traceback(error: BaseException) -> None:
    from .stderr import lines

    sys.stderr.write(lines(traceback_text(error)))
    sys.stderr.flush()
